/* tl-progress-relay.h: progress reported in a worker thread, delivered in
 * the main context of the thread that started the job. Private to
 * libtagline-media: the jobs' public headers keep their own typed
 * progress functions. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _TlProgressRelay TlProgressRelay;

/* Calls @func, the job's typed progress function, with the values in
 * @report (the job's own report struct) and @func_data. */
typedef void (*TlProgressRelayDeliverFunc) (GCallback func, gconstpointer report, gpointer func_data);

TlProgressRelay *tl_progress_relay_new (GCallback func,
                                        gpointer func_data,
                                        GDestroyNotify func_data_destroy,
                                        TlProgressRelayDeliverFunc deliver,
                                        gsize report_size,
                                        GDestroyNotify report_clear);
void tl_progress_relay_post (TlProgressRelay *relay, gconstpointer report);
void tl_progress_relay_unref (TlProgressRelay *relay);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlProgressRelay, tl_progress_relay_unref)

G_END_DECLS
