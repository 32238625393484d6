/* tl-dtw.h: dynamic time warping of two sequences of unit vectors under
 * cosine distance: exact (small inputs), multi-resolution (time and memory
 * linear in length), and the best place of one sequence inside another. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  guint32 x; /* frame of the first sequence */
  guint32 y; /* frame of the second */
} TlDtwStep;

typedef struct {
  GArray *steps; /* TlDtwStep, from (0, 0) to (nx - 1, ny - 1), each a step of one */
  double cost;   /* the sum of the distances of its cells */
} TlDtwPath;

void tl_dtw_path_free (TlDtwPath *path);

static inline float
tl_dtw_distance (const float *a, const float *b, guint dim)
{
  float dot = 0;

  for (guint k = 0; k < dim; k++)
    dot += a[k] * b[k];
  return 1.0f - dot;
}

TlDtwPath *tl_dtw_full (const float *x, guint nx,
                        const float *y, guint ny,
                        guint dim,
                        GCancellable *cancellable,
                        GError **error);
TlDtwPath *tl_dtw_fast (const float *x, guint nx,
                        const float *y, guint ny,
                        guint dim,
                        guint radius,
                        GCancellable *cancellable,
                        GError **error);
gboolean tl_dtw_find (const float *x, guint nx,
                      const float *y, guint ny,
                      guint dim,
                      guint *x_start,
                      guint *x_end,
                      double *mean_cost);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlDtwPath, tl_dtw_path_free)

G_END_DECLS
