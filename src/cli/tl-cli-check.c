/* tl-cli-check.c: tagline-cli check: SQLite's integrity check of the
 * library file, which reads all of it and writes nothing. */
#include "config.h"
#include <glib/gi18n.h>

#include <stdio.h>

#include "tl-cli.h"

gboolean
tl_cli_check (TlCli *cli, int argc, char **argv, GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (!tl_cli_parse_options (cli, &argc, &argv, NULL,
                             N_("Check that the library file is sound (SQLite's integrity check), reading all of it and "
                             "writing nothing. Exits with 1 when it is damaged."), NULL, NULL, error))
    return FALSE;
  if (argc > 1)
    return tl_cli_usage_error (error, _("check: unexpected “%s” (name the library with --library FILE)"), argv[1]);
  path = tl_cli_library_path (cli);
  if (!tl_library_check_file (path, &problems, error))
    return FALSE;
  if (cli->json)
    {
      TlJsonWriter *b = tl_cli_json (cli);
      tl_json_writer_begin_object (b);
      tl_json_writer_member_string (b, "file", path);
      tl_json_writer_member (b, "ok");
      tl_json_writer_boolean (b, problems->len == 0);
      tl_json_writer_member (b, "problems");
      tl_json_writer_begin_array (b);
      for (guint i = 0; i < problems->len; i++)
        tl_json_writer_string (b, g_ptr_array_index (problems, i));
      tl_json_writer_end_array (b);
      tl_json_writer_end_object (b);
      tl_cli_print_json (cli);
    }
  else if (problems->len == 0)
    printf (_("%s: no problems found\n"), path);
  else
    for (guint i = 0; i < problems->len; i++)
      printf ("%s\n", (const char *) g_ptr_array_index (problems, i));
  if (problems->len == 0)
    return TRUE;
  return tl_cli_failed (error, ngettext ("%s is damaged: %u problem found", "%s is damaged: %u problems found",
                                        problems->len), path, problems->len);
}
