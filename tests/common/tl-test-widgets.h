/* tl-test-widgets.h: finding widgets in a window's tree, for the UI tests
 * and benchmarks that drive the real window. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*TlTestWidgetMatch) (GtkWidget *widget, gconstpointer data);

GtkWidget *tl_test_find_widget (GtkWidget *root, TlTestWidgetMatch match, gconstpointer data);
GtkWidget *tl_test_find_toggle (GtkWidget *root, const char *label);
GtkScrolledWindow *tl_test_find_list_scroller (GtkWidget *root);

G_END_DECLS
