/* tl-library-private.h: the SQLite handle and statement cache, for the core
 * units that run their own queries (search, export). */
#pragma once

#include <sqlite3.h>

#include "tl-library.h"
#include "tl-model-private.h"

G_BEGIN_DECLS

typedef sqlite3_stmt TlStmt;

/* PRAGMA application_id, 'TGLN': tells our libraries from other programs'
 * SQLite files. */
#define TL_APPLICATION_ID 0x54474C4E

struct _TlLibrary {
  GObject parent_instance;
  char *path;
  char *real_path;        /* symbolic links resolved: where SQLite keeps -wal and -shm */
  sqlite3 *db;
  gboolean read_only;
  char *read_only_reason; /* why edits are refused, for people */
  gboolean immutable;     /* read without locks: no program had it open (tl-library-open.c) */
  gint64 file_size;       /* the file as an immutable connection found it */
  gint64 file_mtime;
  gboolean undo_installed; /* the undo triggers, made by the first edit */
  GHashTable *statements; /* static SQL text -> prepared statement */
  int schema_version;
  gint64 data_version;    /* PRAGMA data_version when last checked */
  gint64 edit_step;       /* the undo step being recorded, 0 when none */
  TlLibraryChange edit_changes;
  GHashTable *longest_lines; /* source id -> its longest line (µs), for clip texts */
  gint64 longest_version;    /* PRAGMA data_version they were read at */
};

sqlite3 *tl_library_get_db (TlLibrary *self);
TlStmt *tl_library_prepare (TlLibrary *self, const char *sql, GError **error);
gboolean tl_library_fail (TlLibrary *self, GError **error);
gboolean tl_library_exec (TlLibrary *self, const char *sql, GError **error);
gboolean tl_library_check_writable (TlLibrary *self, GError **error);
gboolean tl_library_begin (TlLibrary *self, GError **error);
gboolean tl_library_commit (TlLibrary *self, GError **error);
void tl_library_rollback (TlLibrary *self);
char *tl_stmt_dup_text (TlStmt *stmt, int column);
void tl_library_emit_changed (TlLibrary *self, TlLibraryChange what);
gboolean tl_library_migrate (TlLibrary *self, GError **error);
void tl_library_set_damaged_error (TlLibrary *self, GError **error);
void tl_library_set_newer_error (TlLibrary *self, int version, GError **error);
gboolean tl_library_reopen_if_moved_on (TlLibrary *self);

/* Imports that did not finish (tl-library-pending.c) */
gboolean tl_library_remove_import (TlLibrary *self, gint64 source_id, GError **error);
gboolean tl_library_remove_stopped_imports (TlLibrary *self, GError **error);

/* Edits: one transaction and one undo step each (tl-library-undo.c). */
gboolean tl_library_undo_install (TlLibrary *self, GError **error);
gboolean tl_library_edit_begin (TlLibrary *self, const char *label, TlLibraryChange what, GError **error);
gboolean tl_library_edit_commit (TlLibrary *self, GError **error);
void tl_library_edit_rollback (TlLibrary *self);
typedef gpointer (*TlRowFunc) (TlStmt *stmt, gpointer data);
GPtrArray *tl_library_collect (TlLibrary *self, TlStmt *stmt, TlRowFunc from_row, gpointer data,
                               GDestroyNotify free_func, GError **error);
gboolean tl_library_check_time_range (TlSource *source, gint64 in, gint64 out, GError **error);

static inline void
tl_stmt_bind_text_or_null (TlStmt *stmt, int i, const char *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, i, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, i);
}

static inline void
tl_stmt_bind_time (TlStmt *stmt, int i, gint64 usec)
{
  if (usec < 0)
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_int64 (stmt, i, usec);
}

static inline gint64
tl_stmt_column_time (TlStmt *stmt, int i)
{
  if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
    return -1;
  return sqlite3_column_int64 (stmt, i);
}

/* Cached statements are reset, not finalized, when they go out of scope. */
static inline void
tl_stmt_release (TlStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlStmt, tl_stmt_release)

G_END_DECLS
