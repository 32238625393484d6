/* tl-cli-import.c: tagline-cli import FILE…: transcripts (and their media)
 * into the library, each file its own success or failure. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tl-cli.h"
#include "tl-import-job.h"
#include "tl-import.h"

static void
add_failure (JsonBuilder *failed, GPtrArray *lines, const char *file, guint line, const char *message)
{
  json_builder_begin_object (failed);
  tl_cli_add_string (failed, "file", file);
  json_builder_set_member_name (failed, "line");
  line ? json_builder_add_int_value (failed, line) : json_builder_add_null_value (failed);
  tl_cli_add_string (failed, "error", message);
  json_builder_end_object (failed);
  if (line)
    g_ptr_array_add (lines, g_strdup_printf ("%s:%u: %s", file, line, message));
  else
    g_ptr_array_add (lines, g_strdup_printf ("%s: %s", file, message));
}

gboolean
tl_cli_import (TlCli *cli, int argc, char **argv, GError **error)
{
  static char *opt_media, *opt_folder, *opt_format;
  static const GOptionEntry entries[] = {
    { "media", 'm', 0, G_OPTION_ARG_FILENAME, &opt_media, "The media file the transcript belongs to", "FILE" },
    { "folder", 'f', 0, G_OPTION_ARG_STRING, &opt_folder, "Put the sources in this folder (A/B)", "NAME" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &opt_format, "Read as this format instead of recognising it", "NAME" },
    { NULL }
  };
  TlLibrary *library;
  g_autoptr(TlImportReport) report = NULL;
  g_autoptr(JsonBuilder) imported = json_builder_new ();
  g_autoptr(JsonBuilder) failed = json_builder_new ();
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonBuilder) out = json_builder_new ();

  if (!tl_cli_parse_options (cli, &argc, &argv, "FILE…", "Import transcripts (and their media) into the library.",
                             entries, NULL, error))
    return FALSE;
  if (argc < 2)
    return tl_cli_usage_error (error, "import: name at least one file");
  if (opt_media && argc > 2)
    return tl_cli_usage_error (error, "import: --media pairs one media file with one transcript; name one file");
  if (opt_format && tl_importer_find (opt_format) == NULL)
    return tl_cli_usage_error (error, "import: unknown format “%s”", opt_format);
  if ((library = tl_cli_open_library (cli, TL_CLI_OPEN_TO_WRITE, error)) == NULL)
    return FALSE;

  report = tl_import_job_run (library, (const char *const *) argv + 1, opt_media, opt_folder, opt_format,
                              NULL, NULL, NULL);

  json_builder_begin_array (imported);
  json_builder_begin_array (failed);
  for (guint i = 0; i < report->items->len; i++)
    {
      TlImportItem *item = g_ptr_array_index (report->items, i);

      if (item->error)
        {
          /* a media file that cannot be read is named in its message */
          add_failure (failed, errors, item->file, item->error_line, item->error);
          continue;
        }
      json_builder_begin_object (imported);
      tl_cli_add_int (imported, "id", item->source_id);
      tl_cli_add_string (imported, "file", item->file);
      tl_cli_add_string (imported, "title", item->title);
      tl_cli_add_string (imported, "kind", tl_source_kind_to_string (item->kind));
      tl_cli_add_string (imported, "format", item->format);
      tl_cli_add_int (imported, "segments", item->n_segments);
      tl_cli_add_string (imported, "timing", tl_timing_to_string (item->timing));
      {
        g_autofree char *media = item->media ? g_canonicalize_filename (item->media, NULL) : NULL;
        tl_cli_add_string (imported, "media", media);
      }
      json_builder_set_member_name (imported, "warnings");
      json_builder_begin_array (imported);
      for (guint w = 0; w < item->warnings->len; w++)
        {
          const char *warning = g_ptr_array_index (item->warnings, w);
          json_builder_add_string_value (imported, warning);
          fprintf (stderr, "tagline-cli: warning: %s: %s\n", item->file, warning);
        }
      json_builder_end_array (imported);
      json_builder_end_object (imported);

      if (!cli->json)
        {
          printf ("%" G_GINT64_FORMAT "\t%s\t%s, ", item->source_id, item->file, item->format);
          printf (ngettext ("%u line", "%u lines", item->n_segments), item->n_segments);
          printf (", %s\n", item->timing == TL_TIMING_NONE ? "untimed" : tl_timing_to_string (item->timing));
        }
    }
  json_builder_end_array (imported);
  json_builder_end_array (failed);

  for (guint i = 0; i < errors->len; i++)
    tl_cli_say ("%s", (char *) g_ptr_array_index (errors, i));

  if (cli->json)
    {
      g_autoptr(JsonNode) imported_node = json_builder_get_root (imported);
      g_autoptr(JsonNode) failed_node = json_builder_get_root (failed);
      json_builder_begin_object (out);
      json_builder_set_member_name (out, "imported");
      json_builder_add_value (out, g_steal_pointer (&imported_node));
      json_builder_set_member_name (out, "failed");
      json_builder_add_value (out, g_steal_pointer (&failed_node));
      json_builder_end_object (out);
      tl_cli_print_json (out);
    }
  /* each failure is said above, with its file */
  return report->n_failed > 0 ? tl_cli_reported (error) : TRUE;
}
