/* tl-video-paintable.h: the frames of a TlPlayer as a GdkPaintable, for a
 * GtkPicture to show. GDK only: no widget lives in the media layer. */
#pragma once

#include <gdk/gdk.h>

#include "tl-player.h"

G_BEGIN_DECLS

#define TL_TYPE_VIDEO_PAINTABLE (tl_video_paintable_get_type ())
G_DECLARE_FINAL_TYPE (TlVideoPaintable, tl_video_paintable, TL, VIDEO_PAINTABLE, GObject)

TlVideoPaintable *tl_video_paintable_new (TlPlayer *player);
TlPlayer *tl_video_paintable_get_player (TlVideoPaintable *self);
GdkTexture *tl_video_paintable_get_texture (TlVideoPaintable *self);

G_END_DECLS
