/* tl-window-timeline.c: the window's timeline strip: what it shows comes
 * from the library (clips, topics, chapters), the player (position,
 * playing) and the marks being set; what the editor does on it goes back
 * as a seek, a selection in the clips list, or a trim through the
 * library (one undoable edit). The sound's waveform is read here for every
 * source with sound, from the library's cache or decoded in a thread, and
 * drawn as it comes. */
#include "config.h"

#include "tl-window-private.h"

#include <glib/gi18n.h>

#include "tl-waveform.h"

static void
on_seek (TlTimeline *timeline, gint64 position, gboolean scrub, TlWindow *self)
{
  if (!tl_window_has_media (self))
    return;
  if (scrub)
    {
      tl_player_seek (self->player, position, TL_SEEK_SCRUB);
      tl_transcript_view_set_position (self->transcript, position);
    }
  else
    tl_window_seek (self, position);
}

static void
on_clip_selected (TlTimeline *timeline, gint64 clip_id, TlWindow *self)
{
  tl_tag_panel_select_clip (self->tag_panel, clip_id);
}

static void
on_trim_clip (TlTimeline *timeline, gint64 clip_id, gint64 in, gint64 out, TlWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (tl_library_is_read_only (self->library))
    {
      tl_window_toast_error (self, tl_library_get_read_only_reason (self->library));
      tl_window_timeline_show_clips (self); /* back where it was */
      return;
    }
  if (!tl_library_set_clip_range (self->library, clip_id, in, out, &error))
    {
      tl_window_toast_error (self, error->message);
      tl_window_timeline_show_clips (self);
      return;
    }
  {
    g_autofree char *range = tl_time_format_range (tl_time_format_get_default (), in, out,
                                                   self->source ? tl_source_get_media (self->source) : NULL);
    /* TRANSLATORS: a toast after a clip's edge was dragged: its new range */
    g_autofree char *message = g_strdup_printf (_("Clip trimmed to %s"), range);
    tl_window_toast (self, message, TRUE);
  }
}

static void
on_waveform_progress (TlWaveform *partial, double fraction, gpointer user_data)
{
  TlWindow *self = user_data;

  tl_timeline_set_waveform (self->timeline, partial, fraction);
}

static void
on_waveform_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(TlWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlWaveform) waveform = tl_waveform_load_finish (result, &error);

  /* cancelled: another source is shown, maybe loading its own */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  tl_timeline_set_waveform (self->timeline, waveform, 2);
  /* a video without sound has nothing to draw, and nothing went wrong */
  if (waveform == NULL && !g_error_matches (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_NO_AUDIO))
    tl_window_toast_error (self, error->message);
}

/* Stops reading the shown source's sound (another is shown). */
void
tl_window_timeline_clear (TlWindow *self)
{
  if (self->waveform_cancellable)
    g_cancellable_cancel (self->waveform_cancellable);
  g_clear_object (&self->waveform_cancellable);
  tl_timeline_set_media (self->timeline, 0, NULL);
}

/**
 * tl_window_timeline_load:
 *
 * A source's media opened: the strip shows it whole, and its sound's
 * waveform as it is read (sound alone: the strip takes the picture's room).
 */
void
tl_window_timeline_load (TlWindow *self, TlSource *source, const TlMediaInfo *media)
{
  tl_window_timeline_clear (self);
  tl_timeline_set_media (self->timeline, media->duration > 0 ? media->duration : tl_player_get_duration (self->player),
                         media);
  gtk_widget_set_vexpand (GTK_WIDGET (self->timeline), !media->has_video);
  if (!media->has_audio)
    return;
  self->waveform_cancellable = g_cancellable_new ();
  tl_timeline_set_waveform (self->timeline, NULL, -1);
  tl_waveform_load_with_progress_async (self->library, tl_source_get_id (source), media->path, on_waveform_progress,
                                        g_object_ref (self), g_object_unref, self->waveform_cancellable,
                                        on_waveform_loaded, g_object_ref (self));
}

/* The shown source's clips and chapters, as the library has them now. */
void
tl_window_timeline_show_clips (TlWindow *self)
{
  g_autoptr(GPtrArray) chapters = NULL;
  TlClip *selected;

  if (self->source == NULL)
    return;
  tl_timeline_set_clips (self->timeline, tl_tag_panel_get_source_clips (self->tag_panel),
                         tl_tag_panel_get_topics (self->tag_panel));
  chapters = tl_library_get_chapters (self->library, tl_source_get_id (self->source), NULL);
  tl_timeline_set_chapters (self->timeline, chapters);
  selected = tl_tag_panel_get_selected_clip (self->tag_panel);
  tl_timeline_set_selected_clip (self->timeline, selected ? tl_clip_get_id (selected) : 0);
}

/* Where the transcript's lines start and end, and its words where they
 * were timed (by the transcript, by alignment, or kept through a
 * correction): a trimmed edge sticks there. */
void
tl_window_timeline_show_lines (TlWindow *self)
{
  guint n = tl_transcript_view_get_n_segments (self->transcript);
  g_autoptr(GArray) points = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 2 * n);

  /* estimated times are guesses: nothing to stick to */
  if (self->source && tl_source_get_timing (self->source) != TL_TIMING_ESTIMATED)
    for (guint i = 0; i < n; i++)
      {
        TlSegment *segment = tl_transcript_view_get_segment (self->transcript, i);
        gint64 start = tl_segment_get_start (segment), end = tl_segment_get_end (segment);
        TlWordTiming timing = tl_segment_get_word_timing (segment);

        if (start >= 0)
          g_array_append_val (points, start);
        if (end >= 0)
          g_array_append_val (points, end);
        if (timing == TL_WORD_TIMING_NATIVE || timing == TL_WORD_TIMING_ALIGNED
            || timing == TL_WORD_TIMING_INTERPOLATED)
          {
            guint n_words;
            const TlWord *words = tl_segment_get_words (segment, &n_words);

            for (guint w = 0; w < n_words; w++)
              {
                /* a word's interpolated time is a guess too */
                if (words[w].interpolated)
                  continue;
                if (words[w].start >= 0)
                  g_array_append_val (points, words[w].start);
                if (words[w].end >= 0)
                  g_array_append_val (points, words[w].end);
              }
          }
      }
  tl_timeline_set_snap_points (self->timeline, (gint64 *) points->data, points->len);
}

/* The In and Out marks, as they are set. */
void
tl_window_timeline_show_marks (TlWindow *self)
{
  tl_timeline_set_pending (self->timeline, self->mark_in, self->mark_out);
}

static void
on_player_duration (TlPlayer *player, GParamSpec *pspec, TlWindow *self)
{
  gint64 duration = tl_player_get_duration (player);

  if (duration > 0 && tl_timeline_get_duration (self->timeline) <= 0)
    tl_timeline_set_duration (self->timeline, duration);
}

void
tl_window_timeline_init (TlWindow *self)
{
  self->timeline = TL_TIMELINE (tl_timeline_new ());
  tl_player_view_set_strip (self->player_view, GTK_WIDGET (self->timeline));
  g_signal_connect (self->timeline, "seek", G_CALLBACK (on_seek), self);
  g_signal_connect (self->timeline, "clip-selected", G_CALLBACK (on_clip_selected), self);
  g_signal_connect (self->timeline, "trim-clip", G_CALLBACK (on_trim_clip), self);
  g_signal_connect (self->player, "notify::duration", G_CALLBACK (on_player_duration), self);
}
