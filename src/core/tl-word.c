/* tl-word.c: words of a line: splitting a line into words, estimating
 * their times from the line's, keeping them through a correction of the
 * text, and moving them with their line. */
#include "tl-word.h"

#include <string.h>

G_DEFINE_ENUM_TYPE (TlWordTiming, tl_word_timing,
  G_DEFINE_ENUM_VALUE (TL_WORD_TIMING_NONE, "none"),
  G_DEFINE_ENUM_VALUE (TL_WORD_TIMING_NATIVE, "native"),
  G_DEFINE_ENUM_VALUE (TL_WORD_TIMING_ALIGNED, "aligned"),
  G_DEFINE_ENUM_VALUE (TL_WORD_TIMING_ESTIMATED, "estimated"),
  G_DEFINE_ENUM_VALUE (TL_WORD_TIMING_INTERPOLATED, "interpolated"))

static const char *const timing_names[] = { "none", "native", "aligned", "estimated", "interpolated" };

const char *
tl_word_timing_to_string (TlWordTiming timing)
{
  g_return_val_if_fail ((guint) timing < G_N_ELEMENTS (timing_names), NULL);
  return timing_names[timing];
}

gboolean
tl_word_timing_from_string (const char *str, TlWordTiming *timing)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (timing_names); i++)
    if (strcmp (str, timing_names[i]) == 0)
      {
        *timing = (TlWordTiming) i;
        return TRUE;
      }
  return FALSE;
}

static void
clear_word (gpointer data)
{
  TlWord *word = data;

  g_clear_pointer (&word->text, g_free);
}

GArray *
tl_words_new (guint reserve)
{
  GArray *words = g_array_sized_new (FALSE, TRUE, sizeof (TlWord), reserve);

  g_array_set_clear_func (words, clear_word);
  return words;
}

/**
 * tl_words_split_text:
 *
 * Returns: (transfer full) (element-type TlWordSpan): where the words of
 *   @text are: its runs of characters between white space
 */
GArray *
tl_words_split_text (const char *text)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (TlWordSpan));
  const char *p = text, *start = NULL;

  for (; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));

      if (!space && start == NULL)
        start = p;
      else if (space && start != NULL)
        {
          TlWordSpan span = { start - text, p - start };
          g_array_append_val (spans, span);
          start = NULL;
        }
    }
  if (start != NULL)
    {
      TlWordSpan span = { start - text, p - start };
      g_array_append_val (spans, span);
    }
  return spans;
}

guint
tl_words_count_text (const char *text)
{
  g_autoptr(GArray) spans = tl_words_split_text (text);

  return spans->len;
}

static gboolean
is_vowel (gunichar c)
{
  gunichar base[4];
  gsize n = g_unichar_fully_decompose (g_unichar_tolower (c), FALSE, base, G_N_ELEMENTS (base));

  return n > 0 && base[0] < 128 && strchr ("aeiouy", (char) base[0]) != NULL;
}

/* How long a word takes to say, in syllables, roughly: the groups of
 * vowels in a Latin-script word, a syllable per digit (numbers are said
 * long), a character of other scripts each; marks alone take a breath. */
static double
word_weight (const char *word, gsize len)
{
  const char *end = word + len;
  guint groups = 0, letters = 0, digits = 0, others = 0;
  gboolean in_vowels = FALSE, latin = FALSE;

  for (const char *p = word; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        {
          letters++;
          if (c < 0x250)
            latin = TRUE;
          else
            others++;
          if (is_vowel (c))
            {
              if (!in_vowels)
                groups++;
              in_vowels = TRUE;
              continue;
            }
        }
      else if (g_unichar_isdigit (c))
        digits++;
      in_vowels = FALSE;
    }
  if (latin && groups > 0)
    return groups + others + digits + 0.25;
  if (letters > 0)
    return MAX (1.0, letters / 3.0) + digits + 0.25;
  if (digits > 0)
    return digits + 0.25;
  return 0.25;
}

/* Times for @n words from @first on, spread over [@start, @end) by weight. */
static void
spread (TlWord *words, guint n, const double *weights, gint64 start, gint64 end)
{
  double total = 0, acc = 0;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  for (guint i = 0; i < n; i++)
    {
      words[i].start = start + (gint64) ((end - start) * (acc / total));
      acc += weights[i];
      words[i].end = start + (gint64) ((end - start) * (acc / total));
    }
}

/* A line without an end lasts as long as its words take at a usual pace. */
#define USEC_PER_SYLLABLE (200 * TL_USEC_PER_MSEC)

/**
 * tl_words_estimate:
 * @start: the line's start, or %TL_TIME_NONE
 * @end: the line's end, or %TL_TIME_NONE
 *
 * The words of @text with times spread over the line by their syllables
 * (untimed when the line is).
 *
 * Returns: (transfer full) (element-type TlWord): the words
 */
GArray *
tl_words_estimate (const char *text, gint64 start, gint64 end)
{
  g_autoptr(GArray) spans = tl_words_split_text (text);
  g_autofree double *weights = g_new (double, MAX (spans->len, 1));
  GArray *words = tl_words_new (spans->len);
  double total = 0;

  g_array_set_size (words, spans->len);
  for (guint i = 0; i < spans->len; i++)
    {
      const TlWordSpan *span = &g_array_index (spans, TlWordSpan, i);
      TlWord *word = &g_array_index (words, TlWord, i);

      word->text = g_strndup (text + span->offset, span->length);
      word->start = word->end = TL_TIME_NONE;
      word->confidence = -1;
      weights[i] = word_weight (word->text, span->length);
      total += weights[i];
    }
  if (start == TL_TIME_NONE || words->len == 0)
    return words;
  if (end == TL_TIME_NONE || end < start)
    end = start + (gint64) (total * USEC_PER_SYLLABLE);
  spread ((TlWord *) words->data, words->len, weights, start, end);
  return words;
}

/* What two words must share to be "the same word" through a correction:
 * their letters and digits, whatever their case and punctuation. */
static char *
word_key (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *key = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }
  /* a word of marks only keeps them, or every mark would be one word */
  if (key->len == 0)
    g_string_append (key, folded);
  return g_string_free (key, FALSE);
}

/* Larger tables than this are not compared word by word: only the words
 * both ends share keep their times (a line of thousands of words). */
#define MAX_TABLE (1000 * 1000)

/* For each new word, the old word it is (-1: none), the longest common
 * subsequence of the two lines' words. */
static void
match_words (char **old_keys, guint n_old, char **new_keys, guint n_new, gint *match)
{
  guint prefix = 0, suffix = 0;

  for (guint j = 0; j < n_new; j++)
    match[j] = -1;
  while (prefix < n_old && prefix < n_new && old_keys[prefix] && strcmp (old_keys[prefix], new_keys[prefix]) == 0)
    {
      match[prefix] = prefix;
      prefix++;
    }
  while (suffix < n_old - prefix && suffix < n_new - prefix && old_keys[n_old - 1 - suffix]
         && strcmp (old_keys[n_old - 1 - suffix], new_keys[n_new - 1 - suffix]) == 0)
    {
      match[n_new - 1 - suffix] = n_old - 1 - suffix;
      suffix++;
    }
  {
    guint a = n_old - prefix - suffix, b = n_new - prefix - suffix;
    g_autofree guint *table = NULL;

    if (a == 0 || b == 0 || (guint64) (a + 1) * (b + 1) > MAX_TABLE)
      return;
    /* table[i][j]: the longest common run of old[i..] and new[j..] */
    table = g_new0 (guint, (a + 1) * (b + 1));
#define T(i, j) table[(i) * (b + 1) + (j)]
    for (gint i = a - 1; i >= 0; i--)
      for (gint j = b - 1; j >= 0; j--)
        {
          const char *ok = old_keys[prefix + i];
          if (ok != NULL && strcmp (ok, new_keys[prefix + j]) == 0)
            T (i, j) = T (i + 1, j + 1) + 1;
          else
            T (i, j) = MAX (T (i + 1, j), T (i, j + 1));
        }
    for (guint i = 0, j = 0; i < a && j < b;)
      {
        const char *ok = old_keys[prefix + i];
        if (ok != NULL && strcmp (ok, new_keys[prefix + j]) == 0)
          {
            match[prefix + j] = prefix + i;
            i++, j++;
          }
        else if (T (i + 1, j) >= T (i, j + 1))
          i++;
        else
          j++;
      }
#undef T
  }
}

/* The shortest time a word put in between two others is given. */
#define MIN_WORD_USEC (80 * TL_USEC_PER_MSEC)

/**
 * tl_words_fit:
 * @words: (array length=n_words): the line's words as they were timed
 * @text: the line's (new) text
 * @start: the line's start, or %TL_TIME_NONE
 * @end: the line's end, or %TL_TIME_NONE
 * @n_changed: (out) (optional): how many words of @text are new
 *
 * The words of @text, timed from @words: a word that was there keeps its
 * time and confidence (whatever its case or punctuation now); the others
 * are interpolated between their neighbours, by syllables, and marked so.
 * A word squeezed in where there is no time takes a share of its
 * neighbours', which are then interpolated too.
 *
 * Returns: (transfer full) (element-type TlWord): the words of @text
 */
GArray *
tl_words_fit (const TlWord *words, guint n_words, const char *text, gint64 start, gint64 end, guint *n_changed)
{
  g_autoptr(GArray) spans = tl_words_split_text (text);
  g_autofree char **old_keys = g_new0 (char *, n_words + 1);
  g_autofree char **new_keys = g_new0 (char *, spans->len + 1);
  g_autofree gint *match = g_new (gint, MAX (spans->len, 1));
  g_autofree double *weights = g_new (double, MAX (spans->len, 1));
  GArray *out = tl_words_new (spans->len);
  gboolean timed = FALSE;
  guint changed = 0;

  for (guint i = 0; i < n_words; i++)
    if (words[i].start != TL_TIME_NONE && words[i].end != TL_TIME_NONE)
      {
        /* an untimed word gives no time to keep */
        old_keys[i] = word_key (words[i].text);
        timed = TRUE;
      }
  g_array_set_size (out, spans->len);
  for (guint j = 0; j < spans->len; j++)
    {
      const TlWordSpan *span = &g_array_index (spans, TlWordSpan, j);
      TlWord *word = &g_array_index (out, TlWord, j);

      word->text = g_strndup (text + span->offset, span->length);
      word->start = word->end = TL_TIME_NONE;
      word->confidence = -1;
      new_keys[j] = word_key (word->text);
      weights[j] = word_weight (word->text, span->length);
    }
  match_words (old_keys, n_words, new_keys, spans->len, match);
  for (guint j = 0; j < spans->len; j++)
    {
      TlWord *word = &g_array_index (out, TlWord, j);
      if (match[j] >= 0)
        {
          word->start = words[match[j]].start;
          word->end = words[match[j]].end;
          word->confidence = words[match[j]].confidence;
          word->interpolated = words[match[j]].interpolated;
        }
      else
        changed++;
    }

  /* the line's times bound what words can take */
  if (timed)
    {
      if (start == TL_TIME_NONE)
        for (guint i = 0; i < n_words && start == TL_TIME_NONE; i++)
          start = words[i].start;
      if (end == TL_TIME_NONE)
        for (guint i = n_words; i > 0 && end == TL_TIME_NONE; i--)
          end = words[i - 1].end;
    }
  if (start != TL_TIME_NONE && end != TL_TIME_NONE && end >= start)
    for (guint j = 0; j < out->len;)
      {
        TlWord *w = (TlWord *) out->data;
        guint first = j, last;
        gint64 lo, hi;

        if (w[j].start != TL_TIME_NONE)
          {
            j++;
            continue;
          }
        while (j < out->len && w[j].start == TL_TIME_NONE)
          j++;
        last = j; /* exclusive */
        lo = first > 0 ? w[first - 1].end : start;
        hi = last < out->len ? w[last].start : end;
        /* no room: take the neighbours' time too */
        if (hi - lo < (gint64) (last - first) * MIN_WORD_USEC)
          {
            if (first > 0)
              {
                first--;
                lo = first > 0 ? w[first - 1].end : start;
              }
            if (last < out->len)
              {
                last++;
                hi = last < out->len ? w[last].start : end;
              }
          }
        hi = MAX (hi, lo);
        spread (w + first, last - first, weights + first, lo, hi);
        for (guint k = first; k < last; k++)
          {
            w[k].interpolated = TRUE;
            w[k].confidence = -1;
          }
        j = last;
      }
  for (guint i = 0; i < n_words; i++)
    g_free (old_keys[i]);
  for (guint j = 0; j < spans->len; j++)
    g_free (new_keys[j]);
  if (n_changed)
    *n_changed = changed;
  return out;
}

static gint64
map_time (gint64 t, gint64 old_start, gint64 old_end, gint64 new_start, gint64 new_end)
{
  gint64 mapped;

  if (t == TL_TIME_NONE)
    return t;
  if (old_end != TL_TIME_NONE && new_end != TL_TIME_NONE && old_end > old_start)
    mapped = new_start + (gint64) ((double) (t - old_start) * (new_end - new_start) / (old_end - old_start));
  else
    mapped = t - old_start + new_start;
  mapped = MAX (mapped, new_start);
  if (new_end != TL_TIME_NONE)
    mapped = MIN (mapped, new_end);
  return mapped;
}

/**
 * tl_words_retime:
 *
 * Moves a line's words with the line, from [@old_start, @old_end] to
 * [@new_start, @new_end]: each keeps its place in the line, in proportion.
 * A line that loses its times takes its words' with it.
 */
void
tl_words_retime (TlWord *words, guint n_words, gint64 old_start, gint64 old_end, gint64 new_start,
                 gint64 new_end)
{
  for (guint i = 0; i < n_words; i++)
    {
      if (new_start == TL_TIME_NONE || old_start == TL_TIME_NONE)
        {
          words[i].start = words[i].end = TL_TIME_NONE;
          continue;
        }
      words[i].start = map_time (words[i].start, old_start, old_end, new_start, new_end);
      words[i].end = map_time (words[i].end, old_start, old_end, new_start, new_end);
    }
}

/**
 * tl_words_find:
 *
 * Returns: the word being said at @time (the last that starts at or
 *   before it), or -1 before the first word or for untimed words
 */
gint
tl_words_find (const TlWord *words, guint n_words, gint64 time)
{
  guint lo = 0, hi = n_words;

  if (time == TL_TIME_NONE)
    return -1;
  /* the first word that starts after @time */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (words[mid].start != TL_TIME_NONE && words[mid].start <= time)
        lo = mid + 1;
      else
        hi = mid;
    }
  return (gint) lo - 1;
}
