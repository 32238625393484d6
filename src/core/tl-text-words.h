/* tl-text-words.h: a transcript line's words as the aligner times them:
 * the runs of text between white space, and which of them can be read
 * aloud (a [bracketed] tag or a music sign cannot). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint offset;       /* bytes into the line's text */
  guint length;       /* bytes */
  gboolean speakable; /* holds a letter or digit outside [brackets] */
  guint reading;      /* speakable: where it starts in the reading, in characters */
} TlTextWord;

GArray *tl_text_split_words (const char *text);
char *tl_text_words_reading (const char *text, GArray *words);

G_END_DECLS
