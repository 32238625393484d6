/* test-export-fcpxml.c: FCPXML 1.10 of a real library: valid against
 * Apple's DTD (when ../shared/dtd holds it), read back by a small reader
 * written here with the same frames, every time a whole number of frames,
 * names and notes intact, media as percent-encoded file URLs. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "tl-test-export.h"
#include "tl-timecode.h"

static TlTestExportLibrary *lib;

/* The reader */

typedef struct {
  gint64 num; /* seconds = num / den */
  gint64 den;
} Rational;

static Rational
parse_time (const char *text)
{
  Rational r = { 0, 1 };
  char *end = NULL;

  g_assert_nonnull (text);
  r.num = g_ascii_strtoll (text, &end, 10);
  if (*end == '/')
    r.den = g_ascii_strtoll (end + 1, &end, 10);
  g_assert_cmpstr (end, ==, "s");
  g_assert_cmpint (r.den, >, 0);
  return r;
}

/* A time in frames of @frame_duration; it must be a whole number of them. */
static gint64
to_frames (Rational time, Rational frame_duration)
{
  gint64 num = time.num * frame_duration.den, den = time.den * frame_duration.num;

  g_assert_cmpint (num % den, ==, 0);
  return num / den;
}

static char *
attr (xmlNode *node, const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static Rational
time_attr (xmlNode *node, const char *name)
{
  g_autofree char *value = attr (node, name);

  return parse_time (value);
}

static xmlNode *
child (xmlNode *node, const char *name)
{
  for (xmlNode *c = node->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && strcmp ((const char *) c->name, name) == 0)
      return c;
  return NULL;
}

static GPtrArray *
children (xmlNode *node, const char *name)
{
  GPtrArray *found = g_ptr_array_new ();

  for (xmlNode *c = node->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && strcmp ((const char *) c->name, name) == 0)
      g_ptr_array_add (found, c);
  return found;
}

typedef struct {
  xmlDoc *doc;
  GHashTable *frame_durations; /* format id -> Rational* */
  GHashTable *asset_formats;   /* asset id -> format id */
  GHashTable *asset_sources;   /* asset id -> media-rep src */
  GPtrArray *event_clips;      /* xmlNode */
  GPtrArray *spine_clips;
  xmlNode *sequence;
} Fcpxml;

static void
fcpxml_free (Fcpxml *f)
{
  g_hash_table_unref (f->frame_durations);
  g_hash_table_unref (f->asset_formats);
  g_hash_table_unref (f->asset_sources);
  g_ptr_array_unref (f->event_clips);
  g_ptr_array_unref (f->spine_clips);
  xmlFreeDoc (f->doc);
  g_free (f);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fcpxml, fcpxml_free)

static Fcpxml *
fcpxml_read (const char *text)
{
  Fcpxml *f = g_new0 (Fcpxml, 1);
  xmlNode *root, *resources, *event, *project;

  f->doc = xmlReadMemory (text, strlen (text), "export.fcpxml", NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
  g_assert_nonnull (f->doc);
  root = xmlDocGetRootElement (f->doc);
  g_assert_cmpstr ((const char *) root->name, ==, "fcpxml");
  {
    g_autofree char *version = attr (root, "version");
    g_assert_cmpstr (version, ==, "1.10");
  }
  f->frame_durations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->asset_formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->asset_sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  resources = child (root, "resources");
  for (xmlNode *r = resources->children; r; r = r->next)
    {
      if (r->type != XML_ELEMENT_NODE)
        continue;
      if (strcmp ((const char *) r->name, "format") == 0)
        {
          Rational *fd = g_new (Rational, 1);
          *fd = time_attr (r, "frameDuration");
          g_hash_table_insert (f->frame_durations, attr (r, "id"), fd);
        }
      else if (strcmp ((const char *) r->name, "asset") == 0)
        {
          g_hash_table_insert (f->asset_formats, attr (r, "id"), attr (r, "format"));
          g_hash_table_insert (f->asset_sources, attr (r, "id"), attr (child (r, "media-rep"), "src"));
        }
    }
  event = child (child (root, "library"), "event");
  f->event_clips = children (event, "asset-clip");
  project = child (event, "project");
  f->sequence = child (project, "sequence");
  f->spine_clips = children (child (f->sequence, "spine"), "asset-clip");
  return f;
}

/* The frame duration a clip's times count in: its asset's format. */
static Rational
asset_frame (Fcpxml *f, xmlNode *clip)
{
  g_autofree char *ref = attr (clip, "ref");
  const char *format = g_hash_table_lookup (f->asset_formats, ref);

  g_assert_nonnull (format);
  return *(Rational *) g_hash_table_lookup (f->frame_durations, format);
}

static Rational
sequence_frame (Fcpxml *f)
{
  g_autofree char *format = attr (f->sequence, "format");

  return *(Rational *) g_hash_table_lookup (f->frame_durations, format);
}

/* Tests */

static void
test_dtd (void)
{
  g_autofree char *dtd = tl_test_shared_path ("dtd/FCPXMLv1_10.dtd");
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) xmllint = NULL;
  TlExportOptions options = { .title = "Hostile <&\"> title\nwith a line" };

  if (dtd == NULL)
    {
      g_test_skip ("no FCPXMLv1_10.dtd in TAGLINE_SHARED_DIR/dtd (../shared): the DTD is not part of the project");
      return;
    }
  text = tl_test_export (lib, "fcpxml", NULL, &options, NULL);
  path = g_build_filename (lib->dir, "export.fcpxml", NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  xmllint = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_PIPE, &error, "xmllint", "--noout", "--nonet", "--dtdvalid",
                              dtd, path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (xmllint, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (xmllint))
    g_error ("xmllint --dtdvalid: %s", err);
  g_assert_cmpstr (err, ==, "");
}

static void
test_round_trip (void)
{
  g_autoptr(TlExportContext) ctx = tl_test_export_context (lib, NULL, NULL);
  g_autofree char *text = tl_test_export (lib, "fcpxml", NULL, NULL, NULL);
  g_autoptr(Fcpxml) f = fcpxml_read (text);
  Rational seq_fd = sequence_frame (f);
  gint64 tc_start = to_frames (time_attr (f->sequence, "tcStart"), seq_fd);
  guint k = 0;

  /* 29.97: one frame is 1001/30000 s; the sequence starts at 01:00:00;00 */
  g_assert_cmpint (seq_fd.num, ==, 1001);
  g_assert_cmpint (seq_fd.den, ==, 30000);
  g_assert_cmpint (tc_start, ==, 107892);
  g_assert_cmpuint (f->event_clips->len, ==, lib->n_clips - lib->n_quotes);
  g_assert_cmpuint (f->spine_clips->len, ==, f->event_clips->len);
  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      xmlNode *clip, *cut;
      Rational fd;
      g_autofree char *tc_format = NULL;

      if (!item->timed)
        continue;
      clip = g_ptr_array_index (f->event_clips, k);
      cut = g_ptr_array_index (f->spine_clips, k++);
      fd = asset_frame (f, clip);
      /* the format's frame is the item's: 1001/30000 s at 30000/1001 */
      g_assert_cmpint (fd.num * item->fps_num, ==, fd.den * item->fps_den);
      g_assert_cmpint (to_frames (time_attr (clip, "start"), fd), ==, item->origin + item->in_frame);
      g_assert_cmpint (to_frames (time_attr (clip, "duration"), fd), ==, item->out_frame - item->in_frame);
      g_assert_cmpint (to_frames (time_attr (cut, "start"), fd), ==, item->origin + item->in_frame);
      g_assert_cmpint (to_frames (time_attr (cut, "offset"), seq_fd) - tc_start, ==, item->record_in);
      g_assert_cmpint (to_frames (time_attr (cut, "duration"), seq_fd), ==, item->record_out - item->record_in);
      tc_format = attr (clip, "tcFormat");
      g_assert_cmpstr (tc_format, ==, tl_timecode_is_drop_frame_rate (item->fps_num, item->fps_den) ? "DF" : "NDF");
    }
  for (guint i = ctx->items->len; i-- > 0;)
    if (((TlExportItem *) g_ptr_array_index (ctx->items, i))->timed)
      {
        g_assert_cmpint (to_frames (time_attr (f->sequence, "duration"), seq_fd), ==,
                         ((TlExportItem *) g_ptr_array_index (ctx->items, i))->record_out);
        break;
      }
}

/* Names, notes and keywords come back as they went in (less control
 * characters); a comma in a topic would split its keyword in two. */
static void
test_hostile (void)
{
  g_autoptr(TlExportContext) ctx = tl_test_export_context (lib, NULL, NULL);
  g_autofree char *text = tl_test_export (lib, "fcpxml", NULL, NULL, NULL);
  g_autoptr(Fcpxml) f = fcpxml_read (text);
  guint k = 0, n_notes = 0;

  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      const char *const *topics = tl_clip_get_topics (item->clip);
      const char *title = tl_clip_get_title (item->clip);
      const char *note = tl_clip_get_note (item->clip);
      g_autoptr(GPtrArray) keywords = NULL;
      g_autofree char *name = NULL;
      xmlNode *clip, *note_node;

      if (!item->timed)
        continue;
      clip = g_ptr_array_index (f->event_clips, k++);
      name = attr (clip, "name");
      g_assert_true (tl_test_export_clean_equal (title ? title : tl_source_get_title (item->source), name, TRUE));
      keywords = children (clip, "keyword");
      g_assert_cmpuint (keywords->len, ==, g_strv_length ((char **) topics));
      for (guint t = 0; t < keywords->len; t++)
        {
          g_autofree char *value = attr (g_ptr_array_index (keywords, t), "value");
          g_autofree char *expected = g_strdup (topics[t]);
          g_strdelimit (expected, ",", ';');
          g_assert_true (tl_test_export_clean_equal (expected, value, TRUE));
        }
      note_node = child (clip, "note");
      if (note != NULL)
        {
          xmlChar *content = xmlNodeGetContent (note_node);
          g_assert_true (tl_test_export_clean_equal (note, (const char *) content, FALSE));
          xmlFree (content);
          n_notes++;
        }
      else
        g_assert_null (note_node);
    }
  g_assert_cmpuint (n_notes, >=, 8);
}

/* Every media-rep is an absolute file URL, percent-encoded, that gives the
 * media's path back. */
static void
test_urls (void)
{
  g_autoptr(TlExportContext) ctx = tl_test_export_context (lib, NULL, NULL);
  g_autofree char *text = tl_test_export (lib, "fcpxml", NULL, NULL, NULL);
  g_autoptr(Fcpxml) f = fcpxml_read (text);
  guint k = 0;

  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      const TlMediaInfo *media = tl_source_get_media (item->source);
      g_autofree char *ref = NULL;
      g_autofree char *path = NULL;
      const char *src;

      if (!item->timed)
        continue;
      ref = attr (g_ptr_array_index (f->event_clips, k++), "ref");
      src = g_hash_table_lookup (f->asset_sources, ref);
      g_assert_true (g_str_has_prefix (src, "file:///"));
      g_assert_null (strpbrk (src, " #<>\"é"));
      path = g_filename_from_uri (src, NULL, NULL);
      g_assert_nonnull (path);
      if (media != NULL)
        g_assert_cmpstr (path, ==, media->path);
      else
        {
          /* beside the transcript, named like it, for the editor to relink */
          g_autofree char *expected = g_strndup (tl_source_get_origin_path (item->source),
                                                 strlen (tl_source_get_origin_path (item->source)) - 4);
          g_assert_cmpstr (path, ==, expected);
        }
    }
  g_assert_nonnull (strstr (text, "CBS%20Face%20the%20Nation%20%231%20(%C3%A9).mp4"));
}

/* Clips at one rate only: the sequence takes it, the timeline has no
 * other format. */
static void
test_single_rate (void)
{
  gint64 ids[] = { lib->sources[TL_TEST_SOURCE_FIRSTPOST] };
  TlClipFilter filter = { .source_ids = ids, .n_source_ids = 1 };
  g_autofree char *text = tl_test_export (lib, "fcpxml", &filter, NULL, NULL);
  g_autoptr(Fcpxml) f = fcpxml_read (text);
  Rational fd = sequence_frame (f);

  g_assert_cmpuint (g_hash_table_size (f->frame_durations), ==, 1);
  g_assert_cmpint (fd.num * 50, ==, fd.den);
  /* the media's timecode starts at 10:00:00:00 */
  g_assert_nonnull (strstr (text, "start=\"36000s\""));
  g_assert_nonnull (strstr (text, "tcStart=\"3600s\""));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  lib = tl_test_export_library_new ();
  g_test_add_func ("/core/export/fcpxml/dtd", test_dtd);
  g_test_add_func ("/core/export/fcpxml/round-trip", test_round_trip);
  g_test_add_func ("/core/export/fcpxml/hostile", test_hostile);
  g_test_add_func ("/core/export/fcpxml/urls", test_urls);
  g_test_add_func ("/core/export/fcpxml/single-rate", test_single_rate);
  status = g_test_run ();
  tl_test_export_library_free (lib);
  return status;
}
