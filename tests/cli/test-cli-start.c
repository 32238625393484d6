/* test-cli-start.c: tagline-cli starts without the media side (GStreamer,
 * GES, espeak-ng, FFTW, libxml2), and runs the commands that need it in
 * tagline-cli-media with the arguments as given; without that helper, a
 * media command says what is missing and the others still work. */
#include <json-glib/json-glib.h>
#include <string.h>

#include "tl-test-cli.h"
#include "tl-test-media.h"
#include "tl-test-util.h"

/* What the dynamic loader maps for @program, as ldd lists it. */
static char *
loaded_libraries (const char *program)
{
  const char *argv[] = { program, NULL };
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_subprocess_launcher_setenv (launcher, "LD_TRACE_LOADED_OBJECTS", "1", TRUE);
  proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  return out;
}

static void
test_core_only (void)
{
  static const char *const media_side[] = { "libgst", "libges-", "libespeak", "libfftw3", "libxml2", "libuchardet",
                                            "libgtk", NULL };
  g_autofree char *cli = loaded_libraries (g_getenv ("TAGLINE_CLI"));
  g_autofree char *helper = loaded_libraries (g_getenv ("TAGLINE_CLI_MEDIA"));

  g_assert_nonnull (strstr (cli, "libsqlite3"));
  for (guint i = 0; media_side[i]; i++)
    if (strstr (cli, media_side[i]) != NULL)
      g_error ("tagline-cli loads %s at start:\n%s", media_side[i], cli);
  /* the helper is where they are */
  g_assert_nonnull (strstr (helper, "libgstreamer-1.0"));
  g_assert_nonnull (strstr (helper, "libxml2"));
}

/* Options before the command reach tagline-cli-media as they were given. */
static void
test_media_arguments (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autofree char *srt = g_build_filename (dir, "talk.srt", NULL);
  g_autofree char *video = tl_test_make_video (dir, "talk.webm", 2, "25/1");
  const char *const import[] = { "--json", "--library", library, "import", "--media", video, srt, NULL };
  const char *const probe[] = { "--json", "--", "probe", video, NULL };
  g_autoptr(TlTestCliRun) imported = NULL;
  g_autoptr(TlTestCliRun) probed = NULL;
  g_autoptr(TlTestCliRun) sources = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *items;

  g_file_set_contents (srt, "1\n00:00:00,500 --> 00:00:01,500\nHello there\n", -1, &error);
  g_assert_no_error (error);

  imported = tl_test_cli_run_argv (NULL, import);
  g_assert_cmpstr (imported->err, ==, "");
  g_assert_cmpint (imported->status, ==, 0);
  items = json_object_get_array_member (tl_test_cli_parse_object (parser, imported->out), "imported");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "kind"), ==, "video");
  g_assert_true (g_file_test (library, G_FILE_TEST_EXISTS));

  probed = tl_test_cli_run_argv (NULL, probe);
  g_assert_cmpint (probed->status, ==, 0);
  g_assert_cmpstr (json_object_get_string_member (tl_test_cli_parse_object (parser, probed->out), "framerate"), ==,
                   "25/1");

  sources = tl_test_cli_run (library, "sources", NULL);
  g_assert_cmpint (sources->status, ==, 0);
  g_assert_nonnull (strstr (sources->out, "talk"));
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
copy_file (const char *from, const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* tagline-cli alone, as after a broken install. */
static void
test_no_media_helper (void)
{
  g_autofree char *installed = g_build_filename (TL_LIBEXECDIR, "tagline-cli-media", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *cli = NULL;
  g_autofree char *library = NULL;
  g_autofree char *srt = NULL;
  g_autoptr(TlTestCliRun) imported = NULL;
  g_autoptr(TlTestCliRun) sources = NULL;
  g_autoptr(TlTestCliRun) probed = NULL;

  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("tagline-cli-media is installed: a lone tagline-cli would find it");
      return;
    }
  dir = tl_test_tmpdir_new ();
  cli = g_build_filename (dir, "tagline-cli", NULL);
  library = g_build_filename (dir, "library.db", NULL);
  srt = g_build_filename (dir, "talk.srt", NULL);
  copy_file (g_getenv ("TAGLINE_CLI"), cli);
  g_chmod (cli, 0755);
  g_assert_true (g_file_set_contents (srt, "1\n00:00:00,500 --> 00:00:01,500\nHello there\n", -1, NULL));

  /* a library made by the whole command line */
  imported = tl_test_cli_run (library, "import", srt, NULL);
  g_assert_cmpint (imported->status, ==, 0);

  {
    const char *const args[] = { "sources", "--library", library, NULL };
    const char *const probe[] = { "probe", srt, NULL };
    g_autofree char *saved = g_strdup (g_getenv ("TAGLINE_CLI"));

    g_setenv ("TAGLINE_CLI", cli, TRUE);
    sources = tl_test_cli_run_argv (NULL, args);
    probed = tl_test_cli_run_argv (NULL, probe);
    g_setenv ("TAGLINE_CLI", saved, TRUE);
  }
  g_assert_cmpint (sources->status, ==, 0);
  g_assert_nonnull (strstr (sources->out, "talk"));

  g_assert_cmpint (probed->status, ==, 1);
  g_assert_cmpstr (probed->out, ==, "");
  tl_test_cli_assert_one_line (probed->err);
  g_assert_true (g_str_has_prefix (probed->err, "tagline-cli: "));
  g_assert_nonnull (strstr (probed->err, installed));
  g_assert_nonnull (strstr (probed->err, "probe"));
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_autofree char *home = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("TAGLINE_CLI") == NULL || g_getenv ("TAGLINE_CLI_MEDIA") == NULL)
    g_error ("TAGLINE_CLI and TAGLINE_CLI_MEDIA must name the built programs");
  /* a command that lost --library would use the default library: keep it here */
  home = tl_test_tmpdir_new ();
  g_setenv ("XDG_DATA_HOME", home, TRUE);

  g_test_add_func ("/cli/start/core-only", test_core_only);
  g_test_add_func ("/cli/start/media-arguments", test_media_arguments);
  g_test_add_func ("/cli/start/no-media-helper", test_no_media_helper);
  status = g_test_run ();
  tl_test_tmpdir_free (g_steal_pointer (&home));
  return status;
}
