/* tl-player-view.h: a player's picture with a transport bar under it:
 * play, frame steps, a position slider, the time and the speed. */
#pragma once

#include <gtk/gtk.h>

#include "tl-media-info.h"
#include "tl-player.h"

G_BEGIN_DECLS

#define TL_TYPE_PLAYER_VIEW (tl_player_view_get_type ())
G_DECLARE_FINAL_TYPE (TlPlayerView, tl_player_view, TL, PLAYER_VIEW, GtkWidget)

GtkWidget *tl_player_view_new (TlPlayer *player);
TlPlayer *tl_player_view_get_player (TlPlayerView *self);
void tl_player_view_set_player (TlPlayerView *self, TlPlayer *player);
GdkPaintable *tl_player_view_get_paintable (TlPlayerView *self);
void tl_player_view_set_marks (TlPlayerView *self, const gint64 *clips, guint n_clips, const gint64 *chapters,
                               guint n_chapters);
void tl_player_view_set_media (TlPlayerView *self, const TlMediaInfo *media);
void tl_player_view_set_strip (TlPlayerView *self, GtkWidget *strip);
void tl_player_view_set_picture_visible (TlPlayerView *self, gboolean visible);

G_END_DECLS
