/* tl-window-tap.c: tap-in mode: while the media plays, a key gives the
 * next line its start (the lines between taps spread by length), each tap
 * one undo step; Backspace takes the last tap back. For transcripts
 * whose times are missing or guessed (tl_source_can_tap()). */
#include "config.h"

#include "tl-window-private.h"

#include <glib/gi18n.h>

#include "tl-retime.h"

/* Whether the shown transcript's times may be tapped in (the core's rule)
 * while its media plays here. */
gboolean
tl_window_can_tap (TlWindow *self)
{
  return self->source != NULL && tl_window_has_media (self) && tl_transcript_view_get_n_segments (self->transcript) > 0
         && tl_source_can_tap (self->source);
}

/* The line that the next tap times: the one after the last tapped line. */
static guint
next_to_tap (TlWindow *self)
{
  guint n = tl_transcript_view_get_n_segments (self->transcript);

  for (guint i = n; i > 0; i--)
    if (tl_segment_get_anchor (tl_transcript_view_get_segment (self->transcript, i - 1)))
      return i;
  return 0;
}

static void
show_next_to_tap (TlWindow *self)
{
  guint next = next_to_tap (self);

  if (next < tl_transcript_view_get_n_segments (self->transcript))
    tl_transcript_view_point_to_line (self->transcript, next);
}

void
tl_window_set_tapping (TlWindow *self, gboolean tapping)
{
  self->tapping = tapping && tl_window_can_tap (self);
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "tap-mode")),
                             g_variant_new_boolean (self->tapping));
  if (self->tapping)
    {
      show_next_to_tap (self);
      tl_window_toast (self, _("Press T as each selected line begins; Backspace takes the last tap back"), FALSE);
    }
  tl_window_update_actions (self);
}

/* Gives the next line the play position as its start; the lines between
 * taps are spread by length between them. One undoable step per tap. */
void
tl_window_tap (TlWindow *self)
{
  guint n = tl_transcript_view_get_n_segments (self->transcript);
  guint next = next_to_tap (self);
  g_autofree TlSegmentTiming *times = NULL;
  g_autofree double *weights = NULL;
  g_autoptr(GError) error = NULL;

  if (!self->tapping || !tl_window_can_tap (self))
    return;
  if (next >= n)
    {
      tl_window_toast (self, _("Every line is tapped in"), FALSE);
      return;
    }
  times = g_new0 (TlSegmentTiming, n);
  weights = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      TlSegment *segment = tl_transcript_view_get_segment (self->transcript, i);

      times[i].start = tl_segment_get_start (segment);
      times[i].end = tl_segment_get_end (segment);
      times[i].anchor = tl_segment_get_anchor (segment);
      weights[i] = tl_retime_weight (tl_segment_get_text (segment), tl_segment_get_non_speech (segment));
    }
  times[next].start = tl_player_get_position (self->player);
  times[next].anchor = TRUE;
  tl_retime_from_anchors (times, weights, n, tl_player_get_duration (self->player));
  if (!tl_library_set_segment_times (self->library, tl_source_get_id (self->source), TL_TIMING_TAPPED, times, n,
                                     &error))
    tl_window_toast_error (self, error->message);
  show_next_to_tap (self);
}

/* Backspace in tap-in mode: the last tap back, if the last change was a tap. */
void
tl_window_untap (TlWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->tapping)
    return;
  if (tl_library_get_undo_kind (self->library) != TL_EDIT_TAP)
    {
      tl_window_toast (self, _("The last change was not a tap"), FALSE);
      return;
    }
  if (!tl_library_undo (self->library, NULL, &error))
    tl_window_toast_error (self, error->message);
  show_next_to_tap (self);
  tl_window_update_actions (self);
}
