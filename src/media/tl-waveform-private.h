/* tl-waveform-private.h: the waveform's parallel decoding, for tests. */
#pragma once

#include "tl-waveform.h"

G_BEGIN_DECLS

TlWaveform *tl_waveform_compute_in_parts (const char *path,
                                          guint max_parts,
                                          gint64 min_duration,
                                          GCancellable *cancellable,
                                          GError **error);

G_END_DECLS
