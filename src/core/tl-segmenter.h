/* tl-segmenter.h: cuts untimed running text (pasted transcripts, captions
 * scraped from a page) into segments an editor can read and select. */
#pragma once

#include <glib.h>

#include "tl-document.h"

G_BEGIN_DECLS

/* No segment made from prose holds more words than this. */
#define TL_PROSE_MAX_WORDS 60

void tl_document_add_prose (TlDocument *doc, const char *text, gsize len, guint line);

guint tl_prose_count_sentences (const char *text, gsize len, guint *n_words);
gboolean tl_prose_is_punctuated (guint n_sentences, guint n_words);

G_END_DECLS
