/* tl-export-xmeml.c: the clip list as Final Cut Pro 7 XML (xmeml version 4),
 * which Premiere Pro and DaVinci Resolve import: one sequence with the
 * clips end to end on a video and an audio track, topics as markers and
 * log notes. Built with libxml2's tree so that every name is escaped. */
#include "tl-export-private.h"

#include <libxml/tree.h>

#include "tl-timecode.h"

typedef xmlDoc TlXmlDoc;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlXmlDoc, xmlFreeDoc)

static xmlNode *
add_text (xmlNode *parent, const char *name, const char *value)
{
  g_autofree char *clean = tl_export_clean (value, FALSE);

  return xmlNewTextChild (parent, NULL, BAD_CAST name, BAD_CAST clean);
}

static void
add_int (xmlNode *parent, const char *name, gint64 value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  xmlNewChild (parent, NULL, BAD_CAST name, BAD_CAST buf);
}

/* xmeml counts frames at a whole "timebase", with "ntsc" for the 1000/1001 rates. */
static void
add_rate (xmlNode *parent, int fps_num, int fps_den)
{
  xmlNode *rate = xmlNewChild (parent, NULL, BAD_CAST "rate", NULL);

  add_int (rate, "timebase", (fps_num + fps_den / 2) / fps_den);
  xmlNewChild (rate, NULL, BAD_CAST "ntsc", BAD_CAST (fps_den == 1001 ? "TRUE" : "FALSE"));
}

static void
add_timecode (xmlNode *parent, gint64 frame, int fps_num, int fps_den)
{
  xmlNode *timecode = xmlNewChild (parent, NULL, BAD_CAST "timecode", NULL);
  g_autofree char *label = tl_export_timecode (frame, fps_num, fps_den);

  add_rate (timecode, fps_num, fps_den);
  xmlNewChild (timecode, NULL, BAD_CAST "string", BAD_CAST label);
  add_int (timecode, "frame", frame);
  xmlNewChild (timecode, NULL, BAD_CAST "displayformat",
               BAD_CAST (tl_timecode_is_drop_frame_rate (fps_num, fps_den) ? "DF" : "NDF"));
}

static void
add_video_characteristics (xmlNode *parent, TlSource *source, int fps_num, int fps_den)
{
  const TlMediaInfo *media = tl_source_get_media (source);
  xmlNode *sc = xmlNewChild (parent, NULL, BAD_CAST "samplecharacteristics", NULL);

  add_rate (sc, fps_num, fps_den);
  add_int (sc, "width", media && media->width > 0 ? media->width : 1920);
  add_int (sc, "height", media && media->height > 0 ? media->height : 1080);
  xmlNewChild (sc, NULL, BAD_CAST "anamorphic", BAD_CAST "FALSE");
  xmlNewChild (sc, NULL, BAD_CAST "pixelaspectratio", BAD_CAST "square");
  xmlNewChild (sc, NULL, BAD_CAST "fielddominance", BAD_CAST "none");
}

static gboolean
has_video (TlSource *source)
{
  const TlMediaInfo *media = tl_source_get_media (source);

  return media == NULL || media->has_video || !media->has_audio;
}

static gboolean
has_audio (TlSource *source)
{
  const TlMediaInfo *media = tl_source_get_media (source);

  return media == NULL || media->has_audio || !media->has_video;
}

/* The file a clipitem plays: in full the first time, by id after that. */
static void
add_file (xmlNode *clipitem, TlExportItem *item, GHashTable *written)
{
  gint64 source_id = tl_source_get_id (item->source);
  const TlMediaInfo *media = tl_source_get_media (item->source);
  g_autofree char *id = g_strdup_printf ("file-%" G_GINT64_FORMAT, source_id);
  g_autofree char *path = NULL, *name = NULL, *uri = NULL;
  xmlNode *file, *media_node;

  file = xmlNewChild (clipitem, NULL, BAD_CAST "file", NULL);
  xmlNewProp (file, BAD_CAST "id", BAD_CAST id);
  if (!g_hash_table_add (written, g_steal_pointer (&id)))
    return;

  path = tl_export_media_path (item->source);
  name = g_path_get_basename (path);
  uri = tl_export_media_uri (item->source, "localhost");
  add_text (file, "name", name);
  xmlNewChild (file, NULL, BAD_CAST "pathurl", BAD_CAST uri);
  add_rate (file, item->fps_num, item->fps_den);
  add_int (file, "duration", tl_export_media_frames (item));
  add_timecode (file, item->origin, item->fps_num, item->fps_den);
  media_node = xmlNewChild (file, NULL, BAD_CAST "media", NULL);
  if (has_video (item->source))
    add_video_characteristics (xmlNewChild (media_node, NULL, BAD_CAST "video", NULL), item->source,
                               item->fps_num, item->fps_den);
  if (has_audio (item->source))
    {
      xmlNode *audio = xmlNewChild (media_node, NULL, BAD_CAST "audio", NULL);
      xmlNode *sc = xmlNewChild (audio, NULL, BAD_CAST "samplecharacteristics", NULL);
      add_int (sc, "depth", 16);
      add_int (sc, "samplerate", 48000);
      add_int (audio, "channelcount", media && !media->has_audio ? 0 : 2);
    }
}

typedef struct {
  guint video_index; /* 1-based position in its track, 0 when not there */
  guint audio_index;
} Placement;

static void
add_link (xmlNode *clipitem, guint item_number, const char *kind, guint clip_index)
{
  xmlNode *link = xmlNewChild (clipitem, NULL, BAD_CAST "link", NULL);
  g_autofree char *ref = g_strdup_printf ("clipitem-%c%u", kind[0], item_number);

  xmlNewChild (link, NULL, BAD_CAST "linkclipref", BAD_CAST ref);
  xmlNewChild (link, NULL, BAD_CAST "mediatype", BAD_CAST kind);
  add_int (link, "trackindex", 1);
  add_int (link, "clipindex", clip_index);
}

static void
add_clipitem (xmlNode *track, TlExportItem *item, guint number, const char *kind,
              const Placement *placement, GHashTable *written)
{
  const char *const *topics = tl_clip_get_topics (item->clip);
  g_autofree char *id = g_strdup_printf ("clipitem-%c%u", kind[0], number);
  g_autofree char *master = g_strdup_printf ("masterclip-%" G_GINT64_FORMAT, tl_source_get_id (item->source));
  g_autofree char *name = tl_export_item_name (item);
  g_autofree char *topic_list = g_strjoinv (", ", (char **) topics);
  xmlNode *clipitem, *sourcetrack, *logging;

  clipitem = xmlNewChild (track, NULL, BAD_CAST "clipitem", NULL);
  xmlNewProp (clipitem, BAD_CAST "id", BAD_CAST id);
  xmlNewChild (clipitem, NULL, BAD_CAST "masterclipid", BAD_CAST master);
  add_text (clipitem, "name", name);
  xmlNewChild (clipitem, NULL, BAD_CAST "enabled", BAD_CAST "TRUE");
  add_int (clipitem, "duration", tl_export_media_frames (item));
  add_rate (clipitem, item->fps_num, item->fps_den);
  add_int (clipitem, "start", item->record_in);
  add_int (clipitem, "end", item->record_out);
  add_int (clipitem, "in", item->in_frame);
  add_int (clipitem, "out", item->out_frame);
  add_file (clipitem, item, written);
  sourcetrack = xmlNewChild (clipitem, NULL, BAD_CAST "sourcetrack", NULL);
  xmlNewChild (sourcetrack, NULL, BAD_CAST "mediatype", BAD_CAST kind);
  add_int (sourcetrack, "trackindex", 1);
  if (placement->video_index && placement->audio_index)
    {
      add_link (clipitem, number, "video", placement->video_index);
      add_link (clipitem, number, "audio", placement->audio_index);
    }
  logging = xmlNewChild (clipitem, NULL, BAD_CAST "logginginfo", NULL);
  add_text (logging, "description", topic_list);
  add_text (logging, "lognote", tl_clip_get_note (item->clip));
  if (item->default_rate)
    {
      xmlNode *comments = xmlNewChild (clipitem, NULL, BAD_CAST "comments", NULL);
      g_autofree char *comment = g_strdup_printf ("Frame rate %d/%d assumed: the source has none of its own",
                                                  item->fps_num, item->fps_den);
      add_text (comments, "clipcommenta", comment);
    }
  for (guint t = 0; topics[t] != NULL; t++)
    {
      xmlNode *marker = xmlNewChild (clipitem, NULL, BAD_CAST "marker", NULL);
      add_text (marker, "name", topics[t]);
      add_text (marker, "comment", "");
      add_int (marker, "in", item->in_frame);
      add_int (marker, "out", -1);
    }
}

static gboolean
xmeml_write (TlExportContext *ctx, GString *out, GError **error)
{
  g_autoptr(TlXmlDoc) doc = xmlNewDoc (BAD_CAST "1.0");
  g_autoptr(GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree Placement *placements = g_new0 (Placement, ctx->items->len);
  TlExportItem *first = NULL;
  gint64 total = 0;
  guint n_video = 0, n_audio = 0;
  xmlNode *root, *sequence, *media, *video, *audio, *format, *video_track, *audio_track;
  xmlChar *mem = NULL;
  int size = 0;

  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      if (!item->timed)
        continue;
      first = first ? first : item;
      if (has_video (item->source))
        placements[i].video_index = ++n_video;
      if (has_audio (item->source))
        placements[i].audio_index = ++n_audio;
      total = item->record_out;
    }

  xmlCreateIntSubset (doc, BAD_CAST "xmeml", NULL, NULL);
  root = xmlNewNode (NULL, BAD_CAST "xmeml");
  xmlDocSetRootElement (doc, root);
  xmlNewProp (root, BAD_CAST "version", BAD_CAST "4");
  sequence = xmlNewChild (root, NULL, BAD_CAST "sequence", NULL);
  xmlNewProp (sequence, BAD_CAST "id", BAD_CAST "sequence-1");
  {
    g_autofree char *title = tl_export_clean (ctx->options.title, TRUE);
    add_text (sequence, "name", title);
  }
  add_int (sequence, "duration", total);
  add_rate (sequence, ctx->fps_num, ctx->fps_den);
  add_timecode (sequence, tl_export_record_start (ctx->fps_num, ctx->fps_den), ctx->fps_num, ctx->fps_den);
  media = xmlNewChild (sequence, NULL, BAD_CAST "media", NULL);
  video = xmlNewChild (media, NULL, BAD_CAST "video", NULL);
  format = xmlNewChild (video, NULL, BAD_CAST "format", NULL);
  add_video_characteristics (format, first->source, ctx->fps_num, ctx->fps_den);
  video_track = xmlNewChild (video, NULL, BAD_CAST "track", NULL);
  audio = xmlNewChild (media, NULL, BAD_CAST "audio", NULL);
  audio_track = xmlNewChild (audio, NULL, BAD_CAST "track", NULL);

  for (guint i = 0; i < ctx->items->len; i++)
    if (placements[i].video_index)
      add_clipitem (video_track, g_ptr_array_index (ctx->items, i), i + 1, "video", &placements[i], written);
  for (guint i = 0; i < ctx->items->len; i++)
    if (placements[i].audio_index)
      add_clipitem (audio_track, g_ptr_array_index (ctx->items, i), i + 1, "audio", &placements[i], written);

  xmlDocDumpFormatMemoryEnc (doc, &mem, &size, "UTF-8", 1);
  if (mem == NULL)
    {
      g_set_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_WRITE, "Could not write the XML document");
      return FALSE;
    }
  g_string_append_len (out, (const char *) mem, size);
  xmlFree (mem);
  return TRUE;
}

const TlExporter tl_exporter_xmeml = {
  .name = "xmeml",
  .label = "Final Cut 7 XML (Premiere Pro, Resolve)",
  .extension = "xml",
  .time_based = TRUE,
  .write = xmeml_write,
};
