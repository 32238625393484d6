/* tl-export-private.h: what the exporters share: clean text, names, media
 * paths and URLs, timecode. Only the files in formats/ include it. */
#pragma once

#include "tl-export.h"

G_BEGIN_DECLS

#define TL_EXPORT_DEFAULT_TITLE "Tagline export"

char *tl_export_clean (const char *text, gboolean one_line);
char *tl_export_item_name (TlExportItem *item);
char *tl_export_media_path (TlSource *source);
char *tl_export_media_uri (TlSource *source, const char *hostname);
char *tl_export_timecode (gint64 frames, int fps_num, int fps_den);
gint64 tl_export_record_start (int fps_num, int fps_den);
const char *tl_export_topic_color (TlExportContext *ctx, const char *topic);

typedef enum {
  TL_EXPORT_PALETTE_CMX,  /* the colours EDL LOC lines name */
  TL_EXPORT_PALETTE_OTIO, /* OpenTimelineIO's marker colours */
} TlExportPalette;

const char *tl_export_color_name (const char *hex, TlExportPalette palette);

G_END_DECLS
