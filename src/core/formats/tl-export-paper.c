/* tl-export-paper.c: the paper edit a producer reads: the clips grouped by
 * topic, each with its source, timecodes, the words said and the notes, as
 * Markdown or as one self-contained printable HTML page. Quotes from
 * articles appear with their paragraphs. */
#include "tl-export-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tl-text.h"

/* Clip numbers in export order, grouped under each topic in the library's
 * order of topics, then those without a topic. A clip with two topics is
 * under both, with the same number. */
typedef struct {
  const char *name;  /* NULL for the clips without a topic */
  const char *color;
  GArray *members;   /* guint: index in ctx->items */
} Group;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_array_unref (group->members);
  g_free (group);
}

static GPtrArray *
make_groups (TlExportContext *ctx)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func (group_free);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  Group *none = NULL;

  for (guint i = 0; i < ctx->topics->len; i++)
    {
      TlTopic *topic = g_ptr_array_index (ctx->topics, i);
      Group *group = g_new0 (Group, 1);
      group->name = tl_topic_get_name (topic);
      group->color = tl_topic_get_color (topic);
      group->members = g_array_new (FALSE, FALSE, sizeof (guint));
      g_ptr_array_add (groups, group);
      g_hash_table_insert (by_name, (gpointer) group->name, group);
    }
  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      const char *const *topics = tl_clip_get_topics (item->clip);
      gboolean placed = FALSE;

      for (guint t = 0; topics[t] != NULL; t++)
        {
          Group *group = g_hash_table_lookup (by_name, topics[t]);
          if (group != NULL)
            {
              g_array_append_val (group->members, i);
              placed = TRUE;
            }
        }
      if (!placed)
        {
          if (none == NULL)
            {
              none = g_new0 (Group, 1);
              none->members = g_array_new (FALSE, FALSE, sizeof (guint));
            }
          g_array_append_val (none->members, i);
        }
    }
  for (guint i = 0; i < groups->len;)
    if (((Group *) g_ptr_array_index (groups, i))->members->len == 0)
      g_ptr_array_remove_index (groups, i);
    else
      i++;
  if (none != NULL)
    g_ptr_array_add (groups, none);
  return groups;
}

/* Where the clip is: "00:01:02:03 – 00:01:10:00 (0:08)" in the media's own
 * timecode, or a clock time for a source without a frame rate; paragraphs
 * for a quote. */
static char *
describe_range (TlExportItem *item)
{
  g_autofree char *in = NULL, *out = NULL;
  gint64 seconds;

  if (!item->timed)
    {
      gint first = tl_clip_get_first_segment (item->clip), last = tl_clip_get_last_segment (item->clip);
      if (first < 0)
        return g_strdup (_("quote"));
      /* numbered from 1, as the window says */
      if (first == last)
        return g_strdup_printf (_("quote, paragraph %d"), first + 1);
      return g_strdup_printf (_("quote, paragraphs %d–%d"), first + 1, last + 1);
    }
  if (item->default_rate)
    {
      in = tl_format_clock (tl_clip_get_in (item->clip), TRUE, '.');
      out = tl_format_clock (tl_clip_get_out (item->clip), TRUE, '.');
    }
  else
    {
      in = tl_export_timecode (item->origin + item->in_frame, item->fps_num, item->fps_den);
      out = tl_export_timecode (item->origin + item->out_frame, item->fps_num, item->fps_den);
    }
  seconds = ((item->out_frame - item->in_frame) * item->fps_den + item->fps_num / 2) / item->fps_num;
  return g_strdup_printf ("%s – %s (%" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT ")", in, out, seconds / 60,
                          seconds % 60);
}

static char *
heading (TlExportItem *item)
{
  g_autofree char *title = tl_export_clean (tl_clip_get_title (item->clip), TRUE);

  if (*title != '\0')
    return g_steal_pointer (&title);
  return tl_export_clean (tl_source_get_title (item->source), TRUE);
}

/* Source · outlet · range · rating: one line under the clip's heading. */
static char *
describe_clip (TlExportItem *item)
{
  g_autofree char *source = tl_export_clean (tl_source_get_title (item->source), TRUE);
  g_autofree char *outlet = tl_export_clean (tl_source_get_outlet (item->source), TRUE);
  g_autofree char *range = describe_range (item);
  GString *line = g_string_new (source);

  if (*outlet != '\0')
    g_string_append_printf (line, " · %s", outlet);
  g_string_append_printf (line, " · %s", range);
  if (tl_clip_get_rating (item->clip) > 0)
    {
      g_autofree char *rating = tl_format_rating (tl_clip_get_rating (item->clip));
      g_string_append_printf (line, " · %s", rating);
    }
  return g_string_free (line, FALSE);
}

/* Markdown */

/* Text as Markdown shows it, not as markup: the characters that would
 * format are escaped, and so is what would start a list or a heading. */
static void
md_append (GString *out, const char *text)
{
  gboolean line_start = TRUE;

  for (const char *p = text; *p; p++)
    {
      if (line_start)
        {
          const char *q = p;
          while (g_ascii_isdigit (*q))
            q++;
          if (*p == '-' || *p == '+' || *p == '=' || (q > p && (*q == '.' || *q == ')')))
            {
              g_string_append_len (out, p, q - p);
              g_string_append_c (out, '\\');
              p = q;
            }
        }
      line_start = *p == '\n';
      if (strchr ("\\`*_[]<>|~&#!", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

/* Several lines under a "> " each, so that a blank line does not end it. */
static void
md_append_block (GString *out, const char *prefix, const char *text)
{
  g_autofree char *clean = tl_export_clean (text, FALSE);
  g_auto(GStrv) lines = g_strsplit (clean, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_string_append (out, prefix);
      md_append (out, g_strstrip (lines[i]));
      g_string_append (out, "  \n");
    }
}

/* "3 clips, 2 groups", each count with its own plural. */
static void
append_summary (GString *out, guint n_clips, guint n_groups)
{
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u clip", "%u clips", n_clips), n_clips);
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u group", "%u groups", n_groups), n_groups);
}

static gboolean
md_write (TlExportContext *ctx, GString *out, GError **error)
{
  g_autoptr(GPtrArray) groups = make_groups (ctx);
  g_autofree char *title = tl_export_clean (ctx->options.title, TRUE);

  g_string_append (out, "# ");
  md_append (out, title);
  g_string_append (out, "\n\n");
  append_summary (out, ctx->items->len, groups->len);
  g_string_append_c (out, '\n');
  for (guint g = 0; g < groups->len; g++)
    {
      Group *group = g_ptr_array_index (groups, g);
      g_autofree char *name = tl_export_clean (group->name ? group->name : _("No topic"), TRUE);

      g_string_append (out, "\n## ");
      md_append (out, name);
      g_string_append_c (out, '\n');
      for (guint m = 0; m < group->members->len; m++)
        {
          guint index = g_array_index (group->members, guint, m);
          TlExportItem *item = g_ptr_array_index (ctx->items, index);
          g_autofree char *head = heading (item);
          g_autofree char *meta = describe_clip (item);
          const char *note = tl_clip_get_note (item->clip);

          g_string_append_printf (out, "\n### %u. ", index + 1);
          md_append (out, head);
          g_string_append (out, "\n\n*");
          md_append (out, meta);
          g_string_append (out, "*\n");
          if (*item->text != '\0')
            {
              g_string_append_c (out, '\n');
              md_append_block (out, "> ", item->text);
            }
          if (note != NULL && *note != '\0')
            {
              g_string_append_printf (out, "\n**%s**  \n", _("Note:"));
              md_append_block (out, "", note);
            }
        }
    }
  return TRUE;
}

/* HTML */

static void
html_append (GString *out, const char *text, gboolean breaks)
{
  g_autofree char *clean = tl_export_clean (text, !breaks);
  g_autofree char *escaped = g_markup_escape_text (clean, -1);

  if (!breaks)
    {
      g_string_append (out, escaped);
      return;
    }
  for (const char *p = escaped; *p; p++)
    if (*p == '\n')
      g_string_append (out, "<br/>");
    else
      g_string_append_c (out, *p);
}

/* Plain CSS, no fonts or images to fetch: the page prints the same offline. */
static const char style[] =
  "body{font:11pt/1.45 \"Cantarell\",\"Noto Sans\",\"DejaVu Sans\",sans-serif;color:#1e1e1e;"
  "max-width:46em;margin:2em auto;padding:0 1em}"
  "h1{font-size:1.6em;margin:0 0 .2em}"
  ".summary{color:#5e5c64;margin:0 0 1.5em}"
  "h2{font-size:1.25em;border-left:.4em solid #9a9996;padding-left:.4em;margin:1.6em 0 .6em}"
  ".clip{margin:0 0 1.2em;padding:0 0 .8em;border-bottom:1px solid #deddda}"
  "h3{font-size:1em;margin:0}"
  ".number{color:#5e5c64;font-weight:normal;margin-right:.3em}"
  ".meta{color:#5e5c64;font-size:.9em;margin:.1em 0 .5em}"
  "blockquote{margin:.3em 0 .3em .2em;padding-left:.8em;border-left:2px solid #c0bfbc;"
  "font-family:\"Noto Serif\",\"DejaVu Serif\",serif}"
  ".note{margin:.3em 0 0;font-style:italic}"
  "@page{margin:18mm}"
  "@media print{body{margin:0;max-width:none}.clip{break-inside:avoid}h2{break-after:avoid}}";

static gboolean
html_write (TlExportContext *ctx, GString *out, GError **error)
{
  g_autoptr(GPtrArray) groups = make_groups (ctx);

  g_string_append (out, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\"/>\n"
                        "<meta name=\"generator\" content=\"Tagline\"/>\n<title>");
  html_append (out, ctx->options.title, FALSE);
  g_string_append_printf (out, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1 dir=\"auto\">", style);
  html_append (out, ctx->options.title, FALSE);
  g_string_append (out, "</h1>\n<p class=\"summary\">");
  append_summary (out, ctx->items->len, groups->len);
  g_string_append (out, "</p>\n");
  for (guint g = 0; g < groups->len; g++)
    {
      Group *group = g_ptr_array_index (groups, g);

      g_string_append (out, "<section>\n<h2 dir=\"auto\"");
      if (group->color != NULL && strlen (group->color) == 7 && group->color[0] == '#'
          && strspn (group->color + 1, "0123456789abcdefABCDEF") == 6)
        g_string_append_printf (out, " style=\"border-color:%s\"", group->color);
      g_string_append_c (out, '>');
      html_append (out, group->name ? group->name : _("No topic"), FALSE);
      g_string_append (out, "</h2>\n");
      for (guint m = 0; m < group->members->len; m++)
        {
          guint index = g_array_index (group->members, guint, m);
          TlExportItem *item = g_ptr_array_index (ctx->items, index);
          g_autofree char *head = heading (item);
          g_autofree char *meta = describe_clip (item);
          const char *note = tl_clip_get_note (item->clip);

          g_string_append_printf (out, "<article class=\"clip\">\n<h3 dir=\"auto\"><span class=\"number\">%u.</span> ",
                                  index + 1);
          html_append (out, head, FALSE);
          g_string_append (out, "</h3>\n<p class=\"meta\" dir=\"auto\">");
          html_append (out, meta, FALSE);
          g_string_append (out, "</p>\n");
          if (*item->text != '\0')
            {
              g_string_append (out, "<blockquote dir=\"auto\">");
              html_append (out, item->text, TRUE);
              g_string_append (out, "</blockquote>\n");
            }
          if (note != NULL && *note != '\0')
            {
              g_string_append (out, "<p class=\"note\" dir=\"auto\">");
              html_append (out, note, TRUE);
              g_string_append (out, "</p>\n");
            }
          g_string_append (out, "</article>\n");
        }
      g_string_append (out, "</section>\n");
    }
  g_string_append (out, "</body>\n</html>\n");
  return TRUE;
}

const TlExporter tl_exporter_md = {
  .name = "md",
  .label = N_("Paper edit (Markdown)"),
  .extension = "md",
  .write = md_write,
};

const TlExporter tl_exporter_html = {
  .name = "html",
  .label = N_("Paper edit (printable HTML page)"),
  .extension = "html",
  .write = html_write,
};
