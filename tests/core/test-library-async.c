/* test-library-async.c: the slow reads' _async forms give what the
 * blocking ones give, arrive on the caller's main loop after the call has
 * returned, and say so when cancelled; on a real library of the sample
 * transcripts. */
#include <string.h>

#include "tl-import.h"
#include "tl-library-async.h"
#include "tl-test-util.h"

typedef struct {
  char *dir;
  TlLibrary *library;
  gint64 source;
} Fixture;

typedef struct {
  gboolean done;
  GAsyncResult *result;
} Wait;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = tl_test_tmpdir_new ();
  path = g_build_filename (f->dir, "library.db", NULL);
  f->library = tl_library_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("00%u_", i);
      g_autofree char *sample = tl_test_sample_named (prefix);
      g_autoptr(TlDocument) doc = tl_import_file (sample, NULL, NULL, &error);
      TlImportOptions options = { sample, NULL, NULL };
      gint64 id;

      g_assert_no_error (error);
      id = tl_library_add_document (f->library, doc, &options, &error);
      g_assert_no_error (error);
      if (i == 0)
        f->source = id;
    }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->library);
  tl_test_tmpdir_free (f->dir);
}

static void
on_done (GObject *object, GAsyncResult *result, gpointer user_data)
{
  Wait *wait = user_data;

  wait->done = TRUE;
  wait->result = g_object_ref (result);
}

static void
wait_for (Wait *wait)
{
  gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!wait->done && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (wait->done);
}

static char *
describe_results (TlSearchResults *results)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%u total\n", results->total);
  for (guint i = 0; i < results->hits->len; i++)
    {
      TlSearchHit *hit = g_ptr_array_index (results->hits, i);
      g_string_append_printf (out, "%" G_GINT64_FORMAT " %u %" G_GINT64_FORMAT " %s\n", hit->source_id,
                              hit->segment_index, hit->start, hit->snippet);
    }
  return g_string_free (out, FALSE);
}

/* The same hits, in the same order, with the same snippets; the answer
 * comes from the main loop, after the call returned. */
static void
test_search_same_results (Fixture *f, gconstpointer data)
{
  static const char *const queries[] = { "weapons", "\"sanctions monitoring\"", "ammun*", "Putin -Kim" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TlSearchResults) blocking = tl_search (f->library, queries[i], 20, 0, "[", "]", &error);
      g_autoptr(TlSearchResults) async = NULL;
      g_autofree char *expected = NULL, *got = NULL;
      Wait wait = { 0 };

      g_assert_no_error (error);
      tl_search_async (f->library, queries[i], 20, 0, "[", "]", NULL, on_done, &wait);
      g_assert_false (wait.done);
      wait_for (&wait);
      async = tl_search_finish (f->library, wait.result, &error);
      g_assert_no_error (error);
      expected = describe_results (blocking);
      got = describe_results (async);
      g_assert_cmpstr (got, ==, expected);
      g_clear_object (&wait.result);
    }
  /* what is wrong with a query is said the same way */
  {
    g_autoptr(GError) blocking_error = NULL, async_error = NULL;
    g_autoptr(TlSearchResults) blocking = tl_search (f->library, "\"unclosed", 20, 0, NULL, NULL, &blocking_error);
    g_autoptr(TlSearchResults) async = NULL;
    Wait wait = { 0 };

    tl_search_async (f->library, "\"unclosed", 20, 0, NULL, NULL, NULL, on_done, &wait);
    wait_for (&wait);
    async = tl_search_finish (f->library, wait.result, &async_error);
    g_assert_true ((blocking == NULL) == (async == NULL));
    if (blocking_error)
      g_assert_cmpstr (async_error->message, ==, blocking_error->message);
    g_clear_object (&wait.result);
  }
}

/* A source's lines, read in a thread: the same lines. */
static void
test_segments_same (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocking = tl_library_get_segments (f->library, f->source, &error);
  g_autoptr(GPtrArray) async = NULL;
  Wait wait = { 0 };

  g_assert_no_error (error);
  g_assert_cmpuint (blocking->len, >, 10);
  tl_library_get_segments_async (f->library, f->source, NULL, on_done, &wait);
  g_assert_false (wait.done);
  wait_for (&wait);
  async = tl_library_get_segments_finish (f->library, wait.result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (async->len, ==, blocking->len);
  for (guint i = 0; i < async->len; i++)
    {
      TlSegment *a = g_ptr_array_index (async, i), *b = g_ptr_array_index (blocking, i);
      g_assert_cmpstr (tl_segment_get_text (a), ==, tl_segment_get_text (b));
      g_assert_cmpint (tl_segment_get_start (a), ==, tl_segment_get_start (b));
      g_assert_cmpint (tl_segment_get_end (a), ==, tl_segment_get_end (b));
      g_assert_cmpuint (tl_segment_get_index (a), ==, tl_segment_get_index (b));
    }
  g_clear_object (&wait.result);

  /* a source that is not there: as the blocking read says */
  g_clear_pointer (&blocking, g_ptr_array_unref);
  blocking = tl_library_get_segments (f->library, 999, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (blocking->len, ==, 0);
  wait.done = FALSE;
  tl_library_get_segments_async (f->library, 999, NULL, on_done, &wait);
  wait_for (&wait);
  g_clear_pointer (&async, g_ptr_array_unref);
  async = tl_library_get_segments_finish (f->library, wait.result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (async->len, ==, 0);
  g_clear_object (&wait.result);
}

/* Cancelled, a read says so, whenever it was stopped; reads after it
 * (on the handles it gave back) work. */
static void
test_cancelled (Fixture *f, gconstpointer data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSearchResults) results = NULL;
  Wait wait = { 0 };

  tl_search_async (f->library, "weapons", 20, 0, NULL, NULL, cancellable, on_done, &wait);
  g_cancellable_cancel (cancellable);
  wait_for (&wait);
  results = tl_search_finish (f->library, wait.result, &error);
  g_assert_null (results);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&wait.result);

  /* several at once, each on a handle of its own */
  {
    Wait waits[4] = { 0 };
    for (guint i = 0; i < G_N_ELEMENTS (waits); i++)
      tl_search_async (f->library, "weapons", 20, 0, NULL, NULL, NULL, on_done, &waits[i]);
    for (guint i = 0; i < G_N_ELEMENTS (waits); i++)
      {
        g_autoptr(TlSearchResults) some = NULL;
        wait_for (&waits[i]);
        some = tl_search_finish (f->library, waits[i].result, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (some->total, >, 0);
        g_clear_object (&waits[i].result);
      }
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/library/async/search-same-results", test_search_same_results);
  ADD ("/core/library/async/segments-same", test_segments_same);
  ADD ("/core/library/async/cancelled", test_cancelled);
#undef ADD
  return g_test_run ();
}
