/* tl-clip.h: a tagged range of a source: in/out (or paragraphs), topics, note, rating. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TL_TYPE_CLIP (tl_clip_get_type ())
G_DECLARE_FINAL_TYPE (TlClip, tl_clip, TL, CLIP, GObject)

gint64 tl_clip_get_id (TlClip *self);
gint64 tl_clip_get_source_id (TlClip *self);
gint64 tl_clip_get_in (TlClip *self);
gint64 tl_clip_get_out (TlClip *self);
gint tl_clip_get_first_segment (TlClip *self);
gint tl_clip_get_last_segment (TlClip *self);
const char *tl_clip_get_title (TlClip *self);
const char *tl_clip_get_note (TlClip *self);
guint tl_clip_get_rating (TlClip *self);
const char *const *tl_clip_get_topics (TlClip *self);
gint64 tl_clip_get_created (TlClip *self);
gint64 tl_clip_get_updated (TlClip *self);
const char *tl_clip_get_source_title (TlClip *self);
const char *tl_clip_get_text (TlClip *self);

G_END_DECLS
