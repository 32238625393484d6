/* test-application.c: the application as the desktop starts it: files on
 * its command line (a library to open, transcripts to import), one
 * instance per session, libraries opened and made from the window, the
 * window's title, its icon and its list of shortcuts. */
#include <adwaita.h>
#include <string.h>

#include "tl-application.h"
#include "tl-import.h"
#include "tl-test-util.h"
#include "tl-test-widgets.h"
#include "tl-window-private.h"

/* Spins until @done says so or @msec pass; whether it did. */
static gboolean
spin_until (gboolean (*done) (gpointer), gpointer data, guint msec)
{
  gint64 until = g_get_monotonic_time () + msec * 1000;

  while (!done (data))
    {
      if (g_get_monotonic_time () > until)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

/* A library with the CBS transcript and one topic, made through the core. */
static char *
make_library (const char *dir, const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *sample = tl_test_sample_named ("000_");
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = tl_library_open (path, &error);
  g_autoptr(TlDocument) doc = NULL;
  TlImportOptions options = { sample, NULL, NULL };

  g_assert_no_error (error);
  doc = tl_import_file (sample, NULL, NULL, &error);
  g_assert_no_error (error);
  tl_library_add_document (library, doc, &options, &error);
  g_assert_no_error (error);
  g_object_unref (tl_library_add_topic (library, "Weapons", 1, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static guint
count_sources (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = tl_library_open (path, &error);
  g_autoptr(GPtrArray) sources = NULL;

  g_assert_no_error (error);
  sources = tl_library_list_sources (library, &error);
  g_assert_no_error (error);
  return sources->len;
}

static TlWindow *
only_window (TlApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
  TlWindow *found = NULL;

  for (GList *l = windows; l; l = l->next)
    if (TL_IS_WINDOW (l->data))
      {
        g_assert_null (found);
        found = l->data;
      }
  return found;
}

/* Each test's application is an instance of its own: no session bus here
 * (tests/meson.build), and no name to take from another. */
static TlApplication *
new_app (void)
{
  TlApplication *app = tl_application_new ();

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  return app;
}

/* The command line a file manager gives: runs the application with @argv
 * and calls @check on its window once it shows @n_sources sources. */
typedef struct {
  TlApplication *app;
  guint n_sources;
  void (*check) (TlWindow *window, gpointer data);
  gpointer data;
  gboolean checked;
} Run;

static gboolean
check_when_ready (gpointer user_data)
{
  Run *run = user_data;
  TlWindow *window = only_window (run->app);

  if (window == NULL || tl_window_is_busy (window) || window->library == NULL)
    return G_SOURCE_CONTINUE;
  {
    g_autoptr(GPtrArray) sources = tl_library_list_sources (window->library, NULL);
    if (sources == NULL || sources->len < run->n_sources)
      return G_SOURCE_CONTINUE;
  }
  tl_test_spin_idle (100);
  run->check (window, run->data);
  run->checked = TRUE;
  g_application_quit (G_APPLICATION (run->app));
  return G_SOURCE_REMOVE;
}

static gboolean
give_up (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_REMOVE;
}

static void
run_app (const char *const *argv, guint n_sources, void (*check) (TlWindow *, gpointer), gpointer data)
{
  Run run = { new_app (), n_sources, check, data, FALSE };
  guint poll = g_timeout_add (50, check_when_ready, &run);
  guint timeout = g_timeout_add_seconds (30, give_up, run.app);
  int status = g_application_run (G_APPLICATION (run.app), g_strv_length ((char **) argv), (char **) argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.checked);
  if (!run.checked)
    g_source_remove (poll);
  g_source_remove (timeout);
  g_object_unref (run.app);
}

static void
check_imported_shown (TlWindow *window, gpointer data)
{
  TlSource *source = tl_source_tree_get_selected_source (window->source_tree);

  /* the file imported is the source shown, titled in the window's title */
  g_assert_nonnull (source);
  g_assert_cmpstr (tl_source_get_title (source), ==, "Putin Upgrades North Korea Ties in Visit to Pyongyang | Vantage with Palki Sharma");
  g_assert_true (window->source == source || tl_source_get_id (window->source) == tl_source_get_id (source));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), tl_source_get_title (source)));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "library.db"));
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, tl_source_get_title (source));
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "library.db");
}

/* `tagline --library L.db transcript.txt`: the transcript is imported into
 * that library and shown. */
static void
test_command_line_imports (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *library = make_library (dir, "library.db");
  g_autofree char *sample = tl_test_sample_named ("003_");
  const char *argv[] = { "tagline", "--library", library, sample, NULL };

  run_app (argv, 2, check_imported_shown, NULL);
  g_assert_cmpuint (count_sources (library), ==, 2);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
check_library_open (TlWindow *window, gpointer data)
{
  const char *path = data;

  g_assert_nonnull (window->library);
  g_assert_cmpstr (tl_library_get_path (window->library), ==, path);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "library");
}

/* `tagline L.db` (a double-click on a library): the library is opened,
 * found by its content whatever its name, not imported. */
static void
test_command_line_opens_library (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *library = make_library (dir, "Summit desk");
  const char *argv[] = { "tagline", library, NULL };

  run_app (argv, 1, check_library_open, library);
  g_assert_cmpuint (count_sources (library), ==, 1);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

/* `tagline` alone opens the library the preferences name for the start,
 * not the one opened last. */
static void
test_start_library_preference (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *chosen = make_library (dir, "chosen.tagline");
  g_autofree char *other = make_library (dir, "other.tagline");
  const char *argv[] = { "tagline", NULL };
  const char *with_other[] = { "tagline", other, NULL };
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                                                      "org.tagline.Tagline", TRUE);
  g_autoptr(GSettings) settings = NULL;

  if (schema == NULL)
    {
      g_test_skip ("the settings schema is not installed");
      return;
    }
  settings = g_settings_new ("org.tagline.Tagline");
  /* the other one is the last opened */
  run_app (with_other, 1, check_library_open, other);
  g_settings_set_string (settings, "start-library", chosen);
  run_app (argv, 1, check_library_open, chosen);
  /* without it, the last one opened: now the chosen one, until another */
  g_settings_reset (settings, "start-library");
  run_app (with_other, 1, check_library_open, other);
  run_app (argv, 1, check_library_open, other);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A library opened from the window takes the window's place; the one it
 * replaced is in Open Recent. */
static void
test_open_library_replaces_window (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *first = make_library (dir, "first.db");
  g_autofree char *second = make_library (dir, "second.db");
  g_autoptr(TlApplication) app = new_app ();
  g_autoptr(GError) error = NULL;
  TlWindow *window, *replaced;
  GMenuModel *recent;
  g_autoptr(GVariant) target = NULL;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  window = tl_application_open_library (app, first, NULL);
  g_assert_nonnull (window);
  tl_test_spin_idle (100);
  replaced = tl_application_open_library (app, second, window);
  tl_test_spin_idle (100);
  g_assert_nonnull (replaced);
  g_assert_true (only_window (app) == replaced);
  g_assert_cmpstr (tl_library_get_path (replaced->library), ==, second);

  /* Open Recent holds the first library, not the one shown */
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (replaced->recent_section)), ==, 1);
  recent = g_menu_model_get_item_link (G_MENU_MODEL (replaced->recent_section), 0, G_MENU_LINK_SUBMENU);
  g_assert_nonnull (recent);
  g_assert_cmpint (g_menu_model_get_n_items (recent), ==, 1);
  target = g_menu_model_get_item_attribute_value (recent, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, first);
  g_object_unref (recent);

  /* opening the one shown again presents it, nothing more */
  g_assert_true (tl_application_open_library (app, second, replaced) == replaced);
  g_assert_true (only_window (app) == replaced);

  /* from Open Recent, back to the first */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-recent", g_variant_new_string (first));
  tl_test_spin_idle (100);
  g_assert_cmpstr (tl_library_get_path (only_window (app)->library), ==, first);
  gtk_window_destroy (GTK_WINDOW (only_window (app)));
  tl_test_spin_idle (50);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A file that is no library: the window says why, offers to open or make
 * one, and opening a good one from there works. */
static void
test_error_page_offers_a_way_out (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *bogus = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *good = make_library (dir, "good.db");
  g_autoptr(TlApplication) app = new_app ();
  g_autoptr(GError) error = NULL;
  TlWindow *window;

  g_assert_true (g_file_set_contents (bogus, "Not a database at all, just some notes.\n", -1, &error));
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_null (tl_application_open_library (app, bogus, NULL));
  window = only_window (app);
  g_assert_nonnull (window);
  tl_test_spin_idle (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "error");
  g_assert_nonnull (adw_status_page_get_description (window->error_page));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "open-library"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "new-library"));
  /* the buttons on the page are those actions */
  {
    gboolean open = FALSE, make = FALSE;
    GtkWidget *child = adw_status_page_get_child (window->error_page);
    for (GtkWidget *b = gtk_widget_get_first_child (child); b; b = gtk_widget_get_next_sibling (b))
      {
        const char *name = gtk_actionable_get_action_name (GTK_ACTIONABLE (b));
        open |= g_strcmp0 (name, "win.open-library") == 0 && gtk_widget_get_visible (b);
        make |= g_strcmp0 (name, "win.new-library") == 0 && gtk_widget_get_visible (b);
      }
    g_assert_true (open);
    g_assert_true (make);
  }
  /* the library chosen from there takes the error's place */
  g_assert_nonnull (tl_application_open_library (app, good, window));
  tl_test_spin_idle (100);
  g_assert_cmpstr (tl_library_get_path (only_window (app)->library), ==, good);
  /* and the bad file was left as it was */
  {
    g_autofree char *contents = NULL;
    g_assert_true (g_file_get_contents (bogus, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "Not a database at all, just some notes.\n");
  }
  gtk_window_destroy (GTK_WINDOW (only_window (app)));
  tl_test_spin_idle (50);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The About window and the app grid find the icon, also from the build tree. */
static void
test_icon_found (void)
{
  g_autoptr(TlApplication) app = new_app ();
  g_autoptr(GError) error = NULL;
  GtkIconTheme *theme;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_assert_true (gtk_icon_theme_has_icon (theme, "org.tagline.Tagline"));
}

/* Every key the window answers to is in its list of shortcuts (Ctrl+?),
 * and showing that list warns about nothing. */
typedef struct {
  GArray *listed; /* GtkShortcutTrigger *, from the shortcuts window */
} Listed;

static guint n_warnings;

static GLogWriterOutput
count_warnings (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
  if (level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL))
    {
      for (gsize i = 0; i < n_fields; i++)
        if (g_str_equal (fields[i].key, "MESSAGE"))
          g_test_message ("warned: %s", (const char *) fields[i].value);
      n_warnings++;
    }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static gboolean
listed (GPtrArray *accels, guint keyval, GdkModifierType mods)
{
  keyval = gdk_keyval_to_lower (keyval);
  /* the digits, on the keypad too, are listed as 1…9 */
  if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    keyval = GDK_KEY_1 + (keyval - GDK_KEY_KP_1);
  for (guint i = 0; i < accels->len; i++)
    {
      const char *accel = g_ptr_array_index (accels, i);
      guint key = 0;
      GdkModifierType m = 0;

      if (g_str_equal (accel, "1...9"))
        {
          if (mods == 0 && keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
            return TRUE;
          continue;
        }
      if (gtk_accelerator_parse (accel, &key, &m) && gdk_keyval_to_lower (key) == keyval && m == mods)
        return TRUE;
    }
  return FALSE;
}

static void
collect_listed (GtkWidget *widget, GPtrArray *accels)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) parts = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      parts = g_strsplit (accelerator ? accelerator : "", " ", -1);
      for (guint i = 0; parts[i]; i++)
        if (*parts[i])
          g_ptr_array_add (accels, g_strdup (parts[i]));
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_listed (c, accels);
}

/* Whether a key's action is ours: our single keys are callbacks, our
 * widgets' bindings name our actions; GTK's own (GtkWindow's Space on a
 * focused button, its lists' keys) are GTK's to document. */
static gboolean
ours (GtkShortcutAction *action)
{
  static const char *const gtk_groups[] = { "window.", "default.", "list.", "listitem.", "clipboard.",
                                            "selection.", "misc.", "menu.", "text.", "popover." };
  const char *name;

  if (GTK_IS_CALLBACK_ACTION (action))
    return TRUE;
  if (!GTK_IS_NAMED_ACTION (action))
    return FALSE;
  name = gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
  for (guint i = 0; i < G_N_ELEMENTS (gtk_groups); i++)
    if (g_str_has_prefix (name, gtk_groups[i]))
      return FALSE;
  return TRUE;
}

/* Keys bound by our own widgets (Tl*) and the window. */
static void
check_keys_listed (GtkWidget *widget, GPtrArray *accels, guint *n_checked)
{
  if (g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Tl"))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
              if (!GTK_IS_KEYVAL_TRIGGER (trigger) || !ours (gtk_shortcut_get_action (shortcut)))
                continue;
              {
                guint keyval = gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger));
                GdkModifierType mods = gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger));
                g_autofree char *name = gtk_accelerator_name (keyval, mods);
                if (!listed (accels, keyval, mods))
                  g_test_message ("%s binds %s, which the shortcuts window does not list",
                                  G_OBJECT_TYPE_NAME (widget), name);
                g_assert_true (listed (accels, keyval, mods));
                (*n_checked)++;
              }
            }
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    check_keys_listed (c, accels, n_checked);
}

static void
test_shortcuts_listed (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *library = make_library (dir, "library.db");
  g_autoptr(TlApplication) app = new_app ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accels = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) actions = NULL;
  GtkWindow *overlay;
  TlWindow *window;
  guint n_checked = 0;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  window = tl_application_open_library (app, library, NULL);
  tl_test_spin_idle (200);
  n_warnings = 0;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  tl_test_spin_idle (300);
  overlay = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (overlay)));
  g_assert_cmpuint (n_warnings, ==, 0);
  collect_listed (GTK_WIDGET (overlay), accels);
  g_assert_cmpuint (accels->len, >, 20);

  /* the accelerators of every action */
  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  for (guint i = 0; actions[i]; i++)
    {
      g_auto(GStrv) keys = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);
      for (guint k = 0; keys[k]; k++)
        {
          guint key;
          GdkModifierType mods;
          g_assert_true (gtk_accelerator_parse (keys[k], &key, &mods));
          if (!listed (accels, key, mods))
            g_test_message ("%s (%s) is not in the shortcuts window", keys[k], actions[i]);
          g_assert_true (listed (accels, key, mods));
          n_checked++;
        }
    }
  /* and the single keys of the window and its panes */
  check_keys_listed (GTK_WIDGET (window), accels, &n_checked);
  g_assert_cmpuint (n_checked, >, 40);
  gtk_window_destroy (overlay);
  gtk_window_destroy (GTK_WINDOW (window));
  tl_test_spin_idle (50);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Single instance, as the desktop runs it: a second `tagline FILE` hands
 * the file to the first, which imports it, and exits at once. Run with
 * the real program on a session bus of the test's own. */
static gboolean
name_owned (gpointer user_data)
{
  GDBusConnection *bus = user_data;
  g_autoptr(GVariant) reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                           "org.freedesktop.DBus", "NameHasOwner",
                                                           g_variant_new ("(s)", "org.tagline.Tagline"),
                                                           G_VARIANT_TYPE ("(b)"), 0, -1, NULL, NULL);
  gboolean owned = FALSE;

  if (reply)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

typedef struct {
  const char *library;
  guint n;
} SourceCount;

static gboolean
has_sources (gpointer user_data)
{
  SourceCount *c = user_data;

  return count_sources (c->library) >= c->n;
}

static void
on_gone (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *(gboolean *) user_data = TRUE;
}

static gboolean
is_true (gpointer user_data)
{
  return *(gboolean *) user_data;
}

static void
test_single_instance (void)
{
  const char *app_path = g_getenv ("TAGLINE_APP");
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *library = make_library (dir, "library.db");
  g_autofree char *sample = tl_test_sample_named ("003_");
  g_autofree char *copy = g_build_filename (dir, "firstpost.txt", NULL);
  g_autoptr(GTestDBus) bus = NULL;
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  gsize length;
  gboolean first_gone = FALSE;
  SourceCount two = { library, 2 };

  if (app_path == NULL || !g_file_test (app_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("TAGLINE_APP is not set to the built program");
      return;
    }
  g_assert_true (g_file_get_contents (sample, &contents, &length, &error));
  g_assert_true (g_file_set_contents (copy, contents, length, &error));

  /* GTestDBus takes DISPLAY away from the environment: the programs need it */
  display = g_strdup (g_getenv ("DISPLAY"));
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", g_test_dbus_get_bus_address (bus), TRUE);
  if (display)
    g_subprocess_launcher_setenv (launcher, "DISPLAY", display, TRUE);
  first = g_subprocess_launcher_spawn (launcher, &error, app_path, "--library", library, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (first, NULL, on_gone, &first_gone);
  g_assert_true (spin_until (name_owned, connection, 20000));

  /* the second launch: a name relative to its own folder */
  g_subprocess_launcher_set_cwd (launcher, dir);
  second = g_subprocess_launcher_spawn (launcher, &error, app_path, "firstpost.txt", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (second, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (second));

  /* the first imported it into its library, and still runs */
  g_assert_true (spin_until (has_sources, &two, 20000));
  g_assert_false (first_gone);

  /* Quit, as the menu's Quit (Ctrl+Q) does, through the running instance */
  g_dbus_connection_call_sync (connection, "org.tagline.Tagline", "/org/tagline/Tagline", "org.gtk.Actions",
                               "Activate", g_variant_new ("(sava{sv})", "quit", NULL, NULL), NULL, 0, -1, NULL,
                               &error);
  g_assert_no_error (error);
  g_assert_true (spin_until (is_true, &first_gone, 20000));
  g_assert_true (g_subprocess_get_successful (first));
  /* the bus goes down only when nothing holds its connection */
  g_dbus_connection_close_sync (connection, NULL, NULL);
  g_clear_object (&connection);
  g_test_dbus_down (bus);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/application/no-display", (GTestFunc) (void (*) (void)) g_test_skip);
      return g_test_run ();
    }
  adw_init ();
  g_log_set_writer_func (count_warnings, NULL, NULL);
  g_test_add_func ("/ui/application/command-line-imports", test_command_line_imports);
  g_test_add_func ("/ui/application/command-line-opens-library", test_command_line_opens_library);
  g_test_add_func ("/ui/application/start-library-preference", test_start_library_preference);
  g_test_add_func ("/ui/application/open-library-replaces-window", test_open_library_replaces_window);
  g_test_add_func ("/ui/application/error-page-offers-a-way-out", test_error_page_offers_a_way_out);
  g_test_add_func ("/ui/application/icon-found", test_icon_found);
  g_test_add_func ("/ui/application/shortcuts-listed", test_shortcuts_listed);
  g_test_add_func ("/ui/application/single-instance", test_single_instance);
  return g_test_run ();
}
