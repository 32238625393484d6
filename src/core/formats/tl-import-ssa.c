/* tl-import-ssa.c: SubStation Alpha v4 (.ssa) and Advanced SubStation Alpha
 * (.ass): the Dialogue lines of [Events], in the field order of its Format
 * line; styles, fonts, pictures and editor sections are skipped. */
#include "tl-import.h"
#include <glib/gi18n-lib.h>

#include <string.h>

#include "tl-text.h"

#define MAX_FIELDS 32

typedef enum {
  SECTION_NONE,
  SECTION_INFO,
  SECTION_EVENTS,
  SECTION_DATA,  /* [Fonts], [Graphics]: UU-encoded files, not text */
  SECTION_OTHER, /* styles, editor data, anything unknown */
} Section;

static const struct {
  const char *name;
  Section section;
} sections[] = {
  { "Script Info", SECTION_INFO },
  { "Events", SECTION_EVENTS },
  { "Fonts", SECTION_DATA },
  { "Graphics", SECTION_DATA },
  { "V4 Styles", SECTION_OTHER },
  { "V4+ Styles", SECTION_OTHER },
  { "V4++ Styles", SECTION_OTHER },
  { "Aegisub Project Garbage", SECTION_OTHER },
  { "Aegisub Extradata", SECTION_OTHER },
};

/* Where the fields the importer needs sit in a Dialogue line. */
typedef struct {
  guint n_fields;
  gint start, end, name, text;
} Format;

/* Both SSA v4 ("Marked, Start, End, Style, Name, …, Text") and ASS
 * ("Layer, Start, End, Style, Name, …, Text") have ten fields with the
 * ones that matter at the same places, so one default serves a file that
 * lacks its Format line. */
static const Format default_format = { 10, 1, 2, 4, 9 };

static gsize
trim_end (const char *line, gsize len)
{
  while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
    len--;
  return len;
}

static gboolean
has_prefix (const char *line, gsize len, const char *prefix)
{
  gsize n = strlen (prefix);

  return len >= n && g_ascii_strncasecmp (line, prefix, n) == 0;
}

/* The section a "[Name]" line opens, or -1 if @line is no section header.
 * Inside UU-encoded data, whose alphabet includes '[' and ']', only the
 * names above count, so that a line of data cannot end the section. */
static gint
section_header (const char *line, gsize len, gboolean in_data)
{
  len = trim_end (line, len);
  if (len < 3 || line[0] != '[' || line[len - 1] != ']')
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      gsize n = strlen (sections[i].name);
      if (n == len - 2 && g_ascii_strncasecmp (line + 1, sections[i].name, n) == 0)
        return sections[i].section;
    }
  return in_data ? -1 : SECTION_OTHER;
}

static guint
ssa_sniff (const char *text, gsize length)
{
  TlLineReader reader;
  const char *line;
  gsize len;
  gboolean events = FALSE;

  tl_line_reader_init (&reader, text, MIN (length, 4096));
  while (tl_line_reader_next (&reader, &line, &len))
    {
      while (len > 0 && (*line == ' ' || *line == '\t'))
        line++, len--;
      if (has_prefix (line, len, "[Script Info]"))
        return reader.p - text <= 2048 ? 100 : 90;
      if (has_prefix (line, len, "[V4 Styles]") || has_prefix (line, len, "[V4+ Styles]"))
        return 80;
      if (has_prefix (line, len, "[Events]"))
        events = TRUE;
      else if (events && has_prefix (line, len, "Dialogue:"))
        return 70;
    }
  return 0;
}

/* Reads "Format: Marked, Start, End, …" into @format; FALSE if the
 * fields an event needs are not all there. */
static gboolean
parse_format (const char *line, gsize len, Format *format)
{
  const char *p = line, *end = line + len;
  Format f = { 0, -1, -1, -1, -1 };

  while (p <= end && f.n_fields < MAX_FIELDS)
    {
      const char *comma = memchr (p, ',', end - p);
      const char *field_end = comma ? comma : end;
      gsize n;

      while (p < field_end && (*p == ' ' || *p == '\t'))
        p++;
      n = trim_end (p, field_end - p);
      if (n == 5 && g_ascii_strncasecmp (p, "Start", 5) == 0)
        f.start = f.n_fields;
      else if (n == 3 && g_ascii_strncasecmp (p, "End", 3) == 0)
        f.end = f.n_fields;
      else if ((n == 4 && g_ascii_strncasecmp (p, "Name", 4) == 0)
               || (n == 5 && g_ascii_strncasecmp (p, "Actor", 5) == 0))
        f.name = f.n_fields;
      else if (n == 4 && g_ascii_strncasecmp (p, "Text", 4) == 0)
        f.text = f.n_fields;
      f.n_fields++;
      if (comma == NULL)
        break;
      p = comma + 1;
    }
  /* the Text field takes the rest of the line, commas and all */
  if (f.start < 0 || f.end < 0 || f.text < 0 || f.text != (gint) f.n_fields - 1)
    return FALSE;
  *format = f;
  return TRUE;
}

static gboolean
parse_time (const char *field, gsize len, gint64 *usec)
{
  const char *p;

  if (!tl_parse_clock (field, &p, usec))
    return FALSE;
  while (p < field + len && (*p == ' ' || *p == '\t'))
    p++;
  return p == field + len;
}

/* Copies @text without its {…} blocks (override tags and the notes editors
 * leave in braces) and without the shapes of drawing mode ({\p1}m 0 0 l …
 * {\p0}), which are pictures, not words. */
static void
strip_blocks (GString *out, const char *text, gsize len)
{
  const char *p = text, *end = text + len;
  gboolean drawing = FALSE;

  while (p < end)
    {
      const char *open = memchr (p, '{', end - p);
      const char *close;

      if (open == NULL)
        open = end;
      if (!drawing)
        g_string_append_len (out, p, open - p);
      if (open == end)
        break;
      close = memchr (open, '}', end - open);
      if (close == NULL)
        {
          /* an unclosed brace is text */
          if (!drawing)
            g_string_append_len (out, open, end - open);
          break;
        }
      for (const char *q = open; q + 2 < close; q++)
        if (q[0] == '\\' && q[1] == 'p' && g_ascii_isdigit (q[2]))
          drawing = q[2] != '0';
      p = close + 1;
    }
}

typedef struct {
  TlDocument *doc;
  GString *text;
  GString *scratch;
  const char *speaker;       /* last speaker, in doc strings */
  gsize speaker_len;
} Events;

static void
parse_dialogue (Events *ev, const Format *format, const char *line, gsize len, guint line_no)
{
  const char *fields[MAX_FIELDS];
  gsize lens[MAX_FIELDS];
  const char *p = line, *end = line + len;
  gint64 start, stop;
  TlDocSegment *seg, *prev;
  const char *speaker = NULL;

  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  for (guint i = 0; i + 1 < format->n_fields; i++)
    {
      const char *comma = memchr (p, ',', end - p);
      if (comma == NULL)
        {
          tl_document_warn (ev->doc, line_no, _("Dialogue line with %u fields instead of %u left out"),
                            i + 1, format->n_fields);
          return;
        }
      fields[i] = p;
      lens[i] = comma - p;
      p = comma + 1;
    }
  fields[format->n_fields - 1] = p;
  lens[format->n_fields - 1] = end - p;

  if (!parse_time (fields[format->start], lens[format->start], &start)
      || !parse_time (fields[format->end], lens[format->end], &stop))
    {
      tl_document_warn (ev->doc, line_no, _("Dialogue line with a time not understood left out"));
      return;
    }

  if (format->name >= 0)
    {
      const char *name = fields[format->name];
      gsize n = lens[format->name];

      while (n > 0 && (*name == ' ' || *name == '\t'))
        name++, n--;
      n = trim_end (name, n);
      if (n > 0)
        {
          /* speakers repeat from line to line: keep one copy of each run */
          if (ev->speaker == NULL || ev->speaker_len != n || memcmp (ev->speaker, name, n) != 0)
            {
              ev->speaker = tl_document_strndup (ev->doc, name, n);
              ev->speaker_len = n;
            }
          speaker = ev->speaker;
        }
    }

  g_string_truncate (ev->text, 0);
  if (memchr (fields[format->text], '{', lens[format->text]) != NULL)
    {
      g_string_truncate (ev->scratch, 0);
      strip_blocks (ev->scratch, fields[format->text], lens[format->text]);
      tl_text_append_clean (ev->text, ev->scratch->str, ev->scratch->len);
    }
  else
    tl_text_append_clean (ev->text, fields[format->text], lens[format->text]);

  /* a line drawn twice on two layers (outline and fill) is said once */
  if (ev->doc->segments->len > 0)
    {
      prev = tl_document_get_segment (ev->doc, ev->doc->segments->len - 1);
      if (prev->start == start && prev->end == stop && prev->speaker == speaker
          && strcmp (prev->text, ev->text->str) == 0)
        return;
    }
  seg = tl_document_add_segment (ev->doc, start, stop, ev->text->str, ev->text->len);
  seg->line = line_no;
  seg->speaker = speaker;
}

/* "Title: …" in [Script Info]; the placeholders editors write are no title. */
static void
parse_info (TlDocument *doc, const char *line, gsize len)
{
  const char *value;
  gsize n;

  if (!has_prefix (line, len, "Title:"))
    return;
  value = line + 6;
  n = len - 6;
  while (n > 0 && (*value == ' ' || *value == '\t'))
    value++, n--;
  n = trim_end (value, n);
  if (n == 0 || (n == 10 && memcmp (value, "<untitled>", 10) == 0)
      || (n == 20 && memcmp (value, "Default Aegisub file", 20) == 0))
    return;
  doc->title = tl_document_strndup (doc, value, n);
}

static TlDocument *
ssa_parse (TlImportContext *ctx, GError **error)
{
  g_autoptr(TlDocument) doc = tl_document_new ("ssa");
  g_autoptr(GString) text = g_string_sized_new (256);
  g_autoptr(GString) scratch = g_string_sized_new (256);
  Events ev = { doc, text, scratch, NULL, 0 };
  Format format = default_format;
  Section section = SECTION_NONE;
  gboolean seen_events = FALSE;
  TlLineReader reader;
  const char *line;
  gsize len;

  tl_line_reader_init (&reader, ctx->text, ctx->length);
  while (tl_line_reader_next (&reader, &line, &len))
    {
      gint header;

      if (len == 0)
        continue;
      if (line[0] == '[' && (header = section_header (line, len, section == SECTION_DATA)) >= 0)
        {
          section = header;
          if (section == SECTION_EVENTS)
            {
              seen_events = TRUE;
              format = default_format;
            }
          continue;
        }
      switch (section)
        {
        case SECTION_INFO:
          parse_info (doc, line, len);
          break;
        case SECTION_EVENTS:
          if (has_prefix (line, len, "Dialogue:"))
            parse_dialogue (&ev, &format, line + 9, len - 9, reader.line);
          else if (has_prefix (line, len, "Format:"))
            {
              if (!parse_format (line + 7, len - 7, &format))
                {
                  tl_document_warn (doc, reader.line,
                                    _("Format line without Start, End and a last Text field; "
                                    "the usual order assumed"));
                  format = default_format;
                }
            }
          /* Comment:, Picture:, Sound:, Movie:, Command: and junk are skipped */
          break;
        case SECTION_NONE:
        case SECTION_DATA:
        case SECTION_OTHER:
        default:
          break;
        }
    }

  if (doc->segments->len == 0)
    {
      tl_import_fail (ctx, error, 0, seen_events
                      ? _("The [Events] section holds no Dialogue lines")
                      : _("No [Events] section: not a SubStation Alpha file"));
      return NULL;
    }
  return g_steal_pointer (&doc);
}

const TlImporter tl_importer_ssa = {
  .name = "ssa",
  .label = N_("SubStation Alpha / ASS"),
  .sniff = ssa_sniff,
  .parse = ssa_parse,
};
