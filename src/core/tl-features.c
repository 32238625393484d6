/* tl-features.c: feature frame sequences. */
#include "tl-features.h"

TlFeatures *
tl_features_new (guint n_frames, guint dim)
{
  TlFeatures *features = g_new0 (TlFeatures, 1);

  features->n_frames = n_frames;
  features->dim = dim;
  features->vectors = g_new0 (float, (gsize) MAX (n_frames, 1) * dim);
  features->energy = g_new0 (float, MAX (n_frames, 1));
  return features;
}

void
tl_features_free (TlFeatures *features)
{
  if (features == NULL)
    return;
  g_free (features->vectors);
  g_free (features->energy);
  g_free (features);
}

guint
tl_features_time_to_frame (gint64 usec)
{
  gint64 frame = (usec - TL_FEATURES_WINDOW_USEC / 2 + TL_FEATURES_HOP_USEC / 2) / TL_FEATURES_HOP_USEC;

  return frame < 0 ? 0 : (guint) frame;
}
