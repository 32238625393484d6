/* tl-clip-list.c: the clips of a filter as a GListModel. Its clips keep
 * their identity: when a change to the library may touch them, the
 * filter's clips are read again (one query), each clip still listed is
 * updated in place (notify on what changed) and items-changed names only
 * the clips added, deleted or moved. The words of the clips (TlClip:text)
 * are read in batches, by the rule of tl_clip_lines_collect(): the clips
 * handed out by get_item() are read together once the main loop is idle,
 * with every other clip of their sources. */
#include "tl-clip-list.h"

#include "tl-clip-lines.h"
#include "tl-library-private.h"
#include "tl-list-model-private.h"

/* The filter, owned */
typedef struct {
  GStrv topics;
  GArray *source_ids;
  char *folder;
  guint min_rating;
  char *query;
  TlClipOrder order;
} Filter;

struct _TlClipList {
  GObject parent_instance;
  TlLibrary *library;
  Filter filter;
  GPtrArray *items;        /* TlClip */
  gboolean loaded;
  GTask *loading;          /* the load in a thread, if one is under way */
  gboolean stale;          /* the library changed while it was */
  GHashTable *want_text;   /* TlClip (ref) whose words are to be read */
  guint text_idle;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TlClipList, tl_clip_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  SIGNAL_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* How many clips' words a load in a thread reads with them: a screenful
 * and more. */
#define FIRST_TEXTS 64

static void
filter_clear (Filter *filter)
{
  g_clear_pointer (&filter->topics, g_strfreev);
  g_clear_pointer (&filter->source_ids, g_array_unref);
  g_clear_pointer (&filter->folder, g_free);
  g_clear_pointer (&filter->query, g_free);
}

static void
filter_copy (Filter *to, const TlClipFilter *from)
{
  to->topics = g_strdupv ((char **) from->topics);
  if (from->source_ids)
    {
      to->source_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), from->n_source_ids);
      g_array_append_vals (to->source_ids, from->source_ids, from->n_source_ids);
    }
  to->folder = g_strdup (from->folder);
  to->min_rating = from->min_rating;
  to->query = g_strdup (from->query);
  to->order = from->order;
}

static TlClipFilter
filter_view (const Filter *filter)
{
  TlClipFilter view = { 0 };

  view.topics = (const char *const *) filter->topics;
  view.source_ids = filter->source_ids ? (const gint64 *) filter->source_ids->data : NULL;
  view.n_source_ids = filter->source_ids ? filter->source_ids->len : 0;
  view.folder = filter->folder;
  view.min_rating = filter->min_rating;
  view.query = filter->query;
  view.order = filter->order;
  return view;
}

/* The words of the clips */

/* The sources of @clips, once each. */
static GArray *
sources_of (GPtrArray *clips)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < clips->len; i++)
    {
      TlClip *clip = g_ptr_array_index (clips, i);
      if (g_hash_table_add (seen, &clip->source_id))
        g_array_append_val (ids, clip->source_id);
    }
  return ids;
}

/* Reads the words of @clips, and of every clip of theirs sources in the
 * list that has none yet, in one query. */
static gboolean
read_texts (TlClipList *self, TlLibrary *library, GPtrArray *clips, GError **error)
{
  g_autoptr(TlClipLines) lines = tl_clip_lines_new ();
  g_autoptr(GArray) source_ids = sources_of (clips);

  if (source_ids->len == 0)
    return TRUE;
  if (!tl_clip_lines_load (lines, library, (const gint64 *) source_ids->data, source_ids->len, error))
    return FALSE;
  for (guint i = 0; i < self->items->len; i++)
    {
      TlClip *clip = g_ptr_array_index (self->items, i);
      if (clip->text == NULL && tl_clip_lines_has_source (lines, clip->source_id))
        {
          g_autofree char *text = tl_clip_lines_get_text (lines, clip);
          tl_clip_set_text (clip, text);
        }
    }
  return TRUE;
}

static gboolean
read_wanted_texts (gpointer data)
{
  TlClipList *self = data;
  g_autoptr(GPtrArray) clips = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer clip;

  self->text_idle = 0;
  g_hash_table_iter_init (&iter, self->want_text);
  while (g_hash_table_iter_next (&iter, &clip, NULL))
    {
      if (TL_CLIP (clip)->text == NULL)
        g_ptr_array_add (clips, g_object_ref (clip));
      g_hash_table_iter_remove (&iter);
    }
  if (!read_texts (self, self->library, clips, &error))
    g_signal_emit (self, signals[SIGNAL_FAILED], 0, error);
  return G_SOURCE_REMOVE;
}

/* The words of @clip are to be read, with the others asked for meanwhile. */
static void
want_text (TlClipList *self, TlClip *clip)
{
  if (clip->text != NULL || g_hash_table_contains (self->want_text, clip))
    return;
  g_hash_table_add (self->want_text, g_object_ref (clip));
  if (self->text_idle == 0)
    self->text_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, read_wanted_texts, self, NULL);
}

/**
 * tl_clip_list_load_texts:
 *
 * Reads now the words of the clips from @position on (and of the other
 * clips of their sources), rather than once the main loop is idle.
 */
gboolean
tl_clip_list_load_texts (TlClipList *self, guint position, guint n_items, GError **error)
{
  g_autoptr(GPtrArray) clips = g_ptr_array_new ();

  g_return_val_if_fail (TL_IS_CLIP_LIST (self), FALSE);
  for (guint i = position; i < self->items->len && i - position < n_items; i++)
    if (TL_CLIP (g_ptr_array_index (self->items, i))->text == NULL)
      g_ptr_array_add (clips, g_ptr_array_index (self->items, i));
  return read_texts (self, self->library, clips, error);
}

/* GListModel */

static GType
get_item_type (GListModel *model)
{
  return TL_TYPE_CLIP;
}

static guint
get_n_items (GListModel *model)
{
  return TL_CLIP_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model, guint position)
{
  TlClipList *self = TL_CLIP_LIST (model);
  TlClip *clip;

  if (position >= self->items->len)
    return NULL;
  clip = g_ptr_array_index (self->items, position);
  /* what is shown needs its words */
  want_text (self, clip);
  return g_object_ref (clip);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* Loading */

static gint64
clip_id (gpointer item)
{
  return TL_CLIP (item)->id;
}

static void
update_clip (gpointer item, gpointer fresh, gpointer data)
{
  TlClipList *self = data;
  gboolean had_text = TL_CLIP (item)->text != NULL;

  /* a trimmed clip holds other words: read again when they were wanted */
  if (tl_clip_update (item, fresh) && had_text)
    want_text (self, item);
}

static void
apply (TlClipList *self, GPtrArray *fresh)
{
  self->loaded = TRUE;
  tl_list_reconcile (G_LIST_MODEL (self), self->items, fresh, clip_id, update_clip, self);
}

/**
 * tl_clip_list_load:
 *
 * Reads the filter's clips (again), bringing the list in line: a clip
 * still there keeps its object, updated in place.
 */
gboolean
tl_clip_list_load (TlClipList *self, GError **error)
{
  TlClipFilter filter;
  g_autoptr(GPtrArray) fresh = NULL;

  g_return_val_if_fail (TL_IS_CLIP_LIST (self), FALSE);
  filter = filter_view (&self->filter);
  if ((fresh = tl_library_list_clips (self->library, &filter, error)) == NULL)
    return FALSE;
  apply (self, fresh);
  return TRUE;
}

typedef struct {
  TlLibrary *library; /* a handle of the thread's own */
  Filter filter;
  GPtrArray *clips;   /* read */
  GPtrArray *texts;   /* char *, the first clips' words */
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->library);
  filter_clear (&load->filter);
  g_clear_pointer (&load->clips, g_ptr_array_unref);
  g_clear_pointer (&load->texts, g_ptr_array_unref);
  g_free (load);
}

static void
load_in_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  LoadData *load = task_data;
  TlClipFilter filter = filter_view (&load->filter);
  g_autoptr(TlClipLines) lines = tl_clip_lines_new ();
  g_autoptr(GPtrArray) first = g_ptr_array_new ();
  g_autoptr(GArray) source_ids = NULL;
  GError *error = NULL;

  if ((load->clips = tl_library_list_clips (load->library, &filter, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  /* the words of the first screenful, so that the list shows them at once */
  for (guint i = 0; i < load->clips->len && i < FIRST_TEXTS; i++)
    g_ptr_array_add (first, g_ptr_array_index (load->clips, i));
  source_ids = sources_of (first);
  load->texts = g_ptr_array_new_with_free_func (g_free);
  if (tl_clip_lines_load (lines, load->library, (const gint64 *) source_ids->data, source_ids->len, NULL))
    for (guint i = 0; i < first->len; i++)
      g_ptr_array_add (load->texts, tl_clip_lines_get_text (lines, g_ptr_array_index (first, i)));
  g_task_return_boolean (task, TRUE);
}

static void
on_loaded (GObject *object, GAsyncResult *result, gpointer data)
{
  g_autoptr(GTask) outer = data;
  TlClipList *self = g_task_get_source_object (outer);
  LoadData *load = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  g_clear_object (&self->loading);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      return;
    }
  apply (self, load->clips);
  for (guint i = 0; i < load->texts->len; i++)
    {
      TlClip *clip = tl_clip_list_find (self, TL_CLIP (g_ptr_array_index (load->clips, i))->id, NULL);
      if (clip && clip->text == NULL)
        tl_clip_set_text (clip, g_ptr_array_index (load->texts, i));
    }
  /* what changed while the thread read is read again */
  if (self->stale)
    {
      self->stale = FALSE;
      if (!tl_clip_list_load (self, &error))
        {
          g_task_return_error (outer, error);
          return;
        }
    }
  g_task_return_boolean (outer, TRUE);
}

/**
 * tl_clip_list_load_async:
 *
 * tl_clip_list_load() in a thread, on a handle of the library of its own
 * (tl_library_dup()), with the words of the first clips: the list is
 * brought in line on the caller's main context when the read is done.
 */
void
tl_clip_list_load_async (TlClipList *self, GCancellable *cancellable, GAsyncReadyCallback callback,
                         gpointer user_data)
{
  GTask *outer;
  g_autoptr(GTask) inner = NULL;
  LoadData *load;
  TlClipFilter filter;
  GError *error = NULL;

  g_return_if_fail (TL_IS_CLIP_LIST (self));
  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, tl_clip_list_load_async);
  load = g_new0 (LoadData, 1);
  if ((load->library = tl_library_dup (self->library, &error)) == NULL)
    {
      load_data_free (load);
      g_task_return_error (outer, error);
      g_object_unref (outer);
      return;
    }
  filter = filter_view (&self->filter);
  filter_copy (&load->filter, &filter);
  inner = g_task_new (self, cancellable, on_loaded, outer);
  g_task_set_task_data (inner, load, load_data_free);
  g_set_object (&self->loading, inner);
  self->stale = FALSE;
  g_task_run_in_thread (inner, load_in_thread);
}

gboolean
tl_clip_list_load_finish (TlClipList *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Whether a load has brought the clips in (the list follows the library
 * from then on). */
gboolean
tl_clip_list_is_loaded (TlClipList *self)
{
  g_return_val_if_fail (TL_IS_CLIP_LIST (self), FALSE);
  return self->loaded;
}

/* Following the library */

static void
forget_texts_of_sources (TlClipList *self, TlLibraryChanges *changes)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      TlClip *clip = g_ptr_array_index (self->items, i);
      if (clip->text != NULL && tl_library_changes_touches (changes, TL_LIBRARY_CHANGE_SEGMENTS, clip->source_id))
        {
          tl_clip_set_text (clip, NULL);
          want_text (self, clip);
        }
    }
}

static void
on_rows_changed (TlLibrary *library, TlLibraryChanges *changes, TlClipList *self)
{
  TlLibraryChange what = tl_library_changes_get_what (changes);
  g_autoptr(GError) error = NULL;

  if (what & TL_LIBRARY_CHANGE_SEGMENTS)
    forget_texts_of_sources (self, changes);
  /* sources: titles, deletions; topics: renamed or deleted on clips;
   * segments: a search filter's matches */
  if (!(what & (TL_LIBRARY_CHANGE_CLIPS | TL_LIBRARY_CHANGE_TOPICS | TL_LIBRARY_CHANGE_SOURCES))
      && !((what & TL_LIBRARY_CHANGE_SEGMENTS) && self->filter.query))
    return;
  if (self->loading)
    {
      self->stale = TRUE;
      return;
    }
  if (self->loaded && !tl_clip_list_load (self, &error))
    g_signal_emit (self, signals[SIGNAL_FAILED], 0, error);
}

static void
tl_clip_list_dispose (GObject *object)
{
  TlClipList *self = TL_CLIP_LIST (object);

  if (self->library)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_clear_object (&self->library);
  g_clear_handle_id (&self->text_idle, g_source_remove);
  g_hash_table_remove_all (self->want_text);
  G_OBJECT_CLASS (tl_clip_list_parent_class)->dispose (object);
}

static void
tl_clip_list_finalize (GObject *object)
{
  TlClipList *self = TL_CLIP_LIST (object);

  filter_clear (&self->filter);
  g_ptr_array_unref (self->items);
  g_hash_table_unref (self->want_text);
  G_OBJECT_CLASS (tl_clip_list_parent_class)->finalize (object);
}

static void
tl_clip_list_class_init (TlClipListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tl_clip_list_dispose;
  G_OBJECT_CLASS (klass)->finalize = tl_clip_list_finalize;

  /**
   * TlClipList::failed:
   * @error: why
   *
   * Reading the clips (or their words) again after a change failed: the
   * list shows them as they were.
   */
  signals[SIGNAL_FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
tl_clip_list_init (TlClipList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->want_text = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
}

/**
 * tl_clip_list_new:
 * @filter: (nullable): which clips, in which order; %NULL for all (it is
 *   copied)
 *
 * The clips of @filter, empty until tl_clip_list_load() or
 * tl_clip_list_load_async(); from then on it follows the library's
 * changes (its #TlLibrary::rows-changed, which include other processes').
 *
 * Returns: (transfer full): the list
 */
TlClipList *
tl_clip_list_new (TlLibrary *library, const TlClipFilter *filter)
{
  static const TlClipFilter all = { 0 };
  TlClipList *self;

  g_return_val_if_fail (TL_IS_LIBRARY (library), NULL);
  self = g_object_new (TL_TYPE_CLIP_LIST, NULL);
  self->library = g_object_ref (library);
  filter_copy (&self->filter, filter ? filter : &all);
  g_signal_connect (library, "rows-changed", G_CALLBACK (on_rows_changed), self);
  return self;
}

TlLibrary *
tl_clip_list_get_library (TlClipList *self)
{
  g_return_val_if_fail (TL_IS_CLIP_LIST (self), NULL);
  return self->library;
}

/**
 * tl_clip_list_get_items:
 *
 * Returns: (transfer none) (element-type TlClip): the list's own clips,
 *   in order, for code that walks them (without asking for their words);
 *   it changes with the list
 */
GPtrArray *
tl_clip_list_get_items (TlClipList *self)
{
  g_return_val_if_fail (TL_IS_CLIP_LIST (self), NULL);
  return self->items;
}

/**
 * tl_clip_list_find:
 * @position: (out) (optional): where it is
 *
 * Returns: (transfer none) (nullable): the clip with this id
 */
TlClip *
tl_clip_list_find (TlClipList *self, gint64 clip_id, guint *position)
{
  g_return_val_if_fail (TL_IS_CLIP_LIST (self), NULL);
  for (guint i = 0; i < self->items->len; i++)
    if (TL_CLIP (g_ptr_array_index (self->items, i))->id == clip_id)
      {
        if (position)
          *position = i;
        return g_ptr_array_index (self->items, i);
      }
  return NULL;
}
