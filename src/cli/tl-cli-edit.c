/* tl-cli-edit.c: what the commands that edit the library share: ids from
 * the command line, the library's refusals said with its file's name, and
 * the JSON of what an edit deleted. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tl-cli.h"

/* @what: how the id is described when @arg is not one ("topic id (…)") */
gboolean
tl_cli_parse_id (const char *arg, const char *what, gint64 *id, GError **error)
{
  char *end = NULL;
  gint64 value = g_ascii_strtoll (arg, &end, 10);

  if (end == arg || *end != '\0' || value <= 0)
    return tl_cli_usage_error (error, _("“%s” is not a %s"), arg, what);
  *id = value;
  return TRUE;
}

gboolean
tl_cli_parse_topic_id (const char *arg, gint64 *id, GError **error)
{
  return tl_cli_parse_id (arg, _("topic id (a number from “tagline-cli topics”)"), id, error);
}

/* A folder's id, or "root" (also 0) for the top level, which gives 0. */
gboolean
tl_cli_parse_folder_id (const char *arg, gboolean root_allowed, gint64 *id, GError **error)
{
  if (root_allowed && (strcmp (arg, "root") == 0 || strcmp (arg, "0") == 0))
    {
      *id = 0;
      return TRUE;
    }
  return tl_cli_parse_id (arg, root_allowed ? _("folder id (a number from “tagline-cli folders”, or root)")
                                            : _("folder id (a number from “tagline-cli folders”)"),
                          id, error);
}

/* Takes @local_error, which the library set, and passes it on with the
 * library's file name in front, as every command says it. */
gboolean
tl_cli_library_failed (TlCli *cli, GError *local_error, GError **error)
{
  g_return_val_if_fail (local_error != NULL, FALSE);

  g_propagate_prefixed_error (error, local_error, "%s: ", tl_library_get_path (cli->library));
  return FALSE;
}

/* The folder @id in @folders (from tl_library_list_folders()), or NULL
 * with the library's own words for a folder that is not there. */
TlFolder *
tl_cli_find_folder (TlCli *cli, GPtrArray *folders, gint64 id, GError **error)
{
  for (guint i = 0; i < folders->len; i++)
    if (tl_folder_get_id (g_ptr_array_index (folders, i)) == id)
      return g_ptr_array_index (folders, i);
  {
    /* the library's own words for a row that is not there */
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
    tl_cli_failed (error, _("%s: No folder with id %s in this library"), tl_library_get_path (cli->library), number);
  }
  return NULL;
}

/* With --json, {"deleted": [@id]}, as clips delete writes it. */
void
tl_cli_print_deleted (TlCli *cli, gint64 id)
{
  TlJsonWriter *w;

  if (!cli->json)
    return;
  w = tl_cli_json (cli);
  tl_json_writer_begin_object (w);
  tl_json_writer_member (w, "deleted");
  tl_json_writer_begin_array (w);
  tl_json_writer_int (w, id);
  tl_json_writer_end_array (w);
  tl_json_writer_end_object (w);
  tl_cli_print_json (cli);
}
