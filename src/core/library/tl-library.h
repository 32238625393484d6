/* tl-library.h: a library: open, import, read, tag, undo. Every change is
 * its own transaction; where it is kept is the store's business
 * (store/sqlite/: one SQLite file is one library). */
#pragma once

#include <gio/gio.h>

#include "tl-clip.h"
#include "tl-document.h"
#include "tl-folder.h"
#include "tl-media-info.h"
#include "tl-segment.h"
#include "tl-source.h"
#include "tl-topic.h"

G_BEGIN_DECLS

#define TL_LIBRARY_ERROR (tl_library_error_quark ())

typedef enum {
  TL_LIBRARY_ERROR_OPEN,        /* cannot be opened or created */
  TL_LIBRARY_ERROR_NOT_LIBRARY, /* not a database, an empty file, or a database of some other program */
  TL_LIBRARY_ERROR_NEWER,       /* written by a newer Tagline */
  TL_LIBRARY_ERROR_FAILED,      /* SQLite failed (busy, an I/O error) */
  TL_LIBRARY_ERROR_NOT_FOUND,   /* no such source, topic, clip */
  TL_LIBRARY_ERROR_INVALID,     /* a value the library cannot take */
  TL_LIBRARY_ERROR_EXISTS,      /* a name or key already taken */
  TL_LIBRARY_ERROR_READ_ONLY,   /* open read-only: edits are refused (tl_library_get_read_only_reason()) */
  TL_LIBRARY_ERROR_MISSING,     /* opening read-only a file that does not exist */
  TL_LIBRARY_ERROR_DAMAGED,     /* the file is damaged (cut short, corrupt): see tl_library_check_file() */
  TL_LIBRARY_ERROR_NO_SPACE,    /* the disk is full */
} TlLibraryError;

GQuark tl_library_error_quark (void);

/* The newest schema this build reads and writes (PRAGMA user_version). */
#define TL_LIBRARY_SCHEMA_VERSION 6

/* What a change touched, for views that reload only what they show. */
typedef enum {
  TL_LIBRARY_CHANGE_SOURCES = 1 << 0,
  TL_LIBRARY_CHANGE_FOLDERS = 1 << 1,
  TL_LIBRARY_CHANGE_TOPICS = 1 << 2,
  TL_LIBRARY_CHANGE_CLIPS = 1 << 3,
  TL_LIBRARY_CHANGE_SEGMENTS = 1 << 4,
} TlLibraryChange;

#define TL_LIBRARY_CHANGE_ALL (TL_LIBRARY_CHANGE_SOURCES | TL_LIBRARY_CHANGE_FOLDERS | TL_LIBRARY_CHANGE_TOPICS \
                               | TL_LIBRARY_CHANGE_CLIPS | TL_LIBRARY_CHANGE_SEGMENTS)
#define TL_TYPE_LIBRARY_CHANGE (tl_library_change_get_type ())
GType tl_library_change_get_type (void) G_GNUC_CONST;

/* What one change touched, with ids (TlLibrary::rows-changed). */
typedef struct _TlLibraryChanges TlLibraryChanges;
#define TL_TYPE_LIBRARY_CHANGES (tl_library_changes_get_type ())
GType tl_library_changes_get_type (void) G_GNUC_CONST;
TlLibraryChanges *tl_library_changes_ref (TlLibraryChanges *changes);
void tl_library_changes_unref (TlLibraryChanges *changes);
TlLibraryChange tl_library_changes_get_what (const TlLibraryChanges *changes);
const gint64 *tl_library_changes_get_ids (const TlLibraryChanges *changes, TlLibraryChange kind, guint *n_ids);
gboolean tl_library_changes_touches (const TlLibraryChanges *changes, TlLibraryChange kind, gint64 id);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlLibraryChanges, tl_library_changes_unref)

/* What an undoable edit did: undo steps have a kind, and the UI says it
 * in the user's language (the library keeps an English name in the file). */
typedef enum {
  TL_EDIT_OTHER, /* a step of a kind this version does not know */
  TL_EDIT_NEW_CLIP,
  TL_EDIT_NEW_CLIPS,
  TL_EDIT_TRIM_CLIP,
  TL_EDIT_RETITLE_CLIP,
  TL_EDIT_EDIT_NOTE,
  TL_EDIT_RATE_CLIP,
  TL_EDIT_TAG_CLIP,
  TL_EDIT_UNTAG_CLIP,
  TL_EDIT_DELETE_CLIP,
  TL_EDIT_DELETE_CLIPS,
  TL_EDIT_MOVE_CLIP,
  TL_EDIT_NEW_TOPIC,
  TL_EDIT_RENAME_TOPIC,
  TL_EDIT_RECOLOUR_TOPIC,
  TL_EDIT_CHANGE_TOPIC_KEY,
  TL_EDIT_DELETE_TOPIC,
  TL_EDIT_NEW_FOLDER,
  TL_EDIT_RENAME_FOLDER,
  TL_EDIT_MOVE_FOLDER,
  TL_EDIT_DELETE_FOLDER,
  TL_EDIT_MOVE_SOURCE,
  TL_EDIT_RENAME_SOURCE,
  TL_EDIT_DELETE_SOURCE,
  TL_EDIT_RELINK_MEDIA,
  TL_EDIT_UNLINK_MEDIA,
  TL_EDIT_ALIGN,
  TL_EDIT_TAP,
  TL_EDIT_ESTIMATE,
  TL_EDIT_EDIT_CLIP, /* several changes to one clip, in one group */
  TL_EDIT_CORRECT_LINE,
  TL_EDIT_SPLIT_LINE,
  TL_EDIT_MERGE_LINES,
  TL_EDIT_RENAME_SPEAKER,
  TL_EDIT_SET_SPEAKER,
} TlEditKind;

#define TL_TYPE_EDIT_KIND (tl_edit_kind_get_type ())
GType tl_edit_kind_get_type (void) G_GNUC_CONST;

#define TL_TYPE_LIBRARY (tl_library_get_type ())
G_DECLARE_FINAL_TYPE (TlLibrary, tl_library, TL, LIBRARY, GObject)

/* How to open a library */
typedef enum {
  TL_LIBRARY_OPEN_DEFAULT = 0,        /* read and write; created when missing; read-only when it cannot be written */
  TL_LIBRARY_OPEN_READ_ONLY = 1 << 0, /* only read: nothing is created or written, in the file or beside it */
} TlLibraryOpenFlags;

TlLibrary *tl_library_open (const char *path, GError **error);
TlLibrary *tl_library_open_full (const char *path, TlLibraryOpenFlags flags, GError **error);
TlLibrary *tl_library_dup (TlLibrary *self, GError **error);
gboolean tl_library_is_read_only (TlLibrary *self);
const char *tl_library_get_read_only_reason (TlLibrary *self);
gboolean tl_library_check_file (const char *path, GPtrArray **problems, GError **error);
char *tl_library_get_default_path (void);
const char *tl_library_get_path (TlLibrary *self);
int tl_library_get_schema_version (TlLibrary *self);
gboolean tl_library_check_outside_changes (TlLibrary *self);

/* Import */
typedef struct {
  const char *origin_path;    /* the transcript file, stored for reference */
  const char *folder;         /* "News/Summit", created when missing; NULL: top level */
  const TlMediaInfo *media;   /* the media file's probe, or NULL */
  gint64 folder_id;           /* the folder to put it in, instead of @folder; 0: none */
} TlImportOptions;

gint64 tl_library_add_document (TlLibrary *self,
                                TlDocument *doc,
                                const TlImportOptions *options,
                                GError **error);
gint64 tl_library_ensure_folder (TlLibrary *self, const char *path, GError **error);

/* Sources and their transcripts */
typedef struct {
  gint64 start;       /* µs or TL_TIME_NONE */
  gint segment_index; /* for article sections, else -1 */
  char *title;
} TlChapter;

void tl_chapter_free (TlChapter *chapter);

GPtrArray *tl_library_list_sources (TlLibrary *self, GError **error);
TlSource *tl_library_get_source (TlLibrary *self, gint64 source_id, GError **error);
GPtrArray *tl_library_get_segments (TlLibrary *self, gint64 source_id, GError **error);
GPtrArray *tl_library_get_chapters (TlLibrary *self, gint64 source_id, GError **error);
GPtrArray *tl_library_get_segments_in_range (TlLibrary *self,
                                             gint64 source_id,
                                             gint64 in,
                                             gint64 out,
                                             GError **error);

/* Times of a transcript's lines, set all at once (alignment, tapping) */
typedef struct {
  gint64 start;       /* µs or TL_TIME_NONE */
  gint64 end;         /* µs or TL_TIME_NONE */
  double confidence;  /* 0–1, or < 0 for none */
  const char *flag;   /* NULL, "unspoken" or "uncertain" */
  gboolean anchor;    /* timed by hand (tapped, fixed): alignment keeps it */
  /* The line's word times (the aligner's), one per word of its text
   * (tl_segment_get_words()), with where they come from (ALIGNED).
   * NULL: the words the line has move with it, in proportion. */
  const TlWord *words;
  guint n_words;
  TlWordTiming word_timing;
} TlSegmentTiming;

gboolean tl_library_set_segment_times (TlLibrary *self,
                                       gint64 source_id,
                                       TlTiming timing,
                                       const TlSegmentTiming *times,
                                       guint n_times,
                                       GError **error);

/* Corrections of a transcript: each is one transaction and one undo step,
 * and stays the editor's through new times (alignment, tapping, estimates
 * change times, never text). Lines are counted from 0; a corrected line
 * keeps its imported text (tl_segment_get_original_text()). The words of
 * a line that did not change keep their times; new ones are interpolated. */
gboolean tl_library_set_segment_text (TlLibrary *self,
                                      gint64 source_id,
                                      guint index,
                                      const char *text,
                                      GError **error);
gboolean tl_library_split_segment (TlLibrary *self,
                                   gint64 source_id,
                                   guint index,
                                   guint word,
                                   GError **error);
gboolean tl_library_merge_segments (TlLibrary *self, gint64 source_id, guint index, GError **error);
gboolean tl_library_set_segment_speaker (TlLibrary *self,
                                         gint64 source_id,
                                         guint index,
                                         const char *speaker,
                                         GError **error);
gboolean tl_library_rename_speaker (TlLibrary *self,
                                    gint64 source_id,
                                    const char *old_name,
                                    const char *new_name,
                                    GError **error);

/* Topics */
TlTopic *tl_library_add_topic (TlLibrary *self,
                               const char *name,
                               guint key,
                               const char *color,
                               GError **error);
GPtrArray *tl_library_list_topics (TlLibrary *self, GError **error);
TlTopic *tl_library_find_topic (TlLibrary *self, const char *name, GError **error);

/* Clips */
typedef struct {
  gint64 source_id;
  gint64 in;           /* µs, for sources with times */
  gint64 out;
  gint first_segment;  /* for articles: paragraphs, inclusive; else -1 */
  gint last_segment;
  const char *title;
  const char *note;
  guint rating;        /* 0–5 */
  const char *const *topics; /* topic names, each must exist */
} TlClipSpec;

typedef enum {
  TL_CLIP_ORDER_SOURCE, /* by source, then time */
  TL_CLIP_ORDER_TOPIC,
  TL_CLIP_ORDER_RATING,
  TL_CLIP_ORDER_CREATED,
  TL_CLIP_ORDER_ARRANGED, /* as the editor arranged them (tl_library_move_clip) */
} TlClipOrder;

typedef struct {
  const char *const *topics;  /* any of these names; NULL: all */
  const gint64 *source_ids;   /* any of these; NULL: all */
  guint n_source_ids;
  const char *folder;         /* sources in this folder (and below) */
  guint min_rating;
  const char *query;          /* clips whose lines match this search */
  TlClipOrder order;
} TlClipFilter;

/* Lines first to last (indices in the transcript), inclusive. */
typedef struct {
  guint first;
  guint last;
} TlLineRun;

GArray *tl_clip_specs_for_lines (TlSource *source,
                                 TlSegment *const *segments,
                                 guint n_segments,
                                 const TlLineRun *runs,
                                 guint n_runs,
                                 GError **error);
gboolean tl_clip_spec_for_words (TlSource *source,
                                 TlSegment *first,
                                 guint first_word,
                                 TlSegment *last,
                                 guint last_word,
                                 TlClipSpec *spec,
                                 GError **error);
gint64 tl_library_add_clip (TlLibrary *self, const TlClipSpec *spec, GError **error);
gboolean tl_library_add_clips (TlLibrary *self,
                               const TlClipSpec *specs,
                               guint n_specs,
                               gint64 *ids,
                               GError **error);
TlClip *tl_library_get_clip (TlLibrary *self, gint64 clip_id, GError **error);
GPtrArray *tl_library_list_clips (TlLibrary *self, const TlClipFilter *filter, GError **error);
char *tl_library_get_clip_text (TlLibrary *self, TlClip *clip, GError **error);

/* Rules the window and tagline-cli share (tl-library-rules.c) */
gboolean tl_source_clips_by_paragraph (TlSource *source);
gboolean tl_source_can_tap (TlSource *source);
gboolean tl_source_can_align (TlSource *source);
gboolean tl_source_offers_align (TlSource *source);

typedef enum {
  TL_TAG_NEW_CLIPS = 0,   /* every range becomes a new clip */
  TL_TAG_TOGGLE = 1 << 0, /* one range inside a clip of its source toggles the topics on that clip */
} TlTagFlags;

/* What tl_library_tag() did */
typedef enum {
  TL_TAGGED_NEW_CLIPS, /* made new clips */
  TL_TAGGED_ADDED,     /* added the topics to the clip that holds the range */
  TL_TAGGED_REMOVED,   /* took them off it */
} TlTagged;

gboolean tl_library_tag (TlLibrary *self,
                         const TlClipSpec *specs,
                         guint n_specs,
                         TlTagFlags flags,
                         gint64 *ids,
                         TlTagged *tagged,
                         GError **error);

/* Edits: each is one transaction and one undo step */
gboolean tl_library_set_clip_range (TlLibrary *self, gint64 clip_id, gint64 in, gint64 out, GError **error);
gboolean tl_library_set_clip_paragraphs (TlLibrary *self, gint64 clip_id, gint first, gint last, GError **error);
gboolean tl_library_set_clip_title (TlLibrary *self, gint64 clip_id, const char *title, GError **error);
gboolean tl_library_set_clip_note (TlLibrary *self, gint64 clip_id, const char *note, GError **error);
gboolean tl_library_set_clip_rating (TlLibrary *self, gint64 clip_id, guint rating, GError **error);
gboolean tl_library_set_clip_topic (TlLibrary *self, gint64 clip_id, gint64 topic_id, gboolean on, GError **error);
gboolean tl_library_delete_clip (TlLibrary *self, gint64 clip_id, GError **error);
gboolean tl_library_delete_clips (TlLibrary *self, const gint64 *clip_ids, guint n_clips, GError **error);
gboolean tl_library_move_clip (TlLibrary *self, gint64 clip_id, gint64 before_id, GError **error);

gboolean tl_library_rename_topic (TlLibrary *self, gint64 topic_id, const char *name, GError **error);
gboolean tl_library_set_topic_color (TlLibrary *self, gint64 topic_id, const char *color, GError **error);
gboolean tl_library_set_topic_key (TlLibrary *self, gint64 topic_id, guint key, GError **error);
gboolean tl_library_delete_topic (TlLibrary *self, gint64 topic_id, GError **error);

GPtrArray *tl_library_list_folders (TlLibrary *self, GError **error);
gint64 tl_library_add_folder (TlLibrary *self, gint64 parent_id, const char *name, GError **error);
gboolean tl_library_rename_folder (TlLibrary *self, gint64 folder_id, const char *name, GError **error);
gboolean tl_library_move_folder (TlLibrary *self, gint64 folder_id, gint64 parent_id, GError **error);
gboolean tl_library_delete_folder (TlLibrary *self, gint64 folder_id, GError **error);
gboolean tl_library_move_source (TlLibrary *self, gint64 source_id, gint64 folder_id, GError **error);
gboolean tl_library_rename_source (TlLibrary *self, gint64 source_id, const char *title, GError **error);
gboolean tl_library_delete_source (TlLibrary *self, gint64 source_id, GError **error);
gboolean tl_library_set_media (TlLibrary *self, gint64 source_id, const TlMediaInfo *media, GError **error);

/* Several edits as one transaction and one undo step */
gboolean tl_library_begin_edit_group (TlLibrary *self, TlEditKind kind, GError **error);
gboolean tl_library_end_edit_group (TlLibrary *self, GError **error);
void tl_library_cancel_edit_group (TlLibrary *self);

/* Undo and redo, across restarts */
gboolean tl_library_undo (TlLibrary *self, char **label, GError **error);
gboolean tl_library_redo (TlLibrary *self, char **label, GError **error);
char *tl_library_get_undo_label (TlLibrary *self);
char *tl_library_get_redo_label (TlLibrary *self);
TlEditKind tl_library_get_undo_kind (TlLibrary *self);
TlEditKind tl_library_get_redo_kind (TlLibrary *self);
TlEditKind tl_edit_kind_from_label (const char *label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlChapter, tl_chapter_free)

G_END_DECLS
