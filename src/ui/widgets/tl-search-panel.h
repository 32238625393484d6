/* tl-search-panel.h: search across every transcript of the library. */
#pragma once

#include <adwaita.h>

#include "tl-library.h"

G_BEGIN_DECLS

#define TL_TYPE_SEARCH_PANEL (tl_search_panel_get_type ())
G_DECLARE_FINAL_TYPE (TlSearchPanel, tl_search_panel, TL, SEARCH_PANEL, GtkWidget)

GtkWidget *tl_search_panel_new (void);
void tl_search_panel_set_library (TlSearchPanel *self, TlLibrary *library);
void tl_search_panel_focus (TlSearchPanel *self);
void tl_search_panel_set_query (TlSearchPanel *self, const char *query);
guint tl_search_panel_get_n_hits (TlSearchPanel *self);
char **tl_search_panel_get_terms (TlSearchPanel *self);

G_END_DECLS
