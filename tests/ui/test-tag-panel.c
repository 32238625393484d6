/* test-tag-panel.c: the tag panel in the real window, under Xvfb, on a
 * real library file with nine topics: the clip editor fits a small
 * window, its topic toggles show the clip's topics, lines selected apart
 * make a clip each, clips are selected and deleted together, and a topic
 * key with no topic says how to make one. */
#include <adwaita.h>
#include <string.h>

#include "tl-application.h"
#include "tl-import.h"
#include "tl-test-util.h"
#include "tl-test-widgets.h"
#include "tl-window-private.h"

static const char *const topic_names[] = {
  "Weapons", "Diplomacy", "China", "Ukraine war", "Sanctions", "Economy", "Human rights", "Military", "Press freedom",
};

typedef struct {
  char *dir;
  char *path;
  TlApplication *app;
  TlLibrary *library;
  TlWindow *window;
  gint64 clip;       /* lines 10–11 of source 1: Weapons, China, Sanctions; 3 stars */
} Fixture;

typedef struct {
  int width, height;
} WindowSize;

static const WindowSize size_720 = { 1280, 720 };
static const WindowSize size_600 = { 1024, 600 };
static const WindowSize size_800 = { 1280, 800 };

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

/* Source 1 at 25 frames a second, its media starting at 01:00:00:00 (the
 * file is not there: the window says so and plays nothing, the times
 * still count). */
static void
give_media (TlLibrary *library)
{
  TlMediaInfo media = { 0 };
  g_autoptr(GError) error = NULL;

  media.path = (char *) "/nonexistent/significance.mp4";
  media.duration = TL_TIME_NONE;
  media.fps_num = 25;
  media.fps_den = 1;
  media.has_video = TRUE;
  media.start_timecode = (char *) "01:00:00:00";
  g_assert_true (tl_library_set_media (library, 1, &media, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  const WindowSize *size = data ? data : &size_800;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) setup = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  const char *topics[] = { "Weapons", "China", "Sanctions", NULL };
  TlClipSpec spec = { 1, 0, 0, -1, -1, NULL, "Good soundbite", 3, topics };

  f->dir = tl_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "library.db", NULL);
  setup = tl_library_open (f->path, &error);
  g_assert_no_error (error);
  import_sample (setup, "000_", "Summit");
  import_sample (setup, "004_", "Summit");
  for (guint i = 0; i < G_N_ELEMENTS (topic_names); i++)
    g_object_unref (tl_library_add_topic (setup, topic_names[i], i + 1, NULL, &error));
  g_assert_no_error (error);
  lines = tl_library_get_segments (setup, 1, &error);
  spec.in = tl_segment_get_start (g_ptr_array_index (lines, 10));
  spec.out = tl_segment_get_end (g_ptr_array_index (lines, 11));
  f->clip = tl_library_add_clip (setup, &spec, &error);
  g_assert_no_error (error);
  g_clear_object (&setup);

  f->app = tl_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (f->app), NULL, &error));
  g_assert_no_error (error);
  f->library = tl_library_open (f->path, &error);
  g_assert_no_error (error);
  f->window = tl_window_new (f->app, f->library, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), size->width, size->height);
  gtk_window_present (GTK_WINDOW (f->window));
  spin (300);
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

static GtkWidget *
panel (Fixture *f)
{
  return GTK_WIDGET (f->window->tag_panel);
}

/* The clips list: the one list view in the panel (the topics are a list box). */
static GtkWidget *
clips_view (Fixture *f)
{
  return gtk_scrolled_window_get_child (tl_test_find_list_scroller (panel (f)));
}

static guint
n_selected_clips (Fixture *f)
{
  GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (clips_view (f)));
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (model);

  return (guint) gtk_bitset_get_size (selected);
}

/* Picks a row as a click would: Ctrl (@modify) adds it to the selection. */
static void
click_row (GtkWidget *list, guint position, gboolean modify)
{
  g_assert_true (gtk_widget_activate_action (list, "list.select-item", "(ubb)", position, modify, FALSE));
  spin (30);
}

/* Presses @keyval on @widget: runs the shortcut its own controllers have
 * for that key; the test fails if there is none. */
static void
press_key (GtkWidget *widget, guint keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          if (GTK_IS_KEYVAL_TRIGGER (trigger) && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                           GTK_SHORTCUT_ACTION_EXCLUSIVE, widget, NULL));
              spin (30);
              return;
            }
        }
    }
  g_error ("%s has no shortcut for %s", G_OBJECT_TYPE_NAME (widget), gdk_keyval_name (keyval));
}

static gboolean
has_class (GtkWidget *widget, gconstpointer css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static void
collect (GtkWidget *widget, TlTestWidgetMatch match, gconstpointer data, GPtrArray *into)
{
  if (match (widget, data))
    g_ptr_array_add (into, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, match, data, into);
}

/* The editor's topic toggles, in the topics' order. */
static GPtrArray *
topic_toggles (Fixture *f)
{
  GPtrArray *toggles = g_ptr_array_new ();

  collect (panel (f), has_class, "topic-toggle", toggles);
  return toggles;
}

static gboolean
has_action (GtkWidget *widget, gconstpointer action)
{
  return GTK_IS_ACTIONABLE (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* Whether @widget can be seen in @window, at once or once the scrolled
 * window around it is scrolled to it (which this does). */
static void
assert_reachable (GtkWidget *widget, GtkWidget *window, const char *what)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (gtk_widget_get_parent (widget), GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);

  g_test_message ("%s", what);
  g_assert_true (gtk_widget_get_mapped (widget));
  if (scroller != NULL && gtk_widget_is_ancestor (scroller, GTK_WIDGET (TL_WINDOW (window)->tag_panel)))
    {
      GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      graphene_rect_t in_view, view;
      double top;

      /* where it is in what scrolls: where it is in sight, plus how far
       * that is scrolled */
      g_assert_true (gtk_widget_compute_bounds (widget, content, &in_view));
      top = in_view.origin.y + gtk_adjustment_get_value (adjustment);
      g_assert_cmpfloat (top + in_view.size.height, <=, gtk_adjustment_get_upper (adjustment) + 0.5);
      /* the view is tall enough to show it whole, and scrolls to it */
      g_assert_cmpfloat (in_view.size.height, <=, gtk_adjustment_get_page_size (adjustment) + 0.5);
      gtk_adjustment_clamp_page (adjustment, top, top + in_view.size.height);
      spin (30);
      assert_reachable (scroller, window, "its scrolled window");
      g_assert_true (gtk_widget_compute_bounds (scroller, window, &view));
      g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
      g_assert_cmpfloat (bounds.origin.y, >=, view.origin.y - 0.5);
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, view.origin.y + view.size.height + 0.5);
    }
  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  g_assert_cmpfloat (bounds.size.width, >, 0);
  g_assert_cmpfloat (bounds.size.height, >, 0);
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width + 0.5);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, height + 0.5);
}

/* With nine topics and a clip selected, the window keeps the size asked
 * for, and every control of the clip editor (stars, loop, delete, each
 * topic) can be seen: in the window, or once the editor is scrolled. */
static void
test_editor_reachable (Fixture *f, gconstpointer data)
{
  const WindowSize *size = data;
  GtkWidget *window = GTK_WIDGET (f->window);
  g_autoptr(GPtrArray) stars = g_ptr_array_new ();
  g_autoptr(GPtrArray) toggles = NULL;
  g_autoptr(GPtrArray) loops = g_ptr_array_new ();
  g_autoptr(GPtrArray) deletes = g_ptr_array_new ();

  g_assert_cmpuint (tl_tag_panel_get_topics (f->window->tag_panel)->len, ==, 9);
  g_assert_true (tl_tag_panel_select_clip (f->window->tag_panel, f->clip));
  spin (300);
  g_assert_cmpint (gtk_widget_get_width (window), <=, size->width);
  g_assert_cmpint (gtk_widget_get_height (window), <=, size->height);

  collect (panel (f), has_class, "star", stars);
  collect (panel (f), has_action, "win.loop-clip", loops);
  collect (panel (f), has_action, "tag.delete-clip", deletes);
  toggles = topic_toggles (f);
  g_assert_cmpuint (stars->len, ==, 5);
  g_assert_cmpuint (loops->len, ==, 1);
  g_assert_cmpuint (deletes->len, ==, 1);
  g_assert_cmpuint (toggles->len, ==, 9);
  for (guint i = 0; i < stars->len; i++)
    assert_reachable (g_ptr_array_index (stars, i), window, "a star");
  assert_reachable (g_ptr_array_index (loops, 0), window, "loop");
  assert_reachable (g_ptr_array_index (deletes, 0), window, "delete");
  for (guint i = 0; i < toggles->len; i++)
    assert_reachable (g_ptr_array_index (toggles, i), window, topic_names[i]);
}

/* The editor's topic toggles are toggles, pressed for the clip's topics;
 * pressing one tags the clip, and it stays pressed. */
static void
test_topic_toggles (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) toggles = NULL;
  g_autoptr(GPtrArray) clips = NULL;
  const gboolean expected[] = { TRUE, FALSE, TRUE, FALSE, TRUE, FALSE, FALSE, FALSE, FALSE };

  g_assert_true (tl_tag_panel_select_clip (f->window->tag_panel, f->clip));
  spin (50);
  toggles = topic_toggles (f);
  g_assert_cmpuint (toggles->len, ==, 9);
  for (guint i = 0; i < toggles->len; i++)
    {
      GtkWidget *toggle = g_ptr_array_index (toggles, i);
      g_test_message ("%s", topic_names[i]);
      /* GTK 4.8 tells AT-SPI that a GtkToggleButton is a toggle button,
       * with its pressed state */
      g_assert_true (GTK_IS_TOGGLE_BUTTON (toggle));
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (toggle)), ==, GTK_ACCESSIBLE_ROLE_BUTTON);
      g_assert_cmpint (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)), ==, expected[i]);
    }

  /* Diplomacy on */
  g_signal_emit_by_name (g_ptr_array_index (toggles, 1), "clicked");
  spin (50);
  clips = clips_in_file (f);
  g_assert_cmpuint (g_strv_length ((char **) tl_clip_get_topics (g_ptr_array_index (clips, 0))), ==, 4);
  g_ptr_array_unref (toggles);
  toggles = topic_toggles (f);
  g_assert_true (gtk_toggle_button_get_active (g_ptr_array_index (toggles, 1)));
  g_assert_true (gtk_toggle_button_get_active (g_ptr_array_index (toggles, 0)));
  g_assert_false (gtk_toggle_button_get_active (g_ptr_array_index (toggles, 3)));
}

static GtkWidget *
transcript_list (Fixture *f)
{
  GtkScrolledWindow *scroller = tl_test_find_list_scroller (GTK_WIDGET (f->window->transcript));

  return gtk_scrolled_window_get_child (scroller);
}

static gint64
line_start (TlTranscriptView *view, guint line)
{
  return tl_segment_get_start (tl_transcript_view_get_segment (view, line));
}

static gint64
line_end (TlTranscriptView *view, guint line)
{
  return tl_segment_get_end (tl_transcript_view_get_segment (view, line));
}

/* Ctrl+click on lines 2, 5 and 6 and a topic key: two clips, line 2 and
 * lines 5–6, not one over the lines between; one undo takes both back. */
static void
test_runs_make_clips (Fixture *f, gconstpointer data)
{
  GtkWidget *lines = transcript_list (f);
  TlTranscriptView *view = f->window->transcript;
  g_autoptr(GPtrArray) clips = NULL;

  click_row (lines, 2, FALSE);
  click_row (lines, 5, TRUE);
  click_row (lines, 6, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag", "u", 2));
  spin (50);
  clips = clips_in_file (f);
  g_assert_cmpuint (clips->len, ==, 3);
  g_ptr_array_remove_index (clips, 2); /* the fixture's clip, lines 10–11 */
  g_assert_cmpint (tl_clip_get_in (g_ptr_array_index (clips, 0)), ==, line_start (view, 2));
  g_assert_cmpint (tl_clip_get_out (g_ptr_array_index (clips, 0)), ==, line_end (view, 2));
  g_assert_cmpint (tl_clip_get_in (g_ptr_array_index (clips, 1)), ==, line_start (view, 5));
  g_assert_cmpint (tl_clip_get_out (g_ptr_array_index (clips, 1)), ==, line_end (view, 6));
  g_assert_cmpstr (tl_clip_get_topics (g_ptr_array_index (clips, 1))[0], ==, "Diplomacy");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  spin (50);
  g_clear_pointer (&clips, g_ptr_array_unref);
  clips = clips_in_file (f);
  g_assert_cmpuint (clips->len, ==, 1);
}

/* Two clips picked with Ctrl, Delete: both gone; one undo brings both back. */
static void
test_delete_selected (Fixture *f, gconstpointer data)
{
  GtkWidget *lines = transcript_list (f);
  GtkWidget *list;
  g_autoptr(GPtrArray) clips = NULL;

  click_row (lines, 2, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag", "u", 1));
  click_row (lines, 5, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag", "u", 1));
  spin (50);
  clips = clips_in_file (f);
  g_assert_cmpuint (clips->len, ==, 3);

  /* the list by time: line 2, line 5, the fixture's; pick the first and last */
  list = clips_view (f);
  click_row (list, 0, FALSE);
  click_row (list, 2, TRUE);
  g_assert_cmpuint (n_selected_clips (f), ==, 2);
  gtk_widget_grab_focus (list);
  press_key (list, GDK_KEY_Delete);
  spin (50);
  g_clear_pointer (&clips, g_ptr_array_unref);
  clips = clips_in_file (f);
  g_assert_cmpuint (clips->len, ==, 1);
  g_assert_cmpint (tl_clip_get_in (g_ptr_array_index (clips, 0)), ==, line_start (f->window->transcript, 5));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  spin (50);
  g_clear_pointer (&clips, g_ptr_array_unref);
  clips = clips_in_file (f);
  g_assert_cmpuint (clips->len, ==, 3);
  g_assert_cmpuint (tl_tag_panel_get_source_clips (f->window->tag_panel)->len, ==, 3);
}

/* Escape in the clips list lets go of the selected clips. */
static void
test_escape_deselects (Fixture *f, gconstpointer data)
{
  GtkWidget *list = clips_view (f);

  click_row (list, 0, FALSE);
  g_assert_cmpuint (n_selected_clips (f), ==, 1);
  g_assert_nonnull (tl_tag_panel_get_selected_clip (f->window->tag_panel));
  press_key (list, GDK_KEY_Escape);
  g_assert_cmpuint (n_selected_clips (f), ==, 0);
  g_assert_null (tl_tag_panel_get_selected_clip (f->window->tag_panel));
}

/* Copy Timecode in the clip's menu: its in and out as the media's own
 * timecode, 25 frames a second from 01:00:00:00. */
static void
test_copy_timecode (Fixture *f, gconstpointer data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (panel (f));
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  give_media (f->library);
  spin (100);
  /* lines 10–11: 71.04 s (frame 1776) to 83.12 s (frame 2078) */
  click_row (clips_view (f), 0, FALSE);
  g_assert_true (gtk_widget_activate_action (panel (f), "tag.clip-menu", NULL));
  spin (50);
  g_assert_true (gtk_widget_activate_action (panel (f), "clipmenu.copy-timecode", NULL));
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_value_get_string (&value), ==, "01:01:11:01 - 01:01:23:03");
}

static gboolean
label_says (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* No topics: the empty list says how to make one, and so does a topic key. */
static void
test_no_topics_hint (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *hint;

  topics = tl_library_list_topics (f->library, &error);
  for (guint i = 0; i < topics->len; i++)
    g_assert_true (tl_library_delete_topic (f->library, tl_topic_get_id (g_ptr_array_index (topics, i)), &error));
  spin (50);
  g_assert_cmpuint (tl_tag_panel_get_topics (f->window->tag_panel)->len, ==, 0);
  hint = tl_test_find_widget (panel (f), label_says, "No topics yet");
  g_assert_nonnull (hint);
  g_assert_true (gtk_widget_get_mapped (hint));

  tl_transcript_view_select_line (f->window->transcript, 3, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag", "u", 1));
  spin (50);
  g_assert_nonnull (tl_test_find_widget (GTK_WIDGET (f->window->toast_overlay), label_says, "add one with the +"));
}

/* The divider between topics and clips is kept on close and put back in
 * the next window; until it is moved it sits below the topics. */
static void
test_divider_remembered (Fixture *f, gconstpointer data)
{
  GSettings *settings = tl_application_get_settings (f->app);
  TlWindow *next;
  gboolean stop = FALSE;

  g_assert_nonnull (settings);
  g_assert_cmpint (tl_tag_panel_get_topics_height (f->window->tag_panel), ==, -1);
  tl_tag_panel_set_topics_height (f->window->tag_panel, 150);
  spin (50);
  g_assert_cmpint (tl_tag_panel_get_topics_height (f->window->tag_panel), ==, 150);
  g_signal_emit_by_name (f->window, "close-request", &stop);
  g_assert_cmpint (g_settings_get_int (settings, "topics-position"), ==, 150);

  next = tl_window_new (f->app, f->library, NULL);
  g_assert_cmpint (tl_tag_panel_get_topics_height (next->tag_panel), ==, 150);
  gtk_window_destroy (GTK_WINDOW (next));
  g_settings_reset (settings, "topics-position");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/tag-panel/no-display", (GTestFunc) (void (*) (void)) g_test_skip);
      return g_test_run ();
    }
  adw_init ();

#define ADD(path, size, func) g_test_add (path, Fixture, size, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/tag-panel/editor-reachable/1280x720", &size_720, test_editor_reachable);
  ADD ("/ui/tag-panel/editor-reachable/1024x600", &size_600, test_editor_reachable);
  ADD ("/ui/tag-panel/topic-toggles", NULL, test_topic_toggles);
  ADD ("/ui/tag-panel/runs-make-clips", NULL, test_runs_make_clips);
  ADD ("/ui/tag-panel/delete-selected", NULL, test_delete_selected);
  ADD ("/ui/tag-panel/escape-deselects", NULL, test_escape_deselects);
  ADD ("/ui/tag-panel/copy-timecode", NULL, test_copy_timecode);
  ADD ("/ui/tag-panel/no-topics-hint", NULL, test_no_topics_hint);
  ADD ("/ui/tag-panel/divider-remembered", NULL, test_divider_remembered);
#undef ADD
  return g_test_run ();
}
