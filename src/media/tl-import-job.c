/* tl-import-job.c: the import of files into a library, shared by
 * tagline-cli and the window. Each file is its own transaction: one that
 * fails, or a cancel, leaves the others as they were. */
#include "tl-import-job.h"
#include <glib/gi18n-lib.h>

#include <string.h>

#include "tl-import.h"
#include "tl-probe.h"
#include "tl-progress-relay.h"

static const char *const transcript_extensions[] = {
  "srt", "vtt", "sbv", "json", "ttml", "dfxp", "xml", "ass", "ssa", "eaf", "txt", "md",
};

/* Whether a file's name says it may be a transcript (folders hold other
 * things too: pictures, project files). */
gboolean
tl_import_named_like_transcript (const char *path)
{
  const char *dot = strrchr (path, '.');

  for (guint i = 0; dot != NULL && i < G_N_ELEMENTS (transcript_extensions); i++)
    if (g_ascii_strcasecmp (dot + 1, transcript_extensions[i]) == 0)
      return TRUE;
  return FALSE;
}

static char *
find_transcript_beside (const char *media_path)
{
  g_autofree char *dir = g_path_get_dirname (media_path);
  g_autofree char *base = g_path_get_basename (media_path);
  char *dot = strrchr (base, '.');

  if (dot)
    *dot = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (transcript_extensions); i++)
    {
      g_autofree char *name = g_strconcat (base, ".", transcript_extensions[i], NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

static void
import_item_free (gpointer data)
{
  TlImportItem *item = data;

  g_free (item->file);
  g_free (item->media);
  g_free (item->title);
  g_free (item->format);
  g_clear_pointer (&item->warnings, g_ptr_array_unref);
  g_free (item->error);
  g_free (item);
}

void
tl_import_report_free (TlImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->items);
  g_free (report);
}

static TlImportItem *
item_new (const char *file, const char *media)
{
  TlImportItem *item = g_new0 (TlImportItem, 1);

  item->file = g_strdup (file);
  item->media = g_strdup (media);
  item->warnings = g_ptr_array_new_with_free_func (g_free);
  return item;
}

static gint
compare_paths (gconstpointer a, gconstpointer b)
{
  const TlImportItem *x = *(TlImportItem *const *) a, *y = *(TlImportItem *const *) b;

  return g_utf8_collate (x->file, y->file);
}

/* The files to import: a folder stands for the transcripts in it (in name
 * order), a media file for the transcript beside it with its base name,
 * a transcript for itself with the media beside it, if any. */
static GPtrArray *
collect (const char *const *paths, const char *media)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (import_item_free);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      const char *path = paths[i];

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
          g_autoptr(GPtrArray) found = g_ptr_array_new ();
          const char *name;

          while (dir && (name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *file = g_build_filename (path, name, NULL);
              if (name[0] != '.' && tl_import_named_like_transcript (name)
                  && g_file_test (file, G_FILE_TEST_IS_REGULAR))
                {
                  g_autofree char *beside = tl_media_find_beside (file);
                  g_ptr_array_add (found, item_new (file, beside));
                }
            }
          g_ptr_array_sort (found, compare_paths);
          for (guint n = 0; n < found->len; n++)
            g_ptr_array_add (items, g_ptr_array_index (found, n));
        }
      else if (media == NULL && tl_media_path_looks_like_media (path))
        {
          g_autofree char *transcript = find_transcript_beside (path);
          TlImportItem *item = item_new (transcript ? transcript : path, path);
          if (transcript == NULL)
            item->error = g_strdup (_("A media file without a transcript beside it "
                                    "(the same name with .srt, .vtt, .txt, …)"));
          g_ptr_array_add (items, item);
        }
      else
        {
          g_autofree char *beside = media ? NULL : tl_media_find_beside (path);
          g_ptr_array_add (items, item_new (path, media ? media : beside));
        }
    }
  return items;
}

static void
import_one (TlLibrary *library, TlImportItem *item, const char *folder, const char *format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = NULL;
  g_autoptr(TlMediaInfo) media = NULL;
  g_autofree char *origin = g_canonicalize_filename (item->file, NULL);
  TlImportOptions options = { origin, folder, NULL };

  doc = tl_import_file (item->file, format, &item->error_line, &error);
  if (doc == NULL)
    {
      item->error = g_strdup (error->message);
      return;
    }
  if (item->media != NULL)
    {
      media = tl_probe_file (item->media, &error);
      if (media == NULL)
        {
          /* the message names the media file */
          item->error = g_strdup (error->message);
          return;
        }
      options.media = media;
    }
  tl_document_apply_media (doc, media);
  item->source_id = tl_library_add_document (library, doc, &options, &error);
  if (item->source_id == 0)
    {
      item->error = g_strdup (error->message);
      return;
    }
  {
    g_autoptr(TlSource) source = tl_library_get_source (library, item->source_id, NULL);
    item->title = g_strdup (source ? tl_source_get_title (source) : doc->title);
  }
  item->kind = doc->kind;
  item->format = g_strdup (doc->format);
  item->n_segments = doc->segments->len;
  item->timing = doc->timing;
  for (guint w = 0; w < doc->warnings->len; w++)
    g_ptr_array_add (item->warnings, g_strdup (g_ptr_array_index (doc->warnings, w)));
}

/**
 * tl_import_job_run:
 * @paths: transcripts, media files or folders
 * @media: (nullable): the media file of the one transcript in @paths
 * @folder: (nullable): the library folder to put the sources in ("A/B")
 * @format: (nullable): an importer name, or %NULL to recognise each file
 * @progress: (nullable): called before each file
 *
 * Imports each file in its own transaction. Stops between files when
 * @cancellable is cancelled.
 *
 * Returns: (transfer full): what became of every file
 */
TlImportReport *
tl_import_job_run (TlLibrary *library, const char *const *paths, const char *media, const char *folder,
                   const char *format, GCancellable *cancellable, TlImportProgressFunc progress,
                   gpointer progress_data)
{
  TlImportReport *report = g_new0 (TlImportReport, 1);

  report->items = collect (paths, media);
  for (guint i = 0; i < report->items->len; i++)
    {
      TlImportItem *item = g_ptr_array_index (report->items, i);

      if (progress)
        progress (i, report->items->len, item->file, progress_data);
      if (g_cancellable_is_cancelled (cancellable))
        {
          report->cancelled = TRUE;
          g_ptr_array_set_size (report->items, i);
          break;
        }
      if (item->error == NULL)
        import_one (library, item, folder, format);
      if (item->error)
        report->n_failed++;
      else
        report->n_imported++;
    }
  return report;
}

typedef struct {
  char *library_path;
  GStrv paths;
  char *folder;
  TlProgressRelay *progress;
} AsyncData;

static void
async_data_free (AsyncData *data)
{
  g_free (data->library_path);
  g_strfreev (data->paths);
  g_free (data->folder);
  g_clear_pointer (&data->progress, tl_progress_relay_unref);
  g_free (data);
}

/* Carries its own copy of the file's name: it may arrive after the task
 * ended. */
typedef struct {
  guint done, total;
  char *file;
} ProgressReport;

static void
progress_report_clear (gpointer report)
{
  g_free (((ProgressReport *) report)->file);
}

static void
deliver_progress (GCallback func, gconstpointer report, gpointer func_data)
{
  const ProgressReport *r = report;

  ((TlImportProgressFunc) func) (r->done, r->total, r->file, func_data);
}

/* In the worker thread: hand progress to the caller's main context. */
static void
relay_progress (guint done, guint total, const char *file, gpointer user_data)
{
  ProgressReport report = { done, total, g_strdup (file) };

  tl_progress_relay_post (user_data, &report);
}

static void
run_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  AsyncData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = NULL;
  TlImportReport *report;

  /* a connection of its own: a TlLibrary serves one thread */
  library = tl_library_open (data->library_path, &error);
  if (library == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  report = tl_import_job_run (library, (const char *const *) data->paths, NULL, data->folder, NULL, cancellable,
                              data->progress ? relay_progress : NULL, data->progress);
  g_task_return_pointer (task, report, (GDestroyNotify) tl_import_report_free);
}

/**
 * tl_import_job_run_async:
 * @library_path: the library file (opened again in the worker thread)
 * @progress: (nullable): called in the caller's main context
 *
 * Imports in a thread; see tl_import_job_run().
 */
void
tl_import_job_run_async (const char *library_path, const char *const *paths, const char *folder,
                         GCancellable *cancellable, TlImportProgressFunc progress, gpointer progress_data,
                         GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  AsyncData *data = g_new0 (AsyncData, 1);

  data->library_path = g_strdup (library_path);
  data->paths = g_strdupv ((char **) paths);
  data->folder = g_strdup (folder);
  data->progress = tl_progress_relay_new (G_CALLBACK (progress), progress_data, NULL, deliver_progress,
                                          sizeof (ProgressReport), progress_report_clear);
  g_task_set_source_tag (task, tl_import_job_run_async);
  /* a cancelled import still reports what it did before it stopped */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, (GDestroyNotify) async_data_free);
  g_task_run_in_thread (task, run_in_thread);
}

TlImportReport *
tl_import_job_run_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
