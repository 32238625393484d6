/* test-cli-edit.c: the edits the window makes, made by the built
 * tagline-cli on a real library file: each is read back (through another
 * command or the library), undone and redone, and bad input fails with
 * its exit status and one line, changing nothing. */
#include <json-glib/json-glib.h>
#include <string.h>

#include "tl-test-cli.h"
#include "tl-test-media.h"
#include "tl-test-util.h"

typedef struct {
  char *dir;
  char *library;
} Fixture;

static const char *const summit_srt =
  "1\n00:00:01,000 --> 00:00:04,000\nThe summit opened with a parade.\n\n"
  "2\n00:00:04,500 --> 00:00:08,250\nAmmunition supplies were discussed, at length.\n\n"
  "3\n00:00:09,000 --> 00:00:12,000\nNorth Korea denied the weapons trade.\n";

/* What the library holds that an edit can change, read through the
 * library (many times a test: a process each would be slow under the
 * sanitizers), and how many steps its undo keeps. */
static char *
library_state (Fixture *f)
{
  g_autoptr(TlLibrary) library = tl_library_open_full (f->library, TL_LIBRARY_OPEN_READ_ONLY, NULL);
  g_autoptr(GPtrArray) topics = NULL, clips = NULL, sources = NULL, folders = NULL;
  TlClipFilter all = { .order = TL_CLIP_ORDER_CREATED };
  GString *state = g_string_new (NULL);

  g_assert_nonnull (library);
  topics = tl_library_list_topics (library, NULL);
  clips = tl_library_list_clips (library, &all, NULL);
  sources = tl_library_list_sources (library, NULL);
  folders = tl_library_list_folders (library, NULL);
  g_assert_true (topics && clips && sources && folders);
  for (guint i = 0; i < topics->len; i++)
    {
      TlTopic *t = g_ptr_array_index (topics, i);
      g_string_append_printf (state, "topic %" G_GINT64_FORMAT " %s %s %u %u\n", tl_topic_get_id (t),
                              tl_topic_get_name (t), tl_topic_get_color (t), tl_topic_get_key (t),
                              tl_topic_get_n_clips (t));
    }
  for (guint i = 0; i < clips->len; i++)
    {
      TlClip *c = g_ptr_array_index (clips, i);
      g_autofree char *names = g_strjoinv (",", (char **) tl_clip_get_topics (c));
      g_string_append_printf (state, "clip %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT
                              " %d-%d %s|%s|%u|%s\n", tl_clip_get_id (c), tl_clip_get_in (c), tl_clip_get_out (c),
                              tl_clip_get_first_segment (c), tl_clip_get_last_segment (c), tl_clip_get_title (c),
                              tl_clip_get_note (c), tl_clip_get_rating (c), names);
    }
  for (guint i = 0; i < sources->len; i++)
    {
      TlSource *s = g_ptr_array_index (sources, i);
      const TlMediaInfo *media = tl_source_get_media (s);
      g_string_append_printf (state, "source %" G_GINT64_FORMAT " %s in %" G_GINT64_FORMAT " %s %s\n",
                              tl_source_get_id (s), tl_source_get_title (s), tl_source_get_folder_id (s),
                              tl_source_kind_to_string (tl_source_get_kind (s)), media ? media->path : "-");
    }
  for (guint i = 0; i < folders->len; i++)
    {
      TlFolder *d = g_ptr_array_index (folders, i);
      g_string_append_printf (state, "folder %" G_GINT64_FORMAT " in %" G_GINT64_FORMAT " %s\n",
                              tl_folder_get_id (d), tl_folder_get_parent_id (d), tl_folder_get_name (d));
    }
  g_string_append_printf (state, "%" G_GINT64_FORMAT " steps, %" G_GINT64_FORMAT " undone",
                          tl_test_count_rows (library, "undo_step"),
                          tl_test_count_rows (library, "undo_step WHERE undone = 1"));
  return g_string_free (state, FALSE);
}

/* The label the window's Undo would show now. */
static char *
undo_label (Fixture *f)
{
  g_autoptr(TlLibrary) library = tl_library_open (f->library, NULL);

  g_assert_nonnull (library);
  return tl_library_get_undo_label (library);
}

/* Undoes with tagline-cli, which must say the step the window would have. */
static void
assert_undo (Fixture *f, const char *label)
{
  g_autofree char *expected = g_strdup_printf ("Undone: %s\n", label);
  g_autofree char *window_label = undo_label (f);
  g_autoptr(TlTestCliRun) run = tl_test_cli_expect (f->library, 0, "undo", NULL);

  g_assert_cmpstr (window_label, ==, label);
  g_assert_cmpstr (run->out, ==, expected);
}

static JsonObject *
parse (JsonParser *parser, TlTestCliRun *run)
{
  return tl_test_cli_parse_object (parser, run->out);
}

/* The object of @array (a member of what @run printed) whose "id" is @id, or NULL. */
static JsonObject *
find_by_id (JsonParser *parser, TlTestCliRun *run, const char *array, gint64 id)
{
  JsonArray *items = json_object_get_array_member (parse (parser, run), array);

  for (guint i = 0; i < json_array_get_length (items); i++)
    if (json_object_get_int_member (json_array_get_object_element (items, i), "id") == id)
      return json_array_get_object_element (items, i);
  return NULL;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *srt = NULL;
  g_autoptr(TlTestCliRun) import = NULL, economy = NULL, politics = NULL;

  f->dir = tl_test_tmpdir_new ();
  f->library = g_build_filename (f->dir, "library.db", NULL);
  srt = g_build_filename (f->dir, "summit.srt", NULL);
  g_assert_true (g_file_set_contents (srt, summit_srt, -1, NULL));
  import = tl_test_cli_expect (f->library, 0, "import", srt, NULL);
  economy = tl_test_cli_expect (f->library, 0, "topics", "add", "Economy", "--key", "1", NULL);
  politics = tl_test_cli_expect (f->library, 0, "topics", "add", "Politics", "--color", "#33d17a", NULL);
  g_assert_cmpstr (economy->out, ==, "1\n");
  g_assert_cmpstr (politics->out, ==, "2\n");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->library);
  tl_test_tmpdir_free (f->dir);
}

/* topics rename, color, key and delete; undo brings each back. */
static void
test_topics (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(TlTestCliRun) rename = NULL, color = NULL, key = NULL, list = NULL, none = NULL, del = NULL;
  g_autoptr(TlTestCliRun) after = NULL, tag = NULL, clips = NULL;
  g_autofree char *before = NULL;
  JsonObject *topic;

  /* options before the command, or after it */
  rename = tl_test_cli_expect (f->library, 0, "--json", "topics", "rename", "1", "  Trade  ", NULL);
  topic = parse (parser, rename);
  g_assert_cmpint (json_object_get_int_member (topic, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (topic, "name"), ==, "Trade");
  color = tl_test_cli_expect (f->library, 0, "topics", "color", "2", "#E01B24", "--json", NULL);
  g_assert_cmpstr (json_object_get_string_member (parse (parser, color), "color"), ==, "#e01b24");
  /* the key moves from the topic that had it */
  key = tl_test_cli_expect (f->library, 0, "topics", "key", "2", "1", NULL);
  g_assert_cmpstr (key->out, ==, "");
  list = tl_test_cli_expect (f->library, 0, "topics", "--json", NULL);
  g_assert_cmpint (json_object_get_int_member (find_by_id (parser, list, "topics", 2), "key"), ==, 1);
  g_assert_true (json_object_get_null_member (find_by_id (parser, list, "topics", 1), "key"));
  g_assert_cmpstr (json_object_get_string_member (find_by_id (parser, list, "topics", 1), "name"), ==, "Trade");
  none = tl_test_cli_expect (f->library, 0, "topics", "key", "2", "none", "--json", NULL);
  g_assert_true (json_object_get_null_member (parse (parser, none), "key"));

  /* deleting a topic keeps its clips, without it */
  tag = tl_test_cli_expect (f->library, 0, "tag", "1", "1", "4", "Politics", "Trade", NULL);
  del = tl_test_cli_expect (f->library, 0, "topics", "delete", "2", "--json", NULL);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (parse (parser, del), "deleted"), 0), ==,
                   2);
  after = tl_test_cli_expect (f->library, 0, "topics", "--json", NULL);
  g_assert_null (find_by_id (parser, after, "topics", 2));
  clips = tl_test_cli_expect (f->library, 0, "clips", "--json", NULL);
  g_assert_cmpstr (json_array_get_string_element (
                     json_object_get_array_member (find_by_id (parser, clips, "clips", 1), "topics"), 0), ==, "Trade");
  g_assert_cmpuint (json_array_get_length (
                      json_object_get_array_member (find_by_id (parser, clips, "clips", 1), "topics")), ==, 1);

  /* each edit was one step, the window's */
  assert_undo (f, "Delete Topic");
  g_clear_pointer (&after, tl_test_cli_run_free);
  after = tl_test_cli_expect (f->library, 0, "topics", "--json", NULL);
  g_assert_cmpstr (json_object_get_string_member (find_by_id (parser, after, "topics", 2), "name"), ==, "Politics");
  g_assert_cmpint (json_object_get_int_member (find_by_id (parser, after, "topics", 2), "clips"), ==, 1);
  assert_undo (f, "New Clip");
  assert_undo (f, "Change Topic Key");
  assert_undo (f, "Change Topic Key");
  g_clear_pointer (&after, tl_test_cli_run_free);
  after = tl_test_cli_expect (f->library, 0, "topics", "--json", NULL);
  g_assert_true (json_object_get_null_member (find_by_id (parser, after, "topics", 2), "key"));
  g_assert_cmpint (json_object_get_int_member (find_by_id (parser, after, "topics", 1), "key"), ==, 1);
  assert_undo (f, "Recolour Topic");
  assert_undo (f, "Rename Topic");
  g_clear_pointer (&after, tl_test_cli_run_free);
  after = tl_test_cli_expect (f->library, 0, "topics", "--json", NULL);
  g_assert_cmpstr (json_object_get_string_member (find_by_id (parser, after, "topics", 1), "name"), ==, "Economy");
  g_assert_cmpstr (json_object_get_string_member (find_by_id (parser, after, "topics", 2), "color"), ==, "#33d17a");

  /* bad input: exit status, one line that says what, and nothing changed */
  before = library_state (f);
  {
    static const struct {
      int status;
      const char *args[6];
      const char *says;
    } bad[] = {
      { 2, { "topics", "color", "2", "red" }, "#rrggbb" },
      { 2, { "topics", "color", "2", "#12345g" }, "#rrggbb" },
      { 2, { "topics", "key", "2", "10" }, "1 to 9" },
      { 2, { "topics", "key", "2", "--", "-1" }, "1 to 9" },
      { 2, { "topics", "rename", "two", "X" }, "not a topic id" },
      { 2, { "topics", "rename", "2" }, "new name" },
      { 2, { "topics", "frob", "2" }, "unknown action" },
      { 2, { "topics", "rename", "2", "X", "--key", "3" }, "--key" },
      { 1, { "topics", "rename", "9", "X" }, "No topic with id 9" },
      { 1, { "topics", "color", "9", "#ffffff" }, "No topic with id 9" },
      { 1, { "topics", "key", "9", "2" }, "No topic with id 9" },
      { 1, { "topics", "delete", "9" }, "No topic with id 9" },
      { 1, { "topics", "rename", "2", "Economy" }, "already a topic “Economy”" },
      { 1, { "topics", "rename", "2", "   " }, "needs a name" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(TlTestCliRun) run = tl_test_cli_expect (f->library, bad[i].status, bad[i].args[0], bad[i].args[1], bad[i].args[2],
                                           bad[i].args[3], bad[i].args[4], bad[i].args[5], NULL);
        g_autofree char *now = NULL;
        if (strstr (run->err, bad[i].says) == NULL)
          g_error ("%s %s: “%s” does not say “%s”", bad[i].args[1], bad[i].args[2], run->err, bad[i].says);
        if (bad[i].status == 1)
          g_assert_nonnull (strstr (run->err, f->library));
        now = library_state (f);
        g_assert_cmpstr (now, ==, before);
      }
  }
}

/* undo and redo: the label, nothing to undo, redo forgotten by an edit. */
static void
test_undo_redo (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(TlTestCliRun) nothing = tl_test_cli_expect (f->library, 0, "undo", NULL), nothing_more = NULL, redo = NULL, redo_json = NULL;
  g_autoptr(TlTestCliRun) none = NULL, undo_json = NULL, tag = NULL, clips = NULL, extra = NULL;
  g_autofree char *before = NULL, *now = NULL;

  /* the two topics added */
  g_assert_cmpstr (nothing->out, ==, "Undone: New Topic\n");
  undo_json = tl_test_cli_expect (f->library, 0, "--json", "undo", NULL);
  g_assert_cmpstr (json_object_get_string_member (parse (parser, undo_json), "undone"), ==, "New Topic");
  before = library_state (f);
  nothing_more = tl_test_cli_expect (f->library, 1, "undo", NULL);
  g_assert_nonnull (strstr (nothing_more->err, "Nothing to undo"));
  g_assert_nonnull (strstr (nothing_more->err, f->library));
  extra = tl_test_cli_expect (f->library, 2, "undo", "2", NULL);
  now = library_state (f);
  g_assert_cmpstr (now, ==, before);

  redo = tl_test_cli_expect (f->library, 0, "redo", NULL);
  g_assert_cmpstr (redo->out, ==, "Redone: New Topic\n");
  redo_json = tl_test_cli_expect (f->library, 0, "redo", "--json", NULL);
  g_assert_cmpstr (json_object_get_string_member (parse (parser, redo_json), "redone"), ==, "New Topic");
  none = tl_test_cli_expect (f->library, 1, "redo", NULL);
  g_assert_nonnull (strstr (none->err, "Nothing to redo"));

  /* an edit made after an undo forgets the redo */
  tag = tl_test_cli_expect (f->library, 0, "tag", "1", "1", "4", "Economy", NULL);
  assert_undo (f, "New Clip");
  clips = tl_test_cli_expect (f->library, 0, "clips", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (parse (parser, clips), "clips")), ==, 0);
  g_clear_pointer (&tag, tl_test_cli_run_free);
  tag = tl_test_cli_expect (f->library, 0, "tag", "1", "4.5", "8", "Politics", NULL);
  g_clear_pointer (&none, tl_test_cli_run_free);
  none = tl_test_cli_expect (f->library, 1, "redo", NULL);
}

/* clips set: every field, in one step (one change alone keeps its own
 * name); bad input changes nothing, even beside a good change. */
static void
test_clips_set (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(TlTestCliRun) tag = tl_test_cli_expect (f->library, 0, "tag", "1", "1", "4", "Economy", NULL);
  g_autoptr(TlTestCliRun) original = tl_test_cli_expect (f->library, 0, "clips", "--json", NULL);
  g_autoptr(TlTestCliRun) set = NULL, list = NULL, same = NULL, undone = NULL, clear = NULL, redone = NULL;
  g_autofree char *before = NULL, *after_set = NULL;
  JsonObject *clip;
  JsonArray *topics;

  set = tl_test_cli_expect (f->library, 0, "clips", "set", "1", "--title", "Parade", "--note", "Open on this", "--rating", "4", "--in",
             "00:00:01.500", "--out", "8.25", "--add-topic", "Politics", "--remove-topic", "Economy", "--json", NULL);
  clip = parse (parser, set);
  g_assert_cmpint (json_object_get_int_member (clip, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (clip, "title"), ==, "Parade");

  /* read back by another command */
  list = tl_test_cli_expect (f->library, 0, "clips", "--json", NULL);
  clip = find_by_id (parser, list, "clips", 1);
  g_assert_cmpstr (json_object_get_string_member (clip, "title"), ==, "Parade");
  g_assert_cmpstr (json_object_get_string_member (clip, "note"), ==, "Open on this");
  g_assert_cmpint (json_object_get_int_member (clip, "rating"), ==, 4);
  g_assert_cmpfloat (json_object_get_double_member (clip, "in"), ==, 1.5);
  g_assert_cmpfloat (json_object_get_double_member (clip, "out"), ==, 8.25);
  topics = json_object_get_array_member (clip, "topics");
  g_assert_cmpuint (json_array_get_length (topics), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (topics, 0), ==, "Politics");
  g_assert_nonnull (strstr (json_object_get_string_member (clip, "text"), "Ammunition"));

  /* nothing to change is no step */
  before = library_state (f);
  same = tl_test_cli_expect (f->library, 0, "clips", "set", "1", "--title", "Parade", "--rating", "4",
              "--add-topic", "Politics", NULL);
  g_assert_cmpstr (same->out, ==, "");
  {
    g_autofree char *now = library_state (f);
    g_assert_cmpstr (now, ==, before);
  }

  /* bad input */
  {
    static const struct {
      int status;
      const char *args[9];
      const char *says;
    } bad[] = {
      { 2, { "clips", "set", "1", "--rating", "6" }, "0 to 5" },
      { 2, { "clips", "set", "1", "--title", "X", "--in", "soon" }, "not a time" },
      { 2, { "clips", "set", "one", "--title", "X" }, "not a clip id" },
      { 2, { "clips", "set", "1" }, "say what to change" },
      { 2, { "clips", "set", "1", "--add-topic", "Economy", "--remove-topic", "Economy" }, "both" },
      { 2, { "clips", "--title", "X" }, "clips set" },
      { 1, { "clips", "set", "7", "--title", "X" }, "No clip with id 7" },
      { 1, { "clips", "set", "1", "--title", "X", "--add-topic", "Sport" }, "No topic “Sport”" },
      /* the library refuses the range after the note changed: the note goes back too */
      { 1, { "clips", "set", "1", "--note", "X", "--in", "9", "--out", "2" }, "must end after it starts" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(TlTestCliRun) run = tl_test_cli_expect (f->library, bad[i].status, bad[i].args[0], bad[i].args[1], bad[i].args[2],
                                           bad[i].args[3], bad[i].args[4], bad[i].args[5], bad[i].args[6], bad[i].args[7],
                                           bad[i].args[8], NULL);
        g_autofree char *now = NULL;
        if (strstr (run->err, bad[i].says) == NULL)
          g_error ("clips set %s: “%s” does not say “%s”", bad[i].args[3], run->err, bad[i].says);
        now = library_state (f);
        g_assert_cmpstr (now, ==, before);
      }
  }

  /* one command, one step: undone and redone whole */
  after_set = library_state (f);
  assert_undo (f, "Edit Clip");
  undone = tl_test_cli_expect (f->library, 0, "clips", "--json", NULL);
  g_assert_cmpstr (undone->out, ==, original->out);
  redone = tl_test_cli_expect (f->library, 0, "redo", NULL);
  g_assert_cmpstr (redone->out, ==, "Redone: Edit Clip\n");
  {
    g_autofree char *now = library_state (f);
    g_assert_cmpstr (now, ==, after_set);
  }
  assert_undo (f, "Edit Clip");

  /* "" clears a title */
  clear = tl_test_cli_expect (f->library, 0, "clips", "set", "1", "--title", "Parade", NULL);
  g_clear_pointer (&clear, tl_test_cli_run_free);
  clear = tl_test_cli_expect (f->library, 0, "clips", "set", "1", "--title", "", "--json", NULL);
  g_assert_true (json_object_get_null_member (parse (parser, clear), "title"));
}

/* tag --toggle: what a topic's key does in the window, decided by the
 * library: a range inside a clip adds the topics to it or takes them
 * off, one step each time; elsewhere it makes a clip, as tag does. */
static void
test_tag_toggle (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(TlTestCliRun) tag = tl_test_cli_expect (f->library, 0, "tag", "1", "1", "4", "Economy", NULL);
  g_autoptr(TlTestCliRun) added = NULL, removed = NULL, fresh = NULL, plain = NULL, list = NULL;
  JsonObject *root;
  JsonArray *topics;

  g_assert_cmpstr (tag->out, ==, "1\n");
  added = tl_test_cli_expect (f->library, 0, "tag", "--toggle", "1", "1.5", "3", "Politics", "--json", NULL);
  root = parse (parser, added);
  g_assert_cmpint (json_object_get_int_member (root, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (root, "tagged"), ==, "added");
  list = tl_test_cli_expect (f->library, 0, "clips", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (parse (parser, list), "clips")), ==, 1);
  topics = json_object_get_array_member (find_by_id (parser, list, "clips", 1), "topics");
  g_assert_cmpuint (json_array_get_length (topics), ==, 2);

  /* it has them all: both come off, in one step */
  removed = tl_test_cli_expect (f->library, 0, "tag", "1", "2", "4", "Economy", "Politics", "--toggle", "--json", NULL);
  g_assert_cmpstr (json_object_get_string_member (parse (parser, removed), "tagged"), ==, "removed");
  g_clear_pointer (&list, tl_test_cli_run_free);
  list = tl_test_cli_expect (f->library, 0, "clips", "--json", NULL);
  topics = json_object_get_array_member (find_by_id (parser, list, "clips", 1), "topics");
  g_assert_cmpuint (json_array_get_length (topics), ==, 0);
  assert_undo (f, "Untag Clip");
  assert_undo (f, "Tag Clip");

  /* outside every clip, a new one; without --toggle, always a new one */
  fresh = tl_test_cli_expect (f->library, 0, "tag", "--toggle", "1", "9", "11", "Economy", "--json", NULL);
  root = parse (parser, fresh);
  g_assert_cmpint (json_object_get_int_member (root, "id"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (root, "tagged"), ==, "new-clip");
  plain = tl_test_cli_expect (f->library, 0, "tag", "1", "1.5", "3", "Economy", "--json", NULL);
  root = parse (parser, plain);
  g_assert_cmpint (json_object_get_int_member (root, "id"), ==, 3);
  g_assert_false (json_object_has_member (root, "tagged"));
}

/* A clip of an untimed transcript is a range of paragraphs, counted from 1. */
static void
test_clips_set_paragraphs (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autoptr(TlTestCliRun) import = NULL, tag = NULL, set = NULL, bad = NULL, list = NULL;
  JsonArray *paragraphs;

  /* the first line is the title */
  g_assert_true (g_file_set_contents (text, "Notes on the summit\n\nFirst paragraph.\n\nSecond paragraph.\n\n"
                                     "Third paragraph.\n", -1, NULL));
  import = tl_test_cli_expect (f->library, 0, "import", text, NULL);
  tag = tl_test_cli_expect (f->library, 0, "tag", "2", "1", "1", "Economy", NULL);
  g_assert_cmpstr (tag->out, ==, "1\n");
  set = tl_test_cli_expect (f->library, 0, "clips", "set", "1", "--out", "3", "--json", NULL);
  paragraphs = json_object_get_array_member (parse (parser, set), "paragraphs");
  g_assert_cmpint (json_array_get_int_element (paragraphs, 0), ==, 1);
  g_assert_cmpint (json_array_get_int_element (paragraphs, 1), ==, 3);
  bad = tl_test_cli_expect (f->library, 1, "clips", "set", "1", "--out", "4", NULL);
  g_assert_nonnull (strstr (bad->err, "paragraphs 1 to 3"));
  assert_undo (f, "Trim Clip");
  list = tl_test_cli_expect (f->library, 0, "clips", "--json", NULL);
  paragraphs = json_object_get_array_member (find_by_id (parser, list, "clips", 1), "paragraphs");
  g_assert_cmpint (json_array_get_int_element (paragraphs, 1), ==, 1);
}

/* folders and sources rename, move and delete; folders lists them. */
static void
test_folders_and_sources (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(TlTestCliRun) news = tl_test_cli_expect (f->library, 0, "folders", "add", "News", NULL);
  g_autoptr(TlTestCliRun) summit = tl_test_cli_expect (f->library, 0, "folders", "add", "Summit", "--parent", "1", "--json", NULL);
  g_autoptr(TlTestCliRun) move = NULL, list = NULL, rename = NULL, sources = NULL, plain = NULL, del = NULL;
  g_autoptr(TlTestCliRun) up = NULL, gone = NULL;
  g_autofree char *before = NULL;
  JsonObject *folder;

  g_assert_cmpstr (news->out, ==, "1\n");
  folder = parse (parser, summit);
  g_assert_cmpint (json_object_get_int_member (folder, "id"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (folder, "parent"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (folder, "path"), ==, "News/Summit");

  move = tl_test_cli_expect (f->library, 0, "sources", "move", "1", "2", "--json", NULL);
  g_assert_cmpstr (json_object_get_string_member (parse (parser, move), "folder"), ==, "News/Summit");
  list = tl_test_cli_expect (f->library, 0, "folders", "--json", NULL);
  folder = find_by_id (parser, list, "folders", 1);
  g_assert_true (json_object_get_null_member (folder, "parent"));
  g_assert_cmpint (json_object_get_int_member (folder, "folders"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (folder, "sources"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (find_by_id (parser, list, "folders", 2), "sources"), ==, 1);
  plain = tl_test_cli_expect (f->library, 0, "folders", NULL);
  g_assert_nonnull (strstr (plain->out, "News/Summit"));

  rename = tl_test_cli_expect (f->library, 0, "sources", "rename", "1", "Summit, day one", NULL);
  g_clear_pointer (&rename, tl_test_cli_run_free);
  rename = tl_test_cli_expect (f->library, 0, "folders", "rename", "2", "Talks", "--json", NULL);
  g_assert_cmpstr (json_object_get_string_member (parse (parser, rename), "path"), ==, "News/Talks");
  up = tl_test_cli_expect (f->library, 0, "folders", "move", "2", "root", NULL);
  sources = tl_test_cli_expect (f->library, 0, "sources", "--json", NULL);
  g_assert_cmpstr (json_object_get_string_member (find_by_id (parser, sources, "sources", 1), "title"), ==,
                   "Summit, day one");
  g_assert_cmpstr (json_object_get_string_member (find_by_id (parser, sources, "sources", 1), "folder"), ==, "Talks");

  /* deleting a folder hides its sources; undo brings them back */
  del = tl_test_cli_expect (f->library, 0, "folders", "delete", "2", NULL);
  g_clear_pointer (&sources, tl_test_cli_run_free);
  sources = tl_test_cli_expect (f->library, 0, "sources", "--json", NULL);
  g_assert_null (find_by_id (parser, sources, "sources", 1));
  assert_undo (f, "Delete Folder");
  g_clear_pointer (&sources, tl_test_cli_run_free);
  sources = tl_test_cli_expect (f->library, 0, "sources", "--json", NULL);
  g_assert_nonnull (find_by_id (parser, sources, "sources", 1));

  g_clear_pointer (&del, tl_test_cli_run_free);
  del = tl_test_cli_expect (f->library, 0, "sources", "delete", "1", "--json", NULL);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (parse (parser, del), "deleted"), 0), ==,
                   1);
  gone = tl_test_cli_expect (f->library, 0, "sources", "--json", NULL);
  g_assert_null (find_by_id (parser, gone, "sources", 1));
  {
    /* a deleted source is gone for every command, not only the list */
    g_autoptr(TlTestCliRun) shown = tl_test_cli_expect (f->library, 1, "show", "1", NULL);
    g_assert_nonnull (strstr (shown->err, "No source with id 1"));
  }
  assert_undo (f, "Delete Source");
  g_clear_pointer (&gone, tl_test_cli_run_free);
  gone = tl_test_cli_expect (f->library, 0, "show", "1", "--json", NULL);
  g_assert_cmpstr (json_object_get_string_member (parse (parser, gone), "title"), ==, "Summit, day one");
  assert_undo (f, "Move Folder");
  assert_undo (f, "Rename Folder");
  assert_undo (f, "Rename Source");
  g_clear_pointer (&sources, tl_test_cli_run_free);
  sources = tl_test_cli_expect (f->library, 0, "sources", "--json", NULL);
  g_assert_cmpstr (json_object_get_string_member (find_by_id (parser, sources, "sources", 1), "title"), ==, "summit");
  g_assert_cmpstr (json_object_get_string_member (find_by_id (parser, sources, "sources", 1), "folder"), ==,
                   "News/Summit");

  before = library_state (f);
  {
    static const struct {
      int status;
      const char *args[6];
      const char *says;
    } bad[] = {
      { 2, { "folders", "move", "2", "up" }, "not a folder id" },
      { 2, { "folders", "add" }, "one name" },
      { 2, { "folders", "rename", "2", "X", "--parent", "1" }, "--parent" },
      { 2, { "sources", "move", "1" }, "folder’s id" },
      { 2, { "sources", "move", "1", "-" }, "not a folder id" },
      { 2, { "sources", "frob", "1" }, "unknown action" },
      { 1, { "folders", "move", "1", "2" }, "inside itself" },
      { 1, { "folders", "add", "a/b" }, "without “/”" },
      { 1, { "folders", "add", "Summit", "--parent", "1" }, "already a folder “Summit”" },
      { 1, { "folders", "add", "X", "--parent", "9" }, "No folder with id 9" },
      { 1, { "folders", "rename", "9", "X" }, "No folder with id 9" },
      { 1, { "folders", "move", "9", "root" }, "No folder with id 9" },
      { 1, { "folders", "delete", "9" }, "No folder with id 9" },
      { 1, { "sources", "move", "1", "9" }, "No folder with id 9" },
      { 1, { "sources", "rename", "9", "X" }, "No source with id 9" },
      { 1, { "sources", "rename", "1", " " }, "needs a title" },
      { 1, { "sources", "delete", "9" }, "No source with id 9" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(TlTestCliRun) run = tl_test_cli_expect (f->library, bad[i].status, bad[i].args[0], bad[i].args[1], bad[i].args[2],
                                           bad[i].args[3], bad[i].args[4], bad[i].args[5], NULL);
        g_autofree char *now = NULL;
        if (strstr (run->err, bad[i].says) == NULL)
          g_error ("%s %s: “%s” does not say “%s”", bad[i].args[0], bad[i].args[1], run->err, bad[i].says);
        now = library_state (f);
        g_assert_cmpstr (now, ==, before);
      }
  }
}

/* Listing opens read-only, and an edit needs a library: one that is not
 * there stays not there. */
static void
test_folders_read_only (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "none.db", NULL);
  g_autofree char *state = NULL, *after = NULL;
  g_autoptr(TlTestCliRun) run = tl_test_cli_run (missing, "folders", NULL);
  g_autoptr(TlTestCliRun) list = NULL;

  g_assert_cmpint (run->status, ==, 1);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  /* nor does an edit make an empty library to fail in */
  {
    static const char *const edits[][6] = {
      { "undo" },
      { "redo" },
      { "folders", "add", "News" },
      { "sources", "rename", "1", "X" },
      { "topics", "key", "1", "2" },
      { "clips", "set", "1", "--rating", "2" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
      {
        g_autoptr(TlTestCliRun) edit = tl_test_cli_run (missing, edits[i][0], edits[i][1], edits[i][2], edits[i][3],
                                                        edits[i][4], edits[i][5], NULL);
        g_assert_cmpint (edit->status, ==, 1);
        tl_test_cli_assert_one_line (edit->err);
        g_assert_nonnull (strstr (edit->err, "does not exist"));
        g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
      }
  }
  /* a closed library is not written by listing its folders */
  state = tl_test_library_state (f->library);
  list = tl_test_cli_expect (f->library, 0, "folders", "--json", NULL);
  after = tl_test_library_state (f->library);
  g_assert_cmpstr (after, ==, state);
}

/* relink probes the file as the window does, and is one step. */
static void
test_relink (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *video = tl_test_make_video (f->dir, "moved.webm", 2, "25/1");
  g_autofree char *text = g_build_filename (f->dir, "notes.webm", NULL);
  g_autoptr(TlTestCliRun) relink = NULL, show = NULL, bad = NULL, missing = NULL, plain = NULL;
  g_autofree char *before = NULL, *now = NULL;
  JsonObject *root, *media;

  g_assert_true (g_file_set_contents (text, "Not a video at all.\n", -1, NULL));
  before = library_state (f);
  bad = tl_test_cli_expect (f->library, 1, "relink", "1", text, NULL);
  g_assert_nonnull (strstr (bad->err, text));
  missing = tl_test_cli_expect (f->library, 1, "relink", "9", video, NULL);
  g_assert_nonnull (strstr (missing->err, "No source with id 9"));
  g_clear_pointer (&missing, tl_test_cli_run_free);
  missing = tl_test_cli_expect (f->library, 2, "relink", "1", NULL);
  now = library_state (f);
  g_assert_cmpstr (now, ==, before);

  relink = tl_test_cli_expect (f->library, 0, "--json", "relink", "1", video, NULL);
  /* what would tell a change tells this one */
  g_free (now);
  now = library_state (f);
  g_assert_cmpstr (now, !=, before);
  g_assert_nonnull (strstr (now, video));
  root = parse (parser, relink);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "source"), "kind"), ==,
                   "video");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "media"), "path"), ==, video);
  show = tl_test_cli_expect (f->library, 0, "show", "1", "--json", NULL);
  media = json_object_get_object_member (parse (parser, show), "media");
  g_assert_cmpstr (json_object_get_string_member (media, "path"), ==, video);
  g_assert_cmpstr (json_object_get_string_member (media, "framerate"), ==, "25/1");
  assert_undo (f, "Relink Media");
  g_clear_pointer (&show, tl_test_cli_run_free);
  show = tl_test_cli_expect (f->library, 0, "show", "1", "--json", NULL);
  g_assert_true (json_object_get_null_member (parse (parser, show), "media"));
  g_assert_cmpstr (json_object_get_string_member (parse (parser, show), "kind"), ==, "transcript");
  plain = tl_test_cli_expect (f->library, 0, "relink", "1", video, NULL);
  g_assert_nonnull (strstr (plain->out, video));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli/edit/topics", Fixture, NULL, fixture_set_up, test_topics, fixture_tear_down);
  g_test_add ("/cli/edit/undo-redo", Fixture, NULL, fixture_set_up, test_undo_redo, fixture_tear_down);
  g_test_add ("/cli/edit/clips-set", Fixture, NULL, fixture_set_up, test_clips_set, fixture_tear_down);
  g_test_add ("/cli/edit/tag-toggle", Fixture, NULL, fixture_set_up, test_tag_toggle, fixture_tear_down);
  g_test_add ("/cli/edit/clips-set-paragraphs", Fixture, NULL, fixture_set_up, test_clips_set_paragraphs,
              fixture_tear_down);
  g_test_add ("/cli/edit/folders-and-sources", Fixture, NULL, fixture_set_up, test_folders_and_sources,
              fixture_tear_down);
  g_test_add ("/cli/edit/folders-read-only", Fixture, NULL, fixture_set_up, test_folders_read_only,
              fixture_tear_down);
  g_test_add ("/cli/edit/relink", Fixture, NULL, fixture_set_up, test_relink, fixture_tear_down);
  return g_test_run ();
}
