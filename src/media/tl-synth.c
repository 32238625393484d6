/* tl-synth.c: espeak-ng in synchronous mode. espeak-ng keeps its voice,
 * rate and callback in globals, so every use goes through one lock and
 * each reading sets the voice it needs first. */
#include "tl-synth.h"
#include <glib/gi18n-lib.h>

#include <espeak-ng/speak_lib.h>
#include <string.h>

#include "tl-probe.h"

struct _TlSynth {
  char *language;   /* what espeak-ng was asked for, e.g. "en-us" */
  char *voice;      /* the voice it chose, e.g. "English (America)" */
  guint rate;       /* words per minute; 0 for espeak-ng's default */
};

typedef struct {
  TlSynthAudioFunc audio;
  gpointer user_data;
  GArray *word_starts;
  gboolean stopped;
} Reading;

static GMutex espeak_lock;
static int espeak_rate;          /* the sample rate, after initialisation */
static const TlSynth *espeak_owner; /* whose voice and rate are set now */

/* The reading under way: set and cleared with espeak_lock held. */
static Reading *current_reading;

static int
on_synth (short *wav, int n_samples, espeak_EVENT *events)
{
  Reading *reading = current_reading;

  if (reading == NULL || reading->stopped)
    return 1;
  for (espeak_EVENT *e = events; e && e->type != espeakEVENT_LIST_TERMINATED; e++)
    /* sample counts from the start of this reading */
    if (e->type == espeakEVENT_WORD && reading->word_starts)
      {
        /* espeak-ng counts characters from 1 */
        TlSynthWord word = { e->sample, e->text_position > 0 ? e->text_position - 1 : 0 };
        g_array_append_val (reading->word_starts, word);
      }
  if (wav != NULL && n_samples > 0 && !reading->audio (wav, n_samples, reading->user_data))
    {
      reading->stopped = TRUE;
      return 1;
    }
  return 0;
}

static gboolean
ensure_initialized (GError **error)
{
  if (espeak_rate > 0)
    return TRUE;
  espeak_rate = espeak_Initialize (AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, espeakINITIALIZE_DONT_EXIT);
  if (espeak_rate <= 0)
    {
      espeak_rate = 0;
      g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_MISSING_PLUGIN,
                   _("espeak-ng could not start: is espeak-ng-data installed?"));
      return FALSE;
    }
  espeak_SetSynthCallback (on_synth);
  return TRUE;
}

static gboolean
set_language (const char *language)
{
  espeak_VOICE spec = { 0 };

  spec.languages = language;
  return espeak_SetVoiceByProperties (&spec) == EE_OK;
}

/* Sets this synth's voice and rate unless they are set already. */
static gboolean
select_locked (const TlSynth *self, GError **error)
{
  if (espeak_owner == self)
    return TRUE;
  if (!set_language (self->language))
    {
      g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_FAILED,
                   _("espeak-ng has no voice for “%s”"), self->language);
      return FALSE;
    }
  espeak_SetParameter (espeakRATE, self->rate ? (int) self->rate : espeakRATE_NORMAL, 0);
  espeak_owner = self;
  return TRUE;
}

/**
 * tl_synth_new:
 * @language: (nullable): a BCP 47 tag ("en", "de-AT", "pt-BR"); %NULL for English
 * @words_per_minute: the pace, or 0 for espeak-ng's usual one
 *
 * Picks the voice for @language, or for its primary language ("de" for
 * "de-AT" when there is no Austrian one), or English.
 *
 * Returns: (transfer full): a synthesizer, or %NULL with @error set
 */
TlSynth *
tl_synth_new (const char *language, guint words_per_minute, GError **error)
{
  g_autofree char *wanted = g_ascii_strdown (language && *language ? language : "en", -1);
  g_autofree char *primary = NULL;
  const char *candidates[3];
  TlSynth *self;
  espeak_VOICE *current;

  g_strdelimit (wanted, "_", '-');
  primary = g_strndup (wanted, strcspn (wanted, "-"));
  candidates[0] = wanted;
  candidates[1] = primary;
  /* espeak-ng 1.51 refuses "en-gb" by name; "en" by properties always works */
  candidates[2] = "en";

  g_mutex_lock (&espeak_lock);
  if (!ensure_initialized (error))
    {
      g_mutex_unlock (&espeak_lock);
      return NULL;
    }
  self = g_new0 (TlSynth, 1);
  self->rate = words_per_minute;
  for (guint i = 0; i < G_N_ELEMENTS (candidates) && self->language == NULL; i++)
    if (set_language (candidates[i]))
      self->language = g_strdup (candidates[i]);
  if (self->language == NULL)
    {
      g_mutex_unlock (&espeak_lock);
      g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_MISSING_PLUGIN,
                   _("espeak-ng has no English voice: is espeak-ng-data installed?"));
      g_free (self);
      return NULL;
    }
  current = espeak_GetCurrentVoice ();
  self->voice = g_strdup (current && current->name ? current->name : self->language);
  espeak_owner = NULL;
  g_mutex_unlock (&espeak_lock);
  return self;
}

void
tl_synth_free (TlSynth *self)
{
  if (self == NULL)
    return;
  g_mutex_lock (&espeak_lock);
  if (espeak_owner == self)
    espeak_owner = NULL;
  g_mutex_unlock (&espeak_lock);
  g_free (self->language);
  g_free (self->voice);
  g_free (self);
}

guint
tl_synth_get_sample_rate (TlSynth *self)
{
  return espeak_rate;
}

const char *
tl_synth_get_voice (TlSynth *self)
{
  return self->voice;
}

/* espeak-ng's version, e.g. "1.51". */
const char *
tl_synth_get_version (void)
{
  return espeak_Info (NULL);
}

/**
 * tl_synth_clean_text:
 *
 * What of a transcript line can be read aloud: without [bracketed] tags
 * and music signs.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when nothing
 *   in it can be said
 */
char *
tl_synth_clean_text (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean sayable = FALSE;
  int depth = 0;

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '[')
        depth++;
      else if (c == ']' && depth > 0)
        depth--;
      else if (depth == 0 && c != 0x266A && c != 0x266B)
        {
          g_string_append_unichar (out, c);
          sayable |= g_unichar_isalnum (c);
        }
    }
  if (!sayable)
    return NULL;
  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}

/**
 * tl_synth_speak:
 * @text: UTF-8 text (plain, not SSML)
 * @audio: receives the samples (mono, at tl_synth_get_sample_rate())
 * @word_starts: (nullable) (element-type TlSynthWord): the words
 *   espeak-ng says are appended here, as it says them
 *
 * Reads @text aloud, in this thread.
 */
gboolean
tl_synth_speak (TlSynth *self, const char *text, TlSynthAudioFunc audio, gpointer user_data,
                GArray *word_starts, GError **error)
{
  Reading reading = { audio, user_data, word_starts, FALSE };
  espeak_ERROR rc;

  g_return_val_if_fail (self != NULL && text != NULL && audio != NULL, FALSE);

  g_mutex_lock (&espeak_lock);
  if (!select_locked (self, error))
    {
      g_mutex_unlock (&espeak_lock);
      return FALSE;
    }
  current_reading = &reading;
  rc = espeak_Synth (text, strlen (text) + 1, 0, POS_CHARACTER, 0,
                     espeakCHARS_UTF8, NULL, NULL);
  current_reading = NULL;
  g_mutex_unlock (&espeak_lock);

  if (reading.stopped)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Reading aloud was stopped"));
      return FALSE;
    }
  if (rc != EE_OK)
    {
      g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_FAILED, _("espeak-ng could not read “%.40s…”"), text);
      return FALSE;
    }
  return TRUE;
}

/* Where each speakable word starts: at the first word espeak-ng said
 * inside it ("so-called" may be one word or two, "2024" several); a word
 * it said nothing for starts in proportion to its characters between
 * its neighbours that have a start. */
static void
place_words (GArray *words, GArray *said, guint n_chars, guint64 n_samples, guint64 *starts)
{
  guint n = words->len;
  g_autofree guint *chars = g_new (guint, n + 1);
  guint e = 0;

  for (guint i = 0; i < n; i++)
    {
      const TlTextWord *w = &g_array_index (words, TlTextWord, i);
      guint next = n_chars;

      starts[i] = G_MAXUINT64;
      chars[i] = w->reading;
      if (w->reading == G_MAXUINT)
        continue;
      for (guint j = i + 1; j < n; j++)
        if (g_array_index (words, TlTextWord, j).reading != G_MAXUINT)
          {
            next = g_array_index (words, TlTextWord, j).reading;
            break;
          }
      while (e < said->len && g_array_index (said, TlSynthWord, e).position < w->reading)
        e++;
      if (e < said->len && g_array_index (said, TlSynthWord, e).position < next)
        starts[i] = g_array_index (said, TlSynthWord, e).sample;
    }
  /* the rest between the neighbours that have one */
  for (guint i = 0; i < n; i++)
    {
      guint64 before_at = 0, after_at = n_samples;
      guint before_char = 0, after_char = n_chars;

      if (chars[i] == G_MAXUINT || starts[i] != G_MAXUINT64)
        continue;
      for (guint p = i; p-- > 0;)
        if (starts[p] != G_MAXUINT64 && chars[p] != G_MAXUINT)
          {
            before_at = starts[p], before_char = chars[p];
            break;
          }
      for (guint q = i + 1; q < n; q++)
        if (starts[q] != G_MAXUINT64 && chars[q] != G_MAXUINT)
          {
            after_at = starts[q], after_char = chars[q];
            break;
          }
      after_at = MAX (after_at, before_at);
      starts[i] = after_char > before_char
                  ? before_at + (after_at - before_at) * (chars[i] - before_char) / (after_char - before_char)
                  : before_at;
    }
}

typedef struct {
  TlSynthAudioFunc audio;
  gpointer user_data;
  guint64 n_samples;
} Counted;

static gboolean
count_samples (const gint16 *samples, gsize n_samples, gpointer user_data)
{
  Counted *counted = user_data;

  counted->n_samples += n_samples;
  return counted->audio (samples, n_samples, counted->user_data);
}

/**
 * tl_synth_speak_words:
 * @text: a transcript line
 * @words: (element-type TlTextWord): tl_text_split_words (@text)
 * @word_starts: (array): one per word of @words: where it starts, in
 *   samples from the start of this reading, or %G_MAXUINT64 for a word
 *   with nothing to read ([Music])
 *
 * Reads the speakable words of @text aloud (tl_text_words_reading()),
 * in this thread. Reads nothing when no word can be read.
 */
gboolean
tl_synth_speak_words (TlSynth *self, const char *text, GArray *words,
                      TlSynthAudioFunc audio, gpointer user_data,
                      guint64 *word_starts, GError **error)
{
  g_autofree char *reading = tl_text_words_reading (text, words);
  g_autoptr(GArray) said = g_array_new (FALSE, FALSE, sizeof (TlSynthWord));
  Counted counted = { audio, user_data, 0 };

  g_return_val_if_fail (self != NULL && text != NULL && words != NULL, FALSE);

  for (guint i = 0; i < words->len; i++)
    word_starts[i] = G_MAXUINT64;
  if (reading == NULL)
    return TRUE;
  if (!tl_synth_speak (self, reading, count_samples, &counted, said, error))
    return FALSE;
  place_words (words, said, (guint) g_utf8_strlen (reading, -1), counted.n_samples, word_starts);
  return TRUE;
}
