/* tl-test-widgets.h: finding widgets in a window's tree, for the UI tests
 * and benchmarks that drive the real window. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*TlTestWidgetMatch) (GtkWidget *widget, gconstpointer data);

GtkWidget *tl_test_find_widget (GtkWidget *root, TlTestWidgetMatch match, gconstpointer data);
GtkWidget *tl_test_find_toggle (GtkWidget *root, const char *label);
GtkScrolledWindow *tl_test_find_list_scroller (GtkWidget *root);

/* Runs the main loop for @msec (not until it is idle: while media plays on
 * a slow machine it never is). */
void tl_test_spin (guint msec);
/* The same, then until nothing is pending. */
void tl_test_spin_idle (guint msec);

/* Runs the main loop until @cond holds or @seconds pass; whether it held. */
#define tl_test_wait_until(cond, seconds) \
  ({ \
    gint64 tl_until_ = g_get_monotonic_time () + (gint64) ((seconds) * G_USEC_PER_SEC); \
    while (!(cond) && g_get_monotonic_time () < tl_until_) \
      g_main_context_iteration (NULL, FALSE); \
    (gboolean) (cond); \
  })

G_END_DECLS
