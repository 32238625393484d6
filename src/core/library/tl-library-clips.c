/* tl-library-clips.c: clips: what tagging lines makes, storing clips
 * (checked against their source), reading them and their words, and the
 * editor's changes to them. Each change is one undoable step. */
#include "tl-library-private.h"

#include <glib/gi18n-lib.h>

#include "tl-clip-lines.h"
#include "tl-text.h"

/**
 * tl_library_check_time_range:
 *
 * Whether [@in, @out) can be a clip of @source: it starts at or after 0,
 * ends after it starts, and starts before the source ends.
 */
gboolean
tl_library_check_time_range (TlSource *source, gint64 in, gint64 out, GError **error)
{
  if (in < 0 || out <= in)
    {
      g_autofree char *in_text = tl_format_clock (in, TRUE, '.');
      g_autofree char *out_text = tl_format_clock (out, TRUE, '.');
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                   _("The clip must end after it starts (in %s, out %s)"), in_text, out_text);
      return FALSE;
    }
  if (source->duration > 0 && in >= source->duration)
    {
      g_autofree char *in_text = tl_format_clock (in, TRUE, '.');
      g_autofree char *end = tl_format_clock (source->duration, TRUE, '.');
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                   _("The clip starts at %s, after the end of “%s” (%s)"), in_text, source->title, end);
      return FALSE;
    }
  return TRUE;
}

/* Clips */

/**
 * tl_clip_specs_for_lines:
 * @segments: (array length=n_segments): the source's lines, in order
 * @runs: (array length=n_runs): runs of selected lines
 *
 * What tagging selected lines makes: one clip per run of lines, never one
 * across the lines between two runs. A clip of timed lines runs from its
 * first line's start to its last line's end (or, for a line without an
 * end, the next line's start or the source's end); a source without times
 * (an article) gets paragraph clips. The specs have no topics yet.
 *
 * Returns: (transfer full) (element-type TlClipSpec): the specs, or %NULL
 *   with @error set when a run has no times to make a clip of
 */
GArray *
tl_clip_specs_for_lines (TlSource *source, TlSegment *const *segments, guint n_segments, const TlLineRun *runs,
                         guint n_runs, GError **error)
{
  g_autoptr(GArray) specs = g_array_sized_new (FALSE, TRUE, sizeof (TlClipSpec), n_runs);
  gboolean by_paragraph;

  g_return_val_if_fail (TL_IS_SOURCE (source), NULL);
  by_paragraph = tl_source_clips_by_paragraph (source);
  for (guint i = 0; i < n_runs; i++)
    {
      TlClipSpec spec = { 0 };
      guint first = runs[i].first, last = runs[i].last;

      if (first > last || last >= n_segments)
        {
          g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                       _("“%s” has no lines %u–%u"), source->title, first + 1, last + 1);
          return NULL;
        }
      spec.source_id = source->id;
      spec.in = spec.out = TL_TIME_NONE;
      spec.first_segment = spec.last_segment = -1;
      if (by_paragraph)
        {
          spec.first_segment = first;
          spec.last_segment = last;
        }
      else
        {
          spec.in = tl_segment_get_start (segments[first]);
          spec.out = tl_segment_get_end (segments[last]);
          if (spec.out < 0 && last + 1 < n_segments)
            spec.out = tl_segment_get_start (segments[last + 1]);
          if (spec.out < 0 && source->duration > 0)
            spec.out = source->duration;
          if (spec.in < 0 || spec.out <= spec.in)
            {
              g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                           _("These lines have no times to make a clip of"));
              return NULL;
            }
        }
      g_array_append_val (specs, spec);
    }
  return g_steal_pointer (&specs);
}

static gboolean
check_clip_spec (TlLibrary *self, const TlClipSpec *spec, TlSource *source, GError **error)
{
  if (spec->rating > 5)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("Ratings go from 0 to 5, not %u"), spec->rating);
      return FALSE;
    }
  if (tl_source_clips_by_paragraph (source))
    {
      if (spec->first_segment < 0 || spec->last_segment < spec->first_segment
          || (guint) spec->last_segment >= source->n_segments)
        {
          g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                       _("“%s” has no times: a clip of it is a range of its paragraphs, 0 to %u"),
                       source->title, source->n_segments ? source->n_segments - 1 : 0);
          return FALSE;
        }
      return TRUE;
    }
  return tl_library_check_time_range (source, spec->in, spec->out, error);
}

/**
 * tl_library_add_clip:
 *
 * Stores a clip with its topics in one transaction. For sources without
 * times (articles, untimed transcripts) the clip is a paragraph range.
 *
 * Returns: the new clip's id, or 0 with @error set
 */
gint64
tl_library_add_clip (TlLibrary *self, const TlClipSpec *spec, GError **error)
{
  gint64 id = 0;

  g_return_val_if_fail (TL_IS_LIBRARY (self), 0);
  g_return_val_if_fail (spec != NULL, 0);
  return tl_library_add_clips (self, spec, 1, &id, error) ? id : 0;
}

/**
 * tl_library_add_clips:
 * @specs: (array length=n_specs): the clips
 * @ids: (out caller-allocates) (array length=n_specs) (optional): their new ids
 *
 * Stores several clips (each checked as by tl_library_add_clip()) in one
 * transaction and one undo step ("New Clips"): all of them, or, if one
 * cannot be stored, none.
 */
gboolean
tl_library_add_clips (TlLibrary *self, const TlClipSpec *specs, guint n_specs, gint64 *ids, GError **error)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) topic_ids = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (specs != NULL || n_specs == 0, FALSE);

  if (n_specs == 0)
    return TRUE;
  for (guint i = 0; i < n_specs; i++)
    {
      const TlClipSpec *spec = &specs[i];
      TlSource *source = tl_library_get_source (self, spec->source_id, error);
      GArray *topics = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_ptr_array_add (topic_ids, topics);
      if (source == NULL)
        return FALSE;
      g_ptr_array_add (sources, source);
      if (!check_clip_spec (self, spec, source, error))
        return FALSE;
      for (guint t = 0; spec->topics != NULL && spec->topics[t] != NULL; t++)
        {
          g_autoptr(TlTopic) topic = tl_library_find_topic (self, spec->topics[t], error);
          if (topic == NULL)
            return FALSE;
          g_array_append_val (topics, topic->id);
        }
    }

  if (!tl_library_edit_begin (self, n_specs == 1 ? TL_EDIT_NEW_CLIP : TL_EDIT_NEW_CLIPS,
                              TL_LIBRARY_CHANGE_CLIPS | TL_LIBRARY_CHANGE_TOPICS, error))
    return FALSE;
  for (guint i = 0; i < n_specs; i++)
    {
      gint64 id = TL_STORE_CALL (self->store, insert_clip, &specs[i], g_ptr_array_index (sources, i),
                                 g_ptr_array_index (topic_ids, i), error);
      if (id == 0)
        {
          tl_library_edit_rollback (self);
          return FALSE;
        }
      if (ids)
        ids[i] = id;
      tl_library_edit_touch (self, TL_LIBRARY_CHANGE_CLIPS, id);
      for (guint t = 0; t < ((GArray *) g_ptr_array_index (topic_ids, i))->len; t++)
        tl_library_edit_touch (self, TL_LIBRARY_CHANGE_TOPICS,
                               g_array_index ((GArray *) g_ptr_array_index (topic_ids, i), gint64, t));
    }
  return tl_library_edit_commit (self, error);
}

TlClip *
tl_library_get_clip (TlLibrary *self, gint64 clip_id, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  return TL_STORE_CALL (self->store, get_clip, clip_id, error);
}

/**
 * tl_library_list_clips:
 * @filter: (nullable): which clips, in which order; %NULL for all
 */
GPtrArray *
tl_library_list_clips (TlLibrary *self, const TlClipFilter *filter, GError **error)
{
  static const TlClipFilter all = { 0 };

  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  return TL_STORE_CALL (self->store, list_clips, filter ? filter : &all, error);
}

/**
 * tl_library_get_clip_text:
 *
 * The words said in a clip: the text of the lines it holds
 * (tl_clip_lines_collect()), joined. For many clips, read their sources'
 * lines once with a #TlClipLines instead.
 */
char *
tl_library_get_clip_text (TlLibrary *self, TlClip *clip, GError **error)
{
  g_autoptr(TlClipLines) lines = tl_clip_lines_new ();

  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (TL_IS_CLIP (clip), NULL);
  if (!tl_clip_lines_load_for_clip (lines, self, clip, error))
    return NULL;
  return tl_clip_lines_get_text (lines, clip);
}

/* One change to a clip as a whole undoable step. */
static gboolean
edit_clip (TlLibrary *self, TlEditKind kind, TlLibraryChange what, gint64 clip_id, TlStoreChange change,
           const char *text, gint64 a, gint64 b, GError **error)
{
  /* a move renumbers the others' places too */
  return tl_library_edit_one (self, kind, what, change == TL_STORE_MOVE_BEFORE ? 0 : TL_LIBRARY_CHANGE_CLIPS, clip_id,
                              error, TL_STORE_CALL (self->store, update_clip, clip_id, change, text, a, b, error));
}

/**
 * tl_library_set_clip_range:
 *
 * Trims a clip to [@in, @out), in µs (clipped to the source's end).
 */
gboolean
tl_library_set_clip_range (TlLibrary *self, gint64 clip_id, gint64 in, gint64 out, GError **error)
{
  g_autoptr(TlClip) clip = NULL;
  g_autoptr(TlSource) source = NULL;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if ((clip = tl_library_get_clip (self, clip_id, error)) == NULL
      || (source = tl_library_get_source (self, clip->source_id, error)) == NULL)
    return FALSE;
  if (clip->in < 0)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                   _("This clip is a range of paragraphs, not of time"));
      return FALSE;
    }
  if (!tl_library_check_time_range (source, in, out, error))
    return FALSE;
  if (source->duration > 0)
    out = MIN (out, source->duration);
  return edit_clip (self, TL_EDIT_TRIM_CLIP, TL_LIBRARY_CHANGE_CLIPS, clip_id, TL_STORE_SET_RANGE, NULL, in, out, error);
}

/* For clips of articles and untimed transcripts: paragraphs @first–@last. */
gboolean
tl_library_set_clip_paragraphs (TlLibrary *self, gint64 clip_id, gint first, gint last, GError **error)
{
  g_autoptr(TlClip) clip = NULL;
  g_autoptr(TlSource) source = NULL;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if ((clip = tl_library_get_clip (self, clip_id, error)) == NULL
      || (source = tl_library_get_source (self, clip->source_id, error)) == NULL)
    return FALSE;
  if (clip->first_segment < 0 || first < 0 || last < first || (guint) last >= source->n_segments)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                   _("A clip of “%s” is a range of its paragraphs, 0 to %u"), source->title,
                   source->n_segments ? source->n_segments - 1 : 0);
      return FALSE;
    }
  return edit_clip (self, TL_EDIT_TRIM_CLIP, TL_LIBRARY_CHANGE_CLIPS, clip_id, TL_STORE_SET_PARAGRAPHS, NULL, first, last,
                    error);
}

gboolean
tl_library_set_clip_title (TlLibrary *self, gint64 clip_id, const char *title, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  return edit_clip (self, TL_EDIT_RETITLE_CLIP, TL_LIBRARY_CHANGE_CLIPS, clip_id, TL_STORE_SET_TITLE, title, 0, 0, error);
}

gboolean
tl_library_set_clip_note (TlLibrary *self, gint64 clip_id, const char *note, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  return edit_clip (self, TL_EDIT_EDIT_NOTE, TL_LIBRARY_CHANGE_CLIPS, clip_id, TL_STORE_SET_NOTE, note, 0, 0, error);
}

gboolean
tl_library_set_clip_rating (TlLibrary *self, gint64 clip_id, guint rating, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if (rating > 5)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("Ratings go from 0 to 5, not %u"), rating);
      return FALSE;
    }
  return edit_clip (self, TL_EDIT_RATE_CLIP, TL_LIBRARY_CHANGE_CLIPS, clip_id, TL_STORE_SET_RATING, NULL, rating, 0, error);
}

/* Adds (@on) or removes a topic from a clip. */
gboolean
tl_library_set_clip_topic (TlLibrary *self, gint64 clip_id, gint64 topic_id, gboolean on, GError **error)
{
  g_autoptr(TlClip) clip = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if ((clip = tl_library_get_clip (self, clip_id, error)) == NULL)
    return FALSE;
  if (!tl_library_edit_begin (self, on ? TL_EDIT_TAG_CLIP : TL_EDIT_UNTAG_CLIP, TL_LIBRARY_CHANGE_CLIPS | TL_LIBRARY_CHANGE_TOPICS,
                              error))
    return FALSE;
  tl_library_edit_touch (self, TL_LIBRARY_CHANGE_CLIPS, clip_id);
  tl_library_edit_touch (self, TL_LIBRARY_CHANGE_TOPICS, topic_id);
  if (!TL_STORE_CALL (self->store, update_clip, clip_id, on ? TL_STORE_ADD_TOPIC : TL_STORE_REMOVE_TOPIC, NULL,
                      topic_id, 0, &local_error))
    {
      tl_library_edit_rollback (self);
      /* the only constraint here is the topic's foreign key */
      if (g_error_matches (local_error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID))
        return tl_store_not_found (error, TL_STORE_ENTITY_TOPIC, topic_id);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return tl_library_edit_commit (self, error);
}

gboolean
tl_library_delete_clip (TlLibrary *self, gint64 clip_id, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  return tl_library_delete_clips (self, &clip_id, 1, error);
}

/* Whether clip_ids[@i] was named before it in the list. */
static gboolean
clip_was_deleted_here (const gint64 *clip_ids, guint i)
{
  for (guint j = 0; j < i; j++)
    if (clip_ids[j] == clip_ids[i])
      return TRUE;
  return FALSE;
}

/**
 * tl_library_delete_clips:
 * @clip_ids: (array length=n_clips): the clips to delete
 *
 * Deletes several clips in one transaction and one undo step ("Delete
 * Clips"): all of them, or none if one of them is not there.
 */
gboolean
tl_library_delete_clips (TlLibrary *self, const gint64 *clip_ids, guint n_clips, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (clip_ids != NULL || n_clips == 0, FALSE);

  if (n_clips == 0)
    return TRUE;
  if (!tl_library_edit_begin (self, n_clips == 1 ? TL_EDIT_DELETE_CLIP : TL_EDIT_DELETE_CLIPS,
                              TL_LIBRARY_CHANGE_CLIPS | TL_LIBRARY_CHANGE_TOPICS, error))
    return FALSE;
  for (guint i = 0; i < n_clips; i++)
    {
      g_autoptr(GError) local_error = NULL;

      tl_library_edit_touch (self, TL_LIBRARY_CHANGE_CLIPS, clip_ids[i]);
      if (TL_STORE_CALL (self->store, update_clip, clip_ids[i], TL_STORE_DELETE, NULL, 0, 0, &local_error))
        continue;
      /* an id named twice is gone the second time: not an error */
      if (g_error_matches (local_error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND)
          && clip_was_deleted_here (clip_ids, i))
        continue;
      g_propagate_error (error, g_steal_pointer (&local_error));
      tl_library_edit_rollback (self);
      return FALSE;
    }
  return tl_library_edit_commit (self, error);
}

/**
 * tl_library_move_clip:
 * @before_id: the clip to put it in front of; 0: after all the others
 *
 * Rearranges the clips (TL_CLIP_ORDER_ARRANGED): one undoable step. New
 * clips come last.
 */
gboolean
tl_library_move_clip (TlLibrary *self, gint64 clip_id, gint64 before_id, GError **error)
{
  g_autoptr(TlClip) before = NULL;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if (before_id != 0 && (before = tl_library_get_clip (self, before_id, error)) == NULL)
    return FALSE;
  if (before_id == clip_id)
    return TRUE;
  return edit_clip (self, TL_EDIT_MOVE_CLIP, TL_LIBRARY_CHANGE_CLIPS, clip_id, TL_STORE_MOVE_BEFORE, NULL, before_id, 0,
                    error);
}
