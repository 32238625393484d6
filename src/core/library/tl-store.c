/* tl-store.c: the abstract store: its one signal and shared errors. */
#include "tl-store.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

G_DEFINE_ABSTRACT_TYPE (TlStore, tl_store, G_TYPE_OBJECT)

enum {
  SIGNAL_OUTSIDE_CHANGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
tl_store_class_init (TlStoreClass *klass)
{
  /**
   * TlStore::outside-change:
   * @what: the kinds of rows that may have changed
   *
   * Another process (or person) committed a change to what this store
   * holds.
   */
  signals[SIGNAL_OUTSIDE_CHANGE] = g_signal_new ("outside-change", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                 NULL, NULL, NULL, G_TYPE_NONE, 1, TL_TYPE_LIBRARY_CHANGE);
}

static void
tl_store_init (TlStore *self)
{
}

void
tl_store_emit_outside_change (TlStore *self, TlLibraryChange what)
{
  g_signal_emit (self, signals[SIGNAL_OUTSIDE_CHANGE], 0, what);
}

/* "No clip with id 7 in this library"; returns FALSE. */
gboolean
tl_store_not_found (GError **error, TlStoreEntity entity, gint64 id)
{
  /* one message per kind, so that translations can inflect the noun */
  g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND,
               entity == TL_STORE_ENTITY_CLIP     ? _("No clip with id %" PRId64 " in this library")
               : entity == TL_STORE_ENTITY_TOPIC  ? _("No topic with id %" PRId64 " in this library")
               : entity == TL_STORE_ENTITY_FOLDER ? _("No folder with id %" PRId64 " in this library")
                                                  : _("No source with id %" PRId64 " in this library"),
               id);
  return FALSE;
}
