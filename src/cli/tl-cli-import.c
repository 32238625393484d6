/* tl-cli-import.c: tagline-cli import FILE…: transcripts (and their media)
 * into the library, each file its own success or failure. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tl-cli.h"
#include "tl-import-job.h"
#include "tl-import.h"

static void
write_imported (TlJsonWriter *w, const TlImportItem *item)
{
  g_autofree char *media = item->media ? g_canonicalize_filename (item->media, NULL) : NULL;

  tl_json_writer_begin_object (w);
  tl_json_writer_member_int (w, "id", item->source_id);
  tl_json_writer_member_string (w, "file", item->file);
  tl_json_writer_member_string (w, "title", item->title);
  tl_json_writer_member_string (w, "kind", tl_source_kind_to_string (item->kind));
  tl_json_writer_member_string (w, "format", item->format);
  tl_json_writer_member_int (w, "segments", item->n_segments);
  tl_json_writer_member_string (w, "timing", tl_timing_to_string (item->timing));
  tl_json_writer_member_string (w, "media", media);
  tl_json_writer_member (w, "warnings");
  tl_json_writer_begin_array (w);
  for (guint i = 0; i < item->warnings->len; i++)
    tl_json_writer_string (w, g_ptr_array_index (item->warnings, i));
  tl_json_writer_end_array (w);
  tl_json_writer_end_object (w);
}

static void
write_failed (TlJsonWriter *w, const TlImportItem *item)
{
  tl_json_writer_begin_object (w);
  tl_json_writer_member_string (w, "file", item->file);
  tl_json_writer_member (w, "line");
  if (item->error_line)
    tl_json_writer_int (w, item->error_line);
  else
    tl_json_writer_null (w);
  tl_json_writer_member_string (w, "error", item->error);
  tl_json_writer_end_object (w);
}

gboolean
tl_cli_import (TlCli *cli, int argc, char **argv, GError **error)
{
  static char *opt_media, *opt_folder, *opt_format;
  static const GOptionEntry entries[] = {
    { "media", 'm', 0, G_OPTION_ARG_FILENAME, &opt_media, N_("The media file the transcript belongs to"), "FILE" },
    { "folder", 'f', 0, G_OPTION_ARG_STRING, &opt_folder, N_("Put the sources in this folder (A/B)"), "NAME" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &opt_format, N_("Read as this format instead of recognising it"), "NAME" },
    { NULL }
  };
  TlLibrary *library;
  g_autoptr(TlImportReport) report = NULL;

  if (!tl_cli_parse_options (cli, &argc, &argv, "FILE…", N_("Import transcripts (and their media) into the library."),
                             entries, NULL, error))
    return FALSE;
  if (argc < 2)
    return tl_cli_usage_error (error, _("import: name at least one file"));
  if (opt_media && argc > 2)
    return tl_cli_usage_error (error, _("import: --media pairs one media file with one transcript; name one file"));
  if (opt_format && tl_importer_find (opt_format) == NULL)
    return tl_cli_usage_error (error, _("import: unknown format “%s”"), opt_format);
  if ((library = tl_cli_open_library (cli, TL_CLI_OPEN_TO_WRITE, error)) == NULL)
    return FALSE;

  report = tl_import_job_run (library, (const char *const *) argv + 1, opt_media, opt_folder, opt_format,
                              NULL, NULL, NULL);

  for (guint i = 0; i < report->items->len; i++)
    {
      TlImportItem *item = g_ptr_array_index (report->items, i);

      if (item->error)
        continue;
      for (guint w = 0; w < item->warnings->len; w++)
        fprintf (stderr, _("tagline-cli: warning: %s: %s\n"), item->file, (char *) g_ptr_array_index (item->warnings, w));
      if (!cli->json)
        {
          printf ("%" G_GINT64_FORMAT "\t%s\t%s, ", item->source_id, item->file, item->format);
          printf (ngettext ("%u line", "%u lines", item->n_segments), item->n_segments);
          printf (", %s\n", item->timing == TL_TIMING_NONE ? _("untimed") : tl_timing_to_string (item->timing));
        }
    }
  /* a media file that cannot be read is named in its message */
  for (guint i = 0; i < report->items->len; i++)
    {
      TlImportItem *item = g_ptr_array_index (report->items, i);

      if (item->error && item->error_line)
        tl_cli_say ("%s:%u: %s", item->file, item->error_line, item->error);
      else if (item->error)
        tl_cli_say ("%s: %s", item->file, item->error);
    }

  if (cli->json)
    {
      TlJsonWriter *w = tl_cli_json (cli);
      tl_json_writer_begin_object (w);
      tl_json_writer_member (w, "imported");
      tl_json_writer_begin_array (w);
      for (guint i = 0; i < report->items->len; i++)
        if (((TlImportItem *) g_ptr_array_index (report->items, i))->error == NULL)
          write_imported (w, g_ptr_array_index (report->items, i));
      tl_json_writer_end_array (w);
      tl_json_writer_member (w, "failed");
      tl_json_writer_begin_array (w);
      for (guint i = 0; i < report->items->len; i++)
        if (((TlImportItem *) g_ptr_array_index (report->items, i))->error != NULL)
          write_failed (w, g_ptr_array_index (report->items, i));
      tl_json_writer_end_array (w);
      tl_json_writer_end_object (w);
      tl_cli_print_json (cli);
    }
  /* each failure is said above, with its file */
  return report->n_failed > 0 ? tl_cli_reported (error) : TRUE;
}
