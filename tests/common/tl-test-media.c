/* tl-test-media.c: media files made at test time: test patterns with the
 * running time burnt in, and tones, in containers every Debian 12 reads. */
#include "tl-test-media.h"

#include <gst/gst.h>
#include <stdio.h>

/* Runs a pipeline description (with "location=%s" for the output) to EOS. */
void
tl_test_make_media (const char *path, const char *pipeline_format, ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) msg = NULL;
  va_list args;

  gst_init (NULL, NULL);
  va_start (args, pipeline_format);
  description = g_strdup_vprintf (pipeline_format, args);
  va_end (args);
  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);
  bus = gst_element_get_bus (pipeline);
  g_assert_cmpint (gst_element_set_state (pipeline, GST_STATE_PLAYING), !=, GST_STATE_CHANGE_FAILURE);
  msg = gst_bus_timed_pop_filtered (bus, 60 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (msg);
  if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_ERROR)
    {
      g_autoptr(GError) gst_error = NULL;
      gst_message_parse_error (msg, &gst_error, NULL);
      g_error ("making %s failed: %s", path, gst_error->message);
    }
  gst_element_set_state (pipeline, GST_STATE_NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* A VP8/Vorbis WebM test pattern with its running time burnt in. */
char *
tl_test_make_video (const char *dir, const char *name, int seconds, const char *framerate)
{
  char *path = g_build_filename (dir, name, NULL);
  int num, den;

  g_assert_cmpint (sscanf (framerate, "%d/%d", &num, &den), ==, 2);
  tl_test_make_media (path,
                      "videotestsrc num-buffers=%d ! video/x-raw,width=320,height=240,framerate=%s"
                      " ! timeoverlay ! vp8enc deadline=1 ! webmmux name=mux ! filesink location=\"%s\""
                      " audiotestsrc num-buffers=%d samplesperbuffer=1000 ! audio/x-raw,rate=16000"
                      " ! audioconvert ! vorbisenc ! mux.",
                      (int) ((gint64) seconds * num / den), framerate, path, seconds * 16);
  return path;
}

/* A WAV tone. */
char *
tl_test_make_audio (const char *dir, const char *name, int seconds)
{
  char *path = g_build_filename (dir, name, NULL);

  tl_test_make_media (path,
                      "audiotestsrc num-buffers=%d samplesperbuffer=1600 ! audio/x-raw,rate=16000,channels=1"
                      " ! wavenc ! filesink location=\"%s\"", seconds * 10, path);
  return path;
}
