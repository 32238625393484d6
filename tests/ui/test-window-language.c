/* test-window-language.c: the real main window in German and in French,
 * under Xvfb, with the translations built in this tree: its labels and
 * tooltips, a plural, an undo label the core stored, and an error the core
 * made all read in the session's language. Each language runs in a process
 * of its own, started with LANGUAGE set, as a user's session would be. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "tl-application.h"
#include "tl-import.h"
#include "tl-test-util.h"
#include "tl-test-widgets.h"
#include "tl-window-private.h"

typedef struct {
  const char *language;
  const char *labels[4];   /* labels the window shows */
  const char *tooltip;     /* the Import button's */
  const char *english;     /* a label that must not be left in English */
  const char *lines;       /* the source row's plural, "28 Zeilen" */
  const char *undo;        /* the core's undo label for a new clip */
  const char *folder_error; /* the core's message for importing a folder */
} Language;

static const Language languages[] = {
  { "de", { "Themen", "Wiedergabe folgen", "Clips", "Eintippen" },
    "Transkripte und Medien importieren (Strg+I)", "Topics", "28 Zeilen", "Neuer Clip",
    "Das ist ein Ordner, keine Datei" },
  { "fr", { "Thèmes", "Suivre la lecture", "Clips", "Pointer" },
    "Importer des transcriptions et des médias (Ctrl+I)", "Topics", "28 lignes", "Nouveau clip",
    "C’est un dossier, pas un fichier" },
};

static gboolean
is_label (GtkWidget *widget, gconstpointer text)
{
  if (GTK_IS_LABEL (widget))
    return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
  if (GTK_IS_BUTTON (widget))
    return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0;
  return FALSE;
}

static gboolean
label_contains (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
has_tooltip (GtkWidget *widget, gconstpointer text)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

/* Runs in the child, whose LANGUAGE the parent set. */
static void
check_window (gconstpointer data)
{
  const Language *lang = data;
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *sample = tl_test_sample_named ("000_");
  g_autofree char *undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = tl_library_open (path, &error);
  g_autoptr(TlDocument) doc = NULL;
  g_autoptr(TlApplication) app = NULL;
  TlImportOptions options = { sample, NULL, NULL };
  TlTopic *topic;
  TlWindow *window;
  GtkWidget *root;

  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, lang->language);
  g_assert_no_error (error);
  doc = tl_import_file (sample, NULL, NULL, &error);
  g_assert_no_error (error);
  tl_library_add_document (library, doc, &options, &error);
  g_assert_no_error (error);
  topic = tl_library_add_topic (library, "Waffen", 1, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&topic);

  app = tl_application_new ();
  /* an instance of its own: no session bus here (tests/meson.build) */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = tl_window_new (app, library, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  gtk_window_present (GTK_WINDOW (window));
  tl_test_spin_idle (300);
  root = GTK_WIDGET (window);

  /* the window's own words, from its templates and its code */
  for (guint i = 0; i < G_N_ELEMENTS (lang->labels); i++)
    if (tl_test_find_widget (root, is_label, lang->labels[i]) == NULL)
      g_error ("no label “%s” in the %s window", lang->labels[i], lang->language);
  g_assert_nonnull (tl_test_find_widget (root, has_tooltip, lang->tooltip));
  g_assert_null (tl_test_find_widget (root, is_label, lang->english));
  /* a plural (ngettext), in the source tree's row */
  g_assert_nonnull (tl_test_find_widget (root, label_contains, lang->lines));

  /* the core's words: the undo label it stored in English, read back in
   * the session's language, and an import error */
  tl_transcript_view_select_line (window->transcript, 7, TRUE);
  tl_test_spin_idle (50);
  gtk_widget_activate_action (root, "win.tag", "u", 1);
  tl_test_spin_idle (100);
  undo = tl_library_get_undo_label (library);
  g_assert_cmpstr (undo, ==, lang->undo);
  g_clear_pointer (&doc, tl_document_free);
  doc = tl_import_file (dir, NULL, NULL, &error);
  g_assert_null (doc);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, lang->folder_error));

  gtk_window_destroy (GTK_WINDOW (window));
  tl_test_spin_idle (50);
  g_clear_object (&library);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Starts the test again in a child with LANGUAGE set before anything reads
 * it, and runs it there. */
static void
run_language (gconstpointer data)
{
  const Language *lang = data;
  g_autofree char *mo = g_build_filename (TL_TEST_LOCALEDIR, lang->language, "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);

  if (g_test_subprocess ())
    {
      check_window (data);
      return;
    }
  /* built with the tests (meson's po targets): a missing one is a failure */
  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));
  g_setenv ("LANGUAGE", lang->language, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_trap_assert_passed ();
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* the translations built in this tree, as main () binds installed ones */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, TL_TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/window/language/no-display", (GTestFunc) (void (*) (void)) g_test_skip);
      return g_test_run ();
    }
  adw_init ();

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *test = g_strdup_printf ("/ui/window/language/%s", languages[i].language);

      g_test_add_data_func (test, &languages[i], run_language);
    }
  return g_test_run ();
}
