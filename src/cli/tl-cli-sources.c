/* tl-cli-sources.c: tagline-cli sources: the sources in the library, one
 * a line; the edits of one are in tl-cli-sources-edit.c. */
#include "config.h"
#include <glib/gi18n.h>
#include <inttypes.h>

#include <glib/gi18n.h>
#include <stdio.h>

#include "tl-cli.h"

gboolean
tl_cli_sources (TlCli *cli, int argc, char **argv, GError **error)
{
  TlLibrary *library;
  g_autoptr(GPtrArray) sources = NULL;

  if (!tl_cli_parse_options (cli, &argc, &argv, _("[rename ID TITLE | move ID FOLDER_ID|root | delete ID]"),
                             _("List the sources in the library, or change one (each change is one undo step)."),
                             NULL, NULL, error))
    return FALSE;
  if (argc > 1)
    return tl_cli_sources_edit (cli, argc, argv, error);
  if ((library = tl_cli_open_library (cli, TL_CLI_OPEN_TO_READ, error)) == NULL)
    return FALSE;
  if ((sources = tl_library_list_sources (library, error)) == NULL)
    return FALSE;

  if (cli->json)
    {
      TlJsonWriter *w = tl_cli_json (cli);
      tl_json_writer_begin_object (w);
      tl_json_writer_member (w, "sources");
      tl_json_writer_begin_array (w);
      for (guint i = 0; i < sources->len; i++)
        tl_json_write_source (w, g_ptr_array_index (sources, i), TL_JSON_SOURCE_LIST, NULL, NULL);
      tl_json_writer_end_array (w);
      tl_json_writer_end_object (w);
      tl_cli_print_json (cli);
      return TRUE;
    }
  for (guint i = 0; i < sources->len; i++)
    {
      TlSource *source = g_ptr_array_index (sources, i);
      g_autofree char *duration = tl_cli_format_time (tl_source_get_duration (source));
      printf (g_dngettext (NULL, "%4" PRId64 "  %-10s %s  %5u line   %-9s  %s%s%s\n",
                          "%4" PRId64 "  %-10s %s  %5u lines  %-9s  %s%s%s\n", tl_source_get_n_segments (source)),
            tl_source_get_id (source),
              tl_source_kind_to_string (tl_source_get_kind (source)), duration,
              tl_source_get_n_segments (source), tl_timing_to_string (tl_source_get_timing (source)),
              tl_source_get_folder (source) ? tl_source_get_folder (source) : "",
              tl_source_get_folder (source) ? "/" : "", tl_source_get_title (source));
    }
  return TRUE;
}
