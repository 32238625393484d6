/* test-cli-segment.c: corrections by the built tagline-cli on a real
 * library file: segment edit, split and merge, speaker rename and set,
 * show --json's words and corrections, undo across runs, and bad input
 * failing with its exit status and one line, changing nothing. */
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "tl-test-cli.h"
#include "tl-test-util.h"

typedef struct {
  char *dir;
  char *library;
} Fixture;

static const char *const talk_json =
  "{\"segments\": [\n"
  " {\"start\": 1.0, \"end\": 4.0, \"text\": \" SPEAKER 1: The ammunition came from stockpiles.\",\n"
  "  \"words\": [{\"word\": \" SPEAKER\", \"start\": 0.8, \"end\": 0.9}, {\"word\": \" 1:\", \"start\": 0.9, \"end\": 1.0},\n"
  "            {\"word\": \" The\", \"start\": 1.0, \"end\": 1.2, \"probability\": 0.99},\n"
  "            {\"word\": \" ammunition\", \"start\": 1.2, \"end\": 2.0, \"probability\": 0.91},\n"
  "            {\"word\": \" came\", \"start\": 2.1, \"end\": 2.4, \"probability\": 0.95},\n"
  "            {\"word\": \" from\", \"start\": 2.4, \"end\": 2.7, \"probability\": 0.97},\n"
  "            {\"word\": \" stockpiles.\", \"start\": 2.8, \"end\": 3.9, \"probability\": 0.8}]},\n"
  " {\"start\": 4.5, \"end\": 6.0, \"text\": \" Putin met Kim.\"}]}\n";

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *json = NULL;
  g_autoptr(TlTestCliRun) import = NULL;

  f->dir = tl_test_tmpdir_new ();
  f->library = g_build_filename (f->dir, "library.db", NULL);
  json = g_build_filename (f->dir, "talk.json", NULL);
  g_assert_true (g_file_set_contents (json, talk_json, -1, NULL));
  import = tl_test_cli_expect (f->library, 0, "import", json, NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->library);
  tl_test_tmpdir_free (f->dir);
}

/* show --json's lines */
static JsonArray *
lines (Fixture *f, JsonParser *parser)
{
  g_autoptr(TlTestCliRun) run = tl_test_cli_expect (f->library, 0, "show", "1", "--json", NULL);
  JsonObject *source = tl_test_cli_parse_object (parser, run->out);

  return json_object_get_array_member (source, "segments");
}

static JsonObject *
word_of (JsonObject *line, guint i)
{
  return json_array_get_object_element (json_object_get_array_member (line, "words"), i);
}

/* show --json: words with times and confidences, where they come from,
 * whether the line was corrected; the speaker read from the text */
static void
test_show_words (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *segments = lines (f, parser);
  JsonObject *first = json_array_get_object_element (segments, 0);
  JsonObject *second = json_array_get_object_element (segments, 1);

  g_assert_cmpstr (json_object_get_string_member (first, "speaker"), ==, "SPEAKER 1");
  g_assert_cmpstr (json_object_get_string_member (first, "text"), ==, "The ammunition came from stockpiles.");
  g_assert_cmpstr (json_object_get_string_member (first, "word_timing"), ==, "native");
  g_assert_false (json_object_get_boolean_member (first, "edited"));
  g_assert_true (json_object_get_null_member (first, "original_text"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (first, "words")), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (word_of (first, 1), "text"), ==, "ammunition");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (word_of (first, 1), "start"), 1.2, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (word_of (first, 1), "end"), 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (word_of (first, 1), "confidence"), 0.91, 1e-9);
  g_assert_cmpstr (json_object_get_string_member (second, "word_timing"), ==, "estimated");
  g_assert_true (json_object_get_null_member (word_of (second, 0), "confidence"));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (word_of (second, 0), "start"), 4.5, 1e-9);
}

/* edit, split, merge: each read back, undone in another run, redone */
static void
test_edit_split_merge (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(TlTestCliRun) edit = NULL, split = NULL, merge = NULL, undo = NULL, redo = NULL, search = NULL;
  JsonArray *segments;
  JsonObject *line;

  edit = tl_test_cli_expect (f->library, 0, "--json", "segment", "edit", "1", "0", "--text", "The ammunition came from stock piles.", NULL);
  g_assert_true (json_parser_load_from_data (parser, edit->out, -1, NULL));
  line = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_true (json_object_get_boolean_member (line, "edited"));
  g_assert_cmpstr (json_object_get_string_member (line, "original_text"), ==, "The ammunition came from stockpiles.");
  g_assert_cmpstr (json_object_get_string_member (line, "word_timing"), ==, "interpolated");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (word_of (line, 1), "start"), 1.2, 1e-9);
  g_assert_true (json_object_get_boolean_member (word_of (line, 4), "interpolated"));
  search = tl_test_cli_expect (f->library, 0, "search", "--json", "\"stock piles\"", NULL);
  g_assert_nonnull (strstr (search->out, "stock"));

  split = tl_test_cli_expect (f->library, 0, "segment", "split", "1", "0", "came", NULL);
  g_assert_cmpstr (split->out, ==, "0  SPEAKER 1: The ammunition\n1  SPEAKER 1: came from stock piles.\n");
  merge = tl_test_cli_expect (f->library, 0, "segment", "merge", "1", "1", NULL);
  g_assert_cmpstr (merge->out, ==, "1  SPEAKER 1: came from stock piles. Putin met Kim.\n");
  segments = lines (f, parser);
  g_assert_cmpuint (json_array_get_length (segments), ==, 2);
  line = json_array_get_object_element (segments, 0);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (line, "end"), 2.1, 1e-9);

  undo = tl_test_cli_expect (f->library, 0, "undo", NULL);
  g_assert_cmpstr (undo->out, ==, "Undone: Merge Lines\n");
  g_clear_pointer (&undo, tl_test_cli_run_free);
  undo = tl_test_cli_expect (f->library, 0, "undo", NULL);
  g_assert_cmpstr (undo->out, ==, "Undone: Split Line\n");
  segments = lines (f, parser);
  g_assert_cmpuint (json_array_get_length (segments), ==, 2);
  line = json_array_get_object_element (segments, 0);
  g_assert_cmpstr (json_object_get_string_member (line, "text"), ==, "The ammunition came from stock piles.");
  redo = tl_test_cli_expect (f->library, 0, "redo", NULL);
  g_assert_cmpstr (redo->out, ==, "Redone: Split Line\n");
}

/* speaker set and rename, with --json */
static void
test_speakers (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(TlTestCliRun) set = NULL, rename = NULL;
  JsonObject *result;

  set = tl_test_cli_expect (f->library, 0, "speaker", "set", "1", "1", "Anna Cunningham", NULL);
  g_assert_cmpstr (set->out, ==, "1  Anna Cunningham: Putin met Kim.\n");
  rename = tl_test_cli_expect (f->library, 0, "speaker", "rename", "1", "SPEAKER 1", "Anna Cunningham", "--json", NULL);
  result = tl_test_cli_parse_object (parser, rename->out);
  g_assert_cmpstr (json_object_get_string_member (result, "speaker"), ==, "Anna Cunningham");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "lines")), ==, 2);
}

/* used wrongly (2) or failing (1): one line, nothing changed */
static void
test_bad_input (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(TlTestCliRun) before = tl_test_cli_expect (f->library, 0, "show", "1", "--json", NULL);
  g_autoptr(TlTestCliRun) after = NULL;
  const char *const *bad[] = {
    (const char *[]) { "2", "segment", NULL },
    (const char *[]) { "2", "segment", "frob", "1", "0", NULL },
    (const char *[]) { "2", "segment", "edit", "1", "0", NULL },
    (const char *[]) { "2", "segment", "edit", "1", "x", "--text", "a", NULL },
    (const char *[]) { "2", "segment", "merge", "1", "0", "--text", "a", NULL },
    (const char *[]) { "2", "speaker", "set", "1", "0", NULL },
    (const char *[]) { "1", "segment", "edit", "1", "9", "--text", "a", NULL },
    (const char *[]) { "1", "segment", "edit", "1", "0", "--text", " ", NULL },
    (const char *[]) { "1", "segment", "split", "1", "0", "zzz", NULL },
    (const char *[]) { "1", "segment", "split", "1", "0", "0", NULL },
    (const char *[]) { "1", "segment", "merge", "1", "1", NULL },
    (const char *[]) { "1", "segment", "merge", "7", "0", NULL },
    (const char *[]) { "1", "speaker", "rename", "1", "Nobody", "X", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autoptr(TlTestCliRun) run = NULL;

      g_ptr_array_add (args, (char *) "--library");
      g_ptr_array_add (args, f->library);
      for (guint j = 1; bad[i][j]; j++)
        g_ptr_array_add (args, (char *) bad[i][j]);
      g_ptr_array_add (args, NULL);
      run = tl_test_cli_run_argv (NULL, (const char *const *) args->pdata);
      if (run->status != atoi (bad[i][0]))
        g_printerr ("%s %s: %d %s", bad[i][1], bad[i][2] ? bad[i][2] : "", run->status, run->err);
      g_assert_cmpint (run->status, ==, atoi (bad[i][0]));
      tl_test_cli_assert_one_line (run->err);
      g_assert_cmpstr (run->out, ==, "");
    }
  after = tl_test_cli_expect (f->library, 0, "show", "1", "--json", NULL);
  g_assert_cmpstr (after->out, ==, before->out);
  {
    /* and nothing to undo: the import is not an edit */
    g_autoptr(TlTestCliRun) undo = tl_test_cli_expect (f->library, 1, "undo", NULL);
    g_assert_nonnull (strstr (undo->err, "Nothing to undo"));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli/segment/show-words", Fixture, NULL, fixture_set_up, test_show_words, fixture_tear_down);
  g_test_add ("/cli/segment/edit-split-merge", Fixture, NULL, fixture_set_up, test_edit_split_merge,
              fixture_tear_down);
  g_test_add ("/cli/segment/speakers", Fixture, NULL, fixture_set_up, test_speakers, fixture_tear_down);
  g_test_add ("/cli/segment/bad-input", Fixture, NULL, fixture_set_up, test_bad_input, fixture_tear_down);
  return g_test_run ();
}
