/* test-waveform.c: peaks of sounds made here (a tone then silence, a loud
 * left channel, the sound of a video), the errors, and the library cache
 * that makes the second opening instant. */
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <string.h>

#include "tl-import.h"
#include "tl-test-media.h"
#include "tl-test-util.h"
#include "tl-types.h"
#include "tl-waveform-private.h"

static char *dir;

/* One second of a sine at half scale, then one second of silence. */
static char *
make_tone_then_silence (const char *name, const char *encoder)
{
  char *path = g_build_filename (dir, name, NULL);

  tl_test_make_media (path,
                      "concat name=c ! audioconvert ! %s ! filesink location=\"%s\""
                      " audiotestsrc wave=sine volume=0.5 num-buffers=10 samplesperbuffer=4410"
                      "   ! audio/x-raw,rate=44100,channels=1 ! c."
                      " audiotestsrc wave=silence num-buffers=10 samplesperbuffer=4410"
                      "   ! audio/x-raw,rate=44100,channels=1 ! c.",
                      encoder, path);
  return path;
}

static void
assert_tone_then_silence (TlWaveform *waveform, double tolerance)
{
  g_assert_cmpuint (tl_waveform_get_peaks_per_second (waveform), ==, 100);
  g_assert_cmpint (ABS ((gint64) tl_waveform_get_n_peaks (waveform) - 200), <=, 2);
  g_assert_cmpint (ABS (tl_waveform_get_duration (waveform) - 2 * TL_USEC_PER_SEC), <=, 20000);
  /* every 10 ms of the tone peaks at half scale, the silence at none */
  for (gint64 t = 0; t < 950000; t += 10000)
    g_assert_cmpfloat_with_epsilon (tl_waveform_get_peak (waveform, t, t + 10000), 0.5, tolerance);
  for (gint64 t = 1050000; t < 1950000; t += 10000)
    g_assert_cmpfloat_with_epsilon (tl_waveform_get_peak (waveform, t, t + 10000), 0.0, tolerance);
  /* a wider column takes the loudest of its peaks */
  g_assert_cmpfloat_with_epsilon (tl_waveform_get_peak (waveform, 500000, 1500000), 0.5, tolerance);
}

static void
test_wav (void)
{
  g_autofree char *path = make_tone_then_silence ("tone.wav", "wavenc");
  g_autoptr(GError) error = NULL;
  g_autoptr(TlWaveform) waveform = tl_waveform_compute (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_false (tl_waveform_get_cached (waveform));
  assert_tone_then_silence (waveform, 0.002);
}

/* Vorbis decodes to floats: the same peaks, within the codec's error. */
static void
test_vorbis (void)
{
  g_autofree char *path = make_tone_then_silence ("tone.ogg", "vorbisenc quality=0.9 ! oggmux");
  g_autoptr(GError) error = NULL;
  g_autoptr(TlWaveform) waveform = tl_waveform_compute (path, NULL, &error);

  g_assert_no_error (error);
  assert_tone_then_silence (waveform, 0.05);
}

/* A loud left channel and a quiet right one: the louder counts. */
static void
test_stereo (void)
{
  g_autofree char *path = g_build_filename (dir, "stereo.wav", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlWaveform) waveform = NULL;

  tl_test_make_media (path,
                      "interleave name=i ! audioconvert ! audio/x-raw,format=S16LE,channels=2 ! wavenc"
                      " ! filesink location=\"%s\""
                      " audiotestsrc wave=square volume=0.8 num-buffers=10 ! audio/x-raw,rate=16000,channels=1 ! i."
                      " audiotestsrc wave=square volume=0.1 num-buffers=10 ! audio/x-raw,rate=16000,channels=1 ! i.",
                      path);
  waveform = tl_waveform_compute (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (tl_waveform_get_peak (waveform, 100000, 110000), 0.8, 0.002);
}

/* The sound of a video: its pictures are not decoded, its length is the
 * video's. */
static void
test_video (void)
{
  g_autofree char *path = tl_test_make_video (dir, "clip.webm", 3, "25/1");
  g_autoptr(GError) error = NULL;
  g_autoptr(TlWaveform) waveform = tl_waveform_compute (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (ABS (tl_waveform_get_duration (waveform) - 3 * TL_USEC_PER_SEC), <=, 30000);
  g_assert_cmpfloat (tl_waveform_get_peak (waveform, 0, 3 * TL_USEC_PER_SEC), >, 0.5);
}

/* Long sounds are decoded in parts, in parallel: the same peaks as one
 * pass, in the same places. Steps of loudness, two seconds each. */
static void
test_parts (void)
{
  g_autofree char *path = g_build_filename (dir, "steps.ogg", NULL);
  g_autoptr(GString) description = g_string_new ("concat name=c ! audioconvert ! vorbisenc ! oggmux"
                                                  " ! filesink location=\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(TlWaveform) whole = NULL, parts = NULL;
  guint differing = 0;

  g_string_append_printf (description, "%s\"", path);
  for (int i = 1; i <= 9; i++)
    g_string_append_printf (description, " audiotestsrc wave=sine volume=0.%d num-buffers=20 samplesperbuffer=1600"
                                         " ! audio/x-raw,rate=16000,channels=1 ! c.", i);
  tl_test_make_media (path, "%s", description->str);

  whole = tl_waveform_compute_in_parts (path, 1, 0, NULL, &error);
  g_assert_no_error (error);
  parts = tl_waveform_compute_in_parts (path, 3, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tl_waveform_get_n_peaks (parts), ==, tl_waveform_get_n_peaks (whole));
  g_assert_cmpint (ABS ((gint64) tl_waveform_get_n_peaks (whole) - 1800), <=, 2);
  for (gint64 t = 0; t < 18 * TL_USEC_PER_SEC; t += 10000)
    {
      float a = tl_waveform_get_peak (whole, t, t + 10000), b = tl_waveform_get_peak (parts, t, t + 10000);
      if (ABS (a - b) > 0.01)
        differing++;
    }
  /* the codec's state differs for a few milliseconds after a part starts */
  g_assert_cmpuint (differing, <=, 4);
  /* each step where it belongs */
  for (int i = 1; i <= 9; i++)
    g_assert_cmpfloat_with_epsilon (tl_waveform_get_peak (parts, (2 * i - 1) * TL_USEC_PER_SEC,
                                                          (2 * i - 1) * TL_USEC_PER_SEC + 10000), i / 10.0, 0.03);
}

static void
test_errors (void)
{
  g_autofree char *silent = g_build_filename (dir, "silent.webm", NULL);
  g_autofree char *missing = g_build_filename (dir, "nowhere.wav", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.wav", NULL);
  g_autoptr(GError) error = NULL;

  tl_test_make_media (silent,
                      "videotestsrc num-buffers=25 ! video/x-raw,width=160,height=120,framerate=25/1"
                      " ! vp8enc deadline=1 ! webmmux ! filesink location=\"%s\"", silent);
  g_assert_null (tl_waveform_compute (silent, NULL, &error));
  g_assert_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NO_AUDIO);
  g_assert_nonnull (strstr (error->message, silent));
  g_clear_error (&error);

  g_assert_null (tl_waveform_compute (missing, NULL, &error));
  g_assert_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (text, "Words, not sound.\n", -1, NULL));
  g_assert_null (tl_waveform_compute (text, NULL, &error));
  g_assert_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NOT_MEDIA);
  g_assert_nonnull (strstr (error->message, text));
}

static void
test_cancel (void)
{
  g_autofree char *path = make_tone_then_silence ("cancel.wav", "wavenc");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_null (tl_waveform_compute (path, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
on_loaded (GObject *source, GAsyncResult *result, gpointer data)
{
  TlWaveform **out = data;
  g_autoptr(GError) error = NULL;

  *out = tl_waveform_load_finish (result, &error);
  g_assert_no_error (error);
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

/* Computed once in a thread; the next opening takes the library's copy. */
static void
test_cached (void)
{
  g_autofree char *path = make_tone_then_silence ("cached.wav", "wavenc");
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  static const char srt[] = "1\n00:00:00,000 --> 00:00:01,000\nA tone.\n";
  TlImportOptions options = { "cached.srt", NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = tl_library_open (db, &error);
  g_autoptr(TlDocument) doc = tl_import_bytes ("cached.srt", srt, strlen (srt), NULL, NULL, &error);
  g_autoptr(TlWaveform) first = NULL, second = NULL, third = NULL;
  gint64 source_id;

  g_assert_no_error (error);
  source_id = tl_library_add_document (library, doc, &options, &error);
  g_assert_no_error (error);

  first = load (library, source_id, path);
  g_assert_false (tl_waveform_get_cached (first));
  assert_tone_then_silence (first, 0.002);
  g_assert_cmpint (tl_test_count_rows (library, "waveform"), ==, 1);

  second = load (library, source_id, path);
  g_assert_true (tl_waveform_get_cached (second));
  g_assert_true (g_bytes_equal (tl_waveform_get_bytes (first), tl_waveform_get_bytes (second)));
  assert_tone_then_silence (second, 0.002);

  /* the file changed: computed again */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_free (make_tone_then_silence ("cached.wav", "audioresample ! audio/x-raw,rate=22050 ! wavenc"));
  third = load (library, source_id, path);
  g_assert_false (tl_waveform_get_cached (third));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);
  dir = tl_test_tmpdir_new ();
  g_test_add_func ("/media/waveform/wav", test_wav);
  g_test_add_func ("/media/waveform/vorbis", test_vorbis);
  g_test_add_func ("/media/waveform/stereo", test_stereo);
  g_test_add_func ("/media/waveform/video", test_video);
  g_test_add_func ("/media/waveform/parts", test_parts);
  g_test_add_func ("/media/waveform/errors", test_errors);
  g_test_add_func ("/media/waveform/cancel", test_cancel);
  g_test_add_func ("/media/waveform/cached", test_cached);
  status = g_test_run ();
  tl_test_tmpdir_free (dir);
  /* joins GStreamer's pooled threads, so that leak checkers see a quiet process */
  gst_deinit ();
  return status;
}
