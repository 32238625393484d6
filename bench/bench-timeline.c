/* bench-timeline.c: the timeline strip's drawing, against the issue's
 * target: a 3-hour source with 1,000 clips (overlapping, one to three
 * topics each) and 20 chapters, 1280 px wide, under 4 ms a frame. Prints
 * the time to build the strip's render node (GtkSnapshot to GskRenderNode)
 * when everything is drawn again (a zoom, a scroll, an edit), when only
 * the playhead moved (playback), and the cairo renderer's time to paint
 * that node offscreen. Needs a display for GTK: run it as
 *   xvfb-run -a build/bench/bench-timeline [PNG-PREFIX]
 * With PNG-PREFIX, the strip is also saved as PNG-PREFIX-whole.png and
 * PNG-PREFIX-zoomed.png, to look at. */
#include <gtk/gtk.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-text.h"
#include "tl-document.h"
#include "tl-library.h"
#include "tl-timeline-private.h"

#define HOURS 3
#define N_CLIPS 1000
#define N_FRAMES 200
#define WIDTH 1280

static const char *const topic_names[] = { "Diplomacy", "Economy", "Military", "Energy", "Protest", "Trade" };
static const char *const topic_colors[] = { "#3584e4", "#e66100", "#2ec27e", "#f5c211", "#c01c28", "#9141ac" };

static TlLibrary *
make_library (const char *dir, gint64 duration, gint64 *source_id)
{
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(GError) error = NULL;
  TlLibrary *library = tl_library_open (path, &error);
  TlDocument *doc = tl_document_new ("bench");
  g_autoptr(GArray) specs = g_array_new (FALSE, TRUE, sizeof (TlClipSpec));
  g_autofree gint64 *ids = g_new0 (gint64, N_CLIPS);
  GRand *rand = g_rand_new_with_seed (14);
  const char *topics[N_CLIPS][4];

  if (library == NULL)
    g_error ("%s", error->message);
  doc->title = "Three hours";
  doc->timing = TL_TIMING_NATIVE;
  doc->kind = TL_SOURCE_KIND_VIDEO;
  doc->duration = duration;
  for (gint64 t = 0; t < duration; t += 10 * G_USEC_PER_SEC)
    tl_document_add_segment (doc, t, t + 10 * G_USEC_PER_SEC, "A line of the transcript.", -1);
  for (guint i = 0; i < 20; i++)
    tl_document_add_chapter (doc, duration / 20 * i, "A chapter of the programme");
  *source_id = tl_library_add_document (library, doc, NULL, &error);
  tl_document_free (doc);
  if (*source_id == 0)
    g_error ("%s", error->message);
  for (guint i = 0; i < G_N_ELEMENTS (topic_names); i++)
    {
      g_autoptr(TlTopic) topic = tl_library_add_topic (library, topic_names[i], i + 1, topic_colors[i], &error);
      if (topic == NULL)
        g_error ("%s", error->message);
    }
  for (guint i = 0; i < N_CLIPS; i++)
    {
      TlClipSpec spec = { 0 };
      guint n = g_rand_int_range (rand, 1, 4);

      spec.source_id = *source_id;
      spec.first_segment = spec.last_segment = -1;
      spec.in = g_rand_int_range (rand, 0, (gint32) (duration / 1000 - 60000)) * G_GINT64_CONSTANT (1000);
      spec.out = spec.in + g_rand_int_range (rand, 3000, 45000) * G_GINT64_CONSTANT (1000);
      for (guint t = 0; t < n; t++)
        topics[i][t] = topic_names[(i + t * 2) % G_N_ELEMENTS (topic_names)];
      topics[i][n] = NULL;
      spec.topics = topics[i];
      g_array_append_val (specs, spec);
    }
  if (!tl_library_add_clips (library, (TlClipSpec *) specs->data, specs->len, ids, &error))
    g_error ("%s", error->message);
  g_rand_free (rand);
  return library;
}

/* Loud speech-like peaks for every 10 ms of the three hours. */
static TlWaveform *
make_waveform (gint64 duration)
{
  guint n = duration / G_USEC_PER_SEC * TL_WAVEFORM_PEAKS_PER_SECOND;
  guint16 *peaks = g_new (guint16, n);
  GRand *rand = g_rand_new_with_seed (3);
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < n; i++)
    peaks[i] = GUINT16_TO_LE ((guint16) (g_rand_int_range (rand, 0, 40000) * ((i / 50) % 7 != 0)));
  g_rand_free (rand);
  bytes = g_bytes_new_take (peaks, n * sizeof (guint16));
  return tl_waveform_new (TL_WAVEFORM_PEAKS_PER_SECOND, bytes, TRUE);
}

static GskRenderNode *
snapshot_node (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

static void
save_png (TlTimeline *timeline, GskRenderer *renderer, const char *prefix, const char *name)
{
  g_autofree char *path = g_strdup_printf ("%s-%s.png", prefix, name);
  GtkWidget *widget = GTK_WIDGET (timeline);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  GdkTexture *texture;
  const GdkRGBA white = { 1, 1, 1, 1 };
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  /* on the window's background, as it shows */
  gtk_snapshot_append_color (snapshot, &white, &GRAPHENE_RECT_INIT (0, 0, width, height));
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_save_to_png (texture, path);
  printf ("saved %s\n", path);
  g_object_unref (texture);
  gsk_render_node_unref (node);
}

typedef enum { REDRAW_ALL, REDRAW_PLAYHEAD, REDRAW_SCROLL } Redraw;

/* Median and worst ms of N_FRAMES snapshots, and of painting the last ones. */
static void
measure (const char *what, TlTimeline *timeline, GskRenderer *renderer, Redraw redraw)
{
  double build[N_FRAMES], paint[N_FRAMES / 10];
  gint64 start, span;

  tl_timeline_get_view (timeline, &start, &span);
  for (guint i = 0; i < N_FRAMES; i++)
    {
      GskRenderNode *node;
      double t0;

      if (redraw == REDRAW_ALL)
        tl_timeline_invalidate (timeline);
      else if (redraw == REDRAW_SCROLL)
        tl_timeline_set_view (timeline, start + (gint64) i * span / 100, span);
      tl_timeline_set_position (timeline, start + (gint64) i * span / N_FRAMES);
      t0 = bench_now ();
      node = snapshot_node (GTK_WIDGET (timeline));
      build[i] = (bench_now () - t0) * 1000;
      if (i % 10 == 0)
        {
          GdkTexture *texture;
          t0 = bench_now ();
          texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, WIDTH, 100));
          paint[i / 10] = (bench_now () - t0) * 1000;
          g_object_unref (texture);
        }
      gsk_render_node_unref (node);
    }
  qsort (build, N_FRAMES, sizeof (double), bench_compare_double);
  qsort (paint, N_FRAMES / 10, sizeof (double), bench_compare_double);
  printf ("%-34s node %6.2f ms median, %6.2f ms worst; cairo paint %6.2f ms median\n", what, build[N_FRAMES / 2],
          build[N_FRAMES - 1], paint[N_FRAMES / 20]);
}

int
main (int argc, char **argv)
{
  gint64 duration = HOURS * G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC;
  g_autofree char *dir = g_dir_make_tmp ("bench-timeline-XXXXXX", NULL);
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(GPtrArray) clips = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) chapters = NULL;
  g_autoptr(TlWaveform) waveform = NULL;
  g_autoptr(TlMediaInfo) media = tl_media_info_new ();
  g_autoptr(GError) error = NULL;
  GskRenderer *renderer;
  GtkWidget *window, *timeline;
  gint64 source_id;
  TlClipFilter filter = { 0 };

  gtk_init ();
  library = make_library (dir, duration, &source_id);
  filter.source_ids = &source_id;
  filter.n_source_ids = 1;
  clips = tl_library_list_clips (library, &filter, &error);
  topics = tl_library_list_topics (library, &error);
  chapters = tl_library_get_chapters (library, source_id, &error);
  g_assert_no_error (error);
  waveform = make_waveform (duration);
  media->fps_num = 25;
  media->fps_den = 1;
  media->duration = duration;
  media->has_audio = media->has_video = TRUE;

  window = gtk_window_new ();
  timeline = tl_timeline_new ();
  gtk_widget_set_size_request (timeline, WIDTH, -1);
  gtk_window_set_child (GTK_WINDOW (window), timeline);
  gtk_window_present (GTK_WINDOW (window));
  tl_timeline_set_media (TL_TIMELINE (timeline), duration, media);
  tl_timeline_set_waveform (TL_TIMELINE (timeline), waveform, 2);
  tl_timeline_set_clips (TL_TIMELINE (timeline), clips, topics);
  tl_timeline_set_chapters (TL_TIMELINE (timeline), chapters);
  tl_timeline_set_selected_clip (TL_TIMELINE (timeline), tl_clip_get_id (g_ptr_array_index (clips, 10)));
  tl_timeline_set_pending (TL_TIMELINE (timeline), duration / 3, -1);
  while (gtk_widget_get_width (timeline) < WIDTH || !gtk_widget_get_mapped (timeline))
    g_main_context_iteration (NULL, TRUE);
  renderer = gsk_cairo_renderer_new ();
  if (!gsk_renderer_realize (renderer, NULL, &error))
    g_error ("%s", error->message);

  printf ("%d h source, %u clips in %u lanes, %u chapters, %d x %d px\n", HOURS, clips->len,
          TL_TIMELINE (timeline)->n_lanes, chapters->len, gtk_widget_get_width (timeline),
          gtk_widget_get_height (timeline));
  tl_timeline_set_position (TL_TIMELINE (timeline), duration / 3 + 20 * G_USEC_PER_SEC * 60);
  if (argc > 1)
    save_png (TL_TIMELINE (timeline), renderer, argv[1], "whole");
  measure ("whole source, all drawn again", TL_TIMELINE (timeline), renderer, REDRAW_ALL);
  measure ("whole source, playhead moves", TL_TIMELINE (timeline), renderer, REDRAW_PLAYHEAD);
  tl_timeline_zoom (TL_TIMELINE (timeline), 30, duration / 2);
  if (argc > 1)
    {
      tl_timeline_set_position (TL_TIMELINE (timeline), duration / 2 + 60 * G_USEC_PER_SEC);
      save_png (TL_TIMELINE (timeline), renderer, argv[1], "zoomed");
    }
  measure ("6 min in view, scrolling", TL_TIMELINE (timeline), renderer, REDRAW_SCROLL);
  tl_timeline_set_view (TL_TIMELINE (timeline), duration / 2, 10 * G_USEC_PER_SEC);
  measure ("10 s in view, all drawn again", TL_TIMELINE (timeline), renderer, REDRAW_ALL);

  gsk_renderer_unrealize (renderer);
  g_object_unref (renderer);
  gtk_window_destroy (GTK_WINDOW (window));
  {
    g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_clear_object (&library);
    g_remove (path);
    g_remove (wal);
    g_remove (shm);
    g_rmdir (dir);
  }
  return 0;
}
