/* tl-import-sbv.c: YouTube SubViewer (.sbv): "H:MM:SS.mmm,H:MM:SS.mmm" timing
 * lines, each followed by its text lines up to a blank line. */
#include "tl-import.h"
#include <glib/gi18n-lib.h>

#include <string.h>

#include "tl-text.h"

static gboolean
is_clock_to (const char *s, const char *end, gint64 *usec)
{
  const char *q;

  if (!tl_parse_clock (s, &q, usec))
    return FALSE;
  while (q < end && (*q == ' ' || *q == '\t'))
    q++;
  return q == end;
}

/* Parses "START,END"; TRUE if @line is a timing line. The comma between the
 * times is found by trying each: a time may use ',' before its fraction
 * too, or have no fraction, and the clock parser would read on. */
static gboolean
parse_timing (const char *line, gsize len, gint64 *start, gint64 *end)
{
  char buf[64];

  /* timing lines are short; copy so each time can end in a NUL */
  if (len < 9 || len >= sizeof buf || !g_ascii_isdigit (line[0]))
    return FALSE;
  memcpy (buf, line, len);
  buf[len] = '\0';
  for (char *comma = strchr (buf, ','); comma != NULL; comma = strchr (comma + 1, ','))
    {
      *comma = '\0';
      if (is_clock_to (buf, comma, start) && is_clock_to (comma + 1, buf + len, end))
        return TRUE;
      *comma = ',';
    }
  return FALSE;
}

static guint
sbv_sniff (const char *text, gsize length)
{
  TlLineReader reader;
  const char *line;
  gsize len;

  /* the first line that is not blank must be a timing line */
  tl_line_reader_init (&reader, text, MIN (length, 1024));
  while (tl_line_reader_next (&reader, &line, &len) && reader.line < 10)
    {
      gint64 start, end;
      if (tl_text_is_blank (line, len))
        continue;
      return parse_timing (line, len, &start, &end) ? 80 : 0;
    }
  return 0;
}

static void
flush_cue (TlDocument *doc, GString *text, gint64 start, gint64 end, guint line)
{
  TlDocSegment *seg = tl_document_add_segment (doc, start, end, text->str, text->len);

  seg->line = line;
}

static TlDocument *
sbv_parse (TlImportContext *ctx, GError **error)
{
  g_autoptr(TlDocument) doc = tl_document_new ("sbv");
  g_autoptr(GString) text = g_string_sized_new (256);
  TlLineReader reader;
  const char *line;
  gsize len;
  gint64 start = 0, end = 0;
  guint cue_line = 0, stray_line = 0, first_stray = 0;
  gboolean in_cue = FALSE;

  tl_line_reader_init (&reader, ctx->text, ctx->length);
  while (tl_line_reader_next (&reader, &line, &len))
    {
      gint64 s, e;

      if (tl_text_is_blank (line, len))
        {
          if (in_cue)
            flush_cue (doc, text, start, end, cue_line);
          in_cue = FALSE;
          stray_line = 0;
          continue;
        }
      /* a timing line starts a cue even without a blank line before it */
      if (parse_timing (line, len, &s, &e))
        {
          if (in_cue)
            flush_cue (doc, text, start, end, cue_line);
          g_string_truncate (text, 0);
          start = s;
          end = e;
          cue_line = reader.line;
          in_cue = TRUE;
          continue;
        }
      if (!in_cue)
        {
          /* a block that lost its timing line: report it once */
          if (stray_line == 0)
            {
              stray_line = reader.line;
              if (first_stray == 0)
                first_stray = reader.line;
              tl_document_warn (doc, reader.line, _("text without a timing line left out"));
            }
          continue;
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
  if (in_cue)
    flush_cue (doc, text, start, end, cue_line);

  if (doc->segments->len == 0)
    {
      tl_import_fail (ctx, error, first_stray,
                      _("No timing lines (H:MM:SS.mmm,H:MM:SS.mmm) found: not a YouTube SubViewer file"));
      return NULL;
    }
  return g_steal_pointer (&doc);
}

const TlImporter tl_importer_sbv = {
  .name = "sbv",
  .label = N_("YouTube SubViewer"),
  .sniff = sbv_sniff,
  .parse = sbv_parse,
};
