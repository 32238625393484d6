/* test-player.c: the playback engine on media made here (VP8/WebM,
 * Theora/Ogg, 29.97 fps, audio only, cut short): exact seeks, speeds,
 * loops, frame steps and the errors an editor sees. Headless: frames go
 * to the player's own sink, sound to "fakesink sync=true". */
#include <gst/gst.h>
#include <gst/video/video.h>
#include <string.h>

#include "tl-player-private.h"
#include "tl-probe.h"
#include "tl-test-media.h"
#include "tl-test-util.h"
#include "tl-types.h"

static char *dir;
static char *webm;     /* VP8 + Vorbis, 320x240, 25 fps, 6 s, a key frame every 2 s */
static char *ogg;      /* Theora + Vorbis, 25 fps, 6 s */
static char *ntsc;     /* VP8 + Vorbis at 30000/1001 */
static char *wav;      /* audio only */
static char *silent;   /* VP8 without sound */
static char *mov;      /* MJPEG in MOV at 30000/1001, times kept exactly: most frames start between two µs */
static char *tone;     /* 440 Hz, 10 s */

typedef struct {
  TlPlayer *player;
  GArray *positions;   /* gint64, every notify::position */
  GArray *frames;      /* gint64, the PTS of every new frame */
  gint64 frame_end;    /* of the last one */
  int frame_width;
  int frame_height;
  guint n_frames;
  gboolean eos;
  GError *error;
  GError *warning;
} Fixture;

static void
on_position (TlPlayer *player, GParamSpec *pspec, Fixture *f)
{
  gint64 position = tl_player_get_position (player);

  g_array_append_val (f->positions, position);
}

static void
on_new_frame (TlPlayer *player, GstSample *sample, Fixture *f)
{
  GstVideoInfo info;
  gint64 pts = GST_BUFFER_PTS (gst_sample_get_buffer (sample)) / GST_USECOND;

  g_assert_true (gst_video_info_from_caps (&info, gst_sample_get_caps (sample)));
  g_assert_cmpint (GST_VIDEO_INFO_FORMAT (&info), ==, GST_VIDEO_FORMAT_BGRA);
  f->frame_end = pts + GST_BUFFER_DURATION (gst_sample_get_buffer (sample)) / GST_USECOND;
  f->frame_width = info.width;
  f->frame_height = info.height;
  f->n_frames++;
  g_array_append_val (f->frames, pts);
}

static void
on_error (TlPlayer *player, GError *error, Fixture *f)
{
  g_clear_error (&f->error);
  f->error = g_error_copy (error);
}

static void
on_warning (TlPlayer *player, GError *error, Fixture *f)
{
  g_clear_error (&f->warning);
  f->warning = g_error_copy (error);
}

static void
on_eos (TlPlayer *player, Fixture *f)
{
  f->eos = TRUE;
}

static void
use_player (Fixture *f, const char *audio_sink)
{
  g_clear_object (&f->player);
  f->player = tl_player_new (audio_sink);
  g_signal_connect (f->player, "notify::position", G_CALLBACK (on_position), f);
  g_signal_connect (f->player, "new-frame", G_CALLBACK (on_new_frame), f);
  g_signal_connect (f->player, "error", G_CALLBACK (on_error), f);
  g_signal_connect (f->player, "warning", G_CALLBACK (on_warning), f);
  g_signal_connect (f->player, "end-of-stream", G_CALLBACK (on_eos), f);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->positions = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->frames = g_array_new (FALSE, FALSE, sizeof (gint64));
  use_player (f, "fakesink sync=true");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->player);
  g_array_unref (f->positions);
  g_array_unref (f->frames);
  g_clear_error (&f->error);
  g_clear_error (&f->warning);
}

/* Runs the main loop until @done says so; fails the test after @seconds. */
typedef gboolean (*Predicate) (Fixture *f);

static gboolean
timed_out (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for (Fixture *f, Predicate done, double seconds, const char *what)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add ((guint) (seconds * 1000), timed_out, &expired);

  while (!done (f) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (expired)
    g_error ("timed out waiting for %s", what);
  g_source_remove (id);
}

/* Runs the main loop for @seconds. */
static void
run_for (double seconds)
{
  gboolean expired = FALSE;

  g_timeout_add ((guint) (seconds * 1000), timed_out, &expired);
  while (!expired)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
is_ready (Fixture *f)
{
  TlPlayerState state = tl_player_get_state (f->player);

  return f->error != NULL
      || ((state == TL_PLAYER_STATE_PAUSED || state == TL_PLAYER_STATE_PLAYING) && !tl_player_is_busy (f->player));
}

static gboolean
has_error (Fixture *f)
{
  return f->error != NULL;
}

static gboolean
has_warning (Fixture *f)
{
  return f->warning != NULL;
}

static gboolean
reached_eos (Fixture *f)
{
  return f->eos;
}

static void
open_file (Fixture *f, const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tl_player_open_file (f->player, path, &error));
  g_assert_no_error (error);
  wait_for (f, is_ready, 10, "the source to load");
  g_assert_no_error (f->error);
}

static void
seek_and_wait (Fixture *f, gint64 target)
{
  tl_player_seek (f->player, target, TL_SEEK_ACCURATE);
  wait_for (f, is_ready, 10, "the seek");
  g_assert_no_error (f->error);
}

static gint64
last_frame (Fixture *f)
{
  g_assert_cmpuint (f->frames->len, >, 0);
  return g_array_index (f->frames, gint64, f->frames->len - 1);
}

static void
test_open (Fixture *f, gconstpointer data)
{
  int num, den;

  open_file (f, webm);
  g_assert_cmpint (tl_player_get_state (f->player), ==, TL_PLAYER_STATE_PAUSED);
  g_assert_true (tl_player_get_has_video (f->player));
  g_assert_true (tl_player_get_has_audio (f->player));
  g_assert_cmpint (ABS (tl_player_get_duration (f->player) - 6 * TL_USEC_PER_SEC), <, 50000);
  tl_player_get_framerate (f->player, &num, &den);
  g_assert_cmpint (num, ==, 25);
  g_assert_cmpint (den, ==, 1);
  g_assert_cmpint (tl_player_get_frame_duration (f->player), ==, 40000);
  /* the first frame is on screen, in its own size */
  g_assert_cmpuint (f->n_frames, ==, 1);
  g_assert_cmpint (f->frame_width, ==, 320);
  g_assert_cmpint (f->frame_height, ==, 240);
  g_assert_cmpint (tl_player_get_position (f->player), ==, 0);
  g_assert_cmpint (tl_player_get_frame_time (f->player), ==, 0);
  g_assert_null (f->warning);
}

/* The frame on screen is the first that starts at or after the target
 * (a line that starts inside a frame is shown from the next frame, never
 * from one of the line before), and the position is that frame's start. */
static void
assert_seeks_exact (Fixture *f, const char *path, int fps_num, int fps_den, int n_frames)
{
  /* before, on and after key frames, mid-GOP, backwards, near the end */
  static const gint64 targets[] = { 3000000, 1234567, 2000000, 1999999, 4480000, 500000, 5800000, 40000, 0, 2000001 };
  gint64 frame = gst_util_uint64_scale_int (TL_USEC_PER_SEC, fps_den, fps_num);
  gint64 last = gst_util_uint64_scale_int (TL_USEC_PER_SEC, (n_frames - 1) * fps_den, fps_num);
  gint64 shown;

  open_file (f, path);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      gint64 target = targets[i];

      seek_and_wait (f, target);
      shown = tl_player_get_frame_time (f->player);
      g_assert_cmpint (shown, >=, target);
      /* the first such frame: WebM keeps whole milliseconds, so that at
       * 29.97 fps frames are up to 0.5 ms off their true times */
      g_assert_cmpint (shown - target, <, frame + 500);
      /* handed to the screen whole, not clipped to the target */
      g_assert_cmpint (last_frame (f), ==, shown);
      g_assert_cmpint (tl_player_get_position (f->player), ==, shown);
    }
  /* inside the last frame: no frame starts after it, so that one */
  seek_and_wait (f, last + frame / 2);
  shown = tl_player_get_frame_time (f->player);
  g_assert_cmpint (ABS (shown - last), <=, 500);
  g_assert_cmpint (tl_player_get_position (f->player), ==, shown);
}

static void
test_seek_webm (Fixture *f, gconstpointer data)
{
  assert_seeks_exact (f, webm, 25, 1, 150);
}

static void
test_seek_ogg (Fixture *f, gconstpointer data)
{
  assert_seeks_exact (f, ogg, 25, 1, 150);
}

static void
test_seek_ntsc (Fixture *f, gconstpointer data)
{
  int num, den;

  assert_seeks_exact (f, ntsc, 30000, 1001, 179);
  tl_player_get_framerate (f->player, &num, &den);
  g_assert_cmpint (num, ==, 30000);
  g_assert_cmpint (den, ==, 1001);
}

/* Seeks faster than the pipeline can serve them: the last one wins, and
 * most are never sent. */
static void
test_seek_coalesced (Fixture *f, gconstpointer data)
{
  TlPlayerStats stats;

  open_file (f, webm);
  for (int i = 0; i < 20; i++)
    tl_player_seek (f->player, 200000 + i * 230000, TL_SEEK_ACCURATE);
  wait_for (f, is_ready, 10, "the seeks");
  /* 4.57 s: the frame at 4.60 s, the first at or after it */
  g_assert_cmpint (tl_player_get_frame_time (f->player), ==, 4600000);
  g_assert_cmpint (tl_player_get_position (f->player), ==, 4600000);
  tl_player_get_stats (f->player, &stats);
  g_assert_cmpuint (stats.seeks_requested, ==, 20);
  g_assert_cmpuint (stats.seeks_issued, <=, 3);
}

/* Scrubbing shows key frames at once and the exact frame when it stops. */
static void
test_scrub (Fixture *f, gconstpointer data)
{
  open_file (f, webm);
  tl_player_seek (f->player, 2900000, TL_SEEK_SCRUB);
  tl_player_seek (f->player, 3300000, TL_SEEK_SCRUB);
  wait_for (f, is_ready, 10, "scrubbing to settle");
  g_assert_cmpint (tl_player_get_frame_time (f->player), ==, 3320000);
  g_assert_cmpint (tl_player_get_position (f->player), ==, 3320000);
}

static gboolean
position_past_3s (Fixture *f)
{
  return tl_player_get_position (f->player) > 3 * TL_USEC_PER_SEC || f->eos;
}

static gboolean
position_past_2s (Fixture *f)
{
  return tl_player_get_position (f->player) > 2 * TL_USEC_PER_SEC || f->eos;
}

static void
assert_monotonic (GArray *positions, guint from)
{
  for (guint i = from + 1; i < positions->len; i++)
    if (g_array_index (positions, gint64, i) < g_array_index (positions, gint64, i - 1))
      g_error ("the position went back from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT,
               g_array_index (positions, gint64, i - 1), g_array_index (positions, gint64, i));
}

/* Speed changes while playing never move the position back, and the
 * speed is the one asked for. */
static void
test_rate (Fixture *f, gconstpointer data)
{
  static const double rates[] = { 0.5, 2.0, 1.5, 0.25, 1.0 };
  gint64 before, after;
  gint64 started;

  open_file (f, webm);
  tl_player_play (f->player);
  run_for (0.3);
  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      tl_player_set_speed (f->player, rates[i]);
      g_assert_cmpfloat (tl_player_get_rate (f->player), ==, rates[i]);
      run_for (0.25);
    }
  g_assert_null (f->error);
  g_assert_cmpint (tl_player_get_state (f->player), ==, TL_PLAYER_STATE_PLAYING);
  assert_monotonic (f->positions, 0);

  /* 2x covers twice the media time (a loaded machine gets some slack) */
  tl_player_set_speed (f->player, 2.0);
  wait_for (f, is_ready, 10, "the speed change");
  before = tl_player_get_position (f->player);
  started = g_get_monotonic_time ();
  run_for (0.8);
  after = tl_player_get_position (f->player);
  g_assert_cmpfloat ((double) (after - before) / (g_get_monotonic_time () - started), >, 1.5);
  g_assert_cmpfloat ((double) (after - before) / (g_get_monotonic_time () - started), <, 2.3);
  assert_monotonic (f->positions, 0);
}

/* Speed changes on a sound without pictures: the position comes from the
 * pipeline, at least 20 times a second. */
static void
test_rate_audio (Fixture *f, gconstpointer data)
{
  guint n;

  open_file (f, wav);
  g_assert_false (tl_player_get_has_video (f->player));
  g_assert_true (tl_player_get_has_audio (f->player));
  tl_player_play (f->player);
  run_for (0.2);
  n = f->positions->len;
  run_for (1.0);
  g_assert_cmpuint (f->positions->len - n, >=, 20);
  tl_player_set_speed (f->player, 0.5);
  run_for (0.4);
  tl_player_set_speed (f->player, 2.0);
  run_for (0.4);
  assert_monotonic (f->positions, 0);
  g_assert_null (f->error);
}

typedef struct {
  Fixture *f;
  guint from;
  int wraps;
} LoopWatch;

static LoopWatch loop_watch;

static gboolean
wrapped_twice (Fixture *f)
{
  for (guint i = MAX (loop_watch.from + 1, 1); i < f->positions->len; i++)
    if (g_array_index (f->positions, gint64, i) < g_array_index (f->positions, gint64, i - 1))
      {
        loop_watch.wraps++;
        loop_watch.from = i;
      }
  loop_watch.from = MAX (loop_watch.from, f->positions->len ? f->positions->len - 1 : 0);
  return loop_watch.wraps >= 2 || f->eos;
}

/* Opens @path with a loop from @in to @out, which must first seek to
 * @in, and plays until the loop has wrapped twice. Returns where in
 * f->positions the loop's playing starts. */
static guint
play_loop_twice (Fixture *f, const char *path, gint64 in, gint64 out)
{
  guint start;

  open_file (f, path);
  tl_player_set_loop (f->player, in, out);
  wait_for (f, is_ready, 10, "the loop seek");
  g_assert_cmpint (tl_player_get_position (f->player), ==, in);
  start = f->positions->len;
  loop_watch = (LoopWatch) { f, start, 0 };
  tl_player_play (f->player);
  wait_for (f, wrapped_twice, 10, "the loop to wrap twice");
  return start;
}

/* The loop goes back to its in point, again and again, and never plays
 * past its out point. */
static void
test_loop (Fixture *f, gconstpointer data)
{
  /* just after a key frame: each wrap decodes one frame before the in
   * point (how far a loop's in point lies from its key frame is measured
   * by bench-player, not here, where machines may be slow) */
  const gint64 in = 2040000, out = 2640000;
  guint start = play_loop_twice (f, webm, in, out);

  g_assert_false (f->eos);
  for (guint i = start; i < f->positions->len; i++)
    {
      gint64 p = g_array_index (f->positions, gint64, i);
      g_assert_cmpint (p, >=, in);
      g_assert_cmpint (p, <, out);
      /* each wrap lands on the in point's frame */
      if (i > start && p < g_array_index (f->positions, gint64, i - 1))
        g_assert_cmpint (p, ==, in);
    }

  /* cleared while it plays: playback goes on past the out point */
  tl_player_clear_loop (f->player);
  wait_for (f, position_past_3s, 10, "playback past the loop");
  g_assert_false (f->eos);
  g_assert_null (f->error);
}

/* Frames are counted at the real rate: WebM stores times in whole
 * milliseconds, so 29.97 fps frames are 33 or 34 ms apart. */
static gint64
frame_index (gint64 t, int fps_num, int fps_den)
{
  return (t * fps_num + (gint64) fps_den * 500000) / ((gint64) fps_den * 1000000);
}

/* A loop of five frames, set while playing: its end may come before the
 * seek that starts it has returned, and must be answered all the same. */
static void
test_loop_short (Fixture *f, gconstpointer data)
{
  const gint64 in = 4000000, out = 4200000;
  guint start;

  open_file (f, webm);
  tl_player_play (f->player);
  run_for (0.2);
  tl_player_set_loop (f->player, in, out);
  wait_for (f, is_ready, 10, "the loop seek");
  start = f->positions->len;
  loop_watch = (LoopWatch) { f, start, 0 };
  wait_for (f, wrapped_twice, 10, "the loop to wrap twice");
  for (guint i = start + 1; i < f->positions->len; i++)
    {
      gint64 p = g_array_index (f->positions, gint64, i);
      g_assert_cmpint (p, >=, in);
      g_assert_cmpint (p, <, out);
    }
  g_assert_false (f->eos);
}

/* A sound without pictures loops too (its seeks go up from the sound's
 * side of the pipeline). */
static void
test_loop_audio (Fixture *f, gconstpointer data)
{
  const gint64 in = 1000000, out = 1500000;
  guint start = play_loop_twice (f, wav, in, out);

  for (guint i = start; i < f->positions->len; i++)
    {
      gint64 p = g_array_index (f->positions, gint64, i);
      /* the pipeline's position, asked 25 times a second */
      g_assert_cmpint (p, >=, in);
      g_assert_cmpint (p, <=, out);
    }
  g_assert_false (f->eos);
}

/* Dropping the player while a loop restarts itself from a streaming
 * thread: stopping the pipeline must not wait on that thread's seek. */
static void
test_loop_dispose (Fixture *f, gconstpointer data)
{
  for (int i = 0; i < 6; i++)
    {
      g_autoptr(TlPlayer) player = tl_player_new ("fakesink sync=true");
      g_autoptr(GError) error = NULL;

      g_assert_true (tl_player_open_file (player, webm, &error));
      tl_player_set_loop (player, 4000000, 4080000 + i * 40000);
      if (i % 2)
        tl_player_play (player);
      run_for (0.1 + 0.05 * i);
    }
}

static void
assert_step (Fixture *f, int frames)
{
  gint64 before = tl_player_get_frame_time (f->player);
  int num, den;

  tl_player_step (f->player, frames);
  wait_for (f, is_ready, 10, "the step");
  tl_player_get_framerate (f->player, &num, &den);
  g_assert_cmpint (frame_index (tl_player_get_frame_time (f->player), num, den) - frame_index (before, num, den),
                   ==, frames);
  g_assert_cmpint (tl_player_get_position (f->player), ==, tl_player_get_frame_time (f->player));
  /* and that frame went to the screen (its start clipped to where a seek
   * went, when a step back was a seek) */
  g_assert_cmpint (last_frame (f), >=, tl_player_get_frame_time (f->player) - 1);
  g_assert_cmpint (last_frame (f), <, tl_player_get_frame_time (f->player) + tl_player_get_frame_duration (f->player));
  g_assert_cmpint (f->frame_end, >, last_frame (f));
}

static void
assert_steps (Fixture *f, const char *path)
{
  open_file (f, path);
  /* across the key frame at 2 s, both ways */
  seek_and_wait (f, 1960000);
  assert_step (f, 1);
  assert_step (f, 1);
  assert_step (f, -1);
  assert_step (f, -1);
  assert_step (f, -1);
  assert_step (f, 3);

  /* from playback: pause shows the frame that was on screen, steps go on from it */
  tl_player_play (f->player);
  run_for (0.3);
  tl_player_pause (f->player);
  wait_for (f, is_ready, 10, "the pause");
  g_assert_cmpint (tl_player_get_position (f->player), ==, tl_player_get_frame_time (f->player));
  assert_step (f, 1);
  assert_step (f, -1);

  /* and playing after steps starts from the frame on screen */
  {
    gint64 at = tl_player_get_frame_time (f->player);
    guint from = f->positions->len;
    tl_player_play (f->player);
    run_for (0.3);
    g_assert_cmpuint (f->positions->len, >, from);
    g_assert_cmpint (g_array_index (f->positions, gint64, from), >=, at);
    assert_monotonic (f->positions, from);
  }
}

/* Steps faster than the pipeline serves them (a held arrow key) all count,
 * whichever way they go. */
static void
test_step_rapid (Fixture *f, gconstpointer data)
{
  static const int sequences[][6] = {
    { 1, 1, -1, 1, 0 },      /* +2 */
    { -1, -1, -1, 0 },       /* -3 */
    { 1, -1, -1, 1, 1, 0 },  /* +1 */
    { 3, -2, 0 },            /* +1 */
  };
  static const int expected[] = { 2, -3, 1, 1 };

  open_file (f, webm);
  seek_and_wait (f, 3 * TL_USEC_PER_SEC);
  for (guint i = 0; i < G_N_ELEMENTS (sequences); i++)
    {
      gint64 before = tl_player_get_frame_time (f->player);
      for (guint k = 0; sequences[i][k] != 0; k++)
        tl_player_step (f->player, sequences[i][k]);
      wait_for (f, is_ready, 10, "the steps");
      g_assert_cmpint (tl_player_get_frame_time (f->player) - before, ==, expected[i] * 40000);
      g_assert_cmpint (tl_player_get_position (f->player), ==, tl_player_get_frame_time (f->player));
    }
}

static void
test_step (Fixture *f, gconstpointer data)
{
  assert_steps (f, webm);
}

static void
test_step_ntsc (Fixture *f, gconstpointer data)
{
  assert_steps (f, ntsc);
}

static void
test_play_to_end (Fixture *f, gconstpointer data)
{
  open_file (f, webm);
  seek_and_wait (f, 5500000);
  tl_player_play (f->player);
  wait_for (f, reached_eos, 10, "the end");
  g_assert_cmpint (tl_player_get_state (f->player), ==, TL_PLAYER_STATE_PAUSED);
  g_assert_cmpint (tl_player_get_position (f->player), >=, 5960000);
  /* a complete file says nothing at its end */
  run_for (0.1);
  g_assert_null (f->warning);
  g_assert_null (f->error);
  /* play at the end starts again */
  tl_player_play (f->player);
  wait_for (f, is_ready, 10, "playing again");
  run_for (0.2);
  g_assert_cmpint (tl_player_get_position (f->player), <, 1000000);
}

/* J plays backwards where the container allows it (WebM and Ogg here),
 * K stops, L plays forwards again, faster when pressed twice. */
static void
assert_shuttle (Fixture *f, const char *path)
{
  guint from;

  open_file (f, path);
  seek_and_wait (f, 4 * TL_USEC_PER_SEC);
  tl_player_shuttle (f->player, -1);
  g_assert_cmpfloat (tl_player_get_rate (f->player), ==, -1.0);
  wait_for (f, is_ready, 10, "playing backwards");
  from = f->positions->len;
  run_for (0.6);
  g_assert_null (f->error);
  g_assert_null (f->warning);
  g_assert_cmpuint (f->positions->len, >, from + 5);
  for (guint i = from + 1; i < f->positions->len; i++)
    g_assert_cmpint (g_array_index (f->positions, gint64, i), <=, g_array_index (f->positions, gint64, i - 1));
  g_assert_cmpint (tl_player_get_position (f->player), <, 3800000);

  tl_player_shuttle (f->player, 0);
  g_assert_cmpint (tl_player_get_state (f->player), ==, TL_PLAYER_STATE_PAUSED);
  tl_player_shuttle (f->player, 1);
  g_assert_cmpfloat (tl_player_get_rate (f->player), ==, 1.0);
  tl_player_shuttle (f->player, 1);
  g_assert_cmpfloat (tl_player_get_rate (f->player), ==, 2.0);
  g_assert_cmpint (tl_player_get_state (f->player), ==, TL_PLAYER_STATE_PLAYING);
  wait_for (f, is_ready, 10, "playing forwards");
  from = f->positions->len;
  run_for (0.4);
  assert_monotonic (f->positions, from);
  g_assert_null (f->error);
}

static void
test_shuttle_webm (Fixture *f, gconstpointer data)
{
  assert_shuttle (f, webm);
}

static void
test_shuttle_ogg (Fixture *f, gconstpointer data)
{
  assert_shuttle (f, ogg);
}

/* K stops and ends the shuttle: after L L K J J K, play goes forwards at
 * the speed the editor chose, whatever J/L did meanwhile (it used to play
 * backwards at 2×). */
static void
test_shuttle_then_play (Fixture *f, gconstpointer data)
{
  static const struct {
    int key;
    double rate;
    double shuttle;
  } keys[] = { { 1, 1.0, 1.0 }, { 1, 2.0, 2.0 }, { 0, 1.5, 0 }, { -1, -1.0, -1.0 }, { -1, -2.0, -2.0 }, { 0, 1.5, 0 } };
  gint64 before;
  guint from;

  open_file (f, webm);
  tl_player_set_speed (f->player, 1.5);
  seek_and_wait (f, 3 * TL_USEC_PER_SEC);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      tl_player_shuttle (f->player, keys[i].key);
      g_assert_cmpfloat (tl_player_get_rate (f->player), ==, keys[i].rate);
      g_assert_cmpfloat (tl_player_get_shuttle (f->player), ==, keys[i].shuttle);
      g_assert_cmpint (tl_player_get_state (f->player), ==,
                       keys[i].key ? TL_PLAYER_STATE_PLAYING : TL_PLAYER_STATE_PAUSED);
      run_for (0.2);
    }
  wait_for (f, is_ready, 10, "K");
  g_assert_cmpfloat (tl_player_get_speed (f->player), ==, 1.5);

  tl_player_toggle (f->player);
  g_assert_cmpfloat (tl_player_get_rate (f->player), ==, 1.5);
  wait_for (f, is_ready, 10, "playing");
  before = tl_player_get_position (f->player);
  from = f->positions->len;
  run_for (0.4);
  g_assert_cmpint (tl_player_get_state (f->player), ==, TL_PLAYER_STATE_PLAYING);
  g_assert_cmpint (tl_player_get_position (f->player), >, before);
  assert_monotonic (f->positions, from);
  g_assert_null (f->error);
  g_assert_null (f->warning);

  /* a speed picked while shuttling ends the shuttle; pausing does too */
  tl_player_shuttle (f->player, 1);
  tl_player_shuttle (f->player, 1);
  g_assert_cmpfloat (tl_player_get_shuttle (f->player), ==, 4.0);
  tl_player_set_speed (f->player, 0.75);
  g_assert_cmpfloat (tl_player_get_shuttle (f->player), ==, 0);
  g_assert_cmpfloat (tl_player_get_rate (f->player), ==, 0.75);
  tl_player_shuttle (f->player, -1);
  tl_player_toggle (f->player);
  g_assert_cmpfloat (tl_player_get_shuttle (f->player), ==, 0);
  g_assert_cmpfloat (tl_player_get_rate (f->player), ==, 0.75);
  wait_for (f, is_ready, 10, "the pause");
}

/* The rate the pictures play at, as the video sink's segment says */
static double
pipeline_rate (Fixture *f)
{
  g_autoptr(GstQuery) query = gst_query_new_segment (GST_FORMAT_TIME);
  double rate = 0;

  g_assert_true (gst_element_query (f->player->appsink, query));
  gst_query_parse_segment (query, &rate, NULL, NULL, NULL);
  return rate;
}

static gboolean
position_before_4s (Fixture *f)
{
  return tl_player_get_position (f->player) < 4 * TL_USEC_PER_SEC || f->eos;
}

/* J and L go up to 4× both ways (pressed three times, a fourth changes
 * nothing), and back down to 1× in the other direction. */
static void
test_shuttle_4x (Fixture *f, gconstpointer data)
{
  guint from;

  open_file (f, webm);
  seek_and_wait (f, 5 * TL_USEC_PER_SEC);
  for (int i = 0; i < 4; i++)
    tl_player_shuttle (f->player, -1);
  g_assert_cmpfloat (tl_player_get_rate (f->player), ==, -4.0);
  wait_for (f, is_ready, 10, "playing backwards at 4×");
  g_assert_cmpfloat (pipeline_rate (f), ==, -4.0);
  from = f->positions->len;
  wait_for (f, position_before_4s, 10, "a second back");
  g_assert_false (f->eos);
  g_assert_null (f->error);
  g_assert_null (f->warning);
  g_assert_cmpuint (f->positions->len, >, from + 2);
  for (guint i = from + 1; i < f->positions->len; i++)
    g_assert_cmpint (g_array_index (f->positions, gint64, i), <=, g_array_index (f->positions, gint64, i - 1));

  tl_player_shuttle (f->player, 1);
  g_assert_cmpfloat (tl_player_get_rate (f->player), ==, 1.0);
  tl_player_shuttle (f->player, 1);
  tl_player_shuttle (f->player, 1);
  g_assert_cmpfloat (tl_player_get_rate (f->player), ==, 4.0);
  wait_for (f, is_ready, 10, "playing forwards at 4×");
  g_assert_cmpfloat (pipeline_rate (f), ==, 4.0);
  from = f->positions->len;
  run_for (0.3);
  assert_monotonic (f->positions, from);
  g_assert_null (f->error);
}

/* L L pressed while the source opens: it plays at 2× once open. */
static void
test_shuttle_while_loading (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tl_player_open_file (f->player, webm, &error));
  tl_player_shuttle (f->player, 1);
  tl_player_shuttle (f->player, 1);
  g_assert_cmpfloat (tl_player_get_rate (f->player), ==, 2.0);
  wait_for (f, is_ready, 10, "the source to load");
  g_assert_cmpint (tl_player_get_state (f->player), ==, TL_PLAYER_STATE_PLAYING);
  g_assert_cmpfloat (pipeline_rate (f), ==, 2.0);
  g_assert_null (f->error);
}

static GMutex sound_lock;
static GArray *sound; /* gint16 */

static GstFlowReturn
on_sound (GstElement *sink, gpointer data)
{
  g_autoptr(GstSample) sample = NULL;
  GstMapInfo map;

  g_signal_emit_by_name (sink, "pull-sample", &sample);
  if (sample && gst_buffer_map (gst_sample_get_buffer (sample), &map, GST_MAP_READ))
    {
      g_mutex_lock (&sound_lock);
      g_array_append_vals (sound, map.data, map.size / sizeof (gint16));
      g_mutex_unlock (&sound_lock);
      gst_buffer_unmap (gst_sample_get_buffer (sample), &map);
    }
  return GST_FLOW_OK;
}

/* The shuttle's 4× keeps the pitch (scaletempo drops and blends pieces
 * of sound): a 440 Hz tone played at 4× is still 440 Hz, not 1760 Hz,
 * and four seconds of it pass in each second of sound. */
static void
test_shuttle_4x_pitch (Fixture *f, gconstpointer data)
{
  g_autoptr(GstElement) output = NULL;
  g_autoptr(GstElement) sink = NULL;
  gint64 before, after;
  guint n, crossings = 0;
  double seconds, hz;

  use_player (f, "audioconvert ! audio/x-raw,format=S16LE,channels=1,rate=16000"
                 " ! appsink name=tl-test-sound sync=true emit-signals=true");
  g_object_get (f->player->playbin, "audio-sink", &output, NULL);
  sink = gst_bin_get_by_name (GST_BIN (output), "tl-test-sound");
  g_assert_nonnull (sink);
  g_signal_connect (sink, "new-sample", G_CALLBACK (on_sound), NULL);
  sound = g_array_new (FALSE, FALSE, sizeof (gint16));

  open_file (f, tone);
  tl_player_shuttle (f->player, 1);
  tl_player_shuttle (f->player, 1);
  tl_player_shuttle (f->player, 1);
  g_assert_cmpfloat (tl_player_get_rate (f->player), ==, 4.0);
  wait_for (f, is_ready, 10, "playing at 4×");
  run_for (0.2);
  g_mutex_lock (&sound_lock);
  g_array_set_size (sound, 0);
  before = tl_player_get_position (f->player);
  g_mutex_unlock (&sound_lock);
  run_for (0.6);
  g_mutex_lock (&sound_lock);
  after = tl_player_get_position (f->player);
  n = sound->len;
  for (guint i = 1; i < n; i++)
    crossings += (g_array_index (sound, gint16, i - 1) < 0) != (g_array_index (sound, gint16, i) < 0);
  g_mutex_unlock (&sound_lock);
  g_assert_null (f->error);

  g_assert_cmpuint (n, >, 16000 / 4);
  seconds = n / 16000.0;
  hz = crossings / 2.0 / seconds;
  g_test_message ("%u samples at 4x: %.0f Hz; %.2f s of the file in %.2f s of sound", n, hz, (after - before) / 1e6,
                  seconds);
  g_assert_cmpfloat (hz, >, 400);
  g_assert_cmpfloat (hz, <, 480);
  g_assert_cmpfloat ((after - before) / 1e6 / seconds, >, 3.0);
  g_assert_cmpfloat ((after - before) / 1e6 / seconds, <, 5.0);
  g_clear_pointer (&sound, g_array_unref);
}

/* The picture is resized while a click's seek is on its way (a window
 * laid out again as the source opens): the seek still lands where it
 * was asked to, and its frame comes in the new size. */
static void
test_seek_resized (Fixture *f, gconstpointer data)
{
  open_file (f, webm);
  seek_and_wait (f, 1000000);
  tl_player_seek (f->player, 4470000, TL_SEEK_ACCURATE);
  tl_player_set_video_size_limit (f->player, 160, 120);
  wait_for (f, is_ready, 10, "the seek");
  g_assert_cmpint (tl_player_get_frame_time (f->player), ==, 4480000);
  g_assert_cmpint (tl_player_get_position (f->player), ==, 4480000);
  g_assert_cmpint (f->frame_width, ==, 160);

  /* paused, a resize shows the same frame again, in its new size */
  tl_player_set_video_size_limit (f->player, 80, 60);
  wait_for (f, is_ready, 10, "the frame in its new size");
  g_assert_cmpint (tl_player_get_frame_time (f->player), ==, 4480000);
  g_assert_cmpint (f->frame_width, ==, 80);
}

/* MOV keeps 29.97 fps exactly (in 1/30000 s): two frames in three start
 * between two whole µs, and the player reports their start rounded down.
 * Going back to a frame's reported time (an in point marked on it, the
 * frame on screen when pausing) shows that frame, not the one before. */
static void
test_seek_exact_timescale (Fixture *f, gconstpointer data)
{
  gint64 at;

  open_file (f, mov);
  for (int n = 1; n <= 5; n++)
    {
      tl_player_step (f->player, 1);
      wait_for (f, is_ready, 10, "the step");
      at = tl_player_get_frame_time (f->player);
      g_assert_cmpint (at, ==, gst_util_uint64_scale (n, 1001 * TL_USEC_PER_SEC, 30000));
      seek_and_wait (f, 0);
      seek_and_wait (f, at);
      g_assert_cmpint (tl_player_get_frame_time (f->player), ==, at);
      g_assert_cmpint (tl_player_get_position (f->player), ==, at);
    }

  for (int i = 0; i < 3; i++)
    {
      tl_player_play (f->player);
      run_for (0.25);
      at = tl_player_get_frame_time (f->player);
      tl_player_pause (f->player);
      wait_for (f, is_ready, 10, "the pause");
      g_assert_cmpint (tl_player_get_frame_time (f->player), ==, at);
    }
}

static void
test_no_audio (Fixture *f, gconstpointer data)
{
  open_file (f, silent);
  g_assert_true (tl_player_get_has_video (f->player));
  g_assert_false (tl_player_get_has_audio (f->player));
  tl_player_play (f->player);
  wait_for (f, position_past_2s, 5, "playback");
  g_assert_null (f->error);
  g_assert_null (f->warning);
}

/* The same message for the same file from the player and from the prober
 * (tagline-cli probe), and the player takes the next source. */
static void
assert_error_like_probe (Fixture *f, const char *path, int code)
{
  g_autoptr(GError) probe_error = NULL;
  g_autoptr(TlMediaInfo) info = tl_probe_file (path, &probe_error);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  g_assert_null (info);
  g_assert_error (probe_error, TL_MEDIA_ERROR, code);
  g_clear_error (&f->error);
  tl_player_set_uri (f->player, uri);
  wait_for (f, has_error, 10, "the error");
  g_assert_error (f->error, TL_MEDIA_ERROR, code);
  g_assert_cmpstr (f->error->message, ==, probe_error->message);
  g_assert_nonnull (strstr (f->error->message, path));
  g_assert_cmpint (tl_player_get_state (f->player), ==, TL_PLAYER_STATE_EMPTY);
  g_clear_error (&f->error);
}

static void
test_errors (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (dir, "nowhere.webm", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.webm", NULL);
  g_autofree char *expected = g_strconcat (missing, " does not exist", NULL);
  g_autoptr(GError) error = NULL;

  /* a missing file fails at once when opened by path */
  g_assert_false (tl_player_open_file (f->player, missing, &error));
  g_assert_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, expected);
  assert_error_like_probe (f, missing, TL_MEDIA_ERROR_NOT_FOUND);

  g_assert_true (g_file_set_contents (text, "Not a video at all: these are an editor's notes.\n", -1, NULL));
  assert_error_like_probe (f, text, TL_MEDIA_ERROR_NOT_MEDIA);

  /* still usable */
  open_file (f, webm);
  g_assert_cmpint (f->frame_width, ==, 320);
}

/* A file cut short is said to be incomplete before it plays (its header
 * announces more bytes), and the player stays usable. */
static void
test_truncated (Fixture *f, gconstpointer data)
{
  g_autofree char *full = g_build_filename (dir, "full.mov", NULL);
  g_autofree char *cut = g_build_filename (dir, "cut.mov", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  tl_test_make_media (full,
                      "videotestsrc num-buffers=150 ! video/x-raw,width=320,height=240,framerate=25/1"
                      " ! timeoverlay ! jpegenc ! qtmux faststart=true name=mux ! filesink location=\"%s\""
                      " audiotestsrc num-buffers=96 samplesperbuffer=1000 ! audio/x-raw,rate=16000 ! mux.",
                      full);
  g_assert_true (g_file_get_contents (full, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (cut, contents, length / 3, NULL));

  g_assert_true (tl_player_open_file (f->player, cut, NULL));
  wait_for (f, has_warning, 10, "the warning");
  g_assert_error (f->warning, TL_MEDIA_ERROR, TL_MEDIA_ERROR_CORRUPT);
  g_assert_nonnull (strstr (f->warning->message, cut));
  g_assert_nonnull (strstr (f->warning->message, "incomplete"));
  wait_for (f, is_ready, 10, "the source to load anyway");
  g_assert_true (tl_player_get_has_video (f->player));
  g_assert_null (f->error);
}

/* An MP3 without a header cannot say how long it is until it has played a
 * while: the player reports the probe's duration meanwhile (the seek bar
 * needs one), and plays to the end without calling the file incomplete. */
static void
test_probed_duration (Fixture *f, gconstpointer data)
{
  g_autofree char *mp3 = g_build_filename (dir, "headerless.mp3", NULL);

  tl_test_make_media (mp3, "audiotestsrc num-buffers=100 samplesperbuffer=4410 ! audio/x-raw,rate=44100"
                           " ! audioconvert ! lamemp3enc ! filesink location=\"%s\"", mp3);
  open_file (f, mp3);
  g_assert_cmpint (tl_player_get_duration (f->player), <=, 0);
  tl_player_set_probed_duration (f->player, 12 * TL_USEC_PER_SEC);
  g_assert_cmpint (tl_player_get_duration (f->player), ==, 12 * TL_USEC_PER_SEC);

  seek_and_wait (f, 9 * TL_USEC_PER_SEC);
  tl_player_play (f->player);
  wait_for (f, reached_eos, 10, "the end");
  run_for (0.1);
  g_assert_null (f->warning);
  g_assert_null (f->error);
  g_assert_cmpint (tl_player_get_position (f->player), >=, 9900000);
}

/* Big-endian 32-bit write, for mending a box size in a QuickTime file. */
static void
put_be32 (char *p, guint32 v)
{
  p[0] = v >> 24;
  p[1] = v >> 16;
  p[2] = v >> 8;
  p[3] = v;
}

/* A cut-short file whose header was mended to match its size (as some
 * repair tools do): only the end of playback shows it stopped early. */
static void
test_truncated_mended (Fixture *f, gconstpointer data)
{
  g_autofree char *full = g_build_filename (dir, "full2.mov", NULL);
  g_autofree char *cut = g_build_filename (dir, "mended.mov", NULL);
  g_autofree char *contents = NULL;
  gsize length, at, cut_length;

  tl_test_make_media (full,
                      "videotestsrc num-buffers=100 ! video/x-raw,width=320,height=240,framerate=25/1"
                      " ! jpegenc ! qtmux faststart=true ! filesink location=\"%s\"", full);
  g_assert_true (g_file_get_contents (full, &contents, &length, NULL));
  /* ftyp, moov, then mdat: find the mdat and make it end where we cut */
  at = 0;
  while (at + 8 <= length && memcmp (contents + at + 4, "mdat", 4) != 0)
    at += ((guint8) contents[at] << 24) | ((guint8) contents[at + 1] << 16)
        | ((guint8) contents[at + 2] << 8) | (guint8) contents[at + 3];
  g_assert_cmpuint (at + 8, <, length);
  cut_length = at + (length - at) / 4;
  put_be32 (contents + at, cut_length - at);
  g_assert_true (g_file_set_contents (cut, contents, cut_length, NULL));

  open_file (f, cut);
  g_assert_null (f->warning);
  g_assert_cmpint (ABS (tl_player_get_duration (f->player) - 4 * TL_USEC_PER_SEC), <, 50000);
  tl_player_play (f->player);
  wait_for (f, reached_eos, 10, "the early end");
  run_for (0.1);
  g_assert_error (f->warning, TL_MEDIA_ERROR, TL_MEDIA_ERROR_CORRUPT);
  g_assert_nonnull (strstr (f->warning->message, "incomplete"));
  g_assert_nonnull (strstr (f->warning->message, "of the 4.0 s"));

  /* and the next source plays */
  g_clear_error (&f->warning);
  open_file (f, webm);
  g_assert_null (f->warning);
}

/* Decoders hidden from autoplugging, as on a machine without the package. */
static GList *
hide_decoders (const char *caps_string)
{
  g_autoptr(GstCaps) caps = gst_caps_from_string (caps_string);
  GList *decoders = gst_element_factory_list_get_elements (GST_ELEMENT_FACTORY_TYPE_DECODER, GST_RANK_NONE);
  GList *hidden = NULL;

  for (GList *l = decoders; l; l = l->next)
    if (gst_element_factory_can_sink_any_caps (l->data, caps))
      {
        GstPluginFeature *feature = l->data;
        g_object_set_data (G_OBJECT (feature), "tl-test-rank", GUINT_TO_POINTER (gst_plugin_feature_get_rank (feature)));
        gst_plugin_feature_set_rank (feature, GST_RANK_NONE);
        hidden = g_list_prepend (hidden, gst_object_ref (feature));
      }
  gst_plugin_feature_list_free (decoders);
  g_assert_nonnull (hidden);
  return hidden;
}

static void
restore_decoders (GList *hidden)
{
  for (GList *l = hidden; l; l = l->next)
    gst_plugin_feature_set_rank (l->data, GPOINTER_TO_UINT (g_object_get_data (l->data, "tl-test-rank")));
  gst_plugin_feature_list_free (hidden);
}

static void
test_missing_plugin (Fixture *f, gconstpointer data)
{
  GList *hidden = hide_decoders ("video/x-vp8");
  g_autofree char *uri = g_filename_to_uri (silent, NULL, NULL);

  /* with sound: it plays, without its picture, and says which package */
  open_file (f, webm);
  g_assert_false (tl_player_get_has_video (f->player));
  g_assert_true (tl_player_get_has_audio (f->player));
  wait_for (f, has_warning, 10, "the warning");
  g_assert_error (f->warning, TL_MEDIA_ERROR, TL_MEDIA_ERROR_MISSING_PLUGIN);
  g_assert_nonnull (strstr (f->warning->message, webm));
  g_assert_nonnull (strstr (f->warning->message, "without its picture"));
  g_assert_nonnull (strstr (f->warning->message, "install the package gstreamer1.0-plugins-good"));

  /* nothing to play: an error, the same as the prober's */
  tl_player_set_uri (f->player, uri);
  wait_for (f, has_error, 10, "the error");
  g_assert_error (f->error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_MISSING_PLUGIN);
  g_assert_nonnull (strstr (f->error->message, "cannot be played here"));
  g_assert_nonnull (strstr (f->error->message, "VP8"));
  g_assert_nonnull (strstr (f->error->message, "install the package gstreamer1.0-plugins-good"));
  {
    g_autoptr(GError) probe_error = NULL;
    g_assert_null (tl_probe_file (silent, &probe_error));
    g_assert_cmpstr (probe_error->message, ==, f->error->message);
  }
  g_clear_error (&f->error);
  restore_decoders (hidden);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);
  dir = tl_test_tmpdir_new ();

  webm = g_build_filename (dir, "pattern.webm", NULL);
  tl_test_make_media (webm,
                      "videotestsrc num-buffers=150 ! video/x-raw,width=320,height=240,framerate=25/1"
                      " ! timeoverlay ! vp8enc deadline=1 keyframe-max-dist=50 ! webmmux name=mux"
                      " ! filesink location=\"%s\""
                      " audiotestsrc num-buffers=96 samplesperbuffer=1000 ! audio/x-raw,rate=16000"
                      " ! audioconvert ! vorbisenc ! mux.", webm);
  ogg = g_build_filename (dir, "pattern.ogv", NULL);
  tl_test_make_media (ogg,
                      "videotestsrc num-buffers=150 ! video/x-raw,width=320,height=240,framerate=25/1"
                      " ! timeoverlay ! theoraenc keyframe-force=50 ! oggmux name=mux ! filesink location=\"%s\""
                      " audiotestsrc num-buffers=96 samplesperbuffer=1000 ! audio/x-raw,rate=16000"
                      " ! audioconvert ! vorbisenc ! mux.", ogg);
  ntsc = tl_test_make_video (dir, "ntsc.webm", 6, "30000/1001");
  mov = g_build_filename (dir, "ntsc.mov", NULL);
  tl_test_make_media (mov,
                      "videotestsrc num-buffers=90 ! video/x-raw,width=160,height=120,framerate=30000/1001"
                      " ! jpegenc ! qtmux ! filesink location=\"%s\"", mov);
  tone = tl_test_make_audio (dir, "tone10.wav", 10);
  wav = tl_test_make_audio (dir, "tone.wav", 4);
  silent = g_build_filename (dir, "silent.webm", NULL);
  tl_test_make_media (silent,
                      "videotestsrc num-buffers=100 ! video/x-raw,width=320,height=240,framerate=25/1"
                      " ! vp8enc deadline=1 ! webmmux ! filesink location=\"%s\"", silent);

#define ADD(path, func) g_test_add ("/media/player/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("open", test_open);
  ADD ("seek/webm", test_seek_webm);
  ADD ("seek/ogg", test_seek_ogg);
  ADD ("seek/29.97", test_seek_ntsc);
  ADD ("seek/coalesced", test_seek_coalesced);
  ADD ("seek/scrub", test_scrub);
  ADD ("rate", test_rate);
  ADD ("rate/audio-only", test_rate_audio);
  ADD ("loop", test_loop);
  ADD ("loop/short", test_loop_short);
  ADD ("loop/audio-only", test_loop_audio);
  ADD ("loop/dispose", test_loop_dispose);
  ADD ("shuttle/webm", test_shuttle_webm);
  ADD ("shuttle/ogg", test_shuttle_ogg);
  ADD ("shuttle/k-then-play", test_shuttle_then_play);
  ADD ("shuttle/4x", test_shuttle_4x);
  ADD ("shuttle/4x-pitch", test_shuttle_4x_pitch);
  ADD ("shuttle/while-loading", test_shuttle_while_loading);
  ADD ("seek/exact-timescale", test_seek_exact_timescale);
  ADD ("seek/resized", test_seek_resized);
  ADD ("step", test_step);
  ADD ("step/29.97", test_step_ntsc);
  ADD ("step/rapid", test_step_rapid);
  ADD ("end", test_play_to_end);
  ADD ("no-audio", test_no_audio);
  ADD ("errors", test_errors);
  ADD ("errors/truncated", test_truncated);
  ADD ("duration/probed", test_probed_duration);
  ADD ("errors/truncated-mended", test_truncated_mended);
  ADD ("errors/missing-plugin", test_missing_plugin);
#undef ADD

  status = g_test_run ();
  tl_test_tmpdir_free (dir);
  /* joins GStreamer's pooled threads, so that leak checkers see a quiet process */
  gst_deinit ();
  return status;
}
