/* tl-player.c: the playback engine: playbin with our own video output,
 * its properties and its API. Seeks, steps and loops are in
 * tl-player-seek.c, frames in tl-player-output.c, what the media holds
 * and the figures in tl-player-info.c, bus messages in
 * tl-player-bus.c. */
#include "tl-player-private.h"

#include "tl-container.h"
#include "tl-media-private.h"
#include "tl-types.h"

/* playbin's GstPlayFlags, which it does not install in a public header.
 * Native video: our own output converts, scales and deinterlaces. */
enum {
  PLAY_FLAG_VIDEO = 1 << 0,
  PLAY_FLAG_AUDIO = 1 << 1,
  PLAY_FLAG_SOFT_VOLUME = 1 << 4,
  PLAY_FLAG_NATIVE_VIDEO = 1 << 6,
};

G_DEFINE_FINAL_TYPE (TlPlayer, tl_player, G_TYPE_OBJECT)

/* GST_DEBUG=tlplayer:6 follows seeks, frames and bus messages */
GST_DEBUG_CATEGORY (tl_player_debug);
#define GST_CAT_DEFAULT tl_player_debug

G_DEFINE_ENUM_TYPE (TlPlayerState, tl_player_state,
                    G_DEFINE_ENUM_VALUE (TL_PLAYER_STATE_EMPTY, "empty"),
                    G_DEFINE_ENUM_VALUE (TL_PLAYER_STATE_LOADING, "loading"),
                    G_DEFINE_ENUM_VALUE (TL_PLAYER_STATE_PAUSED, "paused"),
                    G_DEFINE_ENUM_VALUE (TL_PLAYER_STATE_PLAYING, "playing"))

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Setters that notify only on real change. */

void
_tl_player_set_state (TlPlayer *self, TlPlayerState state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
_tl_player_set_position (TlPlayer *self, gint64 position)
{
  if (self->position == position)
    return;
  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

void
_tl_player_set_duration (TlPlayer *self, gint64 duration)
{
  self->duration_probed = FALSE;
  if (self->duration == duration)
    return;
  self->duration = duration;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
}

void
_tl_player_set_boolean (TlPlayer *self, gboolean *field, gboolean value, int prop)
{
  value = !!value;
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_tl_player_store_rate (TlPlayer *self, double rate)
{
  if (self->rate == rate)
    return;
  self->rate = rate;
  g_mutex_lock (&self->lock);
  self->shared_rate = rate;
  g_mutex_unlock (&self->lock);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE]);
}

/* Back from J/L to the speed the editor chose. The caller seeks, if the
 * rate changed while the pipeline plays: TRUE when it did. */
gboolean
_tl_player_end_shuttle (TlPlayer *self)
{
  double before = self->rate;

  if (self->shuttle != 0)
    {
      self->shuttle = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHUTTLE]);
    }
  _tl_player_store_rate (self, self->speed);
  return self->rate != before;
}

void
_tl_player_set_framerate (TlPlayer *self, int num, int den)
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

void
_tl_player_set_video_size (TlPlayer *self, int width, int height)
{
  if (self->video_width != width)
    {
      self->video_width = width;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIDEO_WIDTH]);
    }
  if (self->video_height != height)
    {
      self->video_height = height;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIDEO_HEIGHT]);
    }
}

void
_tl_player_set_loop_points (TlPlayer *self, gint64 loop_in, gint64 loop_out)
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

void
_tl_player_emit_new_frame (TlPlayer *self, GstSample *sample)
{
  g_signal_emit (self, signals[SIGNAL_NEW_FRAME], 0, sample);
}

void
_tl_player_emit_end_of_stream (TlPlayer *self)
{
  g_signal_emit (self, signals[SIGNAL_END_OF_STREAM], 0);
}

gboolean
_tl_player_loop_is_set (TlPlayer *self)
{
  return self->loop_in >= 0 && self->loop_out > self->loop_in;
}

gboolean
_tl_player_in_loop (TlPlayer *self, gint64 t)
{
  return _tl_player_loop_is_set (self) && t >= self->loop_in && t < self->loop_out;
}

void
_tl_player_clear_source (GSource **source)
{
  if (*source)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

GSource *
_tl_player_add_timeout (TlPlayer *self, guint ms, GSourceFunc func)
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

void
_tl_player_report (TlPlayer *self, guint signal, GError *error)
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

void
_tl_player_warn (TlPlayer *self, GError *error)
{
  if (self->warned)
    {
      g_error_free (error);
      return;
    }
  self->warned = TRUE;
  _tl_player_report (self, SIGNAL_WARNING, error);
}

/* Forgets the source after an error: the player is ready for the next one. */
void
_tl_player_fail (TlPlayer *self, GError *error)
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
  _tl_player_end_video_seek (self);
  self->loaded = FALSE;
  self->want_playing = self->pipeline_playing = FALSE;
  self->seek_in_flight = self->have_pending = self->step_in_flight = FALSE;
  _tl_player_clear_source (&self->tick_source);
  _tl_player_clear_source (&self->settle_source);
  _tl_player_set_state (self, TL_PLAYER_STATE_EMPTY);
  _tl_player_report (self, SIGNAL_ERROR, error);
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
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GError) error = NULL;
  GstElement *audio_sink;

  G_OBJECT_CLASS (tl_player_parent_class)->constructed (object);

  gst_init (NULL, NULL);
  if (tl_player_debug == NULL)
    GST_DEBUG_CATEGORY_INIT (tl_player_debug, "tlplayer", 0, "Tagline's player");
  self->playbin = gst_element_factory_make ("playbin", NULL);
  g_assert (self->playbin != NULL);
  gst_object_ref_sink (self->playbin);

  self->video_sink = gst_object_ref_sink (_tl_player_make_video_sink (self));

  /* scaletempo keeps the pitch at other speeds; it needs a flushing seek
   * with the rate (an instant rate change would bypass it) */
  self->audio_filter = gst_object_ref_sink (gst_parse_bin_from_description ("audioconvert ! scaletempo", TRUE, &error));
  g_assert_no_error (error);
  audio_sink = make_audio_sink (self);

  g_object_set (self->playbin,
                "video-sink", self->video_sink,
                "audio-filter", self->audio_filter,
                "flags", PLAY_FLAG_VIDEO | PLAY_FLAG_AUDIO | PLAY_FLAG_SOFT_VOLUME | PLAY_FLAG_NATIVE_VIDEO,
                NULL);
  if (audio_sink)
    g_object_set (self->playbin, "audio-sink", audio_sink, NULL);

  bus = gst_element_get_bus (self->playbin);
  gst_bus_set_sync_handler (bus, _tl_player_on_bus_sync_message, self, NULL);
  self->bus_source = gst_bus_create_watch (bus);
  g_source_set_callback (self->bus_source, (GSourceFunc) (void (*) (void)) _tl_player_on_bus_message, self, NULL);
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
  _tl_player_clear_source (&self->bus_source);
  _tl_player_clear_source (&self->frame_source);
  _tl_player_clear_source (&self->tick_source);
  _tl_player_clear_source (&self->settle_source);
  _tl_player_clear_source (&self->report_source);
  _tl_player_clear_source (&self->seek_timeout_source);
  gst_clear_object (&self->appsink);
  gst_clear_object (&self->video_sink);
  gst_clear_object (&self->audio_filter);
  gst_clear_caps (&self->input_caps);
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
    case PROP_SPEED: g_value_set_double (value, self->speed); break;
    case PROP_SHUTTLE: g_value_set_double (value, self->shuttle); break;
    case PROP_VOLUME: g_value_set_double (value, self->volume); break;
    case PROP_MUTED: g_value_set_boolean (value, self->muted); break;
    case PROP_HAS_VIDEO: g_value_set_boolean (value, self->has_video); break;
    case PROP_HAS_AUDIO: g_value_set_boolean (value, self->has_audio); break;
    case PROP_FRAMERATE_NUM: g_value_set_int (value, self->fps_num); break;
    case PROP_FRAMERATE_DEN: g_value_set_int (value, self->fps_den); break;
    case PROP_VIDEO_WIDTH: g_value_set_int (value, self->video_width); break;
    case PROP_VIDEO_HEIGHT: g_value_set_int (value, self->video_height); break;
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
    case PROP_SPEED: tl_player_set_speed (self, g_value_get_double (value)); break;
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

  /* GST_TYPE_SAMPLE, for the new-frame signal, exists once GStreamer is
   * initialised: a window may make the first player before anything else
   * touched GStreamer */
  gst_init (NULL, NULL);

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
   * µs: the start of the frame on screen (of the sound, for audio). An
   * accurate seek shows the first frame that starts at or after its
   * target, so that the position is never before the target.
   */
  properties[PROP_POSITION] =
    g_param_spec_int64 ("position", NULL, NULL, -1, G_MAXINT64, TL_TIME_NONE, ro);
  properties[PROP_DURATION] =
    g_param_spec_int64 ("duration", NULL, NULL, -1, G_MAXINT64, TL_TIME_NONE, ro);
  /**
   * TlPlayer:rate:
   *
   * The rate playing now: the shuttle's while J/L apply, or else the speed.
   */
  properties[PROP_RATE] =
    g_param_spec_double ("rate", NULL, NULL, -TL_PLAYER_MAX_SHUTTLE, TL_PLAYER_MAX_SHUTTLE, 1.0, ro);
  /**
   * TlPlayer:speed:
   *
   * The speed the editor chose (0.25 to 2, pitch kept): what play uses.
   */
  properties[PROP_SPEED] =
    g_param_spec_double ("speed", NULL, NULL, TL_PLAYER_MIN_RATE, TL_PLAYER_MAX_RATE, 1.0, rw);
  /**
   * TlPlayer:shuttle:
   *
   * The J/L shuttle's rate (−4 to 4; negative backwards) while it
   * applies, 0 otherwise. Pausing ends it.
   */
  properties[PROP_SHUTTLE] =
    g_param_spec_double ("shuttle", NULL, NULL, -TL_PLAYER_MAX_SHUTTLE, TL_PLAYER_MAX_SHUTTLE, 0.0, ro);
  properties[PROP_VOLUME] = g_param_spec_double ("volume", NULL, NULL, 0.0, 1.0, 1.0, rw);
  properties[PROP_MUTED] = g_param_spec_boolean ("muted", NULL, NULL, FALSE, rw);
  properties[PROP_HAS_VIDEO] = g_param_spec_boolean ("has-video", NULL, NULL, FALSE, ro);
  properties[PROP_HAS_AUDIO] = g_param_spec_boolean ("has-audio", NULL, NULL, FALSE, ro);
  properties[PROP_FRAMERATE_NUM] = g_param_spec_int ("framerate-num", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_FRAMERATE_DEN] = g_param_spec_int ("framerate-den", NULL, NULL, 0, G_MAXINT, 0, ro);
  /**
   * TlPlayer:video-width:
   *
   * The picture's natural width, in square pixels (an anamorphic frame is
   * wider than its pixels); 0 before the first frame. Frames may come
   * smaller (tl_player_set_video_size_limit()).
   */
  properties[PROP_VIDEO_WIDTH] = g_param_spec_int ("video-width", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_VIDEO_HEIGHT] = g_param_spec_int ("video-height", NULL, NULL, 0, G_MAXINT, 0, ro);
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
  self->rate = self->shared_rate = self->speed = 1.0;
  self->volume = 1.0;
  self->missing_details = g_ptr_array_new_with_free_func (g_free);
  self->reports = g_ptr_array_new_with_free_func (report_free);

  self->frame_source = _tl_player_frame_source_new (self);
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
  _tl_player_end_video_seek (self);
  gst_clear_buffer (&self->shown_buffer);
  _tl_player_clear_source (&self->tick_source);
  _tl_player_clear_source (&self->settle_source);
  g_ptr_array_set_size (self->missing_details, 0);
  /* what went wrong with the last source is no news about the next */
  g_ptr_array_set_size (self->reports, 0);

  self->loaded = FALSE;
  self->want_playing = self->pipeline_playing = FALSE;
  self->seek_in_flight = self->have_pending = self->step_in_flight = FALSE;
  self->pending_steps = 0;
  self->at_end = self->stepped = self->warned = FALSE;
  self->frame_time = self->frame_end = TL_TIME_NONE;
  _tl_player_set_position (self, TL_TIME_NONE);
  _tl_player_set_duration (self, TL_TIME_NONE);
  _tl_player_set_boolean (self, &self->has_video, FALSE, PROP_HAS_VIDEO);
  _tl_player_set_boolean (self, &self->has_audio, FALSE, PROP_HAS_AUDIO);
  _tl_player_set_framerate (self, 0, 0);
  _tl_player_set_video_size (self, 0, 0);
  g_mutex_lock (&self->lock);
  gst_clear_caps (&self->input_caps);
  g_mutex_unlock (&self->lock);
  _tl_player_set_loop_points (self, TL_TIME_NONE, TL_TIME_NONE);
  if (self->speed != 1.0)
    {
      self->speed = 1.0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEED]);
    }
  _tl_player_end_shuttle (self);
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
      _tl_player_set_state (self, TL_PLAYER_STATE_EMPTY);
      return;
    }

  path = g_filename_from_uri (uri, NULL, NULL);
  g_free (self->display_name);
  self->display_name = g_strdup (path ? path : uri);
  if (path)
    {
      if (!tl_media_check_file (path, &error))
        {
          _tl_player_fail (self, g_steal_pointer (&error));
          return;
        }
      /* a cut-short file plays without an error: say so before it stops */
      if (!tl_container_check_complete (path, &error))
        _tl_player_warn (self, g_steal_pointer (&error));
    }

  g_object_set (self->playbin, "uri", uri, NULL);
  _tl_player_set_state (self, TL_PLAYER_STATE_LOADING);
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
      _tl_player_set_state (self, self->loaded ? TL_PLAYER_STATE_PLAYING : TL_PLAYER_STATE_LOADING);
      return;
    }
  if (self->at_end && self->rate > 0)
    {
      /* play at the end starts again from the beginning */
      _tl_player_request_seek (self, _tl_player_loop_is_set (self) ? self->loop_in : 0, TL_SEEK_ACCURATE, FALSE);
      _tl_player_set_state (self, TL_PLAYER_STATE_PLAYING);
      return;
    }
  if (self->stepped || self->step_in_flight)
    {
      /* after frame steps the sound is behind the picture: bring it there */
      _tl_player_request_seek (self, self->frame_time >= 0 ? self->frame_time : self->position, TL_SEEK_ACCURATE, FALSE);
      _tl_player_set_state (self, TL_PLAYER_STATE_PLAYING);
      return;
    }
  _tl_player_apply_want_playing (self);
}

/* A new rate reaches the pipeline with a flushing seek (scaletempo needs
 * one), from what is on screen (or heard), so that the position never
 * jumps back. A seek that still waits takes the rate when it is sent. */
static void
seek_for_rate (TlPlayer *self)
{
  gint64 from;

  if (self->state == TL_PLAYER_STATE_EMPTY || !self->loaded || self->have_pending)
    return;
  if (self->seek_in_flight)
    {
      /* sent with the old rate: the same seek again, with the new one */
      _tl_player_request_seek (self, self->current.target, self->current.mode, self->current.inside);
      return;
    }
  /* the frame on screen is the first at or after its own time (which is
   * rounded down to whole µs) */
  from = self->has_video && self->frame_time >= 0 ? self->frame_time : _tl_player_query_position (self);
  if (from < 0)
    from = MAX (self->position, 0);
  _tl_player_request_seek (self, from, TL_SEEK_ACCURATE, FALSE);
}

void
tl_player_pause (TlPlayer *self)
{
  gboolean rate_changed;

  g_return_if_fail (TL_IS_PLAYER (self));

  if (self->state == TL_PLAYER_STATE_EMPTY || !self->want_playing)
    return;
  self->want_playing = FALSE;
  /* pausing ends J/L: the next play goes forwards at the chosen speed */
  rate_changed = _tl_player_end_shuttle (self);
  if (!self->loaded)
    return;
  _tl_player_apply_want_playing (self);
  /* the sink prerolls the frame after the one on screen when pausing:
   * go back to the one the editor saw, so that steps and the next play
   * start from it (with the new rate, if the shuttle ended) */
  if (self->has_video && self->frame_time >= 0 && !self->seek_in_flight)
    _tl_player_request_seek (self, self->frame_time, TL_SEEK_ACCURATE, FALSE);
  else if (rate_changed)
    seek_for_rate (self);
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

/**
 * tl_player_set_probed_duration:
 * @duration: µs, what a probe of the file (GstDiscoverer) found
 *
 * Some files cannot say how long they are until they have played a while
 * (an MP3 without a header); until the pipeline knows, the player reports
 * @duration. Call after opening the file.
 */
void
tl_player_set_probed_duration (TlPlayer *self, gint64 duration)
{
  g_return_if_fail (TL_IS_PLAYER (self));
  if (self->duration > 0 || duration <= 0)
    return;
  _tl_player_set_duration (self, duration);
  self->duration_probed = TRUE;
}

gint64
tl_player_get_duration (TlPlayer *self)
{
  g_return_val_if_fail (TL_IS_PLAYER (self), TL_TIME_NONE);
  return self->duration;
}

/**
 * tl_player_get_rate:
 *
 * Returns: the rate playing now: the shuttle's while J/L apply, or else
 *   the speed; negative backwards
 */
double
tl_player_get_rate (TlPlayer *self)
{
  g_return_val_if_fail (TL_IS_PLAYER (self), 1.0);
  return self->rate;
}

double
tl_player_get_speed (TlPlayer *self)
{
  g_return_val_if_fail (TL_IS_PLAYER (self), 1.0);
  return self->speed;
}

/**
 * tl_player_set_speed:
 * @speed: 0.25 to 2, the pitch kept
 *
 * The speed that play uses from now on (the speed menu). Picked while
 * J/L shuttle, it ends the shuttle.
 */
void
tl_player_set_speed (TlPlayer *self, double speed)
{
  g_return_if_fail (TL_IS_PLAYER (self));

  if (!(speed > 0))
    speed = 1.0;
  speed = CLAMP (speed, TL_PLAYER_MIN_RATE, TL_PLAYER_MAX_RATE);
  if (speed != self->speed)
    {
      self->speed = speed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEED]);
    }
  if (_tl_player_end_shuttle (self))
    seek_for_rate (self);
}

/**
 * tl_player_get_shuttle:
 *
 * Returns: the J/L shuttle's rate (−4 to 4) while it applies, or 0
 */
double
tl_player_get_shuttle (TlPlayer *self)
{
  g_return_val_if_fail (TL_IS_PLAYER (self), 0.0);
  return self->shuttle;
}

static void
set_shuttle (TlPlayer *self, double shuttle)
{
  if (self->shuttle != shuttle)
    {
      self->shuttle = shuttle;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHUTTLE]);
    }
  if (self->rate == shuttle)
    return;
  _tl_player_store_rate (self, shuttle);
  seek_for_rate (self);
}

/**
 * tl_player_shuttle:
 * @direction: 1 (L), -1 (J) or 0 (K)
 *
 * J/K/L as in an editing program, on top of the chosen speed: L plays
 * forwards at 1×, pressed again while it plays forwards at 2×, then 4×;
 * J the same backwards; K stops, and ends the shuttle: the next play goes
 * forwards at the chosen speed.
 */
void
tl_player_shuttle (TlPlayer *self, int direction)
{
  double rate = 1.0;

  g_return_if_fail (TL_IS_PLAYER (self));

  if (self->state == TL_PLAYER_STATE_EMPTY)
    return;
  if (direction == 0)
    {
      if (self->want_playing)
        tl_player_pause (self);
      else if (_tl_player_end_shuttle (self))
        seek_for_rate (self);
      return;
    }
  if (self->want_playing && (direction > 0) == (self->rate > 0))
    {
      /* faster the same way: the next of 1, 2 and 4 */
      double now = ABS (self->rate);
      rate = now < 1.0 ? 1.0 : now < 2.0 ? 2.0 : TL_PLAYER_MAX_SHUTTLE;
    }
  set_shuttle (self, direction > 0 ? rate : -rate);
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
  _tl_player_set_boolean (self, &self->muted, muted, PROP_MUTED);
}
