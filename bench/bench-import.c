/* bench-import.c: storing 100,000 segments in a new library, full-text
 * index included (target: at least 100,000 segments/s, and within 2x of
 * SQLite itself bulk-loading the same rows into an FTS5 table, measured in
 * the same run on the same disk). */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bench-text.h"
#include "tl-library.h"

#define N_SEGMENTS 100000
#define RUNS 5

static TlDocument *
make_document (void)
{
  BenchText *words = bench_text_new (11);
  TlDocument *doc = tl_document_new ("bench");
  g_autoptr(GString) sentence = g_string_new (NULL);
  gint64 t = 0;

  for (guint i = 0; i < N_SEGMENTS; i++)
    {
      TlDocSegment *seg;
      g_string_truncate (sentence, 0);
      bench_text_sentence (words, sentence, 8, 20);
      seg = tl_document_add_segment (doc, t, t + 2500000, sentence->str, sentence->len);
      seg->line = i + 1;
      t += 2600000;
    }
  doc->timing = TL_TIMING_NATIVE;
  bench_text_free (words);
  return doc;
}

static void
remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static double
import_tagline (const char *path, TlDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = NULL;
  double t0;

  remove_db (path);
  library = tl_library_open (path, &error);
  if (library == NULL)
    g_error ("%s", error->message);
  t0 = bench_now ();
  if (tl_library_add_document (library, doc, NULL, &error) == 0)
    g_error ("%s", error->message);
  return bench_now () - t0;
}

/* SQLite on its own: the same rows into a bare FTS5 table, one transaction. */
static double
import_sqlite (const char *path, TlDocument *doc)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  double t0;

  remove_db (path);
  g_assert (sqlite3_open (path, &db) == SQLITE_OK);
  sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                    "CREATE VIRTUAL TABLE t USING fts5 (text, tokenize='unicode61 remove_diacritics 2')",
                NULL, NULL, NULL);
  t0 = bench_now ();
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO t (text) VALUES (?)", -1, &stmt, NULL);
  for (guint i = 0; i < doc->segments->len; i++)
    {
      sqlite3_bind_text (stmt, 1, tl_document_get_segment (doc, i)->text, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("%s", sqlite3_errmsg (db));
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  t0 = bench_now () - t0;
  sqlite3_close (db);
  return t0;
}

int
main (int argc, char **argv)
{
  g_autoptr(TlDocument) doc = make_document ();
  g_autofree char *dir = g_dir_make_tmp ("tagline-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  double ours[RUNS], theirs[RUNS];

  for (int run = 0; run < RUNS; run++)
    {
      /* alternate so that both see the same disk and cache conditions */
      ours[run] = import_tagline (path, doc);
      theirs[run] = import_sqlite (path, doc);
    }
  remove_db (path);
  g_rmdir (dir);
  qsort (ours, RUNS, sizeof (double), bench_compare_double);
  qsort (theirs, RUNS, sizeof (double), bench_compare_double);

  printf ("Storing %d segments (median of %d runs, SQLite %s)\n", N_SEGMENTS, RUNS, sqlite3_libversion ());
  printf ("tagline library (rows + indexes + FTS5): %7.1f ms  %8.0f segments/s\n",
          ours[RUNS / 2] * 1000, N_SEGMENTS / ours[RUNS / 2]);
  printf ("bare SQLite FTS5 table:                  %7.1f ms  %8.0f segments/s\n",
          theirs[RUNS / 2] * 1000, N_SEGMENTS / theirs[RUNS / 2]);
  printf ("ratio: %.2fx the time of bare SQLite\n", ours[RUNS / 2] / theirs[RUNS / 2]);
  return 0;
}
