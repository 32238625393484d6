/* tl-application.c: the application: command line, settings, which library
 * to open (--library, else the last one used, else the default one). */
#include "config.h"

#include "tl-application.h"

#include <glib/gi18n.h>

#include "tl-library.h"
#include "tl-window.h"

struct _TlApplication {
  AdwApplication parent_instance;
  char *library_path; /* from --library */
  GSettings *settings; /* NULL when the schema is not installed */
};

G_DEFINE_FINAL_TYPE (TlApplication, tl_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "library", 'l', 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this library file"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and quit"), NULL },
  { NULL }
};

static int
tl_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  TlApplication *self = TL_APPLICATION (app);
  g_autofree char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("tagline %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "library", "^ay", &path))
    self->library_path = g_canonicalize_filename (path, NULL);
  return -1;
}

static char *
choose_library (TlApplication *self)
{
  g_autofree char *last = NULL;

  if (self->library_path)
    return g_strdup (self->library_path);
  if (self->settings)
    last = g_settings_get_string (self->settings, "last-library");
  if (last && *last && g_file_test (last, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&last);
  return tl_library_get_default_path ();
}

static void
tl_application_activate (GApplication *app)
{
  TlApplication *self = TL_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *path = NULL;
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  path = choose_library (self);
  library = tl_library_open (path, &error);
  if (library && self->settings)
    {
      g_autofree char *default_path = tl_library_get_default_path ();
      g_settings_set_string (self->settings, "last-library", g_strcmp0 (path, default_path) == 0 ? "" : path);
    }
  window = GTK_WINDOW (tl_window_new (self, library, error));
  gtk_window_present (window);
}

static void
about_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Tagline developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", "Tagline",
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Review footage with its transcripts and tag the clips you need"),
                         NULL);
}

static void
quit_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_activated },
  { "quit", quit_activated },
};

static void
tl_application_startup (GApplication *app)
{
  TlApplication *self = TL_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (tl_application_parent_class)->startup (app);

  /* Run from the build tree without the schema, the app still works; it
   * just does not remember its window. */
  if (source)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema)
    self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", (const char *[]) { "<Control>w", NULL });
}

static void
tl_application_finalize (GObject *object)
{
  TlApplication *self = TL_APPLICATION (object);

  g_free (self->library_path);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (tl_application_parent_class)->finalize (object);
}

static void
tl_application_class_init (TlApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = tl_application_finalize;
  app_class->activate = tl_application_activate;
  app_class->startup = tl_application_startup;
  app_class->handle_local_options = tl_application_handle_local_options;
}

static void
tl_application_init (TlApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

TlApplication *
tl_application_new (void)
{
  return g_object_new (TL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/tagline/Tagline",
                       NULL);
}

GSettings *
tl_application_get_settings (TlApplication *self)
{
  g_return_val_if_fail (TL_IS_APPLICATION (self), NULL);
  return self->settings;
}
