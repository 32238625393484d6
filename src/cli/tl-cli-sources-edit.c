/* tl-cli-sources-edit.c: tagline-cli sources rename|move|delete: the
 * edits of the window's source tree, each one undo step. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tl-cli.h"

/* With --json, the source as sources lists it. */
static gboolean
print_source (TlCli *cli, gint64 id, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(TlSource) source = NULL;

  if (!cli->json)
    return TRUE;
  if ((source = tl_library_get_source (cli->library, id, &local_error)) == NULL)
    return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);
  tl_json_write_source (tl_cli_json (cli), source, TL_JSON_SOURCE_LIST, NULL, NULL);
  tl_cli_print_json (cli);
  return TRUE;
}

/**
 * tl_cli_sources_edit:
 * @argv: "sources", the action, the source's id and the action's argument
 *
 * sources rename ID TITLE, sources move ID FOLDER_ID|root, sources delete
 * ID (with its clips; undo brings them back).
 */
gboolean
tl_cli_sources_edit (TlCli *cli, int argc, char **argv, GError **error)
{
  const char *action = argv[1];
  gboolean delete = strcmp (action, "delete") == 0;
  g_autoptr(GError) local_error = NULL;
  TlLibrary *library;
  gint64 id, folder_id = 0;
  gboolean done;

  if (strcmp (action, "rename") != 0 && strcmp (action, "move") != 0 && !delete)
    return tl_cli_usage_error (error, _("sources: unknown action “%s” (rename, move or delete)"), action);
  if (delete ? argc != 3 : argc != 4)
    {
      if (strcmp (action, "rename") == 0)
        return tl_cli_usage_error (error, _("sources rename: give the source’s id and its new title (quote a title "
                                            "with spaces)"));
      if (strcmp (action, "move") == 0)
        return tl_cli_usage_error (error, _("sources move: give the source’s id and a folder’s id, or root"));
      return tl_cli_usage_error (error, _("sources delete: give the id of one source"));
    }
  if (!tl_cli_parse_source_id (argv[2], &id, error))
    return FALSE;
  if (strcmp (action, "move") == 0 && !tl_cli_parse_folder_id (argv[3], TRUE, &folder_id, error))
    return FALSE;
  if ((library = tl_cli_open_library (cli, TL_CLI_OPEN_TO_EDIT, error)) == NULL)
    return FALSE;

  if (strcmp (action, "rename") == 0)
    done = tl_library_rename_source (library, id, argv[3], &local_error);
  else if (strcmp (action, "move") == 0)
    {
      g_autoptr(GPtrArray) folders = NULL;
      /* the window drops sources only on folders that are there */
      if (folder_id > 0)
        {
          if ((folders = tl_library_list_folders (library, &local_error)) == NULL)
            return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);
          if (tl_cli_find_folder (cli, folders, folder_id, error) == NULL)
            return FALSE;
        }
      done = tl_library_move_source (library, id, folder_id, &local_error);
    }
  else
    done = tl_library_delete_source (library, id, &local_error);
  if (!done)
    return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);
  if (delete)
    {
      tl_cli_print_deleted (cli, id);
      return TRUE;
    }
  return print_source (cli, id, error);
}
