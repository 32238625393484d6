/* tl-dtw.c: DTW. The multi-resolution search halves both sequences until
 * they are small, aligns them exactly, and refines the path level by level
 * within a band of a fixed radius around it: a 30-minute recording against
 * its reference costs some tens of millions of cells, where the full
 * matrix would hold tens of billions. */
#include "tl-dtw.h"

#include <math.h>
#include <string.h>

/* Below this many frames a level is aligned exactly. */
#define MIN_FRAMES 128

enum { FROM_START, FROM_DIAGONAL, FROM_X, FROM_Y };

typedef struct {
  guint lo, hi; /* inclusive range of y for one x */
} Span;

void
tl_dtw_path_free (TlDtwPath *path)
{
  if (path == NULL)
    return;
  g_array_unref (path->steps);
  g_free (path);
}

static gboolean
check_cancelled (GCancellable *cancellable, GError **error)
{
  return g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* DTW restricted to @window (per x, a range of y that grows with x and
 * joins the previous one): only the cells inside are stored, one byte each
 * for the way back; the costs need two rows. */
static TlDtwPath *
dtw_window (const float *x, guint nx, const float *y, guint ny, guint dim,
            const Span *window, GCancellable *cancellable, GError **error)
{
  g_autofree gsize *offset = g_new (gsize, nx + 1);
  g_autofree guint8 *from = NULL;
  g_autofree double *prev = g_new (double, ny);
  g_autofree double *cur = g_new (double, ny);
  TlDtwPath *path;
  guint i, j;

  offset[0] = 0;
  for (i = 0; i < nx; i++)
    {
      g_assert (window[i].lo <= window[i].hi && window[i].hi < ny);
      offset[i + 1] = offset[i] + window[i].hi - window[i].lo + 1;
    }
  g_assert (window[0].lo == 0 && window[nx - 1].hi == ny - 1);
  from = g_malloc (offset[nx]);

  for (i = 0; i < nx; i++)
    {
      const Span w = window[i];
      const Span pw = i > 0 ? window[i - 1] : (Span) { 1, 0 };
      const float *xi = x + (gsize) i * dim;
      guint8 *row_from = from + offset[i] - w.lo;

      if ((i & 4095) == 4095 && check_cancelled (cancellable, error))
        return NULL;
      for (j = w.lo; j <= w.hi; j++)
        {
          double best = INFINITY;
          guint8 way = FROM_START;

          if (i == 0 && j == 0)
            best = 0;
          else
            {
              if (i > 0 && j > 0 && j - 1 >= pw.lo && j - 1 <= pw.hi)
                best = prev[j - 1], way = FROM_DIAGONAL;
              if (i > 0 && j >= pw.lo && j <= pw.hi && prev[j] < best)
                best = prev[j], way = FROM_X;
              if (j > w.lo && cur[j - 1] < best)
                best = cur[j - 1], way = FROM_Y;
            }
          cur[j] = best + tl_dtw_distance (xi, y + (gsize) j * dim, dim);
          row_from[j] = way;
        }
      { double *swap = prev; prev = cur; cur = swap; }
    }

  path = g_new0 (TlDtwPath, 1);
  path->cost = prev[ny - 1];
  path->steps = g_array_sized_new (FALSE, FALSE, sizeof (TlDtwStep), nx + ny);
  i = nx - 1;
  j = ny - 1;
  for (;;)
    {
      TlDtwStep step = { i, j };
      guint8 way = from[offset[i] + j - window[i].lo];

      g_array_append_val (path->steps, step);
      if (way == FROM_START)
        break;
      if (way == FROM_DIAGONAL)
        i--, j--;
      else if (way == FROM_X)
        i--;
      else
        j--;
    }
  g_assert (i == 0 && j == 0);
  /* reverse: the way back was collected from the end */
  for (guint a = 0, b = path->steps->len - 1; a < b; a++, b--)
    {
      TlDtwStep t = g_array_index (path->steps, TlDtwStep, a);
      g_array_index (path->steps, TlDtwStep, a) = g_array_index (path->steps, TlDtwStep, b);
      g_array_index (path->steps, TlDtwStep, b) = t;
    }
  return path;
}

/**
 * tl_dtw_full:
 * @x: @nx vectors of @dim floats, each of unit length
 * @y: @ny vectors likewise
 *
 * The exact alignment over the whole nx × ny matrix: for short inputs.
 *
 * Returns: (transfer full): the path, or %NULL if cancelled
 */
TlDtwPath *
tl_dtw_full (const float *x, guint nx, const float *y, guint ny, guint dim,
             GCancellable *cancellable, GError **error)
{
  g_autofree Span *window = NULL;

  g_return_val_if_fail (nx > 0 && ny > 0, NULL);
  window = g_new (Span, nx);
  for (guint i = 0; i < nx; i++)
    window[i] = (Span) { 0, ny - 1 };
  return dtw_window (x, nx, y, ny, dim, window, cancellable, error);
}

/* Averages pairs of frames (and scales them back to unit length). */
static float *
coarsen (const float *x, guint n, guint dim, guint *n_out)
{
  guint m = (n + 1) / 2;
  float *out = g_new (float, (gsize) m * dim);

  for (guint k = 0; k < m; k++)
    {
      const float *a = x + (gsize) 2 * k * dim;
      const float *b = 2 * k + 1 < n ? a + dim : a;
      float *o = out + (gsize) k * dim;
      double norm = 0;

      for (guint c = 0; c < dim; c++)
        {
          o[c] = a[c] + b[c];
          norm += (double) o[c] * o[c];
        }
      norm = sqrt (norm);
      for (guint c = 0; c < dim; c++)
        o[c] = norm > 1e-9 ? (float) (o[c] / norm) : 0.0f;
    }
  *n_out = m;
  return out;
}

/* The band at full resolution: the cells under the coarse path, widened
 * by @radius cells in both directions. */
static Span *
project (const TlDtwPath *coarse, guint nx, guint ny, guint radius)
{
  g_autofree Span *under = g_new (Span, nx);
  Span *window = g_new (Span, nx);

  for (guint i = 0; i < nx; i++)
    under[i] = (Span) { G_MAXUINT, 0 };
  for (guint s = 0; s < coarse->steps->len; s++)
    {
      const TlDtwStep *step = &g_array_index (coarse->steps, TlDtwStep, s);
      for (guint i = 2 * step->x; i <= 2 * step->x + 1 && i < nx; i++)
        {
          under[i].lo = MIN (under[i].lo, 2 * step->y);
          under[i].hi = MAX (under[i].hi, MIN (2 * step->y + 1, ny - 1));
        }
    }
  /* the path only moves forward, so both ends of the rows' ranges grow
   * with x and the widest neighbours are the outermost rows */
  for (guint i = 0; i < nx; i++)
    {
      const Span *first = &under[i >= radius ? i - radius : 0];
      const Span *last = &under[MIN (i + radius, nx - 1)];
      window[i].lo = first->lo > radius ? first->lo - radius : 0;
      window[i].hi = MIN (last->hi + radius, ny - 1);
    }
  window[0].lo = 0;
  window[nx - 1].hi = ny - 1;
  return window;
}

/**
 * tl_dtw_fast:
 * @radius: how far (in frames of each level) the refined path may leave
 *   the coarser one; 30 is plenty for speech
 *
 * Multi-resolution DTW: close to the exact path, in time and memory
 * proportional to (nx + ny) × @radius.
 *
 * Returns: (transfer full): the path, or %NULL if cancelled
 */
TlDtwPath *
tl_dtw_fast (const float *x, guint nx, const float *y, guint ny, guint dim, guint radius,
             GCancellable *cancellable, GError **error)
{
  g_autofree float *cx = NULL, *cy = NULL;
  g_autoptr(TlDtwPath) coarse = NULL;
  g_autofree Span *window = NULL;
  guint cnx, cny;

  g_return_val_if_fail (nx > 0 && ny > 0, NULL);
  if (nx <= MAX (MIN_FRAMES, radius + 2) || ny <= MAX (MIN_FRAMES, radius + 2))
    return tl_dtw_full (x, nx, y, ny, dim, cancellable, error);
  if (check_cancelled (cancellable, error))
    return NULL;

  cx = coarsen (x, nx, dim, &cnx);
  cy = coarsen (y, ny, dim, &cny);
  coarse = tl_dtw_fast (cx, cnx, cy, cny, dim, radius, cancellable, error);
  if (coarse == NULL)
    return NULL;
  g_clear_pointer (&cx, g_free);
  g_clear_pointer (&cy, g_free);
  window = project (coarse, nx, ny, radius);
  return dtw_window (x, nx, y, ny, dim, window, cancellable, error);
}

/**
 * tl_dtw_find:
 * @x_start: (out): the frame of @x where @y's first frame fits best
 * @x_end: (out): the frame of @x where its last frame fits
 * @mean_cost: (out) (optional): the mean distance along the match
 *
 * Subsequence DTW: all of @y against any stretch of @x (free start and
 * end). Every step takes one frame of @y and zero, one or two of @x (never
 * zero twice running), so that matches of any length compare by the same
 * number of cells, and @y may be said at half to twice its pace.
 *
 * Returns: %FALSE when @x is too short to hold @y at all
 */
gboolean
tl_dtw_find (const float *x, guint nx, const float *y, guint ny, guint dim,
             guint *x_start, guint *x_end, double *mean_cost)
{
  /* leaving the tempo costs a little, so that a natural pace wins when
   * the match is otherwise as good */
  const double penalty = 0.05;
  /* two states per frame of x: reached by moving along x, or by staying
   * on it; staying twice in a row is not allowed, so @y can be squeezed to
   * half its length at most and cannot shrink onto one frame */
  g_autofree double *prev_move = g_new (double, nx), *prev_stay = g_new (double, nx);
  g_autofree double *cur_move = g_new (double, nx), *cur_stay = g_new (double, nx);
  g_autofree guint *prev_move_start = g_new (guint, nx), *prev_stay_start = g_new (guint, nx);
  g_autofree guint *cur_move_start = g_new (guint, nx), *cur_stay_start = g_new (guint, nx);
  double best = INFINITY;
  guint best_i = 0;

  g_return_val_if_fail (x_start != NULL && x_end != NULL, FALSE);
  if (nx == 0 || ny == 0 || ny > 2 * (gsize) nx)
    return FALSE;

  for (guint i = 0; i < nx; i++)
    {
      prev_move[i] = tl_dtw_distance (x + (gsize) i * dim, y, dim);
      prev_stay[i] = INFINITY;
      prev_move_start[i] = prev_stay_start[i] = i;
    }
  for (guint j = 1; j < ny; j++)
    {
      const float *yj = y + (gsize) j * dim;
      for (guint i = 0; i < nx; i++)
        {
          double d = tl_dtw_distance (x + (gsize) i * dim, yj, dim);
          double c = INFINITY;
          guint s = i;

          /* one frame of x along, from either state */
          if (i >= 1)
            {
              if (prev_move[i - 1] < c)
                c = prev_move[i - 1], s = prev_move_start[i - 1];
              if (prev_stay[i - 1] < c)
                c = prev_stay[i - 1], s = prev_stay_start[i - 1];
            }
          /* two frames along: @y said slower */
          if (i >= 2)
            {
              if (prev_move[i - 2] + penalty < c)
                c = prev_move[i - 2] + penalty, s = prev_move_start[i - 2];
              if (prev_stay[i - 2] + penalty < c)
                c = prev_stay[i - 2] + penalty, s = prev_stay_start[i - 2];
            }
          cur_move[i] = c + d;
          cur_move_start[i] = s;
          /* staying on this frame of x: @y said faster */
          cur_stay[i] = prev_move[i] + penalty + d;
          cur_stay_start[i] = prev_move_start[i];
        }
      { double *t = prev_move; prev_move = cur_move; cur_move = t; }
      { double *t = prev_stay; prev_stay = cur_stay; cur_stay = t; }
      { guint *t = prev_move_start; prev_move_start = cur_move_start; cur_move_start = t; }
      { guint *t = prev_stay_start; prev_stay_start = cur_stay_start; cur_stay_start = t; }
    }
  for (guint i = 0; i < nx; i++)
    {
      if (prev_move[i] < best)
        best = prev_move[i], best_i = i, *x_start = prev_move_start[i];
      if (prev_stay[i] < best)
        best = prev_stay[i], best_i = i, *x_start = prev_stay_start[i];
    }
  *x_end = best_i;
  if (mean_cost)
    *mean_cost = best / ny;
  return TRUE;
}
