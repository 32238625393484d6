/* tl-preferences-window.h: the preferences: how times are shown, the
 * transport (going back on pause, playing around, seek step, speed),
 * following playback, the nudge step, keys for foot pedals, light or dark,
 * and the library opened at start.
 * Pages and groups are libadwaita's, so that more can be added. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TL_TYPE_PREFERENCES_WINDOW (tl_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (TlPreferencesWindow, tl_preferences_window, TL, PREFERENCES_WINDOW, AdwPreferencesWindow)

TlPreferencesWindow *tl_preferences_window_new (GtkWindow *parent, GSettings *settings);
AdwPreferencesPage *tl_preferences_window_get_playback_page (TlPreferencesWindow *self);
void tl_preferences_window_capture_key (TlPreferencesWindow *self, const char *setting);
gboolean tl_preferences_window_take_key (TlPreferencesWindow *self, guint keyval, GdkModifierType state);
void tl_preferences_window_set_start_library (TlPreferencesWindow *self, const char *path);

G_END_DECLS
