/* test-library-rules.c: the decisions the window and tagline-cli share
 * (new clip or topic toggle, paragraph clips, tap and align), and edit
 * groups: several edits as one undo step, all of them or none; through
 * the library's API on a real library file. */
#include <string.h>

#include "tl-import.h"
#include "tl-library.h"
#include "tl-test-util.h"

typedef struct {
  char *dir;
  TlLibrary *library;
  gint64 source;  /* a timed transcript, 15 s */
  gint64 untimed; /* plain text: paragraphs */
  gint64 clip;    /* 4–12 s, Weapons */
} Fixture;

static const char *const srt_text =
  "1\n00:00:01,000 --> 00:00:04,000\nThe summit opened with a parade.\n\n"
  "2\n00:00:04,500 --> 00:00:08,250\nAmmunition supplies were discussed.\n\n"
  "3\n00:00:09,000 --> 00:00:15,000\nNorth Korea denied the weapons trade.\n";

static const char *const text_text = "Notes on the summit\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird.\n";

static gint64
add_text (TlLibrary *library, const char *text, const char *origin, gint64 duration)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_import_bytes (origin, text, strlen (text), NULL, NULL, &error);
  TlImportOptions options = { origin, NULL, NULL };
  gint64 id;

  g_assert_no_error (error);
  doc->duration = duration;
  id = tl_library_add_document (library, doc, &options, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TlTopic) weapons = NULL, diplomacy = NULL;
  const char *topics[] = { "Weapons", NULL };
  TlClipSpec spec = { 0, 4000000, 12000000, -1, -1, NULL, NULL, 0, topics };

  f->dir = tl_test_tmpdir_new ();
  path = g_build_filename (f->dir, "library.db", NULL);
  f->library = tl_library_open (path, &error);
  g_assert_no_error (error);
  f->source = add_text (f->library, srt_text, "/x/summit.srt", 15000000);
  f->untimed = add_text (f->library, text_text, "/x/notes.txt", -1);
  weapons = tl_library_add_topic (f->library, "Weapons", 1, NULL, &error);
  g_assert_no_error (error);
  diplomacy = tl_library_add_topic (f->library, "Diplomacy", 2, NULL, &error);
  g_assert_no_error (error);
  spec.source_id = f->source;
  f->clip = tl_library_add_clip (f->library, &spec, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->library);
  tl_test_tmpdir_free (f->dir);
}

static TlClip *
get_clip (Fixture *f, gint64 id)
{
  g_autoptr(GError) error = NULL;
  TlClip *clip = tl_library_get_clip (f->library, id, &error);

  g_assert_no_error (error);
  return clip;
}

static guint
n_clips (Fixture *f)
{
  TlClipFilter all = { .order = TL_CLIP_ORDER_CREATED };
  g_autoptr(GPtrArray) clips = tl_library_list_clips (f->library, &all, NULL);

  g_assert_nonnull (clips);
  return clips->len;
}

static char *
topics_of (Fixture *f, gint64 id)
{
  g_autoptr(TlClip) clip = get_clip (f, id);

  return g_strjoinv (",", (char **) tl_clip_get_topics (clip));
}

#define assert_topics(f, id, expected) \
  G_STMT_START { g_autofree char *got_ = topics_of ((f), (id)); g_assert_cmpstr (got_, ==, (expected)); } G_STMT_END

static void
assert_undo (Fixture *f, const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  g_assert_true (tl_library_undo (f->library, &label, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, expected);
}

/* A topic's key on a range inside a clip toggles the topic there; a range
 * that no clip holds, or several, makes new clips. */
static void
test_tag_decides (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const char *diplomacy[] = { "Diplomacy", NULL };
  const char *both[] = { "Weapons", "Diplomacy", NULL };
  TlClipSpec inside = { f->source, 5000000, 8000000, -1, -1, NULL, NULL, 0, diplomacy };
  TlClipSpec outside = { f->source, 1000000, 3000000, -1, -1, NULL, NULL, 0, diplomacy };
  TlClipSpec two[2] = { inside, outside };
  TlTagged tagged = -1;
  gint64 ids[2] = { 0, 0 };

  g_assert_true (tl_library_tag (f->library, &inside, 1, TL_TAG_TOGGLE, ids, &tagged, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tagged, ==, TL_TAGGED_ADDED);
  g_assert_cmpint (ids[0], ==, f->clip);
  assert_topics (f, f->clip, "Weapons,Diplomacy");
  g_assert_cmpuint (n_clips (f), ==, 1);
  g_assert_true (tl_library_tag (f->library, &inside, 1, TL_TAG_TOGGLE, ids, &tagged, &error));
  g_assert_cmpint (tagged, ==, TL_TAGGED_REMOVED);
  assert_topics (f, f->clip, "Weapons");

  /* several topics: the missing ones are added; when all are there, all
   * come off, in one step */
  inside.topics = both;
  g_assert_true (tl_library_tag (f->library, &inside, 1, TL_TAG_TOGGLE, ids, &tagged, &error));
  g_assert_cmpint (tagged, ==, TL_TAGGED_ADDED);
  assert_topics (f, f->clip, "Weapons,Diplomacy");
  g_assert_true (tl_library_tag (f->library, &inside, 1, TL_TAG_TOGGLE, ids, &tagged, &error));
  g_assert_cmpint (tagged, ==, TL_TAGGED_REMOVED);
  assert_topics (f, f->clip, "");
  assert_undo (f, "Untag Clip");
  assert_topics (f, f->clip, "Weapons,Diplomacy");
  inside.topics = diplomacy;

  /* outside every clip; without the flag; several ranges: new clips */
  g_assert_true (tl_library_tag (f->library, &outside, 1, TL_TAG_TOGGLE, ids, &tagged, &error));
  g_assert_cmpint (tagged, ==, TL_TAGGED_NEW_CLIPS);
  g_assert_cmpint (ids[0], >, f->clip);
  g_assert_cmpuint (n_clips (f), ==, 2);
  g_assert_true (tl_library_tag (f->library, &inside, 1, TL_TAG_NEW_CLIPS, ids, &tagged, &error));
  g_assert_cmpint (tagged, ==, TL_TAGGED_NEW_CLIPS);
  g_assert_cmpuint (n_clips (f), ==, 3);
  g_assert_true (tl_library_tag (f->library, two, 2, TL_TAG_TOGGLE, ids, &tagged, &error));
  g_assert_cmpint (tagged, ==, TL_TAGGED_NEW_CLIPS);
  g_assert_cmpuint (n_clips (f), ==, 5);
  assert_undo (f, "New Clips");
  g_assert_cmpuint (n_clips (f), ==, 3);

  /* a topic that does not exist tags nothing */
  {
    const char *none[] = { "Sport", NULL };
    inside.topics = none;
    g_assert_false (tl_library_tag (f->library, &inside, 1, TL_TAG_TOGGLE, ids, &tagged, &error));
    g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND);
    g_assert_cmpuint (n_clips (f), ==, 3);
  }
}

/* Paragraphs: an untimed source's clips are paragraph ranges, and a range
 * inside one is that clip. */
static void
test_tag_paragraphs (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSource) untimed = tl_library_get_source (f->library, f->untimed, &error);
  g_autoptr(TlSource) timed = tl_library_get_source (f->library, f->source, &error);
  const char *weapons[] = { "Weapons", NULL };
  TlClipSpec para = { f->untimed, -1, -1, 0, 2, NULL, NULL, 0, weapons };
  TlClipSpec inner = { f->untimed, -1, -1, 1, 1, NULL, NULL, 0, weapons };
  TlTagged tagged;
  gint64 id = 0;

  g_assert_no_error (error);
  g_assert_true (tl_source_clips_by_paragraph (untimed));
  g_assert_false (tl_source_clips_by_paragraph (timed));
  g_assert_true (tl_library_tag (f->library, &para, 1, TL_TAG_TOGGLE, &id, &tagged, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tagged, ==, TL_TAGGED_NEW_CLIPS);
  g_assert_true (tl_library_tag (f->library, &inner, 1, TL_TAG_TOGGLE, &id, &tagged, &error));
  g_assert_cmpint (tagged, ==, TL_TAGGED_REMOVED);
  assert_topics (f, id, "");
}

/* Tapping and aligning need media (with sound, to align); both are for
 * times that are missing or guessed, which an alignment may replace only
 * when asked. */
static void
test_tap_and_align (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSource) before = tl_library_get_source (f->library, f->source, &error);
  g_autoptr(TlSource) linked = NULL, estimated = NULL;
  TlMediaInfo media = { 0 };
  g_autoptr(TlDocument) doc = NULL;
  gint64 id;

  g_assert_no_error (error);
  g_assert_false (tl_source_can_tap (before));
  g_assert_false (tl_source_can_align (before));
  media.path = (char *) "/x/summit.webm";
  media.duration = 15000000;
  media.has_audio = TRUE;
  media.has_video = TRUE;
  g_assert_true (tl_library_set_media (f->library, f->source, &media, &error));
  g_assert_no_error (error);
  linked = tl_library_get_source (f->library, f->source, &error);
  /* native times: better than a tap; aligned only when asked */
  g_assert_false (tl_source_can_tap (linked));
  g_assert_true (tl_source_can_align (linked));
  g_assert_false (tl_source_offers_align (linked));

  doc = tl_import_bytes ("/x/plain.txt", text_text, strlen (text_text), NULL, NULL, &error);
  g_assert_no_error (error);
  /* what the import job does with the media it found beside the text */
  tl_document_apply_media (doc, &media);
  {
    TlImportOptions options = { "/x/plain.txt", NULL, &media };
    id = tl_library_add_document (f->library, doc, &options, &error);
    g_assert_no_error (error);
  }
  estimated = tl_library_get_source (f->library, id, &error);
  g_assert_cmpint (tl_source_get_timing (estimated), ==, TL_TIMING_ESTIMATED);
  g_assert_false (tl_source_clips_by_paragraph (estimated));
  g_assert_true (tl_source_can_tap (estimated));
  g_assert_true (tl_source_offers_align (estimated));
}

typedef struct {
  guint count;
  TlLibraryChanges *last;
} Notice;

static void
on_rows_changed (TlLibrary *library, TlLibraryChanges *changes, Notice *notice)
{
  notice->count++;
  g_clear_pointer (&notice->last, tl_library_changes_unref);
  notice->last = tl_library_changes_ref (changes);
}

/* Several edits in a group: one step, one notice with every row, undone
 * and redone whole. */
static void
test_edit_group (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlTopic) diplomacy = tl_library_find_topic (f->library, "Diplomacy", &error);
  g_autoptr(TlClip) clip = NULL;
  Notice notice = { 0 };
  guint n;
  const gint64 *ids;

  g_signal_connect (f->library, "rows-changed", G_CALLBACK (on_rows_changed), &notice);
  g_assert_true (tl_library_begin_edit_group (f->library, TL_EDIT_EDIT_CLIP, &error));
  g_assert_true (tl_library_set_clip_title (f->library, f->clip, "Parade", &error));
  g_assert_true (tl_library_set_clip_note (f->library, f->clip, "Open on this", &error));
  g_assert_true (tl_library_set_clip_topic (f->library, f->clip, tl_topic_get_id (diplomacy), TRUE, &error));
  g_assert_true (tl_library_set_clip_range (f->library, f->clip, 5000000, 9000000, &error));
  g_assert_no_error (error);
  /* nothing is announced before the group ends */
  g_assert_cmpuint (notice.count, ==, 0);
  g_assert_true (tl_library_end_edit_group (f->library, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notice.count, ==, 1);
  ids = tl_library_changes_get_ids (notice.last, TL_LIBRARY_CHANGE_CLIPS, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (ids[0], ==, f->clip);
  g_assert_true (tl_library_changes_touches (notice.last, TL_LIBRARY_CHANGE_TOPICS, tl_topic_get_id (diplomacy)));

  clip = get_clip (f, f->clip);
  g_assert_cmpstr (tl_clip_get_title (clip), ==, "Parade");
  g_assert_cmpint (tl_clip_get_in (clip), ==, 5000000);
  g_assert_cmpint (tl_library_get_undo_kind (f->library), ==, TL_EDIT_EDIT_CLIP);
  assert_undo (f, "Edit Clip");
  g_clear_object (&clip);
  clip = get_clip (f, f->clip);
  g_assert_null (tl_clip_get_title (clip));
  g_assert_null (tl_clip_get_note (clip));
  g_assert_cmpint (tl_clip_get_in (clip), ==, 4000000);
  assert_topics (f, f->clip, "Weapons");
  /* the step before the group is next */
  g_assert_cmpint (tl_library_get_undo_kind (f->library), ==, TL_EDIT_NEW_CLIP);
  g_assert_true (tl_library_redo (f->library, NULL, &error));
  g_clear_object (&clip);
  clip = get_clip (f, f->clip);
  g_assert_cmpstr (tl_clip_get_note (clip), ==, "Open on this");
  assert_topics (f, f->clip, "Weapons,Diplomacy");
  g_signal_handlers_disconnect_by_data (f->library, &notice);
  g_clear_pointer (&notice.last, tl_library_changes_unref);
}

/* A group is all or nothing: a refused value (before the store is asked)
 * and a failure inside an edit both leave the library as it was. */
static void
test_edit_group_all_or_none (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlClip) clip = NULL;
  Notice notice = { 0 };

  g_signal_connect (f->library, "rows-changed", G_CALLBACK (on_rows_changed), &notice);
  /* refused by its checks: the caller cancels */
  g_assert_true (tl_library_begin_edit_group (f->library, TL_EDIT_EDIT_CLIP, &error));
  g_assert_true (tl_library_set_clip_title (f->library, f->clip, "Parade", &error));
  g_assert_false (tl_library_set_clip_range (f->library, f->clip, 9000000, 2000000, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
  g_clear_error (&error);
  tl_library_cancel_edit_group (f->library);
  clip = get_clip (f, f->clip);
  g_assert_null (tl_clip_get_title (clip));

  /* refused by the store, inside the edit: the group is gone at once */
  g_assert_true (tl_library_begin_edit_group (f->library, TL_EDIT_EDIT_CLIP, &error));
  g_assert_true (tl_library_set_clip_note (f->library, f->clip, "Open on this", &error));
  g_assert_false (tl_library_set_clip_topic (f->library, f->clip, 999, TRUE, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (tl_library_set_clip_rating (f->library, f->clip, 4, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (tl_library_end_edit_group (f->library, &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_FAILED);
  g_clear_error (&error);
  g_clear_object (&clip);
  clip = get_clip (f, f->clip);
  g_assert_null (tl_clip_get_note (clip));
  g_assert_cmpuint (tl_clip_get_rating (clip), ==, 0);
  g_assert_cmpuint (notice.count, ==, 0);
  g_assert_cmpint (tl_library_get_undo_kind (f->library), ==, TL_EDIT_NEW_CLIP);

  /* and the library edits as before */
  g_assert_true (tl_library_set_clip_rating (f->library, f->clip, 4, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notice.count, ==, 1);
  assert_undo (f, "Rate Clip");
  g_signal_handlers_disconnect_by_data (f->library, &notice);
  g_clear_pointer (&notice.last, tl_library_changes_unref);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/library/rules/tag-decides", test_tag_decides);
  ADD ("/core/library/rules/tag-paragraphs", test_tag_paragraphs);
  ADD ("/core/library/rules/tap-and-align", test_tap_and_align);
  ADD ("/core/library/rules/edit-group", test_edit_group);
  ADD ("/core/library/rules/edit-group-all-or-none", test_edit_group_all_or_none);
#undef ADD
  return g_test_run ();
}
