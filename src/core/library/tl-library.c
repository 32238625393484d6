/* tl-library.c: the library, the one API the app, the CLI and the jobs
 * use: it checks what it is given, names undo steps, announces changes,
 * and leaves reading and writing to its store (store/sqlite/). Sources,
 * clips, topics and folders are in tl-library-<entity>.c. */
#include "tl-library-private.h"

#include <glib/gi18n-lib.h>

#include "store/sqlite/tl-sqlite-store.h"

G_DEFINE_QUARK (tl-library-error-quark, tl_library_error)

G_DEFINE_FINAL_TYPE (TlLibrary, tl_library, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  SIGNAL_ROWS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FLAGS_TYPE (TlLibraryChange, tl_library_change,
  G_DEFINE_ENUM_VALUE (TL_LIBRARY_CHANGE_SOURCES, "sources"),
  G_DEFINE_ENUM_VALUE (TL_LIBRARY_CHANGE_FOLDERS, "folders"),
  G_DEFINE_ENUM_VALUE (TL_LIBRARY_CHANGE_TOPICS, "topics"),
  G_DEFINE_ENUM_VALUE (TL_LIBRARY_CHANGE_CLIPS, "clips"),
  G_DEFINE_ENUM_VALUE (TL_LIBRARY_CHANGE_SEGMENTS, "segments"))

G_DEFINE_ENUM_TYPE (TlEditKind, tl_edit_kind,
  G_DEFINE_ENUM_VALUE (TL_EDIT_OTHER, "other"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_NEW_CLIP, "new-clip"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_NEW_CLIPS, "new-clips"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_TRIM_CLIP, "trim-clip"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_RETITLE_CLIP, "retitle-clip"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_EDIT_NOTE, "edit-note"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_RATE_CLIP, "rate-clip"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_TAG_CLIP, "tag-clip"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_UNTAG_CLIP, "untag-clip"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_DELETE_CLIP, "delete-clip"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_DELETE_CLIPS, "delete-clips"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_MOVE_CLIP, "move-clip"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_NEW_TOPIC, "new-topic"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_RENAME_TOPIC, "rename-topic"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_RECOLOUR_TOPIC, "recolour-topic"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_CHANGE_TOPIC_KEY, "change-topic-key"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_DELETE_TOPIC, "delete-topic"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_NEW_FOLDER, "new-folder"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_RENAME_FOLDER, "rename-folder"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_MOVE_FOLDER, "move-folder"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_DELETE_FOLDER, "delete-folder"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_MOVE_SOURCE, "move-source"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_RENAME_SOURCE, "rename-source"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_DELETE_SOURCE, "delete-source"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_RELINK_MEDIA, "relink-media"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_UNLINK_MEDIA, "unlink-media"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_ALIGN, "align"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_TAP, "tap"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_ESTIMATE, "estimate"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_EDIT_CLIP, "edit-clip"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_CORRECT_LINE, "correct-line"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_SPLIT_LINE, "split-line"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_MERGE_LINES, "merge-lines"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_RENAME_SPEAKER, "rename-speaker"),
  G_DEFINE_ENUM_VALUE (TL_EDIT_SET_SPEAKER, "set-speaker"))

/* The name each kind of step has in undo_step.label: never change one
 * that has shipped, libraries keep them. */
static const char *const edit_labels[] = {
  [TL_EDIT_OTHER] = NULL,
  [TL_EDIT_NEW_CLIP] = N_("New Clip"),
  [TL_EDIT_NEW_CLIPS] = N_("New Clips"),
  [TL_EDIT_TRIM_CLIP] = N_("Trim Clip"),
  [TL_EDIT_RETITLE_CLIP] = N_("Retitle Clip"),
  [TL_EDIT_EDIT_NOTE] = N_("Edit Note"),
  [TL_EDIT_RATE_CLIP] = N_("Rate Clip"),
  [TL_EDIT_TAG_CLIP] = N_("Tag Clip"),
  [TL_EDIT_UNTAG_CLIP] = N_("Untag Clip"),
  [TL_EDIT_DELETE_CLIP] = N_("Delete Clip"),
  [TL_EDIT_DELETE_CLIPS] = N_("Delete Clips"),
  [TL_EDIT_MOVE_CLIP] = N_("Move Clip"),
  [TL_EDIT_NEW_TOPIC] = N_("New Topic"),
  [TL_EDIT_RENAME_TOPIC] = N_("Rename Topic"),
  [TL_EDIT_RECOLOUR_TOPIC] = N_("Recolour Topic"),
  [TL_EDIT_CHANGE_TOPIC_KEY] = N_("Change Topic Key"),
  [TL_EDIT_DELETE_TOPIC] = N_("Delete Topic"),
  [TL_EDIT_NEW_FOLDER] = N_("New Folder"),
  [TL_EDIT_RENAME_FOLDER] = N_("Rename Folder"),
  [TL_EDIT_MOVE_FOLDER] = N_("Move Folder"),
  [TL_EDIT_DELETE_FOLDER] = N_("Delete Folder"),
  [TL_EDIT_MOVE_SOURCE] = N_("Move Source"),
  [TL_EDIT_RENAME_SOURCE] = N_("Rename Source"),
  [TL_EDIT_DELETE_SOURCE] = N_("Delete Source"),
  [TL_EDIT_RELINK_MEDIA] = N_("Relink Media"),
  [TL_EDIT_UNLINK_MEDIA] = N_("Unlink Media"),
  [TL_EDIT_ALIGN] = N_("Align to the Audio"),
  [TL_EDIT_TAP] = N_("Tap In Times"),
  [TL_EDIT_ESTIMATE] = N_("Estimate Times"),
  [TL_EDIT_EDIT_CLIP] = N_("Edit Clip"),
  [TL_EDIT_CORRECT_LINE] = N_("Correct Line"),
  [TL_EDIT_SPLIT_LINE] = N_("Split Line"),
  [TL_EDIT_MERGE_LINES] = N_("Merge Lines"),
  [TL_EDIT_RENAME_SPEAKER] = N_("Rename Speaker"),
  [TL_EDIT_SET_SPEAKER] = N_("Set Speaker"),
};

/* The kind of the step a library names @label, TL_EDIT_OTHER when this
 * version does not know it. */
TlEditKind
tl_edit_kind_from_label (const char *label)
{
  for (guint i = 1; label != NULL && i < G_N_ELEMENTS (edit_labels); i++)
    if (g_strcmp0 (edit_labels[i], label) == 0)
      return i;
  return TL_EDIT_OTHER;
}

static void
tl_library_dispose (GObject *object)
{
  TlLibrary *self = TL_LIBRARY (object);

  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->edit_changes, tl_library_changes_unref);
  g_clear_pointer (&self->group_changes, tl_library_changes_unref);
  G_OBJECT_CLASS (tl_library_parent_class)->dispose (object);
}

static void
tl_library_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TlLibrary *self = TL_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_library_class_init (TlLibraryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tl_library_dispose;
  G_OBJECT_CLASS (klass)->get_property = tl_library_get_property;

  /**
   * TlLibrary:read-only:
   *
   * Whether the library was opened for reading only, because that was
   * asked or because the file or its folder cannot be written: everything
   * can be read, and every edit fails with %TL_LIBRARY_ERROR_READ_ONLY.
   * It does not change while the library is open.
   */
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);

  /**
   * TlLibrary::changed:
   * @what: the kinds of rows that changed (#TlLibrary::rows-changed
   *   says which rows)
   *
   * Emitted after a change to the library is committed: an edit, an
   * import, an undo or redo, or a change by another process, which the
   * store notices by itself on the main context the library was opened
   * on (or tl_library_check_outside_changes() at once).
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 1, TL_TYPE_LIBRARY_CHANGE);

  /**
   * TlLibrary::rows-changed:
   * @changes: what changed, with the ids of the rows where they are known
   *   (tl_library_changes_get_ids())
   *
   * Emitted just before #TlLibrary::changed, for every change: views that
   * update single rows connect here. (#TlLibrary::changed keeps its one
   * argument, so that the handlers written for it keep working.)
   */
  signals[SIGNAL_ROWS_CHANGED] = g_signal_new ("rows-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                               NULL, NULL, NULL, G_TYPE_NONE, 1,
                                               TL_TYPE_LIBRARY_CHANGES | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
tl_library_init (TlLibrary *self)
{
}

void
tl_library_emit_changes (TlLibrary *self, TlLibraryChanges *changes)
{
  g_signal_emit (self, signals[SIGNAL_ROWS_CHANGED], 0, changes);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, tl_library_changes_get_what (changes));
}

/* Any rows of the kinds @what may have changed. */
void
tl_library_emit_changed (TlLibrary *self, TlLibraryChange what)
{
  g_autoptr(TlLibraryChanges) changes = tl_library_changes_new (what);

  tl_library_emit_changes (self, changes);
}

static void
on_outside_change (TlStore *store, TlLibraryChange what, TlLibrary *self)
{
  tl_library_emit_changed (self, what);
}

/* The library over @store, which it takes. */
TlLibrary *
tl_library_new_for_store (TlStore *store)
{
  TlLibrary *self = g_object_new (TL_TYPE_LIBRARY, NULL);

  self->store = store;
  self->read_only = TL_STORE_CALL0 (store, get_read_only_reason) != NULL;
  g_signal_connect (store, "outside-change", G_CALLBACK (on_outside_change), self);
  return self;
}

TlStore *
tl_library_get_store (TlLibrary *self)
{
  return self->store;
}

/**
 * tl_library_open_full:
 * @path: the library file
 * @flags: %TL_LIBRARY_OPEN_READ_ONLY to only read
 *
 * Opens a library for use by one thread at a time (open another
 * #TlLibrary for another thread or process: they share the file).
 *
 * The file is first read without writing to learn what it is: a file that
 * is not an SQLite database, a damaged one, another program's database or
 * a newer Tagline's library is refused, each with its own error and
 * message, and left exactly as it was.
 *
 * By default a missing library is created (with its folder), an older one
 * is brought up to date, and one that cannot be written (a read-only file,
 * a read-only folder: SQLite keeps its journal beside the file; a full
 * disk) opens read-only: tl_library_is_read_only() says so and
 * tl_library_get_read_only_reason() why.
 *
 * With %TL_LIBRARY_OPEN_READ_ONLY nothing is created or written, in the
 * file or beside it; a missing file fails with %TL_LIBRARY_ERROR_MISSING.
 * In a read-only library, every edit fails with
 * %TL_LIBRARY_ERROR_READ_ONLY.
 *
 * Returns: (transfer full): the library, or %NULL with @error set
 */
TlLibrary *
tl_library_open_full (const char *path, TlLibraryOpenFlags flags, GError **error)
{
  TlStore *store;

  g_return_val_if_fail (path != NULL, NULL);
  store = tl_sqlite_store_open (path, flags, error);
  if (store == NULL)
    return NULL;
  /* what others commit arrives on this thread's main context */
  TL_STORE_CALL (store, watch, g_main_context_get_thread_default ());
  return tl_library_new_for_store (store);
}

/**
 * tl_library_open:
 * @path: the library file; created (with its folder) when missing
 *
 * Opens a library to read and write it, or read-only when it cannot be
 * written: tl_library_open_full() with %TL_LIBRARY_OPEN_DEFAULT.
 *
 * Returns: (transfer full): the library, or %NULL with @error set
 */
TlLibrary *
tl_library_open (const char *path, GError **error)
{
  return tl_library_open_full (path, TL_LIBRARY_OPEN_DEFAULT, error);
}

/**
 * tl_library_dup:
 *
 * A second handle on the same library, as it was opened (read-only or
 * not), for another thread: a job takes one instead of opening the
 * library again by its path. Each handle is used by one thread at a time.
 *
 * Returns: (transfer full): the new handle, or %NULL with @error set
 */
TlLibrary *
tl_library_dup (TlLibrary *self, GError **error)
{
  TlStore *store;

  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  store = TL_STORE_CALL (self->store, dup, error);
  return store ? tl_library_new_for_store (store) : NULL;
}

/**
 * tl_library_check_file:
 * @path: a library file
 * @problems: (out) (transfer full): what is wrong with it, one line each;
 *   empty when nothing is
 *
 * Checks that @path is a sound SQLite database, reading all of it
 * (PRAGMA integrity_check) and writing nothing, in the file or beside it.
 * It works on files that tl_library_open() refuses as damaged.
 *
 * Returns: %FALSE with @error set when the file cannot be read at all
 *   (it does not exist, or may not be read)
 */
gboolean
tl_library_check_file (const char *path, GPtrArray **problems, GError **error)
{
  g_return_val_if_fail (path != NULL && problems != NULL, FALSE);
  return tl_sqlite_store_check_file (path, problems, error);
}

/* The library a user gets without choosing one. */
char *
tl_library_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "tagline", "library.db", NULL);
}

const char *
tl_library_get_path (TlLibrary *self)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  return TL_STORE_CALL0 (self->store, get_path);
}

int
tl_library_get_schema_version (TlLibrary *self)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), 0);
  return TL_STORE_CALL0 (self->store, get_schema_version);
}

/**
 * tl_library_is_read_only:
 *
 * Returns: %TRUE when the library was opened for reading only (see
 *   #TlLibrary:read-only and tl_library_get_read_only_reason())
 */
gboolean
tl_library_is_read_only (TlLibrary *self)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  return self->read_only;
}

/**
 * tl_library_get_read_only_reason:
 *
 * Returns: (nullable): why the library is read-only, a sentence to show
 *   ("… is read-only: its folder … cannot be written"), or %NULL when it
 *   can be edited
 */
const char *
tl_library_get_read_only_reason (TlLibrary *self)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  return TL_STORE_CALL0 (self->store, get_read_only_reason);
}

/* Fails with %TL_LIBRARY_ERROR_READ_ONLY, saying why, when the library was
 * opened read-only. */
gboolean
tl_library_check_writable (TlLibrary *self, GError **error)
{
  if (!self->read_only)
    return TRUE;
  g_set_error_literal (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_READ_ONLY, tl_library_get_read_only_reason (self));
  return FALSE;
}

/**
 * tl_library_check_outside_changes:
 *
 * Notices changes committed by another process (tagline-cli, a second
 * window) since the last call, and emits #TlLibrary::changed for them.
 * Cheap enough to call every second.
 *
 * Returns: %TRUE if something changed
 */
gboolean
tl_library_check_outside_changes (TlLibrary *self)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if (!TL_STORE_CALL0 (self->store, check_outside_changes))
    return FALSE;
  tl_library_emit_changed (self, TL_LIBRARY_CHANGE_ALL);
  return TRUE;
}

/**
 * tl_library_edit_begin:
 * @kind: what the edit does, for "Undo …" (%TL_EDIT_DELETE_CLIP)
 * @what: the kinds of rows it changes, announced when it is committed
 *
 * Starts one undoable edit: what the store is asked until
 * tl_library_edit_commit() is one step. An edit forgets what could be
 * redone.
 */
gboolean
tl_library_edit_begin (TlLibrary *self, TlEditKind kind, TlLibraryChange what, GError **error)
{
  g_return_val_if_fail (!self->editing, FALSE);
  g_return_val_if_fail (kind > TL_EDIT_OTHER && kind < G_N_ELEMENTS (edit_labels), FALSE);
  if (self->group == TL_EDIT_GROUP_FAILED)
    {
      g_set_error_literal (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_FAILED,
                           _("A change before this one failed: nothing was changed"));
      return FALSE;
    }
  if (self->group == TL_EDIT_GROUP_OPEN)
    {
      /* a part of the group's step: the store's transaction is open */
      self->editing = TRUE;
      g_clear_pointer (&self->edit_changes, tl_library_changes_unref);
      self->edit_changes = tl_library_changes_new (what);
      return TRUE;
    }
  if (!tl_library_check_writable (self, error)
      || !TL_STORE_CALL (self->store, edit_begin, edit_labels[kind], error))
    return FALSE;
  self->editing = TRUE;
  g_clear_pointer (&self->edit_changes, tl_library_changes_unref);
  self->edit_changes = tl_library_changes_new (what);
  return TRUE;
}

void
tl_library_edit_touch (TlLibrary *self, TlLibraryChange kind, gint64 id)
{
  g_return_if_fail (self->editing);
  if (kind != 0)
    tl_library_changes_add (self->edit_changes, kind, id);
}

gboolean
tl_library_edit_commit (TlLibrary *self, GError **error)
{
  g_autoptr(TlLibraryChanges) changes = NULL;

  g_return_val_if_fail (self->editing, FALSE);
  self->editing = FALSE;
  changes = g_steal_pointer (&self->edit_changes);
  /* in a group, the group's end commits */
  if (self->group == TL_EDIT_GROUP_OPEN)
    {
      tl_library_changes_merge (self->group_changes, changes);
      return TRUE;
    }
  if (!TL_STORE_CALL (self->store, edit_commit, error))
    return FALSE;
  tl_library_emit_changes (self, changes);
  return TRUE;
}

void
tl_library_edit_rollback (TlLibrary *self)
{
  self->editing = FALSE;
  g_clear_pointer (&self->edit_changes, tl_library_changes_unref);
  /* one edit of a group failing takes the whole group back */
  if (self->group == TL_EDIT_GROUP_OPEN)
    self->group = TL_EDIT_GROUP_FAILED;
  else if (self->group == TL_EDIT_GROUP_FAILED)
    return;
  TL_STORE_CALL0 (self->store, edit_rollback);
}

/**
 * tl_library_begin_edit_group:
 * @kind: what the edits do together, for "Undo …" (%TL_EDIT_EDIT_CLIP)
 *
 * Makes the edits until tl_library_end_edit_group() one transaction and
 * one undo step, which undo takes back at once. If one of them fails, the
 * whole group is rolled back: the edits after it fail, and so does
 * tl_library_end_edit_group(); nothing changed. Groups do not nest, and
 * no undo, redo or import happens inside one. Changes are announced at
 * the group's end.
 *
 * Returns: %FALSE with @error set when the library cannot be edited
 */
gboolean
tl_library_begin_edit_group (TlLibrary *self, TlEditKind kind, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (self->group == TL_EDIT_GROUP_NONE && !self->editing, FALSE);
  if (!tl_library_edit_begin (self, kind, 0, error))
    return FALSE;
  self->editing = FALSE;
  self->group = TL_EDIT_GROUP_OPEN;
  g_clear_pointer (&self->edit_changes, tl_library_changes_unref);
  g_clear_pointer (&self->group_changes, tl_library_changes_unref);
  self->group_changes = tl_library_changes_new (0);
  return TRUE;
}

/**
 * tl_library_end_edit_group:
 *
 * Commits the edits made since tl_library_begin_edit_group() as one undo
 * step (none when they changed nothing), and announces what they changed.
 *
 * Returns: %FALSE with @error set when an edit of the group failed (then
 *   nothing changed) or the commit did
 */
gboolean
tl_library_end_edit_group (TlLibrary *self, GError **error)
{
  g_autoptr(TlLibraryChanges) changes = NULL;
  TlEditGroupState state;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (self->group != TL_EDIT_GROUP_NONE && !self->editing, FALSE);
  state = self->group;
  self->group = TL_EDIT_GROUP_NONE;
  changes = g_steal_pointer (&self->group_changes);
  if (state == TL_EDIT_GROUP_FAILED)
    {
      g_set_error_literal (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_FAILED,
                           _("A change of this edit failed: nothing was changed"));
      return FALSE;
    }
  if (!TL_STORE_CALL (self->store, edit_commit, error))
    return FALSE;
  tl_library_emit_changes (self, changes);
  return TRUE;
}

/**
 * tl_library_cancel_edit_group:
 *
 * Rolls back the edits made since tl_library_begin_edit_group(), if an
 * edit's failure has not already: nothing of the group stays.
 */
void
tl_library_cancel_edit_group (TlLibrary *self)
{
  g_return_if_fail (TL_IS_LIBRARY (self));
  g_return_if_fail (self->group != TL_EDIT_GROUP_NONE && !self->editing);
  if (self->group == TL_EDIT_GROUP_OPEN)
    TL_STORE_CALL0 (self->store, edit_rollback);
  g_clear_pointer (&self->group_changes, tl_library_changes_unref);
  self->group = TL_EDIT_GROUP_NONE;
}

/* The name the store keeps for the step undo (or redo) would take, in
 * English as it was stored, or NULL. */
static char *
stored_label (TlLibrary *self, gboolean redo)
{
  return self->read_only ? NULL : TL_STORE_CALL (self->store, get_step_label, redo);
}

/* A stored name in the user's language, in place. */
static char *
translate_label (char *label)
{
  char *translated;

  if (label == NULL)
    return NULL;
  translated = g_strdup (g_dgettext (GETTEXT_PACKAGE, label));
  g_free (label);
  return translated;
}

/* NULL in a read-only library: nothing can be undone there. The label is
 * in the user's language (steps are stored in English, so that windows and
 * tagline-cli in other languages share one library). */
char *
tl_library_get_undo_label (TlLibrary *self)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  return translate_label (stored_label (self, FALSE));
}

char *
tl_library_get_redo_label (TlLibrary *self)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  return translate_label (stored_label (self, TRUE));
}

/**
 * tl_library_get_undo_kind:
 *
 * Returns: what undo would take back, or %TL_EDIT_OTHER when there is
 *   nothing to undo (tl_library_get_undo_label() returns %NULL) or it is
 *   of a kind this version does not know
 */
TlEditKind
tl_library_get_undo_kind (TlLibrary *self)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (TL_IS_LIBRARY (self), TL_EDIT_OTHER);
  label = stored_label (self, FALSE);
  return tl_edit_kind_from_label (label);
}

TlEditKind
tl_library_get_redo_kind (TlLibrary *self)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (TL_IS_LIBRARY (self), TL_EDIT_OTHER);
  label = stored_label (self, TRUE);
  return tl_edit_kind_from_label (label);
}

static gboolean
replay (TlLibrary *self, gboolean undo, char **label, GError **error)
{
  g_return_val_if_fail (self->group == TL_EDIT_GROUP_NONE, FALSE);
  if (!tl_library_check_writable (self, error) || !TL_STORE_CALL (self->store, replay, undo, label, error))
    return FALSE;
  if (label)
    *label = translate_label (*label);
  tl_library_emit_changed (self, TL_LIBRARY_CHANGE_ALL);
  return TRUE;
}

/**
 * tl_library_undo:
 * @label: (out) (optional): what was undone ("Delete Clip"), in the user's
 *   language
 *
 * Undoes the last edit, in one transaction, whenever it was made (undo
 * survives restarts).
 *
 * Returns: %TRUE if something was undone; %FALSE with @error unset when
 *   there was nothing to undo
 */
gboolean
tl_library_undo (TlLibrary *self, char **label, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  return replay (self, TRUE, label, error);
}

gboolean
tl_library_redo (TlLibrary *self, char **label, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  return replay (self, FALSE, label, error);
}

/* The lines of the sources, as exports read them (TlStoreLine). */
gboolean
tl_library_foreach_line (TlLibrary *self, const gint64 *source_ids, guint n_source_ids, TlStoreLineFunc func,
                         gpointer data, GError **error)
{
  return TL_STORE_CALL (self->store, foreach_line, source_ids, n_source_ids, func, data, error);
}
