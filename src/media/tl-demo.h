/* tl-demo.h: stand-in media for a transcript, so that a new user can play,
 * follow and tag at once: a test pattern with the title and the running
 * time burnt in, and espeak-ng reading each line at its time. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean tl_demo_make_media (const char *transcript_path,
                             const char *media_path,
                             gboolean *made,
                             GError **error);

G_END_DECLS
