/* tl-clip-row.h: one clip in the tag panel's list (tl-clip-row.ui). */
#pragma once

#include <gtk/gtk.h>

#include "tl-tag-panel.h"

G_BEGIN_DECLS

#define TL_TYPE_CLIP_ROW (tl_clip_row_get_type ())
G_DECLARE_FINAL_TYPE (TlClipRow, tl_clip_row, TL, CLIP_ROW, GtkWidget)

GtkWidget *tl_clip_row_new (void);
void tl_clip_row_set_clip (TlClipRow *self, TlClip *clip, TlTagPanel *panel, gboolean show_source);
TlClip *tl_clip_row_get_clip (TlClipRow *self);

G_END_DECLS
