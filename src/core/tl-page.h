/* tl-page.h: reading what a web page says around a transcript (dates,
 * durations, video ids, channel boilerplate), shared by the importers of
 * text copied from video pages and news articles. */
#pragma once

#include <glib.h>
#include <string.h>

#include "tl-document.h"

G_BEGIN_DECLS

char *tl_page_parse_date (const char *str, gsize len, const char **endp);
gint64 tl_page_parse_duration (const char *str, gsize len);
char *tl_page_video_id (const char *url, gsize len);
gboolean tl_page_is_boilerplate (const char *line, gsize len);
gsize tl_page_skip_symbols (const char *str, gsize len);
void tl_page_add_glued_keywords (TlDocument *doc, const char *line, gsize len);
const char *tl_page_strip_outlet (TlDocument *doc, const char *title, const char *outlet);
void tl_page_chain_ends (TlDocument *doc);

/* Skips spaces and tabs. */
static inline gsize
tl_page_trim (const char **line, gsize len)
{
  while (len > 0 && (**line == ' ' || **line == '\t'))
    {
      (*line)++;
      len--;
    }
  while (len > 0 && ((*line)[len - 1] == ' ' || (*line)[len - 1] == '\t' || (*line)[len - 1] == '\r'))
    len--;
  return len;
}

/* TRUE when @line (trimmed) is exactly @word. */
static inline gboolean
tl_page_line_is (const char *line, gsize len, const char *word)
{
  gsize n = strlen (word);

  len = tl_page_trim (&line, len);
  return len == n && memcmp (line, word, n) == 0;
}

/* TRUE when @line starts with @prefix, compared without case. */
static inline gboolean
tl_page_has_prefix (const char *line, gsize len, const char *prefix)
{
  gsize n = strlen (prefix);

  return len >= n && g_ascii_strncasecmp (line, prefix, n) == 0;
}

G_END_DECLS
