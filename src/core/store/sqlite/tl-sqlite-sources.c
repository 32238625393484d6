/* tl-sqlite-sources.c: sources in SQLite: imports (one transaction each,
 * the full-text index written once per transcript), reading sources,
 * lines and chapters, and changing their times, media and place. */
#include "tl-sqlite-store-private.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "tl-retime.h"

/* Inside a transaction: the id of folder @path ("A/B"), created when missing. */
static gint64
ensure_folder_locked (TlSqliteStore *self, const char *path, GError **error)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  gint64 parent = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (parts[i]));
      TlStmt *find, *insert;

      if (*name == '\0')
        continue;
      find = tl_sqlite_store_prepare (self, "SELECT id FROM folder WHERE ifnull(parent_id, 0) = ? AND name = ? AND deleted = 0", error);
      if (find == NULL)
        return 0;
      sqlite3_bind_int64 (find, 1, parent);
      sqlite3_bind_text (find, 2, name, -1, SQLITE_STATIC);
      if (sqlite3_step (find) == SQLITE_ROW)
        {
          parent = sqlite3_column_int64 (find, 0);
          tl_stmt_release (find);
          continue;
        }
      tl_stmt_release (find);

      insert = tl_sqlite_store_prepare (self, "INSERT INTO folder (parent_id, name, created_at) VALUES (?, ?, ?)", error);
      if (insert == NULL)
        return 0;
      if (parent)
        sqlite3_bind_int64 (insert, 1, parent);
      sqlite3_bind_text (insert, 2, name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 3, g_get_real_time ());
      if (sqlite3_step (insert) != SQLITE_DONE)
        {
          tl_sqlite_store_fail (self, error);
          tl_stmt_release (insert);
          return 0;
        }
      tl_stmt_release (insert);
      parent = sqlite3_last_insert_rowid (self->db);
    }
  if (parent == 0)
    g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("“%s” is not a folder name"), path);
  return parent;
}

gint64
tl_sqlite_store_ensure_folder (TlStore *store, const char *path, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  gint64 id;

  if (!tl_sqlite_store_begin (self, error))
    return 0;
  id = ensure_folder_locked (self, path, error);
  if (id == 0 || !tl_sqlite_store_commit (self, error))
    {
      tl_sqlite_store_rollback (self);
      return 0;
    }
  return id;
}

static char *
title_from_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/* An import is written in transactions of about this long, so that an edit
 * in the window (or another program) never waits much longer than this for
 * the write lock while a long transcript goes in. */
#define IMPORT_CHUNK_USEC (50 * 1000)
/* ... checked every this many lines */
#define IMPORT_CHECK_EVERY 128

/* Adds lines [@first, @last] of a transcript to the full-text index, in one
 * statement so that FTS5 builds that part of the index in memory and writes
 * it once. */
static gboolean
index_segments (TlSqliteStore *self, gint64 transcript_id, guint first, guint last, GError **error)
{
  g_autoptr(TlStmt) stmt = tl_sqlite_store_prepare (self,
    "INSERT INTO segment_fts (rowid, text) SELECT id, text FROM segment"
    " WHERE transcript_id = ? AND idx BETWEEN ? AND ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, transcript_id);
  sqlite3_bind_int (stmt, 2, first);
  sqlite3_bind_int (stmt, 3, last);
  return STEP_DONE (stmt) || tl_sqlite_store_fail (self, error);
}

/* Writes lines from *@next on, with their words, until the document ends or
 * the transaction has taken IMPORT_CHUNK_USEC; *@next is then the first line
 * not written. */
static gboolean
insert_segments (TlSqliteStore *self, TlDocument *doc, gint64 transcript_id, guint *next, GError **error)
{
  TlStmt *seg_stmt = tl_sqlite_store_prepare (self,
    "INSERT INTO segment (transcript_id, idx, start_us, end_us, speaker, text, non_speech)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  TlStmt *word_stmt = tl_sqlite_store_prepare (self,
    "INSERT INTO word (segment_id, idx, start_us, end_us, text) VALUES (?, ?, ?, ?, ?)", error);
  gint64 until = g_get_monotonic_time () + IMPORT_CHUNK_USEC;
  guint first = *next, i;

  if (seg_stmt == NULL || word_stmt == NULL)
    {
      tl_stmt_release (seg_stmt);
      tl_stmt_release (word_stmt);
      return FALSE;
    }
  for (i = first; i < doc->segments->len; i++)
    {
      const TlDocSegment *seg = &g_array_index (doc->segments, TlDocSegment, i);
      gint64 segment_id;

      if (i > first && (i - first) % IMPORT_CHECK_EVERY == 0 && g_get_monotonic_time () >= until)
        break;
      sqlite3_bind_int64 (seg_stmt, 1, transcript_id);
      sqlite3_bind_int (seg_stmt, 2, i);
      tl_stmt_bind_time (seg_stmt, 3, seg->start);
      tl_stmt_bind_time (seg_stmt, 4, seg->end);
      tl_stmt_bind_text_or_null (seg_stmt, 5, seg->speaker);
      sqlite3_bind_text (seg_stmt, 6, seg->text, -1, SQLITE_STATIC);
      sqlite3_bind_int (seg_stmt, 7, seg->non_speech);
      if (!STEP_DONE (seg_stmt))
        {
          tl_sqlite_store_fail (self, error);
          tl_stmt_release (seg_stmt);
          tl_stmt_release (word_stmt);
          return FALSE;
        }
      sqlite3_reset (seg_stmt);
      if (seg->n_words == 0)
        continue;
      segment_id = sqlite3_last_insert_rowid (self->db);
      for (guint w = 0; w < seg->n_words; w++)
        {
          const TlDocWord *word = &g_array_index (doc->words, TlDocWord, seg->first_word + w);
          sqlite3_bind_int64 (word_stmt, 1, segment_id);
          sqlite3_bind_int (word_stmt, 2, w);
          tl_stmt_bind_time (word_stmt, 3, word->start);
          tl_stmt_bind_time (word_stmt, 4, word->end);
          sqlite3_bind_text (word_stmt, 5, word->text, -1, SQLITE_STATIC);
          if (!STEP_DONE (word_stmt))
            {
              tl_sqlite_store_fail (self, error);
              tl_stmt_release (seg_stmt);
              tl_stmt_release (word_stmt);
              return FALSE;
            }
          sqlite3_reset (word_stmt);
        }
    }
  tl_stmt_release (seg_stmt);
  tl_stmt_release (word_stmt);
  *next = i;
  return i == first || index_segments (self, transcript_id, first, i - 1, error);
}

static gboolean
insert_media (TlSqliteStore *self, gint64 source_id, const TlMediaInfo *media, GError **error)
{
  g_autoptr(TlStmt) stmt = tl_sqlite_store_prepare (self,
    "INSERT INTO media (source_id, path, duration_us, fps_num, fps_den, width, height,"
    " has_video, has_audio, video_codec, audio_codec, start_timecode)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_text (stmt, 2, media->path, -1, SQLITE_STATIC);
  tl_stmt_bind_time (stmt, 3, media->duration);
  if (media->fps_num > 0 && media->fps_den > 0)
    {
      sqlite3_bind_int (stmt, 4, media->fps_num);
      sqlite3_bind_int (stmt, 5, media->fps_den);
    }
  if (media->width > 0)
    {
      sqlite3_bind_int (stmt, 6, media->width);
      sqlite3_bind_int (stmt, 7, media->height);
    }
  sqlite3_bind_int (stmt, 8, media->has_video);
  sqlite3_bind_int (stmt, 9, media->has_audio);
  tl_stmt_bind_text_or_null (stmt, 10, media->video_codec);
  tl_stmt_bind_text_or_null (stmt, 11, media->audio_codec);
  tl_stmt_bind_text_or_null (stmt, 12, media->start_timecode);
  return STEP_DONE (stmt) || tl_sqlite_store_fail (self, error);
}

/* The new source is hidden (deleted = 2) until its last line is written
 * (show_source); its folder is set then, so that an import that never ends
 * leaves no folder behind either. */
static gint64
insert_source (TlSqliteStore *self, TlDocument *doc, const TlImportOptions *options, GError **error)
{
  g_autoptr(TlStmt) stmt = tl_sqlite_store_prepare (self,
    "INSERT INTO source (kind, title, outlet, published, url, external_id,"
    " duration_us, description, language, created_at, updated_at, deleted)"
    " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 2)", error);
  g_autofree char *fallback_title = NULL;
  const char *title = doc->title;
  gint64 now = g_get_real_time ();
  gint64 duration = doc->duration;

  if (stmt == NULL)
    return 0;
  if (title == NULL || *title == '\0')
    title = fallback_title = title_from_path (options->origin_path ? options->origin_path : _("Untitled"));
  if (options->media != NULL && options->media->duration > 0)
    duration = options->media->duration;

  sqlite3_bind_text (stmt, 2, tl_source_kind_to_string (doc->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, title, -1, SQLITE_STATIC);
  tl_stmt_bind_text_or_null (stmt, 4, doc->outlet);
  tl_stmt_bind_text_or_null (stmt, 5, doc->published);
  tl_stmt_bind_text_or_null (stmt, 6, doc->url);
  tl_stmt_bind_text_or_null (stmt, 7, doc->external_id);
  tl_stmt_bind_time (stmt, 8, duration > 0 ? duration : TL_TIME_NONE);
  tl_stmt_bind_text_or_null (stmt, 9, doc->description);
  tl_stmt_bind_text_or_null (stmt, 10, doc->language);
  sqlite3_bind_int64 (stmt, 11, now);
  sqlite3_bind_int64 (stmt, 12, now);
  if (!STEP_DONE (stmt))
    return tl_sqlite_store_fail (self, error);
  return sqlite3_last_insert_rowid (self->db);
}

static gint64
insert_document_parts (TlSqliteStore *self, TlDocument *doc, const TlImportOptions *options,
                       gint64 source_id, GError **error)
{
  TlStmt *stmt;
  gint64 transcript_id;

  stmt = tl_sqlite_store_prepare (self, "INSERT INTO source_keyword (source_id, position, keyword) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < doc->keywords->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, source_id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, g_ptr_array_index (doc->keywords, i), -1, SQLITE_STATIC);
      if (!STEP_DONE (stmt))
        {
          tl_stmt_release (stmt);
          return tl_sqlite_store_fail (self, error);
        }
      sqlite3_reset (stmt);
    }
  tl_stmt_release (stmt);

  stmt = tl_sqlite_store_prepare (self, "INSERT INTO chapter (source_id, start_us, segment_idx, title) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < doc->chapters->len; i++)
    {
      const TlDocChapter *chapter = &g_array_index (doc->chapters, TlDocChapter, i);
      sqlite3_bind_int64 (stmt, 1, source_id);
      tl_stmt_bind_time (stmt, 2, chapter->start);
      if (chapter->segment_index >= 0)
        sqlite3_bind_int (stmt, 3, chapter->segment_index);
      else
        sqlite3_bind_null (stmt, 3);
      sqlite3_bind_text (stmt, 4, chapter->title, -1, SQLITE_STATIC);
      if (!STEP_DONE (stmt))
        {
          tl_stmt_release (stmt);
          return tl_sqlite_store_fail (self, error);
        }
      sqlite3_reset (stmt);
    }
  tl_stmt_release (stmt);

  if (options->media != NULL && !insert_media (self, source_id, options->media, error))
    return FALSE;

  stmt = tl_sqlite_store_prepare (self,
    "INSERT INTO transcript (source_id, format, language, timing, origin_path, n_segments, imported_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_text (stmt, 2, doc->format, -1, SQLITE_STATIC);
  tl_stmt_bind_text_or_null (stmt, 3, doc->language);
  sqlite3_bind_text (stmt, 4, tl_timing_to_string (doc->timing), -1, SQLITE_STATIC);
  tl_stmt_bind_text_or_null (stmt, 5, options->origin_path);
  sqlite3_bind_int (stmt, 6, doc->segments->len);
  sqlite3_bind_int64 (stmt, 7, g_get_real_time ());
  if (!STEP_DONE (stmt))
    {
      tl_stmt_release (stmt);
      return tl_sqlite_store_fail (self, error);
    }
  tl_stmt_release (stmt);
  transcript_id = sqlite3_last_insert_rowid (self->db);
  return transcript_id;
}

/* Another Tagline took the import for the leftovers of a stopped one. */
static gboolean
import_removed (TlSqliteStore *self, GError **error)
{
  g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_FAILED,
               _("The import into %s was removed while it ran: import the file again"), self->path);
  return FALSE;
}

/* The source's last transaction: it appears, in its folder. */
static gboolean
show_source (TlSqliteStore *self, gint64 source_id, const TlImportOptions *options, gint64 folder_id, GError **error)
{
  g_autoptr(TlStmt) stmt = NULL;

  if (folder_id == 0 && options->folder != NULL
      && (folder_id = ensure_folder_locked (self, options->folder, error)) == 0)
    return FALSE;
  stmt = tl_sqlite_store_prepare (self, "UPDATE source SET deleted = 0, folder_id = nullif(?2, 0), updated_at = ?3"
                                   " WHERE id = ?1 AND deleted = 2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_int64 (stmt, 2, folder_id);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  if (!STEP_DONE (stmt))
    return tl_sqlite_store_fail (self, error);
  return sqlite3_changes (self->db) == 1 || import_removed (self, error);
}

/* Tells other programs that this hidden source is still being written:
 * tl_sqlite_store_remove_stopped_imports() leaves it alone. */
static gboolean
touch_source (TlSqliteStore *self, gint64 source_id, GError **error)
{
  g_autoptr(TlStmt) stmt = tl_sqlite_store_prepare (self,
    "UPDATE source SET updated_at = ?2 WHERE id = ?1 AND deleted = 2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
  if (!STEP_DONE (stmt))
    return tl_sqlite_store_fail (self, error);
  return sqlite3_changes (self->db) == 1 || import_removed (self, error);
}

/* Stores an imported document as a new source, in folder @folder_id or
 * else the folder @options names (made when missing). Other programs and
 * windows see it whole or not at all: a long transcript is written in
 * transactions of about 50 ms into a hidden source, which the last one
 * shows, so edits elsewhere do not wait for the import. On any failure
 * nothing is shown and what was written is removed (or, if the program is
 * killed, removed by the next program that opens the library to write). */
gint64
tl_sqlite_store_add_document (TlStore *store, TlDocument *doc, const TlImportOptions *options, gint64 folder_id,
                              GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  gint64 source_id = 0, transcript_id;
  guint next = 0;

  if (!tl_sqlite_store_begin (self, error))
    return 0;
  if ((source_id = insert_source (self, doc, options, error)) == 0
      || (transcript_id = insert_document_parts (self, doc, options, source_id, error)) == 0)
    {
      tl_sqlite_store_rollback (self);
      return 0;
    }
  for (;;)
    {
      if (!insert_segments (self, doc, transcript_id, &next, error))
        goto fail;
      if (next >= doc->segments->len)
        break;
      if (!tl_sqlite_store_commit (self, error))
        goto fail;
      /* Let a writer that waits for the lock have it (the busy handler
       * polls every millisecond, tl-sqlite-store-open.c) before the next part. */
      g_usleep (2000);
      /* still ours? (another program may have taken it for stopped) */
      if (!tl_sqlite_store_begin (self, error) || !touch_source (self, source_id, error))
        goto fail;
    }
  if (!show_source (self, source_id, options, folder_id, error) || !tl_sqlite_store_commit (self, error))
    goto fail;
  return source_id;

fail:
  tl_sqlite_store_rollback (self);
  /* the parts committed already: nobody saw them; remove them now, or the
   * next program that opens the library to write will */
  tl_sqlite_store_remove_import (self, source_id, NULL);
  return 0;
}

/* Folder id -> "A/B" for every folder, built in one query. */
GHashTable *
tl_sqlite_store_load_folder_paths (TlSqliteStore *self, GError **error)
{
  g_autoptr(GHashTable) paths = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(TlStmt) stmt = tl_sqlite_store_prepare (self,
    "WITH RECURSIVE tree (id, path) AS ("
    "  SELECT id, name FROM folder WHERE parent_id IS NULL"
    "  UNION ALL SELECT f.id, tree.path || '/' || f.name FROM folder f JOIN tree ON f.parent_id = tree.id)"
    " SELECT id, path FROM tree", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (paths, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         tl_stmt_dup_text (stmt, 1));
  if (rc != SQLITE_DONE)
    {
      tl_sqlite_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&paths);
}

#define SOURCE_COLUMNS \
  "s.id, s.kind, s.title, s.outlet, s.published, s.url, s.external_id, s.duration_us," \
  " s.description, s.language, s.folder_id, t.timing, t.format, t.origin_path, ifnull(t.n_segments, 0)," \
  " m.path, m.duration_us, m.fps_num, m.fps_den, m.width, m.height, m.has_video, m.has_audio," \
  " m.video_codec, m.audio_codec, m.start_timecode" \
  " FROM source s" \
  " LEFT JOIN transcript t ON t.id = (SELECT max(id) FROM transcript WHERE source_id = s.id)" \
  " LEFT JOIN media m ON m.source_id = s.id"

static gpointer
source_from_row (TlStmt *stmt, gpointer folder_paths)
{
  TlSource *source = g_object_new (TL_TYPE_SOURCE, NULL);

  source->id = sqlite3_column_int64 (stmt, 0);
  tl_source_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &source->kind);
  source->title = tl_stmt_dup_text (stmt, 2);
  source->outlet = tl_stmt_dup_text (stmt, 3);
  source->published = tl_stmt_dup_text (stmt, 4);
  source->url = tl_stmt_dup_text (stmt, 5);
  source->external_id = tl_stmt_dup_text (stmt, 6);
  source->duration = tl_stmt_column_time (stmt, 7);
  source->description = tl_stmt_dup_text (stmt, 8);
  source->language = tl_stmt_dup_text (stmt, 9);
  source->folder_id = sqlite3_column_int64 (stmt, 10);
  if (source->folder_id && folder_paths)
    source->folder = g_strdup (g_hash_table_lookup (folder_paths, &source->folder_id));
  tl_timing_from_string ((const char *) sqlite3_column_text (stmt, 11), &source->timing);
  source->format = tl_stmt_dup_text (stmt, 12);
  source->origin_path = tl_stmt_dup_text (stmt, 13);
  source->n_segments = sqlite3_column_int (stmt, 14);
  if (sqlite3_column_type (stmt, 15) != SQLITE_NULL)
    {
      TlMediaInfo *media = tl_media_info_new ();
      media->path = tl_stmt_dup_text (stmt, 15);
      media->duration = tl_stmt_column_time (stmt, 16);
      media->fps_num = sqlite3_column_int (stmt, 17);
      media->fps_den = sqlite3_column_int (stmt, 18);
      media->width = sqlite3_column_int (stmt, 19);
      media->height = sqlite3_column_int (stmt, 20);
      media->has_video = sqlite3_column_int (stmt, 21);
      media->has_audio = sqlite3_column_int (stmt, 22);
      media->video_codec = tl_stmt_dup_text (stmt, 23);
      media->audio_codec = tl_stmt_dup_text (stmt, 24);
      media->start_timecode = tl_stmt_dup_text (stmt, 25);
      source->media = media;
    }
  return source;
}

/* Sources in their folders' order, then by title. */
GPtrArray *
tl_sqlite_store_list_sources (TlStore *store, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  g_autoptr(GHashTable) folder_paths = NULL;
  g_autoptr(TlStmt) stmt = NULL;

  if ((folder_paths = tl_sqlite_store_load_folder_paths (self, error)) == NULL)
    return NULL;
  stmt = tl_sqlite_store_prepare (self, "SELECT " SOURCE_COLUMNS " WHERE s.deleted = 0 ORDER BY s.position, s.id", error);
  if (stmt == NULL)
    return NULL;
  return tl_sqlite_store_collect (self, stmt, source_from_row, folder_paths, g_object_unref, error);
}

TlSource *
tl_sqlite_store_get_source (TlStore *store, gint64 source_id, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  g_autoptr(GHashTable) folder_paths = NULL;
  g_autoptr(TlSource) source = NULL;
  g_autoptr(GStrvBuilder) keywords = g_strv_builder_new ();
  TlStmt *stmt;
  int rc;

  if ((folder_paths = tl_sqlite_store_load_folder_paths (self, error)) == NULL)
    return NULL;
  stmt = tl_sqlite_store_prepare (self, "SELECT " SOURCE_COLUMNS " WHERE s.id = ? AND s.deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, source_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    source = source_from_row (stmt, folder_paths);
  tl_stmt_release (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        tl_store_not_found (error, TL_STORE_ENTITY_SOURCE, source_id);
      else
        tl_sqlite_store_fail (self, error);
      return NULL;
    }

  stmt = tl_sqlite_store_prepare (self, "SELECT keyword FROM source_keyword WHERE source_id = ? ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, source_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (keywords, (const char *) sqlite3_column_text (stmt, 0));
  tl_stmt_release (stmt);
  source->keywords = g_strv_builder_end (keywords);
  return g_steal_pointer (&source);
}

static gpointer
segment_from_row (TlStmt *stmt, gpointer unused)
{
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
  return segment;
}

#define SEGMENT_COLUMNS "g.id, g.idx, g.start_us, g.end_us, g.speaker, g.text, g.non_speech, g.confidence, g.flag, g.anchor"

static GPtrArray *
collect_segments (TlSqliteStore *self, TlStmt *stmt, GError **error)
{
  return tl_sqlite_store_collect (self, stmt, segment_from_row, NULL, g_object_unref, error);
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

static gpointer
chapter_from_row (TlStmt *stmt, gpointer unused)
{
  TlChapter *chapter = g_new0 (TlChapter, 1);

  chapter->start = tl_stmt_column_time (stmt, 0);
  chapter->segment_index = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 1);
  chapter->title = tl_stmt_dup_text (stmt, 2);
  return chapter;
}

GPtrArray *
tl_sqlite_store_get_chapters (TlStore *store, gint64 source_id, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  g_autoptr(TlStmt) stmt = NULL;

  stmt = tl_sqlite_store_prepare (self, "SELECT start_us, segment_idx, title FROM chapter WHERE source_id = ?"
                             " ORDER BY ifnull(start_us, 0), ifnull(segment_idx, 0), id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, source_id);
  return tl_sqlite_store_collect (self, stmt, chapter_from_row, NULL, (GDestroyNotify) tl_chapter_free, error);
}

/* Moves the source's timed clips so that each holds the same part of the
 * same lines on @times as on the lines' times now: a clip made on
 * estimated or subtitle times would otherwise run into the next line once
 * the lines are aligned. */
static gboolean
move_clips_with_lines (TlSqliteStore *self, gint64 source_id, gint64 transcript_id, const TlSegmentTiming *times,
                       guint n_times, GError **error)
{
  g_autofree TlSegmentTiming *old = g_new0 (TlSegmentTiming, n_times);
  g_autoptr(TlRetimeMap) map = NULL;
  g_autoptr(GArray) moves = g_array_new (FALSE, FALSE, sizeof (gint64));
  TlStmt *stmt;

  for (guint i = 0; i < n_times; i++)
    old[i].start = old[i].end = TL_TIME_NONE;
  stmt = tl_sqlite_store_prepare (self, "SELECT idx, start_us, end_us FROM segment WHERE transcript_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, transcript_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int idx = sqlite3_column_int (stmt, 0);
      if (idx >= 0 && (guint) idx < n_times)
        {
          old[idx].start = tl_stmt_column_time (stmt, 1);
          old[idx].end = tl_stmt_column_time (stmt, 2);
        }
    }
  tl_stmt_release (stmt);
  map = tl_retime_map_new (old, times, n_times);

  /* (id, in, out) of each clip that moves */
  stmt = tl_sqlite_store_prepare (self, "SELECT id, in_us, out_us FROM clip WHERE source_id = ? AND in_us IS NOT NULL",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 in = sqlite3_column_int64 (stmt, 1), out = sqlite3_column_int64 (stmt, 2);
      gint64 new_in = tl_retime_map_apply (map, in, FALSE), new_out = tl_retime_map_apply (map, out, TRUE);

      /* a clip never shrinks to nothing: lines squeezed together keep it one µs long at least */
      new_out = MAX (new_out, new_in + 1);
      if (new_in == in && new_out == out)
        continue;
      g_array_append_val (moves, id);
      g_array_append_val (moves, new_in);
      g_array_append_val (moves, new_out);
    }
  tl_stmt_release (stmt);
  if (moves->len == 0)
    return TRUE;

  stmt = tl_sqlite_store_prepare (self, "UPDATE clip SET in_us = ?, out_us = ?, updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < moves->len; i += 3)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (moves, gint64, i + 1));
      sqlite3_bind_int64 (stmt, 2, g_array_index (moves, gint64, i + 2));
      sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
      sqlite3_bind_int64 (stmt, 4, g_array_index (moves, gint64, i));
      if (!STEP_DONE (stmt))
        {
          tl_sqlite_store_fail (self, error);
          tl_stmt_release (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }
  tl_stmt_release (stmt);
  return TRUE;
}

/* Inside an open edit: the new times of every line of a source's
 * transcript (checked by the library), its clips moved with them. */
gboolean
tl_sqlite_store_set_segment_times (TlStore *store, gint64 source_id, TlTiming timing,
                                   const TlSegmentTiming *times, guint n_times, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  TlStmt *stmt;
  gint64 transcript_id = 0;
  int n_segments = 0;

  stmt = tl_sqlite_store_prepare (self, "SELECT t.id, t.n_segments FROM transcript t WHERE t.id = " CURRENT_TRANSCRIPT, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      transcript_id = sqlite3_column_int64 (stmt, 0);
      n_segments = sqlite3_column_int (stmt, 1);
    }
  tl_stmt_release (stmt);
  if (transcript_id == 0)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND,
                   _("No source with id %" PRId64 " and a transcript in this library"), source_id);
      return FALSE;
    }
  if ((guint) n_segments != n_times)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                   _("The transcript has %d lines, not %u: it changed since its times were computed"),
                   n_segments, n_times);
      return FALSE;
    }

  /* clips move with the lines they hold, in the same step */
  if (!move_clips_with_lines (self, source_id, transcript_id, times, n_times, error))
    return FALSE;

  stmt = tl_sqlite_store_prepare (self,
    /* rows whose values stay as they are are left alone: a tap changes a
     * few lines, and only those go into the undo history */
    "UPDATE segment SET start_us = ?1, end_us = ?2, confidence = ?3, flag = ?4, anchor = ?5"
    " WHERE transcript_id = ?6 AND idx = ?7"
    " AND NOT (start_us IS ?1 AND end_us IS ?2 AND confidence IS ?3 AND flag IS ?4 AND anchor = ?5)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_times; i++)
    {
      const TlSegmentTiming *t = &times[i];

      tl_stmt_bind_time (stmt, 1, t->start);
      tl_stmt_bind_time (stmt, 2, t->start == TL_TIME_NONE ? TL_TIME_NONE : t->end);
      if (t->confidence >= 0)
        sqlite3_bind_double (stmt, 3, t->confidence);
      else
        sqlite3_bind_null (stmt, 3);
      tl_stmt_bind_text_or_null (stmt, 4, t->flag);
      sqlite3_bind_int (stmt, 5, t->anchor ? 1 : 0);
      sqlite3_bind_int64 (stmt, 6, transcript_id);
      sqlite3_bind_int (stmt, 7, i);
      if (!STEP_DONE (stmt))
        {
          tl_sqlite_store_fail (self, error);
          tl_stmt_release (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }
  tl_stmt_release (stmt);

  stmt = tl_sqlite_store_prepare (self, "UPDATE transcript SET timing = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, tl_timing_to_string (timing), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, transcript_id);
  if (!STEP_DONE (stmt))
    {
      tl_sqlite_store_fail (self, error);
      tl_stmt_release (stmt);
      return FALSE;
    }
  tl_stmt_release (stmt);

  stmt = tl_sqlite_store_prepare (self, "UPDATE source SET updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g_get_real_time ());
  sqlite3_bind_int64 (stmt, 2, source_id);
  if (!STEP_DONE (stmt))
    {
      tl_sqlite_store_fail (self, error);
      tl_stmt_release (stmt);
      return FALSE;
    }
  tl_stmt_release (stmt);
  return TRUE;
}


/* Inside an open edit: links a source to its media file (or unlinks it),
 * its kind and duration following. */
gboolean
tl_sqlite_store_set_media (TlStore *store, gint64 source_id, const TlMediaInfo *media, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  TlStmt *stmt;

  if (!tl_sqlite_store_run (self, "DELETE FROM media WHERE source_id = ?1", -1, source_id, RUN_NONE, NULL, 0, error))
    return FALSE;
  if (media == NULL)
    return TRUE;
  stmt = tl_sqlite_store_prepare (self,
    "INSERT INTO media (source_id, path, duration_us, fps_num, fps_den, width, height,"
    " has_video, has_audio, video_codec, audio_codec, start_timecode)"
    " VALUES (?, ?, ?, nullif(?, 0), nullif(?, 0), nullif(?, 0), nullif(?, 0), ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_text (stmt, 2, media->path, -1, SQLITE_STATIC);
  tl_stmt_bind_time (stmt, 3, media->duration);
  sqlite3_bind_int (stmt, 4, media->fps_num);
  sqlite3_bind_int (stmt, 5, media->fps_den);
  sqlite3_bind_int (stmt, 6, media->width);
  sqlite3_bind_int (stmt, 7, media->height);
  sqlite3_bind_int (stmt, 8, media->has_video);
  sqlite3_bind_int (stmt, 9, media->has_audio);
  tl_stmt_bind_text_or_null (stmt, 10, media->video_codec);
  tl_stmt_bind_text_or_null (stmt, 11, media->audio_codec);
  tl_stmt_bind_text_or_null (stmt, 12, media->start_timecode);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      tl_stmt_release (stmt);
      if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_FOREIGNKEY)
        return tl_store_not_found (error, TL_STORE_ENTITY_SOURCE, source_id);
      return tl_sqlite_store_fail (self, error);
    }
  tl_stmt_release (stmt);
  if (!tl_sqlite_store_run (self, "UPDATE source SET kind = CASE WHEN ?2 THEN 'video' WHEN kind = 'article' THEN kind"
                                  " ELSE 'audio' END, updated_at = ?3 WHERE id = ?1",
                            TL_STORE_ENTITY_SOURCE, source_id, RUN_INT, NULL, media->has_video, error))
    return FALSE;
  return media->duration <= 0
         || tl_sqlite_store_run (self, "UPDATE source SET duration_us = ?2 WHERE id = ?1", TL_STORE_ENTITY_SOURCE,
                                 source_id, RUN_INT, NULL, media->duration, error);
}

/* Inside an open edit: a source's title, folder, or its deletion (it is
 * hidden, with its clips and its lines in search, until undo). */
gboolean
tl_sqlite_store_update_source (TlStore *store, gint64 source_id, TlStoreChange change, const char *text, gint64 a,
                               GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);

  switch (change)
    {
    case TL_STORE_SET_TITLE:
      return tl_sqlite_store_run (self, "UPDATE source SET title = ?2, updated_at = ?3 WHERE id = ?1 AND deleted = 0",
                                  TL_STORE_ENTITY_SOURCE, source_id, RUN_TEXT, text, 0, error);
    case TL_STORE_SET_PARENT:
      return tl_sqlite_store_run (self, "UPDATE source SET folder_id = nullif(?2, 0), updated_at = ?3"
                                        " WHERE id = ?1 AND deleted = 0",
                                  TL_STORE_ENTITY_SOURCE, source_id, RUN_INT, NULL, a, error);
    case TL_STORE_DELETE:
      return tl_sqlite_store_run (self, "UPDATE source SET deleted = 1, updated_at = ?3 WHERE id = ?1 AND deleted = 0",
                                  TL_STORE_ENTITY_SOURCE, source_id, RUN_NONE, NULL, 0, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* The peaks kept for @source_id's media file as it is now (@size, @mtime),
 * or NULL in @peaks. */
gboolean
tl_sqlite_store_load_waveform (TlStore *store, gint64 source_id, const char *media_path, gint64 size, gint64 mtime,
                               guint *peaks_per_second, GBytes **peaks, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  g_autoptr(TlStmt) stmt = NULL;
  int rc;

  stmt = tl_sqlite_store_prepare (self,
                                  "SELECT peaks_per_second, peaks FROM waveform"
                                  " WHERE source_id = ? AND media_path = ? AND media_size = ? AND media_mtime = ?",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_text (stmt, 2, media_path, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, size);
  sqlite3_bind_int64 (stmt, 4, mtime);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (peaks_per_second)
        *peaks_per_second = sqlite3_column_int (stmt, 0);
      *peaks = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return tl_sqlite_store_fail (self, error);
  return TRUE;
}

gboolean
tl_sqlite_store_save_waveform (TlStore *store, gint64 source_id, const char *media_path, gint64 size, gint64 mtime,
                               guint peaks_per_second, GBytes *peaks, GError **error)
{
  TlSqliteStore *self = TL_SQLITE_STORE (store);
  g_autoptr(TlStmt) stmt = NULL;
  gsize n;
  gconstpointer data;

  stmt = tl_sqlite_store_prepare (self,
                                  "INSERT OR REPLACE INTO waveform (source_id, media_path, media_size, media_mtime,"
                                  " peaks_per_second, peaks, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                  error);
  if (stmt == NULL)
    return FALSE;
  data = g_bytes_get_data (peaks, &n);
  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_text (stmt, 2, media_path, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, size);
  sqlite3_bind_int64 (stmt, 4, mtime);
  sqlite3_bind_int (stmt, 5, peaks_per_second);
  sqlite3_bind_blob64 (stmt, 6, n ? data : "", n, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, g_get_real_time ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return tl_sqlite_store_fail (self, error);
  return TRUE;
}
