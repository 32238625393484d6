/* tl-transcript-view-find.c: find in the transcript (Ctrl+F): the count,
 * the current match, and going to a line. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tl-transcript-row.h"
#include "tl-transcript-view-private.h"

/* Selects line @index for a find or a search hit: the player goes there
 * (line-picked), the list follows the play position from there, and the
 * line shows in the middle of the list. */
void
tl_transcript_view_go_to_line (TlTranscriptView *self, guint index)
{
  self->goal_line = index;
  self->navigating = TRUE;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), index, TRUE);
  self->navigating = FALSE;
  if (!self->following)
    {
      self->following = TRUE;
      tl_transcript_view_update_follow_button (self);
      g_object_notify (G_OBJECT (self), "following");
    }
  tl_transcript_view_scroll_line (self, index, TRUE);
}

/* Find */

void
tl_transcript_view_find_update_count (TlTranscriptView *self, int match_index, guint n_matches)
{
  g_autofree char *text = NULL;

  if (self->find_text == NULL)
    text = g_strdup ("");
  else if (n_matches == 0)
    text = g_strdup (_("No match"));
  else if (match_index >= 0)
    text = g_strdup_printf (_("%d of %u"), match_index + 1, n_matches);
  else
    text = g_strdup_printf (ngettext ("%u match", "%u matches", n_matches), n_matches);
  gtk_label_set_text (GTK_LABEL (self->find_count), text);
}

static gboolean
line_matches (TlTranscriptView *self, guint index)
{
  TlSegment *segment = g_list_model_get_item (G_LIST_MODEL (self->segments), index);
  g_autofree char *folded = g_utf8_casefold (tl_segment_get_text (segment), -1);

  g_object_unref (segment);
  return strstr (folded, self->find_text) != NULL;
}

/**
 * tl_transcript_view_find_next:
 * @backwards: look before the selected line instead of after it
 *
 * Selects (and shows) the next line holding the find text, wrapping around.
 */
void
tl_transcript_view_find_next (TlTranscriptView *self, gboolean backwards)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->segments));
  guint first = 0, last = 0, n_matches = 0;
  int found = -1, found_rank = -1;
  gboolean any_selected = tl_transcript_view_get_selected_range (self, &first, &last);

  if (self->find_text == NULL || n == 0)
    return;
  for (guint step = 1; step <= n; step++)
    {
      guint start = backwards ? (any_selected ? first : 0) : (any_selected ? last : n - 1);
      guint index = backwards ? (start + n - step) % n : (start + step) % n;
      if (line_matches (self, index))
        {
          found = index;
          break;
        }
    }
  for (guint i = 0; i < n; i++)
    if (line_matches (self, i))
      {
        if ((int) i == found)
          found_rank = n_matches;
        n_matches++;
      }
  if (found != self->find_current)
    {
      self->find_current = found;
      tl_transcript_view_refresh_rows (self);
    }
  if (found >= 0)
    tl_transcript_view_go_to_line (self, found);
  tl_transcript_view_find_update_count (self, found_rank, n_matches);
}

void
tl_transcript_view_on_find_changed (GtkSearchEntry *entry, TlTranscriptView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_clear_pointer (&self->find_text, g_free);
  self->find_current = -1;
  if (text && *text)
    {
      self->find_text = g_utf8_casefold (text, -1);
      /* find's marks replace a search's */
      g_clear_pointer (&self->search_terms, g_strfreev);
    }
  tl_transcript_view_refresh_rows (self);
  if (self->find_text)
    tl_transcript_view_find_next (self, FALSE);
  else
    tl_transcript_view_find_update_count (self, -1, 0);
}

void
tl_transcript_view_on_find_next (GtkWidget *widget, TlTranscriptView *self)
{
  tl_transcript_view_find_next (self, FALSE);
}

void
tl_transcript_view_on_find_previous (GtkWidget *widget, TlTranscriptView *self)
{
  tl_transcript_view_find_next (self, TRUE);
}

void
tl_transcript_view_on_find_stop (GtkSearchEntry *entry, TlTranscriptView *self)
{
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->find_bar), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->list));
}

