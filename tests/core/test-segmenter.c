/* test-segmenter.c: cutting running text into segments (tl-segmenter.c). */
#include <string.h>

#include "tl-segmenter.h"

static TlDocument *
prose (const char *text)
{
  TlDocument *doc = tl_document_new ("test");

  tl_document_add_prose (doc, text, strlen (text), 7);
  return doc;
}

static guint
count_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " ", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    n += words[i][0] != '\0';
  return n;
}

/* Asserts the segments' texts, that they are untimed, carry the line
 * given and are flagged non-speech exactly when their text starts with
 * a mark in @marks. */
static void
assert_segments (TlDocument *doc, const char *const *expected, const gboolean *marks)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < MIN (n, doc->segments->len); i++)
    g_assert_cmpstr (tl_document_get_segment (doc, i)->text, ==, expected[i]);
  g_assert_cmpuint (doc->segments->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      TlDocSegment *seg = tl_document_get_segment (doc, i);
      g_assert_cmpint (seg->start, ==, TL_TIME_NONE);
      g_assert_cmpint (seg->end, ==, TL_TIME_NONE);
      g_assert_cmpuint (seg->line, ==, 7);
      g_assert_cmpint (seg->non_speech, ==, marks ? marks[i] : FALSE);
    }
}

static void
test_abbreviations (void)
{
  g_autoptr(TlDocument) doc = prose (
    "Mr. Putin arrived at 3.5 p.m. on Sept. 13, 2023, e.g. by train. "
    "He met Dr. Kim and Prof. Lee vs. St. John in Washington, D.C. The talks, i.e. the summit, went well! "
    "Did the U.S. and the U.K. react? "
    "No. 5 on the list was the U.N. vote at 9 a.m. on Jan. 2, etc. and it passed. "
    "Ms. Town and Mrs. Lee said no. Then Jr. and Sr. staff left.");
  const char *const expected[] = {
    "Mr. Putin arrived at 3.5 p.m. on Sept. 13, 2023, e.g. by train.",
    /* initials never end a sentence, even where one does end */
    "He met Dr. Kim and Prof. Lee vs. St. John in Washington, D.C. The talks, i.e. the summit, went well!",
    "Did the U.S. and the U.K. react?",
    "No. 5 on the list was the U.N. vote at 9 a.m. on Jan. 2, etc. and it passed.",
    /* "no." before a word is the end of a sentence, before a number not */
    "Ms. Town and Mrs. Lee said no.",
    "Then Jr. and Sr. staff left.",
    NULL
  };

  assert_segments (doc, expected, NULL);
}

static void
test_decimals_and_case (void)
{
  g_autoptr(TlDocument) doc = prose (
    "Growth was 3.5 percent, down from 4.25. it was the lowest since 1.2 in 2009. "
    "Prices rose 2.5% in May. 2024 was worse.");
  const char *const expected[] = {
    /* a full stop before a lower-case word does not end the sentence */
    "Growth was 3.5 percent, down from 4.25. it was the lowest since 1.2 in 2009.",
    "Prices rose 2.5% in May.",
    /* before a digit it does */
    "2024 was worse.",
    NULL
  };

  assert_segments (doc, expected, NULL);
}

static void
test_quotes (void)
{
  g_autoptr(TlDocument) doc = prose (
    "\"We will win.\" She said so. \xe2\x80\x9cReally?\xe2\x80\x9d he asked. (It was late.) "
    "Then they left\xe2\x80\xa6 Nobody stayed. 'Fine,' said Kim.");
  const char *const expected[] = {
    "\"We will win.\"",
    /* an opening quote starts a sentence */
    "She said so.",
    /* a closing quote before a lower-case word does not end one */
    "\xe2\x80\x9cReally?\xe2\x80\x9d he asked.",
    "(It was late.)",
    "Then they left\xe2\x80\xa6",
    "Nobody stayed.",
    "'Fine,' said Kim.",
    NULL
  };

  assert_segments (doc, expected, NULL);
}

static void
test_marks (void)
{
  g_autoptr(TlDocument) doc = prose (
    "[Music] [Music]  Hello there,\n everyone. (laughter) Welcome back. "
    "Putin (right) met Kim. [Applause] [CHEERING] (crowd cheering) \xe2\x99\xaa la la \xe2\x99\xaa "
    "That was it. [Music]");
  const char *const expected[] = {
    "[Music] [Music]",
    "Hello there, everyone.",
    "(laughter)",
    "Welcome back.",
    /* parentheses without a sound word are words */
    "Putin (right) met Kim.",
    "[Applause] [CHEERING] (crowd cheering) \xe2\x99\xaa la la \xe2\x99\xaa",
    "That was it.",
    "[Music]",
    NULL
  };
  const gboolean marks[] = { TRUE, FALSE, TRUE, FALSE, FALSE, TRUE, FALSE, TRUE };

  assert_segments (doc, expected, marks);
}

/* Mid-sentence marks cut the sentence: the words keep their order. */
static void
test_mark_inside_sentence (void)
{
  g_autoptr(TlDocument) doc = prose ("everything was [Music] choreographed later in the day");
  const char *const expected[] = {
    "everything was", "[Music]", "choreographed later in the day", NULL
  };
  const gboolean marks[] = { FALSE, TRUE, FALSE };

  assert_segments (doc, expected, marks);
}

static char *
numbered_words (guint from, guint to, const char *suffix)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = from; i <= to; i++)
    g_string_append_printf (out, "%sw%u%s", i > from ? " " : "", i, i == to ? suffix : "");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_long_sentence (void)
{
  /* 100 words, commas after words 20, 48 and 75: cut at 48 (nearest the
   * middle), leaving two parts of at most 60 words */
  g_autofree char *a = numbered_words (1, 20, ",");
  g_autofree char *b = numbered_words (21, 48, ",");
  g_autofree char *c = numbered_words (49, 75, ",");
  g_autofree char *d = numbered_words (76, 100, ".");
  g_autofree char *text = g_strdup_printf ("Short one here now. Another short one. And a third. Then %s %s %s %s Done here.",
                                           a, b, c, d);
  g_autoptr(TlDocument) doc = prose (text);
  g_autofree char *first_half = g_strdup_printf ("Then %s %s", a, b);
  g_autofree char *second_half = g_strdup_printf ("%s %s", c, d);
  const char *const expected[] = {
    "Short one here now.", "Another short one.", "And a third.", first_half, second_half, "Done here.", NULL
  };

  assert_segments (doc, expected, NULL);
  g_assert_cmpuint (count_words (first_half), ==, 49);
}

static void
test_very_long_sentence (void)
{
  /* 200 words and no comma: halves, recursively, until none has more
   * than 60 words */
  g_autofree char *words = numbered_words (1, 200, ".");
  g_autofree char *text = g_strdup_printf ("It starts. Then %s It ends.", words);
  g_autoptr(TlDocument) doc = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);

  /* enough sentence ends to count as punctuated: one per 40 words */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *more = g_strdup_printf ("%s Yes. No. Maybe so.", text);
      g_free (text);
      text = g_steal_pointer (&more);
    }
  doc = prose (text);
  for (guint i = 0; i < doc->segments->len; i++)
    {
      const char *seg = tl_document_get_segment (doc, i)->text;
      g_assert_cmpuint (count_words (seg), <=, TL_PROSE_MAX_WORDS);
      g_string_append_printf (joined, "%s%s", i > 0 ? " " : "", seg);
    }
  g_assert_cmpstr (joined->str, ==, text);
  /* 201 words: 100 + 101, then 50 + 50 and 50 + 51 */
  g_assert_cmpstr (tl_document_get_segment (doc, 0)->text, ==, "It starts.");
  g_assert_cmpstr (tl_document_get_segment (doc, 1)->text, ==,
                   "Then w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 w21 w22 w23 "
                   "w24 w25 w26 w27 w28 w29 w30 w31 w32 w33 w34 w35 w36 w37 w38 w39 w40 w41 w42 w43 w44 w45 "
                   "w46 w47 w48 w49");
  g_assert_cmpstr (tl_document_get_segment (doc, 5)->text, ==, "It ends.");
  g_assert_cmpuint (doc->segments->len, ==, 15);
}

/* A 300-word paragraph as machine captions give it: no punctuation. */
static const char *const caption_phrases[] = {
  "today we are looking at the meeting between the two leaders in the capital",
  "and what it could mean for the region",
  "so let us start with the background to this visit",
  "which has been planned for months by both governments",
  "now the first thing to say is that nobody expected a treaty",
  "but officials told reporters on the plane that a deal was close",
  "I think the most important part is the promise of mutual defense",
  "you know it is the kind of promise that changes how neighbours behave",
  "um the second part is about trade in food and fuel",
  "because one side needs grain and the other needs money for its army",
  "meanwhile analysts in three countries are watching very closely",
  "well the reaction so far has been cautious from most capitals",
  "uh some diplomats called it a show for the cameras and nothing more",
  "and others warned that weapons could soon be moving across the border",
  "so the question for the coming weeks is whether any of this is real",
  "because promises made at a summit are easy to make and hard to keep",
  "now we will be following this story as it develops over the next days",
  "and bringing you the latest from our correspondents in the region",
  "which is where our reporter joins us now with more details on the talks",
  "well thank you it has been a long day here with many meetings",
  "and the leaders are expected to speak again tomorrow morning at the palace",
  "I think we should expect more announcements then",
  "but for now the focus is on the ceremony and the parade",
  "and on the crowds that lined the streets since early this morning",
  "so stay with us for more coverage throughout the day",
  "um and thank you for watching",
};

static const char *const openers[] = {
  "today", "so", "now", "well", "but", "because", "meanwhile", "um", "uh", "and",
  "which", "since", "I", "you", NULL
};

static void
test_unpunctuated (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(TlDocument) doc = NULL;
  guint total = 0, at_break = 0;

  for (guint i = 0; i < G_N_ELEMENTS (caption_phrases); i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " " : "", caption_phrases[i]);
  g_assert_cmpuint (count_words (text->str), ==, 300);

  doc = prose (text->str);
  g_assert_cmpuint (doc->segments->len, >=, 10);
  g_assert_cmpuint (doc->segments->len, <=, 30);
  for (guint i = 0; i < doc->segments->len; i++)
    {
      const char *seg = tl_document_get_segment (doc, i)->text;
      guint n = count_words (seg);

      g_assert_cmpuint (n, >=, 10);
      g_assert_cmpuint (n, <=, 30);
      g_assert_cmpuint (n, <=, TL_PROSE_MAX_WORDS);
      g_assert_false (tl_document_get_segment (doc, i)->non_speech);
      total += n;
      g_string_append_printf (joined, "%s%s", i > 0 ? " " : "", seg);
      /* a piece should start where a phrase does */
      for (guint k = 0; k < G_N_ELEMENTS (caption_phrases); k++)
        if (g_str_has_prefix (seg, caption_phrases[k]))
          {
            at_break++;
            break;
          }
    }
  g_assert_cmpuint (total, ==, 300);
  g_assert_cmpstr (joined->str, ==, text->str);
  /* natural breaks are preferred: most pieces start a phrase… */
  g_assert_cmpuint (at_break * 3, >=, doc->segments->len * 2);
  /* …and every one starts on a discourse word or conjunction */
  for (guint i = 0; i < doc->segments->len; i++)
    {
      const char *seg = tl_document_get_segment (doc, i)->text;
      g_autofree char *first = g_strndup (seg, strcspn (seg, " "));
      g_assert_true (g_strv_contains (openers, first));
    }
}

/* Between equally sized cuts the one before "so" wins over the one
 * inside a name, and cutting after "the" is avoided. */
static void
test_unpunctuated_break_choice (void)
{
  g_autoptr(TlDocument) doc = prose (
    "we talked about the weather and the roads for quite a while before lunch that day in the "
    "old town so after lunch we walked to the river and watched the boats go by until it got dark outside");
  const char *const expected[] = {
    "we talked about the weather and the roads for quite a while before lunch that day in the old town",
    "so after lunch we walked to the river and watched the boats go by until it got dark outside",
    NULL
  };

  assert_segments (doc, expected, NULL);
}

static void
test_unpunctuated_commas (void)
{
  g_autoptr(TlDocument) doc = prose (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen, "
    "seventeen eighteen nineteen twenty twentyone twentytwo twentythree twentyfour twentyfive twentysix "
    "twentyseven twentyeight twentynine thirty thirtyone thirtytwo");
  const char *const expected[] = {
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen,",
    "seventeen eighteen nineteen twenty twentyone twentytwo twentythree twentyfour twentyfive twentysix "
    "twentyseven twentyeight twentynine thirty thirtyone thirtytwo",
    NULL
  };

  assert_segments (doc, expected, NULL);
}

static void
test_short_and_empty (void)
{
  g_autoptr(TlDocument) doc = prose ("  \n\t ");
  g_autoptr(TlDocument) few = prose ("fore spee");

  g_assert_cmpuint (doc->segments->len, ==, 0);
  g_assert_cmpuint (few->segments->len, ==, 1);
  g_assert_cmpstr (tl_document_get_segment (few, 0)->text, ==, "fore spee");
}

static void
test_count_sentences (void)
{
  const char *text = "Mr. Smith went to Washington, D.C. on Monday. He left at 5 p.m. Did he? [Music] Yes!";
  const char *caption = "so we went there and then we came back and nobody said anything at all about it";
  guint words, sentences;

  sentences = tl_prose_count_sentences (text, strlen (text), &words);
  /* "D.C. on" and "p.m. Did" are not ends; "Monday." "he?" "Yes!" are */
  g_assert_cmpuint (sentences, ==, 3);
  g_assert_cmpuint (words, ==, 16);
  g_assert_true (tl_prose_is_punctuated (sentences, words));

  sentences = tl_prose_count_sentences (caption, strlen (caption), &words);
  g_assert_cmpuint (sentences, ==, 0);
  g_assert_cmpuint (words, ==, 17);
  g_assert_false (tl_prose_is_punctuated (sentences, words));
  g_assert_false (tl_prose_is_punctuated (1, 41));
  g_assert_true (tl_prose_is_punctuated (1, 40));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/segmenter/abbreviations", test_abbreviations);
  g_test_add_func ("/core/segmenter/decimals-and-case", test_decimals_and_case);
  g_test_add_func ("/core/segmenter/quotes", test_quotes);
  g_test_add_func ("/core/segmenter/marks", test_marks);
  g_test_add_func ("/core/segmenter/mark-inside-sentence", test_mark_inside_sentence);
  g_test_add_func ("/core/segmenter/long-sentence", test_long_sentence);
  g_test_add_func ("/core/segmenter/very-long-sentence", test_very_long_sentence);
  g_test_add_func ("/core/segmenter/unpunctuated", test_unpunctuated);
  g_test_add_func ("/core/segmenter/unpunctuated-break-choice", test_unpunctuated_break_choice);
  g_test_add_func ("/core/segmenter/unpunctuated-commas", test_unpunctuated_commas);
  g_test_add_func ("/core/segmenter/short-and-empty", test_short_and_empty);
  g_test_add_func ("/core/segmenter/count-sentences", test_count_sentences);
  return g_test_run ();
}
