/* tl-mfcc.c: MFCC extraction with FFTW, streamed: only one window of
 * samples is kept, so a long recording never sits in memory whole. */
#include "tl-mfcc.h"

#include <fftw3.h>
#include <math.h>
#include <string.h>

/* The bands stop short of 8 kHz so that 16 kHz recordings (whose resampler
 * rolls off there) and 22.05 kHz synthetic speech see the same spectrum. */
#define LOW_HZ 80.0
#define HIGH_HZ 7600.0
#define PRE_EMPHASIS 0.97f
/* White dither at -80 dBFS: digital silence must not reach log (0). */
#define DITHER 1e-4f

struct _TlMfcc {
  guint sample_rate;
  guint window;       /* samples per frame */
  double hop;         /* samples between frames (220.5 at 22.05 kHz) */
  guint fft_size;
  float *hamming;
  float *filters;     /* TL_MFCC_N_BANDS × (fft_size / 2 + 1) weights */
  guint *filter_lo;   /* first and last bin with a weight, per band */
  guint *filter_hi;
  double band_centre[TL_MFCC_N_BANDS];
  float dct[TL_MFCC_N_COEFFS][TL_MFCC_N_BANDS];

  float *fft_in;
  fftwf_complex *fft_out;
  fftwf_plan plan;

  GArray *pending;     /* samples from pending_start on */
  guint64 pending_start;
  guint64 n_samples;   /* pushed so far */
  guint64 next_frame;
  GArray *cepstra;     /* float, TL_MFCC_N_COEFFS per frame */
  GArray *energy;      /* float, per frame */
  guint32 rand_state;
};

/* FFTW's planner is not thread-safe; executing a plan is. */
static GMutex planner_lock;

static double
hz_to_mel (double hz)
{
  return 2595.0 * log10 (1.0 + hz / 700.0);
}

static double
mel_to_hz (double mel)
{
  return 700.0 * (pow (10.0, mel / 2595.0) - 1.0);
}

static void
make_filters (TlMfcc *self)
{
  guint n_bins = self->fft_size / 2 + 1;
  double high = MIN (HIGH_HZ, self->sample_rate / 2.0);
  double mel_lo = hz_to_mel (LOW_HZ), mel_hi = hz_to_mel (high);
  double edges[TL_MFCC_N_BANDS + 2];

  for (guint i = 0; i < TL_MFCC_N_BANDS + 2; i++)
    edges[i] = mel_to_hz (mel_lo + (mel_hi - mel_lo) * i / (TL_MFCC_N_BANDS + 1));

  self->filters = g_new0 (float, (gsize) TL_MFCC_N_BANDS * n_bins);
  self->filter_lo = g_new0 (guint, TL_MFCC_N_BANDS);
  self->filter_hi = g_new0 (guint, TL_MFCC_N_BANDS);
  for (guint b = 0; b < TL_MFCC_N_BANDS; b++)
    {
      double left = edges[b], centre = edges[b + 1], right = edges[b + 2];
      float *w = self->filters + (gsize) b * n_bins;

      self->band_centre[b] = centre;
      self->filter_lo[b] = n_bins;
      for (guint k = 0; k < n_bins; k++)
        {
          double hz = (double) k * self->sample_rate / self->fft_size;
          double weight = 0;

          if (hz > left && hz <= centre)
            weight = (hz - left) / (centre - left);
          else if (hz > centre && hz < right)
            weight = (right - hz) / (right - centre);
          if (weight > 0)
            {
              w[k] = weight;
              self->filter_lo[b] = MIN (self->filter_lo[b], k);
              self->filter_hi[b] = k;
            }
        }
      /* a band narrower than a bin still takes the nearest bin, so that
       * no band is always empty at low sample rates */
      if (self->filter_lo[b] == n_bins)
        {
          guint k = (guint) round (centre * self->fft_size / self->sample_rate);
          k = MIN (k, n_bins - 1);
          w[k] = 1;
          self->filter_lo[b] = self->filter_hi[b] = k;
        }
    }
}

/**
 * tl_mfcc_new:
 * @sample_rate: of the samples that will be pushed, at least 16000 Hz
 *
 * Returns: (transfer full): an extractor for one stream of audio
 */
TlMfcc *
tl_mfcc_new (guint sample_rate)
{
  TlMfcc *self;

  g_return_val_if_fail (sample_rate >= 8000, NULL);

  self = g_new0 (TlMfcc, 1);
  self->sample_rate = sample_rate;
  self->window = (guint) lround (sample_rate * 0.025);
  self->hop = sample_rate / 100.0;
  self->fft_size = 1;
  while (self->fft_size < self->window)
    self->fft_size *= 2;

  self->hamming = g_new (float, self->window);
  for (guint i = 0; i < self->window; i++)
    self->hamming[i] = 0.54f - 0.46f * cosf (2.0f * G_PI * i / (self->window - 1));
  make_filters (self);
  for (guint c = 0; c < TL_MFCC_N_COEFFS; c++)
    for (guint b = 0; b < TL_MFCC_N_BANDS; b++)
      self->dct[c][b] = (float) (cos (G_PI * c * (b + 0.5) / TL_MFCC_N_BANDS)
                                 * sqrt ((c == 0 ? 1.0 : 2.0) / TL_MFCC_N_BANDS));

  self->fft_in = fftwf_malloc (sizeof (float) * self->fft_size);
  self->fft_out = fftwf_malloc (sizeof (fftwf_complex) * (self->fft_size / 2 + 1));
  g_mutex_lock (&planner_lock);
  self->plan = fftwf_plan_dft_r2c_1d (self->fft_size, self->fft_in, self->fft_out, FFTW_ESTIMATE);
  g_mutex_unlock (&planner_lock);

  self->pending = g_array_sized_new (FALSE, FALSE, sizeof (float), self->window * 4);
  self->cepstra = g_array_new (FALSE, FALSE, sizeof (float));
  self->energy = g_array_new (FALSE, FALSE, sizeof (float));
  self->rand_state = 0x2545F491;
  return self;
}

void
tl_mfcc_free (TlMfcc *self)
{
  if (self == NULL)
    return;
  g_mutex_lock (&planner_lock);
  fftwf_destroy_plan (self->plan);
  g_mutex_unlock (&planner_lock);
  fftwf_free (self->fft_in);
  fftwf_free (self->fft_out);
  g_free (self->hamming);
  g_free (self->filters);
  g_free (self->filter_lo);
  g_free (self->filter_hi);
  g_array_unref (self->pending);
  if (self->cepstra)
    g_array_unref (self->cepstra);
  if (self->energy)
    g_array_unref (self->energy);
  g_free (self);
}

guint
tl_mfcc_get_sample_rate (TlMfcc *self)
{
  return self->sample_rate;
}

guint
tl_mfcc_get_window_length (TlMfcc *self)
{
  return self->window;
}

double
tl_mfcc_get_band_centre (TlMfcc *self, guint band)
{
  g_return_val_if_fail (band < TL_MFCC_N_BANDS, 0);
  return self->band_centre[band];
}

static inline float
dither (TlMfcc *self)
{
  /* xorshift32: deterministic, so the same input gives the same features */
  guint32 x = self->rand_state;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  self->rand_state = x;
  return DITHER * ((float) x / 4294967296.0f - 0.5f) * 2.0f;
}

void
tl_mfcc_compute_bands (TlMfcc *self, const float *window, float bands[TL_MFCC_N_BANDS])
{
  guint n_bins = self->fft_size / 2 + 1;
  float prev = window[0];

  for (guint i = 0; i < self->window; i++)
    {
      float x = window[i] + dither (self);
      self->fft_in[i] = (x - PRE_EMPHASIS * prev) * self->hamming[i];
      prev = x;
    }
  memset (self->fft_in + self->window, 0, sizeof (float) * (self->fft_size - self->window));
  fftwf_execute (self->plan);
  for (guint b = 0; b < TL_MFCC_N_BANDS; b++)
    {
      const float *w = self->filters + (gsize) b * n_bins;
      double sum = 0;

      for (guint k = self->filter_lo[b]; k <= self->filter_hi[b]; k++)
        sum += w[k] * ((double) self->fft_out[k][0] * self->fft_out[k][0]
                       + (double) self->fft_out[k][1] * self->fft_out[k][1]);
      bands[b] = (float) log (sum + 1e-12);
    }
}

static void
compute_frame (TlMfcc *self, const float *window)
{
  float bands[TL_MFCC_N_BANDS];
  float cepstrum[TL_MFCC_N_COEFFS];
  double power = 0;
  float energy;

  for (guint i = 0; i < self->window; i++)
    power += (double) window[i] * window[i];
  energy = (float) (10.0 * log10 (power / self->window + 1e-12));

  tl_mfcc_compute_bands (self, window, bands);
  for (guint c = 0; c < TL_MFCC_N_COEFFS; c++)
    {
      float sum = 0;
      for (guint b = 0; b < TL_MFCC_N_BANDS; b++)
        sum += self->dct[c][b] * bands[b];
      cepstrum[c] = sum;
    }
  g_array_append_vals (self->cepstra, cepstrum, TL_MFCC_N_COEFFS);
  g_array_append_val (self->energy, energy);
  self->next_frame++;
}

static inline guint64
frame_start (TlMfcc *self, guint64 frame)
{
  return (guint64) llround (frame * self->hop);
}

/* Computes every frame whose window is complete, then forgets the samples
 * no later frame needs. */
static void
drain (TlMfcc *self)
{
  guint64 start;

  while ((start = frame_start (self, self->next_frame)) + self->window <= self->n_samples)
    compute_frame (self, &g_array_index (self->pending, float, start - self->pending_start));
  start = MIN (start, self->n_samples);
  if (start > self->pending_start)
    {
      g_array_remove_range (self->pending, 0, start - self->pending_start);
      self->pending_start = start;
    }
}

/* Samples in [-1, 1] at the extractor's sample rate. */
void
tl_mfcc_push (TlMfcc *self, const float *samples, gsize n_samples)
{
  g_return_if_fail (self->cepstra != NULL);
  g_array_append_vals (self->pending, samples, n_samples);
  self->n_samples += n_samples;
  drain (self);
}

void
tl_mfcc_push_s16 (TlMfcc *self, const gint16 *samples, gsize n_samples)
{
  float block[1024];

  while (n_samples > 0)
    {
      gsize n = MIN (n_samples, G_N_ELEMENTS (block));
      for (gsize i = 0; i < n; i++)
        block[i] = samples[i] / 32768.0f;
      tl_mfcc_push (self, block, n);
      samples += n;
      n_samples -= n;
    }
}

void
tl_mfcc_push_silence (TlMfcc *self, gsize n_samples)
{
  float block[1024] = { 0 };

  while (n_samples > 0)
    {
      gsize n = MIN (n_samples, G_N_ELEMENTS (block));
      tl_mfcc_push (self, block, n);
      n_samples -= n;
    }
}

guint64
tl_mfcc_get_n_samples (TlMfcc *self)
{
  return self->n_samples;
}

guint
tl_mfcc_get_n_frames (TlMfcc *self)
{
  return self->next_frame;
}

/**
 * tl_mfcc_finish:
 *
 * Ends the stream: the last frames are padded with silence, every frame
 * has the stream's mean cepstrum taken off (which removes the channel:
 * microphone, room, codec) and is scaled to unit length. The extractor
 * takes no more samples afterwards.
 *
 * Returns: (transfer full): one frame per 10 ms of audio pushed
 */
TlFeatures *
tl_mfcc_finish (TlMfcc *self)
{
  g_autoptr(GArray) cepstra = NULL;
  g_autoptr(GArray) energy = NULL;
  TlFeatures *features;
  double mean[TL_MFCC_N_COEFFS] = { 0 };
  guint n;

  g_return_val_if_fail (self->cepstra != NULL, NULL);

  /* frames that start inside the stream but run past its end */
  while (frame_start (self, self->next_frame) < self->n_samples)
    {
      guint64 start = frame_start (self, self->next_frame);
      guint have = self->n_samples - start;
      g_autofree float *window = g_new0 (float, self->window);
      memcpy (window, &g_array_index (self->pending, float, start - self->pending_start), have * sizeof (float));
      compute_frame (self, window);
    }
  g_array_set_size (self->pending, 0);

  cepstra = g_steal_pointer (&self->cepstra);
  energy = g_steal_pointer (&self->energy);
  n = energy->len;
  features = tl_features_new (n, TL_MFCC_N_COEFFS);
  if (n == 0)
    return features;

  for (guint i = 0; i < n; i++)
    for (guint c = 0; c < TL_MFCC_N_COEFFS; c++)
      mean[c] += g_array_index (cepstra, float, (gsize) i * TL_MFCC_N_COEFFS + c);
  for (guint c = 0; c < TL_MFCC_N_COEFFS; c++)
    mean[c] /= n;
  for (guint i = 0; i < n; i++)
    {
      const float *in = &g_array_index (cepstra, float, (gsize) i * TL_MFCC_N_COEFFS);
      float *out = features->vectors + (gsize) i * TL_MFCC_N_COEFFS;
      double norm = 0;

      for (guint c = 0; c < TL_MFCC_N_COEFFS; c++)
        {
          out[c] = (float) (in[c] - mean[c]);
          norm += (double) out[c] * out[c];
        }
      norm = sqrt (norm);
      for (guint c = 0; c < TL_MFCC_N_COEFFS; c++)
        out[c] = norm > 1e-9 ? (float) (out[c] / norm) : (c == 0 ? 1.0f : 0.0f);
    }
  memcpy (features->energy, energy->data, n * sizeof (float));
  return features;
}
