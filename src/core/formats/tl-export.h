/* tl-export.h: the exporter interface and the registry of clip-list formats. */
#pragma once

#include "tl-clip-lines.h"
#include "tl-library.h"

G_BEGIN_DECLS

#define TL_EXPORT_ERROR (tl_export_error_quark ())

typedef enum {
  TL_EXPORT_ERROR_UNKNOWN_FORMAT,
  TL_EXPORT_ERROR_NOTHING,   /* no clip matches the filter, or none the format can hold */
  TL_EXPORT_ERROR_TOO_MANY,  /* more clips than the format holds */
  TL_EXPORT_ERROR_WRITE,
} TlExportError;

GQuark tl_export_error_quark (void);

/* The frame rate time-based formats give clips whose source has no video
 * frame rate (a transcript without media, an audio file): 25 fps, unless
 * TlExportOptions says otherwise. The files say where it was assumed. */
#define TL_EXPORT_DEFAULT_FPS_NUM 25
#define TL_EXPORT_DEFAULT_FPS_DEN 1

/* CMX 3600 numbers its events 001 to 999. */
#define TL_EXPORT_EDL_MAX_EVENTS 999

typedef enum {
  TL_EXPORT_TIMELINE_CLIPS,  /* subtitles on the clips laid end to end from zero (the exported sequence) */
  TL_EXPORT_TIMELINE_SOURCE, /* subtitles at their times in their sources */
} TlExportTimeline;

/* How to write; a zeroed struct (or %NULL) gives the defaults. The order
 * of the clips is the filter's (TlClipFilter.order). */
typedef struct {
  const char *title;          /* of the sequence, EDL, page; NULL: "Tagline export" */
  TlExportTimeline timeline;  /* srt, vtt */
  int fps_num;                /* rate for sources without one; 0: TL_EXPORT_DEFAULT_FPS_* */
  int fps_den;
  gboolean split;             /* edl: past 999 events, several files instead of an error */
} TlExportOptions;

/* One line of a clip's transcript (its words said), at its source time:
 * the lines tl_clip_lines_collect() finds. */
typedef TlClipLine TlExportLine;

/* One clip with what every format needs to write it. Frames are snapped
 * once, here, so that every format cuts on the same frames. */
typedef struct {
  TlClip *clip;
  TlSource *source;
  char *text;          /* the words said inside the clip */
  GPtrArray *lines;    /* (element-type TlExportLine): the lines inside, in order */

  /* for clips with times (timed == FALSE: quotes from articles and
   * untimed transcripts, which time-based formats leave out) */
  gboolean timed;
  int fps_num;         /* the media's frame rate, or the default */
  int fps_den;
  gboolean default_rate; /* the source has no frame rate of its own */
  gint64 origin;       /* the media's timecode origin, in frames */
  gint64 in_frame;     /* nearest frame to the clip's in, from the start of the media */
  gint64 out_frame;    /* nearest frame to its out (exclusive); at least in_frame + 1 */
  gint64 media_frames; /* the media's length in frames, at least to the end of its last clip here */
  gint64 record_in;    /* on the timeline (ctx rate), clips laid end to end from 0 */
  gint64 record_out;
} TlExportItem;

typedef struct {
  TlLibrary *library;   /* only while gathering: writers use what is below */
  GPtrArray *items;     /* TlExportItem, in export order */
  guint n_skipped;      /* clips the format cannot hold (quotes in time-based formats) */

  TlExportOptions options; /* title never NULL */
  GPtrArray *topics;    /* (element-type TlTopic): every topic, in the library's order */
  int fps_num;          /* the timeline's rate: the first timed clip's media, else the default */
  int fps_den;
  guint n_timed;
  guint n_default_rate; /* timed clips at the default rate */
  GArray *part_ends;    /* (element-type gsize): where each file ends when a format splits */
  GCancellable *cancellable;
  /* private */
  TlClipLines *clip_lines;   /* the lines of the clips' sources */
} TlExportContext;

typedef struct {
  const char *name;       /* "csv" */
  const char *label;      /* "CSV spreadsheet" */
  const char *extension;  /* "csv" */
  gboolean time_based;    /* holds only clips with times: quotes are left out */
  gboolean (*write) (TlExportContext *ctx, GString *out, GError **error);
} TlExporter;

const TlExporter *const *tl_exporters (guint *n_exporters);
const TlExporter *tl_exporter_find (const char *name);

typedef struct {
  guint n_clips;        /* written */
  guint n_skipped;      /* left out because the format cannot hold them */
  guint n_default_rate; /* written at the default frame rate: their source has none */
  guint n_files;        /* files written: more than one when an EDL was split */
} TlExportStats;

TlExportContext *tl_export_context_new (TlLibrary *library,
                                        const TlClipFilter *filter,
                                        const TlExportOptions *options,
                                        GError **error);
gboolean tl_export_context_write (TlExportContext *ctx,
                                  const TlExporter *exporter,
                                  GString *out,
                                  TlExportStats *stats,
                                  GError **error);
void tl_export_context_free (TlExportContext *ctx);

gboolean tl_export_to_string (TlLibrary *library,
                              const TlClipFilter *filter,
                              const char *format,
                              const TlExportOptions *options,
                              GString *out,
                              TlExportStats *stats,
                              GError **error);
gboolean tl_export_to_file (TlLibrary *library,
                            const TlClipFilter *filter,
                            const char *format,
                            const TlExportOptions *options,
                            const char *path,
                            TlExportStats *stats,
                            GError **error);
void tl_export_to_file_async (TlLibrary *library,
                              const TlClipFilter *filter,
                              const char *format,
                              const TlExportOptions *options,
                              const char *path,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data);
gboolean tl_export_to_file_finish (GAsyncResult *result,
                                   TlExportStats *stats,
                                   GError **error);
char *tl_export_part_path (const char *path, guint part);

char *tl_export_format_timecode (TlSource *source, gint64 usec);

extern const TlExporter tl_exporter_csv;
extern const TlExporter tl_exporter_json;
extern const TlExporter tl_exporter_edl;
extern const TlExporter tl_exporter_fcpxml;
extern const TlExporter tl_exporter_xmeml;
extern const TlExporter tl_exporter_otio;
extern const TlExporter tl_exporter_srt;
extern const TlExporter tl_exporter_vtt;
extern const TlExporter tl_exporter_md;
extern const TlExporter tl_exporter_html;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlExportContext, tl_export_context_free)

G_END_DECLS
