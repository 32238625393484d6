/* test-sqlite-edit.c: edits whose assertions look into the SQLite file:
 * deletes that come back (rows counted, the FTS index), and undo that
 * meets rows changed behind its back. */
#include <sqlite3.h>
#include <string.h>

#include "tl-import.h"
#include "tl-library-private.h"
#include "tl-search.h"
#include "tl-test-library.h"
#include "tl-test-util.h"

/* Deleting a topic removes it from its clips; undo puts both back. */
static void
test_delete_topic (TlTestEditLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  TlClip *clip;

  g_assert_true (tl_library_delete_topic (f->library, f->weapons, &error));
  clip = tl_test_edit_library_get_clip (f);
  g_assert_cmpuint (g_strv_length ((char **) tl_clip_get_topics (clip)), ==, 0);
  g_object_unref (clip);
  g_assert_cmpint (tl_test_count_rows (f->library, "clip_topic"), ==, 0);

  tl_test_assert_undo (f->library, "Delete Topic");
  clip = tl_test_edit_library_get_clip (f);
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
test_delete_source (TlTestEditLibrary *f, gconstpointer data)
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

  tl_test_assert_undo (f->library, "Delete Source");
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
test_undo_conflict (TlTestEditLibrary *f, gconstpointer data)
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
  tl_test_assert_next_step (f->library, FALSE, "Delete Topic");
  again = tl_library_find_topic (f->library, "Diplomacy", NULL);
  g_assert_cmpstr (tl_topic_get_color (again), ==, "#000000");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, TlTestEditLibrary, NULL, tl_test_edit_library_set_up, func, tl_test_edit_library_tear_down)
  ADD ("/core/library/edit/delete-topic", test_delete_topic);
  ADD ("/core/library/edit/delete-source", test_delete_source);
  ADD ("/core/library/edit/undo-conflict", test_undo_conflict);
#undef ADD
  return g_test_run ();
}