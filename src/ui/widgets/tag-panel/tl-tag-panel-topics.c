/* tl-tag-panel-topics.c: the tag panel's topics: a list bound to the
 * library's topic list model (each row follows its topic's name, colour,
 * key and count in place), and what can be done to a topic: add, rename,
 * recolour, give a key, delete. */
#include "tl-tag-panel-private.h"

#include <glib/gi18n.h>

#include "tl-locale.h"
#include "tl-name-dialog.h"

static GMenuModel *
topic_menu (gint64 id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) keys = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
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
  return G_MENU_MODEL (menu);
}

/* A row shows what its topic says now. */
static void
show_topic (TlTopic *topic, GParamSpec *pspec, GtkWidget *row)
{
  GtkWidget *dot = g_object_get_data (G_OBJECT (row), "dot");
  GtkWidget *name = g_object_get_data (G_OBJECT (row), "name");
  GtkWidget *count = g_object_get_data (G_OBJECT (row), "count");
  GtkWidget *keycap = g_object_get_data (G_OBJECT (row), "keycap");
  GtkWidget *menu_button = g_object_get_data (G_OBJECT (row), "menu-button");
  g_autofree char *markup = g_markup_printf_escaped ("<span foreground=\"%s\" size=\"x-large\">●</span>",
                                                     tl_topic_get_color (topic));
  g_autofree char *count_text = tl_locale_format_count (tl_topic_get_n_clips (topic));
  g_autofree char *key = g_strdup_printf ("%u", tl_topic_get_key (topic));
  g_autofree char *options = g_strdup_printf (_("Options for the topic %s"), tl_topic_get_name (topic));
  g_autofree char *label = g_strdup_printf (_("Tag with %s"), tl_topic_get_name (topic));

  gtk_label_set_markup (GTK_LABEL (dot), markup);
  gtk_label_set_text (GTK_LABEL (name), tl_topic_get_name (topic));
  gtk_label_set_text (GTK_LABEL (count), count_text);
  gtk_label_set_text (GTK_LABEL (keycap), key);
  gtk_widget_set_visible (keycap, tl_topic_get_key (topic) > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, options, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkWidget *
topic_row (gpointer item, gpointer user_data)
{
  TlTopic *topic = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *dot = gtk_label_new (NULL);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *keycap = gtk_label_new (NULL);
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr(GMenuModel) menu = topic_menu (tl_topic_get_id (topic));

  gtk_box_append (GTK_BOX (box), dot);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (box), name);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_set_tooltip_text (count, _("Clips with this topic"));
  gtk_box_append (GTK_BOX (box), count);
  gtk_widget_add_css_class (keycap, "keycap");
  gtk_widget_set_valign (keycap, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (keycap, _("Press this key to tag the selected lines"));
  gtk_box_append (GTK_BOX (box), keycap);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, _("Topic Options"));
  gtk_box_append (GTK_BOX (box), menu_button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, _("Click to tag the selected lines with this topic"));
  g_object_set_data (G_OBJECT (row), "dot", dot);
  g_object_set_data (G_OBJECT (row), "name", name);
  g_object_set_data (G_OBJECT (row), "count", count);
  g_object_set_data (G_OBJECT (row), "keycap", keycap);
  g_object_set_data (G_OBJECT (row), "menu-button", menu_button);
  g_object_set_data_full (G_OBJECT (row), "topic", g_object_ref (topic), g_object_unref);
  show_topic (topic, NULL, row);
  g_signal_connect_object (topic, "notify", G_CALLBACK (show_topic), row, 0);
  return row;
}

static void
on_topic_row_activated (GtkListBox *list, GtkListBoxRow *row, TlTagPanel *self)
{
  TlTopic *topic = g_object_get_data (G_OBJECT (row), "topic");

  if (topic)
    tl_tag_panel_emit_topic_activated (self, tl_topic_get_id (topic));
}

/* The topics added or deleted: the divider follows them, as does the
 * editor's row of toggles. */
static void
on_topics_changed (GListModel *model, guint position, guint removed, guint added, TlTagPanel *self)
{
  tl_tag_panel_place_divider (self);
  tl_tag_panel_show_editor (self, tl_tag_panel_get_selected_clip (self));
}

/* The list shows the panel's topic model (none without a library). */
void
tl_tag_panel_bind_topics (TlTagPanel *self)
{
  gtk_list_box_bind_model (GTK_LIST_BOX (self->topic_list), self->topics ? G_LIST_MODEL (self->topics) : NULL,
                           topic_row, NULL, NULL);
  if (self->topics)
    g_signal_connect_object (self->topics, "items-changed", G_CALLBACK (on_topics_changed), self, 0);
}

GtkWidget *
tl_tag_panel_build_topics (TlTagPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *add_topic = tl_tag_panel_icon_button (gtk_button_new (), "list-add-symbolic", _("New Topic"), _("New topic"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *none = gtk_label_new (_("No topics yet. Add one with + above: its key (1–9) then tags the selected "
                                     "lines."));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_topic), "tag.add-topic");
  gtk_box_append (GTK_BOX (box), tl_tag_panel_section_header (_("Topics"), add_topic));
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

/* Actions */

static void
add_topic_named (const char *name, gpointer user_data)
{
  TlTagPanel *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlTopic) topic = NULL;
  GPtrArray *topics = tl_tag_panel_get_topics (self);
  gboolean used[10] = { FALSE };
  guint key = 0;

  /* the first free key, so that a new topic can be used at once */
  for (guint i = 0; topics && i < topics->len; i++)
    used[tl_topic_get_key (g_ptr_array_index (topics, i))] = TRUE;
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

void
tl_tag_panel_install_topic_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "tag.add-topic", NULL, add_topic_activated);
  gtk_widget_class_install_action (widget_class, "tag.rename-topic", "x", rename_topic_activated);
  gtk_widget_class_install_action (widget_class, "tag.recolour-topic", "x", recolour_topic_activated);
  gtk_widget_class_install_action (widget_class, "tag.topic-key", "(xu)", topic_key_activated);
  gtk_widget_class_install_action (widget_class, "tag.delete-topic", "x", delete_topic_activated);
}
