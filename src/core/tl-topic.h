/* tl-topic.h: a topic the editor tags clips with (name, colour, key 1–9). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TL_TYPE_TOPIC (tl_topic_get_type ())
G_DECLARE_FINAL_TYPE (TlTopic, tl_topic, TL, TOPIC, GObject)

gint64 tl_topic_get_id (TlTopic *self);
const char *tl_topic_get_name (TlTopic *self);
const char *tl_topic_get_color (TlTopic *self);
guint tl_topic_get_key (TlTopic *self);
gint64 tl_topic_get_parent_id (TlTopic *self);
guint tl_topic_get_n_clips (TlTopic *self);

G_END_DECLS
