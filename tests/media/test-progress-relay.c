/* test-progress-relay.c: the relay that carries the aligner's, the
 * render's and the import job's progress out of their threads: in order,
 * in the caller's main context, before the job's result, and the caller's
 * data let go of once, in that context too. */
#include <gio/gio.h>

#include "tl-progress-relay.h"

#define N_REPORTS 500

typedef void (*CountFunc) (guint n, const char *text, gpointer user_data);

typedef struct {
  guint n;
  char *text;  /* owned by the report */
} Report;

static void
report_clear (gpointer report)
{
  g_free (((Report *) report)->text);
}

static void
deliver (GCallback func, gconstpointer report, gpointer func_data)
{
  const Report *r = report;

  ((CountFunc) func) (r->n, r->text, func_data);
}

typedef struct {
  GThread *caller;       /* where everything should run */
  guint n_delivered;
  gboolean out_of_order;
  gboolean elsewhere;    /* something ran outside the caller's thread */
  guint n_destroyed;
  guint n_at_completion; /* delivered when the result came */
  gboolean completed;
} Run;

static void
on_count (guint n, const char *text, gpointer user_data)
{
  Run *run = user_data;
  g_autofree char *expected = g_strdup_printf ("report %u", n);

  run->out_of_order |= n != run->n_delivered || g_strcmp0 (text, expected) != 0;
  run->elsewhere |= g_thread_self () != run->caller;
  run->n_delivered++;
}

static void
on_destroy (gpointer user_data)
{
  Run *run = user_data;

  run->elsewhere |= g_thread_self () != run->caller;
  run->n_destroyed++;
}

static void
post_all (TlProgressRelay *relay)
{
  for (guint i = 0; i < N_REPORTS; i++)
    {
      Report report = { i, g_strdup_printf ("report %u", i) };
      tl_progress_relay_post (relay, &report);
    }
}

static void
job_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  post_all (task_data);
  g_task_return_boolean (task, TRUE);
}

static void
on_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Run *run = user_data;

  g_assert_true (g_task_propagate_boolean (G_TASK (result), NULL));
  run->n_at_completion = run->n_delivered;
  run->completed = TRUE;
}

/* A job as the media jobs run one, in the calling thread's thread-default
 * main context, which is iterated until the caller's data is let go of. */
static void
run_job (Run *run)
{
  GMainContext *context = g_main_context_get_thread_default ();
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_done, run);

  run->caller = g_thread_self ();
  g_task_set_task_data (task, tl_progress_relay_new (G_CALLBACK (on_count), run, on_destroy, deliver,
                                                     sizeof (Report), report_clear),
                        (GDestroyNotify) tl_progress_relay_unref);
  g_task_run_in_thread (task, job_thread);
  g_clear_object (&task);
  while (!run->completed || run->n_destroyed == 0)
    g_main_context_iteration (context, TRUE);
  /* nothing more is pending */
  while (g_main_context_iteration (context, FALSE))
    ;
}

static void
check_run (const Run *run)
{
  g_assert_cmpuint (run->n_delivered, ==, N_REPORTS);
  g_assert_cmpuint (run->n_at_completion, ==, N_REPORTS);
  g_assert_false (run->out_of_order);
  g_assert_false (run->elsewhere);
  g_assert_cmpuint (run->n_destroyed, ==, 1);
}

static void
test_in_order_before_result (void)
{
  Run run = { 0 };

  run_job (&run);
  check_run (&run);
}

static gpointer
caller_thread (gpointer data)
{
  GMainContext *context = g_main_context_new ();

  g_main_context_push_thread_default (context);
  run_job (data);
  g_main_context_pop_thread_default (context);
  g_main_context_unref (context);
  return NULL;
}

/* A caller in a thread of its own, with its own main context: the main
 * thread's context is never used. */
static void
test_thread_default_context (void)
{
  Run run = { 0 };

  g_thread_join (g_thread_new ("caller", caller_thread, &run));
  check_run (&run);
}

static gpointer
post_and_let_go (gpointer data)
{
  post_all (data);
  tl_progress_relay_unref (data);
  return NULL;
}

static gpointer
let_go (gpointer data)
{
  tl_progress_relay_unref (data);
  return NULL;
}

/* While no thread runs the global default context, a worker could take it
 * (g_main_context_invoke() does): the relay never runs the caller's code
 * in the worker, but waits for the caller's next iteration. */
static void
test_never_in_worker (void)
{
  Run run = { g_thread_self () };
  TlProgressRelay *relay = tl_progress_relay_new (G_CALLBACK (on_count), &run, on_destroy, deliver, sizeof (Report),
                                                  report_clear);

  g_assert_null (g_main_context_get_thread_default ());
  g_thread_join (g_thread_new ("worker", post_and_let_go, relay));
  g_assert_cmpuint (run.n_delivered, ==, 0);
  g_assert_cmpuint (run.n_destroyed, ==, 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (run.n_delivered, ==, N_REPORTS);
  g_assert_false (run.out_of_order);
  g_assert_false (run.elsewhere);
  g_assert_cmpuint (run.n_destroyed, ==, 1);

  /* the worker holds the last reference */
  relay = tl_progress_relay_new (G_CALLBACK (on_count), &run, on_destroy, deliver, sizeof (Report), report_clear);
  g_thread_join (g_thread_new ("worker", let_go, relay));
  g_assert_cmpuint (run.n_destroyed, ==, 1);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (run.elsewhere);
  g_assert_cmpuint (run.n_destroyed, ==, 2);
}

/* No progress function: no relay, and the data is let go of at once. */
static void
test_without_func (void)
{
  Run run = { g_thread_self () };

  g_assert_null (tl_progress_relay_new (NULL, &run, on_destroy, deliver, sizeof (Report), report_clear));
  g_assert_cmpuint (run.n_destroyed, ==, 1);
  g_assert_null (tl_progress_relay_new (NULL, &run, NULL, deliver, sizeof (Report), report_clear));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/media/progress-relay/in-order-before-result", test_in_order_before_result);
  g_test_add_func ("/media/progress-relay/thread-default-context", test_thread_default_context);
  g_test_add_func ("/media/progress-relay/never-in-worker", test_never_in_worker);
  g_test_add_func ("/media/progress-relay/without-func", test_without_func);
  return g_test_run ();
}
