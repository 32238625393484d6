/* test-transport.c: the real window's transport on real media, as an
 * editor uses it in the first minutes: J/K/L then Space plays forwards at
 * the chosen speed, a click on a line whose time is not on a frame
 * boundary lands on that line's first frame and lights it up, and the
 * shuttle shows which way and how fast it plays. */
#include <adwaita.h>

#include "tl-application.h"
#include "tl-player-private.h"
#include "tl-test-media.h"
#include "tl-test-util.h"
#include "tl-test-widgets.h"
#include "tl-window-private.h"

#define FRAME 40000 /* µs, at the 25 fps of the video made here */

typedef struct {
  char *dir;
  char *path;
  TlApplication *app;
  TlLibrary *library;
  TlWindow *window;
  GArray *currents;  /* int: the transcript's current line, at each change */
  GArray *positions; /* gint64: the player's position, at each change */
} Fixture;

static void
on_current (TlTranscriptView *view, GParamSpec *pspec, Fixture *f)
{
  int current = tl_transcript_view_get_current (view);

  g_array_append_val (f->currents, current);
}

static void
on_position (TlPlayer *player, GParamSpec *pspec, Fixture *f)
{
  gint64 position = tl_player_get_position (player);

  g_array_append_val (f->positions, position);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = tl_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "library.db", NULL);
  f->app = tl_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (f->app), NULL, &error));
  g_assert_no_error (error);
  f->library = tl_library_open (f->path, &error);
  g_assert_no_error (error);
  f->window = tl_window_new (f->app, f->library, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  f->currents = g_array_new (FALSE, FALSE, sizeof (int));
  f->positions = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (f->window->transcript, "notify::current", G_CALLBACK (on_current), f);
  g_signal_connect (f->window->player, "notify::position", G_CALLBACK (on_position), f);
  tl_test_spin (200);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_signal_handlers_disconnect_by_data (f->window->transcript, f);
  g_signal_handlers_disconnect_by_data (f->window->player, f);
  gtk_window_destroy (GTK_WINDOW (f->window));
  tl_test_spin (50);
  g_array_unref (f->currents);
  g_array_unref (f->positions);
  g_clear_object (&f->library);
  g_clear_object (&f->app);
  g_free (f->path);
  tl_test_tmpdir_free (f->dir);
}

static gboolean
player_ready (Fixture *f)
{
  TlPlayerState state = tl_player_get_state (f->window->player);

  return (state == TL_PLAYER_STATE_PAUSED || state == TL_PLAYER_STATE_PLAYING) && !tl_player_is_busy (f->window->player);
}

static gboolean
task_done (Fixture *f)
{
  return f->window->task_cancellable == NULL;
}

/* A twenty-second video (room for the shuttle on a slow machine) and a
 * transcript without times beside it: the lines' times are estimated
 * from their lengths, to the µs, wherever that puts them between frames. */
static void
open_estimated (Fixture *f)
{
  g_autofree char *video = tl_test_make_video (f->dir, "talk.webm", 20, "25/1");
  g_autofree char *txt = g_build_filename (f->dir, "talk.txt", NULL);
  const char *paths[2] = { txt, NULL };

  g_assert_true (g_file_set_contents (txt,
                                      "The summit opened with a parade in the capital.\n\n"
                                      "Both leaders signed an agreement on a comprehensive partnership.\n\n"
                                      "Analysts say it changes little.\n\n"
                                      "China is watching closely, and so is the rest of the region.\n\n"
                                      "The talks end tomorrow with a joint statement.\n",
                                      -1, NULL));
  tl_window_import (f->window, paths);
  g_assert_true (tl_test_wait_until (task_done (f), 20));
  tl_test_spin (100);
  g_assert_true (tl_test_wait_until (player_ready (f), 10));
  g_assert_cmpint (tl_source_get_timing (f->window->source), ==, TL_TIMING_ESTIMATED);
  g_assert_cmpuint (tl_transcript_view_get_n_segments (f->window->transcript), >=, 4);
}

static gint64
line_start (Fixture *f, guint line)
{
  return tl_segment_get_start (tl_transcript_view_get_segment (f->window->transcript, line));
}

static void
press (Fixture *f, const char *action, GVariant *param)
{
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), action));
  g_action_group_activate_action (G_ACTION_GROUP (f->window), action, param);
}

/* J, K or L, as the window's keys do it */
static void
shuttle (Fixture *f, int direction)
{
  press (f, "shuttle", g_variant_new_int32 (direction));
}

static gboolean
is_dropdown (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_DROP_DOWN (widget);
}

/* The transport's speed menu */
static GtkDropDown *
speed_menu (Fixture *f)
{
  GtkWidget *found = tl_test_find_widget (GTK_WIDGET (f->window->player_view), is_dropdown, NULL);

  g_assert_true (GTK_IS_DROP_DOWN (found));
  return GTK_DROP_DOWN (found);
}

static const char *
speed_shown (Fixture *f)
{
  GtkDropDown *menu = speed_menu (f);

  return gtk_string_object_get_string (GTK_STRING_OBJECT (gtk_drop_down_get_selected_item (menu)));
}

/* The line clicked: the player shows the first frame at or after its
 * start, reports that frame's time, and the line is the current one. */
static void
assert_on_line (Fixture *f, guint line)
{
  gint64 start = line_start (f, line);
  gint64 frame = tl_player_get_frame_time (f->window->player);

  g_assert_cmpint (frame, >=, start);
  g_assert_cmpint (frame - start, <, FRAME);
  g_assert_cmpint (tl_player_get_position (f->window->player), ==, frame);
  g_assert_cmpint (tl_transcript_view_get_current (f->window->transcript), ==, (int) line);
}

static gint64 played_from;

static gboolean
played_half_a_second (Fixture *f)
{
  return tl_player_get_position (f->window->player) > played_from + 500000;
}

/* L L K J J K, then Space: forwards at the speed chosen in the menu, not
 * backwards at 2× (what J J left behind). */
static void
test_space_after_shuttle (Fixture *f, gconstpointer data)
{
  static const int keys[] = { 1, 1, 0, -1, -1, 0 };
  guint from;

  open_estimated (f);
  /* 1.5× from the menu */
  gtk_drop_down_set_selected (speed_menu (f), 4);
  g_assert_cmpstr (speed_shown (f), ==, "1.5×");
  g_assert_cmpfloat (tl_player_get_rate (f->window->player), ==, 1.5);
  tl_window_seek (f->window, 8 * G_USEC_PER_SEC);
  g_assert_true (tl_test_wait_until (player_ready (f), 10));

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      shuttle (f, keys[i]);
      tl_test_spin (250);
    }
  g_assert_true (tl_test_wait_until (player_ready (f), 10));
  g_assert_cmpint (tl_player_get_state (f->window->player), ==, TL_PLAYER_STATE_PAUSED);

  press (f, "play-pause", NULL);
  g_assert_true (tl_test_wait_until (player_ready (f), 10));
  g_assert_cmpint (tl_player_get_state (f->window->player), ==, TL_PLAYER_STATE_PLAYING);
  g_assert_cmpfloat (tl_player_get_rate (f->window->player), ==, 1.5);
  g_assert_cmpstr (speed_shown (f), ==, "1.5×");
  played_from = tl_player_get_position (f->window->player);
  from = f->positions->len;
  g_assert_true (tl_test_wait_until (played_half_a_second (f), 20));
  g_assert_cmpuint (f->positions->len, >, from);
  for (guint i = from + 1; i < f->positions->len; i++)
    g_assert_cmpint (g_array_index (f->positions, gint64, i), >=, g_array_index (f->positions, gint64, i - 1));
  g_assert_cmpfloat (tl_player_get_rate (f->window->player), ==, 1.5);
}

/* A click on each line of an estimated transcript, paused: the line's
 * first frame, and that line lit, never the one before, not even while
 * the seek runs. */
static void
test_click_estimated_line (Fixture *f, gconstpointer data)
{
  guint n, off_boundary = 0;

  open_estimated (f);
  n = tl_transcript_view_get_n_segments (f->window->transcript);
  for (guint line = n; line-- > 0;)
    {
      guint from = f->currents->len;

      off_boundary += line_start (f, line) % FRAME != 0;
      tl_transcript_view_select_line (f->window->transcript, line, TRUE);
      g_assert_true (tl_test_wait_until (player_ready (f), 10));
      tl_test_spin (50);
      assert_on_line (f, line);
      for (guint i = from; i < f->currents->len; i++)
        g_assert_cmpint (g_array_index (f->currents, int, i), ==, (int) line);
    }
  /* the test means something only where lines start between frames */
  g_assert_cmpuint (off_boundary, >=, 3);
}

/* The defect as it was met: after L L K J J K every click on a line
 * landed one frame before it, in the line before. And while J plays
 * backwards, a click starts from the line's first frame. */
static void
test_click_after_shuttle (Fixture *f, gconstpointer data)
{
  static const int keys[] = { 1, 1, 0, -1, -1, 0 };
  guint line, from;
  gint64 start;

  open_estimated (f);
  tl_window_seek (f->window, 8 * G_USEC_PER_SEC);
  g_assert_true (tl_test_wait_until (player_ready (f), 10));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      shuttle (f, keys[i]);
      tl_test_spin (250);
    }
  g_assert_true (tl_test_wait_until (player_ready (f), 10));
  for (line = 1; line < 4; line++)
    {
      tl_transcript_view_select_line (f->window->transcript, line, TRUE);
      g_assert_true (tl_test_wait_until (player_ready (f), 10));
      tl_test_spin (50);
      assert_on_line (f, line);
    }

  /* backwards at 2×, from near the end, then a click on line 2 */
  tl_window_seek (f->window, 18 * G_USEC_PER_SEC);
  g_assert_true (tl_test_wait_until (player_ready (f), 10));
  shuttle (f, -1);
  shuttle (f, -1);
  g_assert_true (tl_test_wait_until (player_ready (f), 10));
  tl_test_spin (300);
  line = 2;
  start = line_start (f, line);
  from = f->positions->len;
  tl_transcript_view_select_line (f->window->transcript, line, TRUE);
  g_assert_true (tl_test_wait_until (player_ready (f), 10));
  g_assert_cmpfloat (tl_player_get_rate (f->window->player), ==, -2.0);
  g_assert_cmpuint (f->positions->len, >, from);
  g_assert_cmpint (g_array_index (f->positions, gint64, from), >=, start);
  g_assert_cmpint (g_array_index (f->positions, gint64, from) - start, <, FRAME);
}

static gboolean
has_tooltip (GtkWidget *widget, gconstpointer tip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tip) == 0;
}

/* Which way and how fast the shuttle plays, shown while it applies */
static const char *
shuttle_shown (Fixture *f)
{
  static const char *const tips[] = {
    "Shuttle: backwards at 1×", "Shuttle: backwards at 2×", "Shuttle: backwards at 4×",
    "Shuttle: forwards at 1×",  "Shuttle: forwards at 2×",  "Shuttle: forwards at 4×",
  };
  const char *shown = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tips); i++)
    {
      GtkWidget *widget = tl_test_find_widget (GTK_WIDGET (f->window->player_view), has_tooltip, tips[i]);
      if (widget && gtk_widget_get_visible (widget))
        {
          g_assert_null (shown);
          shown = tips[i];
        }
    }
  return shown;
}

/* J J shows "backwards at 2×" and the speed menu keeps the speed chosen;
 * L L L shows "forwards at 4×"; K hides it. */
static void
test_shuttle_shown (Fixture *f, gconstpointer data)
{
  open_estimated (f);
  g_assert_null (shuttle_shown (f));
  tl_window_seek (f->window, 12 * G_USEC_PER_SEC);
  g_assert_true (tl_test_wait_until (player_ready (f), 10));

  shuttle (f, -1);
  g_assert_cmpstr (shuttle_shown (f), ==, "Shuttle: backwards at 1×");
  shuttle (f, -1);
  g_assert_cmpstr (shuttle_shown (f), ==, "Shuttle: backwards at 2×");
  g_assert_cmpfloat (tl_player_get_rate (f->window->player), ==, -2.0);
  g_assert_cmpstr (speed_shown (f), ==, "1×");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (speed_menu (f)), "dim-label"));
  tl_test_spin (300);

  shuttle (f, 1);
  shuttle (f, 1);
  shuttle (f, 1);
  g_assert_cmpstr (shuttle_shown (f), ==, "Shuttle: forwards at 4×");
  g_assert_cmpstr (speed_shown (f), ==, "1×");
  tl_test_spin (300);

  shuttle (f, 0);
  g_assert_null (shuttle_shown (f));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (speed_menu (f)), "dim-label"));
  g_assert_true (tl_test_wait_until (player_ready (f), 10));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/transport/no-display", (GTestFunc) (void (*) (void)) g_test_skip);
      return g_test_run ();
    }
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/transport/space-after-shuttle", test_space_after_shuttle);
  ADD ("/ui/transport/click-estimated-line", test_click_estimated_line);
  ADD ("/ui/transport/click-after-shuttle", test_click_after_shuttle);
  ADD ("/ui/transport/shuttle-shown", test_shuttle_shown);
#undef ADD
  return g_test_run ();
}
