/* tl-render.c: renders clips as media files with GStreamer Editing
 * Services: a GESTimeline of the clips on their snapped frames, played by a
 * GESPipeline in render mode through an encoding profile of encoders found
 * on this machine. One thread does all GES work, as GES asks. */
#include "tl-render-private.h"
#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include <errno.h>
#include <fcntl.h>
#include <ges/ges.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "tl-export.h"
#include "tl-file-name.h"
#include "tl-progress-relay.h"
#include "tl-timecode.h"

G_DEFINE_QUARK (tl-render-error-quark, tl_render_error)

/* Results */

static void
rendered_clip_clear (gpointer data)
{
  g_free (((TlRenderedClip *) data)->path);
}

static void
skip_clear (gpointer data)
{
  g_free (((TlRenderSkip *) data)->message);
}

void
tl_render_result_free (TlRenderResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->files);
  g_array_unref (result->clips);
  g_array_unref (result->skipped);
  g_free (result);
}

static TlRenderResult *
result_new (const TlRenderFormat *format)
{
  TlRenderResult *result = g_new0 (TlRenderResult, 1);

  result->format = format;
  result->files = g_ptr_array_new_with_free_func (g_free);
  result->clips = g_array_new (FALSE, TRUE, sizeof (TlRenderedClip));
  g_array_set_clear_func (result->clips, rendered_clip_clear);
  result->skipped = g_array_new (FALSE, TRUE, sizeof (TlRenderSkip));
  g_array_set_clear_func (result->skipped, skip_clear);
  return result;
}

/* Progress crosses from the render thread to the caller's main context. */

typedef struct {
  double fraction;
  guint clip;
  guint n_clips;
} ProgressReport;

static void
deliver_progress (GCallback func, gconstpointer report, gpointer func_data)
{
  const ProgressReport *r = report;

  ((TlRenderProgressFunc) func) (r->fraction, r->clip, r->n_clips, func_data);
}

/* The job: what the render thread needs, read from the library on the
 * caller's thread */

typedef struct {
  TlExportItem *item;     /* borrowed from the job's context */
  char *uri;
  gboolean has_video;
  gboolean has_audio;
  int width;
  int height;
  GstClockTime start;     /* in its file */
  GstClockTime duration;  /* in its file: whole frames, but at the end of its media */
  GstClockTime nudge;     /* how far into its in frame the pictures start */
} Piece;

typedef struct {
  TlExportContext *ctx;
  const TlRenderFormat *format;
  TlRenderMode mode;
  char *dir;              /* where the files go */
  char *reel_path;        /* reel: the file to replace, or NULL to name one in dir */
  char *title;
  GArray *pieces;         /* Piece, in order */
  GstClockTime total;     /* of all pieces */
  TlRenderResult *result;
  TlProgressRelay *progress;
  GHashTable *taken;      /* names given in this run */
  GPtrArray *written;     /* files finished in this run, removed if it fails */
  char *temp;             /* the file being written */
  GstClockTime done;      /* rendered before the current file */
  gint64 last_progress;
  double last_fraction;   /* what was last reported: reports never go back */
  guint last_clip;
} RenderJob;

static void
piece_clear (gpointer data)
{
  g_free (((Piece *) data)->uri);
}

static void
render_job_free (RenderJob *job)
{
  tl_export_context_free (job->ctx);
  g_free (job->dir);
  g_free (job->reel_path);
  g_free (job->title);
  g_array_unref (job->pieces);
  if (job->result)
    tl_render_result_free (job->result);
  g_clear_pointer (&job->progress, tl_progress_relay_unref);
  g_hash_table_unref (job->taken);
  g_ptr_array_unref (job->written);
  g_free (job->temp);
  g_free (job);
}

static void
post_progress (RenderJob *job, double fraction, guint clip, gboolean force)
{
  ProgressReport report;
  gint64 now = g_get_monotonic_time ();

  if (job->progress == NULL || (!force && now - job->last_progress < 50 * G_TIME_SPAN_MILLISECOND))
    return;
  job->last_progress = now;
  /* the pipeline's position can step back a little (its branches answer in
   * turn), and a progress bar must not */
  job->last_fraction = MAX (job->last_fraction, CLAMP (fraction, 0.0, 1.0));
  job->last_clip = MAX (job->last_clip, clip);
  report.fraction = job->last_fraction;
  report.clip = job->last_clip;
  report.n_clips = job->pieces->len;
  tl_progress_relay_post (job->progress, &report);
}

static GstClockTime
frame_time (gint64 frame, int fps_num, int fps_den)
{
  return gst_util_uint64_scale (frame, (guint64) fps_den * GST_SECOND, fps_num);
}

static const char *
source_title (TlSource *source)
{
  const char *title = tl_source_get_title (source);

  return title && *title ? title : _("(untitled)");
}

static void
add_skip (RenderJob *job, TlExportItem *item, TlRenderSkipReason reason, char *message)
{
  TlRenderSkip skip = { tl_clip_get_id (item->clip), reason, message };

  g_array_append_val (job->result->skipped, skip);
  if (reason == TL_RENDER_SKIP_QUOTE)
    job->result->n_quotes++;
  else
    job->result->n_no_media++;
}

/* Which clips can be cut: those with times whose media file is there. */
static void
select_pieces (RenderJob *job)
{
  for (guint i = 0; i < job->ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (job->ctx->items, i);
      const TlMediaInfo *media = tl_source_get_media (item->source);
      gint64 id = tl_clip_get_id (item->clip);
      Piece piece = { item };

      if (!item->timed)
        {
          add_skip (job, item, TL_RENDER_SKIP_QUOTE,
                    g_strdup_printf (_("Clip %" PRId64 " of “%s” is a quote without times: only clips of "
                                       "media can be rendered"), id, source_title (item->source)));
          continue;
        }
      if (media == NULL || media->path == NULL || *media->path == '\0' || !(media->has_video || media->has_audio))
        {
          add_skip (job, item, TL_RENDER_SKIP_NO_MEDIA,
                    g_strdup_printf (_("Clip %" PRId64 ": “%s” has no media file: link one to render "
                                       "its clips"), id, source_title (item->source)));
          continue;
        }
      if (!g_file_test (media->path, G_FILE_TEST_IS_REGULAR))
        {
          add_skip (job, item, TL_RENDER_SKIP_MEDIA_MISSING,
                    g_strdup_printf (_("Clip %" PRId64 ": the media of “%s” is not at %s: relink it to "
                                       "render its clips"), id, source_title (item->source), media->path));
          continue;
        }
      piece.uri = g_filename_to_uri (media->path, NULL, NULL);
      if (piece.uri == NULL)
        {
          add_skip (job, item, TL_RENDER_SKIP_MEDIA_MISSING,
                    g_strdup_printf (_("Clip %" PRId64 ": the media path of “%s” is not absolute (%s): "
                                       "relink it"), id, source_title (item->source), media->path));
          continue;
        }
      piece.has_video = media->has_video;
      piece.has_audio = media->has_audio;
      /* 4:2:0 encoders take even sizes only */
      piece.width = media->width & ~1;
      piece.height = media->height & ~1;
      g_array_append_val (job->pieces, piece);
    }
}

/* Where each clip goes in its file. A clip lasts its snapped frames; in a
 * reel of another rate, as many of the reel's frames as come nearest to
 * its length (as the list exporters lay a sequence out). */
static void
lay_out (RenderJob *job, int *reel_num, int *reel_den)
{
  gint64 position = 0;
  Piece *first = NULL;

  for (guint i = 0; i < job->pieces->len && first == NULL; i++)
    if (g_array_index (job->pieces, Piece, i).has_video)
      first = &g_array_index (job->pieces, Piece, i);
  if (first == NULL)
    first = &g_array_index (job->pieces, Piece, 0);
  *reel_num = first->item->fps_num;
  *reel_den = first->item->fps_den;

  for (guint i = 0; i < job->pieces->len; i++)
    {
      Piece *piece = &g_array_index (job->pieces, Piece, i);
      TlExportItem *item = piece->item;
      gint64 frames = item->out_frame - item->in_frame;

      if (job->mode == TL_RENDER_MODE_CLIPS)
        {
          piece->start = 0;
          piece->duration = frame_time (item->out_frame, item->fps_num, item->fps_den)
                            - frame_time (item->in_frame, item->fps_num, item->fps_den);
        }
      else
        {
          if ((gint64) item->fps_num * *reel_den != (gint64) *reel_num * item->fps_den)
            frames = MAX (1, tl_timecode_usec_to_frames (tl_timecode_frames_to_usec (frames, item->fps_num,
                                                                                     item->fps_den),
                                                         *reel_num, *reel_den));
          piece->start = frame_time (position, *reel_num, *reel_den);
          piece->duration = frame_time (position + frames, *reel_num, *reel_den) - piece->start;
          position += frames;
        }
      job->total += piece->duration;
    }
}

/* The render thread */

/* The piece a position in the current file falls in. */
static guint
piece_at (RenderJob *job, guint first, guint last, GstClockTime position)
{
  for (guint i = first; i < last; i++)
    {
      Piece *piece = &g_array_index (job->pieces, Piece, i);
      if (position < piece->start + piece->duration)
        return i;
    }
  return last - 1;
}

/* What is being rendered, for messages: the clip, or the reel. */
static char *
describe_file (RenderJob *job, guint first)
{
  Piece *piece = &g_array_index (job->pieces, Piece, first);

  if (job->mode == TL_RENDER_MODE_REEL)
    /* TRANSLATORS: put in “Cannot write %s in …” and “Rendering %s failed” */
    return g_strdup_printf (_("the reel “%s”"), job->title);
  /* TRANSLATORS: put in “Cannot write %s in …” and “Rendering %s failed” */
  return g_strdup_printf (_("clip %" PRId64 " of “%s”"), tl_clip_get_id (piece->item->clip),
                          source_title (piece->item->source));
}

static gboolean
set_failed (RenderJob *job, guint first, GError *gst_error, GError **error)
{
  g_autofree char *what = describe_file (job, first);

  if (gst_error->domain == GST_RESOURCE_ERROR)
    g_set_error (error, TL_RENDER_ERROR, TL_RENDER_ERROR_OUTPUT, _("Cannot write %s in “%s”: %s"), what, job->dir,
                 gst_error->message);
  else
    g_set_error (error, TL_RENDER_ERROR, TL_RENDER_ERROR_FAILED, _("Rendering %s failed: %s"), what,
                 gst_error->message);
  return FALSE;
}

/* Wakes the render thread at once: it waits on the bus. */
static void
on_cancelled (GCancellable *cancellable, gpointer user_data)
{
  gst_bus_post (user_data, gst_message_new_application (NULL, gst_structure_new_empty ("tl-render-cancelled")));
}

/* Plays @pipeline to its end, reporting progress and stopping when
 * cancelled. */
static gboolean
run_pipeline (RenderJob *job, GstElement *pipeline, guint first, guint last, GCancellable *cancellable,
              GError **error)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);
  gboolean ok = FALSE;
  gulong handler;

  if (gst_element_set_state (pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_autoptr(GstMessage) msg = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
      g_autoptr(GError) gst_error = NULL;

      if (msg)
        gst_message_parse_error (msg, &gst_error, NULL);
      else
        gst_error = g_error_new_literal (GST_CORE_ERROR, GST_CORE_ERROR_STATE_CHANGE, _("the pipeline did not start"));
      gst_element_set_state (pipeline, GST_STATE_NULL);
      return set_failed (job, first, gst_error, error);
    }
  handler = cancellable ? g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled), gst_object_ref (bus),
                                                 gst_object_unref)
                        : 0;
  for (;;)
    {
      g_autoptr(GstMessage) msg = gst_bus_timed_pop_filtered (bus, 100 * GST_MSECOND,
                                                              GST_MESSAGE_EOS | GST_MESSAGE_ERROR
                                                              | GST_MESSAGE_APPLICATION);
      gint64 position = 0;

      if (msg && GST_MESSAGE_TYPE (msg) == GST_MESSAGE_EOS)
        {
          ok = TRUE;
          break;
        }
      if (msg && GST_MESSAGE_TYPE (msg) == GST_MESSAGE_ERROR)
        {
          g_autoptr(GError) gst_error = NULL;
          gst_message_parse_error (msg, &gst_error, NULL);
          set_failed (job, first, gst_error, error);
          break;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        break;
      while (g_main_context_iteration (g_main_context_get_thread_default (), FALSE))
        ;
      if (gst_element_query_position (pipeline, GST_FORMAT_TIME, &position) && position >= 0)
        post_progress (job, (double) (job->done + position) / job->total,
                       piece_at (job, first, last, position), FALSE);
    }
  if (handler)
    g_cancellable_disconnect (cancellable, handler);
  gst_element_set_state (pipeline, GST_STATE_NULL);
  return ok;
}

typedef struct {
  gboolean done;
  GESAsset *asset;
  GError *error;
} AssetRequest;

static void
on_asset_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AssetRequest *request = user_data;

  request->asset = ges_asset_request_finish (result, &request->error);
  request->done = TRUE;
}

/* The asset of a media file, read by GES's discoverer in the render
 * thread's own main context. (ges_uri_clip_asset_request_sync() would run
 * the application's default main context here, and its callbacks with it.) */
static GESUriClipAsset *
load_asset (RenderJob *job, Piece *piece, GHashTable *loaded, GError **error)
{
  GESUriClipAsset *asset = g_hash_table_lookup (loaded, piece->uri);
  GMainContext *context = g_main_context_get_thread_default ();
  AssetRequest request = { 0 };

  if (asset != NULL)
    return asset;
  /* a file replaced since the last render is read again */
  ges_asset_needs_reload (GES_TYPE_URI_CLIP, piece->uri);
  ges_asset_request_async (GES_TYPE_URI_CLIP, piece->uri, NULL, on_asset_loaded, &request);
  while (!request.done)
    g_main_context_iteration (context, TRUE);
  if (request.asset == NULL)
    {
      g_autofree char *path = g_filename_from_uri (piece->uri, NULL, NULL);
      g_set_error (error, TL_RENDER_ERROR, TL_RENDER_ERROR_FAILED, _("The media of “%s” (%s) cannot be read: %s"),
                   source_title (piece->item->source), path,
                   request.error ? request.error->message : _("unknown error"));
      g_clear_error (&request.error);
      return NULL;
    }
  asset = GES_URI_CLIP_ASSET (request.asset);
  g_hash_table_insert (loaded, piece->uri, asset);
  return asset;
}

/* Pictures start a quarter of a frame into the in frame: a frame whose
 * time a container rounded up (WebM and Matroska keep milliseconds) would
 * otherwise end past the cut and come first. The sound is cut on the frame
 * itself.
 *
 * GES shortens a clip that would read past the end of its media, and
 * fills what is left with a frame of black: a clip that runs to the end
 * ends that quarter early instead, and what follows it in a reel moves up
 * by as much. */
static void
fit_pieces (RenderJob *job, guint first, guint last, GHashTable *loaded)
{
  GstClockTime position = g_array_index (job->pieces, Piece, first).start;

  for (guint i = first; i < last; i++)
    {
      Piece *piece = &g_array_index (job->pieces, Piece, i);
      TlExportItem *item = piece->item;
      GESUriClipAsset *asset = g_hash_table_lookup (loaded, piece->uri);
      GstClockTime inpoint = frame_time (item->in_frame, item->fps_num, item->fps_den);
      GstClockTime max = ges_uri_clip_asset_get_max_duration (asset);

      piece->nudge = piece->has_video ? gst_util_uint64_scale (GST_SECOND, item->fps_den, 4 * (guint64) item->fps_num)
                                      : 0;
      if (piece->nudge && GST_CLOCK_TIME_IS_VALID (max) && inpoint + piece->nudge + piece->duration > max
          && max > inpoint + 2 * piece->nudge)
        piece->duration = max - inpoint - piece->nudge;
      piece->start = position;
      position += piece->duration;
    }
}

static gboolean
add_piece (GESLayer *layer, GESUriClipAsset *asset, Piece *piece, GESTrackType type, GError **error)
{
  TlExportItem *item = piece->item;
  GstClockTime inpoint = frame_time (item->in_frame, item->fps_num, item->fps_den);
  g_autoptr(GError) local_error = NULL;

  if (type == GES_TRACK_TYPE_VIDEO)
    inpoint += piece->nudge;
  if (ges_layer_add_asset_full (layer, GES_ASSET (asset), piece->start, inpoint, piece->duration, type,
                                &local_error) == NULL)
    {
      g_set_error (error, TL_RENDER_ERROR, TL_RENDER_ERROR_FAILED, _("Clip %" PRId64 " of “%s” cannot be cut: %s"),
                   tl_clip_get_id (item->clip), source_title (item->source),
                   local_error ? local_error->message : _("GStreamer Editing Services refused it"));
      return FALSE;
    }
  return TRUE;
}

/* The shape of the media's pixels, 1/1 where it does not say. */
static void
pixel_aspect (GESUriClipAsset *asset, int *num, int *den)
{
  GstDiscovererInfo *info = ges_uri_clip_asset_get_info (asset);
  GList *streams = info ? gst_discoverer_info_get_video_streams (info) : NULL;

  if (streams != NULL && gst_discoverer_video_info_get_par_num (streams->data) > 0
      && gst_discoverer_video_info_get_par_denom (streams->data) > 0)
    {
      *num = gst_discoverer_video_info_get_par_num (streams->data);
      *den = gst_discoverer_video_info_get_par_denom (streams->data);
    }
  gst_discoverer_stream_info_list_free (streams);
}

/* Renders pieces [first, last) into job->temp, as one file. */
static gboolean
render_file (RenderJob *job, guint first, guint last, int fps_num, int fps_den, GCancellable *cancellable,
             GError **error)
{
  g_autoptr(GHashTable) loaded = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  g_autoptr(GESTimeline) timeline = gst_object_ref_sink (ges_timeline_new ());
  g_autoptr(GESPipeline) pipeline = NULL;
  g_autoptr(GstEncodingProfile) profile = NULL;
  g_autofree char *uri = NULL;
  GESLayer *video_layer, *audio_layer;
  gboolean video = FALSE, audio = FALSE;
  int width = 0, height = 0, par_num = 1, par_den = 1;

  for (guint i = first; i < last; i++)
    if (load_asset (job, &g_array_index (job->pieces, Piece, i), loaded, error) == NULL)
      return FALSE;
  fit_pieces (job, first, last, loaded);
  for (guint i = first; i < last; i++)
    {
      Piece *piece = &g_array_index (job->pieces, Piece, i);
      if (piece->has_video && !video)
        {
          width = piece->width;
          height = piece->height;
          pixel_aspect (g_hash_table_lookup (loaded, piece->uri), &par_num, &par_den);
        }
      video |= piece->has_video;
      audio |= piece->has_audio;
    }
  if (video)
    {
      GESTrack *track = GES_TRACK (ges_video_track_new ());
      /* Every field the encoder's caps will have, from the start: a
       * pixel-aspect-ratio that came later renegotiated encodebin's
       * videorate mid-stream, which then dropped a frame and doubled
       * another wherever that happened. */
      g_autoptr(GstCaps) caps = gst_caps_new_simple ("video/x-raw", "framerate", GST_TYPE_FRACTION, fps_num, fps_den,
                                                     "pixel-aspect-ratio", GST_TYPE_FRACTION, par_num, par_den,
                                                     NULL);
      if (width > 0 && height > 0)
        gst_caps_set_simple (caps, "width", G_TYPE_INT, width, "height", G_TYPE_INT, height, NULL);
      ges_track_set_restriction_caps (track, caps);
      ges_timeline_add_track (timeline, track);
    }
  if (audio)
    ges_timeline_add_track (timeline, GES_TRACK (ges_audio_track_new ()));
  /* pictures and sound on layers of their own: each is cut on its own in point */
  video_layer = ges_timeline_append_layer (timeline);
  audio_layer = ges_timeline_append_layer (timeline);

  for (guint i = first; i < last; i++)
    {
      Piece *piece = &g_array_index (job->pieces, Piece, i);
      GESUriClipAsset *asset = g_hash_table_lookup (loaded, piece->uri);

      if ((piece->has_video && !add_piece (video_layer, asset, piece, GES_TRACK_TYPE_VIDEO, error))
          || (piece->has_audio && !add_piece (audio_layer, asset, piece, GES_TRACK_TYPE_AUDIO, error)))
        return FALSE;
    }
  ges_timeline_commit (timeline);

  pipeline = gst_object_ref_sink (ges_pipeline_new ());
  profile = tl_render_format_make_profile (job->format, video, audio, width, height, fps_num, fps_den);
  uri = g_filename_to_uri (job->temp, NULL, error);
  if (uri == NULL)
    return FALSE;
  if (!ges_pipeline_set_timeline (pipeline, timeline)
      || !ges_pipeline_set_render_settings (pipeline, uri, profile)
      || !ges_pipeline_set_mode (pipeline, GES_PIPELINE_MODE_RENDER))
    {
      g_set_error (error, TL_RENDER_ERROR, TL_RENDER_ERROR_NO_ENCODER,
                   _("GStreamer cannot set up %s with %s and %s here"), job->format->label,
                   job->format->video_encoder, job->format->audio_encoder);
      return FALSE;
    }
  return run_pipeline (job, GST_ELEMENT (pipeline), first, last, cancellable, error);
}

static gboolean
make_temp (RenderJob *job, GError **error)
{
  g_autofree char *template = g_build_filename (job->dir, ".tagline-render-XXXXXX.part", NULL);
  int fd = g_mkstemp_full (template, O_RDWR, 0644);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, TL_RENDER_ERROR, TL_RENDER_ERROR_OUTPUT, _("Cannot write in the folder “%s”: %s"), job->dir,
                   g_strerror (saved));
      return FALSE;
    }
  close (fd);
  g_free (job->temp);
  job->temp = g_steal_pointer (&template);
  return TRUE;
}

/* Gives the finished temp file its name: @path replacing what is there,
 * or a name from @stem no file has. */
static char *
finish_file (RenderJob *job, const char *path, const char *stem, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (path != NULL)
    {
      if (g_rename (job->temp, path) != 0)
        {
          int saved = errno;
          g_set_error (error, TL_RENDER_ERROR, TL_RENDER_ERROR_OUTPUT, _("Cannot write “%s”: %s"), path,
                       g_strerror (saved));
          return NULL;
        }
      g_clear_pointer (&job->temp, g_free);
      return g_strdup (path);
    }
  for (;;)
    {
      g_autofree char *final = tl_file_name_unique (job->dir, stem, job->format->extension, job->taken);
      g_autoptr(GFile) from = g_file_new_for_path (job->temp);
      g_autoptr(GFile) to = g_file_new_for_path (final);

      /* no overwriting: a file that appeared meanwhile keeps its name */
      if (g_file_move (from, to, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, &local_error))
        {
          g_clear_pointer (&job->temp, g_free);
          return g_steal_pointer (&final);
        }
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_set_error (error, TL_RENDER_ERROR, TL_RENDER_ERROR_OUTPUT, _("Cannot write “%s”: %s"), final,
                       local_error->message);
          return NULL;
        }
      g_clear_error (&local_error);
    }
}

/* "03 Source title - topic, other topic": the filter's order, then what
 * the clip is. */
static char *
clip_stem (RenderJob *job, guint index, Piece *piece)
{
  const char *const *topics = tl_clip_get_topics (piece->item->clip);
  g_autofree char *joined = topics && topics[0] ? g_strjoinv (", ", (char **) topics) : NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  int digits = job->pieces->len >= 1000 ? 4 : job->pieces->len >= 100 ? 3 : 2;

  text = g_strdup_printf ("%s%s%s", source_title (piece->item->source), joined ? " - " : "", joined ? joined : "");
  name = tl_file_name_from_text (text, TL_FILE_NAME_MAX_STEM - 5);
  if (*name == '\0')
    {
      g_free (name);
      name = g_strdup_printf (_("Clip %" PRId64), tl_clip_get_id (piece->item->clip));
    }
  return g_strdup_printf ("%0*u %s", digits, index + 1, name);
}

static void
add_rendered (RenderJob *job, guint first, guint last, const char *path)
{
  for (guint i = first; i < last; i++)
    {
      Piece *piece = &g_array_index (job->pieces, Piece, i);
      TlRenderedClip clip = {
        .clip_id = tl_clip_get_id (piece->item->clip),
        .path = g_strdup (path),
        .start = piece->start / GST_USECOND,
        .duration = piece->duration / GST_USECOND,
        .in_frame = piece->item->in_frame,
        .n_frames = piece->item->out_frame - piece->item->in_frame,
        .fps_num = piece->item->fps_num,
        .fps_den = piece->item->fps_den,
      };

      g_array_append_val (job->result->clips, clip);
      job->result->duration += clip.duration;
    }
  g_ptr_array_add (job->result->files, g_strdup (path));
}

static gboolean
render_job (RenderJob *job, GCancellable *cancellable, GError **error)
{
  int reel_num, reel_den;

  lay_out (job, &reel_num, &reel_den);
  post_progress (job, 0, 0, TRUE);
  if (job->mode == TL_RENDER_MODE_REEL)
    {
      g_autofree char *stem = NULL;
      g_autofree char *path = NULL;

      if (job->reel_path == NULL)
        {
          stem = tl_file_name_from_text (job->title, TL_FILE_NAME_MAX_STEM);
          if (*stem == '\0')
            {
              g_free (stem);
              stem = g_strdup (TL_RENDER_DEFAULT_REEL_TITLE);
            }
        }
      if (!make_temp (job, error) || !render_file (job, 0, job->pieces->len, reel_num, reel_den, cancellable, error)
          || (path = finish_file (job, job->reel_path, stem, error)) == NULL)
        return FALSE;
      g_ptr_array_add (job->written, g_strdup (path));
      add_rendered (job, 0, job->pieces->len, path);
    }
  else
    for (guint i = 0; i < job->pieces->len; i++)
      {
        Piece *piece = &g_array_index (job->pieces, Piece, i);
        g_autofree char *stem = clip_stem (job, i, piece);
        g_autofree char *path = NULL;

        post_progress (job, (double) job->done / job->total, i, TRUE);
        if (g_cancellable_set_error_if_cancelled (cancellable, error) || !make_temp (job, error)
            || !render_file (job, i, i + 1, piece->item->fps_num, piece->item->fps_den, cancellable, error)
            || (path = finish_file (job, NULL, stem, error)) == NULL)
          return FALSE;
        g_ptr_array_add (job->written, g_strdup (path));
        add_rendered (job, i, i + 1, path);
        job->done += piece->duration;
      }
  post_progress (job, 1.0, job->pieces->len - 1, TRUE);
  return TRUE;
}

/* A failed or cancelled render leaves the folder as it found it. */
static void
remove_files (RenderJob *job)
{
  if (job->temp)
    g_unlink (job->temp);
  for (guint i = 0; i < job->written->len; i++)
    g_unlink (g_ptr_array_index (job->written, i));
}

static void
run_task (GTask *task, gboolean ges_ok)
{
  RenderJob *job = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  if (!ges_ok)
    g_set_error (&error, TL_RENDER_ERROR, TL_RENDER_ERROR_FAILED,
                 _("GStreamer Editing Services cannot start here (install libges-1.0-0 and "
                 "gstreamer1.0-plugins-bad)"));
  else if (!g_cancellable_set_error_if_cancelled (cancellable, &error))
    render_job (job, cancellable, &error);
  if (error != NULL)
    {
      remove_files (job);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&job->result), (GDestroyNotify) tl_render_result_free);
}

/* GES is used only from the thread that started it: this one, which takes
 * the jobs one after the other for the life of the program. GES loads
 * assets, runs its discoverers and defers its signals in the
 * thread-default main context of that thread: a context of its own, so
 * that nothing of GES ever runs in the application's. */
static gpointer
render_thread (gpointer data)
{
  GAsyncQueue *queue = data;
  GMainContext *context = g_main_context_new ();
  gboolean ges_ok;

  g_main_context_push_thread_default (context);
  ges_ok = ges_init ();
  for (;;)
    {
      g_autoptr(GTask) task = g_async_queue_pop (queue);
      run_task (task, ges_ok);
      /* what GES deferred holds references to the job's timeline */
      while (g_main_context_iteration (context, FALSE))
        ;
    }
  return NULL;
}

static gpointer
start_render_thread (gpointer data)
{
  GAsyncQueue *queue = g_async_queue_new ();

  g_thread_unref (g_thread_new ("tl-render", render_thread, queue));
  return queue;
}

/* The caller's side */

/* Writes into the folder @output, made if it is not there. */
static gboolean
use_folder (RenderJob *job, const char *output, gboolean is_dir, GError **error)
{
  if (!is_dir && g_mkdir_with_parents (output, 0755) != 0)
    {
      int saved = errno;
      g_set_error (error, TL_RENDER_ERROR, TL_RENDER_ERROR_OUTPUT, _("Cannot make the folder “%s”: %s"), output,
                   g_strerror (saved));
      return FALSE;
    }
  job->dir = g_canonicalize_filename (output, NULL);
  return TRUE;
}

static gboolean
prepare_output (RenderJob *job, const TlRenderOptions *options, GError **error)
{
  const char *output = options->output && *options->output ? options->output : ".";
  gboolean is_dir = g_file_test (output, G_FILE_TEST_IS_DIR);

  if (job->mode == TL_RENDER_MODE_CLIPS)
    {
      if (!is_dir && g_file_test (output, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, TL_RENDER_ERROR, TL_RENDER_ERROR_OUTPUT,
                       _("“%s” is a file: name a folder for one file per clip, or render a reel"), output);
          return FALSE;
        }
      return use_folder (job, output, is_dir, error);
    }
  /* a reel into a folder is named from its title */
  if (is_dir || g_str_has_suffix (output, G_DIR_SEPARATOR_S))
    return use_folder (job, output, is_dir, error);
  job->reel_path = g_canonicalize_filename (output, NULL);
  job->dir = g_path_get_dirname (job->reel_path);
  if (!g_file_test (job->dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, TL_RENDER_ERROR, TL_RENDER_ERROR_OUTPUT, _("Cannot write “%s”: the folder %s does not exist"),
                   output, job->dir);
      return FALSE;
    }
  return TRUE;
}

static char *
describe_nothing (RenderJob *job)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = job->ctx->items->len;

  if (job->result->n_quotes == n)
    g_string_append (out, n == 1 ? _("Nothing to render: the clip is a quote without times")
                                 : _("Nothing to render: every clip is a quote without times"));
  else if (job->result->n_no_media == n)
    g_string_append (out, n == 1 ? _("Nothing to render: the clip’s source has no media file here")
                                 : _("Nothing to render: no clip’s source has a media file here"));
  else
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "Nothing to render: of the %u clip, none has media to cut (quotes "
                                              "without times: %u; without a media file here: %u)",
                                              "Nothing to render: of the %u clips, none has media to cut (quotes "
                                              "without times: %u; without a media file here: %u)", n),
                            n, job->result->n_quotes, job->result->n_no_media);
  if (job->result->skipped->len > 0)
    g_string_append_printf (out, " (%s)", g_array_index (job->result->skipped, TlRenderSkip, 0).message);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static RenderJob *
prepare_job (TlLibrary *library, const TlClipFilter *filter, const TlRenderOptions *options, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  const TlRenderFormat *format;
  RenderJob *job;

  format = tl_render_format_find (options->format ? options->format : TL_RENDER_DEFAULT_FORMAT, error);
  if (format == NULL)
    return NULL;

  job = g_new0 (RenderJob, 1);
  job->format = format;
  job->mode = options->mode;
  job->title = g_strdup (options->title && *options->title ? options->title : TL_RENDER_DEFAULT_REEL_TITLE);
  job->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  g_array_set_clear_func (job->pieces, piece_clear);
  job->result = result_new (format);
  job->taken = tl_file_name_taken_new ();
  job->written = g_ptr_array_new_with_free_func (g_free);

  /* the export's gathering: the same clips, snapped to the same frames */
  job->ctx = tl_export_context_new (library, filter, NULL, &local_error);
  if (job->ctx == NULL)
    {
      if (g_error_matches (local_error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_NOTHING))
        g_set_error (error, TL_RENDER_ERROR, TL_RENDER_ERROR_NOTHING, _("No clips match: nothing to render"));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      render_job_free (job);
      return NULL;
    }
  select_pieces (job);
  if (job->pieces->len == 0)
    {
      g_autofree char *message = describe_nothing (job);
      g_set_error_literal (error, TL_RENDER_ERROR, TL_RENDER_ERROR_NOTHING, message);
      render_job_free (job);
      return NULL;
    }
  if (!prepare_output (job, options, error))
    {
      render_job_free (job);
      return NULL;
    }
  return job;
}

/**
 * tl_render_async:
 * @filter: (nullable): which clips, in which order; %NULL for all
 * @options: (nullable): format, mode and where; %NULL for WebM files in
 *   the current folder
 * @progress: (nullable): called in the thread-default main context of the
 *   caller, with the fraction done and the clip being rendered
 * @progress_data_destroy: (nullable): called once, in the same main
 *   context as @progress, when no more progress comes
 *
 * Renders the clips @filter selects. The clips are read from @library
 * first, on the calling thread (as a #TlLibrary serves one thread), and
 * snapped to frames as every export snaps them; each file is then cut and
 * encoded in Tagline's render thread, one job after the other. Quotes and
 * clips whose source has no media file are left out, and listed in the
 * result. Files are written under a hidden temporary name and named when
 * complete; a failed or cancelled render removes every file it wrote.
 */
void
tl_render_async (TlLibrary *library, const TlClipFilter *filter, const TlRenderOptions *options,
                 GCancellable *cancellable, TlRenderProgressFunc progress, gpointer progress_data,
                 GDestroyNotify progress_data_destroy, GAsyncReadyCallback callback, gpointer user_data)
{
  static GOnce once = G_ONCE_INIT;
  static const TlRenderOptions defaults = { 0 };
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  RenderJob *job;

  g_return_if_fail (TL_IS_LIBRARY (library));

  task = g_task_new (library, cancellable, callback, user_data);
  g_task_set_source_tag (task, tl_render_async);
  /* a render that finished as it was cancelled has written its files:
   * say so rather than report a cancel */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_name (task, "tl_render_async");
  job = prepare_job (library, filter, options ? options : &defaults, &error);
  if (job == NULL)
    {
      if (progress_data_destroy)
        progress_data_destroy (progress_data);
      g_task_return_error (task, error);
      return;
    }
  job->progress = tl_progress_relay_new (G_CALLBACK (progress), progress_data, progress_data_destroy,
                                         deliver_progress, sizeof (ProgressReport), NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);

  g_once (&once, start_render_thread, NULL);
  g_async_queue_push (once.retval, g_steal_pointer (&task));
}

/**
 * tl_render_finish:
 *
 * Returns: (transfer full): the files written, the clips in them and the
 *   clips left out; or %NULL with @error set (%G_IO_ERROR_CANCELLED when
 *   cancelled)
 */
TlRenderResult *
tl_render_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tl_render_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
