/* tl-source-tree.h: the editor's folders and sources. */
#pragma once

#include <adwaita.h>

#include "tl-library.h"

G_BEGIN_DECLS

#define TL_TYPE_SOURCE_TREE (tl_source_tree_get_type ())
G_DECLARE_FINAL_TYPE (TlSourceTree, tl_source_tree, TL, SOURCE_TREE, GtkWidget)

GtkWidget *tl_source_tree_new (void);
void tl_source_tree_set_library (TlSourceTree *self, TlLibrary *library);
void tl_source_tree_reload (TlSourceTree *self);
TlSource *tl_source_tree_get_selected_source (TlSourceTree *self);
gint64 tl_source_tree_get_selected_folder (TlSourceTree *self);
gboolean tl_source_tree_select_source (TlSourceTree *self, gint64 source_id);
void tl_source_tree_focus_filter (TlSourceTree *self);
gboolean tl_source_tree_is_read_only (TlSourceTree *self);

G_END_DECLS
