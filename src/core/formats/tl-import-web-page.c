/* tl-import-web-page.c: a video page copied from a browser whose captions
 * came along as ONE long untimed paragraph: a title line, page chrome,
 * the transcript, then the channel's description and boilerplate, or
 * fields such as "Channel:", "Length:", "Published:". */
#include "tl-import.h"
#include <glib/gi18n-lib.h>

#include <string.h>

#include "tl-page.h"
#include "tl-segmenter.h"
#include "tl-text.h"

#define SNIFF_WINDOW (64 * 1024)
/* A transcript paragraph is at least this long: about a minute of speech. */
#define TRANSCRIPT_MIN_BYTES 800
#define TRANSCRIPT_MIN_WORDS 120
/* Captions that continue the transcript on further lines. */
#define CONTINUATION_MIN_BYTES 300

typedef enum {
  FIELD_NONE = -1,
  FIELD_CHANNEL,
  FIELD_KEYWORDS,
  FIELD_ID,
  FIELD_LENGTH,
  FIELD_PUBLISHED,
  FIELD_IGNORED, /* Views, Rating, Channel Id… */
} Field;

static const struct {
  const char *name;
  Field field;
} fields[] = {
  { "Channel", FIELD_CHANNEL },
  { "Keywords", FIELD_KEYWORDS },
  { "Tags", FIELD_KEYWORDS },
  { "Id", FIELD_ID },
  { "Video Id", FIELD_ID },
  { "Length", FIELD_LENGTH },
  { "Duration", FIELD_LENGTH },
  { "Published", FIELD_PUBLISHED },
  { "Upload Date", FIELD_PUBLISHED },
  { "Uploaded", FIELD_PUBLISHED },
  { "Channel Id", FIELD_IGNORED },
  { "Views", FIELD_IGNORED },
  { "Rating", FIELD_IGNORED },
  { "Likes", FIELD_IGNORED },
  { "Category", FIELD_IGNORED },
};

/* The field a "Name: value" line sets, with its value; "undefined" and
 * other placeholders a page prints for missing data count as no value. */
static Field
parse_field (const char *line, gsize len, const char **value, gsize *value_len)
{
  static const char *const placeholders[] = { "undefined", "null", "none", "n/a", "unknown" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gsize n = strlen (fields[i].name);

      if (len > n && g_ascii_strncasecmp (line, fields[i].name, n) == 0 && line[n] == ':')
        {
          *value = line + n + 1;
          *value_len = tl_page_trim (value, len - n - 1);
          for (guint j = 0; j < G_N_ELEMENTS (placeholders); j++)
            if (*value_len == strlen (placeholders[j])
                && g_ascii_strncasecmp (*value, placeholders[j], *value_len) == 0)
              *value_len = 0;
          return fields[i].field;
        }
    }
  return FIELD_NONE;
}

/* A mark such as "[Music]" only machine captions have. */
static gboolean
has_caption_mark (const char *line, gsize len)
{
  static const char *const marks[] = { "[Music]", "[Applause]", "[Laughter]", "[music]", "[applause]" };

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (g_strstr_len (line, len, marks[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Captions rather than written prose: no punctuation to speak of, or the
 * marks automatic captions put in. */
static gboolean
is_caption_like (const char *line, gsize len, guint min_words)
{
  guint words, sentences = tl_prose_count_sentences (line, len, &words);

  if (has_caption_mark (line, len))
    return TRUE;
  return words >= min_words && !tl_prose_is_punctuated (sentences, words);
}

typedef struct {
  const char *text;
  gsize len;
  guint number;
} Line;

static GArray *
split_lines (const char *text, gsize length)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  TlLineReader reader;
  Line line;

  tl_line_reader_init (&reader, text, length);
  while (tl_line_reader_next (&reader, &line.text, &line.len))
    {
      line.len = tl_page_trim (&line.text, line.len);
      line.number = reader.line;
      g_array_append_val (lines, line);
    }
  return lines;
}

static guint
longest_line (GArray *lines)
{
  guint best = 0;

  for (guint i = 1; i < lines->len; i++)
    if (g_array_index (lines, Line, i).len > g_array_index (lines, Line, best).len)
      best = i;
  return best;
}

static guint
first_text_line (GArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    if (g_array_index (lines, Line, i).len > 0)
      return i;
  return lines->len;
}

static guint
web_page_sniff (const char *text, gsize length)
{
  g_autoptr(GArray) lines = NULL;
  gsize window = MIN (length, SNIFF_WINDOW);
  guint longest, first, score = 0;
  gboolean channel = FALSE, other_field = FALSE;
  const Line *t;

  /* front matter and structured data belong to other importers */
  if (window == 0 || text[0] == '{' || text[0] == '<' || g_str_has_prefix (text, "---\n"))
    return 0;
  lines = split_lines (text, window);
  first = first_text_line (lines);
  longest = longest_line (lines);
  if (first >= lines->len || longest == first)
    return 0; /* a title must come first */
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *l = &g_array_index (lines, Line, i);
      const char *value;
      gsize value_len;
      Field field = parse_field (l->text, l->len, &value, &value_len);

      if (field == FIELD_CHANNEL && value_len > 0)
        channel = TRUE;
      else if (field == FIELD_ID || field == FIELD_LENGTH || field == FIELD_PUBLISHED)
        other_field = TRUE;
    }
  t = &g_array_index (lines, Line, longest);
  if (t->len >= TRANSCRIPT_MIN_BYTES && is_caption_like (t->text, t->len, TRANSCRIPT_MIN_WORDS))
    score = 85;
  if (t->len >= TRANSCRIPT_MIN_BYTES && channel && other_field)
    score += score > 0 ? 5 : 85;
  return score;
}

/* The name in "Subscribe to CBC News to watch…", "Connect with CBC News
 * Online:", "Follow CBC News on TikTok:": the capitalised words after the
 * call, up to the first word that is not part of a name. */
static char *
outlet_in_call (const char *line, gsize len)
{
  static const char *const calls[] = {
    "subscribe to ", "connect with ", "follow ", "find ", "like ", "download the ",
  };
  static const char *const not_names[] = {
    "YouTube", "Online", "Channel", "TikTok", "Facebook", "Instagram", "Twitter",
    "Snapchat", "App", "Newsletter", "Podcast",
  };
  const char *p = line, *end = line + len, *name = NULL, *name_end = NULL;

  while (p < end && !g_ascii_isalpha (*p))
    p++;
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    if (tl_page_has_prefix (p, end - p, calls[i]))
      {
        p += strlen (calls[i]);
        if (tl_page_has_prefix (p, end - p, "the "))
          p += 4;
        name = p;
        break;
      }
  if (name == NULL)
    return NULL;
  while (p < end && (g_ascii_isupper (*p) || g_ascii_isdigit (*p)))
    {
      const char *w = p;
      gboolean stop = FALSE;

      while (p < end && *p != ' ' && *p != ':' && *p != ',')
        p++;
      for (guint i = 0; i < G_N_ELEMENTS (not_names); i++)
        if ((gsize) (p - w) == strlen (not_names[i]) && memcmp (w, not_names[i], p - w) == 0)
          stop = TRUE;
      if (stop)
        break;
      name_end = p;
      if (p >= end || *p != ' ')
        break;
      p++;
    }
  return name_end != NULL ? g_strndup (name, name_end - name) : NULL;
}

/* The outlet most of the channel's calls name. */
static void
find_outlet_in_boilerplate (TlDocument *doc, GArray *lines, guint from)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;
  const char *best = NULL;
  guint best_count = 0;

  for (guint i = from; i < lines->len; i++)
    {
      const Line *l = &g_array_index (lines, Line, i);
      char *name;

      if (l->len == 0 || !tl_page_is_boilerplate (l->text, l->len))
        continue;
      name = outlet_in_call (l->text, l->len);
      if (name != NULL)
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));
          g_hash_table_replace (counts, name, GUINT_TO_POINTER (n + 1));
        }
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best_count
        || (GPOINTER_TO_UINT (value) == best_count && best && strcmp (key, best) < 0))
      {
        best = key;
        best_count = GPOINTER_TO_UINT (value);
      }
  if (best != NULL)
    doc->outlet = tl_document_strdup (doc, best);
}

/* An 11-character YouTube id gives the video's address. */
static void
set_video_id (TlDocument *doc, const char *id, gsize len)
{
  gboolean youtube = len == 11;

  for (gsize i = 0; i < len && youtube; i++)
    youtube = g_ascii_isalnum (id[i]) || id[i] == '_' || id[i] == '-';
  doc->external_id = tl_document_strndup (doc, id, len);
  if (youtube && doc->url == NULL)
    {
      g_autofree char *url = g_strdup_printf ("https://www.youtube.com/watch?v=%.*s", (int) len, id);
      doc->url = tl_document_strdup (doc, url);
    }
}

static void
read_fields (TlDocument *doc, GArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *l = &g_array_index (lines, Line, i);
      const char *value;
      gsize value_len;
      Field field = parse_field (l->text, l->len, &value, &value_len);

      if (field == FIELD_NONE || value_len == 0)
        continue;
      switch (field)
        {
        case FIELD_CHANNEL:
          doc->outlet = tl_document_strndup (doc, value, value_len);
          break;
        case FIELD_KEYWORDS:
          tl_page_add_glued_keywords (doc, value, value_len);
          break;
        case FIELD_ID:
          set_video_id (doc, value, value_len);
          break;
        case FIELD_LENGTH:
          doc->duration = tl_page_parse_duration (value, value_len);
          if (doc->duration == TL_TIME_NONE)
            tl_document_warn (doc, l->number, _("length “%.*s” not understood"), (int) value_len, value);
          break;
        case FIELD_PUBLISHED:
          {
            g_autofree char *date = tl_page_parse_date (value, value_len, NULL);
            if (date != NULL)
              doc->published = tl_document_strdup (doc, date);
          }
          break;
        case FIELD_NONE:
        case FIELD_IGNORED:
          break;
        }
    }
}

/* The paragraph right after the transcript, when it is written prose and
 * not the channel's calls to subscribe: the video's description. */
static void
read_description (TlDocument *doc, GArray *lines, guint after)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint i = after + 1;
  const char *value;
  gsize value_len;

  while (i < lines->len && g_array_index (lines, Line, i).len == 0)
    i++;
  for (; i < lines->len; i++)
    {
      const Line *l = &g_array_index (lines, Line, i);

      if (l->len == 0 || tl_page_is_boilerplate (l->text, l->len)
          || parse_field (l->text, l->len, &value, &value_len) != FIELD_NONE)
        break;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_len (out, l->text, l->len);
    }
  if (out->len > 0)
    {
      guint words, sentences = tl_prose_count_sentences (out->str, out->len, &words);
      if (sentences > 0 && tl_prose_is_punctuated (sentences, words))
        doc->description = tl_document_strndup (doc, out->str, out->len);
    }
}

static TlDocument *
web_page_parse (TlImportContext *ctx, GError **error)
{
  g_autoptr(TlDocument) doc = tl_document_new ("web-page");
  g_autoptr(GArray) lines = split_lines (ctx->text, ctx->length);
  guint first = first_text_line (lines);
  guint longest, from, to;
  const Line *t;

  if (first >= lines->len)
    {
      tl_import_fail (ctx, error, 0, _("The page is empty"));
      return NULL;
    }
  longest = longest_line (lines);
  t = &g_array_index (lines, Line, longest);
  if (t->len < CONTINUATION_MIN_BYTES)
    {
      tl_import_fail (ctx, error, 0, _("No transcript paragraph found in the page"));
      return NULL;
    }

  /* captions a page broke over several lines: take their neighbours */
  from = to = longest;
  while (from > first + 1)
    {
      guint k = from - 1;
      while (k > first && g_array_index (lines, Line, k).len == 0)
        k--;
      t = &g_array_index (lines, Line, k);
      if (k <= first || t->len < CONTINUATION_MIN_BYTES || !is_caption_like (t->text, t->len, 0))
        break;
      from = k;
    }
  while (to + 1 < lines->len)
    {
      guint k = to + 1;
      while (k + 1 < lines->len && g_array_index (lines, Line, k).len == 0)
        k++;
      t = &g_array_index (lines, Line, k);
      if (t->len < CONTINUATION_MIN_BYTES || !is_caption_like (t->text, t->len, 0))
        break;
      to = k;
    }

  if (first < from)
    {
      const Line *title = &g_array_index (lines, Line, first);
      doc->title = tl_document_strndup (doc, title->text, title->len);
    }
  read_fields (doc, lines);
  read_description (doc, lines, to);
  if (doc->outlet == NULL)
    find_outlet_in_boilerplate (doc, lines, to + 1);
  doc->title = tl_page_strip_outlet (doc, doc->title, doc->outlet);

  for (guint i = from; i <= to; i++)
    {
      const Line *l = &g_array_index (lines, Line, i);
      if (l->len > 0)
        tl_document_add_prose (doc, l->text, l->len, l->number);
    }
  if (doc->segments->len == 0)
    {
      tl_import_fail (ctx, error, 0, _("No transcript paragraph found in the page"));
      return NULL;
    }
  /* a stated length lets times be spread over the words */
  if (doc->duration != TL_TIME_NONE && doc->duration > 0)
    tl_document_estimate_times (doc, doc->duration);
  return g_steal_pointer (&doc);
}

const TlImporter tl_importer_web_page = {
  .name = "web-page",
  .label = N_("Scraped video page"),
  .sniff = web_page_sniff,
  .parse = web_page_parse,
};
