/* tl-window.c: the main window: sources on the left, the chosen source's
 * media and transcript in the centre, topics and clips on the right. It
 * wires the panes together, tags, and keeps in step with the library (its
 * own edits and other processes'). Actions and keys are in
 * tl-window-actions.c, the long jobs (import, align, render, relink) in
 * tl-window-tasks.c. */
#include "config.h"

#include "tl-window-private.h"

#include <glib/gi18n.h>

#include "tl-library-async.h"
#include "tl-text.h"
#include "tl-locale.h"

G_DEFINE_FINAL_TYPE (TlWindow, tl_window, ADW_TYPE_APPLICATION_WINDOW)

/* How often to look for changes made by other processes (tagline-cli). */

static void
on_note_dismissed (AdwToast *toast, TlWindow *self)
{
  if (self->note_toast == toast)
    self->note_toast = NULL;
}

/* Shows @message. What an edit did and where things are share one toast,
 * which a newer message rewrites in place (libadwaita 1.2 can crash when
 * a toast is dismissed while it slides in, so none is dismissed here);
 * errors each get their own, all kept for the editor to read. */
static void
show_toast (TlWindow *self, TlToastKind kind, const char *message)
{
  g_autofree char *title = g_markup_escape_text (message, -1);
  AdwToast *toast = kind == TL_TOAST_ERROR ? NULL : self->note_toast;
  gboolean fresh = toast == NULL;

  if (fresh)
    toast = adw_toast_new (title);
  else
    adw_toast_set_title (toast, title);
  adw_toast_set_button_label (toast, kind == TL_TOAST_EDIT ? _("_Undo") : NULL);
  adw_toast_set_action_name (toast, kind == TL_TOAST_EDIT ? "win.undo" : NULL);
  adw_toast_set_timeout (toast, kind == TL_TOAST_INFO ? 5 : 6);
  if (fresh && kind != TL_TOAST_ERROR)
    {
      self->note_toast = toast;
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_note_dismissed), self, 0);
    }
  /* adding the toast shown again starts its time over */
  adw_toast_overlay_add_toast (self->toast_overlay, fresh ? toast : g_object_ref (toast));
}

/**
 * tl_window_toast:
 * @undoable: whether @message tells of an edit, which the toast offers to undo
 *
 * Tells the editor something in passing: what an edit did, or where
 * things are. The next such message takes its place, so that no toast
 * says "New clip tagged" once that clip is undone.
 */
void
tl_window_toast (TlWindow *self, const char *message, gboolean undoable)
{
  show_toast (self, undoable ? TL_TOAST_EDIT : TL_TOAST_INFO, message);
}

/**
 * tl_window_toast_error:
 *
 * Says what went wrong; errors are never replaced by later messages.
 */
void
tl_window_toast_error (TlWindow *self, const char *message)
{
  show_toast (self, TL_TOAST_ERROR, message);
}

static void
on_child_toast (GtkWidget *child, const char *message, gboolean undoable, TlWindow *self)
{
  tl_window_toast (self, message, undoable);
}

/* Whether the shown source plays (media that the player could open). */
gboolean
tl_window_has_media (TlWindow *self)
{
  return self->player && tl_player_get_state (self->player) != TL_PLAYER_STATE_EMPTY;
}

/* Where the editor is: the player's position, or, for a transcript
 * without media, the start of the selected line. */
gint64
tl_window_get_position (TlWindow *self)
{
  guint first, last;

  if (tl_window_has_media (self))
    return tl_player_get_position (self->player);
  if (tl_transcript_view_get_selected_range (self->transcript, &first, &last))
    return tl_segment_get_start (tl_transcript_view_get_segment (self->transcript, first));
  return -1;
}

/* Goes to @position: the exact frame (a click on a line or a clip). */
void
tl_window_seek (TlWindow *self, gint64 position)
{
  if (position < 0)
    return;
  if (tl_window_has_media (self))
    tl_player_seek (self->player, position, TL_SEEK_ACCURATE);
  tl_transcript_view_set_position (self->transcript, position);
}

/* Loop the selected clip (win.loop-clip): set from the action's state and
 * the selected clip; @restart plays it from its in point (the editor just
 * picked it), otherwise only its bounds follow a trim. */
void
tl_window_apply_loop (TlWindow *self, gboolean restart)
{
  g_autoptr(GVariant) state = g_action_get_state (g_action_map_lookup_action (G_ACTION_MAP (self), "loop-clip"));
  TlClip *clip = tl_tag_panel_get_selected_clip (self->tag_panel);

  if (!tl_window_has_media (self) || !g_variant_get_boolean (state) || clip == NULL || tl_clip_get_in (clip) < 0
      || self->source == NULL || tl_clip_get_source_id (clip) != tl_source_get_id (self->source))
    {
      tl_player_clear_loop (self->player);
      return;
    }
  if (restart && tl_player_get_loop_in (self->player) == tl_clip_get_in (clip)
      && tl_player_get_loop_out (self->player) == tl_clip_get_out (clip))
    tl_player_seek (self->player, tl_clip_get_in (clip), TL_SEEK_ACCURATE);
  tl_player_set_loop (self->player, tl_clip_get_in (clip), tl_clip_get_out (clip));
  if (restart)
    tl_player_play (self->player);
}

static void
on_player_position (TlPlayer *player, GParamSpec *pspec, TlWindow *self)
{
  gint64 position = tl_player_get_position (player);

  tl_transcript_view_set_position (self->transcript, position);
  tl_timeline_set_position (self->timeline, position);
}

static void
on_player_state (TlPlayer *player, GParamSpec *pspec, TlWindow *self)
{
  /* a file that turns out unplayable gives its space back to the transcript */
  gtk_widget_set_visible (self->player_area, tl_window_has_media (self));
  tl_transcript_view_set_playing (self->transcript, tl_player_get_state (player) == TL_PLAYER_STATE_PLAYING);
  tl_timeline_set_playing (self->timeline, tl_player_get_state (player) == TL_PLAYER_STATE_PLAYING);
  if (!tl_window_has_media (self) && self->tapping)
    tl_window_set_tapping (self, FALSE);
  tl_window_update_actions (self);
}

static void
on_player_error (TlPlayer *player, const GError *error, TlWindow *self)
{
  tl_window_toast_error (self, error->message);
  tl_window_update_actions (self);
}

/* The chapters on the seek bar; the clips, chapters and marks on the strip. */
static void
show_marks (TlWindow *self)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) chapters = NULL;

  if (self->source == NULL || !tl_window_has_media (self))
    return;
  chapters = tl_library_get_chapters (self->library, tl_source_get_id (self->source), NULL);
  for (guint i = 0; chapters && i < chapters->len; i++)
    if (((TlChapter *) g_ptr_array_index (chapters, i))->start >= 0)
      g_array_append_val (starts, ((TlChapter *) g_ptr_array_index (chapters, i))->start);
  tl_player_view_set_marks (self->player_view, NULL, 0, (gint64 *) starts->data, starts->len);
  tl_window_timeline_show_clips (self);
  tl_window_timeline_show_marks (self);
}

/* Opens the source's media in the player (or empties the player). */
static void
load_media (TlWindow *self, TlSource *source)
{
  const TlMediaInfo *media = source ? tl_source_get_media (source) : NULL;
  g_autoptr(GError) error = NULL;

  /* the same source shown again after an edit (a tap, a retime) keeps
   * playing where it is */
  if (media && tl_window_has_media (self) && tl_player_get_uri (self->player))
    {
      g_autofree char *absolute = g_canonicalize_filename (media->path, NULL);
      g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);

      if (g_strcmp0 (uri, tl_player_get_uri (self->player)) == 0)
        return;
    }
  if (self->tapping)
    tl_window_set_tapping (self, FALSE);
  tl_window_timeline_clear (self);
  tl_player_clear_loop (self->player);
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "loop-clip")),
                             g_variant_new_boolean (FALSE));

  if (media == NULL)
    {
      tl_player_set_uri (self->player, NULL);
      return;
    }
  if (!g_file_test (media->path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *message = g_strdup_printf (_("The media file is not where it was: %s (relink it from the "
                                                    "source’s menu)"), media->path);
      tl_player_set_uri (self->player, NULL);
      tl_window_toast (self, message, FALSE);
      return;
    }
  if (!tl_player_open_file (self->player, media->path, &error))
    {
      tl_window_toast_error (self, error->message);
      return;
    }
  tl_player_set_probed_duration (self->player, media->duration);
  tl_player_view_set_picture_visible (self->player_view, media->has_video);
  tl_player_view_set_media (self->player_view, media);
  /* without a picture, the strip's waveform takes the room */
  tl_window_timeline_load (self, source, media);
}

static char *
source_details (TlSource *source)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *published = NULL;

  if (tl_source_get_outlet (source))
    g_ptr_array_add (parts, (gpointer) tl_source_get_outlet (source));
  if (tl_source_get_published (source))
    g_ptr_array_add (parts, published = tl_locale_format_date (tl_source_get_published (source)));
  switch (tl_source_get_timing (source))
    {
    case TL_TIMING_ESTIMATED:
      g_ptr_array_add (parts, _("times estimated from the text’s length"));
      break;
    case TL_TIMING_NONE:
      if (tl_source_get_kind (source) != TL_SOURCE_KIND_ARTICLE)
        g_ptr_array_add (parts, _("no times"));
      break;
    case TL_TIMING_TAPPED:
      g_ptr_array_add (parts, _("times tapped in"));
      break;
    case TL_TIMING_ALIGNED:
      g_ptr_array_add (parts, _("times aligned to the audio"));
      break;
    case TL_TIMING_NATIVE:
    default:
      break;
    }
  if (tl_source_get_media (source) == NULL && tl_source_get_kind (source) != TL_SOURCE_KIND_ARTICLE)
    g_ptr_array_add (parts, _("no media"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* The window is titled by what it shows (HIG: the document is the
 * title): the source, then the library it is in. */
static void
update_title (TlWindow *self)
{
  g_autofree char *library = self->library ? g_path_get_basename (tl_library_get_path (self->library)) : NULL;
  const char *source = self->source ? tl_source_get_title (self->source) : NULL;
  g_autofree char *title = NULL;

  adw_window_title_set_title (self->window_title, source ? source : _("Tagline"));
  if (library && tl_library_is_read_only (self->library))
    {
      /* TRANSLATORS: the window's subtitle: a library file that can only be read */
      g_autofree char *subtitle = g_strdup_printf (_("%s (read-only)"), library);
      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  else
    adw_window_title_set_subtitle (self->window_title, library);
  if (source && library)
    /* TRANSLATORS: the window's title: the source shown, the library file */
    title = g_strdup_printf (_("%s — %s"), source, library);
  else if (library)
    /* TRANSLATORS: the window's title when no source is shown: the library file */
    title = g_strdup_printf (_("%s — Tagline"), library);
  gtk_window_set_title (GTK_WINDOW (self), title ? title : _("Tagline"));
}

/* A library that can only be read says so, and why, above everything. */
static void
show_read_only (TlWindow *self)
{
  gboolean read_only = self->library && tl_library_is_read_only (self->library);

  if (read_only)
    {
      /* TRANSLATORS: %s says why, as "L.db is read-only: it is on a disk that cannot be written" */
      g_autofree char *text = g_strdup_printf (_("%s. It can be read, searched and exported; changes are off."),
                                               tl_library_get_read_only_reason (self->library));
      gtk_label_set_text (self->read_only_label, text);
    }
  gtk_revealer_set_reveal_child (self->read_only_revealer, read_only);
}

/* Shows a source (or nothing) in the centre and the right panel. */
/* A source of this many lines or more loads in a thread
 * (tl_library_get_segments_async()); a smaller one at once, which is
 * quicker than a trip through a thread and shows without a blank frame. */
#define ASYNC_LINES 2000

/* The rest of showing @source, once its lines are read. */
static void
show_source_lines (TlWindow *self, TlSource *source, GPtrArray *segments)
{
  g_autoptr(GPtrArray) chapters = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;

  chapters = tl_library_get_chapters (self->library, tl_source_get_id (source), &error);
  if (chapters == NULL)
    {
      tl_window_toast_error (self, error->message);
      return;
    }
  tl_transcript_view_set_source (self->transcript, source, segments, tl_tag_panel_get_source_clips (self->tag_panel),
                                 tl_tag_panel_get_topics (self->tag_panel));
  tl_window_apply_follow (self);
  tl_transcript_view_set_headings (self->transcript, chapters);
  load_media (self, source);
  gtk_label_set_text (self->source_title, tl_source_get_title (source));
  update_title (self);
  details = source_details (source);
  gtk_label_set_text (self->source_details, details);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->source_details), details);
  gtk_widget_set_visible (GTK_WIDGET (self->source_details), *details != '\0');
  /* alignment is offered where the times are guessed or missing */
  gtk_widget_set_visible (self->align_button, tl_source_offers_align (source));
  gtk_widget_set_visible (self->tap_button, tl_window_can_tap (self));
  /* media gets the upper part of the centre; a transcript alone, all of it */
  gtk_widget_set_visible (self->player_area, tl_window_has_media (self));
  show_marks (self);
  tl_window_timeline_show_lines (self);
  gtk_stack_set_visible_child_name (self->center_stack, "source");
  tl_window_update_actions (self);
}

static void
on_segments_loaded (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) segments = tl_library_get_segments_finish (TL_LIBRARY (object), result, &error);
  TlWindow *self;

  /* another source was picked, or the window closed */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = TL_WINDOW (user_data);
  g_clear_object (&self->load_cancellable);
  if (segments == NULL)
    tl_window_toast_error (self, error->message);
  else if (self->source)
    show_source_lines (self, self->source, segments);
}

static void
show_source (TlWindow *self, TlSource *source)
{
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GError) error = NULL;

  if (self->load_cancellable)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_set_object (&self->source, source);
  self->mark_in = self->mark_out = -1;
  tl_tag_panel_set_source (self->tag_panel, source);
  if (source == NULL)
    {
      load_media (self, NULL);
      tl_transcript_view_set_source (self->transcript, NULL, NULL, NULL, NULL);
      gtk_stack_set_visible_child_name (self->center_stack, "none");
      update_title (self);
      tl_window_update_actions (self);
      return;
    }
  if (tl_source_get_n_segments (source) >= ASYNC_LINES)
    {
      /* the title at once, the lines when read; the window goes on */
      gtk_label_set_text (self->source_title, tl_source_get_title (source));
      update_title (self);
      self->load_cancellable = g_cancellable_new ();
      tl_library_get_segments_async (self->library, tl_source_get_id (source), self->load_cancellable,
                                     on_segments_loaded, self);
      return;
    }
  segments = tl_library_get_segments (self->library, tl_source_get_id (source), &error);
  if (segments == NULL)
    {
      tl_window_toast_error (self, error->message);
      return;
    }
  show_source_lines (self, source, segments);
}

static void
on_source_selected (TlSourceTree *tree, GParamSpec *pspec, TlWindow *self)
{
  TlSource *source = tl_source_tree_get_selected_source (tree);

  /* a reload hands over a fresh object for the same source */
  if (source && self->source && tl_source_get_id (source) == tl_source_get_id (self->source)
      && tl_source_get_n_segments (source) == tl_source_get_n_segments (self->source))
    {
      g_set_object (&self->source, source);
      gtk_label_set_text (self->source_title, tl_source_get_title (source));
      update_title (self);
      return;
    }
  if (source || self->source)
    show_source (self, source);
}

static void
on_line_picked (TlTranscriptView *view, guint index, TlWindow *self)
{
  TlSegment *segment = tl_transcript_view_get_segment (view, index);

  if (segment && tl_segment_get_start (segment) >= 0)
    tl_window_seek (self, tl_segment_get_start (segment));
}

static void
on_transcript_selection (TlTranscriptView *view, TlWindow *self)
{
  tl_window_update_actions (self);
}

static void
on_clip_activated (TlTagPanel *panel, TlClip *clip, TlWindow *self)
{
  if (self->source == NULL || tl_clip_get_source_id (clip) != tl_source_get_id (self->source))
    {
      /* a clip of another source (the "All" list): go to that source */
      if (!tl_source_tree_select_source (self->source_tree, tl_clip_get_source_id (clip)))
        return;
      tl_tag_panel_select_clip (self->tag_panel, tl_clip_get_id (clip));
    }
  if (tl_clip_get_in (clip) >= 0)
    tl_window_seek (self, tl_clip_get_in (clip));
  else if (tl_clip_get_first_segment (clip) >= 0)
    tl_transcript_view_select_line (self->transcript, tl_clip_get_first_segment (clip), TRUE);
  tl_window_apply_loop (self, TRUE);
  tl_window_update_actions (self);
}

/* Several clips or none: Loop and the trim buttons have no clip. */
static void
on_clip_selection_changed (TlTagPanel *panel, TlWindow *self)
{
  TlClip *clip = tl_tag_panel_get_selected_clip (panel);

  tl_timeline_set_selected_clip (self->timeline, clip ? tl_clip_get_id (clip) : 0);
  tl_window_apply_loop (self, FALSE);
  tl_window_update_actions (self);
}

/* A search hit: open its source at that line, selected (so that a topic
 * key tags it), in the middle of the transcript, the searched words
 * marked. */
static void
on_hit_activated (TlSearchPanel *panel, gint64 source_id, guint index, TlWindow *self)
{
  g_auto(GStrv) terms = NULL;

  if (self->source == NULL || tl_source_get_id (self->source) != source_id)
    {
      /* the tree may be filtered: find the source in the whole tree */
      if (!tl_source_tree_select_source (self->source_tree, source_id))
        return;
    }
  terms = tl_search_panel_get_terms (panel);
  tl_transcript_view_show_hit (self->transcript, index, (const char *const *) terms);
}

static void
on_search_closed (TlSearchPanel *panel, TlWindow *self)
{
  tl_window_show_search (self, FALSE);
}

/* Shows the library search in the left pane (or the sources again). */
void
tl_window_show_search (TlWindow *self, gboolean show)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "search-library");

  gtk_stack_set_visible_child_name (self->left_stack, show ? "search" : "sources");
  if (action)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (show));
  if (show)
    tl_search_panel_focus (self->search_panel);
}

static void
on_topic_activated (TlTagPanel *panel, gint64 topic_id, TlWindow *self)
{
  tl_window_tag_with_topic (self, topic_id);
}

static void
on_library_changed (TlLibrary *library, TlLibraryChange what, TlWindow *self)
{
  if (self->source && (what & (TL_LIBRARY_CHANGE_CLIPS | TL_LIBRARY_CHANGE_TOPICS)))
    {
      tl_transcript_view_set_clips (self->transcript, tl_tag_panel_get_source_clips (self->tag_panel),
                                    tl_tag_panel_get_topics (self->tag_panel));
      show_marks (self);
      tl_window_apply_loop (self, FALSE);
    }
  if (self->source && (what & TL_LIBRARY_CHANGE_SEGMENTS))
    show_source (self, self->source);
  tl_window_update_actions (self);
}

/* Tagging */

/* What the selected lines make: one clip spec per run of adjacent lines. */
static GArray *
specs_for_selected_lines (TlWindow *self, GError **error)
{
  g_autoptr(GArray) runs = tl_transcript_view_get_selected_runs (self->transcript);
  guint n = tl_transcript_view_get_n_segments (self->transcript);
  g_autoptr(GPtrArray) lines = g_ptr_array_sized_new (n);

  if (runs->len == 0)
    return g_array_new (FALSE, FALSE, sizeof (TlClipSpec));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (lines, tl_transcript_view_get_segment (self->transcript, i));
  return tl_clip_specs_for_lines (self->source, (TlSegment *const *) lines->pdata, lines->len,
                                  (const TlLineRun *) runs->data, runs->len, error);
}

/**
 * tl_window_tag_with_topic:
 *
 * What a topic's key does: the marked range (I/O) or the selected lines
 * become a clip with this topic, one clip per run of adjacent lines (all
 * in one undo step); one range already inside a clip has the topic added
 * to (or removed from) that clip (tl_library_tag() decides).
 */
void
tl_window_tag_with_topic (TlWindow *self, gint64 topic_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlTopic) topic = NULL;
  g_autoptr(GArray) specs = NULL;
  g_autofree gint64 *ids = NULL;
  g_autofree char *message = NULL;
  const char *topics[2] = { NULL, NULL };
  TlClipSpec word_spec;
  GPtrArray *all_topics = tl_tag_panel_get_topics (self->tag_panel);
  TlTagged tagged;

  if (self->source == NULL)
    return;
  if (tl_library_is_read_only (self->library))
    {
      tl_window_toast_error (self, tl_library_get_read_only_reason (self->library));
      return;
    }
  for (guint i = 0; all_topics && i < all_topics->len; i++)
    if (tl_topic_get_id (g_ptr_array_index (all_topics, i)) == topic_id)
      topic = g_object_ref (g_ptr_array_index (all_topics, i));
  if (topic == NULL)
    return;

  if (!tl_source_clips_by_paragraph (self->source) && self->mark_in >= 0 && self->mark_out > self->mark_in)
    {
      TlClipSpec spec = { 0 };

      spec.source_id = tl_source_get_id (self->source);
      spec.first_segment = spec.last_segment = -1;
      spec.in = self->mark_in;
      spec.out = self->mark_out;
      specs = g_array_new (FALSE, TRUE, sizeof (TlClipSpec));
      g_array_append_val (specs, spec);
    }
  else if (tl_window_words_clip_spec (self, &word_spec, &error))
    {
      specs = g_array_new (FALSE, TRUE, sizeof (TlClipSpec));
      g_array_append_val (specs, word_spec);
    }
  else if (error)
    {
      tl_window_toast (self, error->message, FALSE);
      return;
    }
  else if ((specs = specs_for_selected_lines (self, &error)) == NULL)
    {
      tl_window_toast (self, _("These lines have no times to make a clip of"), FALSE);
      return;
    }
  if (specs->len == 0)
    {
      tl_window_toast (self, _("Select lines, or mark In and Out (I, O), then press a topic’s key"), FALSE);
      return;
    }

  topics[0] = tl_topic_get_name (topic);
  for (guint i = 0; i < specs->len; i++)
    g_array_index (specs, TlClipSpec, i).topics = topics;
  ids = g_new0 (gint64, specs->len);
  if (!tl_library_tag (self->library, (const TlClipSpec *) specs->data, specs->len, TL_TAG_TOGGLE, ids, &tagged,
                       &error))
    {
      tl_window_toast_error (self, error->message);
      return;
    }
  switch (tagged)
    {
    case TL_TAGGED_ADDED:
      message = g_strdup_printf (_("Added “%s” to the clip"), tl_topic_get_name (topic));
      break;
    case TL_TAGGED_REMOVED:
      message = g_strdup_printf (_("Removed “%s” from the clip"), tl_topic_get_name (topic));
      break;
    case TL_TAGGED_NEW_CLIPS:
    default:
      if (specs->len == 1)
        message = g_strdup_printf (_("New clip tagged “%s”"), tl_topic_get_name (topic));
      else
        message = g_strdup_printf (ngettext ("%u new clip tagged “%s”", "%u new clips tagged “%s”", specs->len),
                                   specs->len, tl_topic_get_name (topic));
      self->mark_in = self->mark_out = -1;
      tl_window_timeline_show_marks (self);
      tl_tag_panel_select_clips (self->tag_panel, ids, specs->len);
      break;
    }
  tl_window_toast (self, message, TRUE);
}

/* Window state */

static void
restore_state (TlWindow *self, GSettings *settings)
{
  if (settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->outer_paned, g_settings_get_int (settings, "sources-position"));
  gtk_paned_set_position (self->inner_paned, g_settings_get_int (settings, "tags-position"));
  gtk_paned_set_position (self->center_paned, g_settings_get_int (settings, "player-position"));
  tl_tag_panel_set_topics_height (self->tag_panel, g_settings_get_int (settings, "topics-position"));
}

static GSettings *
window_settings (TlWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return TL_IS_APPLICATION (app) ? tl_application_get_settings (TL_APPLICATION (app)) : NULL;
}

/**
 * tl_window_save_state:
 *
 * Remembers the window's size, its panes and the source shown, for the
 * next window. Written on close (and when another library takes the
 * window's place), not on every resize, which would hit the settings
 * backend on each frame.
 */
void
tl_window_save_state (TlWindow *self)
{
  GSettings *settings = window_settings (self);
  GtkWindow *window = GTK_WINDOW (self);
  int width, height;

  g_return_if_fail (TL_IS_WINDOW (self));
  if (settings == NULL)
    return;
  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (settings);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  if (self->library)
    {
      g_settings_set_int (settings, "sources-position", gtk_paned_get_position (self->outer_paned));
      g_settings_set_int (settings, "tags-position", gtk_paned_get_position (self->inner_paned));
      g_settings_set_int (settings, "player-position", gtk_paned_get_position (self->center_paned));
      g_settings_set_int (settings, "topics-position", tl_tag_panel_get_topics_height (self->tag_panel));
    }
  /* a source id means something only in its own library */
  if (self->source && self->library)
    {
      g_settings_set_int64 (settings, "last-source", tl_source_get_id (self->source));
      g_settings_set_string (settings, "last-source-library", tl_library_get_path (self->library));
    }
  g_settings_apply (settings);
}

static gboolean
on_close_request (GtkWindow *window, gpointer user_data)
{
  tl_window_save_state (TL_WINDOW (window));
  return FALSE;
}

/**
 * tl_window_is_busy:
 *
 * Whether an import, an alignment or a render is running in the window.
 */
gboolean
tl_window_is_busy (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), FALSE);
  return self->task_cancellable != NULL;
}

/**
 * tl_window_show_error:
 *
 * Says something went wrong in a dialog over the window: for what the
 * editor must read before going on (a library that would not open).
 */
void
tl_window_show_error (TlWindow *self, const char *heading, const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
tl_window_dispose (GObject *object)
{
  TlWindow *self = TL_WINDOW (object);

  if (self->waveform_cancellable)
    g_cancellable_cancel (self->waveform_cancellable);
  g_clear_object (&self->waveform_cancellable);
  if (self->load_cancellable)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->timeline)
    g_signal_handlers_disconnect_by_data (self->timeline, self);
  if (self->player)
    {
      g_signal_handlers_disconnect_by_data (self->player, self);
      tl_player_set_uri (self->player, NULL);
    }
  if (self->task_cancellable)
    g_cancellable_cancel (self->task_cancellable);
  g_clear_object (&self->task_cancellable);
  if (self->library)
    g_signal_handlers_disconnect_by_data (self->library, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_WINDOW);
  g_clear_object (&self->source);
  g_clear_object (&self->library);
  g_clear_object (&self->player);
  G_OBJECT_CLASS (tl_window_parent_class)->dispose (object);
}

static void
tl_window_class_init (TlWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = tl_window_dispose;

  g_type_ensure (TL_TYPE_SOURCE_TREE);
  g_type_ensure (TL_TYPE_SEARCH_PANEL);
  g_type_ensure (TL_TYPE_TRANSCRIPT_VIEW);
  g_type_ensure (TL_TYPE_TAG_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/tagline/Tagline/tl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TlWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, center_paned);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, center_stack);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, player_area);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, source_title);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, source_details);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, align_button);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, tap_button);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, left_stack);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, source_tree);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, search_panel);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, transcript);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, tag_panel);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, task_revealer);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, task_progress);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, task_label);
}

static void
tl_window_init (TlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->mark_in = self->mark_out = -1;

  /* the player: tests give it a sink that plays in time without a device */
  self->player = tl_player_new (g_getenv ("TAGLINE_AUDIO_SINK"));
  self->player_view = TL_PLAYER_VIEW (tl_player_view_new (self->player));
  gtk_widget_set_vexpand (GTK_WIDGET (self->player_view), TRUE);
  gtk_box_append (GTK_BOX (self->player_area), GTK_WIDGET (self->player_view));
  g_signal_connect (self->player, "notify::position", G_CALLBACK (on_player_position), self);
  g_signal_connect (self->player, "notify::state", G_CALLBACK (on_player_state), self);
  g_signal_connect (self->player, "error", G_CALLBACK (on_player_error), self);
  g_signal_connect (self->player, "warning", G_CALLBACK (on_player_error), self);
  tl_window_timeline_init (self);
  tl_window_transport_init (self);

  g_signal_connect (self->source_tree, "notify::selected-source", G_CALLBACK (on_source_selected), self);
  g_signal_connect (self->source_tree, "toast", G_CALLBACK (on_child_toast), self);
  g_signal_connect (self->transcript, "line-picked", G_CALLBACK (on_line_picked), self);
  g_signal_connect (self->transcript, "selection-changed", G_CALLBACK (on_transcript_selection), self);
  tl_window_words_init (self);
  g_signal_connect (self->tag_panel, "clip-activated", G_CALLBACK (on_clip_activated), self);
  g_signal_connect (self->tag_panel, "topic-activated", G_CALLBACK (on_topic_activated), self);
  g_signal_connect (self->tag_panel, "selection-changed", G_CALLBACK (on_clip_selection_changed), self);
  g_signal_connect (self->tag_panel, "toast", G_CALLBACK (on_child_toast), self);
  g_signal_connect (self->search_panel, "hit-activated", G_CALLBACK (on_hit_activated), self);
  g_signal_connect (self->search_panel, "closed", G_CALLBACK (on_search_closed), self);

  tl_window_tasks_init (self);
  tl_window_actions_init (self);
}

/**
 * tl_window_new:
 * @library: (nullable): the open library, or %NULL when it could not be opened
 * @open_error: (nullable): why it could not, shown in the window
 */
TlWindow *
tl_window_new (TlApplication *app, TlLibrary *library, const GError *open_error)
{
  TlWindow *self = g_object_new (TL_TYPE_WINDOW, "application", app, NULL);
  GSettings *settings = tl_application_get_settings (app);
  g_autofree char *last_library = NULL;

  restore_state (self, settings);
  tl_window_actions_set_accels (self);
  tl_window_transport_bind (self);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
  if (settings)
    g_signal_connect_object (settings, "changed::recent-libraries", G_CALLBACK (tl_window_update_recent), self,
                             G_CONNECT_SWAPPED);
  if (library == NULL)
    {
      tl_window_update_recent (self);
      adw_status_page_set_description (self->error_page, open_error ? open_error->message : NULL);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      tl_window_update_actions (self);
      return self;
    }

  self->library = g_object_ref (library);
  update_title (self);
  show_read_only (self);
  tl_window_update_recent (self);
  gtk_stack_set_visible_child_name (self->main_stack, "library");
  tl_tag_panel_set_library (self->tag_panel, library);
  tl_source_tree_set_library (self->source_tree, library);
  tl_search_panel_set_library (self->search_panel, library);
  /* after the panes, which reload first */
  /* another process's changes arrive the same way: the store watches */
  g_signal_connect_after (library, "changed", G_CALLBACK (on_library_changed), self);

  /* back where the editor left off in this library, or its first source */
  if (settings)
    last_library = g_settings_get_string (settings, "last-source-library");
  if (g_strcmp0 (last_library, tl_library_get_path (library)) != 0
      || !tl_source_tree_select_source (self->source_tree, g_settings_get_int64 (settings, "last-source")))
    {
      g_autoptr(GPtrArray) sources = tl_library_list_sources (library, NULL);
      if (sources && sources->len)
        tl_source_tree_select_source (self->source_tree, tl_source_get_id (g_ptr_array_index (sources, 0)));
    }
  tl_window_update_actions (self);
  return self;
}

TlLibrary *
tl_window_get_library (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), NULL);
  return self->library;
}
