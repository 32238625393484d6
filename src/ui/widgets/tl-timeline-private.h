/* tl-timeline-private.h: the strip's state, shared by tl-timeline.c (what
 * it shows, the view), tl-timeline-draw.c and tl-timeline-input.c; tests
 * and bench/ reach the drawing and the drags through it. */
#pragma once

#include "tl-timeline.h"

G_BEGIN_DECLS

/* Rows, from the top: the ruler with the chapters, the waveform, the clips'
 * lanes (overlapping clips side by side). */
#define TL_TIMELINE_RULER_H 18
#define TL_TIMELINE_WAVE_MIN_H 30
#define TL_TIMELINE_LANE_H 15
#define TL_TIMELINE_MAX_LANES 4
#define TL_TIMELINE_MAX_BANDS 4
/* how near an edge (px) a press trims instead of selecting */
#define TL_TIMELINE_EDGE_PX 5
/* the closest zoom: this many µs across the strip */
#define TL_TIMELINE_MIN_SPAN (2 * G_USEC_PER_SEC)

typedef struct {
  gint64 id;
  gint64 in;
  gint64 out;
  guint lane;
  guint n_bands;
  GdkRGBA bands[TL_TIMELINE_MAX_BANDS]; /* its topics' colours, grey without */
  char *label;                          /* its topics' names */
} TlTimelineClip;

typedef struct {
  gint64 start;
  char *title;
} TlTimelineChapter;

typedef enum {
  TL_TIMELINE_DRAG_NONE,
  TL_TIMELINE_DRAG_SCRUB,
  TL_TIMELINE_DRAG_TRIM_IN,
  TL_TIMELINE_DRAG_TRIM_OUT,
  TL_TIMELINE_DRAG_CLIP,
} TlTimelineDrag;

struct _TlTimeline {
  GtkWidget parent_instance;

  gint64 duration;
  gint64 position;
  TlMediaInfo *media;     /* its rate and start timecode, or NULL */
  gboolean playing;
  TlWaveform *waveform;
  double waveform_fraction; /* while it is read: 0–1 (-1 unknown); 2 when done */
  GArray *clips;          /* TlTimelineClip, by in point */
  guint n_lanes;
  GArray *chapters;       /* TlTimelineChapter */
  GArray *snaps;          /* gint64, sorted: where a trimmed edge sticks (lines' and timed words' starts and ends) */
  gint64 selected;        /* clip id, or 0 */
  gint64 pending_in;      /* I / O being marked, -1 when unset */
  gint64 pending_out;

  /* the view: [view_start, view_start + view_span); span 0 is the whole source */
  gint64 view_start;
  gint64 view_span;

  /* everything but the playhead and the marks, drawn once per change */
  GskRenderNode *cache;
  int cache_width;
  int cache_height;
  GdkRGBA cache_fg;

  /* a press and what it does as it moves */
  TlTimelineDrag drag;
  gint64 drag_clip;
  gint64 drag_in;         /* the trimmed clip's range as dragged */
  gint64 drag_out;
  gint64 drag_time;       /* where the pointer is, for the label */
  double pointer_x;       /* where Ctrl+scroll zooms around */

  char *description;      /* the accessible description last set */
  gint64 described_at;    /* µs, monotonic */
};

void tl_timeline_invalidate (TlTimeline *self);
const char *tl_timeline_get_description (TlTimeline *self);
gint64 tl_timeline_view_span (TlTimeline *self);
double tl_timeline_x_for_time (TlTimeline *self, gint64 t, int width);
gint64 tl_timeline_time_for_x (TlTimeline *self, double x, int width);
gint64 tl_timeline_frame_duration (TlTimeline *self);
gint64 tl_timeline_snap (TlTimeline *self, gint64 t);
gint64 tl_timeline_snap_edge (TlTimeline *self, double x, int width);
int tl_timeline_lanes_top (TlTimeline *self, int height);
const TlTimelineClip *tl_timeline_find_clip (TlTimeline *self, gint64 id);
void tl_timeline_emit_seek (TlTimeline *self, gint64 position, gboolean scrub);
void tl_timeline_emit_select (TlTimeline *self, gint64 clip_id);
void tl_timeline_emit_trim (TlTimeline *self, gint64 clip_id, gint64 in, gint64 out);

/* tl-timeline-draw.c */
void tl_timeline_snapshot (GtkWidget *widget, GtkSnapshot *snapshot);

/* tl-timeline-input.c */
void tl_timeline_input_init (TlTimeline *self);
void tl_timeline_press (TlTimeline *self, double x, double y);
void tl_timeline_motion (TlTimeline *self, double x, double y);
void tl_timeline_release (TlTimeline *self, double x, double y);
gboolean tl_timeline_key (TlTimeline *self, guint keyval, GdkModifierType state);

G_END_DECLS
