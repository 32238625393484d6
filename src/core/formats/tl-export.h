/* tl-export.h: the exporter interface and the registry of clip-list formats. */
#pragma once

#include "tl-library.h"

G_BEGIN_DECLS

#define TL_EXPORT_ERROR (tl_export_error_quark ())

typedef enum {
  TL_EXPORT_ERROR_UNKNOWN_FORMAT,
  TL_EXPORT_ERROR_NOTHING,   /* no clip matches the filter */
  TL_EXPORT_ERROR_TOO_MANY,  /* more clips than the format holds */
  TL_EXPORT_ERROR_WRITE,
} TlExportError;

GQuark tl_export_error_quark (void);

/* One clip with what every format needs to write it. */
typedef struct {
  TlClip *clip;
  TlSource *source;
  char *text;   /* the words said inside the clip */
} TlExportItem;

typedef struct {
  TlLibrary *library;
  GPtrArray *items;     /* TlExportItem, in export order */
  guint n_skipped;      /* clips the format cannot hold (quotes in time-based formats) */
} TlExportContext;

typedef struct {
  const char *name;       /* "csv" */
  const char *label;      /* "CSV spreadsheet" */
  const char *extension;  /* "csv" */
  gboolean (*write) (TlExportContext *ctx, GString *out, GError **error);
} TlExporter;

const TlExporter *const *tl_exporters (guint *n_exporters);
const TlExporter *tl_exporter_find (const char *name);

typedef struct {
  guint n_clips;    /* written */
  guint n_skipped;  /* left out because the format cannot hold them */
} TlExportStats;

gboolean tl_export_to_string (TlLibrary *library,
                              const TlClipFilter *filter,
                              const char *format,
                              GString *out,
                              TlExportStats *stats,
                              GError **error);
gboolean tl_export_to_file (TlLibrary *library,
                            const TlClipFilter *filter,
                            const char *format,
                            const char *path,
                            TlExportStats *stats,
                            GError **error);

char *tl_export_format_timecode (TlSource *source, gint64 usec);

extern const TlExporter tl_exporter_csv;
extern const TlExporter tl_exporter_json;

G_END_DECLS
