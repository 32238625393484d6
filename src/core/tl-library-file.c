/* tl-library-file.c: telling a library file from the files imported into
 * one (a double-click in the file manager hands us either). */
#include "tl-library-file.h"

#include "store/sqlite/tl-sqlite-store.h"

#include <string.h>

/* Every SQLite 3 database starts with these 16 bytes. */
#define SQLITE_MAGIC "SQLite format 3"

/**
 * tl_library_file_sniff:
 * @path: a file
 *
 * Whether @path holds a database that may be a library, judged by its
 * first bytes (not its name: libraries are called anything). Whether it
 * is one of ours is for tl_library_open() to say.
 */
gboolean
tl_library_file_sniff (const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  char head[sizeof SQLITE_MAGIC] = { 0 };
  gsize n = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL)
    return FALSE;
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &n, NULL, NULL))
    return FALSE;
  return n == sizeof head && memcmp (head, SQLITE_MAGIC, sizeof head) == 0;
}

/* The MIME type of library files, for file choosers. */
const char *
tl_library_file_get_mime_type (void)
{
  return TL_SQLITE_STORE_MIME_TYPE;
}
