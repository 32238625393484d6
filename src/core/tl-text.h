/* tl-text.h: small text helpers (times, markup, marks, ratings) shared by
 * the importers, the exporters and the window. */
#pragma once

#include <glib.h>
#include <string.h>

#include "tl-types.h"

G_BEGIN_DECLS

/* How reading a time went: a time, no time at all, or a time written
 * correctly that no media has (negative, or past TL_TIME_MAX). */
typedef enum {
  TL_TIME_SCAN_OK,
  TL_TIME_SCAN_NONE,
  TL_TIME_SCAN_RANGE,
} TlTimeScan;

TlTimeScan tl_scan_clock (const char *str, const char **endp, gint64 *usec);
TlTimeScan tl_scan_seconds (const char *str, const char **endp, gint64 *usec);
TlTimeScan tl_time_from_seconds (double seconds, gint64 *usec);
gboolean tl_parse_clock (const char *str, const char **endp, gint64 *usec);
gboolean tl_parse_seconds (const char *str, const char **endp, gint64 *usec);
char *tl_format_clock (gint64 usec, gboolean with_hours, char separator);
char *tl_format_rating (guint rating);

void tl_text_append_clean (GString *out, const char *text, gsize len);
char *tl_text_clean (const char *text, gssize len);
void tl_text_collapse_spaces (GString *str);
gboolean tl_text_is_non_speech (const char *text);
gboolean tl_text_is_blank (const char *text, gsize len);

/* Walks LF-terminated lines of a buffer, counting them from 1. */
typedef struct {
  const char *p;
  const char *end;
  guint line; /* number of the line last returned */
} TlLineReader;

static inline void
tl_line_reader_init (TlLineReader *reader, const char *text, gsize len)
{
  reader->p = text;
  reader->end = text + len;
  reader->line = 0;
}

static inline gboolean
tl_line_reader_next (TlLineReader *reader, const char **line, gsize *len)
{
  const char *nl;

  if (reader->p >= reader->end)
    return FALSE;
  nl = (const char *) memchr (reader->p, '\n', reader->end - reader->p);
  *line = reader->p;
  *len = (nl ? nl : reader->end) - reader->p;
  reader->p = nl ? nl + 1 : reader->end;
  reader->line++;
  return TRUE;
}

G_END_DECLS
