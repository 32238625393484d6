/* tl-export-edl.c: the clip list as a CMX 3600 edit decision list: one cut
 * per clip, laid end to end from 01:00:00:00, on reels named from sources. */
#include "tl-export-private.h"
#include <glib/gi18n-lib.h>

#include <string.h>

#include "tl-timecode.h"

#define REEL_LENGTH 8

/* Up to 8 of [A-Z0-9_] from the media's file name (or the source's title):
 * what tape-era conform tools accept in the reel column. */
static char *
reel_base (TlSource *source)
{
  const TlMediaInfo *media = tl_source_get_media (source);
  g_autofree char *name = NULL;
  g_autofree char *ascii = NULL;
  GString *reel = g_string_new (NULL);

  if (media != NULL && media->path != NULL)
    {
      char *dot;
      name = g_path_get_basename (media->path);
      if ((dot = strrchr (name, '.')) != NULL && dot != name)
        *dot = '\0';
    }
  else
    name = g_strdup (tl_source_get_title (source));
  ascii = g_str_to_ascii (name ? name : "", "C");
  for (const char *p = ascii; *p && reel->len < REEL_LENGTH; p++)
    if (g_ascii_isalnum (*p) || *p == '_')
      g_string_append_c (reel, g_ascii_toupper (*p));
  if (reel->len == 0)
    g_string_append (reel, "REEL");
  return g_string_free (reel, FALSE);
}

/* A reel per source, unique in the file: a clash keeps the first 8 - n
 * characters and adds a number. "AX" (auxiliary) and "BL" (black) mean
 * something else in an EDL, so sources never get them. */
static const char *
reel_for (GHashTable *reels, GHashTable *taken, TlSource *source)
{
  gint64 id = tl_source_get_id (source);
  const char *reel = g_hash_table_lookup (reels, &id);
  g_autofree char *base = NULL;
  char *name;

  if (reel != NULL)
    return reel;
  base = reel_base (source);
  name = g_strdup (base);
  for (guint n = 2; g_hash_table_contains (taken, name); n++)
    {
      char suffix[12];
      int len = g_snprintf (suffix, sizeof suffix, "%u", n);
      g_free (name);
      name = g_strdup_printf ("%.*s%s", MIN ((int) strlen (base), REEL_LENGTH - len), base, suffix);
    }
  g_hash_table_add (taken, name);
  g_hash_table_insert (reels, g_memdup2 (&id, sizeof id), name);
  return name;
}

/* V, AA (two audio channels) or both, from what the media holds; both when
 * there is no media to ask. */
static const char *
channels (TlSource *source)
{
  const TlMediaInfo *media = tl_source_get_media (source);

  if (media == NULL || (media->has_video && media->has_audio) || (!media->has_video && !media->has_audio))
    return "AA/V";
  return media->has_video ? "V" : "AA";
}

/* "* KEY: value", one line per line of @value: a newline inside a comment
 * would start a line the reader takes for an event. */
static void
append_comment (GString *out, const char *key, const char *value)
{
  g_autofree char *clean = tl_export_clean (value, FALSE);
  g_auto(GStrv) lines = g_strsplit (clean, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strdelimit (lines[i], "\t", ' ');
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_string_append_printf (out, "* %s: %s\n", key, lines[i]);
    }
}

static void
append_header (TlExportContext *ctx, GString *out, guint part, guint n_parts)
{
  g_autofree char *title = tl_export_clean (ctx->options.title, TRUE);

  if (n_parts > 1)
    g_string_append_printf (out, "TITLE: %s (%u of %u)\n", title, part, n_parts);
  else
    g_string_append_printf (out, "TITLE: %s\n", title);
  g_string_append_printf (out, "FCM: %s\n",
                          tl_timecode_is_drop_frame_rate (ctx->fps_num, ctx->fps_den) ? "DROP FRAME" : "NON-DROP FRAME");
}

static gboolean
edl_write (TlExportContext *ctx, GString *out, GError **error)
{
  g_autoptr(GHashTable) reels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_parts = (ctx->n_timed + TL_EXPORT_EDL_MAX_EVENTS - 1) / TL_EXPORT_EDL_MAX_EVENTS;
  gint64 record_start = tl_export_record_start (ctx->fps_num, ctx->fps_den);
  guint event = 0, part = 1;

  if (n_parts > 1 && !ctx->options.split)
    {
      g_set_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_TOO_MANY,
                   _("%u clips are more than the %u events an EDL can number: export fewer "
                   "(by topic, source or rating) or split the list into %u files"),
                   ctx->n_timed, TL_EXPORT_EDL_MAX_EVENTS, n_parts);
      return FALSE;
    }
  g_hash_table_add (taken, g_strdup ("AX"));
  g_hash_table_add (taken, g_strdup ("BL"));

  append_header (ctx, out, part, n_parts);
  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      const TlMediaInfo *media = tl_source_get_media (item->source);
      const char *const *topics = tl_clip_get_topics (item->clip);
      g_autofree char *src_in = NULL, *src_out = NULL, *rec_in = NULL, *rec_out = NULL;
      g_autofree char *path = NULL, *clip_name = NULL;

      if (!item->timed)
        continue;
      if (event == TL_EXPORT_EDL_MAX_EVENTS)
        {
          g_array_append_val (ctx->part_ends, out->len);
          append_header (ctx, out, ++part, n_parts);
          event = 0;
        }
      event++;
      src_in = tl_export_timecode (item->origin + item->in_frame, item->fps_num, item->fps_den);
      src_out = tl_export_timecode (item->origin + item->out_frame, item->fps_num, item->fps_den);
      rec_in = tl_export_timecode (record_start + item->record_in, ctx->fps_num, ctx->fps_den);
      rec_out = tl_export_timecode (record_start + item->record_out, ctx->fps_num, ctx->fps_den);
      g_string_append_printf (out, "\n%03u  %-8s %-5s C        %s %s %s %s\n", event,
                              reel_for (reels, taken, item->source), channels (item->source),
                              src_in, src_out, rec_in, rec_out);

      /* a source without media names no file: a guessed path would mislead a conform */
      if (media != NULL && media->path != NULL)
        {
          path = tl_export_media_path (item->source);
          clip_name = g_path_get_basename (media->path);
        }
      append_comment (out, "FROM CLIP NAME", clip_name ? clip_name : tl_source_get_title (item->source));
      append_comment (out, "SOURCE FILE", path);
      append_comment (out, "CLIP TITLE", tl_clip_get_title (item->clip));
      for (guint t = 0; topics[t] != NULL; t++)
        {
          g_autofree char *topic = tl_export_clean (topics[t], TRUE);
          g_string_append_printf (out, "* LOC: %s %-7s %s\n", rec_in,
                                  tl_export_color_name (tl_export_topic_color (ctx, topics[t]), TL_EXPORT_PALETTE_CMX),
                                  topic);
        }
      append_comment (out, "COMMENT", tl_clip_get_note (item->clip));
      if (item->default_rate)
        g_string_append_printf (out, "* FRAME RATE: %d/%d ASSUMED, THE SOURCE HAS NO VIDEO FRAME RATE\n",
                                item->fps_num, item->fps_den);
    }
  if (n_parts > 1)
    g_array_append_val (ctx->part_ends, out->len);
  return TRUE;
}

const TlExporter tl_exporter_edl = {
  .name = "edl",
  .label = N_("CMX 3600 EDL"),
  .extension = "edl",
  .time_based = TRUE,
  .write = edl_write,
};
