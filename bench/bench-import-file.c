/* bench-import-file.c: the time and peak memory of importing files as the
 * import job does (read, decode, parse, store), each in a process of its
 * own so that the peak is that import's: a 1,000,000-cue SRT of some
 * 113 MB (target: under 400 MB resident), and two files that must be
 * refused at once and in little memory: 1 GiB past the size limit, and
 * 200 MB of zeros under it.
 *   bench-import-file            makes the files and measures each
 *   bench-import-file FILE       imports FILE into a new library, prints
 *                                "seconds peak-KiB segments-or-error" */
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "bench-text.h"
#include "tl-import.h"
#include "tl-library.h"

#define N_CUES 1000000

static int
import_one (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = NULL;
  g_autoptr(TlLibrary) library = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tagline-bench-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  const char *suffixes[] = { "", "-wal", "-shm" };
  struct rusage usage;
  double t0 = bench_now ();
  guint n = 0;

  doc = tl_import_file (file, NULL, NULL, &error);
  if (doc != NULL)
    {
      TlImportOptions options = { file, NULL, NULL };

      library = tl_library_open (db, &error);
      if (library != NULL && tl_library_add_document (library, doc, &options, &error) > 0)
        n = doc->segments->len;
    }
  getrusage (RUSAGE_SELF, &usage);
  if (n > 0)
    printf ("%.2f %ld %u segments\n", bench_now () - t0, usage.ru_maxrss, n);
  else
    printf ("%.2f %ld refused: %s\n", bench_now () - t0, usage.ru_maxrss, error->message);
  g_clear_object (&library);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db, suffixes[i], NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
  return 0;
}

static void
write_srt (const char *path)
{
  BenchText *words = bench_text_new (7);
  g_autoptr(GString) chunk = g_string_new (NULL);
  g_autoptr(GString) sentence = g_string_new (NULL);
  FILE *f = fopen (path, "w");

  g_assert (f != NULL);
  for (guint i = 0; i < N_CUES; i++)
    {
      guint s = i * 3;

      g_string_truncate (sentence, 0);
      bench_text_sentence (words, sentence, 9, 12);
      g_string_append_printf (chunk, "%u\n%02u:%02u:%02u,000 --> %02u:%02u:%02u,500\n%s\n\n", i + 1,
                              s / 3600, s / 60 % 60, s % 60, (s + 2) / 3600, (s + 2) / 60 % 60, (s + 2) % 60,
                              sentence->str);
      if (chunk->len > 1 << 20)
        {
          fwrite (chunk->str, 1, chunk->len, f);
          g_string_truncate (chunk, 0);
        }
    }
  fwrite (chunk->str, 1, chunk->len, f);
  fclose (f);
  bench_text_free (words);
}

static void
write_sparse (const char *path, gint64 size, const char *head)
{
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

  g_assert (fd >= 0);
  if (head != NULL)
    g_assert (write (fd, head, strlen (head)) == (gssize) strlen (head));
  g_assert (ftruncate (fd, size) == 0);
  close (fd);
}

static void
measure (const char *self, const char *label, const char *path)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { self, path, NULL };
  double seconds;
  long kib;
  char what[256] = "";
  GStatBuf st;

  g_stat (path, &st);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, NULL, &error))
    g_error ("%s", error->message);
  if (sscanf (out, "%lf %ld %255[^\n]", &seconds, &kib, what) != 3)
    g_error ("unexpected output: %s", out);
  printf ("%-28s %9.1f MB %8.2f s %8.1f MB peak RSS  %s\n", label, st.st_size / 1e6, seconds, kib / 1024.0, what);
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *srt = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *zeros = NULL;

  if (argc == 2)
    return import_one (argv[1]);

  dir = g_dir_make_tmp ("tagline-bench-XXXXXX", NULL);
  srt = g_build_filename (dir, "million.srt", NULL);
  huge = g_build_filename (dir, "huge.srt", NULL);
  zeros = g_build_filename (dir, "zeros.vtt", NULL);
  write_srt (srt);
  write_sparse (huge, G_GINT64_CONSTANT (1) << 30, "1\n00:00:01,000 --> 00:00:02,000\nA start like any other\n\n");
  write_sparse (zeros, 200 * 1000 * 1000, NULL);

  printf ("Importing files as the import job does, each in a process of its own\n");
  measure (argv[0], "1,000,000-cue SRT", srt);
  measure (argv[0], "1 GiB past the limit", huge);
  measure (argv[0], "200 MB of zeros", zeros);
  g_unlink (srt);
  g_unlink (huge);
  g_unlink (zeros);
  g_rmdir (dir);
  return 0;
}
