/* bench-scroll.c: how smoothly the transcript scrolls through a long
 * source (the window issue asks for 10,000+ lines to stay smooth): the
 * time each frame takes to lay out and paint while the transcript pages
 * down a screen a frame, and while it jumps to lines far apart (what
 * following playback after a seek does); while it plays, a frame at a
 * time, the word being said lit (found by binary search, one row drawn
 * again), then paging down while a word is lit on every frame; then the
 * same paging through the list of all clips (one clip every four lines).
 * Usage: GSK_RENDERER=cairo xvfb-run -a -s "-screen 0 1280x800x24" bench-scroll [LINES]
 * (Xvfb has no GPU: GTK's GL renderer draws in software there, ten times slower)
 * (default 20,000; the library is made in a temporary folder). */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-text.h"
#include "tl-application.h"
#include "tl-test-widgets.h"
#include "tl-window-private.h"

static gint64 paint_start;
static GArray *frame_ms; /* double */

static void
on_before_paint (GdkFrameClock *clock, gpointer user_data)
{
  paint_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock, gpointer user_data)
{
  double ms = (g_get_monotonic_time () - paint_start) / 1000.0;

  if (frame_ms)
    g_array_append_val (frame_ms, ms);
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
iterate_for (double seconds)
{
  gint64 until = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
report (const char *what, GArray *ms, double seconds)
{
  guint n = ms->len, slow = 0;

  if (n == 0)
    {
      printf ("%s: no frames painted\n", what);
      return;
    }
  for (guint i = 0; i < n; i++)
    slow += g_array_index (ms, double, i) > 1000.0 / 60;
  g_array_sort (ms, bench_compare_double);
  printf ("%s: %u frames in %.1f s; layout+paint median %.1f ms, p95 %.1f, max %.1f; %u over 16.7 ms\n", what, n,
          seconds, g_array_index (ms, double, n / 2), g_array_index (ms, double, n * 95 / 100),
          g_array_index (ms, double, n - 1), slow);
}

/* Pages @adjustment down a screen a frame for five seconds. */
static void
page_through (const char *what, GtkAdjustment *adjustment)
{
  gint64 start = g_get_monotonic_time ();

  g_array_set_size (frame_ms, 0);
  while (g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
    {
      guint before = frame_ms->len;
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment)
                                              + gtk_adjustment_get_page_size (adjustment));
      while (frame_ms->len == before && g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
        g_main_context_iteration (NULL, TRUE);
    }
  report (what, frame_ms, (g_get_monotonic_time () - start) / 1e6);
  g_array_set_size (frame_ms, 0);
}

/* One source of @n lines, timed like a two-hour interview. */
static gint64
make_library (TlLibrary *library, guint n)
{
  g_autoptr(TlDocument) doc = tl_document_new ("bench");
  g_autoptr(GString) sentence = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  BenchText *words = bench_text_new (7);
  gint64 t = 0, id;

  doc->title = tl_document_strdup (doc, "A long interview");
  for (guint i = 0; i < n; i++)
    {
      g_string_truncate (sentence, 0);
      bench_text_sentence (words, sentence, 6, 40);
      tl_document_add_segment (doc, t, t + 2000000, sentence->str, sentence->len);
      t += 2100000;
    }
  doc->timing = TL_TIMING_NATIVE;
  doc->duration = t;
  id = tl_library_add_document (library, doc, NULL, &error);
  if (id == 0)
    g_error ("%s", error->message);
  bench_text_free (words);

  /* a clip every four lines, each of one or two lines */
  {
    const char *topics[] = { "Bench", NULL };
    g_autoptr(TlTopic) topic = tl_library_add_topic (library, "Bench", 1, NULL, &error);

    if (topic == NULL)
      g_error ("%s", error->message);
    for (guint i = 0; i + 1 < n; i += 4)
      {
        TlClipSpec spec = { id, i * (gint64) 2100000, i * (gint64) 2100000 + (i % 8 ? 2000000 : 4100000), -1, -1,
                            NULL, NULL, i % 6, topics };
        if (tl_library_add_clip (library, &spec, &error) == 0)
          g_error ("%s", error->message);
      }
  }
  return id;
}

int
main (int argc, char **argv)
{
  guint n_lines = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 20000;
  g_autofree char *dir = g_dir_make_tmp ("tagline-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(TlApplication) app = NULL;
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  GdkFrameClock *clock;
  TlWindow *window;
  GArray *wall_ms;
  gint64 start;
  guint jumps = 0;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();
  app = tl_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  library = tl_library_open (path, &error);
  if (library == NULL)
    g_error ("%s", error->message);
  make_library (library, n_lines);

  window = tl_window_new (app, library, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_realize (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  iterate_for (1.0);
  printf ("transcript: %u lines\n", tl_transcript_view_get_n_segments (window->transcript));
  scroller = tl_test_find_list_scroller (GTK_WIDGET (window->transcript));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  printf ("list: %.0f px high, %.0f px shown, %u rows made\n", gtk_adjustment_get_upper (adjustment),
          gtk_adjustment_get_page_size (adjustment), count_rows (gtk_scrolled_window_get_child (scroller)));

  /* a screen a frame down through the first 3,000 lines or so */
  frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  page_through ("paging down", adjustment);

  /* jumps to lines far apart, as the player's position after seeks while
   * the transcript follows it */
  tl_transcript_view_set_following (window->transcript, TRUE);
  wall_ms = g_array_new (FALSE, FALSE, sizeof (double));
  start = g_get_monotonic_time ();
  while (g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
    {
      guint before = frame_ms->len;
      guint line = (jumps++ * 7919u) % n_lines;
      gint64 asked = g_get_monotonic_time ();
      double ms;

      tl_transcript_view_set_position (window->transcript, line * (gint64) 2100000 + 1000);
      while (frame_ms->len == before && g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
        g_main_context_iteration (NULL, TRUE);
      ms = (g_get_monotonic_time () - asked) / 1000.0;
      g_array_append_val (wall_ms, ms);
    }
  report ("jumping to far lines", frame_ms, (g_get_monotonic_time () - start) / 1e6);
  g_array_sort (wall_ms, bench_compare_double);
  printf ("  from the jump to its frame painted: median %.1f ms, max %.1f\n",
          g_array_index (wall_ms, double, wall_ms->len / 2), g_array_index (wall_ms, double, wall_ms->len - 1));
  g_array_unref (wall_ms);

  /* playing: the position moves on as the clock does, at 60 steps a
   * second; the list follows it and the word being said is lit (a line
   * of 6–40 words in 2 s changes its word every few steps). A frame is
   * painted only where something changed: the word lit, the line. */
  {
    gint64 position = 100 * (gint64) 2100000, step_at;
    guint words_lit = 0, steps = 0;
    int last_word = -1;

    tl_transcript_view_set_position (window->transcript, position);
    iterate_for (0.5);
    g_array_set_size (frame_ms, 0);
    start = step_at = g_get_monotonic_time ();
    while (g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
      {
        position += 16667;
        steps++;
        tl_transcript_view_set_position (window->transcript, position);
        if (tl_transcript_view_get_spoken_word (window->transcript) != last_word)
          {
            last_word = tl_transcript_view_get_spoken_word (window->transcript);
            words_lit++;
          }
        step_at += 16667;
        while (g_get_monotonic_time () < step_at)
          g_main_context_iteration (NULL, FALSE);
      }
    report ("playing, the word said lit", frame_ms, (g_get_monotonic_time () - start) / 1e6);
    printf ("  %u steps of the play position, %u changes of the word lit\n", steps, words_lit);

    /* the editor pages away while it plays: the list no longer follows,
     * the word moves on every frame */
    tl_transcript_view_set_following (window->transcript, FALSE);
    gtk_adjustment_set_value (adjustment, 0);
    iterate_for (0.5);
    g_array_set_size (frame_ms, 0);
    start = g_get_monotonic_time ();
    while (g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
      {
        guint before = frame_ms->len;

        position += 40000;
        tl_transcript_view_set_position (window->transcript, position);
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment)
                                                + gtk_adjustment_get_page_size (adjustment));
        while (frame_ms->len == before && g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
          g_main_context_iteration (NULL, TRUE);
      }
    report ("paging down while playing", frame_ms, (g_get_monotonic_time () - start) / 1e6);
    g_array_set_size (frame_ms, 0);
  }

  /* the list of all clips, in the editor's order */
  {
    GtkWidget *all = tl_test_find_toggle (GTK_WIDGET (window->tag_panel), "All");
    GtkScrolledWindow *clips;

    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (all), TRUE);
    iterate_for (1.0);
    clips = tl_test_find_list_scroller (GTK_WIDGET (window->tag_panel));
    printf ("clips: %u in the list of all clips\n", g_list_model_get_n_items (tl_tag_panel_get_shown_clips (window->tag_panel)));
    page_through ("paging down the clips", gtk_scrolled_window_get_vadjustment (clips));
  }

  g_clear_pointer (&frame_ms, g_array_unref);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&library);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
