/* tl-library-open.c: opening a library file. What the file is gets checked
 * through a connection that cannot write, before anything is written; a
 * library that cannot be written opens read-only, and one that must not be
 * touched (another program's, a newer Tagline's, a damaged one) is left
 * byte for byte as it was, its -wal included. */
#include "tl-library-private.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef sqlite3_stmt *TlOwnedStmt;
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (TlOwnedStmt, sqlite3_finalize, NULL)

static char *
sibling (const char *path, const char *suffix)
{
  return g_strconcat (path, suffix, NULL);
}

static gboolean
sibling_exists (const char *path, const char *suffix)
{
  g_autofree char *name = sibling (path, suffix);

  return g_file_test (name, G_FILE_TEST_EXISTS);
}

/* Whether a -wal beside @path may hold changes not yet in the file: one
 * that is missing or empty holds none. */
static gboolean
wal_has_frames (const char *path)
{
  g_autofree char *name = sibling (path, "-wal");
  GStatBuf st;

  return g_stat (name, &st) == 0 && st.st_size > 0;
}

/* Reads one integer; returns SQLite's result code. */
static int
read_int (sqlite3 *db, const char *sql, int *value)
{
  g_auto(TlOwnedStmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    return rc;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return rc == SQLITE_DONE ? SQLITE_ERROR : sqlite3_extended_errcode (db);
  *value = sqlite3_column_int (stmt, 0);
  return SQLITE_OK;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* "it holds 96.0 kB of the 225.3 kB its header counts: it was cut short"
 * (or as a sentence of its own), when the file's header says so (SQLite's
 * file format: the page size at 16, the page count at 28, valid when the
 * change counter at 24 equals the number at 92), else NULL. */
static char *
describe_truncation (const char *path, gboolean sentence)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  g_autoptr(GFileInfo) info = NULL;
  guint8 header[100];
  gsize n = 0;
  guint32 page_size, n_pages;
  goffset size, expected;
  g_autofree char *have = NULL, *want = NULL;

  if (in == NULL || !g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &n, NULL, NULL)
      || n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    return NULL;
  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  if (info == NULL)
    return NULL;
  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = read_be32 (header + 28);
  if (page_size < 512 || n_pages == 0 || read_be32 (header + 24) != read_be32 (header + 92))
    return NULL;
  size = g_file_info_get_size (info);
  expected = (goffset) page_size * n_pages;
  if (size >= expected)
    return NULL;
  have = g_format_size (size);
  want = g_format_size (expected);
  if (sentence)
    return g_strdup_printf (_("The file holds %s of the %s its header counts: it was cut short"), have, want);
  return g_strdup_printf (_("it holds %s of the %s its header counts: it was cut short"), have, want);
}

/* For SQLITE_CORRUPT and the like on an SQLite file: say that it is
 * damaged, how, and what to do. */
void
tl_library_set_damaged_error (TlLibrary *self, GError **error)
{
  g_autofree char *how = describe_truncation (self->real_path, FALSE);

  g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_DAMAGED,
               _("%s is damaged: %s. “tagline-cli check --library %s” says what is wrong; restore the file from "
                 "a backup, or save what can be read with “sqlite3 %s .recover | sqlite3 recovered.db”."),
               self->path, how ? how : sqlite3_errmsg (self->db), self->path, self->path);
}

/* For a library whose schema is @version, newer than this build's. */
void
tl_library_set_newer_error (TlLibrary *self, int version, GError **error)
{
  g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NEWER,
               _("%s was written by a newer version of Tagline (library format %d; "
                 "this version reads up to %d). Update Tagline to open it."),
               self->path, version, TL_LIBRARY_SCHEMA_VERSION);
}

/* Sets @error for @rc, SQLite's failure to open or read the file. */
static gboolean
open_failed (TlLibrary *self, int rc, GError **error)
{
  int sys = self->db && ((rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_CANTOPEN)
            ? sqlite3_system_errno (self->db) : 0;
  const char *message = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_LIBRARY,
                   _("%s is not a Tagline library: it is not an SQLite database at all"), self->path);
      break;
    case SQLITE_CORRUPT:
      tl_library_set_damaged_error (self, error);
      break;
    case SQLITE_FULL:
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NO_SPACE,
                   _("Cannot open %s: the disk is full. Free some space and try again."), self->path);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_FAILED,
                   _("Cannot open %s: another program keeps it locked (%s)"), self->path, message);
      break;
    default:
      if (sys == ENOSPC)
        g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NO_SPACE,
                     _("Cannot open %s: the disk is full. Free some space and try again."), self->path);
      else if ((rc & 0xff) == SQLITE_CANTOPEN && sibling_exists (self->real_path, "-wal")
               && !sibling_exists (self->real_path, "-shm"))
        /* SQLite reads a -wal through its -shm index, which it cannot make here */
        g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_READ_ONLY,
                     _("Cannot read %s: changes to it wait in %s-wal, and they can only be read where its folder "
                       "can be written"), self->path, self->path);
      else if (sys != 0)
        g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_OPEN, _("Cannot open %s: %s"), self->path,
                     g_strerror (sys));
      else
        g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_FAILED, _("Cannot open %s: %s"), self->path,
                     message);
    }
  return FALSE;
}

/* A "file:" URI naming @path, with the characters URIs reserve escaped. */
static char *
file_uri (const char *path, const char *query)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", FALSE);

  return g_strdup_printf ("file://%s?%s", escaped, query);
}

static void
stamp_file (TlLibrary *self)
{
  GStatBuf st;

  if (g_stat (self->real_path, &st) == 0)
    {
      self->file_size = st.st_size;
      self->file_mtime = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
    }
}

/* Waits for the write lock up to 5 s, trying every millisecond: SQLite's
 * own busy timeout sleeps up to 100 ms between tries, long enough to miss
 * the moment a long import lets go of the lock between two of its parts,
 * again and again (tl_library_add_document). */
static int
wait_for_lock (G_GNUC_UNUSED void *data, int n_tries)
{
  if (n_tries >= 5000)
    return 0;
  g_usleep (1000);
  return 1;
}

static void
configure (sqlite3 *db)
{
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_handler (db, wait_for_lock, NULL);
  /* an import of a long transcript touches three B-trees and the FTS index
   * at once; with SQLite's default 2 MB cache it spills pages to the WAL
   * over and over */
  sqlite3_exec (db, "PRAGMA cache_size = -32768; PRAGMA foreign_keys = ON", NULL, NULL, NULL);
}

/* Opens the file for reading only, into @db, writing nothing, in the file
 * or beside it.
 *
 * SQLite reads a WAL library through its -wal and -shm files, and makes
 * them when they are missing, even to only read (https://sqlite.org/wal.html,
 * "Read-Only Databases"): that is a write beside the library, and fails in
 * a read-only folder or on a full disk. But with no -wal beside it no
 * program has the library open (the last one to close it merges the -wal
 * into the file and removes it), and an empty one holds nothing yet, so it
 * is read as "immutable": no locks, no -wal, no -shm. A connection read
 * that way sees no one's later changes: tl_library_check_outside_changes()
 * opens it again when the file moves on.
 *
 * A -wal with changes in it is read through the -shm, which a reader
 * otherwise writes to (its read marks): "readonly_shm" maps it for reading
 * only, and SQLite reads the -wal itself when it cannot rely on it. Only
 * when there is no -shm to read does SQLite make one. */
static int
open_reading (TlLibrary *self, sqlite3 **db, gboolean *immutable)
{
  g_autofree char *uri = NULL;
  int rc, version;

  *immutable = !wal_has_frames (self->real_path);
  uri = file_uri (self->real_path, *immutable ? "mode=ro&immutable=1" : "mode=ro&readonly_shm=1");
  rc = sqlite3_open_v2 (uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK && !*immutable && (read_int (*db, "PRAGMA user_version", &version) & 0xff) == SQLITE_CANTOPEN)
    {
      g_clear_pointer (db, sqlite3_close_v2);
      g_free (uri);
      uri = file_uri (self->real_path, "mode=ro");
      rc = sqlite3_open_v2 (uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
    }
  if (*db)
    configure (*db);
  return rc;
}

/* Reads what the file is, writing nothing: @version and whether it is one
 * of ours. Fails for a file that is not a database, a damaged one, another
 * program's database and a newer Tagline's library. */
static gboolean
check_file (TlLibrary *self, int *version_out, GError **error)
{
  int version = 0, app_id = 0, n_tables = 0, rc;

  if ((rc = read_int (self->db, "PRAGMA user_version", &version)) != SQLITE_OK
      || (rc = read_int (self->db, "PRAGMA application_id", &app_id)) != SQLITE_OK
      || (rc = read_int (self->db, "SELECT count(*) FROM sqlite_master", &n_tables)) != SQLITE_OK)
    return open_failed (self, rc, error);
  if (app_id != TL_APPLICATION_ID && n_tables > 0)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_LIBRARY,
                   _("%s is an SQLite database of another program, not a Tagline library"), self->path);
      return FALSE;
    }
  if (version > TL_LIBRARY_SCHEMA_VERSION)
    {
      tl_library_set_newer_error (self, version, error);
      return FALSE;
    }
  *version_out = n_tables > 0 ? version : 0;
  return TRUE;
}

/* Why the library cannot be written, as the reason edits are refused, or
 * NULL when it can. SQLite keeps a -wal and a -shm file beside a library
 * it writes, so its folder must be writable too. */
static char *
why_read_only (TlLibrary *self)
{
  g_autofree char *dir = g_path_get_dirname (self->real_path);

  if (g_access (self->real_path, W_OK) != 0)
    {
      if (errno == EROFS)
        return g_strdup_printf (_("%s is read-only: it is on a disk that cannot be written"), self->path);
      return g_strdup_printf (_("%s is read-only: you may not change this file"), self->path);
    }
  if (g_access (dir, W_OK) != 0)
    {
      if (errno == EROFS)
        return g_strdup_printf (_("%s is read-only: it is on a disk that cannot be written"), self->path);
      return g_strdup_printf (_("%s is read-only: its folder %s cannot be written, and Tagline keeps a journal "
                                "beside the library while it changes it"), self->path, dir);
    }
  return NULL;
}

/* What imports killed half-way left is hidden, so it can wait for a later
 * open when it cannot be removed now (a full disk, say). */
static void
remove_stopped_imports (TlLibrary *self)
{
  g_autoptr(GError) local_error = NULL;

  if (!tl_library_remove_stopped_imports (self, &local_error))
    g_debug ("%s: the leftovers of a stopped import stay for now: %s", self->path, local_error->message);
}

/* The journal and pragmas of a connection that writes; then the schema is
 * brought up to date when it is older. */
static gboolean
set_up_writing (TlLibrary *self, int version, GError **error)
{
  int now = 0, rc;

  /* another Tagline may have brought it further since it was checked */
  if ((rc = read_int (self->db, "PRAGMA user_version", &now)) != SQLITE_OK)
    return open_failed (self, rc, error);
  if (now > TL_LIBRARY_SCHEMA_VERSION)
    {
      tl_library_set_newer_error (self, now, error);
      return FALSE;
    }
  if (version > 0)
    version = MAX (version, now);
  if (!tl_library_exec (self, "PRAGMA journal_mode = WAL", error)
      || !tl_library_exec (self, "PRAGMA synchronous = NORMAL", error))
    return FALSE;
  if (version < TL_LIBRARY_SCHEMA_VERSION && !tl_library_migrate (self, error))
    return FALSE;
  if (version >= TL_LIBRARY_SCHEMA_VERSION)
    self->schema_version = version;
  remove_stopped_imports (self);
  return TRUE;
}

/* A library that is not there yet: made, with its folder. What could not
 * be made is removed again. */
static gboolean
create (TlLibrary *self, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  int rc;

  self->real_path = g_strdup (self->path);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_OPEN, _("Cannot create the folder %s: %s"), dir,
                   g_strerror (errno));
      return FALSE;
    }
  if (g_access (dir, W_OK) != 0)
    {
      if (errno == EROFS)
        g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_OPEN,
                     _("Cannot create %s: the disk holding %s cannot be written"), self->path, dir);
      else
        g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_OPEN,
                     _("Cannot create %s: the folder %s is read-only"), self->path, dir);
      return FALSE;
    }
  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    return open_failed (self, rc, error);
  configure (self->db);
  if (!set_up_writing (self, 0, error))
    {
      g_autofree char *wal = sibling (self->real_path, "-wal");
      g_autofree char *shm = sibling (self->real_path, "-shm");

      g_clear_pointer (&self->db, sqlite3_close_v2);
      g_unlink (wal);
      g_unlink (shm);
      g_unlink (self->real_path);
      return FALSE;
    }
  return TRUE;
}

/**
 * tl_library_open_full:
 * @path: the library file
 * @flags: %TL_LIBRARY_OPEN_READ_ONLY to only read
 *
 * Opens a library for use by one thread at a time (open another
 * #TlLibrary for another thread or process: they share the file).
 *
 * The file is first read without writing to learn what it is: a file that
 * is not an SQLite database, a damaged one, another program's database or
 * a newer Tagline's library is refused, each with its own error and
 * message, and left exactly as it was.
 *
 * By default a missing library is created (with its folder), an older one
 * is brought up to date, and one that cannot be written (a read-only file,
 * a read-only folder: SQLite keeps its journal beside the file; a full
 * disk) opens read-only: tl_library_is_read_only() says so and
 * tl_library_get_read_only_reason() why.
 *
 * With %TL_LIBRARY_OPEN_READ_ONLY nothing is created or written, in the
 * file or beside it; a missing file fails with %TL_LIBRARY_ERROR_MISSING.
 * In a read-only library, every edit fails with
 * %TL_LIBRARY_ERROR_READ_ONLY.
 *
 * Returns: (transfer full): the library, or %NULL with @error set
 */
TlLibrary *
tl_library_open_full (const char *path, TlLibraryOpenFlags flags, GError **error)
{
  g_autoptr(TlLibrary) self = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gboolean immutable;
  int version = 0, rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (TL_TYPE_LIBRARY, NULL);
  self->path = g_strdup (path);
  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno != ENOENT)
        g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_OPEN, _("Cannot open %s: %s"), path,
                     g_strerror (saved_errno));
      else if (flags & TL_LIBRARY_OPEN_READ_ONLY)
        g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_MISSING, _("%s does not exist"), path);
      else if (create (self, error))
        goto opened;
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_OPEN, _("%s is a folder, not a library file"), path);
      return NULL;
    }
  self->real_path = realpath (path, NULL);
  if (self->real_path == NULL)
    self->real_path = g_strdup (path);

  rc = open_reading (self, &self->db, &immutable);
  if (rc != SQLITE_OK)
    {
      open_failed (self, rc, error);
      return NULL;
    }
  if (!check_file (self, &version, error))
    return NULL;

  if (flags & TL_LIBRARY_OPEN_READ_ONLY)
    self->read_only_reason = g_strdup_printf (_("%s is open for reading only"), path);
  else
    self->read_only_reason = why_read_only (self);

  if (self->read_only_reason == NULL)
    {
      /* the reading connection wrote nothing and merges nothing as it
       * closes: now one that writes */
      g_clear_pointer (&self->db, sqlite3_close_v2);
      rc = sqlite3_open_v2 (self->real_path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
      if (rc != SQLITE_OK)
        {
          open_failed (self, rc, error);
          return NULL;
        }
      configure (self->db);
      if (set_up_writing (self, version, &local_error))
        goto opened;
      /* a full disk leaves no room for the -wal and -shm of a writer; a
       * library that needs no update can still be read */
      if (!g_error_matches (local_error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NO_SPACE)
          || version < TL_LIBRARY_SCHEMA_VERSION)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_clear_pointer (&self->db, sqlite3_close_v2);
      self->read_only_reason = g_strdup_printf (_("%s is read-only for now: the disk holding it is full. Free some "
                                                  "space and open it again."), path);
      rc = open_reading (self, &self->db, &immutable);
      if (rc != SQLITE_OK)
        {
          open_failed (self, rc, error);
          return NULL;
        }
    }

  self->read_only = TRUE;
  self->immutable = immutable;
  stamp_file (self);
  if (version == 0)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_LIBRARY,
                   _("%s is empty: it holds no Tagline library yet"), path);
      return NULL;
    }
  if (version < TL_LIBRARY_SCHEMA_VERSION)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_READ_ONLY,
                   _("%s is in an older library format (%d), which this version of Tagline updates when it opens "
                     "it, but %s"), path, version, self->read_only_reason);
      return NULL;
    }
  self->schema_version = version;

opened:
  {
    g_autoptr(TlStmt) stmt = tl_library_prepare (self, "PRAGMA data_version", NULL);
    if (stmt && sqlite3_step (stmt) == SQLITE_ROW)
      self->data_version = sqlite3_column_int64 (stmt, 0);
  }
  return g_steal_pointer (&self);
}

/**
 * tl_library_open:
 * @path: the library file; created (with its folder) when missing
 *
 * Opens a library to read and write it, or read-only when it cannot be
 * written: tl_library_open_full() with %TL_LIBRARY_OPEN_DEFAULT.
 *
 * Returns: (transfer full): the library, or %NULL with @error set
 */
TlLibrary *
tl_library_open (const char *path, GError **error)
{
  return tl_library_open_full (path, TL_LIBRARY_OPEN_DEFAULT, error);
}

/* For a library read as immutable: when another program has opened it
 * since (a -wal appeared) or changed it, reads it again through a new
 * connection. Returns TRUE when it did. */
gboolean
tl_library_reopen_if_moved_on (TlLibrary *self)
{
  GStatBuf st;
  sqlite3 *db = NULL, *old = self->db;
  gboolean immutable;
  int version = 0;

  g_return_val_if_fail (self->immutable, FALSE);
  if (!wal_has_frames (self->real_path))
    {
      if (g_stat (self->real_path, &st) != 0)
        return FALSE; /* gone: keep showing what was read */
      if (st.st_size == self->file_size
          && (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000 == self->file_mtime)
        return FALSE;
    }
  if (open_reading (self, &db, &immutable) != SQLITE_OK)
    {
      sqlite3_close_v2 (db);
      return FALSE;
    }
  /* the new connection must hold a library this version reads */
  self->db = db;
  if (!check_file (self, &version, NULL) || version != self->schema_version)
    {
      self->db = old;
      sqlite3_close_v2 (db);
      return FALSE;
    }
  g_hash_table_remove_all (self->statements);
  sqlite3_close_v2 (old);
  self->immutable = immutable;
  stamp_file (self);
  return TRUE;
}

/**
 * tl_library_check_file:
 * @path: a library file
 * @problems: (out) (transfer full): what is wrong with it, one line each;
 *   empty when nothing is
 *
 * Checks that @path is a sound SQLite database, reading all of it
 * (PRAGMA integrity_check) and writing nothing, in the file or beside it.
 * It works on files that tl_library_open() refuses as damaged.
 *
 * Returns: %FALSE with @error set when the file cannot be read at all
 *   (it does not exist, or may not be read)
 */
gboolean
tl_library_check_file (const char *path, GPtrArray **problems, GError **error)
{
  g_autoptr(TlLibrary) self = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_auto(TlOwnedStmt) stmt = NULL;
  gboolean immutable;
  int rc;

  g_return_val_if_fail (path != NULL && problems != NULL, FALSE);

  self = g_object_new (TL_TYPE_LIBRARY, NULL);
  self->path = g_strdup (path);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_MISSING, _("%s does not exist"), path);
      return FALSE;
    }
  self->real_path = realpath (path, NULL);
  if (self->real_path == NULL)
    self->real_path = g_strdup (path);
  rc = open_reading (self, &self->db, &immutable);
  if (rc != SQLITE_OK)
    return open_failed (self, rc, error);

  /* a file cut short is refused before the check can begin; with the
   * schema taken as it is, the check goes on and lists the missing pages */
  sqlite3_exec (self->db, "PRAGMA writable_schema = ON", NULL, NULL, NULL);
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* a row may hold several lines, under a "*** in database main ***" */
      g_auto(GStrv) lines = g_strsplit ((const char *) sqlite3_column_text (stmt, 0), "\n", -1);
      for (guint i = 0; lines[i]; i++)
        if (*lines[i] && strcmp (lines[i], "ok") != 0 && !g_str_has_prefix (lines[i], "*** "))
          g_ptr_array_add (found, g_strdup (lines[i]));
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_NOTADB)
        {
          g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_LIBRARY,
                       _("%s is not an SQLite database at all"), path);
          return FALSE;
        }
      if ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_PERM)
        return open_failed (self, rc, error);
      /* what stopped the check, when it found nothing more precise */
      if (found->len == 0)
        g_ptr_array_add (found, g_strdup (sqlite3_errmsg (self->db)));
    }
  {
    char *how = describe_truncation (self->real_path, TRUE);
    if (how)
      g_ptr_array_insert (found, 0, how);
  }
  *problems = g_steal_pointer (&found);
  return TRUE;
}
