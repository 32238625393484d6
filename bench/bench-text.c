/* bench-text.c: reproducible text for benchmarks. The vocabulary is 200
 * common English words followed by 20,000 made-up words; rank r is drawn
 * with probability proportional to 1/(r+1), as in real speech. */
#include "bench-text.h"

#include <math.h>

static const char *const common[] = {
  "the", "of", "and", "to", "a", "in", "that", "is", "was", "he", "for", "it", "with", "as", "his", "on",
  "be", "at", "by", "i", "this", "had", "not", "are", "but", "from", "or", "have", "an", "they", "which",
  "one", "you", "were", "her", "all", "she", "there", "would", "their", "we", "him", "been", "has", "when",
  "who", "will", "more", "no", "if", "out", "so", "said", "what", "up", "its", "about", "into", "than",
  "them", "can", "only", "other", "new", "some", "could", "time", "these", "two", "may", "then", "do",
  "first", "any", "my", "now", "such", "like", "our", "over", "man", "me", "even", "most", "made", "after",
  "also", "did", "many", "before", "must", "through", "back", "years", "where", "much", "your", "way",
  "well", "down", "should", "because", "each", "just", "those", "people", "how", "too", "little", "state",
  "good", "very", "make", "world", "still", "own", "see", "men", "work", "long", "get", "here", "between",
  "both", "life", "being", "under", "never", "day", "same", "another", "know", "while", "last", "might",
  "us", "great", "old", "year", "off", "come", "since", "against", "go", "came", "right", "used", "take",
  "three", "president", "summit", "korea", "russia", "weapons", "ammunition", "treaty", "leader", "visit",
  "military", "defense", "ukraine", "war", "alliance", "support", "sanctions", "missile", "china", "trade",
  "talks", "border", "parade", "security", "partnership", "agreement", "nuclear", "minister", "foreign",
  "relations", "shells", "satellite", "supplies", "food", "energy", "western", "concern", "policy", "troops",
  "region", "visit", "cooperation", "council", "united", "nations", "pyongyang", "moscow", "kremlin",
};

#define N_INVENTED 20000

struct BenchText {
  GRand *rand;
  GPtrArray *words;
  double *cumulative;
};

BenchText *
bench_text_new (guint32 seed)
{
  BenchText *text = g_new0 (BenchText, 1);
  static const char *const syllables[] = { "ka", "lo", "ri", "ven", "sta", "mor", "tel", "qui", "den", "par",
                                           "lin", "zo", "bra", "nel", "tis", "gu", "fer", "ham", "op", "dra" };
  GRand *names = g_rand_new_with_seed (12345);
  double sum = 0;

  text->rand = g_rand_new_with_seed (seed);
  text->words = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    g_ptr_array_add (text->words, g_strdup (common[i]));
  for (guint i = 0; i < N_INVENTED; i++)
    {
      GString *w = g_string_new (NULL);
      guint n = 2 + g_rand_int_range (names, 0, 3);
      for (guint s = 0; s < n; s++)
        g_string_append (w, syllables[g_rand_int_range (names, 0, G_N_ELEMENTS (syllables))]);
      g_string_append_printf (w, "%c", 'a' + i % 26);
      g_ptr_array_add (text->words, g_string_free (w, FALSE));
    }
  g_rand_free (names);

  text->cumulative = g_new (double, text->words->len);
  for (guint i = 0; i < text->words->len; i++)
    {
      sum += 1.0 / (i + 1);
      text->cumulative[i] = sum;
    }
  for (guint i = 0; i < text->words->len; i++)
    text->cumulative[i] /= sum;
  return text;
}

void
bench_text_free (BenchText *text)
{
  g_rand_free (text->rand);
  g_ptr_array_unref (text->words);
  g_free (text->cumulative);
  g_free (text);
}

static guint
draw_rank (BenchText *text)
{
  double r = g_rand_double (text->rand);
  guint lo = 0, hi = text->words->len - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (text->cumulative[mid] < r)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

void
bench_text_sentence (BenchText *text, GString *out, guint min_words, guint max_words)
{
  guint n = g_rand_int_range (text->rand, min_words, max_words + 1);

  for (guint i = 0; i < n; i++)
    {
      const char *word = g_ptr_array_index (text->words, draw_rank (text));
      if (i == 0)
        {
          g_string_append_c (out, g_ascii_toupper (word[0]));
          g_string_append (out, word + 1);
        }
      else
        {
          g_string_append_c (out, ' ');
          g_string_append (out, word);
        }
      if (i + 1 < n && g_rand_int_range (text->rand, 0, 9) == 0)
        g_string_append_c (out, ',');
    }
  g_string_append_c (out, '.');
}

const char *
bench_text_word (BenchText *text, guint rank)
{
  return g_ptr_array_index (text->words, rank);
}

guint
bench_text_n_words (BenchText *text)
{
  return text->words->len;
}

double
bench_now (void)
{
  return g_get_monotonic_time () / 1e6;
}

int
bench_compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}
