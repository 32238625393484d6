/* test-search.c: searching and finding in the real window, under Xvfb, on
 * a real library file: the library search's hits, a hit opened in its
 * transcript, find in the transcript, the Follow Playback button, and the
 * source filter. */
#include <adwaita.h>
#include <string.h>

#include "tl-application.h"
#include "tl-import.h"
#include "tl-search.h"
#include "tl-test-media.h"
#include "tl-test-util.h"
#include "tl-test-widgets.h"
#include "tl-transcript-row.h"
#include "tl-window-private.h"
#include "tl-wrap-text.h"

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

/* The window on a library of two sources: a CBS video page's transcript
 * (source 1, 28 timed lines, no media) and an NPR article (source 2, 25
 * paragraphs). */
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
  g_clear_object (&setup);

  f->app = tl_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (f->app), NULL, &error));
  g_assert_no_error (error);
  f->library = tl_library_open (f->path, &error);
  g_assert_no_error (error);
  f->window = tl_window_new (f->app, f->library, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
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

/* Widgets */

static void
collect (GtkWidget *widget, gboolean (*match) (GtkWidget *), GPtrArray *found)
{
  if (match (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, match, found);
}

static gboolean
is_markup_label (GtkWidget *widget)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_use_markup (GTK_LABEL (widget)) && gtk_widget_get_mapped (widget);
}

static gboolean
is_row (GtkWidget *widget)
{
  return TL_IS_TRANSCRIPT_ROW (widget);
}

static gboolean
is_wrap_text (GtkWidget *widget, gconstpointer data)
{
  return TL_IS_WRAP_TEXT (widget);
}

static gboolean
is_search_entry (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_SEARCH_ENTRY (widget);
}

static gboolean
is_follow_button (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "Follow Playback") == 0;
}

/* The row showing line @index of the transcript, or NULL. */
static TlTranscriptRow *
row_of_line (Fixture *f, guint index)
{
  TlSegment *segment = tl_transcript_view_get_segment (f->window->transcript, index);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (GTK_WIDGET (f->window->transcript), is_row, rows);
  for (guint i = 0; i < rows->len; i++)
    if (tl_transcript_row_get_segment (g_ptr_array_index (rows, i)) == segment && gtk_widget_get_mapped (g_ptr_array_index (rows, i)))
      return g_ptr_array_index (rows, i);
  return NULL;
}

static TlWrapText *
row_text (TlTranscriptRow *row)
{
  return TL_WRAP_TEXT (tl_test_find_widget (GTK_WIDGET (row), is_wrap_text, NULL));
}

static GtkWidget *
follow_button (Fixture *f)
{
  GtkWidget *button = tl_test_find_widget (GTK_WIDGET (f->window->transcript), is_follow_button, NULL);

  g_assert_nonnull (button);
  return button;
}

/* Asserts that line @index's row is in the middle third of the list's
 * visible part. */
static void
assert_centred (Fixture *f, guint index)
{
  GtkWidget *scroller = GTK_WIDGET (tl_test_find_list_scroller (GTK_WIDGET (f->window->transcript)));
  TlTranscriptRow *row = row_of_line (f, index);
  graphene_rect_t bounds;
  double middle, height = gtk_widget_get_height (scroller);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (row), scroller, &bounds));
  middle = bounds.origin.y + bounds.size.height / 2;
  if (middle < height / 3 || middle > height * 2 / 3)
    g_error ("line %u is at %.0f–%.0f px of a list %.0f px high, not in its middle third", index, bounds.origin.y,
             bounds.origin.y + bounds.size.height, height);
}

/* The text of each attribute of @attrs, one kind and value per line,
 * the ranges left out: how the marks look. */
static char *
attribute_styles (PangoAttrList *attrs)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GSList *list = attrs ? pango_attr_list_get_attributes (attrs) : NULL;

  for (GSList *l = list; l; l = l->next)
    {
      PangoAttribute *attr = l->data;
      g_autofree char *line = NULL;

      switch (attr->klass->type)
        {
        case PANGO_ATTR_BACKGROUND:
        case PANGO_ATTR_FOREGROUND:
          {
            PangoColor color = ((PangoAttrColor *) attr)->color;
            line = g_strdup_printf ("%d %04x%04x%04x\n", attr->klass->type, color.red, color.green, color.blue);
          }
          break;
        default:
          line = g_strdup_printf ("%d %d\n", attr->klass->type, ((PangoAttrInt *) attr)->value);
          break;
        }
      if (!strstr (out->str, line))
        g_string_append (out, line);
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The words of @text that @attrs gives a background, casefolded, joined
 * by "|". */
static char *
marked_words (const char *text, PangoAttrList *attrs)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GSList *list = attrs ? pango_attr_list_get_attributes (attrs) : NULL;

  for (GSList *l = list; l; l = l->next)
    {
      PangoAttribute *attr = l->data;
      g_autofree char *word = NULL, *folded = NULL;

      if (attr->klass->type != PANGO_ATTR_BACKGROUND)
        continue;
      word = g_strndup (text + attr->start_index, attr->end_index - attr->start_index);
      folded = g_utf8_casefold (word, -1);
      g_string_append_printf (out, "%s%s", out->len ? "|" : "", folded);
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Library search's hits: the matched words bold, and nothing else in the
 * label: no marker characters, no other style. */
static void
test_hit_markup (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n_bold = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search-library", NULL));
  tl_search_panel_set_query (f->window->search_panel, "weapons");
  /* the search runs in a thread */
  tl_test_wait_until (tl_search_panel_get_n_hits (f->window->search_panel) > 0, 10);
  spin (300);
  g_assert_cmpuint (tl_search_panel_get_n_hits (f->window->search_panel), ==, 3);
  collect (GTK_WIDGET (f->window->search_panel), is_markup_label, labels);
  g_assert_cmpuint (labels->len, ==, 3);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);
      const char *text = gtk_label_get_text (label);
      PangoAttrList *attrs = pango_layout_get_attributes (gtk_label_get_layout (label));
      GSList *list = attrs ? pango_attr_list_get_attributes (attrs) : NULL;

      g_assert_null (strchr (text, '\x02'));
      g_assert_null (strchr (text, '\x03'));
      g_assert_null (strstr (text, "\xef\xbf\xbd")); /* U+FFFD */
      g_assert_null (strchr (text, '<'));
      g_assert_nonnull (list);
      for (GSList *l = list; l; l = l->next)
        {
          PangoAttribute *attr = l->data;
          g_autofree char *word = g_strndup (text + attr->start_index, attr->end_index - attr->start_index);

          g_assert_cmpint (attr->klass->type, ==, PANGO_ATTR_WEIGHT);
          g_assert_cmpint (((PangoAttrInt *) attr)->value, >=, PANGO_WEIGHT_BOLD);
          g_assert_cmpstr (word, ==, "weapons");
          n_bold++;
        }
      g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
    }
  g_assert_cmpuint (n_bold, ==, 3);
}

/* Opens a hit the way the panel does (a pick in its list). */
static void
open_hit (Fixture *f, const char *query, gint64 source_id, guint index)
{
  g_autoptr(TlSearchResults) expected = tl_search (f->library, query, 50, 0, NULL, NULL, NULL);
  gboolean listed = FALSE;

  for (guint i = 0; i < expected->hits->len; i++)
    {
      TlSearchHit *hit = g_ptr_array_index (expected->hits, i);
      listed |= hit->source_id == source_id && hit->segment_index == index;
    }
  g_assert_true (listed);
  tl_search_panel_set_query (f->window->search_panel, query);
  g_signal_emit_by_name (f->window->search_panel, "hit-activated", source_id, index);
  spin (300);
}

/* A hit opens with its line selected, current (highlighted), in the
 * middle of the list, the searched words marked in it: in a timed
 * transcript (where the player goes) and in an article (no times). */
static void
test_open_hit (Fixture *f, gconstpointer data)
{
  guint first, last;
  TlTranscriptRow *row;
  g_autofree char *marked = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search-library", NULL));
  spin (100);
  open_hit (f, "weapons", 1, 12);
  g_assert_cmpint (tl_source_get_id (tl_transcript_view_get_source (f->window->transcript)), ==, 1);
  g_assert_true (tl_transcript_view_get_selected_range (f->window->transcript, &first, &last));
  g_assert_cmpuint (first, ==, 12);
  g_assert_cmpint (tl_transcript_view_get_current (f->window->transcript), ==, 12);
  row = row_of_line (f, 12);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "current"));
  assert_centred (f, 12);
  marked = marked_words (tl_wrap_text_get_text (row_text (row)), tl_wrap_text_get_attributes (row_text (row)));
  g_assert_cmpstr (marked, ==, "weapons");
  /* the other line with the word is marked too, a line without it not */
  g_clear_pointer (&marked, g_free);
  row = row_of_line (f, 11);
  g_assert_nonnull (row);
  g_assert_null (tl_wrap_text_get_attributes (row_text (row)));

  /* an article: another source, a paragraph without a time */
  open_hit (f, "sanctions monitoring", 2, 8);
  g_assert_cmpint (tl_source_get_id (tl_transcript_view_get_source (f->window->transcript)), ==, 2);
  g_assert_true (tl_transcript_view_get_selected_range (f->window->transcript, &first, &last));
  g_assert_cmpuint (first, ==, 8);
  g_assert_cmpint (tl_transcript_view_get_current (f->window->transcript), ==, 8);
  row = row_of_line (f, 8);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "current"));
  assert_centred (f, 8);
  marked = marked_words (tl_wrap_text_get_text (row_text (row)), tl_wrap_text_get_attributes (row_text (row)));
  g_assert_cmpstr (marked, ==, "sanctions|monitoring");
  /* another search's hit replaces the marks */
  g_clear_pointer (&marked, g_free);
  open_hit (f, "Pyongyang", 2, 8);
  row = row_of_line (f, 8);
  marked = marked_words (tl_wrap_text_get_text (row_text (row)), tl_wrap_text_get_attributes (row_text (row)));
  g_assert_cmpstr (marked, ==, "pyongyang");
}

static GtkEditable *
find_entry (Fixture *f)
{
  GtkWidget *entry = tl_test_find_widget (GTK_WIDGET (f->window->transcript), is_search_entry, NULL);

  g_assert_nonnull (entry);
  return GTK_EDITABLE (entry);
}

/* Find marks every match; the current one (in the line it selected)
 * looks different from the others, and moves with Next. */
static void
test_find_current_match (Fixture *f, gconstpointer data)
{
  guint first, last;
  TlTranscriptRow *current, *other;
  g_autofree char *current_style = NULL, *other_style = NULL;
  g_autofree char *marked = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL));
  gtk_editable_set_text (find_entry (f), "north korea");
  spin (400);
  g_assert_true (tl_transcript_view_get_selected_range (f->window->transcript, &first, &last));
  g_assert_cmpuint (first, ==, 0);
  /* lines 4, 7, 9, 11 ("North Korean") and 12 */
  for (guint i = 0; i < 5; i++)
    tl_transcript_view_find_next (f->window->transcript, FALSE);
  spin (200);
  g_assert_true (tl_transcript_view_get_selected_range (f->window->transcript, &first, &last));
  g_assert_cmpuint (first, ==, 12);
  assert_centred (f, 12);

  current = row_of_line (f, 12);
  other = row_of_line (f, 13);
  g_assert_nonnull (current);
  g_assert_nonnull (other);
  marked = marked_words (tl_wrap_text_get_text (row_text (current)), tl_wrap_text_get_attributes (row_text (current)));
  g_assert_cmpstr (marked, ==, "north korea");
  g_clear_pointer (&marked, g_free);
  marked = marked_words (tl_wrap_text_get_text (row_text (other)), tl_wrap_text_get_attributes (row_text (other)));
  g_assert_cmpstr (marked, ==, "north korea");
  current_style = attribute_styles (tl_wrap_text_get_attributes (row_text (current)));
  other_style = attribute_styles (tl_wrap_text_get_attributes (row_text (other)));
  g_assert_cmpstr (current_style, !=, other_style);

  /* Next: line 13's match is the current one now, line 12's like the rest */
  tl_transcript_view_find_next (f->window->transcript, FALSE);
  spin (200);
  {
    g_autofree char *now_current = attribute_styles (tl_wrap_text_get_attributes (row_text (row_of_line (f, 13))));
    g_autofree char *now_other = attribute_styles (tl_wrap_text_get_attributes (row_text (row_of_line (f, 12))));

    g_assert_cmpstr (now_current, ==, current_style);
    g_assert_cmpstr (now_other, ==, other_style);
  }
}

static gboolean
follow_shown (Fixture *f)
{
  return gtk_widget_get_mapped (follow_button (f));
}

/* Without media nothing plays: neither a find, a hit nor scrolling shows
 * the Follow Playback button. */
static void
test_follow_not_shown_without_playing (Fixture *f, gconstpointer data)
{
  GtkAdjustment *adjustment
    = gtk_scrolled_window_get_vadjustment (tl_test_find_list_scroller (GTK_WIDGET (f->window->transcript)));

  g_assert_false (follow_shown (f));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL));
  gtk_editable_set_text (find_entry (f), "russia");
  spin (600);
  tl_transcript_view_find_next (f->window->transcript, FALSE);
  spin (600);
  g_assert_false (follow_shown (f));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search-library", NULL));
  open_hit (f, "sanctions monitoring", 2, 8);
  spin (600);
  g_assert_false (follow_shown (f));
  open_hit (f, "weapons", 1, 12);
  spin (600);
  g_assert_false (follow_shown (f));

  /* the list moved by anything but the editor's hand */
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  gtk_adjustment_set_value (adjustment, 0);
  spin (600);
  g_assert_false (follow_shown (f));
}

static gboolean
task_done (Fixture *f)
{
  return f->window->task_cancellable == NULL;
}

static gboolean
player_ready (Fixture *f)
{
  TlPlayerState state = tl_player_get_state (f->window->player);

  return state == TL_PLAYER_STATE_PAUSED || state == TL_PLAYER_STATE_PLAYING;
}

static gboolean
playing (Fixture *f)
{
  return tl_player_get_state (f->window->player) == TL_PLAYER_STATE_PLAYING;
}

static gboolean
playing_a_while (Fixture *f)
{
  return tl_player_get_state (f->window->player) == TL_PLAYER_STATE_PLAYING
         && tl_player_get_position (f->window->player) > 1000000;
}

static gboolean
wait_for (gboolean (*done) (Fixture *f), Fixture *f, double seconds)
{
  gint64 until = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!done (f) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  return done (f);
}

/* The scroll controller the transcript listens to for the editor's own
 * scrolling (before the scrolled window scrolls). */
static GtkEventController *
user_scroll_controller (Fixture *f)
{
  GtkWidget *scroller = GTK_WIDGET (tl_test_find_list_scroller (GTK_WIDGET (f->window->transcript)));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (scroller);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      if (g_strcmp0 (gtk_event_controller_get_name (controller), "user-scroll") == 0)
        return controller; /* the widget holds it */
    }
  g_assert_not_reached ();
  return NULL;
}

/* Sound playing under a transcript of 180 lines: a find and a hit move
 * the list without showing the button; the editor's scrolling shows it,
 * under the lines, never over them; it brings the playing line back. */
static void
test_follow_while_playing (Fixture *f, gconstpointer data)
{
  g_autofree char *audio = tl_test_make_audio (f->dir, "talk.wav", 180);
  g_autofree char *srt = g_build_filename (f->dir, "talk.srt", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *paths[2] = { srt, NULL };
  GtkWidget *scroller = GTK_WIDGET (tl_test_find_list_scroller (GTK_WIDGET (f->window->transcript)));
  GtkWidget *bar;
  graphene_rect_t bar_bounds, list_bounds;
  gboolean handled = FALSE;
  guint first, last;
  gint64 id;

  /* lines end where the next begins: no gap where no line is current */
  for (int i = 0; i < 180; i++)
    g_string_append_printf (text, "%d\n00:%02d:%02d,000 --> 00:%02d:%02d,000\nLine %d of the talk, said in a second.\n\n",
                            i + 1, i / 60, i % 60, (i + 1) / 60, (i + 1) % 60, i + 1);
  g_assert_true (g_file_set_contents (srt, text->str, -1, NULL));
  tl_window_import (f->window, paths);
  g_assert_true (wait_for (task_done, f, 20));
  spin (100);
  g_assert_true (wait_for (player_ready, f, 10));
  id = tl_source_get_id (f->window->source);
  g_assert_cmpuint (tl_transcript_view_get_n_segments (f->window->transcript), ==, 180);

  /* the sound comes round again, so that it still plays however long the
   * test takes (under the sanitizers it outlasted three minutes) */
  tl_player_set_loop (f->window->player, 0, 180 * G_USEC_PER_SEC);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.play-pause", NULL));
  g_assert_true (wait_for (playing_a_while, f, 10));
  g_assert_false (follow_shown (f));

  /* a find: the list goes to the line (and the player with it) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL));
  gtk_editable_set_text (find_entry (f), "line 40 ");
  spin (500);
  g_assert_true (tl_transcript_view_get_selected_range (f->window->transcript, &first, &last));
  g_assert_cmpuint (first, ==, 39);
  g_assert_true (tl_transcript_view_get_following (f->window->transcript));
  g_assert_false (follow_shown (f));

  /* a hit */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search-library", NULL));
  open_hit (f, "talk", id, 15);
  spin (500);
  g_assert_true (tl_transcript_view_get_selected_range (f->window->transcript, &first, &last));
  g_assert_cmpuint (first, ==, 15);
  /* (a seek on a busy machine may pause the player a moment) */
  if (!wait_for (playing, f, 10))
    g_error ("the player stopped after the hit: state %d at %" G_GINT64_FORMAT " µs",
             tl_player_get_state (f->window->player), tl_player_get_position (f->window->player));
  spin (300);
  g_assert_true (tl_transcript_view_get_following (f->window->transcript));
  g_assert_false (follow_shown (f));

  /* the editor scrolls away */
  g_signal_emit_by_name (user_scroll_controller (f), "scroll", 0.0, 5.0, &handled);
  spin (200);
  g_assert_false (tl_transcript_view_get_following (f->window->transcript));
  g_assert_true (follow_shown (f));
  /* beside the lines, not over any */
  bar = gtk_widget_get_parent (follow_button (f));
  while (gtk_widget_get_parent (bar) != gtk_widget_get_parent (scroller))
    bar = gtk_widget_get_parent (bar);
  g_assert_true (gtk_widget_compute_bounds (bar, GTK_WIDGET (f->window), &bar_bounds));
  g_assert_true (gtk_widget_compute_bounds (scroller, GTK_WIDGET (f->window), &list_bounds));
  g_assert_false (graphene_rect_intersection (&bar_bounds, &list_bounds, NULL));

  /* the button: following again, the playing line in view */
  g_signal_emit_by_name (follow_button (f), "clicked");
  spin (300);
  g_assert_true (tl_transcript_view_get_following (f->window->transcript));
  g_assert_false (follow_shown (f));
  g_assert_nonnull (row_of_line (f, tl_transcript_view_get_current (f->window->transcript)));

  /* paused, scrolling away shows nothing */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.play-pause", NULL));
  spin (300);
  g_signal_emit_by_name (user_scroll_controller (f), "scroll", 0.0, 5.0, &handled);
  spin (200);
  g_assert_false (follow_shown (f));
}

/* Ctrl+L: the filter narrows the list; the source open stays open (and
 * selected where the list shows it), whether or not it matches. */
static void
test_filter_keeps_source (Fixture *f, gconstpointer data)
{
  GtkWidget *filter = tl_test_find_widget (GTK_WIDGET (f->window->source_tree), is_search_entry, NULL);
  TlSource *open = tl_transcript_view_get_source (f->window->transcript);

  g_assert_nonnull (filter);
  g_assert_nonnull (open);
  g_assert_cmpint (tl_source_get_id (open), ==, 1);
  tl_transcript_view_select_line (f->window->transcript, 5, TRUE);
  spin (100);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.filter-sources", NULL));
  /* a word only the other source's title holds */
  gtk_editable_set_text (GTK_EDITABLE (filter), "supporter");
  spin (500);
  g_assert_cmpint (tl_source_get_id (tl_transcript_view_get_source (f->window->transcript)), ==, 1);
  g_assert_cmpuint (tl_transcript_view_get_n_segments (f->window->transcript), ==, 28);
  g_assert_cmpint (tl_source_get_id (f->window->source), ==, 1);
  g_assert_cmpint (tl_transcript_view_get_current (f->window->transcript), ==, 5);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window->transcript)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->center_stack), ==, "source");

  /* a word of its own title: it is in the list, selected */
  gtk_editable_set_text (GTK_EDITABLE (filter), "significance");
  spin (500);
  g_assert_cmpint (tl_source_get_id (tl_transcript_view_get_source (f->window->transcript)), ==, 1);
  g_assert_cmpint (tl_source_get_id (tl_source_tree_get_selected_source (f->window->source_tree)), ==, 1);

  /* the filter cleared: the whole tree, the source still selected */
  gtk_editable_set_text (GTK_EDITABLE (filter), "");
  spin (300);
  g_assert_cmpint (tl_source_get_id (tl_transcript_view_get_source (f->window->transcript)), ==, 1);
  g_assert_cmpint (tl_source_get_id (tl_source_tree_get_selected_source (f->window->source_tree)), ==, 1);

  /* picking another source while filtered still opens it */
  gtk_editable_set_text (GTK_EDITABLE (filter), "supporter");
  spin (500);
  g_assert_true (tl_source_tree_select_source (f->window->source_tree, 2));
  spin (100);
  g_assert_cmpint (tl_source_get_id (tl_transcript_view_get_source (f->window->transcript)), ==, 2);
  /* and a search hit in a source the filter hides opens too */
  open_hit (f, "weapons", 1, 7);
  g_assert_cmpint (tl_source_get_id (tl_transcript_view_get_source (f->window->transcript)), ==, 1);
  g_assert_cmpint (tl_transcript_view_get_current (f->window->transcript), ==, 7);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/search/no-display", (GTestFunc) (void (*) (void)) g_test_skip);
      return g_test_run ();
    }
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/search/hit-markup", test_hit_markup);
  ADD ("/ui/search/open-hit", test_open_hit);
  ADD ("/ui/search/find-current-match", test_find_current_match);
  ADD ("/ui/search/follow-not-shown-without-playing", test_follow_not_shown_without_playing);
  ADD ("/ui/search/follow-while-playing", test_follow_while_playing);
  ADD ("/ui/search/filter-keeps-source", test_filter_keeps_source);
#undef ADD
  return g_test_run ();
}
