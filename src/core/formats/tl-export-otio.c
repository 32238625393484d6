/* tl-export-otio.c: the clip list as an OpenTimelineIO timeline (.otio
 * JSON): Timeline.1 / Stack.1 / Track.1 / Clip.2 with ExternalReference.1
 * media, topics in metadata and as Marker.2 (which every release that reads
 * Clip.2 reads). Times are whole frames at each media's exact rate. */
#include "tl-export-private.h"

#include "tl-json.h"

static void
add_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    {
      g_autofree char *clean = tl_export_clean (value, FALSE);
      json_builder_add_string_value (b, clean);
    }
  else
    json_builder_add_null_value (b);
}

static void
add_schema (JsonBuilder *b, const char *schema)
{
  json_builder_set_member_name (b, "OTIO_SCHEMA");
  json_builder_add_string_value (b, schema);
}

/* The rate as a double: 30000/1001 is written with the 17 digits that give
 * it back exactly, which OTIO needs to recognise it as a timecode rate. */
static void
add_time (JsonBuilder *b, const char *name, gint64 frames, int fps_num, int fps_den)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  add_schema (b, "RationalTime.1");
  json_builder_set_member_name (b, "rate");
  json_builder_add_double_value (b, (double) fps_num / fps_den);
  json_builder_set_member_name (b, "value");
  json_builder_add_double_value (b, (double) frames);
  json_builder_end_object (b);
}

static void
add_range (JsonBuilder *b, const char *name, gint64 start, gint64 duration, int fps_num, int fps_den)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  add_schema (b, "TimeRange.1");
  add_time (b, "duration", duration, fps_num, fps_den);
  add_time (b, "start_time", start, fps_num, fps_den);
  json_builder_end_object (b);
}

static void
add_empty_array (JsonBuilder *b, const char *name)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  json_builder_end_array (b);
}

static void
add_empty_object (JsonBuilder *b, const char *name)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  json_builder_end_object (b);
}

static void
add_clip_metadata (JsonBuilder *b, TlExportItem *item)
{
  const char *const *topics = tl_clip_get_topics (item->clip);

  json_builder_set_member_name (b, "metadata");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "tagline");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "clip_id");
  json_builder_add_int_value (b, tl_clip_get_id (item->clip));
  json_builder_set_member_name (b, "source_id");
  json_builder_add_int_value (b, tl_source_get_id (item->source));
  add_string (b, "source", tl_source_get_title (item->source));
  add_string (b, "outlet", tl_source_get_outlet (item->source));
  add_string (b, "title", tl_clip_get_title (item->clip));
  add_string (b, "note", tl_clip_get_note (item->clip));
  json_builder_set_member_name (b, "rating");
  json_builder_add_int_value (b, tl_clip_get_rating (item->clip));
  json_builder_set_member_name (b, "topics");
  json_builder_begin_array (b);
  for (guint t = 0; topics[t] != NULL; t++)
    {
      g_autofree char *topic = tl_export_clean (topics[t], FALSE);
      json_builder_add_string_value (b, topic);
    }
  json_builder_end_array (b);
  add_string (b, "text", item->text);
  json_builder_set_member_name (b, "framerate_assumed");
  json_builder_add_boolean_value (b, item->default_rate);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
add_clip (JsonBuilder *b, TlExportContext *ctx, TlExportItem *item)
{
  const char *const *topics = tl_clip_get_topics (item->clip);
  const TlMediaInfo *media = tl_source_get_media (item->source);
  g_autofree char *name = tl_export_item_name (item);
  g_autofree char *path = tl_export_media_path (item->source);
  g_autofree char *file_name = g_path_get_basename (path);
  g_autofree char *uri = tl_export_media_uri (item->source, NULL);
  gint64 start = item->origin + item->in_frame, length = item->out_frame - item->in_frame;

  json_builder_begin_object (b);
  add_schema (b, "Clip.2");
  add_clip_metadata (b, item);
  add_string (b, "name", name);
  add_range (b, "source_range", start, length, item->fps_num, item->fps_den);
  add_empty_array (b, "effects");
  json_builder_set_member_name (b, "markers");
  json_builder_begin_array (b);
  for (guint t = 0; topics[t] != NULL; t++)
    {
      const char *color = tl_export_topic_color (ctx, topics[t]);
      json_builder_begin_object (b);
      add_schema (b, "Marker.2");
      add_empty_object (b, "metadata");
      add_string (b, "name", topics[t]);
      add_string (b, "color", tl_export_color_name (color, TL_EXPORT_PALETTE_OTIO));
      add_range (b, "marked_range", start, length, item->fps_num, item->fps_den);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "enabled");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_set_member_name (b, "media_references");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "DEFAULT_MEDIA");
  json_builder_begin_object (b);
  add_schema (b, "ExternalReference.1");
  json_builder_set_member_name (b, "metadata");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "tagline");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "media_found");
  json_builder_add_boolean_value (b, media != NULL);
  json_builder_end_object (b);
  json_builder_end_object (b);
  add_string (b, "name", file_name);
  add_range (b, "available_range", item->origin, tl_export_media_frames (item), item->fps_num, item->fps_den);
  add_string (b, "target_url", uri);
  json_builder_end_object (b);
  json_builder_end_object (b);
  add_string (b, "active_media_reference_key", "DEFAULT_MEDIA");
  json_builder_end_object (b);
}

static void
add_gap (JsonBuilder *b, gint64 frames, int fps_num, int fps_den)
{
  json_builder_begin_object (b);
  add_schema (b, "Gap.1");
  add_empty_object (b, "metadata");
  add_string (b, "name", "");
  add_range (b, "source_range", 0, frames, fps_num, fps_den);
  add_empty_array (b, "effects");
  add_empty_array (b, "markers");
  json_builder_set_member_name (b, "enabled");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_end_object (b);
}

static gboolean
wants (TlSource *source, gboolean video)
{
  const TlMediaInfo *media = tl_source_get_media (source);

  if (media == NULL || (!media->has_video && !media->has_audio))
    return TRUE;
  return video ? media->has_video : media->has_audio;
}

/* A track of one kind; clips without that kind of stream leave a gap, so
 * that both tracks keep the same cut points. */
static void
add_track (JsonBuilder *b, TlExportContext *ctx, gboolean video)
{
  gint64 gap = 0;

  json_builder_begin_object (b);
  add_schema (b, "Track.1");
  add_empty_object (b, "metadata");
  add_string (b, "name", video ? "V1" : "A1");
  json_builder_set_member_name (b, "source_range");
  json_builder_add_null_value (b);
  add_empty_array (b, "effects");
  add_empty_array (b, "markers");
  json_builder_set_member_name (b, "enabled");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_set_member_name (b, "children");
  json_builder_begin_array (b);
  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);

      if (!item->timed)
        continue;
      if (!wants (item->source, video))
        {
          gap += item->record_out - item->record_in;
          continue;
        }
      if (gap > 0)
        add_gap (b, gap, ctx->fps_num, ctx->fps_den);
      gap = 0;
      add_clip (b, ctx, item);
    }
  json_builder_end_array (b);
  add_string (b, "kind", video ? "Video" : "Audio");
  json_builder_end_object (b);
}

static gboolean
otio_write (TlExportContext *ctx, GString *out, GError **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  add_schema (b, "Timeline.1");
  json_builder_set_member_name (b, "metadata");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "tagline");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "clips_assumed_framerate");
  json_builder_add_int_value (b, ctx->n_default_rate);
  if (ctx->n_default_rate > 0)
    {
      g_autofree char *rate = g_strdup_printf ("%d/%d", ctx->options.fps_num, ctx->options.fps_den);
      add_string (b, "assumed_framerate", rate);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  add_string (b, "name", ctx->options.title);
  add_time (b, "global_start_time", tl_export_record_start (ctx->fps_num, ctx->fps_den), ctx->fps_num, ctx->fps_den);
  json_builder_set_member_name (b, "tracks");
  json_builder_begin_object (b);
  add_schema (b, "Stack.1");
  add_empty_object (b, "metadata");
  add_string (b, "name", "tracks");
  json_builder_set_member_name (b, "source_range");
  json_builder_add_null_value (b);
  add_empty_array (b, "effects");
  add_empty_array (b, "markers");
  json_builder_set_member_name (b, "enabled");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_set_member_name (b, "children");
  json_builder_begin_array (b);
  add_track (b, ctx, TRUE);
  add_track (b, ctx, FALSE);
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  tl_json_append (out, root, TRUE);
  g_string_append_c (out, '\n');
  return TRUE;
}

const TlExporter tl_exporter_otio = {
  .name = "otio",
  .label = "OpenTimelineIO",
  .extension = "otio",
  .time_based = TRUE,
  .write = otio_write,
};
