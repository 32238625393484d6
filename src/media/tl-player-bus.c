/* tl-player-bus.c: what the pipeline says, in the main thread: loading
 * done, seeks done, errors, the end; and the position while playing where
 * no frame tells it. */
#include "tl-player-private.h"
#include <glib/gi18n-lib.h>

#include <gst/pbutils/pbutils.h>
#include <gst/video/video.h>

#include "tl-media-private.h"
#include "tl-types.h"

#define GST_CAT_DEFAULT tl_player_debug

/* Position updates while playing when no frame tells it (audio only):
 * 25 a second, more than a transcript view needs to follow speech. */
#define TICK_INTERVAL_MS 40
/* A file that stops this much before its announced duration is cut short. */
#define INCOMPLETE_TOLERANCE (1 * TL_USEC_PER_SEC)

gint64
_tl_player_query_position (TlPlayer *self)
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
  position = _tl_player_query_position (self);
  if (position >= 0)
    _tl_player_set_position (self, position);
  return G_SOURCE_CONTINUE;
}

void
_tl_player_update_ticking (TlPlayer *self)
{
  gboolean want = self->state == TL_PLAYER_STATE_PLAYING;

  if (want && self->tick_source == NULL)
    self->tick_source = _tl_player_add_timeout (self, TICK_INTERVAL_MS, on_tick);
  else if (!want)
    _tl_player_clear_source (&self->tick_source);
}

void
_tl_player_apply_want_playing (TlPlayer *self)
{
  GstState target = self->want_playing ? GST_STATE_PLAYING : GST_STATE_PAUSED;

  gst_element_set_state (self->playbin, target);
  self->pipeline_playing = self->want_playing;
  _tl_player_set_state (self, self->want_playing ? TL_PLAYER_STATE_PLAYING : TL_PLAYER_STATE_PAUSED);
  _tl_player_update_ticking (self);
}

static void
read_streams (TlPlayer *self)
{
  int n_video = 0, n_audio = 0;
  gint64 duration;

  g_object_get (self->playbin, "n-video", &n_video, "n-audio", &n_audio, NULL);
  _tl_player_set_boolean (self, &self->has_video, n_video > 0, PROP_HAS_VIDEO);
  _tl_player_set_boolean (self, &self->has_audio, n_audio > 0, PROP_HAS_AUDIO);
  if (gst_element_query_duration (self->playbin, GST_FORMAT_TIME, &duration) && duration > 0)
    _tl_player_set_duration (self, duration / GST_USECOND);

  if (self->has_video)
    {
      g_autoptr(GstPad) pad = gst_element_get_static_pad (self->appsink, "sink");
      g_autoptr(GstCaps) caps = gst_pad_get_current_caps (pad);
      GstVideoInfo info;
      if (caps && gst_video_info_from_caps (&info, caps))
        _tl_player_set_framerate (self, info.fps_n, info.fps_d);
    }

  if (self->missing_details->len > 0)
    {
      GError *error = NULL;
      g_ptr_array_add (self->missing_details, NULL);
      tl_media_set_missing_plugin_error (&error, self->display_name,
                                         (const char *const *) self->missing_details->pdata, TRUE);
      g_ptr_array_remove_index (self->missing_details, self->missing_details->len - 1);
      _tl_player_warn (self, error);
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
        g_autoptr(GstSample) sample = _tl_player_take_sample (self, NULL);
        if (sample)
          _tl_player_present_sample (self, sample);
      }
      if (_tl_player_run_pending (self))
        return;
      if (self->position < 0)
        _tl_player_set_position (self, self->frame_time >= 0 ? self->frame_time : 0);
      if (self->rate != 1.0)
        {
          /* J/L pressed while the source opened: the pipeline plays at 1×
           * until a seek gives it the rate */
          _tl_player_request_seek (self, MAX (self->position, 0), TL_SEEK_ACCURATE, FALSE);
          return;
        }
      _tl_player_apply_want_playing (self);
      return;
    }
  /* a video seek ends with its frame (steps make the sound sink post
   * async-done too); only sound-only seeks end here */
  if (self->seek_in_flight && !self->has_video)
    _tl_player_seek_done (self);
}

static void
on_eos (TlPlayer *self)
{
  gint64 end = self->has_video && self->frame_time >= 0 ? MAX (self->frame_end, self->frame_time) : _tl_player_query_position (self);

  if (self->step_in_flight)
    {
      self->step_in_flight = FALSE;
      _tl_player_clear_source (&self->seek_timeout_source);
    }
  if (end >= 0 && self->rate > 0)
    _tl_player_set_position (self, end);
  self->at_end = TRUE;
  self->want_playing = FALSE;
  _tl_player_apply_want_playing (self);

  /* GStreamer plays a cut-short file without an error and stops early
   * (a probe's estimate of the duration is not sure enough to say so) */
  if (self->rate > 0 && self->duration > 0 && !self->duration_probed && end >= 0
      && end + INCOMPLETE_TOLERANCE + tl_player_get_frame_duration (self) < self->duration)
    {
      g_autofree char *at = g_strdup_printf ("%.1f", end / 1e6);
      g_autofree char *of = g_strdup_printf ("%.1f", self->duration / 1e6);
      _tl_player_warn (self, g_error_new (TL_MEDIA_ERROR, TL_MEDIA_ERROR_CORRUPT,
                               _("%s looks incomplete: it stops at %s s of the %s s it should last "
                               "(was it copied or downloaded completely?)"),
                               self->display_name, at, of));
    }
  /* stopped: the next play goes forwards at the chosen speed (from the
   * start: the seek that does it takes the rate) */
  _tl_player_end_shuttle (self);
  _tl_player_emit_end_of_stream (self);
}

gboolean
_tl_player_on_bus_message (GstBus *bus, GstMessage *msg, gpointer data)
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
        _tl_player_fail (self, error);
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
            _tl_player_step_done (self);
        }
      break;
    case GST_MESSAGE_EOS:
      on_eos (self);
      break;
    case GST_MESSAGE_DURATION_CHANGED:
      {
        gint64 duration;
        if (self->loaded && gst_element_query_duration (self->playbin, GST_FORMAT_TIME, &duration) && duration > 0)
          _tl_player_set_duration (self, duration / GST_USECOND);
        break;
      }
    default:
      break;
    }
  return G_SOURCE_CONTINUE;
}
