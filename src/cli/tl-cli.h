/* tl-cli.h: what tagline-cli's commands share: the command table's entry,
 * the state of one run, option parsing, opening the library, errors and
 * JSON output. */
#pragma once

#include <gio/gio.h>

#include "tl-json-model.h"
#include "tl-library.h"

G_BEGIN_DECLS

#define TL_CLI_ERROR (tl_cli_error_quark ())

/* How a command failed; main() prints the message, once. An error of any
 * other domain is a failure too (exit status 1). */
typedef enum {
  TL_CLI_ERROR_USAGE,    /* used wrongly: exit status 2 */
  TL_CLI_ERROR_FAILED,   /* exit status 1 */
  TL_CLI_ERROR_REPORTED, /* exit status 1; the command has said what failed, line by line */
  TL_CLI_ERROR_MEDIA,    /* not done here: tagline-cli-media runs the command, with the same arguments */
} TlCliError;

GQuark tl_cli_error_quark (void);

/* What a command needs, in the command table. */
typedef enum {
  TL_CLI_NO_LIBRARY = 0,
  TL_CLI_READS = 1 << 0,  /* opens the library read-only */
  TL_CLI_WRITES = 1 << 1, /* opens it to write; with TL_CLI_READS, only for some actions */
  TL_CLI_MEDIA = 1 << 2,  /* uses GStreamer (media files, sound, rendering): runs in tagline-cli-media */
} TlCliFlags;

typedef struct _TlCli TlCli;

typedef gboolean (*TlCliRunFunc) (TlCli *cli, int argc, char **argv, GError **error);

typedef struct {
  const char *name;
  TlCliRunFunc run; /* argv[0] is the command's name */
  TlCliFlags flags;
  const char *summary;
} TlCliCommand;

/* One run of tagline-cli. */
struct _TlCli {
  const TlCliCommand *command;
  gboolean has_media;  /* this is tagline-cli-media, which does all */
  char *library_path;  /* --library, or NULL: the default library */
  gboolean json;       /* --json */
  TlLibrary *library;  /* once a command opened it */
  GPtrArray *args;     /* the arguments the command's options left */
  GString *json_text;  /* the JSON document the command prints */
  TlJsonWriter *json_writer; /* writes it */
};

void tl_cli_clear (TlCli *cli);

const GOptionEntry *tl_cli_common_entries (TlCli *cli);

gboolean tl_cli_usage_error (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);
gboolean tl_cli_failed (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);
gboolean tl_cli_reported (GError **error);
gboolean tl_cli_needs_media (TlCli *cli, GError **error);
void tl_cli_say (const char *format, ...) G_GNUC_PRINTF (1, 2);
int tl_cli_report (const GError *error);

gboolean tl_cli_parse_options (TlCli *cli,
                               int *argc,
                               char ***argv,
                               const char *usage,
                               const char *summary,
                               const GOptionEntry *entries,
                               const GOptionEntry *more_entries,
                               GError **error);

typedef enum {
  TL_CLI_OPEN_TO_READ,  /* nothing is written to the library, nor beside it */
  TL_CLI_OPEN_TO_WRITE, /* created when missing; fails when it cannot be written */
  TL_CLI_OPEN_TO_EDIT,  /* to write, but fails when missing: an edit needs something to change */
} TlCliOpenMode;

char *tl_cli_library_path (TlCli *cli);
TlLibrary *tl_cli_open_library (TlCli *cli, TlCliOpenMode mode, GError **error);

gboolean tl_cli_parse_source_id (const char *arg, gint64 *id, GError **error);
gboolean tl_cli_parse_clip_id (const char *arg, gint64 *id, GError **error);
gboolean tl_cli_parse_time (const char *arg, gint64 *usec, GError **error);
char *tl_cli_format_time (gint64 usec);

/* clips, export and render share their filter options */
extern const GOptionEntry tl_cli_filter_entries[];
gboolean tl_cli_build_filter (TlClipFilter *filter, GArray *ids, GError **error);

TlJsonWriter *tl_cli_json (TlCli *cli);
void tl_cli_print_json (TlCli *cli);

/* A long job (render, align) run to its end on the main loop: progress on
 * a terminal, Ctrl-C cancels it. */
typedef struct {
  GMainLoop *loop;
  GCancellable *cancellable;
  gpointer result; /* what the job's finish function gave */
  GError *error;
  gboolean show_progress;
} TlCliJob;

void tl_cli_job_init (TlCliJob *job);
void tl_cli_job_wait (TlCliJob *job);
void tl_cli_job_clear (TlCliJob *job);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TlCliJob, tl_cli_job_clear)

/* what the commands that edit share (tl-cli-edit.c) */
gboolean tl_cli_parse_id (const char *arg, const char *what, gint64 *id, GError **error);
gboolean tl_cli_parse_topic_id (const char *arg, gint64 *id, GError **error);
gboolean tl_cli_parse_folder_id (const char *arg, gboolean root_allowed, gint64 *id, GError **error);
gboolean tl_cli_library_failed (TlCli *cli, GError *local_error, GError **error);
TlFolder *tl_cli_find_folder (TlCli *cli, GPtrArray *folders, gint64 id, GError **error);
void tl_cli_print_deleted (TlCli *cli, gint64 id);

/* the commands, one file each */
gboolean tl_cli_import (TlCli *cli, int argc, char **argv, GError **error);
gboolean tl_cli_sources (TlCli *cli, int argc, char **argv, GError **error);
gboolean tl_cli_sources_edit (TlCli *cli, int argc, char **argv, GError **error);
gboolean tl_cli_folders (TlCli *cli, int argc, char **argv, GError **error);
gboolean tl_cli_show (TlCli *cli, int argc, char **argv, GError **error);
gboolean tl_cli_search (TlCli *cli, int argc, char **argv, GError **error);
gboolean tl_cli_segment (TlCli *cli, int argc, char **argv, GError **error);
gboolean tl_cli_speaker (TlCli *cli, int argc, char **argv, GError **error);
gboolean tl_cli_topics (TlCli *cli, int argc, char **argv, GError **error);
gboolean tl_cli_topics_edit (TlCli *cli, int argc, char **argv, GError **error);
gboolean tl_cli_tag (TlCli *cli, int argc, char **argv, GError **error);
gboolean tl_cli_clips (TlCli *cli, int argc, char **argv, GError **error);
extern const GOptionEntry tl_cli_clips_set_entries[];
gboolean tl_cli_clips_set_options_given (void);
gboolean tl_cli_clips_set (TlCli *cli, int argc, char **argv, GError **error);
gboolean tl_cli_export (TlCli *cli, int argc, char **argv, GError **error);
gboolean tl_cli_render (TlCli *cli, int argc, char **argv, GError **error);
gboolean tl_cli_probe (TlCli *cli, int argc, char **argv, GError **error);
gboolean tl_cli_relink (TlCli *cli, int argc, char **argv, GError **error);
gboolean tl_cli_demo (TlCli *cli, int argc, char **argv, GError **error);
gboolean tl_cli_align (TlCli *cli, int argc, char **argv, GError **error);
gboolean tl_cli_check (TlCli *cli, int argc, char **argv, GError **error);
gboolean tl_cli_undo (TlCli *cli, int argc, char **argv, GError **error);
gboolean tl_cli_redo (TlCli *cli, int argc, char **argv, GError **error);

G_END_DECLS
