/* tl-cli-topics.c: tagline-cli topics [add NAME]: the topics, or a new one;
 * the edits of one are in tl-cli-topics-edit.c. */
#include "config.h"
#include <glib/gi18n.h>
#include <inttypes.h>

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tl-cli.h"

gboolean
tl_cli_topics (TlCli *cli, int argc, char **argv, GError **error)
{
  static int opt_key;
  static char *opt_color;
  static const GOptionEntry entries[] = {
    { "key", 'k', 0, G_OPTION_ARG_INT, &opt_key, N_("With add: the key (1–9) that tags with this topic"), "N" },
    { "color", 'c', 0, G_OPTION_ARG_STRING, &opt_color, N_("With add: the colour, #rrggbb"), "COLOR" },
    { NULL }
  };
  TlLibrary *library;
  g_autoptr(GPtrArray) topics = NULL;

  if (!tl_cli_parse_options (cli, &argc, &argv,
                             _("[add NAME | rename ID NAME | color ID #rrggbb | key ID 1-9|none | delete ID]"),
                             _("List the topics, add one, or change one (each change is one undo step)."), entries,
                             NULL, error))
    return FALSE;
  if (argc >= 2 && strcmp (argv[1], "add") != 0)
    return (opt_key || opt_color) ? tl_cli_usage_error (error, _("topics: --key and --color go with topics add"))
                                  : tl_cli_topics_edit (cli, argc, argv, error);
  if (argc >= 2 && argc != 3)
    return tl_cli_usage_error (error, _("topics add: name one topic (quote a name with spaces)"));
  if (opt_key < 0 || opt_key > 9)
    return tl_cli_usage_error (error, _("topics add: --key takes 1 to 9, not %d"), opt_key);
  if (opt_color != NULL
      && (strlen (opt_color) != 7 || opt_color[0] != '#' || strspn (opt_color + 1, "0123456789abcdefABCDEF") != 6))
    return tl_cli_usage_error (error, _("topics add: --color takes #rrggbb, not “%s”"), opt_color);
  if ((library = tl_cli_open_library (cli, argc == 3 ? TL_CLI_OPEN_TO_WRITE : TL_CLI_OPEN_TO_READ, error)) == NULL)
    return FALSE;

  if (argc == 3)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(TlTopic) topic = tl_library_add_topic (library, argv[2], opt_key, opt_color, &local_error);
      if (topic == NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", tl_library_get_path (library));
          return FALSE;
        }
      if (cli->json)
        {
          tl_json_write_topic (tl_cli_json (cli), topic);
          tl_cli_print_json (cli);
        }
      else
        printf ("%" G_GINT64_FORMAT "\n", tl_topic_get_id (topic));
      return TRUE;
    }

  if ((topics = tl_library_list_topics (library, error)) == NULL)
    return FALSE;
  if (cli->json)
    {
      TlJsonWriter *b = tl_cli_json (cli);
      tl_json_writer_begin_object (b);
      tl_json_writer_member (b, "topics");
      tl_json_writer_begin_array (b);
      for (guint i = 0; i < topics->len; i++)
        tl_json_write_topic (b, g_ptr_array_index (topics, i));
      tl_json_writer_end_array (b);
      tl_json_writer_end_object (b);
      tl_cli_print_json (cli);
      return TRUE;
    }
  for (guint i = 0; i < topics->len; i++)
    {
      TlTopic *topic = g_ptr_array_index (topics, i);
      printf (g_dngettext (NULL, "%4" PRId64 "  %s  %c  %5u clip   %s\n", "%4" PRId64 "  %s  %c  %5u clips  %s\n",
                        tl_topic_get_n_clips (topic)),
            tl_topic_get_id (topic), tl_topic_get_color (topic),
              tl_topic_get_key (topic) ? '0' + tl_topic_get_key (topic) : '-', tl_topic_get_n_clips (topic),
              tl_topic_get_name (topic));
    }
  return TRUE;
}
