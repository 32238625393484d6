/* tl-mfcc.h: mel-frequency cepstral coefficients of audio pushed block by
 * block (13 coefficients with c0, 25 ms windows every 10 ms, 40 mel bands),
 * with cepstral mean normalisation at the end. */
#pragma once

#include "tl-features.h"

G_BEGIN_DECLS

#define TL_MFCC_N_COEFFS 13
#define TL_MFCC_N_BANDS 40

typedef struct _TlMfcc TlMfcc;

TlMfcc *tl_mfcc_new (guint sample_rate);
void tl_mfcc_free (TlMfcc *self);
guint tl_mfcc_get_sample_rate (TlMfcc *self);

void tl_mfcc_push (TlMfcc *self, const float *samples, gsize n_samples);
void tl_mfcc_push_s16 (TlMfcc *self, const gint16 *samples, gsize n_samples);
void tl_mfcc_push_silence (TlMfcc *self, gsize n_samples);
guint64 tl_mfcc_get_n_samples (TlMfcc *self);
guint tl_mfcc_get_n_frames (TlMfcc *self);

TlFeatures *tl_mfcc_finish (TlMfcc *self);

/* For checking the filter bank: the log energies of the mel bands of one
 * window of samples (as many as the window holds), and each band's centre. */
guint tl_mfcc_get_window_length (TlMfcc *self);
void tl_mfcc_compute_bands (TlMfcc *self, const float *window, float bands[TL_MFCC_N_BANDS]);
double tl_mfcc_get_band_centre (TlMfcc *self, guint band);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlMfcc, tl_mfcc_free)

G_END_DECLS
