/* tl-timecode.h: microseconds <-> frames <-> SMPTE timecode at a real frame rate. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gint64 tl_timecode_usec_to_frames (gint64 usec, int fps_num, int fps_den);
gint64 tl_timecode_frames_to_usec (gint64 frames, int fps_num, int fps_den);
gboolean tl_timecode_is_drop_frame_rate (int fps_num, int fps_den);
char *tl_timecode_format_frames (gint64 frames, int fps_num, int fps_den, gboolean drop_frame);
char *tl_timecode_format (gint64 usec, int fps_num, int fps_den);
char *tl_timecode_format_range (gint64 in, gint64 out, int fps_num, int fps_den, const char *origin);
gboolean tl_timecode_parse_frames (const char *timecode, int fps_num, int fps_den, gint64 *frames);
gboolean tl_timecode_parse_rate (const char *text, int *fps_num, int *fps_den);

G_END_DECLS
