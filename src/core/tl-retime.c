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
