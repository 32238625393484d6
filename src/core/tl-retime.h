/* tl-retime.h: times for every line from the ones the editor tapped in,
 * and times that move with their lines when the lines are timed anew. */
#pragma once

#include "tl-library.h"

G_BEGIN_DECLS

double tl_retime_weight (const char *text, gboolean non_speech);
void tl_retime_from_anchors (TlSegmentTiming *times, const double *weights, guint n, gint64 duration);

typedef struct _TlRetimeMap TlRetimeMap;

TlRetimeMap *tl_retime_map_new (const TlSegmentTiming *old_times, const TlSegmentTiming *new_times, guint n);
gint64 tl_retime_map_apply (const TlRetimeMap *map, gint64 time, gboolean is_end);
void tl_retime_map_free (TlRetimeMap *map);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlRetimeMap, tl_retime_map_free)

G_END_DECLS
