/* tl-timeline-draw.c: the strip's drawing. What changes only with the view
 * or the library (ruler, chapters, waveform, clips) is drawn once into a
 * render node and reused; each frame adds the marks being set, a trim
 * being dragged, and the playhead on top. */
#include "config.h"

#include "tl-timeline-private.h"

#include <glib/gi18n.h>

#include "tl-time-format.h"

/* Ruler steps, in µs: the first whose labels do not touch is used. */
#define S G_GINT64_CONSTANT (1000000)
static const gint64 steps[] = {
  S / 10, S / 5, S / 2, S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S, 60 * S, 120 * S, 300 * S, 600 * S,
  900 * S, 1800 * S, 3600 * S, 7200 * S,
};
#undef S

static GdkRGBA
with_alpha (const GdkRGBA *color, float alpha)
{
  GdkRGBA c = *color;

  c.alpha *= alpha;
  return c;
}

static void
accent_color (GtkWidget *widget, GdkRGBA *accent)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_bg_color", accent))
    gdk_rgba_parse (accent, "#3584e4");
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
fg_color (GtkWidget *widget, GdkRGBA *fg)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static PangoLayout *
small_layout (GtkWidget *widget)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static void
append_text (GtkSnapshot *snapshot, PangoLayout *layout, const char *text, float x, float y, const GdkRGBA *color)
{
  pango_layout_set_text (layout, text, -1);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_ruler (TlTimeline *self, GtkSnapshot *snapshot, PangoLayout *layout, int width, const GdkRGBA *fg)
{
  gint64 span = tl_timeline_view_span (self);
  g_autofree char *sample = tl_time_format_now (self->duration, self->media);
  GdkRGBA tick = with_alpha (fg, 0.45f), text = with_alpha (fg, 0.7f);
  gint64 step = steps[G_N_ELEMENTS (steps) - 1];
  int label_width, label_height;

  pango_layout_set_text (layout, sample, -1);
  pango_layout_get_pixel_size (layout, &label_width, &label_height);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if ((double) steps[i] * width / span >= label_width + 24)
      {
        step = steps[i];
        break;
      }
  /* a fifth of a step between labels, where there is room */
  for (gint64 t = self->view_start / (step / 5) * (step / 5); t <= self->view_start + span; t += step / 5)
    {
      double x = tl_timeline_x_for_time (self, t, width);
      gboolean major = t % step == 0;

      if ((double) step / 5 * width / span < 6 && !major)
        continue;
      gtk_snapshot_append_color (snapshot, &tick,
                                 &GRAPHENE_RECT_INIT (x, major ? TL_TIMELINE_RULER_H - 7 : TL_TIMELINE_RULER_H - 4,
                                                      1, major ? 7 : 4));
      /* a label cut by the left edge reads as another time */
      if (major && x >= 0 && x + 3 + label_width <= width)
        {
          g_autofree char *label = tl_time_format_now (t, self->media);
          append_text (snapshot, layout, label, x + 3, 0, &text);
        }
    }
  gtk_snapshot_append_color (snapshot, &tick, &GRAPHENE_RECT_INIT (0, TL_TIMELINE_RULER_H - 1, width, 1));
}

static void
draw_chapters (TlTimeline *self, GtkSnapshot *snapshot, PangoLayout *layout, int width, int height, const GdkRGBA *fg)
{
  GdkRGBA line = with_alpha (fg, 0.4f), text = with_alpha (fg, 0.8f);

  for (guint i = 0; i < self->chapters->len; i++)
    {
      TlTimelineChapter *chapter = &g_array_index (self->chapters, TlTimelineChapter, i);
      double x = tl_timeline_x_for_time (self, chapter->start, width);
      double next = i + 1 < self->chapters->len
                      ? tl_timeline_x_for_time (self, g_array_index (self->chapters, TlTimelineChapter, i + 1).start,
                                                width)
                      : width;

      if (next < 0 || x > width)
        continue;
      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x, TL_TIMELINE_RULER_H, 1, height));
      /* its title beside it, cut where the next chapter starts */
      if (next - MAX (x, 0) > 24 && chapter->title[0])
        {
          gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (MAX (x, 0), TL_TIMELINE_RULER_H,
                                                                 next - MAX (x, 0) - 4, height));
          append_text (snapshot, layout, chapter->title, MAX (x, 0) + 3, TL_TIMELINE_RULER_H, &text);
          gtk_snapshot_pop (snapshot);
        }
    }
}

/* One column of the sound's loudest peak per pixel, around the middle. */
static void
draw_waveform (TlTimeline *self, GtkSnapshot *snapshot, PangoLayout *layout, int width, int top, int bottom,
               const GdkRGBA *fg)
{
  GdkRGBA wave = with_alpha (fg, 0.5f);
  float mid = (top + bottom) / 2.0f, room = bottom - top - 4;
  gint64 covered;

  if (self->waveform)
    {
      covered = MIN (tl_waveform_get_duration (self->waveform), self->duration);
      for (int x = 0; x < width; x++)
        {
          gint64 a = tl_timeline_time_for_x (self, x, width), b = tl_timeline_time_for_x (self, x + 1, width);
          float h;

          if (a >= covered)
            break;
          h = MAX (1.0f, tl_waveform_get_peak (self->waveform, a, b) * room);
          gtk_snapshot_append_color (snapshot, &wave, &GRAPHENE_RECT_INIT (x, mid - h / 2, 1, h));
        }
    }
  else
    gtk_snapshot_append_color (snapshot, &wave, &GRAPHENE_RECT_INIT (0, mid, width, 1));

  /* the first time, the sound of a long file takes a while to read: how far */
  if (self->waveform_fraction <= 1)
    {
      g_autofree char *text = self->waveform_fraction >= 0
                                /* TRANSLATORS: the waveform is being read; %d is how much, as a percentage */
                                ? g_strdup_printf (_("Reading the sound… %d%%"), (int) (self->waveform_fraction * 100))
                                : g_strdup (_("Reading the sound…"));
      GdkRGBA dim = with_alpha (fg, 0.75f);
      int text_width, text_height;

      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      append_text (snapshot, layout, text, width - text_width - 6, bottom - text_height - 1, &dim);
    }
}

static gboolean
is_light (const GdkRGBA *color)
{
  return 0.299 * color->red + 0.587 * color->green + 0.114 * color->blue > 0.6;
}

static void
clip_rect (TlTimeline *self, gint64 in, gint64 out, guint lane, int width, int height, graphene_rect_t *rect)
{
  double x0 = tl_timeline_x_for_time (self, in, width), x1 = tl_timeline_x_for_time (self, out, width);
  int top = tl_timeline_lanes_top (self, height);

  x0 = MAX (x0, -2);
  x1 = MIN (x1, width + 2);
  graphene_rect_init (rect, x0, top + lane * TL_TIMELINE_LANE_H + 1, MAX (x1 - x0, 1), TL_TIMELINE_LANE_H - 2);
}

static void
tint_run (TlTimeline *self, GtkSnapshot *snapshot, gint64 in, gint64 out, const GdkRGBA *color, int width,
          int wave_bottom)
{
  GdkRGBA tint = with_alpha (color, 0.16f);
  double x0 = MAX (tl_timeline_x_for_time (self, in, width), -1);
  double x1 = MIN (tl_timeline_x_for_time (self, out, width), width + 1);

  gtk_snapshot_append_color (snapshot, &tint, &GRAPHENE_RECT_INIT (x0, TL_TIMELINE_RULER_H, MAX (x1 - x0, 1),
                                                                   wave_bottom - TL_TIMELINE_RULER_H));
}

static void
draw_clips (TlTimeline *self, GtkSnapshot *snapshot, PangoLayout *layout, int width, int height, const GdkRGBA *fg)
{
  gint64 span = tl_timeline_view_span (self), end = self->view_start + span;
  int wave_bottom = tl_timeline_lanes_top (self, height);
  GdkRGBA lane_bg = with_alpha (fg, 0.05f);
  static const GdkRGBA white = { 1, 1, 1, 1 }, black = { 0, 0, 0, 0.85f };
  const TlTimelineClip *selected = NULL;
  gint64 run_in = -1, run_out = -1;
  GdkRGBA run_color = { 0 };

  gtk_snapshot_append_color (snapshot, &lane_bg,
                             &GRAPHENE_RECT_INIT (0, wave_bottom, width, height - wave_bottom));
  for (guint i = 0; i < self->clips->len; i++)
    {
      const TlTimelineClip *clip = &g_array_index (self->clips, TlTimelineClip, i);
      graphene_rect_t rect;

      if (clip->out < self->view_start)
        continue;
      if (clip->in > end)
        break; /* by in point */
      clip_rect (self, clip->in, clip->out, clip->lane, width, height, &rect);
      /* over the waveform, a tint of what is tagged: once over each run of
       * clips that touch (1,000 tints on top of each other are mud) */
      if (clip->in > run_out)
        {
          if (run_out >= 0)
            tint_run (self, snapshot, run_in, run_out, &run_color, width, wave_bottom);
          run_in = clip->in;
          run_color = clip->bands[0];
        }
      run_out = MAX (run_out, clip->out);
      /* in its lane, a band per topic */
      for (guint b = 0; b < clip->n_bands; b++)
        {
          float band_h = rect.size.height / clip->n_bands;
          gtk_snapshot_append_color (snapshot, &clip->bands[b],
                                     &GRAPHENE_RECT_INIT (rect.origin.x, rect.origin.y + b * band_h,
                                                          rect.size.width, band_h));
        }
      if (rect.size.width > 28)
        {
          double left = MAX (rect.origin.x, 0);
          gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (left, rect.origin.y, rect.origin.x + rect.size.width
                                                                                        - left - 2, rect.size.height));
          append_text (snapshot, layout, clip->label, left + 3, rect.origin.y - 1,
                       is_light (&clip->bands[0]) ? &black : &white);
          gtk_snapshot_pop (snapshot);
        }
      if (clip->id == self->selected)
        selected = clip;
    }
  if (run_out >= 0)
    tint_run (self, snapshot, run_in, run_out, &run_color, width, wave_bottom);
  if (selected)
    {
      graphene_rect_t rect;
      GskRoundedRect outline;
      const float w[4] = { 2, 2, 2, 2 };
      const GdkRGBA c[4] = { *fg, *fg, *fg, *fg };

      clip_rect (self, selected->in, selected->out, selected->lane, width, height, &rect);
      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (rect.origin.x - 1, rect.origin.y - 1,
                                                                      rect.size.width + 2, rect.size.height + 2), 2);
      gtk_snapshot_append_border (snapshot, &outline, w, c);
    }
}

static GskRenderNode *
draw_static (TlTimeline *self, int width, int height, const GdkRGBA *fg)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(PangoLayout) layout = small_layout (GTK_WIDGET (self));
  int wave_bottom = tl_timeline_lanes_top (self, height);

  draw_ruler (self, snapshot, layout, width, fg);
  draw_waveform (self, snapshot, layout, width, TL_TIMELINE_RULER_H, wave_bottom, fg);
  draw_clips (self, snapshot, layout, width, height, fg);
  draw_chapters (self, snapshot, layout, width, wave_bottom - TL_TIMELINE_RULER_H, fg);
  return gtk_snapshot_free_to_node (snapshot);
}

static void
draw_pending (TlTimeline *self, GtkSnapshot *snapshot, int width, int height, const GdkRGBA *accent)
{
  gint64 in = self->pending_in, out = self->pending_out;
  GdkRGBA shade = with_alpha (accent, 0.22f);

  if (in >= 0 && out < 0 && self->position > in)
    out = self->position; /* only In so far: up to the playhead */
  if (in >= 0 && out > in)
    {
      double x0 = tl_timeline_x_for_time (self, in, width), x1 = tl_timeline_x_for_time (self, out, width);
      gtk_snapshot_append_color (snapshot, &shade, &GRAPHENE_RECT_INIT (x0, TL_TIMELINE_RULER_H, x1 - x0, height));
    }
  /* the marks themselves, as brackets */
  if (in >= 0)
    {
      double x = tl_timeline_x_for_time (self, in, width);
      gtk_snapshot_append_color (snapshot, accent, &GRAPHENE_RECT_INIT (x, TL_TIMELINE_RULER_H, 2, height));
      gtk_snapshot_append_color (snapshot, accent, &GRAPHENE_RECT_INIT (x, TL_TIMELINE_RULER_H, 6, 2));
      gtk_snapshot_append_color (snapshot, accent, &GRAPHENE_RECT_INIT (x, height - 2, 6, 2));
    }
  if (self->pending_out >= 0)
    {
      double x = tl_timeline_x_for_time (self, self->pending_out, width);
      gtk_snapshot_append_color (snapshot, accent, &GRAPHENE_RECT_INIT (x - 2, TL_TIMELINE_RULER_H, 2, height));
      gtk_snapshot_append_color (snapshot, accent, &GRAPHENE_RECT_INIT (x - 6, TL_TIMELINE_RULER_H, 6, 2));
      gtk_snapshot_append_color (snapshot, accent, &GRAPHENE_RECT_INIT (x - 6, height - 2, 6, 2));
    }
}

/* What a drag shows: the trimmed clip where it would go, and the time
 * under the pointer (frames while scrubbing, the edge while trimming). */
static void
draw_drag (TlTimeline *self, GtkSnapshot *snapshot, int width, int height, const GdkRGBA *fg, const GdkRGBA *accent)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *label = NULL;
  GdkRGBA box = with_alpha (fg, 0.85f);
  GdkRGBA text;
  int text_width, text_height;
  double x;

  if (self->drag == TL_TIMELINE_DRAG_TRIM_IN || self->drag == TL_TIMELINE_DRAG_TRIM_OUT)
    {
      const TlTimelineClip *clip = tl_timeline_find_clip (self, self->drag_clip);
      graphene_rect_t rect;
      GskRoundedRect outline;
      const float w[4] = { 2, 2, 2, 2 };
      const GdkRGBA c[4] = { *accent, *accent, *accent, *accent };

      if (clip == NULL)
        return;
      clip_rect (self, self->drag_in, self->drag_out, clip->lane, width, height, &rect);
      gsk_rounded_rect_init_from_rect (&outline, &rect, 2);
      gtk_snapshot_append_border (snapshot, &outline, w, c);
    }
  else if (self->drag != TL_TIMELINE_DRAG_SCRUB)
    return;

  layout = small_layout (GTK_WIDGET (self));
  label = tl_time_format_now (self->drag_time, self->media);
  pango_layout_set_text (layout, label, -1);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  x = CLAMP (tl_timeline_x_for_time (self, self->drag_time, width) - text_width / 2.0, 0, width - text_width - 6);
  text = is_light (fg) ? (GdkRGBA) { 0, 0, 0, 1 } : (GdkRGBA) { 1, 1, 1, 1 };
  gtk_snapshot_append_color (snapshot, &box, &GRAPHENE_RECT_INIT (x, 0, text_width + 6, TL_TIMELINE_RULER_H - 1));
  append_text (snapshot, layout, label, x + 3, 0, &text);
}

void
tl_timeline_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  TlTimeline *self = TL_TIMELINE (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GdkRGBA fg, accent;

  if (width <= 0 || height <= 0 || self->duration <= 0)
    return;
  fg_color (widget, &fg);
  accent_color (widget, &accent);
  if (self->cache && (width != self->cache_width || height != self->cache_height || !gdk_rgba_equal (&fg, &self->cache_fg)))
    g_clear_pointer (&self->cache, gsk_render_node_unref);
  if (self->cache == NULL)
    {
      self->cache = draw_static (self, width, height, &fg);
      self->cache_width = width;
      self->cache_height = height;
      self->cache_fg = fg;
    }
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->cache)
    gtk_snapshot_append_node (snapshot, self->cache);
  draw_pending (self, snapshot, width, height, &accent);
  draw_drag (self, snapshot, width, height, &fg, &accent);
  if (self->position >= 0)
    {
      double x = tl_timeline_x_for_time (self, self->position, width);
      gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (x - 1, 0, 2, height));
      gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (x - 4, 0, 8, 4));
    }
  gtk_snapshot_pop (snapshot);
}
