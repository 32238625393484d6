/* tl-library-private.h: the facade's state, and what its files (and the
 * core's search and export) share. No store's types here: the library
 * reaches its store through TlStore's vfuncs only. */
#pragma once

#include "tl-library.h"
#include "tl-model-private.h"
#include "tl-store.h"

G_BEGIN_DECLS

/* Where an edit group is (tl_library_begin_edit_group()). */
typedef enum {
  TL_EDIT_GROUP_NONE,   /* none: each edit is its own step */
  TL_EDIT_GROUP_OPEN,   /* the edits made are one step, committed at its end */
  TL_EDIT_GROUP_FAILED, /* an edit in it failed: all of it was rolled back */
} TlEditGroupState;

struct _TlLibrary {
  GObject parent_instance;
  TlStore *store;
  gboolean read_only;
  TlLibraryChanges *edit_changes; /* what the edit being made changes, announced at its commit */
  gboolean editing;
  TlEditGroupState group;         /* tl_library_begin_edit_group(): the edits made are one step */
  TlLibraryChanges *group_changes; /* what the group's edits change, announced at its end */
  GSource *watch;                 /* the store's outside changes, on the opener's main context */
};

TlLibrary *tl_library_new_for_store (TlStore *store);
TlStore *tl_library_get_store (TlLibrary *self);
void tl_library_emit_changed (TlLibrary *self, TlLibraryChange what);
void tl_library_emit_changes (TlLibrary *self, TlLibraryChanges *changes);
TlLibraryChanges *tl_library_changes_new (TlLibraryChange what);
void tl_library_changes_add (TlLibraryChanges *changes, TlLibraryChange kind, gint64 id);
void tl_library_changes_merge (TlLibraryChanges *changes, const TlLibraryChanges *other);
/* In an edit: row @id of @kind is what it changes (else any row of the kind) */
void tl_library_edit_touch (TlLibrary *self, TlLibraryChange kind, gint64 id);
gboolean tl_library_check_writable (TlLibrary *self, GError **error);

/* Edits: one transaction and one undo step each. */
gboolean tl_library_edit_begin (TlLibrary *self, TlEditKind kind, TlLibraryChange what, GError **error);
gboolean tl_library_edit_commit (TlLibrary *self, GError **error);
void tl_library_edit_rollback (TlLibrary *self);
/* An edit of one call to the store, begun, made and committed (or rolled
 * back); it touches row @id of @touched (0: any rows of the kinds @what). */
#define tl_library_edit_one(self, kind, what, touched, id, error, call) \
  (tl_library_edit_begin ((self), (kind), (what), (error)) \
   && (tl_library_edit_touch ((self), (touched), (id)), \
       (call) ? tl_library_edit_commit ((self), (error)) : (tl_library_edit_rollback (self), FALSE)))

gboolean tl_library_store_segment_times (TlLibrary *self, gint64 source_id, TlTiming timing,
                                         const TlSegmentTiming *times, guint n_times, GError **error);
gboolean tl_library_check_time_range (TlSource *source, gint64 in, gint64 out, GError **error);
gboolean tl_library_foreach_line (TlLibrary *self, const gint64 *source_ids, guint n_source_ids,
                                  TlStoreLineFunc func, gpointer data, GError **error);

G_END_DECLS
