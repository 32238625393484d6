/* tl-search.h: full-text search over every transcript of a library (FTS5). */
#pragma once

#include "tl-library.h"

G_BEGIN_DECLS

typedef struct {
  gint64 source_id;
  gint64 segment_id;
  guint segment_index;
  gint64 start;   /* µs or TL_TIME_NONE */
  gint64 end;
  char *text;
  char *snippet;  /* the text around the match, matches between the markers */
} TlSearchHit;

typedef struct {
  guint total;      /* how many lines match in the whole library */
  GPtrArray *hits;  /* TlSearchHit, at most the limit asked for */
} TlSearchResults;

void tl_search_hit_free (TlSearchHit *hit);
void tl_search_results_free (TlSearchResults *results);

char *tl_search_build_match (const char *query, GError **error);
char **tl_search_terms (const char *query);
TlSearchResults *tl_search (TlLibrary *library,
                            const char *query,
                            guint limit,
                            guint offset,
                            const char *mark_open,
                            const char *mark_close,
                            GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlSearchResults, tl_search_results_free)

G_END_DECLS
