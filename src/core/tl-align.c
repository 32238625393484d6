/* tl-align.c: from a DTW path between a recording and a synthesized
 * reading of its transcript to line times, confidences and flags.
 *
 * A line starts at the last recording frame paired with the start of its
 * reading; a start that lands in a pause moves to the pause's end, less
 * the time the reading itself took from its first word to its first sound
 * (a stop consonant's closure is silent in both). Lines that DTW squeezed
 * far below the length of their reading were probably not said; next to
 * such a gap, and where the recording holds speech the transcript lacks,
 * the lines around are placed again by a local search with free ends. */
#include "tl-align.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tl-dtw.h"
#include "tl-types.h"

#define RADIUS 30
/* quiet shorter than this inside speech is a closure or a breath, not a pause */
#define MIN_PAUSE_FRAMES 12
/* louder runs shorter than this are clicks or noise, not speech */
#define MIN_SPEECH_FRAMES 4
/* a line said at less than this part of its reading's length was not said */
#define UNSPOKEN_RATIO 0.3
/* nor was a line whose span in the recording is nearly all pause */
#define UNSPOKEN_VOICED 0.25
#define UNCERTAIN_CONFIDENCE 0.4
/* mean cosine distance along a line: typical of a good match, and of none */
#define COST_GOOD 0.35
#define COST_BAD 0.85
/* a line said at more than this part of its reading's length has taken in
 * speech that is not in the transcript */
#define STRETCHED_RATIO 1.6
/* this much speech between two lines that the transcript has nothing for
 * is a sentence missing from the transcript */
#define GAP_SPEECH_FRAMES 100
/* how far the local search may look beyond a line's neighbours */
#define SEARCH_MARGIN_FRAMES 300

G_STATIC_ASSERT (TL_ALIGN_FLAG_UNCERTAIN == 2);

const char *
tl_align_flag_to_string (TlAlignFlag flag)
{
  switch (flag)
    {
    case TL_ALIGN_FLAG_UNSPOKEN: return "unspoken";
    case TL_ALIGN_FLAG_UNCERTAIN: return "uncertain";
    case TL_ALIGN_FLAG_NONE:
    default: return NULL;
    }
}

static int
compare_float (const void *a, const void *b)
{
  float fa = *(const float *) a, fb = *(const float *) b;
  return (fa > fb) - (fa < fb);
}

/* Runs of @value shorter than @min_len between runs of the other value
 * become the other value (at the edges only when @edges). */
static void
fill_short_runs (guint8 *mask, guint n, guint8 value, guint min_len, gboolean edges)
{
  guint i = 0;

  while (i < n)
    {
      guint j = i;
      if (mask[i] != value)
        {
          i++;
          continue;
        }
      while (j < n && mask[j] == value)
        j++;
      if (j - i < min_len && (edges || (i > 0 && j < n)))
        memset (mask + i, !value, j - i);
      i = j;
    }
}

/**
 * tl_vad_new:
 * @energy: frame energies in dB
 *
 * Speech is what rises well above the quietest tenth of the frames, and
 * within 22 dB of the loudest; pauses shorter than 120 ms and sounds
 * shorter than 40 ms do not count.
 *
 * Returns: (transfer full): which frames are speech
 */
TlVad *
tl_vad_new (const float *energy, guint n_frames)
{
  TlVad *vad = g_new0 (TlVad, 1);
  g_autofree float *sorted = NULL;
  float floor_db, peak_db;

  vad->n_frames = n_frames;
  vad->speech = g_new0 (guint8, MAX (n_frames, 1));
  if (n_frames == 0)
    return vad;
  sorted = g_memdup2 (energy, n_frames * sizeof (float));
  qsort (sorted, n_frames, sizeof (float), compare_float);
  floor_db = sorted[n_frames / 10];
  peak_db = sorted[MIN ((guint) (n_frames * 0.95), n_frames - 1)];
  vad->threshold = MAX (floor_db + 6.0f, peak_db - 22.0f);
  for (guint i = 0; i < n_frames; i++)
    vad->speech[i] = energy[i] > vad->threshold;
  fill_short_runs (vad->speech, n_frames, 1, MIN_SPEECH_FRAMES, TRUE);
  fill_short_runs (vad->speech, n_frames, 0, MIN_PAUSE_FRAMES, FALSE);
  return vad;
}

void
tl_vad_free (TlVad *vad)
{
  if (vad == NULL)
    return;
  g_free (vad->speech);
  g_free (vad);
}

/**
 * tl_vad_snap_start:
 * @frame: where a line was found to start
 * @limit: the frame it must not move to or past
 *
 * Returns: the end of the pause @frame is in (its first speech frame), or
 *   @frame when it is in speech or no speech comes before @limit
 */
guint
tl_vad_snap_start (const TlVad *vad, guint frame, guint limit)
{
  guint f = frame;

  limit = MIN (limit, vad->n_frames);
  if (f >= limit || vad->speech[f])
    return frame;
  while (f < limit && !vad->speech[f])
    f++;
  return f < limit ? f : frame;
}

/**
 * tl_vad_snap_end:
 * @frame: one past the last frame of a line
 * @limit: the frame it must not move back to or before
 *
 * Returns: the start of the pause the line's last frame is in, or @frame
 */
guint
tl_vad_snap_end (const TlVad *vad, guint frame, guint limit)
{
  guint f = MIN (frame, vad->n_frames);

  if (f == 0 || f <= limit || vad->speech[f - 1])
    return frame;
  while (f > limit && !vad->speech[f - 1])
    f--;
  return f > limit ? f : frame;
}

typedef struct {
  gboolean speakable;
  guint ref_word;   /* reference frame of its first word */
  guint ref_on;     /* its reading's first and one past its last speech frame */
  guint ref_off;
  gint64 lead;      /* µs from the first word to the first sound, in the reading */
  /* in the recording */
  guint rec_on;
  guint rec_off;
  double cost;      /* mean distance along the path over its speech */
  double ratio;     /* its length in the recording over that of its reading */
  double voiced;    /* the part of its span in the recording that is speech */
  gboolean placed;
  gint64 *word_at;  /* per word: where its start was found in the recording, µs, or -1 */
} Work;

typedef struct {
  guint first_line, end_line;  /* lines [first, end) */
  guint rx0, rx1;              /* recording frames */
  guint ry0, ry1;              /* reference frames */
} Chunk;

static guint
us_to_frame (gint64 usec)
{
  return usec <= 0 ? 0 : (guint) (usec / TL_FEATURES_HOP_USEC);
}

static void
prepare_lines (const TlFeatures *reference, const TlVad *ref_vad, TlAlignLine *lines, guint n_lines, Work *work)
{
  for (guint k = 0; k < n_lines; k++)
    {
      Work *w = &work[k];
      guint end;

      w->speakable = lines[k].ref_start >= 0 && lines[k].ref_end > lines[k].ref_start
                     && us_to_frame (lines[k].ref_start) < reference->n_frames;
      if (!w->speakable)
        continue;
      w->ref_word = us_to_frame (lines[k].ref_start);
      end = MIN (reference->n_frames, us_to_frame (lines[k].ref_end) + 1);
      w->ref_on = w->ref_word;
      while (w->ref_on < end && !ref_vad->speech[w->ref_on])
        w->ref_on++;
      if (w->ref_on == end)
        {
          /* nothing audible in the reading (a lone symbol): use it whole */
          w->ref_on = w->ref_word;
          w->ref_off = MAX (end, w->ref_word + 1);
        }
      else
        {
          w->ref_off = end;
          while (w->ref_off > w->ref_on + 1 && !ref_vad->speech[w->ref_off - 1])
            w->ref_off--;
        }
      w->lead = MAX (0, tl_features_frame_time (w->ref_on) - lines[k].ref_start);
    }
}

/* The pieces between anchors: each anchor starts a piece of recording and
 * of reference that DTW aligns on its own. */
static GArray *
make_chunks (const TlFeatures *recording, const TlFeatures *reference,
             TlAlignLine *lines, guint n_lines, Work *work)
{
  GArray *chunks = g_array_new (FALSE, FALSE, sizeof (Chunk));
  Chunk chunk = { 0, 0, 0, 0, 0, 0 };
  gint64 last_anchor = -1;
  gint64 prev_ref_end = 0;

  for (guint k = 0; k < n_lines; k++)
    {
      gboolean cut = lines[k].anchor && lines[k].start >= 0 && lines[k].start > last_anchor
                     && work[k].speakable && k > 0;
      if (cut)
        {
          /* cut halfway through the silence before its reading, and as far
           * before its start in the recording */
          gint64 ref_cut = (prev_ref_end + lines[k].ref_start) / 2;
          gint64 preroll = lines[k].ref_start - ref_cut;
          guint ry = MIN (us_to_frame (ref_cut), reference->n_frames);
          guint rx = MIN (us_to_frame (MAX (0, lines[k].start - preroll)), recording->n_frames);

          if (ry > chunk.ry0 && rx > chunk.rx0)
            {
              chunk.end_line = k;
              chunk.rx1 = rx;
              chunk.ry1 = ry;
              g_array_append_val (chunks, chunk);
              chunk = (Chunk) { k, 0, rx, 0, ry, 0 };
            }
        }
      if (lines[k].anchor && lines[k].start >= 0)
        last_anchor = MAX (last_anchor, lines[k].start);
      if (work[k].speakable)
        prev_ref_end = lines[k].ref_end;
    }
  chunk.end_line = n_lines;
  chunk.rx1 = recording->n_frames;
  chunk.ry1 = reference->n_frames;
  g_array_append_val (chunks, chunk);
  return chunks;
}

static guint
count_speech (const TlVad *vad, guint from, guint to)
{
  guint n = 0;

  for (guint f = from; f < to && f < vad->n_frames; f++)
    n += vad->speech[f];
  return n;
}

/* Each word's start in the recording: where the path first reaches the
 * reference frame its reading starts in, plus the part of a frame the
 * reading starts into it. @first_x holds, for each reference frame from
 * @ry0 to @ry1, the first recording frame (counted from @rx0) paired with it. */
static void
place_words (const TlAlignLine *line, Work *w, const guint *first_x, guint rx0, guint ry0, guint ry1)
{
  if (line->n_words == 0)
    return;
  if (w->word_at == NULL)
    w->word_at = g_new (gint64, line->n_words);
  for (guint i = 0; i < line->n_words; i++)
    {
      gint64 ref = line->words[i].ref_start;
      guint r;

      w->word_at[i] = -1;
      if (ref < 0 || ry1 <= ry0)
        continue;
      r = CLAMP (us_to_frame (ref), ry0, ry1 - 1);
      if (first_x[r - ry0] == G_MAXUINT)
        continue;
      w->word_at[i] = MAX (0, tl_features_frame_time (first_x[r - ry0] + rx0) + ref - tl_features_frame_time (r));
    }
}

static gboolean
align_chunk (const TlFeatures *recording, const TlFeatures *reference, const TlVad *rec_vad,
             const Chunk *c, const TlAlignLine *lines, Work *work, GCancellable *cancellable, GError **error)
{
  guint nx = c->rx1 - c->rx0, ny = c->ry1 - c->ry0;
  g_autoptr(TlDtwPath) path = NULL;
  g_autofree guint *first_x = NULL, *last_x = NULL;
  g_autofree float *cost = NULL;
  g_autofree guint *count = NULL;

  if (nx == 0 || ny == 0)
    return TRUE;
  path = tl_dtw_fast (recording->vectors + (gsize) c->rx0 * recording->dim, nx,
                      reference->vectors + (gsize) c->ry0 * reference->dim, ny,
                      recording->dim, RADIUS, cancellable, error);
  if (path == NULL)
    return FALSE;

  first_x = g_new (guint, ny);
  last_x = g_new0 (guint, ny);
  cost = g_new0 (float, ny);
  count = g_new0 (guint, ny);
  for (guint j = 0; j < ny; j++)
    first_x[j] = G_MAXUINT;
  for (guint s = 0; s < path->steps->len; s++)
    {
      const TlDtwStep *step = &g_array_index (path->steps, TlDtwStep, s);
      guint x = step->x, y = step->y;
      first_x[y] = MIN (first_x[y], x);
      last_x[y] = MAX (last_x[y], x);
      cost[y] += tl_dtw_distance (tl_features_frame (recording, c->rx0 + x),
                                  tl_features_frame (reference, c->ry0 + y), recording->dim);
      count[y]++;
    }

  for (guint k = c->first_line; k < c->end_line; k++)
    {
      Work *w = &work[k];
      guint word, on, off, limit;
      double sum = 0;

      if (!w->speakable || w->ref_word < c->ry0 || w->ref_off > c->ry1)
        continue;
      word = last_x[w->ref_word - c->ry0] + c->rx0;
      off = last_x[w->ref_off - 1 - c->ry0] + 1 + c->rx0;
      on = MAX (word, first_x[w->ref_on - c->ry0] + c->rx0);
      on = MIN (on, off - 1);
      limit = off;
      w->rec_on = tl_vad_snap_start (rec_vad, on, limit);
      w->rec_off = MAX (tl_vad_snap_end (rec_vad, off, w->rec_on), w->rec_on + 1);
      for (guint j = w->ref_on; j < w->ref_off; j++)
        sum += cost[j - c->ry0] / MAX (count[j - c->ry0], 1);
      w->cost = sum / (w->ref_off - w->ref_on);
      w->ratio = (double) (w->rec_off - w->rec_on) / (w->ref_off - w->ref_on);
      w->voiced = (double) count_speech (rec_vad, w->rec_on, w->rec_off) / (w->rec_off - w->rec_on);
      w->placed = TRUE;
      place_words (&lines[k], w, first_x, c->rx0, c->ry0, c->ry1);
    }
  return TRUE;
}

static gboolean
is_unspoken (const Work *w)
{
  return w->placed && (w->ratio < UNSPOKEN_RATIO || w->voiced < UNSPOKEN_VOICED);
}

static double
confidence_of (const Work *w)
{
  double log_ratio = log (MAX (w->ratio, 1e-3));
  double by_length = exp (-log_ratio * log_ratio / (2 * 0.6 * 0.6));
  double by_cost = CLAMP ((COST_BAD - w->cost) / (COST_BAD - COST_GOOD), 0.0, 1.0);

  return by_length * by_cost;
}

/* The words of a line placed anew: along the path between its reading
 * and its new span in the recording alone. */
static void
place_words_again (const TlFeatures *recording, const TlFeatures *reference, const TlAlignLine *line, Work *w)
{
  guint ny = w->ref_off - w->ref_on, nx = w->rec_off - w->rec_on;
  g_autoptr(TlDtwPath) path = NULL;
  g_autofree guint *first_x = NULL;

  if (line->n_words == 0 || nx == 0 || ny == 0)
    return;
  path = tl_dtw_fast (tl_features_frame (recording, w->rec_on), nx, tl_features_frame (reference, w->ref_on), ny,
                      recording->dim, RADIUS, NULL, NULL);
  first_x = g_new (guint, ny);
  for (guint j = 0; j < ny; j++)
    first_x[j] = G_MAXUINT;
  for (guint s = 0; s < path->steps->len; s++)
    {
      const TlDtwStep *step = &g_array_index (path->steps, TlDtwStep, s);
      first_x[step->y] = MIN (first_x[step->y], step->x);
    }
  place_words (line, w, first_x, w->rec_on, w->ref_on, w->ref_off);
}

/* Places line @k again by searching for its reading between its placed
 * neighbours, with free start and end; keeps the better match. */
static void
search_again (const TlFeatures *recording, const TlFeatures *reference, const TlVad *rec_vad,
              TlAlignLine *lines, Work *work, guint n_lines, guint k,
              const guint8 *suspect, const guint8 *unspoken)
{
  Work *w = &work[k];
  guint from = 0, to = recording->n_frames;
  guint ref_len = w->ref_off - w->ref_on;
  guint s, e;
  double cost;

  /* between the nearest neighbours whose places are trusted */
  for (guint p = k; p-- > 0;)
    if (work[p].placed && !suspect[p] && !unspoken[p])
      {
        from = work[p].rec_off;
        break;
      }
  for (guint q = k + 1; q < n_lines; q++)
    if (work[q].placed && !suspect[q] && !unspoken[q])
      {
        to = work[q].rec_on;
        break;
      }
  if (lines[k].anchor)
    return;
  /* not too far from where it was: the search costs its window's length */
  from = MAX (from, w->rec_on > 2 * ref_len + SEARCH_MARGIN_FRAMES ? w->rec_on - 2 * ref_len - SEARCH_MARGIN_FRAMES : 0);
  to = MIN (to, w->rec_off + 2 * ref_len + SEARCH_MARGIN_FRAMES);
  if (to <= from || !tl_dtw_find (tl_features_frame (recording, from), to - from,
                                  tl_features_frame (reference, w->ref_on), ref_len,
                                  recording->dim, &s, &e, &cost))
    return;
  if (cost < w->cost)
    {
      w->rec_on = tl_vad_snap_start (rec_vad, from + s, from + e + 1);
      w->rec_off = MAX (tl_vad_snap_end (rec_vad, from + e + 1, w->rec_on), w->rec_on + 1);
      w->cost = cost;
      w->ratio = (double) (w->rec_off - w->rec_on) / ref_len;
      w->voiced = (double) count_speech (rec_vad, w->rec_on, w->rec_off) / (w->rec_off - w->rec_on);
      place_words_again (recording, reference, &lines[k], w);
    }
}

static void
place_again_around_gaps (const TlFeatures *recording, const TlFeatures *reference, const TlVad *rec_vad,
                         TlAlignLine *lines, Work *work, guint n_lines)
{
  g_autofree guint8 *unspoken = g_new0 (guint8, n_lines);
  g_autofree guint8 *suspect = g_new0 (guint8, n_lines);
  guint prev = G_MAXUINT;

  for (guint k = 0; k < n_lines; k++)
    unspoken[k] = is_unspoken (&work[k]);

  for (guint k = 0; k < n_lines; k++)
    {
      if (!work[k].placed || unspoken[k])
        continue;
      if (work[k].ratio > STRETCHED_RATIO)
        suspect[k] = TRUE;
      /* speech between two said lines that neither holds */
      if (prev != G_MAXUINT && work[k].rec_on > work[prev].rec_off
          && count_speech (rec_vad, work[prev].rec_off, work[k].rec_on) >= GAP_SPEECH_FRAMES)
        suspect[prev] = suspect[k] = TRUE;
      prev = k;
    }
  /* the said lines on either side of unsaid ones */
  for (guint k = 0; k < n_lines; k++)
    {
      if (!unspoken[k])
        continue;
      for (guint p = k; p-- > 0;)
        if (work[p].placed && !unspoken[p])
          {
            suspect[p] = TRUE;
            break;
          }
      for (guint q = k + 1; q < n_lines; q++)
        if (work[q].placed && !unspoken[q])
          {
            suspect[q] = TRUE;
            break;
          }
    }
  for (guint k = 0; k < n_lines; k++)
    if (suspect[k] && !unspoken[k])
      search_again (recording, reference, rec_vad, lines, work, n_lines, k, suspect, unspoken);
}

static gint64
frame_start_time (guint frame)
{
  return tl_features_frame_time (frame);
}

/* Times from frames; then starts in order, ends after starts and before
 * the next start; lines with nothing to read fill the room between. */
static void
finish_lines (const TlFeatures *recording, TlAlignLine *lines, Work *work, guint n_lines)
{
  gint64 duration = (gint64) recording->n_frames * TL_FEATURES_HOP_USEC;
  gint64 last_start = 0;

  for (guint k = 0; k < n_lines; k++)
    {
      TlAlignLine *line = &lines[k];
      Work *w = &work[k];

      if (line->anchor && line->start >= 0)
        {
          if (line->end < line->start && w->placed)
            line->end = frame_start_time (w->rec_off);
          line->confidence = 1.0;
          line->flag = TL_ALIGN_FLAG_NONE;
          last_start = MAX (last_start, line->start);
          continue;
        }
      if (!w->placed)
        {
          line->start = line->end = TL_TIME_NONE;
          line->confidence = w->speakable ? 0.0 : -1.0;
          line->flag = w->speakable ? TL_ALIGN_FLAG_UNCERTAIN : TL_ALIGN_FLAG_NONE;
          continue;
        }
      line->start = CLAMP (frame_start_time (w->rec_on) - w->lead, last_start, duration);
      line->end = MAX (line->start, MIN (frame_start_time (w->rec_off), duration));
      line->confidence = confidence_of (w);
      if (is_unspoken (w))
        line->flag = TL_ALIGN_FLAG_UNSPOKEN, line->confidence = MIN (line->confidence, 0.1);
      else if (line->confidence < UNCERTAIN_CONFIDENCE)
        line->flag = TL_ALIGN_FLAG_UNCERTAIN;
      else
        line->flag = TL_ALIGN_FLAG_NONE;
      last_start = line->start;
    }

  /* lines with nothing to read sit between their neighbours */
  for (guint k = 0; k < n_lines; k++)
    {
      gint64 before = 0, after = duration;

      if (lines[k].start >= 0)
        continue;
      for (guint p = k; p-- > 0;)
        if (lines[p].start >= 0)
          {
            before = MAX (lines[p].end, lines[p].start);
            break;
          }
      for (guint q = k + 1; q < n_lines; q++)
        if (lines[q].start >= 0)
          {
            after = lines[q].start;
            break;
          }
      lines[k].start = MIN (before, after);
      lines[k].end = MAX (after, lines[k].start);
    }

  /* an end never runs into the next line */
  for (guint k = 0; k + 1 < n_lines; k++)
    if (!(lines[k].anchor && lines[k].end >= 0) && lines[k].end > lines[k + 1].start)
      lines[k].end = MAX (lines[k].start, lines[k + 1].start);
}

/* Word times inside their line's: the first word starts with the line,
 * the others where the path put them, in order; a word ends where the
 * next starts, or where the speech stops before it; the last one with
 * the line. Words of a line the path did not place (and words with
 * nothing to read) share the line's time as their readings did. */
static void
finish_words (const TlVad *rec_vad, TlAlignLine *lines, Work *work, guint n_lines)
{
  for (guint k = 0; k < n_lines; k++)
    {
      TlAlignLine *line = &lines[k];
      const Work *w = &work[k];
      gint64 start = line->start, end = MAX (line->end, line->start);
      gint64 ref_first = -1, ref_span = 0, prev = start;
      gboolean first = TRUE;

      if (line->n_words == 0)
        continue;
      for (guint i = 0; i < line->n_words; i++)
        if (line->words[i].ref_start >= 0)
          {
            if (ref_first < 0)
              ref_first = line->words[i].ref_start;
          }
      if (ref_first >= 0 && line->ref_end > ref_first)
        ref_span = line->ref_end - ref_first;
      for (guint i = 0; i < line->n_words; i++)
        {
          TlAlignWord *word = &line->words[i];
          gint64 at;

          if (start < 0)
            {
              word->start = word->end = TL_TIME_NONE;
              continue;
            }
          if (word->ref_start < 0)
            at = prev;
          else if (first)
            at = start;
          else if (w->placed && w->word_at != NULL && w->word_at[i] >= 0)
            at = w->word_at[i];
          else
            at = start + (ref_span > 0 ? (end - start) * (word->ref_start - ref_first) / ref_span : 0);
          word->start = CLAMP (at, prev, end);
          prev = word->start;
          first = first && word->ref_start < 0;
        }
      /* ends: the next word's start, less a pause between them */
      for (guint i = 0; i < line->n_words && start >= 0; i++)
        {
          TlAlignWord *word = &line->words[i];
          gint64 next = end;
          guint from, to;

          if (word->ref_start < 0)
            continue;
          for (guint j = i + 1; j < line->n_words; j++)
            if (line->words[j].ref_start >= 0)
              {
                next = line->words[j].start;
                break;
              }
          from = tl_features_time_to_frame (word->start);
          to = tl_features_time_to_frame (next);
          word->end = next;
          if (to > from + 1)
            {
              guint snapped = tl_vad_snap_end (rec_vad, to, from + 1);
              if (snapped < to)
                word->end = MAX (word->start, tl_features_frame_time (snapped));
            }
          word->end = MIN (MAX (word->end, word->start), next);
        }
      /* words with nothing to read take no time, after the word before */
      prev = start;
      for (guint i = 0; i < line->n_words && start >= 0; i++)
        {
          TlAlignWord *word = &line->words[i];

          if (word->ref_start < 0)
            word->start = word->end = prev;
          prev = word->end;
        }
    }
}

static void
free_words (Work *work, guint n_lines)
{
  for (guint k = 0; k < n_lines; k++)
    g_clear_pointer (&work[k].word_at, g_free);
}

/**
 * tl_align_lines:
 * @recording: features of the recording
 * @reference: features of the synthesized reading of @lines, in order
 * @lines: (array length=n_lines): the lines, with where each reading is
 *
 * Fills each line's start, end, confidence and flag, and the start and
 * end of each of its words. Anchors keep their start (and their end,
 * when they have one).
 *
 * Returns: %FALSE only when cancelled
 */
gboolean
tl_align_lines (const TlFeatures *recording, const TlFeatures *reference,
                TlAlignLine *lines, guint n_lines,
                GCancellable *cancellable,
                TlAlignProgressFunc progress, gpointer progress_data,
                GError **error)
{
  g_autoptr(TlVad) rec_vad = NULL;
  g_autoptr(TlVad) ref_vad = NULL;
  g_autofree Work *work = NULL;
  g_autoptr(GArray) chunks = NULL;
  guint done = 0;

  g_return_val_if_fail (recording->dim == reference->dim, FALSE);

  rec_vad = tl_vad_new (recording->energy, recording->n_frames);
  ref_vad = tl_vad_new (reference->energy, reference->n_frames);
  work = g_new0 (Work, MAX (n_lines, 1));
  prepare_lines (reference, ref_vad, lines, n_lines, work);
  chunks = make_chunks (recording, reference, lines, n_lines, work);

  for (guint i = 0; i < chunks->len; i++)
    {
      const Chunk *c = &g_array_index (chunks, Chunk, i);
      if (!align_chunk (recording, reference, rec_vad, c, lines, work, cancellable, error))
        {
          free_words (work, n_lines);
          return FALSE;
        }
      done += c->ry1 - c->ry0;
      if (progress)
        progress ((double) done / MAX (reference->n_frames, 1), progress_data);
    }
  place_again_around_gaps (recording, reference, rec_vad, lines, work, n_lines);
  finish_lines (recording, lines, work, n_lines);
  finish_words (rec_vad, lines, work, n_lines);
  free_words (work, n_lines);
  return TRUE;
}
