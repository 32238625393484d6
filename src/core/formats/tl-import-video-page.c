/* tl-import-video-page.c: a video's transcript as transcript generators
 * save it: front matter between "---" lines (length, keywords, the
 * channel's description), a "# Title", an "**Outlet:** [date](url)" line,
 * then one bullet per line of speech ending in a link to its time:
 * "*  text [[00:00:05](https://…watch?v=ID&t=5.56s)]". */
#include "tl-import.h"
#include <glib/gi18n-lib.h>

#include <string.h>

#include "tl-page.h"
#include "tl-text.h"

/* How far sniffing looks: front matter holds a whole channel description. */
#define SNIFF_WINDOW (64 * 1024)

/* Front-matter keys the generators write; any other "Word: …" line inside
 * the description ("Follow us on X: …") is part of the description. */
static const char *const front_keys[] = {
  "Date Generated", "Transcription Model", "Length", "Video Keywords",
  "Video Views", "Video Rating", "Video Description", "Video Title",
  "Video URL", "Video Id", "Channel",
};

static gboolean
is_fence (const char *line, gsize len)
{
  return tl_page_line_is (line, len, "---");
}

/* The key of a "Key: value" front-matter line, or -1; @value is what
 * follows the colon. */
static int
front_key (const char *line, gsize len, const char **value, gsize *value_len)
{
  for (guint i = 0; i < G_N_ELEMENTS (front_keys); i++)
    {
      gsize n = strlen (front_keys[i]);
      if (len > n && memcmp (line, front_keys[i], n) == 0 && line[n] == ':')
        {
          *value = line + n + 1;
          *value_len = tl_page_trim (value, len - n - 1);
          return (int) i;
        }
    }
  return -1;
}

/* The link at the end of a bullet: "[[00:00:05](url)]". Returns where it
 * starts (the text ends there) or NULL. */
static const char *
find_time_link (const char *line, gsize len, const char **url, gsize *url_len,
                const char **clock)
{
  const char *end = line + len, *link = NULL, *close;

  for (const char *p = line; p + 1 < end; p++)
    if (p[0] == '[' && p[1] == '[')
      link = p;
  if (link == NULL)
    return NULL;
  *clock = link + 2;
  *url = g_strstr_len (link, end - link, "](");
  if (*url == NULL)
    return NULL;
  *url += 2;
  close = memchr (*url, ')', end - *url);
  *url_len = (close ? close : end) - *url;
  return link;
}

/* The "t=" of a video address: "t=5.5600000000000005s", "t=65", "t=1m5s". */
static gboolean
parse_time_param (const char *url, gsize len, gint64 *usec)
{
  const char *end = url + len;

  for (const char *p = url; p + 2 < end; p++)
    if ((*p == '?' || *p == '&' || *p == '#') && p[1] == 't' && p[2] == '=')
      {
        const char *v = p + 3, *q, *stop = memchr (v, '&', end - v);
        if (!tl_parse_seconds (v, &q, usec) || *usec < 0)
          return FALSE;
        if (q < end && (*q == 'h' || *q == 'm'))
          {
            *usec = tl_page_parse_duration (v, (stop ? stop : end) - v);
            return *usec != TL_TIME_NONE;
          }
        return TRUE;
      }
  return FALSE;
}

/* Text of a bullet without Markdown: "[label](url)" keeps its label,
 * emphasis marks go, then the usual clean-up of tags and spaces. */
static void
append_plain (GString *out, const char *text, gsize len)
{
  g_autoptr(GString) tmp = g_string_sized_new (len);
  const char *p = text, *end = text + len;

  while (p < end)
    {
      if (*p == '[')
        {
          const char *close = memchr (p, ']', end - p);
          if (close && close + 1 < end && close[1] == '(')
            {
              const char *paren = memchr (close, ')', end - close);
              if (paren)
                {
                  g_string_append_len (tmp, p + 1, close - p - 1);
                  p = paren + 1;
                  continue;
                }
            }
        }
      if ((*p == '*' || *p == '_') && p + 1 < end && p[1] == *p)
        {
          p += 2;
          continue;
        }
      g_string_append_c (tmp, *p++);
    }
  tl_text_append_clean (out, tmp->str, tmp->len);
}

/* "['Russia', 'North Korea', \"Kim's\"]" (a Python list) or "a, b". */
static void
add_keyword_list (TlDocument *doc, const char *value, gsize len)
{
  const char *p = value, *end = value + len;

  if (len == 0 || *p != '[')
    {
      tl_page_add_glued_keywords (doc, value, len);
      return;
    }
  p++;
  while (p < end)
    {
      char quote;
      g_autoptr(GString) word = NULL;

      while (p < end && (*p == ' ' || *p == ',' || *p == ']'))
        p++;
      if (p >= end || (*p != '\'' && *p != '"'))
        break;
      quote = *p++;
      word = g_string_new (NULL);
      while (p < end && *p != quote)
        {
          if (*p == '\\' && p + 1 < end)
            p++;
          g_string_append_c (word, *p++);
        }
      p++;
      g_strstrip (word->str);
      if (word->str[0] != '\0')
        tl_document_add_keyword (doc, word->str);
    }
}

/* The channel's description up to its first paragraph of boilerplate
 * (links, calls to subscribe, hashtags, licensing). */
static void
set_description (TlDocument *doc, const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = NULL;
      gboolean boilerplate = FALSE;

      g_strstrip (paragraphs[i]);
      if (paragraphs[i][0] == '\0')
        continue;
      lines = g_strsplit (paragraphs[i], "\n", -1);
      for (guint j = 0; lines[j] != NULL && !boilerplate; j++)
        boilerplate = tl_page_is_boilerplate (lines[j], strlen (lines[j]));
      if (boilerplate)
        break;
      if (out->len > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, paragraphs[i]);
    }
  if (out->len > 0)
    doc->description = tl_document_strndup (doc, out->str, out->len);
}

/* "**CBS - Face the Nation - World News:** [June 18, 2024](https://…)" */
static gboolean
parse_outlet_line (TlDocument *doc, const char *line, gsize len)
{
  const char *end = line + len, *close, *date, *date_end, *url, *url_end;
  g_autofree char *published = NULL;
  g_autofree char *id = NULL;

  if (len < 5 || strncmp (line, "**", 2) != 0)
    return FALSE;
  close = g_strstr_len (line + 2, len - 2, ":**");
  if (close == NULL)
    return FALSE;
  doc->outlet = tl_document_strndup (doc, line + 2, close - line - 2);
  date = memchr (close, '[', end - close);
  if (date == NULL)
    return TRUE;
  date_end = memchr (date, ']', end - date);
  if (date_end == NULL)
    return TRUE;
  published = tl_page_parse_date (date + 1, date_end - date - 1, NULL);
  if (published)
    doc->published = tl_document_strdup (doc, published);
  if (date_end + 1 < end && date_end[1] == '(')
    {
      url = date_end + 2;
      url_end = memchr (url, ')', end - url);
      if (url_end == NULL)
        url_end = end;
      doc->url = tl_document_strndup (doc, url, url_end - url);
      id = tl_page_video_id (url, url_end - url);
      if (id)
        doc->external_id = tl_document_strdup (doc, id);
    }
  return TRUE;
}

static gboolean
is_bullet (const char *line, gsize len)
{
  return len >= 2 && (line[0] == '*' || line[0] == '-') && (line[1] == ' ' || line[1] == '\t');
}

static guint
video_page_sniff (const char *text, gsize length)
{
  TlLineReader reader;
  const char *line;
  gsize len;
  guint keys = 0, bullets = 0;
  gboolean in_front = FALSE, closed = FALSE;

  tl_line_reader_init (&reader, text, MIN (length, SNIFF_WINDOW));
  while (tl_line_reader_next (&reader, &line, &len))
    {
      const char *value, *url, *clock;
      gsize value_len, url_len;

      if (!in_front && !closed)
        {
          if (tl_text_is_blank (line, len))
            continue;
          if (!is_fence (line, len))
            return 0;
          in_front = TRUE;
          continue;
        }
      if (in_front)
        {
          int key = front_key (line, len, &value, &value_len);
          if (is_fence (line, len))
            {
              in_front = FALSE;
              closed = TRUE;
            }
          else if (key >= 0 && (g_str_has_prefix (front_keys[key], "Video ")
                                || strcmp (front_keys[key], "Length") == 0))
            keys++;
          continue;
        }
      if (is_bullet (line, len) && find_time_link (line, len, &url, &url_len, &clock)
          && g_strstr_len (url, url_len, "t=") != NULL && ++bullets == 3)
        break;
    }
  if (!closed || keys == 0 || bullets == 0)
    return 0;
  return 95;
}

static TlDocument *
video_page_parse (TlImportContext *ctx, GError **error)
{
  g_autoptr(TlDocument) doc = tl_document_new ("video-page");
  g_autoptr(GString) description = NULL;
  g_autoptr(GString) text = g_string_sized_new (256);
  TlLineReader reader;
  const char *line;
  gsize len;
  enum { BEFORE, FRONT, DESCRIPTION, BODY } state = BEFORE;
  guint front_line = 0;

  tl_line_reader_init (&reader, ctx->text, ctx->length);
  while (tl_line_reader_next (&reader, &line, &len))
    {
      const char *value, *url, *clock, *link;
      gsize value_len, url_len;
      int key;

      if (state == BEFORE)
        {
          if (tl_text_is_blank (line, len))
            continue;
          if (!is_fence (line, len))
            {
              tl_import_fail (ctx, error, reader.line, _("Expected front matter opening with “---”"));
              return NULL;
            }
          front_line = reader.line;
          state = FRONT;
          continue;
        }
      if (state == FRONT || state == DESCRIPTION)
        {
          if (is_fence (line, len))
            {
              state = BODY;
              continue;
            }
          key = front_key (line, len, &value, &value_len);
          if (key < 0)
            {
              if (state == DESCRIPTION)
                {
                  g_string_append_c (description, '\n');
                  g_string_append_len (description, line, len);
                }
              continue;
            }
          state = FRONT;
          if (strcmp (front_keys[key], "Length") == 0)
            {
              doc->duration = tl_page_parse_duration (value, value_len);
              if (doc->duration == TL_TIME_NONE && value_len > 0)
                tl_document_warn (doc, reader.line, _("length “%.*s” not understood"),
                                  (int) value_len, value);
            }
          else if (strcmp (front_keys[key], "Video Keywords") == 0)
            add_keyword_list (doc, value, value_len);
          else if (strcmp (front_keys[key], "Video Description") == 0)
            {
              description = g_string_new_len (value, value_len);
              state = DESCRIPTION;
            }
          continue;
        }

      /* the body */
      len = tl_page_trim (&line, len);
      if (len == 0)
        continue;
      if (len > 2 && line[0] == '#' && line[1] == ' ' && doc->title == NULL)
        {
          const char *t = line + 2;
          gsize tlen = tl_page_trim (&t, len - 2);
          doc->title = tl_document_strndup (doc, t, tlen);
          continue;
        }
      if (doc->outlet == NULL && doc->segments->len == 0 && parse_outlet_line (doc, line, len))
        continue;
      if (!is_bullet (line, len))
        {
          tl_document_warn (doc, reader.line, _("line not understood; left out"));
          continue;
        }
      link = find_time_link (line, len, &url, &url_len, &clock);
      if (link == NULL)
        {
          tl_document_warn (doc, reader.line, _("line without a time link; left out"));
          continue;
        }
      {
        gint64 start;
        TlDocSegment *seg;

        /* the address holds the exact time; the clock shown is rounded */
        if (!parse_time_param (url, url_len, &start) && !tl_parse_clock (clock, NULL, &start))
          {
            tl_import_fail (ctx, error, reader.line, _("The time link has no readable time"));
            return NULL;
          }
        g_string_truncate (text, 0);
        append_plain (text, line + 2, link - line - 2);
        seg = tl_document_add_segment (doc, start, TL_TIME_NONE, text->str, text->len);
        seg->line = reader.line;
      }
    }

  if (state == FRONT || state == DESCRIPTION)
    {
      tl_import_fail (ctx, error, front_line, _("The front matter opened here is never closed by “---”"));
      return NULL;
    }
  if (description)
    set_description (doc, description->str);
  if (doc->segments->len == 0)
    {
      tl_import_fail (ctx, error, 0, _("No timed transcript lines found in the page"));
      return NULL;
    }

  tl_page_chain_ends (doc);
  return g_steal_pointer (&doc);
}

const TlImporter tl_importer_video_page = {
  .name = "video-page",
  .label = N_("Video transcript page"),
  .sniff = video_page_sniff,
  .parse = video_page_parse,
};
