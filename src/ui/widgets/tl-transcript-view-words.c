/* tl-transcript-view-words.c: the transcript word by word. The word being
 * said is found by binary search in the current line and drawn behind it
 * (one row drawn again, nothing laid out again); a click on a word goes
 * there; a drag over words, Shift+click and Shift+Left/Right select a run
 * of words, which a topic's key makes a clip of. A click beside the words
 * (the time, the margin) is the list's: it selects the line, as ever. */
#include "config.h"

#include <glib/gi18n.h>

#include "tl-transcript-row.h"
#include "tl-transcript-view-private.h"

/* Words are ordered by line, then by their place in it. */
static int
compare_words (int line_a, int word_a, int line_b, int word_b)
{
  if (line_a != line_b)
    return line_a < line_b ? -1 : 1;
  return word_a < word_b ? -1 : word_a > word_b;
}

static guint
line_n_words (TlTranscriptView *self, guint line)
{
  TlSegment *segment = tl_transcript_view_get_segment (self, line);

  return segment ? tl_words_count_text (tl_segment_get_text (segment)) : 0;
}

/* Marks the words of the row showing line @index: the word being said,
 * the part of the word selection in it, the word with the focus. */
void
tl_transcript_view_bind_words (TlTranscriptView *self, GtkWidget *row, guint index)
{
  guint first_line, first_word, last_line, last_word;
  int first = -1, last = -1;
  int cursor = (int) index == self->cursor_line ? self->cursor_word : -1;
  int spoken = (int) index == self->current ? self->spoken_word : -1;

  if (tl_transcript_view_get_word_range (self, &first_line, &first_word, &last_line, &last_word)
      && index >= first_line && index <= last_line)
    {
      first = index == first_line ? (int) first_word : 0;
      last = index == last_line ? (int) last_word : G_MAXINT;
    }
  tl_transcript_row_set_words (TL_TRANSCRIPT_ROW (row), spoken, first, last, cursor);
}

/* Marks the words again in every row on screen. */
void
tl_transcript_view_refresh_words (TlTranscriptView *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    tl_transcript_view_bind_words (self, gtk_list_item_get_child (item), gtk_list_item_get_position (item));
}

static void
refresh_line (TlTranscriptView *self, int line)
{
  GtkWidget *row = line >= 0 ? tl_transcript_view_bound_row (self, line) : NULL;

  if (row)
    tl_transcript_view_bind_words (self, row, line);
}

/**
 * tl_transcript_view_update_spoken:
 *
 * The word being said at @position in the current line, lit; called at
 * every position the player reports (each frame while it plays), so it
 * finds the word by binary search and draws only the current row again.
 */
void
tl_transcript_view_update_spoken (TlTranscriptView *self, gint64 position)
{
  TlSegment *segment = self->current >= 0 ? tl_transcript_view_get_segment (self, self->current) : NULL;
  int word = -1;

  if (segment && tl_segment_get_start (segment) >= 0 && tl_segment_get_word_timing (segment) != TL_WORD_TIMING_NONE)
    word = tl_segment_find_word (segment, position);
  if (word == self->spoken_word)
    return;
  self->spoken_word = word;
  refresh_line (self, self->current);
}

/* No word with the focus, none selected. */
void
tl_transcript_view_clear_words (TlTranscriptView *self)
{
  gboolean had = self->cursor_line >= 0 || self->anchor_line >= 0;

  self->cursor_line = self->cursor_word = -1;
  self->anchor_line = self->anchor_word = -1;
  self->press_line = -1;
  if (had)
    tl_transcript_view_refresh_words (self);
}

/* Lines stay selected only while no word is: a word selection shows as
 * itself, and a topic's key makes it a clip. */
static void
unselect_lines (TlTranscriptView *self)
{
  gboolean was_quiet = self->quiet;

  self->quiet = TRUE;
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  self->quiet = was_quiet;
}

static void
select_line_quietly (TlTranscriptView *self, guint line)
{
  gboolean was_quiet = self->quiet;

  self->quiet = TRUE;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), line, TRUE);
  self->quiet = was_quiet;
}

/**
 * tl_transcript_view_set_word_cursor:
 *
 * Gives word @word of line @line the focus (the line is selected, no word
 * is), as a click on it does, without going there.
 */
void
tl_transcript_view_set_word_cursor (TlTranscriptView *self, guint line, guint word)
{
  g_return_if_fail (TL_IS_TRANSCRIPT_VIEW (self));
  if (line >= tl_transcript_view_get_n_segments (self) || word >= line_n_words (self, line))
    return;
  self->cursor_line = line;
  self->cursor_word = word;
  self->anchor_line = self->anchor_word = -1;
  select_line_quietly (self, line);
  tl_transcript_view_refresh_words (self);
  g_signal_emit (self, tl_transcript_view_signals[TL_TRANSCRIPT_VIEW_SIGNAL_SELECTION_CHANGED], 0);
}

/**
 * tl_transcript_view_select_words:
 *
 * Selects the words from word @first_word of line @first_line to word
 * @last_word of line @last_line (either way round); the focus goes to the
 * last. Lines are no longer selected.
 */
void
tl_transcript_view_select_words (TlTranscriptView *self, guint first_line, guint first_word, guint last_line,
                                 guint last_word)
{
  guint n;

  g_return_if_fail (TL_IS_TRANSCRIPT_VIEW (self));
  n = tl_transcript_view_get_n_segments (self);
  if (first_line >= n || last_line >= n || first_word >= line_n_words (self, first_line)
      || last_word >= line_n_words (self, last_line))
    return;
  self->anchor_line = first_line;
  self->anchor_word = first_word;
  self->cursor_line = last_line;
  self->cursor_word = last_word;
  unselect_lines (self);
  tl_transcript_view_refresh_words (self);
  g_signal_emit (self, tl_transcript_view_signals[TL_TRANSCRIPT_VIEW_SIGNAL_SELECTION_CHANGED], 0);
}

/**
 * tl_transcript_view_get_word_range:
 *
 * Returns: whether words are selected; the first and last of them, in
 *   order, in (@first_line, @first_word) and (@last_line, @last_word)
 */
gboolean
tl_transcript_view_get_word_range (TlTranscriptView *self, guint *first_line, guint *first_word, guint *last_line,
                                   guint *last_word)
{
  gboolean forwards;

  g_return_val_if_fail (TL_IS_TRANSCRIPT_VIEW (self), FALSE);
  if (self->anchor_line < 0 || self->cursor_line < 0)
    return FALSE;
  forwards = compare_words (self->anchor_line, self->anchor_word, self->cursor_line, self->cursor_word) <= 0;
  *first_line = forwards ? self->anchor_line : self->cursor_line;
  *first_word = forwards ? self->anchor_word : self->cursor_word;
  *last_line = forwards ? self->cursor_line : self->anchor_line;
  *last_word = forwards ? self->cursor_word : self->anchor_word;
  return TRUE;
}

/* Returns: whether a word has the focus; which, in @line and @word */
gboolean
tl_transcript_view_get_word_cursor (TlTranscriptView *self, guint *line, guint *word)
{
  g_return_val_if_fail (TL_IS_TRANSCRIPT_VIEW (self), FALSE);
  if (self->cursor_line < 0)
    return FALSE;
  *line = self->cursor_line;
  *word = self->cursor_word;
  return TRUE;
}

/* Whether the keys of words (Shift+Left/Right) are the transcript's now:
 * a word has the focus, and so has the transcript. */
gboolean
tl_transcript_view_has_word_focus (TlTranscriptView *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (TL_IS_TRANSCRIPT_VIEW (self), FALSE);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  return self->cursor_line >= 0 && self->edit_line < 0 && focus
         && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list));
}

/* Moves the focus one word on (@delta 1) or back (-1), over lines without
 * words, and stretches the word selection to it. */
static gboolean
extend_by_word (TlTranscriptView *self, int delta)
{
  int line = self->cursor_line, word = self->cursor_word + delta;
  guint n = tl_transcript_view_get_n_segments (self);

  if (line < 0)
    return FALSE;
  while (word < 0 || word >= (int) line_n_words (self, line))
    {
      line += delta;
      if (line < 0 || line >= (int) n)
        return TRUE; /* the transcript's first or last word: nowhere to go */
      word = delta > 0 ? 0 : (int) line_n_words (self, line) - 1;
    }
  if (self->anchor_line < 0)
    {
      self->anchor_line = self->cursor_line;
      self->anchor_word = self->cursor_word;
    }
  self->cursor_line = line;
  self->cursor_word = word;
  unselect_lines (self);
  tl_transcript_view_refresh_words (self);
  tl_transcript_view_scroll_line (self, line, FALSE);
  g_signal_emit (self, tl_transcript_view_signals[TL_TRANSCRIPT_VIEW_SIGNAL_SELECTION_CHANGED], 0);
  return TRUE;
}

/**
 * tl_transcript_view_key:
 *
 * The keys of words, while the transcript has the focus: Shift+Left and
 * Shift+Right select word by word from the word with the focus, Escape
 * selects no word (the focus stays).
 *
 * Returns: whether @keyval was one
 */
gboolean
tl_transcript_view_key (TlTranscriptView *self, guint keyval, GdkModifierType state)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  if (self->cursor_line < 0 || self->edit_line >= 0)
    return FALSE;
  if (mods == GDK_SHIFT_MASK && (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left))
    return extend_by_word (self, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? 1 : -1);
  if (mods == GDK_SHIFT_MASK && (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right))
    return extend_by_word (self, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? -1 : 1);
  if (mods == 0 && keyval == GDK_KEY_Escape && self->anchor_line >= 0)
    {
      int line = self->cursor_line, word = self->cursor_word;

      tl_transcript_view_set_word_cursor (self, line, word);
      return TRUE;
    }
  return FALSE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *keys, guint keyval, guint keycode, GdkModifierType state,
                TlTranscriptView *self)
{
  return tl_transcript_view_key (self, keyval, state);
}

/* The row under (@x, @y) of the list, and the word there (-1: none). */
static GtkWidget *
row_at (TlTranscriptView *self, double x, double y, int *word)
{
  GtkWidget *widget = gtk_widget_pick (GTK_WIDGET (self->list), x, y, GTK_PICK_DEFAULT);
  double rx, ry;

  *word = -1;
  while (widget && !TL_IS_TRANSCRIPT_ROW (widget))
    {
      if (widget == GTK_WIDGET (self->list))
        return NULL;
      widget = gtk_widget_get_parent (widget);
    }
  if (widget && gtk_widget_translate_coordinates (GTK_WIDGET (self->list), widget, x, y, &rx, &ry))
    *word = tl_transcript_row_word_at (TL_TRANSCRIPT_ROW (widget), rx, ry);
  return widget;
}

static gboolean
in_editor (TlTranscriptView *self, double x, double y)
{
  GtkWidget *widget = gtk_widget_pick (GTK_WIDGET (self->list), x, y, GTK_PICK_DEFAULT);

  return self->editor && widget && (widget == self->editor || gtk_widget_is_ancestor (widget, self->editor));
}

/**
 * tl_transcript_view_press:
 * @x: the list's coordinates
 *
 * What a press on the lines does: on a word (without Ctrl), the word's
 * (focus and going there, Shift: selecting to it, a double press:
 * correcting the line); the secondary button opens the line's menu.
 *
 * Returns: whether the press was the view's; the list's otherwise (it
 *   selects lines)
 */
gboolean
tl_transcript_view_press (TlTranscriptView *self, int n_press, guint button, GdkModifierType state, double x,
                          double y)
{
  GtkWidget *row;
  int word, line;

  self->press_line = -1;
  if (in_editor (self, x, y))
    return FALSE;
  row = row_at (self, x, y, &word);
  line = row ? tl_transcript_view_row_line (self, row) : -1;
  if (line < 0)
    return FALSE;
  if (button == GDK_BUTTON_SECONDARY)
    {
      /* the menu acts on the line clicked: the focus goes there first */
      if (word >= 0 && !(self->anchor_line >= 0 && line >= MIN (self->anchor_line, self->cursor_line)
                         && line <= MAX (self->anchor_line, self->cursor_line)))
        tl_transcript_view_set_word_cursor (self, line, word);
      else if (word < 0)
        {
          tl_transcript_view_clear_words (self);
          select_line_quietly (self, line);
        }
      tl_transcript_view_show_menu (self, line, x, y);
      return TRUE;
    }
  /* beside the words, or Ctrl+click: the list's, for lines */
  if (button != GDK_BUTTON_PRIMARY || word < 0 || (state & GDK_CONTROL_MASK))
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->list));
  if (n_press == 2)
    {
      tl_transcript_view_edit_line (self, line, word);
      return TRUE;
    }
  if ((state & GDK_SHIFT_MASK) && self->cursor_line >= 0)
    {
      if (self->anchor_line < 0)
        {
          self->anchor_line = self->cursor_line;
          self->anchor_word = self->cursor_word;
        }
      tl_transcript_view_select_words (self, self->anchor_line, self->anchor_word, line, word);
      return TRUE;
    }
  self->press_line = line;
  self->press_word = word;
  self->dragged = FALSE;
  tl_transcript_view_set_word_cursor (self, line, word);
  g_signal_emit (self, tl_transcript_view_signals[TL_TRANSCRIPT_VIEW_SIGNAL_WORD_PICKED], 0, (guint) line,
                 (guint) word);
  return TRUE;
}

/* The pointer, pressed on a word, is at (@x, @y) of the list: the words
 * from the one pressed to the one there are selected. */
void
tl_transcript_view_drag_to (TlTranscriptView *self, double x, double y)
{
  GtkWidget *row;
  int word, line;

  if (self->press_line < 0)
    return;
  row = row_at (self, x, y, &word);
  line = row ? tl_transcript_view_row_line (self, row) : -1;
  if (line < 0 || word < 0)
    return;
  if (!self->dragged && line == self->press_line && word == self->press_word)
    return;
  if (self->dragged && line == self->cursor_line && word == self->cursor_word)
    return;
  self->dragged = TRUE;
  tl_transcript_view_select_words (self, self->press_line, self->press_word, line, word);
}

void
tl_transcript_view_release (TlTranscriptView *self)
{
  self->press_line = -1;
}

static void
on_pressed (GtkGestureClick *click, int n_press, double x, double y, TlTranscriptView *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (click));
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (click));

  if (tl_transcript_view_press (self, n_press, button, state, x, y))
    gtk_gesture_set_state (GTK_GESTURE (click), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_drag_update (GtkGestureDrag *drag, double dx, double dy, TlTranscriptView *self)
{
  double x, y;

  if (gtk_gesture_drag_get_start_point (drag, &x, &y))
    tl_transcript_view_drag_to (self, x + dx, y + dy);
}

static void
on_drag_end (GtkGestureDrag *drag, double dx, double dy, TlTranscriptView *self)
{
  tl_transcript_view_release (self);
}

/**
 * tl_transcript_view_word_point:
 * @x: (out): the list's coordinates
 *
 * Returns: whether word @word of line @line shows (its row is bound); its
 *   middle then in (@x, @y)
 */
gboolean
tl_transcript_view_word_point (TlTranscriptView *self, guint line, guint word, double *x, double *y)
{
  GtkWidget *row = tl_transcript_view_bound_row (self, line);
  double rx, ry;

  return row && tl_transcript_row_word_point (TL_TRANSCRIPT_ROW (row), word, &rx, &ry)
         && gtk_widget_translate_coordinates (row, GTK_WIDGET (self->list), rx, ry, x, y);
}

void
tl_transcript_view_words_init (TlTranscriptView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->spoken_word = -1;
  self->cursor_line = self->cursor_word = -1;
  self->anchor_line = self->anchor_word = -1;
  self->press_line = -1;

  /* before the rows see the press: a press on a word is ours */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (click), "word-click");
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), GTK_EVENT_CONTROLLER (click));
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), GTK_EVENT_CONTROLLER (drag));
  gtk_gesture_group (click, drag);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
