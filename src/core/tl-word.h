/* tl-word.h: the words of a line, with their times: as a transcript gave
 * them, as alignment found them, or estimated from the line's own times.
 * The words of a line are its text split at white space, always: a word's
 * text is the line's token as written (punctuation kept). */
#pragma once

#include <glib-object.h>

#include "tl-types.h"

G_BEGIN_DECLS

/* Where a line's word times come from (stored as these names). */
typedef enum {
  TL_WORD_TIMING_NONE,         /* the line has no times, nor do its words */
  TL_WORD_TIMING_NATIVE,       /* the transcript file timed them */
  TL_WORD_TIMING_ALIGNED,      /* forced alignment timed them */
  TL_WORD_TIMING_ESTIMATED,    /* spread over the line's time by syllables */
  TL_WORD_TIMING_INTERPOLATED, /* native or aligned, but the editor changed some
                                * words: those are interpolated (TlWord.interpolated) */
} TlWordTiming;

#define TL_TYPE_WORD_TIMING (tl_word_timing_get_type ())
GType tl_word_timing_get_type (void) G_GNUC_CONST;
const char *tl_word_timing_to_string (TlWordTiming timing);
gboolean tl_word_timing_from_string (const char *str, TlWordTiming *timing);

typedef struct {
  char *text;
  gint64 start;        /* µs, or TL_TIME_NONE */
  gint64 end;          /* µs, or TL_TIME_NONE */
  double confidence;   /* 0–1, or < 0 when unknown */
  gboolean interpolated; /* its time was interpolated after a correction */
} TlWord;

/* A GArray of TlWord that frees the words' texts. */
GArray *tl_words_new (guint reserve);

/* Byte offsets of the words (white-space separated tokens) of @text. */
typedef struct {
  guint offset;
  guint length;
} TlWordSpan;

GArray *tl_words_split_text (const char *text);
guint tl_words_count_text (const char *text);

GArray *tl_words_estimate (const char *text, gint64 start, gint64 end);
GArray *tl_words_fit (const TlWord *words, guint n_words, const char *text, gint64 start, gint64 end,
                      guint *n_changed);
void tl_words_retime (TlWord *words, guint n_words, gint64 old_start, gint64 old_end, gint64 new_start,
                      gint64 new_end);
gint tl_words_find (const TlWord *words, guint n_words, gint64 time);

G_END_DECLS
