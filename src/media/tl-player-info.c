/* tl-player-info.c: what the player tells of the media it holds (video,
 * sound, frame rate, picture size), its loop, and its figures. */
#include "config.h"

#include "tl-player-private.h"

#include "tl-types.h"

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

/**
 * tl_player_get_video_size:
 *
 * The picture's natural size, in square pixels; 0x0 before the first frame.
 */
void
tl_player_get_video_size (TlPlayer *self, int *width, int *height)
{
  g_return_if_fail (TL_IS_PLAYER (self));
  if (width)
    *width = self->video_width;
  if (height)
    *height = self->video_height;
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
      _tl_player_set_loop_points (self, loop_in < 0 ? TL_TIME_NONE : loop_in, loop_out < 0 ? TL_TIME_NONE : loop_out);
      return;
    }
  if (loop_in == self->loop_in && loop_out == self->loop_out)
    return;
  _tl_player_set_loop_points (self, loop_in, loop_out);
  if (self->state != TL_PLAYER_STATE_EMPTY)
    _tl_player_request_seek (self, self->rate > 0 ? loop_in : loop_out, TL_SEEK_ACCURATE, FALSE);
}

void
tl_player_clear_loop (TlPlayer *self)
{
  g_return_if_fail (TL_IS_PLAYER (self));
  _tl_player_set_loop_points (self, TL_TIME_NONE, TL_TIME_NONE);
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
