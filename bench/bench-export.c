/* bench-export.c: exporting 10,000 clips in every format (target: under
 * 200 ms each, reading the library included). Makes its own library of 20
 * sources of 1,000 lines at the common frame rates, with 10,000 clips of
 * one to four lines, 1% of them quotes from an article.
 * Usage: bench-export [FILE]   (default: a temporary file, removed after) */
#include <glib/gstdio.h>

#include "bench-text.h"
#include "tl-export.h"

#define N_CLIPS 10000
#define N_SOURCES 20
#define PER_SOURCE 1000
#define RUNS 5

static const char *const topics[] = { "Summit", "Weapons", "Trade, and tariffs", "Reaction <live>", "History" };

static const struct {
  int num, den;
} rates[] = { { 30000, 1001 }, { 24000, 1001 }, { 24, 1 }, { 25, 1 }, { 30, 1 }, { 50, 1 }, { 60000, 1001 }, { 0, 0 } };

static void
make_library (TlLibrary *library, BenchText *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) sentence = g_string_new (NULL);
  gint64 ids[N_SOURCES], article;
  guint n_clips = 0;

  for (guint t = 0; t < G_N_ELEMENTS (topics); t++)
    {
      g_autoptr(TlTopic) topic = tl_library_add_topic (library, topics[t], t + 1, NULL, &error);
      if (topic == NULL)
        g_error ("%s", error->message);
    }
  for (guint s = 0; s < N_SOURCES; s++)
    {
      g_autoptr(TlDocument) doc = tl_document_new ("bench");
      g_autoptr(TlMediaInfo) media = NULL;
      g_autofree char *title = g_strdup_printf ("Generated source %u", s + 1);
      TlImportOptions options = { NULL, "Bench", NULL };
      gint64 t = 0;

      doc->title = tl_document_strdup (doc, title);
      doc->outlet = tl_document_strdup (doc, s % 2 ? "Bench News" : "Bench Radio");
      for (guint i = 0; i < PER_SOURCE; i++)
        {
          g_string_truncate (sentence, 0);
          bench_text_sentence (words, sentence, 8, 20);
          tl_document_add_segment (doc, t, t + 2500000, sentence->str, sentence->len);
          t += 2600000;
        }
      doc->timing = TL_TIMING_NATIVE;
      doc->duration = t;
      if (rates[s % G_N_ELEMENTS (rates)].num > 0)
        {
          media = tl_media_info_new ();
          media->path = g_strdup_printf ("/media/bench/source %u.mov", s + 1);
          media->duration = t;
          media->fps_num = rates[s % G_N_ELEMENTS (rates)].num;
          media->fps_den = rates[s % G_N_ELEMENTS (rates)].den;
          media->has_video = media->has_audio = TRUE;
          media->width = 1920;
          media->height = 1080;
          options.media = media;
        }
      if ((ids[s] = tl_library_add_document (library, doc, &options, &error)) == 0)
        g_error ("%s", error->message);
    }
  {
    g_autoptr(TlDocument) doc = tl_document_new ("bench");
    doc->title = tl_document_strdup (doc, "Generated article");
    doc->kind = TL_SOURCE_KIND_ARTICLE;
    doc->timing = TL_TIMING_NONE;
    for (guint i = 0; i < 200; i++)
      {
        g_string_truncate (sentence, 0);
        bench_text_sentence (words, sentence, 30, 60);
        tl_document_add_segment (doc, TL_TIME_NONE, TL_TIME_NONE, sentence->str, sentence->len);
      }
    if ((article = tl_library_add_document (library, doc, NULL, &error)) == 0)
      g_error ("%s", error->message);
  }

  for (guint c = 0; c < N_CLIPS; c++, n_clips++)
    {
      const char *clip_topics[] = { topics[c % G_N_ELEMENTS (topics)], c % 3 ? NULL : topics[(c + 2) % 5], NULL };
      g_autofree char *title = g_strdup_printf ("Clip %u, \"quoted\" & <marked>", c + 1);
      TlClipSpec spec = { 0 };

      spec.first_segment = spec.last_segment = -1;
      if (c % 100 == 99)
        {
          spec.source_id = article;
          spec.first_segment = c % 190;
          spec.last_segment = spec.first_segment + c % 3;
        }
      else
        {
          /* one to four lines, on and off the frame grid */
          gint64 line = (c / N_SOURCES) % (PER_SOURCE - 4);
          spec.source_id = ids[c % N_SOURCES];
          spec.in = line * 2600000 + (c % 7) * 123457;
          spec.out = spec.in + (1 + c % 4) * 2600000 - 300000;
        }
      spec.title = title;
      spec.note = c % 5 ? NULL : "A note\nover two lines";
      spec.rating = c % 6;
      spec.topics = clip_topics;
      if (tl_library_add_clip (library, &spec, &error) == 0)
        g_error ("%s", error->message);
    }
}

static double
median (double *times, guint n)
{
  qsort (times, n, sizeof (double), bench_compare_double);
  return times[n / 2];
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) clips = NULL;
  TlExportOptions options = { .split = TRUE };
  BenchText *words = bench_text_new (7);
  const TlExporter *const *exporters;
  double gather[RUNS], times[RUNS], t0, gather_ms;
  guint n_exporters;

  if (argc > 1)
    path = g_strdup (argv[1]);
  else
    {
      dir = g_dir_make_tmp ("tagline-bench-XXXXXX", &error);
      if (dir == NULL)
        g_error ("%s", error->message);
      path = g_build_filename (dir, "library.db", NULL);
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      fprintf (stderr, "%s exists; remove it first\n", path);
      return 1;
    }
  library = tl_library_open (path, &error);
  if (library == NULL)
    g_error ("%s", error->message);
  t0 = bench_now ();
  make_library (library, words);
  printf ("library of %d clips (1%% quotes) on %d sources of %d lines made in %.1f s\n\n", N_CLIPS, N_SOURCES,
          PER_SOURCE, bench_now () - t0);

  /* what one query per clip for its words cost, the way export first read them */
  clips = tl_library_list_clips (library, NULL, &error);
  t0 = bench_now ();
  for (guint i = 0; i < clips->len; i++)
    g_free (tl_library_get_clip_text (library, g_ptr_array_index (clips, i), NULL));
  printf ("%-8s %8.1f ms   (one query per clip, for comparison)\n", "words", (bench_now () - t0) * 1000);

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(TlExportContext) ctx = NULL;
      t0 = bench_now ();
      ctx = tl_export_context_new (library, NULL, &options, &error);
      gather[r] = bench_now () - t0;
      if (ctx == NULL)
        g_error ("%s", error->message);
    }
  gather_ms = median (gather, RUNS) * 1000;
  printf ("%-8s %8.1f ms   (clips, sources, topics and words, in a handful of queries)\n\n", "read", gather_ms);

  printf ("%-8s %8s %8s %9s %10s\n", "format", "write", "total", "output", "clips");
  exporters = tl_exporters (&n_exporters);
  for (guint e = 0; e < n_exporters; e++)
    {
      g_autoptr(TlExportContext) ctx = tl_export_context_new (library, NULL, &options, &error);
      TlExportStats stats = { 0 };
      gsize size = 0;

      if (ctx == NULL)
        g_error ("%s", error->message);
      for (guint r = 0; r < RUNS; r++)
        {
          g_autoptr(GString) out = g_string_sized_new (1 << 20);
          t0 = bench_now ();
          if (!tl_export_context_write (ctx, exporters[e], out, &stats, &error))
            g_error ("%s: %s", exporters[e]->name, error->message);
          times[r] = bench_now () - t0;
          size = out->len;
        }
      printf ("%-8s %6.1f ms %6.1f ms %7.1f MB %10u", exporters[e]->name, median (times, RUNS) * 1000,
              median (times, RUNS) * 1000 + gather_ms, size / 1e6, stats.n_clips);
      if (stats.n_files > 1)
        printf ("  (%u files)", stats.n_files);
      printf ("\n");
    }
  printf ("\nwrite: median of %d runs; total: write + read, what tl_export_to_file() costs before the disk\n", RUNS);

  bench_text_free (words);
  g_clear_object (&library);
  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }
  return 0;
}
