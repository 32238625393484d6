/* tl-tag-panel.c: the right-hand panel: topics with their colours, keys
 * and counts; the clips of the source (or of the whole library); and the
 * editor of the selected clip. The lists are bound to the core's list
 * models (TlTopicList, TlClipList), which follow the library's changes in
 * place; changes go straight to the library, each one undoable. This file
 * holds the layout, the models and the selection; the topics, the clips
 * list, the editor and the clips' menu are in files of their own. */
#include "tl-tag-panel-private.h"

#include <glib/gi18n.h>

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

void
tl_tag_panel_emit_topic_activated (TlTagPanel *self, gint64 topic_id)
{
  g_signal_emit (self, signals[SIGNAL_TOPIC_ACTIVATED], 0, topic_id);
}

TlTopic *
tl_tag_panel_topic_by_id (TlTagPanel *self, gint64 id)
{
  return self->topics ? tl_topic_list_find (self->topics, id, NULL) : NULL;
}

TlTopic *
tl_tag_panel_topic_by_name (TlTagPanel *self, const char *name)
{
  GPtrArray *topics = tl_tag_panel_get_topics (self);

  for (guint i = 0; topics && i < topics->len; i++)
    if (g_str_equal (tl_topic_get_name (g_ptr_array_index (topics, i)), name))
      return g_ptr_array_index (topics, i);
  return NULL;
}

/* The clips the list shows: the source's or every clip (NULL: none). */
GListModel *
tl_tag_panel_shown (TlTagPanel *self)
{
  return gtk_multi_selection_get_model (self->clip_selection);
}

/* The position of the one selected clip; GTK_INVALID_LIST_POSITION when
 * none or several are selected. */
guint
tl_tag_panel_single_selected (TlTagPanel *self)
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

/* Returns: (transfer full): the selected clips' ids, in the list's order */
GArray *
tl_tag_panel_selected_ids (TlTagPanel *self)
{
  g_autoptr(GPtrArray) clips = tl_tag_panel_get_selected_clips (self);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < clips->len; i++)
    {
      gint64 id = tl_clip_get_id (g_ptr_array_index (clips, i));
      g_array_append_val (ids, id);
    }
  return ids;
}

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

/* The selection */

/* The selected clip changed (in place): the editor shows it as it is. */
static void
on_watched_clip_notify (TlClip *clip, GParamSpec *pspec, TlTagPanel *self)
{
  if (!g_str_equal (pspec->name, "text"))
    tl_tag_panel_show_editor (self, clip);
}

static void
watch_clip (TlTagPanel *self, TlClip *clip)
{
  if (clip == self->watched_clip)
    return;
  if (self->watched_clip)
    g_signal_handlers_disconnect_by_data (self->watched_clip, self);
  g_set_object (&self->watched_clip, clip);
  if (clip)
    g_signal_connect (clip, "notify", G_CALLBACK (on_watched_clip_notify), self);
}

/* The editor follows the selection; a click that picks one clip sends the
 * player there. */
static void
on_clip_selection_changed (GtkSelectionModel *selection, guint position, guint n_items, TlTagPanel *self)
{
  TlClip *clip = tl_tag_panel_get_selected_clip (self);

  watch_clip (self, clip);
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

/* Clips came or went (an edit, an undo, another window's change): the
 * editor shows what is selected now, and an empty list says how to make
 * clips. */
static void
on_shown_changed (GListModel *model, guint position, guint removed, guint added, TlTagPanel *self)
{
  TlClip *clip = tl_tag_panel_get_selected_clip (self);

  watch_clip (self, clip);
  tl_tag_panel_show_editor (self, clip);
  gtk_stack_set_visible_child_name (GTK_STACK (self->clips_stack), g_list_model_get_n_items (model) ? "list" : "empty");
}

/* Selects the clips with these ids (and no others) without announcing it
 * as the editor's pick; returns how many were found. */
guint
tl_tag_panel_select_ids (TlTagPanel *self, const gint64 *ids, guint n_ids)
{
  g_autoptr(GtkBitset) positions = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) all = NULL;
  GListModel *shown = tl_tag_panel_shown (self);
  guint n = shown ? g_list_model_get_n_items (shown) : 0;
  gboolean was_loading = self->loading;

  for (guint k = 0; shown && k < n_ids; k++)
    {
      guint position;
      if (tl_clip_list_find (TL_CLIP_LIST (shown), ids[k], &position))
        gtk_bitset_add (positions, position);
    }
  all = gtk_bitset_new_range (0, n);
  self->loading = TRUE;
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->clip_selection), positions, all);
  self->loading = was_loading;
  on_shown_changed (G_LIST_MODEL (self->clip_selection), 0, 0, 0, self);
  return (guint) gtk_bitset_get_size (positions);
}

/* Until the editor moves the divider, it sits below the topics: as many
 * as there are, up to six (the topics list's largest natural height). */
void
tl_tag_panel_place_divider (TlTagPanel *self)
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

/* Another time format: the editor shows the clip's range in it. */
static void
on_editor_time_format (TlTagPanel *self)
{
  TlClip *clip = tl_tag_panel_get_selected_clip (self);

  if (clip)
    tl_tag_panel_show_editor (self, clip);
}

/* The models */

static void
on_model_failed (GObject *model, GError *error, TlTagPanel *self)
{
  tl_tag_panel_report (self, error);
}

/* The source's clips, by time, read at once: the window shows them in the
 * transcript and the strip as soon as it shows the source. */
static void
load_source_clips (TlTagPanel *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->source_clips);
  if (self->library && self->source)
    {
      gint64 id = tl_source_get_id (self->source);
      TlClipFilter filter = { NULL, &id, 1, NULL, 0, NULL, TL_CLIP_ORDER_SOURCE };

      self->source_clips = tl_clip_list_new (self->library, &filter);
      g_signal_connect_object (self->source_clips, "failed", G_CALLBACK (on_model_failed), self, 0);
      if (!tl_clip_list_load (self->source_clips, &error))
        tl_tag_panel_report (self, error);
    }
  if (!self->all_clips)
    tl_tag_panel_show_list (self, self->source_clips ? G_LIST_MODEL (self->source_clips) : NULL, FALSE);
}

/**
 * tl_tag_panel_reload:
 *
 * Reads topics and clips again (they follow the library by themselves:
 * this is for a library that was just set), keeping the selected clips
 * selected.
 */
void
tl_tag_panel_reload (TlTagPanel *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TL_IS_TAG_PANEL (self));
  if (self->topics && !tl_topic_list_load (self->topics, &error))
    tl_tag_panel_report (self, error);
  if (self->source_clips && !tl_clip_list_load (self->source_clips, &error))
    tl_tag_panel_report (self, error);
  if (self->every_clip && !self->loading_all && !tl_clip_list_load (self->every_clip, &error))
    tl_tag_panel_report (self, error);
  tl_tag_panel_place_divider (self);
}

static void
tl_tag_panel_dispose (GObject *object)
{
  TlTagPanel *self = TL_TAG_PANEL (object);
  GtkWidget *child;

  tl_tag_panel_flush_typing (self);
  g_signal_handlers_disconnect_by_data (tl_time_format_get_default (), self);
  g_clear_pointer (&self->media, g_hash_table_unref);
  tl_tag_panel_stop_scroll_hold (self);
  if (self->loading_all)
    g_cancellable_cancel (self->loading_all);
  g_clear_object (&self->loading_all);
  watch_clip (self, NULL);
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
  g_clear_object (&self->source_clips);
  g_clear_object (&self->every_clip);
  g_clear_object (&self->topics);
  g_clear_pointer (&self->no_clips, g_ptr_array_unref);
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

  tl_tag_panel_install_topic_actions (widget_class);
  tl_tag_panel_install_clip_actions (widget_class);
  gtk_widget_class_set_css_name (widget_class, "tagpanel");
}

GtkWidget *
tl_tag_panel_section_header (const char *title, GtkWidget *end)
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

static void
tl_tag_panel_init (TlTagPanel *self)
{
  GtkWidget *viewport;

  self->media = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) tl_media_info_free);
  self->no_clips = g_ptr_array_new ();
  g_signal_connect_swapped (tl_time_format_get_default (), "notify::kind", G_CALLBACK (on_editor_time_format), self);

  /* topics over clips, the divider where the editor leaves it */
  self->lists = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  gtk_paned_set_start_child (GTK_PANED (self->lists), tl_tag_panel_build_topics (self));
  gtk_paned_set_end_child (GTK_PANED (self->lists), tl_tag_panel_build_clips (self));
  gtk_paned_set_resize_start_child (GTK_PANED (self->lists), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->lists), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (self->lists), FALSE);
  gtk_widget_set_parent (self->lists, GTK_WIDGET (self));
  self->divider_auto = TRUE;
  g_signal_connect (self->lists, "notify::position", G_CALLBACK (on_divider_moved), self);
  g_signal_connect (self->clip_selection, "selection-changed", G_CALLBACK (on_clip_selection_changed), self);
  g_signal_connect (self->clip_selection, "items-changed", G_CALLBACK (on_shown_changed), self);

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
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TL_IS_TAG_PANEL (self));
  if (!g_set_object (&self->library, library))
    return;
  /* the models of the library before go, with what they showed */
  if (self->loading_all)
    g_cancellable_cancel (self->loading_all);
  g_clear_object (&self->loading_all);
  g_clear_object (&self->every_clip);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->this_source), TRUE);
  g_clear_object (&self->topics);
  if (library)
    {
      self->topics = tl_topic_list_new (library);
      g_signal_connect_object (self->topics, "failed", G_CALLBACK (on_model_failed), self, 0);
      if (!tl_topic_list_load (self->topics, &error))
        tl_tag_panel_report (self, error);
    }
  tl_tag_panel_bind_topics (self);
  apply_read_only (self);
  load_source_clips (self);
  tl_tag_panel_place_divider (self);
}

void
tl_tag_panel_set_source (TlTagPanel *self, TlSource *source)
{
  g_return_if_fail (TL_IS_TAG_PANEL (self));
  g_set_object (&self->source, source);
  /* the media may have been relinked meanwhile */
  g_hash_table_remove_all (self->media);
  load_source_clips (self);
}

/* Returns: (transfer none) (nullable): the clip being edited: the selected
 * clip, when exactly one is selected */
TlClip *
tl_tag_panel_get_selected_clip (TlTagPanel *self)
{
  guint position;

  g_return_val_if_fail (TL_IS_TAG_PANEL (self), NULL);
  position = tl_tag_panel_single_selected (self);
  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;
  /* the list keeps it */
  return g_ptr_array_index (tl_clip_list_get_items (TL_CLIP_LIST (tl_tag_panel_shown (self))), position);
}

/* Returns: (transfer container) (element-type TlClip): the selected clips,
 * in the list's order */
GPtrArray *
tl_tag_panel_get_selected_clips (TlTagPanel *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GPtrArray *clips = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *shown;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (TL_IS_TAG_PANEL (self), clips);
  shown = tl_tag_panel_shown (self);
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->clip_selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more && shown;
       more = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (clips, g_object_ref (g_ptr_array_index (tl_clip_list_get_items (TL_CLIP_LIST (shown)), position)));
  return clips;
}

/* Selects the clips with these ids (the window's new clips) and shows the
 * last of them; returns whether any is in the list. */
gboolean
tl_tag_panel_select_clips (TlTagPanel *self, const gint64 *clip_ids, guint n_clips)
{
  g_autoptr(GtkBitset) selected = NULL;

  g_return_val_if_fail (TL_IS_TAG_PANEL (self), FALSE);
  if (tl_tag_panel_select_ids (self, clip_ids, n_clips) == 0)
    return FALSE;
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->clip_selection));
  gtk_widget_activate_action (self->clips_view, "list.scroll-to-item", "u", gtk_bitset_get_maximum (selected));
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
    tl_tag_panel_place_divider (self);
  else
    gtk_paned_set_position (GTK_PANED (self->lists), height);
}

/* Returns: (transfer none): the clips the list shows, in its order (a
 * TlClipList: its clips follow the library in place) */
GListModel *
tl_tag_panel_get_shown_clips (TlTagPanel *self)
{
  g_return_val_if_fail (TL_IS_TAG_PANEL (self), NULL);
  return G_LIST_MODEL (self->clip_selection);
}

/* Returns: (transfer none) (nullable): every topic, in their order: the
 * topic list's own items, which change with it */
GPtrArray *
tl_tag_panel_get_topics (TlTagPanel *self)
{
  g_return_val_if_fail (TL_IS_TAG_PANEL (self), NULL);
  return self->topics ? tl_topic_list_get_items (self->topics) : NULL;
}

/* Returns: (transfer none): the clips of the source, by time: the clip
 * list's own items, which change with it */
GPtrArray *
tl_tag_panel_get_source_clips (TlTagPanel *self)
{
  g_return_val_if_fail (TL_IS_TAG_PANEL (self), NULL);
  return self->source_clips ? tl_clip_list_get_items (self->source_clips) : self->no_clips;
}
