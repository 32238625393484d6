/* tl-player.c: playbin with our own video output (an appsink whose latest
 * frame is handed to the main thread), seeks served one at a time with the
 * last request winning, and every seek issued from the main thread. */
#include "tl-player-private.h"

#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>
#include <gst/video/video.h>

#include "tl-container.h"
#include "tl-media-private.h"
#include "tl-probe.h"
#include "tl-types.h"

/* playbin's GstPlayFlags, which it does not install in a public header */
enum {
  PLAY_FLAG_VIDEO = 1 << 0,
  PLAY_FLAG_AUDIO = 1 << 1,
  PLAY_FLAG_SOFT_VOLUME = 1 << 4,
  PLAY_FLAG_DEINTERLACE = 1 << 9,
};

/* Position updates while playing when no frame tells it (audio only):
 * 25 a second, more than a transcript view needs to follow speech. */
#define TICK_INTERVAL_MS 40
/* Scrubbing shows key frames; this long after the last scrub seek the
 * exact frame follows. */
#define SCRUB_SETTLE_MS 200
/* A seek whose frame never comes is given up after this long. */
#define SEEK_TIMEOUT_MS 3000
/* A file that stops this much before its announced duration is cut short. */
#define INCOMPLETE_TOLERANCE (1 * TL_USEC_PER_SEC)

typedef struct {
  gint64 target;     /* µs */
  TlSeekMode mode;
  gboolean to_frame; /* report the frame's own time (steps), not the target */
} Seek;

struct _TlPlayer {
  GObject parent_instance;

  GMainContext *context;
  GstElement *playbin;
  GstElement *appsink;
  GSource *bus_source;
  GSource *frame_source;
  GSource *tick_source;
  GSource *settle_source;
  GSource *report_source;
  GSource *seek_timeout_source;

  char *audio_sink_description;
  char *uri;
  char *display_name; /* the file's path, for messages */

  TlPlayerState state;
  gboolean loaded;       /* the source prerolled once */
  gboolean want_playing; /* what the user asked for */
  gboolean pipeline_playing; /* what the pipeline was told */
  gboolean at_end;
  gboolean stepped;      /* frames were stepped: audio lags the picture until the next seek */

  gint64 position;
  gint64 frame_time;     /* stream time of the frame on screen, or TL_TIME_NONE */
  gint64 frame_end;
  gint64 last_frame_at;  /* monotonic µs */
  GstBuffer *shown_buffer;
  gint64 duration;
  double rate;
  double volume;
  gboolean muted;
  gboolean has_video;
  gboolean has_audio;
  int fps_num;
  int fps_den;
  gint64 loop_in;
  gint64 loop_out;

  gboolean seek_in_flight;
  Seek current;
  gboolean have_pending;
  Seek pending;
  gint64 scrub_target;
  gboolean step_in_flight;
  gboolean step_frame_seen; /* a step ends with its frame and the sink's step-done, in either order */
  gboolean step_done_seen;
  int pending_steps;

  GPtrArray *missing_details;
  gboolean warned;        /* one warning per source is enough */
  GPtrArray *reports;     /* deferred (signal id, GError) pairs */

  /* shared with the streaming threads */
  GMutex lock;
  GstSample *slot;
  gboolean wake_pending;
  gboolean awaiting_flush; /* a flushing seek was issued: older frames are stale */
  gboolean video_seeking;  /* ... and the sink has not shown its frame (or ended) yet */
  gboolean landed;         /* it has */
  gboolean loop_armed;     /* the running segment is a loop: its end is answered */
  gint64 shared_loop_in;   /* the loop, as the streaming thread reads it */
  gint64 shared_loop_out;
  double shared_rate;
  guint64 n_rendered;
  guint64 n_shown;
  guint64 n_replaced;
  guint seeks_issued;
  guint seeks_requested;
};

G_DEFINE_FINAL_TYPE (TlPlayer, tl_player, G_TYPE_OBJECT)

/* GST_DEBUG=tlplayer:6 follows seeks, frames and bus messages */
GST_DEBUG_CATEGORY_STATIC (tl_player_debug);
#define GST_CAT_DEFAULT tl_player_debug

G_DEFINE_ENUM_TYPE (TlPlayerState, tl_player_state,
                    G_DEFINE_ENUM_VALUE (TL_PLAYER_STATE_EMPTY, "empty"),
                    G_DEFINE_ENUM_VALUE (TL_PLAYER_STATE_LOADING, "loading"),
                    G_DEFINE_ENUM_VALUE (TL_PLAYER_STATE_PAUSED, "paused"),
                    G_DEFINE_ENUM_VALUE (TL_PLAYER_STATE_PLAYING, "playing"))

enum {
  PROP_0,
  PROP_AUDIO_SINK,
  PROP_URI,
  PROP_STATE,
  PROP_POSITION,
  PROP_DURATION,
  PROP_RATE,
  PROP_VOLUME,
  PROP_MUTED,
  PROP_HAS_VIDEO,
  PROP_HAS_AUDIO,
  PROP_FRAMERATE_NUM,
  PROP_FRAMERATE_DEN,
  PROP_LOOP_IN,
  PROP_LOOP_OUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_END_OF_STREAM,
  SIGNAL_ERROR,
  SIGNAL_WARNING,
  SIGNAL_NEW_FRAME,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void issue_seek (TlPlayer *self, const Seek *seek);
static void seek_done (TlPlayer *self);
static void end_video_seek (TlPlayer *self);
static void step_done (TlPlayer *self);
static gboolean run_pending (TlPlayer *self);
static void request_seek (TlPlayer *self, gint64 target, TlSeekMode mode, gboolean to_frame);

/* Setters that notify only on real change. */

static void
set_state (TlPlayer *self, TlPlayerState state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_position (TlPlayer *self, gint64 position)
{
  if (self->position == position)
    return;
  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

static void
set_duration (TlPlayer *self, gint64 duration)
{
  if (self->duration == duration)
    return;
  self->duration = duration;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
}

static void
set_boolean (TlPlayer *self, gboolean *field, gboolean value, int prop)
{
  value = !!value;
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
store_rate (TlPlayer *self, double rate)
{
  if (self->rate == rate)
    return;
  self->rate = rate;
  g_mutex_lock (&self->lock);
  self->shared_rate = rate;
  g_mutex_unlock (&self->lock);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE]);
}

static void
set_framerate (TlPlayer *self, int num, int den)
{
  if (num <= 0 || den <= 0)
    num = den = 0;
  if (self->fps_num == num && self->fps_den == den)
    return;
  self->fps_num = num;
  self->fps_den = den;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAMERATE_NUM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAMERATE_DEN]);
}

static void
set_loop_points (TlPlayer *self, gint64 loop_in, gint64 loop_out)
{
  g_mutex_lock (&self->lock);
  self->shared_loop_in = loop_in;
  self->shared_loop_out = loop_out;
  g_mutex_unlock (&self->lock);

  if (self->loop_in != loop_in)
    {
      self->loop_in = loop_in;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOOP_IN]);
    }
  if (self->loop_out != loop_out)
    {
      self->loop_out = loop_out;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOOP_OUT]);
    }
}

static gboolean
loop_is_set (TlPlayer *self)
{
  return self->loop_in >= 0 && self->loop_out > self->loop_in;
}

static gboolean
in_loop (TlPlayer *self, gint64 t)
{
  return loop_is_set (self) && t >= self->loop_in && t < self->loop_out;
}

static void
clear_source (GSource **source)
{
  if (*source)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

static GSource *
add_timeout (TlPlayer *self, guint ms, GSourceFunc func)
{
  GSource *source = g_timeout_source_new (ms);

  g_source_set_callback (source, func, self, NULL);
  g_source_attach (source, self->context);
  return source;
}

/* Errors and warnings reach the caller from the main loop, never from
 * inside the call that caused them, so a handler may load another source. */

typedef struct {
  guint signal;
  GError *error;
} Report;

static void
report_free (gpointer data)
{
  Report *report = data;

  g_error_free (report->error);
  g_free (report);
}

static gboolean
emit_reports (gpointer data)
{
  TlPlayer *self = data;
  g_autoptr(GPtrArray) reports = g_steal_pointer (&self->reports);

  self->reports = g_ptr_array_new_with_free_func (report_free);
  g_clear_pointer (&self->report_source, g_source_unref);
  g_object_ref (self);
  for (guint i = 0; i < reports->len; i++)
    {
      Report *report = g_ptr_array_index (reports, i);
      g_signal_emit (self, signals[report->signal], 0, report->error);
    }
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
report (TlPlayer *self, guint signal, GError *error)
{
  Report *r = g_new0 (Report, 1);

  r->signal = signal;
  r->error = error;
  g_ptr_array_add (self->reports, r);
  if (self->report_source == NULL)
    {
      self->report_source = g_idle_source_new ();
      g_source_set_callback (self->report_source, emit_reports, self, NULL);
      g_source_attach (self->report_source, self->context);
    }
}

static void
warn (TlPlayer *self, GError *error)
{
  if (self->warned)
    {
      g_error_free (error);
      return;
    }
  self->warned = TRUE;
  report (self, SIGNAL_WARNING, error);
}

/* Forgets the source after an error: the player is ready for the next one. */
static void
fail (TlPlayer *self, GError *error)
{
  GstBus *bus = gst_element_get_bus (self->playbin);

  gst_element_set_state (self->playbin, GST_STATE_NULL);
  /* one error per source: elements downstream of the first failure post
   * their own ("internal data stream error"), which say less */
  GST_DEBUG ("failed, flushing the bus");
  gst_bus_set_flushing (bus, TRUE);
  gst_bus_set_flushing (bus, FALSE);
  gst_object_unref (bus);
  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->slot, gst_sample_unref);
  g_mutex_unlock (&self->lock);
  end_video_seek (self);
  self->loaded = FALSE;
  self->want_playing = self->pipeline_playing = FALSE;
  self->seek_in_flight = self->have_pending = self->step_in_flight = FALSE;
  clear_source (&self->tick_source);
  clear_source (&self->settle_source);
  set_state (self, TL_PLAYER_STATE_EMPTY);
  report (self, SIGNAL_ERROR, error);
}

/* Frames: the streaming thread keeps only the newest one and wakes the
 * main thread; it never waits for it. */

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

static GstPadProbeReturn
on_sink_event (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  TlPlayer *self = data;
  GstEvent *event = GST_PAD_PROBE_INFO_EVENT (info);

  if (GST_EVENT_TYPE (event) == GST_EVENT_FLUSH_STOP)
    {
      g_mutex_lock (&self->lock);
      self->awaiting_flush = FALSE;
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

static GstSample *
take_sample (TlPlayer *self, gboolean *landed)
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
 * clipped to the target (GstVideoDecoder moves its start there); its end
 * is intact, so at a known frame rate its start is one frame before. */
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
  if (GST_CLOCK_TIME_IS_VALID (duration) && GST_CLOCK_TIME_IS_VALID (nominal)
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

static void
present_sample (TlPlayer *self, GstSample *sample)
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
        set_framerate (self, info.fps_n, info.fps_d);
    }

  GST_LOG ("frame %" G_GINT64_FORMAT " µs", start);
  g_signal_emit (self, signals[SIGNAL_NEW_FRAME], 0, sample);
  if (start >= 0)
    set_position (self, start);
}

static gboolean
frame_source_dispatch (GSource *source, GSourceFunc callback, gpointer data)
{
  TlPlayer *self = data;
  g_autoptr(GstSample) sample = NULL;
  gboolean landed = FALSE;

  g_source_set_ready_time (source, -1);
  sample = take_sample (self, &landed);
  if (sample)
    present_sample (self, sample);
  /* a video seek is done when its frame is on screen */
  if (landed && self->seek_in_flight && self->has_video)
    seek_done (self);
  else if (sample && self->step_in_flight)
    {
      self->step_frame_seen = TRUE;
      if (self->step_done_seen)
        step_done (self);
    }
  return G_SOURCE_CONTINUE;
}

static GSourceFuncs frame_source_funcs = {
  .dispatch = frame_source_dispatch,
};

/* Position while playing, where frames do not tell it. */

static gint64
query_position (TlPlayer *self)
{
  gint64 position;

  if (!gst_element_query_position (self->playbin, GST_FORMAT_TIME, &position) || position < 0)
    return TL_TIME_NONE;
  return position / GST_USECOND;
}

static gboolean
on_tick (gpointer data)
{
  TlPlayer *self = data;
  gint64 position;

  if (self->seek_in_flight || self->state != TL_PLAYER_STATE_PLAYING)
    return G_SOURCE_CONTINUE;
  /* a video's frames report the position; ask the pipeline only when they
   * stop coming (the picture ended before the sound) */
  if (self->has_video && g_get_monotonic_time () - self->last_frame_at < 250 * TL_USEC_PER_MSEC)
    return G_SOURCE_CONTINUE;
  position = query_position (self);
  if (position >= 0)
    set_position (self, position);
  return G_SOURCE_CONTINUE;
}

static void
update_ticking (TlPlayer *self)
{
  gboolean want = self->state == TL_PLAYER_STATE_PLAYING;

  if (want && self->tick_source == NULL)
    self->tick_source = add_timeout (self, TICK_INTERVAL_MS, on_tick);
  else if (!want)
    clear_source (&self->tick_source);
}

/* Seeks */

static void
end_video_seek (TlPlayer *self)
{
  g_mutex_lock (&self->lock);
  self->awaiting_flush = FALSE;
  self->video_seeking = FALSE;
  self->landed = FALSE;
  g_mutex_unlock (&self->lock);
  clear_source (&self->seek_timeout_source);
}

static gboolean
on_seek_timeout (gpointer data)
{
  TlPlayer *self = data;

  g_clear_pointer (&self->seek_timeout_source, g_source_unref);
  if (self->seek_in_flight)
    {
      GST_WARNING ("no frame came %d ms after a seek", SEEK_TIMEOUT_MS);
      seek_done (self);
    }
  else if (self->step_in_flight)
    {
      GST_WARNING ("no frame came %d ms after a step", SEEK_TIMEOUT_MS);
      step_done (self);
    }
  return G_SOURCE_REMOVE;
}

static void
step_done (TlPlayer *self)
{
  self->step_in_flight = FALSE;
  clear_source (&self->seek_timeout_source);
  if (run_pending (self))
    return;
  if (self->frame_time >= 0)
    set_position (self, self->frame_time);
}

static void
issue_seek (TlPlayer *self, const Seek *seek)
{
  GstSeekFlags flags = GST_SEEK_FLAG_FLUSH;
  GstClockTime start, stop;
  gint64 target = seek->target;
  gboolean looping;
  gboolean ok;

  if (self->duration > 0)
    target = CLAMP (target, 0, self->duration);
  target = MAX (target, 0);

  /* a seek outside the loop leaves it */
  if (loop_is_set (self) && !in_loop (self, target))
    set_loop_points (self, TL_TIME_NONE, TL_TIME_NONE);
  looping = loop_is_set (self);

  if (seek->mode == TL_SEEK_SCRUB)
    flags |= GST_SEEK_FLAG_KEY_UNIT | GST_SEEK_FLAG_SNAP_NEAREST;
  else
    flags |= GST_SEEK_FLAG_ACCURATE;
  if (looping)
    flags |= GST_SEEK_FLAG_SEGMENT;

  if (self->rate > 0)
    {
      start = (GstClockTime) target * GST_USECOND;
      stop = looping ? (GstClockTime) self->loop_out * GST_USECOND : GST_CLOCK_TIME_NONE;
    }
  else
    {
      start = looping ? (GstClockTime) self->loop_in * GST_USECOND : 0;
      stop = (GstClockTime) target * GST_USECOND;
    }

  if (self->has_video)
    {
      g_mutex_lock (&self->lock);
      self->awaiting_flush = TRUE;
      self->video_seeking = TRUE;
      self->landed = FALSE;
      g_clear_pointer (&self->slot, gst_sample_unref);
      g_mutex_unlock (&self->lock);
      /* in case the sink never answers (a seek the demuxer ignored) */
      clear_source (&self->seek_timeout_source);
      self->seek_timeout_source = add_timeout (self, SEEK_TIMEOUT_MS, on_seek_timeout);
    }
  /* an end of segment that comes now belongs to the segment this seek
   * replaces: the streaming thread must not answer it */
  g_mutex_lock (&self->lock);
  self->loop_armed = FALSE;
  g_mutex_unlock (&self->lock);
  self->current = *seek;
  self->current.target = target;
  self->seek_in_flight = TRUE;
  self->at_end = FALSE;
  self->stepped = FALSE;
  self->seeks_issued++;
  GST_DEBUG ("seek to %" G_GINT64_FORMAT " µs, rate %g, flags %#x, stop %" GST_TIME_FORMAT,
             target, self->rate, flags, GST_TIME_ARGS (stop));
  ok = gst_element_seek (self->playbin, self->rate, GST_FORMAT_TIME, flags,
                         GST_SEEK_TYPE_SET, start,
                         /* SET to none, not TYPE_NONE: a loop's old stop must not stay */
                         GST_SEEK_TYPE_SET, stop);
  if (!ok)
    {
      end_video_seek (self);
      self->seek_in_flight = FALSE;
      if (self->rate < 0)
        {
          /* the container cannot be read backwards: play forwards instead */
          store_rate (self, 1.0);
          warn (self, g_error_new (TL_MEDIA_ERROR, TL_MEDIA_ERROR_FAILED,
                                   "%s cannot be played backwards", self->display_name));
        }
      return;
    }
  /* from now on the segment's end belongs to this seek */
  g_mutex_lock (&self->lock);
  self->loop_armed = looping;
  g_mutex_unlock (&self->lock);
  if (!self->has_video)
    set_position (self, target);
}

static void
request_seek (TlPlayer *self, gint64 target, TlSeekMode mode, gboolean to_frame)
{
  Seek seek = { .target = target, .mode = mode, .to_frame = to_frame };

  self->seeks_requested++;
  /* the pipeline serves one seek at a time; the newest request waits and
   * replaces any older waiting one */
  if (!self->loaded || self->seek_in_flight || self->step_in_flight)
    {
      self->pending = seek;
      self->have_pending = TRUE;
      self->pending_steps = 0;
      return;
    }
  issue_seek (self, &seek);
}

static gboolean
run_pending (TlPlayer *self)
{
  if (self->have_pending)
    {
      Seek seek = self->pending;
      self->have_pending = FALSE;
      issue_seek (self, &seek);
      return TRUE;
    }
  if (self->pending_steps != 0)
    {
      int steps = self->pending_steps;
      self->pending_steps = 0;
      tl_player_step (self, steps);
      return TRUE;
    }
  return FALSE;
}

static void
apply_want_playing (TlPlayer *self)
{
  GstState target = self->want_playing ? GST_STATE_PLAYING : GST_STATE_PAUSED;

  gst_element_set_state (self->playbin, target);
  self->pipeline_playing = self->want_playing;
  set_state (self, self->want_playing ? TL_PLAYER_STATE_PLAYING : TL_PLAYER_STATE_PAUSED);
  update_ticking (self);
}

static void
seek_done (TlPlayer *self)
{
  g_autoptr(GstSample) sample = NULL;
  Seek done = self->current;

  self->seek_in_flight = FALSE;
  end_video_seek (self);

  /* the frame the seek brought is shown before the position is reported */
  sample = take_sample (self, NULL);
  if (sample)
    present_sample (self, sample);

  if (run_pending (self))
    return;

  if (self->has_video && self->frame_time >= 0)
    {
      /* a click on a line at 12.34 s shows the frame that covers 12.34 s,
       * and the line itself, not the one before, must light up */
      if (!done.to_frame && done.mode == TL_SEEK_ACCURATE
          && done.target >= self->frame_time && done.target < MAX (self->frame_end, self->frame_time + 1))
        set_position (self, done.target);
      else
        set_position (self, self->frame_time);
    }
  else
    set_position (self, done.target);

  if (self->want_playing != self->pipeline_playing)
    apply_want_playing (self);
}

static gboolean
on_settle (gpointer data)
{
  TlPlayer *self = data;

  g_clear_pointer (&self->settle_source, g_source_unref);
  request_seek (self, self->scrub_target, TL_SEEK_ACCURATE, FALSE);
  return G_SOURCE_REMOVE;
}

/* Bus */

static void
read_streams (TlPlayer *self)
{
  int n_video = 0, n_audio = 0;
  gint64 duration;

  g_object_get (self->playbin, "n-video", &n_video, "n-audio", &n_audio, NULL);
  set_boolean (self, &self->has_video, n_video > 0, PROP_HAS_VIDEO);
  set_boolean (self, &self->has_audio, n_audio > 0, PROP_HAS_AUDIO);
  if (gst_element_query_duration (self->playbin, GST_FORMAT_TIME, &duration) && duration > 0)
    set_duration (self, duration / GST_USECOND);

  if (self->has_video)
    {
      g_autoptr(GstPad) pad = gst_element_get_static_pad (self->appsink, "sink");
      g_autoptr(GstCaps) caps = gst_pad_get_current_caps (pad);
      GstVideoInfo info;
      if (caps && gst_video_info_from_caps (&info, caps))
        set_framerate (self, info.fps_n, info.fps_d);
    }

  if (self->missing_details->len > 0)
    {
      GError *error = NULL;
      g_ptr_array_add (self->missing_details, NULL);
      tl_media_set_missing_plugin_error (&error, self->display_name,
                                         (const char *const *) self->missing_details->pdata, TRUE);
      g_ptr_array_remove_index (self->missing_details, self->missing_details->len - 1);
      warn (self, error);
    }
}

static void
on_async_done (TlPlayer *self)
{
  if (!self->loaded)
    {
      self->loaded = TRUE;
      read_streams (self);
      /* the frame shown by preroll */
      {
        g_autoptr(GstSample) sample = take_sample (self, NULL);
        if (sample)
          present_sample (self, sample);
      }
      if (run_pending (self))
        return;
      if (self->position < 0)
        set_position (self, self->frame_time >= 0 ? self->frame_time : 0);
      apply_want_playing (self);
      return;
    }
  /* a video seek ends with its frame (steps make the sound sink post
   * async-done too); only sound-only seeks end here */
  if (self->seek_in_flight && !self->has_video)
    seek_done (self);
}

static void
on_eos (TlPlayer *self)
{
  gint64 end = self->has_video && self->frame_time >= 0 ? MAX (self->frame_end, self->frame_time) : query_position (self);

  if (self->step_in_flight)
    {
      self->step_in_flight = FALSE;
      clear_source (&self->seek_timeout_source);
    }
  if (end >= 0 && self->rate > 0)
    set_position (self, end);
  self->at_end = TRUE;
  self->want_playing = FALSE;
  apply_want_playing (self);

  /* GStreamer plays a cut-short file without an error and stops early */
  if (self->rate > 0 && self->duration > 0 && end >= 0
      && end + INCOMPLETE_TOLERANCE + tl_player_get_frame_duration (self) < self->duration)
    {
      g_autofree char *at = g_strdup_printf ("%.1f", end / 1e6);
      g_autofree char *of = g_strdup_printf ("%.1f", self->duration / 1e6);
      warn (self, g_error_new (TL_MEDIA_ERROR, TL_MEDIA_ERROR_CORRUPT,
                               "%s looks incomplete: it stops at %s s of the %s s it should last "
                               "(was it copied or downloaded completely?)",
                               self->display_name, at, of));
    }
  g_signal_emit (self, signals[SIGNAL_END_OF_STREAM], 0);
}

/* A loop's segment ended: start it again with a non-flushing segment seek,
 * so that no gap is seen or heard. Done here, in the streaming thread that
 * posted the message: the same seek from the main thread would wait for
 * this thread, which may be blocked on full queues while paused. Seeks
 * from the main thread disarm the loop first, under the same lock, so an
 * end of segment never undoes a newer seek. */
static GstBusSyncReply
on_bus_sync_message (GstBus *bus, GstMessage *msg, gpointer data)
{
  TlPlayer *self = data;
  GstFormat format;
  gint64 position;

  if (GST_MESSAGE_TYPE (msg) != GST_MESSAGE_SEGMENT_DONE)
    return GST_BUS_PASS;

  gst_message_parse_segment_done (msg, &format, &position);
  g_mutex_lock (&self->lock);
  if (self->loop_armed)
    {
      gint64 in = self->shared_loop_in, out = self->shared_loop_out;
      double rate = self->shared_rate;

      GST_DEBUG ("segment done at %" GST_TIME_FORMAT, GST_TIME_ARGS (position));
      if (in >= 0 && out > in)
        gst_element_seek (self->playbin, rate, GST_FORMAT_TIME,
                          GST_SEEK_FLAG_SEGMENT | GST_SEEK_FLAG_ACCURATE,
                          GST_SEEK_TYPE_SET, (GstClockTime) in * GST_USECOND,
                          GST_SEEK_TYPE_SET, (GstClockTime) out * GST_USECOND);
      else
        {
          /* the loop was cleared while it played: go on past its end */
          self->loop_armed = FALSE;
          if (rate > 0)
            gst_element_seek (self->playbin, rate, GST_FORMAT_TIME, GST_SEEK_FLAG_ACCURATE,
                              GST_SEEK_TYPE_SET, position, GST_SEEK_TYPE_SET, GST_CLOCK_TIME_NONE);
          else
            gst_element_seek (self->playbin, rate, GST_FORMAT_TIME, GST_SEEK_FLAG_ACCURATE,
                              GST_SEEK_TYPE_SET, 0, GST_SEEK_TYPE_SET, position);
        }
    }
  g_mutex_unlock (&self->lock);
  return GST_BUS_DROP;
}

static gboolean
on_bus_message (GstBus *bus, GstMessage *msg, gpointer data)
{
  TlPlayer *self = data;

  GST_LOG ("%s from %s", GST_MESSAGE_TYPE_NAME (msg), GST_MESSAGE_SRC_NAME (msg));
  switch (GST_MESSAGE_TYPE (msg))
    {
    case GST_MESSAGE_ERROR:
      {
        g_autoptr(GError) gst_error = NULL;
        GError *error = NULL;

        /* the source failed already: this is the echo of that failure */
        if (self->state == TL_PLAYER_STATE_EMPTY)
          break;
        gst_message_parse_error (msg, &gst_error, NULL);
        GST_DEBUG ("error: %s (seqnum %u)", gst_error->message, gst_message_get_seqnum (msg));
        g_ptr_array_add (self->missing_details, NULL);
        tl_media_set_error_from_gst (&error, self->display_name, gst_error,
                                     (const char *const *) self->missing_details->pdata);
        g_ptr_array_remove_index (self->missing_details, self->missing_details->len - 1);
        fail (self, error);
        break;
      }
    case GST_MESSAGE_ELEMENT:
      if (gst_is_missing_plugin_message (msg))
        {
          char *detail = gst_missing_plugin_message_get_installer_detail (msg);
          if (detail)
            g_ptr_array_add (self->missing_details, detail);
        }
      break;
    case GST_MESSAGE_ASYNC_DONE:
      on_async_done (self);
      break;
    case GST_MESSAGE_STEP_DONE:
      /* playsink steps the sound after the picture: only the picture counts */
      if (GST_MESSAGE_SRC (msg) == GST_OBJECT (self->appsink) && self->step_in_flight)
        {
          self->step_done_seen = TRUE;
          if (self->step_frame_seen)
            step_done (self);
        }
      break;
    case GST_MESSAGE_EOS:
      on_eos (self);
      break;
    case GST_MESSAGE_DURATION_CHANGED:
      {
        gint64 duration;
        if (self->loaded && gst_element_query_duration (self->playbin, GST_FORMAT_TIME, &duration) && duration > 0)
          set_duration (self, duration / GST_USECOND);
        break;
      }
    default:
      break;
    }
  return G_SOURCE_CONTINUE;
}

/* Construction */

static GstElement *
make_audio_sink (TlPlayer *self)
{
  g_autoptr(GError) error = NULL;
  GstElement *sink;

  if (self->audio_sink_description == NULL)
    return NULL;
  sink = gst_parse_bin_from_description (self->audio_sink_description, TRUE, &error);
  if (sink == NULL)
    g_warning ("Cannot make the audio sink “%s”: %s; using the default one",
               self->audio_sink_description, error->message);
  return sink;
}

static void
tl_player_constructed (GObject *object)
{
  TlPlayer *self = TL_PLAYER (object);
  GstAppSinkCallbacks callbacks = { .new_preroll = on_new_preroll, .new_sample = on_new_sample };
  g_autoptr(GstCaps) caps = gst_caps_from_string ("video/x-raw,format=BGRA");
  g_autoptr(GstPad) pad = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GError) error = NULL;
  GstElement *audio_filter, *audio_sink;

  G_OBJECT_CLASS (tl_player_parent_class)->constructed (object);

  gst_init (NULL, NULL);
  if (tl_player_debug == NULL)
    GST_DEBUG_CATEGORY_INIT (tl_player_debug, "tlplayer", 0, "Tagline's player");
  self->playbin = gst_element_factory_make ("playbin", NULL);
  g_assert (self->playbin != NULL);
  gst_object_ref_sink (self->playbin);

  /* BGRA is what GDK takes without converting (premultiplied with alpha 1);
   * late frames are dropped at the sink instead of piling up */
  self->appsink = gst_element_factory_make ("appsink", "tl-video-sink");
  gst_object_ref_sink (self->appsink);
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

  /* scaletempo keeps the pitch at other speeds; it needs a flushing seek
   * with the rate (an instant rate change would bypass it) */
  audio_filter = gst_parse_bin_from_description ("audioconvert ! scaletempo", TRUE, &error);
  g_assert_no_error (error);
  audio_sink = make_audio_sink (self);

  g_object_set (self->playbin,
                "video-sink", self->appsink,
                "audio-filter", audio_filter,
                "flags", PLAY_FLAG_VIDEO | PLAY_FLAG_AUDIO | PLAY_FLAG_SOFT_VOLUME | PLAY_FLAG_DEINTERLACE,
                NULL);
  if (audio_sink)
    g_object_set (self->playbin, "audio-sink", audio_sink, NULL);

  bus = gst_element_get_bus (self->playbin);
  gst_bus_set_sync_handler (bus, on_bus_sync_message, self, NULL);
  self->bus_source = gst_bus_create_watch (bus);
  g_source_set_callback (self->bus_source, (GSourceFunc) (void (*) (void)) on_bus_message, self, NULL);
  g_source_attach (self->bus_source, self->context);
}

static void
tl_player_dispose (GObject *object)
{
  TlPlayer *self = TL_PLAYER (object);

  /* stops the streaming threads before the sources they wake go away */
  if (self->playbin)
    {
      g_autoptr(GstBus) bus = gst_element_get_bus (self->playbin);
      gst_element_set_state (self->playbin, GST_STATE_NULL);
      gst_bus_set_sync_handler (bus, NULL, NULL, NULL);
    }
  clear_source (&self->bus_source);
  clear_source (&self->frame_source);
  clear_source (&self->tick_source);
  clear_source (&self->settle_source);
  clear_source (&self->report_source);
  clear_source (&self->seek_timeout_source);
  gst_clear_object (&self->appsink);
  gst_clear_object (&self->playbin);
  gst_clear_buffer (&self->shown_buffer);
  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->slot, gst_sample_unref);
  g_mutex_unlock (&self->lock);
  G_OBJECT_CLASS (tl_player_parent_class)->dispose (object);
}

static void
tl_player_finalize (GObject *object)
{
  TlPlayer *self = TL_PLAYER (object);

  g_free (self->audio_sink_description);
  g_free (self->uri);
  g_free (self->display_name);
  g_ptr_array_unref (self->missing_details);
  g_ptr_array_unref (self->reports);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (tl_player_parent_class)->finalize (object);
}

static void
tl_player_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TlPlayer *self = TL_PLAYER (object);

  switch (prop_id)
    {
    case PROP_AUDIO_SINK: g_value_set_string (value, self->audio_sink_description); break;
    case PROP_URI: g_value_set_string (value, self->uri); break;
    case PROP_STATE: g_value_set_enum (value, self->state); break;
    case PROP_POSITION: g_value_set_int64 (value, self->position); break;
    case PROP_DURATION: g_value_set_int64 (value, self->duration); break;
    case PROP_RATE: g_value_set_double (value, self->rate); break;
    case PROP_VOLUME: g_value_set_double (value, self->volume); break;
    case PROP_MUTED: g_value_set_boolean (value, self->muted); break;
    case PROP_HAS_VIDEO: g_value_set_boolean (value, self->has_video); break;
    case PROP_HAS_AUDIO: g_value_set_boolean (value, self->has_audio); break;
    case PROP_FRAMERATE_NUM: g_value_set_int (value, self->fps_num); break;
    case PROP_FRAMERATE_DEN: g_value_set_int (value, self->fps_den); break;
    case PROP_LOOP_IN: g_value_set_int64 (value, self->loop_in); break;
    case PROP_LOOP_OUT: g_value_set_int64 (value, self->loop_out); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_player_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  TlPlayer *self = TL_PLAYER (object);

  switch (prop_id)
    {
    case PROP_AUDIO_SINK: self->audio_sink_description = g_value_dup_string (value); break;
    case PROP_URI: tl_player_set_uri (self, g_value_get_string (value)); break;
    case PROP_RATE: tl_player_set_rate (self, g_value_get_double (value)); break;
    case PROP_VOLUME: tl_player_set_volume (self, g_value_get_double (value)); break;
    case PROP_MUTED: tl_player_set_muted (self, g_value_get_boolean (value)); break;
    case PROP_LOOP_IN: tl_player_set_loop (self, g_value_get_int64 (value), self->loop_out); break;
    case PROP_LOOP_OUT: tl_player_set_loop (self, self->loop_in, g_value_get_int64 (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_player_class_init (TlPlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = tl_player_constructed;
  object_class->dispose = tl_player_dispose;
  object_class->finalize = tl_player_finalize;
  object_class->get_property = tl_player_get_property;
  object_class->set_property = tl_player_set_property;

  /**
   * TlPlayer:audio-sink:
   *
   * A GStreamer description of the audio output ("fakesink sync=true" in
   * tests); %NULL for the system's.
   */
  properties[PROP_AUDIO_SINK] =
    g_param_spec_string ("audio-sink", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_URI] = g_param_spec_string ("uri", NULL, NULL, NULL, rw);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, TL_TYPE_PLAYER_STATE, TL_PLAYER_STATE_EMPTY, ro);
  /**
   * TlPlayer:position:
   *
   * µs: the time of the frame on screen (of the sound, for audio); after
   * an accurate seek, the target itself when that frame covers it.
   */
  properties[PROP_POSITION] =
    g_param_spec_int64 ("position", NULL, NULL, -1, G_MAXINT64, TL_TIME_NONE, ro);
  properties[PROP_DURATION] =
    g_param_spec_int64 ("duration", NULL, NULL, -1, G_MAXINT64, TL_TIME_NONE, ro);
  properties[PROP_RATE] =
    g_param_spec_double ("rate", NULL, NULL, -TL_PLAYER_MAX_RATE, TL_PLAYER_MAX_RATE, 1.0, rw);
  properties[PROP_VOLUME] = g_param_spec_double ("volume", NULL, NULL, 0.0, 1.0, 1.0, rw);
  properties[PROP_MUTED] = g_param_spec_boolean ("muted", NULL, NULL, FALSE, rw);
  properties[PROP_HAS_VIDEO] = g_param_spec_boolean ("has-video", NULL, NULL, FALSE, ro);
  properties[PROP_HAS_AUDIO] = g_param_spec_boolean ("has-audio", NULL, NULL, FALSE, ro);
  properties[PROP_FRAMERATE_NUM] = g_param_spec_int ("framerate-num", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_FRAMERATE_DEN] = g_param_spec_int ("framerate-den", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_LOOP_IN] = g_param_spec_int64 ("loop-in", NULL, NULL, -1, G_MAXINT64, TL_TIME_NONE, rw);
  properties[PROP_LOOP_OUT] = g_param_spec_int64 ("loop-out", NULL, NULL, -1, G_MAXINT64, TL_TIME_NONE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_END_OF_STREAM] =
    g_signal_new ("end-of-stream", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /**
   * TlPlayer::error:
   *
   * The source cannot be played; the player is empty and takes the next.
   * The #TL_MEDIA_ERROR message can be shown as it is.
   */
  signals[SIGNAL_ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
  /**
   * TlPlayer::warning:
   *
   * The source plays, but not all of it: a stream without a decoder, a
   * file cut short. At most one per source.
   */
  signals[SIGNAL_WARNING] =
    g_signal_new ("warning", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
  /**
   * TlPlayer::new-frame:
   * @sample: a #GstSample in BGRA
   *
   * A different frame is on screen, in the main thread.
   */
  signals[SIGNAL_NEW_FRAME] =
    g_signal_new ("new-frame", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GST_TYPE_SAMPLE | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
tl_player_init (TlPlayer *self)
{
  g_mutex_init (&self->lock);
  self->context = g_main_context_ref_thread_default ();
  self->position = self->duration = self->frame_time = self->frame_end = TL_TIME_NONE;
  self->loop_in = self->loop_out = TL_TIME_NONE;
  self->shared_loop_in = self->shared_loop_out = TL_TIME_NONE;
  self->rate = self->shared_rate = 1.0;
  self->volume = 1.0;
  self->missing_details = g_ptr_array_new_with_free_func (g_free);
  self->reports = g_ptr_array_new_with_free_func (report_free);

  self->frame_source = g_source_new (&frame_source_funcs, sizeof (GSource));
  g_source_set_callback (self->frame_source, NULL, self, NULL);
  g_source_set_name (self->frame_source, "TlPlayer frames");
  g_source_attach (self->frame_source, self->context);
}

/**
 * tl_player_new:
 * @audio_sink: (nullable): a GStreamer description of the audio output,
 *   %NULL for the system's
 */
TlPlayer *
tl_player_new (const char *audio_sink)
{
  return g_object_new (TL_TYPE_PLAYER, "audio-sink", audio_sink, NULL);
}

/* Source */

static void
reset_source (TlPlayer *self)
{
  GstBus *bus = gst_element_get_bus (self->playbin);

  /* NULL, not READY: playbin in READY after a failed preroll keeps the old
   * source's group and starts it again with the next one */
  gst_element_set_state (self->playbin, GST_STATE_NULL);
  /* messages the old source left on the bus must not reach the new one */
  gst_bus_set_flushing (bus, TRUE);
  gst_bus_set_flushing (bus, FALSE);
  gst_object_unref (bus);

  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->slot, gst_sample_unref);
  g_mutex_unlock (&self->lock);
  end_video_seek (self);
  gst_clear_buffer (&self->shown_buffer);
  clear_source (&self->tick_source);
  clear_source (&self->settle_source);
  g_ptr_array_set_size (self->missing_details, 0);
  /* what went wrong with the last source is no news about the next */
  g_ptr_array_set_size (self->reports, 0);

  self->loaded = FALSE;
  self->want_playing = self->pipeline_playing = FALSE;
  self->seek_in_flight = self->have_pending = self->step_in_flight = FALSE;
  self->pending_steps = 0;
  self->at_end = self->stepped = self->warned = FALSE;
  self->frame_time = self->frame_end = TL_TIME_NONE;
  set_position (self, TL_TIME_NONE);
  set_duration (self, TL_TIME_NONE);
  set_boolean (self, &self->has_video, FALSE, PROP_HAS_VIDEO);
  set_boolean (self, &self->has_audio, FALSE, PROP_HAS_AUDIO);
  set_framerate (self, 0, 0);
  set_loop_points (self, TL_TIME_NONE, TL_TIME_NONE);
  store_rate (self, 1.0);
}

/**
 * tl_player_set_uri:
 * @uri: (nullable): the source to play, %NULL for none
 *
 * Opens @uri paused on its first frame. Failures arrive by
 * #TlPlayer::error.
 */
void
tl_player_set_uri (TlPlayer *self, const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (TL_IS_PLAYER (self));

  reset_source (self);
  if (g_strcmp0 (self->uri, uri) != 0)
    {
      g_free (self->uri);
      self->uri = g_strdup (uri);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URI]);
    }
  if (uri == NULL)
    {
      set_state (self, TL_PLAYER_STATE_EMPTY);
      return;
    }

  path = g_filename_from_uri (uri, NULL, NULL);
  g_free (self->display_name);
  self->display_name = g_strdup (path ? path : uri);
  if (path)
    {
      if (!tl_media_check_file (path, &error))
        {
          fail (self, g_steal_pointer (&error));
          return;
        }
      /* a cut-short file plays without an error: say so before it stops */
      if (!tl_container_check_complete (path, &error))
        warn (self, g_steal_pointer (&error));
    }

  g_object_set (self->playbin, "uri", uri, NULL);
  set_state (self, TL_PLAYER_STATE_LOADING);
  if (gst_element_set_state (self->playbin, GST_STATE_PAUSED) == GST_STATE_CHANGE_FAILURE)
    {
      /* the error message on the bus says why */
      return;
    }
}

const char *
tl_player_get_uri (TlPlayer *self)
{
  g_return_val_if_fail (TL_IS_PLAYER (self), NULL);
  return self->uri;
}

/**
 * tl_player_open_file:
 *
 * Opens a local file; a file that does not exist or cannot be read fails
 * here, with the same message as #TlPlayer::error would carry.
 */
gboolean
tl_player_open_file (TlPlayer *self, const char *path, GError **error)
{
  g_autofree char *absolute = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (TL_IS_PLAYER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!tl_media_check_file (path, error))
    {
      tl_player_set_uri (self, NULL);
      return FALSE;
    }
  absolute = g_canonicalize_filename (path, NULL);
  uri = g_filename_to_uri (absolute, NULL, error);
  if (uri == NULL)
    return FALSE;
  tl_player_set_uri (self, uri);
  return TRUE;
}

TlPlayerState
tl_player_get_state (TlPlayer *self)
{
  g_return_val_if_fail (TL_IS_PLAYER (self), TL_PLAYER_STATE_EMPTY);
  return self->state;
}

/* Transport */

void
tl_player_play (TlPlayer *self)
{
  g_return_if_fail (TL_IS_PLAYER (self));

  if (self->state == TL_PLAYER_STATE_EMPTY || self->want_playing)
    return;
  self->want_playing = TRUE;
  if (!self->loaded || self->seek_in_flight || self->have_pending)
    {
      /* playing starts when the source or the seek is ready */
      set_state (self, self->loaded ? TL_PLAYER_STATE_PLAYING : TL_PLAYER_STATE_LOADING);
      return;
    }
  if (self->at_end && self->rate > 0)
    {
      /* play at the end starts again from the beginning */
      request_seek (self, loop_is_set (self) ? self->loop_in : 0, TL_SEEK_ACCURATE, FALSE);
      set_state (self, TL_PLAYER_STATE_PLAYING);
      return;
    }
  if (self->stepped || self->step_in_flight)
    {
      /* after frame steps the sound is behind the picture: bring it there */
      request_seek (self, self->frame_time >= 0 ? self->frame_time : self->position, TL_SEEK_ACCURATE, TRUE);
      set_state (self, TL_PLAYER_STATE_PLAYING);
      return;
    }
  apply_want_playing (self);
}

void
tl_player_pause (TlPlayer *self)
{
  g_return_if_fail (TL_IS_PLAYER (self));

  if (self->state == TL_PLAYER_STATE_EMPTY || !self->want_playing)
    return;
  self->want_playing = FALSE;
  if (!self->loaded)
    return;
  apply_want_playing (self);
  /* the sink prerolls the frame after the one on screen when pausing:
   * go back to the one the editor saw, so that steps and the next play
   * start from it */
  if (self->has_video && self->frame_time >= 0 && !self->seek_in_flight)
    request_seek (self, self->frame_time, TL_SEEK_ACCURATE, TRUE);
}

void
tl_player_toggle (TlPlayer *self)
{
  g_return_if_fail (TL_IS_PLAYER (self));

  if (self->want_playing)
    tl_player_pause (self);
  else
    tl_player_play (self);
}

gint64
tl_player_get_position (TlPlayer *self)
{
  g_return_val_if_fail (TL_IS_PLAYER (self), TL_TIME_NONE);
  return self->position;
}

/**
 * tl_player_get_frame_time:
 *
 * Returns: µs: the start of the frame on screen, or %TL_TIME_NONE
 */
gint64
tl_player_get_frame_time (TlPlayer *self)
{
  g_return_val_if_fail (TL_IS_PLAYER (self), TL_TIME_NONE);
  return self->frame_time;
}

gint64
tl_player_get_duration (TlPlayer *self)
{
  g_return_val_if_fail (TL_IS_PLAYER (self), TL_TIME_NONE);
  return self->duration;
}

/**
 * tl_player_seek:
 * @position: µs
 * @mode: %TL_SEEK_ACCURATE for clicks on lines and clips,
 *   %TL_SEEK_SCRUB while the editor drags a slider
 *
 * Seeks that come faster than the pipeline serves them are merged: the
 * last one wins.
 */
void
tl_player_seek (TlPlayer *self, gint64 position, TlSeekMode mode)
{
  g_return_if_fail (TL_IS_PLAYER (self));

  if (self->state == TL_PLAYER_STATE_EMPTY)
    return;
  position = MAX (position, 0);
  if (mode == TL_SEEK_SCRUB)
    {
      self->scrub_target = position;
      clear_source (&self->settle_source);
      self->settle_source = add_timeout (self, SCRUB_SETTLE_MS, on_settle);
    }
  else
    clear_source (&self->settle_source);
  request_seek (self, position, mode, FALSE);
}

/**
 * tl_player_step:
 * @frames: frames to move, negative to go back
 *
 * Pauses and moves exactly @frames frames.
 */
void
tl_player_step (TlPlayer *self, int frames)
{
  gint64 frame = tl_player_get_frame_duration (self);

  g_return_if_fail (TL_IS_PLAYER (self));

  if (self->state == TL_PLAYER_STATE_EMPTY || frames == 0 || !self->has_video)
    return;
  if (self->want_playing)
    {
      self->want_playing = FALSE;
      apply_want_playing (self);
    }
  if (self->step_in_flight && frames > 0 && !self->have_pending)
    {
      self->pending_steps += frames;
      return;
    }
  if (frames > 0 && self->loaded && !self->seek_in_flight && !self->have_pending
      && !self->at_end && self->rate > 0)
    {
      /* the sink lets exactly @frames buffers through: no decoding from
       * the key frame, unlike a seek */
      self->step_in_flight = TRUE;
      self->step_frame_seen = self->step_done_seen = FALSE;
      self->stepped = TRUE;
      clear_source (&self->seek_timeout_source);
      self->seek_timeout_source = add_timeout (self, SEEK_TIMEOUT_MS, on_seek_timeout);
      gst_element_send_event (self->playbin,
                              gst_event_new_step (GST_FORMAT_BUFFERS, frames, 1.0, TRUE, FALSE));
      return;
    }
  /* back (or forward while a seek runs): the middle of the wanted frame, so
   * that rounding of 30000/1001 times cannot land on its neighbour */
  {
    gint64 base = self->have_pending ? self->pending.target : self->frame_time >= 0 ? self->frame_time : self->position;
    request_seek (self, MAX (base + frames * frame + frame / 2, 0), TL_SEEK_ACCURATE, TRUE);
  }
}

double
tl_player_get_rate (TlPlayer *self)
{
  g_return_val_if_fail (TL_IS_PLAYER (self), 1.0);
  return self->rate;
}

/**
 * tl_player_set_rate:
 * @rate: 0.25 to 2 (pitch kept), or -2 to -0.25 to play backwards
 */
void
tl_player_set_rate (TlPlayer *self, double rate)
{
  gint64 from;

  g_return_if_fail (TL_IS_PLAYER (self));

  if (rate == 0)
    rate = 1.0;
  rate = (rate < 0 ? -1 : 1) * CLAMP (ABS (rate), TL_PLAYER_MIN_RATE, TL_PLAYER_MAX_RATE);
  if (rate == self->rate)
    return;
  store_rate (self, rate);
  if (self->state == TL_PLAYER_STATE_EMPTY || !self->loaded)
    return;
  /* from what is on screen (or heard), so that the position never jumps back */
  from = self->have_pending ? self->pending.target
       : self->has_video && self->frame_time >= 0 ? self->frame_time : query_position (self);
  if (from < 0)
    from = MAX (self->position, 0);
  request_seek (self, from, TL_SEEK_ACCURATE, self->has_video);
}

/**
 * tl_player_shuttle:
 * @direction: 1 (L), -1 (J) or 0 (K)
 *
 * J/K/L as in an editing program: L plays, pressed again plays faster;
 * J the same backwards; K pauses.
 */
void
tl_player_shuttle (TlPlayer *self, int direction)
{
  double rate;

  g_return_if_fail (TL_IS_PLAYER (self));

  if (direction == 0)
    {
      tl_player_pause (self);
      return;
    }
  if (!self->want_playing || (direction > 0) != (self->rate > 0))
    rate = direction > 0 ? 1.0 : -1.0;
  else
    rate = self->rate * 2;
  tl_player_set_rate (self, rate);
  tl_player_play (self);
}

double
tl_player_get_volume (TlPlayer *self)
{
  g_return_val_if_fail (TL_IS_PLAYER (self), 1.0);
  return self->volume;
}

void
tl_player_set_volume (TlPlayer *self, double volume)
{
  g_return_if_fail (TL_IS_PLAYER (self));

  volume = CLAMP (volume, 0.0, 1.0);
  if (volume == self->volume)
    return;
  self->volume = volume;
  g_object_set (self->playbin, "volume", volume, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOLUME]);
}

gboolean
tl_player_get_muted (TlPlayer *self)
{
  g_return_val_if_fail (TL_IS_PLAYER (self), FALSE);
  return self->muted;
}

void
tl_player_set_muted (TlPlayer *self, gboolean muted)
{
  g_return_if_fail (TL_IS_PLAYER (self));

  if (self->muted == !!muted)
    return;
  g_object_set (self->playbin, "mute", !!muted, NULL);
  set_boolean (self, &self->muted, muted, PROP_MUTED);
}

gboolean
tl_player_get_has_video (TlPlayer *self)
{
  g_return_val_if_fail (TL_IS_PLAYER (self), FALSE);
  return self->has_video;
}

gboolean
tl_player_get_has_audio (TlPlayer *self)
{
  g_return_val_if_fail (TL_IS_PLAYER (self), FALSE);
  return self->has_audio;
}

/**
 * tl_player_get_framerate:
 *
 * The exact frame rate (30000/1001, not 29.97); 0/0 when unknown.
 */
void
tl_player_get_framerate (TlPlayer *self, int *num, int *den)
{
  g_return_if_fail (TL_IS_PLAYER (self));
  if (num)
    *num = self->fps_num;
  if (den)
    *den = self->fps_den;
}

/**
 * tl_player_get_frame_duration:
 *
 * Returns: µs of one frame (40000 at 25 fps); 40000 when the rate is unknown
 */
gint64
tl_player_get_frame_duration (TlPlayer *self)
{
  g_return_val_if_fail (TL_IS_PLAYER (self), 0);
  if (self->fps_num > 0 && self->fps_den > 0)
    return gst_util_uint64_scale_int (TL_USEC_PER_SEC, self->fps_den, self->fps_num);
  if (self->frame_end > self->frame_time && self->frame_time >= 0)
    return self->frame_end - self->frame_time;
  return 40 * TL_USEC_PER_MSEC;
}

gint64
tl_player_get_loop_in (TlPlayer *self)
{
  g_return_val_if_fail (TL_IS_PLAYER (self), TL_TIME_NONE);
  return self->loop_in;
}

gint64
tl_player_get_loop_out (TlPlayer *self)
{
  g_return_val_if_fail (TL_IS_PLAYER (self), TL_TIME_NONE);
  return self->loop_out;
}

/**
 * tl_player_set_loop:
 * @loop_in: µs, or %TL_TIME_NONE
 * @loop_out: µs, or %TL_TIME_NONE
 *
 * Plays between @loop_in and @loop_out over and over, without a gap at
 * the loop point, from @loop_in. Clearing the loop while it plays lets
 * playback go on past @loop_out.
 */
void
tl_player_set_loop (TlPlayer *self, gint64 loop_in, gint64 loop_out)
{
  g_return_if_fail (TL_IS_PLAYER (self));

  if (loop_in < 0 || loop_out <= loop_in)
    {
      /* an unfinished loop (only an in point) is kept but not played */
      set_loop_points (self, loop_in < 0 ? TL_TIME_NONE : loop_in, loop_out < 0 ? TL_TIME_NONE : loop_out);
      return;
    }
  if (loop_in == self->loop_in && loop_out == self->loop_out)
    return;
  set_loop_points (self, loop_in, loop_out);
  if (self->state != TL_PLAYER_STATE_EMPTY)
    request_seek (self, self->rate > 0 ? loop_in : loop_out, TL_SEEK_ACCURATE, FALSE);
}

void
tl_player_clear_loop (TlPlayer *self)
{
  g_return_if_fail (TL_IS_PLAYER (self));
  set_loop_points (self, TL_TIME_NONE, TL_TIME_NONE);
}

void
tl_player_get_stats (TlPlayer *self, TlPlayerStats *stats)
{
  g_autoptr(GstStructure) sink_stats = NULL;
  guint64 dropped = 0;

  g_return_if_fail (TL_IS_PLAYER (self));

  g_object_get (self->appsink, "stats", &sink_stats, NULL);
  if (sink_stats)
    gst_structure_get_uint64 (sink_stats, "dropped", &dropped);
  g_mutex_lock (&self->lock);
  stats->frames_rendered = self->n_rendered;
  stats->frames_replaced = self->n_replaced;
  g_mutex_unlock (&self->lock);
  stats->frames_shown = self->n_shown;
  stats->frames_late = dropped;
  stats->seeks_issued = self->seeks_issued;
  stats->seeks_requested = self->seeks_requested;
}

/* TRUE while a source loads, a seek or a step runs, or one waits. */
gboolean
tl_player_is_busy (TlPlayer *self)
{
  g_return_val_if_fail (TL_IS_PLAYER (self), FALSE);
  return self->state == TL_PLAYER_STATE_LOADING || self->seek_in_flight || self->have_pending
      || self->step_in_flight || self->pending_steps != 0 || self->settle_source != NULL;
}
