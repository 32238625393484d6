/* tl-import.c: the importer registry, format sniffing, and the checks every
 * import goes through whatever its format. */
#include "tl-import.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
  /* messages quote the file, and parsers quote it cut anywhere (json-glib
   * in the middle of a character): what a person reads must be UTF-8 */
  if (!g_utf8_validate (msg, -1, NULL))
    {
      char *valid = g_utf8_make_valid (msg, -1);
      g_free (msg);
      msg = valid;
    }
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
              tl_document_warn (doc, seg.line, _("end time before start time; line left out"));
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
    return tl_import_fail (ctx, error, first_inverted, _("end time before start time, and no other lines to keep"));
  if (doc->segments->len == 0 && first_range > 0)
    return tl_import_fail (ctx, error, first_range, _("time past %d hours, and no other lines to keep"),
                           TL_TIME_MAX_HOURS);
  if (doc->segments->len == 0)
    return tl_import_fail (ctx, error, 0, _("No transcript lines found in the file"));

  /* "SPEAKER 1: …" in formats that have no place for speakers */
  tl_document_find_speakers (doc);

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
                       _("Unknown transcript format “%s”"), format);
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
                         _("Named like a %s file, but is not one: no cues or timing lines found"), promised);
          else
            g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_UNKNOWN,
                         _("Not a transcript or subtitle format Tagline knows"));
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

/* Past this many, lines with bytes that are not UTF-8 are counted, not
 * listed: a file damaged throughout says so in one warning. */
#define MAX_ENCODING_WARNINGS 10

/* Puts the lines where bytes were replaced before the importer's warnings:
 * they are about reading the file at all. */
static void
warn_bad_bytes (TlDocument *doc, GArray *bad_lines)
{
  g_autoptr(GPtrArray) importer_warnings = g_steal_pointer (&doc->warnings);

  doc->warnings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < MIN (bad_lines->len, MAX_ENCODING_WARNINGS); i++)
    tl_document_warn (doc, g_array_index (bad_lines, guint, i),
                      _("bytes that are not UTF-8 replaced by “\xEF\xBF\xBD”"));
  if (bad_lines->len > MAX_ENCODING_WARNINGS)
    tl_document_warn (doc, 0, ngettext ("%u more line with bytes that are not UTF-8",
                                        "%u more lines with bytes that are not UTF-8",
                                        bad_lines->len - MAX_ENCODING_WARNINGS),
                      bad_lines->len - MAX_ENCODING_WARNINGS);
  g_ptr_array_extend_and_steal (doc->warnings, g_steal_pointer (&importer_warnings));
}

static gboolean
too_large (gsize length, GError **error)
{
  g_autofree char *size = NULL;
  g_autofree char *limit = NULL;

  if (length <= TL_IMPORT_MAX_BYTES)
    return FALSE;
  size = g_format_size (length);
  limit = g_format_size (TL_IMPORT_MAX_BYTES);
  g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_TOO_LARGE,
               _("The file is too large for a transcript (%s; Tagline reads up to %s)"), size, limit);
  return TRUE;
}

/* Imports decoded text, with the warnings decoding left. */
static TlDocument *
import_decoded (const char *path, const char *text, gsize text_len, GArray *bad_lines,
                const char *format, guint *error_line, GError **error)
{
  TlDocument *doc = tl_import_text (path, text, text_len, format, error_line, error);

  if (doc != NULL && bad_lines->len > 0)
    warn_bad_bytes (doc, bad_lines);
  return doc;
}

/* Like tl_import_text(), from the raw bytes of a file in any encoding. */
TlDocument *
tl_import_bytes (const char *path, const char *data, gsize length, const char *format,
                 guint *error_line, GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) bad_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  gsize text_len;

  if (error_line)
    *error_line = 0;
  if (too_large (length, error))
    return NULL;
  text = tl_encoding_decode (data, length, &text_len, NULL, bad_lines, error);
  if (text == NULL)
    return NULL;
  return import_decoded (path, text, text_len, bad_lines, format, error_line, error);
}

/* How much of a file is read first, to refuse what is not text without
 * reading the rest. */
#define HEAD_BYTES (64 * 1024)

static gboolean
io_error (int saved_errno, GError **error)
{
  const char *why = g_strerror (saved_errno);

  if (saved_errno == ENOENT)
    why = _("it does not exist");
  else if (saved_errno == EACCES)
    why = _("permission denied");
  g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_IO, _("Cannot read the file: %s"), why);
  return FALSE;
}

/* Reads up to @want bytes at @buf; fewer only at the end of the file. */
static gboolean
read_fully (int fd, char *buf, gsize want, gsize *got, GError **error)
{
  *got = 0;
  while (*got < want)
    {
      gssize n = read (fd, buf + *got, want - *got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return io_error (errno, error);
      if (n == 0)
        break;
      *got += n;
    }
  return TRUE;
}

/* Reads the file, refusing it before reading on when it is too large or
 * its start is binary; pipes and devices are read up to the limit. The
 * buffer has a byte to spare for tl_encoding_decode_take(). */
static char *
read_file (const char *path, gsize *length, GError **error)
{
  g_autofree char *data = NULL;
  struct stat st;
  gsize size, capacity, got;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      io_error (errno, error);
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      io_error (errno, error);
      close (fd);
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_IO, _("This is a folder, not a file"));
      close (fd);
      return NULL;
    }
  if (S_ISREG (st.st_mode) && too_large (st.st_size, error))
    {
      close (fd);
      return NULL;
    }

  /* the start first: a binary file is refused on it alone, before memory
   * for the rest is even asked for */
  capacity = HEAD_BYTES;
  data = g_malloc (capacity + 1);
  if (!read_fully (fd, data, HEAD_BYTES, &size, error))
    {
      close (fd);
      return NULL;
    }
  if (tl_encoding_looks_binary (data, size))
    {
      g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_BINARY, _("This is a binary file, not a transcript"));
      close (fd);
      return NULL;
    }

  /* then the rest, to the end of the file, which may lie past the size
   * fstat() gave (or gave none, for a pipe) */
  if (size == HEAD_BYTES && S_ISREG (st.st_mode) && (gsize) st.st_size > capacity)
    {
      capacity = st.st_size;
      data = g_realloc (data, capacity + 1);
    }
  for (gboolean eof = size < HEAD_BYTES; !eof; eof = size < capacity)
    {
      if (size == capacity)
        {
          char probe;

          if (!read_fully (fd, &probe, 1, &got, error))
            {
              close (fd);
              return NULL;
            }
          if (got == 0)
            break;
          if (too_large (capacity + 1, error))
            {
              close (fd);
              return NULL;
            }
          capacity = MIN (capacity * 2, TL_IMPORT_MAX_BYTES);
          data = g_realloc (data, capacity + 1);
          data[size++] = probe;
        }
      if (!read_fully (fd, data + size, capacity - size, &got, error))
        {
          close (fd);
          return NULL;
        }
      size += got;
    }
  close (fd);
  *length = size;
  return g_steal_pointer (&data);
}

TlDocument *
tl_import_file (const char *path, const char *format, guint *error_line, GError **error)
{
  g_autoptr(GArray) bad_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *text = NULL;
  char *data;
  gsize length, text_len;

  if (error_line)
    *error_line = 0;
  data = read_file (path, &length, error);
  if (data == NULL)
    return NULL;
  text = tl_encoding_decode_take (data, length, &text_len, NULL, bad_lines, error);
  if (text == NULL)
    return NULL;
  return import_decoded (path, text, text_len, bad_lines, format, error_line, error);
}
