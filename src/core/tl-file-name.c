/* tl-file-name.c: file names from titles and topics that every common file
 * system takes (Linux, Windows, macOS, the exFAT of a USB stick), that do
 * not hide or disguise themselves, and that never overwrite a file. */
#include "tl-file-name.h"

#include <glib/gstdio.h>
#include <string.h>

/* Characters Windows, macOS or Linux refuse in a name, and what stands for
 * them: a readable neighbour where there is one. */
static const char *
replacement (gunichar c)
{
  switch (c)
    {
    case '/':
    case '\\':
    case '|':
    case ':':
      return "-";
    case '"':
      return "'";
    case '*':
    case '?':
    case '<':
    case '>':
      return "_";
    default:
      return NULL;
    }
}

/* Invisible characters that reorder or hide text: in a file name they
 * can make "photo\u202Egpj.exe" read as "photoexe.jpg". The joiners stay,
 * because emoji sequences and several scripts need them. */
static gboolean
is_hidden_format (gunichar c)
{
  if (c == 0x200c || c == 0x200d)
    return FALSE;
  return g_unichar_type (c) == G_UNICODE_FORMAT || (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
}

/* Characters that belong to the one before them: a name must not be cut
 * between the two. */
static gboolean
continues_previous (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK
         || c == 0x200d || (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0x1f3fb && c <= 0x1f3ff)
         || (c >= 0xe0020 && c <= 0xe007f);
}

static gboolean
is_device_name (const char *stem)
{
  static const char *const devices[] = { "con", "prn", "aux", "nul" };
  gsize len = strcspn (stem, ".");

  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    if (len == 3 && g_ascii_strncasecmp (stem, devices[i], 3) == 0)
      return TRUE;
  return len == 4 && (g_ascii_strncasecmp (stem, "com", 3) == 0 || g_ascii_strncasecmp (stem, "lpt", 3) == 0)
         && stem[3] >= '1' && stem[3] <= '9';
}

static void
trim_end (GString *name)
{
  while (name->len > 0 && (name->str[name->len - 1] == ' ' || name->str[name->len - 1] == '.'))
    g_string_truncate (name, name->len - 1);
}

/**
 * tl_file_name_from_text:
 * @text: (nullable): any text: a title, topics
 * @max_bytes: the longest name to return, in bytes
 *
 * A file name (without extension) that reads like @text: valid UTF-8 in
 * composed form (as macOS and Linux then agree on it), without the
 * characters a file system refuses (`/ \ : * ? " < > |`, controls), the
 * invisible ones that reorder text, a leading dot or dash (hidden files,
 * options), trailing dots and spaces (Windows drops them) or a device
 * name (`CON`, `NUL`, …). Runs of spaces are one space. Long text is cut
 * at a character boundary, never inside a character with its marks or an
 * emoji sequence. Emoji and right-to-left scripts stay.
 *
 * Returns: (transfer full): the name; empty when @text holds nothing usable
 */
char *
tl_file_name_from_text (const char *text, gsize max_bytes)
{
  g_autofree char *valid = NULL;
  g_autofree char *composed = NULL;
  GString *name;
  gsize cut;

  if (text == NULL)
    return g_strdup ("");
  valid = g_utf8_make_valid (text, -1);
  composed = g_utf8_normalize (valid, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  name = g_string_sized_new (strlen (composed));
  for (const char *p = composed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *instead = replacement (c);

      if (instead != NULL)
        g_string_append (name, instead);
      else if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR
               || g_unichar_type (c) == G_UNICODE_LINE_SEPARATOR
               || g_unichar_type (c) == G_UNICODE_PARAGRAPH_SEPARATOR)
        {
          if (name->len > 0 && name->str[name->len - 1] != ' ')
            g_string_append_c (name, ' ');
        }
      else if (g_unichar_iscntrl (c) || is_hidden_format (c))
        continue;
      else if ((c == '.' || c == '-') && name->len == 0)
        continue;
      else if (continues_previous (c) && name->len == 0)
        continue;
      else
        g_string_append_unichar (name, c);
    }
  trim_end (name);

  /* cut at the last boundary that fits and does not split a character
   * from what follows it */
  if (name->len > max_bytes)
    {
      cut = 0;
      for (const char *p = name->str; *p && (gsize) (p - name->str) <= max_bytes; p = g_utf8_next_char (p))
        if (p > name->str && !continues_previous (g_utf8_get_char (p))
            && g_utf8_get_char (g_utf8_prev_char (p)) != 0x200d)
          cut = p - name->str;
      g_string_truncate (name, cut);
      trim_end (name);
    }
  if (name->len > 0 && is_device_name (name->str))
    g_string_insert_c (name, 3, '_');
  return g_string_free (name, FALSE);
}

/**
 * tl_file_name_taken_new:
 *
 * A set for tl_file_name_unique() to remember the names it gave, so that
 * names chosen before their files exist are not given twice.
 */
GHashTable *
tl_file_name_taken_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Names on case-insensitive file systems (exFAT, NTFS, APFS by default)
 * clash when they differ only in case. */
static char *
fold (const char *name)
{
  return g_utf8_casefold (name, -1);
}

/**
 * tl_file_name_unique:
 * @dir: the folder
 * @stem: a name from tl_file_name_from_text()
 * @extension: (nullable): without the dot
 * @taken: (nullable): names already given (tl_file_name_taken_new()); the
 *   new one is added
 *
 * The path "@dir/@stem.@extension", or "@stem (2).@extension" and on when
 * a file (or a link, even a broken one) has that name, or @taken holds it
 * in any case.
 *
 * Returns: (transfer full): the path
 */
char *
tl_file_name_unique (const char *dir, const char *stem, const char *extension, GHashTable *taken)
{
  g_return_val_if_fail (dir != NULL && stem != NULL, NULL);

  for (guint n = 1;; n++)
    {
      g_autofree char *suffix = n > 1 ? g_strdup_printf (" (%u)", n) : g_strdup ("");
      g_autofree char *name = g_strconcat (stem, suffix, extension ? "." : "", extension, NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *folded = fold (name);
      GStatBuf st;

      if ((taken && g_hash_table_contains (taken, folded)) || g_lstat (path, &st) == 0)
        continue;
      if (taken)
        g_hash_table_add (taken, g_steal_pointer (&folded));
      return g_steal_pointer (&path);
    }
}
