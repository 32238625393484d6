/* tl-cli-align.c: tagline-cli align ID: every line's time from the media's
 * sound (forced alignment). */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tl-aligner.h"
#include "tl-cli.h"

static void
on_align_progress (double fraction, const char *stage, gpointer user_data)
{
  TlCliJob *job = user_data;

  if (job->show_progress)
    fprintf (stderr, "\r%3.0f %%  %s\033[K", fraction * 100, stage);
}

static void
on_aligned (GObject *object, GAsyncResult *result, gpointer user_data)
{
  TlCliJob *job = user_data;

  job->result = tl_aligner_align_finish (result, &job->error);
  g_main_loop_quit (job->loop);
}

static void
add_confidence (TlJsonWriter *b, double confidence)
{
  tl_json_writer_member (b, "confidence");
  if (confidence >= 0)
    tl_json_writer_double (b, confidence);
  else
    tl_json_writer_null (b);
}

gboolean
tl_cli_align (TlCli *cli, int argc, char **argv, GError **error)
{
  static gboolean opt_force;
  static const GOptionEntry entries[] = {
    { "force", 0, 0, G_OPTION_ARG_NONE, &opt_force, N_("Replace times that came with the transcript file"), NULL },
    { NULL }
  };
  TlLibrary *library;
  g_autoptr(TlSource) source = NULL;
  g_autoptr(TlAlignReport) report = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(TlCliJob) job = { 0 };
  gint64 id;

  if (!tl_cli_parse_options (cli, &argc, &argv, "ID",
                             N_("Compute every line's time from the media's sound (forced alignment). "
                             "Lines timed by hand are kept."), entries, NULL, error))
    return FALSE;
  if (argc != 2)
    return tl_cli_usage_error (error, _("align: name one source id"));
  if (!tl_cli_parse_source_id (argv[1], &id, error))
    return FALSE;
  if ((library = tl_cli_open_library (cli, TL_CLI_OPEN_TO_WRITE, error)) == NULL)
    return FALSE;
  if ((source = tl_library_get_source (library, id, &local_error)) == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", tl_library_get_path (library));
      return FALSE;
    }

  /* Ctrl-C stops the alignment and leaves the library as it was */
  tl_cli_job_init (&job);
  tl_aligner_align_async (library, id, opt_force ? TL_ALIGNER_FLAGS_FORCE : TL_ALIGNER_FLAGS_NONE, job.cancellable,
                          on_align_progress, &job, NULL, on_aligned, &job);
  tl_cli_job_wait (&job);
  report = g_steal_pointer (&job.result);
  if (report == NULL)
    {
      if (g_error_matches (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return tl_cli_failed (error, _("align: stopped; “%s” is unchanged"), tl_source_get_title (source));
      if (g_error_matches (job.error, TL_ALIGN_ERROR, TL_ALIGN_ERROR_ALREADY_TIMED))
        return tl_cli_failed (error, _("%s (--force)"), job.error->message);
      g_propagate_error (error, g_steal_pointer (&job.error));
      return FALSE;
    }

  if (cli->json)
    {
      TlJsonWriter *b = tl_cli_json (cli);
      tl_json_writer_begin_object (b);
      tl_json_writer_member_int (b, "id", id);
      tl_json_writer_member_string (b, "title", tl_source_get_title (source));
      tl_json_writer_member_string (b, "timing", "aligned");
      tl_json_writer_member_string (b, "voice", report->voice);
      tl_json_writer_member (b, "summary");
      tl_json_writer_begin_object (b);
      tl_json_writer_member_int (b, "segments", report->segments->len);
      tl_json_writer_member_int (b, "aligned", report->n_aligned);
      tl_json_writer_member_int (b, "anchors", report->n_anchors);
      tl_json_writer_member_int (b, "non_speech", report->n_silent);
      tl_json_writer_member_int (b, "unspoken", report->n_unspoken);
      tl_json_writer_member_int (b, "uncertain", report->n_uncertain);
      tl_json_writer_member (b, "mean_confidence");
      tl_json_writer_double (b, report->mean_confidence);
      tl_json_writer_end_object (b);
      tl_json_writer_member (b, "segments");
      tl_json_writer_begin_array (b);
      for (guint i = 0; i < report->segments->len; i++)
        {
          const TlAlignedSegment *seg = &g_array_index (report->segments, TlAlignedSegment, i);
          tl_json_writer_begin_object (b);
          tl_json_writer_member_int (b, "index", seg->index);
          tl_json_writer_member_seconds (b, "start", seg->start);
          tl_json_writer_member_seconds (b, "end", seg->end);
          add_confidence (b, seg->confidence);
          tl_json_writer_member_string (b, "flag", seg->flag);
          tl_json_writer_member (b, "anchor");
          tl_json_writer_boolean (b, seg->anchor);
          /* as "show" gives them: the aligner has no confidence per word */
          tl_json_writer_member (b, "words");
          tl_json_writer_begin_array (b);
          for (guint w = 0; w < seg->words->len; w++)
            {
              const TlAlignedWord *word = &g_array_index (seg->words, TlAlignedWord, w);
              tl_json_writer_begin_object (b);
              tl_json_writer_member_string (b, "text", word->text);
              tl_json_writer_member_seconds (b, "start", word->start);
              tl_json_writer_member_seconds (b, "end", word->end);
              add_confidence (b, -1);
              tl_json_writer_end_object (b);
            }
          tl_json_writer_end_array (b);
          tl_json_writer_end_object (b);
        }
      tl_json_writer_end_array (b);
      tl_json_writer_end_object (b);
      tl_cli_print_json (cli);
      return TRUE;
    }

  printf (ngettext ("Aligned %u line of “%s” (mean confidence %.2f)", "Aligned %u lines of “%s” (mean confidence %.2f)",
                    report->n_aligned), report->n_aligned, tl_source_get_title (source),
          report->mean_confidence);
  if (report->n_anchors)
    printf (ngettext (", kept %u timed by hand", ", kept %u timed by hand", report->n_anchors), report->n_anchors);
  printf ("\n");
  if (report->n_unspoken || report->n_uncertain)
    printf (_("%u probably not spoken, %u uncertain:\n"), report->n_unspoken, report->n_uncertain);
  for (guint i = 0; i < report->segments->len; i++)
    {
      const TlAlignedSegment *seg = &g_array_index (report->segments, TlAlignedSegment, i);
      g_autofree char *start = NULL;
      if (seg->flag == NULL)
        continue;
      start = tl_cli_format_time (seg->start);
      printf ("%4u  %s  %s\n", seg->index, start, seg->flag);
    }
  return TRUE;
}
