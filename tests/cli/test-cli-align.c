/* test-cli-align.c: “tagline-cli align” on a library made here: its JSON,
 * what “show” says afterwards, and its one-line errors. Apart from
 * test-cli so that it runs whatever the importers' state on a branch. */
#include <json-glib/json-glib.h>
#include <string.h>

#include "tl-probe.h"
#include "tl-test-cli.h"
#include "tl-test-media.h"
#include "tl-test-speech.h"
#include "tl-test-util.h"

static char *dir;
static char *db;
static gint64 speech_id, article_id, timed_id;

static void
make_library (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = tl_library_open (db, &error);
  g_autofree char *data = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autoptr(GPtrArray) pool = tl_test_sentence_pool (data);
  g_autofree char *wav = g_build_filename (dir, "speech.wav", NULL);
  g_autofree char *tone = tl_test_make_audio (dir, "tone.wav", 2);
  g_autoptr(TlMediaInfo) tone_media = tl_probe_file (tone, NULL);
  g_autoptr(TlTestSpeech) speech = NULL;
  g_autoptr(TlDocument) article = tl_document_new ("text");
  g_autoptr(TlDocument) timed = tl_document_new ("srt");
  TlImportOptions with_tone = { NULL, NULL, tone_media };
  TlTestSentence sentences[4];
  TlTestSpeechSpec spec;

  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    sentences[i] = (TlTestSentence) { g_ptr_array_index (pool, 20 + i), TRUE, TRUE };
  tl_test_speech_spec_init (&spec);
  speech = tl_test_speech_make (wav, sentences, 4, &spec);
  speech_id = tl_test_speech_import (library, speech, "Speech");

  article->kind = TL_SOURCE_KIND_ARTICLE;
  article->title = "An article";
  tl_document_add_segment (article, TL_TIME_NONE, TL_TIME_NONE, "A paragraph.", -1);
  article_id = tl_library_add_document (library, article, NULL, &error);
  g_assert_no_error (error);

  timed->title = "Timed";
  tl_document_add_segment (timed, 0, 1000000, "A beep.", -1);
  timed->timing = TL_TIMING_NATIVE;
  timed_id = tl_library_add_document (library, timed, &with_tone, &error);
  g_assert_no_error (error);
}

/* A line's words: as many as its text has, the first starting with it,
 * in order, inside it. */
static void
check_words (JsonObject *seg)
{
  JsonArray *words = json_object_get_array_member (seg, "words");
  double start = json_object_get_double_member (seg, "start");
  double end = json_object_get_double_member (seg, "end");
  double last = start;

  g_assert_cmpuint (json_array_get_length (words), >=, 6);
  for (guint w = 0; w < json_array_get_length (words); w++)
    {
      JsonObject *word = json_array_get_object_element (words, w);
      double word_start = json_object_get_double_member (word, "start");

      g_assert_nonnull (json_object_get_string_member (word, "text"));
      g_assert_null (strchr (json_object_get_string_member (word, "text"), ' '));
      g_assert_true (json_object_get_null_member (word, "confidence"));
      if (w == 0)
        g_assert_cmpfloat (word_start, ==, start);
      g_assert_cmpfloat (word_start, >=, last);
      g_assert_cmpfloat (json_object_get_double_member (word, "end"), >=, word_start);
      g_assert_cmpfloat (json_object_get_double_member (word, "end"), <=, end);
      last = json_object_get_double_member (word, "end");
    }
}

static void
test_align_json (void)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, speech_id);
  g_autoptr(TlTestCliRun) run = tl_test_cli_run (db, "align", id, "--json", NULL);
  g_autoptr(TlTestCliRun) show = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) show_parser = json_parser_new ();
  JsonObject *root, *summary;
  JsonArray *segments, *aligned_segments;

  g_assert_cmpint (run->status, ==, 0);
  /* no progress on stderr when it is not a terminal */
  g_assert_cmpstr (run->err, ==, "");
  root = tl_test_cli_parse_object (parser, run->out);
  g_assert_cmpstr (json_object_get_string_member (root, "timing"), ==, "aligned");
  summary = json_object_get_object_member (root, "summary");
  g_assert_cmpint (json_object_get_int_member (summary, "segments"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (summary, "aligned"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (summary, "unspoken"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (summary, "anchors"), ==, 0);
  segments = aligned_segments = json_object_get_array_member (root, "segments");
  g_assert_cmpuint (json_array_get_length (segments), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *seg = json_array_get_object_element (segments, i);
      g_assert_cmpfloat (json_object_get_double_member (seg, "confidence"), >, 0.5);
      g_assert_true (json_object_get_null_member (seg, "flag"));
      g_assert_cmpfloat (json_object_get_double_member (seg, "end"), >, json_object_get_double_member (seg, "start"));
      check_words (seg);
    }

  /* show reads back what align stored */
  show = tl_test_cli_run (db, "show", id, "--json", NULL);
  g_assert_cmpint (show->status, ==, 0);
  root = tl_test_cli_parse_object (show_parser, show->out);
  g_assert_cmpstr (json_object_get_string_member (root, "timing"), ==, "aligned");
  segments = json_object_get_array_member (root, "segments");
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *seg = json_array_get_object_element (segments, i);
      JsonObject *aligned = json_array_get_object_element (aligned_segments, i);
      g_assert_cmpfloat (json_object_get_double_member (seg, "confidence"), ==,
                         json_object_get_double_member (aligned, "confidence"));
      g_assert_cmpfloat (json_object_get_double_member (seg, "start"), ==,
                         json_object_get_double_member (aligned, "start"));
      g_assert_true (json_object_get_null_member (seg, "flag"));
    }
}

static void
test_errors (void)
{
  g_autofree char *article = g_strdup_printf ("%" G_GINT64_FORMAT, article_id);
  g_autofree char *timed = g_strdup_printf ("%" G_GINT64_FORMAT, timed_id);
  g_autoptr(TlTestCliRun) no_media = tl_test_cli_run (db, "align", article, NULL);
  g_autoptr(TlTestCliRun) native = tl_test_cli_run (db, "align", timed, NULL);
  g_autoptr(TlTestCliRun) forced = tl_test_cli_run (db, "align", timed, "--force", "--json", NULL);
  g_autoptr(TlTestCliRun) missing = tl_test_cli_run (db, "align", "999", NULL);
  g_autoptr(TlTestCliRun) not_id = tl_test_cli_run (db, "align", "first", NULL);

  g_assert_cmpint (no_media->status, ==, 1);
  tl_test_cli_assert_one_line (no_media->err);
  g_assert_nonnull (strstr (no_media->err, "no media file"));
  g_assert_cmpint (native->status, ==, 1);
  tl_test_cli_assert_one_line (native->err);
  g_assert_nonnull (strstr (native->err, "--force"));
  g_assert_cmpint (forced->status, ==, 0);
  g_assert_nonnull (strstr (forced->out, "\"timing\""));
  g_assert_cmpint (missing->status, ==, 1);
  tl_test_cli_assert_one_line (missing->err);
  g_assert_nonnull (strstr (missing->err, "999"));
  g_assert_cmpint (not_id->status, !=, 0);
  tl_test_cli_assert_one_line (not_id->err);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = tl_test_tmpdir_new ();
  db = g_build_filename (dir, "library.db", NULL);
  make_library ();
  g_test_add_func ("/cli/align/json", test_align_json);
  g_test_add_func ("/cli/align/errors", test_errors);
  status = g_test_run ();
  g_free (db);
  tl_test_tmpdir_free (dir);
  return status;
}
