/* tl-export.c: gathers the clips a filter selects, with their sources,
 * topics and lines, snaps their times to frames once for every format, and
 * hands them to the chosen format. Files are written atomically. */
#include "tl-export-private.h"
#include <glib/gi18n-lib.h>
#include <inttypes.h>

#ifndef TL_EXPORT_NO_XML
#include <libxml/parser.h>
#endif
#include <math.h>
#include <string.h>

#include "tl-library-private.h"
#include "tl-timecode.h"

G_DEFINE_QUARK (tl-export-error-quark, tl_export_error)

static const TlExporter *const exporters[] = {
  &tl_exporter_csv,
  &tl_exporter_json,
  &tl_exporter_edl,
#ifndef TL_EXPORT_NO_XML
  /* a build without libxml2 (the quick tagline-cli) goes without these */
  &tl_exporter_fcpxml,
  &tl_exporter_xmeml,
#endif
  &tl_exporter_otio,
  &tl_exporter_srt,
  &tl_exporter_vtt,
  &tl_exporter_md,
  &tl_exporter_html,
};

const TlExporter *const *
tl_exporters (guint *n_exporters)
{
  *n_exporters = G_N_ELEMENTS (exporters);
  return exporters;
}

const TlExporter *
tl_exporter_find (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (exporters); i++)
    if (g_ascii_strcasecmp (exporters[i]->name, name) == 0)
      return exporters[i];
  return NULL;
}

/* In and out on the media's frame grid (the nearest frame to each), the one
 * place every format takes its frames from. */
static void
snap_item (TlExportContext *ctx, TlExportItem *item)
{
  const TlMediaInfo *media = tl_source_get_media (item->source);
  gint64 in = tl_clip_get_in (item->clip), out = tl_clip_get_out (item->clip);

  item->timed = in != TL_TIME_NONE && out > in;
  if (!item->timed)
    return;
  if (media != NULL && media->fps_num > 0 && media->fps_den > 0)
    {
      item->fps_num = media->fps_num;
      item->fps_den = media->fps_den;
    }
  else
    {
      item->fps_num = ctx->options.fps_num;
      item->fps_den = ctx->options.fps_den;
      item->default_rate = TRUE;
    }
  item->in_frame = tl_timecode_usec_to_frames (in, item->fps_num, item->fps_den);
  item->out_frame = tl_timecode_usec_to_frames (out, item->fps_num, item->fps_den);
  if (media != NULL && media->duration > 0)
    {
      gint64 last = tl_timecode_usec_to_frames (media->duration, item->fps_num, item->fps_den);
      if (last > item->in_frame)
        item->out_frame = MIN (item->out_frame, last);
    }
  item->out_frame = MAX (item->out_frame, item->in_frame + 1);
  if (media != NULL && media->start_timecode != NULL
      && !tl_timecode_parse_frames (media->start_timecode, item->fps_num, item->fps_den, &item->origin))
    item->origin = 0;
}

/* The media's length in frames (for a source without media, its
 * transcript's), at least to the end of the clip. */
static gint64
media_length (TlExportItem *item)
{
  const TlMediaInfo *media = tl_source_get_media (item->source);
  gint64 duration = media && media->duration > 0 ? media->duration : tl_source_get_duration (item->source);
  gint64 frames = 0;

  if (duration > 0)
    frames = tl_timecode_usec_to_frames (duration, item->fps_num, item->fps_den);
  return MAX (frames, item->out_frame);
}

/* Record times: the timed clips end to end at the timeline's rate. A clip
 * at another rate keeps its length in time, rounded to whole frames. And
 * the media's length, the same for every clip of a source. */
static void
lay_out (TlExportContext *ctx)
{
  g_autoptr(GHashTable) lengths = g_hash_table_new (NULL, NULL);
  gint64 position = 0;

  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      gint64 length = item->out_frame - item->in_frame;

      if (!item->timed)
        continue;
      if (ctx->n_timed++ == 0)
        {
          ctx->fps_num = item->fps_num;
          ctx->fps_den = item->fps_den;
        }
      ctx->n_default_rate += item->default_rate;
      if ((gint64) item->fps_num * ctx->fps_den != (gint64) ctx->fps_num * item->fps_den)
        length = MAX (1, tl_timecode_usec_to_frames (tl_timecode_frames_to_usec (length, item->fps_num, item->fps_den),
                                                     ctx->fps_num, ctx->fps_den));
      item->record_in = position;
      item->record_out = position + length;
      position = item->record_out;
      g_hash_table_insert (lengths, item->source,
                           GSIZE_TO_POINTER (MAX (GPOINTER_TO_SIZE (g_hash_table_lookup (lengths, item->source)),
                                                  (gsize) media_length (item))));
    }
  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      if (item->timed)
        item->media_frames = GPOINTER_TO_SIZE (g_hash_table_lookup (lengths, item->source));
    }
  if (ctx->n_timed == 0)
    {
      ctx->fps_num = ctx->options.fps_num;
      ctx->fps_den = ctx->options.fps_den;
    }
}

static void
item_free (gpointer data)
{
  TlExportItem *item = data;

  g_object_unref (item->clip);
  g_object_unref (item->source);
  g_free (item->text);
  g_ptr_array_unref (item->lines);
  g_free (item);
}

void
tl_export_context_free (TlExportContext *ctx)
{
  if (ctx == NULL)
    return;
  g_clear_pointer (&ctx->items, g_ptr_array_unref);
  g_clear_pointer (&ctx->topics, g_ptr_array_unref);
  g_clear_pointer (&ctx->part_ends, g_array_unref);
  g_clear_pointer (&ctx->clip_lines, tl_clip_lines_free);
  g_clear_object (&ctx->cancellable);
  g_free ((char *) ctx->options.title);
  g_free (ctx);
}

/**
 * tl_export_context_new:
 * @filter: (nullable): which clips, in which order; %NULL for all
 * @options: (nullable): how to write them; %NULL for the defaults
 *
 * Reads what the exporters need from the library in a handful of queries
 * (clips, sources, topics, and the lines of the sources involved), so that
 * writing runs without the library, on any thread, as often as wanted.
 *
 * Returns: (transfer full): the clips ready to write, or %NULL with @error
 *   set (%TL_EXPORT_ERROR_NOTHING when no clip matches)
 */
TlExportContext *
tl_export_context_new (TlLibrary *library, const TlClipFilter *filter, const TlExportOptions *options,
                       GError **error)
{
  g_autoptr(TlExportContext) ctx = g_new0 (TlExportContext, 1);
  g_autoptr(GPtrArray) clips = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) source_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (TL_IS_LIBRARY (library), NULL);

#ifndef TL_EXPORT_NO_XML
  /* libxml2 sets itself up once, on one thread, before any writer runs
   * (in a worker thread, for tl_export_to_file_async()) */
  xmlInitParser ();
#endif
  if (options)
    ctx->options = *options;
  ctx->options.title = g_strdup (options && options->title && *options->title ? options->title
                                                                              : TL_EXPORT_DEFAULT_TITLE);
  if (ctx->options.fps_num <= 0 || ctx->options.fps_den <= 0)
    {
      ctx->options.fps_num = TL_EXPORT_DEFAULT_FPS_NUM;
      ctx->options.fps_den = TL_EXPORT_DEFAULT_FPS_DEN;
    }
  ctx->items = g_ptr_array_new_with_free_func (item_free);
  ctx->part_ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  ctx->clip_lines = tl_clip_lines_new ();

  if ((clips = tl_library_list_clips (library, filter, error)) == NULL)
    return NULL;
  if (clips->len == 0)
    {
      g_set_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_NOTHING, _("No clips match: nothing to export"));
      return NULL;
    }
  if ((sources = tl_library_list_sources (library, error)) == NULL)
    return NULL;
  for (guint i = 0; i < sources->len; i++)
    {
      TlSource *source = g_ptr_array_index (sources, i);
      gint64 id = tl_source_get_id (source);
      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), source);
    }
  if ((ctx->topics = tl_library_list_topics (library, error)) == NULL)
    return NULL;

  for (guint i = 0; i < clips->len; i++)
    {
      gint64 source_id = tl_clip_get_source_id (g_ptr_array_index (clips, i));
      if (g_hash_table_add (seen, g_memdup2 (&source_id, sizeof source_id)))
        g_array_append_val (source_ids, source_id);
    }
  /* the lines of every source at once: one query per clip took a second
   * for 10,000 clips (bench/bench-export) */
  if (!tl_clip_lines_load (ctx->clip_lines, library, (const gint64 *) source_ids->data, source_ids->len, error))
    return NULL;

  for (guint i = 0; i < clips->len; i++)
    {
      TlClip *clip = g_ptr_array_index (clips, i);
      gint64 source_id = tl_clip_get_source_id (clip);
      TlSource *source = g_hash_table_lookup (by_id, &source_id);
      TlExportItem *item;

      if (source == NULL)
        {
          g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND,
                       _("No source with id %" PRId64 " in this library"), source_id);
          return NULL;
        }
      item = g_new0 (TlExportItem, 1);
      item->clip = g_object_ref (clip);
      item->source = g_object_ref (source);
      item->lines = g_ptr_array_new ();
      tl_clip_lines_collect (ctx->clip_lines, clip, item->lines);
      item->text = tl_clip_lines_join (item->lines);
      snap_item (ctx, item);
      g_ptr_array_add (ctx->items, item);
    }
  lay_out (ctx);
  return g_steal_pointer (&ctx);
}

/**
 * tl_export_context_write:
 * @stats: (out) (optional): what was written and left out
 *
 * Writes the gathered clips in @exporter's format. Time-based formats
 * leave quotes out and count them in @stats; with none left they fail.
 */
gboolean
tl_export_context_write (TlExportContext *ctx, const TlExporter *exporter, GString *out, TlExportStats *stats,
                         GError **error)
{
  gsize start = out->len;

  g_return_val_if_fail (ctx != NULL && exporter != NULL && out != NULL, FALSE);

  ctx->n_skipped = exporter->time_based ? ctx->items->len - ctx->n_timed : 0;
  g_array_set_size (ctx->part_ends, 0);
  if (exporter->time_based && ctx->n_timed == 0)
    {
      g_set_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_NOTHING,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The clip is a quote without times (from an article or an untimed "
                                "transcript): %1$s holds clips of media only; use CSV, JSON or the paper edit",
                                "All %2$u clips are quotes without times (from articles or untimed "
                                "transcripts): %1$s holds clips of media only; use CSV, JSON or the paper edit",
                                ctx->items->len),
                   _(exporter->label), ctx->items->len);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  if (!exporter->write (ctx, out, error))
    {
      g_string_truncate (out, start);
      return FALSE;
    }
  if (stats)
    {
      stats->n_clips = ctx->items->len - ctx->n_skipped;
      stats->n_skipped = ctx->n_skipped;
      stats->n_default_rate = exporter->time_based ? ctx->n_default_rate : 0;
      stats->n_files = MAX (ctx->part_ends->len, 1);
    }
  return TRUE;
}

static TlExportContext *
prepare (TlLibrary *library, const TlClipFilter *filter, const char *format, const TlExportOptions *options,
         const TlExporter **exporter, GError **error)
{
  *exporter = tl_exporter_find (format);
  if (*exporter == NULL)
    {
      g_set_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_UNKNOWN_FORMAT, _("Unknown export format “%s”"), format);
      return NULL;
    }
  return tl_export_context_new (library, filter, options, error);
}

/**
 * tl_export_to_string:
 * @options: (nullable): %NULL for the defaults
 *
 * Appends the export to @out. A split EDL (several files) cannot be one
 * string: that fails with %TL_EXPORT_ERROR_TOO_MANY.
 */
gboolean
tl_export_to_string (TlLibrary *library, const TlClipFilter *filter, const char *format,
                     const TlExportOptions *options, GString *out, TlExportStats *stats, GError **error)
{
  g_autoptr(TlExportContext) ctx = NULL;
  const TlExporter *exporter;
  TlExportStats local = { 0 };

  if ((ctx = prepare (library, filter, format, options, &exporter, error)) == NULL)
    return FALSE;
  if (!tl_export_context_write (ctx, exporter, out, &local, error))
    return FALSE;
  if (local.n_files > 1)
    {
      g_set_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_TOO_MANY,
                   g_dngettext (GETTEXT_PACKAGE, "The list splits into %u %s file: name a file to write them to",
                                "The list splits into %u %s files: name a file to write them to", local.n_files),
                   local.n_files, _(exporter->label));
      return FALSE;
    }
  if (stats)
    *stats = local;
  return TRUE;
}

/**
 * tl_export_part_path:
 * @part: 1 for the first file
 *
 * Where the files of a split export go: the first at @path itself, then
 * "cut-2.edl", "cut-3.edl" beside it.
 */
char *
tl_export_part_path (const char *path, guint part)
{
  const char *base = strrchr (path, G_DIR_SEPARATOR);
  const char *dot;

  if (part <= 1)
    return g_strdup (path);
  base = base ? base + 1 : path;
  dot = strrchr (base, '.');
  if (dot == NULL || dot == base)
    return g_strdup_printf ("%s-%u", path, part);
  return g_strdup_printf ("%.*s-%u%s", (int) (dot - path), path, part, dot);
}

static gboolean
write_files (TlExportContext *ctx, GString *out, const char *path, GError **error)
{
  guint n = MAX (ctx->part_ends->len, 1);

  for (guint p = 0; p < n; p++)
    {
      gsize start = p > 0 ? g_array_index (ctx->part_ends, gsize, p - 1) : 0;
      gsize end = ctx->part_ends->len ? g_array_index (ctx->part_ends, gsize, p) : out->len;
      g_autofree char *name = tl_export_part_path (path, p + 1);
      g_autoptr(GError) local_error = NULL;

      if (!g_file_set_contents (name, out->str + start, end - start, &local_error))
        {
          g_set_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_WRITE, "%s", local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * tl_export_to_file:
 * @options: (nullable): %NULL for the defaults
 *
 * Writes the export to @path, atomically (a failed export leaves the old
 * file as it was). A split EDL writes tl_export_part_path() files.
 */
gboolean
tl_export_to_file (TlLibrary *library, const TlClipFilter *filter, const char *format,
                   const TlExportOptions *options, const char *path, TlExportStats *stats, GError **error)
{
  g_autoptr(TlExportContext) ctx = NULL;
  g_autoptr(GString) out = g_string_sized_new (64 * 1024);
  const TlExporter *exporter;
  TlExportStats local = { 0 };

  g_return_val_if_fail (path != NULL, FALSE);
  if ((ctx = prepare (library, filter, format, options, &exporter, error)) == NULL)
    return FALSE;
  if (!tl_export_context_write (ctx, exporter, out, &local, error) || !write_files (ctx, out, path, error))
    return FALSE;
  if (stats)
    *stats = local;
  return TRUE;
}

typedef struct {
  TlExportContext *ctx;
  const TlExporter *exporter;
  char *path;
  TlExportStats stats;
} WriteJob;

static void
write_job_free (gpointer data)
{
  WriteJob *job = data;

  tl_export_context_free (job->ctx);
  g_free (job->path);
  g_free (job);
}

static void
write_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  WriteJob *job = data;
  g_autoptr(GString) out = g_string_sized_new (64 * 1024);
  GError *error = NULL;

  if (!tl_export_context_write (job->ctx, job->exporter, out, &job->stats, &error)
      || g_cancellable_set_error_if_cancelled (cancellable, &error)
      || !write_files (job->ctx, out, job->path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * tl_export_to_file_async:
 *
 * tl_export_to_file() with the writing in a worker thread. The clips are
 * read from the library first, on the calling thread (the library's
 * connection belongs to it); that takes milliseconds even for 10,000 clips.
 */
void
tl_export_to_file_async (TlLibrary *library, const TlClipFilter *filter, const char *format,
                         const TlExportOptions *options, const char *path, GCancellable *cancellable,
                         GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (library, cancellable, callback, user_data);
  GError *error = NULL;
  WriteJob *job;

  g_return_if_fail (TL_IS_LIBRARY (library));
  g_return_if_fail (path != NULL);
  g_task_set_source_tag (task, tl_export_to_file_async);

  job = g_new0 (WriteJob, 1);
  g_task_set_task_data (task, job, write_job_free);
  job->path = g_strdup (path);
  if (g_cancellable_set_error_if_cancelled (cancellable, &error)
      || (job->ctx = prepare (library, filter, format, options, &job->exporter, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  job->ctx->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  g_task_run_in_thread (task, write_in_thread);
}

gboolean
tl_export_to_file_finish (GAsyncResult *result, TlExportStats *stats, GError **error)
{
  GTask *task = G_TASK (result);
  WriteJob *job;

  g_return_val_if_fail (g_task_get_source_tag (task) == tl_export_to_file_async, FALSE);
  if (!g_task_propagate_boolean (task, error))
    return FALSE;
  job = g_task_get_task_data (task);
  if (stats)
    *stats = job->stats;
  return TRUE;
}

/* Helpers the formats share */

static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

/**
 * tl_export_clean:
 * @one_line: fold line breaks and tabs into spaces (EDL comments, names)
 *
 * Text any format can hold: valid UTF-8 without the control characters
 * that XML 1.0 forbids (and that no editor means to type), with CRLF and
 * Unicode line separators as "\n". Right-to-left marks, emoji and all
 * other characters stay as they are.
 */
/* Whether @text holds a byte sequence tl_export_clean() changes: C0 and C1
 * controls, U+2028/2029, U+FFFE/FFFF. Most text holds none, and a byte
 * scan is ten times faster than decoding every character. */
static gboolean
needs_cleaning (const char *text, gboolean one_line)
{
  const unsigned char *p;

  for (p = (const unsigned char *) text; *p; p++)
    if (*p < 0x20 || *p == 0x7f || (*p == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0)
        || (*p == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9))
        || (*p == 0xef && p[1] == 0xbf && (p[2] == 0xbe || p[2] == 0xbf)))
      return TRUE;
  return one_line && p > (const unsigned char *) text && p[-1] == ' ';
}

char *
tl_export_clean (const char *text, gboolean one_line)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_validate (text, -1, NULL) && !needs_cleaning (text, one_line))
    return g_strdup (text);
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' && p[1] == '\n')
        continue;
      if (is_line_break (c) || c == '\t')
        {
          if (!one_line)
            g_string_append_c (out, c == '\t' ? '\t' : '\n');
          else if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          continue;
        }
      if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0xfffe || c == 0xffff)
        continue;
      g_string_append_unichar (out, c);
    }
  if (one_line)
    while (out->len > 0 && out->str[out->len - 1] == ' ')
      g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* The clip's title, or its source's: what an NLE shows on the clip. */
char *
tl_export_item_name (TlExportItem *item)
{
  const char *title = tl_clip_get_title (item->clip);
  g_autofree char *name = tl_export_clean (title, TRUE);

  if (*name != '\0')
    return g_steal_pointer (&name);
  g_free (name);
  name = tl_export_clean (tl_source_get_title (item->source), TRUE);
  if (*name != '\0')
    return g_steal_pointer (&name);
  return g_strdup_printf (_("Source %" PRId64), tl_source_get_id (item->source));
}

/**
 * tl_export_media_path:
 *
 * The absolute path of the source's media; for a source without media,
 * where it would most likely be: beside the transcript, with its name and
 * no extension, for the editor to relink.
 */
char *
tl_export_media_path (TlSource *source)
{
  const TlMediaInfo *media = tl_source_get_media (source);
  const char *origin = tl_source_get_origin_path (source);
  g_autofree char *path = NULL;

  if (media != NULL && media->path != NULL && *media->path)
    path = g_strdup (media->path);
  else if (origin != NULL && *origin)
    {
      char *dot, *slash;
      path = g_strdup (origin);
      dot = strrchr (path, '.');
      slash = strrchr (path, G_DIR_SEPARATOR);
      if (dot != NULL && (slash == NULL || dot > slash + 1))
        *dot = '\0';
    }
  else
    {
      g_autofree char *title = tl_export_clean (tl_source_get_title (source), TRUE);
      g_strdelimit (title, G_DIR_SEPARATOR_S, '_');
      path = g_build_filename (G_DIR_SEPARATOR_S, *title ? title : "media", NULL);
    }
  if (!g_path_is_absolute (path))
    {
      char *absolute = g_canonicalize_filename (path, NULL);
      g_free (path);
      path = absolute;
    }
  return g_steal_pointer (&path);
}

/* A percent-encoded file:// URL of tl_export_media_path(). */
char *
tl_export_media_uri (TlSource *source, const char *hostname)
{
  g_autofree char *path = tl_export_media_path (source);
  char *uri = g_filename_to_uri (path, hostname, NULL);

  return uri ? uri : g_strdup ("file:///");
}

/* Timecode as people read it at that rate: drop-frame at 29.97 and 59.94. */
char *
tl_export_timecode (gint64 frames, int fps_num, int fps_den)
{
  return tl_timecode_format_frames (frames, fps_num, fps_den, tl_timecode_is_drop_frame_rate (fps_num, fps_den));
}

/* The frame labelled 01:00:00:00 (01:00:00;00), where sequences start. */
gint64
tl_export_record_start (int fps_num, int fps_den)
{
  gint64 frames = 0;

  tl_timecode_parse_frames (tl_timecode_is_drop_frame_rate (fps_num, fps_den) ? "01:00:00;00" : "01:00:00:00",
                            fps_num, fps_den, &frames);
  return frames;
}

/* The colour of a topic ("#rrggbb"), or NULL when there is no such topic. */
const char *
tl_export_topic_color (TlExportContext *ctx, const char *topic)
{
  for (guint i = 0; i < ctx->topics->len; i++)
    {
      TlTopic *t = g_ptr_array_index (ctx->topics, i);
      if (g_strcmp0 (tl_topic_get_name (t), topic) == 0)
        return tl_topic_get_color (t);
    }
  return NULL;
}

/* The named colour nearest in hue to @hex: NLE markers take names, not RGB. */
const char *
tl_export_color_name (const char *hex, TlExportPalette palette)
{
  static const struct {
    double hue_end;
    const char *cmx;
    const char *otio;
  } hues[] = {
    { 15, "RED", "RED" }, { 45, "YELLOW", "ORANGE" }, { 70, "YELLOW", "YELLOW" }, { 160, "GREEN", "GREEN" },
    { 200, "CYAN", "CYAN" }, { 250, "BLUE", "BLUE" }, { 290, "MAGENTA", "PURPLE" },
    { 320, "MAGENTA", "MAGENTA" }, { 345, "MAGENTA", "PINK" }, { 361, "RED", "RED" },
  };
  guint rgb;
  double r, g, b, max, min, hue;

  if (hex == NULL || hex[0] != '#' || strlen (hex) != 7)
    return palette == TL_EXPORT_PALETTE_CMX ? "YELLOW" : "YELLOW";
  rgb = (guint) g_ascii_strtoull (hex + 1, NULL, 16);
  r = ((rgb >> 16) & 0xff) / 255.0;
  g = ((rgb >> 8) & 0xff) / 255.0;
  b = (rgb & 0xff) / 255.0;
  max = MAX (r, MAX (g, b));
  min = MIN (r, MIN (g, b));
  if (max - min < 0.15)
    return max > 0.5 ? "WHITE" : "BLACK";
  if (max == r)
    hue = 60 * fmod ((g - b) / (max - min) + 6, 6);
  else if (max == g)
    hue = 60 * ((b - r) / (max - min) + 2);
  else
    hue = 60 * ((r - g) / (max - min) + 4);
  for (guint i = 0; i < G_N_ELEMENTS (hues); i++)
    if (hue < hues[i].hue_end)
      return palette == TL_EXPORT_PALETTE_CMX ? hues[i].cmx : hues[i].otio;
  return "RED";
}
