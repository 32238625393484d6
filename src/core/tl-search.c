/* tl-search.c: what an editor types ("ammunition", "a phrase", prefix*)
 * turned into a safe FTS5 query, and the query run with snippets. */
#include "tl-search.h"
#include <glib/gi18n-lib.h>

#include <string.h>

#include "tl-library-private.h"

void
tl_search_hit_free (TlSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->text);
  g_free (hit->snippet);
  g_free (hit);
}

void
tl_search_results_free (TlSearchResults *results)
{
  if (results == NULL)
    return;
  g_clear_pointer (&results->hits, g_ptr_array_unref);
  g_free (results);
}

static void
append_quoted (GString *out, const char *text, gsize len)
{
  g_string_append_c (out, '"');
  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, text[i]);
    }
  g_string_append_c (out, '"');
}

/* One term of a query as the editor typed it. */
typedef struct {
  const char *start;
  gsize len;
  gboolean negate;
  gboolean prefix;
  gboolean or_before; /* "OR" stood between it and the term before */
} Term;

/* Reads the next term of the query at *@p (words, "quoted phrases",
 * prefix*, -word, OR); FALSE at the end. Terms of punctuation only are
 * skipped: they would match nothing and break the query. */
static gboolean
next_term (const char **p, Term *term)
{
  gboolean pending_or = FALSE;

  while (**p)
    {
      const char *start;
      gboolean negate = FALSE, prefix = FALSE, has_word = FALSE;
      gsize len;

      while (**p == ' ' || **p == '\t' || **p == '\n')
        (*p)++;
      if (**p == '\0')
        break;
      if (**p == '-' && (*p)[1] != '\0' && (*p)[1] != ' ')
        {
          negate = TRUE;
          (*p)++;
        }
      if (**p == '"')
        {
          const char *close = strchr (*p + 1, '"');
          start = *p + 1;
          len = close ? (gsize) (close - start) : strlen (start);
          *p = close ? close + 1 : start + len;
        }
      else
        {
          start = *p;
          while (**p && **p != ' ' && **p != '\t' && **p != '\n' && **p != '"')
            (*p)++;
          len = *p - start;
          if (len == 2 && strncmp (start, "OR", 2) == 0 && !negate)
            {
              pending_or = TRUE;
              continue;
            }
        }
      if (**p == '*')
        (*p)++, prefix = TRUE;
      while (len > 0 && start[len - 1] == '*')
        len--, prefix = TRUE;
      for (gsize i = 0; i < len; i++)
        if (g_ascii_isalnum (start[i]) || (guchar) start[i] >= 0x80)
          has_word = TRUE;
      if (!has_word)
        continue;
      *term = (Term) { start, len, negate, prefix, pending_or };
      return TRUE;
    }
  return FALSE;
}

/**
 * tl_search_build_match:
 * @query: words, "quoted phrases", prefix* terms, OR between terms and
 *   -word to leave lines with that word out
 *
 * Every term is quoted, so nothing a person types is read as FTS5 syntax
 * ("U.S.", "AT&T", "NEAR", a stray parenthesis).
 *
 * Returns: (transfer full): an FTS5 MATCH expression, or %NULL with @error
 *   set when the query holds no words
 */
char *
tl_search_build_match (const char *query, GError **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = query;
  gboolean any_positive = FALSE;
  Term term;

  while (next_term (&p, &term))
    {
      if (term.negate)
        {
          if (!any_positive)
            continue; /* FTS5's NOT needs something on its left */
          g_string_append (out, " NOT ");
        }
      else if (out->len > 0)
        g_string_append (out, term.or_before && any_positive ? " OR " : " AND ");
      append_quoted (out, term.start, term.len);
      if (term.prefix)
        g_string_append_c (out, '*');
      if (!term.negate)
        any_positive = TRUE;
    }

  if (!any_positive)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                   _("“%s” holds no words to search for"), query);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * tl_search_terms:
 * @query: a query as tl_search() takes it
 *
 * The words and phrases a line matching @query holds (the -words left
 * out), for marking them where the line is shown. A prefix term keeps
 * its trailing `*`.
 *
 * Returns: (transfer full): the terms, in the query's order; empty when
 *   it holds none
 */
char **
tl_search_terms (const char *query)
{
  g_autoptr(GStrvBuilder) terms = g_strv_builder_new ();
  const char *p = query ? query : "";
  Term term;

  while (next_term (&p, &term))
    if (!term.negate)
      {
        g_autofree char *text = g_strndup (term.start, term.len);
        g_autofree char *marked = term.prefix ? g_strconcat (text, "*", NULL) : NULL;

        g_strv_builder_add (terms, marked ? marked : text);
      }
  return g_strv_builder_end (terms);
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
importing (TlLibrary *library)
{
  g_autoptr(TlStmt) stmt = tl_library_prepare (library, "SELECT EXISTS (SELECT 1 FROM source WHERE deleted >= 2)",
                                               NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
}

/**
 * tl_search:
 * @limit: the most hits to return
 * @mark_open: (nullable): put before each matched word in snippets ("[" if NULL)
 * @mark_close: (nullable): put after it ("]" if NULL)
 *
 * Finds lines in every transcript of the library, in library order (by
 * source, then time): the order an editor reads them in.
 *
 * Returns: (transfer full): the total count and the hits asked for
 */
static TlSearchResults *search (TlLibrary *library, const char *match, guint limit, guint offset,
                                 const char *mark_open, const char *mark_close, GError **error);

TlSearchResults *
tl_search (TlLibrary *library, const char *query, guint limit, guint offset,
           const char *mark_open, const char *mark_close, GError **error)
{
  g_autofree char *match = NULL;
  TlSearchResults *results;
  gboolean own_transaction;

  g_return_val_if_fail (TL_IS_LIBRARY (library), NULL);
  if ((match = tl_search_build_match (query, error)) == NULL)
    return NULL;
  /* the count and the hits from one snapshot of the library, even while
   * another program writes to it */
  own_transaction = sqlite3_get_autocommit (tl_library_get_db (library))
                    && tl_library_exec (library, "BEGIN", error);
  results = search (library, match, limit, offset, mark_open, mark_close, error);
  if (own_transaction)
    sqlite3_exec (tl_library_get_db (library), "COMMIT", NULL, NULL, NULL);
  return results;
}

static TlSearchResults *
search (TlLibrary *library, const char *match, guint limit, guint offset,
        const char *mark_open, const char *mark_close, GError **error)
{
  g_autoptr(TlSearchResults) results = g_new0 (TlSearchResults, 1);
  TlStmt *stmt;
  int rc;

  /* The lines of an import still being written are in the index already,
   * but not yet to be found (tl_library_add_document) */
  stmt = tl_library_prepare (library,
    importing (library) ? "SELECT count(*) FROM segment_fts JOIN segment g ON g.id = segment_fts.rowid"
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
      tl_library_fail (library, error);
      return NULL;
    }

  stmt = tl_library_prepare (library,
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
  results->hits = tl_library_collect (library, stmt, hit_from_row, NULL, (GDestroyNotify) tl_search_hit_free, error);
  tl_stmt_release (stmt);
  if (results->hits == NULL)
    return NULL;
  return g_steal_pointer (&results);
}
