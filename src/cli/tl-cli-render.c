/* tl-cli-render.c: tagline-cli render: the clips a filter picks as media
 * files, one per clip or one selects reel. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tl-cli.h"
#include "tl-render.h"

static void
on_render_progress (double fraction, guint clip, guint n_clips, gpointer user_data)
{
  TlCliJob *job = user_data;

  if (job->show_progress)
    {
      fprintf (stderr, "\r%3.0f %%  ", fraction * 100);
      fprintf (stderr, _("clip %u of %u"), clip + 1, n_clips);
      fprintf (stderr, "\033[K");
    }
}

static void
on_rendered (GObject *object, GAsyncResult *result, gpointer user_data)
{
  TlCliJob *job = user_data;

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
add_rate (TlJsonWriter *b, const char *name, int num, int den)
{
  g_autofree char *rate = g_strdup_printf ("%d/%d", num, den);

  tl_json_writer_member_string (b, name, rate);
}

static gboolean
list_render_formats (TlCli *cli)
{
  guint n;
  const TlRenderFormat *const *formats = tl_render_formats (&n);

  if (cli->json)
    {
      TlJsonWriter *b = tl_cli_json (cli);
      tl_json_writer_begin_object (b);
      tl_json_writer_member (b, "formats");
      tl_json_writer_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          tl_json_writer_begin_object (b);
          tl_json_writer_member_string (b, "name", formats[i]->name);
          tl_json_writer_member_string (b, "label", formats[i]->label);
          tl_json_writer_member_string (b, "extension", formats[i]->extension);
          tl_json_writer_member (b, "available");
          tl_json_writer_boolean (b, formats[i]->available);
          tl_json_writer_member_string (b, "video_encoder", formats[i]->video_encoder);
          tl_json_writer_member_string (b, "audio_encoder", formats[i]->audio_encoder);
          tl_json_writer_member_string (b, "muxer", formats[i]->muxer);
          tl_json_writer_member_string (b, "missing", formats[i]->missing);
          tl_json_writer_end_object (b);
        }
      tl_json_writer_end_array (b);
      tl_json_writer_end_object (b);
      tl_cli_print_json (cli);
      return TRUE;
    }
  for (guint i = 0; i < n; i++)
    if (formats[i]->available)
      printf ("%-5s %s: %s, %s, %s\n", formats[i]->name, formats[i]->label, formats[i]->video_encoder,
              formats[i]->audio_encoder, formats[i]->muxer);
    else
      printf (_("%-5s %s: not here; %s\n"), formats[i]->name, formats[i]->label, formats[i]->missing);
  return TRUE;
}

static void
print_render_result (TlCli *cli, const TlRenderResult *result, TlRenderMode mode, const char *output)
{
  if (cli->json)
    {
      TlJsonWriter *b = tl_cli_json (cli);
      tl_json_writer_begin_object (b);
      tl_json_writer_member_string (b, "format", result->format->name);
      tl_json_writer_member_string (b, "mode", mode == TL_RENDER_MODE_REEL ? "reel" : "clips");
      tl_json_writer_member (b, "files");
      tl_json_writer_begin_array (b);
      for (guint i = 0; i < result->files->len; i++)
        tl_json_writer_string (b, g_ptr_array_index (result->files, i));
      tl_json_writer_end_array (b);
      tl_json_writer_member (b, "clips");
      tl_json_writer_begin_array (b);
      for (guint i = 0; i < result->clips->len; i++)
        {
          const TlRenderedClip *clip = &g_array_index (result->clips, TlRenderedClip, i);
          tl_json_writer_begin_object (b);
          tl_json_writer_member_int (b, "id", clip->clip_id);
          tl_json_writer_member_string (b, "file", clip->path);
          tl_json_writer_member_seconds (b, "start", clip->start);
          tl_json_writer_member_seconds (b, "duration", clip->duration);
          tl_json_writer_member_int (b, "in_frame", clip->in_frame);
          tl_json_writer_member_int (b, "frames", clip->n_frames);
          add_rate (b, "framerate", clip->fps_num, clip->fps_den);
          tl_json_writer_end_object (b);
        }
      tl_json_writer_end_array (b);
      tl_json_writer_member (b, "skipped");
      tl_json_writer_begin_array (b);
      for (guint i = 0; i < result->skipped->len; i++)
        {
          const TlRenderSkip *skip = &g_array_index (result->skipped, TlRenderSkip, i);
          tl_json_writer_begin_object (b);
          tl_json_writer_member_int (b, "id", skip->clip_id);
          tl_json_writer_member_string (b, "reason", skip_reason_name (skip->reason));
          tl_json_writer_member_string (b, "message", skip->message);
          tl_json_writer_end_object (b);
        }
      tl_json_writer_end_array (b);
      tl_json_writer_member_seconds (b, "duration", result->duration);
      tl_json_writer_end_object (b);
      tl_cli_print_json (cli);
      return;
    }
  {
    g_autofree char *duration = tl_cli_format_time (result->duration);
    printf (ngettext ("%u clip rendered as %s (%s) to %s:\n", "%u clips rendered as %s (%s) to %s:\n",
                      result->clips->len), result->clips->len, result->format->label, duration, output);
  }
  for (guint i = 0; i < result->files->len; i++)
    printf ("%s\n", (const char *) g_ptr_array_index (result->files, i));
  for (guint i = 0; i < result->skipped->len; i++)
    printf (_("left out: %s\n"), g_array_index (result->skipped, TlRenderSkip, i).message);
}

gboolean
tl_cli_render (TlCli *cli, int argc, char **argv, GError **error)
{
  static char *opt_format, *opt_output, *opt_title;
  static gboolean opt_reel, opt_list;
  static const GOptionEntry entries[] = {
    { "format", 'F', 0, G_OPTION_ARG_STRING, &opt_format, N_("webm (default), mkv or mp4 (--list-formats tells which "
      "this machine encodes)"), "NAME" },
    { "reel", 0, 0, G_OPTION_ARG_NONE, &opt_reel, N_("One file: the clips end to end (a selects reel)"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
      N_("The folder for one file per clip (made when missing); with --reel, the file (or a folder for it)"), "DIR|FILE" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &opt_title, N_("--reel into a folder: the reel's name (default Selects)"), "TEXT" },
    { "list-formats", 0, 0, G_OPTION_ARG_NONE, &opt_list, N_("List the formats and what each needs"), NULL },
    { NULL }
  };
  TlLibrary *library;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(TlRenderResult) result = NULL;
  TlRenderOptions options = { 0 };
  TlClipFilter filter;
  g_auto(TlCliJob) job = { 0 };

  if (!tl_cli_parse_options (cli, &argc, &argv, NULL, N_("Render clips as media files: one per clip, or one selects reel."),
                             tl_cli_filter_entries, entries, error))
    return FALSE;
  if (opt_list)
    return list_render_formats (cli);
  if (argc > 1)
    return tl_cli_usage_error (error, _("render: unexpected “%s” (filter with --topic, --source, …)"), argv[1]);
  if (opt_output == NULL)
    return tl_cli_usage_error (error, _("render: name the folder to write to with -o DIR (with --reel, a file or a "
                               "folder)"));
  if (!tl_render_format_find (opt_format ? opt_format : TL_RENDER_DEFAULT_FORMAT, &local_error))
    return tl_cli_usage_error (error, _("render: %s"), local_error->message);
  if (!tl_cli_build_filter (&filter, ids, error))
    return FALSE;
  /* the clips are only read; the files go to --output */
  if ((library = tl_cli_open_library (cli, TL_CLI_OPEN_TO_READ, error)) == NULL)
    return FALSE;

  options.format = opt_format;
  options.mode = opt_reel ? TL_RENDER_MODE_REEL : TL_RENDER_MODE_CLIPS;
  options.output = opt_output;
  options.title = opt_title;
  /* Ctrl-C stops the render and removes what it wrote */
  tl_cli_job_init (&job);
  tl_render_async (library, &filter, &options, job.cancellable, on_render_progress, &job, NULL, on_rendered, &job);
  tl_cli_job_wait (&job);
  result = g_steal_pointer (&job.result);
  if (result == NULL)
    {
      if (g_error_matches (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return tl_cli_failed (error, _("render: stopped; the files it had written are removed"));
      g_propagate_error (error, g_steal_pointer (&job.error));
      return FALSE;
    }
  print_render_result (cli, result, options.mode, opt_output);
  return TRUE;
}
