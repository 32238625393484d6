/* tl-import-audacity.c: Audacity label tracks exported as text: one
 * "start<TAB>end<TAB>label" line per label, times in seconds. */
#include "tl-import.h"

#include <string.h>

#include "tl-text.h"

/* A number of seconds as Audacity writes it: "29.1013341213", "0.000", or,
 * from versions that followed the system locale, "29,1013341213". */
static gboolean
looks_like_seconds (const char *p, const char *end, const char **endp)
{
  const char *q = p;

  if (q < end && *q == '-')
    q++;
  while (q < end && g_ascii_isdigit (*q))
    q++;
  if (q == p || (*p == '-' && q == p + 1))
    return FALSE;
  if (q + 1 < end && (*q == '.' || *q == ',') && g_ascii_isdigit (q[1]))
    {
      q++;
      while (q < end && g_ascii_isdigit (*q))
        q++;
    }
  *endp = q;
  return TRUE;
}

static gboolean
parse_seconds (const char *p, const char *end, const char **endp, gint64 *usec)
{
  const char *q;
  char buf[64];
  char *comma;

  if (!looks_like_seconds (p, end, &q) || (q < end && *q != '\t' && *q != ' '))
    return FALSE;
  if ((gsize) (q - p) >= sizeof buf)
    return FALSE;
  memcpy (buf, p, q - p);
  buf[q - p] = '\0';
  comma = strchr (buf, ',');
  if (comma)
    *comma = '.';
  if (!tl_parse_seconds (buf, NULL, usec))
    return FALSE;
  *endp = q;
  return TRUE;
}

/* Reads "start<TAB>end[<TAB>label]"; a run of spaces or tabs between the
 * times is accepted too, the label is whatever follows the next one. */
static gboolean
parse_label_line (const char *line, gsize len, gint64 *start, gint64 *end,
                  const char **label, gsize *label_len)
{
  const char *p = line, *stop = line + len;

  if (!parse_seconds (p, stop, &p, start))
    return FALSE;
  if (p == stop)
    return FALSE;
  while (p < stop && (*p == '\t' || *p == ' '))
    p++;
  if (!parse_seconds (p, stop, &p, end))
    return FALSE;
  if (p < stop)
    p++;
  *label = p;
  *label_len = stop - p;
  return TRUE;
}

/* Under a label with a frequency range Audacity writes "\<TAB>low<TAB>high". */
static gboolean
is_spectral_line (const char *line, gsize len)
{
  return len > 0 && line[0] == '\\';
}

static guint
audacity_sniff (const char *text, gsize length)
{
  TlLineReader reader;
  const char *line;
  gsize len, window = MIN (length, 4096);
  guint n_labels = 0, n_seen = 0;

  tl_line_reader_init (&reader, text, window);
  while (n_seen < 10 && tl_line_reader_next (&reader, &line, &len))
    {
      const char *p, *stop = line + len, *tab;

      if (tl_text_is_blank (line, len))
        continue;
      /* the window may cut the last line short */
      if (line + len == text + window && window < length)
        break;
      n_seen++;
      if (is_spectral_line (line, len))
        continue;
      /* exactly one tab between the times: the shape Audacity writes */
      if (!looks_like_seconds (line, stop, &p) || p >= stop || *p != '\t')
        return 0;
      tab = p;
      if (!looks_like_seconds (tab + 1, stop, &p) || (p < stop && *p != '\t'))
        return 0;
      n_labels++;
    }
  return n_labels > 0 ? 85 : 0;
}

static TlDocument *
audacity_parse (TlImportContext *ctx, GError **error)
{
  g_autoptr(TlDocument) doc = tl_document_new ("audacity");
  g_autoptr(GString) text = g_string_sized_new (128);
  TlLineReader reader;
  const char *line;
  gsize len;

  tl_line_reader_init (&reader, ctx->text, ctx->length);
  while (tl_line_reader_next (&reader, &line, &len))
    {
      const char *label;
      gsize label_len;
      gint64 start, end;
      TlDocSegment *seg;

      if (tl_text_is_blank (line, len) || is_spectral_line (line, len))
        continue;
      if (!parse_label_line (line, len, &start, &end, &label, &label_len))
        {
          tl_import_fail (ctx, error, reader.line,
                          "expected a start and an end time in seconds, separated by a tab");
          return NULL;
        }
      /* an empty label still marks a region someone chose: kept */
      g_string_truncate (text, 0);
      tl_text_append_clean (text, label, label_len);
      seg = tl_document_add_segment (doc, start, end, text->str, text->len);
      seg->line = reader.line;
    }

  if (doc->segments->len == 0)
    {
      tl_import_fail (ctx, error, 0, "No labels found: not an Audacity label file");
      return NULL;
    }
  return g_steal_pointer (&doc);
}

const TlImporter tl_importer_audacity = {
  .name = "audacity",
  .label = "Audacity labels",
  .sniff = audacity_sniff,
  .parse = audacity_parse,
};
