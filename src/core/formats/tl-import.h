/* tl-import.h: sniffing a transcript's format and the registry of importers. */
#pragma once

#include <gio/gio.h>

#include "tl-document.h"

G_BEGIN_DECLS

#define TL_IMPORT_ERROR (tl_import_error_quark ())

typedef enum {
  TL_IMPORT_ERROR_EMPTY,       /* nothing in the file */
  TL_IMPORT_ERROR_BINARY,      /* not text */
  TL_IMPORT_ERROR_ENCODING,    /* text that cannot be decoded */
  TL_IMPORT_ERROR_UNKNOWN,     /* text, but no importer recognises it */
  TL_IMPORT_ERROR_PARSE,       /* recognised, but broken: see the line */
  TL_IMPORT_ERROR_IO,          /* could not be read */
  TL_IMPORT_ERROR_TOO_LARGE,   /* larger than TL_IMPORT_MAX_BYTES */
} TlImportError;

GQuark tl_import_error_quark (void);

/* Files larger than this are refused unread: 256 MB is some two million
 * cues, more than any transcript, and an import holds the text a few times
 * over in memory. */
#define TL_IMPORT_MAX_BYTES ((gsize) 256 * 1000 * 1000)

/* How deep a structured file (JSON, XML) may nest before it is refused
 * unread: their parsers recurse once per level, and no transcript needs
 * more than a handful. libxml2 holds XML to the same bound. */
#define TL_IMPORT_MAX_DEPTH 256

/* What an importer is given: the whole file as UTF-8 with LF line ends,
 * NUL-terminated. An importer that fails sets @error_line (1-based) when
 * the fault has a line, and the error's message says what is wrong there
 * without repeating the file or line ("end time before start time"). */
typedef struct {
  const char *path;      /* for messages only; may be NULL */
  const char *text;
  gsize length;
  guint error_line;
} TlImportContext;

typedef struct {
  const char *name;   /* stable id stored in the library: "srt", "webvtt", … */
  const char *label;  /* for people: "SubRip" */
  /* How sure the importer is that @text is its format: 0 = not at all,
   * 100 = certain (a signature). Must be cheap: look at the start only. */
  guint (*sniff) (const char *text, gsize length);
  TlDocument *(*parse) (TlImportContext *ctx, GError **error);
} TlImporter;

const TlImporter *const *tl_importers (guint *n_importers);
const TlImporter *tl_importer_find (const char *name);
const TlImporter *tl_importer_sniff (const char *text, gsize length);

TlDocument *tl_import_text (const char *path,
                            const char *text,
                            gsize length,
                            const char *format,
                            guint *error_line,
                            GError **error);
TlDocument *tl_import_bytes (const char *path,
                             const char *data,
                             gsize length,
                             const char *format,
                             guint *error_line,
                             GError **error);
TlDocument *tl_import_file (const char *path,
                            const char *format,
                            guint *error_line,
                            GError **error);

void tl_document_find_speakers (TlDocument *doc);

gboolean tl_import_fail (TlImportContext *ctx,
                         GError **error,
                         guint line,
                         const char *format,
                         ...) G_GNUC_PRINTF (4, 5);

/* The importers, one per file in src/core/formats/. */
extern const TlImporter tl_importer_srt;
extern const TlImporter tl_importer_whisper_json;
extern const TlImporter tl_importer_timestamped;
extern const TlImporter tl_importer_audacity;
extern const TlImporter tl_importer_ttml;
extern const TlImporter tl_importer_ssa;
extern const TlImporter tl_importer_eaf;
extern const TlImporter tl_importer_webvtt;
extern const TlImporter tl_importer_sbv;
extern const TlImporter tl_importer_video_page;
extern const TlImporter tl_importer_summary_page;
extern const TlImporter tl_importer_web_page;
extern const TlImporter tl_importer_article;
extern const TlImporter tl_importer_text;

G_END_DECLS
