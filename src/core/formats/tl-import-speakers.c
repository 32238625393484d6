/* tl-import-speakers.c: who speaks, read from the text of formats that
 * have no place for it ("SPEAKER 1: …", "Anna Cunningham: …", ">> NAME:
 * …", "- Name: …"), for every importer after it has read its file. */
#include "tl-import.h"

#include <string.h>

/* Longest name read before a colon, in bytes and in words. */
#define MAX_NAME_BYTES 48
#define MAX_NAME_WORDS 4

/* "SPEAKER 1", "Speaker 12": how transcription services name people they
 * do not know. */
static gboolean
is_numbered_speaker (const char *name, gsize len)
{
  gsize i = 0;

  if (len < 9 || g_ascii_strncasecmp (name, "speaker ", 8) != 0)
    return FALSE;
  for (i = 8; i < len; i++)
    if (!g_ascii_isdigit (name[i]))
      return FALSE;
  return TRUE;
}

/* Whether @name reads as a person's name: one to four words, each starting
 * with a capital ("Anna Cunningham", "JEAN MACKENZIE", "Mary-Ann O'Neil",
 * "Dr. Kim"), without digits; "Both countries need each other" is a
 * sentence, not a name. */
static gboolean
looks_like_name (const char *name, gsize len)
{
  const char *end = name + len;
  guint words = 0;
  gboolean start = TRUE;

  if (len == 0 || len > MAX_NAME_BYTES || !g_utf8_validate (name, len, NULL))
    return FALSE;
  for (const char *p = name; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ')
        {
          if (start)
            return FALSE; /* two spaces, or a leading one */
          start = TRUE;
          continue;
        }
      if (start)
        {
          if (!g_unichar_isupper (c) || ++words > MAX_NAME_WORDS)
            return FALSE;
          start = FALSE;
          continue;
        }
      if (!(g_unichar_isalpha (c) || c == '-' || c == '\'' || c == 0x2019 || c == '.'))
        return FALSE;
    }
  return !start;
}

/* The speaker opening @text, if any: its name (in @name, @name_len), and
 * where the words said start (@rest). @marked: it follows ">>" or "- ", a
 * mark of a new speaker, so one use of the name is enough. */
static gboolean
read_prefix (const char *text, const char **name, gsize *name_len, const char **rest, gboolean *marked)
{
  const char *p = text, *colon;

  *marked = FALSE;
  if (p[0] == '>' && p[1] == '>')
    {
      p += 2;
      *marked = TRUE;
    }
  else if ((p[0] == '-' && p[1] == ' ') || g_str_has_prefix (p, "\xe2\x80\x93 ")) /* "- ", "– " */
    {
      p += p[0] == '-' ? 2 : 4;
      *marked = TRUE;
    }
  while (*p == ' ')
    p++;
  colon = strchr (p, ':');
  if (colon == NULL || colon == p || colon - p > MAX_NAME_BYTES || (colon[1] != ' ' && colon[1] != '\0'))
    return FALSE;
  *name = p;
  *name_len = colon - p;
  while (*name_len > 0 && (*name)[*name_len - 1] == ' ')
    (*name_len)--;
  if (!is_numbered_speaker (*name, *name_len) && !looks_like_name (*name, *name_len))
    return FALSE;
  for (*rest = colon + 1; **rest == ' '; (*rest)++)
    ;
  return TRUE;
}

/**
 * tl_document_find_speakers:
 *
 * For a transcript whose format named no speaker: lines that open with a
 * speaker's name and a colon are that speaker's, the name taken out of
 * their text, and the lines after them too until the next name. A name is
 * taken when it is "SPEAKER n", follows a mark of a new speaker (">>",
 * "- "), or opens two lines or more: a sentence that happens to start
 * "Capital Words:" once is left as it is. Articles are prose: left alone.
 */
void
tl_document_find_speakers (TlDocument *doc)
{
  g_autoptr(GHashTable) counts = NULL;
  const char *speaker = NULL;
  gboolean any = FALSE;

  if (doc->kind == TL_SOURCE_KIND_ARTICLE)
    return;
  for (guint i = 0; i < doc->segments->len; i++)
    if (g_array_index (doc->segments, TlDocSegment, i).speaker != NULL)
      return;

  /* how many lines each name opens */
  counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < doc->segments->len; i++)
    {
      const TlDocSegment *seg = &g_array_index (doc->segments, TlDocSegment, i);
      const char *name, *rest;
      gsize len;
      gboolean marked;

      if (read_prefix (seg->text, &name, &len, &rest, &marked))
        {
          char *key = g_strndup (name, len);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
          g_hash_table_replace (counts, key, GUINT_TO_POINTER (n + 1));
          any = TRUE;
        }
    }
  if (!any)
    return;

  for (guint i = 0; i < doc->segments->len; i++)
    {
      TlDocSegment *seg = &g_array_index (doc->segments, TlDocSegment, i);
      const char *name, *rest;
      gsize len;
      gboolean marked;

      if (read_prefix (seg->text, &name, &len, &rest, &marked) && *rest != '\0')
        {
          g_autofree char *key = g_strndup (name, len);

          if (marked || is_numbered_speaker (name, len) || GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) >= 2)
            {
              speaker = tl_document_strdup (doc, key);
              seg->text = rest; /* the rest of the same string, in the chunk */
            }
        }
      seg->speaker = speaker;
    }
}
