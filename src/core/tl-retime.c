/* tl-retime.c: tapping in times. Lines the editor tapped (anchors) keep
 * their start; every other line is spread by its length between the taps
 * around it, from the start of the media before the first tap and up to
 * its end after the last. */
#include "tl-retime.h"

/* How long a line takes to say, in arbitrary units (as the importer's
 * estimate counts it): characters plus a short pause; a mark such as
 * [Music] the length of a short line. */
double
tl_retime_weight (const char *text, gboolean non_speech)
{
  if (non_speech)
    return 20.0;
  return (double) g_utf8_strlen (text ? text : "", -1) + 8.0;
}

/* Spreads lines @from..@to-1 over [@start, @end) by weight; @from's start
 * is @start (it may be an anchor). */
static void
spread (TlSegmentTiming *times, const double *weights, guint from, guint to, gint64 start, gint64 end)
{
  double total = 0, acc = 0;

  for (guint i = from; i < to; i++)
    total += weights[i];
  for (guint i = from; i < to; i++)
    {
      times[i].start = start + (gint64) ((end - start) * (acc / total));
      acc += weights[i];
      times[i].end = start + (gint64) ((end - start) * (acc / total));
    }
}

/**
 * tl_retime_from_anchors:
 * @times: (array length=n): the lines; those with @anchor set keep their
 *   start, the others are given times
 * @weights: (array length=n): each line's length (tl_retime_weight())
 * @duration: the media's length in µs
 *
 * A tap earlier than the one before it is moved just after it: the times
 * of a transcript go forwards.
 */
void
tl_retime_from_anchors (TlSegmentTiming *times, const double *weights, guint n, gint64 duration)
{
  guint from = 0;
  gint64 start = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!times[i].anchor)
        continue;
      times[i].start = CLAMP (times[i].start, start + (i > from ? (gint64) (i - from) : 0), MAX (duration - 1, 0));
      /* the lines before this tap share what lies between the taps */
      if (i > from)
        spread (times, weights, from, i, start, times[i].start);
      start = times[i].start;
      from = i;
    }
  if (from < n)
    {
      gboolean anchored = times[from].anchor;
      gint64 anchor_start = times[from].start;
      spread (times, weights, from, n, start, MAX (duration, start + 1));
      if (anchored)
        times[from].start = anchor_start;
    }
  for (guint i = 0; i < n; i++)
    {
      times[i].confidence = times[i].anchor ? 1.0 : -1;
      times[i].flag = NULL;
    }
}

/* Moving times with their lines: a time keeps its place relative to the
 * line (or the gap between lines) it falls in, so that a clip made on a
 * transcript's old times holds the same words on its new ones. */

struct _TlRetimeMap {
  GArray *from; /* gint64: line starts and ends on the old times, rising */
  GArray *to;   /* gint64: the same points on the new times */
};

static void
add_knot (TlRetimeMap *map, gint64 from, gint64 to)
{
  guint n = map->from->len;

  /* keep the knots rising on both sides: overlapping cues and lines that
   * swap order would make the mapping fold back. Two knots at one old
   * time are kept (one line ends where the next starts): a start there
   * goes with the next line, an end with the one before. */
  if (n > 0 && (from < g_array_index (map->from, gint64, n - 1) || to < g_array_index (map->to, gint64, n - 1)))
    return;
  g_array_append_val (map->from, from);
  g_array_append_val (map->to, to);
}

/**
 * tl_retime_map_new:
 * @old_times: (array length=n): the lines' times before
 * @new_times: (array length=n): the same lines' times after
 *
 * Lines without times on either side are left out of the mapping.
 */
TlRetimeMap *
tl_retime_map_new (const TlSegmentTiming *old_times, const TlSegmentTiming *new_times, guint n)
{
  TlRetimeMap *map = g_new0 (TlRetimeMap, 1);

  map->from = g_array_new (FALSE, FALSE, sizeof (gint64));
  map->to = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < n; i++)
    {
      const TlSegmentTiming *a = &old_times[i], *b = &new_times[i];

      if (a->start < 0 || b->start < 0)
        continue;
      add_knot (map, a->start, b->start);
      if (a->end > a->start && b->end > b->start)
        add_knot (map, a->end, b->end);
    }
  return map;
}

void
tl_retime_map_free (TlRetimeMap *map)
{
  if (map == NULL)
    return;
  g_array_unref (map->from);
  g_array_unref (map->to);
  g_free (map);
}

/**
 * tl_retime_map_apply:
 * @time: a time on the old times (µs)
 * @is_end: whether @time ends a range (a clip's out): where one line ends
 *   and the next starts, an end stays with the line before, a start goes
 *   with the line after
 *
 * Returns: where @time falls on the new times: a line's start or end goes
 *   to that line's new start or end, a time inside a line (or a gap) to
 *   the same fraction of it; before the first line and after the last,
 *   the nearest line's shift. Never negative.
 */
gint64
tl_retime_map_apply (const TlRetimeMap *map, gint64 time, gboolean is_end)
{
  const gint64 *from = (const gint64 *) map->from->data;
  const gint64 *to = (const gint64 *) map->to->data;
  guint n = map->from->len, lo, hi;

  if (n == 0)
    return time;
  if (time < from[0] || (time == from[0] && is_end))
    return MAX (0, time + (to[0] - from[0]));
  if (time > from[n - 1] || (time == from[n - 1] && !is_end))
    return MAX (0, time + (to[n - 1] - from[n - 1]));
  /* lo: the first knot at or after @time */
  lo = 0, hi = n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (from[mid] < time)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (from[lo] == time)
    {
      /* on a knot: an end takes the first of the knots there, a start the last */
      if (!is_end)
        while (lo + 1 < n && from[lo + 1] == time)
          lo++;
      return to[lo];
    }
  /* between knots lo - 1 and lo */
  return to[lo - 1] + (gint64) ((double) (time - from[lo - 1]) * (double) (to[lo] - to[lo - 1])
                                / (double) (from[lo] - from[lo - 1]));
}
