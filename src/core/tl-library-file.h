/* tl-library-file.h: telling a library file from the files imported into
 * one, by content, before anything opens it. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean tl_library_file_sniff (const char *path);
const char *tl_library_file_get_mime_type (void);

G_END_DECLS
