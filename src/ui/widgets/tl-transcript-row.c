/* tl-transcript-row.c: one line of the transcript: the clips' topic
 * colours at its edge, its time, the speaker, the words. */
#include "tl-transcript-row.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tl-text.h"
#include "tl-time-format.h"
#include "tl-wrap-text.h"

struct _TlTranscriptRow {
  GtkWidget parent_instance;
  TlSegment *segment;
  GtkWidget *heading;
  GtkWidget *stripes;
  GtkWidget *time;
  GtkWidget *texts; /* speaker over words */
  GtkWidget *speaker;
  GtkWidget *text;
  GArray *spans;     /* TlWordSpan: where the words are in the text */
  GtkWidget *editor; /* the transcript view's editor, while this line is corrected */
};

G_DEFINE_FINAL_TYPE (TlTranscriptRow, tl_transcript_row, GTK_TYPE_WIDGET)

static void
tl_transcript_row_dispose (GObject *object)
{
  TlTranscriptRow *self = TL_TRANSCRIPT_ROW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->segment);
  g_clear_pointer (&self->spans, g_array_unref);
  self->editor = NULL;
  G_OBJECT_CLASS (tl_transcript_row_parent_class)->dispose (object);
}

/* The row's layout: the heading over the line, and the line's parts side
 * by side: topic stripes, time, then speaker and words taking the rest.
 * Rows always get the list's width, so the row asks for a fixed width and
 * lays the line out itself: a horizontal GtkBox allocating the words asks
 * them for their width at the line's height, and a box of wrapped text
 * answers that with a binary search that laid each row's text out a dozen
 * times (bench-scroll, 20,000 lines: paging took 17 ms a frame, now 4; a
 * jump to a far line took 170 ms until its frame was painted, now 37). */
#define ROW_MINIMUM_WIDTH 200
#define ROW_NATURAL_WIDTH 400
#define LINE_SPACING 10

static GtkSizeRequestMode
row_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* The natural width of a part of the line, 0 when it is hidden. */
static int
part_width (GtkWidget *part)
{
  int width = 0;

  if (gtk_widget_should_layout (part))
    gtk_widget_measure (part, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  return width;
}

static int
part_height (GtkWidget *part, int width)
{
  int height = 0;

  if (gtk_widget_should_layout (part))
    gtk_widget_measure (part, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
  return height;
}

/* Where the line's parts go at @width: x and width of stripes, time and
 * words. */
typedef struct {
  int stripes_width, time_x, time_width, texts_x, texts_width;
} LineGeometry;

static LineGeometry
line_geometry (TlTranscriptRow *self, int width)
{
  LineGeometry g = { 0 };
  int x;

  g.stripes_width = part_width (self->stripes);
  x = g.stripes_width ? g.stripes_width + LINE_SPACING : 0;
  g.time_x = x;
  g.time_width = part_width (self->time);
  x += g.time_width ? g.time_width + LINE_SPACING : 0;
  g.texts_x = x;
  g.texts_width = MAX (0, width - x);
  return g;
}

static int
line_height (TlTranscriptRow *self, const LineGeometry *g)
{
  return MAX (part_height (self->time, g->time_width), part_height (self->texts, g->texts_width));
}

static void
row_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum, int *natural,
             int *minimum_baseline, int *natural_baseline)
{
  TlTranscriptRow *self = TL_TRANSCRIPT_ROW (widget);
  int width = for_size < 0 ? ROW_NATURAL_WIDTH : for_size;
  LineGeometry g;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = ROW_MINIMUM_WIDTH;
      *natural = ROW_NATURAL_WIDTH;
      return;
    }
  g = line_geometry (self, width);
  *minimum = *natural = part_height (self->heading, width) + line_height (self, &g);
}

/* Gives @part the columns from @x, @part_width wide, mirrored in a
 * right-to-left locale. */
static void
place (GtkWidget *part, int row_width, int x, int y, int part_width, int height)
{
  if (!gtk_widget_should_layout (part))
    return;
  if (gtk_widget_get_direction (part) == GTK_TEXT_DIR_RTL)
    x = row_width - x - part_width;
  gtk_widget_size_allocate (part, &(GtkAllocation) { x, y, part_width, height }, -1);
}

static void
row_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  TlTranscriptRow *self = TL_TRANSCRIPT_ROW (widget);
  int heading_height = part_height (self->heading, width);
  LineGeometry g = line_geometry (self, width);
  int line = MAX (0, height - heading_height);

  place (self->heading, width, 0, 0, width, heading_height);
  place (self->stripes, width, 0, heading_height, g.stripes_width, line);
  place (self->time, width, g.time_x, heading_height, g.time_width, line);
  place (self->texts, width, g.texts_x, heading_height, g.texts_width, line);
}

static void
tl_transcript_row_class_init (TlTranscriptRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = tl_transcript_row_dispose;
  gtk_widget_class_set_css_name (widget_class, "transcriptrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tl_transcript_row_init (TlTranscriptRow *self)
{
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (row_request_mode, row_measure, row_allocate));

  /* a chapter or an article's section heading, above its first line */
  self->heading = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_label_set_wrap (GTK_LABEL (self->heading), TRUE);
  gtk_widget_set_visible (self->heading, FALSE);
  gtk_widget_set_parent (self->heading, GTK_WIDGET (self));

  self->stripes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gtk_widget_add_css_class (self->stripes, "stripes");
  gtk_widget_set_parent (self->stripes, GTK_WIDGET (self));

  self->time = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->time, "time");
  gtk_widget_add_css_class (self->time, "dim-label");
  gtk_widget_add_css_class (self->time, "monospace");
  gtk_label_set_xalign (GTK_LABEL (self->time), 0);
  gtk_widget_set_valign (self->time, GTK_ALIGN_START);
  gtk_widget_set_parent (self->time, GTK_WIDGET (self));

  self->texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  self->speaker = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->speaker, "speaker");
  gtk_label_set_xalign (GTK_LABEL (self->speaker), 0);
  self->text = tl_wrap_text_new ();
  gtk_box_append (GTK_BOX (self->texts), self->speaker);
  gtk_box_append (GTK_BOX (self->texts), self->text);
  gtk_widget_set_parent (self->texts, GTK_WIDGET (self));
}

GtkWidget *
tl_transcript_row_new (void)
{
  return g_object_new (TL_TYPE_TRANSCRIPT_ROW, NULL);
}

/* How marked words look: find's current match stands out from the other
 * matches by its lightness as well as its hue (white on dark orange, the
 * others black on yellow), so that it shows without telling colours
 * apart; the weight stays, so that stepping through matches never
 * rewraps a line. */
#define MARK_SPAN "<span background=\"#f6d32d\" foreground=\"#000000\">"
#define CURRENT_MARK_SPAN "<span background=\"#c64600\" foreground=\"#ffffff\">"

typedef struct {
  gsize start, end;
} Range;

static int
compare_ranges (gconstpointer a, gconstpointer b)
{
  const Range *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

static gboolean
word_char_at (const char *at)
{
  return *at && g_unichar_isalnum (g_utf8_get_char (at));
}

static gboolean
word_char_before (const char *text, const char *at)
{
  return at > text && g_unichar_isalnum (g_utf8_get_char (g_utf8_find_prev_char (text, at)));
}

/* Adds where @needle occurs in @folded; as whole words only (the way the
 * library search matches) when @words, and then a trailing `*` makes it
 * a prefix: the mark runs to the end of the word. */
static void
add_ranges (GArray *ranges, const char *folded, const char *needle, gboolean words)
{
  gsize len = strlen (needle);
  gboolean prefix = words && len > 1 && needle[len - 1] == '*';
  g_autofree char *stem = g_strndup (needle, prefix ? len - 1 : len);
  const char *at = folded;

  len = strlen (stem);
  if (len == 0)
    return;
  while ((at = strstr (at, stem)) != NULL)
    {
      const char *end = at + len;

      if (words && prefix)
        while (word_char_at (end))
          end = g_utf8_next_char (end);
      if (!words || (!word_char_before (folded, at) && !word_char_at (end)))
        g_array_append_val (ranges, ((Range) { at - folded, end - folded }));
      at = g_utf8_next_char (at);
    }
}

/* The text with what @marks asks marked, as markup; NULL when nothing is
 * marked in it. */
static char *
marked_markup (const char *text, const TlRowMarks *marks)
{
  g_autofree char *folded = NULL;
  g_autoptr(GArray) ranges = NULL;
  g_autoptr(GString) out = NULL;
  gsize done = 0;

  /* most rows are bound with nothing to mark: no casefolding for them */
  if ((marks->find == NULL || *marks->find == '\0') && (marks->terms == NULL || marks->terms[0] == NULL))
    return NULL;
  folded = g_utf8_casefold (text, -1);
  /* casefolding can change byte lengths; mark only when it did not */
  if (strlen (folded) != strlen (text))
    return NULL;
  ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  out = g_string_new (NULL);
  if (marks->find && *marks->find)
    add_ranges (ranges, folded, marks->find, FALSE);
  for (guint i = 0; marks->terms && marks->terms[i]; i++)
    add_ranges (ranges, folded, marks->terms[i], TRUE);
  if (ranges->len == 0)
    return NULL;
  g_array_sort (ranges, compare_ranges);
  for (guint i = 0; i < ranges->len; i++)
    {
      Range range = g_array_index (ranges, Range, i);
      g_autofree char *before = NULL, *match = NULL;

      /* overlapping marks make one */
      while (i + 1 < ranges->len && g_array_index (ranges, Range, i + 1).start <= range.end)
        range.end = MAX (range.end, g_array_index (ranges, Range, ++i).end);
      range.start = MAX (range.start, done);
      before = g_markup_escape_text (text + done, range.start - done);
      match = g_markup_escape_text (text + range.start, range.end - range.start);
      g_string_append_printf (out, "%s%s%s</span>", before, marks->current ? CURRENT_MARK_SPAN : MARK_SPAN, match);
      done = range.end;
    }
  {
    g_autofree char *rest = g_markup_escape_text (text + done, -1);
    g_string_append (out, rest);
  }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Setting a tooltip asks the display where the pointer is (a round trip
 * to the X server), so rows that are rebound often only set changed ones. */
static void
set_tooltip (GtkWidget *widget, const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

/* Speakers in colours: each name has one of a few, the same wherever it
 * shows (the name's hash picks it), so that a change of speaker catches
 * the eye; the name stays written, for who tells colours apart poorly. */
#define N_SPEAKER_COLOURS 6

static void
set_speaker_colour (TlTranscriptRow *self, const char *speaker)
{
  char css_class[16];

  for (guint i = 0; i < N_SPEAKER_COLOURS; i++)
    {
      g_snprintf (css_class, sizeof css_class, "speaker-%u", i);
      gtk_widget_remove_css_class (self->speaker, css_class);
    }
  if (speaker == NULL)
    return;
  g_snprintf (css_class, sizeof css_class, "speaker-%u", g_str_hash (speaker) % N_SPEAKER_COLOURS);
  gtk_widget_add_css_class (self->speaker, css_class);
}

/**
 * tl_transcript_row_set_segment:
 * @media: (nullable): the source's media, for its times (rate, start timecode)
 * @estimated: whether the line's time is an estimate
 * @marks: (nullable): what to mark in the line's words (find, a search)
 */
void
tl_transcript_row_set_segment (TlTranscriptRow *self, TlSegment *segment, const TlMediaInfo *media,
                               gboolean estimated, const TlRowMarks *marks)
{
  gint64 start = tl_segment_get_start (segment);
  const char *speaker = tl_segment_get_speaker (segment);
  g_autofree char *clock = NULL;
  g_autofree char *time_tip = NULL;
  g_autofree char *markup = NULL;
  const char *text_tip = NULL;
  const char *flag = tl_segment_get_flag (segment);

  if (self->segment != segment || self->spans == NULL)
    {
      g_clear_pointer (&self->spans, g_array_unref);
      self->spans = tl_words_split_text (tl_segment_get_text (segment));
    }
  g_set_object (&self->segment, segment);
  if (start >= 0)
    {
      /* as every time in the window reads (the time format preference) */
      g_autofree char *full = tl_time_format_now (start, media);
      clock = estimated ? g_strconcat ("≈", full, NULL) : g_strdup (full);
    }
  gtk_label_set_text (GTK_LABEL (self->time), clock ? clock : "");
  gtk_widget_set_visible (self->time, clock != NULL);
  if (estimated)
    gtk_widget_add_css_class (self->time, "estimated");
  else
    gtk_widget_remove_css_class (self->time, "estimated");

  gtk_label_set_text (GTK_LABEL (self->speaker), speaker ? speaker : "");
  gtk_widget_set_visible (self->speaker, speaker != NULL);
  set_speaker_colour (self, speaker);
  markup = marks ? marked_markup (tl_segment_get_text (segment), marks) : NULL;
  if (markup)
    tl_wrap_text_set_markup (TL_WRAP_TEXT (self->text), markup);
  else
    tl_wrap_text_set_text (TL_WRAP_TEXT (self->text), tl_segment_get_text (segment));
  if (tl_segment_get_non_speech (segment))
    gtk_widget_add_css_class (GTK_WIDGET (self), "non-speech");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "non-speech");

  /* what forced alignment thought of the line */
  gtk_widget_remove_css_class (GTK_WIDGET (self), "unspoken");
  gtk_widget_remove_css_class (self->time, "uncertain");
  if (estimated)
    time_tip = g_strdup (_("Estimated from the transcript’s length"));
  if (g_strcmp0 (flag, "unspoken") == 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "unspoken");
      text_tip = _("Probably not spoken: page text, a caption or a promo");
    }
  else if (g_strcmp0 (flag, "uncertain") == 0)
    {
      g_free (time_tip);
      time_tip = g_strdup_printf (_("Uncertain time: the sound here matches the text poorly (%.0f%%)"),
                                  tl_segment_get_confidence (segment) * 100);
      gtk_widget_add_css_class (self->time, "uncertain");
    }
  set_tooltip (self->time, time_tip);
  set_tooltip (self->text, text_tip);
}

void
tl_transcript_row_set_current (TlTranscriptRow *self, gboolean current)
{
  if (current)
    gtk_widget_add_css_class (GTK_WIDGET (self), "current");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "current");
}

/* One coloured bar per topic of the clips this line is in; the colours
 * come from the .topic-ID classes the transcript view provides. */
void
tl_transcript_row_set_topics (TlTranscriptRow *self, const gint64 *topic_ids, guint n_topics)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->stripes)))
    gtk_box_remove (GTK_BOX (self->stripes), child);
  for (guint i = 0; i < n_topics && i < 4; i++)
    {
      g_autofree char *css_class = g_strdup_printf ("topic-%" G_GINT64_FORMAT, topic_ids[i]);
      GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_widget_add_css_class (bar, "stripe");
      gtk_widget_add_css_class (bar, css_class);
      gtk_box_append (GTK_BOX (self->stripes), bar);
    }
}

void
tl_transcript_row_set_heading (TlTranscriptRow *self, const char *heading)
{
  gtk_label_set_text (GTK_LABEL (self->heading), heading ? heading : "");
  gtk_widget_set_visible (self->heading, heading != NULL);
}

TlSegment *
tl_transcript_row_get_segment (TlTranscriptRow *self)
{
  return self->segment;
}

guint
tl_transcript_row_get_n_words (TlTranscriptRow *self)
{
  return self->spans ? self->spans->len : 0;
}

static void
set_word_range (TlTranscriptRow *self, TlWrapTextRange which, int first, int last)
{
  guint n = tl_transcript_row_get_n_words (self);
  const TlWordSpan *spans = self->spans ? (const TlWordSpan *) self->spans->data : NULL;

  first = MAX (first, 0);
  last = MIN (last, (int) n - 1);
  if (first > last || n == 0)
    {
      tl_wrap_text_set_range (TL_WRAP_TEXT (self->text), which, 0, 0);
      return;
    }
  tl_wrap_text_set_range (TL_WRAP_TEXT (self->text), which, spans[first].offset,
                          spans[last].offset + spans[last].length);
}

/**
 * tl_transcript_row_set_words:
 * @spoken: the word being said, or -1
 * @first_selected: the first word selected in this line, or -1 for none
 * @last_selected: the last one (G_MAXINT: to the line's end)
 * @cursor: the word with the keyboard's focus, or -1
 *
 * Marks words of the line; only its text is drawn again.
 */
void
tl_transcript_row_set_words (TlTranscriptRow *self, int spoken, int first_selected, int last_selected, int cursor)
{
  g_return_if_fail (TL_IS_TRANSCRIPT_ROW (self));
  set_word_range (self, TL_WRAP_TEXT_SPOKEN, spoken, spoken);
  set_word_range (self, TL_WRAP_TEXT_SELECTED, first_selected < 0 ? 1 : first_selected,
                  first_selected < 0 ? 0 : last_selected);
  set_word_range (self, TL_WRAP_TEXT_CURSOR, cursor, cursor);
}

/**
 * tl_transcript_row_word_at:
 * @x: row coordinates
 *
 * Returns: the word under (@x, @y): the one a byte of the text there
 *   belongs to, the one before for the space between two; -1 outside the
 *   text (the time, the speaker, the margins, past a line's end)
 */
int
tl_transcript_row_word_at (TlTranscriptRow *self, double x, double y)
{
  double tx, ty;
  int index, found = -1;

  g_return_val_if_fail (TL_IS_TRANSCRIPT_ROW (self), -1);
  if (self->spans == NULL || self->spans->len == 0 || !gtk_widget_get_visible (self->text)
      || !gtk_widget_translate_coordinates (GTK_WIDGET (self), self->text, x, y, &tx, &ty)
      || tx >= gtk_widget_get_width (self->text) || ty >= gtk_widget_get_height (self->text))
    return -1;
  index = tl_wrap_text_index_at (TL_WRAP_TEXT (self->text), tx, ty);
  if (index < 0)
    return -1;
  for (guint i = 0; i < self->spans->len; i++)
    if (g_array_index (self->spans, TlWordSpan, i).offset <= (guint) index)
      found = i;
  return found;
}

/* The byte where word @word starts in the line's text (its end: the text's length). */
int
tl_transcript_row_word_offset (TlTranscriptRow *self, guint word)
{
  g_return_val_if_fail (TL_IS_TRANSCRIPT_ROW (self), 0);
  if (self->spans && word < self->spans->len)
    return g_array_index (self->spans, TlWordSpan, word).offset;
  return self->segment ? strlen (tl_segment_get_text (self->segment)) : 0;
}

/**
 * tl_transcript_row_set_editor:
 * @editor: (nullable): the editor that takes the words' place, or %NULL
 *   to show the words again
 */
void
tl_transcript_row_set_editor (TlTranscriptRow *self, GtkWidget *editor)
{
  g_return_if_fail (TL_IS_TRANSCRIPT_ROW (self));
  if (self->editor == editor)
    return;
  if (self->editor && gtk_widget_get_parent (self->editor) == self->texts)
    gtk_box_remove (GTK_BOX (self->texts), self->editor);
  self->editor = editor;
  if (editor)
    {
      GtkWidget *parent = gtk_widget_get_parent (editor);

      /* another row had it (the list gave this line a new row) */
      if (parent)
        {
          g_object_ref (editor);
          gtk_box_remove (GTK_BOX (parent), editor);
          gtk_box_append (GTK_BOX (self->texts), editor);
          g_object_unref (editor);
        }
      else
        gtk_box_append (GTK_BOX (self->texts), editor);
    }
  gtk_widget_set_visible (self->text, editor == NULL);
}

GtkWidget *
tl_transcript_row_get_editor (TlTranscriptRow *self)
{
  return self->editor;
}

/**
 * tl_transcript_row_word_point:
 * @x: (out): row coordinates
 *
 * Returns: whether the row shows word @word; its middle then in (@x, @y)
 */
gboolean
tl_transcript_row_word_point (TlTranscriptRow *self, guint word, double *x, double *y)
{
  const TlWordSpan *span;
  double tx, ty;

  g_return_val_if_fail (TL_IS_TRANSCRIPT_ROW (self), FALSE);
  if (self->spans == NULL || word >= self->spans->len || !gtk_widget_get_visible (self->text))
    return FALSE;
  span = &g_array_index (self->spans, TlWordSpan, word);
  return tl_wrap_text_range_point (TL_WRAP_TEXT (self->text), span->offset, span->offset + span->length, &tx, &ty)
         && gtk_widget_translate_coordinates (self->text, GTK_WIDGET (self), tx, ty, x, y);
}

/* The width the line's words have, 0 before the row is laid out. */
int
tl_transcript_row_get_text_width (TlTranscriptRow *self)
{
  g_return_val_if_fail (TL_IS_TRANSCRIPT_ROW (self), 0);
  return gtk_widget_get_width (self->text);
}
