/* tl-clip-row.c: one clip in the tag panel's list, from its template. It
 * follows its clip in place: what changes in the clip (notify) and the
 * time format the editor picks show at once, without the list rebuilding
 * a row. */
#include "tl-clip-row.h"

#include "tl-tag-panel-private.h"
#include "tl-text.h"
#include "tl-time-format.h"

struct _TlClipRow {
  GtkWidget parent_instance;

  GtkWidget *source_label;
  GtkWidget *range_label;
  GtkWidget *rating_label;
  GtkWidget *topics_box;
  GtkWidget *words_label;

  TlClip *clip;
  TlTagPanel *panel; /* not owned: the panel holds the list */
  gboolean show_source;
};

G_DEFINE_FINAL_TYPE (TlClipRow, tl_clip_row, GTK_TYPE_WIDGET)

static void
show_range (TlClipRow *self)
{
  g_autofree char *range = NULL;

  if (self->clip == NULL || self->panel == NULL)
    return;
  range = tl_tag_panel_format_range (self->panel, self->clip);
  gtk_label_set_text (GTK_LABEL (self->range_label), range);
}

static void
show_topics (TlClipRow *self)
{
  const char *const *names = tl_clip_get_topics (self->clip);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->topics_box)))
    gtk_box_remove (GTK_BOX (self->topics_box), child);
  for (guint i = 0; names && names[i]; i++)
    {
      TlTopic *topic = self->panel ? tl_tag_panel_topic_by_name (self->panel, names[i]) : NULL;
      GtkWidget *pill = gtk_label_new (names[i]);
      g_autofree char *css_class = g_strdup_printf ("topic-%" G_GINT64_FORMAT, topic ? tl_topic_get_id (topic) : 0);
      gtk_widget_add_css_class (pill, "topic-pill");
      gtk_widget_add_css_class (pill, css_class);
      gtk_box_append (GTK_BOX (self->topics_box), pill);
    }
}

/* The clip's title, or else the words said in it. */
static void
show_words (TlClipRow *self)
{
  const char *title = tl_clip_get_title (self->clip);
  const char *text = tl_clip_get_text (self->clip);

  gtk_label_set_text (GTK_LABEL (self->words_label), title ? title : (text ? text : ""));
}

static void
show_rating (TlClipRow *self)
{
  g_autofree char *rating = tl_format_rating (tl_clip_get_rating (self->clip));

  gtk_label_set_text (GTK_LABEL (self->rating_label), tl_clip_get_rating (self->clip) ? rating : "");
}

static void
show_source (TlClipRow *self)
{
  const char *title = tl_clip_get_source_title (self->clip);

  /* among the clips of every source, each says whose it is */
  gtk_widget_set_visible (self->source_label, self->show_source);
  gtk_label_set_text (GTK_LABEL (self->source_label), self->show_source && title ? title : "");
}

static void
on_clip_notify (TlClip *clip, GParamSpec *pspec, TlClipRow *self)
{
  const char *name = pspec->name;

  if (g_str_equal (name, "in") || g_str_equal (name, "out") || g_str_equal (name, "first-segment")
      || g_str_equal (name, "last-segment"))
    show_range (self);
  else if (g_str_equal (name, "title") || g_str_equal (name, "text"))
    show_words (self);
  else if (g_str_equal (name, "rating"))
    show_rating (self);
  else if (g_str_equal (name, "topics"))
    show_topics (self);
  else if (g_str_equal (name, "source-title"))
    show_source (self);
}

static void
on_time_format (TlTimeFormat *format, GParamSpec *pspec, TlClipRow *self)
{
  show_range (self);
}

/**
 * tl_clip_row_set_clip:
 * @clip: (nullable): the clip to show, %NULL for none
 * @panel: the panel whose list it is in (the topics' colours, the media's
 *   times)
 * @show_source: whether the row names the clip's source
 */
void
tl_clip_row_set_clip (TlClipRow *self, TlClip *clip, TlTagPanel *panel, gboolean show_source_title)
{
  g_return_if_fail (TL_IS_CLIP_ROW (self));
  if (self->clip)
    g_signal_handlers_disconnect_by_data (self->clip, self);
  g_set_object (&self->clip, clip);
  self->panel = panel;
  self->show_source = show_source_title;
  if (clip == NULL)
    return;
  g_signal_connect (clip, "notify", G_CALLBACK (on_clip_notify), self);
  show_source (self);
  show_range (self);
  show_rating (self);
  show_topics (self);
  show_words (self);
}

/* Returns: (transfer none) (nullable): the clip shown */
TlClip *
tl_clip_row_get_clip (TlClipRow *self)
{
  g_return_val_if_fail (TL_IS_CLIP_ROW (self), NULL);
  return self->clip;
}

static void
tl_clip_row_dispose (GObject *object)
{
  TlClipRow *self = TL_CLIP_ROW (object);
  GtkWidget *child;

  tl_clip_row_set_clip (self, NULL, NULL, FALSE);
  g_signal_handlers_disconnect_by_data (tl_time_format_get_default (), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_CLIP_ROW);
  /* and the template's children without a name */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (tl_clip_row_parent_class)->dispose (object);
}

static void
tl_clip_row_class_init (TlClipRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = tl_clip_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/tagline/Tagline/widgets/tag-panel/tl-clip-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TlClipRow, source_label);
  gtk_widget_class_bind_template_child (widget_class, TlClipRow, range_label);
  gtk_widget_class_bind_template_child (widget_class, TlClipRow, rating_label);
  gtk_widget_class_bind_template_child (widget_class, TlClipRow, topics_box);
  gtk_widget_class_bind_template_child (widget_class, TlClipRow, words_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cliprow");
}

static void
tl_clip_row_init (TlClipRow *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 3);
  g_signal_connect (tl_time_format_get_default (), "notify::kind", G_CALLBACK (on_time_format), self);
}

GtkWidget *
tl_clip_row_new (void)
{
  return g_object_new (TL_TYPE_CLIP_ROW, NULL);
}
