/* tl-list-model-private.h: what the core's list models (TlClipList,
 * TlTopicList) share: bringing their items in line with the rows read
 * again, keeping each item's identity. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef gint64 (*TlListItemId) (gpointer item);
/* @item (kept) takes what @fresh (the same row, read again) says */
typedef void (*TlListItemUpdate) (gpointer item, gpointer fresh, gpointer data);

void tl_list_reconcile (GListModel *model,
                        GPtrArray *items,
                        GPtrArray *fresh,
                        TlListItemId id_of,
                        TlListItemUpdate update,
                        gpointer data);

G_END_DECLS
