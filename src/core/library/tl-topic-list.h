/* tl-topic-list.h: the library's topics as a list model (GListModel of
 * TlTopic, in the library's order), kept up to date in place. */
#pragma once

#include "tl-library.h"

G_BEGIN_DECLS

#define TL_TYPE_TOPIC_LIST (tl_topic_list_get_type ())
G_DECLARE_FINAL_TYPE (TlTopicList, tl_topic_list, TL, TOPIC_LIST, GObject)

TlTopicList *tl_topic_list_new (TlLibrary *library);
gboolean tl_topic_list_load (TlTopicList *self, GError **error);
TlLibrary *tl_topic_list_get_library (TlTopicList *self);
GPtrArray *tl_topic_list_get_items (TlTopicList *self);
TlTopic *tl_topic_list_find (TlTopicList *self, gint64 topic_id, guint *position);

G_END_DECLS
