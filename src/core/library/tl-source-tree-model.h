/* tl-source-tree-model.h: the library's folders and sources as list
 * models (GIO only) that widgets bind to: the top level, each folder's
 * children, and all sources in one flat list. Items keep their identity
 * and change in place (with notify) as the library changes. */
#pragma once

#include <gio/gio.h>

#include "tl-library.h"

G_BEGIN_DECLS

#define TL_TYPE_SOURCE_TREE_MODEL (tl_source_tree_model_get_type ())
G_DECLARE_FINAL_TYPE (TlSourceTreeModel, tl_source_tree_model, TL, SOURCE_TREE_MODEL, GObject)

TlSourceTreeModel *tl_source_tree_model_new (TlLibrary *library, GError **error);
gboolean tl_source_tree_model_reload (TlSourceTreeModel *self, GError **error);
GListModel *tl_source_tree_model_get_children (TlSourceTreeModel *self, gint64 folder_id);
GListModel *tl_source_tree_model_get_sources (TlSourceTreeModel *self);
TlSource *tl_source_tree_model_find_source (TlSourceTreeModel *self, gint64 source_id);
TlFolder *tl_source_tree_model_find_folder (TlSourceTreeModel *self, gint64 folder_id);
guint tl_source_tree_model_get_n_folders (TlSourceTreeModel *self);

G_END_DECLS
