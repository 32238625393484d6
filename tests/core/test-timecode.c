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

/* Every label the formatter writes reads back as its frame, at every rate. */
static void
test_parse_round_trip (void)
{
  static const int rates[][2] = { { 24000, 1001 }, { 24, 1 }, { 25, 1 }, { 30000, 1001 }, { 30, 1 }, { 50, 1 },
                                  { 60000, 1001 } };

  for (guint r = 0; r < G_N_ELEMENTS (rates); r++)
    for (gint64 f = 0; f < 4 * 3600 * 60; f += f < 40000 ? 1 : 997)
      {
        g_autofree char *tc = tl_timecode_format_frames (f, rates[r][0], rates[r][1], TRUE);
        gint64 back = -1;
        g_assert_true (tl_timecode_parse_frames (tc, rates[r][0], rates[r][1], &back));
        g_assert_cmpint (back, ==, f);
      }
}

static void
test_parse (void)
{
  gint64 f = -1;

  g_assert_true (tl_timecode_parse_frames ("00:01:00;02", 30000, 1001, &f));
  g_assert_cmpint (f, ==, 1800);
  g_assert_true (tl_timecode_parse_frames ("01:00:00;00", 30000, 1001, &f));
  g_assert_cmpint (f, ==, 107892);
  g_assert_true (tl_timecode_parse_frames ("00:01:00;04", 60000, 1001, &f));
  g_assert_cmpint (f, ==, 3600);
  /* a colon counts every frame number, as non-drop-frame does */
  g_assert_true (tl_timecode_parse_frames ("00:01:00:00", 30000, 1001, &f));
  g_assert_cmpint (f, ==, 1800);
  g_assert_true (tl_timecode_parse_frames ("10:00:00:00", 25, 1, &f));
  g_assert_cmpint (f, ==, 900000);
  /* the labels drop-frame skips, and labels that are no timecode */
  g_assert_false (tl_timecode_parse_frames ("00:01:00;00", 30000, 1001, &f));
  g_assert_false (tl_timecode_parse_frames ("00:01:00;01", 30000, 1001, &f));
  g_assert_false (tl_timecode_parse_frames ("00:01:00;03", 60000, 1001, &f));
  g_assert_false (tl_timecode_parse_frames ("00:00:00:25", 25, 1, &f));
  g_assert_false (tl_timecode_parse_frames ("00:61:00:00", 25, 1, &f));
  g_assert_false (tl_timecode_parse_frames ("00:00:00:00 and more", 25, 1, &f));
  g_assert_false (tl_timecode_parse_frames ("soon", 25, 1, &f));
}

static void
test_parse_rate (void)
{
  static const struct {
    const char *text;
    int num, den;
  } good[] = {
    { "25", 25, 1 }, { "25/1", 25, 1 }, { "30000/1001", 30000, 1001 }, { "29.97", 30000, 1001 },
    { "23.976", 24000, 1001 }, { "23.98", 24000, 1001 }, { "59.94", 60000, 1001 }, { "50", 50, 1 },
    { "12.5", 25, 2 },
  };
  static const char *const bad[] = { "0", "-25", "abc", "1/0", "25fps", "", "30000/", NULL };
  int num, den;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (tl_timecode_parse_rate (good[i].text, &num, &den));
      g_assert_cmpint (num, ==, good[i].num);
      g_assert_cmpint (den, ==, good[i].den);
    }
  for (guint i = 0; bad[i] != NULL; i++)
    g_assert_false (tl_timecode_parse_rate (bad[i], &num, &den));
}

/* A clip's in and out to paste into a log: at the media's rate, from its
 * own start timecode, drop-frame at 29.97; nothing without a rate. */
static void
test_format_range (void)
{
  g_autofree char *pal = tl_timecode_format_range (10000000, 20000000, 25, 1, NULL);
  g_autofree char *from_one = tl_timecode_format_range (10000000, 20040000, 25, 1, "01:00:00:00");
  g_autofree char *ntsc = tl_timecode_format_range (60060000, 61061000, 30000, 1001, "00:59:59;28");
  g_autofree char *bad_origin = tl_timecode_format_range (0, 1000000, 24, 1, "soon");
  g_autofree char *short_clip = tl_timecode_format_range (1000000, 1010000, 25, 1, NULL);

  g_assert_cmpstr (pal, ==, "00:00:10:00 - 00:00:20:00");
  g_assert_cmpstr (from_one, ==, "01:00:10:00 - 01:00:20:01");
  /* 60.06 s is frame 1800, 59 s 28 frames after 01:00:00;00; thirty frames
   * on is 01:01:01;00, as minute one has no ;00 and ;01 */
  g_assert_cmpstr (ntsc, ==, "01:00:59;28 - 01:01:01;00");
  g_assert_cmpstr (bad_origin, ==, "00:00:00:00 - 00:00:01:00");
  /* shorter than a frame: still one frame long */
  g_assert_cmpstr (short_clip, ==, "00:00:01:00 - 00:00:01:01");
  g_assert_null (tl_timecode_format_range (0, 1000000, 0, 0, NULL));
  g_assert_null (tl_timecode_format_range (2000000, 1000000, 25, 1, NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/timecode/drop-frame-29.97", test_drop_frame_2997);
  g_test_add_func ("/core/timecode/drop-frame-59.94", test_drop_frame_5994);
  g_test_add_func ("/core/timecode/non-drop", test_non_drop);
  g_test_add_func ("/core/timecode/usec-frames", test_usec_frames);
  g_test_add_func ("/core/timecode/parse", test_parse);
  g_test_add_func ("/core/timecode/parse-round-trip", test_parse_round_trip);
  g_test_add_func ("/core/timecode/parse-rate", test_parse_rate);
  g_test_add_func ("/core/timecode/format-range", test_format_range);
  return g_test_run ();
}
