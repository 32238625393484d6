/* tl-clip.c: a read-only snapshot of a clip row with its topic names. */
#include "tl-model-private.h"

#include "tl-types.h"

G_DEFINE_FINAL_TYPE (TlClip, tl_clip, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_IN,
  PROP_OUT,
  PROP_TITLE,
  PROP_NOTE,
  PROP_RATING,
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
  G_OBJECT_CLASS (tl_clip_parent_class)->finalize (object);
}

static void
tl_clip_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TlClip *self = TL_CLIP (object);

  switch (prop_id)
    {
    case PROP_IN: g_value_set_int64 (value, self->in); break;
    case PROP_OUT: g_value_set_int64 (value, self->out); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    case PROP_RATING: g_value_set_uint (value, self->rating); break;
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

  properties[PROP_IN] = g_param_spec_int64 ("in", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_OUT] = g_param_spec_int64 ("out", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_RATING] = g_param_spec_uint ("rating", NULL, NULL, 0, 5, 0, flags);
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
