/* tl-export-subtitles.c: the lines said in the clips as SubRip (.srt) and
 * WebVTT (.vtt) subtitles, either on the clips laid end to end (they then
 * line up with the exported EDL, FCPXML or OTIO sequence) or at their
 * times in their sources, in time order and never overlapping. */
#include "tl-export-private.h"
#include <glib/gi18n-lib.h>

#include "tl-text.h"
#include "tl-timecode.h"

typedef struct {
  gint64 start;
  gint64 end;
  const char *text;
  const TlExportLine *line;
} Cue;

static int
compare_cues (gconstpointer a, gconstpointer b)
{
  const Cue *ca = a, *cb = b;

  if (ca->start != cb->start)
    return ca->start < cb->start ? -1 : 1;
  if (ca->end != cb->end)
    return ca->end < cb->end ? -1 : 1;
  return 0;
}

static gint64
msec (gint64 usec)
{
  return (usec + 500) / 1000;
}

/* Each line cut to its clip's frames, moved to the chosen timeline, in
 * time order; cues never overlap: GStreamer's subparse and many players
 * drop a cue that starts before the last one ended, so a line that starts
 * while another shows cuts it short, and lines that start together share
 * one cue. */
static GArray *
collect_cues (TlExportContext *ctx, GStringChunk *merged)
{
  g_autoptr(GArray) cues = g_array_new (FALSE, FALSE, sizeof (Cue));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  gboolean on_source = ctx->options.timeline == TL_EXPORT_TIMELINE_SOURCE;
  GArray *out;

  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      gint64 in, out_us, record_in, record_out, shift;

      if (!item->timed)
        continue;
      in = tl_timecode_frames_to_usec (item->in_frame, item->fps_num, item->fps_den);
      out_us = tl_timecode_frames_to_usec (item->out_frame, item->fps_num, item->fps_den);
      record_in = tl_timecode_frames_to_usec (item->record_in, ctx->fps_num, ctx->fps_den);
      record_out = tl_timecode_frames_to_usec (item->record_out, ctx->fps_num, ctx->fps_den);
      shift = on_source ? 0 : record_in - in;
      for (guint l = 0; l < item->lines->len; l++)
        {
          const TlExportLine *line = g_ptr_array_index (item->lines, l);
          gpointer index;
          Cue cue;

          if (line->start == TL_TIME_NONE)
            continue;
          cue.start = MAX (line->start, in) + shift;
          cue.end = MIN (line->end != TL_TIME_NONE ? line->end : out_us, out_us) + shift;
          if (!on_source)
            cue.end = MIN (cue.end, record_out);
          cue.text = line->text;
          cue.line = line;
          if (msec (cue.end) <= msec (cue.start))
            continue;
          /* on source time a line two clips share is shown once, over both */
          if (on_source && g_hash_table_lookup_extended (seen, line, NULL, &index))
            {
              Cue *first = &g_array_index (cues, Cue, GPOINTER_TO_UINT (index));
              first->start = MIN (first->start, cue.start);
              first->end = MAX (first->end, cue.end);
              continue;
            }
          g_hash_table_insert (seen, (gpointer) line, GUINT_TO_POINTER (cues->len));
          g_array_append_val (cues, cue);
        }
    }

  g_array_sort (cues, compare_cues);
  out = g_array_sized_new (FALSE, FALSE, sizeof (Cue), cues->len);
  for (guint i = 0; i < cues->len; i++)
    {
      Cue *cue = &g_array_index (cues, Cue, i);
      Cue *last = out->len ? &g_array_index (out, Cue, out->len - 1) : NULL;

      if (last != NULL && last->end > cue->start)
        {
          if (msec (cue->start) > msec (last->start))
            last->end = cue->start;
          else
            {
              g_autofree char *text = g_strconcat (last->text, "\n", cue->text, NULL);
              last->text = g_string_chunk_insert (merged, text);
              last->end = MAX (last->end, cue->end);
              continue;
            }
        }
      g_array_append_val (out, *cue);
    }
  return out;
}

/* Cue text: no blank line (it would end the cue), markup escaped for WebVTT. */
static gboolean
append_cue_text (GString *out, const char *text, gboolean vtt)
{
  g_autofree char *clean = tl_export_clean (text, FALSE);
  g_auto(GStrv) lines = g_strsplit (clean, "\n", -1);
  gsize start = out->len;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (out->len > start)
        g_string_append_c (out, '\n');
      if (!vtt)
        {
          g_string_append (out, lines[i]);
          continue;
        }
      for (const char *p = lines[i]; *p; p++)
        switch (*p)
          {
          case '&': g_string_append (out, "&amp;"); break;
          case '<': g_string_append (out, "&lt;"); break;
          case '>': g_string_append (out, "&gt;"); break;
          default: g_string_append_c (out, *p);
          }
    }
  return out->len > start;
}

static gboolean
write_subtitles (TlExportContext *ctx, GString *out, gboolean vtt)
{
  GStringChunk *merged = g_string_chunk_new (1024);
  g_autoptr(GArray) cues = collect_cues (ctx, merged);
  g_autoptr(GString) text = g_string_new (NULL);
  char separator = vtt ? '.' : ',';
  guint number = 0;

  if (vtt)
    g_string_append (out, "WEBVTT\n");
  for (guint i = 0; i < cues->len; i++)
    {
      const Cue *cue = &g_array_index (cues, Cue, i);
      g_autofree char *start = NULL, *end = NULL;

      g_string_truncate (text, 0);
      if (!append_cue_text (text, cue->text, vtt))
        continue;
      start = tl_format_clock (cue->start, TRUE, separator);
      end = tl_format_clock (cue->end, TRUE, separator);
      if (number > 0 || vtt)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%u\n%s --> %s\n%s\n", ++number, start, end, text->str);
    }
  g_string_chunk_free (merged);
  return TRUE;
}

static gboolean
srt_write (TlExportContext *ctx, GString *out, GError **error)
{
  return write_subtitles (ctx, out, FALSE);
}

static gboolean
vtt_write (TlExportContext *ctx, GString *out, GError **error)
{
  return write_subtitles (ctx, out, TRUE);
}

const TlExporter tl_exporter_srt = {
  .name = "srt",
  .label = N_("SubRip subtitles"),
  .extension = "srt",
  .time_based = TRUE,
  .write = srt_write,
};

const TlExporter tl_exporter_vtt = {
  .name = "vtt",
  .label = N_("WebVTT subtitles"),
  .extension = "vtt",
  .time_based = TRUE,
  .write = vtt_write,
};
