/* tl-window-transport.c: the transport as a transcriber's hands expect it,
 * and times typed or copied. Going back a little on pause and playing
 * around the position are preferences; so are extra keys for play/pause,
 * rewind and forward (what foot pedals send), added to the window's keys
 * whenever the settings change. Go to Time reads a timecode, seconds or an
 * offset; Copy Timecode puts the play position on the clipboard. */
#include "config.h"

#include "tl-window-private.h"

#include <glib/gi18n.h>

#include "dialogs/tl-preferences-window.h"
#include "tl-timecode.h"

/* Without settings (run from the build tree), the keys skip this far. */
#define DEFAULT_SKIP 5.0

static GSettings *
settings_of (TlWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return TL_IS_APPLICATION (app) ? tl_application_get_settings (TL_APPLICATION (app)) : NULL;
}

/**
 * tl_window_get_settings:
 *
 * Returns: (transfer none) (nullable): the application's settings, if its
 *   schema is installed
 */
GSettings *
tl_window_get_settings (TlWindow *self)
{
  return settings_of (self);
}

static const TlMediaInfo *
shown_media (TlWindow *self)
{
  return self->source ? tl_source_get_media (self->source) : NULL;
}

/**
 * tl_window_play_pause:
 *
 * Space: plays, or pauses and goes back the seconds the preferences say
 * (so that playing again repeats the last words).
 */
void
tl_window_play_pause (TlWindow *self)
{
  GSettings *settings = settings_of (self);
  gboolean playing = tl_player_get_state (self->player) == TL_PLAYER_STATE_PLAYING;
  double back = settings ? g_settings_get_double (settings, "rewind-on-pause") : 0;

  self->around_end = -1;
  if (!playing || back <= 0)
    {
      tl_player_toggle (self->player);
      return;
    }
  tl_player_pause (self->player);
  tl_window_seek (self, MAX (tl_player_get_position (self->player) - (gint64) (back * G_USEC_PER_SEC), 0));
}

/**
 * tl_window_play_around:
 *
 * Shift+Space: plays from a little before the position to a little after
 * it (the preferences say how long), then goes back to the position.
 */
void
tl_window_play_around (TlWindow *self)
{
  GSettings *settings = settings_of (self);
  gint64 around = (gint64) ((settings ? g_settings_get_double (settings, "play-around") : 1.0) * G_USEC_PER_SEC);
  gint64 position = tl_player_get_position (self->player);
  gint64 duration = tl_player_get_duration (self->player);

  if (position < 0)
    return;
  /* pressed again while playing around: around the same place */
  if (self->around_end >= 0)
    position = self->around_home;
  self->around_home = position;
  self->around_end = duration > 0 ? MIN (position + around, duration) : position + around;
  tl_player_seek (self->player, MAX (position - around, 0), TL_SEEK_ACCURATE);
  tl_player_play (self->player);
}

static void
on_around_position (TlPlayer *player, GParamSpec *pspec, TlWindow *self)
{
  if (self->around_end < 0 || tl_player_get_position (player) < self->around_end)
    return;
  /* paused meanwhile (K, a click): the play-around is over */
  if (tl_player_get_state (player) != TL_PLAYER_STATE_PLAYING)
    {
      self->around_end = -1;
      return;
    }
  self->around_end = -1;
  tl_player_pause (player);
  tl_window_seek (self, self->around_home);
}

/* Go to Time */

/**
 * tl_window_go_to_time:
 * @text: a timecode, a clock time, seconds, frames ("250f"), or any of
 *   these after + or - to move from the play position
 *
 * Returns: whether @text was a time (the player went there); otherwise a
 *   toast says what it takes
 */
gboolean
tl_window_go_to_time (TlWindow *self, const char *text)
{
  gint64 position;
  gint64 duration = tl_player_get_duration (self->player);

  if (!tl_time_format_parse (text, shown_media (self), tl_window_get_position (self), &position))
    {
      /* TRANSLATORS: %s is what was typed in Go to Time */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a time: type a timecode, seconds, or + or - and "
                                                    "an offset"), text);
      tl_window_toast_error (self, message);
      return FALSE;
    }
  if (duration > 0)
    position = MIN (position, duration);
  tl_window_seek (self, position);
  return TRUE;
}

static void
on_go_to_response (AdwMessageDialog *dialog, const char *response, TlWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  if (g_str_equal (response, "go"))
    tl_window_go_to_time (self, gtk_editable_get_text (entry));
}

static void
go_to_time_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  TlWindow *self = user_data;
  g_autofree char *now = tl_time_format_now (MAX (tl_window_get_position (self), 0), shown_media (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Go to Time"),
                                              _("A timecode, a time in seconds, or + or - and an offset "
                                                "from the play position"));
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), now);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_input_hints (GTK_ENTRY (entry), GTK_INPUT_HINT_NO_SPELLCHECK);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Time"), -1);
  gtk_widget_add_css_class (entry, "numeric");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "go", _("_Go"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "go", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "go");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_go_to_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Copy Timecode: SMPTE at the media's rate from its start timecode (what an
 * edit system takes), a clock time for sound alone. */
static void
copy_timecode_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  TlWindow *self = user_data;
  const TlMediaInfo *media = shown_media (self);
  gint64 position = tl_window_get_position (self);
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  TlTimeFormat *format = g_object_new (TL_TYPE_TIME_FORMAT, NULL);

  if (position < 0)
    return;
  text = tl_time_format_usec (format, position, media);
  g_object_unref (format);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  /* TRANSLATORS: a toast: %s is the timecode put on the clipboard */
  message = g_strdup_printf (_("Copied %s"), text);
  tl_window_toast (self, message, FALSE);
}

static void
play_around_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  tl_window_play_around (user_data);
}

static void
preferences_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  TlWindow *self = user_data;
  GSettings *settings = settings_of (self);

  if (settings == NULL)
    {
      tl_window_toast_error (self, _("Preferences need Tagline’s settings schema, which is not installed"));
      return;
    }
  gtk_window_present (GTK_WINDOW (tl_preferences_window_new (GTK_WINDOW (self), settings)));
}

/* Shift+Left and Shift+Right, and a pedal's rewind and forward: back
 * (-1) or ahead (1) by the seek step the preferences say. */
static void
skip_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  TlWindow *self = user_data;
  GSettings *settings = settings_of (self);
  double step = settings ? g_settings_get_double (settings, "seek-step") : DEFAULT_SKIP;
  gint64 delta = (gint64) (step * G_USEC_PER_SEC);

  g_action_group_activate_action (G_ACTION_GROUP (self), "seek-by",
                                  g_variant_new_int64 (g_variant_get_int32 (param) < 0 ? -delta : delta));
}

static const GActionEntry entries[] = {
  { "skip", skip_activated, "i" },
  { "preferences", preferences_activated },
  { "go-to-time", go_to_time_activated },
  { "copy-timecode", copy_timecode_activated },
  { "play-around", play_around_activated },
};

/* Keys of the editor's own (foot pedals) */

static gboolean
on_pedal_key (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  TlWindow *self = TL_WINDOW (widget);
  const char *action = user_data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* a pedal sends keys a text field may want too */
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_EDITABLE (w) || GTK_IS_TEXT_VIEW (w))
      return FALSE;
  if (!g_action_group_get_action_enabled (G_ACTION_GROUP (self), "play-pause"))
    return FALSE;
  if (g_str_equal (action, "play-pause"))
    tl_window_play_pause (self);
  else
    g_action_group_activate_action (G_ACTION_GROUP (self), "skip",
                                    g_variant_new_int32 (g_str_equal (action, "rewind") ? -1 : 1));
  return TRUE;
}

/* The keys the preferences give play/pause, rewind and forward, again. */
static void
update_pedal_keys (TlWindow *self)
{
  GSettings *settings = settings_of (self);
  static const struct {
    const char *key;
    const char *action;
  } keys[] = {
    { "key-play-pause", "play-pause" },
    { "key-rewind", "rewind" },
    { "key-forward", "forward" },
  };
  GListModel *model = G_LIST_MODEL (self->pedal_keys);

  while (g_list_model_get_n_items (model) > 0)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (model, 0);
      gtk_shortcut_controller_remove_shortcut (self->pedal_keys, shortcut);
    }
  for (guint i = 0; settings && i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *accel = g_settings_get_string (settings, keys[i].key);
      GtkShortcutTrigger *trigger = *accel ? gtk_shortcut_trigger_parse_string (accel) : NULL;

      if (trigger == NULL)
        continue;
      gtk_shortcut_controller_add_shortcut (self->pedal_keys,
                                            gtk_shortcut_new (trigger, gtk_callback_action_new (on_pedal_key,
                                                                                                (gpointer) keys[i].action,
                                                                                                NULL)));
    }
}

void
tl_window_transport_init (TlWindow *self)
{
  self->around_end = -1;
  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  g_signal_connect (self->player, "notify::position", G_CALLBACK (on_around_position), self);
  self->pedal_keys = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->pedal_keys), GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->pedal_keys));
}

/* The speed the preferences say, now and whenever they change it. */
static void
update_speed (TlWindow *self)
{
  GSettings *settings = settings_of (self);

  if (settings)
    tl_player_set_speed (self->player, g_settings_get_double (settings, "default-speed"));
}

/**
 * tl_window_apply_follow:
 *
 * Whether the transcript keeps the line playing in view, as the
 * preferences say: when a source opens and when the preference changes.
 */
void
tl_window_apply_follow (TlWindow *self)
{
  GSettings *settings = settings_of (self);

  if (settings)
    tl_transcript_view_set_following (self->transcript, g_settings_get_boolean (settings, "follow-playback"));
}

/* Once the window has its application (and so its settings). */
void
tl_window_transport_bind (TlWindow *self)
{
  GSettings *settings = settings_of (self);

  if (settings == NULL)
    return;
  update_pedal_keys (self);
  update_speed (self);
  tl_window_apply_follow (self);
  g_signal_connect_object (settings, "changed::default-speed", G_CALLBACK (update_speed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::follow-playback", G_CALLBACK (tl_window_apply_follow), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::key-play-pause", G_CALLBACK (update_pedal_keys), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::key-rewind", G_CALLBACK (update_pedal_keys), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::key-forward", G_CALLBACK (update_pedal_keys), self,
                           G_CONNECT_SWAPPED);
}
