/* tl-cli.c: what tagline-cli's commands share: option parsing, opening the
 * library, errors said in one line, JSON output and long jobs. */
#include "config.h"
#include <glib/gi18n.h>

#include "tl-cli.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tl-text.h"

G_DEFINE_QUARK (tl-cli-error-quark, tl_cli_error)

void
tl_cli_clear (TlCli *cli)
{
  g_clear_object (&cli->library);
  g_clear_pointer (&cli->library_path, g_free);
  g_clear_pointer (&cli->args, g_ptr_array_unref);
  g_clear_pointer (&cli->json_writer, tl_json_writer_free);
  if (cli->json_text)
    g_string_free (g_steal_pointer (&cli->json_text), TRUE);
}

/* --library and --json, which go before or after the command's name */
const GOptionEntry *
tl_cli_common_entries (TlCli *cli)
{
  static GOptionEntry entries[3];

  entries[0] = (GOptionEntry) { "library", 'l', 0, G_OPTION_ARG_FILENAME, &cli->library_path,
                                N_("The library file (default: your Tagline library)"), "FILE" };
  entries[1] = (GOptionEntry) { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json,
                                N_("Print one JSON document on standard output"), NULL };
  return entries;
}

static gboolean
set_error_valist (GError **error, TlCliError code, const char *format, va_list args)
{
  g_autofree char *msg = g_strdup_vprintf (format, args);

  g_set_error_literal (error, TL_CLI_ERROR, code, msg);
  return FALSE;
}

/* Sets a usage error (exit status 2) and returns %FALSE. */
gboolean
tl_cli_usage_error (GError **error, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  set_error_valist (error, TL_CLI_ERROR_USAGE, format, args);
  va_end (args);
  return FALSE;
}

/* Sets a failure (exit status 1) and returns %FALSE. */
gboolean
tl_cli_failed (GError **error, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  set_error_valist (error, TL_CLI_ERROR_FAILED, format, args);
  va_end (args);
  return FALSE;
}

/* Sets a failure the command has already said, line by line, and returns
 * %FALSE. */
gboolean
tl_cli_reported (GError **error)
{
  g_set_error_literal (error, TL_CLI_ERROR, TL_CLI_ERROR_REPORTED, "");
  return FALSE;
}

/* Hands the command to tagline-cli-media, which main() then runs with the
 * same arguments, and returns %FALSE. */
gboolean
tl_cli_needs_media (TlCli *cli, GError **error)
{
  g_return_val_if_fail (!cli->has_media, FALSE);

  g_set_error_literal (error, TL_CLI_ERROR, TL_CLI_ERROR_MEDIA, "");
  return FALSE;
}

/* Says one line on stderr: a warning, or one of several failures. */
void
tl_cli_say (const char *format, ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  /* one line, whatever the message held */
  g_strdelimit (msg, "\n", ' ');
  fprintf (stderr, _("tagline-cli: %s\n"), msg);
}

/* Says what failed, once, and gives the exit status. */
int
tl_cli_report (const GError *error)
{
  /* a command that fails says why */
  g_return_val_if_fail (error != NULL, 1);

  if (!g_error_matches (error, TL_CLI_ERROR, TL_CLI_ERROR_REPORTED))
    tl_cli_say ("%s", error->message);
  return g_error_matches (error, TL_CLI_ERROR, TL_CLI_ERROR_USAGE) ? 2 : 1;
}

/* Parses a command's options (and --library, --json) out of @argv, which
 * is left with the command's name and its other arguments. Everything
 * after "--" is an argument, even when it begins with "-": a topic named
 * "-3+4". */
gboolean
tl_cli_parse_options (TlCli *cli, int *argc, char ***argv, const char *usage, const char *summary,
                      const GOptionEntry *entries, const GOptionEntry *more_entries, GError **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autoptr(GError) local_error = NULL;
  g_autofree char **options = NULL;
  int n_options = *argc, n;

  for (int i = 1; i < *argc; i++)
    if (strcmp ((*argv)[i], "--") == 0)
      {
        n_options = i;
        break;
      }
  options = g_new0 (char *, n_options + 1);
  memcpy (options, *argv, n_options * sizeof (char *));
  n = n_options;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, tl_cli_common_entries (cli), NULL);
  if (entries)
    g_option_context_add_main_entries (context, entries, NULL);
  if (more_entries)
    g_option_context_add_main_entries (context, more_entries, NULL);
  if (!g_option_context_parse (context, &n, &options, &local_error))
    return tl_cli_usage_error (error, _("%s (see tagline-cli %s --help)"), local_error->message, (*argv)[0]);

  /* the arguments left, which the command reads until it ends */
  if (cli->args == NULL)
    cli->args = g_ptr_array_new ();
  g_ptr_array_set_size (cli->args, 0);
  for (int i = 0; i < n; i++)
    g_ptr_array_add (cli->args, options[i]);
  for (int i = n_options + 1; i < *argc; i++)
    g_ptr_array_add (cli->args, (*argv)[i]);
  g_ptr_array_add (cli->args, NULL);
  *argc = cli->args->len - 1;
  *argv = (char **) cli->args->pdata;
  return TRUE;
}

char *
tl_cli_library_path (TlCli *cli)
{
  return cli->library_path ? g_strdup (cli->library_path) : tl_library_get_default_path ();
}

/**
 * tl_cli_open_library:
 * @mode: to read or to write, as the command table allows the command
 *
 * Returns: (transfer none): the library, which @cli keeps until the run ends
 */
TlLibrary *
tl_cli_open_library (TlCli *cli, TlCliOpenMode mode, GError **error)
{
  g_autofree char *path = tl_cli_library_path (cli);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(TlLibrary) library = NULL;

  g_return_val_if_fail (cli->library == NULL, NULL);
  g_return_val_if_fail (cli->command != NULL, NULL);
  g_return_val_if_fail (cli->command->flags & (mode == TL_CLI_OPEN_TO_READ ? TL_CLI_READS : TL_CLI_WRITES), NULL);

  /* not a new empty library left behind by a mistyped name */
  if (mode == TL_CLI_OPEN_TO_EDIT && strstr (path, "://") == NULL && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      tl_cli_failed (error, _("%s does not exist (tagline-cli import makes a library; --library names another)"),
                     path);
      return NULL;
    }
  library = tl_library_open_full (path, mode == TL_CLI_OPEN_TO_READ ? TL_LIBRARY_OPEN_READ_ONLY
                                                                    : TL_LIBRARY_OPEN_DEFAULT, &local_error);
  if (library == NULL)
    {
      if (g_error_matches (local_error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_MISSING))
        tl_cli_failed (error, _("%s (tagline-cli import makes a library; --library names another)"),
                       local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* say so before any work is done, not at its end */
  if (mode != TL_CLI_OPEN_TO_READ && tl_library_is_read_only (library))
    {
      tl_cli_failed (error, "%s", tl_library_get_read_only_reason (library));
      return NULL;
    }
  cli->library = g_steal_pointer (&library);
  return cli->library;
}

static gboolean
parse_number (const char *arg, gint64 *id)
{
  char *end = NULL;
  gint64 value = g_ascii_strtoll (arg, &end, 10);

  if (end == arg || *end != '\0' || value <= 0)
    return FALSE;
  *id = value;
  return TRUE;
}

gboolean
tl_cli_parse_source_id (const char *arg, gint64 *id, GError **error)
{
  if (!parse_number (arg, id))
    return tl_cli_usage_error (error, _("“%s” is not a source id (a number from “tagline-cli sources”)"), arg);
  return TRUE;
}

gboolean
tl_cli_parse_clip_id (const char *arg, gint64 *id, GError **error)
{
  if (!parse_number (arg, id))
    return tl_cli_usage_error (error, _("“%s” is not a clip id (a number from “tagline-cli clips”)"), arg);
  return TRUE;
}

/* "83.5", "1:23.5" or "00:01:23.500": a time in the source. */
gboolean
tl_cli_parse_time (const char *arg, gint64 *usec, GError **error)
{
  const char *end = NULL;

  if ((tl_parse_clock (arg, &end, usec) || tl_parse_seconds (arg, &end, usec)) && *end == '\0' && *usec >= 0)
    return TRUE;
  return tl_cli_usage_error (error, _("“%s” is not a time: give seconds (83.5) or a clock time (00:01:23.5)"), arg);
}

char *
tl_cli_format_time (gint64 usec)
{
  if (usec < 0)
    return g_strdup ("--:--:--");
  return tl_format_clock (usec, TRUE, '.');
}

/* clips, export and render share their filter options */

static char **opt_topics;
static char **opt_sources;
static char *opt_folder_filter;
static int opt_min_rating;
static char *opt_query;
static char *opt_order;

const GOptionEntry tl_cli_filter_entries[] = {
  { "topic", 't', 0, G_OPTION_ARG_STRING_ARRAY, &opt_topics, N_("Clips with this topic (repeat for any of several)"), "NAME" },
  { "source", 's', 0, G_OPTION_ARG_STRING_ARRAY, &opt_sources, N_("Clips of this source (repeatable)"), "ID" },
  { "folder", 0, 0, G_OPTION_ARG_STRING, &opt_folder_filter, N_("Clips of sources in this folder"), "NAME" },
  { "min-rating", 0, 0, G_OPTION_ARG_INT, &opt_min_rating, N_("Clips rated at least N"), "N" },
  { "query", 'q', 0, G_OPTION_ARG_STRING, &opt_query, N_("Clips whose words match this search"), "QUERY" },
  { "order", 0, 0, G_OPTION_ARG_STRING, &opt_order,
    N_("source (default), topic, rating, created or arranged (as in the clips list)"), "ORDER" },
  { NULL }
};

/* @ids: where the source ids are kept while @filter is used */
gboolean
tl_cli_build_filter (TlClipFilter *filter, GArray *ids, GError **error)
{
  /* in TlClipOrder's order */
  static const char *const orders[] = { "source", "topic", "rating", "created", "arranged" };

  memset (filter, 0, sizeof *filter);
  filter->topics = (const char *const *) opt_topics;
  for (guint i = 0; opt_sources && opt_sources[i]; i++)
    {
      gint64 id;
      if (!tl_cli_parse_source_id (opt_sources[i], &id, error))
        return FALSE;
      g_array_append_val (ids, id);
    }
  filter->source_ids = (const gint64 *) ids->data;
  filter->n_source_ids = ids->len;
  filter->folder = opt_folder_filter;
  if (opt_min_rating < 0 || opt_min_rating > 5)
    return tl_cli_usage_error (error, _("--min-rating takes 0 to 5, not %d"), opt_min_rating);
  filter->min_rating = opt_min_rating;
  filter->query = opt_query;
  filter->order = TL_CLIP_ORDER_SOURCE;
  if (opt_order)
    {
      guint i;
      for (i = 0; i < G_N_ELEMENTS (orders); i++)
        if (strcmp (opt_order, orders[i]) == 0)
          break;
      if (i == G_N_ELEMENTS (orders))
        return tl_cli_usage_error (error, _("--order takes source, topic, rating, created or arranged, not “%s”"),
                                   opt_order);
      filter->order = (TlClipOrder) i;
    }
  return TRUE;
}

/* JSON */

/* The writer of the one JSON document the command prints with --json. */
TlJsonWriter *
tl_cli_json (TlCli *cli)
{
  if (cli->json_writer == NULL)
    {
      cli->json_text = g_string_new (NULL);
      cli->json_writer = tl_json_writer_new (cli->json_text, TRUE);
    }
  return cli->json_writer;
}

void
tl_cli_print_json (TlCli *cli)
{
  g_return_if_fail (cli->json_writer != NULL);

  printf ("%s\n", cli->json_text->str);
}

/* long jobs */

void
tl_cli_job_init (TlCliJob *job)
{
  job->loop = g_main_loop_new (NULL, FALSE);
  job->cancellable = g_cancellable_new ();
  job->show_progress = isatty (STDERR_FILENO);
}

void
tl_cli_job_clear (TlCliJob *job)
{
  g_clear_pointer (&job->loop, g_main_loop_unref);
  g_clear_object (&job->cancellable);
  g_clear_error (&job->error);
}

static gboolean
on_job_interrupt (gpointer user_data)
{
  g_cancellable_cancel (((TlCliJob *) user_data)->cancellable);
  return G_SOURCE_CONTINUE;
}

/* Waits for the job's finish callback to quit the loop. */
void
tl_cli_job_wait (TlCliJob *job)
{
  guint sigint = g_unix_signal_add (SIGINT, on_job_interrupt, job);

  g_main_loop_run (job->loop);
  g_source_remove (sigint);
  if (job->show_progress)
    fprintf (stderr, "\r\033[K");
}
