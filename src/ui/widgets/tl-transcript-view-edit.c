/* tl-transcript-view-edit.c: corrections in place. Double-click a word or
 * F2 and the line's words become a text field: Enter keeps the text,
 * Escape leaves it as it was, Ctrl+Return splits the line at the text
 * cursor. Ctrl+Return outside it splits before the word with the focus,
 * Ctrl+J merges a line with the next; a line's menu (right click, Menu,
 * Shift+F10) also sets its speaker and renames a speaker for the whole
 * source, and a menu under the lines shows one speaker's lines only. The
 * view only asks (its signals): the window makes each change through the
 * library (one undoable step) and shows the lines again, and only the
 * lines that changed are replaced. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tl-name-dialog.h"
#include "tl-transcript-row.h"
#include "tl-transcript-view-private.h"

/* The line a correction applies to: the one with the word that has the
 * focus, else the first selected line; -1 when there is none. */
int
tl_transcript_view_get_focus_line (TlTranscriptView *self)
{
  guint first, last;

  g_return_val_if_fail (TL_IS_TRANSCRIPT_VIEW (self), -1);
  if (self->edit_line >= 0)
    return self->edit_line;
  if (self->cursor_line >= 0)
    return self->cursor_line;
  if (tl_transcript_view_get_selected_range (self, &first, &last))
    return first;
  return -1;
}

static char *
editor_text (TlTranscriptView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* a line is one line: a newline pasted in is a space */
  g_strdelimit (text, "\r\n\t", ' ');
  return g_strstrip (text);
}

/* Puts the words back in the edited line's row. */
static void
close_editor (TlTranscriptView *self)
{
  GtkWidget *row = self->edit_line >= 0 ? tl_transcript_view_bound_row (self, self->edit_line) : NULL;
  gboolean had_focus = gtk_widget_has_focus (self->editor);

  self->edit_line = -1;
  if (row)
    tl_transcript_row_set_editor (TL_TRANSCRIPT_ROW (row), NULL);
  else if (gtk_widget_get_parent (self->editor))
    gtk_box_remove (GTK_BOX (gtk_widget_get_parent (self->editor)), self->editor);
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->list));
}

#define EDITOR_MARGIN_X 4
#define EDITOR_MARGIN_Y 2

/* A text view in a list row asks for no height of its own (GTK 4.8
 * measures it only once its text is laid out, which waits for a height):
 * the editor asks for its text's height at its width, and again as the
 * text grows or shrinks. */
static void
fit_editor (TlTranscriptView *self)
{
  g_autofree char *text = editor_text (self);
  PangoLayout *layout = gtk_widget_create_pango_layout (self->editor, *text ? text : " ");
  int width = gtk_widget_get_width (self->editor);
  int height;

  if (width <= 0)
    width = self->edit_width;
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, MAX (width - 2 * EDITOR_MARGIN_X, 1) * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &height);
  g_object_unref (layout);
  gtk_widget_set_size_request (self->editor, -1, height + 2 * EDITOR_MARGIN_Y);
}

static void
on_editor_changed (GtkTextBuffer *buffer, TlTranscriptView *self)
{
  if (self->edit_line >= 0)
    fit_editor (self);
}

/* Whether the text changed; then the view asks for it to be kept. */
static gboolean
commit_text (TlTranscriptView *self, guint line)
{
  g_autofree char *text = editor_text (self);
  TlSegment *segment = tl_transcript_view_get_segment (self, line);

  if (segment == NULL || g_strcmp0 (text, tl_segment_get_text (segment)) == 0)
    return FALSE;
  g_signal_emit (self, tl_transcript_view_signals[TL_TRANSCRIPT_VIEW_SIGNAL_EDIT_TEXT], 0, line, text);
  return TRUE;
}

/**
 * tl_transcript_view_commit_edit:
 *
 * Ends the correction of a line, keeping its text (the view emits
 * ::edit-text when it changed).
 */
void
tl_transcript_view_commit_edit (TlTranscriptView *self)
{
  int line;

  g_return_if_fail (TL_IS_TRANSCRIPT_VIEW (self));
  if ((line = self->edit_line) < 0)
    return;
  close_editor (self);
  commit_text (self, line);
}

/* Ends the correction of a line, leaving it as it was. */
void
tl_transcript_view_cancel_edit (TlTranscriptView *self)
{
  g_return_if_fail (TL_IS_TRANSCRIPT_VIEW (self));
  if (self->edit_line >= 0)
    close_editor (self);
}

/* Splits the edited line where the text cursor is: the words that start
 * before it stay, the others begin a new line. A changed text is kept
 * first (two steps to undo). */
static void
split_at_text_cursor (TlTranscriptView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  g_autofree char *text = editor_text (self);
  g_autofree char *before = NULL;
  g_autoptr(GArray) spans = NULL;
  GtkTextIter start, cursor;
  guint line = self->edit_line, word = 0;
  gsize cursor_byte;

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  before = gtk_text_buffer_get_text (buffer, &start, &cursor, FALSE);
  /* the text kept is stripped at its start as well */
  g_strdelimit (before, "\r\n\t", ' ');
  g_strchug (before);
  cursor_byte = strlen (before);
  spans = tl_words_split_text (text);
  while (word < spans->len && g_array_index (spans, TlWordSpan, word).offset < cursor_byte)
    word++;
  close_editor (self);
  commit_text (self, line);
  if (word > 0 && word < spans->len)
    g_signal_emit (self, tl_transcript_view_signals[TL_TRANSCRIPT_VIEW_SIGNAL_SPLIT_LINE], 0, line, word);
}

static gboolean
on_editor_key (GtkEventControllerKey *keys, guint keyval, guint keycode, GdkModifierType state,
               TlTranscriptView *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (mods == GDK_CONTROL_MASK)
        split_at_text_cursor (self);
      else if (mods == 0)
        tl_transcript_view_commit_edit (self);
      else
        return FALSE;
      return TRUE;
    case GDK_KEY_Escape:
      tl_transcript_view_cancel_edit (self);
      return TRUE;
    default:
      return FALSE;
    }
}

/* Leaving the field keeps what was typed, as every text field does. */
static void
on_editor_leave (GtkEventControllerFocus *focus, TlTranscriptView *self)
{
  if (self->edit_line >= 0 && gtk_widget_get_mapped (self->editor))
    tl_transcript_view_commit_edit (self);
}

/* The row showing line @index hosts the editor while it is corrected. */
void
tl_transcript_view_bind_editor (TlTranscriptView *self, GtkWidget *row, guint index)
{
  TlTranscriptRow *transcript_row = TL_TRANSCRIPT_ROW (row);

  if ((int) index == self->edit_line)
    tl_transcript_row_set_editor (transcript_row, self->editor);
  else if (tl_transcript_row_get_editor (transcript_row))
    tl_transcript_row_set_editor (transcript_row, NULL);
}

/**
 * tl_transcript_view_edit_line:
 * @line: the line, or -1 for the line with the focus
 * @word: the word the text cursor goes to, or -1 for the line's end
 *
 * Shows the line's text in a field to correct it.
 */
void
tl_transcript_view_edit_line (TlTranscriptView *self, int line, int word)
{
  GtkTextBuffer *buffer;
  TlSegment *segment;
  GtkWidget *row;
  GtkTextIter at;

  g_return_if_fail (TL_IS_TRANSCRIPT_VIEW (self));
  if (line < 0)
    {
      line = tl_transcript_view_get_focus_line (self);
      if (line >= 0 && line == self->cursor_line && word < 0)
        word = self->cursor_word;
    }
  segment = line >= 0 ? tl_transcript_view_get_segment (self, line) : NULL;
  if (segment == NULL)
    return;
  if (self->edit_line >= 0)
    tl_transcript_view_commit_edit (self);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  gtk_text_buffer_set_text (buffer, tl_segment_get_text (segment), -1);
  self->edit_line = line;
  row = tl_transcript_view_bound_row (self, line);
  if (row && word >= 0)
    gtk_text_buffer_get_iter_at_offset (buffer, &at,
                                        g_utf8_pointer_to_offset (tl_segment_get_text (segment),
                                                                  tl_segment_get_text (segment)
                                                                    + tl_transcript_row_word_offset (
                                                                      TL_TRANSCRIPT_ROW (row), word)));
  else
    gtk_text_buffer_get_end_iter (buffer, &at);
  gtk_text_buffer_place_cursor (buffer, &at);
  self->edit_width = row ? tl_transcript_row_get_text_width (TL_TRANSCRIPT_ROW (row)) : 400;
  fit_editor (self);
  if (row)
    tl_transcript_row_set_editor (TL_TRANSCRIPT_ROW (row), self->editor);
  tl_transcript_view_scroll_line (self, line, FALSE);
  gtk_widget_grab_focus (self->editor);
}

/* Returns: the line being corrected, or -1 */
int
tl_transcript_view_get_edit_line (TlTranscriptView *self)
{
  g_return_val_if_fail (TL_IS_TRANSCRIPT_VIEW (self), -1);
  return self->edit_line;
}

/* Returns: (transfer none): the field a line is corrected in */
GtkWidget *
tl_transcript_view_get_editor (TlTranscriptView *self)
{
  g_return_val_if_fail (TL_IS_TRANSCRIPT_VIEW (self), NULL);
  return self->editor;
}

/* Splits the line with the focused word before that word. */
static void
split_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  TlTranscriptView *self = TL_TRANSCRIPT_VIEW (widget);

  if (self->edit_line >= 0)
    split_at_text_cursor (self);
  else if (self->cursor_line >= 0 && self->cursor_word > 0)
    g_signal_emit (self, tl_transcript_view_signals[TL_TRANSCRIPT_VIEW_SIGNAL_SPLIT_LINE], 0,
                   (guint) self->cursor_line, (guint) self->cursor_word);
  else
    gtk_widget_error_bell (widget);
}

static void
merge_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  TlTranscriptView *self = TL_TRANSCRIPT_VIEW (widget);
  int line;

  if (self->edit_line >= 0)
    tl_transcript_view_commit_edit (self);
  line = tl_transcript_view_get_focus_line (self);
  if (line >= 0 && (guint) line + 1 < tl_transcript_view_get_n_segments (self))
    g_signal_emit (self, tl_transcript_view_signals[TL_TRANSCRIPT_VIEW_SIGNAL_MERGE_LINES], 0, (guint) line);
  else
    gtk_widget_error_bell (widget);
}

static void
edit_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  tl_transcript_view_edit_line (TL_TRANSCRIPT_VIEW (widget), -1, -1);
}

/* Speakers */

typedef struct {
  TlTranscriptView *view;
  guint line;
  char *old_name;
} SpeakerRequest;

static void
speaker_request_free (gpointer data)
{
  SpeakerRequest *request = data;

  g_object_unref (request->view);
  g_free (request->old_name);
  g_free (request);
}

static void
on_speaker_named (const char *name, gpointer user_data)
{
  SpeakerRequest *request = user_data;
  g_autofree char *clean = g_strstrip (g_strdup (name));

  g_signal_emit (request->view, tl_transcript_view_signals[TL_TRANSCRIPT_VIEW_SIGNAL_SET_SPEAKER], 0,
                 request->line, clean);
}

static void
on_speaker_renamed (const char *name, gpointer user_data)
{
  SpeakerRequest *request = user_data;
  g_autofree char *clean = g_strstrip (g_strdup (name));

  if (*clean == '\0' || g_strcmp0 (clean, request->old_name) == 0)
    return;
  g_signal_emit (request->view, tl_transcript_view_signals[TL_TRANSCRIPT_VIEW_SIGNAL_RENAME_SPEAKER], 0,
                 request->old_name, clean);
}

static SpeakerRequest *
speaker_request (TlTranscriptView *self, guint line)
{
  SpeakerRequest *request = g_new0 (SpeakerRequest, 1);
  TlSegment *segment = tl_transcript_view_get_segment (self, line);

  request->view = g_object_ref (self);
  request->line = line;
  request->old_name = g_strdup (segment ? tl_segment_get_speaker (segment) : NULL);
  return request;
}

static void
set_speaker_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  TlTranscriptView *self = TL_TRANSCRIPT_VIEW (widget);
  int line = tl_transcript_view_get_focus_line (self);
  SpeakerRequest *request;

  if (line < 0)
    return;
  request = speaker_request (self, line);
  /* TRANSLATORS: a dialog's heading; an empty name takes the speaker away */
  tl_ask_name (widget, _("Speaker of This Line"), _("_Set"), request->old_name, on_speaker_named, request,
               speaker_request_free);
}

static void
rename_speaker_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  TlTranscriptView *self = TL_TRANSCRIPT_VIEW (widget);
  int line = tl_transcript_view_get_focus_line (self);
  g_autofree char *heading = NULL;
  SpeakerRequest *request;

  if (line < 0)
    return;
  request = speaker_request (self, line);
  if (request->old_name == NULL)
    {
      speaker_request_free (request);
      return;
    }
  /* TRANSLATORS: a dialog's heading: renames a speaker in every line of the source */
  heading = g_strdup_printf (_("Rename “%s” in This Source"), request->old_name);
  tl_ask_name (widget, heading, _("_Rename"), request->old_name, on_speaker_renamed, request, speaker_request_free);
}

/* Whether @segment shows under the speaker filter. */
gboolean
tl_transcript_view_line_shown (TlTranscriptView *self, TlSegment *segment)
{
  return self->shown_speaker == NULL || g_strcmp0 (tl_segment_get_speaker (segment), self->shown_speaker) == 0;
}

/**
 * tl_transcript_view_set_shown_speaker:
 * @speaker: (nullable): show only this speaker's lines; %NULL: all
 */
void
tl_transcript_view_set_shown_speaker (TlTranscriptView *self, const char *speaker)
{
  guint n, selected = 0;

  g_return_if_fail (TL_IS_TRANSCRIPT_VIEW (self));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->speakers));
  for (guint i = 1; speaker && i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->speakers, i), speaker) == 0)
      selected = i;
  if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->speaker_filter)) != selected)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->speaker_filter), selected);
  speaker = selected > 0 ? gtk_string_list_get_string (self->speakers, selected) : NULL;
  if (g_strcmp0 (speaker, self->shown_speaker) == 0)
    return;
  g_free (self->shown_speaker);
  self->shown_speaker = g_strdup (speaker);
  tl_transcript_view_refresh_rows (self);
}

const char *
tl_transcript_view_get_shown_speaker (TlTranscriptView *self)
{
  g_return_val_if_fail (TL_IS_TRANSCRIPT_VIEW (self), NULL);
  return self->shown_speaker;
}

static void
on_speaker_filter (GtkDropDown *drop_down, GParamSpec *pspec, TlTranscriptView *self)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  tl_transcript_view_set_shown_speaker (self,
                                        selected > 0 && selected != GTK_INVALID_LIST_POSITION
                                          ? gtk_string_list_get_string (self->speakers, selected)
                                          : NULL);
}

/* The source's speakers, in the order they first speak, in the filter;
 * the filter shows where there are two or more. */
void
tl_transcript_view_update_speakers (TlTranscriptView *self)
{
  guint n = tl_transcript_view_get_n_segments (self);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *shown = g_strdup (self->shown_speaker);

  for (guint i = 0; i < n; i++)
    {
      const char *speaker = tl_segment_get_speaker (tl_transcript_view_get_segment (self, i));

      if (speaker && g_hash_table_add (seen, (gpointer) speaker))
        g_ptr_array_add (names, (gpointer) speaker);
    }
  g_ptr_array_add (names, NULL);
  g_signal_handlers_block_by_func (self->speaker_filter, on_speaker_filter, self);
  gtk_string_list_splice (self->speakers, 1, g_list_model_get_n_items (G_LIST_MODEL (self->speakers)) - 1,
                          (const char *const *) names->pdata);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->speaker_filter), 0);
  g_signal_handlers_unblock_by_func (self->speaker_filter, on_speaker_filter, self);
  g_clear_pointer (&self->shown_speaker, g_free);
  /* a reload after an edit keeps the filter, if the speaker still speaks */
  if (shown && g_hash_table_contains (seen, shown))
    tl_transcript_view_set_shown_speaker (self, shown);
  gtk_widget_set_visible (self->speaker_bar, names->len > 2);
}

/* Whether two snapshots of a line show the same. */
static gboolean
same_line (TlSegment *a, TlSegment *b)
{
  return tl_segment_get_id (a) == tl_segment_get_id (b) && tl_segment_get_start (a) == tl_segment_get_start (b)
         && tl_segment_get_end (a) == tl_segment_get_end (b)
         && g_strcmp0 (tl_segment_get_text (a), tl_segment_get_text (b)) == 0
         && g_strcmp0 (tl_segment_get_speaker (a), tl_segment_get_speaker (b)) == 0
         && g_strcmp0 (tl_segment_get_flag (a), tl_segment_get_flag (b)) == 0
         && tl_segment_get_anchor (a) == tl_segment_get_anchor (b)
         && tl_segment_get_edited (a) == tl_segment_get_edited (b);
}

/* The source's lines again after an edit (a correction, a split, a
 * tap): only the lines that changed are replaced, so the list stays where
 * the editor reads and the rows of the others are not made again. */
void
tl_transcript_view_replace_changed_lines (TlTranscriptView *self, GPtrArray *segments)
{
  GListModel *model = G_LIST_MODEL (self->segments);
  guint old_n = g_list_model_get_n_items (model), new_n = segments ? segments->len : 0;
  guint prefix = 0, suffix = 0;

  while (prefix < old_n && prefix < new_n)
    {
      g_autoptr(TlSegment) old = g_list_model_get_item (model, prefix);
      if (!same_line (old, g_ptr_array_index (segments, prefix)))
        break;
      prefix++;
    }
  while (suffix < old_n - prefix && suffix < new_n - prefix)
    {
      g_autoptr(TlSegment) old = g_list_model_get_item (model, old_n - 1 - suffix);
      if (!same_line (old, g_ptr_array_index (segments, new_n - 1 - suffix)))
        break;
      suffix++;
    }
  if (prefix + suffix == old_n && old_n == new_n)
    return;
  g_list_store_splice (self->segments, prefix, old_n - prefix - suffix,
                       segments ? segments->pdata + prefix : NULL, new_n - prefix - suffix);
}

/* A line's menu */

/**
 * tl_transcript_view_show_menu:
 * @x: where, in the list's coordinates
 */
void
tl_transcript_view_show_menu (TlTranscriptView *self, guint line, double x, double y)
{
  TlSegment *segment = tl_transcript_view_get_segment (self, line);
  double vx, vy;

  if (segment == NULL)
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "transcript.split",
                                 (int) line == self->cursor_line && self->cursor_word > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "transcript.merge",
                                 line + 1 < tl_transcript_view_get_n_segments (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "transcript.rename-speaker",
                                 tl_segment_get_speaker (segment) != NULL);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self->list), GTK_WIDGET (self), x, y, &vx, &vy))
    vx = vy = 0;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) { (int) vx, (int) vy, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/* The menu of the line with the focus, from the keyboard: at its word. */
static void
menu_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  TlTranscriptView *self = TL_TRANSCRIPT_VIEW (widget);
  int line = tl_transcript_view_get_focus_line (self);
  double x = 0, y = 0;
  GtkWidget *row;

  if (line < 0)
    return;
  if (!(self->cursor_line == line && tl_transcript_view_word_point (self, line, self->cursor_word, &x, &y))
      && (row = tl_transcript_view_bound_row (self, line)) != NULL)
    gtk_widget_translate_coordinates (row, GTK_WIDGET (self->list), gtk_widget_get_width (row) / 4.0,
                                      gtk_widget_get_height (row) / 2.0, &x, &y);
  tl_transcript_view_show_menu (self, line, x, y);
}

static GMenuModel *
line_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) text = g_menu_new ();
  g_autoptr(GMenu) speakers = g_menu_new ();

  g_menu_append (text, _("Correct Text"), "transcript.edit");
  g_menu_append (text, _("Split Line Before This Word"), "transcript.split");
  g_menu_append (text, _("Merge With Next Line"), "transcript.merge");
  g_menu_append (speakers, _("Set Speaker…"), "transcript.set-speaker");
  g_menu_append (speakers, _("Rename Speaker…"), "transcript.rename-speaker");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (text));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (speakers));
  return G_MENU_MODEL (menu);
}

void
tl_transcript_view_edit_class_init (GtkWidgetClass *widget_class)
{
  GType type = G_TYPE_FROM_CLASS (widget_class);

  /**
   * TlTranscriptView::word-picked:
   * @line: the line
   * @word: the word in it, from 0
   *
   * The editor clicked a word: the player goes to it.
   */
  tl_transcript_view_signals[TL_TRANSCRIPT_VIEW_SIGNAL_WORD_PICKED] = g_signal_new ("word-picked", type,
                                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                                                 2, G_TYPE_UINT, G_TYPE_UINT);
  /**
   * TlTranscriptView::edit-text:
   * @line: the line
   * @text: its corrected text
   *
   * The editor corrected a line's text (and pressed Enter).
   */
  tl_transcript_view_signals[TL_TRANSCRIPT_VIEW_SIGNAL_EDIT_TEXT] = g_signal_new ("edit-text", type,
                                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                                               2, G_TYPE_UINT, G_TYPE_STRING);
  /**
   * TlTranscriptView::split-line:
   * @line: the line
   * @word: the word the new line starts with
   */
  tl_transcript_view_signals[TL_TRANSCRIPT_VIEW_SIGNAL_SPLIT_LINE] = g_signal_new ("split-line", type,
                                                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                                                2, G_TYPE_UINT, G_TYPE_UINT);
  /**
   * TlTranscriptView::merge-lines:
   * @line: the line that the next is to join
   */
  tl_transcript_view_signals[TL_TRANSCRIPT_VIEW_SIGNAL_MERGE_LINES] = g_signal_new ("merge-lines", type,
                                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                                                 1, G_TYPE_UINT);
  /**
   * TlTranscriptView::set-speaker:
   * @line: the line
   * @speaker: its speaker, "" for none
   */
  tl_transcript_view_signals[TL_TRANSCRIPT_VIEW_SIGNAL_SET_SPEAKER] = g_signal_new ("set-speaker", type,
                                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                                                 2, G_TYPE_UINT, G_TYPE_STRING);
  /**
   * TlTranscriptView::rename-speaker:
   * @old_name: a speaker of the source
   * @new_name: the name it is to have in all its lines
   */
  tl_transcript_view_signals[TL_TRANSCRIPT_VIEW_SIGNAL_RENAME_SPEAKER] = g_signal_new ("rename-speaker", type,
                                                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                                    G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  gtk_widget_class_install_action (widget_class, "transcript.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "transcript.split", NULL, split_activated);
  gtk_widget_class_install_action (widget_class, "transcript.merge", NULL, merge_activated);
  gtk_widget_class_install_action (widget_class, "transcript.set-speaker", NULL, set_speaker_activated);
  gtk_widget_class_install_action (widget_class, "transcript.rename-speaker", NULL, rename_speaker_activated);
  gtk_widget_class_install_action (widget_class, "transcript.menu", NULL, menu_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "transcript.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "transcript.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "transcript.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "transcript.split", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, GDK_CONTROL_MASK, "transcript.merge", NULL);
}

void
tl_transcript_view_edit_init (TlTranscriptView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autoptr(GMenuModel) menu = line_menu ();

  self->edit_line = -1;
  self->editor = g_object_ref_sink (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->editor), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->editor), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->editor), EDITOR_MARGIN_X);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->editor), EDITOR_MARGIN_X);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->editor), EDITOR_MARGIN_Y);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->editor), EDITOR_MARGIN_Y);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor)), "changed",
                    G_CALLBACK (on_editor_changed), self);
  gtk_widget_add_css_class (self->editor, "line-editor");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The line’s text"), -1);
  gtk_widget_set_tooltip_text (self->editor,
                               _("Enter keeps the text, Escape leaves it as it was, Ctrl+Enter splits the line here"));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_editor_key), self);
  gtk_widget_add_controller (self->editor, keys);
  g_signal_connect (focus, "leave", G_CALLBACK (on_editor_leave), self);
  gtk_widget_add_controller (self->editor, focus);

  self->speakers = gtk_string_list_new ((const char *const[]) { _("All Speakers"), NULL });
  self->speaker_filter = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->speakers)), NULL);
  gtk_widget_set_tooltip_text (self->speaker_filter, _("Show one speaker’s lines only"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->speaker_filter), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Speaker"), -1);
  g_signal_connect (self->speaker_filter, "notify::selected", G_CALLBACK (on_speaker_filter), self);
  /* under the lines, beside the button that follows playback again */
  self->speaker_bar = gtk_action_bar_new ();
  gtk_action_bar_pack_start (GTK_ACTION_BAR (self->speaker_bar), self->speaker_filter);
  gtk_widget_set_visible (self->speaker_bar, FALSE);
  gtk_box_append (GTK_BOX (self->lines_box), self->speaker_bar);

  /* a popover takes no room: it goes beside the find bar, before the lines */
  self->menu = gtk_popover_menu_new_from_model (menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_widget_insert_after (self->menu, GTK_WIDGET (self), self->find_bar);
}

void
tl_transcript_view_edit_dispose (TlTranscriptView *self)
{
  if (self->editor)
    {
      GtkWidget *parent = gtk_widget_get_parent (self->editor);

      self->edit_line = -1;
      if (parent)
        gtk_box_remove (GTK_BOX (parent), self->editor);
    }
  g_clear_object (&self->editor);
  g_clear_object (&self->speakers);
  g_clear_pointer (&self->shown_speaker, g_free);
  if (self->menu)
    gtk_widget_unparent (self->menu);
  self->menu = NULL;
}
