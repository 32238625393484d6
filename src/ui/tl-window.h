/* tl-window.h: the main window. */
#pragma once

#include <adwaita.h>

#include "tl-application.h"
#include "tl-library.h"

G_BEGIN_DECLS

#define TL_TYPE_WINDOW (tl_window_get_type ())
G_DECLARE_FINAL_TYPE (TlWindow, tl_window, TL, WINDOW, AdwApplicationWindow)

TlWindow *tl_window_new (TlApplication *app, TlLibrary *library, const GError *open_error);
TlLibrary *tl_window_get_library (TlWindow *self);
void tl_window_import (TlWindow *self, const char *const *paths);
void tl_window_save_state (TlWindow *self);
gboolean tl_window_is_busy (TlWindow *self);
void tl_window_show_error (TlWindow *self, const char *heading, const char *body);

G_END_DECLS
