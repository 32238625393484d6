/* tl-tag-panel-private.h: the tag panel's state, shared by tl-tag-panel.c
 * (topics, clips list, layout), tl-tag-panel-editor.c (the clip editor)
 * and tl-tag-panel-menu.c (the clips' context menu). */
#pragma once

#include "tl-tag-panel.h"

G_BEGIN_DECLS

struct _TlTagPanel {
  GtkWidget parent_instance;

  TlLibrary *library;
  gulong changed_handler;
  TlSource *source;
  gboolean all_clips;
  GPtrArray *topics;          /* TlTopic */
  GPtrArray *source_clips;    /* TlClip of the source, by time */
  GListStore *clips;          /* what the list shows */
  GtkMultiSelection *clip_selection;
  gboolean loading;

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

void tl_tag_panel_toast (TlTagPanel *self, const char *message, gboolean undoable);
void tl_tag_panel_report (TlTagPanel *self, GError *error);
TlTopic *tl_tag_panel_topic_by_id (TlTagPanel *self, gint64 id);
guint tl_tag_panel_n_selected (TlTagPanel *self);
gboolean tl_tag_panel_is_read_only (TlTagPanel *self);
char *tl_tag_panel_format_range (TlTagPanel *self, TlClip *clip);

/* tl-tag-panel-editor.c */
gboolean tl_tag_panel_clip_has_topic (TlClip *clip, TlTopic *topic);
GtkWidget *tl_tag_panel_icon_button (GtkWidget *button, const char *icon, const char *tip, const char *name);
GtkWidget *tl_tag_panel_build_editor (TlTagPanel *self);
void tl_tag_panel_show_editor (TlTagPanel *self, TlClip *clip);
void tl_tag_panel_flush_typing (TlTagPanel *self);
void tl_tag_panel_editor_set_writable (TlTagPanel *self, gboolean writable);

/* tl-tag-panel-menu.c */
void tl_tag_panel_popup_clip_menu (TlTagPanel *self, GtkWidget *at, double x, double y);

G_END_DECLS
