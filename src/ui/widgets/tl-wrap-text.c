/* tl-wrap-text.c: a block of wrapped text for list rows. A wrapped
 * GtkLabel looks for its natural width by laying its text out again and
 * again; in a list of hundreds of rows that was most of the time it took
 * to show a transcript (2.6 ms a row). This widget asks for little width,
 * lays its text out once per width it is given, and keeps the result. */
#include "tl-wrap-text.h"

/* The width it asks for; the list gives it the whole row anyway. */
#define NATURAL_WIDTH 240
#define MINIMUM_WIDTH 80

struct _TlWrapText {
  GtkWidget parent_instance;
  PangoLayout *layout;
  char *text;
  guint context_serial; /* of the Pango context the layout was made with */
  int laid_width;       /* the width of the last layout, -1 if none */
  int laid_height;
};

G_DEFINE_FINAL_TYPE (TlWrapText, tl_wrap_text, GTK_TYPE_WIDGET)

/* The layout, laid out again when the font changed: GTK gives the widget
 * a new Pango context serial then (a CSS class such as .non-speech). */
static PangoLayout *
get_layout (TlWrapText *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));

  if (self->layout == NULL || pango_context_get_serial (context) != self->context_serial)
    {
      if (self->layout == NULL)
        {
          self->layout = pango_layout_new (context);
          pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_text (self->layout, self->text ? self->text : "", -1);
        }
      else
        pango_layout_context_changed (self->layout);
      self->context_serial = pango_context_get_serial (context);
      self->laid_width = -1;
    }
  return self->layout;
}

static void
lay_out (TlWrapText *self, int width)
{
  PangoLayout *layout = get_layout (self);

  if (width == self->laid_width)
    return;
  pango_layout_set_width (layout, width > 0 ? width * PANGO_SCALE : -1);
  pango_layout_get_pixel_size (layout, NULL, &self->laid_height);
  self->laid_width = width;
}

static GtkSizeRequestMode
tl_wrap_text_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
tl_wrap_text_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum, int *natural,
                      int *minimum_baseline, int *natural_baseline)
{
  TlWrapText *self = TL_WRAP_TEXT (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MINIMUM_WIDTH;
      *natural = NATURAL_WIDTH;
      return;
    }
  lay_out (self, for_size > 0 ? for_size : NATURAL_WIDTH);
  *minimum = *natural = self->laid_height;
}

static void
tl_wrap_text_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  TlWrapText *self = TL_WRAP_TEXT (widget);
  GdkRGBA color;

  lay_out (self, gtk_widget_get_width (widget));
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
}

static void
tl_wrap_text_finalize (GObject *object)
{
  TlWrapText *self = TL_WRAP_TEXT (object);

  g_clear_object (&self->layout);
  g_free (self->text);
  G_OBJECT_CLASS (tl_wrap_text_parent_class)->finalize (object);
}

static void
tl_wrap_text_class_init (TlWrapTextClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = tl_wrap_text_finalize;
  widget_class->get_request_mode = tl_wrap_text_get_request_mode;
  widget_class->measure = tl_wrap_text_measure;
  widget_class->snapshot = tl_wrap_text_snapshot;
  gtk_widget_class_set_css_name (widget_class, "wraptext");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
tl_wrap_text_init (TlWrapText *self)
{
  self->laid_width = -1;
}

GtkWidget *
tl_wrap_text_new (void)
{
  return g_object_new (TL_TYPE_WRAP_TEXT, NULL);
}

static void
changed (TlWrapText *self)
{
  self->laid_width = -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);
}

void
tl_wrap_text_set_text (TlWrapText *self, const char *text)
{
  g_return_if_fail (TL_IS_WRAP_TEXT (self));
  if (g_strcmp0 (text, self->text) == 0 && self->layout && pango_layout_get_attributes (self->layout) == NULL)
    return;
  g_free (self->text);
  self->text = g_strdup (text ? text : "");
  pango_layout_set_attributes (get_layout (self), NULL);
  pango_layout_set_text (get_layout (self), self->text, -1);
  changed (self);
}

/* Pango markup; the plain text (for accessibility) is taken from it. */
void
tl_wrap_text_set_markup (TlWrapText *self, const char *markup)
{
  g_autofree char *plain = NULL;

  g_return_if_fail (TL_IS_WRAP_TEXT (self));
  pango_parse_markup (markup, -1, 0, NULL, &plain, NULL, NULL);
  g_free (self->text);
  self->text = g_steal_pointer (&plain);
  pango_layout_set_markup (get_layout (self), markup, -1);
  changed (self);
}

const char *
tl_wrap_text_get_text (TlWrapText *self)
{
  g_return_val_if_fail (TL_IS_WRAP_TEXT (self), NULL);
  return self->text;
}

/* Returns: (transfer none) (nullable): the text's attributes (its marks) */
PangoAttrList *
tl_wrap_text_get_attributes (TlWrapText *self)
{
  g_return_val_if_fail (TL_IS_WRAP_TEXT (self), NULL);
  return self->layout ? pango_layout_get_attributes (self->layout) : NULL;
}
