/* tl-timeline.c: the strip's model: what it shows (set by the window from
 * the library and the player), the zoomed view that follows the playhead
 * while playing, its signals, and what it says to a screen reader. The
 * drawing is in tl-timeline-draw.c, the pointer and keys in
 * tl-timeline-input.c. */
#include "config.h"

#include "tl-timeline-private.h"

#include <glib/gi18n.h>

#include "tl-time-format.h"
#include "tl-timecode.h"
#include "tl-topic.h"

G_DEFINE_FINAL_TYPE (TlTimeline, tl_timeline, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SEEK,
  SIGNAL_CLIP_SELECTED,
  SIGNAL_TRIM_CLIP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* While playing, the description is told at most this often. */
#define DESCRIBE_INTERVAL_US G_USEC_PER_SEC

static void
clip_clear (gpointer data)
{
  g_free (((TlTimelineClip *) data)->label);
}

static void
chapter_clear (gpointer data)
{
  g_free (((TlTimelineChapter *) data)->title);
}

/* The drawing of all but the playhead is made again at the next frame. */
void
tl_timeline_invalidate (TlTimeline *self)
{
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gint64
tl_timeline_view_span (TlTimeline *self)
{
  if (self->duration <= 0)
    return 0;
  return self->view_span > 0 ? MIN (self->view_span, self->duration) : self->duration;
}

double
tl_timeline_x_for_time (TlTimeline *self, gint64 t, int width)
{
  gint64 span = tl_timeline_view_span (self);

  return span > 0 ? (double) (t - self->view_start) * width / span : 0;
}

gint64
tl_timeline_time_for_x (TlTimeline *self, double x, int width)
{
  gint64 span = tl_timeline_view_span (self);

  if (width <= 0 || span <= 0)
    return 0;
  return CLAMP (self->view_start + (gint64) (x * span / width), 0, self->duration);
}

/* One frame of the media (40 ms without a rate). */
gint64
tl_timeline_frame_duration (TlTimeline *self)
{
  if (self->media && self->media->fps_num > 0 && self->media->fps_den > 0)
    return (gint64) self->media->fps_den * G_USEC_PER_SEC / self->media->fps_num;
  return 40000;
}

/* @t on the media's frame grid (the nearest frame's start). */
gint64
tl_timeline_snap (TlTimeline *self, gint64 t)
{
  if (self->media && self->media->fps_num > 0 && self->media->fps_den > 0)
    return tl_timecode_frames_to_usec (tl_timecode_usec_to_frames (t, self->media->fps_num, self->media->fps_den),
                                       self->media->fps_num, self->media->fps_den);
  return t;
}

/* Where a trimmed edge dragged to @x goes: a line's or a word's start or
 * end within a few pixels, else the nearest frame; either on the frame
 * grid. */
gint64
tl_timeline_snap_edge (TlTimeline *self, double x, int width)
{
  gint64 t = tl_timeline_time_for_x (self, x, width);
  gint64 best = -1;
  double best_px = TL_TIMELINE_EDGE_PX + 1;
  guint lo = 0, hi = self->snaps->len;

  /* the first point not before t, and the one before it */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (self->snaps, gint64, mid) < t)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo > 0 ? lo - 1 : 0; i < self->snaps->len && i <= lo; i++)
    {
      gint64 point = g_array_index (self->snaps, gint64, i);
      double px = ABS (tl_timeline_x_for_time (self, point, width) - x);

      if (px < best_px)
        {
          best_px = px;
          best = point;
        }
    }
  return tl_timeline_snap (self, best >= 0 ? best : t);
}

static int
compare_times (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/**
 * tl_timeline_set_snap_points:
 * @points: (array length=n_points): µs: where the lines start and end,
 *   and the words that have times of their own
 *
 * A clip's edge dragged near one of these sticks to it.
 */
void
tl_timeline_set_snap_points (TlTimeline *self, const gint64 *points, guint n_points)
{
  g_return_if_fail (TL_IS_TIMELINE (self));
  g_array_set_size (self->snaps, 0);
  for (guint i = 0; i < n_points; i++)
    if (points[i] >= 0)
      g_array_append_val (self->snaps, points[i]);
  g_array_sort (self->snaps, compare_times);
}

int
tl_timeline_lanes_top (TlTimeline *self, int height)
{
  return height - MAX (self->n_lanes, 1) * TL_TIMELINE_LANE_H - 2;
}

const TlTimelineClip *
tl_timeline_find_clip (TlTimeline *self, gint64 id)
{
  for (guint i = 0; i < self->clips->len; i++)
    if (g_array_index (self->clips, TlTimelineClip, i).id == id)
      return &g_array_index (self->clips, TlTimelineClip, i);
  return NULL;
}

/* Keeps the view inside the source. */
static void
clamp_view (TlTimeline *self)
{
  gint64 span = tl_timeline_view_span (self);

  if (self->view_span >= self->duration)
    self->view_span = 0;
  self->view_start = CLAMP (self->view_start, 0, MAX (self->duration - span, 0));
  if (self->view_span == 0)
    self->view_start = 0;
}

/* What a screen reader says of the strip: where the playhead is and in
 * which clip. Told when it changes, at most once a second while playing. */
static void
describe (TlTimeline *self, gboolean now)
{
  g_autofree char *time = NULL;
  g_autofree char *text = NULL;
  const TlTimelineClip *under = NULL;
  gint64 t = g_get_monotonic_time ();

  if (!now && self->playing && t - self->described_at < DESCRIBE_INTERVAL_US)
    return;
  for (guint i = 0; i < self->clips->len; i++)
    {
      const TlTimelineClip *clip = &g_array_index (self->clips, TlTimelineClip, i);
      /* of the clips there, the selected one, else the first */
      if (clip->in <= self->position && self->position < clip->out
          && (under == NULL || clip->id == self->selected))
        under = clip;
    }
  time = tl_time_format_now (MAX (self->position, 0), self->media);
  if (under)
    {
      g_autofree char *range = tl_time_format_range (tl_time_format_get_default (), under->in, under->out, self->media);
      /* TRANSLATORS: the timeline's description: the position, then the clip there and its range */
      text = g_strdup_printf (_("At %s, in the clip %s (%s)"), time, under->label, range);
    }
  else
    /* TRANSLATORS: the timeline's description: the position, outside any clip */
    text = g_strdup_printf (_("At %s, in no clip"), time);
  if (g_strcmp0 (text, self->description) == 0)
    return;
  g_free (self->description);
  self->description = g_steal_pointer (&text);
  self->described_at = t;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, self->duration / (double) G_USEC_PER_SEC,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, MAX (self->position, 0) / (double) G_USEC_PER_SEC,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, time,
                                  -1);
}

/* The accessible description, for tests. */
const char *
tl_timeline_get_description (TlTimeline *self)
{
  g_return_val_if_fail (TL_IS_TIMELINE (self), NULL);
  describe (self, TRUE);
  return self->description;
}

void
tl_timeline_emit_seek (TlTimeline *self, gint64 position, gboolean scrub)
{
  g_signal_emit (self, signals[SIGNAL_SEEK], 0, CLAMP (position, 0, MAX (self->duration, 0)), scrub);
}

void
tl_timeline_emit_select (TlTimeline *self, gint64 clip_id)
{
  g_signal_emit (self, signals[SIGNAL_CLIP_SELECTED], 0, clip_id);
}

void
tl_timeline_emit_trim (TlTimeline *self, gint64 clip_id, gint64 in, gint64 out)
{
  g_signal_emit (self, signals[SIGNAL_TRIM_CLIP], 0, clip_id, in, out);
}

/**
 * tl_timeline_set_media:
 * @duration: µs
 * @media: (nullable): for the frame rate (snapping, arrows) and the times shown
 *
 * A new source: the whole of it in view, nothing on it yet.
 */
void
tl_timeline_set_media (TlTimeline *self, gint64 duration, const TlMediaInfo *media)
{
  g_return_if_fail (TL_IS_TIMELINE (self));

  g_clear_pointer (&self->media, tl_media_info_free);
  self->media = media ? tl_media_info_copy (media) : NULL;
  self->duration = MAX (duration, 0);
  self->view_start = self->view_span = 0;
  self->position = -1;
  self->pending_in = self->pending_out = -1;
  self->drag = TL_TIMELINE_DRAG_NONE;
  g_clear_object (&self->waveform);
  self->waveform_fraction = 2;
  g_array_set_size (self->snaps, 0);
  tl_timeline_invalidate (self);
  describe (self, TRUE);
}

/* The length, once the player knows it better than the probe did. */
void
tl_timeline_set_duration (TlTimeline *self, gint64 duration)
{
  g_return_if_fail (TL_IS_TIMELINE (self));
  if (self->duration == duration)
    return;
  self->duration = MAX (duration, 0);
  clamp_view (self);
  tl_timeline_invalidate (self);
}

/* Whether the sound's waveform is still being read. */
gboolean
tl_timeline_is_reading_sound (TlTimeline *self)
{
  g_return_val_if_fail (TL_IS_TIMELINE (self), FALSE);
  return self->waveform_fraction <= 1;
}

gint64
tl_timeline_get_duration (TlTimeline *self)
{
  g_return_val_if_fail (TL_IS_TIMELINE (self), 0);
  return self->duration;
}

/**
 * tl_timeline_set_position:
 *
 * Moves the playhead; while playing, a zoomed view turns a page when the
 * playhead nears its right edge (or left it).
 */
void
tl_timeline_set_position (TlTimeline *self, gint64 position)
{
  gint64 span;

  g_return_if_fail (TL_IS_TIMELINE (self));
  if (position == self->position)
    return;
  self->position = position;
  span = tl_timeline_view_span (self);
  if (self->playing && self->drag == TL_TIMELINE_DRAG_NONE && self->view_span > 0 && position >= 0
      && (position < self->view_start || position > self->view_start + span * 19 / 20))
    {
      self->view_start = position - span / 20;
      clamp_view (self);
      tl_timeline_invalidate (self);
    }
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
  describe (self, FALSE);
}

gint64
tl_timeline_get_position (TlTimeline *self)
{
  g_return_val_if_fail (TL_IS_TIMELINE (self), -1);
  return self->position;
}

void
tl_timeline_set_playing (TlTimeline *self, gboolean playing)
{
  g_return_if_fail (TL_IS_TIMELINE (self));
  self->playing = playing;
  if (!playing)
    describe (self, TRUE);
}

/**
 * tl_timeline_set_waveform:
 * @waveform: (nullable): the peaks (read so far)
 * @fraction: how much is read, 0–1, while it is being read (-1 unknown);
 *   anything above 1 once it is whole
 */
void
tl_timeline_set_waveform (TlTimeline *self, TlWaveform *waveform, double fraction)
{
  g_return_if_fail (TL_IS_TIMELINE (self));
  g_set_object (&self->waveform, waveform);
  self->waveform_fraction = fraction;
  tl_timeline_invalidate (self);
}

static int
compare_clips (gconstpointer a, gconstpointer b)
{
  const TlTimelineClip *x = a, *y = b;

  if (x->in != y->in)
    return x->in < y->in ? -1 : 1;
  return x->out < y->out ? -1 : x->out > y->out;
}

/**
 * tl_timeline_set_clips:
 * @clips: (element-type TlClip) (nullable): the source's clips
 * @topics: (element-type TlTopic) (nullable): every topic, for their colours
 *
 * Clips without times (paragraphs of an article) are left out; clips that
 * overlap go in lanes, each in the first lane free at its in point.
 */
void
tl_timeline_set_clips (TlTimeline *self, GPtrArray *clips, GPtrArray *topics)
{
  gint64 lane_end[TL_TIMELINE_MAX_LANES] = { 0 };
  guint old_lanes = self->n_lanes;

  g_return_if_fail (TL_IS_TIMELINE (self));
  g_array_set_size (self->clips, 0);
  for (guint i = 0; clips && i < clips->len; i++)
    {
      TlClip *clip = g_ptr_array_index (clips, i);
      const char *const *names = tl_clip_get_topics (clip);
      TlTimelineClip item = { 0 };

      if (tl_clip_get_in (clip) < 0 || tl_clip_get_out (clip) <= tl_clip_get_in (clip))
        continue;
      item.id = tl_clip_get_id (clip);
      item.in = tl_clip_get_in (clip);
      item.out = tl_clip_get_out (clip);
      for (guint n = 0; names && names[n] && item.n_bands < TL_TIMELINE_MAX_BANDS; n++)
        for (guint t = 0; topics && t < topics->len; t++)
          if (g_str_equal (tl_topic_get_name (g_ptr_array_index (topics, t)), names[n])
              && gdk_rgba_parse (&item.bands[item.n_bands], tl_topic_get_color (g_ptr_array_index (topics, t))))
            {
              item.n_bands++;
              break;
            }
      if (item.n_bands == 0)
        {
          item.bands[0] = (GdkRGBA) { 0.6f, 0.6f, 0.6f, 1 };
          item.n_bands = 1;
        }
      item.label = names && names[0] ? g_strjoinv (", ", (char **) names) : g_strdup (_("No topic"));
      g_array_append_val (self->clips, item);
    }
  g_array_sort (self->clips, compare_clips);

  self->n_lanes = 0;
  for (guint i = 0; i < self->clips->len; i++)
    {
      TlTimelineClip *item = &g_array_index (self->clips, TlTimelineClip, i);
      guint lane = 0;

      while (lane < self->n_lanes && lane_end[lane] > item->in)
        lane++;
      if (lane == TL_TIMELINE_MAX_LANES)
        {
          /* more overlaps than lanes: the lane free soonest */
          lane = 0;
          for (guint l = 1; l < TL_TIMELINE_MAX_LANES; l++)
            if (lane_end[l] < lane_end[lane])
              lane = l;
        }
      else if (lane == self->n_lanes)
        self->n_lanes++;
      item->lane = lane;
      lane_end[lane] = MAX (lane_end[lane], item->out);
    }
  if (self->n_lanes != old_lanes)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  tl_timeline_invalidate (self);
  describe (self, TRUE);
}

/**
 * tl_timeline_set_chapters:
 * @chapters: (element-type TlChapter) (nullable)
 */
void
tl_timeline_set_chapters (TlTimeline *self, GPtrArray *chapters)
{
  g_return_if_fail (TL_IS_TIMELINE (self));
  g_array_set_size (self->chapters, 0);
  for (guint i = 0; chapters && i < chapters->len; i++)
    {
      TlChapter *chapter = g_ptr_array_index (chapters, i);
      TlTimelineChapter item = { chapter->start, g_strdup (chapter->title ? chapter->title : "") };

      if (chapter->start >= 0)
        g_array_append_val (self->chapters, item);
      else
        g_free (item.title);
    }
  tl_timeline_invalidate (self);
}

void
tl_timeline_set_selected_clip (TlTimeline *self, gint64 clip_id)
{
  g_return_if_fail (TL_IS_TIMELINE (self));
  if (self->selected == clip_id)
    return;
  self->selected = clip_id;
  tl_timeline_invalidate (self);
  describe (self, TRUE);
}

/**
 * tl_timeline_set_pending:
 * @in: the In mark (µs), or -1
 * @out: the Out mark, or -1
 *
 * Shades the range being marked: from In to Out, or from In to the
 * playhead while only In is set.
 */
void
tl_timeline_set_pending (TlTimeline *self, gint64 in, gint64 out)
{
  g_return_if_fail (TL_IS_TIMELINE (self));
  if (self->pending_in == in && self->pending_out == out)
    return;
  self->pending_in = in;
  self->pending_out = out;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tl_timeline_get_view:
 * @start: (out) (optional): µs at the left edge
 * @span: (out) (optional): µs across the strip
 */
void
tl_timeline_get_view (TlTimeline *self, gint64 *start, gint64 *span)
{
  g_return_if_fail (TL_IS_TIMELINE (self));
  if (start)
    *start = self->view_start;
  if (span)
    *span = tl_timeline_view_span (self);
}

/**
 * tl_timeline_set_view:
 * @span: µs across the strip (0 or the duration: the whole source), not
 *   under two seconds
 */
void
tl_timeline_set_view (TlTimeline *self, gint64 start, gint64 span)
{
  g_return_if_fail (TL_IS_TIMELINE (self));
  if (span > 0)
    span = MAX (span, MIN (TL_TIMELINE_MIN_SPAN, self->duration));
  if (self->view_start == start && self->view_span == span)
    return;
  self->view_start = start;
  self->view_span = span;
  clamp_view (self);
  tl_timeline_invalidate (self);
}

/**
 * tl_timeline_zoom:
 * @factor: above 1 zooms in
 * @around: the time that stays where it is on the strip (the pointer's,
 *   the playhead's)
 */
void
tl_timeline_zoom (TlTimeline *self, double factor, gint64 around)
{
  gint64 span, new_span;
  double at;

  g_return_if_fail (TL_IS_TIMELINE (self));
  g_return_if_fail (factor > 0);
  span = tl_timeline_view_span (self);
  if (span <= 0)
    return;
  around = CLAMP (around, 0, self->duration);
  at = (double) (around - self->view_start) / span;
  at = CLAMP (at, 0, 1);
  new_span = (gint64) (span / factor);
  new_span = CLAMP (new_span, MIN (TL_TIMELINE_MIN_SPAN, self->duration), self->duration);
  tl_timeline_set_view (self, around - (gint64) (at * new_span), new_span);
}

guint
tl_timeline_get_n_clips (TlTimeline *self)
{
  g_return_val_if_fail (TL_IS_TIMELINE (self), 0);
  return self->clips->len;
}

/**
 * tl_timeline_get_clip:
 * @index: in the strip's order (by in point)
 *
 * What the strip draws of a clip: its range and its lane.
 */
gboolean
tl_timeline_get_clip (TlTimeline *self, guint index, gint64 *id, gint64 *in, gint64 *out, guint *lane)
{
  const TlTimelineClip *clip;

  g_return_val_if_fail (TL_IS_TIMELINE (self), FALSE);
  if (index >= self->clips->len)
    return FALSE;
  clip = &g_array_index (self->clips, TlTimelineClip, index);
  if (id)
    *id = clip->id;
  if (in)
    *in = clip->in;
  if (out)
    *out = clip->out;
  if (lane)
    *lane = clip->lane;
  return TRUE;
}

static void
on_format_changed (TlTimeFormat *format, GParamSpec *pspec, TlTimeline *self)
{
  g_clear_pointer (&self->description, g_free);
  tl_timeline_invalidate (self);
  describe (self, TRUE);
}

static void
tl_timeline_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum, int *natural,
                     int *minimum_baseline, int *natural_baseline)
{
  TlTimeline *self = TL_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 600;
      return;
    }
  *minimum = TL_TIMELINE_RULER_H + TL_TIMELINE_WAVE_MIN_H + MAX (self->n_lanes, 1) * TL_TIMELINE_LANE_H + 2;
  *natural = *minimum + 16;
}

static void
tl_timeline_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  tl_timeline_invalidate (TL_TIMELINE (widget));
}

static void
tl_timeline_dispose (GObject *object)
{
  TlTimeline *self = TL_TIMELINE (object);

  g_signal_handlers_disconnect_by_data (tl_time_format_get_default (), self);
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  g_clear_object (&self->waveform);
  g_clear_pointer (&self->media, tl_media_info_free);
  g_clear_pointer (&self->clips, g_array_unref);
  g_clear_pointer (&self->chapters, g_array_unref);
  g_clear_pointer (&self->snaps, g_array_unref);
  g_clear_pointer (&self->description, g_free);
  G_OBJECT_CLASS (tl_timeline_parent_class)->dispose (object);
}

static void
tl_timeline_class_init (TlTimelineClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = tl_timeline_dispose;
  widget_class->snapshot = tl_timeline_snapshot;
  widget_class->measure = tl_timeline_measure;
  widget_class->size_allocate = tl_timeline_size_allocate;

  /**
   * TlTimeline::seek:
   * @position: µs
   * @scrub: whether more are coming (a drag): the nearest key frame will do
   */
  signals[SIGNAL_SEEK] = g_signal_new ("seek", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_BOOLEAN);
  /* The editor picked a clip on the strip. */
  signals[SIGNAL_CLIP_SELECTED] = g_signal_new ("clip-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* The editor dragged a clip's edge: its new range, on frames (one edit). */
  signals[SIGNAL_TRIM_CLIP] = g_signal_new ("trim-clip", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                            NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64);
  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
tl_timeline_init (TlTimeline *self)
{
  self->position = -1;
  self->pending_in = self->pending_out = -1;
  self->waveform_fraction = 2;
  self->clips = g_array_new (FALSE, TRUE, sizeof (TlTimelineClip));
  g_array_set_clear_func (self->clips, clip_clear);
  self->chapters = g_array_new (FALSE, TRUE, sizeof (TlTimelineChapter));
  g_array_set_clear_func (self->chapters, chapter_clear);
  self->snaps = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Click to go there, drag to scrub, drag a clip’s edge to trim it; "
                                                    "Ctrl+scroll or + and − to zoom"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0, -1);
  g_signal_connect (tl_time_format_get_default (), "notify::kind", G_CALLBACK (on_format_changed), self);
  tl_timeline_input_init (self);
  describe (self, TRUE);
}

GtkWidget *
tl_timeline_new (void)
{
  return g_object_new (TL_TYPE_TIMELINE, NULL);
}
