/* tl-locale.c: dates, numbers and durations as the user's locale writes
 * them (LC_TIME, LC_NUMERIC), for display only. */
#include "tl-locale.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

/* The C locale's own date ("06/18/24") says less than the ISO date it was
 * given: there, and in POSIX, the ISO date stays. */
static gboolean
time_locale_is_c (void)
{
  const char *name = setlocale (LC_TIME, NULL);

  return name == NULL || strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0 || g_str_has_prefix (name, "C.");
}

/**
 * tl_locale_format_date:
 * @iso: a date as sources store it: "2024-06-18", or ISO 8601 with a time
 *
 * Returns: (transfer full): the date in the locale's own short form
 * ("18.06.2024", "18/06/2024"), or @iso as it is when it is not such a date
 * or the locale is C
 */
char *
tl_locale_format_date (const char *iso)
{
  g_autoptr(GDateTime) when = NULL;
  unsigned year, month, day;
  char rest;

  g_return_val_if_fail (iso != NULL, NULL);

  if (time_locale_is_c ())
    return g_strdup (iso);
  if (sscanf (iso, "%4u-%2u-%2u%c", &year, &month, &day, &rest) == 3
      && g_date_valid_dmy (day, month, year))
    when = g_date_time_new_utc (year, month, day, 12, 0, 0);
  else if (strlen (iso) > 10 && iso[4] == '-' && iso[7] == '-')
    when = g_date_time_new_from_iso8601 (iso, NULL);
  if (when == NULL)
    return g_strdup (iso);
  /* %x: the locale's preferred date, without a time of day */
  return g_date_time_format (when, "%x");
}

/**
 * tl_locale_format_count:
 * @n: a count
 *
 * Returns: (transfer full): @n with the locale's digit grouping ("12.345",
 * "12 345"; "12345" in C)
 */
char *
tl_locale_format_count (guint64 n)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

/**
 * tl_locale_format_seconds:
 * @usec: a duration in microseconds
 *
 * Returns: (transfer full): the duration in seconds to a tenth, with the
 * locale's decimal mark and digit grouping ("15,0" in German)
 */
char *
tl_locale_format_seconds (gint64 usec)
{
  return g_strdup_printf ("%'.1f", usec / 1e6);
}
