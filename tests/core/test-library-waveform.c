/* test-library-waveform.c: waveforms through the API (the table itself in
 * tests/core/store/test-sqlite-waveform.c): peaks kept per source, given
 * back only while the media file is unchanged, gone with their source. */
#include <glib/gstdio.h>
#include <string.h>

#include "tl-import.h"
#include "tl-library.h"
#include "tl-library-waveform.h"
#include "tl-test-library.h"
#include "tl-test-util.h"

/* A media file that changed (re-exported, relinked) gets new peaks. */
static void
test_stale (TlTestWaveformLibrary *f, gconstpointer data)
{
  g_autoptr(GBytes) peaks = tl_test_some_peaks ();
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
#define ADD(path, func) g_test_add ("/core/library/waveform/" path, TlTestWaveformLibrary, NULL, tl_test_waveform_library_set_up, func, tl_test_waveform_library_tear_down)
  ADD ("stale", test_stale);
#undef ADD
  return g_test_run ();
}