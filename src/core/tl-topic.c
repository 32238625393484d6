/* tl-topic.c: a topic row with its clip count. A topic a list model holds
 * (TlTopicList) is updated in place, notifying what changed. */
#include "tl-model-private.h"

G_DEFINE_FINAL_TYPE (TlTopic, tl_topic, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COLOR,
  PROP_KEY,
  PROP_N_CLIPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tl_topic_finalize (GObject *object)
{
  TlTopic *self = TL_TOPIC (object);

  g_free (self->name);
  g_free (self->color);
  G_OBJECT_CLASS (tl_topic_parent_class)->finalize (object);
}

static void
tl_topic_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TlTopic *self = TL_TOPIC (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_COLOR: g_value_set_string (value, self->color); break;
    case PROP_KEY: g_value_set_uint (value, self->key); break;
    case PROP_N_CLIPS: g_value_set_uint (value, self->n_clips); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_topic_class_init (TlTopicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = tl_topic_finalize;
  object_class->get_property = tl_topic_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, flags);
  properties[PROP_KEY] = g_param_spec_uint ("key", NULL, NULL, 0, 9, 0, flags);
  properties[PROP_N_CLIPS] = g_param_spec_uint ("n-clips", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tl_topic_init (TlTopic *self)
{
}

gint64 tl_topic_get_id (TlTopic *self) { g_return_val_if_fail (TL_IS_TOPIC (self), 0); return self->id; }
const char *tl_topic_get_name (TlTopic *self) { g_return_val_if_fail (TL_IS_TOPIC (self), NULL); return self->name; }
const char *tl_topic_get_color (TlTopic *self) { g_return_val_if_fail (TL_IS_TOPIC (self), NULL); return self->color; }
guint tl_topic_get_key (TlTopic *self) { g_return_val_if_fail (TL_IS_TOPIC (self), 0); return self->key; }
gint64 tl_topic_get_parent_id (TlTopic *self) { g_return_val_if_fail (TL_IS_TOPIC (self), 0); return self->parent_id; }
guint tl_topic_get_n_clips (TlTopic *self) { g_return_val_if_fail (TL_IS_TOPIC (self), 0); return self->n_clips; }

/* Takes what @from (the same topic, read again) says, notifying each
 * property that changed. */
void
tl_topic_update (TlTopic *self, TlTopic *from)
{
  g_return_if_fail (TL_IS_TOPIC (self) && TL_IS_TOPIC (from) && self->id == from->id);
  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->name, from->name) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (from->name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
    }
  if (g_strcmp0 (self->color, from->color) != 0)
    {
      g_free (self->color);
      self->color = g_strdup (from->color);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
    }
  if (self->key != from->key)
    {
      self->key = from->key;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
    }
  if (self->n_clips != from->n_clips)
    {
      self->n_clips = from->n_clips;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CLIPS]);
    }
  self->parent_id = from->parent_id;
  g_object_thaw_notify (G_OBJECT (self));
}
