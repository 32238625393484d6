/* test-import-webvtt.c: the WebVTT importer on hand-made files, one edge case
 * (header variants, blocks, times, voices, rolling auto-captions) per test. */
#include <string.h>

#include "tl-test-import.h"

#define MS(n) ((gint64) (n) * G_GINT64_CONSTANT (1000))

/* Sniffed, as a dropped file would be. */
static TlDocument *
import_ok (const char *text)
{
  return tl_test_import_timed ("webvtt", text);
}

static void
assert_word (TlDocument *doc, guint seg_index, guint word_index, gint64 start, gint64 end,
             const char *text)
{
  TlDocSegment *seg = tl_document_get_segment (doc, seg_index);
  TlDocWord *word;

  g_assert_cmpuint (word_index, <, seg->n_words);
  word = &g_array_index (doc->words, TlDocWord, seg->first_word + word_index);
  g_assert_cmpint (word->start, ==, start);
  g_assert_cmpint (word->end, ==, end);
  g_assert_cmpstr (word->text, ==, text);
}

/* The document's warnings are exactly @expected (NULL-terminated). */
static void
assert_warnings (TlDocument *doc, const char *const *expected)
{
  guint n = expected ? g_strv_length ((char **) expected) : 0;

  for (guint i = 0; i < MIN (n, doc->warnings->len); i++)
    g_assert_cmpstr (g_ptr_array_index (doc->warnings, i), ==, expected[i]);
  g_assert_cmpuint (doc->warnings->len, ==, n);
}

static void
test_sniff (void)
{
  static const struct {
    const char *text;
    guint score;
  } cases[] = {
    { "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", 100 },
    { "WEBVTT", 100 },
    { "WEBVTT - Translation of that film\n", 100 },
    { "WEBVTT\tkind\n", 100 },
    /* the signature is case-sensitive and must end at a space or the line */
    { "WEBvtt\nWEBVTT\n\n00:01.000 ---> 00:02.000\nsome text\n", 0 },
    { "WEBVTTX\n", 0 },
    { "webvtt\n", 0 },
    { " WEBVTT\n", 0 },
    { "garbage vtt file", 0 },
    { "WEBVT", 0 },
    /* headerless cues are the SubRip importer's to read tolerantly */
    { "00:00:00.500 --> 00:00:07.000\nCaption text #1\n", 0 },
    { "", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (tl_importer_webvtt.sniff (cases[i].text, strlen (cases[i].text)), ==,
                      cases[i].score);

  /* what the registry makes of the rejects: never WebVTT */
  g_assert_true (tl_importer_sniff ("garbage vtt file", 16) != &tl_importer_webvtt);
  {
    const char *dbl = "WEBvtt\nWEBVTT\n\n00:01.000 ---> 00:02.000\nsome text\n";
    g_assert_true (tl_importer_sniff (dbl, strlen (dbl)) != &tl_importer_webvtt);
  }
  g_assert_true (tl_importer_find ("webvtt") == &tl_importer_webvtt);
  g_assert_cmpstr (tl_importer_webvtt.label, ==, "WebVTT");
}

static void
test_basic (void)
{
  g_autoptr(TlDocument) doc = import_ok ("WEBVTT\n"
                                         "\n"
                                         "00:00:01.000 --> 00:00:04.250\n"
                                         "Never drink liquid nitrogen.\n"
                                         "\n"
                                         "00:00:05.000 --> 00:00:09.999\n"
                                         "It will perforate\n"
                                         "your stomach.\n");

  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment_line (doc, 0, MS (1000), MS (4250), NULL, "Never drink liquid nitrogen.", 3);
  tl_test_assert_segment_line (doc, 1, MS (5000), MS (9999), NULL, "It will perforate your stomach.", 6);
  g_assert_cmpuint (doc->words->len, ==, 0);
  g_assert_null (doc->language);
  assert_warnings (doc, NULL);
}

static void
test_header_youtube (void)
{
  /* YouTube's non-standard header lines, CSS and "##" all come before the
   * first blank line; two blank lines before the first cue */
  g_autoptr(TlDocument) doc = import_ok ("WEBVTT\n"
                                         "Kind: captions\n"
                                         "Language: en-GB \n"
                                         "Style:\n"
                                         "::cue(c.colorCCCCCC) { color: rgb(204,204,204);\n"
                                         " }\n"
                                         "##\n"
                                         "\n"
                                         "\n"
                                         "00:00:02.000 --> 00:00:03.000 align:start position:0%\n"
                                         "hello there\n");

  g_assert_cmpstr (doc->language, ==, "en-GB");
  g_assert_cmpuint (doc->segments->len, ==, 1);
  tl_test_assert_segment_line (doc, 0, MS (2000), MS (3000), NULL, "hello there", 10);
  assert_warnings (doc, NULL);
}

static void
test_header_text (void)
{
  /* text after the signature, and a header with a line of its own */
  g_autoptr(TlDocument) doc = import_ok ("WEBVTT - This file has cues\n"
                                         "X-TIMESTAMP-MAP=MPEGTS:900000,LOCAL:00:00:00.000\n"
                                         "\n"
                                         "00:01.000 --> 00:02.000\n"
                                         "One\n");

  g_assert_null (doc->language);
  g_assert_cmpuint (doc->segments->len, ==, 1);
  tl_test_assert_segment_line (doc, 0, MS (1000), MS (2000), NULL, "One", 4);
  assert_warnings (doc, NULL);
}

static void
test_header_no_blank (void)
{
  /* a timing line ends the header even without a blank line */
  g_autoptr(TlDocument) doc = import_ok ("WEBVTT\n"
                                         "00:01.000 --> 00:02.000\n"
                                         "Straight in\n");

  g_assert_cmpuint (doc->segments->len, ==, 1);
  tl_test_assert_segment_line (doc, 0, MS (1000), MS (2000), NULL, "Straight in", 2);
  assert_warnings (doc, NULL);
}

static void
test_blocks (void)
{
  g_autoptr(TlDocument) doc = import_ok ("WEBVTT\n"
                                         "\n"
                                         "NOTE\n"
                                         "This file was written by Jill.\n"
                                         "- I was lip-reading\n"
                                         "\n"
                                         "STYLE\n"
                                         "::cue {\n"
                                         "  color: papayawhip;\n"
                                         "}\n"
                                         "\n"
                                         "STYLE\n"
                                         "::cue(b) {\n"
                                         "  color: peachpuff;\n"
                                         "}\n"
                                         "\n"
                                         "REGION\n"
                                         "id:fred\n"
                                         "width:40%\n"
                                         "regionanchor:0%,100%\n"
                                         "scroll:up\n"
                                         "\n"
                                         "NOTE one line\n"
                                         "\n"
                                         "00:00:00.000 --> 00:00:10.000 region:fred align:left\n"
                                         "- Hello <b>world</b>.\n"
                                         "\n"
                                         "NOTE check next cue\n"
                                         "\n"
                                         "00:00:10.000 --> 00:00:12.000\n"
                                         "First line\n"
                                         "NOTE this is cue text, not a comment\n"
                                         "\n"
                                         "NOTE end of file");

  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment_line (doc, 0, 0, MS (10000), NULL, "- Hello world.", 25);
  tl_test_assert_segment_line (doc, 1, MS (10000), MS (12000),
                               NULL, "First line NOTE this is cue text, not a comment", 30);
  assert_warnings (doc, NULL);
}

static void
test_legacy_region_lines (void)
{
  /* old drafts put "Region:" lines in the header, some tools after a blank */
  g_autoptr(TlDocument) doc = import_ok ("WEBVTT\n"
                                         "Region: id=a width=40% lines=3\n"
                                         "\n"
                                         "Region: id=fred width=40% lines=3 regionanchor=0%,100% scroll=up\n"
                                         "Region: id=bill width=40% lines=3 regionanchor=100%,100% scroll=up\n"
                                         "\n"
                                         "1\n"
                                         "00:01:39.000 --> 00:01:41.040 region:bill\n"
                                         "(deep rumbling)\n");

  g_assert_cmpuint (doc->segments->len, ==, 1);
  tl_test_assert_segment_line (doc, 0, MS (99000), MS (101040), NULL, "(deep rumbling)", 8);
  g_assert_true (tl_document_get_segment (doc, 0)->non_speech);
  assert_warnings (doc, NULL);
}

static void
test_style_blank_line (void)
{
  /* a blank line inside a STYLE block's CSS cuts it in two: the rest is a
   * block without "-->" that must not become a cue */
  g_autoptr(TlDocument) doc = import_ok ("WEBVTT\n"
                                         "\n"
                                         "STYLE\n"
                                         "::cue(d) {\n"
                                         "  color: red;\n"
                                         "\n"
                                         "  background-image: linear-gradient(to bottom, dimgray, lightgray);\n"
                                         "}\n"
                                         "\n"
                                         "00:00:01.000 --> 00:00:02.000\n"
                                         "Only cue\n");
  const char *const warnings[] = { "line 7: text without a timing line left out", NULL };

  g_assert_cmpuint (doc->segments->len, ==, 1);
  tl_test_assert_segment_line (doc, 0, MS (1000), MS (2000), NULL, "Only cue", 10);
  assert_warnings (doc, warnings);
}

static void
test_identifiers (void)
{
  g_autoptr(TlDocument) doc = import_ok ("WEBVTT\n"
                                         "\n"
                                         "Slide 1\n"
                                         "00:00:00.000 --> 00:00:10.700\n"
                                         "Title Slide\n"
                                         "\n"
                                         "2\n"
                                         "00:00:10.700 --> 00:00:47.600\n"
                                         "Introduction\n"
                                         "\n"
                                         "intro-3 --> not an arrow line? it is one\n"
                                         "\n"
                                         "00:00:47.600 --> 00:01:50.100\n"
                                         "No identifier\n");
  const char *const warnings[] = { "line 11: cannot read the cue times; cue left out", NULL };

  /* identifiers are not text; a line with "-->" is a timing line whatever
   * else it holds, so the odd identifier is a broken cue, reported */
  g_assert_cmpuint (doc->segments->len, ==, 3);
  tl_test_assert_segment_line (doc, 0, 0, MS (10700), NULL, "Title Slide", 4);
  tl_test_assert_segment_line (doc, 1, MS (10700), MS (47600), NULL, "Introduction", 8);
  tl_test_assert_segment_line (doc, 2, MS (47600), MS (110100), NULL, "No identifier", 13);
  assert_warnings (doc, warnings);
}

static void
test_settings (void)
{
  /* Netflix's legacy settings with trailing spaces; lines of spaces
   * between blocks separate like blank ones */
  g_autoptr(TlDocument) doc = import_ok ("WEBVTT\n"
                                         "\n"
                                         "NOTE Netflix\n"
                                         "\n"
                                         "                    \n"
                                         "\n"
                                         "      \n"
                                         "1\n"
                                         "00:00:07.960 --> 00:00:09.480  position:50.00%,middle  align:middle size:80.00%  line:84.67% \n"
                                         "[Alba] <i>En 1928,</i>\n"
                                         "\n"
                                         "2\n"
                                         "00:00:09.640 --> 00:00:13.080\tline:0 position:20%\n"
                                         "<i>las mujeres éramos</i>\n"
                                         "<i>algo así como adornos</i>\n");

  g_assert_cmpuint (doc->segments->len, ==, 2);
  /* a "[Alba]" label stays in the text: brackets also mark sounds */
  tl_test_assert_segment_line (doc, 0, MS (7960), MS (9480), NULL, "[Alba] En 1928,", 9);
  tl_test_assert_segment_line (doc, 1, MS (9640), MS (13080), NULL, "las mujeres éramos algo así como adornos", 13);
  assert_warnings (doc, NULL);
}

static void
test_no_hours (void)
{
  g_autoptr(TlDocument) doc = import_ok ("WEBVTT\n"
                                         "\n"
                                         "00:00.000 --> 01:24.000\n"
                                         "Introduction\n"
                                         "\n"
                                         "01:35.500 --> 59:59.999\n"
                                         "Demo\n");

  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment_line (doc, 0, 0, MS (84000), NULL, "Introduction", 3);
  tl_test_assert_segment_line (doc, 1, MS (95500), MS (3599999), NULL, "Demo", 6);
  assert_warnings (doc, NULL);
}

static void
test_hours_120 (void)
{
  g_autoptr(TlDocument) doc = import_ok ("WEBVTT\n"
                                         "\n"
                                         "120:00:00.000 --> 120:00:00.000\n"
                                         "Text\n"
                                         "\n"
                                         "1000:00:01.250 --> 1000:00:02.500\n"
                                         "Later\n");

  g_assert_cmpuint (doc->segments->len, ==, 2);
  /* 120 h = 432 000 s: past what 32-bit milliseconds would hold per day */
  tl_test_assert_segment_line (doc, 0, G_GINT64_CONSTANT (432000000000), G_GINT64_CONSTANT (432000000000),
                               NULL, "Text", 3);
  tl_test_assert_segment_line (doc, 1, G_GINT64_CONSTANT (3600001250000), G_GINT64_CONSTANT (3600002500000),
                               NULL, "Later", 6);
  assert_warnings (doc, NULL);
}

static void
test_voices (void)
{
  g_autoptr(TlDocument) doc = import_ok ("WEBVTT\n"
                                         "\n"
                                         "00:00.000 --> 00:02.000\n"
                                         "<v Fred>Hi, my name is Fred\n"
                                         "\n"
                                         "00:02.000 --> 00:04.000\n"
                                         "<v.loud.first Fred Smith>Hello!</v>\n"
                                         "\n"
                                         "00:04.000 --> 00:06.000\n"
                                         "<v Bill>Coffee?\n"
                                         "<v Bill>Yes, coffee.\n"
                                         "\n"
                                         "00:06.000 --> 00:08.000\n"
                                         "<v Fred>Tea?\n"
                                         "<v Bill>No.\n"
                                         "\n"
                                         "00:08.000 --> 00:10.000\n"
                                         "<v>Nobody\n"
                                         "\n"
                                         "00:10.000 --> 00:12.000\n"
                                         "<v Tom &amp; Ann>Together\n"
                                         "\n"
                                         "00:12.000 --> 00:14.000\n"
                                         "<video>not a voice</video>\n");

  g_assert_cmpuint (doc->segments->len, ==, 7);
  tl_test_assert_segment_line (doc, 0, 0, MS (2000), "Fred", "Hi, my name is Fred", 3);
  tl_test_assert_segment_line (doc, 1, MS (2000), MS (4000), "Fred Smith", "Hello!", 6);
  tl_test_assert_segment_line (doc, 2, MS (4000), MS (6000), "Bill", "Coffee? Yes, coffee.", 9);
  /* two voices in one cue: no single speaker to give it */
  tl_test_assert_segment_line (doc, 3, MS (6000), MS (8000), NULL, "Tea? No.", 13);
  tl_test_assert_segment_line (doc, 4, MS (8000), MS (10000), NULL, "Nobody", 17);
  tl_test_assert_segment_line (doc, 5, MS (10000), MS (12000), "Tom & Ann", "Together", 20);
  tl_test_assert_segment_line (doc, 6, MS (12000), MS (14000), NULL, "not a voice", 23);
  assert_warnings (doc, NULL);
}

static void
test_nested_tags (void)
{
  g_autoptr(TlDocument) doc = import_ok ("WEBVTT\n"
                                         "\n"
                                         "00:01.000 --> 00:02.000\n"
                                         "<c.yellow.bg_blue><b><i>Bold</i> italic</b></c> &amp; <u>under</u>\n"
                                         "<lang fr>tr&egrave;s</lang> <ruby>漢<rt>kan</rt></ruby> 5 &lt; 6\n");

  g_assert_cmpuint (doc->segments->len, ==, 1);
  /* unknown entities stay as they are rather than vanish */
  tl_test_assert_segment_line (doc, 0, MS (1000), MS (2000),
                               NULL, "Bold italic & under tr&egrave;s 漢kan 5 < 6", 3);
  assert_warnings (doc, NULL);
}

static void
test_inline_timestamps (void)
{
  /* karaoke-style timestamps: each marks the run of words after it */
  g_autoptr(TlDocument) doc = import_ok ("WEBVTT\n"
                                         "\n"
                                         "00:16.500 --> 00:18.500\n"
                                         "When the moon <00:17.500>hits your eye\n"
                                         "\n"
                                         "00:00:18.500 --> 00:00:20.500\n"
                                         "Like a <00:19.000>big-a\n"
                                         "<00:19.500>pizza <00:00:20.000><c.colorE5E5E5>pie</c>\n");

  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment_line (doc, 0, MS (16500), MS (18500), NULL, "When the moon hits your eye", 3);
  g_assert_cmpuint (tl_document_get_segment (doc, 0)->n_words, ==, 2);
  assert_word (doc, 0, 0, MS (16500), MS (17500), "When the moon");
  assert_word (doc, 0, 1, MS (17500), MS (18500), "hits your eye");
  tl_test_assert_segment_line (doc, 1, MS (18500), MS (20500), NULL, "Like a big-a pizza pie", 6);
  g_assert_cmpuint (tl_document_get_segment (doc, 1)->n_words, ==, 4);
  assert_word (doc, 1, 0, MS (18500), MS (19000), "Like a");
  assert_word (doc, 1, 1, MS (19000), MS (19500), "big-a");
  assert_word (doc, 1, 2, MS (19500), MS (20000), "pizza");
  assert_word (doc, 1, 3, MS (20000), MS (20500), "pie");
  g_assert_cmpuint (doc->words->len, ==, 6);
  assert_warnings (doc, NULL);
}

/* YouTube's rolling auto-captions, in the shape youtube-dl saves them: each
 * spoken line comes in a cue that shows the line before it above, with
 * word timing tags, then a 10 ms cue shows it alone. */
static const char youtube_rolling[] =
  "WEBVTT\n"
  "Kind: captions\n"
  "Language: en\n"
  "\n"
  "00:00:01.000 --> 00:00:03.000 align:start position:0%\n"
  " \n"
  "so<00:00:01.400><c> the</c><00:00:01.800><c> plan</c><00:00:02.500><c> was</c>\n"
  "\n"
  "00:00:03.000 --> 00:00:03.010 align:start position:0%\n"
  "so the plan was\n"
  " \n"
  "\n"
  "00:00:03.010 --> 00:00:05.000 align:start position:0%\n"
  "so the plan was\n"
  "to<00:00:03.300><c> leave</c><c.colorE5E5E5><00:00:04.100><c> early</c></c>\n"
  "\n"
  "00:00:05.000 --> 00:00:05.010 align:start position:0%\n"
  "to leave early\n"
  " \n"
  "\n"
  "00:00:05.010 --> 00:00:06.000 align:start position:0%\n"
  "to leave early\n"
  "[Music]\n"
  "\n"
  "00:00:06.000 --> 00:00:06.010 align:start position:0%\n"
  "[Music]\n"
  " \n"
  "\n"
  "00:00:06.010 --> 00:00:08.000 align:start position:0%\n"
  "[Music]\n"
  "and<00:00:06.600><c> then</c><00:00:07.100><c> we</c><00:00:07.500><c> left</c>\n"
  "\n"
  "00:00:08.000 --> 00:00:09.500 align:start position:0%\n"
  "and then we left\n"
  " \n";

static void
test_youtube_rolling (void)
{
  g_autoptr(TlDocument) doc = import_ok (youtube_rolling);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_words = 0;

  g_assert_cmpstr (doc->language, ==, "en");
  /* 9 cues, 4 caption lines: the 10 ms cues and the repeated lines on top
   * are not segments; a cue that only repeats carries the line's end */
  g_assert_cmpuint (doc->segments->len, ==, 4);
  tl_test_assert_segment_line (doc, 0, MS (1000), MS (3010), NULL, "so the plan was", 7);
  tl_test_assert_segment_line (doc, 1, MS (3010), MS (5010), NULL, "to leave early", 15);
  tl_test_assert_segment_line (doc, 2, MS (5010), MS (6010), NULL, "[Music]", 23);
  g_assert_true (tl_document_get_segment (doc, 2)->non_speech);
  tl_test_assert_segment_line (doc, 3, MS (6010), MS (9500), NULL, "and then we left", 31);

  /* the first word starts with the cue, the others at their tags; each
   * ends where the next starts, the last with its cue */
  g_assert_cmpuint (tl_document_get_segment (doc, 0)->n_words, ==, 4);
  assert_word (doc, 0, 0, MS (1000), MS (1400), "so");
  assert_word (doc, 0, 1, MS (1400), MS (1800), "the");
  assert_word (doc, 0, 2, MS (1800), MS (2500), "plan");
  assert_word (doc, 0, 3, MS (2500), MS (3000), "was");
  g_assert_cmpuint (tl_document_get_segment (doc, 1)->n_words, ==, 3);
  assert_word (doc, 1, 0, MS (3010), MS (3300), "to");
  assert_word (doc, 1, 1, MS (3300), MS (4100), "leave");
  assert_word (doc, 1, 2, MS (4100), MS (5000), "early");
  /* a line without timing tags has no words to give */
  g_assert_cmpuint (tl_document_get_segment (doc, 2)->n_words, ==, 0);
  g_assert_cmpuint (tl_document_get_segment (doc, 3)->n_words, ==, 4);
  assert_word (doc, 3, 0, MS (6010), MS (6600), "and");
  assert_word (doc, 3, 1, MS (6600), MS (7100), "then");
  assert_word (doc, 3, 2, MS (7100), MS (7500), "we");
  assert_word (doc, 3, 3, MS (7500), MS (8000), "left");

  /* no word said twice anywhere, in the texts or the word lists */
  for (guint i = 0; i < doc->segments->len; i++)
    {
      TlDocSegment *seg = tl_document_get_segment (doc, i);
      g_auto(GStrv) words = g_strsplit (seg->text, " ", -1);

      for (guint j = 0; words[j] != NULL; j++)
        {
          g_assert_false (g_hash_table_contains (seen, words[j]));
          g_hash_table_add (seen, g_strdup (words[j]));
        }
      n_words += seg->n_words;
    }
  g_assert_cmpuint (n_words, ==, doc->words->len);
  g_assert_cmpuint (doc->words->len, ==, 11);
  assert_warnings (doc, NULL);
}

static void
test_youtube_repeated_line_spoken (void)
{
  /* the same words said again come with timing tags: only an untimed line
   * on top of a cue is taken as the line before it shown again */
  g_autoptr(TlDocument) doc = import_ok ("WEBVTT\n"
                                         "\n"
                                         "00:00:01.000 --> 00:00:02.000\n"
                                         "no<00:00:01.500><c> way</c>\n"
                                         "\n"
                                         "00:00:02.000 --> 00:00:03.000\n"
                                         "no way\n"
                                         "no<00:00:02.500><c> way</c>\n"
                                         "\n"
                                         "00:00:03.000 --> 00:00:04.000\n"
                                         "no<00:00:03.500><c> way</c>\n");

  g_assert_cmpuint (doc->segments->len, ==, 3);
  tl_test_assert_segment_line (doc, 0, MS (1000), MS (2000), NULL, "no way", 4);
  tl_test_assert_segment_line (doc, 1, MS (2000), MS (3000), NULL, "no way", 8);
  assert_word (doc, 1, 1, MS (2500), MS (3000), "way");
  /* alone in its cue, the same line again with tags is said again */
  tl_test_assert_segment_line (doc, 2, MS (3000), MS (4000), NULL, "no way", 11);
  assert_word (doc, 2, 0, MS (3000), MS (3500), "no");
}

static void
test_not_rolling_repeats_kept (void)
{
  /* without YouTube's word tags, a line said twice is two cues */
  g_autoptr(TlDocument) doc = import_ok ("WEBVTT\n"
                                         "\n"
                                         "00:01.000 --> 00:02.000\n"
                                         "No.\n"
                                         "\n"
                                         "00:02.000 --> 00:03.000\n"
                                         "No.\n");

  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment_line (doc, 0, MS (1000), MS (2000), NULL, "No.", 3);
  tl_test_assert_segment_line (doc, 1, MS (2000), MS (3000), NULL, "No.", 6);
}

static void
test_arrow_ends_cue (void)
{
  /* a timing line ends the cue before it even without a blank line; the
   * line before it is text (WebVTT has no way to tell an identifier) */
  g_autoptr(TlDocument) doc = import_ok ("WEBVTT\n"
                                         "\n"
                                         "00:04:46.470 --> 00:05:04.080 align:start position:0%\n"
                                         "yeah\n"
                                         "<c.colorCCCCCC>what</c>\n"
                                         "00:05:04.080 --> 00:05:05.069 align:start position:0%\n"
                                         "this will\n"
                                         "00:05:05.069 --> 00:05:05.400\n"
                                         "happen\n");

  g_assert_cmpuint (doc->segments->len, ==, 3);
  tl_test_assert_segment_line (doc, 0, MS (286470), MS (304080), NULL, "yeah what", 3);
  tl_test_assert_segment_line (doc, 1, MS (304080), MS (305069), NULL, "this will", 6);
  tl_test_assert_segment_line (doc, 2, MS (305069), MS (305400), NULL, "happen", 8);
  assert_warnings (doc, NULL);
}

static void
test_whitespace_line_in_cue (void)
{
  /* a line of spaces is not blank inside a cue: the text goes on */
  g_autoptr(TlDocument) doc = import_ok ("WEBVTT\n"
                                         "\n"
                                         "00:01.000 --> 00:02.000\n"
                                         " \n"
                                         "second line\n"
                                         "\n"
                                         "00:02.000 --> 00:03.000\n"
                                         "last\n"
                                         " </c>");

  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment_line (doc, 0, MS (1000), MS (2000), NULL, "second line", 3);
  tl_test_assert_segment_line (doc, 1, MS (2000), MS (3000), NULL, "last", 7);
  assert_warnings (doc, NULL);
}

static void
test_invalid_times (void)
{
  /* times real files have and the spec refuses: read, with a warning that
   * says how, on the line they are on */
  g_autoptr(TlDocument) doc = import_ok ("WEBVTT\n"
                                         "\n"
                                         "1\n"
                                         "00:01:39 --> 00:01:41.04 region:bill\n"
                                         "(deep rumbling)\n"
                                         "\n"
                                         "00:02:04.08 --> 00:02:07.12\n"
                                         "How did we end up here?\n"
                                         "\n"
                                         "00:02:08.000 --> 00:02:09.5\n"
                                         "Half\n"
                                         "\n"
                                         "0:02:10.000 --> 0:02:11.000\n"
                                         "One-digit hours\n"
                                         "\n"
                                         "00:02:12,000 --> 00:02:13,250\n"
                                         "Commas\n"
                                         "\n"
                                         "00:02:14.000 --> 00:02:15.000\n"
                                         "Fine\n");
  const char *const warnings[] = {
    "line 4: time “00:01:39” is not in WebVTT form (HH:MM:SS.mmm); read as 00:01:39.000",
    "line 7: time “00:02:04.08” is not in WebVTT form (HH:MM:SS.mmm); read as 00:02:04.080",
    "line 10: time “00:02:09.5” is not in WebVTT form (HH:MM:SS.mmm); read as 00:02:09.500",
    "line 13: time “0:02:10.000” is not in WebVTT form (HH:MM:SS.mmm); read as 00:02:10.000",
    "line 16: time “00:02:12,000” is not in WebVTT form (HH:MM:SS.mmm); read as 00:02:12.000",
    NULL,
  };

  g_assert_cmpuint (doc->segments->len, ==, 6);
  tl_test_assert_segment_line (doc, 0, MS (99000), MS (101040), NULL, "(deep rumbling)", 4);
  tl_test_assert_segment_line (doc, 1, MS (124080), MS (127120), NULL, "How did we end up here?", 7);
  tl_test_assert_segment_line (doc, 2, MS (128000), MS (129500), NULL, "Half", 10);
  tl_test_assert_segment_line (doc, 3, MS (130000), MS (131000), NULL, "One-digit hours", 13);
  tl_test_assert_segment_line (doc, 4, MS (132000), MS (133250), NULL, "Commas", 16);
  tl_test_assert_segment_line (doc, 5, MS (134000), MS (135000), NULL, "Fine", 19);
  assert_warnings (doc, warnings);
}

static void
test_invalid_times_counted (void)
{
  g_autoptr(GString) text = g_string_new ("WEBVTT\n\n");
  g_autoptr(TlDocument) doc = NULL;
  TlDocSegment *last;

  for (guint i = 0; i < 13; i++)
    g_string_append_printf (text, "00:00:%02u.5 --> 00:00:%02u.75\nCue %u\n\n", i, i + 1, i);
  doc = import_ok (text->str);

  g_assert_cmpuint (doc->segments->len, ==, 13);
  last = tl_document_get_segment (doc, 12);
  g_assert_cmpint (last->start, ==, MS (12500));
  g_assert_cmpint (last->end, ==, MS (13750));
  /* ten listed with their lines, the rest counted */
  g_assert_cmpuint (doc->warnings->len, ==, 11);
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 0), ==,
                   "line 3: time “00:00:00.5” is not in WebVTT form (HH:MM:SS.mmm); read as 00:00:00.500");
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 9), ==,
                   "line 30: time “00:00:09.5” is not in WebVTT form (HH:MM:SS.mmm); read as 00:00:09.500");
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 10), ==,
                   "3 more lines with times not in WebVTT form");
}

static void
test_broken_times (void)
{
  /* a timing line that cannot be read loses its cue, and says where */
  g_autoptr(TlDocument) doc = import_ok ("WEBVTT\n"
                                         "\n"
                                         "00:00:01.000 --> 00:00:02.000\n"
                                         "Good\n"
                                         "\n"
                                         "00:01.000 ---> 00:02.000\n"
                                         "Bad arrow\n"
                                         "\n"
                                         "00:00:03.000 --> later\n"
                                         "Bad end\n"
                                         "more bad\n"
                                         "\n"
                                         "00:61:00.000 --> 00:62:00.000\n"
                                         "Minutes past 59\n"
                                         "\n"
                                         "00:00:04.000 --> 00:00:05.000\n"
                                         "Good again\n");
  const char *const warnings[] = {
    "line 6: cannot read the cue times; cue left out",
    "line 9: cannot read the cue times; cue left out",
    "line 13: cannot read the cue times; cue left out",
    NULL,
  };

  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment_line (doc, 0, MS (1000), MS (2000), NULL, "Good", 3);
  tl_test_assert_segment_line (doc, 1, MS (4000), MS (5000), NULL, "Good again", 16);
  assert_warnings (doc, warnings);
}

static void
test_only_broken_times (void)
{
  const char *text = "WEBVTT\n"
                     "\n"
                     "NOTE nothing here reads\n"
                     "\n"
                     "00:01.000 ---> 00:02.000\n"
                     "some text\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = NULL;
  guint line = 0;

  doc = tl_import_text ("x.vtt", text, strlen (text), NULL, &line, &error);
  g_assert_null (doc);
  g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "Cannot read the cue times");
  g_assert_cmpuint (line, ==, 5);
}

static void
test_no_cues (void)
{
  tl_test_assert_import_fails (NULL, "WEBVTT\n\nNOTE only a comment\n", 0, "No cues found in the WebVTT file");
}

static void
test_forced_not_webvtt (void)
{
  /* asked for by name, a file without the signature is refused at line 1 */
  tl_test_assert_import_fails ("webvtt", "1\n00:00:01,000 --> 00:00:02,000\nHi\n", 1, NULL);
}

static void
test_end_before_start (void)
{
  g_autoptr(TlDocument) doc = import_ok ("WEBVTT\n"
                                         "\n"
                                         "00:05.000 --> 00:04.000\n"
                                         "Backwards\n"
                                         "\n"
                                         "00:06.000 --> 00:07.000\n"
                                         "Forwards\n");
  const char *const warnings[] = { "line 3: end time before start time; line left out", NULL };

  g_assert_cmpuint (doc->segments->len, ==, 1);
  tl_test_assert_segment_line (doc, 0, MS (6000), MS (7000), NULL, "Forwards", 6);
  assert_warnings (doc, warnings);
}

static void
test_out_of_order (void)
{
  /* nested chapter-style cues come out sorted by start, file order kept
   * between equal starts */
  g_autoptr(TlDocument) doc = import_ok ("WEBVTT\n"
                                         "\n"
                                         "00:00.000 --> 01:24.000\n"
                                         "Introduction\n"
                                         "\n"
                                         "01:24.000 --> 05:00.000\n"
                                         "Scrolling\n"
                                         "\n"
                                         "00:00.000 --> 00:44.000\n"
                                         "Topics\n");

  g_assert_cmpuint (doc->segments->len, ==, 3);
  tl_test_assert_segment_line (doc, 0, 0, MS (84000), NULL, "Introduction", 3);
  tl_test_assert_segment_line (doc, 1, 0, MS (44000), NULL, "Topics", 9);
  tl_test_assert_segment_line (doc, 2, MS (84000), MS (300000), NULL, "Scrolling", 6);
}

static void
test_empty_cue (void)
{
  /* like SubRip: a cue without text is kept, empty, so times line up */
  g_autoptr(TlDocument) doc = import_ok ("WEBVTT\n"
                                         "\n"
                                         "00:01.000 --> 00:02.000\n"
                                         "\n"
                                         "00:03.000 --> 00:04.000\n"
                                         "After\n");

  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment_line (doc, 0, MS (1000), MS (2000), NULL, "", 3);
  tl_test_assert_segment_line (doc, 1, MS (3000), MS (4000), NULL, "After", 5);
  assert_warnings (doc, NULL);
}

/* Minutes past what 64 bits of microseconds hold became garbage, and the
 * cue was kept with them; now it is left out, with its line. */
static void
test_time_overflow (void)
{
  g_autoptr(TlDocument) doc = import_ok ("WEBVTT\n"
                                         "\n"
                                         "999999999999999999:00.000 --> 999999999999999999:01.000\n"
                                         "never\n"
                                         "\n"
                                         "00:01.000 --> 00:02.000\n"
                                         "kept\n"
                                         "\n"
                                         "00:03.000 --> -00:04.000\n"
                                         "negative\n");
  static const char *const warnings[] = {
    "line 3: time “999999999999999999:00.000” is past 10000 hours; cue left out",
    "line 9: time “-00:04.000” is negative; cue left out",
    NULL
  };

  g_assert_cmpuint (doc->segments->len, ==, 1);
  tl_test_assert_segment_line (doc, 0, MS (1000), MS (2000), NULL, "kept", 6);
  assert_warnings (doc, warnings);
  tl_test_assert_import_fails ("webvtt", "WEBVTT\n\n00:01.000 --> 99999999:00:00.000\nlate\n", 3,
                               "time “99999999:00:00.000” is past 10000 hours, and no other cues to keep");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/import/webvtt/sniff", test_sniff);
  g_test_add_func ("/core/import/webvtt/basic", test_basic);
  g_test_add_func ("/core/import/webvtt/header-youtube", test_header_youtube);
  g_test_add_func ("/core/import/webvtt/header-text", test_header_text);
  g_test_add_func ("/core/import/webvtt/header-no-blank", test_header_no_blank);
  g_test_add_func ("/core/import/webvtt/blocks", test_blocks);
  g_test_add_func ("/core/import/webvtt/legacy-region-lines", test_legacy_region_lines);
  g_test_add_func ("/core/import/webvtt/style-blank-line", test_style_blank_line);
  g_test_add_func ("/core/import/webvtt/identifiers", test_identifiers);
  g_test_add_func ("/core/import/webvtt/settings", test_settings);
  g_test_add_func ("/core/import/webvtt/no-hours", test_no_hours);
  g_test_add_func ("/core/import/webvtt/hours-120", test_hours_120);
  g_test_add_func ("/core/import/webvtt/voices", test_voices);
  g_test_add_func ("/core/import/webvtt/nested-tags", test_nested_tags);
  g_test_add_func ("/core/import/webvtt/inline-timestamps", test_inline_timestamps);
  g_test_add_func ("/core/import/webvtt/youtube-rolling", test_youtube_rolling);
  g_test_add_func ("/core/import/webvtt/youtube-repeated-line-spoken", test_youtube_repeated_line_spoken);
  g_test_add_func ("/core/import/webvtt/not-rolling-repeats-kept", test_not_rolling_repeats_kept);
  g_test_add_func ("/core/import/webvtt/arrow-ends-cue", test_arrow_ends_cue);
  g_test_add_func ("/core/import/webvtt/whitespace-line-in-cue", test_whitespace_line_in_cue);
  g_test_add_func ("/core/import/webvtt/invalid-times", test_invalid_times);
  g_test_add_func ("/core/import/webvtt/invalid-times-counted", test_invalid_times_counted);
  g_test_add_func ("/core/import/webvtt/broken-times", test_broken_times);
  g_test_add_func ("/core/import/webvtt/only-broken-times", test_only_broken_times);
  g_test_add_func ("/core/import/webvtt/no-cues", test_no_cues);
  g_test_add_func ("/core/import/webvtt/forced-not-webvtt", test_forced_not_webvtt);
  g_test_add_func ("/core/import/webvtt/end-before-start", test_end_before_start);
  g_test_add_func ("/core/import/webvtt/out-of-order", test_out_of_order);
  g_test_add_func ("/core/import/webvtt/empty-cue", test_empty_cue);

  g_test_add_func ("/core/import/webvtt/time-overflow", test_time_overflow);
  return g_test_run ();
}
