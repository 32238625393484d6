/* tl-import-text.c: the fallback for any other text: paragraphs separated
 * by blank lines; a paragraph of short lines gives a segment per line
 * (a transcript typed line by line), any other goes through the
 * segmenter (sentences, or pieces of unpunctuated captions). Untimed. */
#include "tl-import.h"
#include <glib/gi18n-lib.h>

#include <string.h>

#include "tl-page.h"
#include "tl-segmenter.h"
#include "tl-text.h"

#define SNIFF_WINDOW 4096
/* Lines shorter than this, three or more in a paragraph, are one each. */
#define SHORT_LINE_BYTES 200
#define SHORT_LINES_MIN 3
#define TITLE_MAX_CHARS 120
/* A lone word is no transcript; a short note of a few words may be one.
 * Broken files of timed formats ("garbage vtt file") are refused by their
 * name in tl-import.c, so this need not guess at them. */
#define MIN_WORDS 2

/* A line a subtitle or label file would have: "00:01.000 --> …",
 * "0:00:14.2 …", "12.5<TAB>13.0<TAB>label", a cue number alone. */
static gboolean
is_timed_line (const char *line, gsize len)
{
  const char *end;
  gint64 usec;

  if (len == 0 || !g_ascii_isdigit (line[0]))
    return FALSE;
  if (tl_parse_clock (line, &end, &usec) && end <= line + len)
    return TRUE;
  if (tl_parse_seconds (line, &end, &usec) && end < line + len && *end == '\t')
    return TRUE;
  return FALSE;
}

static guint
text_sniff (const char *text, gsize length)
{
  TlLineReader reader;
  const char *line;
  gsize len;
  guint words = 0, lines = 0, timed = 0;
  gboolean first = TRUE;

  tl_line_reader_init (&reader, text, MIN (length, SNIFF_WINDOW));
  while (tl_line_reader_next (&reader, &line, &len) && lines < 40)
    {
      const char *t = line;
      gsize tlen = tl_page_trim (&t, len);
      gboolean in_word = FALSE;

      if (tlen == 0)
        continue;
      if (first)
        {
          gsize digits = 0;

          /* data, markup and subtitle signatures are not plain text */
          if (t[0] == '{' || t[0] == '<' || tl_page_has_prefix (t, tlen, "WEBVTT")
              || tl_page_has_prefix (t, tlen, "[Script Info]"))
            return 0;
          while (digits < tlen && g_ascii_isdigit (t[digits]))
            digits++;
          if (digits == tlen)
            return 0; /* a cue number */
          first = FALSE;
        }
      if (g_strstr_len (t, tlen, "-->") != NULL)
        return 0;
      lines++;
      timed += is_timed_line (t, tlen);
      for (gsize i = 0; i < tlen; i++)
        {
          gboolean space = t[i] == ' ' || t[i] == '\t';
          if (!space && !in_word)
            words++;
          in_word = !space;
        }
    }
  /* most lines starting with a time: a timed format, read by its own
   * importer or refused, not flattened to untimed text */
  if (words < MIN_WORDS || (timed >= 2 && timed * 2 >= lines))
    return 0;
  return 1;
}

typedef struct {
  TlDocument *doc;
  const char *start; /* first line of the paragraph */
  const char *end;   /* end of its last line */
  guint line;
  guint n_lines;
  gboolean all_short;
} Paragraph;

static void
paragraph_flush (Paragraph *para, GString *buf)
{
  TlLineReader reader;
  const char *line;
  gsize len;

  if (para->n_lines == 0)
    return;
  if (para->n_lines >= SHORT_LINES_MIN && para->all_short)
    {
      tl_line_reader_init (&reader, para->start, para->end - para->start);
      while (tl_line_reader_next (&reader, &line, &len))
        {
          TlDocSegment *seg;

          g_string_truncate (buf, 0);
          tl_text_append_clean (buf, line, len);
          if (buf->len == 0)
            continue;
          seg = tl_document_add_segment (para->doc, TL_TIME_NONE, TL_TIME_NONE, buf->str, buf->len);
          seg->line = para->line + reader.line - 1;
        }
    }
  else
    tl_document_add_prose (para->doc, para->start, para->end - para->start, para->line);
  para->n_lines = 0;
}

static TlDocument *
text_parse (TlImportContext *ctx, GError **error)
{
  g_autoptr(TlDocument) doc = tl_document_new ("text");
  g_autoptr(GString) buf = g_string_sized_new (256);
  Paragraph para = { doc, NULL, NULL, 0, 0, TRUE };
  Paragraph title = { doc, NULL, NULL, 0, 0, TRUE };
  TlLineReader reader;
  const char *line;
  gsize len;
  guint n_paragraphs = 0;

  tl_line_reader_init (&reader, ctx->text, ctx->length);
  while (tl_line_reader_next (&reader, &line, &len))
    {
      if (tl_text_is_blank (line, len))
        {
          if (para.n_lines == 0)
            continue;
          /* a short first line on its own is the title, not speech */
          if (n_paragraphs++ == 0 && para.n_lines == 1
              && g_utf8_strlen (para.start, para.end - para.start) < TITLE_MAX_CHARS)
            {
              title = para;
              para.n_lines = 0;
            }
          paragraph_flush (&para, buf);
          continue;
        }
      if (para.n_lines == 0)
        {
          para.start = line;
          para.line = reader.line;
          para.all_short = TRUE;
        }
      para.end = line + len;
      para.n_lines++;
      if (len >= SHORT_LINE_BYTES)
        para.all_short = FALSE;
    }
  paragraph_flush (&para, buf);

  if (title.n_lines > 0)
    {
      /* with nothing after it, that line is the text itself */
      if (doc->segments->len == 0)
        paragraph_flush (&title, buf);
      else
        {
          g_string_truncate (buf, 0);
          tl_text_append_clean (buf, title.start, title.end - title.start);
          doc->title = tl_document_strndup (doc, buf->str, buf->len);
        }
    }
  if (doc->segments->len == 0)
    {
      tl_import_fail (ctx, error, 0, _("No text found in the file"));
      return NULL;
    }
  return g_steal_pointer (&doc);
}

const TlImporter tl_importer_text = {
  .name = "text",
  .label = N_("Plain text"),
  .sniff = text_sniff,
  .parse = text_parse,
};
