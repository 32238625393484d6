/* tl-player-view.c: drives a TlPlayer only through its API and actions
 * (player.toggle, player.step, player.rate, player.seek-relative) and shows
 * it through its properties: the speed menu shows the chosen speed, and
 * the J/L shuttle's direction and rate show beside the buttons while it
 * applies. Labels change when the frame on screen does, not at every tick
 * of the frame clock. */
#include "config.h"

#include "tl-player-view.h"

#include <glib/gi18n.h>

#include "tl-text.h"
#include "tl-time-format.h"
#include "tl-types.h"
#include "tl-video-paintable.h"

/* The dropdown's speeds, in its order. */
static const double rates[] = { 0.5, 0.75, 1.0, 1.25, 1.5, 2.0 };

/* A drag of the slider counts as scrubbing until it has been still this long. */
#define SCRUB_IDLE_MS 250
/* The frames' size follows the picture's once a resize has rested this long. */
#define RESIZE_IDLE_MS 150

struct _TlPlayerView {
  GtkWidget parent_instance;

  TlPlayer *player;
  TlMediaInfo *media;    /* the source's, for its start timecode; or NULL */
  TlVideoPaintable *paintable;
  GSource *scrub_source; /* set while the editor drags the slider */
  GSource *resize_source;
  int picture_width;     /* as last drawn */
  int picture_height;

  /* template children */
  GtkPicture *picture;
  GtkWidget *transport;
  GtkButton *play_button;
  GtkScale *scale;
  GtkAdjustment *adjustment;
  GtkLabel *time_label;
  GtkLabel *duration_label;
  GtkWidget *end_box;
  GtkDropDown *rate_dropdown;
  GtkWidget *shuttle_box;
  GtkImage *shuttle_icon;
  GtkLabel *shuttle_label;
  GtkWidget *volume_button;
};

G_DEFINE_FINAL_TYPE (TlPlayerView, tl_player_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAYER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_time (TlPlayerView *self)
{
  gint64 position = tl_player_get_position (self->player);
  gint64 duration = tl_player_get_duration (self->player);
  TlMediaInfo played = { 0 };
  const TlMediaInfo *media = self->media;
  g_autofree char *now = NULL;
  g_autofree char *all = NULL;

  /* as the editor chose to read times (timecode at the media's own rate,
   * from its start timecode); without the source's media, the player's rate */
  if (media == NULL || media->fps_num <= 0)
    {
      if (media)
        played.start_timecode = media->start_timecode;
      if (tl_player_get_has_video (self->player))
        tl_player_get_framerate (self->player, &played.fps_num, &played.fps_den);
      media = &played;
    }
  now = tl_time_format_now (MAX (position, 0), media);
  all = duration > 0 ? tl_time_format_now (duration, media) : NULL;
  gtk_label_set_label (self->time_label, now);
  gtk_label_set_label (self->duration_label, all ? all : "");
  /* the slider follows playback, but not the editor's own drag */
  if (self->scrub_source == NULL && position >= 0)
    gtk_adjustment_set_value (self->adjustment, position / (double) TL_USEC_PER_SEC);
}

static void
on_time_format (TlPlayerView *self)
{
  if (self->player)
    update_time (self);
}

static void
on_position (TlPlayer *player, GParamSpec *pspec, TlPlayerView *self)
{
  update_time (self);
}

static void
on_duration (TlPlayer *player, GParamSpec *pspec, TlPlayerView *self)
{
  gint64 duration = tl_player_get_duration (player);

  gtk_adjustment_set_upper (self->adjustment, duration > 0 ? duration / (double) TL_USEC_PER_SEC : 1);
  update_time (self);
}

static void
update_actions (TlPlayerView *self)
{
  TlPlayerState state = self->player ? tl_player_get_state (self->player) : TL_PLAYER_STATE_EMPTY;
  gboolean usable = state != TL_PLAYER_STATE_EMPTY;
  gboolean playing = state == TL_PLAYER_STATE_PLAYING;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.toggle", usable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.step",
                                 usable && tl_player_get_has_video (self->player));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.rate", usable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.seek-relative", usable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale), usable);
  gtk_button_set_icon_name (self->play_button, playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), playing ? _("Pause") : _("Play"));
}

static void
on_state (TlPlayer *player, GParamSpec *pspec, TlPlayerView *self)
{
  update_actions (self);
}

/* The menu shows the speed chosen, never the shuttle's rate. */
static void
on_speed (TlPlayer *player, GParamSpec *pspec, TlPlayerView *self)
{
  double speed = tl_player_get_speed (player);

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    if (rates[i] == speed && gtk_drop_down_get_selected (self->rate_dropdown) != i)
      gtk_drop_down_set_selected (self->rate_dropdown, i);
}

static void
on_rate_selected (GtkDropDown *dropdown, GParamSpec *pspec, TlPlayerView *self)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  if (self->player && i < G_N_ELEMENTS (rates) && rates[i] != tl_player_get_speed (self->player))
    tl_player_set_speed (self->player, rates[i]);
}

/* J/L: which way and how fast, while the shuttle applies; the speed menu
 * is dimmed meanwhile (it applies again once K or Space stops). */
static void
on_shuttle (TlPlayer *player, GParamSpec *pspec, TlPlayerView *self)
{
  double shuttle = player ? tl_player_get_shuttle (player) : 0;
  int times = (int) ABS (shuttle);
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;

  gtk_widget_set_visible (self->shuttle_box, shuttle != 0);
  if (shuttle != 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->rate_dropdown), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->rate_dropdown), "dim-label");
  if (shuttle == 0)
    return;
  gtk_image_set_from_icon_name (self->shuttle_icon,
                                shuttle < 0 ? "media-seek-backward-symbolic" : "media-seek-forward-symbolic");
  /* TRANSLATORS: the J/L shuttle's speed, e.g. "2×" */
  text = g_strdup_printf (_("%d×"), times);
  description = shuttle < 0 ? g_strdup_printf (_("Shuttle: backwards at %d×"), times)
                            : g_strdup_printf (_("Shuttle: forwards at %d×"), times);
  gtk_label_set_label (self->shuttle_label, text);
  gtk_widget_set_tooltip_text (self->shuttle_box, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->shuttle_box), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static gboolean
on_scrub_idle (gpointer data)
{
  TlPlayerView *self = data;

  g_clear_pointer (&self->scrub_source, g_source_unref);
  return G_SOURCE_REMOVE;
}

/* Only the editor's moves of the slider: key frames at once, and the
 * player's exact seek when they stop. */
static gboolean
on_change_value (GtkRange *range, GtkScrollType scroll, double value, TlPlayerView *self)
{
  if (self->player == NULL)
    return TRUE;
  if (self->scrub_source)
    g_source_destroy (self->scrub_source);
  g_clear_pointer (&self->scrub_source, g_source_unref);
  self->scrub_source = g_timeout_source_new (SCRUB_IDLE_MS);
  g_source_set_callback (self->scrub_source, on_scrub_idle, self, NULL);
  g_source_attach (self->scrub_source, NULL);
  tl_player_seek (self->player, (gint64) (value * TL_USEC_PER_SEC),
                  scroll == GTK_SCROLL_JUMP ? TL_SEEK_SCRUB : TL_SEEK_ACCURATE);
  return FALSE;
}

/* Frames come from the player no larger than the picture shows them:
 * GStreamer scales them in its threads, and GTK paints them as they are. */
static void
apply_size_limit (TlPlayerView *self)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int width = gtk_widget_get_width (GTK_WIDGET (self->picture));
  int height = gtk_widget_get_height (GTK_WIDGET (self->picture));

  if (self->player && width > 0 && height > 0)
    tl_player_set_video_size_limit (self->player, width * scale, height * scale);
}

static gboolean
on_resize_idle (gpointer data)
{
  TlPlayerView *self = data;

  g_clear_pointer (&self->resize_source, g_source_unref);
  apply_size_limit (self);
  return G_SOURCE_REMOVE;
}

/* The layout manager allocates the children, so a change of the picture's
 * size is noticed when it is drawn. */
static void
tl_player_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  TlPlayerView *self = TL_PLAYER_VIEW (widget);
  int width = gtk_widget_get_width (GTK_WIDGET (self->picture));
  int height = gtk_widget_get_height (GTK_WIDGET (self->picture));

  GTK_WIDGET_CLASS (tl_player_view_parent_class)->snapshot (widget, snapshot);
  if (width == self->picture_width && height == self->picture_height)
    return;
  self->picture_width = width;
  self->picture_height = height;
  /* while a window is being resized, once it rests */
  if (self->resize_source)
    g_source_destroy (self->resize_source);
  g_clear_pointer (&self->resize_source, g_source_unref);
  self->resize_source = g_timeout_source_new (RESIZE_IDLE_MS);
  g_source_set_callback (self->resize_source, on_resize_idle, self, NULL);
  g_source_attach (self->resize_source, NULL);
}

static void
disconnect_player (TlPlayerView *self)
{
  if (self->player == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->player, self);
  gtk_picture_set_paintable (self->picture, NULL);
  g_clear_object (&self->paintable);
  g_clear_object (&self->player);
}

/**
 * tl_player_view_set_player:
 * @player: (nullable): the player to show and drive
 */
void
tl_player_view_set_player (TlPlayerView *self, TlPlayer *player)
{
  g_return_if_fail (TL_IS_PLAYER_VIEW (self));
  g_return_if_fail (player == NULL || TL_IS_PLAYER (player));

  if (self->player == player)
    return;
  disconnect_player (self);
  if (player)
    {
      self->player = g_object_ref (player);
      self->paintable = tl_video_paintable_new (player);
      gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (self->paintable));
      g_signal_connect (player, "notify::position", G_CALLBACK (on_position), self);
      g_signal_connect (player, "notify::duration", G_CALLBACK (on_duration), self);
      g_signal_connect (player, "notify::state", G_CALLBACK (on_state), self);
      g_signal_connect (player, "notify::has-video", G_CALLBACK (on_state), self);
      g_signal_connect (player, "notify::speed", G_CALLBACK (on_speed), self);
      g_signal_connect (player, "notify::shuttle", G_CALLBACK (on_shuttle), self);
      on_duration (player, NULL, self);
      on_speed (player, NULL, self);
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_scale_button_set_value (GTK_SCALE_BUTTON (self->volume_button), tl_player_get_volume (player));
      G_GNUC_END_IGNORE_DEPRECATIONS
      apply_size_limit (self);
    }
  on_shuttle (player, NULL, self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYER]);
}

TlPlayer *
tl_player_view_get_player (TlPlayerView *self)
{
  g_return_val_if_fail (TL_IS_PLAYER_VIEW (self), NULL);
  return self->player;
}

/**
 * tl_player_view_get_paintable:
 *
 * Returns: (transfer none) (nullable): what the picture shows
 */
GdkPaintable *
tl_player_view_get_paintable (TlPlayerView *self)
{
  g_return_val_if_fail (TL_IS_PLAYER_VIEW (self), NULL);
  return self->paintable ? GDK_PAINTABLE (self->paintable) : NULL;
}

/**
 * tl_player_view_set_marks:
 * @clips: (array length=n_clips): where clips start, in µs (marked below)
 * @chapters: (array length=n_chapters): where chapters start (marked above)
 *
 * Marks the seek bar, so that the editor sees where the clips and
 * chapters of the source are.
 */
void
tl_player_view_set_marks (TlPlayerView *self, const gint64 *clips, guint n_clips, const gint64 *chapters,
                          guint n_chapters)
{
  g_return_if_fail (TL_IS_PLAYER_VIEW (self));
  gtk_scale_clear_marks (self->scale);
  for (guint i = 0; i < n_clips; i++)
    gtk_scale_add_mark (self->scale, clips[i] / (double) TL_USEC_PER_SEC, GTK_POS_BOTTOM, NULL);
  for (guint i = 0; i < n_chapters; i++)
    gtk_scale_add_mark (self->scale, chapters[i] / (double) TL_USEC_PER_SEC, GTK_POS_TOP, NULL);
}

/**
 * tl_player_view_set_strip:
 * @strip: a widget to show between the picture and the transport (the
 *   timeline), as wide as the picture
 */
void
tl_player_view_set_strip (TlPlayerView *self, GtkWidget *strip)
{
  g_return_if_fail (TL_IS_PLAYER_VIEW (self));
  g_return_if_fail (GTK_IS_WIDGET (strip) && gtk_widget_get_parent (strip) == NULL);
  gtk_widget_insert_after (strip, GTK_WIDGET (self), GTK_WIDGET (self->picture));
}

/**
 * tl_player_view_set_media:
 * @media: (nullable): what is known of the media played (its frame rate,
 *   its start timecode), for the times shown
 */
void
tl_player_view_set_media (TlPlayerView *self, const TlMediaInfo *media)
{
  g_return_if_fail (TL_IS_PLAYER_VIEW (self));
  g_clear_pointer (&self->media, tl_media_info_free);
  self->media = media ? tl_media_info_copy (media) : NULL;
  if (self->player)
    update_time (self);
}

/* Sound alone has no picture: the space goes to what the window shows
 * instead (a waveform). */
void
tl_player_view_set_picture_visible (TlPlayerView *self, gboolean visible)
{
  g_return_if_fail (TL_IS_PLAYER_VIEW (self));
  gtk_widget_set_visible (GTK_WIDGET (self->picture), visible);
}

static void
on_volume (GtkScaleButton *button, double value, TlPlayerView *self)
{
  if (self->player && ABS (tl_player_get_volume (self->player) - value) > 0.001)
    tl_player_set_volume (self->player, value);
}

GtkWidget *
tl_player_view_new (TlPlayer *player)
{
  return g_object_new (TL_TYPE_PLAYER_VIEW, "player", player, NULL);
}

/* Actions */

static void
action_toggle (GtkWidget *widget, const char *name, GVariant *param)
{
  tl_player_toggle (TL_PLAYER_VIEW (widget)->player);
}

static void
action_step (GtkWidget *widget, const char *name, GVariant *param)
{
  tl_player_step (TL_PLAYER_VIEW (widget)->player, g_variant_get_int32 (param));
}

/* The chosen speed (a J/L shuttle ends) */
static void
action_rate (GtkWidget *widget, const char *name, GVariant *param)
{
  tl_player_set_speed (TL_PLAYER_VIEW (widget)->player, g_variant_get_double (param));
}

static void
action_seek_relative (GtkWidget *widget, const char *name, GVariant *param)
{
  TlPlayer *player = TL_PLAYER_VIEW (widget)->player;

  tl_player_seek (player, MAX (tl_player_get_position (player), 0) + g_variant_get_int64 (param), TL_SEEK_ACCURATE);
}

static void
tl_player_view_dispose (GObject *object)
{
  TlPlayerView *self = TL_PLAYER_VIEW (object);

  if (self->scrub_source)
    g_source_destroy (self->scrub_source);
  g_clear_pointer (&self->scrub_source, g_source_unref);
  if (self->resize_source)
    g_source_destroy (self->resize_source);
  g_clear_pointer (&self->resize_source, g_source_unref);
  disconnect_player (self);
  g_signal_handlers_disconnect_by_data (tl_time_format_get_default (), self);
  g_clear_pointer (&self->media, tl_media_info_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_PLAYER_VIEW);
  /* what was put beside the template's children */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (tl_player_view_parent_class)->dispose (object);
}

static void
tl_player_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TlPlayerView *self = TL_PLAYER_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAYER: g_value_set_object (value, self->player); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_player_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  TlPlayerView *self = TL_PLAYER_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAYER: tl_player_view_set_player (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_player_view_class_init (TlPlayerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_player_view_dispose;
  object_class->get_property = tl_player_view_get_property;
  object_class->set_property = tl_player_view_set_property;
  widget_class->snapshot = tl_player_view_snapshot;

  properties[PROP_PLAYER] =
    g_param_spec_object ("player", NULL, NULL, TL_TYPE_PLAYER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/tagline/Tagline/widgets/tl-player-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TlPlayerView, picture);
  gtk_widget_class_bind_template_child (widget_class, TlPlayerView, transport);
  gtk_widget_class_bind_template_child (widget_class, TlPlayerView, play_button);
  gtk_widget_class_bind_template_child (widget_class, TlPlayerView, scale);
  gtk_widget_class_bind_template_child (widget_class, TlPlayerView, adjustment);
  gtk_widget_class_bind_template_child (widget_class, TlPlayerView, time_label);
  gtk_widget_class_bind_template_child (widget_class, TlPlayerView, duration_label);
  gtk_widget_class_bind_template_child (widget_class, TlPlayerView, end_box);
  gtk_widget_class_bind_template_child (widget_class, TlPlayerView, rate_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TlPlayerView, shuttle_box);
  gtk_widget_class_bind_template_child (widget_class, TlPlayerView, shuttle_icon);
  gtk_widget_class_bind_template_child (widget_class, TlPlayerView, shuttle_label);
  gtk_widget_class_bind_template_callback (widget_class, on_change_value);
  gtk_widget_class_bind_template_callback (widget_class, on_rate_selected);

  gtk_widget_class_install_action (widget_class, "player.toggle", NULL, action_toggle);
  gtk_widget_class_install_action (widget_class, "player.step", "i", action_step);
  gtk_widget_class_install_action (widget_class, "player.rate", "d", action_rate);
  gtk_widget_class_install_action (widget_class, "player.seek-relative", "x", action_seek_relative);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tl-player-view");
}

static void
tl_player_view_init (TlPlayerView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  /* GtkVolumeButton is what GTK 4.8 has (4.10 deprecates it) */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  self->volume_button = gtk_volume_button_new ();
  gtk_scale_button_set_value (GTK_SCALE_BUTTON (self->volume_button), 1.0);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->volume_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Volume"), -1);
  g_signal_connect (self->volume_button, "value-changed", G_CALLBACK (on_volume), self);
  g_signal_connect_swapped (tl_time_format_get_default (), "notify::kind", G_CALLBACK (on_time_format), self);
  gtk_box_append (GTK_BOX (self->end_box), self->volume_button);
  update_actions (self);
}
