/* tl-transcript-view-private.h: the transcript view's state, shared by
 * its files: tl-transcript-view.c (lines, scrolling, following),
 * tl-transcript-view-find.c (find in transcript, going to a line),
 * tl-transcript-view-words.c (the word being said, clicks on words, word
 * selection) and tl-transcript-view-edit.c (corrections in place,
 * speakers). */
#pragma once

#include <gtk/gtk.h>

#include "tl-transcript-view.h"

G_BEGIN_DECLS

struct _TlTranscriptView {
  GtkWidget parent_instance;

  GtkWidget *find_bar;
  GtkWidget *find_entry;
  GtkWidget *find_count;
  GtkWidget *lines_box;     /* the lines over the follow bar */
  GtkWidget *scroller;
  GtkListView *list;
  GtkWidget *follow_bar;
  GtkWidget *follow_button;

  GListStore *segments;
  GtkMultiSelection *selection;
  GHashTable *bound;        /* GtkListItem * bound to a row */
  GtkCssProvider *topic_css;

  TlSource *source;
  GArray *starts;           /* gint64 per line, for the binary search */
  GPtrArray *line_topics;   /* per line: GArray of topic ids, or NULL */
  GPtrArray *headings;      /* per line: heading above it, or NULL */
  int current;              /* the line under the play position, -1 */
  gint64 position;          /* the play position last set, -1 */
  gboolean following;
  gboolean playing;         /* the media plays: scrolling away stops following */
  gboolean quiet;           /* selection changes made by us */
  char *find_text;          /* casefolded, or NULL */
  int find_current;         /* the line of find's current match, -1 */
  char **search_terms;      /* casefolded, of the last search hit opened, or NULL */

  int goal_line;            /* the line a find or a hit went to, centred again when the play
                             * position reaches it (after a load), -1 */
  gboolean navigating;      /* selecting the goal line */

  /* a scroll that waits for the list's layout */
  int scroll_line;          /* -1 when none */
  gboolean scroll_centre;   /* centre it; else only bring it into view */
  guint scroll_passes;
  GdkFrameClock *scroll_clock;
  gulong scroll_handler;

  /* words (tl-transcript-view-words.c); a word is (line, word) */
  int spoken_word;          /* the word being said in the current line, -1 */
  int cursor_line;          /* the word with the focus, -1 when none */
  int cursor_word;
  int anchor_line;          /* where the word selection starts (it ends at the
                             * cursor), -1 when no word is selected */
  int anchor_word;
  int press_line;           /* the word a press went down on, -1 */
  int press_word;
  gboolean press_extends;   /* the press was a Shift+click */
  gboolean dragged;         /* the press moved over other words */

  /* corrections (tl-transcript-view-edit.c) */
  GtkWidget *editor;        /* a GtkTextView, ours (reffed), in the edited line's row */
  int edit_line;            /* -1 when no line is corrected */
  int edit_width;           /* the width of the line's words when it opened */
  GtkWidget *speaker_bar;   /* under the lines: */
  GtkWidget *speaker_filter; /* a GtkDropDown of the source's speakers */
  GtkStringList *speakers;  /* "All speakers", then each name */
  char *shown_speaker;      /* only this speaker's lines show, or NULL */
  GtkWidget *menu;          /* a line's context menu */
};

enum {
  TL_TRANSCRIPT_VIEW_SIGNAL_LINE_PICKED,
  TL_TRANSCRIPT_VIEW_SIGNAL_SELECTION_CHANGED,
  TL_TRANSCRIPT_VIEW_SIGNAL_WORD_PICKED,
  TL_TRANSCRIPT_VIEW_SIGNAL_EDIT_TEXT,
  TL_TRANSCRIPT_VIEW_SIGNAL_SPLIT_LINE,
  TL_TRANSCRIPT_VIEW_SIGNAL_MERGE_LINES,
  TL_TRANSCRIPT_VIEW_SIGNAL_SET_SPEAKER,
  TL_TRANSCRIPT_VIEW_SIGNAL_RENAME_SPEAKER,
  TL_TRANSCRIPT_VIEW_N_SIGNALS
};

extern guint tl_transcript_view_signals[TL_TRANSCRIPT_VIEW_N_SIGNALS];


/* tl-transcript-view.c */
void tl_transcript_view_scroll_line (TlTranscriptView *self, guint index, gboolean centre);
void tl_transcript_view_update_follow_button (TlTranscriptView *self);
void tl_transcript_view_refresh_rows (TlTranscriptView *self);
GtkWidget *tl_transcript_view_bound_row (TlTranscriptView *self, guint index);
int tl_transcript_view_row_line (TlTranscriptView *self, GtkWidget *row);

/* tl-transcript-view-find.c */
void tl_transcript_view_go_to_line (TlTranscriptView *self, guint index);
void tl_transcript_view_find_update_count (TlTranscriptView *self, int match_index, guint n_matches);
void tl_transcript_view_on_find_changed (GtkSearchEntry *entry, TlTranscriptView *self);
void tl_transcript_view_on_find_next (GtkWidget *widget, TlTranscriptView *self);
void tl_transcript_view_on_find_previous (GtkWidget *widget, TlTranscriptView *self);
void tl_transcript_view_on_find_stop (GtkSearchEntry *entry, TlTranscriptView *self);

/* tl-transcript-view-words.c */
void tl_transcript_view_words_init (TlTranscriptView *self);
void tl_transcript_view_bind_words (TlTranscriptView *self, GtkWidget *row, guint index);
void tl_transcript_view_update_spoken (TlTranscriptView *self, gint64 position);
void tl_transcript_view_clear_words (TlTranscriptView *self);
void tl_transcript_view_refresh_words (TlTranscriptView *self);
gboolean tl_transcript_view_press (TlTranscriptView *self, int n_press, guint button, GdkModifierType state, double x,
                                   double y);
void tl_transcript_view_drag_to (TlTranscriptView *self, double x, double y);
void tl_transcript_view_release (TlTranscriptView *self);
gboolean tl_transcript_view_key (TlTranscriptView *self, guint keyval, GdkModifierType state);
gboolean tl_transcript_view_word_point (TlTranscriptView *self, guint line, guint word, double *x, double *y);

/* tl-transcript-view-edit.c */
void tl_transcript_view_edit_class_init (GtkWidgetClass *widget_class);
void tl_transcript_view_edit_init (TlTranscriptView *self);
void tl_transcript_view_edit_dispose (TlTranscriptView *self);
void tl_transcript_view_bind_editor (TlTranscriptView *self, GtkWidget *row, guint index);
void tl_transcript_view_update_speakers (TlTranscriptView *self);
void tl_transcript_view_replace_changed_lines (TlTranscriptView *self, GPtrArray *segments);
gboolean tl_transcript_view_line_shown (TlTranscriptView *self, TlSegment *segment);
void tl_transcript_view_show_menu (TlTranscriptView *self, guint line, double x, double y);

G_END_DECLS
