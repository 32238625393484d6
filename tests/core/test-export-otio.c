/* test-export-otio.c: OpenTimelineIO timelines of a real library, read
 * back by a small reader written here (json-glib): the schemas OTIO
 * expects, the same frames at exactly the media's rate, cut points that
 * match the EDL's, topics as markers and metadata. */
#include <json-glib/json-glib.h>
#include <string.h>

#include "tl-test-export.h"

static TlTestExportLibrary *lib;

/* The reader */

static JsonNode *
otio_read (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_schema (JsonObject *object, const char *schema)
{
  g_assert_cmpstr (json_object_get_string_member (object, "OTIO_SCHEMA"), ==, schema);
}

/* A RationalTime as whole frames at exactly @num/@den. */
static gint64
frames (JsonObject *time, int num, int den)
{
  double value = json_object_get_double_member (time, "value");

  assert_schema (time, "RationalTime.1");
  g_assert_cmpfloat (json_object_get_double_member (time, "rate"), ==, (double) num / den);
  g_assert_cmpfloat (value, ==, (double) (gint64) value);
  return (gint64) value;
}

static JsonObject *
range_member (JsonObject *object, const char *name, const char *part)
{
  JsonObject *range = json_object_get_object_member (object, name);

  assert_schema (range, "TimeRange.1");
  return json_object_get_object_member (range, part);
}

static JsonArray *
track (JsonNode *root, guint index, const char *kind)
{
  JsonObject *timeline = json_node_get_object (root);
  JsonObject *stack = json_object_get_object_member (timeline, "tracks");
  JsonObject *t;

  assert_schema (timeline, "Timeline.1");
  assert_schema (stack, "Stack.1");
  t = json_array_get_object_element (json_object_get_array_member (stack, "children"), index);
  assert_schema (t, "Track.1");
  g_assert_cmpstr (json_object_get_string_member (t, "kind"), ==, kind);
  return json_object_get_array_member (t, "children");
}

static gboolean
has (TlSource *source, gboolean video)
{
  const TlMediaInfo *media = tl_source_get_media (source);

  if (media == NULL)
    return TRUE;
  return video ? media->has_video : media->has_audio;
}

/* Tests */

/* Each clip on the video track (and its gaps) gives back the frames that
 * went in; the cut points are the EDL's record times. */
static void
test_round_trip (void)
{
  g_autoptr(TlExportContext) ctx = tl_test_export_context (lib, NULL, NULL);
  g_autofree char *text = tl_test_export (lib, "otio", NULL, NULL, NULL);
  g_autoptr(JsonNode) root = otio_read (text);
  JsonArray *video = track (root, 0, "Video");
  JsonObject *start = json_object_get_object_member (json_node_get_object (root), "global_start_time");
  guint c = 0;
  gint64 position = 0;

  g_assert_cmpint (frames (start, ctx->fps_num, ctx->fps_den), ==, 107892);
  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      JsonObject *clip, *reference;

      if (!item->timed)
        continue;
      clip = json_array_get_object_element (video, c++);
      if (!has (item->source, TRUE))
        {
          /* an audio file leaves a gap as long as its clip on the timeline */
          assert_schema (clip, "Gap.1");
          position += frames (range_member (clip, "source_range", "duration"), ctx->fps_num, ctx->fps_den);
          g_assert_cmpint (position, ==, item->record_out);
          continue;
        }
      assert_schema (clip, "Clip.2");
      g_assert_cmpint (frames (range_member (clip, "source_range", "start_time"), item->fps_num, item->fps_den), ==,
                       item->origin + item->in_frame);
      g_assert_cmpint (frames (range_member (clip, "source_range", "duration"), item->fps_num, item->fps_den), ==,
                       item->out_frame - item->in_frame);
      /* OTIO places clips by their durations: at the timeline's rate they
       * fall on the record frames */
      if (item->fps_num == ctx->fps_num && item->fps_den == ctx->fps_den)
        g_assert_cmpint (position, ==, item->record_in);
      position = item->record_out;
      g_assert_cmpstr (json_object_get_string_member (clip, "active_media_reference_key"), ==, "DEFAULT_MEDIA");
      reference = json_object_get_object_member (json_object_get_object_member (clip, "media_references"),
                                                 "DEFAULT_MEDIA");
      assert_schema (reference, "ExternalReference.1");
      g_assert_cmpint (frames (range_member (reference, "available_range", "start_time"), item->fps_num,
                               item->fps_den), ==, item->origin);
      g_assert_cmpint (frames (range_member (reference, "available_range", "duration"), item->fps_num,
                               item->fps_den), >=, item->out_frame);
      g_assert_true (g_str_has_prefix (json_object_get_string_member (reference, "target_url"), "file:///"));
    }
  g_assert_cmpuint (c, ==, json_array_get_length (video));
}

/* One rate: every cut point is a record frame of the EDL. */
static void
test_single_rate_positions (void)
{
  gint64 ids[] = { lib->sources[TL_TEST_SOURCE_CBS] };
  TlClipFilter filter = { .source_ids = ids, .n_source_ids = 1 };
  g_autoptr(TlExportContext) ctx = tl_test_export_context (lib, &filter, NULL);
  g_autofree char *text = tl_test_export (lib, "otio", &filter, NULL, NULL);
  g_autoptr(JsonNode) root = otio_read (text);
  JsonArray *video = track (root, 0, "Video"), *audio = track (root, 1, "Audio");
  gint64 position = 0;

  g_assert_cmpuint (json_array_get_length (video), ==, ctx->items->len);
  g_assert_cmpuint (json_array_get_length (audio), ==, ctx->items->len);
  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      JsonObject *clip = json_array_get_object_element (video, i);
      JsonObject *sound = json_array_get_object_element (audio, i);

      g_assert_cmpint (position, ==, item->record_in);
      position += frames (range_member (clip, "source_range", "duration"), ctx->fps_num, ctx->fps_den);
      g_assert_cmpint (position, ==, item->record_out);
      /* the audio under it: the same range, without a second set of markers */
      g_assert_cmpint (frames (range_member (sound, "source_range", "start_time"), item->fps_num, item->fps_den), ==,
                       item->origin + item->in_frame);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (sound, "markers")), ==, 0);
    }
}

/* Topics as markers over the clip (Marker.2, OTIO's colour names) and,
 * with the title, note and words, in the clip's metadata, intact. */
static void
test_markers_metadata (void)
{
  static const char *const colors[] = { "PINK", "RED", "ORANGE", "YELLOW", "GREEN", "CYAN", "BLUE", "PURPLE",
                                        "MAGENTA", "BLACK", "WHITE", NULL };
  g_autoptr(TlExportContext) ctx = tl_test_export_context (lib, NULL, NULL);
  g_autofree char *text = tl_test_export (lib, "otio", NULL, NULL, NULL);
  g_autoptr(JsonNode) root = otio_read (text);
  JsonArray *video = track (root, 0, "Video"), *audio = track (root, 1, "Audio");
  guint c = 0, a = 0;

  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      const char *const *topics = tl_clip_get_topics (item->clip);
      JsonObject *clip, *tagline;
      JsonArray *markers, *meta_topics;

      if (!item->timed)
        continue;
      clip = json_array_get_object_element (video, c++);
      if (!has (item->source, TRUE))
        clip = json_array_get_object_element (audio, a);
      if (has (item->source, FALSE))
        a++;
      markers = json_object_get_array_member (clip, "markers");
      g_assert_cmpuint (json_array_get_length (markers), ==, g_strv_length ((char **) topics));
      for (guint t = 0; topics[t] != NULL; t++)
        {
          JsonObject *marker = json_array_get_object_element (markers, t);
          assert_schema (marker, "Marker.2");
          g_assert_true (tl_test_export_clean_equal (topics[t], json_object_get_string_member (marker, "name"),
                                                     FALSE));
          g_assert_true (g_strv_contains (colors, json_object_get_string_member (marker, "color")));
          g_assert_cmpint (frames (range_member (marker, "marked_range", "start_time"), item->fps_num, item->fps_den),
                           ==, item->origin + item->in_frame);
        }
      tagline = json_object_get_object_member (json_object_get_object_member (clip, "metadata"), "tagline");
      g_assert_cmpint (json_object_get_int_member (tagline, "clip_id"), ==, tl_clip_get_id (item->clip));
      g_assert_true (tl_test_export_clean_equal (item->text, json_object_get_string_member (tagline, "text"), FALSE));
      g_assert_cmpint (json_object_get_boolean_member (tagline, "framerate_assumed"), ==, item->default_rate);
      if (tl_clip_get_title (item->clip))
        g_assert_true (tl_test_export_clean_equal (tl_clip_get_title (item->clip),
                                                   json_object_get_string_member (tagline, "title"), FALSE));
      meta_topics = json_object_get_array_member (tagline, "topics");
      for (guint t = 0; topics[t] != NULL; t++)
        g_assert_cmpstr (json_array_get_string_element (meta_topics, t), ==, topics[t]);
    }
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                     json_object_get_object_member (json_node_get_object (root), "metadata"), "tagline"),
                     "clips_assumed_framerate"), ==, 2);
}

/* 30000/1001 written so that it reads back as exactly that double (OTIO
 * compares rates exactly to recognise 29.97 timecode). */
static void
test_exact_rate (void)
{
  g_autofree char *text = tl_test_export (lib, "otio", NULL, NULL, NULL);

  g_assert_nonnull (strstr (text, "\"rate\": 29.970029970029969"));
  g_assert_nonnull (strstr (text, "\"rate\": 23.976023976023978"));
  g_assert_nonnull (strstr (text, "\"rate\": 25.0"));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  lib = tl_test_export_library_new ();
  g_test_add_func ("/core/export/otio/round-trip", test_round_trip);
  g_test_add_func ("/core/export/otio/single-rate-positions", test_single_rate_positions);
  g_test_add_func ("/core/export/otio/markers-metadata", test_markers_metadata);
  g_test_add_func ("/core/export/otio/exact-rate", test_exact_rate);
  status = g_test_run ();
  tl_test_export_library_free (lib);
  return status;
}
