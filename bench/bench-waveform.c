/* bench-waveform.c: the waveform of a one-hour recording (target: under
 * 10 s, once), and opening it again from the library (instant). The
 * recordings (MP3 and Opus, as news sound usually comes) are made once, in
 * the user's cache. */
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <string.h>

#include "bench-text.h"
#include "tl-import.h"
#include "tl-test-media.h"
#include "tl-types.h"
#include "tl-waveform.h"

static char *
make_hour (const char *dir, const char *name, const char *encoder)
{
  char *path = g_build_filename (dir, name, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;
  g_print ("making %s (once, about a minute)\n", path);
  /* pink noise rising and falling like speech, an hour of it */
  tl_test_make_media (path,
                      "audiotestsrc wave=pink-noise num-buffers=%d samplesperbuffer=4410"
                      " ! audio/x-raw,rate=44100,channels=2 ! audioconvert ! %s ! filesink location=\"%s\"",
                      3600 * 10, encoder, path);
  return path;
}

static void
remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static void
on_loaded (GObject *source, GAsyncResult *result, gpointer data)
{
  TlWaveform **out = data;
  g_autoptr(GError) error = NULL;

  *out = tl_waveform_load_finish (result, &error);
  if (*out == NULL)
    g_error ("%s", error->message);
}

static TlWaveform *
load (TlLibrary *library, gint64 source_id, const char *path)
{
  TlWaveform *waveform = NULL;

  tl_waveform_load_async (library, source_id, path, NULL, on_loaded, &waveform);
  while (waveform == NULL)
    g_main_context_iteration (NULL, TRUE);
  return waveform;
}

static void
bench (const char *cache, const char *path, const char *what)
{
  static const char srt[] = "1\n00:00:00,000 --> 00:00:01,000\nAn hour of talk.\n";
  g_autofree char *db = g_build_filename (cache, "waveform-bench.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(TlDocument) doc = NULL;
  g_autoptr(TlWaveform) first = NULL, second = NULL;
  TlImportOptions options = { "hour.srt", NULL, NULL };
  gint64 source_id;
  double t0, computed, reopened;

  remove_db (db);
  library = tl_library_open (db, &error);
  doc = tl_import_bytes ("hour.srt", srt, strlen (srt), NULL, NULL, &error);
  g_assert_no_error (error);
  source_id = tl_library_add_document (library, doc, &options, &error);
  g_assert_no_error (error);

  t0 = bench_now ();
  first = load (library, source_id, path);
  computed = bench_now () - t0;
  t0 = bench_now ();
  second = load (library, source_id, path);
  reopened = bench_now () - t0;
  g_assert_true (tl_waveform_get_cached (second));
  g_clear_object (&library);

  g_print ("waveform of 1 hour of %s: %.2f s computed and stored (%u peaks, %.0f KB), %.1f ms opened again"
           "   target < 10 s once\n",
           what, computed, tl_waveform_get_n_peaks (first),
           g_bytes_get_size (tl_waveform_get_bytes (first)) / 1024.0, reopened * 1000);
  remove_db (db);
}

int
main (int argc, char **argv)
{
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "tagline-bench", NULL);
  g_autofree char *mp3 = NULL;
  g_autofree char *opus = NULL;

  gst_init (&argc, &argv);
  g_mkdir_with_parents (cache, 0755);
  mp3 = make_hour (cache, "hour.mp3", "lamemp3enc target=bitrate bitrate=128 ! id3v2mux");
  opus = make_hour (cache, "hour.opus", "audioresample ! opusenc bitrate=64000 ! oggmux");
  g_print ("%u CPUs\n", g_get_num_processors ());
  bench (cache, mp3, "MP3 (44.1 kHz stereo, 128 kb/s)");
  bench (cache, opus, "Opus (48 kHz stereo, 64 kb/s)");
  return 0;
}
