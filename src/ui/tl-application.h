/* tl-application.h: the Tagline application. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TL_TYPE_APPLICATION (tl_application_get_type ())
G_DECLARE_FINAL_TYPE (TlApplication, tl_application, TL, APPLICATION, AdwApplication)

typedef struct _TlWindow TlWindow;

TlApplication *tl_application_new (void);
GSettings *tl_application_get_settings (TlApplication *self);
TlWindow *tl_application_open_library (TlApplication *self, const char *path, TlWindow *replace);

G_END_DECLS
