/* tl-progress-relay.c: carries a job's progress from its worker thread to
 * the caller's main context, for the aligner, the render and the import
 * job alike. */
#include "tl-progress-relay.h"

struct _TlProgressRelay {
  gatomicrefcount ref_count;
  GMainContext *context;  /* the caller's thread-default, when the job began */
  GCallback func;
  gpointer func_data;
  GDestroyNotify func_data_destroy;
  TlProgressRelayDeliverFunc deliver;
  gsize report_size;
  GDestroyNotify report_clear;
};

/* Runs @func in @context's next iteration. Not g_main_context_invoke():
 * a worker thread has no thread-default context, so it counts as one of
 * the global default's threads, and when no thread owns that context at
 * the moment it would run @func itself, in the worker. Idle sources of
 * one priority run in the order they were attached: reports keep their
 * order, and come before the job's result, which its GTask (started in
 * the same context, at the default priority) attaches after them. */
static void
run_in_context (GMainContext *context, GSourceFunc func, gpointer data, GDestroyNotify notify)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, notify);
  g_source_set_static_name (source, "[tagline] progress relay");
  g_source_attach (source, context);
  g_source_unref (source);
}

/**
 * tl_progress_relay_new:
 * @func: (nullable): the caller's progress function, cast with G_CALLBACK()
 * @func_data_destroy: (nullable): called once, in the caller's main
 *   context, when no more progress comes
 * @deliver: calls @func with one report
 * @report_size: the size of the job's report struct
 * @report_clear: (nullable): frees what a report owns (its copy is freed
 *   by the relay)
 *
 * Takes the calling thread's thread-default main context as the one to
 * deliver in: call it from the function that starts the job.
 *
 * Returns: (transfer full) (nullable): the relay, or %NULL when @func is
 *   %NULL (@func_data is then let go of at once)
 */
TlProgressRelay *
tl_progress_relay_new (GCallback func, gpointer func_data, GDestroyNotify func_data_destroy,
                       TlProgressRelayDeliverFunc deliver, gsize report_size, GDestroyNotify report_clear)
{
  TlProgressRelay *relay;

  g_return_val_if_fail (deliver != NULL, NULL);
  g_return_val_if_fail (report_size > 0, NULL);

  if (func == NULL)
    {
      if (func_data_destroy)
        func_data_destroy (func_data);
      return NULL;
    }
  relay = g_new0 (TlProgressRelay, 1);
  g_atomic_ref_count_init (&relay->ref_count);
  relay->context = g_main_context_ref_thread_default ();
  relay->func = func;
  relay->func_data = func_data;
  relay->func_data_destroy = func_data_destroy;
  relay->deliver = deliver;
  relay->report_size = report_size;
  relay->report_clear = report_clear;
  return relay;
}

static void
relay_free (TlProgressRelay *relay)
{
  if (relay->func_data_destroy)
    relay->func_data_destroy (relay->func_data);
  g_main_context_unref (relay->context);
  g_free (relay);
}

static gboolean
free_in_context (gpointer data)
{
  relay_free (data);
  return G_SOURCE_REMOVE;
}

/**
 * tl_progress_relay_unref:
 *
 * Lets go of a reference, from any thread. The caller's data is let go
 * of in the caller's main context, whichever thread lets go last: at once
 * when that is the thread running the context, otherwise in its next
 * iteration.
 */
void
tl_progress_relay_unref (TlProgressRelay *relay)
{
  g_return_if_fail (relay != NULL);

  if (!g_atomic_ref_count_dec (&relay->ref_count))
    return;
  /* without a destroy notify, nothing of the caller's runs: any thread may free */
  if (relay->func_data_destroy == NULL || g_main_context_is_owner (relay->context))
    relay_free (relay);
  else
    run_in_context (relay->context, free_in_context, relay, NULL);
}

/* One report on its way: it holds the relay, so the caller's data lives
 * until the last report is delivered, even after the job has ended. */
typedef struct {
  TlProgressRelay *relay;
  gpointer report;
} Delivery;

static gboolean
deliver_in_context (gpointer data)
{
  Delivery *delivery = data;
  TlProgressRelay *relay = delivery->relay;

  relay->deliver (relay->func, delivery->report, relay->func_data);
  return G_SOURCE_REMOVE;
}

static void
delivery_free (gpointer data)
{
  Delivery *delivery = data;

  if (delivery->relay->report_clear)
    delivery->relay->report_clear (delivery->report);
  g_free (delivery->report);
  tl_progress_relay_unref (delivery->relay);
  g_free (delivery);
}

/**
 * tl_progress_relay_post:
 * @report: the job's report struct, copied (what it points to is owned by
 *   the copy from now on, and freed by the relay's report_clear)
 *
 * Queues @report for the caller's main context, from any thread. Reports
 * arrive in the order they were posted, before a GTask returned after
 * them in the same thread.
 */
void
tl_progress_relay_post (TlProgressRelay *relay, gconstpointer report)
{
  Delivery *delivery;

  g_return_if_fail (relay != NULL);
  g_return_if_fail (report != NULL);

  delivery = g_new (Delivery, 1);
  g_atomic_ref_count_inc (&relay->ref_count);
  delivery->relay = relay;
  delivery->report = g_memdup2 (report, relay->report_size);
  run_in_context (relay->context, deliver_in_context, delivery, delivery_free);
}
