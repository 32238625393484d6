/* tl-sqlite-search.c: reading text in SQLite: full-text search (FTS5),
 * the words a clip holds, and the lines exports gather in one query. */
#include "tl-sqlite-store-private.h"

#include "tl-search.h"

/* The longest line of @source_id's transcript (µs), kept until its lines
 * may have changed (an edit here, or a commit by another process). */
static gboolean
longest_line (TlSqliteStore *self, gint64 source_id, gint64 *longest, GError **error)
{
  gint64 version = tl_sqlite_store_read_data_version (self);
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
  stmt = tl_sqlite_store_prepare (self,
    "SELECT ifnull(max(ifnull(end_us, start_us + 1) - start_us), 0) FROM segment"
    " WHERE transcript_id = " CURRENT_TRANSCRIPT " AND start_us IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return tl_sqlite_store_fail (self, error);
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
read_clip_lines (TlSqliteStore *self, TlStmt *stmt, GArray *lines, GError **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClipLine line = { sqlite3_column_int (stmt, 0), tl_stmt_dup_text (stmt, 1) };
      g_array_append_val (lines, line);
    }
  return rc == SQLITE_DONE || tl_sqlite_store_fail (self, error);
}

/* The words said in a clip: the text of the lines it covers, joined.
 * Timed clips take the lines overlapping [in, out): the time index finds
 * them, starting no earlier than in minus the source's longest line;
 * paragraph clips take their paragraphs by index. */
char *
tl_sqlite_store_get_clip_text (TlStore *store, TlClip *clip, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (ClipLine));

  g_array_set_clear_func (lines, clip_line_clear);
  if (clip->in != TL_TIME_NONE)
    {
      g_autoptr(TlStmt) stmt = NULL;
      gint64 longest;

      if (!longest_line (self, clip->source_id, &longest, error))
        return NULL;
      stmt = tl_sqlite_store_prepare (self,
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
      g_autoptr(TlStmt) stmt = tl_sqlite_store_prepare (self,
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
