/* tl-waveform.h: the loudness of a sound over time, for drawing it: peaks
 * decoded once with GStreamer in a thread, then kept in the library. */
#pragma once

#include <gio/gio.h>

#include "tl-library.h"
#include "tl-media-error.h"

G_BEGIN_DECLS

/* 10 ms a peak: finer than a transcript line, coarse enough for an hour
 * to fit in 700 KB. */
#define TL_WAVEFORM_PEAKS_PER_SECOND 100

#define TL_TYPE_WAVEFORM (tl_waveform_get_type ())
G_DECLARE_FINAL_TYPE (TlWaveform, tl_waveform, TL, WAVEFORM, GObject)

/**
 * TlWaveformProgressFunc:
 * @partial: the peaks read so far (silence where nothing was read yet)
 * @fraction: how much of the sound was read, 0 to 1, or -1 when unknown
 */
typedef void (*TlWaveformProgressFunc) (TlWaveform *partial, double fraction, gpointer user_data);

TlWaveform *tl_waveform_new (guint peaks_per_second, GBytes *peaks, gboolean cached);
TlWaveform *tl_waveform_compute (const char *path, GCancellable *cancellable, GError **error);
void tl_waveform_load_async (TlLibrary *library,
                             gint64 source_id,
                             const char *path,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data);
void tl_waveform_load_with_progress_async (TlLibrary *library,
                                           gint64 source_id,
                                           const char *path,
                                           TlWaveformProgressFunc progress,
                                           gpointer progress_data,
                                           GDestroyNotify progress_destroy,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer user_data);
TlWaveform *tl_waveform_load_finish (GAsyncResult *result, GError **error);

guint tl_waveform_get_peaks_per_second (TlWaveform *self);
guint tl_waveform_get_n_peaks (TlWaveform *self);
gint64 tl_waveform_get_duration (TlWaveform *self);
GBytes *tl_waveform_get_bytes (TlWaveform *self);
gboolean tl_waveform_get_cached (TlWaveform *self);
float tl_waveform_get_peak (TlWaveform *self, gint64 start, gint64 end);

G_END_DECLS
