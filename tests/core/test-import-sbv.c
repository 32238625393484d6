/* test-import-sbv.c: the YouTube SubViewer importer on hand-made files. */
#include <string.h>

#include "tl-test-import.h"

#define MS(n) ((gint64) (n) * G_GINT64_CONSTANT (1000))

/* Sniffed, as a dropped file would be. */
static TlDocument *
import_ok (const char *text)
{
  return tl_test_import_timed ("sbv", text);
}

static void
test_sniff (void)
{
  static const struct {
    const char *text;
    guint score;
  } cases[] = {
    { "0:00:00.378,0:00:11.378\nCaption text #1\n", 80 },
    { "\n\n0:00:00.378,0:00:11.378\nCaption\n", 80 },
    { "10:00:00.000,10:00:01.500\nLate\n", 80 },
    { "0:00:01,0:00:02\nNo fractions\n", 80 },
    { "0:00:00.378 0:00:11.378\nno comma\n", 0 },
    { "0:00:00.378,0:00:11.378 extra\ntext\n", 0 },
    { "1\n00:00:01,000 --> 00:00:02,000\nSubRip\n", 0 },
    { "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", 0 },
    { "Caption text\n0:00:00.378,0:00:11.378\n", 0 },
    { "", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (tl_importer_sbv.sniff (cases[i].text, strlen (cases[i].text)), ==,
                      cases[i].score);
  g_assert_true (tl_importer_find ("sbv") == &tl_importer_sbv);
  g_assert_cmpstr (tl_importer_sbv.label, ==, "YouTube SubViewer");
}

static void
test_basic (void)
{
  /* two text lines join with a space; no final newline */
  g_autoptr(TlDocument) doc = import_ok ("0:00:00.378,0:00:11.378\n"
                                         "Caption text #1\n"
                                         "\n"
                                         "0:00:13.489,0:00:15.489\n"
                                         "Caption text #3 (line 1)\n"
                                         "Caption text #3 (line 2)\n"
                                         "\n"
                                         "1:02:03.004,1:02:05.060\n"
                                         "Last");

  g_assert_cmpuint (doc->segments->len, ==, 3);
  tl_test_assert_segment_line (doc, 0, MS (378), MS (11378), NULL, "Caption text #1", 1);
  tl_test_assert_segment_line (doc, 1, MS (13489), MS (15489), NULL,
                               "Caption text #3 (line 1) Caption text #3 (line 2)", 4);
  tl_test_assert_segment_line (doc, 2, MS (3723004), MS (3725060), NULL, "Last", 8);
  g_assert_cmpuint (doc->warnings->len, ==, 0);
  g_assert_cmpuint (doc->words->len, ==, 0);
}

static void
test_times (void)
{
  g_autoptr(TlDocument) doc = import_ok ("0:00:01,0:00:02\n"
                                         "No fractions\n"
                                         "\n"
                                         "0:00:03,500,0:00:04,250\n"
                                         "Commas before the fractions\n"
                                         "\n"
                                         "0:00:05.5,0:00:06.25  \n"
                                         "Short fractions, trailing spaces\n"
                                         "\n"
                                         "120:00:00.000,120:00:01.000\n"
                                         "Hours past 99\n");

  g_assert_cmpuint (doc->segments->len, ==, 4);
  tl_test_assert_segment_line (doc, 0, MS (1000), MS (2000), NULL, "No fractions", 1);
  tl_test_assert_segment_line (doc, 1, MS (3500), MS (4250), NULL, "Commas before the fractions", 4);
  tl_test_assert_segment_line (doc, 2, MS (5500), MS (6250), NULL, "Short fractions, trailing spaces", 7);
  tl_test_assert_segment_line (doc, 3, G_GINT64_CONSTANT (432000000000), G_GINT64_CONSTANT (432001000000), NULL,
                               "Hours past 99", 10);
  g_assert_cmpuint (doc->warnings->len, ==, 0);
}

static void
test_end_before_start (void)
{
  /* the cue whose end comes before its start is left out with a warning */
  g_autoptr(TlDocument) doc = import_ok ("0:00:15.489,0:00:16.234\n"
                                         "Caption text #4\n"
                                         "\n"
                                         "0:00:17.484,0:00:16.543\n"
                                         "Caption text #5");

  g_assert_cmpuint (doc->segments->len, ==, 1);
  tl_test_assert_segment_line (doc, 0, MS (15489), MS (16234), NULL, "Caption text #4", 1);
  g_assert_cmpuint (doc->warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 0), ==,
                   "line 4: end time before start time; line left out");
}

static void
test_no_blank_line (void)
{
  /* a timing line starts a cue even straight after the text of another;
   * extra blank lines (and lines of spaces) separate nothing more */
  g_autoptr(TlDocument) doc = import_ok ("\n"
                                         "0:00:01.000,0:00:02.000\n"
                                         "First\n"
                                         "0:00:02.000,0:00:03.000\n"
                                         "Second\n"
                                         "\n"
                                         "   \n"
                                         "\n"
                                         "0:00:03.000,0:00:04.000\n"
                                         "Third\n");

  g_assert_cmpuint (doc->segments->len, ==, 3);
  tl_test_assert_segment_line (doc, 0, MS (1000), MS (2000), NULL, "First", 2);
  tl_test_assert_segment_line (doc, 1, MS (2000), MS (3000), NULL, "Second", 4);
  tl_test_assert_segment_line (doc, 2, MS (3000), MS (4000), NULL, "Third", 9);
  g_assert_cmpuint (doc->warnings->len, ==, 0);
}

static void
test_text (void)
{
  /* markup and entities some tools leave in; a cue without text is kept,
   * as SubRip keeps it; sound marks are flagged */
  g_autoptr(TlDocument) doc = import_ok ("0:00:01.000,0:00:02.000\n"
                                         "&gt;&gt; <i>Hello</i>   there\n"
                                         "\n"
                                         "0:00:02.000,0:00:03.000\n"
                                         "\n"
                                         "0:00:03.000,0:00:04.000\n"
                                         "[Music]\n");

  g_assert_cmpuint (doc->segments->len, ==, 3);
  tl_test_assert_segment_line (doc, 0, MS (1000), MS (2000), NULL, ">> Hello there", 1);
  tl_test_assert_segment_line (doc, 1, MS (2000), MS (3000), NULL, "", 4);
  tl_test_assert_segment_line (doc, 2, MS (3000), MS (4000), NULL, "[Music]", 6);
  g_assert_false (tl_document_get_segment (doc, 0)->non_speech);
  g_assert_true (tl_document_get_segment (doc, 2)->non_speech);
}

static void
test_stray_text (void)
{
  /* a block that lost its timing line is reported once, at its first line */
  g_autoptr(TlDocument) doc = import_ok ("0:00:01.000,0:00:02.000\n"
                                         "Kept\n"
                                         "\n"
                                         "0:00:02.000-0:00:03.000\n"
                                         "Lost\n"
                                         "\n"
                                         "0:00:04.000,0:00:05.000\n"
                                         "Kept too\n");

  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment_line (doc, 0, MS (1000), MS (2000), NULL, "Kept", 1);
  tl_test_assert_segment_line (doc, 1, MS (4000), MS (5000), NULL, "Kept too", 7);
  g_assert_cmpuint (doc->warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 0), ==,
                   "line 4: text without a timing line left out");
}

static void
test_not_sbv (void)
{
  /* asked for by name, a file with no timing line is refused at its
   * first stray line */
  tl_test_assert_import_fails ("sbv", "\nhello\nworld\n", 2, NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/import/sbv/sniff", test_sniff);
  g_test_add_func ("/core/import/sbv/basic", test_basic);
  g_test_add_func ("/core/import/sbv/times", test_times);
  g_test_add_func ("/core/import/sbv/end-before-start", test_end_before_start);
  g_test_add_func ("/core/import/sbv/no-blank-line", test_no_blank_line);
  g_test_add_func ("/core/import/sbv/text", test_text);
  g_test_add_func ("/core/import/sbv/stray-text", test_stray_text);
  g_test_add_func ("/core/import/sbv/not-sbv", test_not_sbv);

  return g_test_run ();
}
