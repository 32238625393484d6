/* tl-media-error.h: the media layer's error domain, shared by the prober,
 * the player and the waveform so that one file fails with one message. */
#pragma once

#include <glib.h>

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

G_END_DECLS
