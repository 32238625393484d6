/* tl-window.c: the main window: the library's sources on the left, the
 * chosen source's transcript on the right. */
#include "config.h"

#include "tl-window.h"

#include <glib/gi18n.h>

#include "tl-text.h"

struct _TlWindow {
  AdwApplicationWindow parent_instance;

  TlLibrary *library;
  GListStore *sources;
  GListStore *segments;
  GtkSingleSelection *source_selection;

  /* template children */
  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwStatusPage *error_page;
  GtkPaned *paned;
  GtkStack *sources_stack;
  GtkListView *sources_view;
  GtkStack *source_stack;
  GtkLabel *source_title;
  GtkLabel *source_details;
  GtkListView *transcript_view;
};

G_DEFINE_FINAL_TYPE (TlWindow, tl_window, ADW_TYPE_APPLICATION_WINDOW)

/* "1:05:03" or "3:10": how editors read durations. */
static char *
format_duration (gint64 usec)
{
  gint64 s = usec / TL_USEC_PER_SEC;

  if (usec < 0)
    return NULL;
  if (s >= 3600)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT, s / 3600, (s / 60) % 60, s % 60);
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT, s / 60, s % 60);
}

static const char *
kind_icon (TlSourceKind kind)
{
  switch (kind)
    {
    case TL_SOURCE_KIND_VIDEO: return "video-x-generic-symbolic";
    case TL_SOURCE_KIND_AUDIO: return "audio-x-generic-symbolic";
    case TL_SOURCE_KIND_ARTICLE: return "x-office-document-symbolic";
    case TL_SOURCE_KIND_TRANSCRIPT:
    default: return "text-x-generic-symbolic";
    }
}

static char *
source_details (TlSource *source)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *duration = format_duration (tl_source_get_duration (source));
  guint n = tl_source_get_n_segments (source);

  if (tl_source_get_outlet (source))
    g_ptr_array_add (parts, g_strdup (tl_source_get_outlet (source)));
  if (duration)
    g_ptr_array_add (parts, g_steal_pointer (&duration));
  if (tl_source_get_kind (source) == TL_SOURCE_KIND_ARTICLE)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u paragraph", "%u paragraphs", n), n));
  else
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u line", "%u lines", n), n));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
source_row_setup (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "source-row");
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (badge, "badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), details);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_list_item_set_child (item, box);
}

static void
source_row_bind (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  TlSource *source = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_next_sibling (icon);
  GtkWidget *badge = gtk_widget_get_next_sibling (texts);
  GtkWidget *title = gtk_widget_get_first_child (texts);
  GtkWidget *details = gtk_widget_get_next_sibling (title);
  g_autofree char *details_text = source_details (source);
  const char *badge_text = NULL;

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), kind_icon (tl_source_get_kind (source)));
  gtk_label_set_text (GTK_LABEL (title), tl_source_get_title (source));
  gtk_label_set_text (GTK_LABEL (details), details_text);
  if (tl_source_get_kind (source) != TL_SOURCE_KIND_ARTICLE)
    {
      if (tl_source_get_timing (source) == TL_TIMING_ESTIMATED)
        badge_text = _("estimated");
      else if (tl_source_get_timing (source) == TL_TIMING_NONE)
        badge_text = _("untimed");
    }
  gtk_label_set_text (GTK_LABEL (badge), badge_text ? badge_text : "");
  gtk_widget_set_visible (badge, badge_text != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tl_source_get_title (source), -1);
}

static void
segment_row_setup (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *time = gtk_label_new (NULL);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *speaker = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);

  gtk_widget_add_css_class (time, "time");
  gtk_widget_add_css_class (time, "dim-label");
  gtk_widget_add_css_class (time, "monospace");
  gtk_label_set_xalign (GTK_LABEL (time), 0);
  gtk_widget_set_valign (time, GTK_ALIGN_START);
  gtk_widget_add_css_class (speaker, "speaker");
  gtk_label_set_xalign (GTK_LABEL (speaker), 0);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), speaker);
  gtk_box_append (GTK_BOX (texts), text);
  gtk_box_append (GTK_BOX (box), time);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_item_set_child (item, box);
}

static void
segment_row_bind (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  TlWindow *self = user_data;
  TlSegment *segment = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *time = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_next_sibling (time);
  GtkWidget *speaker = gtk_widget_get_first_child (texts);
  GtkWidget *text = gtk_widget_get_next_sibling (speaker);
  TlSource *source = gtk_single_selection_get_selected_item (self->source_selection);
  gboolean estimated = source && tl_source_get_timing (source) == TL_TIMING_ESTIMATED;
  gint64 start = tl_segment_get_start (segment);
  g_autofree char *clock = NULL;

  if (start >= 0)
    {
      clock = tl_format_clock (start, TRUE, '.');
      clock[8] = '\0'; /* whole seconds read better in a list */
      if (estimated)
        {
          char *approx = g_strconcat ("≈", clock, NULL);
          g_free (clock);
          clock = approx;
        }
    }
  gtk_label_set_text (GTK_LABEL (time), clock ? clock : "");
  gtk_widget_set_visible (time, clock != NULL);
  gtk_widget_set_tooltip_text (time, estimated ? _("Estimated from the transcript’s length") : NULL);
  if (estimated)
    gtk_widget_add_css_class (time, "estimated");
  else
    gtk_widget_remove_css_class (time, "estimated");
  gtk_label_set_text (GTK_LABEL (speaker), tl_segment_get_speaker (segment) ? tl_segment_get_speaker (segment) : "");
  gtk_widget_set_visible (speaker, tl_segment_get_speaker (segment) != NULL);
  gtk_label_set_text (GTK_LABEL (text), tl_segment_get_text (segment));
  if (tl_segment_get_non_speech (segment))
    gtk_widget_add_css_class (text, "non-speech");
  else
    gtk_widget_remove_css_class (text, "non-speech");
}

static void
show_source (TlWindow *self, TlSource *source)
{
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  g_list_store_remove_all (self->segments);
  if (source == NULL)
    {
      gtk_stack_set_visible_child_name (self->source_stack, "none");
      return;
    }
  segments = tl_library_get_segments (self->library, tl_source_get_id (source), &error);
  if (segments == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  g_list_store_splice (self->segments, 0, 0, segments->pdata, segments->len);

  if (tl_source_get_outlet (source))
    g_ptr_array_add (parts, (gpointer) tl_source_get_outlet (source));
  if (tl_source_get_published (source))
    g_ptr_array_add (parts, (gpointer) tl_source_get_published (source));
  switch (tl_source_get_timing (source))
    {
    case TL_TIMING_ESTIMATED:
      g_ptr_array_add (parts, _("times estimated from the text’s length"));
      break;
    case TL_TIMING_NONE:
      if (tl_source_get_kind (source) != TL_SOURCE_KIND_ARTICLE)
        g_ptr_array_add (parts, _("no times"));
      break;
    case TL_TIMING_TAPPED:
      g_ptr_array_add (parts, _("times tapped in"));
      break;
    case TL_TIMING_ALIGNED:
      g_ptr_array_add (parts, _("times aligned to the audio"));
      break;
    case TL_TIMING_NATIVE:
    default:
      break;
    }
  g_ptr_array_add (parts, NULL);
  details = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_text (self->source_title, tl_source_get_title (source));
  gtk_label_set_text (self->source_details, details);
  gtk_stack_set_visible_child_name (self->source_stack, "source");
}

static void
on_source_selected (GtkSingleSelection *selection, GParamSpec *pspec, TlWindow *self)
{
  show_source (self, gtk_single_selection_get_selected_item (selection));
}

static void
load_sources (TlWindow *self)
{
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;

  sources = tl_library_list_sources (self->library, &error);
  if (sources == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  g_list_store_splice (self->sources, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sources)),
                       sources->pdata, sources->len);
  gtk_stack_set_visible_child_name (self->sources_stack, sources->len ? "list" : "empty");
  if (sources->len > 0)
    gtk_single_selection_set_selected (self->source_selection, 0);
}

static void
tl_window_dispose (GObject *object)
{
  TlWindow *self = TL_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_WINDOW);
  g_clear_object (&self->sources);
  g_clear_object (&self->segments);
  g_clear_object (&self->source_selection);
  g_clear_object (&self->library);
  G_OBJECT_CLASS (tl_window_parent_class)->dispose (object);
}

static void
tl_window_class_init (TlWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = tl_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/tagline/Tagline/tl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TlWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, sources_stack);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, sources_view);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, source_stack);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, source_title);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, source_details);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, transcript_view);
}

static void
tl_window_init (TlWindow *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sources = g_list_store_new (TL_TYPE_SOURCE);
  self->segments = g_list_store_new (TL_TYPE_SEGMENT);
  self->source_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sources)));
  gtk_single_selection_set_autoselect (self->source_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->source_selection, TRUE);
  g_signal_connect (self->source_selection, "notify::selected-item", G_CALLBACK (on_source_selected), self);
  gtk_list_view_set_model (self->sources_view, GTK_SELECTION_MODEL (self->source_selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (source_row_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (source_row_bind), self);
  gtk_list_view_set_factory (self->sources_view, factory);
  g_object_unref (factory);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (segment_row_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (segment_row_bind), self);
  gtk_list_view_set_factory (self->transcript_view, factory);
  gtk_list_view_set_model (self->transcript_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->segments)))));
  g_object_unref (factory);
}

/* Window state is read once and written once, on close: writing on every
 * resize would hit the settings backend on each frame. */
static void
restore_state (TlWindow *self, GSettings *settings)
{
  if (settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->paned, g_settings_get_int (settings, "sources-position"));
}

static gboolean
on_close_request (GtkWindow *window, GSettings *settings)
{
  TlWindow *self = TL_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (settings);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  g_settings_set_int (settings, "sources-position", gtk_paned_get_position (self->paned));
  g_settings_apply (settings);
  return FALSE;
}

/**
 * tl_window_new:
 * @library: (nullable): the open library, or %NULL when it could not be opened
 * @open_error: (nullable): why it could not, shown in the window
 */
TlWindow *
tl_window_new (TlApplication *app, TlLibrary *library, const GError *open_error)
{
  TlWindow *self = g_object_new (TL_TYPE_WINDOW, "application", app, NULL);
  GSettings *settings = tl_application_get_settings (app);

  restore_state (self, settings);
  if (settings)
    g_signal_connect_object (self, "close-request", G_CALLBACK (on_close_request), settings, 0);
  if (library == NULL)
    {
      adw_status_page_set_description (self->error_page, open_error ? open_error->message : NULL);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      return self;
    }
  self->library = g_object_ref (library);
  {
    g_autofree char *name = g_path_get_basename (tl_library_get_path (library));
    adw_window_title_set_subtitle (self->window_title, name);
  }
  gtk_stack_set_visible_child_name (self->main_stack, "library");
  load_sources (self);
  return self;
}

TlLibrary *
tl_window_get_library (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), NULL);
  return self->library;
}
