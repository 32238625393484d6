/* test-window.c: the real main window, under Xvfb, on a real library file:
 * pick a source, pick a line, tag it with a topic's key, undo; changes by
 * another process show up; the window reads what was left. */
#include <adwaita.h>
#include <string.h>

#include "tl-application.h"
#include "tl-import.h"
#include "tl-probe.h"
#include "tl-search.h"
#include "tl-export-dialog.h"
#include "tl-test-media.h"
#include "tl-test-speech.h"
#include "tl-test-util.h"
#include "tl-test-widgets.h"
#include "tl-transcript-row.h"
#include "tl-window-private.h"

typedef struct {
  char *dir;
  char *path;
  TlApplication *app;
  TlLibrary *library;
  TlWindow *window;
} Fixture;

static void
spin (guint msec)
{
  gint64 until = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
import_sample (TlLibrary *library, const char *prefix, const char *folder)
{
  g_autofree char *path = tl_test_sample_named (prefix);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_import_file (path, NULL, NULL, &error);
  TlImportOptions options = { path, folder, NULL };

  g_assert_no_error (error);
  tl_library_add_document (library, doc, &options, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) setup = NULL;

  f->dir = tl_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "library.db", NULL);
  setup = tl_library_open (f->path, &error);
  g_assert_no_error (error);
  import_sample (setup, "000_", "Summit");
  import_sample (setup, "004_", "Summit");
  g_object_unref (tl_library_add_topic (setup, "Weapons", 1, "#c01c28", &error));
  g_object_unref (tl_library_add_topic (setup, "Diplomacy", 2, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&setup);

  f->app = tl_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (f->app), NULL, &error));
  g_assert_no_error (error);
  f->library = tl_library_open (f->path, &error);
  g_assert_no_error (error);
  f->window = tl_window_new (f->app, f->library, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  spin (200);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin (50);
  g_clear_object (&f->library);
  g_clear_object (&f->app);
  g_free (f->path);
  tl_test_tmpdir_free (f->dir);
}

/* What the file says, read through a connection of the test's own. */
static GPtrArray *
clips_in_file (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) other = tl_library_open (f->path, &error);
  GPtrArray *clips;

  g_assert_no_error (error);
  clips = tl_library_list_clips (other, NULL, &error);
  g_assert_no_error (error);
  return clips;
}

static void
test_opens_on_first_source (Fixture *f, gconstpointer data)
{
  TlSource *source = tl_source_tree_get_selected_source (f->window->source_tree);

  g_assert_nonnull (source);
  g_assert_cmpstr (tl_source_get_title (source), ==, "Significance of Putin and Kim Jong Un's meeting in North Korea");
  g_assert_cmpuint (tl_transcript_view_get_n_segments (f->window->transcript), ==, 28);
  g_assert_cmpstr (gtk_label_get_text (f->window->source_title), ==, tl_source_get_title (source));
  g_assert_cmpuint (tl_tag_panel_get_topics (f->window->tag_panel)->len, ==, 2);
}

/* Pick a line, press topic 1: a clip over exactly that line, stored at
 * once; undo takes it back, in the file too. */
static void
test_tag_line_and_undo (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) clips = NULL;
  TlClip *clip;

  tl_transcript_view_select_line (f->window->transcript, 7, TRUE);
  spin (50);
  /* the line picked is where the player goes: its line is current */
  g_assert_cmpint (tl_transcript_view_get_current (f->window->transcript), ==, 7);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag", "u", 1));
  spin (50);
  clips = clips_in_file (f);
  g_assert_cmpuint (clips->len, ==, 1);
  clip = g_ptr_array_index (clips, 0);
  g_assert_cmpint (tl_clip_get_in (clip), ==, 44240000);
  g_assert_cmpint (tl_clip_get_out (clip), ==, 55360000);
  g_assert_cmpstr (tl_clip_get_topics (clip)[0], ==, "Weapons");
  /* the panel shows it selected, the editor open */
  g_assert_nonnull (tl_tag_panel_get_selected_clip (f->window->tag_panel));
  g_assert_cmpuint (tl_tag_panel_get_source_clips (f->window->tag_panel)->len, ==, 1);

  /* key 2 on the same line adds the topic to that clip, no new clip */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag", "u", 2));
  g_clear_pointer (&clips, g_ptr_array_unref);
  clips = clips_in_file (f);
  g_assert_cmpuint (clips->len, ==, 1);
  g_assert_cmpuint (g_strv_length ((char **) tl_clip_get_topics (g_ptr_array_index (clips, 0))), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  spin (50);
  g_clear_pointer (&clips, g_ptr_array_unref);
  clips = clips_in_file (f);
  g_assert_cmpuint (clips->len, ==, 0);
  g_assert_cmpuint (tl_tag_panel_get_source_clips (f->window->tag_panel)->len, ==, 0);
}

/* Several lines selected make one clip from the first's start to the
 * last's end; an article's paragraphs make a paragraph clip. */
static void
test_tag_range_and_article (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) clips = NULL;
  GtkSelectionModel *model;
  GtkWidget *list;

  /* Shift-click: select lines 2 to 4 */
  list = gtk_widget_get_first_child (gtk_widget_get_last_child (GTK_WIDGET (f->window->transcript)));
  list = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (list));
  model = gtk_list_view_get_model (GTK_LIST_VIEW (list));
  gtk_selection_model_select_range (model, 2, 3, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag", "u", 2));
  clips = clips_in_file (f);
  g_assert_cmpuint (clips->len, ==, 1);
  g_assert_cmpint (tl_clip_get_in (g_ptr_array_index (clips, 0)), ==, 12720000);
  g_assert_cmpint (tl_clip_get_out (g_ptr_array_index (clips, 0)), ==, 27400000);
  g_clear_pointer (&clips, g_ptr_array_unref);

  g_assert_true (tl_source_tree_select_source (f->window->source_tree, 2));
  spin (50);
  g_assert_cmpuint (tl_transcript_view_get_n_segments (f->window->transcript), ==, 25);
  tl_transcript_view_select_line (f->window->transcript, 5, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag", "u", 1));
  clips = clips_in_file (f);
  g_assert_cmpuint (clips->len, ==, 2);
  g_assert_cmpint (tl_clip_get_first_segment (g_ptr_array_index (clips, 1)), ==, 5);
  g_assert_cmpint (tl_clip_get_last_segment (g_ptr_array_index (clips, 1)), ==, 5);
}

/* The ids of @model's clips, as "a b c". */
static char *
clip_ids (GListModel *model)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TlClip) clip = g_list_model_get_item (model, i);
      g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? " " : "", tl_clip_get_id (clip));
    }
  return g_string_free (out, FALSE);
}

/* The same, in the file, in the arranged order. */
static char *
arranged_in_file (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) other = tl_library_open (f->path, &error);
  TlClipFilter filter = { .order = TL_CLIP_ORDER_ARRANGED };
  g_autoptr(GPtrArray) clips = tl_library_list_clips (other, &filter, &error);
  g_autoptr(GListStore) store = g_list_store_new (TL_TYPE_CLIP);

  g_assert_no_error (error);
  g_list_store_splice (store, 0, 0, clips->pdata, clips->len);
  return clip_ids (G_LIST_MODEL (store));
}

static void
assert_order (Fixture *f, const char *expected)
{
  g_autofree char *shown = clip_ids (tl_tag_panel_get_shown_clips (f->window->tag_panel));
  g_autofree char *stored = arranged_in_file (f);

  g_assert_cmpstr (shown, ==, expected);
  g_assert_cmpstr (stored, ==, expected);
}

/* The list of all clips is in the editor's own order: Alt+Up/Down (the
 * panel's tag.move-clip) moves the selected clip, the file has the new
 * order at once, and Undo puts it back. The list of one source's clips
 * stays in time order. */
static void
test_arrange_clips (Fixture *f, gconstpointer data)
{
  TlTagPanel *panel = f->window->tag_panel;
  GtkWidget *all = tl_test_find_toggle (GTK_WIDGET (panel), "All");
  const guint lines[] = { 9, 2, 5 };
  TlClip *selected;

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      tl_transcript_view_select_line (f->window->transcript, lines[i], TRUE);
      spin (20);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag", "u", 1));
      spin (20);
    }
  /* this source's clips by time; nothing to arrange there */
  {
    g_autofree char *shown = clip_ids (tl_tag_panel_get_shown_clips (panel));
    g_autofree char *stored = NULL;

    g_assert_cmpstr (shown, ==, "2 3 1");
    gtk_widget_activate_action (GTK_WIDGET (panel), "tag.move-clip", "i", -1);
    spin (20);
    stored = arranged_in_file (f);
    g_assert_cmpstr (stored, ==, "1 2 3");
  }

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (all), TRUE);
  spin (50);
  {
    g_autofree char *shown = clip_ids (tl_tag_panel_get_shown_clips (panel));
    g_assert_cmpstr (shown, ==, "1 2 3");
  }
  /* the clip made last is still the one selected; up it goes, twice */
  selected = tl_tag_panel_get_selected_clip (panel);
  g_assert_nonnull (selected);
  g_assert_cmpint (tl_clip_get_id (selected), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "tag.move-clip", "i", -1));
  spin (20);
  assert_order (f, "1 3 2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "tag.move-clip", "i", -1));
  spin (20);
  assert_order (f, "3 1 2");
  g_assert_cmpint (tl_clip_get_id (tl_tag_panel_get_selected_clip (panel)), ==, 3);
  /* the top is as far as up goes; down once */
  gtk_widget_activate_action (GTK_WIDGET (panel), "tag.move-clip", "i", -1);
  spin (20);
  assert_order (f, "3 1 2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "tag.move-clip", "i", 1));
  spin (20);
  assert_order (f, "1 3 2");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  spin (20);
  assert_order (f, "3 1 2");
}

/* tagline-cli (another process) adds a topic while the window is open:
 * the window shows it without a restart. */
static void
test_outside_changes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) other = tl_library_open (f->path, &error);

  g_object_unref (tl_library_add_topic (other, "China", 3, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tl_tag_panel_get_topics (f->window->tag_panel)->len, ==, 2);
  spin (1300);
  g_assert_cmpuint (tl_tag_panel_get_topics (f->window->tag_panel)->len, ==, 3);
}

/* Find in the transcript selects the next line holding the words. */
static void
test_find (Fixture *f, gconstpointer data)
{
  guint first, last;
  GtkWidget *bar = gtk_widget_get_first_child (GTK_WIDGET (f->window->transcript));
  GtkWidget *entry;

  tl_transcript_view_show_find (f->window->transcript);
  entry = gtk_widget_get_first_child (gtk_search_bar_get_child (GTK_SEARCH_BAR (bar)));
  gtk_editable_set_text (GTK_EDITABLE (entry), "SATELLITE");
  spin (300);
  g_assert_true (tl_transcript_view_get_selected_range (f->window->transcript, &first, &last));
  g_assert_cmpuint (first, ==, 9);
  tl_transcript_view_find_next (f->window->transcript, FALSE);
  g_assert_true (tl_transcript_view_get_selected_range (f->window->transcript, &first, &last));
  g_assert_cmpuint (first, ==, 9); /* the only match: it wraps to itself */
}

/* A deleted source leaves the tree; the undo toast's action brings it back. */
static void
test_delete_source_undo (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->source_tree), "tree.delete", NULL));
  spin (50);
  sources = tl_library_list_sources (f->library, &error);
  g_assert_cmpuint (sources->len, ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  spin (50);
  g_clear_pointer (&sources, g_ptr_array_unref);
  sources = tl_library_list_sources (f->library, &error);
  g_assert_cmpuint (sources->len, ==, 2);
  g_assert_true (tl_source_tree_select_source (f->window->source_tree, 1));
}

/* Library search opens a hit at its line, ready for a topic key. */
static void
test_library_search (Fixture *f, gconstpointer data)
{
  g_autoptr(TlSearchResults) expected = tl_search (f->library, "sanctions monitoring", 10, 0, NULL, NULL, NULL);
  TlSearchHit *hit;
  guint first, last;

  /* a stateful toggle: activating it flips it on */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search-library", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->left_stack), ==, "search");
  tl_search_panel_set_query (f->window->search_panel, "sanctions monitoring");
  /* the search runs in a thread */
  tl_test_wait_until (tl_search_panel_get_n_hits (f->window->search_panel) > 0, 10);
  g_assert_cmpuint (expected->total, ==, 1);
  g_assert_cmpuint (tl_search_panel_get_n_hits (f->window->search_panel), ==, 1);
  hit = g_ptr_array_index (expected->hits, 0);
  g_signal_emit_by_name (f->window->search_panel, "hit-activated", hit->source_id, hit->segment_index);
  spin (50);
  g_assert_cmpint (tl_source_get_id (tl_source_tree_get_selected_source (f->window->source_tree)), ==, 2);
  g_assert_true (tl_transcript_view_get_selected_range (f->window->transcript, &first, &last));
  g_assert_cmpuint (first, ==, hit->segment_index);
  g_assert_nonnull (strstr (tl_segment_get_text (tl_transcript_view_get_segment (f->window->transcript, first)),
                            "sanctions monitoring"));
  /* and a topic key tags it there */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag", "u", 2));
  g_assert_cmpuint (tl_tag_panel_get_source_clips (f->window->tag_panel)->len, ==, 1);
}

static GtkWidget *
find_descendant (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);
      if (found)
        return found;
    }
  return NULL;
}

/* A note being typed is in the library file within a second, without the
 * editor leaving the field: killing the app then loses nothing. */
static void
test_note_kept_while_typing (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) clips = NULL;
  GtkWidget *note;

  tl_transcript_view_select_line (f->window->transcript, 3, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag", "u", 1));
  spin (50);
  note = find_descendant (GTK_WIDGET (f->window->tag_panel), GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (note);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (note)), "Good soundbite, «use» it", -1);
  /* no focus change happens here (under Xvfb the window is never
   * active): only the typing timeout can have saved it */
  spin (1000);
  clips = clips_in_file (f);
  g_assert_cmpuint (clips->len, ==, 1);
  g_assert_cmpstr (tl_clip_get_note (g_ptr_array_index (clips, 0)), ==, "Good soundbite, «use» it");
}

/* Four sentences spoken into a WAV file (no pictures), imported into the
 * window's library as "Spoken summit"; @id is set to the source's id. */
static TlTestSpeech *
import_spoken_summit (Fixture *f, gint64 *id)
{
  static const TlTestSentence sentences[] = {
    { "The summit opened with a parade in the capital.", TRUE, TRUE },
    { "Both leaders signed a partnership agreement.", TRUE, TRUE },
    { "Analysts say the deal could change the war.", TRUE, TRUE },
    { "China is watching the new alliance closely.", TRUE, TRUE },
  };
  g_autofree char *wav = g_build_filename (f->dir, "speech.wav", NULL);
  TlTestSpeech *speech;
  TlTestSpeechSpec spec;

  tl_test_speech_spec_init (&spec);
  speech = tl_test_speech_make (wav, sentences, G_N_ELEMENTS (sentences), &spec);
  *id = tl_test_speech_import (f->library, speech, "Spoken summit");
  return speech;
}

/* How many widgets under @widget show @tip as their tooltip. */
static guint
count_tooltips (GtkWidget *widget, const char *tip)
{
  guint n = g_strcmp0 (gtk_widget_get_tooltip_text (widget), tip) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_tooltips (child, tip);
  return n;
}

/* A row shown again for another line loses the tooltips of the last one
 * (rows are reused as the list scrolls). */
static void
test_row_tooltips (Fixture *f, gconstpointer data)
{
  TlSegment *segment = tl_transcript_view_get_segment (f->window->transcript, 0);
  GtkWidget *row = g_object_ref_sink (tl_transcript_row_new ());
  const char *tip = "Estimated from the transcript’s length";

  g_assert_nonnull (segment);
  tl_transcript_row_set_segment (TL_TRANSCRIPT_ROW (row), segment, NULL, TRUE, NULL);
  g_assert_cmpuint (count_tooltips (row, tip), ==, 1);
  tl_transcript_row_set_segment (TL_TRANSCRIPT_ROW (row), segment, NULL, TRUE, NULL);
  g_assert_cmpuint (count_tooltips (row, tip), ==, 1);
  tl_transcript_row_set_segment (TL_TRANSCRIPT_ROW (row), segment, NULL, FALSE, NULL);
  g_assert_cmpuint (count_tooltips (row, tip), ==, 0);
  g_object_unref (row);
}

/* Align to the audio from the window: progress, the lines get their times
 * from the sound, and one Undo puts the estimates back. */
static void
test_align_from_window (Fixture *f, gconstpointer data)
{
  g_autoptr(TlTestSpeech) speech = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(TlSource) source = NULL;
  const char *estimated_tip = "Estimated from the transcript’s length";
  gint64 id, until;

  speech = import_spoken_summit (f, &id);
  g_assert_cmpint (id, >, 0);
  spin (100);
  g_assert_true (tl_source_tree_select_source (f->window->source_tree, id));
  spin (50);
  g_assert_true (gtk_widget_get_visible (f->window->align_button));
  /* every line on screen says its time is a guess */
  g_assert_cmpuint (count_tooltips (GTK_WIDGET (f->window->transcript), estimated_tip), >=, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.align", NULL));
  g_assert_true (gtk_revealer_get_reveal_child (f->window->task_revealer));
  until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (f->window->task_cancellable != NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  spin (100);

  source = tl_library_get_source (f->library, id, &error);
  g_assert_cmpint (tl_source_get_timing (source), ==, TL_TIMING_ALIGNED);
  segments = tl_library_get_segments (f->library, id, &error);
  for (guint i = 0; i < segments->len; i++)
    {
      gint64 truth = g_array_index (speech->truth, gint64, i);
      g_assert_cmpint (ABS (tl_segment_get_start (g_ptr_array_index (segments, i)) - truth), <, 150000);
    }
  /* the window shows the new times, not estimates */
  g_assert_false (gtk_widget_get_visible (f->window->align_button));
  g_assert_cmpuint (count_tooltips (GTK_WIDGET (f->window->transcript), estimated_tip), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_clear_object (&source);
  source = tl_library_get_source (f->library, id, &error);
  g_assert_cmpint (tl_source_get_timing (source), ==, TL_TIMING_ESTIMATED);
}

/* Export as media: the dialog hands the render to the window, whose task
 * bar shows it while the window stays usable; the clip's file is written. */
static void
test_render_from_dialog (Fixture *f, gconstpointer data)
{
  g_autofree char *video = tl_test_make_video (f->dir, "clip.webm", 4, "25/1");
  g_autofree char *srt = g_build_filename (f->dir, "clip.srt", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "rendered", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) windows = NULL;
  TlExportDialog *dialog = NULL;
  gint64 until;
  const char *paths[2] = { srt, NULL };

  g_assert_true (g_file_set_contents (srt, "1\n00:00:00,500 --> 00:00:02,000\nFirst words.\n\n"
                                           "2\n00:00:02,000 --> 00:00:03,500\nSecond words.\n", -1, NULL));
  tl_window_import (f->window, paths);
  until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (f->window->task_cancellable != NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  spin (100);
  g_assert_cmpint (tl_source_get_kind (tl_source_tree_get_selected_source (f->window->source_tree)), ==,
                   TL_SOURCE_KIND_VIDEO);
  tl_transcript_view_select_line (f->window->transcript, 1, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag", "u", 1));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL));
  windows = gtk_window_list_toplevels ();
  for (GList *l = windows; l; l = l->next)
    if (TL_IS_EXPORT_DIALOG (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  tl_export_dialog_set_format (dialog, "webm");
  g_assert_cmpuint (tl_export_dialog_get_n_clips (dialog), ==, 1);
  g_assert_nonnull (strstr (tl_export_dialog_get_preview (dialog), "WebM"));
  /* one file per clip (the dialog's default), in a folder */
  tl_export_dialog_export_to (dialog, folder);
  spin (50);
  g_assert_true (gtk_revealer_get_reveal_child (f->window->task_revealer));
  until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (f->window->task_cancellable != NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (f->window->task_cancellable);
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  name = g_dir_read_name (dir);
  g_assert_nonnull (name);
  g_assert_true (g_str_has_suffix (name, ".webm"));
  g_assert_null (g_dir_read_name (dir));
}

/* Runs the main loop until @done holds or @seconds pass. */
static gboolean
wait_for (gboolean (*done) (Fixture *f), Fixture *f, double seconds)
{
  gint64 until = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!done (f) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  return done (f);
}

static gboolean
player_ready (Fixture *f)
{
  TlPlayerState state = tl_player_get_state (f->window->player);

  return state == TL_PLAYER_STATE_PAUSED || state == TL_PLAYER_STATE_PLAYING;
}

static gboolean
task_done (Fixture *f)
{
  return f->window->task_cancellable == NULL;
}

/* A four-second video and its subtitles, imported and shown, and the
 * player ready on it. */
static void
open_video (Fixture *f)
{
  g_autofree char *video = tl_test_make_video (f->dir, "clip.webm", 4, "25/1");
  g_autofree char *srt = g_build_filename (f->dir, "clip.srt", NULL);
  const char *paths[2] = { srt, NULL };

  g_assert_true (g_file_set_contents (srt, "1\n00:00:00,500 --> 00:00:02,000\nFirst words.\n\n"
                                           "2\n00:00:02,000 --> 00:00:03,500\nSecond words.\n", -1, NULL));
  tl_window_import (f->window, paths);
  g_assert_true (wait_for (task_done, f, 20));
  spin (100);
  g_assert_true (wait_for (player_ready, f, 10));
  g_assert_true (gtk_widget_get_visible (f->window->player_area));
}

static gboolean
past_second_line (Fixture *f)
{
  return tl_player_get_position (f->window->player) > 2300000;
}

/* Play: the highlighted line follows the sound; a click on a line goes to
 * its first frame. */
static void
test_transcript_follows_player (Fixture *f, gconstpointer data)
{
  open_video (f);
  g_assert_cmpint (tl_transcript_view_get_current (f->window->transcript), <=, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.play-pause", NULL));
  g_assert_true (wait_for (past_second_line, f, 10));
  g_assert_cmpint (tl_transcript_view_get_current (f->window->transcript), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.play-pause", NULL));
  spin (200);
  g_assert_cmpint (tl_player_get_state (f->window->player), ==, TL_PLAYER_STATE_PAUSED);

  /* the first line, picked: the player shows its frame, 0.5 s in */
  g_signal_emit_by_name (f->window->transcript, "line-picked", 0u);
  spin (600);
  g_assert_cmpint (ABS (tl_player_get_frame_time (f->window->player) - 500000), <, 40000);
  g_assert_cmpint (tl_transcript_view_get_current (f->window->transcript), ==, 0);

  /* a second forward, by key action */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.seek-by", "x", (gint64) 1000000));
  spin (600);
  g_assert_cmpint (ABS (tl_player_get_frame_time (f->window->player) - 1500000), <, 40000);
}

static gint64 loop_min, loop_max, loop_last;
static guint loop_wraps;

static void
on_loop_position (TlPlayer *player, GParamSpec *pspec, gpointer data)
{
  gint64 position = tl_player_get_position (player);

  if (position < loop_last)
    loop_wraps++;
  loop_last = position;
  loop_min = MIN (loop_min, position);
  loop_max = MAX (loop_max, position);
}

/* Tag a line, loop its clip: playback stays inside it and comes round
 * again. */
static void
test_loop_clip (Fixture *f, gconstpointer data)
{
  TlClip *clip;
  gulong handler;

  open_video (f);
  tl_transcript_view_select_line (f->window->transcript, 1, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag", "u", 1));
  spin (100);
  clip = tl_tag_panel_get_selected_clip (f->window->tag_panel);
  g_assert_nonnull (clip);
  g_assert_cmpint (tl_clip_get_in (clip), ==, 2000000);
  g_assert_cmpint (tl_clip_get_out (clip), ==, 3500000);

  g_action_group_change_action_state (G_ACTION_GROUP (f->window), "loop-clip", g_variant_new_boolean (TRUE));
  g_assert_cmpint (tl_player_get_loop_in (f->window->player), ==, 2000000);
  spin (300);
  loop_min = G_MAXINT64, loop_max = 0, loop_last = 0, loop_wraps = 0;
  handler = g_signal_connect (f->window->player, "notify::position", G_CALLBACK (on_loop_position), NULL);
  spin (3500);
  g_signal_handler_disconnect (f->window->player, handler);
  g_assert_cmpint (tl_player_get_state (f->window->player), ==, TL_PLAYER_STATE_PLAYING);
  g_assert_cmpuint (loop_wraps, >=, 1);
  g_assert_cmpint (loop_min, >=, 2000000 - 40000);
  g_assert_cmpint (loop_max, <=, 3500000 + 40000);

  /* loop off: playback goes on past the clip, to the end */
  g_action_group_change_action_state (G_ACTION_GROUP (f->window), "loop-clip", g_variant_new_boolean (FALSE));
  g_assert_cmpint (tl_player_get_loop_in (f->window->player), <, 0);
}

static gboolean
player_settled (Fixture *f)
{
  return tl_player_get_state (f->window->player) == TL_PLAYER_STATE_PAUSED
         && ABS (tl_player_get_position (f->window->player) - loop_last) < 30000;
}

static void
seek_and_settle (Fixture *f, gint64 position)
{
  tl_window_seek (f->window, position);
  loop_last = position;
  if (!wait_for (player_settled, f, 5))
    g_error ("state %d position %" G_GINT64_FORMAT " wanted %" G_GINT64_FORMAT,
             tl_player_get_state (f->window->player), tl_player_get_position (f->window->player), position);
}

static gboolean
waveform_read (Fixture *f)
{
  return !tl_timeline_is_reading_sound (f->window->timeline);
}

/* Tap in: each tap gives the next line the play position, the lines in
 * between are spread; Backspace takes the last tap back. */
static void
test_tap_in (Fixture *f, gconstpointer data)
{
  g_autoptr(TlTestSpeech) speech = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(TlSource) source = NULL;
  gint64 id, first;

  speech = import_spoken_summit (f, &id);
  spin (100);
  g_assert_true (tl_source_tree_select_source (f->window->source_tree, id));
  /* sound alone: the strip's waveform instead of a picture, read the first time */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window->timeline)));
  g_assert_true (gtk_widget_get_vexpand (GTK_WIDGET (f->window->timeline)));
  g_assert_true (tl_timeline_is_reading_sound (f->window->timeline));
  g_assert_true (wait_for (player_ready, f, 10));
  g_assert_true (wait_for (waveform_read, f, 10));
  g_assert_true (gtk_widget_get_visible (f->window->tap_button));

  /* taps do nothing until the mode is on */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), "tap"));
  g_action_group_change_action_state (G_ACTION_GROUP (f->window), "tap-mode", g_variant_new_boolean (TRUE));
  g_assert_true (f->window->tapping);

  first = g_array_index (speech->truth, gint64, 0);
  seek_and_settle (f, first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tap", NULL));
  seek_and_settle (f, g_array_index (speech->truth, gint64, 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tap", NULL));
  spin (100);

  source = tl_library_get_source (f->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tl_source_get_timing (source), ==, TL_TIMING_TAPPED);
  segments = tl_library_get_segments (f->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ABS (tl_segment_get_start (g_ptr_array_index (segments, 0)) - first), <, 20000);
  g_assert_true (tl_segment_get_anchor (g_ptr_array_index (segments, 0)));
  g_assert_cmpint (ABS (tl_segment_get_start (g_ptr_array_index (segments, 1))
                        - g_array_index (speech->truth, gint64, 1)), <, 20000);
  g_assert_true (tl_segment_get_anchor (g_ptr_array_index (segments, 1)));
  /* the untapped lines share the rest, in order, up to the end */
  g_assert_false (tl_segment_get_anchor (g_ptr_array_index (segments, 2)));
  g_assert_cmpint (tl_segment_get_start (g_ptr_array_index (segments, 2)), >,
                   tl_segment_get_start (g_ptr_array_index (segments, 1)));
  g_assert_cmpint (tl_segment_get_start (g_ptr_array_index (segments, 3)), >,
                   tl_segment_get_start (g_ptr_array_index (segments, 2)));
  g_assert_cmpint (tl_segment_get_end (g_ptr_array_index (segments, 3)), <=, speech->duration + 40000);
  /* the window still plays the same file, where it was, and shows the
   * next line to tap */
  g_assert_true (player_ready (f));
  g_assert_cmpint (ABS (tl_player_get_position (f->window->player) - g_array_index (speech->truth, gint64, 1)), <,
                   30000);
  {
    guint sel_first = 0, sel_last = 0;
    g_assert_true (tl_transcript_view_get_selected_range (f->window->transcript, &sel_first, &sel_last));
    g_assert_cmpuint (sel_first, ==, 2);
  }

  /* Backspace: the second tap back, the first kept */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.untap", NULL));
  spin (100);
  g_clear_pointer (&segments, g_ptr_array_unref);
  segments = tl_library_get_segments (f->library, id, &error);
  g_assert_true (tl_segment_get_anchor (g_ptr_array_index (segments, 0)));
  g_assert_false (tl_segment_get_anchor (g_ptr_array_index (segments, 1)));

  /* leaving the mode: keys are keys again */
  g_action_group_change_action_state (G_ACTION_GROUP (f->window), "tap-mode", g_variant_new_boolean (FALSE));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), "tap"));
}

/* Toasts say what holds now: the one for a new clip says so no more once
 * the clip is undone, a mark's takes the last mark's place, errors are
 * toasts of their own. */
static void
test_toasts_stay_true (Fixture *f, gconstpointer data)
{
  AdwToast *tagged, *mark;

  tl_transcript_view_select_line (f->window->transcript, 7, TRUE);
  spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag", "u", 1));
  tagged = f->window->note_toast;
  g_assert_nonnull (tagged);
  g_assert_cmpstr (adw_toast_get_button_label (tagged), ==, "_Undo");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  spin (50);
  /* no toast offers to undo what is undone, nor says the clip was made */
  g_assert_true (f->window->note_toast == tagged);
  g_assert_true (g_str_has_prefix (adw_toast_get_title (tagged), "Undone"));
  g_assert_null (adw_toast_get_button_label (tagged));

  /* marks on lines: a transcript without media marks where the selected line starts */
  tl_transcript_view_select_line (f->window->transcript, 3, TRUE);
  spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.mark-in", NULL));
  mark = f->window->note_toast;
  g_assert_true (g_str_has_prefix (adw_toast_get_title (mark), "In at"));
  /* an error does not take its place */
  tl_window_toast_error (f->window, "notes.srt, line 3: end time before start time");
  g_assert_true (f->window->note_toast == mark);
  tl_transcript_view_select_line (f->window->transcript, 9, TRUE);
  spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.mark-out", NULL));
  /* the newer mark took the older one's place: one toast, saying Out */
  g_assert_true (f->window->note_toast == mark);
  g_assert_true (g_str_has_prefix (adw_toast_get_title (mark), "Out at"));

  /* a file name is shown as it is, not read as markup */
  tl_window_toast (f->window, "a&b <draft>.srt imported", FALSE);
  g_assert_cmpstr (adw_toast_get_title (f->window->note_toast), ==, "a&amp;b &lt;draft&gt;.srt imported");
}

/* The dialog over @window that asks something, if one is up. */
static AdwMessageDialog *
question_over (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* GTK's own */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (GTK_WINDOW (w)) == window
          && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

/* Subtitle times are real: aligning asks before it replaces them, and the
 * clips made on them move with their lines. */
static void
test_align_native_asks (Fixture *f, gconstpointer data)
{
  static const TlTestSentence sentences[] = {
    { "The summit opened with a parade in the capital.", TRUE, TRUE },
    { "Both leaders signed a partnership agreement.", TRUE, TRUE },
    { "Analysts say the deal could change the war.", TRUE, TRUE },
    { "China is watching the new alliance closely.", TRUE, TRUE },
  };
  g_autofree char *wav = g_build_filename (f->dir, "speech.wav", NULL);
  g_autoptr(TlTestSpeech) speech = NULL;
  g_autoptr(TlDocument) doc = tl_document_new ("srt");
  g_autoptr(TlMediaInfo) media = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GPtrArray) clips = NULL;
  g_autoptr(TlSource) source = NULL;
  TlImportOptions options = { NULL, NULL, NULL };
  TlTestSpeechSpec spec;
  AdwMessageDialog *question;
  TlClip *clip;
  gint64 id, until, old_in, old_out;

  tl_test_speech_spec_init (&spec);
  speech = tl_test_speech_make (wav, sentences, G_N_ELEMENTS (sentences), &spec);
  media = tl_probe_file (speech->wav_path, &error);
  g_assert_no_error (error);
  /* subtitles that run a second and a half late */
  doc->title = tl_document_strdup (doc, "Late subtitles");
  for (guint i = 0; i < speech->lines->len; i++)
    {
      gint64 start = g_array_index (speech->truth, gint64, i) + 1500000;
      gint64 end = i + 1 < speech->lines->len ? g_array_index (speech->truth, gint64, i + 1) + 1500000
                                              : speech->duration;
      tl_document_add_segment (doc, start, end, g_ptr_array_index (speech->lines, i), -1);
    }
  doc->timing = TL_TIMING_NATIVE;
  tl_document_apply_media (doc, media);
  options.media = media;
  id = tl_library_add_document (f->library, doc, &options, &error);
  g_assert_no_error (error);
  spin (100);
  g_assert_true (tl_source_tree_select_source (f->window->source_tree, id));
  spin (100);

  /* a clip over line 1, on the late times */
  tl_transcript_view_select_line (f->window->transcript, 1, TRUE);
  spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag", "u", 1));
  clips = clips_in_file (f);
  g_assert_cmpuint (clips->len, ==, 1);
  old_in = tl_clip_get_in (g_ptr_array_index (clips, 0));
  old_out = tl_clip_get_out (g_ptr_array_index (clips, 0));
  g_clear_pointer (&clips, g_ptr_array_unref);

  /* asked first; Cancel changes nothing */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.align", NULL));
  spin (50);
  question = question_over (GTK_WINDOW (f->window));
  g_assert_nonnull (question);
  g_assert_false (tl_window_is_busy (f->window));
  adw_message_dialog_response (question, "cancel");
  spin (50);
  g_assert_false (tl_window_is_busy (f->window));
  source = tl_library_get_source (f->library, id, &error);
  g_assert_cmpint (tl_source_get_timing (source), ==, TL_TIMING_NATIVE);
  g_clear_object (&source);

  /* asked again; Align aligns */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.align", NULL));
  spin (50);
  question = question_over (GTK_WINDOW (f->window));
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "align");
  g_assert_true (tl_window_is_busy (f->window));
  until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (tl_window_is_busy (f->window) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  spin (100);

  source = tl_library_get_source (f->library, id, &error);
  g_assert_cmpint (tl_source_get_timing (source), ==, TL_TIMING_ALIGNED);
  segments = tl_library_get_segments (f->library, id, &error);
  g_assert_cmpint (ABS (tl_segment_get_start (g_ptr_array_index (segments, 1))
                        - g_array_index (speech->truth, gint64, 1)), <, 150000);
  /* the clip holds line 1 on its new times, not the late ones */
  clips = clips_in_file (f);
  clip = g_ptr_array_index (clips, 0);
  g_assert_cmpint (tl_clip_get_in (clip), ==, tl_segment_get_start (g_ptr_array_index (segments, 1)));
  g_assert_cmpint (tl_clip_get_out (clip), <=, tl_segment_get_start (g_ptr_array_index (segments, 2)));
  g_assert_cmpint (tl_clip_get_in (clip), <, old_in - 1000000);

  /* one undo: the subtitle times and the clip as they were */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_clear_pointer (&clips, g_ptr_array_unref);
  clips = clips_in_file (f);
  g_assert_cmpint (tl_clip_get_in (g_ptr_array_index (clips, 0)), ==, old_in);
  g_assert_cmpint (tl_clip_get_out (g_ptr_array_index (clips, 0)), ==, old_out);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/window/no-display", (GTestFunc) (void (*) (void)) g_test_skip);
      return g_test_run ();
    }
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/window/opens-on-first-source", test_opens_on_first_source);
  ADD ("/ui/window/tag-line-and-undo", test_tag_line_and_undo);
  ADD ("/ui/window/toasts-stay-true", test_toasts_stay_true);
  ADD ("/ui/window/tag-range-and-article", test_tag_range_and_article);
  ADD ("/ui/window/arrange-clips", test_arrange_clips);
  ADD ("/ui/window/outside-changes", test_outside_changes);
  ADD ("/ui/window/find", test_find);
  ADD ("/ui/window/delete-source-undo", test_delete_source_undo);
  ADD ("/ui/window/library-search", test_library_search);
  ADD ("/ui/window/note-kept-while-typing", test_note_kept_while_typing);
  ADD ("/ui/window/row-tooltips", test_row_tooltips);
  ADD ("/ui/window/align-from-window", test_align_from_window);
  ADD ("/ui/window/align-native-asks", test_align_native_asks);
  ADD ("/ui/window/render-from-dialog", test_render_from_dialog);
  ADD ("/ui/window/transcript-follows-player", test_transcript_follows_player);
  ADD ("/ui/window/loop-clip", test_loop_clip);
  ADD ("/ui/window/tap-in", test_tap_in);
#undef ADD
  return g_test_run ();
}
