/* test-json-model.c: sources and clips as JSON, in each view the JSON
 * export and tagline-cli write: every field's name in its place, and a
 * field that two views share with the same value in both. Read from a
 * real library file with media at many frame rates and an article. */
#include <json-glib/json-glib.h>
#include <string.h>

#include "tl-json-model.h"
#include "tl-test-export.h"

static TlTestExportLibrary *lib;

/* What @w wrote into @text, parsed: an object. */
static JsonObject *
parse_object (JsonParser *parser, GString *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

/* The members of @object, in their order, joined by spaces. */
static char *
member_names (JsonObject *object)
{
  g_autoptr(GString) names = g_string_new (NULL);
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    g_string_append_printf (names, "%s%s", names->len ? " " : "", name);
  return g_strdup (names->str);
}

static void
assert_same_member (JsonObject *a, JsonObject *b, const char *name)
{
  g_assert_true (json_node_equal (json_object_get_member (a, name), json_object_get_member (b, name)));
}

static void
test_clip_views (void)
{
  static const char *const shared[] = { "id", "in", "out", "paragraphs", "topics", "rating", "title", "note", "text" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clips = tl_library_list_clips (lib->library, NULL, &error);
  guint n_quotes = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (clips->len, ==, lib->n_clips);
  for (guint i = 0; i < clips->len; i++)
    {
      TlClip *clip = g_ptr_array_index (clips, i);
      g_autoptr(TlSource) source = tl_library_get_source (lib->library, tl_clip_get_source_id (clip), &error);
      g_autofree char *text = tl_library_get_clip_text (lib->library, clip, &error);
      g_autoptr(GString) list_text = g_string_new (NULL);
      g_autoptr(GString) export_text = g_string_new (NULL);
      g_autoptr(TlJsonWriter) list_writer = tl_json_writer_new (list_text, TRUE);
      g_autoptr(TlJsonWriter) export_writer = tl_json_writer_new (export_text, FALSE);
      g_autoptr(JsonParser) list_parser = json_parser_new ();
      g_autoptr(JsonParser) export_parser = json_parser_new ();
      g_autofree char *list_names = NULL;
      g_autofree char *export_names = NULL;
      JsonObject *listed, *exported;

      g_assert_no_error (error);
      tl_json_write_clip (list_writer, clip, NULL, text, TL_JSON_CLIP_LIST);
      tl_json_write_clip (export_writer, clip, source, text, TL_JSON_CLIP_EXPORT);
      listed = parse_object (list_parser, list_text);
      exported = parse_object (export_parser, export_text);

      list_names = member_names (listed);
      export_names = member_names (exported);
      g_assert_cmpstr (list_names, ==, "id source_id in out paragraphs topics rating title note text");
      g_assert_cmpstr (export_names, ==,
                       "id source quote in out duration in_timecode out_timecode paragraphs topics rating title note "
                       "text");
      for (guint f = 0; f < G_N_ELEMENTS (shared); f++)
        assert_same_member (listed, exported, shared[f]);
      g_assert_cmpint (json_object_get_int_member (listed, "source_id"), ==,
                       json_object_get_int_member (json_object_get_object_member (exported, "source"), "id"));
      g_assert_cmpstr (json_object_get_string_member (listed, "text"), ==, text);

      /* a quote has paragraphs and no times */
      if (json_object_get_boolean_member (exported, "quote"))
        {
          n_quotes++;
          g_assert_true (json_object_get_null_member (exported, "in"));
          g_assert_true (json_object_get_null_member (exported, "in_timecode"));
          g_assert_true (json_object_get_null_member (exported, "duration"));
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (listed, "paragraphs")), ==, 2);
        }
      else
        {
          g_assert_true (json_object_get_null_member (listed, "paragraphs"));
          g_assert_cmpfloat_with_epsilon (json_object_get_double_member (exported, "duration"),
                                          (tl_clip_get_out (clip) - tl_clip_get_in (clip)) / 1e6, 1e-9);
          g_assert_nonnull (json_object_get_string_member (exported, "in_timecode"));
        }
    }
  g_assert_cmpuint (n_quotes, ==, lib->n_quotes);
}

static void
test_source_views (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = tl_library_list_sources (lib->library, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, TL_TEST_N_SOURCES);
  for (guint i = 0; i < sources->len; i++)
    {
      TlSource *source = g_ptr_array_index (sources, i);
      gint64 id = tl_source_get_id (source);
      g_autoptr(TlSource) full_source = tl_library_get_source (lib->library, id, &error);
      g_autoptr(GPtrArray) segments = tl_library_get_segments (lib->library, id, &error);
      g_autoptr(GPtrArray) chapters = tl_library_get_chapters (lib->library, id, &error);
      GString *texts[3];
      g_autoptr(JsonParser) list_parser = json_parser_new ();
      g_autoptr(JsonParser) full_parser = json_parser_new ();
      g_autoptr(JsonParser) export_parser = json_parser_new ();
      JsonParser *parsers[3] = { list_parser, full_parser, export_parser };
      JsonObject *objects[3];
      g_autofree char *list_names = NULL, *full_names = NULL, *export_names = NULL;
      JsonObject *media;

      g_assert_no_error (error);
      for (TlJsonSourceView view = TL_JSON_SOURCE_LIST; view <= TL_JSON_SOURCE_EXPORT; view++)
        {
          g_autoptr(TlJsonWriter) w = tl_json_writer_new (texts[view] = g_string_new (NULL), TRUE);
          tl_json_write_source (w, view == TL_JSON_SOURCE_FULL ? full_source : source, view, chapters, segments);
          objects[view] = parse_object (parsers[view], texts[view]);
        }
      for (guint v = 0; v < 3; v++)
        g_string_free (texts[v], TRUE);

      list_names = member_names (objects[TL_JSON_SOURCE_LIST]);
      full_names = member_names (objects[TL_JSON_SOURCE_FULL]);
      export_names = member_names (objects[TL_JSON_SOURCE_EXPORT]);
      g_assert_cmpstr (list_names, ==, "id title kind outlet duration segments timing folder");
      g_assert_cmpstr (full_names, ==,
                       "id title kind format outlet published url external_id duration description language folder "
                       "origin keywords chapters timing media segments");
      g_assert_cmpstr (export_names, ==, "id title kind outlet published url media framerate");

      for (guint f = 0; f < 7; f++)
        {
          static const char *const in_list_and_full[] = { "id", "title", "kind", "outlet", "duration", "timing",
                                                          "folder" };
          assert_same_member (objects[TL_JSON_SOURCE_LIST], objects[TL_JSON_SOURCE_FULL], in_list_and_full[f]);
        }
      for (guint f = 0; f < 6; f++)
        {
          static const char *const in_full_and_export[] = { "id", "title", "kind", "outlet", "published", "url" };
          assert_same_member (objects[TL_JSON_SOURCE_FULL], objects[TL_JSON_SOURCE_EXPORT], in_full_and_export[f]);
        }
      /* "segments" is a count in the list and the lines themselves in full */
      g_assert_cmpint (json_object_get_int_member (objects[TL_JSON_SOURCE_LIST], "segments"), ==, segments->len);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (objects[TL_JSON_SOURCE_FULL],
                                                                             "segments")), ==, segments->len);
      /* "media" is an object in full and the file's path in the export */
      if (json_object_get_null_member (objects[TL_JSON_SOURCE_FULL], "media"))
        {
          g_assert_true (json_object_get_null_member (objects[TL_JSON_SOURCE_EXPORT], "media"));
          g_assert_true (json_object_get_null_member (objects[TL_JSON_SOURCE_EXPORT], "framerate"));
          continue;
        }
      media = json_object_get_object_member (objects[TL_JSON_SOURCE_FULL], "media");
      g_assert_cmpstr (json_object_get_string_member (media, "path"), ==,
                       json_object_get_string_member (objects[TL_JSON_SOURCE_EXPORT], "media"));
      assert_same_member (media, objects[TL_JSON_SOURCE_EXPORT], "framerate");
    }
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  lib = tl_test_export_library_new ();
  g_test_add_func ("/core/json-model/clip/views", test_clip_views);
  g_test_add_func ("/core/json-model/source/views", test_source_views);
  status = g_test_run ();
  tl_test_export_library_free (lib);
  return status;
}
