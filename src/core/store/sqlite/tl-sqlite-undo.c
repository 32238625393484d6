/* tl-sqlite-undo.c: undo and redo that survive restarts. Temporary
 * triggers, made on each connection from the tables' own columns, write
 * the SQL that reverses every change of an edit into undo_log. Undoing a
 * step runs its statements backwards; the triggers record what reverses
 * them in turn, and that is the step's redo. */
#include "tl-sqlite-store-private.h"

#include <glib/gi18n-lib.h>

/* The tables whose changes the editor can undo, and which changes.
 * Sources and segments are created by imports (not undoable) and deleted
 * softly, so only their updates are recorded. */
static const struct {
  const char *table;
  gboolean insert, update, delete;
} tracked[] = {
  { "folder", TRUE, TRUE, TRUE },
  { "source", FALSE, TRUE, FALSE },
  { "topic", TRUE, TRUE, TRUE },
  { "clip", TRUE, TRUE, TRUE },
  { "clip_topic", TRUE, FALSE, TRUE },
  { "segment", FALSE, TRUE, FALSE },
  { "transcript", FALSE, TRUE, FALSE },
  { "media", TRUE, TRUE, TRUE },
};

/* Steps kept; older ones are forgotten. */
#define MAX_STEPS 1000

static gboolean
exec_sql (TlSqliteStore *self, const char *sql, GError **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return tl_sqlite_store_fail (self, error);
  return TRUE;
}

/* "'WHERE id=' || quote(old.id)" for @row ("old" or "new"): the key of a
 * row, its primary key columns (every tracked table has one). */
static void
append_key (GString *sql, GPtrArray *keys, const char *row)
{
  for (guint i = 0; i < keys->len; i++)
    g_string_append_printf (sql, " || '%s%s=' || quote(%s.%s)", i ? " AND " : " WHERE ",
                            (char *) g_ptr_array_index (keys, i), row, (char *) g_ptr_array_index (keys, i));
}

static gboolean
install_table (TlSqliteStore *self, const char *table, gboolean on_insert, gboolean on_update,
               gboolean on_delete, GError **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *info = g_strdup_printf ("PRAGMA main.table_info(%s)", table);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  const char *head = "INSERT INTO undo_log (step_id, sql) VALUES ((SELECT step FROM temp.undo_state), ";
  const char *when = "WHEN (SELECT step FROM temp.undo_state) > 0";

  if (sqlite3_prepare_v2 (self->db, info, -1, &stmt, NULL) != SQLITE_OK)
    return tl_sqlite_store_fail (self, error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      if (sqlite3_column_int (stmt, 5) > 0)
        g_ptr_array_add (keys, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  g_assert (keys->len > 0);

  if (on_insert)
    {
      g_string_append_printf (sql, "CREATE TEMP TRIGGER IF NOT EXISTS undo_%s_insert AFTER INSERT ON main.%s %s BEGIN %s"
                                   "'DELETE FROM %s'", table, table, when, head, table);
      append_key (sql, keys, "new");
      g_string_append (sql, "); END;");
    }
  if (on_update)
    {
      g_string_append_printf (sql, "CREATE TEMP TRIGGER IF NOT EXISTS undo_%s_update AFTER UPDATE ON main.%s %s BEGIN %s"
                                   "'UPDATE %s SET '", table, table, when, head, table);
      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (sql, " || '%s%s=' || quote(old.%s)", i ? "," : "",
                                (char *) g_ptr_array_index (columns, i), (char *) g_ptr_array_index (columns, i));
      append_key (sql, keys, "old");
      g_string_append (sql, "); END;");
    }
  if (on_delete)
    {
      g_string_append_printf (sql, "CREATE TEMP TRIGGER IF NOT EXISTS undo_%s_delete AFTER DELETE ON main.%s %s BEGIN %s"
                                   "'INSERT INTO %s (", table, table, when, head, table);
      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (sql, "%s%s", i ? "," : "", (char *) g_ptr_array_index (columns, i));
      g_string_append (sql, ") VALUES ('");
      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (sql, " || %squote(old.%s)", i ? "',' || " : "", (char *) g_ptr_array_index (columns, i));
      g_string_append (sql, " || ')'); END;");
    }
  return exec_sql (self, sql->str, error);
}

/* Called before the first edit of a connection: temporary triggers belong
 * to one connection, and one that only reads needs none. */
gboolean
tl_sqlite_store_undo_install (TlSqliteStore *self, GError **error)
{
  if (self->undo_installed)
    return TRUE;
  if (!tl_sqlite_store_check_writable (self, error))
    return FALSE;
  if (!exec_sql (self, "CREATE TEMP TABLE IF NOT EXISTS undo_state (step INTEGER NOT NULL);"
                       "DELETE FROM temp.undo_state; INSERT INTO temp.undo_state VALUES (0)", error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (tracked); i++)
    if (!install_table (self, tracked[i].table, tracked[i].insert, tracked[i].update, tracked[i].delete, error))
      return FALSE;
  self->undo_installed = TRUE;
  return TRUE;
}

static gboolean
set_recording (TlSqliteStore *self, gint64 step, GError **error)
{
  g_autoptr(TlStmt) stmt = tl_sqlite_store_prepare (self, "UPDATE temp.undo_state SET step = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, step);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return tl_sqlite_store_fail (self, error);
  self->edit_step = step;
  return TRUE;
}

/* Starts one undoable edit: a write transaction in which every change of
 * the tracked tables is recorded. An edit forgets what could be redone. */
gboolean
tl_sqlite_store_edit_begin (TlStore *store, const char *label, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  TlStmt *stmt;

  g_return_val_if_fail (self->edit_step == 0, FALSE);
  if (!tl_sqlite_store_undo_install (self, error) || !tl_sqlite_store_begin (self, error))
    return FALSE;
  if (!exec_sql (self, "DELETE FROM undo_step WHERE undone = 1", error))
    goto fail;
  stmt = tl_sqlite_store_prepare (self, "INSERT INTO undo_step (label, created_at) VALUES (?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, label, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      tl_stmt_release (stmt);
      tl_sqlite_store_fail (self, error);
      goto fail;
    }
  tl_stmt_release (stmt);
  if (!set_recording (self, sqlite3_last_insert_rowid (self->db), error))
    goto fail;
  return TRUE;

fail:
  tl_sqlite_store_edit_rollback (store);
  return FALSE;
}

gboolean
tl_sqlite_store_edit_commit (TlStore *store, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  g_autoptr(TlStmt) stmt = NULL;
  gint64 step = self->edit_step;

  g_return_val_if_fail (step > 0, FALSE);
  if (!set_recording (self, 0, error))
    goto fail;
  /* an edit that changed nothing leaves nothing to undo */
  stmt = tl_sqlite_store_prepare (self, "DELETE FROM undo_step WHERE id = ?1"
                                   " AND NOT EXISTS (SELECT 1 FROM undo_log WHERE step_id = ?1)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, step);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      tl_sqlite_store_fail (self, error);
      goto fail;
    }
  if (!exec_sql (self, "DELETE FROM undo_step WHERE id <= (SELECT id FROM undo_step ORDER BY id DESC"
                       " LIMIT 1 OFFSET " G_STRINGIFY (MAX_STEPS) ")", error))
    goto fail;
  self->edit_step = 0;
  if (!tl_sqlite_store_commit (self, error))
    return FALSE;
  return TRUE;

fail:
  tl_sqlite_store_edit_rollback (store);
  return FALSE;
}

void
tl_sqlite_store_edit_rollback (TlStore *store)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);

  /* the temporary state rolls back with the transaction */
  tl_sqlite_store_rollback (self);
  self->edit_step = 0;
}

/* The label of the step undo (or redo) would take, or NULL. */
static char *
step_label (TlSqliteStore *self, gboolean undone, gint64 *id)
{
  TlStmt *stmt = tl_sqlite_store_prepare (self, undone
                                     ? "SELECT id, label FROM undo_step WHERE undone = 1 ORDER BY id LIMIT 1"
                                     : "SELECT id, label FROM undo_step WHERE undone = 0 ORDER BY id DESC LIMIT 1",
                                     NULL);
  char *label = NULL;

  if (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (id)
        *id = sqlite3_column_int64 (stmt, 0);
      /* stored untranslated, so that the window and tagline-cli in other
       * languages share the library: the library translates it as it is read */
      label = tl_stmt_dup_text (stmt, 1);
    }
  if (stmt)
    tl_stmt_release (stmt);
  return label;
}

char *
tl_sqlite_store_get_step_label (TlStore *store, gboolean redo)
{
  return step_label (TL_SQLITE_STORE (store), redo, NULL);
}

/* Runs a step's statements backwards, recording their reversal in their
 * place, and flips the step between done and undone. */
gboolean
tl_sqlite_store_replay (TlStore *store, gboolean undo, char **label_out, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *label = NULL;
  TlStmt *stmt;
  gint64 step = 0, last_seq = 0;
  int rc;

  if (!tl_sqlite_store_undo_install (self, error) || !tl_sqlite_store_begin (self, error))
    return FALSE;
  label = step_label (self, !undo, &step);
  if (label == NULL)
    {
      tl_sqlite_store_rollback (self);
      return FALSE; /* nothing to undo or redo: not an error */
    }

  stmt = tl_sqlite_store_prepare (self, "SELECT seq, sql FROM undo_log WHERE step_id = ? ORDER BY seq DESC", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, step);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      last_seq = MAX (last_seq, sqlite3_column_int64 (stmt, 0));
      g_ptr_array_add (statements, tl_stmt_dup_text (stmt, 1));
    }
  tl_stmt_release (stmt);
  if (rc != SQLITE_DONE)
    {
      tl_sqlite_store_fail (self, error);
      goto fail;
    }

  /* rows come back in reverse order: a clip's topics before the topic */
  if (!exec_sql (self, "PRAGMA defer_foreign_keys = ON", error) || !set_recording (self, step, error))
    goto fail;
  for (guint i = 0; i < statements->len; i++)
    if (!exec_sql (self, g_ptr_array_index (statements, i), error))
      {
        g_prefix_error (error, undo ? _("Cannot undo “%s”: ") : _("Cannot redo “%s”: "),
                        g_dgettext (GETTEXT_PACKAGE, label));
        goto fail;
      }
  if (!set_recording (self, 0, error))
    goto fail;

  stmt = tl_sqlite_store_prepare (self, "DELETE FROM undo_log WHERE step_id = ? AND seq <= ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, step);
  sqlite3_bind_int64 (stmt, 2, last_seq);
  rc = sqlite3_step (stmt);
  tl_stmt_release (stmt);
  if (rc != SQLITE_DONE)
    {
      tl_sqlite_store_fail (self, error);
      goto fail;
    }
  stmt = tl_sqlite_store_prepare (self, "UPDATE undo_step SET undone = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, undo);
  sqlite3_bind_int64 (stmt, 2, step);
  rc = sqlite3_step (stmt);
  tl_stmt_release (stmt);
  if (rc != SQLITE_DONE)
    {
      tl_sqlite_store_fail (self, error);
      goto fail;
    }
  self->edit_step = 0;
  if (!tl_sqlite_store_commit (self, error))
    return FALSE;
  if (label_out)
    *label_out = g_steal_pointer (&label);
  return TRUE;

fail:
  tl_sqlite_store_edit_rollback (store);
  return FALSE;
}
