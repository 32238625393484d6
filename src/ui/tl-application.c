/* tl-application.c: the application: one instance per session, its command
 * line (a library to open, files to import), settings, and which library
 * each window shows. */
#include "config.h"

#include "tl-application.h"

#include <glib/gi18n.h>

#include "tl-library.h"
#include "tl-library-file.h"
#include "tl-time-format.h"
#include "tl-window.h"

/* How many libraries the Open Recent menu remembers. */
#define MAX_RECENT_LIBRARIES 8

struct _TlApplication {
  AdwApplication parent_instance;
  GSettings *settings; /* NULL when the schema is not installed */
};

G_DEFINE_FINAL_TYPE (TlApplication, tl_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "library", 'l', 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this library file"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and quit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[LIBRARY|FILE…]") },
  { NULL }
};

static int
tl_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("tagline %s\n", PACKAGE_VERSION);
      return 0;
    }
  /* the rest goes to the instance that runs, this one or the one before */
  return -1;
}

/* The library to open when none is named: the one the preferences name,
 * else the last one, else the default. */
static char *
choose_library (TlApplication *self)
{
  g_autofree char *last = NULL;

  if (self->settings)
    {
      g_autofree char *chosen = g_settings_get_string (self->settings, "start-library");
      if (*chosen && g_file_test (chosen, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&chosen);
      last = g_settings_get_string (self->settings, "last-library");
    }
  if (last && *last && g_file_test (last, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&last);
  return tl_library_get_default_path ();
}

/* The window showing @path's library, if one does. */
static TlWindow *
find_window (TlApplication *self, const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (TL_IS_WINDOW (l->data) && tl_window_get_library (l->data)
        && g_strcmp0 (tl_library_get_path (tl_window_get_library (l->data)), path) == 0)
      return l->data;
  return NULL;
}

/* The Tagline window the editor worked in last, if any. */
static TlWindow *
active_window (TlApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (TL_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* Remembers @path as the library opened last and the first of the recent ones. */
static void
remember_library (TlApplication *self, const char *path)
{
  g_autofree char *default_path = tl_library_get_default_path ();
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 1;

  if (self->settings == NULL)
    return;
  g_settings_set_string (self->settings, "last-library", g_strcmp0 (path, default_path) == 0 ? "" : path);
  recent = g_settings_get_strv (self->settings, "recent-libraries");
  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] && n < MAX_RECENT_LIBRARIES; i++)
    if (g_strcmp0 (recent[i], path) != 0)
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }
  g_clear_pointer (&recent, g_strfreev);
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-libraries", (const char *const *) recent);
}

/**
 * tl_application_open_library:
 * @path: the library file (made when it does not exist)
 * @replace: (nullable): the window the editor asked from, which the new
 *   library takes the place of
 *
 * Shows the library at @path: the window that already shows it, or a new
 * one that replaces @replace (unless @replace is busy with a task, which
 * then goes on beside it). A library that cannot be opened leaves
 * @replace as it was and says why in it.
 *
 * Returns: (transfer none) (nullable): the window showing the library
 */
TlWindow *
tl_application_open_library (TlApplication *self, const char *path, TlWindow *replace)
{
  g_autofree char *canonical = NULL;
  g_autoptr(TlLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  TlWindow *window;

  g_return_val_if_fail (TL_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  canonical = g_canonicalize_filename (path, NULL);
  window = find_window (self, canonical);
  if (window)
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }
  library = tl_library_open (canonical, &error);
  if (library == NULL && replace && tl_window_get_library (replace))
    {
      /* the library the editor has open stays open */
      tl_window_show_error (replace, _("Cannot Open the Library"), error->message);
      return NULL;
    }
  if (library)
    remember_library (self, canonical);
  /* the old window leaves its size and panes to the new one */
  if (replace)
    tl_window_save_state (replace);
  window = tl_window_new (self, library, error);
  gtk_window_present (GTK_WINDOW (window));
  if (replace && !tl_window_is_busy (replace))
    gtk_window_destroy (GTK_WINDOW (replace));
  return library ? window : NULL;
}

/* What the command line, the file manager and a second launch hand over:
 * a library to open (named, or among the files), and files to import
 * into the library shown. */
static void
open_files (TlApplication *self, const char *library_path, GFile **files, guint n_files)
{
  g_autoptr(GPtrArray) imports = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *library = g_strdup (library_path);
  TlWindow *window = active_window (self);

  for (guint i = 0; i < n_files; i++)
    {
      char *path = g_file_get_path (files[i]);

      if (path == NULL)
        continue;
      if (library == NULL && tl_library_file_sniff (path))
        library = path;
      else
        g_ptr_array_add (imports, path);
    }
  if (library)
    window = tl_application_open_library (self, library, window);
  else if (window == NULL)
    {
      g_autofree char *path = choose_library (self);
      window = tl_application_open_library (self, path, NULL);
    }
  if (window == NULL)
    return;
  gtk_window_present (GTK_WINDOW (window));
  if (imports->len)
    {
      g_ptr_array_add (imports, NULL);
      tl_window_import (window, (const char *const *) imports->pdata);
    }
}

static int
tl_application_command_line (GApplication *app, GApplicationCommandLine *command_line)
{
  TlApplication *self = TL_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *library = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  /* relative names are relative to where the command ran, which may be
   * another process's folder */
  if (g_variant_dict_lookup (options, "library", "^ay", &library))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, library);
      g_free (library);
      library = g_file_get_path (file);
    }
  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay", &args))
    for (guint i = 0; args[i]; i++)
      g_ptr_array_add (files, g_application_command_line_create_file_for_arg (command_line, args[i]));
  open_files (self, library, (GFile **) files->pdata, files->len);
  return 0;
}

static void
tl_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  open_files (TL_APPLICATION (app), NULL, files, n_files);
}

static void
tl_application_activate (GApplication *app)
{
  open_files (TL_APPLICATION (app), NULL, NULL, 0);
}

static void
about_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { _("The Tagline developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", "Tagline",
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Review footage with its transcripts and tag the clips you need"),
                         /* TRANSLATORS: your names, one a line, as the About window credits them */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
open_recent_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  TlApplication *self = user_data;

  tl_application_open_library (self, g_variant_get_string (param, NULL), active_window (self));
}

static void
quit_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  TlApplication *self = user_data;

  /* each window keeps its size and panes, as closing it would */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (TL_IS_WINDOW (l->data))
      tl_window_save_state (l->data);
  g_application_quit (G_APPLICATION (self));
}

/* Without the settings schema (run from the build tree), the format is
 * kept for the session. */
static gboolean
name_to_state (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  g_value_set_variant (to, g_variant_new_string (g_value_get_string (from)));
  return TRUE;
}

static void
on_time_format_change_state (GSimpleAction *action, GVariant *value, gpointer data)
{
  TlTimeFormatKind kind;

  if (tl_time_format_kind_from_string (g_variant_get_string (value, NULL), &kind))
    tl_time_format_set_kind (tl_time_format_get_default (), kind);
}

static const GActionEntry app_actions[] = {
  { "about", about_activated },
  { "open-recent", open_recent_activated, "s" },
  { "quit", quit_activated },
};

/* Light, dark or as the desktop says, from the preferences, at once. */
static void
apply_color_scheme (GSettings *settings, const char *key, gpointer data)
{
  g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");
  AdwColorScheme value = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "light"))
    value = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    value = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), value);
}

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
  /* one way to show time, everywhere: the setting drives the format every
   * widget uses, and app.time-format (the player's menu) sets it */
  if (self->settings)
    {
      g_autoptr(GAction) format = g_settings_create_action (self->settings, "time-format");
      g_settings_bind (self->settings, "time-format", tl_time_format_get_default (), "name", G_SETTINGS_BIND_GET);
      g_action_map_add_action (G_ACTION_MAP (app), format);
      apply_color_scheme (self->settings, NULL, NULL);
      g_signal_connect (self->settings, "changed::color-scheme", G_CALLBACK (apply_color_scheme), NULL);
    }
  else
    {
      g_autoptr(GSimpleAction) format = g_simple_action_new_stateful ("time-format", G_VARIANT_TYPE_STRING,
                                                                      g_variant_new_string ("timecode"));
      g_object_bind_property_full (tl_time_format_get_default (), "name", format, "state", G_BINDING_SYNC_CREATE,
                                   name_to_state, NULL, NULL, NULL);
      g_signal_connect (format, "change-state", G_CALLBACK (on_time_format_change_state), NULL);
      g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (format));
    }
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", (const char *[]) { "<Control>w", NULL });
}

static void
tl_application_finalize (GObject *object)
{
  TlApplication *self = TL_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (tl_application_parent_class)->finalize (object);
}

static void
tl_application_class_init (TlApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = tl_application_finalize;
  app_class->activate = tl_application_activate;
  app_class->open = tl_application_open;
  app_class->command_line = tl_application_command_line;
  app_class->startup = tl_application_startup;
  app_class->handle_local_options = tl_application_handle_local_options;
}

static void
tl_application_init (TlApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

/**
 * tl_application_new:
 *
 * One instance per session: a second launch hands its command line to
 * the first, whose window opens the files.
 */
TlApplication *
tl_application_new (void)
{
  return g_object_new (TL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/tagline/Tagline",
                       NULL);
}

GSettings *
tl_application_get_settings (TlApplication *self)
{
  g_return_val_if_fail (TL_IS_APPLICATION (self), NULL);
  return self->settings;
}
