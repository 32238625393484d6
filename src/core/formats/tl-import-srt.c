/* tl-import-srt.c: SubRip (.srt), read tolerantly: missing or out-of-order cue
 * numbers, '.' or ',' before the fraction, no fraction at all, hours past 99,
 * coordinates after the times, extra blank lines, tags in the text. */
#include "tl-import.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tl-text.h"

typedef enum {
  TIMING_NONE,  /* not a timing line */
  TIMING_OK,
  TIMING_RANGE, /* a timing line whose times no media has */
} Timing;

/* Parses "START --> END[ anything]". A time that is negative or past
 * TL_TIME_MAX still makes a timing line, so that its cue is refused
 * alone; @bad (BAD_TIME_SIZE bytes, or NULL) then holds that time as
 * written. */
#define BAD_TIME_SIZE 64
static Timing
parse_timing (const char *line, gsize len, gint64 *start, gint64 *end, char *bad)
{
  const char *p, *t1, *e1, *t2, *e2;
  char buf[128];
  TlTimeScan s1, s2;

  /* timing lines are short; copy so the clock parser meets a NUL */
  if (len < 10 || len >= sizeof buf || memchr (line, '>', len) == NULL)
    return TIMING_NONE;
  memcpy (buf, line, len);
  buf[len] = '\0';
  for (t1 = buf; *t1 == ' ' || *t1 == '\t'; t1++)
    ;
  s1 = tl_scan_clock (t1, &e1, start);
  if (s1 == TL_TIME_SCAN_NONE)
    return TIMING_NONE;
  for (p = e1; *p == ' ' || *p == '\t'; p++)
    ;
  if (strncmp (p, "-->", 3) != 0)
    return TIMING_NONE;
  p += 3;
  if (*p != ' ' && *p != '\t')
    return TIMING_NONE;
  for (t2 = p; *t2 == ' ' || *t2 == '\t'; t2++)
    ;
  s2 = tl_scan_clock (t2, &e2, end);
  if (s2 == TL_TIME_SCAN_NONE)
    return TIMING_NONE;
  if (s1 == TL_TIME_SCAN_OK && s2 == TL_TIME_SCAN_OK)
    return TIMING_OK;
  if (bad != NULL)
    {
      const char *t = s1 != TL_TIME_SCAN_OK ? t1 : t2;
      const char *e = s1 != TL_TIME_SCAN_OK ? e1 : e2;
      g_strlcpy (bad, t, MIN ((gsize) (e - t) + 1, BAD_TIME_SIZE));
    }
  return TIMING_RANGE;
}

static gboolean
is_number_line (const char *line, gsize len)
{
  gsize i = 0;

  while (i < len && g_ascii_isdigit (line[i]))
    i++;
  while (i < len && (line[i] == ' ' || line[i] == '\t'))
    i++;
  return i == len && len > 0 && g_ascii_isdigit (line[0]);
}

/* "MAN:" or "DR. LEE:" alone on a cue's first line, or opening it, names
 * who speaks; a label in capitals is how broadcast captions mark speakers. */
static gsize
speaker_label (const char *line, gsize len)
{
  gsize i = 0;

  if (line[0] == '>' && len > 2 && line[1] == '>')
    {
      i = 2;
      while (i < len && line[i] == ' ')
        i++;
    }
  if (i >= len || !g_ascii_isupper (line[i]))
    return 0;
  for (gsize j = i; j < len && j < i + 32; j++)
    {
      char c = line[j];
      if (c == ':' && (j + 1 == len || line[j + 1] == ' '))
        return j;
      if (!(g_ascii_isupper (c) || c == ' ' || c == '.' || c == '\'' || c == '-'))
        return 0;
    }
  return 0;
}

static guint
srt_sniff (const char *text, gsize length)
{
  TlLineReader reader;
  const char *line;
  gsize len;

  if (length >= 6 && strncmp (text, "WEBVTT", 6) == 0)
    return 0;
  tl_line_reader_init (&reader, text, MIN (length, 4096));
  while (tl_line_reader_next (&reader, &line, &len) && reader.line < 40)
    {
      gint64 start, end;
      if (parse_timing (line, len, &start, &end, NULL) != TIMING_NONE)
        return memchr (line, ',', len) ? 90 : 60;
      if (!tl_text_is_blank (line, len) && !is_number_line (line, len) && reader.line > 2)
        break;
    }
  return 0;
}

typedef struct {
  TlDocument *doc;
  GString *text;
  const char *speaker;
  gsize speaker_len;
  gint64 start, end;
  guint line;
  gboolean open;
} Cue;

static void
cue_flush (Cue *cue)
{
  TlDocSegment *seg;

  if (!cue->open)
    return;
  seg = tl_document_add_segment (cue->doc, cue->start, cue->end, cue->text->str, cue->text->len);
  seg->line = cue->line;
  if (cue->speaker)
    seg->speaker = tl_document_strndup (cue->doc, cue->speaker, cue->speaker_len);
  cue->open = FALSE;
}

static TlDocument *
srt_parse (TlImportContext *ctx, GError **error)
{
  g_autoptr(TlDocument) doc = tl_document_new ("srt");
  g_autoptr(GString) text = g_string_sized_new (256);
  Cue cue = { doc, text, NULL, 0, 0, 0, 0, FALSE };
  TlLineReader reader;
  const char *line;
  gsize len;
  gboolean in_text = FALSE;
  guint stray_line = 0, first_range = 0;
  char bad[BAD_TIME_SIZE], first_bad[BAD_TIME_SIZE];

  tl_line_reader_init (&reader, ctx->text, ctx->length);
  while (tl_line_reader_next (&reader, &line, &len))
    {
      gint64 start, end;
      Timing timing;

      if (len == 0 || tl_text_is_blank (line, len))
        {
          in_text = FALSE;
          stray_line = 0;
          continue;
        }
      timing = parse_timing (line, len, &start, &end, bad);
      if (timing == TIMING_RANGE)
        {
          /* its text goes with it, without a warning of its own */
          cue_flush (&cue);
          in_text = FALSE;
          stray_line = reader.line;
          if (first_range == 0)
            {
              first_range = reader.line;
              memcpy (first_bad, bad, sizeof bad);
            }
          if (bad[0] == '-')
            tl_document_warn (doc, reader.line, _("time “%s” is negative; cue left out"), bad);
          else
            tl_document_warn (doc, reader.line, _("time “%s” is past %d hours; cue left out"),
                              bad, TL_TIME_MAX_HOURS);
          continue;
        }
      if (timing == TIMING_OK)
        {
          cue_flush (&cue);
          g_string_truncate (text, 0);
          cue.start = start;
          cue.end = end;
          cue.line = reader.line;
          cue.speaker = NULL;
          cue.open = TRUE;
          in_text = TRUE;
          continue;
        }
      if (is_number_line (line, len))
        {
          /* a cue number, unless it is text of the open cue ("1984") */
          TlLineReader peek = reader;
          const char *next;
          gsize next_len;
          if (!in_text || (tl_line_reader_next (&peek, &next, &next_len)
                           && parse_timing (next, next_len, &start, &end, NULL) != TIMING_NONE))
            {
              in_text = FALSE;
              continue;
            }
        }
      if (!in_text)
        {
          /* text outside any cue: a block that lost its timing line */
          if (stray_line == 0)
            {
              stray_line = reader.line;
              tl_document_warn (doc, reader.line, _("text without a timing line left out"));
            }
          continue;
        }
      if (text->len == 0 && cue.speaker == NULL)
        {
          gsize colon = speaker_label (line, len);
          if (colon > 0)
            {
              gsize skip = line[0] == '>' ? 2 : 0;
              while (line[skip] == ' ')
                skip++;
              cue.speaker = line + skip;
              cue.speaker_len = colon - skip;
              line += colon + 1;
              len -= colon + 1;
            }
        }
      {
        gsize before = text->len;
        if (before > 0)
          g_string_append_c (text, ' ');
        tl_text_append_clean (text, line, len);
        if (before > 0 && text->len == before + 1)
          g_string_truncate (text, before);
      }
    }
  cue_flush (&cue);

  if (doc->segments->len == 0 && first_range > 0)
    {
      if (first_bad[0] == '-')
        tl_import_fail (ctx, error, first_range, _("time “%s” is negative, and no other cues to keep"),
                        first_bad);
      else
        tl_import_fail (ctx, error, first_range, _("time “%s” is past %d hours, and no other cues to keep"),
                        first_bad, TL_TIME_MAX_HOURS);
      return NULL;
    }
  if (doc->segments->len == 0)
    {
      tl_import_fail (ctx, error, 0, _("No subtitle cues found: not a SubRip file"));
      return NULL;
    }
  return g_steal_pointer (&doc);
}

const TlImporter tl_importer_srt = {
  .name = "srt",
  .label = N_("SubRip"),
  .sniff = srt_sniff,
  .parse = srt_parse,
};
