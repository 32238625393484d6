/* tl-model-private.h: the instance structs of the model objects, for the
 * library that fills them from rows. Nothing outside src/core includes it. */
#pragma once

#include "tl-clip.h"
#include "tl-folder.h"
#include "tl-segment.h"
#include "tl-source.h"
#include "tl-topic.h"

G_BEGIN_DECLS

struct _TlSource {
  GObject parent_instance;
  gint64 id;
  gint64 folder_id; /* 0 when at the top level */
  TlSourceKind kind;
  TlTiming timing;
  char *title;
  char *outlet;
  char *published;
  char *url;
  char *external_id;
  char *description;
  char *language;
  char *format;
  char *folder;      /* folder path "A/B", NULL at the top */
  char *origin_path; /* the transcript file it was imported from */
  GStrv keywords;
  gint64 duration;   /* µs or TL_TIME_NONE */
  guint n_segments;
  TlMediaInfo *media; /* NULL when the source has no media */
};

struct _TlFolder {
  GObject parent_instance;
  gint64 id;
  gint64 parent_id; /* 0 at the top level */
  char *name;
};

struct _TlSegment {
  GObject parent_instance;
  gint64 id;
  guint index;
  gint64 start;
  gint64 end;
  char *speaker;
  char *text;
  gboolean non_speech;
  double confidence; /* < 0 when unknown */
  char *flag;
  gboolean anchor;   /* timed by hand: alignment keeps it */
  GArray *words;     /* TlWord; NULL until the store or the library fills them */
  TlWordTiming word_timing;
  char *original_text; /* the imported text, once corrected; else NULL */
};

void tl_segment_fill_words (TlSegment *segment);
void tl_segment_settle_words (TlSegment *segment);

struct _TlTopic {
  GObject parent_instance;
  gint64 id;
  char *name;
  char *color;
  guint key; /* 0 when none */
  gint64 parent_id;
  guint n_clips;
};

struct _TlClip {
  GObject parent_instance;
  gint64 id;
  gint64 source_id;
  gint64 in;  /* µs; for articles, TL_TIME_NONE */
  gint64 out;
  gint first_segment; /* for articles: paragraph range, else -1 */
  gint last_segment;
  char *title;
  char *note;
  guint rating;
  GStrv topics;
  gint64 created; /* unix µs */
  gint64 updated;
  char *source_title; /* read with the clip, for lists of clips of many sources */
  char *text;         /* the words said in it, once a clip list read them; NULL until then */
};

/* Updates in place, for the list models (TlClipList, TlTopicList): each
 * property that changed is notified. */
gboolean tl_clip_update (TlClip *self, TlClip *from);
void tl_clip_set_text (TlClip *self, const char *text);
void tl_topic_update (TlTopic *self, TlTopic *from);

G_END_DECLS
