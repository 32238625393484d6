/* tl-probe.h: what a media file holds (duration, exact frame rate, streams),
 * read with GstDiscoverer. */
#pragma once

#include <gio/gio.h>

#include "tl-media-info.h"

G_BEGIN_DECLS

#define TL_MEDIA_ERROR (tl_media_error_quark ())

typedef enum {
  TL_MEDIA_ERROR_NOT_FOUND,      /* no such file */
  TL_MEDIA_ERROR_NOT_MEDIA,      /* a file GStreamer cannot read as media */
  TL_MEDIA_ERROR_MISSING_PLUGIN, /* a codec or container without a plugin here */
  TL_MEDIA_ERROR_CORRUPT,        /* damaged or incomplete */
  TL_MEDIA_ERROR_NO_AUDIO,       /* the operation needs sound and there is none */
  TL_MEDIA_ERROR_FAILED,
} TlMediaError;

GQuark tl_media_error_quark (void);

gboolean tl_media_init (GError **error);
TlMediaInfo *tl_probe_file (const char *path, GError **error);
gboolean tl_media_path_looks_like_media (const char *path);
char *tl_media_find_beside (const char *transcript_path);

G_END_DECLS
