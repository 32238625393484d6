/* tagline-cli.c: the command line for scripts, tests and batch work. Every
 * subcommand takes --library FILE and --json, before or after its name;
 * "--" ends the options. Used wrongly it exits with status 2, failing with
 * 1, each time with one line on stderr that names the file (and line).
 * Commands that only read open the library read-only. */
#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tl-aligner.h"
#include "tl-demo.h"
#include "tl-container.h"
#include "tl-export.h"
#include "tl-import-job.h"
#include "tl-import.h"
#include "tl-json.h"
#include "tl-library.h"
#include "tl-probe.h"
#include "tl-render.h"
#include "tl-search.h"
#include "tl-text.h"
#include "tl-timecode.h"

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

/* Parses a command's options (and --library, --json) out of @argv, which
 * is left with the command's name and its other arguments. Everything
 * after "--" is an argument, even when it begins with "-": a topic named
 * "-3+4". */
static gboolean
parse_options_full (int *argc, char ***argv, const char *usage, const char *summary, const GOptionEntry *entries,
                    const GOptionEntry *more_entries)
{
  /* the arguments left, which the command reads until the program ends */
  static GPtrArray *kept;
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autoptr(GError) error = NULL;
  g_autofree char **options = NULL;
  int n_options = *argc, n;

  for (int i = 1; i < *argc; i++)
    if (strcmp ((*argv)[i], "--") == 0)
      {
        n_options = i;
        break;
      }
  options = g_new0 (char *, n_options + 1);
  memcpy (options, *argv, n_options * sizeof (char *));
  n = n_options;

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, common_entries, NULL);
  if (entries)
    g_option_context_add_main_entries (context, entries, NULL);
  if (more_entries)
    g_option_context_add_main_entries (context, more_entries, NULL);
  if (!g_option_context_parse (context, &n, &options, &error))
    {
      fail ("%s (see tagline-cli %s --help)", error->message, (*argv)[0]);
      return FALSE;
    }

  if (kept == NULL)
    kept = g_ptr_array_new ();
  g_ptr_array_set_size (kept, 0);
  for (int i = 0; i < n; i++)
    g_ptr_array_add (kept, options[i]);
  for (int i = n_options + 1; i < *argc; i++)
    g_ptr_array_add (kept, (*argv)[i]);
  g_ptr_array_add (kept, NULL);
  *argc = kept->len - 1;
  *argv = (char **) kept->pdata;
  return TRUE;
}

static gboolean
parse_options (int *argc, char ***argv, const char *usage, const char *summary, const GOptionEntry *entries)
{
  return parse_options_full (argc, argv, usage, summary, entries, NULL);
}

typedef enum {
  OPEN_TO_READ,  /* nothing is written to the library, nor beside it */
  OPEN_TO_WRITE, /* created when missing; fails when it cannot be written */
} OpenMode;

static char *
library_path (void)
{
  return opt_library ? g_strdup (opt_library) : tl_library_get_default_path ();
}

static TlLibrary *
open_library (OpenMode mode)
{
  g_autofree char *path = library_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = tl_library_open_full (
    path, mode == OPEN_TO_READ ? TL_LIBRARY_OPEN_READ_ONLY : TL_LIBRARY_OPEN_DEFAULT, &error);

  if (library == NULL)
    {
      if (g_error_matches (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_MISSING))
        fail ("%s (tagline-cli import makes a library; --library names another)", error->message);
      else
        fail ("%s", error->message);
      return NULL;
    }
  /* say so before any work is done, not at its end */
  if (mode == OPEN_TO_WRITE && tl_library_is_read_only (library))
    {
      fail ("%s", tl_library_get_read_only_reason (library));
      return NULL;
    }
  return g_steal_pointer (&library);
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
  g_autoptr(TlImportReport) report = NULL;
  g_autoptr(JsonBuilder) imported = json_builder_new ();
  g_autoptr(JsonBuilder) failed = json_builder_new ();
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonBuilder) out = json_builder_new ();

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
  if (opt_format && tl_importer_find (opt_format) == NULL)
    {
      fail ("import: unknown format “%s”", opt_format);
      return 2;
    }
  if ((library = open_library (OPEN_TO_WRITE)) == NULL)
    return 1;

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
      add_int (imported, "id", item->source_id);
      add_string (imported, "file", item->file);
      add_string (imported, "title", item->title);
      add_string (imported, "kind", tl_source_kind_to_string (item->kind));
      add_string (imported, "format", item->format);
      add_int (imported, "segments", item->n_segments);
      add_string (imported, "timing", tl_timing_to_string (item->timing));
      {
        g_autofree char *media = item->media ? g_canonicalize_filename (item->media, NULL) : NULL;
        add_string (imported, "media", media);
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

      if (!opt_json)
        {
          printf ("%" G_GINT64_FORMAT "\t%s\t%s, ", item->source_id, item->file, item->format);
          printf (ngettext ("%u line", "%u lines", item->n_segments), item->n_segments);
          printf (", %s\n", item->timing == TL_TIMING_NONE ? "untimed" : tl_timing_to_string (item->timing));
        }
    }
  json_builder_end_array (imported);
  json_builder_end_array (failed);

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
  return report->n_failed > 0 ? 1 : 0;
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
  if (argc > 1)
    {
      fail ("sources: unexpected “%s”", argv[1]);
      return 2;
    }
  if ((library = open_library (OPEN_TO_READ)) == NULL)
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
parse_number (const char *arg, gint64 *id, const char *what)
{
  char *end = NULL;
  gint64 value = g_ascii_strtoll (arg, &end, 10);

  if (end == arg || *end != '\0' || value <= 0)
    {
      fail ("“%s” is not a %s", arg, what);
      return FALSE;
    }
  *id = value;
  return TRUE;
}

static gboolean
parse_id (const char *arg, gint64 *id)
{
  return parse_number (arg, id, "source id (a number from “tagline-cli sources”)");
}

static gboolean
parse_clip_id (const char *arg, gint64 *id)
{
  return parse_number (arg, id, "clip id (a number from “tagline-cli clips”)");
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
  if (!parse_id (argv[1], &id))
    return 2;
  if ((library = open_library (OPEN_TO_READ)) == NULL)
    return 1;
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
      printf ("%4u  %s  %s%s%s%s%s%s\n", tl_segment_get_index (seg), start,
              tl_segment_get_speaker (seg) ? tl_segment_get_speaker (seg) : "",
              tl_segment_get_speaker (seg) ? ": " : "", tl_segment_get_text (seg),
              tl_segment_get_flag (seg) ? "  [" : "", tl_segment_get_flag (seg) ? tl_segment_get_flag (seg) : "",
              tl_segment_get_flag (seg) ? "]" : "");
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
  if ((library = open_library (OPEN_TO_READ)) == NULL)
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
  printf (ngettext ("%u line matches%s\n", "%u lines match%s\n", results->total), results->total,
          results->total > results->hits->len ? " (use --limit to see more)" : "");
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
  if (opt_color != NULL
      && (strlen (opt_color) != 7 || opt_color[0] != '#' || strspn (opt_color + 1, "0123456789abcdefABCDEF") != 6))
    {
      fail ("topics add: --color takes #rrggbb, not “%s”", opt_color);
      return 2;
    }
  if ((library = open_library (argc == 3 ? OPEN_TO_WRITE : OPEN_TO_READ)) == NULL)
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
  if ((library = open_library (OPEN_TO_WRITE)) == NULL)
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
      /* paragraphs are numbered from 1, as the window and the paper edit say */
      spec.first_segment = (gint) g_ascii_strtoll (argv[2], &end1, 10) - 1;
      spec.last_segment = (gint) g_ascii_strtoll (argv[3], &end2, 10) - 1;
      if (*end1 != '\0' || *end2 != '\0' || end1 == argv[2] || end2 == argv[3] || spec.first_segment < 0
          || spec.last_segment < spec.first_segment)
        {
          fail ("“%s” has no times: give the first and last paragraph numbers, from 1 (see tagline-cli show %s)",
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
  { "order", 0, 0, G_OPTION_ARG_STRING, &opt_order,
    "source (default), topic, rating, created or arranged (as in the clips list)", "ORDER" },
  { NULL }
};

static gboolean
build_filter (TlClipFilter *filter, GArray *ids)
{
  /* in TlClipOrder's order */
  static const char *const orders[] = { "source", "topic", "rating", "created", "arranged" };

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
          fail ("--order takes source, topic, rating, created or arranged, not “%s”", opt_order);
          return FALSE;
        }
      filter->order = (TlClipOrder) i;
    }
  return TRUE;
}

/* clips move ID [BEFORE_ID] */
static int
move_clip (int argc, char **argv)
{
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, before = 0;

  if (argc < 3 || argc > 4)
    {
      fail ("clips move: name the clip, then the clip to put it in front of (none: last)");
      return 2;
    }
  if (!parse_clip_id (argv[2], &id) || (argc == 4 && !parse_clip_id (argv[3], &before)))
    return 2;
  if ((library = open_library (OPEN_TO_WRITE)) == NULL)
    return 1;
  if (!tl_library_move_clip (library, id, before, &error))
    {
      fail ("%s: %s", tl_library_get_path (library), error->message);
      return 1;
    }
  return 0;
}

/* clips delete ID… */
static int
delete_clips (int argc, char **argv)
{
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (argc < 3)
    {
      fail ("clips delete: name the clips to delete (ids from “tagline-cli clips”)");
      return 2;
    }
  for (int i = 2; i < argc; i++)
    {
      gint64 id;
      if (!parse_clip_id (argv[i], &id))
        return 2;
      g_array_append_val (ids, id);
    }
  if ((library = open_library (OPEN_TO_WRITE)) == NULL)
    return 1;
  if (!tl_library_delete_clips (library, (const gint64 *) ids->data, ids->len, &error))
    {
      fail ("%s: %s (nothing was deleted)", tl_library_get_path (library), error->message);
      return 1;
    }
  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "deleted");
      json_builder_begin_array (b);
      for (guint i = 0; i < ids->len; i++)
        json_builder_add_int_value (b, g_array_index (ids, gint64, i));
      json_builder_end_array (b);
      json_builder_end_object (b);
      print_json (b);
    }
  return 0;
}

static int
cmd_clips (int argc, char **argv)
{
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(GPtrArray) clips = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  TlClipFilter filter;

  if (!parse_options (&argc, &argv, "[move ID [BEFORE_ID] | delete ID…]",
                      "List clips, move clip ID in front of BEFORE_ID (or after all the others) "
                      "in the order that --order arranged gives, or delete clips (one undo step).",
                      filter_entries))
    return 2;
  if (argc > 1 && strcmp (argv[1], "move") == 0)
    return move_clip (argc, argv);
  if (argc > 1 && strcmp (argv[1], "delete") == 0)
    return delete_clips (argc, argv);
  if (argc > 1)
    {
      fail ("clips: unexpected “%s” (filter with --topic, --source, …, or clips move ID [BEFORE_ID], "
            "clips delete ID…)", argv[1]);
      return 2;
    }
  if (!build_filter (&filter, ids))
    return 2;
  if ((library = open_library (OPEN_TO_READ)) == NULL)
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
              json_builder_add_int_value (b, tl_clip_get_first_segment (clip) + 1);
              json_builder_add_int_value (b, tl_clip_get_last_segment (clip) + 1);
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
        range = tl_clip_get_first_segment (clip) == tl_clip_get_last_segment (clip)
                  ? g_strdup_printf ("paragraph %d", tl_clip_get_first_segment (clip) + 1)
                  : g_strdup_printf ("paragraphs %d–%d", tl_clip_get_first_segment (clip) + 1,
                                     tl_clip_get_last_segment (clip) + 1);
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

static int
cmd_export (int argc, char **argv)
{
  static char *opt_format, *opt_output, *opt_timeline, *opt_fps, *opt_title;
  static gboolean opt_split;
  static const GOptionEntry entries[] = {
    { "format", 'F', 0, G_OPTION_ARG_STRING, &opt_format, "csv, json, edl, fcpxml, xmeml, otio, srt, vtt, md or html", "NAME" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, "The file to write (- for standard output)", "FILE" },
    { "timeline", 0, 0, G_OPTION_ARG_STRING, &opt_timeline,
      "srt, vtt: clips (the clips end to end from zero, default) or source (the sources' own times)", "clips|source" },
    { "fps", 0, 0, G_OPTION_ARG_STRING, &opt_fps,
      "Frame rate for sources without one of their own (default 25)", "RATE" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &opt_title, "Title of the sequence or page", "TEXT" },
    { "split", 0, 0, G_OPTION_ARG_NONE, &opt_split,
      "edl: past 999 clips, write several files (FILE, FILE-2, …) instead of failing", NULL },
    { NULL }
  };
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
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

  if (!parse_options_full (&argc, &argv, NULL, "Export clips as a file an editing tool opens.", filter_entries,
                           entries))
    return 2;
  if (argc > 1)
    {
      fail ("export: unexpected “%s” (filter with --topic, --source, …)", argv[1]);
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
  if (opt_timeline != NULL)
    {
      if (strcmp (opt_timeline, "source") == 0)
        options.timeline = TL_EXPORT_TIMELINE_SOURCE;
      else if (strcmp (opt_timeline, "clips") != 0)
        {
          fail ("export: --timeline takes clips or source, not “%s”", opt_timeline);
          return 2;
        }
    }
  if (opt_fps != NULL && !tl_timecode_parse_rate (opt_fps, &options.fps_num, &options.fps_den))
    {
      fail ("export: --fps takes a frame rate such as 25, 29.97 or 30000/1001, not “%s”", opt_fps);
      return 2;
    }
  options.title = opt_title;
  options.split = opt_split;
  if (!build_filter (&filter, ids))
    return 2;
  if ((library = open_library (OPEN_TO_READ)) == NULL)
    return 1;

  if (strcmp (opt_output, "-") == 0)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      if (!tl_export_to_string (library, &filter, opt_format, &options, out, &stats, &error))
        {
          fail ("%s", error->message);
          return 1;
        }
      fwrite (out->str, 1, out->len, stdout);
      print_export_notes (stderr, "tagline-cli: note: ", &stats, opt_format, &options);
      return 0;
    }
  if (!tl_export_to_file (library, &filter, opt_format, &options, opt_output, &stats, &error))
    {
      if (g_error_matches (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_TOO_MANY)
          && g_ascii_strcasecmp (opt_format, "edl") == 0)
        fail ("%s: %s (--split)", opt_output, error->message);
      else
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
      add_int (b, "assumed_framerate", stats.n_default_rate);
      json_builder_set_member_name (b, "files");
      json_builder_begin_array (b);
      for (guint i = 1; i <= stats.n_files; i++)
        {
          g_autofree char *part = tl_export_part_path (opt_output, i);
          json_builder_add_string_value (b, part);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      print_json (b);
    }
  else
    {
      printf (ngettext ("%u clip written to %s", "%u clips written to %s", stats.n_clips), stats.n_clips, opt_output);
      for (guint i = 2; i <= stats.n_files; i++)
        {
          g_autofree char *part = tl_export_part_path (opt_output, i);
          printf (i == stats.n_files ? " and %s" : ", %s", part);
        }
      printf ("\n");
      print_export_notes (stdout, "", &stats, opt_format, &options);
    }
  return 0;
}

/* A long job (render, align) run to its end on the main loop: progress on
 * a terminal, Ctrl-C cancels it. */
typedef struct {
  GMainLoop *loop;
  GCancellable *cancellable;
  gpointer result;      /* what the job's finish function gave */
  GError *error;
  gboolean show_progress;
} CliJob;

static void
cli_job_init (CliJob *job)
{
  job->loop = g_main_loop_new (NULL, FALSE);
  job->cancellable = g_cancellable_new ();
  job->show_progress = isatty (STDERR_FILENO);
}

static void
cli_job_clear (CliJob *job)
{
  g_clear_pointer (&job->loop, g_main_loop_unref);
  g_clear_object (&job->cancellable);
  g_clear_error (&job->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliJob, cli_job_clear)

static gboolean
on_job_interrupt (gpointer user_data)
{
  g_cancellable_cancel (((CliJob *) user_data)->cancellable);
  return G_SOURCE_CONTINUE;
}

/* Waits for the job's finish callback to quit the loop. */
static void
cli_job_wait (CliJob *job)
{
  guint sigint = g_unix_signal_add (SIGINT, on_job_interrupt, job);

  g_main_loop_run (job->loop);
  g_source_remove (sigint);
  if (job->show_progress)
    fprintf (stderr, "\r\033[K");
}

/* render */

static void
on_render_progress (double fraction, guint clip, guint n_clips, gpointer user_data)
{
  CliJob *job = user_data;

  if (job->show_progress)
    fprintf (stderr, "\r%3.0f %%  clip %u of %u\033[K", fraction * 100, clip + 1, n_clips);
}

static void
on_rendered (GObject *object, GAsyncResult *result, gpointer user_data)
{
  CliJob *job = user_data;

  job->result = tl_render_finish (result, &job->error);
  g_main_loop_quit (job->loop);
}

static const char *
skip_reason_name (TlRenderSkipReason reason)
{
  switch (reason)
    {
    case TL_RENDER_SKIP_QUOTE:
      return "quote";
    case TL_RENDER_SKIP_NO_MEDIA:
      return "no_media";
    case TL_RENDER_SKIP_MEDIA_MISSING:
    default:
      return "media_missing";
    }
}

static void
add_rate (JsonBuilder *b, const char *name, int num, int den)
{
  g_autofree char *rate = g_strdup_printf ("%d/%d", num, den);

  add_string (b, name, rate);
}

static int
list_render_formats (void)
{
  guint n;
  const TlRenderFormat *const *formats = tl_render_formats (&n);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "formats");
      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          json_builder_begin_object (b);
          add_string (b, "name", formats[i]->name);
          add_string (b, "label", formats[i]->label);
          add_string (b, "extension", formats[i]->extension);
          json_builder_set_member_name (b, "available");
          json_builder_add_boolean_value (b, formats[i]->available);
          add_string (b, "video_encoder", formats[i]->video_encoder);
          add_string (b, "audio_encoder", formats[i]->audio_encoder);
          add_string (b, "muxer", formats[i]->muxer);
          add_string (b, "missing", formats[i]->missing);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      print_json (b);
      return 0;
    }
  for (guint i = 0; i < n; i++)
    if (formats[i]->available)
      printf ("%-5s %s: %s, %s, %s\n", formats[i]->name, formats[i]->label, formats[i]->video_encoder,
              formats[i]->audio_encoder, formats[i]->muxer);
    else
      printf ("%-5s %s: not here; %s\n", formats[i]->name, formats[i]->label, formats[i]->missing);
  return 0;
}

static void
print_render_result (const TlRenderResult *result, TlRenderMode mode, const char *output)
{
  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      add_string (b, "format", result->format->name);
      add_string (b, "mode", mode == TL_RENDER_MODE_REEL ? "reel" : "clips");
      json_builder_set_member_name (b, "files");
      json_builder_begin_array (b);
      for (guint i = 0; i < result->files->len; i++)
        json_builder_add_string_value (b, g_ptr_array_index (result->files, i));
      json_builder_end_array (b);
      json_builder_set_member_name (b, "clips");
      json_builder_begin_array (b);
      for (guint i = 0; i < result->clips->len; i++)
        {
          const TlRenderedClip *clip = &g_array_index (result->clips, TlRenderedClip, i);
          json_builder_begin_object (b);
          add_int (b, "id", clip->clip_id);
          add_string (b, "file", clip->path);
          add_time (b, "start", clip->start);
          add_time (b, "duration", clip->duration);
          add_int (b, "in_frame", clip->in_frame);
          add_int (b, "frames", clip->n_frames);
          add_rate (b, "framerate", clip->fps_num, clip->fps_den);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "skipped");
      json_builder_begin_array (b);
      for (guint i = 0; i < result->skipped->len; i++)
        {
          const TlRenderSkip *skip = &g_array_index (result->skipped, TlRenderSkip, i);
          json_builder_begin_object (b);
          add_int (b, "id", skip->clip_id);
          add_string (b, "reason", skip_reason_name (skip->reason));
          add_string (b, "message", skip->message);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      add_time (b, "duration", result->duration);
      json_builder_end_object (b);
      print_json (b);
      return;
    }
  {
    g_autofree char *duration = format_time (result->duration);
    printf (ngettext ("%u clip rendered as %s (%s) to %s:\n", "%u clips rendered as %s (%s) to %s:\n",
                      result->clips->len), result->clips->len, result->format->label, duration, output);
  }
  for (guint i = 0; i < result->files->len; i++)
    printf ("%s\n", (const char *) g_ptr_array_index (result->files, i));
  for (guint i = 0; i < result->skipped->len; i++)
    printf ("left out: %s\n", g_array_index (result->skipped, TlRenderSkip, i).message);
}

static int
cmd_render (int argc, char **argv)
{
  static char *opt_format, *opt_output, *opt_title;
  static gboolean opt_reel, opt_list;
  static const GOptionEntry entries[] = {
    { "format", 'F', 0, G_OPTION_ARG_STRING, &opt_format, "webm (default), mkv or mp4 (--list-formats tells which "
      "this machine encodes)", "NAME" },
    { "reel", 0, 0, G_OPTION_ARG_NONE, &opt_reel, "One file: the clips end to end (a selects reel)", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
      "The folder for one file per clip (made when missing); with --reel, the file (or a folder for it)", "DIR|FILE" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &opt_title, "--reel into a folder: the reel's name (default Selects)", "TEXT" },
    { "list-formats", 0, 0, G_OPTION_ARG_NONE, &opt_list, "List the formats and what each needs", NULL },
    { NULL }
  };
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(TlRenderResult) result = NULL;
  TlRenderOptions options = { 0 };
  TlClipFilter filter;
  g_auto(CliJob) job = { 0 };

  if (!parse_options_full (&argc, &argv, NULL, "Render clips as media files: one per clip, or one selects reel.",
                           filter_entries, entries))
    return 2;
  if (opt_list)
    return list_render_formats ();
  if (argc > 1)
    {
      fail ("render: unexpected “%s” (filter with --topic, --source, …)", argv[1]);
      return 2;
    }
  if (opt_output == NULL)
    {
      fail ("render: name the folder to write to with -o DIR (with --reel, a file or a folder)");
      return 2;
    }
  if (!tl_render_format_find (opt_format ? opt_format : TL_RENDER_DEFAULT_FORMAT, &error))
    {
      fail ("render: %s", error->message);
      return 2;
    }
  if (!build_filter (&filter, ids))
    return 2;
  /* the clips are only read; the files go to --output */
  if ((library = open_library (OPEN_TO_READ)) == NULL)
    return 1;

  options.format = opt_format;
  options.mode = opt_reel ? TL_RENDER_MODE_REEL : TL_RENDER_MODE_CLIPS;
  options.output = opt_output;
  options.title = opt_title;
  /* Ctrl-C stops the render and removes what it wrote */
  cli_job_init (&job);
  tl_render_async (library, &filter, &options, job.cancellable, on_render_progress, &job, NULL, on_rendered, &job);
  cli_job_wait (&job);
  result = g_steal_pointer (&job.result);
  if (result == NULL)
    {
      if (g_error_matches (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail ("render: stopped; the files it had written are removed");
      else
        fail ("%s", job.error->message);
      return 1;
    }
  print_render_result (result, options.mode, opt_output);
  return 0;
}

/* align */

static void
on_align_progress (double fraction, const char *stage, gpointer user_data)
{
  CliJob *job = user_data;

  if (job->show_progress)
    fprintf (stderr, "\r%3.0f %%  %s\033[K", fraction * 100, stage);
}

static void
on_aligned (GObject *object, GAsyncResult *result, gpointer user_data)
{
  CliJob *job = user_data;

  job->result = tl_aligner_align_finish (result, &job->error);
  g_main_loop_quit (job->loop);
}

static void
add_confidence (JsonBuilder *b, double confidence)
{
  json_builder_set_member_name (b, "confidence");
  if (confidence >= 0)
    json_builder_add_double_value (b, confidence);
  else
    json_builder_add_null_value (b);
}

static int
cmd_align (int argc, char **argv)
{
  static gboolean opt_force;
  static const GOptionEntry entries[] = {
    { "force", 0, 0, G_OPTION_ARG_NONE, &opt_force, "Replace times that came with the transcript file", NULL },
    { NULL }
  };
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(TlSource) source = NULL;
  g_autoptr(TlAlignReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CliJob) job = { 0 };
  gint64 id;

  if (!parse_options (&argc, &argv, "ID",
                      "Compute every line's time from the media's sound (forced alignment). "
                      "Lines timed by hand are kept.", entries))
    return 2;
  if (argc != 2)
    {
      fail ("align: name one source id");
      return 2;
    }
  if (!parse_id (argv[1], &id))
    return 2;
  if ((library = open_library (OPEN_TO_WRITE)) == NULL)
    return 1;
  if ((source = tl_library_get_source (library, id, &error)) == NULL)
    {
      fail ("%s: %s", tl_library_get_path (library), error->message);
      return 1;
    }

  /* Ctrl-C stops the alignment and leaves the library as it was */
  cli_job_init (&job);
  tl_aligner_align_async (library, id, opt_force ? TL_ALIGNER_FLAGS_FORCE : TL_ALIGNER_FLAGS_NONE, job.cancellable,
                          on_align_progress, &job, NULL, on_aligned, &job);
  cli_job_wait (&job);
  report = g_steal_pointer (&job.result);
  if (report == NULL)
    {
      if (g_error_matches (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail ("align: stopped; “%s” is unchanged", tl_source_get_title (source));
      else if (g_error_matches (job.error, TL_ALIGN_ERROR, TL_ALIGN_ERROR_ALREADY_TIMED))
        fail ("%s (--force)", job.error->message);
      else
        fail ("%s", job.error->message);
      return 1;
    }

  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      add_int (b, "id", id);
      add_string (b, "title", tl_source_get_title (source));
      add_string (b, "timing", "aligned");
      add_string (b, "voice", report->voice);
      json_builder_set_member_name (b, "summary");
      json_builder_begin_object (b);
      add_int (b, "segments", report->segments->len);
      add_int (b, "aligned", report->n_aligned);
      add_int (b, "anchors", report->n_anchors);
      add_int (b, "non_speech", report->n_silent);
      add_int (b, "unspoken", report->n_unspoken);
      add_int (b, "uncertain", report->n_uncertain);
      json_builder_set_member_name (b, "mean_confidence");
      json_builder_add_double_value (b, report->mean_confidence);
      json_builder_end_object (b);
      json_builder_set_member_name (b, "segments");
      json_builder_begin_array (b);
      for (guint i = 0; i < report->segments->len; i++)
        {
          const TlAlignedSegment *seg = &g_array_index (report->segments, TlAlignedSegment, i);
          json_builder_begin_object (b);
          add_int (b, "index", seg->index);
          add_time (b, "start", seg->start);
          add_time (b, "end", seg->end);
          add_confidence (b, seg->confidence);
          add_string (b, "flag", seg->flag);
          json_builder_set_member_name (b, "anchor");
          json_builder_add_boolean_value (b, seg->anchor);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      print_json (b);
      return 0;
    }

  printf (ngettext ("Aligned %u line of “%s” (mean confidence %.2f)", "Aligned %u lines of “%s” (mean confidence %.2f)",
                    report->n_aligned), report->n_aligned, tl_source_get_title (source),
          report->mean_confidence);
  if (report->n_anchors)
    printf (ngettext (", kept %u timed by hand", ", kept %u timed by hand", report->n_anchors), report->n_anchors);
  printf ("\n");
  if (report->n_unspoken || report->n_uncertain)
    printf ("%u probably not spoken, %u uncertain:\n", report->n_unspoken, report->n_uncertain);
  for (guint i = 0; i < report->segments->len; i++)
    {
      const TlAlignedSegment *seg = &g_array_index (report->segments, TlAlignedSegment, i);
      g_autofree char *start = NULL;
      if (seg->flag == NULL)
        continue;
      start = format_time (seg->start);
      printf ("%4u  %s  %s\n", seg->index, start, seg->flag);
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

/* demo */

static int
cmd_demo (int argc, char **argv)
{
  static char *opt_media_dir, *opt_folder;
  static char **opt_demo_topics;
  static const GOptionEntry entries[] = {
    { "media-dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_media_dir, "Where to make the media (default: beside the library)", "DIR" },
    { "folder", 'f', 0, G_OPTION_ARG_STRING, &opt_folder, "Put the sources in this folder", "NAME" },
    { "topic", 't', 0, G_OPTION_ARG_STRING_ARRAY, &opt_demo_topics, "Start with this topic (keys 1, 2, … in order)", "NAME" },
    { NULL }
  };
  g_autoptr(TlLibrary) library = NULL;
  g_autofree char *media_dir = NULL;
  int status = 0;

  if (!parse_options (&argc, &argv, "TRANSCRIPT…",
                      "Make a demo library: each transcript with stand-in media (a test pattern with the title and "
                      "running time, and the lines read aloud at their times).", entries))
    return 2;
  if (argc < 2)
    {
      fail ("demo: name the transcripts");
      return 2;
    }
  if ((library = open_library (OPEN_TO_WRITE)) == NULL)
    return 1;
  media_dir = opt_media_dir ? g_strdup (opt_media_dir)
                            : g_build_filename (g_path_get_dirname (tl_library_get_path (library)), "media", NULL);
  g_mkdir_with_parents (media_dir, 0755);

  for (guint i = 0; opt_demo_topics && opt_demo_topics[i]; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TlTopic) topic = tl_library_add_topic (library, opt_demo_topics[i], i < 9 ? i + 1 : 0, NULL, &error);
      if (topic == NULL && !g_error_matches (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_EXISTS))
        {
          fail ("%s", error->message);
          return 1;
        }
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
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
          fprintf (stderr, "Making media for %s…\n", argv[i]);
          if (!tl_demo_make_media (argv[i], media, &made, &error))
            {
              fail ("%s: %s", argv[i], error->message);
              status = 1;
              continue;
            }
        }
      report = tl_import_job_run (library, paths, made ? media : NULL, opt_folder, NULL, NULL, NULL, NULL);
      for (guint k = 0; k < report->items->len; k++)
        {
          TlImportItem *item = g_ptr_array_index (report->items, k);
          if (item->error)
            {
              fail ("%s: %s", item->file, item->error);
              status = 1;
            }
          else
            printf ("%" G_GINT64_FORMAT "\t%s\t%s%s\n", item->source_id, item->title,
                    tl_source_kind_to_string (item->kind), made ? ", with stand-in media" : "");
        }
    }
  return status;
}

/* check */

static int
cmd_check (int argc, char **argv)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_options (&argc, &argv, NULL,
                      "Check that the library file is sound (SQLite's integrity check), reading all of it and "
                      "writing nothing. Exits with 1 when it is damaged.", NULL))
    return 2;
  if (argc > 1)
    {
      fail ("check: unexpected “%s” (name the library with --library FILE)", argv[1]);
      return 2;
    }
  path = library_path ();
  if (!tl_library_check_file (path, &problems, &error))
    {
      fail ("%s", error->message);
      return 1;
    }
  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      add_string (b, "file", path);
      json_builder_set_member_name (b, "ok");
      json_builder_add_boolean_value (b, problems->len == 0);
      json_builder_set_member_name (b, "problems");
      json_builder_begin_array (b);
      for (guint i = 0; i < problems->len; i++)
        json_builder_add_string_value (b, g_ptr_array_index (problems, i));
      json_builder_end_array (b);
      json_builder_end_object (b);
      print_json (b);
    }
  else if (problems->len == 0)
    printf ("%s: no problems found\n", path);
  else
    for (guint i = 0; i < problems->len; i++)
      printf ("%s\n", (const char *) g_ptr_array_index (problems, i));
  if (problems->len == 0)
    return 0;
  fail ("%s is damaged: %u problem%s found", path, problems->len, problems->len == 1 ? "" : "s");
  return 1;
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
  { "clips", cmd_clips, "List clips, rearrange or delete them" },
  { "export", cmd_export, "Export clips (csv, json, edl, fcpxml, xmeml, otio, srt, vtt, md, html)" },
  { "render", cmd_render, "Render clips as media files (webm, mkv, mp4), or one selects reel" },
  { "probe", cmd_probe, "Show what a media file holds" },
  { "demo", cmd_demo, "Make a demo library with stand-in media" },
  { "align", cmd_align, "Time a transcript from its media's sound" },
  { "check", cmd_check, "Check that the library file is sound" },
};

static void
usage (FILE *out)
{
  fprintf (out, "Usage: tagline-cli [--library FILE] [--json] COMMAND [OPTION…] [--] [ARGUMENT…]\n\nCommands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-8s %s\n", commands[i].name, commands[i].summary);
  fprintf (out, "\n--library and --json go before or after the command; “--” ends the options.\n"
                "Exit status: 0 done, 1 failed, 2 used wrongly.\n"
                "“tagline-cli COMMAND --help” tells more.\n");
}

int
main (int argc, char **argv)
{
  static gboolean opt_help, opt_version;
  static const GOptionEntry main_entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &opt_help, NULL, NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &opt_version, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  g_set_prgname ("tagline-cli");

  /* the options before the command, as in "tagline-cli --library L.db
   * sources": parsing stops at the first argument that is not one */
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, common_entries, NULL);
  g_option_context_add_main_entries (context, main_entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fail ("%s (see tagline-cli --help)", error->message);
      return 2;
    }
  if (argc >= 2 && strcmp (argv[1], "--") == 0)
    {
      argv[1] = argv[0];
      argc--, argv++;
    }
  if (opt_help || (argc >= 2 && strcmp (argv[1], "help") == 0))
    {
      usage (stdout);
      return 0;
    }
  if (opt_version)
    {
      printf ("tagline-cli %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (argc < 2)
    {
      usage (stderr);
      return 2;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);
  fail ("unknown command “%s” (tagline-cli --help lists them)", argv[1]);
  return 2;
}
