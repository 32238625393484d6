/* tl-window-private.h: the window's state, shared by tl-window.c (panes,
 * loading, tagging), tl-window-actions.c (actions and keys),
 * tl-window-tasks.c (import, align, render, relink), tl-window-tap.c,
 * tl-window-transport.c and tl-window-timeline.c. */
#pragma once

#include "tl-window.h"
#include "tl-player.h"
#include "widgets/tl-player-view.h"
#include "widgets/tl-search-panel.h"
#include "widgets/tl-source-tree.h"
#include "widgets/tag-panel/tl-tag-panel.h"
#include "widgets/tl-transcript-view.h"
#include "widgets/tl-time-format.h"
#include "widgets/tl-timeline.h"

G_BEGIN_DECLS

/* What a toast tells of. */
typedef enum {
  TL_TOAST_INFO,  /* where things are: marks, modes */
  TL_TOAST_EDIT,  /* what an edit did, with Undo */
  TL_TOAST_ERROR, /* what went wrong: never replaced */
} TlToastKind;

struct _TlWindow {
  AdwApplicationWindow parent_instance;

  TlLibrary *library;
  TlSource *source;            /* the source shown, or NULL */
  GCancellable *task_cancellable; /* an import or an alignment running */
  gint64 mark_in;              /* I / O marks in µs, -1 when unset */
  gint64 mark_out;
  TlPlayer *player;
  TlPlayerView *player_view;
  TlTimeline *timeline;
  GCancellable *waveform_cancellable; /* the shown source's sound being read */
  GCancellable *load_cancellable; /* a big source's lines being read */
  gboolean tapping;            /* tap-in mode: a key gives the next line its start */
  gint64 around_home;          /* Play Around: where it goes back to */
  gint64 around_end;           /* where it stops, or -1 */
  GtkShortcutController *pedal_keys; /* the keys the preferences add */

  /* template children */
  AdwWindowTitle *window_title;
  GMenu *recent_section;
  AdwToastOverlay *toast_overlay;
  AdwToast *note_toast;        /* the info or edit toast up or waiting, which the next replaces */
  GtkStack *main_stack;
  AdwStatusPage *error_page;
  GtkPaned *outer_paned;
  GtkPaned *inner_paned;
  GtkPaned *center_paned;
  GtkStack *center_stack;
  GtkWidget *player_area;
  GtkLabel *source_title;
  GtkLabel *source_details;
  GtkWidget *align_button;
  GtkWidget *tap_button;
  GtkStack *left_stack;
  TlSourceTree *source_tree;
  TlSearchPanel *search_panel;
  TlTranscriptView *transcript;
  TlTagPanel *tag_panel;
  GtkRevealer *read_only_revealer;
  GtkLabel *read_only_label;
  GtkRevealer *task_revealer;
  GtkProgressBar *task_progress;
  GtkLabel *task_label;
};

void tl_window_actions_init (TlWindow *self);
void tl_window_actions_set_accels (TlWindow *self);
void tl_window_update_actions (TlWindow *self);
void tl_window_update_recent (TlWindow *self);
void tl_window_toast (TlWindow *self, const char *message, gboolean undoable);
void tl_window_toast_error (TlWindow *self, const char *message);
void tl_window_tag_with_topic (TlWindow *self, gint64 topic_id);
gint64 tl_window_get_position (TlWindow *self);
void tl_window_seek (TlWindow *self, gint64 position);
void tl_window_show_search (TlWindow *self, gboolean show);
void tl_window_align (TlWindow *self);
void tl_window_show_export (TlWindow *self);
gboolean tl_window_has_media (TlWindow *self);
void tl_window_apply_loop (TlWindow *self, gboolean restart);
gboolean tl_window_can_tap (TlWindow *self);
void tl_window_set_tapping (TlWindow *self, gboolean tapping);
void tl_window_tap (TlWindow *self);
void tl_window_untap (TlWindow *self);
const char *tl_window_edit_kind_title (TlEditKind kind, const char *stored);

/* tl-window-tasks.c */
void tl_window_tasks_init (TlWindow *self);

/* tl-window-transport.c */
void tl_window_transport_init (TlWindow *self);
void tl_window_transport_bind (TlWindow *self);
GSettings *tl_window_get_settings (TlWindow *self);
void tl_window_apply_follow (TlWindow *self);
void tl_window_play_pause (TlWindow *self);
void tl_window_play_around (TlWindow *self);
gboolean tl_window_go_to_time (TlWindow *self, const char *text);

/* tl-window-timeline.c */
void tl_window_timeline_init (TlWindow *self);
void tl_window_timeline_clear (TlWindow *self);
void tl_window_timeline_load (TlWindow *self, TlSource *source, const TlMediaInfo *media);
void tl_window_timeline_show_clips (TlWindow *self);
void tl_window_timeline_show_marks (TlWindow *self);
void tl_window_timeline_show_lines (TlWindow *self);

/* tl-window-words.c */
void tl_window_words_init (TlWindow *self);
gboolean tl_window_words_clip_spec (TlWindow *self, TlClipSpec *spec, GError **error);

G_END_DECLS
