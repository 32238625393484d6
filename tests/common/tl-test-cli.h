/* tl-test-cli.h: running the built tagline-cli (named by $TAGLINE_CLI) on
 * a library file, and reading what it says. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What one run of the command left: its exit status and all it wrote. */
typedef struct {
  int status;
  char *out;
  char *err;
} TlTestCliRun;

void tl_test_cli_run_free (TlTestCliRun *run);
TlTestCliRun *tl_test_cli_run (const char *library, const char *first, ...) G_GNUC_NULL_TERMINATED;
TlTestCliRun *tl_test_cli_run_valist (GSubprocessLauncher *launcher,
                                      const char *library,
                                      const char *first,
                                      va_list args);
/* Runs it on @library and checks its exit status is @status; a failure
 * says one line on stderr and prints nothing on stdout. */
TlTestCliRun *tl_test_cli_expect (const char *library, int status, const char *first, ...) G_GNUC_NULL_TERMINATED;
TlTestCliRun *tl_test_cli_run_argv (const char *const *prefix, const char *const *args);
JsonObject *tl_test_cli_parse_object (JsonParser *parser, const char *text);
void tl_test_cli_assert_one_line (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlTestCliRun, tl_test_cli_run_free)

G_END_DECLS
