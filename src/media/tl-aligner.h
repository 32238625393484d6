/* tl-aligner.h: forced alignment of a source's transcript to its media's
 * sound, in a thread, with progress and cancel; the result is stored as
 * one change of the library. */
#pragma once

#include <gio/gio.h>

#include "tl-library.h"

G_BEGIN_DECLS

#define TL_ALIGN_ERROR (tl_align_error_quark ())

typedef enum {
  TL_ALIGN_ERROR_NO_MEDIA,      /* the source has no media file */
  TL_ALIGN_ERROR_ALREADY_TIMED, /* its transcript came with times (use FORCE) */
  TL_ALIGN_ERROR_NO_TEXT,       /* nothing in the transcript can be read aloud */
} TlAlignError;

GQuark tl_align_error_quark (void);

typedef enum {
  TL_ALIGNER_FLAGS_NONE = 0,
  TL_ALIGNER_FLAGS_FORCE = 1 << 0, /* replace times that came with the transcript */
} TlAlignerFlags;

/* @stage: what is being done, for people ("Reading the sound") */
typedef void (*TlAlignerProgressFunc) (double fraction, const char *stage, gpointer user_data);

typedef struct {
  char *text;         /* as in the line */
  gint64 start;       /* µs */
  gint64 end;
} TlAlignedWord;

typedef struct {
  guint index;
  gint64 start;       /* µs */
  gint64 end;
  double confidence;  /* 0–1, or < 0 for lines with nothing to say */
  const char *flag;   /* NULL, "unspoken", "uncertain" (static) */
  gboolean anchor;
  GArray *words;      /* TlAlignedWord: the line's words, split at white space */
} TlAlignedSegment;

typedef struct {
  gint64 source_id;
  GArray *segments;   /* TlAlignedSegment, one per line */
  guint n_aligned;    /* lines placed from the sound */
  guint n_anchors;    /* lines timed by hand, kept */
  guint n_unspoken;
  guint n_uncertain;
  guint n_silent;     /* lines with nothing to read ([Music]) */
  double mean_confidence;
  char *voice;        /* the espeak-ng voice that read the transcript */
  double decode_seconds;
  double synth_seconds;
  double align_seconds;
} TlAlignReport;

void tl_align_report_free (TlAlignReport *report);

void tl_aligner_align_async (TlLibrary *library,
                             gint64 source_id,
                             TlAlignerFlags flags,
                             GCancellable *cancellable,
                             TlAlignerProgressFunc progress,
                             gpointer progress_data,
                             GDestroyNotify progress_data_destroy,
                             GAsyncReadyCallback callback,
                             gpointer user_data);
TlAlignReport *tl_aligner_align_finish (GAsyncResult *result, GError **error);

TlAlignReport *tl_aligner_align (TlLibrary *library,
                                 gint64 source_id,
                                 TlAlignerFlags flags,
                                 GCancellable *cancellable,
                                 TlAlignerProgressFunc progress,
                                 gpointer progress_data,
                                 GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlAlignReport, tl_align_report_free)

G_END_DECLS
