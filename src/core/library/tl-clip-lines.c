/* tl-clip-lines.c: which lines a clip holds. Timed clips hold the lines
 * overlapping [in, out) (a line without an end lasts one microsecond);
 * paragraph clips hold their paragraphs; a clip with both holds each line
 * once. Lines are read per source in one query (the store's
 * foreach_line), then found by binary search: one query per clip took a
 * second for 10,000 clips (bench/bench-export). */
#include "tl-clip-lines.h"

#include "tl-library-private.h"

/* The speech lines of one source's current transcript, by index, and the
 * timed ones by start (with the latest end so far). */
typedef struct {
  GArray *lines;    /* TlClipLine, by index */
  GArray *by_start; /* guint: positions in lines of the lines with a start, by start; NULL until indexed */
  GArray *max_end;  /* gint64: the latest end among by_start[0..i] */
} SourceLines;

struct _TlClipLines {
  GHashTable *sources;   /* source id -> SourceLines */
  GStringChunk *strings; /* the lines' text */
};

static void
source_lines_free (gpointer data)
{
  SourceLines *sl = data;

  g_array_unref (sl->lines);
  if (sl->by_start)
    g_array_unref (sl->by_start);
  if (sl->max_end)
    g_array_unref (sl->max_end);
  g_free (sl);
}

TlClipLines *
tl_clip_lines_new (void)
{
  TlClipLines *self = g_new0 (TlClipLines, 1);

  self->sources = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, source_lines_free);
  self->strings = g_string_chunk_new (16 * 1024);
  return self;
}

void
tl_clip_lines_free (TlClipLines *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->sources);
  g_string_chunk_free (self->strings);
  g_free (self);
}

static SourceLines *
source_lines (TlClipLines *self, gint64 source_id)
{
  SourceLines *sl = g_hash_table_lookup (self->sources, &source_id);

  if (sl == NULL)
    {
      sl = g_new0 (SourceLines, 1);
      sl->lines = g_array_new (FALSE, FALSE, sizeof (TlClipLine));
      g_hash_table_insert (self->sources, g_memdup2 (&source_id, sizeof source_id), sl);
    }
  return sl;
}

static void
append_line (TlClipLines *self, SourceLines *sl, gint index, gint64 start, gint64 end, const char *text)
{
  TlClipLine line = { index, start, end, g_string_chunk_insert (self->strings, text ? text : "") };

  g_array_append_val (sl->lines, line);
}

typedef struct {
  TlClipLines *self;
  SourceLines *current;
  gint64 current_id;
} Load;

static void
add_stored_line (const TlStoreLine *stored, gpointer data)
{
  Load *load = data;

  if (load->current == NULL || stored->source_id != load->current_id)
    {
      load->current = source_lines (load->self, stored->source_id);
      load->current_id = stored->source_id;
    }
  append_line (load->self, load->current, stored->index, stored->start, stored->end, stored->text);
}

/**
 * tl_clip_lines_load:
 * @source_ids: (array length=n_source_ids): the sources whose clips will
 *   be asked about
 *
 * Reads every speech line of these sources, in one query. A source read
 * before is read again (its lines may have changed).
 */
gboolean
tl_clip_lines_load (TlClipLines *self, TlLibrary *library, const gint64 *source_ids, guint n_source_ids,
                    GError **error)
{
  Load load = { self, NULL, 0 };

  g_return_val_if_fail (self != NULL && TL_IS_LIBRARY (library), FALSE);
  if (n_source_ids == 0)
    return TRUE;
  for (guint i = 0; i < n_source_ids; i++)
    {
      g_hash_table_remove (self->sources, &source_ids[i]);
      /* a source without lines has an empty entry: it was read */
      source_lines (self, source_ids[i]);
    }
  return tl_library_foreach_line (library, source_ids, n_source_ids, add_stored_line, &load, error);
}

/**
 * tl_clip_lines_load_for_clip:
 *
 * Reads only the lines @clip may hold (those around its times, or its
 * source's lines for a paragraph clip): for one clip of a long source.
 * Other clips of that source must not be asked about afterwards.
 */
gboolean
tl_clip_lines_load_for_clip (TlClipLines *self, TlLibrary *library, TlClip *clip, GError **error)
{
  g_autoptr(GPtrArray) segments = NULL;
  SourceLines *sl;

  g_return_val_if_fail (self != NULL && TL_IS_LIBRARY (library) && TL_IS_CLIP (clip), FALSE);
  if (clip->first_segment >= 0)
    return tl_clip_lines_load (self, library, &clip->source_id, 1, error);
  segments = tl_library_get_segments_in_range (library, clip->source_id, clip->in, clip->out, error);
  if (segments == NULL)
    return FALSE;
  g_hash_table_remove (self->sources, &clip->source_id);
  sl = source_lines (self, clip->source_id);
  for (guint i = 0; i < segments->len; i++)
    {
      TlSegment *segment = g_ptr_array_index (segments, i);
      if (!segment->non_speech)
        append_line (self, sl, segment->index, segment->start, segment->end, segment->text);
    }
  return TRUE;
}

/* Whether the lines of @source_id were read. */
gboolean
tl_clip_lines_has_source (TlClipLines *self, gint64 source_id)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return g_hash_table_contains (self->sources, &source_id);
}

static inline gint64
line_end (const TlClipLine *line)
{
  return line->end != TL_TIME_NONE ? line->end : line->start + 1;
}

static int
compare_by_start (gconstpointer a, gconstpointer b, gpointer data)
{
  GArray *lines = data;
  const TlClipLine *la = &g_array_index (lines, TlClipLine, *(const guint *) a);
  const TlClipLine *lb = &g_array_index (lines, TlClipLine, *(const guint *) b);

  if (la->start != lb->start)
    return la->start < lb->start ? -1 : 1;
  return la->index - lb->index;
}

static void
source_lines_index (SourceLines *sl)
{
  gint64 max = G_MININT64;

  sl->by_start = g_array_sized_new (FALSE, FALSE, sizeof (guint), sl->lines->len);
  sl->max_end = g_array_sized_new (FALSE, FALSE, sizeof (gint64), sl->lines->len);
  for (guint i = 0; i < sl->lines->len; i++)
    if (g_array_index (sl->lines, TlClipLine, i).start != TL_TIME_NONE)
      g_array_append_val (sl->by_start, i);
  g_array_sort_with_data (sl->by_start, compare_by_start, sl->lines);
  for (guint i = 0; i < sl->by_start->len; i++)
    {
      const TlClipLine *line = &g_array_index (sl->lines, TlClipLine, g_array_index (sl->by_start, guint, i));
      max = MAX (max, line_end (line));
      g_array_append_val (sl->max_end, max);
    }
}

static int
compare_line_index (gconstpointer a, gconstpointer b)
{
  const TlClipLine *la = *(TlClipLine *const *) a;
  const TlClipLine *lb = *(TlClipLine *const *) b;

  return la->index - lb->index;
}

/**
 * tl_clip_lines_collect:
 * @lines: (element-type TlClipLine): where the clip's lines are appended,
 *   in transcript order; they live as long as @self
 *
 * The lines @clip holds: those overlapping [in, out) for a timed clip,
 * its paragraphs for a paragraph clip. Nothing is appended when its
 * source's lines were not read.
 */
void
tl_clip_lines_collect (TlClipLines *self, TlClip *clip, GPtrArray *lines)
{
  SourceLines *sl;
  gint64 in, out;
  gint first, last;
  gboolean both, sorted = TRUE;
  guint start = lines->len;

  g_return_if_fail (self != NULL && TL_IS_CLIP (clip) && lines != NULL);
  sl = g_hash_table_lookup (self->sources, &clip->source_id);
  if (sl == NULL)
    return;
  if (sl->by_start == NULL)
    source_lines_index (sl);
  in = clip->in;
  out = clip->out;
  first = clip->first_segment;
  last = clip->last_segment;
  both = in != TL_TIME_NONE && first >= 0;
  if (in != TL_TIME_NONE)
    {
      guint lo = 0, hi = sl->by_start->len, end;

      /* past hi, every line starts at or after out */
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          if (g_array_index (sl->lines, TlClipLine, g_array_index (sl->by_start, guint, mid)).start < out)
            lo = mid + 1;
          else
            hi = mid;
        }
      end = lo;
      /* before lo, every line has ended by in */
      lo = 0;
      hi = end;
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          if (g_array_index (sl->max_end, gint64, mid) > in)
            hi = mid;
          else
            lo = mid + 1;
        }
      for (guint i = lo; i < end; i++)
        {
          TlClipLine *line = &g_array_index (sl->lines, TlClipLine, g_array_index (sl->by_start, guint, i));
          if (line_end (line) > in)
            {
              if (lines->len > start && ((TlClipLine *) g_ptr_array_index (lines, lines->len - 1))->index > line->index)
                sorted = FALSE;
              g_ptr_array_add (lines, line);
            }
        }
    }
  if (first >= 0)
    {
      guint lo = 0, hi = sl->lines->len;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          if (g_array_index (sl->lines, TlClipLine, mid).index < first)
            lo = mid + 1;
          else
            hi = mid;
        }
      for (guint i = lo; i < sl->lines->len && g_array_index (sl->lines, TlClipLine, i).index <= last; i++)
        g_ptr_array_add (lines, &g_array_index (sl->lines, TlClipLine, i));
    }
  if (!sorted || both)
    {
      g_autoptr(GPtrArray) mine = g_ptr_array_new ();

      for (guint i = start; i < lines->len; i++)
        g_ptr_array_add (mine, g_ptr_array_index (lines, i));
      g_ptr_array_sort (mine, compare_line_index);
      g_ptr_array_set_size (lines, start);
      for (guint i = 0; i < mine->len; i++)
        if (i == 0 || g_ptr_array_index (mine, i) != g_ptr_array_index (mine, i - 1))
          g_ptr_array_add (lines, g_ptr_array_index (mine, i));
    }
}

/**
 * tl_clip_lines_join:
 * @lines: (element-type TlClipLine): a clip's lines
 *
 * Returns: (transfer full): the words of @lines, joined by spaces
 */
char *
tl_clip_lines_join (GPtrArray *lines)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, ((TlClipLine *) g_ptr_array_index (lines, i))->text);
    }
  return g_string_free (text, FALSE);
}

/**
 * tl_clip_lines_get_text:
 *
 * Returns: (transfer full): the words said in @clip: its lines' text,
 *   joined by spaces ("" when it holds none)
 */
char *
tl_clip_lines_get_text (TlClipLines *self, TlClip *clip)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL && TL_IS_CLIP (clip), NULL);
  tl_clip_lines_collect (self, clip, lines);
  return tl_clip_lines_join (lines);
}
