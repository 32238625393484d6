/* tl-test-export.c: the export tests' library: real transcripts from the
 * samples, hand-made SRT, media at 23.976 to 59.94 fps, and hostile names. */
#include "tl-test-export.h"

#include <string.h>

#include "tl-import.h"

#define T25 "A long title, with words "

const char *const tl_test_hostile_titles[] = {
  "<&\"> and </asset-clip><!-- -->",
  "Commas, \"quotes\", 'apostrophes'; semi;colons",
  "Line one\nLine two\r\nLine three",
  "Emoji 🎉👍🏽 and a family 👩‍👩‍👧",
  "עברית ושלום, مرحبا بالعالم — right to left",
  "=SUM(A1:A9) starts like a formula",
  "Bell\a, escape\x1b and tab\tcharacters",
  /* 300 characters */
  T25 T25 T25 T25 T25 T25 T25 T25 T25 T25 T25 T25,
  NULL,
};

const char *const tl_test_hostile_topics[] = {
  "Summit",
  "Weapons, arms & \"ammo\"",
  "<b>Reaction</b> <&\">",
  "שלום — RTL",
  "🎉 Emoji",
  NULL,
};

static const char *const topic_colors[] = { "#3584e4", "#c01c28", "#2ec27e", "#f5c211", "#9141ac" };

static char *
sample_text (const char *prefix)
{
  g_autofree char *path = tl_test_sample_named (prefix);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
append_cue (GString *srt, guint n, gint64 start, gint64 end, const char *text)
{
  g_string_append_printf (srt, "%u\n%02d:%02d:%02d,%03d --> %02d:%02d:%02d,%03d\n%s\n\n", n,
                          (int) (start / 3600000000), (int) (start / 60000000 % 60), (int) (start / 1000000 % 60),
                          (int) (start / 1000 % 1000), (int) (end / 3600000000), (int) (end / 60000000 % 60),
                          (int) (end / 1000000 % 60), (int) (end / 1000 % 1000), text);
}

/* Words of a transcript cut into cues of @per_cue words, spoken at
 * @usec_per_word, as a subtitle editor would time them. */
static char *
srt_from_words (const char *text, guint per_cue, gint64 usec_per_word, gint64 *end)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", text, 0, 0);
  GString *srt = g_string_new (NULL);
  g_autoptr(GString) cue = g_string_new (NULL);
  gint64 t = 0;
  guint n = 0, in_cue = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (cue->len)
        g_string_append_c (cue, ' ');
      g_string_append (cue, words[i]);
      if (++in_cue == per_cue || words[i + 1] == NULL)
        {
          append_cue (srt, ++n, t, t + in_cue * usec_per_word - 100000, cue->str);
          t += in_cue * usec_per_word;
          g_string_truncate (cue, 0);
          in_cue = 0;
        }
    }
  *end = t;
  return g_string_free (srt, FALSE);
}

/* Sample 000 carries its own times: "*  words [[00:00:05](…)]". */
static char *
srt_from_cbs (gint64 *end)
{
  g_autofree char *text = sample_text ("000_");
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GRegex) re = g_regex_new ("^\\*\\s+(.*?)\\s*\\[\\[(\\d\\d):(\\d\\d):(\\d\\d)\\]", 0, 0, NULL);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  GString *srt = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      if (g_regex_match (re, lines[i], 0, &match))
        {
          g_autofree char *h = g_match_info_fetch (match, 2), *m = g_match_info_fetch (match, 3);
          g_autofree char *s = g_match_info_fetch (match, 4);
          gint64 start = ((gint64) atoi (h) * 3600 + atoi (m) * 60 + atoi (s)) * 1000000;
          g_ptr_array_add (texts, g_match_info_fetch (match, 1));
          g_array_append_val (starts, start);
        }
    }
  g_assert_cmpuint (texts->len, >, 20);
  for (guint i = 0; i < texts->len; i++)
    {
      gint64 start = g_array_index (starts, gint64, i);
      gint64 stop = i + 1 < texts->len ? g_array_index (starts, gint64, i + 1) : start + 4000000;
      append_cue (srt, i + 1, start, MAX (stop, start + 500000), g_ptr_array_index (texts, i));
      *end = MAX (stop, start + 500000);
    }
  return g_string_free (srt, FALSE);
}

/* The takeaways of sample 001, one bullet per three seconds. */
static char *
srt_from_bbc (gint64 *end)
{
  g_autofree char *text = sample_text ("001_");
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *srt = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *bullet = g_strchug (lines[i]);
      if (g_str_has_prefix (bullet, "• "))
        {
          append_cue (srt, n + 1, (gint64) n * 3000000, (gint64) n * 3000000 + 2900000, bullet + strlen ("• "));
          n++;
        }
    }
  g_assert_cmpuint (n, >=, 10);
  *end = (gint64) n * 3000000;
  return g_string_free (srt, FALSE);
}

/* The longest line of a sample: its transcript. */
static char *
longest_line (const char *prefix)
{
  g_autofree char *text = sample_text (prefix);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  const char *longest = "";

  for (guint i = 0; lines[i] != NULL; i++)
    if (strlen (lines[i]) > strlen (longest))
      longest = lines[i];
  return g_strdup (longest);
}

static const char *const hostile_srt =
  "1\n00:00:00,500 --> 00:00:02,000\nFish & chips, \"quoted\" — 5 < 7 > 3\n\n"
  "2\n00:00:02,000 --> 00:00:04,000\nשלום עולם, مرحبا بالعالم\n\n"
  "3\n00:00:04,000 --> 00:00:06,000\nEmoji 🎉👍🏽 in speech\n\n"
  "4\n00:00:06,000 --> 00:00:08,500\nTwo lines\nin one cue\n\n"
  "5\n00:00:08,500 --> 00:00:12,000\nSemi; colons, commas, and =formulas\n\n";

/* Cue 3 comes before cue 2 in time; cues 1 and 3 overlap. */
static const char *const overlap_srt =
  "1\n00:00:01,000 --> 00:00:05,000\nThe summit opened with a parade.\n\n"
  "2\n00:00:06,000 --> 00:00:08,000\nAmmunition supplies were discussed.\n\n"
  "3\n00:00:03,000 --> 00:00:04,000\nA cheer from the crowd.\n\n"
  "4\n00:00:08,000 --> 00:00:11,000\nNorth Korea denied the weapons trade.\n\n";

static const char *const plain_srt =
  "1\n00:00:00,000 --> 00:00:03,000\nThe ministers met behind closed doors.\n\n"
  "2\n00:00:03,000 --> 00:00:06,000\nNo statement followed the meeting.\n\n"
  "3\n00:00:06,000 --> 00:00:09,000\nReporters waited outside in the rain.\n\n";

static gint64
import_srt (TlTestExportLibrary *lib, const char *name, const char *srt, const char *title, const char *outlet,
            TlMediaInfo *media)
{
  g_autofree char *path = g_build_filename (lib->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = NULL;
  TlImportOptions options = { path, "News/Summit", media };
  guint line = 0;
  gint64 id;

  g_assert_true (g_file_set_contents (path, srt, -1, NULL));
  doc = tl_import_file (path, NULL, &line, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (doc->format, ==, "srt");
  doc->title = tl_document_strdup (doc, title);
  doc->outlet = outlet ? tl_document_strdup (doc, outlet) : NULL;
  tl_document_apply_media (doc, media);
  id = tl_library_add_document (lib->library, doc, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static TlMediaInfo *
make_media (TlTestExportLibrary *lib, const char *name, int num, int den, gint64 duration, const char *origin)
{
  TlMediaInfo *media = tl_media_info_new ();

  media->path = g_build_filename (lib->dir, "media", name, NULL);
  media->duration = duration;
  media->fps_num = num;
  media->fps_den = den;
  media->has_video = num > 0;
  media->has_audio = TRUE;
  media->width = num > 0 ? 1280 : 0;
  media->height = num > 0 ? 720 : 0;
  media->start_timecode = g_strdup (origin);
  return media;
}

/* Sample 004 as an article: its paragraphs, without times. */
static gint64
import_article (TlTestExportLibrary *lib)
{
  g_autofree char *text = sample_text ("004_");
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(TlDocument) doc = tl_document_new ("text");
  g_autoptr(GError) error = NULL;
  gboolean body = FALSE;
  gint64 id;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      body = body || g_str_has_prefix (lines[i], "SEOUL");
      if (body && strlen (lines[i]) > 80)
        tl_document_add_segment (doc, TL_TIME_NONE, TL_TIME_NONE, lines[i], -1);
    }
  g_assert_cmpuint (tl_document_get_n_segments (doc), >=, 5);
  doc->kind = TL_SOURCE_KIND_ARTICLE;
  doc->timing = TL_TIMING_NONE;
  doc->title = tl_document_strdup (doc, "Putin and Kim Jong Un will meet in North Korea");
  doc->outlet = tl_document_strdup (doc, "NPR");
  id = tl_library_add_document (lib->library, doc, NULL, &error);
  g_assert_no_error (error);
  return id;
}

gint64
tl_test_export_add_clip (TlTestExportLibrary *lib, TlTestSource source, double in, double out, const char *title,
                         const char *note, guint rating, const char *const *topics)
{
  g_autoptr(GError) error = NULL;
  TlClipSpec spec = { 0 };
  gint64 id;

  spec.source_id = lib->sources[source];
  spec.first_segment = spec.last_segment = -1;
  if (source == TL_TEST_SOURCE_ARTICLE)
    {
      spec.first_segment = (gint) in;
      spec.last_segment = (gint) out;
      lib->n_quotes++;
    }
  else
    {
      spec.in = (gint64) (in * 1e6 + 0.5);
      spec.out = (gint64) (out * 1e6 + 0.5);
    }
  spec.title = title;
  spec.note = note;
  spec.rating = rating;
  spec.topics = topics;
  id = tl_library_add_clip (lib->library, &spec, &error);
  g_assert_no_error (error);
  lib->n_clips++;
  return id;
}

#define TOPICS(...) ((const char *const[]) { __VA_ARGS__, NULL })

TlTestExportLibrary *
tl_test_export_library_new (void)
{
  TlTestExportLibrary *lib = g_new0 (TlTestExportLibrary, 1);
  g_autoptr(GError) error = NULL;
  const char *const *t = tl_test_hostile_topics;
  const char *const *h = tl_test_hostile_titles;
  g_autofree char *cbs = NULL, *bbc = NULL, *cbc = NULL, *fp = NULL, *vantage = NULL, *line = NULL;
  g_autoptr(TlMediaInfo) m_cbs = NULL, m_bbc = NULL, m_cbc = NULL, m_fp = NULL, m_vantage = NULL;
  g_autoptr(TlMediaInfo) m_hostile = NULL, m_overlap = NULL, m_audio = NULL;
  gint64 end = 0;
  gsize half;

  lib->dir = tl_test_tmpdir_new ();
  lib->path = g_build_filename (lib->dir, "library.db", NULL);
  lib->library = tl_library_open (lib->path, &error);
  g_assert_no_error (error);

  for (guint i = 0; t[i] != NULL; i++)
    {
      g_autoptr(TlTopic) topic = tl_library_add_topic (lib->library, t[i], i + 1, topic_colors[i], &error);
      g_assert_no_error (error);
    }

  cbs = srt_from_cbs (&end);
  m_cbs = make_media (lib, "CBS Face the Nation #1 (é).mp4", 30000, 1001, 190000000, "00:59:58;00");
  lib->sources[TL_TEST_SOURCE_CBS] = import_srt (lib, "cbs.srt", cbs, "Significance of Putin and Kim Jong Un's meeting",
                                                 "CBS News", m_cbs);
  bbc = srt_from_bbc (&end);
  m_bbc = make_media (lib, "bbc.mov", 24, 1, end, NULL);
  lib->sources[TL_TEST_SOURCE_BBC] = import_srt (lib, "bbc.srt", bbc, "Russia pact with North Korea", "BBC News", m_bbc);
  line = longest_line ("002_");
  cbc = srt_from_words (line, 10, 350000, &end);
  m_cbc = make_media (lib, "cbc.mp4", 24000, 1001, end, NULL);
  lib->sources[TL_TEST_SOURCE_CBC] = import_srt (lib, "cbc.srt", cbc, "Putin to travel to North Korea", "CBC News", m_cbc);
  g_free (line);
  line = longest_line ("003_");
  half = strlen (line) / 2;
  while (line[half] != ' ')
    half++;
  line[half] = '\0';
  fp = srt_from_words (line, 12, 300000, &end);
  m_fp = make_media (lib, "firstpost.mxf", 50, 1, end, "10:00:00:00");
  lib->sources[TL_TEST_SOURCE_FIRSTPOST] = import_srt (lib, "firstpost.srt", fp, "Putin Upgrades North Korea Ties",
                                                       "Firstpost", m_fp);
  vantage = srt_from_words (line + half + 1, 12, 300000, &end);
  m_vantage = make_media (lib, "vantage.mp4", 60000, 1001, end, NULL);
  lib->sources[TL_TEST_SOURCE_VANTAGE] = import_srt (lib, "vantage.srt", vantage, "Vantage with Palki Sharma",
                                                     "Firstpost", m_vantage);
  m_hostile = make_media (lib, "hostile <&\"> name.mkv", 25, 1, 12000000, NULL);
  lib->sources[TL_TEST_SOURCE_HOSTILE] = import_srt (lib, "hostile.srt", hostile_srt, "Hostile <&\">, \"names\"\nand lines",
                                                     "Outlet, \"Quoted\"", m_hostile);
  m_overlap = make_media (lib, "overlap.mov", 30, 1, 11000000, NULL);
  lib->sources[TL_TEST_SOURCE_OVERLAP] = import_srt (lib, "overlap.srt", overlap_srt, "Overlapping cues", NULL, m_overlap);
  lib->sources[TL_TEST_SOURCE_NO_MEDIA] = import_srt (lib, "no-media.srt", plain_srt, "Transcript without media", NULL, NULL);
  m_audio = make_media (lib, "voice.wav", 0, 0, 9000000, NULL);
  lib->sources[TL_TEST_SOURCE_AUDIO] = import_srt (lib, "voice.srt", plain_srt, "Radio voice", "Radio", m_audio);
  lib->sources[TL_TEST_SOURCE_ARTICLE] = import_article (lib);

  /* times on and off the frame grids, ranges that share lines */
  tl_test_export_add_clip (lib, TL_TEST_SOURCE_CBS, 5.56, 12.72, "Putin travels", "Opening line", 5, TOPICS (t[0]));
  tl_test_export_add_clip (lib, TL_TEST_SOURCE_CBS, 60.06, 75.0, h[0], "A note\nover two lines", 3, TOPICS (t[1], t[2]));
  tl_test_export_add_clip (lib, TL_TEST_SOURCE_CBS, 120.5, 131.2667, NULL, NULL, 0, TOPICS (t[0]));
  tl_test_export_add_clip (lib, TL_TEST_SOURCE_BBC, 0.02, 5.98, h[1], "Commas, \"quotes\"", 4, TOPICS (t[1]));
  tl_test_export_add_clip (lib, TL_TEST_SOURCE_BBC, 9.0, 14.5, h[7], NULL, 2, TOPICS (t[3]));
  tl_test_export_add_clip (lib, TL_TEST_SOURCE_CBC, 3.3, 17.1, h[2], h[2], 1, TOPICS (t[0], t[4]));
  tl_test_export_add_clip (lib, TL_TEST_SOURCE_CBC, 40.0, 52.0, NULL, NULL, 0, NULL);
  tl_test_export_add_clip (lib, TL_TEST_SOURCE_FIRSTPOST, 1.011, 10.49, h[3], "🎉 note", 5, TOPICS (t[4]));
  tl_test_export_add_clip (lib, TL_TEST_SOURCE_FIRSTPOST, 30.0, 44.4, h[4], h[4], 3, TOPICS (t[3], t[0]));
  tl_test_export_add_clip (lib, TL_TEST_SOURCE_VANTAGE, 2.0, 9.99, h[5], "=cmd|' /C calc'!A0", 2, TOPICS (t[1]));
  tl_test_export_add_clip (lib, TL_TEST_SOURCE_VANTAGE, 59.0, 61.5, h[6], h[6], 1, TOPICS (t[2]));
  tl_test_export_add_clip (lib, TL_TEST_SOURCE_HOSTILE, 0.5, 12.0, h[0], h[4], 4, TOPICS (t[2], t[3], t[4]));
  tl_test_export_add_clip (lib, TL_TEST_SOURCE_HOSTILE, 1.99, 6.01, h[3], NULL, 0, TOPICS (t[1]));
  tl_test_export_add_clip (lib, TL_TEST_SOURCE_OVERLAP, 2.0, 6.5, "Overlap", NULL, 2, TOPICS (t[0]));
  tl_test_export_add_clip (lib, TL_TEST_SOURCE_OVERLAP, 0.0, 11.0, "The whole thing", NULL, 3, TOPICS (t[0]));
  tl_test_export_add_clip (lib, TL_TEST_SOURCE_NO_MEDIA, 1.5, 7.25, "No media", NULL, 1, TOPICS (t[2]));
  tl_test_export_add_clip (lib, TL_TEST_SOURCE_AUDIO, 0.3, 4.0, "Radio", "Audio only", 1, TOPICS (t[3]));
  tl_test_export_add_clip (lib, TL_TEST_SOURCE_ARTICLE, 0, 1, "A quote", "From the article", 4, TOPICS (t[0]));
  tl_test_export_add_clip (lib, TL_TEST_SOURCE_ARTICLE, 3, 3, h[4], NULL, 2, TOPICS (t[1]));
  return lib;
}

void
tl_test_export_library_free (TlTestExportLibrary *lib)
{
  if (lib == NULL)
    return;
  g_clear_object (&lib->library);
  g_free (lib->path);
  tl_test_tmpdir_free (lib->dir);
  g_free (lib);
}

TlExportContext *
tl_test_export_context (TlTestExportLibrary *lib, const TlClipFilter *filter, const TlExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  TlExportContext *ctx = tl_export_context_new (lib->library, filter, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ctx);
  return ctx;
}

/* The export as a string; asserts that it worked. */
char *
tl_test_export (TlTestExportLibrary *lib, const char *format, const TlClipFilter *filter,
                const TlExportOptions *options, TlExportStats *stats)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  tl_export_to_string (lib->library, filter, format, options, out, stats, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (out->str, out->len, NULL));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* @original as the exporters promise to keep it: the same characters, less
 * the control characters no file format holds, with CRLF as LF (or, with
 * @one_line, line breaks and tabs as single spaces). */
char *
tl_test_export_cleaned (const char *original, gboolean one_line)
{
  GString *expected = g_string_new (NULL);

  for (const char *p = original; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '\r' && p[1] == '\n')
        continue;
      if (c == '\n' || c == '\r' || c == '\t' || c == 0x2028 || c == 0x2029)
        {
          if (!one_line)
            g_string_append_c (expected, c == '\t' ? '\t' : '\n');
          else if (expected->len && expected->str[expected->len - 1] != ' ')
            g_string_append_c (expected, ' ');
        }
      else if (c >= 0x20 && !(c >= 0x7f && c < 0xa0) && c != 0xfffe && c != 0xffff)
        g_string_append_unichar (expected, c);
    }
  while (one_line && expected->len && expected->str[expected->len - 1] == ' ')
    g_string_truncate (expected, expected->len - 1);
  return g_string_free (expected, FALSE);
}

/* Whether @exported is tl_test_export_cleaned() @original. */
gboolean
tl_test_export_clean_equal (const char *original, const char *exported, gboolean one_line)
{
  g_autofree char *expected = tl_test_export_cleaned (original, one_line);

  if (g_strcmp0 (expected, exported) != 0)
    {
      g_test_message ("expected “%s”, exported “%s”", expected, exported);
      return FALSE;
    }
  return TRUE;
}

/* A file of ../shared (TAGLINE_SHARED_DIR), or NULL when it is absent. */
char *
tl_test_shared_path (const char *relative)
{
  const char *shared = g_getenv ("TAGLINE_SHARED_DIR");
  g_autofree char *path = g_build_filename (shared ? shared : "../shared", relative, NULL);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR) ? g_steal_pointer (&path) : NULL;
}
