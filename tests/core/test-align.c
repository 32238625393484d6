/* test-align.c: the energy VAD and its snapping, and line times from
 * features built by hand: a known recording made of the reference's
 * frames with other pauses, anchors kept, unsaid lines flagged. */
#include <string.h>

#include "tl-align.h"
#include "tl-types.h"

#define DIM 6

static void
set_speech (float *energy, guint from, guint to)
{
  for (guint i = from; i < to; i++)
    energy[i] = -10;
}

static void
test_vad_snap (void)
{
  float energy[400];
  g_autoptr(TlVad) vad = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (energy); i++)
    energy[i] = -60.0f + (float) (i % 3); /* a noise floor */
  set_speech (energy, 50, 150);
  set_speech (energy, 155, 160); /* after a 50 ms closure: still the same speech */
  set_speech (energy, 200, 300);
  energy[350] = -10;             /* a click: not speech */
  vad = tl_vad_new (energy, G_N_ELEMENTS (energy));

  g_assert_true (vad->speech[60] && !vad->speech[20] && !vad->speech[180]);
  g_assert_true (vad->speech[152]);
  g_assert_false (vad->speech[350]);
  /* a start inside a pause moves to the pause's end */
  g_assert_cmpuint (tl_vad_snap_start (vad, 20, 400), ==, 50);
  g_assert_cmpuint (tl_vad_snap_start (vad, 170, 400), ==, 200);
  /* a start in speech stays */
  g_assert_cmpuint (tl_vad_snap_start (vad, 100, 400), ==, 100);
  /* not past the limit: no speech before it, no move */
  g_assert_cmpuint (tl_vad_snap_start (vad, 170, 190), ==, 170);
  g_assert_cmpuint (tl_vad_snap_start (vad, 320, 400), ==, 320);
  /* an end inside a pause moves back to where the speech stopped */
  g_assert_cmpuint (tl_vad_snap_end (vad, 185, 0), ==, 160);
  g_assert_cmpuint (tl_vad_snap_end (vad, 120, 0), ==, 120);
}

/* A "word": a few frames along one direction, distinct per line and word. */
static void
put_word (float *v, guint frame, guint n, guint line, guint word)
{
  for (guint i = 0; i < n; i++)
    {
      float *f = v + (frame + i) * DIM;
      memset (f, 0, sizeof (float) * DIM);
      f[1 + (line * 2 + word + i / 4) % (DIM - 1)] = 0.8f;
      f[1 + (line * 3 + word * 2 + i / 3 + 1) % (DIM - 1)] = 0.6f;
    }
}

typedef struct {
  guint start;   /* frame of the line's first word */
  gboolean said;
} Placed;

/* Features for lines of two 30-frame words each at the given frames;
 * everything else is silence (c0 only, low energy). */
static TlFeatures *
make_features (guint n_frames, const Placed *lines, guint n_lines)
{
  TlFeatures *f = tl_features_new (n_frames, DIM);

  for (guint i = 0; i < n_frames; i++)
    {
      f->vectors[i * DIM] = -1;
      f->energy[i] = -70;
    }
  for (guint k = 0; k < n_lines; k++)
    if (lines[k].said)
      for (guint w = 0; w < 2; w++)
        {
          put_word (f->vectors, lines[k].start + w * 30, 30, k, w);
          for (guint i = 0; i < 30; i++)
            f->energy[lines[k].start + w * 30 + i] = -15;
        }
  return f;
}

static void
run (const Placed *rec_lines, const Placed *ref_lines, TlAlignLine *lines, guint n, guint n_rec, guint n_ref)
{
  g_autoptr(TlFeatures) rec = make_features (n_rec, rec_lines, n);
  g_autoptr(TlFeatures) ref = make_features (n_ref, ref_lines, n);
  g_autoptr(GError) error = NULL;

  for (guint k = 0; k < n; k++)
    {
      /* the reading's first word is where its sound starts */
      lines[k].ref_start = tl_features_frame_time (ref_lines[k].start);
      lines[k].ref_end = tl_features_frame_time (ref_lines[k].start + 60);
    }
  g_assert_true (tl_align_lines (rec, ref, lines, n, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_lines_known (void)
{
  /* reference: lines 50 frames apart; recording: other pauses */
  static const Placed ref[] = { { 50, TRUE }, { 160, TRUE }, { 270, TRUE }, { 380, TRUE } };
  static const Placed rec[] = { { 120, TRUE }, { 200, TRUE }, { 400, TRUE }, { 470, TRUE } };
  TlAlignLine lines[4] = { 0 };

  run (rec, ref, lines, 4, 600, 490);
  for (guint k = 0; k < 4; k++)
    {
      g_assert_cmpint (lines[k].start, ==, tl_features_frame_time (rec[k].start));
      g_assert_cmpint (lines[k].end, >=, tl_features_frame_time (rec[k].start + 58));
      g_assert_cmpint (lines[k].end, <=, tl_features_frame_time (rec[k].start + 62));
      g_assert_cmpfloat (lines[k].confidence, >, 0.9);
      g_assert_cmpint (lines[k].flag, ==, TL_ALIGN_FLAG_NONE);
    }
}

static void
test_unsaid_flagged (void)
{
  /* line 2 is in the transcript but never said */
  static const Placed ref[] = { { 50, TRUE }, { 160, TRUE }, { 270, TRUE }, { 380, TRUE } };
  static const Placed rec[] = { { 60, TRUE }, { 170, TRUE }, { 0, FALSE }, { 300, TRUE } };
  TlAlignLine lines[4] = { 0 };

  run (rec, ref, lines, 4, 420, 490);
  g_assert_cmpint (lines[2].flag, ==, TL_ALIGN_FLAG_UNSPOKEN);
  g_assert_cmpfloat (lines[2].confidence, <=, 0.1);
  for (guint k = 0; k < 4; k++)
    if (k != 2)
      {
        g_assert_cmpint (lines[k].flag, ==, TL_ALIGN_FLAG_NONE);
        g_assert_cmpint (ABS (lines[k].start - tl_features_frame_time (rec[k].start)), <=, 20000);
      }
  /* times stay in order */
  for (guint k = 1; k < 4; k++)
    g_assert_cmpint (lines[k].start, >=, lines[k - 1].start);
}

static void
test_anchor_kept (void)
{
  static const Placed ref[] = { { 50, TRUE }, { 160, TRUE }, { 270, TRUE }, { 380, TRUE } };
  static const Placed rec[] = { { 120, TRUE }, { 200, TRUE }, { 400, TRUE }, { 470, TRUE } };
  TlAlignLine lines[4] = { 0 };
  /* an editor put line 2 a little early, by hand: it stays there */
  const gint64 start = tl_features_frame_time (395) + 1234, end = tl_features_frame_time (461);

  lines[2].anchor = TRUE;
  lines[2].start = start;
  lines[2].end = end;
  run (rec, ref, lines, 4, 600, 490);
  g_assert_cmpint (lines[2].start, ==, start);
  g_assert_cmpint (lines[2].end, ==, end);
  g_assert_cmpint (lines[2].flag, ==, TL_ALIGN_FLAG_NONE);
  for (guint k = 0; k < 4; k++)
    if (k != 2)
      g_assert_cmpint (ABS (lines[k].start - tl_features_frame_time (rec[k].start)), <=, 20000);
}

static void
test_nothing_to_read (void)
{
  /* line 1 is [Music]: it sits between its neighbours */
  static const Placed ref[] = { { 50, TRUE }, { 0, FALSE }, { 160, TRUE } };
  static const Placed rec[] = { { 100, TRUE }, { 0, FALSE }, { 300, TRUE } };
  TlAlignLine lines[3] = { 0 };
  g_autoptr(TlFeatures) rec_f = make_features (400, rec, 3);
  g_autoptr(TlFeatures) ref_f = make_features (260, ref, 3);

  for (guint k = 0; k < 3; k++)
    {
      lines[k].ref_start = ref[k].said ? tl_features_frame_time (ref[k].start) : TL_TIME_NONE;
      lines[k].ref_end = ref[k].said ? tl_features_frame_time (ref[k].start + 60) : TL_TIME_NONE;
    }
  g_assert_true (tl_align_lines (rec_f, ref_f, lines, 3, NULL, NULL, NULL, NULL));
  g_assert_cmpfloat (lines[1].confidence, <, 0);
  g_assert_cmpint (lines[1].start, >=, lines[0].end);
  g_assert_cmpint (lines[1].end, ==, lines[2].start);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/align/vad-snap", test_vad_snap);
  g_test_add_func ("/core/align/lines-known", test_lines_known);
  g_test_add_func ("/core/align/unsaid-flagged", test_unsaid_flagged);
  g_test_add_func ("/core/align/anchor-kept", test_anchor_kept);
  g_test_add_func ("/core/align/nothing-to-read", test_nothing_to_read);
  return g_test_run ();
}
