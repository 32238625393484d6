/* tl-window-tasks.c: the window's long jobs, one at a time in the task
 * bar with progress and a cancel button: importing (the menu or files
 * dropped on the window), aligning a source to its audio, rendering clips
 * (from the export dialog), and relinking a source's media. */
#include "config.h"

#include "tl-window-private.h"

#include "dialogs/tl-export-dialog.h"

#include <glib/gi18n.h>

#include "tl-aligner.h"
#include "tl-import-job.h"
#include "tl-probe.h"
#include "tl-render.h"

/* The task bar: one long job at a time (import, align, render) shows its
 * progress there and can be cancelled. */

static void
show_task_progress (TlWindow *self, const char *label, double fraction)
{
  gtk_label_set_text (self->task_label, label);
  gtk_progress_bar_set_fraction (self->task_progress, fraction);
}

static void
begin_task (TlWindow *self, const char *label)
{
  self->task_cancellable = g_cancellable_new ();
  show_task_progress (self, label, 0);
  gtk_revealer_set_reveal_child (self->task_revealer, TRUE);
  tl_window_update_actions (self);
}

static void
end_task (TlWindow *self)
{
  gtk_revealer_set_reveal_child (self->task_revealer, FALSE);
  g_clear_object (&self->task_cancellable);
  tl_window_update_actions (self);
}

/* Import */

static void
on_task_progress (guint done, guint total, const char *file, gpointer user_data)
{
  TlWindow *self = user_data;
  g_autofree char *base = g_path_get_basename (file);
  g_autofree char *label = g_strdup_printf (_("Importing %s (%u of %u)"), base, done + 1, total);

  show_task_progress (self, label, total ? (double) done / total : 0);
}

static void
on_import_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(TlWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlImportReport) report = tl_import_job_run_finish (result, &error);
  g_autofree char *message = NULL;
  gint64 first_new = 0;

  end_task (self);
  if (report == NULL)
    {
      tl_window_toast_error (self, error->message);
      return;
    }
  /* the import wrote through its own connection */
  tl_library_check_outside_changes (self->library);

  for (guint i = 0; i < report->items->len; i++)
    {
      TlImportItem *item = g_ptr_array_index (report->items, i);
      if (item->error)
        {
          g_autofree char *base = g_path_get_basename (item->file);
          g_autofree char *line = item->error_line ? g_strdup_printf (_("%s, line %u: %s"), base, item->error_line,
                                                                      item->error)
                                                   : g_strdup_printf ("%s: %s", base, item->error);
          tl_window_toast_error (self, line);
        }
      else if (first_new == 0)
        first_new = item->source_id;
    }
  if (report->cancelled)
    message = g_strdup_printf (ngettext ("Import cancelled after %u source", "Import cancelled after %u sources",
                                         report->n_imported), report->n_imported);
  else if (report->n_imported > 0)
    message = g_strdup_printf (ngettext ("%u source imported", "%u sources imported", report->n_imported),
                               report->n_imported);
  if (message)
    tl_window_toast (self, message, FALSE);
  if (first_new)
    tl_source_tree_select_source (self->source_tree, first_new);
}

/**
 * tl_window_import:
 * @paths: transcripts, media files and folders
 *
 * Imports in a thread, with progress in the window and a cancel button,
 * into the folder selected in the source tree.
 */
void
tl_window_import (TlWindow *self, const char *const *paths)
{
  if (self->library == NULL || self->task_cancellable != NULL || paths == NULL || paths[0] == NULL)
    return;
  if (tl_library_is_read_only (self->library))
    {
      tl_window_toast_error (self, tl_library_get_read_only_reason (self->library));
      return;
    }
  begin_task (self, _("Importing…"));
  tl_import_job_run_async (self->library, paths, tl_source_tree_get_selected_folder (self->source_tree),
                           self->task_cancellable,
                           on_task_progress, self, on_import_done, g_object_ref (self));
}

static gboolean
on_files_dropped (GtkDropTarget *target, const GValue *value, double x, double y, TlWindow *self)
{
  GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (GSList *l = files; l; l = l->next)
    {
      char *path = g_file_get_path (l->data);
      if (path)
        g_ptr_array_add (paths, path);
    }
  g_slist_free (files);
  g_ptr_array_add (paths, NULL);
  tl_window_import (self, (const char *const *) paths->pdata);
  return paths->len > 1;
}

typedef struct {
  gint64 source_id;
  char *path;
} Relink;

static void
relink_free (gpointer data)
{
  Relink *r = data;

  g_free (r->path);
  g_free (r);
}

/* Probing a file can take seconds (a damaged one, a network share): in a thread. */
static void
probe_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Relink *r = task_data;
  GError *error = NULL;
  TlMediaInfo *media = tl_probe_file (r->path, &error);

  if (media)
    g_task_return_pointer (task, media, (GDestroyNotify) tl_media_info_free);
  else
    g_task_return_error (task, error);
}

static void
on_relink_probed (GObject *object, GAsyncResult *result, gpointer user_data)
{
  TlWindow *self = TL_WINDOW (object);
  Relink *r = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(TlMediaInfo) media = g_task_propagate_pointer (G_TASK (result), &error);

  if (media == NULL || self->library == NULL
      || !tl_library_set_media (self->library, r->source_id, media, &error))
    tl_window_toast_error (self, error ? error->message : _("The library is closed"));
  else
    tl_window_toast (self, _("Media relinked"), TRUE);
}

static void
on_relink_media (TlSourceTree *tree, TlSource *source, const char *path, TlWindow *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_relink_probed, NULL);
  Relink *r = g_new0 (Relink, 1);

  r->source_id = tl_source_get_id (source);
  r->path = g_strdup (path);
  g_task_set_task_data (task, r, relink_free);
  g_task_run_in_thread (task, probe_in_thread);
}

/* Forced alignment */

static void
on_align_progress (double fraction, const char *stage, gpointer user_data)
{
  TlWindow *self = user_data;

  show_task_progress (self, stage, fraction);
}

static void
on_align_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(TlWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlAlignReport) report = tl_aligner_align_finish (result, &error);
  g_autofree char *message = NULL;

  end_task (self);
  if (report == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        tl_window_toast_error (self, error->message);
      else
        tl_window_toast (self, _("Alignment cancelled: nothing changed"), FALSE);
      return;
    }
  /* the aligner wrote through its own connection; the new times decide
   * which actions apply */
  tl_library_check_outside_changes (self->library);
  message = g_strdup_printf (ngettext ("%u line aligned to the audio", "%u lines aligned to the audio",
                                       report->n_aligned), report->n_aligned);
  if (report->n_unspoken + report->n_uncertain > 0)
    {
      g_autofree char *unspoken = g_strdup_printf (ngettext ("%u probably not spoken", "%u probably not spoken",
                                                             report->n_unspoken), report->n_unspoken);
      g_autofree char *uncertain = g_strdup_printf (ngettext ("%u uncertain", "%u uncertain", report->n_uncertain),
                                                    report->n_uncertain);
      /* TRANSLATORS: "12 lines aligned to the audio; 2 probably not spoken, 1 uncertain" */
      char *more = g_strdup_printf (_("%s; %s, %s"), message, unspoken, uncertain);
      g_free (message);
      message = more;
    }
  tl_window_toast (self, message, TRUE);
  tl_window_update_actions (self);
}

static void
start_align (TlWindow *self)
{
  TlTiming timing;

  if (self->source == NULL || self->task_cancellable != NULL)
    return;
  timing = tl_source_get_timing (self->source);
  begin_task (self, _("Aligning to the audio…"));
  tl_aligner_align_async (self->library, tl_source_get_id (self->source),
                          timing == TL_TIMING_NATIVE || timing == TL_TIMING_ALIGNED ? TL_ALIGNER_FLAGS_FORCE
                                                                                    : TL_ALIGNER_FLAGS_NONE,
                          self->task_cancellable, on_align_progress, g_object_ref (self), g_object_unref,
                          on_align_done, g_object_ref (self));
}

static void
on_align_answered (AdwMessageDialog *dialog, const char *response, TlWindow *self)
{
  if (g_str_equal (response, "align"))
    start_align (self);
}

/**
 * tl_window_align:
 *
 * Times the shown source's lines from its media's sound, in a thread,
 * with progress and cancel; one undoable change, which moves the clips
 * with their lines. Times that came with the transcript (subtitles made
 * by a person or the broadcaster) are replaced only once the editor says so.
 */
void
tl_window_align (TlWindow *self)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (self->source == NULL || self->task_cancellable != NULL)
    return;
  if (tl_source_get_timing (self->source) != TL_TIMING_NATIVE)
    {
      start_align (self);
      return;
    }
  body = g_strdup_printf (_("The lines of “%s” have the times their file came with, set by whoever made the "
                            "subtitles. Aligning replaces them with times worked out from the sound; the clips "
                            "move with their lines. Undo brings the old times back."),
                          tl_source_get_title (self->source));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace the Subtitle Times?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "align",
                                    _("_Align"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "align", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_align_answered), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Rendering clips as media */

static void
on_render_progress (double fraction, guint clip, guint n_clips, gpointer user_data)
{
  TlWindow *self = user_data;
  g_autofree char *label = g_strdup_printf (_("Rendering clip %u of %u"), clip + 1, n_clips);

  show_task_progress (self, label, fraction);
}

static void
on_render_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(TlWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlRenderResult) rendered = tl_render_finish (result, &error);
  g_autofree char *message = NULL;

  end_task (self);
  if (rendered == NULL)
    {
      tl_window_toast (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                               ? _("Rendering cancelled: no file was left") : error->message, FALSE);
      return;
    }
  {
    g_autofree char *clips = g_strdup_printf (ngettext ("%u clip rendered", "%u clips rendered",
                                                        rendered->clips->len), rendered->clips->len);
    g_autofree char *files = g_strdup_printf (ngettext ("%u file", "%u files", rendered->files->len),
                                              rendered->files->len);
    /* TRANSLATORS: "3 clips rendered in 1 file" */
    message = g_strdup_printf (_("%s in %s"), clips, files);
  }
  if (rendered->skipped->len)
    {
      g_autofree char *skipped = g_strdup_printf (ngettext ("%u left out (no times or no media)",
                                                            "%u left out (no times or no media)",
                                                            rendered->skipped->len), rendered->skipped->len);
      /* TRANSLATORS: two parts of a summary, as "3 clips rendered in 3 files; 1 left out" */
      char *more = g_strdup_printf (_("%s; %s"), message, skipped);
      g_free (message);
      message = more;
    }
  tl_window_toast (self, message, FALSE);
}

/* Renders clips in the background, in the task bar (from the export dialog). */
static void
start_render (const TlClipFilter *filter, const TlRenderOptions *options, gpointer user_data)
{
  TlWindow *self = user_data;

  if (self->task_cancellable != NULL)
    {
      tl_window_toast (self, _("Wait for the task running to end"), FALSE);
      return;
    }
  begin_task (self, _("Rendering…"));
  tl_render_async (self->library, filter, options, self->task_cancellable, on_render_progress, g_object_ref (self),
                   g_object_unref, on_render_done, g_object_ref (self));
}

void
tl_window_show_export (TlWindow *self)
{
  TlExportDialog *dialog = tl_export_dialog_new (GTK_WINDOW (self), self->library, self->source);

  tl_export_dialog_set_render_func (dialog, start_render, self);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
tl_window_tasks_init (TlWindow *self)
{
  GtkDropTarget *drop;

  g_signal_connect (self->source_tree, "relink-media", G_CALLBACK (on_relink_media), self);
  /* files dropped from the file manager are imported */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_files_dropped), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
