/* test-encoding.c: the importers' door: BOMs, UTF-16, legacy code pages,
 * CR and CRLF line ends, empty and binary files. */
#include <string.h>

#include "tl-encoding.h"
#include "tl-import.h"

static char *
decode (const char *data, gsize len, char **encoding, GError **error)
{
  gsize out_len;
  char *text = tl_encoding_to_utf8 (data, len, &out_len, encoding, error);

  if (text)
    g_assert_cmpuint (strlen (text), ==, out_len);
  return text;
}

static void
test_utf8_bom (void)
{
  static const char data[] = "\xEF\xBB\xBFh\xC3\xA9llo\r\nworld\r\n";
  g_autofree char *enc = NULL;
  g_autofree char *text = decode (data, sizeof data - 1, &enc, NULL);

  g_assert_cmpstr (text, ==, "h\xC3\xA9llo\nworld\n");
  g_assert_cmpstr (enc, ==, "UTF-8");
}

static void
test_utf16 (void)
{
  /* "é1\r\n" in UTF-16LE and BE with BOMs */
  static const char le[] = "\xFF\xFE\xE9\x00" "1\x00\r\x00\n\x00";
  static const char be[] = "\xFE\xFF\x00\xE9\x00" "1\x00\r\x00\n";
  g_autofree char *a = decode (le, sizeof le - 1, NULL, NULL);
  g_autofree char *b = decode (be, sizeof be - 1, NULL, NULL);

  g_assert_cmpstr (a, ==, "\xC3\xA9" "1\n");
  g_assert_cmpstr (b, ==, "\xC3\xA9" "1\n");
}

static void
test_utf16_without_bom (void)
{
  static const char le[] = "W\0E\0B\0V\0T\0T\0\n\0\n\0";
  g_autofree char *enc = NULL;
  g_autofree char *text = decode (le, sizeof le - 1, &enc, NULL);

  g_assert_cmpstr (text, ==, "WEBVTT\n\n");
  g_assert_cmpstr (enc, ==, "UTF-16LE");
}

static void
test_windows_1252 (void)
{
  /* "Café – déjà vu" with 0x96 (en dash, Windows-1252 only), CR only */
  static const char data[] = "Caf\xE9 \x96 d\xE9j\xE0 vu, \x93quoted\x94\rnext line\r";
  g_autofree char *text = decode (data, sizeof data - 1, NULL, NULL);

  g_assert_cmpstr (text, ==, "Caf\xC3\xA9 \xE2\x80\x93 d\xC3\xA9j\xC3\xA0 vu, \xE2\x80\x9Cquoted\xE2\x80\x9D\nnext line\n");
}

static void
test_gb18030 (void)
{
  /* 宇宙守护神 保护我们远离邪恶, repeated so the detector has enough to go on */
  static const char line[] = "\xD3\xEE\xD6\xE6\xCA\xD8\xBB\xA4\xC9\xF1  \xB1\xA3\xBB\xA4\xCE\xD2\xC3\xC7\xD4\xB6\xC0\xEB\xD0\xB0\xB6\xF1\n";
  g_autoptr(GString) data = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *enc = NULL;

  for (int i = 0; i < 4; i++)
    g_string_append (data, line);
  text = decode (data->str, data->len, &enc, NULL);
  g_assert_true (g_str_has_prefix (text, "宇宙守护神  保护我们远离邪恶\n"));
  g_assert_cmpstr (enc, ==, "GB18030");
}

static void
test_empty_and_binary (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (decode ("", 0, NULL, &error));
  g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_null (decode (" \n\r\n\t", 5, NULL, &error));
  g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);
  /* the start of a PNG file */
  g_assert_null (decode ("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\x01\0", 20, NULL, &error));
  g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_BINARY);
  g_clear_error (&error);
  /* UTF-8 BOM then a NUL */
  g_assert_null (decode ("\xEF\xBB\xBF" "abc\0def", 10, NULL, &error));
  g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_BINARY);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/encoding/utf8-bom-crlf", test_utf8_bom);
  g_test_add_func ("/core/encoding/utf16-bom", test_utf16);
  g_test_add_func ("/core/encoding/utf16-without-bom", test_utf16_without_bom);
  g_test_add_func ("/core/encoding/windows-1252-cr", test_windows_1252);
  g_test_add_func ("/core/encoding/gb18030", test_gb18030);
  g_test_add_func ("/core/encoding/empty-and-binary", test_empty_and_binary);
  return g_test_run ();
}
