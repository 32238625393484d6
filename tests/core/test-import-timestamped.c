/* test-import-timestamped.c: every timestamped-text style Tagline reads,
 * speakers, continuation lines, stage directions, Markdown, and sniffing
 * that leaves subtitles to their own importers. */
#include "tl-test-import.h"

static guint
sniff (const char *text)
{
  return tl_test_sniff ("timestamped", text);
}

/* Imports @text by sniffing, which must pick this importer. */
static TlDocument *
import_sniffed (const char *text)
{
  g_assert_cmpuint (sniff (text), ==, 70);
  return tl_test_import_timed ("timestamped", text);
}

#define S(sec) ((gint64) (sec) * G_GINT64_CONSTANT (1000000))

static void
test_bracketed_speakers (void)
{
  g_autoptr(TlDocument) doc = import_sniffed (
    "[00:01:23] Jane Doe: Welcome back to the show.\n"
    "[00:01:30] Speaker 2: Thanks for having me.\n"
    "[01:02:03] Dr. Lee: One hour in.\n");

  g_assert_cmpuint (doc->segments->len, ==, 3);
  g_assert_cmpuint (doc->warnings->len, ==, 0);
  /* each ends where the next starts; the last has no end */
  tl_test_assert_segment (doc, 0, S (83), S (90), "Jane Doe", "Welcome back to the show.");
  tl_test_assert_segment (doc, 1, S (90), S (3723), "Speaker 2", "Thanks for having me.");
  tl_test_assert_segment (doc, 2, S (3723), TL_TIME_NONE, "Dr. Lee", "One hour in.");
  g_assert_cmpuint (tl_document_get_segment (doc, 0)->line, ==, 1);
  g_assert_cmpuint (tl_document_get_segment (doc, 2)->line, ==, 3);
}

static void
test_minutes_only (void)
{
  g_autoptr(TlDocument) doc = import_sniffed (
    "[00:05] So it begins.\n"
    "[01:23] And here: a colon that names nobody.\n"
    "[125:00] Two hours in, still going.\n");

  g_assert_cmpuint (doc->segments->len, ==, 3);
  tl_test_assert_segment (doc, 0, S (5), S (83), NULL, "So it begins.");
  /* "And here" is the start of a sentence, not a speaker */
  tl_test_assert_segment (doc, 1, S (83), S (7500), NULL, "And here: a colon that names nobody.");
  tl_test_assert_segment (doc, 2, S (7500), TL_TIME_NONE, NULL, "Two hours in, still going.");
}

static void
test_unbracketed (void)
{
  g_autoptr(TlDocument) doc = import_sniffed (
    "00:00:02 Host: Hello.\n"
    "00:00:04 - Guest: Hi.\n"
    "0:00:07 | no speaker here\n");

  g_assert_cmpuint (doc->segments->len, ==, 3);
  tl_test_assert_segment (doc, 0, S (2), S (4), "Host", "Hello.");
  tl_test_assert_segment (doc, 1, S (4), S (7), "Guest", "Hi.");
  tl_test_assert_segment (doc, 2, S (7), TL_TIME_NONE, NULL, "no speaker here");
}

static void
test_parenthesized (void)
{
  g_autoptr(TlDocument) doc = import_sniffed (
    "(00:10) First thing.\n"
    "(01:23) Second thing.\n");

  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment (doc, 0, S (10), S (83), NULL, "First thing.");
  tl_test_assert_segment (doc, 1, S (83), TL_TIME_NONE, NULL, "Second thing.");
}

/* the shape of the orbit.fm transcripts: tenths of a second, bold names,
 * stage directions on lines of their own */
static void
test_markdown_bold (void)
{
  g_autoptr(TlDocument) doc = import_sniffed (
    "(Intro music: Electro Swing)\n"
    "\n"
    "0:00:14.2 **Adam Garrett-Harris** Welcome to BookBytes.\n"
    "\n"
    "0:00:21.4 **Jen Luker:** I’m Jennifer Luker.\n"
    "\n"
    "0:00:22.5 **Safia Abdalla** (laughs) Yes, I do.\n"
    "\n"
    "(Exit music: Electro Swing)\n");

  g_assert_cmpuint (doc->segments->len, ==, 3);
  g_assert_cmpuint (doc->warnings->len, ==, 0);
  tl_test_assert_segment (doc, 0, 14200000, 21400000, "Adam Garrett-Harris", "Welcome to BookBytes.");
  tl_test_assert_segment (doc, 1, 21400000, 22500000, "Jen Luker", "I’m Jennifer Luker.");
  /* a mark inside what was said stays, and the line is speech */
  tl_test_assert_segment (doc, 2, 22500000, TL_TIME_NONE, "Safia Abdalla", "(laughs) Yes, I do.");
  g_assert_false (tl_document_get_segment (doc, 2)->non_speech);
}

/* Otter: "Name  0:00" on its own line, the paragraph below it */
static void
test_otter_headers (void)
{
  g_autoptr(TlDocument) doc = import_sniffed (
    "Speaker 1  0:00\n"
    "Hello and welcome.\n"
    "This line continues the paragraph.\n"
    "\n"
    "Émile Zola  1:02:03\n"
    "J’accuse.\n"
    "\n"
    "Speaker 1  1:02:10\n"
    "Thank you.\n");

  g_assert_cmpuint (doc->segments->len, ==, 3);
  tl_test_assert_segment (doc, 0, 0, S (3723), "Speaker 1",
                          "Hello and welcome. This line continues the paragraph.");
  tl_test_assert_segment (doc, 1, S (3723), S (3730), "Émile Zola", "J’accuse.");
  tl_test_assert_segment (doc, 2, S (3730), TL_TIME_NONE, "Speaker 1", "Thank you.");
  g_assert_cmpuint (tl_document_get_segment (doc, 1)->line, ==, 5);
}

/* Rev: "Name (01:23):" */
static void
test_rev_headers (void)
{
  g_autoptr(TlDocument) doc = import_sniffed (
    "Jane Doe (00:00):\n"
    "Let's start.\n"
    "\n"
    "John van der Berg (01:05:30):\n"
    "Sure.\n");

  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment (doc, 0, 0, S (3930), "Jane Doe", "Let's start.");
  tl_test_assert_segment (doc, 1, S (3930), TL_TIME_NONE, "John van der Berg", "Sure.");
}

static void
test_fractions (void)
{
  g_autoptr(TlDocument) doc = import_sniffed (
    "[00:01:23.45] Hundredths.\n"
    "[00:01:24,5] Comma.\n"
    "[00:01:25.123456789] More digits than µs.\n");

  g_assert_cmpuint (doc->segments->len, ==, 3);
  tl_test_assert_segment (doc, 0, 83450000, 84500000, NULL, "Hundredths.");
  tl_test_assert_segment (doc, 1, 84500000, 85123457, NULL, "Comma."); /* rounded to the nearest µs */
  tl_test_assert_segment (doc, 2, 85123457, TL_TIME_NONE, NULL, "More digits than µs.");
}

/* frames of an SMPTE timecode are dropped; a range gives the end */
static void
test_timecode_and_ranges (void)
{
  g_autoptr(TlDocument) doc = import_sniffed (
    "[00:00:01:12] Frames dropped.\n"
    "[00:00:05 - 00:00:07] A range.\n"
    "[00:00:09 – 00:00:12.5] An en dash range.\n"
    "[00:01:00] Open end.\n");

  g_assert_cmpuint (doc->segments->len, ==, 4);
  tl_test_assert_segment (doc, 0, S (1), S (5), NULL, "Frames dropped.");
  tl_test_assert_segment (doc, 1, S (5), S (7), NULL, "A range.");
  tl_test_assert_segment (doc, 2, S (9), 12500000, NULL, "An en dash range.");
  tl_test_assert_segment (doc, 3, S (60), TL_TIME_NONE, NULL, "Open end.");
}

static void
test_continuation (void)
{
  g_autoptr(TlDocument) doc = import_sniffed (
    "[00:00:00] Anna: The first paragraph\n"
    "goes on here\n"
    "\n"
    "and after a blank line still belongs to Anna.\n"
    "(laughs)\n"
    "\n"
    "[00:00:30] Ben: Short.\n"
    "\n"
    "[Crosstalk]\n"
    "\n"
    "[00:00:40] Anna: Again.\n");

  g_assert_cmpuint (doc->segments->len, ==, 3);
  /* a mark right under the text is part of it; one standing alone is not */
  tl_test_assert_segment (doc, 0, 0, S (30), "Anna",
                          "The first paragraph goes on here and after a blank line still belongs to Anna. (laughs)");
  tl_test_assert_segment (doc, 1, S (30), S (40), "Ben", "Short.");
  tl_test_assert_segment (doc, 2, S (40), TL_TIME_NONE, "Anna", "Again.");
}

/* the time and the name on one line, the words on the next (Trint) */
static void
test_name_above_text (void)
{
  g_autoptr(TlDocument) doc = import_sniffed (
    "00:00:00 Speaker 1\n"
    "Hello, this is a test\n"
    "of two lines.\n"
    "00:00:05 Jane Doe\n"
    "Yes it is.\n"
    "00:00:09 Okay.\n"
    "More from whoever spoke.\n"
    "00:00:12 Right\n"
    "00:00:13 Said on the line.\n");

  g_assert_cmpuint (doc->segments->len, ==, 5);
  tl_test_assert_segment (doc, 0, 0, S (5), "Speaker 1", "Hello, this is a test of two lines.");
  tl_test_assert_segment (doc, 1, S (5), S (9), "Jane Doe", "Yes it is.");
  /* "Okay." is said, not a name; "Right" has no words under it */
  tl_test_assert_segment (doc, 2, S (9), S (12), NULL, "Okay. More from whoever spoke.");
  tl_test_assert_segment (doc, 3, S (12), S (13), NULL, "Right");
  tl_test_assert_segment (doc, 4, S (13), TL_TIME_NONE, NULL, "Said on the line.");
}

/* LRC lyrics: tags in brackets, one after the other, are not text */
static void
test_lrc (void)
{
  g_autoptr(TlDocument) doc = import_sniffed (
    "[ti:A Song]\n"
    "[ar:Someone]\n"
    "[length: 03:10]\n"
    "\n"
    "[00:12.00]Line one\n"
    "[00:15.30]Line two\n");

  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment (doc, 0, S (12), 15300000, NULL, "Line one");
  tl_test_assert_segment (doc, 1, 15300000, TL_TIME_NONE, NULL, "Line two");
  g_assert_cmpuint (doc->warnings->len, ==, 0);
}

/* a time alone on its line (YouTube's transcript panel), the text below */
static void
test_time_alone (void)
{
  g_autoptr(TlDocument) doc = import_sniffed (
    "0:00\n"
    "[Music]\n"
    "0:05\n"
    "welcome back everyone\n"
    "1:10\n");
  TlDocSegment *seg;

  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment (doc, 0, 0, S (5), NULL, "[Music]");
  seg = tl_document_get_segment (doc, 0);
  g_assert_true (seg->non_speech);
  /* the time that says nothing still ends the line before it */
  tl_test_assert_segment (doc, 1, S (5), S (70), NULL, "welcome back everyone");
  g_assert_cmpuint (doc->warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 0), ==, "line 5: time without any text left out");
}

static void
test_markdown (void)
{
  g_autoptr(TlDocument) doc = import_sniffed (
    "# Episode 6: Technically Wrong\n"
    "\n"
    "[00:00:00](https://example.com/ep6#t=0) **Host** See [our site](https://example.com) for *more* and __this__.\n"
    "\n"
    "## Part two\n"
    "\n"
    "[00:10:00] Guest: keep snake_case, 5 * 3 and \\*stars\\*; an ![image](x.png) too.\n"
    "\n"
    "---\n"
    "\n"
    "[00:20:00] Host: Bye.\n");
  TlDocChapter *chapter;

  g_assert_cmpstr (doc->title, ==, "Episode 6: Technically Wrong");
  g_assert_cmpuint (doc->segments->len, ==, 3);
  tl_test_assert_segment (doc, 0, 0, S (600), "Host", "See our site for more and this.");
  tl_test_assert_segment (doc, 1, S (600), S (1200), "Guest",
                          "keep snake_case, 5 * 3 and *stars*; an image too.");
  tl_test_assert_segment (doc, 2, S (1200), TL_TIME_NONE, "Host", "Bye.");
  g_assert_cmpuint (doc->chapters->len, ==, 1);
  chapter = &g_array_index (doc->chapters, TlDocChapter, 0);
  g_assert_cmpint (chapter->start, ==, S (600));
  g_assert_cmpstr (chapter->title, ==, "Part two");
  g_assert_cmpuint (doc->warnings->len, ==, 0);
}

static void
test_leading_text (void)
{
  g_autoptr(TlDocument) doc = import_sniffed (
    "Transcript of the meeting\n"
    "Recorded on Monday\n"
    "\n"
    "[00:00:10] Chair: Let's begin.\n"
    "[00:00:20] Chair: Item one.\n");

  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment (doc, 0, S (10), S (20), "Chair", "Let's begin.");
  g_assert_cmpuint (doc->warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 0), ==,
                   "line 1: text before the first time left out");
}

/* times that go back: no end is invented, and the lines are sorted */
static void
test_backwards (void)
{
  g_autoptr(TlDocument) doc = import_sniffed (
    "[00:00:30] Later.\n"
    "[00:00:10] Earlier.\n"
    "[00:00:20] Middle.\n");

  g_assert_cmpuint (doc->segments->len, ==, 3);
  tl_test_assert_segment (doc, 0, S (10), S (20), NULL, "Earlier.");
  tl_test_assert_segment (doc, 1, S (20), TL_TIME_NONE, NULL, "Middle.");
  tl_test_assert_segment (doc, 2, S (30), TL_TIME_NONE, NULL, "Later.");
  g_assert_cmpuint (doc->warnings->len, ==, 0);
}

static void
test_not_timestamped (void)
{
  tl_test_assert_import_fails ("timestamped", "Just some prose.\nWe met at 10:30, then left.\n", 0,
                               "No line starts with a time: not a timestamped transcript");
}

static void
test_sniff (void)
{
  /* a single timed line is claimed when it is most of the file */
  g_assert_cmpuint (sniff ("[00:01] Hello.\n"), ==, 70);
  g_assert_cmpuint (sniff ("Title\n\n[00:01] Hello.\n[00:02] Again.\n"), ==, 70);
  /* subtitles belong to their importers */
  g_assert_cmpuint (sniff ("1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n00:00:03,000 --> 00:00:04,000\nYo\n"), ==, 0);
  g_assert_cmpuint (sniff ("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n"), ==, 0);
  g_assert_cmpuint (sniff ("00:01.000 --> 00:02.000\nHi\n00:03.000 --> 00:04.000\nYo\n"), ==, 0);
  g_assert_cmpuint (sniff ("0:00:00.599,0:00:04.160\nHi\n\n0:00:05.000,0:00:06.000\nYo\n"), ==, 0);
  g_assert_cmpuint (sniff ("[00:00.000 --> 00:05.000]  Whisper's own output.\n"), ==, 0);
  /* prose with times in it, and other formats */
  g_assert_cmpuint (sniff ("We met at 10:30, then left.\nAt 11:15 it rained.\n"), ==, 0);
  g_assert_cmpuint (sniff ("Menu\n0:00 0:00\nNews\nWeather\nSport\n"), ==, 0);
  g_assert_cmpuint (sniff ("0.000\t2.680\tOne\n2.680\t5.880\tTwo\n"), ==, 0);
  g_assert_cmpuint (sniff ("{\"segments\": [{\"start\": 0}]}"), ==, 0);
  g_assert_cmpuint (sniff ("The ratio was 2:1 and 3:2.\n4:3 is old.\n"), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/import/timestamped/bracketed-speakers", test_bracketed_speakers);
  g_test_add_func ("/core/import/timestamped/minutes-only", test_minutes_only);
  g_test_add_func ("/core/import/timestamped/unbracketed", test_unbracketed);
  g_test_add_func ("/core/import/timestamped/parenthesized", test_parenthesized);
  g_test_add_func ("/core/import/timestamped/markdown-bold", test_markdown_bold);
  g_test_add_func ("/core/import/timestamped/otter-headers", test_otter_headers);
  g_test_add_func ("/core/import/timestamped/rev-headers", test_rev_headers);
  g_test_add_func ("/core/import/timestamped/fractions", test_fractions);
  g_test_add_func ("/core/import/timestamped/timecode-and-ranges", test_timecode_and_ranges);
  g_test_add_func ("/core/import/timestamped/continuation", test_continuation);
  g_test_add_func ("/core/import/timestamped/name-above-text", test_name_above_text);
  g_test_add_func ("/core/import/timestamped/lrc", test_lrc);
  g_test_add_func ("/core/import/timestamped/time-alone", test_time_alone);
  g_test_add_func ("/core/import/timestamped/markdown", test_markdown);
  g_test_add_func ("/core/import/timestamped/leading-text", test_leading_text);
  g_test_add_func ("/core/import/timestamped/backwards", test_backwards);
  g_test_add_func ("/core/import/timestamped/not-timestamped", test_not_timestamped);
  g_test_add_func ("/core/import/timestamped/sniff", test_sniff);

  return g_test_run ();
}
