/* tl-name-dialog.c: a message dialog with one entry, for names. */
#include "tl-name-dialog.h"

#include <glib/gi18n.h>

typedef struct {
  GtkWidget *entry;
  TlNameFunc callback;
  gpointer user_data;
  GDestroyNotify destroy;
} NameDialog;

static void
name_dialog_free (gpointer data, GClosure *closure)
{
  NameDialog *d = data;

  if (d->destroy)
    d->destroy (d->user_data);
  g_free (d);
}

static void
on_response (AdwMessageDialog *dialog, const char *response, NameDialog *d)
{
  if (g_str_equal (response, "ok"))
    d->callback (gtk_editable_get_text (GTK_EDITABLE (d->entry)), d->user_data);
}

/**
 * tl_ask_name:
 * @parent: a widget of the window the dialog belongs to
 * @callback: called with the name when the editor confirms it
 * @destroy: (nullable): frees @user_data when the dialog goes
 */
void
tl_ask_name (GtkWidget *parent, const char *heading, const char *ok_label, const char *initial,
             TlNameFunc callback, gpointer user_data, GDestroyNotify destroy)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)), heading, NULL);
  NameDialog *d = g_new0 (NameDialog, 1);

  d->callback = callback;
  d->user_data = user_data;
  d->destroy = destroy;
  d->entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (d->entry), initial ? initial : "");
  gtk_entry_set_activates_default (GTK_ENTRY (d->entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), d->entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "ok", ok_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), d, name_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (d->entry);
}
