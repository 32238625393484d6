/* tl-audio-decode.c: uridecodebin ! audioconvert ! audioresample ! appsink,
 * pulled from the calling thread. Video streams are never decoded: they
 * leave the demuxer still compressed and end in a fakesink, so a long
 * video costs little more than its sound track. */
#include "tl-audio-decode.h"
#include <glib/gi18n-lib.h>

#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <string.h>

#include "tl-probe.h"

typedef struct {
  GstElement *pipeline;
  GstElement *convert;
  gint audio_linked;  /* atomic */
  gint no_more_pads;  /* atomic */
} Decoder;

/* Only sound is decoded: other streams stop where they leave the
 * demuxer, still compressed. A container may well be typefound as
 * "video/…" (video/webm, video/quicktime): what a demuxer takes goes on. */
static gboolean
on_autoplug_continue (GstElement *bin, GstPad *pad, GstCaps *caps, gpointer user_data)
{
  const char *name = gst_structure_get_name (gst_caps_get_structure (caps, 0));
  GList *demuxers, *takers;
  gboolean container;

  if (!g_str_has_prefix (name, "video/") && !g_str_has_prefix (name, "image/")
      && !g_str_has_prefix (name, "text/") && !g_str_has_prefix (name, "subpicture/")
      && !g_str_has_prefix (name, "closedcaption/"))
    return TRUE;
  demuxers = gst_element_factory_list_get_elements (GST_ELEMENT_FACTORY_TYPE_DEMUXER, GST_RANK_MARGINAL);
  takers = gst_element_factory_list_filter (demuxers, caps, GST_PAD_SINK, FALSE);
  container = takers != NULL;
  gst_plugin_feature_list_free (takers);
  gst_plugin_feature_list_free (demuxers);
  return container;
}

static void
on_pad_added (GstElement *src, GstPad *pad, Decoder *d)
{
  g_autoptr(GstCaps) caps = gst_pad_get_current_caps (pad);
  const char *name;

  if (caps == NULL)
    caps = gst_pad_query_caps (pad, NULL);
  name = gst_structure_get_name (gst_caps_get_structure (caps, 0));
  if (g_str_has_prefix (name, "audio/x-raw") && g_atomic_int_compare_and_exchange (&d->audio_linked, 0, 1))
    {
      g_autoptr(GstPad) sink = gst_element_get_static_pad (d->convert, "sink");
      if (gst_pad_link (pad, sink) == GST_PAD_LINK_OK)
        return;
      g_atomic_int_set (&d->audio_linked, 0);
    }
  /* any other stream (or a second sound track) goes nowhere */
  {
    GstElement *fakesink = gst_element_factory_make ("fakesink", NULL);
    g_autoptr(GstPad) sink = NULL;

    g_object_set (fakesink, "sync", FALSE, "async", FALSE, NULL);
    gst_bin_add (GST_BIN (d->pipeline), fakesink);
    gst_element_sync_state_with_parent (fakesink);
    sink = gst_element_get_static_pad (fakesink, "sink");
    gst_pad_link (pad, sink);
  }
}

static void
on_no_more_pads (GstElement *src, Decoder *d)
{
  g_atomic_int_set (&d->no_more_pads, 1);
}

static gboolean
bus_error (GstBus *bus, const char *path, GError **error)
{
  g_autoptr(GstMessage) msg = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
  g_autoptr(GError) gst_error = NULL;
  g_autofree char *debug = NULL;

  if (msg == NULL)
    return FALSE;
  gst_message_parse_error (msg, &gst_error, &debug);
  if (g_error_matches (gst_error, GST_STREAM_ERROR, GST_STREAM_ERROR_CODEC_NOT_FOUND))
    g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_MISSING_PLUGIN,
                 _("%s: no decoder for its sound is installed (%s)"), path, gst_error->message);
  else if (g_error_matches (gst_error, GST_STREAM_ERROR, GST_STREAM_ERROR_TYPE_NOT_FOUND)
           || g_error_matches (gst_error, GST_STREAM_ERROR, GST_STREAM_ERROR_WRONG_TYPE))
    g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NOT_MEDIA,
                 _("%s is not a media file GStreamer can read"), path);
  else
    g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_CORRUPT,
                 _("%s could not be decoded: %s"), path, gst_error->message);
  return TRUE;
}

/**
 * tl_audio_decode:
 * @sample_rate: the rate @block receives, mono float in [-1, 1]
 * @block: called in this thread for each decoded block, in order
 *
 * Decodes the first sound track of @path.
 *
 * Returns: %FALSE with @error set: %TL_MEDIA_ERROR_NO_AUDIO when the file
 *   has no sound, %G_IO_ERROR_CANCELLED when cancelled
 */
gboolean
tl_audio_decode (const char *path, guint sample_rate, TlAudioBlockFunc block, gpointer user_data,
                 GCancellable *cancellable, GError **error)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstCaps) caps = NULL;
  g_autofree char *uri = NULL;
  GstElement *src, *resample, *filter, *sink;
  Decoder d = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (path != NULL && block != NULL, FALSE);
  if (!tl_media_init (error))
    return FALSE;
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NOT_FOUND,
                   _("The media file %s is missing: was it moved or renamed?"), path);
      return FALSE;
    }
  if ((uri = gst_filename_to_uri (path, error)) == NULL)
    return FALSE;

  pipeline = gst_object_ref_sink (gst_pipeline_new ("tl-audio-decode"));
  src = gst_element_factory_make ("uridecodebin", NULL);
  d.convert = gst_element_factory_make ("audioconvert", NULL);
  resample = gst_element_factory_make ("audioresample", NULL);
  filter = gst_element_factory_make ("capsfilter", NULL);
  sink = gst_element_factory_make ("appsink", NULL);
  if (!src || !d.convert || !resample || !filter || !sink)
    {
      g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_MISSING_PLUGIN,
                   _("GStreamer's base plugins are missing: install gstreamer1.0-plugins-base"));
      g_clear_object (&src);
      g_clear_object (&d.convert);
      g_clear_object (&resample);
      g_clear_object (&filter);
      g_clear_object (&sink);
      return FALSE;
    }
  d.pipeline = pipeline;
  caps = gst_caps_new_simple ("audio/x-raw", "format", G_TYPE_STRING, "F32LE", "layout", G_TYPE_STRING, "interleaved",
                              "rate", G_TYPE_INT, (int) sample_rate, "channels", G_TYPE_INT, 1, NULL);
  g_object_set (src, "uri", uri, NULL);
  g_object_set (filter, "caps", caps, NULL);
  /* a bounded queue: decoding waits for us instead of filling memory */
  g_object_set (sink, "sync", FALSE, "max-buffers", 32, "drop", FALSE, NULL);
  gst_bin_add_many (GST_BIN (pipeline), src, d.convert, resample, filter, sink, NULL);
  if (!gst_element_link_many (d.convert, resample, filter, sink, NULL))
    {
      g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_FAILED, _("Cannot build the decoding pipeline"));
      return FALSE;
    }
  g_signal_connect (src, "autoplug-continue", G_CALLBACK (on_autoplug_continue), NULL);
  g_signal_connect (src, "pad-added", G_CALLBACK (on_pad_added), &d);
  g_signal_connect (src, "no-more-pads", G_CALLBACK (on_no_more_pads), &d);

  bus = gst_element_get_bus (pipeline);
  if (gst_element_set_state (pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      if (!bus_error (bus, path, error))
        g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_FAILED, _("%s could not be opened"), path);
      goto out;
    }

  for (;;)
    {
      g_autoptr(GstSample) sample = gst_app_sink_try_pull_sample (GST_APP_SINK (sink), 50 * GST_MSECOND);

      if (sample != NULL)
        {
          GstBuffer *buffer = gst_sample_get_buffer (sample);
          GstMapInfo map;

          if (buffer && gst_buffer_map (buffer, &map, GST_MAP_READ))
            {
              gboolean more = block ((const float *) map.data, map.size / sizeof (float), user_data);
              gst_buffer_unmap (buffer, &map);
              if (!more)
                break;
            }
        }
      else if (gst_app_sink_is_eos (GST_APP_SINK (sink)))
        break;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      if (bus_error (bus, path, error))
        goto out;
      if (sample == NULL && g_atomic_int_get (&d.no_more_pads) && !g_atomic_int_get (&d.audio_linked))
        {
          g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NO_AUDIO,
                       _("%s has no sound track"), path);
          goto out;
        }
    }
  ok = TRUE;

out:
  gst_element_set_state (pipeline, GST_STATE_NULL);
  return ok;
}
