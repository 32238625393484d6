/* test-fuzz-regressions.c: the inputs the fuzzers start from (seeds/) and
 * every input with which one found a fault (regressions/), replayed
 * through the same targets in the normal and the sanitizer builds. */
#include <string.h>

#include "tl-fuzz.h"
#include "tl-import.h"

static GPtrArray *
list_inputs (const char *kind, const char *target)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fuzz", kind, target, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && strcmp (name, "README.md") != 0)
      g_ptr_array_add (files, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (files, (GCompareFunc) g_strcmp0);
  return files;
}

static char *
load (const char *file, gsize *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (file, &contents, length, &error);
  g_assert_no_error (error);
  g_test_message ("%s", file);
  return contents;
}

static void
replay (gconstpointer data)
{
  const TlFuzzTarget *target = data;
  g_autoptr(GPtrArray) seeds = NULL;
  g_autoptr(GPtrArray) found = list_inputs ("regressions", target->name);
  guint n_inputs = 0;

  if (strcmp (target->name, "import-as") == 0)
    {
      guint n_importers;

      /* import-as starts from the import seeds, each given to every importer */
      tl_importers (&n_importers);
      seeds = list_inputs ("seeds", "import");
      for (guint i = 0; i < seeds->len; i++)
        {
          gsize length;
          g_autofree char *contents = load (g_ptr_array_index (seeds, i), &length);
          g_autofree guint8 *input = g_malloc (length + 1);

          memcpy (input + 1, contents, length);
          for (guint k = 0; k < n_importers; k++)
            {
              input[0] = k;
              target->run (input, length + 1);
              n_inputs++;
            }
        }
    }
  else
    g_ptr_array_extend_and_steal (found, list_inputs ("seeds", target->name));

  for (guint i = 0; i < found->len; i++)
    {
      gsize length;
      g_autofree char *contents = load (g_ptr_array_index (found, i), &length);

      target->run ((const guint8 *) contents, length);
      n_inputs++;
    }
  /* the seeds are in the tree: none found means the test looked elsewhere */
  g_assert_cmpuint (n_inputs, >, 0);
}

int
main (int argc, char **argv)
{
  guint n;
  const TlFuzzTarget *targets;

  g_test_init (&argc, &argv, NULL);
  targets = tl_fuzz_targets (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/fuzz/%s", targets[i].name);
      g_test_add_data_func (path, &targets[i], replay);
    }
  return g_test_run ();
}
