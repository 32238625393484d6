/* tl-media-error.c: GStreamer's errors turned into messages an editor can
 * act on: which file, what is wrong, and which Debian package to install. */
#include "tl-media-private.h"
#include <glib/gi18n-lib.h>

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

G_DEFINE_QUARK (tl-media-error-quark, tl_media_error)

/* Checked before GStreamer sees the file: its own messages for a missing
 * file name the element that failed, not what the user can do. */
gboolean
tl_media_check_file (const char *path, GError **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      if (saved == ENOENT || saved == ENOTDIR)
        g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NOT_FOUND, _("%s does not exist"), path);
      else
        g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NOT_FOUND, _("%s cannot be opened: %s"),
                     path, g_strerror (saved));
      return FALSE;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NOT_MEDIA, _("%s is a folder, not a media file"), path);
      return FALSE;
    }
  if (g_access (path, R_OK) != 0)
    {
      g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NOT_FOUND, _("%s cannot be opened: %s"),
                   path, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

/* The Debian package that brings a decoder or demuxer for @caps, where we
 * know it. Longer prefixes first: AAC is "audio/mpeg, mpegversion=4". */
const char *
tl_media_package_for_caps (const char *caps)
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
    { "video/mpeg, mpegversion=(int)4", "gstreamer1.0-libav" },
    { "video/mpeg, mpegversion=(int)2", "gstreamer1.0-libav" },
    { "audio/mpeg", "gstreamer1.0-plugins-good" },
    { "video/x-vp8", "gstreamer1.0-plugins-good" },
    { "video/x-vp9", "gstreamer1.0-plugins-good" },
    { "image/jpeg", "gstreamer1.0-plugins-good" },
    { "audio/x-flac", "gstreamer1.0-plugins-good" },
    { "video/quicktime", "gstreamer1.0-plugins-good" },
    { "video/x-matroska", "gstreamer1.0-plugins-good" },
    { "video/webm", "gstreamer1.0-plugins-good" },
    { "video/x-msvideo", "gstreamer1.0-plugins-good" },
    { "audio/x-wav", "gstreamer1.0-plugins-good" },
    { "audio/x-opus", "gstreamer1.0-plugins-base" },
    { "audio/x-vorbis", "gstreamer1.0-plugins-base" },
    { "video/x-theora", "gstreamer1.0-plugins-base" },
    { "application/ogg", "gstreamer1.0-plugins-base" },
    { "video/x-av1", "gstreamer1.0-plugins-bad" },
    { "video/mpegts", "gstreamer1.0-plugins-bad" },
    { "application/mxf", "gstreamer1.0-plugins-bad" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_str_has_prefix (caps, table[i].prefix))
      return table[i].package;
  return NULL;
}

/**
 * tl_media_set_missing_plugin_error:
 * @installer_details: GStreamer's installer details, like
 *   "gstreamer|1.0|app|VP8 decoder|decoder-video/x-vp8"
 * @partial: %TRUE when the rest of the file plays (a video without its
 *   picture), %FALSE when nothing does
 */
void
tl_media_set_missing_plugin_error (GError **error,
                                   const char *path,
                                   const char *const *installer_details,
                                   gboolean partial)
{
  g_autoptr(GString) what = g_string_new (NULL);
  const char *package = NULL;
  const char *lost = NULL;

  for (guint i = 0; installer_details != NULL && installer_details[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (installer_details[i], "|", 5);
      const char *caps;

      if (g_strv_length (fields) < 5 || strstr (what->str, fields[3]) != NULL)
        continue;
      if (what->len > 0)
        g_string_append (what, ", ");
      g_string_append (what, fields[3]);
      /* the last field is "decoder-CAPS", "demuxer-CAPS" or "element-NAME" */
      caps = strchr (fields[4], '-');
      caps = caps ? caps + 1 : fields[4];
      if (package == NULL)
        package = tl_media_package_for_caps (caps);
      if (lost == NULL)
        lost = g_str_has_prefix (caps, "video/") ? "picture" : g_str_has_prefix (caps, "audio/") ? "sound" : NULL;
    }
  if (what->len == 0)
    g_string_append (what, _("decoder"));

  /* whole sentences, so that translations need not agree with a noun */
  if (partial && package)
    g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_MISSING_PLUGIN,
                 g_strcmp0 (lost, "picture") == 0
                   ? _("%s plays without its picture here: no %s is installed (install the package %s)")
                 : g_strcmp0 (lost, "sound") == 0
                   ? _("%s plays without its sound here: no %s is installed (install the package %s)")
                   : _("%s plays without its other streams here: no %s is installed (install the package %s)"),
                 path, what->str, package);
  else if (partial)
    g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_MISSING_PLUGIN,
                 g_strcmp0 (lost, "picture") == 0 ? _("%s plays without its picture here: no %s is installed")
                 : g_strcmp0 (lost, "sound") == 0 ? _("%s plays without its sound here: no %s is installed")
                                                  : _("%s plays without its other streams here: no %s is installed"),
                 path, what->str);
  else if (package)
    g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_MISSING_PLUGIN,
                 _("%s cannot be played here: no %s is installed (install the package %s)"), path, what->str, package);
  else
    g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_MISSING_PLUGIN,
                 _("%s cannot be played here: no %s is installed"), path, what->str);
}

/* Maps an error GStreamer posted while reading @path. Missing plugins are
 * announced before the error by element messages: pass what they said. */
void
tl_media_set_error_from_gst (GError **error,
                             const char *path,
                             const GError *gst_error,
                             const char *const *installer_details)
{
  if (installer_details != NULL && installer_details[0] != NULL)
    tl_media_set_missing_plugin_error (error, path, installer_details, FALSE);
  else if (gst_error == NULL)
    g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_CORRUPT, _("%s cannot be read: unknown error"), path);
  else if (g_error_matches (gst_error, GST_STREAM_ERROR, GST_STREAM_ERROR_TYPE_NOT_FOUND)
           || g_error_matches (gst_error, GST_STREAM_ERROR, GST_STREAM_ERROR_WRONG_TYPE))
    g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NOT_MEDIA,
                 _("%s is not a media file GStreamer can read"), path);
  else if (g_error_matches (gst_error, GST_STREAM_ERROR, GST_STREAM_ERROR_CODEC_NOT_FOUND)
           || g_error_matches (gst_error, GST_CORE_ERROR, GST_CORE_ERROR_MISSING_PLUGIN))
    tl_media_set_missing_plugin_error (error, path, NULL, FALSE);
  else if (gst_error->domain == GST_RESOURCE_ERROR
           && (gst_error->code == GST_RESOURCE_ERROR_NOT_FOUND
               || gst_error->code == GST_RESOURCE_ERROR_OPEN_READ
               || gst_error->code == GST_RESOURCE_ERROR_OPEN_READ_WRITE
               || gst_error->code == GST_RESOURCE_ERROR_NOT_AUTHORIZED))
    g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NOT_FOUND, _("%s cannot be opened: %s"),
                 path, gst_error->message);
  else if (gst_error->domain == GST_STREAM_ERROR)
    g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_CORRUPT, _("%s cannot be read, it looks damaged: %s"),
                 path, gst_error->message);
  else
    g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_FAILED, _("%s cannot be played: %s"),
                 path, gst_error->message);
}
