/* bench-open-srt.c: opening a big SubRip file as an editor would, in
 * Tagline (`tagline --library NEW FILE.srt`: the import, then the window
 * until its transcript is drawn and it is idle) and in Aegisub 3.2 (Debian's
 * `aegisub`, when it is installed) in the same run, on the same display.
 * Each program runs as a process of its own; this one reads its CPU time
 * (user + system, all threads) from /proc until it has all but stopped
 * growing for IDLE_MS, then its peak memory (VmHWM), and stops it. Tagline runs twice:
 * with GTK's default renderer and with GSK_RENDERER=cairo. Aegisub runs
 * with bench-quiet-wx preloaded, which silences wxWidgets' assertion
 * dialogs (without it, it waits on one before it reads the file).
 *
 * Usage: xvfb-run -a -s "-screen 0 1280x800x24" bench-open-srt [CUES] [RUNS]
 * (100,000 cues and 3 runs by default; the median run of each is printed) */
#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-text.h"

/* Quiet this long (no CPU time gained) counts as idle. */
#define IDLE_MS 3000
#define IDLE_CPU_S 0.06
#define POLL_MS 50
#define GIVE_UP_S 300

typedef struct {
  double cpu_s;  /* user + system, at idle */
  double wall_s; /* from start to the last CPU time gained */
  long peak_kb;  /* VmHWM at idle */
} Figures;

static char *
write_srt (const char *dir, guint cues)
{
  g_autoptr(GString) srt = g_string_sized_new (cues * 80);
  BenchText *text = bench_text_new (7);
  char *path = g_build_filename (dir, "big.srt", NULL);

  for (guint i = 0; i < cues; i++)
    {
      guint64 start = (guint64) i * 2500, end = start + 2300;
      g_string_append_printf (srt, "%u\n%02u:%02u:%02u,%03u --> %02u:%02u:%02u,%03u\n", i + 1,
                              (guint) (start / 3600000), (guint) (start / 60000 % 60), (guint) (start / 1000 % 60),
                              (guint) (start % 1000), (guint) (end / 3600000), (guint) (end / 60000 % 60),
                              (guint) (end / 1000 % 60), (guint) (end % 1000));
      bench_text_sentence (text, srt, 4, 14);
      g_string_append (srt, "\n\n");
    }
  bench_text_free (text);
  if (!g_file_set_contents (path, srt->str, srt->len, NULL))
    g_error ("cannot write %s", path);
  return path;
}

/* CPU seconds of @pid so far (all its threads), or -1 once it is gone. */
static double
cpu_of (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *stat = NULL;
  unsigned long utime, stime;
  const char *after;

  if (!g_file_get_contents (path, &stat, NULL, NULL) || (after = strrchr (stat, ')')) == NULL)
    return -1;
  /* after the name: state ppid pgrp session tty tpgid flags minflt cminflt
   * majflt cmajflt utime stime */
  if (sscanf (after + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2)
    return -1;
  return (double) (utime + stime) / sysconf (_SC_CLK_TCK);
}

static long
peak_of (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL) || (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return strtol (line + 6, NULL, 10);
}

/* Runs @argv (with @env added) until it is idle: it gained less than
 * IDLE_CPU_S of CPU time in the last IDLE_MS (a program's timers, such as
 * Aegisub's, keep it from ever gaining none). FALSE if it ended first. */
static gboolean
measure (const char *const *argv, const char *const *env, Figures *out)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpus = g_array_new (FALSE, FALSE, sizeof (double));
  GPid pid;
  double start = bench_now ();
  guint from = 0;

  for (guint i = 0; env && env[i]; i += 2)
    envp = g_environ_setenv (envp, env[i], env[i + 1], TRUE);
  if (!g_spawn_async (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH
                                                  | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return FALSE;
    }
  for (;;)
    {
      double now, cpu;

      g_usleep (POLL_MS * 1000);
      now = bench_now () - start;
      cpu = cpu_of (pid);
      if (cpu < 0 || waitpid (pid, NULL, WNOHANG) == pid)
        {
          fprintf (stderr, "%s ended before it was idle\n", argv[0]);
          return FALSE;
        }
      g_array_append_val (times, now);
      g_array_append_val (cpus, cpu);
      /* the first sample still inside the last IDLE_MS */
      while (now - g_array_index (times, double, from) > IDLE_MS / 1000.0)
        from++;
      if (from > 0 && cpu > 0.2 && cpu - g_array_index (cpus, double, from - 1) < IDLE_CPU_S)
        {
          /* idle since that sample: its figures are the ones that count */
          out->cpu_s = g_array_index (cpus, double, from - 1);
          out->wall_s = g_array_index (times, double, from - 1);
          break;
        }
      if (now > GIVE_UP_S)
        {
          fprintf (stderr, "%s was not idle after %d s\n", argv[0], GIVE_UP_S);
          out->cpu_s = cpu;
          out->wall_s = now;
          break;
        }
    }
  out->peak_kb = peak_of (pid);
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  return TRUE;
}

static int
by_cpu (gconstpointer a, gconstpointer b)
{
  const Figures *x = a, *y = b;

  return x->cpu_s < y->cpu_s ? -1 : x->cpu_s > y->cpu_s;
}

/* The median of @runs runs of @argv; each run in a fresh folder (a new library). */
static gboolean
median_of (const char *name, const char *dir, const char *srt, guint runs, const char *const *env, Figures *median)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (Figures));

  for (guint r = 0; r < runs; r++)
    {
      g_autofree char *library = g_strdup_printf ("%s/library-%s-%u.tagline", dir, name, r);
      const char *tagline_argv[] = { TAGLINE_APP, "--library", library, srt, NULL };
      const char *aegisub_argv[] = { "aegisub-3.2", srt, NULL };
      Figures f;

      if (!measure (g_str_equal (name, "aegisub") ? aegisub_argv : tagline_argv, env, &f))
        return FALSE;
      g_array_append_val (all, f);
    }
  g_array_sort (all, by_cpu);
  *median = g_array_index (all, Figures, all->len / 2);
  return TRUE;
}

static void
print_row (const char *what, const Figures *f)
{
  printf ("%-34s %6.2f CPU-s  %6.2f s  %6ld MiB peak\n", what, f->cpu_s, f->wall_s, f->peak_kb / 1024);
}

int
main (int argc, char **argv)
{
  guint cues = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 3;
  g_autofree char *dir = g_dir_make_tmp ("bench-open-srt-XXXXXX", NULL);
  g_autofree char *srt = write_srt (dir, cues);
  g_autofree char *aegisub = g_find_program_in_path ("aegisub-3.2");
  /* Tagline's own settings stay out of it (the window's size, the last
   * source); HOME stays: a fresh one makes D-Bus autolaunch and the
   * portals wait seconds, which would count as idle */
  const char *const tagline_env[] = { "GSETTINGS_BACKEND", "memory", NULL };
  const char *const cairo_env[] = { "GSETTINGS_BACKEND", "memory", "GSK_RENDERER", "cairo", NULL };
  /* wxWidgets 3.2 stops Debian's Aegisub at start with assertion dialogs */
  const char *const aegisub_env[] = { "LD_PRELOAD", QUIET_WX, NULL };
  Figures tagline, cairo, other;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      fprintf (stderr, "usage: xvfb-run -a -s \"-screen 0 1280x800x24\" %s [CUES] [RUNS]\n", argv[0]);
      return 2;
    }
  printf ("opening a %u-cue SubRip file, median of %u runs (idle: under %.0f ms of CPU in %d ms)\n", cues, runs,
          IDLE_CPU_S * 1000, IDLE_MS);
  if (!median_of ("tagline", dir, srt, runs, tagline_env, &tagline)
      || !median_of ("cairo", dir, srt, runs, cairo_env, &cairo))
    return 1;
  print_row ("tagline (default renderer)", &tagline);
  print_row ("tagline (GSK_RENDERER=cairo)", &cairo);
  if (aegisub == NULL)
    printf ("aegisub-3.2 is not installed (apt-get install aegisub): no comparison\n");
  else if (median_of ("aegisub", dir, srt, runs, aegisub_env, &other))
    {
      print_row ("aegisub 3.2", &other);
      printf ("tagline / aegisub: %.2f× the CPU, %.2f× the peak memory\n", tagline.cpu_s / other.cpu_s,
              (double) tagline.peak_kb / other.peak_kb);
    }
  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", dir);
    if (system (rm) != 0)
      fprintf (stderr, "could not remove %s\n", dir);
  }
  return 0;
}
