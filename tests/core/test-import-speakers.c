/* test-import-speakers.c: speakers read from the text of formats that have
 * no place for them: on the seed pages as they are (no one is invented),
 * on the summary page's transcript with the prefixes captioners and
 * transcription services write, on Rev's and Otter's shapes, and on
 * whisper lines, whose timed words lose the name. */
#include <string.h>

#include "tl-import.h"
#include "tl-test-import.h"
#include "tl-test-util.h"

static char *
read_sample (const char *prefix)
{
  g_autofree char *path = tl_test_sample_named (prefix);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* Replaces the line that is exactly @line in @text by @with. */
static void
replace_line (GString *text, const char *line, const char *with)
{
  g_autofree char *needle = g_strconcat ("\n", line, "\n", NULL);
  g_autofree char *by = g_strconcat ("\n", with, "\n", NULL);

  g_assert_cmpuint (g_string_replace (text, needle, by, 1), ==, 1);
}

static const TlDocSegment *
find_line (TlDocument *doc, const char *text)
{
  for (guint i = 0; i < doc->segments->len; i++)
    if (strcmp (g_array_index (doc->segments, TlDocSegment, i).text, text) == 0)
      return &g_array_index (doc->segments, TlDocSegment, i);
  g_error ("no line “%s”", text);
  return NULL;
}

/* the five seeds, as they are: their "Label: value" lines and the summary
 * page's "-Both countries need each other: …" name no one */
static void
test_seeds_name_no_one (void)
{
  for (guint n = 0; n < 5; n++)
    {
      g_autofree char *prefix = g_strdup_printf ("00%u_", n);
      g_autofree char *path = tl_test_sample_named (prefix);
      g_autoptr(GError) error = NULL;
      g_autoptr(TlDocument) doc = tl_import_file (path, NULL, NULL, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < doc->segments->len; i++)
        g_assert_null (g_array_index (doc->segments, TlDocSegment, i).speaker);
    }
}

/* the summary page's transcript, with the prefixes of captions and
 * transcripts: each names the speaker of its line and the lines after */
static void
test_summary_page_prefixes (void)
{
  g_autofree char *seed = read_sample ("001_");
  g_autoptr(GString) text = g_string_new (seed);
  g_autoptr(TlDocument) doc = NULL;
  const TlDocSegment *seg;

  replace_line (text, "seen by many as outcasts on the global", "SPEAKER 1: seen by many as outcasts on the global");
  replace_line (text, "from the BBC Korean Service who joins me", ">> DAVID OH: from the BBC Korean Service who joins me");
  replace_line (text, "Laura first of all you've covered uh", "Laura Bicker: Laura first of all you've covered uh");
  replace_line (text, "Ukraine Jean McKenzie reports from keev", "- Laura Bicker: Ukraine Jean McKenzie reports from keev");
  doc = tl_test_import_ok ("summary-page", text->str);

  g_assert_null (g_array_index (doc->segments, TlDocSegment, 0).speaker);
  seg = find_line (doc, "seen by many as outcasts on the global");
  g_assert_cmpstr (seg->speaker, ==, "SPEAKER 1");
  g_assert_cmpstr (seg[1].speaker, ==, "SPEAKER 1");
  seg = find_line (doc, "from the BBC Korean Service who joins me");
  g_assert_cmpstr (seg->speaker, ==, "DAVID OH");
  seg = find_line (doc, "Laura first of all you've covered uh");
  g_assert_cmpstr (seg->speaker, ==, "Laura Bicker");
  g_assert_cmpstr (seg[-1].speaker, ==, "DAVID OH");
  seg = find_line (doc, "Ukraine Jean McKenzie reports from keev");
  g_assert_cmpstr (seg->speaker, ==, "Laura Bicker");
}

/* a name used once, without a mark, is a sentence's start: kept as text */
static void
test_one_colon_is_text (void)
{
  g_autoptr(TlDocument) doc = tl_test_import_ok ("srt",
    "1\n00:00:01,000 --> 00:00:03,000\nPresident Putin: a friend, he said.\n\n"
    "2\n00:00:03,000 --> 00:00:05,000\nAnd then the parade began.\n");

  tl_test_assert_segment (doc, 0, 1000000, 3000000, NULL, "President Putin: a friend, he said.");
  tl_test_assert_segment (doc, 1, 3000000, 5000000, NULL, "And then the parade began.");
}

/* Rev ("Name (00:00:05):") and Otter ("Name  0:05") shapes, the seed's words */
static void
test_rev_and_otter (void)
{
  g_autoptr(TlDocument) rev = tl_test_import_timed ("timestamped",
    "Heather (00:00:00):\ninternationally today Russian President Vladimir Putin is making a visit to North Korea\n\n"
    "Anna Cunningham (00:00:12):\nmorning Heather well the Kremlin is describing this as a rare trip\n");
  g_autoptr(TlDocument) otter = tl_test_import_timed ("timestamped",
    "Speaker 1  0:00\ninternationally today Russian President Vladimir Putin is making a visit\n\n"
    "Anna Cunningham  0:12\nmorning Heather well the Kremlin is describing this as a rare trip\n");

  tl_test_assert_segment (rev, 0, 0, 12000000, "Heather",
                          "internationally today Russian President Vladimir Putin is making a visit to North Korea");
  tl_test_assert_segment (rev, 1, 12000000, TL_TIME_NONE, "Anna Cunningham",
                          "morning Heather well the Kremlin is describing this as a rare trip");
  g_assert_cmpstr (tl_test_segment (otter, 0)->speaker, ==, "Speaker 1");
  g_assert_cmpstr (tl_test_segment (otter, 1)->speaker, ==, "Anna Cunningham");
}

/* whisper's lines: the name leaves the text, and its words the line's words */
static void
test_whisper_prefix (void)
{
  g_autoptr(TlDocument) doc = tl_test_import_ok ("whisper-json",
    "{\"segments\": [\n"
    " {\"start\": 0.0, \"end\": 2.0, \"text\": \" SPEAKER 1: Putin met Kim.\",\n"
    "  \"words\": [{\"word\": \" SPEAKER\", \"start\": 0.0, \"end\": 0.3}, {\"word\": \" 1:\", \"start\": 0.3, \"end\": 0.5},\n"
    "            {\"word\": \" Putin\", \"start\": 0.6, \"end\": 1.0}, {\"word\": \" met\", \"start\": 1.0, \"end\": 1.3},\n"
    "            {\"word\": \" Kim.\", \"start\": 1.4, \"end\": 2.0}]},\n"
    " {\"start\": 2.0, \"end\": 3.0, \"text\": \" They signed a pact.\"}]}\n");
  const TlDocSegment *seg = tl_test_segment (doc, 0);

  tl_test_assert_segment (doc, 0, 0, 2000000, "SPEAKER 1", "Putin met Kim.");
  tl_test_assert_segment (doc, 1, 2000000, 3000000, "SPEAKER 1", "They signed a pact.");
  tl_document_fit_words (doc);
  seg = tl_test_segment (doc, 0);
  g_assert_cmpuint (seg->n_words, ==, 3);
  g_assert_cmpstr (g_array_index (doc->words, TlDocWord, seg->first_word).text, ==, "Putin");
  g_assert_cmpint (g_array_index (doc->words, TlDocWord, seg->first_word).start, ==, 600000);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/import/speakers/seeds-name-no-one", test_seeds_name_no_one);
  g_test_add_func ("/core/import/speakers/summary-page-prefixes", test_summary_page_prefixes);
  g_test_add_func ("/core/import/speakers/one-colon-is-text", test_one_colon_is_text);
  g_test_add_func ("/core/import/speakers/rev-and-otter", test_rev_and_otter);
  g_test_add_func ("/core/import/speakers/whisper-prefix", test_whisper_prefix);
  return g_test_run ();
}
