/* tl-waveform-view.c: draws a waveform column by column from its peaks,
 * the clips as tinted spans, and the play position as a line; a click or a
 * drag emits "seek". */
#include "tl-waveform-view.h"

#include <glib/gi18n.h>

struct _TlWaveformView {
  GtkWidget parent_instance;
  TlWaveform *waveform;
  gint64 duration;
  gint64 position;
  GArray *ranges; /* TlWaveformRange */
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (TlWaveformView, tl_waveform_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SEEK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static double
x_of (TlWaveformView *self, gint64 t, int width)
{
  return self->duration > 0 ? (double) t * width / self->duration : 0;
}

static void
tl_waveform_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  TlWaveformView *self = TL_WAVEFORM_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GdkRGBA color, accent;
  float mid = height / 2.0f;

  if (width <= 0 || height <= 0)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gdk_rgba_parse (&accent, "#3584e4");

  /* the clips under the sound */
  for (guint i = 0; i < self->ranges->len; i++)
    {
      TlWaveformRange *r = &g_array_index (self->ranges, TlWaveformRange, i);
      GdkRGBA tint = r->color;
      double x0 = x_of (self, r->in, width), x1 = x_of (self, r->out, width);
      tint.alpha = 0.25f;
      gtk_snapshot_append_color (snapshot, &tint, &GRAPHENE_RECT_INIT (x0, 0, MAX (1.0, x1 - x0), height));
    }

  /* one column of the sound's peak per pixel */
  if (self->waveform && self->duration > 0)
    {
      GdkRGBA wave = color;
      wave.alpha = 0.7f;
      for (int x = 0; x < width; x++)
        {
          gint64 a = self->duration * x / width, b = self->duration * (x + 1) / width;
          float peak = tl_waveform_get_peak (self->waveform, a, b);
          float h = MAX (1.0f, peak * (height - 4));
          gtk_snapshot_append_color (snapshot, &wave, &GRAPHENE_RECT_INIT (x, mid - h / 2, 1, h));
        }
    }
  else
    {
      GdkRGBA line = color;
      line.alpha = 0.3f;
      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, mid, width, 1));
    }

  /* the first time, an hour of sound takes seconds to read: say so */
  if (self->loading && self->waveform == NULL)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, _("Reading the sound…"));
      GdkRGBA dim = color;
      int text_width, text_height;

      dim.alpha = 0.6f;
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - text_width) / 2.0f, mid - text_height - 4));
      gtk_snapshot_append_layout (snapshot, layout, &dim);
      gtk_snapshot_restore (snapshot);
    }

  /* where the player is */
  if (self->position >= 0 && self->duration > 0)
    gtk_snapshot_append_color (snapshot, &accent,
                               &GRAPHENE_RECT_INIT (x_of (self, self->position, width) - 1, 0, 2, height));
}

static void
seek_to_x (TlWaveformView *self, double x)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (width > 0 && self->duration > 0)
    g_signal_emit (self, signals[SIGNAL_SEEK], 0, (gint64) (CLAMP (x / width, 0, 1) * self->duration));
}

static void
on_pressed (GtkGestureClick *gesture, int n_press, double x, double y, TlWaveformView *self)
{
  seek_to_x (self, x);
}

static void
on_drag_update (GtkGestureDrag *gesture, double dx, double dy, TlWaveformView *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  seek_to_x (self, x + dx);
}

static void
tl_waveform_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                          int *natural, int *minimum_baseline, int *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 100 : 48;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 120;
}

static void
tl_waveform_view_dispose (GObject *object)
{
  TlWaveformView *self = TL_WAVEFORM_VIEW (object);

  g_clear_object (&self->waveform);
  g_clear_pointer (&self->ranges, g_array_unref);
  G_OBJECT_CLASS (tl_waveform_view_parent_class)->dispose (object);
}

static void
tl_waveform_view_class_init (TlWaveformViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = tl_waveform_view_dispose;
  widget_class->snapshot = tl_waveform_view_snapshot;
  widget_class->measure = tl_waveform_view_measure;
  /* The editor clicked or dragged to this time (µs). */
  signals[SIGNAL_SEEK] = g_signal_new ("seek", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_set_css_name (widget_class, "waveformview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tl_waveform_view_init (TlWaveformView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->position = -1;
  self->ranges = g_array_new (FALSE, FALSE, sizeof (TlWaveformRange));
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Click to go there"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Waveform"), -1);
}

GtkWidget *
tl_waveform_view_new (void)
{
  return g_object_new (TL_TYPE_WAVEFORM_VIEW, NULL);
}

void
tl_waveform_view_set_waveform (TlWaveformView *self, TlWaveform *waveform)
{
  g_return_if_fail (TL_IS_WAVEFORM_VIEW (self));
  g_set_object (&self->waveform, waveform);
  if (waveform && self->duration <= 0)
    self->duration = tl_waveform_get_duration (waveform);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
tl_waveform_view_set_duration (TlWaveformView *self, gint64 duration)
{
  g_return_if_fail (TL_IS_WAVEFORM_VIEW (self));
  self->duration = duration;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
tl_waveform_view_set_position (TlWaveformView *self, gint64 position)
{
  g_return_if_fail (TL_IS_WAVEFORM_VIEW (self));
  if (position == self->position)
    return;
  self->position = position;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
tl_waveform_view_set_ranges (TlWaveformView *self, const TlWaveformRange *ranges, guint n_ranges)
{
  g_return_if_fail (TL_IS_WAVEFORM_VIEW (self));
  g_array_set_size (self->ranges, 0);
  g_array_append_vals (self->ranges, ranges, n_ranges);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* While the peaks are being read (and no waveform is shown), the view says
 * so. */
void
tl_waveform_view_set_loading (TlWaveformView *self, gboolean loading)
{
  g_return_if_fail (TL_IS_WAVEFORM_VIEW (self));
  if (self->loading == loading)
    return;
  self->loading = loading;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
tl_waveform_view_get_loading (TlWaveformView *self)
{
  g_return_val_if_fail (TL_IS_WAVEFORM_VIEW (self), FALSE);
  return self->loading;
}
