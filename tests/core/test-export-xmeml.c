/* test-export-xmeml.c: Final Cut 7 XML (xmeml v4) of a real library, read
 * with libxml2: well-formed, frames in and out from the start of the
 * media, timebase and ntsc flags, files defined once, hostile names intact. */
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
eval (TlXPath *xpath, xmlNode *node, const char *expr)
{
  xmlXPathObject *result = node ? xmlXPathNodeEval (node, BAD_CAST expr, xpath)
                                : xmlXPathEvalExpression (BAD_CAST expr, xpath);
  xmlChar *text = xmlXPathCastToString (result);
  char *copy = g_strdup ((const char *) text);

  xmlFree (text);
  xmlXPathFreeObject (result);
  return copy;
}

static gint64
eval_int (TlXPath *xpath, xmlNode *node, const char *expr)
{
  g_autofree char *text = eval (xpath, node, expr);
  char *end = NULL;
  gint64 value = g_ascii_strtoll (text, &end, 10);

  g_assert_true (*text != '\0' && *end == '\0');
  return value;
}

static xmlNodeSet *
nodes (TlXPath *xpath, const char *expr, xmlXPathObject **result)
{
  *result = xmlXPathEvalExpression (BAD_CAST expr, xpath);
  g_assert_nonnull (*result);
  return (*result)->nodesetval;
}

static gboolean
has_video (TlSource *source)
{
  const TlMediaInfo *media = tl_source_get_media (source);

  return media == NULL || media->has_video;
}

static void
test_clipitems (void)
{
  g_autoptr(TlExportContext) ctx = tl_test_export_context (lib, NULL, NULL);
  g_autofree char *text = tl_test_export (lib, "xmeml", NULL, NULL, NULL);
  g_autoptr(TlXmlDoc) doc = xmlReadMemory (text, strlen (text), "export.xml", NULL, XML_PARSE_NONET);
  g_autoptr(TlXPath) xpath = NULL;
  xmlXPathObject *video_result, *audio_result;
  xmlNodeSet *video, *audio;
  guint v = 0, a = 0;

  g_assert_nonnull (doc);
  xpath = xmlXPathNewContext (doc);
  g_assert_cmpint (eval_int (xpath, NULL, "/xmeml/@version"), ==, 4);
  g_assert_cmpint (eval_int (xpath, NULL, "/xmeml/sequence/rate/timebase"), ==, 30);
  {
    g_autofree char *ntsc = eval (xpath, NULL, "/xmeml/sequence/rate/ntsc");
    g_autofree char *start = eval (xpath, NULL, "/xmeml/sequence/timecode/string");
    g_assert_cmpstr (ntsc, ==, "TRUE");
    g_assert_cmpstr (start, ==, "01:00:00;00");
  }
  video = nodes (xpath, "/xmeml/sequence/media/video/track/clipitem", &video_result);
  audio = nodes (xpath, "/xmeml/sequence/media/audio/track/clipitem", &audio_result);

  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      const char *const *topics = tl_clip_get_topics (item->clip);
      const char *title = tl_clip_get_title (item->clip);
      xmlNode *clipitem;
      g_autofree char *ntsc = NULL, *name = NULL, *lognote = NULL;

      if (!item->timed)
        continue;
      if (!has_video (item->source))
        {
          g_assert_cmpint (eval_int (xpath, audio->nodeTab[a++], "in"), ==, item->in_frame);
          continue;
        }
      clipitem = video->nodeTab[v++];
      a++;
      g_assert_cmpint (eval_int (xpath, clipitem, "in"), ==, item->in_frame);
      g_assert_cmpint (eval_int (xpath, clipitem, "out"), ==, item->out_frame);
      g_assert_cmpint (eval_int (xpath, clipitem, "start"), ==, item->record_in);
      g_assert_cmpint (eval_int (xpath, clipitem, "end"), ==, item->record_out);
      g_assert_cmpint (eval_int (xpath, clipitem, "rate/timebase"), ==,
                       (item->fps_num + item->fps_den / 2) / item->fps_den);
      ntsc = eval (xpath, clipitem, "rate/ntsc");
      g_assert_cmpstr (ntsc, ==, item->fps_den == 1001 ? "TRUE" : "FALSE");
      g_assert_cmpint (eval_int (xpath, clipitem, "count(marker)"), ==, g_strv_length ((char **) topics));
      for (guint t = 0; topics[t] != NULL; t++)
        {
          g_autofree char *expr = g_strdup_printf ("marker[%u]/name", t + 1);
          g_autofree char *marker = eval (xpath, clipitem, expr);
          g_assert_true (tl_test_export_clean_equal (topics[t], marker, FALSE));
          g_assert_cmpint (eval_int (xpath, clipitem, "marker[1]/in"), ==, item->in_frame);
        }
      name = eval (xpath, clipitem, "name");
      g_assert_true (tl_test_export_clean_equal (title ? title : tl_source_get_title (item->source), name, TRUE));
      lognote = eval (xpath, clipitem, "logginginfo/lognote");
      g_assert_true (tl_test_export_clean_equal (tl_clip_get_note (item->clip) ? tl_clip_get_note (item->clip) : "",
                                                 lognote, FALSE));
      /* linked to its audio */
      g_assert_cmpint (eval_int (xpath, clipitem, "count(link)"), ==, 2);
    }
  g_assert_cmpuint (v, ==, video->nodeNr);
  g_assert_cmpuint (a, ==, audio->nodeNr);
  xmlXPathFreeObject (video_result);
  xmlXPathFreeObject (audio_result);
}

/* Each file in full once (name, URL, rate, timecode), by id after that;
 * every id a clipitem names is defined. */
static void
test_files (void)
{
  g_autofree char *text = tl_test_export (lib, "xmeml", NULL, NULL, NULL);
  g_autoptr(TlXmlDoc) doc = xmlReadMemory (text, strlen (text), "export.xml", NULL, XML_PARSE_NONET);
  g_autoptr(TlXPath) xpath = xmlXPathNewContext (doc);
  xmlXPathObject *result;
  xmlNodeSet *files = nodes (xpath, "//file", &result);
  g_autoptr(GHashTable) defined = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int i = 0; i < files->nodeNr; i++)
    {
      g_autofree char *id = eval (xpath, files->nodeTab[i], "@id");
      if (eval_int (xpath, files->nodeTab[i], "count(*)") > 0)
        {
          g_autofree char *url = eval (xpath, files->nodeTab[i], "pathurl");
          g_autofree char *path = g_filename_from_uri (url, NULL, NULL);
          g_assert_true (g_str_has_prefix (url, "file://localhost/"));
          g_assert_nonnull (path);
          g_assert_true (g_hash_table_add (defined, g_steal_pointer (&id)));
        }
      else
        g_assert_true (g_hash_table_contains (defined, id));
    }
  g_assert_cmpuint (g_hash_table_size (defined), ==, TL_TEST_N_SOURCES - 1);
  g_assert_nonnull (strstr (text, "<timecode>\n"));
  {
    g_autofree char *origin = eval (xpath, NULL, "//file[name='firstpost.mxf']/timecode/string");
    g_autofree char *hostile = eval (xpath, NULL, "//file[starts-with(name, 'hostile')]/name");
    g_assert_cmpstr (origin, ==, "10:00:00:00");
    g_assert_cmpstr (hostile, ==, "hostile <&\"> name.mkv");
  }
  xmlXPathFreeObject (result);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  lib = tl_test_export_library_new ();
  g_test_add_func ("/core/export/xmeml/clipitems", test_clipitems);
  g_test_add_func ("/core/export/xmeml/files", test_files);
  status = g_test_run ();
  tl_test_export_library_free (lib);
  return status;
}
