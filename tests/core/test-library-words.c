/* test-library-words.c: word times in a library (the file's, estimated
 * ones, moved with their line), and corrections of a transcript: a line's
 * text, splitting and merging lines, speakers; each one undo step that
 * survives closing the library, and each kept through new times. */
#include <string.h>

#include "tl-import.h"
#include "tl-library.h"
#include "tl-search.h"
#include "tl-test-util.h"

typedef struct {
  char *dir;
  char *path;
  TlLibrary *library;
  gint64 whisper; /* two lines with word times */
  gint64 srt;     /* three lines, words estimated */
} Fixture;

static const char *const whisper_json =
  "{\"text\": \"The ammunition came from stockpiles. Putin met Kim.\", \"language\": \"en\",\n"
  " \"segments\": [\n"
  "  {\"id\": 0, \"start\": 1.0, \"end\": 4.0, \"text\": \" The ammunition came from stockpiles.\",\n"
  "   \"words\": [{\"word\": \" The\", \"start\": 1.0, \"end\": 1.2, \"probability\": 0.99},\n"
  "             {\"word\": \" ammunition\", \"start\": 1.2, \"end\": 2.0, \"probability\": 0.91},\n"
  "             {\"word\": \" came\", \"start\": 2.1, \"end\": 2.4, \"probability\": 0.95},\n"
  "             {\"word\": \" from\", \"start\": 2.4, \"end\": 2.7, \"probability\": 0.97},\n"
  "             {\"word\": \" stockpiles.\", \"start\": 2.8, \"end\": 3.9, \"probability\": 0.8}]},\n"
  "  {\"id\": 1, \"start\": 4.5, \"end\": 6.0, \"text\": \" Putin met Kim.\",\n"
  "   \"words\": [{\"word\": \" Putin\", \"start\": 4.5, \"end\": 5.0, \"probability\": 0.6},\n"
  "             {\"word\": \" met\", \"start\": 5.1, \"end\": 5.4, \"probability\": 0.9},\n"
  "             {\"word\": \" Kim.\", \"start\": 5.5, \"end\": 6.0, \"probability\": 0.7}]}]}\n";

static const char *const srt_text =
  "1\n00:00:01,000 --> 00:00:04,000\nThe summit opened with a parade.\n\n"
  "2\n00:00:04,500 --> 00:00:08,250\nAmmunition supplies were discussed.\n\n"
  "3\n00:00:09,000 --> 00:00:15,000\nNorth Korea denied the weapons trade.\n";

static gint64
add_text (TlLibrary *library, const char *text, const char *origin)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_import_bytes (origin, text, strlen (text), NULL, NULL, &error);
  TlImportOptions options = { origin, NULL, NULL, 0 };
  gint64 id;

  g_assert_no_error (error);
  id = tl_library_add_document (library, doc, &options, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = tl_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "library.db", NULL);
  f->library = tl_library_open (f->path, &error);
  g_assert_no_error (error);
  f->whisper = add_text (f->library, whisper_json, "/x/talk.json");
  f->srt = add_text (f->library, srt_text, "/x/summit.srt");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->library);
  g_free (f->path);
  tl_test_tmpdir_free (f->dir);
}

/* Closes the library and opens it again, as a restart does. */
static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->library);
  f->library = tl_library_open (f->path, &error);
  g_assert_no_error (error);
}

static TlSegment *
line (Fixture *f, gint64 source, guint index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) segments = tl_library_get_segments (f->library, source, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (index, <, segments->len);
  return g_object_ref (g_ptr_array_index (segments, index));
}

static guint
n_lines (Fixture *f, gint64 source)
{
  g_autoptr(TlSource) s = tl_library_get_source (f->library, source, NULL);
  g_autoptr(GPtrArray) segments = tl_library_get_segments (f->library, source, NULL);

  g_assert_cmpuint (tl_source_get_n_segments (s), ==, segments->len);
  return segments->len;
}

static guint
hits (Fixture *f, const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSearchResults) results = tl_search (f->library, query, 10, 0, NULL, NULL, &error);

  g_assert_no_error (error);
  return results->total;
}

static void
assert_word (const TlWord *word, const char *text, gint64 start, gint64 end)
{
  g_assert_cmpstr (word->text, ==, text);
  g_assert_cmpint (word->start, ==, start);
  g_assert_cmpint (word->end, ==, end);
}

static void
undo (Fixture *f, const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  g_assert_true (tl_library_undo (f->library, &label, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, expected);
}

static void
redo (Fixture *f, const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  g_assert_true (tl_library_redo (f->library, &label, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, expected);
}

/* whisper's words keep their times and confidences, fitted to the line's text */
static void
test_native_words (Fixture *f, gconstpointer data)
{
  g_autoptr(TlSegment) seg = line (f, f->whisper, 0);
  guint n;
  const TlWord *words = tl_segment_get_words (seg, &n);

  g_assert_cmpint (tl_segment_get_word_timing (seg), ==, TL_WORD_TIMING_NATIVE);
  g_assert_false (tl_segment_get_edited (seg));
  g_assert_null (tl_segment_get_original_text (seg));
  g_assert_cmpuint (n, ==, 5);
  assert_word (&words[0], "The", 1000000, 1200000);
  assert_word (&words[1], "ammunition", 1200000, 2000000);
  assert_word (&words[4], "stockpiles.", 2800000, 3900000);
  g_assert_cmpfloat_with_epsilon (words[1].confidence, 0.91, 1e-9);
  g_assert_false (words[1].interpolated);
  /* the word being said, by binary search */
  g_assert_cmpint (tl_segment_find_word (seg, 500000), ==, -1);
  g_assert_cmpint (tl_segment_find_word (seg, 1000000), ==, 0);
  g_assert_cmpint (tl_segment_find_word (seg, 2050000), ==, 1);
  g_assert_cmpint (tl_segment_find_word (seg, 3000000), ==, 4);
}

/* lines without word times get estimated ones: in order, over the line, longer words longer */
static void
test_estimated_words (Fixture *f, gconstpointer data)
{
  g_autoptr(TlSegment) seg = line (f, f->srt, 1);
  guint n;
  const TlWord *words = tl_segment_get_words (seg, &n);

  g_assert_cmpint (tl_segment_get_word_timing (seg), ==, TL_WORD_TIMING_ESTIMATED);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (words[0].text, ==, "Ammunition");
  g_assert_cmpint (words[0].start, ==, 4500000);
  g_assert_cmpint (words[3].end, ==, 8250000);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (words[i].end, >, words[i].start);
      g_assert_cmpfloat (words[i].confidence, <, 0);
      if (i > 0)
        g_assert_cmpint (words[i].start, ==, words[i - 1].end);
    }
  /* "Ammunition" (4 groups of vowels) takes longer than "were" (2) */
  g_assert_cmpint (2 * (words[0].end - words[0].start), >, 3 * (words[2].end - words[2].start));
}

/* a misheard word fixed: the others keep their times, the new one takes
 * the old one's place; search follows at once; undo survives a restart */
static void
test_correct_text (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSegment) seg = NULL;
  const TlWord *words;
  guint n;

  g_assert_cmpuint (hits (f, "stockpiles"), ==, 1);
  g_assert_true (tl_library_set_segment_text (f->library, f->whisper, 0,
                                              "The ammunition came from stock piles.", &error));
  g_assert_no_error (error);
  seg = line (f, f->whisper, 0);
  g_assert_cmpstr (tl_segment_get_text (seg), ==, "The ammunition came from stock piles.");
  g_assert_true (tl_segment_get_edited (seg));
  g_assert_cmpstr (tl_segment_get_original_text (seg), ==, "The ammunition came from stockpiles.");
  g_assert_cmpint (tl_segment_get_word_timing (seg), ==, TL_WORD_TIMING_INTERPOLATED);
  words = tl_segment_get_words (seg, &n);
  g_assert_cmpuint (n, ==, 6);
  assert_word (&words[0], "The", 1000000, 1200000);
  assert_word (&words[1], "ammunition", 1200000, 2000000);
  g_assert_cmpfloat_with_epsilon (words[1].confidence, 0.91, 1e-9);
  assert_word (&words[3], "from", 2400000, 2700000);
  /* the two new words share the old one's time, from "from"'s end to the line's */
  g_assert_cmpstr (words[4].text, ==, "stock");
  g_assert_cmpint (words[4].start, ==, 2700000);
  g_assert_cmpint (words[5].end, ==, 4000000);
  g_assert_cmpint (words[4].end, ==, words[5].start);
  g_assert_true (words[4].interpolated && words[5].interpolated);
  g_assert_false (words[3].interpolated);
  g_assert_cmpfloat (words[4].confidence, <, 0);
  g_assert_cmpuint (hits (f, "stockpiles"), ==, 0);
  g_assert_cmpuint (hits (f, "\"stock piles\""), ==, 1);
  g_assert_cmpint (tl_library_get_undo_kind (f->library), ==, TL_EDIT_CORRECT_LINE);

  /* a correction back to the imported text is no correction */
  g_assert_true (tl_library_set_segment_text (f->library, f->whisper, 0, " The ammunition came from stockpiles. ",
                                              &error));
  g_clear_object (&seg);
  seg = line (f, f->whisper, 0);
  g_assert_false (tl_segment_get_edited (seg));
  undo (f, "Correct Line");

  reopen (f);
  undo (f, "Correct Line");
  g_clear_object (&seg);
  seg = line (f, f->whisper, 0);
  g_assert_cmpstr (tl_segment_get_text (seg), ==, "The ammunition came from stockpiles.");
  g_assert_false (tl_segment_get_edited (seg));
  g_assert_cmpint (tl_segment_get_word_timing (seg), ==, TL_WORD_TIMING_NATIVE);
  g_assert_cmpuint (hits (f, "stockpiles"), ==, 1);
  g_assert_cmpuint (hits (f, "\"stock piles\""), ==, 0);
  reopen (f);
  redo (f, "Correct Line");
  g_assert_cmpuint (hits (f, "\"stock piles\""), ==, 1);

  /* nothing changed when the text is the same; refused when empty */
  g_assert_false (tl_library_set_segment_text (f->library, f->whisper, 0, "  ", &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tl_library_set_segment_text (f->library, f->whisper, 7, "x", &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND);
}

/* a split at a word: times split at its start, the words keep theirs */
static void
test_split (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSegment) first = NULL, second = NULL, third = NULL;
  const TlWord *words;
  guint n;

  g_assert_true (tl_library_split_segment (f->library, f->whisper, 0, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_lines (f, f->whisper), ==, 3);
  first = line (f, f->whisper, 0);
  second = line (f, f->whisper, 1);
  third = line (f, f->whisper, 2);
  g_assert_cmpstr (tl_segment_get_text (first), ==, "The ammunition");
  g_assert_cmpstr (tl_segment_get_text (second), ==, "came from stockpiles.");
  g_assert_cmpstr (tl_segment_get_text (third), ==, "Putin met Kim.");
  g_assert_cmpuint (tl_segment_get_index (third), ==, 2);
  g_assert_cmpint (tl_segment_get_start (first), ==, 1000000);
  g_assert_cmpint (tl_segment_get_end (first), ==, 2100000);
  g_assert_cmpint (tl_segment_get_start (second), ==, 2100000);
  g_assert_cmpint (tl_segment_get_end (second), ==, 4000000);
  g_assert_cmpstr (tl_segment_get_original_text (second), ==, "The ammunition came from stockpiles.");
  words = tl_segment_get_words (second, &n);
  g_assert_cmpuint (n, ==, 3);
  assert_word (&words[0], "came", 2100000, 2400000);
  assert_word (&words[2], "stockpiles.", 2800000, 3900000);
  g_assert_cmpint (tl_segment_get_word_timing (second), ==, TL_WORD_TIMING_NATIVE);
  /* the new line is found by search */
  g_assert_cmpuint (hits (f, "\"came from stockpiles\""), ==, 1);
  g_assert_cmpuint (hits (f, "\"ammunition came\""), ==, 0);

  /* bad places */
  g_assert_false (tl_library_split_segment (f->library, f->whisper, 0, 2, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tl_library_split_segment (f->library, f->whisper, 1, 0, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
  g_clear_error (&error);

  /* estimated words: the line splits at the estimate */
  g_assert_true (tl_library_split_segment (f->library, f->srt, 2, 2, &error));
  g_assert_no_error (error);
  g_clear_object (&first);
  first = line (f, f->srt, 2);
  g_assert_cmpstr (tl_segment_get_text (first), ==, "North Korea");
  g_assert_cmpint (tl_segment_get_end (first), >, 9000000);
  g_assert_cmpint (tl_segment_get_end (first), <, 15000000);
  g_assert_cmpint (tl_segment_get_word_timing (first), ==, TL_WORD_TIMING_ESTIMATED);

  reopen (f);
  undo (f, "Split Line");
  undo (f, "Split Line");
  g_assert_cmpuint (n_lines (f, f->whisper), ==, 2);
  g_assert_cmpuint (n_lines (f, f->srt), ==, 3);
  g_clear_object (&first);
  first = line (f, f->whisper, 0);
  g_assert_cmpstr (tl_segment_get_text (first), ==, "The ammunition came from stockpiles.");
  g_assert_false (tl_segment_get_edited (first));
  g_assert_cmpint (tl_segment_get_end (first), ==, 4000000);
  g_assert_cmpuint (hits (f, "\"ammunition came\""), ==, 1);
  g_assert_cmpuint (hits (f, "\"came from stockpiles\""), ==, 1);
  reopen (f);
  redo (f, "Split Line");
  g_assert_cmpuint (n_lines (f, f->whisper), ==, 3);
  g_assert_cmpuint (hits (f, "\"ammunition came\""), ==, 0);
}

/* a merge: one line from the first's start to the second's end, all words kept */
static void
test_merge (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSegment) seg = NULL;
  const TlWord *words;
  guint n;

  g_assert_true (tl_library_merge_segments (f->library, f->whisper, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_lines (f, f->whisper), ==, 1);
  seg = line (f, f->whisper, 0);
  g_assert_cmpstr (tl_segment_get_text (seg), ==, "The ammunition came from stockpiles. Putin met Kim.");
  g_assert_cmpint (tl_segment_get_start (seg), ==, 1000000);
  g_assert_cmpint (tl_segment_get_end (seg), ==, 6000000);
  g_assert_true (tl_segment_get_edited (seg));
  words = tl_segment_get_words (seg, &n);
  g_assert_cmpuint (n, ==, 8);
  assert_word (&words[4], "stockpiles.", 2800000, 3900000);
  assert_word (&words[5], "Putin", 4500000, 5000000);
  g_assert_cmpint (tl_segment_get_word_timing (seg), ==, TL_WORD_TIMING_NATIVE);
  g_assert_cmpuint (hits (f, "\"stockpiles putin\""), ==, 1);

  g_assert_false (tl_library_merge_segments (f->library, f->whisper, 0, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
  g_clear_error (&error);

  reopen (f);
  undo (f, "Merge Lines");
  g_assert_cmpuint (n_lines (f, f->whisper), ==, 2);
  g_clear_object (&seg);
  seg = line (f, f->whisper, 1);
  g_assert_cmpstr (tl_segment_get_text (seg), ==, "Putin met Kim.");
  g_assert_cmpint (tl_segment_get_start (seg), ==, 4500000);
  g_assert_cmpuint (hits (f, "\"stockpiles putin\""), ==, 0);
  g_assert_cmpuint (hits (f, "\"putin met kim\""), ==, 1);
  reopen (f);
  redo (f, "Merge Lines");
  g_assert_cmpuint (n_lines (f, f->whisper), ==, 1);
  g_assert_cmpuint (hits (f, "\"putin met kim\""), ==, 1);
}

/* new times never throw a correction away; kept words move with their line */
static void
test_correction_survives_retime (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSegment) seg = NULL;
  TlSegmentTiming times[2] = {
    { 2000000, 8000000, -1, NULL, TRUE, NULL, 0, 0 },
    { 8000000, 9500000, -1, NULL, FALSE, NULL, 0, 0 },
  };
  TlWord aligned[3] = {
    { (char *) "Putin", 8000000, 8400000, 0.5, FALSE },
    { (char *) "met", 8400000, 8900000, 0.6, FALSE },
    { (char *) "Kim.", 9000000, 9500000, 0.7, FALSE },
  };
  const TlWord *words;
  guint n;

  g_assert_true (tl_library_set_segment_text (f->library, f->whisper, 0, "The ammunition came from stockpiles!",
                                              &error));
  g_assert_true (tl_library_set_segment_text (f->library, f->whisper, 1, "Putin met Kim Jong-un.", &error));
  g_assert_no_error (error);
  /* tapped in: the first line twice as long, from 2 s */
  g_assert_true (tl_library_set_segment_times (f->library, f->whisper, TL_TIMING_TAPPED, times, 2, &error));
  g_assert_no_error (error);
  seg = line (f, f->whisper, 0);
  g_assert_cmpstr (tl_segment_get_text (seg), ==, "The ammunition came from stockpiles!");
  g_assert_cmpstr (tl_segment_get_original_text (seg), ==, "The ammunition came from stockpiles.");
  words = tl_segment_get_words (seg, &n);
  g_assert_cmpuint (n, ==, 5);
  /* 1.0–1.2 s of 1–4 s is now 2.0–2.4 s of 2–8 s */
  assert_word (&words[0], "The", 2000000, 2400000);
  assert_word (&words[4], "stockpiles!", 5600000, 7800000);

  /* aligned, with the aligner's word times for the second line */
  {
    g_autoptr(TlSegment) second = line (f, f->whisper, 1);
    g_assert_cmpuint (tl_segment_get_words (second, &n)[3].start, >, 0);
    g_assert_cmpuint (n, ==, 4);
  }
  times[1].words = aligned;
  times[1].n_words = 3;
  times[1].word_timing = TL_WORD_TIMING_ALIGNED;
  g_assert_true (tl_library_set_segment_times (f->library, f->whisper, TL_TIMING_ALIGNED, times, 2, &error));
  g_assert_no_error (error);
  g_clear_object (&seg);
  seg = line (f, f->whisper, 1);
  g_assert_cmpstr (tl_segment_get_text (seg), ==, "Putin met Kim Jong-un.");
  g_assert_true (tl_segment_get_edited (seg));
  g_assert_cmpint (tl_segment_get_word_timing (seg), ==, TL_WORD_TIMING_ALIGNED);
  /* three words given for four: fitted to the text */
  words = tl_segment_get_words (seg, &n);
  g_assert_cmpuint (n, ==, 4);
  assert_word (&words[0], "Putin", 8000000, 8400000);
  g_assert_cmpstr (words[3].text, ==, "Jong-un.");
  g_assert_cmpint (words[3].end, ==, 9500000);

  /* undone, the tap and its words go back too */
  undo (f, "Align to the Audio");
  undo (f, "Tap In Times");
  g_clear_object (&seg);
  seg = line (f, f->whisper, 0);
  words = tl_segment_get_words (seg, &n);
  assert_word (&words[0], "The", 1000000, 1200000);
  g_assert_cmpstr (tl_segment_get_text (seg), ==, "The ammunition came from stockpiles!");
}

/* speakers: one line's, and a name for the whole source */
static void
test_speakers (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSegment) seg = NULL;

  g_assert_true (tl_library_set_segment_speaker (f->library, f->srt, 0, " SPEAKER 1 ", &error));
  g_assert_true (tl_library_set_segment_speaker (f->library, f->srt, 2, "SPEAKER 1", &error));
  g_assert_no_error (error);
  seg = line (f, f->srt, 0);
  g_assert_cmpstr (tl_segment_get_speaker (seg), ==, "SPEAKER 1");
  g_assert_false (tl_segment_get_edited (seg));
  g_assert_true (tl_library_rename_speaker (f->library, f->srt, "SPEAKER 1", "Anna Cunningham", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TlSegment) s = line (f, f->srt, i);
      g_assert_cmpstr (tl_segment_get_speaker (s), ==, i == 1 ? NULL : "Anna Cunningham");
    }
  g_assert_false (tl_library_rename_speaker (f->library, f->srt, "SPEAKER 1", "X", &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* the whisper source's lines are not touched */
  g_clear_object (&seg);
  seg = line (f, f->whisper, 0);
  g_assert_null (tl_segment_get_speaker (seg));

  reopen (f);
  undo (f, "Rename Speaker");
  g_clear_object (&seg);
  seg = line (f, f->srt, 2);
  g_assert_cmpstr (tl_segment_get_speaker (seg), ==, "SPEAKER 1");
  undo (f, "Set Speaker");
  g_clear_object (&seg);
  seg = line (f, f->srt, 2);
  g_assert_null (tl_segment_get_speaker (seg));
  g_assert_true (tl_library_set_segment_speaker (f->library, f->srt, 0, "", &error));
  g_clear_object (&seg);
  seg = line (f, f->srt, 0);
  g_assert_null (tl_segment_get_speaker (seg));
}

/* an article's clips hold paragraphs by place: they follow a split and a merge */
static void
test_article_clips_follow (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tl_test_sample_named ("004_");
  g_autoptr(TlDocument) doc = tl_import_file (path, NULL, NULL, &error);
  g_autoptr(TlClip) clip = NULL;
  gint64 article, clip_id;
  TlClipSpec spec = { 0, TL_TIME_NONE, TL_TIME_NONE, 2, 3, NULL, NULL, 0, NULL };

  g_assert_no_error (error);
  article = tl_library_add_document (f->library, doc, NULL, &error);
  g_assert_no_error (error);
  spec.source_id = article;
  clip_id = tl_library_add_clip (f->library, &spec, &error);
  g_assert_no_error (error);
  /* a split before the clip moves it on; one inside it widens it */
  g_assert_true (tl_library_split_segment (f->library, article, 0, 3, &error));
  g_assert_true (tl_library_split_segment (f->library, article, 4, 2, &error));
  g_assert_no_error (error);
  clip = tl_library_get_clip (f->library, clip_id, &error);
  g_assert_cmpint (tl_clip_get_first_segment (clip), ==, 3);
  g_assert_cmpint (tl_clip_get_last_segment (clip), ==, 5);
  /* a merge of its last two narrows it back */
  g_assert_true (tl_library_merge_segments (f->library, article, 4, &error));
  g_assert_no_error (error);
  g_clear_object (&clip);
  clip = tl_library_get_clip (f->library, clip_id, &error);
  g_assert_cmpint (tl_clip_get_first_segment (clip), ==, 3);
  g_assert_cmpint (tl_clip_get_last_segment (clip), ==, 4);
  undo (f, "Merge Lines");
  undo (f, "Split Line");
  undo (f, "Split Line");
  g_clear_object (&clip);
  clip = tl_library_get_clip (f->library, clip_id, &error);
  g_assert_cmpint (tl_clip_get_first_segment (clip), ==, 2);
  g_assert_cmpint (tl_clip_get_last_segment (clip), ==, 3);
}

/* YouTube's rolling captions (the corpus's file): the inline times are
 * the words'; skipped without ../shared/corpus */
static void
test_youtube_word_tags (Fixture *f, gconstpointer data)
{
  const char *shared = g_getenv ("TAGLINE_SHARED_DIR");
  g_autofree char *path = g_build_filename (shared ? shared : "../shared", "corpus", "transcripts",
                                            "vtt_webvttpy_youtube_autocaption_wordtags.vtt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  gboolean found = FALSE;
  gint64 id;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no corpus at ../shared/corpus");
      return;
    }
  doc = tl_import_file (path, NULL, NULL, &error);
  g_assert_no_error (error);
  id = tl_library_add_document (f->library, doc, NULL, &error);
  g_assert_no_error (error);
  segments = tl_library_get_segments (f->library, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < segments->len; i++)
    {
      TlSegment *seg = g_ptr_array_index (segments, i);
      guint n;
      const TlWord *words = tl_segment_get_words (seg, &n);

      /* "this<00:05:04.199><c> will</c><00:05:04.379><c> happen</c>…" */
      for (guint w = 0; w + 2 < n; w++)
        if (strcmp (words[w].text, "this") == 0 && strcmp (words[w + 1].text, "will") == 0)
          {
            g_assert_cmpint (tl_segment_get_word_timing (seg), ==, TL_WORD_TIMING_NATIVE);
            g_assert_cmpint (words[w].start, ==, 304080000);
            g_assert_cmpint (words[w + 1].start, ==, 304199000);
            g_assert_cmpstr (words[w + 2].text, ==, "happen");
            g_assert_cmpint (words[w + 2].start, ==, 304379000);
            found = TRUE;
            break;
          }
      if (found)
        break;
    }
  g_assert_true (found);
}

/* whisper.cpp's tokens make words: " Americ" "ans" "," is "Americans," */
static void
test_whisper_cpp (Fixture *f, gconstpointer data)
{
  static const char *const json =
    "{\"transcription\": [{\"timestamps\": {\"from\": \"00:00:00,000\", \"to\": \"00:00:02,000\"},\n"
    "  \"offsets\": {\"from\": 0, \"to\": 2000}, \"text\": \" my fellow Americans,\",\n"
    "  \"tokens\": [{\"text\": \"[_BEG_]\", \"offsets\": {\"from\": 0, \"to\": 0}, \"p\": 0.9},\n"
    "   {\"text\": \" my\", \"offsets\": {\"from\": 0, \"to\": 300}, \"p\": 0.95},\n"
    "   {\"text\": \" fellow\", \"offsets\": {\"from\": 300, \"to\": 800}, \"p\": 0.9},\n"
    "   {\"text\": \" Americ\", \"offsets\": {\"from\": 800, \"to\": 1400}, \"p\": 0.8},\n"
    "   {\"text\": \"ans\", \"offsets\": {\"from\": 1400, \"to\": 1700}, \"p\": 0.6},\n"
    "   {\"text\": \",\", \"offsets\": {\"from\": 1700, \"to\": 1750}, \"p\": 0.99}]}]}\n";
  gint64 id = add_text (f->library, json, "/x/jfk.json");
  g_autoptr(TlSegment) seg = line (f, id, 0);
  guint n;
  const TlWord *words = tl_segment_get_words (seg, &n);

  g_assert_cmpint (tl_segment_get_word_timing (seg), ==, TL_WORD_TIMING_NATIVE);
  g_assert_cmpuint (n, ==, 3);
  assert_word (&words[0], "my", 0, 300000);
  assert_word (&words[2], "Americans,", 800000, 1750000);
  g_assert_cmpfloat_with_epsilon (words[2].confidence, 0.6, 1e-9);
}

/* the word rules alone */
static void
test_fit (void)
{
  TlWord old[4] = {
    { (char *) "Kim", 0, 400000, 0.9, FALSE },
    { (char *) "Jong", 400000, 700000, 0.9, FALSE },
    { (char *) "un", 700000, 900000, 0.9, FALSE },
    { (char *) "visited.", 1000000, 1600000, 0.8, FALSE },
  };
  guint changed;
  g_autoptr(GArray) fit = tl_words_fit (old, 4, "Kim Jong-un visited Moscow.", 0, 2000000, &changed);
  const TlWord *w = (const TlWord *) fit->data;

  g_assert_cmpuint (fit->len, ==, 4);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpint (w[0].start, ==, 0);
  g_assert_cmpint (w[0].end, ==, 400000);
  /* "Jong-un" takes the two words' time */
  g_assert_cmpint (w[1].start, ==, 400000);
  g_assert_cmpint (w[1].end, ==, 1000000);
  g_assert_true (w[1].interpolated);
  /* "visited" is "visited." */
  g_assert_cmpint (w[2].start, ==, 1000000);
  g_assert_false (w[2].interpolated);
  g_assert_cmpint (w[3].start, ==, 1600000);
  g_assert_cmpint (w[3].end, ==, 2000000);

  /* a word put in where there is no time shares its neighbours' */
  {
    TlWord two[2] = { { (char *) "a", 0, 500000, -1, FALSE }, { (char *) "b", 500000, 1000000, -1, FALSE } };
    g_autoptr(GArray) more = tl_words_fit (two, 2, "a new b", 0, 1000000, NULL);
    const TlWord *m = (const TlWord *) more->data;

    g_assert_cmpint (m[0].start, ==, 0);
    g_assert_cmpint (m[1].start, >, 0);
    g_assert_cmpint (m[1].end, <, 1000000);
    g_assert_cmpint (m[1].end, >, m[1].start);
    g_assert_cmpint (m[2].end, ==, 1000000);
    g_assert_true (m[0].interpolated && m[1].interpolated && m[2].interpolated);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/words/native", test_native_words);
  ADD ("/core/words/estimated", test_estimated_words);
  ADD ("/core/words/correct-text", test_correct_text);
  ADD ("/core/words/split", test_split);
  ADD ("/core/words/merge", test_merge);
  ADD ("/core/words/correction-survives-retime", test_correction_survives_retime);
  ADD ("/core/words/speakers", test_speakers);
  ADD ("/core/words/article-clips-follow", test_article_clips_follow);
  ADD ("/core/words/youtube-word-tags", test_youtube_word_tags);
  ADD ("/core/words/whisper-cpp", test_whisper_cpp);
  g_test_add_func ("/core/words/fit", test_fit);
  return g_test_run ();
}
