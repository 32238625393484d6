/* tl-cli-demo.c: tagline-cli demo TRANSCRIPT…: a demo library, each
 * transcript with stand-in media made for it. */
#include "config.h"
#include <glib/gi18n.h>

#include <stdio.h>
#include <string.h>

#include "tl-cli.h"
#include "tl-demo.h"
#include "tl-import-job.h"

gboolean
tl_cli_demo (TlCli *cli, int argc, char **argv, GError **error)
{
  static char *opt_media_dir, *opt_folder;
  static char **opt_demo_topics;
  static const GOptionEntry entries[] = {
    { "media-dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_media_dir, N_("Where to make the media (default: beside the library)"), "DIR" },
    { "folder", 'f', 0, G_OPTION_ARG_STRING, &opt_folder, N_("Put the sources in this folder"), "NAME" },
    { "topic", 't', 0, G_OPTION_ARG_STRING_ARRAY, &opt_demo_topics, N_("Start with this topic (keys 1, 2, … in order)"), "NAME" },
    { NULL }
  };
  TlLibrary *library;
  g_autofree char *media_dir = NULL;
  gboolean failed = FALSE;

  if (!tl_cli_parse_options (cli, &argc, &argv, "TRANSCRIPT…",
                             N_("Make a demo library: each transcript with stand-in media (a test pattern with the title "
                             "and running time, and the lines read aloud at their times)."), entries, NULL, error))
    return FALSE;
  if (argc < 2)
    return tl_cli_usage_error (error, _("demo: name the transcripts"));
  if ((library = tl_cli_open_library (cli, TL_CLI_OPEN_TO_WRITE, error)) == NULL)
    return FALSE;
  if (opt_media_dir)
    media_dir = g_strdup (opt_media_dir);
  else
    {
      g_autofree char *dir = g_path_get_dirname (tl_library_get_path (library));
      media_dir = g_build_filename (dir, "media", NULL);
    }
  g_mkdir_with_parents (media_dir, 0755);

  for (guint i = 0; opt_demo_topics && opt_demo_topics[i]; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(TlTopic) topic = tl_library_add_topic (library, opt_demo_topics[i], i < 9 ? i + 1 : 0, NULL,
                                                       &local_error);
      if (topic == NULL && !g_error_matches (local_error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *base = g_path_get_basename (argv[i]);
      g_autofree char *name = NULL;
      g_autofree char *media = NULL;
      g_autoptr(TlImportReport) report = NULL;
      const char *paths[] = { argv[i], NULL };
      gboolean made = FALSE;
      char *dot = strrchr (base, '.');

      if (dot)
        *dot = '\0';
      name = g_strconcat (base, ".webm", NULL);
      media = g_build_filename (media_dir, name, NULL);
      if (g_file_test (media, G_FILE_TEST_EXISTS))
        made = TRUE;
      else
        {
          fprintf (stderr, _("Making media for %s…\n"), argv[i]);
          if (!tl_demo_make_media (argv[i], media, &made, &local_error))
            {
              tl_cli_say ("%s: %s", argv[i], local_error->message);
              failed = TRUE;
              continue;
            }
        }
      report = tl_import_job_run (library, paths, made ? media : NULL, opt_folder, NULL, NULL, NULL, NULL);
      for (guint k = 0; k < report->items->len; k++)
        {
          TlImportItem *item = g_ptr_array_index (report->items, k);
          if (item->error)
            {
              tl_cli_say ("%s: %s", item->file, item->error);
              failed = TRUE;
            }
          else
            printf ("%" G_GINT64_FORMAT "\t%s\t%s%s\n", item->source_id, item->title,
                    tl_source_kind_to_string (item->kind), made ? _(", with stand-in media") : "");
        }
    }
  /* each failure is said above, with its file */
  return failed ? tl_cli_reported (error) : TRUE;
}
