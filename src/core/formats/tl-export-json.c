/* tl-export-json.c: the clip list as JSON with stable field names (the
 * README documents them; scripts depend on them). */
#include "tl-export.h"

#include "tl-json.h"

static void
add_seconds (JsonBuilder *builder, const char *name, gint64 usec)
{
  json_builder_set_member_name (builder, name);
  if (usec < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, usec / 1e6);
}

static void
add_string (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  if (value)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_source (JsonBuilder *builder, TlSource *source)
{
  const TlMediaInfo *media = tl_source_get_media (source);

  json_builder_set_member_name (builder, "source");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, tl_source_get_id (source));
  add_string (builder, "title", tl_source_get_title (source));
  add_string (builder, "kind", tl_source_kind_to_string (tl_source_get_kind (source)));
  add_string (builder, "outlet", tl_source_get_outlet (source));
  add_string (builder, "published", tl_source_get_published (source));
  add_string (builder, "url", tl_source_get_url (source));
  add_string (builder, "media", media ? media->path : NULL);
  json_builder_set_member_name (builder, "framerate");
  if (media && media->fps_num > 0)
    {
      g_autofree char *rate = g_strdup_printf ("%d/%d", media->fps_num, media->fps_den);
      json_builder_add_string_value (builder, rate);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static gboolean
json_write (TlExportContext *ctx, GString *out, GError **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "clips");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      TlClip *clip = item->clip;
      gint64 in = tl_clip_get_in (clip), out_us = tl_clip_get_out (clip);
      const char *const *topics = tl_clip_get_topics (clip);
      g_autofree char *in_tc = in >= 0 ? tl_export_format_timecode (item->source, in) : NULL;
      g_autofree char *out_tc = in >= 0 ? tl_export_format_timecode (item->source, out_us) : NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, tl_clip_get_id (clip));
      add_source (builder, item->source);
      json_builder_set_member_name (builder, "quote");
      json_builder_add_boolean_value (builder, in < 0);
      add_seconds (builder, "in", in);
      add_seconds (builder, "out", out_us);
      add_seconds (builder, "duration", in >= 0 ? out_us - in : -1);
      add_string (builder, "in_timecode", in_tc);
      add_string (builder, "out_timecode", out_tc);
      json_builder_set_member_name (builder, "paragraphs");
      if (tl_clip_get_first_segment (clip) >= 0)
        {
          json_builder_begin_array (builder);
          json_builder_add_int_value (builder, tl_clip_get_first_segment (clip));
          json_builder_add_int_value (builder, tl_clip_get_last_segment (clip));
          json_builder_end_array (builder);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "topics");
      json_builder_begin_array (builder);
      for (guint t = 0; topics[t] != NULL; t++)
        json_builder_add_string_value (builder, topics[t]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "rating");
      json_builder_add_int_value (builder, tl_clip_get_rating (clip));
      add_string (builder, "title", tl_clip_get_title (clip));
      add_string (builder, "note", tl_clip_get_note (clip));
      add_string (builder, "text", item->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  tl_json_append (out, root, TRUE);
  g_string_append_c (out, '\n');
  return TRUE;
}

const TlExporter tl_exporter_json = {
  .name = "json",
  .label = "JSON",
  .extension = "json",
  .write = json_write,
};
