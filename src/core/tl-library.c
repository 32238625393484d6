/* tl-library.c: the library file. Opening (tl-library-open.c) checks what
 * the file is before anything is written to it; every change runs in one
 * transaction. */
#include "tl-library-private.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tl-model-private.h"
#include "tl-retime.h"
#include "tl-search.h"
#include "tl-text.h"

G_DEFINE_QUARK (tl-library-error-quark, tl_library_error)

typedef sqlite3_stmt *TlOwnedStmt;
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (TlOwnedStmt, sqlite3_finalize, NULL)

G_DEFINE_FINAL_TYPE (TlLibrary, tl_library, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FLAGS_TYPE (TlLibraryChange, tl_library_change,
  G_DEFINE_ENUM_VALUE (TL_LIBRARY_CHANGE_SOURCES, "sources"),
  G_DEFINE_ENUM_VALUE (TL_LIBRARY_CHANGE_FOLDERS, "folders"),
  G_DEFINE_ENUM_VALUE (TL_LIBRARY_CHANGE_TOPICS, "topics"),
  G_DEFINE_ENUM_VALUE (TL_LIBRARY_CHANGE_CLIPS, "clips"),
  G_DEFINE_ENUM_VALUE (TL_LIBRARY_CHANGE_SEGMENTS, "segments"))

/* migrations[N] takes a library from schema N to N + 1. Never edit one
 * that has shipped: add the next. */
static const char *const migrations[] = {
  /* 0 -> 1: the first schema */
  "CREATE TABLE folder ("
  "  id INTEGER PRIMARY KEY,"
  "  parent_id INTEGER REFERENCES folder(id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (name <> '' AND instr(name, '/') = 0),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL);"
  "CREATE UNIQUE INDEX folder_name ON folder (ifnull(parent_id, 0), name);"

  "CREATE TABLE source ("
  "  id INTEGER PRIMARY KEY,"
  "  folder_id INTEGER REFERENCES folder(id) ON DELETE SET NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('transcript', 'video', 'audio', 'article')),"
  "  title TEXT NOT NULL,"
  "  outlet TEXT,"
  "  published TEXT,"
  "  url TEXT,"
  "  external_id TEXT,"
  "  duration_us INTEGER CHECK (duration_us IS NULL OR duration_us >= 0),"
  "  description TEXT,"
  "  language TEXT,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL);"
  "CREATE INDEX source_folder ON source (folder_id);"

  "CREATE TABLE source_keyword ("
  "  source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  keyword TEXT NOT NULL,"
  "  PRIMARY KEY (source_id, position)) WITHOUT ROWID;"

  "CREATE TABLE media ("
  "  source_id INTEGER PRIMARY KEY REFERENCES source(id) ON DELETE CASCADE,"
  "  path TEXT NOT NULL,"
  "  duration_us INTEGER,"
  "  fps_num INTEGER,"
  "  fps_den INTEGER,"
  "  width INTEGER,"
  "  height INTEGER,"
  "  has_video INTEGER NOT NULL DEFAULT 0,"
  "  has_audio INTEGER NOT NULL DEFAULT 0,"
  "  video_codec TEXT,"
  "  audio_codec TEXT,"
  "  start_timecode TEXT);"

  "CREATE TABLE transcript ("
  "  id INTEGER PRIMARY KEY,"
  "  source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,"
  "  format TEXT NOT NULL,"
  "  language TEXT,"
  "  timing TEXT NOT NULL CHECK (timing IN ('none', 'native', 'estimated', 'tapped', 'aligned')),"
  "  origin_path TEXT,"
  "  n_segments INTEGER NOT NULL DEFAULT 0,"
  "  imported_at INTEGER NOT NULL);"
  "CREATE INDEX transcript_source ON transcript (source_id);"

  "CREATE TABLE segment ("
  "  id INTEGER PRIMARY KEY,"
  "  transcript_id INTEGER NOT NULL REFERENCES transcript(id) ON DELETE CASCADE,"
  "  idx INTEGER NOT NULL,"
  "  start_us INTEGER,"
  "  end_us INTEGER,"
  "  speaker TEXT,"
  "  text TEXT NOT NULL,"
  "  non_speech INTEGER NOT NULL DEFAULT 0,"
  "  confidence REAL,"
  "  flag TEXT CHECK (flag IS NULL OR flag IN ('unspoken', 'uncertain')),"
  "  UNIQUE (transcript_id, idx));"
  "CREATE INDEX segment_time ON segment (transcript_id, start_us);"

  "CREATE TABLE word ("
  "  segment_id INTEGER NOT NULL REFERENCES segment(id) ON DELETE CASCADE,"
  "  idx INTEGER NOT NULL,"
  "  start_us INTEGER,"
  "  end_us INTEGER,"
  "  text TEXT NOT NULL,"
  "  PRIMARY KEY (segment_id, idx)) WITHOUT ROWID;"

  "CREATE TABLE chapter ("
  "  id INTEGER PRIMARY KEY,"
  "  source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,"
  "  start_us INTEGER,"
  "  segment_idx INTEGER,"
  "  title TEXT NOT NULL);"
  "CREATE INDEX chapter_source ON chapter (source_id);"

  "CREATE TABLE topic ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (trim(name) <> ''),"
  "  color TEXT NOT NULL DEFAULT '#3584e4',"
  "  key INTEGER UNIQUE CHECK (key IS NULL OR key BETWEEN 1 AND 9),"
  "  parent_id INTEGER REFERENCES topic(id) ON DELETE SET NULL,"
  "  keywords TEXT,"
  "  position INTEGER NOT NULL DEFAULT 0);"

  "CREATE TABLE clip ("
  "  id INTEGER PRIMARY KEY,"
  "  source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,"
  "  in_us INTEGER,"
  "  out_us INTEGER,"
  "  first_segment INTEGER,"
  "  last_segment INTEGER,"
  "  title TEXT,"
  "  note TEXT,"
  "  rating INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  CHECK ((in_us IS NOT NULL AND out_us > in_us AND in_us >= 0)"
  "      OR (first_segment IS NOT NULL AND last_segment >= first_segment AND first_segment >= 0)));"
  "CREATE INDEX clip_source ON clip (source_id, in_us);"

  "CREATE TABLE clip_topic ("
  "  clip_id INTEGER NOT NULL REFERENCES clip(id) ON DELETE CASCADE,"
  "  topic_id INTEGER NOT NULL REFERENCES topic(id) ON DELETE CASCADE,"
  "  PRIMARY KEY (clip_id, topic_id)) WITHOUT ROWID;"
  "CREATE INDEX clip_topic_topic ON clip_topic (topic_id);"

  /* The full-text index reads its text from segment. New segments are
   * indexed by the store in one statement per import (index_transcript):
   * an insert trigger makes FTS5 flush its buffer at every row's statement
   * savepoint, which made imports 10x slower. Deletes and text edits are
   * kept in step by triggers, so a cascade from a source reaches the index. */
  "CREATE VIRTUAL TABLE segment_fts USING fts5 ("
  "  text, content='segment', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2');"
  "CREATE TRIGGER segment_fts_delete AFTER DELETE ON segment BEGIN"
  "  INSERT INTO segment_fts (segment_fts, rowid, text) VALUES ('delete', old.id, old.text);"
  "END;"
  "CREATE TRIGGER segment_fts_update AFTER UPDATE OF text ON segment WHEN old.text IS NOT new.text BEGIN"
  "  INSERT INTO segment_fts (segment_fts, rowid, text) VALUES ('delete', old.id, old.text);"
  "  INSERT INTO segment_fts (rowid, text) VALUES (new.id, new.text);"
  "END;",

  /* 1 -> 2: undo across restarts, and deletes that can be undone. A
   * deleted source or folder is hidden, not removed; its lines leave the
   * full-text index and come back if the delete is undone. */
  "ALTER TABLE source ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE folder ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;"
  /* a deleted folder's name is free again */
  "DROP INDEX folder_name;"
  "CREATE UNIQUE INDEX folder_name ON folder (ifnull(parent_id, 0), name) WHERE deleted = 0;"
  "CREATE TABLE undo_step ("
  "  id INTEGER PRIMARY KEY,"
  "  label TEXT NOT NULL,"
  "  undone INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL);"
  "CREATE TABLE undo_log ("
  "  seq INTEGER PRIMARY KEY,"
  "  step_id INTEGER NOT NULL REFERENCES undo_step(id) ON DELETE CASCADE,"
  "  sql TEXT NOT NULL);"
  "CREATE INDEX undo_log_step ON undo_log (step_id, seq);"
  "CREATE TRIGGER source_fts_hide AFTER UPDATE OF deleted ON source"
  "  WHEN new.deleted AND NOT old.deleted BEGIN"
  "  INSERT INTO segment_fts (segment_fts, rowid, text)"
  "    SELECT 'delete', g.id, g.text FROM segment g JOIN transcript t ON t.id = g.transcript_id"
  "    WHERE t.source_id = new.id;"
  "END;"
  "CREATE TRIGGER source_fts_show AFTER UPDATE OF deleted ON source"
  "  WHEN old.deleted AND NOT new.deleted BEGIN"
  "  INSERT INTO segment_fts (rowid, text)"
  "    SELECT g.id, g.text FROM segment g JOIN transcript t ON t.id = g.transcript_id"
  "    WHERE t.source_id = new.id;"
  "END;",

  /* 2 -> 3: lines the editor timed by hand (tapped in or fixed) are
   * anchors: forced alignment keeps their times and aligns around them */
  "ALTER TABLE segment ADD COLUMN anchor INTEGER NOT NULL DEFAULT 0 CHECK (anchor IN (0, 1));",

  /* 3 -> 4: waveform peaks of a source's sound (tl-library-waveform.c),
   * computed once; the media file's size and time tell when they are stale */
  "CREATE TABLE waveform ("
  "  source_id INTEGER PRIMARY KEY REFERENCES source(id) ON DELETE CASCADE,"
  "  media_path TEXT NOT NULL,"
  "  media_size INTEGER NOT NULL,"
  "  media_mtime INTEGER NOT NULL,"
  "  peaks_per_second INTEGER NOT NULL CHECK (peaks_per_second > 0),"
  "  peaks BLOB NOT NULL,"
  "  computed_at INTEGER NOT NULL);",

  /* 4 -> 5: long imports are written in short transactions, into a source
   * that stays hidden (deleted = 2) until its last one; its lines enter the
   * full-text index as they are written. Only a source the editor deleted
   * (1) and brought back leaves and re-enters the index as a whole. */
  "DROP TRIGGER source_fts_hide;"
  "DROP TRIGGER source_fts_show;"
  "CREATE TRIGGER source_fts_hide AFTER UPDATE OF deleted ON source"
  "  WHEN new.deleted = 1 AND old.deleted = 0 BEGIN"
  "  INSERT INTO segment_fts (segment_fts, rowid, text)"
  "    SELECT 'delete', g.id, g.text FROM segment g JOIN transcript t ON t.id = g.transcript_id"
  "    WHERE t.source_id = new.id;"
  "END;"
  "CREATE TRIGGER source_fts_show AFTER UPDATE OF deleted ON source"
  "  WHEN old.deleted = 1 AND new.deleted = 0 BEGIN"
  "  INSERT INTO segment_fts (rowid, text)"
  "    SELECT g.id, g.text FROM segment g JOIN transcript t ON t.id = g.transcript_id"
  "    WHERE t.source_id = new.id;"
  "END;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == TL_LIBRARY_SCHEMA_VERSION);

static void
tl_library_finalize (GObject *object)
{
  TlLibrary *self = TL_LIBRARY (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->longest_lines, g_hash_table_unref);
  if (self->db)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->real_path);
  g_free (self->read_only_reason);
  G_OBJECT_CLASS (tl_library_parent_class)->finalize (object);
}

static void
tl_library_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TlLibrary *self = TL_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_library_class_init (TlLibraryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tl_library_finalize;
  G_OBJECT_CLASS (klass)->get_property = tl_library_get_property;

  /**
   * TlLibrary:read-only:
   *
   * Whether the library was opened for reading only, because that was
   * asked or because the file or its folder cannot be written: everything
   * can be read, and every edit fails with %TL_LIBRARY_ERROR_READ_ONLY.
   * It does not change while the library is open.
   */
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);

  /**
   * TlLibrary::changed:
   * @what: the kinds of rows that changed
   *
   * Emitted after a change to the library is committed: an edit, an
   * import, an undo or redo, or a change by another process noticed by
   * tl_library_check_outside_changes().
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 1, TL_TYPE_LIBRARY_CHANGE);
}

void
tl_library_emit_changed (TlLibrary *self, TlLibraryChange what)
{
  if (what & (TL_LIBRARY_CHANGE_SEGMENTS | TL_LIBRARY_CHANGE_SOURCES))
    g_hash_table_remove_all (self->longest_lines);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, what);
}

/* PRAGMA data_version changes when another connection commits. */
static gint64
read_data_version (TlLibrary *self)
{
  g_autoptr(TlStmt) stmt = tl_library_prepare (self, "PRAGMA data_version", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * tl_library_check_outside_changes:
 *
 * Notices changes committed by another process (tagline-cli, a second
 * window) since the last call, and emits #TlLibrary::changed for them.
 * Cheap enough to call every second.
 *
 * Returns: %TRUE if something changed
 */
gboolean
tl_library_check_outside_changes (TlLibrary *self)
{
  gint64 version;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  /* a connection that reads without locks sees no one's commits: it is
   * opened again once the file moves on */
  if (self->immutable && tl_library_reopen_if_moved_on (self))
    {
      self->data_version = read_data_version (self);
      tl_library_emit_changed (self, TL_LIBRARY_CHANGE_ALL);
      return TRUE;
    }
  version = read_data_version (self);
  if (version == self->data_version)
    return FALSE;
  self->data_version = version;
  tl_library_emit_changed (self, TL_LIBRARY_CHANGE_ALL);
  return TRUE;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
tl_library_init (TlLibrary *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  self->longest_lines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/* Sets @error from the connection's last error, saying what a person can
 * do about it where that is known. Always returns FALSE. */
gboolean
tl_library_fail (TlLibrary *self, GError **error)
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
    tl_library_set_damaged_error (self, error);
  else if ((code & 0xff) == SQLITE_READONLY || sys == EROFS)
    g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_READ_ONLY,
                 _("Cannot write to %s: it has become read-only (%s)"), self->path, sqlite3_errmsg (self->db));
  else
    g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_FAILED, "%s: %s",
                 self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

sqlite3 *
tl_library_get_db (TlLibrary *self)
{
  return self->db;
}

/**
 * tl_library_prepare:
 * @sql: a string literal: statements are cached by its address
 *
 * Returns: (transfer none): a reset statement, or %NULL with @error set
 */
TlStmt *
tl_library_prepare (TlLibrary *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    return stmt;
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      tl_library_fail (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static gboolean
exec (TlLibrary *self, const char *sql, GError **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return tl_library_fail (self, error);
  return TRUE;
}

gboolean
tl_library_exec (TlLibrary *self, const char *sql, GError **error)
{
  return exec (self, sql, error);
}

/* Fails with %TL_LIBRARY_ERROR_READ_ONLY, saying why, when the library was
 * opened read-only. */
gboolean
tl_library_check_writable (TlLibrary *self, GError **error)
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
tl_library_begin (TlLibrary *self, GError **error)
{
  return tl_library_check_writable (self, error) && exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
tl_library_commit (TlLibrary *self, GError **error)
{
  if (!exec (self, "COMMIT", error))
    {
      tl_library_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
tl_library_rollback (TlLibrary *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

char *
tl_stmt_dup_text (TlStmt *stmt, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gboolean
read_int (TlLibrary *self, const char *sql, int *value, GError **error)
{
  g_auto(TlOwnedStmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW)
    return tl_library_fail (self, error);
  *value = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* Brings the library's schema up to this version's, in one transaction. */
gboolean
tl_library_migrate (TlLibrary *self, GError **error)
{
  int version;

  if (!tl_library_begin (self, error))
    return FALSE;
  /* another process may have migrated while we waited for the lock */
  if (!read_int (self, "PRAGMA user_version", &version, error))
    goto fail;
  if (version > TL_LIBRARY_SCHEMA_VERSION)
    {
      tl_library_set_newer_error (self, version, error);
      goto fail;
    }
  for (; version < TL_LIBRARY_SCHEMA_VERSION; version++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if (!exec (self, migrations[version], error) || !exec (self, set_version, error))
        goto fail;
    }
  if (!exec (self, "PRAGMA application_id = " G_STRINGIFY (TL_APPLICATION_ID), error))
    goto fail;
  self->schema_version = version;
  return tl_library_commit (self, error);

fail:
  tl_library_rollback (self);
  return FALSE;
}

/* The library a user gets without choosing one. */
char *
tl_library_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "tagline", "library.db", NULL);
}

const char *
tl_library_get_path (TlLibrary *self)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  return self->path;
}

int
tl_library_get_schema_version (TlLibrary *self)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), 0);
  return self->schema_version;
}

/**
 * tl_library_is_read_only:
 *
 * Returns: %TRUE when the library was opened for reading only (see
 *   #TlLibrary:read-only and tl_library_get_read_only_reason())
 */
gboolean
tl_library_is_read_only (TlLibrary *self)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  return self->read_only;
}

/**
 * tl_library_get_read_only_reason:
 *
 * Returns: (nullable): why the library is read-only, a sentence to show
 *   ("… is read-only: its folder … cannot be written"), or %NULL when it
 *   can be edited
 */
const char *
tl_library_get_read_only_reason (TlLibrary *self)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  return self->read_only_reason;
}

/**
 * tl_library_collect:
 * @from_row: makes one item of the statement's current row
 * @free_func: frees an item (the array's element free function)
 *
 * Steps @stmt to its end and gathers an item per row.
 *
 * Returns: (transfer full): the items, or %NULL with @error set when a
 *   step fails
 */
GPtrArray *
tl_library_collect (TlLibrary *self, TlStmt *stmt, TlRowFunc from_row, gpointer data, GDestroyNotify free_func,
                    GError **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, from_row (stmt, data));
  if (rc != SQLITE_DONE)
    {
      tl_library_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/* Inside a transaction: the id of folder @path ("A/B"), created when missing. */
static gint64
ensure_folder_locked (TlLibrary *self, const char *path, GError **error)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  gint64 parent = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (parts[i]));
      TlStmt *find, *insert;

      if (*name == '\0')
        continue;
      find = tl_library_prepare (self, "SELECT id FROM folder WHERE ifnull(parent_id, 0) = ? AND name = ? AND deleted = 0", error);
      if (find == NULL)
        return 0;
      sqlite3_bind_int64 (find, 1, parent);
      sqlite3_bind_text (find, 2, name, -1, SQLITE_STATIC);
      if (sqlite3_step (find) == SQLITE_ROW)
        {
          parent = sqlite3_column_int64 (find, 0);
          tl_stmt_release (find);
          continue;
        }
      tl_stmt_release (find);

      insert = tl_library_prepare (self, "INSERT INTO folder (parent_id, name, created_at) VALUES (?, ?, ?)", error);
      if (insert == NULL)
        return 0;
      if (parent)
        sqlite3_bind_int64 (insert, 1, parent);
      sqlite3_bind_text (insert, 2, name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 3, g_get_real_time ());
      if (sqlite3_step (insert) != SQLITE_DONE)
        {
          tl_library_fail (self, error);
          tl_stmt_release (insert);
          return 0;
        }
      tl_stmt_release (insert);
      parent = sqlite3_last_insert_rowid (self->db);
    }
  if (parent == 0)
    g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("“%s” is not a folder name"), path);
  return parent;
}

gint64
tl_library_ensure_folder (TlLibrary *self, const char *path, GError **error)
{
  gint64 id;

  g_return_val_if_fail (TL_IS_LIBRARY (self), 0);
  if (!tl_library_begin (self, error))
    return 0;
  id = ensure_folder_locked (self, path, error);
  if (id == 0 || !tl_library_commit (self, error))
    {
      tl_library_rollback (self);
      return 0;
    }
  return id;
}

static char *
title_from_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

#define STEP_DONE(stmt) (sqlite3_step (stmt) == SQLITE_DONE)

/* An import is written in transactions of about this long, so that an edit
 * in the window (or another program) never waits much longer than this for
 * the write lock while a long transcript goes in. */
#define IMPORT_CHUNK_USEC (50 * 1000)
/* ... checked every this many lines */
#define IMPORT_CHECK_EVERY 128

/* Adds lines [@first, @last] of a transcript to the full-text index, in one
 * statement so that FTS5 builds that part of the index in memory and writes
 * it once. */
static gboolean
index_segments (TlLibrary *self, gint64 transcript_id, guint first, guint last, GError **error)
{
  g_autoptr(TlStmt) stmt = tl_library_prepare (self,
    "INSERT INTO segment_fts (rowid, text) SELECT id, text FROM segment"
    " WHERE transcript_id = ? AND idx BETWEEN ? AND ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, transcript_id);
  sqlite3_bind_int (stmt, 2, first);
  sqlite3_bind_int (stmt, 3, last);
  return STEP_DONE (stmt) || tl_library_fail (self, error);
}

/* Writes lines from *@next on, with their words, until the document ends or
 * the transaction has taken IMPORT_CHUNK_USEC; *@next is then the first line
 * not written. */
static gboolean
insert_segments (TlLibrary *self, TlDocument *doc, gint64 transcript_id, guint *next, GError **error)
{
  TlStmt *seg_stmt = tl_library_prepare (self,
    "INSERT INTO segment (transcript_id, idx, start_us, end_us, speaker, text, non_speech)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  TlStmt *word_stmt = tl_library_prepare (self,
    "INSERT INTO word (segment_id, idx, start_us, end_us, text) VALUES (?, ?, ?, ?, ?)", error);
  gint64 until = g_get_monotonic_time () + IMPORT_CHUNK_USEC;
  guint first = *next, i;

  if (seg_stmt == NULL || word_stmt == NULL)
    {
      tl_stmt_release (seg_stmt);
      tl_stmt_release (word_stmt);
      return FALSE;
    }
  for (i = first; i < doc->segments->len; i++)
    {
      const TlDocSegment *seg = &g_array_index (doc->segments, TlDocSegment, i);
      gint64 segment_id;

      if (i > first && (i - first) % IMPORT_CHECK_EVERY == 0 && g_get_monotonic_time () >= until)
        break;
      sqlite3_bind_int64 (seg_stmt, 1, transcript_id);
      sqlite3_bind_int (seg_stmt, 2, i);
      tl_stmt_bind_time (seg_stmt, 3, seg->start);
      tl_stmt_bind_time (seg_stmt, 4, seg->end);
      tl_stmt_bind_text_or_null (seg_stmt, 5, seg->speaker);
      sqlite3_bind_text (seg_stmt, 6, seg->text, -1, SQLITE_STATIC);
      sqlite3_bind_int (seg_stmt, 7, seg->non_speech);
      if (!STEP_DONE (seg_stmt))
        {
          tl_library_fail (self, error);
          tl_stmt_release (seg_stmt);
          tl_stmt_release (word_stmt);
          return FALSE;
        }
      sqlite3_reset (seg_stmt);
      if (seg->n_words == 0)
        continue;
      segment_id = sqlite3_last_insert_rowid (self->db);
      for (guint w = 0; w < seg->n_words; w++)
        {
          const TlDocWord *word = &g_array_index (doc->words, TlDocWord, seg->first_word + w);
          sqlite3_bind_int64 (word_stmt, 1, segment_id);
          sqlite3_bind_int (word_stmt, 2, w);
          tl_stmt_bind_time (word_stmt, 3, word->start);
          tl_stmt_bind_time (word_stmt, 4, word->end);
          sqlite3_bind_text (word_stmt, 5, word->text, -1, SQLITE_STATIC);
          if (!STEP_DONE (word_stmt))
            {
              tl_library_fail (self, error);
              tl_stmt_release (seg_stmt);
              tl_stmt_release (word_stmt);
              return FALSE;
            }
          sqlite3_reset (word_stmt);
        }
    }
  tl_stmt_release (seg_stmt);
  tl_stmt_release (word_stmt);
  *next = i;
  return i == first || index_segments (self, transcript_id, first, i - 1, error);
}

static gboolean
insert_media (TlLibrary *self, gint64 source_id, const TlMediaInfo *media, GError **error)
{
  g_autoptr(TlStmt) stmt = tl_library_prepare (self,
    "INSERT INTO media (source_id, path, duration_us, fps_num, fps_den, width, height,"
    " has_video, has_audio, video_codec, audio_codec, start_timecode)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_text (stmt, 2, media->path, -1, SQLITE_STATIC);
  tl_stmt_bind_time (stmt, 3, media->duration);
  if (media->fps_num > 0 && media->fps_den > 0)
    {
      sqlite3_bind_int (stmt, 4, media->fps_num);
      sqlite3_bind_int (stmt, 5, media->fps_den);
    }
  if (media->width > 0)
    {
      sqlite3_bind_int (stmt, 6, media->width);
      sqlite3_bind_int (stmt, 7, media->height);
    }
  sqlite3_bind_int (stmt, 8, media->has_video);
  sqlite3_bind_int (stmt, 9, media->has_audio);
  tl_stmt_bind_text_or_null (stmt, 10, media->video_codec);
  tl_stmt_bind_text_or_null (stmt, 11, media->audio_codec);
  tl_stmt_bind_text_or_null (stmt, 12, media->start_timecode);
  return STEP_DONE (stmt) || tl_library_fail (self, error);
}

/* The new source is hidden (deleted = 2) until its last line is written
 * (show_source); its folder is set then, so that an import that never ends
 * leaves no folder behind either. */
static gint64
insert_source (TlLibrary *self, TlDocument *doc, const TlImportOptions *options, GError **error)
{
  g_autoptr(TlStmt) stmt = tl_library_prepare (self,
    "INSERT INTO source (kind, title, outlet, published, url, external_id,"
    " duration_us, description, language, created_at, updated_at, deleted)"
    " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 2)", error);
  g_autofree char *fallback_title = NULL;
  const char *title = doc->title;
  gint64 now = g_get_real_time ();
  gint64 duration = doc->duration;

  if (stmt == NULL)
    return 0;
  if (title == NULL || *title == '\0')
    title = fallback_title = title_from_path (options->origin_path ? options->origin_path : _("Untitled"));
  if (options->media != NULL && options->media->duration > 0)
    duration = options->media->duration;

  sqlite3_bind_text (stmt, 2, tl_source_kind_to_string (doc->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, title, -1, SQLITE_STATIC);
  tl_stmt_bind_text_or_null (stmt, 4, doc->outlet);
  tl_stmt_bind_text_or_null (stmt, 5, doc->published);
  tl_stmt_bind_text_or_null (stmt, 6, doc->url);
  tl_stmt_bind_text_or_null (stmt, 7, doc->external_id);
  tl_stmt_bind_time (stmt, 8, duration > 0 ? duration : TL_TIME_NONE);
  tl_stmt_bind_text_or_null (stmt, 9, doc->description);
  tl_stmt_bind_text_or_null (stmt, 10, doc->language);
  sqlite3_bind_int64 (stmt, 11, now);
  sqlite3_bind_int64 (stmt, 12, now);
  if (!STEP_DONE (stmt))
    return tl_library_fail (self, error);
  return sqlite3_last_insert_rowid (self->db);
}

static gint64
insert_document_parts (TlLibrary *self, TlDocument *doc, const TlImportOptions *options,
                       gint64 source_id, GError **error)
{
  TlStmt *stmt;
  gint64 transcript_id;

  stmt = tl_library_prepare (self, "INSERT INTO source_keyword (source_id, position, keyword) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < doc->keywords->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, source_id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, g_ptr_array_index (doc->keywords, i), -1, SQLITE_STATIC);
      if (!STEP_DONE (stmt))
        {
          tl_stmt_release (stmt);
          return tl_library_fail (self, error);
        }
      sqlite3_reset (stmt);
    }
  tl_stmt_release (stmt);

  stmt = tl_library_prepare (self, "INSERT INTO chapter (source_id, start_us, segment_idx, title) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < doc->chapters->len; i++)
    {
      const TlDocChapter *chapter = &g_array_index (doc->chapters, TlDocChapter, i);
      sqlite3_bind_int64 (stmt, 1, source_id);
      tl_stmt_bind_time (stmt, 2, chapter->start);
      if (chapter->segment_index >= 0)
        sqlite3_bind_int (stmt, 3, chapter->segment_index);
      else
        sqlite3_bind_null (stmt, 3);
      sqlite3_bind_text (stmt, 4, chapter->title, -1, SQLITE_STATIC);
      if (!STEP_DONE (stmt))
        {
          tl_stmt_release (stmt);
          return tl_library_fail (self, error);
        }
      sqlite3_reset (stmt);
    }
  tl_stmt_release (stmt);

  if (options->media != NULL && !insert_media (self, source_id, options->media, error))
    return FALSE;

  stmt = tl_library_prepare (self,
    "INSERT INTO transcript (source_id, format, language, timing, origin_path, n_segments, imported_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_text (stmt, 2, doc->format, -1, SQLITE_STATIC);
  tl_stmt_bind_text_or_null (stmt, 3, doc->language);
  sqlite3_bind_text (stmt, 4, tl_timing_to_string (doc->timing), -1, SQLITE_STATIC);
  tl_stmt_bind_text_or_null (stmt, 5, options->origin_path);
  sqlite3_bind_int (stmt, 6, doc->segments->len);
  sqlite3_bind_int64 (stmt, 7, g_get_real_time ());
  if (!STEP_DONE (stmt))
    {
      tl_stmt_release (stmt);
      return tl_library_fail (self, error);
    }
  tl_stmt_release (stmt);
  transcript_id = sqlite3_last_insert_rowid (self->db);
  return transcript_id;
}

/* Another Tagline took the import for the leftovers of a stopped one. */
static gboolean
import_removed (TlLibrary *self, GError **error)
{
  g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_FAILED,
               _("The import into %s was removed while it ran: import the file again"), self->path);
  return FALSE;
}

/* The source's last transaction: it appears, in its folder. */
static gboolean
show_source (TlLibrary *self, gint64 source_id, const TlImportOptions *options, GError **error)
{
  g_autoptr(TlStmt) stmt = NULL;
  gint64 folder_id = 0;

  if (options->folder != NULL && (folder_id = ensure_folder_locked (self, options->folder, error)) == 0)
    return FALSE;
  stmt = tl_library_prepare (self, "UPDATE source SET deleted = 0, folder_id = nullif(?2, 0), updated_at = ?3"
                                   " WHERE id = ?1 AND deleted = 2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_int64 (stmt, 2, folder_id);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  if (!STEP_DONE (stmt))
    return tl_library_fail (self, error);
  return sqlite3_changes (self->db) == 1 || import_removed (self, error);
}

/* Tells other programs that this hidden source is still being written:
 * tl_library_remove_stopped_imports() leaves it alone. */
static gboolean
touch_source (TlLibrary *self, gint64 source_id, GError **error)
{
  g_autoptr(TlStmt) stmt = tl_library_prepare (self,
    "UPDATE source SET updated_at = ?2 WHERE id = ?1 AND deleted = 2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
  if (!STEP_DONE (stmt))
    return tl_library_fail (self, error);
  return sqlite3_changes (self->db) == 1 || import_removed (self, error);
}

/**
 * tl_library_add_document:
 *
 * Stores an imported document as a new source. Other programs and windows
 * see it whole or not at all: a long transcript is written in transactions
 * of about 50 ms into a hidden source, which the last one shows, so edits
 * elsewhere do not wait for the import. On any failure nothing is shown and
 * what was written is removed (or, if the program is killed, removed by the
 * next program that opens the library to write).
 *
 * Returns: the new source's id, or 0 with @error set
 */
gint64
tl_library_add_document (TlLibrary *self, TlDocument *doc, const TlImportOptions *options, GError **error)
{
  static const TlImportOptions no_options = { NULL, NULL, NULL };
  gint64 source_id = 0, transcript_id;
  guint next = 0;

  g_return_val_if_fail (TL_IS_LIBRARY (self), 0);
  g_return_val_if_fail (doc != NULL, 0);
  if (options == NULL)
    options = &no_options;

  if (!tl_library_begin (self, error))
    return 0;
  if ((source_id = insert_source (self, doc, options, error)) == 0
      || (transcript_id = insert_document_parts (self, doc, options, source_id, error)) == 0)
    {
      tl_library_rollback (self);
      return 0;
    }
  for (;;)
    {
      if (!insert_segments (self, doc, transcript_id, &next, error))
        goto fail;
      if (next >= doc->segments->len)
        break;
      if (!tl_library_commit (self, error))
        goto fail;
      /* Let a writer that waits for the lock have it (the busy handler
       * polls every millisecond, tl-library-open.c) before the next part. */
      g_usleep (2000);
      /* still ours? (another program may have taken it for stopped) */
      if (!tl_library_begin (self, error) || !touch_source (self, source_id, error))
        goto fail;
    }
  if (!show_source (self, source_id, options, error) || !tl_library_commit (self, error))
    goto fail;
  tl_library_emit_changed (self, TL_LIBRARY_CHANGE_SOURCES | TL_LIBRARY_CHANGE_FOLDERS);
  return source_id;

fail:
  tl_library_rollback (self);
  /* the parts committed already: nobody saw them; remove them now, or the
   * next program that opens the library to write will */
  tl_library_remove_import (self, source_id, NULL);
  return 0;
}

void
tl_chapter_free (TlChapter *chapter)
{
  if (chapter == NULL)
    return;
  g_free (chapter->title);
  g_free (chapter);
}

/* Folder id -> "A/B" for every folder, built in one query. */
static GHashTable *
load_folder_paths (TlLibrary *self, GError **error)
{
  g_autoptr(GHashTable) paths = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(TlStmt) stmt = tl_library_prepare (self,
    "WITH RECURSIVE tree (id, path) AS ("
    "  SELECT id, name FROM folder WHERE parent_id IS NULL"
    "  UNION ALL SELECT f.id, tree.path || '/' || f.name FROM folder f JOIN tree ON f.parent_id = tree.id)"
    " SELECT id, path FROM tree", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (paths, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         tl_stmt_dup_text (stmt, 1));
  if (rc != SQLITE_DONE)
    {
      tl_library_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&paths);
}

#define SOURCE_COLUMNS \
  "s.id, s.kind, s.title, s.outlet, s.published, s.url, s.external_id, s.duration_us," \
  " s.description, s.language, s.folder_id, t.timing, t.format, t.origin_path, ifnull(t.n_segments, 0)," \
  " m.path, m.duration_us, m.fps_num, m.fps_den, m.width, m.height, m.has_video, m.has_audio," \
  " m.video_codec, m.audio_codec, m.start_timecode" \
  " FROM source s" \
  " LEFT JOIN transcript t ON t.id = (SELECT max(id) FROM transcript WHERE source_id = s.id)" \
  " LEFT JOIN media m ON m.source_id = s.id"

static gpointer
source_from_row (TlStmt *stmt, gpointer folder_paths)
{
  TlSource *source = g_object_new (TL_TYPE_SOURCE, NULL);

  source->id = sqlite3_column_int64 (stmt, 0);
  tl_source_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &source->kind);
  source->title = tl_stmt_dup_text (stmt, 2);
  source->outlet = tl_stmt_dup_text (stmt, 3);
  source->published = tl_stmt_dup_text (stmt, 4);
  source->url = tl_stmt_dup_text (stmt, 5);
  source->external_id = tl_stmt_dup_text (stmt, 6);
  source->duration = tl_stmt_column_time (stmt, 7);
  source->description = tl_stmt_dup_text (stmt, 8);
  source->language = tl_stmt_dup_text (stmt, 9);
  source->folder_id = sqlite3_column_int64 (stmt, 10);
  if (source->folder_id && folder_paths)
    source->folder = g_strdup (g_hash_table_lookup (folder_paths, &source->folder_id));
  tl_timing_from_string ((const char *) sqlite3_column_text (stmt, 11), &source->timing);
  source->format = tl_stmt_dup_text (stmt, 12);
  source->origin_path = tl_stmt_dup_text (stmt, 13);
  source->n_segments = sqlite3_column_int (stmt, 14);
  if (sqlite3_column_type (stmt, 15) != SQLITE_NULL)
    {
      TlMediaInfo *media = tl_media_info_new ();
      media->path = tl_stmt_dup_text (stmt, 15);
      media->duration = tl_stmt_column_time (stmt, 16);
      media->fps_num = sqlite3_column_int (stmt, 17);
      media->fps_den = sqlite3_column_int (stmt, 18);
      media->width = sqlite3_column_int (stmt, 19);
      media->height = sqlite3_column_int (stmt, 20);
      media->has_video = sqlite3_column_int (stmt, 21);
      media->has_audio = sqlite3_column_int (stmt, 22);
      media->video_codec = tl_stmt_dup_text (stmt, 23);
      media->audio_codec = tl_stmt_dup_text (stmt, 24);
      media->start_timecode = tl_stmt_dup_text (stmt, 25);
      source->media = media;
    }
  return source;
}

/* Sources in their folders' order, then by title. */
GPtrArray *
tl_library_list_sources (TlLibrary *self, GError **error)
{
  g_autoptr(GHashTable) folder_paths = NULL;
  g_autoptr(TlStmt) stmt = NULL;

  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  if ((folder_paths = load_folder_paths (self, error)) == NULL)
    return NULL;
  stmt = tl_library_prepare (self, "SELECT " SOURCE_COLUMNS " WHERE s.deleted = 0 ORDER BY s.position, s.id", error);
  if (stmt == NULL)
    return NULL;
  return tl_library_collect (self, stmt, source_from_row, folder_paths, g_object_unref, error);
}

static gboolean
not_found (GError **error, const char *what, gint64 id)
{
  g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND,
               /* one message per kind, so that translations can inflect the noun */
               g_str_equal (what, "clip")     ? _("No clip with id %" PRId64 " in this library")
               : g_str_equal (what, "topic")  ? _("No topic with id %" PRId64 " in this library")
               : g_str_equal (what, "folder") ? _("No folder with id %" PRId64 " in this library")
                                             : _("No source with id %" PRId64 " in this library"),
               id);
  return FALSE;
}

TlSource *
tl_library_get_source (TlLibrary *self, gint64 source_id, GError **error)
{
  g_autoptr(GHashTable) folder_paths = NULL;
  g_autoptr(TlSource) source = NULL;
  g_autoptr(GStrvBuilder) keywords = g_strv_builder_new ();
  TlStmt *stmt;
  int rc;

  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  if ((folder_paths = load_folder_paths (self, error)) == NULL)
    return NULL;
  stmt = tl_library_prepare (self, "SELECT " SOURCE_COLUMNS " WHERE s.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, source_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    source = source_from_row (stmt, folder_paths);
  tl_stmt_release (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        not_found (error, "source", source_id);
      else
        tl_library_fail (self, error);
      return NULL;
    }

  stmt = tl_library_prepare (self, "SELECT keyword FROM source_keyword WHERE source_id = ? ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, source_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (keywords, (const char *) sqlite3_column_text (stmt, 0));
  tl_stmt_release (stmt);
  source->keywords = g_strv_builder_end (keywords);
  return g_steal_pointer (&source);
}

static gpointer
segment_from_row (TlStmt *stmt, gpointer unused)
{
  TlSegment *segment = g_object_new (TL_TYPE_SEGMENT, NULL);

  segment->id = sqlite3_column_int64 (stmt, 0);
  segment->index = sqlite3_column_int (stmt, 1);
  segment->start = tl_stmt_column_time (stmt, 2);
  segment->end = tl_stmt_column_time (stmt, 3);
  segment->speaker = tl_stmt_dup_text (stmt, 4);
  segment->text = tl_stmt_dup_text (stmt, 5);
  segment->non_speech = sqlite3_column_int (stmt, 6);
  segment->confidence = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? -1 : sqlite3_column_double (stmt, 7);
  segment->flag = tl_stmt_dup_text (stmt, 8);
  segment->anchor = sqlite3_column_int (stmt, 9);
  return segment;
}

#define SEGMENT_COLUMNS "g.id, g.idx, g.start_us, g.end_us, g.speaker, g.text, g.non_speech, g.confidence, g.flag, g.anchor"
#define CURRENT_TRANSCRIPT "(SELECT max(id) FROM transcript WHERE source_id = ?)"

static GPtrArray *
collect_segments (TlLibrary *self, TlStmt *stmt, GError **error)
{
  return tl_library_collect (self, stmt, segment_from_row, NULL, g_object_unref, error);
}

/* The lines of a source's current transcript, in order. */
GPtrArray *
tl_library_get_segments (TlLibrary *self, gint64 source_id, GError **error)
{
  g_autoptr(TlStmt) stmt = NULL;

  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  stmt = tl_library_prepare (self, "SELECT " SEGMENT_COLUMNS " FROM segment g"
                             " WHERE g.transcript_id = " CURRENT_TRANSCRIPT " ORDER BY g.idx", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, source_id);
  return collect_segments (self, stmt, error);
}

/* The lines that overlap [@in, @out): those a clip over that range holds. */
GPtrArray *
tl_library_get_segments_in_range (TlLibrary *self, gint64 source_id, gint64 in, gint64 out, GError **error)
{
  g_autoptr(TlStmt) stmt = NULL;

  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  stmt = tl_library_prepare (self, "SELECT " SEGMENT_COLUMNS " FROM segment g"
                             " WHERE g.transcript_id = " CURRENT_TRANSCRIPT
                             " AND g.start_us < ?2 AND ifnull(g.end_us, g.start_us + 1) > ?3"
                             " ORDER BY g.idx", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_int64 (stmt, 2, out);
  sqlite3_bind_int64 (stmt, 3, in);
  return collect_segments (self, stmt, error);
}

static gpointer
chapter_from_row (TlStmt *stmt, gpointer unused)
{
  TlChapter *chapter = g_new0 (TlChapter, 1);

  chapter->start = tl_stmt_column_time (stmt, 0);
  chapter->segment_index = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 1);
  chapter->title = tl_stmt_dup_text (stmt, 2);
  return chapter;
}

GPtrArray *
tl_library_get_chapters (TlLibrary *self, gint64 source_id, GError **error)
{
  g_autoptr(TlStmt) stmt = NULL;

  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  stmt = tl_library_prepare (self, "SELECT start_us, segment_idx, title FROM chapter WHERE source_id = ?"
                             " ORDER BY ifnull(start_us, 0), ifnull(segment_idx, 0), id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, source_id);
  return tl_library_collect (self, stmt, chapter_from_row, NULL, (GDestroyNotify) tl_chapter_free, error);
}

static gboolean
valid_segment_timing (const TlSegmentTiming *t, guint index, GError **error)
{
  if (t->start != TL_TIME_NONE && t->start < 0)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("Line %u: a time cannot be negative"), index);
      return FALSE;
    }
  if (t->start != TL_TIME_NONE && t->end != TL_TIME_NONE && t->end < t->start)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("Line %u: it ends before it starts"), index);
      return FALSE;
    }
  if (t->confidence > 1.0)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                   _("Line %u: a confidence goes from 0 to 1, not %g"), index, t->confidence);
      return FALSE;
    }
  if (t->flag != NULL && strcmp (t->flag, "unspoken") != 0 && strcmp (t->flag, "uncertain") != 0)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                   _("Line %u: “%s” is not a flag (unspoken or uncertain)"), index, t->flag);
      return FALSE;
    }
  return TRUE;
}

/* Moves the source's timed clips so that each holds the same part of the
 * same lines on @times as on the lines' times now: a clip made on
 * estimated or subtitle times would otherwise run into the next line once
 * the lines are aligned. */
static gboolean
move_clips_with_lines (TlLibrary *self, gint64 source_id, gint64 transcript_id, const TlSegmentTiming *times,
                       guint n_times, GError **error)
{
  g_autofree TlSegmentTiming *old = g_new0 (TlSegmentTiming, n_times);
  g_autoptr(TlRetimeMap) map = NULL;
  g_autoptr(GArray) moves = g_array_new (FALSE, FALSE, sizeof (gint64));
  TlStmt *stmt;

  for (guint i = 0; i < n_times; i++)
    old[i].start = old[i].end = TL_TIME_NONE;
  stmt = tl_library_prepare (self, "SELECT idx, start_us, end_us FROM segment WHERE transcript_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, transcript_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int idx = sqlite3_column_int (stmt, 0);
      if (idx >= 0 && (guint) idx < n_times)
        {
          old[idx].start = tl_stmt_column_time (stmt, 1);
          old[idx].end = tl_stmt_column_time (stmt, 2);
        }
    }
  tl_stmt_release (stmt);
  map = tl_retime_map_new (old, times, n_times);

  /* (id, in, out) of each clip that moves */
  stmt = tl_library_prepare (self, "SELECT id, in_us, out_us FROM clip WHERE source_id = ? AND in_us IS NOT NULL",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 in = sqlite3_column_int64 (stmt, 1), out = sqlite3_column_int64 (stmt, 2);
      gint64 new_in = tl_retime_map_apply (map, in, FALSE), new_out = tl_retime_map_apply (map, out, TRUE);

      /* a clip never shrinks to nothing: lines squeezed together keep it one µs long at least */
      new_out = MAX (new_out, new_in + 1);
      if (new_in == in && new_out == out)
        continue;
      g_array_append_val (moves, id);
      g_array_append_val (moves, new_in);
      g_array_append_val (moves, new_out);
    }
  tl_stmt_release (stmt);
  if (moves->len == 0)
    return TRUE;

  stmt = tl_library_prepare (self, "UPDATE clip SET in_us = ?, out_us = ?, updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < moves->len; i += 3)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (moves, gint64, i + 1));
      sqlite3_bind_int64 (stmt, 2, g_array_index (moves, gint64, i + 2));
      sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
      sqlite3_bind_int64 (stmt, 4, g_array_index (moves, gint64, i));
      if (!STEP_DONE (stmt))
        {
          tl_library_fail (self, error);
          tl_stmt_release (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }
  tl_stmt_release (stmt);
  return TRUE;
}

/**
 * tl_library_set_segment_times:
 * @timing: what the times now are: %TL_TIMING_ALIGNED, %TL_TIMING_TAPPED
 *   or %TL_TIMING_ESTIMATED
 * @times: (array length=n_times): one entry per line of the source's
 *   transcript, in order
 *
 * Replaces the start, end, confidence, flag and anchor mark of every line
 * of a source's transcript and sets the transcript's timing, in one
 * transaction: either all of it is stored or nothing. It is one call so
 * that it can be undone as one step.
 *
 * Returns: %FALSE with @error set (%TL_LIBRARY_ERROR_INVALID when
 *   @n_times is not the transcript's number of lines: it changed since
 *   the times were computed)
 */
gboolean
tl_library_set_segment_times (TlLibrary *self, gint64 source_id, TlTiming timing,
                              const TlSegmentTiming *times, guint n_times, GError **error)
{
  TlStmt *stmt;
  gint64 transcript_id = 0;
  int n_segments = 0;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (times != NULL || n_times == 0, FALSE);

  if (timing != TL_TIMING_ALIGNED && timing != TL_TIMING_TAPPED && timing != TL_TIMING_ESTIMATED)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                   _("Times set on lines are aligned, tapped or estimated, not %s"), tl_timing_to_string (timing));
      return FALSE;
    }
  for (guint i = 0; i < n_times; i++)
    if (!valid_segment_timing (&times[i], i, error))
      return FALSE;

  if (!tl_library_edit_begin (self, timing == TL_TIMING_ALIGNED ? N_("Align to the Audio")
                              : timing == TL_TIMING_TAPPED ? N_("Tap In Times") : N_("Estimate Times"),
                              TL_LIBRARY_CHANGE_SEGMENTS | TL_LIBRARY_CHANGE_SOURCES | TL_LIBRARY_CHANGE_CLIPS,
                              error))
    return FALSE;
  stmt = tl_library_prepare (self, "SELECT t.id, t.n_segments FROM transcript t WHERE t.id = " CURRENT_TRANSCRIPT, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, source_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      transcript_id = sqlite3_column_int64 (stmt, 0);
      n_segments = sqlite3_column_int (stmt, 1);
    }
  tl_stmt_release (stmt);
  if (transcript_id == 0)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND,
                   _("No source with id %" PRId64 " and a transcript in this library"), source_id);
      goto fail;
    }
  if ((guint) n_segments != n_times)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                   _("The transcript has %d lines, not %u: it changed since its times were computed"),
                   n_segments, n_times);
      goto fail;
    }

  /* clips move with the lines they hold, in the same step */
  if (!move_clips_with_lines (self, source_id, transcript_id, times, n_times, error))
    goto fail;

  stmt = tl_library_prepare (self,
    /* rows whose values stay as they are are left alone: a tap changes a
     * few lines, and only those go into the undo history */
    "UPDATE segment SET start_us = ?1, end_us = ?2, confidence = ?3, flag = ?4, anchor = ?5"
    " WHERE transcript_id = ?6 AND idx = ?7"
    " AND NOT (start_us IS ?1 AND end_us IS ?2 AND confidence IS ?3 AND flag IS ?4 AND anchor = ?5)", error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < n_times; i++)
    {
      const TlSegmentTiming *t = &times[i];

      tl_stmt_bind_time (stmt, 1, t->start);
      tl_stmt_bind_time (stmt, 2, t->start == TL_TIME_NONE ? TL_TIME_NONE : t->end);
      if (t->confidence >= 0)
        sqlite3_bind_double (stmt, 3, t->confidence);
      else
        sqlite3_bind_null (stmt, 3);
      tl_stmt_bind_text_or_null (stmt, 4, t->flag);
      sqlite3_bind_int (stmt, 5, t->anchor ? 1 : 0);
      sqlite3_bind_int64 (stmt, 6, transcript_id);
      sqlite3_bind_int (stmt, 7, i);
      if (!STEP_DONE (stmt))
        {
          tl_library_fail (self, error);
          tl_stmt_release (stmt);
          goto fail;
        }
      sqlite3_reset (stmt);
    }
  tl_stmt_release (stmt);

  stmt = tl_library_prepare (self, "UPDATE transcript SET timing = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, tl_timing_to_string (timing), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, transcript_id);
  if (!STEP_DONE (stmt))
    {
      tl_library_fail (self, error);
      tl_stmt_release (stmt);
      goto fail;
    }
  tl_stmt_release (stmt);

  stmt = tl_library_prepare (self, "UPDATE source SET updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, g_get_real_time ());
  sqlite3_bind_int64 (stmt, 2, source_id);
  if (!STEP_DONE (stmt))
    {
      tl_library_fail (self, error);
      tl_stmt_release (stmt);
      goto fail;
    }
  tl_stmt_release (stmt);
  return tl_library_edit_commit (self, error);

fail:
  tl_library_edit_rollback (self);
  return FALSE;
}

/* Topics */

static const char *const default_colors[] = {
  "#3584e4", "#e66100", "#2ec27e", "#c01c28", "#9141ac", "#f5c211", "#1c71d8", "#865e3c", "#26a269",
};

static gboolean
valid_color (const char *color)
{
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return FALSE;
  for (int i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

static gpointer
topic_from_row (TlStmt *stmt, gpointer unused)
{
  TlTopic *topic = g_object_new (TL_TYPE_TOPIC, NULL);

  topic->id = sqlite3_column_int64 (stmt, 0);
  topic->name = tl_stmt_dup_text (stmt, 1);
  topic->color = tl_stmt_dup_text (stmt, 2);
  topic->key = sqlite3_column_int (stmt, 3);
  topic->parent_id = sqlite3_column_int64 (stmt, 4);
  topic->n_clips = sqlite3_column_int (stmt, 5);
  return topic;
}

#define TOPIC_COLUMNS \
  "t.id, t.name, t.color, t.key, t.parent_id," \
  " (SELECT count(*) FROM clip_topic ct JOIN clip c ON c.id = ct.clip_id JOIN source s ON s.id = c.source_id" \
  "  WHERE ct.topic_id = t.id AND s.deleted = 0) FROM topic t"

/**
 * tl_library_add_topic:
 * @key: 1–9, or 0 for none
 * @color: (nullable): "#rrggbb", or %NULL for the next colour of the palette
 */
TlTopic *
tl_library_add_topic (TlLibrary *self, const char *name, guint key, const char *color, GError **error)
{
  g_autofree char *clean = NULL;
  g_autoptr(TlStmt) stmt = NULL;
  int n_topics = 0;
  gint64 id;

  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  clean = g_strstrip (g_strdup (name ? name : ""));
  if (*clean == '\0')
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("A topic needs a name"));
      return NULL;
    }
  if (key > 9)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("Topic keys are 1 to 9, not %u"), key);
      return NULL;
    }
  if (color != NULL && !valid_color (color))
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                   _("“%s” is not a colour: use #rrggbb, e.g. #3584e4"), color);
      return NULL;
    }
  if (!read_int (self, "SELECT count(*) FROM topic", &n_topics, error))
    return NULL;
  if (color == NULL)
    color = default_colors[n_topics % G_N_ELEMENTS (default_colors)];

  if (!tl_library_edit_begin (self, N_("New Topic"), TL_LIBRARY_CHANGE_TOPICS, error))
    return NULL;
  stmt = tl_library_prepare (self, "INSERT INTO topic (name, color, key, position) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    {
      tl_library_edit_rollback (self);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, color, -1, SQLITE_STATIC);
  if (key > 0)
    sqlite3_bind_int (stmt, 3, key);
  sqlite3_bind_int (stmt, 4, n_topics);
  if (!STEP_DONE (stmt))
    {
      if ((sqlite3_extended_errcode (self->db) & 0xff) == SQLITE_CONSTRAINT)
        {
          g_autoptr(TlTopic) clash = tl_library_find_topic (self, clean, NULL);
          if (clash != NULL)
            g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_EXISTS,
                         _("There is already a topic “%s”"), clash->name);
          else
            g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_EXISTS,
                         _("Key %u is already taken by another topic"), key);
        }
      else
        tl_library_fail (self, error);
      tl_stmt_release (stmt);
      tl_library_edit_rollback (self);
      return NULL;
    }
  id = sqlite3_last_insert_rowid (self->db);
  tl_stmt_release (stmt);
  if (!tl_library_edit_commit (self, error))
    return NULL;

  stmt = tl_library_prepare (self, "SELECT " TOPIC_COLUMNS " WHERE t.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      tl_library_fail (self, error);
      return NULL;
    }
  return topic_from_row (stmt, NULL);
}

GPtrArray *
tl_library_list_topics (TlLibrary *self, GError **error)
{
  g_autoptr(TlStmt) stmt = NULL;

  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  stmt = tl_library_prepare (self, "SELECT " TOPIC_COLUMNS " ORDER BY t.position, t.id", error);
  if (stmt == NULL)
    return NULL;
  return tl_library_collect (self, stmt, topic_from_row, NULL, g_object_unref, error);
}

/* Topic names compare without regard to case. */
TlTopic *
tl_library_find_topic (TlLibrary *self, const char *name, GError **error)
{
  g_autoptr(TlStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  stmt = tl_library_prepare (self, "SELECT " TOPIC_COLUMNS " WHERE t.name = trim(?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return topic_from_row (stmt, NULL);
  if (rc == SQLITE_DONE)
    g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND, _("No topic “%s” in this library"), name);
  else
    tl_library_fail (self, error);
  return NULL;
}

/* Clips */

static gboolean
check_clip_spec (TlLibrary *self, const TlClipSpec *spec, TlSource *source, GError **error)
{
  if (spec->rating > 5)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("Ratings go from 0 to 5, not %u"), spec->rating);
      return FALSE;
    }
  if (source->kind == TL_SOURCE_KIND_ARTICLE || source->timing == TL_TIMING_NONE)
    {
      if (spec->first_segment < 0 || spec->last_segment < spec->first_segment
          || (guint) spec->last_segment >= source->n_segments)
        {
          g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                       _("“%s” has no times: a clip of it is a range of its paragraphs, 0 to %u"),
                       source->title, source->n_segments ? source->n_segments - 1 : 0);
          return FALSE;
        }
      return TRUE;
    }
  return tl_library_check_time_range (source, spec->in, spec->out, error);
}

/* Inserts one checked clip with its topics, inside an open edit. */
static gint64
insert_clip (TlLibrary *self, const TlClipSpec *spec, TlSource *source, GArray *topic_ids, GError **error)
{
  TlStmt *stmt;
  gboolean by_paragraph = source->kind == TL_SOURCE_KIND_ARTICLE || source->timing == TL_TIMING_NONE;
  gint64 clip_id, now = g_get_real_time ();

  stmt = tl_library_prepare (self,
    "INSERT INTO clip (source_id, in_us, out_us, first_segment, last_segment, title, note, rating,"
    " position, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT ifnull(max(position), 0) + 1 FROM clip), ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, spec->source_id);
  if (by_paragraph)
    {
      sqlite3_bind_int (stmt, 4, spec->first_segment);
      sqlite3_bind_int (stmt, 5, spec->last_segment);
    }
  else
    {
      sqlite3_bind_int64 (stmt, 2, spec->in);
      sqlite3_bind_int64 (stmt, 3, source->duration > 0 ? MIN (spec->out, source->duration) : spec->out);
    }
  tl_stmt_bind_text_or_null (stmt, 6, spec->title);
  tl_stmt_bind_text_or_null (stmt, 7, spec->note);
  sqlite3_bind_int (stmt, 8, spec->rating);
  sqlite3_bind_int64 (stmt, 9, now);
  sqlite3_bind_int64 (stmt, 10, now);
  if (!STEP_DONE (stmt))
    {
      tl_library_fail (self, error);
      tl_stmt_release (stmt);
      return 0;
    }
  tl_stmt_release (stmt);
  clip_id = sqlite3_last_insert_rowid (self->db);

  stmt = tl_library_prepare (self, "INSERT OR IGNORE INTO clip_topic (clip_id, topic_id) VALUES (?, ?)", error);
  if (stmt == NULL)
    return 0;
  for (guint i = 0; i < topic_ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, clip_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (topic_ids, gint64, i));
      if (!STEP_DONE (stmt))
        {
          tl_library_fail (self, error);
          tl_stmt_release (stmt);
          return 0;
        }
      sqlite3_reset (stmt);
    }
  tl_stmt_release (stmt);
  return clip_id;
}

/**
 * tl_library_add_clip:
 *
 * Stores a clip with its topics in one transaction. For sources without
 * times (articles, untimed transcripts) the clip is a paragraph range.
 *
 * Returns: the new clip's id, or 0 with @error set
 */
gint64
tl_library_add_clip (TlLibrary *self, const TlClipSpec *spec, GError **error)
{
  gint64 id = 0;

  g_return_val_if_fail (TL_IS_LIBRARY (self), 0);
  g_return_val_if_fail (spec != NULL, 0);
  return tl_library_add_clips (self, spec, 1, &id, error) ? id : 0;
}

/**
 * tl_library_add_clips:
 * @specs: (array length=n_specs): the clips
 * @ids: (out caller-allocates) (array length=n_specs) (optional): their new ids
 *
 * Stores several clips (each checked as by tl_library_add_clip()) in one
 * transaction and one undo step ("New Clips"): all of them, or, if one
 * cannot be stored, none.
 */
gboolean
tl_library_add_clips (TlLibrary *self, const TlClipSpec *specs, guint n_specs, gint64 *ids, GError **error)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) topic_ids = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (specs != NULL || n_specs == 0, FALSE);

  if (n_specs == 0)
    return TRUE;
  for (guint i = 0; i < n_specs; i++)
    {
      const TlClipSpec *spec = &specs[i];
      TlSource *source = tl_library_get_source (self, spec->source_id, error);
      GArray *topics = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_ptr_array_add (topic_ids, topics);
      if (source == NULL)
        return FALSE;
      g_ptr_array_add (sources, source);
      if (!check_clip_spec (self, spec, source, error))
        return FALSE;
      for (guint t = 0; spec->topics != NULL && spec->topics[t] != NULL; t++)
        {
          g_autoptr(TlTopic) topic = tl_library_find_topic (self, spec->topics[t], error);
          if (topic == NULL)
            return FALSE;
          g_array_append_val (topics, topic->id);
        }
    }

  if (!tl_library_edit_begin (self, n_specs == 1 ? N_("New Clip") : N_("New Clips"),
                              TL_LIBRARY_CHANGE_CLIPS | TL_LIBRARY_CHANGE_TOPICS, error))
    return FALSE;
  for (guint i = 0; i < n_specs; i++)
    {
      gint64 id = insert_clip (self, &specs[i], g_ptr_array_index (sources, i), g_ptr_array_index (topic_ids, i), error);
      if (id == 0)
        {
          tl_library_edit_rollback (self);
          return FALSE;
        }
      if (ids)
        ids[i] = id;
    }
  return tl_library_edit_commit (self, error);
}

#define CLIP_COLUMNS \
  "c.id, c.source_id, c.in_us, c.out_us, c.first_segment, c.last_segment, c.title, c.note," \
  " c.rating, c.created_at, c.updated_at," \
  " (SELECT group_concat(name, char(31)) FROM (SELECT t.name FROM clip_topic ct" \
  "   JOIN topic t ON t.id = ct.topic_id WHERE ct.clip_id = c.id ORDER BY t.position, t.id))," \
  " s.title" \
  " FROM clip c JOIN source s ON s.id = c.source_id"

static gpointer
clip_from_row (TlStmt *stmt, gpointer unused)
{
  TlClip *clip = g_object_new (TL_TYPE_CLIP, NULL);
  const char *topics = (const char *) sqlite3_column_text (stmt, 11);

  clip->id = sqlite3_column_int64 (stmt, 0);
  clip->source_id = sqlite3_column_int64 (stmt, 1);
  clip->in = tl_stmt_column_time (stmt, 2);
  clip->out = tl_stmt_column_time (stmt, 3);
  clip->first_segment = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 4);
  clip->last_segment = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 5);
  clip->title = tl_stmt_dup_text (stmt, 6);
  clip->note = tl_stmt_dup_text (stmt, 7);
  clip->rating = sqlite3_column_int (stmt, 8);
  clip->created = sqlite3_column_int64 (stmt, 9);
  clip->updated = sqlite3_column_int64 (stmt, 10);
  clip->topics = topics ? g_strsplit (topics, "\x1f", -1) : g_new0 (char *, 1);
  clip->source_title = tl_stmt_dup_text (stmt, 12);
  return clip;
}

TlClip *
tl_library_get_clip (TlLibrary *self, gint64 clip_id, GError **error)
{
  g_autoptr(TlStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  stmt = tl_library_prepare (self, "SELECT " CLIP_COLUMNS " WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, clip_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return clip_from_row (stmt, NULL);
  if (rc == SQLITE_DONE)
    not_found (error, "clip", clip_id);
  else
    tl_library_fail (self, error);
  return NULL;
}

/**
 * tl_library_list_clips:
 * @filter: (nullable): which clips, in which order; %NULL for all
 */
GPtrArray *
tl_library_list_clips (TlLibrary *self, const TlClipFilter *filter, GError **error)
{
  static const TlClipFilter all = { 0 };
  g_autoptr(GString) sql = g_string_new ("SELECT " CLIP_COLUMNS " WHERE s.deleted = 0");
  g_autofree char *match = NULL;
  g_auto(TlOwnedStmt) stmt = NULL;
  gint64 folder_id = 0;
  int n = 0;

  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  if (filter == NULL)
    filter = &all;

  if (filter->topics != NULL && filter->topics[0] != NULL)
    {
      g_string_append (sql, " AND EXISTS (SELECT 1 FROM clip_topic ct JOIN topic t ON t.id = ct.topic_id"
                            " WHERE ct.clip_id = c.id AND t.name IN (");
      for (guint i = 0; filter->topics[i] != NULL; i++)
        g_string_append (sql, i ? ", ?" : "?");
      g_string_append (sql, "))");
    }
  if (filter->n_source_ids > 0)
    {
      g_string_append (sql, " AND c.source_id IN (");
      for (guint i = 0; i < filter->n_source_ids; i++)
        g_string_append (sql, i ? ", ?" : "?");
      g_string_append (sql, ")");
    }
  if (filter->folder != NULL)
    {
      g_autoptr(GHashTable) paths = load_folder_paths (self, error);
      GHashTableIter iter;
      gpointer key, value;

      if (paths == NULL)
        return NULL;
      g_hash_table_iter_init (&iter, paths);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (g_strcmp0 (value, filter->folder) == 0)
          folder_id = *(gint64 *) key;
      if (folder_id == 0)
        {
          g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND,
                       _("No folder “%s” in this library"), filter->folder);
          return NULL;
        }
      g_string_append (sql, " AND s.folder_id IN (WITH RECURSIVE sub (id) AS (SELECT ?"
                            " UNION ALL SELECT f.id FROM folder f JOIN sub ON f.parent_id = sub.id)"
                            " SELECT id FROM sub)");
    }
  if (filter->min_rating > 0)
    g_string_append (sql, " AND c.rating >= ?");
  if (filter->query != NULL && *filter->query != '\0')
    {
      if ((match = tl_search_build_match (filter->query, error)) == NULL)
        return NULL;
      g_string_append (sql, " AND EXISTS (SELECT 1 FROM segment_fts JOIN segment g ON g.id = segment_fts.rowid"
                            " WHERE segment_fts MATCH ? AND g.transcript_id ="
                            " (SELECT max(id) FROM transcript WHERE source_id = c.source_id)"
                            " AND ((c.in_us IS NOT NULL AND g.start_us < c.out_us AND ifnull(g.end_us, g.start_us + 1) > c.in_us)"
                            "   OR (c.first_segment IS NOT NULL AND g.idx BETWEEN c.first_segment AND c.last_segment)))");
    }
  switch (filter->order)
    {
    case TL_CLIP_ORDER_TOPIC:
      g_string_append (sql, " ORDER BY (SELECT min(t.position) FROM clip_topic ct JOIN topic t ON t.id = ct.topic_id"
                            " WHERE ct.clip_id = c.id) NULLS LAST, s.position, s.id, ifnull(c.in_us, c.first_segment)");
      break;
    case TL_CLIP_ORDER_RATING:
      g_string_append (sql, " ORDER BY c.rating DESC, s.position, s.id, ifnull(c.in_us, c.first_segment)");
      break;
    case TL_CLIP_ORDER_CREATED:
      g_string_append (sql, " ORDER BY c.created_at, c.id");
      break;
    case TL_CLIP_ORDER_ARRANGED:
      g_string_append (sql, " ORDER BY c.position, c.id");
      break;
    case TL_CLIP_ORDER_SOURCE:
    default:
      g_string_append (sql, " ORDER BY s.position, s.id, ifnull(c.in_us, c.first_segment), c.id");
      break;
    }

  if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      tl_library_fail (self, error);
      return NULL;
    }
  for (guint i = 0; filter->topics != NULL && filter->topics[i] != NULL; i++)
    sqlite3_bind_text (stmt, ++n, filter->topics[i], -1, SQLITE_STATIC);
  for (guint i = 0; i < filter->n_source_ids; i++)
    sqlite3_bind_int64 (stmt, ++n, filter->source_ids[i]);
  if (folder_id)
    sqlite3_bind_int64 (stmt, ++n, folder_id);
  if (filter->min_rating > 0)
    sqlite3_bind_int (stmt, ++n, filter->min_rating);
  if (match)
    sqlite3_bind_text (stmt, ++n, match, -1, SQLITE_STATIC);
  return tl_library_collect (self, stmt, clip_from_row, NULL, g_object_unref, error);
}

/* The longest line of @source_id's transcript (µs), kept until its lines
 * may have changed (an edit here, or a commit by another process). */
static gboolean
longest_line (TlLibrary *self, gint64 source_id, gint64 *longest, GError **error)
{
  gint64 version = read_data_version (self);
  gint64 *cached;
  g_autoptr(TlStmt) stmt = NULL;

  if (version != self->longest_version)
    {
      g_hash_table_remove_all (self->longest_lines);
      self->longest_version = version;
    }
  if ((cached = g_hash_table_lookup (self->longest_lines, &source_id)) != NULL)
    {
      *longest = *cached;
      return TRUE;
    }
  stmt = tl_library_prepare (self,
    "SELECT ifnull(max(ifnull(end_us, start_us + 1) - start_us), 0) FROM segment"
    " WHERE transcript_id = " CURRENT_TRANSCRIPT " AND start_us IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return tl_library_fail (self, error);
  *longest = sqlite3_column_int64 (stmt, 0);
  g_hash_table_insert (self->longest_lines, g_memdup2 (&source_id, sizeof source_id),
                       g_memdup2 (longest, sizeof *longest));
  return TRUE;
}

typedef struct {
  int index;
  char *text;
} ClipLine;

static void
clip_line_clear (gpointer data)
{
  g_free (((ClipLine *) data)->text);
}

static int
compare_clip_lines (gconstpointer a, gconstpointer b)
{
  return ((const ClipLine *) a)->index - ((const ClipLine *) b)->index;
}

/* Adds the rows of @stmt (index, text) to @lines. */
static gboolean
read_clip_lines (TlLibrary *self, TlStmt *stmt, GArray *lines, GError **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClipLine line = { sqlite3_column_int (stmt, 0), tl_stmt_dup_text (stmt, 1) };
      g_array_append_val (lines, line);
    }
  return rc == SQLITE_DONE || tl_library_fail (self, error);
}

/* The words said in a clip: the text of the lines it covers, joined.
 * Timed clips take the lines overlapping [in, out): the time index finds
 * them, starting no earlier than in minus the source's longest line;
 * paragraph clips take their paragraphs by index. */
char *
tl_library_get_clip_text (TlLibrary *self, TlClip *clip, GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (ClipLine));

  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  g_array_set_clear_func (lines, clip_line_clear);
  if (clip->in != TL_TIME_NONE)
    {
      g_autoptr(TlStmt) stmt = NULL;
      gint64 longest;

      if (!longest_line (self, clip->source_id, &longest, error))
        return NULL;
      stmt = tl_library_prepare (self,
        "SELECT g.idx, g.text FROM segment g WHERE g.transcript_id = " CURRENT_TRANSCRIPT
        " AND g.start_us >= ?2 AND g.start_us < ?3 AND ifnull(g.end_us, g.start_us + 1) > ?4"
        " AND g.non_speech = 0", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, clip->source_id);
      sqlite3_bind_int64 (stmt, 2, clip->in - longest);
      sqlite3_bind_int64 (stmt, 3, clip->out);
      sqlite3_bind_int64 (stmt, 4, clip->in);
      if (!read_clip_lines (self, stmt, lines, error))
        return NULL;
    }
  if (clip->first_segment >= 0)
    {
      g_autoptr(TlStmt) stmt = tl_library_prepare (self,
        "SELECT g.idx, g.text FROM segment g WHERE g.transcript_id = " CURRENT_TRANSCRIPT
        " AND g.idx BETWEEN ?2 AND ?3 AND g.non_speech = 0", error);

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, clip->source_id);
      sqlite3_bind_int (stmt, 2, clip->first_segment);
      sqlite3_bind_int (stmt, 3, clip->last_segment);
      if (!read_clip_lines (self, stmt, lines, error))
        return NULL;
    }
  g_array_sort (lines, compare_clip_lines);
  for (guint i = 0; i < lines->len; i++)
    {
      ClipLine *line = &g_array_index (lines, ClipLine, i);

      /* a line both in the time range and among the paragraphs, once */
      if (i > 0 && line->index == g_array_index (lines, ClipLine, i - 1).index)
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, line->text ? line->text : "");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
