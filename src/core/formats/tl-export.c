/* tl-export.c: gathers the clips a filter selects, with their sources and
 * words, and hands them to the chosen format. Files are written atomically. */
#include "tl-export.h"

G_DEFINE_QUARK (tl-export-error-quark, tl_export_error)

static const TlExporter *const exporters[] = {
  &tl_exporter_csv,
  &tl_exporter_json,
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
  for (guint i = 0; i < G_N_ELEMENTS (exporters); i++)
    if (g_ascii_strcasecmp (exporters[i]->name, name) == 0)
      return exporters[i];
  return NULL;
}

static void
item_free (gpointer data)
{
  TlExportItem *item = data;

  g_object_unref (item->clip);
  g_object_unref (item->source);
  g_free (item->text);
  g_free (item);
}

gboolean
tl_export_to_string (TlLibrary *library, const TlClipFilter *filter, const char *format,
                     GString *out, TlExportStats *stats, GError **error)
{
  const TlExporter *exporter = tl_exporter_find (format);
  g_autoptr(GPtrArray) clips = NULL;
  g_autoptr(GHashTable) sources = NULL;
  TlExportContext ctx = { library, NULL, 0 };
  gboolean ok;

  if (exporter == NULL)
    {
      g_set_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_UNKNOWN_FORMAT, "Unknown export format “%s”", format);
      return FALSE;
    }
  if ((clips = tl_library_list_clips (library, filter, error)) == NULL)
    return FALSE;
  if (clips->len == 0)
    {
      g_set_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_NOTHING, "No clips match: nothing to export");
      return FALSE;
    }

  sources = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  ctx.items = g_ptr_array_new_with_free_func (item_free);
  for (guint i = 0; i < clips->len; i++)
    {
      TlClip *clip = g_ptr_array_index (clips, i);
      gint64 source_id = tl_clip_get_source_id (clip);
      TlSource *source = g_hash_table_lookup (sources, &source_id);
      TlExportItem *item;

      if (source == NULL)
        {
          source = tl_library_get_source (library, source_id, error);
          if (source == NULL)
            {
              g_ptr_array_unref (ctx.items);
              return FALSE;
            }
          g_hash_table_insert (sources, g_memdup2 (&source_id, sizeof source_id), source);
        }
      item = g_new0 (TlExportItem, 1);
      item->clip = g_object_ref (clip);
      item->source = g_object_ref (source);
      item->text = tl_library_get_clip_text (library, clip, error);
      g_ptr_array_add (ctx.items, item);
      if (item->text == NULL)
        {
          g_ptr_array_unref (ctx.items);
          return FALSE;
        }
    }

  ok = exporter->write (&ctx, out, error);
  if (stats)
    {
      stats->n_clips = ctx.items->len - ctx.n_skipped;
      stats->n_skipped = ctx.n_skipped;
    }
  g_ptr_array_unref (ctx.items);
  return ok;
}

gboolean
tl_export_to_file (TlLibrary *library, const TlClipFilter *filter, const char *format,
                   const char *path, TlExportStats *stats, GError **error)
{
  g_autoptr(GString) out = g_string_sized_new (64 * 1024);
  g_autoptr(GError) local_error = NULL;

  if (!tl_export_to_string (library, filter, format, out, stats, error))
    return FALSE;
  if (!g_file_set_contents (path, out->str, out->len, &local_error))
    {
      g_set_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_WRITE, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}
