/* tl-render-private.h: what the render job (tl-render.c) takes from the
 * format table (tl-render-format.c). */
#pragma once

#include <gst/pbutils/encoding-profile.h>

#include "tl-render.h"

G_BEGIN_DECLS

GstEncodingProfile *tl_render_format_make_profile (const TlRenderFormat *format,
                                                   gboolean video,
                                                   gboolean audio,
                                                   int width,
                                                   int height,
                                                   int fps_num,
                                                   int fps_den);

G_END_DECLS
