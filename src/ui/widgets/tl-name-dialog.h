/* tl-name-dialog.h: asks for a name (new folder, rename, new topic). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef void (*TlNameFunc) (const char *name, gpointer user_data);

void tl_ask_name (GtkWidget *parent,
                  const char *heading,
                  const char *ok_label,
                  const char *initial,
                  TlNameFunc callback,
                  gpointer user_data,
                  GDestroyNotify destroy);

G_END_DECLS
