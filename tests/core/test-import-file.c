/* test-import-file.c: reading a file to import it: the size limit, binary
 * files refused on their first bytes, files that are not regular (pipes,
 * devices), and the memory all this takes. */
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tl-test-util.h"
#include "tl-import.h"

/* The most this process has ever had resident, in KiB. */
static glong
peak_rss_kib (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

/* A file of @size bytes that takes no room on disk: @head, then zeros. */
static char *
make_sparse (const char *dir, const char *name, gint64 size, const char *head)
{
  char *path = g_build_filename (dir, name, NULL);
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

  g_assert_cmpint (fd, >=, 0);
  if (head != NULL)
    g_assert_cmpint (write (fd, head, strlen (head)), ==, (gssize) strlen (head));
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  close (fd);
  return path;
}

/* A 1 GiB file was read whole (1.06 GB resident) only to be refused as
 * binary; a larger text file imported with 3.7 GB resident. Past the
 * limit, a file is refused before a byte of it is read. */
static void
test_too_large (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *huge = make_sparse (dir, "huge.srt", G_GINT64_CONSTANT (1) << 30,
                                       "1\n00:00:01,000 --> 00:00:02,000\nA start like any other\n\n");
  g_autoptr(GError) error = NULL;
  glong before = peak_rss_kib ();

  g_assert_null (tl_import_file (huge, NULL, NULL, &error));
  g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_TOO_LARGE);
  /* g_format_size() puts a no-break space before the unit */
  g_assert_cmpstr (error->message, ==,
                   "The file is too large for a transcript (1.1\xC2\xA0GB; Tagline reads up to 256.0\xC2\xA0MB)");
  g_assert_cmpint (peak_rss_kib () - before, <, 16 * 1024);

  /* bytes in memory are held to the same limit, on their length alone */
  g_clear_error (&error);
  g_assert_null (tl_import_bytes ("big.srt", "", TL_IMPORT_MAX_BYTES + 1, NULL, NULL, &error));
  g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_TOO_LARGE);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Under the limit, a file whose first bytes are binary is refused on them:
 * 200 MB of zeros cost 200 MB of memory before. */
static void
test_binary_start (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *zeros = make_sparse (dir, "zeros.vtt", 200 * 1000 * 1000, NULL);
  g_autoptr(GError) error = NULL;
  glong before = peak_rss_kib ();

  g_assert_null (tl_import_file (zeros, NULL, NULL, &error));
  g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_BINARY);
  g_assert_cmpint (peak_rss_kib () - before, <, 16 * 1024);

  /* a device that never ends was read until memory ran out */
  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_clear_error (&error);
      g_assert_null (tl_import_file ("/dev/zero", NULL, NULL, &error));
      g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_BINARY);
      g_assert_cmpint (peak_rss_kib () - before, <, 16 * 1024);
    }
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

static GString *
make_srt (guint n_cues)
{
  GString *srt = g_string_new (NULL);

  for (guint i = 0; i < n_cues; i++)
    g_string_append_printf (srt, "%u\n%02u:%02u:%02u,000 --> %02u:%02u:%02u,500\nLine number %u of the file.\n\n",
                            i + 1, i / 3600, i / 60 % 60, i % 60, i / 3600, i / 60 % 60, i % 60, i + 1);
  return srt;
}

/* A file longer than the first bytes read is read to its end, from a
 * regular file and from a pipe, whose size nobody knows beforehand. */
static void
test_read_to_the_end (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *file = g_build_filename (dir, "long.srt", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.srt", NULL);
  g_autoptr(GString) srt = make_srt (4000);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = NULL;
  g_autoptr(TlDocument) piped = NULL;
  GPid writer;
  char *argv[] = { "sh", "-c", "cat \"$0\" > \"$1\"", file, fifo, NULL };

  g_assert_cmpuint (srt->len, >, 3 * 64 * 1024);
  g_file_set_contents (file, srt->str, srt->len, &error);
  g_assert_no_error (error);
  doc = tl_import_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (doc->segments->len, ==, 4000);
  g_assert_cmpstr (tl_document_get_segment (doc, 3999)->text, ==, "Line number 4000 of the file.");

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_spawn_async (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &writer, &error);
  g_assert_no_error (error);
  piped = tl_import_file (fifo, "srt", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (piped->segments->len, ==, 4000);
  g_spawn_close_pid (writer);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_not_a_file (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *missing = g_build_filename (dir, "missing.srt", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (tl_import_file (dir, NULL, NULL, &error));
  g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "This is a folder, not a file");
  g_clear_error (&error);
  g_assert_null (tl_import_file (missing, NULL, NULL, &error));
  g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "Cannot read the file: it does not exist");
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/import/file/too-large", test_too_large);
  g_test_add_func ("/core/import/file/binary-start", test_binary_start);
  g_test_add_func ("/core/import/file/read-to-the-end", test_read_to_the_end);
  g_test_add_func ("/core/import/file/not-a-file", test_not_a_file);
  return g_test_run ();
}
