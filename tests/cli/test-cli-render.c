/* test-cli-render.c: “tagline-cli render” on a library made here: one file
 * per clip and a reel, its JSON, the formats it lists, and its one-line
 * errors. Apart from test-cli so that it runs whatever the importers'
 * state on a branch. */
#include <json-glib/json-glib.h>
#include <string.h>

#include "tl-probe.h"
#include "tl-test-cli.h"
#include "tl-test-media.h"
#include "tl-test-util.h"

static char *dir;
static char *db;

/* As if the H.264 and AAC encoders were not installed: GStreamer does not
 * offer elements ranked NONE to encodebin. */
static TlTestCliRun *
run_cli_without_h264 (const char *first, ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  TlTestCliRun *run;
  va_list args;

  g_subprocess_launcher_setenv (launcher, "GST_PLUGIN_FEATURE_RANK",
                                "x264enc:NONE,openh264enc:NONE,voaacenc:NONE", TRUE);
  va_start (args, first);
  run = tl_test_cli_run_valist (launcher, db, first, args);
  va_end (args);
  return run;
}

static void
make_library (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = tl_library_open (db, &error);
  g_autofree char *video = tl_test_make_video (dir, "talk.webm", 4, "25/1");
  g_autoptr(TlMediaInfo) media = tl_probe_file (video, &error);
  g_autoptr(TlDocument) talk = tl_document_new ("srt");
  g_autoptr(TlDocument) article = tl_document_new ("text");
  g_autoptr(TlTopic) topic = NULL;
  g_autoptr(TlTopic) quotes = NULL;
  const char *const topics[] = { "Pay/Tax: \"who\"", NULL };
  const char *const quote_topics[] = { "Quotes", NULL };
  TlImportOptions with_media = { NULL, NULL, media };
  TlClipSpec spec = { .first_segment = -1, .last_segment = -1, .topics = topics };

  g_assert_no_error (error);
  talk->title = "Talk";
  talk->timing = TL_TIMING_NATIVE;
  tl_document_add_segment (talk, 0, 2000000, "Hello there.", -1);
  tl_document_add_segment (talk, 2000000, 4000000, "Second line.", -1);
  tl_document_apply_media (talk, media);
  spec.source_id = tl_library_add_document (library, talk, &with_media, &error);
  g_assert_no_error (error);

  article->kind = TL_SOURCE_KIND_ARTICLE;
  article->title = "An article";
  tl_document_add_segment (article, TL_TIME_NONE, TL_TIME_NONE, "A paragraph.", -1);

  topic = tl_library_add_topic (library, topics[0], 1, NULL, &error);
  g_assert_no_error (error);
  quotes = tl_library_add_topic (library, quote_topics[0], 2, NULL, &error);
  g_assert_no_error (error);
  spec.in = 500000;
  spec.out = 1500000;
  tl_library_add_clip (library, &spec, &error);
  g_assert_no_error (error);
  spec.in = 2000000;
  spec.out = 3000000;
  tl_library_add_clip (library, &spec, &error);
  g_assert_no_error (error);

  spec.source_id = tl_library_add_document (library, article, NULL, &error);
  g_assert_no_error (error);
  spec.in = spec.out = TL_TIME_NONE;
  spec.first_segment = spec.last_segment = 0;
  spec.topics = quote_topics;
  tl_library_add_clip (library, &spec, &error);
  g_assert_no_error (error);
}

static void
test_clips_json (void)
{
  g_autofree char *out = g_build_filename (dir, "clips", NULL);
  g_autoptr(TlTestCliRun) run = tl_test_cli_run (db, "render", "-o", out, "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *files, *clips, *skipped;

  g_assert_cmpint (run->status, ==, 0);
  /* no progress on stderr when it is not a terminal */
  g_assert_cmpstr (run->err, ==, "");
  root = tl_test_cli_parse_object (parser, run->out);
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "webm");
  g_assert_cmpstr (json_object_get_string_member (root, "mode"), ==, "clips");
  files = json_object_get_array_member (root, "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const char *file = json_array_get_string_element (files, i);
      g_autofree char *base = g_path_get_basename (file);
      g_autofree char *expected = g_strdup_printf ("%02u Talk - Pay-Tax- 'who'.webm", i + 1);
      g_assert_cmpstr (base, ==, expected);
      g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
    }
  clips = json_object_get_array_member (root, "clips");
  g_assert_cmpuint (json_array_get_length (clips), ==, 2);
  {
    JsonObject *clip = json_array_get_object_element (clips, 1);
    g_assert_cmpint (json_object_get_int_member (clip, "in_frame"), ==, 50);
    g_assert_cmpint (json_object_get_int_member (clip, "frames"), ==, 25);
    g_assert_cmpstr (json_object_get_string_member (clip, "framerate"), ==, "25/1");
    g_assert_cmpfloat (json_object_get_double_member (clip, "start"), ==, 0);
    g_assert_cmpfloat (json_object_get_double_member (clip, "duration"), ==, 1.0);
    g_assert_cmpstr (json_object_get_string_member (clip, "file"), ==, json_array_get_string_element (files, 1));
  }
  skipped = json_object_get_array_member (root, "skipped");
  g_assert_cmpuint (json_array_get_length (skipped), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (skipped, 0), "reason"), ==,
                   "quote");
  g_assert_cmpfloat (json_object_get_double_member (root, "duration"), ==, 2.0);
}

static void
test_reel (void)
{
  g_autofree char *out = g_build_filename (dir, "reel.webm", NULL);
  g_autoptr(TlTestCliRun) run = tl_test_cli_run (db, "render", "--reel", "-o", out,
                                                 "--topic", "Pay/Tax: \"who\"", NULL);
  g_autoptr(TlMediaInfo) media = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_true (g_str_has_prefix (run->out, "2 clips rendered as WebM (VP8, Vorbis)"));
  g_assert_nonnull (strstr (run->out, out));
  media = tl_probe_file (out, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ABS (media->duration - 2000000), <=, 40000);
}

static void
test_formats (void)
{
  g_autoptr(TlTestCliRun) run = tl_test_cli_run (db, "render", "--list-formats", "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *formats;
  gboolean webm = FALSE;

  g_assert_cmpint (run->status, ==, 0);
  formats = json_object_get_array_member (tl_test_cli_parse_object (parser, run->out), "formats");
  g_assert_cmpuint (json_array_get_length (formats), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *f = json_array_get_object_element (formats, i);
      if (json_object_get_boolean_member (f, "available"))
        g_assert_true (json_object_get_null_member (f, "missing"));
      else
        g_assert_nonnull (strstr (json_object_get_string_member (f, "missing"), "install"));
      webm = webm || (strcmp (json_object_get_string_member (f, "name"), "webm") == 0
                      && json_object_get_boolean_member (f, "available"));
    }
  g_assert_true (webm);
}

/* Formats without their encoders are not offered, and say what to install. */
static void
test_missing_encoders (void)
{
  g_autofree char *out = g_build_filename (dir, "missing", NULL);
  g_autoptr(TlTestCliRun) list = run_cli_without_h264 ("render", "--list-formats", "--json", NULL);
  g_autoptr(TlTestCliRun) mp4 = run_cli_without_h264 ("render", "-o", out, "--format", "mp4", NULL);
  g_autoptr(TlTestCliRun) unknown = run_cli_without_h264 ("render", "-o", out, "--format", "avi", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *formats;

  g_assert_cmpint (list->status, ==, 0);
  formats = json_object_get_array_member (tl_test_cli_parse_object (parser, list->out), "formats");
  for (guint i = 0; i < json_array_get_length (formats); i++)
    {
      JsonObject *f = json_array_get_object_element (formats, i);
      const char *name = json_object_get_string_member (f, "name");
      if (strcmp (name, "webm") == 0)
        {
          g_assert_true (json_object_get_boolean_member (f, "available"));
          continue;
        }
      g_assert_false (json_object_get_boolean_member (f, "available"));
      g_assert_nonnull (strstr (json_object_get_string_member (f, "missing"),
                                "install gstreamer1.0-plugins-ugly for x264enc or gstreamer1.0-plugins-bad for "
                                "openh264enc"));
    }
  g_assert_cmpint (mp4->status, ==, 2);
  tl_test_cli_assert_one_line (mp4->err);
  g_assert_nonnull (strstr (mp4->err, "cannot be encoded here"));
  g_assert_nonnull (strstr (mp4->err, "gstreamer1.0-plugins-bad for voaacenc"));
  /* only what can be encoded is offered */
  g_assert_cmpint (unknown->status, ==, 2);
  g_assert_nonnull (strstr (unknown->err, "renders webm)"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_errors (void)
{
  g_autofree char *out = g_build_filename (dir, "errors", NULL);
  g_autoptr(TlTestCliRun) format = tl_test_cli_run (db, "render", "-o", out, "--format", "avi", NULL);
  g_autoptr(TlTestCliRun) no_output = tl_test_cli_run (db, "render", NULL);
  g_autoptr(TlTestCliRun) nothing = tl_test_cli_run (db, "render", "-o", out, "--topic", "Nothing", NULL);
  g_autoptr(TlTestCliRun) quotes = tl_test_cli_run (db, "render", "-o", out, "--topic", "Quotes", NULL);

  g_assert_cmpint (format->status, ==, 2);
  tl_test_cli_assert_one_line (format->err);
  g_assert_nonnull (strstr (format->err, "“avi”"));
  g_assert_cmpint (no_output->status, ==, 2);
  tl_test_cli_assert_one_line (no_output->err);
  g_assert_nonnull (strstr (no_output->err, "-o"));
  g_assert_cmpint (nothing->status, ==, 1);
  tl_test_cli_assert_one_line (nothing->err);
  g_assert_nonnull (strstr (nothing->err, "No clips match"));
  g_assert_cmpint (quotes->status, ==, 1);
  tl_test_cli_assert_one_line (quotes->err);
  g_assert_nonnull (strstr (quotes->err, "quote without times"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = tl_test_tmpdir_new ();
  db = g_build_filename (dir, "library.db", NULL);
  make_library ();
  g_test_add_func ("/cli/render/clips-json", test_clips_json);
  g_test_add_func ("/cli/render/reel", test_reel);
  g_test_add_func ("/cli/render/formats", test_formats);
  g_test_add_func ("/cli/render/errors", test_errors);
  g_test_add_func ("/cli/render/missing-encoders", test_missing_encoders);
  status = g_test_run ();
  g_free (db);
  tl_test_tmpdir_free (dir);
  return status;
}
