/* tl-tag-panel-private.h: the tag panel's state, shared by its files:
 * tl-tag-panel.c (layout, the models it binds, selection, the public
 * API), tl-tag-panel-topics.c (the topics and their actions), tl-tag-panel-clips.c
 * (the clips list, its rows tl-clip-row.{c,ui}, arranging), tl-clip-editor.c
 * (the editor of the selected clips) and tl-clip-menu.c (their menu). */
#pragma once

#include "tl-tag-panel.h"

#include "tl-clip-list.h"
#include "tl-topic-list.h"

G_BEGIN_DECLS

struct _TlTagPanel {
  GtkWidget parent_instance;

  TlLibrary *library;
  TlSource *source;
  gboolean all_clips;         /* the list shows the whole library's clips */
  TlTopicList *topics;        /* the topics, bound to the topic list */
  TlClipList *source_clips;   /* the source's clips, by time (NULL without a source) */
  TlClipList *every_clip;     /* the library's clips, arranged (while All is shown) */
  GCancellable *loading_all;  /* the load of every_clip under way */
  GPtrArray *no_clips;        /* what tl_tag_panel_get_source_clips() gives without a source */
  GtkMultiSelection *clip_selection; /* over the list shown */
  gboolean loading;
  TlClip *watched_clip;       /* the selected clip, whose changes the editor shows */

  GtkWidget *lists;           /* topics above clips, split by a divider the editor moves */
  gboolean divider_auto;      /* the divider sits below the topics: not moved yet */
  gboolean placing_divider;
  GtkWidget *topic_list;
  GtkWidget *clips_view;
  GtkWidget *clips_stack;
  GtkWidget *this_source;
  GtkWidget *everything;
  GtkWidget *clip_menu;       /* the clips' context menu */

  /* the clip editor, in a scroller of its own below the lists */
  GtkWidget *editor_scroller;
  GtkWidget *editor;
  GtkWidget *range_label;
  GtkWidget *loop_button;
  GtkWidget *delete_button;
  GtkWidget *single_fields;   /* what only one clip has: times, stars, topics, title, note */
  GtkWidget *title_entry;
  GtkWidget *note_view;
  GtkWidget *stars[5];
  GtkWidget *topic_toggles;
  char *toggles_made_for;     /* the topics (ids and names) the toggles were made for */
  guint save_timeout;         /* typed title and note are kept soon after */
  guint hold_scroll_timeout;  /* the list is kept still for a moment after a drop */
  double held_scroll;
  gint64 editing_clip;        /* the clip the editor fields belong to */
  gint64 activated_clip;      /* the clip last announced by clip-activated */
  GHashTable *media;          /* source id → TlMediaInfo (or NULL): for the clips' times */
};

/* tl-tag-panel.c */
void tl_tag_panel_toast (TlTagPanel *self, const char *message, gboolean undoable);
void tl_tag_panel_report (TlTagPanel *self, GError *error);
TlTopic *tl_tag_panel_topic_by_id (TlTagPanel *self, gint64 id);
TlTopic *tl_tag_panel_topic_by_name (TlTagPanel *self, const char *name);
guint tl_tag_panel_n_selected (TlTagPanel *self);
guint tl_tag_panel_single_selected (TlTagPanel *self);
GArray *tl_tag_panel_selected_ids (TlTagPanel *self);
guint tl_tag_panel_select_ids (TlTagPanel *self, const gint64 *ids, guint n_ids);
gboolean tl_tag_panel_is_read_only (TlTagPanel *self);
char *tl_tag_panel_format_range (TlTagPanel *self, TlClip *clip);
GListModel *tl_tag_panel_shown (TlTagPanel *self);
void tl_tag_panel_place_divider (TlTagPanel *self);
GtkWidget *tl_tag_panel_section_header (const char *title, GtkWidget *end);
void tl_tag_panel_emit_topic_activated (TlTagPanel *self, gint64 topic_id);
void tl_tag_panel_emit_selection (TlTagPanel *self, TlClip *clip);

/* tl-tag-panel-topics.c */
GtkWidget *tl_tag_panel_build_topics (TlTagPanel *self);
void tl_tag_panel_bind_topics (TlTagPanel *self);
void tl_tag_panel_install_topic_actions (GtkWidgetClass *widget_class);

/* tl-tag-panel-clips.c */
GtkWidget *tl_tag_panel_build_clips (TlTagPanel *self);
void tl_tag_panel_install_clip_actions (GtkWidgetClass *widget_class);
void tl_tag_panel_show_list (TlTagPanel *self, GListModel *clips, gboolean all);
void tl_tag_panel_stop_scroll_hold (TlTagPanel *self);

/* tl-clip-editor.c */
gboolean tl_tag_panel_clip_has_topic (TlClip *clip, TlTopic *topic);
GtkWidget *tl_tag_panel_icon_button (GtkWidget *button, const char *icon, const char *tip, const char *name);
GtkWidget *tl_tag_panel_build_editor (TlTagPanel *self);
void tl_tag_panel_show_editor (TlTagPanel *self, TlClip *clip);
void tl_tag_panel_flush_typing (TlTagPanel *self);
void tl_tag_panel_editor_set_writable (TlTagPanel *self, gboolean writable);

/* tl-clip-menu.c */
void tl_tag_panel_popup_clip_menu (TlTagPanel *self, GtkWidget *at, double x, double y);

G_END_DECLS
