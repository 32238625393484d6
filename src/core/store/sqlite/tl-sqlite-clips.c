/* tl-sqlite-clips.c: clips, topics and folders in SQLite. Writes run
 * inside an edit the library opened (tl-sqlite-undo.c records them); an
 * update that finds no row fails with TL_LIBRARY_ERROR_NOT_FOUND, one
 * that breaks a constraint with TL_LIBRARY_ERROR_INVALID. */
#include "tl-sqlite-store-private.h"

#include <glib/gi18n-lib.h>

#include "tl-search.h"

/* Topics */

static gpointer
topic_from_row (TlStmt *stmt, gpointer unused)
{
  TlTopic *topic = g_object_new (TL_TYPE_TOPIC, NULL);

  topic->id = sqlite3_column_int64 (stmt, 0);
  topic->name = tl_stmt_dup_text (stmt, 1);
  topic->color = tl_stmt_dup_text (stmt, 2);
  topic->key = sqlite3_column_int (stmt, 3);
  topic->parent_id = sqlite3_column_int64 (stmt, 4);
  topic->n_clips = sqlite3_column_int (stmt, 5);
  return topic;
}

#define TOPIC_COLUMNS \
  "t.id, t.name, t.color, t.key, t.parent_id," \
  " (SELECT count(*) FROM clip_topic ct JOIN clip c ON c.id = ct.clip_id JOIN source s ON s.id = c.source_id" \
  "  WHERE ct.topic_id = t.id AND s.deleted = 0) FROM topic t"

GPtrArray *
tl_sqlite_store_list_topics (TlStore *store, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  g_autoptr(TlStmt) stmt = tl_sqlite_store_prepare (self, "SELECT " TOPIC_COLUMNS " ORDER BY t.position, t.id", error);

  if (stmt == NULL)
    return NULL;
  return tl_sqlite_store_collect (self, stmt, topic_from_row, NULL, g_object_unref, error);
}

TlTopic *
tl_sqlite_store_get_topic (TlStore *store, gint64 topic_id, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  g_autoptr(TlStmt) stmt = tl_sqlite_store_prepare (self, "SELECT " TOPIC_COLUMNS " WHERE t.id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, topic_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return topic_from_row (stmt, NULL);
  if (rc == SQLITE_DONE)
    tl_store_not_found (error, TL_STORE_ENTITY_TOPIC, topic_id);
  else
    tl_sqlite_store_fail (self, error);
  return NULL;
}

/* Topic names compare without regard to case. */
TlTopic *
tl_sqlite_store_find_topic (TlStore *store, const char *name, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  g_autoptr(TlStmt) stmt = tl_sqlite_store_prepare (self, "SELECT " TOPIC_COLUMNS " WHERE t.name = trim(?)", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return topic_from_row (stmt, NULL);
  if (rc == SQLITE_DONE)
    g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND, _("No topic “%s” in this library"), name);
  else
    tl_sqlite_store_fail (self, error);
  return NULL;
}

gint64
tl_sqlite_store_insert_topic (TlStore *store, const char *name, guint key, const char *color, guint position,
                              GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  g_autoptr(TlStmt) stmt = tl_sqlite_store_prepare (self, "INSERT INTO topic (name, color, key, position) VALUES (?, ?, ?, ?)",
                                               error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, color, -1, SQLITE_STATIC);
  if (key > 0)
    sqlite3_bind_int (stmt, 3, key);
  sqlite3_bind_int (stmt, 4, position);
  if (!STEP_DONE (stmt))
    return tl_sqlite_store_fail (self, error);
  return sqlite3_last_insert_rowid (self->db);
}

gboolean
tl_sqlite_store_update_topic (TlStore *store, gint64 topic_id, TlStoreChange change, const char *text, gint64 a,
                              GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);

  switch (change)
    {
    case TL_STORE_SET_NAME:
      return tl_sqlite_store_run (self, "UPDATE topic SET name = ?2 WHERE id = ?1", TL_STORE_ENTITY_TOPIC, topic_id,
                                  RUN_TEXT, text, 0, error);
    case TL_STORE_SET_COLOR:
      return tl_sqlite_store_run (self, "UPDATE topic SET color = lower(?2) WHERE id = ?1", TL_STORE_ENTITY_TOPIC,
                                  topic_id, RUN_TEXT, text, 0, error);
    case TL_STORE_SET_KEY:
      /* the topic that had the key loses it */
      if (a > 0 && !tl_sqlite_store_run (self, "UPDATE topic SET key = NULL WHERE key = ?2 AND id <> ?1", -1,
                                         topic_id, RUN_INT, NULL, a, error))
        return FALSE;
      return tl_sqlite_store_run (self, a > 0 ? "UPDATE topic SET key = ?2 WHERE id = ?1"
                                              : "UPDATE topic SET key = NULL WHERE id = ?1",
                                  TL_STORE_ENTITY_TOPIC, topic_id, a > 0 ? RUN_INT : RUN_NONE, NULL, a, error);
    case TL_STORE_DELETE:
      return tl_sqlite_store_run (self, "DELETE FROM topic WHERE id = ?1", TL_STORE_ENTITY_TOPIC, topic_id, RUN_NONE,
                                  NULL, 0, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Clips */

/* Inserts one checked clip with its topics, inside an open edit. */
gint64
tl_sqlite_store_insert_clip (TlStore *store, const TlClipSpec *spec, TlSource *source, GArray *topic_ids,
                             GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  TlStmt *stmt;
  gboolean by_paragraph = tl_source_clips_by_paragraph (source);
  gint64 clip_id, now = g_get_real_time ();

  stmt = tl_sqlite_store_prepare (self,
    "INSERT INTO clip (source_id, in_us, out_us, first_segment, last_segment, title, note, rating,"
    " position, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT ifnull(max(position), 0) + 1 FROM clip), ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, spec->source_id);
  if (by_paragraph)
    {
      sqlite3_bind_int (stmt, 4, spec->first_segment);
      sqlite3_bind_int (stmt, 5, spec->last_segment);
    }
  else
    {
      sqlite3_bind_int64 (stmt, 2, spec->in);
      sqlite3_bind_int64 (stmt, 3, source->duration > 0 ? MIN (spec->out, source->duration) : spec->out);
    }
  tl_stmt_bind_text_or_null (stmt, 6, spec->title);
  tl_stmt_bind_text_or_null (stmt, 7, spec->note);
  sqlite3_bind_int (stmt, 8, spec->rating);
  sqlite3_bind_int64 (stmt, 9, now);
  sqlite3_bind_int64 (stmt, 10, now);
  if (!STEP_DONE (stmt))
    {
      tl_sqlite_store_fail (self, error);
      tl_stmt_release (stmt);
      return 0;
    }
  tl_stmt_release (stmt);
  clip_id = sqlite3_last_insert_rowid (self->db);

  stmt = tl_sqlite_store_prepare (self, "INSERT OR IGNORE INTO clip_topic (clip_id, topic_id) VALUES (?, ?)", error);
  if (stmt == NULL)
    return 0;
  for (guint i = 0; i < topic_ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, clip_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (topic_ids, gint64, i));
      if (!STEP_DONE (stmt))
        {
          tl_sqlite_store_fail (self, error);
          tl_stmt_release (stmt);
          return 0;
        }
      sqlite3_reset (stmt);
    }
  tl_stmt_release (stmt);
  return clip_id;
}

#define CLIP_COLUMNS \
  "c.id, c.source_id, c.in_us, c.out_us, c.first_segment, c.last_segment, c.title, c.note," \
  " c.rating, c.created_at, c.updated_at," \
  " (SELECT group_concat(name, char(31)) FROM (SELECT t.name FROM clip_topic ct" \
  "   JOIN topic t ON t.id = ct.topic_id WHERE ct.clip_id = c.id ORDER BY t.position, t.id))," \
  " s.title" \
  " FROM clip c JOIN source s ON s.id = c.source_id"

static gpointer
clip_from_row (TlStmt *stmt, gpointer unused)
{
  TlClip *clip = g_object_new (TL_TYPE_CLIP, NULL);
  const char *topics = (const char *) sqlite3_column_text (stmt, 11);

  clip->id = sqlite3_column_int64 (stmt, 0);
  clip->source_id = sqlite3_column_int64 (stmt, 1);
  clip->in = tl_stmt_column_time (stmt, 2);
  clip->out = tl_stmt_column_time (stmt, 3);
  clip->first_segment = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 4);
  clip->last_segment = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 5);
  clip->title = tl_stmt_dup_text (stmt, 6);
  clip->note = tl_stmt_dup_text (stmt, 7);
  clip->rating = sqlite3_column_int (stmt, 8);
  clip->created = sqlite3_column_int64 (stmt, 9);
  clip->updated = sqlite3_column_int64 (stmt, 10);
  clip->topics = topics ? g_strsplit (topics, "\x1f", -1) : g_new0 (char *, 1);
  clip->source_title = tl_stmt_dup_text (stmt, 12);
  return clip;
}

TlClip *
tl_sqlite_store_get_clip (TlStore *store, gint64 clip_id, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  g_autoptr(TlStmt) stmt = NULL;
  int rc;

  stmt = tl_sqlite_store_prepare (self, "SELECT " CLIP_COLUMNS " WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, clip_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return clip_from_row (stmt, NULL);
  if (rc == SQLITE_DONE)
    tl_store_not_found (error, TL_STORE_ENTITY_CLIP, clip_id);
  else
    tl_sqlite_store_fail (self, error);
  return NULL;
}

/* The clips @filter picks, in its order. */
GPtrArray *
tl_sqlite_store_list_clips (TlStore *store, const TlClipFilter *filter, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  static const TlClipFilter all = { 0 };
  g_autoptr(GString) sql = g_string_new ("SELECT " CLIP_COLUMNS " WHERE s.deleted = 0");
  g_autofree char *match = NULL;
  g_auto(TlOwnedStmt) stmt = NULL;
  gint64 folder_id = 0;
  int n = 0;

  if (filter == NULL)
    filter = &all;

  if (filter->topics != NULL && filter->topics[0] != NULL)
    {
      g_string_append (sql, " AND EXISTS (SELECT 1 FROM clip_topic ct JOIN topic t ON t.id = ct.topic_id"
                            " WHERE ct.clip_id = c.id AND t.name IN (");
      for (guint i = 0; filter->topics[i] != NULL; i++)
        g_string_append (sql, i ? ", ?" : "?");
      g_string_append (sql, "))");
    }
  if (filter->n_source_ids > 0)
    {
      g_string_append (sql, " AND c.source_id IN (");
      for (guint i = 0; i < filter->n_source_ids; i++)
        g_string_append (sql, i ? ", ?" : "?");
      g_string_append (sql, ")");
    }
  if (filter->folder != NULL)
    {
      g_autoptr(GHashTable) paths = tl_sqlite_store_load_folder_paths (self, error);
      GHashTableIter iter;
      gpointer key, value;

      if (paths == NULL)
        return NULL;
      g_hash_table_iter_init (&iter, paths);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (g_strcmp0 (value, filter->folder) == 0)
          folder_id = *(gint64 *) key;
      if (folder_id == 0)
        {
          g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND,
                       _("No folder “%s” in this library"), filter->folder);
          return NULL;
        }
      g_string_append (sql, " AND s.folder_id IN (WITH RECURSIVE sub (id) AS (SELECT ?"
                            " UNION ALL SELECT f.id FROM folder f JOIN sub ON f.parent_id = sub.id)"
                            " SELECT id FROM sub)");
    }
  if (filter->min_rating > 0)
    g_string_append (sql, " AND c.rating >= ?");
  if (filter->query != NULL && *filter->query != '\0')
    {
      if ((match = tl_search_build_match (filter->query, error)) == NULL)
        return NULL;
      g_string_append (sql, " AND EXISTS (SELECT 1 FROM segment_fts JOIN segment g ON g.id = segment_fts.rowid"
                            " WHERE segment_fts MATCH ? AND g.transcript_id ="
                            " (SELECT max(id) FROM transcript WHERE source_id = c.source_id)"
                            " AND ((c.in_us IS NOT NULL AND g.start_us < c.out_us AND ifnull(g.end_us, g.start_us + 1) > c.in_us)"
                            "   OR (c.first_segment IS NOT NULL AND g.idx BETWEEN c.first_segment AND c.last_segment)))");
    }
  switch (filter->order)
    {
    case TL_CLIP_ORDER_TOPIC:
      g_string_append (sql, " ORDER BY (SELECT min(t.position) FROM clip_topic ct JOIN topic t ON t.id = ct.topic_id"
                            " WHERE ct.clip_id = c.id) NULLS LAST, s.position, s.id, ifnull(c.in_us, c.first_segment)");
      break;
    case TL_CLIP_ORDER_RATING:
      g_string_append (sql, " ORDER BY c.rating DESC, s.position, s.id, ifnull(c.in_us, c.first_segment)");
      break;
    case TL_CLIP_ORDER_CREATED:
      g_string_append (sql, " ORDER BY c.created_at, c.id");
      break;
    case TL_CLIP_ORDER_ARRANGED:
      g_string_append (sql, " ORDER BY c.position, c.id");
      break;
    case TL_CLIP_ORDER_SOURCE:
    default:
      g_string_append (sql, " ORDER BY s.position, s.id, ifnull(c.in_us, c.first_segment), c.id");
      break;
    }

  if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      tl_sqlite_store_fail (self, error);
      return NULL;
    }
  for (guint i = 0; filter->topics != NULL && filter->topics[i] != NULL; i++)
    sqlite3_bind_text (stmt, ++n, filter->topics[i], -1, SQLITE_STATIC);
  for (guint i = 0; i < filter->n_source_ids; i++)
    sqlite3_bind_int64 (stmt, ++n, filter->source_ids[i]);
  if (folder_id)
    sqlite3_bind_int64 (stmt, ++n, folder_id);
  if (filter->min_rating > 0)
    sqlite3_bind_int (stmt, ++n, filter->min_rating);
  if (match)
    sqlite3_bind_text (stmt, ++n, match, -1, SQLITE_STATIC);
  return tl_sqlite_store_collect (self, stmt, clip_from_row, NULL, g_object_unref, error);
}

gboolean
tl_sqlite_store_update_clip (TlStore *store, gint64 clip_id, TlStoreChange change, const char *text, gint64 a,
                             gint64 b, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  g_autoptr(TlStmt) stmt = NULL;

  switch (change)
    {
    case TL_STORE_SET_RANGE:
    case TL_STORE_SET_PARAGRAPHS:
      stmt = tl_sqlite_store_prepare (self, change == TL_STORE_SET_RANGE
                                       ? "UPDATE clip SET in_us = ?2, out_us = ?3, updated_at = ?4 WHERE id = ?1"
                                       : "UPDATE clip SET first_segment = ?2, last_segment = ?3, updated_at = ?4"
                                         " WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, clip_id);
      sqlite3_bind_int64 (stmt, 2, a);
      sqlite3_bind_int64 (stmt, 3, b);
      sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
      return STEP_DONE (stmt) || tl_sqlite_store_fail (self, error);
    case TL_STORE_SET_TITLE:
      return tl_sqlite_store_run (self, "UPDATE clip SET title = ?2, updated_at = ?3 WHERE id = ?1",
                                  TL_STORE_ENTITY_CLIP, clip_id, RUN_TEXT, text, 0, error);
    case TL_STORE_SET_NOTE:
      return tl_sqlite_store_run (self, "UPDATE clip SET note = ?2, updated_at = ?3 WHERE id = ?1",
                                  TL_STORE_ENTITY_CLIP, clip_id, RUN_TEXT, text, 0, error);
    case TL_STORE_SET_RATING:
      return tl_sqlite_store_run (self, "UPDATE clip SET rating = ?2, updated_at = ?3 WHERE id = ?1",
                                  TL_STORE_ENTITY_CLIP, clip_id, RUN_INT, NULL, a, error);
    case TL_STORE_ADD_TOPIC:
    case TL_STORE_REMOVE_TOPIC:
      return tl_sqlite_store_run (self, change == TL_STORE_ADD_TOPIC
                                        ? "INSERT OR IGNORE INTO clip_topic (clip_id, topic_id) VALUES (?1, ?2)"
                                        : "DELETE FROM clip_topic WHERE clip_id = ?1 AND topic_id = ?2",
                                  -1, clip_id, RUN_INT, NULL, a, error)
             && tl_sqlite_store_run (self, "UPDATE clip SET updated_at = ?3 WHERE id = ?1", -1, clip_id, RUN_NONE,
                                     NULL, 0, error);
    case TL_STORE_DELETE:
      return tl_sqlite_store_run (self, "DELETE FROM clip WHERE id = ?1", TL_STORE_ENTITY_CLIP, clip_id, RUN_NONE,
                                  NULL, 0, error);
    case TL_STORE_MOVE_BEFORE:
      if (a == 0)
        return tl_sqlite_store_run (self, "UPDATE clip SET position = (SELECT max(position) + 1 FROM clip) WHERE id = ?1",
                                    TL_STORE_ENTITY_CLIP, clip_id, RUN_NONE, NULL, 0, error);
      /* take the other clip's place, then move it and all after it on */
      return tl_sqlite_store_run (self, "UPDATE clip SET position = (SELECT position FROM clip WHERE id = ?2)"
                                        " WHERE id = ?1", TL_STORE_ENTITY_CLIP, clip_id, RUN_INT, NULL, a, error)
             && tl_sqlite_store_run (self, "UPDATE clip SET position = position + 1 WHERE id <> ?1"
                                           " AND position >= (SELECT position FROM clip WHERE id = ?1)",
                                     -1, clip_id, RUN_NONE, NULL, 0, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Folders */

static gpointer
folder_from_row (TlStmt *stmt, gpointer unused)
{
  TlFolder *folder = g_object_new (TL_TYPE_FOLDER, NULL);

  folder->id = sqlite3_column_int64 (stmt, 0);
  folder->parent_id = sqlite3_column_int64 (stmt, 1);
  folder->name = tl_stmt_dup_text (stmt, 2);
  return folder;
}

GPtrArray *
tl_sqlite_store_list_folders (TlStore *store, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  g_autoptr(TlStmt) stmt = NULL;

  stmt = tl_sqlite_store_prepare (self, "SELECT id, ifnull(parent_id, 0), name FROM folder WHERE deleted = 0"
                                   " ORDER BY position, name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  return tl_sqlite_store_collect (self, stmt, folder_from_row, NULL, g_object_unref, error);
}

gint64
tl_sqlite_store_insert_folder (TlStore *store, gint64 parent_id, const char *name, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  g_autoptr(TlStmt) stmt = NULL;
  int code;

  stmt = tl_sqlite_store_prepare (self, "INSERT INTO folder (parent_id, name, created_at) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  if (parent_id > 0)
    sqlite3_bind_int64 (stmt, 1, parent_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  if (STEP_DONE (stmt))
    return sqlite3_last_insert_rowid (self->db);
  code = sqlite3_extended_errcode (self->db);
  if (code == SQLITE_CONSTRAINT_FOREIGNKEY)
    return tl_store_not_found (error, TL_STORE_ENTITY_FOLDER, parent_id);
  return tl_sqlite_store_fail (self, error);
}

/* Whether @other_id is @folder_id or one of the folders in it. */
gboolean
tl_sqlite_store_folder_is_within (TlStore *store, gint64 folder_id, gint64 other_id, gboolean *within,
                                  GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  g_autoptr(TlStmt) stmt = tl_sqlite_store_prepare (self, "WITH RECURSIVE sub (id) AS (SELECT ?1 UNION ALL"
                                                     " SELECT f.id FROM folder f JOIN sub ON f.parent_id = sub.id)"
                                                     " SELECT count(*) FROM sub WHERE id = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, folder_id);
  sqlite3_bind_int64 (stmt, 2, other_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return tl_sqlite_store_fail (self, error);
  *within = sqlite3_column_int (stmt, 0) > 0;
  return TRUE;
}

gboolean
tl_sqlite_store_update_folder (TlStore *store, gint64 folder_id, TlStoreChange change, const char *text, gint64 a,
                               GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);

  switch (change)
    {
    case TL_STORE_SET_NAME:
      return tl_sqlite_store_run (self, "UPDATE folder SET name = ?2 WHERE id = ?1 AND deleted = 0",
                                  TL_STORE_ENTITY_FOLDER, folder_id, RUN_TEXT, text, 0, error);
    case TL_STORE_SET_PARENT:
      return tl_sqlite_store_run (self, "UPDATE folder SET parent_id = nullif(?2, 0) WHERE id = ?1 AND deleted = 0",
                                  TL_STORE_ENTITY_FOLDER, folder_id, RUN_INT, NULL, a, error);
    case TL_STORE_DELETE:
      /* with its folders and sources */
      return tl_sqlite_store_run (self, "WITH RECURSIVE sub (id) AS (SELECT ?1 UNION ALL"
                                        " SELECT f.id FROM folder f JOIN sub ON f.parent_id = sub.id)"
                                        " UPDATE source SET deleted = 1 WHERE deleted = 0"
                                        " AND folder_id IN (SELECT id FROM sub)",
                                  -1, folder_id, RUN_NONE, NULL, 0, error)
             && tl_sqlite_store_run (self, "WITH RECURSIVE sub (id) AS (SELECT ?1 UNION ALL"
                                           " SELECT f.id FROM folder f JOIN sub ON f.parent_id = sub.id)"
                                           " UPDATE folder SET deleted = 1 WHERE deleted = 0"
                                           " AND id IN (SELECT id FROM sub)",
                                     TL_STORE_ENTITY_FOLDER, folder_id, RUN_NONE, NULL, 0, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}
