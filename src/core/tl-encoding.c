/* tl-encoding.c: the importers' door. Every file is turned into UTF-8 with
 * LF line ends here, once, so that no importer deals with BOMs, UTF-16,
 * legacy code pages or CR line ends. */
#include "tl-encoding.h"
#include <glib/gi18n-lib.h>

#include <string.h>
#include <uchardet.h>

#include "formats/tl-import.h"
#include "tl-text.h"

/* Drops CR from CRLF and turns a lone CR into LF, in place. */
static gsize
normalize_line_ends (char *text, gsize len)
{
  char *cr = memchr (text, '\r', len);
  gsize w;

  if (cr == NULL)
    return len;
  w = cr - text;
  for (gsize r = w; r < len; r++)
    {
      if (text[r] == '\r')
        {
          text[w++] = '\n';
          if (r + 1 < len && text[r + 1] == '\n')
            r++;
        }
      else
        text[w++] = text[r];
    }
  text[w] = '\0';
  return w;
}

/* UTF-16 without a BOM shows as NUL in every other byte of ASCII text. */
static const char *
guess_utf16 (const char *data, gsize len)
{
  gsize n = MIN (len, 4096) & ~(gsize) 1, even = 0, odd = 0;

  for (gsize i = 0; i < n; i += 2)
    {
      even += data[i] == 0;
      odd += data[i + 1] == 0;
    }
  if (n >= 4 && odd > n / 2 * 0.4 && even == 0)
    return "UTF-16LE";
  if (n >= 4 && even > n / 2 * 0.4 && odd == 0)
    return "UTF-16BE";
  return NULL;
}

static char *
detect_charset (const char *data, gsize len)
{
  uchardet_t ud = uchardet_new ();
  char *charset = NULL;

  if (uchardet_handle_data (ud, data, len) == 0)
    {
      uchardet_data_end (ud);
      if (uchardet_get_charset (ud) != NULL && *uchardet_get_charset (ud) != '\0')
        charset = g_strdup (uchardet_get_charset (ud));
    }
  uchardet_delete (ud);
  /* Latin-1's C1 range is never meant in text; Windows-1252 is its superset. */
  if (charset && (g_ascii_strcasecmp (charset, "ISO-8859-1") == 0 || g_ascii_strcasecmp (charset, "ASCII") == 0))
    g_clear_pointer (&charset, g_free);
  /* GB2312 files often carry GB18030-only characters; GB18030 reads both. */
  if (charset && g_ascii_strcasecmp (charset, "GB2312") == 0)
    {
      g_free (charset);
      charset = g_strdup ("GB18030");
    }
  return charset;
}

/* The length of the valid UTF-8 sequence at @p (1 to 4), or 0 when the
 * bytes there are not one; then @bad is how many of them make the
 * maximal invalid part, to be replaced by one U+FFFD as Unicode
 * recommends (a lead byte and the continuation bytes it allows). */
static gsize
utf8_sequence (const guchar *p, const guchar *end, gsize *bad)
{
  guchar c = p[0], lo = 0x80, hi = 0xBF;
  gsize need, n;

  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF)
    need = 2;
  else if (c >= 0xE0 && c <= 0xEF)
    {
      need = 3;
      lo = c == 0xE0 ? 0xA0 : 0x80; /* no overlong forms */
      hi = c == 0xED ? 0x9F : 0xBF; /* no surrogates */
    }
  else if (c >= 0xF0 && c <= 0xF4)
    {
      need = 4;
      lo = c == 0xF0 ? 0x90 : 0x80;
      hi = c == 0xF4 ? 0x8F : 0xBF; /* nothing past U+10FFFF */
    }
  else
    {
      *bad = 1;
      return 0;
    }
  for (n = 1; n < need; n++)
    {
      if (p + n >= end || p[n] < lo || p[n] > hi)
        {
          *bad = n;
          return 0;
        }
      lo = 0x80;
      hi = 0xBF;
    }
  return need;
}

/* Whether text that is not valid UTF-8 is still meant as UTF-8: it has
 * characters of more than one byte that are valid, and no more bad parts
 * than those. A legacy 8-bit or double-byte file almost never forms valid
 * UTF-8 sequences by chance ("café" in Latin-1 has none), while a UTF-8
 * file with a stray byte has one bad part among many good ones. */
static gboolean
mostly_utf8 (const char *data, gsize len)
{
  const guchar *p = (const guchar *) data, *end = p + len;
  gsize good = 0, bad_parts = 0;

  while (p < end)
    {
      gsize bad = 0, n;

      if (*p < 0x80)
        {
          p++;
          continue;
        }
      n = utf8_sequence (p, end, &bad);
      if (n > 0)
        {
          good++;
          p += n;
        }
      else
        {
          bad_parts++;
          p += bad;
        }
    }
  return good > 0 && bad_parts <= good;
}

/* Copies UTF-8 with its invalid parts replaced by U+FFFD, noting the line
 * of each (lines end at LF, CR LF or CR, as they will once normalised). */
static char *
repair_utf8 (const char *data, gsize len, gsize *out_len, GArray *bad_lines)
{
  const guchar *p = (const guchar *) data, *end = p + len;
  GString *out = g_string_sized_new (len + 16);
  guint line = 1, last_bad_line = 0;

  while (p < end)
    {
      gsize bad = 0, n;

      if (*p < 0x80)
        {
          if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n')))
            line++;
          g_string_append_c (out, *p++);
          continue;
        }
      n = utf8_sequence (p, end, &bad);
      if (n > 0)
        {
          g_string_append_len (out, (const char *) p, n);
          p += n;
          continue;
        }
      g_string_append (out, "\xEF\xBF\xBD");
      p += bad;
      if (bad_lines != NULL && line != last_bad_line)
        g_array_append_val (bad_lines, line);
      last_bad_line = line;
    }
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

/* Whether @data, all of a file or its start, is binary: NUL bytes, and no
 * BOM or pattern of UTF-16 to explain them. */
static gboolean
is_binary (const char *data, gsize len)
{
  if ((len >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
      || (len >= 4 && memcmp (data, "\0\0\xFE\xFF", 4) == 0))
    return FALSE;
  return memchr (data, '\0', len) != NULL && guess_utf16 (data, len) == NULL;
}

/**
 * tl_encoding_looks_binary:
 * @data: the start of a file
 *
 * Returns: %TRUE when the bytes are not text in any encoding the importers
 *   read, so that the rest of the file need not be read at all
 */
gboolean
tl_encoding_looks_binary (const char *data, gsize len)
{
  return is_binary (data, len);
}

static char *decode (const char *data, gsize len, char *owned, gsize *out_len, char **encoding,
                     GArray *bad_lines, GError **error);

/**
 * tl_encoding_decode:
 * @data: the file's bytes
 * @out_len: (out): length of the result, without the trailing NUL
 * @encoding: (out) (optional): the encoding the file was read as
 * @bad_lines: (nullable): where to add, as guint, the lines of a file read
 *   as UTF-8 in which bytes that are not UTF-8 were replaced by U+FFFD
 *
 * Returns: (transfer full): NUL-terminated UTF-8 with LF line ends, without
 *   BOM, or %NULL with @error set for an empty or binary file.
 */
char *
tl_encoding_decode (const char *data, gsize len, gsize *out_len, char **encoding, GArray *bad_lines,
                    GError **error)
{
  return decode (data, len, NULL, out_len, encoding, bad_lines, error);
}

/**
 * tl_encoding_decode_take:
 * @data: (transfer full): the file's bytes, in a buffer of at least
 *   @len + 1 bytes from g_malloc()
 *
 * Like tl_encoding_decode(), reusing @data for the result when the file
 * is UTF-8 already: a big file is then in memory once, not twice.
 *
 * Returns: (transfer full): the text, which may be @data
 */
char *
tl_encoding_decode_take (char *data, gsize len, gsize *out_len, char **encoding, GArray *bad_lines,
                         GError **error)
{
  return decode (data, len, data, out_len, encoding, bad_lines, error);
}

/* @owned, when not NULL, is @data's buffer, which the result may reuse
 * and which is freed otherwise. */
static char *
decode (const char *data, gsize len, char *owned, gsize *out_len, char **encoding, GArray *bad_lines,
        GError **error)
{
  g_autofree char *buffer = owned;
  const char *from = NULL;
  g_autofree char *detected = NULL;
  char *text;
  gsize text_len;

  if (len == 0 || tl_text_is_blank (data, len))
    {
      g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_EMPTY, _("The file is empty"));
      return NULL;
    }

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
      from = "UTF-8";
    }
  else if (len >= 4 && (memcmp (data, "\xFF\xFE\0\0", 4) == 0 || memcmp (data, "\0\0\xFE\xFF", 4) == 0))
    from = data[0] == 0 ? "UTF-32BE" : "UTF-32LE", data += 4, len -= 4;
  else if (len >= 2 && memcmp (data, "\xFF\xFE", 2) == 0)
    from = "UTF-16LE", data += 2, len -= 2;
  else if (len >= 2 && memcmp (data, "\xFE\xFF", 2) == 0)
    from = "UTF-16BE", data += 2, len -= 2;
  else if (memchr (data, '\0', len) != NULL)
    {
      from = guess_utf16 (data, len);
      if (from == NULL)
        {
          g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_BINARY,
                       _("This is a binary file, not a transcript"));
          return NULL;
        }
    }

  if ((from == NULL || strcmp (from, "UTF-8") == 0) && g_utf8_validate_len (data, len, NULL))
    {
      if (buffer != NULL)
        {
          /* from past the BOM, if any */
          memmove (buffer, data, len);
          text = g_steal_pointer (&buffer);
        }
      else
        {
          text = g_malloc (len + 1);
          memcpy (text, data, len);
        }
      text[len] = '\0';
      text_len = len;
      from = "UTF-8";
    }
  else if ((from == NULL && mostly_utf8 (data, len)) || (from != NULL && strcmp (from, "UTF-8") == 0))
    {
      /* a few bad bytes in UTF-8 (or in a file whose BOM says UTF-8) are
       * damage to mark, not a sign of another encoding */
      text = repair_utf8 (data, len, &text_len, bad_lines);
      from = "UTF-8";
    }
  else
    {
      g_autoptr(GError) local_error = NULL;

      if (from == NULL)
        {
          detected = detect_charset (data, len);
          from = detected ? detected : "WINDOWS-1252";
        }
      text = g_convert (data, len, "UTF-8", from, NULL, &text_len, &local_error);
      if (text == NULL && g_ascii_strcasecmp (from, "WINDOWS-1252") != 0)
        {
          g_clear_error (&local_error);
          from = "WINDOWS-1252";
          text = g_convert (data, len, "UTF-8", from, NULL, &text_len, &local_error);
        }
      if (text == NULL)
        {
          /* Windows-1252 leaves five bytes undefined; Latin-1 reads anything. */
          g_clear_error (&local_error);
          from = "ISO-8859-1";
          text = g_convert (data, len, "UTF-8", from, NULL, &text_len, &local_error);
        }
      if (text == NULL)
        {
          g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_ENCODING,
                       _("Cannot read the text: %s"), local_error->message);
          return NULL;
        }
      if (text_len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
        {
          memmove (text, text + 3, text_len - 3 + 1);
          text_len -= 3;
        }
      /* iconv's UTF-8 lets through what UTF-8 no longer allows (code
       * points past U+10FFFF), and uchardet may name UTF-8 for a file
       * that is not quite */
      if (!g_utf8_validate_len (text, text_len, NULL))
        {
          char *repaired = repair_utf8 (text, text_len, &text_len, bad_lines);
          g_free (text);
          text = repaired;
        }
    }

  if (memchr (text, '\0', text_len) != NULL)
    {
      g_free (text);
      g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_BINARY,
                   _("This is a binary file, not a transcript"));
      return NULL;
    }

  text_len = normalize_line_ends (text, text_len);
  if (encoding)
    *encoding = g_strdup (from);
  *out_len = text_len;
  return text;
}

/* tl_encoding_decode() for callers that need no line of damage. */
char *
tl_encoding_to_utf8 (const char *data, gsize len, gsize *out_len, char **encoding, GError **error)
{
  return tl_encoding_decode (data, len, out_len, encoding, NULL, error);
}
