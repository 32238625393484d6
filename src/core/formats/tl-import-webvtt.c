/* tl-import-webvtt.c: WebVTT (.vtt), read by the blocks of the WebVTT parsing
 * algorithm (header, NOTE, STYLE, REGION, cues) and tolerant of what real files
 * do: YouTube and legacy header lines, times without hours or with invalid
 * fractions, stray blocks, and YouTube's rolling auto-captions. */
#include "tl-import.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tl-text.h"

/* Past this many, lines with invalid times are counted, not listed: a file
 * written by a broken tool has them on every cue. */
#define MAX_TIME_WARNINGS 10

/* One line of a rolling auto-caption cue, cleaned of markup. */
typedef struct {
  char *text;
  const char *raw; /* into Parser.raw; valid for the cue being read only */
  gsize raw_len;
  guint line;
  gboolean timed; /* has word timing tags: a line being spoken, never a repeat */
} RollLine;

typedef struct {
  TlDocument *doc;
  TlLineReader reader;
  const char *line;  /* the current line and its number */
  gsize len;
  guint line_no;
  gboolean unread;   /* the current line is to be read again */
  GString *raw;      /* the text lines of the cue being read, LF-joined */
  GString *clean;    /* scratch for cleaned text */
  GString *word;     /* the word waiting for the next one's start */
  gboolean rolling;  /* YouTube auto-captions: one segment per caption line */
  GArray *prev_lines; /* RollLine of the previous cue that had text */
  GArray *cur_lines;
  guint n_time_warnings;
  guint first_bad_timing;
  char *first_range;  /* the first time out of range, if it came first */
} Parser;

static guint
webvtt_sniff (const char *text, gsize length)
{
  /* the signature is case-sensitive: "WEBvtt" is not WebVTT */
  if (length < 6 || memcmp (text, "WEBVTT", 6) != 0)
    return 0;
  if (length == 6 || text[6] == '\n' || text[6] == ' ' || text[6] == '\t')
    return 100;
  return 0;
}

static gboolean
next_line (Parser *p)
{
  if (p->unread)
    {
      p->unread = FALSE;
      return TRUE;
    }
  if (!tl_line_reader_next (&p->reader, &p->line, &p->len))
    return FALSE;
  p->line_no = p->reader.line;
  return TRUE;
}

/* A "-->" anywhere in a line makes it a timing line, by the WebVTT rules:
 * it ends whatever block came before, blank line or not. */
static gboolean
has_arrow (const char *line, gsize len)
{
  const char *s, *end = line + len;

  if (len < 3)
    return FALSE;
  for (s = line + 2; s < end && (s = memchr (s, '>', end - s)) != NULL; s++)
    if (s[-1] == '-' && s[-2] == '-')
      return TRUE;
  return FALSE;
}

static gsize
count_digits (const char *s, const char *end)
{
  gsize n = 0;

  while (s + n < end && g_ascii_isdigit (s[n]))
    n++;
  return n;
}

/* TRUE when [s, end) is a time as the WebVTT spec writes it:
 * [HH…:]MM:SS.mmm with two or more hour digits and exactly three
 * fraction digits. */
static gboolean
is_strict_time (const char *s, const char *end)
{
  gsize fields[3];
  guint n = 0;

  for (;;)
    {
      fields[n] = count_digits (s, end);
      s += fields[n++];
      if (n < 3 && s < end && *s == ':')
        {
          s++;
          continue;
        }
      break;
    }
  if (n == 3 && (fields[0] < 2 || fields[1] != 2 || fields[2] != 2))
    return FALSE;
  if (n == 2 && (fields[0] != 2 || fields[1] != 2))
    return FALSE;
  if (n < 2 || s >= end || *s != '.')
    return FALSE;
  return count_digits (s + 1, end) == 3 && s + 4 == end;
}

static const char *
skip_blanks (const char *s, const char *end)
{
  while (s < end && (*s == ' ' || *s == '\t'))
    s++;
  return s;
}

/* A time the spec would refuse but that can be read ("00:01:39",
 * "00:01:41.04"), kept for a warning. */
typedef struct {
  const char *text;
  gsize len;
  gint64 usec;
  const char *range; /* a time no media has: negative, or too late */
  gsize range_len;
} BadTime;

/* Reads one time of a timing line. A time that is negative or past
 * TL_TIME_MAX is left in @bad->range, for the cue to be refused. */
static gboolean
parse_time (const char *s, const char *end, const char **endp, gint64 *usec, BadTime *bad)
{
  const char *q;
  TlTimeScan scan;

  /* the file is NUL-terminated and digits stop at the LF, so the clock
   * parser cannot run past the line */
  scan = tl_scan_clock (s, &q, usec);
  if (scan == TL_TIME_SCAN_NONE || q > end)
    return FALSE;
  if (scan == TL_TIME_SCAN_RANGE)
    {
      if (bad->range == NULL)
        {
          bad->range = s;
          bad->range_len = q - s;
        }
      *usec = 0;
    }
  else if (bad->text == NULL && !is_strict_time (s, q))
    {
      bad->text = s;
      bad->len = q - s;
      bad->usec = *usec;
    }
  *endp = q;
  return TRUE;
}

/* Parses "START --> END[ settings]"; the settings are for placement only. */
static gboolean
parse_timing (const char *line, gsize len, gint64 *start, gint64 *end, BadTime *bad)
{
  const char *s, *lim = line + len;

  bad->text = NULL;
  bad->range = NULL;
  s = skip_blanks (line, lim);
  if (!parse_time (s, lim, &s, start, bad))
    return FALSE;
  s = skip_blanks (s, lim);
  if (lim - s < 3 || memcmp (s, "-->", 3) != 0)
    return FALSE;
  s = skip_blanks (s + 3, lim);
  return parse_time (s, lim, &s, end, bad);
}

static gboolean
has_keyword (const char *line, gsize len, const char *keyword)
{
  gsize n = strlen (keyword);

  return len >= n && memcmp (line, keyword, n) == 0
         && (len == n || line[n] == ' ' || line[n] == '\t');
}

static gboolean
has_prefix (const char *line, gsize len, const char *prefix)
{
  gsize n = strlen (prefix);

  return len >= n && memcmp (line, prefix, n) == 0;
}

/* "Language: en" in YouTube's header (not in the spec, but in every file
 * YouTube writes) is the only header line that tells something. */
static void
read_header_line (TlDocument *doc, const char *line, gsize len)
{
  const char *s, *end = line + len;

  if (doc->language != NULL || !has_prefix (line, len, "Language:"))
    return;
  s = skip_blanks (line + 9, end);
  while (end > s && g_ascii_isspace (end[-1]))
    end--;
  if (end > s)
    doc->language = tl_document_strndup (doc, s, end - s);
}

/* Skips the rest of a block: up to an empty line, or up to a timing line,
 * which is left to start the next block. */
static void
skip_block (Parser *p)
{
  while (next_line (p))
    {
      if (p->len == 0)
        return;
      if (has_arrow (p->line, p->len))
        {
          p->unread = TRUE;
          return;
        }
    }
}

/* A block that is not a cue: comments, style sheets and regions are for
 * display only; anything else lost its timing line and is reported. */
static void
read_other_block (Parser *p, const char *first, gsize first_len, guint first_no)
{
  if (has_keyword (first, first_len, "NOTE")
      || has_keyword (first, first_len, "STYLE")
      || has_keyword (first, first_len, "REGION")
      || has_prefix (first, first_len, "Region:"))
    return;
  if (has_prefix (first, first_len, "Language:") || has_prefix (first, first_len, "Kind:"))
    {
      /* header lines some tools write after a blank line */
      read_header_line (p->doc, first, first_len);
      return;
    }
  tl_document_warn (p->doc, first_no, _("text without a timing line left out"));
}

/* The speaker of a cue: the annotation of its <v> spans ("<v Fred>",
 * "<v.loud Fred>") when they all name the same voice, else NULL. */
static const char *
cue_voice (Parser *p, const char *raw, gsize len)
{
  const char *s = raw, *end = raw + len, *name = NULL;
  gsize name_len = 0;

  while (s < end && (s = memchr (s, '<', end - s)) != NULL)
    {
      const char *q, *close, *a;

      if (end - s < 3 || s[1] != 'v' || !(s[2] == ' ' || s[2] == '\t' || s[2] == '.' || s[2] == '>'))
        {
          s++;
          continue;
        }
      close = memchr (s, '>', end - s);
      if (close == NULL)
        break;
      /* classes ("v.loud.first") run up to the first space */
      for (q = s + 2; q < close && *q != ' ' && *q != '\t'; q++)
        ;
      for (a = skip_blanks (q, close); close > a && g_ascii_isspace (close[-1]); close--)
        ;
      if (close > a)
        {
          if (name == NULL)
            {
              name = a;
              name_len = close - a;
            }
          else if ((gsize) (close - a) != name_len || memcmp (a, name, name_len) != 0)
            return NULL; /* several voices: whose line is whose is in the text */
        }
      s = q;
    }
  if (name == NULL)
    return NULL;
  /* the annotation may hold entities ("<v Tom &amp; Ann>") */
  g_string_truncate (p->clean, 0);
  tl_text_append_clean (p->clean, name, name_len);
  return p->clean->len > 0 ? tl_document_strndup (p->doc, p->clean->str, p->clean->len) : NULL;
}

/* If @s starts a timestamp tag ("<00:05:04.199>"), returns its time and
 * where the tag ends. */
static gboolean
timestamp_tag (const char *s, const char *end, gint64 *usec, const char **tag_end)
{
  const char *q;

  if (end - s < 5 || !g_ascii_isdigit (s[1]))
    return FALSE;
  if (!tl_parse_clock (s + 1, &q, usec) || q >= end || *q != '>')
    return FALSE;
  *tag_end = q + 1;
  return TRUE;
}

static gboolean
has_timestamp_tag (const char *raw, gsize len)
{
  const char *s = raw, *end = raw + len, *q;
  gint64 t;

  for (; s < end && (s = memchr (s, '<', end - s)) != NULL; s++)
    if (timestamp_tag (s, end, &t, &q))
      return TRUE;
  return FALSE;
}

/* The text before a timestamp tag is one timed word (or, in karaoke-style
 * files, the run of words the tag marks); it ends where the next begins. */
static void
add_chunk (Parser *p, const char *chunk, gsize len, gint64 start,
           gboolean *pending, gint64 *pending_start)
{
  g_string_truncate (p->clean, 0);
  tl_text_append_clean (p->clean, chunk, len);
  if (p->clean->len == 0)
    return;
  if (*pending)
    tl_document_add_word (p->doc, *pending_start, MAX (start, *pending_start),
                          p->word->str, p->word->len);
  g_string_truncate (p->word, 0);
  g_string_append_len (p->word, p->clean->str, p->clean->len);
  *pending = TRUE;
  *pending_start = start;
}

/* Adds the words of a cue's text to the last segment, when the text has
 * timestamp tags: the first word starts with the cue, each other word at
 * its tag, and each ends where the next starts or with the cue. */
static void
add_words (Parser *p, const char *raw, gsize len, gint64 start, gint64 end)
{
  const char *s = raw, *lim = raw + len, *chunk = raw;
  gint64 chunk_start = start, pending_start = 0;
  gboolean pending = FALSE, any = FALSE;

  while (s < lim && (s = memchr (s, '<', lim - s)) != NULL)
    {
      gint64 t;
      const char *q;

      if (!timestamp_tag (s, lim, &t, &q))
        {
          s++;
          continue;
        }
      add_chunk (p, chunk, s - chunk, chunk_start, &pending, &pending_start);
      chunk = s = q;
      chunk_start = t;
      any = TRUE;
    }
  if (!any)
    return;
  add_chunk (p, chunk, lim - chunk, chunk_start, &pending, &pending_start);
  if (pending)
    tl_document_add_word (p->doc, pending_start, MAX (end, pending_start),
                          p->word->str, p->word->len);
}

static void
roll_line_clear (gpointer data)
{
  RollLine *line = data;

  g_free (line->text);
}

/* YouTube's auto-captions roll up: each cue shows the line before it again
 * above the line being spoken (whose words carry timing tags), and a short
 * cue shows the finished line alone. Only lines not seen in the cue before
 * become segments, so no word is repeated. */
static void
emit_rolling_cue (Parser *p, gint64 start, gint64 end, guint timing_no)
{
  const char *s = p->raw->str, *lim = p->raw->str + p->raw->len;
  const char *speaker = cue_voice (p, p->raw->str, p->raw->len);
  guint n, m, k, line_no = timing_no;
  GArray *swap;

  g_array_set_size (p->cur_lines, 0);
  while (s <= lim && p->raw->len > 0)
    {
      const char *nl = memchr (s, '\n', lim - s);
      const char *e = nl ? nl : lim;
      RollLine rl = { NULL, s, e - s, ++line_no, FALSE };

      g_string_truncate (p->clean, 0);
      tl_text_append_clean (p->clean, s, e - s);
      if (p->clean->len > 0)
        {
          rl.text = g_strndup (p->clean->str, p->clean->len);
          rl.timed = has_timestamp_tag (s, e - s);
          g_array_append_val (p->cur_lines, rl);
        }
      if (nl == NULL)
        break;
      s = nl + 1;
    }

  /* the longest run of leading lines that repeats the end of the cue before */
  n = p->cur_lines->len;
  m = p->prev_lines->len;
  for (k = MIN (n, m); k > 0; k--)
    {
      guint i;
      for (i = 0; i < k; i++)
        {
          RollLine *cur = &g_array_index (p->cur_lines, RollLine, i);
          RollLine *prev = &g_array_index (p->prev_lines, RollLine, m - k + i);
          if (cur->timed || strcmp (cur->text, prev->text) != 0)
            break;
        }
      if (i == k)
        break;
    }

  if (k > 0 && k == n && p->doc->segments->len > 0)
    {
      /* nothing new: the finished line stays on screen a little longer */
      TlDocSegment *last = &g_array_index (p->doc->segments, TlDocSegment,
                                           p->doc->segments->len - 1);
      if (end > last->end && strcmp (last->text, g_array_index (p->cur_lines, RollLine, n - 1).text) == 0)
        last->end = end;
    }
  for (guint i = k; i < n; i++)
    {
      RollLine *rl = &g_array_index (p->cur_lines, RollLine, i);
      TlDocSegment *seg = tl_document_add_segment (p->doc, start, end, rl->text, -1);

      seg->line = rl->line;
      seg->speaker = speaker;
      add_words (p, rl->raw, rl->raw_len, start, end);
    }

  if (n > 0)
    {
      swap = p->prev_lines;
      p->prev_lines = p->cur_lines;
      p->cur_lines = swap;
    }
}

static void
emit_cue (Parser *p, gint64 start, gint64 end, guint timing_no)
{
  const char *speaker;
  TlDocSegment *seg;

  if (p->rolling)
    {
      emit_rolling_cue (p, start, end, timing_no);
      return;
    }
  speaker = cue_voice (p, p->raw->str, p->raw->len);
  g_string_truncate (p->clean, 0);
  tl_text_append_clean (p->clean, p->raw->str, p->raw->len);
  seg = tl_document_add_segment (p->doc, start, end, p->clean->str, p->clean->len);
  seg->line = timing_no;
  seg->speaker = speaker;
  add_words (p, p->raw->str, p->raw->len, start, end);
}

/* Reads a cue from its timing line (the current line) to the end of its
 * text: an empty line, the end of the file, or the next timing line. */
static void
read_cue (Parser *p)
{
  gint64 start, end;
  BadTime bad;
  guint timing_no = p->line_no;

  if (!parse_timing (p->line, p->len, &start, &end, &bad))
    {
      tl_document_warn (p->doc, timing_no, _("cannot read the cue times; cue left out"));
      if (p->first_bad_timing == 0)
        p->first_bad_timing = timing_no;
      skip_block (p);
      return;
    }
  if (bad.range != NULL)
    {
      g_autofree char *word = g_strndup (bad.range, bad.range_len);

      if (word[0] == '-')
        tl_document_warn (p->doc, timing_no, _("time “%s” is negative; cue left out"), word);
      else
        tl_document_warn (p->doc, timing_no, _("time “%s” is past %d hours; cue left out"),
                          word, TL_TIME_MAX_HOURS);
      if (p->first_bad_timing == 0)
        {
          p->first_bad_timing = timing_no;
          p->first_range = g_steal_pointer (&word);
        }
      skip_block (p);
      return;
    }
  if (bad.text != NULL && p->n_time_warnings++ < MAX_TIME_WARNINGS)
    {
      g_autofree char *read_as = tl_format_clock (bad.usec, TRUE, '.');
      g_autofree char *word = g_strndup (bad.text, bad.len);

      /* say how it was read: ".04" as 40 ms is a choice the user may not share */
      tl_document_warn (p->doc, timing_no, _("time “%s” is not in WebVTT form (HH:MM:SS.mmm); read as %s"),
                        word, read_as);
    }

  g_string_truncate (p->raw, 0);
  while (next_line (p))
    {
      if (p->len == 0)
        break;
      if (has_arrow (p->line, p->len))
        {
          p->unread = TRUE;
          break;
        }
      if (p->raw->len > 0)
        g_string_append_c (p->raw, '\n');
      g_string_append_len (p->raw, p->line, p->len);
    }
  emit_cue (p, start, end, timing_no);
}

/* YouTube's word timing tags ("<00:05:04.199><c> will</c>") mark a file of
 * rolling auto-captions. */
static gboolean
is_rolling (const char *text, gsize length)
{
  const char *s = text, *end = text + length;

  for (; s < end && (s = memchr (s, '>', end - s)) != NULL; s++)
    {
      const char *open;

      if (end - s < 4 || memcmp (s + 1, "<c>", 3) != 0 || s == text || !g_ascii_isdigit (s[-1]))
        continue;
      for (open = s - 1; open > text && open > s - 20 && *open != '<' && *open != '\n'; open--)
        ;
      if (*open == '<' && g_ascii_isdigit (open[1]))
        return TRUE;
    }
  return FALSE;
}

static TlDocument *
webvtt_parse (TlImportContext *ctx, GError **error)
{
  g_autoptr(TlDocument) doc = tl_document_new ("webvtt");
  g_autoptr(GString) raw = g_string_sized_new (256);
  g_autoptr(GString) clean = g_string_sized_new (256);
  g_autoptr(GString) word = g_string_sized_new (64);
  g_autoptr(GArray) prev_lines = g_array_new (FALSE, FALSE, sizeof (RollLine));
  g_autoptr(GArray) cur_lines = g_array_new (FALSE, FALSE, sizeof (RollLine));
  Parser p = { 0 };
  g_autofree char *first_range = NULL;

  if (webvtt_sniff (ctx->text, ctx->length) == 0)
    {
      tl_import_fail (ctx, error, 1, _("The file does not start with “WEBVTT”"));
      return NULL;
    }
  g_array_set_clear_func (prev_lines, roll_line_clear);
  g_array_set_clear_func (cur_lines, roll_line_clear);
  p.doc = doc;
  p.raw = raw;
  p.clean = clean;
  p.word = word;
  p.prev_lines = prev_lines;
  p.cur_lines = cur_lines;
  p.rolling = is_rolling (ctx->text, ctx->length);
  tl_line_reader_init (&p.reader, ctx->text, ctx->length);

  /* the header: the signature line and whatever follows it up to the first
   * blank line (YouTube's Kind:, Language:, Style: and CSS, legacy Region:) */
  next_line (&p);
  while (next_line (&p))
    {
      if (tl_text_is_blank (p.line, p.len))
        break;
      if (has_arrow (p.line, p.len))
        {
          p.unread = TRUE;
          break;
        }
      read_header_line (doc, p.line, p.len);
    }

  while (next_line (&p))
    {
      const char *first;
      gsize first_len;
      guint first_no;

      /* lines of spaces between blocks are not blank to the spec, but
       * they separate nothing else in real files */
      if (tl_text_is_blank (p.line, p.len))
        continue;
      if (has_arrow (p.line, p.len))
        {
          read_cue (&p);
          continue;
        }
      first = p.line;
      first_len = p.len;
      first_no = p.line_no;
      if (!next_line (&p) || p.len == 0)
        {
          read_other_block (&p, first, first_len, first_no);
          continue;
        }
      if (has_arrow (p.line, p.len))
        {
          /* the first line was the cue's identifier: nothing to keep */
          read_cue (&p);
          continue;
        }
      skip_block (&p);
      read_other_block (&p, first, first_len, first_no);
    }
  first_range = p.first_range;

  if (p.n_time_warnings > MAX_TIME_WARNINGS)
    tl_document_warn (doc, 0, g_dngettext (GETTEXT_PACKAGE, "%u more line with a time not in WebVTT form",
                                           "%u more lines with times not in WebVTT form",
                                           p.n_time_warnings - MAX_TIME_WARNINGS),
                      p.n_time_warnings - MAX_TIME_WARNINGS);
  if (doc->segments->len == 0)
    {
      if (p.first_range != NULL && p.first_range[0] == '-')
        tl_import_fail (ctx, error, p.first_bad_timing, _("time “%s” is negative, and no other cues to keep"),
                        p.first_range);
      else if (p.first_range != NULL)
        tl_import_fail (ctx, error, p.first_bad_timing, _("time “%s” is past %d hours, and no other cues to keep"),
                        p.first_range, TL_TIME_MAX_HOURS);
      else if (p.first_bad_timing > 0)
        tl_import_fail (ctx, error, p.first_bad_timing, _("Cannot read the cue times"));
      else
        tl_import_fail (ctx, error, 0, _("No cues found in the WebVTT file"));
      return NULL;
    }
  return g_steal_pointer (&doc);
}

const TlImporter tl_importer_webvtt = {
  .name = "webvtt",
  .label = N_("WebVTT"),
  .sniff = webvtt_sniff,
  .parse = webvtt_parse,
};
