/* tl-import-timestamped.c: plain-text transcripts whose lines start with a
 * time ("[00:01:23] Speaker: text", "0:00:14.2 **Speaker** text") or whose
 * paragraphs sit under a "Speaker Name  00:01:23" line, as Descript, Rev,
 * Otter, Trint and podcast sites export them. */
#include "tl-import.h"
#include <glib/gi18n-lib.h>

#include <string.h>

#include "tl-text.h"

#define MAX_NAME_BYTES 48
#define MAX_NAME_WORDS 5
#define MAX_HEADER_BYTES 100

static inline gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static inline gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

/* Reads a clock time at @p: H:MM:SS or M:SS (hours and minutes up to three
 * digits), with an optional fraction after '.' or ','. Two-digit seconds
 * are required so that "2:1" or "3:30pm" do not pass for times. SMPTE
 * frames ("00:01:23:12") are read and dropped: their rate is unknown and
 * they are worth less than a second. */
static gboolean
read_clock (const char *p, const char *end, gint64 *usec, const char **endp)
{
  const char *q = p;
  guint n_fields = 1, digits = 0;

  while (q < end && is_digit (*q) && digits < 4)
    q++, digits++;
  if (digits == 0 || digits > 3)
    return FALSE;
  while (n_fields < 3 && end - q >= 3 && q[0] == ':' && is_digit (q[1]) && is_digit (q[2])
         && (end - q == 3 || !is_digit (q[3])))
    {
      q += 3;
      n_fields++;
    }
  if (n_fields < 2)
    return FALSE;
  /* the clock parser stops at the first character that is not its own */
  if (!tl_parse_clock (p, &q, usec) || q > end)
    return FALSE;
  if (n_fields == 3 && end - q >= 3 && q[0] == ':' && is_digit (q[1]) && is_digit (q[2])
      && (end - q == 3 || !is_digit (q[3])))
    q += 3;
  if (q < end && g_ascii_isalnum (*q))
    return FALSE;
  *endp = q;
  return TRUE;
}

static const char *
skip_blanks (const char *p, const char *end)
{
  while (p < end && is_blank (*p))
    p++;
  return p;
}

/* Skips "-", "–", "—", "|" or ':' standing between a time and the text. */
static const char *
skip_separator (const char *p, const char *end)
{
  const char *q = p;

  if (q < end && (*q == '-' || *q == '|' || *q == ':'))
    q++;
  else if (end - q >= 3 && (guchar) q[0] == 0xE2 && (guchar) q[1] == 0x80
           && ((guchar) q[2] == 0x93 || (guchar) q[2] == 0x94))
    q += 3;
  else
    return p;
  if (q < end && !is_blank (*q))
    return p;
  return skip_blanks (q, end);
}

/* After a first time, "- 00:01:30", "--> 00:01:30" or ",0:01:30" make it a
 * range; anything else is left for the text. */
static const char *
read_range_end (const char *p, const char *end, gint64 *stop)
{
  const char *q = skip_blanks (p, end);

  if (end - q >= 3 && memcmp (q, "-->", 3) == 0)
    q += 3;
  else if (q < end && (*q == '-' || *q == ','))
    q++;
  else if (end - q >= 3 && (guchar) q[0] == 0xE2 && (guchar) q[1] == 0x80
           && ((guchar) q[2] == 0x93 || (guchar) q[2] == 0x94))
    q += 3;
  else
    return p;
  q = skip_blanks (q, end);
  if (!read_clock (q, end, stop, &q))
    {
      *stop = TL_TIME_NONE;
      return p;
    }
  return q;
}

/* A time opening a line: "00:01:23", "[01:23]", "(01:23)", "[00:01:23.45]",
 * "[01:23](https://…#t=83)", "[00:00:01 - 00:00:05]". On success @rest is
 * where the text starts. */
static gboolean
read_leading_time (const char *line, const char *end, gint64 *start, gint64 *stop,
                   const char **rest)
{
  const char *p = skip_blanks (line, end);
  char close = 0;

  *stop = TL_TIME_NONE;
  if (p < end && (*p == '[' || *p == '('))
    {
      close = *p == '[' ? ']' : ')';
      p = skip_blanks (p + 1, end);
    }
  if (!read_clock (p, end, start, &p))
    return FALSE;
  p = read_range_end (p, end, stop);
  if (close)
    {
      p = skip_blanks (p, end);
      if (p >= end || *p != close)
        return FALSE;
      p++;
      /* a time that links to the moment in the episode */
      if (close == ']' && p < end && *p == '(')
        {
          const char *paren = memchr (p, ')', end - p);
          if (paren)
            p = paren + 1;
        }
    }
  else if (p < end && !is_blank (*p) && *p != ':' && *p != '-' && *p != '|'
           && (guchar) *p < 0x80)
    return FALSE; /* "12:30," or "10:15." is a time said in a sentence */
  *rest = skip_separator (skip_blanks (p, end), end);
  return TRUE;
}

/* Whether a word may stand in a name: capitalised ("Adam", "Dr.",
 * "SPEAKER_00"), a number ("Speaker 1"), a role ("(Host)"), a word of a
 * script without case, or a short joining word inside ("van", "de", "and"). */
static gboolean
name_word_ok (gunichar first, gsize n_chars, gboolean edge)
{
  if (g_unichar_islower (first))
    return !edge && n_chars <= 3;
  return g_unichar_isalpha (first) || g_unichar_isdigit (first) || first == '(';
}

/* Whether @p looks like a name a transcript gives a speaker: "Adam
 * Garrett-Harris", "Speaker 1", "Jane Doe (Host)", but not the start of a
 * sentence ("So here's the thing:", "Note that:"). */
static gboolean
looks_like_name (const char *p, gsize len)
{
  const char *end, *q;
  gunichar firsts[MAX_NAME_WORDS];
  gsize lengths[MAX_NAME_WORDS];
  guint n_words = 0;
  gboolean any_alpha = FALSE, in_word = FALSE;

  while (len > 0 && is_blank (p[len - 1]))
    len--;
  if (len == 0 || len > MAX_NAME_BYTES)
    return FALSE;
  end = p + len;
  for (q = p; q < end; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char_validated (q, end - q);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        return FALSE;
      if (c == ' ')
        {
          in_word = FALSE;
          continue;
        }
      if (!in_word)
        {
          if (n_words == MAX_NAME_WORDS)
            return FALSE;
          firsts[n_words] = c;
          lengths[n_words++] = 0;
          in_word = TRUE;
        }
      lengths[n_words - 1]++;
      if (g_unichar_isalpha (c))
        any_alpha = TRUE;
      else if (!(g_unichar_isdigit (c) || c == '.' || c == '\'' || c == 0x2019 || c == '-'
                 || c == '_' || c == '&' || c == '(' || c == ')'))
        return FALSE;
    }
  for (guint i = 0; i < n_words; i++)
    if (!name_word_ok (firsts[i], lengths[i], i == 0 || i == n_words - 1))
      return FALSE;
  return any_alpha;
}

/* "Speaker Name  00:01:23" (Otter), "Name (01:23):" (Rev), "Name [00:01:23]":
 * a line that names who speaks and when; the words come on the next lines. */
static gboolean
read_trailing_time (const char *line, const char *end, gint64 *start,
                    const char **label, gsize *label_len)
{
  const char *e = end, *open, *time_end, *name_end;

  if (end - line > MAX_HEADER_BYTES)
    return FALSE;
  while (e > line && is_blank (e[-1]))
    e--;
  if (e > line && e[-1] == ':')
    e--;
  if (e - line < 4)
    return FALSE;
  if (e[-1] == ')' || e[-1] == ']')
    {
      char opener = e[-1] == ')' ? '(' : '[';
      for (open = e - 2; open > line && *open != opener; open--)
        ;
      if (*open != opener || !read_clock (skip_blanks (open + 1, e), e - 1, start, &time_end)
          || skip_blanks (time_end, e - 1) != e - 1)
        return FALSE;
      name_end = open;
    }
  else
    {
      for (open = e - 1; open > line && !is_blank (*open); open--)
        ;
      if (open == line || !read_clock (open + 1, e, start, &time_end) || time_end != e)
        return FALSE;
      name_end = open;
    }
  /* "Name - 00:01:23", "Name: 00:01:23" */
  while (name_end > line && (is_blank (name_end[-1]) || name_end[-1] == '-' || name_end[-1] == ':'
                             || name_end[-1] == '|'))
    name_end--;
  *label = skip_blanks (line, name_end);
  *label_len = name_end - *label;
  /* "**Name** 00:01:23" */
  if (*label_len > 4 && memcmp (*label, "**", 2) == 0 && memcmp (name_end - 2, "**", 2) == 0)
    {
      *label += 2;
      *label_len -= 4;
    }
  return looks_like_name (*label, *label_len);
}

/* A speaker opening a timed line's text: "**Speaker Name** text",
 * "**Name:** text" or "Name: text". Returns the length of the name (0 if
 * none) and moves @rest past it. */
static gsize
read_speaker (const char **rest, const char *end, const char **name)
{
  const char *p = *rest, *colon;
  gsize len;

  if (end - p > 4 && p[0] == '*' && p[1] == '*')
    {
      const char *close = g_strstr_len (p + 2, MIN (end - p - 2, 64 + 2), "**");
      if (close == NULL || close == p + 2)
        return 0;
      *name = p + 2;
      len = close - *name;
      while (len > 0 && ((*name)[len - 1] == ':' || is_blank ((*name)[len - 1])))
        len--;
      if (len == 0)
        return 0;
      p = skip_blanks (close + 2, end);
      if (p < end && *p == ':')
        p = skip_blanks (p + 1, end);
      *rest = p;
      return len;
    }
  colon = memchr (p, ':', MIN (end - p, MAX_NAME_BYTES + 1));
  if (colon == NULL || colon == p || (colon + 1 < end && !is_blank (colon[1])))
    return 0;
  if (!looks_like_name (p, colon - p))
    return 0;
  *name = p;
  len = colon - p;
  *rest = skip_blanks (colon + 1, end);
  return len;
}

/* Whether the text after a time is only a name, with what the person said
 * on the next line: "00:00:05 Jane Doe" then "Yes it is". A name ends in a
 * letter, a digit or ')': "Okay." or "Right?" alone on a line are said. */
static gboolean
is_name_above_text (const char *rest, const char *end, const TlLineReader *reader)
{
  TlLineReader peek = *reader;
  const char *next;
  gsize next_len;
  gint64 start, stop;
  const char *next_rest;

  if (rest == end || !(g_ascii_isalnum (end[-1]) || end[-1] == ')' || (guchar) end[-1] >= 0x80)
      || !looks_like_name (rest, end - rest))
    return FALSE;
  if (!tl_line_reader_next (&peek, &next, &next_len) || tl_text_is_blank (next, next_len))
    return FALSE;
  return !read_leading_time (next, next + next_len, &start, &stop, &next_rest);
}

/* A stage direction on a line of its own: "(Intro music: Electro Swing)",
 * "[Crosstalk]", "*(laughter)*". */
static gboolean
is_stage_direction (const char *line, const char *end)
{
  while (line < end && (*line == '*' || *line == '_'))
    line++;
  while (end > line && (end[-1] == '*' || end[-1] == '_'))
    end--;
  return end - line >= 2
         && ((line[0] == '(' && end[-1] == ')') || (line[0] == '[' && end[-1] == ']'));
}

/* "---", "***", "===": Markdown rules between parts. */
static gboolean
is_rule (const char *line, const char *end)
{
  if (end - line < 3)
    return FALSE;
  for (const char *p = line; p < end; p++)
    if (*p != line[0] || !(*p == '-' || *p == '*' || *p == '_' || *p == '='))
      return FALSE;
  return TRUE;
}

/* "# Title", "## Part two": the level of a Markdown heading, or 0. */
static gsize
heading_prefix (const char *line, const char *end)
{
  const char *p = line;

  while (p < end && *p == '#' && p - line < 6)
    p++;
  if (p == line || p >= end || !is_blank (*p))
    return 0;
  return skip_blanks (p, end) - line;
}

static inline gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || (guchar) c >= 0x80;
}

/* Appends @p without Markdown: links "[text](url)" become their text,
 * emphasis markers ("**", "*", "_" at a word's edge, "`") go, escapes
 * ("\*") give their character. "snake_case" and "5 * 3" are left alone. */
static void
append_plain (GString *out, const char *p, const char *end)
{
  const char *start = p;

  while (p < end)
    {
      char c = *p;

      if (c == '\\' && p + 1 < end && g_ascii_ispunct (p[1]))
        {
          g_string_append_c (out, p[1]);
          p += 2;
          continue;
        }
      if (c == '[' || (c == '!' && p + 1 < end && p[1] == '['))
        {
          const char *open = c == '!' ? p + 1 : p;
          const char *close = memchr (open, ']', end - open);
          if (close && close + 1 < end && close[1] == '(')
            {
              const char *paren = memchr (close + 1, ')', end - close - 1);
              if (paren)
                {
                  append_plain (out, open + 1, close);
                  p = paren + 1;
                  continue;
                }
            }
        }
      if (c == '*' || c == '_' || c == '`')
        {
          const char *q = p;
          gboolean before, after;
          while (q < end && *q == c)
            q++;
          before = p > start && is_word_char (p[-1]);
          after = q < end && is_word_char (*q);
          /* markers hug the words they mark; "_" inside a word is a letter */
          if (c == '`' || (c == '*' && (before || after)) || (c == '_' && before != after))
            {
              p = q;
              continue;
            }
          g_string_append_len (out, p, q - p);
          p = q;
          continue;
        }
      g_string_append_c (out, c);
      p++;
    }
}

typedef struct {
  TlDocument *doc;
  GString *text;
  GString *speaker;
  GString *scratch;
  gint64 start, end;
  guint line;
  gboolean open;
} Cue;

/* Appends a line of what was said, cleaned, to @buf with one space before. */
static void
append_text (Cue *cue, GString *buf, const char *p, const char *end)
{
  gsize before = buf->len;

  g_string_truncate (cue->scratch, 0);
  append_plain (cue->scratch, p, end);
  if (before > 0)
    g_string_append_c (buf, ' ');
  tl_text_append_clean (buf, cue->scratch->str, cue->scratch->len);
  if (before > 0 && buf->len == before + 1)
    g_string_truncate (buf, before);
}

static void
cue_flush (Cue *cue)
{
  TlDocSegment *seg;

  if (!cue->open)
    return;
  cue->open = FALSE;
  if (cue->text->len == 0)
    {
      tl_document_warn (cue->doc, cue->line, _("time without any text left out"));
      return;
    }
  seg = tl_document_add_segment (cue->doc, cue->start, cue->end, cue->text->str, cue->text->len);
  seg->line = cue->line;
  if (cue->speaker->len > 0)
    seg->speaker = tl_document_strndup (cue->doc, cue->speaker->str, cue->speaker->len);
}

/* Opens a segment at @start; the one before ends here unless it said when. */
static void
cue_begin (Cue *cue, gint64 start, gint64 stop, guint line)
{
  if (cue->open && cue->end == TL_TIME_NONE && start >= cue->start)
    cue->end = start;
  cue_flush (cue);
  cue->start = start;
  cue->end = stop;
  cue->line = line;
  cue->open = TRUE;
  g_string_truncate (cue->text, 0);
  g_string_truncate (cue->speaker, 0);
}

static void
cue_set_speaker (Cue *cue, const char *name, gsize len)
{
  append_text (cue, cue->speaker, name, name + len);
  while (cue->speaker->len > 0 && cue->speaker->str[cue->speaker->len - 1] == ':')
    g_string_truncate (cue->speaker, cue->speaker->len - 1);
}

static gboolean
is_sbv_timing (const char *line, const char *end)
{
  const char *p = skip_blanks (line, end);
  gint64 t;

  return read_clock (p, end, &t, &p) && p < end && *p == ','
         && read_clock (p + 1, end, &t, &p);
}

static guint
timestamped_sniff (const char *text, gsize length)
{
  TlLineReader reader;
  const char *line;
  gsize len;
  guint n_lines = 0, n_timed = 0;
  gboolean after_blank = TRUE;

  if (length >= 6 && strncmp (text, "WEBVTT", 6) == 0)
    return 0;
  /* paragraphs run long; 16 KB holds the first 40 of most transcripts */
  tl_line_reader_init (&reader, text, MIN (length, 16384));
  while (n_lines < 40 && tl_line_reader_next (&reader, &line, &len))
    {
      const char *end = line + len, *rest, *label;
      gint64 start, stop;
      gsize label_len;

      if (tl_text_is_blank (line, len))
        {
          after_blank = TRUE;
          continue;
        }
      n_lines++;
      /* subtitles (SubRip, WebVTT, SBV) have their own importers */
      if (g_strstr_len (line, len, "-->") || is_sbv_timing (line, end))
        return 0;
      if (read_leading_time (line, end, &start, &stop, &rest)
          || (after_blank && read_trailing_time (line, end, &start, &label, &label_len)))
        n_timed++;
      after_blank = FALSE;
    }
  if (n_timed >= 2 || (n_timed > 0 && n_timed * 2 > n_lines))
    return 70;
  return 0;
}

static TlDocument *
timestamped_parse (TlImportContext *ctx, GError **error)
{
  g_autoptr(TlDocument) doc = tl_document_new ("timestamped");
  g_autoptr(GString) text = g_string_sized_new (1024);
  g_autoptr(GString) speaker = g_string_sized_new (64);
  g_autoptr(GString) scratch = g_string_sized_new (1024);
  g_autoptr(GString) heading = g_string_new (NULL);
  Cue cue = { doc, text, speaker, scratch, 0, 0, 0, FALSE };
  TlLineReader reader;
  const char *line;
  gsize len;
  gboolean after_blank = TRUE, any_time = FALSE, warned_leading = FALSE;

  tl_line_reader_init (&reader, ctx->text, ctx->length);
  while (tl_line_reader_next (&reader, &line, &len))
    {
      const char *end = line + len, *rest = NULL, *name = NULL;
      gint64 start, stop;
      gsize name_len = 0;

      line = skip_blanks (line, end);
      while (end > line && g_ascii_isspace (end[-1]))
        end--;
      if (line == end)
        {
          after_blank = TRUE;
          continue;
        }

      if (read_leading_time (line, end, &start, &stop, &rest)
          || (after_blank && read_trailing_time (line, end, &start, &name, &name_len)))
        {
          gboolean header = rest == NULL;

          cue_begin (&cue, start, header ? TL_TIME_NONE : stop, reader.line);
          any_time = TRUE;
          /* a heading marks the part that starts here */
          if (heading->len > 0)
            {
              tl_document_add_chapter (doc, start, heading->str);
              g_string_truncate (heading, 0);
            }
          if (!header)
            name_len = read_speaker (&rest, end, &name);
          if (!header && name_len == 0 && is_name_above_text (rest, end, &reader))
            {
              /* "00:00:05 Jane Doe", her words on the lines below */
              name = rest;
              name_len = end - rest;
              rest = end;
            }
          if (name_len > 0)
            cue_set_speaker (&cue, name, name_len);
          if (!header)
            append_text (&cue, text, rest, end);
        }
      else if (after_blank && is_stage_direction (line, end))
        {
          /* not words said, and no time to hang them on; a run of them
           * ("[ti:Title]" "[ar:Artist]") stands alone too */
          continue;
        }
      else if (is_rule (line, end))
        {
          /* a Markdown rule between parts */
        }
      else if (heading_prefix (line, end) > 0)
        {
          /* the first heading titles the transcript, the others mark parts
           * that start with the next timed line */
          g_string_truncate (heading, 0);
          append_text (&cue, heading, line + heading_prefix (line, end), end);
          if (!any_time && doc->title == NULL)
            {
              doc->title = tl_document_strndup (doc, heading->str, heading->len);
              g_string_truncate (heading, 0);
            }
        }
      else if (cue.open)
        append_text (&cue, text, line, end);
      else if (!warned_leading)
        {
          tl_document_warn (doc, reader.line, _("text before the first time left out"));
          warned_leading = TRUE;
        }
      after_blank = FALSE;
    }
  cue_flush (&cue);

  if (!any_time)
    {
      tl_import_fail (ctx, error, 0, _("No line starts with a time: not a timestamped transcript"));
      return NULL;
    }
  return g_steal_pointer (&doc);
}

const TlImporter tl_importer_timestamped = {
  .name = "timestamped",
  .label = N_("Timestamped text"),
  .sniff = timestamped_sniff,
  .parse = timestamped_parse,
};
