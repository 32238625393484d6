/* tl-cli-export.c: tagline-cli export: the clips a filter picks as a file
 * an editing tool opens. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tl-cli.h"
#include "tl-export.h"
#include "tl-timecode.h"

static void
print_export_notes (FILE *out, const char *prefix, const TlExportStats *stats, const char *format,
                    const TlExportOptions *options)
{
  if (stats->n_skipped)
    fprintf (out, ngettext ("%s%u clip left out: %s cannot hold quotes from articles\n",
                            "%s%u clips left out: %s cannot hold quotes from articles\n", stats->n_skipped),
             prefix, stats->n_skipped, format);
  if (stats->n_default_rate)
    fprintf (out, ngettext ("%s%u clip has no video frame rate (no media, or audio only): timed at %d/%d fps"
                            " (--fps RATE to choose)\n",
                            "%s%u clips have no video frame rate (no media, or audio only): timed at %d/%d fps"
                            " (--fps RATE to choose)\n", stats->n_default_rate),
             prefix, stats->n_default_rate,
             options->fps_num ? options->fps_num : TL_EXPORT_DEFAULT_FPS_NUM,
             options->fps_num ? options->fps_den : TL_EXPORT_DEFAULT_FPS_DEN);
}

gboolean
tl_cli_export (TlCli *cli, int argc, char **argv, GError **error)
{
  static char *opt_format, *opt_output, *opt_timeline, *opt_fps, *opt_title;
  static gboolean opt_split;
  static const GOptionEntry entries[] = {
    { "format", 'F', 0, G_OPTION_ARG_STRING, &opt_format, N_("csv, json, edl, fcpxml, xmeml, otio, srt, vtt, md or html"), "NAME" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("The file to write (- for standard output)"), "FILE" },
    { "timeline", 0, 0, G_OPTION_ARG_STRING, &opt_timeline,
      N_("srt, vtt: clips (the clips end to end from zero, default) or source (the sources' own times)"), "clips|source" },
    { "fps", 0, 0, G_OPTION_ARG_STRING, &opt_fps,
      N_("Frame rate for sources without one of their own (default 25)"), "RATE" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &opt_title, N_("Title of the sequence or page"), "TEXT" },
    { "split", 0, 0, G_OPTION_ARG_NONE, &opt_split,
      N_("edl: past 999 clips, write several files (FILE, FILE-2, …) instead of failing"), NULL },
    { NULL }
  };
  TlLibrary *library;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  TlExportStats stats = { 0 };
  TlExportOptions options = { 0 };
  TlClipFilter filter;
  g_autoptr(GString) names = g_string_new (NULL);
  const TlExporter *const *exporters;
  guint n_exporters;

  exporters = tl_exporters (&n_exporters);
  for (guint i = 0; i < n_exporters; i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "", exporters[i]->name);

  if (!tl_cli_parse_options (cli, &argc, &argv, NULL, N_("Export clips as a file an editing tool opens."),
                             tl_cli_filter_entries, entries, error))
    return FALSE;
  if (argc > 1)
    return tl_cli_usage_error (error, _("export: unexpected “%s” (filter with --topic, --source, …)"), argv[1]);
  if (opt_format == NULL || tl_exporter_find (opt_format) == NULL)
    {
      /* tagline-cli goes without FCPXML and Premiere XML, so as not to
       * load libxml2 at start: tagline-cli-media writes them, or says
       * which formats there are */
      if (!cli->has_media)
        return tl_cli_needs_media (cli, error);
      return tl_cli_usage_error (error, _("export: --format takes one of %s"), names->str);
    }
  if (opt_output == NULL)
    return tl_cli_usage_error (error, _("export: name the file to write with -o FILE"));
  if (opt_timeline != NULL)
    {
      if (strcmp (opt_timeline, "source") == 0)
        options.timeline = TL_EXPORT_TIMELINE_SOURCE;
      else if (strcmp (opt_timeline, "clips") != 0)
        return tl_cli_usage_error (error, _("export: --timeline takes clips or source, not “%s”"), opt_timeline);
    }
  if (opt_fps != NULL && !tl_timecode_parse_rate (opt_fps, &options.fps_num, &options.fps_den))
    return tl_cli_usage_error (error, _("export: --fps takes a frame rate such as 25, 29.97 or 30000/1001, not “%s”"),
                               opt_fps);
  options.title = opt_title;
  options.split = opt_split;
  if (!tl_cli_build_filter (&filter, ids, error))
    return FALSE;
  if ((library = tl_cli_open_library (cli, TL_CLI_OPEN_TO_READ, error)) == NULL)
    return FALSE;

  if (strcmp (opt_output, "-") == 0)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      if (!tl_export_to_string (library, &filter, opt_format, &options, out, &stats, error))
        return FALSE;
      fwrite (out->str, 1, out->len, stdout);
      print_export_notes (stderr, _("tagline-cli: note: "), &stats, opt_format, &options);
      return TRUE;
    }
  if (!tl_export_to_file (library, &filter, opt_format, &options, opt_output, &stats, &local_error))
    {
      if (g_error_matches (local_error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_TOO_MANY)
          && g_ascii_strcasecmp (opt_format, "edl") == 0)
        return tl_cli_failed (error, _("%s: %s (--split)"), opt_output, local_error->message);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", opt_output);
      return FALSE;
    }
  if (cli->json)
    {
      TlJsonWriter *b = tl_cli_json (cli);
      tl_json_writer_begin_object (b);
      tl_json_writer_member_string (b, "file", opt_output);
      tl_json_writer_member_string (b, "format", opt_format);
      tl_json_writer_member_int (b, "clips", stats.n_clips);
      tl_json_writer_member_int (b, "skipped", stats.n_skipped);
      tl_json_writer_member_int (b, "assumed_framerate", stats.n_default_rate);
      tl_json_writer_member (b, "files");
      tl_json_writer_begin_array (b);
      for (guint i = 1; i <= stats.n_files; i++)
        {
          g_autofree char *part = tl_export_part_path (opt_output, i);
          tl_json_writer_string (b, part);
        }
      tl_json_writer_end_array (b);
      tl_json_writer_end_object (b);
      tl_cli_print_json (cli);
    }
  else
    {
      printf (ngettext ("%u clip written to %s", "%u clips written to %s", stats.n_clips), stats.n_clips, opt_output);
      for (guint i = 2; i <= stats.n_files; i++)
        {
          g_autofree char *part = tl_export_part_path (opt_output, i);
          printf (i == stats.n_files ? _(" and %s") : ", %s", part);
        }
      printf ("\n");
      print_export_notes (stdout, "", &stats, opt_format, &options);
    }
  return TRUE;
}
