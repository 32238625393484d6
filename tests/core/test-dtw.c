/* test-dtw.c: DTW on small sequences whose best path is known, the
 * multi-resolution search against the exact one, and the free-ended
 * search for a piece inside a longer sequence. */
#include <math.h>
#include <string.h>

#include "tl-dtw.h"

#define DIM 4

/* Unit vectors along the axes: distance 0 to themselves, 1 to the others. */
static const float A[DIM] = { 1, 0, 0, 0 };
static const float B[DIM] = { 0, 1, 0, 0 };
static const float C[DIM] = { 0, 0, 1, 0 };
static const float D[DIM] = { 0, 0, 0, 1 };

static float *
sequence (const float *const *frames, guint n)
{
  float *out = g_new (float, n * DIM);

  for (guint i = 0; i < n; i++)
    memcpy (out + i * DIM, frames[i], sizeof (float) * DIM);
  return out;
}

static void
assert_path (const TlDtwPath *path, const guint (*expected)[2], guint n)
{
  g_assert_cmpuint (path->steps->len, ==, n);
  for (guint s = 0; s < n; s++)
    {
      const TlDtwStep *step = &g_array_index (path->steps, TlDtwStep, s);
      g_assert_cmpuint (step->x, ==, expected[s][0]);
      g_assert_cmpuint (step->y, ==, expected[s][1]);
    }
}

static void
test_known_path (void)
{
  /* x holds A twice where y holds B twice: the path waits on each */
  g_autofree float *x = sequence ((const float *[]) { A, A, B, C }, 4);
  g_autofree float *y = sequence ((const float *[]) { A, B, B, C }, 4);
  static const guint expected[][2] = { { 0, 0 }, { 1, 0 }, { 2, 1 }, { 2, 2 }, { 3, 3 } };
  g_autoptr(TlDtwPath) path = tl_dtw_full (x, 4, y, 4, DIM, NULL, NULL);

  g_assert_nonnull (path);
  assert_path (path, expected, G_N_ELEMENTS (expected));
  g_assert_cmpfloat_with_epsilon (path->cost, 0.0, 1e-6);
}

static void
test_known_cost (void)
{
  /* one frame cannot be matched: it costs exactly its distance, once */
  g_autofree float *x = sequence ((const float *[]) { A, B, D }, 3);
  g_autofree float *y = sequence ((const float *[]) { A, C, D }, 3);
  static const guint expected[][2] = { { 0, 0 }, { 1, 1 }, { 2, 2 } };
  g_autoptr(TlDtwPath) path = tl_dtw_full (x, 3, y, 3, DIM, NULL, NULL);

  assert_path (path, expected, G_N_ELEMENTS (expected));
  g_assert_cmpfloat_with_epsilon (path->cost, 1.0, 1e-6);
}

static void
test_unequal_lengths (void)
{
  /* a one-frame sequence pairs with every frame of the other */
  g_autofree float *x = sequence ((const float *[]) { A, A, A, A, A }, 5);
  g_autofree float *y = sequence ((const float *[]) { A }, 1);
  g_autoptr(TlDtwPath) path = tl_dtw_full (x, 5, y, 1, DIM, NULL, NULL);

  g_assert_cmpuint (path->steps->len, ==, 5);
  for (guint s = 0; s < 5; s++)
    g_assert_cmpuint (g_array_index (path->steps, TlDtwStep, s).y, ==, 0);
}

/* A smooth random walk on the unit sphere in 13 dimensions: frames near
 * each other are alike, frames far apart are not, as in speech. */
static float *
random_walk (guint n, guint dim, guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  float *out = g_new (float, n * dim);
  g_autofree float *v = g_new0 (float, dim);

  for (guint i = 0; i < n; i++)
    {
      double norm = 0;
      for (guint k = 0; k < dim; k++)
        {
          v[k] = 0.8f * v[k] + (float) g_rand_double_range (rand, -1, 1);
          norm += v[k] * v[k];
        }
      for (guint k = 0; k < dim; k++)
        out[i * dim + k] = (float) (v[k] / sqrt (norm));
    }
  return out;
}

/* @x stretched in time by @factor, with each frame taken from the nearest. */
static float *
stretch (const float *x, guint n, guint dim, double factor, guint *n_out)
{
  guint m = (guint) (n * factor);
  float *out = g_new (float, m * dim);

  for (guint j = 0; j < m; j++)
    memcpy (out + j * dim, x + MIN ((guint) (j / factor), n - 1) * dim, sizeof (float) * dim);
  *n_out = m;
  return out;
}

static void
test_fast_finds_stretch (void)
{
  const guint dim = 13, n = 3000;
  g_autofree float *x = random_walk (n, dim, 7);
  guint m;
  g_autofree float *y = stretch (x, n, dim, 1.5, &m);
  g_autoptr(TlDtwPath) path = tl_dtw_fast (x, n, y, m, dim, 30, NULL, NULL);

  g_assert_nonnull (path);
  g_assert_cmpfloat (path->cost, <, 1e-3);
  /* every frame of y pairs with the frame of x it was copied from */
  for (guint s = 0; s < path->steps->len; s++)
    {
      const TlDtwStep *step = &g_array_index (path->steps, TlDtwStep, s);
      g_assert_cmpint (ABS ((int) step->x - (int) (step->y / 1.5)), <=, 1);
    }
}

static void
test_fast_matches_full (void)
{
  const guint dim = 13;
  g_autofree float *x = random_walk (700, dim, 3);
  g_autofree float *noisy = random_walk (700, dim, 4);
  guint m;
  g_autofree float *y = NULL;
  g_autoptr(TlDtwPath) full = NULL;
  g_autoptr(TlDtwPath) fast = NULL;

  /* y: x slowed down by a fifth, with a different walk mixed in */
  y = stretch (x, 700, dim, 1.2, &m);
  for (guint j = 0; j < m; j++)
    {
      double norm = 0;
      for (guint k = 0; k < dim; k++)
        {
          y[j * dim + k] += 0.5f * noisy[(j % 700) * dim + k];
          norm += y[j * dim + k] * y[j * dim + k];
        }
      for (guint k = 0; k < dim; k++)
        y[j * dim + k] /= sqrt (norm);
    }
  full = tl_dtw_full (x, 700, y, m, dim, NULL, NULL);
  fast = tl_dtw_fast (x, 700, y, m, dim, 30, NULL, NULL);
  g_assert_cmpfloat (fast->cost, >=, full->cost - 1e-3);
  g_assert_cmpfloat (fast->cost, <=, full->cost * 1.01);
}

static void
test_find (void)
{
  const guint dim = 13;
  g_autofree float *x = random_walk (600, dim, 5);
  guint start, end;
  double cost;

  /* frames 250–349 of x, looked for in all of it */
  g_assert_true (tl_dtw_find (x, 600, x + 250 * dim, 100, dim, &start, &end, &cost));
  g_assert_cmpuint (start, ==, 250);
  g_assert_cmpuint (end, ==, 349);
  g_assert_cmpfloat (cost, <, 1e-4);
  /* a piece longer than twice the sequence cannot fit */
  g_assert_false (tl_dtw_find (x, 40, x, 100, dim, &start, &end, &cost));
}

static void
test_cancelled (void)
{
  const guint dim = 13;
  g_autofree float *x = random_walk (2000, dim, 1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_null (tl_dtw_fast (x, 2000, x, 2000, dim, 30, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/dtw/known-path", test_known_path);
  g_test_add_func ("/core/dtw/known-cost", test_known_cost);
  g_test_add_func ("/core/dtw/unequal-lengths", test_unequal_lengths);
  g_test_add_func ("/core/dtw/fast-finds-stretch", test_fast_finds_stretch);
  g_test_add_func ("/core/dtw/fast-matches-full", test_fast_matches_full);
  g_test_add_func ("/core/dtw/find", test_find);
  g_test_add_func ("/core/dtw/cancelled", test_cancelled);
  return g_test_run ();
}
