/* tl-test-import.c: the checks the importer tests share. */
#include "tl-test-import.h"

#include <string.h>

/* The error line starts at a value no importer reports, so that a line
 * left unset shows as a failure instead of passing as 0. */
#define LINE_UNSET G_MAXUINT

static TlDocument *
import_without_fault (const char *format, const char *text, const char *expected_format)
{
  g_autoptr(GError) error = NULL;
  guint line = LINE_UNSET;
  TlDocument *doc = tl_import_text (NULL, text, strlen (text), format, &line, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpuint (line, ==, 0);
  g_assert_cmpstr (doc->format, ==, expected_format);
  return doc;
}

/**
 * tl_test_import_ok:
 *
 * Imports @text as a dropped file would be, by sniffing. It must import
 * without an error and come out as @expected_format.
 */
TlDocument *
tl_test_import_ok (const char *expected_format, const char *text)
{
  return import_without_fault (NULL, text, expected_format);
}

/**
 * tl_test_import_timed:
 *
 * Like tl_test_import_ok(), for formats whose times are always the file's
 * own: the document's timing must say so.
 */
TlDocument *
tl_test_import_timed (const char *expected_format, const char *text)
{
  TlDocument *doc = import_without_fault (NULL, text, expected_format);

  g_assert_cmpint (doc->timing, ==, TL_TIMING_NATIVE);
  return doc;
}

/**
 * tl_test_import_as:
 *
 * Imports @text as @format, asked for by name; it must import without an
 * error.
 */
TlDocument *
tl_test_import_as (const char *format, const char *text)
{
  return import_without_fault (format, text, format);
}

/**
 * tl_test_import_error:
 * @format: (nullable): the importer to ask for, or %NULL to sniff
 *
 * Imports @text, which must be refused as broken at @expected_line (0 for
 * a fault the importer gives no line).
 *
 * Returns: (transfer full): the error, for the test to read its message
 */
GError *
tl_test_import_error (const char *format, const char *text, guint expected_line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = NULL;
  guint line = LINE_UNSET;

  doc = tl_import_text (NULL, text, strlen (text), format, &line, &error);
  g_assert_null (doc);
  g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_PARSE);
  g_assert_cmpuint (line, ==, expected_line);
  return g_steal_pointer (&error);
}

/**
 * tl_test_assert_import_fails:
 * @expected_message: (nullable): the whole message, or %NULL when the
 *   test does not care how the fault is put
 *
 * Like tl_test_import_error(), for a test that needs no more of the error.
 */
void
tl_test_assert_import_fails (const char *format,
                             const char *text,
                             guint expected_line,
                             const char *expected_message)
{
  g_autoptr(GError) error = tl_test_import_error (format, text, expected_line);

  if (expected_message != NULL)
    g_assert_cmpstr (error->message, ==, expected_message);
}

/* How sure the importer named @importer is that @text is its format. */
guint
tl_test_sniff (const char *importer, const char *text)
{
  const TlImporter *imp = tl_importer_find (importer);

  g_assert_nonnull (imp);
  return imp->sniff (text, strlen (text));
}

/* The document's warnings are exactly the strings given, in order, up
 * to a NULL. */
void
tl_test_assert_warnings (TlDocument *doc, ...)
{
  va_list args;
  const char *expected;
  guint n = 0;

  va_start (args, doc);
  while ((expected = va_arg (args, const char *)) != NULL)
    {
      g_assert_cmpuint (n, <, doc->warnings->len);
      g_assert_cmpstr (g_ptr_array_index (doc->warnings, n), ==, expected);
      n++;
    }
  va_end (args);
  g_assert_cmpuint (doc->warnings->len, ==, n);
}

/* Segment @i of @doc, which must have one. */
const TlDocSegment *
tl_test_segment (TlDocument *doc, guint i)
{
  g_assert_cmpuint (i, <, doc->segments->len);
  return tl_document_get_segment (doc, i);
}

/* Segment @i's times and text, whoever speaks it. */
void
tl_test_assert_segment_text (TlDocument *doc, guint i, gint64 start, gint64 end, const char *text)
{
  const TlDocSegment *seg = tl_test_segment (doc, i);

  g_assert_cmpint (seg->start, ==, start);
  g_assert_cmpint (seg->end, ==, end);
  g_assert_cmpstr (seg->text, ==, text);
}

/* Segment @i's times, speaker (%NULL for none) and text. */
void
tl_test_assert_segment (TlDocument *doc,
                        guint i,
                        gint64 start,
                        gint64 end,
                        const char *speaker,
                        const char *text)
{
  tl_test_assert_segment_text (doc, i, start, end, text);
  g_assert_cmpstr (tl_test_segment (doc, i)->speaker, ==, speaker);
}

/* Like tl_test_assert_segment(), and the segment came from @line. */
void
tl_test_assert_segment_line (TlDocument *doc,
                             guint i,
                             gint64 start,
                             gint64 end,
                             const char *speaker,
                             const char *text,
                             guint line)
{
  tl_test_assert_segment (doc, i, start, end, speaker, text);
  g_assert_cmpuint (tl_test_segment (doc, i)->line, ==, line);
}
