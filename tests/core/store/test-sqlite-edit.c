/* test-sqlite-edit.c: edits whose assertions look into the SQLite file:
 * deletes that come back (rows counted, the FTS index), and undo that
 * meets rows changed behind its back. */
#include <sqlite3.h>
#include <string.h>

#include "tl-import.h"
#include "tl-library-private.h"
#include "tl-search.h"
#include "tl-test-util.h"

typedef struct {
  char *dir;
  char *path;
  TlLibrary *library;
  gint64 source;     /* a timed transcript, 15 s */
  gint64 article;
  gint64 weapons;    /* topic, key 1 */
  gint64 diplomacy;  /* topic, key 2 */
  gint64 clip;       /* 4–12 s, Weapons */
} Fixture;

static const char *const srt_text =
  "1\n00:00:01,000 --> 00:00:04,000\nThe summit opened with a parade.\n\n"
  "2\n00:00:04,500 --> 00:00:08,250\nAmmunition supplies were discussed.\n\n"
  "3\n00:00:09,000 --> 00:00:15,000\nNorth Korea denied the weapons trade.\n";

static gint64
add_text (TlLibrary *library, const char *text, const char *origin, const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_import_bytes (origin, text, strlen (text), NULL, NULL, &error);
  TlImportOptions options = { origin, folder, NULL };
  gint64 id;

  g_assert_no_error (error);
  doc->duration = 15000000;
  id = tl_library_add_document (library, doc, &options, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlTopic) weapons = NULL, diplomacy = NULL;
  g_autofree char *article_path = tl_test_sample_named ("004_");
  g_autoptr(TlDocument) article = NULL;
  const char *topics[] = { "Weapons", NULL };
  TlClipSpec spec = { 0, 4000000, 12000000, -1, -1, NULL, "first note", 2, topics };

  f->dir = tl_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "library.db", NULL);
  f->library = tl_library_open (f->path, &error);
  g_assert_no_error (error);
  f->source = add_text (f->library, srt_text, "/x/summit.srt", "News/Summit");
  article = tl_import_file (article_path, NULL, NULL, &error);
  g_assert_no_error (error);
  f->article = tl_library_add_document (f->library, article, NULL, &error);
  weapons = tl_library_add_topic (f->library, "Weapons", 1, NULL, &error);
  diplomacy = tl_library_add_topic (f->library, "Diplomacy", 2, NULL, &error);
  g_assert_no_error (error);
  f->weapons = tl_topic_get_id (weapons);
  f->diplomacy = tl_topic_get_id (diplomacy);
  spec.source_id = f->source;
  f->clip = tl_library_add_clip (f->library, &spec, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->library);
  g_free (f->path);
  tl_test_tmpdir_free (f->dir);
}

static TlClip *
get_clip (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  TlClip *clip = tl_library_get_clip (f->library, f->clip, &error);

  g_assert_no_error (error);
  return clip;
}

/* The label undo (or redo) would take now, or NULL. */
static char *
next_label (Fixture *f, gboolean redo)
{
  return redo ? tl_library_get_redo_label (f->library) : tl_library_get_undo_label (f->library);
}

static void
assert_next (Fixture *f, gboolean redo, const char *expected)
{
  g_autofree char *label = next_label (f, redo);

  g_assert_cmpstr (label, ==, expected);
}

static void
assert_undo (Fixture *f, const char *expected_label)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  TlEditKind kind = tl_library_get_undo_kind (f->library);

  /* every step the library makes has a kind the window can name */
  g_assert_cmpint (kind, !=, TL_EDIT_OTHER);
  g_assert_cmpint (kind, ==, tl_edit_kind_from_label (expected_label));
  g_assert_true (tl_library_undo (f->library, &label, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, expected_label);
  g_assert_cmpint (tl_library_get_redo_kind (f->library), ==, kind);
}

/* Deleting a topic removes it from its clips; undo puts both back. */
static void
test_delete_topic (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  TlClip *clip;

  g_assert_true (tl_library_delete_topic (f->library, f->weapons, &error));
  clip = get_clip (f);
  g_assert_cmpuint (g_strv_length ((char **) tl_clip_get_topics (clip)), ==, 0);
  g_object_unref (clip);
  g_assert_cmpint (tl_test_count_rows (f->library, "clip_topic"), ==, 0);

  assert_undo (f, "Delete Topic");
  clip = get_clip (f);
  g_assert_cmpstr (tl_clip_get_topics (clip)[0], ==, "Weapons");
  g_object_unref (clip);
  topics = tl_library_list_topics (f->library, &error);
  g_assert_cmpuint (topics->len, ==, 2);
  g_assert_cmpint (tl_topic_get_id (g_ptr_array_index (topics, 0)), ==, f->weapons);
  g_assert_cmpuint (tl_topic_get_key (g_ptr_array_index (topics, 0)), ==, 1);
  g_assert_cmpuint (tl_topic_get_n_clips (g_ptr_array_index (topics, 0)), ==, 1);
}

/* A deleted source leaves the list, its clips and search; undo brings all back. */
static void
test_delete_source (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) clips = NULL;
  g_autoptr(TlSearchResults) hits = NULL;

  g_assert_true (tl_library_delete_source (f->library, f->source, &error));
  sources = tl_library_list_sources (f->library, &error);
  g_assert_cmpuint (sources->len, ==, 1);
  clips = tl_library_list_clips (f->library, NULL, &error);
  g_assert_cmpuint (clips->len, ==, 0);
  hits = tl_search (f->library, "ammunition", 10, 0, NULL, NULL, &error);
  g_assert_cmpuint (hits->total, ==, 0);
  g_clear_pointer (&sources, g_ptr_array_unref);
  g_clear_pointer (&clips, g_ptr_array_unref);
  g_clear_pointer (&hits, tl_search_results_free);

  assert_undo (f, "Delete Source");
  sources = tl_library_list_sources (f->library, &error);
  g_assert_cmpuint (sources->len, ==, 2);
  clips = tl_library_list_clips (f->library, NULL, &error);
  g_assert_cmpuint (clips->len, ==, 1);
  hits = tl_search (f->library, "ammunition", 10, 0, NULL, NULL, &error);
  g_assert_cmpuint (hits->total, ==, 1);

  /* the index agrees with its content table after all that */
  g_assert_cmpint (sqlite3_exec (tl_test_library_db (f->library),
                                 "INSERT INTO segment_fts (segment_fts) VALUES ('integrity-check')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
}

/* An undo that can no longer apply says why and changes nothing. */
static void
test_undo_conflict (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlTopic) again = NULL;

  g_assert_true (tl_library_delete_topic (f->library, f->diplomacy, &error));
  /* another process takes the name meanwhile (no undo there) */
  g_assert_cmpint (sqlite3_exec (tl_test_library_db (f->library),
                                 "INSERT INTO topic (name, color, position) VALUES ('diplomacy', '#000000', 9)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (tl_library_undo (f->library, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Cannot undo “Delete Topic”"));
  assert_next (f, FALSE, "Delete Topic");
  again = tl_library_find_topic (f->library, "Diplomacy", NULL);
  g_assert_cmpstr (tl_topic_get_color (again), ==, "#000000");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/library/edit/delete-topic", test_delete_topic);
  ADD ("/core/library/edit/delete-source", test_delete_source);
  ADD ("/core/library/edit/undo-conflict", test_undo_conflict);
#undef ADD
  return g_test_run ();
}