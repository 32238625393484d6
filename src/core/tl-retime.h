/* tl-retime.h: times for every line from the ones the editor tapped in. */
#pragma once

#include "tl-library.h"

G_BEGIN_DECLS

double tl_retime_weight (const char *text, gboolean non_speech);
void tl_retime_from_anchors (TlSegmentTiming *times, const double *weights, guint n, gint64 duration);

G_END_DECLS
