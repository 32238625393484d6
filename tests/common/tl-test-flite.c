/* tl-test-flite.c: flite says a sentence; its utterance tells where each
 * token (a run between white space, as tl_text_split_words splits) and
 * each token's words start: at the first sound of its first word. */
#include "tl-test-flite.h"

#include <flite/flite.h>
#include <flite/flite_version.h>

cst_voice *register_cmu_us_kal16 (const char *voxdir);

/* Where the first sound of a token's words starts, in seconds, or < 0
 * when flite said nothing for it (a lone dash). */
static float
token_start (cst_item *token)
{
  for (cst_item *word = item_daughter (token); word; word = item_next (word))
    {
      cst_item *seg = path_to_item (word, "R:SylStructure.daughter1.daughter1.R:Segment");

      if (seg != NULL)
        return item_prev (seg) ? item_feat_float (item_prev (seg), "end") : 0.0f;
    }
  return -1.0f;
}

static gboolean
flite_speak (gpointer speaker, const char *text, GArray *words,
             gboolean (*audio) (const gint16 *samples, gsize n, gpointer data), gpointer audio_data,
             guint64 *word_starts)
{
  cst_utterance *utt = flite_synth_text (text, speaker);
  cst_wave *wave;
  cst_item *token;
  gboolean ok = TRUE;

  g_assert_nonnull (utt);
  wave = utt_wave (utt);
  g_assert_nonnull (wave);
  g_assert_cmpint (wave->num_samples, >, 0);
  token = relation_head (utt_relation (utt, "Token"));

  for (guint i = 0; i < words->len; i++, token = token ? item_next (token) : NULL)
    {
      float at = token ? token_start (token) : -1.0f;

      word_starts[i] = at >= 0 && g_array_index (words, TlTextWord, i).speakable
                       ? (guint64) (at * wave->sample_rate) : G_MAXUINT64;
    }
  /* flite splits at white space as we do: a token left over is a bug */
  if (token != NULL)
    {
      g_printerr ("flite split “%s” into more tokens than words\n", text);
      ok = FALSE;
    }
  /* the recording that could not be written is a failed one */
  if (!audio (wave->samples, wave->num_samples, audio_data))
    ok = FALSE;
  delete_utterance (utt);
  return ok;
}

/**
 * tl_test_flite_spec:
 *
 * Makes @spec's recordings with flite's cmu_us_kal16 voice (16 kHz).
 */
void
tl_test_flite_spec (TlTestSpeechSpec *spec)
{
  static cst_voice *voice;

  if (voice == NULL)
    {
      flite_init ();
      voice = register_cmu_us_kal16 (NULL);
      g_assert_nonnull (voice);
    }
  spec->speak = flite_speak;
  spec->speaker = voice;
  spec->speaker_rate = 16000;
}

const char *
tl_test_flite_version (void)
{
  return FLITE_PROJECT_VERSION;
}
