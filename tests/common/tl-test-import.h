/* tl-test-import.h: what every importer test checks again and again: a
 * text that imports, a text that is refused, a sniffer's score, and the
 * fields of one segment. */
#pragma once

#include "tl-import.h"

G_BEGIN_DECLS

TlDocument *tl_test_import_ok (const char *expected_format, const char *text);
TlDocument *tl_test_import_timed (const char *expected_format, const char *text);
TlDocument *tl_test_import_as (const char *format, const char *text);
GError *tl_test_import_error (const char *format, const char *text, guint expected_line);
void tl_test_assert_import_fails (const char *format,
                                  const char *text,
                                  guint expected_line,
                                  const char *expected_message);
guint tl_test_sniff (const char *importer, const char *text);
void tl_test_assert_warnings (TlDocument *doc, ...) G_GNUC_NULL_TERMINATED;

const TlDocSegment *tl_test_segment (TlDocument *doc, guint i);
void tl_test_assert_segment_text (TlDocument *doc, guint i, gint64 start, gint64 end, const char *text);
void tl_test_assert_segment (TlDocument *doc,
                             guint i,
                             gint64 start,
                             gint64 end,
                             const char *speaker,
                             const char *text);
void tl_test_assert_segment_line (TlDocument *doc,
                                  guint i,
                                  gint64 start,
                                  gint64 end,
                                  const char *speaker,
                                  const char *text,
                                  guint line);

G_END_DECLS
