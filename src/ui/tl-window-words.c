/* tl-window-words.c: the window and the transcript's words: a click on a
 * word goes there, selected words make a clip, and the transcript's
 * corrections (text, split, merge, speakers) go to the library, each one
 * undoable step that the toast offers to undo. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tl-window-private.h"

/* The player goes to the start of the word clicked. */
static void
on_word_picked (TlTranscriptView *view, guint line, guint word, TlWindow *self)
{
  TlSegment *segment = tl_transcript_view_get_segment (view, line);
  const TlWord *words;
  guint n;

  if (segment == NULL)
    return;
  words = tl_segment_get_words (segment, &n);
  if (word < n && words[word].start >= 0)
    tl_window_seek (self, words[word].start);
  else if (tl_segment_get_start (segment) >= 0)
    tl_window_seek (self, tl_segment_get_start (segment));
  tl_window_update_actions (self);
}

/**
 * tl_window_words_clip_spec:
 * @spec: (out caller-allocates): the clip the selected words make
 *
 * A source with times makes a clip of the words themselves; an article
 * (or a transcript without times) a clip of the paragraphs they are in.
 *
 * Returns: whether words are selected in the transcript; when they have
 *   no times, %FALSE with @error set
 */
gboolean
tl_window_words_clip_spec (TlWindow *self, TlClipSpec *spec, GError **error)
{
  guint first_line, first_word, last_line, last_word;

  if (self->source == NULL
      || !tl_transcript_view_get_word_range (self->transcript, &first_line, &first_word, &last_line, &last_word))
    return FALSE;
  if (tl_source_clips_by_paragraph (self->source))
    {
      memset (spec, 0, sizeof *spec);
      spec->source_id = tl_source_get_id (self->source);
      spec->in = spec->out = -1;
      spec->first_segment = first_line;
      spec->last_segment = last_line;
      return TRUE;
    }
  return tl_clip_spec_for_words (self->source, tl_transcript_view_get_segment (self->transcript, first_line),
                                 first_word, tl_transcript_view_get_segment (self->transcript, last_line), last_word,
                                 spec, error);
}

/* A correction made: said in a toast with Undo, or what went wrong. */
static void
corrected (TlWindow *self, gboolean ok, const char *message, GError *error)
{
  if (ok)
    tl_window_toast (self, message, TRUE);
  else if (error)
    tl_window_toast_error (self, error->message);
  tl_window_update_actions (self);
}

static gboolean
can_correct (TlWindow *self)
{
  if (self->source == NULL)
    return FALSE;
  if (tl_library_is_read_only (self->library))
    {
      tl_window_toast_error (self, tl_library_get_read_only_reason (self->library));
      return FALSE;
    }
  return TRUE;
}

static void
on_edit_text (TlTranscriptView *view, guint line, const char *text, TlWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!can_correct (self))
    return;
  ok = tl_library_set_segment_text (self->library, tl_source_get_id (self->source), line, text, &error);
  corrected (self, ok, _("Line corrected"), error);
}

static void
on_split_line (TlTranscriptView *view, guint line, guint word, TlWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!can_correct (self))
    return;
  ok = tl_library_split_segment (self->library, tl_source_get_id (self->source), line, word, &error);
  corrected (self, ok, _("Line split in two"), error);
  /* the focus on the new line's first word, where the split was */
  if (ok)
    tl_transcript_view_set_word_cursor (view, line + 1, 0);
}

static void
on_merge_lines (TlTranscriptView *view, guint line, TlWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!can_correct (self))
    return;
  ok = tl_library_merge_segments (self->library, tl_source_get_id (self->source), line, &error);
  corrected (self, ok, _("Lines merged"), error);
}

static void
on_set_speaker (TlTranscriptView *view, guint line, const char *speaker, TlWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!can_correct (self))
    return;
  ok = tl_library_set_segment_speaker (self->library, tl_source_get_id (self->source), line,
                                       speaker && *speaker ? speaker : NULL, &error);
  corrected (self, ok, _("Speaker set"), error);
}

static void
on_rename_speaker (TlTranscriptView *view, const char *old_name, const char *new_name, TlWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean ok;

  if (!can_correct (self))
    return;
  ok = tl_library_rename_speaker (self->library, tl_source_get_id (self->source), old_name, new_name, &error);
  /* TRANSLATORS: a toast: a speaker renamed in every line of the source */
  message = g_strdup_printf (_("“%s” is now “%s”"), old_name, new_name);
  corrected (self, ok, message, error);
}

void
tl_window_words_init (TlWindow *self)
{
  g_signal_connect (self->transcript, "word-picked", G_CALLBACK (on_word_picked), self);
  g_signal_connect (self->transcript, "edit-text", G_CALLBACK (on_edit_text), self);
  g_signal_connect (self->transcript, "split-line", G_CALLBACK (on_split_line), self);
  g_signal_connect (self->transcript, "merge-lines", G_CALLBACK (on_merge_lines), self);
  g_signal_connect (self->transcript, "set-speaker", G_CALLBACK (on_set_speaker), self);
  g_signal_connect (self->transcript, "rename-speaker", G_CALLBACK (on_rename_speaker), self);
}
