/* tl-render.h: the selected clips as media files, cut by GStreamer Editing
 * Services on their frames: one file per clip, or one selects reel. */
#pragma once

#include <gio/gio.h>

#include "tl-library.h"

G_BEGIN_DECLS

#define TL_RENDER_ERROR (tl_render_error_quark ())

typedef enum {
  TL_RENDER_ERROR_UNKNOWN_FORMAT, /* no such format */
  TL_RENDER_ERROR_NO_ENCODER,     /* the format's encoders are not installed (the message names the package) */
  TL_RENDER_ERROR_NOTHING,        /* no clip to render: none match, or all are quotes or without media */
  TL_RENDER_ERROR_OUTPUT,         /* the folder or file cannot be written */
  TL_RENDER_ERROR_FAILED,         /* GStreamer failed while rendering */
} TlRenderError;

GQuark tl_render_error_quark (void);

typedef enum {
  TL_RENDER_MODE_CLIPS, /* one file per clip, in a folder */
  TL_RENDER_MODE_REEL,  /* one file: the clips end to end, in the filter's order */
} TlRenderMode;

/* A container with its codecs. The encoders are those found on this
 * machine; a format whose encoders are missing says what to install. */
typedef struct {
  const char *name;          /* what --format takes: "webm", "mkv", "mp4" */
  const char *label;         /* for people: "WebM (VP8, Vorbis)" */
  const char *extension;     /* "webm" */
  gboolean available;
  const char *video_encoder; /* the GStreamer element used ("vp8enc"), or NULL */
  const char *audio_encoder;
  const char *muxer;
  const char *missing;       /* when not available: what to install, for people */
} TlRenderFormat;

const TlRenderFormat *const *tl_render_formats (guint *n_formats);
const TlRenderFormat *tl_render_format_find (const char *name, GError **error);

#define TL_RENDER_DEFAULT_FORMAT "webm"
#define TL_RENDER_DEFAULT_REEL_TITLE "Selects"

/* What to render and where; a zeroed struct is one WebM file per clip in
 * the current folder. */
typedef struct {
  const char *format;   /* a TlRenderFormat name; NULL: TL_RENDER_DEFAULT_FORMAT */
  TlRenderMode mode;
  const char *output;   /* clips: a folder, made when missing; reel: the file (replaced when
                         * it exists), or a folder to write "<title>.<ext>" in. NULL: "." */
  const char *title;    /* reel: names its file in a folder; NULL: TL_RENDER_DEFAULT_REEL_TITLE */
} TlRenderOptions;

typedef enum {
  TL_RENDER_SKIP_QUOTE,         /* a clip without times: from an article or an untimed transcript */
  TL_RENDER_SKIP_NO_MEDIA,      /* its source has no media file */
  TL_RENDER_SKIP_MEDIA_MISSING, /* its source's media file is not where it was */
} TlRenderSkipReason;

typedef struct {
  gint64 clip_id;
  TlRenderSkipReason reason;
  char *message;                /* for people: which clip, why, what to do */
} TlRenderSkip;

/* One clip as written. Its length is whole frames of its source; in a reel
 * of another frame rate, whole frames of the reel. A clip that runs to the
 * very end of its media ends a quarter of a frame early (its last frame
 * shows that much shorter), and what follows it in a reel moves up. */
typedef struct {
  gint64 clip_id;
  char *path;           /* the file it is in */
  gint64 start;         /* µs: where it starts in that file (0 but in a reel) */
  gint64 duration;      /* µs */
  gint64 in_frame;      /* its first frame in its source, counted from 0 at fps */
  gint64 n_frames;      /* its length in its source's frames */
  int fps_num;
  int fps_den;
} TlRenderedClip;

typedef struct {
  const TlRenderFormat *format;
  GPtrArray *files;     /* (element-type filename): the files written, in order */
  GArray *clips;        /* (element-type TlRenderedClip): in order */
  GArray *skipped;      /* (element-type TlRenderSkip): clips left out, in order */
  guint n_quotes;       /* left out: no times */
  guint n_no_media;     /* left out: no media file, or not where it was */
  gint64 duration;      /* µs of media written, all files together */
} TlRenderResult;

void tl_render_result_free (TlRenderResult *result);

/* @clip: the clip being rendered, counted from 0 among the @n_clips rendered */
typedef void (*TlRenderProgressFunc) (double fraction, guint clip, guint n_clips, gpointer user_data);

void tl_render_async (TlLibrary *library,
                      const TlClipFilter *filter,
                      const TlRenderOptions *options,
                      GCancellable *cancellable,
                      TlRenderProgressFunc progress,
                      gpointer progress_data,
                      GDestroyNotify progress_data_destroy,
                      GAsyncReadyCallback callback,
                      gpointer user_data);
TlRenderResult *tl_render_finish (GAsyncResult *result, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlRenderResult, tl_render_result_free)

G_END_DECLS
