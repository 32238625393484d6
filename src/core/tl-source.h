/* tl-source.h: one item of the library: a video, an audio, a transcript or an article. */
#pragma once

#include <glib-object.h>

#include "tl-media-info.h"
#include "tl-types.h"

G_BEGIN_DECLS

#define TL_TYPE_SOURCE (tl_source_get_type ())
G_DECLARE_FINAL_TYPE (TlSource, tl_source, TL, SOURCE, GObject)

gint64 tl_source_get_id (TlSource *self);
TlSourceKind tl_source_get_kind (TlSource *self);
TlTiming tl_source_get_timing (TlSource *self);
const char *tl_source_get_title (TlSource *self);
const char *tl_source_get_outlet (TlSource *self);
const char *tl_source_get_published (TlSource *self);
const char *tl_source_get_url (TlSource *self);
const char *tl_source_get_external_id (TlSource *self);
const char *tl_source_get_description (TlSource *self);
const char *tl_source_get_language (TlSource *self);
const char *tl_source_get_format (TlSource *self);
const char *tl_source_get_folder (TlSource *self);
gint64 tl_source_get_folder_id (TlSource *self);
const char *tl_source_get_origin_path (TlSource *self);
const char *const *tl_source_get_keywords (TlSource *self);
gint64 tl_source_get_duration (TlSource *self);
guint tl_source_get_n_segments (TlSource *self);
const TlMediaInfo *tl_source_get_media (TlSource *self);

G_END_DECLS
