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
  PROP_WORD_TIMING,
  PROP_EDITED,
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
  g_free (self->original_text);
  g_clear_pointer (&self->words, g_array_unref);
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
    case PROP_WORD_TIMING: g_value_set_enum (value, self->word_timing); break;
    case PROP_EDITED: g_value_set_boolean (value, self->original_text != NULL); break;
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
  properties[PROP_WORD_TIMING] = g_param_spec_enum ("word-timing", NULL, NULL, TL_TYPE_WORD_TIMING,
                                                   TL_WORD_TIMING_NONE, flags);
  properties[PROP_EDITED] = g_param_spec_boolean ("edited", NULL, NULL, FALSE, flags);
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

/* Gives a line whose words the store did not keep (the transcript timed
 * none) its words, estimated from its times; and a line whose kept words
 * no longer match its text (libraries older than word times kept the
 * file's words as they were) words fitted to its text. */
void
tl_segment_fill_words (TlSegment *self)
{
  if (self->words == NULL)
    {
      self->words = tl_words_estimate (self->text ? self->text : "", self->start, self->end);
      self->word_timing = self->start == TL_TIME_NONE ? TL_WORD_TIMING_NONE : TL_WORD_TIMING_ESTIMATED;
      return;
    }
  if (self->words->len != tl_words_count_text (self->text ? self->text : ""))
    {
      GArray *fitted = tl_words_fit ((const TlWord *) self->words->data, self->words->len,
                                     self->text ? self->text : "", self->start, self->end, NULL);
      g_array_unref (self->words);
      self->words = fitted;
    }
}

/* What the store calls on each line it reads: kept words are fitted to the
 * text now; missing ones are only said to be estimated, and estimated when
 * first asked for (tl_segment_get_words()): a 100,000-line transcript read
 * for the window would otherwise make a million words nobody looks at. */
void
tl_segment_settle_words (TlSegment *self)
{
  if (self->words == NULL)
    self->word_timing = self->start == TL_TIME_NONE ? TL_WORD_TIMING_NONE : TL_WORD_TIMING_ESTIMATED;
  else
    tl_segment_fill_words (self);
}

/**
 * tl_segment_get_words:
 * @n_words: (out): how many
 *
 * Returns: (array length=n_words) (transfer none): the line's words in order
 */
const TlWord *
tl_segment_get_words (TlSegment *self, guint *n_words)
{
  g_return_val_if_fail (TL_IS_SEGMENT (self), NULL);
  g_return_val_if_fail (n_words != NULL, NULL);
  if (self->words == NULL)
    tl_segment_fill_words (self);
  *n_words = self->words->len;
  return (const TlWord *) self->words->data;
}

TlWordTiming
tl_segment_get_word_timing (TlSegment *self)
{
  g_return_val_if_fail (TL_IS_SEGMENT (self), TL_WORD_TIMING_NONE);
  /* words not asked for yet are estimated ones, made when asked for */
  if (self->words == NULL)
    return self->start == TL_TIME_NONE ? TL_WORD_TIMING_NONE : TL_WORD_TIMING_ESTIMATED;
  return self->word_timing;
}

/* The index of the word being said at @time (binary search), -1 if none. */
gint
tl_segment_find_word (TlSegment *self, gint64 time)
{
  const TlWord *words;
  guint n;

  g_return_val_if_fail (TL_IS_SEGMENT (self), -1);
  words = tl_segment_get_words (self, &n);
  return tl_words_find (words, n, time);
}

gboolean
tl_segment_get_edited (TlSegment *self)
{
  g_return_val_if_fail (TL_IS_SEGMENT (self), FALSE);
  return self->original_text != NULL;
}

/* The text the line was imported with, or NULL when it was never corrected. */
const char *
tl_segment_get_original_text (TlSegment *self)
{
  g_return_val_if_fail (TL_IS_SEGMENT (self), NULL);
  return self->original_text;
}
