/* test-cli.c: runs the built tagline-cli on real files and a real library
 * file, and checks its JSON, its exit status and its one-line errors. */
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "tl-test-cli.h"
#include "tl-test-media.h"
#include "tl-test-util.h"

typedef struct {
  char *dir;
  char *library;
} Fixture;

static char *
write_file (Fixture *f, const char *name, const char *contents)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static const char *const summit_srt =
  "1\n00:00:01,000 --> 00:00:04,000\nThe summit opened with a parade.\n\n"
  "2\n00:00:04,500 --> 00:00:08,250\nAmmunition supplies were discussed, at length.\n\n"
  "3\n00:00:09,000 --> 00:00:12,000\nNorth Korea denied the weapons trade.\n";

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = tl_test_tmpdir_new ();
  f->library = g_build_filename (f->dir, "library.db", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->library);
  tl_test_tmpdir_free (f->dir);
}

static gint64
n_sources (Fixture *f)
{
  g_autoptr(TlTestCliRun) run = tl_test_cli_run (f->library, "sources", "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_cmpint (run->status, ==, 0);
  return json_array_get_length (json_object_get_array_member (tl_test_cli_parse_object (parser, run->out), "sources"));
}

static void
test_import_json (Fixture *f, gconstpointer data)
{
  g_autofree char *good = write_file (f, "summit.srt", summit_srt);
  g_autofree char *empty = write_file (f, "empty.vtt", "");
  g_autoptr(TlTestCliRun) run = tl_test_cli_run (f->library, "import", "--json", "--folder", "News/Summit",
                                                 good, empty, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = tl_test_cli_parse_object (parser, run->out);
  JsonArray *imported = json_object_get_array_member (root, "imported");
  JsonArray *failed = json_object_get_array_member (root, "failed");
  JsonObject *first;

  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpuint (json_array_get_length (imported), ==, 1);
  first = json_array_get_object_element (imported, 0);
  g_assert_cmpint (json_object_get_int_member (first, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "summit");
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "transcript");
  g_assert_cmpstr (json_object_get_string_member (first, "format"), ==, "srt");
  g_assert_cmpint (json_object_get_int_member (first, "segments"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (first, "timing"), ==, "native");

  g_assert_cmpuint (json_array_get_length (failed), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (failed, 0), "file"), ==, empty);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (failed, 0), "line"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (failed, 0), "error"), ==,
                   "The file is empty");
  tl_test_cli_assert_one_line (run->err);
  g_assert_nonnull (strstr (run->err, empty));
}

/* A file refused leaves the library exactly as it was. */
static void
test_failed_import_changes_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *good = write_file (f, "summit.srt", summit_srt);
  g_autofree char *binary = g_build_filename (f->dir, "photo.srt", NULL);
  g_autoptr(TlTestCliRun) first = tl_test_cli_run (f->library, "import", good, NULL);
  g_autoptr(TlTestCliRun) second = NULL;

  g_assert_cmpint (first->status, ==, 0);
  g_assert_true (g_file_set_contents (binary, "\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16, NULL));
  second = tl_test_cli_run (f->library, "import", binary, NULL);
  g_assert_cmpint (second->status, ==, 1);
  g_assert_cmpstr (second->out, ==, "");
  tl_test_cli_assert_one_line (second->err);
  g_assert_nonnull (strstr (second->err, binary));
  g_assert_nonnull (strstr (second->err, "binary"));
  g_assert_cmpint (n_sources (f), ==, 1);
}

static void
test_import_with_media (Fixture *f, gconstpointer data)
{
  g_autofree char *video = tl_test_make_video (f->dir, "clip.webm", 2, "30000/1001");
  g_autofree char *text = write_file (f, "clip.txt", "First thing said.\nSecond thing said, a little longer.\n"
                                                     "Third and last thing said here.\n");
  g_autoptr(TlTestCliRun) run = NULL, show = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *media;
  JsonArray *segments;

  /* the media beside the transcript, with the same name, is found */
  run = tl_test_cli_run (f->library, "import", "--json", text, NULL);
  g_assert_cmpint (run->status, ==, 0);
  show = tl_test_cli_run (f->library, "show", "1", "--json", NULL);
  g_assert_cmpint (show->status, ==, 0);
  root = tl_test_cli_parse_object (parser, show->out);
  g_assert_cmpstr (json_object_get_string_member (root, "kind"), ==, "video");
  g_assert_cmpstr (json_object_get_string_member (root, "timing"), ==, "estimated");
  media = json_object_get_object_member (root, "media");
  g_assert_cmpstr (json_object_get_string_member (media, "framerate"), ==, "30000/1001");
  g_assert_cmpint (json_object_get_int_member (media, "width"), ==, 320);
  g_assert_true (json_object_get_boolean_member (media, "has_audio"));
  g_assert_true (json_object_get_null_member (media, "start_timecode"));
  segments = json_object_get_array_member (root, "segments");
  g_assert_cmpuint (json_array_get_length (segments), ==, 3);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (segments, 0), "start"), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_array_get_object_element (segments, 2), "end"),
                                  json_object_get_double_member (media, "duration"), 1e-6);
}

/* probe: the fields scripts read, the start timecode of a camera file, and
 * the player's own messages for files it cannot play. */
static void
test_probe (Fixture *f, gconstpointer data)
{
  g_autofree char *video = tl_test_make_video (f->dir, "ntsc.webm", 2, "30000/1001");
  g_autofree char *text = write_file (f, "notes.mp4", "Words, not pictures.\n");
  g_autofree char *missing = g_build_filename (f->dir, "nowhere.mov", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *cut = g_build_filename (f->dir, "cut.webm", NULL);
  g_autoptr(TlTestCliRun) run = tl_test_cli_run (f->library, "probe", "--json", video, NULL);
  g_autoptr(TlTestCliRun) bad = NULL, gone = NULL, partial = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  gsize length;

  g_assert_cmpint (run->status, ==, 0);
  root = tl_test_cli_parse_object (parser, run->out);
  g_assert_cmpstr (json_object_get_string_member (root, "framerate"), ==, "30000/1001");
  g_assert_cmpint (json_object_get_int_member (root, "width"), ==, 320);
  g_assert_cmpint (json_object_get_int_member (root, "height"), ==, 240);
  g_assert_true (json_object_get_boolean_member (root, "has_video"));
  g_assert_true (json_object_get_boolean_member (root, "has_audio"));
  g_assert_nonnull (strstr (json_object_get_string_member (root, "video_codec"), "VP8"));
  g_assert_true (json_object_has_member (root, "audio_codec"));
  g_assert_true (json_object_get_null_member (root, "start_timecode"));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "duration"), 2.0, 0.05);
  g_assert_cmpstr (run->err, ==, "");

  bad = tl_test_cli_run (f->library, "probe", "--json", text, NULL);
  g_assert_cmpint (bad->status, ==, 1);
  g_assert_cmpstr (bad->out, ==, "");
  tl_test_cli_assert_one_line (bad->err);
  g_assert_nonnull (strstr (bad->err, " is not a media file GStreamer can read"));
  g_assert_nonnull (strstr (bad->err, text));

  gone = tl_test_cli_run (f->library, "probe", missing, NULL);
  g_assert_cmpint (gone->status, ==, 1);
  g_assert_nonnull (strstr (gone->err, " does not exist"));

  /* cut short: the facts, and a warning */
  g_assert_true (g_file_get_contents (video, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (cut, contents, length / 2, NULL));
  partial = tl_test_cli_run (f->library, "probe", "--json", cut, NULL);
  g_assert_cmpint (partial->status, ==, 0);
  tl_test_cli_assert_one_line (partial->err);
  g_assert_nonnull (strstr (partial->err, "warning: "));
  g_assert_nonnull (strstr (partial->err, "looks incomplete"));
}

static void
test_show_json (Fixture *f, gconstpointer data)
{
  g_autofree char *good = write_file (f, "summit.srt", summit_srt);
  g_autoptr(TlTestCliRun) import = tl_test_cli_run (f->library, "import", good, NULL);
  g_autoptr(TlTestCliRun) run = tl_test_cli_run (f->library, "show", "1", "--json", NULL);
  g_autoptr(TlTestCliRun) missing = tl_test_cli_run (f->library, "show", "7", "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = tl_test_cli_parse_object (parser, run->out);
  JsonObject *seg;
  static const char *const fields[] = {
    "id", "title", "kind", "format", "outlet", "published", "url", "external_id", "duration",
    "description", "keywords", "chapters", "timing", "media", "segments",
  };

  g_assert_cmpint (run->status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_true (json_object_has_member (root, fields[i]));
  g_assert_true (json_object_get_null_member (root, "outlet"));
  g_assert_true (json_object_get_null_member (root, "media"));
  g_assert_true (json_object_get_null_member (root, "duration"));
  seg = json_array_get_object_element (json_object_get_array_member (root, "segments"), 1);
  g_assert_cmpint (json_object_get_int_member (seg, "index"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (seg, "start"), ==, 4.5);
  g_assert_cmpfloat (json_object_get_double_member (seg, "end"), ==, 8.25);
  g_assert_true (json_object_get_null_member (seg, "speaker"));
  g_assert_false (json_object_get_boolean_member (seg, "non_speech"));
  /* times print as people wrote them */
  g_assert_nonnull (strstr (run->out, "\"end\": 8.25,"));

  g_assert_cmpint (missing->status, ==, 1);
  tl_test_cli_assert_one_line (missing->err);
  g_assert_nonnull (strstr (missing->err, f->library));
}

static void
test_search_tag_clips_export (Fixture *f, gconstpointer data)
{
  g_autofree char *good = write_file (f, "summit.srt", summit_srt);
  g_autofree char *csv_path = g_build_filename (f->dir, "clips.csv", NULL);
  g_autofree char *csv = NULL;
  g_autoptr(TlTestCliRun) run = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *hit, *clip;
  g_auto(GStrv) lines = NULL;

  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "import", good, NULL);
  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "search", "ammunition", "--json", NULL);
  root = tl_test_cli_parse_object (parser, run->out);
  g_assert_cmpint (json_object_get_int_member (root, "total"), ==, 1);
  hit = json_array_get_object_element (json_object_get_array_member (root, "hits"), 0);
  g_assert_cmpint (json_object_get_int_member (hit, "source_id"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (hit, "segment_index"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (hit, "start"), ==, 4.5);
  g_assert_cmpstr (json_object_get_string_member (hit, "snippet"), ==,
                   "**Ammunition** supplies were discussed, at length.");

  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "topics", "add", "Weapons", "--key", "1", "--color", "#c01c28", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "1\n");
  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "topics", "add", "weapons", NULL);
  g_assert_cmpint (run->status, ==, 1);
  tl_test_cli_assert_one_line (run->err);

  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "tag", "1", "4.5", "00:00:12", "Weapons",
                         "--note", "=cmd|' /C calc'!A0, \"quoted\"", "--rating", "4", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "1\n");
  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "tag", "1", "9", "5", "Weapons", NULL);
  g_assert_cmpint (run->status, ==, 1);
  tl_test_cli_assert_one_line (run->err);
  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "tag", "1", "1", "2", "Economy", NULL);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->err, "topics add"));
  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "tag", "1", "soon", "2", "Weapons", NULL);
  g_assert_cmpint (run->status, ==, 2);

  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "clips", "--json", "--topic", "weapons", NULL);
  root = tl_test_cli_parse_object (parser, run->out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "clips")), ==, 1);
  clip = json_array_get_object_element (json_object_get_array_member (root, "clips"), 0);
  g_assert_cmpfloat (json_object_get_double_member (clip, "in"), ==, 4.5);
  g_assert_cmpfloat (json_object_get_double_member (clip, "out"), ==, 12.0);
  g_assert_cmpint (json_object_get_int_member (clip, "rating"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (clip, "text"), ==,
                   "Ammunition supplies were discussed, at length. North Korea denied the weapons trade.");

  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "export", "--format", "csv", "-o", csv_path, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "source_id,source,outlet,kind,media,in,out,"));
  /* the formula is neutralised, commas and quotes survive */
  g_assert_nonnull (strstr (lines[1], ",\"'=cmd|' /C calc'!A0, \"\"quoted\"\"\","));
  g_assert_nonnull (strstr (lines[1], ",4.500000,12.000000,"));

  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "export", "--format", "json", "-o", "-", "--min-rating", "5", NULL);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->err, "No clips match"));
}

/* The five samples the product was specified from, through the CLI. */
static void
test_import_samples (Fixture *f, gconstpointer data)
{
  static const struct {
    const char *prefix, *kind, *format, *timing;
    gint64 segments;
  } expected[] = {
    { "000_", "transcript", "video-page", "native", 28 },
    { "001_", "transcript", "summary-page", "native", 289 },
    { "002_", "transcript", "web-page", "none", 26 },
    { "003_", "transcript", "web-page", "estimated", 63 },
    { "004_", "article", "article", "none", 25 },
  };
  g_autofree char *s0 = tl_test_sample_named ("000_"), *s1 = tl_test_sample_named ("001_");
  g_autofree char *s2 = tl_test_sample_named ("002_"), *s3 = tl_test_sample_named ("003_");
  g_autofree char *s4 = tl_test_sample_named ("004_");
  g_autoptr(TlTestCliRun) run = tl_test_cli_run (f->library, "import", "--json", s0, s1, s2, s3, s4, NULL);
  g_autoptr(TlTestCliRun) show = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) show_parser = json_parser_new ();
  JsonArray *imported;
  JsonObject *source;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  imported = json_object_get_array_member (tl_test_cli_parse_object (parser, run->out), "imported");
  g_assert_cmpuint (json_array_get_length (imported), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *item = json_array_get_object_element (imported, i);
      g_assert_true (strstr (json_object_get_string_member (item, "file"), expected[i].prefix) != NULL);
      g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, expected[i].kind);
      g_assert_cmpstr (json_object_get_string_member (item, "format"), ==, expected[i].format);
      g_assert_cmpstr (json_object_get_string_member (item, "timing"), ==, expected[i].timing);
      g_assert_cmpint (json_object_get_int_member (item, "segments"), ==, expected[i].segments);
    }

  /* the summary page keeps its chapters and its precise duration */
  show = tl_test_cli_run (f->library, "show", "2", "--json", NULL);
  source = tl_test_cli_parse_object (show_parser, show->out);
  g_assert_cmpstr (json_object_get_string_member (source, "outlet"), ==, "BBC News");
  g_assert_cmpstr (json_object_get_string_member (source, "published"), ==, "2024-06-19");
  g_assert_cmpfloat (json_object_get_double_member (source, "duration"), ==, 688.0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (source, "chapters")), ==, 3);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (
                       json_object_get_array_member (source, "chapters"), 1), "start"), ==, 303.0);
}

/* A folder stands for the transcripts in it, taken in name order. */
static void
test_import_folder (Fixture *f, gconstpointer data)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autoptr(TlTestCliRun) run = tl_test_cli_run (f->library, "import", "--json", "--folder", "Summit/Day 1",
                                                 folder, NULL);
  g_autoptr(TlTestCliRun) sources = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *imported;

  g_assert_cmpint (run->status, ==, 0);
  imported = json_object_get_array_member (tl_test_cli_parse_object (parser, run->out), "imported");
  g_assert_cmpuint (json_array_get_length (imported), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("00%u_", i);
      g_autofree char *base = g_path_get_basename (json_object_get_string_member (json_array_get_object_element (imported, i), "file"));
      g_assert_true (g_str_has_prefix (base, prefix));
    }
  sources = tl_test_cli_run (f->library, "sources", "--json", NULL);
  g_assert_nonnull (strstr (sources->out, "\"folder\": \"Summit/Day 1\""));
}

/* A parse error names the file and its line, on stderr and in the JSON. */
static void
test_parse_error_line (Fixture *f, gconstpointer data)
{
  g_autofree char *broken = write_file (f, "broken.ttml",
                                        "<?xml version=\"1.0\"?>\n<tt xmlns=\"http://www.w3.org/ns/ttml\">\n"
                                        "<body><div>\n<p begin=\"1s\" end=\"2s\">one</p>\n"
                                        "<p begin=\"3s\" end=\"4s\">two</div>\n</body></tt>\n");
  g_autoptr(TlTestCliRun) run = tl_test_cli_run (f->library, "import", "--json", broken, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *failure;
  g_autofree char *prefix = g_strdup_printf ("tagline-cli: %s:5: ", broken);

  g_assert_cmpint (run->status, ==, 1);
  failure = json_array_get_object_element (
    json_object_get_array_member (tl_test_cli_parse_object (parser, run->out), "failed"), 0);
  g_assert_cmpstr (json_object_get_string_member (failure, "file"), ==, broken);
  g_assert_cmpint (json_object_get_int_member (failure, "line"), ==, 5);
  tl_test_cli_assert_one_line (run->err);
  g_assert_true (g_str_has_prefix (run->err, prefix));
  g_assert_cmpint (n_sources (f), ==, 0);
}

/* A whisper file nested 80,000 levels deep crashed tagline-cli (and the
 * window) inside json-glib; it is refused, naming the file and the line. */
static void
test_import_nested_json (Fixture *f, gconstpointer data)
{
  g_autoptr(GString) json = g_string_new ("{\n\"segments\": ");
  g_autofree char *nested = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(TlTestCliRun) run = NULL;

  for (guint i = 0; i < 80000; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 80000; i++)
    g_string_append_c (json, ']');
  g_string_append (json, "}\n");
  nested = write_file (f, "nested.json", json->str);
  run = tl_test_cli_run (f->library, "import", nested, NULL);
  expected = g_strdup_printf ("tagline-cli: %s:2: Nested more than 256 levels deep: not a transcript\n", nested);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->err, ==, expected);
  g_assert_cmpint (n_sources (f), ==, 0);
}

/* The clips' ids as `clips --json --order arranged` lists them. */
static char *
arranged_ids (Fixture *f)
{
  g_autoptr(TlTestCliRun) run = tl_test_cli_run (f->library, "clips", "--json", "--order", "arranged", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *clips = json_object_get_array_member (tl_test_cli_parse_object (parser, run->out), "clips");
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (clips); i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? " " : "",
                            json_object_get_int_member (json_array_get_object_element (clips, i), "id"));
  return g_string_free (out, FALSE);
}

static void
assert_arranged (Fixture *f, const char *expected)
{
  g_autofree char *order = arranged_ids (f);

  g_assert_cmpstr (order, ==, expected);
}

/* clips move rearranges; --order arranged lists and exports that order. */
static void
test_arrange_clips (Fixture *f, gconstpointer data)
{
  g_autofree char *good = write_file (f, "summit.srt", summit_srt);
  g_autoptr(TlTestCliRun) run = NULL;
  const char *ranges[][2] = { { "9", "12" }, { "1", "4" }, { "4.5", "8" } };

  run = tl_test_cli_run (f->library, "import", good, NULL);
  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "topics", "add", "Weapons", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_clear_pointer (&run, tl_test_cli_run_free);
      run = tl_test_cli_run (f->library, "tag", "1", ranges[i][0], ranges[i][1], "Weapons", NULL);
      g_assert_cmpint (run->status, ==, 0);
    }
  assert_arranged (f, "1 2 3");

  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "clips", "move", "3", "1", NULL);
  g_assert_cmpint (run->status, ==, 0);
  assert_arranged (f, "3 1 2");
  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "clips", "move", "1", NULL);
  g_assert_cmpint (run->status, ==, 0);
  assert_arranged (f, "3 2 1");

  /* the export follows it: the EDL's events in that order */
  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "export", "--format", "edl", "--order", "arranged", "-o", "-", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "00:00:04:13"));
  g_assert_nonnull (strstr (run->out, "00:00:01:00"));
  g_assert_nonnull (strstr (run->out, "00:00:09:00"));
  g_assert_true (strstr (run->out, "00:00:04:13") < strstr (run->out, "00:00:01:00"));
  g_assert_true (strstr (run->out, "00:00:01:00") < strstr (run->out, "00:00:09:00"));

  /* a clip that is not there: one line, nothing moved */
  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "clips", "move", "2", "7", NULL);
  g_assert_cmpint (run->status, ==, 1);
  tl_test_cli_assert_one_line (run->err);
  g_assert_nonnull (strstr (run->err, "No clip with id 7"));
  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "clips", "move", "two", NULL);
  g_assert_cmpint (run->status, ==, 2);
  g_assert_nonnull (strstr (run->err, "not a clip id"));
  assert_arranged (f, "3 2 1");
}

/* clips delete takes several ids, all or none; the common options may
 * come before the command. */
static void
test_delete_clips (Fixture *f, gconstpointer data)
{
  g_autofree char *good = write_file (f, "summit.srt", summit_srt);
  g_autoptr(TlTestCliRun) run = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *deleted;
  const char *ranges[][2] = { { "9", "12" }, { "1", "4" }, { "4.5", "8" } };

  run = tl_test_cli_run (f->library, "import", good, NULL);
  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "topics", "add", "Weapons", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_clear_pointer (&run, tl_test_cli_run_free);
      run = tl_test_cli_run (f->library, "tag", "1", ranges[i][0], ranges[i][1], "Weapons", NULL);
      g_assert_cmpint (run->status, ==, 0);
    }

  /* one of them not there: one line, nothing deleted */
  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "clips", "delete", "1", "7", NULL);
  g_assert_cmpint (run->status, ==, 1);
  tl_test_cli_assert_one_line (run->err);
  g_assert_nonnull (strstr (run->err, "No clip with id 7"));
  assert_arranged (f, "1 2 3");
  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "clips", "delete", NULL);
  g_assert_cmpint (run->status, ==, 2);
  tl_test_cli_assert_one_line (run->err);

  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "--json", "clips", "delete", "1", "3", NULL);
  g_assert_cmpint (run->status, ==, 0);
  deleted = json_object_get_array_member (tl_test_cli_parse_object (parser, run->out), "deleted");
  g_assert_cmpuint (json_array_get_length (deleted), ==, 2);
  g_assert_cmpint (json_array_get_int_element (deleted, 0), ==, 1);
  g_assert_cmpint (json_array_get_int_element (deleted, 1), ==, 3);
  assert_arranged (f, "2");
}

static void
test_usage_errors (Fixture *f, gconstpointer data)
{
  g_autoptr(TlTestCliRun) unknown = tl_test_cli_run (f->library, "frobnicate", NULL);
  g_autoptr(TlTestCliRun) no_files = tl_test_cli_run (f->library, "import", NULL);
  g_autoptr(TlTestCliRun) bad_format = tl_test_cli_run (f->library, "export", "--format", "doc", "-o", "x", NULL);

  g_assert_cmpint (unknown->status, ==, 2);
  tl_test_cli_assert_one_line (unknown->err);
  g_assert_cmpint (no_files->status, ==, 2);
  g_assert_cmpint (bad_format->status, ==, 2);
  g_assert_nonnull (strstr (bad_format->err, "csv"));
}

/* Paragraphs are numbered from 1 wherever a person reads or types them:
 * tag takes "2 3" for the second and third paragraphs, and clips says
 * them back the same way, in words and in JSON. */
static void
test_paragraph_numbers (Fixture *f, gconstpointer data)
{
  g_autofree char *article = write_file (f, "article.txt",
                                         "Summit ends with a pact\n\n"
                                         "PYONGYANG — The leaders met for two days of talks in the capital.\n\n"
                                         "They signed a partnership on defence and trade at the close.\n\n"
                                         "Observers in Seoul called the agreement a warning to the region.\n");
  g_autoptr(TlTestCliRun) run = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *clip;
  JsonArray *paragraphs;

  run = tl_test_cli_run (f->library, "import", article, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "topics", "add", "Diplomacy", NULL);
  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "tag", "1", "2", "3", "Diplomacy", NULL);
  g_assert_cmpint (run->status, ==, 0);

  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "clips", "--json", NULL);
  g_assert_cmpint (run->status, ==, 0);
  clip = json_array_get_object_element (
    json_object_get_array_member (tl_test_cli_parse_object (parser, run->out), "clips"), 0);
  paragraphs = json_object_get_array_member (clip, "paragraphs");
  g_assert_cmpint (json_array_get_int_element (paragraphs, 0), ==, 2);
  g_assert_cmpint (json_array_get_int_element (paragraphs, 1), ==, 3);
  /* the second and third paragraphs, as a person counts */
  g_assert_cmpstr (json_object_get_string_member (clip, "text"), ==,
                   "They signed a partnership on defence and trade at the close. "
                   "Observers in Seoul called the agreement a warning to the region.");

  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "clips", NULL);
  g_assert_nonnull (strstr (run->out, "paragraphs 2–3"));

  /* there is no paragraph 0 */
  g_clear_pointer (&run, tl_test_cli_run_free);
  run = tl_test_cli_run (f->library, "tag", "1", "0", "1", "Diplomacy", NULL);
  g_assert_cmpint (run->status, ==, 2);
  tl_test_cli_assert_one_line (run->err);
}

/* A library with a source, a topic and a clip, made with the command. */
static void
make_library (Fixture *f)
{
  g_autofree char *good = write_file (f, "summit.srt", summit_srt);
  g_autoptr(TlTestCliRun) import = tl_test_cli_run (f->library, "import", good, NULL);
  g_autoptr(TlTestCliRun) topic = tl_test_cli_run (f->library, "topics", "add", "Weapons", NULL);
  g_autoptr(TlTestCliRun) tag = tl_test_cli_run (f->library, "tag", "1", "4.5", "12", "Weapons", NULL);

  g_assert_cmpint (import->status, ==, 0);
  g_assert_cmpint (topic->status, ==, 0);
  g_assert_cmpint (tag->status, ==, 0);
}

#define ARGS(...) ((const char *const[]) { __VA_ARGS__, NULL })

/* --library and --json before the command, after it, or both sides. */
static void
test_options_before_command (Fixture *f, gconstpointer data)
{
  g_autoptr(TlTestCliRun) after = NULL, before = NULL, mixed = NULL, shortly = NULL, missing = NULL;

  make_library (f);
  after = tl_test_cli_run_argv (NULL, ARGS ("sources", "--json", "--library", f->library));
  before = tl_test_cli_run_argv (NULL, ARGS ("--library", f->library, "--json", "sources"));
  mixed = tl_test_cli_run_argv (NULL, ARGS ("--library", f->library, "sources", "--json"));
  shortly = tl_test_cli_run_argv (NULL, ARGS ("--json", "-l", f->library, "sources"));
  g_assert_cmpint (after->status, ==, 0);
  g_assert_nonnull (strstr (after->out, "\"title\": \"summit\""));
  g_assert_cmpint (before->status, ==, 0);
  g_assert_cmpstr (before->out, ==, after->out);
  g_assert_cmpint (mixed->status, ==, 0);
  g_assert_cmpstr (mixed->out, ==, after->out);
  g_assert_cmpint (shortly->status, ==, 0);
  g_assert_cmpstr (shortly->out, ==, after->out);

  missing = tl_test_cli_run_argv (NULL, ARGS ("sources", "--library"));
  g_assert_cmpint (missing->status, ==, 2);
  tl_test_cli_assert_one_line (missing->err);
}

/* "--" ends the options: a topic may be named -3+4. */
static void
test_options_double_dash (Fixture *f, gconstpointer data)
{
  g_autoptr(TlTestCliRun) add = NULL, list = NULL, without = NULL, dash = NULL;

  add = tl_test_cli_run_argv (NULL, ARGS ("--library", f->library, "topics", "add", "--key", "3", "--", "-3+4"));
  g_assert_cmpint (add->status, ==, 0);
  g_assert_cmpstr (add->out, ==, "1\n");
  dash = tl_test_cli_run_argv (NULL, ARGS ("--library", f->library, "topics", "add", "--", "--"));
  g_assert_cmpint (dash->status, ==, 0);
  list = tl_test_cli_run (f->library, "topics", "--json", NULL);
  g_assert_cmpint (list->status, ==, 0);
  g_assert_nonnull (strstr (list->out, "\"name\": \"-3+4\""));
  g_assert_nonnull (strstr (list->out, "\"key\": 3"));
  g_assert_nonnull (strstr (list->out, "\"name\": \"--\""));
  /* without it, the name is an unknown option: used wrongly */
  without = tl_test_cli_run_argv (NULL, ARGS ("--library", f->library, "topics", "add", "-3+5"));
  g_assert_cmpint (without->status, ==, 2);
  tl_test_cli_assert_one_line (without->err);
}

/* Used wrongly: 2; failed: 1; with one line on stderr, for every command. */
static void
test_exit_status (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "nowhere.db", NULL);
  g_autofree char *cut = g_build_filename (f->dir, "cut.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *nothing = g_build_filename (f->dir, "nothing.srt", NULL);
  g_autofree char *no_media = g_build_filename (f->dir, "nothing.mov", NULL);
  gsize length;
  const struct {
    int status;
    const char *const *args;
  } cases[] = {
    { 2, ARGS ("frobnicate") },
    { 2, ARGS ("--frobnicate", "sources") },
    { 2, ARGS ("sources", "--frobnicate") },
    { 2, ARGS ("sources", "extra") },
    { 2, ARGS ("import") },
    { 2, ARGS ("show") },
    { 2, ARGS ("show", "x") },
    { 2, ARGS ("show", "0") },
    { 2, ARGS ("search") },
    { 2, ARGS ("topics", "rename") },
    { 2, ARGS ("topics", "add") },
    { 2, ARGS ("topics", "add", "Arms", "--key", "12") },
    { 2, ARGS ("topics", "add", "Arms", "--color", "red") },
    { 2, ARGS ("search", "parade", "--limit", "many") },
    { 2, ARGS ("tag", "1", "4.5") },
    { 2, ARGS ("tag", "x", "1", "2", "Weapons") },
    { 2, ARGS ("tag", "1", "soon", "2", "Weapons") },
    { 2, ARGS ("tag", "1", "1", "2", "Weapons", "--rating", "9") },
    { 2, ARGS ("clips", "--source", "x") },
    { 2, ARGS ("clips", "--order", "sideways") },
    { 2, ARGS ("clips", "move", "two") },
    { 2, ARGS ("export", "--format", "doc", "-o", "x") },
    { 2, ARGS ("export", "--format", "csv") },
    { 2, ARGS ("export", "--format", "csv", "-o", "-", "extra") },
    { 2, ARGS ("render") },
    { 2, ARGS ("align", "x") },
    { 2, ARGS ("probe") },
    { 2, ARGS ("check", "extra") },
    { 1, ARGS ("show", "7") },
    { 1, ARGS ("tag", "7", "1", "2", "Weapons") },
    { 1, ARGS ("tag", "1", "1", "2", "Economy") },
    { 1, ARGS ("tag", "1", "9", "5", "Weapons") },
    { 1, ARGS ("topics", "add", "weapons") },
    { 1, ARGS ("clips", "move", "7") },
    { 1, ARGS ("export", "--format", "csv", "-o", "-", "--min-rating", "5") },
    { 1, ARGS ("import", nothing) },
    { 1, ARGS ("probe", no_media) },
    { 1, ARGS ("align", "7") },
  };
  const char *const *on_other_libraries[][2] = {
    { ARGS ("sources"), (const char *const *) missing },
    { ARGS ("show", "1"), (const char *const *) missing },
    { ARGS ("search", "parade"), (const char *const *) missing },
    { ARGS ("clips"), (const char *const *) missing },
    { ARGS ("topics"), (const char *const *) missing },
    { ARGS ("export", "--format", "csv", "-o", "-"), (const char *const *) missing },
    { ARGS ("check"), (const char *const *) missing },
    { ARGS ("sources"), (const char *const *) cut },
    { ARGS ("check"), (const char *const *) cut },
    { ARGS ("topics", "add", "Arms"), (const char *const *) cut },
  };

  make_library (f);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(TlTestCliRun) run = NULL;

      for (guint k = 0; cases[i].args[k]; k++)
        g_ptr_array_add (argv, (char *) cases[i].args[k]);
      g_ptr_array_add (argv, "--library");
      g_ptr_array_add (argv, f->library);
      g_ptr_array_add (argv, NULL);
      run = tl_test_cli_run_argv (NULL, (const char *const *) argv->pdata);
      if (run->status != cases[i].status)
        g_error ("tagline-cli %s: exit status %d, not %d (%s)", cases[i].args[0], run->status, cases[i].status,
                 run->err);
      tl_test_cli_assert_one_line (run->err);
      g_assert_true (g_str_has_prefix (run->err, "tagline-cli: "));
    }

  g_assert_true (g_file_get_contents (f->library, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (cut, contents, length / 2, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (on_other_libraries); i++)
    {
      const char *library = (const char *) on_other_libraries[i][1];
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(TlTestCliRun) run = NULL;

      for (guint k = 0; on_other_libraries[i][0][k]; k++)
        g_ptr_array_add (argv, (char *) on_other_libraries[i][0][k]);
      g_ptr_array_add (argv, "--library");
      g_ptr_array_add (argv, (char *) library);
      g_ptr_array_add (argv, NULL);
      run = tl_test_cli_run_argv (NULL, (const char *const *) argv->pdata);
      if (run->status != 1)
        g_error ("tagline-cli %s on %s: exit status %d, not 1 (%s)", on_other_libraries[i][0][0], library,
                 run->status, run->err);
      tl_test_cli_assert_one_line (run->err);
      g_assert_nonnull (strstr (run->err, library));
      if (library == missing)
        g_assert_nonnull (strstr (run->err, "does not exist"));
      else
        g_assert_nonnull (strstr (run->err, "damaged"));
    }
  /* reading a library that is not there does not make it */
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* The commands that only read write nothing to the library nor beside it:
 * when no program has it open (no -wal, no -shm appear), and beside a
 * program that holds it with changes in its -wal. */
static void
assert_reading_writes_nothing (Fixture *f, const char *csv)
{
  const char *const *commands[] = {
    ARGS ("sources", "--json"),
    ARGS ("show", "1"),
    ARGS ("search", "ammunition"),
    ARGS ("clips", "--json"),
    ARGS ("topics"),
    ARGS ("export", "--format", "csv", "-o", csv),
    ARGS ("check"),
  };
  g_autofree char *before = tl_test_library_state (f->library);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(TlTestCliRun) run = NULL;
      g_autofree char *after = NULL;

      for (guint k = 0; commands[i][k]; k++)
        g_ptr_array_add (argv, (char *) commands[i][k]);
      g_ptr_array_add (argv, "--library");
      g_ptr_array_add (argv, f->library);
      g_ptr_array_add (argv, NULL);
      run = tl_test_cli_run_argv (NULL, (const char *const *) argv->pdata);
      g_assert_cmpint (run->status, ==, 0);
      after = tl_test_library_state (f->library);
      if (g_strcmp0 (before, after) != 0)
        g_error ("tagline-cli %s changed the library: %s, then %s", commands[i][0], before, after);
    }
}

static void
test_reading_writes_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = g_build_filename (f->dir, "clips.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) holder = NULL;
  g_autoptr(TlTopic) topic = NULL;
  g_autofree char *state = NULL;

  make_library (f);
  state = tl_test_library_state (f->library);
  g_assert_nonnull (strstr (state, "wal: missing; shm: missing"));
  assert_reading_writes_nothing (f, csv);

  /* a window holds the library and has changed it */
  holder = tl_library_open (f->library, &error);
  g_assert_no_error (error);
  topic = tl_library_add_topic (holder, "Diplomacy", 2, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&state, g_free);
  state = tl_test_library_state (f->library);
  g_assert_null (strstr (state, "wal: missing"));
  assert_reading_writes_nothing (f, csv);
  {
    g_autoptr(TlTestCliRun) topics = tl_test_cli_run (f->library, "topics", NULL);
    g_assert_nonnull (strstr (topics->out, "Diplomacy"));
  }
}

/* A library in a folder that cannot be written: every reading command
 * works, an edit says why it cannot. As root, whom permissions do not
 * stop, the folder is on a read-only mount (through unshare). */
static void
test_read_only_folder (Fixture *f, gconstpointer data)
{
  g_autofree char *folder = g_build_filename (f->dir, "shared", NULL);
  g_autofree char *library = g_build_filename (folder, "library.db", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "clips.csv", NULL);
  g_autofree char *script = NULL, *before = NULL, *after = NULL;
  const char *unshare[] = { "unshare", "--mount", "--propagation", "private", "sh", "-c", NULL, "sh", NULL };
  const char *const *prefix = NULL;
  const char *const *commands[] = {
    ARGS ("sources"),
    ARGS ("show", "1"),
    ARGS ("search", "ammunition"),
    ARGS ("clips"),
    ARGS ("topics"),
    ARGS ("export", "--format", "csv", "-o", csv),
    ARGS ("check"),
    ARGS ("topics", "add", "Diplomacy"),
  };

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_free (f->library);
  f->library = g_strdup (library);
  make_library (f);
  before = tl_test_library_state (library);

  if (geteuid () == 0)
    {
      g_autoptr(TlTestCliRun) probe = NULL;

      script = g_strdup_printf ("mount --bind '%s' '%s' && mount -o remount,ro,bind '%s' && exec \"$@\"", folder,
                                folder, folder);
      unshare[6] = script;
      prefix = unshare;
      probe = tl_test_cli_run_argv (prefix, ARGS ("--version"));
      if (probe->status != 0)
        {
          g_test_skip ("running as root, whom folder permissions do not stop, and cannot mount a folder "
                       "read-only here");
          return;
        }
    }
  else
    g_assert_cmpint (g_chmod (folder, 0555), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(TlTestCliRun) run = NULL;
      gboolean edit = strcmp (commands[i][0], "topics") == 0 && commands[i][1] != NULL;

      for (guint k = 0; commands[i][k]; k++)
        g_ptr_array_add (argv, (char *) commands[i][k]);
      g_ptr_array_add (argv, "--library");
      g_ptr_array_add (argv, library);
      g_ptr_array_add (argv, NULL);
      run = tl_test_cli_run_argv (prefix, (const char *const *) argv->pdata);
      if (run->status != (edit ? 1 : 0))
        g_error ("tagline-cli %s on a read-only library: exit status %d (%s)", commands[i][0], run->status,
                 run->err);
      if (edit)
        {
          tl_test_cli_assert_one_line (run->err);
          g_assert_true (g_str_has_prefix (run->err, "tagline-cli: "));
          g_assert_nonnull (strstr (run->err, library));
          g_assert_nonnull (strstr (run->err, "is read-only"));
        }
    }
  g_chmod (folder, 0755);
  after = tl_test_library_state (library);
  g_assert_cmpstr (before, ==, after);
}

/* check: nothing wrong with a sound library; a damaged one exits 1 with
 * what is wrong. */
static void
test_check (Fixture *f, gconstpointer data)
{
  g_autofree char *cut = g_build_filename (f->dir, "cut.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(TlTestCliRun) good = NULL, good_json = NULL, bad = NULL, bad_json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *problems;
  gsize length;

  make_library (f);
  good = tl_test_cli_run (f->library, "check", NULL);
  g_assert_cmpint (good->status, ==, 0);
  g_assert_nonnull (strstr (good->out, "no problems found"));
  good_json = tl_test_cli_run (f->library, "check", "--json", NULL);
  g_assert_cmpint (good_json->status, ==, 0);
  root = tl_test_cli_parse_object (parser, good_json->out);
  g_assert_true (json_object_get_boolean_member (root, "ok"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "problems")), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (root, "file"), ==, f->library);

  g_assert_true (g_file_get_contents (f->library, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (cut, contents, length / 2, NULL));
  bad = tl_test_cli_run (cut, "check", NULL);
  g_assert_cmpint (bad->status, ==, 1);
  g_assert_nonnull (strstr (bad->out, "cut short"));
  tl_test_cli_assert_one_line (bad->err);
  g_assert_nonnull (strstr (bad->err, "is damaged"));
  bad_json = tl_test_cli_run (cut, "check", "--json", NULL);
  g_assert_cmpint (bad_json->status, ==, 1);
  root = tl_test_cli_parse_object (parser, bad_json->out);
  g_assert_false (json_object_get_boolean_member (root, "ok"));
  problems = json_object_get_array_member (root, "problems");
  g_assert_cmpuint (json_array_get_length (problems), >, 1);
  g_assert_nonnull (strstr (json_array_get_string_element (problems, 0), "cut short"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("TAGLINE_CLI") == NULL)
    g_error ("TAGLINE_CLI must name the tagline-cli binary");

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/import/json", test_import_json);
  ADD ("/cli/import/failure-changes-nothing", test_failed_import_changes_nothing);
  ADD ("/cli/import/media-beside", test_import_with_media);
  ADD ("/cli/show/json", test_show_json);
  ADD ("/cli/search-tag-clips-export", test_search_tag_clips_export);
  ADD ("/cli/arrange-clips", test_arrange_clips);
  ADD ("/cli/paragraph-numbers", test_paragraph_numbers);
  ADD ("/cli/delete-clips", test_delete_clips);
  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/import/samples", test_import_samples);
  ADD ("/cli/import/folder", test_import_folder);
  ADD ("/cli/import/parse-error-line", test_parse_error_line);
  ADD ("/cli/import/nested-json", test_import_nested_json);
  ADD ("/cli/probe", test_probe);
  ADD ("/cli/options/before-command", test_options_before_command);
  ADD ("/cli/options/double-dash", test_options_double_dash);
  ADD ("/cli/exit-status", test_exit_status);
  ADD ("/cli/read-only/writes-nothing", test_reading_writes_nothing);
  ADD ("/cli/read-only/folder", test_read_only_folder);
  ADD ("/cli/check", test_check);
#undef ADD
  return g_test_run ();
}
