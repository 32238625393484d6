/* tl-probe.c: media probing with GstDiscoverer, and the errors a person can
 * act on when a file cannot be read (which package to install). */
#include "tl-probe.h"

#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>
#include <string.h>

#include "tl-types.h"

G_DEFINE_QUARK (tl-media-error-quark, tl_media_error)

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

/* The Debian package that brings a decoder for @caps, where we know it. */
static const char *
package_for_caps (const char *caps)
{
  static const struct {
    const char *prefix;
    const char *package;
  } table[] = {
    { "video/x-h264", "gstreamer1.0-libav" },
    { "video/x-h265", "gstreamer1.0-libav" },
    { "audio/mpeg, mpegversion=(int)4", "gstreamer1.0-libav" },
    { "audio/mpeg, mpegversion=(int)2", "gstreamer1.0-libav" },
    { "audio/x-ac3", "gstreamer1.0-libav" },
    { "audio/x-eac3", "gstreamer1.0-libav" },
    { "video/x-prores", "gstreamer1.0-libav" },
    { "video/x-dnxhd", "gstreamer1.0-libav" },
    { "audio/mpeg", "gstreamer1.0-plugins-good" },
    { "video/x-vp8", "gstreamer1.0-plugins-good" },
    { "video/x-vp9", "gstreamer1.0-plugins-good" },
    { "audio/x-flac", "gstreamer1.0-plugins-good" },
    { "video/quicktime", "gstreamer1.0-plugins-good" },
    { "video/x-matroska", "gstreamer1.0-plugins-good" },
    { "video/x-msvideo", "gstreamer1.0-plugins-good" },
    { "audio/x-opus", "gstreamer1.0-plugins-base" },
    { "audio/x-vorbis", "gstreamer1.0-plugins-base" },
    { "video/x-theora", "gstreamer1.0-plugins-base" },
    { "video/x-av1", "gstreamer1.0-plugins-bad" },
    { "video/mpegts", "gstreamer1.0-plugins-bad" },
    { "application/mxf", "gstreamer1.0-plugins-bad" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_str_has_prefix (caps, table[i].prefix))
      return table[i].package;
  return NULL;
}

static void
set_missing_plugin_error (GstDiscovererInfo *info, const char *path, GError **error)
{
  const gchar **details = gst_discoverer_info_get_missing_elements_installer_details (info);
  g_autoptr(GString) what = g_string_new (NULL);
  const char *package = NULL;

  /* details look like "gstreamer|1.0|app|H.264 (High Profile) decoder|decoder-video/x-h264, …" */
  for (guint i = 0; details != NULL && details[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (details[i], "|", 5);
      if (g_strv_length (fields) < 5)
        continue;
      if (what->len > 0)
        g_string_append (what, ", ");
      g_string_append (what, fields[3]);
      if (package == NULL)
        {
          const char *caps = strchr (fields[4], '-');
          package = package_for_caps (caps ? caps + 1 : fields[4]);
        }
    }
  if (package)
    g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_MISSING_PLUGIN,
                 "%s cannot be played here: no %s is installed (install the package %s)",
                 path, what->len ? what->str : "decoder", package);
  else
    g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_MISSING_PLUGIN,
                 "%s cannot be played here: no %s is installed", path, what->len ? what->str : "decoder");
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

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NOT_FOUND, "%s does not exist", path);
      return NULL;
    }
  if (!tl_media_init (error))
    return NULL;

  absolute = g_canonicalize_filename (path, NULL);
  uri = g_filename_to_uri (absolute, NULL, error);
  if (uri == NULL)
    return NULL;
  discoverer = gst_discoverer_new (10 * GST_SECOND, &local_error);
  if (discoverer == NULL)
    {
      g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_FAILED, "Cannot read media: %s", local_error->message);
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
                   "%s could not be read in time: it may be damaged", path);
      return NULL;
    case GST_DISCOVERER_URI_INVALID:
    case GST_DISCOVERER_BUSY:
    case GST_DISCOVERER_ERROR:
    default:
      if (local_error && g_error_matches (local_error, GST_STREAM_ERROR, GST_STREAM_ERROR_TYPE_NOT_FOUND))
        g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NOT_MEDIA,
                     "%s is not a media file GStreamer can read", path);
      else if (local_error && local_error->domain == GST_RESOURCE_ERROR)
        g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NOT_FOUND, "%s cannot be opened: %s",
                     path, local_error->message);
      else
        g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_CORRUPT, "%s cannot be read: %s",
                     path, local_error ? local_error->message : "unknown error");
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

  if (!media->has_video && !media->has_audio)
    {
      g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NOT_MEDIA,
                 "%s holds neither sound nor pictures", path);
      return NULL;
    }
  return g_steal_pointer (&media);
}
