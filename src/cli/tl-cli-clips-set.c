/* tl-cli-clips-set.c: tagline-cli clips set ID [--title T] [--note T]
 * [--rating N] [--in TIME] [--out TIME] [--add-topic NAME]…
 * [--remove-topic NAME]…: the edits of the window's clip editor, made as
 * one edit group: one command is one undo step, all of it or nothing. */
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

/* Where --in/--out put the clip: paragraphs (from 0) or times. */
typedef struct {
  gboolean paragraphs;
  gint first, last;
  gint64 in, out;
} Range;

/* The range --in/--out give (the other end stays); *@changed says whether
 * it differs from the clip's. */
static gboolean
parse_range (TlCli *cli, TlClip *clip, Range *range, gboolean *changed, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  *changed = FALSE;
  range->paragraphs = tl_clip_get_first_segment (clip) >= 0;
  if (range->paragraphs)
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
      range->first = first - 1;
      range->last = last - 1;
    }
  else
    {
      range->in = tl_clip_get_in (clip);
      range->out = tl_clip_get_out (clip);
      if ((opt_in && !tl_cli_parse_time (opt_in, &range->in, error))
          || (opt_out && !tl_cli_parse_time (opt_out, &range->out, error)))
        return FALSE;
      if (range->in == tl_clip_get_in (clip) && range->out == tl_clip_get_out (clip))
        return TRUE;
    }
  *changed = TRUE;
  return TRUE;
}

/* One change of the clip, or when @library is NULL only counted in
 * *@n_changes, its kind kept in *@kind. */
#define CHANGE(edit_kind, call) \
  (++*n_changes, *kind = (edit_kind), library == NULL || (call))

/* The changes the options ask for: made (in the group that makes them one
 * step), or with @library NULL counted. */
static gboolean
make_changes (TlLibrary *library, TlClip *clip, const Range *range, gboolean range_changed, guint rating,
              GPtrArray *add, GPtrArray *remove, guint *n_changes, TlEditKind *kind, GError **error)
{
  gint64 id = tl_clip_get_id (clip);

  *n_changes = 0;
  /* as the clip editor: a field left as it was is no change */
  if (opt_title && g_strcmp0 (opt_title, tl_clip_get_title (clip) ? tl_clip_get_title (clip) : "") != 0
      && !CHANGE (TL_EDIT_RETITLE_CLIP, tl_library_set_clip_title (library, id, opt_title, error)))
    return FALSE;
  if (opt_note && g_strcmp0 (opt_note, tl_clip_get_note (clip) ? tl_clip_get_note (clip) : "") != 0
      && !CHANGE (TL_EDIT_EDIT_NOTE, tl_library_set_clip_note (library, id, opt_note, error)))
    return FALSE;
  if (opt_rating && rating != tl_clip_get_rating (clip)
      && !CHANGE (TL_EDIT_RATE_CLIP, tl_library_set_clip_rating (library, id, rating, error)))
    return FALSE;
  for (int pass = 0; pass < 2; pass++)
    {
      GPtrArray *topics = pass ? remove : add;
      for (guint i = 0; i < topics->len; i++)
        {
          TlTopic *topic = g_ptr_array_index (topics, i);
          /* as the topic toggles: only what changes the clip */
          if (clip_has_topic (clip, tl_topic_get_name (topic)) == !pass)
            continue;
          if (!CHANGE (pass ? TL_EDIT_UNTAG_CLIP : TL_EDIT_TAG_CLIP,
                       tl_library_set_clip_topic (library, id, tl_topic_get_id (topic), !pass, error)))
            return FALSE;
        }
    }
  /* the range last: the library may refuse it (past the source's end),
   * which takes back the changes before it */
  if (range_changed && range->paragraphs)
    return CHANGE (TL_EDIT_TRIM_CLIP, tl_library_set_clip_paragraphs (library, id, range->first, range->last, error));
  if (range_changed)
    return CHANGE (TL_EDIT_TRIM_CLIP, tl_library_set_clip_range (library, id, range->in, range->out, error));
  return TRUE;
}

#undef CHANGE

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
  Range range = { 0 };
  TlEditKind kind = TL_EDIT_EDIT_CLIP;
  guint rating = 0, n_changes = 0;
  gint64 id;
  gboolean range_changed = FALSE;

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

  if ((opt_in || opt_out) && !parse_range (cli, clip, &range, &range_changed, error))
    return FALSE;
  /* one step, named for its one change ("Retitle Clip") or for them all;
   * nothing to change is no step (and keeps what redo would do) */
  make_changes (NULL, clip, &range, range_changed, rating, add, remove, &n_changes, &kind, NULL);
  if (n_changes > 0)
    {
      if (!tl_library_begin_edit_group (library, n_changes == 1 ? kind : TL_EDIT_EDIT_CLIP, &local_error))
        return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);
      if (!make_changes (library, clip, &range, range_changed, rating, add, remove, &n_changes, &kind,
                         &local_error))
        {
          tl_library_cancel_edit_group (library);
          return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);
        }
      if (!tl_library_end_edit_group (library, &local_error))
        return tl_cli_library_failed (cli, g_steal_pointer (&local_error), error);
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
