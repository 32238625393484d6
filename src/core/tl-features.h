/* tl-features.h: a sequence of audio feature frames (10 ms apart) as the
 * aligner compares them: unit-length MFCC vectors and the frames' energy. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Frames are 10 ms apart; frame k covers the 25 ms from k × 10 ms. */
#define TL_FEATURES_HOP_USEC G_GINT64_CONSTANT (10000)
#define TL_FEATURES_WINDOW_USEC G_GINT64_CONSTANT (25000)

typedef struct {
  guint n_frames;
  guint dim;        /* coefficients per frame */
  float *vectors;   /* n_frames × dim, each of unit length (cosine distance) */
  float *energy;    /* n_frames: frame energy in dB (full scale = 0 dB) */
} TlFeatures;

TlFeatures *tl_features_new (guint n_frames, guint dim);
void tl_features_free (TlFeatures *features);

static inline const float *
tl_features_frame (const TlFeatures *features, guint frame)
{
  return features->vectors + (gsize) frame * features->dim;
}

/* The time a frame stands for: the middle of its window. */
static inline gint64
tl_features_frame_time (guint frame)
{
  return frame * TL_FEATURES_HOP_USEC + TL_FEATURES_WINDOW_USEC / 2;
}

/* The frame whose window's middle is nearest @usec. */
guint tl_features_time_to_frame (gint64 usec);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlFeatures, tl_features_free)

G_END_DECLS
