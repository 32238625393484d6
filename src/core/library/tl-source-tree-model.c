/* tl-source-tree-model.c: the source tree as list models. The model is
 * itself the top level (folders, then sources, in the library's order);
 * each folder's children and the flat list of all sources are GListStores
 * it keeps. On the library's rows-changed it reads again what changed and
 * brings each store in step with the fewest removals and insertions it
 * finds, reusing the objects it holds: a renamed source is the same
 * TlSource with a new title (and notify::title), a moved one is removed
 * from one folder and inserted into another. */
#include "tl-source-tree-model.h"

#include "tl-library-private.h"

struct _TlSourceTreeModel {
  GObject parent_instance;

  TlLibrary *library;
  GListStore *root;       /* top-level folders and sources */
  GHashTable *children;   /* folder id -> GListStore of its folders and sources */
  GListStore *sources;    /* every source, in the library's order */
  GHashTable *source_by_id; /* id -> TlSource, the objects the stores hold */
  GHashTable *folder_by_id; /* id -> TlFolder */
};

static void tl_source_tree_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TlSourceTreeModel, tl_source_tree_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, tl_source_tree_model_list_model_init))

enum {
  SIGNAL_LOAD_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* GListModel: the top level */

static GType
get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (TL_SOURCE_TREE_MODEL (model)->root));
}

static gpointer
get_item (GListModel *model, guint position)
{
  return g_list_model_get_item (G_LIST_MODEL (TL_SOURCE_TREE_MODEL (model)->root), position);
}

static void
tl_source_tree_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
on_root_items_changed (GListModel *root, guint position, guint removed, guint added, TlSourceTreeModel *self)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

/* Changing items in place */

static gboolean
set_string (char **field, const char *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static gboolean
same_media (const TlMediaInfo *a, const TlMediaInfo *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (a->path, b->path) == 0 && a->duration == b->duration && a->fps_num == b->fps_num
         && a->fps_den == b->fps_den && a->width == b->width && a->height == b->height
         && a->has_video == b->has_video && a->has_audio == b->has_audio
         && g_strcmp0 (a->video_codec, b->video_codec) == 0 && g_strcmp0 (a->audio_codec, b->audio_codec) == 0
         && g_strcmp0 (a->start_timecode, b->start_timecode) == 0;
}

static gboolean
same_strv (GStrv a, GStrv b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  return g_strv_equal ((const char *const *) a, (const char *const *) b);
}

#define NOTIFY_IF(changed, object, name) G_STMT_START { if (changed) g_object_notify ((object), (name)); } G_STMT_END

/* @source takes @fresh's values, saying which properties changed. */
static void
update_source (TlSource *source, TlSource *fresh)
{
  GObject *object = G_OBJECT (source);
  gboolean kind = source->kind != fresh->kind, timing = source->timing != fresh->timing;
  gboolean duration = source->duration != fresh->duration, n_segments = source->n_segments != fresh->n_segments;
  gboolean media = !same_media (source->media, fresh->media);

  g_object_freeze_notify (object);
  source->folder_id = fresh->folder_id;
  source->kind = fresh->kind;
  source->timing = fresh->timing;
  source->duration = fresh->duration;
  source->n_segments = fresh->n_segments;
  NOTIFY_IF (set_string (&source->title, fresh->title), object, "title");
  NOTIFY_IF (set_string (&source->outlet, fresh->outlet), object, "outlet");
  NOTIFY_IF (set_string (&source->published, fresh->published), object, "published");
  NOTIFY_IF (set_string (&source->folder, fresh->folder), object, "folder");
  set_string (&source->url, fresh->url);
  set_string (&source->external_id, fresh->external_id);
  set_string (&source->description, fresh->description);
  set_string (&source->language, fresh->language);
  set_string (&source->format, fresh->format);
  set_string (&source->origin_path, fresh->origin_path);
  if (!same_strv (source->keywords, fresh->keywords))
    {
      g_strfreev (source->keywords);
      source->keywords = g_strdupv (fresh->keywords);
    }
  if (media)
    {
      g_clear_pointer (&source->media, tl_media_info_free);
      source->media = fresh->media ? tl_media_info_copy (fresh->media) : NULL;
    }
  NOTIFY_IF (kind, object, "kind");
  NOTIFY_IF (timing, object, "timing");
  NOTIFY_IF (duration, object, "duration");
  NOTIFY_IF (n_segments, object, "n-segments");
  /* the media's file may have moved: the tree shows whether it is there */
  NOTIFY_IF (media, object, "has-media");
  g_object_thaw_notify (object);
}

static void
update_folder (TlFolder *folder, TlFolder *fresh)
{
  folder->parent_id = fresh->parent_id;
  NOTIFY_IF (set_string (&folder->name, fresh->name), G_OBJECT (folder), "name");
}

/* Bringing stores in step */

/* Makes @store hold @wanted (objects, in order): what is no longer wanted
 * is removed, then each wanted object is put in its place, moved from
 * further down or inserted. Every change is one exact items-changed. */
static void
sync_store (GListStore *store, GPtrArray *wanted)
{
  g_autoptr(GHashTable) keep = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < wanted->len; i++)
    g_hash_table_add (keep, g_ptr_array_index (wanted, i));
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (store)); i > 0; i--)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i - 1);
      if (!g_hash_table_contains (keep, item))
        g_list_store_remove (store, i - 1);
    }
  for (guint i = 0; i < wanted->len; i++)
    {
      gpointer object = g_ptr_array_index (wanted, i);
      g_autoptr(GObject) here = NULL;
      guint at;

      if (i < g_list_model_get_n_items (G_LIST_MODEL (store)))
        here = g_list_model_get_item (G_LIST_MODEL (store), i);
      if (here == object)
        continue;
      /* the objects before @i are wanted[0..i-1]: found, it is further down */
      if (g_list_store_find (store, object, &at))
        g_list_store_remove (store, at);
      g_list_store_insert (store, i, object);
    }
}

static GPtrArray *
wanted_in (GHashTable *wanted, gint64 parent_id)
{
  GPtrArray *list = g_hash_table_lookup (wanted, &parent_id);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (wanted, g_memdup2 (&parent_id, sizeof parent_id), list);
    }
  return list;
}

/* The stores take what the library holds now (@folders and @sources,
 * fresh objects): known rows update the objects the stores hold. */
static void
apply (TlSourceTreeModel *self, GPtrArray *folders, GPtrArray *sources)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) source_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  g_autoptr(GHashTable) folder_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  g_autoptr(GPtrArray) all_sources = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;

  wanted_in (wanted, 0);
  for (guint i = 0; i < folders->len; i++)
    {
      TlFolder *fresh = g_ptr_array_index (folders, i);
      TlFolder *folder = g_hash_table_lookup (self->folder_by_id, &fresh->id);

      if (folder)
        update_folder (folder, fresh);
      else
        folder = fresh;
      g_hash_table_insert (folder_by_id, &folder->id, g_object_ref (folder));
      g_ptr_array_add (wanted_in (wanted, folder->parent_id), folder);
      /* every folder has its list, even empty, for what moves into it */
      wanted_in (wanted, folder->id);
    }
  for (guint i = 0; i < sources->len; i++)
    {
      TlSource *fresh = g_ptr_array_index (sources, i);
      TlSource *source = g_hash_table_lookup (self->source_by_id, &fresh->id);

      if (source)
        update_source (source, fresh);
      else
        source = fresh;
      g_hash_table_insert (source_by_id, &source->id, g_object_ref (source));
      /* a source whose folder is gone (hidden with it) is at the top */
      g_ptr_array_add (wanted_in (wanted, g_hash_table_contains (folder_by_id, &source->folder_id) ? source->folder_id : 0),
                       source);
      g_ptr_array_add (all_sources, source);
    }

  /* the flat list and the top level first, then each folder; a folder
   * that is gone is emptied, then forgotten */
  sync_store (self->sources, all_sources);
  sync_store (self->root, wanted_in (wanted, 0));
  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (*(gint64 *) key != 0)
      sync_store (G_LIST_STORE (tl_source_tree_model_get_children (self, *(gint64 *) key)), value);
  g_hash_table_iter_init (&iter, self->children);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (wanted, key))
      {
        g_list_store_remove_all (value);
        g_hash_table_iter_remove (&iter);
      }
  g_clear_pointer (&self->source_by_id, g_hash_table_unref);
  self->source_by_id = g_steal_pointer (&source_by_id);
  g_clear_pointer (&self->folder_by_id, g_hash_table_unref);
  self->folder_by_id = g_steal_pointer (&folder_by_id);
}

/**
 * tl_source_tree_model_reload:
 *
 * Reads the folders and sources again and brings the lists in step,
 * keeping the objects they hold. The model does this by itself when the
 * library changes; call it to be sure of the library as it is now.
 */
gboolean
tl_source_tree_model_reload (TlSourceTreeModel *self, GError **error)
{
  g_autoptr(GPtrArray) folders = NULL;
  g_autoptr(GPtrArray) sources = NULL;

  g_return_val_if_fail (TL_IS_SOURCE_TREE_MODEL (self), FALSE);
  folders = tl_library_list_folders (self->library, error);
  if (folders == NULL || (sources = tl_library_list_sources (self->library, error)) == NULL)
    return FALSE;
  apply (self, folders, sources);
  return TRUE;
}

/* Sources that changed where they are (a title, their times, their
 * media), read one by one and changed in place. FALSE when that is not
 * enough: a source is new, gone (get_source finds no deleted source) or
 * in another folder, whose place among the others only the lists say. */
static gboolean
update_sources (TlSourceTreeModel *self, const gint64 *ids, guint n_ids)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_ids; i++)
    {
      TlSource *source = g_hash_table_lookup (self->source_by_id, &ids[i]);
      TlSource *now;

      if (source == NULL || (now = tl_library_get_source (self->library, ids[i], NULL)) == NULL)
        return FALSE;
      g_ptr_array_add (fresh, now);
      if (now->folder_id != source->folder_id)
        return FALSE;
    }
  for (guint i = 0; i < fresh->len; i++)
    {
      TlSource *now = g_ptr_array_index (fresh, i);
      update_source (g_hash_table_lookup (self->source_by_id, &now->id), now);
    }
  return TRUE;
}

static void
on_rows_changed (TlLibrary *library, TlLibraryChanges *changes, TlSourceTreeModel *self)
{
  TlLibraryChange what = tl_library_changes_get_what (changes);
  g_autoptr(GError) error = NULL;
  const gint64 *ids;
  guint n_ids;

  if (!(what & (TL_LIBRARY_CHANGE_SOURCES | TL_LIBRARY_CHANGE_FOLDERS)))
    return;
  /* the sources named, where they are: read alone; anything else (a
   * folder, an undo, another process) reads both lists again, and only
   * what differs changes */
  ids = tl_library_changes_get_ids (changes, TL_LIBRARY_CHANGE_SOURCES, &n_ids);
  if (!(what & TL_LIBRARY_CHANGE_FOLDERS) && ids != NULL && update_sources (self, ids, n_ids))
    return;
  if (!tl_source_tree_model_reload (self, &error))
    g_signal_emit (self, signals[SIGNAL_LOAD_FAILED], 0, error);
}

/* The object */

static void
tl_source_tree_model_dispose (GObject *object)
{
  TlSourceTreeModel *self = TL_SOURCE_TREE_MODEL (object);

  if (self->library)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_clear_object (&self->library);
  if (self->root)
    g_signal_handlers_disconnect_by_data (self->root, self);
  g_clear_object (&self->root);
  g_clear_object (&self->sources);
  g_clear_pointer (&self->children, g_hash_table_unref);
  g_clear_pointer (&self->source_by_id, g_hash_table_unref);
  g_clear_pointer (&self->folder_by_id, g_hash_table_unref);
  G_OBJECT_CLASS (tl_source_tree_model_parent_class)->dispose (object);
}

static void
tl_source_tree_model_class_init (TlSourceTreeModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tl_source_tree_model_dispose;

  /**
   * TlSourceTreeModel::load-failed:
   * @error: why the library could not be read
   *
   * Emitted when reading the library after a change failed: the lists
   * stay as they were.
   */
  signals[SIGNAL_LOAD_FAILED] = g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                              NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
tl_source_tree_model_init (TlSourceTreeModel *self)
{
  self->root = g_list_store_new (G_TYPE_OBJECT);
  self->sources = g_list_store_new (TL_TYPE_SOURCE);
  self->children = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->source_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  self->folder_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  g_signal_connect (self->root, "items-changed", G_CALLBACK (on_root_items_changed), self);
}

/**
 * tl_source_tree_model_new:
 *
 * The folders and sources of @library, read now and kept in step with
 * its changes (its own edits and other processes', as rows-changed says
 * them) on the thread that uses the library.
 *
 * Returns: (transfer full): the model, or %NULL with @error set
 */
TlSourceTreeModel *
tl_source_tree_model_new (TlLibrary *library, GError **error)
{
  g_autoptr(TlSourceTreeModel) self = NULL;

  g_return_val_if_fail (TL_IS_LIBRARY (library), NULL);
  self = g_object_new (TL_TYPE_SOURCE_TREE_MODEL, NULL);
  self->library = g_object_ref (library);
  if (!tl_source_tree_model_reload (self, error))
    return NULL;
  g_signal_connect (library, "rows-changed", G_CALLBACK (on_rows_changed), self);
  return g_steal_pointer (&self);
}

/**
 * tl_source_tree_model_get_children:
 * @folder_id: a folder, or 0 for the top level (the model itself)
 *
 * The folders, then the sources, in a folder. A folder's list lives as
 * long as the folder: what moves into it later appears in it.
 *
 * Returns: (transfer none): the list
 */
GListModel *
tl_source_tree_model_get_children (TlSourceTreeModel *self, gint64 folder_id)
{
  GListStore *store;

  g_return_val_if_fail (TL_IS_SOURCE_TREE_MODEL (self), NULL);
  if (folder_id == 0)
    return G_LIST_MODEL (self);
  store = g_hash_table_lookup (self->children, &folder_id);
  if (store == NULL)
    {
      store = g_list_store_new (G_TYPE_OBJECT);
      g_hash_table_insert (self->children, g_memdup2 (&folder_id, sizeof folder_id), store);
    }
  return G_LIST_MODEL (store);
}

/**
 * tl_source_tree_model_get_sources:
 *
 * Returns: (transfer none): every source, in the library's order, as the
 *   same objects the tree holds (for a flat, filtered view)
 */
GListModel *
tl_source_tree_model_get_sources (TlSourceTreeModel *self)
{
  g_return_val_if_fail (TL_IS_SOURCE_TREE_MODEL (self), NULL);
  return G_LIST_MODEL (self->sources);
}

/* Returns: (transfer none) (nullable): the model's object for a source */
TlSource *
tl_source_tree_model_find_source (TlSourceTreeModel *self, gint64 source_id)
{
  g_return_val_if_fail (TL_IS_SOURCE_TREE_MODEL (self), NULL);
  return g_hash_table_lookup (self->source_by_id, &source_id);
}

/* Returns: (transfer none) (nullable): the model's object for a folder */
TlFolder *
tl_source_tree_model_find_folder (TlSourceTreeModel *self, gint64 folder_id)
{
  g_return_val_if_fail (TL_IS_SOURCE_TREE_MODEL (self), NULL);
  return g_hash_table_lookup (self->folder_by_id, &folder_id);
}

guint
tl_source_tree_model_get_n_folders (TlSourceTreeModel *self)
{
  g_return_val_if_fail (TL_IS_SOURCE_TREE_MODEL (self), 0);
  return g_hash_table_size (self->folder_by_id);
}
