/* tl-test-util.h: helpers the tests share: temporary library files and the
 * sample transcripts in tests/data. */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "tl-library.h"

G_BEGIN_DECLS

/* A fresh folder under the system's temp dir, removed by tl_test_tmpdir_free(). */
char *tl_test_tmpdir_new (void);
void tl_test_tmpdir_free (char *path);
char *tl_test_sample (const char *name);
char *tl_test_sample_named (const char *prefix);
gint64 tl_test_count_rows (TlLibrary *library, const char *table);
struct sqlite3 *tl_test_library_db (TlLibrary *library);
void tl_test_restore_dump (const char *sample, const char *path);
char *tl_test_file_state (const char *path);
char *tl_test_library_state (const char *path);

G_END_DECLS
