/* tl-library-topics.c: topics: names, colours, keys 1–9. */
#include "tl-library-private.h"

#include <glib/gi18n-lib.h>

#include <string.h>

static const char *const default_colors[] = {
  "#3584e4", "#e66100", "#2ec27e", "#c01c28", "#9141ac", "#f5c211", "#1c71d8", "#865e3c", "#26a269",
};

static gboolean
valid_color (const char *color)
{
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return FALSE;
  for (int i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

/**
 * tl_library_add_topic:
 * @key: 1–9, or 0 for none
 * @color: (nullable): "#rrggbb", or %NULL for the next colour of the palette
 */
TlTopic *
tl_library_add_topic (TlLibrary *self, const char *name, guint key, const char *color, GError **error)
{
  g_autofree char *clean = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) local_error = NULL;
  guint n_topics;
  gint64 id;

  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  clean = g_strstrip (g_strdup (name ? name : ""));
  if (*clean == '\0')
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("A topic needs a name"));
      return NULL;
    }
  if (key > 9)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("Topic keys are 1 to 9, not %u"), key);
      return NULL;
    }
  if (color != NULL && !valid_color (color))
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                   _("“%s” is not a colour: use #rrggbb, e.g. #3584e4"), color);
      return NULL;
    }
  if ((topics = tl_library_list_topics (self, error)) == NULL)
    return NULL;
  n_topics = topics->len;
  if (color == NULL)
    color = default_colors[n_topics % G_N_ELEMENTS (default_colors)];

  if (!tl_library_edit_begin (self, TL_EDIT_NEW_TOPIC, TL_LIBRARY_CHANGE_TOPICS, error))
    return NULL;
  id = TL_STORE_CALL (self->store, insert_topic, clean, key, color, n_topics, &local_error);
  if (id == 0)
    {
      tl_library_edit_rollback (self);
      if (g_error_matches (local_error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID))
        {
          /* a name or a key already taken */
          g_autoptr(TlTopic) clash = tl_library_find_topic (self, clean, NULL);
          if (clash != NULL)
            g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_EXISTS,
                         _("There is already a topic “%s”"), clash->name);
          else
            g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_EXISTS,
                         _("Key %u is already taken by another topic"), key);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  tl_library_edit_touch (self, TL_LIBRARY_CHANGE_TOPICS, id);
  if (!tl_library_edit_commit (self, error))
    return NULL;
  return TL_STORE_CALL (self->store, get_topic, id, error);
}

GPtrArray *
tl_library_list_topics (TlLibrary *self, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  return TL_STORE_CALL (self->store, list_topics, error);
}

/* Topic names compare without regard to case. */
TlTopic *
tl_library_find_topic (TlLibrary *self, const char *name, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), NULL);
  return TL_STORE_CALL (self->store, find_topic, name, error);
}

static gboolean
edit_topic (TlLibrary *self, TlEditKind kind, TlLibraryChange what, gint64 topic_id, TlStoreChange change,
            const char *text, gint64 a, GError **error)
{
  /* a key taken from another topic changes that one too */
  return tl_library_edit_one (self, kind, what, change == TL_STORE_SET_KEY ? 0 : TL_LIBRARY_CHANGE_TOPICS, topic_id,
                              error, TL_STORE_CALL (self->store, update_topic, topic_id, change, text, a, error));
}

static gboolean
topic_name_taken (const char *name, GError **error)
{
  g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_EXISTS, _("There is already a topic “%s”"), name);
  return FALSE;
}

gboolean
tl_library_rename_topic (TlLibrary *self, gint64 topic_id, const char *name, GError **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if (*clean == '\0')
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("A topic needs a name"));
      return FALSE;
    }
  if (edit_topic (self, TL_EDIT_RENAME_TOPIC, TL_LIBRARY_CHANGE_TOPICS | TL_LIBRARY_CHANGE_CLIPS, topic_id,
                  TL_STORE_SET_NAME, clean, 0, &local_error))
    return TRUE;
  if (g_error_matches (local_error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID))
    return topic_name_taken (clean, error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
tl_library_set_topic_color (TlLibrary *self, gint64 topic_id, const char *color, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if (color == NULL || strlen (color) != 7 || color[0] != '#' || strspn (color + 1, "0123456789abcdefABCDEF") != 6)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID,
                   _("“%s” is not a colour: use #rrggbb, e.g. #3584e4"), color ? color : "");
      return FALSE;
    }
  return edit_topic (self, TL_EDIT_RECOLOUR_TOPIC, TL_LIBRARY_CHANGE_TOPICS, topic_id, TL_STORE_SET_COLOR, color, 0, error);
}

/**
 * tl_library_set_topic_key:
 * @key: 1–9, or 0 for none
 *
 * Gives a topic its key; the topic that had that key loses it.
 */
gboolean
tl_library_set_topic_key (TlLibrary *self, gint64 topic_id, guint key, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  if (key > 9)
    {
      g_set_error (error, TL_LIBRARY_ERROR, TL_LIBRARY_ERROR_INVALID, _("Topic keys are 1 to 9, not %u"), key);
      return FALSE;
    }
  return edit_topic (self, TL_EDIT_CHANGE_TOPIC_KEY, TL_LIBRARY_CHANGE_TOPICS, topic_id, TL_STORE_SET_KEY, NULL, key, error);
}

/* Deletes a topic; its clips stay, without it. */
gboolean
tl_library_delete_topic (TlLibrary *self, gint64 topic_id, GError **error)
{
  g_return_val_if_fail (TL_IS_LIBRARY (self), FALSE);
  return edit_topic (self, TL_EDIT_DELETE_TOPIC, TL_LIBRARY_CHANGE_TOPICS | TL_LIBRARY_CHANGE_CLIPS, topic_id,
                     TL_STORE_DELETE, NULL, 0, error);
}

