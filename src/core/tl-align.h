/* tl-align.h: forced alignment of transcript lines to a recording, given
 * the features of the recording and of a synthesized reading of the lines:
 * where each line starts and ends, how sure that is, and which lines were
 * probably never said. Pure computation: no audio I/O, no synthesis. */
#pragma once

#include <gio/gio.h>

#include "tl-features.h"

G_BEGIN_DECLS

typedef enum {
  TL_ALIGN_FLAG_NONE,
  TL_ALIGN_FLAG_UNSPOKEN,  /* squeezed to nothing: probably not in the audio */
  TL_ALIGN_FLAG_UNCERTAIN, /* the audio around it does not match well */
} TlAlignFlag;

const char *tl_align_flag_to_string (TlAlignFlag flag);

/* A word of a line. */
typedef struct {
  /* in: where its reading starts in the reference, µs; < 0: nothing was
   * read for it (a [tag] inside the line) */
  gint64 ref_start;
  /* out: µs in the recording, inside its line's times */
  gint64 start;
  gint64 end;
} TlAlignWord;

typedef struct {
  /* in: where the reading of the line is in the reference, in µs from
   * the reference's start: its first word, and the end of its audio.
   * ref_start < 0: nothing was read for it ([Music], an empty line). */
  gint64 ref_start;
  gint64 ref_end;
  /* in: a line timed by hand keeps its start (and end, when known) */
  gboolean anchor;
  /* in for anchors, out for the others: µs in the recording */
  gint64 start;
  gint64 end;
  /* out */
  double confidence; /* 0–1, or -1 when the line had nothing to read */
  TlAlignFlag flag;
  /* in/out (may be NULL): the line's words in order, whose starts and
   * ends tl_align_lines() fills */
  TlAlignWord *words;
  guint n_words;
} TlAlignLine;

/* Energy voice activity: which frames are speech. */
typedef struct {
  guint n_frames;
  guint8 *speech;   /* per frame: 1 speech, 0 pause */
  float threshold;  /* dB */
} TlVad;

TlVad *tl_vad_new (const float *energy, guint n_frames);
void tl_vad_free (TlVad *vad);
guint tl_vad_snap_start (const TlVad *vad, guint frame, guint limit);
guint tl_vad_snap_end (const TlVad *vad, guint frame, guint limit);

typedef void (*TlAlignProgressFunc) (double fraction, gpointer user_data);

gboolean tl_align_lines (const TlFeatures *recording,
                         const TlFeatures *reference,
                         TlAlignLine *lines,
                         guint n_lines,
                         GCancellable *cancellable,
                         TlAlignProgressFunc progress,
                         gpointer progress_data,
                         GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlVad, tl_vad_free)

G_END_DECLS
