/* test-flatpak.c: the Flatpak manifest (build-aux/flatpak/), which cannot be
 * built here without the GNOME runtime: valid JSON, the app id, pinned
 * sources, and a module for each dependency of the meson build that the
 * runtime lacks (and none for nothing). */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

/* What the org.gnome.Platform 50 runtime holds of what the build needs:
 * GNOME's SDK (gnome-build-meta 50.x, elements/sdk-platform.bst: GTK,
 * libadwaita, json-glib, ...) on the freedesktop SDK 25.08's platform stack
 * (elements/platform.bst: GLib, SQLite, libxml2, FFTW with its single
 * precision library, GStreamer and its base, good, bad, ugly and libav
 * plugins). */
static const char *const runtime_has[] = {
  "glib-2.0", "gio-2.0", "gobject-2.0", "sqlite3", "json-glib-1.0", "libxml-2.0",
  "gstreamer-1.0", "gstreamer-pbutils-1.0", "gstreamer-app-1.0", "gstreamer-video-1.0",
  "gstreamer-audio-1.0", "gtk4", "libadwaita-1", "fftw3f",
  NULL,
};

/* What it lacks, and the module of the manifest that builds each. */
static const struct {
  const char *dependency;
  const char *module;
} modules_for[] = {
  { "uchardet", "uchardet" },
  { "espeak-ng", "espeak-ng" },
  { "gst-editing-services-1.0", "gst-editing-services" },
};

static JsonObject *
load_manifest (JsonParser *parser)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "build-aux", "flatpak",
                                                 APP_ID ".json", NULL);
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_file (parser, path, &error))
    g_error ("%s: %s", path, error->message);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

/* The names the meson build gave dependency(), as it found them. */
static GPtrArray *
build_dependencies (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "..", "meson-info", "intro-dependencies.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  JsonArray *deps;

  if (!json_parser_load_from_file (parser, path, &error))
    g_error ("%s: %s", path, error->message);
  deps = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (deps); i++)
    g_ptr_array_add (names, g_strdup (json_object_get_string_member (json_array_get_object_element (deps, i), "name")));
  return names;
}

static JsonObject *
find_module (JsonArray *modules, const char *name)
{
  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      JsonObject *module = json_array_get_object_element (modules, i);
      if (g_strcmp0 (json_object_get_string_member_with_default (module, "name", NULL), name) == 0)
        return module;
    }
  return NULL;
}

static void
test_app (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *manifest = load_manifest (parser);
  JsonArray *args;
  gboolean wayland = FALSE;

  g_assert_cmpstr (json_object_get_string_member (manifest, "id"), ==, APP_ID);
  g_assert_cmpstr (json_object_get_string_member (manifest, "runtime"), ==, "org.gnome.Platform");
  g_assert_cmpstr (json_object_get_string_member (manifest, "sdk"), ==, "org.gnome.Sdk");
  /* a string: 50, not 50.0 */
  g_assert_true (json_node_get_value_type (json_object_get_member (manifest, "runtime-version")) == G_TYPE_STRING);
  g_assert_cmpstr (json_object_get_string_member (manifest, "command"), ==, "tagline");
  args = json_object_get_array_member (manifest, "finish-args");
  for (guint i = 0; i < json_array_get_length (args); i++)
    if (g_strcmp0 (json_array_get_string_element (args, i), "--socket=wayland") == 0)
      wayland = TRUE;
  g_assert_true (wayland);
}

/* Each module builds from pinned sources, the last one is Tagline from
 * this tree. */
static void
test_modules_pinned (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *manifest = load_manifest (parser);
  JsonArray *modules = json_object_get_array_member (manifest, "modules");
  guint n = json_array_get_length (modules);
  JsonObject *tagline;
  JsonArray *sources;
  g_autofree char *root = NULL, *meson_build = NULL;

  g_assert_cmpuint (n, >, 1);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *module = json_array_get_object_element (modules, i);
      const char *name = json_object_get_string_member (module, "name");
      const char *buildsystem = json_object_get_string_member_with_default (module, "buildsystem", "autotools");
      const char *const known[] = { "autotools", "cmake", "cmake-ninja", "meson", "simple", "qmake", NULL };

      g_test_message ("module %s", name);
      g_assert_true (g_strv_contains (known, buildsystem));
      sources = json_object_get_array_member (module, "sources");
      g_assert_cmpuint (json_array_get_length (sources), >, 0);
      for (guint s = 0; s < json_array_get_length (sources); s++)
        {
          JsonObject *source = json_array_get_object_element (sources, s);
          const char *type = json_object_get_string_member (source, "type");

          if (strcmp (type, "archive") == 0 || strcmp (type, "file") == 0)
            {
              const char *sha = json_object_get_string_member (source, "sha256");
              g_assert_true (g_str_has_prefix (json_object_get_string_member (source, "url"), "https://"));
              g_assert_cmpuint (strlen (sha), ==, 64);
              g_assert_cmpuint (strspn (sha, "0123456789abcdef"), ==, 64);
            }
          else if (strcmp (type, "git") == 0)
            g_assert_cmpuint (strlen (json_object_get_string_member (source, "commit")), ==, 40);
          else
            /* only Tagline itself builds from a folder */
            g_assert_true (strcmp (type, "dir") == 0 && i == n - 1);
        }
    }

  tagline = json_array_get_object_element (modules, n - 1);
  g_assert_cmpstr (json_object_get_string_member (tagline, "name"), ==, "tagline");
  g_assert_cmpstr (json_object_get_string_member (tagline, "buildsystem"), ==, "meson");
  sources = json_object_get_array_member (tagline, "sources");
  /* the folder is this project, relative to the manifest */
  root = g_test_build_filename (G_TEST_DIST, "..", "build-aux", "flatpak",
                                json_object_get_string_member (json_array_get_object_element (sources, 0), "path"),
                                "meson.build", NULL);
  g_assert_true (g_file_get_contents (root, &meson_build, NULL, NULL));
  g_assert_nonnull (strstr (meson_build, "project('tagline'"));
}

/* Every dependency() of the meson build is in the runtime or built by a
 * module, and every module but Tagline's builds something the build needs. */
static void
test_modules_cover_dependencies (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *manifest = load_manifest (parser);
  JsonArray *modules = json_object_get_array_member (manifest, "modules");
  g_autoptr(GPtrArray) deps = build_dependencies ();
  guint n_modules = json_array_get_length (modules);

  g_assert_cmpuint (deps->len, >, 0);
  for (guint i = 0; i < deps->len; i++)
    {
      const char *dep = g_ptr_array_index (deps, i);
      gboolean found = g_strv_contains (runtime_has, dep);

      for (guint m = 0; !found && m < G_N_ELEMENTS (modules_for); m++)
        if (strcmp (modules_for[m].dependency, dep) == 0)
          {
            if (find_module (modules, modules_for[m].module) == NULL)
              g_error ("the runtime lacks %s, and the manifest has no module %s", dep, modules_for[m].module);
            found = TRUE;
          }
      if (!found)
        g_error ("the build needs %s: say in test-flatpak.c whether the runtime has it or which module builds it", dep);
    }

  for (guint i = 0; i + 1 < n_modules; i++)
    {
      const char *name = json_object_get_string_member (json_array_get_object_element (modules, i), "name");
      gboolean needed = FALSE;

      for (guint m = 0; m < G_N_ELEMENTS (modules_for); m++)
        for (guint d = 0; d < deps->len; d++)
          if (strcmp (modules_for[m].module, name) == 0 && strcmp (modules_for[m].dependency, deps->pdata[d]) == 0)
            needed = TRUE;
      if (!needed)
        g_error ("the manifest builds %s, which the build does not need", name);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/install/flatpak/app", test_app);
  g_test_add_func ("/install/flatpak/modules-pinned", test_modules_pinned);
  g_test_add_func ("/install/flatpak/modules-cover-dependencies", test_modules_cover_dependencies);
  return g_test_run ();
}
