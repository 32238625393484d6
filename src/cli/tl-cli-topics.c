/* tl-cli-topics.c: tagline-cli topics [add NAME]: the topics, or a new one. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tl-cli.h"

static void
add_topic (JsonBuilder *b, TlTopic *topic)
{
  json_builder_begin_object (b);
  tl_cli_add_int (b, "id", tl_topic_get_id (topic));
  tl_cli_add_string (b, "name", tl_topic_get_name (topic));
  json_builder_set_member_name (b, "key");
  tl_topic_get_key (topic) ? json_builder_add_int_value (b, tl_topic_get_key (topic)) : json_builder_add_null_value (b);
  tl_cli_add_string (b, "color", tl_topic_get_color (topic));
  tl_cli_add_int (b, "clips", tl_topic_get_n_clips (topic));
  json_builder_end_object (b);
}

gboolean
tl_cli_topics (TlCli *cli, int argc, char **argv, GError **error)
{
  static int opt_key;
  static char *opt_color;
  static const GOptionEntry entries[] = {
    { "key", 'k', 0, G_OPTION_ARG_INT, &opt_key, "With add: the key (1–9) that tags with this topic", "N" },
    { "color", 'c', 0, G_OPTION_ARG_STRING, &opt_color, "With add: the colour, #rrggbb", "COLOR" },
    { NULL }
  };
  TlLibrary *library;
  g_autoptr(GPtrArray) topics = NULL;

  if (!tl_cli_parse_options (cli, &argc, &argv, "[add NAME]", "List the topics, or add one.", entries, NULL, error))
    return FALSE;
  if (argc >= 2 && strcmp (argv[1], "add") != 0)
    return tl_cli_usage_error (error, "topics: unknown action “%s” (topics, or topics add NAME)", argv[1]);
  if (argc >= 2 && argc != 3)
    return tl_cli_usage_error (error, "topics add: name one topic (quote a name with spaces)");
  if (opt_key < 0 || opt_key > 9)
    return tl_cli_usage_error (error, "topics add: --key takes 1 to 9, not %d", opt_key);
  if (opt_color != NULL
      && (strlen (opt_color) != 7 || opt_color[0] != '#' || strspn (opt_color + 1, "0123456789abcdefABCDEF") != 6))
    return tl_cli_usage_error (error, "topics add: --color takes #rrggbb, not “%s”", opt_color);
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
          g_autoptr(JsonBuilder) b = json_builder_new ();
          add_topic (b, topic);
          tl_cli_print_json (b);
        }
      else
        printf ("%" G_GINT64_FORMAT "\n", tl_topic_get_id (topic));
      return TRUE;
    }

  if ((topics = tl_library_list_topics (library, error)) == NULL)
    return FALSE;
  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "topics");
      json_builder_begin_array (b);
      for (guint i = 0; i < topics->len; i++)
        add_topic (b, g_ptr_array_index (topics, i));
      json_builder_end_array (b);
      json_builder_end_object (b);
      tl_cli_print_json (b);
      return TRUE;
    }
  for (guint i = 0; i < topics->len; i++)
    {
      TlTopic *topic = g_ptr_array_index (topics, i);
      printf ("%4" G_GINT64_FORMAT "  %s  %c  %5u clips  %s\n", tl_topic_get_id (topic), tl_topic_get_color (topic),
              tl_topic_get_key (topic) ? '0' + tl_topic_get_key (topic) : '-', tl_topic_get_n_clips (topic),
              tl_topic_get_name (topic));
    }
  return TRUE;
}
