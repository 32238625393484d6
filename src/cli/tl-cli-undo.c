/* tl-cli-undo.c: tagline-cli undo and redo: the window's Undo and Redo,
 * on the library's own record of steps, which outlives both. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tl-cli.h"

static gboolean
undo_or_redo (TlCli *cli, int argc, char **argv, gboolean undo, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;
  TlLibrary *library;
  gboolean done;

  if (!tl_cli_parse_options (cli, &argc, &argv, NULL,
                             undo ? _("Undo the last change made to the library, by the window or by tagline-cli.")
                                  : _("Redo the last change undone."),
                             NULL, NULL, error))
    return FALSE;
  if (argc > 1)
    return tl_cli_usage_error (error, _("%s: unexpected “%s”"), argv[0], argv[1]);
  if ((library = tl_cli_open_library (cli, TL_CLI_OPEN_TO_EDIT, error)) == NULL)
    return FALSE;
  done = undo ? tl_library_undo (library, &label, &local_error) : tl_library_redo (library, &label, &local_error);
  if (!done && local_error != NULL)
    return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);
  if (!done)
    return tl_cli_failed (error, undo ? _("%s: Nothing to undo") : _("%s: Nothing to redo"),
                          tl_library_get_path (library));
  if (cli->json)
    {
      TlJsonWriter *w = tl_cli_json (cli);
      tl_json_writer_begin_object (w);
      tl_json_writer_member_string (w, undo ? "undone" : "redone", label);
      tl_json_writer_end_object (w);
      tl_cli_print_json (cli);
    }
  else
    {
      /* the window's toast, word for word */
      printf (undo ? _("Undone: %s") : _("Redone: %s"), label);
      printf ("\n");
    }
  return TRUE;
}

gboolean
tl_cli_undo (TlCli *cli, int argc, char **argv, GError **error)
{
  return undo_or_redo (cli, argc, argv, TRUE, error);
}

gboolean
tl_cli_redo (TlCli *cli, int argc, char **argv, GError **error)
{
  return undo_or_redo (cli, argc, argv, FALSE, error);
}
