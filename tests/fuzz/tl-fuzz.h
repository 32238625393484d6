/* tl-fuzz.h: what each fuzzer does with one input, shared by the libFuzzer
 * harnesses and by the test that replays the inputs they found. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *name; /* as in tests/fuzz/regressions/NAME/ and fuzz-NAME */
  void (*run) (const guint8 *data, gsize size);
} TlFuzzTarget;

/* Sniffs the bytes as a dropped file, decodes and imports them. */
void tl_fuzz_import (const guint8 *data, gsize size);
/* The first byte picks an importer (modulo their number), which is made
 * to read the rest. */
void tl_fuzz_import_as (const guint8 *data, gsize size);
/* The bytes, if UTF-8, as what an editor types in the search box, run
 * against a small library: any query is either refused as holding no
 * words or runs without an SQL error. */
void tl_fuzz_search (const guint8 *data, gsize size);

const TlFuzzTarget *tl_fuzz_find_target (const char *name);
const TlFuzzTarget *tl_fuzz_targets (guint *n_targets);

G_END_DECLS
