/* tl-types.h: enumerations and time constants shared by every layer. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Times are microseconds everywhere inside Tagline. */
#define TL_USEC_PER_SEC G_GINT64_CONSTANT (1000000)
#define TL_USEC_PER_MSEC G_GINT64_CONSTANT (1000)
/* An unknown time (untimed transcripts, articles). */
#define TL_TIME_NONE G_GINT64_CONSTANT (-1)
/* The latest time a transcript may name: 10,000 hours (four-digit hours
 * still read, as WebVTT allows). Anything past it is a broken file, and
 * refusing it keeps every sum of a few times far from overflowing. */
#define TL_TIME_MAX_HOURS 10000
#define TL_TIME_MAX (G_GINT64_CONSTANT (3600) * TL_TIME_MAX_HOURS * TL_USEC_PER_SEC)

typedef enum {
  TL_SOURCE_KIND_TRANSCRIPT,
  TL_SOURCE_KIND_VIDEO,
  TL_SOURCE_KIND_AUDIO,
  TL_SOURCE_KIND_ARTICLE,
} TlSourceKind;

typedef enum {
  TL_TIMING_NONE,
  TL_TIMING_NATIVE,
  TL_TIMING_ESTIMATED,
  TL_TIMING_TAPPED,
  TL_TIMING_ALIGNED,
} TlTiming;

#define TL_TYPE_SOURCE_KIND (tl_source_kind_get_type ())
#define TL_TYPE_TIMING (tl_timing_get_type ())
GType tl_source_kind_get_type (void) G_GNUC_CONST;
GType tl_timing_get_type (void) G_GNUC_CONST;

const char *tl_source_kind_to_string (TlSourceKind kind);
gboolean tl_source_kind_from_string (const char *str, TlSourceKind *kind);
const char *tl_timing_to_string (TlTiming timing);
gboolean tl_timing_from_string (const char *str, TlTiming *timing);

G_END_DECLS
