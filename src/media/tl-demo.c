/* tl-demo.c: makes the demo's media: a VP8/Vorbis WebM whose picture is a
 * test pattern with the source's title and burnt-in running time, and
 * whose sound is espeak-ng reading each transcript line at the line's
 * time (untimed transcripts are first spread over a plausible length). */
#include "tl-demo.h"
#include <glib/gi18n-lib.h>

#include <gst/app/gstappsrc.h>
#include <gst/gst.h>
#include <string.h>

#include "tl-import.h"
#include "tl-probe.h"
#include "tl-synth.h"

#define WIDTH 640
#define HEIGHT 360
#define FPS 25
/* How fast an untimed transcript is supposed to have been spoken. */
#define WORDS_PER_MINUTE 165

typedef struct {
  GArray *samples; /* gint16 */
} Collect;

static gboolean
collect_audio (const gint16 *samples, gsize n_samples, gpointer user_data)
{
  Collect *c = user_data;

  g_array_append_vals (c->samples, samples, n_samples);
  return TRUE;
}

static guint
count_words (TlDocument *doc)
{
  guint words = 0;

  for (guint i = 0; i < doc->segments->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit_set (tl_document_get_segment (doc, i)->text, " \t\n", -1);
      for (guint p = 0; parts[p]; p++)
        words += parts[p][0] != '\0';
    }
  return words;
}

/* The whole sound track: each line read at its start, cut at the next
 * line's start so that speech never drifts from the transcript. */
static gint16 *
read_lines (TlDocument *doc, gint64 duration, guint *rate, gsize *n_samples, GError **error)
{
  g_autoptr(TlSynth) synth = tl_synth_new (doc->language ? doc->language : "en", 175, error);
  gint16 *track;
  gsize total;

  if (synth == NULL)
    return NULL;
  *rate = tl_synth_get_sample_rate (synth);
  total = (gsize) (duration * (gint64) *rate / G_USEC_PER_SEC);
  track = g_new0 (gint16, total);
  for (guint i = 0; i < doc->segments->len; i++)
    {
      TlDocSegment *seg = tl_document_get_segment (doc, i);
      g_autofree char *text = NULL;
      Collect c = { g_array_new (FALSE, FALSE, sizeof (gint16)) };
      gsize from, until, n;

      if (seg->non_speech || seg->start < 0)
        {
          g_array_unref (c.samples);
          continue;
        }
      text = tl_synth_clean_text (seg->text);
      if (text == NULL || *text == '\0' || !tl_synth_speak (synth, text, collect_audio, &c, NULL, error))
        {
          g_array_unref (c.samples);
          if (error && *error)
            {
              g_free (track);
              return NULL;
            }
          continue;
        }
      from = (gsize) (seg->start * (gint64) *rate / G_USEC_PER_SEC);
      until = i + 1 < doc->segments->len && tl_document_get_segment (doc, i + 1)->start > seg->start
                ? (gsize) (tl_document_get_segment (doc, i + 1)->start * (gint64) *rate / G_USEC_PER_SEC)
                : total;
      until = MIN (until, total);
      n = from < until ? MIN (c.samples->len, until - from) : 0;
      memcpy (track + from, c.samples->data, n * sizeof (gint16));
      /* a short fade where a reading was cut off */
      for (gsize k = 0; n == until - from && k < MIN (n, (gsize) *rate / 50); k++)
        track[from + n - 1 - k] = (gint16) (track[from + n - 1 - k] * (double) k / (*rate / 50));
      g_array_unref (c.samples);
    }
  *n_samples = total;
  return track;
}

static gboolean
encode (const char *media_path, const char *title, gint64 duration, const gint16 *track, gsize n_samples,
        guint rate, GError **error)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *location = g_strescape (media_path, NULL);
  g_autofree char *description = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) appsrc = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) msg = NULL;
  g_autoptr(GstCaps) caps = NULL;
  GstBuffer *buffer;
  gboolean ok = TRUE;

  description = g_strdup_printf (
    "videotestsrc num-buffers=%" G_GINT64_FORMAT " pattern=smpte ! video/x-raw,width=%d,height=%d,framerate=%d/1"
    " ! textoverlay name=title valignment=top halignment=center font-desc=\"Sans 15\" shaded-background=true"
    " ! timeoverlay valignment=bottom halignment=right font-desc=\"Sans Mono 18\" shaded-background=true"
    " ! vp8enc deadline=1 cpu-used=16 target-bitrate=500000 ! queue ! webmmux name=mux"
    " ! filesink location=\"%s\""
    " appsrc name=speech format=time ! audioconvert ! audioresample ! vorbisenc quality=0.2 ! queue ! mux.",
    duration * FPS / G_USEC_PER_SEC, WIDTH, HEIGHT, FPS, location);
  pipeline = gst_parse_launch (description, error);
  if (pipeline == NULL)
    return FALSE;
  {
    g_autoptr(GstElement) overlay = gst_bin_get_by_name (GST_BIN (pipeline), "title");
    g_object_set (overlay, "text", escaped, NULL);
  }
  appsrc = gst_bin_get_by_name (GST_BIN (pipeline), "speech");
  caps = gst_caps_new_simple ("audio/x-raw", "format", G_TYPE_STRING, "S16LE", "rate", G_TYPE_INT, rate,
                              "channels", G_TYPE_INT, 1, "layout", G_TYPE_STRING, "interleaved", NULL);
  g_object_set (appsrc, "caps", caps, "max-bytes", (guint64) 0, NULL);
  /* in one-second buffers: libvorbis crashes on one of millions of samples */
  for (gsize at = 0; at < n_samples; at += rate)
    {
      gsize n = MIN ((gsize) rate, n_samples - at);
      buffer = gst_buffer_new_memdup (track + at, n * sizeof (gint16));
      GST_BUFFER_PTS (buffer) = gst_util_uint64_scale (at, GST_SECOND, rate);
      GST_BUFFER_DURATION (buffer) = gst_util_uint64_scale (n, GST_SECOND, rate);
      gst_app_src_push_buffer (GST_APP_SRC (appsrc), buffer);
    }
  gst_app_src_end_of_stream (GST_APP_SRC (appsrc));

  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  msg = gst_bus_timed_pop_filtered (bus, GST_CLOCK_TIME_NONE, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_ERROR)
    {
      g_autoptr(GError) gst_error = NULL;
      gst_message_parse_error (msg, &gst_error, NULL);
      g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_FAILED, _("Cannot make %s: %s"), media_path, gst_error->message);
      ok = FALSE;
    }
  gst_element_set_state (pipeline, GST_STATE_NULL);
  return ok;
}

/**
 * tl_demo_make_media:
 * @made: (out): whether media was made (articles get none)
 *
 * Makes @media_path for the transcript at @transcript_path.
 */
gboolean
tl_demo_make_media (const char *transcript_path, const char *media_path, gboolean *made, GError **error)
{
  g_autoptr(TlDocument) doc = NULL;
  g_autofree gint16 *track = NULL;
  g_autofree char *title = NULL;
  gint64 duration;
  gsize n_samples = 0;
  guint rate = 0;

  *made = FALSE;
  if (!tl_media_init (error))
    return FALSE;
  doc = tl_import_file (transcript_path, NULL, NULL, error);
  if (doc == NULL)
    return FALSE;
  if (doc->kind == TL_SOURCE_KIND_ARTICLE)
    return TRUE;

  duration = doc->duration > 0 ? doc->duration : tl_document_get_end (doc);
  if (duration <= 0)
    duration = (gint64) count_words (doc) * 60 * G_USEC_PER_SEC / WORDS_PER_MINUTE + 2 * G_USEC_PER_SEC;
  if (!tl_document_has_times (doc))
    tl_document_estimate_times (doc, duration);

  track = read_lines (doc, duration, &rate, &n_samples, error);
  if (track == NULL)
    return FALSE;
  title = g_strdup (doc->title ? doc->title : transcript_path);
  if (!encode (media_path, title, duration, track, n_samples, rate, error))
    return FALSE;
  *made = TRUE;
  return TRUE;
}
