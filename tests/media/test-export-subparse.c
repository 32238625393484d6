/* test-export-subparse.c: GStreamer's own subtitle parser (subparse) reads
 * the SRT and WebVTT that Tagline writes: one buffer per cue, at the cue's
 * time, for as long as the cue lasts. */
#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <string.h>

#include "tl-test-export.h"

static TlTestExportLibrary *lib;

typedef struct {
  GstClockTime start;
  GstClockTime duration;
} Timing;

/* The cue times as the file states them: "00:01:02,345 --> 00:01:03,000". */
static GArray *
file_timings (const char *text)
{
  g_autoptr(GRegex) re = g_regex_new ("^(\\d\\d):(\\d\\d):(\\d\\d)[,.](\\d{3}) --> (\\d\\d):(\\d\\d):(\\d\\d)[,.](\\d{3})$",
                                      G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GArray *timings = g_array_new (FALSE, FALSE, sizeof (Timing));

  for (g_regex_match (re, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      gint64 t[2];
      Timing timing;
      for (guint i = 0; i < 2; i++)
        {
          g_autofree char *h = g_match_info_fetch (match, 1 + 4 * i), *m = g_match_info_fetch (match, 2 + 4 * i);
          g_autofree char *s = g_match_info_fetch (match, 3 + 4 * i), *ms = g_match_info_fetch (match, 4 + 4 * i);
          t[i] = (((gint64) atoi (h) * 60 + atoi (m)) * 60 + atoi (s)) * 1000 + atoi (ms);
        }
      timing.start = t[0] * GST_MSECOND;
      timing.duration = (t[1] - t[0]) * GST_MSECOND;
      g_array_append_val (timings, timing);
    }
  return timings;
}

/* What subparse makes of @path: a buffer per cue, with its text. */
static GArray *
subparse_timings (const char *path, GPtrArray *texts)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = g_strdup_printf ("filesrc location=\"%s\" ! subparse ! appsink name=sink sync=false",
                                                  path);
  g_autoptr(GstElement) pipeline = gst_parse_launch (description, &error);
  g_autoptr(GstElement) sink = NULL;
  GArray *timings = g_array_new (FALSE, FALSE, sizeof (Timing));
  GstSample *sample;

  g_assert_no_error (error);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  g_assert_cmpint (gst_element_set_state (pipeline, GST_STATE_PLAYING), !=, GST_STATE_CHANGE_FAILURE);
  while ((sample = gst_app_sink_try_pull_sample (GST_APP_SINK (sink), 10 * GST_SECOND)) != NULL)
    {
      GstBuffer *buffer = gst_sample_get_buffer (sample);
      GstMapInfo map;
      Timing timing = { GST_BUFFER_PTS (buffer), GST_BUFFER_DURATION (buffer) };

      g_assert_true (gst_buffer_map (buffer, &map, GST_MAP_READ));
      g_ptr_array_add (texts, g_strndup ((const char *) map.data, map.size));
      gst_buffer_unmap (buffer, &map);
      g_array_append_val (timings, timing);
      gst_sample_unref (sample);
    }
  g_assert_true (gst_app_sink_is_eos (GST_APP_SINK (sink)));
  gst_element_set_state (pipeline, GST_STATE_NULL);
  return timings;
}

static void
check (const char *format, TlExportTimeline timeline, const TlClipFilter *filter)
{
  TlExportOptions options = { .timeline = timeline };
  g_autofree char *text = tl_test_export (lib, format, filter, &options, NULL);
  g_autofree char *name = g_strdup_printf ("export-%d.%s", timeline, format);
  g_autofree char *path = g_build_filename (lib->dir, name, NULL);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) expected = file_timings (text);
  g_autoptr(GArray) parsed = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  parsed = subparse_timings (path, texts);
  g_assert_cmpuint (expected->len, >, 5);
  g_assert_cmpuint (parsed->len, ==, expected->len);
  for (guint i = 0; i < parsed->len; i++)
    {
      g_assert_cmpuint (g_array_index (parsed, Timing, i).start, ==, g_array_index (expected, Timing, i).start);
      g_assert_cmpuint (g_array_index (parsed, Timing, i).duration, ==, g_array_index (expected, Timing, i).duration);
      g_assert_cmpuint (strlen (g_ptr_array_index (texts, i)), >, 0);
    }
}

static void
test_srt_clips (void)
{
  check ("srt", TL_EXPORT_TIMELINE_CLIPS, NULL);
}

static void
test_vtt_clips (void)
{
  check ("vtt", TL_EXPORT_TIMELINE_CLIPS, NULL);
}

static void
test_source_time (void)
{
  gint64 ids[] = { lib->sources[TL_TEST_SOURCE_CBS] };
  TlClipFilter filter = { .source_ids = ids, .n_source_ids = 1 };

  check ("srt", TL_EXPORT_TIMELINE_SOURCE, &filter);
  check ("vtt", TL_EXPORT_TIMELINE_SOURCE, &filter);
}

static GPtrArray *
parse_hostile (const char *format)
{
  gint64 ids[] = { lib->sources[TL_TEST_SOURCE_HOSTILE] };
  TlClipFilter filter = { .source_ids = ids, .n_source_ids = 1 };
  TlExportOptions options = { .timeline = TL_EXPORT_TIMELINE_SOURCE };
  g_autofree char *text = tl_test_export (lib, format, &filter, &options, NULL);
  g_autofree char *name = g_strdup_printf ("hostile.%s", format);
  g_autofree char *path = g_build_filename (lib->dir, name, NULL);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) parsed = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  parsed = subparse_timings (path, texts);
  g_assert_cmpuint (parsed->len, ==, 5);
  return texts;
}

/* The hostile lines reach the parser whole. subparse hands on Pango
 * markup: SubRip's bare & and < come escaped once; it does not decode
 * WebVTT's escapes (which the WebVTT standard requires and browsers read),
 * so there they come escaped twice. */
static void
test_hostile_text (void)
{
  g_autoptr(GPtrArray) srt = parse_hostile ("srt");
  g_autoptr(GPtrArray) vtt = parse_hostile ("vtt");

  g_assert_nonnull (strstr (g_ptr_array_index (srt, 0), "Fish &amp; chips"));
  g_assert_nonnull (strstr (g_ptr_array_index (srt, 0), "5 &lt; 7 &gt; 3"));
  g_assert_nonnull (strstr (g_ptr_array_index (vtt, 0), "Fish &amp;amp; chips"));
  for (guint i = 0; i < 2; i++)
    {
      GPtrArray *texts = i ? vtt : srt;
      g_assert_nonnull (strstr (g_ptr_array_index (texts, 1), "שלום עולם, مرحبا بالعالم"));
      g_assert_nonnull (strstr (g_ptr_array_index (texts, 2), "🎉👍🏽"));
    }
}

int
main (int argc, char **argv)
{
  int status;

  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  {
    GstElementFactory *factory = gst_element_factory_find ("subparse");
    if (factory == NULL)
      g_error ("GStreamer's subparse element is missing: install gstreamer1.0-plugins-base");
    gst_object_unref (factory);
  }
  lib = tl_test_export_library_new ();
  g_test_add_func ("/media/export/subparse/srt-clips", test_srt_clips);
  g_test_add_func ("/media/export/subparse/vtt-clips", test_vtt_clips);
  g_test_add_func ("/media/export/subparse/source-time", test_source_time);
  g_test_add_func ("/media/export/subparse/hostile-text", test_hostile_text);
  status = g_test_run ();
  tl_test_export_library_free (lib);
  return status;
}
