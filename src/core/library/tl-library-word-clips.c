/* tl-library-word-clips.c: what tagging selected words makes: a clip from
 * the first word's start to the last one's end, on the media's frames. */
#include "tl-library-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tl-timecode.h"

/* @t on the frame grid of @source's media (the nearest frame's start);
 * as it is without a known rate. */
static gint64
snap_to_frame (TlSource *source, gint64 t)
{
  const TlMediaInfo *media = source->media;

  if (media == NULL || media->fps_num <= 0 || media->fps_den <= 0)
    return t;
  return tl_timecode_frames_to_usec (tl_timecode_usec_to_frames (t, media->fps_num, media->fps_den), media->fps_num,
                                     media->fps_den);
}

/**
 * tl_clip_spec_for_words:
 * @first: the line of the first word selected
 * @first_word: that word, from 0
 * @last: the line of the last word selected (@first or a later line)
 * @last_word: that word
 * @spec: (out caller-allocates): the clip, without topics
 *
 * A clip of selected words runs from the first word's start to the last
 * one's end, both snapped to the nearest frame of the media (a word of a
 * frame or less keeps one frame).
 *
 * Returns: whether the words have times to make a clip of; else @error
 */
gboolean
tl_clip_spec_for_words (TlSource *source, TlSegment *first, guint first_word, TlSegment *last, guint last_word,
                        TlClipSpec *spec, GError **error)
{
  const TlWord *words_first, *words_last;
  guint n_first, n_last;
  gint64 in, out, frame_out;

  g_return_val_if_fail (TL_IS_SOURCE (source), FALSE);
  g_return_val_if_fail (TL_IS_SEGMENT (first) && TL_IS_SEGMENT (last), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);
  words_first = tl_segment_get_words (first, &n_first);
  words_last = tl_segment_get_words (last, &n_last);
  if (first_word >= n_first || last_word >= n_last)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("“%s” has no such words"), source->title);
      return FALSE;
    }
  in = words_first[first_word].start;
  out = words_last[last_word].end;
  if (in < 0 || out <= in)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("These words have no times to make a clip of"));
      return FALSE;
    }
  memset (spec, 0, sizeof *spec);
  spec->source_id = source->id;
  spec->first_segment = spec->last_segment = -1;
  spec->in = snap_to_frame (source, in);
  frame_out = snap_to_frame (source, out);
  if (frame_out <= spec->in)
    frame_out = snap_to_frame (source, spec->in + (source->media && source->media->fps_num > 0
                                                     ? (gint64) source->media->fps_den * G_USEC_PER_SEC
                                                         / source->media->fps_num
                                                     : out - in));
  spec->out = MAX (frame_out, spec->in + 1);
  if (source->duration > 0)
    spec->out = MIN (spec->out, source->duration);
  return spec->out > spec->in;
}
