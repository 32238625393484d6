/* tl-wrap-text.h: wrapped text that measures cheaply, for long lists. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Ranges of the text drawn behind it, each at most one */
typedef enum {
  TL_WRAP_TEXT_SPOKEN,   /* the word being said */
  TL_WRAP_TEXT_SELECTED, /* words selected */
  TL_WRAP_TEXT_CURSOR,   /* the word with the keyboard's focus */
  TL_WRAP_TEXT_N_RANGES,
} TlWrapTextRange;

typedef struct {
  int start, end;
} TlTextRange;

#define TL_TYPE_WRAP_TEXT (tl_wrap_text_get_type ())
G_DECLARE_FINAL_TYPE (TlWrapText, tl_wrap_text, TL, WRAP_TEXT, GtkWidget)

GtkWidget *tl_wrap_text_new (void);
void tl_wrap_text_set_text (TlWrapText *self, const char *text);
void tl_wrap_text_set_markup (TlWrapText *self, const char *markup);
const char *tl_wrap_text_get_text (TlWrapText *self);
PangoAttrList *tl_wrap_text_get_attributes (TlWrapText *self);
void tl_wrap_text_set_range (TlWrapText *self, TlWrapTextRange which, int start, int end);
int tl_wrap_text_index_at (TlWrapText *self, double x, double y);
gboolean tl_wrap_text_range_point (TlWrapText *self, int start, int end, double *x, double *y);

G_END_DECLS
