/* tl-waveform-view.h: a sound's waveform with the play position and the
 * clips on it; a click seeks. */
#pragma once

#include <gtk/gtk.h>

#include "tl-waveform.h"

G_BEGIN_DECLS

#define TL_TYPE_WAVEFORM_VIEW (tl_waveform_view_get_type ())
G_DECLARE_FINAL_TYPE (TlWaveformView, tl_waveform_view, TL, WAVEFORM_VIEW, GtkWidget)

typedef struct {
  gint64 in;
  gint64 out;
  GdkRGBA color;
} TlWaveformRange;

GtkWidget *tl_waveform_view_new (void);
void tl_waveform_view_set_waveform (TlWaveformView *self, TlWaveform *waveform);
void tl_waveform_view_set_duration (TlWaveformView *self, gint64 duration);
void tl_waveform_view_set_position (TlWaveformView *self, gint64 position);
void tl_waveform_view_set_loading (TlWaveformView *self, gboolean loading);
gboolean tl_waveform_view_get_loading (TlWaveformView *self);
void tl_waveform_view_set_ranges (TlWaveformView *self, const TlWaveformRange *ranges, guint n_ranges);

G_END_DECLS
