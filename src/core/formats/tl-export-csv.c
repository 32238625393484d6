/* tl-export-csv.c: the clip list as an RFC 4180 spreadsheet (UTF-8, CRLF,
 * header row), safe to open in a spreadsheet: no cell runs as a formula. */
#include "tl-export.h"
#include <glib/gi18n-lib.h>

#include <string.h>

#include "tl-text.h"
#include "tl-timecode.h"

static void
append_cell (GString *out, const char *value)
{
  gboolean quote;

  if (value == NULL)
    value = "";
  /* =, +, -, @ (and tab, CR) at the start make spreadsheets evaluate a
   * cell; a leading apostrophe keeps it text (OWASP's advice). */
  quote = strpbrk (value, ",\"\r\n") != NULL || (value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL);
  if (!quote)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  if (value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_seconds (GString *out, gint64 usec)
{
  if (usec != -1)
    g_string_append_printf (out, "%" G_GINT64_FORMAT ".%06" G_GINT64_FORMAT, usec / 1000000, usec % 1000000);
}

/* SMPTE at the media's frame rate; a clock time when the rate is unknown
 * (a transcript without media has no frames to count). */
char *
tl_export_format_timecode (TlSource *source, gint64 usec)
{
  const TlMediaInfo *media = tl_source_get_media (source);

  if (usec < 0)
    return g_strdup ("");
  if (media != NULL && media->fps_num > 0 && media->fps_den > 0)
    return tl_timecode_format (usec, media->fps_num, media->fps_den);
  return tl_format_clock (usec, TRUE, '.');
}

static gboolean
csv_write (TlExportContext *ctx, GString *out, GError **error)
{
  static const char *const header[] = {
    "source_id", "source", "outlet", "kind", "media", "in", "out", "in_timecode", "out_timecode",
    "duration", "paragraphs", "topics", "rating", "title", "note", "text",
  };

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    g_string_append_printf (out, "%s%s", i ? "," : "", header[i]);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      TlClip *clip = item->clip;
      TlSource *source = item->source;
      const TlMediaInfo *media = tl_source_get_media (source);
      gint64 in = tl_clip_get_in (clip), out_us = tl_clip_get_out (clip);
      g_autofree char *topics = g_strjoinv ("; ", (char **) tl_clip_get_topics (clip));
      g_autofree char *in_tc = tl_export_format_timecode (source, in);
      g_autofree char *out_tc = tl_export_format_timecode (source, out_us);

      g_string_append_printf (out, "%" G_GINT64_FORMAT ",", tl_source_get_id (source));
      append_cell (out, tl_source_get_title (source));
      g_string_append_c (out, ',');
      append_cell (out, tl_source_get_outlet (source));
      g_string_append_c (out, ',');
      append_cell (out, tl_source_kind_to_string (tl_source_get_kind (source)));
      g_string_append_c (out, ',');
      append_cell (out, media ? media->path : NULL);
      g_string_append_c (out, ',');
      append_seconds (out, in);
      g_string_append_c (out, ',');
      append_seconds (out, out_us);
      g_string_append_c (out, ',');
      append_cell (out, in_tc);
      g_string_append_c (out, ',');
      append_cell (out, out_tc);
      g_string_append_c (out, ',');
      if (in >= 0)
        append_seconds (out, out_us - in);
      g_string_append_c (out, ',');
      if (tl_clip_get_first_segment (clip) >= 0)
        /* numbered from 1, as the window and the paper edit say */
        g_string_append_printf (out, "%d-%d", tl_clip_get_first_segment (clip) + 1,
                                tl_clip_get_last_segment (clip) + 1);
      g_string_append_c (out, ',');
      append_cell (out, topics);
      g_string_append_printf (out, ",%u,", tl_clip_get_rating (clip));
      append_cell (out, tl_clip_get_title (clip));
      g_string_append_c (out, ',');
      append_cell (out, tl_clip_get_note (clip));
      g_string_append_c (out, ',');
      append_cell (out, item->text);
      g_string_append (out, "\r\n");
    }
  return TRUE;
}

const TlExporter tl_exporter_csv = {
  .name = "csv",
  .label = N_("CSV spreadsheet"),
  .extension = "csv",
  .write = csv_write,
};
