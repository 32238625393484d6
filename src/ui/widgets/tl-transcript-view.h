/* tl-transcript-view.h: a source's transcript as a list that follows the
 * play position, with lines to select for tagging. */
#pragma once

#include <adwaita.h>

#include "tl-library.h"

G_BEGIN_DECLS

#define TL_TYPE_TRANSCRIPT_VIEW (tl_transcript_view_get_type ())
G_DECLARE_FINAL_TYPE (TlTranscriptView, tl_transcript_view, TL, TRANSCRIPT_VIEW, GtkWidget)

GtkWidget *tl_transcript_view_new (void);
void tl_transcript_view_set_source (TlTranscriptView *self,
                                    TlSource *source,
                                    GPtrArray *segments,
                                    GPtrArray *clips,
                                    GPtrArray *topics);
void tl_transcript_view_set_clips (TlTranscriptView *self, GPtrArray *clips, GPtrArray *topics);
TlSource *tl_transcript_view_get_source (TlTranscriptView *self);
void tl_transcript_view_set_position (TlTranscriptView *self, gint64 position);
int tl_transcript_view_get_current (TlTranscriptView *self);
int tl_transcript_view_find_line (TlTranscriptView *self, gint64 position);
TlSegment *tl_transcript_view_get_segment (TlTranscriptView *self, guint index);
guint tl_transcript_view_get_n_segments (TlTranscriptView *self);
gboolean tl_transcript_view_get_selected_range (TlTranscriptView *self, guint *first, guint *last);
GArray *tl_transcript_view_get_selected_runs (TlTranscriptView *self);
void tl_transcript_view_select_line (TlTranscriptView *self, guint index, gboolean scroll);
void tl_transcript_view_set_following (TlTranscriptView *self, gboolean following);
gboolean tl_transcript_view_get_following (TlTranscriptView *self);
void tl_transcript_view_set_headings (TlTranscriptView *self, GPtrArray *chapters);
void tl_transcript_view_point_to_line (TlTranscriptView *self, guint index);
void tl_transcript_view_show_find (TlTranscriptView *self);
void tl_transcript_view_find_next (TlTranscriptView *self, gboolean backwards);
void tl_transcript_view_set_playing (TlTranscriptView *self, gboolean playing);
void tl_transcript_view_show_hit (TlTranscriptView *self, guint index, const char *const *terms);

/* Words (tl-transcript-view-words.c) */
int tl_transcript_view_get_spoken_word (TlTranscriptView *self);
void tl_transcript_view_set_word_cursor (TlTranscriptView *self, guint line, guint word);
gboolean tl_transcript_view_get_word_cursor (TlTranscriptView *self, guint *line, guint *word);
void tl_transcript_view_select_words (TlTranscriptView *self, guint first_line, guint first_word, guint last_line,
                                      guint last_word);
gboolean tl_transcript_view_get_word_range (TlTranscriptView *self, guint *first_line, guint *first_word,
                                            guint *last_line, guint *last_word);
gboolean tl_transcript_view_has_word_focus (TlTranscriptView *self);

/* Corrections (tl-transcript-view-edit.c) */
int tl_transcript_view_get_focus_line (TlTranscriptView *self);
void tl_transcript_view_edit_line (TlTranscriptView *self, int line, int word);
int tl_transcript_view_get_edit_line (TlTranscriptView *self);
GtkWidget *tl_transcript_view_get_editor (TlTranscriptView *self);
void tl_transcript_view_commit_edit (TlTranscriptView *self);
void tl_transcript_view_cancel_edit (TlTranscriptView *self);
void tl_transcript_view_set_shown_speaker (TlTranscriptView *self, const char *speaker);
const char *tl_transcript_view_get_shown_speaker (TlTranscriptView *self);

G_END_DECLS
