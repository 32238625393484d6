/* test-mfcc.c: the filter bank puts a tone's energy in the band around its
 * frequency, frames come every 10 ms whatever the block sizes pushed, and
 * energies are in dB of full scale. */
#include <math.h>

#include "tl-mfcc.h"

static float *
sine (guint rate, double hz, double amplitude, gsize n)
{
  float *out = g_new (float, n);

  for (gsize i = 0; i < n; i++)
    out[i] = (float) (amplitude * sin (2 * G_PI * hz * i / rate));
  return out;
}

static void
check_tone_band (guint rate, double hz)
{
  g_autoptr(TlMfcc) mfcc = tl_mfcc_new (rate);
  g_autofree float *window = sine (rate, hz, 0.5, tl_mfcc_get_window_length (mfcc));
  float bands[TL_MFCC_N_BANDS];
  guint loudest = 0, nearest = 0;

  tl_mfcc_compute_bands (mfcc, window, bands);
  for (guint b = 0; b < TL_MFCC_N_BANDS; b++)
    {
      if (bands[b] > bands[loudest])
        loudest = b;
      if (fabs (tl_mfcc_get_band_centre (mfcc, b) - hz) < fabs (tl_mfcc_get_band_centre (mfcc, nearest) - hz))
        nearest = b;
    }
  g_assert_cmpuint (loudest, ==, nearest);
  /* and far above bands an octave away */
  for (guint b = 0; b < TL_MFCC_N_BANDS; b++)
    if (tl_mfcc_get_band_centre (mfcc, b) < hz / 2 || tl_mfcc_get_band_centre (mfcc, b) > hz * 2)
      g_assert_cmpfloat (bands[loudest] - bands[b], >, 3.0);
}

static void
test_tone_band (void)
{
  check_tone_band (16000, 1000);
  check_tone_band (16000, 300);
  check_tone_band (16000, 4000);
  /* the synthesizer's rate: the same bands, so the features compare */
  check_tone_band (22050, 1000);
  check_tone_band (22050, 4000);
}

static void
test_frames_and_blocks (void)
{
  const gsize n = 16000;
  g_autofree float *tone = sine (16000, 440, 0.5, n);
  g_autoptr(TlMfcc) whole = tl_mfcc_new (16000);
  g_autoptr(TlMfcc) pieces = tl_mfcc_new (16000);
  g_autoptr(TlFeatures) a = NULL;
  g_autoptr(TlFeatures) b = NULL;
  gsize done = 0;
  guint size = 1;

  tl_mfcc_push (whole, tone, n);
  /* odd block sizes, from one sample up */
  while (done < n)
    {
      gsize k = MIN (size, n - done);
      tl_mfcc_push (pieces, tone + done, k);
      done += k;
      size = size * 3 + 1;
    }
  a = tl_mfcc_finish (whole);
  b = tl_mfcc_finish (pieces);
  /* one frame per 10 ms */
  g_assert_cmpuint (a->n_frames, ==, 100);
  g_assert_cmpuint (b->n_frames, ==, a->n_frames);
  g_assert_cmpuint (a->dim, ==, TL_MFCC_N_COEFFS);
  for (guint i = 0; i < a->n_frames * a->dim; i++)
    g_assert_cmpfloat_with_epsilon (a->vectors[i], b->vectors[i], 1e-5);
  /* a sine of amplitude 0.5 has a mean square of 1/8: -9 dB */
  g_assert_cmpfloat_with_epsilon (a->energy[50], 10 * log10 (0.125), 0.1);
}

static void
test_unit_length_and_silence (void)
{
  g_autoptr(TlMfcc) mfcc = tl_mfcc_new (22050);
  g_autofree float *tone = sine (22050, 700, 0.3, 22050);
  g_autoptr(TlFeatures) f = NULL;

  tl_mfcc_push_silence (mfcc, 11025);
  tl_mfcc_push (mfcc, tone, 22050);
  f = tl_mfcc_finish (mfcc);
  /* 1.5 s at 220.5 samples a frame */
  g_assert_cmpuint (f->n_frames, ==, 150);
  for (guint i = 0; i < f->n_frames; i++)
    {
      double norm = 0;
      for (guint c = 0; c < f->dim; c++)
        norm += f->vectors[i * f->dim + c] * f->vectors[i * f->dim + c];
      g_assert_cmpfloat_with_epsilon (norm, 1.0, 1e-4);
    }
  /* digital silence is quiet, not -inf: the dither keeps it finite */
  g_assert_cmpfloat (f->energy[10], <, -70);
  g_assert_true (isfinite (f->energy[10]));
  g_assert_cmpfloat (f->energy[100], >, -15);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/mfcc/tone-band", test_tone_band);
  g_test_add_func ("/core/mfcc/frames-and-blocks", test_frames_and_blocks);
  g_test_add_func ("/core/mfcc/unit-length-and-silence", test_unit_length_and_silence);
  return g_test_run ();
}
