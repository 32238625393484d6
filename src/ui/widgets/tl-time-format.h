/* tl-time-format.h: the one way the window shows a time (a preference):
 * SMPTE timecode at the media's rate from its own start timecode, a clock
 * with milliseconds, or frame numbers; and how a typed time is read. */
#pragma once

#include <glib-object.h>

#include "tl-media-info.h"

G_BEGIN_DECLS

typedef enum {
  TL_TIME_FORMAT_TIMECODE, /* 01:00:12:05, 00:01:00;02 in drop-frame */
  TL_TIME_FORMAT_CLOCK,    /* 00:00:12.200 */
  TL_TIME_FORMAT_FRAMES,   /* 305 */
} TlTimeFormatKind;

#define TL_TYPE_TIME_FORMAT (tl_time_format_get_type ())
G_DECLARE_FINAL_TYPE (TlTimeFormat, tl_time_format, TL, TIME_FORMAT, GObject)

TlTimeFormat *tl_time_format_get_default (void);
TlTimeFormatKind tl_time_format_get_kind (TlTimeFormat *self);
void tl_time_format_set_kind (TlTimeFormat *self, TlTimeFormatKind kind);
const char *tl_time_format_kind_to_string (TlTimeFormatKind kind);
gboolean tl_time_format_kind_from_string (const char *name, TlTimeFormatKind *kind);

char *tl_time_format_usec (TlTimeFormat *self, gint64 usec, const TlMediaInfo *media);
char *tl_time_format_range (TlTimeFormat *self, gint64 in, gint64 out, const TlMediaInfo *media);
char *tl_time_format_now (gint64 usec, const TlMediaInfo *media);
gboolean tl_time_format_parse (const char *text, const TlMediaInfo *media, gint64 current, gint64 *usec);

G_END_DECLS
