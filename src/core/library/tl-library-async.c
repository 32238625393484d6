/* tl-library-async.c: slow reads in a GTask thread. A thread never uses
 * the caller's handle (a handle is for one thread at a time): it takes a
 * reader from the library's pool of second handles (tl_library_dup(),
 * made on the caller's thread when none is free) and gives it back, so
 * that a search per keystroke does not open the library each time. */
#include "tl-library-async.h"

#include "tl-library-private.h"

#define READERS_KEY "tl-library-readers"

static void
readers_free (gpointer data)
{
  GAsyncQueue *readers = data;
  gpointer reader;

  while ((reader = g_async_queue_try_pop (readers)) != NULL)
    g_object_unref (reader);
  g_async_queue_unref (readers);
}

static GAsyncQueue *
readers_of (TlLibrary *library)
{
  GAsyncQueue *readers = g_object_get_data (G_OBJECT (library), READERS_KEY);

  if (readers == NULL)
    {
      readers = g_async_queue_new ();
      g_object_set_data_full (G_OBJECT (library), READERS_KEY, readers, readers_free);
    }
  return readers;
}

/* What one read needs in its thread: a handle of its own, what to read. */
typedef struct {
  GAsyncQueue *readers; /* where the handle goes back */
  TlLibrary *reader;
  gint64 source_id;
  char *query;
  guint limit;
  guint offset;
  char *mark_open;
  char *mark_close;
} Read;

static void
read_free (gpointer data)
{
  Read *read = data;

  /* back to the pool for the next read (or freed with it) */
  if (read->reader)
    g_async_queue_push (read->readers, read->reader);
  g_async_queue_unref (read->readers);
  g_free (read->query);
  g_free (read->mark_open);
  g_free (read->mark_close);
  g_free (read);
}

/* A task for a read of @library, with a free handle in its data; NULL
 * (and the callback told why) when no second handle can be had. */
static GTask *
read_task_new (TlLibrary *library, gpointer source_tag, GCancellable *cancellable, GAsyncReadyCallback callback,
               gpointer user_data, Read **read_out)
{
  g_autoptr(GTask) task = g_task_new (library, cancellable, callback, user_data);
  GAsyncQueue *readers = readers_of (library);
  Read *read = g_new0 (Read, 1);
  GError *error = NULL;

  g_task_set_source_tag (task, source_tag);
  read->readers = g_async_queue_ref (readers);
  g_task_set_task_data (task, read, read_free);
  read->reader = g_async_queue_try_pop (readers);
  if (read->reader == NULL && (read->reader = tl_library_dup (library, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return NULL;
    }
  *read_out = read;
  return g_steal_pointer (&task);
}

static void
search_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Read *read = task_data;
  GError *error = NULL;
  TlSearchResults *results;

  if (g_task_return_error_if_cancelled (task))
    return;
  results = tl_search (read->reader, read->query, read->limit, read->offset, read->mark_open, read->mark_close,
                       &error);
  if (results)
    g_task_return_pointer (task, results, (GDestroyNotify) tl_search_results_free);
  else
    g_task_return_error (task, error);
}

/**
 * tl_search_async:
 *
 * tl_search() in a thread, on a second handle of @library: the same
 * results, without holding the caller's main loop.
 */
void
tl_search_async (TlLibrary *library, const char *query, guint limit, guint offset, const char *mark_open,
                 const char *mark_close, GCancellable *cancellable, GAsyncReadyCallback callback,
                 gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  Read *read;

  g_return_if_fail (TL_IS_LIBRARY (library));
  g_return_if_fail (query != NULL);
  task = read_task_new (library, tl_search_async, cancellable, callback, user_data, &read);
  if (task == NULL)
    return;
  read->query = g_strdup (query);
  read->limit = limit;
  read->offset = offset;
  read->mark_open = g_strdup (mark_open);
  read->mark_close = g_strdup (mark_close);
  g_task_run_in_thread (task, search_in_thread);
}

/**
 * tl_search_finish:
 *
 * Returns: (transfer full): what tl_search() returns, or %NULL with
 *   @error set (%G_IO_ERROR_CANCELLED when cancelled)
 */
TlSearchResults *
tl_search_finish (TlLibrary *library, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, library), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
segments_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Read *read = task_data;
  GError *error = NULL;
  GPtrArray *segments;

  if (g_task_return_error_if_cancelled (task))
    return;
  segments = tl_library_get_segments (read->reader, read->source_id, &error);
  if (segments)
    g_task_return_pointer (task, segments, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

/**
 * tl_library_get_segments_async:
 *
 * tl_library_get_segments() in a thread, on a second handle: a source of
 * 100,000 lines loads while the window goes on drawing.
 */
void
tl_library_get_segments_async (TlLibrary *self, gint64 source_id, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  Read *read;

  g_return_if_fail (TL_IS_LIBRARY (self));
  task = read_task_new (self, tl_library_get_segments_async, cancellable, callback, user_data, &read);
  if (task == NULL)
    return;
  read->source_id = source_id;
  g_task_run_in_thread (task, segments_in_thread);
}

/**
 * tl_library_get_segments_finish:
 *
 * Returns: (transfer full) (element-type TlSegment): the source's lines,
 *   or %NULL with @error set
 */
GPtrArray *
tl_library_get_segments_finish (TlLibrary *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
