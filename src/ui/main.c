/* main.c: starts Tagline. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tl-application.h"

int
main (int argc, char **argv)
{
  g_autoptr(TlApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* TAGLINE_LOCALEDIR: the translations of a build tree (build/po), to run
   * it in another language before it is installed */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TAGLINE_LOCALEDIR") ? g_getenv ("TAGLINE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = tl_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
