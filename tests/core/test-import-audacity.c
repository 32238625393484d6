/* test-import-audacity.c: Audacity label files: precise times, spectral
 * lines, overlapping and point labels, and what is refused. */
#include "tl-test-import.h"

static guint
sniff (const char *text)
{
  return tl_test_sniff ("audacity", text);
}

static void
test_basic (void)
{
  const char *text =
    "0.000\t2.680\tOne\n"
    "2.680\t5.880\tFrom fairest creatures we desire increase,\n"
    "5.880\t9.240\tThat thereby beauty's rose might never die,";
  g_autoptr(TlDocument) doc = NULL;

  g_assert_cmpuint (sniff (text), ==, 85);
  doc = tl_test_import_ok ("audacity", text);
  g_assert_cmpint (doc->timing, ==, TL_TIMING_NATIVE);
  g_assert_cmpuint (doc->segments->len, ==, 3);
  g_assert_cmpuint (doc->warnings->len, ==, 0);
  tl_test_assert_segment_line (doc, 0, 0, 2680000, NULL, "One", 1);
  tl_test_assert_segment_line (doc, 1, 2680000, 5880000, NULL, "From fairest creatures we desire increase,", 2);
  /* no final newline */
  tl_test_assert_segment_line (doc, 2, 5880000, 9240000, NULL, "That thereby beauty's rose might never die,", 3);
}

/* newer Audacity writes ten decimals; microseconds are kept, the rest cut */
static void
test_precise (void)
{
  const char *text =
    "0.0\t0.7698181682\tSIL\n"
    "28.3453109001\t29.1013341213\tE\n"
    "3599.9999999999\t3600.0000005\tlast\n";
  g_autoptr(TlDocument) doc = tl_test_import_ok ("audacity", text);

  g_assert_cmpuint (doc->segments->len, ==, 3);
  tl_test_assert_segment_line (doc, 0, 0, 769818, NULL, "SIL", 1);
  tl_test_assert_segment_line (doc, 1, 28345311, 29101334, NULL, "E", 2); /* rounded to the nearest µs */
  tl_test_assert_segment_line (doc, 2, 3600000000, 3600000001, NULL, "last", 3);
}

/* labels with a frequency range are followed by "\<TAB>low<TAB>high" */
static void
test_spectral (void)
{
  const char *text =
    "1.500000\t2.250000\tbird\n"
    "\\\t400.000000\t8000.000000\n"
    "3.000000\t3.500000\tdog\n"
    "\\\t100.000000\t1200.000000\n";
  g_autoptr(TlDocument) doc = NULL;

  g_assert_cmpuint (sniff (text), ==, 85);
  doc = tl_test_import_ok ("audacity", text);
  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment_line (doc, 0, 1500000, 2250000, NULL, "bird", 1);
  tl_test_assert_segment_line (doc, 1, 3000000, 3500000, NULL, "dog", 3);
}

/* overlaps are real (two birds at once); later labels may start earlier */
static void
test_overlaps (void)
{
  const char *text =
    "4.8755150652\t5.5349650372\tH\n"
    "5.5239282176\t6.5558708516\tE\n"
    "2.0\t7.0\tunder both\n"
    "2.0\t2.5\tsame start\n";
  g_autoptr(TlDocument) doc = tl_test_import_ok ("audacity", text);

  g_assert_cmpuint (doc->segments->len, ==, 4);
  /* sorted by start; equal starts keep the file's order */
  tl_test_assert_segment_line (doc, 0, 2000000, 7000000, NULL, "under both", 3);
  tl_test_assert_segment_line (doc, 1, 2000000, 2500000, NULL, "same start", 4);
  tl_test_assert_segment_line (doc, 2, 4875515, 5534965, NULL, "H", 1);
  tl_test_assert_segment_line (doc, 3, 5523928, 6555871, NULL, "E", 2);
  g_assert_cmpuint (doc->warnings->len, ==, 0);
}

static void
test_points_and_empty (void)
{
  const char *text =
    "\n"
    "1.25\t1.25\tclap\n"
    "2\t4\t\n"
    "5\t6\n"
    "7.5\t8.5\t  two  spaces\tand a tab  \n"
    "\n";
  g_autoptr(TlDocument) doc = NULL;

  g_assert_cmpuint (sniff (text), ==, 85);
  doc = tl_test_import_ok ("audacity", text);
  g_assert_cmpuint (doc->segments->len, ==, 4);
  tl_test_assert_segment_line (doc, 0, 1250000, 1250000, NULL, "clap", 2);
  /* a label without text still marks a region someone chose */
  tl_test_assert_segment_line (doc, 1, 2000000, 4000000, NULL, "", 3);
  tl_test_assert_segment_line (doc, 2, 5000000, 6000000, NULL, "", 4);
  tl_test_assert_segment_line (doc, 3, 7500000, 8500000, NULL, "two spaces and a tab", 5);
}

/* versions that followed the locale wrote "1,5"; some tools write spaces */
static void
test_tolerant (void)
{
  const char *text =
    "1,500000\t2,250000\tKomma\n"
    "3.0 4.0 spaces between\n";
  g_autoptr(TlDocument) doc = tl_test_import_as ("audacity", text);

  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment_line (doc, 0, 1500000, 2250000, NULL, "Komma", 1);
  tl_test_assert_segment_line (doc, 1, 3000000, 4000000, NULL, "spaces between", 2);
}

static void
test_end_before_start (void)
{
  const char *text = "1.0\t2.0\tfine\n5.0\t4.0\tbackwards\n";
  g_autoptr(TlDocument) doc = tl_test_import_ok ("audacity", text);

  g_assert_cmpuint (doc->segments->len, ==, 1);
  tl_test_assert_segment_line (doc, 0, 1000000, 2000000, NULL, "fine", 1);
  g_assert_cmpuint (doc->warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 0), ==,
                   "line 2: end time before start time; line left out");
}

static void
test_broken_line (void)
{
  const char *text = "1.0\t2.0\tfine\n2.0\t3.0\tfine too\nsomething else\n";
  const char *no_end = "1.0\t2.0\tfine\n3.5\n";

  tl_test_assert_import_fails ("audacity", text, 3,
                               "expected a start and an end time in seconds, separated by a tab");
  tl_test_assert_import_fails ("audacity", no_end, 2, NULL);
  tl_test_assert_import_fails ("audacity", "\\\t100\t200\n", 0, NULL);
}

static void
test_sniff (void)
{
  g_assert_cmpuint (sniff ("0.5\t1.5\n"), ==, 85);
  /* what other formats look like */
  g_assert_cmpuint (sniff ("1\n00:00:01,000 --> 00:00:02,000\nHi\n"), ==, 0);
  g_assert_cmpuint (sniff ("[00:00:01] Jane: Hi\n[00:00:05] Joe: Yo\n"), ==, 0);
  g_assert_cmpuint (sniff ("0:00:01.000,0:00:02.000\nHi\n"), ==, 0);
  g_assert_cmpuint (sniff ("{\"segments\": []}"), ==, 0);
  /* spaces, not tabs, are not what Audacity writes */
  g_assert_cmpuint (sniff ("1.0 2.0 label\n"), ==, 0);
  /* one stranger among the first lines spoils it */
  g_assert_cmpuint (sniff ("1.0\t2.0\ta\n2.0\t3.0\tb\nname\tvalue\n"), ==, 0);
  g_assert_cmpuint (sniff ("1.0\t2.0x\ta\n"), ==, 0);
  g_assert_cmpuint (sniff ("\n\n"), ==, 0);
  g_assert_cmpuint (sniff ("\\\t100\t200\n"), ==, 0);
}

/* Seconds past what 64 bits of microseconds hold were stored as garbage;
 * such a label is left out, with its line, and the others kept. */
static void
test_time_overflow (void)
{
  g_autoptr(TlDocument) doc = tl_test_import_ok ("audacity",
                                                 "777777777777777777\t777777777777777778\tnever\n"
                                                 "1.0\t2.0\tkept\n"
                                                 "3.0\t36000001\ttoo late\n"
                                                 "-0.5\t0.5\tbefore the start, as Audacity allows\n");

  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment_line (doc, 0, -500000, 500000, NULL, "before the start, as Audacity allows", 4);
  tl_test_assert_segment_line (doc, 1, 1000000, 2000000, NULL, "kept", 2);
  tl_test_assert_warnings (doc,
                           "line 1: time “777777777777777777” is past 10000 hours; label left out",
                           "line 3: time “36000001” is past 10000 hours; label left out",
                           NULL);
  tl_test_assert_import_fails ("audacity", "99999999999\t99999999999\tlate\n", 1,
                               "time past 10000 hours, and no other labels to keep");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/import/audacity/basic", test_basic);
  g_test_add_func ("/core/import/audacity/precise", test_precise);
  g_test_add_func ("/core/import/audacity/spectral", test_spectral);
  g_test_add_func ("/core/import/audacity/overlaps", test_overlaps);
  g_test_add_func ("/core/import/audacity/points-and-empty", test_points_and_empty);
  g_test_add_func ("/core/import/audacity/tolerant", test_tolerant);
  g_test_add_func ("/core/import/audacity/end-before-start", test_end_before_start);
  g_test_add_func ("/core/import/audacity/broken-line", test_broken_line);
  g_test_add_func ("/core/import/audacity/sniff", test_sniff);

  g_test_add_func ("/core/import/audacity/time-overflow", test_time_overflow);
  return g_test_run ();
}
