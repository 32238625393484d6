/* test-sqlite-waveform.c: the waveform table, looked at in SQLite: peaks kept per source, given
 * back only while the media file is unchanged, gone with their source. */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "tl-import.h"
#include "tl-library-private.h"
#include "tl-library-waveform.h"
#include "tl-test-util.h"

typedef struct {
  char *dir;
  char *media;
  TlLibrary *library;
  gint64 source_id;
} Fixture;

static const char *const srt_text =
  "1\n00:00:01,000 --> 00:00:04,000\nThe summit opened with a parade.\n";

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TlDocument) doc = NULL;
  TlImportOptions options = { "summit.srt", NULL, NULL };

  f->dir = tl_test_tmpdir_new ();
  path = g_build_filename (f->dir, "library.db", NULL);
  f->library = tl_library_open (path, &error);
  g_assert_no_error (error);
  doc = tl_import_bytes ("summit.srt", srt_text, strlen (srt_text), NULL, NULL, &error);
  g_assert_no_error (error);
  f->source_id = tl_library_add_document (f->library, doc, &options, &error);
  g_assert_no_error (error);
  /* the sound itself does not matter here, only the file's size and time */
  f->media = g_build_filename (f->dir, "summit.wav", NULL);
  g_assert_true (g_file_set_contents (f->media, "RIFF....WAVE", -1, NULL));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->library);
  g_free (f->media);
  tl_test_tmpdir_free (f->dir);
}

static GBytes *
some_peaks (void)
{
  static const guint8 peaks[] = { 0, 0, 0xff, 0x7f, 0xff, 0xff, 1, 0 };

  return g_bytes_new_static (peaks, sizeof peaks);
}

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) peaks = some_peaks ();
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
test_deleted_with_source (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) peaks = some_peaks ();
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
#define ADD(path, func) g_test_add ("/core/library/waveform/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("round-trip", test_round_trip);
  ADD ("deleted-with-source", test_deleted_with_source);
#undef ADD
  return g_test_run ();
}