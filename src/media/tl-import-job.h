/* tl-import-job.h: bringing files into a library: transcripts paired with
 * their media by name, probed, timed, stored — for tagline-cli, and in a
 * thread for the window. */
#pragma once

#include <gio/gio.h>

#include "tl-library.h"

G_BEGIN_DECLS

/* What became of one file. */
typedef struct {
  char *file;          /* the transcript (or the file that failed) */
  char *media;         /* the media paired with it, or NULL */
  gint64 source_id;    /* the new source, 0 when it failed */
  char *title;
  TlSourceKind kind;
  char *format;
  guint n_segments;
  TlTiming timing;
  GPtrArray *warnings; /* char *, "line N: …" */
  char *error;         /* why it failed, NULL when it did not */
  guint error_line;    /* the line of a parse error, 0 if none */
} TlImportItem;

typedef struct {
  GPtrArray *items;    /* TlImportItem, in the order the files were taken */
  guint n_imported;
  guint n_failed;
  gboolean cancelled;  /* stopped before the last file */
} TlImportReport;

/* Called before each file with how many are done out of @total. */
typedef void (*TlImportProgressFunc) (guint done, guint total, const char *file, gpointer user_data);

void tl_import_report_free (TlImportReport *report);

TlImportReport *tl_import_job_run (TlLibrary *library,
                                   const char *const *paths,
                                   const char *media,
                                   const char *folder,
                                   const char *format,
                                   GCancellable *cancellable,
                                   TlImportProgressFunc progress,
                                   gpointer progress_data);

void tl_import_job_run_async (TlLibrary *library,
                              const char *const *paths,
                              gint64 folder_id,
                              GCancellable *cancellable,
                              TlImportProgressFunc progress,
                              gpointer progress_data,
                              GAsyncReadyCallback callback,
                              gpointer user_data);
TlImportReport *tl_import_job_run_finish (GAsyncResult *result, GError **error);

gboolean tl_import_named_like_transcript (const char *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlImportReport, tl_import_report_free)

G_END_DECLS
