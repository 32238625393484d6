/* tl-cli-clips.c: tagline-cli clips [move ID [BEFORE_ID] | delete ID…]:
 * the clips a filter picks, or rearranging and deleting them; clips set
 * is in tl-cli-clips-set.c. */
#include "config.h"
#include <glib/gi18n.h>

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tl-cli.h"
#include "tl-clip-lines.h"

/* clips move ID [BEFORE_ID] */
static gboolean
move_clip (TlCli *cli, int argc, char **argv, GError **error)
{
  TlLibrary *library;
  g_autoptr(GError) local_error = NULL;
  gint64 id, before = 0;

  if (argc < 3 || argc > 4)
    return tl_cli_usage_error (error, _("clips move: name the clip, then the clip to put it in front of (none: last)"));
  if (!tl_cli_parse_clip_id (argv[2], &id, error) || (argc == 4 && !tl_cli_parse_clip_id (argv[3], &before, error)))
    return FALSE;
  if ((library = tl_cli_open_library (cli, TL_CLI_OPEN_TO_WRITE, error)) == NULL)
    return FALSE;
  if (!tl_library_move_clip (library, id, before, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", tl_library_get_path (library));
      return FALSE;
    }
  return TRUE;
}

/* clips delete ID… */
static gboolean
delete_clips (TlCli *cli, int argc, char **argv, GError **error)
{
  TlLibrary *library;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (argc < 3)
    return tl_cli_usage_error (error, _("clips delete: name the clips to delete (ids from “tagline-cli clips”)"));
  for (int i = 2; i < argc; i++)
    {
      gint64 id;
      if (!tl_cli_parse_clip_id (argv[i], &id, error))
        return FALSE;
      g_array_append_val (ids, id);
    }
  if ((library = tl_cli_open_library (cli, TL_CLI_OPEN_TO_WRITE, error)) == NULL)
    return FALSE;
  if (!tl_library_delete_clips (library, (const gint64 *) ids->data, ids->len, &local_error))
    return tl_cli_failed (error, _("%s: %s (nothing was deleted)"), tl_library_get_path (library),
                          local_error->message);
  if (cli->json)
    {
      TlJsonWriter *b = tl_cli_json (cli);
      tl_json_writer_begin_object (b);
      tl_json_writer_member (b, "deleted");
      tl_json_writer_begin_array (b);
      for (guint i = 0; i < ids->len; i++)
        tl_json_writer_int (b, g_array_index (ids, gint64, i));
      tl_json_writer_end_array (b);
      tl_json_writer_end_object (b);
      tl_cli_print_json (cli);
    }
  return TRUE;
}

gboolean
tl_cli_clips (TlCli *cli, int argc, char **argv, GError **error)
{
  TlLibrary *library;
  g_autoptr(GPtrArray) clips = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  TlClipFilter filter;

  if (!tl_cli_parse_options (cli, &argc, &argv, _("[move ID [BEFORE_ID] | delete ID… | set ID OPTION…]"),
                             _("List clips, move clip ID in front of BEFORE_ID (or after all the others) "
                               "in the order that --order arranged gives, delete clips (one undo step), or "
                               "change a clip (one undo step, however many things change)."),
                             tl_cli_filter_entries, tl_cli_clips_set_entries, error))
    return FALSE;
  if (argc > 1 && strcmp (argv[1], "set") == 0)
    return tl_cli_clips_set (cli, argc, argv, error);
  if (tl_cli_clips_set_options_given ())
    return tl_cli_usage_error (error, _("clips: --title, --note, --rating, --in, --out, --add-topic and "
                                        "--remove-topic go with clips set ID"));
  if (argc > 1 && strcmp (argv[1], "move") == 0)
    return move_clip (cli, argc, argv, error);
  if (argc > 1 && strcmp (argv[1], "delete") == 0)
    return delete_clips (cli, argc, argv, error);
  if (argc > 1)
    return tl_cli_usage_error (error, _("clips: unexpected “%s” (filter with --topic, --source, …, or clips move ID "
                               "[BEFORE_ID], clips delete ID…)"), argv[1]);
  if (!tl_cli_build_filter (&filter, ids, error))
    return FALSE;
  if ((library = tl_cli_open_library (cli, TL_CLI_OPEN_TO_READ, error)) == NULL)
    return FALSE;
  if ((clips = tl_library_list_clips (library, &filter, error)) == NULL)
    return FALSE;

  if (cli->json)
    {
      TlJsonWriter *b = tl_cli_json (cli);
      g_autoptr(TlClipLines) lines = tl_clip_lines_new ();
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_autoptr(GArray) source_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      /* the words of every clip, their sources' lines read at once */
      for (guint i = 0; i < clips->len; i++)
        {
          gint64 source_id = tl_clip_get_source_id (g_ptr_array_index (clips, i));
          if (g_hash_table_add (seen, g_memdup2 (&source_id, sizeof source_id)))
            g_array_append_val (source_ids, source_id);
        }
      if (!tl_clip_lines_load (lines, library, (const gint64 *) source_ids->data, source_ids->len, error))
        return FALSE;
      tl_json_writer_begin_object (b);
      tl_json_writer_member (b, "clips");
      tl_json_writer_begin_array (b);
      for (guint i = 0; i < clips->len; i++)
        {
          TlClip *clip = g_ptr_array_index (clips, i);
          g_autofree char *text = tl_clip_lines_get_text (lines, clip);
          tl_json_write_clip (b, clip, NULL, text, TL_JSON_CLIP_LIST);
        }
      tl_json_writer_end_array (b);
      tl_json_writer_end_object (b);
      tl_cli_print_json (cli);
      return TRUE;
    }
  for (guint i = 0; i < clips->len; i++)
    {
      TlClip *clip = g_ptr_array_index (clips, i);
      g_autofree char *topics = g_strjoinv (", ", (char **) tl_clip_get_topics (clip));
      g_autofree char *range = NULL;
      if (tl_clip_get_first_segment (clip) >= 0)
        range = tl_clip_get_first_segment (clip) == tl_clip_get_last_segment (clip)
                  ? g_strdup_printf (_("paragraph %d"), tl_clip_get_first_segment (clip) + 1)
                  : g_strdup_printf (_("paragraphs %d–%d"), tl_clip_get_first_segment (clip) + 1,
                                     tl_clip_get_last_segment (clip) + 1);
      else
        {
          g_autofree char *in = tl_cli_format_time (tl_clip_get_in (clip));
          g_autofree char *out = tl_cli_format_time (tl_clip_get_out (clip));
          range = g_strdup_printf ("%s – %s", in, out);
        }
      printf ("%4" G_GINT64_FORMAT "  source %-4" G_GINT64_FORMAT " %s  %u★  %s%s%s\n", tl_clip_get_id (clip),
              tl_clip_get_source_id (clip), range, tl_clip_get_rating (clip), topics,
              tl_clip_get_note (clip) ? "  — " : "", tl_clip_get_note (clip) ? tl_clip_get_note (clip) : "");
    }
  return TRUE;
}
