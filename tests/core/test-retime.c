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

/* Times moved with their lines: ends to ends, insides by fraction, gaps
 * by fraction, outside by the nearest line's shift, lines that fold back
 * left out. */
static void
test_map (void)
{
  TlSegmentTiming old[4] = {
    { 1000000, 3000000, -1, NULL, FALSE },
    { 4000000, 6000000, -1, NULL, FALSE },
    { TL_TIME_NONE, TL_TIME_NONE, -1, NULL, FALSE },
    { 5000000, 7000000, -1, NULL, FALSE }, /* starts before line 1 ends: an overlapping cue */
  };
  TlSegmentTiming new[4] = {
    { 2000000, 3000000, -1, NULL, FALSE },
    { 5000000, 9000000, -1, NULL, FALSE },
    { 9000000, 9500000, -1, NULL, FALSE },
    { 9500000, 10000000, -1, NULL, FALSE },
  };
  g_autoptr(TlRetimeMap) map = tl_retime_map_new (old, new, 4);

  g_assert_cmpint (tl_retime_map_apply (map, 1000000, FALSE), ==, 2000000);
  g_assert_cmpint (tl_retime_map_apply (map, 3000000, FALSE), ==, 3000000);
  g_assert_cmpint (tl_retime_map_apply (map, 2000000, FALSE), ==, 2500000);  /* half way in line 0 */
  g_assert_cmpint (tl_retime_map_apply (map, 3500000, FALSE), ==, 4000000);  /* half way in the gap */
  g_assert_cmpint (tl_retime_map_apply (map, 4500000, FALSE), ==, 6000000);  /* a quarter into line 1 */
  g_assert_cmpint (tl_retime_map_apply (map, 6000000, FALSE), ==, 9000000);
  /* line 3 starts inside line 1: its start is left out, its end kept */
  g_assert_cmpint (tl_retime_map_apply (map, 6500000, FALSE), ==, 9500000);
  g_assert_cmpint (tl_retime_map_apply (map, 7000000, FALSE), ==, 10000000);
  /* before the first line and after the last: their shift, never below 0 */
  g_assert_cmpint (tl_retime_map_apply (map, 500000, FALSE), ==, 1500000);
  g_assert_cmpint (tl_retime_map_apply (map, 8000000, FALSE), ==, 11000000);
  /* where one line ends and the next starts, a start goes with the next
   * line and an end stays with the one before */
  {
    TlSegmentTiming touching_old[2] = { { 1000000, 2000000, -1, NULL, FALSE }, { 2000000, 3000000, -1, NULL, FALSE } };
    TlSegmentTiming touching_new[2] = { { 1000000, 1500000, -1, NULL, FALSE }, { 2500000, 3000000, -1, NULL, FALSE } };
    g_autoptr(TlRetimeMap) touching = tl_retime_map_new (touching_old, touching_new, 2);

    g_assert_cmpint (tl_retime_map_apply (touching, 2000000, FALSE), ==, 2500000);
    g_assert_cmpint (tl_retime_map_apply (touching, 2000000, TRUE), ==, 1500000);
    g_assert_cmpint (tl_retime_map_apply (touching, 1000000, TRUE), ==, 1000000);
    g_assert_cmpint (tl_retime_map_apply (touching, 3000000, FALSE), ==, 3000000);
  }
  tl_retime_map_free (g_steal_pointer (&map));
  new[0].start = 0;
  map = tl_retime_map_new (old, new, 4);
  g_assert_cmpint (tl_retime_map_apply (map, 0, FALSE), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/retime/between-taps", test_between_taps);
  g_test_add_func ("/core/retime/by-length", test_by_length);
  g_test_add_func ("/core/retime/no-going-back", test_no_going_back);
  g_test_add_func ("/core/retime/map", test_map);
  return g_test_run ();
}
