/* tl-export-dialog.c: the export dialog (Ctrl+E): which clips (topics,
 * sources, rating, words), in which order, in which format; a preview of
 * the first lines of the file; the file written in a thread. */
#include "tl-export-dialog.h"

#include <glib/gi18n.h>

#include "tl-export.h"

/* Lines of the file shown in the preview. */
#define PREVIEW_LINES 14

struct _TlExportDialog {
  AdwWindow parent_instance;

  TlLibrary *library;
  TlSource *source;          /* the source shown in the window, or NULL */
  GPtrArray *topics;
  GPtrArray *topic_checks;   /* GtkCheckButton per topic */
  guint preview_timeout;
  char *preview;
  guint n_clips;
  GCancellable *cancellable;
  GPtrArray *render_formats;  /* TlRenderFormat that this machine can encode */
  TlRenderStartFunc render_func;
  gpointer render_data;

  GtkWidget *format_row;
  GtkWidget *mode_row;
  GtkWidget *missing_label;
  GtkWidget *timeline_row;
  GtkWidget *topics_row;
  GtkWidget *scope_row;
  GtkWidget *rating_row;
  GtkWidget *order_row;
  GtkWidget *query_row;
  GtkWidget *title_row;
  GtkWidget *preview_label;
  GtkWidget *count_label;
  GtkWidget *export_button;
  AdwToastOverlay *toasts;
};

G_DEFINE_FINAL_TYPE (TlExportDialog, tl_export_dialog, ADW_TYPE_WINDOW)

/* The format list holds the clip-list formats, then the media formats. */
/* "3 clips", or "3 clips; 1 quote left out" with @skipped, which says
 * (in a plural of its own) how many were left out and why. */
static char *
count_with_skipped (guint n_clips, guint n_skipped, char *skipped)
{
  g_autofree char *clips = g_strdup_printf (ngettext ("%u clip", "%u clips", n_clips), n_clips);
  g_autofree char *owned = skipped;

  if (n_skipped == 0)
    return g_steal_pointer (&clips);
  /* TRANSLATORS: two parts of a summary, as "3 clips; 1 quote left out" */
  return g_strdup_printf (_("%s; %s"), clips, owned);
}

static const TlExporter *
chosen_exporter (TlExportDialog *self)
{
  guint n;
  const TlExporter *const *exporters = tl_exporters (&n);
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->format_row));

  return i < n ? exporters[i] : NULL;
}

static const TlRenderFormat *
chosen_render_format (TlExportDialog *self)
{
  guint n;
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->format_row));

  tl_exporters (&n);
  return i >= n && i - n < self->render_formats->len ? g_ptr_array_index (self->render_formats, i - n) : NULL;
}

/* The filter the rows describe. @ids and @topics keep what it points at. */
static void
build_filter (TlExportDialog *self, TlClipFilter *filter, GArray *ids, GPtrArray *topics)
{
  guint scope = adw_combo_row_get_selected (ADW_COMBO_ROW (self->scope_row));
  gboolean all_topics = TRUE;

  memset (filter, 0, sizeof *filter);
  for (guint i = 0; i < self->topic_checks->len; i++)
    if (!gtk_check_button_get_active (g_ptr_array_index (self->topic_checks, i)))
      all_topics = FALSE;
  for (guint i = 0; !all_topics && i < self->topic_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->topic_checks, i)))
      g_ptr_array_add (topics, (gpointer) tl_topic_get_name (g_ptr_array_index (self->topics, i)));
  if (!all_topics)
    {
      /* no topic checked matches no clip: a name no topic has */
      if (topics->len == 0)
        g_ptr_array_add (topics, "\x01");
      g_ptr_array_add (topics, NULL);
      filter->topics = (const char *const *) topics->pdata;
    }
  if (scope == 1 && self->source)
    {
      gint64 id = tl_source_get_id (self->source);
      g_array_append_val (ids, id);
      filter->source_ids = (const gint64 *) ids->data;
      filter->n_source_ids = 1;
    }
  else if (scope == 2 && self->source && tl_source_get_folder (self->source))
    filter->folder = tl_source_get_folder (self->source);
  filter->min_rating = adw_combo_row_get_selected (ADW_COMBO_ROW (self->rating_row));
  filter->query = gtk_editable_get_text (GTK_EDITABLE (self->query_row));
  if (filter->query && *filter->query == '\0')
    filter->query = NULL;
  filter->order = adw_combo_row_get_selected (ADW_COMBO_ROW (self->order_row));
}

static void
build_options (TlExportDialog *self, TlExportOptions *options)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));

  memset (options, 0, sizeof *options);
  options->title = title && *title ? title : NULL;
  options->timeline = adw_combo_row_get_selected (ADW_COMBO_ROW (self->timeline_row));
  options->split = TRUE;
}

/* For media files: how many clips, and what the files will be. */
static void
update_render_preview (TlExportDialog *self, const TlRenderFormat *format)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) topics = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *count = NULL;
  TlExportStats stats = { 0 };
  TlClipFilter filter;
  gboolean reel = adw_combo_row_get_selected (ADW_COMBO_ROW (self->mode_row)) == 1;

  build_filter (self, &filter, ids, topics);
  g_clear_pointer (&self->preview, g_free);
  /* the EDL writer counts what has times: what can be cut from media */
  if (!tl_export_to_string (self->library, &filter, "edl", NULL, out, &stats, &error))
    {
      self->n_clips = 0;
      gtk_label_set_text (GTK_LABEL (self->preview_label), "");
      gtk_label_set_text (GTK_LABEL (self->count_label), error->message);
      gtk_widget_set_sensitive (self->export_button, FALSE);
      return;
    }
  self->n_clips = stats.n_clips;
  text = reel ? g_strdup_printf (ngettext ("One %s file with the clip, cut on its frames.",
                                           "One %s file with the %u clips end to end, cut on their frames.",
                                           stats.n_clips), format->label, stats.n_clips)
              : g_strdup_printf (ngettext ("One %s file of the clip, cut on its frames, named after its source "
                                           "and topics, in the folder you choose.",
                                           "One %s file for each of the %u clips, cut on their frames, named after "
                                           "their source and topics, in the folder you choose.", stats.n_clips),
                                 format->label, stats.n_clips);
  self->preview = g_strdup (text);
  gtk_label_set_text (GTK_LABEL (self->preview_label), text);
  gtk_label_set_wrap (GTK_LABEL (self->preview_label), TRUE);
  count = count_with_skipped (stats.n_clips, stats.n_skipped,
                              g_strdup_printf (ngettext ("%u quote left out (it has no times)",
                                                         "%u quotes left out (they have no times)", stats.n_skipped),
                                               stats.n_skipped));
  gtk_label_set_text (GTK_LABEL (self->count_label), count);
  gtk_widget_set_sensitive (self->export_button, stats.n_clips > 0 && self->render_func != NULL);
}

static void
update_preview (TlExportDialog *self)
{
  const TlExporter *exporter = chosen_exporter (self);
  const TlRenderFormat *render_format = chosen_render_format (self);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) topics = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  TlExportStats stats = { 0 };
  TlExportOptions options;
  TlClipFilter filter;
  const char *p;
  guint lines = 0;

  gtk_widget_set_visible (self->mode_row, render_format != NULL);
  gtk_widget_set_visible (self->timeline_row, exporter && (g_str_equal (exporter->name, "srt")
                                                           || g_str_equal (exporter->name, "vtt")));
  if (render_format)
    {
      update_render_preview (self, render_format);
      return;
    }
  gtk_label_set_wrap (GTK_LABEL (self->preview_label), FALSE);
  build_filter (self, &filter, ids, topics);
  build_options (self, &options);
  g_clear_pointer (&self->preview, g_free);
  if (!tl_export_to_string (self->library, &filter, exporter->name, &options, out, &stats, &error))
    {
      self->n_clips = 0;
      gtk_label_set_text (GTK_LABEL (self->preview_label), "");
      gtk_label_set_text (GTK_LABEL (self->count_label), error->message);
      gtk_widget_set_sensitive (self->export_button, FALSE);
      return;
    }
  self->n_clips = stats.n_clips;
  for (p = out->str; *p && lines < PREVIEW_LINES; p++)
    if (*p == '\n')
      lines++;
  self->preview = g_strndup (out->str, p - out->str);
  gtk_label_set_text (GTK_LABEL (self->preview_label), self->preview);
  count = count_with_skipped (stats.n_clips, stats.n_skipped,
                              g_strdup_printf (ngettext ("%u quote left out (this format needs times)",
                                                         "%u quotes left out (this format needs times)",
                                                         stats.n_skipped), stats.n_skipped));
  if (stats.n_default_rate)
    {
      g_autofree char *rate = g_strdup_printf (ngettext ("%u without a frame rate of its own, counted at 25 fps",
                                                         "%u without a frame rate of their own, counted at 25 fps",
                                                         stats.n_default_rate), stats.n_default_rate);
      /* TRANSLATORS: two parts of a summary, as "3 clips; 1 quote left out" */
      char *more = g_strdup_printf (_("%s; %s"), count, rate);
      g_free (count);
      count = more;
    }
  gtk_label_set_text (GTK_LABEL (self->count_label), count);
  gtk_widget_set_sensitive (self->export_button, stats.n_clips > 0);
}

static gboolean
on_preview_timeout (gpointer user_data)
{
  TlExportDialog *self = user_data;

  self->preview_timeout = 0;
  update_preview (self);
  return G_SOURCE_REMOVE;
}

/* Typing in the words box waits for a pause; everything else is at once. */
static void
schedule_preview (TlExportDialog *self)
{
  g_clear_handle_id (&self->preview_timeout, g_source_remove);
  self->preview_timeout = g_timeout_add (150, on_preview_timeout, self);
}

static void
on_changed (GObject *object, GParamSpec *pspec, TlExportDialog *self)
{
  schedule_preview (self);
}

static void start_render (TlExportDialog *self, const char *output);

static void
on_exported (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(TlExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  TlExportStats stats = { 0 };
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  g_clear_object (&self->cancellable);
  gtk_widget_set_sensitive (self->export_button, TRUE);
  if (!tl_export_to_file_finish (result, &stats, &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  /* the window says it: this dialog closes */
  if (parent)
    {
      g_autofree char *message = stats.n_files > 1
        ? g_strdup_printf (ngettext ("%u clip exported in %u files", "%u clips exported in %u files", stats.n_clips),
                           stats.n_clips, stats.n_files)
        : g_strdup_printf (ngettext ("%u clip exported", "%u clips exported", stats.n_clips), stats.n_clips);
      gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-message", "s", message);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Writes the chosen clips to @path in a thread. */
void
tl_export_dialog_export_to (TlExportDialog *self, const char *path)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) topics = g_ptr_array_new ();
  TlExportOptions options;
  TlClipFilter filter;

  if (chosen_render_format (self))
    {
      start_render (self, path);
      return;
    }
  build_filter (self, &filter, ids, topics);
  build_options (self, &options);
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (self->export_button, FALSE);
  tl_export_to_file_async (self->library, &filter, chosen_exporter (self)->name, &options, path, self->cancellable,
                           on_exported, g_object_ref (self));
}

/* Hands the render to the window (its task bar shows it) and closes. */
static void
start_render (TlExportDialog *self, const char *output)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) topics = g_ptr_array_new ();
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  TlRenderOptions options = { 0 };
  TlClipFilter filter;

  build_filter (self, &filter, ids, topics);
  options.format = chosen_render_format (self)->name;
  options.mode = adw_combo_row_get_selected (ADW_COMBO_ROW (self->mode_row)) == 1 ? TL_RENDER_MODE_REEL
                                                                                 : TL_RENDER_MODE_CLIPS;
  options.output = output;
  options.title = title && *title ? title : NULL;
  self->render_func (&filter, &options, self->render_data);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_file_chosen (GtkNativeDialog *chooser, int response, TlExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      if (path && chosen_render_format (self))
        start_render (self, path);
      else if (path)
        tl_export_dialog_export_to (self, path);
    }
  g_object_unref (chooser);
}

static void
on_export_clicked (GtkButton *button, TlExportDialog *self)
{
  const TlExporter *exporter = chosen_exporter (self);
  const TlRenderFormat *render_format = chosen_render_format (self);
  gboolean folder = render_format && adw_combo_row_get_selected (ADW_COMBO_ROW (self->mode_row)) == 0;
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (folder ? _("Render the Clips Into") : _("Export Clips"),
                                                               GTK_WINDOW (self),
                                                               folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                                      : GTK_FILE_CHOOSER_ACTION_SAVE,
                                                               _("_Export"), _("_Cancel"));
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  g_autofree char *name = g_strdup_printf ("%s.%s", title && *title ? title : _("clips"),
                                           exporter ? exporter->extension : render_format->extension);

  if (folder)
    {
      g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), self);
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
      return;
    }

  /* a file name from the title, safe whatever the title holds */
  g_strdelimit (name, "/\\:*?\"<>|\n\r\t", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
tl_export_dialog_dispose (GObject *object)
{
  TlExportDialog *self = TL_EXPORT_DIALOG (object);

  g_clear_handle_id (&self->preview_timeout, g_source_remove);
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);
  g_clear_object (&self->source);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_pointer (&self->topic_checks, g_ptr_array_unref);
  g_clear_pointer (&self->render_formats, g_ptr_array_unref);
  g_clear_pointer (&self->preview, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (tl_export_dialog_parent_class)->dispose (object);
}

static void
tl_export_dialog_class_init (TlExportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = tl_export_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/tagline/Tagline/dialogs/tl-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TlExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, TlExportDialog, mode_row);
  gtk_widget_class_bind_template_child (widget_class, TlExportDialog, missing_label);
  gtk_widget_class_bind_template_child (widget_class, TlExportDialog, timeline_row);
  gtk_widget_class_bind_template_child (widget_class, TlExportDialog, topics_row);
  gtk_widget_class_bind_template_child (widget_class, TlExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, TlExportDialog, rating_row);
  gtk_widget_class_bind_template_child (widget_class, TlExportDialog, order_row);
  gtk_widget_class_bind_template_child (widget_class, TlExportDialog, query_row);
  gtk_widget_class_bind_template_child (widget_class, TlExportDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, TlExportDialog, preview_label);
  gtk_widget_class_bind_template_child (widget_class, TlExportDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, TlExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, TlExportDialog, toasts);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
}

static void
tl_export_dialog_init (TlExportDialog *self)
{
  self->topic_checks = g_ptr_array_new ();
  self->render_formats = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* What the template cannot know: the formats (the lists', then the media
 * formats this machine can encode) and the library's topics. */
static void
fill (TlExportDialog *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GtkStringList) formats = NULL;
  const TlExporter *const *exporters;
  const TlRenderFormat *const *render;
  guint n_exporters, n_render;

  exporters = tl_exporters (&n_exporters);
  for (guint i = 0; i < n_exporters; i++)
    g_ptr_array_add (labels, g_strdup_printf ("%s (.%s)", _(exporters[i]->label), exporters[i]->extension));
  render = tl_render_formats (&n_render);
  for (guint i = 0; i < n_render; i++)
    if (render[i]->available)
      {
        g_ptr_array_add (self->render_formats, (gpointer) render[i]);
        g_ptr_array_add (labels, g_strdup_printf (_("Video files: %s (.%s)"), render[i]->label, render[i]->extension));
      }
    else
      g_string_append_printf (missing, "%s%s: %s", missing->len ? "\n" : "", render[i]->label, render[i]->missing);
  g_ptr_array_add (labels, NULL);
  formats = gtk_string_list_new ((const char *const *) labels->pdata);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->format_row), G_LIST_MODEL (formats));
  gtk_label_set_text (GTK_LABEL (self->missing_label), missing->str);
  gtk_widget_set_visible (self->missing_label, missing->len > 0);

  for (guint i = 0; self->topics && i < self->topics->len; i++)
    {
      TlTopic *topic = g_ptr_array_index (self->topics, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tl_topic_get_name (topic));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect (check, "notify::active", G_CALLBACK (on_changed), self);
      g_ptr_array_add (self->topic_checks, check);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self->topics_row), row);
    }
}

/**
 * tl_export_dialog_new:
 * @source: (nullable): the source the window shows, for "This source"
 */
TlExportDialog *
tl_export_dialog_new (GtkWindow *parent, TlLibrary *library, TlSource *source)
{
  TlExportDialog *self = g_object_new (TL_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);

  self->library = g_object_ref (library);
  self->source = source ? g_object_ref (source) : NULL;
  self->topics = tl_library_list_topics (library, NULL);
  fill (self);
  update_preview (self);
  return self;
}

void
tl_export_dialog_set_render_func (TlExportDialog *self, TlRenderStartFunc func, gpointer user_data)
{
  self->render_func = func;
  self->render_data = user_data;
}

/* @format: a list format ("edl") or a media one ("webm"). */
void
tl_export_dialog_set_format (TlExportDialog *self, const char *format)
{
  guint n;
  const TlExporter *const *exporters = tl_exporters (&n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (exporters[i]->name, format))
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->format_row), i);
  for (guint i = 0; i < self->render_formats->len; i++)
    if (g_str_equal (((TlRenderFormat *) g_ptr_array_index (self->render_formats, i))->name, format))
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->format_row), n + i);
  g_clear_handle_id (&self->preview_timeout, g_source_remove);
  update_preview (self);
}

const char *
tl_export_dialog_get_preview (TlExportDialog *self)
{
  return self->preview;
}

/**
 * tl_export_dialog_get_summary:
 *
 * What the dialog says of the clips chosen ("2 clips; 1 quote left out").
 */
const char *
tl_export_dialog_get_summary (TlExportDialog *self)
{
  g_return_val_if_fail (TL_IS_EXPORT_DIALOG (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->count_label));
}

guint
tl_export_dialog_get_n_clips (TlExportDialog *self)
{
  return self->n_clips;
}
