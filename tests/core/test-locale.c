/* test-locale.c: dates, counts and durations as German, French and the C
 * locale write them. The German and French locales are compiled into a
 * folder of the test's own with localedef (LOCPATH) when the machine has
 * none; without localedef and its sources those cases skip. */
#include <locale.h>

#include "tl-locale.h"
#include "tl-test-util.h"

static char *locpath;

/* Switches LC_ALL to @name (e.g. "de_DE.UTF-8"), compiling it first when
 * the system lacks it. FALSE when it cannot be had. */
static gboolean
use_locale (const char *name)
{
  g_autofree char *input = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  /* the system's first: glibc remembers a locale it did not find under a
   * path, so the folder is only named once the locale is in it */
  g_unsetenv ("LOCPATH");
  if (setlocale (LC_ALL, name) != NULL)
    return TRUE;
  if (locpath == NULL)
    locpath = tl_test_tmpdir_new ();
  input = g_strndup (name, strcspn (name, "."));
  out = g_build_filename (locpath, name, NULL);
  {
    const char *argv[] = { "localedef", "-i", input, "-f", "UTF-8", out, NULL };
    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                       | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL))
      return FALSE;
  }
  g_setenv ("LOCPATH", locpath, TRUE);
  return setlocale (LC_ALL, name) != NULL;
}

static void
check (char *(*format) (void), const char *want)
{
  g_autofree char *got = format ();
  g_assert_cmpstr (got, ==, want);
}

static char *date_plain (void) { return tl_locale_format_date ("2024-06-18"); }
static char *date_time (void) { return tl_locale_format_date ("2024-06-18T21:30:00Z"); }
static char *date_words (void) { return tl_locale_format_date ("June 18, 2024"); }
static char *date_bad (void) { return tl_locale_format_date ("2024-02-30"); }
static char *count_big (void) { return tl_locale_format_count (1234567); }
static char *count_small (void) { return tl_locale_format_count (289); }
static char *seconds (void) { return tl_locale_format_seconds (15000000); }
static char *seconds_long (void) { return tl_locale_format_seconds (3725250000); }

/* C: ISO dates stay, no grouping, a decimal point */
static void
test_c (void)
{
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  check (date_plain, "2024-06-18");
  check (date_words, "June 18, 2024");
  check (count_big, "1234567");
  check (seconds, "15.0");
  check (seconds_long, "3725.2");
}

static void
test_german (void)
{
  if (!use_locale ("de_DE.UTF-8"))
    {
      g_test_skip ("no de_DE.UTF-8 locale, and localedef cannot make one");
      return;
    }
  check (date_plain, "18.06.2024");
  check (date_time, "18.06.2024");
  /* not ISO: shown as the source gave it */
  check (date_words, "June 18, 2024");
  check (date_bad, "2024-02-30");
  check (count_big, "1.234.567");
  check (count_small, "289");
  check (seconds, "15,0");
  check (seconds_long, "3.725,2");
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_french (void)
{
  if (!use_locale ("fr_FR.UTF-8"))
    {
      g_test_skip ("no fr_FR.UTF-8 locale, and localedef cannot make one");
      return;
    }
  check (date_plain, "18/06/2024");
  check (seconds, "15,0");
  /* French groups with a narrow no-break space */
  check (count_big, "1\u202f234\u202f567");
  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/locale/c", test_c);
  g_test_add_func ("/core/locale/german", test_german);
  g_test_add_func ("/core/locale/french", test_french);
  status = g_test_run ();
  if (locpath)
    tl_test_tmpdir_free (g_steal_pointer (&locpath));
  return status;
}
