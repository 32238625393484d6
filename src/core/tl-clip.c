/* tl-clip.c: a clip row with its topic names. A clip a list model holds
 * (TlClipList) is updated in place when the clip changes, notifying each
 * property that changed; elsewhere it is a snapshot. */
#include "tl-model-private.h"

#include "tl-types.h"

G_DEFINE_FINAL_TYPE (TlClip, tl_clip, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SOURCE_ID,
  PROP_IN,
  PROP_OUT,
  PROP_FIRST_SEGMENT,
  PROP_LAST_SEGMENT,
  PROP_TITLE,
  PROP_NOTE,
  PROP_RATING,
  PROP_TOPICS,
  PROP_SOURCE_TITLE,
  PROP_UPDATED,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tl_clip_finalize (GObject *object)
{
  TlClip *self = TL_CLIP (object);

  g_free (self->title);
  g_free (self->note);
  g_strfreev (self->topics);
  g_free (self->source_title);
  g_free (self->text);
  G_OBJECT_CLASS (tl_clip_parent_class)->finalize (object);
}

static void
tl_clip_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TlClip *self = TL_CLIP (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_SOURCE_ID: g_value_set_int64 (value, self->source_id); break;
    case PROP_IN: g_value_set_int64 (value, self->in); break;
    case PROP_OUT: g_value_set_int64 (value, self->out); break;
    case PROP_FIRST_SEGMENT: g_value_set_int (value, self->first_segment); break;
    case PROP_LAST_SEGMENT: g_value_set_int (value, self->last_segment); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    case PROP_RATING: g_value_set_uint (value, self->rating); break;
    case PROP_TOPICS: g_value_set_boxed (value, self->topics); break;
    case PROP_SOURCE_TITLE: g_value_set_string (value, self->source_title); break;
    case PROP_UPDATED: g_value_set_int64 (value, self->updated); break;
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_clip_class_init (TlClipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = tl_clip_finalize;
  object_class->get_property = tl_clip_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SOURCE_ID] = g_param_spec_int64 ("source-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_IN] = g_param_spec_int64 ("in", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_OUT] = g_param_spec_int64 ("out", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_FIRST_SEGMENT] = g_param_spec_int ("first-segment", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_LAST_SEGMENT] = g_param_spec_int ("last-segment", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_RATING] = g_param_spec_uint ("rating", NULL, NULL, 0, 5, 0, flags);
  properties[PROP_TOPICS] = g_param_spec_boxed ("topics", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_SOURCE_TITLE] = g_param_spec_string ("source-title", NULL, NULL, NULL, flags);
  properties[PROP_UPDATED] = g_param_spec_int64 ("updated", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  /**
   * TlClip:text:
   *
   * The words said in the clip, once a #TlClipList has read them (in
   * batches, for the clips asked for); %NULL until then.
   */
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tl_clip_init (TlClip *self)
{
  self->in = self->out = TL_TIME_NONE;
  self->first_segment = self->last_segment = -1;
}

gint64 tl_clip_get_id (TlClip *self) { g_return_val_if_fail (TL_IS_CLIP (self), 0); return self->id; }
gint64 tl_clip_get_source_id (TlClip *self) { g_return_val_if_fail (TL_IS_CLIP (self), 0); return self->source_id; }
gint64 tl_clip_get_in (TlClip *self) { g_return_val_if_fail (TL_IS_CLIP (self), TL_TIME_NONE); return self->in; }
gint64 tl_clip_get_out (TlClip *self) { g_return_val_if_fail (TL_IS_CLIP (self), TL_TIME_NONE); return self->out; }
gint tl_clip_get_first_segment (TlClip *self) { g_return_val_if_fail (TL_IS_CLIP (self), -1); return self->first_segment; }
gint tl_clip_get_last_segment (TlClip *self) { g_return_val_if_fail (TL_IS_CLIP (self), -1); return self->last_segment; }
const char *tl_clip_get_title (TlClip *self) { g_return_val_if_fail (TL_IS_CLIP (self), NULL); return self->title; }
const char *tl_clip_get_note (TlClip *self) { g_return_val_if_fail (TL_IS_CLIP (self), NULL); return self->note; }
guint tl_clip_get_rating (TlClip *self) { g_return_val_if_fail (TL_IS_CLIP (self), 0); return self->rating; }
const char *const *tl_clip_get_topics (TlClip *self) { g_return_val_if_fail (TL_IS_CLIP (self), NULL); return (const char *const *) self->topics; }
gint64 tl_clip_get_created (TlClip *self) { g_return_val_if_fail (TL_IS_CLIP (self), 0); return self->created; }
gint64 tl_clip_get_updated (TlClip *self) { g_return_val_if_fail (TL_IS_CLIP (self), 0); return self->updated; }
const char *tl_clip_get_source_title (TlClip *self) { g_return_val_if_fail (TL_IS_CLIP (self), NULL); return self->source_title; }
const char *tl_clip_get_text (TlClip *self) { g_return_val_if_fail (TL_IS_CLIP (self), NULL); return self->text; }

static gboolean
strv_equal (char **a, char **b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || !*a) && (b == NULL || !*b);
  return g_strv_equal ((const char *const *) a, (const char *const *) b);
}

#define UPDATE_NUMBER(field, prop) \
  if (self->field != from->field) \
    { \
      self->field = from->field; \
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); \
    }
#define UPDATE_STRING(field, prop) \
  if (g_strcmp0 (self->field, from->field) != 0) \
    { \
      g_free (self->field); \
      self->field = g_strdup (from->field); \
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); \
    }

/* Takes what @from (the same clip, read again) says, notifying each
 * property that changed. Returns whether its range did: its words are
 * then no longer known (TlClip:text is %NULL). */
gboolean
tl_clip_update (TlClip *self, TlClip *from)
{
  gboolean moved;

  g_return_val_if_fail (TL_IS_CLIP (self) && TL_IS_CLIP (from) && self->id == from->id, FALSE);
  moved = self->in != from->in || self->out != from->out || self->first_segment != from->first_segment
          || self->last_segment != from->last_segment || self->source_id != from->source_id;
  g_object_freeze_notify (G_OBJECT (self));
  UPDATE_NUMBER (source_id, PROP_SOURCE_ID);
  UPDATE_NUMBER (in, PROP_IN);
  UPDATE_NUMBER (out, PROP_OUT);
  UPDATE_NUMBER (first_segment, PROP_FIRST_SEGMENT);
  UPDATE_NUMBER (last_segment, PROP_LAST_SEGMENT);
  UPDATE_STRING (title, PROP_TITLE);
  UPDATE_STRING (note, PROP_NOTE);
  UPDATE_NUMBER (rating, PROP_RATING);
  if (!strv_equal (self->topics, from->topics))
    {
      g_strfreev (self->topics);
      self->topics = g_strdupv (from->topics);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPICS]);
    }
  UPDATE_STRING (source_title, PROP_SOURCE_TITLE);
  UPDATE_NUMBER (updated, PROP_UPDATED);
  self->created = from->created;
  if (moved)
    tl_clip_set_text (self, NULL);
  g_object_thaw_notify (G_OBJECT (self));
  return moved;
}

/* The words said in the clip (NULL: not known), notified when they change. */
void
tl_clip_set_text (TlClip *self, const char *text)
{
  g_return_if_fail (TL_IS_CLIP (self));
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}
