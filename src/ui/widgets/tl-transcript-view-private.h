/* tl-transcript-view-private.h: the transcript view's state, shared by
 * its files: tl-transcript-view.c (lines, scrolling, following) and
 * tl-transcript-view-find.c (find in transcript, going to a line). */
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
};


/* tl-transcript-view.c */
void tl_transcript_view_scroll_line (TlTranscriptView *self, guint index, gboolean centre);
void tl_transcript_view_update_follow_button (TlTranscriptView *self);
void tl_transcript_view_refresh_rows (TlTranscriptView *self);

/* tl-transcript-view-find.c */
void tl_transcript_view_go_to_line (TlTranscriptView *self, guint index);
void tl_transcript_view_find_update_count (TlTranscriptView *self, int match_index, guint n_matches);
void tl_transcript_view_on_find_changed (GtkSearchEntry *entry, TlTranscriptView *self);
void tl_transcript_view_on_find_next (GtkWidget *widget, TlTranscriptView *self);
void tl_transcript_view_on_find_previous (GtkWidget *widget, TlTranscriptView *self);
void tl_transcript_view_on_find_stop (GtkSearchEntry *entry, TlTranscriptView *self);

G_END_DECLS
