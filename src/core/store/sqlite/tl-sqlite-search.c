/* tl-sqlite-search.c: reading text in SQLite: full-text search (FTS5)
 * and the lines that exports and clip lists gather in one query. */
#include "tl-sqlite-store-private.h"

#include "tl-search.h"

static gpointer
hit_from_row (TlStmt *stmt, gpointer unused)
{
  TlSearchHit *hit = g_new0 (TlSearchHit, 1);

  hit->source_id = sqlite3_column_int64 (stmt, 0);
  hit->segment_id = sqlite3_column_int64 (stmt, 1);
  hit->segment_index = sqlite3_column_int (stmt, 2);
  hit->start = tl_stmt_column_time (stmt, 3);
  hit->end = tl_stmt_column_time (stmt, 4);
  hit->text = tl_stmt_dup_text (stmt, 5);
  hit->snippet = tl_stmt_dup_text (stmt, 6);
  return hit;
}

/* Whether an import is being written now: its hidden source's lines are in
 * the index. The source table is small: this costs little. */
static gboolean
importing (TlSqliteStore *self)
{
  g_autoptr(TlStmt) stmt = tl_sqlite_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM source WHERE deleted >= 2)",
                                                    NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
}

static TlSearchResults *
search (TlSqliteStore *self, const char *match, guint limit, guint offset, const char *mark_open,
        const char *mark_close, GError **error)
{
  g_autoptr(TlSearchResults) results = g_new0 (TlSearchResults, 1);
  TlStmt *stmt;
  int rc;

  /* The lines of an import still being written are in the index already,
   * but not yet to be found (tl_sqlite_store_add_document) */
  stmt = tl_sqlite_store_prepare (self,
    importing (self) ? "SELECT count(*) FROM segment_fts JOIN segment g ON g.id = segment_fts.rowid"
                       " JOIN transcript t ON t.id = g.transcript_id JOIN source s ON s.id = t.source_id"
                       " WHERE segment_fts MATCH ? AND s.deleted = 0"
                     : "SELECT count(*) FROM segment_fts WHERE segment_fts MATCH ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    results->total = sqlite3_column_int (stmt, 0);
  tl_stmt_release (stmt);
  if (rc != SQLITE_ROW)
    {
      tl_sqlite_store_fail (self, error);
      return NULL;
    }
  stmt = tl_sqlite_store_prepare (self,
    "SELECT t.source_id, g.id, g.idx, g.start_us, g.end_us, g.text,"
    " snippet(segment_fts, 0, ?1, ?2, '…', 24)"
    " FROM segment_fts JOIN segment g ON g.id = segment_fts.rowid"
    " JOIN transcript t ON t.id = g.transcript_id JOIN source s ON s.id = t.source_id"
    " WHERE segment_fts MATCH ?3 AND s.deleted = 0 ORDER BY segment_fts.rowid LIMIT ?4 OFFSET ?5", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, mark_open ? mark_open : "[", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, mark_close ? mark_close : "]", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, match, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, limit);
  sqlite3_bind_int (stmt, 5, offset);
  results->hits = tl_sqlite_store_collect (self, stmt, hit_from_row, NULL, (GDestroyNotify) tl_search_hit_free, error);
  tl_stmt_release (stmt);
  if (results->hits == NULL)
    return NULL;
  return g_steal_pointer (&results);
}

/* Lines matching @query (tl_search()), in library order. */
TlSearchResults *
tl_sqlite_store_search (TlStore *store, const char *query, guint limit, guint offset, const char *mark_open,
                        const char *mark_close, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  g_autofree char *match = NULL;
  TlSearchResults *results;
  gboolean own_transaction;

  if ((match = tl_search_build_match (query, error)) == NULL)
    return NULL;
  /* the count and the hits from one snapshot of the library, even while
   * another program writes to it */
  own_transaction = sqlite3_get_autocommit (self->db) && tl_sqlite_store_exec (self, "BEGIN", error);
  results = search (self, match, limit, offset, mark_open, mark_close, error);
  if (own_transaction)
    sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  return results;
}

/* The lines of every source in @source_ids, in one query: one query per
 * clip took a second for 10,000 clips (bench/bench-export). Each source's
 * lines come together, in order; non-speech lines are left out. */
gboolean
tl_sqlite_store_foreach_line (TlStore *store, const gint64 *source_ids, guint n_source_ids, TlStoreLineFunc func,
                              gpointer data, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  g_autoptr(GString) ids = g_string_new ("[");
  g_autoptr(TlStmt) stmt = NULL;
  int rc;

  for (guint i = 0; i < n_source_ids; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? "," : "", source_ids[i]);
  g_string_append_c (ids, ']');

  stmt = tl_sqlite_store_prepare (self,
    "SELECT t.source_id, g.idx, g.start_us, g.end_us, g.text FROM segment g"
    " JOIN transcript t ON t.id = g.transcript_id"
    " WHERE g.transcript_id IN (SELECT max(id) FROM transcript"
    "   WHERE source_id IN (SELECT value FROM json_each(?)) GROUP BY source_id)"
    " AND g.non_speech = 0"
    " ORDER BY g.transcript_id, g.idx", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ids->str, ids->len, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TlStoreLine line;

      line.source_id = sqlite3_column_int64 (stmt, 0);
      line.index = sqlite3_column_int (stmt, 1);
      line.start = tl_stmt_column_time (stmt, 2);
      line.end = tl_stmt_column_time (stmt, 3);
      line.text = (const char *) sqlite3_column_text (stmt, 4);
      func (&line, data);
    }
  if (rc != SQLITE_DONE)
    return tl_sqlite_store_fail (self, error);
  return TRUE;
}
