/* tl-sqlite-store.c: the SQLite store: its connection, statement cache,
 * transactions, and what it tells the library about itself. Opening is in
 * tl-sqlite-store-open.c; reads and writes by entity in the other files. */
#include "tl-sqlite-store-private.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

G_DEFINE_FINAL_TYPE (TlSqliteStore, tl_sqlite_store, TL_TYPE_STORE)

static void
tl_sqlite_store_finalize (GObject *object)
{
  TlSqliteStore *self = TL_SQLITE_STORE (object);

  if (self->watch)
    g_source_destroy (self->watch);
  g_clear_pointer (&self->watch, g_source_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->real_path);
  g_free (self->read_only_reason);
  G_OBJECT_CLASS (tl_sqlite_store_parent_class)->finalize (object);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
tl_sqlite_store_init (TlSqliteStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
}

/* Sets @error from the connection's last error, saying what a person can
 * do about it where that is known. Always returns FALSE. */
gboolean
tl_sqlite_store_fail (TlSqliteStore *self, GError **error)
{
  int code = sqlite3_extended_errcode (self->db);
  /* what the system said, for a failure to read or write the files */
  int sys = (code & 0xff) == SQLITE_IOERR || (code & 0xff) == SQLITE_CANTOPEN ? sqlite3_system_errno (self->db) : 0;

  if ((code & 0xff) == SQLITE_CONSTRAINT)
    g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, "%s", sqlite3_errmsg (self->db));
  else if ((code & 0xff) == SQLITE_FULL || sys == ENOSPC)
    g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NO_SPACE,
                 _("Cannot write to %s: the disk is full. Free some space and try again."), self->path);
  else if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB)
    tl_sqlite_store_set_damaged_error (self, error);
  else if ((code & 0xff) == SQLITE_READONLY || sys == EROFS)
    g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_READ_ONLY,
                 _("Cannot write to %s: it has become read-only (%s)"), self->path, sqlite3_errmsg (self->db));
  else
    g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_FAILED, "%s: %s",
                 self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

sqlite3 *
tl_sqlite_store_get_db (TlSqliteStore *self)
{
  return self->db;
}

/**
 * tl_sqlite_store_prepare:
 * @sql: a string literal: statements are cached by its address
 *
 * Returns: (transfer none): a reset statement, or %NULL with @error set
 */
TlStmt *
tl_sqlite_store_prepare (TlSqliteStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    return stmt;
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      tl_sqlite_store_fail (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
tl_sqlite_store_exec (TlSqliteStore *self, const char *sql, GError **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return tl_sqlite_store_fail (self, error);
  return TRUE;
}

/* Fails with %TL_LIBRARY_ERROR_READ_ONLY, saying why, when the library was
 * opened read-only. */
gboolean
tl_sqlite_store_check_writable (TlSqliteStore *self, GError **error)
{
  if (!self->read_only)
    return TRUE;
  g_set_error_literal (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_READ_ONLY, self->read_only_reason);
  return FALSE;
}

/* Takes the write lock at once, so a concurrent writer waits here (busy
 * timeout) instead of failing half-way through. Every change begins here,
 * so a read-only library refuses them all. */
gboolean
tl_sqlite_store_begin (TlSqliteStore *self, GError **error)
{
  return tl_sqlite_store_check_writable (self, error) && tl_sqlite_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
tl_sqlite_store_commit (TlSqliteStore *self, GError **error)
{
  if (!tl_sqlite_store_exec (self, "COMMIT", error))
    {
      tl_sqlite_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
tl_sqlite_store_rollback (TlSqliteStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

char *
tl_stmt_dup_text (TlStmt *stmt, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

gboolean
tl_sqlite_store_read_int (TlSqliteStore *self, const char *sql, int *value, GError **error)
{
  g_auto(TlOwnedStmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW)
    return tl_sqlite_store_fail (self, error);
  *value = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/**
 * tl_sqlite_store_collect:
 * @from_row: makes one item of the statement's current row
 * @free_func: frees an item (the array's element free function)
 *
 * Steps @stmt to its end and gathers an item per row.
 *
 * Returns: (transfer full): the items, or %NULL with @error set when a
 *   step fails
 */
GPtrArray *
tl_sqlite_store_collect (TlSqliteStore *self, TlStmt *stmt, TlRowFunc from_row, gpointer data, GDestroyNotify free_func,
                    GError **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, from_row (stmt, data));
  if (rc != SQLITE_DONE)
    {
      tl_sqlite_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/**
 * tl_sqlite_store_run:
 * @entity: what a statement that changed no row did not find, or -1 when
 *   that is no error
 *
 * Runs one statement with ?1 = @id, ?2 = @text (RUN_TEXT) or @number
 * (RUN_INT), and ?3 = now.
 */
gboolean
tl_sqlite_store_run (TlSqliteStore *self, const char *sql, int entity, gint64 id, TlRunArg arg, const char *text,
                     gint64 number, GError **error)
{
  g_autoptr(TlStmt) stmt = tl_sqlite_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (arg == RUN_TEXT)
    tl_stmt_bind_text_or_null (stmt, 2, text);
  else if (arg == RUN_INT)
    sqlite3_bind_int64 (stmt, 2, number);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return tl_sqlite_store_fail (self, error);
  if (entity >= 0 && sqlite3_changes (self->db) == 0)
    return tl_store_not_found (error, entity, id);
  return TRUE;
}

/* PRAGMA data_version changes when another connection commits. */
gint64
tl_sqlite_store_read_data_version (TlSqliteStore *self)
{
  g_autoptr(TlStmt) stmt = tl_sqlite_store_prepare (self, "PRAGMA data_version", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
check_outside_changes (TlStore *store)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  gint64 version;

  /* a connection that reads without locks sees no one's commits: it is
   * opened again once the file moves on */
  if (self->immutable && tl_sqlite_store_reopen_if_moved_on (self))
    {
      self->data_version = tl_sqlite_store_read_data_version (self);
      return TRUE;
    }
  version = tl_sqlite_store_read_data_version (self);
  if (version == self->data_version)
    return FALSE;
  self->data_version = version;
  return TRUE;
}

/* How often another process's commits are looked for: PRAGMA data_version
 * costs a few µs, and an editor sees the change within a second. */
#define WATCH_MSEC 1000

static gboolean
on_watch (gpointer user_data)
{
  TlSqliteStore *self = user_data;

  /* a connection is used by one thread: the one that asked to watch */
  if (g_thread_self () == self->watch_thread && check_outside_changes (TL_STORE (self)))
    tl_store_emit_outside_change (TL_STORE (self), TL_LIBRARY_CHANGE_ALL);
  return G_SOURCE_CONTINUE;
}

static void
watch (TlStore *store, GMainContext *context)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);

  g_return_if_fail (self->watch == NULL);
  self->watch_thread = g_thread_self ();
  self->watch = g_timeout_source_new (WATCH_MSEC);
  g_source_set_static_name (self->watch, "[tagline] library outside changes");
  g_source_set_callback (self->watch, on_watch, self, NULL);
  g_source_attach (self->watch, context);
}

static const char *
get_path (TlStore *store)
{
  return TL_SQLITE_STORE (store)->path;
}

static const char *
get_read_only_reason (TlStore *store)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);

  return self->read_only ? self->read_only_reason : NULL;
}

static int
get_schema_version (TlStore *store)
{
  return TL_SQLITE_STORE (store)->schema_version;
}

/* A second connection to the same file, for another thread. */
static TlStore *
store_dup (TlStore *store, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);

  return tl_sqlite_store_open (self->path, self->flags, error);
}

static void
tl_sqlite_store_class_init (TlSqliteStoreClass *klass)
{
  TlStoreClass *store_class = TL_STORE_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = tl_sqlite_store_finalize;

  store_class->get_path = get_path;
  store_class->get_read_only_reason = get_read_only_reason;
  store_class->get_schema_version = get_schema_version;
  store_class->dup = store_dup;
  store_class->check_outside_changes = check_outside_changes;
  store_class->watch = watch;

  store_class->edit_begin = tl_sqlite_store_edit_begin;
  store_class->edit_commit = tl_sqlite_store_edit_commit;
  store_class->edit_rollback = tl_sqlite_store_edit_rollback;
  store_class->get_step_label = tl_sqlite_store_get_step_label;
  store_class->replay = tl_sqlite_store_replay;

  store_class->add_document = tl_sqlite_store_add_document;
  store_class->ensure_folder = tl_sqlite_store_ensure_folder;
  store_class->list_sources = tl_sqlite_store_list_sources;
  store_class->get_source = tl_sqlite_store_get_source;
  store_class->get_segments = tl_sqlite_store_get_segments;
  store_class->get_chapters = tl_sqlite_store_get_chapters;
  store_class->set_segment_times = tl_sqlite_store_set_segment_times;
  store_class->set_media = tl_sqlite_store_set_media;
  store_class->update_source = tl_sqlite_store_update_source;
  store_class->load_waveform = tl_sqlite_store_load_waveform;
  store_class->save_waveform = tl_sqlite_store_save_waveform;

  store_class->list_topics = tl_sqlite_store_list_topics;
  store_class->get_topic = tl_sqlite_store_get_topic;
  store_class->find_topic = tl_sqlite_store_find_topic;
  store_class->insert_topic = tl_sqlite_store_insert_topic;
  store_class->update_topic = tl_sqlite_store_update_topic;

  store_class->insert_clip = tl_sqlite_store_insert_clip;
  store_class->get_clip = tl_sqlite_store_get_clip;
  store_class->list_clips = tl_sqlite_store_list_clips;
  store_class->update_clip = tl_sqlite_store_update_clip;

  store_class->list_folders = tl_sqlite_store_list_folders;
  store_class->insert_folder = tl_sqlite_store_insert_folder;
  store_class->folder_is_within = tl_sqlite_store_folder_is_within;
  store_class->update_folder = tl_sqlite_store_update_folder;

  store_class->search = tl_sqlite_store_search;
  store_class->foreach_line = tl_sqlite_store_foreach_line;
}
