/* tl-sqlite-store.h: the embedded store: one SQLite file (WAL, FTS5,
 * migrations from schema/), for one editor. */
#pragma once

#include "tl-store.h"

G_BEGIN_DECLS

/* PRAGMA application_id, 'TGLN': tells our libraries from other programs'
 * SQLite files. */
#define TL_APPLICATION_ID 0x54474C4E

/* what file managers call an SQLite file */
#define TL_SQLITE_STORE_MIME_TYPE "application/vnd.sqlite3"

#define TL_TYPE_SQLITE_STORE (tl_sqlite_store_get_type ())
G_DECLARE_FINAL_TYPE (TlSqliteStore, tl_sqlite_store, TL, SQLITE_STORE, TlStore)

TlStore *tl_sqlite_store_open (const char *path, TlLibraryOpenFlags flags, GError **error);
gboolean tl_sqlite_store_check_file (const char *path, GPtrArray **problems, GError **error);

G_END_DECLS
