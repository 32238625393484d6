/* tl-timeline-input.c: the strip under the pointer and the keys. A press
 * on a clip's edge trims it (on frames, sticking to the lines' starts and
 * ends and to the words' where words were timed, nearby; one edit when
 * released), on its
 * body selects it, anywhere else seeks and a drag scrubs. Ctrl+scroll and
 * +/− zoom, scroll moves along a zoomed strip, arrows step the playhead
 * by a frame (Shift: a second). */
#include "config.h"

#include "tl-timeline-private.h"

#include <math.h>

/* The clip under (@x, @y) in the lanes, and whether the pointer is on its
 * in or out edge (an edge wins over the body of the clip beside it). */
static const TlTimelineClip *
clip_at (TlTimeline *self, double x, double y, TlTimelineDrag *what)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));
  int top = tl_timeline_lanes_top (self, height);
  const TlTimelineClip *body = NULL;
  guint lane;

  if (y < top || width <= 0)
    return NULL;
  lane = MIN ((guint) ((y - top) / TL_TIMELINE_LANE_H), MAX (self->n_lanes, 1) - 1);
  for (guint i = 0; i < self->clips->len; i++)
    {
      const TlTimelineClip *clip = &g_array_index (self->clips, TlTimelineClip, i);
      double x0, x1;

      if (clip->lane != lane)
        continue;
      x0 = tl_timeline_x_for_time (self, clip->in, width);
      x1 = tl_timeline_x_for_time (self, clip->out, width);
      /* a clip too narrow for both edges is trimmed by its out edge */
      if (ABS (x - x1) <= TL_TIMELINE_EDGE_PX)
        {
          *what = TL_TIMELINE_DRAG_TRIM_OUT;
          return clip;
        }
      if (ABS (x - x0) <= TL_TIMELINE_EDGE_PX && x1 - x0 > TL_TIMELINE_EDGE_PX)
        {
          *what = TL_TIMELINE_DRAG_TRIM_IN;
          return clip;
        }
      if (x0 <= x && x < x1)
        body = clip;
    }
  *what = TL_TIMELINE_DRAG_CLIP;
  return body;
}

/**
 * tl_timeline_press:
 * @x: widget coordinates
 */
void
tl_timeline_press (TlTimeline *self, double x, double y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  TlTimelineDrag what = TL_TIMELINE_DRAG_NONE;
  const TlTimelineClip *clip = clip_at (self, x, y, &what);

  if (self->duration <= 0)
    return;
  if (clip)
    {
      self->drag = what;
      self->drag_clip = clip->id;
      self->drag_in = clip->in;
      self->drag_out = clip->out;
      self->drag_time = what == TL_TIMELINE_DRAG_TRIM_OUT ? clip->out : clip->in;
      tl_timeline_emit_select (self, clip->id);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  self->drag = TL_TIMELINE_DRAG_SCRUB;
  self->drag_time = tl_timeline_snap (self, tl_timeline_time_for_x (self, x, width));
  tl_timeline_emit_seek (self, self->drag_time, TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
tl_timeline_motion (TlTimeline *self, double x, double y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  gint64 t = tl_timeline_snap (self, tl_timeline_time_for_x (self, x, width));
  gint64 frame = tl_timeline_frame_duration (self);

  switch (self->drag)
    {
    case TL_TIMELINE_DRAG_SCRUB:
      if (t == self->drag_time)
        return;
      self->drag_time = t;
      tl_timeline_emit_seek (self, t, TRUE);
      break;
    case TL_TIMELINE_DRAG_TRIM_IN:
      t = tl_timeline_snap_edge (self, x, width);
      /* a clip keeps at least a frame */
      self->drag_in = MIN (t, self->drag_out - frame);
      self->drag_in = MAX (self->drag_in, 0);
      self->drag_time = self->drag_in;
      break;
    case TL_TIMELINE_DRAG_TRIM_OUT:
      t = tl_timeline_snap_edge (self, x, width);
      self->drag_out = MAX (t, self->drag_in + frame);
      self->drag_out = MIN (self->drag_out, self->duration);
      self->drag_time = self->drag_out;
      break;
    case TL_TIMELINE_DRAG_CLIP:
    case TL_TIMELINE_DRAG_NONE:
    default:
      return;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
tl_timeline_release (TlTimeline *self, double x, double y)
{
  TlTimelineDrag drag = self->drag;
  const TlTimelineClip *clip = tl_timeline_find_clip (self, self->drag_clip);

  tl_timeline_motion (self, x, y);
  self->drag = TL_TIMELINE_DRAG_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (drag == TL_TIMELINE_DRAG_SCRUB)
    tl_timeline_emit_seek (self, self->drag_time, FALSE); /* the exact frame, now that it rests */
  else if ((drag == TL_TIMELINE_DRAG_TRIM_IN || drag == TL_TIMELINE_DRAG_TRIM_OUT) && clip
           && (clip->in != self->drag_in || clip->out != self->drag_out))
    tl_timeline_emit_trim (self, self->drag_clip, self->drag_in, self->drag_out);
}

static void
on_drag_begin (GtkGestureDrag *gesture, double x, double y, TlTimeline *self)
{
  if (gtk_widget_get_focus_on_click (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  tl_timeline_press (self, x, y);
}

static void
on_drag_update (GtkGestureDrag *gesture, double dx, double dy, TlTimeline *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  tl_timeline_motion (self, x + dx, y + dy);
}

static void
on_drag_end (GtkGestureDrag *gesture, double dx, double dy, TlTimeline *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  tl_timeline_release (self, x + dx, y + dy);
}

/* A resize cursor over the edges that a drag trims. */
static void
on_motion (GtkEventControllerMotion *motion, double x, double y, TlTimeline *self)
{
  TlTimelineDrag what = TL_TIMELINE_DRAG_NONE;
  const char *cursor = NULL;

  self->pointer_x = x;
  if (self->drag == TL_TIMELINE_DRAG_NONE && clip_at (self, x, y, &what))
    cursor = what == TL_TIMELINE_DRAG_CLIP ? "pointer" : "col-resize";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

static gboolean
on_scroll (GtkEventControllerScroll *scroll, double dx, double dy, TlTimeline *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  gint64 span = tl_timeline_view_span (self);

  if (self->duration <= 0 || width <= 0)
    return FALSE;
  if (state & GDK_CONTROL_MASK)
    {
      /* around the pointer */
      tl_timeline_zoom (self, pow (1.25, -dy), tl_timeline_time_for_x (self, self->pointer_x, width));
      return TRUE;
    }
  if (self->view_span == 0)
    return FALSE; /* the whole source shows: the scroll is the page's */
  tl_timeline_set_view (self, self->view_start + (gint64) ((dx != 0 ? dx : dy) * span / 10), self->view_span);
  return TRUE;
}

/**
 * tl_timeline_key:
 *
 * The strip's own keys, while it has the focus.
 *
 * Returns: whether @keyval was one
 */
gboolean
tl_timeline_key (TlTimeline *self, guint keyval, GdkModifierType state)
{
  gint64 step = state & GDK_SHIFT_MASK ? G_USEC_PER_SEC : tl_timeline_frame_duration (self);
  gint64 from = MAX (self->position, 0);

  if (self->duration <= 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      tl_timeline_emit_seek (self, tl_timeline_snap (self, from - step), FALSE);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      tl_timeline_emit_seek (self, tl_timeline_snap (self, from + step), FALSE);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      tl_timeline_zoom (self, 2, from);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_underscore:
    case GDK_KEY_KP_Subtract:
      tl_timeline_zoom (self, 0.5, from);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
on_key_pressed (GtkEventControllerKey *keys, guint keyval, guint keycode, GdkModifierType state, TlTimeline *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  return tl_timeline_key (self, keyval, state);
}

void
tl_timeline_input_init (TlTimeline *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
