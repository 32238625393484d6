/* test-import-srt.c: SubRip, on hand-made edge cases. */
#include <string.h>

#include "tl-test-import.h"

static TlDocument *
import (const char *text, guint *line, GError **error)
{
  return tl_import_bytes ("test.srt", text, strlen (text), NULL, line, error);
}

static void
test_basic (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = import ("1\n00:00:01,000 --> 00:00:02,500\nHello <i>there</i>,\n"
                                      "general &amp; friends.\n\n2\n00:00:03,000 --> 00:00:04,000\n{\\an8}Top line\n", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (doc->format, ==, "srt");
  g_assert_cmpint (doc->timing, ==, TL_TIMING_NATIVE);
  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment_text (doc, 0, 1000000, 2500000, "Hello there, general & friends.");
  tl_test_assert_segment_text (doc, 1, 3000000, 4000000, "Top line");
  g_assert_cmpuint (tl_document_get_segment (doc, 0)->line, ==, 2);
}

static void
test_tolerant_times (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = import ("00:01:39 --> 00:01:41,04\nno number, no fraction\n\n"
                                      "00:02:04.5 --> 123:00:00.000 X1:40 X2:600 Y1:20 Y2:50\n"
                                      "dot, hours past 99, coordinates\n", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment_text (doc, 0, 99000000, 101040000, "no number, no fraction");
  tl_test_assert_segment_text (doc, 1, 124500000, G_GINT64_CONSTANT (123) * 3600 * 1000000,
                               "dot, hours past 99, coordinates");
}

static void
test_speaker_labels (void)
{
  g_autoptr(TlDocument) doc = import ("1\n00:00:01,000 --> 00:00:02,000\nMAN:\nHow did we end up here?\n\n"
                                      "2\n00:00:03,000 --> 00:00:04,000\n>> DR. LEE: It was the fog.\n\n"
                                      "3\n00:00:05,000 --> 00:00:06,000\nNOTE THIS well\n", NULL, NULL);

  g_assert_cmpstr (tl_document_get_segment (doc, 0)->speaker, ==, "MAN");
  g_assert_cmpstr (tl_document_get_segment (doc, 0)->text, ==, "How did we end up here?");
  g_assert_cmpstr (tl_document_get_segment (doc, 1)->speaker, ==, "DR. LEE");
  g_assert_cmpstr (tl_document_get_segment (doc, 1)->text, ==, "It was the fog.");
  g_assert_null (tl_document_get_segment (doc, 2)->speaker);
}

static void
test_recovery_warnings (void)
{
  g_autoptr(TlDocument) doc = import ("1\n00:00:01,000 --> 00:00:02,000\nfirst\n\n"
                                      "2\nlost its timing line\n\n"
                                      "3\n00:00:05,000 --> 00:00:04,000\nends before it starts\n\n"
                                      "4\n00:00:06,000 --> 00:00:07,000\n1984\nwas a year\n", NULL, NULL);

  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment_text (doc, 1, 6000000, 7000000, "1984 was a year");
  g_assert_cmpuint (doc->warnings->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 0), ==, "line 6: text without a timing line left out");
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 1), ==, "line 9: end time before start time; line left out");
}

/* A file of nothing but cues that end before they start is refused, and
 * the message names the first one's line. */
static void
test_only_inverted (void)
{
  g_autoptr(GError) error = NULL;
  guint line = 0;
  TlDocument *doc = import ("\n1\n00:00:05,000 --> 00:00:04,000\nbackwards\n\n"
                            "2\n00:00:09,000 --> 00:00:08,000\nagain\n", &line, &error);

  g_assert_null (doc);
  g_assert_nonnull (error);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpstr (error->message, ==, "end time before start time, and no other lines to keep");
}

static void
test_order_and_marks (void)
{
  g_autoptr(TlDocument) doc = import ("1\n00:00:05,000 --> 00:00:06,000\nlater\n\n"
                                      "2\n00:00:01,000 --> 00:00:02,000\n[APPLAUSE]\n\n"
                                      "3\n00:00:01,000 --> 00:00:03,000\n\xE2\x99\xAA la la \xE2\x99\xAA\n", NULL, NULL);

  tl_test_assert_segment_text (doc, 0, 1000000, 2000000, "[APPLAUSE]");
  tl_test_assert_segment_text (doc, 1, 1000000, 3000000, "\xE2\x99\xAA la la \xE2\x99\xAA");
  tl_test_assert_segment_text (doc, 2, 5000000, 6000000, "later");
  g_assert_true (tl_document_get_segment (doc, 0)->non_speech);
  g_assert_true (tl_document_get_segment (doc, 1)->non_speech);
  g_assert_false (tl_document_get_segment (doc, 2)->non_speech);
}

static void
test_empty_cue_and_prose (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = NULL;
  static const char empty_cue[] = "1\n00:00:01,000 --> 00:00:02,000\n\n\n2\n00:00:03,000 --> 00:00:04,000\nsaid\n";

  /* a cue whose text is empty is kept: it is timed, and other tools count it */
  doc = tl_import_bytes ("x.srt", empty_cue, sizeof empty_cue - 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment_text (doc, 0, 1000000, 2000000, "");
  /* forced as SRT, a file of prose has no cues */
  g_assert_null (tl_import_bytes ("x.srt", "just words\nmore words\n", 22, "srt", NULL, &error));
  g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_PARSE);
}

/* Hours that overflowed a 64-bit count of microseconds were stored as
 * whatever the overflow left: such a cue is left out, with its line. */
static void
test_time_overflow (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = import ("1\n9999999999999999:59:59,999 --> 9999999999999999:59:59,999\nnever\n\n"
                                      "2\n00:00:01,000 --> 00:00:02,000\nkept\n\n"
                                      "3\n00:00:03,000 --> 10000:00:00,001\njust too late\n\n"
                                      "4\n9999:59:59,000 --> 9999:59:59,999\nlate but in range\n", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment_text (doc, 0, 1000000, 2000000, "kept");
  tl_test_assert_segment_text (doc, 1, G_GINT64_CONSTANT (35999999000000), G_GINT64_CONSTANT (35999999999000),
                               "late but in range");
  tl_test_assert_warnings (doc,
                           "line 2: time “9999999999999999:59:59,999” is past 10000 hours; cue left out",
                           "line 10: time “10000:00:00,001” is past 10000 hours; cue left out",
                           NULL);
}

/* A negative time refused the whole file as "not a SubRip file" when it
 * came first, since the sniffer did not take its line for a timing line;
 * now that cue alone is left out. */
static void
test_negative_time (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = import ("1\n-00:00:01,000 --> 00:00:02,000\nbefore the start\n\n"
                                      "2\n00:00:03,000 --> 00:00:04,000\nkept\n\n"
                                      "3\n00:00:05,000 --> -00:00:06,000\nends before the start\n", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (doc->format, ==, "srt");
  g_assert_cmpuint (doc->segments->len, ==, 1);
  tl_test_assert_segment_text (doc, 0, 3000000, 4000000, "kept");
  tl_test_assert_warnings (doc,
                           "line 2: time “-00:00:01,000” is negative; cue left out",
                           "line 10: time “-00:00:06,000” is negative; cue left out",
                           NULL);
}

/* A file of nothing but such cues is refused, naming the first. */
static void
test_only_out_of_range (void)
{
  g_autoptr(GError) error = NULL;
  guint line = 0;
  TlDocument *doc = import ("\n1\n99999:00:00,000 --> 99999:00:01,000\nlate\n\n"
                            "2\n-00:00:01,000 --> 00:00:02,000\nearly\n", &line, &error);

  g_assert_null (doc);
  g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_PARSE);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpstr (error->message, ==, "time “99999:00:00,000” is past 10000 hours, and no other cues to keep");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/import/srt/basic", test_basic);
  g_test_add_func ("/core/import/srt/tolerant-times", test_tolerant_times);
  g_test_add_func ("/core/import/srt/speaker-labels", test_speaker_labels);
  g_test_add_func ("/core/import/srt/recovery-warnings", test_recovery_warnings);
  g_test_add_func ("/core/import/srt/only-inverted", test_only_inverted);
  g_test_add_func ("/core/import/srt/order-and-marks", test_order_and_marks);
  g_test_add_func ("/core/import/srt/empty-cue-and-prose", test_empty_cue_and_prose);
  g_test_add_func ("/core/import/srt/time-overflow", test_time_overflow);
  g_test_add_func ("/core/import/srt/negative-time", test_negative_time);
  g_test_add_func ("/core/import/srt/only-out-of-range", test_only_out_of_range);
  return g_test_run ();
}
