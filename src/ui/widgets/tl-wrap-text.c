/* tl-wrap-text.c: a block of wrapped text for list rows. A wrapped
 * GtkLabel looks for its natural width by laying its text out again and
 * again; in a list of hundreds of rows that was most of the time it took
 * to show a transcript (2.6 ms a row). This widget asks for little width,
 * lays its text out once per width it is given, and keeps the result.
 * Ranges of its text (the word being said, the words selected, the word
 * with the focus) are drawn behind and under it, never laid out again:
 * moving them costs a redraw of this one widget. */
#include "tl-wrap-text.h"

#include <string.h>

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
  TlTextRange ranges[TL_WRAP_TEXT_N_RANGES]; /* bytes; start == end: none */
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

/* Calls @draw for each piece of line that bytes [@start, @end) cover. */
static void
for_each_piece (TlWrapText *self, int start, int end,
                void (*draw) (GtkSnapshot *snapshot, const graphene_rect_t *rect, const GdkRGBA *color),
                GtkSnapshot *snapshot, const GdkRGBA *color)
{
  PangoLayoutIter *iter = pango_layout_get_iter (self->layout);

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      int *x_ranges = NULL, n_ranges = 0, y0, y1;

      if (line->start_index >= end)
        break;
      if (line->start_index + line->length <= start)
        continue;
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_line_get_x_ranges (line, MAX (start, line->start_index),
                                      MIN (end, line->start_index + line->length), &x_ranges, &n_ranges);
      for (int i = 0; i < n_ranges; i++)
        {
          graphene_rect_t rect;

          graphene_rect_init (&rect, (float) x_ranges[2 * i] / PANGO_SCALE, (float) y0 / PANGO_SCALE,
                              (float) (x_ranges[2 * i + 1] - x_ranges[2 * i]) / PANGO_SCALE,
                              (float) (y1 - y0) / PANGO_SCALE);
          if (rect.size.width > 0)
            draw (snapshot, &rect, color);
        }
      g_free (x_ranges);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_fill (GtkSnapshot *snapshot, const graphene_rect_t *rect, const GdkRGBA *color)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, &GRAPHENE_RECT_INIT (rect->origin.x - 1, rect->origin.y,
                                                                   rect->size.width + 2, rect->size.height), 3);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, &rounded.bounds);
  gtk_snapshot_pop (snapshot);
}

/* A bar under the word: the word being said reads without colours too */
static void
draw_underline (GtkSnapshot *snapshot, const graphene_rect_t *rect, const GdkRGBA *color)
{
  gtk_snapshot_append_color (snapshot, color,
                             &GRAPHENE_RECT_INIT (rect->origin.x, rect->origin.y + rect->size.height - 2,
                                                  rect->size.width, 2));
}

static void
draw_outline (GtkSnapshot *snapshot, const graphene_rect_t *rect, const GdkRGBA *color)
{
  GskRoundedRect rounded;
  const float widths[4] = { 1, 1, 1, 1 };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rounded, &GRAPHENE_RECT_INIT (rect->origin.x - 1, rect->origin.y,
                                                                   rect->size.width + 2, rect->size.height), 3);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
}

static GdkRGBA
accent (GtkWidget *widget, float alpha)
{
  GdkRGBA color = { 0.21f, 0.52f, 0.89f, 1 }; /* libadwaita's blue, where the theme names none */

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_bg_color", &color);
G_GNUC_END_IGNORE_DEPRECATIONS
  color.alpha *= alpha;
  return color;
}

static gboolean
has_range (TlWrapText *self, TlWrapTextRange which)
{
  return self->ranges[which].end > self->ranges[which].start;
}

static void
tl_wrap_text_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  TlWrapText *self = TL_WRAP_TEXT (widget);
  GdkRGBA color, spoken = accent (widget, 0.22f), bar = accent (widget, 1), selected = accent (widget, 0.4f);
  const TlTextRange *r = self->ranges;

  lay_out (self, gtk_widget_get_width (widget));
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  if (has_range (self, TL_WRAP_TEXT_SELECTED))
    for_each_piece (self, r[TL_WRAP_TEXT_SELECTED].start, r[TL_WRAP_TEXT_SELECTED].end, draw_fill, snapshot,
                    &selected);
  if (has_range (self, TL_WRAP_TEXT_SPOKEN))
    {
      for_each_piece (self, r[TL_WRAP_TEXT_SPOKEN].start, r[TL_WRAP_TEXT_SPOKEN].end, draw_fill, snapshot, &spoken);
      for_each_piece (self, r[TL_WRAP_TEXT_SPOKEN].start, r[TL_WRAP_TEXT_SPOKEN].end, draw_underline, snapshot, &bar);
    }
  if (has_range (self, TL_WRAP_TEXT_CURSOR))
    for_each_piece (self, r[TL_WRAP_TEXT_CURSOR].start, r[TL_WRAP_TEXT_CURSOR].end, draw_outline, snapshot, &bar);
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

/**
 * tl_wrap_text_set_range:
 * @which: what the range shows
 * @start: its first byte in the text
 * @end: the byte after it; @start == @end: none
 *
 * Draws a range of the text as @which says; only this widget is drawn
 * again, its text is not laid out again.
 */
void
tl_wrap_text_set_range (TlWrapText *self, TlWrapTextRange which, int start, int end)
{
  g_return_if_fail (TL_IS_WRAP_TEXT (self));
  g_return_if_fail (which < TL_WRAP_TEXT_N_RANGES);
  if (end <= start)
    start = end = 0;
  if (self->ranges[which].start == start && self->ranges[which].end == end)
    return;
  self->ranges[which].start = start;
  self->ranges[which].end = end;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tl_wrap_text_index_at:
 * @x: widget coordinates
 *
 * Returns: the byte of the text at (@x, @y), or -1 where there is no text
 *   (beside a line's end, under the last line)
 */
int
tl_wrap_text_index_at (TlWrapText *self, double x, double y)
{
  int index, trailing;

  g_return_val_if_fail (TL_IS_WRAP_TEXT (self), -1);
  if (self->text == NULL || *self->text == '\0' || x < 0 || y < 0)
    return -1;
  lay_out (self, gtk_widget_get_width (GTK_WIDGET (self)));
  if (!pango_layout_xy_to_index (self->layout, (int) (x * PANGO_SCALE), (int) (y * PANGO_SCALE), &index, &trailing))
    return -1;
  return index;
}

/**
 * tl_wrap_text_range_point:
 * @x: (out): widget coordinates
 *
 * Returns: whether the text has bytes [@start, @end); the middle of their
 *   first piece then in (@x, @y)
 */
gboolean
tl_wrap_text_range_point (TlWrapText *self, int start, int end, double *x, double *y)
{
  PangoRectangle first, last;

  g_return_val_if_fail (TL_IS_WRAP_TEXT (self), FALSE);
  if (self->text == NULL || start < 0 || end <= start || (gsize) end > strlen (self->text))
    return FALSE;
  lay_out (self, gtk_widget_get_width (GTK_WIDGET (self)));
  pango_layout_index_to_pos (self->layout, start, &first);
  pango_layout_index_to_pos (self->layout, g_utf8_prev_char (self->text + end) - self->text, &last);
  /* a word broken over two lines: the middle of its first part */
  if (last.y != first.y)
    last = first;
  *x = (MIN (first.x, last.x) + MAX (first.x + first.width, last.x + last.width)) / 2.0 / PANGO_SCALE;
  *y = (first.y + first.height / 2.0) / PANGO_SCALE;
  return TRUE;
}
