/* tl-library-folders.c: the editor's folders (bins) in the source tree. */
#include "tl-library-private.h"

#include <glib/gi18n-lib.h>

#include <string.h>

GPtrArray *
tl_library_list_folders (TlLibrary *self, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  return TL_STORE_CALL (self->store, list_folders, error);
}

static gboolean
edit_folder (TlLibrary *self, TlEditKind kind, TlLibraryChange what, gint64 folder_id, TlStoreChange change,
             const char *text, gint64 a, GError **error)
{
  /* a deleted folder takes the folders in it along */
  return tl_library_edit_one (self, kind, what, change == TL_STORE_DELETE ? 0 : TL_LIBRARY_CHANGE_FOLDERS, folder_id,
                              error, TL_STORE_CALL (self->store, update_folder, folder_id, change, text, a, error));
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
  g_autoptr(GError) local_error = NULL;
  gint64 id;

  g_return_val_if_fail (TL_IS_LIBRARY (self), 0);
  if ((clean = clean_folder_name (name, error)) == NULL)
    return 0;
  if (!tl_library_edit_begin (self, TL_EDIT_NEW_FOLDER, TL_LIBRARY_CHANGE_FOLDERS, error))
    return 0;
  id = TL_STORE_CALL (self->store, insert_folder, parent_id, clean, &local_error);
  if (id == 0)
    {
      tl_library_edit_rollback (self);
      if (g_error_matches (local_error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID))
        return folder_name_taken (clean, error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  tl_library_edit_touch (self, TL_LIBRARY_CHANGE_FOLDERS, id);
  if (!tl_library_edit_commit (self, error))
    return 0;
  return id;
}

gboolean
tl_library_rename_folder (TlLibrary *self, gint64 folder_id, const char *name, GError **error)
{
  g_autofree char *clean = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if ((clean = clean_folder_name (name, error)) == NULL)
    return FALSE;
  if (edit_folder (self, TL_EDIT_RENAME_FOLDER, TL_LIBRARY_CHANGE_FOLDERS | TL_LIBRARY_CHANGE_SOURCES, folder_id,
                   TL_STORE_SET_NAME, clean, 0, &local_error))
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
  g_autoptr(GError) local_error = NULL;
  gboolean inside = FALSE;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if (parent_id > 0 && !TL_STORE_CALL (self->store, folder_is_within, folder_id, parent_id, &inside, error))
    return FALSE;
  if (inside)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("A folder cannot go inside itself"));
      return FALSE;
    }
  if (edit_folder (self, TL_EDIT_MOVE_FOLDER, TL_LIBRARY_CHANGE_FOLDERS | TL_LIBRARY_CHANGE_SOURCES, folder_id,
                   TL_STORE_SET_PARENT, NULL, parent_id, &local_error))
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
  return edit_folder (self, TL_EDIT_DELETE_FOLDER, TL_LIBRARY_CHANGE_FOLDERS | TL_LIBRARY_CHANGE_SOURCES
                     | TL_LIBRARY_CHANGE_CLIPS | TL_LIBRARY_CHANGE_TOPICS, folder_id, TL_STORE_DELETE, NULL, 0, error);
}
