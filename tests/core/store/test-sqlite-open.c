/* test-sqlite-open.c: opening a library file in SQLite: read-only when asked or when the
 * file, its folder or its disk cannot be written (and then nothing is
 * written, in the file or beside it), files left exactly as they were when
 * refused, what each failure says, the integrity check, and undo triggers
 * made only by a connection that edits. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tl-import.h"
#include <sqlite3.h>
#include "tl-library-private.h"
#include "tl-search.h"
#include "tl-test-util.h"

static const char *const srt_text =
  "1\n00:00:01,000 --> 00:00:04,000\nThe summit opened with a parade.\n\n"
  "2\n00:00:04,500 --> 00:00:08,250\nAmmunition supplies were discussed.\n\n"
  "3\n00:00:09,000 --> 00:00:15,000\nNorth Korea denied the weapons trade.\n";

/* A library with a source, a topic and a clip, closed: no -wal beside it. */
static void
make_library (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = tl_library_open (path, &error);
  g_autoptr(TlDocument) doc = NULL;
  g_autoptr(TlTopic) topic = NULL;
  const char *topics[] = { "Weapons", NULL };
  TlClipSpec spec = { 0, 4500000, 12000000, -1, -1, NULL, "a note", 3, topics };
  TlImportOptions options = { "/x/summit.srt", "News", NULL };

  g_assert_no_error (error);
  doc = tl_import_bytes ("/x/summit.srt", srt_text, strlen (srt_text), NULL, NULL, &error);
  g_assert_no_error (error);
  spec.source_id = tl_library_add_document (library, doc, &options, &error);
  g_assert_no_error (error);
  topic = tl_library_add_topic (library, "Weapons", 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tl_library_add_clip (library, &spec, &error), ==, 1);
  g_assert_no_error (error);
}

static gint64
n_temp_triggers (TlLibrary *library)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (tl_test_library_db (library),
                                       "SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger'", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* Everything reads as in the library make_library() made. */
static void
assert_reads (TlLibrary *library)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = tl_library_list_sources (library, &error);
  g_autoptr(GPtrArray) topics = NULL, clips = NULL;
  g_autoptr(TlSearchResults) results = NULL;
  g_autofree char *text = NULL;
  TlClipFilter filter = { 0 };

  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 1);
  g_assert_cmpstr (tl_source_get_folder (g_ptr_array_index (sources, 0)), ==, "News");
  topics = tl_library_list_topics (library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (topics->len, ==, 1);
  clips = tl_library_list_clips (library, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clips->len, ==, 1);
  text = tl_library_get_clip_text (library, g_ptr_array_index (clips, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Ammunition supplies were discussed. North Korea denied the weapons trade.");
  results = tl_search (library, "ammunition", 10, 0, "[", "]", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->total, ==, 1);
}

#define assert_read_only_error(call, library)                                      \
  G_STMT_START {                                                                   \
    g_autoptr(GError) local_error = NULL;                                          \
    g_assert_false (call);                                                         \
    g_assert_error (local_error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_READ_ONLY);    \
    g_assert_cmpstr (local_error->message, ==, tl_library_get_read_only_reason (library)); \
  } G_STMT_END

/* Every kind of edit is refused with the reason; nothing is undone. */
static void
assert_edits_refused (TlLibrary *library)
{
  g_autoptr(TlDocument) doc = tl_import_bytes ("/x/more.srt", srt_text, strlen (srt_text), NULL, NULL, NULL);
  TlImportOptions options = { "/x/more.srt", NULL, NULL };
  const char *topics[] = { "Weapons", NULL };
  TlClipSpec spec = { 1, 1000000, 4000000, -1, -1, NULL, NULL, 0, topics };
  TlSegmentTiming times[3] = { { 0, 1000000, -1, NULL, TRUE }, { 1000000, 2000000, -1, NULL, TRUE },
                               { 2000000, 3000000, -1, NULL, TRUE } };
  gboolean read_only;

  g_assert_true (tl_library_is_read_only (library));
  g_object_get (library, "read-only", &read_only, NULL);
  g_assert_true (read_only);
  g_assert_nonnull (strstr (tl_library_get_read_only_reason (library), tl_library_get_path (library)));

  assert_read_only_error (tl_library_add_document (library, doc, &options, &local_error) != 0, library);
  assert_read_only_error (tl_library_ensure_folder (library, "Elsewhere", &local_error) != 0, library);
  assert_read_only_error (tl_library_add_topic (library, "Diplomacy", 2, NULL, &local_error) != NULL, library);
  assert_read_only_error (tl_library_add_clip (library, &spec, &local_error) != 0, library);
  assert_read_only_error (tl_library_set_clip_range (library, 1, 5000000, 9000000, &local_error), library);
  assert_read_only_error (tl_library_set_clip_title (library, 1, "Parade", &local_error), library);
  assert_read_only_error (tl_library_set_clip_note (library, 1, "later", &local_error), library);
  assert_read_only_error (tl_library_set_clip_rating (library, 1, 5, &local_error), library);
  assert_read_only_error (tl_library_set_clip_topic (library, 1, 1, FALSE, &local_error), library);
  assert_read_only_error (tl_library_move_clip (library, 1, 0, &local_error), library);
  assert_read_only_error (tl_library_delete_clip (library, 1, &local_error), library);
  assert_read_only_error (tl_library_rename_topic (library, 1, "Arms", &local_error), library);
  assert_read_only_error (tl_library_set_topic_color (library, 1, "#c01c28", &local_error), library);
  assert_read_only_error (tl_library_set_topic_key (library, 1, 3, &local_error), library);
  assert_read_only_error (tl_library_delete_topic (library, 1, &local_error), library);
  assert_read_only_error (tl_library_add_folder (library, 0, "Other", &local_error) != 0, library);
  assert_read_only_error (tl_library_rename_folder (library, 1, "Old news", &local_error), library);
  assert_read_only_error (tl_library_delete_folder (library, 1, &local_error), library);
  assert_read_only_error (tl_library_move_source (library, 1, 0, &local_error), library);
  assert_read_only_error (tl_library_rename_source (library, 1, "Summit", &local_error), library);
  assert_read_only_error (tl_library_delete_source (library, 1, &local_error), library);
  assert_read_only_error (tl_library_set_media (library, 1, NULL, &local_error), library);
  assert_read_only_error (tl_library_set_segment_times (library, 1, TL_TIMING_TAPPED, times, 3, &local_error),
                          library);
  assert_read_only_error (tl_library_undo (library, NULL, &local_error), library);
  assert_read_only_error (tl_library_redo (library, NULL, &local_error), library);
  /* the clip the library was made with is still there, and cannot be undone */
  g_assert_null (tl_library_get_undo_label (library));
  g_assert_cmpint (n_temp_triggers (library), ==, 0);
  assert_reads (library);
}

/* Asked to only read: everything reads, every edit is refused, and the
 * file, its -wal and its -shm are as they were (none appear). */
static void
test_read_only_asked (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = NULL;

  make_library (path);
  before = tl_test_library_state (path);
  g_assert_nonnull (strstr (before, "wal: missing; shm: missing"));

  library = tl_library_open_full (path, TL_LIBRARY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tl_library_get_schema_version (library), ==, TL_LIBRARY_SCHEMA_VERSION);
  assert_edits_refused (library);
  g_assert_false (tl_library_check_outside_changes (library));
  g_clear_object (&library);

  after = tl_test_library_state (path);
  g_assert_cmpstr (before, ==, after);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Reading a library that does not exist makes nothing: not the file, not
 * its folder. */
static void
test_read_only_missing (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *folder = g_build_filename (dir, "nested", NULL);
  g_autofree char *path = g_build_filename (folder, "library.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (tl_library_open_full (path, TL_LIBRARY_OPEN_READ_ONLY, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A library opened for writing that cannot be written opens read-only,
 * says why, and is left as it was. */
static void
assert_opens_read_only (const char *path, const char *why)
{
  g_autofree char *before = tl_test_library_state (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = tl_library_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (library);
  g_assert_nonnull (strstr (tl_library_get_read_only_reason (library), why));
  assert_edits_refused (library);
  g_clear_object (&library);
  after = tl_test_library_state (path);
  g_assert_cmpstr (before, ==, after);
}

/* chmod 0444: the file cannot be written. */
static void
test_read_only_file (void)
{
  g_autofree char *dir = NULL, *path = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("running as root, whom file permissions do not stop; "
                   "/core/library/open/read-only/disk tests a library that cannot be written as root too");
      return;
    }
  dir = tl_test_tmpdir_new ();
  path = g_build_filename (dir, "library.db", NULL);
  make_library (path);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  assert_opens_read_only (path, "you may not change this file");
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

/* chmod 0555 on the folder: the file could be written, but not the -wal
 * and -shm SQLite keeps beside it. */
static void
test_read_only_folder (void)
{
  g_autofree char *dir = NULL, *folder = NULL, *path = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("running as root, whom folder permissions do not stop; "
                   "/core/library/open/read-only/disk tests a library that cannot be written as root too");
      return;
    }
  dir = tl_test_tmpdir_new ();
  folder = g_build_filename (dir, "shared", NULL);
  path = g_build_filename (folder, "library.db", NULL);
  make_library (path);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  assert_opens_read_only (path, "its folder");
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

static gboolean
write_proc (const char *name, const char *text)
{
  return g_file_set_contents_full (name, text, -1, G_FILE_SET_CONTENTS_NONE, 0644, NULL);
}

/* Moves this (test sub)process into a mount namespace of its own, where
 * mounts do not reach the rest of the system: as root, or as a user
 * mapped to root in a new user namespace. NULL, or why it cannot. */
static char *
enter_mount_namespace (void)
{
  uid_t uid = geteuid ();
  gid_t gid = getegid ();

  if (unshare (CLONE_NEWNS) != 0)
    {
      g_autofree char *uid_map = g_strdup_printf ("0 %u 1", (guint) uid);
      g_autofree char *gid_map = g_strdup_printf ("0 %u 1", (guint) gid);

      if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0)
        return g_strdup_printf ("cannot make a mount namespace here: %s", g_strerror (errno));
      if (!write_proc ("/proc/self/setgroups", "deny") || !write_proc ("/proc/self/uid_map", uid_map)
          || !write_proc ("/proc/self/gid_map", gid_map))
        return g_strdup ("cannot map this user into a user namespace");
    }
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    return g_strdup_printf ("cannot make mounts private: %s", g_strerror (errno));
  return NULL;
}

/* Runs the test in a subprocess that may mount things; the subprocess
 * leaves a file named "skip" in $TL_TEST_DIR when it cannot. */
static void
run_in_subprocess (const char *dir)
{
  g_autofree char *skip = g_build_filename (dir, "skip", NULL);
  g_autofree char *reason = NULL;

  g_setenv ("TL_TEST_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (g_file_get_contents (skip, &reason, NULL, NULL))
    {
      g_test_skip (reason);
      return;
    }
  g_test_trap_assert_passed ();
}

static void
skip_in_subprocess (const char *dir, const char *reason)
{
  g_autofree char *skip = g_build_filename (dir, "skip", NULL);

  g_assert_true (g_file_set_contents (skip, reason, -1, NULL));
}

/* A folder on a disk mounted read-only: nothing can be written there, by
 * root either. */
static void
test_read_only_disk (void)
{
  g_autofree char *dir = NULL, *folder = NULL, *path = NULL, *fresh = NULL, *reason = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_test_subprocess ())
    {
      dir = tl_test_tmpdir_new ();
      folder = g_build_filename (dir, "mounted", NULL);
      path = g_build_filename (folder, "library.db", NULL);
      make_library (path);
      run_in_subprocess (dir);
      tl_test_tmpdir_free (g_steal_pointer (&dir));
      return;
    }

  dir = g_strdup (g_getenv ("TL_TEST_DIR"));
  folder = g_build_filename (dir, "mounted", NULL);
  path = g_build_filename (folder, "library.db", NULL);
  fresh = g_build_filename (folder, "new.db", NULL);
  if ((reason = enter_mount_namespace ()) != NULL
      || (mount (folder, folder, NULL, MS_BIND, NULL) != 0 && (reason = g_strdup (g_strerror (errno))))
      || (mount (NULL, folder, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL) != 0
          && (reason = g_strdup (g_strerror (errno)))))
    {
      g_autofree char *why = g_strdup_printf ("cannot mount a folder read-only here (%s)", reason);
      skip_in_subprocess (dir, why);
      return;
    }
  g_assert_cmpint (access (folder, W_OK), !=, 0);
  assert_opens_read_only (path, "on a disk that cannot be written");

  /* a new library cannot be made there, and says where */
  g_assert_null (tl_library_open (fresh, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "Cannot create"));
  g_assert_nonnull (strstr (error->message, folder));
}

/* A full disk: a new library cannot be made, says so, and leaves no
 * half-made file; one that is there still reads, and opens read-only when
 * it is to be edited. */
static void
test_disk_full (void)
{
  g_autofree char *dir = NULL, *folder = NULL, *made = NULL, *path = NULL, *fresh = NULL, *reason = NULL;
  g_autofree char *filler = NULL, *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = NULL;
  gsize length;

  if (!g_test_subprocess ())
    {
      dir = tl_test_tmpdir_new ();
      folder = g_build_filename (dir, "small", NULL);
      made = g_build_filename (dir, "made.db", NULL);
      g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
      make_library (made);
      run_in_subprocess (dir);
      tl_test_tmpdir_free (g_steal_pointer (&dir));
      return;
    }

  dir = g_strdup (g_getenv ("TL_TEST_DIR"));
  folder = g_build_filename (dir, "small", NULL);
  made = g_build_filename (dir, "made.db", NULL);
  path = g_build_filename (folder, "library.db", NULL);
  fresh = g_build_filename (folder, "new.db", NULL);
  filler = g_build_filename (folder, "filler", NULL);
  if ((reason = enter_mount_namespace ()) != NULL
      || (mount ("tmpfs", folder, "tmpfs", 0, "size=512k") != 0 && (reason = g_strdup (g_strerror (errno)))))
    {
      g_autofree char *why = g_strdup_printf ("cannot mount a small disk here (%s)", reason);
      skip_in_subprocess (dir, why);
      return;
    }
  /* the library, then as much as the disk takes */
  g_assert_true (g_file_get_contents (made, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  {
    FILE *out = fopen (filler, "w");
    static const char block[4096];
    while (fwrite (block, 1, sizeof block, out) == sizeof block && fflush (out) == 0)
      ;
    fclose (out);
  }

  g_assert_null (tl_library_open (fresh, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, fresh));
  g_assert_nonnull (strstr (error->message, "the disk is full"));
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  library = tl_library_open_full (path, TL_LIBRARY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  assert_reads (library);
  g_clear_object (&library);

  /* opened to be edited, it cannot be: read-only, saying why */
  library = tl_library_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (tl_library_get_read_only_reason (library), "the disk holding it is full"));
  assert_edits_refused (library);
}

/* A newer Tagline's library, with changes still in its -wal: refused, and
 * neither the file nor the -wal changes (closing a connection that wrote
 * would merge the -wal into the file). */
static void
test_newer_with_wal (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *db_before = NULL, *wal_before = NULL, *db_after = NULL, *wal_after = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  int off = 1;

  make_library (path);
  /* a later Tagline wrote version 99, and its -wal was not merged yet */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, &off), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99; CREATE TABLE future_thing (x);"
                                     "INSERT INTO topic (name) VALUES ('Later')", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  db_before = tl_test_file_state (path);
  wal_before = tl_test_file_state (wal);
  g_assert_cmpstr (wal_before, !=, "missing");

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(TlLibrary) library = tl_library_open_full (path, i ? TL_LIBRARY_OPEN_READ_ONLY
                                                                    : TL_LIBRARY_OPEN_DEFAULT, &error);
      g_assert_null (library);
      g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NEWER);
      g_assert_nonnull (strstr (error->message, "newer version of Tagline"));
      g_assert_nonnull (strstr (error->message, "library format 99"));
      g_clear_error (&error);
    }
  db_after = tl_test_file_state (path);
  wal_after = tl_test_file_state (wal);
  g_assert_cmpstr (db_before, ==, db_after);
  g_assert_cmpstr (wal_before, ==, wal_after);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A library cut short is damaged, says how and what to do, and is left as
 * it is; the check lists what is wrong with it, and nothing with a sound
 * one. */
static void
test_truncated (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *cut = g_build_filename (dir, "cut.db", NULL);
  g_autofree char *contents = NULL, *before = NULL, *after = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  make_library (path);
  g_assert_true (tl_library_check_file (path, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 4096);
  g_assert_true (g_file_set_contents (cut, contents, length / 2, NULL));
  before = tl_test_library_state (cut);

  for (guint i = 0; i < 2; i++)
    {
      g_assert_null (tl_library_open_full (cut, i ? TL_LIBRARY_OPEN_READ_ONLY : TL_LIBRARY_OPEN_DEFAULT, &error));
      g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_DAMAGED);
      g_assert_true (g_str_has_prefix (error->message, cut));
      g_assert_nonnull (strstr (error->message, " is damaged: "));
      g_assert_nonnull (strstr (error->message, "it was cut short"));
      g_assert_nonnull (strstr (error->message, "tagline-cli check"));
      g_assert_null (strstr (error->message, "not a Tagline library"));
      g_clear_error (&error);
    }

  g_assert_true (tl_library_check_file (cut, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, >, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "cut short"));
  /* and then what integrity_check found, line by line */
  for (guint i = 1; i < problems->len; i++)
    g_assert_null (strchr (g_ptr_array_index (problems, i), '\n'));
  after = tl_test_library_state (cut);
  g_assert_cmpstr (before, ==, after);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Each failure says what it is. */
static void
test_messages (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_true (g_file_set_contents (text, "Shopping list: bread, milk, and plenty of eggs for the week.\n", -1, NULL));
  g_assert_null (tl_library_open_full (text, TL_LIBRARY_OPEN_READ_ONLY, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_LIBRARY);
  g_assert_nonnull (strstr (error->message, "not an SQLite database"));
  g_clear_error (&error);
  g_assert_false (tl_library_check_file (text, &problems, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_LIBRARY);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE invoices (id, total)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_null (tl_library_open_full (other, TL_LIBRARY_OPEN_READ_ONLY, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_LIBRARY);
  g_assert_nonnull (strstr (error->message, "another program"));
  g_clear_error (&error);

  /* an empty file becomes a library when written, not when read */
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_null (tl_library_open_full (empty, TL_LIBRARY_OPEN_READ_ONLY, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_LIBRARY);
  g_assert_nonnull (strstr (error->message, "is empty"));
  g_clear_error (&error);

  g_assert_null (tl_library_open (dir, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "is a folder"));
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A reader beside a writer sees what it commits and writes nothing; one
 * that read a library no one had open notices when someone opens it. */
static void
test_reader_beside_writer (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) reader = NULL, writer = NULL, second = NULL;
  g_autoptr(TlTopic) topic = NULL;
  g_autoptr(GPtrArray) topics = NULL;

  make_library (path);
  reader = tl_library_open_full (path, TL_LIBRARY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  writer = tl_library_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (tl_library_is_read_only (writer));
  topic = tl_library_add_topic (writer, "Diplomacy", 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tl_library_check_outside_changes (reader));
  topics = tl_library_list_topics (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (topics->len, ==, 2);

  /* a second reader while the writer holds the library: through its -wal */
  before = tl_test_library_state (path);
  second = tl_library_open_full (path, TL_LIBRARY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_pointer (&topics, g_ptr_array_unref);
  topics = tl_library_list_topics (second, &error);
  g_assert_cmpuint (topics->len, ==, 2);
  g_clear_object (&topic);
  topic = tl_library_add_topic (second, "China", 3, NULL, &error);
  g_assert_null (topic);
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_READ_ONLY);
  g_clear_object (&second);
  after = tl_test_library_state (path);
  g_assert_cmpstr (before, ==, after);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Only a connection that edits makes the undo triggers, at its first edit. */
static void
test_undo_triggers_on_first_edit (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(TlTopic) topic = NULL;
  g_autofree char *label = NULL;

  make_library (path);
  library = tl_library_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (tl_library_is_read_only (library));
  g_assert_null (tl_library_get_read_only_reason (library));
  g_assert_cmpint (n_temp_triggers (library), ==, 0);
  /* undo made by an earlier connection is there all the same */
  label = tl_library_get_undo_label (library);
  g_assert_cmpstr (label, ==, "New Clip");
  g_clear_pointer (&label, g_free);

  topic = tl_library_add_topic (library, "Diplomacy", 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_temp_triggers (library), >, 0);
  g_assert_true (tl_library_undo (library, &label, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, "New Topic");
  g_assert_cmpint (tl_test_count_rows (library, "topic"), ==, 1);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/library/open/read-only/asked", test_read_only_asked);
  g_test_add_func ("/core/library/open/read-only/missing", test_read_only_missing);
  g_test_add_func ("/core/library/open/read-only/file", test_read_only_file);
  g_test_add_func ("/core/library/open/read-only/folder", test_read_only_folder);
  g_test_add_func ("/core/library/open/read-only/disk", test_read_only_disk);
  g_test_add_func ("/core/library/open/disk-full", test_disk_full);
  g_test_add_func ("/core/library/open/newer-with-wal", test_newer_with_wal);
  g_test_add_func ("/core/library/open/truncated", test_truncated);
  g_test_add_func ("/core/library/open/messages", test_messages);
  g_test_add_func ("/core/library/open/reader-beside-writer", test_reader_beside_writer);
  g_test_add_func ("/core/library/open/undo-triggers-on-first-edit", test_undo_triggers_on_first_edit);
  return g_test_run ();
}
