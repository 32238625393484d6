/* tl-export-dialog.h: choose clips and a format, see the first lines, export. */
#pragma once

#include <adwaita.h>

#include "tl-library.h"

G_BEGIN_DECLS

#define TL_TYPE_EXPORT_DIALOG (tl_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TlExportDialog, tl_export_dialog, TL, EXPORT_DIALOG, AdwWindow)

TlExportDialog *tl_export_dialog_new (GtkWindow *parent, TlLibrary *library, TlSource *source);
void tl_export_dialog_set_format (TlExportDialog *self, const char *format);
const char *tl_export_dialog_get_preview (TlExportDialog *self);
guint tl_export_dialog_get_n_clips (TlExportDialog *self);
void tl_export_dialog_export_to (TlExportDialog *self, const char *path);

G_END_DECLS
