/* tl-timecode.c: SMPTE timecode. Frames are counted from the real rate
 * (30000/1001, not 29.97); drop-frame numbering at 29.97 and 59.94. */
#include "tl-timecode.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The nearest frame to @usec: in/out points snap to the frame grid the same
 * way everywhere. */
gint64
tl_timecode_usec_to_frames (gint64 usec, int fps_num, int fps_den)
{
  g_return_val_if_fail (fps_num > 0 && fps_den > 0, 0);
  /* usec * num may overflow past ~29 hours at 60000/1001 in 64 bits: use double for the product */
  if (usec < G_GINT64_CONSTANT (3600000000) * 24)
    return (usec * fps_num + (gint64) fps_den * 500000) / ((gint64) fps_den * 1000000);
  return (gint64) ((double) usec * fps_num / ((double) fps_den * 1e6) + 0.5);
}

gint64
tl_timecode_frames_to_usec (gint64 frames, int fps_num, int fps_den)
{
  g_return_val_if_fail (fps_num > 0 && fps_den > 0, 0);
  return (frames * fps_den * 1000000 + fps_num / 2) / fps_num;
}

/* 29.97 and 59.94 are counted in drop-frame timecode by convention. */
gboolean
tl_timecode_is_drop_frame_rate (int fps_num, int fps_den)
{
  return fps_den == 1001 && (fps_num == 30000 || fps_num == 60000);
}

/**
 * tl_timecode_format_frames:
 *
 * Returns: (transfer full): "HH:MM:SS:FF", or "HH:MM:SS;FF" in drop-frame,
 *   where frame numbers 0 and 1 (0–3 at 59.94) are skipped at the start of
 *   every minute except each tenth: frame 1800 at 29.97 is 00:01:00;02.
 */
char *
tl_timecode_format_frames (gint64 frames, int fps_num, int fps_den, gboolean drop_frame)
{
  int nominal = (fps_num + fps_den / 2) / fps_den;
  gint64 number = MAX (frames, 0);

  g_return_val_if_fail (fps_num > 0 && fps_den > 0, NULL);
  if (drop_frame && tl_timecode_is_drop_frame_rate (fps_num, fps_den))
    {
      int drop = nominal == 60 ? 4 : 2;
      gint64 per_minute = (gint64) nominal * 60 - drop;
      gint64 per_ten = per_minute * 10 + drop;
      gint64 tens = number / per_ten, rest = number % per_ten;

      number += (gint64) drop * 9 * tens;
      if (rest >= drop)
        number += drop * ((rest - drop) / per_minute);
    }
  else
    drop_frame = FALSE;

  return g_strdup_printf ("%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT "%c%02" G_GINT64_FORMAT,
                          number / ((gint64) nominal * 3600),
                          (number / ((gint64) nominal * 60)) % 60,
                          (number / nominal) % 60,
                          drop_frame ? ';' : ':',
                          number % nominal);
}

/* Timecode of @usec at the given rate, drop-frame where that is the custom. */
char *
tl_timecode_format (gint64 usec, int fps_num, int fps_den)
{
  return tl_timecode_format_frames (tl_timecode_usec_to_frames (usec, fps_num, fps_den), fps_num, fps_den,
                                    tl_timecode_is_drop_frame_rate (fps_num, fps_den));
}

/**
 * tl_timecode_format_range:
 * @origin: (nullable): the media's own start timecode ("01:00:00:00"), or
 *   %NULL when it starts at zero
 *
 * A clip's in and out as "IN - OUT" in the media's timecode at its rate,
 * as an editor types them into a log or an NLE: counted from the media's
 * start timecode, drop-frame where that is the custom.
 *
 * Returns: (nullable): the text, or %NULL when the rate is unknown or the
 *   range is not one
 */
char *
tl_timecode_format_range (gint64 in, gint64 out, int fps_num, int fps_den, const char *origin)
{
  gboolean drop_frame;
  gint64 start = 0, first, last;
  g_autofree char *a = NULL, *b = NULL;

  if (fps_num <= 0 || fps_den <= 0 || in < 0 || out <= in)
    return NULL;
  drop_frame = tl_timecode_is_drop_frame_rate (fps_num, fps_den);
  if (origin != NULL && !tl_timecode_parse_frames (origin, fps_num, fps_den, &start))
    start = 0;
  first = tl_timecode_usec_to_frames (in, fps_num, fps_den);
  last = MAX (tl_timecode_usec_to_frames (out, fps_num, fps_den), first + 1);
  a = tl_timecode_format_frames (start + first, fps_num, fps_den, drop_frame);
  b = tl_timecode_format_frames (start + last, fps_num, fps_den, drop_frame);
  return g_strdup_printf ("%s - %s", a, b);
}

/**
 * tl_timecode_parse_frames:
 * @timecode: "HH:MM:SS:FF", or "HH:MM:SS;FF" (also "." or "," before the
 *   frames) in drop-frame
 * @frames: (out): the frame number it labels
 *
 * The inverse of tl_timecode_format_frames(): a media file's timecode
 * origin, an EDL's record start. Drop-frame labels are read only at 29.97
 * and 59.94, and the labels drop-frame skips are refused.
 */
gboolean
tl_timecode_parse_frames (const char *timecode, int fps_num, int fps_den, gint64 *frames)
{
  int nominal, h, m, s, f, n = 0;
  char sep;
  gboolean drop;

  g_return_val_if_fail (timecode != NULL && frames != NULL, FALSE);
  if (fps_num <= 0 || fps_den <= 0)
    return FALSE;
  nominal = (fps_num + fps_den / 2) / fps_den;
  if (sscanf (timecode, "%d:%2d:%2d%c%3d%n", &h, &m, &s, &sep, &f, &n) != 5 || timecode[n] != '\0'
      || strchr (":;.,", sep) == NULL || h < 0 || m < 0 || m > 59 || s < 0 || s > 59 || f < 0 || f >= nominal)
    return FALSE;
  drop = sep != ':' && tl_timecode_is_drop_frame_rate (fps_num, fps_den);
  *frames = ((gint64) h * 3600 + m * 60 + s) * nominal + f;
  if (drop)
    {
      int dropped = nominal == 60 ? 4 : 2;
      gint64 minutes = (gint64) h * 60 + m;

      if (s == 0 && f < dropped && m % 10 != 0)
        return FALSE;
      *frames -= dropped * (minutes - minutes / 10);
    }
  return TRUE;
}

/**
 * tl_timecode_parse_rate:
 * @text: "25", "30000/1001", or the usual decimal names "23.976", "29.97",
 *   "59.94"
 *
 * Decimal rates just under a whole number are the NTSC family (n × 1000/1001):
 * "29.97" means 30000/1001, which is what the media really runs at. Other
 * decimals are taken as they are ("12.5" is 25/2).
 */
gboolean
tl_timecode_parse_rate (const char *text, int *fps_num, int *fps_den)
{
  char *end = NULL;
  double value;

  g_return_val_if_fail (text != NULL, FALSE);
  if (strchr (text, '/') != NULL)
    {
      gint64 num = g_ascii_strtoll (text, &end, 10), den;
      if (end == text || *end != '/')
        return FALSE;
      text = end + 1;
      den = g_ascii_strtoll (text, &end, 10);
      if (end == text || *end != '\0' || num <= 0 || den <= 0 || num > 1000000 || den > 1000000)
        return FALSE;
      *fps_num = num;
      *fps_den = den;
      return TRUE;
    }
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !(value > 0 && value <= 1000))
    return FALSE;
  if (fabs (value - round (value)) < 1e-6)
    {
      *fps_num = (int) round (value);
      *fps_den = 1;
      return TRUE;
    }
  {
    /* 23.976, 23.98, 29.97, 47.952, 59.94, 119.88 */
    double ntsc = round (value * 1.001);
    if (fabs (value - ntsc / 1.001) < 0.006)
      {
        *fps_num = (int) ntsc * 1000;
        *fps_den = 1001;
        return TRUE;
      }
  }
  /* other rates with up to three decimals: 12.5 is 25/2 */
  if (fabs (value * 1000 - round (value * 1000)) < 1e-6)
    {
      int num = (int) round (value * 1000), den = 1000;
      for (int d = 2; d <= 5; d++)
        while (num % d == 0 && den % d == 0)
          {
            num /= d;
            den /= d;
          }
      *fps_num = num;
      *fps_den = den;
      return TRUE;
    }
  return FALSE;
}
