/* tl-cli-probe.c: tagline-cli probe FILE: what a media file holds. */
#include "config.h"
#include <glib/gi18n.h>

#include <stdio.h>

#include "tl-cli.h"
#include "tl-container.h"
#include "tl-probe.h"

gboolean
tl_cli_probe (TlCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(TlMediaInfo) media = NULL;
  g_autoptr(GError) warning = NULL;

  if (!tl_cli_parse_options (cli, &argc, &argv, "FILE", N_("Show what a media file holds."), NULL, NULL, error))
    return FALSE;
  if (argc != 2)
    return tl_cli_usage_error (error, _("probe: name one media file"));
  if ((media = tl_probe_file (argv[1], error)) == NULL)
    return FALSE;
  /* a file cut short plays, and stops early: the same warning as the player's */
  if (!tl_container_check_complete (argv[1], &warning))
    tl_cli_say (_("warning: %s"), warning->message);
  if (cli->json)
    {
      tl_json_write_media (tl_cli_json (cli), media);
      tl_cli_print_json (cli);
      return TRUE;
    }
  {
    g_autofree char *duration = tl_cli_format_time (media->duration);
    printf (_("%s\nduration %s"), media->path, duration);
    if (media->has_video)
      printf (_(", video %dx%d at %d/%d fps (%s)"), media->width, media->height, media->fps_num, media->fps_den,
              media->video_codec ? media->video_codec : "?");
    if (media->has_audio)
      printf (_(", audio (%s)"), media->audio_codec ? media->audio_codec : "?");
    printf ("\n");
  }
  return TRUE;
}
