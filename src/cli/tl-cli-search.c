/* tl-cli-search.c: tagline-cli search QUERY: every transcript's lines that
 * match, with the words found marked. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tl-cli.h"
#include "tl-search.h"

gboolean
tl_cli_search (TlCli *cli, int argc, char **argv, GError **error)
{
  static int opt_limit = 50;
  static const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &opt_limit, N_("Show at most N hits (default 50)"), "N" },
    { NULL }
  };
  TlLibrary *library;
  g_autoptr(TlSearchResults) results = NULL;
  g_autofree char *query = NULL;

  if (!tl_cli_parse_options (cli, &argc, &argv, "QUERY",
                             N_("Search every transcript: words, \"a phrase\", prefix*, OR, -word."), entries, NULL,
                             error))
    return FALSE;
  if (argc < 2)
    return tl_cli_usage_error (error, _("search: say what to search for"));
  if (opt_limit < 0)
    opt_limit = 0;
  query = g_strjoinv (" ", argv + 1);
  if ((library = tl_cli_open_library (cli, TL_CLI_OPEN_TO_READ, error)) == NULL)
    return FALSE;
  results = tl_search (library, query, opt_limit, 0, cli->json ? "**" : "\033[1m", cli->json ? "**" : "\033[0m",
                       error);
  if (results == NULL)
    return FALSE;
  if (cli->json)
    {
      TlJsonWriter *b = tl_cli_json (cli);
      tl_json_writer_begin_object (b);
      tl_json_writer_member_int (b, "total", results->total);
      tl_json_writer_member (b, "hits");
      tl_json_writer_begin_array (b);
      for (guint i = 0; i < results->hits->len; i++)
        {
          TlSearchHit *hit = g_ptr_array_index (results->hits, i);
          tl_json_writer_begin_object (b);
          tl_json_writer_member_int (b, "source_id", hit->source_id);
          tl_json_writer_member_int (b, "segment_index", hit->segment_index);
          tl_json_writer_member_seconds (b, "start", hit->start);
          tl_json_writer_member_seconds (b, "end", hit->end);
          tl_json_writer_member_string (b, "text", hit->text);
          tl_json_writer_member_string (b, "snippet", hit->snippet);
          tl_json_writer_end_object (b);
        }
      tl_json_writer_end_array (b);
      tl_json_writer_end_object (b);
      tl_cli_print_json (cli);
      return TRUE;
    }
  for (guint i = 0; i < results->hits->len; i++)
    {
      TlSearchHit *hit = g_ptr_array_index (results->hits, i);
      g_autofree char *start = tl_cli_format_time (hit->start);
      printf ("%4" G_GINT64_FORMAT ":%-4u %s  %s\n", hit->source_id, hit->segment_index, start, hit->snippet);
    }
  printf (ngettext ("%u line matches%s\n", "%u lines match%s\n", results->total), results->total,
          results->total > results->hits->len ? _(" (use --limit to see more)") : "");
  return TRUE;
}
