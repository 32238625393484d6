/* tl-library-waveform.c: the waveform table. Peaks are stored as they are
 * computed (the media layer decides their format); a cached row is used
 * only while the media file keeps the size and time it had. */
#include "tl-library-waveform.h"
#include <glib/gi18n-lib.h>

#include "tl-library-private.h"

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
  g_autoptr(TlStmt) stmt = NULL;
  gint64 size, mtime;
  int rc;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (media_path != NULL && peaks != NULL, FALSE);

  *peaks = NULL;
  if (!file_stamp (media_path, &size, &mtime))
    return TRUE;
  stmt = tl_library_prepare (self,
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
    return tl_library_fail (self, error);
  return TRUE;
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
  g_autoptr(TlStmt) stmt = NULL;
  gint64 size, mtime;
  gsize n;
  gconstpointer data;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (media_path != NULL && peaks != NULL && peaks_per_second > 0, FALSE);

  if (tl_library_is_read_only (self))
    return TRUE;
  if (!file_stamp (media_path, &size, &mtime))
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("%s cannot be read"), media_path);
      return FALSE;
    }
  stmt = tl_library_prepare (self,
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
    return tl_library_fail (self, error);
  return TRUE;
}
