/* bench-cli-start.c: how long tagline-cli takes to start, beside the
 * sqlite3 shell reading the same file (target: --help and read-only
 * commands within twice the shell's CPU time). Each program runs RUNS
 * times, taking turns so that a busy machine slows them alike; the figure
 * is the median CPU time (user + system) the process used, and the number
 * of shared libraries it loads.
 * Usage: bench-cli-start [LIBRARY] [RUNS]
 *   (without LIBRARY, or with "", one made from the samples in tests/data) */
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-text.h"

typedef struct {
  const char *label;
  char **argv;
  GArray *cpu; /* double, ms */
  GArray *wall;
  guint n_libraries;
} Program;

/* Runs @argv with its output thrown away; returns its CPU time in ms. */
static double
run_once (char **argv, double *wall)
{
  struct rusage usage;
  int status;
  double t0 = bench_now ();
  pid_t pid = fork ();

  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);
      dup2 (null, STDOUT_FILENO);
      dup2 (null, STDERR_FILENO);
      execv (argv[0], argv);
      _exit (127);
    }
  if (pid < 0 || wait4 (pid, &status, 0, &usage) != pid)
    g_error ("cannot run %s", argv[0]);
  *wall = (bench_now () - t0) * 1e3;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s exited with %d", argv[0], WIFEXITED (status) ? WEXITSTATUS (status) : -1);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

/* The shared libraries the dynamic loader maps for @path, counted as
 * `ldd PATH | wc -l` counts them (the vDSO and the loader included). */
static guint
count_libraries (const char *path)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { path, NULL };
  const char *envp[] = { "LD_TRACE_LOADED_OBJECTS=1", NULL };
  guint n = 0;

  if (!g_spawn_sync (NULL, (char **) argv, (char **) envp, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, NULL, NULL))
    return 0;
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (lines[i][0] != '\0')
      n++;
  return n;
}

static double
median (GArray *values)
{
  g_array_sort (values, bench_compare_double);
  return g_array_index (values, double, values->len / 2);
}

static void
add_program (GPtrArray *programs, const char *label, ...)
{
  Program *p = g_new0 (Program, 1);
  GPtrArray *argv = g_ptr_array_new ();
  va_list args;

  va_start (args, label);
  for (const char *arg = va_arg (args, const char *); arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);
  p->label = label;
  p->argv = (char **) g_ptr_array_free (argv, FALSE);
  p->cpu = g_array_new (FALSE, FALSE, sizeof (double));
  p->wall = g_array_new (FALSE, FALSE, sizeof (double));
  p->n_libraries = count_libraries (p->argv[0]);
  g_ptr_array_add (programs, p);
}

static void
run_cli (const char *const *argv)
{
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    g_error ("could not make a library with %s", TAGLINE_CLI);
}

/* A library of the five sample transcripts and a clip, made with
 * tagline-cli. */
static char *
make_library (const char *dir)
{
  g_autofree char *data = g_build_filename (TL_TEST_DATA, NULL);
  g_autoptr(GDir) listing = g_dir_open (data, 0, NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  char *library = g_build_filename (dir, "library.db", NULL);
  const char *name;

  g_ptr_array_add (argv, g_strdup (TAGLINE_CLI));
  g_ptr_array_add (argv, g_strdup ("import"));
  g_ptr_array_add (argv, g_strdup ("--library"));
  g_ptr_array_add (argv, g_strdup (library));
  while (listing && (name = g_dir_read_name (listing)))
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (argv, g_build_filename (data, name, NULL));
  g_ptr_array_add (argv, NULL);
  run_cli ((const char *const *) argv->pdata);
  run_cli ((const char *const[]) { TAGLINE_CLI, "topics", "add", "Diplomacy", "--library", library, NULL });
  run_cli ((const char *const[]) { TAGLINE_CLI, "tag", "1", "10", "20", "Diplomacy", "--library", library, NULL });
  return library;
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *library = NULL;
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autoptr(GPtrArray) programs = g_ptr_array_new ();
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 30;
  double shell = 0;

  if (argc > 1 && argv[1][0] != '\0')
    library = g_strdup (argv[1]);
  else
    {
      dir = g_dir_make_tmp ("bench-cli-start-XXXXXX", NULL);
      library = make_library (dir);
    }
  if (runs == 0)
    runs = 1;

  if (sqlite3)
    add_program (programs, "sqlite3 L 'select count(*) from source'", sqlite3, library,
                 "select count(*) from source", NULL);
  add_program (programs, "tagline-cli --help", TAGLINE_CLI, "--help", NULL);
  add_program (programs, "tagline-cli sources --library L", TAGLINE_CLI, "sources", "--library", library, NULL);
  add_program (programs, "tagline-cli search --library L putin", TAGLINE_CLI, "search", "--library", library,
               "putin", NULL);
  add_program (programs, "tagline-cli export -F csv -o - --library L", TAGLINE_CLI, "export", "-F", "csv", "-o",
               "-", "--library", library, NULL);
  /* the media side's own start, which import, render, align, probe and demo pay */
  add_program (programs, "tagline-cli-media --help", TAGLINE_CLI_MEDIA, "--help", NULL);
  add_program (programs, "tagline-cli probe --help (through tagline-cli-media)", TAGLINE_CLI, "probe", "--help",
               NULL);

  for (guint r = 0; r < runs; r++)
    for (guint i = 0; i < programs->len; i++)
      {
        Program *p = g_ptr_array_index (programs, i);
        double wall, cpu = run_once (p->argv, &wall);
        g_array_append_val (p->cpu, cpu);
        g_array_append_val (p->wall, wall);
      }

  printf ("%u runs each, median; library %s\n\n", runs, library);
  printf ("%8s %8s %6s %10s  %s\n", "cpu ms", "wall ms", "libs", "vs sqlite3", "program");
  for (guint i = 0; i < programs->len; i++)
    {
      Program *p = g_ptr_array_index (programs, i);
      double cpu = median (p->cpu);
      if (i == 0 && sqlite3)
        shell = cpu;
      if (shell > 0)
        printf ("%8.1f %8.1f %6u %9.1fx  %s\n", cpu, median (p->wall), p->n_libraries, cpu / shell, p->label);
      else
        printf ("%8.1f %8.1f %6u %10s  %s\n", cpu, median (p->wall), p->n_libraries, "", p->label);
    }
  if (sqlite3 == NULL)
    printf ("\n(no sqlite3 shell here to compare with: apt-get install sqlite3)\n");

  if (dir)
    {
      g_autofree char *wal = g_strconcat (library, "-wal", NULL);
      g_autofree char *shm = g_strconcat (library, "-shm", NULL);
      g_remove (wal);
      g_remove (shm);
      g_remove (library);
      g_rmdir (dir);
    }
  return 0;
}
