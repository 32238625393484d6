/* tl-folder.c: a read-only snapshot of a folder row. */
#include "tl-model-private.h"

G_DEFINE_FINAL_TYPE (TlFolder, tl_folder, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tl_folder_finalize (GObject *object)
{
  g_free (TL_FOLDER (object)->name);
  G_OBJECT_CLASS (tl_folder_parent_class)->finalize (object);
}

static void
tl_folder_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_NAME: g_value_set_string (value, TL_FOLDER (object)->name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_folder_class_init (TlFolderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tl_folder_finalize;
  object_class->get_property = tl_folder_get_property;
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tl_folder_init (TlFolder *self)
{
}

gint64 tl_folder_get_id (TlFolder *self) { g_return_val_if_fail (TL_IS_FOLDER (self), 0); return self->id; }
gint64 tl_folder_get_parent_id (TlFolder *self) { g_return_val_if_fail (TL_IS_FOLDER (self), 0); return self->parent_id; }
const char *tl_folder_get_name (TlFolder *self) { g_return_val_if_fail (TL_IS_FOLDER (self), NULL); return self->name; }
