/* test-text.c: reading times: what is a time, what is not, and what is
 * a time no media has. */
#include <math.h>

#include "tl-text.h"

static void
assert_clock (const char *str, TlTimeScan expected, gint64 expected_usec, gsize expected_end)
{
  gint64 usec = G_MININT64;
  const char *end = NULL;
  TlTimeScan scan = tl_scan_clock (str, &end, &usec);

  g_assert_cmpint (scan, ==, expected);
  if (expected == TL_TIME_SCAN_OK)
    g_assert_cmpint (usec, ==, expected_usec);
  else
    g_assert_cmpint (usec, ==, G_MININT64);
  if (expected != TL_TIME_SCAN_NONE)
    g_assert_cmpuint (end - str, ==, expected_end);
  /* tl_parse_clock() takes only the times media can have */
  g_assert_cmpint (tl_parse_clock (str, NULL, &usec), ==, expected == TL_TIME_SCAN_OK);
}

static void
test_clock (void)
{
  assert_clock ("01:02:03,5", TL_TIME_SCAN_OK, G_GINT64_CONSTANT (3723500000), 10);
  assert_clock ("  59:59.999999 rest", TL_TIME_SCAN_OK, G_GINT64_CONSTANT (3599999999), 14);
  assert_clock ("9999:59:59.999999", TL_TIME_SCAN_OK, G_GINT64_CONSTANT (35999999999999), 17);
  assert_clock ("00:00:00000000000000000000000001", TL_TIME_SCAN_OK, 1000000, 32);
  assert_clock ("1:60", TL_TIME_SCAN_NONE, 0, 0);
  assert_clock ("12", TL_TIME_SCAN_NONE, 0, 0);
  assert_clock ("-", TL_TIME_SCAN_NONE, 0, 0);
  /* written as times, but past 10,000 hours or before the start: these
   * overflowed 64 bits (undefined behaviour) or were not times at all */
  assert_clock ("10000:00:00.000001", TL_TIME_SCAN_RANGE, 0, 18);
  assert_clock ("9999999999999999:59:59,999 -->", TL_TIME_SCAN_RANGE, 0, 26);
  assert_clock ("999999999999999999:00.000", TL_TIME_SCAN_RANGE, 0, 25);
  assert_clock ("99999999999999999999999999999999:00:00", TL_TIME_SCAN_RANGE, 0, 38);
  assert_clock ("-00:00:01,000", TL_TIME_SCAN_RANGE, 0, 13);
}

static void
test_seconds (void)
{
  gint64 usec = 0;
  const char *end = NULL;
  static const char huge[] = "777777777777777777";
  static const char longer[] = "1234567890123456789012345678901234567890.5 rest";

  g_assert_cmpint (tl_scan_seconds ("12.72", &end, &usec), ==, TL_TIME_SCAN_OK);
  g_assert_cmpint (usec, ==, 12720000);
  g_assert_cmpint (tl_scan_seconds ("-0.5", &end, &usec), ==, TL_TIME_SCAN_OK);
  g_assert_cmpint (usec, ==, -500000);
  g_assert_cmpint (tl_scan_seconds ("36000000", &end, &usec), ==, TL_TIME_SCAN_OK);
  g_assert_cmpint (usec, ==, G_GINT64_CONSTANT (36000000000000));
  g_assert_cmpint (tl_scan_seconds ("36000000.000001", &end, &usec), ==, TL_TIME_SCAN_RANGE);
  g_assert_cmpint (tl_scan_seconds (huge, &end, &usec), ==, TL_TIME_SCAN_RANGE);
  g_assert_true (end == huge + sizeof huge - 1);
  g_assert_false (tl_parse_seconds (huge, NULL, &usec));
  g_assert_cmpint (tl_scan_seconds (longer, &end, &usec), ==, TL_TIME_SCAN_RANGE);
  g_assert_cmpstr (end, ==, " rest");
  g_assert_cmpint (tl_scan_seconds ("-99999999999", &end, &usec), ==, TL_TIME_SCAN_RANGE);
  g_assert_cmpint (tl_scan_seconds ("abc", &end, &usec), ==, TL_TIME_SCAN_NONE);
}

static void
test_from_double (void)
{
  gint64 usec = 0;

  g_assert_cmpint (tl_time_from_seconds (71.03999999999999, &usec), ==, TL_TIME_SCAN_OK);
  g_assert_cmpint (usec, ==, 71040000);
  g_assert_cmpint (tl_time_from_seconds (36000000.0, &usec), ==, TL_TIME_SCAN_OK);
  g_assert_cmpint (tl_time_from_seconds (1e300, &usec), ==, TL_TIME_SCAN_RANGE);
  g_assert_cmpint (tl_time_from_seconds (-1e300, &usec), ==, TL_TIME_SCAN_RANGE);
  g_assert_cmpint (tl_time_from_seconds (INFINITY, &usec), ==, TL_TIME_SCAN_RANGE);
  g_assert_cmpint (tl_time_from_seconds (NAN, &usec), ==, TL_TIME_SCAN_RANGE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/text/scan-clock", test_clock);
  g_test_add_func ("/core/text/scan-seconds", test_seconds);
  g_test_add_func ("/core/text/time-from-seconds", test_from_double);
  return g_test_run ();
}
