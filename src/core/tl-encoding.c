/* tl-encoding.c: the importers' door. Every file is turned into UTF-8 with
 * LF line ends here, once, so that no importer deals with BOMs, UTF-16,
 * legacy code pages or CR line ends. */
#include "tl-encoding.h"

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

/**
 * tl_encoding_to_utf8:
 * @data: the file's bytes
 * @out_len: (out): length of the result, without the trailing NUL
 * @encoding: (out) (optional): the encoding the file was read as
 *
 * Returns: (transfer full): NUL-terminated UTF-8 with LF line ends, without
 *   BOM, or %NULL with @error set for an empty or binary file.
 */
char *
tl_encoding_to_utf8 (const char *data, gsize len, gsize *out_len, char **encoding, GError **error)
{
  const char *from = NULL;
  g_autofree char *detected = NULL;
  char *text;
  gsize text_len;

  if (len == 0 || tl_text_is_blank (data, len))
    {
      g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_EMPTY, "The file is empty");
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
                       "This is a binary file, not a transcript");
          return NULL;
        }
    }

  if ((from == NULL || strcmp (from, "UTF-8") == 0) && g_utf8_validate_len (data, len, NULL))
    {
      text = g_malloc (len + 1);
      memcpy (text, data, len);
      text[len] = '\0';
      text_len = len;
      from = "UTF-8";
    }
  else
    {
      g_autoptr(GError) local_error = NULL;

      if (from == NULL || strcmp (from, "UTF-8") == 0)
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
                       "Cannot read the text: %s", local_error->message);
          return NULL;
        }
      if (text_len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
        {
          memmove (text, text + 3, text_len - 3 + 1);
          text_len -= 3;
        }
    }

  if (memchr (text, '\0', text_len) != NULL)
    {
      g_free (text);
      g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_BINARY,
                   "This is a binary file, not a transcript");
      return NULL;
    }

  text_len = normalize_line_ends (text, text_len);
  if (encoding)
    *encoding = g_strdup (from);
  *out_len = text_len;
  return text;
}
