/* test-aligner.c: forced alignment end to end on recordings made here
 * with espeak-ng (pauses, pink noise at 20 dB SNR): the benchmark's
 * one-minute variant with looser bounds, anchors kept, cancel leaving the
 * library as it was, and the errors a person can act on. */
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "tl-aligner.h"
#include "tl-audio-decode.h"
#include <sqlite3.h>
#include "tl-library-private.h"
#include "tl-probe.h"
#include "tl-test-media.h"
#include "tl-test-speech.h"
#include "tl-test-util.h"

typedef struct {
  char *dir;
  char *db;
  TlLibrary *library;
} Fixture;

static TlTestSpeech *one_minute; /* made once, shared by the tests */
static char *shared_dir;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = tl_test_tmpdir_new ();
  f->db = g_build_filename (f->dir, "library.db", NULL);
  f->library = tl_library_open (f->db, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->library);
  g_free (f->db);
  tl_test_tmpdir_free (f->dir);
}

static TlTestSpeech *
get_one_minute (void)
{
  if (one_minute == NULL)
    {
      g_autofree char *data = g_test_build_filename (G_TEST_DIST, "data", NULL);
      g_autoptr(GPtrArray) pool = tl_test_sentence_pool (data);
      g_autofree char *wav = g_build_filename (shared_dir, "one-minute.wav", NULL);
      TlTestSentence sentences[8];
      TlTestSpeechSpec spec;

      g_assert_cmpuint (pool->len, >=, 8);
      for (guint i = 0; i < 8; i++)
        sentences[i] = (TlTestSentence) { g_ptr_array_index (pool, i), TRUE, TRUE };
      tl_test_speech_spec_init (&spec);
      spec.seed = 3;
      one_minute = tl_test_speech_make (wav, sentences, G_N_ELEMENTS (sentences), &spec);
    }
  return one_minute;
}

typedef struct {
  GMainLoop *loop;
  TlAlignReport *report;
  GError *error;
  GArray *fractions;
  GThread *main_thread;
  gboolean wrong_thread;
} Run;

static void
on_progress (double fraction, const char *stage, gpointer user_data)
{
  Run *run = user_data;

  run->wrong_thread |= g_thread_self () != run->main_thread;
  g_assert_nonnull (stage);
  g_array_append_val (run->fractions, fraction);
}

static void
on_done (GObject *object, GAsyncResult *result, gpointer user_data)
{
  Run *run = user_data;

  run->report = tl_aligner_align_finish (result, &run->error);
  g_main_loop_quit (run->loop);
}

static TlAlignReport *
align_async (TlLibrary *library, gint64 id, TlAlignerFlags flags, GCancellable *cancellable,
             GArray *fractions, GError **error)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Run run = { loop, NULL, NULL, fractions, g_thread_self (), FALSE };

  tl_aligner_align_async (library, id, flags, cancellable, on_progress, &run, NULL, on_done, &run);
  g_main_loop_run (loop);
  /* progress is delivered before the result, in the caller's context */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (run.wrong_thread);
  if (run.error)
    g_propagate_error (error, run.error);
  return run.report;
}

static double
percentile (GArray *sorted, double p)
{
  guint i = (guint) ceil (p * sorted->len) - 1;
  return g_array_index (sorted, double, MIN (i, sorted->len - 1));
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Start errors in ms of every said line, sorted. */
static GArray *
start_errors (TlLibrary *library, gint64 id, const TlTestSpeech *speech, guint skip)
{
  g_autoptr(GPtrArray) segments = tl_library_get_segments (library, id, NULL);
  GArray *errors = g_array_new (FALSE, FALSE, sizeof (double));

  g_assert_cmpuint (segments->len, ==, speech->truth->len);
  for (guint k = 0; k < segments->len; k++)
    {
      gint64 truth = g_array_index (speech->truth, gint64, k);
      double err;
      if (truth < 0 || k == skip)
        continue;
      err = fabs ((double) (tl_segment_get_start (g_ptr_array_index (segments, k)) - truth)) / 1000.0;
      g_array_append_val (errors, err);
    }
  g_array_sort (errors, compare_double);
  return errors;
}

static void
test_one_minute (Fixture *f, gconstpointer data)
{
  TlTestSpeech *speech = get_one_minute ();
  gint64 id = tl_test_speech_import (f->library, speech, "one minute");
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(TlAlignReport) report = align_async (f->library, id, TL_ALIGNER_FLAGS_NONE, NULL, fractions, &error);
  g_autoptr(GArray) errors = NULL;
  g_autoptr(TlSource) source = NULL;
  g_autoptr(GPtrArray) segments = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->n_aligned, ==, 8);
  g_assert_cmpuint (report->n_unspoken, ==, 0);
  g_assert_cmpfloat (report->mean_confidence, >, 0.7);

  /* looser than the benchmark's targets (30, 80 and 200 ms) */
  errors = start_errors (f->library, id, speech, G_MAXUINT);
  g_assert_cmpfloat (percentile (errors, 0.5), <=, 60);
  g_assert_cmpfloat (percentile (errors, 0.9), <=, 150);
  g_assert_cmpfloat (percentile (errors, 1.0), <=, 300);

  source = tl_library_get_source (f->library, id, NULL);
  g_assert_cmpint (tl_source_get_timing (source), ==, TL_TIMING_ALIGNED);
  segments = tl_library_get_segments (f->library, id, NULL);
  for (guint k = 0; k < segments->len; k++)
    {
      TlSegment *seg = g_ptr_array_index (segments, k);
      g_assert_cmpfloat (tl_segment_get_confidence (seg), >=, 0);
      g_assert_cmpfloat (tl_segment_get_confidence (seg), <=, 1);
      g_assert_cmpint (tl_segment_get_end (seg), >, tl_segment_get_start (seg));
      if (k + 1 < segments->len)
        g_assert_cmpint (tl_segment_get_end (seg), <=, tl_segment_get_start (g_ptr_array_index (segments, k + 1)));
    }

  /* progress went forward and reached the end */
  g_assert_cmpuint (fractions->len, >, 3);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=, g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
}

/* A transcript line nobody says (page boilerplate) is flagged. */
static void
test_unsaid_flagged (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autoptr(GPtrArray) pool = tl_test_sentence_pool (dir);
  g_autofree char *wav = g_build_filename (f->dir, "boilerplate.wav", NULL);
  TlTestSentence sentences[6];
  g_autoptr(TlTestSpeech) speech = NULL;
  g_autoptr(TlAlignReport) report = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GError) error = NULL;
  TlTestSpeechSpec spec;
  gint64 id;

  for (guint i = 0; i < 6; i++)
    sentences[i] = (TlTestSentence) { g_ptr_array_index (pool, 10 + i), TRUE, TRUE };
  sentences[3] = (TlTestSentence) { "Sign up for our newsletter to get the top stories in your inbox every morning.", FALSE, TRUE };
  tl_test_speech_spec_init (&spec);
  spec.seed = 5;
  speech = tl_test_speech_make (wav, sentences, 6, &spec);
  id = tl_test_speech_import (f->library, speech, "boilerplate");
  report = tl_aligner_align (f->library, id, TL_ALIGNER_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_unspoken, ==, 1);
  segments = tl_library_get_segments (f->library, id, NULL);
  g_assert_cmpstr (tl_segment_get_flag (g_ptr_array_index (segments, 3)), ==, "unspoken");
  g_assert_cmpfloat (tl_segment_get_confidence (g_ptr_array_index (segments, 3)), <, 0.2);
}

/* A line timed by hand keeps its times; the others align around it. */
static void
test_anchor_kept (Fixture *f, gconstpointer data)
{
  TlTestSpeech *speech = get_one_minute ();
  gint64 id = tl_test_speech_import (f->library, speech, "anchored");
  g_autoptr(GPtrArray) before = tl_library_get_segments (f->library, id, NULL);
  g_autofree TlSegmentTiming *times = g_new0 (TlSegmentTiming, before->len);
  /* tapped a quarter second late, as people do */
  gint64 tapped = g_array_index (speech->truth, gint64, 4) + 250000;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlAlignReport) report = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GArray) errors = NULL;

  for (guint k = 0; k < before->len; k++)
    {
      TlSegment *seg = g_ptr_array_index (before, k);
      times[k] = (TlSegmentTiming) { tl_segment_get_start (seg), tl_segment_get_end (seg), -1, NULL, FALSE };
    }
  times[4].start = tapped;
  times[4].end = tapped + 2000000;
  times[4].anchor = TRUE;
  times[3].end = MIN (times[3].end, tapped);
  g_assert_true (tl_library_set_segment_times (f->library, id, TL_TIMING_TAPPED, times, before->len, &error));
  g_assert_no_error (error);

  report = align_async (f->library, id, TL_ALIGNER_FLAGS_NONE, NULL, g_array_new (FALSE, FALSE, sizeof (double)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_anchors, ==, 1);
  after = tl_library_get_segments (f->library, id, NULL);
  g_assert_cmpint (tl_segment_get_start (g_ptr_array_index (after, 4)), ==, tapped);
  g_assert_cmpint (tl_segment_get_end (g_ptr_array_index (after, 4)), ==, tapped + 2000000);
  g_assert_true (tl_segment_get_anchor (g_ptr_array_index (after, 4)));
  errors = start_errors (f->library, id, speech, 4);
  g_assert_cmpfloat (percentile (errors, 1.0), <=, 300);
}

/* Every column of every segment row, and the transcript's timing. */
static char *
snapshot (TlLibrary *library)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (tl_test_library_db (library),
                                       "SELECT s.*, t.timing FROM segment s JOIN transcript t ON t.id = s.transcript_id"
                                       " ORDER BY s.id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        g_string_append_printf (out, "%s|", sqlite3_column_type (stmt, c) == SQLITE_NULL
                                              ? "NULL" : (const char *) sqlite3_column_text (stmt, c));
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
cancel_late (double fraction, const char *stage, gpointer user_data)
{
  /* while matching: after all the sound was read, just before saving */
  if (fraction >= 0.75)
    g_cancellable_cancel (user_data);
}

static void
test_cancel_unchanged (Fixture *f, gconstpointer data)
{
  TlTestSpeech *speech = get_one_minute ();
  gint64 id = tl_test_speech_import (f->library, speech, "cancelled");
  g_autofree char *before = snapshot (f->library);
  g_autofree char *after_early = NULL, *after_late = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  TlAlignReport *report;

  /* cancelled at once, through the async call */
  g_cancellable_cancel (cancellable);
  report = align_async (f->library, id, TL_ALIGNER_FLAGS_NONE, cancellable, g_array_new (FALSE, FALSE, sizeof (double)), &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after_early = snapshot (f->library);
  g_assert_cmpstr (after_early, ==, before);

  /* cancelled at the last moment it can be */
  g_cancellable_reset (cancellable);
  report = tl_aligner_align (f->library, id, TL_ALIGNER_FLAGS_NONE, cancellable, cancel_late, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after_late = snapshot (f->library);
  g_assert_cmpstr (after_late, ==, before);
}

static gboolean
count_samples (const float *samples, gsize n, gpointer user_data)
{
  *(guint64 *) user_data += n;
  return TRUE;
}

static void
test_no_audio (Fixture *f, gconstpointer data)
{
  g_autofree char *video = g_build_filename (f->dir, "silent.webm", NULL);
  g_autoptr(TlDocument) doc = tl_document_new ("text");
  g_autoptr(TlMediaInfo) media = NULL;
  g_autoptr(GError) error = NULL;
  TlImportOptions options = { NULL, NULL, NULL };
  gint64 id;

  tl_test_make_media (video, "videotestsrc num-buffers=20 ! video/x-raw,width=160,height=120,framerate=10/1"
                             " ! vp8enc deadline=1 ! webmmux ! filesink location=\"%s\"", video);
  media = tl_probe_file (video, &error);
  g_assert_no_error (error);
  g_assert_false (media->has_audio);
  tl_document_add_segment (doc, TL_TIME_NONE, TL_TIME_NONE, "Nobody says anything here.", -1);
  tl_document_apply_media (doc, media);
  options.media = media;
  id = tl_library_add_document (f->library, doc, &options, &error);
  g_assert_no_error (error);

  g_assert_null (tl_aligner_align (f->library, id, TL_ALIGNER_FLAGS_NONE, NULL, NULL, NULL, &error));
  g_assert_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NO_AUDIO);
  g_assert_nonnull (strstr (error->message, video));
  g_assert_nonnull (strstr (error->message, "no sound"));
  g_clear_error (&error);

  /* the decoder says so too, whatever the library believed */
  g_assert_false (tl_audio_decode (video, 16000, count_samples, &(guint64) { 0 }, NULL, &error));
  g_assert_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NO_AUDIO);
}

static void
test_no_media_or_timed (Fixture *f, gconstpointer data)
{
  g_autoptr(TlDocument) untimed = tl_document_new ("text");
  g_autoptr(TlDocument) timed = tl_document_new ("srt");
  g_autofree char *tone = tl_test_make_audio (f->dir, "tone.wav", 2);
  g_autoptr(TlMediaInfo) media = tl_probe_file (tone, NULL);
  g_autoptr(GError) error = NULL;
  TlImportOptions with_media = { NULL, NULL, media };
  TlAlignReport *report;
  gint64 id;

  tl_document_add_segment (untimed, TL_TIME_NONE, TL_TIME_NONE, "An article paragraph.", -1);
  id = tl_library_add_document (f->library, untimed, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (tl_aligner_align (f->library, id, TL_ALIGNER_FLAGS_NONE, NULL, NULL, NULL, &error));
  g_assert_error (error, TL_ALIGN_ERROR, TL_ALIGN_ERROR_NO_MEDIA);
  g_assert_nonnull (strstr (error->message, "no media file"));
  g_clear_error (&error);

  tl_document_add_segment (timed, 0, 1000000, "A beep.", -1);
  timed->timing = TL_TIMING_NATIVE;
  id = tl_library_add_document (f->library, timed, &with_media, &error);
  g_assert_no_error (error);
  g_assert_null (tl_aligner_align (f->library, id, TL_ALIGNER_FLAGS_NONE, NULL, NULL, NULL, &error));
  g_assert_error (error, TL_ALIGN_ERROR, TL_ALIGN_ERROR_ALREADY_TIMED);
  g_clear_error (&error);
  /* forced, it aligns (a tone is not speech: the line is uncertain at best) */
  report = tl_aligner_align (f->library, id, TL_ALIGNER_FLAGS_FORCE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->segments->len, ==, 1);
  tl_align_report_free (report);
}

/* The sound of a video is decoded without decoding its pictures. */
static void
test_decode_video_sound (Fixture *f, gconstpointer data)
{
  g_autofree char *video = tl_test_make_video (f->dir, "clip.webm", 3, "25/1");
  g_autoptr(GError) error = NULL;
  guint64 n = 0;

  g_assert_true (tl_audio_decode (video, 16000, count_samples, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ABS ((gint64) n - 48000), <, 1600);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  shared_dir = tl_test_tmpdir_new ();
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/media/aligner/one-minute", test_one_minute);
  ADD ("/media/aligner/unsaid-flagged", test_unsaid_flagged);
  ADD ("/media/aligner/anchor-kept", test_anchor_kept);
  ADD ("/media/aligner/cancel-unchanged", test_cancel_unchanged);
  ADD ("/media/aligner/no-audio", test_no_audio);
  ADD ("/media/aligner/no-media-or-timed", test_no_media_or_timed);
  ADD ("/media/aligner/decode-video-sound", test_decode_video_sound);
  status = g_test_run ();
  g_clear_pointer (&one_minute, tl_test_speech_free);
  tl_test_tmpdir_free (shared_dir);
  return status;
}
