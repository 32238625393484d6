/* tl-clip-editor.c: the tag panel's clip editor: the selected clip's
 * times (trimmed with the window's actions), loop and delete, stars,
 * topics, title and note; with several clips selected, what acts on all
 * of them. Typing is kept soon after the last key. */
#include "tl-tag-panel-private.h"

#include <glib/gi18n.h>

gboolean
tl_tag_panel_clip_has_topic (TlClip *clip, TlTopic *topic)
{
  return g_strv_contains (tl_clip_get_topics (clip), tl_topic_get_name (topic));
}

static void on_topic_toggled (GtkToggleButton *toggle, TlTagPanel *self);

/* A toggle's dot in its topic's colour: filled when the clip has it. */
static void
show_toggle_state (GtkWidget *toggle)
{
  GtkWidget *dot = gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (toggle)));
  gboolean on = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle));
  g_autofree char *markup = g_markup_printf_escaped ("<span foreground=\"%s\">%s</span>",
                                                     (const char *) g_object_get_data (G_OBJECT (toggle), "color"),
                                                     on ? "●" : "○");

  gtk_label_set_markup (GTK_LABEL (dot), markup);
}

/* One toggle per topic, pressed when the clip has it. They are made again
 * only when the topics change, so that the one just pressed keeps the
 * keyboard focus. */
static void
update_topic_toggles (TlTagPanel *self, TlClip *clip)
{
  g_autoptr(GString) made_for = g_string_new (NULL);
  GtkWidget *child;

  for (guint i = 0; tl_tag_panel_get_topics (self) && i < tl_tag_panel_get_topics (self)->len; i++)
    {
      TlTopic *topic = g_ptr_array_index (tl_tag_panel_get_topics (self), i);
      g_string_append_printf (made_for, "%" G_GINT64_FORMAT ":%s\n", tl_topic_get_id (topic), tl_topic_get_name (topic));
    }
  if (g_strcmp0 (made_for->str, self->toggles_made_for) != 0)
    {
      g_free (self->toggles_made_for);
      self->toggles_made_for = g_strdup (made_for->str);
      while ((child = gtk_widget_get_first_child (self->topic_toggles)))
        gtk_flow_box_remove (GTK_FLOW_BOX (self->topic_toggles), child);
      for (guint i = 0; tl_tag_panel_get_topics (self) && i < tl_tag_panel_get_topics (self)->len; i++)
        {
          TlTopic *topic = g_ptr_array_index (tl_tag_panel_get_topics (self), i);
          GtkWidget *toggle = gtk_toggle_button_new ();
          GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
          GtkWidget *name = gtk_label_new (tl_topic_get_name (topic));
          g_autofree char *tip = g_strdup_printf (_("Tag the clip with %s"), tl_topic_get_name (topic));

          gtk_box_append (GTK_BOX (content), gtk_label_new (NULL));
          gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
          gtk_box_append (GTK_BOX (content), name);
          gtk_button_set_child (GTK_BUTTON (toggle), content);
          g_object_set_data_full (G_OBJECT (toggle), "color", g_strdup (tl_topic_get_color (topic)), g_free);
          gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          tl_topic_get_name (topic), -1);
          gtk_widget_set_tooltip_text (toggle, tip);
          gtk_widget_add_css_class (toggle, "topic-toggle");
          g_object_set_data (G_OBJECT (toggle), "topic-id", GINT_TO_POINTER ((gint) tl_topic_get_id (topic)));
          g_signal_connect (toggle, "toggled", G_CALLBACK (on_topic_toggled), self);
          gtk_flow_box_append (GTK_FLOW_BOX (self->topic_toggles), toggle);
          /* one stop for the keyboard: the toggle, not the box's cell around it */
          gtk_widget_set_focusable (gtk_widget_get_parent (toggle), FALSE);
        }
    }
  for (child = gtk_widget_get_first_child (self->topic_toggles); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *toggle = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      TlTopic *topic = tl_tag_panel_topic_by_id (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toggle), "topic-id")));

      if (topic && clip)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), tl_tag_panel_clip_has_topic (clip, topic));
      show_toggle_state (toggle);
    }
}

/* The editor: the fields of the one selected clip, or, with several
 * selected, what can be done to all of them. */
void
tl_tag_panel_show_editor (TlTagPanel *self, TlClip *clip)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->note_view));
  g_autofree char *range = NULL;
  guint n = clip ? 1 : tl_tag_panel_n_selected (self);

  /* what was typed for the previous clip is kept first */
  if (clip == NULL || tl_clip_get_id (clip) != self->editing_clip)
    tl_tag_panel_flush_typing (self);
  self->loading = TRUE;
  gtk_widget_set_visible (self->editor_scroller, n > 0);
  gtk_widget_set_visible (self->single_fields, clip != NULL);
  gtk_widget_set_visible (self->loop_button, clip != NULL);
  self->editing_clip = clip ? tl_clip_get_id (clip) : 0;
  if (clip == NULL)
    {
      if (n > 1)
        {
          g_autofree char *several = g_strdup_printf (ngettext ("%u clip selected", "%u clips selected", n), n);
          gtk_label_set_text (GTK_LABEL (self->range_label), several);
        }
      gtk_widget_set_tooltip_text (self->delete_button, _("Delete the Selected Clips (Delete)"));
      self->loading = FALSE;
      return;
    }
  gtk_widget_set_tooltip_text (self->delete_button, _("Delete the Clip (Delete)"));
  range = tl_tag_panel_format_range (self, clip);
  gtk_label_set_text (GTK_LABEL (self->range_label), range);
  /* set only what differs: a reload after saving must not move the cursor */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)),
                 tl_clip_get_title (clip) ? tl_clip_get_title (clip) : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->title_entry), tl_clip_get_title (clip) ? tl_clip_get_title (clip) : "");
  {
    GtkTextIter start, end;
    g_autofree char *shown = NULL;
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    if (g_strcmp0 (shown, tl_clip_get_note (clip) ? tl_clip_get_note (clip) : "") != 0)
      gtk_text_buffer_set_text (buffer, tl_clip_get_note (clip) ? tl_clip_get_note (clip) : "", -1);
  }
  for (guint i = 0; i < 5; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->stars[i]), i < tl_clip_get_rating (clip));
  update_topic_toggles (self, clip);
  self->loading = FALSE;
}

/**
 * tl_tag_panel_editor_set_writable:
 *
 * A clip of a read-only library is shown, not edited: its fields can be
 * read and copied, and nothing offers to change them.
 */
void
tl_tag_panel_editor_set_writable (TlTagPanel *self, gboolean writable)
{
  gtk_editable_set_editable (GTK_EDITABLE (self->title_entry), writable);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->note_view), writable);
  for (guint i = 0; i < 5; i++)
    gtk_widget_set_sensitive (self->stars[i], writable);
  gtk_widget_set_sensitive (self->topic_toggles, writable);
  gtk_widget_set_sensitive (self->delete_button, writable);
}

/* The clip the editor fields show (the selection may already have moved). */
static TlClip *
editing_clip (TlTagPanel *self)
{
  TlClip *clip = tl_tag_panel_get_selected_clip (self);

  return clip && tl_clip_get_id (clip) == self->editing_clip ? clip : NULL;
}

static void
commit_title (TlTagPanel *self)
{
  TlClip *clip = editing_clip (self);
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
  g_autoptr(GError) error = NULL;

  if (clip == NULL || self->loading || g_strcmp0 (title, tl_clip_get_title (clip) ? tl_clip_get_title (clip) : "") == 0)
    return;
  tl_library_set_clip_title (self->library, tl_clip_get_id (clip), title, &error);
  tl_tag_panel_report (self, error);
}

static void
commit_note (TlTagPanel *self)
{
  TlClip *clip = editing_clip (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->note_view));
  GtkTextIter start, end;
  g_autofree char *note = NULL;
  g_autoptr(GError) error = NULL;

  if (clip == NULL || self->loading)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (note, tl_clip_get_note (clip) ? tl_clip_get_note (clip) : "") == 0)
    return;
  tl_library_set_clip_note (self->library, tl_clip_get_id (clip), note, &error);
  tl_tag_panel_report (self, error);
}

/* Typing is kept 0.7 s after the last key: nothing typed is lost if the
 * app is killed, and a sentence is one undo step, not one per letter. */
void
tl_tag_panel_flush_typing (TlTagPanel *self)
{
  if (self->save_timeout == 0)
    return;
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  commit_title (self);
  commit_note (self);
}

static gboolean
on_save_timeout (gpointer user_data)
{
  TlTagPanel *self = user_data;

  self->save_timeout = 0;
  commit_title (self);
  commit_note (self);
  return G_SOURCE_REMOVE;
}

static void
on_typed (GObject *object, TlTagPanel *self)
{
  if (self->loading)
    return;
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  self->save_timeout = g_timeout_add (700, on_save_timeout, self);
}

static void
on_title_activate (GtkEntry *entry, TlTagPanel *self)
{
  commit_title (self);
}

static void
on_title_focus_leave (GtkEventControllerFocus *controller, TlTagPanel *self)
{
  commit_title (self);
}

static void
on_note_focus_leave (GtkEventControllerFocus *controller, TlTagPanel *self)
{
  commit_note (self);
}

static void
on_star_clicked (GtkButton *button, TlTagPanel *self)
{
  TlClip *clip = tl_tag_panel_get_selected_clip (self);
  guint rating = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "rating"));
  g_autoptr(GError) error = NULL;

  if (clip == NULL || self->loading)
    return;
  /* clicking the star of the current rating clears it */
  if (rating == tl_clip_get_rating (clip))
    rating = 0;
  tl_library_set_clip_rating (self->library, tl_clip_get_id (clip), rating, &error);
  tl_tag_panel_report (self, error);
}

static void
on_topic_toggled (GtkToggleButton *toggle, TlTagPanel *self)
{
  TlClip *clip = editing_clip (self);
  TlTopic *topic = tl_tag_panel_topic_by_id (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toggle), "topic-id")));
  gboolean on = gtk_toggle_button_get_active (toggle);
  g_autoptr(GError) error = NULL;

  show_toggle_state (GTK_WIDGET (toggle));
  if (clip == NULL || topic == NULL || self->loading || on == tl_tag_panel_clip_has_topic (clip, topic))
    return;
  if (!tl_library_set_clip_topic (self->library, tl_clip_get_id (clip), tl_topic_get_id (topic), on, &error))
    {
      /* the toggle shows what the clip has */
      self->loading = TRUE;
      gtk_toggle_button_set_active (toggle, !on);
      self->loading = FALSE;
      show_toggle_state (GTK_WIDGET (toggle));
    }
  tl_tag_panel_report (self, error);
}

GtkWidget *
tl_tag_panel_icon_button (GtkWidget *button, const char *icon, const char *tip, const char *name)
{
  gtk_button_set_icon_name (GTK_BUTTON (button), icon);
  gtk_widget_set_tooltip_text (button, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/* The editor, most used first: the clip's times with Loop and Delete, the
 * trim buttons, the stars, the topics, then title and note. */
GtkWidget *
tl_tag_panel_build_editor (TlTagPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *range_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *star_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *note_scroller = gtk_scrolled_window_new ();
  GtkEventController *focus;
  static const struct {
    const char *icon, *action, *tip;
  } trims[] = {
    { "go-first-symbolic", "win.clip-in-to-playhead", N_("Set In to the Play Position (Shift+I)") },
    { "go-previous-symbolic", "win.clip-nudge-in(-1)", N_("In One Frame Earlier") },
    { "go-next-symbolic", "win.clip-nudge-in(1)", N_("In One Frame Later") },
    { NULL, NULL, NULL },
    { "go-previous-symbolic", "win.clip-nudge-out(-1)", N_("Out One Frame Earlier") },
    { "go-next-symbolic", "win.clip-nudge-out(1)", N_("Out One Frame Later") },
    { "go-last-symbolic", "win.clip-out-to-playhead", N_("Set Out to the Play Position (Shift+O)") },
  };

  self->range_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->range_label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (self->range_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->range_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->range_label, TRUE);
  gtk_box_append (GTK_BOX (top), self->range_label);
  self->loop_button = tl_tag_panel_icon_button (gtk_toggle_button_new (), "media-playlist-repeat-symbolic", _("Loop the Clip"),
                                   _("Loop the clip"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->loop_button), "win.loop-clip");
  gtk_box_append (GTK_BOX (top), self->loop_button);
  self->delete_button = tl_tag_panel_icon_button (gtk_button_new (), "user-trash-symbolic", _("Delete the Clip (Delete)"),
                                     _("Delete the clip"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "tag.delete-clip");
  gtk_box_append (GTK_BOX (top), self->delete_button);
  gtk_box_append (GTK_BOX (box), top);

  self->single_fields = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  for (guint i = 0; i < G_N_ELEMENTS (trims); i++)
    {
      GtkWidget *button;
      if (trims[i].icon == NULL)
        {
          GtkWidget *spacer = gtk_label_new ("·");
          gtk_widget_set_hexpand (spacer, TRUE);
          gtk_box_append (GTK_BOX (range_row), spacer);
          continue;
        }
      button = tl_tag_panel_icon_button (gtk_button_new (), trims[i].icon, _(trims[i].tip), _(trims[i].tip));
      gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button), trims[i].action);
      gtk_box_append (GTK_BOX (range_row), button);
    }
  gtk_box_append (GTK_BOX (self->single_fields), range_row);

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *tip = g_strdup_printf (ngettext ("Rate %u Star", "Rate %u Stars", i + 1), i + 1);
      self->stars[i] = gtk_toggle_button_new_with_label ("★");
      gtk_widget_add_css_class (self->stars[i], "flat");
      gtk_widget_add_css_class (self->stars[i], "star");
      gtk_widget_set_tooltip_text (self->stars[i], tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->stars[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      g_object_set_data (G_OBJECT (self->stars[i]), "rating", GUINT_TO_POINTER (i + 1));
      g_signal_connect (self->stars[i], "clicked", G_CALLBACK (on_star_clicked), self);
      gtk_box_append (GTK_BOX (star_box), self->stars[i]);
    }
  gtk_box_append (GTK_BOX (self->single_fields), star_box);

  self->topic_toggles = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->topic_toggles), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->topic_toggles), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->topic_toggles), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->topic_toggles), 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->topic_toggles), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Topics of the clip"), -1);
  gtk_box_append (GTK_BOX (self->single_fields), self->topic_toggles);

  self->title_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->title_entry), _("Title"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Clip title"), -1);
  g_signal_connect (self->title_entry, "activate", G_CALLBACK (on_title_activate), self);
  g_signal_connect (self->title_entry, "changed", G_CALLBACK (on_typed), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_title_focus_leave), self);
  gtk_widget_add_controller (self->title_entry, focus);
  gtk_box_append (GTK_BOX (self->single_fields), self->title_entry);

  self->note_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->note_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->note_view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->note_view), 6);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->note_view)), "changed", G_CALLBACK (on_typed), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_note_focus_leave), self);
  gtk_widget_add_controller (self->note_view, focus);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (note_scroller), self->note_view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (note_scroller), 56);
  gtk_widget_add_css_class (note_scroller, "card");
  gtk_widget_set_tooltip_text (note_scroller, _("Note"));
  gtk_box_append (GTK_BOX (self->single_fields), note_scroller);
  gtk_box_append (GTK_BOX (box), self->single_fields);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 12);
  return box;
}
