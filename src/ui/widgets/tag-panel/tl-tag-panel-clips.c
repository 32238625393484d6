/* tl-tag-panel-clips.c: the tag panel's clips list: the clips of the
 * source (or, with All, of the whole library in the editor's own order,
 * loaded in a thread), each row a TlClipRow bound to a clip of the core's
 * clip list; several can be selected and deleted together; the list of
 * all clips is arranged by dragging or with Alt+Up and Alt+Down. */
#include "tl-tag-panel-private.h"

#include <glib/gi18n.h>

#include "tl-clip-row.h"

static TlTagPanel *
panel_of (GtkEventController *controller)
{
  return TL_TAG_PANEL (gtk_widget_get_ancestor (gtk_event_controller_get_widget (controller), TL_TYPE_TAG_PANEL));
}

/* Arranging: the list of all clips is in the editor's order */

/* Moves a clip in the library's arrangement; the list takes it out and
 * puts it back, and the selection goes with it. */
static void
move_clip (TlTagPanel *self, gint64 clip_id, gint64 before_id)
{
  g_autoptr(GArray) selected = tl_tag_panel_selected_ids (self);
  g_autoptr(GError) error = NULL;

  if (tl_library_move_clip (self->library, clip_id, before_id, &error))
    tl_tag_panel_select_ids (self, (const gint64 *) selected->data, selected->len);
  tl_tag_panel_report (self, error);
}

/* Moves the clip shown at @from in front of the one at @to (or, with @to
 * at the end of the list, after all of them). */
static void
move_clip_to (TlTagPanel *self, guint from, guint to)
{
  GListModel *model = tl_tag_panel_shown (self);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(TlClip) clip = NULL;
  g_autoptr(TlClip) before = NULL;

  if (!self->all_clips || from >= n || to > n || to == from || to == from + 1)
    return;
  clip = g_list_model_get_item (model, from);
  before = to < n ? g_list_model_get_item (model, to) : NULL;
  move_clip (self, tl_clip_get_id (clip), before ? tl_clip_get_id (before) : 0);
}

/* Whether the keyboard focus is in the clips list. */
static gboolean
list_has_focus (TlTagPanel *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  return focus != NULL && gtk_widget_is_ancestor (focus, self->clips_view);
}

/* After a move from the keyboard, the focus goes with the clip, so that
 * the arrows go on from where it is now (the move took the focused row
 * away). */
static void
focus_selected_row (TlTagPanel *self)
{
  guint selected = tl_tag_panel_single_selected (self);

  for (GtkWidget *row = gtk_widget_get_first_child (self->clips_view); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_widget_get_first_child (row);
      GtkListItem *item = child ? g_object_get_data (G_OBJECT (child), "list-item") : NULL;

      if (item && gtk_list_item_get_position (item) == selected)
        {
          gtk_widget_grab_focus (row);
          return;
        }
    }
}

static void
move_clip_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  TlTagPanel *self = TL_TAG_PANEL (widget);
  guint at = tl_tag_panel_single_selected (self);
  int by = g_variant_get_int32 (param);
  gboolean had_focus = list_has_focus (self);

  if (at == GTK_INVALID_LIST_POSITION || (by < 0 && at == 0))
    return;
  move_clip_to (self, at, by < 0 ? at - 1 : at + 2);
  if (had_focus)
    focus_selected_row (self);
}

static GdkContentProvider *
on_clip_drag_prepare (GtkDragSource *source, double x, double y, GtkListItem *item)
{
  TlTagPanel *self = panel_of (GTK_EVENT_CONTROLLER (source));
  TlClip *clip = gtk_list_item_get_item (item);

  if (self == NULL || !self->all_clips || clip == NULL)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_INT64, tl_clip_get_id (clip));
}

/* What the pointer carries: the clip's times on a solid label (a picture
 * of the row would be see-through, and black without a compositor). */
static void
on_clip_drag_begin (GtkDragSource *source, GdkDrag *drag, GtkListItem *item)
{
  TlClip *clip = gtk_list_item_get_item (item);
  TlTagPanel *self = panel_of (GTK_EVENT_CONTROLLER (source));
  g_autofree char *range = clip && self ? tl_tag_panel_format_range (self, clip) : NULL;
  GtkWidget *label = gtk_label_new (range);

  gtk_widget_add_css_class (label, "clip-drag-icon");
  gtk_widget_add_css_class (label, "numeric");
  gtk_drag_icon_set_child (GTK_DRAG_ICON (gtk_drag_icon_get_for_drag (drag)), label);
}

/* A line above or below the row under the pointer shows where it goes. */
static GdkDragAction
on_clip_drop_motion (GtkDropTarget *target, double x, double y, gpointer user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  TlTagPanel *self = panel_of (GTK_EVENT_CONTROLLER (target));
  gboolean after = y > gtk_widget_get_height (row) / 2.0;

  if (self == NULL || !self->all_clips)
    return 0;
  gtk_widget_remove_css_class (row, after ? "drop-before" : "drop-after");
  gtk_widget_add_css_class (row, after ? "drop-after" : "drop-before");
  return GDK_ACTION_MOVE;
}

static void
on_clip_drop_leave (GtkDropTarget *target, gpointer user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));

  gtk_widget_remove_css_class (row, "drop-before");
  gtk_widget_remove_css_class (row, "drop-after");
}

/* GTK 4.8's list scrolls by itself while a drag rests near its edge, and
 * stops only when the drag leaves it, which a drop there never does: the
 * list went on scrolling to its end. Its scrolling stops when a step
 * leaves the position unchanged, so after a drop the list is held still
 * for a moment. */
#define HOLD_SCROLL_MS 150

static void
on_clips_scrolled (GtkAdjustment *adjustment, TlTagPanel *self)
{
  if (self->hold_scroll_timeout && gtk_adjustment_get_value (adjustment) != self->held_scroll)
    gtk_adjustment_set_value (adjustment, self->held_scroll);
}

static gboolean
release_scroll (gpointer data)
{
  TlTagPanel *self = data;

  self->hold_scroll_timeout = 0;
  return G_SOURCE_REMOVE;
}

static void
hold_scroll (TlTagPanel *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->clips_view));

  self->held_scroll = gtk_adjustment_get_value (adjustment);
  g_clear_handle_id (&self->hold_scroll_timeout, g_source_remove);
  self->hold_scroll_timeout = g_timeout_add (HOLD_SCROLL_MS, release_scroll, self);
}

void
tl_tag_panel_stop_scroll_hold (TlTagPanel *self)
{
  g_clear_handle_id (&self->hold_scroll_timeout, g_source_remove);
}

typedef struct {
  TlTagPanel *self;
  gint64 clip_id;
  gint64 before_id; /* 0: to the end */
} DeferredMove;

static void
deferred_move_free (gpointer data)
{
  DeferredMove *move = data;

  g_object_unref (move->self);
  g_free (move);
}

static gboolean
move_later (gpointer data)
{
  DeferredMove *move = data;

  if (move->self->library && move->self->all_clips)
    move_clip (move->self, move->clip_id, move->before_id);
  return G_SOURCE_REMOVE;
}

static gboolean
on_clip_drop (GtkDropTarget *target, const GValue *value, double x, double y, GtkListItem *item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  TlTagPanel *self = panel_of (GTK_EVENT_CONTROLLER (target));
  gint64 dragged = g_value_get_int64 (value);
  GListModel *model;
  guint n, to;

  on_clip_drop_leave (target, NULL);
  if (self == NULL || !self->all_clips)
    return FALSE;
  hold_scroll (self);
  model = tl_tag_panel_shown (self);
  n = g_list_model_get_n_items (model);
  to = gtk_list_item_get_position (item) + (y > gtk_widget_get_height (row) / 2.0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TlClip) clip = g_list_model_get_item (model, i);
      if (tl_clip_get_id (clip) == dragged)
        {
          DeferredMove *move;

          if (to == i || to == i + 1)
            return TRUE;
          /* moved once the drop has been handled: the move takes out the
           * row that takes the drop */
          move = g_new0 (DeferredMove, 1);
          move->self = g_object_ref (self);
          move->clip_id = dragged;
          if (to < n)
            {
              g_autoptr(TlClip) before = g_list_model_get_item (model, to);
              move->before_id = tl_clip_get_id (before);
            }
          g_idle_add_full (G_PRIORITY_DEFAULT, move_later, move, deferred_move_free);
          return TRUE;
        }
    }
  return FALSE;
}

/* The rows */

static void
on_clip_secondary_pressed (GtkGestureClick *gesture, int n_press, double x, double y, GtkListItem *item)
{
  TlTagPanel *self = panel_of (GTK_EVENT_CONTROLLER (gesture));
  guint position = gtk_list_item_get_position (item);

  if (self == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->clip_selection), position))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->clip_selection), position, TRUE);
  tl_tag_panel_popup_clip_menu (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)), x, y);
}

static void
on_clip_setup (GtkSignalListItemFactory *factory, GtkListItem *item, TlTagPanel *self)
{
  GtkWidget *row = tl_clip_row_new ();
  GtkDragSource *drag;
  GtkDropTarget *drop;
  GtkGesture *click;

  gtk_list_item_set_child (item, row);
  g_object_set_data (G_OBJECT (row), "list-item", item);

  /* the list of all clips is arranged by dragging */
  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_clip_drag_prepare), item);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_clip_drag_begin), item);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));
  drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_signal_connect (drop, "motion", G_CALLBACK (on_clip_drop_motion), NULL);
  g_signal_connect (drop, "leave", G_CALLBACK (on_clip_drop_leave), NULL);
  g_signal_connect (drop, "drop", G_CALLBACK (on_clip_drop), item);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_clip_secondary_pressed), item);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
}

static void
on_clip_bind (GtkSignalListItemFactory *factory, GtkListItem *item, TlTagPanel *self)
{
  tl_clip_row_set_clip (TL_CLIP_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item), self,
                        self->all_clips);
}

static void
on_clip_unbind (GtkSignalListItemFactory *factory, GtkListItem *item, TlTagPanel *self)
{
  tl_clip_row_set_clip (TL_CLIP_ROW (gtk_list_item_get_child (item)), NULL, NULL, FALSE);
}

/* Actions */

/* Deletes every selected clip, as one step that one Undo brings back. */
static void
delete_clip_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  TlTagPanel *self = TL_TAG_PANEL (widget);
  g_autoptr(GArray) ids = tl_tag_panel_selected_ids (self);
  g_autoptr(GError) error = NULL;

  if (ids->len == 0)
    return;
  tl_tag_panel_flush_typing (self);
  if (tl_library_delete_clips (self->library, (const gint64 *) ids->data, ids->len, &error))
    {
      g_autofree char *message = NULL;

      if (ids->len == 1)
        message = g_strdup (_("Clip deleted"));
      else
        message = g_strdup_printf (ngettext ("%u clip deleted", "%u clips deleted", ids->len), ids->len);
      tl_tag_panel_toast (self, message, TRUE);
    }
  tl_tag_panel_report (self, error);
}

static void
unselect_clips_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  TlTagPanel *self = TL_TAG_PANEL (widget);

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->clip_selection));
}

/* The Menu key and Shift+F10: the menu opens at the row with the focus. */
static void
clip_menu_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  TlTagPanel *self = TL_TAG_PANEL (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  GtkWidget *at = focus && gtk_widget_is_ancestor (focus, self->clips_view) ? focus : self->clips_view;

  tl_tag_panel_popup_clip_menu (self, at, 12, gtk_widget_get_height (at) / 2.0);
}

void
tl_tag_panel_install_clip_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "tag.delete-clip", NULL, delete_clip_activated);
  gtk_widget_class_install_action (widget_class, "tag.unselect-clips", NULL, unselect_clips_activated);
  gtk_widget_class_install_action (widget_class, "tag.clip-menu", NULL, clip_menu_activated);
  gtk_widget_class_install_action (widget_class, "tag.move-clip", "i", move_clip_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "tag.move-clip", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "tag.move-clip", "i", 1);
}

/* Which clips */

/* The list shows @clips (the source's, or with @all every clip), keeping
 * the clips selected that are in both. */
void
tl_tag_panel_show_list (TlTagPanel *self, GListModel *clips, gboolean all)
{
  g_autoptr(GArray) selected = tl_tag_panel_selected_ids (self);

  self->all_clips = all;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tag.move-clip", all && !tl_tag_panel_is_read_only (self));
  self->loading = TRUE;
  /* a model of its own for each: the rows are bound again, and say whose
   * each clip is among every source's */
  if (clips != tl_tag_panel_shown (self))
    gtk_multi_selection_set_model (self->clip_selection, clips);
  self->loading = FALSE;
  tl_tag_panel_select_ids (self, (const gint64 *) selected->data, selected->len);
}

static void
on_every_clip_loaded (GObject *object, GAsyncResult *result, gpointer data)
{
  TlTagPanel *self = data;
  g_autoptr(GError) error = NULL;

  if (!tl_clip_list_load_finish (TL_CLIP_LIST (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        tl_tag_panel_report (self, error);
      g_object_unref (self);
      return;
    }
  g_clear_object (&self->loading_all);
  if (self->every_clip == TL_CLIP_LIST (object))
    tl_tag_panel_show_list (self, G_LIST_MODEL (object), TRUE);
  g_object_unref (self);
}

/* This source's clips, or every clip: those are read in a thread, the
 * list showing this source's until they are there. */
static void
on_scope_toggled (GtkToggleButton *button, TlTagPanel *self)
{
  gboolean all = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->everything));
  TlClipFilter arranged = { .order = TL_CLIP_ORDER_ARRANGED };

  if (self->loading_all)
    g_cancellable_cancel (self->loading_all);
  g_clear_object (&self->loading_all);
  if (!all)
    {
      g_clear_object (&self->every_clip);
      tl_tag_panel_show_list (self, self->source_clips ? G_LIST_MODEL (self->source_clips) : NULL, FALSE);
      return;
    }
  if (self->library == NULL || self->every_clip)
    return;
  self->every_clip = tl_clip_list_new (self->library, &arranged);
  self->loading_all = g_cancellable_new ();
  tl_clip_list_load_async (self->every_clip, self->loading_all, on_every_clip_loaded, g_object_ref (self));
}

GtkWidget *
tl_tag_panel_build_clips (TlTagPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scope = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *empty = gtk_label_new (_("No clips yet. Select lines and press a topic’s key, or click a topic."));
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();
  static const struct {
    guint key;
    GdkModifierType mods;
    const char *action;
  } shortcuts[] = {
    { GDK_KEY_Delete, 0, "tag.delete-clip" },
    { GDK_KEY_KP_Delete, 0, "tag.delete-clip" },
    { GDK_KEY_Escape, 0, "tag.unselect-clips" },
    { GDK_KEY_Menu, 0, "tag.clip-menu" },
    { GDK_KEY_F10, GDK_SHIFT_MASK, "tag.clip-menu" },
  };

  self->this_source = gtk_toggle_button_new_with_label (_("Source"));
  self->everything = gtk_toggle_button_new_with_label (_("All"));
  gtk_widget_set_tooltip_text (self->this_source, _("Clips of this source"));
  gtk_widget_set_tooltip_text (self->everything,
                               _("Clips of the whole library, in your own order: drag them, or press Alt+Up and "
                                 "Alt+Down"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->everything), GTK_TOGGLE_BUTTON (self->this_source));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->this_source), TRUE);
  g_signal_connect (self->everything, "toggled", G_CALLBACK (on_scope_toggled), self);
  gtk_widget_add_css_class (scope, "linked");
  gtk_box_append (GTK_BOX (scope), self->this_source);
  gtk_box_append (GTK_BOX (scope), self->everything);
  gtk_box_append (GTK_BOX (box), tl_tag_panel_section_header (_("Clips"), scope));

  self->clip_selection = gtk_multi_selection_new (NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (on_clip_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_clip_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_clip_unbind), self);
  self->clips_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->clip_selection)), factory);
  gtk_widget_add_css_class (self->clips_view, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->clips_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Clips"), -1);
  /* Shift and Ctrl pick several; Delete deletes them, Escape lets go */
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (shortcuts[i].key, shortcuts[i].mods),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (self->clips_view, keys);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->clips_view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  g_signal_connect (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), "value-changed",
                    G_CALLBACK (on_clips_scrolled), self);
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_label_set_justify (GTK_LABEL (empty), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_start (empty, 18);
  gtk_widget_set_margin_end (empty, 18);
  gtk_widget_set_valign (empty, GTK_ALIGN_START);
  gtk_widget_set_margin_top (empty, 18);
  self->clips_stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->clips_stack), empty, "empty");
  gtk_stack_add_named (GTK_STACK (self->clips_stack), scroller, "list");
  /* a clip and a half show however short the window */
  gtk_widget_set_size_request (self->clips_stack, -1, 96);
  gtk_widget_set_vexpand (self->clips_stack, TRUE);
  gtk_box_append (GTK_BOX (box), self->clips_stack);
  return box;
}
