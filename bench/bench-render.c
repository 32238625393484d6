/* bench-render.c: how long rendering takes, in seconds per minute of
 * output, for each format this machine encodes, from a 1280x720 25 fps
 * VP8/Vorbis source made here.
 *   build/bench/bench-render [SECONDS] [WIDTHxHEIGHT] */
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <stdio.h>

#include "tl-probe.h"
#include "tl-render.h"
#include "tl-test-media.h"

typedef struct {
  GMainLoop *loop;
  TlRenderResult *result;
  GError *error;
} Run;

static void
on_done (GObject *object, GAsyncResult *result, gpointer user_data)
{
  Run *run = user_data;

  run->result = tl_render_finish (result, &run->error);
  g_main_loop_quit (run->loop);
}

static double
render (TlLibrary *library, const char *topic, const char *format, TlRenderMode mode, const char *output,
        gint64 *written)
{
  const char *const topics[] = { topic, NULL };
  TlClipFilter filter = { .topics = topics, .order = TL_CLIP_ORDER_CREATED };
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  TlRenderOptions options = { .format = format, .mode = mode, .output = output };
  Run run = { loop };
  gint64 start = g_get_monotonic_time ();

  tl_render_async (library, &filter, &options, NULL, NULL, NULL, NULL, on_done, &run);
  g_main_loop_run (loop);
  if (run.result == NULL)
    g_error ("%s: %s", format, run.error->message);
  *written = run.result->duration;
  for (guint i = 0; i < run.result->files->len; i++)
    g_unlink (g_ptr_array_index (run.result->files, i));
  tl_render_result_free (run.result);
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int argc, char **argv)
{
  int seconds = argc > 1 ? atoi (argv[1]) : 60;
  const char *size = argc > 2 ? argv[2] : "1280x720";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tagline-bench-render-XXXXXX", &error);
  g_autofree char *media_path = NULL, *db = NULL, *out = NULL;
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(TlMediaInfo) media = NULL;
  g_autoptr(TlDocument) doc = tl_document_new ("srt");
  g_autoptr(TlTopic) whole = NULL;
  g_autoptr(TlTopic) parts = NULL;
  const char *const whole_topics[] = { "Whole", NULL };
  const char *const part_topics[] = { "Parts", NULL };
  TlImportOptions with_media = { NULL, NULL, NULL };
  TlClipSpec spec = { .first_segment = -1, .last_segment = -1 };
  const TlRenderFormat *const *formats;
  int width = 1280, height = 720;
  guint n;
  gint64 t0;

  g_assert_no_error (error);
  if (sscanf (size, "%dx%d", &width, &height) != 2 || seconds < 2)
    {
      fprintf (stderr, "usage: bench-render [SECONDS] [WIDTHxHEIGHT]\n");
      return 2;
    }
  gst_init (&argc, &argv);
  media_path = g_build_filename (dir, "source.webm", NULL);
  t0 = g_get_monotonic_time ();
  tl_test_make_media (media_path,
                      "videotestsrc pattern=ball num-buffers=%d ! video/x-raw,width=%d,height=%d,framerate=25/1"
                      " ! timeoverlay ! vp8enc deadline=1 cpu-used=8 ! webmmux name=mux ! filesink location=\"%s\""
                      " audiotestsrc num-buffers=%d samplesperbuffer=1600 ! audio/x-raw,rate=48000,channels=2"
                      " ! audioconvert ! vorbisenc ! mux.",
                      seconds * 25, width, height, media_path, seconds * 30);
  printf ("source: %d s of %dx%d at 25 fps, VP8/Vorbis, made in %.1f s\n", seconds, width, height,
          (g_get_monotonic_time () - t0) / 1e6);

  db = g_build_filename (dir, "library.db", NULL);
  out = g_build_filename (dir, "out", NULL);
  library = tl_library_open (db, &error);
  g_assert_no_error (error);
  media = tl_probe_file (media_path, &error);
  g_assert_no_error (error);
  with_media.media = media;
  doc->title = "Bench";
  doc->timing = TL_TIMING_NATIVE;
  tl_document_add_segment (doc, 0, (gint64) seconds * G_USEC_PER_SEC, "Words.", -1);
  tl_document_apply_media (doc, media);
  spec.source_id = tl_library_add_document (library, doc, &with_media, &error);
  g_assert_no_error (error);
  whole = tl_library_add_topic (library, whole_topics[0], 1, NULL, &error);
  g_assert_no_error (error);
  parts = tl_library_add_topic (library, part_topics[0], 2, NULL, &error);
  g_assert_no_error (error);
  /* one clip of the whole; and ten clips out of order, for a reel */
  spec.in = 0;
  spec.out = (gint64) seconds * G_USEC_PER_SEC;
  spec.topics = whole_topics;
  tl_library_add_clip (library, &spec, &error);
  g_assert_no_error (error);
  spec.topics = part_topics;
  for (int k = 0; k < 10; k++)
    {
      int part = (k * 7) % 10;
      spec.in = (gint64) seconds * G_USEC_PER_SEC * part / 10;
      spec.out = (gint64) seconds * G_USEC_PER_SEC * (part + 1) / 10;
      tl_library_add_clip (library, &spec, &error);
      g_assert_no_error (error);
    }

  printf ("seconds of work per minute of output (and times faster than real time):\n");
  printf ("%-6s %-24s %18s %18s\n", "format", "encoders", "one clip", "reel of 10 clips");
  formats = tl_render_formats (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *encoders = NULL;
      gint64 written = 0;
      double elapsed;

      if (!formats[i]->available)
        {
          printf ("%-6s not here: %s\n", formats[i]->name, formats[i]->missing);
          continue;
        }
      encoders = g_strdup_printf ("%s, %s", formats[i]->video_encoder, formats[i]->audio_encoder);
      printf ("%-6s %-24s", formats[i]->name, encoders);
      elapsed = render (library, whole_topics[0], formats[i]->name, TL_RENDER_MODE_CLIPS, out, &written);
      printf (" %8.2f (%5.1fx)", elapsed * 60e6 / written, written / 1e6 / elapsed);
      elapsed = render (library, part_topics[0], formats[i]->name, TL_RENDER_MODE_REEL, out, &written);
      printf (" %10.2f (%5.1fx)\n", elapsed * 60e6 / written, written / 1e6 / elapsed);
      fflush (stdout);
    }
  g_rmdir (out);
  g_unlink (db);
  g_unlink (media_path);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
