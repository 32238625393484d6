/* tl-json.c: serialises a JsonNode. json-glib 1.6 prints doubles with 17
 * significant digits, so seconds with microsecond precision come out as
 * 4300.7759999999998; 15 digits give back the same double for every time
 * Tagline writes (up to 10^9 s with µs) and read as people wrote them.
 * Other values (frame rates such as 30000/1001) get the 17 they need. */
#include "tl-json.h"

#include <math.h>
#include <string.h>

static void
append_string (GString *out, const char *str)
{
  const unsigned char *run = (const unsigned char *) str;

  g_string_append_c (out, '"');
  /* copy runs of plain characters at once: exports write megabytes of text */
  for (const unsigned char *p = run; ; p++)
    {
      if (*p >= 0x20 && *p != '"' && *p != '\\')
        continue;
      g_string_append_len (out, (const char *) run, p - run);
      run = p + 1;
      switch (*p)
        {
        case '\0': g_string_append_c (out, '"'); return;
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default: g_string_append_printf (out, "\\u%04x", *p);
        }
    }
}

/* printf is a third of the time of writing a big document of numbers */
static void
append_int (GString *out, gint64 value)
{
  char buf[24], *p = buf + sizeof buf;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  do
    *--p = '0' + magnitude % 10;
  while ((magnitude /= 10) > 0);
  if (value < 0)
    *--p = '-';
  g_string_append_len (out, p, buf + sizeof buf - p);
}

static void
append_double (GString *out, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  /* whole numbers (frame counts) are common and need no formatting round trip */
  if (value == (double) (gint64) value && fabs (value) < 1e15)
    {
      append_int (out, (gint64) value);
      g_string_append (out, ".0");
      return;
    }
  g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  /* a value 15 digits do not give back (a frame rate of 30000/1001) needs 17 */
  if (g_ascii_strtod (buf, NULL) != value)
    g_ascii_formatd (buf, sizeof buf, "%.17g", value);
  g_string_append (out, buf);
  /* keep it a number with a fraction so readers see a float: 10 -> 10.0 */
  if (strpbrk (buf, ".eEn") == NULL)
    g_string_append (out, ".0");
}

static void
indent (GString *out, gboolean pretty, guint depth)
{
  static const char spaces[] = "\n                                                                ";

  if (!pretty)
    return;
  if (depth * 2 < sizeof spaces - 1)
    {
      g_string_append_len (out, spaces, 1 + depth * 2);
      return;
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
append_node (GString *out, JsonNode *node, gboolean pretty, guint depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        /* in the order the members were added, without copying their list */
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        g_string_append_c (out, '{');
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            indent (out, pretty, depth + 1);
            append_string (out, name);
            g_string_append (out, pretty ? ": " : ":");
            append_node (out, member, pretty, depth + 1);
          }
        if (!first)
          indent (out, pretty, depth);
        g_string_append_c (out, '}');
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);
        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            indent (out, pretty, depth + 1);
            append_node (out, json_array_get_element (array, i), pretty, depth + 1);
            if (i + 1 < n)
              g_string_append_c (out, ',');
          }
        if (n)
          indent (out, pretty, depth);
        g_string_append_c (out, ']');
        break;
      }
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          append_int (out, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          append_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          append_string (out, json_node_get_string (node));
          break;
        default:
          g_string_append (out, "null");
        }
      break;
    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

void
tl_json_append (GString *out, JsonNode *node, gboolean pretty)
{
  append_node (out, node, pretty, 0);
}

char *
tl_json_to_string (JsonNode *node, gboolean pretty)
{
  GString *out = g_string_new (NULL);

  append_node (out, node, pretty, 0);
  return g_string_free (out, FALSE);
}

/* TlJsonWriter: the same text as tl_json_append() would give for the tree
 * the calls describe, written as they come. A json-glib tree costs about
 * half a microsecond a node to build, print and free: 1.6 million nodes
 * for an OpenTimelineIO timeline of 10,000 clips. */
struct _TlJsonWriter {
  GString *out;
  gboolean pretty;
  GArray *counts;      /* guint: values so far in each open object or array */
  gboolean after_name; /* the value goes after its member's name */
  double last_double;  /* the last double written, and its text */
  GString *last_text;
};

TlJsonWriter *
tl_json_writer_new (GString *out, gboolean pretty)
{
  TlJsonWriter *w = g_new0 (TlJsonWriter, 1);

  w->out = out;
  w->pretty = pretty;
  w->counts = g_array_new (FALSE, FALSE, sizeof (guint));
  w->last_text = g_string_new (NULL);
  return w;
}

void
tl_json_writer_free (TlJsonWriter *w)
{
  if (w == NULL)
    return;
  g_array_unref (w->counts);
  g_string_free (w->last_text, TRUE);
  g_free (w);
}

static void
before_value (TlJsonWriter *w)
{
  guint *count;

  if (w->after_name)
    {
      w->after_name = FALSE;
      return;
    }
  if (w->counts->len == 0)
    return;
  count = &g_array_index (w->counts, guint, w->counts->len - 1);
  if ((*count)++ > 0)
    g_string_append_c (w->out, ',');
  indent (w->out, w->pretty, w->counts->len);
}

static void
end_container (TlJsonWriter *w, char close)
{
  guint count;

  g_return_if_fail (w->counts->len > 0 && !w->after_name);
  count = g_array_index (w->counts, guint, w->counts->len - 1);
  g_array_set_size (w->counts, w->counts->len - 1);
  if (count > 0)
    indent (w->out, w->pretty, w->counts->len);
  g_string_append_c (w->out, close);
}

void
tl_json_writer_begin_object (TlJsonWriter *w)
{
  guint zero = 0;

  before_value (w);
  g_string_append_c (w->out, '{');
  g_array_append_val (w->counts, zero);
}

void
tl_json_writer_end_object (TlJsonWriter *w)
{
  end_container (w, '}');
}

void
tl_json_writer_begin_array (TlJsonWriter *w)
{
  guint zero = 0;

  before_value (w);
  g_string_append_c (w->out, '[');
  g_array_append_val (w->counts, zero);
}

void
tl_json_writer_end_array (TlJsonWriter *w)
{
  end_container (w, ']');
}

void
tl_json_writer_member (TlJsonWriter *w, const char *name)
{
  g_return_if_fail (w->counts->len > 0 && !w->after_name);
  before_value (w);
  append_string (w->out, name);
  g_string_append (w->out, w->pretty ? ": " : ":");
  w->after_name = TRUE;
}

/* @value: (nullable): NULL writes null */
void
tl_json_writer_string (TlJsonWriter *w, const char *value)
{
  before_value (w);
  if (value != NULL)
    append_string (w->out, value);
  else
    g_string_append (w->out, "null");
}

void
tl_json_writer_int (TlJsonWriter *w, gint64 value)
{
  before_value (w);
  append_int (w->out, value);
}

void
tl_json_writer_double (TlJsonWriter *w, double value)
{
  before_value (w);
  if (value == (double) (gint64) value && fabs (value) < 1e15)
    {
      append_double (w->out, value);
      return;
    }
  /* the same few rates come back again and again */
  if (value != w->last_double || w->last_text->len == 0)
    {
      g_string_truncate (w->last_text, 0);
      append_double (w->last_text, value);
      w->last_double = value;
    }
  g_string_append_len (w->out, w->last_text->str, w->last_text->len);
}

void
tl_json_writer_boolean (TlJsonWriter *w, gboolean value)
{
  before_value (w);
  g_string_append (w->out, value ? "true" : "false");
}

void
tl_json_writer_null (TlJsonWriter *w)
{
  before_value (w);
  g_string_append (w->out, "null");
}

/* A json-glib tree, in place. */
void
tl_json_writer_node (TlJsonWriter *w, JsonNode *node)
{
  before_value (w);
  append_node (w->out, node, w->pretty, w->counts->len);
}

/* @value: (nullable): NULL writes null */
void
tl_json_writer_member_string (TlJsonWriter *w, const char *name, const char *value)
{
  tl_json_writer_member (w, name);
  tl_json_writer_string (w, value);
}

void
tl_json_writer_member_int (TlJsonWriter *w, const char *name, gint64 value)
{
  tl_json_writer_member (w, name);
  tl_json_writer_int (w, value);
}

void
tl_json_writer_member_boolean (TlJsonWriter *w, const char *name, gboolean value)
{
  tl_json_writer_member (w, name);
  tl_json_writer_boolean (w, value);
}

/* Microseconds as seconds (4300.776); a time below zero (unknown) as null. */
void
tl_json_writer_member_seconds (TlJsonWriter *w, const char *name, gint64 usec)
{
  tl_json_writer_member (w, name);
  if (usec < 0)
    tl_json_writer_null (w);
  else
    tl_json_writer_double (w, usec / 1e6);
}
