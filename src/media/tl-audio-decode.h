/* tl-audio-decode.h: a media file's sound as 16 kHz mono float, handed
 * over block by block as GStreamer decodes it (never the whole file). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Return FALSE to stop decoding early (not an error). */
typedef gboolean (*TlAudioBlockFunc) (const float *samples, gsize n_samples, gpointer user_data);

gboolean tl_audio_decode (const char *path,
                          guint sample_rate,
                          TlAudioBlockFunc block,
                          gpointer user_data,
                          GCancellable *cancellable,
                          GError **error);

G_END_DECLS
