/* tl-cli-folders.c: tagline-cli folders [add NAME [--parent ID] | rename
 * ID NAME | move ID PARENT_ID|root | delete ID]: the bins of the window's
 * source tree, listed with their ids, or edited (each edit one undo step). */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tl-cli.h"

/* "News/Summit": the folder's path from the top level */
static char *
folder_path (TlCli *cli, GPtrArray *folders, TlFolder *folder)
{
  g_autoptr(GString) path = g_string_new (tl_folder_get_name (folder));
  gint64 parent = tl_folder_get_parent_id (folder);

  /* bounded, in case a damaged library holds a loop */
  for (guint depth = 0; parent > 0 && depth < folders->len; depth++)
    {
      TlFolder *up = NULL;
      for (guint i = 0; i < folders->len && up == NULL; i++)
        if (tl_folder_get_id (g_ptr_array_index (folders, i)) == parent)
          up = g_ptr_array_index (folders, i);
      if (up == NULL)
        break;
      g_string_prepend_c (path, '/');
      g_string_prepend (path, tl_folder_get_name (up));
      parent = tl_folder_get_parent_id (up);
    }
  return g_string_free (g_steal_pointer (&path), FALSE);
}

static void
write_folder (TlJsonWriter *w, TlCli *cli, GPtrArray *folders, GPtrArray *sources, TlFolder *folder)
{
  g_autofree char *path = folder_path (cli, folders, folder);
  guint n_sources = 0, n_folders = 0;

  for (guint i = 0; sources && i < sources->len; i++)
    n_sources += tl_source_get_folder_id (g_ptr_array_index (sources, i)) == tl_folder_get_id (folder);
  for (guint i = 0; i < folders->len; i++)
    n_folders += tl_folder_get_parent_id (g_ptr_array_index (folders, i)) == tl_folder_get_id (folder);
  tl_json_writer_begin_object (w);
  tl_json_writer_member_int (w, "id", tl_folder_get_id (folder));
  tl_json_writer_member_string (w, "name", tl_folder_get_name (folder));
  tl_json_writer_member (w, "parent");
  if (tl_folder_get_parent_id (folder) > 0)
    tl_json_writer_int (w, tl_folder_get_parent_id (folder));
  else
    tl_json_writer_null (w);
  tl_json_writer_member_string (w, "path", path);
  tl_json_writer_member_int (w, "folders", n_folders);
  tl_json_writer_member_int (w, "sources", n_sources);
  tl_json_writer_end_object (w);
}

static gboolean
list_folders (TlCli *cli, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) folders = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  TlLibrary *library;

  if ((library = tl_cli_open_library (cli, TL_CLI_OPEN_TO_READ, error)) == NULL)
    return FALSE;
  if ((folders = tl_library_list_folders (library, &local_error)) == NULL
      || (sources = tl_library_list_sources (library, &local_error)) == NULL)
    return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);

  if (cli->json)
    {
      TlJsonWriter *w = tl_cli_json (cli);
      tl_json_writer_begin_object (w);
      tl_json_writer_member (w, "folders");
      tl_json_writer_begin_array (w);
      for (guint i = 0; i < folders->len; i++)
        write_folder (w, cli, folders, sources, g_ptr_array_index (folders, i));
      tl_json_writer_end_array (w);
      tl_json_writer_end_object (w);
      tl_cli_print_json (cli);
      return TRUE;
    }
  for (guint i = 0; i < folders->len; i++)
    {
      TlFolder *folder = g_ptr_array_index (folders, i);
      g_autofree char *path = folder_path (cli, folders, folder);
      g_autofree char *parent = tl_folder_get_parent_id (folder) > 0
                                  ? g_strdup_printf ("%" G_GINT64_FORMAT, tl_folder_get_parent_id (folder))
                                  : g_strdup ("root");
      guint n_sources = 0;
      g_autofree char *count = NULL;
      for (guint j = 0; j < sources->len; j++)
        n_sources += tl_source_get_folder_id (g_ptr_array_index (sources, j)) == tl_folder_get_id (folder);
      count = g_strdup_printf (ngettext ("%u source", "%u sources", n_sources), n_sources);
      /* the parent's id, or root: what folders move takes */
      printf ("%4" G_GINT64_FORMAT "  %-4s  %-12s  %s\n", tl_folder_get_id (folder), parent, count, path);
    }
  return TRUE;
}

/* With --json, the folder as folders lists it. */
static gboolean
print_folder (TlCli *cli, gint64 id, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) folders = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  TlFolder *folder;

  if (!cli->json)
    return TRUE;
  if ((folders = tl_library_list_folders (cli->library, &local_error)) == NULL
      || (sources = tl_library_list_sources (cli->library, &local_error)) == NULL)
    return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);
  if ((folder = tl_cli_find_folder (cli, folders, id, error)) == NULL)
    return FALSE;
  write_folder (tl_cli_json (cli), cli, folders, sources, folder);
  tl_cli_print_json (cli);
  return TRUE;
}

/* Fails, as the window cannot, for a folder id that is not there (or was
 * deleted): the library itself would take some of them. */
static gboolean
check_folder (TlCli *cli, gint64 id, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) folders = NULL;

  if (id == 0)
    return TRUE;
  if ((folders = tl_library_list_folders (cli->library, &local_error)) == NULL)
    return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);
  return tl_cli_find_folder (cli, folders, id, error) != NULL;
}

gboolean
tl_cli_folders (TlCli *cli, int argc, char **argv, GError **error)
{
  static char *opt_parent;
  static const GOptionEntry entries[] = {
    { "parent", 'p', 0, G_OPTION_ARG_STRING, &opt_parent, N_("With add: the folder it goes in (default: root)"), N_("ID") },
    { NULL }
  };
  g_autoptr(GError) local_error = NULL;
  const char *action;
  TlLibrary *library;
  gint64 id = 0, parent = 0;
  gboolean done;
  int n_args;

  if (!tl_cli_parse_options (cli, &argc, &argv,
                             _("[add NAME [--parent ID] | rename ID NAME | move ID PARENT_ID|root | delete ID]"),
                             _("List the folders of the source tree, or change them (each change is one undo step)."),
                             entries, NULL, error))
    return FALSE;
  if (argc == 1)
    return opt_parent ? tl_cli_usage_error (error, _("folders: --parent goes with folders add")) : list_folders (cli, error);

  action = argv[1];
  n_args = strcmp (action, "rename") == 0 || strcmp (action, "move") == 0 ? 4 : strcmp (action, "add") == 0 ? 3
           : strcmp (action, "delete") == 0 ? 3 : 0;
  if (n_args == 0)
    return tl_cli_usage_error (error, _("folders: unknown action “%s” (add, rename, move or delete)"), action);
  if (opt_parent && strcmp (action, "add") != 0)
    return tl_cli_usage_error (error, _("folders: --parent goes with folders add"));
  if (argc != n_args)
    {
      if (strcmp (action, "add") == 0)
        return tl_cli_usage_error (error, _("folders add: give one name (quote a name with spaces)"));
      if (strcmp (action, "rename") == 0)
        return tl_cli_usage_error (error, _("folders rename: give the folder’s id and its new name"));
      if (strcmp (action, "move") == 0)
        return tl_cli_usage_error (error, _("folders move: give the folder’s id and the id of the folder to put it "
                                            "in, or root"));
      return tl_cli_usage_error (error, _("folders delete: give the id of one folder"));
    }
  if (strcmp (action, "add") != 0 && !tl_cli_parse_folder_id (argv[2], FALSE, &id, error))
    return FALSE;
  if ((strcmp (action, "move") == 0 && !tl_cli_parse_folder_id (argv[3], TRUE, &parent, error))
      || (opt_parent && !tl_cli_parse_folder_id (opt_parent, TRUE, &parent, error)))
    return FALSE;
  if ((library = tl_cli_open_library (cli, TL_CLI_OPEN_TO_EDIT, error)) == NULL)
    return FALSE;

  if (strcmp (action, "add") == 0)
    {
      if (!check_folder (cli, parent, error))
        return FALSE;
      id = tl_library_add_folder (library, parent, argv[2], &local_error);
      done = id > 0;
    }
  else if (strcmp (action, "rename") == 0)
    done = tl_library_rename_folder (library, id, argv[3], &local_error);
  else if (strcmp (action, "move") == 0)
    {
      if (!check_folder (cli, id, error) || !check_folder (cli, parent, error))
        return FALSE;
      done = tl_library_move_folder (library, id, parent, &local_error);
    }
  else
    done = tl_library_delete_folder (library, id, &local_error);
  if (!done)
    return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);

  if (strcmp (action, "delete") == 0)
    {
      tl_cli_print_deleted (cli, id);
      return TRUE;
    }
  if (strcmp (action, "add") == 0 && !cli->json)
    {
      printf ("%" G_GINT64_FORMAT "\n", id);
      return TRUE;
    }
  return print_folder (cli, id, error);
}
