/* tagline-cli.c: the command line for scripts, tests and batch work: main()
 * and the table of commands, each in a tl-cli-<command>.c of its own. Every
 * command takes --library FILE and --json, before or after its name; "--"
 * ends the options. Used wrongly it exits with status 2, failing with 1,
 * each time with one line on stderr that names the file (and line).
 * Commands that only read open the library read-only.
 *
 * Built twice: tagline-cli links the core only (without libxml2, FFTW,
 * uchardet, GStreamer), so that --help and the commands that read start
 * about as fast as the SQLite shell. The commands that use GStreamer, and
 * exports to FCPXML and Premiere XML, run in tagline-cli-media (this file
 * with TL_CLI_WITH_MEDIA, linking all of core and media), which
 * tagline-cli executes in its place with the same arguments. */
#include "config.h"
#include <glib/gi18n.h>

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tl-cli.h"

#ifdef TL_CLI_WITH_MEDIA
#define MEDIA(run) run
#else
#define MEDIA(run) NULL /* tagline-cli-media runs it */
#endif

#define MEDIA_HELPER "tagline-cli-media"

static const TlCliCommand commands[] = {
  { "import", MEDIA (tl_cli_import), TL_CLI_WRITES | TL_CLI_MEDIA, N_("Import transcripts (and their media)") },
  /* READS | WRITES: listing opens the library read-only, an edit to write */
  { "sources", tl_cli_sources, TL_CLI_READS | TL_CLI_WRITES, N_("List the sources, rename, move or delete one") },
  { "folders", tl_cli_folders, TL_CLI_READS | TL_CLI_WRITES, N_("List the folders, add, rename, move or delete one") },
  { "show", tl_cli_show, TL_CLI_READS, N_("Show a source and its transcript") },
  { "search", tl_cli_search, TL_CLI_READS, N_("Search every transcript") },
  { "segment", tl_cli_segment, TL_CLI_WRITES, N_("Correct a transcript line: edit, split or merge") },
  { "speaker", tl_cli_speaker, TL_CLI_WRITES, N_("Rename a speaker, or set a line’s speaker") },
  { "topics", tl_cli_topics, TL_CLI_READS | TL_CLI_WRITES, N_("List, add, rename, recolour, key or delete topics") },
  { "tag", tl_cli_tag, TL_CLI_WRITES, N_("Store a clip with topics") },
  { "clips", tl_cli_clips, TL_CLI_READS | TL_CLI_WRITES, N_("List clips, change, rearrange or delete them") },
  /* hands FCPXML and Premiere XML (libxml2) to tagline-cli-media */
  { "export", tl_cli_export, TL_CLI_READS, N_("Export clips (csv, json, edl, fcpxml, xmeml, otio, srt, vtt, md, html)") },
  { "render", MEDIA (tl_cli_render), TL_CLI_READS | TL_CLI_MEDIA,
    N_("Render clips as media files (webm, mkv, mp4), or one selects reel") },
  { "probe", MEDIA (tl_cli_probe), TL_CLI_NO_LIBRARY | TL_CLI_MEDIA, N_("Show what a media file holds") },
  { "relink", MEDIA (tl_cli_relink), TL_CLI_WRITES | TL_CLI_MEDIA, N_("Link a source to its (moved) media file") },
  { "demo", MEDIA (tl_cli_demo), TL_CLI_WRITES | TL_CLI_MEDIA, N_("Make a demo library with stand-in media") },
  { "align", MEDIA (tl_cli_align), TL_CLI_WRITES | TL_CLI_MEDIA, N_("Time a transcript from its media's sound") },
  { "undo", tl_cli_undo, TL_CLI_WRITES, N_("Undo the last change to the library (the window's too)") },
  { "redo", tl_cli_redo, TL_CLI_WRITES, N_("Redo the last change undone") },
  /* reads the file itself, without opening it as a library */
  { "check", tl_cli_check, TL_CLI_NO_LIBRARY, N_("Check that the library file is sound") },
};

static void
usage (FILE *out)
{
  fprintf (out, _("Usage: tagline-cli [--library FILE] [--json] COMMAND [OPTION…] [--] [ARGUMENT…]\n\nCommands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-8s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, _("\n--library and --json go before or after the command; “--” ends the options.\n"
                  "Exit status: 0 done, 1 failed, 2 used wrongly.\n"
                  "“tagline-cli COMMAND --help” tells more.\n"));
}

/* tagline-cli-media: beside this program in the build tree (and in the
 * tests), in libexecdir once installed. */
static char *
find_media_helper (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *beside = g_build_filename (dir, MEDIA_HELPER, NULL);
      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&beside);
    }
  return g_build_filename (LIBEXECDIR, MEDIA_HELPER, NULL);
}

/* Runs @argv, as given to main(), in tagline-cli-media; returns only when
 * it cannot be started. */
static int
exec_media_helper (char **argv, const char *command)
{
  g_autofree char *helper = find_media_helper ();
  int saved_errno;

  fflush (stdout);
  execv (helper, argv);
  saved_errno = errno;
  tl_cli_say (_("%s: %s (tagline-cli needs it for %s)"), helper, g_strerror (saved_errno), command);
  return 1;
}

static int
run (TlCli *cli, int argc, char **argv)
{
  static gboolean opt_help, opt_version;
  static const GOptionEntry main_entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &opt_help, NULL, NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &opt_version, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  /* the arguments as given, which parsing rearranges */
  g_autofree char **given = g_memdup2 (argv, (argc + 1) * sizeof (char *));

  /* the options before the command, as in "tagline-cli --library L.db
   * sources": parsing stops at the first argument that is not one */
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, tl_cli_common_entries (cli), NULL);
  g_option_context_add_main_entries (context, main_entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      tl_cli_say (_("%s (see tagline-cli --help)"), error->message);
      return 2;
    }
  if (argc >= 2 && strcmp (argv[1], "--") == 0)
    {
      argv[1] = argv[0];
      argc--, argv++;
    }
  if (opt_help || (argc >= 2 && strcmp (argv[1], "help") == 0))
    {
      usage (stdout);
      return 0;
    }
  if (opt_version)
    {
      printf ("tagline-cli %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (argc < 2)
    {
      usage (stderr);
      return 2;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      {
        cli->command = &commands[i];
        if ((commands[i].flags & TL_CLI_MEDIA) && !cli->has_media)
          return exec_media_helper (given, commands[i].name);
        if (commands[i].run (cli, argc - 1, argv + 1, &error))
          return 0;
        if (g_error_matches (error, TL_CLI_ERROR, TL_CLI_ERROR_MEDIA))
          return exec_media_helper (given, commands[i].name);
        return tl_cli_report (error);
      }
  tl_cli_say (_("unknown command “%s” (tagline-cli --help lists them)"), argv[1]);
  return 2;
}

int
main (int argc, char **argv)
{
  TlCli cli = { 0 };
  int status;

#ifdef TL_CLI_WITH_MEDIA
  cli.has_media = TRUE;
#endif
  setlocale (LC_ALL, "");
  /* TAGLINE_LOCALEDIR: the translations of a build tree (build/po), to run
   * it in another language before it is installed */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TAGLINE_LOCALEDIR") ? g_getenv ("TAGLINE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("tagline-cli");

  status = run (&cli, argc, argv);
  tl_cli_clear (&cli);
  return status;
}
