/* tl-tag-panel.c: the right-hand panel: topics with their colours, keys
 * and counts; the clips of the source (or of the whole library); and the
 * editor of the selected clip. Changes go straight to the library, each
 * one undoable; the panel reloads on the library's "changed". */
#include "tl-tag-panel-private.h"

#include <glib/gi18n.h>

#include "tl-name-dialog.h"
#include "tl-text.h"
#include "tl-locale.h"
#include "tl-time-format.h"

G_DEFINE_FINAL_TYPE (TlTagPanel, tl_tag_panel, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CLIP_ACTIVATED,
  SIGNAL_SELECTION_CHANGED,
  SIGNAL_TOPIC_ACTIVATED,
  SIGNAL_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
tl_tag_panel_toast (TlTagPanel *self, const char *message, gboolean undoable)
{
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, message, undoable);
}

void
tl_tag_panel_report (TlTagPanel *self, GError *error)
{
  if (error)
    tl_tag_panel_toast (self, error->message, FALSE);
}

TlTopic *
tl_tag_panel_topic_by_id (TlTagPanel *self, gint64 id)
{
  for (guint i = 0; self->topics && i < self->topics->len; i++)
    if (tl_topic_get_id (g_ptr_array_index (self->topics, i)) == id)
      return g_ptr_array_index (self->topics, i);
  return NULL;
}

static TlTopic *
topic_by_name (TlTagPanel *self, const char *name)
{
  for (guint i = 0; self->topics && i < self->topics->len; i++)
    if (g_str_equal (tl_topic_get_name (g_ptr_array_index (self->topics, i)), name))
      return g_ptr_array_index (self->topics, i);
  return NULL;
}

/* The position of the one selected clip; GTK_INVALID_LIST_POSITION when
 * none or several are selected. */
static guint
single_selected (TlTagPanel *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->clip_selection));

  return gtk_bitset_get_size (selected) == 1 ? gtk_bitset_get_minimum (selected) : GTK_INVALID_LIST_POSITION;
}

guint
tl_tag_panel_n_selected (TlTagPanel *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->clip_selection));

  return (guint) gtk_bitset_get_size (selected);
}

/* Topics */

static GtkWidget *
color_dot (const char *color)
{
  GtkWidget *dot = gtk_label_new (NULL);
  g_autofree char *markup = g_markup_printf_escaped ("<span foreground=\"%s\" size=\"x-large\">●</span>", color);

  gtk_label_set_markup (GTK_LABEL (dot), markup);
  return dot;
}

static GMenuModel *
topic_menu (TlTopic *topic)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) keys = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  gint64 id = tl_topic_get_id (topic);

  {
    g_autoptr(GMenuItem) rename = g_menu_item_new (_("Rename…"), NULL);
    g_autoptr(GMenuItem) recolour = g_menu_item_new (_("Colour…"), NULL);
    g_autoptr(GMenuItem) remove = g_menu_item_new (_("Delete"), NULL);
    g_menu_item_set_action_and_target_value (rename, "tag.rename-topic", g_variant_new_int64 (id));
    g_menu_item_set_action_and_target_value (recolour, "tag.recolour-topic", g_variant_new_int64 (id));
    g_menu_item_set_action_and_target_value (remove, "tag.delete-topic", g_variant_new_int64 (id));
    g_menu_append_item (section, rename);
    g_menu_append_item (section, recolour);
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    for (guint key = 1; key <= 10; key++)
      {
        g_autofree char *label = key <= 9 ? g_strdup_printf (_("Key %u"), key) : g_strdup (_("No Key"));
        g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);
        g_menu_item_set_action_and_target_value (item, "tag.topic-key", g_variant_new ("(xu)", id, key % 10));
        g_menu_append_item (keys, item);
      }
    g_menu_append_submenu (menu, _("Key"), G_MENU_MODEL (keys));
    g_menu_append_item (menu, remove);
  }
  return G_MENU_MODEL (menu);
}

static GtkWidget *
topic_row (TlTopic *topic)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name = gtk_label_new (tl_topic_get_name (topic));
  GtkWidget *count;
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr(GMenuModel) menu = topic_menu (topic);
  g_autofree char *count_text = tl_locale_format_count (tl_topic_get_n_clips (topic));
  g_autofree char *label = NULL;

  gtk_box_append (GTK_BOX (box), color_dot (tl_topic_get_color (topic)));
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (box), name);
  count = gtk_label_new (count_text);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_set_tooltip_text (count, _("Clips with this topic"));
  gtk_box_append (GTK_BOX (box), count);
  if (tl_topic_get_key (topic) > 0)
    {
      g_autofree char *key = g_strdup_printf ("%u", tl_topic_get_key (topic));
      GtkWidget *keycap = gtk_label_new (key);
      gtk_widget_add_css_class (keycap, "keycap");
      gtk_widget_set_valign (keycap, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (keycap, _("Press this key to tag the selected lines"));
      gtk_box_append (GTK_BOX (box), keycap);
    }
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, _("Topic Options"));
  {
    g_autofree char *options = g_strdup_printf (_("Options for the topic %s"), tl_topic_get_name (topic));
    gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, options, -1);
  }
  gtk_box_append (GTK_BOX (box), menu_button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  label = g_strdup_printf (_("Tag with %s"), tl_topic_get_name (topic));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (row, _("Click to tag the selected lines with this topic"));
  g_object_set_data (G_OBJECT (row), "topic-id", GINT_TO_POINTER ((gint) tl_topic_get_id (topic)));
  return row;
}

static void
on_topic_row_activated (GtkListBox *list, GtkListBoxRow *row, TlTagPanel *self)
{
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "topic-id"));

  if (id > 0)
    g_signal_emit (self, signals[SIGNAL_TOPIC_ACTIVATED], 0, id);
}

static void
fill_topics (TlTagPanel *self)
{
  GtkListBoxRow *row;

  /* the rows only: the list's first child may be its placeholder */
  while ((row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->topic_list), 0)))
    gtk_list_box_remove (GTK_LIST_BOX (self->topic_list), GTK_WIDGET (row));
  for (guint i = 0; self->topics && i < self->topics->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->topic_list), topic_row (g_ptr_array_index (self->topics, i)));
}

/* Clips */

/* The media of a clip's source (its rate and start timecode), read once
 * per source shown. */
static const TlMediaInfo *
media_of (TlTagPanel *self, gint64 source_id)
{
  g_autoptr(TlSource) source = NULL;
  const TlMediaInfo *media;
  gpointer found;

  if (self->source && tl_source_get_id (self->source) == source_id)
    return tl_source_get_media (self->source);
  if (g_hash_table_lookup_extended (self->media, &source_id, NULL, &found))
    return found;
  source = self->library ? tl_library_get_source (self->library, source_id, NULL) : NULL;
  media = source ? tl_source_get_media (source) : NULL;
  g_hash_table_insert (self->media, g_memdup2 (&source_id, sizeof source_id),
                       media ? tl_media_info_copy (media) : NULL);
  return g_hash_table_lookup (self->media, &source_id);
}

/* A clip's range, in the time format the editor chose (to the frame: a
 * one-frame trim shows), and its length. */
char *
tl_tag_panel_format_range (TlTagPanel *self, TlClip *clip)
{
  gint64 in = tl_clip_get_in (clip), out = tl_clip_get_out (clip);
  g_autofree char *range = NULL;

  if (in < 0)
    {
      if (tl_clip_get_first_segment (clip) == tl_clip_get_last_segment (clip))
        return g_strdup_printf (_("Paragraph %d"), tl_clip_get_first_segment (clip) + 1);
      return g_strdup_printf (_("Paragraphs %d–%d"), tl_clip_get_first_segment (clip) + 1,
                              tl_clip_get_last_segment (clip) + 1);
    }
  range = tl_time_format_range (tl_time_format_get_default (), in, out, media_of (self, tl_clip_get_source_id (clip)));
  /* TRANSLATORS: a clip's range and its length in seconds */
  return g_strdup_printf (_("%s  (%.1f s)"), range, (out - in) / 1e6);
}

/* Arranging: the list of all clips is in the editor's order */

static TlTagPanel *
panel_of (GtkEventController *controller)
{
  return TL_TAG_PANEL (gtk_widget_get_ancestor (gtk_event_controller_get_widget (controller), TL_TYPE_TAG_PANEL));
}

/* Moves the clip shown at @from in front of the one at @to (or, with @to
 * at the end of the list, after all of them). */
static void
move_clip_to (TlTagPanel *self, guint from, guint to)
{
  GListModel *model = G_LIST_MODEL (self->clips);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(TlClip) clip = NULL;
  g_autoptr(TlClip) before = NULL;
  g_autoptr(GError) error = NULL;

  if (!self->all_clips || from >= n || to > n || to == from || to == from + 1)
    return;
  clip = g_list_model_get_item (model, from);
  before = to < n ? g_list_model_get_item (model, to) : NULL;
  tl_library_move_clip (self->library, tl_clip_get_id (clip), before ? tl_clip_get_id (before) : 0, &error);
  tl_tag_panel_report (self, error);
}

/* Whether the keyboard focus is in the clips list. */
static gboolean
list_has_focus (TlTagPanel *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  return focus != NULL && gtk_widget_is_ancestor (focus, self->clips_view);
}

/* After a move from the keyboard, the focus goes with the clip, so that
 * the arrows go on from where it is now (the reload took the focused row
 * away). */
static void
focus_selected_row (TlTagPanel *self)
{
  guint selected = single_selected (self);

  for (GtkWidget *row = gtk_widget_get_first_child (self->clips_view); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_widget_get_first_child (row);
      GtkListItem *item = box ? g_object_get_data (G_OBJECT (box), "list-item") : NULL;

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
  guint at = single_selected (self);
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
  TlTagPanel *self = TL_TAG_PANEL (gtk_widget_get_ancestor (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)),
                                                           TL_TYPE_TAG_PANEL));
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
  g_autoptr(GError) error = NULL;

  if (move->self->library && move->self->all_clips)
    {
      tl_library_move_clip (move->self->library, move->clip_id, move->before_id, &error);
      tl_tag_panel_report (move->self, error);
    }
  return G_SOURCE_REMOVE;
}

static gboolean
on_clip_drop (GtkDropTarget *target, const GValue *value, double x, double y, GtkListItem *item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  TlTagPanel *self = panel_of (GTK_EVENT_CONTROLLER (target));
  gint64 dragged = g_value_get_int64 (value);
  guint n, to;

  on_clip_drop_leave (target, NULL);
  if (self == NULL || !self->all_clips)
    return FALSE;
  hold_scroll (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->clips));
  to = gtk_list_item_get_position (item) + (y > gtk_widget_get_height (row) / 2.0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TlClip) clip = g_list_model_get_item (G_LIST_MODEL (self->clips), i);
      if (tl_clip_get_id (clip) == dragged)
        {
          DeferredMove *move;

          if (to == i || to == i + 1)
            return TRUE;
          /* moved once the drop has been handled: the reload that follows
           * rebinds the rows, the one taking the drop among them */
          move = g_new0 (DeferredMove, 1);
          move->self = g_object_ref (self);
          move->clip_id = dragged;
          if (to < n)
            {
              g_autoptr(TlClip) before = g_list_model_get_item (G_LIST_MODEL (self->clips), to);
              move->before_id = tl_clip_get_id (before);
            }
          g_idle_add_full (G_PRIORITY_DEFAULT, move_later, move, deferred_move_free);
          return TRUE;
        }
    }
  return FALSE;
}

static void on_clip_secondary_pressed (GtkGestureClick *gesture, int n_press, double x, double y, GtkListItem *item);

static void on_clip_bind (GtkSignalListItemFactory *factory, GtkListItem *item, TlTagPanel *self);

/* Another time format: the row shows its clip's times again. */
static void
on_row_time_format (TlTimeFormat *format, GParamSpec *pspec, GtkListItem *item)
{
  TlTagPanel *self = g_object_get_data (G_OBJECT (item), "tl-tag-panel");

  if (self && self->media && gtk_list_item_get_item (item))
    on_clip_bind (NULL, item, self);
}

static void
on_clip_setup (GtkSignalListItemFactory *factory, GtkListItem *item, TlTagPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *source = gtk_label_new (NULL);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *range = gtk_label_new (NULL);
  GtkWidget *rating = gtk_label_new (NULL);
  GtkWidget *topics = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *words = gtk_label_new (NULL);
  GtkDragSource *drag;
  GtkDropTarget *drop;
  GtkGesture *click;

  gtk_widget_add_css_class (range, "numeric");
  gtk_label_set_xalign (GTK_LABEL (range), 0);
  gtk_widget_set_hexpand (range, TRUE);
  gtk_widget_add_css_class (rating, "dim-label");
  gtk_box_append (GTK_BOX (top), range);
  gtk_box_append (GTK_BOX (top), rating);
  gtk_label_set_xalign (GTK_LABEL (words), 0);
  gtk_label_set_wrap (GTK_LABEL (words), TRUE);
  gtk_label_set_lines (GTK_LABEL (words), 2);
  gtk_label_set_ellipsize (GTK_LABEL (words), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (words, "dim-label");
  gtk_widget_add_css_class (words, "caption");
  gtk_label_set_xalign (GTK_LABEL (source), 0);
  gtk_label_set_ellipsize (GTK_LABEL (source), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (source, "caption-heading");
  gtk_box_append (GTK_BOX (box), source);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), topics);
  gtk_box_append (GTK_BOX (box), words);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_item_set_child (item, box);
  g_object_set_data (G_OBJECT (box), "list-item", item);

  /* the list of all clips is arranged by dragging */
  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_clip_drag_prepare), item);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_clip_drag_begin), item);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (drag));
  drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_signal_connect (drop, "motion", G_CALLBACK (on_clip_drop_motion), NULL);
  g_signal_connect (drop, "leave", G_CALLBACK (on_clip_drop_leave), NULL);
  g_signal_connect (drop, "drop", G_CALLBACK (on_clip_drop), item);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (drop));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_clip_secondary_pressed), item);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (click));

  g_object_set_data (G_OBJECT (item), "tl-tag-panel", self);
  g_signal_connect_object (tl_time_format_get_default (), "notify::kind", G_CALLBACK (on_row_time_format), item, 0);
}

/* Another time format: the editor shows the clip's range in it. */
static void
on_editor_time_format (TlTagPanel *self)
{
  TlClip *clip = tl_tag_panel_get_selected_clip (self);

  if (clip)
    tl_tag_panel_show_editor (self, clip);
}

static void
on_clip_bind (GtkSignalListItemFactory *factory, GtkListItem *item, TlTagPanel *self)
{
  TlClip *clip = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *source = gtk_widget_get_first_child (box);
  GtkWidget *top = gtk_widget_get_next_sibling (source);
  GtkWidget *topics = gtk_widget_get_next_sibling (top);
  GtkWidget *words = gtk_widget_get_next_sibling (topics);
  const char *const *names = tl_clip_get_topics (clip);
  const char *text = g_object_get_data (G_OBJECT (clip), "text");
  g_autofree char *range = tl_tag_panel_format_range (self, clip);
  g_autofree char *rating = tl_format_rating (tl_clip_get_rating (clip));
  GtkWidget *child;

  /* the words are read when the row is first shown, then kept */
  if (text == NULL && self->library)
    {
      char *fetched = tl_library_get_clip_text (self->library, clip, NULL);
      g_object_set_data_full (G_OBJECT (clip), "text", fetched ? fetched : g_strdup (""), g_free);
      text = g_object_get_data (G_OBJECT (clip), "text");
    }
  /* among the clips of every source, each says whose it is */
  gtk_widget_set_visible (source, self->all_clips);
  if (self->all_clips)
    gtk_label_set_text (GTK_LABEL (source), tl_clip_get_source_title (clip) ? tl_clip_get_source_title (clip) : "");
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (top)), range);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (top)), tl_clip_get_rating (clip) ? rating : "");
  while ((child = gtk_widget_get_first_child (topics)))
    gtk_box_remove (GTK_BOX (topics), child);
  for (guint i = 0; names && names[i]; i++)
    {
      TlTopic *topic = topic_by_name (self, names[i]);
      GtkWidget *pill = gtk_label_new (names[i]);
      g_autofree char *css_class = g_strdup_printf ("topic-%" G_GINT64_FORMAT, topic ? tl_topic_get_id (topic) : 0);
      gtk_widget_add_css_class (pill, "topic-pill");
      gtk_widget_add_css_class (pill, css_class);
      gtk_box_append (GTK_BOX (topics), pill);
    }
  gtk_label_set_text (GTK_LABEL (words), tl_clip_get_title (clip) ? tl_clip_get_title (clip) : (text ? text : ""));
}

/* The editor follows the selection; a click that picks one clip sends the
 * player there. */
static void
on_clip_selection_changed (GtkSelectionModel *selection, guint position, guint n_items, TlTagPanel *self)
{
  TlClip *clip = tl_tag_panel_get_selected_clip (self);

  tl_tag_panel_show_editor (self, clip);
  if (self->loading)
    return;
  if (clip != NULL && tl_clip_get_id (clip) != self->activated_clip)
    {
      self->activated_clip = tl_clip_get_id (clip);
      g_signal_emit (self, signals[SIGNAL_CLIP_ACTIVATED], 0, clip);
    }
  else if (clip == NULL)
    self->activated_clip = 0;
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
}

/* Actions */

static void
add_topic_named (const char *name, gpointer user_data)
{
  TlTagPanel *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlTopic) topic = NULL;
  gboolean used[10] = { FALSE };
  guint key = 0;

  /* the first free key, so that a new topic can be used at once */
  for (guint i = 0; self->topics && i < self->topics->len; i++)
    used[tl_topic_get_key (g_ptr_array_index (self->topics, i))] = TRUE;
  for (guint k = 1; k <= 9 && key == 0; k++)
    if (!used[k])
      key = k;
  topic = tl_library_add_topic (self->library, name, key, NULL, &error);
  tl_tag_panel_report (self, error);
}

void
tl_tag_panel_add_topic (TlTagPanel *self)
{
  g_return_if_fail (TL_IS_TAG_PANEL (self));
  tl_ask_name (GTK_WIDGET (self), _("New Topic"), _("_Add"), NULL, add_topic_named, self, NULL);
}

static void
add_topic_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  tl_tag_panel_add_topic (TL_TAG_PANEL (widget));
}

typedef struct {
  TlTagPanel *panel;
  gint64 topic_id;
} TopicRequest;

static void
rename_topic_named (const char *name, gpointer user_data)
{
  TopicRequest *r = user_data;
  g_autoptr(GError) error = NULL;

  tl_library_rename_topic (r->panel->library, r->topic_id, name, &error);
  tl_tag_panel_report (r->panel, error);
}

static void
rename_topic_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  TlTagPanel *self = TL_TAG_PANEL (widget);
  TopicRequest *r = g_new0 (TopicRequest, 1);
  TlTopic *topic;

  r->panel = self;
  r->topic_id = g_variant_get_int64 (param);
  topic = tl_tag_panel_topic_by_id (self, r->topic_id);
  tl_ask_name (widget, _("Rename Topic"), _("_Rename"), topic ? tl_topic_get_name (topic) : NULL,
               rename_topic_named, r, g_free);
}

static void
on_color_response (GtkDialog *dialog, int response, TopicRequest *r)
{
  if (response == GTK_RESPONSE_OK)
    {
      GdkRGBA rgba;
      g_autofree char *hex = NULL;
      g_autoptr(GError) error = NULL;

      gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
      hex = g_strdup_printf ("#%02x%02x%02x", (int) (rgba.red * 255 + 0.5), (int) (rgba.green * 255 + 0.5),
                             (int) (rgba.blue * 255 + 0.5));
      tl_library_set_topic_color (r->panel->library, r->topic_id, hex, &error);
      tl_tag_panel_report (r->panel, error);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_free (r);
}

static void
recolour_topic_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  TlTagPanel *self = TL_TAG_PANEL (widget);
  TopicRequest *r = g_new0 (TopicRequest, 1);
  TlTopic *topic;
  GtkWidget *dialog;
  GdkRGBA rgba;

  r->panel = self;
  r->topic_id = g_variant_get_int64 (param);
  topic = tl_tag_panel_topic_by_id (self, r->topic_id);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_color_chooser_dialog_new (_("Topic Colour"), GTK_WINDOW (gtk_widget_get_root (widget)));
  if (topic && gdk_rgba_parse (&rgba, tl_topic_get_color (topic)))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (dialog), FALSE);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_color_response), r);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
topic_key_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  TlTagPanel *self = TL_TAG_PANEL (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;
  guint key;

  g_variant_get (param, "(xu)", &id, &key);
  tl_library_set_topic_key (self->library, id, key, &error);
  tl_tag_panel_report (self, error);
}

static void
delete_topic_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  TlTagPanel *self = TL_TAG_PANEL (widget);
  TlTopic *topic = tl_tag_panel_topic_by_id (self, g_variant_get_int64 (param));
  g_autofree char *name = topic ? g_strdup (tl_topic_get_name (topic)) : NULL;
  g_autoptr(GError) error = NULL;

  if (tl_library_delete_topic (self->library, g_variant_get_int64 (param), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Topic “%s” deleted"), name ? name : "");
      tl_tag_panel_toast (self, message, TRUE);
    }
  tl_tag_panel_report (self, error);
}

/* The selected clips' ids, in the list's order. */
static GArray *
selected_ids (TlTagPanel *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->clip_selection));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(TlClip) clip = g_list_model_get_item (G_LIST_MODEL (self->clips), position);
      gint64 id = tl_clip_get_id (clip);
      g_array_append_val (ids, id);
    }
  return ids;
}

/* Deletes every selected clip, as one step that one Undo brings back. */
static void
delete_clip_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  TlTagPanel *self = TL_TAG_PANEL (widget);
  g_autoptr(GArray) ids = selected_ids (self);
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

/* The Menu key and Shift+F10: the menu opens at the row with the focus. */
static void
clip_menu_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  TlTagPanel *self = TL_TAG_PANEL (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  GtkWidget *at = focus && gtk_widget_is_ancestor (focus, self->clips_view) ? focus : self->clips_view;

  tl_tag_panel_popup_clip_menu (self, at, 12, gtk_widget_get_height (at) / 2.0);
}

static void
on_scope_toggled (GtkToggleButton *button, TlTagPanel *self)
{
  gboolean all = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->everything));

  if (all == self->all_clips)
    return;
  self->all_clips = all;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tag.move-clip", all && !tl_tag_panel_is_read_only (self));
  tl_tag_panel_reload (self);
}

/* Until the editor moves the divider, it sits below the topics: as many
 * as there are, up to six (the topics list's largest natural height). */
static void
place_divider (TlTagPanel *self)
{
  int natural = 0;

  if (!self->divider_auto)
    return;
  gtk_widget_measure (gtk_paned_get_start_child (GTK_PANED (self->lists)), GTK_ORIENTATION_VERTICAL, -1, NULL,
                      &natural, NULL, NULL);
  self->placing_divider = TRUE;
  gtk_paned_set_position (GTK_PANED (self->lists), natural);
  self->placing_divider = FALSE;
}

static void
on_divider_moved (GtkPaned *paned, GParamSpec *pspec, TlTagPanel *self)
{
  if (!self->placing_divider)
    self->divider_auto = FALSE;
}

/* Loading */

/* Selects the clips with these ids (and no others) without announcing it
 * as the editor's pick; returns how many were found. */
static guint
select_ids (TlTagPanel *self, const gint64 *ids, guint n_ids)
{
  g_autoptr(GtkBitset) positions = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) all = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->clips));
  gboolean was_loading = self->loading;

  for (guint i = 0; i < n && n_ids > 0; i++)
    {
      g_autoptr(TlClip) clip = g_list_model_get_item (G_LIST_MODEL (self->clips), i);
      for (guint k = 0; k < n_ids; k++)
        if (tl_clip_get_id (clip) == ids[k])
          gtk_bitset_add (positions, i);
    }
  all = gtk_bitset_new_range (0, n);
  self->loading = TRUE;
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->clip_selection), positions, all);
  self->loading = was_loading;
  tl_tag_panel_show_editor (self, tl_tag_panel_get_selected_clip (self));
  return (guint) gtk_bitset_get_size (positions);
}

/**
 * tl_tag_panel_reload:
 *
 * Reads topics and clips again, keeping the selected clips selected.
 */
void
tl_tag_panel_reload (TlTagPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GArray) selected = NULL;

  if (self->library == NULL)
    return;
  selected = selected_ids (self);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_pointer (&self->source_clips, g_ptr_array_unref);
  self->topics = tl_library_list_topics (self->library, &error);
  if (self->topics == NULL)
    {
      tl_tag_panel_report (self, error);
      return;
    }
  if (self->source)
    {
      gint64 id = tl_source_get_id (self->source);
      TlClipFilter filter = { NULL, &id, 1, NULL, 0, NULL, TL_CLIP_ORDER_SOURCE };
      self->source_clips = tl_library_list_clips (self->library, &filter, &error);
    }
  else
    self->source_clips = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->source_clips && self->all_clips)
    {
      TlClipFilter filter = { .order = TL_CLIP_ORDER_ARRANGED };
      shown = tl_library_list_clips (self->library, &filter, &error);
    }
  else if (self->source_clips)
    shown = g_ptr_array_ref (self->source_clips);
  if (shown == NULL)
    {
      tl_tag_panel_report (self, error);
      return;
    }

  fill_topics (self);
  place_divider (self);
  self->loading = TRUE;
  g_list_store_splice (self->clips, 0, g_list_model_get_n_items (G_LIST_MODEL (self->clips)), shown->pdata, shown->len);
  self->loading = FALSE;
  gtk_stack_set_visible_child_name (GTK_STACK (self->clips_stack), shown->len ? "list" : "empty");
  select_ids (self, (const gint64 *) selected->data, selected->len);
}

static void
on_library_changed (TlLibrary *library, TlLibraryChange what, TlTagPanel *self)
{
  if (what & (TL_LIBRARY_CHANGE_TOPICS | TL_LIBRARY_CHANGE_CLIPS | TL_LIBRARY_CHANGE_SOURCES))
    tl_tag_panel_reload (self);
}

static void
tl_tag_panel_dispose (GObject *object)
{
  TlTagPanel *self = TL_TAG_PANEL (object);
  GtkWidget *child;

  tl_tag_panel_flush_typing (self);
  g_signal_handlers_disconnect_by_data (tl_time_format_get_default (), self);
  g_clear_pointer (&self->media, g_hash_table_unref);
  g_clear_handle_id (&self->hold_scroll_timeout, g_source_remove);
  if (self->library)
    g_clear_signal_handler (&self->changed_handler, self->library);
  g_clear_object (&self->library);
  g_clear_object (&self->source);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "clipmenu", NULL);
  /* an open menu goes before its window: GTK would ask it for the pointer
   * on a surface that is gone */
  if (self->clip_menu)
    gtk_popover_popdown (GTK_POPOVER (self->clip_menu));
  self->clip_menu = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->clip_selection);
  g_clear_object (&self->clips);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_pointer (&self->source_clips, g_ptr_array_unref);
  g_clear_pointer (&self->toggles_made_for, g_free);
  G_OBJECT_CLASS (tl_tag_panel_parent_class)->dispose (object);
}

/* Layout: the lists (topics over clips) above, the editor below. The
 * editor takes the height it needs while the lists keep at least half the
 * panel; past that it scrolls, so that no window is too short for it (with
 * nine topics it once pushed the window past 870 pixels). */
static void
tl_tag_panel_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum, int *natural,
                      int *minimum_baseline, int *natural_baseline)
{
  TlTagPanel *self = TL_TAG_PANEL (widget);
  int lists_min, lists_nat, editor_min = 0, editor_nat = 0;
  int other = orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1;

  gtk_widget_measure (self->lists, orientation, other, &lists_min, &lists_nat, NULL, NULL);
  if (gtk_widget_get_visible (self->editor_scroller))
    gtk_widget_measure (self->editor_scroller, orientation, other, &editor_min, &editor_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (lists_min, editor_min);
      *natural = MAX (lists_nat, editor_nat);
    }
  else
    {
      *minimum = lists_min + editor_min;
      *natural = lists_nat + editor_nat;
    }
}

static void
tl_tag_panel_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  TlTagPanel *self = TL_TAG_PANEL (widget);
  int lists_min, editor_min, editor_nat, editor_height = 0;

  if (gtk_widget_get_visible (self->editor_scroller))
    {
      gtk_widget_measure (self->lists, GTK_ORIENTATION_VERTICAL, width, &lists_min, NULL, NULL, NULL);
      gtk_widget_measure (self->editor_scroller, GTK_ORIENTATION_VERTICAL, width, &editor_min, &editor_nat, NULL, NULL);
      editor_height = MIN (editor_nat, height - MAX (lists_min, height / 2));
      editor_height = MAX (editor_height, editor_min);
    }
  /* the paned keeps the divider inside it as it is allocated: that is no
   * move of the editor's */
  self->placing_divider = TRUE;
  gtk_widget_size_allocate (self->lists, &(GtkAllocation) { 0, 0, width, height - editor_height }, -1);
  self->placing_divider = FALSE;
  if (editor_height > 0)
    gtk_widget_size_allocate (self->editor_scroller,
                              &(GtkAllocation) { 0, height - editor_height, width, editor_height }, -1);
  gtk_popover_present (GTK_POPOVER (self->clip_menu));
}

static void
tl_tag_panel_class_init (TlTagPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = tl_tag_panel_dispose;
  widget_class->measure = tl_tag_panel_measure;
  widget_class->size_allocate = tl_tag_panel_size_allocate;

  /* The editor picked a clip: the player goes to it. */
  signals[SIGNAL_CLIP_ACTIVATED] = g_signal_new ("clip-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                 NULL, NULL, NULL, G_TYPE_NONE, 1, TL_TYPE_CLIP);
  /* The editor selected other clips (or none): what acts on the selected
   * clip follows. */
  signals[SIGNAL_SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The editor clicked a topic: tag the selected lines with it. */
  signals[SIGNAL_TOPIC_ACTIVATED] = g_signal_new ("topic-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_install_action (widget_class, "tag.add-topic", NULL, add_topic_activated);
  gtk_widget_class_install_action (widget_class, "tag.rename-topic", "x", rename_topic_activated);
  gtk_widget_class_install_action (widget_class, "tag.recolour-topic", "x", recolour_topic_activated);
  gtk_widget_class_install_action (widget_class, "tag.topic-key", "(xu)", topic_key_activated);
  gtk_widget_class_install_action (widget_class, "tag.delete-topic", "x", delete_topic_activated);
  gtk_widget_class_install_action (widget_class, "tag.delete-clip", NULL, delete_clip_activated);
  gtk_widget_class_install_action (widget_class, "tag.unselect-clips", NULL, unselect_clips_activated);
  gtk_widget_class_install_action (widget_class, "tag.clip-menu", NULL, clip_menu_activated);
  gtk_widget_class_install_action (widget_class, "tag.move-clip", "i", move_clip_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "tag.move-clip", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "tag.move-clip", "i", 1);

  gtk_widget_class_set_css_name (widget_class, "tagpanel");
}

static GtkWidget *
section_header (const char *title, GtkWidget *end)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (end)
    gtk_box_append (GTK_BOX (box), end);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 4);
  return box;
}

static GtkWidget *
build_topics (TlTagPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *add_topic = tl_tag_panel_icon_button (gtk_button_new (), "list-add-symbolic", _("New Topic"), _("New topic"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *none = gtk_label_new (_("No topics yet. Add one with + above: its key (1–9) then tags the selected "
                                     "lines."));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_topic), "tag.add-topic");
  gtk_box_append (GTK_BOX (box), section_header (_("Topics"), add_topic));
  self->topic_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->topic_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->topic_list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->topic_list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Topics"), -1);
  g_signal_connect (self->topic_list, "row-activated", G_CALLBACK (on_topic_row_activated), self);
  gtk_label_set_wrap (GTK_LABEL (none), TRUE);
  gtk_label_set_justify (GTK_LABEL (none), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (none, "dim-label");
  gtk_widget_set_margin_start (none, 18);
  gtk_widget_set_margin_end (none, 18);
  gtk_widget_set_margin_top (none, 6);
  gtk_widget_set_margin_bottom (none, 6);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->topic_list), none);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->topic_list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  /* two topics show however short the window; until the divider is
   * moved, the topics take what they need, up to six of them */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 72);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  return box;
}

static GtkWidget *
build_clips (TlTagPanel *self)
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
  gtk_box_append (GTK_BOX (box), section_header (_("Clips"), scope));

  self->clips = g_list_store_new (TL_TYPE_CLIP);
  self->clip_selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->clips)));
  g_signal_connect (self->clip_selection, "selection-changed", G_CALLBACK (on_clip_selection_changed), self);
  g_signal_connect (factory, "setup", G_CALLBACK (on_clip_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_clip_bind), self);
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

static void
tl_tag_panel_init (TlTagPanel *self)
{
  GtkWidget *viewport;

  self->media = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) tl_media_info_free);
  g_signal_connect_swapped (tl_time_format_get_default (), "notify::kind", G_CALLBACK (on_editor_time_format), self);

  /* topics over clips, the divider where the editor leaves it */
  self->lists = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  gtk_paned_set_start_child (GTK_PANED (self->lists), build_topics (self));
  gtk_paned_set_end_child (GTK_PANED (self->lists), build_clips (self));
  gtk_paned_set_resize_start_child (GTK_PANED (self->lists), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->lists), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (self->lists), FALSE);
  gtk_widget_set_parent (self->lists, GTK_WIDGET (self));
  self->divider_auto = TRUE;
  g_signal_connect (self->lists, "notify::position", G_CALLBACK (on_divider_moved), self);

  /* the editor scrolls when the window is too short for it; a field that
   * gets the keyboard focus is scrolled into view */
  self->editor = tl_tag_panel_build_editor (self);
  viewport = gtk_viewport_new (NULL, NULL);
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), TRUE);
  gtk_viewport_set_child (GTK_VIEWPORT (viewport), self->editor);
  self->editor_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->editor_scroller), viewport);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->editor_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->editor_scroller), TRUE);
  /* the clip's times, Loop and Delete stay in sight */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->editor_scroller), 88);
  gtk_widget_add_css_class (self->editor_scroller, "clip-editor");
  gtk_widget_set_visible (self->editor_scroller, FALSE);
  gtk_widget_set_parent (self->editor_scroller, GTK_WIDGET (self));

  self->clip_menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->clip_menu), FALSE);
  gtk_widget_set_halign (self->clip_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->clip_menu, GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tag.move-clip", FALSE);
}

GtkWidget *
tl_tag_panel_new (void)
{
  return g_object_new (TL_TYPE_TAG_PANEL, NULL);
}

/* Whether the library shown can only be read (a read-only file or folder):
 * then it is shown as it is, and nothing in the panel offers to change it. */
gboolean
tl_tag_panel_is_read_only (TlTagPanel *self)
{
  return self->library == NULL || tl_library_is_read_only (self->library);
}

static void
apply_read_only (TlTagPanel *self)
{
  static const char *const edits[] = { "tag.add-topic", "tag.rename-topic", "tag.recolour-topic", "tag.topic-key",
                                       "tag.delete-topic", "tag.delete-clip" };
  gboolean writable = !tl_tag_panel_is_read_only (self);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edits[i], writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tag.move-clip", writable && self->all_clips);
  tl_tag_panel_editor_set_writable (self, writable);
}

void
tl_tag_panel_set_library (TlTagPanel *self, TlLibrary *library)
{
  g_return_if_fail (TL_IS_TAG_PANEL (self));
  if (self->library)
    g_clear_signal_handler (&self->changed_handler, self->library);
  g_set_object (&self->library, library);
  if (library)
    self->changed_handler = g_signal_connect (library, "changed", G_CALLBACK (on_library_changed), self);
  apply_read_only (self);
  tl_tag_panel_reload (self);
}

void
tl_tag_panel_set_source (TlTagPanel *self, TlSource *source)
{
  g_return_if_fail (TL_IS_TAG_PANEL (self));
  g_set_object (&self->source, source);
  /* the media may have been relinked meanwhile */
  g_hash_table_remove_all (self->media);
  tl_tag_panel_reload (self);
}

/* Returns: (transfer none) (nullable): the clip being edited: the selected
 * clip, when exactly one is selected */
TlClip *
tl_tag_panel_get_selected_clip (TlTagPanel *self)
{
  guint position;
  TlClip *clip;

  g_return_val_if_fail (TL_IS_TAG_PANEL (self), NULL);
  position = single_selected (self);
  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;
  clip = g_list_model_get_item (G_LIST_MODEL (self->clips), position);
  g_object_unref (clip); /* the list keeps it */
  return clip;
}

/* Returns: (transfer container) (element-type TlClip): the selected clips,
 * in the list's order */
GPtrArray *
tl_tag_panel_get_selected_clips (TlTagPanel *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GPtrArray *clips = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (TL_IS_TAG_PANEL (self), clips);
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->clip_selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (clips, g_list_model_get_item (G_LIST_MODEL (self->clips), position));
  return clips;
}

/* Selects the clips with these ids (the window's new clips) and shows the
 * last of them; returns whether any is in the list. */
gboolean
tl_tag_panel_select_clips (TlTagPanel *self, const gint64 *clip_ids, guint n_clips)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->clips));

  g_return_val_if_fail (TL_IS_TAG_PANEL (self), FALSE);
  if (select_ids (self, clip_ids, n_clips) == 0)
    return FALSE;
  for (guint i = n; i > 0; i--)
    if (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->clip_selection), i - 1))
      {
        gtk_widget_activate_action (self->clips_view, "list.scroll-to-item", "u", i - 1);
        break;
      }
  return TRUE;
}

gboolean
tl_tag_panel_select_clip (TlTagPanel *self, gint64 clip_id)
{
  return tl_tag_panel_select_clips (self, &clip_id, 1);
}

/* The height of the topics above the clips: the divider between them, which
 * the window keeps across restarts; -1 until the editor moves it. */
int
tl_tag_panel_get_topics_height (TlTagPanel *self)
{
  g_return_val_if_fail (TL_IS_TAG_PANEL (self), -1);
  return self->divider_auto ? -1 : gtk_paned_get_position (GTK_PANED (self->lists));
}

/* @height: where the divider goes; -1: below the topics (up to six) */
void
tl_tag_panel_set_topics_height (TlTagPanel *self, int height)
{
  g_return_if_fail (TL_IS_TAG_PANEL (self));
  self->divider_auto = height < 0;
  if (self->divider_auto)
    place_divider (self);
  else
    gtk_paned_set_position (GTK_PANED (self->lists), height);
}

/* Returns: (transfer none): the clips the list shows, in its order */
GListModel *
tl_tag_panel_get_shown_clips (TlTagPanel *self)
{
  g_return_val_if_fail (TL_IS_TAG_PANEL (self), NULL);
  return G_LIST_MODEL (self->clips);
}

/* Returns: (transfer none): every topic, in their order */
GPtrArray *
tl_tag_panel_get_topics (TlTagPanel *self)
{
  g_return_val_if_fail (TL_IS_TAG_PANEL (self), NULL);
  return self->topics;
}

/* Returns: (transfer none): the clips of the source, by time */
GPtrArray *
tl_tag_panel_get_source_clips (TlTagPanel *self)
{
  g_return_val_if_fail (TL_IS_TAG_PANEL (self), NULL);
  return self->source_clips;
}
