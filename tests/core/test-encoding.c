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

/* One invalid byte in an otherwise UTF-8 file made the whole file be read
 * as a legacy code page ("café" became "cafÃ©"), with no warning. The
 * file stays UTF-8; the bad byte becomes U+FFFD, and its line is noted. */
static void
test_utf8_with_a_bad_byte (void)
{
  static const char data[] = "caf\xC3\xA9 d\xC3\xA9j\xC3\xA0 vu\r\nbad \xFF byte\r\nfine\rcut \xE2\x80 short\n";
  g_autoptr(GArray) bad_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *enc = NULL;
  g_autofree char *text = NULL;
  gsize len;

  text = tl_encoding_decode (data, sizeof data - 1, &len, &enc, bad_lines, NULL);
  g_assert_cmpstr (text, ==, "caf\xC3\xA9 d\xC3\xA9j\xC3\xA0 vu\nbad \xEF\xBF\xBD byte\nfine\n"
                             "cut \xEF\xBF\xBD short\n");
  g_assert_cmpuint (len, ==, strlen (text));
  g_assert_cmpstr (enc, ==, "UTF-8");
  /* CR LF and a lone CR each end one line */
  g_assert_cmpuint (bad_lines->len, ==, 2);
  g_assert_cmpuint (g_array_index (bad_lines, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (bad_lines, guint, 1), ==, 4);
}

/* Each maximal invalid part is one U+FFFD, as Unicode recommends: a lone
 * continuation byte, a lead byte with fewer continuations than it needs,
 * overlong forms, surrogates and code points past U+10FFFF byte by byte. */
static void
test_replacement (void)
{
  /* behind a BOM that says UTF-8, however many bytes are bad */
  static const char data[] = "\xEF\xBB\xBF\xC3\xA9 \x80 \xF0\x9F\x98 \xC0\xAF \xED\xA0\x80 \xF4\x90 \xE2\x82\xAC";
  gsize len;
  g_autofree char *text = tl_encoding_decode (data, sizeof data - 1, &len, NULL, NULL, NULL);

  g_assert_cmpstr (text, ==, "\xC3\xA9 \xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD "
                             "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD "
                             "\xE2\x82\xAC");
}

/* Legacy files still read as such: no valid sequence of UTF-8 in them, or
 * fewer than the bytes that are not (a double-byte code page forms some
 * by chance). A BOM that says UTF-8 is believed. */
static void
test_legacy_or_damaged (void)
{
  /* Latin-1 with one pair that happens to be valid UTF-8 ("Ã©") */
  static const char latin1[] = "Caf\xE9, cr\xE8me br\xFBl\xE9" "e, na\xEFve: \xC3\xA9\n";
  static const char bom[] = "\xEF\xBB\xBFna\xEFve\n";
  g_autoptr(GArray) bad_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *enc = NULL;
  g_autofree char *a = decode (latin1, sizeof latin1 - 1, &enc, NULL);
  g_autofree char *b = NULL;
  gsize len;

  g_assert_cmpstr (a, ==, "Caf\xC3\xA9, cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e, na\xC3\xAFve: \xC3\x83\xC2\xA9\n");
  g_assert_cmpstr (enc, !=, "UTF-8");
  b = tl_encoding_decode (bom, sizeof bom - 1, &len, NULL, bad_lines, NULL);
  g_assert_cmpstr (b, ==, "na\xEF\xBF\xBDve\n");
  g_assert_cmpuint (bad_lines->len, ==, 1);
}

/* Found by fuzz-import-as: uchardet named UTF-8 for this line, and
 * iconv's UTF-8 let through a code point past U+10FFFF, which went on into
 * the library. Whatever the file, the text out is UTF-8. */
static void
test_always_utf8 (void)
{
  static const char data[] = "00:00:01 --> 00:00:10\xF6\xAB\x97\x96" "ccd\n";
  g_autofree char *text = decode (data, sizeof data - 1, NULL, NULL);

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_prefix (text, "00:00:01 --> 00:00:10"));
}

/* Through an import: the cues keep their UTF-8, and the warnings name the
 * lines, ten of them at most. */
static void
test_import_warns (void)
{
  g_autoptr(GString) srt = g_string_new ("1\n00:00:01,000 --> 00:00:02,000\ncaf\xC3\xA9\n\n"
                                         "2\n00:00:03,000 --> 00:00:04,000\nbad \xFF byte\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_import_bytes ("x.srt", srt->str, srt->len, NULL, NULL, &error);
  g_autoptr(TlDocument) damaged = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (doc->segments->len, ==, 2);
  g_assert_cmpstr (tl_document_get_segment (doc, 0)->text, ==, "caf\xC3\xA9");
  g_assert_cmpstr (tl_document_get_segment (doc, 1)->text, ==, "bad \xEF\xBF\xBD byte");
  g_assert_cmpuint (doc->warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 0), ==, "line 7: bytes that are not UTF-8 replaced by “\xEF\xBF\xBD”");

  for (guint i = 0; i < 12; i++)
    g_string_append_printf (srt, "\n%u\n00:00:%02u,000 --> 00:00:%02u,500\n\xC3\xA9 \xFE\n", i + 3, i + 5, i + 5);
  damaged = tl_import_bytes ("x.srt", srt->str, srt->len, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (damaged->segments->len, ==, 14);
  g_assert_cmpuint (damaged->warnings->len, ==, 11);
  g_assert_cmpstr (g_ptr_array_index (damaged->warnings, 9), ==, "line 43: bytes that are not UTF-8 replaced by “\xEF\xBF\xBD”");
  g_assert_cmpstr (g_ptr_array_index (damaged->warnings, 10), ==, "3 more lines with bytes that are not UTF-8");
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
  g_test_add_func ("/core/encoding/utf8-with-a-bad-byte", test_utf8_with_a_bad_byte);
  g_test_add_func ("/core/encoding/replacement", test_replacement);
  g_test_add_func ("/core/encoding/legacy-or-damaged", test_legacy_or_damaged);
  g_test_add_func ("/core/encoding/import-warns", test_import_warns);
  g_test_add_func ("/core/encoding/always-utf8", test_always_utf8);
  return g_test_run ();
}
