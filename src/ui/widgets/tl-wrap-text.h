/* tl-wrap-text.h: wrapped text that measures cheaply, for long lists. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TL_TYPE_WRAP_TEXT (tl_wrap_text_get_type ())
G_DECLARE_FINAL_TYPE (TlWrapText, tl_wrap_text, TL, WRAP_TEXT, GtkWidget)

GtkWidget *tl_wrap_text_new (void);
void tl_wrap_text_set_text (TlWrapText *self, const char *text);
void tl_wrap_text_set_markup (TlWrapText *self, const char *markup);
const char *tl_wrap_text_get_text (TlWrapText *self);
PangoAttrList *tl_wrap_text_get_attributes (TlWrapText *self);

G_END_DECLS
