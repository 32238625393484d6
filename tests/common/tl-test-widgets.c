/* tl-test-widgets.c: finding widgets in a window's tree. */
#include "tl-test-widgets.h"

/* Returns: (transfer none) (nullable): the first widget under @root
 * (itself included, depth first) that @match accepts */
GtkWidget *
tl_test_find_widget (GtkWidget *root, TlTestWidgetMatch match, gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = tl_test_find_widget (child, match, data);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
is_toggle_labelled (GtkWidget *widget, gconstpointer label)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The toggle button labelled @label; the test fails if there is none. */
GtkWidget *
tl_test_find_toggle (GtkWidget *root, const char *label)
{
  GtkWidget *found = tl_test_find_widget (root, is_toggle_labelled, label);

  g_assert_true (GTK_IS_TOGGLE_BUTTON (found));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (found)), ==, label);
  return found;
}

static gboolean
is_list_scroller (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_SCROLLED_WINDOW (widget)
         && GTK_IS_LIST_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (widget)));
}

/* The scrolled window around the first list view; the test fails if there
 * is none. */
GtkScrolledWindow *
tl_test_find_list_scroller (GtkWidget *root)
{
  GtkWidget *found = tl_test_find_widget (root, is_list_scroller, NULL);

  g_assert_true (GTK_IS_SCROLLED_WINDOW (found));
  g_assert_true (GTK_IS_LIST_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (found))));
  return GTK_SCROLLED_WINDOW (found);
}

void
tl_test_spin (guint msec)
{
  gint64 until = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

void
tl_test_spin_idle (guint msec)
{
  tl_test_spin (msec);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}
