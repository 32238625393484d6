/* test-window-read-only.c: the real main window, under Xvfb, on a library
 * opened read-only: it shows the library, an edit leaves the file as it
 * was, and what another program changes shows up. */
#include <adwaita.h>
#include <string.h>

#include "tl-application.h"
#include "tl-import.h"
#include "tl-test-util.h"
#include "tl-test-widgets.h"
#include "tl-window-private.h"

static gboolean
has_action (GtkWidget *widget, gconstpointer name)
{
  return GTK_IS_ACTIONABLE (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), name) == 0;
}

static void
test_read_only_library (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *sample = tl_test_sample_named ("000_");
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) setup = tl_library_open (path, &error);
  g_autoptr(TlLibrary) library = NULL, other = NULL;
  g_autoptr(TlDocument) doc = tl_import_file (sample, NULL, NULL, &error);
  g_autoptr(TlApplication) app = NULL;
  g_autoptr(GPtrArray) clips = NULL;
  TlImportOptions options = { sample, "Summit", NULL };
  TlWindow *window;

  g_assert_no_error (error);
  tl_library_add_document (setup, doc, &options, &error);
  g_assert_no_error (error);
  g_object_unref (tl_library_add_topic (setup, "Weapons", 1, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&setup);
  before = tl_test_library_state (path);

  app = tl_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  library = tl_library_open_full (path, TL_LIBRARY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  window = tl_window_new (app, library, NULL);
  gtk_window_present (GTK_WINDOW (window));
  tl_test_spin_idle (200);

  g_assert_nonnull (tl_source_tree_get_selected_source (window->source_tree));
  g_assert_cmpuint (tl_transcript_view_get_n_segments (window->transcript), ==, 28);
  g_assert_cmpuint (tl_tag_panel_get_topics (window->tag_panel)->len, ==, 1);

  /* it says so, and offers no change */
  g_assert_true (gtk_revealer_get_reveal_child (window->read_only_revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (window->read_only_label), tl_library_get_read_only_reason (library)));
  g_assert_nonnull (strstr (gtk_label_get_text (window->read_only_label), "changes are off"));
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (window->window_title), "read-only"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "import"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "align"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "search-library"));
  /* buttons for edits are greyed out: the tag panel's add, the tree's new folder */
  g_assert_false (gtk_widget_is_sensitive (tl_test_find_widget (GTK_WIDGET (window->tag_panel), has_action,
                                                                "tag.add-topic")));
  g_assert_false (gtk_widget_is_sensitive (tl_test_find_widget (GTK_WIDGET (window->source_tree), has_action,
                                                                "tree.new-folder")));
  {
    const char *const files[] = { sample, NULL };
    tl_window_import (window, files);
    g_assert_false (tl_window_is_busy (window));
  }

  /* tagging a line cannot be saved: nothing is */
  tl_transcript_view_select_line (window->transcript, 7, TRUE);
  tl_test_spin_idle (50);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "u", 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  tl_test_spin_idle (50);
  clips = tl_library_list_clips (library, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clips->len, ==, 0);
  after = tl_test_library_state (path);
  g_assert_cmpstr (before, ==, after);

  /* another program opens it and adds a topic: the window shows it */
  other = tl_library_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (tl_library_add_topic (other, "China", 3, NULL, &error));
  g_assert_no_error (error);
  tl_test_spin_idle (1300);
  g_assert_cmpuint (tl_tag_panel_get_topics (window->tag_panel)->len, ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  tl_test_spin_idle (50);
  g_clear_object (&other);
  g_clear_object (&library);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/window/read-only/no-display", (GTestFunc) (void (*) (void)) g_test_skip);
      return g_test_run ();
    }
  adw_init ();
  g_test_add_func ("/ui/window/read-only/library", test_read_only_library);
  return g_test_run ();
}
