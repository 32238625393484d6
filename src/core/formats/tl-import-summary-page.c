/* tl-import-summary-page.c: a video summary page copied from a browser: a
 * title, the outlet, a date with the length glued to it ("19 Jun
 * 202411:28"), then sections (Summary, Outlines, Keywords, Transcripts,
 * Related Tags…) whose transcript is "playMM:SS" lines each followed by
 * the words said from then on. */
#include "tl-import.h"
#include <glib/gi18n-lib.h>

#include <string.h>

#include "tl-page.h"
#include "tl-text.h"

#define SNIFF_WINDOW (64 * 1024)

typedef enum {
  SECTION_HEAD,
  SECTION_SUMMARY,
  SECTION_OUTLINES,
  SECTION_KEYWORDS,
  SECTION_TRANSCRIPTS,
  SECTION_TAGS,
  SECTION_FURNITURE, /* Takeaways, Q & A, Mindmap, Highlights, Rate This */
} Section;

static const struct {
  const char *name;
  Section section;
} sections[] = {
  { "Summary", SECTION_SUMMARY },
  { "Takeaways", SECTION_FURNITURE },
  { "Q & A", SECTION_FURNITURE },
  { "Outlines", SECTION_OUTLINES },
  { "Mindmap", SECTION_FURNITURE },
  { "Keywords", SECTION_KEYWORDS },
  { "Highlights", SECTION_FURNITURE },
  { "Transcripts", SECTION_TRANSCRIPTS },
  { "Rate This", SECTION_FURNITURE },
  { "Related Tags", SECTION_TAGS },
};

static int
section_of (const char *line, gsize len)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (tl_page_line_is (line, len, sections[i].name))
      return (int) sections[i].section;
  return -1;
}

/* "play00:05", "play1:02:03": the start of a transcript line. Returns 1
 * for such a line, 0 for any other, -1 for "play" + digits that are no
 * time. */
static int
parse_play (const char *line, gsize len, gint64 *start)
{
  const char *end;

  len = tl_page_trim (&line, len);
  if (len < 5 || strncmp (line, "play", 4) != 0 || !g_ascii_isdigit (line[4]))
    return 0;
  if (!tl_parse_clock (line + 4, &end, start) || end != line + len)
    return -1;
  return 1;
}

/* "00:00" or "1:02:03" alone on its line (an Outlines entry). */
static gboolean
parse_clock_line (const char *line, gsize len, gint64 *start)
{
  const char *end;

  len = tl_page_trim (&line, len);
  return len >= 4 && g_ascii_isdigit (line[0]) && tl_parse_clock (line, &end, start)
         && end == line + len;
}

/* "19 Jun 202411:28" or "19 Jun 2024 11:28": the date, then the length
 * (TL_TIME_NONE when there is none). */
static char *
read_date_line (const char *line, gsize len, gint64 *duration)
{
  char *date;
  const char *p, *end;

  len = tl_page_trim (&line, len);
  *duration = TL_TIME_NONE;
  date = tl_page_parse_date (line, len, &p);
  if (date == NULL)
    return NULL;
  while (p < line + len && *p == ' ')
    p++;
  if (p < line + len && (!tl_parse_clock (p, &end, duration) || end != line + len))
    {
      /* a date with words after it is a sentence, not the date line */
      g_free (date);
      *duration = TL_TIME_NONE;
      return NULL;
    }
  return date;
}

static guint
summary_page_sniff (const char *text, gsize length)
{
  gsize window = MIN (length, SNIFF_WINDOW);
  const char *at = text, *end = text + window;
  TlLineReader reader;
  const char *line;
  gsize len;
  guint head = 0;

  /* the transcript: a "Transcripts" line, then "play00:00" */
  while ((at = g_strstr_len (at, end - at, "\nTranscripts\n")) != NULL)
    {
      at += strlen ("\nTranscripts\n");
      tl_line_reader_init (&reader, at, end - at);
      while (tl_line_reader_next (&reader, &line, &len) && reader.line < 4)
        {
          gint64 start;
          if (tl_text_is_blank (line, len))
            continue;
          if (parse_play (line, len, &start) == 1)
            return 95;
          break;
        }
    }

  /* or at least its head: a date with the length glued on, "Summary" */
  tl_line_reader_init (&reader, text, MIN (window, 4096));
  while (tl_line_reader_next (&reader, &line, &len) && reader.line < 12)
    {
      g_autofree char *date = NULL;
      gint64 duration;

      if (tl_text_is_blank (line, len))
        continue;
      date = read_date_line (line, len, &duration);
      if (date != NULL && duration != TL_TIME_NONE)
        head |= 1;
      else if (tl_page_line_is (line, len, "Summary"))
        head |= 2;
    }
  return head == 3 ? 60 : 0;
}

typedef struct {
  TlDocument *doc;
  GString *text;       /* of the transcript line being read */
  gint64 start;
  guint line;
  gboolean open;
} Pending;

static void
pending_flush (Pending *pending)
{
  TlDocSegment *seg;

  if (!pending->open)
    return;
  pending->open = FALSE;
  if (pending->text->len == 0)
    {
      tl_document_warn (pending->doc, pending->line, _("time without words; left out"));
      return;
    }
  seg = tl_document_add_segment (pending->doc, pending->start, TL_TIME_NONE,
                                 pending->text->str, pending->text->len);
  seg->line = pending->line;
}

static void
append_paragraph (GString *out, const char *line, gsize len, gboolean new_paragraph)
{
  if (out->len > 0)
    g_string_append (out, new_paragraph ? "\n\n" : " ");
  g_string_append_len (out, line, len);
}

static TlDocument *
summary_page_parse (TlImportContext *ctx, GError **error)
{
  g_autoptr(TlDocument) doc = tl_document_new ("summary-page");
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GString) text = g_string_sized_new (256);
  Pending pending = { doc, text, 0, 0, FALSE };
  Section section = SECTION_HEAD;
  TlLineReader reader;
  const char *line;
  gsize len;
  gint64 chapter_start = TL_TIME_NONE;
  gboolean blank_before = TRUE;
  guint head_lines = 0;

  tl_line_reader_init (&reader, ctx->text, ctx->length);
  while (tl_line_reader_next (&reader, &line, &len))
    {
      int next_section;
      gint64 start;
      int play;

      len = tl_page_trim (&line, len);
      if (len == 0)
        {
          blank_before = TRUE;
          continue;
        }
      /* a section name said right after a "play" time is speech */
      next_section = section_of (line, len);
      if (next_section >= 0 && !(section == SECTION_TRANSCRIPTS && pending.open && text->len == 0))
        {
          pending_flush (&pending);
          section = next_section;
          blank_before = TRUE;
          continue;
        }

      switch (section)
        {
        case SECTION_HEAD:
          head_lines++;
          if (head_lines == 1)
            doc->title = tl_document_strndup (doc, line, len);
          else if (doc->published == NULL)
            {
              g_autofree char *date = read_date_line (line, len, &start);
              if (date != NULL)
                {
                  doc->published = tl_document_strdup (doc, date);
                  doc->duration = start;
                }
              else if (doc->outlet == NULL)
                doc->outlet = tl_document_strndup (doc, line, len);
            }
          break;

        case SECTION_SUMMARY:
          if (summary->len == 0 && tl_page_has_prefix (line, len, "TLDR"))
            {
              /* "TLDRRussian President…": the label glued to the text */
              line += 4;
              len -= 4;
              if (len > 0 && *line == ':')
                {
                  line++;
                  len--;
                }
              len = tl_page_trim (&line, len);
            }
          if (len > 0)
            append_paragraph (summary, line, len, blank_before);
          break;

        case SECTION_OUTLINES:
          if (parse_clock_line (line, len, &start))
            chapter_start = start;
          else if (chapter_start != TL_TIME_NONE)
            {
              /* the line after a time is the chapter's title; the
               * paragraph after that describes it */
              gsize skip = tl_page_skip_symbols (line, len);
              g_autofree char *title = g_strndup (line + skip, len - skip);
              tl_document_add_chapter (doc, chapter_start, title);
              chapter_start = TL_TIME_NONE;
            }
          break;

        case SECTION_KEYWORDS:
          {
            /* "💡Term" lines name a keyword; the paragraphs explain it */
            gsize skip = tl_page_skip_symbols (line, len);
            if (skip > 0 && skip < len)
              {
                g_autofree char *keyword = g_strndup (line + skip, len - skip);
                tl_document_add_keyword (doc, keyword);
              }
          }
          break;

        case SECTION_TRANSCRIPTS:
          play = parse_play (line, len, &start);
          if (play < 0)
            {
              tl_import_fail (ctx, error, reader.line, _("“%.*s” is not a valid time"), (int) len, line);
              return NULL;
            }
          if (play > 0)
            {
              pending_flush (&pending);
              g_string_truncate (text, 0);
              pending.start = start;
              pending.line = reader.line;
              pending.open = TRUE;
            }
          else if (pending.open)
            {
              if (text->len > 0)
                g_string_append_c (text, ' ');
              tl_text_append_clean (text, line, len);
            }
          else
            tl_document_warn (doc, reader.line, _("words before the first time; left out"));
          break;

        case SECTION_TAGS:
          tl_page_add_glued_keywords (doc, line, len);
          break;

        case SECTION_FURNITURE:
          break;
        }
      blank_before = FALSE;
    }
  pending_flush (&pending);

  if (summary->len > 0)
    doc->description = tl_document_strndup (doc, summary->str, summary->len);
  doc->title = tl_page_strip_outlet (doc, doc->title, doc->outlet);
  if (doc->segments->len == 0)
    {
      tl_import_fail (ctx, error, 0, _("No “Transcripts” section with timed lines found in the page"));
      return NULL;
    }
  tl_page_chain_ends (doc);
  return g_steal_pointer (&doc);
}

const TlImporter tl_importer_summary_page = {
  .name = "summary-page",
  .label = N_("Video summary page"),
  .sniff = summary_page_sniff,
  .parse = summary_page_parse,
};
