/* tl-probe.h: what a media file holds (duration, exact frame rate, streams),
 * read with GstDiscoverer. */
#pragma once

#include <gio/gio.h>

#include "tl-media-error.h"
#include "tl-media-info.h"

G_BEGIN_DECLS

gboolean tl_media_init (GError **error);
TlMediaInfo *tl_probe_file (const char *path, GError **error);
gboolean tl_media_path_looks_like_media (const char *path);
char *tl_media_find_beside (const char *transcript_path);

G_END_DECLS
