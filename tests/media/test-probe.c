/* test-probe.c: GstDiscoverer probing on media made here: exact frame
 * rates, streams, durations, and the errors a person can act on. */
#include <string.h>

#include "tl-probe.h"
#include "tl-test-media.h"
#include "tl-test-util.h"

static char *dir;

static void
test_video_2997 (void)
{
  g_autofree char *path = tl_test_make_video (dir, "ntsc.webm", 3, "30000/1001");
  g_autoptr(GError) error = NULL;
  g_autoptr(TlMediaInfo) info = tl_probe_file (path, &error);

  g_assert_no_error (error);
  g_assert_true (info->has_video);
  g_assert_true (info->has_audio);
  g_assert_cmpint (info->fps_num, ==, 30000);
  g_assert_cmpint (info->fps_den, ==, 1001);
  g_assert_cmpint (info->width, ==, 320);
  g_assert_cmpint (info->height, ==, 240);
  g_assert_cmpint (ABS (info->duration - 3000000), <, 50000);
  g_assert_nonnull (strstr (info->video_codec, "VP8"));
  g_assert_true (g_path_is_absolute (info->path));
}

static void
test_audio_only (void)
{
  g_autofree char *path = tl_test_make_audio (dir, "tone.wav", 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlMediaInfo) info = tl_probe_file (path, &error);

  g_assert_no_error (error);
  g_assert_false (info->has_video);
  g_assert_true (info->has_audio);
  g_assert_cmpint (info->fps_num, ==, 0);
  g_assert_cmpint (info->duration, ==, 2000000);
}

static void
test_errors (void)
{
  g_autofree char *missing = g_build_filename (dir, "nowhere.mp4", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.mp4", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (tl_probe_file (missing, &error));
  g_assert_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (text, "This is not a video at all, only words.\n", -1, NULL));
  g_assert_null (tl_probe_file (text, &error));
  g_assert_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NOT_MEDIA);
  g_assert_nonnull (strstr (error->message, text));
}

static void
test_find_beside (void)
{
  g_autofree char *video = tl_test_make_audio (dir, "interview.wav", 1);
  g_autofree char *transcript = g_build_filename (dir, "interview.srt", NULL);
  g_autofree char *lonely = g_build_filename (dir, "lonely.srt", NULL);
  g_autofree char *found = tl_media_find_beside (transcript);
  g_autofree char *none = tl_media_find_beside (lonely);

  g_assert_cmpstr (found, ==, video);
  g_assert_null (none);
  g_assert_true (tl_media_path_looks_like_media ("a/b/Clip.MOV"));
  g_assert_false (tl_media_path_looks_like_media ("a/b/clip.srt"));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = tl_test_tmpdir_new ();
  g_test_add_func ("/media/probe/video-29.97", test_video_2997);
  g_test_add_func ("/media/probe/audio-only", test_audio_only);
  g_test_add_func ("/media/probe/errors", test_errors);
  g_test_add_func ("/media/probe/find-beside", test_find_beside);
  status = g_test_run ();
  tl_test_tmpdir_free (dir);
  return status;
}
