/* bench-window.c: how long the main window takes to open on a library and
 * show its first source, and how much memory it holds then (targets: under
 * a second and under 300 MB on a library of 1,000,000 segments).
 * Usage: xvfb-run -a bench-window FILE   (make FILE with bench-gen-library) */
#include <adwaita.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "tl-application.h"
#include "tl-window-private.h"

static gint64 start_time;
static gboolean painted;
static guint frames;

static void
on_after_paint (GdkFrameClock *clock, gpointer user_data)
{
  painted = TRUE;
  frames++;
}

/* CPU seconds this process has used (all threads) */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static long
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || (line = strstr (status, field)) == NULL)
    return -1;
  return strtol (line + strlen (field), NULL, 10);
}

int
main (int argc, char **argv)
{
  g_autoptr(TlApplication) app = NULL;
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  TlWindow *window;
  GdkFrameClock *clock;
  gint64 toolkit, opened, built, shown;

  start_time = g_get_monotonic_time ();
  if (argc < 2)
    {
      fprintf (stderr, "usage: %s LIBRARY\n", argv[0]);
      return 2;
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();
  toolkit = g_get_monotonic_time ();
  app = tl_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  library = tl_library_open (argv[1], &error);
  if (library == NULL)
    g_error ("%s", error->message);
  opened = g_get_monotonic_time ();
  window = tl_window_new (app, library, NULL);
  built = g_get_monotonic_time ();
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_realize (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  shown = g_get_monotonic_time ();

  {
    g_autoptr(GPtrArray) sources = tl_library_list_sources (library, NULL);
    guint64 segments = 0;
    for (guint i = 0; sources && i < sources->len; i++)
      segments += tl_source_get_n_segments (g_ptr_array_index (sources, i));
    printf ("library: %u sources, %" G_GUINT64_FORMAT " segments (%s)\n", sources ? sources->len : 0, segments,
            argv[1]);
  }
  printf ("toolkit ready:  %6.1f ms after start (GTK, libadwaita)\n", (toolkit - start_time) / 1000.0);
  printf ("library opened: %6.1f ms after start\n", (opened - start_time) / 1000.0);
  printf ("window built:   %6.1f ms after start (sources, topics, clips and the first transcript read)\n",
          (built - start_time) / 1000.0);
  printf ("window shown:   %6.1f ms after start (first frame painted, first source's %u lines loaded)\n",
          (shown - start_time) / 1000.0, tl_transcript_view_get_n_segments (window->transcript));
  printf ("memory: %ld MB resident now, %ld MB at most\n", status_kb ("VmRSS:") / 1024, status_kb ("VmHWM:") / 1024);
  /* a window at rest draws nothing: frames painted in the seconds after */
  {
    double cpu_shown = cpu_seconds ();
    guint frames_shown = frames;
    gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (g_get_monotonic_time () < until)
      {
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (2000);
      }
    printf ("CPU: %.2f s until shown, %.2f s in the 5 s after (%u frames painted then)\n", cpu_shown,
            cpu_seconds () - cpu_shown, frames - frames_shown);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
