/* tl-list-model.c: brings a list model's items in line with its rows read
 * again. Items keep their identity: a row still there keeps its object
 * (updated in place), and items-changed names only the positions that
 * changed: rows gone, rows new, and rows that moved (the fewest: those
 * outside the longest run of rows still in their order). */
#include "tl-list-model-private.h"

/* The positions (in @seq) of a longest increasing subsequence of @seq,
 * marked in @keep; entries < 0 are never part of it. */
static void
longest_increasing (const gint *seq, guint n, gboolean *keep)
{
  g_autofree guint *tails = g_new (guint, n + 1); /* tails[l]: where the best run of length l + 1 ends */
  g_autofree gint *prev = g_new (gint, n);
  guint length = 0;

  for (guint i = 0; i < n; i++)
    {
      guint lo = 0, hi = length;

      prev[i] = -1;
      if (seq[i] < 0)
        continue;
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;
          if (seq[tails[mid]] < seq[i])
            lo = mid + 1;
          else
            hi = mid;
        }
      prev[i] = lo > 0 ? (gint) tails[lo - 1] : -1;
      tails[lo] = i;
      if (lo == length)
        length++;
    }
  if (length == 0)
    return;
  for (gint i = tails[length - 1]; i >= 0; i = prev[i])
    keep[i] = TRUE;
}

/**
 * tl_list_reconcile:
 * @model: the model to emit items-changed on
 * @items: (element-type GObject): the model's items, owned by it
 * @fresh: (element-type GObject): the rows as they are now, in order
 * @id_of: the row id of an item
 * @update: makes a kept item say what its fresh row says (notifying)
 *
 * Makes @items hold, in @fresh's order, the items of @fresh's rows: the
 * old object for a row it had, @fresh's for a new one.
 */
void
tl_list_reconcile (GListModel *model, GPtrArray *items, GPtrArray *fresh, TlListItemId id_of,
                   TlListItemUpdate update, gpointer data)
{
  g_autoptr(GHashTable) fresh_at = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) moving = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  guint n_old = items->len;
  g_autofree gint *new_at = g_new (gint, MAX (n_old, 1));
  g_autofree gboolean *keep = g_new0 (gboolean, MAX (n_old, 1));

  for (guint j = 0; j < fresh->len; j++)
    {
      gint64 id = id_of (g_ptr_array_index (fresh, j));
      g_hash_table_insert (fresh_at, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (j + 1));
    }
  /* what each old item becomes; updated in place where it is */
  for (guint i = 0; i < n_old; i++)
    {
      gpointer item = g_ptr_array_index (items, i);
      gint64 id = id_of (item);
      guint j = GPOINTER_TO_UINT (g_hash_table_lookup (fresh_at, &id));

      new_at[i] = (gint) j - 1;
      if (j > 0)
        update (item, g_ptr_array_index (fresh, j - 1), data);
    }
  longest_increasing (new_at, n_old, keep);

  /* rows gone, and rows that move, leave: from the end, a run at a time */
  for (guint i = n_old; i > 0;)
    {
      guint end = i;

      if (keep[i - 1])
        {
          i--;
          continue;
        }
      while (i > 0 && !keep[i - 1])
        {
          gpointer item = g_ptr_array_index (items, i - 1);
          if (new_at[i - 1] >= 0)
            {
              gint64 id = id_of (item);
              g_hash_table_insert (moving, g_memdup2 (&id, sizeof id), g_object_ref (item));
            }
          i--;
        }
      g_ptr_array_remove_range (items, i, end - i);
      g_list_model_items_changed (model, i, end - i, 0);
    }

  /* what is left is in the new order: new rows and moved ones come in,
   * a run at a time */
  for (guint j = 0; j < fresh->len;)
    {
      guint start = j;

      while (j < fresh->len)
        {
          gpointer row = g_ptr_array_index (fresh, j);
          gint64 id = id_of (row);
          gpointer item;

          if (j < items->len && id_of (g_ptr_array_index (items, j)) == id)
            break;
          item = g_hash_table_lookup (moving, &id);
          g_ptr_array_insert (items, j, g_object_ref (item ? item : row));
          j++;
        }
      if (j > start)
        g_list_model_items_changed (model, start, 0, j - start);
      else
        j++;
    }
  g_assert (items->len == fresh->len);
}
