/* tl-sqlite-schema.c: reading the migrations. Migration N (schema/00N-*.sql)
 * takes a library from schema N - 1 to N. */
#include "tl-sqlite-schema.h"

#include <stdlib.h>
#include <string.h>

#include "tl-sqlite-schema-resources.h"

#define SCHEMA_PATH "/org/tagline/store/sqlite/schema/"

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The files of schema/, sorted by name (so by number). */
static char **
list_files (void)
{
  static char **files;

  if (g_once_init_enter (&files))
    {
      char **names = g_resource_enumerate_children (tl_sqlite_schema_get_resource (), SCHEMA_PATH,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (names != NULL);
      qsort (names, g_strv_length (names), sizeof (char *), compare_names);
      g_once_init_leave (&files, names);
    }
  return files;
}

/* How many migrations there are: the newest schema they make. */
guint
tl_sqlite_schema_get_n_migrations (void)
{
  return g_strv_length (list_files ());
}

/**
 * tl_sqlite_schema_get_migration:
 * @version: 1 to tl_sqlite_schema_get_n_migrations()
 *
 * The SQL that brings a library of schema @version - 1 to @version. Its
 * "--" comment lines are left out and its other lines joined without
 * their line breaks: the statements reach sqlite_master exactly as the
 * versions that kept them in C strings wrote them.
 *
 * Returns: (transfer full): the statements
 */
char *
tl_sqlite_schema_get_migration (guint version)
{
  char **files = list_files ();
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (version >= 1 && version <= g_strv_length (files), NULL);
  /* "004-waveform.sql" is migration 4 */
  g_assert (g_ascii_strtoull (files[version - 1], NULL, 10) == version);
  path = g_strconcat (SCHEMA_PATH, files[version - 1], NULL);
  bytes = g_resource_lookup_data (tl_sqlite_schema_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (bytes != NULL);
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *p = lines[i];

      while (*p == ' ')
        p++;
      if (g_str_has_prefix (p, "--"))
        continue;
      g_string_append (sql, lines[i]);
    }
  return g_string_free (g_steal_pointer (&sql), FALSE);
}
