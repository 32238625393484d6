/* tl-folder.h: one of the editor's bins in the source tree. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TL_TYPE_FOLDER (tl_folder_get_type ())
G_DECLARE_FINAL_TYPE (TlFolder, tl_folder, TL, FOLDER, GObject)

gint64 tl_folder_get_id (TlFolder *self);
gint64 tl_folder_get_parent_id (TlFolder *self);
const char *tl_folder_get_name (TlFolder *self);

G_END_DECLS
