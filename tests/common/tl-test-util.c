/* tl-test-util.c: helpers the tests share. */
#include "tl-test-util.h"

#include <string.h>

#include <sqlite3.h>
#include "tl-library-private.h"
#include "store/sqlite/tl-sqlite-store-private.h"

char *
tl_test_tmpdir_new (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("tagline-test-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;
      while (dir && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

void
tl_test_tmpdir_free (char *path)
{
  if (path == NULL)
    return;
  remove_tree (path);
  g_free (path);
}

/* The path of a file in tests/data. */
char *
tl_test_sample (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* The sample whose name starts with @prefix ("000_"). */
char *
tl_test_sample_named (const char *prefix)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      return g_build_filename (dir_path, name, NULL);
  g_assert_not_reached ();
  return NULL;
}

/* Makes @path a database holding what the SQL dump @sample in tests/data
 * holds: a library file as an older Tagline left it, for the migrations. */
void
tl_test_restore_dump (const char *sample, const char *path)
{
  g_autofree char *dump_path = tl_test_sample (sample);
  g_autofree char *dump = NULL;
  sqlite3 *db;

  g_assert_true (g_file_get_contents (dump_path, &dump, NULL, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, dump, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The SQLite connection under @library, for the tests that look at the
 * file as SQL. */
sqlite3 *
tl_test_library_db (TlLibrary *library)
{
  return tl_sqlite_store_get_db (TL_SQLITE_STORE (tl_library_get_store (library)));
}

gint64
tl_test_count_rows (TlLibrary *library, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (tl_test_library_db (library), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* "sha256 size mtime" of @path, or "missing": what tells whether anything
 * wrote to it, for a comparison that prints both sides when it fails. */
char *
tl_test_file_state (const char *path)
{
  g_autofree char *data = NULL;
  g_autofree char *digest = NULL;
  GStatBuf st;
  gsize len;

  if (g_stat (path, &st) != 0)
    return g_strdup ("missing");
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
  return g_strdup_printf ("%s %" G_GSIZE_FORMAT " %" G_GINT64_FORMAT ".%09ld", digest, len,
                          (gint64) st.st_mtim.tv_sec, (long) st.st_mtim.tv_nsec);
}

/* The state of a library file and of the -wal and -shm beside it. */
char *
tl_test_library_state (const char *path)
{
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm_path = g_strconcat (path, "-shm", NULL);
  g_autofree char *db = tl_test_file_state (path);
  g_autofree char *wal = tl_test_file_state (wal_path);
  g_autofree char *shm = tl_test_file_state (shm_path);

  return g_strdup_printf ("db: %s; wal: %s; shm: %s", db, wal, shm);
}
