/* tl-locale.h: dates, numbers and durations written as the user's locale
 * writes them, for what the window shows (never for files or JSON). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *tl_locale_format_date (const char *iso);
char *tl_locale_format_count (guint64 n);
char *tl_locale_format_seconds (gint64 usec);

G_END_DECLS
