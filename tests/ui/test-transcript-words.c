/* test-transcript-words.c: the real window's transcript word by word, on
 * a video made here and a whisper transcript with word times: a click on
 * a word goes to its start, a click beside the words to the line's; the
 * word being said is lit; words selected by a drag, Shift+click or
 * Shift+Right make a clip from the first word's start to the last one's
 * end, on frames; a line corrected in place is one undoable step (Escape
 * leaves it as it was); split and merge; speakers set, renamed and
 * filtered; and a clip's edge dragged in the strip sticks to a word's end. */
#include <adwaita.h>

#include "tl-application.h"
#include "tl-player-private.h"
#include "tl-test-media.h"
#include "tl-test-util.h"
#include "tl-test-widgets.h"
#include "tl-timeline-private.h"
#include "tl-transcript-row.h"
#include "tl-transcript-view-private.h"
#include "tl-window-private.h"

#define FRAME 40000 /* µs, at the 25 fps of the video made here */

/* Word times off the frame grid, so that the clip's snapping shows. */
static const char *const whisper_json =
  "{\"language\": \"en\", \"segments\": [\n"
  "  {\"id\": 0, \"start\": 1.0, \"end\": 4.0, \"speaker\": \"Anna\", \"text\": \" The ammunition came from stockpiles.\",\n"
  "   \"words\": [{\"word\": \" The\", \"start\": 1.0, \"end\": 1.2},\n"
  "             {\"word\": \" ammunition\", \"start\": 1.23, \"end\": 2.0},\n"
  "             {\"word\": \" came\", \"start\": 2.1, \"end\": 2.45},\n"
  "             {\"word\": \" from\", \"start\": 2.62, \"end\": 2.7},\n"
  "             {\"word\": \" stockpiles.\", \"start\": 2.8, \"end\": 3.9}]},\n"
  "  {\"id\": 1, \"start\": 4.5, \"end\": 6.0, \"speaker\": \"Boris\", \"text\": \" Putin met Kim.\",\n"
  "   \"words\": [{\"word\": \" Putin\", \"start\": 4.5, \"end\": 5.0},\n"
  "             {\"word\": \" met\", \"start\": 5.1, \"end\": 5.41},\n"
  "             {\"word\": \" Kim.\", \"start\": 5.5, \"end\": 6.0}]},\n"
  "  {\"id\": 2, \"start\": 6.5, \"end\": 9.0, \"speaker\": \"Anna\", \"text\": \" Analysts say it changes little.\",\n"
  "   \"words\": [{\"word\": \" Analysts\", \"start\": 6.5, \"end\": 7.1},\n"
  "             {\"word\": \" say\", \"start\": 7.2, \"end\": 7.5},\n"
  "             {\"word\": \" it\", \"start\": 7.5, \"end\": 7.6},\n"
  "             {\"word\": \" changes\", \"start\": 7.7, \"end\": 8.3},\n"
  "             {\"word\": \" little.\", \"start\": 8.4, \"end\": 9.0}]}]}\n";

typedef struct {
  char *dir;
  char *path;
  TlApplication *app;
  TlLibrary *library;
  TlWindow *window;
} Fixture;

static gboolean
task_done (Fixture *f)
{
  return f->window->task_cancellable == NULL;
}

static gboolean
player_ready (Fixture *f)
{
  TlPlayerState state = tl_player_get_state (f->window->player);

  return (state == TL_PLAYER_STATE_PAUSED || state == TL_PLAYER_STATE_PLAYING) && !tl_player_is_busy (f->window->player);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlTopic) topic = NULL;
  g_autofree char *video = NULL;
  g_autofree char *json = NULL;
  const char *paths[2] = { NULL, NULL };

  f->dir = tl_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "library.db", NULL);
  f->app = tl_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (f->app), NULL, &error));
  g_assert_no_error (error);
  f->library = tl_library_open (f->path, &error);
  g_assert_no_error (error);
  topic = tl_library_add_topic (f->library, "Weapons", 1, "#e01b24", &error);
  g_assert_no_error (error);
  f->window = tl_window_new (f->app, f->library, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  tl_test_spin (200);

  video = tl_test_make_video (f->dir, "talk.webm", 12, "25/1");
  json = g_build_filename (f->dir, "talk.json", NULL);
  g_assert_true (g_file_set_contents (json, whisper_json, -1, NULL));
  paths[0] = json;
  tl_window_import (f->window, paths);
  g_assert_true (tl_test_wait_until (task_done (f), 20));
  tl_test_spin (100);
  g_assert_true (tl_test_wait_until (player_ready (f), 10));
  g_assert_cmpuint (tl_transcript_view_get_n_segments (f->window->transcript), ==, 3);
  tl_test_spin (200);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  tl_test_spin (50);
  g_clear_object (&f->library);
  g_clear_object (&f->app);
  g_free (f->path);
  tl_test_tmpdir_free (f->dir);
}

/* With TL_TEST_SHOT=DIR, the window as it is now, drawn to DIR/NAME.png,
 * to look at. */
static void
shot (Fixture *f, const char *name)
{
  const char *dir = g_getenv ("TL_TEST_SHOT");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  int width, height;

  if (dir == NULL)
    return;
  tl_test_spin (200);
  width = gtk_widget_get_width (GTK_WIDGET (f->window));
  height = gtk_widget_get_height (GTK_WIDGET (f->window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (f->window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (f->window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, file));
}

static TlTranscriptView *
view (Fixture *f)
{
  return f->window->transcript;
}

/* A press of the primary button on word @word of line @line, as the
 * pointer gives it: where the word shows. */
static gboolean
press_word (Fixture *f, guint line, guint word, int n_press, GdkModifierType state)
{
  double x, y;

  g_assert_true (tl_transcript_view_word_point (view (f), line, word, &x, &y));
  return tl_transcript_view_press (view (f), n_press, GDK_BUTTON_PRIMARY, state, x, y);
}

static gint64
word_start (Fixture *f, guint line, guint word)
{
  guint n;
  const TlWord *words = tl_segment_get_words (tl_transcript_view_get_segment (view (f), line), &n);

  g_assert_cmpuint (word, <, n);
  return words[word].start;
}

/* The player rests on the first frame at or after @t. */
static void
assert_at (Fixture *f, gint64 t)
{
  gint64 position;

  g_assert_true (tl_test_wait_until (player_ready (f), 10));
  tl_test_spin (50);
  position = tl_player_get_position (f->window->player);
  g_assert_cmpint (position, >=, t);
  g_assert_cmpint (position - t, <, FRAME);
}

/* A click on a word: the player at that word, the word has the focus, its
 * line is the selected one. A click on the line's time: the line's start. */
static void
test_click_word_seeks (Fixture *f, gconstpointer data)
{
  guint line, word, first, last;
  GtkWidget *row;
  double x, y, rx, ry;

  g_assert_true (press_word (f, 0, 2, 1, 0));
  tl_transcript_view_release (view (f));
  assert_at (f, word_start (f, 0, 2));
  g_assert_cmpint (word_start (f, 0, 2), ==, 2100000);
  g_assert_true (tl_transcript_view_get_word_cursor (view (f), &line, &word));
  g_assert_cmpuint (line, ==, 0);
  g_assert_cmpuint (word, ==, 2);
  g_assert_true (tl_transcript_view_get_selected_range (view (f), &first, &last));
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, ==, 0);
  g_assert_cmpint (tl_transcript_view_get_current (view (f)), ==, 0);
  g_assert_cmpint (tl_transcript_view_get_spoken_word (view (f)), ==, 2);

  g_assert_true (press_word (f, 2, 3, 1, 0));
  tl_transcript_view_release (view (f));
  assert_at (f, 7700000);
  g_assert_cmpint (tl_transcript_view_get_spoken_word (view (f)), ==, 3);

  /* the time, left of the words: not a word; the list's, as ever */
  row = tl_transcript_view_bound_row (view (f), 1);
  g_assert_nonnull (row);
  g_assert_true (tl_transcript_view_word_point (view (f), 1, 0, &x, &y));
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (view (f)->list), row, x, y, &rx, &ry));
  g_assert_cmpint (tl_transcript_row_word_at (TL_TRANSCRIPT_ROW (row), 3, ry), ==, -1);
  g_assert_true (gtk_widget_translate_coordinates (row, GTK_WIDGET (view (f)->list), 3, ry, &x, &y));
  g_assert_false (tl_transcript_view_press (view (f), 1, GDK_BUTTON_PRIMARY, 0, x, y));
  tl_transcript_view_select_line (view (f), 1, TRUE);
  assert_at (f, 4500000);
  g_assert_false (tl_transcript_view_get_word_cursor (view (f), &line, &word));
}

static gboolean
spoken_is (Fixture *f, int word)
{
  return tl_transcript_view_get_spoken_word (view (f)) == word;
}

/* While it plays, the word being said is lit, one after another. */
static void
test_spoken_word_follows (Fixture *f, gconstpointer data)
{
  GtkWidget *row;

  tl_window_seek (f->window, 900000);
  assert_at (f, 900000);
  g_assert_cmpint (tl_transcript_view_get_spoken_word (view (f)), ==, -1);
  tl_window_play_pause (f->window);
  g_assert_true (tl_test_wait_until (spoken_is (f, 0), 10));
  g_assert_true (tl_test_wait_until (spoken_is (f, 1), 10));
  g_assert_true (tl_test_wait_until (spoken_is (f, 2), 10));
  shot (f, "word-said-lit");
  tl_window_play_pause (f->window);
  g_assert_true (tl_test_wait_until (player_ready (f), 10));
  /* the row draws it: its text's range is the word's bytes */
  row = tl_transcript_view_bound_row (view (f), 0);
  g_assert_nonnull (row);
  g_assert_cmpint (tl_transcript_view_get_current (view (f)), ==, 0);
}

/* The clip a topic's key makes of the words selected */
static TlClip *
only_clip (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clips = tl_library_list_clips (f->library, &(TlClipFilter) { 0 }, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (clips->len, ==, 1);
  return g_object_ref (g_ptr_array_index (clips, 0));
}

/* A drag from "ammunition" to "met" (the next line): those words, shown
 * as such, no line selected; key 1 makes a clip from 1.23 s to 5.41 s on
 * frames: 1.24 to 5.40. */
static void
test_drag_words_to_clip (Fixture *f, gconstpointer data)
{
  guint first_line, first_word, last_line, last_word, first, last;
  double x, y;
  g_autoptr(TlClip) clip = NULL;

  g_assert_true (press_word (f, 0, 1, 1, 0));
  g_assert_true (tl_transcript_view_word_point (view (f), 0, 3, &x, &y));
  tl_transcript_view_drag_to (view (f), x, y);
  g_assert_true (tl_transcript_view_word_point (view (f), 1, 1, &x, &y));
  tl_transcript_view_drag_to (view (f), x, y);
  tl_transcript_view_release (view (f));
  g_assert_true (tl_transcript_view_get_word_range (view (f), &first_line, &first_word, &last_line, &last_word));
  g_assert_cmpuint (first_line, ==, 0);
  g_assert_cmpuint (first_word, ==, 1);
  g_assert_cmpuint (last_line, ==, 1);
  g_assert_cmpuint (last_word, ==, 1);
  g_assert_false (tl_transcript_view_get_selected_range (view (f), &first, &last));
  shot (f, "words-selected");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag", "u", 1));
  tl_test_spin (100);
  clip = only_clip (f);
  g_assert_cmpint (tl_clip_get_in (clip), ==, 1240000);
  g_assert_cmpint (tl_clip_get_out (clip), ==, 5400000);
  g_assert_cmpstr (tl_clip_get_topics (clip)[0], ==, "Weapons");
}

/* A click on "came", then Shift+Right twice: "came from stockpiles."; then
 * Shift+click on "Putin" of the next line stretches it there. */
static void
test_keys_and_shift_click (Fixture *f, gconstpointer data)
{
  guint first_line, first_word, last_line, last_word;
  g_autoptr(TlClip) clip = NULL;

  g_assert_true (press_word (f, 0, 2, 1, 0));
  tl_transcript_view_release (view (f));
  g_assert_true (tl_transcript_view_has_word_focus (view (f)));
  g_assert_false (tl_transcript_view_get_word_range (view (f), &first_line, &first_word, &last_line, &last_word));
  g_assert_true (tl_transcript_view_key (view (f), GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_true (tl_transcript_view_key (view (f), GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_true (tl_transcript_view_get_word_range (view (f), &first_line, &first_word, &last_line, &last_word));
  g_assert_cmpuint (first_line, ==, 0);
  g_assert_cmpuint (first_word, ==, 2);
  g_assert_cmpuint (last_line, ==, 0);
  g_assert_cmpuint (last_word, ==, 4);
  /* over the line's end: the next line's first word */
  g_assert_true (tl_transcript_view_key (view (f), GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_true (tl_transcript_view_get_word_range (view (f), &first_line, &first_word, &last_line, &last_word));
  g_assert_cmpuint (last_line, ==, 1);
  g_assert_cmpuint (last_word, ==, 0);
  g_assert_true (tl_transcript_view_key (view (f), GDK_KEY_Left, GDK_SHIFT_MASK));
  g_assert_true (tl_transcript_view_get_word_range (view (f), &first_line, &first_word, &last_line, &last_word));
  g_assert_cmpuint (last_line, ==, 0);
  g_assert_cmpuint (last_word, ==, 4);

  /* Shift+click from there: from "came" to "met" */
  g_assert_true (press_word (f, 1, 1, 1, GDK_SHIFT_MASK));
  g_assert_true (tl_transcript_view_get_word_range (view (f), &first_line, &first_word, &last_line, &last_word));
  g_assert_cmpuint (first_line, ==, 0);
  g_assert_cmpuint (first_word, ==, 2);
  g_assert_cmpuint (last_line, ==, 1);
  g_assert_cmpuint (last_word, ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag", "u", 1));
  tl_test_spin (100);
  clip = only_clip (f);
  g_assert_cmpint (tl_clip_get_in (clip), ==, 2120000); /* 2.1 s: frame 52.5, a half rounds up to 53 */
  g_assert_cmpint (tl_clip_get_out (clip), ==, 5400000);

  /* Escape: no word selected, the focus stays */
  g_assert_true (tl_transcript_view_key (view (f), GDK_KEY_Escape, 0));
  g_assert_false (tl_transcript_view_get_word_range (view (f), &first_line, &first_word, &last_line, &last_word));
  g_assert_true (tl_transcript_view_get_word_cursor (view (f), &first_line, &first_word));
}

static char *
line_text (Fixture *f, guint index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) segments = tl_library_get_segments (f->library, tl_source_get_id (f->window->source), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (index, <, segments->len);
  return g_strdup (tl_segment_get_text (g_ptr_array_index (segments, index)));
}

static void
set_editor_text (Fixture *f, const char *text)
{
  GtkWidget *editor = tl_transcript_view_get_editor (view (f));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), text, -1);
}

static gboolean
is_ancestor (GtkWidget *widget, GtkWidget *ancestor)
{
  return widget && gtk_widget_is_ancestor (widget, ancestor);
}

/* A double-click on "ammunition" opens the line's text in place; Escape
 * leaves it; Enter keeps a correction (one step, the other words keep
 * their times); Undo puts the text back. */
static void
test_edit_in_place_then_undo (Fixture *f, gconstpointer data)
{
  GtkWidget *editor = tl_transcript_view_get_editor (view (f));
  g_autofree char *before = line_text (f, 0);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  GtkWidget *row;

  g_assert_cmpstr (before, ==, "The ammunition came from stockpiles.");
  g_assert_true (press_word (f, 0, 1, 1, 0));
  tl_transcript_view_release (view (f));
  g_assert_true (press_word (f, 0, 1, 2, 0));
  tl_transcript_view_release (view (f));
  g_assert_true (tl_test_wait_until (tl_transcript_view_get_edit_line (view (f)) == 0, 5));
  row = tl_transcript_view_bound_row (view (f), 0);
  g_assert_true (is_ancestor (editor, row));
  g_assert_true (gtk_widget_has_focus (editor));
  /* as high as its text, at least a line */
  g_assert_true (tl_test_wait_until (gtk_widget_get_height (editor) >= 14, 5));
  shot (f, "line-editor");

  /* Escape: as it was */
  set_editor_text (f, "The munitions came from stockpiles.");
  tl_transcript_view_cancel_edit (view (f));
  g_assert_true (tl_test_wait_until (tl_transcript_view_get_edit_line (view (f)) == -1, 5));
  g_assert_false (is_ancestor (editor, row));
  after = line_text (f, 0);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* F2 on the focused word, a correction, Enter */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view (f)), "transcript.edit", NULL));
  g_assert_cmpint (tl_transcript_view_get_edit_line (view (f)), ==, 0);
  set_editor_text (f, "The munitions came from stockpiles.");
  tl_transcript_view_commit_edit (view (f));
  tl_test_spin (200);
  after = line_text (f, 0);
  g_assert_cmpstr (after, ==, "The munitions came from stockpiles.");
  g_assert_cmpstr (tl_segment_get_text (tl_transcript_view_get_segment (view (f), 0)), ==, after);
  g_assert_true (tl_segment_get_edited (tl_transcript_view_get_segment (view (f), 0)));
  /* "came" kept its time */
  g_assert_cmpint (word_start (f, 0, 2), ==, 2100000);
  g_assert_cmpint (tl_library_get_undo_kind (f->library), ==, TL_EDIT_CORRECT_LINE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  tl_test_spin (200);
  undone = line_text (f, 0);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpstr (tl_segment_get_text (tl_transcript_view_get_segment (view (f), 0)), ==, before);
}

/* Split before "from" (Ctrl+Return on the focused word), then merge back
 * (Ctrl+J): each one step. */
static void
test_split_and_merge (Fixture *f, gconstpointer data)
{
  g_autofree char *first = NULL, *second = NULL, *merged = NULL;

  g_assert_true (press_word (f, 0, 3, 1, 0));
  tl_transcript_view_release (view (f));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view (f)), "transcript.split", NULL));
  tl_test_spin (200);
  g_assert_cmpuint (tl_transcript_view_get_n_segments (view (f)), ==, 4);
  first = line_text (f, 0);
  second = line_text (f, 1);
  g_assert_cmpstr (first, ==, "The ammunition came");
  g_assert_cmpstr (second, ==, "from stockpiles.");
  g_assert_cmpint (tl_segment_get_start (tl_transcript_view_get_segment (view (f), 1)), ==, 2620000);
  g_assert_cmpint (tl_library_get_undo_kind (f->library), ==, TL_EDIT_SPLIT_LINE);

  tl_transcript_view_select_line (view (f), 0, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view (f)), "transcript.merge", NULL));
  tl_test_spin (200);
  g_assert_cmpuint (tl_transcript_view_get_n_segments (view (f)), ==, 3);
  merged = line_text (f, 0);
  g_assert_cmpstr (merged, ==, "The ammunition came from stockpiles.");
  g_assert_cmpint (tl_library_get_undo_kind (f->library), ==, TL_EDIT_MERGE_LINES);
}

static guint
n_shown (Fixture *f)
{
  guint shown = 0, n = tl_transcript_view_get_n_segments (view (f));

  for (guint i = 0; i < n; i++)
    shown += tl_transcript_view_line_shown (view (f), tl_transcript_view_get_segment (view (f), i));
  return shown;
}

/* Speakers: the filter shows one speaker's lines; a speaker renamed for
 * the source and set on a line, each one step. */
static void
test_speakers (Fixture *f, gconstpointer data)
{
  g_assert_true (gtk_widget_get_visible (view (f)->speaker_bar));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (view (f)->speakers)), ==, 3);
  g_assert_cmpuint (n_shown (f), ==, 3);
  tl_transcript_view_set_shown_speaker (view (f), "Anna");
  g_assert_cmpuint (n_shown (f), ==, 2);
  tl_test_spin (100);
  g_assert_false (gtk_widget_get_visible (tl_transcript_view_bound_row (view (f), 1)));
  shot (f, "speaker-filter");
  g_assert_true (gtk_widget_get_visible (tl_transcript_view_bound_row (view (f), 2)));

  /* the line's menu, from the keyboard, at the word with the focus */
  tl_transcript_view_set_word_cursor (view (f), 0, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view (f)), "transcript.menu", NULL));
  tl_test_spin (100);
  g_assert_true (gtk_widget_get_visible (view (f)->menu));
  shot (f, "line-menu");
  gtk_popover_popdown (GTK_POPOVER (view (f)->menu));

  g_signal_emit_by_name (view (f), "rename-speaker", "Anna", "Anna Cunningham");
  tl_test_spin (200);
  g_assert_cmpstr (tl_segment_get_speaker (tl_transcript_view_get_segment (view (f), 0)), ==, "Anna Cunningham");
  g_assert_cmpstr (tl_segment_get_speaker (tl_transcript_view_get_segment (view (f), 2)), ==, "Anna Cunningham");
  g_assert_cmpint (tl_library_get_undo_kind (f->library), ==, TL_EDIT_RENAME_SPEAKER);
  /* the old name is gone: all lines show */
  g_assert_null (tl_transcript_view_get_shown_speaker (view (f)));
  g_assert_cmpuint (n_shown (f), ==, 3);

  g_signal_emit_by_name (view (f), "set-speaker", 1, "Anna Cunningham");
  tl_test_spin (200);
  g_assert_cmpstr (tl_segment_get_speaker (tl_transcript_view_get_segment (view (f), 1)), ==, "Anna Cunningham");
  g_assert_cmpint (tl_library_get_undo_kind (f->library), ==, TL_EDIT_SET_SPEAKER);
  /* one speaker left: no filter to choose from */
  g_assert_false (gtk_widget_get_visible (view (f)->speaker_bar));
}

/* A clip's out edge dragged near the end of "came" (2.45 s) sticks to it
 * (on the frame grid: 2.44 s), not to the frame under the pointer. */
static void
test_strip_snaps_to_words (Fixture *f, gconstpointer data)
{
  TlTimeline *timeline = f->window->timeline;
  g_autoptr(GError) error = NULL;
  const char *topics[] = { "Weapons", NULL };
  TlClipSpec spec = { 0 };
  const TlTimelineClip *clip;
  gint64 id, word_end = 2450000;
  int width, height;
  double x, y, to;
  g_autoptr(TlClip) trimmed = NULL;

  spec.source_id = tl_source_get_id (f->window->source);
  spec.in = 1000000;
  spec.out = 2000000;
  spec.first_segment = spec.last_segment = -1;
  spec.topics = topics;
  id = tl_library_add_clip (f->library, &spec, &error);
  g_assert_no_error (error);
  tl_test_spin (200);
  /* ten seconds across: a frame is a few pixels, less than the distance
   * an edge sticks from */
  tl_timeline_set_view (timeline, 0, 10 * G_USEC_PER_SEC);
  width = gtk_widget_get_width (GTK_WIDGET (timeline));
  height = gtk_widget_get_height (GTK_WIDGET (timeline));
  clip = tl_timeline_find_clip (timeline, id);
  g_assert_nonnull (clip);
  x = tl_timeline_x_for_time (timeline, clip->out, width);
  y = tl_timeline_lanes_top (timeline, height) + clip->lane * TL_TIMELINE_LANE_H + TL_TIMELINE_LANE_H / 2.0;
  tl_timeline_press (timeline, x, y);
  g_assert_cmpint (timeline->drag, ==, TL_TIMELINE_DRAG_TRIM_OUT);
  tl_test_spin (100);
  width = gtk_widget_get_width (GTK_WIDGET (timeline));
  /* four pixels past the word's end: a frame or more later under the pointer */
  to = tl_timeline_x_for_time (timeline, word_end, width) + 4;
  g_assert_cmpint (tl_timeline_snap (timeline, tl_timeline_time_for_x (timeline, to, width)), >=, word_end + FRAME);
  tl_timeline_motion (timeline, to, y);
  tl_timeline_release (timeline, to, y);
  tl_test_spin (100);
  trimmed = tl_library_get_clip (f->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tl_clip_get_out (trimmed), ==, 2440000);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/transcript-words/no-display", (GTestFunc) (void (*) (void)) g_test_skip);
      return g_test_run ();
    }
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/transcript-words/click-word-seeks", test_click_word_seeks);
  ADD ("/ui/transcript-words/spoken-word-follows", test_spoken_word_follows);
  ADD ("/ui/transcript-words/drag-words-to-clip", test_drag_words_to_clip);
  ADD ("/ui/transcript-words/keys-and-shift-click", test_keys_and_shift_click);
  ADD ("/ui/transcript-words/edit-in-place-then-undo", test_edit_in_place_then_undo);
  ADD ("/ui/transcript-words/split-and-merge", test_split_and_merge);
  ADD ("/ui/transcript-words/speakers", test_speakers);
  ADD ("/ui/transcript-words/strip-snaps-to-words", test_strip_snaps_to_words);
#undef ADD
  return g_test_run ();
}
