/* tl-document.c: the in-memory result of an import. */
#include "tl-document.h"
#include <glib/gi18n-lib.h>

#include "tl-word.h"

#include <string.h>

TlDocument *
tl_document_new (const char *format)
{
  TlDocument *doc = g_new0 (TlDocument, 1);

  doc->strings = g_string_chunk_new (16 * 1024);
  doc->format = format;
  doc->kind = TL_SOURCE_KIND_TRANSCRIPT;
  doc->timing = TL_TIMING_NONE;
  doc->duration = TL_TIME_NONE;
  doc->keywords = g_ptr_array_new ();
  doc->segments = g_array_sized_new (FALSE, TRUE, sizeof (TlDocSegment), 64);
  doc->words = g_array_new (FALSE, TRUE, sizeof (TlDocWord));
  doc->chapters = g_array_new (FALSE, TRUE, sizeof (TlDocChapter));
  doc->warnings = g_ptr_array_new_with_free_func (g_free);
  return doc;
}

void
tl_document_free (TlDocument *doc)
{
  if (doc == NULL)
    return;
  g_string_chunk_free (doc->strings);
  g_ptr_array_unref (doc->keywords);
  g_array_unref (doc->segments);
  g_array_unref (doc->words);
  g_array_unref (doc->chapters);
  g_ptr_array_unref (doc->warnings);
  g_free (doc);
}

const char *
tl_document_strdup (TlDocument *doc, const char *str)
{
  if (str == NULL)
    return NULL;
  return g_string_chunk_insert (doc->strings, str);
}

const char *
tl_document_strndup (TlDocument *doc, const char *str, gsize len)
{
  if (str == NULL)
    return NULL;
  return g_string_chunk_insert_len (doc->strings, str, len);
}

/**
 * tl_document_add_segment:
 * @len: length of @text in bytes, or -1 when NUL-terminated
 *
 * Appends a segment; the returned pointer is valid until the next append.
 */
TlDocSegment *
tl_document_add_segment (TlDocument *doc, gint64 start, gint64 end, const char *text, gssize len)
{
  TlDocSegment seg = { 0 };

  seg.start = start;
  seg.end = end;
  if (len < 0)
    len = strlen (text);
  seg.text = g_string_chunk_insert_len (doc->strings, text, len);
  seg.first_word = doc->words->len;
  g_array_append_val (doc->segments, seg);
  return &g_array_index (doc->segments, TlDocSegment, doc->segments->len - 1);
}

TlDocSegment *
tl_document_get_segment (TlDocument *doc, guint index)
{
  g_return_val_if_fail (index < doc->segments->len, NULL);
  return &g_array_index (doc->segments, TlDocSegment, index);
}

guint
tl_document_get_n_segments (TlDocument *doc)
{
  return doc->segments->len;
}

/* Words belong to the last segment added. */
void
tl_document_add_word (TlDocument *doc, gint64 start, gint64 end, const char *text, gssize len)
{
  tl_document_add_word_full (doc, start, end, text, len, -1);
}

/* A timed word, with the confidence the file gives it (< 0: none). */
void
tl_document_add_word_full (TlDocument *doc, gint64 start, gint64 end, const char *text, gssize len,
                           double confidence)
{
  TlDocWord word = { start, end, NULL, confidence };
  TlDocSegment *seg;

  g_return_if_fail (doc->segments->len > 0);
  if (len < 0)
    len = strlen (text);
  word.text = g_string_chunk_insert_len (doc->strings, text, len);
  g_array_append_val (doc->words, word);
  seg = &g_array_index (doc->segments, TlDocSegment, doc->segments->len - 1);
  seg->n_words++;
}

void
tl_document_add_chapter (TlDocument *doc, gint64 start, const char *title)
{
  TlDocChapter chapter = { start, -1, tl_document_strdup (doc, title) };

  g_array_append_val (doc->chapters, chapter);
}

/* A heading above the next segment to be added (articles). */
void
tl_document_add_section (TlDocument *doc, const char *title)
{
  TlDocChapter chapter = { TL_TIME_NONE, (gint) doc->segments->len, tl_document_strdup (doc, title) };

  g_array_append_val (doc->chapters, chapter);
}

void
tl_document_add_keyword (TlDocument *doc, const char *keyword)
{
  for (guint i = 0; i < doc->keywords->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (doc->keywords, i), keyword) == 0)
      return;
  g_ptr_array_add (doc->keywords, (gpointer) tl_document_strdup (doc, keyword));
}

void
tl_document_warn (TlDocument *doc, guint line, const char *format, ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  /* warnings quote the file, perhaps cut in the middle of a character */
  if (!g_utf8_validate (msg, -1, NULL))
    {
      char *valid = g_utf8_make_valid (msg, -1);
      g_free (msg);
      msg = valid;
    }
  if (line > 0)
    g_ptr_array_add (doc->warnings, g_strdup_printf (_("line %u: %s"), line, msg));
  else
    g_ptr_array_add (doc->warnings, g_steal_pointer (&msg));
}

/* TRUE when at least one segment carries a start time. */
gboolean
tl_document_has_times (TlDocument *doc)
{
  for (guint i = 0; i < doc->segments->len; i++)
    if (g_array_index (doc->segments, TlDocSegment, i).start != TL_TIME_NONE)
      return TRUE;
  return FALSE;
}

/* The latest end (or start) time of any segment, TL_TIME_NONE if untimed. */
gint64
tl_document_get_end (TlDocument *doc)
{
  gint64 end = TL_TIME_NONE;

  for (guint i = 0; i < doc->segments->len; i++)
    {
      const TlDocSegment *seg = &g_array_index (doc->segments, TlDocSegment, i);
      end = MAX (end, MAX (seg->start, seg->end));
    }
  return end;
}

/* How long a segment takes to say, in arbitrary units: characters spoken
 * plus a short pause. Marks such as [Music] get the weight of a short line,
 * since nothing tells how long the music ran. */
static double
segment_weight (const TlDocSegment *seg)
{
  if (seg->non_speech)
    return 20.0;
  return (double) g_utf8_strlen (seg->text, -1) + 8.0;
}

/**
 * tl_document_estimate_times:
 * @duration: the media's (or the stated) duration in µs
 *
 * Spreads untimed segments over @duration in proportion to their length
 * and marks the document's timing as estimated.
 */
void
tl_document_estimate_times (TlDocument *doc, gint64 duration)
{
  double total = 0, acc = 0;

  g_return_if_fail (duration > 0);
  if (doc->segments->len == 0)
    return;
  for (guint i = 0; i < doc->segments->len; i++)
    total += segment_weight (&g_array_index (doc->segments, TlDocSegment, i));
  for (guint i = 0; i < doc->segments->len; i++)
    {
      TlDocSegment *seg = &g_array_index (doc->segments, TlDocSegment, i);
      seg->start = (gint64) (duration * (acc / total));
      acc += segment_weight (seg);
      seg->end = (gint64) (duration * (acc / total));
    }
  doc->timing = TL_TIMING_ESTIMATED;
}

/**
 * tl_document_apply_media:
 * @media: (nullable): the probe of the media file paired with the document
 *
 * What pairing with media changes: the kind (video or audio), and, for an
 * untimed or estimated transcript, times estimated over the media's
 * duration (or over the duration the file states when there is no media).
 */
void
tl_document_apply_media (TlDocument *doc, const TlMediaInfo *media)
{
  gint64 duration = doc->duration;

  if (media != NULL)
    {
      if (media->has_video)
        doc->kind = TL_SOURCE_KIND_VIDEO;
      else if (media->has_audio)
        doc->kind = TL_SOURCE_KIND_AUDIO;
      if (media->duration > 0)
        duration = media->duration;
    }
  if (doc->kind == TL_SOURCE_KIND_ARTICLE || duration <= 0)
    return;
  if (doc->timing == TL_TIMING_NONE || doc->timing == TL_TIMING_ESTIMATED)
    tl_document_estimate_times (doc, duration);
}

/**
 * tl_document_fit_words:
 *
 * Makes the words of every segment that has timed words the segment's
 * text split at white space, as the library keeps them: a word the file
 * timed keeps its time ("Hello" for "Hello,"), words the file split
 * otherwise or left untimed are interpolated. Segments without timed
 * words are left without (their times are estimated when read).
 */
void
tl_document_fit_words (TlDocument *doc)
{
  g_autoptr(GArray) words = NULL;
  gboolean fitted = TRUE;

  for (guint i = 0; i < doc->segments->len && fitted; i++)
    {
      const TlDocSegment *seg = &g_array_index (doc->segments, TlDocSegment, i);
      guint n = tl_words_count_text (seg->text);

      if (seg->n_words == 0)
        continue;
      if (n != seg->n_words)
        fitted = FALSE;
      for (guint w = 0; w < seg->n_words && fitted; w++)
        {
          const TlDocWord *word = &g_array_index (doc->words, TlDocWord, seg->first_word + w);
          if (word->start == TL_TIME_NONE || strpbrk (word->text, " \t\n") != NULL)
            fitted = FALSE;
        }
    }
  if (fitted)
    return;

  words = g_array_sized_new (FALSE, TRUE, sizeof (TlDocWord), doc->words->len);
  for (guint i = 0; i < doc->segments->len; i++)
    {
      TlDocSegment *seg = &g_array_index (doc->segments, TlDocSegment, i);
      g_autoptr(GArray) old = tl_words_new (seg->n_words);
      g_autoptr(GArray) fit = NULL;
      gboolean timed = FALSE;

      for (guint w = 0; w < seg->n_words; w++)
        {
          const TlDocWord *dw = &g_array_index (doc->words, TlDocWord, seg->first_word + w);
          TlWord word = { g_strdup (dw->text), dw->start, dw->end, dw->confidence, FALSE };
          g_strstrip (word.text);
          timed |= dw->start != TL_TIME_NONE;
          g_array_append_val (old, word);
        }
      seg->first_word = words->len;
      seg->n_words = 0;
      if (!timed)
        continue;
      fit = tl_words_fit ((const TlWord *) old->data, old->len, seg->text, seg->start, seg->end, NULL);
      for (guint w = 0; w < fit->len; w++)
        {
          const TlWord *word = &g_array_index (fit, TlWord, w);
          TlDocWord dw = { word->start, word->end, tl_document_strdup (doc, word->text), word->confidence };
          g_array_append_val (words, dw);
        }
      seg->n_words = fit->len;
    }
  g_array_unref (doc->words);
  doc->words = g_steal_pointer (&words);
}
