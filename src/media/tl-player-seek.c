/* tl-player-seek.c: seeks, frame steps and loops. The pipeline serves
 * one seek at a time; newer requests wait, the last one winning. A seek
 * is done when its frame is on screen. Every seek is issued from the main
 * thread, except the restart of a loop, issued by the streaming thread
 * that ends it. */
#include "tl-player-private.h"

#include <glib/gi18n-lib.h>

#include "tl-types.h"

#define GST_CAT_DEFAULT tl_player_debug

/* Scrubbing shows key frames; this long after the last scrub seek the
 * exact frame follows. */
#define SCRUB_SETTLE_MS 200
/* A seek or step whose frame never comes is given up after this long. */
#define SEEK_TIMEOUT_MS 3000

static void issue_seek (TlPlayer *self, const TlPlayerSeek *seek);

void
_tl_player_end_video_seek (TlPlayer *self)
{
  g_mutex_lock (&self->lock);
  self->awaiting_flush = FALSE;
  self->video_seeking = FALSE;
  self->landed = FALSE;
  g_mutex_unlock (&self->lock);
  _tl_player_clear_source (&self->seek_timeout_source);
}

static gboolean
on_seek_timeout (gpointer data)
{
  TlPlayer *self = data;

  g_clear_pointer (&self->seek_timeout_source, g_source_unref);
  if (self->seek_in_flight)
    {
      GST_WARNING ("no frame came %d ms after a seek", SEEK_TIMEOUT_MS);
      _tl_player_seek_done (self);
    }
  else if (self->step_in_flight)
    {
      GST_WARNING ("no frame came %d ms after a step", SEEK_TIMEOUT_MS);
      _tl_player_step_done (self);
    }
  return G_SOURCE_REMOVE;
}

void
_tl_player_step_done (TlPlayer *self)
{
  self->step_in_flight = FALSE;
  _tl_player_clear_source (&self->seek_timeout_source);
  if (_tl_player_run_pending (self))
    return;
  if (self->frame_time >= 0)
    _tl_player_set_position (self, self->frame_time);
}

static void
issue_seek (TlPlayer *self, const TlPlayerSeek *seek)
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
  if (_tl_player_loop_is_set (self) && !_tl_player_in_loop (self, target))
    _tl_player_set_loop_points (self, TL_TIME_NONE, TL_TIME_NONE);
  looping = _tl_player_loop_is_set (self);

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
      /* backwards, the first frame is the one that ends at the stop: one
       * frame further, it is the first that starts at or after the target
       * (a loop ends at its out point, though) */
      if (self->has_video && seek->mode == TL_SEEK_ACCURATE && !seek->inside && !looping)
        stop += (GstClockTime) tl_player_get_frame_duration (self) * GST_USECOND;
    }

  if (self->has_video)
    {
      g_mutex_lock (&self->lock);
      self->awaiting_flush = TRUE;
      self->video_seeking = TRUE;
      self->landed = FALSE;
      /* forwards, the decoder starts with the frame that covers the
       * target: the output drops it when it starts before the target */
      self->drop_armed = seek->mode == TL_SEEK_ACCURATE && !seek->inside && self->rate > 0;
      self->dropping = self->dropped = FALSE;
      g_clear_pointer (&self->slot, gst_sample_unref);
      g_mutex_unlock (&self->lock);
      self->shown_at_seek = self->n_shown;
      /* in case the sink never answers (a seek the demuxer ignored) */
      _tl_player_clear_source (&self->seek_timeout_source);
      self->seek_timeout_source = _tl_player_add_timeout (self, SEEK_TIMEOUT_MS, on_seek_timeout);
    }
  /* armed before the seek is sent: a short loop's segment may end before
   * gst_element_seek() returns. An end of the segment this seek replaces
   * may still be answered meanwhile; that answer is served before this
   * flushing seek (the demuxer holds its stream lock through it), so this
   * seek wins. */
  g_mutex_lock (&self->lock);
  self->loop_armed = looping;
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
      g_mutex_lock (&self->lock);
      self->loop_armed = FALSE;
      g_mutex_unlock (&self->lock);
      _tl_player_end_video_seek (self);
      self->seek_in_flight = FALSE;
      if (self->rate < 0)
        {
          /* the container cannot be read backwards: play forwards instead */
          _tl_player_end_shuttle (self);
          _tl_player_warn (self, g_error_new (TL_MEDIA_ERROR, TL_MEDIA_ERROR_FAILED,
                                   _("%s cannot be played backwards"), self->display_name));
        }
      return;
    }
  if (!self->has_video)
    _tl_player_set_position (self, target);
}

void
_tl_player_request_seek (TlPlayer *self, gint64 target, TlSeekMode mode, gboolean inside)
{
  TlPlayerSeek seek = { .target = target, .mode = mode, .inside = inside };

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

gboolean
_tl_player_run_pending (TlPlayer *self)
{
  if (self->have_pending)
    {
      TlPlayerSeek seek = self->pending;
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

void
_tl_player_seek_done (TlPlayer *self)
{
  g_autoptr(GstSample) sample = NULL;
  TlPlayerSeek done = self->current;
  gboolean dropped;

  self->seek_in_flight = FALSE;
  g_mutex_lock (&self->lock);
  dropped = self->dropped;
  g_mutex_unlock (&self->lock);
  _tl_player_end_video_seek (self);

  /* the frame the seek brought is shown before the position is reported */
  sample = _tl_player_take_sample (self, NULL);
  if (sample)
    _tl_player_present_sample (self, sample);

  if (_tl_player_run_pending (self))
    return;

  if (dropped && self->n_shown == self->shown_at_seek)
    {
      /* the target was inside the last frame: no frame starts after it,
       * so that one it is */
      _tl_player_request_seek (self, done.target, TL_SEEK_ACCURATE, TRUE);
      return;
    }

  /* a seek past the end of the picture (the sound goes on) brings no
   * frame: the old one stays, the position is the target */
  if (self->has_video && self->frame_time >= 0 && self->n_shown != self->shown_at_seek)
    {
      /* a click on a line at 12.34 s shows the first frame at or after
       * 12.34 s and reports its time, in that line. Where the output
       * could not tell where a frame starts (no frame rate), the frame
       * shown may cover the target from before: the target is reported
       * then, so that the line clicked, not the one before, lights up */
      if (!done.inside && done.mode == TL_SEEK_ACCURATE
          && done.target > self->frame_time && done.target < MAX (self->frame_end, self->frame_time + 1))
        _tl_player_set_position (self, done.target);
      else
        _tl_player_set_position (self, self->frame_time);
    }
  else
    _tl_player_set_position (self, done.target);

  if (self->want_playing != self->pipeline_playing)
    _tl_player_apply_want_playing (self);
}

static gboolean
on_settle (gpointer data)
{
  TlPlayer *self = data;

  g_clear_pointer (&self->settle_source, g_source_unref);
  _tl_player_request_seek (self, self->scrub_target, TL_SEEK_ACCURATE, FALSE);
  return G_SOURCE_REMOVE;
}

/* Sends a seek upstream from a pad of our own, not to the pipeline:
 * gst_element_send_event() takes the pipeline's state lock, which the main
 * thread holds while it stops the pipeline and waits for this thread. */
static void
seek_from_streaming_thread (TlPlayer *self, double rate, GstSeekFlags flags, GstClockTime start, GstClockTime stop)
{
  GstElement *ends[] = { self->appsink, self->audio_filter };

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      g_autoptr(GstPad) pad = gst_element_get_static_pad (ends[i], "sink");
      if (gst_pad_is_linked (pad)
          && gst_pad_push_event (pad, gst_event_new_seek (rate, GST_FORMAT_TIME, flags,
                                                          GST_SEEK_TYPE_SET, start, GST_SEEK_TYPE_SET, stop)))
        return;
    }
  GST_WARNING ("the loop could not be started again");
}

/* A loop's segment ended: start it again with a non-flushing segment seek,
 * so that no gap is seen or heard. Done here, in the streaming thread that
 * posted the message: the same seek from the main thread would wait for
 * this thread, which may be blocked on full queues while paused. The loop
 * points are read under the lock the main thread changes them with; a
 * main-thread seek that comes meanwhile is flushing, and waits for this
 * one to be done, so the newer seek always wins. */
GstBusSyncReply
_tl_player_on_bus_sync_message (GstBus *bus, GstMessage *msg, gpointer data)
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
        seek_from_streaming_thread (self, rate, GST_SEEK_FLAG_SEGMENT | GST_SEEK_FLAG_ACCURATE,
                                    (GstClockTime) in * GST_USECOND, (GstClockTime) out * GST_USECOND);
      else
        {
          /* the loop was cleared while it played: go on past its end */
          self->loop_armed = FALSE;
          if (rate > 0)
            seek_from_streaming_thread (self, rate, GST_SEEK_FLAG_ACCURATE, position, GST_CLOCK_TIME_NONE);
          else
            seek_from_streaming_thread (self, rate, GST_SEEK_FLAG_ACCURATE, 0, position);
        }
    }
  g_mutex_unlock (&self->lock);
  return GST_BUS_DROP;
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
      _tl_player_clear_source (&self->settle_source);
      self->settle_source = _tl_player_add_timeout (self, SCRUB_SETTLE_MS, on_settle);
    }
  else
    _tl_player_clear_source (&self->settle_source);
  _tl_player_request_seek (self, position, mode, FALSE);
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
  gint64 frame;

  g_return_if_fail (TL_IS_PLAYER (self));

  if (self->state == TL_PLAYER_STATE_EMPTY || frames == 0 || !self->has_video)
    return;
  frame = tl_player_get_frame_duration (self);
  /* pausing goes back to the frame on screen; the step follows that seek */
  if (self->want_playing)
    tl_player_pause (self);
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
      self->step_frames = frames;
      self->step_frame_seen = self->step_done_seen = FALSE;
      self->stepped = TRUE;
      _tl_player_clear_source (&self->seek_timeout_source);
      self->seek_timeout_source = _tl_player_add_timeout (self, SEEK_TIMEOUT_MS, on_seek_timeout);
      gst_element_send_event (self->playbin,
                              gst_event_new_step (GST_FORMAT_BUFFERS, frames, 1.0, TRUE, FALSE));
      return;
    }
  /* back, or forward while a seek runs: a seek into the wanted frame,
   * counted from a time inside the frame the player shows or is going to
   * (its middle, so that rounding of 30000/1001 times cannot land on a
   * neighbour) */
  {
    gint64 inside;

    if (self->have_pending)
      inside = self->pending.target;
    else if (self->seek_in_flight)
      inside = self->current.target;
    else
      {
        /* a step that runs, and the ones waiting for it, count too */
        int ahead = self->step_in_flight ? self->step_frames + self->pending_steps : 0;
        inside = (self->frame_time >= 0 ? self->frame_time : MAX (self->position, 0)) + ahead * frame + frame / 2;
      }
    _tl_player_request_seek (self, MAX (inside + frames * frame, 0), TL_SEEK_ACCURATE, TRUE);
  }
}
