/* tl-export-json.c: the clip list as JSON with stable field names (the
 * README documents them; scripts depend on them). */
#include "tl-export.h"

#include "tl-json.h"

static void
add_seconds (TlJsonWriter *builder, const char *name, gint64 usec)
{
  tl_json_writer_member (builder, name);
  if (usec < 0)
    tl_json_writer_null (builder);
  else
    tl_json_writer_double (builder, usec / 1e6);
}

static void
add_string (TlJsonWriter *builder, const char *name, const char *value)
{
  tl_json_writer_member (builder, name);
  if (value)
    tl_json_writer_string (builder, value);
  else
    tl_json_writer_null (builder);
}

static void
add_source (TlJsonWriter *builder, TlSource *source)
{
  const TlMediaInfo *media = tl_source_get_media (source);

  tl_json_writer_member (builder, "source");
  tl_json_writer_begin_object (builder);
  tl_json_writer_member (builder, "id");
  tl_json_writer_int (builder, tl_source_get_id (source));
  add_string (builder, "title", tl_source_get_title (source));
  add_string (builder, "kind", tl_source_kind_to_string (tl_source_get_kind (source)));
  add_string (builder, "outlet", tl_source_get_outlet (source));
  add_string (builder, "published", tl_source_get_published (source));
  add_string (builder, "url", tl_source_get_url (source));
  add_string (builder, "media", media ? media->path : NULL);
  tl_json_writer_member (builder, "framerate");
  if (media && media->fps_num > 0)
    {
      g_autofree char *rate = g_strdup_printf ("%d/%d", media->fps_num, media->fps_den);
      tl_json_writer_string (builder, rate);
    }
  else
    tl_json_writer_null (builder);
  tl_json_writer_end_object (builder);
}

static gboolean
json_write (TlExportContext *ctx, GString *out, GError **error)
{
  g_autoptr(TlJsonWriter) builder = tl_json_writer_new (out, TRUE);

  tl_json_writer_begin_object (builder);
  tl_json_writer_member (builder, "clips");
  tl_json_writer_begin_array (builder);
  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      TlClip *clip = item->clip;
      gint64 in = tl_clip_get_in (clip), out_us = tl_clip_get_out (clip);
      const char *const *topics = tl_clip_get_topics (clip);
      g_autofree char *in_tc = in >= 0 ? tl_export_format_timecode (item->source, in) : NULL;
      g_autofree char *out_tc = in >= 0 ? tl_export_format_timecode (item->source, out_us) : NULL;

      tl_json_writer_begin_object (builder);
      tl_json_writer_member (builder, "id");
      tl_json_writer_int (builder, tl_clip_get_id (clip));
      add_source (builder, item->source);
      tl_json_writer_member (builder, "quote");
      tl_json_writer_boolean (builder, in < 0);
      add_seconds (builder, "in", in);
      add_seconds (builder, "out", out_us);
      add_seconds (builder, "duration", in >= 0 ? out_us - in : -1);
      add_string (builder, "in_timecode", in_tc);
      add_string (builder, "out_timecode", out_tc);
      tl_json_writer_member (builder, "paragraphs");
      if (tl_clip_get_first_segment (clip) >= 0)
        {
          tl_json_writer_begin_array (builder);
          /* paragraph numbers, from 1 as people count them (segments'
           * "index" counts from 0) */
          tl_json_writer_int (builder, tl_clip_get_first_segment (clip) + 1);
          tl_json_writer_int (builder, tl_clip_get_last_segment (clip) + 1);
          tl_json_writer_end_array (builder);
        }
      else
        tl_json_writer_null (builder);
      tl_json_writer_member (builder, "topics");
      tl_json_writer_begin_array (builder);
      for (guint t = 0; topics[t] != NULL; t++)
        tl_json_writer_string (builder, topics[t]);
      tl_json_writer_end_array (builder);
      tl_json_writer_member (builder, "rating");
      tl_json_writer_int (builder, tl_clip_get_rating (clip));
      add_string (builder, "title", tl_clip_get_title (clip));
      add_string (builder, "note", tl_clip_get_note (clip));
      add_string (builder, "text", item->text);
      tl_json_writer_end_object (builder);
    }
  tl_json_writer_end_array (builder);
  tl_json_writer_end_object (builder);

  g_string_append_c (out, '\n');
  return TRUE;
}

const TlExporter tl_exporter_json = {
  .name = "json",
  .label = "JSON",
  .extension = "json",
  .write = json_write,
};
