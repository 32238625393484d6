/* test-window-load.c: the real main window, under Xvfb: a big source's
 * lines load in a thread while the window goes on (the same lines as a
 * blocking read), and a file imported through the window's task lands in
 * the source tree, whose rows stay the same objects as the library
 * changes. */
#include <adwaita.h>
#include <string.h>

#include "tl-application.h"
#include "tl-import.h"
#include "tl-test-util.h"
#include "tl-test-widgets.h"
#include "tl-window-private.h"

#define BIG 6000

/* An SRT file of @n cues, a second each. */
static char *
big_srt (guint n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%u\n%02u:%02u:%02u,000 --> %02u:%02u:%02u,500\nLine %u of the long debate.\n\n",
                            i + 1, i / 3600, i / 60 % 60, i % 60, i / 3600, i / 60 % 60, i % 60, i + 1);
  return g_string_free (out, FALSE);
}

static void
test_big_source_and_import (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *big_path = g_build_filename (dir, "debate.srt", NULL);
  g_autofree char *small_path = g_build_filename (dir, "notes.srt", NULL);
  g_autofree char *text = big_srt (BIG);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = tl_library_open (path, &error);
  g_autoptr(TlDocument) doc = NULL;
  g_autoptr(TlApplication) app = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  TlImportOptions options = { big_path, "Debates", NULL };
  TlSource *row_source;
  TlWindow *window;
  gint64 big, small;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (big_path, text, -1, NULL));
  doc = tl_import_file (big_path, NULL, NULL, &error);
  g_assert_no_error (error);
  big = tl_library_add_document (library, doc, &options, &error);
  g_assert_no_error (error);
  expected = tl_library_get_segments (library, big, &error);
  g_assert_cmpuint (expected->len, ==, BIG);

  app = tl_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  window = tl_window_new (app, library, NULL);
  gtk_window_present (GTK_WINDOW (window));
  tl_test_spin_idle (200);

  /* picked, it shows its title at once and its lines once read */
  g_assert_true (tl_source_tree_select_source (window->source_tree, big));
  g_assert_cmpstr (gtk_label_get_text (window->source_title), ==, "debate");
  g_assert_true (tl_test_wait_until (tl_transcript_view_get_n_segments (window->transcript) == BIG, 30));
  for (guint i = 0; i < BIG; i += 997)
    g_assert_cmpstr (tl_segment_get_text (tl_transcript_view_get_segment (window->transcript, i)), ==,
                     tl_segment_get_text (g_ptr_array_index (expected, i)));
  row_source = tl_source_tree_get_selected_source (window->source_tree);

  /* an import through the window's task: the new source is picked */
  g_assert_true (g_file_set_contents (small_path, "1\n00:00:01,000 --> 00:00:03,000\nA short note.\n", -1, NULL));
  {
    const char *const files[] = { small_path, NULL };
    tl_window_import (window, files);
  }
  g_assert_true (tl_window_is_busy (window));
  g_assert_true (tl_test_wait_until (!tl_window_is_busy (window), 60));
  tl_test_spin_idle (100);
  small = tl_source_get_id (tl_source_tree_get_selected_source (window->source_tree));
  g_assert_cmpint (small, !=, big);
  g_assert_cmpstr (tl_source_get_title (tl_source_tree_get_selected_source (window->source_tree)), ==, "notes");
  g_assert_cmpuint (tl_transcript_view_get_n_segments (window->transcript), ==, 1);

  /* renamed by another handle, the big source is the same row object */
  {
    g_autoptr(TlLibrary) other = tl_library_dup (library, &error);
    g_assert_no_error (error);
    g_assert_true (tl_library_rename_source (other, big, "The Long Debate", &error));
    g_assert_no_error (error);
  }
  g_assert_true (tl_test_wait_until (g_strcmp0 (tl_source_get_title (row_source), "The Long Debate") == 0, 10));
  g_assert_true (tl_source_tree_select_source (window->source_tree, big));
  g_assert_true (tl_source_tree_get_selected_source (window->source_tree) == row_source);

  gtk_window_destroy (GTK_WINDOW (window));
  tl_test_spin_idle (50);
  g_clear_object (&library);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/window/load/no-display", (GTestFunc) (void (*) (void)) g_test_skip);
      return g_test_run ();
    }
  adw_init ();
  g_test_add_func ("/ui/window/load/big-source-and-import", test_big_source_and_import);
  return g_test_run ();
}
