/* tl-file-name.h: file names made from any text (titles, topics): safe on
 * the file systems editors hand media over on, readable, unique in a folder. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Room for " (999)", an extension and a temporary prefix within the 255
 * bytes a name may take on ext4, NTFS, exFAT and APFS. */
#define TL_FILE_NAME_MAX_STEM 180

char *tl_file_name_from_text (const char *text, gsize max_bytes);
char *tl_file_name_unique (const char *dir, const char *stem, const char *extension, GHashTable *taken);
GHashTable *tl_file_name_taken_new (void);

G_END_DECLS
