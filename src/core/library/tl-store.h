/* tl-store.h: private to the core: what TlLibrary asks of the store that
 * keeps a library (store/sqlite/ is the embedded one). The library checks
 * every value, names undo steps and announces changes; a store reads and
 * writes, and says what no one asked it (another process's commits). */
#pragma once

#include "tl-library.h"
#include "tl-search.h"

G_BEGIN_DECLS

#define TL_TYPE_STORE (tl_store_get_type ())
G_DECLARE_DERIVABLE_TYPE (TlStore, tl_store, TL, STORE, GObject)

/* What an update changes; the values it takes are given with each. */
typedef enum {
  TL_STORE_SET_TITLE,      /* text: sources, clips */
  TL_STORE_SET_NOTE,       /* text: clips */
  TL_STORE_SET_RATING,     /* a: clips */
  TL_STORE_SET_RANGE,      /* a = in, b = out (µs): clips */
  TL_STORE_SET_PARAGRAPHS, /* a = first, b = last: clips */
  TL_STORE_ADD_TOPIC,      /* a = topic id: clips */
  TL_STORE_REMOVE_TOPIC,   /* a = topic id: clips */
  TL_STORE_MOVE_BEFORE,    /* a = the clip it goes in front of, 0: last */
  TL_STORE_SET_NAME,       /* text: topics, folders */
  TL_STORE_SET_COLOR,      /* text: topics */
  TL_STORE_SET_KEY,        /* a = 1–9, 0 none (others lose it): topics */
  TL_STORE_SET_PARENT,     /* a = folder id, 0 the top level: sources, folders */
  TL_STORE_DELETE,         /* clips, topics; sources and folders (with what they hold) are hidden */
} TlStoreChange;

/* What a store has no row for */
typedef enum {
  TL_STORE_ENTITY_SOURCE,
  TL_STORE_ENTITY_CLIP,
  TL_STORE_ENTITY_TOPIC,
  TL_STORE_ENTITY_FOLDER,
} TlStoreEntity;

/* One line as exports read it (tl_store_foreach_line). */
typedef struct {
  gint64 source_id;
  int index;
  gint64 start;
  gint64 end;
  const char *text;
} TlStoreLine;

typedef void (*TlStoreLineFunc) (const TlStoreLine *line, gpointer data);

struct _TlStoreClass {
  GObjectClass parent_class;

  /* the store itself */
  const char *(*get_path) (TlStore *self);
  const char *(*get_read_only_reason) (TlStore *self);
  int (*get_schema_version) (TlStore *self);
  TlStore *(*dup) (TlStore *self, GError **error);
  gboolean (*check_outside_changes) (TlStore *self);
  /* from now on, emit TlStore::outside-change from @context (the thread
   * that uses the store) when another process commits */
  void (*watch) (TlStore *self, GMainContext *context);

  /* one undoable edit: what the store is asked between begin and commit
   * is one step that undo takes back; @label names it for "Undo …" */
  gboolean (*edit_begin) (TlStore *self, const char *label, GError **error);
  gboolean (*edit_commit) (TlStore *self, GError **error);
  void (*edit_rollback) (TlStore *self);
  char *(*get_step_label) (TlStore *self, gboolean redo);
  gboolean (*replay) (TlStore *self, gboolean undo, char **label, GError **error);

  /* sources (imports are not undoable: each is its own transaction) */
  gint64 (*add_document) (TlStore *self, TlDocument *doc, const TlImportOptions *options, gint64 folder_id,
                          GError **error);
  gint64 (*ensure_folder) (TlStore *self, const char *path, GError **error);
  GPtrArray *(*list_sources) (TlStore *self, GError **error);
  TlSource *(*get_source) (TlStore *self, gint64 source_id, GError **error);
  GPtrArray *(*get_segments) (TlStore *self, gint64 source_id, gint64 in, gint64 out, GError **error);
  GPtrArray *(*get_chapters) (TlStore *self, gint64 source_id, GError **error);
  gboolean (*set_segment_times) (TlStore *self, gint64 source_id, TlTiming timing, const TlSegmentTiming *times,
                                 guint n_times, GError **error);
  gboolean (*set_media) (TlStore *self, gint64 source_id, const TlMediaInfo *media, GError **error);
  gboolean (*update_source) (TlStore *self, gint64 source_id, TlStoreChange change, const char *text, gint64 a,
                             GError **error);
  gboolean (*load_waveform) (TlStore *self, gint64 source_id, const char *media_path, gint64 size, gint64 mtime,
                             guint *peaks_per_second, GBytes **peaks, GError **error);
  gboolean (*save_waveform) (TlStore *self, gint64 source_id, const char *media_path, gint64 size, gint64 mtime,
                             guint peaks_per_second, GBytes *peaks, GError **error);

  /* topics */
  GPtrArray *(*list_topics) (TlStore *self, GError **error);
  TlTopic *(*get_topic) (TlStore *self, gint64 topic_id, GError **error);
  TlTopic *(*find_topic) (TlStore *self, const char *name, GError **error);
  gint64 (*insert_topic) (TlStore *self, const char *name, guint key, const char *color, guint position,
                          GError **error);
  gboolean (*update_topic) (TlStore *self, gint64 topic_id, TlStoreChange change, const char *text, gint64 a,
                            GError **error);

  /* clips */
  gint64 (*insert_clip) (TlStore *self, const TlClipSpec *spec, TlSource *source, GArray *topic_ids,
                         GError **error);
  TlClip *(*get_clip) (TlStore *self, gint64 clip_id, GError **error);
  GPtrArray *(*list_clips) (TlStore *self, const TlClipFilter *filter, GError **error);
  gboolean (*update_clip) (TlStore *self, gint64 clip_id, TlStoreChange change, const char *text, gint64 a,
                           gint64 b, GError **error);

  /* folders */
  GPtrArray *(*list_folders) (TlStore *self, GError **error);
  gint64 (*insert_folder) (TlStore *self, gint64 parent_id, const char *name, GError **error);
  gboolean (*folder_is_within) (TlStore *self, gint64 folder_id, gint64 other_id, gboolean *within, GError **error);
  gboolean (*update_folder) (TlStore *self, gint64 folder_id, TlStoreChange change, const char *text, gint64 a,
                             GError **error);

  /* search and export */
  TlSearchResults *(*search) (TlStore *self, const char *query, guint limit, guint offset, const char *mark_open,
                              const char *mark_close, GError **error);
  gboolean (*foreach_line) (TlStore *self, const gint64 *source_ids, guint n_source_ids, TlStoreLineFunc func,
                            gpointer data, GError **error);
};

/* Emitted by a store, on the thread that made it, for a change it did not
 * make itself (another process's commit). */
void tl_store_emit_outside_change (TlStore *self, TlLibraryChange what);

gboolean tl_store_not_found (GError **error, TlStoreEntity entity, gint64 id);

#define TL_STORE_CALL(store, vfunc, ...) (TL_STORE_GET_CLASS (store)->vfunc ((store), __VA_ARGS__))
#define TL_STORE_CALL0(store, vfunc) (TL_STORE_GET_CLASS (store)->vfunc ((store)))

G_END_DECLS
