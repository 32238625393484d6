/* tl-text.c: the parsing and cleaning every importer needs, written for speed:
 * these run once per cue on files of a hundred thousand cues. */
#include "tl-text.h"

#include <math.h>
#include <string.h>

static inline gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* Past this, a number of hours, minutes or seconds is only ever "too
 * large": the parsers keep reading its digits but stop counting, so that
 * nothing overflows and the caller still learns where the number ends. */
#define FIELD_CAP G_GINT64_CONSTANT (1000000000000)

static const char *
parse_uint (const char *p, gint64 *value, guint *n_digits)
{
  gint64 v = 0;
  guint n = 0;

  while (is_digit (*p))
    {
      if (v < FIELD_CAP)
        v = v * 10 + (*p - '0');
      p++;
      if (n < G_MAXUINT)
        n++;
    }
  *value = v;
  *n_digits = n;
  return p;
}

/* Reads digits after a decimal separator as a fraction of a second,
 * so ".04" is 40 ms and ".5" is 500 ms whatever the number of digits.
 * Digits past the microsecond round rather than truncate: seconds printed
 * from a double ("71.03999999999999") mean the nearest µs (71.04 s). */
static const char *
parse_fraction (const char *p, gint64 *usec)
{
  gint64 v = 0;
  guint n = 0;
  gboolean round_up = FALSE;

  while (is_digit (*p))
    {
      if (n < 6)
        {
          v = v * 10 + (*p - '0');
          n++;
        }
      else if (n == 6)
        {
          round_up = *p >= '5';
          n++;
        }
      p++;
    }
  for (; n < 6; n++)
    v *= 10;
  *usec = v + (round_up ? 1 : 0);
  return p;
}

/* Whole seconds and a fraction in µs as a time, if it is one media can have. */
static TlTimeScan
to_usec (gint64 seconds, gint64 fraction, gboolean negative, gint64 *usec)
{
  gint64 total;

  if (seconds > TL_TIME_MAX / TL_USEC_PER_SEC)
    return TL_TIME_SCAN_RANGE;
  total = seconds * TL_USEC_PER_SEC + fraction;
  if (total > TL_TIME_MAX)
    return TL_TIME_SCAN_RANGE;
  *usec = negative ? -total : total;
  return TL_TIME_SCAN_OK;
}

/**
 * tl_scan_clock:
 * @str: text starting with a clock time
 * @endp: (out) (optional): where the time ends, set unless the result
 *   is %TL_TIME_SCAN_NONE
 * @usec: (out): the time in microseconds, set only for %TL_TIME_SCAN_OK
 *
 * Reads `[H…:]MM:SS[(.|,)fraction]` tolerantly: any number of hour digits,
 * one or two minute digits, either separator before the fraction, any
 * number of fraction digits read as a decimal fraction, or none at all.
 * A time past %TL_TIME_MAX, or with a minus sign before it, is read to its
 * end and reported as %TL_TIME_SCAN_RANGE: clocks do not run backwards.
 */
TlTimeScan
tl_scan_clock (const char *str, const char **endp, gint64 *usec)
{
  gint64 fields[3];
  guint n_fields = 0, digits;
  gint64 fraction = 0, seconds;
  gboolean negative = FALSE;
  const char *p = str;

  while (*p == ' ' || *p == '\t')
    p++;
  if (*p == '-' && is_digit (p[1]))
    {
      negative = TRUE;
      p++;
    }
  for (;;)
    {
      const char *q = parse_uint (p, &fields[n_fields], &digits);
      if (digits == 0)
        return TL_TIME_SCAN_NONE;
      n_fields++;
      p = q;
      if (*p == ':' && n_fields < 3 && is_digit (p[1]))
        {
          p++;
          continue;
        }
      break;
    }
  if (n_fields < 2)
    return TL_TIME_SCAN_NONE;
  if ((*p == '.' || *p == ',') && is_digit (p[1]))
    p = parse_fraction (p + 1, &fraction);

  /* each field is below 10 × FIELD_CAP, so these sums cannot overflow */
  if (n_fields == 3)
    {
      if (fields[1] > 59 || fields[2] > 59)
        return TL_TIME_SCAN_NONE;
      seconds = fields[0] * 3600 + fields[1] * 60 + fields[2];
    }
  else
    {
      if (fields[1] > 59)
        return TL_TIME_SCAN_NONE;
      seconds = fields[0] * 60 + fields[1];
    }
  if (endp)
    *endp = p;
  if (negative)
    return TL_TIME_SCAN_RANGE;
  return to_usec (seconds, fraction, FALSE, usec);
}

/**
 * tl_parse_clock:
 * @str: text starting with a clock time
 * @endp: (out) (optional): where parsing stopped
 * @usec: (out): the time in microseconds
 *
 * tl_scan_clock() for callers that need not tell a time out of range
 * from text that is no time.
 *
 * Returns: %TRUE if a time was read
 */
gboolean
tl_parse_clock (const char *str, const char **endp, gint64 *usec)
{
  const char *p;

  if (tl_scan_clock (str, &p, usec) != TL_TIME_SCAN_OK)
    return FALSE;
  if (endp)
    *endp = p;
  return TRUE;
}

/* Reads a decimal number of seconds ("12.72", "5.5600000000000005", "3",
 * "-0.5"); one of more than TL_TIME_MAX either way is %TL_TIME_SCAN_RANGE,
 * with @endp set past it. */
TlTimeScan
tl_scan_seconds (const char *str, const char **endp, gint64 *usec)
{
  const char *p = str;
  gint64 whole, fraction = 0;
  guint digits;
  gboolean negative = FALSE;

  while (*p == ' ' || *p == '\t')
    p++;
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  p = parse_uint (p, &whole, &digits);
  if (digits == 0 && !(*p == '.' && is_digit (p[1])))
    return TL_TIME_SCAN_NONE;
  if (*p == '.' && is_digit (p[1]))
    p = parse_fraction (p + 1, &fraction);
  if (endp)
    *endp = p;
  return to_usec (whole, fraction, negative, usec);
}

gboolean
tl_parse_seconds (const char *str, const char **endp, gint64 *usec)
{
  const char *p;

  if (tl_scan_seconds (str, &p, usec) != TL_TIME_SCAN_OK)
    return FALSE;
  if (endp)
    *endp = p;
  return TRUE;
}

/* Seconds as a double (JSON) as a time, refusing what is not finite or
 * lies past TL_TIME_MAX either way: converting those to an integer is
 * undefined. */
TlTimeScan
tl_time_from_seconds (double seconds, gint64 *usec)
{
  const double max = (double) (TL_TIME_MAX / TL_USEC_PER_SEC);

  if (!(seconds >= -max && seconds <= max))
    return TL_TIME_SCAN_RANGE;
  *usec = (gint64) round (seconds * TL_USEC_PER_SEC);
  return TL_TIME_SCAN_OK;
}

/* A rating of 0 to 5 as five stars, the first @rating of them filled. */
char *
tl_format_rating (guint rating)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < 5; i++)
    g_string_append (s, i < rating ? "★" : "☆");
  return g_string_free (s, FALSE);
}

/* Formats HH:MM:SS.mmm (or MM:SS.mmm) with the given separator before the
 * milliseconds, rounding to the nearest millisecond. */
char *
tl_format_clock (gint64 usec, gboolean with_hours, char separator)
{
  gint64 ms = (MAX (usec, 0) + 500) / 1000;
  gint64 h = ms / 3600000, m = (ms / 60000) % 60, s = (ms / 1000) % 60;

  if (with_hours || h > 0)
    return g_strdup_printf ("%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT "%c%03" G_GINT64_FORMAT,
                            h, m, s, separator, ms % 1000);
  return g_strdup_printf ("%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT "%c%03" G_GINT64_FORMAT,
                          m, s, separator, ms % 1000);
}

static const struct {
  const char *name;
  const char *utf8;
} entities[] = {
  { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" },
  { "apos", "'" }, { "nbsp", " " }, { "lrm", "" }, { "rlm", "" },
};

/* Appends the character an HTML entity at @p stands for; returns the
 * length consumed, or 0 if @p does not start a known entity. */
static gsize
append_entity (GString *out, const char *p, const char *end)
{
  const char *semi = memchr (p, ';', MIN ((gsize) (end - p), 12));

  if (semi == NULL)
    return 0;
  if (p[1] == '#')
    {
      gunichar c;
      if (p[2] == 'x' || p[2] == 'X')
        c = (gunichar) g_ascii_strtoull (p + 3, NULL, 16);
      else
        c = (gunichar) g_ascii_strtoull (p + 2, NULL, 10);
      if (c == 0 || !g_unichar_validate (c))
        return 0;
      g_string_append_unichar (out, c);
      return semi - p + 1;
    }
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      gsize n = strlen (entities[i].name);
      if ((gsize) (semi - p - 1) == n && memcmp (p + 1, entities[i].name, n) == 0)
        {
          g_string_append (out, entities[i].utf8);
          return semi - p + 1;
        }
    }
  return 0;
}

/* A '<' opens markup when followed by a letter, '/', or a digit (WebVTT
 * timestamps such as <00:05:04.199>), and closes on the same line. */
static const char *
skip_tag (const char *p, const char *end)
{
  const char *q;

  if (p + 1 >= end)
    return NULL;
  if (!(g_ascii_isalpha (p[1]) || p[1] == '/' || is_digit (p[1])))
    return NULL;
  for (q = p + 1; q < end && *q != '>' && *q != '<' && *q != '\n'; q++)
    if (is_digit (p[1]) && !(is_digit (*q) || *q == ':' || *q == '.'))
      return NULL; /* "2<3,5>1" is arithmetic, not a timestamp */
  if (q < end && *q == '>')
    return q + 1;
  return NULL;
}

/**
 * tl_text_append_clean:
 *
 * Appends @text to @out without markup: HTML-like tags (<i>, <font …>,
 * <c.colorE5E5E5>, <v Fred>, <00:01.000>), ASS override blocks ({\an8}),
 * ASS line breaks (\N, \n, \h); entities decoded; runs of white space and
 * line breaks become one space; leading and trailing space removed.
 */
void
tl_text_append_clean (GString *out, const char *text, gsize len)
{
  const char *p = text, *end = text + len;
  gsize start_len = out->len;
  gboolean space = FALSE;

  while (p < end)
    {
      char c = *p;

      if (c == '<')
        {
          const char *q = skip_tag (p, end);
          if (q)
            {
              p = q;
              continue;
            }
        }
      else if (c == '{' && p + 1 < end && p[1] == '\\')
        {
          const char *q = memchr (p, '}', end - p);
          if (q)
            {
              p = q + 1;
              continue;
            }
        }
      else if (c == '\\' && p + 1 < end && (p[1] == 'N' || p[1] == 'n' || p[1] == 'h'))
        {
          space = TRUE;
          p += 2;
          continue;
        }
      else if (c == '&')
        {
          gsize before = out->len;
          gsize n;
          if (space && out->len > start_len)
            g_string_append_c (out, ' ');
          n = append_entity (out, p, end);
          if (n > 0)
            {
              space = FALSE;
              /* a decoded &nbsp; is a space like any other */
              if (out->len > before && out->str[out->len - 1] == ' ')
                {
                  g_string_truncate (out, out->len - 1);
                  space = TRUE;
                }
              p += n;
              continue;
            }
          g_string_truncate (out, before);
        }

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        {
          space = TRUE;
          p++;
          continue;
        }
      if ((guchar) c == 0xC2 && p + 1 < end && (guchar) p[1] == 0xA0)
        {
          /* U+00A0 no-break space */
          space = TRUE;
          p += 2;
          continue;
        }
      if (space && out->len > start_len)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, c);
      p++;
    }
}

char *
tl_text_clean (const char *text, gssize len)
{
  GString *out;

  if (len < 0)
    len = strlen (text);
  out = g_string_sized_new (len + 1);
  tl_text_append_clean (out, text, len);
  return g_string_free (out, FALSE);
}

/* Collapses runs of white space to one space and trims, in place. */
void
tl_text_collapse_spaces (GString *str)
{
  gsize w = 0;
  gboolean space = FALSE;

  for (gsize r = 0; r < str->len; r++)
    {
      char c = str->str[r];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
          space = TRUE;
          continue;
        }
      if (space && w > 0)
        str->str[w++] = ' ';
      space = FALSE;
      str->str[w++] = c;
    }
  g_string_truncate (str, w);
}

gboolean
tl_text_is_blank (const char *text, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_music_note (gunichar c)
{
  return c == 0x266A || c == 0x266B || c == 0x266C || c == 0x2669;
}

/**
 * tl_text_is_non_speech:
 *
 * TRUE when the whole of @text is a sound mark rather than words said:
 * "[Music]", "[APPLAUSE]", "(laughs)", "♪ ♪", "♪ la la ♪", or several
 * such marks in a row ("[Music] [Applause]").
 */
gboolean
tl_text_is_non_speech (const char *text)
{
  const char *p = text;
  gboolean any = FALSE;

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      if (c == '[' || c == '(')
        {
          const char *close = strchr (p, c == '[' ? ']' : ')');
          if (close == NULL)
            return FALSE;
          p = close + 1;
          any = TRUE;
          continue;
        }
      if (is_music_note (c))
        {
          /* everything up to the closing note, or the end, is sung */
          p = g_utf8_next_char (p);
          while (*p && !is_music_note (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          if (*p)
            p = g_utf8_next_char (p);
          any = TRUE;
          continue;
        }
      return FALSE;
    }
  return any;
}
