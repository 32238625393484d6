/* test-search.c: what the library search reads in a query: the FTS5
 * expression it runs, and the terms it marks in the lines it finds. */
#include "tl-search.h"

static void
test_terms (void)
{
  g_auto(GStrv) terms = tl_search_terms ("sanctions \"North Korea\" weap* -Russia OR ?! ammunition");
  g_auto(GStrv) none = tl_search_terms ("  -alone ?! ");
  g_auto(GStrv) empty = tl_search_terms ("");
  g_autofree char *joined = g_strjoinv ("|", terms);

  g_assert_cmpstr (joined, ==, "sanctions|North Korea|weap*|ammunition");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_cmpuint (g_strv_length (empty), ==, 0);
}

/* The terms are read as the match expression reads them. */
static void
test_match (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *match = tl_search_build_match ("sanctions \"North Korea\" weap* -Russia OR ?! ammunition", &error);
  g_autofree char *either = tl_search_build_match ("parade OR weapons", &error);
  g_autofree char *leading_or = tl_search_build_match ("OR parade", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (match, ==, "\"sanctions\" AND \"North Korea\" AND \"weap\"* NOT \"Russia\" OR \"ammunition\"");
  g_assert_cmpstr (either, ==, "\"parade\" OR \"weapons\"");
  g_assert_cmpstr (leading_or, ==, "\"parade\"");
  g_assert_null (tl_search_build_match ("-alone", &error));
  g_assert_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/search/terms", test_terms);
  g_test_add_func ("/core/search/match", test_match);
  return g_test_run ();
}
