/* bench-import-edits.c: how long an edit and a search wait while another
 * connection imports a 1,000,000-cue transcript (target: no edit over
 * 250 ms), and what writing the import in short transactions costs.
 *   bench-import-edits [CUES]  */
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-text.h"
#include "tl-import.h"
#include "tl-library.h"
#include "tl-search.h"

typedef struct {
  const char *path;
  TlDocument *doc;
  double seconds;
  gint done;
} Import;

static TlDocument *
make_document (guint n)
{
  BenchText *text = bench_text_new (7);
  g_autoptr(GString) srt = g_string_sized_new ((gsize) n * 110);
  g_autoptr(GError) error = NULL;
  TlDocument *doc;

  for (guint i = 0; i < n; i++)
    {
      guint64 ms = (guint64) i * 3000;
      g_string_append_printf (srt, "%u\n%02u:%02u:%02u,%03u --> %02u:%02u:%02u,%03u\n", i + 1,
                              (guint) (ms / 3600000), (guint) (ms / 60000 % 60), (guint) (ms / 1000 % 60),
                              (guint) (ms % 1000), (guint) ((ms + 2500) / 3600000), (guint) ((ms + 2500) / 60000 % 60),
                              (guint) ((ms + 2500) / 1000 % 60), (guint) ((ms + 2500) % 1000));
      bench_text_sentence (text, srt, 6, 14);
      g_string_append (srt, "\n\n");
    }
  bench_text_free (text);
  doc = tl_import_bytes ("/bench/long.srt", srt->str, srt->len, NULL, NULL, &error);
  if (doc == NULL)
    g_error ("%s", error->message);
  return doc;
}

static gpointer
import_thread (gpointer data)
{
  Import *import = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = tl_library_open (import->path, &error);
  double t0 = bench_now ();

  if (library == NULL || tl_library_add_document (library, import->doc, NULL, &error) == 0)
    g_error ("import: %s", error->message);
  import->seconds = bench_now () - t0;
  g_atomic_int_set (&import->done, 1);
  return NULL;
}

static void
print_waits (const char *what, GArray *waits)
{
  if (waits->len == 0)
    {
      printf ("%-8s none during the import\n", what);
      return;
    }
  g_array_sort (waits, bench_compare_double);
  printf ("%-8s %4u during the import: median %6.1f ms, p99 %6.1f ms, max %6.1f ms\n", what, waits->len,
          g_array_index (waits, double, waits->len / 2) * 1000,
          g_array_index (waits, double, MIN (waits->len - 1, waits->len * 99 / 100)) * 1000,
          g_array_index (waits, double, waits->len - 1) * 1000);
}

int
main (int argc, char **argv)
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 1000000;
  g_autofree char *dir = g_dir_make_tmp ("tagline-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *alone_path = g_build_filename (dir, "alone.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) searches = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(TlLibrary) editor = NULL;
  Import import = { path, NULL, 0, 0 };
  Import alone = { alone_path, NULL, 0, 0 };
  GThread *thread;
  guint i = 0;

  printf ("making a %u-cue transcript…\n", n);
  import.doc = alone.doc = make_document (n);

  /* the import by itself, for what the short transactions cost */
  import_thread (&alone);

  editor = tl_library_open (path, &error);
  if (editor == NULL)
    g_error ("%s", error->message);
  thread = g_thread_new ("import", import_thread, &import);
  while (!g_atomic_int_get (&import.done))
    {
      g_autofree char *name = g_strdup_printf ("Topic %u", i++);
      double t0 = bench_now (), t1;
      g_autoptr(TlTopic) topic = tl_library_add_topic (editor, name, 0, NULL, &error);
      g_autoptr(TlSearchResults) results = NULL;

      if (topic == NULL)
        g_error ("edit %u: %s", i, error->message);
      t1 = bench_now ();
      if (!g_atomic_int_get (&import.done))
        g_array_append_val (edits, (double) { t1 - t0 });
      results = tl_search (editor, "the", 50, 0, NULL, NULL, &error);
      if (results == NULL)
        g_error ("search: %s", error->message);
      if (!g_atomic_int_get (&import.done))
        g_array_append_val (searches, (double) { bench_now () - t1 });
      g_usleep (100000);
    }
  g_thread_join (thread);
  printf ("import of %u cues: %.2f s alone, %.2f s with edits and searches beside it\n", n, alone.seconds,
          import.seconds);
  print_waits ("edits", edits);
  print_waits ("searches", searches);
  {
    double t0 = bench_now ();
    g_autoptr(TlSearchResults) results = tl_search (editor, "the", 50, 0, NULL, NULL, &error);

    if (results == NULL)
      g_error ("search: %s", error->message);
    printf ("the same search after the import: %.1f ms (%u lines match)\n", (bench_now () - t0) * 1000,
            results->total);
  }

  tl_document_free (import.doc);
  g_clear_object (&editor);
  for (const char *const *db = (const char *const[]) { path, alone_path, NULL }; *db; db++)
    for (const char *const *suffix = (const char *const[]) { "", "-wal", "-shm", NULL }; *suffix; suffix++)
      {
        g_autofree char *file = g_strconcat (*db, *suffix, NULL);
        g_unlink (file);
      }
  g_rmdir (dir);
  return 0;
}
