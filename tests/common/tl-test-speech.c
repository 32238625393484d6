/* tl-test-speech.c: espeak-ng reads sentences into a WAV file with random
 * pauses between them and pink noise over all of it. The file is written
 * as it is made (twice: clean, to measure the speech's power, then with
 * the noise), so a half-hour recording costs no memory. */
#include "tl-test-speech.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tl-probe.h"
#include "tl-synth.h"

#define PINK_ROWS 16

void
tl_test_speech_spec_init (TlTestSpeechSpec *spec)
{
  spec->voice = "en-us";
  spec->words_per_minute = 160;
  spec->seed = 1;
  spec->pause_min = 0.3;
  spec->pause_max = 1.5;
  spec->snr_db = 20;
  spec->speak = NULL;
  spec->speaker = NULL;
  spec->speaker_rate = 0;
}

void
tl_test_speech_free (TlTestSpeech *speech)
{
  if (speech == NULL)
    return;
  g_free (speech->wav_path);
  g_ptr_array_unref (speech->lines);
  g_array_unref (speech->truth);
  g_ptr_array_unref (speech->word_truth);
  g_free (speech);
}

static void
put_le (FILE *file, guint32 value, int bytes)
{
  for (int i = 0; i < bytes; i++)
    fputc ((value >> (8 * i)) & 0xff, file);
}

/* A RIFF/WAVE header for 16-bit mono PCM. */
void
tl_test_write_wav_header (FILE *file, guint sample_rate, guint64 n_samples)
{
  guint32 data_bytes = (guint32) (n_samples * 2);

  fwrite ("RIFF", 1, 4, file);
  put_le (file, 36 + data_bytes, 4);
  fwrite ("WAVEfmt ", 1, 8, file);
  put_le (file, 16, 4);
  put_le (file, 1, 2);               /* PCM */
  put_le (file, 1, 2);               /* mono */
  put_le (file, sample_rate, 4);
  put_le (file, sample_rate * 2, 4); /* bytes per second */
  put_le (file, 2, 2);               /* bytes per frame */
  put_le (file, 16, 2);
  fwrite ("data", 1, 4, file);
  put_le (file, data_bytes, 4);
}

static inline guint32
next_random (guint32 *state)
{
  guint32 x = *state;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  *state = x;
  return x;
}

static inline float
uniform (guint32 *state)
{
  return (float) next_random (state) / 4294967296.0f * 2.0f - 1.0f;
}

/* Pink noise of unit power by Voss and McCartney's method: row k of
 * @rows is redrawn every 2^k samples, and the rows are summed, so each
 * octave down holds as much power as the one above. @rows holds
 * PINK_ROWS values, @state the position and the random generator. */
void
tl_test_pink_noise (guint32 *state, float *rows, float *out, gsize n)
{
  /* PINK_ROWS + 1 terms of uniform noise, each of power 1/3 */
  const float scale = 1.0f / sqrtf ((PINK_ROWS + 1) / 3.0f);

  for (gsize i = 0; i < n; i++)
    {
      guint32 counter = state[1]++;
      float sum;
      /* the row whose turn it is: the number of trailing zero bits */
      int row = counter == 0 ? 0 : __builtin_ctz (counter);
      if (row < PINK_ROWS)
        rows[row] = uniform (&state[0]);
      sum = uniform (&state[0]);
      for (int r = 0; r < PINK_ROWS; r++)
        sum += rows[r];
      out[i] = sum * scale;
    }
}

typedef struct {
  FILE *file;
  double power;     /* sum of squares of the speech */
  guint64 n_speech;
} Clean;

static gboolean
on_samples (const gint16 *samples, gsize n, gpointer user_data)
{
  Clean *clean = user_data;

  for (gsize i = 0; i < n; i++)
    clean->power += (double) samples[i] * samples[i];
  clean->n_speech += n;
  fwrite (samples, sizeof (gint16), n, clean->file);
  return TRUE;
}

static void
write_silence (FILE *file, guint64 n)
{
  static const gint16 zeros[1024];

  while (n > 0)
    {
      gsize k = MIN (n, G_N_ELEMENTS (zeros));
      fwrite (zeros, sizeof (gint16), k, file);
      n -= k;
    }
}

/**
 * tl_test_speech_make:
 * @path: the WAV file to write
 *
 * Says the sentences with @spec's voice and pace, a random pause (0.3 to
 * 1.5 s, seeded) between each two and a second of silence at each end,
 * then adds pink noise at @spec's SNR over the speech's mean power. A
 * sentence starts where espeak-ng says its first word starts; each word
 * where espeak-ng says it starts.
 */
TlTestSpeech *
tl_test_speech_make (const char *path, const TlTestSentence *sentences, guint n_sentences,
                     const TlTestSpeechSpec *spec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSynth) synth = NULL;
  g_autofree char *raw_path = g_strconcat (path, ".raw", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (spec->seed);
  TlTestSpeech *speech = g_new0 (TlTestSpeech, 1);
  Clean clean = { 0 };
  guint rate;
  guint64 n_samples, done = 0;
  FILE *out;
  float rows[PINK_ROWS] = { 0 };
  guint32 noise_state[2] = { spec->seed * 2654435761u | 1, 0 };
  double noise_amplitude = 0;

  if (spec->speak == NULL)
    {
      synth = tl_synth_new (spec->voice, spec->words_per_minute, &error);
      g_assert_no_error (error);
      rate = tl_synth_get_sample_rate (synth);
    }
  else
    rate = spec->speaker_rate;
  speech->wav_path = g_strdup (path);
  speech->lines = g_ptr_array_new_with_free_func (g_free);
  speech->truth = g_array_new (FALSE, FALSE, sizeof (gint64));
  speech->word_truth = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  clean.file = fopen (raw_path, "wb");
  g_assert_nonnull (clean.file);
  write_silence (clean.file, rate);
  for (guint i = 0; i < n_sentences; i++)
    {
      const TlTestSentence *s = &sentences[i];
      guint64 at = (guint64) ftell (clean.file) / sizeof (gint16);
      g_autoptr(GArray) words = tl_text_split_words (s->text);
      g_autofree guint64 *starts = g_new (guint64, MAX (words->len, 1));
      GArray *word_truth = g_array_sized_new (FALSE, FALSE, sizeof (gint64), words->len);
      gint64 start = TL_TIME_NONE;

      g_array_set_size (word_truth, words->len);
      for (guint w = 0; w < words->len; w++)
        g_array_index (word_truth, gint64, w) = TL_TIME_NONE;
      if (s->spoken)
        {
          if (at > rate)
            write_silence (clean.file, (guint64) (g_rand_double_range (rand, spec->pause_min, spec->pause_max) * rate));
          at = (guint64) ftell (clean.file) / sizeof (gint16);
          if (synth != NULL)
            {
              g_assert_true (tl_synth_speak_words (synth, s->text, words, on_samples, &clean, starts, &error));
              g_assert_no_error (error);
            }
          else
            g_assert_true (spec->speak (spec->speaker, s->text, words, on_samples, &clean, starts));
          for (guint w = 0; w < words->len; w++)
            if (starts[w] != G_MAXUINT64)
              {
                g_array_index (word_truth, gint64, w) = (gint64) ((at + starts[w]) * G_USEC_PER_SEC / rate);
                if (start < 0)
                  start = g_array_index (word_truth, gint64, w);
              }
          g_assert_cmpint (start, >=, 0);
        }
      if (s->in_transcript)
        {
          g_ptr_array_add (speech->lines, g_strdup (s->text));
          g_array_append_val (speech->truth, start);
          g_ptr_array_add (speech->word_truth, word_truth);
        }
      else
        g_array_unref (word_truth);
    }
  write_silence (clean.file, rate);
  n_samples = (guint64) ftell (clean.file) / sizeof (gint16);
  fclose (clean.file);
  speech->duration = (gint64) (n_samples * G_USEC_PER_SEC / rate);

  if (spec->snr_db > 0 && clean.n_speech > 0)
    noise_amplitude = sqrt (clean.power / clean.n_speech / pow (10.0, spec->snr_db / 10.0));

  clean.file = fopen (raw_path, "rb");
  out = fopen (path, "wb");
  g_assert_nonnull (clean.file);
  g_assert_nonnull (out);
  tl_test_write_wav_header (out, rate, n_samples);
  while (done < n_samples)
    {
      gint16 block[4096];
      float noise[4096];
      gsize n = fread (block, sizeof (gint16), G_N_ELEMENTS (block), clean.file);

      g_assert_cmpuint (n, >, 0);
      tl_test_pink_noise (noise_state, rows, noise, n);
      for (gsize i = 0; i < n; i++)
        block[i] = (gint16) CLAMP (lrint (block[i] + noise[i] * noise_amplitude), -32768, 32767);
      fwrite (block, sizeof (gint16), n, out);
      done += n;
    }
  fclose (clean.file);
  fclose (out);
  g_unlink (raw_path);
  return speech;
}

/**
 * tl_test_speech_import:
 *
 * Stores the recording's transcript (untimed, so its times are estimated
 * over the media's duration) with the probed recording as its media.
 *
 * Returns: the source's id
 */
gint64
tl_test_speech_import (TlLibrary *library, const TlTestSpeech *speech, const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_document_new ("text");
  g_autoptr(TlMediaInfo) media = tl_probe_file (speech->wav_path, &error);
  TlImportOptions options = { NULL, NULL, NULL };
  gint64 id;

  g_assert_no_error (error);
  doc->title = tl_document_strdup (doc, title);
  for (guint i = 0; i < speech->lines->len; i++)
    tl_document_add_segment (doc, TL_TIME_NONE, TL_TIME_NONE, g_ptr_array_index (speech->lines, i), -1);
  doc->timing = TL_TIMING_NONE;
  tl_document_apply_media (doc, media);
  options.media = media;
  id = tl_library_add_document (library, doc, &options, &error);
  g_assert_no_error (error);
  return id;
}

static gboolean
plain_sentence (const char *s, guint n_words)
{
  gsize len = strlen (s);

  if (n_words < 6 || n_words > 35 || len == 0 || strchr (".?!", s[len - 1]) == NULL)
    return FALSE;
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= 128 && c != 0x2019 && c != 0x201C && c != 0x201D)
        return FALSE;
    }
  return TRUE;
}

/**
 * tl_test_sentence_pool:
 * @data_dir: tests/data
 *
 * Sentences of news prose from two of the sample transcripts (an article
 * and a page's summary): every sentence of 6 to 35 words in plain
 * letters, once each, in the order they appear.
 *
 * Returns: (transfer full) (element-type utf8): the sentences
 */
GPtrArray *
tl_test_sentence_pool (const char *data_dir)
{
  static const char *const files[] = { "004_6bcb75f48e6afdfd.txt", "001_1c9dfaa17b4212dc.txt" };
  GPtrArray *pool = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = g_build_filename (data_dir, files[f], NULL);
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      lines = g_strsplit (text, "\n", -1);
      for (guint l = 0; lines[l]; l++)
        {
          char *line = g_strstrip (lines[l]);
          const char *p;
          g_autoptr(GString) cur = g_string_new (NULL);
          guint n_words = 0;

          /* bullets and the answer marks of a Q & A */
          while (g_str_has_prefix (line, "\u2022") || *line == '-' || *line == ' ')
            line = g_str_has_prefix (line, "\u2022") ? line + strlen ("\u2022") : line + 1;
          for (p = line;; p++)
            {
              gboolean end = *p == '\0' || (strchr (".?!", *p) && *p && p[1] == ' ');
              if (*p != '\0')
                g_string_append_c (cur, *p);
              if (end)
                {
                  g_strstrip (cur->str);
                  cur->len = strlen (cur->str);
                  n_words = 0;
                  for (const char *q = cur->str; *q; q++)
                    n_words += (q == cur->str || q[-1] == ' ') && *q != ' ';
                  if (plain_sentence (cur->str, n_words) && !g_hash_table_contains (seen, cur->str))
                    {
                      char *sentence = g_strdup (cur->str);
                      g_ptr_array_add (pool, sentence);
                      g_hash_table_add (seen, sentence);
                    }
                  g_string_truncate (cur, 0);
                  if (*p == '\0')
                    break;
                  p++; /* the space */
                }
            }
        }
    }
  return pool;
}
