/* test-import-web.c: the importers of text copied from web pages (video
 * transcript pages, summary pages, scraped caption pages, news articles)
 * and the plain-text fallback, on the five sample pages in tests/data and
 * on hand-made variants. */
#include <string.h>

#include "tl-page.h"
#include "tl-segmenter.h"
#include "tl-test-import.h"

#define SEC(s) ((gint64) (s) * TL_USEC_PER_SEC)

/* Page chrome that must never reach a segment. */
static const char *const furniture[] = {
  "Subscribe", "Please enter your comment", "Please enter your name", "Sponsor Message",
  "Play Live Radio", "Next Up:", "Available On Air Stations", "Takeaways", "Rate This",
  "5.0 / 5", "Q & A", "Mindmap", "Related Tags", "Video Statistics", "Captions Word Cloud",
  "Reddit Comments", "Related Videos", "Please note that this website", "Channel:",
  "Keywords:", "Copyright", "Getty Images", "Video Keywords", "**", "](http", "[[",
  "Download the", "Follow CBC", "For more than 80 years",
};

static char *
load_sample (const char *name, gsize *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, length, &error);
  g_assert_no_error (error);
  return text;
}

/* Imports @text by sniffing, which must pick @expect_importer. */
static TlDocument *
import (const char *text, gsize length, const char *expect_importer)
{
  const TlImporter *importer = tl_importer_sniff (text, length);

  g_assert_nonnull (importer);
  g_assert_cmpstr (importer->name, ==, expect_importer);
  return tl_test_import_ok (expect_importer, text);
}

static guint
count_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    n += words[i][0] != '\0';
  return n;
}

/* @text with every run of white space made one space. */
static char *
normalise_spaces (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
joined_segments (TlDocument *doc)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < doc->segments->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "", tl_document_get_segment (doc, i)->text);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What holds for every page: no chrome in the text, no segment over the
 * word limit, no empty segment. */
static void
assert_clean_segments (TlDocument *doc)
{
  for (guint i = 0; i < doc->segments->len; i++)
    {
      const TlDocSegment *seg = tl_document_get_segment (doc, i);

      g_assert_cmpstr (seg->text, !=, "");
      g_assert_true (g_utf8_validate (seg->text, -1, NULL));
      g_assert_cmpuint (count_words (seg->text), <=, TL_PROSE_MAX_WORDS);
      g_assert_cmpuint (seg->line, >, 0);
      for (guint j = 0; j < G_N_ELEMENTS (furniture); j++)
        if (strstr (seg->text, furniture[j]) != NULL)
          g_error ("segment %u holds page chrome “%s”: %s", i, furniture[j], seg->text);
    }
}

static const char *
keyword (TlDocument *doc, guint i)
{
  g_assert_cmpuint (i, <, doc->keywords->len);
  return g_ptr_array_index (doc->keywords, i);
}

static const TlDocChapter *
chapter (TlDocument *doc, guint i)
{
  g_assert_cmpuint (i, <, doc->chapters->len);
  return &g_array_index (doc->chapters, TlDocChapter, i);
}

/* Which of the web importers claims @text, and that the others do not:
 * the expected one with a high score, the other page importers 0, the
 * plain-text fallback at most 1. */
static void
assert_sniffed_only_by (const char *text, gsize length, const char *name)
{
  static const char *const page_importers[] = { "video-page", "summary-page", "web-page", "article" };

  for (guint i = 0; i < G_N_ELEMENTS (page_importers); i++)
    {
      const TlImporter *importer = tl_importer_find (page_importers[i]);
      guint score;

      g_assert_nonnull (importer);
      score = importer->sniff (text, length);
      if (g_strcmp0 (name, page_importers[i]) == 0)
        g_assert_cmpuint (score, >=, 80);
      else
        g_assert_cmpuint (score, ==, 0);
    }
  g_assert_cmpuint (tl_importer_find ("text")->sniff (text, length), <=, 1);
}

/* 000: a transcript generator's page: front matter, title, outlet line,
 * one bullet per line with a link to its time. */
static void
test_video_page_sample (void)
{
  gsize length;
  g_autofree char *text = load_sample ("000_60cfeacd6302d3bb.txt", &length);
  g_autoptr(TlDocument) doc = NULL;

  assert_sniffed_only_by (text, length, "video-page");
  doc = import (text, length, "video-page");
  g_assert_cmpint (doc->kind, ==, TL_SOURCE_KIND_TRANSCRIPT);
  g_assert_cmpint (doc->timing, ==, TL_TIMING_NATIVE);
  g_assert_cmpstr (doc->title, ==, "Significance of Putin and Kim Jong Un's meeting in North Korea");
  g_assert_cmpstr (doc->outlet, ==, "CBS - Face the Nation - World News");
  g_assert_cmpstr (doc->published, ==, "2024-06-18");
  g_assert_cmpstr (doc->url, ==, "https://www.youtube.com/watch?v=ANgc595nf8w");
  g_assert_cmpstr (doc->external_id, ==, "ANgc595nf8w");
  g_assert_cmpint (doc->duration, ==, SEC (190));
  g_assert_null (doc->language);

  /* 14 listed; "War" repeats "war" and keywords are kept once */
  g_assert_cmpuint (doc->keywords->len, ==, 13);
  g_assert_cmpstr (keyword (doc, 0), ==, "Russia");
  g_assert_cmpstr (keyword (doc, 3), ==, "Kim Jong Un");
  g_assert_cmpstr (keyword (doc, 7), ==, "nuclear missiles");
  g_assert_cmpstr (keyword (doc, 12), ==, "World");

  /* the first paragraph only: the hashtags after it start the channel's
   * boilerplate */
  g_assert_cmpstr (doc->description, ==,
                   "Russian President Vladimir Putin is visiting North Korea as concerns grow of a "
                   "stronger alliance with Kim Jong Un that could aid Russia in its war against Ukraine. "
                   "Vitaly Shevchenko with BBC News, a CBS News partner, has more.");
  g_assert_cmpuint (doc->chapters->len, ==, 0);
  g_assert_cmpuint (doc->warnings->len, ==, 0);

  g_assert_cmpuint (doc->segments->len, ==, 28);
  tl_test_assert_segment_text (doc, 0, 0, 5560000,
                               "In time, Russian President Vladimir Putin is traveling to North Korea for the first "
                               "time in 24 years.");
  /* t=5.5600000000000005s, not the rounded 00:00:05 shown */
  tl_test_assert_segment_text (doc, 1, 5560000, 12720000,
                               "He's meeting with the country's leader, Kim Jong-un, amid mounting international "
                               "concern "
                               "about the military cooperation between the two nations.");
  /* t=71.03999999999999s is 71.04 s */
  tl_test_assert_segment_text (doc, 10, 71040000, 73960000, "At least that's what South Korea is saying.");
  /* the last line lasts until the stated length */
  tl_test_assert_segment_text (doc, 27, 189440000, SEC (190), "Thank you.");
  g_assert_cmpuint (tl_document_get_segment (doc, 0)->line, ==, 28);
  g_assert_cmpuint (tl_document_get_segment (doc, 27)->line, ==, 55);
  for (guint i = 0; i + 1 < doc->segments->len; i++)
    g_assert_cmpint (tl_document_get_segment (doc, i)->end, ==, tl_document_get_segment (doc, i + 1)->start);
  assert_clean_segments (doc);
}

/* 001: a summary page whose transcript is "playMM:SS" lines. */
static void
test_summary_page_sample (void)
{
  gsize length;
  g_autofree char *text = load_sample ("001_1c9dfaa17b4212dc.txt", &length);
  g_autoptr(TlDocument) doc = NULL;

  assert_sniffed_only_by (text, length, "summary-page");
  doc = import (text, length, "summary-page");
  g_assert_cmpint (doc->kind, ==, TL_SOURCE_KIND_TRANSCRIPT);
  g_assert_cmpint (doc->timing, ==, TL_TIMING_NATIVE);
  /* " | BBC News" named the outlet and goes */
  g_assert_cmpstr (doc->title, ==, "Russia pact with North Korea will protect us both from aggression, says Putin");
  g_assert_cmpstr (doc->outlet, ==, "BBC News");
  g_assert_cmpstr (doc->published, ==, "2024-06-19");
  g_assert_cmpint (doc->duration, ==, SEC (11 * 60 + 28));
  g_assert_null (doc->url);
  g_assert_null (doc->external_id);

  g_assert_true (g_str_has_prefix (doc->description,
                                   "Russian President Vladimir Putin visited North Korea, meeting Kim Jong-un"));
  g_assert_true (g_str_has_suffix (doc->description, "are a cause for concern among international observers."));
  g_assert_null (strstr (doc->description, "TLDR"));

  /* eleven "💡" terms, then the ten glued related tags */
  g_assert_cmpuint (doc->keywords->len, ==, 21);
  g_assert_cmpstr (keyword (doc, 0), ==, "World Leaders");
  g_assert_cmpstr (keyword (doc, 4), ==, "Security and International Issues");
  g_assert_cmpstr (keyword (doc, 10), ==, "Global Pariah");
  g_assert_cmpstr (keyword (doc, 11), ==, "Putin");
  g_assert_cmpstr (keyword (doc, 12), ==, "Kim Jong-un");
  g_assert_cmpstr (keyword (doc, 13), ==, "North Korea");
  g_assert_cmpstr (keyword (doc, 17), ==, "Military Parade");
  g_assert_cmpstr (keyword (doc, 20), ==, "International Politics");

  g_assert_cmpuint (doc->chapters->len, ==, 3);
  g_assert_cmpint (chapter (doc, 0)->start, ==, 0);
  g_assert_cmpint (chapter (doc, 1)->start, ==, SEC (303));
  g_assert_cmpint (chapter (doc, 2)->start, ==, SEC (605));
  g_assert_cmpstr (chapter (doc, 0)->title, ==, "Putin's Historic Visit and Partnership with North Korea");
  g_assert_cmpstr (chapter (doc, 1)->title, ==, "Analyzing the Implications of the Russia-North Korea Meeting");
  g_assert_cmpstr (chapter (doc, 2)->title, ==, "North Korea's Role in Russia's Military Supply Chain");
  g_assert_cmpint (chapter (doc, 2)->segment_index, ==, -1);

  g_assert_cmpuint (doc->segments->len, ==, 289);
  tl_test_assert_segment_text (doc, 0, 0, SEC (2), "now there are two world leaders who were");
  tl_test_assert_segment_text (doc, 1, SEC (2), SEC (5), "seen by many as outcasts on the global");
  tl_test_assert_segment_text (doc, 288, SEC (684), SEC (688), "meeting between Kim and Putin");
  g_assert_cmpuint (tl_document_get_segment (doc, 0)->line, ==, 176);
  g_assert_cmpuint (doc->warnings->len, ==, 0);
  for (guint i = 0; i < doc->segments->len; i++)
    {
      const char *seg = tl_document_get_segment (doc, i)->text;
      /* neither the Q & A nor the highlights are speech */
      g_assert_null (strstr (seg, "What was the significance"));
      g_assert_null (strstr (seg, "votes"));
    }
  assert_clean_segments (doc);
}

/* 002: a scraped page with the captions as one unpunctuated line, then
 * the description and the channel's boilerplate. */
static void
test_web_page_untimed_sample (void)
{
  gsize length;
  g_autofree char *text = load_sample ("002_1f9174164cd4b1bf.txt", &length);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(TlDocument) doc = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *expected = NULL;

  assert_sniffed_only_by (text, length, "web-page");
  doc = import (text, length, "web-page");
  g_assert_cmpint (doc->kind, ==, TL_SOURCE_KIND_TRANSCRIPT);
  g_assert_cmpint (doc->timing, ==, TL_TIMING_NONE);
  g_assert_cmpstr (doc->title, ==, "Putin to travel to North Korea for 1st trip in 24 years");
  /* read from "Subscribe to CBC News…", "Connect with CBC News Online:" */
  g_assert_cmpstr (doc->outlet, ==, "CBC News");
  g_assert_null (doc->published);
  g_assert_null (doc->url);
  g_assert_null (doc->external_id);
  g_assert_cmpint (doc->duration, ==, TL_TIME_NONE);
  g_assert_cmpuint (doc->keywords->len, ==, 0);
  g_assert_cmpuint (doc->chapters->len, ==, 0);
  g_assert_cmpstr (doc->description, ==,
                   "Vladimir Putin is travelling to North Korea on Tuesday for his first visit to the country "
                   "since his first year as Russian president in 2000. John Kirby, spokesperson of the U.S. "
                   "National Security Council, said the deepening relationship between Moscow and Pyongyang is concerning.");

  /* the 2,912-byte line 4, cut into pieces of 10 to 30 words */
  g_assert_cmpuint (strlen (lines[3]), ==, 2912);
  g_assert_cmpuint (doc->segments->len, ==, 26);
  tl_test_assert_segment_text (doc, 0, TL_TIME_NONE, TL_TIME_NONE,
                               "internationally today Russian President Vladimir Putin is making a visit to North "
                               "Korea "
                               "his first trip to that country in 24 years");
  g_assert_true (g_str_has_prefix (tl_document_get_segment (doc, 1)->text, "the visit will be watched"));
  g_assert_true (g_str_has_suffix (tl_document_get_segment (doc, 25)->text,
                                   "Anna Cunningham thanks very much from London this morning"));
  for (guint i = 0; i < doc->segments->len; i++)
    {
      const TlDocSegment *seg = tl_document_get_segment (doc, i);
      guint n = count_words (seg->text);

      g_assert_cmpint (seg->start, ==, TL_TIME_NONE);
      g_assert_cmpint (seg->end, ==, TL_TIME_NONE);
      g_assert_cmpuint (seg->line, ==, 4);
      g_assert_false (seg->non_speech);
      g_assert_cmpuint (n, >=, 10);
      g_assert_cmpuint (n, <=, 30);
    }
  /* nothing lost, nothing added */
  joined = joined_segments (doc);
  expected = normalise_spaces (lines[3]);
  g_assert_cmpstr (joined, ==, expected);
  g_assert_false (tl_document_has_times (doc));
  assert_clean_segments (doc);
}

/* 003: captions with [Music] marks and trailing fields, among them the
 * length: times are spread over it. */
static void
test_web_page_fields_sample (void)
{
  gsize length;
  g_autofree char *text = load_sample ("003_0112caa6a726d7fb.txt", &length);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(TlDocument) doc = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *expected = NULL;
  guint marks = 0;

  assert_sniffed_only_by (text, length, "web-page");
  doc = import (text, length, "web-page");
  g_assert_cmpint (doc->kind, ==, TL_SOURCE_KIND_TRANSCRIPT);
  g_assert_cmpint (doc->timing, ==, TL_TIMING_ESTIMATED);
  /* the suffix names a show, not the outlet: it stays */
  g_assert_cmpstr (doc->title, ==, "Putin Upgrades North Korea Ties in Visit to Pyongyang | Vantage with Palki Sharma");
  g_assert_cmpstr (doc->outlet, ==, "Firstpost");
  g_assert_cmpstr (doc->published, ==, "2024-06-19");
  g_assert_cmpstr (doc->external_id, ==, "xpLMrs8vuD8");
  g_assert_cmpstr (doc->url, ==, "https://www.youtube.com/watch?v=xpLMrs8vuD8");
  g_assert_cmpint (doc->duration, ==, SEC (598));
  g_assert_null (doc->description);
  g_assert_cmpuint (doc->chapters->len, ==, 0);
  g_assert_cmpuint (doc->keywords->len, ==, 23);
  g_assert_cmpstr (keyword (doc, 0), ==, "firstpost");
  g_assert_cmpstr (keyword (doc, 3), ==, "vantage palki sharma");
  g_assert_cmpstr (keyword (doc, 22), ==, "putin visits pyongyang");

  g_assert_cmpuint (doc->segments->len, ==, 63);
  tl_test_assert_segment_text (doc, 0, 0, tl_document_get_segment (doc, 1)->start, "[Music]");
  g_assert_cmpstr (tl_document_get_segment (doc, 1)->text, ==, "fore spee");
  g_assert_cmpstr (tl_document_get_segment (doc, 2)->text, ==, "[Music] [Music]");
  g_assert_true (g_str_has_prefix (tl_document_get_segment (doc, 3)->text,
                                   "25 years a quarter of a century that's how long Vladimir Putin"));
  g_assert_cmpstr (tl_document_get_segment (doc, 62)->text, ==, "[Music]");
  g_assert_cmpint (tl_document_get_segment (doc, 62)->end, ==, SEC (598));

  /* estimated times cover exactly [0, 598 s], in order, without gaps */
  g_assert_cmpint (tl_document_get_segment (doc, 0)->start, ==, 0);
  for (guint i = 0; i < doc->segments->len; i++)
    {
      const TlDocSegment *seg = tl_document_get_segment (doc, i);

      g_assert_cmpint (seg->end, >, seg->start);
      if (i + 1 < doc->segments->len)
        g_assert_cmpint (seg->end, ==, tl_document_get_segment (doc, i + 1)->start);
      g_assert_cmpuint (seg->line, ==, 7);
      /* marks, and only marks, are non-speech */
      g_assert_cmpint (seg->non_speech, ==, seg->text[0] == '[');
      marks += seg->non_speech;
    }
  g_assert_cmpuint (marks, ==, 6);
  joined = joined_segments (doc);
  expected = normalise_spaces (lines[6]);
  g_assert_cmpstr (joined, ==, expected);
  assert_clean_segments (doc);
}

/* 004: a news article: one segment per paragraph, headings as sections. */
static void
test_article_sample (void)
{
  gsize length;
  g_autofree char *text = load_sample ("004_6bcb75f48e6afdfd.txt", &length);
  g_autoptr(TlDocument) doc = NULL;

  assert_sniffed_only_by (text, length, "article");
  doc = import (text, length, "article");
  g_assert_cmpint (doc->kind, ==, TL_SOURCE_KIND_ARTICLE);
  g_assert_cmpint (doc->timing, ==, TL_TIMING_NONE);
  g_assert_cmpstr (doc->title, ==, "Putin and Kim Jong Un will meet in North Korea, supporter of Russia's war in Ukraine");
  g_assert_cmpstr (doc->outlet, ==, "NPR");
  g_assert_cmpstr (doc->published, ==, "2024-06-18");
  g_assert_null (doc->url);
  g_assert_null (doc->external_id);
  g_assert_null (doc->description);
  g_assert_cmpint (doc->duration, ==, TL_TIME_NONE);
  g_assert_cmpuint (doc->keywords->len, ==, 0);

  /* 4 paragraphs before the first heading, 9, 7 and 5 under the three */
  g_assert_cmpuint (doc->segments->len, ==, 25);
  g_assert_cmpuint (doc->chapters->len, ==, 3);
  g_assert_cmpstr (chapter (doc, 0)->title, ==, "Pyongyang and Moscow cooperate on Ukraine");
  g_assert_cmpint (chapter (doc, 0)->segment_index, ==, 4);
  g_assert_cmpint (chapter (doc, 0)->start, ==, TL_TIME_NONE);
  g_assert_cmpstr (chapter (doc, 1)->title, ==, "Why the bilateral relations aren't expected to expand");
  g_assert_cmpint (chapter (doc, 1)->segment_index, ==, 13);
  g_assert_cmpstr (chapter (doc, 2)->title, ==, "How China figures into North Korea-Russia ties");
  g_assert_cmpint (chapter (doc, 2)->segment_index, ==, 20);

  /* the dateline stays in the first paragraph */
  tl_test_assert_segment_text (doc, 0, TL_TIME_NONE, TL_TIME_NONE,
                               "SEOUL, South Korea \xe2\x80\x94 President Vladimir Putin of Russia has arrived in "
                               "North Korea "
                               "for a summit with leader Kim Jong Un.");
  g_assert_cmpuint (tl_document_get_segment (doc, 0)->line, ==, 15);
  /* paragraphs are not split into sentences */
  tl_test_assert_segment_text (doc, 2, TL_TIME_NONE, TL_TIME_NONE,
                               "Putin arrived early Wednesday morning, with the two leaders expected to meet later in "
                               "the day. "
                               "It is Putin's first trip to North Korea since 2000 and the first visit in North Korea "
                               "by a "
                               "head of state since the country shut its borders in 2020.");
  tl_test_assert_segment_text (doc, 4, TL_TIME_NONE, TL_TIME_NONE,
                               "North Korea has consistently supported Russia from the early days of the war in "
                               "Ukraine, "
                               "voting against the United Nations resolution condemning Russia's invasion and joining "
                               "Russia "
                               "in recognizing Luhansk and Donetsk as independent states.");
  tl_test_assert_segment_text (doc, 24, TL_TIME_NONE, TL_TIME_NONE,
                               "In an interview with Russia\xe2\x80\x99s state media in March, Putin said North Korea "
                               "\"has its own nuclear umbrella.\"");
  g_assert_cmpuint (tl_document_get_segment (doc, 24)->line, ==, 71);
  for (guint i = 0; i < doc->segments->len; i++)
    {
      const char *seg = tl_document_get_segment (doc, i)->text;
      /* the photo caption (printed twice), its credits, the date line */
      g_assert_null (strstr (seg, "Cosmodrome"));
      g_assert_null (strstr (seg, "Vladimir Smirnov"));
      g_assert_null (strstr (seg, "Updated June"));
      g_assert_null (strstr (seg, "0:00"));
      g_assert_false (tl_document_get_segment (doc, i)->non_speech);
    }
  g_assert_false (tl_document_has_times (doc));
  assert_clean_segments (doc);
}

/* Subtitles and timed formats are none of these importers' business. */
static void
test_sniff_subtitles (void)
{
  static const char *const samples[] = {
    "1\n00:00:01,000 --> 00:00:04,000\nHello there, this is the first cue of the file.\n\n"
    "2\n00:00:05,000 --> 00:00:08,000\nAnd this is the second one, a little longer.\n",
    "WEBVTT\n\n00:01.000 --> 00:04.000\nHello there, this is the first cue of the file.\n",
    "0:00:00.378,0:00:02.373\nHello there, this is the first cue of the file.\n\n"
    "0:00:02.373,0:00:04.000\nAnd the second one.\n",
    "0.000\t2.500\tfirst label of the set\n2.500\t5.000\tsecond label of the set\n",
    "{\"text\": \" And so my fellow Americans ask not what your country can do for you\"}",
    "<?xml version=\"1.0\"?>\n<tt xmlns=\"http://www.w3.org/ns/ttml\"><body><p>Hello there</p></body></tt>\n",
    "[Script Info]\nTitle: a test\nScriptType: v4.00+\n",
    "1\nsome text",
    "garbage vtt file",
  };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      const char *text = samples[i];
      gsize length = strlen (text);
      guint n;
      const TlImporter *const *importers = tl_importers (&n);

      for (guint k = 0; k < n; k++)
        if (g_strv_contains ((const char *const[]) { "video-page", "summary-page", "web-page", "article", "text", NULL },
                             importers[k]->name)
            /* by content that one is prose; its name decides (below) */
            && !(g_str_equal (importers[k]->name, "text") && g_str_equal (text, "garbage vtt file")))
          g_assert_cmpuint (importers[k]->sniff (text, length), ==, 0);
    }

  /* a file named like a subtitle format that only plain text would take is
   * refused; the same words in a .txt are a (short) transcript */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TlDocument) doc = NULL;

    g_assert_null (tl_import_text ("garbage.vtt", "garbage vtt file", 16, NULL, NULL, &error));
    g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_UNKNOWN);
    g_assert_nonnull (strstr (error->message, "WebVTT"));
    doc = tl_import_text ("notes.txt", "garbage vtt file", 16, NULL, NULL, NULL);
    g_assert_nonnull (doc);
    g_assert_cmpstr (doc->format, ==, "text");
  }
}

/* A 000-shaped page of three bullets: keywords with quotes, a description
 * of two paragraphs before the links, a link inside a line, a time given
 * only by the clock, a youtu.be address. */
static void
test_video_page_variant (void)
{
  const char *text =
    "---\n"
    "Date Generated: March 3, 2025\n"
    "Transcription Model: some model\n"
    "Length: 1:15\n"
    "Video Keywords: ['harbour', \"Captain's log\", 'ships']\n"
    "Video Views: 12\n"
    "Video Description: The harbour reopened today after the storm.\n"
    "Crews worked through the night.\n"
    "\n"
    "Our reporter was there at dawn.\n"
    "\n"
    "Follow us on Mastodon: https://example.social/@news\n"
    "---\n"
    "\n"
    "# Harbour reopens after storm\n"
    "**Coast Radio:** [March 2, 2025](https://youtu.be/abcDEF12345?si=x)\n"
    "*  Good morning from the harbour. [[00:00:00](https://youtu.be/abcDEF12345?t=0.0s)]\n"
    "*  Read more on [our site](https://example.org/harbour) later. [[00:00:04](https://youtu.be/abcDEF12345?t=4.25s)]\n"
    "*  That is all &amp; goodbye. [[00:01:05](https://example.org/video/abcDEF12345)]\n";
  g_autoptr(TlDocument) doc = import (text, strlen (text), "video-page");

  g_assert_cmpstr (doc->title, ==, "Harbour reopens after storm");
  g_assert_cmpstr (doc->outlet, ==, "Coast Radio");
  g_assert_cmpstr (doc->published, ==, "2025-03-02");
  g_assert_cmpstr (doc->url, ==, "https://youtu.be/abcDEF12345?si=x");
  g_assert_cmpstr (doc->external_id, ==, "abcDEF12345");
  g_assert_cmpint (doc->duration, ==, SEC (75));
  g_assert_cmpuint (doc->keywords->len, ==, 3);
  g_assert_cmpstr (keyword (doc, 1), ==, "Captain's log");
  g_assert_cmpstr (doc->description, ==,
                   "The harbour reopened today after the storm.\nCrews worked through the night.\n\n"
                   "Our reporter was there at dawn.");
  g_assert_cmpuint (doc->segments->len, ==, 3);
  tl_test_assert_segment_text (doc, 0, 0, 4250000, "Good morning from the harbour.");
  tl_test_assert_segment_text (doc, 1, 4250000, SEC (65), "Read more on our site later.");
  tl_test_assert_segment_text (doc, 2, SEC (65), SEC (75), "That is all & goodbye.");
  g_assert_cmpuint (tl_document_get_segment (doc, 2)->line, ==, 19);
  g_assert_cmpint (doc->timing, ==, TL_TIMING_NATIVE);
}

static void
test_video_page_errors (void)
{
  const char *unclosed =
    "---\nLength: 10s\nVideo Keywords: ['a']\n"
    "*  Hello. [[00:00:00](https://youtu.be/x?t=0s)]\n";
  const char *bad_time =
    "---\nLength: 10s\n---\n# T\n"
    "*  Hello. [[00:00:00](https://youtu.be/x?t=0s)]\n"
    "*  Broken. [[soon](https://youtu.be/x)]\n";
  const char *stray =
    "---\nLength: 10s\n---\n# T\n"
    "*  Hello. [[00:00:00](https://youtu.be/x?t=1s)]\n"
    "A line that is no bullet\n"
    "*  A bullet without a time link\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = NULL;
  guint line = 0;

  doc = tl_import_text (NULL, unclosed, strlen (unclosed), "video-page", &line, &error);
  g_assert_null (doc);
  g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_PARSE);
  g_assert_cmpuint (line, ==, 1);
  g_clear_error (&error);

  doc = tl_import_text (NULL, bad_time, strlen (bad_time), "video-page", &line, &error);
  g_assert_null (doc);
  g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_PARSE);
  g_assert_cmpuint (line, ==, 6);
  g_clear_error (&error);

  doc = tl_import_text (NULL, stray, strlen (stray), "video-page", &line, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (doc->segments->len, ==, 1);
  tl_test_assert_segment_text (doc, 0, SEC (1), SEC (10), "Hello.");
  g_assert_cmpuint (doc->warnings->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 0), ==, "line 6: line not understood; left out");
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 1), ==, "line 7: line without a time link; left out");
}

/* A summary page of an hour-long video: "playH:MM:SS" times, no outlet
 * suffix on the title, a section name said as speech. */
static void
test_summary_page_hours (void)
{
  const char *text =
    "A long talk about harbours\n"
    "\n"
    "Coast Radio\n"
    "3 Mar 20251:00:10\n"
    "\n"
    "Summary\n"
    "\n"
    "TLDR The talk covers harbours.\n"
    "\n"
    "It also covers storms.\n"
    "\n"
    "Transcripts\n"
    "\n"
    "play59:58\n"
    "\n"
    "and that brings us to the\n"
    "\n"
    "play1:00:01\n"
    "\n"
    "Highlights\n"
    "\n"
    "play1:00:05\n"
    "\n"
    "of the evening\n"
    "which we saw together\n"
    "\n"
    "Rate This\n"
    "\n"
    "5.0 / 5 (0 votes)\n"
    "\n"
    "Related Tags\n"
    "HarbourStormsFerry Services\n";
  g_autoptr(TlDocument) doc = import (text, strlen (text), "summary-page");

  g_assert_cmpstr (doc->title, ==, "A long talk about harbours");
  g_assert_cmpstr (doc->outlet, ==, "Coast Radio");
  g_assert_cmpstr (doc->published, ==, "2025-03-03");
  g_assert_cmpint (doc->duration, ==, SEC (3610));
  g_assert_cmpstr (doc->description, ==, "The talk covers harbours.\n\nIt also covers storms.");
  g_assert_cmpuint (doc->chapters->len, ==, 0);
  g_assert_cmpuint (doc->segments->len, ==, 3);
  tl_test_assert_segment_text (doc, 0, SEC (3598), SEC (3601), "and that brings us to the");
  tl_test_assert_segment_text (doc, 1, SEC (3601), SEC (3605), "Highlights");
  tl_test_assert_segment_text (doc, 2, SEC (3605), SEC (3610), "of the evening which we saw together");
  g_assert_cmpuint (tl_document_get_segment (doc, 2)->line, ==, 22);
  /* split where a lower-case letter meets an upper-case one */
  g_assert_cmpuint (doc->keywords->len, ==, 3);
  g_assert_cmpstr (keyword (doc, 0), ==, "Harbour");
  g_assert_cmpstr (keyword (doc, 1), ==, "Storms");
  g_assert_cmpstr (keyword (doc, 2), ==, "Ferry Services");
  g_assert_cmpint (doc->timing, ==, TL_TIMING_NATIVE);
}

static void
test_summary_page_bad_time (void)
{
  const char *text = "T\n\nO\n1 Jan 20240:10\n\nTranscripts\n\nplay00:00\n\nhello\n\nplay00:75\n\nthere\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = NULL;
  guint line = 0;

  g_assert_cmpstr (tl_importer_sniff (text, strlen (text))->name, ==, "summary-page");
  doc = tl_import_text (NULL, text, strlen (text), NULL, &line, &error);
  g_assert_null (doc);
  g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_PARSE);
  g_assert_cmpuint (line, ==, 12);
}

/* A scraped page whose captions came punctuated: found by its fields,
 * read sentence by sentence, times spread over the stated length. */
static void
test_web_page_punctuated (void)
{
  g_autoptr(GString) text = g_string_new ("Harbour reopens | Coast Radio\n\nVideo Statistics and Information\n\n");
  g_autoptr(TlDocument) doc = NULL;

  for (guint i = 0; i < 12; i++)
    g_string_append_printf (text, "This is sentence number %u of the captions, read out by the presenter. ", i + 1);
  g_string_append (text, "\nChannel: Coast Radio\nViews: 1,024\nId: undefined\nLength: 1min 30sec\n"
                         "Published: Mon Mar 3 2025\nKeywords: harbour, storm, Harbour\n");
  doc = import (text->str, text->len, "web-page");
  g_assert_cmpstr (doc->title, ==, "Harbour reopens");
  g_assert_cmpstr (doc->outlet, ==, "Coast Radio");
  g_assert_null (doc->external_id);
  g_assert_null (doc->url);
  g_assert_cmpint (doc->duration, ==, SEC (90));
  g_assert_cmpstr (doc->published, ==, "2025-03-03");
  g_assert_cmpuint (doc->keywords->len, ==, 2);
  g_assert_cmpuint (doc->segments->len, ==, 12);
  g_assert_cmpstr (tl_document_get_segment (doc, 11)->text, ==,
                   "This is sentence number 12 of the captions, read out by the presenter.");
  g_assert_cmpint (tl_document_get_segment (doc, 0)->start, ==, 0);
  g_assert_cmpint (tl_document_get_segment (doc, 11)->end, ==, SEC (90));
  g_assert_cmpint (doc->timing, ==, TL_TIMING_ESTIMATED);
}

/* An article with no section headings, a byline and a wire copyright. */
static void
test_article_without_sections (void)
{
  const char *text =
    "Skip to main content\n"
    "\n"
    "Harbour reopens after week-long storm closure\n"
    "\n"
    "By Jane Doe\n"
    "Published March 3, 2025\n"
    "\n"
    "HALIFAX, Nova Scotia (AP) \xe2\x80\x94 The harbour reopened on Monday after a storm kept ships at anchor for a week.\n"
    "\n"
    "Port officials said crews had cleared debris from the main channel overnight. \"We are open,\" said Dr. Ann Lee.\n"
    "\n"
    "Advertisement\n"
    "\n"
    "Ferries resumed their schedules by noon, though some sailings were delayed by fog.\n"
    "\n"
    "Fishermen, who lost a week of work, said the closure cost them dearly at the start of the season.\n"
    "\n"
    "The storm, which brought winds of 3.5 times the seasonal average, was the worst in a decade.\n"
    "\n"
    "Copyright lawyers for the port, hired in 2019, declined to comment on the insurance claims.\n"
    "\n"
    "By Monday it was over.\n"
    "\n"
    "\xc2\xa9 2025 The Associated Press. All rights reserved.\n"
    "\n"
    "Terms of use\n";
  g_autoptr(TlDocument) doc = NULL;

  assert_sniffed_only_by (text, strlen (text), "article");
  doc = import (text, strlen (text), "article");
  g_assert_cmpint (doc->kind, ==, TL_SOURCE_KIND_ARTICLE);
  g_assert_cmpstr (doc->title, ==, "Harbour reopens after week-long storm closure");
  g_assert_cmpstr (doc->outlet, ==, "The Associated Press");
  g_assert_cmpstr (doc->published, ==, "2025-03-03");
  g_assert_cmpuint (doc->chapters->len, ==, 0);
  g_assert_cmpuint (doc->segments->len, ==, 7);
  tl_test_assert_segment_text (doc, 0, TL_TIME_NONE, TL_TIME_NONE,
                               "HALIFAX, Nova Scotia (AP) \xe2\x80\x94 The harbour reopened on Monday after a storm "
                               "kept "
                               "ships at anchor for a week.");
  tl_test_assert_segment_text (doc, 1, TL_TIME_NONE, TL_TIME_NONE,
                               "Port officials said crews had cleared debris from the main channel overnight. \"We are "
                               "open,\" "
                               "said Dr. Ann Lee.");
  g_assert_cmpuint (tl_document_get_segment (doc, 4)->line, ==, 18);
  /* a paragraph that starts with "Copyright" or "By" is still one */
  g_assert_true (g_str_has_prefix (tl_document_get_segment (doc, 5)->text, "Copyright lawyers"));
  tl_test_assert_segment_text (doc, 6, TL_TIME_NONE, TL_TIME_NONE, "By Monday it was over.");
  g_assert_cmpint (doc->timing, ==, TL_TIMING_NONE);
  for (guint i = 0; i < doc->segments->len; i++)
    {
      g_assert_null (strstr (tl_document_get_segment (doc, i)->text, "Advertisement"));
      g_assert_null (strstr (tl_document_get_segment (doc, i)->text, "Terms of use"));
      g_assert_null (strstr (tl_document_get_segment (doc, i)->text, "Jane Doe"));
    }
}

/* The fallback: a title, a paragraph of short lines (one segment each),
 * a paragraph of prose (one per sentence), machine captions (pieces). */
static void
test_plain_text (void)
{
  const char *text =
    "Interview with the harbour master\n"
    "\n"
    "Good morning.\n"
    "Morning, thanks for having me.\n"
    "[Laughter]\n"
    "So how bad was it?\n"
    "\n"
    "It was the worst storm in a decade. Ships waited for a week. Nobody was hurt.\n"
    "\n\n"
    "well we had crews out all night clearing the channel and by noon the ferries were running again "
    "so people could get to work but the fishermen lost a whole week which hurts at the start of the season\n";
  g_autoptr(TlDocument) doc = import (text, strlen (text), "text");
  guint n;

  g_assert_cmpstr (doc->title, ==, "Interview with the harbour master");
  g_assert_cmpint (doc->kind, ==, TL_SOURCE_KIND_TRANSCRIPT);
  g_assert_cmpint (doc->timing, ==, TL_TIMING_NONE);
  g_assert_cmpuint (doc->segments->len, ==, 9);
  tl_test_assert_segment_text (doc, 0, TL_TIME_NONE, TL_TIME_NONE, "Good morning.");
  g_assert_cmpuint (tl_document_get_segment (doc, 0)->line, ==, 3);
  tl_test_assert_segment_text (doc, 2, TL_TIME_NONE, TL_TIME_NONE, "[Laughter]");
  g_assert_true (tl_document_get_segment (doc, 2)->non_speech);
  g_assert_cmpuint (tl_document_get_segment (doc, 3)->line, ==, 6);
  tl_test_assert_segment_text (doc, 4, TL_TIME_NONE, TL_TIME_NONE, "It was the worst storm in a decade.");
  tl_test_assert_segment_text (doc, 6, TL_TIME_NONE, TL_TIME_NONE, "Nobody was hurt.");
  g_assert_cmpuint (tl_document_get_segment (doc, 6)->line, ==, 8);
  /* 39 unpunctuated words: two pieces, cut before "so" */
  tl_test_assert_segment_text (doc, 7, TL_TIME_NONE, TL_TIME_NONE,
                               "well we had crews out all night clearing the channel and by noon the ferries were "
                               "running again");
  n = count_words (tl_document_get_segment (doc, 8)->text);
  g_assert_cmpuint (n, ==, 21);
  g_assert_true (g_str_has_prefix (tl_document_get_segment (doc, 8)->text, "so people could get to work"));
  g_assert_cmpuint (tl_document_get_segment (doc, 8)->line, ==, 11);
}

static void
test_plain_text_no_title (void)
{
  const char *text = "This file starts straight away with a sentence that is long enough to count. And a second one.\n";
  g_autoptr(TlDocument) doc = import (text, strlen (text), "text");

  g_assert_null (doc->title);
  g_assert_cmpuint (doc->segments->len, ==, 2);
  g_assert_cmpstr (tl_document_get_segment (doc, 1)->text, ==, "And a second one.");
}

/* The readers the page importers share (tl-page.c). */
static void
test_page_helpers (void)
{
  static const struct {
    const char *text;
    const char *date;
  } dates[] = {
    { "June 18, 2024", "2024-06-18" },
    { "Jun 18 2024", "2024-06-18" },
    { "Wed Jun 19 2024", "2024-06-19" },
    { "Wednesday, June 19, 2024", "2024-06-19" },
    { "19 Jun 2024", "2024-06-19" },
    { "18th June, 2024", "2024-06-18" },
    { "Sept. 13, 2023", "2023-09-13" },
    { "2024-06-18T10:00", "2024-06-18" },
    { "June 2024", NULL },
    { "Junk 18, 2024", NULL },
    { "June 32, 2024", NULL },
    { "June 18, 24", NULL },
  };
  static const struct {
    const char *text;
    gint64 usec;
  } durations[] = {
    { "190s", SEC (190) },
    { "190", SEC (190) },
    { "9min 58sec (598 seconds)", SEC (598) },
    { "9min 58sec", SEC (598) },
    { "1h 2m 3s", SEC (3723) },
    { "11:28", SEC (688) },
    { "1:02:03", SEC (3723) },
    { "soon", TL_TIME_NONE },
  };
  static const struct {
    const char *line;
    gboolean boilerplate;
  } lines[] = {
    { "\xc2\xbb\xc2\xbb\xc2\xbb Subscribe to CBC News to watch more videos:", TRUE },
    { "Follow CBC News on TikTok:", TRUE },
    { "Download the CBC News app for iOS:", TRUE },
    { "Watch CBS News 24/7: https://cbsnews.com/live/", TRUE },
    { "#news #northkorea #russia", TRUE },
    { "https://example.org/a", TRUE },
    { "For video licensing inquiries, contact: licensing@example.com", TRUE },
    { "It is available on more than 30 platforms.", TRUE },
    { "Watch as the leaders shake hands in the square.", FALSE },
    { "Russian President Vladimir Putin is visiting North Korea.", FALSE },
    { "Like many others, she waited.", FALSE },
    { "Follow the appeal as it unfolds this week.", FALSE },
    { "Get the app", TRUE },
  };
  g_autoptr(TlDocument) doc = tl_document_new ("test");
  g_autofree char *id1 = tl_page_video_id ("https://www.youtube.com/watch?v=ANgc595nf8w&t=5s", 48);
  g_autofree char *id2 = tl_page_video_id ("https://youtu.be/abcDEF12345?si=x", 33);
  g_autofree char *id3 = tl_page_video_id ("https://example.org/watch", 25);
  const char *tags = "PutinKim Jong-unNorth KoreaUkraine War";

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *date = tl_page_parse_date (dates[i].text, strlen (dates[i].text), NULL);
      g_assert_cmpstr (date, ==, dates[i].date);
    }
  for (guint i = 0; i < G_N_ELEMENTS (durations); i++)
    g_assert_cmpint (tl_page_parse_duration (durations[i].text, strlen (durations[i].text)), ==, durations[i].usec);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (tl_page_is_boilerplate (lines[i].line, strlen (lines[i].line)) != lines[i].boilerplate)
      g_error ("“%s” should %sbe boilerplate", lines[i].line, lines[i].boilerplate ? "" : "not ");
  g_assert_cmpstr (id1, ==, "ANgc595nf8w");
  g_assert_cmpstr (id2, ==, "abcDEF12345");
  g_assert_null (id3);

  tl_page_add_glued_keywords (doc, tags, strlen (tags));
  g_assert_cmpuint (doc->keywords->len, ==, 4);
  g_assert_cmpstr (keyword (doc, 1), ==, "Kim Jong-un");
  g_assert_cmpstr (keyword (doc, 3), ==, "Ukraine War");
  g_assert_cmpuint (tl_page_skip_symbols ("\xf0\x9f\x92\xa1Term", 8), ==, 4);
  g_assert_cmpuint (tl_page_skip_symbols ("\xf0\x9f\x9b\xa1\xef\xb8\x8f Shield", 14), ==, 8);
  g_assert_cmpstr (tl_page_strip_outlet (doc, "A story | BBC News", "BBC News"), ==, "A story");
  g_assert_cmpstr (tl_page_strip_outlet (doc, "A story | Vantage", "Firstpost"), ==, "A story | Vantage");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/import/web/video-page", test_video_page_sample);
  g_test_add_func ("/core/import/web/summary-page", test_summary_page_sample);
  g_test_add_func ("/core/import/web/web-page-untimed", test_web_page_untimed_sample);
  g_test_add_func ("/core/import/web/web-page-fields", test_web_page_fields_sample);
  g_test_add_func ("/core/import/web/article", test_article_sample);
  g_test_add_func ("/core/import/web/sniff-subtitles", test_sniff_subtitles);
  g_test_add_func ("/core/import/web/video-page-variant", test_video_page_variant);
  g_test_add_func ("/core/import/web/video-page-errors", test_video_page_errors);
  g_test_add_func ("/core/import/web/summary-page-hours", test_summary_page_hours);
  g_test_add_func ("/core/import/web/summary-page-bad-time", test_summary_page_bad_time);
  g_test_add_func ("/core/import/web/web-page-punctuated", test_web_page_punctuated);
  g_test_add_func ("/core/import/web/article-without-sections", test_article_without_sections);
  g_test_add_func ("/core/import/web/plain-text", test_plain_text);
  g_test_add_func ("/core/import/web/plain-text-no-title", test_plain_text_no_title);
  g_test_add_func ("/core/import/web/page-helpers", test_page_helpers);
  return g_test_run ();
}
