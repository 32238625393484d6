/* test-search.c: searching and finding in the real window, under Xvfb, on
 * a real library file: the library search's hits, a hit opened in its
 * transcript, find in the transcript, the Follow Playback button, and the
 * source filter. */
#include <adwaita.h>
#include <string.h>

#include "tl-application.h"
#include "tl-import.h"
#include "tl-search.h"
#include "tl-test-media.h"
#include "tl-test-util.h"
#include "tl-test-widgets.h"
#include "tl-transcript-row.h"
#include "tl-window-private.h"
#include "tl-wrap-text.h"

typedef struct {
  char *dir;
  char *path;
  TlApplication *app;
  TlLibrary *library;
  TlWindow *window;
} Fixture;

static void
spin (guint msec)
{
  gint64 until = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
import_sample (TlLibrary *library, const char *prefix, const char *folder)
{
  g_autofree char *path = tl_test_sample_named (prefix);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_import_file (path, NULL, NULL, &error);
  TlImportOptions options = { path, folder, NULL };

  g_assert_no_error (error);
  tl_library_add_document (library, doc, &options, &error);
  g_assert_no_error (error);
}

/* The window on a library of two sources: a CBS video page's transcript
 * (source 1, 28 timed lines, no media) and an NPR article (source 2, 25
 * paragraphs). */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) setup = NULL;

  f->dir = tl_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "library.db", NULL);
  setup = tl_library_open (f->path, &error);
  g_assert_no_error (error);
  import_sample (setup, "000_", "Summit");
  import_sample (setup, "004_", "Summit");
  g_clear_object (&setup);

  f->app = tl_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (f->app), NULL, &error));
  g_assert_no_error (error);
  f->library = tl_library_open (f->path, &error);
  g_assert_no_error (error);
  f->window = tl_window_new (f->app, f->library, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  spin (200);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin (50);
  g_clear_object (&f->library);
  g_clear_object (&f->app);
  g_free (f->path);
  tl_test_tmpdir_free (f->dir);
}

/* Widgets */

static void
collect (GtkWidget *widget, gboolean (*match) (GtkWidget *), GPtrArray *found)
{
  if (match (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, match, found);
}

static gboolean
is_markup_label (GtkWidget *widget)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_use_markup (GTK_LABEL (widget)) && gtk_widget_get_mapped (widget);
}

/* Library search's hits: the matched words bold, and nothing else in the
 * label: no marker characters, no other style. */
static void
test_hit_markup (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n_bold = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search-library", NULL));
  tl_search_panel_set_query (f->window->search_panel, "weapons");
  spin (300);
  g_assert_cmpuint (tl_search_panel_get_n_hits (f->window->search_panel), ==, 3);
  collect (GTK_WIDGET (f->window->search_panel), is_markup_label, labels);
  g_assert_cmpuint (labels->len, ==, 3);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);
      const char *text = gtk_label_get_text (label);
      PangoAttrList *attrs = pango_layout_get_attributes (gtk_label_get_layout (label));
      GSList *list = attrs ? pango_attr_list_get_attributes (attrs) : NULL;

      g_assert_null (strchr (text, '\x02'));
      g_assert_null (strchr (text, '\x03'));
      g_assert_null (strstr (text, "\xef\xbf\xbd")); /* U+FFFD */
      g_assert_null (strchr (text, '<'));
      g_assert_nonnull (list);
      for (GSList *l = list; l; l = l->next)
        {
          PangoAttribute *attr = l->data;
          g_autofree char *word = g_strndup (text + attr->start_index, attr->end_index - attr->start_index);

          g_assert_cmpint (attr->klass->type, ==, PANGO_ATTR_WEIGHT);
          g_assert_cmpint (((PangoAttrInt *) attr)->value, >=, PANGO_WEIGHT_BOLD);
          g_assert_cmpstr (word, ==, "weapons");
          n_bold++;
        }
      g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
    }
  g_assert_cmpuint (n_bold, ==, 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/search/no-display", (GTestFunc) (void (*) (void)) g_test_skip);
      return g_test_run ();
    }
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/search/hit-markup", test_hit_markup);
#undef ADD
  return g_test_run ();
}
