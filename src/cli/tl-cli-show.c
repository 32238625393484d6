/* tl-cli-show.c: tagline-cli show ID: a source, its metadata and its
 * transcript. */
#include "config.h"
#include <glib/gi18n.h>

#include <stdio.h>

#include "tl-cli.h"

gboolean
tl_cli_show (TlCli *cli, int argc, char **argv, GError **error)
{
  TlLibrary *library;
  g_autoptr(TlSource) source = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GPtrArray) chapters = NULL;
  g_autoptr(GError) local_error = NULL;
  const TlMediaInfo *media;
  gint64 id;

  if (!tl_cli_parse_options (cli, &argc, &argv, "ID", N_("Show a source with its metadata and transcript."), NULL, NULL,
                             error))
    return FALSE;
  if (argc != 2)
    return tl_cli_usage_error (error, _("show: name one source id"));
  if (!tl_cli_parse_source_id (argv[1], &id, error))
    return FALSE;
  if ((library = tl_cli_open_library (cli, TL_CLI_OPEN_TO_READ, error)) == NULL)
    return FALSE;
  if ((source = tl_library_get_source (library, id, &local_error)) == NULL
      || (segments = tl_library_get_segments (library, id, &local_error)) == NULL
      || (chapters = tl_library_get_chapters (library, id, &local_error)) == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", tl_library_get_path (library));
      return FALSE;
    }
  media = tl_source_get_media (source);

  if (cli->json)
    {
      tl_json_write_source (tl_cli_json (cli), source, TL_JSON_SOURCE_FULL, chapters, segments);
      tl_cli_print_json (cli);
      return TRUE;
    }

  printf ("%s\n", tl_source_get_title (source));
  if (tl_source_get_outlet (source) || tl_source_get_published (source))
    printf ("%s%s%s\n", tl_source_get_outlet (source) ? tl_source_get_outlet (source) : "",
            tl_source_get_outlet (source) && tl_source_get_published (source) ? ", " : "",
            tl_source_get_published (source) ? tl_source_get_published (source) : "");
  if (tl_source_get_url (source))
    printf ("%s\n", tl_source_get_url (source));
  if (media)
    printf (_("Media: %s\n"), media->path);
  printf (g_dngettext (NULL, "%s, %s timing, %u line\n\n", "%s, %s timing, %u lines\n\n", segments->len), tl_source_kind_to_string (tl_source_get_kind (source)),
          tl_timing_to_string (tl_source_get_timing (source)), segments->len);
  for (guint i = 0; i < segments->len; i++)
    {
      TlSegment *seg = g_ptr_array_index (segments, i);
      g_autofree char *start = tl_cli_format_time (tl_segment_get_start (seg));
      printf ("%4u  %s  %s%s%s%s%s%s\n", tl_segment_get_index (seg), start,
              tl_segment_get_speaker (seg) ? tl_segment_get_speaker (seg) : "",
              tl_segment_get_speaker (seg) ? ": " : "", tl_segment_get_text (seg),
              tl_segment_get_flag (seg) ? "  [" : "", tl_segment_get_flag (seg) ? tl_segment_get_flag (seg) : "",
              tl_segment_get_flag (seg) ? "]" : "");
    }
  return TRUE;
}
