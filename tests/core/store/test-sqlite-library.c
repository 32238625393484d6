/* test-sqlite-library.c: the library in its SQLite file: schema and
 * migrations, refusing files it must not touch, one transaction per import
 * (counted in the tables), topics and clips, the FTS index. */
#include <sqlite3.h>
#include <string.h>

#include "tl-import.h"
#include "tl-library-private.h"
#include "tl-search.h"
#include "tl-test-library.h"
#include "tl-test-util.h"

static int
pragma_int (const char *path, const char *pragma)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_fresh_schema (TlTestLibrary *f, gconstpointer data)
{
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (tl_library_get_schema_version (f->library), ==, TL_LIBRARY_SCHEMA_VERSION);
  g_assert_cmpint (pragma_int (f->path, "PRAGMA user_version"), ==, TL_LIBRARY_SCHEMA_VERSION);
  g_assert_cmpint (pragma_int (f->path, "PRAGMA application_id"), ==, 0x54474C4E);
  for (const char *const *t = (const char *const[]) { "folder", "source", "source_keyword", "media", "transcript",
                                                      "segment", "word", "chapter", "topic", "clip", "clip_topic",
                                                      "segment_fts", NULL };
       *t; t++)
    g_assert_cmpint (tl_test_count_rows (f->library, *t), ==, 0);

  /* reopening an up-to-date library changes nothing */
  g_clear_object (&f->library);
  f->library = tl_library_open (f->path, NULL);
  g_assert_nonnull (f->library);
  g_assert_cmpint (tl_library_get_schema_version (f->library), ==, TL_LIBRARY_SCHEMA_VERSION);
}

static void
test_wal_and_foreign_keys (TlTestLibrary *f, gconstpointer data)
{
  sqlite3_stmt *stmt;
  sqlite3 *db = tl_test_library_db (f->library);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  /* a segment of a transcript that does not exist is refused */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO segment (transcript_id, idx, text) VALUES (999, 0, 'x')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_FOREIGNKEY);
}

static char *
file_digest (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static void
test_newer_schema_refused (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  TlLibrary *library;
  sqlite3 *db;

  library = tl_library_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (library);
  /* a later Tagline wrote version 99, in rollback-journal mode */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;"
                                     "CREATE TABLE future_thing (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = file_digest (path);

  library = tl_library_open (path, &error);
  g_assert_null (library);
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "newer version of Tagline"));

  /* not a byte changed, and no WAL file appeared */
  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (pragma_int (path, "PRAGMA user_version"), ==, 99);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_foreign_files_refused (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_true (g_file_set_contents (text, "Shopping list: bread, milk, and plenty of eggs for the week.\n", -1, NULL));
  before = file_digest (text);
  g_assert_null (tl_library_open (text, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_LIBRARY);
  g_assert_nonnull (strstr (error->message, "not a Tagline library"));
  g_assert_nonnull (strstr (error->message, "not an SQLite database"));
  after = file_digest (text);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE invoices (id, total)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = file_digest (other);
  g_assert_null (tl_library_open (other, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_LIBRARY);
  after = file_digest (other);
  g_assert_cmpstr (before, ==, after);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_import_document (TlTestLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSource) source = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  gint64 id = tl_test_import_text (f->library, tl_test_srt_text, "/footage/summit.srt", &error);
  TlSegment *seg;

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  source = tl_library_get_source (f->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tl_source_get_title (source), ==, "summit");
  g_assert_cmpstr (tl_source_get_format (source), ==, "srt");
  g_assert_cmpstr (tl_source_get_origin_path (source), ==, "/footage/summit.srt");
  g_assert_cmpint (tl_source_get_kind (source), ==, TL_SOURCE_KIND_TRANSCRIPT);
  g_assert_cmpint (tl_source_get_timing (source), ==, TL_TIMING_NATIVE);
  g_assert_cmpuint (tl_source_get_n_segments (source), ==, 4);
  g_assert_null (tl_source_get_media (source));

  segments = tl_library_get_segments (f->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (segments->len, ==, 4);
  seg = g_ptr_array_index (segments, 1);
  g_assert_cmpuint (tl_segment_get_index (seg), ==, 1);
  g_assert_cmpint (tl_segment_get_start (seg), ==, 4500000);
  g_assert_cmpint (tl_segment_get_end (seg), ==, 8250000);
  g_assert_cmpstr (tl_segment_get_text (seg), ==, "Ammunition supplies were discussed.");
  g_assert_false (tl_segment_get_non_speech (seg));
  g_assert_true (tl_segment_get_non_speech (g_ptr_array_index (segments, 3)));
  g_assert_cmpint (tl_test_count_rows (f->library, "segment_fts"), ==, 4);
}

static void
test_import_metadata_and_media (TlTestLibrary *f, gconstpointer data)
{
  g_autoptr(TlDocument) doc = tl_document_new ("test");
  g_autoptr(TlMediaInfo) media = tl_media_info_new ();
  g_autoptr(TlSource) source = NULL;
  g_autoptr(GPtrArray) chapters = NULL;
  g_autoptr(GError) error = NULL;
  TlImportOptions options = { "/x/clip.txt", "News/Summit", media };
  const char *const *keywords;
  gint64 id;

  doc->title = tl_document_strdup (doc, "Putin visits Pyongyang");
  doc->outlet = tl_document_strdup (doc, "BBC News");
  doc->published = tl_document_strdup (doc, "2024-06-19");
  doc->url = tl_document_strdup (doc, "https://example.org/v");
  doc->external_id = tl_document_strdup (doc, "abc123");
  doc->description = tl_document_strdup (doc, "A visit.");
  tl_document_add_keyword (doc, "Putin");
  tl_document_add_keyword (doc, "North Korea");
  tl_document_add_keyword (doc, "putin"); /* same keyword, other case */
  tl_document_add_segment (doc, TL_TIME_NONE, TL_TIME_NONE, "One sentence here.", -1);
  tl_document_add_segment (doc, TL_TIME_NONE, TL_TIME_NONE, "And a second, longer sentence follows it.", -1);
  tl_document_add_chapter (doc, 303000000, "Implications");
  media->path = g_strdup ("/x/clip.mp4");
  media->duration = 10000000;
  media->has_video = media->has_audio = TRUE;
  media->fps_num = 30000;
  media->fps_den = 1001;
  media->width = 1280;
  media->height = 720;
  tl_document_apply_media (doc, media);
  g_assert_cmpint (doc->kind, ==, TL_SOURCE_KIND_VIDEO);
  g_assert_cmpint (doc->timing, ==, TL_TIMING_ESTIMATED);

  id = tl_library_add_document (f->library, doc, &options, &error);
  g_assert_no_error (error);
  source = tl_library_get_source (f->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tl_source_get_outlet (source), ==, "BBC News");
  g_assert_cmpstr (tl_source_get_published (source), ==, "2024-06-19");
  g_assert_cmpstr (tl_source_get_external_id (source), ==, "abc123");
  g_assert_cmpstr (tl_source_get_folder (source), ==, "News/Summit");
  g_assert_cmpint (tl_source_get_duration (source), ==, 10000000);
  g_assert_cmpint (tl_source_get_timing (source), ==, TL_TIMING_ESTIMATED);
  keywords = tl_source_get_keywords (source);
  g_assert_cmpuint (g_strv_length ((char **) keywords), ==, 2);
  g_assert_cmpstr (keywords[1], ==, "North Korea");
  g_assert_nonnull (tl_source_get_media (source));
  g_assert_cmpint (tl_source_get_media (source)->fps_num, ==, 30000);
  g_assert_cmpint (tl_source_get_media (source)->fps_den, ==, 1001);
  g_assert_cmpint (tl_source_get_media (source)->width, ==, 1280);
  chapters = tl_library_get_chapters (f->library, id, &error);
  g_assert_cmpuint (chapters->len, ==, 1);
  g_assert_cmpint (((TlChapter *) g_ptr_array_index (chapters, 0))->start, ==, 303000000);
  /* the folder was made once and is found again */
  g_assert_cmpint (tl_library_ensure_folder (f->library, "News/Summit", NULL), ==, tl_source_get_folder_id (source));
  g_assert_cmpint (tl_test_count_rows (f->library, "folder"), ==, 2);
}

/* A failure half-way through an import leaves the library as it was. */
static void
test_import_rolls_back (TlTestLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = NULL;
  TlImportOptions options = { "/x/broken.srt", "Fresh folder", NULL };

  g_assert_cmpint (tl_test_import_text (f->library, tl_test_srt_text, "/x/first.srt", NULL), >, 0);
  /* the disk "fills up" at the third line of the next import */
  g_assert_cmpint (sqlite3_exec (tl_test_library_db (f->library),
                                 "CREATE TRIGGER fail_third AFTER INSERT ON segment WHEN new.idx = 2"
                                 " AND (SELECT origin_path FROM transcript WHERE id = new.transcript_id) = '/x/broken.srt'"
                                 " BEGIN SELECT RAISE(ABORT, 'disk full'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  doc = tl_import_bytes ("broken.srt", tl_test_srt_text, strlen (tl_test_srt_text), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tl_library_add_document (f->library, doc, &options, &error), ==, 0);
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "disk full"));

  g_assert_cmpint (tl_test_count_rows (f->library, "source"), ==, 1);
  g_assert_cmpint (tl_test_count_rows (f->library, "transcript"), ==, 1);
  g_assert_cmpint (tl_test_count_rows (f->library, "segment"), ==, 4);
  g_assert_cmpint (tl_test_count_rows (f->library, "segment_fts"), ==, 4);
  g_assert_cmpint (tl_test_count_rows (f->library, "folder"), ==, 0);
  /* and the library still takes the next import */
  g_assert_cmpint (tl_test_import_text (f->library, tl_test_srt_text, "/x/third.srt", NULL), >, 0);
}

static void
test_topics (TlTestLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlTopic) weapons = tl_library_add_topic (f->library, " Weapons ", 1, NULL, &error);
  g_autoptr(TlTopic) diplomacy = NULL;
  g_autoptr(TlTopic) found = NULL;
  g_autoptr(GPtrArray) topics = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (tl_topic_get_name (weapons), ==, "Weapons");
  g_assert_cmpuint (tl_topic_get_key (weapons), ==, 1);
  g_assert_cmpstr (tl_topic_get_color (weapons), ==, "#3584e4");

  g_assert_null (tl_library_add_topic (f->library, "weapons", 0, NULL, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_null (tl_library_add_topic (f->library, "Diplomacy", 1, NULL, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "Key 1"));
  g_clear_error (&error);
  g_assert_null (tl_library_add_topic (f->library, "Diplomacy", 0, "red", &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (tl_library_add_topic (f->library, "   ", 0, NULL, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
  g_clear_error (&error);

  diplomacy = tl_library_add_topic (f->library, "Diplomacy", 2, "#C01C28", &error);
  g_assert_no_error (error);
  found = tl_library_find_topic (f->library, "DIPLOMACY", &error);
  g_assert_cmpint (tl_topic_get_id (found), ==, tl_topic_get_id (diplomacy));
  topics = tl_library_list_topics (f->library, &error);
  g_assert_cmpuint (topics->len, ==, 2);
  g_assert_cmpstr (tl_topic_get_name (g_ptr_array_index (topics, 0)), ==, "Weapons");
  g_assert_cmpint (tl_test_count_rows (f->library, "topic"), ==, 2);
}

static void
test_clips (TlTestLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clips = NULL;
  g_autoptr(TlClip) clip = NULL;
  g_autofree char *text = NULL;
  const char *topics_a[] = { "weapons", "Diplomacy", NULL };
  const char *topics_b[] = { "Diplomacy", NULL };
  const char *topics_bad[] = { "Economy", NULL };
  gint64 id = tl_test_import_text (f->library, tl_test_srt_text, "/x/a.srt", NULL);
  TlClipSpec spec = { id, 4000000, 12500000, -1, -1, "Arms talk", "Note with \"quotes\", commas\nand lines", 4, topics_a };
  TlClipFilter filter = { 0 };
  gint64 first, second;

  g_object_unref (tl_library_add_topic (f->library, "Weapons", 1, NULL, NULL));
  g_object_unref (tl_library_add_topic (f->library, "Diplomacy", 2, NULL, NULL));

  first = tl_library_add_clip (f->library, &spec, &error);
  g_assert_no_error (error);
  clip = tl_library_get_clip (f->library, first, &error);
  g_assert_cmpint (tl_clip_get_in (clip), ==, 4000000);
  g_assert_cmpint (tl_clip_get_out (clip), ==, 12500000);
  g_assert_cmpuint (tl_clip_get_rating (clip), ==, 4);
  g_assert_cmpstr (tl_clip_get_note (clip), ==, spec.note);
  g_assert_cmpuint (g_strv_length ((char **) tl_clip_get_topics (clip)), ==, 2);
  g_assert_cmpstr (tl_clip_get_topics (clip)[0], ==, "Weapons");
  {
    g_autoptr(TlSource) source = tl_library_get_source (f->library, id, &error);
    g_assert_nonnull (tl_clip_get_source_title (clip));
    g_assert_cmpstr (tl_clip_get_source_title (clip), ==, tl_source_get_title (source));
  }
  text = tl_library_get_clip_text (f->library, clip, &error);
  g_assert_cmpstr (text, ==, "Ammunition supplies were discussed. North Korea denied the weapons trade.");

  spec.in = 1000000, spec.out = 3000000, spec.rating = 1, spec.topics = topics_b;
  second = tl_library_add_clip (f->library, &spec, &error);
  g_assert_no_error (error);

  /* bad clips change nothing */
  spec.in = 5000000, spec.out = 5000000;
  g_assert_cmpint (tl_library_add_clip (f->library, &spec, &error), ==, 0);
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
  g_clear_error (&error);
  spec.in = 1000000, spec.out = 2000000, spec.rating = 6;
  g_assert_cmpint (tl_library_add_clip (f->library, &spec, &error), ==, 0);
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
  g_clear_error (&error);
  spec.rating = 0, spec.topics = topics_bad;
  g_assert_cmpint (tl_library_add_clip (f->library, &spec, &error), ==, 0);
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  spec.source_id = 999, spec.topics = topics_b;
  g_assert_cmpint (tl_library_add_clip (f->library, &spec, &error), ==, 0);
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (tl_test_count_rows (f->library, "clip"), ==, 2);
  g_assert_cmpint (tl_test_count_rows (f->library, "clip_topic"), ==, 3);

  /* filters and orders */
  clips = tl_library_list_clips (f->library, NULL, &error);
  g_assert_cmpuint (clips->len, ==, 2);
  g_assert_cmpint (tl_clip_get_id (g_ptr_array_index (clips, 0)), ==, second); /* by time */
  g_clear_pointer (&clips, g_ptr_array_unref);
  filter.topics = (const char *const[]) { "WEAPONS", NULL };
  clips = tl_library_list_clips (f->library, &filter, &error);
  g_assert_cmpuint (clips->len, ==, 1);
  g_clear_pointer (&clips, g_ptr_array_unref);
  filter.topics = NULL;
  filter.min_rating = 2;
  clips = tl_library_list_clips (f->library, &filter, &error);
  g_assert_cmpuint (clips->len, ==, 1);
  g_assert_cmpint (tl_clip_get_id (g_ptr_array_index (clips, 0)), ==, first);
  g_clear_pointer (&clips, g_ptr_array_unref);
  filter.min_rating = 0;
  filter.query = "ammunition";
  clips = tl_library_list_clips (f->library, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clips->len, ==, 1);
  g_assert_cmpint (tl_clip_get_id (g_ptr_array_index (clips, 0)), ==, first);
  g_clear_pointer (&clips, g_ptr_array_unref);
  filter.query = NULL;
  filter.order = TL_CLIP_ORDER_RATING;
  clips = tl_library_list_clips (f->library, &filter, &error);
  g_assert_cmpint (tl_clip_get_id (g_ptr_array_index (clips, 0)), ==, first);
  g_clear_pointer (&clips, g_ptr_array_unref);
  filter.order = TL_CLIP_ORDER_SOURCE;
  filter.folder = "Nowhere";
  g_assert_null (tl_library_list_clips (f->library, &filter, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND);
}

/* Two connections (the window and tagline-cli) share one file. */
static void
test_two_connections (TlTestLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) other = tl_library_open (f->path, &error);
  g_autoptr(GPtrArray) sources = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (tl_test_import_text (other, tl_test_srt_text, "/x/from-cli.srt", &error), >, 0);
  sources = tl_library_list_sources (f->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 1);
  g_assert_cmpstr (tl_source_get_title (g_ptr_array_index (sources, 0)), ==, "from-cli");
}

/* A library written by the first release (schema 1) opens, gains the
 * anchor column and keeps everything it held. */
static void
test_migrate_v1 (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GPtrArray) clips = NULL;
  g_autoptr(GError) error = NULL;

  tl_test_restore_dump ("library-v1.sql", path);
  g_assert_cmpint (pragma_int (path, "PRAGMA user_version"), ==, 1);

  library = tl_library_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tl_library_get_schema_version (library), ==, TL_LIBRARY_SCHEMA_VERSION);
  g_assert_cmpint (pragma_int (path, "PRAGMA user_version"), ==, TL_LIBRARY_SCHEMA_VERSION);
  segments = tl_library_get_segments (library, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (segments->len, ==, 3);
  g_assert_cmpstr (tl_segment_get_text (g_ptr_array_index (segments, 1)), ==, "Ammunition supplies were discussed.");
  g_assert_cmpint (tl_segment_get_start (g_ptr_array_index (segments, 1)), ==, 4500000);
  for (guint i = 0; i < segments->len; i++)
    g_assert_false (tl_segment_get_anchor (g_ptr_array_index (segments, i)));
  clips = tl_library_list_clips (library, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clips->len, ==, 1);
  /* the full-text index came along */
  g_assert_cmpint (tl_test_count_rows (library, "segment_fts WHERE segment_fts MATCH 'ammunition'"), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, TlTestLibrary, NULL, tl_test_library_set_up, func, tl_test_library_tear_down)
  ADD ("/core/library/fresh-schema", test_fresh_schema);
  ADD ("/core/library/wal-and-foreign-keys", test_wal_and_foreign_keys);
  g_test_add_func ("/core/library/newer-schema-refused", test_newer_schema_refused);
  g_test_add_func ("/core/library/foreign-files-refused", test_foreign_files_refused);
  g_test_add_func ("/core/library/migrate-v1", test_migrate_v1);
  ADD ("/core/library/import", test_import_document);
  ADD ("/core/library/import-metadata-and-media", test_import_metadata_and_media);
  ADD ("/core/library/import-rolls-back", test_import_rolls_back);
  ADD ("/core/library/topics", test_topics);
  ADD ("/core/library/clips", test_clips);
  ADD ("/core/library/two-connections", test_two_connections);
#undef ADD
  return g_test_run ();
}