/* tl-preferences-window.c: every row is bound to its setting, so a change
 * applies at once (no Apply button). A key row waits for the next key
 * pressed: Escape leaves it as it was, Backspace clears it. */
#include "config.h"

#include "tl-preferences-window.h"

#include <glib/gi18n.h>
#include <math.h>

struct _TlPreferencesWindow {
  AdwPreferencesWindow parent_instance;

  GSettings *settings;
  char *capturing;            /* the key setting waiting for a key, or NULL */
  GHashTable *key_buttons;    /* setting → its GtkButton */

  /* template children */
  AdwPreferencesPage *playback_page;
  AdwComboRow *time_format_row;
  GtkAdjustment *rewind_adjustment;
  GtkAdjustment *around_adjustment;
  GtkAdjustment *seek_adjustment;
  AdwComboRow *speed_row;
  GtkSwitch *follow_switch;
  GtkAdjustment *nudge_adjustment;
  AdwPreferencesGroup *keys_group;
  AdwComboRow *style_row;
  AdwActionRow *start_library_row;
  GtkButton *start_library_reset;
  GtkButton *start_library_choose;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (TlPreferencesWindow, tl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The combo rows' orders */
static const char *const formats[] = { "timecode", "clock", "frames", NULL };
static const char *const schemes[] = { "system", "light", "dark", NULL };
static const double speeds[] = { 0.5, 0.75, 1.0, 1.25, 1.5, 2.0 };

static const struct {
  const char *setting;
  const char *title;
} key_rows[] = {
  { "key-play-pause", N_("Play or Pause") },
  { "key-rewind", N_("Go Back") },
  { "key-forward", N_("Go Ahead") },
};

/* A choice setting ↔ its combo row: @data is the row's NULL-ended names. */
static gboolean
name_to_selected (GValue *value, GVariant *variant, gpointer data)
{
  const char *const *names = data;
  const char *name = g_variant_get_string (variant, NULL);

  for (guint i = 0; names[i]; i++)
    if (g_str_equal (name, names[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
selected_to_name (const GValue *value, const GVariantType *type, gpointer data)
{
  const char *const *names = data;
  guint i = g_value_get_uint (value);

  return i < g_strv_length ((char **) names) ? g_variant_new_string (names[i]) : NULL;
}

static gboolean
speed_to_selected (GValue *value, GVariant *variant, gpointer data)
{
  double speed = g_variant_get_double (variant);
  guint nearest = 0;

  for (guint i = 1; i < G_N_ELEMENTS (speeds); i++)
    if (fabs (speeds[i] - speed) < fabs (speeds[nearest] - speed))
      nearest = i;
  g_value_set_uint (value, nearest);
  return TRUE;
}

static GVariant *
selected_to_speed (const GValue *value, const GVariantType *type, gpointer data)
{
  guint i = g_value_get_uint (value);

  return i < G_N_ELEMENTS (speeds) ? g_variant_new_double (speeds[i]) : NULL;
}

/* The library at start: the file chosen, or the last one opened. */
static void
show_start_library (TlPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "start-library");

  if (*path)
    {
      g_autofree char *shown = g_filename_display_name (path);
      adw_action_row_set_subtitle (self->start_library_row, shown);
    }
  else
    adw_action_row_set_subtitle (self->start_library_row, _("The library opened last"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_library_reset), *path != '\0');
}

static void
on_start_library_chosen (GtkNativeDialog *dialog, int response, TlPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      if (path)
        tl_preferences_window_set_start_library (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
on_start_library_choose (GtkButton *button, TlPreferencesWindow *self)
{
  g_autoptr(GtkFileFilter) libraries = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Library at Start"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (libraries, _("Tagline Libraries"));
  gtk_file_filter_add_mime_type (libraries, "application/x-tagline-library");
  gtk_file_filter_add_suffix (libraries, "tagline");
  gtk_file_filter_add_suffix (libraries, "db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), libraries);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_start_library_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_start_library_reset (GtkButton *button, TlPreferencesWindow *self)
{
  tl_preferences_window_set_start_library (self, NULL);
}

/**
 * tl_preferences_window_set_start_library:
 * @path: (nullable): the library file to open at start; %NULL: the one
 *   opened last
 *
 * What choosing a file in Library at Start does.
 */
void
tl_preferences_window_set_start_library (TlPreferencesWindow *self, const char *path)
{
  g_return_if_fail (TL_IS_PREFERENCES_WINDOW (self));
  g_settings_set_string (self->settings, "start-library", path ? path : "");
}

/* A key's button says which key it is, or that it waits for one. */
static void
show_key (TlPreferencesWindow *self, const char *setting)
{
  GtkWidget *button = g_hash_table_lookup (self->key_buttons, setting);
  g_autofree char *accel = g_settings_get_string (self->settings, setting);
  g_autofree char *label = NULL;
  guint keyval = 0;
  GdkModifierType mods = 0;

  if (button == NULL)
    return;
  if (g_strcmp0 (self->capturing, setting) == 0)
    label = g_strdup (_("Press a key…"));
  else if (*accel && gtk_accelerator_parse (accel, &keyval, &mods))
    label = gtk_accelerator_get_label (keyval, mods);
  else
    label = g_strdup (_("None"));
  gtk_button_set_label (GTK_BUTTON (button), label);
}

static void
on_key_setting_changed (GSettings *settings, const char *key, TlPreferencesWindow *self)
{
  show_key (self, key);
}

/**
 * tl_preferences_window_capture_key:
 * @setting: the key setting that the next key pressed is given to
 */
void
tl_preferences_window_capture_key (TlPreferencesWindow *self, const char *setting)
{
  g_autofree char *previous = g_steal_pointer (&self->capturing);

  g_return_if_fail (TL_IS_PREFERENCES_WINDOW (self));
  self->capturing = g_strdup (setting);
  if (previous)
    show_key (self, previous);
  show_key (self, setting);
}

/**
 * tl_preferences_window_take_key:
 *
 * The key pressed while a key row waits: it becomes that row's key
 * (Escape: no change; Backspace: none).
 *
 * Returns: whether a row was waiting for it
 */
gboolean
tl_preferences_window_take_key (TlPreferencesWindow *self, guint keyval, GdkModifierType state)
{
  g_autofree char *setting = NULL;
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  if (self->capturing == NULL)
    return FALSE;
  /* a modifier alone is half a key */
  switch (keyval)
    {
    case GDK_KEY_Shift_L: case GDK_KEY_Shift_R: case GDK_KEY_Control_L: case GDK_KEY_Control_R:
    case GDK_KEY_Alt_L: case GDK_KEY_Alt_R: case GDK_KEY_Super_L: case GDK_KEY_Super_R: case GDK_KEY_Meta_L:
    case GDK_KEY_Meta_R: case GDK_KEY_ISO_Level3_Shift:
      return TRUE;
    default:
      break;
    }
  setting = g_steal_pointer (&self->capturing);
  if (keyval == GDK_KEY_BackSpace && mods == 0)
    g_settings_set_string (self->settings, setting, "");
  else if (keyval != GDK_KEY_Escape)
    {
      g_autofree char *accel = gtk_accelerator_name (gdk_keyval_to_lower (keyval), mods);
      g_settings_set_string (self->settings, setting, accel);
    }
  show_key (self, setting);
  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *keys, guint keyval, guint keycode, GdkModifierType state,
                TlPreferencesWindow *self)
{
  return tl_preferences_window_take_key (self, keyval, state);
}

static void
on_key_button_clicked (GtkButton *button, TlPreferencesWindow *self)
{
  tl_preferences_window_capture_key (self, g_object_get_data (G_OBJECT (button), "setting"));
}

static void
add_key_rows (TlPreferencesWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (key_rows); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new ();
      g_autofree char *signal = g_strconcat ("changed::", key_rows[i].setting, NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(key_rows[i].title));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Press, then press the key (Backspace: none, Escape: no change)"));
      g_object_set_data_full (G_OBJECT (button), "setting", g_strdup (key_rows[i].setting), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_key_button_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->keys_group, row);
      g_hash_table_insert (self->key_buttons, g_strdup (key_rows[i].setting), button);
      g_signal_connect_object (self->settings, signal, G_CALLBACK (on_key_setting_changed), self, 0);
      show_key (self, key_rows[i].setting);
    }
}

static void
tl_preferences_window_dispose (GObject *object)
{
  TlPreferencesWindow *self = TL_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_PREFERENCES_WINDOW);
  g_clear_pointer (&self->key_buttons, g_hash_table_unref);
  g_clear_pointer (&self->capturing, g_free);
  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (tl_preferences_window_parent_class)->dispose (object);
}

static void
tl_preferences_window_class_init (TlPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = tl_preferences_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/tagline/Tagline/dialogs/tl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TlPreferencesWindow, playback_page);
  gtk_widget_class_bind_template_child (widget_class, TlPreferencesWindow, time_format_row);
  gtk_widget_class_bind_template_child (widget_class, TlPreferencesWindow, rewind_adjustment);
  gtk_widget_class_bind_template_child (widget_class, TlPreferencesWindow, around_adjustment);
  gtk_widget_class_bind_template_child (widget_class, TlPreferencesWindow, keys_group);
  gtk_widget_class_bind_template_child (widget_class, TlPreferencesWindow, seek_adjustment);
  gtk_widget_class_bind_template_child (widget_class, TlPreferencesWindow, speed_row);
  gtk_widget_class_bind_template_child (widget_class, TlPreferencesWindow, follow_switch);
  gtk_widget_class_bind_template_child (widget_class, TlPreferencesWindow, nudge_adjustment);
  gtk_widget_class_bind_template_child (widget_class, TlPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, TlPreferencesWindow, start_library_row);
  gtk_widget_class_bind_template_child (widget_class, TlPreferencesWindow, start_library_reset);
  gtk_widget_class_bind_template_child (widget_class, TlPreferencesWindow, start_library_choose);
  gtk_widget_class_bind_template_callback (widget_class, on_start_library_choose);
  gtk_widget_class_bind_template_callback (widget_class, on_start_library_reset);
}

static void
tl_preferences_window_init (TlPreferencesWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->key_buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* before the rows: the key waited for is not theirs */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/**
 * tl_preferences_window_new:
 * @settings: the application's settings, which the rows change
 */
TlPreferencesWindow *
tl_preferences_window_new (GtkWindow *parent, GSettings *settings)
{
  TlPreferencesWindow *self = g_object_new (TL_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind_with_mapping (settings, "time-format", self->time_format_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                name_to_selected, selected_to_name, (gpointer) formats, NULL);
  g_settings_bind (settings, "rewind-on-pause", self->rewind_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "play-around", self->around_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "seek-step", self->seek_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "default-speed", self->speed_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                speed_to_selected, selected_to_speed, NULL, NULL);
  g_settings_bind (settings, "follow-playback", self->follow_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "nudge-step", self->nudge_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "color-scheme", self->style_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                name_to_selected, selected_to_name, (gpointer) schemes, NULL);
  g_signal_connect_object (settings, "changed::start-library", G_CALLBACK (show_start_library), self,
                           G_CONNECT_SWAPPED);
  show_start_library (self);
  add_key_rows (self);
  return self;
}

/**
 * tl_preferences_window_get_playback_page:
 *
 * Returns: (transfer none): the page of times and transport, where more
 *   groups can go
 */
AdwPreferencesPage *
tl_preferences_window_get_playback_page (TlPreferencesWindow *self)
{
  g_return_val_if_fail (TL_IS_PREFERENCES_WINDOW (self), NULL);
  return self->playback_page;
}
