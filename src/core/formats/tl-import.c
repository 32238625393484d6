/* tl-import.c: the importer registry, format sniffing, and the checks every
 * import goes through whatever its format. */
#include "tl-import.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tl-encoding.h"
#include "tl-text.h"

G_DEFINE_QUARK (tl-import-error-quark, tl_import_error)

/* Order matters only between importers that give the same sniff score. */
static const TlImporter *const importers[] = {
  &tl_importer_srt,
  &tl_importer_whisper_json,
  &tl_importer_timestamped,
  &tl_importer_audacity,
  &tl_importer_ttml,
  &tl_importer_ssa,
  &tl_importer_eaf,
  &tl_importer_webvtt,
  &tl_importer_sbv,
  &tl_importer_video_page,
  &tl_importer_summary_page,
  &tl_importer_web_page,
  &tl_importer_article,
  &tl_importer_text,
};

const TlImporter *const *
tl_importers (guint *n_importers)
{
  *n_importers = G_N_ELEMENTS (importers);
  return importers;
}

const TlImporter *
tl_importer_find (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (importers); i++)
    if (g_ascii_strcasecmp (importers[i]->name, name) == 0)
      return importers[i];
  return NULL;
}

/* The importer most sure of @text, or NULL if none claims it. */
const TlImporter *
tl_importer_sniff (const char *text, gsize length)
{
  const TlImporter *best = NULL;
  guint best_score = 0;

  for (guint i = 0; i < G_N_ELEMENTS (importers); i++)
    {
      guint score = importers[i]->sniff (text, length);
      if (score > best_score)
        {
          best = importers[i];
          best_score = score;
        }
    }
  return best;
}

gboolean
tl_import_fail (TlImportContext *ctx, GError **error, guint line, const char *format, ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  ctx->error_line = line;
  g_set_error_literal (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_PARSE, msg);
  return FALSE;
}

/* The name of the timed format a file's extension promises, or NULL for
 * extensions that any text may carry (.txt, .md, none). */
static const char *
structured_extension (const char *path)
{
  static const struct {
    const char *ext;
    const char *label;
  } table[] = {
    { "srt", "SubRip" }, { "vtt", "WebVTT" }, { "sbv", "SBV" }, { "ttml", "TTML" }, { "dfxp", "DFXP" },
    { "ass", "ASS" }, { "ssa", "SSA" }, { "eaf", "ELAN" }, { "json", "JSON" },
  };
  const char *dot = path ? strrchr (path, '.') : NULL;

  if (dot == NULL || strchr (dot, '/') != NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_ascii_strcasecmp (dot + 1, table[i].ext) == 0)
      return table[i].label;
  return NULL;
}

static gint
compare_start (gconstpointer a, gconstpointer b)
{
  const TlDocSegment *sa = a, *sb = b;

  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  /* equal starts keep file order: g_array_sort is not stable */
  return sa->line < sb->line ? -1 : sa->line > sb->line;
}

static gboolean
in_range (gint64 t)
{
  return t == TL_TIME_NONE || (t >= -TL_TIME_MAX && t <= TL_TIME_MAX);
}

/* What holds for every document, whatever its format: marks flagged, timed
 * segments in time order with sane ranges, a timing kind set. */
static gboolean
finish_document (TlImportContext *ctx, TlDocument *doc, GError **error)
{
  gboolean sorted = TRUE, timed = FALSE;
  guint w = 0, first_inverted = 0, first_range = 0;

  /* the importers refuse times past TL_TIME_MAX as they read them; this is
   * the net under them, for times they add up or scale */
  for (guint i = 0; i < doc->words->len; i++)
    {
      TlDocWord *word = &g_array_index (doc->words, TlDocWord, i);
      if (!in_range (word->start) || !in_range (word->end))
        word->start = word->end = TL_TIME_NONE;
    }

  for (guint r = 0; r < doc->segments->len; r++)
    {
      TlDocSegment seg = g_array_index (doc->segments, TlDocSegment, r);

      if (!in_range (seg.start) || !in_range (seg.end))
        {
          tl_document_warn (doc, seg.line, _("time past %d hours; line left out"), TL_TIME_MAX_HOURS);
          if (first_range == 0)
            first_range = MAX (seg.line, 1);
          continue;
        }
      if (seg.start != TL_TIME_NONE)
        {
          timed = TRUE;
          if (seg.end != TL_TIME_NONE && seg.end < seg.start)
            {
              tl_document_warn (doc, seg.line, "end time before start time; line left out");
              if (first_inverted == 0)
                first_inverted = seg.line;
              continue;
            }
        }
      if (!seg.non_speech && tl_text_is_non_speech (seg.text))
        seg.non_speech = TRUE;
      if (w > 0 && seg.start != TL_TIME_NONE
          && seg.start < g_array_index (doc->segments, TlDocSegment, w - 1).start)
        sorted = FALSE;
      g_array_index (doc->segments, TlDocSegment, w++) = seg;
    }
  g_array_set_size (doc->segments, w);

  /* a file of nothing but broken cues is refused for what is broken */
  if (doc->segments->len == 0 && first_inverted > 0)
    return tl_import_fail (ctx, error, first_inverted, "end time before start time, and no other lines to keep");
  if (doc->segments->len == 0 && first_range > 0)
    return tl_import_fail (ctx, error, first_range, _("time past %d hours, and no other lines to keep"),
                           TL_TIME_MAX_HOURS);
  if (doc->segments->len == 0)
    return tl_import_fail (ctx, error, 0, "No transcript lines found in the file");

  if (timed)
    {
      /* segments need lines for the stable sort; importers set them */
      if (!sorted)
        g_array_sort (doc->segments, compare_start);
      if (doc->timing == TL_TIMING_NONE)
        doc->timing = TL_TIMING_NATIVE;
    }
  return TRUE;
}

/**
 * tl_import_text:
 * @path: (nullable): the file the text came from, for the format's
 *   benefit (titles) and for messages
 * @text: UTF-8 with LF line ends, NUL-terminated
 * @format: (nullable): an importer name, or %NULL to sniff
 * @error_line: (out) (optional): the line of a parse error, 0 if none
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
TlDocument *
tl_import_text (const char *path, const char *text, gsize length, const char *format,
                guint *error_line, GError **error)
{
  TlImportContext ctx = { path, text, length, 0 };
  const TlImporter *importer;
  g_autoptr(TlDocument) doc = NULL;

  if (error_line)
    *error_line = 0;
  if (format != NULL)
    {
      importer = tl_importer_find (format);
      if (importer == NULL)
        {
          g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_UNKNOWN,
                       "Unknown transcript format “%s”", format);
          return NULL;
        }
    }
  else
    {
      const char *promised = structured_extension (path);

      importer = tl_importer_sniff (text, length);
      if (importer == NULL || (promised != NULL && strcmp (importer->name, "text") == 0))
        {
          /* A file named .srt or .vtt whose content is no such thing is a
           * broken subtitle file, not prose to import as it is. */
          if (promised != NULL)
            g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_UNKNOWN,
                         "Named like a %s file, but is not one: no cues or timing lines found", promised);
          else
            g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_UNKNOWN,
                         "Not a transcript or subtitle format Tagline knows");
          return NULL;
        }
    }

  doc = importer->parse (&ctx, error);
  if (doc == NULL || !finish_document (&ctx, doc, error))
    {
      if (error_line)
        *error_line = ctx.error_line;
      return NULL;
    }
  return g_steal_pointer (&doc);
}

/* Like tl_import_text(), from the raw bytes of a file in any encoding. */
TlDocument *
tl_import_bytes (const char *path, const char *data, gsize length, const char *format,
                 guint *error_line, GError **error)
{
  g_autofree char *text = NULL;
  gsize text_len;

  if (error_line)
    *error_line = 0;
  text = tl_encoding_to_utf8 (data, length, &text_len, NULL, error);
  if (text == NULL)
    return NULL;
  return tl_import_text (path, text, text_len, format, error_line, error);
}

TlDocument *
tl_import_file (const char *path, const char *format, guint *error_line, GError **error)
{
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GError) local_error = NULL;

  if (error_line)
    *error_line = 0;
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_IO, "This is a folder, not a file");
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      const char *why = local_error->message;

      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        why = "it does not exist";
      else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ACCES))
        why = "permission denied";
      g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_IO, "Cannot read the file: %s", why);
      return NULL;
    }
  return tl_import_bytes (path, data, length, format, error_line, error);
}
