/* tl-player-private.h: the player's insides, shared by its units
 * (tl-player.c: the object and its API; -output.c: frames from the
 * streaming thread to the screen; -seek.c: seeks, steps and loops;
 * -bus.c: what the pipeline says), and read by tests and benchmarks. */
#pragma once

#include <gst/gst.h>

#include "tl-player.h"

G_BEGIN_DECLS

GST_DEBUG_CATEGORY_EXTERN (tl_player_debug);

typedef struct {
  gint64 target;     /* µs */
  TlSeekMode mode;
  gboolean inside;   /* the target is a time inside the wanted frame (steps), not where it may start */
} TlPlayerSeek;

struct _TlPlayer {
  GObject parent_instance;

  GMainContext *context;
  GstElement *playbin;
  GstElement *appsink;     /* the end of our video output */
  GstElement *video_sink;  /* the whole output: deinterlace, convert and scale, appsink */
  GstElement *audio_filter; /* scaletempo, for speeds with the pitch kept */
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
  gboolean duration_probed; /* duration is a probe's, not the pipeline's */
  double rate;           /* in effect: the shuttle's, or else the speed */
  double speed;          /* the editor's choice, pitch kept */
  double shuttle;        /* J/L: ±1, 2 or 4; 0 when not shuttling */
  double volume;
  gboolean muted;
  gboolean has_video;
  gboolean has_audio;
  int fps_num;
  int fps_den;
  int video_width;       /* the picture's natural size, in square pixels */
  int video_height;
  int size_limit_width;  /* frames are scaled down to fit, by GStreamer */
  int size_limit_height;
  GstCaps *input_caps;   /* of the frames as decoded, before scaling */
  gint64 loop_in;
  gint64 loop_out;

  gboolean seek_in_flight;
  TlPlayerSeek current;
  gboolean have_pending;
  TlPlayerSeek pending;
  gint64 scrub_target;
  gboolean step_in_flight;
  int step_frames;          /* ... of that many frames */
  gboolean step_frame_seen; /* a step ends with its frame and the sink's step-done, in either order */
  gboolean step_done_seen;
  int pending_steps;
  guint64 shown_at_seek;    /* n_shown when the seek was issued */

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
  gboolean drop_armed;     /* an accurate seek was issued: at its flush, ... */
  gboolean dropping;       /* ... frames that start before its target are dropped, until one does not */
  gboolean dropped;        /* one was */
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

/* Properties and signals, by their ids */
enum {
  PROP_0,
  PROP_AUDIO_SINK,
  PROP_URI,
  PROP_STATE,
  PROP_POSITION,
  PROP_DURATION,
  PROP_RATE,
  PROP_SPEED,
  PROP_SHUTTLE,
  PROP_VOLUME,
  PROP_MUTED,
  PROP_HAS_VIDEO,
  PROP_HAS_AUDIO,
  PROP_FRAMERATE_NUM,
  PROP_FRAMERATE_DEN,
  PROP_VIDEO_WIDTH,
  PROP_VIDEO_HEIGHT,
  PROP_LOOP_IN,
  PROP_LOOP_OUT,
  N_PROPS
};

enum {
  SIGNAL_END_OF_STREAM,
  SIGNAL_ERROR,
  SIGNAL_WARNING,
  SIGNAL_NEW_FRAME,
  N_SIGNALS
};

/* Notify only on real change. */
void _tl_player_set_state (TlPlayer *self, TlPlayerState state);
void _tl_player_set_position (TlPlayer *self, gint64 position);
void _tl_player_set_duration (TlPlayer *self, gint64 duration);
void _tl_player_set_boolean (TlPlayer *self, gboolean *field, gboolean value, int prop);
void _tl_player_store_rate (TlPlayer *self, double rate);
gboolean _tl_player_end_shuttle (TlPlayer *self);
void _tl_player_set_framerate (TlPlayer *self, int num, int den);
void _tl_player_set_video_size (TlPlayer *self, int width, int height);
void _tl_player_set_loop_points (TlPlayer *self, gint64 loop_in, gint64 loop_out);
gboolean _tl_player_loop_is_set (TlPlayer *self);
gboolean _tl_player_in_loop (TlPlayer *self, gint64 t);
void _tl_player_emit_new_frame (TlPlayer *self, GstSample *sample);
void _tl_player_emit_end_of_stream (TlPlayer *self);
void _tl_player_report (TlPlayer *self, guint signal, GError *error);
void _tl_player_warn (TlPlayer *self, GError *error);
void _tl_player_fail (TlPlayer *self, GError *error);
void _tl_player_clear_source (GSource **source);
GSource *_tl_player_add_timeout (TlPlayer *self, guint ms, GSourceFunc func);

/* tl-player-output.c */
GstElement *_tl_player_make_video_sink (TlPlayer *self);
GSource *_tl_player_frame_source_new (TlPlayer *self);
GstSample *_tl_player_take_sample (TlPlayer *self, gboolean *landed);
void _tl_player_present_sample (TlPlayer *self, GstSample *sample);

/* tl-player-seek.c */
void _tl_player_request_seek (TlPlayer *self, gint64 target, TlSeekMode mode, gboolean inside);
gboolean _tl_player_run_pending (TlPlayer *self);
void _tl_player_seek_done (TlPlayer *self);
void _tl_player_step_done (TlPlayer *self);
void _tl_player_end_video_seek (TlPlayer *self);
GstBusSyncReply _tl_player_on_bus_sync_message (GstBus *bus, GstMessage *msg, gpointer data);

/* tl-player-bus.c */
gboolean _tl_player_on_bus_message (GstBus *bus, GstMessage *msg, gpointer data);
gint64 _tl_player_query_position (TlPlayer *self);
void _tl_player_update_ticking (TlPlayer *self);
void _tl_player_apply_want_playing (TlPlayer *self);

/* For tests and benchmarks */
typedef struct {
  guint64 frames_rendered; /* frames the video sink let through, in the streaming thread */
  guint64 frames_shown;    /* frames handed to the main thread (distinct buffers) */
  guint64 frames_replaced; /* rendered, then replaced by a newer one before the main thread took them */
  guint64 frames_late;     /* dropped by the sink as too late (QoS) */
  guint seeks_issued;      /* seeks sent to the pipeline, after coalescing */
  guint seeks_requested;   /* seeks asked for */
} TlPlayerStats;

void tl_player_get_stats (TlPlayer *self, TlPlayerStats *stats);
gboolean tl_player_is_busy (TlPlayer *self);

G_END_DECLS
