/* tl-library-async.h: the reads that can be slow (a search across every
 * transcript, a big source's lines; over a network, a round trip each)
 * as _async/_finish pairs: each runs in a thread on a second handle of
 * the library, and its result arrives on the caller's main context. */
#pragma once

#include <gio/gio.h>

#include "tl-library.h"
#include "tl-search.h"

G_BEGIN_DECLS

void tl_search_async (TlLibrary *library,
                      const char *query,
                      guint limit,
                      guint offset,
                      const char *mark_open,
                      const char *mark_close,
                      GCancellable *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer user_data);
TlSearchResults *tl_search_finish (TlLibrary *library, GAsyncResult *result, GError **error);

void tl_library_get_segments_async (TlLibrary *self,
                                    gint64 source_id,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
GPtrArray *tl_library_get_segments_finish (TlLibrary *self, GAsyncResult *result, GError **error);

G_END_DECLS
