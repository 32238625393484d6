/* tl-cli-segment.c: tagline-cli segment edit|split|merge and speaker
 * rename|set: corrections of a transcript, each one undo step, as the
 * window makes them. Lines and words are counted from 0, as "show --json"
 * gives their "index". */
#include "config.h"
#include <glib/gi18n.h>

#include <stdio.h>
#include <string.h>

#include "tl-cli.h"

static gboolean
parse_index (const char *arg, const char *what, guint *index, GError **error)
{
  char *end = NULL;
  guint64 value;

  if (!g_ascii_isdigit (arg[0]))
    return tl_cli_usage_error (error, _("“%s” is not a %s"), arg, what);
  value = g_ascii_strtoull (arg, &end, 10);
  if (*end != '\0' || value > G_MAXINT)
    return tl_cli_usage_error (error, _("“%s” is not a %s"), arg, what);
  *index = (guint) value;
  return TRUE;
}

static gboolean
parse_line (const char *arg, guint *index, GError **error)
{
  return parse_index (arg, _("line number (from 0, as “show --json” gives its index)"), index, error);
}

/* Prints lines [@first, @first + @n) of the source: with --json, an array
 * of them as show gives them; else each as "N  TEXT". */
static gboolean
print_lines (TlCli *cli, gint64 source_id, guint first, guint n, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) segments = tl_library_get_segments (cli->library, source_id, &local_error);

  if (segments == NULL)
    return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);
  if (cli->json)
    {
      TlJsonWriter *w = tl_cli_json (cli);

      tl_json_writer_begin_array (w);
      for (guint i = first; i < first + n && i < segments->len; i++)
        tl_json_write_segment (w, g_ptr_array_index (segments, i));
      tl_json_writer_end_array (w);
      tl_cli_print_json (cli);
      return TRUE;
    }
  for (guint i = first; i < first + n && i < segments->len; i++)
    {
      TlSegment *seg = g_ptr_array_index (segments, i);
      const char *speaker = tl_segment_get_speaker (seg);

      printf ("%u  %s%s%s\n", i, speaker ? speaker : "", speaker ? ": " : "", tl_segment_get_text (seg));
    }
  return TRUE;
}

/* The word a line splits before: its number, or its text (the first word
 * after the line's first that reads so, whatever its case or punctuation). */
static gboolean
find_word (TlCli *cli, gint64 source_id, guint index, const char *arg, guint *word, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autofree char *wanted = NULL;
  const TlWord *words;
  guint n;

  if (g_ascii_isdigit (arg[0]))
    return parse_index (arg, _("word number (from 0) or word"), word, error);
  if ((segments = tl_library_get_segments (cli->library, source_id, &local_error)) == NULL)
    return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);
  if (index >= segments->len)
    {
      *word = 0; /* the library says what is wrong */
      return TRUE;
    }
  words = tl_segment_get_words (g_ptr_array_index (segments, index), &n);
  wanted = g_utf8_casefold (arg, -1);
  for (guint i = 1; i < n; i++)
    {
      g_autofree char *folded = g_utf8_casefold (words[i].text, -1);
      gsize len = strlen (wanted);

      /* "from" finds "from," too */
      if (strncmp (folded, wanted, len) == 0 && !g_unichar_isalnum (g_utf8_get_char (folded + len)))
        {
          *word = i;
          return TRUE;
        }
    }
  return tl_cli_failed (error, _("Line %u has no word “%s” after its first"), index, arg);
}

/**
 * tl_cli_segment:
 *
 * segment edit SOURCE INDEX --text TEXT, segment split SOURCE INDEX WORD,
 * segment merge SOURCE INDEX.
 */
gboolean
tl_cli_segment (TlCli *cli, int argc, char **argv, GError **error)
{
  static char *opt_text;
  static const GOptionEntry entries[] = {
    { "text", 't', 0, G_OPTION_ARG_STRING, &opt_text, N_("The line's corrected text (segment edit)"), "TEXT" },
    { NULL }
  };
  g_autoptr(GError) local_error = NULL;
  const char *action;
  gint64 source_id;
  guint index, word = 0;
  gboolean done;

  g_clear_pointer (&opt_text, g_free);
  if (!tl_cli_parse_options (cli, &argc, &argv,
                             _("edit SOURCE INDEX --text TEXT | split SOURCE INDEX WORD | merge SOURCE INDEX"),
                             _("Correct a transcript: a line's text, or split a line before a word, or merge it "
                               "with the next (each one undo step; lines and words count from 0)."),
                             entries, NULL, error))
    return FALSE;
  if (argc < 2)
    return tl_cli_usage_error (error, _("segment: say edit, split or merge"));
  action = argv[1];
  if (strcmp (action, "edit") == 0)
    {
      if (argc != 4 || opt_text == NULL)
        return tl_cli_usage_error (error, _("segment edit: give the source’s id, the line’s number and --text TEXT"));
    }
  else if (strcmp (action, "split") == 0)
    {
      if (argc != 5)
        return tl_cli_usage_error (error, _("segment split: give the source’s id, the line’s number and the word "
                                            "(its number or text) the new line starts with"));
    }
  else if (strcmp (action, "merge") == 0)
    {
      if (argc != 4)
        return tl_cli_usage_error (error, _("segment merge: give the source’s id and the number of the line that "
                                            "the next joins"));
    }
  else
    return tl_cli_usage_error (error, _("segment: unknown action “%s” (edit, split or merge)"), action);
  if (!tl_cli_parse_source_id (argv[2], &source_id, error) || !parse_line (argv[3], &index, error))
    return FALSE;
  if (strcmp (action, "edit") != 0 && opt_text != NULL)
    return tl_cli_usage_error (error, _("segment %s: --text is for segment edit"), action);
  if (tl_cli_open_library (cli, TL_CLI_OPEN_TO_EDIT, error) == NULL)
    return FALSE;

  if (strcmp (action, "edit") == 0)
    done = tl_library_set_segment_text (cli->library, source_id, index, opt_text, &local_error);
  else if (strcmp (action, "split") == 0)
    done = find_word (cli, source_id, index, argv[4], &word, error)
           && tl_library_split_segment (cli->library, source_id, index, word, &local_error);
  else
    done = tl_library_merge_segments (cli->library, source_id, index, &local_error);
  if (!done)
    return local_error ? tl_cli_library_failed (cli, g_steal_pointer (&local_error), error) : FALSE;
  return print_lines (cli, source_id, index, strcmp (action, "split") == 0 ? 2 : 1, error);
}

/**
 * tl_cli_speaker:
 *
 * speaker rename SOURCE OLD NEW, speaker set SOURCE INDEX NAME ("" for none).
 */
gboolean
tl_cli_speaker (TlCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *action;
  gint64 source_id;
  guint index = 0;
  gboolean rename;

  if (!tl_cli_parse_options (cli, &argc, &argv, _("rename SOURCE OLD NEW | set SOURCE INDEX NAME"),
                             _("Name who speaks: rename a speaker in every line of a source, or set one line’s "
                               "speaker (\"\" for none). Each is one undo step."),
                             NULL, NULL, error))
    return FALSE;
  if (argc < 2)
    return tl_cli_usage_error (error, _("speaker: say rename or set"));
  action = argv[1];
  rename = strcmp (action, "rename") == 0;
  if (!rename && strcmp (action, "set") != 0)
    return tl_cli_usage_error (error, _("speaker: unknown action “%s” (rename or set)"), action);
  if (argc != 5)
    return tl_cli_usage_error (error, rename ? _("speaker rename: give the source’s id, the speaker’s name and the "
                                                 "new name (quote names with spaces)")
                                             : _("speaker set: give the source’s id, the line’s number and the "
                                                 "speaker’s name (\"\" for none)"));
  if (!tl_cli_parse_source_id (argv[2], &source_id, error) || (!rename && !parse_line (argv[3], &index, error)))
    return FALSE;
  if (tl_cli_open_library (cli, TL_CLI_OPEN_TO_EDIT, error) == NULL)
    return FALSE;

  if (rename ? !tl_library_rename_speaker (cli->library, source_id, argv[3], argv[4], &local_error)
             : !tl_library_set_segment_speaker (cli->library, source_id, index, argv[4], &local_error))
    return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);
  if (!rename)
    return print_lines (cli, source_id, index, 1, error);

  /* the lines the name is now on */
  {
    g_autoptr(GPtrArray) segments = tl_library_get_segments (cli->library, source_id, &local_error);
    g_autofree char *name = g_strstrip (g_strdup (argv[4]));
    guint n = 0;

    if (segments == NULL)
      return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);
    if (cli->json)
      {
        TlJsonWriter *w = tl_cli_json (cli);

        tl_json_writer_begin_object (w);
        tl_json_writer_member_int (w, "source_id", source_id);
        tl_json_writer_member_string (w, "speaker", *name ? name : NULL);
        tl_json_writer_member (w, "lines");
        tl_json_writer_begin_array (w);
      }
    for (guint i = 0; i < segments->len; i++)
      if (*name && g_strcmp0 (tl_segment_get_speaker (g_ptr_array_index (segments, i)), name) == 0)
        {
          if (cli->json)
            tl_json_writer_int (tl_cli_json (cli), i);
          n++;
        }
    if (cli->json)
      {
        tl_json_writer_end_array (tl_cli_json (cli));
        tl_json_writer_end_object (tl_cli_json (cli));
        tl_cli_print_json (cli);
      }
    else
      printf (g_dngettext (NULL, "%s speaks %u line\n", "%s speaks %u lines\n", n), *name ? name : "—", n);
  }
  return TRUE;
}
