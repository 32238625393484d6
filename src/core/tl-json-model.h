/* tl-json-model.h: Tagline's objects as JSON (sources, clips, topics,
 * segments, chapters, media), written by the same functions for the JSON
 * export and for tagline-cli. The field names are stable: scripts read
 * them. */
#pragma once

#include "tl-json.h"
#include "tl-library.h"

G_BEGIN_DECLS

/* Which fields of a source, in which order. */
typedef enum {
  TL_JSON_SOURCE_LIST,   /* tagline-cli sources: id, title, kind, outlet, duration, segments (a count), timing,
                          * folder */
  TL_JSON_SOURCE_FULL,   /* tagline-cli show: all its metadata, chapters, media (an object) and segments */
  TL_JSON_SOURCE_EXPORT, /* a clip's source in the JSON export: id, title, kind, outlet, published, url,
                          * media (its path), framerate */
} TlJsonSourceView;

/* Which fields of a clip, in which order. */
typedef enum {
  TL_JSON_CLIP_LIST,   /* tagline-cli clips: id, source_id, in, out, paragraphs, topics, rating, title, note,
                        * text */
  TL_JSON_CLIP_EXPORT, /* the JSON export: the source itself instead of its id, and quote, duration and the
                        * timecodes at the media's frame rate */
} TlJsonClipView;

void tl_json_write_source (TlJsonWriter *w,
                           TlSource *source,
                           TlJsonSourceView view,
                           GPtrArray *chapters,
                           GPtrArray *segments);
void tl_json_write_clip (TlJsonWriter *w, TlClip *clip, TlSource *source, const char *text, TlJsonClipView view);
void tl_json_write_topic (TlJsonWriter *w, TlTopic *topic);
void tl_json_write_segment (TlJsonWriter *w, TlSegment *segment);
void tl_json_write_chapter (TlJsonWriter *w, const TlChapter *chapter);
void tl_json_write_media (TlJsonWriter *w, const TlMediaInfo *media);

G_END_DECLS
