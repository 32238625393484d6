/* tl-export-json.c: the clip list as JSON with stable field names (the
 * README documents them; scripts depend on them). Each clip is written by
 * tl-json-model.c, as tagline-cli writes its clips. */
#include "tl-export.h"
#include <glib/gi18n-lib.h>

#include "tl-json-model.h"

static gboolean
json_write (TlExportContext *ctx, GString *out, GError **error)
{
  g_autoptr(TlJsonWriter) builder = tl_json_writer_new (out, TRUE);

  tl_json_writer_begin_object (builder);
  tl_json_writer_member (builder, "clips");
  tl_json_writer_begin_array (builder);
  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);

      tl_json_write_clip (builder, item->clip, item->source, item->text, TL_JSON_CLIP_EXPORT);
    }
  tl_json_writer_end_array (builder);
  tl_json_writer_end_object (builder);

  g_string_append_c (out, '\n');
  return TRUE;
}

const TlExporter tl_exporter_json = {
  .name = "json",
  .label = N_("JSON"),
  .extension = "json",
  .write = json_write,
};
