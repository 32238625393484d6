/* tl-cli-topics-edit.c: tagline-cli topics rename|color|key|delete: the
 * edits the window's topic menu makes, each one undo step. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tl-cli.h"

/* With --json, the topic as it is now, as topics lists it. */
static gboolean
print_topic (TlCli *cli, gint64 id, GError **error)
{
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!cli->json)
    return TRUE;
  if ((topics = tl_library_list_topics (cli->library, &local_error)) == NULL)
    return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);
  for (guint i = 0; i < topics->len; i++)
    if (tl_topic_get_id (g_ptr_array_index (topics, i)) == id)
      {
        tl_json_write_topic (tl_cli_json (cli), g_ptr_array_index (topics, i));
        tl_cli_print_json (cli);
        return TRUE;
      }
  return TRUE;
}

/* "#3584e4": the library's own test, said before anything is opened */
static gboolean
check_color (const char *color, GError **error)
{
  if (strlen (color) != 7 || color[0] != '#' || strspn (color + 1, "0123456789abcdefABCDEF") != 6)
    return tl_cli_usage_error (error, _("“%s” is not a colour: use #rrggbb, e.g. #3584e4"), color);
  return TRUE;
}

/* 1–9, or 0 or "none" for no key */
static gboolean
parse_key (const char *arg, guint *key, GError **error)
{
  char *end = NULL;
  gint64 value;

  if (strcmp (arg, "none") == 0)
    {
      *key = 0;
      return TRUE;
    }
  value = g_ascii_strtoll (arg, &end, 10);
  if (end == arg || *end != '\0' || value < 0 || value > 9)
    return tl_cli_usage_error (error, _("topics key: give a key from 1 to 9, or none, not “%s”"), arg);
  *key = (guint) value;
  return TRUE;
}

/**
 * tl_cli_topics_edit:
 * @argv: "topics", the action, the topic's id and the action's argument
 *
 * topics rename ID NAME, topics color ID #rrggbb, topics key ID 1-9|none,
 * topics delete ID (its clips stay, without it).
 */
gboolean
tl_cli_topics_edit (TlCli *cli, int argc, char **argv, GError **error)
{
  const char *action = argv[1];
  gboolean delete = strcmp (action, "delete") == 0;
  g_autoptr(GError) local_error = NULL;
  TlLibrary *library;
  gint64 id;
  guint key = 0;
  gboolean done;

  if (strcmp (action, "rename") != 0 && strcmp (action, "color") != 0 && strcmp (action, "key") != 0 && !delete)
    return tl_cli_usage_error (error, _("topics: unknown action “%s” (add, rename, color, key or delete)"), action);
  if (delete ? argc != 3 : argc != 4)
    {
      if (strcmp (action, "rename") == 0)
        return tl_cli_usage_error (error, _("topics rename: give the topic’s id and its new name (quote a name with "
                                            "spaces)"));
      if (strcmp (action, "color") == 0)
        return tl_cli_usage_error (error, _("topics color: give the topic’s id and a colour, #rrggbb"));
      if (strcmp (action, "key") == 0)
        return tl_cli_usage_error (error, _("topics key: give the topic’s id and a key from 1 to 9, or none"));
      return tl_cli_usage_error (error, _("topics delete: give the id of one topic"));
    }
  if (!tl_cli_parse_topic_id (argv[2], &id, error))
    return FALSE;
  if (strcmp (action, "color") == 0 && !check_color (argv[3], error))
    return FALSE;
  if (strcmp (action, "key") == 0 && !parse_key (argv[3], &key, error))
    return FALSE;
  if ((library = tl_cli_open_library (cli, TL_CLI_OPEN_TO_EDIT, error)) == NULL)
    return FALSE;

  if (strcmp (action, "rename") == 0)
    done = tl_library_rename_topic (library, id, argv[3], &local_error);
  else if (strcmp (action, "color") == 0)
    done = tl_library_set_topic_color (library, id, argv[3], &local_error);
  else if (strcmp (action, "key") == 0)
    done = tl_library_set_topic_key (library, id, key, &local_error);
  else
    done = tl_library_delete_topic (library, id, &local_error);
  if (!done)
    return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);
  if (delete)
    {
      tl_cli_print_deleted (cli, id);
      return TRUE;
    }
  return print_topic (cli, id, error);
}
