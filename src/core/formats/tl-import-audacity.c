/* tl-import-audacity.c: Audacity label tracks exported as text: one
 * "start<TAB>end<TAB>label" line per label, times in seconds. */
#include "tl-import.h"

#include <glib/gi18n-lib.h>
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

static TlTimeScan
parse_seconds (const char *p, const char *end, const char **endp, gint64 *usec)
{
  const char *q;
  char small[64];
  g_autofree char *large = NULL;
  char *buf = small, *comma;

  if (!looks_like_seconds (p, end, &q) || (q < end && *q != '\t' && *q != ' '))
    return TL_TIME_SCAN_NONE;
  *endp = q;
  /* copied so that the number ends in a NUL; long ones are rare */
  if ((gsize) (q - p) >= sizeof small)
    buf = large = g_malloc (q - p + 1);
  memcpy (buf, p, q - p);
  buf[q - p] = '\0';
  comma = strchr (buf, ',');
  if (comma)
    *comma = '.';
  return tl_scan_seconds (buf, NULL, usec);
}

/* Reads "start<TAB>end[<TAB>label]"; a run of spaces or tabs between the
 * times is accepted too, the label is whatever follows the next one. A
 * time too large to be one gives TL_TIME_SCAN_RANGE, and @bad_time and
 * @bad_len then say where it is. */
static TlTimeScan
parse_label_line (const char *line, gsize len, gint64 *start, gint64 *end,
                  const char **label, gsize *label_len, const char **bad_time, gsize *bad_len)
{
  const char *p = line, *stop = line + len, *t;
  TlTimeScan s1, s2;

  s1 = parse_seconds (p, stop, &p, start);
  if (s1 == TL_TIME_SCAN_NONE || p == stop)
    return TL_TIME_SCAN_NONE;
  *bad_time = line;
  *bad_len = p - line;
  while (p < stop && (*p == '\t' || *p == ' '))
    p++;
  t = p;
  s2 = parse_seconds (p, stop, &p, end);
  if (s2 == TL_TIME_SCAN_NONE)
    return TL_TIME_SCAN_NONE;
  if (s1 == TL_TIME_SCAN_RANGE)
    return TL_TIME_SCAN_RANGE;
  *bad_time = t;
  *bad_len = p - t;
  if (s2 == TL_TIME_SCAN_RANGE)
    return TL_TIME_SCAN_RANGE;
  if (p < stop)
    p++;
  *label = p;
  *label_len = stop - p;
  return TL_TIME_SCAN_OK;
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
  guint first_range = 0;

  tl_line_reader_init (&reader, ctx->text, ctx->length);
  while (tl_line_reader_next (&reader, &line, &len))
    {
      const char *label, *bad;
      gsize label_len, bad_len;
      gint64 start, end;
      TlDocSegment *seg;
      TlTimeScan scan;

      if (tl_text_is_blank (line, len) || is_spectral_line (line, len))
        continue;
      scan = parse_label_line (line, len, &start, &end, &label, &label_len, &bad, &bad_len);
      if (scan == TL_TIME_SCAN_NONE)
        {
          tl_import_fail (ctx, error, reader.line,
                          _("expected a start and an end time in seconds, separated by a tab"));
          return NULL;
        }
      if (scan == TL_TIME_SCAN_RANGE)
        {
          g_autofree char *word = g_strndup (bad, MIN (bad_len, 40));

          tl_document_warn (doc, reader.line, _("time “%s” is past %d hours; label left out"),
                            word, TL_TIME_MAX_HOURS);
          if (first_range == 0)
            first_range = reader.line;
          continue;
        }
      /* an empty label still marks a region someone chose: kept */
      g_string_truncate (text, 0);
      tl_text_append_clean (text, label, label_len);
      seg = tl_document_add_segment (doc, start, end, text->str, text->len);
      seg->line = reader.line;
    }

  if (doc->segments->len == 0 && first_range > 0)
    {
      tl_import_fail (ctx, error, first_range, _("time past %d hours, and no other labels to keep"),
                      TL_TIME_MAX_HOURS);
      return NULL;
    }
  if (doc->segments->len == 0)
    {
      tl_import_fail (ctx, error, 0, _("No labels found: not an Audacity label file"));
      return NULL;
    }
  return g_steal_pointer (&doc);
}

const TlImporter tl_importer_audacity = {
  .name = "audacity",
  .label = N_("Audacity labels"),
  .sniff = audacity_sniff,
  .parse = audacity_parse,
};
