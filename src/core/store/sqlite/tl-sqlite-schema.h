/* tl-sqlite-schema.h: the SQLite store's migrations, numbered .sql files
 * compiled into the core as a GResource. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

guint tl_sqlite_schema_get_n_migrations (void);
char *tl_sqlite_schema_get_migration (guint version);

G_END_DECLS
