/* tl-topic-list.c: the topics as a GListModel. Its topics keep their
 * identity: when a change to the library touches topics (or clips, which
 * change their counts), the topics are read again and each one that
 * changed is updated in place (notify::name, ::color, ::key, ::n-clips);
 * items-changed names only topics added, deleted or moved. */
#include "tl-topic-list.h"

#include "tl-library-private.h"
#include "tl-list-model-private.h"

struct _TlTopicList {
  GObject parent_instance;
  TlLibrary *library;
  GPtrArray *items; /* TlTopic */
  gboolean loaded;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TlTopicList, tl_topic_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  SIGNAL_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
get_item_type (GListModel *model)
{
  return TL_TYPE_TOPIC;
}

static guint
get_n_items (GListModel *model)
{
  return TL_TOPIC_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model, guint position)
{
  TlTopicList *self = TL_TOPIC_LIST (model);

  return position < self->items->len ? g_object_ref (g_ptr_array_index (self->items, position)) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static gint64
topic_id (gpointer item)
{
  return TL_TOPIC (item)->id;
}

static void
update_topic (gpointer item, gpointer fresh, gpointer data)
{
  tl_topic_update (item, fresh);
}

/**
 * tl_topic_list_load:
 *
 * Reads the topics (again), bringing the list in line: a topic still
 * there keeps its object.
 */
gboolean
tl_topic_list_load (TlTopicList *self, GError **error)
{
  g_autoptr(GPtrArray) fresh = NULL;

  g_return_val_if_fail (TL_IS_TOPIC_LIST (self), FALSE);
  if ((fresh = tl_library_list_topics (self->library, error)) == NULL)
    return FALSE;
  self->loaded = TRUE;
  tl_list_reconcile (G_LIST_MODEL (self), self->items, fresh, topic_id, update_topic, self);
  return TRUE;
}

static void
on_rows_changed (TlLibrary *library, TlLibraryChanges *changes, TlTopicList *self)
{
  g_autoptr(GError) error = NULL;

  /* clips change the counts */
  if (!self->loaded || !(tl_library_changes_get_what (changes) & (TL_LIBRARY_CHANGE_TOPICS | TL_LIBRARY_CHANGE_CLIPS)))
    return;
  if (!tl_topic_list_load (self, &error))
    g_signal_emit (self, signals[SIGNAL_FAILED], 0, error);
}

static void
tl_topic_list_dispose (GObject *object)
{
  TlTopicList *self = TL_TOPIC_LIST (object);

  if (self->library)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_clear_object (&self->library);
  G_OBJECT_CLASS (tl_topic_list_parent_class)->dispose (object);
}

static void
tl_topic_list_finalize (GObject *object)
{
  g_ptr_array_unref (TL_TOPIC_LIST (object)->items);
  G_OBJECT_CLASS (tl_topic_list_parent_class)->finalize (object);
}

static void
tl_topic_list_class_init (TlTopicListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tl_topic_list_dispose;
  G_OBJECT_CLASS (klass)->finalize = tl_topic_list_finalize;

  /**
   * TlTopicList::failed:
   * @error: why
   *
   * Reading the topics again after a change failed: the list shows them
   * as they were.
   */
  signals[SIGNAL_FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
tl_topic_list_init (TlTopicList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * tl_topic_list_new:
 *
 * The topics of @library, empty until tl_topic_list_load(); from then on
 * it follows the library's changes (its #TlLibrary::rows-changed).
 *
 * Returns: (transfer full): the list
 */
TlTopicList *
tl_topic_list_new (TlLibrary *library)
{
  TlTopicList *self;

  g_return_val_if_fail (TL_IS_LIBRARY (library), NULL);
  self = g_object_new (TL_TYPE_TOPIC_LIST, NULL);
  self->library = g_object_ref (library);
  g_signal_connect (library, "rows-changed", G_CALLBACK (on_rows_changed), self);
  return self;
}

TlLibrary *
tl_topic_list_get_library (TlTopicList *self)
{
  g_return_val_if_fail (TL_IS_TOPIC_LIST (self), NULL);
  return self->library;
}

/**
 * tl_topic_list_get_items:
 *
 * Returns: (transfer none) (element-type TlTopic): the list's own items,
 *   in order, for code that walks them; it changes with the list
 */
GPtrArray *
tl_topic_list_get_items (TlTopicList *self)
{
  g_return_val_if_fail (TL_IS_TOPIC_LIST (self), NULL);
  return self->items;
}

/**
 * tl_topic_list_find:
 * @position: (out) (optional): where it is
 *
 * Returns: (transfer none) (nullable): the topic with this id
 */
TlTopic *
tl_topic_list_find (TlTopicList *self, gint64 topic_id, guint *position)
{
  g_return_val_if_fail (TL_IS_TOPIC_LIST (self), NULL);
  for (guint i = 0; i < self->items->len; i++)
    if (TL_TOPIC (g_ptr_array_index (self->items, i))->id == topic_id)
      {
        if (position)
          *position = i;
        return g_ptr_array_index (self->items, i);
      }
  return NULL;
}
