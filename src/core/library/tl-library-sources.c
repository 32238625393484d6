/* tl-library-sources.c: sources: imports, reading them and their lines,
 * and what the editor changes about them (times, media, title, place). */
#include "tl-library-private.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "tl-library-waveform.h"

/* Whether @folder_id is a folder of the library (not one deleted). */
static gboolean
folder_exists (TlLibrary *self, gint64 folder_id, GError **error)
{
  g_autoptr(GPtrArray) folders = tl_library_list_folders (self, error);

  if (folders == NULL)
    return FALSE;
  for (guint i = 0; i < folders->len; i++)
    if (tl_folder_get_id (g_ptr_array_index (folders, i)) == folder_id)
      return TRUE;
  return tl_store_not_found (error, TL_STORE_ENTITY_FOLDER, folder_id);
}

/**
 * tl_library_add_document:
 *
 * Stores an imported document as a new source, in one transaction: on any
 * failure the library is left exactly as it was. It goes in the folder
 * @options names by id, or by path (made when missing, in the same
 * transaction).
 *
 * Returns: the new source's id, or 0 with @error set
 */
gint64
tl_library_add_document (TlLibrary *self, TlDocument *doc, const TlImportOptions *options, GError **error)
{
  static const TlImportOptions no_options = { NULL, NULL, NULL, 0 };
  gint64 source_id;

  g_return_val_if_fail (TL_IS_LIBRARY (self), 0);
  g_return_val_if_fail (doc != NULL, 0);
  if (options == NULL)
    options = &no_options;
  if (!tl_library_check_writable (self, error))
    return 0;
  if (options->folder_id > 0 && !folder_exists (self, options->folder_id, error))
    return 0;
  /* the words a file timed become the words of each line's text */
  tl_document_fit_words (doc);
  source_id = TL_STORE_CALL (self->store, add_document, doc, options, options->folder_id, error);
  if (source_id == 0)
    return 0;
  {
    /* the new source, in a folder that may be new too */
    g_autoptr(TlLibraryChanges) changes = tl_library_changes_new (TL_LIBRARY_CHANGE_SOURCES
                                                                  | TL_LIBRARY_CHANGE_FOLDERS);
    tl_library_changes_add (changes, TL_LIBRARY_CHANGE_SOURCES, source_id);
    tl_library_emit_changes (self, changes);
  }
  return source_id;
}

/* The id of folder @path ("A/B"), made (with the folders above it) when missing. */
gint64
tl_library_ensure_folder (TlLibrary *self, const char *path, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), 0);
  g_return_val_if_fail (path != NULL, 0);
  if (!tl_library_check_writable (self, error))
    return 0;
  return TL_STORE_CALL (self->store, ensure_folder, path, error);
}

void
tl_chapter_free (TlChapter *chapter)
{
  if (chapter == NULL)
    return;
  g_free (chapter->title);
  g_free (chapter);
}

/* Sources in their folders' order, then by title. */
GPtrArray *
tl_library_list_sources (TlLibrary *self, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  return TL_STORE_CALL (self->store, list_sources, error);
}

TlSource *
tl_library_get_source (TlLibrary *self, gint64 source_id, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  return TL_STORE_CALL (self->store, get_source, source_id, error);
}

/* The lines of a source's current transcript, in order. */
GPtrArray *
tl_library_get_segments (TlLibrary *self, gint64 source_id, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  return TL_STORE_CALL (self->store, get_segments, source_id, 0, 0, error);
}

/* The lines that overlap [@in, @out): those a clip over that range holds. */
GPtrArray *
tl_library_get_segments_in_range (TlLibrary *self, gint64 source_id, gint64 in, gint64 out, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  /* no line starts before 0 (the store reads out <= 0 as "every line") */
  if (out <= 0)
    return g_ptr_array_new_with_free_func (g_object_unref);
  return TL_STORE_CALL (self->store, get_segments, source_id, in, out, error);
}

GPtrArray *
tl_library_get_chapters (TlLibrary *self, gint64 source_id, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  return TL_STORE_CALL (self->store, get_chapters, source_id, error);
}

static gboolean
valid_segment_timing (const TlSegmentTiming *t, guint index, GError **error)
{
  if (t->start != TL_TIME_NONE && t->start < 0)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("Line %u: a time cannot be negative"), index);
      return FALSE;
    }
  if (t->start != TL_TIME_NONE && t->end != TL_TIME_NONE && t->end < t->start)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("Line %u: it ends before it starts"), index);
      return FALSE;
    }
  if (t->confidence > 1.0)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                   _("Line %u: a confidence goes from 0 to 1, not %g"), index, t->confidence);
      return FALSE;
    }
  if (t->flag != NULL && strcmp (t->flag, "unspoken") != 0 && strcmp (t->flag, "uncertain") != 0)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                   _("Line %u: “%s” is not a flag (unspoken or uncertain)"), index, t->flag);
      return FALSE;
    }
  return TRUE;
}

/**
 * tl_library_set_segment_times:
 * @timing: what the times now are: %TL_TIMING_ALIGNED, %TL_TIMING_TAPPED
 *   or %TL_TIMING_ESTIMATED
 * @times: (array length=n_times): one entry per line of the source's
 *   transcript, in order
 *
 * Replaces the start, end, confidence, flag and anchor mark of every line
 * of a source's transcript (and the words' times: given, or moved with
 * their line in proportion) and sets the transcript's timing, in one
 * transaction: either all of it is stored or nothing. It is one call so
 * that it can be undone as one step.
 *
 * Returns: %FALSE with @error set (%TL_LIBRARY_ERROR_INVALID when
 *   @n_times is not the transcript's number of lines: it changed since
 *   the times were computed)
 */
gboolean
tl_library_set_segment_times (TlLibrary *self, gint64 source_id, TlTiming timing,
                              const TlSegmentTiming *times, guint n_times, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (times != NULL || n_times == 0, FALSE);

  if (timing != TL_TIMING_ALIGNED && timing != TL_TIMING_TAPPED && timing != TL_TIMING_ESTIMATED)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                   _("Times set on lines are aligned, tapped or estimated, not %s"), tl_timing_to_string (timing));
      return FALSE;
    }
  for (guint i = 0; i < n_times; i++)
    if (!valid_segment_timing (&times[i], i, error))
      return FALSE;

  return tl_library_edit_one (self, timing == TL_TIMING_ALIGNED ? TL_EDIT_ALIGN
                                    : timing == TL_TIMING_TAPPED ? TL_EDIT_TAP : TL_EDIT_ESTIMATE,
                              TL_LIBRARY_CHANGE_SEGMENTS | TL_LIBRARY_CHANGE_SOURCES | TL_LIBRARY_CHANGE_CLIPS,
                              TL_LIBRARY_CHANGE_SOURCES, source_id, error,
                              tl_library_store_segment_times (self, source_id, timing, times, n_times, error));
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
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  return tl_library_edit_one (self, media ? TL_EDIT_RELINK_MEDIA : TL_EDIT_UNLINK_MEDIA, TL_LIBRARY_CHANGE_SOURCES,
                              TL_LIBRARY_CHANGE_SOURCES, source_id, error,
                              TL_STORE_CALL (self->store, set_media, source_id, media, error));
}

/* Puts a source in a folder (0: the top level). */
gboolean
tl_library_move_source (TlLibrary *self, gint64 source_id, gint64 folder_id, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  return tl_library_edit_one (self, TL_EDIT_MOVE_SOURCE, TL_LIBRARY_CHANGE_SOURCES, TL_LIBRARY_CHANGE_SOURCES,
                              source_id, error,
                              TL_STORE_CALL (self->store, update_source, source_id, TL_STORE_SET_PARENT, NULL,
                                             folder_id, error));
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
  return tl_library_edit_one (self, TL_EDIT_RENAME_SOURCE, TL_LIBRARY_CHANGE_SOURCES, TL_LIBRARY_CHANGE_SOURCES,
                              source_id, error,
                              TL_STORE_CALL (self->store, update_source, source_id, TL_STORE_SET_TITLE, clean, 0,
                                             error));
}

/* Hides a source with its clips and its lines in search; undo brings it back. */
gboolean
tl_library_delete_source (TlLibrary *self, gint64 source_id, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  return tl_library_edit_one (self, TL_EDIT_DELETE_SOURCE,
                              TL_LIBRARY_CHANGE_SOURCES | TL_LIBRARY_CHANGE_CLIPS | TL_LIBRARY_CHANGE_TOPICS,
                              TL_LIBRARY_CHANGE_SOURCES, source_id, error,
                              TL_STORE_CALL (self->store, update_source, source_id, TL_STORE_DELETE, NULL, 0, error));
}

/* Waveforms: peaks are stored as they are computed (the media layer
 * decides their format); a cached row is used only while the media file
 * keeps the size and time it had. */

/* Size and modification time (µs) of @path, or FALSE when it cannot be read. */
static gboolean
file_stamp (const char *path, gint64 *size, gint64 *mtime)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file,
                                                 G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL)
    return FALSE;
  *size = g_file_info_get_size (info);
  *mtime = (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC
         + g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
  return TRUE;
}

/**
 * tl_library_load_waveform:
 * @peaks: (out) (transfer full) (nullable): the cached peaks, or %NULL when
 *   there are none for this file as it is now
 *
 * Returns: %FALSE only when the library cannot be read
 */
gboolean
tl_library_load_waveform (TlLibrary *self,
                          gint64 source_id,
                          const char *media_path,
                          guint *peaks_per_second,
                          GBytes **peaks,
                          GError **error)
{
  gint64 size, mtime;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (media_path != NULL && peaks != NULL, FALSE);
  *peaks = NULL;
  if (!file_stamp (media_path, &size, &mtime))
    return TRUE;
  return TL_STORE_CALL (self->store, load_waveform, source_id, media_path, size, mtime, peaks_per_second, peaks,
                        error);
}

/**
 * tl_library_save_waveform:
 *
 * Keeps @peaks for @source_id's media file as it is now, replacing older ones.
 * A read-only library keeps nothing, and that is not an error: the peaks
 * are only saved to spare the next opening the time to compute them.
 */
gboolean
tl_library_save_waveform (TlLibrary *self,
                          gint64 source_id,
                          const char *media_path,
                          guint peaks_per_second,
                          GBytes *peaks,
                          GError **error)
{
  gint64 size, mtime;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (media_path != NULL && peaks != NULL && peaks_per_second > 0, FALSE);
  if (tl_library_is_read_only (self))
    return TRUE;
  if (!file_stamp (media_path, &size, &mtime))
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("%s cannot be read"), media_path);
      return FALSE;
    }
  return TL_STORE_CALL (self->store, save_waveform, source_id, media_path, size, mtime, peaks_per_second, peaks,
                        error);
}
