/* test-export-paper.c: the paper edit of a real library, in Markdown and
 * as a printable HTML page: grouped by topic in the library's order, every
 * clip with its source, place and words, quotes included; the page is
 * well-formed (libxml2 reads it as XML), fetches nothing, and shows every
 * hostile name as the text it is. */
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <string.h>

#include "tl-test-export.h"

static TlTestExportLibrary *lib;

typedef xmlDoc TlXmlDoc;
typedef xmlXPathContext TlXPath;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlXmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlXPath, xmlXPathFreeContext)

static char *
eval (TlXPath *xpath, const char *expr)
{
  xmlXPathObject *result = xmlXPathEvalExpression (BAD_CAST expr, xpath);
  xmlChar *text = xmlXPathCastToString (result);
  char *copy = g_strdup ((const char *) text);

  xmlFree (text);
  xmlXPathFreeObject (result);
  return copy;
}

static GPtrArray *
eval_all (TlXPath *xpath, const char *expr)
{
  xmlXPathObject *result = xmlXPathEvalExpression (BAD_CAST expr, xpath);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; result->nodesetval && i < result->nodesetval->nodeNr; i++)
    {
      xmlChar *text = xmlNodeGetContent (result->nodesetval->nodeTab[i]);
      g_ptr_array_add (texts, g_strdup ((const char *) text));
      xmlFree (text);
    }
  xmlXPathFreeObject (result);
  return texts;
}

/* The groups a producer expects: each topic with clips, in the library's
 * order, then the clips without a topic. */
static GPtrArray *
expected_groups (TlExportContext *ctx)
{
  GPtrArray *groups = g_ptr_array_new ();
  gboolean untagged = FALSE;

  for (guint t = 0; t < ctx->topics->len; t++)
    {
      const char *name = tl_topic_get_name (g_ptr_array_index (ctx->topics, t));
      for (guint i = 0; i < ctx->items->len; i++)
        if (g_strv_contains (tl_clip_get_topics (((TlExportItem *) g_ptr_array_index (ctx->items, i))->clip), name))
          {
            g_ptr_array_add (groups, (char *) name);
            break;
          }
    }
  for (guint i = 0; i < ctx->items->len; i++)
    untagged |= tl_clip_get_topics (((TlExportItem *) g_ptr_array_index (ctx->items, i))->clip)[0] == NULL;
  if (untagged)
    g_ptr_array_add (groups, "No topic");
  return groups;
}

static void
test_html (void)
{
  g_autoptr(TlExportContext) ctx = tl_test_export_context (lib, NULL, NULL);
  g_autofree char *text = tl_test_export (lib, "html", NULL, NULL, NULL);
  g_autoptr(TlXmlDoc) doc = xmlReadMemory (text, strlen (text), "paper.html", NULL, XML_PARSE_NONET);
  g_autoptr(TlXPath) xpath = NULL;
  g_autoptr(GPtrArray) groups = expected_groups (ctx);
  g_autoptr(GPtrArray) headings = NULL, clips = NULL, quotes = NULL;
  g_autofree char *count = NULL;
  guint n_entries = 0;

  g_assert_nonnull (doc);
  g_assert_true (g_str_has_prefix (text, "<!DOCTYPE html>\n"));
  /* self-contained: nothing to fetch, nothing to run */
  g_assert_null (strstr (text, "<script"));
  g_assert_null (strstr (text, "<link"));
  g_assert_null (strstr (text, "src="));
  g_assert_null (strstr (text, "url("));
  g_assert_null (strstr (text, "@import"));
  g_assert_nonnull (strstr (text, "@media print"));

  xpath = xmlXPathNewContext (doc);
  headings = eval_all (xpath, "/html/body/section/h2");
  g_assert_cmpuint (headings->len, ==, groups->len);
  for (guint g = 0; g < groups->len; g++)
    {
      g_autofree char *expr = g_strdup_printf ("count(/html/body/section[%u]/article)", g + 1);
      g_autofree char *n = eval (xpath, expr);
      g_assert_true (tl_test_export_clean_equal (g_ptr_array_index (groups, g), g_ptr_array_index (headings, g),
                                                 TRUE));
      n_entries += atoi (n);
    }
  /* a clip is under each of its topics */
  {
    guint expected = 0;
    for (guint i = 0; i < ctx->items->len; i++)
      expected += MAX (1, g_strv_length ((char **) tl_clip_get_topics (
                                 ((TlExportItem *) g_ptr_array_index (ctx->items, i))->clip)));
    g_assert_cmpuint (n_entries, ==, expected);
  }

  /* every hostile title shows as its own text */
  clips = eval_all (xpath, "//article/h3");
  for (guint h = 0; tl_test_hostile_titles[h] != NULL; h++)
    {
      g_autofree char *expected = tl_test_export_cleaned (tl_test_hostile_titles[h], TRUE);
      gboolean found = FALSE;
      for (guint c = 0; c < clips->len && !found; c++)
        found = strcmp (strchr (g_ptr_array_index (clips, c), ' ') + 1, expected) == 0;
      g_assert_true (found);
    }
  /* the words said, quotes from the article included */
  quotes = eval_all (xpath, "//article/blockquote");
  g_assert_cmpuint (quotes->len, ==, n_entries);
  count = eval (xpath, "count(//p[@class='meta'][contains(., 'quote, paragraphs 1–2')])");
  g_assert_cmpstr (count, ==, "1");
  g_free (count);
  count = eval (xpath, "string(/html/head/title)");
  g_assert_cmpstr (count, ==, "Tagline export");
}

/* Markdown: headings per group, a numbered heading per clip, and every
 * character that would format escaped. */
static void
test_markdown (void)
{
  g_autoptr(TlExportContext) ctx = tl_test_export_context (lib, NULL, NULL);
  g_autofree char *text = tl_test_export (lib, "md", NULL, NULL, NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) groups = expected_groups (ctx);
  guint g = 0, n_clips = 0;

  g_assert_true (g_str_has_prefix (text, "# Tagline export\n"));
  for (guint i = 1; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "## "))
        g_assert_cmpuint (g++, <, groups->len);
      else if (g_str_has_prefix (lines[i], "### "))
        n_clips++;
      else
        /* no line of a title, a note or a quote can make a heading */
        g_assert_false (g_str_has_prefix (lines[i], "#"));
    }
  g_assert_cmpuint (g, ==, groups->len);
  g_assert_nonnull (strstr (text, "## \\<b\\>Reaction\\</b\\> \\<\\&\"\\>\n"));
  g_assert_nonnull (strstr (text, "### 2. \\<\\&\"\\> and \\</asset-clip\\>\\<\\!-- --\\>\n"));
  g_assert_nonnull (strstr (text, "\\=SUM(A1:A9) starts like a formula"));
  g_assert_nonnull (strstr (text, "> Fish \\& chips"));
  g_assert_nonnull (strstr (text, "quote, paragraphs 1–2"));
  g_assert_nonnull (strstr (text, "01:00:03;17 – 01:00:10;21 (0:07)"));
  g_assert_cmpuint (n_clips, >, ctx->items->len);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  lib = tl_test_export_library_new ();
  g_test_add_func ("/core/export/paper/html", test_html);
  g_test_add_func ("/core/export/paper/markdown", test_markdown);
  status = g_test_run ();
  tl_test_export_library_free (lib);
  return status;
}
