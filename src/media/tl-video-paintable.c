/* tl-video-paintable.c: wraps each frame the player shows in a
 * GdkMemoryTexture without copying it: the texture's bytes are the mapped
 * GStreamer buffer, released when GTK lets the texture go. Its size is the
 * picture's natural one, whatever size the frames come in. */
#include "tl-video-paintable.h"

#include <gst/gst.h>
#include <gst/video/video.h>

struct _TlVideoPaintable {
  GObject parent_instance;

  TlPlayer *player;
  GdkTexture *texture;
  int width;          /* the picture's natural size, in square pixels */
  int height;
};

static void tl_video_paintable_iface_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TlVideoPaintable, tl_video_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, tl_video_paintable_iface_init))

enum {
  PROP_0,
  PROP_PLAYER,
  PROP_TEXTURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tl_video_paintable_snapshot (GdkPaintable *paintable, GdkSnapshot *snapshot, double width, double height)
{
  TlVideoPaintable *self = TL_VIDEO_PAINTABLE (paintable);

  if (self->texture)
    gdk_paintable_snapshot (GDK_PAINTABLE (self->texture), snapshot, width, height);
}

static GdkPaintable *
tl_video_paintable_get_current_image (GdkPaintable *paintable)
{
  TlVideoPaintable *self = TL_VIDEO_PAINTABLE (paintable);

  if (self->texture)
    return GDK_PAINTABLE (g_object_ref (self->texture));
  return gdk_paintable_new_empty (self->width, self->height);
}

static int
tl_video_paintable_get_intrinsic_width (GdkPaintable *paintable)
{
  return TL_VIDEO_PAINTABLE (paintable)->width;
}

static int
tl_video_paintable_get_intrinsic_height (GdkPaintable *paintable)
{
  return TL_VIDEO_PAINTABLE (paintable)->height;
}

static double
tl_video_paintable_get_intrinsic_aspect_ratio (GdkPaintable *paintable)
{
  TlVideoPaintable *self = TL_VIDEO_PAINTABLE (paintable);

  return self->height > 0 ? (double) self->width / self->height : 0;
}

static void
tl_video_paintable_iface_init (GdkPaintableInterface *iface)
{
  iface->snapshot = tl_video_paintable_snapshot;
  iface->get_current_image = tl_video_paintable_get_current_image;
  iface->get_intrinsic_width = tl_video_paintable_get_intrinsic_width;
  iface->get_intrinsic_height = tl_video_paintable_get_intrinsic_height;
  iface->get_intrinsic_aspect_ratio = tl_video_paintable_get_intrinsic_aspect_ratio;
}

static void
unmap_frame (gpointer data)
{
  GstVideoFrame *frame = data;

  gst_video_frame_unmap (frame);
  g_free (frame);
}

static GdkTexture *
texture_for_sample (GstSample *sample, GstVideoInfo *info)
{
  GstBuffer *buffer = gst_sample_get_buffer (sample);
  GstCaps *caps = gst_sample_get_caps (sample);
  g_autoptr(GBytes) bytes = NULL;
  GstVideoFrame *frame;
  gsize size;

  if (buffer == NULL || caps == NULL || !gst_video_info_from_caps (info, caps)
      || GST_VIDEO_INFO_FORMAT (info) != GST_VIDEO_FORMAT_BGRA)
    return NULL;
  /* the mapping holds a reference on the buffer until GTK drops the bytes */
  frame = g_new0 (GstVideoFrame, 1);
  if (!gst_video_frame_map (frame, info, buffer, GST_MAP_READ))
    {
      g_free (frame);
      return NULL;
    }
  size = (gsize) GST_VIDEO_FRAME_PLANE_STRIDE (frame, 0) * GST_VIDEO_FRAME_HEIGHT (frame);
  bytes = g_bytes_new_with_free_func (GST_VIDEO_FRAME_PLANE_DATA (frame, 0), size, unmap_frame, frame);
  /* BGRA with opaque alpha is premultiplied already: GDK takes it as is */
  return gdk_memory_texture_new (GST_VIDEO_FRAME_WIDTH (frame), GST_VIDEO_FRAME_HEIGHT (frame),
                                 GDK_MEMORY_B8G8R8A8_PREMULTIPLIED, bytes,
                                 GST_VIDEO_FRAME_PLANE_STRIDE (frame, 0));
}

static void
set_texture (TlVideoPaintable *self, GdkTexture *texture)
{
  int width = 0, height = 0;

  if (texture == NULL && self->texture == NULL)
    return;
  g_set_object (&self->texture, texture);
  if (texture)
    {
      /* anamorphic pictures (DV, HDV) are wider than their pixels, and
       * frames scaled down for a small window are smaller than the picture */
      tl_player_get_video_size (self->player, &width, &height);
      if (width <= 0 || height <= 0)
        {
          width = gdk_texture_get_width (texture);
          height = gdk_texture_get_height (texture);
        }
    }
  if (width != self->width || height != self->height)
    {
      self->width = width;
      self->height = height;
      gdk_paintable_invalidate_size (GDK_PAINTABLE (self));
    }
  gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXTURE]);
}

static void
on_new_frame (TlPlayer *player, GstSample *sample, TlVideoPaintable *self)
{
  GstVideoInfo info;
  g_autoptr(GdkTexture) texture = texture_for_sample (sample, &info);

  if (texture)
    set_texture (self, texture);
}

static void
on_state_changed (TlPlayer *player, GParamSpec *pspec, TlVideoPaintable *self)
{
  /* a failed or closed source leaves no picture behind; a new one keeps
   * the old picture until its first frame, so nothing flashes */
  if (tl_player_get_state (player) == TL_PLAYER_STATE_EMPTY)
    set_texture (self, NULL);
}

static void
on_has_video_changed (TlPlayer *player, GParamSpec *pspec, TlVideoPaintable *self)
{
  if (!tl_player_get_has_video (player) && tl_player_get_state (player) != TL_PLAYER_STATE_LOADING)
    set_texture (self, NULL);
}

static void
tl_video_paintable_dispose (GObject *object)
{
  TlVideoPaintable *self = TL_VIDEO_PAINTABLE (object);

  if (self->player)
    g_signal_handlers_disconnect_by_data (self->player, self);
  g_clear_object (&self->player);
  g_clear_object (&self->texture);
  G_OBJECT_CLASS (tl_video_paintable_parent_class)->dispose (object);
}

static void
tl_video_paintable_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TlVideoPaintable *self = TL_VIDEO_PAINTABLE (object);

  switch (prop_id)
    {
    case PROP_PLAYER: g_value_set_object (value, self->player); break;
    case PROP_TEXTURE: g_value_set_object (value, self->texture); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_video_paintable_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  TlVideoPaintable *self = TL_VIDEO_PAINTABLE (object);

  switch (prop_id)
    {
    case PROP_PLAYER:
      self->player = g_value_dup_object (value);
      if (self->player)
        {
          g_signal_connect (self->player, "new-frame", G_CALLBACK (on_new_frame), self);
          g_signal_connect (self->player, "notify::state", G_CALLBACK (on_state_changed), self);
          g_signal_connect (self->player, "notify::has-video", G_CALLBACK (on_has_video_changed), self);
        }
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_video_paintable_class_init (TlVideoPaintableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tl_video_paintable_dispose;
  object_class->get_property = tl_video_paintable_get_property;
  object_class->set_property = tl_video_paintable_set_property;

  properties[PROP_PLAYER] =
    g_param_spec_object ("player", NULL, NULL, TL_TYPE_PLAYER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * TlVideoPaintable:texture:
   *
   * The frame on screen, or %NULL before the first one.
   */
  properties[PROP_TEXTURE] =
    g_param_spec_object ("texture", NULL, NULL, GDK_TYPE_TEXTURE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tl_video_paintable_init (TlVideoPaintable *self)
{
}

TlVideoPaintable *
tl_video_paintable_new (TlPlayer *player)
{
  g_return_val_if_fail (TL_IS_PLAYER (player), NULL);
  return g_object_new (TL_TYPE_VIDEO_PAINTABLE, "player", player, NULL);
}

TlPlayer *
tl_video_paintable_get_player (TlVideoPaintable *self)
{
  g_return_val_if_fail (TL_IS_VIDEO_PAINTABLE (self), NULL);
  return self->player;
}

/**
 * tl_video_paintable_get_texture:
 *
 * Returns: (transfer none) (nullable): the frame on screen
 */
GdkTexture *
tl_video_paintable_get_texture (TlVideoPaintable *self)
{
  g_return_val_if_fail (TL_IS_VIDEO_PAINTABLE (self), NULL);
  return self->texture;
}
