/* test-timecode.c: frames and SMPTE timecode at real frame rates. */
#include "tl-timecode.h"

static void
assert_tc (gint64 frames, int num, int den, const char *expected)
{
  g_autofree char *tc = tl_timecode_format_frames (frames, num, den, TRUE);

  g_assert_cmpstr (tc, ==, expected);
}

static void
test_drop_frame_2997 (void)
{
  assert_tc (0, 30000, 1001, "00:00:00;00");
  assert_tc (1799, 30000, 1001, "00:00:59;29");
  assert_tc (1800, 30000, 1001, "00:01:00;02");
  assert_tc (3597, 30000, 1001, "00:01:59;29");
  assert_tc (3598, 30000, 1001, "00:02:00;02");
  assert_tc (17981, 30000, 1001, "00:09:59;29");
  assert_tc (17982, 30000, 1001, "00:10:00;00");
  assert_tc (17982 + 1800, 30000, 1001, "00:11:00;02");
  assert_tc (107892, 30000, 1001, "01:00:00;00");
}

static void
test_drop_frame_5994 (void)
{
  assert_tc (3599, 60000, 1001, "00:00:59;59");
  assert_tc (3600, 60000, 1001, "00:01:00;04");
  assert_tc (35964, 60000, 1001, "00:10:00;00");
  assert_tc (215784, 60000, 1001, "01:00:00;00");
}

static void
test_non_drop (void)
{
  assert_tc (1800, 30, 1, "00:01:00:00");
  assert_tc (86399, 24000, 1001, "00:59:59:23");
  assert_tc (90000, 25, 1, "01:00:00:00");
  assert_tc (180000, 50, 1, "01:00:00:00");
}

static void
test_usec_frames (void)
{
  /* one hour of 29.97 is 107892 frames (3600 * 30000 / 1001 = 107892.1) */
  g_assert_cmpint (tl_timecode_usec_to_frames (G_GINT64_CONSTANT (3600000000), 30000, 1001), ==, 107892);
  g_assert_cmpint (tl_timecode_usec_to_frames (40000, 25, 1), ==, 1);
  g_assert_cmpint (tl_timecode_usec_to_frames (19999, 25, 1), ==, 0);
  g_assert_cmpint (tl_timecode_usec_to_frames (20000, 25, 1), ==, 1);
  for (gint64 f = 0; f < 5000; f += 7)
    g_assert_cmpint (tl_timecode_usec_to_frames (tl_timecode_frames_to_usec (f, 30000, 1001), 30000, 1001), ==, f);
  {
    g_autofree char *tc = tl_timecode_format (60060000, 30000, 1001);
    g_assert_cmpstr (tc, ==, "00:01:00;02");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/timecode/drop-frame-29.97", test_drop_frame_2997);
  g_test_add_func ("/core/timecode/drop-frame-59.94", test_drop_frame_5994);
  g_test_add_func ("/core/timecode/non-drop", test_non_drop);
  g_test_add_func ("/core/timecode/usec-frames", test_usec_frames);
  return g_test_run ();
}
