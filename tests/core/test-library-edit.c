/* test-library-edit.c: edits by hand, each one undoable, undo that
 * survives a restart, deletes that come back, change notices, and the
 * migration of a library written by schema 1; through the API only (what
 * looks into the SQLite file is in tests/core/store/test-sqlite-edit.c). */
#include <string.h>

#include "tl-import.h"
#include "tl-library.h"
#include "tl-search.h"
#include "tl-test-library.h"
#include "tl-test-util.h"

static void
assert_redo (TlTestEditLibrary *f, const char *expected_label)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  g_assert_true (tl_library_redo (f->library, &label, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, expected_label);
}

static void
test_clip_edits_undo (TlTestEditLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  TlClip *clip;

  g_assert_true (tl_library_set_clip_range (f->library, f->clip, 4500000, 9000000, &error));
  g_assert_true (tl_library_set_clip_title (f->library, f->clip, "Arms & <talk>", &error));
  g_assert_true (tl_library_set_clip_note (f->library, f->clip, "note, with \"quotes\"\nand a line", &error));
  g_assert_true (tl_library_set_clip_rating (f->library, f->clip, 5, &error));
  g_assert_true (tl_library_set_clip_topic (f->library, f->clip, f->diplomacy, TRUE, &error));
  g_assert_no_error (error);

  clip = tl_test_edit_library_get_clip (f);
  g_assert_cmpint (tl_clip_get_in (clip), ==, 4500000);
  g_assert_cmpint (tl_clip_get_out (clip), ==, 9000000);
  g_assert_cmpstr (tl_clip_get_title (clip), ==, "Arms & <talk>");
  g_assert_cmpstr (tl_clip_get_note (clip), ==, "note, with \"quotes\"\nand a line");
  g_assert_cmpuint (tl_clip_get_rating (clip), ==, 5);
  g_assert_cmpuint (g_strv_length ((char **) tl_clip_get_topics (clip)), ==, 2);
  g_object_unref (clip);

  /* undone one by one, newest first */
  tl_test_assert_next_step (f->library, FALSE, "Tag Clip");
  tl_test_assert_undo (f->library, "Tag Clip");
  tl_test_assert_undo (f->library, "Rate Clip");
  tl_test_assert_undo (f->library, "Edit Note");
  tl_test_assert_undo (f->library, "Retitle Clip");
  tl_test_assert_undo (f->library, "Trim Clip");
  clip = tl_test_edit_library_get_clip (f);
  g_assert_cmpint (tl_clip_get_in (clip), ==, 4000000);
  g_assert_cmpint (tl_clip_get_out (clip), ==, 12000000);
  g_assert_null (tl_clip_get_title (clip));
  g_assert_cmpstr (tl_clip_get_note (clip), ==, "first note");
  g_assert_cmpuint (tl_clip_get_rating (clip), ==, 2);
  g_assert_cmpuint (g_strv_length ((char **) tl_clip_get_topics (clip)), ==, 1);
  g_object_unref (clip);

  /* and redone oldest first */
  assert_redo (f, "Trim Clip");
  assert_redo (f, "Retitle Clip");
  clip = tl_test_edit_library_get_clip (f);
  g_assert_cmpint (tl_clip_get_in (clip), ==, 4500000);
  g_assert_cmpstr (tl_clip_get_title (clip), ==, "Arms & <talk>");
  g_assert_cmpstr (tl_clip_get_note (clip), ==, "first note");
  g_object_unref (clip);

  /* a new edit forgets what could be redone */
  tl_test_assert_next_step (f->library, TRUE, "Edit Note");
  g_assert_true (tl_library_set_clip_rating (f->library, f->clip, 1, &error));
  tl_test_assert_next_step (f->library, TRUE, NULL);
  g_assert_false (tl_library_redo (f->library, NULL, &error));
  g_assert_no_error (error);
}

static void
test_bad_edits_change_nothing (TlTestEditLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  TlClip *clip;

  tl_test_assert_next_step (f->library, FALSE, "New Clip");

  g_assert_false (tl_library_set_clip_range (f->library, f->clip, 9000000, 8000000, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tl_library_set_clip_range (f->library, f->clip, 16000000, 17000000, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tl_library_set_clip_rating (f->library, f->clip, 6, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tl_library_set_clip_topic (f->library, f->clip, 999, TRUE, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (tl_library_set_clip_title (f->library, 999, "x", &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (tl_library_rename_topic (f->library, f->weapons, "DIPLOMACY", &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_EXISTS);
  g_clear_error (&error);

  /* out past the end is cut to the end */
  g_assert_true (tl_library_set_clip_range (f->library, f->clip, 10000000, 99000000, &error));
  clip = tl_test_edit_library_get_clip (f);
  g_assert_cmpint (tl_clip_get_out (clip), ==, 15000000);
  g_object_unref (clip);
  tl_test_assert_next_step (f->library, FALSE, "Trim Clip");
}

static guint
topic_key (TlTestEditLibrary *f, const char *name)
{
  g_autoptr(TlTopic) topic = tl_library_find_topic (f->library, name, NULL);

  return tl_topic_get_key (topic);
}

static void
test_topic_key_color_rename (TlTestEditLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlTopic) topic = NULL;

  /* key 1 moves to Diplomacy; Weapons loses it */
  g_assert_true (tl_library_set_topic_key (f->library, f->diplomacy, 1, &error));
  g_assert_cmpuint (topic_key (f, "Diplomacy"), ==, 1);
  g_assert_cmpuint (topic_key (f, "Weapons"), ==, 0);
  tl_test_assert_undo (f->library, "Change Topic Key");
  g_assert_cmpuint (topic_key (f, "Diplomacy"), ==, 2);
  g_assert_cmpuint (topic_key (f, "Weapons"), ==, 1);

  g_assert_true (tl_library_set_topic_color (f->library, f->weapons, "#C01C28", &error));
  g_assert_false (tl_library_set_topic_color (f->library, f->weapons, "red", &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (tl_library_rename_topic (f->library, f->weapons, "  Arms  ", &error));
  topic = tl_library_find_topic (f->library, "arms", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tl_topic_get_color (topic), ==, "#c01c28");
  g_assert_cmpstr (tl_topic_get_name (topic), ==, "Arms");
}

static void
test_folders (TlTestEditLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) folders = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(TlSource) source = tl_library_get_source (f->library, f->source, NULL);
  gint64 news = 0, summit = tl_source_get_folder_id (source), archive;

  folders = tl_library_list_folders (f->library, &error);
  g_assert_cmpuint (folders->len, ==, 2);
  for (guint i = 0; i < folders->len; i++)
    if (g_str_equal (tl_folder_get_name (g_ptr_array_index (folders, i)), "News"))
      news = tl_folder_get_id (g_ptr_array_index (folders, i));
  g_assert_cmpint (news, >, 0);
  g_clear_pointer (&folders, g_ptr_array_unref);

  archive = tl_library_add_folder (f->library, 0, "Archive", &error);
  g_assert_no_error (error);
  g_assert_cmpint (tl_library_add_folder (f->library, 0, "Archive", &error), ==, 0);
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (tl_library_add_folder (f->library, 0, "a/b", &error), ==, 0);
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
  g_clear_error (&error);

  /* a folder cannot go inside itself */
  g_assert_false (tl_library_move_folder (f->library, news, summit, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (tl_library_move_folder (f->library, news, archive, &error));
  g_clear_object (&source);
  source = tl_library_get_source (f->library, f->source, NULL);
  g_assert_cmpstr (tl_source_get_folder (source), ==, "Archive/News/Summit");

  /* deleting Archive hides everything under it, and frees its name */
  g_assert_true (tl_library_delete_folder (f->library, archive, &error));
  folders = tl_library_list_folders (f->library, &error);
  g_assert_cmpuint (folders->len, ==, 0);
  sources = tl_library_list_sources (f->library, &error);
  g_assert_cmpuint (sources->len, ==, 1);
  g_clear_pointer (&folders, g_ptr_array_unref);
  g_clear_pointer (&sources, g_ptr_array_unref);

  tl_test_assert_undo (f->library, "Delete Folder");
  folders = tl_library_list_folders (f->library, &error);
  g_assert_cmpuint (folders->len, ==, 3);
  sources = tl_library_list_sources (f->library, &error);
  g_assert_cmpuint (sources->len, ==, 2);

  g_assert_true (tl_library_move_source (f->library, f->source, 0, &error));
  g_assert_true (tl_library_rename_source (f->library, f->source, "Summit, day one", &error));
  g_clear_object (&source);
  source = tl_library_get_source (f->library, f->source, NULL);
  g_assert_null (tl_source_get_folder (source));
  g_assert_cmpstr (tl_source_get_title (source), ==, "Summit, day one");
  g_assert_no_error (error);
}

/* Undo is kept in the library file: a restart does not lose it. */
static void
test_undo_after_restart (TlTestEditLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  TlClip *clip;

  g_assert_true (tl_library_delete_clip (f->library, f->clip, &error));
  g_clear_object (&f->library);
  f->library = tl_library_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_null (tl_library_get_clip (f->library, f->clip, NULL));
  tl_test_assert_undo (f->library, "Delete Clip");
  clip = tl_test_edit_library_get_clip (f);
  g_assert_cmpstr (tl_clip_get_note (clip), ==, "first note");
  g_assert_cmpstr (tl_clip_get_topics (clip)[0], ==, "Weapons");
  g_object_unref (clip);
  /* the clip before it was made is one more undo away */
  tl_test_assert_undo (f->library, "New Clip");
  g_assert_null (tl_library_get_clip (f->library, f->clip, NULL));
}

typedef struct {
  guint count;
  TlLibraryChange what;
} Notice;

static void
on_changed (TlLibrary *library, TlLibraryChange what, Notice *notice)
{
  notice->count++;
  notice->what |= what;
}

static void
test_change_notices (TlTestEditLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) other = tl_library_open (f->path, &error);
  Notice here = { 0 }, there = { 0 };

  g_signal_connect (f->library, "changed", G_CALLBACK (on_changed), &here);
  g_signal_connect (other, "changed", G_CALLBACK (on_changed), &there);

  g_assert_true (tl_library_set_clip_rating (f->library, f->clip, 4, &error));
  g_assert_cmpuint (here.count, ==, 1);
  g_assert_cmpuint (here.what, ==, TL_LIBRARY_CHANGE_CLIPS);
  /* a failed edit announces nothing */
  g_assert_false (tl_library_set_clip_rating (f->library, f->clip, 9, NULL));
  g_assert_cmpuint (here.count, ==, 1);

  /* the other connection learns of it when it looks, once */
  g_assert_cmpuint (there.count, ==, 0);
  g_assert_true (tl_library_check_outside_changes (other));
  g_assert_cmpuint (there.count, ==, 1);
  g_assert_false (tl_library_check_outside_changes (other));
  /* its own change is not an outside change */
  g_assert_true (tl_library_set_clip_rating (other, f->clip, 3, &error));
  g_assert_cmpuint (there.count, ==, 2);
  g_assert_false (tl_library_check_outside_changes (other));
  g_assert_true (tl_library_check_outside_changes (f->library));
}

typedef struct {
  guint count;
  TlLibraryChanges *last;
} IdNotice;

static void
on_changes (TlLibrary *library, TlLibraryChanges *changes, IdNotice *notice)
{
  notice->count++;
  g_clear_pointer (&notice->last, tl_library_changes_unref);
  notice->last = tl_library_changes_ref (changes);
}

/* The ids of exactly the rows of @kind that changed, as "1 2", or "any". */
static char *
ids_of (IdNotice *notice, TlLibraryChange kind)
{
  guint n;
  const gint64 *ids = tl_library_changes_get_ids (notice->last, kind, &n);
  GString *out = g_string_new (NULL);

  if (ids == NULL)
    return g_string_free (out, TRUE), g_strdup ("any");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? " " : "", ids[i]);
  return g_string_free (out, FALSE);
}

#define assert_ids(notice, kind, expected) \
  G_STMT_START { g_autofree char *got_ = ids_of ((notice), (kind)); g_assert_cmpstr (got_, ==, (expected)); } G_STMT_END

/* "rows-changed" says which rows changed where the library knows, and "any"
 * where it cannot (an undo, a key taken from another topic). */
static void
test_change_ids (TlTestEditLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlTopic) topic = NULL;
  g_autofree char *clip_id = g_strdup_printf ("%" G_GINT64_FORMAT, f->clip);
  IdNotice notice = { 0 };

  g_signal_connect (f->library, "rows-changed", G_CALLBACK (on_changes), &notice);
  g_assert_true (tl_library_set_clip_title (f->library, f->clip, "Parade", &error));
  g_assert_cmpuint (notice.count, ==, 1);
  g_assert_cmpuint (tl_library_changes_get_what (notice.last), ==, TL_LIBRARY_CHANGE_CLIPS);
  assert_ids (&notice, TL_LIBRARY_CHANGE_CLIPS, clip_id);
  g_assert_true (tl_library_changes_touches (notice.last, TL_LIBRARY_CHANGE_CLIPS, f->clip));
  g_assert_false (tl_library_changes_touches (notice.last, TL_LIBRARY_CHANGE_CLIPS, f->clip + 1));
  g_assert_false (tl_library_changes_touches (notice.last, TL_LIBRARY_CHANGE_TOPICS, 1));

  topic = tl_library_add_topic (f->library, "Parades", 0, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *topic_id = g_strdup_printf ("%" G_GINT64_FORMAT, tl_topic_get_id (topic));
    assert_ids (&notice, TL_LIBRARY_CHANGE_TOPICS, topic_id);
  }
  g_assert_true (tl_library_set_clip_topic (f->library, f->clip, tl_topic_get_id (topic), TRUE, &error));
  assert_ids (&notice, TL_LIBRARY_CHANGE_CLIPS, clip_id);
  g_assert_true (tl_library_changes_touches (notice.last, TL_LIBRARY_CHANGE_TOPICS, tl_topic_get_id (topic)));
  /* the topic that had key 1 loses it: which one is not known here */
  g_assert_true (tl_library_set_topic_key (f->library, tl_topic_get_id (topic), 1, &error));
  assert_ids (&notice, TL_LIBRARY_CHANGE_TOPICS, "any");
  g_assert_true (tl_library_undo (f->library, NULL, &error));
  g_assert_cmpuint (tl_library_changes_get_what (notice.last), ==, TL_LIBRARY_CHANGE_ALL);
  assert_ids (&notice, TL_LIBRARY_CHANGE_CLIPS, "any");
  g_assert_cmpuint (notice.count, ==, 5);
  g_signal_handlers_disconnect_by_data (f->library, &notice);
  g_clear_pointer (&notice.last, tl_library_changes_unref);
}

static gboolean
give_up (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Another process's change arrives by itself, through the store, on the
 * main context the library was opened on: nobody polls. */
static void
test_outside_change_arrives (TlTestEditLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) other = tl_library_open (f->path, &error);
  IdNotice notice = { 0 };
  gboolean timed_out = FALSE;
  guint timeout;

  g_assert_no_error (error);
  g_signal_connect (f->library, "rows-changed", G_CALLBACK (on_changes), &notice);
  g_assert_true (tl_library_set_clip_rating (other, f->clip, 5, &error));
  g_assert_cmpuint (notice.count, ==, 0);
  timeout = g_timeout_add_seconds (10, give_up, &timed_out);
  while (notice.count == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  g_assert_cmpuint (notice.count, ==, 1);
  g_assert_cmpuint (tl_library_changes_get_what (notice.last), ==, TL_LIBRARY_CHANGE_ALL);
  /* and it is read */
  {
    g_autoptr(TlClip) clip = tl_library_get_clip (f->library, f->clip, &error);
    g_assert_cmpuint (tl_clip_get_rating (clip), ==, 5);
  }
  g_signal_handlers_disconnect_by_data (f->library, &notice);
  g_clear_pointer (&notice.last, tl_library_changes_unref);
}

static void
test_paragraph_clip_edit (TlTestEditLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const char *topics[] = { "Diplomacy", NULL };
  TlClipSpec spec = { f->article, -1, -1, 2, 3, NULL, NULL, 0, topics };
  g_autoptr(TlClip) clip = NULL;
  gint64 id = tl_library_add_clip (f->library, &spec, &error);

  g_assert_no_error (error);
  g_assert_true (tl_library_set_clip_paragraphs (f->library, id, 1, 4, &error));
  g_assert_false (tl_library_set_clip_paragraphs (f->library, id, 1, 99, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tl_library_set_clip_range (f->library, id, 0, 1000000, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
  clip = tl_library_get_clip (f->library, id, NULL);
  g_assert_cmpint (tl_clip_get_first_segment (clip), ==, 1);
  g_assert_cmpint (tl_clip_get_last_segment (clip), ==, 4);
}

/* Relinking media sets kind and duration, and can be undone. */
static void
test_relink_media (TlTestEditLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlMediaInfo) media = tl_media_info_new ();
  g_autoptr(TlSource) linked = NULL, unlinked = NULL;

  media->path = g_strdup ("/footage/summit.mov");
  media->duration = 15500000;
  media->has_video = media->has_audio = TRUE;
  media->fps_num = 25;
  media->fps_den = 1;
  g_assert_true (tl_library_set_media (f->library, f->source, media, &error));
  linked = tl_library_get_source (f->library, f->source, NULL);
  g_assert_cmpint (tl_source_get_kind (linked), ==, TL_SOURCE_KIND_VIDEO);
  g_assert_cmpint (tl_source_get_duration (linked), ==, 15500000);
  g_assert_cmpstr (tl_source_get_media (linked)->path, ==, "/footage/summit.mov");
  g_assert_cmpint (tl_source_get_media (linked)->fps_num, ==, 25);

  tl_test_assert_undo (f->library, "Relink Media");
  unlinked = tl_library_get_source (f->library, f->source, NULL);
  g_assert_null (tl_source_get_media (unlinked));
  g_assert_cmpint (tl_source_get_kind (unlinked), ==, TL_SOURCE_KIND_TRANSCRIPT);
  g_assert_cmpint (tl_source_get_duration (unlinked), ==, 15000000);
  g_assert_false (tl_library_set_media (f->library, 999, media, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND);
}

/* A step's kind is what tells a tap from any other edit (the window's
 * Backspace takes back taps only), whatever language the window speaks. */
static void
test_edit_kinds (TlTestEditLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  TlSegmentTiming times[3] = {
    { 1000000, 4000000, -1, NULL, TRUE },
    { 4500000, 8250000, -1, NULL, FALSE },
    { 9000000, 12000000, -1, NULL, FALSE },
  };

  g_assert_cmpint (tl_edit_kind_from_label (NULL), ==, TL_EDIT_OTHER);
  g_assert_cmpint (tl_edit_kind_from_label ("Something Newer"), ==, TL_EDIT_OTHER);
  g_assert_cmpint (tl_library_get_redo_kind (f->library), ==, TL_EDIT_OTHER);
  g_assert_true (tl_library_set_segment_times (f->library, f->source, TL_TIMING_TAPPED, times, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tl_library_get_undo_kind (f->library), ==, TL_EDIT_TAP);
  g_assert_true (tl_library_set_clip_rating (f->library, f->clip, 2, &error));
  g_assert_cmpint (tl_library_get_undo_kind (f->library), ==, TL_EDIT_RATE_CLIP);
  tl_test_assert_undo (f->library, "Rate Clip");
  tl_test_assert_undo (f->library, "Tap In Times");
}

/* New times for every line (alignment, tapping) are one undo step that
 * brings back the old times and the timing kind. */
static void
test_undo_times (TlTestEditLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = tl_library_get_segments (f->library, f->source, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(TlSource) source = NULL;
  TlSegmentTiming times[3] = {
    { 1200000, 4100000, 0.9, NULL, FALSE },
    { 4700000, 8300000, 0.2, "uncertain", FALSE },
    { 9000000, 14000000, 1.0, NULL, TRUE },
  };

  g_assert_true (tl_library_set_segment_times (f->library, f->source, TL_TIMING_ALIGNED, times, 3, &error));
  g_assert_no_error (error);
  tl_test_assert_undo (f->library, "Align to the Audio");
  after = tl_library_get_segments (f->library, f->source, NULL);
  for (guint i = 0; i < 3; i++)
    {
      TlSegment *a = g_ptr_array_index (before, i), *b = g_ptr_array_index (after, i);
      g_assert_cmpint (tl_segment_get_start (a), ==, tl_segment_get_start (b));
      g_assert_cmpint (tl_segment_get_end (a), ==, tl_segment_get_end (b));
      g_assert_null (tl_segment_get_flag (b));
      g_assert_false (tl_segment_get_anchor (b));
    }
  source = tl_library_get_source (f->library, f->source, NULL);
  g_assert_cmpint (tl_source_get_timing (source), ==, TL_TIMING_NATIVE);
}

/* A library written by schema 1 (tests/data/library-v1-samples.sql, a
 * dump of what that version's tagline-cli wrote) opens, migrates, keeps
 * everything, and takes edits and undo. */
static void
test_migrate_v1 (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) clips = NULL;
  g_autoptr(TlSearchResults) hits = NULL;

  tl_test_restore_dump ("library-v1-samples.sql", path);

  library = tl_library_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tl_library_get_schema_version (library), ==, TL_LIBRARY_SCHEMA_VERSION);
  sources = tl_library_list_sources (library, &error);
  g_assert_cmpuint (sources->len, ==, 2);
  g_assert_cmpstr (tl_source_get_folder (g_ptr_array_index (sources, 0)), ==, "Summit");
  clips = tl_library_list_clips (library, NULL, &error);
  g_assert_cmpuint (clips->len, ==, 1);
  g_assert_cmpstr (tl_clip_get_note (g_ptr_array_index (clips, 0)), ==, "pre-migration clip");
  hits = tl_search (library, "ballistic", 10, 0, NULL, NULL, &error);
  g_assert_cmpuint (hits->total, ==, 2);
  /* edits and undo work on the migrated file */
  g_assert_true (tl_library_delete_clip (library, tl_clip_get_id (g_ptr_array_index (clips, 0)), &error));
  g_assert_true (tl_library_undo (library, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&library);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}
/* The clips' ids in arranged order, as "a b c". */
static char *
arranged (TlTestEditLibrary *f)
{
  g_autoptr(GError) error = NULL;
  TlClipFilter filter = { .order = TL_CLIP_ORDER_ARRANGED };
  g_autoptr(GPtrArray) clips = tl_library_list_clips (f->library, &filter, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < clips->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? " " : "", tl_clip_get_id (g_ptr_array_index (clips, i)));
  return g_string_free (out, FALSE);
}

static void
assert_arranged (TlTestEditLibrary *f, gint64 a, gint64 b, gint64 c)
{
  g_autofree char *got = arranged (f);
  g_autofree char *want = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, a, b, c);

  g_assert_cmpstr (got, ==, want);
}

/* The editor's own order of the clips: new ones come last, a move is one
 * undoable step, and moving before a clip that is not there changes nothing. */
static void
test_arrange_clips (TlTestEditLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const char *topics[] = { "Diplomacy", NULL };
  TlClipSpec spec = { f->source, 0, 3000000, -1, -1, NULL, NULL, 0, topics };
  gint64 a = f->clip, b, c;

  b = tl_library_add_clip (f->library, &spec, &error);
  spec.in = 9000000;
  spec.out = 15000000;
  c = tl_library_add_clip (f->library, &spec, &error);
  g_assert_no_error (error);
  assert_arranged (f, a, b, c);

  g_assert_true (tl_library_move_clip (f->library, c, a, &error));
  g_assert_no_error (error);
  assert_arranged (f, c, a, b);
  tl_test_assert_next_step (f->library, FALSE, "Move Clip");
  g_assert_true (tl_library_move_clip (f->library, c, 0, &error));
  assert_arranged (f, a, b, c);
  g_assert_true (tl_library_move_clip (f->library, a, c, &error));
  assert_arranged (f, b, a, c);
  g_assert_true (tl_library_move_clip (f->library, a, a, &error));
  assert_arranged (f, b, a, c);
  g_assert_no_error (error);

  /* a new clip goes to the end, whatever was moved before */
  {
    gint64 d;

    spec.in = 1000000;
    spec.out = 2000000;
    d = tl_library_add_clip (f->library, &spec, &error);
    g_assert_no_error (error);
    g_assert_true (tl_library_move_clip (f->library, d, b, &error));
    g_assert_true (tl_library_delete_clip (f->library, d, &error));
    g_assert_no_error (error);
  }
  assert_arranged (f, b, a, c);

  /* nothing moves when either clip is missing */
  g_assert_false (tl_library_move_clip (f->library, a, 9999, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (tl_library_move_clip (f->library, 9999, a, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_arranged (f, b, a, c);

  /* undo walks back through the moves */
  tl_test_assert_undo (f->library, "Delete Clip");
  tl_test_assert_undo (f->library, "Move Clip");
  tl_test_assert_undo (f->library, "New Clip");
  assert_arranged (f, b, a, c);
  tl_test_assert_undo (f->library, "Move Clip");
  assert_arranged (f, a, b, c);
  tl_test_assert_undo (f->library, "Move Clip");
  assert_arranged (f, c, a, b);
  tl_test_assert_undo (f->library, "Move Clip");
  assert_arranged (f, a, b, c);
}

/* The number of clips in the library. */
static guint
count_clips (TlTestEditLibrary *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clips = tl_library_list_clips (f->library, NULL, &error);

  g_assert_no_error (error);
  return clips->len;
}

/* Several clips deleted at once are one undo step, which brings all of
 * them back with their topics; a missing clip among them deletes none. */
static void
test_delete_clips (TlTestEditLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const char *topics[] = { "Diplomacy", "Weapons", NULL };
  TlClipSpec specs[] = {
    { f->source, 0, 3000000, -1, -1, "opening", NULL, 4, topics },
    { f->source, 9000000, 15000000, -1, -1, NULL, "denial", 0, topics + 1 },
  };
  gint64 ids[3] = { f->clip, 0, 0 };
  gint64 with_missing[2];
  g_autoptr(TlClip) back = NULL;

  g_assert_true (tl_library_add_clips (f->library, specs, G_N_ELEMENTS (specs), ids + 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ids[1], >, 0);
  g_assert_cmpint (ids[2], >, ids[1]);
  g_assert_cmpuint (count_clips (f), ==, 3);
  tl_test_assert_next_step (f->library, FALSE, "New Clips");

  /* one of them not there: nothing deleted */
  with_missing[0] = ids[1];
  with_missing[1] = 9999;
  g_assert_false (tl_library_delete_clips (f->library, with_missing, 2, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (count_clips (f), ==, 3);
  tl_test_assert_next_step (f->library, FALSE, "New Clips");

  g_assert_true (tl_library_delete_clips (f->library, ids, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_clips (f), ==, 0);
  tl_test_assert_undo (f->library, "Delete Clips");
  g_assert_cmpuint (count_clips (f), ==, 3);
  back = tl_library_get_clip (f->library, ids[1], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tl_clip_get_title (back), ==, "opening");
  g_assert_cmpuint (tl_clip_get_rating (back), ==, 4);
  g_assert_cmpuint (g_strv_length ((char **) tl_clip_get_topics (back)), ==, 2);

  /* one undo took back the delete, the next takes back both new clips */
  tl_test_assert_undo (f->library, "New Clips");
  g_assert_cmpuint (count_clips (f), ==, 1);
  assert_redo (f, "New Clips");
  assert_redo (f, "Delete Clips");
  g_assert_cmpuint (count_clips (f), ==, 0);
}

/* Clips added together are checked first: one bad spec stores none. */
static void
test_add_clips_all_or_none (TlTestEditLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const char *topics[] = { "Weapons", NULL };
  const char *unknown[] = { "Sport", NULL };
  TlClipSpec specs[] = {
    { f->source, 0, 3000000, -1, -1, NULL, NULL, 0, topics },
    { f->source, 5000000, 4000000, -1, -1, NULL, NULL, 0, topics },
  };

  g_assert_false (tl_library_add_clips (f->library, specs, 2, NULL, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
  g_clear_error (&error);
  specs[1].in = 4000000;
  specs[1].out = 5000000;
  specs[1].topics = unknown;
  g_assert_false (tl_library_add_clips (f->library, specs, 2, NULL, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (count_clips (f), ==, 1);
  tl_test_assert_next_step (f->library, FALSE, "New Clip");
}

/* Lines 1 and 3 selected (not 2) make two clips, not one across line 2;
 * an article's paragraphs make paragraph clips. */
static void
test_specs_for_lines (TlTestEditLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSource) source = tl_library_get_source (f->library, f->source, &error);
  g_autoptr(TlSource) article = tl_library_get_source (f->library, f->article, &error);
  g_autoptr(GPtrArray) lines = tl_library_get_segments (f->library, f->source, &error);
  g_autoptr(GPtrArray) paragraphs = tl_library_get_segments (f->library, f->article, &error);
  const TlLineRun runs[] = { { 0, 0 }, { 2, 2 } };
  const TlLineRun joined[] = { { 0, 1 } };
  const TlLineRun outside[] = { { 2, 3 } };
  g_autoptr(GArray) specs = NULL;
  g_autoptr(GArray) quotes = NULL;
  g_autoptr(GArray) one = NULL;
  TlClipSpec *spec;

  g_assert_no_error (error);
  specs = tl_clip_specs_for_lines (source, (TlSegment *const *) lines->pdata, lines->len, runs, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (specs->len, ==, 2);
  spec = &g_array_index (specs, TlClipSpec, 0);
  g_assert_cmpint (spec->source_id, ==, f->source);
  g_assert_cmpint (spec->in, ==, 1000000);
  g_assert_cmpint (spec->out, ==, 4000000);
  g_assert_cmpint (spec->first_segment, ==, -1);
  spec = &g_array_index (specs, TlClipSpec, 1);
  g_assert_cmpint (spec->in, ==, 9000000);
  g_assert_cmpint (spec->out, ==, 15000000);
  /* stored together: one undo step */
  g_assert_true (tl_library_add_clips (f->library, (TlClipSpec *) specs->data, specs->len, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_clips (f), ==, 3);
  tl_test_assert_undo (f->library, "New Clips");
  g_assert_cmpuint (count_clips (f), ==, 1);

  one = tl_clip_specs_for_lines (source, (TlSegment *const *) lines->pdata, lines->len, joined, 1, &error);
  g_assert_cmpint (g_array_index (one, TlClipSpec, 0).in, ==, 1000000);
  g_assert_cmpint (g_array_index (one, TlClipSpec, 0).out, ==, 8250000);

  quotes = tl_clip_specs_for_lines (article, (TlSegment *const *) paragraphs->pdata, paragraphs->len, runs, 2,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_array_index (quotes, TlClipSpec, 1).first_segment, ==, 2);
  g_assert_cmpint (g_array_index (quotes, TlClipSpec, 1).last_segment, ==, 2);
  g_assert_cmpint (g_array_index (quotes, TlClipSpec, 1).in, ==, -1);

  g_assert_null (tl_clip_specs_for_lines (source, (TlSegment *const *) lines->pdata, lines->len, outside, 1, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, TlTestEditLibrary, NULL, tl_test_edit_library_set_up, func, tl_test_edit_library_tear_down)
  ADD ("/core/library/edit/clip-edits-undo", test_clip_edits_undo);
  ADD ("/core/library/edit/bad-edits-change-nothing", test_bad_edits_change_nothing);
  ADD ("/core/library/edit/topic-key-color-rename", test_topic_key_color_rename);
  ADD ("/core/library/edit/folders", test_folders);
  ADD ("/core/library/edit/undo-after-restart", test_undo_after_restart);
  ADD ("/core/library/edit/change-notices", test_change_notices);
  ADD ("/core/library/edit/change-ids", test_change_ids);
  ADD ("/core/library/edit/outside-change-arrives", test_outside_change_arrives);
  ADD ("/core/library/edit/paragraph-clip", test_paragraph_clip_edit);
  ADD ("/core/library/edit/relink-media", test_relink_media);
  ADD ("/core/library/edit/undo-times", test_undo_times);
  ADD ("/core/library/edit/kinds", test_edit_kinds);
  ADD ("/core/library/edit/arrange-clips", test_arrange_clips);
  ADD ("/core/library/edit/delete-clips", test_delete_clips);
  ADD ("/core/library/edit/add-clips-all-or-none", test_add_clips_all_or_none);
  ADD ("/core/library/edit/specs-for-lines", test_specs_for_lines);
  g_test_add_func ("/core/library/migrate-v1", test_migrate_v1);
#undef ADD
  return g_test_run ();
}