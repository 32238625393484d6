/* test-sqlite-waveform.c: the waveform table, looked at in SQLite: peaks kept per source, given
 * back only while the media file is unchanged, gone with their source. */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "tl-import.h"
#include "tl-library-private.h"
#include "tl-library-waveform.h"
#include "tl-test-library.h"
#include "tl-test-util.h"

static void
test_round_trip (TlTestWaveformLibrary *f, gconstpointer data)
{
  g_autoptr(GBytes) peaks = tl_test_some_peaks ();
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GError) error = NULL;
  guint pps = 0;

  /* nothing yet: no error, no peaks */
  g_assert_true (tl_library_load_waveform (f->library, f->source_id, f->media, &pps, &loaded, &error));
  g_assert_no_error (error);
  g_assert_null (loaded);

  g_assert_true (tl_library_save_waveform (f->library, f->source_id, f->media, 100, peaks, &error));
  g_assert_no_error (error);
  g_assert_true (tl_library_load_waveform (f->library, f->source_id, f->media, &pps, &loaded, &error));
  g_assert_cmpuint (pps, ==, 100);
  g_assert_nonnull (loaded);
  g_assert_true (g_bytes_equal (loaded, peaks));

  /* saved again: replaced, not added */
  g_assert_true (tl_library_save_waveform (f->library, f->source_id, f->media, 50, peaks, &error));
  g_assert_cmpint (tl_test_count_rows (f->library, "waveform"), ==, 1);
}

static void
test_deleted_with_source (TlTestWaveformLibrary *f, gconstpointer data)
{
  g_autoptr(GBytes) peaks = tl_test_some_peaks ();
  g_autoptr(GError) error = NULL;

  g_assert_true (tl_library_save_waveform (f->library, f->source_id, f->media, 100, peaks, &error));
  g_assert_cmpint (tl_test_count_rows (f->library, "waveform"), ==, 1);
  g_assert_cmpint (sqlite3_exec (tl_test_library_db (f->library), "DELETE FROM source", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (tl_test_count_rows (f->library, "waveform"), ==, 0);
  /* and peaks of a source that does not exist are refused */
  g_assert_false (tl_library_save_waveform (f->library, 999, f->media, 100, peaks, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add ("/core/library/waveform/" path, TlTestWaveformLibrary, NULL, tl_test_waveform_library_set_up, func, tl_test_waveform_library_tear_down)
  ADD ("round-trip", test_round_trip);
  ADD ("deleted-with-source", test_deleted_with_source);
#undef ADD
  return g_test_run ();
}