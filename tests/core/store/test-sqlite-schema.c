/* test-sqlite-schema.c: the SQLite store's migrations, read from the .sql
 * files of its GResource, make the schema that the migrations kept in C
 * strings made, and a library written before them opens unchanged. */
#include <sqlite3.h>
#include <string.h>

#include "store/sqlite/tl-sqlite-schema.h"
#include "tl-library.h"
#include "tl-test-util.h"

static int
compare_lines (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Every row of @sql's result, one line each ("a|b|c"), sorted. */
static char *
query_lines (const char *path, const char *sql)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GString *line = g_string_new (NULL);
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);
          g_string_append_printf (line, "%s%s", i ? "|" : "", text ? text : "NULL");
        }
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
schema_of (const char *path)
{
  return query_lines (path, "SELECT type, name, tbl_name, sql FROM sqlite_master");
}

/* Every row of every table that is not the full-text index's own. Lines
 * are read as schemas 3 to 5 kept them: schema 6 adds their words and
 * corrections beside them (and folds the word table into them: see
 * test_v5_words_move). */
static char *
rows_of (const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *tables = query_lines (path, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                               " AND name NOT LIKE 'segment_fts%' AND name NOT LIKE 'sqlite_%'"
                                               " AND name <> 'word'");
  g_auto(GStrv) names = g_strsplit (tables, "\n", -1);

  for (guint i = 0; names[i] != NULL && *names[i]; i++)
    {
      g_autofree char *sql = strcmp (names[i], "segment") == 0
        ? g_strdup ("SELECT id, transcript_id, idx, start_us, end_us, speaker, text, non_speech, confidence, flag,"
                    " anchor FROM segment")
        : g_strdup_printf ("SELECT * FROM %s", names[i]);
      g_autofree char *rows = query_lines (path, sql);
      g_string_append_printf (out, "== %s\n%s", names[i], rows);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The schema, the pragmas that say what the file is, and every row. */
static char *
contents_of (const char *path)
{
  g_autofree char *schema = schema_of (path);
  g_autofree char *pragmas = query_lines (path, "SELECT * FROM pragma_user_version, pragma_application_id");
  g_autofree char *rows = rows_of (path);

  return g_strconcat (schema, pragmas, rows, NULL);
}

static void
test_migrations (void)
{
  g_assert_cmpuint (tl_sqlite_schema_get_n_migrations (), ==, TL_LIBRARY_SCHEMA_VERSION);
  for (guint v = 1; v <= TL_LIBRARY_SCHEMA_VERSION; v++)
    {
      g_autofree char *sql = tl_sqlite_schema_get_migration (v);
      /* comment lines are left out, statements kept */
      g_assert_null (strstr (sql, "--"));
      g_assert_true (sqlite3_complete (sql));
    }
}

/* A library made now has the schema that a library made before the
 * migrations moved to .sql files (tests/data/library-v4.sql) has once this
 * version has brought it up to date. */
static void
test_same_schema (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *old_path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *new_path = g_build_filename (dir, "new.db", NULL);
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_schema = NULL, *new_schema = NULL;

  tl_test_restore_dump ("library-v4.sql", old_path);
  library = tl_library_open (old_path, &error);
  g_assert_no_error (error);
  g_clear_object (&library);
  library = tl_library_open (new_path, &error);
  g_assert_no_error (error);
  g_clear_object (&library);
  old_schema = schema_of (old_path);
  new_schema = schema_of (new_path);
  g_assert_cmpstr (new_schema, ==, old_schema);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A library written by main before the store seam (schema 4) opens, is
 * brought up to date, and keeps every row as it was; edits and undo work. */
static void
test_v4_opens (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "v4.db", NULL);
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(GPtrArray) sources = NULL, clips = NULL, topics = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *label = NULL;

  tl_test_restore_dump ("library-v4.sql", path);
  before = rows_of (path);

  library = tl_library_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tl_library_get_schema_version (library), ==, TL_LIBRARY_SCHEMA_VERSION);
  sources = tl_library_list_sources (library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 2);
  g_assert_cmpstr (tl_source_get_folder (g_ptr_array_index (sources, 0)), ==, "Summit/BBC");
  g_assert_cmpuint (tl_source_get_n_segments (g_ptr_array_index (sources, 0)), ==, 289);
  topics = tl_library_list_topics (library, &error);
  g_assert_cmpuint (topics->len, ==, 2);
  g_assert_cmpuint (tl_topic_get_key (g_ptr_array_index (topics, 0)), ==, 1);
  clips = tl_library_list_clips (library, NULL, &error);
  g_assert_cmpuint (clips->len, ==, 1);
  g_assert_cmpstr (tl_clip_get_note (g_ptr_array_index (clips, 0)), ==, "made by schema 4");
  g_clear_object (&library);

  after = rows_of (path);
  g_assert_cmpstr (after, ==, before);

  /* the undo history written then is this version's too */
  library = tl_library_open (path, &error);
  g_assert_true (tl_library_undo (library, &label, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, "Delete Clip");
  g_clear_pointer (&clips, g_ptr_array_unref);
  clips = tl_library_list_clips (library, NULL, &error);
  g_assert_cmpuint (clips->len, ==, 2);
  g_assert_cmpstr (tl_clip_get_title (g_ptr_array_index (clips, 1)), ==, "Agenda");
  g_clear_object (&library);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A library made by main before word times (schema 5,
 * tests/data/library-v5.sql) opens, reads, and keeps every row as it was;
 * its undo history is this version's. */
static void
test_v5_opens_unchanged (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "v5.db", NULL);
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(GPtrArray) sources = NULL, clips = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;

  tl_test_restore_dump ("library-v5.sql", path);
  before = rows_of (path);
  library = tl_library_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tl_library_get_schema_version (library), ==, TL_LIBRARY_SCHEMA_VERSION);
  sources = tl_library_list_sources (library, &error);
  g_assert_cmpuint (sources->len, ==, 2);
  g_assert_cmpstr (tl_source_get_folder (g_ptr_array_index (sources, 0)), ==, "Summit/BBC");
  clips = tl_library_list_clips (library, NULL, &error);
  g_assert_cmpuint (clips->len, ==, 2);
  g_assert_cmpstr (tl_clip_get_note (g_ptr_array_index (clips, 1)), ==, "made by schema 5");
  /* its undo history is this version's: what main undid can be redone */
  g_assert_cmpint (tl_library_get_redo_kind (library), ==, TL_EDIT_DELETE_CLIP);
  g_assert_cmpint (tl_library_get_undo_kind (library), ==, TL_EDIT_NEW_CLIP);
  g_clear_object (&library);
  after = rows_of (path);
  g_assert_cmpstr (after, ==, before);

  /* and opened again, it is left as it is: schema, pragmas and every row */
  g_free (before);
  before = contents_of (path);
  library = tl_library_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&library);
  g_free (after);
  after = contents_of (path);
  g_assert_cmpstr (after, ==, before);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The words a schema-5 library kept in its word table (whisper's, rolling
 * captions') move into their lines, in order, as the file timed them; the
 * lines without any keep none (their words are estimated as read). */
static void
test_v5_words_move (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "v5.db", NULL);
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  const TlWord *words;
  guint n;
  TlSegment *seg;

  tl_test_restore_dump ("library-v5.sql", path);
  /* line 3 of source 2 is "So what can we expect the two leaders to discuss?" at 17.72–20.96 s;
   * the rows as main's whisper importer wrote them (in another order, one untimed) */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO word (segment_id, idx, start_us, end_us, text) SELECT id, 1, 18100000, 18300000, 'what'"
    "  FROM segment WHERE transcript_id = 2 AND idx = 3;"
    "INSERT INTO word (segment_id, idx, start_us, end_us, text) SELECT id, 0, 17720000, 18100000, 'So'"
    "  FROM segment WHERE transcript_id = 2 AND idx = 3;"
    "INSERT INTO word (segment_id, idx, start_us, end_us, text) SELECT id, 2, NULL, NULL, 'can'"
    "  FROM segment WHERE transcript_id = 2 AND idx = 3;",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  library = tl_library_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tl_test_count_rows (library, "sqlite_master WHERE name = 'word'"), ==, 0);
  segments = tl_library_get_segments (library, 2, &error);
  g_assert_no_error (error);
  seg = g_ptr_array_index (segments, 3);
  g_assert_cmpint (tl_segment_get_word_timing (seg), ==, TL_WORD_TIMING_NATIVE);
  /* the three words kept are fitted to the line's ten */
  words = tl_segment_get_words (seg, &n);
  g_assert_cmpuint (n, ==, 10);
  g_assert_cmpstr (words[0].text, ==, "So");
  g_assert_cmpint (words[0].start, ==, 17720000);
  g_assert_cmpint (words[0].end, ==, 18100000);
  g_assert_cmpstr (words[1].text, ==, "what");
  g_assert_cmpint (words[1].start, ==, 18100000);
  g_assert_cmpstr (words[9].text, ==, "discuss?");
  g_assert_true (words[9].interpolated);
  g_assert_cmpint (words[9].end, ==, 20960000);
  /* a line without words has them estimated over its time */
  seg = g_ptr_array_index (segments, 4);
  g_assert_cmpint (tl_segment_get_word_timing (seg), ==, TL_WORD_TIMING_ESTIMATED);
  words = tl_segment_get_words (seg, &n);
  g_assert_cmpuint (n, ==, 15);
  g_assert_cmpint (words[0].start, ==, tl_segment_get_start (seg));
  g_assert_cmpint (words[n - 1].end, ==, tl_segment_get_end (seg));
  g_clear_object (&library);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/sqlite/schema/migrations", test_migrations);
  g_test_add_func ("/store/sqlite/schema/same-as-before", test_same_schema);
  g_test_add_func ("/store/sqlite/schema/v4-opens", test_v4_opens);
  g_test_add_func ("/store/sqlite/schema/v5-opens-unchanged", test_v5_opens_unchanged);
  g_test_add_func ("/store/sqlite/schema/v5-words-move", test_v5_words_move);
  return g_test_run ();
}
