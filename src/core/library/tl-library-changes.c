/* tl-library-changes.c: what one change to a library touched: the kinds
 * of rows, and for each kind either the ids or "any of them". */
#include "tl-library-private.h"

#define N_KINDS 5

struct _TlLibraryChanges {
  gatomicrefcount ref;
  TlLibraryChange what;
  TlLibraryChange any;  /* kinds of which any row may have changed, whatever ids are added */
  GArray *ids[N_KINDS]; /* gint64, per kind; NULL: any of that kind */
};

G_DEFINE_BOXED_TYPE (TlLibraryChanges, tl_library_changes, tl_library_changes_ref, tl_library_changes_unref)

static int
kind_index (TlLibraryChange kind)
{
  g_return_val_if_fail (kind != 0 && (kind & (kind - 1)) == 0 && kind <= TL_LIBRARY_CHANGE_SEGMENTS, 0);
  return g_bit_nth_lsf (kind, -1);
}

/* Changes of the kinds @what, any rows of them, until ids are noted. */
TlLibraryChanges *
tl_library_changes_new (TlLibraryChange what)
{
  TlLibraryChanges *self = g_new0 (TlLibraryChanges, 1);

  g_atomic_ref_count_init (&self->ref);
  self->what = what;
  return self;
}

TlLibraryChanges *
tl_library_changes_ref (TlLibraryChanges *self)
{
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
tl_library_changes_unref (TlLibraryChanges *self)
{
  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  for (int i = 0; i < N_KINDS; i++)
    g_clear_pointer (&self->ids[i], g_array_unref);
  g_free (self);
}

/* That @id of @kind changed (and so, only the ids noted of that kind). */
void
tl_library_changes_add (TlLibraryChanges *self, TlLibraryChange kind, gint64 id)
{
  int i = kind_index (kind);

  self->what |= kind;
  if (self->any & kind)
    return;
  if (self->ids[i] == NULL)
    self->ids[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint j = 0; j < self->ids[i]->len; j++)
    if (g_array_index (self->ids[i], gint64, j) == id)
      return;
  g_array_append_val (self->ids[i], id);
}

/* Adds what @other changed to @self (the edits of one group). */
void
tl_library_changes_merge (TlLibraryChanges *self, const TlLibraryChanges *other)
{
  for (int i = 0; i < N_KINDS; i++)
    {
      TlLibraryChange kind = 1 << i;

      if (!(other->what & kind))
        continue;
      if (other->ids[i] == NULL || (other->any & kind))
        {
          /* any row of the kind, from now on */
          self->what |= kind;
          self->any |= kind;
          g_clear_pointer (&self->ids[i], g_array_unref);
          continue;
        }
      if (!(self->what & kind))
        {
          /* none of this kind yet: only the rows @other names */
          self->what |= kind;
          self->ids[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
        }
      for (guint j = 0; j < other->ids[i]->len; j++)
        tl_library_changes_add (self, kind, g_array_index (other->ids[i], gint64, j));
    }
}

/**
 * tl_library_changes_get_what:
 *
 * Returns: the kinds of rows that changed
 */
TlLibraryChange
tl_library_changes_get_what (const TlLibraryChanges *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->what;
}

/**
 * tl_library_changes_get_ids:
 * @kind: one kind (%TL_LIBRARY_CHANGE_CLIPS, …); for
 *   %TL_LIBRARY_CHANGE_SEGMENTS the ids are those of the sources whose
 *   lines changed
 * @n_ids: (out): how many
 *
 * Returns: (array length=n_ids) (nullable): the ids of the rows of @kind
 *   that changed, or %NULL when any of them may have (an undo, another
 *   process's change) or none did (@kind is not in what changed)
 */
const gint64 *
tl_library_changes_get_ids (const TlLibraryChanges *self, TlLibraryChange kind, guint *n_ids)
{
  GArray *ids;

  g_return_val_if_fail (self != NULL && n_ids != NULL, NULL);
  ids = (self->what & kind) && !(self->any & kind) ? self->ids[kind_index (kind)] : NULL;
  *n_ids = ids ? ids->len : 0;
  return ids ? (const gint64 *) ids->data : NULL;
}

/**
 * tl_library_changes_touches:
 *
 * Returns: whether row @id of @kind may have changed
 */
gboolean
tl_library_changes_touches (const TlLibraryChanges *self, TlLibraryChange kind, gint64 id)
{
  guint n;
  const gint64 *ids;

  g_return_val_if_fail (self != NULL, FALSE);
  if (!(self->what & kind))
    return FALSE;
  ids = tl_library_changes_get_ids (self, kind, &n);
  if (ids == NULL)
    return TRUE;
  for (guint i = 0; i < n; i++)
    if (ids[i] == id)
      return TRUE;
  return FALSE;
}
