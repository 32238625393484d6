/* tl-export-xmeml.c: the clip list as Final Cut Pro 7 XML (xmeml version 4),
 * which Premiere Pro and DaVinci Resolve import: one sequence with the
 * clips end to end on a video and an audio track, topics as markers and
 * log notes. The elements are written as they come, every text escaped
 * by libxml2: a libxml2 tree of 10,000 clips (30 MB) took longer to free
 * than to write, and xmlTextWriter spends most of its time indenting. */
#include "tl-export-private.h"
#include <glib/gi18n-lib.h>

#include <libxml/entities.h>
#include <string.h>

#include "tl-timecode.h"

/* An XML writer for what this file writes: elements, an attribute, text. */
typedef struct {
  GString *out;
  GPtrArray *open; /* (element-type utf8): names of the open elements */
} Xml;

static void
indent (Xml *w)
{
  static const char spaces[] = "\n                                ";
  guint n = MIN (w->open->len * 2, sizeof spaces - 2);

  g_string_append_len (w->out, spaces, n + 1);
}

/* Text as XML holds it: libxml2 escapes <, >, &, " and CR. */
static void
append_escaped (GString *out, const char *text)
{
  xmlChar *escaped;

  if (strpbrk (text, "<>&\"\r") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  escaped = xmlEncodeSpecialChars (NULL, BAD_CAST text);
  g_string_append (out, (const char *) escaped);
  xmlFree (escaped);
}

static void
start_with (Xml *w, const char *name, const char *attribute, const char *value)
{
  indent (w);
  g_string_append_c (w->out, '<');
  g_string_append (w->out, name);
  if (attribute != NULL)
    {
      g_string_append_c (w->out, ' ');
      g_string_append (w->out, attribute);
      g_string_append (w->out, "=\"");
      append_escaped (w->out, value);
      g_string_append_c (w->out, '"');
    }
  g_string_append_c (w->out, '>');
  g_ptr_array_add (w->open, (char *) name);
}

static void
start (Xml *w, const char *name)
{
  start_with (w, name, NULL, NULL);
}

static void
close_tag (GString *out, const char *name)
{
  g_string_append (out, "</");
  g_string_append (out, name);
  g_string_append_c (out, '>');
}

static void
end (Xml *w)
{
  const char *name = g_ptr_array_steal_index (w->open, w->open->len - 1);

  indent (w);
  close_tag (w->out, name);
}

static void
add_raw (Xml *w, const char *name, const char *text)
{
  indent (w);
  g_string_append_c (w->out, '<');
  g_string_append (w->out, name);
  g_string_append_c (w->out, '>');
  append_escaped (w->out, text);
  close_tag (w->out, name);
}

static void
add_text (Xml *w, const char *name, const char *value)
{
  g_autofree char *clean = tl_export_clean (value, FALSE);

  add_raw (w, name, clean);
}

static void
add_int (Xml *w, const char *name, gint64 value)
{
  char buf[24], *p = buf + sizeof buf - 1;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  *p = '\0';
  do
    *--p = '0' + magnitude % 10;
  while ((magnitude /= 10) > 0);
  if (value < 0)
    *--p = '-';
  add_raw (w, name, p);
}

/* xmeml counts frames at a whole "timebase", with "ntsc" for the 1000/1001 rates. */
static void
add_rate (Xml *w, int fps_num, int fps_den)
{
  start (w, "rate");
  add_int (w, "timebase", (fps_num + fps_den / 2) / fps_den);
  add_text (w, "ntsc", fps_den == 1001 ? "TRUE" : "FALSE");
  end (w);
}

static void
add_timecode (Xml *w, gint64 frame, int fps_num, int fps_den)
{
  g_autofree char *label = tl_export_timecode (frame, fps_num, fps_den);

  start (w, "timecode");
  add_rate (w, fps_num, fps_den);
  add_text (w, "string", label);
  add_int (w, "frame", frame);
  add_text (w, "displayformat", tl_timecode_is_drop_frame_rate (fps_num, fps_den) ? "DF" : "NDF");
  end (w);
}

static void
add_video_characteristics (Xml *w, TlSource *source, int fps_num, int fps_den)
{
  const TlMediaInfo *media = tl_source_get_media (source);

  start (w, "samplecharacteristics");
  add_rate (w, fps_num, fps_den);
  add_int (w, "width", media && media->width > 0 ? media->width : 1920);
  add_int (w, "height", media && media->height > 0 ? media->height : 1080);
  add_text (w, "anamorphic", "FALSE");
  add_text (w, "pixelaspectratio", "square");
  add_text (w, "fielddominance", "none");
  end (w);
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
add_file (Xml *w, TlExportItem *item, GHashTable *written)
{
  gint64 source_id = tl_source_get_id (item->source);
  g_autofree char *id = g_strdup_printf ("file-%" G_GINT64_FORMAT, source_id);
  g_autofree char *path = NULL, *name = NULL, *uri = NULL;

  if (!g_hash_table_add (written, g_strdup (id)))
    {
      indent (w);
      g_string_append_printf (w->out, "<file id=\"%s\"/>", id);
      return;
    }
  start_with (w, "file", "id", id);
  path = tl_export_media_path (item->source);
  name = g_path_get_basename (path);
  uri = tl_export_media_uri (item->source, "localhost");
  add_text (w, "name", name);
  add_text (w, "pathurl", uri);
  add_rate (w, item->fps_num, item->fps_den);
  add_int (w, "duration", item->media_frames);
  add_timecode (w, item->origin, item->fps_num, item->fps_den);
  start (w, "media");
  if (has_video (item->source))
    {
      start (w, "video");
      add_video_characteristics (w, item->source, item->fps_num, item->fps_den);
      end (w);
    }
  if (has_audio (item->source))
    {
      start (w, "audio");
      start (w, "samplecharacteristics");
      add_int (w, "depth", 16);
      add_int (w, "samplerate", 48000);
      end (w);
      add_int (w, "channelcount", 2);
      end (w);
    }
  end (w);
  end (w);
}

typedef struct {
  guint video_index; /* 1-based position in its track, 0 when not there */
  guint audio_index;
} Placement;

static void
add_link (Xml *w, guint item_number, const char *kind, guint clip_index)
{
  char ref[32];

  g_snprintf (ref, sizeof ref, "clipitem-%c%u", kind[0], item_number);
  start (w, "link");
  add_text (w, "linkclipref", ref);
  add_text (w, "mediatype", kind);
  add_int (w, "trackindex", 1);
  add_int (w, "clipindex", clip_index);
  end (w);
}

static void
add_clipitem (Xml *w, TlExportItem *item, guint number, const char *kind, const Placement *placement,
              GHashTable *written)
{
  const char *const *topics = tl_clip_get_topics (item->clip);
  g_autofree char *name = tl_export_item_name (item);
  g_autofree char *topic_list = g_strjoinv (", ", (char **) topics);
  char id[32], master[48];

  g_snprintf (id, sizeof id, "clipitem-%c%u", kind[0], number);
  g_snprintf (master, sizeof master, "masterclip-%" G_GINT64_FORMAT, tl_source_get_id (item->source));
  start_with (w, "clipitem", "id", id);
  add_text (w, "masterclipid", master);
  add_text (w, "name", name);
  add_text (w, "enabled", "TRUE");
  add_int (w, "duration", item->media_frames);
  add_rate (w, item->fps_num, item->fps_den);
  add_int (w, "start", item->record_in);
  add_int (w, "end", item->record_out);
  add_int (w, "in", item->in_frame);
  add_int (w, "out", item->out_frame);
  add_file (w, item, written);
  start (w, "sourcetrack");
  add_text (w, "mediatype", kind);
  add_int (w, "trackindex", 1);
  end (w);
  if (placement->video_index && placement->audio_index)
    {
      add_link (w, number, "video", placement->video_index);
      add_link (w, number, "audio", placement->audio_index);
    }
  start (w, "logginginfo");
  add_text (w, "description", topic_list);
  add_text (w, "lognote", tl_clip_get_note (item->clip));
  end (w);
  if (item->default_rate)
    {
      g_autofree char *comment = g_strdup_printf ("Frame rate %d/%d assumed: the source has none of its own",
                                                  item->fps_num, item->fps_den);
      start (w, "comments");
      add_text (w, "clipcommenta", comment);
      end (w);
    }
  for (guint t = 0; topics[t] != NULL; t++)
    {
      start (w, "marker");
      add_text (w, "name", topics[t]);
      add_text (w, "comment", "");
      add_int (w, "in", item->in_frame);
      add_int (w, "out", -1);
      end (w);
    }
  end (w);
}

static gboolean
xmeml_write (TlExportContext *ctx, GString *out, GError **error)
{
  g_autoptr(GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree Placement *placements = g_new0 (Placement, ctx->items->len);
  g_autofree char *title = tl_export_clean (ctx->options.title, TRUE);
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  Xml xml = { out, open }, *w = &xml;
  TlExportItem *first = NULL;
  gint64 total = 0;
  guint n_video = 0, n_audio = 0;

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

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE xmeml>\n<xmeml version=\"4\">");
  g_ptr_array_add (open, "xmeml");
  start_with (w, "sequence", "id", "sequence-1");
  add_raw (w, "name", title);
  add_int (w, "duration", total);
  add_rate (w, ctx->fps_num, ctx->fps_den);
  add_timecode (w, tl_export_record_start (ctx->fps_num, ctx->fps_den), ctx->fps_num, ctx->fps_den);
  start (w, "media");
  start (w, "video");
  start (w, "format");
  add_video_characteristics (w, first->source, ctx->fps_num, ctx->fps_den);
  end (w);
  start (w, "track");
  for (guint i = 0; i < ctx->items->len; i++)
    if (placements[i].video_index)
      add_clipitem (w, g_ptr_array_index (ctx->items, i), i + 1, "video", &placements[i], written);
  end (w);
  end (w);
  start (w, "audio");
  start (w, "track");
  for (guint i = 0; i < ctx->items->len; i++)
    if (placements[i].audio_index)
      add_clipitem (w, g_ptr_array_index (ctx->items, i), i + 1, "audio", &placements[i], written);
  end (w);
  end (w);
  end (w);
  end (w);
  g_ptr_array_set_size (open, 0);
  g_string_append (out, "\n</xmeml>\n");
  return TRUE;
}

const TlExporter tl_exporter_xmeml = {
  .name = "xmeml",
  .label = N_("Final Cut 7 XML (Premiere Pro, Resolve)"),
  .extension = "xml",
  .time_based = TRUE,
  .write = xmeml_write,
};
