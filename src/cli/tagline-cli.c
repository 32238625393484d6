/* tagline-cli.c: the command line for scripts, tests and batch work. Every
 * subcommand takes --library FILE and --json; failures exit non-zero with
 * one line on stderr that names the file (and line). */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "tl-container.h"
#include "tl-export.h"
#include "tl-import.h"
#include "tl-json.h"
#include "tl-library.h"
#include "tl-probe.h"
#include "tl-search.h"
#include "tl-text.h"

static char *opt_library;
static gboolean opt_json;

static const GOptionEntry common_entries[] = {
  { "library", 'l', 0, G_OPTION_ARG_FILENAME, &opt_library, "The library file (default: your Tagline library)", "FILE" },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, "Print one JSON document on standard output", NULL },
  { NULL }
};

static void G_GNUC_PRINTF (1, 2)
fail (const char *format, ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  /* one line, whatever the message held */
  g_strdelimit (msg, "\n", ' ');
  fprintf (stderr, "tagline-cli: %s\n", msg);
}

static gboolean
parse_options (int *argc, char ***argv, const char *usage, const char *summary, const GOptionEntry *entries)
{
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, common_entries, NULL);
  if (entries)
    g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      fail ("%s (see --help)", error->message);
      return FALSE;
    }
  return TRUE;
}

static TlLibrary *
open_library (void)
{
  g_autofree char *path = opt_library ? g_strdup (opt_library) : tl_library_get_default_path ();
  g_autoptr(GError) error = NULL;
  TlLibrary *library = tl_library_open (path, &error);

  if (library == NULL)
    fail ("%s", error->message);
  return library;
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = tl_json_to_string (root, TRUE);

  printf ("%s\n", text);
}

static void
add_string (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  if (value)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder, const char *name, gint64 value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* Seconds as a number with microsecond precision, or null. */
static void
add_time (JsonBuilder *builder, const char *name, gint64 usec)
{
  json_builder_set_member_name (builder, name);
  if (usec < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, usec / 1e6);
}

static char *
format_time (gint64 usec)
{
  if (usec < 0)
    return g_strdup ("--:--:--");
  return tl_format_clock (usec, TRUE, '.');
}

static void
add_media (JsonBuilder *builder, const TlMediaInfo *media)
{
  json_builder_begin_object (builder);
  add_string (builder, "path", media->path);
  add_time (builder, "duration", media->duration);
  json_builder_set_member_name (builder, "framerate");
  if (media->fps_num > 0 && media->fps_den > 0)
    {
      g_autofree char *rate = g_strdup_printf ("%d/%d", media->fps_num, media->fps_den);
      json_builder_add_string_value (builder, rate);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "width");
  media->width > 0 ? json_builder_add_int_value (builder, media->width) : json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "height");
  media->height > 0 ? json_builder_add_int_value (builder, media->height) : json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "has_video");
  json_builder_add_boolean_value (builder, media->has_video);
  json_builder_set_member_name (builder, "has_audio");
  json_builder_add_boolean_value (builder, media->has_audio);
  add_string (builder, "video_codec", media->video_codec);
  add_string (builder, "audio_codec", media->audio_codec);
  add_string (builder, "start_timecode", media->start_timecode);
  json_builder_end_object (builder);
}

/* import */

static const char *const transcript_extensions[] = {
  "srt", "vtt", "sbv", "json", "ttml", "dfxp", "xml", "ass", "ssa", "eaf", "txt", "md",
};

static char *
find_transcript_beside (const char *media_path)
{
  g_autofree char *dir = g_path_get_dirname (media_path);
  g_autofree char *base = g_path_get_basename (media_path);
  char *dot = strrchr (base, '.');

  if (dot)
    *dot = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (transcript_extensions); i++)
    {
      g_autofree char *name = g_strconcat (base, ".", transcript_extensions[i], NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

typedef struct {
  char *transcript;
  char *media; /* NULL when none */
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_free (job->transcript);
  g_free (job->media);
  g_free (job);
}

static void
add_failure (JsonBuilder *failed, GPtrArray *lines, const char *file, guint line, const char *message)
{
  json_builder_begin_object (failed);
  add_string (failed, "file", file);
  json_builder_set_member_name (failed, "line");
  line ? json_builder_add_int_value (failed, line) : json_builder_add_null_value (failed);
  add_string (failed, "error", message);
  json_builder_end_object (failed);
  if (line)
    g_ptr_array_add (lines, g_strdup_printf ("%s:%u: %s", file, line, message));
  else
    g_ptr_array_add (lines, g_strdup_printf ("%s: %s", file, message));
}

/* Turns the command's FILE arguments into transcript (+ media) pairs:
 * a folder stands for the transcripts in it; a media file for the
 * transcript beside it with the same base name. */
static gboolean
collect_jobs (char **files, const char *media, GPtrArray *jobs, JsonBuilder *failed, GPtrArray *errors)
{
  gboolean ok = TRUE;

  for (guint i = 0; files[i] != NULL; i++)
    {
      const char *path = files[i];
      ImportJob *job;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
          g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
          const char *name;

          while (dir && (name = g_dir_read_name (dir)) != NULL)
            if (name[0] != '.' && !tl_media_path_looks_like_media (name))
              g_ptr_array_add (names, g_build_filename (path, name, NULL));
          g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
          for (guint n = 0; n < names->len; n++)
            {
              const char *file = g_ptr_array_index (names, n);
              if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
                continue;
              job = g_new0 (ImportJob, 1);
              job->transcript = g_strdup (file);
              job->media = tl_media_find_beside (file);
              g_ptr_array_add (jobs, job);
            }
          continue;
        }
      job = g_new0 (ImportJob, 1);
      if (tl_media_path_looks_like_media (path) && media == NULL)
        {
          job->transcript = find_transcript_beside (path);
          job->media = g_strdup (path);
          if (job->transcript == NULL)
            {
              add_failure (failed, errors, path, 0,
                           "a media file without a transcript beside it (same name, .srt, .vtt, .txt, …)");
              import_job_free (job);
              ok = FALSE;
              continue;
            }
        }
      else
        {
          job->transcript = g_strdup (path);
          job->media = media ? g_strdup (media) : tl_media_find_beside (path);
        }
      g_ptr_array_add (jobs, job);
    }
  return ok;
}

static int
cmd_import (int argc, char **argv)
{
  static char *opt_media, *opt_folder, *opt_format;
  static const GOptionEntry entries[] = {
    { "media", 'm', 0, G_OPTION_ARG_FILENAME, &opt_media, "The media file the transcript belongs to", "FILE" },
    { "folder", 'f', 0, G_OPTION_ARG_STRING, &opt_folder, "Put the sources in this folder (A/B)", "NAME" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &opt_format, "Read as this format instead of recognising it", "NAME" },
    { NULL }
  };
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(JsonBuilder) imported = json_builder_new ();
  g_autoptr(JsonBuilder) failed = json_builder_new ();
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func (import_job_free);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonBuilder) out = json_builder_new ();
  guint n_imported = 0;

  if (!parse_options (&argc, &argv, "FILE…", "Import transcripts (and their media) into the library.", entries))
    return 2;
  if (argc < 2)
    {
      fail ("import: name at least one file");
      return 2;
    }
  if (opt_media && argc > 2)
    {
      fail ("import: --media pairs one media file with one transcript; name one file");
      return 2;
    }
  if ((library = open_library ()) == NULL)
    return 1;

  json_builder_begin_array (imported);
  json_builder_begin_array (failed);
  collect_jobs (argv + 1, opt_media, jobs, failed, errors);

  for (guint i = 0; i < jobs->len; i++)
    {
      ImportJob *job = g_ptr_array_index (jobs, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(TlDocument) doc = NULL;
      g_autoptr(TlMediaInfo) media = NULL;
      g_autofree char *origin = g_canonicalize_filename (job->transcript, NULL);
      TlImportOptions options = { origin, opt_folder, NULL };
      guint line = 0;
      gint64 id;

      doc = tl_import_file (job->transcript, opt_format, &line, &error);
      if (doc == NULL)
        {
          add_failure (failed, errors, job->transcript, line, error->message);
          continue;
        }
      if (job->media != NULL)
        {
          media = tl_probe_file (job->media, &error);
          if (media == NULL)
            {
              add_failure (failed, errors, job->media, 0, error->message);
              continue;
            }
          options.media = media;
        }
      tl_document_apply_media (doc, media);
      id = tl_library_add_document (library, doc, &options, &error);
      if (id == 0)
        {
          add_failure (failed, errors, job->transcript, 0, error->message);
          continue;
        }
      n_imported++;

      json_builder_begin_object (imported);
      add_int (imported, "id", id);
      add_string (imported, "file", job->transcript);
      {
        g_autoptr(TlSource) source = tl_library_get_source (library, id, NULL);
        add_string (imported, "title", source ? tl_source_get_title (source) : doc->title);
      }
      add_string (imported, "kind", tl_source_kind_to_string (doc->kind));
      add_string (imported, "format", doc->format);
      add_int (imported, "segments", doc->segments->len);
      add_string (imported, "timing", tl_timing_to_string (doc->timing));
      add_string (imported, "media", media ? media->path : NULL);
      json_builder_set_member_name (imported, "warnings");
      json_builder_begin_array (imported);
      for (guint w = 0; w < doc->warnings->len; w++)
        {
          const char *warning = g_ptr_array_index (doc->warnings, w);
          json_builder_add_string_value (imported, warning);
          g_ptr_array_add (warnings, g_strdup_printf ("%s: %s", job->transcript, warning));
        }
      json_builder_end_array (imported);
      json_builder_end_object (imported);

      if (!opt_json)
        printf ("%" G_GINT64_FORMAT "\t%s\t%s, %u lines, %s timing\n", id, job->transcript,
                doc->format, doc->segments->len, tl_timing_to_string (doc->timing));
    }
  json_builder_end_array (imported);
  json_builder_end_array (failed);

  for (guint i = 0; i < warnings->len; i++)
    fprintf (stderr, "tagline-cli: warning: %s\n", (char *) g_ptr_array_index (warnings, i));
  for (guint i = 0; i < errors->len; i++)
    fail ("%s", (char *) g_ptr_array_index (errors, i));

  if (opt_json)
    {
      g_autoptr(JsonNode) imported_node = json_builder_get_root (imported);
      g_autoptr(JsonNode) failed_node = json_builder_get_root (failed);
      json_builder_begin_object (out);
      json_builder_set_member_name (out, "imported");
      json_builder_add_value (out, g_steal_pointer (&imported_node));
      json_builder_set_member_name (out, "failed");
      json_builder_add_value (out, g_steal_pointer (&failed_node));
      json_builder_end_object (out);
      print_json (out);
    }
  return errors->len > 0 ? 1 : 0;
}

/* sources */

static int
cmd_sources (int argc, char **argv)
{
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_options (&argc, &argv, NULL, "List the sources in the library.", NULL))
    return 2;
  if ((library = open_library ()) == NULL)
    return 1;
  if ((sources = tl_library_list_sources (library, &error)) == NULL)
    {
      fail ("%s", error->message);
      return 1;
    }

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "sources");
      json_builder_begin_array (builder);
      for (guint i = 0; i < sources->len; i++)
        {
          TlSource *source = g_ptr_array_index (sources, i);
          json_builder_begin_object (builder);
          add_int (builder, "id", tl_source_get_id (source));
          add_string (builder, "title", tl_source_get_title (source));
          add_string (builder, "kind", tl_source_kind_to_string (tl_source_get_kind (source)));
          add_string (builder, "outlet", tl_source_get_outlet (source));
          add_time (builder, "duration", tl_source_get_duration (source));
          add_int (builder, "segments", tl_source_get_n_segments (source));
          add_string (builder, "timing", tl_timing_to_string (tl_source_get_timing (source)));
          add_string (builder, "folder", tl_source_get_folder (source));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_json (builder);
      return 0;
    }
  for (guint i = 0; i < sources->len; i++)
    {
      TlSource *source = g_ptr_array_index (sources, i);
      g_autofree char *duration = format_time (tl_source_get_duration (source));
      printf ("%4" G_GINT64_FORMAT "  %-10s %s  %5u lines  %-9s  %s%s%s\n", tl_source_get_id (source),
              tl_source_kind_to_string (tl_source_get_kind (source)), duration,
              tl_source_get_n_segments (source), tl_timing_to_string (tl_source_get_timing (source)),
              tl_source_get_folder (source) ? tl_source_get_folder (source) : "",
              tl_source_get_folder (source) ? "/" : "", tl_source_get_title (source));
    }
  return 0;
}

static gboolean
parse_id (const char *arg, gint64 *id)
{
  char *end = NULL;
  gint64 value = g_ascii_strtoll (arg, &end, 10);

  if (end == arg || *end != '\0' || value <= 0)
    {
      fail ("“%s” is not a source id (a number from “tagline-cli sources”)", arg);
      return FALSE;
    }
  *id = value;
  return TRUE;
}

/* show */

static int
cmd_show (int argc, char **argv)
{
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(TlSource) source = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GPtrArray) chapters = NULL;
  g_autoptr(GError) error = NULL;
  const char *const *keywords;
  const TlMediaInfo *media;
  gint64 id;

  if (!parse_options (&argc, &argv, "ID", "Show a source with its metadata and transcript.", NULL))
    return 2;
  if (argc != 2)
    {
      fail ("show: name one source id");
      return 2;
    }
  if (!parse_id (argv[1], &id) || (library = open_library ()) == NULL)
    return argc == 2 ? 1 : 2;
  if ((source = tl_library_get_source (library, id, &error)) == NULL
      || (segments = tl_library_get_segments (library, id, &error)) == NULL
      || (chapters = tl_library_get_chapters (library, id, &error)) == NULL)
    {
      fail ("%s: %s", tl_library_get_path (library), error->message);
      return 1;
    }
  keywords = tl_source_get_keywords (source);
  media = tl_source_get_media (source);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      add_int (b, "id", id);
      add_string (b, "title", tl_source_get_title (source));
      add_string (b, "kind", tl_source_kind_to_string (tl_source_get_kind (source)));
      add_string (b, "format", tl_source_get_format (source));
      add_string (b, "outlet", tl_source_get_outlet (source));
      add_string (b, "published", tl_source_get_published (source));
      add_string (b, "url", tl_source_get_url (source));
      add_string (b, "external_id", tl_source_get_external_id (source));
      add_time (b, "duration", tl_source_get_duration (source));
      add_string (b, "description", tl_source_get_description (source));
      add_string (b, "language", tl_source_get_language (source));
      add_string (b, "folder", tl_source_get_folder (source));
      add_string (b, "origin", tl_source_get_origin_path (source));
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
          add_time (b, "start", chapter->start);
          json_builder_set_member_name (b, "segment_index");
          chapter->segment_index >= 0 ? json_builder_add_int_value (b, chapter->segment_index)
                                      : json_builder_add_null_value (b);
          add_string (b, "title", chapter->title);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      add_string (b, "timing", tl_timing_to_string (tl_source_get_timing (source)));
      json_builder_set_member_name (b, "media");
      if (media)
        add_media (b, media);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "segments");
      json_builder_begin_array (b);
      for (guint i = 0; i < segments->len; i++)
        {
          TlSegment *seg = g_ptr_array_index (segments, i);
          json_builder_begin_object (b);
          add_int (b, "index", tl_segment_get_index (seg));
          add_time (b, "start", tl_segment_get_start (seg));
          add_time (b, "end", tl_segment_get_end (seg));
          add_string (b, "speaker", tl_segment_get_speaker (seg));
          add_string (b, "text", tl_segment_get_text (seg));
          json_builder_set_member_name (b, "non_speech");
          json_builder_add_boolean_value (b, tl_segment_get_non_speech (seg));
          json_builder_set_member_name (b, "confidence");
          if (tl_segment_get_confidence (seg) >= 0)
            json_builder_add_double_value (b, tl_segment_get_confidence (seg));
          else
            json_builder_add_null_value (b);
          add_string (b, "flag", tl_segment_get_flag (seg));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      print_json (b);
      return 0;
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
      g_autofree char *start = format_time (tl_segment_get_start (seg));
      printf ("%4u  %s  %s%s%s\n", tl_segment_get_index (seg), start,
              tl_segment_get_speaker (seg) ? tl_segment_get_speaker (seg) : "",
              tl_segment_get_speaker (seg) ? ": " : "", tl_segment_get_text (seg));
    }
  return 0;
}

/* search */

static int
cmd_search (int argc, char **argv)
{
  static int opt_limit = 50;
  static const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &opt_limit, "Show at most N hits (default 50)", "N" },
    { NULL }
  };
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(TlSearchResults) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;

  if (!parse_options (&argc, &argv, "QUERY",
                      "Search every transcript: words, \"a phrase\", prefix*, OR, -word.", entries))
    return 2;
  if (argc < 2)
    {
      fail ("search: say what to search for");
      return 2;
    }
  if (opt_limit < 0)
    opt_limit = 0;
  query = g_strjoinv (" ", argv + 1);
  if ((library = open_library ()) == NULL)
    return 1;
  results = tl_search (library, query, opt_limit, 0, opt_json ? "**" : "\033[1m", opt_json ? "**" : "\033[0m", &error);
  if (results == NULL)
    {
      fail ("%s", error->message);
      return 1;
    }
  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      add_int (b, "total", results->total);
      json_builder_set_member_name (b, "hits");
      json_builder_begin_array (b);
      for (guint i = 0; i < results->hits->len; i++)
        {
          TlSearchHit *hit = g_ptr_array_index (results->hits, i);
          json_builder_begin_object (b);
          add_int (b, "source_id", hit->source_id);
          add_int (b, "segment_index", hit->segment_index);
          add_time (b, "start", hit->start);
          add_time (b, "end", hit->end);
          add_string (b, "text", hit->text);
          add_string (b, "snippet", hit->snippet);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      print_json (b);
      return 0;
    }
  for (guint i = 0; i < results->hits->len; i++)
    {
      TlSearchHit *hit = g_ptr_array_index (results->hits, i);
      g_autofree char *start = format_time (hit->start);
      printf ("%4" G_GINT64_FORMAT ":%-4u %s  %s\n", hit->source_id, hit->segment_index, start, hit->snippet);
    }
  printf ("%u lines match%s\n", results->total, results->total > results->hits->len ? " (use --limit to see more)" : "");
  return 0;
}

/* topics */

static void
add_topic (JsonBuilder *b, TlTopic *topic)
{
  json_builder_begin_object (b);
  add_int (b, "id", tl_topic_get_id (topic));
  add_string (b, "name", tl_topic_get_name (topic));
  json_builder_set_member_name (b, "key");
  tl_topic_get_key (topic) ? json_builder_add_int_value (b, tl_topic_get_key (topic)) : json_builder_add_null_value (b);
  add_string (b, "color", tl_topic_get_color (topic));
  add_int (b, "clips", tl_topic_get_n_clips (topic));
  json_builder_end_object (b);
}

static int
cmd_topics (int argc, char **argv)
{
  static int opt_key;
  static char *opt_color;
  static const GOptionEntry entries[] = {
    { "key", 'k', 0, G_OPTION_ARG_INT, &opt_key, "With add: the key (1–9) that tags with this topic", "N" },
    { "color", 'c', 0, G_OPTION_ARG_STRING, &opt_color, "With add: the colour, #rrggbb", "COLOR" },
    { NULL }
  };
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_options (&argc, &argv, "[add NAME]", "List the topics, or add one.", entries))
    return 2;
  if (argc >= 2 && strcmp (argv[1], "add") != 0)
    {
      fail ("topics: unknown action “%s” (topics, or topics add NAME)", argv[1]);
      return 2;
    }
  if (argc >= 2 && argc != 3)
    {
      fail ("topics add: name one topic (quote a name with spaces)");
      return 2;
    }
  if (opt_key < 0 || opt_key > 9)
    {
      fail ("topics add: --key takes 1 to 9, not %d", opt_key);
      return 2;
    }
  if ((library = open_library ()) == NULL)
    return 1;

  if (argc == 3)
    {
      g_autoptr(TlTopic) topic = tl_library_add_topic (library, argv[2], opt_key, opt_color, &error);
      if (topic == NULL)
        {
          fail ("%s: %s", tl_library_get_path (library), error->message);
          return 1;
        }
      if (opt_json)
        {
          g_autoptr(JsonBuilder) b = json_builder_new ();
          add_topic (b, topic);
          print_json (b);
        }
      else
        printf ("%" G_GINT64_FORMAT "\n", tl_topic_get_id (topic));
      return 0;
    }

  {
    g_autoptr(GPtrArray) topics = tl_library_list_topics (library, &error);
    if (topics == NULL)
      {
        fail ("%s", error->message);
        return 1;
      }
    if (opt_json)
      {
        g_autoptr(JsonBuilder) b = json_builder_new ();
        json_builder_begin_object (b);
        json_builder_set_member_name (b, "topics");
        json_builder_begin_array (b);
        for (guint i = 0; i < topics->len; i++)
          add_topic (b, g_ptr_array_index (topics, i));
        json_builder_end_array (b);
        json_builder_end_object (b);
        print_json (b);
        return 0;
      }
    for (guint i = 0; i < topics->len; i++)
      {
        TlTopic *topic = g_ptr_array_index (topics, i);
        printf ("%4" G_GINT64_FORMAT "  %s  %c  %5u clips  %s\n", tl_topic_get_id (topic), tl_topic_get_color (topic),
                tl_topic_get_key (topic) ? '0' + tl_topic_get_key (topic) : '-', tl_topic_get_n_clips (topic),
                tl_topic_get_name (topic));
      }
  }
  return 0;
}

/* tag */

/* "83.5", "1:23.5" or "00:01:23.500": a time in the source. */
static gboolean
parse_time_arg (const char *arg, gint64 *usec)
{
  const char *end = NULL;

  if ((tl_parse_clock (arg, &end, usec) || tl_parse_seconds (arg, &end, usec)) && *end == '\0' && *usec >= 0)
    return TRUE;
  fail ("“%s” is not a time: give seconds (83.5) or a clock time (00:01:23.5)", arg);
  return FALSE;
}

static int
cmd_tag (int argc, char **argv)
{
  static char *opt_note, *opt_title;
  static int opt_rating;
  static const GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &opt_note, "A note on the clip", "TEXT" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &opt_title, "The clip's title", "TEXT" },
    { "rating", 'r', 0, G_OPTION_ARG_INT, &opt_rating, "A rating, 0 to 5", "N" },
    { NULL }
  };
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(TlSource) source = NULL;
  g_autoptr(GError) error = NULL;
  TlClipSpec spec = { 0 };
  gint64 id, clip_id;

  if (!parse_options (&argc, &argv, "SOURCE_ID START END TOPIC…",
                      "Store a clip of a source from START to END with topics. Times are seconds or "
                      "HH:MM:SS.mmm; for articles and untimed transcripts, paragraph numbers.", entries))
    return 2;
  if (argc < 5)
    {
      fail ("tag: give SOURCE_ID START END and at least one TOPIC");
      return 2;
    }
  if (opt_rating < 0 || opt_rating > 5)
    {
      fail ("tag: --rating takes 0 to 5, not %d", opt_rating);
      return 2;
    }
  if (!parse_id (argv[1], &id))
    return 2;
  if ((library = open_library ()) == NULL)
    return 1;
  if ((source = tl_library_get_source (library, id, &error)) == NULL)
    {
      fail ("%s: %s", tl_library_get_path (library), error->message);
      return 1;
    }

  spec.source_id = id;
  spec.first_segment = spec.last_segment = -1;
  if (tl_source_get_kind (source) == TL_SOURCE_KIND_ARTICLE || tl_source_get_timing (source) == TL_TIMING_NONE)
    {
      char *end1 = NULL, *end2 = NULL;
      spec.first_segment = (gint) g_ascii_strtoll (argv[2], &end1, 10);
      spec.last_segment = (gint) g_ascii_strtoll (argv[3], &end2, 10);
      if (*end1 != '\0' || *end2 != '\0' || end1 == argv[2] || end2 == argv[3])
        {
          fail ("“%s” has no times: give the first and last paragraph numbers (see tagline-cli show %s)",
                tl_source_get_title (source), argv[1]);
          return 2;
        }
    }
  else if (!parse_time_arg (argv[2], &spec.in) || !parse_time_arg (argv[3], &spec.out))
    return 2;
  spec.topics = (const char *const *) argv + 4;
  spec.note = opt_note;
  spec.title = opt_title;
  spec.rating = opt_rating;

  clip_id = tl_library_add_clip (library, &spec, &error);
  if (clip_id == 0)
    {
      if (g_error_matches (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND))
        fail ("%s: %s (add it with: tagline-cli topics add NAME)", tl_library_get_path (library), error->message);
      else
        fail ("%s: %s", tl_library_get_path (library), error->message);
      return 1;
    }
  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      add_int (b, "id", clip_id);
      json_builder_end_object (b);
      print_json (b);
    }
  else
    printf ("%" G_GINT64_FORMAT "\n", clip_id);
  return 0;
}

/* clips and export share their filter options */

static char **opt_topics;
static char **opt_sources;
static char *opt_folder_filter;
static int opt_min_rating;
static char *opt_query;
static char *opt_order;

static const GOptionEntry filter_entries[] = {
  { "topic", 't', 0, G_OPTION_ARG_STRING_ARRAY, &opt_topics, "Clips with this topic (repeat for any of several)", "NAME" },
  { "source", 's', 0, G_OPTION_ARG_STRING_ARRAY, &opt_sources, "Clips of this source (repeatable)", "ID" },
  { "folder", 0, 0, G_OPTION_ARG_STRING, &opt_folder_filter, "Clips of sources in this folder", "NAME" },
  { "min-rating", 0, 0, G_OPTION_ARG_INT, &opt_min_rating, "Clips rated at least N", "N" },
  { "query", 'q', 0, G_OPTION_ARG_STRING, &opt_query, "Clips whose words match this search", "QUERY" },
  { "order", 0, 0, G_OPTION_ARG_STRING, &opt_order, "source (default), topic, rating or created", "ORDER" },
  { NULL }
};

static gboolean
build_filter (TlClipFilter *filter, GArray *ids)
{
  static const char *const orders[] = { "source", "topic", "rating", "created" };

  memset (filter, 0, sizeof *filter);
  filter->topics = (const char *const *) opt_topics;
  for (guint i = 0; opt_sources && opt_sources[i]; i++)
    {
      gint64 id;
      if (!parse_id (opt_sources[i], &id))
        return FALSE;
      g_array_append_val (ids, id);
    }
  filter->source_ids = (const gint64 *) ids->data;
  filter->n_source_ids = ids->len;
  filter->folder = opt_folder_filter;
  if (opt_min_rating < 0 || opt_min_rating > 5)
    {
      fail ("--min-rating takes 0 to 5, not %d", opt_min_rating);
      return FALSE;
    }
  filter->min_rating = opt_min_rating;
  filter->query = opt_query;
  filter->order = TL_CLIP_ORDER_SOURCE;
  if (opt_order)
    {
      guint i;
      for (i = 0; i < G_N_ELEMENTS (orders); i++)
        if (strcmp (opt_order, orders[i]) == 0)
          break;
      if (i == G_N_ELEMENTS (orders))
        {
          fail ("--order takes source, topic, rating or created, not “%s”", opt_order);
          return FALSE;
        }
      filter->order = (TlClipOrder) i;
    }
  return TRUE;
}

static int
cmd_clips (int argc, char **argv)
{
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(GPtrArray) clips = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  TlClipFilter filter;

  if (!parse_options (&argc, &argv, NULL, "List clips.", filter_entries))
    return 2;
  if (argc > 1)
    {
      fail ("clips: unexpected “%s” (filter with --topic, --source, …)", argv[1]);
      return 2;
    }
  if (!build_filter (&filter, ids))
    return 2;
  if ((library = open_library ()) == NULL)
    return 1;
  if ((clips = tl_library_list_clips (library, &filter, &error)) == NULL)
    {
      fail ("%s", error->message);
      return 1;
    }

  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "clips");
      json_builder_begin_array (b);
      for (guint i = 0; i < clips->len; i++)
        {
          TlClip *clip = g_ptr_array_index (clips, i);
          const char *const *topics = tl_clip_get_topics (clip);
          g_autofree char *text = tl_library_get_clip_text (library, clip, NULL);
          json_builder_begin_object (b);
          add_int (b, "id", tl_clip_get_id (clip));
          add_int (b, "source_id", tl_clip_get_source_id (clip));
          add_time (b, "in", tl_clip_get_in (clip));
          add_time (b, "out", tl_clip_get_out (clip));
          json_builder_set_member_name (b, "paragraphs");
          if (tl_clip_get_first_segment (clip) >= 0)
            {
              json_builder_begin_array (b);
              json_builder_add_int_value (b, tl_clip_get_first_segment (clip));
              json_builder_add_int_value (b, tl_clip_get_last_segment (clip));
              json_builder_end_array (b);
            }
          else
            json_builder_add_null_value (b);
          json_builder_set_member_name (b, "topics");
          json_builder_begin_array (b);
          for (guint t = 0; topics[t]; t++)
            json_builder_add_string_value (b, topics[t]);
          json_builder_end_array (b);
          add_int (b, "rating", tl_clip_get_rating (clip));
          add_string (b, "title", tl_clip_get_title (clip));
          add_string (b, "note", tl_clip_get_note (clip));
          add_string (b, "text", text);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      print_json (b);
      return 0;
    }
  for (guint i = 0; i < clips->len; i++)
    {
      TlClip *clip = g_ptr_array_index (clips, i);
      g_autofree char *topics = g_strjoinv (", ", (char **) tl_clip_get_topics (clip));
      g_autofree char *range = NULL;
      if (tl_clip_get_first_segment (clip) >= 0)
        range = g_strdup_printf ("paragraphs %d–%d", tl_clip_get_first_segment (clip), tl_clip_get_last_segment (clip));
      else
        {
          g_autofree char *in = format_time (tl_clip_get_in (clip));
          g_autofree char *out = format_time (tl_clip_get_out (clip));
          range = g_strdup_printf ("%s – %s", in, out);
        }
      printf ("%4" G_GINT64_FORMAT "  source %-4" G_GINT64_FORMAT " %s  %u★  %s%s%s\n", tl_clip_get_id (clip),
              tl_clip_get_source_id (clip), range, tl_clip_get_rating (clip), topics,
              tl_clip_get_note (clip) ? "  — " : "", tl_clip_get_note (clip) ? tl_clip_get_note (clip) : "");
    }
  return 0;
}

/* export */

static int
cmd_export (int argc, char **argv)
{
  static char *opt_format, *opt_output;
  static const GOptionEntry entries[] = {
    { "format", 'F', 0, G_OPTION_ARG_STRING, &opt_format, "csv or json", "NAME" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, "The file to write (- for standard output)", "FILE" },
    { NULL }
  };
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  TlExportStats stats = { 0 };
  TlClipFilter filter;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  const TlExporter *const *exporters;
  guint n_exporters;

  exporters = tl_exporters (&n_exporters);
  for (guint i = 0; i < n_exporters; i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "", exporters[i]->name);

  g_option_context_set_summary (context, "Export clips as a file an editing tool opens.");
  g_option_context_add_main_entries (context, common_entries, NULL);
  g_option_context_add_main_entries (context, filter_entries, NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fail ("%s (see --help)", error->message);
      return 2;
    }
  if (opt_format == NULL || tl_exporter_find (opt_format) == NULL)
    {
      fail ("export: --format takes one of %s", names->str);
      return 2;
    }
  if (opt_output == NULL)
    {
      fail ("export: name the file to write with -o FILE");
      return 2;
    }
  if (!build_filter (&filter, ids))
    return 2;
  if ((library = open_library ()) == NULL)
    return 1;

  if (strcmp (opt_output, "-") == 0)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      if (!tl_export_to_string (library, &filter, opt_format, out, &stats, &error))
        {
          fail ("%s", error->message);
          return 1;
        }
      fwrite (out->str, 1, out->len, stdout);
      return 0;
    }
  if (!tl_export_to_file (library, &filter, opt_format, opt_output, &stats, &error))
    {
      fail ("%s: %s", opt_output, error->message);
      return 1;
    }
  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      add_string (b, "file", opt_output);
      add_string (b, "format", opt_format);
      add_int (b, "clips", stats.n_clips);
      add_int (b, "skipped", stats.n_skipped);
      json_builder_end_object (b);
      print_json (b);
    }
  else
    {
      printf ("%u clips written to %s\n", stats.n_clips, opt_output);
      if (stats.n_skipped)
        printf ("%u clips left out: %s cannot hold quotes from articles\n", stats.n_skipped, opt_format);
    }
  return 0;
}

/* probe */

static int
cmd_probe (int argc, char **argv)
{
  g_autoptr(TlMediaInfo) media = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_options (&argc, &argv, "FILE", "Show what a media file holds.", NULL))
    return 2;
  if (argc != 2)
    {
      fail ("probe: name one media file");
      return 2;
    }
  if ((media = tl_probe_file (argv[1], &error)) == NULL)
    {
      fail ("%s", error->message);
      return 1;
    }
  /* a file cut short plays, and stops early: the same warning as the player's */
  if (!tl_container_check_complete (argv[1], &error))
    fail ("warning: %s", error->message);
  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      add_media (b, media);
      print_json (b);
      return 0;
    }
  {
    g_autofree char *duration = format_time (media->duration);
    printf ("%s\nduration %s", media->path, duration);
    if (media->has_video)
      printf (", video %dx%d at %d/%d fps (%s)", media->width, media->height, media->fps_num, media->fps_den,
              media->video_codec ? media->video_codec : "?");
    if (media->has_audio)
      printf (", audio (%s)", media->audio_codec ? media->audio_codec : "?");
    printf ("\n");
  }
  return 0;
}

static const struct {
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} commands[] = {
  { "import", cmd_import, "Import transcripts (and their media)" },
  { "sources", cmd_sources, "List the sources" },
  { "show", cmd_show, "Show a source and its transcript" },
  { "search", cmd_search, "Search every transcript" },
  { "topics", cmd_topics, "List or add topics" },
  { "tag", cmd_tag, "Store a clip with topics" },
  { "clips", cmd_clips, "List clips" },
  { "export", cmd_export, "Export clips (csv, json)" },
  { "probe", cmd_probe, "Show what a media file holds" },
};

static void
usage (FILE *out)
{
  fprintf (out, "Usage: tagline-cli COMMAND [--library FILE] [--json] …\n\nCommands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-8s %s\n", commands[i].name, commands[i].summary);
  fprintf (out, "\n“tagline-cli COMMAND --help” tells more.\n");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_set_prgname ("tagline-cli");

  if (argc < 2)
    {
      usage (stderr);
      return 2;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      usage (stdout);
      return 0;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("tagline-cli %s\n", PACKAGE_VERSION);
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);
  fail ("unknown command “%s” (tagline-cli --help lists them)", argv[1]);
  return 2;
}
