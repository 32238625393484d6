/* tl-text-words.c: splitting a line into the words the aligner times. */
#include "tl-text-words.h"

#include <string.h>

static gboolean
is_music_sign (gunichar c)
{
  return c == 0x266A || c == 0x266B;
}

/**
 * tl_text_split_words:
 * @text: (nullable): a transcript line
 *
 * The line's words: its runs of text between white space, in order, each
 * marked speakable when it holds a letter or digit that is neither inside
 * [brackets] (which may span words: "[crowd cheering]") nor a music sign.
 *
 * Returns: (transfer full) (element-type TlTextWord): the words
 */
GArray *
tl_text_split_words (const char *text)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (TlTextWord));
  TlTextWord word = { 0, 0, FALSE, G_MAXUINT };
  gboolean in_word = FALSE;
  int depth = 0;

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (in_word)
            {
              word.length = (guint) (p - text) - word.offset;
              g_array_append_val (words, word);
              in_word = FALSE;
            }
          continue;
        }
      if (!in_word)
        {
          word = (TlTextWord) { (guint) (p - text), 0, FALSE, G_MAXUINT };
          in_word = TRUE;
        }
      if (c == '[')
        depth++;
      else if (c == ']' && depth > 0)
        depth--;
      else if (depth == 0 && !is_music_sign (c) && g_unichar_isalnum (c))
        word.speakable = TRUE;
    }
  if (in_word)
    {
      word.length = (guint) strlen (text) - word.offset;
      g_array_append_val (words, word);
    }
  return words;
}

/**
 * tl_text_words_reading:
 * @text: the line @words were split from
 * @words: (element-type TlTextWord): from tl_text_split_words()
 *
 * What a synthesizer reads for the line: its words without what is in
 * brackets and without music signs, one space apart (punctuation on its
 * own stays: a dash is a pause). Sets each speakable word's `reading`:
 * the character it starts at.
 *
 * Returns: (transfer full) (nullable): the reading, or %NULL when no
 *   word can be read
 */
char *
tl_text_words_reading (const char *text, GArray *words)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_chars = 0;
  int depth = 0;

  for (guint i = 0; i < words->len; i++)
    {
      TlTextWord *w = &g_array_index (words, TlTextWord, i);
      const char *p = text + w->offset, *end = p + w->length;
      gboolean started = FALSE;

      w->reading = G_MAXUINT;
      for (; p < end; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c == '[')
            depth++;
          else if (c == ']' && depth > 0)
            depth--;
          else if (depth == 0 && !is_music_sign (c))
            {
              if (!started)
                {
                  if (out->len > 0)
                    {
                      g_string_append_c (out, ' ');
                      n_chars++;
                    }
                  if (w->speakable)
                    w->reading = n_chars;
                  started = TRUE;
                }
              g_string_append_unichar (out, c);
              n_chars++;
            }
        }
    }
  for (guint i = 0; i < words->len; i++)
    if (g_array_index (words, TlTextWord, i).speakable)
      return g_string_free (g_steal_pointer (&out), FALSE);
  return NULL;
}
