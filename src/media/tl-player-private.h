/* tl-player-private.h: what tests and benchmarks read of the player's
 * insides: frame counters, and the seek that is being served. */
#pragma once

#include "tl-player.h"

G_BEGIN_DECLS

typedef struct {
  guint64 frames_rendered; /* frames the video sink let through, in the streaming thread */
  guint64 frames_shown;    /* frames handed to the main thread (distinct buffers) */
  guint64 frames_replaced; /* rendered, then replaced by a newer one before the main thread took it */
  guint64 frames_late;     /* dropped by the sink as too late (QoS) */
  guint seeks_issued;      /* seeks sent to the pipeline, after coalescing */
  guint seeks_requested;   /* seeks asked for */
} TlPlayerStats;

void tl_player_get_stats (TlPlayer *self, TlPlayerStats *stats);
gboolean tl_player_is_busy (TlPlayer *self);

G_END_DECLS
