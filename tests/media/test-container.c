/* test-container.c: what container headers say that GStreamer does not:
 * a QuickTime timecode track's start, and files cut short. */
#include <gst/gst.h>
#include <gst/video/video.h>
#include <string.h>

#include "tl-container.h"
#include "tl-media-error.h"
#include "tl-probe.h"
#include "tl-test-media.h"
#include "tl-test-util.h"

static char *dir;

typedef struct {
  GstVideoTimeCode *next;
} Stamper;

/* What a camera does: every frame carries its timecode, and qtmux writes
 * the first one as the file's timecode track. */
static GstPadProbeReturn
stamp_timecode (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  Stamper *stamper = data;
  GstBuffer *buffer = gst_buffer_make_writable (GST_PAD_PROBE_INFO_BUFFER (info));

  gst_buffer_add_video_time_code_meta (buffer, stamper->next);
  gst_video_time_code_increment_frame (stamper->next);
  GST_PAD_PROBE_INFO_DATA (info) = buffer;
  return GST_PAD_PROBE_OK;
}

static char *
make_mov_with_timecode (const char *name, int fps_num, int fps_den, gboolean drop_frame,
                        guint hours, guint minutes, guint seconds, guint frames)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *description = g_strdup_printf (
    "videotestsrc num-buffers=30 ! video/x-raw,width=160,height=120,framerate=%d/%d"
    " ! jpegenc ! identity name=stamp ! qtmux ! filesink location=\"%s\"", fps_num, fps_den, path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) pipeline = gst_parse_launch (description, &error);
  g_autoptr(GstElement) identity = NULL;
  g_autoptr(GstPad) pad = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) msg = NULL;
  Stamper stamper;

  g_assert_no_error (error);
  stamper.next = gst_video_time_code_new (fps_num, fps_den, NULL,
                                          drop_frame ? GST_VIDEO_TIME_CODE_FLAGS_DROP_FRAME
                                                     : GST_VIDEO_TIME_CODE_FLAGS_NONE,
                                          hours, minutes, seconds, frames, 0);
  identity = gst_bin_get_by_name (GST_BIN (pipeline), "stamp");
  pad = gst_element_get_static_pad (identity, "src");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, stamp_timecode, &stamper, NULL);
  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  msg = gst_bus_timed_pop_filtered (bus, 30 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (msg);
  g_assert_cmpint (GST_MESSAGE_TYPE (msg), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);
  gst_video_time_code_free (stamper.next);
  return path;
}

static void
test_timecode_ndf (void)
{
  g_autofree char *path = make_mov_with_timecode ("tc25.mov", 25, 1, FALSE, 10, 0, 0, 12);
  g_autofree char *timecode = tl_container_read_start_timecode (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlMediaInfo) info = NULL;

  g_assert_cmpstr (timecode, ==, "10:00:00:12");
  /* and the prober reports it */
  info = tl_probe_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->start_timecode, ==, "10:00:00:12");
}

static void
test_timecode_drop_frame (void)
{
  g_autofree char *path = make_mov_with_timecode ("tc2997.mov", 30000, 1001, TRUE, 1, 0, 2, 0);
  g_autofree char *timecode = tl_container_read_start_timecode (path);

  g_assert_cmpstr (timecode, ==, "01:00:02;00");
}

static void
test_no_timecode (void)
{
  g_autofree char *webm = tl_test_make_video (dir, "plain.webm", 1, "25/1");
  g_autofree char *wav = tl_test_make_audio (dir, "plain.wav", 1);
  g_autofree char *mov = g_build_filename (dir, "plain.mov", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlMediaInfo) info = NULL;

  tl_test_make_media (mov, "videotestsrc num-buffers=10 ! jpegenc ! qtmux ! filesink location=\"%s\"", mov);
  g_assert_null (tl_container_read_start_timecode (webm));
  g_assert_null (tl_container_read_start_timecode (wav));
  g_assert_null (tl_container_read_start_timecode (mov));
  info = tl_probe_file (webm, &error);
  g_assert_no_error (error);
  g_assert_null (info->start_timecode);
}

/* Each container cut to a third is caught; whole files and files that do
 * not announce their size are not. */
static void
assert_cut_is_caught (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *cut = g_strconcat (path, ".part", NULL);
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (tl_container_check_complete (path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (cut, contents, length / 3, NULL));
  g_assert_false (tl_container_check_complete (cut, &error));
  g_assert_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, cut));
  g_assert_nonnull (strstr (error->message, "incomplete"));
}

static void
test_incomplete (void)
{
  g_autofree char *webm = tl_test_make_video (dir, "whole.webm", 2, "25/1");
  g_autofree char *wav = tl_test_make_audio (dir, "whole.wav", 2);
  g_autofree char *mov = g_build_filename (dir, "whole.mov", NULL);
  g_autofree char *mp4 = g_build_filename (dir, "whole.mp4", NULL);
  g_autofree char *ogg = g_build_filename (dir, "whole.ogg", NULL);
  g_autofree char *live = g_build_filename (dir, "live.webm", NULL);
  g_autofree char *ogg_contents = NULL;
  g_autofree char *ogg_cut = g_build_filename (dir, "whole.ogg.part", NULL);
  gsize length;

  tl_test_make_media (mov, "videotestsrc num-buffers=50 ! jpegenc ! qtmux faststart=true ! filesink location=\"%s\"", mov);
  tl_test_make_media (mp4, "audiotestsrc num-buffers=50 ! audioconvert ! lamemp3enc ! mp4mux ! filesink location=\"%s\"", mp4);
  assert_cut_is_caught (webm);
  assert_cut_is_caught (wav);
  assert_cut_is_caught (mov);
  assert_cut_is_caught (mp4);

  /* Ogg and a live WebM (written without seeking back) do not say: no
   * false alarm */
  tl_test_make_media (ogg, "audiotestsrc num-buffers=50 ! audioconvert ! vorbisenc ! oggmux ! filesink location=\"%s\"", ogg);
  g_assert_true (g_file_get_contents (ogg, &ogg_contents, &length, NULL));
  g_assert_true (g_file_set_contents (ogg_cut, ogg_contents, length / 3, NULL));
  g_assert_true (tl_container_check_complete (ogg_cut, NULL));
  tl_test_make_media (live,
                      "videotestsrc num-buffers=25 ! vp8enc deadline=1 ! webmmux streamable=true"
                      " ! filesink location=\"%s\"", live);
  g_assert_true (tl_container_check_complete (live, NULL));
  {
    g_autofree char *live_contents = NULL;
    g_autofree char *live_cut = g_build_filename (dir, "live.webm.part", NULL);
    g_assert_true (g_file_get_contents (live, &live_contents, &length, NULL));
    g_assert_true (g_file_set_contents (live_cut, live_contents, length / 3, NULL));
    g_assert_true (tl_container_check_complete (live_cut, NULL));
  }
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);
  dir = tl_test_tmpdir_new ();
  g_test_add_func ("/media/container/timecode/25", test_timecode_ndf);
  g_test_add_func ("/media/container/timecode/29.97-drop-frame", test_timecode_drop_frame);
  g_test_add_func ("/media/container/timecode/none", test_no_timecode);
  g_test_add_func ("/media/container/incomplete", test_incomplete);
  status = g_test_run ();
  tl_test_tmpdir_free (dir);
  /* joins GStreamer's pooled threads, so that leak checkers see a quiet process */
  gst_deinit ();
  return status;
}
