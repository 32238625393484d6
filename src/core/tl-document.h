/* tl-document.h: a transcript as an importer read it, before it reaches the library. */
#pragma once

#include <glib.h>

#include "tl-media-info.h"
#include "tl-types.h"

G_BEGIN_DECLS

typedef struct {
  gint64 start; /* µs, or TL_TIME_NONE */
  gint64 end;
  const char *text;
  double confidence; /* 0–1, or < 0 when unknown */
} TlDocWord;

typedef struct {
  gint64 start; /* µs, or TL_TIME_NONE when untimed */
  gint64 end;   /* µs, or TL_TIME_NONE when untimed */
  const char *speaker; /* NULL when none */
  const char *text;
  gboolean non_speech; /* [Music], (applause), ♪ … */
  guint line;          /* line of the file where it starts (1-based), 0 if unknown */
  guint first_word;    /* range in TlDocument.words */
  guint n_words;
} TlDocSegment;

/* A titled mark: a time for media (an "Outlines" entry), or, for an
 * article, the paragraph that a section heading stands above. */
typedef struct {
  gint64 start;       /* µs, or TL_TIME_NONE */
  gint segment_index; /* first segment of the section, or -1 */
  const char *title;
} TlDocChapter;

/* All strings of a document live in its string chunk: importers copy
 * into it with tl_document_strdup() and never free them one by one. */
typedef struct {
  GStringChunk *strings;
  const char *format;      /* importer name, e.g. "srt" (static) */
  TlSourceKind kind;       /* TRANSCRIPT unless the importer knows better */
  TlTiming timing;
  const char *title;
  const char *outlet;
  const char *published;   /* YYYY-MM-DD */
  const char *url;
  const char *external_id;
  const char *description;
  const char *language;    /* BCP 47 tag or NULL */
  gint64 duration;         /* µs stated by the file, or TL_TIME_NONE */
  GPtrArray *keywords;     /* const char * in strings */
  GArray *segments;        /* TlDocSegment */
  GArray *words;           /* TlDocWord */
  GArray *chapters;        /* TlDocChapter */
  GPtrArray *warnings;     /* owned char *, "line N: what was recovered" */
} TlDocument;

TlDocument *tl_document_new (const char *format);
void tl_document_free (TlDocument *doc);

const char *tl_document_strdup (TlDocument *doc, const char *str);
const char *tl_document_strndup (TlDocument *doc, const char *str, gsize len);

TlDocSegment *tl_document_add_segment (TlDocument *doc,
                                       gint64 start,
                                       gint64 end,
                                       const char *text,
                                       gssize len);
TlDocSegment *tl_document_get_segment (TlDocument *doc, guint index);
guint tl_document_get_n_segments (TlDocument *doc);
void tl_document_add_word (TlDocument *doc, gint64 start, gint64 end, const char *text, gssize len);
void tl_document_add_word_full (TlDocument *doc, gint64 start, gint64 end, const char *text, gssize len,
                                double confidence);
void tl_document_fit_words (TlDocument *doc);
void tl_document_add_chapter (TlDocument *doc, gint64 start, const char *title);
void tl_document_add_section (TlDocument *doc, const char *title);
void tl_document_add_keyword (TlDocument *doc, const char *keyword);
void tl_document_warn (TlDocument *doc, guint line, const char *format, ...) G_GNUC_PRINTF (3, 4);

gboolean tl_document_has_times (TlDocument *doc);
void tl_document_estimate_times (TlDocument *doc, gint64 duration);
gint64 tl_document_get_end (TlDocument *doc);
void tl_document_apply_media (TlDocument *doc, const TlMediaInfo *media);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlDocument, tl_document_free)

G_END_DECLS
