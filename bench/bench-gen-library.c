/* bench-gen-library.c: makes a library of N segments (default 1,000,000)
 * in 1,000-line sources, from reproducible text, for the search and window
 * benchmarks.  Usage: bench-gen-library FILE [N] */
#include <glib/gstdio.h>

#include "bench-text.h"
#include "tl-library.h"

#define PER_SOURCE 1000

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(GString) sentence = g_string_new (NULL);
  BenchText *words;
  guint n = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 1000000;
  double t0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s FILE [SEGMENTS]\n", argv[0]);
      return 2;
    }
  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      fprintf (stderr, "%s exists; remove it first\n", argv[1]);
      return 1;
    }
  library = tl_library_open (argv[1], &error);
  if (library == NULL)
    g_error ("%s", error->message);
  words = bench_text_new (42);
  t0 = bench_now ();
  for (guint s = 0; s * PER_SOURCE < n; s++)
    {
      g_autoptr(TlDocument) doc = tl_document_new ("bench");
      g_autofree char *title = g_strdup_printf ("Generated source %u", s + 1);
      gint64 t = 0;

      doc->title = tl_document_strdup (doc, title);
      doc->outlet = tl_document_strdup (doc, s % 2 ? "Bench News" : "Bench Radio");
      for (guint i = 0; i < PER_SOURCE && s * PER_SOURCE + i < n; i++)
        {
          g_string_truncate (sentence, 0);
          bench_text_sentence (words, sentence, 8, 20);
          tl_document_add_segment (doc, t, t + 2500000, sentence->str, sentence->len);
          t += 2600000;
        }
      doc->timing = TL_TIMING_NATIVE;
      doc->duration = t;
      if (tl_library_add_document (library, doc, NULL, &error) == 0)
        g_error ("%s", error->message);
    }
  printf ("%u segments in %u sources written to %s in %.1f s\n", n, (n + PER_SOURCE - 1) / PER_SOURCE, argv[1],
          bench_now () - t0);
  bench_text_free (words);
  return 0;
}
