/* tl-import-whisper-json.c: the JSON written by openai-whisper (and the tools
 * that copy its shape: faster-whisper, WhisperX) and by whisper.cpp's -oj/-ojf. */
#include "tl-import.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "tl-text.h"

static guint
whisper_json_sniff (const char *text, gsize length)
{
  gsize window = MIN (length, 4096), i = 0;

  while (i < window && g_ascii_isspace (text[i]))
    i++;
  if (i >= window || text[i] != '{')
    return 0;
  /* with the quotes, so "audio_segments" of other tools does not count */
  if (g_strstr_len (text + i, window - i, "\"segments\"")
      || g_strstr_len (text + i, window - i, "\"transcription\""))
    return 90;
  return 0;
}

/* Seconds as a JSON number (or, from some tools, a numeric string). A
 * number too large for a time gives TL_TIME_SCAN_RANGE, and @shown (if
 * not NULL) as it was written, for a warning. */
static TlTimeScan
get_seconds (JsonObject *obj, const char *member, gint64 *usec, char **shown)
{
  JsonNode *node = json_object_get_member (obj, member);
  TlTimeScan scan = TL_TIME_SCAN_NONE;
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return TL_TIME_SCAN_NONE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_DOUBLE || type == G_TYPE_INT64)
    {
      double seconds = json_node_get_double (node);
      if (isnan (seconds))
        return TL_TIME_SCAN_NONE;
      scan = tl_time_from_seconds (seconds, usec);
      if (scan == TL_TIME_SCAN_RANGE && shown)
        *shown = g_strdup_printf ("%g", seconds);
    }
  else if (type == G_TYPE_STRING)
    {
      const char *end;
      const char *str = json_node_get_string (node);

      scan = tl_scan_seconds (str, &end, usec);
      if (scan == TL_TIME_SCAN_NONE || *end != '\0')
        return TL_TIME_SCAN_NONE;
      if (scan == TL_TIME_SCAN_RANGE && shown)
        *shown = g_strndup (str, 40);
    }
  return scan;
}

static const char *
get_string (JsonObject *obj, const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
get_object (JsonObject *obj, const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

/* A confidence from 0 to 1 in @member, or -1 when there is none. */
static double
get_confidence (JsonObject *obj, const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);
  double value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return -1;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_DOUBLE:
      value = json_node_get_double (node);
      break;
    case G_TYPE_INT64:
      value = (double) json_node_get_int (node);
      break;
    default:
      return -1;
    }
  return value >= 0 && value <= 1 ? value : -1;
}

static JsonArray *
get_array (JsonObject *obj, const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

/* Milliseconds as whisper.cpp writes them, if a time. */
static TlTimeScan
ms_to_usec (gint64 ms, gint64 *usec, char **shown)
{
  if (ms < -TL_TIME_MAX / TL_USEC_PER_MSEC || ms > TL_TIME_MAX / TL_USEC_PER_MSEC)
    {
      if (shown)
        *shown = g_strdup_printf ("%" G_GINT64_FORMAT " ms", ms);
      return TL_TIME_SCAN_RANGE;
    }
  *usec = ms * TL_USEC_PER_MSEC;
  return TL_TIME_SCAN_OK;
}

static TlTimeScan
clock_to_usec (const char *str, gint64 *usec, char **shown)
{
  TlTimeScan scan = tl_scan_clock (str, NULL, usec);

  if (scan == TL_TIME_SCAN_RANGE && shown)
    *shown = g_strndup (str, 40);
  return scan;
}

/* whisper.cpp gives each range twice: "offsets" in milliseconds, exact, and
 * "timestamps" as clock strings, rounded for display; the first wins. */
static TlTimeScan
get_cpp_range (JsonObject *obj, gint64 *start, gint64 *end, char **shown)
{
  JsonObject *range = get_object (obj, "offsets");
  const char *from, *to;
  TlTimeScan scan;

  if (range != NULL
      && json_object_has_member (range, "from") && json_object_has_member (range, "to"))
    {
      JsonNode *f = json_object_get_member (range, "from");
      JsonNode *t = json_object_get_member (range, "to");
      if (JSON_NODE_HOLDS_VALUE (f) && JSON_NODE_HOLDS_VALUE (t)
          && json_node_get_value_type (f) == G_TYPE_INT64
          && json_node_get_value_type (t) == G_TYPE_INT64)
        {
          scan = ms_to_usec (json_node_get_int (f), start, shown);
          return scan != TL_TIME_SCAN_OK ? scan : ms_to_usec (json_node_get_int (t), end, shown);
        }
    }
  range = get_object (obj, "timestamps");
  if (range == NULL)
    return TL_TIME_SCAN_NONE;
  from = get_string (range, "from");
  to = get_string (range, "to");
  if (from == NULL || to == NULL)
    return TL_TIME_SCAN_NONE;
  scan = clock_to_usec (from, start, shown);
  return scan != TL_TIME_SCAN_OK ? scan : clock_to_usec (to, end, shown);
}

/* Whisper pads texts with a leading space; the cleaner trims it. */
static void
set_clean (GString *buf, const char *text)
{
  g_string_truncate (buf, 0);
  if (text != NULL)
    tl_text_append_clean (buf, text, strlen (text));
}

/* whisper.cpp --diarize names speakers "0", "1", or "?" when unsure. */
static void
set_speaker (TlDocument *doc, TlDocSegment *seg, const char *speaker)
{
  g_autofree char *trimmed = NULL;

  if (speaker == NULL)
    return;
  trimmed = g_strstrip (g_strdup (speaker));
  if (trimmed[0] == '\0' || strcmp (trimmed, "?") == 0)
    return;
  if (strspn (trimmed, "0123456789") == strlen (trimmed))
    {
      g_autofree char *named = g_strdup_printf (_("Speaker %s"), trimmed);
      seg->speaker = tl_document_strdup (doc, named);
    }
  else
    seg->speaker = tl_document_strdup (doc, trimmed);
}

typedef struct {
  TlDocument *doc;
  GString *buf;
  GArray *lines;       /* guint: the line each segment starts on */
  guint n_read;        /* segments with times */
  guint first_range;   /* the first segment timed past any media, + 1 */
  guint first_range_line;
  char *first_shown;
} Whisper;

static guint
segment_line (Whisper *w, guint i)
{
  return i < w->lines->len ? g_array_index (w->lines, guint, i) : 0;
}

/* Whether segment @i's times (read as @scan says) are to be kept; warns
 * about those that are not. */
static gboolean
check_times (Whisper *w, guint i, TlTimeScan scan, const char *shown)
{
  guint line = segment_line (w, i);

  if (scan == TL_TIME_SCAN_OK)
    {
      w->n_read++;
      return TRUE;
    }
  if (scan == TL_TIME_SCAN_NONE)
    tl_document_warn (w->doc, line, _("segment %u has no start or end time; left out"), i + 1);
  else
    {
      if (shown[0] == '-')
        tl_document_warn (w->doc, line, _("segment %u: time %s is negative; left out"), i + 1, shown);
      else
        tl_document_warn (w->doc, line, _("segment %u: time %s is past %d hours; left out"),
                          i + 1, shown, TL_TIME_MAX_HOURS);
      if (w->first_range == 0)
        {
          w->first_range = i + 1;
          w->first_range_line = line;
          w->first_shown = g_strdup (shown);
        }
    }
  return FALSE;
}

/* openai-whisper: {"segments": [{"start", "end", "text", "words": […]}]} */
static void
read_openai (Whisper *w, JsonArray *segments)
{
  TlDocument *doc = w->doc;
  GString *buf = w->buf;

  for (guint i = 0; i < json_array_get_length (segments); i++)
    {
      JsonNode *node = json_array_get_element (segments, i);
      JsonObject *obj;
      JsonArray *words;
      TlDocSegment *seg;
      gint64 start, end;
      g_autofree char *shown = NULL;
      TlTimeScan scan;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      obj = json_node_get_object (node);
      scan = get_seconds (obj, "start", &start, &shown);
      if (scan == TL_TIME_SCAN_OK)
        scan = get_seconds (obj, "end", &end, &shown);
      if (!check_times (w, i, scan, shown))
        continue;
      set_clean (buf, get_string (obj, "text"));
      if (buf->len == 0)
        continue; /* a segment of silence says nothing */
      seg = tl_document_add_segment (doc, start, end, buf->str, buf->len);
      set_speaker (doc, seg, get_string (obj, "speaker"));

      words = get_array (obj, "words");
      for (guint j = 0; words != NULL && j < json_array_get_length (words); j++)
        {
          JsonNode *wnode = json_array_get_element (words, j);
          JsonObject *word;
          const char *text;
          gint64 wstart = TL_TIME_NONE, wend = TL_TIME_NONE;
          double confidence;

          if (!JSON_NODE_HOLDS_OBJECT (wnode))
            continue;
          word = json_node_get_object (wnode);
          /* whisper-timestamped calls it "text" */
          text = get_string (word, "word");
          if (text == NULL)
            text = get_string (word, "text");
          set_clean (buf, text);
          if (buf->len == 0)
            continue;
          /* WhisperX leaves the times out of words it could not align;
           * a word timed past any media is as good as one not aligned */
          if (get_seconds (word, "start", &wstart, NULL) != TL_TIME_SCAN_OK
              || get_seconds (word, "end", &wend, NULL) != TL_TIME_SCAN_OK)
            wstart = wend = TL_TIME_NONE;
          /* openai-whisper's "probability", WhisperX's "score" */
          confidence = get_confidence (word, "probability");
          if (confidence < 0)
            confidence = get_confidence (word, "score");
          tl_document_add_word_full (doc, wstart, wend, buf->str, buf->len, confidence);
        }
    }
}

/* whisper.cpp -ojf lists tokens, not words: " Americ" "ans" ","; a token
 * that starts with a space starts a word, the others continue it. Special
 * tokens ("[_BEG_]", "[_TT_150]", "<|endoftext|>") are not text. */
static void
read_cpp_tokens (TlDocument *doc, JsonArray *tokens, GString *buf, GString *word)
{
  guint n_tokens = json_array_get_length (tokens);
  guint first = doc->words->len;
  gint64 start = TL_TIME_NONE, end = TL_TIME_NONE;
  double confidence = -1, tconfidence = -1;

  g_string_truncate (buf, 0);
  for (guint j = 0; j <= n_tokens; j++)
    {
      const char *text = NULL;
      gint64 tstart = TL_TIME_NONE, tend = TL_TIME_NONE;

      if (j < n_tokens)
        {
          JsonNode *node = json_array_get_element (tokens, j);
          JsonObject *token;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          token = json_node_get_object (node);
          text = get_string (token, "text");
          if (text == NULL || text[0] == '\0'
              || (g_str_has_prefix (text, "[_") && g_str_has_suffix (text, "]"))
              || (g_str_has_prefix (text, "<|") && g_str_has_suffix (text, "|>")))
            continue;
          /* tokens without times (plain -ojf), or with times past any
           * media, make no timed words */
          if (get_cpp_range (token, &tstart, &tend, NULL) != TL_TIME_SCAN_OK)
            {
              g_array_set_size (doc->words, first);
              tl_document_get_segment (doc, doc->segments->len - 1)->n_words = 0;
              return;
            }
          tconfidence = get_confidence (token, "p");
        }
      /* the end of the tokens ends the last word too */
      if ((text == NULL || g_ascii_isspace (text[0])) && buf->len > 0)
        {
          set_clean (word, buf->str);
          /* a character split over two tokens is whole once joined */
          if (word->len > 0 && g_utf8_validate (word->str, word->len, NULL))
            tl_document_add_word_full (doc, start, end, word->str, word->len, confidence);
          g_string_truncate (buf, 0);
        }
      if (text == NULL)
        break;
      /* a word is as sure as its least sure token */
      if (buf->len == 0)
        {
          start = tstart;
          confidence = tconfidence;
        }
      else if (confidence >= 0)
        confidence = tconfidence < 0 ? -1 : MIN (confidence, tconfidence);
      end = tend;
      g_string_append (buf, text);
    }
}

/* whisper.cpp: {"transcription": [{"offsets": {"from", "to"}, "text", "tokens"}]} */
static void
read_cpp (Whisper *w, JsonArray *items)
{
  g_autoptr(GString) word = g_string_sized_new (32);
  TlDocument *doc = w->doc;
  GString *buf = w->buf;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *obj;
      JsonArray *tokens;
      TlDocSegment *seg;
      gint64 start, end;
      g_autofree char *shown = NULL;
      TlTimeScan scan;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      obj = json_node_get_object (node);
      scan = get_cpp_range (obj, &start, &end, &shown);
      if (!check_times (w, i, scan, shown))
        continue;
      set_clean (buf, get_string (obj, "text"));
      if (buf->len == 0)
        continue;
      seg = tl_document_add_segment (doc, start, end, buf->str, buf->len);
      set_speaker (doc, seg, get_string (obj, "speaker"));
      tokens = get_array (obj, "tokens");
      if (tokens != NULL)
        read_cpp_tokens (doc, tokens, buf, word);
    }
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '"';
}

/* Python's json module writes NaN and Infinity (a failed avg_logprob),
 * which JSON does not allow. Outside strings they become 0, padded with
 * spaces so that lines and columns stay where they were. */
static char *
replace_non_finite (const char *text, gsize length)
{
  static const char *const names[] = { "-Infinity", "Infinity", "NaN" };
  char *copy = g_strndup (text, length);
  gboolean in_string = FALSE, changed = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = copy[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        {
          in_string = TRUE;
          continue;
        }
      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          gsize n = strlen (names[k]);
          if (i + n <= length && memcmp (copy + i, names[k], n) == 0
              && (i == 0 || !is_word_char (copy[i - 1]))
              && (i + n == length || !is_word_char (copy[i + n])))
            {
              memset (copy + i, ' ', n);
              copy[i] = '0';
              i += n - 1;
              changed = TRUE;
              break;
            }
        }
    }
  if (!changed)
    g_clear_pointer (&copy, g_free);
  return copy;
}

/* Walks the JSON text without building anything, before json-glib reads
 * it: json-glib's parser recurses once per level of nesting, so a file
 * nested deeper than TL_IMPORT_MAX_DEPTH is refused here, with the line
 * where it goes too deep. On the way it notes the line on which each
 * element of the top-level "segments" (into @segment_lines) and
 * "transcription" (@item_lines) arrays starts, for warnings: json-glib
 * keeps no positions. What is malformed is left for json-glib to report. */
static gboolean
scan_outline (TlImportContext *ctx, GArray *segment_lines, GArray *item_lines, GError **error)
{
  const char *p = ctx->text, *end = ctx->text + ctx->length;
  const char *key = NULL;  /* the last string read at depth 1 */
  gsize key_len = 0;
  GArray *lines = NULL;    /* the array being noted, while at depth 2 */
  gboolean want_item = FALSE;
  guint depth = 0, line = 1;

  while (p < end)
    {
      char c = *p;

      if (c == '\n')
        {
          line++;
          p++;
          continue;
        }
      if (c == ' ' || c == '\t' || c == '\r')
        {
          p++;
          continue;
        }
      if (lines != NULL && depth == 2 && want_item && c != ']' && c != ',')
        {
          g_array_append_val (lines, line);
          want_item = FALSE;
        }
      switch (c)
        {
        case '"':
          {
            const char *s = ++p;

            while (p < end && *p != '"' && *p != '\n')
              p += *p == '\\' && p + 1 < end ? 2 : 1;
            if (depth == 1)
              {
                key = s;
                key_len = p - s;
              }
            if (p < end && *p == '"')
              p++;
          }
          continue;
        case '{':
        case '[':
          if (++depth > TL_IMPORT_MAX_DEPTH)
            {
              tl_import_fail (ctx, error, line, _("Nested more than %d levels deep: not a transcript"),
                              TL_IMPORT_MAX_DEPTH);
              return FALSE;
            }
          if (c == '[' && depth == 2 && key != NULL)
            {
              if (key_len == 8 && memcmp (key, "segments", 8) == 0)
                lines = segment_lines;
              else if (key_len == 13 && memcmp (key, "transcription", 13) == 0)
                lines = item_lines;
              if (lines != NULL)
                {
                  /* json-glib keeps the last of a member given twice */
                  g_array_set_size (lines, 0);
                  want_item = TRUE;
                }
            }
          break;
        case '}':
        case ']':
          if (depth == 2)
            lines = NULL;
          if (depth > 0)
            depth--;
          break;
        case ',':
          if (depth == 2)
            want_item = TRUE;
          break;
        default:
          break;
        }
      p++;
    }
  return TRUE;
}

static void
on_parse_error (JsonParser *parser, gpointer error, gpointer user_data)
{
  guint *line = user_data;

  *line = json_parser_get_current_line (parser);
}

/* Loads the JSON; on failure reports json-glib's line and its message
 * without the "<data>:4:2: Parse error: " it puts in front. */
static JsonParser *
load_json (TlImportContext *ctx, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *fixed = NULL;
  const char *msg;
  guint line = 0;

  g_signal_connect (parser, "error", G_CALLBACK (on_parse_error), &line);
  if (json_parser_load_from_data (parser, ctx->text, ctx->length, &local_error))
    return g_steal_pointer (&parser);

  /* if NaN was all that was wrong, read on; if not, what is left is the
   * fault to report */
  fixed = replace_non_finite (ctx->text, ctx->length);
  if (fixed != NULL)
    {
      g_clear_error (&local_error);
      if (json_parser_load_from_data (parser, fixed, ctx->length, &local_error))
        return g_steal_pointer (&parser);
    }

  msg = strstr (local_error->message, "Parse error: ");
  msg = msg ? msg + strlen ("Parse error: ") : local_error->message;
  tl_import_fail (ctx, error, line, _("Broken JSON: %s"), msg);
  return NULL;
}

static TlDocument *
whisper_json_parse (TlImportContext *ctx, GError **error)
{
  g_autoptr(TlDocument) doc = tl_document_new ("whisper-json");
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GString) buf = g_string_sized_new (256);
  g_autoptr(GArray) segment_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) item_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  Whisper w = { doc, buf, NULL, 0, 0, 0, NULL };
  g_autofree char *first_shown = NULL;
  JsonNode *root;
  JsonObject *obj, *result;
  JsonArray *items;
  const char *language = NULL;

  if (!scan_outline (ctx, segment_lines, item_lines, error))
    return NULL;
  parser = load_json (ctx, error);
  if (parser == NULL)
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      tl_import_fail (ctx, error, 0, _("JSON without whisper segments"));
      return NULL;
    }
  obj = json_node_get_object (root);

  if ((items = get_array (obj, "segments")) != NULL)
    {
      w.lines = segment_lines;
      read_openai (&w, items);
      language = get_string (obj, "language");
    }
  else if ((items = get_array (obj, "transcription")) != NULL)
    {
      w.lines = item_lines;
      read_cpp (&w, items);
      if ((result = get_object (obj, "result")) != NULL)
        language = get_string (result, "language");
      /* what was asked for, when whisper.cpp did not detect it */
      if (language == NULL && (result = get_object (obj, "params")) != NULL)
        language = get_string (result, "language");
    }
  else
    {
      tl_import_fail (ctx, error, 0, _("JSON without whisper segments"));
      return NULL;
    }
  first_shown = w.first_shown;

  if (w.n_read == 0 && w.first_range > 0)
    {
      if (first_shown[0] == '-')
        tl_import_fail (ctx, error, w.first_range_line,
                        _("segment %u: time %s is negative, and no other segments to keep"),
                        w.first_range, first_shown);
      else
        tl_import_fail (ctx, error, w.first_range_line,
                        _("segment %u: time %s is past %d hours, and no other segments to keep"),
                        w.first_range, first_shown, TL_TIME_MAX_HOURS);
      return NULL;
    }
  if (w.n_read == 0 && json_array_get_length (items) > 0)
    {
      tl_import_fail (ctx, error, 0, _("Whisper segments without start and end times"));
      return NULL;
    }
  if (language != NULL && language[0] != '\0' && strcmp (language, "auto") != 0)
    doc->language = tl_document_strdup (doc, language);
  return g_steal_pointer (&doc);
}

const TlImporter tl_importer_whisper_json = {
  .name = "whisper-json",
  .label = N_("Whisper JSON"),
  .sniff = whisper_json_sniff,
  .parse = whisper_json_parse,
};
