/* tl-probe.c: media probing with GstDiscoverer, and the errors a person can
 * act on when a file cannot be read (which package to install). */
#include "tl-probe.h"
#include <glib/gi18n-lib.h>

#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>
#include <string.h>

#include "tl-container.h"
#include "tl-media-private.h"
#include "tl-types.h"

/* Extensions of the media files editors get, for pairing with transcripts. */
static const char *const media_extensions[] = {
  "mp4", "m4v", "mov", "mkv", "webm", "avi", "mxf", "mts", "m2ts", "ts", "mpg", "mpeg", "ogv", "wmv", "flv",
  "mp3", "m4a", "aac", "wav", "flac", "ogg", "oga", "opus", "wma", "aif", "aiff",
};

gboolean
tl_media_init (GError **error)
{
  return gst_init_check (NULL, NULL, error);
}

gboolean
tl_media_path_looks_like_media (const char *path)
{
  const char *dot = strrchr (path, '.');

  if (dot == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (media_extensions); i++)
    if (g_ascii_strcasecmp (dot + 1, media_extensions[i]) == 0)
      return TRUE;
  return FALSE;
}

/**
 * tl_media_find_beside:
 *
 * Returns: (transfer full) (nullable): a media file in the same folder with
 *   the same base name as @transcript_path ("clip.srt" → "clip.mp4"), or
 *   %NULL when there is none
 */
char *
tl_media_find_beside (const char *transcript_path)
{
  g_autofree char *dir = g_path_get_dirname (transcript_path);
  g_autofree char *base = g_path_get_basename (transcript_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (media_extensions); i++)
    for (int upper = 0; upper < 2; upper++)
      {
        g_autofree char *ext = upper ? g_ascii_strup (media_extensions[i], -1) : g_strdup (media_extensions[i]);
        g_autofree char *name = g_strconcat (base, ".", ext, NULL);
        g_autofree char *path = g_build_filename (dir, name, NULL);
        if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
          return g_steal_pointer (&path);
      }
  return NULL;
}

/* Some of the streams may play (the sound of a video without its decoder):
 * the player then plays them and warns, and the message says so here too. */
static void
set_missing_plugin_error (GstDiscovererInfo *info, const char *path, GError **error)
{
  const gchar **details = gst_discoverer_info_get_missing_elements_installer_details (info);
  GList *streams = gst_discoverer_info_get_stream_list (info);
  guint n_streams = 0, n_missing = details ? g_strv_length ((char **) details) : 0;

  for (GList *l = streams; l != NULL; l = l->next)
    if (GST_IS_DISCOVERER_VIDEO_INFO (l->data) || GST_IS_DISCOVERER_AUDIO_INFO (l->data))
      n_streams++;
  gst_discoverer_stream_info_list_free (streams);
  tl_media_set_missing_plugin_error (error, path, (const char *const *) details, n_streams > n_missing);
}

static char *
codec_name (GstDiscovererStreamInfo *stream)
{
  g_autoptr(GstCaps) caps = gst_discoverer_stream_info_get_caps (stream);
  const GstTagList *tags = gst_discoverer_stream_info_get_tags (stream);
  char *codec = NULL;

  if (tags && (gst_tag_list_get_string (tags, GST_TAG_VIDEO_CODEC, &codec)
               || gst_tag_list_get_string (tags, GST_TAG_AUDIO_CODEC, &codec)))
    return codec;
  if (caps)
    return gst_pb_utils_get_codec_description (caps);
  return NULL;
}

/**
 * tl_probe_file:
 *
 * Returns: (transfer full): what @path holds, or %NULL with @error set to a
 *   message that names the file and says what to do
 */
TlMediaInfo *
tl_probe_file (const char *path, GError **error)
{
  g_autoptr(GstDiscoverer) discoverer = NULL;
  g_autoptr(GstDiscovererInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(TlMediaInfo) media = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *uri = NULL;
  GList *streams;

  if (!tl_media_check_file (path, error) || !tl_media_init (error))
    return NULL;

  absolute = g_canonicalize_filename (path, NULL);
  uri = g_filename_to_uri (absolute, NULL, error);
  if (uri == NULL)
    return NULL;
  discoverer = gst_discoverer_new (10 * GST_SECOND, &local_error);
  if (discoverer == NULL)
    {
      g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_FAILED, _("Cannot read media: %s"), local_error->message);
      return NULL;
    }
  info = gst_discoverer_discover_uri (discoverer, uri, &local_error);

  switch (info ? gst_discoverer_info_get_result (info) : GST_DISCOVERER_ERROR)
    {
    case GST_DISCOVERER_OK:
      break;
    case GST_DISCOVERER_MISSING_PLUGINS:
      set_missing_plugin_error (info, path, error);
      return NULL;
    case GST_DISCOVERER_TIMEOUT:
      g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_CORRUPT,
                   _("%s could not be read in time: it may be damaged"), path);
      return NULL;
    case GST_DISCOVERER_URI_INVALID:
    case GST_DISCOVERER_BUSY:
    case GST_DISCOVERER_ERROR:
    default:
      tl_media_set_error_from_gst (error, path, local_error, NULL);
      return NULL;
    }

  media = tl_media_info_new ();
  media->path = g_steal_pointer (&absolute);
  if (gst_discoverer_info_get_duration (info) != GST_CLOCK_TIME_NONE)
    media->duration = gst_discoverer_info_get_duration (info) / GST_USECOND;

  streams = gst_discoverer_info_get_video_streams (info);
  for (GList *l = streams; l != NULL; l = l->next)
    {
      GstDiscovererVideoInfo *video = l->data;
      if (gst_discoverer_video_info_is_image (video))
        continue;
      media->has_video = TRUE;
      media->width = gst_discoverer_video_info_get_width (video);
      media->height = gst_discoverer_video_info_get_height (video);
      media->fps_num = gst_discoverer_video_info_get_framerate_num (video);
      media->fps_den = gst_discoverer_video_info_get_framerate_denom (video);
      if (media->fps_num <= 0 || media->fps_den <= 0)
        media->fps_num = media->fps_den = 0;
      media->video_codec = codec_name (GST_DISCOVERER_STREAM_INFO (video));
      break;
    }
  gst_discoverer_stream_info_list_free (streams);

  streams = gst_discoverer_info_get_audio_streams (info);
  if (streams != NULL)
    {
      media->has_audio = TRUE;
      media->audio_codec = codec_name (GST_DISCOVERER_STREAM_INFO (streams->data));
    }
  gst_discoverer_stream_info_list_free (streams);

  /* GStreamer does not report a QuickTime timecode track */
  media->start_timecode = tl_container_read_start_timecode (path);

  if (!media->has_video && !media->has_audio)
    {
      g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NOT_MEDIA,
                 _("%s holds neither sound nor pictures"), path);
      return NULL;
    }
  return g_steal_pointer (&media);
}
