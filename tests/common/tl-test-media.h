/* tl-test-media.h: media files made at test time with GStreamer. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void tl_test_make_media (const char *path, const char *pipeline_format, ...) G_GNUC_PRINTF (2, 3);
char *tl_test_make_video (const char *dir, const char *name, int seconds, const char *framerate);
char *tl_test_make_audio (const char *dir, const char *name, int seconds);

G_END_DECLS
