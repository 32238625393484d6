/* tl-test-speech.h: recordings of known text made at run time with
 * espeak-ng, with pauses and pink noise, and where each sentence starts:
 * the ground truth the aligner's tests and benchmark measure against. */
#pragma once

#include <glib.h>
#include <stdio.h>

#include "tl-library.h"
#include "tl-text-words.h"

G_BEGIN_DECLS

typedef struct {
  const char *text;
  gboolean spoken;        /* FALSE: in the transcript only (boilerplate) */
  gboolean in_transcript; /* FALSE: said, but missing from the transcript */
} TlTestSentence;

/* Another synthesizer: says @text through @audio and tells where (in
 * samples from the start of what it said) each of @words (TlTextWord,
 * tl_text_split_words (@text)) begins: @word_starts has one per word,
 * G_MAXUINT64 for a word it said nothing for. */
typedef gboolean (*TlTestSpeakFunc) (gpointer speaker,
                                     const char *text,
                                     GArray *words,
                                     gboolean (*audio) (const gint16 *samples, gsize n, gpointer data),
                                     gpointer audio_data,
                                     guint64 *word_starts);

typedef struct {
  const char *voice;      /* espeak-ng language, e.g. "en-us" */
  guint words_per_minute;
  guint32 seed;           /* for the pauses and the noise */
  double pause_min;       /* seconds of silence between sentences */
  double pause_max;
  double snr_db;          /* speech to pink noise; <= 0 for none */
  TlTestSpeakFunc speak;  /* NULL: espeak-ng with @voice */
  gpointer speaker;
  guint speaker_rate;     /* sample rate of @speak */
} TlTestSpeechSpec;

typedef struct {
  char *wav_path;
  GPtrArray *lines;       /* char *: the transcript, one sentence per line */
  GArray *truth;          /* gint64 µs per line: where it starts, TL_TIME_NONE if unsaid */
  GPtrArray *word_truth;  /* per line, a GArray of gint64 µs: where each of its words
                           * (tl_text_split_words) starts, TL_TIME_NONE if unsaid */
  gint64 duration;        /* µs */
} TlTestSpeech;

void tl_test_speech_spec_init (TlTestSpeechSpec *spec);
TlTestSpeech *tl_test_speech_make (const char *path,
                                   const TlTestSentence *sentences,
                                   guint n_sentences,
                                   const TlTestSpeechSpec *spec);
void tl_test_speech_free (TlTestSpeech *speech);

void tl_test_write_wav_header (FILE *file, guint sample_rate, guint64 n_samples);
void tl_test_pink_noise (guint32 *state, float *rows, float *out, gsize n);

gint64 tl_test_speech_import (TlLibrary *library, const TlTestSpeech *speech, const char *title);
GPtrArray *tl_test_sentence_pool (const char *data_dir);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlTestSpeech, tl_test_speech_free)

G_END_DECLS
