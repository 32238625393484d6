/* fuzz-main.c: a libFuzzer harness around one of tl-fuzz.c's targets,
 * the one TL_FUZZ_TARGET names at build time (tests/fuzz/meson.build). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "tl-fuzz.h"
#include "tl-import.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const TlFuzzTarget *target;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  target = tl_fuzz_find_target (TL_FUZZ_TARGET);
  g_assert (target != NULL);
  /* a warning or critical from our code or GLib is a fault found */
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  /* tests/fuzz/run asks which first byte makes import-as pick which importer */
  if (g_getenv ("TL_FUZZ_LIST_IMPORTERS") != NULL)
    {
      guint n;
      const TlImporter *const *importers = tl_importers (&n);

      for (guint i = 0; i < n; i++)
        printf ("%u %s\n", i, importers[i]->name);
      exit (0);
    }
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  target->run (data, size);
  return 0;
}
