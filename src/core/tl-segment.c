/* tl-segment.c: a read-only snapshot of a segment row. */
#include "tl-model-private.h"

G_DEFINE_FINAL_TYPE (TlSegment, tl_segment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INDEX,
  PROP_START,
  PROP_END,
  PROP_SPEAKER,
  PROP_TEXT,
  PROP_NON_SPEECH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tl_segment_finalize (GObject *object)
{
  TlSegment *self = TL_SEGMENT (object);

  g_free (self->speaker);
  g_free (self->text);
  g_free (self->flag);
  G_OBJECT_CLASS (tl_segment_parent_class)->finalize (object);
}

static void
tl_segment_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TlSegment *self = TL_SEGMENT (object);

  switch (prop_id)
    {
    case PROP_INDEX: g_value_set_uint (value, self->index); break;
    case PROP_START: g_value_set_int64 (value, self->start); break;
    case PROP_END: g_value_set_int64 (value, self->end); break;
    case PROP_SPEAKER: g_value_set_string (value, self->speaker); break;
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_NON_SPEECH: g_value_set_boolean (value, self->non_speech); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_segment_class_init (TlSegmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = tl_segment_finalize;
  object_class->get_property = tl_segment_get_property;

  properties[PROP_INDEX] = g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_START] = g_param_spec_int64 ("start", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_END] = g_param_spec_int64 ("end", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_SPEAKER] = g_param_spec_string ("speaker", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_NON_SPEECH] = g_param_spec_boolean ("non-speech", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tl_segment_init (TlSegment *self)
{
  self->start = self->end = TL_TIME_NONE;
  self->confidence = -1;
}

gint64 tl_segment_get_id (TlSegment *self) { g_return_val_if_fail (TL_IS_SEGMENT (self), 0); return self->id; }
guint tl_segment_get_index (TlSegment *self) { g_return_val_if_fail (TL_IS_SEGMENT (self), 0); return self->index; }
gint64 tl_segment_get_start (TlSegment *self) { g_return_val_if_fail (TL_IS_SEGMENT (self), TL_TIME_NONE); return self->start; }
gint64 tl_segment_get_end (TlSegment *self) { g_return_val_if_fail (TL_IS_SEGMENT (self), TL_TIME_NONE); return self->end; }
const char *tl_segment_get_speaker (TlSegment *self) { g_return_val_if_fail (TL_IS_SEGMENT (self), NULL); return self->speaker; }
const char *tl_segment_get_text (TlSegment *self) { g_return_val_if_fail (TL_IS_SEGMENT (self), NULL); return self->text; }
gboolean tl_segment_get_non_speech (TlSegment *self) { g_return_val_if_fail (TL_IS_SEGMENT (self), FALSE); return self->non_speech; }
double tl_segment_get_confidence (TlSegment *self) { g_return_val_if_fail (TL_IS_SEGMENT (self), -1); return self->confidence; }
const char *tl_segment_get_flag (TlSegment *self) { g_return_val_if_fail (TL_IS_SEGMENT (self), NULL); return self->flag; }
gboolean tl_segment_get_anchor (TlSegment *self) { g_return_val_if_fail (TL_IS_SEGMENT (self), FALSE); return self->anchor; }
