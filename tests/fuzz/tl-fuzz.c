/* tl-fuzz.c: the fuzzers' targets. Beyond not crashing, each checks what
 * the rest of Tagline counts on from what it tests: a document's times in
 * range and in order, its text UTF-8, its word ranges inside its words;
 * a refusal with a message and a line inside the file; a search that
 * never hands SQLite a query it cannot parse. A broken promise aborts,
 * which libFuzzer reports as a crash. */
#include "tl-fuzz.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tl-import.h"
#include "tl-library.h"
#include "tl-search.h"

/* g_assert() is what the tests use; the fuzzers want the same abort */
#define check(expr) g_assert (expr)

static void
check_utf8 (const char *text)
{
  if (text != NULL)
    check (g_utf8_validate (text, -1, NULL));
}

static gboolean
time_ok (gint64 t)
{
  return t == TL_TIME_NONE || (t >= -TL_TIME_MAX && t <= TL_TIME_MAX);
}

/* An upper bound on the lines of the decoded text: every line end it has
 * was a LF or a CR byte in the file (or, in UTF-16 and UTF-32, holds one). */
static guint
max_lines (const guint8 *data, gsize size)
{
  guint n = 1;

  for (gsize i = 0; i < size; i++)
    if (data[i] == '\n' || data[i] == '\r')
      n++;
  return n;
}

static void
check_document (TlDocument *doc, guint n_lines)
{
  gint64 last_start = G_MININT64;

  check (doc->segments->len > 0);
  check (doc->format != NULL);
  check_utf8 (doc->title);
  check_utf8 (doc->outlet);
  check_utf8 (doc->published);
  check_utf8 (doc->url);
  check_utf8 (doc->external_id);
  check_utf8 (doc->description);
  check_utf8 (doc->language);
  check (time_ok (doc->duration));
  for (guint i = 0; i < doc->keywords->len; i++)
    check_utf8 (g_ptr_array_index (doc->keywords, i));
  for (guint i = 0; i < doc->warnings->len; i++)
    check_utf8 (g_ptr_array_index (doc->warnings, i));
  for (guint i = 0; i < doc->chapters->len; i++)
    {
      const TlDocChapter *ch = &g_array_index (doc->chapters, TlDocChapter, i);
      check_utf8 (ch->title);
      check (time_ok (ch->start));
      check (ch->segment_index < (gint) doc->segments->len);
    }
  for (guint i = 0; i < doc->words->len; i++)
    {
      const TlDocWord *word = &g_array_index (doc->words, TlDocWord, i);
      check (word->text != NULL);
      check_utf8 (word->text);
      check (time_ok (word->start) && time_ok (word->end));
    }
  for (guint i = 0; i < doc->segments->len; i++)
    {
      const TlDocSegment *seg = &g_array_index (doc->segments, TlDocSegment, i);

      check (seg->text != NULL);
      check_utf8 (seg->text);
      check_utf8 (seg->speaker);
      check (time_ok (seg->start) && time_ok (seg->end));
      check (seg->line <= n_lines);
      check (seg->first_word <= doc->words->len && seg->n_words <= doc->words->len - seg->first_word);
      if (seg->start != TL_TIME_NONE)
        {
          /* timed segments come in time order, and end after they start */
          check (seg->start >= last_start);
          last_start = seg->start;
          check (seg->end == TL_TIME_NONE || seg->end >= seg->start);
        }
    }
}

static void
check_import (const guint8 *data, gsize size, const char *path, const char *format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = NULL;
  guint line = G_MAXUINT;
  guint n_lines = max_lines (data, size);

  doc = tl_import_bytes (path, (const char *) data, size, format, &line, &error);
  if (doc == NULL)
    {
      check (error != NULL);
      check (error->domain == TL_IMPORT_ERROR);
      check (error->message != NULL && error->message[0] != '\0');
      check_utf8 (error->message);
      check (line <= n_lines);
      return;
    }
  check (error == NULL);
  check (line == 0);
  check_document (doc, n_lines);
  /* what the import job does next, without media: untimed documents get
   * times spread over the duration the file states */
  tl_document_apply_media (doc, NULL);
  check_document (doc, n_lines);
}

void
tl_fuzz_import (const guint8 *data, gsize size)
{
  check_import (data, size, NULL, NULL);
}

void
tl_fuzz_import_as (const guint8 *data, gsize size)
{
  guint n;
  const TlImporter *const *importers = tl_importers (&n);

  if (size == 0)
    return;
  check_import (data + 1, size - 1, NULL, importers[data[0] % n]->name);
}

/* One library for the life of the process, with lines to find. */
static char *search_dir;
static TlLibrary *search_library;

static void
remove_search_library (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&search_library);
  dir = g_dir_open (search_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (search_dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (search_dir);
  g_clear_pointer (&search_dir, g_free);
}

static TlLibrary *
get_search_library (void)
{
  static const char *const lines[] = {
    "Ammunition and artillery shells went north by rail.",
    "The U.S. and AT&T said nothing; NEAR the border, \"quotes\" (and parentheses).",
    "Café déjà vu: naïve coöperation — 北朝鮮 と ロシア.",
    "prefix prefixes prefixed OR AND NOT",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = NULL;
  g_autofree char *path = NULL;
  TlImportOptions options = { "fuzz.txt", NULL, NULL };

  if (search_library != NULL)
    return search_library;
  search_dir = g_dir_make_tmp ("tagline-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (search_dir, "library.db", NULL);
  search_library = tl_library_open (path, &error);
  g_assert_no_error (error);
  doc = tl_document_new ("text");
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    tl_document_add_segment (doc, i * 1000000, (i + 1) * 1000000, lines[i], -1)->line = i + 1;
  doc->timing = TL_TIMING_NATIVE;
  g_assert_cmpint (tl_library_add_document (search_library, doc, &options, &error), >, 0);
  g_assert_no_error (error);
  atexit (remove_search_library);
  return search_library;
}

void
tl_fuzz_search (const guint8 *data, gsize size)
{
  g_autofree char *query = NULL;
  g_autofree char *match = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSearchResults) results = NULL;

  /* what the search box and a command line hand over: UTF-8, no NUL */
  if (!g_utf8_validate ((const char *) data, size, NULL) || memchr (data, '\0', size) != NULL)
    return;
  query = g_strndup ((const char *) data, size);

  match = tl_search_build_match (query, &error);
  if (match == NULL)
    {
      check (g_error_matches (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID));
      check_utf8 (error->message);
      g_clear_error (&error);
    }
  results = tl_search (get_search_library (), query, 5, 0, NULL, NULL, &error);
  if (match == NULL)
    {
      check (results == NULL);
      check (g_error_matches (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID));
      return;
    }
  /* FTS5 took the query: every term was quoted */
  if (error != NULL)
    g_error ("query “%s” as “%s”: %s", query, match, error->message);
  check (results != NULL);
  check (results->hits->len <= results->total);
  for (guint i = 0; i < results->hits->len; i++)
    {
      const TlSearchHit *hit = g_ptr_array_index (results->hits, i);
      check_utf8 (hit->text);
      check_utf8 (hit->snippet);
    }
}

static const TlFuzzTarget targets[] = {
  { "import", tl_fuzz_import },
  { "import-as", tl_fuzz_import_as },
  { "search", tl_fuzz_search },
};

const TlFuzzTarget *
tl_fuzz_targets (guint *n_targets)
{
  *n_targets = G_N_ELEMENTS (targets);
  return targets;
}

const TlFuzzTarget *
tl_fuzz_find_target (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (strcmp (targets[i].name, name) == 0)
      return &targets[i];
  return NULL;
}
