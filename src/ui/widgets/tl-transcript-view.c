/* tl-transcript-view.c: the transcript of the chosen source. The line
 * under the play position is found by binary search and kept in view
 * while playing, unless the editor scrolls away (then a button under the
 * lines brings it back); lines inside clips show their topics' colours;
 * Ctrl+F finds, and a library search's words are marked in the hit's
 * source. */
#include "tl-transcript-view.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tl-time-format.h"
#include "tl-transcript-row.h"

/* Layout passes a scroll may take to settle within one frame (GDK runs
 * at most four per frame, the window's own included). */
#define SCROLL_PASSES 2

#include "tl-transcript-view-private.h"

G_DEFINE_FINAL_TYPE (TlTranscriptView, tl_transcript_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CURRENT,
  PROP_FOLLOWING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
guint tl_transcript_view_signals[TL_TRANSCRIPT_VIEW_N_SIGNALS];

/* Whether @segment's time is a guess: an estimated transcript, or a line
 * between two taps (spread by its length). */
static gboolean
is_estimated (TlTranscriptView *self, TlSegment *segment)
{
  TlTiming timing = self->source ? tl_source_get_timing (self->source) : TL_TIMING_NONE;

  return timing == TL_TIMING_ESTIMATED || (timing == TL_TIMING_TAPPED && !tl_segment_get_anchor (segment));
}

static void
bind_row (TlTranscriptView *self, GtkListItem *item)
{
  TlTranscriptRow *row = TL_TRANSCRIPT_ROW (gtk_list_item_get_child (item));
  guint position = gtk_list_item_get_position (item);
  GArray *topics = position < self->line_topics->len ? g_ptr_array_index (self->line_topics, position) : NULL;
  TlSegment *segment = gtk_list_item_get_item (item);
  TlRowMarks marks = { self->find_text, (const char *const *) self->search_terms,
                       self->find_text && (int) position == self->find_current };

  tl_transcript_row_set_segment (row, segment, self->source ? tl_source_get_media (self->source) : NULL,
                                 is_estimated (self, segment), &marks);
  tl_transcript_row_set_current (row, (int) position == self->current);
  tl_transcript_row_set_topics (row, topics ? (gint64 *) topics->data : NULL, topics ? topics->len : 0);
  tl_transcript_row_set_heading (row, position < self->headings->len ? g_ptr_array_index (self->headings, position)
                                                                     : NULL);
  tl_transcript_view_bind_words (self, GTK_WIDGET (row), position);
  tl_transcript_view_bind_editor (self, GTK_WIDGET (row), position);
  /* a line of another speaker than the one shown takes no room */
  gtk_widget_set_visible (GTK_WIDGET (row), tl_transcript_view_line_shown (self, segment));
}

static void
on_setup (GtkSignalListItemFactory *factory, GtkListItem *item, TlTranscriptView *self)
{
  gtk_list_item_set_child (item, tl_transcript_row_new ());
}

static void
on_bind (GtkSignalListItemFactory *factory, GtkListItem *item, TlTranscriptView *self)
{
  g_hash_table_add (self->bound, item);
  bind_row (self, item);
}

static void
on_unbind (GtkSignalListItemFactory *factory, GtkListItem *item, TlTranscriptView *self)
{
  g_hash_table_remove (self->bound, item);
}

/* Rebinds the rows on screen after what they show changed. */
void
tl_transcript_view_refresh_rows (TlTranscriptView *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    bind_row (self, item);
}

/* Scrolling */

static void
stop_scroll (TlTranscriptView *self)
{
  /* a clock whose window went away has dropped its handlers already */
  if (self->scroll_clock && g_signal_handler_is_connected (self->scroll_clock, self->scroll_handler))
    g_signal_handler_disconnect (self->scroll_clock, self->scroll_handler);
  self->scroll_handler = 0;
  g_clear_object (&self->scroll_clock);
  self->scroll_line = -1;
}

/* The row showing line @index, if the list has one for it. */
GtkWidget *
tl_transcript_view_bound_row (TlTranscriptView *self, guint index)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    if (gtk_list_item_get_position (item) == index)
      return gtk_list_item_get_child (item);
  return NULL;
}

/* The line @row shows, or -1 when it shows none. */
int
tl_transcript_view_row_line (TlTranscriptView *self, GtkWidget *row)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    if (gtk_list_item_get_child (item) == row)
      return gtk_list_item_get_position (item);
  return -1;
}

/* Runs after the window laid the list out, so the row's place is known:
 * moves the list by the row's distance from the middle. Moving it lays
 * the list out again in the same frame (GDK repeats the layout phase),
 * so the line never shows anywhere else first. */
static void
on_scroll_layout (GdkFrameClock *clock, TlTranscriptView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  GtkWidget *row = self->scroll_line >= 0 ? tl_transcript_view_bound_row (self, self->scroll_line) : NULL;
  double page = gtk_adjustment_get_page_size (adjustment);
  double value = gtk_adjustment_get_value (adjustment);
  double target, delta;
  graphene_rect_t bounds;

  /* no row for it after a layout: the list is not shown */
  if (row == NULL || page <= 0 || !gtk_widget_compute_bounds (row, self->scroller, &bounds)
      || bounds.size.height <= 0)
    {
      stop_scroll (self);
      return;
    }
  /* a line in full view stays where it is unless it is to be centred */
  if (!self->scroll_centre && bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= page)
    {
      stop_scroll (self);
      return;
    }
  target = CLAMP (value + bounds.origin.y + bounds.size.height / 2 - page / 2, gtk_adjustment_get_lower (adjustment),
                  gtk_adjustment_get_upper (adjustment) - page);
  delta = target - value;
  if (ABS (delta) < 1 || ++self->scroll_passes > SCROLL_PASSES)
    {
      stop_scroll (self);
      return;
    }
  self->scroll_centre = TRUE; /* a second pass only corrects the first */
  gtk_adjustment_set_value (adjustment, target);
}

/* Brings line @index into view (@centre: to the middle of the list, or
 * there only when it is not in full view already). GTK 4.8 has no
 * gtk_list_view_scroll_to: the list's scroll-to-item makes the row
 * exist, the list's layout gives its height, and its adjustment moves it. */
void
tl_transcript_view_scroll_line (TlTranscriptView *self, guint index, gboolean centre)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  /* the line is to be centred already: bringing it into view adds nothing */
  if (self->scroll_line == (int) index && self->scroll_centre)
    centre = TRUE;
  stop_scroll (self);
  gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", index);
  if (clock == NULL)
    return;
  self->scroll_line = index;
  self->scroll_centre = centre;
  self->scroll_passes = 0;
  self->scroll_clock = g_object_ref (clock);
  self->scroll_handler = g_signal_connect_after (clock, "layout", G_CALLBACK (on_scroll_layout), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self->list));
}

/* Brings the line into view as the play position reaches it: the line a
 * find or a hit went to goes to the middle (the player may only get there
 * after loading the media, by way of its start), any other only when it
 * is not in view. */
static void
scroll_to (TlTranscriptView *self, guint index)
{
  tl_transcript_view_scroll_line (self, index, (int) index == self->goal_line);
}

void
tl_transcript_view_update_follow_button (TlTranscriptView *self)
{
  gtk_widget_set_visible (self->follow_bar, self->playing && !self->following);
}

/* The editor moved the list (wheel, touchpad, scrollbar, a finger) while
 * the media plays: they read elsewhere, so the list stops following. Our
 * own scrolls (following, find, a search hit) are not input and never
 * get here. */
static void
user_scrolled (TlTranscriptView *self)
{
  stop_scroll (self);
  self->goal_line = -1;
  if (self->playing && self->following)
    tl_transcript_view_set_following (self, FALSE);
}

static gboolean
on_user_scroll (GtkEventControllerScroll *controller, double dx, double dy, TlTranscriptView *self)
{
  if (dy != 0)
    user_scrolled (self);
  return FALSE; /* the scrolled window scrolls */
}

static void
on_scrollbar_pressed (GtkGestureClick *gesture, int n_press, double x, double y, TlTranscriptView *self)
{
  user_scrolled (self);
}

static void
on_touch_drag (GtkGestureDrag *gesture, double dx, double dy, TlTranscriptView *self)
{
  if (ABS (dy) > 8)
    user_scrolled (self);
}

static void
on_selection_changed (GtkSelectionModel *model, guint position, guint n_items, TlTranscriptView *self)
{
  guint first, last;

  if (!self->navigating)
    self->goal_line = -1;
  /* the editor picked lines: no word has the focus any longer */
  if (!self->quiet)
    tl_transcript_view_clear_words (self);
  g_signal_emit (self, tl_transcript_view_signals[TL_TRANSCRIPT_VIEW_SIGNAL_SELECTION_CHANGED], 0);
  if (self->quiet || !tl_transcript_view_get_selected_range (self, &first, &last) || first != last)
    return;
  g_signal_emit (self, tl_transcript_view_signals[TL_TRANSCRIPT_VIEW_SIGNAL_LINE_PICKED], 0, first);
}

static void
on_follow_clicked (GtkButton *button, TlTranscriptView *self)
{
  tl_transcript_view_set_following (self, TRUE);
}

static void
tl_transcript_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TlTranscriptView *self = TL_TRANSCRIPT_VIEW (object);

  switch (prop_id)
    {
    case PROP_CURRENT: g_value_set_int (value, self->current); break;
    case PROP_FOLLOWING: g_value_set_boolean (value, self->following); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_transcript_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  TlTranscriptView *self = TL_TRANSCRIPT_VIEW (object);

  switch (prop_id)
    {
    case PROP_FOLLOWING: tl_transcript_view_set_following (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_transcript_view_dispose (GObject *object)
{
  TlTranscriptView *self = TL_TRANSCRIPT_VIEW (object);
  GtkWidget *child;

  stop_scroll (self);
  tl_transcript_view_edit_dispose (self);
  g_signal_handlers_disconnect_by_data (tl_time_format_get_default (), self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  if (self->topic_css)
    gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (self->topic_css));
  g_clear_object (&self->topic_css);
  g_clear_object (&self->selection);
  g_clear_object (&self->segments);
  g_clear_object (&self->source);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_pointer (&self->starts, g_array_unref);
  g_clear_pointer (&self->line_topics, g_ptr_array_unref);
  g_clear_pointer (&self->headings, g_ptr_array_unref);
  g_clear_pointer (&self->find_text, g_free);
  g_clear_pointer (&self->search_terms, g_strfreev);
  G_OBJECT_CLASS (tl_transcript_view_parent_class)->dispose (object);
}

/* The frame clock goes with the window: a scroll still waiting for it
 * has nothing left to wait for. */
static void
tl_transcript_view_unrealize (GtkWidget *widget)
{
  stop_scroll (TL_TRANSCRIPT_VIEW (widget));
  GTK_WIDGET_CLASS (tl_transcript_view_parent_class)->unrealize (widget);
}

static void
tl_transcript_view_class_init (TlTranscriptViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_transcript_view_dispose;
  object_class->get_property = tl_transcript_view_get_property;
  object_class->set_property = tl_transcript_view_set_property;
  widget_class->unrealize = tl_transcript_view_unrealize;

  properties[PROP_CURRENT] = g_param_spec_int ("current", NULL, NULL, -1, G_MAXINT, -1,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FOLLOWING] = g_param_spec_boolean ("following", NULL, NULL, TRUE,
                                                     G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TlTranscriptView::line-picked:
   * @index: the line
   *
   * The editor picked one line (a click, a key): the player goes there.
   */
  tl_transcript_view_signals[TL_TRANSCRIPT_VIEW_SIGNAL_LINE_PICKED] = g_signal_new ("line-picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                              NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  tl_transcript_view_signals[TL_TRANSCRIPT_VIEW_SIGNAL_SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  tl_transcript_view_edit_class_init (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "transcriptview");
}

/* Lines in no clip hold NULL, and GPtrArray frees NULL elements too. */
static void
free_line_topics (gpointer data)
{
  if (data)
    g_array_unref (data);
}

static void
tl_transcript_view_init (TlTranscriptView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *find_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *previous, *next;
  GtkEventController *wheel;
  GtkGesture *scrollbar_press, *touch_drag;

  /* the lines' times read as the editor chose */
  g_signal_connect_swapped (tl_time_format_get_default (), "notify::kind", G_CALLBACK (tl_transcript_view_refresh_rows), self);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->current = -1;
  self->following = TRUE;
  self->find_current = -1;
  self->goal_line = -1;
  self->scroll_line = -1;
  self->position = -1;
  self->bound = g_hash_table_new (NULL, NULL);
  self->starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->line_topics = g_ptr_array_new_with_free_func (free_line_topics);
  self->headings = g_ptr_array_new_with_free_func (g_free);

  /* find in transcript */
  self->find_entry = gtk_search_entry_new ();
  gtk_widget_set_hexpand (self->find_entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->find_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Find in transcript"), -1);
  self->find_count = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->find_count, "dim-label");
  gtk_widget_add_css_class (self->find_count, "numeric");
  previous = gtk_button_new_from_icon_name ("go-up-symbolic");
  gtk_widget_set_tooltip_text (previous, _("Previous Match"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (previous), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Previous match"), -1);
  next = gtk_button_new_from_icon_name ("go-down-symbolic");
  gtk_widget_set_tooltip_text (next, _("Next Match"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (next), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Next match"), -1);
  gtk_box_append (GTK_BOX (find_box), self->find_entry);
  gtk_box_append (GTK_BOX (find_box), self->find_count);
  gtk_box_append (GTK_BOX (find_box), previous);
  gtk_box_append (GTK_BOX (find_box), next);
  self->find_bar = gtk_search_bar_new ();
  gtk_search_bar_set_child (GTK_SEARCH_BAR (self->find_bar), find_box);
  gtk_search_bar_connect_entry (GTK_SEARCH_BAR (self->find_bar), GTK_EDITABLE (self->find_entry));
  gtk_search_bar_set_show_close_button (GTK_SEARCH_BAR (self->find_bar), TRUE);
  gtk_widget_set_parent (self->find_bar, GTK_WIDGET (self));
  g_signal_connect (self->find_entry, "search-changed", G_CALLBACK (tl_transcript_view_on_find_changed), self);
  g_signal_connect (self->find_entry, "activate", G_CALLBACK (tl_transcript_view_on_find_next), self);
  g_signal_connect (self->find_entry, "next-match", G_CALLBACK (tl_transcript_view_on_find_next), self);
  g_signal_connect (self->find_entry, "previous-match", G_CALLBACK (tl_transcript_view_on_find_previous), self);
  g_signal_connect (self->find_entry, "stop-search", G_CALLBACK (tl_transcript_view_on_find_stop), self);
  g_signal_connect (next, "clicked", G_CALLBACK (tl_transcript_view_on_find_next), self);
  g_signal_connect (previous, "clicked", G_CALLBACK (tl_transcript_view_on_find_previous), self);

  /* the lines */
  self->segments = g_list_store_new (TL_TYPE_SEGMENT);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->segments)));
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind), self);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "transcript");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Transcript"), -1);
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (self->scroller, TRUE);
  /* the editor's own scrolling, told from ours by the input it comes from */
  wheel = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL | GTK_EVENT_CONTROLLER_SCROLL_KINETIC);
  gtk_event_controller_set_propagation_phase (wheel, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (wheel, "user-scroll");
  g_signal_connect (wheel, "scroll", G_CALLBACK (on_user_scroll), self);
  gtk_widget_add_controller (self->scroller, wheel);
  scrollbar_press = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (scrollbar_press), GTK_PHASE_CAPTURE);
  g_signal_connect (scrollbar_press, "pressed", G_CALLBACK (on_scrollbar_pressed), self);
  gtk_widget_add_controller (gtk_scrolled_window_get_vscrollbar (GTK_SCROLLED_WINDOW (self->scroller)),
                             GTK_EVENT_CONTROLLER (scrollbar_press));
  touch_drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (touch_drag), TRUE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (touch_drag), GTK_PHASE_CAPTURE);
  g_signal_connect (touch_drag, "drag-update", G_CALLBACK (on_touch_drag), self);
  gtk_widget_add_controller (self->scroller, GTK_EVENT_CONTROLLER (touch_drag));

  /* brings the playing line back after the editor scrolled away; in a bar
   * under the lines, not over them, so that it never hides a word */
  self->follow_button = gtk_button_new_with_label (_("Follow Playback"));
  gtk_widget_add_css_class (self->follow_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->follow_button, _("Show the line playing and keep it in view"));
  g_signal_connect (self->follow_button, "clicked", G_CALLBACK (on_follow_clicked), self);
  self->follow_bar = gtk_action_bar_new ();
  gtk_action_bar_set_center_widget (GTK_ACTION_BAR (self->follow_bar), self->follow_button);
  gtk_widget_set_visible (self->follow_bar, FALSE);
  self->lines_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->lines_box), self->scroller);
  gtk_box_append (GTK_BOX (self->lines_box), self->follow_bar);
  gtk_widget_set_vexpand (self->lines_box, TRUE);
  gtk_widget_set_parent (self->lines_box, GTK_WIDGET (self));

  gtk_search_bar_set_key_capture_widget (GTK_SEARCH_BAR (self->find_bar), NULL);
  tl_transcript_view_words_init (self);
  tl_transcript_view_edit_init (self);

  self->topic_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (self->topic_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

GtkWidget *
tl_transcript_view_new (void)
{
  return g_object_new (TL_TYPE_TRANSCRIPT_VIEW, NULL);
}

/* First line whose start is after @position, by binary search. */
static guint
upper_bound (GArray *starts, gint64 position)
{
  guint lo = 0, hi = starts->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (starts, gint64, mid) <= position)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/**
 * tl_transcript_view_find_line:
 *
 * Returns: the line whose time range holds @position, or -1 (before the
 *   first line, in a gap after a line's end, or an untimed transcript)
 */
int
tl_transcript_view_find_line (TlTranscriptView *self, gint64 position)
{
  guint after = upper_bound (self->starts, position);
  TlSegment *segment;
  gint64 end;

  if (after == 0 || g_array_index (self->starts, gint64, 0) < 0)
    return -1;
  segment = g_list_model_get_item (G_LIST_MODEL (self->segments), after - 1);
  end = tl_segment_get_end (segment);
  g_object_unref (segment);
  /* past its end is a gap (a line without an end lasts until the next) */
  if (end >= 0 && position >= end)
    return -1;
  return after - 1;
}

static void
set_current (TlTranscriptView *self, int current)
{
  int old = self->current;
  GHashTableIter iter;
  gpointer item;

  if (current == old)
    return;
  self->current = current;
  self->spoken_word = -1;
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      int position = gtk_list_item_get_position (item);
      if (position == old || position == current)
        {
          tl_transcript_row_set_current (TL_TRANSCRIPT_ROW (gtk_list_item_get_child (item)), position == current);
          tl_transcript_view_bind_words (self, gtk_list_item_get_child (item), position);
        }
    }
  if (current >= 0 && self->following)
    scroll_to (self, current);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

/* Moves the highlight to the line under the play position. */
void
tl_transcript_view_set_position (TlTranscriptView *self, gint64 position)
{
  g_return_if_fail (TL_IS_TRANSCRIPT_VIEW (self));
  self->position = position;
  set_current (self, tl_transcript_view_find_line (self, position));
  tl_transcript_view_update_spoken (self, position);
}

/* Returns: the word being said in the current line, or -1 */
int
tl_transcript_view_get_spoken_word (TlTranscriptView *self)
{
  g_return_val_if_fail (TL_IS_TRANSCRIPT_VIEW (self), -1);
  return self->current >= 0 ? self->spoken_word : -1;
}

int
tl_transcript_view_get_current (TlTranscriptView *self)
{
  g_return_val_if_fail (TL_IS_TRANSCRIPT_VIEW (self), -1);
  return self->current;
}

void
tl_transcript_view_set_following (TlTranscriptView *self, gboolean following)
{
  g_return_if_fail (TL_IS_TRANSCRIPT_VIEW (self));
  following = !!following;
  if (following == self->following)
    return;
  self->following = following;
  tl_transcript_view_update_follow_button (self);
  /* back to the playing line, in the middle, where it reads in context */
  if (following && self->current >= 0)
    tl_transcript_view_scroll_line (self, self->current, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOWING]);
}

gboolean
tl_transcript_view_get_following (TlTranscriptView *self)
{
  g_return_val_if_fail (TL_IS_TRANSCRIPT_VIEW (self), FALSE);
  return self->following;
}

static void
add_topic_css (GString *css, GPtrArray *topics)
{
  for (guint i = 0; topics && i < topics->len; i++)
    {
      TlTopic *topic = g_ptr_array_index (topics, i);
      g_string_append_printf (css, ".topic-%" G_GINT64_FORMAT " { background-color: %s; }\n",
                              tl_topic_get_id (topic), tl_topic_get_color (topic));
    }
}

/* Which lines each clip covers, and its topics' ids: the colours at the
 * lines' edge. */
static void
compute_line_topics (TlTranscriptView *self, GPtrArray *clips, GPtrArray *topics)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->segments));
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_ptr_array_set_size (self->line_topics, 0);
  g_ptr_array_set_size (self->line_topics, n);
  for (guint i = 0; topics && i < topics->len; i++)
    {
      TlTopic *topic = g_ptr_array_index (topics, i);
      g_hash_table_insert (ids, (gpointer) tl_topic_get_name (topic), topic);
    }
  for (guint c = 0; clips && c < clips->len; c++)
    {
      TlClip *clip = g_ptr_array_index (clips, c);
      const char *const *names = tl_clip_get_topics (clip);
      guint first, last;

      if (tl_clip_get_first_segment (clip) >= 0)
        {
          first = tl_clip_get_first_segment (clip);
          last = MIN ((guint) tl_clip_get_last_segment (clip), n ? n - 1 : 0);
        }
      else
        {
          /* lines that start before the out point and end after the in point */
          guint before_out = upper_bound (self->starts, tl_clip_get_out (clip) - 1);
          if (before_out == 0)
            continue;
          last = before_out - 1;
          first = upper_bound (self->starts, tl_clip_get_in (clip));
          first = first > 0 ? first - 1 : 0;
          while (first <= last)
            {
              TlSegment *segment = g_list_model_get_item (G_LIST_MODEL (self->segments), first);
              gint64 end = tl_segment_get_end (segment);
              g_object_unref (segment);
              if (end < 0 || end > tl_clip_get_in (clip))
                break;
              first++;
            }
        }
      for (guint line = first; line <= last && line < n; line++)
        for (guint t = 0; names && names[t]; t++)
          {
            TlTopic *topic = g_hash_table_lookup (ids, names[t]);
            GArray *line_ids = g_ptr_array_index (self->line_topics, line);
            gint64 id;

            if (topic == NULL)
              continue;
            id = tl_topic_get_id (topic);
            if (line_ids == NULL)
              {
                line_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
                g_ptr_array_index (self->line_topics, line) = line_ids;
              }
            for (guint k = 0; k < line_ids->len; k++)
              if (g_array_index (line_ids, gint64, k) == id)
                goto next_topic;
            g_array_append_val (line_ids, id);
          next_topic:;
          }
    }
}

/**
 * tl_transcript_view_set_clips:
 *
 * The clips of the shown source, and all topics (for their colours).
 */
void
tl_transcript_view_set_clips (TlTranscriptView *self, GPtrArray *clips, GPtrArray *topics)
{
  g_autoptr(GString) css = g_string_new (NULL);

  g_return_if_fail (TL_IS_TRANSCRIPT_VIEW (self));
  add_topic_css (css, topics);
  gtk_css_provider_load_from_data (self->topic_css, css->str, css->len);
  compute_line_topics (self, clips, topics);
  tl_transcript_view_refresh_rows (self);
}

/**
 * tl_transcript_view_set_source:
 * @source: (nullable): the source, or %NULL to show nothing
 * @segments: its lines, in order
 * @clips: (nullable): its clips
 * @topics: (nullable): every topic
 *
 * Shows a source's lines from the first. The source shown again (after
 * an edit) stays where it is: lines that changed are replaced, the
 * others and the list's place are kept.
 */
void
tl_transcript_view_set_source (TlTranscriptView *self, TlSource *source, GPtrArray *segments, GPtrArray *clips,
                               GPtrArray *topics)
{
  gboolean again;

  g_return_if_fail (TL_IS_TRANSCRIPT_VIEW (self));

  again = source && self->source && tl_source_get_id (source) == tl_source_get_id (self->source);
  self->quiet = TRUE;
  tl_transcript_view_cancel_edit (self);
  tl_transcript_view_clear_words (self);
  g_set_object (&self->source, source);
  self->current = -1;
  self->spoken_word = -1;
  self->find_current = -1;
  self->goal_line = -1;
  g_array_set_size (self->starts, 0);
  g_ptr_array_set_size (self->headings, 0);
  for (guint i = 0; segments && i < segments->len; i++)
    {
      gint64 start = tl_segment_get_start (g_ptr_array_index (segments, i));
      g_array_append_val (self->starts, start);
    }
  g_ptr_array_set_size (self->headings, segments ? segments->len : 0);
  if (again)
    tl_transcript_view_replace_changed_lines (self, segments);
  else
    g_list_store_splice (self->segments, 0, g_list_model_get_n_items (G_LIST_MODEL (self->segments)),
                         segments ? segments->pdata : NULL, segments ? segments->len : 0);
  tl_transcript_view_update_speakers (self);
  tl_transcript_view_set_clips (self, clips, topics);
  self->quiet = FALSE;
  if (again)
    {
      /* the line under the play position, lit again where it is */
      if (self->position >= 0)
        tl_transcript_view_set_position (self, self->position);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
      return;
    }
  self->position = -1;
  tl_transcript_view_set_following (self, TRUE);
  if (segments && segments->len)
    scroll_to (self, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

/**
 * tl_transcript_view_set_headings:
 *
 * Shows chapter titles above the lines they start at.
 */
void
tl_transcript_view_set_headings (TlTranscriptView *self, GPtrArray *chapters)
{
  guint n = self->starts->len;

  g_ptr_array_set_size (self->headings, 0);
  g_ptr_array_set_size (self->headings, n);
  for (guint i = 0; chapters && i < chapters->len; i++)
    {
      TlChapter *chapter = g_ptr_array_index (chapters, i);
      guint line;

      if (chapter->segment_index >= 0)
        line = chapter->segment_index;
      else if (chapter->start >= 0)
        line = upper_bound (self->starts, chapter->start - 1);
      else
        continue;
      if (line < n && g_ptr_array_index (self->headings, line) == NULL)
        g_ptr_array_index (self->headings, line) = g_strdup (chapter->title);
    }
  tl_transcript_view_refresh_rows (self);
}

TlSource *
tl_transcript_view_get_source (TlTranscriptView *self)
{
  g_return_val_if_fail (TL_IS_TRANSCRIPT_VIEW (self), NULL);
  return self->source;
}

/* Returns: (transfer none): line @index */
TlSegment *
tl_transcript_view_get_segment (TlTranscriptView *self, guint index)
{
  TlSegment *segment;

  g_return_val_if_fail (TL_IS_TRANSCRIPT_VIEW (self), NULL);
  segment = g_list_model_get_item (G_LIST_MODEL (self->segments), index);
  if (segment)
    g_object_unref (segment); /* the store keeps it */
  return segment;
}

guint
tl_transcript_view_get_n_segments (TlTranscriptView *self)
{
  g_return_val_if_fail (TL_IS_TRANSCRIPT_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->segments));
}

/* The first and last selected lines; FALSE when none is selected. */
gboolean
tl_transcript_view_get_selected_range (TlTranscriptView *self, guint *first, guint *last)
{
  g_autoptr(GtkBitset) selected = NULL;

  g_return_val_if_fail (TL_IS_TRANSCRIPT_VIEW (self), FALSE);
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_is_empty (selected))
    return FALSE;
  *first = gtk_bitset_get_minimum (selected);
  *last = gtk_bitset_get_maximum (selected);
  return TRUE;
}

/* The selected lines as runs of adjacent lines, in order (Ctrl+click
 * selects lines apart). Returns: (transfer full) (element-type TlLineRun) */
GArray *
tl_transcript_view_get_selected_runs (TlTranscriptView *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (TlLineRun));
  GtkBitsetIter iter;
  guint index;

  g_return_val_if_fail (TL_IS_TRANSCRIPT_VIEW (self), runs);
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &index); more;
       more = gtk_bitset_iter_next (&iter, &index))
    {
      if (runs->len > 0 && g_array_index (runs, TlLineRun, runs->len - 1).last + 1 == index)
        g_array_index (runs, TlLineRun, runs->len - 1).last = index;
      else
        {
          TlLineRun run = { index, index };
          g_array_append_val (runs, run);
        }
    }
  return runs;
}

/* Selects one line (emitting line-picked) and, if asked, scrolls to it. */
void
tl_transcript_view_select_line (TlTranscriptView *self, guint index, gboolean scroll)
{
  g_return_if_fail (TL_IS_TRANSCRIPT_VIEW (self));
  if (index >= g_list_model_get_n_items (G_LIST_MODEL (self->segments)))
    return;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), index, TRUE);
  if (scroll)
    scroll_to (self, index);
}

/* Selects one line without going there: the player stays where it is
 * (the line that the next tap will time). */
void
tl_transcript_view_point_to_line (TlTranscriptView *self, guint index)
{
  gboolean was_quiet;

  g_return_if_fail (TL_IS_TRANSCRIPT_VIEW (self));
  if (index >= g_list_model_get_n_items (G_LIST_MODEL (self->segments)))
    return;
  was_quiet = self->quiet;
  self->quiet = TRUE;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), index, TRUE);
  self->quiet = was_quiet;
  scroll_to (self, index);
}

void
tl_transcript_view_show_find (TlTranscriptView *self)
{
  g_return_if_fail (TL_IS_TRANSCRIPT_VIEW (self));
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->find_bar), TRUE);
  gtk_widget_grab_focus (self->find_entry);
}

/**
 * tl_transcript_view_set_playing:
 * @playing: whether the media plays
 *
 * While it plays, the editor's scrolling away stops the list following
 * the play position, and the Follow Playback button shows.
 */
void
tl_transcript_view_set_playing (TlTranscriptView *self, gboolean playing)
{
  g_return_if_fail (TL_IS_TRANSCRIPT_VIEW (self));
  self->playing = !!playing;
  tl_transcript_view_update_follow_button (self);
}

/**
 * tl_transcript_view_show_hit:
 * @index: the line of the hit
 * @terms: (nullable): the search's terms, marked in the lines until a
 *   find or another hit replaces them (a trailing `*` marks a prefix)
 *
 * Opens a library search's hit: its line selected (the player goes
 * there), current, in the middle of the list.
 */
void
tl_transcript_view_show_hit (TlTranscriptView *self, guint index, const char *const *terms)
{
  GPtrArray *folded;

  g_return_if_fail (TL_IS_TRANSCRIPT_VIEW (self));
  folded = g_ptr_array_new ();
  for (guint i = 0; terms && terms[i]; i++)
    g_ptr_array_add (folded, g_utf8_casefold (terms[i], -1));
  g_ptr_array_add (folded, NULL);
  g_strfreev (self->search_terms);
  self->search_terms = (char **) g_ptr_array_free (folded, FALSE);
  /* the search's marks replace find's */
  if (self->find_text)
    gtk_editable_set_text (GTK_EDITABLE (self->find_entry), "");
  g_clear_pointer (&self->find_text, g_free);
  self->find_current = -1;
  tl_transcript_view_find_update_count (self, -1, 0);
  tl_transcript_view_refresh_rows (self);
  if (index >= g_list_model_get_n_items (G_LIST_MODEL (self->segments)))
    return;
  /* an untimed line (an article's paragraph) is current only this way */
  set_current (self, index);
  tl_transcript_view_go_to_line (self, index);
}
