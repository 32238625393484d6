/* test-align.c: the energy VAD and its snapping, and line times from
 * features built by hand: a known recording made of the reference's
 * frames with other pauses, anchors kept, unsaid lines flagged. */
#include <string.h>

#include "tl-align.h"
#include "tl-text-words.h"
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

/* Features for one line of words of the given lengths, with silence of
 * the given lengths before each; a word's frames follow one pattern
 * stretched over its length, so that a slower reading still matches. */
static TlFeatures *
make_word_features (guint n_frames, const guint *lengths, const guint *gaps, guint n_words, guint *starts)
{
  TlFeatures *f = tl_features_new (n_frames, DIM);
  guint at = 0;

  for (guint i = 0; i < n_frames; i++)
    {
      f->vectors[i * DIM] = -1;
      f->energy[i] = -70;
    }
  for (guint w = 0; w < n_words; w++)
    {
      at += gaps[w];
      starts[w] = at;
      for (guint i = 0; i < lengths[w]; i++)
        {
          float *v = f->vectors + (at + i) * DIM;
          guint phase = i * 6 / lengths[w]; /* six "sounds" per word */
          memset (v, 0, sizeof (float) * DIM);
          v[1 + (w * 2 + phase) % (DIM - 1)] = 0.8f;
          v[1 + (w * 3 + phase * 2 + 1) % (DIM - 1)] = 0.6f;
          f->energy[at + i] = -15;
        }
      at += lengths[w];
    }
  g_assert_cmpuint (at, <=, n_frames);
  return f;
}

static void
test_words_known (void)
{
  /* the reading: four words straight on; the recording says them at
   * other paces, with a pause before the third; "[laughs]" is not read */
  static const guint ref_len[] = { 30, 24, 36, 30 }, ref_gap[] = { 50, 0, 0, 0 };
  static const guint rec_len[] = { 45, 20, 30, 50 }, rec_gap[] = { 80, 0, 30, 0 };
  guint ref_at[4], rec_at[4];
  g_autoptr(TlFeatures) ref = make_word_features (250, ref_len, ref_gap, 4, ref_at);
  g_autoptr(TlFeatures) rec = make_word_features (350, rec_len, rec_gap, 4, rec_at);
  TlAlignWord words[5];
  TlAlignLine line = { 0 };
  g_autoptr(GError) error = NULL;

  /* words 0, 1, [laughs], 2, 3 */
  for (guint w = 0, i = 0; i < 5; i++)
    words[i].ref_start = i == 2 ? TL_TIME_NONE : tl_features_frame_time (ref_at[w++]);
  line.ref_start = words[0].ref_start;
  line.ref_end = tl_features_frame_time (ref_at[3] + ref_len[3]);
  line.words = words;
  line.n_words = 5;
  g_assert_true (tl_align_lines (rec, ref, &line, 1, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (words[0].start, ==, line.start);
  g_assert_cmpint (ABS (line.start - tl_features_frame_time (rec_at[0])), <=, 40000);
  for (guint w = 0, i = 0; i < 5; i++)
    {
      if (i == 2)
        {
          /* nothing read: no time, right after the word before */
          g_assert_cmpint (words[i].start, ==, words[i].end);
          g_assert_cmpint (words[i].start, ==, words[1].end);
          continue;
        }
      g_assert_cmpint (ABS (words[i].start - tl_features_frame_time (rec_at[w])), <=, 40000);
      g_assert_cmpint (words[i].end, >=, words[i].start);
      w++;
    }
  /* the pause before the third word is no part of the second */
  g_assert_cmpint (ABS (words[1].end - tl_features_frame_time (rec_at[1] + rec_len[1])), <=, 30000);
  g_assert_cmpint (words[4].end, ==, line.end);
}

static void
test_split_words (void)
{
  const char *text = "  [crowd cheering] Thank you, \u266A so-called\tU.S. [laughs]!  ";
  g_autoptr(GArray) words = tl_text_split_words (text);
  g_autofree char *reading = tl_text_words_reading (text, words);
  static const char *const expected[] = { "[crowd", "cheering]", "Thank", "you,", "\u266A", "so-called", "U.S.", "[laughs]!" };
  static const gboolean speakable[] = { FALSE, FALSE, TRUE, TRUE, FALSE, TRUE, TRUE, FALSE };
  static const guint at[] = { G_MAXUINT, G_MAXUINT, 0, 6, G_MAXUINT, 11, 21, G_MAXUINT };

  g_assert_cmpuint (words->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < words->len; i++)
    {
      const TlTextWord *w = &g_array_index (words, TlTextWord, i);
      g_autofree char *got = g_strndup (text + w->offset, w->length);
      g_assert_cmpstr (got, ==, expected[i]);
      g_assert_cmpint (w->speakable, ==, speakable[i]);
      g_assert_cmpuint (w->reading, ==, at[i]);
    }
  g_assert_cmpstr (reading, ==, "Thank you, so-called U.S. !");

  g_clear_pointer (&words, g_array_unref);
  words = tl_text_split_words ("[Music] \u266A\u266A");
  g_assert_cmpuint (words->len, ==, 2);
  g_assert_null (tl_text_words_reading ("[Music] \u266A\u266A", words));
  g_clear_pointer (&words, g_array_unref);
  words = tl_text_split_words ("");
  g_assert_cmpuint (words->len, ==, 0);
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
  g_test_add_func ("/core/align/words-known", test_words_known);
  g_test_add_func ("/core/align/split-words", test_split_words);
  return g_test_run ();
}
