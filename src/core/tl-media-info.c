/* tl-media-info.c: a boxed record of a media file's streams and timing. */
#include "tl-media-info.h"

#include "tl-types.h"

G_DEFINE_BOXED_TYPE (TlMediaInfo, tl_media_info, tl_media_info_copy, tl_media_info_free)

TlMediaInfo *
tl_media_info_new (void)
{
  TlMediaInfo *info = g_new0 (TlMediaInfo, 1);

  info->duration = TL_TIME_NONE;
  return info;
}

TlMediaInfo *
tl_media_info_copy (const TlMediaInfo *info)
{
  TlMediaInfo *copy = g_memdup2 (info, sizeof *info);

  copy->path = g_strdup (info->path);
  copy->video_codec = g_strdup (info->video_codec);
  copy->audio_codec = g_strdup (info->audio_codec);
  copy->start_timecode = g_strdup (info->start_timecode);
  return copy;
}

void
tl_media_info_free (TlMediaInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->video_codec);
  g_free (info->audio_codec);
  g_free (info->start_timecode);
  g_free (info);
}
