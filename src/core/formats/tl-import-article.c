/* tl-import-article.c: a news article copied from a browser: page chrome,
 * the headline, a photo caption with its credits, an "Updated <date>"
 * line, then paragraphs (the first with its dateline, "SEOUL, South
 * Korea — ") under section headings, and a copyright line that names the
 * outlet. One segment per paragraph, untimed. */
#include "tl-import.h"
#include <glib/gi18n-lib.h>

#include <string.h>

#include "tl-page.h"
#include "tl-text.h"

#define SNIFF_WINDOW (32 * 1024)
/* Headings and headlines are short; a paragraph is more than a line. */
#define SHORT_MAX_WORDS 20
#define SHORT_MAX_BYTES 160
#define HEADLINE_MAX_WORDS 30
#define PROSE_MIN_BYTES 80

typedef enum {
  KIND_BLANK,
  KIND_PROSE,     /* a paragraph */
  KIND_SHORT,     /* a headline, heading, credit or bit of chrome */
  KIND_DATE,      /* "Updated June 18, 2024 at 14:30 PM ET" */
  KIND_BYLINE,    /* "By Jane Doe" */
  KIND_COPYRIGHT, /* "Copyright 2024 NPR": the footer starts */
  KIND_DROPPED,   /* chrome, photo captions and credits */
} Kind;

typedef struct {
  const char *text;
  gsize len;
  guint number;
  Kind kind;
} Line;

/* Page chrome that players, ads and share bars leave in copied text. */
static const char *const furniture[] = {
  "Play Live Radio", "Available On Air Stations", "Sponsor Message",
  "Advertisement", "Skip to content", "Skip to main content", "Share",
  "Share this article", "Listen", "Listen to this article", "Read more",
  "Related", "Related Articles", "Subscribe", "Sign up", "Log in", "Menu",
  "Search", "Close", "Print", "Email", "Comments", "Transcript", "Donate",
  "Toggle more options", "Enlarge this image", "Hide caption", "Show caption",
};

static const char *const date_labels[] = {
  "Updated", "Published", "Posted", "Modified", "Last updated",
};

/* TRUE when @s ends a sentence: . ! ? or …, possibly inside quotes. */
static gboolean
ends_with_stop (const char *s, gsize len)
{
  while (len > 0 && (s[len - 1] == '"' || s[len - 1] == '\'' || s[len - 1] == ')'))
    len--;
  while (len >= 3 && (guchar) s[len - 3] == 0xE2 && (guchar) s[len - 2] == 0x80
         && ((guchar) s[len - 1] == 0x9D || (guchar) s[len - 1] == 0x99))
    len -= 3;
  if (len == 0)
    return FALSE;
  if (s[len - 1] == '.' || s[len - 1] == '!' || s[len - 1] == '?')
    return TRUE;
  return len >= 3 && (guchar) s[len - 3] == 0xE2 && (guchar) s[len - 2] == 0x80
         && (guchar) s[len - 1] == 0xA6;
}

static guint
count_words (const char *s, gsize len)
{
  guint words = 0;
  gboolean in_word = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      gboolean space = s[i] == ' ' || s[i] == '\t';
      if (!space && !in_word)
        words++;
      in_word = !space;
    }
  return words;
}

static gboolean
has_letter (const char *s, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (g_ascii_isalpha (s[i]) || (guchar) s[i] >= 0x80)
      return TRUE;
  return FALSE;
}

/* "SEOUL, South Korea — ", "WASHINGTON — ", "NEW YORK (AP) -- ": a
 * place in capitals, then a dash, before any full stop. */
static gboolean
is_dateline (const char *line, gsize len)
{
  const char *p = line, *end = line + MIN (len, 80);
  guint caps = 0;

  while (p < end && (g_ascii_isupper (*p) || *p == ' ' || *p == '.' || *p == '-' || *p == '\''))
    {
      if (g_ascii_isupper (*p))
        caps++;
      p++;
    }
  if (caps < 2 || p >= end || !(*p == ',' || *p == '(' || (guchar) *p == 0xE2))
    return FALSE;
  for (; p + 2 < end; p++)
    {
      if (*p == '.' || *p == '!' || *p == '?')
        return FALSE;
      if ((guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 && ((guchar) p[2] == 0x94 || (guchar) p[2] == 0x93))
        return TRUE; /* — – */
      if (p[0] == ' ' && p[1] == '-' && (p[2] == '-' || p[2] == ' '))
        return TRUE;
    }
  return FALSE;
}

/* "Updated June 18, 2024 at 14:30 PM ET", "Published: 18 June 2024", or
 * a date alone on its line: the date, else NULL. */
static char *
read_date_line (const char *line, gsize len)
{
  const char *p = line, *end = line + len, *after;
  char *date;

  for (guint i = 0; i < G_N_ELEMENTS (date_labels); i++)
    if (tl_page_has_prefix (line, len, date_labels[i]))
      {
        p = line + strlen (date_labels[i]);
        while (p < end && (*p == ':' || *p == ' ' || *p == '\t'))
          p++;
        return tl_page_parse_date (p, end - p, NULL);
      }
  date = tl_page_parse_date (line, len, &after);
  if (date == NULL)
    return NULL;
  /* a date alone, or with a time after it ("June 18, 2024 2:30 PM") */
  while (after < end && (*after == ' ' || *after == ','))
    after++;
  if (after == end || (g_ascii_isdigit (*after) && count_words (after, end - after) <= 3))
    return date;
  g_free (date);
  return NULL;
}

/* Keeps a date read into @doc's strings. */
static const char *
take_date (TlDocument *doc, char *date)
{
  g_autofree char *owned = date;

  return tl_document_strdup (doc, owned);
}

/* "Copyright 2024 NPR", "© 2024 …", "Copyright © 2020-2024 …": a notice,
 * not a paragraph that starts with the word ("Copyright holders say…"). */
static gboolean
is_copyright (const char *line, gsize len)
{
  const char *p = line, *end = line + len;

  if (len > 200)
    return FALSE;
  if (tl_page_has_prefix (p, end - p, "Copyright"))
    p += strlen ("Copyright");
  else if (!tl_page_has_prefix (p, end - p, "\xc2\xa9"))
    return FALSE;
  for (;;)
    {
      while (p < end && *p == ' ')
        p++;
      if (tl_page_has_prefix (p, end - p, "\xc2\xa9"))
        p += 2;
      else if (tl_page_has_prefix (p, end - p, "(c)"))
        p += 3;
      else
        break;
    }
  return end - p >= 4 && g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1])
         && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]);
}

static gboolean
is_furniture (const char *line, gsize len)
{
  for (guint i = 0; i < G_N_ELEMENTS (furniture); i++)
    if (len == strlen (furniture[i]) && g_ascii_strncasecmp (line, furniture[i], len) == 0)
      return TRUE;
  /* "0:00 0:00" (a player), "Next Up:" (a label whose content is gone) */
  return !has_letter (line, len) || (len < 40 && line[len - 1] == ':');
}

static Kind
classify (const char *line, gsize len)
{
  guint words;

  if (len == 0)
    return KIND_BLANK;
  if (is_copyright (line, len))
    return KIND_COPYRIGHT;
  if (is_furniture (line, len))
    return KIND_DROPPED;
  words = count_words (line, len);
  if (len < 80 && words <= 5 && tl_page_has_prefix (line, len, "By ") && g_ascii_isupper (line[3])
      && !ends_with_stop (line, len))
    return KIND_BYLINE;
  if (len < 80)
    {
      g_autofree char *date = read_date_line (line, len);
      if (date != NULL)
        return KIND_DATE;
    }
  if ((ends_with_stop (line, len) && words >= 4) || len > SHORT_MAX_BYTES || words > SHORT_MAX_WORDS)
    return KIND_PROSE;
  return KIND_SHORT;
}

/* A photo caption is printed twice around its credits; the caption, its
 * copy and the short lines next to them go. */
static void
drop_captions (GArray *lines)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      char *key;
      guint n;

      if (l->len < 40)
        continue;
      key = g_strndup (l->text, l->len);
      n = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key));
      g_hash_table_replace (seen, key, GUINT_TO_POINTER (n + 1));
    }
  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      g_autofree char *key = NULL;

      if (l->len < 40)
        continue;
      key = g_strndup (l->text, l->len);
      if (GPOINTER_TO_UINT (g_hash_table_lookup (seen, key)) < 2)
        continue;
      l->kind = KIND_DROPPED;
      /* credits: the short lines right after it, in the same block */
      for (guint j = i + 1; j < lines->len && g_array_index (lines, Line, j).kind == KIND_SHORT; j++)
        g_array_index (lines, Line, j).kind = KIND_DROPPED;
    }
}

static GArray *
read_lines (const char *text, gsize length)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  TlLineReader reader;
  Line line;

  tl_line_reader_init (&reader, text, length);
  while (tl_line_reader_next (&reader, &line.text, &line.len))
    {
      line.len = tl_page_trim (&line.text, line.len);
      line.number = reader.line;
      line.kind = classify (line.text, line.len);
      g_array_append_val (lines, line);
    }
  return lines;
}

static guint
article_sniff (const char *text, gsize length)
{
  TlLineReader reader;
  const char *line;
  gsize len;
  guint paragraphs = 0, signals = 0;
  gsize window = MIN (length, SNIFF_WINDOW);

  if (window == 0 || text[0] == '{' || text[0] == '<' || g_str_has_prefix (text, "---\n"))
    return 0;
  tl_line_reader_init (&reader, text, window);
  while (tl_line_reader_next (&reader, &line, &len))
    {
      len = tl_page_trim (&line, len);
      if (len == 0)
        continue;
      /* "play00:00" lines, "[Music]": a transcript, not an article */
      if ((len > 5 && strncmp (line, "play", 4) == 0 && g_ascii_isdigit (line[4]))
          || g_strstr_len (line, len, "[Music]") != NULL)
        return 0;
      if (len >= PROSE_MIN_BYTES && len <= 3000 && ends_with_stop (line, len))
        paragraphs++;
      if (is_dateline (line, len) || is_copyright (line, len))
        signals++;
      else if (len < 80)
        {
          for (guint i = 0; i < G_N_ELEMENTS (date_labels); i++)
            if (tl_page_has_prefix (line, len, date_labels[i]))
              {
                g_autofree char *date = read_date_line (line, len);
                signals += date != NULL;
                break;
              }
        }
    }
  /* the copyright line closes the page, past the window of long ones */
  if (length > window)
    {
      const char *tail = text + length - MIN (length, 2048);
      if (g_strstr_len (tail, text + length - tail, "\nCopyright ") != NULL
          || g_strstr_len (tail, text + length - tail, "\n\xc2\xa9") != NULL)
        signals++;
    }
  if (paragraphs < 4 || signals == 0)
    return 0;
  return paragraphs >= 8 && signals >= 2 ? 90 : 85;
}

/* "Copyright 2024 NPR", "© 2024 The Associated Press. All rights reserved." */
static void
read_copyright (TlDocument *doc, const char *line, gsize len)
{
  const char *p = line, *end = line + len, *stop;

  if (tl_page_has_prefix (p, end - p, "Copyright"))
    p += strlen ("Copyright");
  for (;;)
    {
      while (p < end && (*p == ' ' || *p == ',' || *p == '-'))
        p++;
      if (tl_page_has_prefix (p, end - p, "\xc2\xa9"))
        p += 2;
      else if (tl_page_has_prefix (p, end - p, "(c)"))
        p += 3;
      else if (p < end && g_ascii_isdigit (*p))
        while (p < end && g_ascii_isdigit (*p))
          p++;
      else
        break;
    }
  stop = g_strstr_len (p, end - p, ". ");
  if (stop == NULL)
    stop = end;
  while (stop > p && (stop[-1] == '.' || stop[-1] == ' '))
    stop--;
  if (stop > p)
    doc->outlet = tl_document_strndup (doc, p, stop - p);
}

/* The first line of the body: the dateline paragraph, else the first
 * paragraph after the date line, else the first after the headline. */
static guint
find_body (GArray *lines)
{
  guint first = lines->len, after_date = lines->len, after_top = lines->len;
  gboolean seen_date = FALSE, seen_top = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *l = &g_array_index (lines, Line, i);

      if (l->kind == KIND_COPYRIGHT)
        break;
      if (l->kind == KIND_DATE)
        seen_date = TRUE;
      if (l->kind == KIND_PROSE)
        {
          if (is_dateline (l->text, l->len) && first == lines->len)
            first = i;
          if (seen_date && after_date == lines->len)
            after_date = i;
          if (seen_top && after_top == lines->len)
            after_top = i;
        }
      if (l->kind == KIND_PROSE || l->kind == KIND_SHORT)
        seen_top = TRUE;
    }
  if (first < lines->len)
    return first;
  return after_date < lines->len ? after_date : after_top;
}

static TlDocument *
article_parse (TlImportContext *ctx, GError **error)
{
  g_autoptr(TlDocument) doc = tl_document_new ("article");
  g_autoptr(GArray) lines = read_lines (ctx->text, ctx->length);
  g_autoptr(GString) text = g_string_sized_new (1024);
  guint body, headline = G_MAXUINT, headline_words = 0;

  doc->kind = TL_SOURCE_KIND_ARTICLE;
  drop_captions (lines);
  body = find_body (lines);
  if (body >= lines->len)
    {
      tl_import_fail (ctx, error, 0, _("No paragraphs of text found in the article"));
      return NULL;
    }

  /* above the body: the headline (its longest line), a date, chrome */
  for (guint i = 0; i < body; i++)
    {
      const Line *l = &g_array_index (lines, Line, i);
      guint words;

      if (l->kind == KIND_DATE && doc->published == NULL)
        doc->published = take_date (doc, read_date_line (l->text, l->len));
      if (l->kind != KIND_SHORT && l->kind != KIND_PROSE)
        continue;
      words = count_words (l->text, l->len);
      if (words <= HEADLINE_MAX_WORDS && words > headline_words)
        {
          headline = i;
          headline_words = words;
        }
    }
  if (headline != G_MAXUINT)
    {
      const Line *l = &g_array_index (lines, Line, headline);
      g_string_truncate (text, 0);
      tl_text_append_clean (text, l->text, l->len);
      doc->title = tl_document_strndup (doc, text->str, text->len);
    }

  for (guint i = body; i < lines->len; i++)
    {
      const Line *l = &g_array_index (lines, Line, i);
      TlDocSegment *seg;

      switch (l->kind)
        {
        case KIND_COPYRIGHT:
          read_copyright (doc, l->text, l->len);
          i = lines->len; /* what follows is the site's footer */
          continue;
        case KIND_DATE:
          if (doc->published == NULL)
            doc->published = take_date (doc, read_date_line (l->text, l->len));
          continue;
        case KIND_SHORT:
          {
            /* a heading stands right above a paragraph; a short line
             * that does not ("Sponsor Message") is chrome */
            guint k = i + 1;
            while (k < lines->len && (g_array_index (lines, Line, k).kind == KIND_BLANK
                                      || g_array_index (lines, Line, k).kind == KIND_DROPPED))
              k++;
            if (k < lines->len && g_array_index (lines, Line, k).kind == KIND_PROSE)
              {
                g_string_truncate (text, 0);
                tl_text_append_clean (text, l->text, l->len);
                tl_document_add_section (doc, text->str);
              }
          }
          continue;
        case KIND_PROSE:
          g_string_truncate (text, 0);
          tl_text_append_clean (text, l->text, l->len);
          seg = tl_document_add_segment (doc, TL_TIME_NONE, TL_TIME_NONE, text->str, text->len);
          seg->line = l->number;
          continue;
        case KIND_BLANK:
        case KIND_BYLINE:
        case KIND_DROPPED:
          continue;
        }
    }
  return g_steal_pointer (&doc);
}

const TlImporter tl_importer_article = {
  .name = "article",
  .label = N_("News article"),
  .sniff = article_sniff,
  .parse = article_parse,
};
