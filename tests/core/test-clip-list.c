/* test-clip-list.c: the clip list model on a real library made from the
 * sample transcripts: its clips keep their identity across edits, each
 * change is notified on the clip it touches, items-changed names exactly
 * the positions of clips added, deleted and moved, the words are read in
 * batches by the rule export uses, another handle's changes arrive, and
 * the list loads in a thread. */
#include "tl-clip-list.h"
#include "tl-clip-lines.h"
#include "tl-export.h"
#include "tl-import.h"
#include "tl-test-util.h"

typedef struct {
  char *dir;
  char *path;
  TlLibrary *library;
  GPtrArray *lines;  /* the timed source's segments */
  gint64 source;     /* 000_: a timed transcript */
  gint64 article;    /* 004_: an article, paragraph clips */
  gint64 clips[3];   /* of the source, by time: lines 2–3, 10–11, 20 */
  gint64 quote;      /* of the article: paragraphs 1–2 */
  GArray *changes;   /* Change: what items-changed said */
} Fixture;

typedef struct {
  guint position, removed, added;
} Change;

static gint64
import_sample (TlLibrary *library, const char *prefix)
{
  g_autofree char *path = tl_test_sample_named (prefix);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_import_file (path, NULL, NULL, &error);
  TlImportOptions options = { path, "Summit", NULL };
  gint64 id;

  g_assert_no_error (error);
  id = tl_library_add_document (library, doc, &options, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_lines_clip (Fixture *f, guint first, guint last, const char *topic, guint rating)
{
  const char *topics[] = { topic, NULL };
  TlClipSpec spec = { f->source, 0, 0, -1, -1, NULL, NULL, rating, topics };
  g_autoptr(GError) error = NULL;
  gint64 id;

  spec.in = tl_segment_get_start (g_ptr_array_index (f->lines, first));
  spec.out = tl_segment_get_end (g_ptr_array_index (f->lines, last));
  id = tl_library_add_clip (f->library, &spec, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const char *topics[] = { "Diplomacy", NULL };
  TlClipSpec quote = { 0, TL_TIME_NONE, TL_TIME_NONE, 1, 2, NULL, NULL, 0, topics };

  f->dir = tl_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "library.db", NULL);
  f->library = tl_library_open (f->path, &error);
  g_assert_no_error (error);
  f->source = import_sample (f->library, "000_");
  f->article = import_sample (f->library, "004_");
  g_object_unref (tl_library_add_topic (f->library, "Weapons", 1, NULL, &error));
  g_object_unref (tl_library_add_topic (f->library, "Diplomacy", 2, NULL, &error));
  g_assert_no_error (error);
  f->lines = tl_library_get_segments (f->library, f->source, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->lines->len, >, 26);
  /* made out of order: the list is by time */
  f->clips[1] = add_lines_clip (f, 10, 11, "Weapons", 3);
  f->clips[0] = add_lines_clip (f, 2, 3, "Diplomacy", 1);
  f->clips[2] = add_lines_clip (f, 20, 20, "Weapons", 5);
  quote.source_id = f->article;
  f->quote = tl_library_add_clip (f->library, &quote, &error);
  g_assert_no_error (error);
  f->changes = g_array_new (FALSE, FALSE, sizeof (Change));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_array_unref (f->changes);
  g_ptr_array_unref (f->lines);
  g_clear_object (&f->library);
  g_free (f->path);
  tl_test_tmpdir_free (f->dir);
}

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Fixture *f)
{
  Change change = { position, removed, added };

  g_array_append_val (f->changes, change);
}

/* The list of the timed source's clips, by time, loaded, its changes recorded. */
static TlClipList *
source_list (Fixture *f)
{
  TlClipFilter filter = { NULL, &f->source, 1, NULL, 0, NULL, TL_CLIP_ORDER_SOURCE };
  TlClipList *list = tl_clip_list_new (f->library, &filter);
  g_autoptr(GError) error = NULL;

  g_assert_true (tl_clip_list_load (list, &error));
  g_assert_no_error (error);
  g_array_set_size (f->changes, 0);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), f);
  return list;
}

static void
assert_changes (Fixture *f, const Change *expected, guint n)
{
  g_assert_cmpuint (f->changes->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      Change *got = &g_array_index (f->changes, Change, i);
      g_assert_cmpuint (got->position, ==, expected[i].position);
      g_assert_cmpuint (got->removed, ==, expected[i].removed);
      g_assert_cmpuint (got->added, ==, expected[i].added);
    }
  g_array_set_size (f->changes, 0);
}

static TlClip *
item (TlClipList *list, guint position)
{
  return g_ptr_array_index (tl_clip_list_get_items (list), position);
}

static void
assert_ids (TlClipList *list, const gint64 *ids, guint n)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (tl_clip_get_id (item (list, i)), ==, ids[i]);
}

static void
count_notify (GObject *object, GParamSpec *pspec, GHashTable *counts)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", tl_clip_get_id (TL_CLIP (object)), pspec->name);

  g_hash_table_insert (counts, g_strdup (key), GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
}

static guint
notified (GHashTable *counts, gint64 id, const char *property)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", id, property);

  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The list is the filter's, in its order, and the words of each clip are
 * those tl_library_get_clip_text() and export find. */
static void
test_load (Fixture *f, gconstpointer data)
{
  g_autoptr(TlClipList) list = source_list (f);
  g_autoptr(TlClipList) all = tl_clip_list_new (f->library, NULL);
  g_autoptr(TlExportContext) ctx = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == TL_TYPE_CLIP);
  assert_ids (list, f->clips, 3);
  g_assert_null (tl_clip_get_text (item (list, 0)));
  g_assert_true (tl_clip_list_load_texts (list, 0, 3, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text = tl_library_get_clip_text (f->library, item (list, i), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (tl_clip_get_text (item (list, i)), ==, text);
    }
  /* lines 2–3 exactly */
  {
    g_autofree char *lines = g_strdup_printf ("%s %s", tl_segment_get_text (g_ptr_array_index (f->lines, 2)),
                                              tl_segment_get_text (g_ptr_array_index (f->lines, 3)));
    g_assert_cmpstr (tl_clip_get_text (item (list, 0)), ==, lines);
  }

  /* every clip, the quote among them, as export reads them */
  g_assert_true (tl_clip_list_load (all, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 4);
  g_assert_true (tl_clip_list_load_texts (all, 0, G_MAXUINT, &error));
  ctx = tl_export_context_new (f->library, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *export_item = g_ptr_array_index (ctx->items, i);
      TlClip *clip = tl_clip_list_find (all, tl_clip_get_id (export_item->clip), NULL);
      g_assert_nonnull (clip);
      g_assert_cmpstr (tl_clip_get_text (clip), ==, export_item->text);
      g_assert_cmpstr (tl_clip_get_text (clip), !=, "");
    }
}

/* What get_item() hands out has its words read once the main loop is
 * idle, all in one batch. */
static void
test_texts_on_demand (Fixture *f, gconstpointer data)
{
  g_autoptr(TlClipList) list = source_list (f);
  g_autoptr(TlClip) second = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_signal_connect (second, "notify", G_CALLBACK (count_notify), counts);
  g_assert_null (tl_clip_get_text (second));
  spin ();
  g_assert_nonnull (tl_clip_get_text (second));
  g_assert_cmpuint (notified (counts, f->clips[1], "text"), ==, 1);
  /* the other clips of the source came with it */
  g_assert_nonnull (tl_clip_get_text (item (list, 0)));
  g_assert_nonnull (tl_clip_get_text (item (list, 2)));
}

/* An edit of one clip: the same objects in the same places, no
 * items-changed, one notify on the property that changed and nothing on
 * the others. */
static void
test_edit_in_place (Fixture *f, gconstpointer data)
{
  g_autoptr(TlClipList) list = source_list (f);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  TlClip *before[3];

  for (guint i = 0; i < 3; i++)
    {
      before[i] = item (list, i);
      g_signal_connect (before[i], "notify", G_CALLBACK (count_notify), counts);
    }
  g_assert_true (tl_library_set_clip_title (f->library, f->clips[1], "The weapons deal", &error));
  g_assert_no_error (error);
  assert_changes (f, NULL, 0);
  for (guint i = 0; i < 3; i++)
    g_assert_true (item (list, i) == before[i]);
  g_assert_cmpstr (tl_clip_get_title (before[1]), ==, "The weapons deal");
  g_assert_cmpuint (notified (counts, f->clips[1], "title"), ==, 1);
  g_assert_cmpuint (notified (counts, f->clips[1], "rating"), ==, 0);
  g_assert_cmpuint (notified (counts, f->clips[0], "title"), ==, 0);
  g_assert_cmpuint (notified (counts, f->clips[2], "title"), ==, 0);

  g_assert_true (tl_library_set_clip_rating (f->library, f->clips[0], 4, &error));
  g_assert_true (tl_library_set_clip_topic (f->library, f->clips[2], 2, TRUE, &error));
  g_assert_no_error (error);
  assert_changes (f, NULL, 0);
  g_assert_cmpuint (notified (counts, f->clips[0], "rating"), ==, 1);
  g_assert_cmpuint (notified (counts, f->clips[2], "topics"), ==, 1);
  g_assert_cmpuint (g_strv_length ((char **) tl_clip_get_topics (before[2])), ==, 2);
  /* and each edited clip's time of change */
  g_assert_cmpuint (notified (counts, f->clips[1], "updated"), ==, 1);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 6);

  /* undo: the rating goes back on the same object */
  g_assert_true (tl_library_undo (f->library, NULL, &error));
  g_assert_true (tl_library_undo (f->library, NULL, &error));
  g_assert_no_error (error);
  assert_changes (f, NULL, 0);
  g_assert_true (item (list, 0) == before[0]);
  g_assert_cmpuint (tl_clip_get_rating (before[0]), ==, 1);
  g_assert_cmpuint (notified (counts, f->clips[0], "rating"), ==, 2);
}

/* A trim: in and out notified, the words read again. */
static void
test_trim (Fixture *f, gconstpointer data)
{
  g_autoptr(TlClipList) list = source_list (f);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  TlClip *clip = item (list, 0);
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  g_assert_true (tl_clip_list_load_texts (list, 0, 3, &error));
  old_text = g_strdup (tl_clip_get_text (clip));
  g_signal_connect (clip, "notify", G_CALLBACK (count_notify), counts);
  /* lines 2–4 now */
  g_assert_true (tl_library_set_clip_range (f->library, f->clips[0], tl_clip_get_in (clip),
                                            tl_segment_get_end (g_ptr_array_index (f->lines, 4)), &error));
  g_assert_no_error (error);
  assert_changes (f, NULL, 0);
  g_assert_true (item (list, 0) == clip);
  g_assert_cmpuint (notified (counts, f->clips[0], "out"), ==, 1);
  g_assert_cmpuint (notified (counts, f->clips[0], "in"), ==, 0);
  spin ();
  new_text = tl_library_get_clip_text (f->library, clip, &error);
  g_assert_cmpstr (tl_clip_get_text (clip), ==, new_text);
  g_assert_cmpstr (tl_clip_get_text (clip), !=, old_text);
  g_assert_true (g_str_has_prefix (tl_clip_get_text (clip), old_text));
}

/* New clips come in where the order puts them, deleted ones leave from
 * where they were; undo puts them back in place. */
static void
test_add_delete (Fixture *f, gconstpointer data)
{
  g_autoptr(TlClipList) list = source_list (f);
  g_autoptr(GError) error = NULL;
  TlClip *kept[3] = { item (list, 0), item (list, 1), item (list, 2) };
  gint64 between;
  gint64 ids[2];

  /* lines 15–16: between the second and the third */
  between = add_lines_clip (f, 15, 16, "Weapons", 0);
  assert_changes (f, (Change[]) { { 2, 0, 1 } }, 1);
  assert_ids (list, (gint64[]) { f->clips[0], f->clips[1], between, f->clips[2] }, 4);
  g_assert_true (item (list, 0) == kept[0] && item (list, 1) == kept[1] && item (list, 3) == kept[2]);

  /* the quote of the other source is no business of this list */
  g_assert_true (tl_library_delete_clip (f->library, f->quote, &error));
  assert_changes (f, NULL, 0);

  g_assert_true (tl_library_delete_clip (f->library, f->clips[0], &error));
  g_assert_no_error (error);
  assert_changes (f, (Change[]) { { 0, 1, 0 } }, 1);

  /* two side by side: one change */
  ids[0] = f->clips[1];
  ids[1] = between;
  g_assert_true (tl_library_delete_clips (f->library, ids, 2, &error));
  g_assert_no_error (error);
  assert_changes (f, (Change[]) { { 0, 2, 0 } }, 1);
  assert_ids (list, &f->clips[2], 1);
  g_assert_true (item (list, 0) == kept[2]);

  g_assert_true (tl_library_undo (f->library, NULL, &error));
  g_assert_no_error (error);
  assert_changes (f, (Change[]) { { 0, 0, 2 } }, 1);
  assert_ids (list, (gint64[]) { f->clips[1], between, f->clips[2] }, 3);
  g_assert_true (item (list, 2) == kept[2]);
}

/* Arranged by hand: a clip moved leaves its place and comes in at the new
 * one, the same object; the others do not move. */
static void
test_move (Fixture *f, gconstpointer data)
{
  TlClipFilter filter = { .order = TL_CLIP_ORDER_ARRANGED };
  g_autoptr(TlClipList) list = tl_clip_list_new (f->library, &filter);
  g_autoptr(GError) error = NULL;
  gint64 order[4];
  TlClip *last;

  g_assert_true (tl_clip_list_load (list, &error));
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  for (guint i = 0; i < 4; i++)
    order[i] = tl_clip_get_id (item (list, i));
  last = item (list, 3);

  /* the last to the front */
  g_assert_true (tl_library_move_clip (f->library, order[3], order[0], &error));
  g_assert_no_error (error);
  assert_changes (f, (Change[]) { { 3, 1, 0 }, { 0, 0, 1 } }, 2);
  assert_ids (list, (gint64[]) { order[3], order[0], order[1], order[2] }, 4);
  g_assert_true (item (list, 0) == last);

  /* the second to the end */
  g_assert_true (tl_library_move_clip (f->library, order[0], 0, &error));
  assert_changes (f, (Change[]) { { 1, 1, 0 }, { 3, 0, 1 } }, 2);
  assert_ids (list, (gint64[]) { order[3], order[1], order[2], order[0] }, 4);

  /* one place down */
  g_assert_true (tl_library_move_clip (f->library, order[1], order[0], &error));
  assert_changes (f, (Change[]) { { 1, 1, 0 }, { 2, 0, 1 } }, 2);
  assert_ids (list, (gint64[]) { order[3], order[2], order[1], order[0] }, 4);
}

/* A rating filter: a clip rated below it leaves, rated again it comes back. */
static void
test_filter_leaves (Fixture *f, gconstpointer data)
{
  TlClipFilter filter = { NULL, &f->source, 1, NULL, 3, NULL, TL_CLIP_ORDER_SOURCE };
  g_autoptr(TlClipList) list = tl_clip_list_new (f->library, &filter);
  g_autoptr(GError) error = NULL;

  g_assert_true (tl_clip_list_load (list, &error));
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), f);
  assert_ids (list, &f->clips[1], 2);
  g_assert_true (tl_library_set_clip_rating (f->library, f->clips[1], 0, &error));
  assert_changes (f, (Change[]) { { 0, 1, 0 } }, 1);
  g_assert_true (tl_library_set_clip_rating (f->library, f->clips[0], 3, &error));
  g_assert_no_error (error);
  assert_changes (f, (Change[]) { { 0, 0, 1 } }, 1);
  assert_ids (list, (gint64[]) { f->clips[0], f->clips[2] }, 2);
}

/* Another handle (another process, another thread) edits: the change
 * arrives through the store, in place. */
static void
test_outside_change (Fixture *f, gconstpointer data)
{
  g_autoptr(TlClipList) list = source_list (f);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) other = tl_library_open (f->path, &error);
  TlClip *first = item (list, 0);
  const char *topics[] = { NULL };
  TlClipSpec spec = { f->source, 0, 0, -1, -1, NULL, NULL, 0, topics };

  g_assert_no_error (error);
  g_signal_connect (first, "notify", G_CALLBACK (count_notify), counts);
  g_assert_true (tl_library_set_clip_note (other, f->clips[0], "from the other window", &error));
  spec.in = tl_segment_get_start (g_ptr_array_index (f->lines, 25));
  spec.out = tl_segment_get_end (g_ptr_array_index (f->lines, 25));
  g_assert_cmpint (tl_library_add_clip (other, &spec, &error), >, 0);
  g_assert_no_error (error);
  assert_changes (f, NULL, 0);

  g_assert_true (tl_library_check_outside_changes (f->library));
  assert_changes (f, (Change[]) { { 3, 0, 1 } }, 1);
  g_assert_true (item (list, 0) == first);
  g_assert_cmpstr (tl_clip_get_note (first), ==, "from the other window");
  g_assert_cmpuint (notified (counts, f->clips[0], "note"), ==, 1);
  g_assert_cmpuint (notified (counts, f->clips[0], "title"), ==, 0);
}

static void
on_async_loaded (GObject *object, GAsyncResult *result, gpointer data)
{
  g_autoptr(GError) error = NULL;
  gboolean *done = data;

  g_assert_true (tl_clip_list_load_finish (TL_CLIP_LIST (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* Loaded in a thread on a handle of its own, with the first clips' words;
 * a change made meanwhile is in the list when it is done. */
static void
test_load_async (Fixture *f, gconstpointer data)
{
  g_autoptr(TlClipList) list = tl_clip_list_new (f->library, NULL);
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  tl_clip_list_load_async (list, NULL, on_async_loaded, &done);
  g_assert_false (tl_clip_list_is_loaded (list));
  g_assert_true (tl_library_set_clip_title (f->library, f->clips[2], "Said meanwhile", &error));
  g_assert_no_error (error);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (tl_clip_list_is_loaded (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  g_assert_cmpstr (tl_clip_get_title (tl_clip_list_find (list, f->clips[2], NULL)), ==, "Said meanwhile");
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *text = tl_library_get_clip_text (f->library, item (list, i), &error);
      g_assert_cmpstr (tl_clip_get_text (item (list, i)), ==, text);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/clip-list/load", test_load);
  ADD ("/core/clip-list/texts-on-demand", test_texts_on_demand);
  ADD ("/core/clip-list/edit-in-place", test_edit_in_place);
  ADD ("/core/clip-list/trim", test_trim);
  ADD ("/core/clip-list/add-delete", test_add_delete);
  ADD ("/core/clip-list/move", test_move);
  ADD ("/core/clip-list/filter-leaves", test_filter_leaves);
  ADD ("/core/clip-list/outside-change", test_outside_change);
  ADD ("/core/clip-list/load-async", test_load_async);
#undef ADD
  return g_test_run ();
}
