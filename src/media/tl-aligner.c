/* tl-aligner.c: decode the sound (streamed into MFCCs), read the
 * transcript aloud with espeak-ng (streamed into MFCCs too), align the
 * two, and store every line's times in one transaction. The work runs in
 * a GTask thread on its own connection to the library file. */
#include "tl-aligner.h"
#include <glib/gi18n-lib.h>

#include <math.h>

#include "tl-align.h"
#include "tl-audio-decode.h"
#include "tl-mfcc.h"
#include "tl-probe.h"
#include "tl-progress-relay.h"
#include "tl-synth.h"
#include "tl-text-words.h"

#define SAMPLE_RATE 16000
/* silence around each line of the reading: it lets DTW pair the
 * recording's pauses with something, which matters */
#define PAD_MSEC 500

G_DEFINE_QUARK (tl-align-error-quark, tl_align_error)

static void
clear_word (gpointer data)
{
  g_free (((TlAlignedWord *) data)->text);
}

static void
clear_segment (gpointer data)
{
  g_clear_pointer (&((TlAlignedSegment *) data)->words, g_array_unref);
}

void
tl_align_report_free (TlAlignReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->segments, g_array_unref);
  g_free (report->voice);
  g_free (report);
}

typedef struct {
  TlAlignerProgressFunc func;
  gpointer data;
  const char *stage;
  double base;
  double span;
  double last;
} Progress;

static void
progress_stage (Progress *p, const char *stage, double base, double span)
{
  p->stage = stage;
  p->base = base;
  p->span = span;
  p->last = -1;
}

/* Reports at most once per percent. */
static void
progress_update (Progress *p, double within_stage)
{
  double fraction = p->base + p->span * CLAMP (within_stage, 0.0, 1.0);

  if (p->func == NULL || (p->last >= 0 && fraction - p->last < 0.01))
    return;
  p->last = fraction;
  p->func (fraction, p->stage, p->data);
}

typedef struct {
  TlMfcc *mfcc;
  Progress *progress;
  GCancellable *cancellable;
  guint64 expected;
} Feed;

static gboolean
on_decoded (const float *samples, gsize n_samples, gpointer user_data)
{
  Feed *feed = user_data;

  tl_mfcc_push (feed->mfcc, samples, n_samples);
  if (feed->expected > 0)
    progress_update (feed->progress, (double) tl_mfcc_get_n_samples (feed->mfcc) / feed->expected);
  return TRUE;
}

static gboolean
on_spoken (const gint16 *samples, gsize n_samples, gpointer user_data)
{
  Feed *feed = user_data;

  tl_mfcc_push_s16 (feed->mfcc, samples, n_samples);
  return !g_cancellable_is_cancelled (feed->cancellable);
}

static void
on_align_progress (double fraction, gpointer user_data)
{
  progress_update (user_data, fraction);
}

static gboolean
check_source (TlSource *source, GPtrArray *segments, TlAlignerFlags flags, GError **error)
{
  const TlMediaInfo *media = tl_source_get_media (source);

  if (media == NULL || media->path == NULL)
    {
      g_set_error (error, TL_ALIGN_ERROR, TL_ALIGN_ERROR_NO_MEDIA,
                   _("“%s” has no media file to align its transcript to: import it with its media"),
                   tl_source_get_title (source));
      return FALSE;
    }
  if (!media->has_audio)
    {
      g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NO_AUDIO,
                   _("%s has no sound track, so “%s” cannot be aligned to it"),
                   media->path, tl_source_get_title (source));
      return FALSE;
    }
  if (tl_source_get_timing (source) == TL_TIMING_NATIVE && !(flags & TL_ALIGNER_FLAGS_FORCE))
    {
      g_set_error (error, TL_ALIGN_ERROR, TL_ALIGN_ERROR_ALREADY_TIMED,
                   _("“%s” already has the times its transcript file came with; "
                   "force the alignment to replace them"), tl_source_get_title (source));
      return FALSE;
    }
  if (segments->len == 0)
    {
      g_set_error (error, TL_ALIGN_ERROR, TL_ALIGN_ERROR_NO_TEXT,
                   _("“%s” has no transcript lines to align"), tl_source_get_title (source));
      return FALSE;
    }
  return TRUE;
}

static TlFeatures *
decode_recording (TlSource *source, Progress *progress, GCancellable *cancellable, GError **error)
{
  const TlMediaInfo *media = tl_source_get_media (source);
  g_autoptr(TlMfcc) mfcc = tl_mfcc_new (SAMPLE_RATE);
  g_autoptr(GError) local_error = NULL;
  Feed feed = { mfcc, progress, cancellable, 0 };

  if (media->duration > 0)
    feed.expected = (guint64) (media->duration * SAMPLE_RATE / G_USEC_PER_SEC);
  if (!tl_audio_decode (media->path, SAMPLE_RATE, on_decoded, &feed, cancellable, &local_error))
    {
      if (g_error_matches (local_error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NO_AUDIO))
        g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NO_AUDIO,
                     _("%s has no sound track, so “%s” cannot be aligned to it"),
                     media->path, tl_source_get_title (source));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (tl_mfcc_get_n_frames (mfcc) == 0 && tl_mfcc_get_n_samples (mfcc) == 0)
    {
      g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NO_AUDIO,
                   _("%s has a sound track without any sound in it"), media->path);
      return NULL;
    }
  return tl_mfcc_finish (mfcc);
}

/* Reads every line aloud into one reference, with silence around each,
 * and notes where each of its words starts and where its reading ends.
 * @words holds each line's words (GArray of TlTextWord). */
static TlFeatures *
read_aloud (TlSource *source, GPtrArray *segments, GPtrArray *words, TlAlignLine *lines, char **voice,
            Progress *progress, GCancellable *cancellable, GError **error)
{
  g_autoptr(TlSynth) synth = NULL;
  g_autoptr(TlMfcc) mfcc = NULL;
  Feed feed = { NULL, progress, cancellable, 0 };
  guint rate, pad, n_read = 0;

  if ((synth = tl_synth_new (tl_source_get_language (source), 0, error)) == NULL)
    return NULL;
  rate = tl_synth_get_sample_rate (synth);
  pad = rate * PAD_MSEC / 1000;
  feed.mfcc = mfcc = tl_mfcc_new (rate);
  *voice = g_strdup (tl_synth_get_voice (synth));

  for (guint k = 0; k < segments->len; k++)
    {
      TlSegment *seg = g_ptr_array_index (segments, k);
      const char *text = tl_segment_get_text (seg);
      GArray *line_words = g_ptr_array_index (words, k);
      g_autofree char *clean = tl_segment_get_non_speech (seg) ? NULL : tl_synth_clean_text (text);
      g_autofree guint64 *starts = g_new (guint64, MAX (line_words->len, 1));
      guint64 before, first_word = G_MAXUINT64;

      lines[k].ref_start = lines[k].ref_end = TL_TIME_NONE;
      progress_update (progress, (double) k / segments->len);
      if (clean == NULL)
        continue;
      tl_mfcc_push_silence (mfcc, pad);
      before = tl_mfcc_get_n_samples (mfcc);
      if (!tl_synth_speak_words (synth, text, line_words, on_spoken, &feed, starts, error))
        return NULL;
      if (tl_mfcc_get_n_samples (mfcc) == before)
        continue;
      for (guint i = 0; i < line_words->len; i++)
        if (starts[i] != G_MAXUINT64)
          {
            lines[k].words[i].ref_start = (gint64) ((before + starts[i]) * G_USEC_PER_SEC / rate);
            first_word = MIN (first_word, starts[i]);
          }
      if (first_word == G_MAXUINT64)
        first_word = 0;
      lines[k].ref_start = (gint64) ((before + first_word) * G_USEC_PER_SEC / rate);
      lines[k].ref_end = (gint64) (tl_mfcc_get_n_samples (mfcc) * G_USEC_PER_SEC / rate);
      n_read++;
    }
  if (n_read == 0)
    {
      g_set_error (error, TL_ALIGN_ERROR, TL_ALIGN_ERROR_NO_TEXT,
                   _("Nothing in the transcript of “%s” can be read aloud to align it"),
                   tl_source_get_title (source));
      return NULL;
    }
  tl_mfcc_push_silence (mfcc, pad);
  return tl_mfcc_finish (mfcc);
}

static double
seconds_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1e6;
}

/**
 * tl_aligner_align:
 * @library: the library, used on this thread only (a thread takes a
 *   handle of its own with tl_library_dup())
 * @progress: (nullable): called on this thread
 *
 * The synchronous alignment: tl_aligner_align_async() runs it in a thread.
 * When it fails or is cancelled, the library is left as it was.
 *
 * Returns: (transfer full): what was stored, or %NULL with @error set
 */
TlAlignReport *
tl_aligner_align (TlLibrary *library, gint64 source_id, TlAlignerFlags flags,
                  GCancellable *cancellable, TlAlignerProgressFunc progress_func, gpointer progress_data,
                  GError **error)
{
  g_autoptr(TlSource) source = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(TlFeatures) recording = NULL;
  g_autoptr(TlFeatures) reference = NULL;
  g_autofree TlAlignLine *lines = NULL;
  g_autofree TlAlignWord *all_words = NULL;
  g_autoptr(GPtrArray) words = NULL;
  guint n_words = 0;
  g_autofree TlSegmentTiming *times = NULL;
  g_autoptr(GPtrArray) stored_words = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autofree char *voice = NULL;
  g_autoptr(TlAlignReport) report = NULL;
  Progress progress = { progress_func, progress_data, NULL, 0, 0, -1 };
  double sum_confidence = 0;
  guint n_confident = 0;
  gint64 t0;

  g_return_val_if_fail (TL_IS_LIBRARY (library), NULL);

  if ((source = tl_library_get_source (library, source_id, error)) == NULL
      || (segments = tl_library_get_segments (library, source_id, error)) == NULL)
    return NULL;
  if (!check_source (source, segments, flags, error))
    return NULL;

  report = g_new0 (TlAlignReport, 1);
  report->source_id = source_id;

  t0 = g_get_monotonic_time ();
  progress_stage (&progress, _("Reading the sound"), 0.0, 0.6);
  if ((recording = decode_recording (source, &progress, cancellable, error)) == NULL)
    return NULL;
  report->decode_seconds = seconds_since (t0);

  t0 = g_get_monotonic_time ();
  progress_stage (&progress, _("Reading the transcript aloud"), 0.6, 0.15);
  lines = g_new0 (TlAlignLine, segments->len);
  words = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint k = 0; k < segments->len; k++)
    {
      GArray *line_words = tl_text_split_words (tl_segment_get_text (g_ptr_array_index (segments, k)));
      g_ptr_array_add (words, line_words);
      n_words += line_words->len;
    }
  all_words = g_new0 (TlAlignWord, MAX (n_words, 1));
  n_words = 0;
  for (guint k = 0; k < segments->len; k++)
    {
      lines[k].words = all_words + n_words;
      lines[k].n_words = ((GArray *) g_ptr_array_index (words, k))->len;
      for (guint i = 0; i < lines[k].n_words; i++)
        lines[k].words[i].ref_start = TL_TIME_NONE;
      n_words += lines[k].n_words;
    }
  if ((reference = read_aloud (source, segments, words, lines, &voice, &progress, cancellable, error)) == NULL)
    return NULL;
  report->synth_seconds = seconds_since (t0);

  t0 = g_get_monotonic_time ();
  progress_stage (&progress, _("Matching the transcript to the sound"), 0.75, 0.23);
  for (guint k = 0; k < segments->len; k++)
    {
      TlSegment *seg = g_ptr_array_index (segments, k);
      lines[k].anchor = tl_segment_get_anchor (seg) && tl_segment_get_start (seg) >= 0;
      lines[k].start = lines[k].anchor ? tl_segment_get_start (seg) : TL_TIME_NONE;
      lines[k].end = lines[k].anchor ? tl_segment_get_end (seg) : TL_TIME_NONE;
    }
  if (!tl_align_lines (recording, reference, lines, segments->len, cancellable,
                       on_align_progress, &progress, error))
    return NULL;
  g_clear_pointer (&recording, tl_features_free);
  g_clear_pointer (&reference, tl_features_free);
  report->align_seconds = seconds_since (t0);

  /* the last moment a cancel still leaves the library as it was */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  progress_stage (&progress, _("Saving the times"), 0.98, 0.02);
  progress_update (&progress, 0);

  times = g_new0 (TlSegmentTiming, segments->len);
  report->segments = g_array_sized_new (FALSE, FALSE, sizeof (TlAlignedSegment), segments->len);
  g_array_set_clear_func (report->segments, clear_segment);
  for (guint k = 0; k < segments->len; k++)
    {
      const TlAlignLine *line = &lines[k];
      /* three decimals say all there is to say */
      double confidence = line->confidence >= 0 ? round (line->confidence * 1000) / 1000 : -1;
      TlAlignedSegment out = { k, line->start, line->end, confidence,
                               tl_align_flag_to_string (line->flag), line->anchor, NULL };
      TlSegment *seg = g_ptr_array_index (segments, k);
      GArray *line_words = g_ptr_array_index (words, k);

      out.words = g_array_sized_new (FALSE, FALSE, sizeof (TlAlignedWord), line->n_words);
      g_array_set_clear_func (out.words, clear_word);
      for (guint i = 0; i < line->n_words; i++)
        {
          const TlTextWord *tw = &g_array_index (line_words, TlTextWord, i);
          TlAlignedWord word = { g_strndup (tl_segment_get_text (seg) + tw->offset, tw->length),
                                 line->words[i].start, line->words[i].end };
          g_array_append_val (out.words, word);
        }
      times[k] = (TlSegmentTiming) { line->start, line->end, confidence, out.flag, line->anchor };
      /* the words of a line that was read, stored as aligned; a line with
       * nothing to read ([Music]) keeps what its words had */
      if (line->ref_start >= 0 && line->n_words > 0)
        {
          GArray *stored = tl_words_new (line->n_words);

          for (guint i = 0; i < out.words->len; i++)
            {
              const TlAlignedWord *aligned = &g_array_index (out.words, TlAlignedWord, i);
              TlWord word = { g_strdup (aligned->text), aligned->start, aligned->end, -1, FALSE };
              g_array_append_val (stored, word);
            }
          g_ptr_array_add (stored_words, stored);
          times[k].words = (const TlWord *) stored->data;
          times[k].n_words = stored->len;
          times[k].word_timing = TL_WORD_TIMING_ALIGNED;
        }
      g_array_append_val (report->segments, out);
      if (line->anchor)
        report->n_anchors++;
      else if (line->ref_start < 0)
        report->n_silent++;
      else
        report->n_aligned++;
      report->n_unspoken += line->flag == TL_ALIGN_FLAG_UNSPOKEN;
      report->n_uncertain += line->flag == TL_ALIGN_FLAG_UNCERTAIN;
      if (confidence >= 0 && !line->anchor)
        {
          sum_confidence += confidence;
          n_confident++;
        }
    }
  report->mean_confidence = n_confident ? sum_confidence / n_confident : 0;
  report->voice = g_steal_pointer (&voice);

  if (!tl_library_set_segment_times (library, source_id, TL_TIMING_ALIGNED, times, segments->len, error))
    return NULL;
  progress_update (&progress, 1);
  return g_steal_pointer (&report);
}

/* Progress crosses from the worker thread to the caller's main context. */
typedef struct {
  double fraction;
  const char *stage; /* static */
} ProgressReport;

static void
deliver_progress (GCallback func, gconstpointer report, gpointer func_data)
{
  const ProgressReport *r = report;

  ((TlAlignerProgressFunc) func) (r->fraction, r->stage, func_data);
}

static void
post_progress (double fraction, const char *stage, gpointer user_data)
{
  ProgressReport report = { fraction, stage };

  tl_progress_relay_post (user_data, &report);
}

typedef struct {
  TlLibrary *library; /* the thread's own handle (tl_library_dup()) */
  gint64 source_id;
  TlAlignerFlags flags;
  TlProgressRelay *progress;
} AlignJob;

static void
align_job_free (AlignJob *job)
{
  g_clear_object (&job->library);
  g_clear_pointer (&job->progress, tl_progress_relay_unref);
  g_free (job);
}

static void
align_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  AlignJob *job = task_data;
  GError *error = NULL;
  TlAlignReport *report = tl_aligner_align (job->library, job->source_id, job->flags, cancellable,
                                            job->progress ? post_progress : NULL, job->progress, &error);

  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) tl_align_report_free);
}

/**
 * tl_aligner_align_async:
 * @library: the library: the thread aligns through a second handle on it
 *   (tl_library_dup()), as a #TlLibrary serves one thread
 * @progress: (nullable): called in the thread-default main context of
 *   the caller, with a fraction from 0 to 1 and what is being done
 * @progress_data_destroy: (nullable): called once, in the same main
 *   context as @progress, when no more progress comes
 *
 * Aligns the transcript of @source_id to its media's sound in a thread
 * and stores the times (timing "aligned"). Lines timed by hand keep their
 * times. Cancelling leaves the library unchanged.
 */
void
tl_aligner_align_async (TlLibrary *library, gint64 source_id, TlAlignerFlags flags,
                        GCancellable *cancellable,
                        TlAlignerProgressFunc progress, gpointer progress_data,
                        GDestroyNotify progress_data_destroy,
                        GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  AlignJob *job;

  g_return_if_fail (TL_IS_LIBRARY (library));

  task = g_task_new (library, cancellable, callback, user_data);
  g_task_set_source_tag (task, tl_aligner_align_async);
  g_task_set_name (task, "tl_aligner_align_async");
  job = g_new0 (AlignJob, 1);
  job->library = tl_library_dup (library, &error);
  if (job->library == NULL)
    {
      g_free (job);
      if (progress_data_destroy)
        progress_data_destroy (progress_data);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job->source_id = source_id;
  job->flags = flags;
  job->progress = tl_progress_relay_new (G_CALLBACK (progress), progress_data, progress_data_destroy,
                                         deliver_progress, sizeof (ProgressReport), NULL);

  g_task_set_task_data (task, job, (GDestroyNotify) align_job_free);
  g_task_run_in_thread (task, align_thread);
}

/**
 * tl_aligner_align_finish:
 *
 * Returns: (transfer full): what was stored, or %NULL with @error set
 */
TlAlignReport *
tl_aligner_align_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tl_aligner_align_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
