/* tl-cli-show.c: tagline-cli show ID: a source, its metadata and its
 * transcript. */
#include "config.h"

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
  const char *const *keywords;
  const TlMediaInfo *media;
  gint64 id;

  if (!tl_cli_parse_options (cli, &argc, &argv, "ID", "Show a source with its metadata and transcript.", NULL, NULL,
                             error))
    return FALSE;
  if (argc != 2)
    return tl_cli_usage_error (error, "show: name one source id");
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
  keywords = tl_source_get_keywords (source);
  media = tl_source_get_media (source);


  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      tl_cli_add_int (b, "id", id);
      tl_cli_add_string (b, "title", tl_source_get_title (source));
      tl_cli_add_string (b, "kind", tl_source_kind_to_string (tl_source_get_kind (source)));
      tl_cli_add_string (b, "format", tl_source_get_format (source));
      tl_cli_add_string (b, "outlet", tl_source_get_outlet (source));
      tl_cli_add_string (b, "published", tl_source_get_published (source));
      tl_cli_add_string (b, "url", tl_source_get_url (source));
      tl_cli_add_string (b, "external_id", tl_source_get_external_id (source));
      tl_cli_add_time (b, "duration", tl_source_get_duration (source));
      tl_cli_add_string (b, "description", tl_source_get_description (source));
      tl_cli_add_string (b, "language", tl_source_get_language (source));
      tl_cli_add_string (b, "folder", tl_source_get_folder (source));
      tl_cli_add_string (b, "origin", tl_source_get_origin_path (source));
      json_builder_set_member_name (b, "keywords");
      json_builder_begin_array (b);
      for (guint i = 0; keywords && keywords[i]; i++)
        json_builder_add_string_value (b, keywords[i]);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "chapters");
      json_builder_begin_array (b);
      for (guint i = 0; i < chapters->len; i++)
        {
          TlChapter *chapter = g_ptr_array_index (chapters, i);
          json_builder_begin_object (b);
          tl_cli_add_time (b, "start", chapter->start);
          json_builder_set_member_name (b, "segment_index");
          chapter->segment_index >= 0 ? json_builder_add_int_value (b, chapter->segment_index)
                                      : json_builder_add_null_value (b);
          tl_cli_add_string (b, "title", chapter->title);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      tl_cli_add_string (b, "timing", tl_timing_to_string (tl_source_get_timing (source)));
      json_builder_set_member_name (b, "media");
      if (media)
        tl_cli_add_media (b, media);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "segments");
      json_builder_begin_array (b);
      for (guint i = 0; i < segments->len; i++)
        {
          TlSegment *seg = g_ptr_array_index (segments, i);
          json_builder_begin_object (b);
          tl_cli_add_int (b, "index", tl_segment_get_index (seg));
          tl_cli_add_time (b, "start", tl_segment_get_start (seg));
          tl_cli_add_time (b, "end", tl_segment_get_end (seg));
          tl_cli_add_string (b, "speaker", tl_segment_get_speaker (seg));
          tl_cli_add_string (b, "text", tl_segment_get_text (seg));
          json_builder_set_member_name (b, "non_speech");
          json_builder_add_boolean_value (b, tl_segment_get_non_speech (seg));
          json_builder_set_member_name (b, "confidence");
          if (tl_segment_get_confidence (seg) >= 0)
            json_builder_add_double_value (b, tl_segment_get_confidence (seg));
          else
            json_builder_add_null_value (b);
          tl_cli_add_string (b, "flag", tl_segment_get_flag (seg));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      tl_cli_print_json (b);
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
    printf ("Media: %s\n", media->path);
  printf ("%s, %s timing, %u lines\n\n", tl_source_kind_to_string (tl_source_get_kind (source)),
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
