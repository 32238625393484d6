/* tl-page.c: the small readers the web-page importers share. Pages are
 * copied by hand from browsers, so each reader takes the forms people
 * meet there ("June 18, 2024", "19 Jun 2024", "Wed Jun 19 2024") and
 * gives up quietly on anything else. */
#include "tl-page.h"

#include "tl-text.h"

static const char *const months[] = {
  "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december",
};

static const char *const weekdays[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

/* Index of the day or month named by @word ("Jun", "June", "Wed"), or
 * -1: a full name, or its first three letters. */
static int
match_name (const char *word, gsize len, const char *const *names, guint n_names)
{
  for (guint i = 0; i < n_names; i++)
    {
      gsize full = strlen (names[i]);
      if ((len == 3 || len == full) && len <= full && g_ascii_strncasecmp (word, names[i], len) == 0)
        return (int) i;
    }
  return -1;
}

static int
match_month (const char *word, gsize len)
{
  if (len == 4 && g_ascii_strncasecmp (word, "sept", 4) == 0)
    return 8;
  return match_name (word, len, months, G_N_ELEMENTS (months));
}

static const char *
skip_blanks (const char *p, const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == ','))
    p++;
  return p;
}

static const char *
read_letters (const char *p, const char *end)
{
  while (p < end && g_ascii_isalpha (*p))
    p++;
  return p;
}

/* Reads 1 to @max digits; -1 if there are none. */
static int
read_number (const char **p, const char *end, guint max)
{
  int v = 0;
  guint n = 0;

  while (*p < end && g_ascii_isdigit (**p) && n < max)
    {
      v = v * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  return n > 0 ? v : -1;
}

/**
 * tl_page_parse_date:
 * @endp: (out) (optional): where the date ends
 *
 * Reads the date that @str starts with: "June 18, 2024", "Jun 18 2024",
 * "Wed Jun 19 2024", "19 Jun 2024", "18th June, 2024" or "2024-06-18".
 * The year is read as exactly four digits, so a time glued after it
 * ("19 Jun 202411:28") is left for the caller.
 *
 * Returns: (transfer full) (nullable): "YYYY-MM-DD"
 */
char *
tl_page_parse_date (const char *str, gsize len, const char **endp)
{
  const char *p = str, *end = str + len, *q;
  int year = -1, month = -1, day = -1;

  p = skip_blanks (p, end);
  /* ISO first: 2024-06-18 */
  q = p;
  year = read_number (&q, end, 4);
  if (year >= 1000 && q - p == 4 && q < end && *q == '-')
    {
      q++;
      month = read_number (&q, end, 2) - 1;
      if (q < end && *q == '-')
        {
          q++;
          day = read_number (&q, end, 2);
        }
      p = q;
      goto done;
    }

  /* an optional weekday: "Wed", "Wednesday," */
  q = read_letters (p, end);
  if (q > p && match_name (p, q - p, weekdays, G_N_ELEMENTS (weekdays)) >= 0)
    {
      if (q < end && *q == '.')
        q++;
      p = skip_blanks (q, end);
    }

  q = read_letters (p, end);
  if (q > p)
    {
      /* "June 18, 2024" */
      month = match_month (p, q - p);
      if (q < end && *q == '.')
        q++;
      p = skip_blanks (q, end);
      day = read_number (&p, end, 2);
    }
  else
    {
      /* "19 Jun 2024" */
      day = read_number (&p, end, 2);
      if (p < end && g_ascii_isalpha (*p))
        p = read_letters (p, end); /* "18th" */
      p = skip_blanks (p, end);
      q = read_letters (p, end);
      month = match_month (p, q - p);
      p = q;
      if (p < end && *p == '.')
        p++;
    }
  if (p < end && g_ascii_isalpha (*p))
    p = read_letters (p, end); /* "June 18th, 2024" */
  p = skip_blanks (p, end);
  q = p;
  year = read_number (&q, end, 4);
  if (q - p != 4)
    return NULL;
  p = q;

done:
  if (year < 1000 || month < 0 || month > 11 || day < 1 || day > 31)
    return NULL;
  if (endp)
    *endp = p;
  return g_strdup_printf ("%04d-%02d-%02d", year, month + 1, day);
}

/**
 * tl_page_parse_duration:
 *
 * Reads a stated length: "190s", "190", "9min 58sec (598 seconds)",
 * "1h 2m 3s", "11:28" or "1:02:03".
 *
 * Returns: µs, or TL_TIME_NONE
 */
gint64
tl_page_parse_duration (const char *str, gsize len)
{
  const char *p = str, *end = str + len;
  const char *paren = memchr (str, '(', len);
  gint64 total = 0, usec;
  gboolean any = FALSE;

  /* a plain count of seconds in parentheses is the most exact */
  if (paren != NULL)
    {
      const char *q = paren + 1;
      int secs = read_number (&q, end, 9);
      q = skip_blanks (q, end);
      if (secs >= 0 && q < end && (*q == 's' || *q == 'S'))
        return secs * TL_USEC_PER_SEC;
      end = paren;
    }
  p = skip_blanks (p, end);
  {
    const char *q;
    if (tl_parse_clock (p, &q, &usec) && q <= end)
      return usec;
  }
  while (p < end)
    {
      const char *q = p, *unit;
      gint64 value;
      gsize unit_len;

      if (!tl_parse_seconds (p, &q, &value) || q > end || value < 0)
        break;
      p = skip_blanks (q, end);
      unit = p;
      p = read_letters (p, end);
      unit_len = p - unit;
      if (unit_len == 0 || g_ascii_tolower (unit[0]) == 's')
        total += value;
      else if (g_ascii_tolower (unit[0]) == 'm')
        total += value * 60;
      else if (g_ascii_tolower (unit[0]) == 'h')
        total += value * 3600;
      else
        break;
      any = TRUE;
      p = skip_blanks (p, end);
    }
  return any && total > 0 ? total : TL_TIME_NONE;
}

/**
 * tl_page_video_id:
 *
 * The video id in a YouTube address: the `v=` parameter, or the path
 * after youtu.be/, /shorts/, /embed/ or /live/.
 *
 * Returns: (transfer full) (nullable): the id
 */
char *
tl_page_video_id (const char *url, gsize len)
{
  static const char *const paths[] = { "youtu.be/", "/shorts/", "/embed/", "/live/" };
  const char *end = url + len, *id = NULL, *q;

  for (const char *p = url; p + 2 < end; p++)
    if ((*p == '?' || *p == '&') && p[1] == 'v' && p[2] == '=')
      {
        id = p + 3;
        break;
      }
  for (guint i = 0; id == NULL && i < G_N_ELEMENTS (paths); i++)
    {
      const char *at = g_strstr_len (url, len, paths[i]);
      if (at != NULL)
        id = at + strlen (paths[i]);
    }
  if (id == NULL)
    return NULL;
  for (q = id; q < end && (g_ascii_isalnum (*q) || *q == '_' || *q == '-'); q++)
    ;
  return q > id ? g_strndup (id, q - id) : NULL;
}

static gboolean
contains_ci (const char *line, gsize len, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (g_ascii_strncasecmp (line + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Every word a link, a #tag, an @handle or an address. */
static gboolean
only_links (const char *line, gsize len)
{
  const char *p = line, *end = line + len;
  gboolean any = FALSE;

  while (p < end)
    {
      const char *w;

      while (p < end && (*p == ' ' || *p == '\t'))
        p++;
      if (p >= end)
        break;
      w = p;
      while (p < end && *p != ' ' && *p != '\t')
        p++;
      if (!(*w == '#' || *w == '@' || memchr (w, '@', p - w) != NULL
            || tl_page_has_prefix (w, p - w, "http") || tl_page_has_prefix (w, p - w, "www.")))
        return FALSE;
      any = TRUE;
    }
  return any;
}

/**
 * tl_page_is_boilerplate:
 *
 * TRUE for the lines a channel puts under every video: calls to
 * subscribe, follow, watch or download with their links, lines of links
 * or #hashtags, "is available on…", licensing and rights notices.
 */
gboolean
tl_page_is_boilerplate (const char *line, gsize len)
{
  static const char *const calls[] = {
    "subscribe", "follow", "watch", "download", "like ", "connect with",
    "find ", "join ", "sign up", "click", "visit", "check out", "turn on",
    "try ", "support ", "listen ", "stream ", "get the", "read more",
    "for more", "for breaking news", "more from",
  };
  static const char *const notices[] = {
    "is available on", "available free", "licensing", "all rights reserved",
    "copyright", "\xc2\xa9", "http://", "https://", "www.",
  };
  const char *p = line;
  gsize n = len;

  /* "»»» Subscribe", "► Follow": arrows and bullets before the call */
  while (n > 0 && !g_ascii_isalnum (*p) && *p != '#' && *p != '@')
    {
      p++;
      n--;
    }
  n = tl_page_trim (&p, n);
  if (n == 0)
    return FALSE;
  if (only_links (p, n))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (notices); i++)
    if (contains_ci (p, n, notices[i]))
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    if (tl_page_has_prefix (p, n, calls[i]))
      {
        /* "Subscribe…" always; "Watch as…" only when it reads as a link
         * list entry whose address was left out ("…on TikTok:") */
        if (i == 0 || p[n - 1] == ':' || contains_ci (p, n, "channel")
            || contains_ci (p, n, " app ") || contains_ci (p, n, " app:")
            || (n >= 4 && g_ascii_strncasecmp (p + n - 4, " app", 4) == 0)
            || contains_ci (p, n, "newsletter") || contains_ci (p, n, "notification"))
          return TRUE;
      }
  return FALSE;
}

/* Bytes of emoji and other symbols (with their joiners and variation
 * selectors) and spaces at the start of @str: "🤝 Putin's" → "Putin's". */
gsize
tl_page_skip_symbols (const char *str, gsize len)
{
  const char *p = str, *end = str + len;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      GUnicodeType type;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      type = g_unichar_type (c);
      if (!(c == ' ' || c == '\t' || type == G_UNICODE_OTHER_SYMBOL
            || type == G_UNICODE_MODIFIER_SYMBOL || type == G_UNICODE_NON_SPACING_MARK
            || type == G_UNICODE_ENCLOSING_MARK || type == G_UNICODE_FORMAT
            || type == G_UNICODE_PRIVATE_USE || type == G_UNICODE_SPACE_SEPARATOR))
        break;
      p = g_utf8_next_char (p);
    }
  return p - str;
}

static void
add_keyword_trimmed (TlDocument *doc, const char *word, gsize len)
{
  g_autofree char *kw = NULL;

  len = tl_page_trim (&word, len);
  if (len == 0)
    return;
  kw = g_strndup (word, len);
  tl_document_add_keyword (doc, kw);
}

/**
 * tl_page_add_glued_keywords:
 *
 * Adds the tags of a line where a page lost the separators between them
 * ("PutinKim Jong-unNorth Korea"): a new tag starts wherever a lower-case
 * letter is directly followed by an upper-case one. A line that kept its
 * commas is split at them instead.
 */
void
tl_page_add_glued_keywords (TlDocument *doc, const char *line, gsize len)
{
  const char *p = line, *end = line + len, *start = line;
  gunichar prev = 0;

  if (memchr (line, ',', len) != NULL)
    {
      for (const char *q = line; q <= end; q++)
        if (q == end || *q == ',')
          {
            add_keyword_trimmed (doc, start, q - start);
            start = q + 1;
          }
      return;
    }
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (prev != 0 && g_unichar_islower (prev) && g_unichar_isupper (c))
        {
          add_keyword_trimmed (doc, start, p - start);
          start = p;
        }
      prev = c;
      p = g_utf8_next_char (p);
    }
  add_keyword_trimmed (doc, start, end - start);
}

/* @title without a trailing " | OUTLET" (or " - OUTLET") naming the outlet
 * itself; a suffix naming anything else (a show) stays. */
const char *
tl_page_strip_outlet (TlDocument *doc, const char *title, const char *outlet)
{
  gsize tlen, olen;

  if (title == NULL || outlet == NULL)
    return title;
  tlen = strlen (title);
  olen = strlen (outlet);
  if (tlen > olen + 3 && g_ascii_strcasecmp (title + tlen - olen, outlet) == 0)
    {
      const char *sep = title + tlen - olen - 3;
      if (sep[0] == ' ' && (sep[1] == '|' || sep[1] == '-') && sep[2] == ' ')
        return tl_document_strndup (doc, title, sep - title);
    }
  return title;
}

/**
 * tl_page_chain_ends:
 *
 * Gives segments that only have a start (pages show one time per line)
 * an end: each lasts until the next one starts, and the last one until
 * the stated duration when that comes after its start.
 */
void
tl_page_chain_ends (TlDocument *doc)
{
  for (guint i = 0; i < doc->segments->len; i++)
    {
      TlDocSegment *seg = tl_document_get_segment (doc, i);

      if (seg->start == TL_TIME_NONE || seg->end != TL_TIME_NONE)
        continue;
      if (i + 1 < doc->segments->len)
        {
          gint64 next = tl_document_get_segment (doc, i + 1)->start;
          if (next != TL_TIME_NONE && next >= seg->start)
            seg->end = next;
        }
      else if (doc->duration != TL_TIME_NONE && doc->duration > seg->start)
        seg->end = doc->duration;
    }
}
