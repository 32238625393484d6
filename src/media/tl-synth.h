/* tl-synth.h: text read aloud by espeak-ng, with where each word starts:
 * the reference a recording is aligned against. */
#pragma once

#include <gio/gio.h>

#include "tl-text-words.h"

G_BEGIN_DECLS

typedef struct _TlSynth TlSynth;

/* A word espeak-ng said: where its sound starts, in samples from the
 * start of the reading, and where it is in the text, in characters. */
typedef struct {
  guint64 sample;
  guint position;
} TlSynthWord;

/* Return FALSE to stop the reading (tl_synth_speak() then fails as cancelled). */
typedef gboolean (*TlSynthAudioFunc) (const gint16 *samples, gsize n_samples, gpointer user_data);

TlSynth *tl_synth_new (const char *language, guint words_per_minute, GError **error);
void tl_synth_free (TlSynth *self);
guint tl_synth_get_sample_rate (TlSynth *self);
const char *tl_synth_get_voice (TlSynth *self);
const char *tl_synth_get_version (void);

gboolean tl_synth_speak (TlSynth *self,
                         const char *text,
                         TlSynthAudioFunc audio,
                         gpointer user_data,
                         GArray *word_starts,
                         GError **error);
gboolean tl_synth_speak_words (TlSynth *self,
                               const char *text,
                               GArray *words,
                               TlSynthAudioFunc audio,
                               gpointer user_data,
                               guint64 *word_starts,
                               GError **error);

char *tl_synth_clean_text (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlSynth, tl_synth_free)

G_END_DECLS
