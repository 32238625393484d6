/* tl-cli-clips-set.c: tagline-cli clips set ID [--title T] [--note T]
 * [--rating N] [--in TIME] [--out TIME] [--add-topic NAME]…
 * [--remove-topic NAME]…: the edits of the window's clip editor. The
 * library makes each change its own undo step and has no way to group
 * them, so a command that changes three things is three steps. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tl-cli.h"

static char *opt_title;
static char *opt_note;
static char *opt_rating;
static char *opt_in;
static char *opt_out;
static char **opt_add;
static char **opt_remove;

/* clips takes them beside its filters; only clips set uses them */
const GOptionEntry tl_cli_clips_set_entries[] = {
  { "title", 0, 0, G_OPTION_ARG_STRING, &opt_title, N_("With set: the clip's title (\"\" clears it)"), N_("TEXT") },
  { "note", 0, 0, G_OPTION_ARG_STRING, &opt_note, N_("With set: the clip's note (\"\" clears it)"), N_("TEXT") },
  { "rating", 'r', 0, G_OPTION_ARG_STRING, &opt_rating, N_("With set: the rating, 0 to 5"), N_("N") },
  { "in", 0, 0, G_OPTION_ARG_STRING, &opt_in, N_("With set: where the clip starts (a paragraph number for articles)"),
    N_("TIME") },
  { "out", 0, 0, G_OPTION_ARG_STRING, &opt_out, N_("With set: where the clip ends (a paragraph number for articles)"),
    N_("TIME") },
  { "add-topic", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_add, N_("With set: tag the clip with this topic (repeatable)"),
    N_("NAME") },
  { "remove-topic", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_remove,
    N_("With set: take this topic off the clip (repeatable)"), N_("NAME") },
  { NULL }
};

gboolean
tl_cli_clips_set_options_given (void)
{
  return opt_title || opt_note || opt_rating || opt_in || opt_out || opt_add || opt_remove;
}

static gboolean
clip_has_topic (TlClip *clip, const char *name)
{
  const char *const *topics = tl_clip_get_topics (clip);

  for (guint i = 0; topics && topics[i]; i++)
    if (strcmp (topics[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* A paragraph number from 1, as tag takes them. */
static gboolean
parse_paragraph (const char *arg, gint *number, GError **error)
{
  char *end = NULL;
  gint64 value = g_ascii_strtoll (arg, &end, 10);

  if (end == arg || *end != '\0' || value < 1 || value > G_MAXINT)
    return tl_cli_usage_error (error, _("“%s” is not a paragraph number (this clip is a range of paragraphs, "
                                        "counted from 1)"), arg);
  *number = (gint) value;
  return TRUE;
}

/* Trims the clip to --in/--out (the other end stays); *@changed says
 * whether there was anything to do. */
static gboolean
set_range (TlCli *cli, TlClip *clip, gboolean *changed, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 id = tl_clip_get_id (clip);

  *changed = FALSE;
  if (tl_clip_get_first_segment (clip) >= 0)
    {
      g_autoptr(TlSource) source = NULL;
      gint first = tl_clip_get_first_segment (clip) + 1, last = tl_clip_get_last_segment (clip) + 1;

      if ((opt_in && !parse_paragraph (opt_in, &first, error)) || (opt_out && !parse_paragraph (opt_out, &last, error)))
        return FALSE;
      if (first == tl_clip_get_first_segment (clip) + 1 && last == tl_clip_get_last_segment (clip) + 1)
        return TRUE;
      if ((source = tl_library_get_source (cli->library, tl_clip_get_source_id (clip), &local_error)) == NULL)
        return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);
      /* said here with numbers from 1, as the command takes them */
      if (last < first || (guint) last > tl_source_get_n_segments (source))
        return tl_cli_failed (error, _("%s: “%s” has paragraphs 1 to %u: %d–%d is not a range of them"),
                              tl_library_get_path (cli->library), tl_source_get_title (source),
                              tl_source_get_n_segments (source), first, last);
      if (!tl_library_set_clip_paragraphs (cli->library, id, first - 1, last - 1, &local_error))
        return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);
    }
  else
    {
      gint64 in = tl_clip_get_in (clip), out = tl_clip_get_out (clip);

      if ((opt_in && !tl_cli_parse_time (opt_in, &in, error)) || (opt_out && !tl_cli_parse_time (opt_out, &out, error)))
        return FALSE;
      if (in == tl_clip_get_in (clip) && out == tl_clip_get_out (clip))
        return TRUE;
      if (!tl_library_set_clip_range (cli->library, id, in, out, &local_error))
        return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);
    }
  *changed = TRUE;
  return TRUE;
}

/* Takes @local_error, the change that failed after @n_done others were
 * made, and says that those stay. */
static gboolean
edit_failed (TlCli *cli, GError *local_error, guint n_done, GError **error)
{
  if (n_done == 0)
    return tl_cli_library_failed (cli, local_error, error);
  tl_cli_failed (error, ngettext ("%s: %s (the change before it was made: tagline-cli undo takes it back)",
                                  "%s: %s (the %u changes before it were made: tagline-cli undo takes each back)",
                                  n_done),
                 tl_library_get_path (cli->library), local_error->message, n_done);
  g_error_free (local_error);
  return FALSE;
}

/* clips set ID [--title T] [--note T] [--rating N] [--in T] [--out T]
 * [--add-topic NAME]… [--remove-topic NAME]… */
gboolean
tl_cli_clips_set (TlCli *cli, int argc, char **argv, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) add = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) remove = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(TlClip) clip = NULL;
  TlLibrary *library;
  guint rating = 0, n_done = 0;
  gint64 id;
  gboolean changed = FALSE;

  if (argc != 3)
    return tl_cli_usage_error (error, _("clips set: name one clip (an id from “tagline-cli clips”), then what to "
                                        "change"));
  if (!tl_cli_parse_clip_id (argv[2], &id, error))
    return FALSE;
  if (!tl_cli_clips_set_options_given ())
    return tl_cli_usage_error (error, _("clips set: say what to change: --title, --note, --rating, --in, --out, "
                                        "--add-topic or --remove-topic"));
  if (opt_rating)
    {
      char *end = NULL;
      gint64 value = g_ascii_strtoll (opt_rating, &end, 10);
      if (end == opt_rating || *end != '\0' || value < 0 || value > 5)
        return tl_cli_usage_error (error, _("clips set: --rating takes 0 to 5, not “%s”"), opt_rating);
      rating = (guint) value;
    }
  for (guint i = 0; opt_add && opt_add[i]; i++)
    for (guint j = 0; opt_remove && opt_remove[j]; j++)
      if (strcmp (opt_add[i], opt_remove[j]) == 0)
        return tl_cli_usage_error (error, _("clips set: “%s” is both added and removed"), opt_add[i]);
  if ((library = tl_cli_open_library (cli, TL_CLI_OPEN_TO_EDIT, error)) == NULL)
    return FALSE;
  if ((clip = tl_library_get_clip (library, id, &local_error)) == NULL)
    return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);
  /* every topic named must exist before anything changes */
  for (int pass = 0; pass < 2; pass++)
    for (char **names = pass ? opt_remove : opt_add; names && *names; names++)
      {
        TlTopic *topic = tl_library_find_topic (library, *names, &local_error);
        if (topic == NULL && g_error_matches (local_error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_NOT_FOUND))
          return tl_cli_failed (error, _("%s: %s (add it with: tagline-cli topics add NAME)"),
                                tl_library_get_path (library), local_error->message);
        if (topic == NULL)
          return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);
        g_ptr_array_add (pass ? remove : add, topic);
      }

  /* the range first: of all the changes, only it can be refused for its value */
  if ((opt_in || opt_out) && !set_range (cli, clip, &changed, error))
    return FALSE;
  n_done += changed;
  /* as the clip editor: a field left as it was is no step to undo */
  if (opt_title && g_strcmp0 (opt_title, tl_clip_get_title (clip) ? tl_clip_get_title (clip) : "") != 0)
    {
      if (!tl_library_set_clip_title (library, id, opt_title, &local_error))
        return edit_failed (cli, g_steal_pointer (&local_error), n_done, error);
      n_done++;
    }
  if (opt_note && g_strcmp0 (opt_note, tl_clip_get_note (clip) ? tl_clip_get_note (clip) : "") != 0)
    {
      if (!tl_library_set_clip_note (library, id, opt_note, &local_error))
        return edit_failed (cli, g_steal_pointer (&local_error), n_done, error);
      n_done++;
    }
  if (opt_rating && rating != tl_clip_get_rating (clip))
    {
      if (!tl_library_set_clip_rating (library, id, rating, &local_error))
        return edit_failed (cli, g_steal_pointer (&local_error), n_done, error);
      n_done++;
    }
  for (int pass = 0; pass < 2; pass++)
    {
      GPtrArray *topics = pass ? remove : add;
      for (guint i = 0; i < topics->len; i++)
        {
          TlTopic *topic = g_ptr_array_index (topics, i);
          /* as the topic toggles: only what changes the clip */
          if (clip_has_topic (clip, tl_topic_get_name (topic)) == !pass)
            continue;
          if (!tl_library_set_clip_topic (library, id, tl_topic_get_id (topic), !pass, &local_error))
            return edit_failed (cli, g_steal_pointer (&local_error), n_done, error);
          n_done++;
        }
    }

  if (cli->json)
    {
      g_autoptr(TlClip) now = tl_library_get_clip (library, id, &local_error);
      g_autofree char *text = NULL;
      if (now == NULL)
        return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);
      text = tl_library_get_clip_text (library, now, NULL);
      tl_json_write_clip (tl_cli_json (cli), now, NULL, text, TL_JSON_CLIP_LIST);
      tl_cli_print_json (cli);
    }
  return TRUE;
}
