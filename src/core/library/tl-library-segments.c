/* tl-library-segments.c: corrections of a transcript (a line's text and
 * speaker, splitting and merging lines, renaming a speaker), and what new
 * times of its lines do to their words. The words' rules are here, in the
 * core, so that every store keeps them alike. */
#include "tl-library-private.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "tl-text.h"

/* Whether the store keeps the line's words (the file or alignment timed
 * them); else they are estimated from the line's times as it is read. */
static gboolean
words_kept (TlSegment *seg)
{
  return seg->words != NULL
         && (seg->word_timing == TL_WORD_TIMING_NATIVE || seg->word_timing == TL_WORD_TIMING_ALIGNED
             || seg->word_timing == TL_WORD_TIMING_INTERPOLATED);
}

/* @times with the words of every line that keeps its words and gets new
 * times moved along with it (their arrays added to @kept); NULL with
 * @error set when the lines cannot be read. */
static TlSegmentTiming *
times_with_words (TlLibrary *self, gint64 source_id, const TlSegmentTiming *times, guint n_times, GPtrArray *kept,
                  GError **error)
{
  g_autoptr(GPtrArray) segments = TL_STORE_CALL (self->store, get_segments, source_id, 0, 0, error);
  g_autofree TlSegmentTiming *moved = NULL;

  if (segments == NULL)
    return NULL;
  /* the store says what is wrong with a count that does not match */
  if (segments->len != n_times)
    return g_memdup2 (times, sizeof (TlSegmentTiming) * MAX (n_times, 1));
  moved = g_memdup2 (times, sizeof (TlSegmentTiming) * MAX (n_times, 1));
  for (guint i = 0; i < n_times; i++)
    {
      TlSegment *seg = g_ptr_array_index (segments, i);
      TlSegmentTiming *t = &moved[i];
      GArray *words;

      /* given words that are not the line's (an aligner's own split of
       * it): fitted to its text, as lines keep them */
      if (t->words != NULL && t->n_words > 0 && t->n_words != tl_words_count_text (seg->text ? seg->text : ""))
        {
          words = tl_words_fit (t->words, t->n_words, seg->text, t->start, t->end, NULL);
          g_ptr_array_add (kept, words);
          t->words = (const TlWord *) words->data;
          t->n_words = words->len;
          continue;
        }
      if (t->words != NULL || !words_kept (seg) || (t->start == seg->start && t->end == seg->end))
        continue;
      words = tl_words_new (seg->words->len);
      for (guint w = 0; w < seg->words->len; w++)
        {
          TlWord word = g_array_index (seg->words, TlWord, w);
          word.text = g_strdup (word.text);
          g_array_append_val (words, word);
        }
      tl_words_retime ((TlWord *) words->data, words->len, seg->start, seg->end, t->start, t->end);
      g_ptr_array_add (kept, words);
      t->words = (const TlWord *) words->data;
      t->n_words = t->start == TL_TIME_NONE ? 0 : words->len;
      t->word_timing = seg->word_timing;
    }
  return g_steal_pointer (&moved);
}

/* Inside tl_library_set_segment_times(): the store call, with the words
 * of lines whose times change moved with them. */
gboolean
tl_library_store_segment_times (TlLibrary *self, gint64 source_id, TlTiming timing, const TlSegmentTiming *times,
                                guint n_times, GError **error)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autofree TlSegmentTiming *moved = times_with_words (self, source_id, times, n_times, kept, error);

  if (moved == NULL)
    return FALSE;
  return TL_STORE_CALL (self->store, set_segment_times, source_id, timing, moved, n_times, error);
}

/* The source's lines, and line @index among them. */
static GPtrArray *
load_line (TlLibrary *self, gint64 source_id, guint index, TlSegment **line, GError **error)
{
  g_autoptr(GPtrArray) segments = tl_library_get_segments (self, source_id, error);

  if (segments == NULL)
    return NULL;
  if (index >= segments->len)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND,
                   g_dngettext (GETTEXT_PACKAGE, "Line %u: the transcript has %u line (counted from 0)",
                                "Line %u: the transcript has %u lines (counted from 0)", segments->len),
                   index, segments->len);
      return NULL;
    }
  *line = g_ptr_array_index (segments, index);
  return g_steal_pointer (&segments);
}

/* A line as it is, for the store to write back changed. */
static TlStoreSegment
store_line (TlSegment *seg)
{
  TlStoreSegment line = {
    .start = seg->start,
    .end = seg->end,
    .speaker = seg->speaker,
    .text = seg->text,
    .original_text = seg->original_text,
    .non_speech = seg->non_speech,
    .confidence = seg->confidence,
    .flag = seg->flag,
    .anchor = seg->anchor,
  };

  if (words_kept (seg))
    {
      line.words = (const TlWord *) seg->words->data;
      line.n_words = seg->words->len;
      line.word_timing = seg->word_timing;
    }
  return line;
}

static gboolean
replace (TlLibrary *self, TlEditKind kind, gint64 source_id, guint first, guint n_old, const TlStoreSegment *lines,
         guint n_new, GError **error)
{
  TlLibraryChange what = TL_LIBRARY_CHANGE_SEGMENTS | TL_LIBRARY_CHANGE_SOURCES;

  /* an article's clips are paragraph ranges: they follow a split or merge */
  if (n_old != n_new)
    what |= TL_LIBRARY_CHANGE_CLIPS;
  return tl_library_edit_one (self, kind, what, TL_LIBRARY_CHANGE_SOURCES, source_id, error,
                              TL_STORE_CALL (self->store, replace_segments, source_id, first, n_old, lines, n_new,
                                             error));
}

/**
 * tl_library_set_segment_text:
 * @index: the line, from 0
 * @text: what the line says
 *
 * Corrects a line's text. Its words that are still there keep their times
 * (and confidences); new words get times interpolated between theirs, and
 * the line's word timing says so (%TL_WORD_TIMING_INTERPOLATED). The line
 * keeps the text it was imported with; correcting it back to that text
 * makes it uncorrected again. The search finds the new text at once.
 */
gboolean
tl_library_set_segment_text (TlLibrary *self, gint64 source_id, guint index, const char *text, GError **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text ? text : ""));
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GArray) words = NULL;
  TlSegment *seg = NULL;
  TlStoreSegment line;
  const char *original;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if (*clean == '\0' || !g_utf8_validate (clean, -1, NULL))
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                   _("Line %u: a line needs text (merge it with the next one instead)"), index);
      return FALSE;
    }
  if (!tl_library_check_writable (self, error)
      || (segments = load_line (self, source_id, index, &seg, error)) == NULL)
    return FALSE;
  if (strcmp (seg->text, clean) == 0)
    return TRUE;

  line = store_line (seg);
  line.text = clean;
  line.non_speech = tl_text_is_non_speech (clean);
  original = seg->original_text ? seg->original_text : seg->text;
  line.original_text = strcmp (original, clean) == 0 ? NULL : original;
  if (words_kept (seg))
    {
      guint changed = 0;

      words = tl_words_fit ((const TlWord *) seg->words->data, seg->words->len, clean, seg->start, seg->end,
                            &changed);
      line.words = (const TlWord *) words->data;
      line.n_words = words->len;
      if (changed > 0)
        line.word_timing = TL_WORD_TIMING_INTERPOLATED;
    }
  return replace (self, TL_EDIT_CORRECT_LINE, source_id, index, 1, &line, 1, error);
}

/**
 * tl_library_split_segment:
 * @index: the line, from 0
 * @word: the word the new second line starts with, from 0 (1 to the
 *   line's number of words - 1)
 *
 * Splits a line in two before one of its words; the first ends, and the
 * second starts, where that word starts. Both keep the speaker, and the
 * imported text of the line they came from.
 */
gboolean
tl_library_split_segment (TlLibrary *self, gint64 source_id, guint index, guint word, GError **error)
{
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autofree char *first_text = NULL;
  TlSegment *seg = NULL;
  TlStoreSegment lines[2];
  const TlWord *words;
  guint n_words;
  gint64 boundary;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if (!tl_library_check_writable (self, error)
      || (segments = load_line (self, source_id, index, &seg, error)) == NULL)
    return FALSE;
  words = tl_segment_get_words (seg, &n_words);
  if (word == 0 || word >= n_words)
    {
      if (n_words < 2)
        g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                     _("Line %u has only one word: it cannot be split"), index);
      else
        g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                     _("Line %u has %u words: split it before word 1 to %u (counted from 0), not %u"), index,
                     n_words, n_words - 1, word);
      return FALSE;
    }
  spans = tl_words_split_text (seg->text);
  g_assert (spans->len == n_words);
  first_text = g_strndup (seg->text, g_array_index (spans, TlWordSpan, word).offset);
  g_strchomp (first_text);
  boundary = words[word].start;

  lines[0] = lines[1] = store_line (seg);
  lines[0].text = first_text;
  lines[1].text = seg->text + g_array_index (spans, TlWordSpan, word).offset;
  lines[0].original_text = lines[1].original_text = seg->original_text ? seg->original_text : seg->text;
  lines[0].non_speech = tl_text_is_non_speech (lines[0].text);
  lines[1].non_speech = tl_text_is_non_speech (lines[1].text);
  if (boundary != TL_TIME_NONE && seg->start != TL_TIME_NONE)
    {
      lines[0].end = MAX (boundary, seg->start);
      lines[1].start = MAX (boundary, seg->start);
    }
  if (lines[0].words != NULL)
    {
      lines[0].n_words = word;
      lines[1].words = words + word;
      lines[1].n_words = n_words - word;
    }
  return replace (self, TL_EDIT_SPLIT_LINE, source_id, index, 1, lines, 2, error);
}

static char *
join_text (const char *a, const char *b)
{
  return g_strconcat (a, " ", b, NULL);
}

/**
 * tl_library_merge_segments:
 * @index: the line, from 0, that the next line joins
 *
 * Joins a line and the next into one, from the first's start to the
 * second's end, with the first's speaker.
 */
gboolean
tl_library_merge_segments (TlLibrary *self, gint64 source_id, guint index, GError **error)
{
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GArray) words = NULL;
  g_autofree char *text = NULL;
  g_autofree char *original = NULL;
  TlSegment *a = NULL, *b;
  TlStoreSegment line;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if (!tl_library_check_writable (self, error)
      || (segments = load_line (self, source_id, index, &a, error)) == NULL)
    return FALSE;
  if (index + 1 >= segments->len)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                   _("Line %u is the last: there is no next line to merge it with"), index);
      return FALSE;
    }
  b = g_ptr_array_index (segments, index + 1);
  text = join_text (a->text, b->text);
  original = join_text (a->original_text ? a->original_text : a->text, b->original_text ? b->original_text : b->text);

  line = store_line (a);
  line.text = text;
  line.original_text = original;
  line.speaker = a->speaker ? a->speaker : b->speaker;
  line.non_speech = a->non_speech && b->non_speech;
  line.flag = a->flag ? a->flag : b->flag;
  if (a->confidence >= 0 && b->confidence >= 0)
    line.confidence = MIN (a->confidence, b->confidence);
  if (line.start == TL_TIME_NONE)
    line.start = b->start;
  if (b->end != TL_TIME_NONE || b->start != TL_TIME_NONE)
    line.end = b->end != TL_TIME_NONE ? b->end : b->start;

  /* the words of both, when either had its own: the other's estimated
   * ones count as interpolated */
  if (words_kept (a) || words_kept (b))
    {
      TlSegment *both[2] = { a, b };

      words = tl_words_new (0);
      for (guint s = 0; s < 2; s++)
        {
          guint n;
          const TlWord *w = tl_segment_get_words (both[s], &n);
          for (guint i = 0; i < n; i++)
            {
              TlWord copy = w[i];
              copy.text = g_strdup (w[i].text);
              copy.interpolated |= !words_kept (both[s]);
              g_array_append_val (words, copy);
            }
        }
      line.words = (const TlWord *) words->data;
      line.n_words = words->len;
      line.word_timing = words_kept (a) && words_kept (b) && a->word_timing == b->word_timing
                         ? a->word_timing : TL_WORD_TIMING_INTERPOLATED;
    }
  return replace (self, TL_EDIT_MERGE_LINES, source_id, index, 2, &line, 1, error);
}

/* A speaker's name as kept: trimmed, NULL for none. */
static char *
clean_name (const char *name)
{
  char *clean = g_strstrip (g_strdup (name ? name : ""));

  if (*clean == '\0' || !g_utf8_validate (clean, -1, NULL))
    g_clear_pointer (&clean, g_free);
  return clean;
}

/**
 * tl_library_set_segment_speaker:
 * @speaker: (nullable): who says the line; %NULL or "" for no one named
 */
gboolean
tl_library_set_segment_speaker (TlLibrary *self, gint64 source_id, guint index, const char *speaker,
                                GError **error)
{
  g_autofree char *clean = clean_name (speaker);
  g_autoptr(GPtrArray) segments = NULL;
  TlSegment *seg = NULL;
  TlStoreSegment line;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if (!tl_library_check_writable (self, error)
      || (segments = load_line (self, source_id, index, &seg, error)) == NULL)
    return FALSE;
  if (g_strcmp0 (seg->speaker, clean) == 0)
    return TRUE;
  line = store_line (seg);
  line.speaker = clean;
  return replace (self, TL_EDIT_SET_SPEAKER, source_id, index, 1, &line, 1, error);
}

/**
 * tl_library_rename_speaker:
 * @new_name: (nullable): the speaker's new name; %NULL or "" leaves the
 *   lines without one
 *
 * Renames a speaker in every line of a source ("SPEAKER 1" to "Anna
 * Cunningham"): one step. Naming one speaker as another joins them.
 *
 * Returns: %FALSE with %TL_LIBRARY_ERROR_NOT_FOUND when no line of the
 *   source has that speaker
 */
gboolean
tl_library_rename_speaker (TlLibrary *self, gint64 source_id, const char *old_name, const char *new_name,
                           GError **error)
{
  g_autofree char *clean = clean_name (new_name);
  guint n_lines = 0;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (old_name != NULL, FALSE);
  if (!tl_library_edit_begin (self, TL_EDIT_RENAME_SPEAKER,
                              TL_LIBRARY_CHANGE_SEGMENTS | TL_LIBRARY_CHANGE_SOURCES, error))
    return FALSE;
  tl_library_edit_touch (self, TL_LIBRARY_CHANGE_SOURCES, source_id);
  if (!TL_STORE_CALL (self->store, rename_speaker, source_id, old_name, clean, &n_lines, error))
    {
      tl_library_edit_rollback (self);
      return FALSE;
    }
  if (n_lines == 0)
    {
      tl_library_edit_rollback (self);
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND,
                   _("No line of source %" PRId64 " is spoken by “%s”"), source_id, old_name);
      return FALSE;
    }
  return tl_library_edit_commit (self, error);
}
