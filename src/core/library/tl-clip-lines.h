/* tl-clip-lines.h: which lines (and so which words) a clip holds: the one
 * rule the clip list, the exports and tagline-cli all use. */
#pragma once

#include "tl-library.h"

G_BEGIN_DECLS

/* One line of a source's transcript (a speech line: non-speech lines are
 * never part of a clip's words). */
typedef struct {
  gint index;
  gint64 start;  /* µs or TL_TIME_NONE */
  gint64 end;    /* µs or TL_TIME_NONE */
  const char *text;
} TlClipLine;

/* The lines of some sources, read from a library in one go and indexed
 * to find those of any clip of them. */
typedef struct _TlClipLines TlClipLines;

TlClipLines *tl_clip_lines_new (void);
void tl_clip_lines_free (TlClipLines *self);
gboolean tl_clip_lines_load (TlClipLines *self,
                             TlLibrary *library,
                             const gint64 *source_ids,
                             guint n_source_ids,
                             GError **error);
gboolean tl_clip_lines_load_for_clip (TlClipLines *self, TlLibrary *library, TlClip *clip, GError **error);
gboolean tl_clip_lines_has_source (TlClipLines *self, gint64 source_id);
void tl_clip_lines_collect (TlClipLines *self, TlClip *clip, GPtrArray *lines);
char *tl_clip_lines_join (GPtrArray *lines);
char *tl_clip_lines_get_text (TlClipLines *self, TlClip *clip);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlClipLines, tl_clip_lines_free)

G_END_DECLS
