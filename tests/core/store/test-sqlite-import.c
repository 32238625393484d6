/* test-sqlite-import.c: a long import does not keep edits waiting, is
 * seen whole or not at all, and what one killed half-way leaves is removed
 * by the next program that opens the library to write. */
#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "tl-import.h"
#include "tl-library.h"
#include "tl-search.h"
#include "tl-test-util.h"

#define N_CUES 200000

/* An SRT file of @n cues; the last one says "zanzibar", which no other
 * line does. */
static char *
make_srt (guint n)
{
  GString *srt = g_string_sized_new (n * 64);

  for (guint i = 0; i < n; i++)
    {
      guint ms = i * 2000;
      g_string_append_printf (srt, "%u\n%02u:%02u:%02u,%03u --> %02u:%02u:%02u,%03u\n%s %u\n\n", i + 1,
                              ms / 3600000, ms / 60000 % 60, ms / 1000 % 60, ms % 1000, (ms + 1500) / 3600000,
                              (ms + 1500) / 60000 % 60, (ms + 1500) / 1000 % 60, (ms + 1500) % 1000,
                              i + 1 == n ? "zanzibar at last, line" : "the minister said more on line", i);
    }
  return g_string_free (srt, FALSE);
}

static TlDocument *
make_document (guint n)
{
  g_autofree char *srt = make_srt (n);
  g_autoptr(GError) error = NULL;
  TlDocument *doc = tl_import_bytes ("/x/long.srt", srt, strlen (srt), NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static gint64
count (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
exec_sql (const char *path, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* as long as the library's own handles wait: under the sanitizers on a
   * loaded machine, 5 s ran out once (SQLITE_BUSY after the import) */
  sqlite3_busy_timeout (db, 30000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

typedef struct {
  char *path;
  TlDocument *doc;
  gint64 source_id;
  GError *error;
  gint done; /* atomic */
} ImportRun;

static gpointer
import_thread (gpointer data)
{
  ImportRun *run = data;
  g_autoptr(TlLibrary) library = tl_library_open (run->path, &run->error);

  if (library != NULL)
    run->source_id = tl_library_add_document (library, run->doc, NULL, &run->error);
  g_atomic_int_set (&run->done, 1);
  return NULL;
}

/* While one connection imports a long transcript, another one edits: each
 * edit is done (none fails on a locked library), several before the import
 * ends, and meanwhile the new source is seen whole or not at all. */
static void
test_edits_meanwhile (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) editor = tl_library_open (path, &error);
  ImportRun run = { path, make_document (N_CUES), 0, NULL, 0 };
  GThread *thread;
  guint n_edits = 0, n_meanwhile = 0, n_looked = 0;

  g_assert_no_error (error);
  thread = g_thread_new ("import", import_thread, &run);
  while (!g_atomic_int_get (&run.done))
    {
      g_autofree char *name = g_strdup_printf ("Topic %u", n_edits);
      g_autoptr(TlTopic) topic = tl_library_add_topic (editor, name, 0, NULL, &error);
      gboolean still_importing;

      g_assert_no_error (error);
      g_assert_nonnull (topic);
      still_importing = !g_atomic_int_get (&run.done);
      n_edits++;
      if (still_importing)
        n_meanwhile++;

      /* what another window sees meanwhile */
      if (still_importing && count (path, "SELECT count(*) FROM segment") > 0)
        {
          g_autoptr(GPtrArray) sources = tl_library_list_sources (editor, &error);
          g_autoptr(TlSearchResults) results = tl_search (editor, "minister", 10, 0, NULL, NULL, &error);

          g_assert_no_error (error);
          /* whole or not at all (the import may end between two reads) */
          if (sources->len == 0)
            n_looked++;
          else
            {
              g_assert_cmpuint (sources->len, ==, 1);
              g_assert_cmpuint (tl_source_get_n_segments (g_ptr_array_index (sources, 0)), ==, N_CUES);
            }
          if (results->total == 0)
            g_assert_cmpuint (results->hits->len, ==, 0);
          else
            {
              g_assert_cmpuint (results->total, ==, N_CUES - 1);
              g_assert_cmpuint (results->hits->len, ==, 10);
            }
        }
      g_usleep (20000);
    }
  g_thread_join (thread);
  g_assert_no_error (run.error);
  g_assert_cmpint (run.source_id, >, 0);
  g_test_message ("%u edits, %u while the import ran; looked %u times", n_edits, n_meanwhile, n_looked);
  /* with one transaction for the whole import, no edit could end before it */
  g_assert_cmpuint (n_meanwhile, >=, 3);
  g_assert_cmpuint (n_looked, >=, 1);

  {
    g_autoptr(GPtrArray) sources = tl_library_list_sources (editor, &error);
    g_autoptr(TlSearchResults) results = tl_search (editor, "zanzibar", 10, 0, NULL, NULL, &error);
    g_autoptr(GPtrArray) topics = tl_library_list_topics (editor, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (sources->len, ==, 1);
    g_assert_cmpuint (tl_source_get_n_segments (g_ptr_array_index (sources, 0)), ==, N_CUES);
    g_assert_cmpuint (results->total, ==, 1);
    g_assert_cmpuint (topics->len, ==, n_edits);
  }
  g_assert_cmpint (count (path, "SELECT count(*) FROM segment"), ==, N_CUES);
  exec_sql (path, "INSERT INTO segment_fts (segment_fts) VALUES ('integrity-check')");
  tl_document_free (run.doc);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The child: imports the file into the library, to be killed half-way. */
static int
run_import (const char *path, const char *n_cues)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = tl_library_open (path, &error);
  g_autoptr(TlDocument) doc = make_document (atoi (n_cues));

  if (library == NULL || tl_library_add_document (library, doc, NULL, &error) == 0)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/* An import killed half-way: nothing shows; a program that opens the
 * library to write while the import might still run leaves its part alone;
 * once it has not moved for a while, the next one removes it. */
static void
test_killed (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *self_path = g_test_build_filename (G_TEST_BUILT, "test-store-sqlite-import", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(TlLibrary) made = tl_library_open (path, &error);
  gint64 written = 0;

  g_assert_no_error (error);
  g_clear_object (&made);
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self_path, "--import", path, G_STRINGIFY (N_CUES), NULL);
  g_assert_no_error (error);
  for (int i = 0; i < 3000 && written < 20000; i++)
    {
      g_usleep (10000);
      written = count (path, "SELECT count(*) FROM segment");
    }
  g_assert_cmpint (written, >=, 20000);
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_subprocess_get_if_exited (child));
  written = count (path, "SELECT count(*) FROM segment");
  g_assert_cmpint (written, >, 0);
  g_assert_cmpint (written, <, N_CUES);

  /* just killed: it might as well still run, so it stays (hidden) */
  {
    g_autoptr(TlLibrary) library = tl_library_open (path, &error);
    g_autoptr(GPtrArray) sources = tl_library_list_sources (library, &error);
    g_autoptr(TlSearchResults) results = tl_search (library, "minister", 10, 0, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (sources->len, ==, 0);
    g_assert_cmpuint (results->total, ==, 0);
  }
  g_assert_cmpint (count (path, "SELECT count(*) FROM segment"), ==, written);

  /* eleven seconds later, as its last transaction says */
  exec_sql (path, "UPDATE source SET updated_at = updated_at - 11000000 WHERE deleted = 2");
  {
    g_autoptr(TlLibrary) library = tl_library_open (path, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (count (path, "SELECT count(*) FROM segment"), ==, 0);
  g_assert_cmpint (count (path, "SELECT count(*) FROM source"), ==, 0);
  g_assert_cmpint (count (path, "SELECT count(*) FROM transcript"), ==, 0);
  exec_sql (path, "INSERT INTO segment_fts (segment_fts) VALUES ('integrity-check')");
  g_assert_cmpint (count (path, "SELECT count(*) FROM segment_fts WHERE segment_fts MATCH 'minister'"), ==, 0);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

/* An import that fails half-way (here: its source is removed under it by
 * another program that took it for stopped) shows nothing and leaves
 * nothing. */
static void
test_removed_under_it (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) other = tl_library_open (path, &error);
  ImportRun run = { path, make_document (N_CUES), 0, NULL, 0 };
  GThread *thread;
  gboolean removed = FALSE;

  g_assert_no_error (error);
  thread = g_thread_new ("import", import_thread, &run);
  while (!g_atomic_int_get (&run.done) && !removed)
    {
      if (count (path, "SELECT count(*) FROM segment") > 1000)
        {
          /* what another program does to an import it takes for stopped
           * (the import may touch its source again in between: retry) */
          exec_sql (path, "UPDATE source SET updated_at = 0 WHERE deleted = 2");
          g_clear_object (&other);
          other = tl_library_open (path, &error);
          g_assert_no_error (error);
          removed = count (path, "SELECT count(*) FROM source") == 0;
        }
      g_usleep (5000);
    }
  g_thread_join (thread);
  if (!removed)
    {
      g_test_skip ("the import ended before it could be removed");
      tl_document_free (run.doc);
      tl_test_tmpdir_free (g_steal_pointer (&dir));
      return;
    }
  g_assert_error (run.error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_FAILED);
  g_assert_nonnull (strstr (run.error->message, "import the file again"));
  g_clear_error (&run.error);
  g_assert_cmpint (run.source_id, ==, 0);
  g_assert_cmpint (count (path, "SELECT count(*) FROM segment"), ==, 0);
  g_assert_cmpint (count (path, "SELECT count(*) FROM source"), ==, 0);
  exec_sql (path, "INSERT INTO segment_fts (segment_fts) VALUES ('integrity-check')");
  tl_document_free (run.doc);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  if (argc == 4 && strcmp (argv[1], "--import") == 0)
    return run_import (argv[2], argv[3]);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/library/import/edits-meanwhile", test_edits_meanwhile);
  g_test_add_func ("/core/library/import/killed", test_killed);
  g_test_add_func ("/core/library/import/removed-under-it", test_removed_under_it);
  return g_test_run ();
}
