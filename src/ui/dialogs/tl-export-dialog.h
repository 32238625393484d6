/* tl-export-dialog.h: choose clips and a format, see the first lines, export. */
#pragma once

#include <adwaita.h>

#include "tl-library.h"
#include "tl-render.h"

G_BEGIN_DECLS

#define TL_TYPE_EXPORT_DIALOG (tl_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TlExportDialog, tl_export_dialog, TL, EXPORT_DIALOG, AdwWindow)

/* Starts rendering (the window does it, with its task bar); the filter and
 * options need only live during the call. */
typedef void (*TlRenderStartFunc) (const TlClipFilter *filter, const TlRenderOptions *options, gpointer user_data);

TlExportDialog *tl_export_dialog_new (GtkWindow *parent, TlLibrary *library, TlSource *source);
void tl_export_dialog_set_format (TlExportDialog *self, const char *format);
const char *tl_export_dialog_get_preview (TlExportDialog *self);
guint tl_export_dialog_get_n_clips (TlExportDialog *self);
const char *tl_export_dialog_get_summary (TlExportDialog *self);
void tl_export_dialog_export_to (TlExportDialog *self, const char *path);
void tl_export_dialog_set_render_func (TlExportDialog *self, TlRenderStartFunc func, gpointer user_data);

G_END_DECLS
