/* tl-clip-menu.c: the clips' context menu (right click, Menu,
 * Shift+F10): Play Loop, Rate, Topics, Copy Timecode and Delete. */
#include "tl-tag-panel-private.h"

#include <glib/gi18n.h>

#include "tl-text.h"
#include "tl-timecode.h"

/* The clips' context menu: Play Loop, Rate, Topics, Copy Timecode and
 * Delete, for the selected clips (a right click outside the selection
 * selects that clip first). Rate and Topics act on every selected clip. */

static void
on_menu_rate (GSimpleAction *action, GVariant *value, TlTagPanel *self)
{
  g_autoptr(GPtrArray) clips = tl_tag_panel_get_selected_clips (self);
  guint rating = g_variant_get_uint32 (value);
  g_autoptr(GError) error = NULL;

  g_simple_action_set_state (action, value);
  for (guint i = 0; i < clips->len && error == NULL; i++)
    if (tl_clip_get_rating (g_ptr_array_index (clips, i)) != rating)
      tl_library_set_clip_rating (self->library, tl_clip_get_id (g_ptr_array_index (clips, i)), rating, &error);
  tl_tag_panel_report (self, error);
}

static void
on_menu_topic (GSimpleAction *action, GVariant *value, TlTagPanel *self)
{
  g_autoptr(GPtrArray) clips = tl_tag_panel_get_selected_clips (self);
  TlTopic *topic = tl_tag_panel_topic_by_id (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (action), "topic-id")));
  gboolean on = g_variant_get_boolean (value);
  g_autoptr(GError) error = NULL;

  g_simple_action_set_state (action, value);
  for (guint i = 0; topic && i < clips->len && error == NULL; i++)
    if (tl_tag_panel_clip_has_topic (g_ptr_array_index (clips, i), topic) != on)
      tl_library_set_clip_topic (self->library, tl_clip_get_id (g_ptr_array_index (clips, i)), tl_topic_get_id (topic),
                                 on, &error);
  tl_tag_panel_report (self, error);
}

/* A clip's in and out as its media's timecode ("00:01:10:05 - 00:01:14:00"),
 * or as clock times when the source has no frame rate; NULL for a clip of
 * paragraphs. */
static char *
clip_timecode (TlTagPanel *self, TlClip *clip)
{
  g_autoptr(TlSource) source = NULL;
  const TlMediaInfo *media;
  char *text = NULL;

  if (tl_clip_get_in (clip) < 0)
    return NULL;
  /* read now: the media may have been relinked since the source was shown */
  source = tl_library_get_source (self->library, tl_clip_get_source_id (clip), NULL);
  media = source ? tl_source_get_media (source) : NULL;
  if (media)
    text = tl_timecode_format_range (tl_clip_get_in (clip), tl_clip_get_out (clip), media->fps_num, media->fps_den,
                                     media->start_timecode);
  if (text == NULL)
    {
      g_autofree char *in = tl_format_clock (tl_clip_get_in (clip), TRUE, '.');
      g_autofree char *out = tl_format_clock (tl_clip_get_out (clip), TRUE, '.');
      text = g_strdup_printf ("%s - %s", in, out);
    }
  return text;
}

/* The timecode of each selected clip, one line each, to the clipboard. */
static void
on_menu_copy_timecode (GSimpleAction *action, GVariant *param, TlTagPanel *self)
{
  g_autoptr(GPtrArray) clips = tl_tag_panel_get_selected_clips (self);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < clips->len; i++)
    {
      g_autofree char *timecode = clip_timecode (self, g_ptr_array_index (clips, i));
      if (timecode)
        g_string_append_printf (text, "%s%s", text->len ? "\n" : "", timecode);
    }
  if (text->len == 0)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text->str);
  tl_tag_panel_toast (self, clips->len == 1 ? _("Timecode copied") : _("Timecodes copied"), FALSE);
}

/* The menu's own actions, made for the clips selected when it opens. */
static GSimpleActionGroup *
clip_menu_actions (TlTagPanel *self, GPtrArray *clips)
{
  GSimpleActionGroup *group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) rate = NULL;
  g_autoptr(GSimpleAction) copy = g_simple_action_new ("copy-timecode", NULL);
  guint rating = clips->len ? tl_clip_get_rating (g_ptr_array_index (clips, 0)) : 0;
  gboolean timed = FALSE;

  for (guint i = 0; i < clips->len; i++)
    {
      /* several ratings: no item is checked */
      if (tl_clip_get_rating (g_ptr_array_index (clips, i)) != rating)
        rating = G_MAXUINT32;
      timed |= tl_clip_get_in (g_ptr_array_index (clips, i)) >= 0;
    }
  rate = g_simple_action_new_stateful ("rate", G_VARIANT_TYPE_UINT32, g_variant_new_uint32 (rating));
  g_signal_connect (rate, "change-state", G_CALLBACK (on_menu_rate), self);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (rate));
  for (guint t = 0; tl_tag_panel_get_topics (self) && t < tl_tag_panel_get_topics (self)->len; t++)
    {
      TlTopic *topic = g_ptr_array_index (tl_tag_panel_get_topics (self), t);
      g_autofree char *name = g_strdup_printf ("topic-%" G_GINT64_FORMAT, tl_topic_get_id (topic));
      g_autoptr(GSimpleAction) toggle = NULL;
      gboolean all = clips->len > 0;

      for (guint i = 0; i < clips->len; i++)
        all &= tl_tag_panel_clip_has_topic (g_ptr_array_index (clips, i), topic);
      toggle = g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (all));
      g_object_set_data (G_OBJECT (toggle), "topic-id", GINT_TO_POINTER ((gint) tl_topic_get_id (topic)));
      g_signal_connect (toggle, "change-state", G_CALLBACK (on_menu_topic), self);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (toggle));
    }
  g_simple_action_set_enabled (copy, timed);
  /* a read-only library: the clips are shown, not changed */
  if (tl_tag_panel_is_read_only (self))
    {
      g_simple_action_set_enabled (rate, FALSE);
      for (guint t = 0; tl_tag_panel_get_topics (self) && t < tl_tag_panel_get_topics (self)->len; t++)
        {
          g_autofree char *name = g_strdup_printf ("topic-%" G_GINT64_FORMAT,
                                                   tl_topic_get_id (g_ptr_array_index (tl_tag_panel_get_topics (self), t)));
          g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (group), name)),
                                       FALSE);
        }
    }
  g_signal_connect (copy, "activate", G_CALLBACK (on_menu_copy_timecode), self);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (copy));
  return group;
}

static GMenuModel *
clip_menu_model (TlTagPanel *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) play = g_menu_new ();
  g_autoptr(GMenu) tag = g_menu_new ();
  g_autoptr(GMenu) rate = g_menu_new ();
  g_autoptr(GMenu) topics = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();

  g_menu_append (play, _("Play Loop"), "win.loop-clip");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (play));
  for (guint r = 0; r <= 5; r++)
    {
      g_autofree char *label = r ? g_strdup_printf (ngettext ("%u Star", "%u Stars", r), r) : g_strdup (_("No Rating"));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "clipmenu.rate", g_variant_new_uint32 (r));
      g_menu_append_item (rate, item);
    }
  g_menu_append_submenu (tag, _("Rate"), G_MENU_MODEL (rate));
  for (guint t = 0; tl_tag_panel_get_topics (self) && t < tl_tag_panel_get_topics (self)->len; t++)
    {
      TlTopic *topic = g_ptr_array_index (tl_tag_panel_get_topics (self), t);
      g_autofree char *action = g_strdup_printf ("clipmenu.topic-%" G_GINT64_FORMAT, tl_topic_get_id (topic));
      g_menu_append (topics, tl_topic_get_name (topic), action);
    }
  if (tl_tag_panel_get_topics (self) == NULL || tl_tag_panel_get_topics (self)->len == 0)
    g_menu_append (topics, _("No topics yet: add one with + beside Topics"), "clipmenu.none");
  g_menu_append_submenu (tag, _("Topics"), G_MENU_MODEL (topics));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (tag));
  g_menu_append (edit, _("Copy Timecode"), "clipmenu.copy-timecode");
  g_menu_append (edit, _("Delete"), "tag.delete-clip");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  return G_MENU_MODEL (menu);
}

/* Opens the menu for the selected clips, pointing at (@x, @y) in @at. */
void
tl_tag_panel_popup_clip_menu (TlTagPanel *self, GtkWidget *at, double x, double y)
{
  g_autoptr(GPtrArray) clips = tl_tag_panel_get_selected_clips (self);
  g_autoptr(GSimpleActionGroup) actions = NULL;
  g_autoptr(GMenuModel) model = NULL;
  graphene_point_t point;

  if (clips->len == 0 || !gtk_widget_compute_point (at, GTK_WIDGET (self), &GRAPHENE_POINT_INIT ((float) x, (float) y),
                                                    &point))
    return;
  actions = clip_menu_actions (self, clips);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "clipmenu", G_ACTION_GROUP (actions));
  model = clip_menu_model (self);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->clip_menu), model);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->clip_menu),
                               &(GdkRectangle) { (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->clip_menu));
}
