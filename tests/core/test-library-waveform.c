/* test-library-waveform.c: waveforms through the API (the table itself in
 * tests/core/store/test-sqlite-waveform.c): peaks kept per source, given
 * back only while the media file is unchanged, gone with their source. */
#include <glib/gstdio.h>
#include <string.h>

#include "tl-import.h"
#include "tl-library.h"
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

/* A media file that changed (re-exported, relinked) gets new peaks. */
static void
test_stale (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) peaks = some_peaks ();
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other = g_build_filename (f->dir, "other.wav", NULL);
  guint pps;

  g_assert_true (tl_library_save_waveform (f->library, f->source_id, f->media, 100, peaks, &error));
  g_assert_true (g_file_set_contents (f->media, "RIFF....WAVE and more", -1, NULL));
  g_assert_true (tl_library_load_waveform (f->library, f->source_id, f->media, &pps, &loaded, &error));
  g_assert_no_error (error);
  g_assert_null (loaded);

  /* another file for the same source */
  g_assert_true (g_file_set_contents (other, "RIFF....WAVE and more", -1, NULL));
  g_assert_true (tl_library_save_waveform (f->library, f->source_id, f->media, 100, peaks, &error));
  g_assert_true (tl_library_load_waveform (f->library, f->source_id, other, &pps, &loaded, &error));
  g_assert_null (loaded);

  /* a file that is gone has no peaks, and is no error */
  g_assert_cmpint (g_unlink (f->media), ==, 0);
  g_assert_true (tl_library_load_waveform (f->library, f->source_id, f->media, &pps, &loaded, &error));
  g_assert_no_error (error);
  g_assert_null (loaded);
  g_assert_false (tl_library_save_waveform (f->library, f->source_id, f->media, 100, peaks, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add ("/core/library/waveform/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("stale", test_stale);
#undef ADD
  return g_test_run ();
}