/* tl-search-panel.c: one search box over every transcript, its hits
 * listed with their source, time and the words around the match. Picking
 * a hit emits "hit-activated" (the window opens the source at that line,
 * where a topic key tags it). */
#include "tl-search-panel.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tl-library-async.h"
#include "tl-text.h"
#include "tl-time-format.h"

/* More hits than this are counted, not listed. */
#define MAX_HITS 500

/* A search hit as a list item. */
#define TL_TYPE_HIT_ITEM (tl_hit_item_get_type ())
G_DECLARE_FINAL_TYPE (TlHitItem, tl_hit_item, TL, HIT_ITEM, GObject)

struct _TlHitItem {
  GObject parent_instance;
  gint64 source_id;
  guint segment_index;
  gint64 start;
  char *source_title;
  char *snippet_markup;
};

G_DEFINE_FINAL_TYPE (TlHitItem, tl_hit_item, G_TYPE_OBJECT)

static void
tl_hit_item_finalize (GObject *object)
{
  TlHitItem *self = TL_HIT_ITEM (object);

  g_free (self->source_title);
  g_free (self->snippet_markup);
  G_OBJECT_CLASS (tl_hit_item_parent_class)->finalize (object);
}

static void
tl_hit_item_class_init (TlHitItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tl_hit_item_finalize;
}

static void
tl_hit_item_init (TlHitItem *self)
{
}

struct _TlSearchPanel {
  GtkWidget parent_instance;
  TlLibrary *library;
  GtkWidget *entry;
  GtkWidget *summary;
  GtkWidget *stack;
  GListStore *hits;
  GtkSingleSelection *selection;
  GCancellable *cancellable; /* the search running, which a new query stops */
  GHashTable *sources;       /* source id → its TlSource, for its media's rate */
};

G_DEFINE_FINAL_TYPE (TlSearchPanel, tl_search_panel, GTK_TYPE_WIDGET)

enum {
  SIGNAL_HIT_ACTIVATED,
  SIGNAL_CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The snippet marks matches with control characters, which no line
 * holds; the text between them is escaped for markup piece by piece
 * (escaping the whole snippet would turn the markers into character
 * references, which Pango draws as boxes). */
static char *
snippet_markup (const char *snippet)
{
  GString *out = g_string_new (NULL);
  gboolean bold = FALSE;
  const char *p = snippet ? snippet : "";

  while (*p)
    {
      gsize len = strcspn (p, "\x02\x03");
      g_autofree char *escaped = g_markup_escape_text (p, len);

      g_string_append (out, escaped);
      p += len;
      if (*p == '\0')
        break;
      if (*p == '\x02' && !bold)
        g_string_append (out, "<b>"), bold = TRUE;
      else if (*p == '\x03' && bold)
        g_string_append (out, "</b>"), bold = FALSE;
      p++;
    }
  if (bold)
    g_string_append (out, "</b>");
  return g_string_free (out, FALSE);
}

/* The results of a search, as hits and a summary. */
static void
show_results (TlSearchPanel *self, TlSearchResults *results)
{
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) sources_hit = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sources = NULL;
  g_autofree char *summary = NULL;

  sources = tl_library_list_sources (self->library, NULL);
  for (guint i = 0; sources && i < sources->len; i++)
    {
      TlSource *source = g_ptr_array_index (sources, i);
      g_hash_table_insert (titles, g_memdup2 (&(gint64) { tl_source_get_id (source) }, sizeof (gint64)),
                           g_strdup (tl_source_get_title (source)));
    }
  for (guint i = 0; i < results->hits->len; i++)
    {
      TlSearchHit *hit = g_ptr_array_index (results->hits, i);
      TlHitItem *item = g_object_new (TL_TYPE_HIT_ITEM, NULL);

      item->source_id = hit->source_id;
      item->segment_index = hit->segment_index;
      item->start = hit->start;
      item->source_title = g_strdup (g_hash_table_lookup (titles, &hit->source_id));
      item->snippet_markup = snippet_markup (hit->snippet);
      g_hash_table_add (sources_hit, &item->source_id);
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->hits, 0, 0, items->pdata, items->len);
  if (results->total > results->hits->len)
    summary = g_strdup_printf (ngettext ("%'u line matches; the first %'u are listed",
                                         "%'u lines match; the first %'u are listed", results->total),
                               results->total, results->hits->len);
  else
    {
      guint n_sources = g_hash_table_size (sources_hit);
      g_autofree char *lines = g_strdup_printf (ngettext ("%'u line", "%'u lines", results->total), results->total);
      g_autofree char *in = g_strdup_printf (ngettext ("%u source", "%u sources", n_sources), n_sources);
      /* TRANSLATORS: a search's summary, as "12 lines in 3 sources" */
      summary = g_strdup_printf (_("%s in %s"), lines, in);
    }
  gtk_label_set_text (GTK_LABEL (self->summary), results->total ? summary : _("No line matches"));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), results->total ? "hits" : "hint");
}


static void
on_search_done (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSearchResults) results = tl_search_finish (TL_LIBRARY (object), result, &error);
  TlSearchPanel *self;

  /* a newer query took its place, or the panel is gone */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = TL_SEARCH_PANEL (user_data);
  g_clear_object (&self->cancellable);
  if (results == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->summary), error->message);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "hint");
      return;
    }
  show_results (self, results);
}

/* Searches in a thread (tl_search_async()): typing goes on while a big
 * library is searched, and each key stops the search before it. */
static void
run_search (TlSearchPanel *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_list_store_remove_all (self->hits);
  /* sources may have been relinked or deleted since the last search */
  g_hash_table_remove_all (self->sources);
  if (self->library == NULL || query == NULL || *query == '\0')
    {
      gtk_label_set_text (GTK_LABEL (self->summary), "");
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "hint");
      return;
    }
  self->cancellable = g_cancellable_new ();
  /* the panel outlives the search: dispose cancels it, and a cancelled
   * search does not touch the panel */
  tl_search_async (self->library, query, MAX_HITS, 0, "\x02", "\x03", self->cancellable, on_search_done, self);
}

static void
on_search_changed (GtkSearchEntry *entry, TlSearchPanel *self)
{
  run_search (self);
}

static void
on_stop_search (GtkSearchEntry *entry, TlSearchPanel *self)
{
  g_signal_emit (self, signals[SIGNAL_CLOSED], 0);
}

static void
on_hit_selected (GtkSingleSelection *selection, GParamSpec *pspec, TlSearchPanel *self)
{
  TlHitItem *item = gtk_single_selection_get_selected_item (selection);

  if (item)
    g_signal_emit (self, signals[SIGNAL_HIT_ACTIVATED], 0, item->source_id, item->segment_index);
}

static void
on_hit_setup (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *where = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_label_set_ellipsize (GTK_LABEL (where), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (where, "caption");
  gtk_widget_add_css_class (where, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_lines (GTK_LABEL (text), 3);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), where);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_item_set_child (item, box);
}

static void
on_hit_bind (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  TlHitItem *hit = gtk_list_item_get_item (item);
  GtkWidget *where = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *text = gtk_widget_get_next_sibling (where);
  g_autofree char *label = NULL;

  if (hit->start >= 0)
    {
      /* as every time is shown: timecode at its media's rate, or as the
       * preferences say */
      TlSearchPanel *self = user_data;
      TlSource *source = g_hash_table_lookup (self->sources, &hit->source_id);
      g_autofree char *time = NULL;

      if (source == NULL && self->library
          && (source = tl_library_get_source (self->library, hit->source_id, NULL)) != NULL)
        g_hash_table_insert (self->sources, g_memdup2 (&hit->source_id, sizeof hit->source_id), source);
      time = tl_time_format_now (hit->start, source ? tl_source_get_media (source) : NULL);
      label = g_strdup_printf ("%s · %s", time, hit->source_title ? hit->source_title : "");
    }
  else
    label = g_strdup_printf (_("¶ %u · %s"), hit->segment_index + 1, hit->source_title ? hit->source_title : "");
  gtk_label_set_text (GTK_LABEL (where), label);
  gtk_label_set_markup (GTK_LABEL (text), hit->snippet_markup);
}

static void
on_time_format (TlSearchPanel *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->hits));

  g_list_model_items_changed (G_LIST_MODEL (self->hits), 0, n, n);
}

static void
tl_search_panel_dispose (GObject *object)
{
  TlSearchPanel *self = TL_SEARCH_PANEL (object);
  GtkWidget *child;

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_signal_handlers_disconnect_by_data (tl_time_format_get_default (), self);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->library);
  g_clear_object (&self->selection);
  g_clear_object (&self->hits);
  G_OBJECT_CLASS (tl_search_panel_parent_class)->dispose (object);
}

static void
tl_search_panel_class_init (TlSearchPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = tl_search_panel_dispose;
  /* A hit was picked: source id, line index. */
  signals[SIGNAL_HIT_ACTIVATED] = g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT);
  /* The editor left the search (Escape). */
  signals[SIGNAL_CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "searchpanel");
}

static void
tl_search_panel_init (TlSearchPanel *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *list, *scroller = gtk_scrolled_window_new ();
  GtkWidget *hint = gtk_label_new (_("Words, “a phrase”, prefix*, OR, -word. Pick a line, then press a topic’s "
                                     "key to tag it."));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->sources = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  /* another time format: the hits shown again in it */
  g_signal_connect_swapped (tl_time_format_get_default (), "notify::kind", G_CALLBACK (on_time_format), self);
  self->entry = gtk_search_entry_new ();
  g_object_set (self->entry, "placeholder-text", _("Search all transcripts"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search all transcripts"), -1);
  gtk_widget_set_margin_start (self->entry, 6);
  gtk_widget_set_margin_end (self->entry, 6);
  gtk_widget_set_margin_top (self->entry, 6);
  g_signal_connect (self->entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect (self->entry, "stop-search", G_CALLBACK (on_stop_search), self);
  gtk_widget_set_parent (self->entry, GTK_WIDGET (self));

  self->summary = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  gtk_widget_add_css_class (self->summary, "dim-label");
  gtk_widget_add_css_class (self->summary, "caption");
  gtk_widget_set_margin_start (self->summary, 12);
  gtk_widget_set_margin_end (self->summary, 12);
  gtk_widget_set_margin_top (self->summary, 6);
  gtk_widget_set_margin_bottom (self->summary, 6);
  gtk_widget_set_parent (self->summary, GTK_WIDGET (self));

  self->hits = g_list_store_new (TL_TYPE_HIT_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->hits)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (on_hit_selected), self);
  g_signal_connect (factory, "setup", G_CALLBACK (on_hit_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_hit_bind), self);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search results"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);

  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_set_valign (hint, GTK_ALIGN_START);
  gtk_widget_set_margin_start (hint, 12);
  gtk_widget_set_margin_end (hint, 12);
  gtk_widget_set_margin_top (hint, 12);
  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), hint, "hint");
  gtk_stack_add_named (GTK_STACK (self->stack), scroller, "hits");
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));
}

GtkWidget *
tl_search_panel_new (void)
{
  return g_object_new (TL_TYPE_SEARCH_PANEL, NULL);
}

void
tl_search_panel_set_library (TlSearchPanel *self, TlLibrary *library)
{
  g_return_if_fail (TL_IS_SEARCH_PANEL (self));
  g_set_object (&self->library, library);
  run_search (self);
}

void
tl_search_panel_focus (TlSearchPanel *self)
{
  g_return_if_fail (TL_IS_SEARCH_PANEL (self));
  gtk_widget_grab_focus (self->entry);
}

void
tl_search_panel_set_query (TlSearchPanel *self, const char *query)
{
  g_return_if_fail (TL_IS_SEARCH_PANEL (self));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), query);
  run_search (self);
}

guint
tl_search_panel_get_n_hits (TlSearchPanel *self)
{
  g_return_val_if_fail (TL_IS_SEARCH_PANEL (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->hits));
}

/**
 * tl_search_panel_get_terms:
 *
 * The words and phrases of the query shown, for marking them in the line
 * of a hit (a prefix term ends with `*`).
 *
 * Returns: (transfer full): the terms; empty without a query
 */
char **
tl_search_panel_get_terms (TlSearchPanel *self)
{
  g_return_val_if_fail (TL_IS_SEARCH_PANEL (self), NULL);
  return tl_search_terms (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}
