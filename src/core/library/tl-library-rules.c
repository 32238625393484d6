/* tl-library-rules.c: the decisions the window and tagline-cli share:
 * what a clip of a source is made of (time or paragraphs), which sources
 * may be tapped in or aligned, and whether tagging makes a new clip or
 * toggles topics on the clip that already holds the range. */
#include "tl-library-private.h"

/**
 * tl_source_clips_by_paragraph:
 *
 * Whether a clip of @source is a range of its paragraphs (an article, a
 * transcript without times) rather than a range of time.
 */
gboolean
tl_source_clips_by_paragraph (TlSource *source)
{
  g_return_val_if_fail (TL_IS_SOURCE (source), FALSE);
  return source->kind == TL_SOURCE_KIND_ARTICLE || source->timing == TL_TIMING_NONE;
}

/* Times worth replacing: missing, estimated or tapped (native and aligned
 * times are better than a tap). */
static gboolean
times_are_rough (TlSource *source)
{
  return source->timing == TL_TIMING_NONE || source->timing == TL_TIMING_ESTIMATED
         || source->timing == TL_TIMING_TAPPED;
}

/**
 * tl_source_can_tap:
 *
 * Whether @source's lines may be tapped in while its media plays: it has
 * media and lines, and their times are missing, estimated or tapped.
 */
gboolean
tl_source_can_tap (TlSource *source)
{
  g_return_val_if_fail (TL_IS_SOURCE (source), FALSE);
  return source->media != NULL && source->n_segments > 0 && times_are_rough (source);
}

/**
 * tl_source_can_align:
 *
 * Whether @source's lines can be aligned to its sound: its media has audio.
 * (Times that came with the transcript are replaced only once the editor
 * says so: see tl_source_offers_align().)
 */
gboolean
tl_source_can_align (TlSource *source)
{
  g_return_val_if_fail (TL_IS_SOURCE (source), FALSE);
  return source->media != NULL && source->media->has_audio;
}

/**
 * tl_source_offers_align:
 *
 * Whether aligning is worth offering for @source without being asked: it
 * can be aligned and its times are missing, estimated or tapped.
 */
gboolean
tl_source_offers_align (TlSource *source)
{
  g_return_val_if_fail (TL_IS_SOURCE (source), FALSE);
  return tl_source_can_align (source) && times_are_rough (source);
}

/* The clip of @spec's source that holds its range (or its paragraphs), if
 * there is one: the first in the source's order. */
static TlClip *
clip_holding (TlLibrary *self, const TlClipSpec *spec, GError **error)
{
  TlClipFilter filter = { .source_ids = &spec->source_id, .n_source_ids = 1, .order = TL_CLIP_ORDER_SOURCE };
  g_autoptr(GPtrArray) clips = tl_library_list_clips (self, &filter, error);

  if (clips == NULL)
    return NULL;
  for (guint i = 0; i < clips->len; i++)
    {
      TlClip *clip = g_ptr_array_index (clips, i);

      if (spec->first_segment >= 0 && clip->first_segment >= 0)
        {
          if (clip->first_segment <= spec->first_segment && clip->last_segment >= spec->last_segment)
            return g_object_ref (clip);
        }
      else if (spec->in >= 0 && clip->in <= spec->in && clip->out >= spec->out)
        return g_object_ref (clip);
    }
  return NULL;
}

/* Adds @spec's topics to @clip, or, when it has them all, takes them off:
 * one undo step. */
static gboolean
toggle_topics (TlLibrary *self, TlClip *clip, const TlClipSpec *spec, TlTagged *tagged, GError **error)
{
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean on = FALSE;
  guint n_changes = 0;

  for (guint i = 0; spec->topics && spec->topics[i]; i++)
    {
      TlTopic *topic = tl_library_find_topic (self, spec->topics[i], error);

      if (topic == NULL)
        return FALSE;
      g_ptr_array_add (topics, topic);
      if (!g_strv_contains ((const char *const *) clip->topics, topic->name))
        on = TRUE;
    }
  for (guint i = 0; i < topics->len; i++)
    if (g_strv_contains ((const char *const *) clip->topics, ((TlTopic *) g_ptr_array_index (topics, i))->name) != on)
      n_changes++;
  if (n_changes > 1 && !tl_library_begin_edit_group (self, on ? TL_EDIT_TAG_CLIP : TL_EDIT_UNTAG_CLIP, error))
    return FALSE;
  for (guint i = 0; i < topics->len; i++)
    {
      TlTopic *topic = g_ptr_array_index (topics, i);

      if (g_strv_contains ((const char *const *) clip->topics, topic->name) == on)
        continue;
      if (!tl_library_set_clip_topic (self, clip->id, topic->id, on, error))
        {
          if (n_changes > 1)
            tl_library_cancel_edit_group (self);
          return FALSE;
        }
    }
  if (n_changes > 1 && !tl_library_end_edit_group (self, error))
    return FALSE;
  *tagged = on ? TL_TAGGED_ADDED : TL_TAGGED_REMOVED;
  return TRUE;
}

/**
 * tl_library_tag:
 * @specs: (array length=n_specs): the ranges tagged, each with the topics
 * @flags: %TL_TAG_TOGGLE for what a topic's key does in the window
 * @ids: (out caller-allocates) (array length=n_specs) (optional): the new
 *   clips' ids, or in ids[0] the clip whose topics changed
 * @tagged: (out) (optional): which of the two it did
 *
 * What tagging does. By default every spec becomes a new clip, all in one
 * undo step (tl_library_add_clips()). With %TL_TAG_TOGGLE, a single range
 * that a clip of its source already holds changes that clip instead: its
 * topics are added to it, or, when it has them all, taken off it (one
 * undo step); a new clip's title, note and rating are not used then.
 *
 * Returns: %FALSE with @error set when nothing was tagged
 */
gboolean
tl_library_tag (TlLibrary *self, const TlClipSpec *specs, guint n_specs, TlTagFlags flags, gint64 *ids,
                TlTagged *tagged, GError **error)
{
  TlTagged done = TL_TAGGED_NEW_CLIPS;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (specs != NULL && n_specs > 0, FALSE);

  if ((flags & TL_TAG_TOGGLE) && n_specs == 1)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(TlClip) existing = clip_holding (self, &specs[0], &local_error);

      if (local_error)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (existing)
        {
          if (!toggle_topics (self, existing, &specs[0], &done, error))
            return FALSE;
          if (ids)
            ids[0] = existing->id;
          if (tagged)
            *tagged = done;
          return TRUE;
        }
    }
  if (!tl_library_add_clips (self, specs, n_specs, ids, error))
    return FALSE;
  if (tagged)
    *tagged = done;
  return TRUE;
}
