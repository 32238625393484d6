/* tl-window-actions.c: everything the editor can do in the window, as
 * actions, and the keys for them: Ctrl shortcuts as accelerators, the
 * single keys of an editor's hands (Space, J/K/L, I/O, 1–9, arrows) in a
 * capture-phase controller that stands aside while a text field has the
 * focus, so that typing a note never plays or tags. */
#include "config.h"

#include "tl-window-private.h"

#include <glib/gi18n.h>

#include "tl-import-job.h"
#include "tl-library-file.h"
#include "tl-text.h"

static GAction *
lookup (TlWindow *self, const char *name)
{
  return g_action_map_lookup_action (G_ACTION_MAP (self), name);
}

static void
set_enabled (TlWindow *self, const char *name, gboolean enabled)
{
  GAction *action = lookup (self, name);

  if (action)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* Actions that make sense only in some states follow them here. */
void
tl_window_update_actions (TlWindow *self)
{
  gboolean has_library = self->library != NULL;
  /* a read-only library is read, searched and exported; nothing changes it */
  gboolean writable = has_library && !tl_library_is_read_only (self->library);
  gboolean has_source = self->source != NULL;
  gboolean importing = self->task_cancellable != NULL;
  TlClip *clip = has_library ? tl_tag_panel_get_selected_clip (self->tag_panel) : NULL;
  gboolean timed_clip = clip && tl_clip_get_in (clip) >= 0;
  gboolean playable = has_source && tl_window_has_media (self);
  g_autofree char *undo = has_library ? tl_library_get_undo_label (self->library) : NULL;
  g_autofree char *redo = has_library ? tl_library_get_redo_label (self->library) : NULL;

  set_enabled (self, "import", writable && !importing);
  set_enabled (self, "import-folder", writable && !importing);
  set_enabled (self, "cancel-task", importing);
  set_enabled (self, "undo", writable && undo != NULL);
  set_enabled (self, "redo", writable && redo != NULL);
  set_enabled (self, "find", has_source);
  set_enabled (self, "search-library", has_library);
  set_enabled (self, "export", has_library);
  set_enabled (self, "align", writable && has_source && !importing && tl_source_can_align (self->source));
  /* a topic key on a read-only library says why nothing happens */
  set_enabled (self, "tag", has_source);
  set_enabled (self, "mark-in", has_source);
  set_enabled (self, "mark-out", has_source);
  set_enabled (self, "clip-nudge-in", writable && timed_clip);
  set_enabled (self, "clip-nudge-out", writable && timed_clip);
  set_enabled (self, "clip-in-to-playhead", writable && timed_clip);
  set_enabled (self, "clip-out-to-playhead", writable && timed_clip);
  set_enabled (self, "loop-clip", timed_clip);
  set_enabled (self, "play-pause", playable);
  set_enabled (self, "shuttle", playable);
  set_enabled (self, "seek-by", playable);
  set_enabled (self, "skip", playable);
  set_enabled (self, "play-around", playable);
  set_enabled (self, "go-to-time", playable);
  set_enabled (self, "copy-timecode", has_source && tl_window_get_position (self) >= 0);
  set_enabled (self, "step", playable);
  set_enabled (self, "tap-mode", writable && (self->tapping || tl_window_can_tap (self)));
  set_enabled (self, "tap", writable && self->tapping);
  set_enabled (self, "untap", writable && self->tapping);
}

static void
import_response (GtkNativeDialog *dialog, int response, TlWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);
          if (path)
            g_ptr_array_add (paths, path);
        }
      g_ptr_array_add (paths, NULL);
      tl_window_import (self, (const char *const *) paths->pdata);
    }
  g_object_unref (dialog);
}

static void
choose_files (TlWindow *self, gboolean folder)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) transcripts = gtk_file_filter_new ();
  static const char *const patterns[] = {
    "*.srt", "*.vtt", "*.sbv", "*.json", "*.ttml", "*.dfxp", "*.xml", "*.ass", "*.ssa", "*.eaf", "*.txt", "*.md",
    "*.mp4", "*.mov", "*.mkv", "*.webm", "*.mxf", "*.m4v", "*.avi", "*.mp3", "*.wav", "*.m4a", "*.ogg", "*.opus",
    "*.flac",
  };

  chooser = gtk_file_chooser_native_new (folder ? _("Import a Folder") : _("Import Transcripts and Media"),
                                         GTK_WINDOW (self),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  if (!folder)
    {
      gtk_file_filter_set_name (transcripts, _("Transcripts and media"));
      for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
        gtk_file_filter_add_suffix (transcripts, patterns[i] + 2);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), transcripts);
      gtk_file_filter_set_name (all, _("All files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Libraries: new, open, recent */

static TlApplication *
window_app (TlWindow *self)
{
  return TL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static char *
chosen_path (GtkNativeDialog *dialog)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  return file ? g_file_get_path (file) : NULL;
}

static void
open_library_response (GtkNativeDialog *dialog, int response, TlWindow *self)
{
  g_autofree char *path = response == GTK_RESPONSE_ACCEPT ? chosen_path (dialog) : NULL;

  g_object_unref (dialog);
  if (path)
    tl_application_open_library (window_app (self), path, self);
}

static void
add_library_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) libraries = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (libraries, _("Tagline libraries"));
  gtk_file_filter_add_mime_type (libraries, tl_library_file_get_mime_type ());
  gtk_file_filter_add_suffix (libraries, "tagline");
  gtk_file_filter_add_suffix (libraries, "db");
  gtk_file_chooser_add_filter (chooser, libraries);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

static void
open_library_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  TlWindow *self = user_data;
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Open a Library"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                                               _("_Cancel"));

  add_library_filters (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_library_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_library_response (GtkNativeDialog *dialog, int response, TlWindow *self)
{
  g_autofree char *path = response == GTK_RESPONSE_ACCEPT ? chosen_path (dialog) : NULL;
  g_autoptr(GError) error = NULL;
  TlWindow *window;

  g_object_unref (dialog);
  if (path == NULL)
    return;
  /* the file chooser asked before replacing a file: a library is never
   * replaced (it is opened instead), another file goes to the trash, where
   * it can be fetched back */
  if (g_file_test (path, G_FILE_TEST_EXISTS) && !tl_library_file_sniff (path))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      if (!g_file_trash (file, NULL, &error))
        {
          g_autofree char *body = g_strdup_printf (_("%s could not be moved to the trash to make room for the "
                                                     "library: %s"), path, error->message);
          tl_window_show_error (self, _("Cannot Make the Library"), body);
          return;
        }
    }
  else if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      window = tl_application_open_library (window_app (self), path, self);
      if (window)
        tl_window_toast (window, _("That file is a library already: it is open, unchanged"), FALSE);
      return;
    }
  tl_application_open_library (window_app (self), path, self);
}

static void
new_library_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  TlWindow *self = user_data;
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("New Library"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"),
                                                               _("_Cancel"));

  /* TRANSLATORS: the file name a new library is offered, with its extension */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Library.tagline"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (new_library_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * tl_window_update_recent:
 *
 * Fills the main menu's Open Recent with the libraries opened lately,
 * other than this window's, that are still there.
 */
void
tl_window_update_recent (TlWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings = TL_IS_APPLICATION (app) ? tl_application_get_settings (TL_APPLICATION (app)) : NULL;
  g_auto(GStrv) recent = settings ? g_settings_get_strv (settings, "recent-libraries") : NULL;
  g_autoptr(GMenu) submenu = g_menu_new ();
  const char *own = self->library ? tl_library_get_path (self->library) : NULL;

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; recent && recent[i]; i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (g_strcmp0 (recent[i], own) == 0 || !g_file_test (recent[i], G_FILE_TEST_IS_REGULAR))
        continue;
      name = g_path_get_basename (recent[i]);
      item = g_menu_item_new (name, NULL);
      g_menu_item_set_action_and_target_value (item, "app.open-recent", g_variant_new_string (recent[i]));
      g_menu_append_item (submenu, item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (submenu)) > 0)
    g_menu_append_submenu (self->recent_section, _("Open _Recent"), G_MENU_MODEL (submenu));
}

static void
import_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  choose_files (user_data, FALSE);
}

static void
import_folder_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  choose_files (user_data, TRUE);
}

static void
cancel_task_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  TlWindow *self = user_data;

  if (self->task_cancellable)
    g_cancellable_cancel (self->task_cancellable);
}

/* What an undo step did, in the user's language; @stored, the name the
 * library keeps, for a kind this version does not know. */
const char *
tl_window_edit_kind_title (TlEditKind kind, const char *stored)
{
  switch (kind)
    {
    case TL_EDIT_NEW_CLIP:
      return _("New Clip");
    case TL_EDIT_NEW_CLIPS:
      return _("New Clips");
    case TL_EDIT_TRIM_CLIP:
      return _("Trim Clip");
    case TL_EDIT_RETITLE_CLIP:
      return _("Retitle Clip");
    case TL_EDIT_EDIT_NOTE:
      return _("Edit Note");
    case TL_EDIT_RATE_CLIP:
      return _("Rate Clip");
    case TL_EDIT_TAG_CLIP:
      return _("Tag Clip");
    case TL_EDIT_UNTAG_CLIP:
      return _("Untag Clip");
    case TL_EDIT_DELETE_CLIP:
      return _("Delete Clip");
    case TL_EDIT_DELETE_CLIPS:
      return _("Delete Clips");
    case TL_EDIT_MOVE_CLIP:
      return _("Move Clip");
    case TL_EDIT_NEW_TOPIC:
      return _("New Topic");
    case TL_EDIT_RENAME_TOPIC:
      return _("Rename Topic");
    case TL_EDIT_RECOLOUR_TOPIC:
      return _("Recolour Topic");
    case TL_EDIT_CHANGE_TOPIC_KEY:
      return _("Change Topic Key");
    case TL_EDIT_DELETE_TOPIC:
      return _("Delete Topic");
    case TL_EDIT_NEW_FOLDER:
      return _("New Folder");
    case TL_EDIT_RENAME_FOLDER:
      return _("Rename Folder");
    case TL_EDIT_MOVE_FOLDER:
      return _("Move Folder");
    case TL_EDIT_DELETE_FOLDER:
      return _("Delete Folder");
    case TL_EDIT_MOVE_SOURCE:
      return _("Move Source");
    case TL_EDIT_RENAME_SOURCE:
      return _("Rename Source");
    case TL_EDIT_DELETE_SOURCE:
      return _("Delete Source");
    case TL_EDIT_RELINK_MEDIA:
      return _("Relink Media");
    case TL_EDIT_UNLINK_MEDIA:
      return _("Unlink Media");
    case TL_EDIT_ALIGN:
      return _("Align to the Audio");
    case TL_EDIT_TAP:
      return _("Tap In Times");
    case TL_EDIT_ESTIMATE:
      return _("Estimate Times");
    case TL_EDIT_EDIT_CLIP:
      return _("Edit Clip");
    case TL_EDIT_CORRECT_LINE:
      return _("Correct Line");
    case TL_EDIT_SPLIT_LINE:
      return _("Split Line");
    case TL_EDIT_MERGE_LINES:
      return _("Merge Lines");
    case TL_EDIT_RENAME_SPEAKER:
      return _("Rename Speaker");
    case TL_EDIT_SET_SPEAKER:
      return _("Set Speaker");
    case TL_EDIT_OTHER:
    default:
      return stored;
    }
}

static void
undo_or_redo (TlWindow *self, gboolean undo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  TlEditKind kind = undo ? tl_library_get_undo_kind (self->library) : tl_library_get_redo_kind (self->library);
  gboolean done = undo ? tl_library_undo (self->library, &label, &error)
                       : tl_library_redo (self->library, &label, &error);

  if (done)
    {
      /* in the place of the edit's toast: "New clip tagged" no longer holds */
      g_autofree char *message = g_strdup_printf (undo ? _("Undone: %s") : _("Redone: %s"),
                                                  tl_window_edit_kind_title (kind, label));
      tl_window_toast (self, message, FALSE);
    }
  else if (error)
    tl_window_toast_error (self, error->message);
  tl_window_update_actions (self);
}

static void
undo_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  undo_or_redo (user_data, TRUE);
}

static void
redo_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  undo_or_redo (user_data, FALSE);
}

static void
find_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  TlWindow *self = user_data;

  tl_transcript_view_show_find (self->transcript);
}

static void
filter_sources_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  TlWindow *self = user_data;

  tl_source_tree_focus_filter (self->source_tree);
}

static void
export_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  tl_window_show_export (user_data);
}

static void
align_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  tl_window_align (user_data);
}

static void
show_message_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  tl_window_toast (user_data, g_variant_get_string (param, NULL), FALSE);
}

static void
search_library_changed (GSimpleAction *action, GVariant *value, gpointer user_data)
{
  tl_window_show_search (user_data, g_variant_get_boolean (value));
}

static void
fullscreen_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkWindow *window = user_data;

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

/* Topic keys 1–9 */
static void
tag_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  TlWindow *self = user_data;
  guint key = g_variant_get_uint32 (param);
  GPtrArray *topics = tl_tag_panel_get_topics (self->tag_panel);

  for (guint i = 0; topics && i < topics->len; i++)
    if (tl_topic_get_key (g_ptr_array_index (topics, i)) == key)
      {
        tl_window_tag_with_topic (self, tl_topic_get_id (g_ptr_array_index (topics, i)));
        return;
      }
  if (topics == NULL || topics->len == 0)
    {
      tl_window_toast (self, _("No topics yet: add one with the + beside Topics, and its key tags the selected lines"),
                       FALSE);
      return;
    }
  {
    g_autofree char *message = g_strdup_printf (_("No topic has the key %u: give one a key in the Topics list"), key);
    tl_window_toast (self, message, FALSE);
  }
}

static void
mark_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  TlWindow *self = user_data;
  gboolean in = g_str_equal (g_action_get_name (G_ACTION (action)), "mark-in");
  gint64 position = tl_window_get_position (self);
  g_autofree char *clock = NULL;
  g_autofree char *message = NULL;

  if (position < 0)
    return;
  if (in)
    self->mark_in = position;
  else
    self->mark_out = position;
  if (self->mark_in >= 0 && self->mark_out >= 0 && self->mark_out <= self->mark_in)
    {
      /* an out before the in starts a new range */
      if (in)
        self->mark_out = -1;
      else
        self->mark_in = -1;
    }
  tl_window_timeline_show_marks (self);
  clock = tl_time_format_now (position, self->source ? tl_source_get_media (self->source) : NULL);
  message = g_strdup_printf (in ? _("In at %s") : _("Out at %s"), clock);
  if (self->mark_in >= 0 && self->mark_out >= 0)
    {
      g_autofree char *both = g_strconcat (message, " — ", _("press a topic’s key to tag"), NULL);
      tl_window_toast (self, both, FALSE);
    }
  else
    tl_window_toast (self, message, FALSE);
}

/* The length of one frame of the shown source (40 ms when it has no
 * frame rate: audio or no media). */
static gint64
frame_usec (TlWindow *self)
{
  const TlMediaInfo *media = self->source ? tl_source_get_media (self->source) : NULL;

  if (media && media->fps_num > 0 && media->fps_den > 0)
    return (gint64) media->fps_den * G_USEC_PER_SEC / media->fps_num;
  return 40000;
}

static void
trim_selected_clip (TlWindow *self, gint64 in, gint64 out)
{
  TlClip *clip = tl_tag_panel_get_selected_clip (self->tag_panel);
  g_autoptr(GError) error = NULL;

  if (clip == NULL)
    return;
  if (!tl_library_set_clip_range (self->library, tl_clip_get_id (clip), in, out, &error))
    tl_window_toast_error (self, error->message);
}

static void
nudge_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  TlWindow *self = user_data;
  TlClip *clip = tl_tag_panel_get_selected_clip (self->tag_panel);
  GSettings *settings = tl_window_get_settings (self);
  int frames = settings ? g_settings_get_int (settings, "nudge-step") : 1;
  gint64 delta = (gint64) g_variant_get_int32 (param) * frames * frame_usec (self);

  if (clip == NULL || tl_clip_get_in (clip) < 0)
    return;
  if (g_str_equal (g_action_get_name (G_ACTION (action)), "clip-nudge-in"))
    trim_selected_clip (self, MAX (0, tl_clip_get_in (clip) + delta), tl_clip_get_out (clip));
  else
    trim_selected_clip (self, tl_clip_get_in (clip), tl_clip_get_out (clip) + delta);
}

static void
to_playhead_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  TlWindow *self = user_data;
  TlClip *clip = tl_tag_panel_get_selected_clip (self->tag_panel);
  gint64 position = tl_window_get_position (self);

  if (clip == NULL || position < 0 || tl_clip_get_in (clip) < 0)
    return;
  if (g_str_equal (g_action_get_name (G_ACTION (action)), "clip-in-to-playhead"))
    trim_selected_clip (self, position, tl_clip_get_out (clip));
  else
    trim_selected_clip (self, tl_clip_get_in (clip), position);
}

static void
loop_clip_changed (GSimpleAction *action, GVariant *value, gpointer user_data)
{
  g_simple_action_set_state (action, value);
  tl_window_apply_loop (user_data, TRUE);
}

/* Playback keys: Space, J/K/L, arrows, comma and period */
static void
play_pause_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  tl_window_play_pause (user_data);
}

static void
shuttle_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  TlWindow *self = user_data;

  tl_player_shuttle (self->player, g_variant_get_int32 (param));
}

static void
seek_by_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  TlWindow *self = user_data;
  gint64 position = tl_player_get_position (self->player) + g_variant_get_int64 (param);
  gint64 duration = tl_player_get_duration (self->player);

  if (duration > 0)
    position = MIN (position, duration);
  tl_window_seek (self, MAX (position, 0));
}

static void
step_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  TlWindow *self = user_data;

  tl_player_step (self->player, g_variant_get_int32 (param));
}

static void
tap_mode_changed (GSimpleAction *action, GVariant *value, gpointer user_data)
{
  tl_window_set_tapping (user_data, g_variant_get_boolean (value));
}

static void
tap_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  tl_window_tap (user_data);
}

static void
untap_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  tl_window_untap (user_data);
}

static void
follow_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  TlWindow *self = user_data;

  tl_transcript_view_set_following (self->transcript, TRUE);
}

static void
line_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  TlWindow *self = user_data;
  int delta = g_variant_get_int32 (param);
  guint first = 0, last = 0, n = tl_transcript_view_get_n_segments (self->transcript);
  int current = tl_transcript_view_get_current (self->transcript);
  int target;

  if (n == 0)
    return;
  if (tl_transcript_view_get_selected_range (self->transcript, &first, &last))
    target = (delta < 0 ? (int) first : (int) last) + delta;
  else
    target = current >= 0 ? current + delta : 0;
  tl_transcript_view_select_line (self->transcript, CLAMP (target, 0, (int) n - 1), TRUE);
}

static const GActionEntry entries[] = {
  { "new-library", new_library_activated },
  { "open-library", open_library_activated },
  { "import", import_activated },
  { "import-folder", import_folder_activated },
  { "cancel-task", cancel_task_activated },
  { "undo", undo_activated },
  { "redo", redo_activated },
  { "find", find_activated },
  { "filter-sources", filter_sources_activated },
  { "export", export_activated },
  { "align", align_activated },
  { "show-message", show_message_activated, "s" },
  { "search-library", NULL, NULL, "false", search_library_changed },
  { "fullscreen", fullscreen_activated },
  { "tag", tag_activated, "u" },
  { "mark-in", mark_activated },
  { "mark-out", mark_activated },
  { "clip-nudge-in", nudge_activated, "i" },
  { "clip-nudge-out", nudge_activated, "i" },
  { "clip-in-to-playhead", to_playhead_activated },
  { "clip-out-to-playhead", to_playhead_activated },
  { "loop-clip", NULL, NULL, "false", loop_clip_changed },
  { "play-pause", play_pause_activated },
  { "shuttle", shuttle_activated, "i" },
  { "seek-by", seek_by_activated, "x" },
  { "step", step_activated, "i" },
  { "tap-mode", NULL, NULL, "false", tap_mode_changed },
  { "tap", tap_activated },
  { "untap", untap_activated },
  { "follow", follow_activated },
  { "line", line_activated, "i" },
};

/* Single keys, active unless a text field has the focus. */
typedef struct {
  guint key;
  GdkModifierType mods;
  const char *action;
  gboolean lists_first; /* the key moves in the source tree: there, leave it to the tree */
  gboolean clips_first; /* the key moves clips in the tag panel: there, leave it to the panel */
} SingleKey;

static const SingleKey single_keys[] = {
  { GDK_KEY_1, 0, "win.tag(uint32 1)" }, { GDK_KEY_2, 0, "win.tag(uint32 2)" },
  { GDK_KEY_3, 0, "win.tag(uint32 3)" }, { GDK_KEY_4, 0, "win.tag(uint32 4)" },
  { GDK_KEY_5, 0, "win.tag(uint32 5)" }, { GDK_KEY_6, 0, "win.tag(uint32 6)" },
  { GDK_KEY_7, 0, "win.tag(uint32 7)" }, { GDK_KEY_8, 0, "win.tag(uint32 8)" },
  { GDK_KEY_9, 0, "win.tag(uint32 9)" },
  { GDK_KEY_KP_1, 0, "win.tag(uint32 1)" }, { GDK_KEY_KP_2, 0, "win.tag(uint32 2)" },
  { GDK_KEY_KP_3, 0, "win.tag(uint32 3)" }, { GDK_KEY_KP_4, 0, "win.tag(uint32 4)" },
  { GDK_KEY_KP_5, 0, "win.tag(uint32 5)" }, { GDK_KEY_KP_6, 0, "win.tag(uint32 6)" },
  { GDK_KEY_KP_7, 0, "win.tag(uint32 7)" }, { GDK_KEY_KP_8, 0, "win.tag(uint32 8)" },
  { GDK_KEY_KP_9, 0, "win.tag(uint32 9)" },
  { GDK_KEY_i, 0, "win.mark-in" },
  { GDK_KEY_o, 0, "win.mark-out" },
  { GDK_KEY_I, GDK_SHIFT_MASK, "win.clip-in-to-playhead" },
  { GDK_KEY_O, GDK_SHIFT_MASK, "win.clip-out-to-playhead" },
  { GDK_KEY_Up, GDK_ALT_MASK, "win.line(-1)", FALSE, TRUE },
  { GDK_KEY_Down, GDK_ALT_MASK, "win.line(1)", FALSE, TRUE },
  { GDK_KEY_space, 0, "win.play-pause" },
  { GDK_KEY_space, GDK_SHIFT_MASK, "win.play-around" },
  { GDK_KEY_j, 0, "win.shuttle(-1)" },
  { GDK_KEY_k, 0, "win.shuttle(0)" },
  { GDK_KEY_l, 0, "win.shuttle(1)" },
  { GDK_KEY_Left, 0, "win.seek-by(int64 -1000000)", TRUE },
  { GDK_KEY_Right, 0, "win.seek-by(int64 1000000)", TRUE },
  { GDK_KEY_Left, GDK_SHIFT_MASK, "win.skip(-1)" },
  { GDK_KEY_Right, GDK_SHIFT_MASK, "win.skip(1)" },
  { GDK_KEY_comma, 0, "win.step(-1)" },
  { GDK_KEY_period, 0, "win.step(1)" },
  { GDK_KEY_t, 0, "win.tap" },
  { GDK_KEY_BackSpace, 0, "win.untap" },
};

static gboolean
typing (TlWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_EDITABLE (w) || GTK_IS_TEXT_VIEW (w))
      return TRUE;
  return FALSE;
}

static gboolean
on_single_key (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  TlWindow *self = TL_WINDOW (widget);
  const SingleKey *key = user_data;
  g_autofree char *name = NULL;
  g_autoptr(GVariant) target = NULL;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  const char *dot;

  if (typing (self))
    return FALSE;
  if (key->lists_first && focus && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->source_tree)))
    return FALSE;
  if (key->clips_first && focus && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->tag_panel)))
    return FALSE;
  /* Shift+Left/Right select word by word once a word has the focus */
  if ((key->key == GDK_KEY_Left || key->key == GDK_KEY_Right) && (key->mods & GDK_SHIFT_MASK)
      && tl_transcript_view_has_word_focus (self->transcript))
    return FALSE;
  /* the timeline's arrows step a frame (Shift: a second) */
  if ((key->key == GDK_KEY_Left || key->key == GDK_KEY_Right) && focus == GTK_WIDGET (self->timeline))
    return FALSE;
  if (!g_action_parse_detailed_name (key->action, &name, &target, NULL))
    return FALSE;
  /* a key whose action does not apply now (Backspace outside tap-in
   * mode, Space without media) goes on to the widget that has the focus */
  dot = strchr (name, '.');
  if (!g_action_group_get_action_enabled (G_ACTION_GROUP (self), dot ? dot + 1 : name))
    return FALSE;
  return gtk_widget_activate_action_variant (widget, name, target);
}

/* The accelerators: one table, for every window's application. */
static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "win.import", { "<Control>i", NULL } },
  { "win.open-library", { "<Control>o", NULL } },
  { "win.new-library", { "<Control>n", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "win.search-library", { "<Control><Shift>f", NULL } },
  { "win.filter-sources", { "<Control>l", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.fullscreen", { "F11", NULL } },
  { "win.go-to-time", { "<Control>g", NULL } },
  { "win.preferences", { "<Control>comma", NULL } },
  { "win.copy-timecode", { "<Control><Shift>c", NULL } },
};

static void
set_accels (GtkApplication *app)
{
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

/* Once the window has its application (not the default one, in tests
 * that make several). */
void
tl_window_actions_set_accels (TlWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app)
    set_accels (app);
}

void
tl_window_actions_init (TlWindow *self)
{
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());
  GtkEventController *keys = gtk_shortcut_controller_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  if (app)
    set_accels (app);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (single_keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (single_keys[i].key,
                                                                                    single_keys[i].mods),
                                                            gtk_callback_action_new (on_single_key,
                                                                                     (gpointer) &single_keys[i],
                                                                                     NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
