/* tl-timeline.h: the strip under the player: the whole source (or a zoomed
 * part of it) with its waveform, its clips in their topics' colours, its
 * chapters, the In and Out being marked, and the playhead; click to seek,
 * drag to scrub, drag a clip's edge to trim it. */
#pragma once

#include <gtk/gtk.h>

#include "tl-clip.h"
#include "tl-library.h"
#include "tl-media-info.h"
#include "tl-waveform.h"

G_BEGIN_DECLS

#define TL_TYPE_TIMELINE (tl_timeline_get_type ())
G_DECLARE_FINAL_TYPE (TlTimeline, tl_timeline, TL, TIMELINE, GtkWidget)

GtkWidget *tl_timeline_new (void);
void tl_timeline_set_media (TlTimeline *self, gint64 duration, const TlMediaInfo *media);
void tl_timeline_set_duration (TlTimeline *self, gint64 duration);
gint64 tl_timeline_get_duration (TlTimeline *self);
gboolean tl_timeline_is_reading_sound (TlTimeline *self);
void tl_timeline_set_position (TlTimeline *self, gint64 position);
gint64 tl_timeline_get_position (TlTimeline *self);
void tl_timeline_set_playing (TlTimeline *self, gboolean playing);
void tl_timeline_set_waveform (TlTimeline *self, TlWaveform *waveform, double fraction);
void tl_timeline_set_clips (TlTimeline *self, GPtrArray *clips, GPtrArray *topics);
void tl_timeline_set_chapters (TlTimeline *self, GPtrArray *chapters);
void tl_timeline_set_snap_points (TlTimeline *self, const gint64 *points, guint n_points);
void tl_timeline_set_selected_clip (TlTimeline *self, gint64 clip_id);
void tl_timeline_set_pending (TlTimeline *self, gint64 in, gint64 out);
void tl_timeline_get_view (TlTimeline *self, gint64 *start, gint64 *span);
void tl_timeline_set_view (TlTimeline *self, gint64 start, gint64 span);
void tl_timeline_zoom (TlTimeline *self, double factor, gint64 around);

guint tl_timeline_get_n_clips (TlTimeline *self);
gboolean tl_timeline_get_clip (TlTimeline *self, guint index, gint64 *id, gint64 *in, gint64 *out, guint *lane);

G_END_DECLS
