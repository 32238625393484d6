/* test-app-id.c: the app id, org.tagline.Tagline, is the same everywhere
 * the desktop looks it up: the program's GApplication id and resource path,
 * the desktop file's name and icon, the metainfo, the GSettings schema, the
 * icons, the D-Bus service (which starts the app that takes that name), the
 * MIME package and the Flatpak manifest. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tl-test-util.h"

static char *
source_file (const char *first, ...)
{
  g_autofree char *data = g_test_build_filename (G_TEST_DIST, "..", NULL);
  va_list args;
  g_autoptr(GString) path = g_string_new (data);

  va_start (args, first);
  for (const char *p = first; p; p = va_arg (args, const char *))
    g_string_append_printf (path, "/%s", p);
  va_end (args);
  return g_string_free (g_steal_pointer (&path), FALSE);
}

static char *
built_data_file (const char *name)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "data", name, NULL);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error))
    g_error ("%s", error->message);
  return text;
}

/* The first match of @pattern's group 1 in @text. */
static char *
match (const char *text, const char *pattern)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) info = NULL;

  g_assert_nonnull (regex);
  if (!g_regex_match (regex, text, 0, &info))
    return NULL;
  return g_match_info_fetch (info, 1);
}

static void
test_meson (void)
{
  g_autofree char *path = source_file ("meson.build", NULL);
  g_autofree char *text = read_file (path);
  g_autofree char *id = match (text, "^app_id = '([^']*)'");

  g_assert_cmpstr (id, ==, APP_ID);
  g_assert_cmpstr (APP_ID, ==, "org.tagline.Tagline");
}

static void
test_desktop_file (void)
{
  g_autofree char *path = built_data_file (APP_ID ".desktop");
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_autofree char *icon = NULL;

  g_assert_true (g_key_file_load_from_file (file, path, 0, &error));
  g_assert_no_error (error);
  icon = g_key_file_get_string (file, "Desktop Entry", "Icon", NULL);
  g_assert_cmpstr (icon, ==, APP_ID);
  /* started by its bus name, which is its file's name */
  g_assert_true (g_key_file_get_boolean (file, "Desktop Entry", "DBusActivatable", NULL));
}

static void
test_metainfo (void)
{
  g_autofree char *path = built_data_file (APP_ID ".metainfo.xml");
  g_autofree char *text = read_file (path);
  g_autofree char *id = match (text, "<id>([^<]*)</id>");
  g_autofree char *launchable = match (text, "<launchable type=\"desktop-id\">([^<]*)</launchable>");

  g_assert_cmpstr (id, ==, APP_ID);
  g_assert_cmpstr (launchable, ==, APP_ID ".desktop");
}

static void
test_schema (void)
{
  g_autofree char *path = source_file ("data", APP_ID ".gschema.xml", NULL);
  g_autofree char *text = read_file (path);
  g_autofree char *id = match (text, "<schema id=\"([^\"]*)\"");
  g_autofree char *schema_path = match (text, "<schema id=\"[^\"]*\" path=\"([^\"]*)\"");
  g_autofree char *expected_path = g_strdup_printf ("/%s/", APP_ID);

  g_strdelimit (expected_path, ".", '/');
  g_assert_cmpstr (id, ==, APP_ID);
  g_assert_cmpstr (schema_path, ==, expected_path);
}

static void
test_icons (void)
{
  g_autofree char *scalable = source_file ("data", "icons", APP_ID ".svg", NULL);
  g_autofree char *symbolic = source_file ("data", "icons", APP_ID "-symbolic.svg", NULL);
  g_autofree char *gresource_path = source_file ("src", "ui", "tagline.gresource.xml", NULL);
  g_autofree char *gresource = read_file (gresource_path);
  g_autofree char *prefix = match (gresource, "<gresource prefix=\"([^\"]*)\"");
  g_autofree char *alias = match (gresource, "alias=\"icons/scalable/apps/([^\"]*)\"");
  g_autofree char *expected_prefix = g_strdup_printf ("/%s", APP_ID);

  g_strdelimit (expected_prefix, ".", '/');
  g_assert_true (g_file_test (scalable, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (symbolic, G_FILE_TEST_IS_REGULAR));
  /* the window's own copy of the icon, under the app's resource path */
  g_assert_cmpstr (prefix, ==, expected_prefix);
  g_assert_cmpstr (alias, ==, APP_ID ".svg");
}

static void
test_flatpak_and_mime (void)
{
  g_autofree char *manifest_path = source_file ("build-aux", "flatpak", APP_ID ".json", NULL);
  g_autofree char *manifest = read_file (manifest_path);
  g_autofree char *id = match (manifest, "^  \"id\": \"([^\"]*)\"");
  g_autofree char *meson_path = source_file ("data", "meson.build", NULL);
  g_autofree char *meson = read_file (meson_path);
  g_autofree char *mime_name = match (meson, "rename: '([^']*)'");

  g_assert_cmpstr (id, ==, APP_ID);
  g_assert_cmpstr (mime_name, ==, APP_ID ".xml");
}

static void
test_dbus_service_file (void)
{
  g_autofree char *path = built_data_file (APP_ID ".service");
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec = NULL, *name = NULL;

  g_assert_true (g_key_file_load_from_file (file, path, 0, &error));
  g_assert_no_error (error);
  name = g_key_file_get_string (file, "D-BUS Service", "Name", NULL);
  g_assert_cmpstr (name, ==, APP_ID);
  exec = g_key_file_get_string (file, "D-BUS Service", "Exec", NULL);
  g_assert_true (g_str_has_suffix (exec, "/tagline --gapplication-service"));
}

static gboolean
name_owned (GDBusConnection *bus)
{
  g_autoptr(GVariant) reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                           "org.freedesktop.DBus", "NameHasOwner",
                                                           g_variant_new ("(s)", APP_ID), G_VARIANT_TYPE ("(b)"),
                                                           0, -1, NULL, NULL);
  gboolean owned = FALSE;

  if (reply)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

static gboolean
window_shown (GDBusConnection *bus)
{
  g_autoptr(GVariant) reply = NULL;
  g_autofree char *xml = NULL;

  reply = g_dbus_connection_call_sync (bus, APP_ID, "/org/tagline/Tagline/window",
                                       "org.freedesktop.DBus.Introspectable", "Introspect", NULL,
                                       G_VARIANT_TYPE ("(s)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, NULL);
  if (reply == NULL)
    return FALSE;
  g_variant_get (reply, "(s)", &xml);
  return strstr (xml, "<node name=\"1\"") != NULL;
}

/* The session starts the app for a call to the service's name, as GNOME
 * Shell does from the app grid: the built program, under the name of the
 * built service file, in service mode; it takes the name and shows a window. */
static void
test_dbus_activation (void)
{
  const char *app = g_getenv ("TAGLINE_APP");
  g_autofree char *built_service = built_data_file (APP_ID ".service");
  g_autoptr(GKeyFile) service = g_key_file_new ();
  g_autofree char *dir = NULL, *service_path = NULL, *exec = NULL, *display = NULL, *home = NULL;
  g_autofree char *display_env = NULL, *env = NULL;
  g_autoptr(GTestDBus) bus = NULL;
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  gboolean shown = FALSE;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("no display");
      return;
    }
  if (app == NULL || !g_file_test (app, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("TAGLINE_APP is not set to the built program");
      return;
    }
  dir = tl_test_tmpdir_new ();
  home = g_build_filename (dir, "home", NULL);
  g_assert_cmpint (g_mkdir (home, 0700), ==, 0);
  /* the built service file, its program the one in the build tree */
  g_assert_true (g_key_file_load_from_file (service, built_service, G_KEY_FILE_KEEP_COMMENTS, &error));
  /* the bus starts it with the bus's environment, not the test's */
  display_env = g_getenv ("DISPLAY") ? g_strdup_printf ("DISPLAY=%s", g_getenv ("DISPLAY")) : g_strdup ("");
  env = g_find_program_in_path ("env");
  g_assert_nonnull (env);
  /* dbus-daemon runs the program by its path, without a shell; built with
   * the sanitizers, the app's own leaks are for the UI tests to find, not
   * for its exit to be slow here */
  exec = g_strdup_printf ("%s ASAN_OPTIONS=detect_leaks=0 HOME=%s XDG_DATA_HOME=%s GSETTINGS_BACKEND=memory %s %s "
                          "--gapplication-service",
                          env, home, home, display_env, app);
  g_key_file_set_string (service, "D-BUS Service", "Exec", exec);
  service_path = g_build_filename (dir, APP_ID ".service", NULL);
  g_assert_true (g_key_file_save_to_file (service, service_path, &error));

  display = g_strdup (g_getenv ("DISPLAY"));
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_add_service_dir (bus, dir);
  g_test_dbus_up (bus);
  if (display)
    g_setenv ("DISPLAY", display, TRUE);
  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  /* Activate, as the shell calls it: the bus starts the service */
  g_dbus_connection_call_sync (connection, APP_ID, "/org/tagline/Tagline", "org.freedesktop.Application", "Activate",
                               g_variant_new ("(a{sv})", NULL), NULL, 0, 60000, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 300 && !(shown = window_shown (connection)); i++)
    g_usleep (100000);
  g_assert_true (shown);

  g_dbus_connection_call_sync (connection, APP_ID, "/org/tagline/Tagline", "org.gtk.Actions", "Activate",
                               g_variant_new ("(sava{sv})", "quit", NULL, NULL), NULL,
                               G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, &error);
  g_assert_no_error (error);
  /* gone before its bus */
  for (int i = 0; i < 300 && name_owned (connection); i++)
    g_usleep (100000);
  g_assert_false (name_owned (connection));
  g_dbus_connection_close_sync (connection, NULL, NULL);
  g_clear_object (&connection);
  g_test_dbus_down (bus);

  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/install/app-id/meson", test_meson);
  g_test_add_func ("/install/app-id/desktop-file", test_desktop_file);
  g_test_add_func ("/install/app-id/metainfo", test_metainfo);
  g_test_add_func ("/install/app-id/schema", test_schema);
  g_test_add_func ("/install/app-id/icons", test_icons);
  g_test_add_func ("/install/app-id/flatpak-and-mime", test_flatpak_and_mime);
  g_test_add_func ("/install/app-id/dbus-service-file", test_dbus_service_file);
  g_test_add_func ("/install/app-id/dbus-activation", test_dbus_activation);
  return g_test_run ();
}
