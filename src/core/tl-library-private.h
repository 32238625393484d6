/* tl-library-private.h: the SQLite handle and statement cache, for the core
 * units that run their own queries (search, export). */
#pragma once

#include <sqlite3.h>

#include "tl-library.h"

G_BEGIN_DECLS

typedef sqlite3_stmt TlStmt;

sqlite3 *tl_library_get_db (TlLibrary *self);
TlStmt *tl_library_prepare (TlLibrary *self, const char *sql, GError **error);
gboolean tl_library_fail (TlLibrary *self, GError **error);
gboolean tl_library_begin (TlLibrary *self, GError **error);
gboolean tl_library_commit (TlLibrary *self, GError **error);
void tl_library_rollback (TlLibrary *self);
char *tl_stmt_dup_text (TlStmt *stmt, int column);

/* Cached statements are reset, not finalized, when they go out of scope. */
static inline void
tl_stmt_release (TlStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlStmt, tl_stmt_release)

G_END_DECLS
