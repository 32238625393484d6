/* bench-text.h: reproducible text for benchmarks: sentences drawn from a
 * vocabulary with word frequencies like those of speech (Zipf). */
#pragma once

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct BenchText BenchText;

BenchText *bench_text_new (guint32 seed);
void bench_text_free (BenchText *text);
void bench_text_sentence (BenchText *text, GString *out, guint min_words, guint max_words);
const char *bench_text_word (BenchText *text, guint rank);
guint bench_text_n_words (BenchText *text);

double bench_now (void);
int bench_compare_double (gconstpointer a, gconstpointer b);
