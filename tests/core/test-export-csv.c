/* test-export-csv.c: the CSV export of a real library parsed back by an
 * RFC 4180 reader written here: one record per clip, every cell as it went
 * in (commas, quotes, line breaks, emoji, right-to-left text), formulas
 * neutralised, times to the microsecond. */
#include <string.h>

#include "tl-test-export.h"

static TlTestExportLibrary *lib;

/* Records of cells: quoted cells may hold commas, CRLF and doubled quotes. */
static GPtrArray *
read_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      if (*p == '"')
        {
          g_assert_cmpuint (cell->len, ==, 0);
          for (p++;; p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"' && p[1] == '"')
                g_string_append_c (cell, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (cell, *p);
            }
          p++;
          g_assert_true (*p == ',' || *p == '\r');
        }
      else if (*p == ',' || *p == '\r')
        {
          g_ptr_array_add (cells, g_strndup (cell->str, cell->len));
          g_string_truncate (cell, 0);
          if (*p == '\r')
            {
              g_assert_cmpint (p[1], ==, '\n');
              g_ptr_array_add (cells, NULL);
              g_ptr_array_add (records, g_ptr_array_steal (cells, NULL));
              p++;
            }
          p++;
        }
      else
        {
          /* an unquoted cell holds no quote, line break or comma */
          g_assert_true (*p != '\n');
          g_string_append_c (cell, *p++);
        }
    }
  g_assert_cmpuint (cells->len, ==, 0);
  return records;
}

static gint64
seconds (const char *cell)
{
  char *end = NULL;
  gint64 whole = g_ascii_strtoll (cell, &end, 10);

  /* six digits after the point: microseconds */
  g_assert_cmpint (*end, ==, '.');
  g_assert_cmpuint (strlen (end + 1), ==, 6);
  return whole * 1000000 + g_ascii_strtoll (end + 1, NULL, 10);
}

/* A cell that starts like a formula comes back behind an apostrophe. */
static void
assert_cell (const char *cell, const char *original)
{
  if (original == NULL)
    g_assert_cmpstr (cell, ==, "");
  else if (original[0] != '\0' && strchr ("=+-@\t\r", original[0]) != NULL)
    {
      g_assert_cmpint (cell[0], ==, '\'');
      g_assert_cmpstr (cell + 1, ==, original);
    }
  else
    g_assert_cmpstr (cell, ==, original);
}

static void
test_parse_back (void)
{
  g_autoptr(TlExportContext) ctx = tl_test_export_context (lib, NULL, NULL);
  g_autofree char *text = tl_test_export (lib, "csv", NULL, NULL, NULL);
  g_autoptr(GPtrArray) records = read_csv (text);
  char **header = g_ptr_array_index (records, 0);
  guint n_formulas = 0;

  g_assert_cmpuint (g_strv_length (header), ==, 16);
  g_assert_cmpstr (header[13], ==, "title");
  g_assert_cmpuint (records->len, ==, lib->n_clips + 1);
  for (guint i = 0; i < ctx->items->len; i++)
    {
      TlExportItem *item = g_ptr_array_index (ctx->items, i);
      char **cells = g_ptr_array_index (records, i + 1);
      const TlMediaInfo *media = tl_source_get_media (item->source);
      g_autofree char *topics = g_strjoinv ("; ", (char **) tl_clip_get_topics (item->clip));

      g_assert_cmpuint (g_strv_length (cells), ==, 16);
      g_assert_cmpint (g_ascii_strtoll (cells[0], NULL, 10), ==, tl_source_get_id (item->source));
      assert_cell (cells[1], tl_source_get_title (item->source));
      assert_cell (cells[2], tl_source_get_outlet (item->source));
      assert_cell (cells[4], media ? media->path : NULL);
      if (item->timed)
        {
          g_assert_cmpint (seconds (cells[5]), ==, tl_clip_get_in (item->clip));
          g_assert_cmpint (seconds (cells[6]), ==, tl_clip_get_out (item->clip));
          g_assert_cmpstr (cells[10], ==, "");
        }
      else
        {
          g_autofree char *paragraphs = g_strdup_printf ("%d-%d", tl_clip_get_first_segment (item->clip) + 1,
                                                         tl_clip_get_last_segment (item->clip) + 1);
          g_assert_cmpstr (cells[5], ==, "");
          g_assert_cmpstr (cells[10], ==, paragraphs);
        }
      assert_cell (cells[11], topics);
      g_assert_cmpint (atoi (cells[12]), ==, tl_clip_get_rating (item->clip));
      assert_cell (cells[13], tl_clip_get_title (item->clip));
      assert_cell (cells[14], tl_clip_get_note (item->clip));
      assert_cell (cells[15], item->text);
      n_formulas += (cells[13][0] == '\'') + (cells[14][0] == '\'');
    }
  g_assert_cmpuint (n_formulas, ==, 2);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  lib = tl_test_export_library_new ();
  g_test_add_func ("/core/export/csv/parse-back", test_parse_back);
  status = g_test_run ();
  tl_test_export_library_free (lib);
  return status;
}
