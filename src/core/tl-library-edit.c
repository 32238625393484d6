/* tl-library-edit.c: what the editor changes by hand: clips (trim, title,
 * note, rating, topics, delete), topics, folders and sources. Each call is
 * one transaction and one undo step. */
#include "tl-library-private.h"
#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include <string.h>

#include "tl-model-private.h"
#include "tl-text.h"

typedef enum {
  ARG_NONE,
  ARG_TEXT,
  ARG_INT,
} ArgKind;

static gboolean
row_not_found (GError **error, const char *kind, gint64 id)
{
  g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND,
               /* one message per kind, so that translations can inflect the noun */
               g_str_equal (kind, "clip")     ? _("No clip with id %" PRId64 " in this library")
               : g_str_equal (kind, "topic")  ? _("No topic with id %" PRId64 " in this library")
               : g_str_equal (kind, "folder") ? _("No folder with id %" PRId64 " in this library")
                                             : _("No source with id %" PRId64 " in this library"),
               id);
  return FALSE;
}

/* Runs one statement inside an open edit with ?1 = @id, ?2 = the argument
 * and ?3 = now; an update that touched no row means there is no such row. */
static gboolean
run (TlLibrary *self, const char *sql, const char *kind, gint64 id, ArgKind arg, const char *text,
     gint64 number, GError **error)
{
  g_autoptr(TlStmt) stmt = tl_library_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (arg == ARG_TEXT)
    tl_stmt_bind_text_or_null (stmt, 2, text);
  else if (arg == ARG_INT)
    sqlite3_bind_int64 (stmt, 2, number);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return tl_library_fail (self, error);
  if (kind != NULL && sqlite3_changes (self->db) == 0)
    return row_not_found (error, kind, id);
  return TRUE;
}

/* One statement as a whole undoable edit. */
static gboolean
edit_row (TlLibrary *self, const char *label, TlLibraryChange what, const char *sql, const char *kind,
          gint64 id, ArgKind arg, const char *text, gint64 number, GError **error)
{
  if (!tl_library_edit_begin (self, label, what, error))
    return FALSE;
  if (!run (self, sql, kind, id, arg, text, number, error))
    {
      tl_library_edit_rollback (self);
      return FALSE;
    }
  return tl_library_edit_commit (self, error);
}

/* Whether clip_ids[@i] was named before it in the list. */
static gboolean
clip_was_deleted_here (const gint64 *clip_ids, guint i)
{
  for (guint j = 0; j < i; j++)
    if (clip_ids[j] == clip_ids[i])
      return TRUE;
  return FALSE;
}

/**
 * tl_library_check_time_range:
 *
 * Whether [@in, @out) can be a clip of @source: it starts at or after 0,
 * ends after it starts, and starts before the source ends.
 */
gboolean
tl_library_check_time_range (TlSource *source, gint64 in, gint64 out, GError **error)
{
  if (in < 0 || out <= in)
    {
      g_autofree char *in_text = tl_format_clock (in, TRUE, '.');
      g_autofree char *out_text = tl_format_clock (out, TRUE, '.');
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                   _("The clip must end after it starts (in %s, out %s)"), in_text, out_text);
      return FALSE;
    }
  if (source->duration > 0 && in >= source->duration)
    {
      g_autofree char *in_text = tl_format_clock (in, TRUE, '.');
      g_autofree char *end = tl_format_clock (source->duration, TRUE, '.');
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                   _("The clip starts at %s, after the end of “%s” (%s)"), in_text, source->title, end);
      return FALSE;
    }
  return TRUE;
}

/* Clips */

/**
 * tl_clip_specs_for_lines:
 * @segments: (array length=n_segments): the source's lines, in order
 * @runs: (array length=n_runs): runs of selected lines
 *
 * What tagging selected lines makes: one clip per run of lines, never one
 * across the lines between two runs. A clip of timed lines runs from its
 * first line's start to its last line's end (or, for a line without an
 * end, the next line's start or the source's end); a source without times
 * (an article) gets paragraph clips. The specs have no topics yet.
 *
 * Returns: (transfer full) (element-type TlClipSpec): the specs, or %NULL
 *   with @error set when a run has no times to make a clip of
 */
GArray *
tl_clip_specs_for_lines (TlSource *source, TlSegment *const *segments, guint n_segments, const TlLineRun *runs,
                         guint n_runs, GError **error)
{
  g_autoptr(GArray) specs = g_array_sized_new (FALSE, TRUE, sizeof (TlClipSpec), n_runs);
  gboolean by_paragraph;

  g_return_val_if_fail (TL_IS_SOURCE (source), NULL);
  by_paragraph = source->kind == TL_SOURCE_KIND_ARTICLE || source->timing == TL_TIMING_NONE;
  for (guint i = 0; i < n_runs; i++)
    {
      TlClipSpec spec = { 0 };
      guint first = runs[i].first, last = runs[i].last;

      if (first > last || last >= n_segments)
        {
          g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                       _("“%s” has no lines %u–%u"), source->title, first + 1, last + 1);
          return NULL;
        }
      spec.source_id = source->id;
      spec.in = spec.out = TL_TIME_NONE;
      spec.first_segment = spec.last_segment = -1;
      if (by_paragraph)
        {
          spec.first_segment = first;
          spec.last_segment = last;
        }
      else
        {
          spec.in = tl_segment_get_start (segments[first]);
          spec.out = tl_segment_get_end (segments[last]);
          if (spec.out < 0 && last + 1 < n_segments)
            spec.out = tl_segment_get_start (segments[last + 1]);
          if (spec.out < 0 && source->duration > 0)
            spec.out = source->duration;
          if (spec.in < 0 || spec.out <= spec.in)
            {
              g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                           _("These lines have no times to make a clip of"));
              return NULL;
            }
        }
      g_array_append_val (specs, spec);
    }
  return g_steal_pointer (&specs);
}

/**
 * tl_library_set_clip_range:
 *
 * Trims a clip to [@in, @out), in µs (clipped to the source's end).
 */
gboolean
tl_library_set_clip_range (TlLibrary *self, gint64 clip_id, gint64 in, gint64 out, GError **error)
{
  g_autoptr(TlClip) clip = NULL;
  g_autoptr(TlSource) source = NULL;
  g_autoptr(TlStmt) stmt = NULL;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if ((clip = tl_library_get_clip (self, clip_id, error)) == NULL
      || (source = tl_library_get_source (self, clip->source_id, error)) == NULL)
    return FALSE;
  if (clip->in < 0)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                   _("This clip is a range of paragraphs, not of time"));
      return FALSE;
    }
  if (!tl_library_check_time_range (source, in, out, error))
    return FALSE;
  if (source->duration > 0)
    out = MIN (out, source->duration);

  if (!tl_library_edit_begin (self, N_("Trim Clip"), TL_LIBRARY_CHANGE_CLIPS, error))
    return FALSE;
  stmt = tl_library_prepare (self, "UPDATE clip SET in_us = ?2, out_us = ?3, updated_at = ?4 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, clip_id);
  sqlite3_bind_int64 (stmt, 2, in);
  sqlite3_bind_int64 (stmt, 3, out);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      tl_library_fail (self, error);
      goto fail;
    }
  return tl_library_edit_commit (self, error);

fail:
  tl_library_edit_rollback (self);
  return FALSE;
}

/* For clips of articles and untimed transcripts: paragraphs @first–@last. */
gboolean
tl_library_set_clip_paragraphs (TlLibrary *self, gint64 clip_id, gint first, gint last, GError **error)
{
  g_autoptr(TlClip) clip = NULL;
  g_autoptr(TlSource) source = NULL;
  g_autoptr(TlStmt) stmt = NULL;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if ((clip = tl_library_get_clip (self, clip_id, error)) == NULL
      || (source = tl_library_get_source (self, clip->source_id, error)) == NULL)
    return FALSE;
  if (clip->first_segment < 0 || first < 0 || last < first || (guint) last >= source->n_segments)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                   _("A clip of “%s” is a range of its paragraphs, 0 to %u"), source->title,
                   source->n_segments ? source->n_segments - 1 : 0);
      return FALSE;
    }
  if (!tl_library_edit_begin (self, N_("Trim Clip"), TL_LIBRARY_CHANGE_CLIPS, error))
    return FALSE;
  stmt = tl_library_prepare (self, "UPDATE clip SET first_segment = ?2, last_segment = ?3, updated_at = ?4"
                                   " WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, clip_id);
  sqlite3_bind_int (stmt, 2, first);
  sqlite3_bind_int (stmt, 3, last);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      tl_library_fail (self, error);
      goto fail;
    }
  return tl_library_edit_commit (self, error);

fail:
  tl_library_edit_rollback (self);
  return FALSE;
}

gboolean
tl_library_set_clip_title (TlLibrary *self, gint64 clip_id, const char *title, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  return edit_row (self, N_("Retitle Clip"), TL_LIBRARY_CHANGE_CLIPS,
                   "UPDATE clip SET title = ?2, updated_at = ?3 WHERE id = ?1", "clip", clip_id,
                   ARG_TEXT, title, 0, error);
}

gboolean
tl_library_set_clip_note (TlLibrary *self, gint64 clip_id, const char *note, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  return edit_row (self, N_("Edit Note"), TL_LIBRARY_CHANGE_CLIPS,
                   "UPDATE clip SET note = ?2, updated_at = ?3 WHERE id = ?1", "clip", clip_id,
                   ARG_TEXT, note, 0, error);
}

gboolean
tl_library_set_clip_rating (TlLibrary *self, gint64 clip_id, guint rating, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if (rating > 5)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("Ratings go from 0 to 5, not %u"), rating);
      return FALSE;
    }
  return edit_row (self, N_("Rate Clip"), TL_LIBRARY_CHANGE_CLIPS,
                   "UPDATE clip SET rating = ?2, updated_at = ?3 WHERE id = ?1", "clip", clip_id,
                   ARG_INT, NULL, rating, error);
}

/* Adds (@on) or removes a topic from a clip. */
gboolean
tl_library_set_clip_topic (TlLibrary *self, gint64 clip_id, gint64 topic_id, gboolean on, GError **error)
{
  g_autoptr(TlClip) clip = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if ((clip = tl_library_get_clip (self, clip_id, error)) == NULL)
    return FALSE;
  if (!tl_library_edit_begin (self, on ? N_("Tag Clip") : N_("Untag Clip"), TL_LIBRARY_CHANGE_CLIPS | TL_LIBRARY_CHANGE_TOPICS,
                              error))
    return FALSE;
  if (!run (self, on ? "INSERT OR IGNORE INTO clip_topic (clip_id, topic_id) VALUES (?1, ?2)"
                     : "DELETE FROM clip_topic WHERE clip_id = ?1 AND topic_id = ?2",
            NULL, clip_id, ARG_INT, NULL, topic_id, &local_error)
      || !run (self, "UPDATE clip SET updated_at = ?3 WHERE id = ?1", NULL, clip_id, ARG_NONE, NULL, 0, &local_error))
    {
      tl_library_edit_rollback (self);
      /* the only constraint here is the topic's foreign key */
      if (g_error_matches (local_error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID))
        return row_not_found (error, "topic", topic_id);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return tl_library_edit_commit (self, error);
}

gboolean
tl_library_delete_clip (TlLibrary *self, gint64 clip_id, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  return tl_library_delete_clips (self, &clip_id, 1, error);
}

/**
 * tl_library_delete_clips:
 * @clip_ids: (array length=n_clips): the clips to delete
 *
 * Deletes several clips in one transaction and one undo step ("Delete
 * Clips"): all of them, or none if one of them is not there.
 */
gboolean
tl_library_delete_clips (TlLibrary *self, const gint64 *clip_ids, guint n_clips, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (clip_ids != NULL || n_clips == 0, FALSE);

  if (n_clips == 0)
    return TRUE;
  if (!tl_library_edit_begin (self, n_clips == 1 ? N_("Delete Clip") : N_("Delete Clips"),
                              TL_LIBRARY_CHANGE_CLIPS | TL_LIBRARY_CHANGE_TOPICS, error))
    return FALSE;
  for (guint i = 0; i < n_clips; i++)
    {
      if (!run (self, "DELETE FROM clip WHERE id = ?1", NULL, clip_ids[i], ARG_NONE, NULL, 0, error))
        goto fail;
      /* an id named twice is gone the second time: not an error */
      if (sqlite3_changes (self->db) == 0 && !clip_was_deleted_here (clip_ids, i))
        {
          row_not_found (error, "clip", clip_ids[i]);
          goto fail;
        }
    }
  return tl_library_edit_commit (self, error);

fail:
  tl_library_edit_rollback (self);
  return FALSE;
}

/**
 * tl_library_move_clip:
 * @before_id: the clip to put it in front of; 0: after all the others
 *
 * Rearranges the clips (TL_CLIP_ORDER_ARRANGED): one undoable step. New
 * clips come last.
 */
gboolean
tl_library_move_clip (TlLibrary *self, gint64 clip_id, gint64 before_id, GError **error)
{
  g_autoptr(TlClip) before = NULL;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if (before_id != 0 && (before = tl_library_get_clip (self, before_id, error)) == NULL)
    return FALSE;
  if (before_id == clip_id)
    return TRUE;
  if (!tl_library_edit_begin (self, N_("Move Clip"), TL_LIBRARY_CHANGE_CLIPS, error))
    return FALSE;
  if (before_id == 0
        ? !run (self, "UPDATE clip SET position = (SELECT max(position) + 1 FROM clip) WHERE id = ?1", "clip", clip_id,
                ARG_NONE, NULL, 0, error)
        /* take the other clip's place, then move it and all after it on */
        : !run (self, "UPDATE clip SET position = (SELECT position FROM clip WHERE id = ?2) WHERE id = ?1", "clip",
                clip_id, ARG_INT, NULL, before_id, error)
            || !run (self, "UPDATE clip SET position = position + 1 WHERE id <> ?1"
                           " AND position >= (SELECT position FROM clip WHERE id = ?1)",
                     NULL, clip_id, ARG_NONE, NULL, 0, error))
    {
      tl_library_edit_rollback (self);
      return FALSE;
    }
  return tl_library_edit_commit (self, error);
}

/* Topics */

static gboolean
topic_name_taken (const char *name, GError **error)
{
  g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_EXISTS, _("There is already a topic “%s”"), name);
  return FALSE;
}

gboolean
tl_library_rename_topic (TlLibrary *self, gint64 topic_id, const char *name, GError **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if (*clean == '\0')
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("A topic needs a name"));
      return FALSE;
    }
  if (edit_row (self, N_("Rename Topic"), TL_LIBRARY_CHANGE_TOPICS | TL_LIBRARY_CHANGE_CLIPS,
                "UPDATE topic SET name = ?2 WHERE id = ?1", "topic", topic_id, ARG_TEXT, clean, 0, &local_error))
    return TRUE;
  if (g_error_matches (local_error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID))
    return topic_name_taken (clean, error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
tl_library_set_topic_color (TlLibrary *self, gint64 topic_id, const char *color, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if (color == NULL || strlen (color) != 7 || color[0] != '#' || strspn (color + 1, "0123456789abcdefABCDEF") != 6)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                   _("“%s” is not a colour: use #rrggbb, e.g. #3584e4"), color ? color : "");
      return FALSE;
    }
  return edit_row (self, N_("Recolour Topic"), TL_LIBRARY_CHANGE_TOPICS,
                   "UPDATE topic SET color = lower(?2) WHERE id = ?1", "topic", topic_id, ARG_TEXT, color, 0, error);
}

/**
 * tl_library_set_topic_key:
 * @key: 1–9, or 0 for none
 *
 * Gives a topic its key; the topic that had that key loses it.
 */
gboolean
tl_library_set_topic_key (TlLibrary *self, gint64 topic_id, guint key, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if (key > 9)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("Topic keys are 1 to 9, not %u"), key);
      return FALSE;
    }
  if (!tl_library_edit_begin (self, N_("Change Topic Key"), TL_LIBRARY_CHANGE_TOPICS, error))
    return FALSE;
  if ((key > 0 && !run (self, "UPDATE topic SET key = NULL WHERE key = ?2 AND id <> ?1", NULL, topic_id,
                        ARG_INT, NULL, key, error))
      || !run (self, key > 0 ? "UPDATE topic SET key = ?2 WHERE id = ?1" : "UPDATE topic SET key = NULL WHERE id = ?1",
               "topic", topic_id, key > 0 ? ARG_INT : ARG_NONE, NULL, key, error))
    {
      tl_library_edit_rollback (self);
      return FALSE;
    }
  return tl_library_edit_commit (self, error);
}

/* Deletes a topic; its clips stay, without it. */
gboolean
tl_library_delete_topic (TlLibrary *self, gint64 topic_id, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  return edit_row (self, N_("Delete Topic"), TL_LIBRARY_CHANGE_TOPICS | TL_LIBRARY_CHANGE_CLIPS,
                   "DELETE FROM topic WHERE id = ?1", "topic", topic_id, ARG_NONE, NULL, 0, error);
}

/* Folders and sources */

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
tl_library_list_folders (TlLibrary *self, GError **error)
{
  g_autoptr(TlStmt) stmt = NULL;

  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  stmt = tl_library_prepare (self, "SELECT id, ifnull(parent_id, 0), name FROM folder WHERE deleted = 0"
                                   " ORDER BY position, name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  return tl_library_collect (self, stmt, folder_from_row, NULL, g_object_unref, error);
}

static char *
clean_folder_name (const char *name, GError **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));

  if (*clean == '\0' || strchr (clean, '/') != NULL)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                   _("A folder needs a name without “/”"));
      return NULL;
    }
  return g_steal_pointer (&clean);
}

static gboolean
folder_name_taken (const char *name, GError **error)
{
  g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_EXISTS, _("There is already a folder “%s” here"), name);
  return FALSE;
}

/**
 * tl_library_add_folder:
 * @parent_id: the folder it goes in, or 0 for the top level
 *
 * Returns: the new folder's id, or 0 with @error set
 */
gint64
tl_library_add_folder (TlLibrary *self, gint64 parent_id, const char *name, GError **error)
{
  g_autofree char *clean = NULL;
  g_autoptr(TlStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (TL_IS_LIBRARY (self), 0);
  if ((clean = clean_folder_name (name, error)) == NULL)
    return 0;
  if (!tl_library_edit_begin (self, N_("New Folder"), TL_LIBRARY_CHANGE_FOLDERS, error))
    return 0;
  stmt = tl_library_prepare (self, "INSERT INTO folder (parent_id, name, created_at) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  if (parent_id > 0)
    sqlite3_bind_int64 (stmt, 1, parent_id);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if ((sqlite3_extended_errcode (self->db) & 0xff) == SQLITE_CONSTRAINT && sqlite3_extended_errcode (self->db) != SQLITE_CONSTRAINT_FOREIGNKEY)
        folder_name_taken (clean, error);
      else if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_FOREIGNKEY)
        row_not_found (error, "folder", parent_id);
      else
        tl_library_fail (self, error);
      goto fail;
    }
  id = sqlite3_last_insert_rowid (self->db);
  tl_stmt_release (stmt);
  if (!tl_library_edit_commit (self, error))
    return 0;
  return id;

fail:
  tl_library_edit_rollback (self);
  return 0;
}

gboolean
tl_library_rename_folder (TlLibrary *self, gint64 folder_id, const char *name, GError **error)
{
  g_autofree char *clean = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if ((clean = clean_folder_name (name, error)) == NULL)
    return FALSE;
  if (edit_row (self, N_("Rename Folder"), TL_LIBRARY_CHANGE_FOLDERS | TL_LIBRARY_CHANGE_SOURCES,
                "UPDATE folder SET name = ?2 WHERE id = ?1 AND deleted = 0", "folder", folder_id, ARG_TEXT, clean, 0,
                &local_error))
    return TRUE;
  if (g_error_matches (local_error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID))
    return folder_name_taken (clean, error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Moves a folder into another (0: the top level); never into itself or
 * one of its own folders. */
gboolean
tl_library_move_folder (TlLibrary *self, gint64 folder_id, gint64 parent_id, GError **error)
{
  g_autoptr(TlStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean inside = FALSE;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if (parent_id > 0)
    {
      stmt = tl_library_prepare (self, "WITH RECURSIVE sub (id) AS (SELECT ?1 UNION ALL"
                                       " SELECT f.id FROM folder f JOIN sub ON f.parent_id = sub.id)"
                                       " SELECT count(*) FROM sub WHERE id = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, folder_id);
      sqlite3_bind_int64 (stmt, 2, parent_id);
      inside = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0;
      tl_stmt_release (stmt);
    }
  if (inside)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("A folder cannot go inside itself"));
      return FALSE;
    }
  if (edit_row (self, N_("Move Folder"), TL_LIBRARY_CHANGE_FOLDERS | TL_LIBRARY_CHANGE_SOURCES,
                "UPDATE folder SET parent_id = nullif(?2, 0) WHERE id = ?1 AND deleted = 0", "folder", folder_id,
                ARG_INT, NULL, parent_id, &local_error))
    return TRUE;
  if (g_error_matches (local_error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID))
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_EXISTS, _("There is already a folder of that name there"));
      return FALSE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Deletes a folder with its folders and sources; undo brings them back. */
gboolean
tl_library_delete_folder (TlLibrary *self, gint64 folder_id, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if (!tl_library_edit_begin (self, N_("Delete Folder"), TL_LIBRARY_CHANGE_FOLDERS | TL_LIBRARY_CHANGE_SOURCES
                              | TL_LIBRARY_CHANGE_CLIPS | TL_LIBRARY_CHANGE_TOPICS, error))
    return FALSE;
  if (!run (self, "WITH RECURSIVE sub (id) AS (SELECT ?1 UNION ALL"
                  " SELECT f.id FROM folder f JOIN sub ON f.parent_id = sub.id)"
                  " UPDATE source SET deleted = 1 WHERE deleted = 0 AND folder_id IN (SELECT id FROM sub)",
            NULL, folder_id, ARG_NONE, NULL, 0, error)
      || !run (self, "WITH RECURSIVE sub (id) AS (SELECT ?1 UNION ALL"
                     " SELECT f.id FROM folder f JOIN sub ON f.parent_id = sub.id)"
                     " UPDATE folder SET deleted = 1 WHERE deleted = 0 AND id IN (SELECT id FROM sub)",
               "folder", folder_id, ARG_NONE, NULL, 0, error))
    {
      tl_library_edit_rollback (self);
      return FALSE;
    }
  return tl_library_edit_commit (self, error);
}

/* Puts a source in a folder (0: the top level). */
gboolean
tl_library_move_source (TlLibrary *self, gint64 source_id, gint64 folder_id, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  return edit_row (self, N_("Move Source"), TL_LIBRARY_CHANGE_SOURCES,
                   "UPDATE source SET folder_id = nullif(?2, 0), updated_at = ?3 WHERE id = ?1 AND deleted = 0",
                   "source", source_id, ARG_INT, NULL, folder_id, error);
}

gboolean
tl_library_rename_source (TlLibrary *self, gint64 source_id, const char *title, GError **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (title ? title : ""));

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if (*clean == '\0')
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("A source needs a title"));
      return FALSE;
    }
  return edit_row (self, N_("Rename Source"), TL_LIBRARY_CHANGE_SOURCES,
                   "UPDATE source SET title = ?2, updated_at = ?3 WHERE id = ?1 AND deleted = 0",
                   "source", source_id, ARG_TEXT, clean, 0, error);
}

/* Hides a source with its clips and its lines in search; undo brings it back. */
gboolean
tl_library_delete_source (TlLibrary *self, gint64 source_id, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  return edit_row (self, N_("Delete Source"), TL_LIBRARY_CHANGE_SOURCES | TL_LIBRARY_CHANGE_CLIPS | TL_LIBRARY_CHANGE_TOPICS,
                   "UPDATE source SET deleted = 1, updated_at = ?3 WHERE id = ?1 AND deleted = 0",
                   "source", source_id, ARG_NONE, NULL, 0, error);
}

/**
 * tl_library_set_media:
 * @media: (nullable): the probe of the source's (new) media file, or %NULL
 *   to unlink it
 *
 * Links a source to its media file (relinking a moved file), and sets the
 * source's kind and duration from it.
 */
gboolean
tl_library_set_media (TlLibrary *self, gint64 source_id, const TlMediaInfo *media, GError **error)
{
  TlStmt *stmt;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if (!tl_library_edit_begin (self, media ? N_("Relink Media") : N_("Unlink Media"), TL_LIBRARY_CHANGE_SOURCES, error))
    return FALSE;
  if (!run (self, "DELETE FROM media WHERE source_id = ?1", NULL, source_id, ARG_NONE, NULL, 0, error))
    goto fail;
  if (media != NULL)
    {
      stmt = tl_library_prepare (self,
        "INSERT INTO media (source_id, path, duration_us, fps_num, fps_den, width, height,"
        " has_video, has_audio, video_codec, audio_codec, start_timecode)"
        " VALUES (?, ?, ?, nullif(?, 0), nullif(?, 0), nullif(?, 0), nullif(?, 0), ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        goto fail;
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
            row_not_found (error, "source", source_id);
          else
            tl_library_fail (self, error);
          goto fail;
        }
      tl_stmt_release (stmt);
      if (!run (self, "UPDATE source SET kind = CASE WHEN ?2 THEN 'video' WHEN kind = 'article' THEN kind"
                      " ELSE 'audio' END, updated_at = ?3 WHERE id = ?1",
                "source", source_id, ARG_INT, NULL, media->has_video, error))
        goto fail;
      if (media->duration > 0
          && !run (self, "UPDATE source SET duration_us = ?2 WHERE id = ?1", "source", source_id, ARG_INT, NULL,
                   media->duration, error))
        goto fail;
    }
  return tl_library_edit_commit (self, error);

fail:
  tl_library_edit_rollback (self);
  return FALSE;
}
