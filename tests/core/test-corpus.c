/* test-corpus.c: imports the 40 real files of ../shared/corpus/transcripts
 * and compares each with its row in MANIFEST.tsv. Skips when the corpus
 * folder is absent (it belongs to other projects and is not copied here). */
#include <string.h>

#include "tl-import.h"

typedef struct {
  char *file;
  char *format;
  char *expected_cues;
  char *first_start;
  char *last_end;
  char *should;
} Row;

/* Where the manifest leaves a choice, the one Tagline makes (and why). */
static const struct {
  const char *file;
  int cues;
  double first_start;
  double last_end;
} choices[] = {
  /* the cue whose end comes before its start is left out with a warning */
  { "sbv_webvttpy_sample_inverted_last.sbv", 4, 0.378, 16.234 },
  /* a file without the WEBVTT signature is read tolerantly, as SubRip */
  { "vtt_webvttpy_no_header.vtt", 7, 0.5, 30.28 },
  /* invalid WebVTT times read tolerantly (".04" is 40 ms) */
  { "vtt_astisub_bom_note_style_region.vtt", 6, 99.0, 153.44 },
  { "vtt_astisub_utf16le_bom.vtt", 6, 99.0, 153.44 },
  /* rolling auto-captions: one segment per caption line, no line repeated
   * ("yeah", "what", "this will happen is I'm telling"); the last cue only
   * repeats the line before it and carries its end to 305.4 */
  { "vtt_webvttpy_youtube_autocaption_wordtags.vtt", 3, 286.07, 305.4 },
  /* "00:00:01 --> 00:00:10": read tolerantly */
  { "srt_pysrt_invalid_no_millis.srt", 1, 1.0, 10.0 },
};

static char *corpus_dir;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->file);
  g_free (row->format);
  g_free (row->expected_cues);
  g_free (row->first_start);
  g_free (row->last_end);
  g_free (row->should);
  g_free (row);
}

static void
test_row (gconstpointer data)
{
  const Row *row = data;
  g_autofree char *path = g_build_filename (corpus_dir, row->file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = NULL;
  guint line = 0;
  int cues = atoi (row->expected_cues);
  double first = g_ascii_strtod (row->first_start, NULL);
  double last = g_ascii_strtod (row->last_end, NULL);
  gboolean check_last = g_ascii_isdigit (row->last_end[0]);
  gboolean reject = g_str_has_prefix (row->should, "REJECT") || cues == 0;
  gint64 min_start = G_MAXINT64, max_end = TL_TIME_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    if (strcmp (choices[i].file, row->file) == 0)
      {
        cues = choices[i].cues;
        first = choices[i].first_start;
        last = choices[i].last_end;
        reject = FALSE;
      }

  doc = tl_import_file (path, NULL, &line, &error);
  if (reject)
    {
      g_assert_null (doc);
      g_assert_nonnull (error);
      g_test_message ("%s refused: %s (line %u)", row->file, error->message, line);
      return;
    }
  g_assert_no_error (error);
  g_assert_nonnull (doc);

  g_assert_cmpuint (doc->segments->len, ==, cues);
  for (guint i = 0; i < doc->segments->len; i++)
    {
      TlDocSegment *seg = tl_document_get_segment (doc, i);
      g_assert_cmpint (seg->start, !=, TL_TIME_NONE);
      min_start = MIN (min_start, seg->start);
      max_end = MAX (max_end, seg->end);
      g_assert_true (g_utf8_validate (seg->text, -1, NULL));
      g_assert_false (g_regex_match_simple ("</?[a-zA-Z][^<>]*>|\\{\\\\", seg->text, 0, 0));
    }
  g_assert_cmpfloat_with_epsilon (min_start / 1e6, first, 0.0015);
  if (check_last)
    g_assert_cmpfloat_with_epsilon (max_end / 1e6, last, 0.0015);
  g_assert_cmpint (doc->timing, ==, TL_TIMING_NATIVE);
}

static void
test_absent (void)
{
  g_autofree char *msg = g_strdup_printf ("no corpus at %s", corpus_dir);

  g_test_skip (msg);
}

int
main (int argc, char **argv)
{
  g_autofree char *manifest_path = NULL;
  g_autofree char *manifest = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  g_auto(GStrv) lines = NULL;
  const char *shared = g_getenv ("TAGLINE_SHARED_DIR");

  g_test_init (&argc, &argv, NULL);

  corpus_dir = g_build_filename (shared ? shared : "../shared", "corpus", "transcripts", NULL);
  manifest_path = g_build_filename (corpus_dir, "MANIFEST.tsv", NULL);
  if (!g_file_get_contents (manifest_path, &manifest, NULL, NULL))
    {
      g_test_add_func ("/core/corpus/absent", test_absent);
      return g_test_run ();
    }

  lines = g_strsplit (manifest, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      Row *row;
      g_autofree char *name = NULL;

      if (g_strv_length (f) < 7)
        continue;
      row = g_new0 (Row, 1);
      row->file = g_strdup (f[0]);
      row->format = g_strdup (f[2]);
      row->expected_cues = g_strdup (f[3]);
      row->first_start = g_strdup (f[4]);
      row->last_end = g_strdup (f[5]);
      row->should = g_strdup (f[6]);
      g_ptr_array_add (rows, row);
      name = g_strdup_printf ("/core/corpus/%s", row->file);
      g_test_add_data_func (name, row, test_row);
    }
  return g_test_run ();
}
