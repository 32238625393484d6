/* tl-transcript-row.h: one line of the transcript view. */
#pragma once

#include <gtk/gtk.h>

#include "tl-media-info.h"
#include "tl-segment.h"

G_BEGIN_DECLS

/* What a line marks in its words: find's text wherever it occurs, and a
 * library search's terms as whole words. */
typedef struct {
  const char *find;         /* casefolded, or NULL */
  const char *const *terms; /* casefolded; a trailing * makes a prefix; or NULL */
  gboolean current;         /* find's current match is this line: its marks stand out */
} TlRowMarks;

#define TL_TYPE_TRANSCRIPT_ROW (tl_transcript_row_get_type ())
G_DECLARE_FINAL_TYPE (TlTranscriptRow, tl_transcript_row, TL, TRANSCRIPT_ROW, GtkWidget)

GtkWidget *tl_transcript_row_new (void);
void tl_transcript_row_set_segment (TlTranscriptRow *self, TlSegment *segment, const TlMediaInfo *media,
                                    gboolean estimated, const TlRowMarks *marks);
void tl_transcript_row_set_current (TlTranscriptRow *self, gboolean current);
void tl_transcript_row_set_topics (TlTranscriptRow *self, const gint64 *topic_ids, guint n_topics);
void tl_transcript_row_set_heading (TlTranscriptRow *self, const char *heading);
TlSegment *tl_transcript_row_get_segment (TlTranscriptRow *self);
guint tl_transcript_row_get_n_words (TlTranscriptRow *self);
void tl_transcript_row_set_words (TlTranscriptRow *self, int spoken, int first_selected, int last_selected,
                                  int cursor);
int tl_transcript_row_word_at (TlTranscriptRow *self, double x, double y);
gboolean tl_transcript_row_word_point (TlTranscriptRow *self, guint word, double *x, double *y);
int tl_transcript_row_word_offset (TlTranscriptRow *self, guint word);
void tl_transcript_row_set_editor (TlTranscriptRow *self, GtkWidget *editor);
GtkWidget *tl_transcript_row_get_editor (TlTranscriptRow *self);
int tl_transcript_row_get_text_width (TlTranscriptRow *self);

G_END_DECLS
