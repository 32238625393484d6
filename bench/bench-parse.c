/* bench-parse.c: parsing speed of SubRip and WebVTT on a generated file of
 * 100,000 cues (target: at least 100 MB/s). Prints MB/s for the parse
 * alone and for the whole door (encoding check, line ends, parse). */
#include <string.h>

#include "bench-text.h"
#include "tl-import.h"
#include "tl-text.h"

#define N_CUES 100000
#define RUNS 7

static GString *
make_file (gboolean vtt)
{
  BenchText *words = bench_text_new (7);
  GString *out = g_string_sized_new (N_CUES * 80);
  gint64 t = 0;

  if (vtt)
    g_string_append (out, "WEBVTT\n\n");
  for (guint i = 0; i < N_CUES; i++)
    {
      g_autofree char *start = tl_format_clock (t, TRUE, vtt ? '.' : ',');
      g_autofree char *end = NULL;
      t += 1500000 + (i % 7) * 250000;
      end = tl_format_clock (t, TRUE, vtt ? '.' : ',');
      if (!vtt)
        g_string_append_printf (out, "%u\n", i + 1);
      g_string_append_printf (out, "%s --> %s\n", start, end);
      bench_text_sentence (words, out, 4, 9);
      g_string_append_c (out, '\n');
      if (i % 3 == 0)
        {
          bench_text_sentence (words, out, 3, 8);
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
      t += 100000;
    }
  bench_text_free (words);
  return out;
}

static void
measure (const char *label, const char *format, GString *file, gboolean whole_door)
{
  double times[RUNS];
  guint n = 0;

  for (int run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TlDocument) doc = NULL;
      double t0 = bench_now ();
      if (whole_door)
        doc = tl_import_bytes ("bench", file->str, file->len, NULL, NULL, &error);
      else
        doc = tl_import_text ("bench", file->str, file->len, format, NULL, &error);
      times[run] = bench_now () - t0;
      if (doc == NULL)
        g_error ("%s: %s", label, error->message);
      n = doc->segments->len;
    }
  qsort (times, RUNS, sizeof (double), bench_compare_double);
  printf ("%-22s %8.1f MB  %6u cues  median %7.1f ms  %7.0f MB/s\n", label, file->len / 1e6, n,
          times[RUNS / 2] * 1000, file->len / 1e6 / times[RUNS / 2]);
}

int
main (int argc, char **argv)
{
  g_autoptr(GString) srt = make_file (FALSE);
  g_autoptr(GString) vtt = make_file (TRUE);

  printf ("Parsing a generated file of %d cues, median of %d runs\n", N_CUES, RUNS);
  measure ("srt (parse)", "srt", srt, FALSE);
  measure ("srt (bytes to doc)", NULL, srt, TRUE);
  if (tl_importer_find ("webvtt") != NULL)
    {
      measure ("webvtt (parse)", "webvtt", vtt, FALSE);
      measure ("webvtt (bytes to doc)", NULL, vtt, TRUE);
    }
  return 0;
}
