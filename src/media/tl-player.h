/* tl-player.h: the playback engine: plays one source with GStreamer, seeks
 * to the exact frame, changes speed with the pitch kept, steps frames and
 * loops a clip. No widgets: a TlVideoPaintable shows its frames. */
#pragma once

#include <gio/gio.h>

#include "tl-media-error.h"

G_BEGIN_DECLS

typedef enum {
  TL_PLAYER_STATE_EMPTY,   /* no source, or the last one could not be played */
  TL_PLAYER_STATE_LOADING, /* opening a source; its first frame is not shown yet */
  TL_PLAYER_STATE_PAUSED,
  TL_PLAYER_STATE_PLAYING,
} TlPlayerState;

typedef enum {
  TL_SEEK_ACCURATE, /* the exact frame: clicks on lines and clips */
  TL_SEEK_SCRUB,    /* the nearest key frame at once, the exact frame when scrubbing stops */
} TlSeekMode;

/* The speeds an editor picks, with the pitch kept. */
#define TL_PLAYER_MIN_RATE 0.25
#define TL_PLAYER_MAX_RATE 2.0
/* J/L shuttle: 1, 2 and 4 times, forwards or backwards (where the
 * container allows it), the pitch kept too. */
#define TL_PLAYER_MAX_SHUTTLE 4.0

#define TL_TYPE_PLAYER_STATE (tl_player_state_get_type ())
GType tl_player_state_get_type (void) G_GNUC_CONST;

#define TL_TYPE_PLAYER (tl_player_get_type ())
G_DECLARE_FINAL_TYPE (TlPlayer, tl_player, TL, PLAYER, GObject)

TlPlayer *tl_player_new (const char *audio_sink);

void tl_player_set_uri (TlPlayer *self, const char *uri);
const char *tl_player_get_uri (TlPlayer *self);
gboolean tl_player_open_file (TlPlayer *self, const char *path, GError **error);

TlPlayerState tl_player_get_state (TlPlayer *self);
void tl_player_play (TlPlayer *self);
void tl_player_pause (TlPlayer *self);
void tl_player_toggle (TlPlayer *self);

gint64 tl_player_get_position (TlPlayer *self);
gint64 tl_player_get_frame_time (TlPlayer *self);
gint64 tl_player_get_duration (TlPlayer *self);
void tl_player_set_probed_duration (TlPlayer *self, gint64 duration);
void tl_player_seek (TlPlayer *self, gint64 position, TlSeekMode mode);
void tl_player_step (TlPlayer *self, int frames);

double tl_player_get_rate (TlPlayer *self);
double tl_player_get_speed (TlPlayer *self);
void tl_player_set_speed (TlPlayer *self, double speed);
double tl_player_get_shuttle (TlPlayer *self);
void tl_player_shuttle (TlPlayer *self, int direction);

double tl_player_get_volume (TlPlayer *self);
void tl_player_set_volume (TlPlayer *self, double volume);
gboolean tl_player_get_muted (TlPlayer *self);
void tl_player_set_muted (TlPlayer *self, gboolean muted);

gboolean tl_player_get_has_video (TlPlayer *self);
gboolean tl_player_get_has_audio (TlPlayer *self);
void tl_player_get_framerate (TlPlayer *self, int *num, int *den);
void tl_player_get_video_size (TlPlayer *self, int *width, int *height);
void tl_player_set_video_size_limit (TlPlayer *self, int width, int height);
gint64 tl_player_get_frame_duration (TlPlayer *self);

gint64 tl_player_get_loop_in (TlPlayer *self);
gint64 tl_player_get_loop_out (TlPlayer *self);
void tl_player_set_loop (TlPlayer *self, gint64 loop_in, gint64 loop_out);
void tl_player_clear_loop (TlPlayer *self);

G_END_DECLS
