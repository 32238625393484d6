/* tl-sqlite-store-private.h: the SQLite handle, its statement cache and the
 * helpers the store's files share. */
#pragma once

#include <sqlite3.h>

#include "tl-model-private.h"
#include "tl-sqlite-store.h"

G_BEGIN_DECLS

typedef sqlite3_stmt TlStmt;

struct _TlSqliteStore {
  TlStore parent_instance;
  char *path;
  char *real_path;        /* symbolic links resolved: where SQLite keeps -wal and -shm */
  sqlite3 *db;
  gboolean read_only;
  TlLibraryOpenFlags flags;
  char *read_only_reason; /* why edits are refused, for people */
  gboolean immutable;     /* read without locks: no program had it open (tl-sqlite-store-open.c) */
  gint64 file_size;       /* the file as an immutable connection found it */
  gint64 file_mtime;
  gboolean undo_installed; /* the undo triggers, made by the first edit */
  GHashTable *statements; /* static SQL text -> prepared statement */
  int schema_version;
  gint64 data_version;    /* PRAGMA data_version when last checked */
  gint64 edit_step;       /* the undo step being recorded, 0 when none */
  GSource *watch;            /* looks at data_version, on the user's main context */
  GThread *watch_thread;     /* the thread that uses the store */
};

TlStmt *tl_sqlite_store_prepare (TlSqliteStore *self, const char *sql, GError **error);
gboolean tl_sqlite_store_fail (TlSqliteStore *self, GError **error);
gboolean tl_sqlite_store_exec (TlSqliteStore *self, const char *sql, GError **error);
gboolean tl_sqlite_store_read_int (TlSqliteStore *self, const char *sql, int *value, GError **error);
gboolean tl_sqlite_store_check_writable (TlSqliteStore *self, GError **error);
gboolean tl_sqlite_store_begin (TlSqliteStore *self, GError **error);
gboolean tl_sqlite_store_commit (TlSqliteStore *self, GError **error);
void tl_sqlite_store_rollback (TlSqliteStore *self);
gint64 tl_sqlite_store_read_data_version (TlSqliteStore *self);
char *tl_stmt_dup_text (TlStmt *stmt, int column);
gboolean tl_sqlite_store_migrate (TlSqliteStore *self, GError **error);
void tl_sqlite_store_set_damaged_error (TlSqliteStore *self, GError **error);
void tl_sqlite_store_set_newer_error (TlSqliteStore *self, int version, GError **error);
gboolean tl_sqlite_store_reopen_if_moved_on (TlSqliteStore *self);
/* Imports that did not finish (tl-sqlite-pending.c) */
gboolean tl_sqlite_store_remove_import (TlSqliteStore *self, gint64 source_id, GError **error);
gboolean tl_sqlite_store_remove_stopped_imports (TlSqliteStore *self, GError **error);
GHashTable *tl_sqlite_store_load_folder_paths (TlSqliteStore *self, GError **error);
typedef gpointer (*TlRowFunc) (TlStmt *stmt, gpointer data);
GPtrArray *tl_sqlite_store_collect (TlSqliteStore *self, TlStmt *stmt, TlRowFunc from_row, gpointer data,
                                    GDestroyNotify free_func, GError **error);

typedef enum {
  RUN_NONE,
  RUN_TEXT,
  RUN_INT,
} TlRunArg;
gboolean tl_sqlite_store_run (TlSqliteStore *self, const char *sql, int entity, gint64 id, TlRunArg arg,
                              const char *text, gint64 number, GError **error);

/* The handle itself, for tests that look at the file as SQL (tests/core/store/). */
sqlite3 *tl_sqlite_store_get_db (TlSqliteStore *self);

/* the vfuncs, by file */
/* tl-sqlite-undo.c */
gboolean tl_sqlite_store_edit_begin (TlStore *store, const char *label, GError **error);
gboolean tl_sqlite_store_edit_commit (TlStore *store, GError **error);
void tl_sqlite_store_edit_rollback (TlStore *store);
char *tl_sqlite_store_get_step_label (TlStore *store, gboolean redo);
gboolean tl_sqlite_store_replay (TlStore *store, gboolean undo, char **label, GError **error);
/* tl-sqlite-sources.c */
gint64 tl_sqlite_store_add_document (TlStore *store, TlDocument *doc, const TlImportOptions *options, gint64 folder_id,
                                     GError **error);
gint64 tl_sqlite_store_ensure_folder (TlStore *store, const char *path, GError **error);
GPtrArray *tl_sqlite_store_list_sources (TlStore *store, GError **error);
TlSource *tl_sqlite_store_get_source (TlStore *store, gint64 source_id, GError **error);
GPtrArray *tl_sqlite_store_get_segments (TlStore *store, gint64 source_id, gint64 in, gint64 out, GError **error);
GPtrArray *tl_sqlite_store_get_chapters (TlStore *store, gint64 source_id, GError **error);
gboolean tl_sqlite_store_set_segment_times (TlStore *store, gint64 source_id, TlTiming timing,
                                            const TlSegmentTiming *times, guint n_times, GError **error);
gboolean tl_sqlite_store_set_media (TlStore *store, gint64 source_id, const TlMediaInfo *media, GError **error);
gboolean tl_sqlite_store_update_source (TlStore *store, gint64 source_id, TlStoreChange change, const char *text,
                                        gint64 a, GError **error);
gboolean tl_sqlite_store_load_waveform (TlStore *store, gint64 source_id, const char *media_path, gint64 size,
                                        gint64 mtime, guint *peaks_per_second, GBytes **peaks, GError **error);
gboolean tl_sqlite_store_save_waveform (TlStore *store, gint64 source_id, const char *media_path, gint64 size,
                                        gint64 mtime, guint peaks_per_second, GBytes *peaks, GError **error);
/* tl-sqlite-clips.c */
GPtrArray *tl_sqlite_store_list_topics (TlStore *store, GError **error);
TlTopic *tl_sqlite_store_get_topic (TlStore *store, gint64 topic_id, GError **error);
TlTopic *tl_sqlite_store_find_topic (TlStore *store, const char *name, GError **error);
gint64 tl_sqlite_store_insert_topic (TlStore *store, const char *name, guint key, const char *color, guint position,
                                     GError **error);
gboolean tl_sqlite_store_update_topic (TlStore *store, gint64 topic_id, TlStoreChange change, const char *text,
                                       gint64 a, GError **error);
gint64 tl_sqlite_store_insert_clip (TlStore *store, const TlClipSpec *spec, TlSource *source, GArray *topic_ids,
                                    GError **error);
TlClip *tl_sqlite_store_get_clip (TlStore *store, gint64 clip_id, GError **error);
GPtrArray *tl_sqlite_store_list_clips (TlStore *store, const TlClipFilter *filter, GError **error);
gboolean tl_sqlite_store_update_clip (TlStore *store, gint64 clip_id, TlStoreChange change, const char *text,
                                      gint64 a, gint64 b, GError **error);
GPtrArray *tl_sqlite_store_list_folders (TlStore *store, GError **error);
gint64 tl_sqlite_store_insert_folder (TlStore *store, gint64 parent_id, const char *name, GError **error);
gboolean tl_sqlite_store_folder_is_within (TlStore *store, gint64 folder_id, gint64 other_id, gboolean *within,
                                           GError **error);
gboolean tl_sqlite_store_update_folder (TlStore *store, gint64 folder_id, TlStoreChange change, const char *text,
                                        gint64 a, GError **error);
/* tl-sqlite-search.c */
TlSearchResults *tl_sqlite_store_search (TlStore *store, const char *query, guint limit, guint offset,
                                         const char *mark_open, const char *mark_close, GError **error);
gboolean tl_sqlite_store_foreach_line (TlStore *store, const gint64 *source_ids, guint n_source_ids,
                                       TlStoreLineFunc func, gpointer data, GError **error);

#define CURRENT_TRANSCRIPT "(SELECT max(id) FROM transcript WHERE source_id = ?)"
#define STEP_DONE(stmt) (sqlite3_step (stmt) == SQLITE_DONE)

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

typedef sqlite3_stmt *TlOwnedStmt;
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (TlOwnedStmt, sqlite3_finalize, NULL)

G_END_DECLS
