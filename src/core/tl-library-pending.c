/* tl-library-pending.c: the leftovers of imports that did not finish. A
 * long import writes its source hidden (deleted = 2) in short transactions
 * (tl_library_add_document); these remove what one that failed, or whose
 * program was killed, left behind. A source being removed is marked first
 * (deleted = 3), so that an import still writing it stops at its next
 * transaction instead of showing it half-removed. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-library-private.h"

/* Lines removed per transaction: each one also leaves the full-text index. */
#define REMOVE_CHUNK 2000

/* A hidden source not written to for this long belongs to an import that
 * stopped: a running one touches its source with every transaction. */
#define STOPPED_AFTER_USEC (10 * G_USEC_PER_SEC)

/* Removes a few lines of hidden source @source_id, or, when none is left,
 * the source itself; *@done says which. */
static gboolean
remove_some (TlLibrary *self, gint64 source_id, gboolean *done, GError **error)
{
  g_autoptr(TlStmt) lines = NULL;
  g_autoptr(TlStmt) source = NULL;

  lines = tl_library_prepare (self,
    "DELETE FROM segment WHERE id IN (SELECT g.id FROM segment g JOIN transcript t ON t.id = g.transcript_id"
    " JOIN source s ON s.id = t.source_id WHERE s.id = ?1 AND s.deleted = 3 LIMIT ?2)", error);
  if (lines == NULL)
    return FALSE;
  sqlite3_bind_int64 (lines, 1, source_id);
  sqlite3_bind_int (lines, 2, REMOVE_CHUNK);
  if (sqlite3_step (lines) != SQLITE_DONE)
    return tl_library_fail (self, error);
  if (sqlite3_changes (self->db) > 0)
    {
      *done = FALSE;
      return TRUE;
    }
  source = tl_library_prepare (self, "DELETE FROM source WHERE id = ? AND deleted = 3", error);
  if (source == NULL)
    return FALSE;
  sqlite3_bind_int64 (source, 1, source_id);
  if (sqlite3_step (source) != SQLITE_DONE)
    return tl_library_fail (self, error);
  *done = TRUE;
  return TRUE;
}

/**
 * tl_library_remove_import:
 *
 * Removes the hidden source of an import that did not finish, a part at a
 * time so that other writers are not kept waiting. A source that is shown
 * is left alone.
 */
gboolean
tl_library_remove_import (TlLibrary *self, gint64 source_id, GError **error)
{
  g_autoptr(TlStmt) mark = NULL;
  gboolean done = FALSE;

  if (source_id == 0)
    return TRUE;
  if ((mark = tl_library_prepare (self, "UPDATE source SET deleted = 3 WHERE id = ? AND deleted = 2", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (mark, 1, source_id);
  if (sqlite3_step (mark) != SQLITE_DONE)
    return tl_library_fail (self, error);
  g_clear_pointer (&mark, tl_stmt_release);
  while (!done)
    {
      if (!tl_library_begin (self, error))
        return FALSE;
      if (!remove_some (self, source_id, &done, error) || !tl_library_commit (self, error))
        {
          tl_library_rollback (self);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * tl_library_remove_stopped_imports:
 *
 * Removes what imports that stopped half-way left (their program was
 * killed, or the machine stopped). Run when a library is opened to write.
 */
gboolean
tl_library_remove_stopped_imports (TlLibrary *self, GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(TlStmt) stmt = tl_library_prepare (self,
    "SELECT id FROM source WHERE (deleted = 2 AND updated_at < ?) OR deleted = 3", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g_get_real_time () - STOPPED_AFTER_USEC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_array_append_val (ids, ((gint64) { sqlite3_column_int64 (stmt, 0) }));
  if (rc != SQLITE_DONE)
    return tl_library_fail (self, error);
  g_clear_pointer (&stmt, tl_stmt_release);
  for (guint i = 0; i < ids->len; i++)
    if (!tl_library_remove_import (self, g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
}
