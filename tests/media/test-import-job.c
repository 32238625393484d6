/* test-import-job.c: the import job the window runs in a thread: progress
 * reaches the caller's main context, a cancel stops between files, and
 * every file is its own transaction. */
#include <string.h>

#include "tl-import-job.h"
#include "tl-test-media.h"
#include "tl-test-util.h"

typedef struct {
  GMainLoop *loop;
  TlImportReport *report;
  GError *error;
  GPtrArray *progress; /* "done/total file" */
  GThread *main_thread;
} Run;

static void
on_progress (guint done, guint total, const char *file, gpointer user_data)
{
  Run *run = user_data;
  g_autofree char *base = g_path_get_basename (file);

  g_assert_true (g_thread_self () == run->main_thread);
  g_ptr_array_add (run->progress, g_strdup_printf ("%u/%u %s", done, total, base));
}

static void
on_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Run *run = user_data;

  run->report = tl_import_job_run_finish (result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
test_async_with_progress (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *library_path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *data = g_test_build_filename (G_TEST_DIST, "data", NULL);
  const char *paths[] = { data, NULL };
  Run run = { g_main_loop_new (NULL, FALSE), NULL, NULL, g_ptr_array_new_with_free_func (g_free), g_thread_self () };
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  gint64 summit;

  library = tl_library_open (library_path, &error);
  g_assert_no_error (error);
  summit = tl_library_add_folder (library, 0, "Summit", &error);
  g_assert_no_error (error);
  /* the job imports through a handle of its own on the same library */
  tl_import_job_run_async (library, paths, summit, NULL, on_progress, &run, on_done, &run);
  g_main_loop_run (run.loop);
  g_assert_no_error (run.error);
  g_assert_cmpuint (run.report->n_imported, ==, 5);
  g_assert_cmpuint (run.report->n_failed, ==, 0);
  g_assert_false (run.report->cancelled);
  /* progress may still be queued behind the result: let it arrive */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (run.progress->len, ==, 5);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (run.progress, 0), "0/5 000_"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (run.progress, 4), "4/5 004_"));

  sources = tl_library_list_sources (library, NULL);
  g_assert_cmpuint (sources->len, ==, 5);
  g_assert_cmpstr (tl_source_get_folder (g_ptr_array_index (sources, 0)), ==, "Summit");

  tl_import_report_free (run.report);
  g_ptr_array_unref (run.progress);
  g_main_loop_unref (run.loop);
  g_clear_object (&library);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
cancel_before_second (guint done, guint total, const char *file, gpointer user_data)
{
  if (done == 1)
    g_cancellable_cancel (user_data);
}

static void
test_cancel_between_files (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *library_path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *data = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  const char *paths[] = { data, NULL };
  Run run = { g_main_loop_new (NULL, FALSE), NULL, NULL, g_ptr_array_new_with_free_func (g_free), g_thread_self () };
  g_autoptr(TlLibrary) library = tl_library_open (library_path, NULL);
  g_autoptr(TlImportReport) report = NULL;
  g_autoptr(GPtrArray) sources = NULL;

  /* cancelled while the second file is about to start: the first stays */
  report = tl_import_job_run (library, paths, NULL, NULL, NULL, cancellable, cancel_before_second, cancellable);
  g_assert_true (report->cancelled);
  g_assert_cmpuint (report->n_imported, ==, 1);
  sources = tl_library_list_sources (library, NULL);
  g_assert_cmpuint (sources->len, ==, 1);
  g_assert_cmpuint (tl_source_get_n_segments (g_ptr_array_index (sources, 0)), ==, 28);

  /* in the thread, a cancel before the start imports nothing and still
   * reports (rather than failing) */
  g_cancellable_cancel (cancelled);
  tl_import_job_run_async (library, paths, 0, cancelled, on_progress, &run, on_done, &run);
  g_main_loop_run (run.loop);
  g_assert_no_error (run.error);
  g_assert_true (run.report->cancelled);
  g_assert_cmpuint (run.report->n_imported, ==, 0);
  g_clear_pointer (&sources, g_ptr_array_unref);
  sources = tl_library_list_sources (library, NULL);
  g_assert_cmpuint (sources->len, ==, 1);

  tl_import_report_free (run.report);
  g_ptr_array_unref (run.progress);
  g_main_loop_unref (run.loop);
  g_clear_object (&library);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A media file given alone brings the transcript beside it; one without
 * a transcript is reported, not imported. */
static void
test_media_pairs (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *library_path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *audio = tl_test_make_audio (dir, "interview.wav", 2);
  g_autofree char *lonely = tl_test_make_audio (dir, "lonely.wav", 1);
  g_autofree char *text = g_build_filename (dir, "interview.txt", NULL);
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(TlImportReport) report = NULL;
  const char *paths[] = { audio, lonely, NULL };
  TlImportItem *item;

  g_assert_true (g_file_set_contents (text, "We spoke at length.\nThen we stopped.\n", -1, NULL));
  library = tl_library_open (library_path, NULL);
  report = tl_import_job_run (library, paths, NULL, NULL, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (report->n_imported, ==, 1);
  g_assert_cmpuint (report->n_failed, ==, 1);
  item = g_ptr_array_index (report->items, 0);
  g_assert_cmpstr (item->file, ==, text);
  g_assert_cmpstr (item->media, ==, audio);
  g_assert_cmpint (item->kind, ==, TL_SOURCE_KIND_AUDIO);
  g_assert_cmpint (item->timing, ==, TL_TIMING_ESTIMATED);
  item = g_ptr_array_index (report->items, 1);
  g_assert_nonnull (strstr (item->error, "without a transcript"));
  g_clear_object (&library);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/media/import-job/async-with-progress", test_async_with_progress);
  g_test_add_func ("/media/import-job/cancel-between-files", test_cancel_between_files);
  g_test_add_func ("/media/import-job/media-pairs", test_media_pairs);
  return g_test_run ();
}
