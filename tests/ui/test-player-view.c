/* test-player-view.c: the player's picture in a real window (Xvfb, GTK's
 * cairo renderer): frames of the right size and colours reach the screen,
 * anamorphic pictures are shown wide, and the transport's actions drive
 * the player. */
#include <gst/gst.h>
#include <gtk/gtk.h>
#include <string.h>

#include "tl-player-private.h"
#include "tl-player-view.h"
#include "tl-test-media.h"
#include "tl-test-util.h"
#include "tl-types.h"
#include "tl-video-paintable.h"

static gboolean have_display;
static char *dir;
static char *pattern;  /* SMPTE bars, 320x240, 25 fps, 4 s */
static char *wide;     /* 320x240 pixels shown 4:3 wider (pixel aspect 4/3) */

typedef struct {
  TlPlayer *player;
  GtkWidget *window;
  TlPlayerView *view;
  guint n_paints;
  GdkTexture *first;
} Fixture;

static void
on_after_paint (GdkFrameClock *clock, Fixture *f)
{
  f->n_paints++;
}

static void
on_realize (GtkWidget *widget, Fixture *f)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (on_after_paint), f);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  if (!have_display)
    return;
  f->player = tl_player_new ("fakesink sync=true");
  f->view = TL_PLAYER_VIEW (tl_player_view_new (f->player));
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 520);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  g_signal_connect (f->window, "realize", G_CALLBACK (on_realize), f);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (!have_display)
    return;
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->player);
  g_clear_object (&f->first);
}

/* build-aux/test runs these under Xvfb when there is no display. */
static gboolean
skip_without_display (void)
{
  if (!have_display)
    g_test_skip ("no display to open windows on");
  return !have_display;
}

static gboolean
timed_out (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_until (Fixture *f, gboolean (*done) (Fixture *f), const char *what)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add_seconds (10, timed_out, &expired);

  while (!done (f) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (expired)
    g_error ("timed out waiting for %s", what);
  g_source_remove (id);
}

static void
run_for (guint ms)
{
  gboolean expired = FALSE;

  g_timeout_add (ms, timed_out, &expired);
  while (!expired)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
showing_a_frame (Fixture *f)
{
  TlVideoPaintable *paintable = TL_VIDEO_PAINTABLE (tl_player_view_get_paintable (f->view));

  return tl_video_paintable_get_texture (paintable) != NULL && tl_player_get_state (f->player) == TL_PLAYER_STATE_PAUSED;
}

/* A frame other than f->first (held, so that its address is not reused). */
static gboolean
showing_another_frame (Fixture *f)
{
  GdkTexture *texture = tl_video_paintable_get_texture (TL_VIDEO_PAINTABLE (tl_player_view_get_paintable (f->view)));

  return texture != NULL && texture != f->first;
}

static void
open_and_show (Fixture *f, const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tl_player_open_file (f->player, path, &error));
  g_assert_no_error (error);
  wait_until (f, showing_a_frame, "the first frame");
}

/* BGRA bytes of the pixel at (x, y), as GDK gives them back. */
static void
pixel (GdkTexture *texture, int x, int y, guint8 bgra[4])
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guint8 *data = g_malloc (width * height * 4);

  gdk_texture_download (texture, data, width * 4);
  memcpy (bgra, data + (y * width + x) * 4, 4);
}

static void
assert_colour (GdkTexture *texture, int x, int y, int r, int g, int b)
{
  guint8 bgra[4];

  pixel (texture, x, y, bgra);
  /* full-scale bars, through VP8 and back from YUV */
  if (ABS (bgra[2] - r) > 24 || ABS (bgra[1] - g) > 24 || ABS (bgra[0] - b) > 24 || bgra[3] != 255)
    g_error ("pixel (%d, %d) is rgba(%d, %d, %d, %d), not about rgb(%d, %d, %d)",
             x, y, bgra[2], bgra[1], bgra[0], bgra[3], r, g, b);
}

static void
test_frames (Fixture *f, gconstpointer data)
{
  GdkPaintable *paintable;
  GdkTexture *texture;
  guint paints;

  if (skip_without_display ())
    return;

  open_and_show (f, pattern);
  paintable = tl_player_view_get_paintable (f->view);
  texture = tl_video_paintable_get_texture (TL_VIDEO_PAINTABLE (paintable));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 320);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 240);
  g_assert_cmpfloat_with_epsilon (gdk_paintable_get_intrinsic_aspect_ratio (paintable), 4.0 / 3.0, 1e-9);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 320);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 240);

  /* the bars in their order: the colour channels are where GDK expects them */
  assert_colour (texture, 22, 20, 255, 255, 255);
  assert_colour (texture, 68, 20, 255, 255, 0);
  assert_colour (texture, 114, 20, 0, 255, 255);
  assert_colour (texture, 251, 20, 255, 0, 0);
  assert_colour (texture, 297, 20, 0, 0, 255);

  /* playing puts new frames on screen, and the window paints them */
  f->first = g_object_ref (texture);
  tl_player_play (f->player);
  wait_until (f, showing_another_frame, "a new frame");
  paints = f->n_paints;
  run_for (600);
  g_assert_cmpuint (f->n_paints - paints, >=, 8);
}

static void
test_anamorphic (Fixture *f, gconstpointer data)
{
  GdkPaintable *paintable;
  GdkTexture *texture;

  if (skip_without_display ())
    return;
  open_and_show (f, wide);
  paintable = tl_player_view_get_paintable (f->view);
  /* WebM keeps the display width: 426 for 320 pixels of 4/3; the frames
   * come in square pixels */
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 426);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 240);
  texture = tl_video_paintable_get_texture (TL_VIDEO_PAINTABLE (paintable));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 426);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 240);
}

static gboolean
frame_is_small (Fixture *f)
{
  GdkTexture *texture = tl_video_paintable_get_texture (TL_VIDEO_PAINTABLE (tl_player_view_get_paintable (f->view)));

  return texture && gdk_texture_get_width (texture) < 320 && !tl_player_is_busy (f->player);
}

/* A picture smaller than the video gets frames scaled down to its size,
 * and still knows the video's own size. */
static void
test_small_window (Fixture *f, gconstpointer data)
{
  GdkPaintable *paintable;
  GdkTexture *texture;
  int picture_width, picture_height;

  if (skip_without_display ())
    return;
  gtk_window_set_default_size (GTK_WINDOW (f->window), 200, 200);
  gtk_widget_set_size_request (f->window, 200, 200);
  /* the paused frame is shown again in the picture's size */
  open_and_show (f, pattern);
  wait_until (f, frame_is_small, "a smaller frame");
  paintable = tl_player_view_get_paintable (f->view);
  texture = tl_video_paintable_get_texture (TL_VIDEO_PAINTABLE (paintable));
  picture_width = gtk_widget_get_width (gtk_widget_get_first_child (GTK_WIDGET (f->view)));
  picture_height = gtk_widget_get_height (gtk_widget_get_first_child (GTK_WIDGET (f->view)));
  g_assert_cmpint (gdk_texture_get_width (texture), <=, picture_width * gtk_widget_get_scale_factor (f->window));
  g_assert_cmpint (gdk_texture_get_height (texture), <=, picture_height * gtk_widget_get_scale_factor (f->window));
  /* its shape kept */
  g_assert_cmpint (ABS (gdk_texture_get_width (texture) * 3 - gdk_texture_get_height (texture) * 4), <=, 4);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 320);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 240);
  /* and the colours survive the scaling */
  assert_colour (texture, gdk_texture_get_width (texture) / 14, 5, 255, 255, 255);
  assert_colour (texture, gdk_texture_get_width (texture) * 13 / 14, 5, 0, 0, 255);
}

static gboolean
is_playing (Fixture *f)
{
  return tl_player_get_state (f->player) == TL_PLAYER_STATE_PLAYING && tl_player_get_position (f->player) > 200000;
}

static gboolean
is_settled (Fixture *f)
{
  return tl_player_get_state (f->player) == TL_PLAYER_STATE_PAUSED && !tl_player_is_busy (f->player)
      && tl_video_paintable_get_texture (
    TL_VIDEO_PAINTABLE (tl_player_view_get_paintable (f->view))) != NULL
      && tl_player_get_position (f->player) == tl_player_get_frame_time (f->player)
      && tl_player_get_frame_time (f->player) > 0;
}

static gboolean
is_idle (Fixture *f)
{
  return tl_player_get_state (f->player) == TL_PLAYER_STATE_PAUSED && !tl_player_is_busy (f->player);
}

/* The transport's actions, as buttons and keys fire them. */
static void
test_actions (Fixture *f, gconstpointer data)
{
  GtkWidget *widget;
  gint64 paused_at;

  if (skip_without_display ())
    return;
  widget = GTK_WIDGET (f->view);

  /* nothing to drive without a source */
  gtk_widget_activate_action (widget, "player.toggle", NULL);
  g_assert_cmpint (tl_player_get_state (f->player), ==, TL_PLAYER_STATE_EMPTY);

  open_and_show (f, pattern);
  g_assert_true (gtk_widget_activate_action (widget, "player.toggle", NULL));
  wait_until (f, is_playing, "playing");
  g_assert_true (gtk_widget_activate_action (widget, "player.step", "i", 1));
  wait_until (f, is_settled, "the step");
  paused_at = tl_player_get_frame_time (f->player);
  g_assert_true (gtk_widget_activate_action (widget, "player.step", "i", -1));
  wait_until (f, is_idle, "the step back");
  g_assert_cmpint (tl_player_get_frame_time (f->player), ==, paused_at - 40000);

  g_assert_true (gtk_widget_activate_action (widget, "player.rate", "d", 1.5));
  g_assert_cmpfloat (tl_player_get_rate (f->player), ==, 1.5);

  g_assert_true (gtk_widget_activate_action (widget, "player.seek-relative", "x", (gint64) 1000000));
  wait_until (f, is_idle, "the seek");
  g_assert_cmpint (tl_player_get_position (f->player), ==, paused_at - 40000 + 1000000);
}

int
main (int argc, char **argv)
{
  int status;

  /* the lighter renderer under Xvfb; no accessibility bus in tests */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  gst_init (&argc, &argv);
  dir = tl_test_tmpdir_new ();
  pattern = g_build_filename (dir, "bars.webm", NULL);
  wide = g_build_filename (dir, "wide.webm", NULL);
  if (have_display)
    {
      tl_test_make_media (pattern,
                          "videotestsrc num-buffers=100 ! video/x-raw,width=320,height=240,framerate=25/1"
                          " ! timeoverlay ! vp8enc deadline=1 ! webmmux ! filesink location=\"%s\"", pattern);
      tl_test_make_media (wide,
                          "videotestsrc num-buffers=10 ! video/x-raw,width=320,height=240,pixel-aspect-ratio=4/3"
                          " ! vp8enc deadline=1 ! webmmux ! filesink location=\"%s\"", wide);
    }

#define ADD(path, func) g_test_add ("/ui/player-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("frames", test_frames);
  ADD ("anamorphic", test_anamorphic);
  ADD ("small-window", test_small_window);
  ADD ("actions", test_actions);
#undef ADD
  status = g_test_run ();
  tl_test_tmpdir_free (dir);
  /* joins GStreamer's pooled threads, so that leak checkers see a quiet process */
  gst_deinit ();
  return status;
}
