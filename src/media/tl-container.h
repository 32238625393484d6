/* tl-container.h: what a container's own structure says and GStreamer does
 * not report: a QuickTime timecode track's start, and whether the file is
 * as long as its header announces (a copy or download cut short). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *tl_container_read_start_timecode (const char *path);
gboolean tl_container_check_complete (const char *path, GError **error);

G_END_DECLS
