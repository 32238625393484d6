/* test-library.c: the library through its API only (any store): imports,
 * search, clips of times and of paragraphs, lines' times set at once.
 * What is about the SQLite file itself is in tests/core/store/. */
#include <string.h>

#include "tl-import.h"
#include "tl-library.h"
#include "tl-search.h"
#include "tl-test-library.h"
#include "tl-test-util.h"

/* An old library (schema 0 but ours: created empty) is migrated. */
static void
test_migrate_empty_file (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  library = tl_library_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tl_library_get_schema_version (library), ==, TL_LIBRARY_SCHEMA_VERSION);
  g_clear_object (&library);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

/* How many lines of @f's library match @query, which must be one the
 * search understands. */
static guint
n_hits (TlTestLibrary *f, const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSearchResults) results = tl_search (f->library, query, 50, 0, NULL, NULL, &error);

  g_assert_no_error (error);
  return results->total;
}

static void
test_search (TlTestLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSearchResults) results = NULL;
  TlSearchHit *hit;
  gint64 id = tl_test_import_text (f->library, tl_test_srt_text, "/x/a.srt", NULL);

  results = tl_search (f->library, "ammunition", 50, 0, "<", ">", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->total, ==, 1);
  hit = g_ptr_array_index (results->hits, 0);
  g_assert_cmpint (hit->source_id, ==, id);
  g_assert_cmpuint (hit->segment_index, ==, 1);
  g_assert_cmpint (hit->start, ==, 4500000);
  g_assert_cmpstr (hit->snippet, ==, "<Ammunition> supplies were discussed.");
  g_clear_pointer (&results, tl_search_results_free);

  /* phrases, prefixes, OR, exclusion, case and punctuation */
  g_assert_cmpuint (n_hits (f, "\"north korea\""), ==, 1);
  g_assert_cmpuint (n_hits (f, "\"korea north\""), ==, 0);
  g_assert_cmpuint (n_hits (f, "weap*"), ==, 1);
  g_assert_cmpuint (n_hits (f, "parade OR weapons"), ==, 2);
  g_assert_cmpuint (n_hits (f, "the -parade"), ==, 1);
  g_assert_cmpuint (n_hits (f, "NEAR( AMMUNITION:"), ==, 0);
  /* limit and offset page through, total counts all */
  results = tl_search (f->library, "the", 1, 1, NULL, NULL, &error);
  g_assert_cmpuint (results->total, ==, 2);
  g_assert_cmpuint (results->hits->len, ==, 1);
  g_assert_cmpuint (((TlSearchHit *) g_ptr_array_index (results->hits, 0))->segment_index, ==, 2);
  g_clear_pointer (&results, tl_search_results_free);

  g_assert_null (tl_search (f->library, "  ?! ", 50, 0, NULL, NULL, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
}

/* Clips of sources without times are paragraph ranges. */
static void
test_paragraph_clips (TlTestLibrary *f, gconstpointer data)
{
  g_autoptr(TlDocument) doc = tl_document_new ("article");
  g_autoptr(GError) error = NULL;
  g_autoptr(TlClip) clip = NULL;
  g_autofree char *text = NULL;
  const char *topics[] = { "Quotes", NULL };
  TlClipSpec spec = { 0, TL_TIME_NONE, TL_TIME_NONE, 1, 2, NULL, NULL, 0, topics };
  gint64 id;

  doc->kind = TL_SOURCE_KIND_ARTICLE;
  tl_document_add_segment (doc, TL_TIME_NONE, TL_TIME_NONE, "First paragraph.", -1);
  tl_document_add_segment (doc, TL_TIME_NONE, TL_TIME_NONE, "Second paragraph.", -1);
  tl_document_add_segment (doc, TL_TIME_NONE, TL_TIME_NONE, "Third paragraph.", -1);
  id = tl_library_add_document (f->library, doc, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (tl_library_add_topic (f->library, "Quotes", 0, NULL, NULL));
  spec.source_id = id;
  id = tl_library_add_clip (f->library, &spec, &error);
  g_assert_no_error (error);
  clip = tl_library_get_clip (f->library, id, &error);
  g_assert_cmpint (tl_clip_get_first_segment (clip), ==, 1);
  g_assert_cmpint (tl_clip_get_last_segment (clip), ==, 2);
  g_assert_cmpint (tl_clip_get_in (clip), ==, TL_TIME_NONE);
  text = tl_library_get_clip_text (f->library, clip, &error);
  g_assert_cmpstr (text, ==, "Second paragraph. Third paragraph.");
  spec.last_segment = 3;
  g_assert_cmpint (tl_library_add_clip (f->library, &spec, &error), ==, 0);
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
}

static void
test_set_segment_times (TlTestLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(TlSource) source = NULL;
  gint64 id = tl_test_import_text (f->library, tl_test_srt_text, "times.srt", &error);
  TlSegmentTiming times[4] = {
    { 1100000, 3900000, 0.97, NULL, FALSE },
    { 4600000, 8000000, 0.12, "unspoken", FALSE },
    { 9100000, 11000000, 1.0, NULL, TRUE },
    { 12000000, 15000000, -1, NULL, FALSE },
  };

  g_assert_no_error (error);
  g_assert_true (tl_library_set_segment_times (f->library, id, TL_TIMING_ALIGNED, times, 4, &error));
  g_assert_no_error (error);
  source = tl_library_get_source (f->library, id, NULL);
  g_assert_cmpint (tl_source_get_timing (source), ==, TL_TIMING_ALIGNED);
  segments = tl_library_get_segments (f->library, id, NULL);
  g_assert_cmpint (tl_segment_get_start (g_ptr_array_index (segments, 0)), ==, 1100000);
  g_assert_cmpfloat (tl_segment_get_confidence (g_ptr_array_index (segments, 0)), ==, 0.97);
  g_assert_cmpstr (tl_segment_get_flag (g_ptr_array_index (segments, 1)), ==, "unspoken");
  g_assert_true (tl_segment_get_anchor (g_ptr_array_index (segments, 2)));
  g_assert_false (tl_segment_get_anchor (g_ptr_array_index (segments, 0)));
  g_assert_cmpfloat (tl_segment_get_confidence (g_ptr_array_index (segments, 3)), <, 0);
}

/* A wrong count or a bad value changes nothing at all. */
/* New times for the lines move the clips made on the old ones with them,
 * in the same undoable step: a clip over line 2 still holds line 2. */
static void
test_clips_move_with_lines (TlTestLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlClip) whole = NULL, inside = NULL, both = NULL;
  gint64 id = tl_test_import_text (f->library, tl_test_srt_text, "times.srt", &error);
  const char *topics[] = { "Weapons", NULL };
  /* line 2 as it was (4.5–8.25 s), the middle of line 3 (10–11 s), lines 2–3 */
  TlClipSpec spec_whole = { id, 4500000, 8250000, -1, -1, NULL, NULL, 0, topics };
  TlClipSpec spec_inside = { id, 10000000, 11000000, -1, -1, NULL, NULL, 0, topics };
  TlClipSpec spec_both = { id, 4500000, 12000000, -1, -1, NULL, NULL, 0, topics };
  gint64 whole_id, inside_id, both_id;
  /* the sound says otherwise: every line a second and a half later, line 3 longer */
  TlSegmentTiming times[4] = {
    { 2500000, 5500000, 0.9, NULL, FALSE },
    { 6000000, 9750000, 0.9, NULL, FALSE },
    { 10500000, 16500000, 0.9, NULL, FALSE },
    { 16500000, 19000000, 0.9, NULL, FALSE },
  };

  g_object_unref (tl_library_add_topic (f->library, "Weapons", 1, NULL, &error));
  whole_id = tl_library_add_clip (f->library, &spec_whole, &error);
  inside_id = tl_library_add_clip (f->library, &spec_inside, &error);
  both_id = tl_library_add_clip (f->library, &spec_both, &error);
  g_assert_no_error (error);

  g_assert_true (tl_library_set_segment_times (f->library, id, TL_TIMING_ALIGNED, times, 4, &error));
  g_assert_no_error (error);
  whole = tl_library_get_clip (f->library, whole_id, NULL);
  inside = tl_library_get_clip (f->library, inside_id, NULL);
  both = tl_library_get_clip (f->library, both_id, NULL);
  /* a line's ends go to its new ends */
  g_assert_cmpint (tl_clip_get_in (whole), ==, 6000000);
  g_assert_cmpint (tl_clip_get_out (whole), ==, 9750000);
  g_assert_cmpint (tl_clip_get_in (both), ==, 6000000);
  g_assert_cmpint (tl_clip_get_out (both), ==, 16500000);
  /* a third and two thirds into line 3 stay a third and two thirds into it */
  g_assert_cmpint (tl_clip_get_in (inside), ==, 12500000);
  g_assert_cmpint (tl_clip_get_out (inside), ==, 14500000);

  /* one undo takes the times and the clips back together */
  g_assert_true (tl_library_undo (f->library, NULL, &error));
  g_clear_object (&whole);
  g_clear_object (&inside);
  whole = tl_library_get_clip (f->library, whole_id, NULL);
  inside = tl_library_get_clip (f->library, inside_id, NULL);
  g_assert_cmpint (tl_clip_get_in (whole), ==, 4500000);
  g_assert_cmpint (tl_clip_get_out (whole), ==, 8250000);
  g_assert_cmpint (tl_clip_get_in (inside), ==, 10000000);
  g_assert_cmpint (tl_clip_get_out (inside), ==, 11000000);
}

static void
test_set_segment_times_refused (TlTestLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(TlSource) source = NULL;
  gint64 id = tl_test_import_text (f->library, tl_test_srt_text, "times.srt", &error);
  TlSegmentTiming times[4] = {
    { 1100000, 3900000, 0.97, NULL, FALSE },
    { 4600000, 8000000, 0.5, NULL, FALSE },
    { 9100000, 11000000, 1.0, NULL, FALSE },
    { 12000000, 15000000, 0.5, NULL, FALSE },
  };

  g_assert_no_error (error);
  g_assert_false (tl_library_set_segment_times (f->library, id, TL_TIMING_ALIGNED, times, 3, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "4 lines"));
  g_clear_error (&error);
  times[3].flag = "maybe";
  g_assert_false (tl_library_set_segment_times (f->library, id, TL_TIMING_ALIGNED, times, 4, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
  g_clear_error (&error);
  times[3].flag = NULL;
  times[1].end = 100;
  g_assert_false (tl_library_set_segment_times (f->library, id, TL_TIMING_ALIGNED, times, 4, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
  g_clear_error (&error);
  times[1].end = 8000000;
  g_assert_false (tl_library_set_segment_times (f->library, 999, TL_TIMING_ALIGNED, times, 4, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND);

  source = tl_library_get_source (f->library, id, NULL);
  g_assert_cmpint (tl_source_get_timing (source), ==, TL_TIMING_NATIVE);
  segments = tl_library_get_segments (f->library, id, NULL);
  g_assert_cmpint (tl_segment_get_start (g_ptr_array_index (segments, 0)), ==, 1000000);
  g_assert_cmpfloat (tl_segment_get_confidence (g_ptr_array_index (segments, 0)), <, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, TlTestLibrary, NULL, tl_test_library_set_up, func, tl_test_library_tear_down)
  g_test_add_func ("/core/library/migrate-empty-file", test_migrate_empty_file);
  ADD ("/core/library/set-segment-times", test_set_segment_times);
  ADD ("/core/library/set-segment-times-refused", test_set_segment_times_refused);
  ADD ("/core/library/clips-move-with-lines", test_clips_move_with_lines);
  ADD ("/core/library/search", test_search);
  ADD ("/core/library/paragraph-clips", test_paragraph_clips);
#undef ADD
  return g_test_run ();
}