/* tl-cli-tag.c: tagline-cli tag SOURCE_ID START END TOPIC…: stores a clip,
 * or with --toggle does what a topic's key does in the window
 * (tl_library_tag() decides). */
#include "config.h"
#include <glib/gi18n.h>

#include <stdio.h>

#include "tl-cli.h"

gboolean
tl_cli_tag (TlCli *cli, int argc, char **argv, GError **error)
{
  static char *opt_note, *opt_title;
  static int opt_rating;
  static gboolean opt_toggle;
  static const GOptionEntry entries[] = {
    { "toggle", 0, 0, G_OPTION_ARG_NONE, &opt_toggle,
      N_("As a topic's key in the window: a range inside a clip adds the topics to it, or takes them off"), NULL },
    { "note", 0, 0, G_OPTION_ARG_STRING, &opt_note, N_("A note on the clip"), "TEXT" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &opt_title, N_("The clip's title"), "TEXT" },
    { "rating", 'r', 0, G_OPTION_ARG_INT, &opt_rating, N_("A rating, 0 to 5"), "N" },
    { NULL }
  };
  TlLibrary *library;
  g_autoptr(TlSource) source = NULL;
  g_autoptr(GError) local_error = NULL;
  TlClipSpec spec = { 0 };
  TlTagged tagged;
  gint64 id, clip_id = 0;

  if (!tl_cli_parse_options (cli, &argc, &argv, "SOURCE_ID START END TOPIC…",
                             N_("Store a clip of a source from START to END with topics. Times are seconds or "
                             "HH:MM:SS.mmm; for articles and untimed transcripts, paragraph numbers."), entries, NULL,
                             error))
    return FALSE;
  if (argc < 5)
    return tl_cli_usage_error (error, _("tag: give SOURCE_ID START END and at least one TOPIC"));
  if (opt_rating < 0 || opt_rating > 5)
    return tl_cli_usage_error (error, _("tag: --rating takes 0 to 5, not %d"), opt_rating);
  if (!tl_cli_parse_source_id (argv[1], &id, error))
    return FALSE;
  if ((library = tl_cli_open_library (cli, TL_CLI_OPEN_TO_WRITE, error)) == NULL)
    return FALSE;
  if ((source = tl_library_get_source (library, id, &local_error)) == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", tl_library_get_path (library));
      return FALSE;
    }

  spec.source_id = id;
  spec.first_segment = spec.last_segment = -1;
  if (tl_source_clips_by_paragraph (source))
    {
      char *end1 = NULL, *end2 = NULL;
      /* paragraphs are numbered from 1, as the window and the paper edit say */
      spec.first_segment = (gint) g_ascii_strtoll (argv[2], &end1, 10) - 1;
      spec.last_segment = (gint) g_ascii_strtoll (argv[3], &end2, 10) - 1;
      if (*end1 != '\0' || *end2 != '\0' || end1 == argv[2] || end2 == argv[3] || spec.first_segment < 0
          || spec.last_segment < spec.first_segment)
        return tl_cli_usage_error (error, _("“%s” has no times: give the first and last paragraph numbers, from 1 "
                                   "(see tagline-cli show %s)"), tl_source_get_title (source), argv[1]);
    }
  else if (!tl_cli_parse_time (argv[2], &spec.in, error) || !tl_cli_parse_time (argv[3], &spec.out, error))
    return FALSE;
  spec.topics = (const char *const *) argv + 4;
  spec.note = opt_note;
  spec.title = opt_title;
  spec.rating = opt_rating;

  if (!tl_library_tag (library, &spec, 1, opt_toggle ? TL_TAG_TOGGLE : TL_TAG_NEW_CLIPS, &clip_id, &tagged,
                       &local_error))
    {
      if (g_error_matches (local_error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND))
        return tl_cli_failed (error, _("%s: %s (add it with: tagline-cli topics add NAME)"),
                              tl_library_get_path (library), local_error->message);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", tl_library_get_path (library));
      return FALSE;
    }
  if (cli->json)
    {
      TlJsonWriter *b = tl_cli_json (cli);
      tl_json_writer_begin_object (b);
      tl_json_writer_member_int (b, "id", clip_id);
      /* only asked with --toggle, which may change a clip instead */
      if (opt_toggle)
        tl_json_writer_member_string (b, "tagged", tagged == TL_TAGGED_ADDED     ? "added"
                                                   : tagged == TL_TAGGED_REMOVED ? "removed"
                                                                                 : "new-clip");
      tl_json_writer_end_object (b);
      tl_cli_print_json (cli);
    }
  else
    printf ("%" G_GINT64_FORMAT "\n", clip_id);
  return TRUE;
}
