/* tl-player-output.c: the player's video output. The streaming thread
 * keeps only the newest frame in one slot and wakes the main thread; it
 * never waits for it. Frames are scaled down by GStreamer to the size the
 * screen needs, in its own threads, rather than by GTK while it paints. */
#include "tl-player-private.h"

#include <gst/app/gstappsink.h>
#include <gst/video/video.h>

#include "tl-types.h"

#define GST_CAT_DEFAULT tl_player_debug

static GstFlowReturn
store_sample (TlPlayer *self, GstSample *sample)
{
  if (sample == NULL)
    return GST_FLOW_OK;
  g_mutex_lock (&self->lock);
  if (self->awaiting_flush)
    {
      /* rendered before the seek's flush reached the sink */
      g_mutex_unlock (&self->lock);
      gst_sample_unref (sample);
      return GST_FLOW_OK;
    }
  if (self->video_seeking && self->landed && self->slot)
    {
      /* the seek's own frame (a clicked line's first) is shown and
       * reported before any later one, however late the main thread is */
      g_mutex_unlock (&self->lock);
      gst_sample_unref (sample);
      return GST_FLOW_OK;
    }
  self->n_rendered++;
  if (self->slot)
    {
      self->n_replaced++;
      gst_sample_unref (self->slot);
    }
  self->slot = sample;
  if (self->video_seeking)
    self->landed = TRUE;
  if (!self->wake_pending)
    {
      self->wake_pending = TRUE;
      g_source_set_ready_time (self->frame_source, 0);
    }
  g_mutex_unlock (&self->lock);
  return GST_FLOW_OK;
}

static GstFlowReturn
on_new_sample (GstAppSink *sink, gpointer data)
{
  GstSample *sample = gst_app_sink_pull_sample (sink);

  GST_LOG ("rendered %" GST_TIME_FORMAT, GST_TIME_ARGS (sample ? GST_BUFFER_PTS (gst_sample_get_buffer (sample)) : 0));
  return store_sample (data, sample);
}

static GstFlowReturn
on_new_preroll (GstAppSink *sink, gpointer data)
{
  GstSample *sample = gst_app_sink_pull_preroll (sink);

  GST_LOG ("prerolled %" GST_TIME_FORMAT, GST_TIME_ARGS (sample ? GST_BUFFER_PTS (gst_sample_get_buffer (sample)) : 0));
  return store_sample (data, sample);
}

/* The decoded frames' caps, as they enter our output: the natural size
 * the main thread reports with the next frame. */
static GstPadProbeReturn
on_input_event (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  TlPlayer *self = data;
  GstEvent *event = GST_PAD_PROBE_INFO_EVENT (info);

  if (GST_EVENT_TYPE (event) == GST_EVENT_CAPS)
    {
      GstCaps *caps;
      gst_event_parse_caps (event, &caps);
      g_mutex_lock (&self->lock);
      gst_caps_replace (&self->input_caps, caps);
      g_mutex_unlock (&self->lock);
    }
  return GST_PAD_PROBE_OK;
}

static GstPadProbeReturn
on_sink_event (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  TlPlayer *self = data;
  GstEvent *event = GST_PAD_PROBE_INFO_EVENT (info);

  if (GST_EVENT_TYPE (event) == GST_EVENT_FLUSH_STOP)
    {
      g_mutex_lock (&self->lock);
      self->awaiting_flush = FALSE;
      self->dropping = self->drop_armed;
      self->drop_armed = FALSE;
      g_clear_pointer (&self->slot, gst_sample_unref);
      g_mutex_unlock (&self->lock);
    }
  else if (GST_EVENT_TYPE (event) == GST_EVENT_EOS)
    {
      /* a seek past the end of the picture brings no frame */
      g_mutex_lock (&self->lock);
      if (self->video_seeking && !self->awaiting_flush && !self->landed)
        {
          self->landed = TRUE;
          self->wake_pending = TRUE;
          g_source_set_ready_time (self->frame_source, 0);
        }
      g_mutex_unlock (&self->lock);
    }
  return GST_PAD_PROBE_OK;
}

/* Whether @buffer starts before @segment does: a frame the decoder clipped
 * to the segment's start (see frame_times()), or one it passed whole. */
static gboolean
starts_before_segment (GstBuffer *buffer, const GstSegment *segment, GstCaps *caps)
{
  GstClockTime pts = GST_BUFFER_PTS (buffer);
  GstClockTime duration = GST_BUFFER_DURATION (buffer);
  GstVideoInfo info;

  if (!GST_CLOCK_TIME_IS_VALID (pts) || !GST_CLOCK_TIME_IS_VALID (segment->start))
    return FALSE;
  if (pts < segment->start)
    return TRUE;
  if (pts == segment->start && GST_CLOCK_TIME_IS_VALID (duration) && caps
      && gst_video_info_from_caps (&info, caps) && info.fps_n > 0 && info.fps_d > 0)
    {
      GstClockTime nominal = gst_util_uint64_scale_int (GST_SECOND, info.fps_d, info.fps_n);
      return duration + GST_USECOND < nominal;
    }
  return FALSE;
}

/* After an accurate seek, the frame that covers the target but starts
 * before it never reaches the sink: the first frame shown is the first
 * that starts at or after the target, so that a click on a line never
 * shows (nor reports) a frame of the line before. */
static GstPadProbeReturn
on_sink_buffer (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  TlPlayer *self = data;
  g_autoptr(GstEvent) event = NULL;
  g_autoptr(GstCaps) caps = NULL;
  const GstSegment *segment = NULL;
  gboolean dropping, drop;

  g_mutex_lock (&self->lock);
  dropping = self->dropping;
  g_mutex_unlock (&self->lock);
  if (!dropping)
    return GST_PAD_PROBE_OK;

  event = gst_pad_get_sticky_event (pad, GST_EVENT_SEGMENT, 0);
  caps = gst_pad_get_current_caps (pad);
  if (event)
    gst_event_parse_segment (event, &segment);
  drop = segment && segment->format == GST_FORMAT_TIME && segment->rate > 0
         && starts_before_segment (GST_PAD_PROBE_INFO_BUFFER (info), segment, caps);
  GST_LOG ("%s %" GST_TIME_FORMAT " after a seek to %" GST_TIME_FORMAT, drop ? "dropping" : "keeping",
           GST_TIME_ARGS (GST_BUFFER_PTS (GST_PAD_PROBE_INFO_BUFFER (info))),
           GST_TIME_ARGS (segment ? segment->start : GST_CLOCK_TIME_NONE));

  g_mutex_lock (&self->lock);
  if (drop)
    self->dropped = TRUE;
  else
    self->dropping = FALSE;
  g_mutex_unlock (&self->lock);
  return drop ? GST_PAD_PROBE_DROP : GST_PAD_PROBE_OK;
}

GstSample *
_tl_player_take_sample (TlPlayer *self, gboolean *landed)
{
  GstSample *sample;

  g_mutex_lock (&self->lock);
  sample = g_steal_pointer (&self->slot);
  self->wake_pending = FALSE;
  if (landed)
    *landed = self->landed;
  g_mutex_unlock (&self->lock);
  return sample;
}

/* Stream time, not buffer time: they differ by the decoder's delay (B-frames)
 * and after segment seeks. The first frame after an accurate seek comes
 * clipped to the target (GstVideoDecoder moves its start to the segment's
 * start); its end is intact, so at a known frame rate its start is one
 * frame before. (A frame clipped at the segment's stop keeps its start.) */
static void
frame_times (TlPlayer *self, GstSample *sample, gint64 *start, gint64 *end)
{
  GstBuffer *buffer = gst_sample_get_buffer (sample);
  const GstSegment *segment = gst_sample_get_segment (sample);
  GstClockTime pts = GST_BUFFER_PTS (buffer);
  GstClockTime duration = GST_BUFFER_DURATION (buffer);
  GstClockTime nominal = GST_CLOCK_TIME_NONE;
  GstVideoInfo info;
  GstCaps *caps = gst_sample_get_caps (sample);
  guint64 t;

  *start = *end = TL_TIME_NONE;
  if (!GST_CLOCK_TIME_IS_VALID (pts))
    return;
  if (caps && gst_video_info_from_caps (&info, caps) && info.fps_n > 0 && info.fps_d > 0)
    nominal = gst_util_uint64_scale_int (GST_SECOND, info.fps_d, info.fps_n);
  if (GST_CLOCK_TIME_IS_VALID (duration) && GST_CLOCK_TIME_IS_VALID (nominal) && pts == segment->start
      && duration + GST_USECOND < nominal && pts + duration >= nominal)
    {
      pts = pts + duration - nominal;
      duration = nominal;
    }
  if (gst_segment_to_stream_time_full (segment, GST_FORMAT_TIME, pts, &t) != 1)
    return;
  *start = (gint64) (t / GST_USECOND);
  *end = GST_CLOCK_TIME_IS_VALID (duration) ? (gint64) ((t + duration) / GST_USECOND) : *start;
}

/* The natural size of the picture: the decoded frame's, its pixels made
 * square (a DV frame of 720 is 786 wide), whatever the frames were scaled to. */
static void
update_video_size (TlPlayer *self)
{
  g_autoptr(GstCaps) caps = NULL;
  GstVideoInfo info;

  g_mutex_lock (&self->lock);
  if (self->input_caps)
    caps = gst_caps_ref (self->input_caps);
  g_mutex_unlock (&self->lock);
  if (caps == NULL || !gst_video_info_from_caps (&info, caps) || info.height <= 0)
    return;
  if (info.par_n > 0 && info.par_d > 0)
    _tl_player_set_video_size (self, (int) gst_util_uint64_scale_round (info.width, info.par_n, info.par_d),
                               info.height);
  else
    _tl_player_set_video_size (self, info.width, info.height);
}

void
_tl_player_present_sample (TlPlayer *self, GstSample *sample)
{
  GstBuffer *buffer = gst_sample_get_buffer (sample);
  gint64 start, end;

  /* the preroll buffer comes again when playing starts: not a new frame */
  if (buffer == NULL || buffer == self->shown_buffer)
    return;
  gst_buffer_replace (&self->shown_buffer, buffer);
  frame_times (self, sample, &start, &end);
  self->frame_time = start;
  self->frame_end = end;
  self->last_frame_at = g_get_monotonic_time ();
  self->n_shown++;

  if (self->fps_num == 0)
    {
      GstVideoInfo info;
      GstCaps *caps = gst_sample_get_caps (sample);
      if (caps && gst_video_info_from_caps (&info, caps))
        _tl_player_set_framerate (self, info.fps_n, info.fps_d);
    }
  update_video_size (self);

  GST_LOG ("frame %" G_GINT64_FORMAT " µs", start);
  _tl_player_emit_new_frame (self, sample);
  if (start >= 0)
    _tl_player_set_position (self, start);
}

static gboolean
frame_source_dispatch (GSource *source, GSourceFunc callback, gpointer data)
{
  TlPlayer *self = data;
  g_autoptr(GstSample) sample = NULL;
  gboolean landed = FALSE;

  g_source_set_ready_time (source, -1);
  sample = _tl_player_take_sample (self, &landed);
  if (sample)
    _tl_player_present_sample (self, sample);
  /* a video seek is done when its frame is on screen */
  if (landed && self->seek_in_flight && self->has_video)
    _tl_player_seek_done (self);
  else if (sample && self->step_in_flight)
    {
      self->step_frame_seen = TRUE;
      if (self->step_done_seen)
        _tl_player_step_done (self);
    }
  return G_SOURCE_CONTINUE;
}

static GSourceFuncs frame_source_funcs = {
  .dispatch = frame_source_dispatch,
};

/* The main thread's end of the slot: woken by g_source_set_ready_time(),
 * which any thread may call. */
GSource *
_tl_player_frame_source_new (TlPlayer *self)
{
  GSource *source = g_source_new (&frame_source_funcs, sizeof (GSource));

  g_source_set_callback (source, NULL, self, NULL);
  g_source_set_name (source, "TlPlayer frames");
  g_source_attach (source, self->context);
  return source;
}


/* The caps the appsink asks for: BGRA, which GDK takes as it is
 * (premultiplied, alpha 1), in square pixels, and no larger than the
 * screen needs. */
static GstCaps *
sink_caps (TlPlayer *self)
{
  GstCaps *caps = gst_caps_new_simple ("video/x-raw",
                                       "format", G_TYPE_STRING, "BGRA",
                                       "pixel-aspect-ratio", GST_TYPE_FRACTION, 1, 1,
                                       NULL);

  if (self->size_limit_width > 0 && self->size_limit_height > 0)
    gst_caps_set_simple (caps,
                         "width", GST_TYPE_INT_RANGE, 1, self->size_limit_width,
                         "height", GST_TYPE_INT_RANGE, 1, self->size_limit_height,
                         NULL);
  return caps;
}

static GstElement *
make_element (const char *factory, const char *name)
{
  GstElement *element = gst_element_factory_make (factory, name);

  if (element == NULL)
    g_error ("The GStreamer element %s is missing: install gstreamer1.0-plugins-base and -good", factory);
  return element;
}

/**
 * _tl_player_make_video_sink:
 *
 * deinterlace ! videoconvertscale ! appsink, the frames' way to the
 * screen (playbin's own conversion is switched off: it would convert and
 * scale a second time, in one thread).
 */
GstElement *
_tl_player_make_video_sink (TlPlayer *self)
{
  GstAppSinkCallbacks callbacks = { .new_preroll = on_new_preroll, .new_sample = on_new_sample };
  g_autoptr(GstCaps) caps = sink_caps (self);
  g_autoptr(GstPad) pad = NULL;
  GstElement *bin = gst_bin_new ("tl-video-output");
  GstElement *deinterlace = make_element ("deinterlace", NULL);
  GstElement *convert = make_element ("videoconvertscale", NULL);
  GstPad *ghost;

  /* conversion and scaling of a 1080p frame in several threads */
  g_object_set (convert, "n-threads", CLAMP (g_get_num_processors (), 1, 4), NULL);

  /* late frames are dropped at the sink instead of piling up */
  self->appsink = gst_object_ref_sink (make_element ("appsink", "tl-video-sink"));
  g_object_set (self->appsink,
                "caps", caps,
                "sync", TRUE,
                "qos", TRUE,
                "max-lateness", (gint64) (20 * GST_MSECOND),
                "enable-last-sample", FALSE,
                "emit-signals", FALSE,
                NULL);
  gst_app_sink_set_callbacks (GST_APP_SINK (self->appsink), &callbacks, self, NULL);
  pad = gst_element_get_static_pad (self->appsink, "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_EVENT_FLUSH | GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM,
                     on_sink_event, self, NULL);
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, on_sink_buffer, self, NULL);
  g_clear_object (&pad);

  gst_bin_add_many (GST_BIN (bin), deinterlace, convert, self->appsink, NULL);
  gst_element_link_many (deinterlace, convert, self->appsink, NULL);
  pad = gst_element_get_static_pad (deinterlace, "sink");
  ghost = gst_ghost_pad_new ("sink", pad);
  /* the frames' own size, before scaling: the picture's natural size */
  gst_pad_add_probe (ghost, GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM, on_input_event, self, NULL);
  gst_element_add_pad (bin, ghost);
  return bin;
}

/**
 * tl_player_set_video_size_limit:
 * @width: in device pixels; 0 for no limit
 * @height: in device pixels; 0 for no limit
 *
 * Frames larger than this are scaled down by GStreamer, in its threads, to
 * fit (the picture keeps its shape). A widget sets its own size here:
 * scaling a 1080p frame while painting costs GTK's cairo renderer more
 * than decoding it.
 */
void
tl_player_set_video_size_limit (TlPlayer *self, int width, int height)
{
  g_autoptr(GstCaps) caps = NULL;
  g_autoptr(GstPad) pad = NULL;

  g_return_if_fail (TL_IS_PLAYER (self));

  width = MAX (width, 0);
  height = MAX (height, 0);
  if (width == self->size_limit_width && height == self->size_limit_height)
    return;
  self->size_limit_width = width;
  self->size_limit_height = height;
  caps = sink_caps (self);
  GST_DEBUG ("frames no larger than %" GST_PTR_FORMAT, caps);
  g_object_set (self->appsink, "caps", caps, NULL);
  /* the converter picks the new size with its next frame */
  pad = gst_element_get_static_pad (self->appsink, "sink");
  gst_pad_push_event (pad, gst_event_new_reconfigure ());
  /* paused, there is no next frame: show this one again, in the new size
   * (a seek on its way brings its frame in the new size: going back to
   * the frame shown before it would undo it) */
  if (self->loaded && !self->want_playing && self->has_video && self->frame_time >= 0 && !tl_player_is_busy (self))
    _tl_player_request_seek (self, self->frame_time, TL_SEEK_ACCURATE, FALSE);
}
