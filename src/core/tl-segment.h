/* tl-segment.h: one line of a transcript (or one paragraph of an article). */
#pragma once

#include <glib-object.h>

#include "tl-types.h"
#include "tl-word.h"

G_BEGIN_DECLS

#define TL_TYPE_SEGMENT (tl_segment_get_type ())
G_DECLARE_FINAL_TYPE (TlSegment, tl_segment, TL, SEGMENT, GObject)

gint64 tl_segment_get_id (TlSegment *self);
guint tl_segment_get_index (TlSegment *self);
gint64 tl_segment_get_start (TlSegment *self);
gint64 tl_segment_get_end (TlSegment *self);
const char *tl_segment_get_speaker (TlSegment *self);
const char *tl_segment_get_text (TlSegment *self);
gboolean tl_segment_get_non_speech (TlSegment *self);
double tl_segment_get_confidence (TlSegment *self);
const char *tl_segment_get_flag (TlSegment *self);
gboolean tl_segment_get_anchor (TlSegment *self);

/* Words: every line has them, its text split at white space; timed as
 * tl_segment_get_word_timing() says (estimated from the line's times when
 * the transcript gave none). */
const TlWord *tl_segment_get_words (TlSegment *self, guint *n_words);
TlWordTiming tl_segment_get_word_timing (TlSegment *self);
gint tl_segment_find_word (TlSegment *self, gint64 time);

/* Corrections: a line the editor corrected (its text, or split or merged
 * it) keeps the text it was imported with. */
gboolean tl_segment_get_edited (TlSegment *self);
const char *tl_segment_get_original_text (TlSegment *self);

G_END_DECLS
