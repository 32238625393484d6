/* tl-export-fcpxml.c: the clip list as FCPXML 1.10 for Final Cut Pro (and
 * DaVinci Resolve): assets with their formats, an event holding the clips
 * with a keyword range per topic, and a project cutting them end to end.
 * Built with libxml2's tree so that every name is escaped as XML wants. */
#include "tl-export-private.h"
#include <glib/gi18n-lib.h>

#include <libxml/tree.h>
#include <string.h>

#include "tl-timecode.h"

typedef xmlDoc TlXmlDoc;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlXmlDoc, xmlFreeDoc)

/* A time as FCPXML writes it: a whole number of frames, as a rational
 * number of seconds ("1001/30000s" is one frame at 29.97; "100/2500s" one
 * at 25, the denominators Final Cut uses for whole rates). */
static void
format_time (char *buf, gsize size, gint64 frames, int fps_num, int fps_den)
{
  gint64 num = frames * fps_den, den = fps_num;

  if (fps_den == 1)
    {
      num *= 100;
      den *= 100;
    }
  if (num % den == 0)
    g_snprintf (buf, size, "%" G_GINT64_FORMAT "s", num / den);
  else
    g_snprintf (buf, size, "%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "s", num, den);
}

static void
set_time (xmlNode *node, const char *name, gint64 frames, int fps_num, int fps_den)
{
  char buf[64];

  format_time (buf, sizeof buf, frames, fps_num, fps_den);
  xmlNewProp (node, BAD_CAST name, BAD_CAST buf);
}

static void
set_text (xmlNode *node, const char *name, const char *value)
{
  g_autofree char *clean = tl_export_clean (value, FALSE);

  xmlNewProp (node, BAD_CAST name, BAD_CAST clean);
}

static const char *
tc_format (int fps_num, int fps_den)
{
  return tl_timecode_is_drop_frame_rate (fps_num, fps_den) ? "DF" : "NDF";
}

typedef struct {
  char *id;
  int fps_num, fps_den, width, height;
} Format;

static void
format_free (gpointer data)
{
  Format *format = data;

  g_free (format->id);
  g_free (format);
}

typedef struct {
  GPtrArray *formats;   /* Format */
  GHashTable *assets;   /* source id -> asset id */
  GHashTable *asset_formats; /* source id -> Format */
  xmlNode *resources;
  guint next_id;
} Resources;

static Format *
ensure_format (Resources *res, int fps_num, int fps_den, int width, int height)
{
  Format *format;
  xmlNode *node;
  char buf[64];

  /* Final Cut needs a frame size even for audio and missing media */
  if (width <= 0 || height <= 0)
    {
      width = 1920;
      height = 1080;
    }
  for (guint i = 0; i < res->formats->len; i++)
    {
      format = g_ptr_array_index (res->formats, i);
      if (format->fps_num == fps_num && format->fps_den == fps_den && format->width == width
          && format->height == height)
        return format;
    }
  format = g_new0 (Format, 1);
  format->id = g_strdup_printf ("r%u", ++res->next_id);
  format->fps_num = fps_num;
  format->fps_den = fps_den;
  format->width = width;
  format->height = height;
  g_ptr_array_add (res->formats, format);

  node = xmlNewChild (res->resources, NULL, BAD_CAST "format", NULL);
  xmlNewProp (node, BAD_CAST "id", BAD_CAST format->id);
  set_time (node, "frameDuration", 1, fps_num, fps_den);
  g_snprintf (buf, sizeof buf, "%d", width);
  xmlNewProp (node, BAD_CAST "width", BAD_CAST buf);
  g_snprintf (buf, sizeof buf, "%d", height);
  xmlNewProp (node, BAD_CAST "height", BAD_CAST buf);
  return format;
}

/* The asset of a source, with its format; written on first use. */
static const char *
ensure_asset (Resources *res, TlExportItem *item)
{
  gint64 source_id = tl_source_get_id (item->source);
  const TlMediaInfo *media = tl_source_get_media (item->source);
  const char *id = g_hash_table_lookup (res->assets, &source_id);
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;
  Format *format;
  xmlNode *asset, *rep;

  if (id != NULL)
    return id;
  format = ensure_format (res, item->fps_num, item->fps_den, media ? media->width : 0, media ? media->height : 0);
  id = g_strdup_printf ("r%u", ++res->next_id);
  g_hash_table_insert (res->assets, g_memdup2 (&source_id, sizeof source_id), (char *) id);
  g_hash_table_insert (res->asset_formats, g_memdup2 (&source_id, sizeof source_id), format);

  asset = xmlNewChild (res->resources, NULL, BAD_CAST "asset", NULL);
  xmlNewProp (asset, BAD_CAST "id", BAD_CAST id);
  if (media != NULL && media->path != NULL)
    name = g_path_get_basename (media->path);
  set_text (asset, "name", name ? name : tl_source_get_title (item->source));
  set_time (asset, "start", item->origin, item->fps_num, item->fps_den);
  set_time (asset, "duration", item->media_frames, item->fps_num, item->fps_den);
  xmlNewProp (asset, BAD_CAST "hasVideo", BAD_CAST (media == NULL || media->has_video ? "1" : "0"));
  xmlNewProp (asset, BAD_CAST "format", BAD_CAST format->id);
  xmlNewProp (asset, BAD_CAST "hasAudio", BAD_CAST (media == NULL || media->has_audio ? "1" : "0"));
  if (media == NULL || media->has_audio)
    xmlNewProp (asset, BAD_CAST "audioSources", BAD_CAST "1");
  rep = xmlNewChild (asset, NULL, BAD_CAST "media-rep", NULL);
  xmlNewProp (rep, BAD_CAST "kind", BAD_CAST "original-media");
  uri = tl_export_media_uri (item->source, NULL);
  xmlNewProp (rep, BAD_CAST "src", BAD_CAST uri);
  return id;
}

static void
add_note (xmlNode *clip, TlExportItem *item)
{
  g_autofree char *note = tl_export_clean (tl_clip_get_note (item->clip), FALSE);

  if (*note != '\0')
    xmlNewTextChild (clip, NULL, BAD_CAST "note", BAD_CAST note);
}

static xmlNode *
add_asset_clip (xmlNode *parent, TlExportItem *item, const char *asset_id)
{
  xmlNode *clip = xmlNewChild (parent, NULL, BAD_CAST "asset-clip", NULL);
  g_autofree char *name = tl_export_item_name (item);

  xmlNewProp (clip, BAD_CAST "ref", BAD_CAST asset_id);
  xmlNewProp (clip, BAD_CAST "name", BAD_CAST name);
  return clip;
}

static gboolean
fcpxml_write (TlExportContext *ctx, GString *out, GError **error)
{
  g_autoptr(TlXmlDoc) doc = xmlNewDoc (BAD_CAST "1.0");
  g_autoptr(GPtrArray) formats = g_ptr_array_new_with_free_func (format_free);
  g_autoptr(GHashTable) assets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) asset_formats = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  Resources res = { formats, assets, asset_formats, NULL, 0 };
  gint64 record_start = tl_export_record_start (ctx->fps_num, ctx->fps_den);
  gint64 total = 0;
  g_autofree char *title = tl_export_clean (ctx->options.title, TRUE);
  xmlNode *root, *library, *event, *project, *sequence, *spine;
  Format *sequence_format = NULL;
  xmlChar *mem = NULL;
  int size = 0;

  xmlCreateIntSubset (doc, BAD_CAST "fcpxml", NULL, NULL);
  root = xmlNewNode (NULL, BAD_CAST "fcpxml");
  xmlDocSetRootElement (doc, root);
  xmlNewProp (root, BAD_CAST "version", BAD_CAST "1.10");
  res.resources = xmlNewChild (root, NULL, BAD_CAST "resources", NULL);
  library = xmlNewChild (root, NULL, BAD_CAST "library", NULL);
  event = xmlNewChild (library, NULL, BAD_CAST "event", NULL);
  xmlNewProp (event, BAD_CAST "name", BAD_CAST title);

  /* the sequence takes the timeline's rate and the first clip's frame size */
  for (guint i = 0; i < ctx->items->len && sequence_format == NULL; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      const TlMediaInfo *media = tl_source_get_media (item->source);
      if (item->timed)
        sequence_format = ensure_format (&res, ctx->fps_num, ctx->fps_den, media ? media->width : 0,
                                         media ? media->height : 0);
    }

  /* the event: each clip as a browser clip, its topics as keyword ranges */
  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      const char *const *topics = tl_clip_get_topics (item->clip);
      gint64 source_id = tl_source_get_id (item->source);
      const char *asset_id;
      Format *format;
      xmlNode *clip;

      if (!item->timed)
        continue;
      asset_id = ensure_asset (&res, item);
      format = g_hash_table_lookup (res.asset_formats, &source_id);
      clip = add_asset_clip (event, item, asset_id);
      set_time (clip, "start", item->origin + item->in_frame, item->fps_num, item->fps_den);
      set_time (clip, "duration", item->out_frame - item->in_frame, item->fps_num, item->fps_den);
      xmlNewProp (clip, BAD_CAST "format", BAD_CAST format->id);
      xmlNewProp (clip, BAD_CAST "tcFormat", BAD_CAST tc_format (item->fps_num, item->fps_den));
      add_note (clip, item);
      for (guint t = 0; topics[t] != NULL; t++)
        {
          xmlNode *keyword = xmlNewChild (clip, NULL, BAD_CAST "keyword", NULL);
          g_autofree char *value = tl_export_clean (topics[t], TRUE);

          /* the value is a comma-separated list: a comma would make two keywords */
          g_strdelimit (value, ",", ';');
          set_time (keyword, "start", item->origin + item->in_frame, item->fps_num, item->fps_den);
          set_time (keyword, "duration", item->out_frame - item->in_frame, item->fps_num, item->fps_den);
          xmlNewProp (keyword, BAD_CAST "value", BAD_CAST value);
        }
      total = item->record_out;
    }

  /* the project: the clips end to end from 01:00:00:00 */
  project = xmlNewChild (event, NULL, BAD_CAST "project", NULL);
  xmlNewProp (project, BAD_CAST "name", BAD_CAST title);
  sequence = xmlNewChild (project, NULL, BAD_CAST "sequence", NULL);
  xmlNewProp (sequence, BAD_CAST "format", BAD_CAST sequence_format->id);
  set_time (sequence, "duration", total, ctx->fps_num, ctx->fps_den);
  set_time (sequence, "tcStart", record_start, ctx->fps_num, ctx->fps_den);
  xmlNewProp (sequence, BAD_CAST "tcFormat", BAD_CAST tc_format (ctx->fps_num, ctx->fps_den));
  spine = xmlNewChild (sequence, NULL, BAD_CAST "spine", NULL);
  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      gint64 source_id = tl_source_get_id (item->source);
      Format *format;
      xmlNode *clip;

      if (!item->timed)
        continue;
      format = g_hash_table_lookup (res.asset_formats, &source_id);
      clip = add_asset_clip (spine, item, g_hash_table_lookup (res.assets, &source_id));
      set_time (clip, "offset", record_start + item->record_in, ctx->fps_num, ctx->fps_den);
      set_time (clip, "start", item->origin + item->in_frame, item->fps_num, item->fps_den);
      set_time (clip, "duration", item->record_out - item->record_in, ctx->fps_num, ctx->fps_den);
      if (format != sequence_format)
        xmlNewProp (clip, BAD_CAST "format", BAD_CAST format->id);
      xmlNewProp (clip, BAD_CAST "tcFormat", BAD_CAST tc_format (item->fps_num, item->fps_den));
      add_note (clip, item);
    }

  xmlDocDumpFormatMemoryEnc (doc, &mem, &size, "UTF-8", 1);
  if (mem == NULL)
    {
      g_set_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_WRITE, _("Could not write the FCPXML document"));
      return FALSE;
    }
  g_string_append_len (out, (const char *) mem, size);
  xmlFree (mem);
  return TRUE;
}

const TlExporter tl_exporter_fcpxml = {
  .name = "fcpxml",
  .label = N_("Final Cut Pro XML (FCPXML 1.10)"),
  .extension = "fcpxml",
  .time_based = TRUE,
  .write = fcpxml_write,
};
