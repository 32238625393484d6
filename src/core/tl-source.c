/* tl-source.c: a read-only snapshot of a source row, for lists and views. */
#include "tl-model-private.h"

G_DEFINE_FINAL_TYPE (TlSource, tl_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_TIMING,
  PROP_TITLE,
  PROP_OUTLET,
  PROP_PUBLISHED,
  PROP_DURATION,
  PROP_N_SEGMENTS,
  PROP_FOLDER,
  PROP_HAS_MEDIA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tl_source_finalize (GObject *object)
{
  TlSource *self = TL_SOURCE (object);

  g_free (self->title);
  g_free (self->outlet);
  g_free (self->published);
  g_free (self->url);
  g_free (self->external_id);
  g_free (self->description);
  g_free (self->language);
  g_free (self->format);
  g_free (self->folder);
  g_free (self->origin_path);
  g_strfreev (self->keywords);
  g_clear_pointer (&self->media, tl_media_info_free);
  G_OBJECT_CLASS (tl_source_parent_class)->finalize (object);
}

static void
tl_source_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TlSource *self = TL_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_TIMING: g_value_set_enum (value, self->timing); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_OUTLET: g_value_set_string (value, self->outlet); break;
    case PROP_PUBLISHED: g_value_set_string (value, self->published); break;
    case PROP_DURATION: g_value_set_int64 (value, self->duration); break;
    case PROP_N_SEGMENTS: g_value_set_uint (value, self->n_segments); break;
    case PROP_FOLDER: g_value_set_string (value, self->folder); break;
    case PROP_HAS_MEDIA: g_value_set_boolean (value, self->media != NULL); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_source_class_init (TlSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = tl_source_finalize;
  object_class->get_property = tl_source_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, TL_TYPE_SOURCE_KIND, TL_SOURCE_KIND_TRANSCRIPT, flags);
  properties[PROP_TIMING] = g_param_spec_enum ("timing", NULL, NULL, TL_TYPE_TIMING, TL_TIMING_NONE, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_OUTLET] = g_param_spec_string ("outlet", NULL, NULL, NULL, flags);
  properties[PROP_PUBLISHED] = g_param_spec_string ("published", NULL, NULL, NULL, flags);
  properties[PROP_DURATION] = g_param_spec_int64 ("duration", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_N_SEGMENTS] = g_param_spec_uint ("n-segments", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_FOLDER] = g_param_spec_string ("folder", NULL, NULL, NULL, flags);
  properties[PROP_HAS_MEDIA] = g_param_spec_boolean ("has-media", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tl_source_init (TlSource *self)
{
  self->duration = TL_TIME_NONE;
}

gint64 tl_source_get_id (TlSource *self) { g_return_val_if_fail (TL_IS_SOURCE (self), 0); return self->id; }
TlSourceKind tl_source_get_kind (TlSource *self) { g_return_val_if_fail (TL_IS_SOURCE (self), 0); return self->kind; }
TlTiming tl_source_get_timing (TlSource *self) { g_return_val_if_fail (TL_IS_SOURCE (self), 0); return self->timing; }
const char *tl_source_get_title (TlSource *self) { g_return_val_if_fail (TL_IS_SOURCE (self), NULL); return self->title; }
const char *tl_source_get_outlet (TlSource *self) { g_return_val_if_fail (TL_IS_SOURCE (self), NULL); return self->outlet; }
const char *tl_source_get_published (TlSource *self) { g_return_val_if_fail (TL_IS_SOURCE (self), NULL); return self->published; }
const char *tl_source_get_url (TlSource *self) { g_return_val_if_fail (TL_IS_SOURCE (self), NULL); return self->url; }
const char *tl_source_get_external_id (TlSource *self) { g_return_val_if_fail (TL_IS_SOURCE (self), NULL); return self->external_id; }
const char *tl_source_get_description (TlSource *self) { g_return_val_if_fail (TL_IS_SOURCE (self), NULL); return self->description; }
const char *tl_source_get_language (TlSource *self) { g_return_val_if_fail (TL_IS_SOURCE (self), NULL); return self->language; }
const char *tl_source_get_format (TlSource *self) { g_return_val_if_fail (TL_IS_SOURCE (self), NULL); return self->format; }
const char *tl_source_get_folder (TlSource *self) { g_return_val_if_fail (TL_IS_SOURCE (self), NULL); return self->folder; }
gint64 tl_source_get_folder_id (TlSource *self) { g_return_val_if_fail (TL_IS_SOURCE (self), 0); return self->folder_id; }
const char *tl_source_get_origin_path (TlSource *self) { g_return_val_if_fail (TL_IS_SOURCE (self), NULL); return self->origin_path; }
const char *const *tl_source_get_keywords (TlSource *self) { g_return_val_if_fail (TL_IS_SOURCE (self), NULL); return (const char *const *) self->keywords; }
gint64 tl_source_get_duration (TlSource *self) { g_return_val_if_fail (TL_IS_SOURCE (self), TL_TIME_NONE); return self->duration; }
guint tl_source_get_n_segments (TlSource *self) { g_return_val_if_fail (TL_IS_SOURCE (self), 0); return self->n_segments; }
const TlMediaInfo *tl_source_get_media (TlSource *self) { g_return_val_if_fail (TL_IS_SOURCE (self), NULL); return self->media; }
