/* tl-test-cli.c: the CLI tests' way to run tagline-cli. */
#include "tl-test-cli.h"

#include <string.h>

void
tl_test_cli_run_free (TlTestCliRun *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

/* Runs @argv to its end, keeping what it wrote. */
static TlTestCliRun *
spawn (GSubprocessLauncher *launcher, const char *const *argv)
{
  g_autoptr(GSubprocessLauncher) own_launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  TlTestCliRun *run = g_new0 (TlTestCliRun, 1);

  if (launcher == NULL)
    launcher = own_launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_set_flags (launcher, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (proc);
  return run;
}

/**
 * tl_test_cli_run_valist:
 * @launcher: (nullable): what the command runs with (its environment), or
 *   %NULL for this process's own
 * @first: the first argument, then the rest from @args up to a %NULL
 *
 * Runs $TAGLINE_CLI with the arguments and `--library @library`, and
 * waits for it to end.
 *
 * Returns: (transfer full): its exit status and everything it wrote
 */
TlTestCliRun *
tl_test_cli_run_valist (GSubprocessLauncher *launcher,
                        const char *library,
                        const char *first,
                        va_list args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) g_getenv ("TAGLINE_CLI"));
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, "--library");
  g_ptr_array_add (argv, (char *) library);
  g_ptr_array_add (argv, NULL);
  return spawn (launcher, (const char *const *) argv->pdata);
}

/**
 * tl_test_cli_run_argv:
 * @prefix: (nullable): a program and its arguments to run tagline-cli
 *   through ("unshare", …), or %NULL
 * @args: tagline-cli's arguments, exactly as given (no --library is added)
 *
 * Returns: (transfer full): its exit status and everything it wrote
 */
TlTestCliRun *
tl_test_cli_run_argv (const char *const *prefix, const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  for (guint i = 0; prefix && prefix[i]; i++)
    g_ptr_array_add (argv, (char *) prefix[i]);
  g_ptr_array_add (argv, (char *) g_getenv ("TAGLINE_CLI"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  return spawn (NULL, (const char *const *) argv->pdata);
}

/* Runs `$TAGLINE_CLI @first … --library @library`; the arguments end
 * with %NULL. */
TlTestCliRun *
tl_test_cli_run (const char *library, const char *first, ...)
{
  TlTestCliRun *run;
  va_list args;

  va_start (args, first);
  run = tl_test_cli_run_valist (NULL, library, first, args);
  va_end (args);
  return run;
}

/* @text parsed with @parser; it must be a JSON object. */
JsonObject *
tl_test_cli_parse_object (JsonParser *parser, const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

/* The command's errors are one line each, so scripts can show them as
 * they are. */
void
tl_test_cli_assert_one_line (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_str_has_suffix (text, "\n"));
  g_assert_true (strchr (text, '\n') == text + strlen (text) - 1);
}

TlTestCliRun *
tl_test_cli_expect (const char *library, int status, const char *first, ...)
{
  TlTestCliRun *run;
  va_list args;

  va_start (args, first);
  run = tl_test_cli_run_valist (NULL, library, first, args);
  va_end (args);
  if (run->status != status)
    g_printerr ("%s: status %d: %s%s", first, run->status, run->out, run->err);
  g_assert_cmpint (run->status, ==, status);
  if (status != 0)
    {
      tl_test_cli_assert_one_line (run->err);
      g_assert_cmpstr (run->out, ==, "");
    }
  return run;
}
