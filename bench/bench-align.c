/* bench-align.c: forced alignment against recordings made here, with the
 * targets of issue 6:
 *   espeak-ng recording (en-us, 160 wpm, pauses 0.3–1.5 s, pink noise at
 *     20 dB SNR): sentence starts median <= 30 ms, 90th pct <= 80 ms, max <= 200 ms
 *   flite recording (another synthesizer): median <= 40, p90 <= 100, max <= 250 ms
 *   a 30-minute recording: <= 10 s wall, <= 300 MB resident, >= 98 % of starts within 100 ms
 *   robustness: unsaid boilerplate lines (start, middle, end) are flagged;
 *     next to a sentence missing from the transcript, starts stay within 300 ms
 * Ground truth: espeak-ng's word events; flite's own segment times. The
 * aligner reads the transcript with espeak-ng's default English voice.
 *   build/bench/bench-align [--skip-long]      (BENCH_VERBOSE=1: every line's error) */
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "tl-aligner.h"
#include "tl-library.h"
#include "tl-probe.h"
#include "tl-synth.h"
#include "tl-test-flite.h"
#include "tl-test-speech.h"

static char *dir;

typedef struct {
  guint n;
  double median, p90, max, within_100;
} Errors;

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
percentile (GArray *sorted, double p)
{
  guint i = (guint) ceil (p * sorted->len) - 1;
  return g_array_index (sorted, double, MIN (i, sorted->len - 1));
}

/* Start errors (ms) of the lines that were said, or of @only when given. */
static Errors
measure (const TlTestSpeech *speech, GPtrArray *segments, const guint *only, guint n_only)
{
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (double));
  Errors e = { 0 };
  guint within = 0;

  for (guint k = 0; k < speech->truth->len; k++)
    {
      gint64 truth = g_array_index (speech->truth, gint64, k);
      gboolean wanted = only == NULL;
      double err;

      for (guint i = 0; i < n_only; i++)
        wanted |= only[i] == k;
      if (truth < 0 || !wanted)
        continue;
      err = fabs ((double) (tl_segment_get_start (g_ptr_array_index (segments, k)) - truth)) / 1000.0;
      if (g_getenv ("BENCH_VERBOSE"))
        {
          TlSegment *seg = g_ptr_array_index (segments, k);
          printf ("    line %3u truth %9.3f got %9.3f err %7.1f ms conf %.2f %s\n", k, truth / 1e6,
                  tl_segment_get_start (seg) / 1e6, err, tl_segment_get_confidence (seg),
                  tl_segment_get_flag (seg) ? tl_segment_get_flag (seg) : "");
        }
      g_array_append_val (errors, err);
      within += err <= 100.0;
    }
  g_array_sort (errors, compare_double);
  e.n = errors->len;
  if (e.n == 0)
    return e;
  e.median = percentile (errors, 0.5);
  e.p90 = percentile (errors, 0.9);
  e.max = g_array_index (errors, double, errors->len - 1);
  e.within_100 = 100.0 * within / e.n;
  return e;
}

static const char *
verdict (gboolean ok)
{
  return ok ? "met" : "MISSED";
}

static GPtrArray *
segments_of (const char *db, gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = tl_library_open (db, &error);
  GPtrArray *segments;

  if (library == NULL || (segments = tl_library_get_segments (library, id, &error)) == NULL)
    g_error ("%s", error->message);
  return segments;
}

static gint64
import (const char *db, const TlTestSpeech *speech, const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = NULL;

  g_unlink (db);
  if ((library = tl_library_open (db, &error)) == NULL)
    g_error ("%s", error->message);
  return tl_test_speech_import (library, speech, title);
}

static TlAlignReport *
align (const char *db, gint64 id, double *seconds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = tl_library_open (db, &error);
  gint64 t0 = g_get_monotonic_time ();
  TlAlignReport *report = library ? tl_aligner_align (library, id, TL_ALIGNER_FLAGS_NONE, NULL, NULL, NULL, &error) : NULL;

  if (report == NULL)
    g_error ("aligning failed: %s", error->message);
  *seconds = (g_get_monotonic_time () - t0) / 1e6;
  return report;
}

static void
print_errors (const char *what, const Errors *e, double t_median, double t_p90, double t_max)
{
  printf ("  %-22s %3u starts: median %5.1f ms (target <= %.0f: %s), p90 %5.1f ms (<= %.0f: %s), "
          "max %6.1f ms (<= %.0f: %s), within 100 ms %.1f %%\n",
          what, e->n, e->median, t_median, verdict (e->median <= t_median), e->p90, t_p90,
          verdict (e->p90 <= t_p90), e->max, t_max, verdict (e->max <= t_max), e->within_100);
}

static TlTestSentence *
said (GPtrArray *pool, guint first, guint n)
{
  TlTestSentence *sentences = g_new0 (TlTestSentence, n);

  for (guint i = 0; i < n; i++)
    sentences[i] = (TlTestSentence) { g_ptr_array_index (pool, (first + i) % pool->len), TRUE, TRUE };
  return sentences;
}

static guint
count_words (const char *s)
{
  guint n = 0;

  for (const char *p = s; *p; p++)
    n += (p == s || p[-1] == ' ') && *p != ' ';
  return n;
}

static void
bench_accuracy (GPtrArray *pool)
{
  const guint n = 40;
  g_autofree TlTestSentence *sentences = said (pool, 0, n);
  g_autofree char *wav = g_build_filename (dir, "espeak.wav", NULL);
  g_autofree char *db = g_build_filename (dir, "espeak.db", NULL);
  g_autofree char *fwav = g_build_filename (dir, "flite.wav", NULL);
  g_autofree char *fdb = g_build_filename (dir, "flite.db", NULL);
  g_autoptr(TlTestSpeech) speech = NULL;
  g_autoptr(TlTestSpeech) fspeech = NULL;
  g_autoptr(TlAlignReport) report = NULL;
  g_autoptr(TlAlignReport) freport = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GPtrArray) fsegments = NULL;
  TlTestSpeechSpec spec;
  Errors e;
  double seconds;
  gint64 id;

  tl_test_speech_spec_init (&spec);
  spec.seed = 6;
  speech = tl_test_speech_make (wav, sentences, n, &spec);
  id = import (db, speech, "espeak");
  report = align (db, id, &seconds);
  segments = segments_of (db, id);
  e = measure (speech, segments, NULL, 0);
  printf ("espeak-ng recording: %u sentences, %.1f s, en-us at 160 wpm, aligned in %.2f s "
          "(decode %.2f, synth %.2f, align %.2f), mean confidence %.2f, %u flagged\n",
          n, speech->duration / 1e6, seconds, report->decode_seconds, report->synth_seconds,
          report->align_seconds, report->mean_confidence, report->n_unspoken + report->n_uncertain);
  print_errors ("espeak-ng", &e, 30, 80, 200);

  tl_test_flite_spec (&spec);
  fspeech = tl_test_speech_make (fwav, sentences, n, &spec);
  id = import (fdb, fspeech, "flite");
  freport = align (fdb, id, &seconds);
  fsegments = segments_of (fdb, id);
  e = measure (fspeech, fsegments, NULL, 0);
  printf ("flite recording (cmu_us_kal16): %u sentences, %.1f s, aligned in %.2f s, mean confidence %.2f, %u flagged\n",
          n, fspeech->duration / 1e6, seconds, freport->mean_confidence, freport->n_unspoken + freport->n_uncertain);
  print_errors ("flite", &e, 40, 100, 250);
}

static void
bench_robustness (GPtrArray *pool)
{
  static const char *const boilerplate[] = {
    "Sign up for our newsletter to get the top stories in your inbox every morning.",
    "This photo was provided by a news agency and may not be reproduced without permission.",
    "Comments are closed for this story, see our community guidelines for details.",
  };
  const guint n = 15;
  g_autoptr(GArray) with_boilerplate = g_array_new (FALSE, FALSE, sizeof (TlTestSentence));
  g_autofree TlTestSentence *with_gap = said (pool, 50, n);
  g_autofree char *wav = g_build_filename (dir, "boilerplate.wav", NULL);
  g_autofree char *db = g_build_filename (dir, "boilerplate.db", NULL);
  g_autofree char *gwav = g_build_filename (dir, "gap.wav", NULL);
  g_autofree char *gdb = g_build_filename (dir, "gap.db", NULL);
  g_autoptr(TlTestSpeech) speech = NULL;
  g_autoptr(TlTestSpeech) gspeech = NULL;
  g_autoptr(TlAlignReport) report = NULL;
  g_autoptr(TlAlignReport) greport = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GPtrArray) gsegments = NULL;
  TlTestSpeechSpec spec;
  guint flagged = 0, false_flags = 0, missing = 7;
  guint neighbours[2];
  double seconds;
  Errors e;
  gint64 id;

  tl_test_speech_spec_init (&spec);
  spec.seed = 11;
  for (guint i = 0; i < n; i++)
    {
      TlTestSentence s = { g_ptr_array_index (pool, 30 + i), TRUE, TRUE };
      TlTestSentence b = { boilerplate[i == 0 ? 0 : i == n / 2 ? 1 : 2], FALSE, TRUE };
      if (i == 0 || i == n / 2)
        g_array_append_val (with_boilerplate, b);
      g_array_append_val (with_boilerplate, s);
      if (i == n - 1)
        g_array_append_val (with_boilerplate, b);
    }
  speech = tl_test_speech_make (wav, (TlTestSentence *) with_boilerplate->data, with_boilerplate->len, &spec);
  id = import (db, speech, "boilerplate");
  report = align (db, id, &seconds);
  segments = segments_of (db, id);
  for (guint k = 0; k < segments->len; k++)
    {
      gboolean unsaid = g_array_index (speech->truth, gint64, k) < 0;
      gboolean is_flagged = g_strcmp0 (tl_segment_get_flag (g_ptr_array_index (segments, k)), "unspoken") == 0;
      flagged += unsaid && is_flagged;
      false_flags += !unsaid && is_flagged;
    }
  e = measure (speech, segments, NULL, 0);
  printf ("robustness, 3 unsaid boilerplate lines (start, middle, end) among %u said:\n"
          "  %u of 3 flagged unspoken (target 3: %s), %u said lines flagged unspoken; said lines: median %.1f ms, max %.1f ms\n",
          n, flagged, verdict (flagged == 3), false_flags, e.median, e.max);

  with_gap[missing].in_transcript = FALSE;
  spec.seed = 12;
  gspeech = tl_test_speech_make (gwav, with_gap, n, &spec);
  id = import (gdb, gspeech, "gap");
  greport = align (gdb, id, &seconds);
  gsegments = segments_of (gdb, id);
  /* the transcript's lines on either side of the missing sentence */
  neighbours[0] = missing - 1;
  neighbours[1] = missing;
  e = measure (gspeech, gsegments, neighbours, 2);
  printf ("robustness, a said sentence missing from the transcript (%u lines):\n"
          "  the lines either side of the gap start %.1f and %.1f ms off (target <= 300 ms: %s); all lines: ",
          n - 1,
          fabs ((double) (tl_segment_get_start (g_ptr_array_index (gsegments, missing - 1)) - g_array_index (gspeech->truth, gint64, missing - 1))) / 1000.0,
          fabs ((double) (tl_segment_get_start (g_ptr_array_index (gsegments, missing)) - g_array_index (gspeech->truth, gint64, missing))) / 1000.0,
          verdict (e.max <= 300));
  e = measure (gspeech, gsegments, NULL, 0);
  printf ("median %.1f ms, max %.1f ms\n", e.median, e.max);
}

/* The aligner alone, in a child process, so that its peak resident size
 * is its own and not the recording generator's. */
static int
align_only (const char *db, const char *id_arg)
{
  double seconds;
  g_autoptr(TlAlignReport) report = align (db, g_ascii_strtoll (id_arg, NULL, 10), &seconds);

  printf ("%.3f %.3f %.3f %.3f %u\n", seconds, report->decode_seconds, report->synth_seconds,
          report->align_seconds, report->n_unspoken + report->n_uncertain);
  return 0;
}

static void
bench_long (GPtrArray *pool, const char *self_path)
{
  g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (TlTestSentence));
  g_autoptr(GRand) rand = g_rand_new_with_seed (30);
  g_autofree char *wav = g_build_filename (dir, "long.wav", NULL);
  g_autofree char *db = g_build_filename (dir, "long.db", NULL);
  g_autofree char *id_arg = NULL;
  g_autofree char *out = NULL;
  g_autoptr(TlTestSpeech) speech = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GError) error = NULL;
  TlTestSpeechSpec spec;
  struct rusage usage;
  double wall, decode, synth, dtw;
  guint words = 0, flagged = 0;
  int status;
  gint64 id;
  Errors e;

  /* 160 wpm for 28 minutes, and the pauses make up the rest */
  while (words < 160 * 28)
    {
      TlTestSentence s = { g_ptr_array_index (pool, g_rand_int_range (rand, 0, pool->len)), TRUE, TRUE };
      g_array_append_val (sentences, s);
      words += count_words (s.text);
    }
  tl_test_speech_spec_init (&spec);
  spec.seed = 30;
  speech = tl_test_speech_make (wav, (TlTestSentence *) sentences->data, sentences->len, &spec);
  id = import (db, speech, "long");
  id_arg = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  if (!g_spawn_sync (NULL, (char *[]) { (char *) self_path, "--align-only", db, id_arg, NULL }, NULL,
                     G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error))
    g_error ("%s", error->message);
  if (!g_spawn_check_wait_status (status, &error) || sscanf (out, "%lf %lf %lf %lf %u", &wall, &decode, &synth, &dtw, &flagged) != 5)
    g_error ("the aligning child failed: %s", error ? error->message : out);
  getrusage (RUSAGE_CHILDREN, &usage);
  segments = segments_of (db, id);
  e = measure (speech, segments, NULL, 0);
  printf ("%.1f-minute recording (%u sentences, %u words):\n"
          "  wall %.2f s (target <= 10: %s; decode %.2f, synth %.2f, align %.2f), peak resident %.1f MB (target <= 300: %s)\n"
          "  %.2f %% of starts within 100 ms (target >= 98: %s); median %.1f ms, p90 %.1f ms, max %.1f ms; %u flagged\n",
          speech->duration / 60e6, sentences->len, words, wall, verdict (wall <= 10), decode, synth, dtw,
          usage.ru_maxrss / 1024.0, verdict (usage.ru_maxrss / 1024.0 <= 300), e.within_100,
          verdict (e.within_100 >= 98), e.median, e.p90, e.max, flagged);
}

int
main (int argc, char **argv)
{
  g_autoptr(GPtrArray) pool = NULL;
  g_autoptr(GError) error = NULL;
  gboolean skip_long = argc > 1 && g_strcmp0 (argv[1], "--skip-long") == 0;

  if (!tl_media_init (&error))
    g_error ("%s", error->message);
  if (argc == 4 && g_strcmp0 (argv[1], "--align-only") == 0)
    return align_only (argv[2], argv[3]);

  dir = g_dir_make_tmp ("bench-align-XXXXXX", &error);
  g_assert_no_error (error);
  pool = tl_test_sentence_pool (TL_TEST_DATA);
  printf ("espeak-ng %s, flite %s; %u sentences of news prose from tests/data\n\n",
          tl_synth_get_version (), tl_test_flite_version (), pool->len);
  bench_accuracy (pool);
  printf ("\n");
  bench_robustness (pool);
  if (!skip_long)
    {
      printf ("\n");
      bench_long (pool, argv[0]);
    }
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    if (system (cmd) != 0)
      g_printerr ("could not remove %s\n", dir);
  }
  return 0;
}
