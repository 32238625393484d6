/* test-retime.c: times from taps: anchors keep their start, the lines
 * between are spread by length, taps never go backwards. */
#include "tl-retime.h"

static void
test_between_taps (void)
{
  /* five lines of equal length; taps on lines 1 and 3 */
  TlSegmentTiming t[5] = { { 0 } };
  double w[5] = { 10, 10, 10, 10, 10 };

  t[1].anchor = TRUE, t[1].start = 4000000;
  t[3].anchor = TRUE, t[3].start = 10000000;
  tl_retime_from_anchors (t, w, 5, 20000000);

  /* before the first tap: 0 to 4 s */
  g_assert_cmpint (t[0].start, ==, 0);
  g_assert_cmpint (t[0].end, ==, 4000000);
  /* between the taps: 4 s to 10 s, halves */
  g_assert_cmpint (t[1].start, ==, 4000000);
  g_assert_cmpint (t[1].end, ==, 7000000);
  g_assert_cmpint (t[2].start, ==, 7000000);
  g_assert_cmpint (t[2].end, ==, 10000000);
  /* after the last tap: 10 s to the end */
  g_assert_cmpint (t[3].start, ==, 10000000);
  g_assert_cmpint (t[3].end, ==, 15000000);
  g_assert_cmpint (t[4].start, ==, 15000000);
  g_assert_cmpint (t[4].end, ==, 20000000);
  g_assert_cmpfloat (t[1].confidence, ==, 1.0);
  g_assert_cmpfloat (t[2].confidence, <, 0);
}

static void
test_by_length (void)
{
  TlSegmentTiming t[3] = { { 0 } };
  double w[3];

  w[0] = tl_retime_weight ("A short line.", FALSE);          /* 13 + 8 = 21 */
  w[1] = tl_retime_weight ("A line that is quite a lot longer than that.", FALSE); /* 44 + 8 = 52 */
  w[2] = tl_retime_weight ("[Music]", TRUE);                 /* 20 */
  g_assert_cmpfloat (w[0], ==, 21);
  g_assert_cmpfloat (w[1], ==, 52);
  g_assert_cmpfloat (w[2], ==, 20);
  t[0].anchor = TRUE, t[0].start = 1000000;
  tl_retime_from_anchors (t, w, 3, 94000000);
  /* 93 s over 93 units: one second a unit */
  g_assert_cmpint (t[0].end, ==, 22000000);
  g_assert_cmpint (t[1].start, ==, 22000000);
  g_assert_cmpint (t[1].end, ==, 74000000);
  g_assert_cmpint (t[2].end, ==, 94000000);
}

static void
test_no_going_back (void)
{
  TlSegmentTiming t[3] = { { 0 } };
  double w[3] = { 1, 1, 1 };

  /* the second tap came earlier than the first: it is moved after it */
  t[0].anchor = TRUE, t[0].start = 5000000;
  t[2].anchor = TRUE, t[2].start = 3000000;
  tl_retime_from_anchors (t, w, 3, 10000000);
  g_assert_cmpint (t[0].start, ==, 5000000);
  g_assert_cmpint (t[1].start, >, t[0].start);
  g_assert_cmpint (t[2].start, >, t[1].start);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (t[i].end, >, t[i].start);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/retime/between-taps", test_between_taps);
  g_test_add_func ("/core/retime/by-length", test_by_length);
  g_test_add_func ("/core/retime/no-going-back", test_no_going_back);
  return g_test_run ();
}
