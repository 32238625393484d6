/* test-export-subtitles.c: SRT and WebVTT of the clips' lines, read back
 * here: on the clip timeline each clip's lines fall inside its record
 * window (the EDL's), on source time they keep their own times; cue text
 * never breaks a cue, and WebVTT escapes its markup. */
#include <string.h>

#include "tl-test-export.h"
#include "tl-timecode.h"

static TlTestExportLibrary *lib;

typedef struct {
  guint number;
  gint64 start;
  gint64 end;
  char *text;
} Cue;

static void
cue_clear (gpointer data)
{
  g_free (((Cue *) data)->text);
}

static gint64
parse_time (const char *text, char separator)
{
  int h, m, s, ms;
  char sep;

  g_assert_cmpint (sscanf (text, "%d:%d:%d%c%d", &h, &m, &s, &sep, &ms), ==, 5);
  g_assert_cmpint (sep, ==, separator);
  return (((gint64) h * 60 + m) * 60 + s) * 1000000 + ms * 1000;
}

/* Cues separated by blank lines: a number, "start --> end", text lines. */
static GArray *
read_cues (const char *text, gboolean vtt)
{
  GArray *cues = g_array_new (FALSE, TRUE, sizeof (Cue));
  g_auto(GStrv) blocks = NULL;
  guint first = 0;

  g_array_set_clear_func (cues, cue_clear);
  g_assert_true (g_str_has_suffix (text, "\n"));
  g_assert_null (strstr (text, "\r"));
  g_assert_null (strstr (text, "\n\n\n"));
  {
    /* the last cue ends with its line's newline */
    g_autofree char *body = g_strndup (text, strlen (text) - 1);
    blocks = g_strsplit (body, "\n\n", -1);
  }
  if (vtt)
    {
      g_assert_cmpstr (blocks[0], ==, "WEBVTT");
      first = 1;
    }
  for (guint b = first; blocks[b] != NULL; b++)
    {
      g_auto(GStrv) lines = g_strsplit (blocks[b], "\n", -1);
      g_autofree char *start = NULL, *end = NULL;
      Cue cue = { 0 };

      g_assert_cmpuint (g_strv_length (lines), >=, 3);
      cue.number = atoi (lines[0]);
      g_assert_cmpuint (cue.number, ==, cues->len + 1);
      g_assert_nonnull (strstr (lines[1], " --> "));
      start = g_strndup (lines[1], strstr (lines[1], " --> ") - lines[1]);
      end = g_strdup (strstr (lines[1], " --> ") + 5);
      cue.start = parse_time (start, vtt ? '.' : ',');
      cue.end = parse_time (end, vtt ? '.' : ',');
      g_assert_cmpint (cue.end, >, cue.start);
      for (guint l = 2; lines[l] != NULL; l++)
        {
          g_assert_cmpstr (lines[l], !=, "");
          /* WebVTT forbids the arrow in cue text; SubRip readers look for it
           * only on the line after the number */
          if (vtt)
            g_assert_null (strstr (lines[l], "-->"));
        }
      cue.text = g_strjoinv ("\n", lines + 2);
      g_array_append_val (cues, cue);
    }
  return cues;
}

/* Where a line lands in its clip, the test's own way: clipped to the
 * clip's frames, on its record window. */
static gboolean
line_window (TlExportContext *ctx, TlExportItem *item, TlExportLine *line, gboolean on_source, gint64 *start,
             gint64 *end)
{
  gint64 in = item->in_frame * G_GINT64_CONSTANT (1000000) * item->fps_den / item->fps_num;
  gint64 out = item->out_frame * G_GINT64_CONSTANT (1000000) * item->fps_den / item->fps_num;
  gint64 record_in = item->record_in * G_GINT64_CONSTANT (1000000) * ctx->fps_den / ctx->fps_num;

  *start = MAX (line->start, in);
  *end = MIN (line->end != TL_TIME_NONE ? line->end : out, out);
  if (!on_source)
    {
      *start += record_in - in;
      *end += record_in - in;
    }
  /* a cue the file's milliseconds cannot hold is left out */
  return (*end + 500) / 1000 > (*start + 500) / 1000;
}

typedef struct {
  gint64 start;
  gint64 end;
  const char *text;
} Window;

static int
compare_windows (gconstpointer a, gconstpointer b)
{
  const Window *wa = a, *wb = b;

  return wa->start < wb->start ? -1 : wa->start > wb->start;
}

static void
check_clip_timeline (const char *format)
{
  g_autoptr(TlExportContext) ctx = tl_test_export_context (lib, NULL, NULL);
  TlExportStats stats = { 0 };
  g_autofree char *text = tl_test_export (lib, format, NULL, NULL, &stats);
  g_autoptr(GArray) cues = read_cues (text, strcmp (format, "vtt") == 0);
  g_autoptr(GArray) windows = g_array_new (FALSE, FALSE, sizeof (Window));

  g_assert_cmpuint (stats.n_skipped, ==, lib->n_quotes);
  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      gint64 record_out = item->record_out * G_GINT64_CONSTANT (1000000) * ctx->fps_den / ctx->fps_num;

      if (!item->timed)
        continue;
      for (guint l = 0; l < item->lines->len; l++)
        {
          TlExportLine *line = g_ptr_array_index (item->lines, l);
          Window w = { 0, 0, line->text };

          if (line_window (ctx, item, line, FALSE, &w.start, &w.end))
            {
              w.end = MIN (w.end, record_out);
              g_array_append_val (windows, w);
            }
        }
    }
  /* in time order; a line that starts while another shows cuts it short */
  g_array_sort (windows, compare_windows);
  g_assert_cmpuint (cues->len, ==, windows->len);
  for (guint i = 0; i < windows->len; i++)
    {
      Window *w = &g_array_index (windows, Window, i);
      Cue *cue = &g_array_index (cues, Cue, i);
      gint64 end = i + 1 < windows->len ? MIN (w->end, g_array_index (windows, Window, i + 1).start) : w->end;

      /* to the millisecond the file holds */
      g_assert_cmpint (ABS (cue->start - w->start), <=, 500);
      g_assert_cmpint (ABS (cue->end - end), <=, 500);
      if (strpbrk (w->text, "<>&") == NULL)
        g_assert_cmpstr (cue->text, ==, w->text);
      if (i > 0)
        g_assert_cmpint (cue->start, >=, g_array_index (cues, Cue, i - 1).end);
    }
}

/* A library file in @dir that holds only @doc, with the times it has, and
 * one clip from its start to @out: the least there is to export. */
static TlLibrary *
library_with_one_clip (const char *dir, TlDocument *doc, gint64 out)
{
  g_autofree char *path = g_build_filename (dir, "one-clip.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = tl_library_open (path, &error);
  g_autoptr(TlTopic) topic = tl_library_add_topic (library, "T", 1, NULL, &error);
  TlClipSpec spec = { 0, 0, out, -1, -1, NULL, NULL, 0, (const char *const[]) { "T", NULL } };

  doc->timing = TL_TIMING_NATIVE;
  spec.source_id = tl_library_add_document (library, doc, NULL, &error);
  g_assert_no_error (error);
  tl_library_add_clip (library, &spec, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&library);
}

/* All of @library's clips as @format. */
static char *
export_all (TlLibrary *library, const char *format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  tl_export_to_string (library, NULL, format, NULL, out, NULL, &error);
  g_assert_no_error (error);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_srt_clips (void)
{
  check_clip_timeline ("srt");
}

static void
test_vtt_clips (void)
{
  check_clip_timeline ("vtt");
}

/* On source time the lines keep their own times (cut to their clips),
 * each once even where clips share them, and never overlapping. */
static void
test_source_time (void)
{
  gint64 ids[] = { lib->sources[TL_TEST_SOURCE_OVERLAP] };
  TlClipFilter filter = { .source_ids = ids, .n_source_ids = 1 };
  TlExportOptions options = { .timeline = TL_EXPORT_TIMELINE_SOURCE };
  g_autofree char *text = tl_test_export (lib, "srt", &filter, &options, NULL);
  g_autoptr(GArray) cues = read_cues (text, FALSE);
  static const struct {
    gint64 start, end;
    const char *text;
  } expected[] = {
    /* 1 to 5 s, cut short where the cheer (3 to 4 s) starts */
    { 1000000, 3000000, "The summit opened with a parade." },
    { 3000000, 4000000, "A cheer from the crowd." },
    /* in both clips (to 6.5 s in one): once, whole */
    { 6000000, 8000000, "Ammunition supplies were discussed." },
    { 8000000, 11000000, "North Korea denied the weapons trade." },
  };

  g_assert_cmpuint (cues->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpint (g_array_index (cues, Cue, i).start, ==, expected[i].start);
      g_assert_cmpint (g_array_index (cues, Cue, i).end, ==, expected[i].end);
      g_assert_cmpstr (g_array_index (cues, Cue, i).text, ==, expected[i].text);
    }
}

/* Lines that start together share a cue. */
static void
test_same_start (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autoptr(TlDocument) doc = tl_document_new ("test");
  g_autoptr(TlLibrary) library = NULL;
  g_autofree char *srt = NULL;
  g_autoptr(GArray) cues = NULL;

  tl_document_add_segment (doc, 1000000, 3000000, "Interviewer: And then?", -1);
  tl_document_add_segment (doc, 1000000, 4000000, "Guest: Nothing.", -1);
  tl_document_add_segment (doc, 4000000, 5000000, "Both laugh.", -1);
  library = library_with_one_clip (dir, doc, 5000000);
  srt = export_all (library, "srt");
  cues = read_cues (srt, FALSE);
  g_assert_cmpuint (cues->len, ==, 2);
  g_assert_cmpstr (g_array_index (cues, Cue, 0).text, ==, "Interviewer: And then?\nGuest: Nothing.");
  g_assert_cmpint (g_array_index (cues, Cue, 0).start, ==, 1000000);
  g_assert_cmpint (g_array_index (cues, Cue, 0).end, ==, 4000000);
}

/* SubRip has no escapes; WebVTT's text is markup and escapes <, > and &.
 * A cue of two lines stays two lines; none holds a blank line. */
static void
test_hostile (void)
{
  gint64 ids[] = { lib->sources[TL_TEST_SOURCE_HOSTILE] };
  TlClipFilter filter = { .source_ids = ids, .n_source_ids = 1 };
  TlExportOptions options = { .timeline = TL_EXPORT_TIMELINE_SOURCE };
  g_autofree char *srt = tl_test_export (lib, "srt", &filter, &options, NULL);
  g_autofree char *vtt = tl_test_export (lib, "vtt", &filter, &options, NULL);
  g_autoptr(GArray) srt_cues = read_cues (srt, FALSE);
  g_autoptr(GArray) vtt_cues = read_cues (vtt, TRUE);

  g_assert_cmpuint (srt_cues->len, ==, 5);
  g_assert_cmpuint (vtt_cues->len, ==, 5);
  g_assert_cmpstr (g_array_index (srt_cues, Cue, 0).text, ==, "Fish & chips, \"quoted\" — 5 < 7 > 3");
  g_assert_cmpstr (g_array_index (vtt_cues, Cue, 0).text, ==, "Fish &amp; chips, \"quoted\" — 5 &lt; 7 &gt; 3");
  g_assert_cmpstr (g_array_index (srt_cues, Cue, 1).text, ==, "שלום עולם, مرحبا بالعالم");
  g_assert_cmpstr (g_array_index (vtt_cues, Cue, 2).text, ==, "Emoji 🎉👍🏽 in speech");
  /* the SRT importer joins a cue's lines */
  g_assert_cmpstr (g_array_index (srt_cues, Cue, 3).text, ==, "Two lines in one cue");
  for (guint i = 0; i < srt_cues->len; i++)
    {
      g_assert_cmpint (g_array_index (srt_cues, Cue, i).start, ==, g_array_index (vtt_cues, Cue, i).start);
      g_assert_cmpint (g_array_index (srt_cues, Cue, i).end, ==, g_array_index (vtt_cues, Cue, i).end);
    }
}

/* A line of text with a blank line in it (as a hand-edited transcript may
 * hold) would end its cue there: the blank line goes, the lines stay. */
static void
test_blank_lines (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autoptr(TlDocument) doc = tl_document_new ("test");
  g_autoptr(TlLibrary) library = NULL;
  g_autofree char *srt = NULL, *vtt = NULL;
  g_autoptr(GArray) srt_cues = NULL, vtt_cues = NULL;

  tl_document_add_segment (doc, 0, 2000000, "First line\n\n\nafter blank lines\r\n", -1);
  tl_document_add_segment (doc, 2000000, 4000000, "A --> B <i>not markup</i>", -1);
  library = library_with_one_clip (dir, doc, 4000000);
  srt = export_all (library, "srt");
  vtt = export_all (library, "vtt");
  srt_cues = read_cues (srt, FALSE);
  vtt_cues = read_cues (vtt, TRUE);
  g_assert_cmpuint (srt_cues->len, ==, 2);
  g_assert_cmpstr (g_array_index (srt_cues, Cue, 0).text, ==, "First line\nafter blank lines");
  g_assert_cmpstr (g_array_index (vtt_cues, Cue, 1).text, ==, "A --&gt; B &lt;i&gt;not markup&lt;/i&gt;");
  g_assert_cmpstr (g_array_index (srt_cues, Cue, 1).text, ==, "A --> B <i>not markup</i>");
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  lib = tl_test_export_library_new ();
  g_test_add_func ("/core/export/subtitles/srt-clips", test_srt_clips);
  g_test_add_func ("/core/export/subtitles/vtt-clips", test_vtt_clips);
  g_test_add_func ("/core/export/subtitles/source-time", test_source_time);
  g_test_add_func ("/core/export/subtitles/same-start", test_same_start);
  g_test_add_func ("/core/export/subtitles/hostile", test_hostile);
  g_test_add_func ("/core/export/subtitles/blank-lines", test_blank_lines);
  status = g_test_run ();
  tl_test_export_library_free (lib);
  return status;
}
