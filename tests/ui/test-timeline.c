/* test-timeline.c: the timeline strip and the one way of showing time, in
 * the real window on real media: the strip draws the library's clips (in
 * lanes where they overlap); dragging a clip's edge trims it by whole
 * frames in one undoable edit; I then O shade the range being marked; the
 * time format preference changes the times the player, the transcript, the
 * clips, the editor, the toasts and the strip show; Go to Time reads a
 * drop-frame timecode. */
#include <adwaita.h>

#include "dialogs/tl-preferences-window.h"
#include "tl-application.h"
#include "tl-search-panel.h"
#include "tl-test-media.h"
#include "tl-test-util.h"
#include "tl-tag-panel-private.h"
#include "tl-test-widgets.h"
#include "tl-timecode.h"
#include "tl-timeline-private.h"
#include "tl-window-private.h"

typedef struct {
  char *dir;
  char *path;
  TlApplication *app;
  TlLibrary *library;
  TlWindow *window;
  gint64 topics[2];
} Fixture;

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
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  tl_test_spin (200);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  GSettings *settings = tl_application_get_settings (f->app);

  if (settings)
    g_settings_reset (settings, "time-format");
  tl_time_format_set_kind (tl_time_format_get_default (), TL_TIME_FORMAT_TIMECODE);
  gtk_window_destroy (GTK_WINDOW (f->window));
  tl_test_spin (50);
  g_clear_object (&f->library);
  g_clear_object (&f->app);
  g_free (f->path);
  tl_test_tmpdir_free (f->dir);
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

static gboolean
strip_ready (Fixture *f)
{
  return gtk_widget_get_mapped (GTK_WIDGET (f->window->timeline))
         && gtk_widget_get_width (GTK_WIDGET (f->window->timeline)) > 200
         && tl_timeline_get_duration (f->window->timeline) > 0;
}

/* A video at @rate with a timed transcript beside it, and two topics. */
static void
open_video (Fixture *f, int seconds, const char *rate)
{
  g_autofree char *video = tl_test_make_video (f->dir, "talk.webm", seconds, rate);
  g_autofree char *srt = g_build_filename (f->dir, "talk.srt", NULL);
  const char *paths[2] = { srt, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(TlTopic) a = NULL;
  g_autoptr(TlTopic) b = NULL;

  g_assert_true (g_file_set_contents (srt,
                                      "1\n00:00:01,000 --> 00:00:03,000\nThe summit opened with a parade.\n\n"
                                      "2\n00:00:03,000 --> 00:00:05,000\nBoth leaders signed an agreement.\n\n"
                                      "3\n00:00:05,000 --> 00:00:07,000\nAnalysts say it changes little.\n",
                                      -1, NULL));
  a = tl_library_add_topic (f->library, "Diplomacy", 1, "#3584e4", &error);
  g_assert_no_error (error);
  b = tl_library_add_topic (f->library, "Economy", 2, "#e66100", &error);
  g_assert_no_error (error);
  f->topics[0] = tl_topic_get_id (a);
  f->topics[1] = tl_topic_get_id (b);
  tl_window_import (f->window, paths);
  g_assert_true (tl_test_wait_until (task_done (f), 30));
  tl_test_spin (100);
  g_assert_nonnull (f->window->source);
  g_assert_nonnull (tl_source_get_media (f->window->source));
  g_assert_true (tl_test_wait_until (player_ready (f), 10));
  g_assert_true (tl_test_wait_until (strip_ready (f), 5));
}

/* Three clips: the second overlaps the first, the third overlaps neither. */
static void
add_clips (Fixture *f, gint64 *ids)
{
  static const char *const one[] = { "Diplomacy", NULL };
  static const char *const both[] = { "Diplomacy", "Economy", NULL };
  static const char *const other[] = { "Economy", NULL };
  TlClipSpec specs[3] = { { 0 } };
  g_autoptr(GError) error = NULL;
  gint64 source_id = tl_source_get_id (f->window->source);
  static const gint64 ranges[3][2] = { { 2000000, 6000000 }, { 4000000, 8000000 }, { 10000000, 12000000 } };

  for (guint i = 0; i < 3; i++)
    {
      specs[i].source_id = source_id;
      specs[i].first_segment = specs[i].last_segment = -1;
      specs[i].in = ranges[i][0];
      specs[i].out = ranges[i][1];
      specs[i].topics = i == 0 ? one : i == 1 ? both : other;
    }
  g_assert_true (tl_library_add_clips (f->library, specs, 3, ids, &error));
  g_assert_no_error (error);
  tl_test_spin (100);
}

/* The strip draws the clips the library has for the source, each where it
 * is; clips that overlap are in different lanes. */
static void
test_clips_match_library (Fixture *f, gconstpointer data)
{
  gint64 ids[3];
  g_autoptr(GPtrArray) clips = NULL;
  g_autoptr(GError) error = NULL;
  TlClipFilter filter = { 0 };
  gint64 source_id;
  guint lanes[3] = { 0 };

  open_video (f, 14, "25/1");
  add_clips (f, ids);
  source_id = tl_source_get_id (f->window->source);
  filter.source_ids = &source_id;
  filter.n_source_ids = 1;
  clips = tl_library_list_clips (f->library, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clips->len, ==, 3);
  g_assert_cmpuint (tl_timeline_get_n_clips (f->window->timeline), ==, clips->len);
  for (guint i = 0; i < clips->len; i++)
    {
      TlClip *clip = g_ptr_array_index (clips, i);
      gboolean found = FALSE;

      for (guint k = 0; k < tl_timeline_get_n_clips (f->window->timeline); k++)
        {
          gint64 id, in, out;
          guint lane;

          g_assert_true (tl_timeline_get_clip (f->window->timeline, k, &id, &in, &out, &lane));
          if (id != tl_clip_get_id (clip))
            continue;
          found = TRUE;
          g_assert_cmpint (in, ==, tl_clip_get_in (clip));
          g_assert_cmpint (out, ==, tl_clip_get_out (clip));
          for (guint n = 0; n < 3; n++)
            if (ids[n] == id)
              lanes[n] = lane;
        }
      g_assert_true (found);
    }
  g_assert_cmpuint (lanes[0], !=, lanes[1]);
  g_assert_cmpuint (lanes[2], ==, 0);
  /* the clip with two topics has a band for each */
  g_assert_cmpuint (tl_timeline_find_clip (f->window->timeline, ids[1])->n_bands, ==, 2);

  /* a clip deleted in the library leaves the strip */
  g_assert_true (tl_library_delete_clip (f->library, ids[0], &error));
  g_assert_no_error (error);
  tl_test_spin (100);
  g_assert_cmpuint (tl_timeline_get_n_clips (f->window->timeline), ==, 2);
  g_assert_null (tl_timeline_find_clip (f->window->timeline, ids[0]));
}

static gint64
clip_out (Fixture *f, gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlClip) clip = tl_library_get_clip (f->library, id, &error);

  g_assert_no_error (error);
  return tl_clip_get_out (clip);
}

/* Dragging the out edge of a clip seven frames to the right makes it seven
 * frames longer, on the frame grid, in one edit that Undo takes back. */
static void
test_trim_by_drag (Fixture *f, gconstpointer data)
{
  TlTimeline *timeline;
  const TlTimelineClip *clip;
  gint64 ids[3], frame = 40000, before, target;
  int width, height;
  double x, y, to;
  g_autofree char *label = NULL;

  open_video (f, 14, "25/1");
  add_clips (f, ids);
  timeline = f->window->timeline;
  before = clip_out (f, ids[2]);
  /* two seconds across: a frame is many pixels, as an editor trimming zooms */
  tl_timeline_set_view (timeline, before - G_USEC_PER_SEC, 2 * G_USEC_PER_SEC);
  width = gtk_widget_get_width (GTK_WIDGET (timeline));
  height = gtk_widget_get_height (GTK_WIDGET (timeline));
  clip = tl_timeline_find_clip (timeline, ids[2]);
  g_assert_nonnull (clip);
  x = tl_timeline_x_for_time (timeline, before, width);
  y = tl_timeline_lanes_top (timeline, height) + clip->lane * TL_TIMELINE_LANE_H + TL_TIMELINE_LANE_H / 2.0;
  target = before + 7 * frame;
  /* a little past the frame's start: the edge snaps to the nearest frame */
  to = tl_timeline_x_for_time (timeline, target + frame / 5, width);

  tl_timeline_press (timeline, x + 1, y);
  g_assert_cmpint (timeline->drag, ==, TL_TIMELINE_DRAG_TRIM_OUT);
  /* the clip editor shows the selected clip and may take some room */
  tl_test_spin (100);
  width = gtk_widget_get_width (GTK_WIDGET (timeline));
  to = tl_timeline_x_for_time (timeline, target + frame / 5, width);
  /* the press selects the clip in the clips list */
  g_assert_nonnull (tl_tag_panel_get_selected_clip (f->window->tag_panel));
  g_assert_cmpint (tl_clip_get_id (tl_tag_panel_get_selected_clip (f->window->tag_panel)), ==, ids[2]);
  tl_timeline_motion (timeline, (x + to) / 2, y);
  /* nothing is stored while dragging */
  g_assert_cmpint (clip_out (f, ids[2]), ==, before);
  tl_timeline_motion (timeline, to, y);
  tl_timeline_release (timeline, to, y);
  tl_test_spin (100);
  g_assert_cmpint (clip_out (f, ids[2]), ==, target);
  g_assert_cmpint ((clip_out (f, ids[2]) - before) / frame, ==, 7);
  g_assert_cmpint (tl_timeline_find_clip (timeline, ids[2])->out, ==, target);

  /* one edit: one Undo puts it back */
  label = tl_library_get_undo_label (f->library);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  tl_test_spin (100);
  g_assert_cmpint (clip_out (f, ids[2]), ==, before);
  g_assert_cmpint (tl_timeline_find_clip (timeline, ids[2])->out, ==, before);

  /* the whole source in view: an edge let go a few pixels from where a
   * line ends sticks to it, not to the frame under the pointer */
  tl_timeline_set_view (timeline, 0, 0);
  tl_test_spin (100);
  /* the clip editor may have taken some room meanwhile */
  width = gtk_widget_get_width (GTK_WIDGET (timeline));
  height = gtk_widget_get_height (GTK_WIDGET (timeline));
  clip = tl_timeline_find_clip (timeline, ids[0]);
  x = tl_timeline_x_for_time (timeline, clip->out, width);
  y = tl_timeline_lanes_top (timeline, height) + clip->lane * TL_TIMELINE_LANE_H + TL_TIMELINE_LANE_H / 2.0;
  to = tl_timeline_x_for_time (timeline, 7 * G_USEC_PER_SEC, width) + 4;
  g_assert_cmpint (tl_timeline_snap (timeline, tl_timeline_time_for_x (timeline, to, width)), >, 7 * G_USEC_PER_SEC);
  tl_timeline_press (timeline, x, y);
  g_assert_cmpint (timeline->drag, ==, TL_TIMELINE_DRAG_TRIM_OUT);
  tl_timeline_motion (timeline, to, y);
  tl_timeline_release (timeline, to, y);
  tl_test_spin (100);
  g_assert_cmpint (clip_out (f, ids[0]), ==, 7 * G_USEC_PER_SEC);
}

static gboolean
settled (Fixture *f)
{
  return tl_timeline_get_position (f->window->timeline) >= 0
         && ABS (tl_player_get_position (f->window->player) - tl_timeline_get_position (f->window->timeline)) < 1000;
}

static gint64 seek_target;

static gboolean
at_target (Fixture *f)
{
  return player_ready (f) && ABS (tl_player_get_position (f->window->player) - seek_target) < 40000 && settled (f);
}

/* Goes to @position and waits until the player (and the strip) are there:
 * slow under the sanitizers. */
static void
seek_to (Fixture *f, gint64 position)
{
  seek_target = position;
  tl_window_seek (f->window, position);
  if (!tl_test_wait_until (at_target (f), 15))
    g_error ("at %" G_GINT64_FORMAT ", wanted %" G_GINT64_FORMAT, tl_player_get_position (f->window->player),
             position);
  tl_test_spin (100);
}

/* The accent shade over the strip while a range is marked: a colour node
 * of the marks' own alpha. */
static gboolean
has_shade (GskRenderNode *node, double x0, double x1)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_COLOR_NODE:
      {
        const GdkRGBA *color = gsk_color_node_get_color (node);
        graphene_rect_t bounds;

        gsk_render_node_get_bounds (node, &bounds);
        return ABS (color->alpha - 0.22f) < 0.01f && ABS (bounds.origin.x - x0) < 1.5
               && ABS (bounds.origin.x + bounds.size.width - x1) < 1.5;
      }
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        if (has_shade (gsk_container_node_get_child (node, i), x0, x1))
          return TRUE;
      return FALSE;
    case GSK_CLIP_NODE:
      return has_shade (gsk_clip_node_get_child (node), x0, x1);
    case GSK_TRANSFORM_NODE:
      return has_shade (gsk_transform_node_get_child (node), x0, x1);
    default:
      return FALSE;
    }
}

static GskRenderNode *
draw (TlTimeline *timeline)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  tl_timeline_snapshot (GTK_WIDGET (timeline), snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

/* I shades from In to the playhead at once; O closes the range. */
static void
test_pending_range (Fixture *f, gconstpointer data)
{
  TlTimeline *timeline;
  GskRenderNode *node;
  gint64 in = 2000000, now = 3000000, out = 5000000;
  int width;

  open_video (f, 14, "25/1");
  timeline = f->window->timeline;
  width = gtk_widget_get_width (GTK_WIDGET (timeline));
  seek_to (f, in);
  node = draw (timeline);
  g_assert_false (has_shade (node, tl_timeline_x_for_time (timeline, in, width),
                             tl_timeline_x_for_time (timeline, now, width)));
  gsk_render_node_unref (node);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.mark-in", NULL));
  g_assert_cmpint (timeline->pending_in, ==, in);
  g_assert_cmpint (timeline->pending_out, ==, -1);
  seek_to (f, now);
  node = draw (timeline);
  g_assert_true (has_shade (node, tl_timeline_x_for_time (timeline, in, width),
                            tl_timeline_x_for_time (timeline, now, width)));
  gsk_render_node_unref (node);

  seek_to (f, out);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.mark-out", NULL));
  g_assert_cmpint (timeline->pending_in, ==, in);
  g_assert_cmpint (timeline->pending_out, ==, out);
  seek_to (f, 1000000);
  node = draw (timeline);
  g_assert_true (has_shade (node, tl_timeline_x_for_time (timeline, in, width),
                            tl_timeline_x_for_time (timeline, out, width)));
  gsk_render_node_unref (node);

  /* a topic's key makes the clip, and the marks are gone */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag", "u", 1));
  tl_test_spin (100);
  g_assert_cmpint (timeline->pending_in, ==, -1);
  g_assert_cmpuint (tl_timeline_get_n_clips (timeline), ==, 1);
}

static void
collect_texts (GtkWidget *widget, GString *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out);
}

static gboolean
is_time_button (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_has_css_class (widget, "time-button");
}

static const char *
player_time (Fixture *f)
{
  GtkWidget *button = tl_test_find_widget (GTK_WIDGET (f->window->player_view), is_time_button, NULL);

  g_assert_nonnull (button);
  return gtk_label_get_text (GTK_LABEL (gtk_menu_button_get_child (GTK_MENU_BUTTON (button))));
}

/* Every place listed in the issue, for one format. */
static void
assert_times (Fixture *f, const char *position, const char *line, const char *clip_in, const char *clip_out)
{
  g_autoptr(GString) transcript = g_string_new (NULL);
  g_autoptr(GString) panel = g_string_new (NULL);
  g_autofree char *mark = NULL;

  tl_test_spin (200);
  /* the player */
  g_assert_cmpstr (player_time (f), ==, position);
  /* the transcript's lines */
  collect_texts (GTK_WIDGET (f->window->transcript), transcript);
  g_assert_nonnull (strstr (transcript->str, line));
  /* the clips list and the clip editor (the clip is selected) */
  collect_texts (GTK_WIDGET (f->window->tag_panel), panel);
  g_assert_nonnull (strstr (panel->str, clip_in));
  g_assert_nonnull (strstr (panel->str, clip_out));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (f->window->tag_panel->range_label)), clip_in));
  /* the strip, as a screen reader hears it */
  g_assert_nonnull (strstr (tl_timeline_get_description (f->window->timeline), position));
  g_assert_nonnull (strstr (tl_timeline_get_description (f->window->timeline), clip_in));
  /* a toast */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.mark-in", NULL));
  mark = g_strdup_printf ("In at %s", position);
  g_assert_nonnull (f->window->note_toast);
  g_assert_cmpstr (adw_toast_get_title (f->window->note_toast), ==, mark);
}

/* The preference changes the times everywhere, at once. */
static gboolean
is_label_starting (GtkWidget *widget, gconstpointer prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

static void
test_time_format (Fixture *f, gconstpointer data)
{
  GSettings *settings = tl_application_get_settings (f->app);
  gint64 ids[3];

  if (settings == NULL)
    {
      g_test_skip ("the settings schema is not installed");
      return;
    }
  open_video (f, 14, "25/1");
  add_clips (f, ids);
  g_assert_true (tl_tag_panel_select_clip (f->window->tag_panel, ids[0]));
  seek_to (f, 4 * G_USEC_PER_SEC);

  /* timecode at 25 fps */
  assert_times (f, "00:00:04:00", "00:00:03:00", "00:00:02:00", "00:00:06:00");
  g_settings_set_string (settings, "time-format", "clock");
  assert_times (f, "00:00:04.000", "00:00:03.000", "00:00:02.000", "00:00:06.000");
  g_settings_set_string (settings, "time-format", "frames");
  assert_times (f, "100", "75", "50", "150");
  /* the player's menu sets it as well */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "time-format", g_variant_new_string ("timecode"));
  {
    g_autofree char *name = g_settings_get_string (settings, "time-format");
    g_assert_cmpstr (name, ==, "timecode");
  }
  assert_times (f, "00:00:04:00", "00:00:03:00", "00:00:02:00", "00:00:06:00");

  /* search hits: "agreement" is said at 3 s, shown as every other time */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search-library", NULL));
  tl_search_panel_set_query (f->window->search_panel, "agreement");
  g_assert_true (tl_test_wait_until (tl_search_panel_get_n_hits (f->window->search_panel) == 1, 10));
  g_assert_true (tl_test_wait_until (tl_test_find_widget (GTK_WIDGET (f->window->search_panel), is_label_starting,
                                                          "00:00:03:00 · ") != NULL, 5));
  g_settings_set_string (settings, "time-format", "clock");
  g_assert_true (tl_test_wait_until (tl_test_find_widget (GTK_WIDGET (f->window->search_panel), is_label_starting,
                                                          "00:00:03.000 · ") != NULL, 5));
}

static gboolean
near_expected (Fixture *f)
{
  gint64 expected = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (f->window), "expected"));

  return player_ready (f) && ABS (tl_player_get_position (f->window->player) - expected) < 34000;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
go_to (Fixture *f, const char *typed, gint64 expected)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-to-time", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_ENTRY (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), typed);
  adw_message_dialog_response (dialog, "go");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_set_data (G_OBJECT (f->window), "expected", GSIZE_TO_POINTER ((gsize) expected));
  if (!tl_test_wait_until (near_expected (f), 20))
    g_error ("%s: at %" G_GINT64_FORMAT ", wanted %" G_GINT64_FORMAT, typed,
             tl_player_get_position (f->window->player), expected);
}

/* Ctrl+G at 29.97: a drop-frame timecode, seconds, an offset. */
static void
test_go_to_time (Fixture *f, gconstpointer data)
{
  GtkApplication *app = GTK_APPLICATION (f->app);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, "win.go-to-time");
  g_auto(GStrv) copy = gtk_application_get_accels_for_action (app, "win.copy-timecode");
  const TlMediaInfo *media;
  gint64 frames = 0;

  g_assert_true (g_strv_contains ((const char *const *) accels, "<Control>g"));
  g_assert_true (g_strv_contains ((const char *const *) copy, "<Shift><Control>c")
                 || g_strv_contains ((const char *const *) copy, "<Control><Shift>c"));
  open_video (f, 63, "30000/1001");
  media = tl_source_get_media (f->window->source);
  g_assert_cmpint (media->fps_num, ==, 30000);
  g_assert_cmpint (media->fps_den, ==, 1001);

  /* 00:01:00;02 is frame 1800: drop-frame skips ;00 and ;01 at the minute */
  g_assert_true (tl_timecode_parse_frames ("00:01:00;02", 30000, 1001, &frames));
  g_assert_cmpint (frames, ==, 1800);
  go_to (f, "00:01:00;02", tl_timecode_frames_to_usec (1800, 30000, 1001));
  g_assert_cmpstr (player_time (f), ==, "00:01:00;02");
  go_to (f, "12.5", 12500000);
  /* offsets from where the player is (on a frame) */
  go_to (f, "-2", tl_player_get_position (f->window->player) - 2 * G_USEC_PER_SEC);
  go_to (f, "+00:00:01;00", tl_player_get_position (f->window->player) + tl_timecode_frames_to_usec (30, 30000, 1001));
  /* what is no time moves nothing, and says so */
  g_assert_false (tl_window_go_to_time (f->window, "soon"));
}

static gboolean
playing (Fixture *f)
{
  return tl_player_get_state (f->window->player) == TL_PLAYER_STATE_PLAYING;
}

static gboolean
paused_still (Fixture *f)
{
  return tl_player_get_state (f->window->player) == TL_PLAYER_STATE_PAUSED;
}

/* Space while playing pauses and goes back the seconds the preference
 * says; Shift+Space plays a second either side and comes back. */
static void
test_transport_preferences (Fixture *f, gconstpointer data)
{
  GSettings *settings = tl_application_get_settings (f->app);
  gint64 paused_at, around_from = G_MAXINT64, around_to = 0;

  if (settings == NULL)
    {
      g_test_skip ("the settings schema is not installed");
      return;
    }
  open_video (f, 14, "25/1");
  g_settings_set_double (settings, "rewind-on-pause", 1.5);
  seek_to (f, 5 * G_USEC_PER_SEC);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.play-pause", NULL));
  g_assert_true (tl_test_wait_until (playing (f), 5));
  tl_test_spin (700);
  paused_at = tl_player_get_position (f->window->player);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.play-pause", NULL));
  g_assert_true (tl_test_wait_until (paused_still (f), 5));
  tl_test_spin (400);
  g_assert_cmpint (tl_player_get_position (f->window->player), <, paused_at - 1400000);
  g_assert_cmpint (tl_player_get_position (f->window->player), >, paused_at - 1700000);
  g_settings_reset (settings, "rewind-on-pause");

  /* play around 8 s: from 7 s to 9 s, then back at 8 s, paused */
  seek_to (f, 8 * G_USEC_PER_SEC);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.play-around", NULL));
  g_assert_true (tl_test_wait_until (playing (f), 5));
  while (playing (f))
    {
      gint64 now = tl_player_get_position (f->window->player);
      around_from = MIN (around_from, now);
      around_to = MAX (around_to, now);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpint (around_from, <, 7200000);
  g_assert_cmpint (around_to, >=, 8900000);
  g_assert_cmpint (around_to, <, 9500000);
  tl_test_spin (400);
  g_assert_cmpint (ABS (tl_player_get_position (f->window->player) - 8 * G_USEC_PER_SEC), <, 40000);

  /* a pedal's key: the window listens for it as soon as it is set */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->pedal_keys)), ==, 0);
  g_settings_set_string (settings, "key-play-pause", "F9");
  g_settings_set_string (settings, "key-rewind", "<Shift>F7");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->pedal_keys)), ==, 2);
  {
    g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (f->window->pedal_keys), 0);
    g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
    g_assert_cmpstr (trigger, ==, "F9");
  }
  g_settings_reset (settings, "key-play-pause");
  g_settings_reset (settings, "key-rewind");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->window->pedal_keys)), ==, 0);
}

/* Seek step, nudge step, speed, following and light or dark: each one
 * applies the moment it is set. */
static void
test_preferences_apply_at_once (Fixture *f, gconstpointer data)
{
  GSettings *settings = tl_application_get_settings (f->app);
  AdwStyleManager *style = adw_style_manager_get_default ();
  gint64 ids[3];
  g_autoptr(TlClip) clip = NULL;
  g_autoptr(GError) error = NULL;

  if (settings == NULL)
    {
      g_test_skip ("the settings schema is not installed");
      return;
    }
  open_video (f, 14, "25/1");

  /* Shift+Right goes ahead by the seek step, Shift+Left back */
  g_settings_set_double (settings, "seek-step", 10);
  seek_to (f, 2 * G_USEC_PER_SEC);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.skip", "i", 1));
  seek_target = 12 * G_USEC_PER_SEC;
  g_assert_true (tl_test_wait_until (at_target (f), 15));
  g_settings_set_double (settings, "seek-step", 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.skip", "i", -1));
  seek_target = 9 * G_USEC_PER_SEC;
  g_assert_true (tl_test_wait_until (at_target (f), 15));
  g_settings_reset (settings, "seek-step");

  /* the speed the player plays at */
  g_settings_set_double (settings, "default-speed", 1.5);
  g_assert_cmpfloat (tl_player_get_speed (f->window->player), ==, 1.5);
  g_settings_reset (settings, "default-speed");
  g_assert_cmpfloat (tl_player_get_speed (f->window->player), ==, 1.0);

  /* following playback, now and for the next source */
  g_assert_true (tl_transcript_view_get_following (f->window->transcript));
  g_settings_set_boolean (settings, "follow-playback", FALSE);
  g_assert_false (tl_transcript_view_get_following (f->window->transcript));
  g_settings_reset (settings, "follow-playback");
  g_assert_true (tl_transcript_view_get_following (f->window->transcript));

  /* the clip editor's arrows move In by the nudge step, in frames */
  add_clips (f, ids);
  g_assert_true (tl_tag_panel_select_clip (f->window->tag_panel, ids[0]));
  g_settings_set_int (settings, "nudge-step", 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.clip-nudge-in", "i", 1));
  clip = tl_library_get_clip (f->library, ids[0], &error);
  g_assert_no_error (error);
  g_assert_cmpint (tl_clip_get_in (clip), ==, 2000000 + 3 * 40000);
  g_settings_reset (settings, "nudge-step");

  /* light or dark */
  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_set_string (settings, "color-scheme", "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_settings_reset (settings, "color-scheme");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);
}

static gboolean
is_combo_row (GtkWidget *widget, gconstpointer data)
{
  return ADW_IS_COMBO_ROW (widget);
}

static gboolean
is_combo_row_titled (GtkWidget *widget, gconstpointer title)
{
  return ADW_IS_COMBO_ROW (widget) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_action_row_titled (GtkWidget *widget, gconstpointer title)
{
  return ADW_IS_ACTION_ROW (widget) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The preferences window's rows change the settings. */
static void
test_preferences_window (Fixture *f, gconstpointer data)
{
  GSettings *settings = tl_application_get_settings (f->app);
  TlPreferencesWindow *prefs;
  g_autofree char *format = NULL;
  g_autofree char *key = NULL;
  AdwComboRow *row = NULL;

  if (settings == NULL)
    {
      g_test_skip ("the settings schema is not installed");
      return;
    }
  prefs = tl_preferences_window_new (GTK_WINDOW (f->window), settings);
  gtk_window_present (GTK_WINDOW (prefs));
  tl_test_spin (200);
  row = ADW_COMBO_ROW (tl_test_find_widget (GTK_WIDGET (prefs), is_combo_row, NULL));
  g_assert_nonnull (row);
  adw_combo_row_set_selected (row, 2);
  format = g_settings_get_string (settings, "time-format");
  g_assert_cmpstr (format, ==, "frames");
  g_assert_cmpint (tl_time_format_get_kind (tl_time_format_get_default ()), ==, TL_TIME_FORMAT_FRAMES);

  tl_preferences_window_capture_key (prefs, "key-forward");
  /* a modifier alone waits for the key */
  g_assert_true (tl_preferences_window_take_key (prefs, GDK_KEY_Shift_L, GDK_SHIFT_MASK));
  g_assert_true (tl_preferences_window_take_key (prefs, GDK_KEY_F8, 0));
  key = g_settings_get_string (settings, "key-forward");
  g_assert_cmpstr (key, ==, "F8");
  g_assert_false (tl_preferences_window_take_key (prefs, GDK_KEY_F10, 0));
  tl_preferences_window_capture_key (prefs, "key-forward");
  g_assert_true (tl_preferences_window_take_key (prefs, GDK_KEY_BackSpace, 0));
  g_free (key);
  key = g_settings_get_string (settings, "key-forward");
  g_assert_cmpstr (key, ==, "");

  /* speed, style and following, each row its setting */
  row = ADW_COMBO_ROW (tl_test_find_widget (GTK_WIDGET (prefs), is_combo_row_titled, "Speed"));
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 2);
  adw_combo_row_set_selected (row, 4);
  g_assert_cmpfloat (g_settings_get_double (settings, "default-speed"), ==, 1.5);
  g_settings_reset (settings, "default-speed");
  row = ADW_COMBO_ROW (tl_test_find_widget (GTK_WIDGET (prefs), is_combo_row_titled, "Style"));
  g_assert_nonnull (row);
  adw_combo_row_set_selected (row, 2);
  g_free (key);
  key = g_settings_get_string (settings, "color-scheme");
  g_assert_cmpstr (key, ==, "dark");
  g_settings_reset (settings, "color-scheme");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  /* the library at start: a file, then the last one opened again */
  {
    AdwActionRow *start = ADW_ACTION_ROW (tl_test_find_widget (GTK_WIDGET (prefs), is_action_row_titled,
                                                                "Library at Start"));
    g_autofree char *chosen = NULL;

    g_assert_nonnull (start);
    g_assert_cmpstr (adw_action_row_get_subtitle (start), ==, "The library opened last");
    tl_preferences_window_set_start_library (prefs, f->path);
    chosen = g_settings_get_string (settings, "start-library");
    g_assert_cmpstr (chosen, ==, f->path);
    g_assert_cmpstr (adw_action_row_get_subtitle (start), ==, f->path);
    tl_preferences_window_set_start_library (prefs, NULL);
    g_assert_cmpstr (adw_action_row_get_subtitle (start), ==, "The library opened last");
  }
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* With the strip focused, arrows step a frame (Shift: a second). */
static void
test_strip_keys (Fixture *f, gconstpointer data)
{
  TlTimeline *timeline;

  open_video (f, 14, "25/1");
  timeline = f->window->timeline;
  seek_to (f, 4 * G_USEC_PER_SEC);
  gtk_widget_grab_focus (GTK_WIDGET (timeline));
  g_assert_true (tl_timeline_key (timeline, GDK_KEY_Right, 0));
  seek_target = 4 * G_USEC_PER_SEC + 40000;
  g_assert_true (tl_test_wait_until (at_target (f), 15));
  g_assert_cmpint (tl_player_get_position (f->window->player), ==, 4 * G_USEC_PER_SEC + 40000);
  g_assert_true (tl_timeline_key (timeline, GDK_KEY_Left, GDK_SHIFT_MASK));
  seek_target = 3 * G_USEC_PER_SEC + 40000;
  g_assert_true (tl_test_wait_until (at_target (f), 15));
  g_assert_cmpint (tl_player_get_position (f->window->player), ==, 3 * G_USEC_PER_SEC + 40000);
  /* + zooms in around the playhead, − out again */
  g_assert_true (tl_timeline_key (timeline, GDK_KEY_plus, 0));
  {
    gint64 start, span;
    tl_timeline_get_view (timeline, &start, &span);
    g_assert_cmpint (span, <, tl_timeline_get_duration (timeline));
    g_assert_cmpint (start, <=, 3 * G_USEC_PER_SEC + 40000);
    g_assert_cmpint (start + span, >=, 3 * G_USEC_PER_SEC + 40000);
  }
  g_assert_true (tl_timeline_key (timeline, GDK_KEY_minus, 0));
  {
    gint64 span;
    tl_timeline_get_view (timeline, NULL, &span);
    g_assert_cmpint (span, ==, tl_timeline_get_duration (timeline));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/timeline/no-display", (GTestFunc) (void (*) (void)) g_test_skip);
      return g_test_run ();
    }
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/timeline/clips-match-library", test_clips_match_library);
  ADD ("/ui/timeline/trim-by-drag", test_trim_by_drag);
  ADD ("/ui/timeline/pending-range", test_pending_range);
  ADD ("/ui/timeline/time-format", test_time_format);
  ADD ("/ui/timeline/go-to-time", test_go_to_time);
  ADD ("/ui/timeline/transport-preferences", test_transport_preferences);
  ADD ("/ui/timeline/preferences-window", test_preferences_window);
  ADD ("/ui/timeline/preferences-apply-at-once", test_preferences_apply_at_once);
  ADD ("/ui/timeline/strip-keys", test_strip_keys);
#undef ADD
  return g_test_run ();
}
