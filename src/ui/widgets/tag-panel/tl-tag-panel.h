/* tl-tag-panel.h: topics, the clips tagged with them, and the clip editor. */
#pragma once

#include <adwaita.h>

#include "tl-library.h"

G_BEGIN_DECLS

#define TL_TYPE_TAG_PANEL (tl_tag_panel_get_type ())
G_DECLARE_FINAL_TYPE (TlTagPanel, tl_tag_panel, TL, TAG_PANEL, GtkWidget)

GtkWidget *tl_tag_panel_new (void);
void tl_tag_panel_set_library (TlTagPanel *self, TlLibrary *library);
void tl_tag_panel_set_source (TlTagPanel *self, TlSource *source);
void tl_tag_panel_reload (TlTagPanel *self);
TlClip *tl_tag_panel_get_selected_clip (TlTagPanel *self);
GPtrArray *tl_tag_panel_get_selected_clips (TlTagPanel *self);
gboolean tl_tag_panel_select_clip (TlTagPanel *self, gint64 clip_id);
gboolean tl_tag_panel_select_clips (TlTagPanel *self, const gint64 *clip_ids, guint n_clips);
GListModel *tl_tag_panel_get_shown_clips (TlTagPanel *self);
GPtrArray *tl_tag_panel_get_topics (TlTagPanel *self);
GPtrArray *tl_tag_panel_get_source_clips (TlTagPanel *self);
void tl_tag_panel_add_topic (TlTagPanel *self);
int tl_tag_panel_get_topics_height (TlTagPanel *self);
void tl_tag_panel_set_topics_height (TlTagPanel *self, int height);

G_END_DECLS
