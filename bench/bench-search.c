/* bench-search.c: one-word searches over a big library, 50 hits with
 * snippets each (target: median under 20 ms at 1,000,000 segments).
 * Usage: bench-search FILE   (make FILE with bench-gen-library) */
#include "bench-text.h"
#include "tl-search.h"

#define N_QUERIES 200

static double
time_query (TlLibrary *library, const char *word, guint *total)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSearchResults) results = NULL;
  double t0 = bench_now ();

  results = tl_search (library, word, 50, 0, "[", "]", &error);
  t0 = bench_now () - t0;
  if (results == NULL)
    g_error ("%s", error->message);
  *total = results->total;
  return t0;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = NULL;
  BenchText *words = bench_text_new (42);
  GRand *rand = g_rand_new_with_seed (3);
  double times[N_QUERIES];
  guint total, full = 0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s FILE\n", argv[0]);
      return 2;
    }
  library = tl_library_open (argv[1], &error);
  if (library == NULL)
    g_error ("%s", error->message);

  /* warm the page cache as a library in use would be */
  time_query (library, "summit", &total);

  /* words people search for: the vocabulary past the 100 commonest words */
  for (guint i = 0; i < N_QUERIES; i++)
    {
      const char *word = bench_text_word (words, g_rand_int_range (rand, 100, bench_text_n_words (words)));
      times[i] = time_query (library, word, &total);
      full += total >= 50;
    }
  qsort (times, N_QUERIES, sizeof (double), bench_compare_double);
  printf ("%u one-word queries, 50 hits with snippets (%u of them had 50 or more hits)\n", N_QUERIES, full);
  printf ("median %.2f ms   90th percentile %.2f ms   max %.2f ms\n", times[N_QUERIES / 2] * 1000,
          times[N_QUERIES * 9 / 10] * 1000, times[N_QUERIES - 1] * 1000);
  for (const char *const *w = (const char *const[]) { "ammunition", "president", "the", NULL }; *w; w++)
    {
      double t = time_query (library, *w, &total);
      printf ("%-12s %8u matching lines  %7.2f ms\n", *w, total, t * 1000);
    }
  g_rand_free (rand);
  bench_text_free (words);
  return 0;
}
