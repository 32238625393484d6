/* tl-source-tree.c: the source tree: the core's TlSourceTreeModel as a
 * GtkTreeListModel, a filter that narrows it to matching sources, a
 * context menu (new folder, rename, delete, relink media) and drag and
 * drop to move sources and folders. Every change goes through the library
 * as one undoable edit; the model changes its items in place and the rows
 * follow them (notify), so nothing is rebuilt. */
#include "tl-source-tree.h"

#include "tl-name-dialog.h"
#include "tl-source-tree-model.h"

#include <glib/gi18n.h>
#include <string.h>

struct _TlSourceTree {
  GtkWidget parent_instance;

  TlLibrary *library;
  TlSourceTreeModel *model;

  GtkWidget *filter_entry;
  GtkWidget *stack;
  GtkListView *list;
  GtkSingleSelection *selection;
  GtkFilterListModel *filtered;
  GtkTreeListModel *tree;
  GtkWidget *menu;
  char *filter_text;          /* casefolded, or NULL */
  gboolean reloading;         /* the selection passes through nothing: say only where it ends */
  TlSource *hidden_source;    /* the source picked, which the filter hides: still the one shown */
  GHashTable *expanded;       /* folder ids open before the model changed */
  gint64 picked_before;       /* the source picked before it changed */
};

G_DEFINE_FINAL_TYPE (TlSourceTree, tl_source_tree, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_SOURCE,
  N_PROPS
};

enum {
  SIGNAL_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
toast (TlSourceTree *self, const char *message, gboolean undoable)
{
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, message, undoable);
}

static GObject *
row_item (gpointer item)
{
  if (GTK_IS_TREE_LIST_ROW (item))
    return gtk_tree_list_row_get_item (item); /* transfer full */
  return g_object_ref (item);
}

static GObject *
selected_item (TlSourceTree *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return item ? row_item (item) : NULL;
}

/* The source picked: the one selected, or the one the filter hides. */
static TlSource *
picked_source (TlSourceTree *self)
{
  g_autoptr(GObject) object = selected_item (self);

  if (object == NULL && self->hidden_source)
    return g_object_ref (self->hidden_source);
  return TL_IS_SOURCE (object) ? TL_SOURCE (g_steal_pointer (&object)) : NULL;
}

/* Selects @source_id's row in the list as it is (the tree or the
 * filtered list); FALSE when it is not there. */
static gboolean
select_in_list (TlSourceTree *self, gint64 source_id)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (model, i);
      g_autoptr(GObject) object = row_item (row);
      if (TL_IS_SOURCE (object) && tl_source_get_id (TL_SOURCE (object)) == source_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }
  return FALSE;
}

/* The source @source_id as the tree holds it now, or NULL. */
static TlSource *
source_by_id (TlSourceTree *self, gint64 source_id)
{
  TlSource *source = self->model ? tl_source_tree_model_find_source (self->model, source_id) : NULL;

  return source ? g_object_ref (source) : NULL;
}

/* After the list changed under the selection (a reload, the filter):
 * the source picked is selected again where the list shows it, or kept
 * aside as the one shown while the filter hides it. */
static void
keep_picked (TlSourceTree *self, gint64 source_id)
{
  g_clear_object (&self->hidden_source);
  if (source_id > 0 && !select_in_list (self, source_id))
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->hidden_source = source_by_id (self, source_id);
    }
}

/* Model */

static GListModel *
create_children (gpointer item, gpointer user_data)
{
  TlSourceTree *self = user_data;

  if (!TL_IS_FOLDER (item) || self->model == NULL)
    return NULL;
  /* the folder's own list: what moves into it later appears there */
  return g_object_ref (tl_source_tree_model_get_children (self->model, tl_folder_get_id (item)));
}

static void
collect_expanded (TlSourceTree *self, GHashTable *expanded)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);
      if (TL_IS_FOLDER (item) && gtk_tree_list_row_get_expanded (row))
        g_hash_table_add (expanded, g_memdup2 (&(gint64) { tl_folder_get_id (TL_FOLDER (item)) }, sizeof (gint64)));
    }
}

/* Opens the folders in @expanded (all of them when NULL) that are shut. */
static void
expand (TlSourceTree *self, GHashTable *expanded)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);
      if (TL_IS_FOLDER (item) && !gtk_tree_list_row_get_expanded (row)
          && (expanded == NULL || g_hash_table_contains (expanded, &(gint64) { tl_folder_get_id (TL_FOLDER (item)) })))
        {
          gtk_tree_list_row_set_expanded (row, TRUE);
          n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
        }
    }
}

/* Before the model changes: which folders are open (a folder that moves
 * leaves the tree and comes back shut) and which source is picked. */
static void
begin_update (TlSourceTree *self)
{
  g_autoptr(TlSource) picked = picked_source (self);

  g_hash_table_remove_all (self->expanded);
  collect_expanded (self, self->expanded);
  self->picked_before = picked ? tl_source_get_id (picked) : 0;
  self->reloading = TRUE;
}

static void
end_update (TlSourceTree *self)
{
  expand (self, self->expanded);
  /* a renamed source may match the filter now, or no longer */
  if (self->filter_text)
    gtk_filter_changed (gtk_filter_list_model_get_filter (self->filtered), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    g_list_model_get_n_items (G_LIST_MODEL (self->model)) ? "list" : "empty");
  if (self->picked_before)
    keep_picked (self, self->picked_before);
  /* one notification: the window sees the same source again (changed in
   * place), not an empty selection that would stop its player */
  self->reloading = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SOURCE]);
}

static gboolean
touches_tree (TlLibraryChanges *changes)
{
  return (tl_library_changes_get_what (changes) & (TL_LIBRARY_CHANGE_SOURCES | TL_LIBRARY_CHANGE_FOLDERS)) != 0;
}

/* Connected before the model's handler, and after it. */
static void
on_rows_changing (TlLibrary *library, TlLibraryChanges *changes, TlSourceTree *self)
{
  if (touches_tree (changes))
    begin_update (self);
}

static void
on_rows_changed (TlLibrary *library, TlLibraryChanges *changes, TlSourceTree *self)
{
  if (touches_tree (changes) && self->reloading)
    end_update (self);
}

static void
on_load_failed (TlSourceTreeModel *model, const GError *error, TlSourceTree *self)
{
  toast (self, error->message, FALSE);
}

/**
 * tl_source_tree_reload:
 *
 * Reads folders and sources again (the model keeps its items and changes
 * them in place), keeping open folders open and the selection where it was.
 */
void
tl_source_tree_reload (TlSourceTree *self)
{
  g_autoptr(GError) error = NULL;

  if (self->model == NULL)
    return;
  begin_update (self);
  if (!tl_source_tree_model_reload (self->model, &error))
    toast (self, error->message, FALSE);
  end_update (self);
}

/* Rows */

static char *
format_duration (gint64 usec)
{
  gint64 s = usec / G_USEC_PER_SEC;

  if (usec < 0)
    return NULL;
  if (s >= 3600)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT, s / 3600, (s / 60) % 60, s % 60);
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT, s / 60, s % 60);
}

static const char *
kind_icon (TlSourceKind kind)
{
  switch (kind)
    {
    case TL_SOURCE_KIND_VIDEO: return "video-x-generic-symbolic";
    case TL_SOURCE_KIND_AUDIO: return "audio-x-generic-symbolic";
    case TL_SOURCE_KIND_ARTICLE: return "x-office-document-symbolic";
    case TL_SOURCE_KIND_TRANSCRIPT:
    default: return "text-x-generic-symbolic";
    }
}

static char *
source_details (TlSource *source, gboolean with_folder)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *duration = format_duration (tl_source_get_duration (source));
  guint n = tl_source_get_n_segments (source);

  if (with_folder && tl_source_get_folder (source))
    g_ptr_array_add (parts, g_strdup (tl_source_get_folder (source)));
  if (tl_source_get_outlet (source))
    g_ptr_array_add (parts, g_strdup (tl_source_get_outlet (source)));
  if (duration)
    g_ptr_array_add (parts, g_steal_pointer (&duration));
  if (tl_source_get_kind (source) == TL_SOURCE_KIND_ARTICLE)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%'u paragraph", "%'u paragraphs", n), n));
  else
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%'u line", "%'u lines", n), n));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

typedef struct {
  GtkWidget *expander, *icon, *title, *details, *badge;
  GObject *object;   /* the item shown, whose notify shows it again */
  gulong notify_handler;
  gboolean in_tree;  /* a row of the tree, not of the filtered list */
} RowWidgets;

static void
row_widgets_free (gpointer data)
{
  RowWidgets *w = data;

  if (w->object)
    g_clear_signal_handler (&w->notify_handler, w->object);
  g_clear_object (&w->object);
  g_free (w);
}

static gboolean
on_drop (GtkDropTarget *target, const GValue *value, double x, double y, GtkListItem *item);

static GdkContentProvider *
on_drag_prepare (GtkDragSource *drag, double x, double y, GtkListItem *item)
{
  g_autoptr(GObject) object = NULL;
  g_autofree char *payload = NULL;

  /* a read-only library's sources stay where they are */
  if (gtk_list_item_get_item (item) == NULL || tl_source_tree_is_read_only (g_object_get_data (G_OBJECT (drag), "tree")))
    return NULL;
  object = row_item (gtk_list_item_get_item (item));
  if (TL_IS_SOURCE (object))
    payload = g_strdup_printf ("tagline-source:%" G_GINT64_FORMAT, tl_source_get_id (TL_SOURCE (object)));
  else
    payload = g_strdup_printf ("tagline-folder:%" G_GINT64_FORMAT, tl_folder_get_id (TL_FOLDER (object)));
  return gdk_content_provider_new_typed (G_TYPE_STRING, payload);
}

static void
on_row_setup (GtkSignalListItemFactory *factory, GtkListItem *item, TlSourceTree *self)
{
  RowWidgets *w = g_new0 (RowWidgets, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  w->icon = gtk_image_new ();
  w->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (w->title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (w->title), PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap (GTK_LABEL (w->title), TRUE);
  gtk_label_set_lines (GTK_LABEL (w->title), 2);
  w->details = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (w->details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (w->details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (w->details, "dim-label");
  gtk_widget_add_css_class (w->details, "caption");
  w->badge = gtk_label_new (NULL);
  gtk_widget_add_css_class (w->badge, "badge");
  gtk_widget_add_css_class (w->badge, "caption");
  gtk_widget_set_valign (w->badge, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (w->icon, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), w->title);
  gtk_box_append (GTK_BOX (texts), w->details);
  gtk_box_append (GTK_BOX (box), w->icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), w->badge);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_widget_add_css_class (box, "source-row");
  w->expander = gtk_tree_expander_new ();
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (w->expander), box);

  g_object_set_data (G_OBJECT (drag), "tree", self);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), item);
  gtk_widget_add_controller (w->expander, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), item);
  gtk_widget_add_controller (w->expander, GTK_EVENT_CONTROLLER (drop));
  g_object_set_data (G_OBJECT (drop), "tree", self);

  g_object_set_data_full (G_OBJECT (item), "row-widgets", w, row_widgets_free);
  gtk_list_item_set_child (item, w->expander);
}

/* Shows the item of a row (again, when it changes in place). */
static void
show_row (RowWidgets *w)
{
  GObject *object = w->object;
  const char *badge = NULL;

  if (TL_IS_FOLDER (object))
    {
      TlFolder *folder = TL_FOLDER (object);
      gtk_image_set_from_icon_name (GTK_IMAGE (w->icon), "folder-symbolic");
      gtk_label_set_text (GTK_LABEL (w->title), tl_folder_get_name (folder));
      gtk_widget_set_visible (w->details, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (w->expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tl_folder_get_name (folder), -1);
    }
  else
    {
      TlSource *source = TL_SOURCE (object);
      const TlMediaInfo *media = tl_source_get_media (source);
      g_autofree char *details = source_details (source, !w->in_tree);

      gtk_image_set_from_icon_name (GTK_IMAGE (w->icon), kind_icon (tl_source_get_kind (source)));
      gtk_label_set_text (GTK_LABEL (w->title), tl_source_get_title (source));
      gtk_label_set_text (GTK_LABEL (w->details), details);
      gtk_widget_set_visible (w->details, TRUE);
      if (media && !g_file_test (media->path, G_FILE_TEST_EXISTS))
        badge = _("media missing");
      else if (tl_source_get_kind (source) != TL_SOURCE_KIND_ARTICLE)
        {
          if (tl_source_get_timing (source) == TL_TIMING_ESTIMATED)
            badge = _("estimated");
          else if (tl_source_get_timing (source) == TL_TIMING_NONE)
            badge = _("untimed");
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (w->expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tl_source_get_title (source), -1);
    }
  gtk_label_set_text (GTK_LABEL (w->badge), badge ? badge : "");
  gtk_widget_set_visible (w->badge, badge != NULL);
  if (badge && g_str_equal (badge, _("media missing")))
    gtk_widget_add_css_class (w->badge, "error");
  else
    gtk_widget_remove_css_class (w->badge, "error");
}


static void
on_item_notify (GObject *object, GParamSpec *pspec, RowWidgets *w)
{
  show_row (w);
}

static void
on_row_bind (GtkSignalListItemFactory *factory, GtkListItem *item, TlSourceTree *self)
{
  RowWidgets *w = g_object_get_data (G_OBJECT (item), "row-widgets");
  gpointer row = gtk_list_item_get_item (item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (w->expander), GTK_IS_TREE_LIST_ROW (row) ? row : NULL);
  w->in_tree = GTK_IS_TREE_LIST_ROW (row);
  w->object = row_item (row);
  w->notify_handler = g_signal_connect (w->object, "notify", G_CALLBACK (on_item_notify), w);
  show_row (w);
}

static void
on_row_unbind (GtkSignalListItemFactory *factory, GtkListItem *item, TlSourceTree *self)
{
  RowWidgets *w = g_object_get_data (G_OBJECT (item), "row-widgets");

  if (w->object)
    g_clear_signal_handler (&w->notify_handler, w->object);
  g_clear_object (&w->object);
}

/* Drag and drop inside the tree */

static gboolean
move_payload (TlSourceTree *self, const char *payload, gint64 folder_id)
{
  g_autoptr(GError) error = NULL;
  gint64 id;
  gboolean ok = FALSE;

  if (g_str_has_prefix (payload, "tagline-source:"))
    {
      id = g_ascii_strtoll (payload + 15, NULL, 10);
      ok = tl_library_move_source (self->library, id, folder_id, &error);
    }
  else if (g_str_has_prefix (payload, "tagline-folder:"))
    {
      id = g_ascii_strtoll (payload + 15, NULL, 10);
      if (id == folder_id)
        return FALSE;
      ok = tl_library_move_folder (self->library, id, folder_id, &error);
    }
  if (!ok && error)
    toast (self, error->message, FALSE);
  return ok;
}

/* Dropped on a folder: into it; on a source: beside it. */
static gboolean
on_drop (GtkDropTarget *target, const GValue *value, double x, double y, GtkListItem *item)
{
  TlSourceTree *self = g_object_get_data (G_OBJECT (target), "tree");
  g_autoptr(GObject) object = NULL;
  gint64 folder_id;

  if (gtk_list_item_get_item (item) == NULL)
    return FALSE;
  object = row_item (gtk_list_item_get_item (item));
  folder_id = TL_IS_FOLDER (object) ? tl_folder_get_id (TL_FOLDER (object))
                                    : tl_source_get_folder_id (TL_SOURCE (object));
  return move_payload (self, g_value_get_string (value), folder_id);
}

/* Dropped below the rows: to the top level. */
static gboolean
on_drop_top (GtkDropTarget *target, const GValue *value, double x, double y, TlSourceTree *self)
{
  return move_payload (self, g_value_get_string (value), 0);
}

/* Filter */

static gboolean
filter_match (gpointer item, gpointer user_data)
{
  TlSourceTree *self = user_data;
  TlSource *source = item;
  g_autofree char *joined = NULL;
  g_autofree char *haystack = NULL;

  if (self->filter_text == NULL)
    return TRUE;
  joined = g_strjoin (" ", tl_source_get_title (source),
                      tl_source_get_outlet (source) ? tl_source_get_outlet (source) : "",
                      tl_source_get_folder (source) ? tl_source_get_folder (source) : "", NULL);
  haystack = g_utf8_casefold (joined, -1);
  return strstr (haystack, self->filter_text) != NULL;
}

static void
on_filter_changed (GtkSearchEntry *entry, TlSourceTree *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->filtered);
  g_autoptr(TlSource) picked = picked_source (self);

  g_clear_pointer (&self->filter_text, g_free);
  if (text && *text)
    self->filter_text = g_utf8_casefold (text, -1);
  /* narrowing the list does not close the source shown: the selection
   * passes through nothing on the way, which the window is not told */
  self->reloading = TRUE;
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  /* narrowed, the tree is a flat list of the sources that match */
  gtk_single_selection_set_model (self->selection, self->filter_text ? G_LIST_MODEL (self->filtered)
                                                                     : G_LIST_MODEL (self->tree));
  if (picked)
    keep_picked (self, tl_source_get_id (picked));
  self->reloading = FALSE;
}

/* Actions */

static void
on_selected (GtkSingleSelection *selection, GParamSpec *pspec, TlSourceTree *self)
{
  if (self->reloading)
    return;
  g_clear_object (&self->hidden_source);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SOURCE]);
}

typedef struct {
  TlSourceTree *tree;
  GObject *object; /* folder or source; NULL for a new folder */
  gint64 parent;
} NameRequest;

static void
name_request_free (gpointer data)
{
  NameRequest *r = data;

  g_clear_object (&r->object);
  g_free (r);
}

static void
on_name_chosen (const char *name, gpointer user_data)
{
  NameRequest *r = user_data;
  g_autoptr(GError) error = NULL;

  if (r->object == NULL)
    tl_library_add_folder (r->tree->library, r->parent, name, &error);
  else if (TL_IS_FOLDER (r->object))
    tl_library_rename_folder (r->tree->library, tl_folder_get_id (TL_FOLDER (r->object)), name, &error);
  else
    tl_library_rename_source (r->tree->library, tl_source_get_id (TL_SOURCE (r->object)), name, &error);
  if (error)
    toast (r->tree, error->message, FALSE);
}

static void
ask_name (TlSourceTree *self, const char *heading, const char *ok_label, const char *initial, GObject *object,
          gint64 parent)
{
  NameRequest *r = g_new0 (NameRequest, 1);

  r->tree = self;
  r->object = object ? g_object_ref (object) : NULL;
  r->parent = parent;
  tl_ask_name (GTK_WIDGET (self), heading, ok_label, initial, on_name_chosen, r, name_request_free);
}

static void
new_folder_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  TlSourceTree *self = TL_SOURCE_TREE (widget);

  ask_name (self, _("New Folder"), _("_Create"), NULL, NULL, tl_source_tree_get_selected_folder (self));
}

static void
rename_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  TlSourceTree *self = TL_SOURCE_TREE (widget);
  g_autoptr(GObject) object = selected_item (self);

  if (TL_IS_FOLDER (object))
    ask_name (self, _("Rename Folder"), _("_Rename"), tl_folder_get_name (TL_FOLDER (object)), object, 0);
  else if (TL_IS_SOURCE (object))
    ask_name (self, _("Rename Source"), _("_Rename"), tl_source_get_title (TL_SOURCE (object)), object, 0);
}

static void
delete_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  TlSourceTree *self = TL_SOURCE_TREE (widget);
  g_autoptr(GObject) object = selected_item (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (TL_IS_FOLDER (object))
    {
      if (tl_library_delete_folder (self->library, tl_folder_get_id (TL_FOLDER (object)), &error))
        message = g_strdup_printf (_("Folder “%s” deleted"), tl_folder_get_name (TL_FOLDER (object)));
    }
  else if (TL_IS_SOURCE (object))
    {
      if (tl_library_delete_source (self->library, tl_source_get_id (TL_SOURCE (object)), &error))
        message = g_strdup_printf (_("“%s” deleted"), tl_source_get_title (TL_SOURCE (object)));
    }
  if (error)
    toast (self, error->message, FALSE);
  else if (message)
    toast (self, message, TRUE);
}

static void
on_relink_response (GtkNativeDialog *dialog, int response, TlSourceTree *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  TlSource *source = g_object_get_data (G_OBJECT (dialog), "source");

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);
      g_signal_emit_by_name (self, "relink-media", source, path);
    }
  g_object_unref (dialog);
}

static void
relink_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  TlSourceTree *self = TL_SOURCE_TREE (widget);
  g_autoptr(GObject) object = selected_item (self);
  GtkFileChooserNative *chooser;

  if (!TL_IS_SOURCE (object))
    return;
  chooser = gtk_file_chooser_native_new (_("Choose the Media File"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Link"), _("_Cancel"));
  g_object_set_data_full (G_OBJECT (chooser), "source", g_object_ref (object), g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (on_relink_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_right_click (GtkGestureClick *gesture, int n_press, double x, double y, TlSourceTree *self)
{
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) { x, y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
tl_source_tree_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SELECTED_SOURCE:
      g_value_set_object (value, tl_source_tree_get_selected_source (TL_SOURCE_TREE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_source_tree_dispose (GObject *object)
{
  TlSourceTree *self = TL_SOURCE_TREE (object);
  GtkWidget *child;

  if (self->library)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_clear_object (&self->library);
  if (self->model)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->filtered);
  g_clear_object (&self->hidden_source);
  g_clear_object (&self->model);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->filter_text, g_free);
  G_OBJECT_CLASS (tl_source_tree_parent_class)->dispose (object);
}

static void
tl_source_tree_class_init (TlSourceTreeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_source_tree_dispose;
  object_class->get_property = tl_source_tree_get_property;

  properties[PROP_SELECTED_SOURCE] = g_param_spec_object ("selected-source", NULL, NULL, TL_TYPE_SOURCE,
                                                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TlSourceTree::toast:
   * @message: what happened, or what went wrong
   * @undoable: whether an Undo button belongs with it
   */
  signals[SIGNAL_TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
  /* The editor chose a new media file for a source. */
  g_signal_new ("relink-media", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 2, TL_TYPE_SOURCE, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "tree.new-folder", NULL, new_folder_activated);
  gtk_widget_class_install_action (widget_class, "tree.rename", NULL, rename_activated);
  gtk_widget_class_install_action (widget_class, "tree.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "tree.relink", NULL, relink_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "tree.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "tree.delete", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sourcetree");
}

static void
tl_source_tree_init (TlSourceTree *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *new_folder = gtk_button_new_from_icon_name ("folder-new-symbolic");
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkGesture *right_click = gtk_gesture_click_new ();
  GtkDropTarget *drop_top = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkCustomFilter *filter;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  /* empty until a library is set */
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (g_list_store_new (G_TYPE_OBJECT)), FALSE, FALSE,
                                        create_children, self, NULL);
  filter = gtk_custom_filter_new (filter_match, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_list_store_new (TL_TYPE_SOURCE)), GTK_FILTER (filter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (on_selected), self);

  /* filter box and new folder */
  self->filter_entry = gtk_search_entry_new ();
  /* the setter is GTK 4.10; the property is older */
  g_object_set (self->filter_entry, "placeholder-text", _("Filter sources"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Filter sources"), -1);
  gtk_widget_set_hexpand (self->filter_entry, TRUE);
  g_signal_connect (self->filter_entry, "search-changed", G_CALLBACK (on_filter_changed), self);
  gtk_widget_set_tooltip_text (new_folder, _("New Folder"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (new_folder), GTK_ACCESSIBLE_PROPERTY_LABEL, _("New folder"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (new_folder), "tree.new-folder");
  gtk_widget_add_css_class (new_folder, "flat");
  gtk_box_append (GTK_BOX (header), self->filter_entry);
  gtk_box_append (GTK_BOX (header), new_folder);
  gtk_widget_set_margin_start (header, 6);
  gtk_widget_set_margin_end (header, 6);
  gtk_widget_set_margin_top (header, 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_set_parent (header, GTK_WIDGET (self));

  /* the list */
  g_signal_connect (factory, "setup", G_CALLBACK (on_row_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_row_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_row_unbind), self);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sources"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  g_signal_connect (drop_top, "drop", G_CALLBACK (on_drop_top), self);
  gtk_widget_add_controller (scroller, GTK_EVENT_CONTROLLER (drop_top));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "folder-documents-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Sources Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Import transcripts and media with the + button, or drop them here"));
  gtk_widget_add_css_class (empty, "compact");
  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");
  gtk_stack_add_named (GTK_STACK (self->stack), scroller, "list");
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  /* context menu */
  g_menu_append (menu, _("New Folder…"), "tree.new-folder");
  g_menu_append (menu, _("Rename…"), "tree.rename");
  g_menu_append (menu, _("Relink Media…"), "tree.relink");
  g_menu_append (menu, _("Delete"), "tree.delete");
  self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (right_click), GDK_BUTTON_SECONDARY);
  g_signal_connect (right_click, "pressed", G_CALLBACK (on_right_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), GTK_EVENT_CONTROLLER (right_click));
}

GtkWidget *
tl_source_tree_new (void)
{
  return g_object_new (TL_TYPE_SOURCE_TREE, NULL);
}

void
tl_source_tree_set_library (TlSourceTree *self, TlLibrary *library)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TL_IS_SOURCE_TREE (self));
  if (self->library)
    g_signal_handlers_disconnect_by_data (self->library, self);
  if (self->model)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_object (&self->hidden_source);
  g_set_object (&self->library, library);
  {
    static const char *const edits[] = { "tree.new-folder", "tree.rename", "tree.delete", "tree.relink" };
    for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
      gtk_widget_action_set_enabled (GTK_WIDGET (self), edits[i], !tl_source_tree_is_read_only (self));
  }
  if (library)
    {
      /* around the model's own handler: before it, what is open and
       * picked; after it, the same again */
      g_signal_connect (library, "rows-changed", G_CALLBACK (on_rows_changing), self);
      self->model = tl_source_tree_model_new (library, &error);
      g_signal_connect_after (library, "rows-changed", G_CALLBACK (on_rows_changed), self);
      if (self->model == NULL)
        toast (self, error->message, FALSE);
      else
        g_signal_connect (self->model, "load-failed", G_CALLBACK (on_load_failed), self);
    }
  self->reloading = TRUE;
  g_clear_object (&self->tree);
  self->tree = gtk_tree_list_model_new (self->model ? g_object_ref (G_LIST_MODEL (self->model))
                                                    : G_LIST_MODEL (g_list_store_new (G_TYPE_OBJECT)),
                                        FALSE, FALSE, create_children, self, NULL);
  gtk_filter_list_model_set_model (self->filtered, self->model ? tl_source_tree_model_get_sources (self->model) : NULL);
  gtk_single_selection_set_model (self->selection, self->filter_text ? G_LIST_MODEL (self->filtered)
                                                                     : G_LIST_MODEL (self->tree));
  /* on the first look, every folder is open */
  expand (self, NULL);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    self->model && g_list_model_get_n_items (G_LIST_MODEL (self->model)) ? "list"
                                                                                                       : "empty");
  self->reloading = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SOURCE]);
}

/**
 * tl_source_tree_is_read_only:
 *
 * Whether the library shown can only be read: its sources and folders are
 * shown, and nothing offers to make, rename, move or delete them.
 */
gboolean
tl_source_tree_is_read_only (TlSourceTree *self)
{
  return self == NULL || self->library == NULL || tl_library_is_read_only (self->library);
}

/* Returns: (transfer none) (nullable): the selected source, or the one
 *   picked before the filter hid it */
TlSource *
tl_source_tree_get_selected_source (TlSourceTree *self)
{
  g_autoptr(TlSource) source = NULL;

  g_return_val_if_fail (TL_IS_SOURCE_TREE (self), NULL);
  source = picked_source (self);
  /* the row (or the tree) holds the object: a borrowed pointer stays valid */
  return source;
}

/* The folder new things go in: the selected folder, or the selected
 * source's folder; 0 for the top level. */
gint64
tl_source_tree_get_selected_folder (TlSourceTree *self)
{
  g_autoptr(GObject) object = selected_item (self);

  if (TL_IS_FOLDER (object))
    return tl_folder_get_id (TL_FOLDER (object));
  if (TL_IS_SOURCE (object))
    return tl_source_get_folder_id (TL_SOURCE (object));
  return 0;
}

/* Selects a source; one the filter hides clears the filter first. */
gboolean
tl_source_tree_select_source (TlSourceTree *self, gint64 source_id)
{
  g_autoptr(TlSource) hidden = NULL;

  g_return_val_if_fail (TL_IS_SOURCE_TREE (self), FALSE);
  if (select_in_list (self, source_id))
    return TRUE;
  if (self->filter_text == NULL || (hidden = source_by_id (self, source_id)) == NULL)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  /* the entry says so at once when emptied; this is in case it did not */
  if (self->filter_text)
    on_filter_changed (GTK_SEARCH_ENTRY (self->filter_entry), self);
  return select_in_list (self, source_id);
}

void
tl_source_tree_focus_filter (TlSourceTree *self)
{
  gtk_widget_grab_focus (self->filter_entry);
}
