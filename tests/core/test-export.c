/* test-export.c: what every format is given: the clips a filter selects,
 * their words, their frames on the media's grid and their place on the
 * timeline, read from a real library file; and the export calls. */
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "tl-test-export.h"
#include "tl-timecode.h"

static TlTestExportLibrary *lib;

/* The nearest frame, computed here the plain way, to check the exporter's. */
static gint64
nearest_frame (gint64 usec, int num, int den)
{
  return (gint64) floor ((double) usec * num / ((double) den * 1e6) + 0.5);
}

static TlExportItem *
find_item (TlExportContext *ctx, TlTestSource source, gint64 in_usec)
{
  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      if (tl_source_get_id (item->source) == lib->sources[source] && tl_clip_get_in (item->clip) == in_usec)
        return item;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_registry (void)
{
  static const char *const names[] = { "csv", "json", "edl", "fcpxml", "xmeml", "otio", "srt", "vtt", "md", "html" };
  static const gboolean timed[] = { FALSE, FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, FALSE, FALSE };
  guint n;
  const TlExporter *const *all = tl_exporters (&n);

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (all[i]->name, ==, names[i]);
      g_assert_true (tl_exporter_find (names[i]) == all[i]);
      g_assert_cmpint (all[i]->time_based, ==, timed[i]);
      g_assert_nonnull (all[i]->extension);
    }
  g_assert_true (tl_exporter_find ("FCPXML") == &tl_exporter_fcpxml);
  g_assert_null (tl_exporter_find ("docx"));
}

/* The words come from one query for all clips; they must be what the
 * library says each clip holds. */
static void
test_text (void)
{
  g_autoptr(TlExportContext) ctx = tl_test_export_context (lib, NULL, NULL);
  guint with_lines = 0;

  g_assert_cmpuint (ctx->items->len, ==, lib->n_clips);
  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = tl_library_get_clip_text (lib->library, item->clip, &error);
      g_autoptr(GString) joined = g_string_new (NULL);

      g_assert_no_error (error);
      g_assert_cmpstr (item->text, ==, expected);
      /* real speech: nothing in it that an export would have to drop */
      g_assert_true (tl_test_export_clean_equal (item->text, item->text, FALSE));
      for (guint l = 0; l < item->lines->len; l++)
        {
          TlExportLine *line = g_ptr_array_index (item->lines, l);
          if (l > 0)
            {
              g_assert_cmpint (line->index, >, ((TlExportLine *) g_ptr_array_index (item->lines, l - 1))->index);
              g_string_append_c (joined, ' ');
            }
          g_string_append (joined, line->text);
        }
      g_assert_cmpstr (joined->str, ==, expected);
      with_lines += item->lines->len > 0;
    }
  g_assert_cmpuint (with_lines, ==, lib->n_clips);
}

/* Overlapping lines (the importer orders them by start): the clip from 2 s
 * to 6.5 s holds the three that reach into it. */
static void
test_text_overlap (void)
{
  gint64 ids[] = { lib->sources[TL_TEST_SOURCE_OVERLAP] };
  TlClipFilter filter = { .source_ids = ids, .n_source_ids = 1 };
  g_autoptr(TlExportContext) ctx = tl_test_export_context (lib, &filter, NULL);
  TlExportItem *part = find_item (ctx, TL_TEST_SOURCE_OVERLAP, 2000000);
  TlExportItem *whole = find_item (ctx, TL_TEST_SOURCE_OVERLAP, 0);

  g_assert_cmpuint (whole->lines->len, ==, 4);
  g_assert_cmpstr (part->text, ==,
                   "The summit opened with a parade. A cheer from the crowd. Ammunition supplies were discussed.");
}

/* Lines whose times run against their order (tapped by hand, say), some
 * without an end: every range must still hold what the library says. */
static void
test_text_unordered (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = tl_library_open (path, &error);
  g_autoptr(TlDocument) doc = tl_document_new ("test");
  static const gint64 times[][2] = {
    { 0, 2000000 }, { 5000000, 6000000 }, { 1500000, 9000000 }, { 3000000, TL_TIME_NONE },
    { 8000000, 8500000 }, { 2500000, 2600000 }, { 10000000, 12000000 },
  };
  g_autoptr(TlTopic) topic = NULL;
  g_autoptr(TlExportContext) ctx = NULL;
  gint64 source_id;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *text = g_strdup_printf ("line %u", i);
      tl_document_add_segment (doc, times[i][0], times[i][1], text, -1);
    }
  doc->timing = TL_TIMING_TAPPED;
  doc->title = tl_document_strdup (doc, "Tapped");
  source_id = tl_library_add_document (library, doc, NULL, &error);
  g_assert_no_error (error);
  topic = tl_library_add_topic (library, "T", 0, NULL, &error);
  g_assert_no_error (error);
  for (gint64 in = 0; in < 12000000; in += 700000)
    for (gint64 length = 100000; length < 6000000; length += 1300000)
      {
        TlClipSpec spec = { source_id, in, in + length, -1, -1, NULL, NULL, 0, (const char *const[]) { "T", NULL } };
        tl_library_add_clip (library, &spec, &error);
        g_assert_no_error (error);
      }
  ctx = tl_export_context_new (library, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      g_autofree char *expected = tl_library_get_clip_text (library, item->clip, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (item->text, ==, expected);
    }
}

static void
test_snap (void)
{
  g_autoptr(TlExportContext) ctx = tl_test_export_context (lib, NULL, NULL);
  TlExportItem *cbs = find_item (ctx, TL_TEST_SOURCE_CBS, 5560000);
  TlExportItem *bbc = find_item (ctx, TL_TEST_SOURCE_BBC, 20000);
  TlExportItem *fp = find_item (ctx, TL_TEST_SOURCE_FIRSTPOST, 1011000);
  TlExportItem *none = find_item (ctx, TL_TEST_SOURCE_NO_MEDIA, 1500000);
  TlExportItem *audio = find_item (ctx, TL_TEST_SOURCE_AUDIO, 300000);
  guint n_timed = 0;

  /* 5.56 s at 30000/1001 is frame 166.63, 12.72 s frame 381.22 */
  g_assert_cmpint (cbs->in_frame, ==, 167);
  g_assert_cmpint (cbs->out_frame, ==, 381);
  /* 00:59:58;00 is frame 3598 × 30 less 2 × 54 dropped */
  g_assert_cmpint (cbs->origin, ==, 107832);
  g_assert_cmpint (bbc->in_frame, ==, 0);
  g_assert_cmpint (bbc->out_frame, ==, 144);
  g_assert_cmpint (fp->in_frame, ==, 51);
  g_assert_cmpint (fp->origin, ==, 10 * 3600 * 50);
  g_assert_true (none->default_rate);
  g_assert_true (audio->default_rate);
  g_assert_cmpint (none->fps_num, ==, TL_EXPORT_DEFAULT_FPS_NUM);
  g_assert_cmpint (none->fps_den, ==, TL_EXPORT_DEFAULT_FPS_DEN);
  g_assert_cmpint (audio->in_frame, ==, 8); /* 0.3 s × 25 = 7.5: the nearest, upwards */

  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      const TlMediaInfo *media = tl_source_get_media (item->source);

      if (!item->timed)
        {
          g_assert_cmpint (tl_clip_get_in (item->clip), ==, TL_TIME_NONE);
          continue;
        }
      n_timed++;
      g_assert_cmpint (item->in_frame, ==, nearest_frame (tl_clip_get_in (item->clip), item->fps_num, item->fps_den));
      g_assert_cmpint (item->out_frame, ==, nearest_frame (tl_clip_get_out (item->clip), item->fps_num, item->fps_den));
      g_assert_cmpint (item->out_frame, >, item->in_frame);
      if (media != NULL && media->fps_num > 0)
        {
          g_assert_false (item->default_rate);
          g_assert_cmpint (item->fps_num, ==, media->fps_num);
          g_assert_cmpint (item->fps_den, ==, media->fps_den);
        }
      else
        g_assert_true (item->default_rate);
    }
  g_assert_cmpuint (n_timed, ==, lib->n_clips - lib->n_quotes);
  g_assert_cmpuint (ctx->n_timed, ==, n_timed);
  g_assert_cmpuint (ctx->n_default_rate, ==, 2);
}

static void
test_default_rate_option (void)
{
  TlExportOptions options = { .fps_num = 30000, .fps_den = 1001 };
  g_autoptr(TlExportContext) ctx = tl_test_export_context (lib, NULL, &options);
  TlExportItem *none = find_item (ctx, TL_TEST_SOURCE_NO_MEDIA, 1500000);

  g_assert_cmpint (none->fps_num, ==, 30000);
  g_assert_cmpint (none->fps_den, ==, 1001);
  g_assert_cmpint (none->in_frame, ==, 45); /* 1.5 s × 29.97 = 44.96 */
}

/* The timed clips end to end from zero at the first clip's rate; a clip at
 * another rate keeps its length in time. */
static void
test_layout (void)
{
  g_autoptr(TlExportContext) ctx = tl_test_export_context (lib, NULL, NULL);
  gint64 position = 0;

  g_assert_cmpint (ctx->fps_num, ==, 30000);
  g_assert_cmpint (ctx->fps_den, ==, 1001);
  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      gint64 length = item->out_frame - item->in_frame;
      double seconds = (double) length * item->fps_den / item->fps_num;

      if (!item->timed)
        continue;
      g_assert_cmpint (item->record_in, ==, position);
      if (item->fps_num == ctx->fps_num && item->fps_den == ctx->fps_den)
        g_assert_cmpint (item->record_out - item->record_in, ==, length);
      else
        g_assert_cmpint (item->record_out - item->record_in, ==, nearest_frame ((gint64) (seconds * 1e6 + 0.5),
                                                                                 ctx->fps_num, ctx->fps_den));
      position = item->record_out;
    }
}

static void
test_order (void)
{
  TlClipFilter filter = { .order = TL_CLIP_ORDER_RATING };
  g_autoptr(TlExportContext) ctx = tl_test_export_context (lib, &filter, NULL);

  for (guint i = 1; i < ctx->items->len; i++)
    g_assert_cmpuint (tl_clip_get_rating (((TlExportItem *) g_ptr_array_index (ctx->items, i - 1))->clip), >=,
                      tl_clip_get_rating (((TlExportItem *) g_ptr_array_index (ctx->items, i))->clip));
  /* the best clip is on the CBS source, so the timeline is at 29.97 */
  g_assert_cmpint (ctx->fps_num, ==, 30000);
}

static void
test_skipped (void)
{
  TlExportStats stats = { 0 };
  g_autofree char *edl = tl_test_export (lib, "edl", NULL, NULL, &stats);
  g_autofree char *csv = NULL;

  g_assert_cmpuint (stats.n_skipped, ==, lib->n_quotes);
  g_assert_cmpuint (stats.n_clips, ==, lib->n_clips - lib->n_quotes);
  g_assert_cmpuint (stats.n_default_rate, ==, 2);
  g_assert_cmpuint (stats.n_files, ==, 1);
  csv = tl_test_export (lib, "csv", NULL, NULL, &stats);
  g_assert_cmpuint (stats.n_skipped, ==, 0);
  g_assert_cmpuint (stats.n_clips, ==, lib->n_clips);
  g_assert_cmpuint (stats.n_default_rate, ==, 0);
}

static void
test_errors (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 article[] = { lib->sources[TL_TEST_SOURCE_ARTICLE] };
  TlClipFilter quotes = { .source_ids = article, .n_source_ids = 1 };
  TlClipFilter none = { .min_rating = 5, .topics = (const char *const[]) { "🎉 Emoji", NULL },
                        .source_ids = article, .n_source_ids = 1 };

  g_assert_false (tl_export_to_string (lib->library, NULL, "docx", NULL, out, NULL, &error));
  g_assert_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_UNKNOWN_FORMAT);
  g_clear_error (&error);

  g_assert_false (tl_export_to_string (lib->library, &none, "csv", NULL, out, NULL, &error));
  g_assert_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_NOTHING);
  g_clear_error (&error);

  /* quotes only: a time-based format says why it has nothing to write */
  g_assert_false (tl_export_to_string (lib->library, &quotes, "fcpxml", NULL, out, NULL, &error));
  g_assert_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_NOTHING);
  g_assert_nonnull (strstr (error->message, "quotes"));
  g_assert_cmpuint (out->len, ==, 0);
  g_clear_error (&error);
  g_assert_true (tl_export_to_string (lib->library, &quotes, "md", NULL, out, NULL, &error));
  g_assert_no_error (error);
}

static void
test_part_path (void)
{
  static const char *const cases[][2] = {
    { "cut.edl", "cut-3.edl" },
    { "/a.b/cut", "/a.b/cut-3" },
    { "/tmp/.edl", "/tmp/.edl-3" },
    { "my cut.v2.edl", "my cut.v2-3.edl" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *first = tl_export_part_path (cases[i][0], 1);
      g_autofree char *third = tl_export_part_path (cases[i][0], 3);
      g_assert_cmpstr (first, ==, cases[i][0]);
      g_assert_cmpstr (third, ==, cases[i][1]);
    }
}

typedef struct {
  GMainLoop *loop;
  gboolean ok;
  GError *error;
  TlExportStats stats;
} AsyncResult;

static void
export_done (GObject *source, GAsyncResult *result, gpointer data)
{
  AsyncResult *r = data;

  r->ok = tl_export_to_file_finish (result, &r->stats, &r->error);
  g_main_loop_quit (r->loop);
}

static void
test_async (void)
{
  g_autofree char *path = g_build_filename (lib->dir, "async.otio", NULL);
  g_autofree char *cancelled_path = g_build_filename (lib->dir, "cancelled.otio", NULL);
  g_autofree char *expected = tl_test_export (lib, "otio", NULL, NULL, NULL);
  g_autofree char *written = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncResult r = { loop };

  tl_export_to_file_async (lib->library, NULL, "otio", NULL, path, NULL, export_done, &r);
  g_main_loop_run (loop);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_cmpuint (r.stats.n_clips, ==, lib->n_clips - lib->n_quotes);
  g_assert_cmpuint (r.stats.n_skipped, ==, lib->n_quotes);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);

  g_cancellable_cancel (cancellable);
  tl_export_to_file_async (lib->library, NULL, "otio", NULL, cancelled_path, cancellable, export_done, &r);
  g_main_loop_run (loop);
  g_assert_false (r.ok);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (cancelled_path, G_FILE_TEST_EXISTS));
  g_clear_error (&r.error);
}

/* The README's fields, with every hostile string back as it went in. */
static void
test_json_stable (void)
{
  static const char *const fields[] = {
    "id", "source", "quote", "in", "out", "duration", "in_timecode", "out_timecode", "paragraphs", "topics",
    "rating", "title", "note", "text",
  };
  g_autofree char *json = tl_test_export (lib, "json", NULL, NULL, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *clips;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  clips = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "clips");
  g_assert_cmpuint (json_array_get_length (clips), ==, lib->n_clips);
  for (guint i = 0; i < json_array_get_length (clips); i++)
    {
      JsonObject *clip = json_array_get_object_element (clips, i);
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        g_assert_true (json_object_has_member (clip, fields[f]));
      if (!json_object_get_null_member (clip, "title"))
        g_hash_table_add (titles, (gpointer) json_object_get_string_member (clip, "title"));
    }
  for (guint i = 0; tl_test_hostile_titles[i] != NULL; i++)
    g_assert_true (g_hash_table_contains (titles, tl_test_hostile_titles[i]));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  lib = tl_test_export_library_new ();
  g_test_add_func ("/core/export/registry", test_registry);
  g_test_add_func ("/core/export/gather/text", test_text);
  g_test_add_func ("/core/export/gather/text-overlap", test_text_overlap);
  g_test_add_func ("/core/export/gather/text-unordered", test_text_unordered);
  g_test_add_func ("/core/export/gather/snap", test_snap);
  g_test_add_func ("/core/export/gather/default-rate", test_default_rate_option);
  g_test_add_func ("/core/export/gather/layout", test_layout);
  g_test_add_func ("/core/export/gather/order", test_order);
  g_test_add_func ("/core/export/skipped", test_skipped);
  g_test_add_func ("/core/export/errors", test_errors);
  g_test_add_func ("/core/export/part-path", test_part_path);
  g_test_add_func ("/core/export/async", test_async);
  g_test_add_func ("/core/export/json-stable", test_json_stable);
  status = g_test_run ();
  tl_test_export_library_free (lib);
  return status;
}
