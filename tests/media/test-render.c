/* test-render.c: clips rendered with GStreamer Editing Services from media
 * made here (a moving ball with its running time burnt in, and a tone) at
 * 25 and 29.97 fps: each file lasts the clip's snapped frames and starts on
 * its in frame, in every format this machine encodes; a reel lays the clips
 * end to end; hostile names give valid file names; quotes and clips without
 * media are left out with a message; cancelling leaves no file. */
#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>
#include <string.h>

#include "tl-import-job.h"
#include "tl-probe.h"
#include "tl-render.h"
#include "tl-test-media.h"
#include "tl-test-util.h"

#define SECONDS 8
#define FRAME_W 160
#define FRAME_H 120

static const char *const hostile_title = "<&\">/\\:*?| \u202Egpj.exe Line\nbreak\t🎉👍🏽 עברית, مرحبا — "
                                         "A long title, with words A long title, with words A long title, with words "
                                         "A long title, with words A long title, with words A long title, with words "
                                         "A long title, with words A long title, with words A long title, with words";

typedef struct {
  char *dir;
  TlLibrary *library;
  gint64 pal;         /* 25 fps video */
  gint64 ntsc;        /* 29.97 fps video */
  gint64 tone;        /* audio only */
  gint64 hostile;     /* the 25 fps video again, with a hostile title */
  gint64 no_media;    /* a transcript alone */
  gint64 gone;        /* its media was deleted after the import */
  gint64 article;     /* paragraphs without times */
  GPtrArray *pal_frames;
  GPtrArray *ntsc_frames;
} Fixture;

static Fixture fx;

/* Media and library */

static const char *const srt =
  "1\n00:00:00,000 --> 00:00:02,000\nThe summit opened with a parade.\n\n"
  "2\n00:00:02,000 --> 00:00:04,000\nAmmunition supplies were discussed.\n\n"
  "3\n00:00:04,000 --> 00:00:06,000\nA cheer from the crowd.\n\n"
  "4\n00:00:06,000 --> 00:00:08,000\nNorth Korea denied the weapons trade.\n\n";

/* A moving ball (every frame differs from its neighbours) with the
 * running time burnt in, and a tone, as VP8/Vorbis WebM. */
static char *
make_video (const char *name, const char *rate, int frames)
{
  char *path = g_build_filename (fx.dir, name, NULL);

  tl_test_make_media (path,
                      "videotestsrc pattern=ball num-buffers=%d ! video/x-raw,width=320,height=240,framerate=%s"
                      " ! timeoverlay font-desc=\"Sans 24\" ! vp8enc deadline=1 ! webmmux name=mux"
                      " ! filesink location=\"%s\""
                      " audiotestsrc num-buffers=%d samplesperbuffer=1000 ! audio/x-raw,rate=16000"
                      " ! audioconvert ! vorbisenc ! mux.",
                      frames, rate, path, SECONDS * 16);
  return path;
}

static gint64
import (const char *name, const char *media)
{
  g_autofree char *path = g_build_filename (fx.dir, name, NULL);
  const char *paths[] = { path, NULL };
  g_autoptr(TlImportReport) report = NULL;
  TlImportItem *item;

  g_assert_true (g_file_set_contents (path, srt, -1, NULL));
  report = tl_import_job_run (fx.library, paths, media, NULL, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (report->n_imported, ==, 1);
  item = g_ptr_array_index (report->items, 0);
  g_assert_null (item->error);
  return item->source_id;
}

static gint64
import_article (void)
{
  g_autoptr(TlDocument) doc = tl_document_new ("text");
  g_autoptr(GError) error = NULL;
  gint64 id;

  tl_document_add_segment (doc, TL_TIME_NONE, TL_TIME_NONE, "The leaders met in Pyongyang.", -1);
  tl_document_add_segment (doc, TL_TIME_NONE, TL_TIME_NONE, "They signed a pact.", -1);
  doc->kind = TL_SOURCE_KIND_ARTICLE;
  doc->timing = TL_TIMING_NONE;
  doc->title = tl_document_strdup (doc, "An article");
  id = tl_library_add_document (fx.library, doc, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_clip (gint64 source, double in, double out, const char *const *topics)
{
  g_autoptr(GError) error = NULL;
  TlClipSpec spec = { .source_id = source, .first_segment = -1, .last_segment = -1, .topics = topics };
  gint64 id;

  if (in < 0)
    {
      spec.in = spec.out = TL_TIME_NONE;
      spec.first_segment = 0;
      spec.last_segment = 1;
    }
  else
    {
      spec.in = (gint64) (in * 1e6 + 0.5);
      spec.out = (gint64) (out * 1e6 + 0.5);
    }
  id = tl_library_add_clip (fx.library, &spec, &error);
  g_assert_no_error (error);
  return id;
}

#define TOPICS(...) ((const char *const[]) { __VA_ARGS__, NULL })

/* Decoding */

/* Every picture of @path, small and grey: enough to tell frames apart. */
static GPtrArray *
decode_frames (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = g_strdup_printf (
    "filesrc location=\"%s\" ! decodebin ! video/x-raw ! videoconvert ! videoscale"
    " ! video/x-raw,format=GRAY8,width=%d,height=%d,pixel-aspect-ratio=1/1 ! appsink name=sink sync=false",
    path, FRAME_W, FRAME_H);
  g_autoptr(GstElement) pipeline = gst_parse_launch (description, &error);
  g_autoptr(GstElement) sink = NULL;
  GPtrArray *frames = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  GstSample *sample;

  g_assert_no_error (error);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  g_assert_cmpint (gst_element_set_state (pipeline, GST_STATE_PLAYING), !=, GST_STATE_CHANGE_FAILURE);
  while ((sample = gst_app_sink_try_pull_sample (GST_APP_SINK (sink), 20 * GST_SECOND)) != NULL)
    {
      GstBuffer *buffer = gst_sample_get_buffer (sample);
      GstMapInfo map;

      g_assert_true (gst_buffer_map (buffer, &map, GST_MAP_READ));
      g_assert_cmpuint (map.size, ==, FRAME_W * FRAME_H);
      g_ptr_array_add (frames, g_bytes_new (map.data, map.size));
      gst_buffer_unmap (buffer, &map);
      gst_sample_unref (sample);
    }
  g_assert_true (gst_app_sink_is_eos (GST_APP_SINK (sink)));
  gst_element_set_state (pipeline, GST_STATE_NULL);
  return frames;
}

static double
mse (GBytes *a, GBytes *b)
{
  const guint8 *pa = g_bytes_get_data (a, NULL), *pb = g_bytes_get_data (b, NULL);
  double sum = 0;

  for (gsize i = 0; i < FRAME_W * FRAME_H; i++)
    sum += (double) (pa[i] - pb[i]) * (pa[i] - pb[i]);
  return sum / (FRAME_W * FRAME_H);
}

/* The source frame near @expected that @frame shows: the ball moves every
 * frame, so the nearest in pixels is the same picture, re-encoded. */
static gint64
which_frame (GPtrArray *source, GBytes *frame, gint64 expected)
{
  gint64 best = -1;
  double best_mse = G_MAXDOUBLE;

  for (gint64 k = MAX (0, expected - 3); k <= MIN ((gint64) source->len - 1, expected + 3); k++)
    {
      double d = mse (g_ptr_array_index (source, k), frame);
      if (d < best_mse)
        {
          best_mse = d;
          best = k;
        }
    }
  /* the same picture through a lossy encoder, not merely the closest */
  g_assert_cmpfloat (best_mse, <, 30);
  return best;
}

typedef struct {
  GstClockTime duration;
  gboolean video;
  gboolean audio;
  int fps_num;
  int fps_den;
  char *container;
} Discovered;

static void
discover (const char *path, Discovered *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GstDiscoverer) discoverer = gst_discoverer_new (20 * GST_SECOND, &error);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GstDiscovererInfo) info = NULL;
  GList *streams;

  g_assert_no_error (error);
  info = gst_discoverer_discover_uri (discoverer, uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gst_discoverer_info_get_result (info), ==, GST_DISCOVERER_OK);
  memset (out, 0, sizeof *out);
  out->duration = gst_discoverer_info_get_duration (info);
  streams = gst_discoverer_info_get_video_streams (info);
  if (streams)
    {
      out->video = TRUE;
      out->fps_num = gst_discoverer_video_info_get_framerate_num (streams->data);
      out->fps_den = gst_discoverer_video_info_get_framerate_denom (streams->data);
    }
  gst_discoverer_stream_info_list_free (streams);
  streams = gst_discoverer_info_get_audio_streams (info);
  out->audio = streams != NULL;
  gst_discoverer_stream_info_list_free (streams);
  {
    GstDiscovererStreamInfo *top = gst_discoverer_info_get_stream_info (info);
    g_autoptr(GstCaps) caps = gst_discoverer_stream_info_get_caps (top);
    out->container = g_strdup (gst_structure_get_name (gst_caps_get_structure (caps, 0)));
    gst_discoverer_stream_info_unref (top);
  }
}

/* The nearest frame to @usec, computed here rather than taken from the
 * code under test. */
static gint64
nearest_frame (double seconds, int num, int den)
{
  return (gint64) (seconds * num / den + 0.5);
}

static GstClockTime
frames_time (gint64 frames, int num, int den)
{
  return gst_util_uint64_scale (frames, (guint64) den * GST_SECOND, num);
}

/* Rendering, waited for in a main loop */

typedef struct {
  GMainLoop *loop;
  TlRenderResult *result;
  GError *error;
  GCancellable *cancellable;
  guint n_progress;
  double last_fraction;
  guint last_clip;
  guint cancel_at_clip;   /* cancel when this clip starts; 0: never */
  double cancel_at;       /* or past this fraction; 0: never */
  guint ticks;            /* of a timeout in the same main context */
  gboolean elsewhere;     /* progress came outside the caller's main context */
} Run;

static void
on_progress (double fraction, guint clip, guint n_clips, gpointer user_data)
{
  Run *run = user_data;

  run->elsewhere = run->elsewhere || !g_main_context_is_owner (g_main_context_default ());
  g_assert_cmpfloat (fraction, >=, run->last_fraction);
  g_assert_cmpuint (clip, <, n_clips);
  g_assert_cmpuint (clip, >=, run->last_clip);
  run->n_progress++;
  run->last_fraction = fraction;
  run->last_clip = clip;
  if ((run->cancel_at_clip && clip >= run->cancel_at_clip) || (run->cancel_at > 0 && fraction >= run->cancel_at))
    g_cancellable_cancel (run->cancellable);
}

static void
on_done (GObject *object, GAsyncResult *result, gpointer user_data)
{
  Run *run = user_data;

  run->result = tl_render_finish (result, &run->error);
  g_main_loop_quit (run->loop);
}

static gboolean
on_tick (gpointer user_data)
{
  ((Run *) user_data)->ticks++;
  return G_SOURCE_CONTINUE;
}

static TlRenderResult *
render (const TlClipFilter *filter, const TlRenderOptions *options, Run *run, GError **error)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  guint tick = g_timeout_add (5, on_tick, run);

  run->loop = loop;
  run->cancellable = cancellable;
  run->last_fraction = 0;
  run->last_clip = 0;
  tl_render_async (fx.library, filter, options, cancellable, on_progress, run, NULL, on_done, run);
  g_main_loop_run (loop);
  g_source_remove (tick);
  run->loop = NULL;
  run->cancellable = NULL;
  if (run->error)
    g_propagate_error (error, g_steal_pointer (&run->error));
  return g_steal_pointer (&run->result);
}

static GStrv
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  const char *name;

  while (d && (name = g_dir_read_name (d)) != NULL)
    g_strv_builder_add (names, name);
  return g_strv_builder_end (names);
}

static char *
out_dir (const char *name)
{
  char *dir = g_build_filename (fx.dir, "out", name, NULL);

  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  return dir;
}

static const TlRenderedClip *
rendered (TlRenderResult *result, gint64 clip_id)
{
  for (guint i = 0; i < result->clips->len; i++)
    if (g_array_index (result->clips, TlRenderedClip, i).clip_id == clip_id)
      return &g_array_index (result->clips, TlRenderedClip, i);
  g_assert_not_reached ();
}

/* A rendered clip of a video: it lasts its frames and shows the source's
 * frames from in to out. */
static void
check_video_clip (const char *path, GPtrArray *source, gint64 in, gint64 out, int num, int den,
                  const char *container)
{
  g_autoptr(GPtrArray) frames = decode_frames (path);
  GstClockTime length = frames_time (out - in, num, den);
  GstClockTime frame = frames_time (1, num, den);
  g_autofree char *discovered_container = NULL;
  Discovered d;

  discover (path, &d);
  discovered_container = d.container;
  g_assert_cmpstr (d.container, ==, container);
  g_assert_true (d.video);
  g_assert_true (d.audio);
  g_assert_cmpint (d.fps_num, ==, num);
  g_assert_cmpint (d.fps_den, ==, den);
  g_assert_cmpuint (d.duration, >=, length - frame);
  g_assert_cmpuint (d.duration, <=, length + frame);
  g_assert_cmpuint (frames->len, ==, out - in);
  /* every frame, not only the first: a renegotiation mid-stream once
   * dropped one frame and doubled the next */
  for (guint k = 0; k < frames->len; k++)
    g_assert_cmpint (which_frame (source, g_ptr_array_index (frames, k), in + k), ==, in + k);
}

/* Tests */

static void
test_formats (void)
{
  guint n;
  const TlRenderFormat *const *formats = tl_render_formats (&n);
  g_autoptr(GError) error = NULL;
  gboolean webm = FALSE;

  g_assert_cmpuint (n, ==, 3);
  for (guint i = 0; i < n; i++)
    {
      const TlRenderFormat *f = formats[i];
      if (f->available)
        {
          g_autoptr(GstElementFactory) video = gst_element_factory_find (f->video_encoder);
          g_autoptr(GstElementFactory) audio = gst_element_factory_find (f->audio_encoder);
          g_autoptr(GstElementFactory) muxer = gst_element_factory_find (f->muxer);
          g_assert_nonnull (video);
          g_assert_nonnull (audio);
          g_assert_nonnull (muxer);
          g_assert_null (f->missing);
          g_assert_true (tl_render_format_find (f->name, NULL) == f);
        }
      else
        {
          g_assert_nonnull (strstr (f->missing, "install gstreamer1.0-plugins-"));
          g_assert_null (tl_render_format_find (f->name, &error));
          g_assert_error (error, TL_RENDER_ERROR, TL_RENDER_ERROR_NO_ENCODER);
          g_assert_nonnull (strstr (error->message, "gstreamer1.0-plugins-"));
          g_clear_error (&error);
        }
      webm = webm || (strcmp (f->name, "webm") == 0 && f->available);
    }
  /* WebM's encoders come with the packages the project needs anyway */
  g_assert_true (webm);
  g_assert_true (tl_render_format_find ("WebM", NULL) == tl_render_format_find ("webm", NULL));
  g_assert_null (tl_render_format_find ("avi", &error));
  g_assert_error (error, TL_RENDER_ERROR, TL_RENDER_ERROR_UNKNOWN_FORMAT);
  g_assert_nonnull (strstr (error->message, "webm"));
}

/* One file per clip, cut on the snapped frames, at both rates; one clip
 * runs past the end of its media. */
static void
test_clips (void)
{
  g_autofree char *dir = out_dir ("clips");
  const char *const topics[] = { "Clips", NULL };
  TlClipFilter filter = { .topics = topics, .order = TL_CLIP_ORDER_CREATED };
  TlRenderOptions options = { .format = "webm", .output = dir };
  g_autoptr(TlRenderResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  Run run = { 0 };
  struct {
    gint64 source;
    double in, out;
    GPtrArray *frames;
    int num, den;
    gint64 in_frame, out_frame, id;
  } clips[] = {
    { fx.pal, 1.23, 3.07, fx.pal_frames, 25, 1 },
    /* frame 3 at 29.97 is at 100.1 ms; WebM stores 100 ms, and frame 2
     * (66.7 ms) as 67 ms: the frame before a cut can end past it */
    { fx.ntsc, 0.1001, 1.5, fx.ntsc_frames, 30000, 1001 },
    { fx.ntsc, 2.5, 4.0, fx.ntsc_frames, 30000, 1001 },
    /* out past the end: cut at the media's last frame */
    { fx.pal, 7.0, 8.4, fx.pal_frames, 25, 1 },
    /* to the end, from a frame whose predecessor WebM rounded up */
    { fx.ntsc, 237 * 1001 / 30000.0, 8.1, fx.ntsc_frames, 30000, 1001 },
  };

  g_autoptr(TlTopic) topic = tl_library_add_topic (fx.library, "Clips", 0, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (clips); i++)
    {
      clips[i].id = add_clip (clips[i].source, clips[i].in, clips[i].out, TOPICS ("Clips"));
      clips[i].in_frame = nearest_frame (clips[i].in, clips[i].num, clips[i].den);
      clips[i].out_frame = MIN (nearest_frame (clips[i].out, clips[i].num, clips[i].den),
                                (gint64) clips[i].frames->len);
    }
  result = render (&filter, &options, &run, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (result->files->len, ==, G_N_ELEMENTS (clips));
  g_assert_cmpuint (result->clips->len, ==, G_N_ELEMENTS (clips));
  g_assert_cmpuint (result->skipped->len, ==, 0);
  g_assert_cmpstr (result->format->name, ==, "webm");
  for (guint i = 0; i < G_N_ELEMENTS (clips); i++)
    {
      const TlRenderedClip *r = rendered (result, clips[i].id);
      g_autofree char *base = g_path_get_basename (r->path);
      g_autofree char *prefix = g_strdup_printf ("%02u ", i + 1);

      g_assert_cmpstr (r->path, ==, g_ptr_array_index (result->files, i));
      g_assert_true (g_str_has_prefix (base, prefix));
      g_assert_true (g_str_has_suffix (base, " - Clips.webm"));
      g_assert_cmpint (r->in_frame, ==, clips[i].in_frame);
      g_assert_cmpint (r->n_frames, ==, clips[i].out_frame - clips[i].in_frame);
      g_assert_cmpint (r->fps_num, ==, clips[i].num);
      g_assert_cmpint (r->start, ==, 0);
      check_video_clip (r->path, clips[i].frames, clips[i].in_frame, clips[i].out_frame, clips[i].num,
                        clips[i].den, "video/webm");
    }
  /* nothing else in the folder: no temporary file left behind */
  names = list_dir (dir);
  g_assert_cmpuint (g_strv_length (names), ==, G_N_ELEMENTS (clips));
  /* progress came in this thread's main context, which kept running */
  g_assert_cmpuint (run.n_progress, >, 0);
  g_assert_false (run.elsewhere);
  g_assert_cmpfloat (run.last_fraction, ==, 1.0);
  g_assert_cmpuint (run.last_clip, ==, G_N_ELEMENTS (clips) - 1);
  g_assert_cmpuint (run.ticks, >, 0);
}

/* The other containers, where this machine has their encoders. */
static void
test_format (gconstpointer data)
{
  const char *name = data;
  const TlRenderFormat *format = tl_render_format_find (name, NULL);
  g_autofree char *dir = NULL;
  g_autofree char *topic = g_strdup_printf ("Format %s", name);
  const char *const topics[] = { topic, NULL };
  TlClipFilter filter = { .topics = topics };
  TlRenderOptions options = { .format = name, .output = NULL };
  g_autoptr(TlRenderResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlTopic) t = NULL;
  Run run = { 0 };
  gint64 in = nearest_frame (2.0, 30000, 1001), out = nearest_frame (3.2, 30000, 1001);

  if (format == NULL)
    {
      g_test_skip ("no encoders for this format here");
      return;
    }
  dir = out_dir (name);
  options.output = dir;
  t = tl_library_add_topic (fx.library, topic, 0, NULL, &error);
  g_assert_no_error (error);
  add_clip (fx.ntsc, 2.0, 3.2, topics);
  result = render (&filter, &options, &run, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->files->len, ==, 1);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (result->files, 0), format->extension));
  check_video_clip (g_ptr_array_index (result->files, 0), fx.ntsc_frames, in, out, 30000, 1001,
                    strcmp (name, "mp4") == 0 ? "video/quicktime" : "video/x-matroska");
}

/* A clip of sound alone gives a file of sound alone, on the default grid. */
static void
test_audio_only (void)
{
  g_autofree char *dir = out_dir ("audio");
  g_autoptr(GError) error = NULL;
  g_autoptr(TlTopic) t = tl_library_add_topic (fx.library, "Tone", 0, NULL, &error);
  const char *const topics[] = { "Tone", NULL };
  TlClipFilter filter = { .topics = topics };
  TlRenderOptions options = { .output = dir };
  g_autoptr(TlRenderResult) result = NULL;
  Run run = { 0 };
  GstClockTime length = frames_time (nearest_frame (2.0, 25, 1) - nearest_frame (0.52, 25, 1), 25, 1);
  Discovered d;

  g_assert_no_error (error);
  add_clip (fx.tone, 0.52, 2.0, topics);
  result = render (&filter, &options, &run, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->files->len, ==, 1);
  discover (g_ptr_array_index (result->files, 0), &d);
  g_assert_false (d.video);
  g_assert_true (d.audio);
  g_assert_cmpuint (d.duration, >=, length - GST_SECOND / 25);
  g_assert_cmpuint (d.duration, <=, length + GST_SECOND / 25);
  g_free (d.container);
}

/* The brightest pixel: the ball and the burnt-in time are white. */
static guint
max_level (GBytes *frame)
{
  const guint8 *p = g_bytes_get_data (frame, NULL);
  guint max = 0;

  for (gsize i = 0; i < FRAME_W * FRAME_H; i++)
    max = MAX (max, p[i]);
  return max;
}

/* The clips end to end in one file at the first clip's rate: a 29.97 clip
 * in a 25 fps reel keeps its length, a clip to the end of its media is
 * followed at once, and a clip of sound alone shows black. */
static void
test_reel (void)
{
  g_autofree char *dir = out_dir ("reel");
  g_autofree char *path = g_build_filename (dir, "selects.webm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlTopic) t = tl_library_add_topic (fx.library, "Reel", 0, NULL, &error);
  const char *const topics[] = { "Reel", NULL };
  TlClipFilter filter = { .topics = topics, .order = TL_CLIP_ORDER_CREATED };
  TlRenderOptions options = { .mode = TL_RENDER_MODE_REEL, .output = path };
  g_autoptr(TlRenderResult) result = NULL;
  g_autoptr(GPtrArray) frames = NULL;
  g_autofree char *old = NULL;
  Run run = { 0 };
  gint64 pal_in = nearest_frame (1.23, 25, 1), pal_out = nearest_frame (3.07, 25, 1);
  gint64 ntsc_in = nearest_frame (0.1001, 30000, 1001), ntsc_out = nearest_frame (1.5, 30000, 1001);
  gint64 end_in = nearest_frame (7.0, 25, 1), end_out = SECONDS * 25;
  gint64 tone_frames = nearest_frame (3.0, 25, 1) - nearest_frame (1.0, 25, 1);
  /* the 29.97 clip's length, in the reel's frames */
  gint64 ntsc_in_reel = (gint64) ((ntsc_out - ntsc_in) * 1001.0 / 30000 * 25 + 0.5);
  gint64 at_ntsc = pal_out - pal_in, at_end = at_ntsc + ntsc_in_reel, at_tone = at_end + end_out - end_in;
  gint64 total = at_tone + tone_frames;
  /* the clip to the end of its media ends a quarter of a frame early */
  GstClockTime quarter = GST_SECOND / 25 / 4;
  gint64 pal_id, ntsc_id, end_id, tone_id;
  Discovered d;

  g_assert_no_error (error);
  g_assert_true (g_mkdir_with_parents (dir, 0755) == 0);
  /* a reel named as a file replaces it */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  pal_id = add_clip (fx.pal, 1.23, 3.07, topics);
  ntsc_id = add_clip (fx.ntsc, 0.1001, 1.5, topics);
  end_id = add_clip (fx.pal, 7.0, 9.0, topics);
  tone_id = add_clip (fx.tone, 1.0, 3.0, topics);
  result = render (&filter, &options, &run, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (result->files->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (result->files, 0), ==, path);
  g_assert_true (g_file_get_contents (path, &old, NULL, NULL));
  g_assert_cmpstr (old, !=, "old");
  g_assert_cmpint (rendered (result, pal_id)->start, ==, 0);
  g_assert_cmpint (rendered (result, ntsc_id)->start, ==, frames_time (at_ntsc, 25, 1) / GST_USECOND);
  g_assert_cmpint (rendered (result, end_id)->start, ==, frames_time (at_end, 25, 1) / GST_USECOND);
  g_assert_cmpint (rendered (result, end_id)->n_frames, ==, end_out - end_in);
  g_assert_cmpint (rendered (result, tone_id)->start, ==, (frames_time (at_tone, 25, 1) - quarter) / GST_USECOND);
  g_assert_cmpint (result->duration, ==, (frames_time (total, 25, 1) - quarter) / GST_USECOND);

  discover (path, &d);
  g_assert_cmpstr (d.container, ==, "video/webm");
  g_free (d.container);
  g_assert_true (d.audio);
  g_assert_cmpint (d.fps_num, ==, 25);
  g_assert_cmpint (d.fps_den, ==, 1);
  g_assert_cmpuint (d.duration, >=, frames_time (total - 1, 25, 1));
  g_assert_cmpuint (d.duration, <=, frames_time (total + 1, 25, 1));

  frames = decode_frames (path);
  g_assert_cmpuint (frames->len, ==, total);
  /* the 25 fps clips frame for frame; the 29.97 one from its in frame */
  for (gint64 k = 0; k < at_ntsc; k++)
    g_assert_cmpint (which_frame (fx.pal_frames, g_ptr_array_index (frames, k), pal_in + k), ==, pal_in + k);
  g_assert_cmpint (which_frame (fx.ntsc_frames, g_ptr_array_index (frames, at_ntsc), ntsc_in), ==, ntsc_in);
  for (gint64 k = at_end; k < at_tone; k++)
    g_assert_cmpint (which_frame (fx.pal_frames, g_ptr_array_index (frames, k), end_in + k - at_end), ==,
                     end_in + k - at_end);
  /* the sound alone: black, from its first frame to its last */
  g_assert_cmpuint (max_level (g_ptr_array_index (frames, at_tone - 1)), >, 200);
  g_assert_cmpuint (max_level (g_ptr_array_index (frames, at_tone)), <, 40);
  g_assert_cmpuint (max_level (g_ptr_array_index (frames, frames->len - 1)), <, 40);
}

static void
assert_valid_name (const char *path, const char *dir)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpstr (parent, ==, dir);
  g_assert_true (g_utf8_validate (base, -1, NULL));
  g_assert_cmpuint (strlen (base), <=, 255);
  g_assert_true (base[0] != '.' && base[0] != '-');
  g_assert_null (strpbrk (base, "/\\:*?\"<>|\n\r\t"));
  g_assert_null (strstr (base, "\u202e"));
  g_assert_true (g_str_has_suffix (base, ".webm"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* Hostile titles and topics give valid names; a second render into the
 * same folder keeps the first one's files. */
static void
test_names (void)
{
  g_autofree char *dir = out_dir ("names");
  g_autofree char *reel_dir = out_dir ("names-reel");
  g_autoptr(GError) error = NULL;
  const char *const hostile_topics[] = { "Weapons, arms & \"ammo\"", "<b>Reaction</b>/..", "🎉 Emoji", NULL };
  TlClipFilter filter = { .source_ids = &fx.hostile, .n_source_ids = 1 };
  TlRenderOptions options = { .output = dir };
  g_autoptr(TlRenderResult) first = NULL;
  g_autoptr(TlRenderResult) second = NULL;
  g_autoptr(TlRenderResult) reel = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  Run run = { 0 };

  for (guint i = 0; hostile_topics[i]; i++)
    {
      g_autoptr(TlTopic) t = tl_library_add_topic (fx.library, hostile_topics[i], 0, NULL, &error);
      g_assert_no_error (error);
    }
  add_clip (fx.hostile, 1.0, 1.4, hostile_topics);
  add_clip (fx.hostile, 2.0, 2.4, hostile_topics);
  first = render (&filter, &options, &run, &error);
  g_assert_no_error (error);
  second = render (&filter, &options, &run, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (first->files->len, ==, 2);
  g_assert_cmpuint (second->files->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const char *a = g_ptr_array_index (first->files, i), *b = g_ptr_array_index (second->files, i);
      g_autofree char *base = g_path_get_basename (a);
      g_autofree char *stem = g_strndup (base, strlen (base) - strlen (".webm"));
      g_autofree char *again = g_strconcat (stem, " (2).webm", NULL);
      g_autofree char *again_base = g_path_get_basename (b);

      assert_valid_name (a, dir);
      assert_valid_name (b, dir);
      g_assert_cmpstr (again_base, ==, again);
      g_assert_true (g_hash_table_add (names, (gpointer) a));
      g_assert_true (g_hash_table_add (names, (gpointer) b));
      /* what could be kept of the title and topics is there */
      g_assert_nonnull (strstr (base, "gpj.exe Line break 🎉👍🏽 עברית, مرحبا — A long title"));
    }
  g_assert_nonnull (strstr (g_ptr_array_index (first->files, 0), "/01 _&'_---__- gpj.exe Line break"));

  /* a reel named by a hostile title in a folder */
  g_assert_cmpint (g_mkdir_with_parents (reel_dir, 0755), ==, 0);
  options.mode = TL_RENDER_MODE_REEL;
  options.output = reel_dir;
  options.title = hostile_title;
  reel = render (&filter, &options, &run, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reel->files->len, ==, 1);
  assert_valid_name (g_ptr_array_index (reel->files, 0), reel_dir);
}

/* Quotes and clips without media are left out, counted, and said why. */
static void
test_skipped (void)
{
  g_autofree char *dir = out_dir ("skipped");
  g_autoptr(GError) error = NULL;
  g_autoptr(TlTopic) t = tl_library_add_topic (fx.library, "Mixed", 0, NULL, &error);
  const char *const topics[] = { "Mixed", NULL };
  TlClipFilter filter = { .topics = topics, .order = TL_CLIP_ORDER_CREATED };
  TlRenderOptions options = { .output = dir };
  g_autoptr(TlRenderResult) result = NULL;
  Run run = { 0 };
  gint64 quote, no_media, gone, good;
  const TlRenderSkip *skip;

  g_assert_no_error (error);
  quote = add_clip (fx.article, -1, -1, topics);
  no_media = add_clip (fx.no_media, 1.0, 2.0, topics);
  gone = add_clip (fx.gone, 1.0, 2.0, topics);
  good = add_clip (fx.pal, 4.0, 4.5, topics);
  result = render (&filter, &options, &run, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (result->files->len, ==, 1);
  g_assert_cmpint (g_array_index (result->clips, TlRenderedClip, 0).clip_id, ==, good);
  g_assert_cmpuint (result->n_quotes, ==, 1);
  g_assert_cmpuint (result->n_no_media, ==, 2);
  g_assert_cmpuint (result->skipped->len, ==, 3);
  skip = &g_array_index (result->skipped, TlRenderSkip, 0);
  g_assert_cmpint (skip->clip_id, ==, quote);
  g_assert_cmpint (skip->reason, ==, TL_RENDER_SKIP_QUOTE);
  g_assert_nonnull (strstr (skip->message, "An article"));
  g_assert_nonnull (strstr (skip->message, "quote without times"));
  skip = &g_array_index (result->skipped, TlRenderSkip, 1);
  g_assert_cmpint (skip->clip_id, ==, no_media);
  g_assert_cmpint (skip->reason, ==, TL_RENDER_SKIP_NO_MEDIA);
  g_assert_nonnull (strstr (skip->message, "“no-media”"));
  g_assert_nonnull (strstr (skip->message, "has no media file"));
  skip = &g_array_index (result->skipped, TlRenderSkip, 2);
  g_assert_cmpint (skip->clip_id, ==, gone);
  g_assert_cmpint (skip->reason, ==, TL_RENDER_SKIP_MEDIA_MISSING);
  g_assert_nonnull (strstr (skip->message, "gone.webm"));
  g_assert_nonnull (strstr (skip->message, "relink"));

  /* with nothing left, nothing is rendered, and the message says why */
  {
    const char *const none[] = { "Nothing", NULL };
    g_autoptr(TlTopic) nothing = tl_library_add_topic (fx.library, "Nothing", 0, NULL, &error);
    g_autofree char *empty = out_dir ("nothing");
    TlClipFilter only_bad = { .topics = none };
    TlRenderOptions to_empty = { .output = empty };

    g_assert_no_error (error);
    add_clip (fx.no_media, 1.0, 2.0, none);
    g_assert_null (render (&only_bad, &to_empty, &run, &error));
    g_assert_error (error, TL_RENDER_ERROR, TL_RENDER_ERROR_NOTHING);
    g_assert_nonnull (strstr (error->message, "no media file"));
    g_assert_false (g_file_test (empty, G_FILE_TEST_EXISTS));
  }
}

static void
assert_empty (const char *dir)
{
  g_auto(GStrv) names = list_dir (dir);

  for (guint i = 0; names[i]; i++)
    g_test_message ("left behind: %s", names[i]);
  g_assert_cmpuint (g_strv_length (names), ==, 0);
}

/* Cancelling removes the partial file and the files finished before it. */
static void
test_cancel (void)
{
  g_autofree char *dir = out_dir ("cancel");
  g_autofree char *reel_dir = out_dir ("cancel-reel");
  g_autoptr(GError) error = NULL;
  g_autoptr(TlTopic) t = tl_library_add_topic (fx.library, "Long", 0, NULL, &error);
  const char *const topics[] = { "Long", NULL };
  TlClipFilter filter = { .topics = topics, .order = TL_CLIP_ORDER_CREATED };
  TlRenderOptions options = { .output = dir };
  Run run = { .cancel_at_clip = 1 };

  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    add_clip (i % 2 ? fx.ntsc : fx.pal, 0.2, 7.8, topics);

  g_assert_null (render (&filter, &options, &run, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (run.last_clip, <, 3);
  assert_empty (dir);

  /* a reel stopped part way */
  options.mode = TL_RENDER_MODE_REEL;
  options.output = reel_dir;
  run = (Run) { .cancel_at = 0.2 };
  g_assert_null (render (&filter, &options, &run, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (run.last_fraction, <, 1.0);
  assert_empty (reel_dir);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pal = NULL, *ntsc = NULL, *tone = NULL, *gone = NULL, *db = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);
  fx.dir = tl_test_tmpdir_new ();
  db = g_build_filename (fx.dir, "library.db", NULL);
  fx.library = tl_library_open (db, &error);
  g_assert_no_error (error);

  pal = make_video ("pal.webm", "25/1", SECONDS * 25);
  /* 240 frames: 8.008 s, to the end of the 8 s of sound */
  ntsc = make_video ("ntsc.webm", "30000/1001", (int) (SECONDS * 30000 / 1001) + 1);
  tone = tl_test_make_audio (fx.dir, "tone.wav", 4);
  gone = make_video ("gone.webm", "25/1", 3 * 25);
  fx.pal = import ("pal.srt", pal);
  fx.ntsc = import ("ntsc.srt", ntsc);
  fx.tone = import ("tone.srt", tone);
  fx.hostile = import ("hostile.srt", pal);
  g_assert_true (tl_library_rename_source (fx.library, fx.hostile, hostile_title, &error));
  g_assert_no_error (error);
  fx.no_media = import ("no-media.srt", NULL);
  fx.gone = import ("gone.srt", gone);
  g_assert_cmpint (g_unlink (gone), ==, 0);
  fx.article = import_article ();
  fx.pal_frames = decode_frames (pal);
  fx.ntsc_frames = decode_frames (ntsc);
  g_assert_cmpuint (fx.pal_frames->len, ==, SECONDS * 25);

  g_test_add_func ("/media/render/formats", test_formats);
  g_test_add_func ("/media/render/clips", test_clips);
  g_test_add_data_func ("/media/render/format/mkv", "mkv", test_format);
  g_test_add_data_func ("/media/render/format/mp4", "mp4", test_format);
  g_test_add_func ("/media/render/audio-only", test_audio_only);
  g_test_add_func ("/media/render/reel", test_reel);
  g_test_add_func ("/media/render/names", test_names);
  g_test_add_func ("/media/render/skipped", test_skipped);
  g_test_add_func ("/media/render/cancel", test_cancel);
  status = g_test_run ();

  g_ptr_array_unref (fx.pal_frames);
  g_ptr_array_unref (fx.ntsc_frames);
  g_object_unref (fx.library);
  tl_test_tmpdir_free (fx.dir);
  return status;
}
