/* tl-media-info.h: what is known about a source's media file (filled by the
 * media layer's prober, stored by the library). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct {
  char *path;            /* absolute path of the media file */
  gint64 duration;       /* µs or TL_TIME_NONE */
  int fps_num;           /* exact frame rate, e.g. 30000/1001; 0/0 unknown */
  int fps_den;
  int width;             /* 0 when unknown or audio only */
  int height;
  gboolean has_video;
  gboolean has_audio;
  char *video_codec;
  char *audio_codec;
  char *start_timecode;  /* "HH:MM:SS:FF" where the container has one */
} TlMediaInfo;

#define TL_TYPE_MEDIA_INFO (tl_media_info_get_type ())

GType tl_media_info_get_type (void) G_GNUC_CONST;
TlMediaInfo *tl_media_info_new (void);
TlMediaInfo *tl_media_info_copy (const TlMediaInfo *info);
void tl_media_info_free (TlMediaInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlMediaInfo, tl_media_info_free)

G_END_DECLS
