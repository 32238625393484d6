/* tl-clip-list.h: the clips a filter selects, as a list model (GListModel
 * of TlClip, in the filter's order), kept up to date in place, with the
 * words of the clips read in batches as they are asked for. */
#pragma once

#include "tl-library.h"

G_BEGIN_DECLS

#define TL_TYPE_CLIP_LIST (tl_clip_list_get_type ())
G_DECLARE_FINAL_TYPE (TlClipList, tl_clip_list, TL, CLIP_LIST, GObject)

TlClipList *tl_clip_list_new (TlLibrary *library, const TlClipFilter *filter);
TlLibrary *tl_clip_list_get_library (TlClipList *self);
gboolean tl_clip_list_load (TlClipList *self, GError **error);
void tl_clip_list_load_async (TlClipList *self,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data);
gboolean tl_clip_list_load_finish (TlClipList *self, GAsyncResult *result, GError **error);
gboolean tl_clip_list_is_loaded (TlClipList *self);
gboolean tl_clip_list_load_texts (TlClipList *self, guint position, guint n_items, GError **error);
GPtrArray *tl_clip_list_get_items (TlClipList *self);
TlClip *tl_clip_list_find (TlClipList *self, gint64 clip_id, guint *position);

G_END_DECLS
