/* tl-sqlite-segments.c: a transcript's lines in SQLite: reading them with
 * their words, and the editor's corrections (a line's text and speaker,
 * splitting and merging lines), each written as row changes that undo
 * takes back (tl-sqlite-undo.c). A line's words are a JSON array in its
 * row (schema/006-words.sql). */
#include "tl-sqlite-store-private.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>

static void
add_word (JsonBuilder *builder, const char *text, gint64 start, gint64 end, double confidence,
          gboolean interpolated)
{
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, text);
  if (start == TL_TIME_NONE)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, start);
  if (end == TL_TIME_NONE)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, end);
  if (confidence < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, confidence);
  json_builder_add_int_value (builder, interpolated ? 1 : 0);
  json_builder_end_array (builder);
}

static char *
builder_to_string (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

/* The column "words" for @words: [[text, start, end, confidence, interpolated], …] */
char *
tl_sqlite_words_to_json (const TlWord *words, guint n_words)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < n_words; i++)
    add_word (builder, words[i].text, words[i].start, words[i].end, words[i].confidence, words[i].interpolated);
  json_builder_end_array (builder);
  return builder_to_string (builder);
}

/* The column "words" for an imported segment's words. */
char *
tl_sqlite_doc_words_to_json (TlDocument *doc, const TlDocSegment *seg)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < seg->n_words; i++)
    {
      const TlDocWord *word = &g_array_index (doc->words, TlDocWord, seg->first_word + i);
      add_word (builder, word->text, word->start, word->end, word->confidence, FALSE);
    }
  json_builder_end_array (builder);
  return builder_to_string (builder);
}

/* Reads a "words" column with SQLite's own JSON reader, which is much
 * faster than making a parser per line. */
static GArray *
words_from_json (TlSqliteStore *self, const char *json)
{
  TlStmt *stmt = tl_sqlite_store_prepare (self,
    "SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(?) ORDER BY key", NULL);
  GArray *words;

  if (stmt == NULL)
    return NULL;
  words = tl_words_new (8);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      TlWord word;

      word.text = tl_stmt_dup_text (stmt, 0);
      if (word.text == NULL)
        word.text = g_strdup ("");
      word.start = tl_stmt_column_time (stmt, 1);
      word.end = tl_stmt_column_time (stmt, 2);
      word.confidence = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? -1 : sqlite3_column_double (stmt, 3);
      word.interpolated = sqlite3_column_int (stmt, 4) != 0;
      g_array_append_val (words, word);
    }
  tl_stmt_release (stmt);
  return words;
}

static gpointer
segment_from_row (TlStmt *stmt, gpointer data)
{
  TlSqliteStore *self = data;
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
  segment->original_text = tl_stmt_dup_text (stmt, 12);
  if (sqlite3_column_type (stmt, 10) != SQLITE_NULL
      && tl_word_timing_from_string ((const char *) sqlite3_column_text (stmt, 11), &segment->word_timing))
    segment->words = words_from_json (self, (const char *) sqlite3_column_text (stmt, 10));
  tl_segment_settle_words (segment);
  return segment;
}

#define SEGMENT_COLUMNS "g.id, g.idx, g.start_us, g.end_us, g.speaker, g.text, g.non_speech, g.confidence, g.flag," \
                        " g.anchor, g.words, g.word_timing, g.original_text"

static GPtrArray *
collect_segments (TlSqliteStore *self, TlStmt *stmt, GError **error)
{
  return tl_sqlite_store_collect (self, stmt, segment_from_row, self, g_object_unref, error);
}

/* The lines of a source's current transcript, in order: all of them, or
 * (@out > 0) those that overlap [@in, @out). */
GPtrArray *
tl_sqlite_store_get_segments (TlStore *store, gint64 source_id, gint64 in, gint64 out, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  g_autoptr(TlStmt) stmt = NULL;

  if (out <= 0)
    {
      stmt = tl_sqlite_store_prepare (self, "SELECT " SEGMENT_COLUMNS " FROM segment g"
                                 " WHERE g.transcript_id = " CURRENT_TRANSCRIPT " ORDER BY g.idx", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, source_id);
      return collect_segments (self, stmt, error);
    }
  stmt = tl_sqlite_store_prepare (self, "SELECT " SEGMENT_COLUMNS " FROM segment g"
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

/* The current transcript of a source that is shown (not deleted), and how
 * many lines it has. */
static gboolean
find_transcript (TlSqliteStore *self, gint64 source_id, gint64 *transcript_id, guint *n_segments, GError **error)
{
  g_autoptr(TlStmt) stmt = tl_sqlite_store_prepare (self,
    "SELECT t.id, t.n_segments FROM transcript t JOIN source s ON s.id = t.source_id"
    " WHERE t.id = " CURRENT_TRANSCRIPT " AND s.deleted = 0", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *transcript_id = sqlite3_column_int64 (stmt, 0);
      if (n_segments)
        *n_segments = sqlite3_column_int (stmt, 1);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return tl_sqlite_store_fail (self, error);
  g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND,
               _("No source with id %" PRId64 " and a transcript in this library"), source_id);
  return FALSE;
}

/* Binds a line's values from @base on: start, end, speaker, text,
 * original_text, non_speech, confidence, flag, anchor, words, word_timing. */
static void
bind_line (TlStmt *stmt, int base, const TlStoreSegment *line)
{
  gboolean words = line->words != NULL && line->n_words > 0 && line->word_timing != TL_WORD_TIMING_NONE
                   && line->word_timing != TL_WORD_TIMING_ESTIMATED;

  tl_stmt_bind_time (stmt, base, line->start);
  tl_stmt_bind_time (stmt, base + 1, line->start == TL_TIME_NONE ? TL_TIME_NONE : line->end);
  tl_stmt_bind_text_or_null (stmt, base + 2, line->speaker);
  sqlite3_bind_text (stmt, base + 3, line->text, -1, SQLITE_STATIC);
  if (line->original_text != NULL)
    sqlite3_bind_text (stmt, base + 4, line->original_text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, base + 4);
  sqlite3_bind_int (stmt, base + 5, line->non_speech ? 1 : 0);
  if (line->confidence >= 0)
    sqlite3_bind_double (stmt, base + 6, line->confidence);
  else
    sqlite3_bind_null (stmt, base + 6);
  tl_stmt_bind_text_or_null (stmt, base + 7, line->flag);
  sqlite3_bind_int (stmt, base + 8, line->anchor ? 1 : 0);
  if (words)
    {
      sqlite3_bind_text (stmt, base + 9, tl_sqlite_words_to_json (line->words, line->n_words), -1, g_free);
      sqlite3_bind_text (stmt, base + 10, tl_word_timing_to_string (line->word_timing), -1, SQLITE_STATIC);
    }
  else
    {
      sqlite3_bind_null (stmt, base + 9);
      sqlite3_bind_null (stmt, base + 10);
    }
}

static gboolean
step_or_fail (TlSqliteStore *self, TlStmt *stmt, GError **error)
{
  gboolean ok = STEP_DONE (stmt) || tl_sqlite_store_fail (self, error);

  tl_stmt_release (stmt);
  return ok;
}

/* Moves the lines from @from on by @delta places: through negative places
 * first, since (transcript_id, idx) stays unique at every row. */
static gboolean
shift_lines (TlSqliteStore *self, gint64 transcript_id, guint from, int delta, GError **error)
{
  TlStmt *stmt = tl_sqlite_store_prepare (self,
    "UPDATE segment SET idx = -1 - idx WHERE transcript_id = ?1 AND idx >= ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, transcript_id);
  sqlite3_bind_int (stmt, 2, from);
  if (!step_or_fail (self, stmt, error))
    return FALSE;
  stmt = tl_sqlite_store_prepare (self, "UPDATE segment SET idx = -1 - idx + ?2 WHERE transcript_id = ?1 AND idx < 0",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, transcript_id);
  sqlite3_bind_int (stmt, 2, delta);
  return step_or_fail (self, stmt, error);
}

/* What points at lines by their place follows them: an article's clips
 * (paragraph ranges) and its sections. A split inside a clip's range
 * widens it; a merge narrows it by the line that went. */
static gboolean
shift_references (TlSqliteStore *self, gint64 source_id, guint first, guint n_old, guint n_new, GError **error)
{
  int delta = (int) n_new - (int) n_old;
  TlStmt *stmt;

  if (delta > 0)
    stmt = tl_sqlite_store_prepare (self,
      "UPDATE clip SET first_segment = first_segment + CASE WHEN first_segment >= ?2 THEN ?3 ELSE 0 END,"
      " last_segment = last_segment + ?3, updated_at = ?4"
      " WHERE source_id = ?1 AND last_segment >= ?2 - 1", error);
  else
    stmt = tl_sqlite_store_prepare (self,
      "UPDATE clip SET first_segment = CASE WHEN first_segment >= ?5 THEN max(first_segment + ?3, ?5 - 1)"
      " ELSE first_segment END,"
      " last_segment = max(last_segment + ?3, ?5 - 1), updated_at = ?4"
      " WHERE source_id = ?1 AND last_segment >= ?5", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_int (stmt, 2, first + n_old);
  sqlite3_bind_int (stmt, 3, delta);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  sqlite3_bind_int (stmt, 5, first + n_new);
  if (!step_or_fail (self, stmt, error))
    return FALSE;

  stmt = tl_sqlite_store_prepare (self,
    "UPDATE chapter SET segment_idx = CASE WHEN segment_idx >= ?2 THEN segment_idx + ?3 ELSE ?4 END"
    " WHERE source_id = ?1 AND segment_idx >= min(?2, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_int (stmt, 2, first + n_old);
  sqlite3_bind_int (stmt, 3, delta);
  /* a section above a line merged into the one before heads the next */
  sqlite3_bind_int (stmt, 4, delta < 0 ? (int) (first + n_new) : (int) (first + n_old));
  return step_or_fail (self, stmt, error);
}

/* Inside an open edit: lines [@first, @first + @n_old) of a source's
 * transcript become @lines. */
gboolean
tl_sqlite_store_replace_segments (TlStore *store, gint64 source_id, guint first, guint n_old,
                                  const TlStoreSegment *lines, guint n_new, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  gint64 transcript_id = 0;
  guint n_segments = 0, n_both = MIN (n_old, n_new);
  int delta = (int) n_new - (int) n_old;
  TlStmt *stmt;

  if (!find_transcript (self, source_id, &transcript_id, &n_segments, error))
    return FALSE;
  if (first + n_old > n_segments)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND,
                   _("The transcript has %u lines: there is no line %u"), n_segments, first + n_old - 1);
      return FALSE;
    }

  if (delta < 0)
    {
      stmt = tl_sqlite_store_prepare (self, "DELETE FROM segment WHERE transcript_id = ?1 AND idx >= ?2 AND idx < ?3",
                                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, transcript_id);
      sqlite3_bind_int (stmt, 2, first + n_new);
      sqlite3_bind_int (stmt, 3, first + n_old);
      if (!step_or_fail (self, stmt, error))
        return FALSE;
    }
  if (delta != 0 && first + n_old < n_segments && !shift_lines (self, transcript_id, first + n_old, delta, error))
    return FALSE;

  for (guint i = 0; i < n_both; i++)
    {
      stmt = tl_sqlite_store_prepare (self,
        "UPDATE segment SET start_us = ?1, end_us = ?2, speaker = ?3, text = ?4, original_text = ?5,"
        " non_speech = ?6, confidence = ?7, flag = ?8, anchor = ?9, words = ?10, word_timing = ?11"
        " WHERE transcript_id = ?12 AND idx = ?13", error);
      if (stmt == NULL)
        return FALSE;
      bind_line (stmt, 1, &lines[i]);
      sqlite3_bind_int64 (stmt, 12, transcript_id);
      sqlite3_bind_int (stmt, 13, first + i);
      if (!step_or_fail (self, stmt, error))
        return FALSE;
    }
  /* new lines enter the full-text index by a trigger of edits (tl-sqlite-undo.c) */
  for (guint i = n_both; i < n_new; i++)
    {
      stmt = tl_sqlite_store_prepare (self,
        "INSERT INTO segment (start_us, end_us, speaker, text, original_text, non_speech, confidence, flag, anchor,"
        " words, word_timing, transcript_id, idx) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        error);
      if (stmt == NULL)
        return FALSE;
      bind_line (stmt, 1, &lines[i]);
      sqlite3_bind_int64 (stmt, 12, transcript_id);
      sqlite3_bind_int (stmt, 13, first + i);
      if (!step_or_fail (self, stmt, error))
        return FALSE;
    }

  if (delta != 0)
    {
      if (!shift_references (self, source_id, first, n_old, n_new, error))
        return FALSE;
      stmt = tl_sqlite_store_prepare (self, "UPDATE transcript SET n_segments = n_segments + ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, transcript_id);
      sqlite3_bind_int (stmt, 2, delta);
      if (!step_or_fail (self, stmt, error))
        return FALSE;
    }
  return tl_sqlite_store_run (self, "UPDATE source SET updated_at = ?3 WHERE id = ?1", TL_STORE_ENTITY_SOURCE,
                              source_id, RUN_NONE, NULL, 0, error);
}

/* Inside an open edit: every line of the source's current transcript
 * spoken by @old_name is spoken by @new_name (NULL: no one named). */
gboolean
tl_sqlite_store_rename_speaker (TlStore *store, gint64 source_id, const char *old_name, const char *new_name,
                                guint *n_lines, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  gint64 transcript_id = 0;
  TlStmt *stmt;

  if (!find_transcript (self, source_id, &transcript_id, NULL, error))
    return FALSE;
  stmt = tl_sqlite_store_prepare (self, "UPDATE segment SET speaker = ?3 WHERE transcript_id = ?1 AND speaker = ?2",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, transcript_id);
  sqlite3_bind_text (stmt, 2, old_name, -1, SQLITE_STATIC);
  tl_stmt_bind_text_or_null (stmt, 3, new_name);
  if (!step_or_fail (self, stmt, error))
    return FALSE;
  *n_lines = sqlite3_changes (self->db);
  return *n_lines == 0
         || tl_sqlite_store_run (self, "UPDATE source SET updated_at = ?3 WHERE id = ?1", TL_STORE_ENTITY_SOURCE,
                                 source_id, RUN_NONE, NULL, 0, error);
}
