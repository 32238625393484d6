/* tl-cli-relink.c: tagline-cli relink ID MEDIA_FILE: links a source to its
 * media file, probed with GStreamer as the window's Relink Media does (a
 * moved file, a proxy): one undo step. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tl-cli.h"
#include "tl-probe.h"

gboolean
tl_cli_relink (TlCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(TlSource) source = NULL;
  g_autoptr(TlSource) relinked = NULL;
  g_autoptr(TlMediaInfo) media = NULL;
  TlLibrary *library;
  gint64 id;

  if (!tl_cli_parse_options (cli, &argc, &argv, _("ID MEDIA_FILE"),
                             _("Link a source to its media file (moved, renamed, or a proxy), as Relink Media does "
                               "in the window: one undo step."), NULL, NULL, error))
    return FALSE;
  if (argc != 3)
    return tl_cli_usage_error (error, _("relink: give the source’s id and one media file"));
  if (!tl_cli_parse_source_id (argv[1], &id, error))
    return FALSE;
  if ((library = tl_cli_open_library (cli, TL_CLI_OPEN_TO_EDIT, error)) == NULL)
    return FALSE;
  /* a source that is not there is said before the file is probed */
  if ((source = tl_library_get_source (library, id, &local_error)) == NULL)
    return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);
  /* the probe's message names the file */
  if ((media = tl_probe_file (argv[2], error)) == NULL)
    return FALSE;
  if (!tl_library_set_media (library, id, media, &local_error))
    return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);

  if ((relinked = tl_library_get_source (library, id, &local_error)) == NULL)
    return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);
  if (cli->json)
    {
      TlJsonWriter *w = tl_cli_json (cli);
      tl_json_writer_begin_object (w);
      tl_json_writer_member (w, "source");
      tl_json_write_source (w, relinked, TL_JSON_SOURCE_LIST, NULL, NULL);
      tl_json_writer_member (w, "media");
      tl_json_write_media (w, media);
      tl_json_writer_end_object (w);
      tl_cli_print_json (cli);
    }
  else
    printf (_("“%s” now plays %s\n"), tl_source_get_title (relinked), media->path);
  return TRUE;
}
