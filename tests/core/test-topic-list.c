/* test-topic-list.c: the topic list model on a real library made from a
 * sample transcript: topics keep their identity across edits, what
 * changed is notified on the topic it touched (its clip count too), and
 * items-changed names exactly the topics added, deleted and moved; another
 * handle's changes arrive. */
#include "tl-import.h"
#include "tl-test-util.h"
#include "tl-topic-list.h"

typedef struct {
  char *dir;
  char *path;
  TlLibrary *library;
  gint64 source;
  gint64 topics[3]; /* Weapons (key 1), Diplomacy (2), China (none) */
  TlTopicList *list;
  GArray *changes;  /* guint triples: position, removed, added */
  GHashTable *counts; /* "id:property" -> notifies */
} Fixture;

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Fixture *f)
{
  guint change[3] = { position, removed, added };

  g_array_append_vals (f->changes, change, 3);
}

static void
count_notify (GObject *object, GParamSpec *pspec, GHashTable *counts)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", tl_topic_get_id (TL_TOPIC (object)), pspec->name);

  g_hash_table_insert (counts, g_strdup (key), GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
}

static guint
notified (Fixture *f, gint64 id, const char *property)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", id, property);

  return GPOINTER_TO_UINT (g_hash_table_lookup (f->counts, key));
}

static TlTopic *
item (Fixture *f, guint position)
{
  return g_ptr_array_index (tl_topic_list_get_items (f->list), position);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tl_test_sample_named ("000_");
  g_autoptr(TlDocument) doc = tl_import_file (path, NULL, NULL, &error);
  const char *names[] = { "Weapons", "Diplomacy", "China" };

  g_assert_no_error (error);
  f->dir = tl_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "library.db", NULL);
  f->library = tl_library_open (f->path, &error);
  g_assert_no_error (error);
  f->source = tl_library_add_document (f->library, doc, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TlTopic) topic = tl_library_add_topic (f->library, names[i], i < 2 ? i + 1 : 0, NULL, &error);
      g_assert_no_error (error);
      f->topics[i] = tl_topic_get_id (topic);
    }
  f->list = tl_topic_list_new (f->library);
  g_assert_true (tl_topic_list_load (f->list, &error));
  g_assert_no_error (error);
  f->changes = g_array_new (FALSE, FALSE, sizeof (guint));
  f->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect (f->list, "items-changed", G_CALLBACK (on_items_changed), f);
  for (guint i = 0; i < 3; i++)
    g_signal_connect (item (f, i), "notify", G_CALLBACK (count_notify), f->counts);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->list);
  g_hash_table_unref (f->counts);
  g_array_unref (f->changes);
  g_clear_object (&f->library);
  g_free (f->path);
  tl_test_tmpdir_free (f->dir);
}

static void
assert_changes (Fixture *f, const guint *expected, guint n)
{
  g_assert_cmpuint (f->changes->len, ==, n * 3);
  for (guint i = 0; i < n * 3; i++)
    g_assert_cmpuint (g_array_index (f->changes, guint, i), ==, expected[i]);
  g_array_set_size (f->changes, 0);
}

static void
test_load (Fixture *f, gconstpointer data)
{
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (f->list)) == TL_TYPE_TOPIC);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 3);
  g_assert_cmpstr (tl_topic_get_name (item (f, 0)), ==, "Weapons");
  g_assert_cmpuint (tl_topic_get_key (item (f, 1)), ==, 2);
  g_assert_true (tl_topic_list_find (f->list, f->topics[2], NULL) == item (f, 2));
}

/* Renamed, recoloured, rekeyed: the same topic, one notify each, nothing
 * on the others, no items-changed. A key taken from another topic is
 * notified on both. */
static void
test_edit_in_place (Fixture *f, gconstpointer data)
{
  TlTopic *weapons = item (f, 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (tl_library_rename_topic (f->library, f->topics[0], "Arms", &error));
  g_assert_true (tl_library_set_topic_color (f->library, f->topics[0], "#112233", &error));
  g_assert_no_error (error);
  assert_changes (f, NULL, 0);
  g_assert_true (item (f, 0) == weapons);
  g_assert_cmpstr (tl_topic_get_name (weapons), ==, "Arms");
  g_assert_cmpuint (notified (f, f->topics[0], "name"), ==, 1);
  g_assert_cmpuint (notified (f, f->topics[0], "color"), ==, 1);
  g_assert_cmpuint (g_hash_table_size (f->counts), ==, 2);

  g_assert_true (tl_library_set_topic_key (f->library, f->topics[2], 1, &error));
  g_assert_no_error (error);
  assert_changes (f, NULL, 0);
  g_assert_cmpuint (tl_topic_get_key (item (f, 2)), ==, 1);
  g_assert_cmpuint (tl_topic_get_key (weapons), ==, 0);
  g_assert_cmpuint (notified (f, f->topics[2], "key"), ==, 1);
  g_assert_cmpuint (notified (f, f->topics[0], "key"), ==, 1);
  g_assert_cmpuint (notified (f, f->topics[1], "key"), ==, 0);
}

/* A clip tagged with Diplomacy counts on Diplomacy alone. */
static void
test_counts (Fixture *f, gconstpointer data)
{
  const char *topics[] = { "Diplomacy", NULL };
  TlClipSpec spec = { f->source, 1000000, 5000000, -1, -1, NULL, NULL, 0, topics };
  g_autoptr(GError) error = NULL;
  gint64 clip = tl_library_add_clip (f->library, &spec, &error);

  g_assert_no_error (error);
  assert_changes (f, NULL, 0);
  g_assert_cmpuint (tl_topic_get_n_clips (item (f, 1)), ==, 1);
  g_assert_cmpuint (notified (f, f->topics[1], "n-clips"), ==, 1);
  g_assert_cmpuint (g_hash_table_size (f->counts), ==, 1);
  g_assert_true (tl_library_set_clip_topic (f->library, clip, f->topics[2], TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tl_topic_get_n_clips (item (f, 2)), ==, 1);
  g_assert_cmpuint (notified (f, f->topics[1], "n-clips"), ==, 1);
}

/* Added at the end, deleted from its place, brought back by undo. */
static void
test_add_delete (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlTopic) added = tl_library_add_topic (f->library, "Sanctions", 0, NULL, &error);
  TlTopic *china = item (f, 2);

  g_assert_no_error (error);
  assert_changes (f, (guint[]) { 3, 0, 1 }, 1);
  g_assert_cmpint (tl_topic_get_id (item (f, 3)), ==, tl_topic_get_id (added));
  g_assert_true (tl_library_delete_topic (f->library, f->topics[1], &error));
  g_assert_no_error (error);
  assert_changes (f, (guint[]) { 1, 1, 0 }, 1);
  g_assert_true (item (f, 1) == china);
  g_assert_true (tl_library_undo (f->library, NULL, &error));
  g_assert_no_error (error);
  assert_changes (f, (guint[]) { 1, 0, 1 }, 1);
  g_assert_cmpint (tl_topic_get_id (item (f, 1)), ==, f->topics[1]);
  g_assert_true (item (f, 2) == china);
}

/* Another handle renames a topic: it arrives through the store. */
static void
test_outside_change (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) other = tl_library_open (f->path, &error);
  TlTopic *diplomacy = item (f, 1);

  g_assert_no_error (error);
  g_assert_true (tl_library_rename_topic (other, f->topics[1], "Talks", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tl_topic_get_name (diplomacy), ==, "Diplomacy");
  g_assert_true (tl_library_check_outside_changes (f->library));
  assert_changes (f, NULL, 0);
  g_assert_true (item (f, 1) == diplomacy);
  g_assert_cmpstr (tl_topic_get_name (diplomacy), ==, "Talks");
  g_assert_cmpuint (notified (f, f->topics[1], "name"), ==, 1);
  g_assert_cmpuint (g_hash_table_size (f->counts), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/topic-list/load", test_load);
  ADD ("/core/topic-list/edit-in-place", test_edit_in_place);
  ADD ("/core/topic-list/counts", test_counts);
  ADD ("/core/topic-list/add-delete", test_add_delete);
  ADD ("/core/topic-list/outside-change", test_outside_change);
#undef ADD
  return g_test_run ();
}
