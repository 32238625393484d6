/* tl-waveform.c: decodes a file's first sound stream as fast as it goes
 * (pictures are left undecoded) and keeps the loudest sample of every
 * 10 ms, as 16-bit little-endian peaks: the form the library stores. */
#include "tl-waveform-private.h"
#include <glib/gi18n-lib.h>

#include <gst/app/gstappsink.h>
#include <gst/audio/audio.h>
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>
#include <math.h>
#include <string.h>

#include "tl-library-waveform.h"
#include "tl-media-private.h"
#include "tl-types.h"

struct _TlWaveform {
  GObject parent_instance;

  guint peaks_per_second;
  GBytes *bytes;
  const guint16 *peaks; /* little-endian, in bytes */
  guint n_peaks;
  gboolean cached;
};

G_DEFINE_FINAL_TYPE (TlWaveform, tl_waveform, G_TYPE_OBJECT)

/* GST_DEBUG=tlwaveform:5 tells how a file was cut in parts */
GST_DEBUG_CATEGORY_STATIC (tl_waveform_debug);
#define GST_CAT_DEFAULT tl_waveform_debug

static void
tl_waveform_finalize (GObject *object)
{
  TlWaveform *self = TL_WAVEFORM (object);

  g_clear_pointer (&self->bytes, g_bytes_unref);
  G_OBJECT_CLASS (tl_waveform_parent_class)->finalize (object);
}

static void
tl_waveform_class_init (TlWaveformClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tl_waveform_finalize;
}

static void
tl_waveform_init (TlWaveform *self)
{
}

/**
 * tl_waveform_new:
 * @peaks: 16-bit little-endian peaks, 0 (silence) to 65535 (full scale)
 * @cached: whether they came from the library rather than the media file
 */
TlWaveform *
tl_waveform_new (guint peaks_per_second, GBytes *peaks, gboolean cached)
{
  TlWaveform *self;
  gsize size;

  g_return_val_if_fail (peaks_per_second > 0, NULL);
  g_return_val_if_fail (peaks != NULL, NULL);

  self = g_object_new (TL_TYPE_WAVEFORM, NULL);
  self->peaks_per_second = peaks_per_second;
  self->bytes = g_bytes_ref (peaks);
  self->peaks = g_bytes_get_data (peaks, &size);
  self->n_peaks = size / sizeof (guint16);
  self->cached = cached;
  return self;
}

guint
tl_waveform_get_peaks_per_second (TlWaveform *self)
{
  g_return_val_if_fail (TL_IS_WAVEFORM (self), 0);
  return self->peaks_per_second;
}

guint
tl_waveform_get_n_peaks (TlWaveform *self)
{
  g_return_val_if_fail (TL_IS_WAVEFORM (self), 0);
  return self->n_peaks;
}

/* µs of sound the peaks cover. */
gint64
tl_waveform_get_duration (TlWaveform *self)
{
  g_return_val_if_fail (TL_IS_WAVEFORM (self), 0);
  return (gint64) self->n_peaks * TL_USEC_PER_SEC / self->peaks_per_second;
}

/**
 * tl_waveform_get_bytes:
 *
 * Returns: (transfer none): the peaks as stored
 */
GBytes *
tl_waveform_get_bytes (TlWaveform *self)
{
  g_return_val_if_fail (TL_IS_WAVEFORM (self), NULL);
  return self->bytes;
}

gboolean
tl_waveform_get_cached (TlWaveform *self)
{
  g_return_val_if_fail (TL_IS_WAVEFORM (self), FALSE);
  return self->cached;
}

/**
 * tl_waveform_get_peak:
 * @start: µs
 * @end: µs, after @start
 *
 * Returns: the loudest peak between @start and @end, 0 to 1: one column
 *   of a drawing at any zoom
 */
float
tl_waveform_get_peak (TlWaveform *self, gint64 start, gint64 end)
{
  gint64 first, last;
  guint16 max = 0;

  g_return_val_if_fail (TL_IS_WAVEFORM (self), 0);

  first = MAX (start, 0) * self->peaks_per_second / TL_USEC_PER_SEC;
  last = (MAX (end, 0) * self->peaks_per_second + TL_USEC_PER_SEC - 1) / TL_USEC_PER_SEC;
  last = MAX (last, first + 1);
  for (gint64 i = first; i < last && i < self->n_peaks; i++)
    max = MAX (max, GUINT16_FROM_LE (self->peaks[i]));
  return max / 65535.f;
}

/* Computing */

typedef struct {
  GstElement *pipeline;
  GstElement *convert;
  gboolean audio_linked; /* the first sound stream feeds the peaks */
  gboolean from_container; /* the sound comes out of a demuxer (not a bare MP3) */

  /* written by the appsink's streaming thread, read after EOS, and
   * while decoding by a progress report under @lock */
  GArray *peaks;         /* guint16, host order while computing */
  GMutex lock;
  gint64 reached;        /* peaks written up to here (an index) */
  GstAudioInfo info;
  gboolean have_info;
  struct _Reporter *reporter; /* the first part's job only: reports progress */
} Job;

static void
job_clear (Job *job)
{
  if (job->pipeline)
    gst_element_set_state (job->pipeline, GST_STATE_NULL);
  gst_clear_object (&job->pipeline);
  if (job->peaks)
    g_mutex_clear (&job->lock);
  g_clear_pointer (&job->peaks, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Job, job_clear)

static guint16
peak_s16 (const gint16 *samples, gsize n)
{
  int max = 0;

  for (gsize i = 0; i < n; i++)
    {
      int v = samples[i];
      v = v < 0 ? -v : v;
      max = v > max ? v : max;
    }
  return (guint16) MIN (max * 2, 65535);
}

static guint16
peak_f32 (const float *samples, gsize n)
{
  float max = 0;

  for (gsize i = 0; i < n; i++)
    {
      float v = fabsf (samples[i]);
      max = v > max ? v : max;
    }
  return (guint16) (MIN (max, 1.0f) * 65535.f + 0.5f);
}

static GstFlowReturn
on_new_sample (GstAppSink *sink, gpointer data)
{
  Job *job = data;
  g_autoptr(GstSample) sample = gst_app_sink_pull_sample (sink);
  GstBuffer *buffer;
  const GstSegment *segment;
  GstMapInfo map;
  guint64 position, stream_time;
  gsize n_frames, i = 0;
  int rate, channels, bpf;
  gboolean is_float;

  if (sample == NULL)
    return GST_FLOW_EOS;
  if (!job->have_info)
    {
      if (!gst_audio_info_from_caps (&job->info, gst_sample_get_caps (sample)))
        return GST_FLOW_NOT_NEGOTIATED;
      job->have_info = TRUE;
    }
  rate = GST_AUDIO_INFO_RATE (&job->info);
  channels = GST_AUDIO_INFO_CHANNELS (&job->info);
  bpf = GST_AUDIO_INFO_BPF (&job->info);
  is_float = GST_AUDIO_INFO_FORMAT (&job->info) == GST_AUDIO_FORMAT_F32LE;

  buffer = gst_sample_get_buffer (sample);
  segment = gst_sample_get_segment (sample);
  if (!gst_buffer_map (buffer, &map, GST_MAP_READ))
    return GST_FLOW_ERROR;
  n_frames = map.size / bpf;

  /* the first sample's place comes from the buffer's time, so that a gap
   * in the stream stays a gap in the drawing */
  position = 0;
  if (GST_BUFFER_PTS_IS_VALID (buffer)
      && gst_segment_to_stream_time_full (segment, GST_FORMAT_TIME, GST_BUFFER_PTS (buffer), &stream_time) == 1)
    position = gst_util_uint64_scale_round (stream_time, rate, GST_SECOND);

  g_mutex_lock (&job->lock);
  while (i < n_frames)
    {
      guint64 bin = position * TL_WAVEFORM_PEAKS_PER_SECOND / rate;
      guint64 next_bin_start = ((bin + 1) * rate + TL_WAVEFORM_PEAKS_PER_SECOND - 1) / TL_WAVEFORM_PEAKS_PER_SECOND;
      gsize count = MIN (n_frames - i, next_bin_start - position);
      guint16 peak;

      if (is_float)
        peak = peak_f32 ((const float *) map.data + i * channels, count * channels);
      else
        peak = peak_s16 ((const gint16 *) map.data + i * channels, count * channels);
      if (bin >= job->peaks->len)
        {
          if (bin > 100 * G_GUINT64_CONSTANT (3600) * 48)
            break; /* a broken time stamp, not a 48-hour recording */
          g_array_set_size (job->peaks, bin + 1);
        }
      g_array_index (job->peaks, guint16, bin) = MAX (g_array_index (job->peaks, guint16, bin), peak);
      job->reached = MAX (job->reached, (gint64) bin + 1);
      i += count;
      position += count;
    }
  g_mutex_unlock (&job->lock);
  gst_buffer_unmap (buffer, &map);
  return GST_FLOW_OK;
}

/* Sound is decoded; pictures and subtitles are left as they come out of the
 * demuxer, which costs nothing. */
static gboolean
on_autoplug_continue (GstElement *bin, GstPad *pad, GstCaps *caps, gpointer data)
{
  Job *job = data;
  const char *name = gst_structure_get_name (gst_caps_get_structure (caps, 0));
  g_autoptr(GstElement) parent = NULL;
  GstElementFactory *factory;

  const char *klass;

  /* decodebin passes its own ghost of the pad that makes the stream */
  if (GST_IS_GHOST_PAD (pad))
    {
      g_autoptr(GstPad) target = gst_ghost_pad_get_target (GST_GHOST_PAD (pad));
      parent = target ? gst_pad_get_parent_element (target) : NULL;
    }
  else
    parent = gst_pad_get_parent_element (pad);
  factory = parent ? gst_element_get_factory (parent) : NULL;
  klass = factory ? gst_element_factory_get_metadata (factory, GST_ELEMENT_METADATA_KLASS) : "";
  GST_LOG ("%s from %s (%s)", name, parent ? GST_ELEMENT_NAME (parent) : "?", klass);
  if (g_str_has_prefix (name, "audio/"))
    {
      /* id3demux and apedemux only strip tags off a bare stream */
      if (strstr (klass, "Demux") && !strstr (klass, "Metadata"))
        job->from_container = TRUE;
      return TRUE;
    }
  if (strstr (klass, "Demux"))
    return FALSE;
  return TRUE;
}

static void
on_pad_added (GstElement *decodebin, GstPad *pad, gpointer data)
{
  Job *job = data;
  g_autoptr(GstCaps) caps = gst_pad_get_current_caps (pad);
  GstElement *sink;
  g_autoptr(GstPad) sink_pad = NULL;

  if (caps == NULL)
    caps = gst_pad_query_caps (pad, NULL);
  if (!job->audio_linked && caps && g_str_has_prefix (gst_structure_get_name (gst_caps_get_structure (caps, 0)), "audio/x-raw"))
    {
      sink_pad = gst_element_get_static_pad (job->convert, "sink");
      if (gst_pad_link (pad, sink_pad) == GST_PAD_LINK_OK)
        {
          job->audio_linked = TRUE;
          return;
        }
      g_clear_object (&sink_pad);
    }
  /* everything else is read and thrown away */
  sink = gst_element_factory_make ("fakesink", NULL);
  g_object_set (sink, "sync", FALSE, "async", FALSE, NULL);
  gst_bin_add (GST_BIN (job->pipeline), sink);
  gst_element_sync_state_with_parent (sink);
  sink_pad = gst_element_get_static_pad (sink, "sink");
  gst_pad_link (pad, sink_pad);
}

static void
on_no_more_pads (GstElement *decodebin, gpointer data)
{
  Job *job = data;

  if (!job->audio_linked)
    gst_element_post_message (job->pipeline,
                              gst_message_new_application (GST_OBJECT (job->pipeline),
                                                           gst_structure_new_empty ("tl-no-audio")));
}

/* No sound came out: either there is none, or its decoder is missing. */
static void
set_no_audio_error (GError **error, GPtrArray *missing, const char *path)
{
  if (missing->len > 0)
    {
      g_ptr_array_add (missing, NULL);
      tl_media_set_missing_plugin_error (error, path, (const char *const *) missing->pdata, FALSE);
    }
  else
    g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NO_AUDIO, _("%s has no sound to draw"), path);
}

/* Builds the pipeline of one part: uridecodebin, its first sound stream
 * into an appsink, everything else into fakesinks. */
static void
job_init (Job *job, const char *uri)
{
  g_autoptr(GstCaps) caps = NULL;
  GstElement *decodebin, *sink;
  GstAppSinkCallbacks callbacks = { .new_sample = on_new_sample };

  job->peaks = g_array_new (FALSE, TRUE, sizeof (guint16));
  g_mutex_init (&job->lock);
  job->pipeline = gst_object_ref_sink (gst_pipeline_new ("tl-waveform"));
  decodebin = gst_element_factory_make ("uridecodebin", NULL);
  job->convert = gst_element_factory_make ("audioconvert", NULL);
  sink = gst_element_factory_make ("appsink", NULL);
  g_assert (decodebin && job->convert && sink);

  /* the formats decoders give most often, so that audioconvert passes them through */
  caps = gst_caps_from_string ("audio/x-raw,format={S16LE,F32LE},layout=interleaved");
  g_object_set (decodebin, "uri", uri, NULL);
  g_object_set (sink, "caps", caps, "sync", FALSE, "emit-signals", FALSE, NULL);
  gst_app_sink_set_callbacks (GST_APP_SINK (sink), &callbacks, job, NULL);
  g_signal_connect (decodebin, "autoplug-continue", G_CALLBACK (on_autoplug_continue), job);
  g_signal_connect (decodebin, "pad-added", G_CALLBACK (on_pad_added), job);
  g_signal_connect (decodebin, "no-more-pads", G_CALLBACK (on_no_more_pads), job);
  gst_bin_add_many (GST_BIN (job->pipeline), decodebin, job->convert, sink, NULL);
  gst_element_link (job->convert, sink);
}

/* Runs @job's pipeline until @until (ASYNC_DONE: prerolled; EOS: decoded). */
static void reporter_maybe_report (struct _Reporter *reporter);

static gboolean
job_wait (Job *job, GstMessageType until, const char *path, GPtrArray *missing,
          GCancellable *cancellable, GError **error)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (job->pipeline);

  for (;;)
    {
      g_autoptr(GstMessage) msg = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      msg = gst_bus_timed_pop_filtered (bus, 50 * GST_MSECOND,
                                        until | GST_MESSAGE_ERROR | GST_MESSAGE_ELEMENT | GST_MESSAGE_APPLICATION);
      if (job->reporter)
        reporter_maybe_report (job->reporter);
      if (msg == NULL)
        continue;
      if (GST_MESSAGE_TYPE (msg) == until)
        return TRUE;
      if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_ELEMENT && gst_is_missing_plugin_message (msg))
        {
          char *detail = gst_missing_plugin_message_get_installer_detail (msg);
          if (detail)
            g_ptr_array_add (missing, detail);
        }
      else if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_APPLICATION)
        {
          set_no_audio_error (error, missing, path);
          return FALSE;
        }
      else if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_ERROR)
        {
          g_autoptr(GError) gst_error = NULL;
          gst_message_parse_error (msg, &gst_error, NULL);
          g_ptr_array_add (missing, NULL);
          tl_media_set_error_from_gst (error, path, gst_error, (const char *const *) missing->pdata);
          return FALSE;
        }
    }
}

#define MAX_PARTS 4
#define MAX_PARTS_ MAX_PARTS

/* One part of a long file, decoded in its own thread. */
typedef struct {
  Job job;
  char *uri;
  const char *path;
  gint64 start;           /* ns */
  gint64 stop;
  GCancellable *cancellable; /* shared: the first part that fails stops the others */
  GError *error;
  GThread *thread;
  gint finished; /* atomic */
} Part;

/* Progress while computing: every so often, the peaks read so far (of all
 * parts) and how much of the sound they cover, told from the computing
 * thread. */
typedef struct _Reporter {
  TlWaveformProgressFunc func;
  gpointer data;
  Job *jobs[MAX_PARTS_];
  gint64 starts[MAX_PARTS_]; /* the part's first peak */
  guint n_jobs;
  gint64 n_peaks;            /* the whole sound's, or 0 when unknown */
  gint64 last;               /* µs, monotonic */
} Reporter;

#define REPORT_INTERVAL_US (300 * 1000)

static void
reporter_report (Reporter *reporter)
{
  g_autoptr(GArray) merged = g_array_new (FALSE, TRUE, sizeof (guint16));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TlWaveform) partial = NULL;
  gint64 covered = 0;

  for (guint i = 0; i < reporter->n_jobs; i++)
    {
      Job *job = reporter->jobs[i];

      g_mutex_lock (&job->lock);
      if (job->peaks->len > merged->len)
        g_array_set_size (merged, job->peaks->len);
      for (guint k = 0; k < job->peaks->len; k++)
        g_array_index (merged, guint16, k) = MAX (g_array_index (merged, guint16, k),
                                                  g_array_index (job->peaks, guint16, k));
      covered += MAX (job->reached - reporter->starts[i], 0);
      g_mutex_unlock (&job->lock);
    }
  for (guint k = 0; k < merged->len; k++)
    g_array_index (merged, guint16, k) = GUINT16_TO_LE (g_array_index (merged, guint16, k));
  bytes = g_bytes_new (merged->data, merged->len * sizeof (guint16));
  partial = tl_waveform_new (TL_WAVEFORM_PEAKS_PER_SECOND, bytes, FALSE);
  reporter->func (partial, reporter->n_peaks > 0 ? MIN ((double) covered / reporter->n_peaks, 1.0) : -1,
                  reporter->data);
}

static void
reporter_maybe_report (Reporter *reporter)
{
  gint64 now = g_get_monotonic_time ();

  if (now - reporter->last < REPORT_INTERVAL_US)
    return;
  reporter->last = now;
  reporter_report (reporter);
}

static gboolean
decode_range (Job *job, const char *path, gint64 start, gint64 stop,
              GCancellable *cancellable, GError **error)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);

  if (start > 0 || stop >= 0)
    {
      /* not ACCURATE: parsers without an index (MP3) would decode from the
       * start of the file to get there. The parts overlap instead. */
      if (!gst_element_seek (job->pipeline, 1.0, GST_FORMAT_TIME, GST_SEEK_FLAG_FLUSH,
                             GST_SEEK_TYPE_SET, start, GST_SEEK_TYPE_SET, stop))
        {
          g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_FAILED, _("%s cannot be read in parts"), path);
          return FALSE;
        }
      if (!job_wait (job, GST_MESSAGE_ASYNC_DONE, path, missing, cancellable, error))
        return FALSE;
    }
  gst_element_set_state (job->pipeline, GST_STATE_PLAYING);
  return job_wait (job, GST_MESSAGE_EOS, path, missing, cancellable, error);
}

static gpointer
decode_part (gpointer data)
{
  Part *part = data;
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  gint64 t0 = g_get_monotonic_time ();

  gst_element_set_state (part->job.pipeline, GST_STATE_PAUSED);
  if (!job_wait (&part->job, GST_MESSAGE_ASYNC_DONE, part->path, missing, part->cancellable, &part->error)
      || !decode_range (&part->job, part->path, part->start, part->stop, part->cancellable, &part->error))
    g_cancellable_cancel (part->cancellable);
  gst_element_set_state (part->job.pipeline, GST_STATE_NULL);
  GST_DEBUG ("part from %" GST_TIME_FORMAT " done in %.2f s", GST_TIME_ARGS (part->start),
             (g_get_monotonic_time () - t0) / 1e6);
  g_atomic_int_set (&part->finished, 1);
  return NULL;
}

/* Long files are cut in as many parts as there are processors (up to 4):
 * Opus decodes at 300x real time on one core here, too slow for an hour. */
#define PART_MIN_DURATION (5 * 60 * GST_SECOND)
/* Where a part starts is only near where it was asked to (the seek is not
 * exact); the part before it goes on this much longer to leave no gap. */
#define PART_OVERLAP (2 * GST_SECOND)

static TlWaveform *compute (const char *path, guint max_parts, gint64 min_duration, TlWaveformProgressFunc progress,
                            gpointer progress_data, GCancellable *cancellable, GError **error);

/**
 * tl_waveform_compute_in_parts:
 * @max_parts: at most this many threads
 * @min_duration: ns: shorter sounds are decoded in one part
 *
 * tl_waveform_compute() with the cutting in parts under the caller's
 * control (tests compare the parts' peaks with one pass's).
 */
TlWaveform *
tl_waveform_compute_in_parts (const char *path,
                              guint max_parts,
                              gint64 min_duration,
                              GCancellable *cancellable,
                              GError **error)
{
  return compute (path, max_parts, min_duration, NULL, NULL, cancellable, error);
}

static TlWaveform *
compute (const char *path,
         guint max_parts,
         gint64 min_duration,
         TlWaveformProgressFunc progress,
         gpointer progress_data,
         GCancellable *cancellable,
         GError **error)
{
  Reporter reporter = { progress, progress_data };
  g_auto(Job) job = { 0 };
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GCancellable) parts_cancellable = g_cancellable_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *uri = NULL;
  Part parts[MAX_PARTS] = { 0 };
  guint n_parts = 1;
  gint64 duration = -1;
  gulong cancel_id = 0;
  gboolean ok;
  GBytes *bytes;

  g_return_val_if_fail (path != NULL, NULL);

  if (!tl_media_check_file (path, error) || !gst_init_check (NULL, NULL, error))
    return NULL;
  if (tl_waveform_debug == NULL)
    GST_DEBUG_CATEGORY_INIT (tl_waveform_debug, "tlwaveform", 0, "Tagline's waveforms");
  absolute = g_canonicalize_filename (path, NULL);
  uri = g_filename_to_uri (absolute, NULL, error);
  if (uri == NULL)
    return NULL;

  job_init (&job, uri);
  gst_element_set_state (job.pipeline, GST_STATE_PAUSED);
  if (!job_wait (&job, GST_MESSAGE_ASYNC_DONE, path, missing, cancellable, error))
    return NULL;

  /* only a container's index puts exact times on what follows a seek; an
   * MP3 or ADTS stream estimates them from its bit rate, and the parts'
   * peaks would not line up */
  if (job.from_container && gst_element_query_duration (job.pipeline, GST_FORMAT_TIME, &duration)
      && duration > min_duration)
    n_parts = CLAMP (max_parts, 1, MAX_PARTS);
  GST_DEBUG ("%s: %" GST_TIME_FORMAT " in %u parts", path, GST_TIME_ARGS (duration), n_parts);
  if (cancellable)
    cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (g_cancellable_cancel),
                                       g_object_ref (parts_cancellable), g_object_unref);
  for (guint i = 1; i < n_parts; i++)
    {
      parts[i].uri = uri;
      parts[i].path = path;
      parts[i].start = duration * i / n_parts;
      parts[i].stop = i + 1 < n_parts ? duration * (i + 1) / n_parts + PART_OVERLAP : -1;
      parts[i].cancellable = parts_cancellable;
      /* here, so that progress reports find it ready */
      job_init (&parts[i].job, uri);
    }
  if (progress)
    {
      if (duration > 0 || gst_element_query_duration (job.pipeline, GST_FORMAT_TIME, &duration))
        reporter.n_peaks = gst_util_uint64_scale (duration, TL_WAVEFORM_PEAKS_PER_SECOND, GST_SECOND);
      reporter.last = g_get_monotonic_time ();
      for (guint i = 0; i < n_parts; i++)
        {
          reporter.jobs[i] = i == 0 ? &job : &parts[i].job;
          reporter.starts[i] = i == 0 ? 0 : gst_util_uint64_scale (parts[i].start, TL_WAVEFORM_PEAKS_PER_SECOND,
                                                                  GST_SECOND);
        }
      reporter.n_jobs = n_parts;
      job.reporter = &reporter;
    }
  for (guint i = 1; i < n_parts; i++)
    parts[i].thread = g_thread_new ("tl-waveform", decode_part, &parts[i]);

  ok = decode_range (&job, path, 0, n_parts > 1 ? duration / n_parts + PART_OVERLAP : -1, parts_cancellable, &local_error);
  if (!ok)
    g_cancellable_cancel (parts_cancellable);
  gst_element_set_state (job.pipeline, GST_STATE_NULL);
  /* the other parts may still be reading: their progress goes on being told */
  for (guint i = 1; progress && i < n_parts; i++)
    while (!g_atomic_int_get (&parts[i].finished))
      {
        g_usleep (50 * 1000);
        reporter_maybe_report (&reporter);
      }
  for (guint i = 1; i < n_parts; i++)
    {
      g_thread_join (parts[i].thread);
      if (parts[i].error)
        {
          /* the failure that stopped the others, not their cancellation */
          if (local_error == NULL || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_clear_error (&local_error);
              local_error = g_steal_pointer (&parts[i].error);
            }
          g_clear_error (&parts[i].error);
          ok = FALSE;
        }
      else if (ok)
        {
          /* where the parts overlap they hold the same sound: either will do */
          GArray *theirs = parts[i].job.peaks;
          if (theirs->len > job.peaks->len)
            g_array_set_size (job.peaks, theirs->len);
          for (guint k = 0; k < theirs->len; k++)
            g_array_index (job.peaks, guint16, k) = MAX (g_array_index (job.peaks, guint16, k),
                                                         g_array_index (theirs, guint16, k));
        }
      job_clear (&parts[i].job);
    }
  if (cancel_id)
    g_cancellable_disconnect (cancellable, cancel_id);
  if (!ok)
    {
      /* cancelled by the caller: say that, not which part noticed first */
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!job.audio_linked || job.peaks->len == 0)
    {
      set_no_audio_error (error, missing, path);
      return NULL;
    }
  for (guint i = 0; i < job.peaks->len; i++)
    g_array_index (job.peaks, guint16, i) = GUINT16_TO_LE (g_array_index (job.peaks, guint16, i));
  bytes = g_bytes_new_take (job.peaks->data, job.peaks->len * sizeof (guint16));
  g_array_free (g_steal_pointer (&job.peaks), FALSE);
  {
    TlWaveform *waveform = tl_waveform_new (TL_WAVEFORM_PEAKS_PER_SECOND, bytes, FALSE);
    g_bytes_unref (bytes);
    return waveform;
  }
}

/**
 * tl_waveform_compute:
 *
 * Decodes @path's sound and returns its peaks. Blocks: call it in a thread
 * (tl_waveform_load_async() does).
 *
 * Returns: (transfer full): the waveform, or %NULL with a %TL_MEDIA_ERROR
 *   (%TL_MEDIA_ERROR_NO_AUDIO for a file without sound)
 */
TlWaveform *
tl_waveform_compute (const char *path, GCancellable *cancellable, GError **error)
{
  return compute (path, g_get_num_processors (), PART_MIN_DURATION, NULL, NULL, cancellable, error);
}

/* Loading: from the library when it has the peaks, else computed in a
 * thread and stored in the library from the main thread (a TlLibrary is
 * used by one thread). */

typedef struct {
  TlLibrary *library;
  gint64 source_id;
  char *path;
} Load;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_clear_object (&load->library);
  g_free (load->path);
  g_free (load);
}

/* Who hears of the progress, shared by the computing thread and the
 * reports it queues on the caller's main context (which may run after
 * the load ended). */
typedef struct {
  TlWaveformProgressFunc func;
  gpointer data;
  GDestroyNotify destroy;
  GMainContext *context;
  GCancellable *cancellable;
} Progress;

static void
progress_clear (gpointer data)
{
  Progress *progress = data;

  if (progress->destroy)
    progress->destroy (progress->data);
  g_clear_pointer (&progress->context, g_main_context_unref);
  g_clear_object (&progress->cancellable);
}

static void
progress_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, progress_clear);
}

typedef struct {
  char *path;
  Progress *progress; /* or NULL */
} Compute;

static void
compute_free (gpointer data)
{
  Compute *compute = data;

  g_free (compute->path);
  g_clear_pointer (&compute->progress, progress_unref);
  g_free (compute);
}

typedef struct {
  Progress *progress;
  TlWaveform *partial;
  double fraction;
} Report;

static void
report_free (gpointer data)
{
  Report *report = data;

  progress_unref (report->progress);
  g_object_unref (report->partial);
  g_free (report);
}

static gboolean
tell_progress (gpointer data)
{
  Report *report = data;

  /* a load given up is not heard of again */
  if (!g_cancellable_is_cancelled (report->progress->cancellable))
    report->progress->func (report->partial, report->fraction, report->progress->data);
  return G_SOURCE_REMOVE;
}

static void
on_progress_in_thread (TlWaveform *partial, double fraction, gpointer data)
{
  Progress *progress = data;
  Report *report = g_new0 (Report, 1);

  report->progress = g_atomic_rc_box_acquire (progress);
  report->partial = g_object_ref (partial);
  report->fraction = fraction;
  g_main_context_invoke_full (progress->context, G_PRIORITY_DEFAULT_IDLE, tell_progress, report, report_free);
}

static void
compute_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Compute *compute_data = data;
  GError *error = NULL;
  TlWaveform *waveform = compute (compute_data->path, g_get_num_processors (), PART_MIN_DURATION,
                                  compute_data->progress ? on_progress_in_thread : NULL, compute_data->progress,
                                  cancellable, &error);

  if (waveform)
    g_task_return_pointer (task, waveform, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
on_computed (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GTask) task = data;
  Load *load = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(TlWaveform) waveform = g_task_propagate_pointer (G_TASK (result), &error);

  if (waveform == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (load->library)
    {
      g_autoptr(GError) save_error = NULL;
      /* a library that cannot keep them only costs the next opening time */
      if (!tl_library_save_waveform (load->library, load->source_id, load->path,
                                     waveform->peaks_per_second, waveform->bytes, &save_error))
        g_warning ("Cannot keep the waveform of %s: %s", load->path, save_error->message);
    }
  g_task_return_pointer (task, g_steal_pointer (&waveform), g_object_unref);
}

/**
 * tl_waveform_load_with_progress_async:
 * @library: (nullable): where the peaks are kept, or %NULL to compute them
 *   every time
 * @source_id: the source whose sound @path is
 * @progress: (nullable): told on the caller's main context, every few
 *   tenths of a second while @path is decoded, of the peaks read so far
 *   (not when the library has them); never after @cancellable is cancelled
 *
 * Takes the peaks from @library when it has them for @path as the file is
 * now; otherwise decodes @path in a thread and keeps the peaks in @library.
 * Call from the thread that uses @library.
 */
void
tl_waveform_load_with_progress_async (TlLibrary *library,
                                      gint64 source_id,
                                      const char *path,
                                      TlWaveformProgressFunc progress,
                                      gpointer progress_data,
                                      GDestroyNotify progress_destroy,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) compute_task = NULL;
  Load *load;
  Compute *compute_data;

  g_return_if_fail (library == NULL || TL_IS_LIBRARY (library));
  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tl_waveform_load_async);
  load = g_new0 (Load, 1);
  load->library = library ? g_object_ref (library) : NULL;
  load->source_id = source_id;
  load->path = g_canonicalize_filename (path, NULL);
  g_task_set_task_data (task, load, load_free);

  if (library)
    {
      g_autoptr(GBytes) peaks = NULL;
      g_autoptr(GError) error = NULL;
      guint peaks_per_second = 0;

      if (!tl_library_load_waveform (library, source_id, load->path, &peaks_per_second, &peaks, &error))
        g_warning ("Cannot read the waveform of %s from the library: %s", load->path, error->message);
      else if (peaks != NULL && peaks_per_second > 0)
        {
          if (progress_destroy)
            progress_destroy (progress_data);
          g_task_return_pointer (task, tl_waveform_new (peaks_per_second, peaks, TRUE), g_object_unref);
          return;
        }
    }

  compute_data = g_new0 (Compute, 1);
  compute_data->path = g_strdup (load->path);
  if (progress)
    {
      Progress *shared = g_atomic_rc_box_new0 (Progress);

      shared->func = progress;
      shared->data = progress_data;
      shared->destroy = progress_destroy;
      shared->context = g_main_context_ref_thread_default ();
      shared->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
      compute_data->progress = shared;
    }
  else if (progress_destroy)
    progress_destroy (progress_data);
  compute_task = g_task_new (NULL, cancellable, on_computed, g_object_ref (task));
  g_task_set_task_data (compute_task, compute_data, compute_free);
  g_task_run_in_thread (compute_task, compute_in_thread);
}

/**
 * tl_waveform_load_async:
 *
 * tl_waveform_load_with_progress_async() without progress.
 */
void
tl_waveform_load_async (TlLibrary *library,
                        gint64 source_id,
                        const char *path,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer user_data)
{
  tl_waveform_load_with_progress_async (library, source_id, path, NULL, NULL, NULL, cancellable, callback, user_data);
}

/**
 * tl_waveform_load_finish:
 *
 * Returns: (transfer full): the waveform, or %NULL with @error set
 */
TlWaveform *
tl_waveform_load_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
