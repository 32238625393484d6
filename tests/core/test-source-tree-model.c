/* test-source-tree-model.c: the source tree as list models from the
 * core: items keep their identity and change in place, every change is
 * the exact items-changed it needs and no more, and a change made through
 * a second handle (as another process's would be) arrives the same way. */
#include <string.h>

#include "tl-import.h"
#include "tl-library.h"
#include "tl-source-tree-model.h"
#include "tl-test-util.h"

typedef struct {
  char *dir;
  TlLibrary *library;
  TlSourceTreeModel *model;
  gint64 news;       /* folder "News" */
  gint64 in_news;    /* a source in it */
  gint64 top;        /* a source at the top level */
  GString *log;      /* what the models said, a line each */
} Fixture;

static const char *const srt_text =
  "1\n00:00:01,000 --> 00:00:04,000\nThe summit opened with a parade.\n\n"
  "2\n00:00:04,500 --> 00:00:08,250\nAmmunition supplies were discussed.\n";

static gint64
add_text (TlLibrary *library, const char *origin, const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_import_bytes (origin, srt_text, strlen (srt_text), NULL, NULL, &error);
  TlImportOptions options = { origin, folder, NULL };
  gint64 id;

  g_assert_no_error (error);
  id = tl_library_add_document (library, doc, &options, &error);
  g_assert_no_error (error);
  return id;
}

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Fixture *f)
{
  g_string_append_printf (f->log, "%s %u -%u +%u\n", (const char *) g_object_get_data (G_OBJECT (model), "name"),
                          position, removed, added);
}

static void
watch (Fixture *f, GListModel *model, const char *name)
{
  g_object_set_data_full (G_OBJECT (model), "name", g_strdup (name), g_free);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), f);
}

static void
on_notify (GObject *object, GParamSpec *pspec, Fixture *f)
{
  g_string_append_printf (f->log, "notify %s\n", pspec->name);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = tl_test_tmpdir_new ();
  path = g_build_filename (f->dir, "library.db", NULL);
  f->library = tl_library_open (path, &error);
  g_assert_no_error (error);
  f->in_news = add_text (f->library, "/x/summit.srt", "News");
  f->top = add_text (f->library, "/x/parade.srt", NULL);
  f->news = tl_library_ensure_folder (f->library, "News", &error);
  g_assert_no_error (error);
  f->model = tl_source_tree_model_new (f->library, &error);
  g_assert_no_error (error);
  f->log = g_string_new (NULL);
  watch (f, G_LIST_MODEL (f->model), "top");
  watch (f, tl_source_tree_model_get_children (f->model, f->news), "news");
  watch (f, tl_source_tree_model_get_sources (f->model), "all");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->model);
  g_clear_object (&f->library);
  g_string_free (f->log, TRUE);
  tl_test_tmpdir_free (f->dir);
}

/* The ids (s for a source, f for a folder) a list holds, as "f1 s2". */
static char *
ids_of (GListModel *model)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      if (TL_IS_FOLDER (item))
        g_string_append_printf (out, "%sf%" G_GINT64_FORMAT, i ? " " : "", tl_folder_get_id (TL_FOLDER (item)));
      else
        g_string_append_printf (out, "%ss%" G_GINT64_FORMAT, i ? " " : "", tl_source_get_id (TL_SOURCE (item)));
    }
  return g_string_free (out, FALSE);
}

#define assert_holds(model, expected) \
  G_STMT_START { g_autofree char *got_ = ids_of (G_LIST_MODEL (model)); g_assert_cmpstr (got_, ==, (expected)); } G_STMT_END

static char *
take_log (Fixture *f)
{
  char *log = g_strdup (f->log->str);

  g_string_truncate (f->log, 0);
  return log;
}

#define assert_log(f, expected) \
  G_STMT_START { g_autofree char *got_ = take_log (f); g_assert_cmpstr (got_, ==, (expected)); } G_STMT_END

static char *
ids (const char *format, ...) G_GNUC_PRINTF (1, 2);

static char *
ids (const char *format, ...)
{
  va_list args;
  char *text;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  return text;
}

/* The tree as read: folders, then sources, at each level; all sources flat. */
static void
test_reads_tree (Fixture *f, gconstpointer data)
{
  g_autofree char *top = ids ("f%" G_GINT64_FORMAT " s%" G_GINT64_FORMAT, f->news, f->top);
  g_autofree char *news = ids ("s%" G_GINT64_FORMAT, f->in_news);
  g_autofree char *all = ids ("s%" G_GINT64_FORMAT " s%" G_GINT64_FORMAT, f->in_news, f->top);

  assert_holds (f->model, top);
  assert_holds (tl_source_tree_model_get_children (f->model, f->news), news);
  assert_holds (tl_source_tree_model_get_sources (f->model), all);
  g_assert_cmpuint (tl_source_tree_model_get_n_folders (f->model), ==, 1);
  g_assert_true (g_list_model_get_item_type (tl_source_tree_model_get_sources (f->model)) == TL_TYPE_SOURCE);
}

/* A rename changes the object in place: the same TlSource, a new title,
 * one notify and no items-changed. A folder's rename too. */
static void
test_rename_in_place (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  TlSource *source = tl_source_tree_model_find_source (f->model, f->top);
  TlFolder *folder = tl_source_tree_model_find_folder (f->model, f->news);
  g_autoptr(GObject) first = g_list_model_get_item (tl_source_tree_model_get_sources (f->model), 1);

  g_assert_true ((gpointer) first == (gpointer) source);
  g_signal_connect (source, "notify", G_CALLBACK (on_notify), f);
  g_assert_true (tl_library_rename_source (f->library, f->top, "The Parade", &error));
  g_assert_no_error (error);
  g_assert_true (tl_source_tree_model_find_source (f->model, f->top) == source);
  g_assert_cmpstr (tl_source_get_title (source), ==, "The Parade");
  assert_log (f, "notify title\n");

  g_signal_connect (folder, "notify", G_CALLBACK (on_notify), f);
  g_assert_true (tl_library_rename_folder (f->library, f->news, "Reports", &error));
  g_assert_true (tl_source_tree_model_find_folder (f->model, f->news) == folder);
  g_assert_cmpstr (tl_folder_get_name (folder), ==, "Reports");
  /* the source in it says its folder's new path */
  g_assert_cmpstr (tl_source_get_folder (tl_source_tree_model_find_source (f->model, f->in_news)), ==, "Reports");
  assert_log (f, "notify name\n");
  g_signal_handlers_disconnect_by_data (source, f);
  g_signal_handlers_disconnect_by_data (folder, f);
}

/* A move is a removal from one list and an insertion into another, of
 * the same object; a new folder and a delete are one change each. */
static void
test_exact_changes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  TlSource *source = tl_source_tree_model_find_source (f->model, f->top);
  g_autofree char *news = ids ("s%" G_GINT64_FORMAT " s%" G_GINT64_FORMAT, f->in_news, f->top);
  g_autofree char *top = ids ("f%" G_GINT64_FORMAT, f->news);
  gint64 folder;

  g_assert_true (tl_library_move_source (f->library, f->top, f->news, &error));
  g_assert_no_error (error);
  assert_log (f, "top 1 -1 +0\nnews 1 -0 +1\n");
  assert_holds (f->model, top);
  assert_holds (tl_source_tree_model_get_children (f->model, f->news), news);
  {
    g_autoptr(GObject) moved = g_list_model_get_item (tl_source_tree_model_get_children (f->model, f->news), 1);
    g_assert_true ((gpointer) moved == (gpointer) source);
  }

  /* a new folder inside News: its list exists, empty */
  folder = tl_library_add_folder (f->library, f->news, "Summit", &error);
  g_assert_no_error (error);
  assert_log (f, "news 0 -0 +1\n");
  g_assert_cmpuint (g_list_model_get_n_items (tl_source_tree_model_get_children (f->model, folder)), ==, 0);

  g_assert_true (tl_library_delete_source (f->library, f->in_news, &error));
  g_assert_no_error (error);
  assert_log (f, "all 0 -1 +0\nnews 1 -1 +0\n");
  g_assert_null (tl_source_tree_model_find_source (f->model, f->in_news));

  /* undo brings it back where it was */
  g_assert_true (tl_library_undo (f->library, NULL, &error));
  g_assert_no_error (error);
  assert_log (f, "all 0 -0 +1\nnews 1 -0 +1\n");
  g_assert_true (tl_source_tree_model_find_source (f->model, f->top) == source);
}

/* A change through a second handle (a job's, or another process's) arrives
 * through the store: the same objects, changed in place. */
static void
test_outside_change (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) other = tl_library_dup (f->library, &error);
  TlSource *source = tl_source_tree_model_find_source (f->model, f->top);
  g_autofree char *all = NULL;
  gint64 added;

  g_assert_no_error (error);
  g_signal_connect (source, "notify", G_CALLBACK (on_notify), f);
  g_assert_true (tl_library_rename_source (other, f->top, "Renamed Elsewhere", &error));
  g_assert_no_error (error);
  /* not seen before the store notices */
  g_assert_cmpstr (tl_source_get_title (source), !=, "Renamed Elsewhere");
  g_assert_true (tl_library_check_outside_changes (f->library));
  g_assert_true (tl_source_tree_model_find_source (f->model, f->top) == source);
  g_assert_cmpstr (tl_source_get_title (source), ==, "Renamed Elsewhere");
  assert_log (f, "notify title\n");

  added = add_text (other, "/x/third.srt", NULL);
  g_assert_true (tl_library_check_outside_changes (f->library));
  assert_log (f, "all 2 -0 +1\ntop 2 -0 +1\n");
  all = ids ("s%" G_GINT64_FORMAT " s%" G_GINT64_FORMAT " s%" G_GINT64_FORMAT, f->in_news, f->top, added);
  assert_holds (tl_source_tree_model_get_sources (f->model), all);
  g_signal_handlers_disconnect_by_data (source, f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/source-tree-model/reads-tree", test_reads_tree);
  ADD ("/core/source-tree-model/rename-in-place", test_rename_in_place);
  ADD ("/core/source-tree-model/exact-changes", test_exact_changes);
  ADD ("/core/source-tree-model/outside-change", test_outside_change);
#undef ADD
  return g_test_run ();
}
