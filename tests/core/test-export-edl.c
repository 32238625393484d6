/* test-export-edl.c: CMX 3600 EDLs of a real library, read back by a small
 * EDL reader written here: the same frames come back, timecode is right at
 * every rate (drop-frame included), reels are short, safe and unique, and
 * no title, topic or note can break a line. */
#include <string.h>

#include "tl-test-export.h"
#include "tl-timecode.h"

static TlTestExportLibrary *lib;

/* The reader */

typedef struct {
  guint number;
  char *reel;
  char *channels;
  char *tc[4]; /* source in, source out, record in, record out */
  GPtrArray *comments;
} EdlEvent;

typedef struct {
  char *title;
  char *fcm;
  GPtrArray *events;
} Edl;

static void
event_free (gpointer data)
{
  EdlEvent *event = data;

  g_free (event->reel);
  g_free (event->channels);
  for (guint i = 0; i < 4; i++)
    g_free (event->tc[i]);
  g_ptr_array_unref (event->comments);
  g_free (event);
}

static void
edl_free (Edl *edl)
{
  g_free (edl->title);
  g_free (edl->fcm);
  g_ptr_array_unref (edl->events);
  g_free (edl);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Edl, edl_free)

/* Every line must be a header, an event, a comment or blank: anything else
 * is a title or a note that broke out of its comment. */
static Edl *
edl_read (const char *text)
{
  g_autoptr(GRegex) event_re = g_regex_new ("^(\\d{3})  ([A-Z0-9_]{1,8}) +(V|AA|AA/V) +C {8}"
                                            "(\\d\\d:\\d\\d:\\d\\d[:;]\\d\\d) (\\d\\d:\\d\\d:\\d\\d[:;]\\d\\d) "
                                            "(\\d\\d:\\d\\d:\\d\\d[:;]\\d\\d) (\\d\\d:\\d\\d:\\d\\d[:;]\\d\\d)$",
                                            0, 0, NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  Edl *edl = g_new0 (Edl, 1);
  EdlEvent *event = NULL;

  edl->events = g_ptr_array_new_with_free_func (event_free);
  g_assert_true (g_str_has_suffix (text, "\n"));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_autoptr(GMatchInfo) match = NULL;

      if (g_str_has_prefix (line, "TITLE: "))
        {
          g_assert_null (edl->title);
          edl->title = g_strdup (line + 7);
        }
      else if (g_str_has_prefix (line, "FCM: "))
        edl->fcm = g_strdup (line + 5);
      else if (*line == '\0')
        continue;
      else if (g_str_has_prefix (line, "* "))
        {
          g_assert_nonnull (event);
          g_ptr_array_add (event->comments, g_strdup (line + 2));
        }
      else if (g_regex_match (event_re, line, 0, &match))
        {
          event = g_new0 (EdlEvent, 1);
          event->comments = g_ptr_array_new_with_free_func (g_free);
          {
            g_autofree char *number = g_match_info_fetch (match, 1);
            event->number = atoi (number);
          }
          event->reel = g_match_info_fetch (match, 2);
          event->channels = g_match_info_fetch (match, 3);
          for (guint t = 0; t < 4; t++)
            event->tc[t] = g_match_info_fetch (match, 4 + t);
          g_assert_cmpuint (event->number, ==, edl->events->len + 1);
          g_ptr_array_add (edl->events, event);
        }
      else
        g_error ("line %u is neither a header, an event nor a comment: “%s”", i + 1, line);
    }
  g_assert_nonnull (edl->title);
  g_assert_nonnull (edl->fcm);
  return edl;
}

/* Timecode to frames, the reader's own way: drop-frame labels skip two
 * frame numbers a minute (four at 59.94) except every tenth minute. */
static gint64
read_frames (const char *tc, int nominal)
{
  int h, m, s, f;
  char sep;
  gint64 frames, minutes;

  g_assert_cmpint (sscanf (tc, "%d:%d:%d%c%d", &h, &m, &s, &sep, &f), ==, 5);
  g_assert_cmpint (f, <, nominal);
  frames = (((gint64) h * 60 + m) * 60 + s) * nominal + f;
  minutes = (gint64) h * 60 + m;
  if (sep == ';')
    frames -= (nominal / 15) * (minutes - minutes / 10);
  return frames;
}

static const char *
comment (EdlEvent *event, const char *key)
{
  for (guint i = 0; i < event->comments->len; i++)
    {
      const char *c = g_ptr_array_index (event->comments, i);
      if (g_str_has_prefix (c, key) && c[strlen (key)] == ':')
        return c + strlen (key) + 2;
    }
  return NULL;
}

static guint
count_comments (EdlEvent *event, const char *key)
{
  guint n = 0;

  for (guint i = 0; i < event->comments->len; i++)
    n += g_str_has_prefix (g_ptr_array_index (event->comments, i), key);
  return n;
}

static int
nominal_rate (int num, int den)
{
  return (num + den / 2) / den;
}

/* Tests */

/* Frames in, frames out: the reader gets back what the clips were snapped to. */
static void
test_round_trip (void)
{
  g_autoptr(TlExportContext) ctx = tl_test_export_context (lib, NULL, NULL);
  g_autofree char *text = tl_test_export (lib, "edl", NULL, NULL, NULL);
  g_autoptr(Edl) edl = edl_read (text);
  int nominal = nominal_rate (ctx->fps_num, ctx->fps_den);
  gint64 record_start = 0;
  guint e = 0;

  g_assert_cmpstr (edl->title, ==, "Tagline export");
  g_assert_cmpstr (edl->fcm, ==, "DROP FRAME"); /* the first clip is at 29.97 */
  g_assert_cmpuint (edl->events->len, ==, lib->n_clips - lib->n_quotes);
  record_start = read_frames ("01:00:00;00", nominal);
  g_assert_cmpint (record_start, ==, 107892);

  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      EdlEvent *event;
      int rate;

      if (!item->timed)
        continue;
      rate = nominal_rate (item->fps_num, item->fps_den);
      event = g_ptr_array_index (edl->events, e++);
      g_assert_cmpint (read_frames (event->tc[0], rate) - item->origin, ==, item->in_frame);
      g_assert_cmpint (read_frames (event->tc[1], rate) - item->origin, ==, item->out_frame);
      g_assert_cmpint (read_frames (event->tc[2], nominal) - record_start, ==, item->record_in);
      g_assert_cmpint (read_frames (event->tc[3], nominal) - record_start, ==, item->record_out);
      /* drop-frame labels exactly where the rate calls for them */
      g_assert_cmpint (strchr (event->tc[0], ';') != NULL, ==, tl_timecode_is_drop_frame_rate (item->fps_num,
                                                                                                 item->fps_den));
    }
}

/* The CBS source's timecode starts at 00:59:58;00: its clip from 5.56 s
 * (frame 167) starts 167 frames later, at 01:00:03;17 (no numbers are
 * dropped at the top of the hour); the one from 60.06 s (frame 1800) at
 * 01:00:58;00. */
static void
test_origin (void)
{
  gint64 ids[] = { lib->sources[TL_TEST_SOURCE_CBS] };
  TlClipFilter filter = { .source_ids = ids, .n_source_ids = 1 };
  g_autofree char *text = tl_test_export (lib, "edl", &filter, NULL, NULL);
  g_autoptr(Edl) edl = edl_read (text);
  EdlEvent *first = g_ptr_array_index (edl->events, 0);
  EdlEvent *second = g_ptr_array_index (edl->events, 1);

  g_assert_cmpstr (first->tc[0], ==, "01:00:03;17");
  g_assert_cmpstr (first->tc[2], ==, "01:00:00;00");
  g_assert_cmpstr (second->tc[0], ==, "01:00:58;00");
  g_assert_cmpstr (first->reel, ==, "CBSFACET");
  g_assert_cmpstr (first->channels, ==, "AA/V");
}

/* Timecode tables at every rate: a clip at each listed frame comes out
 * with the listed label, on a source of that rate. */
static void
test_timecode_tables (void)
{
  static const struct {
    int num, den;
    const char *fcm;
    struct {
      gint64 frame;
      const char *label;
    } rows[6];
  } tables[] = {
    { 24000, 1001, "NON-DROP FRAME",
      { { 23, "00:00:00:23" }, { 24, "00:00:01:00" }, { 1439, "00:00:59:23" }, { 1440, "00:01:00:00" },
        { 86399, "00:59:59:23" }, { 86400, "01:00:00:00" } } },
    { 24, 1, "NON-DROP FRAME",
      { { 23, "00:00:00:23" }, { 24, "00:00:01:00" }, { 1439, "00:00:59:23" }, { 1440, "00:01:00:00" },
        { 86399, "00:59:59:23" }, { 86400, "01:00:00:00" } } },
    { 25, 1, "NON-DROP FRAME",
      { { 24, "00:00:00:24" }, { 25, "00:00:01:00" }, { 1499, "00:00:59:24" }, { 1500, "00:01:00:00" },
        { 89999, "00:59:59:24" }, { 90000, "01:00:00:00" } } },
    { 30000, 1001, "DROP FRAME",
      { { 1799, "00:00:59;29" }, { 1800, "00:01:00;02" }, { 3597, "00:01:59;29" }, { 3598, "00:02:00;02" },
        { 17982, "00:10:00;00" }, { 107892, "01:00:00;00" } } },
    { 30, 1, "NON-DROP FRAME",
      { { 29, "00:00:00:29" }, { 30, "00:00:01:00" }, { 1799, "00:00:59:29" }, { 1800, "00:01:00:00" },
        { 18000, "00:10:00:00" }, { 108000, "01:00:00:00" } } },
    { 50, 1, "NON-DROP FRAME",
      { { 49, "00:00:00:49" }, { 50, "00:00:01:00" }, { 2999, "00:00:59:49" }, { 3000, "00:01:00:00" },
        { 30000, "00:10:00:00" }, { 180000, "01:00:00:00" } } },
    { 60000, 1001, "DROP FRAME",
      { { 3599, "00:00:59;59" }, { 3600, "00:01:00;04" }, { 7195, "00:01:59;59" }, { 7196, "00:02:00;04" },
        { 35964, "00:10:00;00" }, { 215784, "01:00:00;00" } } },
  };
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "rates.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = tl_library_open (path, &error);
  g_autoptr(TlTopic) topic = tl_library_add_topic (library, "Rate", 1, NULL, &error);

  g_assert_no_error (error);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autoptr(TlDocument) doc = tl_document_new ("test");
      g_autoptr(TlMediaInfo) media = tl_media_info_new ();
      TlImportOptions options = { NULL, NULL, media };
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(Edl) edl = NULL;
      gint64 source_id;
      TlClipFilter filter = { .source_ids = &source_id, .n_source_ids = 1 };

      for (gint64 s = 0; s < 7200; s += 60)
        tl_document_add_segment (doc, s * 1000000, (s + 59) * 1000000, "A minute of talk.", -1);
      doc->timing = TL_TIMING_NATIVE;
      doc->title = tl_document_strdup (doc, "Rate test");
      media->path = g_strdup_printf ("/media/rate-%d-%d.mov", tables[t].num, tables[t].den);
      media->fps_num = tables[t].num;
      media->fps_den = tables[t].den;
      media->duration = G_GINT64_CONSTANT (7200000000);
      media->has_video = media->has_audio = TRUE;
      tl_document_apply_media (doc, media);
      source_id = tl_library_add_document (library, doc, &options, &error);
      g_assert_no_error (error);
      for (guint r = 0; r < G_N_ELEMENTS (tables[t].rows); r++)
        {
          gint64 frame = tables[t].rows[r].frame;
          TlClipSpec spec = { source_id, tl_timecode_frames_to_usec (frame, tables[t].num, tables[t].den),
                              tl_timecode_frames_to_usec (frame + 10, tables[t].num, tables[t].den), -1, -1,
                              NULL, NULL, 0, (const char *const[]) { "Rate", NULL } };
          tl_library_add_clip (library, &spec, &error);
          g_assert_no_error (error);
        }
      tl_export_to_string (library, &filter, "edl", NULL, out, NULL, &error);
      g_assert_no_error (error);
      edl = edl_read (out->str);
      g_assert_cmpstr (edl->fcm, ==, tables[t].fcm);
      g_assert_cmpuint (edl->events->len, ==, G_N_ELEMENTS (tables[t].rows));
      for (guint r = 0; r < G_N_ELEMENTS (tables[t].rows); r++)
        {
          EdlEvent *event = g_ptr_array_index (edl->events, r);
          g_assert_cmpstr (event->tc[0], ==, tables[t].rows[r].label);
          g_assert_cmpint (read_frames (event->tc[0], nominal_rate (tables[t].num, tables[t].den)), ==,
                           tables[t].rows[r].frame);
        }
      /* record time starts at the top of the hour in the rate's own count */
      g_assert_cmpstr (((EdlEvent *) g_ptr_array_index (edl->events, 0))->tc[2], ==,
                       strcmp (tables[t].fcm, "DROP FRAME") == 0 ? "01:00:00;00" : "01:00:00:00");
    }
}

/* Reels: at most 8 of [A-Z0-9_], one per source, never two alike. */
static void
test_reels (void)
{
  g_autoptr(TlExportContext) ctx = tl_test_export_context (lib, NULL, NULL);
  g_autofree char *text = tl_test_export (lib, "edl", NULL, NULL, NULL);
  g_autoptr(Edl) edl = edl_read (text);
  g_autoptr(GHashTable) by_source = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) by_reel = g_hash_table_new (g_str_hash, g_str_equal);
  guint e = 0;

  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      EdlEvent *event;
      const char *reel;

      if (!item->timed)
        continue;
      event = g_ptr_array_index (edl->events, e++);
      g_assert_cmpuint (strlen (event->reel), <=, 8);
      reel = g_hash_table_lookup (by_source, item->source);
      if (reel == NULL)
        {
          g_assert_false (g_hash_table_contains (by_reel, event->reel));
          g_hash_table_insert (by_source, item->source, event->reel);
          g_hash_table_insert (by_reel, event->reel, item->source);
        }
      else
        g_assert_cmpstr (reel, ==, event->reel);
    }
  g_assert_cmpuint (g_hash_table_size (by_reel), ==, TL_TEST_N_SOURCES - 1);
}

/* Names whose first eight characters clash, a reserved reel name, and
 * letters beyond ASCII. */
static void
test_reel_clashes (void)
{
  static const char *const names[] = { "Interview_A.mov", "Interview_B.mov", "Interview_C.mov", "AX.mov",
                                       "Ünïcödé ïs fïné.mp4", "★★★.mp4" };
  static const char *const reels[] = { "INTERVIE", "INTERVI2", "INTERVI3", "AX2", "UNICODEI", "REEL" };
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "reels.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = tl_library_open (path, &error);
  g_autoptr(TlTopic) topic = tl_library_add_topic (library, "Reel", 1, NULL, &error);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(Edl) edl = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(TlDocument) doc = tl_document_new ("test");
      g_autoptr(TlMediaInfo) media = tl_media_info_new ();
      TlImportOptions options = { NULL, NULL, media };
      TlClipSpec spec = { 0, 0, 2000000, -1, -1, NULL, NULL, 0, (const char *const[]) { "Reel", NULL } };

      tl_document_add_segment (doc, 0, 5000000, "Words.", -1);
      doc->timing = TL_TIMING_NATIVE;
      media->path = g_build_filename ("/media", names[i], NULL);
      media->fps_num = 25;
      media->fps_den = 1;
      media->has_video = TRUE;
      spec.source_id = tl_library_add_document (library, doc, &options, &error);
      g_assert_no_error (error);
      tl_library_add_clip (library, &spec, &error);
      g_assert_no_error (error);
    }
  tl_export_to_string (library, NULL, "edl", NULL, out, NULL, &error);
  g_assert_no_error (error);
  edl = edl_read (out->str);
  for (guint i = 0; i < G_N_ELEMENTS (reels); i++)
    {
      EdlEvent *event = g_ptr_array_index (edl->events, i);
      g_autofree char *base = g_path_get_basename (names[i]);
      g_assert_cmpstr (event->reel, ==, reels[i]);
      g_assert_cmpstr (event->channels, ==, "V");
      g_assert_cmpstr (comment (event, "FROM CLIP NAME"), ==, base);
    }
}

/* Every title, topic and note on comment lines of its own, whole. */
static void
test_hostile (void)
{
  TlExportOptions options = { .title = "Cut\nwith <&\"> and, commas" };
  g_autoptr(TlExportContext) ctx = tl_test_export_context (lib, NULL, &options);
  g_autofree char *text = tl_test_export (lib, "edl", NULL, &options, NULL);
  g_autoptr(Edl) edl = edl_read (text);
  guint e = 0;

  g_assert_cmpstr (edl->title, ==, "Cut with <&\"> and, commas");
  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      const TlMediaInfo *media = tl_source_get_media (item->source);
      const char *title = tl_clip_get_title (item->clip);
      const char *note = tl_clip_get_note (item->clip);
      EdlEvent *event;

      if (!item->timed)
        continue;
      event = g_ptr_array_index (edl->events, e++);
      if (title != NULL && strchr (title, '\n') == NULL)
        g_assert_true (tl_test_export_clean_equal (title, comment (event, "CLIP TITLE"), TRUE));
      else if (title != NULL)
        g_assert_cmpuint (count_comments (event, "CLIP TITLE"), ==, 3);
      g_assert_cmpuint (count_comments (event, "LOC: "), ==, g_strv_length ((char **) tl_clip_get_topics (item->clip)));
      if (note != NULL && strchr (note, '\n') == NULL)
        g_assert_true (tl_test_export_clean_equal (note, comment (event, "COMMENT"), TRUE));
      if (media != NULL)
        g_assert_cmpstr (comment (event, "SOURCE FILE"), ==, media->path);
      else
        g_assert_null (comment (event, "SOURCE FILE"));
      g_assert_cmpuint (count_comments (event, "FRAME RATE"), ==, item->default_rate ? 1 : 0);
      if (media != NULL && media->has_video)
        g_assert_cmpstr (event->channels, ==, "AA/V");
      else if (media != NULL)
        g_assert_cmpstr (event->channels, ==, "AA");
    }
}

/* A title on three lines becomes a comment line per line; a topic holds
 * its commas and markup on its LOC line. */
static void
test_multiline (void)
{
  gint64 ids[] = { lib->sources[TL_TEST_SOURCE_CBC] };
  TlClipFilter filter = { .source_ids = ids, .n_source_ids = 1 };
  g_autofree char *text = tl_test_export (lib, "edl", &filter, NULL, NULL);
  g_autoptr(Edl) edl = edl_read (text);
  EdlEvent *event = g_ptr_array_index (edl->events, 0);

  g_assert_cmpuint (count_comments (event, "CLIP TITLE"), ==, 3);
  g_assert_cmpuint (count_comments (event, "COMMENT"), ==, 3);
  g_assert_nonnull (strstr (text, "* CLIP TITLE: Line two\n"));
  g_assert_nonnull (strstr (text, "* LOC: 01:00:00:00 BLUE    Summit\n"));
  g_assert_nonnull (strstr (text, "* LOC: 01:00:00:00 MAGENTA 🎉 Emoji\n"));
}

/* Past 999 events: an error that says what to do, or several files. */
static void
test_split (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "many.db", NULL);
  g_autofree char *edl_path = g_build_filename (dir, "cut.edl", NULL);
  g_autofree char *second_path = g_build_filename (dir, "cut-2.edl", NULL);
  g_autofree char *first_text = NULL, *second_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = tl_library_open (path, &error);
  g_autoptr(TlTopic) topic = tl_library_add_topic (library, "Many", 1, NULL, &error);
  g_autoptr(TlDocument) doc = tl_document_new ("test");
  g_autoptr(TlMediaInfo) media = tl_media_info_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(Edl) first = NULL, second = NULL;
  TlImportOptions import = { NULL, NULL, media };
  TlExportOptions split = { .split = TRUE };
  TlExportStats stats = { 0 };
  EdlEvent *last, *next;
  gint64 source_id;

  for (guint i = 0; i < 1100; i++)
    tl_document_add_segment (doc, i * 2000000, i * 2000000 + 1900000, "Words.", -1);
  doc->timing = TL_TIMING_NATIVE;
  media->path = g_strdup ("/media/long.mov");
  media->fps_num = 30000;
  media->fps_den = 1001;
  media->has_video = media->has_audio = TRUE;
  source_id = tl_library_add_document (library, doc, &import, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 1005; i++)
    {
      TlClipSpec spec = { source_id, i * 2000000, i * 2000000 + 1500000, -1, -1, NULL, NULL, 0,
                          (const char *const[]) { "Many", NULL } };
      tl_library_add_clip (library, &spec, &error);
      g_assert_no_error (error);
    }

  g_assert_false (tl_export_to_file (library, NULL, "edl", NULL, edl_path, NULL, &error));
  g_assert_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_TOO_MANY);
  g_assert_nonnull (strstr (error->message, "999"));
  g_assert_false (g_file_test (edl_path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_assert_false (tl_export_to_string (library, NULL, "edl", &split, out, NULL, &error));
  g_assert_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_TOO_MANY);
  g_clear_error (&error);

  g_assert_true (tl_export_to_file (library, NULL, "edl", &split, edl_path, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_files, ==, 2);
  g_assert_cmpuint (stats.n_clips, ==, 1005);
  g_assert_true (g_file_get_contents (edl_path, &first_text, NULL, NULL));
  g_assert_true (g_file_get_contents (second_path, &second_text, NULL, NULL));
  first = edl_read (first_text);
  second = edl_read (second_text);
  g_assert_cmpstr (first->title, ==, "Tagline export (1 of 2)");
  g_assert_cmpstr (second->title, ==, "Tagline export (2 of 2)");
  g_assert_cmpuint (first->events->len, ==, 999);
  g_assert_cmpuint (second->events->len, ==, 6);
  /* the second file goes on where the first ends */
  last = g_ptr_array_index (first->events, 998);
  next = g_ptr_array_index (second->events, 0);
  g_assert_cmpstr (last->tc[3], ==, next->tc[2]);
  g_assert_cmpint (read_frames (next->tc[0], 30), ==, tl_timecode_usec_to_frames (999 * 2000000, 30000, 1001));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  lib = tl_test_export_library_new ();
  g_test_add_func ("/core/export/edl/round-trip", test_round_trip);
  g_test_add_func ("/core/export/edl/origin", test_origin);
  g_test_add_func ("/core/export/edl/timecode-tables", test_timecode_tables);
  g_test_add_func ("/core/export/edl/reels", test_reels);
  g_test_add_func ("/core/export/edl/reel-clashes", test_reel_clashes);
  g_test_add_func ("/core/export/edl/hostile", test_hostile);
  g_test_add_func ("/core/export/edl/multiline", test_multiline);
  g_test_add_func ("/core/export/edl/split", test_split);
  status = g_test_run ();
  tl_test_export_library_free (lib);
  return status;
}
