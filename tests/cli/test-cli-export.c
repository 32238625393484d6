/* test-cli-export.c: tagline-cli export in every format on a real library
 * file: the same bytes as the library API writes, the filters, the options
 * formats need (--timeline, --fps, --title, --split), its JSON report, and
 * one-line errors with the exit statuses the README promises. */
#include <json-glib/json-glib.h>
#include <string.h>

#include "tl-test-cli.h"
#include "tl-test-export.h"

static TlTestExportLibrary *lib;

/* Runs `tagline-cli export` with the arguments, up to a NULL, on @library. */
static TlTestCliRun *
run_export (const char *library, ...)
{
  TlTestCliRun *run;
  va_list args;

  va_start (args, library);
  run = tl_test_cli_run_valist (NULL, library, "export", args);
  va_end (args);
  return run;
}

/* An error the command reports: one line, named as the command's own. */
static void
assert_one_line (const char *text)
{
  tl_test_cli_assert_one_line (text);
  g_assert_true (g_str_has_prefix (text, "tagline-cli: "));
}

/* Every format to a file, byte for byte what the library API writes. */
static void
test_every_format (void)
{
  guint n;
  const TlExporter *const *exporters = tl_exporters (&n);

  for (guint i = 0; i < n; i++)
    {
      const TlExporter *e = exporters[i];
      g_autofree char *name = g_strdup_printf ("cut.%s", e->extension);
      g_autofree char *path = g_build_filename (lib->dir, name, NULL);
      g_autofree char *written = NULL, *expected = tl_test_export (lib, e->name, NULL, NULL, NULL);
      g_autoptr(TlTestCliRun) run = run_export (lib->path, "--format", e->name, "-o", path, "--json", NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *report;
      JsonArray *files;

      g_assert_cmpint (run->status, ==, 0);
      report = tl_test_cli_parse_object (parser, run->out);
      g_assert_cmpstr (json_object_get_string_member (report, "file"), ==, path);
      g_assert_cmpstr (json_object_get_string_member (report, "format"), ==, e->name);
      g_assert_cmpint (json_object_get_int_member (report, "clips"), ==,
                       lib->n_clips - (e->time_based ? lib->n_quotes : 0));
      g_assert_cmpint (json_object_get_int_member (report, "skipped"), ==, e->time_based ? lib->n_quotes : 0);
      g_assert_cmpint (json_object_get_int_member (report, "assumed_framerate"), ==, e->time_based ? 2 : 0);
      files = json_object_get_array_member (report, "files");
      g_assert_cmpuint (json_array_get_length (files), ==, 1);
      g_assert_cmpstr (json_array_get_string_element (files, 0), ==, path);
      g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
      g_assert_cmpstr (written, ==, expected);
    }
}

/* The filters select what the library's filter selects. */
static void
test_filters (void)
{
  const char *topics[] = { "Summit", NULL };
  TlClipFilter filter = { .topics = topics, .min_rating = 3, .order = TL_CLIP_ORDER_RATING };
  g_autofree char *expected = tl_test_export (lib, "csv", &filter, NULL, NULL);
  g_autoptr(TlTestCliRun) run = run_export (lib->path, "--format", "csv", "-o", "-", "--topic", "summit",
                                            "--min-rating", "3", "--order", "rating", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, expected);
  g_assert_cmpstr (run->err, ==, "");
}

static void
test_options (void)
{
  TlExportOptions source_time = { .timeline = TL_EXPORT_TIMELINE_SOURCE };
  g_autofree char *expected = tl_test_export (lib, "srt", NULL, &source_time, NULL);
  g_autoptr(TlTestCliRun) srt = run_export (lib->path, "--format", "srt", "--timeline", "source", "-o", "-", NULL);
  g_autoptr(TlTestCliRun) fps = run_export (lib->path, "--format", "edl", "--fps", "29.97", "-o", "-", NULL);
  g_autoptr(TlTestCliRun) title = run_export (lib->path, "--format", "fcpxml", "--title", "Summit <cut>",
                                              "-o", "-", NULL);
  g_autoptr(TlTestCliRun) bad_timeline = run_export (lib->path, "--format", "srt", "--timeline", "sideways",
                                                     "-o", "-", NULL);
  g_autoptr(TlTestCliRun) bad_fps = run_export (lib->path, "--format", "edl", "--fps", "fast", "-o", "-", NULL);
  g_autoptr(TlTestCliRun) bad_format = run_export (lib->path, "--format", "docx", "-o", "-", NULL);

  g_assert_cmpint (srt->status, ==, 0);
  g_assert_cmpstr (srt->out, ==, expected);
  /* on standard output the notes go to standard error */
  g_assert_nonnull (strstr (srt->err, "2 clips left out"));
  g_assert_cmpint (fps->status, ==, 0);
  g_assert_nonnull (strstr (fps->err, "timed at 30000/1001 fps"));
  g_assert_nonnull (strstr (fps->out, "* FRAME RATE: 30000/1001 ASSUMED"));
  g_assert_cmpint (title->status, ==, 0);
  g_assert_nonnull (strstr (title->out, "<event name=\"Summit &lt;cut&gt;\">"));
  g_assert_cmpint (bad_timeline->status, ==, 2);
  assert_one_line (bad_timeline->err);
  g_assert_cmpint (bad_fps->status, ==, 2);
  assert_one_line (bad_fps->err);
  g_assert_cmpint (bad_format->status, ==, 2);
  g_assert_nonnull (strstr (bad_format->err, "xmeml"));
}

/* Quotes only: time-based formats say why they have nothing; paper works. */
static void
test_quotes_only (void)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, lib->sources[TL_TEST_SOURCE_ARTICLE]);
  g_autofree char *path = g_build_filename (lib->dir, "quotes.otio", NULL);
  g_autoptr(TlTestCliRun) otio = run_export (lib->path, "--format", "otio", "--source", id, "-o", path, NULL);
  g_autoptr(TlTestCliRun) md = run_export (lib->path, "--format", "md", "--source", id, "-o", "-", NULL);

  g_assert_cmpint (otio->status, ==, 1);
  assert_one_line (otio->err);
  g_assert_nonnull (strstr (otio->err, "quotes"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (md->status, ==, 0);
  g_assert_nonnull (strstr (md->out, "quote, paragraphs 1–2"));
}

/* Past 999 clips an EDL fails with the way out, or splits when asked. */
static void
test_split (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "many.db", NULL);
  g_autofree char *edl = g_build_filename (dir, "cut.edl", NULL);
  g_autofree char *edl2 = g_build_filename (dir, "cut-2.edl", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(TlTestCliRun) refused = NULL, split = NULL;
  JsonArray *files;

  {
    g_autoptr(TlLibrary) library = tl_library_open (path, &error);
    g_autoptr(TlTopic) topic = tl_library_add_topic (library, "Many", 1, NULL, &error);
    g_autoptr(TlDocument) doc = tl_document_new ("test");
    gint64 source_id;

    for (guint i = 0; i < 1100; i++)
      tl_document_add_segment (doc, i * 1000000, i * 1000000 + 900000, "Words.", -1);
    doc->timing = TL_TIMING_NATIVE;
    source_id = tl_library_add_document (library, doc, NULL, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < 1000; i++)
      {
        TlClipSpec spec = { source_id, i * 1000000, i * 1000000 + 500000, -1, -1, NULL, NULL, 0,
                            (const char *const[]) { "Many", NULL } };
        tl_library_add_clip (library, &spec, &error);
        g_assert_no_error (error);
      }
  }
  refused = run_export (path, "--format", "edl", "-o", edl, NULL);
  g_assert_cmpint (refused->status, ==, 1);
  assert_one_line (refused->err);
  g_assert_nonnull (strstr (refused->err, "--split"));
  split = run_export (path, "--format", "edl", "-o", edl, "--split", "--json", NULL);
  g_assert_cmpint (split->status, ==, 0);
  files = json_object_get_array_member (tl_test_cli_parse_object (parser, split->out), "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (files, 1), ==, edl2);
  g_assert_true (g_file_test (edl, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (edl2, G_FILE_TEST_IS_REGULAR));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("TAGLINE_CLI") == NULL)
    g_error ("TAGLINE_CLI must name the tagline-cli binary");
  lib = tl_test_export_library_new ();
  g_test_add_func ("/cli/export/every-format", test_every_format);
  g_test_add_func ("/cli/export/filters", test_filters);
  g_test_add_func ("/cli/export/options", test_options);
  g_test_add_func ("/cli/export/quotes-only", test_quotes_only);
  g_test_add_func ("/cli/export/split", test_split);
  status = g_test_run ();
  tl_test_export_library_free (lib);
  return status;
}
