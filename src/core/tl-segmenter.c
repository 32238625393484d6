/* tl-segmenter.c: splits a paragraph of running text into segments: sound
 * marks on their own, one sentence each where the text is punctuated, and
 * pieces of about twenty words cut at natural breaks where it is not
 * (machine captions run for hundreds of words without a full stop). */
#include "tl-segmenter.h"

#include <string.h>

/* Pieces of unpunctuated text: their bounds and the size aimed at. */
#define PIECE_MIN_WORDS 10
#define PIECE_MAX_WORDS 30
#define PIECE_BEST_WORDS 20
/* Punctuated text has at least one sentence end per this many words. */
#define WORDS_PER_SENTENCE_MAX 40

/* What a word is to the choice of cuts, found once per word. */
enum {
  WORD_STRONG = 1 << 0,  /* "so", "now", "well": a new start */
  WORD_WEAK = 1 << 1,    /* "and", "which": a possible one */
  WORD_GLUE = 1 << 2,    /* "the", "of", "is": no phrase ends on it */
  WORD_OF = 1 << 3,
  WORD_SO = 1 << 4,
  WORD_DEGREE = 1 << 5,  /* "far", "much": "so far" starts nothing */
  WORD_AND_OR = 1 << 6,
  WORD_CAPITAL = 1 << 7,
  WORD_I = 1 << 8,
  /* bit k of these: first / second word of opener_pairs[k] */
  WORD_PAIR_FIRST_SHIFT = 9,
  WORD_PAIR_SECOND_SHIFT = 16,
};

typedef struct {
  const char *start;
  guint len;
  gboolean mark; /* [Music], (laughter), ♪ … ♪ */
  guint32 flags;
} Token;

typedef struct {
  TlDocument *doc;
  GString *buf;
  const Token *toks;
  guint line;
} Emitter;

/* Words that, in parentheses, make a sound mark rather than an aside:
 * "(laughter)" is a mark, "(right)" in a photo caption is not. */
static const char *const sound_words[] = {
  "applause", "background", "beep", "bleep", "booing", "cheering", "cheers",
  "chuckles", "chuckling", "clapping", "coughs", "coughing", "crosstalk",
  "foreign", "gasps", "inaudible", "indistinct", "laugh", "laughing",
  "laughs", "laughter", "music", "noise", "silence", "sighs", "singing",
  "static", "unintelligible",
};

/* Never end a sentence after these, whatever follows ("Mr. Putin"). */
static const char *const abbreviations[] = {
  "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "jr.", "sr.", "vs.", "etc.",
  "gen.", "gov.", "sen.", "rep.", "lt.", "col.", "capt.", "sgt.", "mt.",
  "ft.", "inc.", "ltd.", "co.", "corp.", "approx.", "dept.", "fig.",
  "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.",
  "oct.", "nov.", "dec.",
};

/* Where a new piece of unpunctuated speech most naturally starts. */
static const char *const strong_openers[] = {
  "so", "now", "well", "but", "because", "meanwhile", "however", "um", "uh",
  "okay", "ok", "anyway", "actually", "yeah", "yes",
};

static const char *const weak_openers[] = {
  "and", "or", "which", "who", "when", "while", "where", "whereas", "if",
  "although", "though", "since", "after", "before", "until", "unless",
  "yet", "plus", "then", "also",
};

/* Two-word openers: "I think", "you know". */
static const char *const opener_pairs[][2] = {
  { "i", "think" }, { "you", "know" }, { "i", "mean" }, { "in", "fact" },
  { "of", "course" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (opener_pairs) <= 7); /* the bits of WORD_PAIR_* */

/* Words a phrase cannot end on: cutting after them splits "the | Kremlin". */
static const char *const glue_words[] = {
  "the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "by",
  "from", "into", "about", "as", "than", "and", "or", "but", "my", "your",
  "his", "her", "its", "our", "their", "is", "was", "are", "were", "be",
  "been", "will", "would", "can", "could", "should", "has", "have", "had",
  "not", "very", "more", "most", "this", "these", "those", "i", "we", "you",
  "they", "he", "she", "what", "what's", "that's", "it's", "there's",
  "mr", "mrs", "ms", "dr",
};

static inline gsize
space_len (const char *p, const char *end)
{
  if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v')
    return 1;
  if ((guchar) p[0] == 0xC2 && p + 1 < end && (guchar) p[1] == 0xA0)
    return 2; /* U+00A0 no-break space */
  return 0;
}

/* U+2669…U+266C, the notes that wrap sung lines. */
static inline gboolean
is_note (const char *p, const char *end)
{
  return p + 2 < end && (guchar) p[0] == 0xE2 && (guchar) p[1] == 0x99
         && (guchar) p[2] >= 0xA9 && (guchar) p[2] <= 0xAC;
}

/* Whether @word (not NUL-terminated) is in @list, ignoring case. The
 * lists are lower case; comparing first letters first keeps this cheap,
 * since it runs for every word of a paragraph. */
static gboolean
in_list (const char *word, gsize len, const char *const *list, gsize n_list)
{
  char first = g_ascii_tolower (word[0]);

  for (gsize i = 0; i < n_list; i++)
    if (list[i][0] == first && strlen (list[i]) == len && g_ascii_strncasecmp (list[i], word, len) == 0)
      return TRUE;
  return FALSE;
}

/* "[Music]", "[Applause and cheering]": a bracket of a few words that
 * starts with a letter. Returns the end of the mark or NULL. */
static const char *
bracket_mark_end (const char *p, const char *end)
{
  const char *limit = MIN (end, p + 80);
  const char *q = p + 1;
  guint words = 1;

  while (q < limit && *q == ' ')
    q++;
  if (q >= limit || !(g_ascii_isalpha (*q) || (guchar) *q >= 0x80))
    return NULL;
  for (; q < limit; q++)
    {
      if (*q == ']')
        return words <= 6 ? q + 1 : NULL;
      if (*q == '[' || *q == '\n')
        return NULL;
      if (*q == ' ' && q[1] != ' ' && q[1] != ']')
        words++;
    }
  return NULL;
}

/* "(laughter)", "(APPLAUSE)", "(crowd cheering)": parentheses holding a
 * sound word. */
static const char *
paren_mark_end (const char *p, const char *end)
{
  const char *limit = MIN (end, p + 40);
  const char *close = memchr (p, ')', limit - p);
  const char *q = p + 1;

  if (close == NULL || memchr (p + 1, '(', close - p - 1) != NULL)
    return NULL;
  while (q < close)
    {
      const char *w;

      while (q < close && !g_ascii_isalpha (*q))
        q++;
      w = q;
      while (q < close && g_ascii_isalpha (*q))
        q++;
      if (q > w && in_list (w, q - w, sound_words, G_N_ELEMENTS (sound_words)))
        return close + 1;
    }
  return NULL;
}

/* "♪ la la ♪": up to the closing note, or the note alone. */
static const char *
note_mark_end (const char *p, const char *end)
{
  const char *limit = MIN (end, p + 200);

  for (const char *q = p + 3; q < limit; q++)
    if (is_note (q, end))
      return q + 3;
  return p + 3;
}

/* Reads the token that starts at @p (not a space); returns its end. */
static const char *
read_token (const char *p, const char *end, Token *tok)
{
  const char *q = NULL;

  tok->start = p;
  tok->mark = FALSE;
  tok->flags = 0;
  if (*p == '[')
    q = bracket_mark_end (p, end);
  else if (*p == '(')
    q = paren_mark_end (p, end);
  else if (is_note (p, end))
    q = note_mark_end (p, end);

  if (q != NULL)
    {
      /* punctuation glued to a mark belongs to it: "[laughs]," */
      while (q < end && *q != '\0' && strchr (",.;:!?", *q) != NULL)
        q++;
      tok->mark = TRUE;
    }
  else
    {
      q = p;
      while (q < end && space_len (q, end) == 0)
        q++;
    }
  tok->len = q - p;
  return q;
}

/* Advances past white space to the next token; FALSE at the end. */
static gboolean
next_token (const char **p, const char *end, Token *tok)
{
  const char *q = *p;

  while (q < end)
    {
      gsize n = space_len (q, end);
      if (n == 0)
        break;
      q += n;
    }
  if (q >= end)
    return FALSE;
  *p = read_token (q, end, tok);
  return TRUE;
}

/* Length of @s without closing quotes and brackets: "said.”" → "said.". */
static guint
strip_closers (const char *s, guint len)
{
  for (;;)
    {
      if (len >= 1 && (s[len - 1] == '"' || s[len - 1] == '\'' || s[len - 1] == ')' || s[len - 1] == ']'))
        len--;
      else if (len >= 3 && (guchar) s[len - 3] == 0xE2 && (guchar) s[len - 2] == 0x80
               && ((guchar) s[len - 1] == 0x9D || (guchar) s[len - 1] == 0x99))
        len -= 3; /* ” ’ */
      else if (len >= 2 && (guchar) s[len - 2] == 0xC2 && (guchar) s[len - 1] == 0xBB)
        len -= 2; /* » */
      else
        return len;
    }
}

/* Bytes of opening quotes and brackets at the start of @s. */
static guint
opener_len (const char *s, guint len)
{
  guint i = 0;

  for (;;)
    {
      if (i < len && (s[i] == '"' || s[i] == '\'' || s[i] == '(' || s[i] == '['))
        i++;
      else if (i + 3 <= len && (guchar) s[i] == 0xE2 && (guchar) s[i + 1] == 0x80
               && ((guchar) s[i + 2] == 0x9C || (guchar) s[i + 2] == 0x98))
        i += 3; /* “ ‘ */
      else if (i + 2 <= len && (guchar) s[i] == 0xC2 && (guchar) s[i + 1] == 0xAB)
        i += 2; /* « */
      else
        return i;
    }
}

/* "D.C.", "U.S.", "e.g.", "J.": single letters each followed by a dot. */
static gboolean
is_initials (const char *s, guint len)
{
  if (len < 2 || len % 2 != 0)
    return FALSE;
  for (guint i = 0; i < len; i += 2)
    if (!g_ascii_isalpha (s[i]) || s[i + 1] != '.')
      return FALSE;
  return TRUE;
}

static gboolean
starts_sentence (const Token *tok)
{
  guint skip;
  gunichar c;

  if (tok->mark)
    return TRUE;
  skip = opener_len (tok->start, tok->len);
  if (skip > 0 && tok->start[0] != '\'')
    return TRUE; /* an opening quote */
  if (skip >= tok->len)
    return FALSE;
  c = g_utf8_get_char_validated (tok->start + skip, tok->len - skip);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return FALSE;
  return g_unichar_isdigit (c) || g_unichar_isupper (c) || g_unichar_istitle (c);
}

/* TRUE when a sentence ends after @tok and before @next (NULL at the end
 * of the text). */
static gboolean
ends_sentence (const Token *tok, const Token *next)
{
  guint len, skip;
  char last;

  if (tok->mark)
    return FALSE;
  len = strip_closers (tok->start, tok->len);
  if (len == 0)
    return FALSE;
  last = tok->start[len - 1];
  if (last == '.')
    {
      const char *core;
      guint core_len;

      skip = opener_len (tok->start, len);
      core = tok->start + skip;
      core_len = len - skip;
      if (in_list (core, core_len, abbreviations, G_N_ELEMENTS (abbreviations))
          || is_initials (core, core_len))
        return FALSE;
      /* "No. 5" is a number; "said no. Then" ends a sentence */
      if (core_len == 3 && g_ascii_strncasecmp (core, "no.", 3) == 0
          && next != NULL && g_ascii_isdigit (next->start[opener_len (next->start, next->len)]))
        return FALSE;
    }
  else if (last != '!' && last != '?'
           && !(len >= 3 && (guchar) tok->start[len - 3] == 0xE2
                && (guchar) tok->start[len - 2] == 0x80 && (guchar) tok->start[len - 1] == 0xA6))
    return FALSE; /* not … either */
  return next == NULL || starts_sentence (next);
}

/**
 * tl_prose_count_sentences:
 * @n_words: (out): the number of words, sound marks left out
 *
 * Counts the sentence ends in @text the way the segmenter finds them, so
 * that sniffers judge "punctuated or not" as the import will.
 */
guint
tl_prose_count_sentences (const char *text, gsize len, guint *n_words)
{
  const char *p = text, *end = text + len;
  Token prev = { NULL, 0, TRUE, 0 }, tok;
  guint sentences = 0, words = 0;

  while (next_token (&p, end, &tok))
    {
      if (prev.start != NULL && ends_sentence (&prev, &tok))
        sentences++;
      if (!tok.mark)
        words++;
      prev = tok;
    }
  if (prev.start != NULL && ends_sentence (&prev, NULL))
    sentences++;
  *n_words = words;
  return sentences;
}

/* Punctuated text is read sentence by sentence; text with fewer sentence
 * ends than one per WORDS_PER_SENTENCE_MAX words is cut into pieces. */
gboolean
tl_prose_is_punctuated (guint n_sentences, guint n_words)
{
  return n_sentences > 0 && n_words <= n_sentences * WORDS_PER_SENTENCE_MAX;
}

/* The token lowercased without quotes or trailing punctuation, in @buf. */
static gsize
bare_word (const Token *tok, char *buf, gsize size)
{
  guint skip = opener_len (tok->start, tok->len);
  guint len = strip_closers (tok->start, tok->len);
  gsize n = 0;

  while (len > skip && strchr (",.;:!?", tok->start[len - 1]) != NULL)
    len--;
  for (guint i = skip; i < len && n + 1 < size; i++)
    {
      /* ’ is an apostrophe: "what’s" reads as "what's" */
      if ((guchar) tok->start[i] == 0xE2 && i + 2 < len && (guchar) tok->start[i + 1] == 0x80
          && (guchar) tok->start[i + 2] == 0x99)
        {
          buf[n++] = '\'';
          i += 2;
          continue;
        }
      buf[n++] = g_ascii_tolower (tok->start[i]);
    }
  buf[n] = '\0';
  return len > skip && len - skip < size ? n : 0;
}

static guint32
word_flags (const Token *tok)
{
  static const char *const degree[] = { "far", "much", "many", "long" };
  char word[32];
  gsize n;
  guint32 flags = 0;

  if (tok->mark)
    return 0;
  if (g_ascii_isupper (tok->start[0]))
    flags |= WORD_CAPITAL;
  if (tok->len == 1 && tok->start[0] == 'I')
    flags |= WORD_I;
  n = bare_word (tok, word, sizeof word);
  if (n == 0)
    return flags;
  if (in_list (word, n, strong_openers, G_N_ELEMENTS (strong_openers)))
    flags |= WORD_STRONG;
  else if (in_list (word, n, weak_openers, G_N_ELEMENTS (weak_openers)))
    flags |= WORD_WEAK;
  if (in_list (word, n, glue_words, G_N_ELEMENTS (glue_words)))
    flags |= WORD_GLUE;
  if (in_list (word, n, degree, G_N_ELEMENTS (degree)))
    flags |= WORD_DEGREE;
  if (strcmp (word, "of") == 0)
    flags |= WORD_OF;
  else if (strcmp (word, "so") == 0)
    flags |= WORD_SO;
  else if (strcmp (word, "and") == 0 || strcmp (word, "or") == 0)
    flags |= WORD_AND_OR;
  for (guint i = 0; i < G_N_ELEMENTS (opener_pairs); i++)
    {
      if (strcmp (word, opener_pairs[i][0]) == 0)
        flags |= 1u << (WORD_PAIR_FIRST_SHIFT + i);
      if (strcmp (word, opener_pairs[i][1]) == 0)
        flags |= 1u << (WORD_PAIR_SECOND_SHIFT + i);
    }
  return flags;
}

/* How good a place to cut between toks[b - 1] and toks[b] is: 5 after a
 * sentence end, 4 after a comma, 3 before "so"/"now"/"I think", 2 before
 * "and"/"which", negative inside a phrase. */
static int
break_score (const Token *toks, guint b, guint end)
{
  const Token *prev = &toks[b - 1], *next = &toks[b];
  const Token *after = b + 1 < end ? &toks[b + 1] : NULL;
  guint len = strip_closers (prev->start, prev->len);
  int score = 0;

  if (len > 0)
    {
      char last = prev->start[len - 1];
      if (last == '.' || last == '!' || last == '?')
        return ends_sentence (prev, NULL) ? 5 : -3; /* "Mr." glues */
      if (last == ',' || last == ';' || last == ':')
        return 4;
      if (len >= 3 && (guchar) prev->start[len - 3] == 0xE2 && (guchar) prev->start[len - 2] == 0x80
          && ((guchar) prev->start[len - 1] == 0x94 || (guchar) prev->start[len - 1] == 0xA6))
        return 4; /* — … */
    }

  if (next->flags & WORD_STRONG)
    {
      /* "so far", "so many" are no new start */
      score = 3;
      if ((next->flags & WORD_SO) && after != NULL && (after->flags & WORD_DEGREE))
        score = 0;
    }
  else if (next->flags & WORD_WEAK)
    {
      /* "Putin | and Kim" cuts a pair of names */
      score = 2;
      if ((next->flags & WORD_AND_OR) && (prev->flags & WORD_CAPITAL)
          && after != NULL && (after->flags & WORD_CAPITAL))
        score = -1;
    }
  else if (after != NULL
           && ((next->flags >> WORD_PAIR_FIRST_SHIFT) & (after->flags >> WORD_PAIR_SECOND_SHIFT) & 0x7f))
    score = 3; /* "I think", "you know" */
  else if (next->flags & WORD_OF)
    score = -3; /* "the kind | of" */

  if (prev->flags & WORD_GLUE)
    score -= 3;
  /* inside a name: "Vladimir | Putin" */
  if (score == 0 && (prev->flags & WORD_CAPITAL) && (next->flags & WORD_CAPITAL) && !(next->flags & WORD_I))
    score -= 2;
  return score;
}

static void
emit (Emitter *em, guint from, guint to, gboolean mark)
{
  TlDocSegment *seg;

  g_string_truncate (em->buf, 0);
  for (guint i = from; i < to; i++)
    {
      if (i > from)
        g_string_append_c (em->buf, ' ');
      g_string_append_len (em->buf, em->toks[i].start, em->toks[i].len);
    }
  seg = tl_document_add_segment (em->doc, TL_TIME_NONE, TL_TIME_NONE, em->buf->str, em->buf->len);
  seg->line = em->line;
  seg->non_speech = mark;
}

/* A sentence of more than TL_PROSE_MAX_WORDS words is cut in two at the
 * comma, semicolon or conjunction nearest its middle, and so on. */
static void
emit_sentence (Emitter *em, guint from, guint to)
{
  guint n = to - from, mid = from + n / 2;
  guint best = mid;
  int best_cost = G_MAXINT;

  if (n <= TL_PROSE_MAX_WORDS)
    {
      emit (em, from, to, FALSE);
      return;
    }
  for (guint b = from + n / 4; b <= to - n / 4; b++)
    {
      int score = break_score (em->toks, b, to);
      int cost = ABS ((int) b - (int) mid);

      if (score >= 4)
        cost -= 3; /* punctuation beats a conjunction a few words nearer */
      else if (score < 2)
        cost += score < 0 ? 1000 : 100; /* only when nothing better */
      if (cost < best_cost)
        {
          best_cost = cost;
          best = b;
        }
    }
  emit_sentence (em, from, best);
  emit_sentence (em, best, to);
}

/* Unpunctuated words: the cheapest cutting into pieces of
 * PIECE_MIN_WORDS…PIECE_MAX_WORDS words, where a piece costs by its
 * distance from PIECE_BEST_WORDS and a good break point pays back. */
static void
emit_pieces (Emitter *em, guint from, guint to)
{
  guint n = to - from;
  g_autofree double *cost = NULL;
  g_autofree guint *back = NULL;
  g_autofree guint *cuts = NULL;
  guint n_cuts = 0;
  double size_cost[PIECE_MAX_WORDS + 1];

  if (n <= PIECE_MAX_WORDS)
    {
      emit (em, from, to, FALSE);
      return;
    }
  /* gentle near the best size, so a good break a few words off wins;
   * steep towards the bounds */
  for (guint len = PIECE_MIN_WORDS; len <= PIECE_MAX_WORDS; len++)
    {
      double d = ABS ((double) len - PIECE_BEST_WORDS);
      size_cost[len] = 0.1 * d + 0.02 * d * d;
    }
  cost = g_new (double, n + 1);
  back = g_new0 (guint, n + 1);
  cost[0] = 0;
  for (guint i = 1; i <= n; i++)
    {
      double best = G_MAXDOUBLE, bonus;
      guint best_start = 0;

      cost[i] = G_MAXDOUBLE;
      if (i < PIECE_MIN_WORDS || (i < n && n - i < PIECE_MIN_WORDS))
        continue; /* no piece can end here */
      bonus = i < n ? break_score (em->toks, from + i, to) : 0;
      for (guint len = PIECE_MIN_WORDS; len <= PIECE_MAX_WORDS && len <= i; len++)
        {
          /* unreachable starts cost G_MAXDOUBLE and never win */
          double c = cost[i - len] + size_cost[len];

          if (c < best)
            {
              best = c;
              best_start = i - len;
            }
        }
      if (best < G_MAXDOUBLE / 2)
        {
          cost[i] = best - bonus;
          back[i] = best_start;
        }
    }
  /* every n > PIECE_MAX_WORDS can be cut so: walk back from the end */
  cuts = g_new (guint, n / PIECE_MIN_WORDS + 2);
  for (guint i = n; i > 0; i = back[i])
    cuts[n_cuts++] = i;
  for (guint k = n_cuts, start = 0; k > 0; k--)
    {
      emit (em, from + start, from + cuts[k - 1], FALSE);
      start = cuts[k - 1];
    }
}

static void
emit_run (Emitter *em, guint from, guint to, gboolean punctuated)
{
  guint start = from;

  if (!punctuated)
    {
      emit_pieces (em, from, to);
      return;
    }
  for (guint k = from; k + 1 < to; k++)
    if (ends_sentence (&em->toks[k], &em->toks[k + 1]))
      {
        emit_sentence (em, start, k + 1);
        start = k + 1;
      }
  emit_sentence (em, start, to);
}

/**
 * tl_document_add_prose:
 * @text: one paragraph of running text (not NUL-terminated)
 * @line: the line of the file it starts on
 *
 * Appends untimed segments made from @text: a segment for each run of
 * sound marks ("[Music] [Music]", flagged non-speech); one per sentence
 * where the paragraph is punctuated; otherwise pieces of 10 to 30 words
 * cut at commas and before words such as "so", "now" or "and". No segment
 * has more than %TL_PROSE_MAX_WORDS words.
 */
void
tl_document_add_prose (TlDocument *doc, const char *text, gsize len, guint line)
{
  g_autoptr(GArray) toks = g_array_sized_new (FALSE, FALSE, sizeof (Token), len / 6 + 4);
  g_autoptr(GString) buf = g_string_sized_new (256);
  const char *p = text, *end = text + len;
  Emitter em = { doc, buf, NULL, line };
  Token tok;
  guint sentences = 0, words = 0, n;
  gboolean punctuated;

  while (next_token (&p, end, &tok))
    {
      if (toks->len > 0 && ends_sentence (&g_array_index (toks, Token, toks->len - 1), &tok))
        sentences++;
      if (!tok.mark)
        words++;
      tok.flags = word_flags (&tok);
      g_array_append_val (toks, tok);
    }
  n = toks->len;
  if (n == 0)
    return;
  if (ends_sentence (&g_array_index (toks, Token, n - 1), NULL))
    sentences++;
  punctuated = tl_prose_is_punctuated (sentences, words);
  em.toks = (const Token *) toks->data;

  for (guint i = 0; i < n;)
    {
      gboolean mark = em.toks[i].mark;
      guint j = i;

      while (j < n && em.toks[j].mark == mark)
        j++;
      if (mark)
        emit (&em, i, j, TRUE);
      else
        emit_run (&em, i, j, punctuated);
      i = j;
    }
}
