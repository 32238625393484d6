/* tl-json-model.c: sources, clips, topics, segments, chapters and media as
 * JSON objects. Each field is written here once; a view is the list of
 * fields one output has, in its order, so that the JSON export and
 * tagline-cli keep the documents they always wrote. */
#include "tl-json-model.h"

#include "tl-export.h"

typedef enum {
  SOURCE_ID,
  SOURCE_TITLE,
  SOURCE_KIND,
  SOURCE_FORMAT,
  SOURCE_OUTLET,
  SOURCE_PUBLISHED,
  SOURCE_URL,
  SOURCE_EXTERNAL_ID,
  SOURCE_DURATION,
  SOURCE_DESCRIPTION,
  SOURCE_LANGUAGE,
  SOURCE_FOLDER,
  SOURCE_ORIGIN,
  SOURCE_KEYWORDS,
  SOURCE_CHAPTERS,
  SOURCE_TIMING,
  SOURCE_N_SEGMENTS,  /* "segments": how many */
  SOURCE_SEGMENTS,    /* "segments": the lines themselves */
  SOURCE_MEDIA,       /* "media": an object, or null */
  SOURCE_MEDIA_PATH,  /* "media": the file's path, or null */
  SOURCE_FRAMERATE,   /* "framerate": the media's, "num/den", or null */
  SOURCE_END
} SourceField;

static const SourceField source_views[][20] = {
  [TL_JSON_SOURCE_LIST] = { SOURCE_ID, SOURCE_TITLE, SOURCE_KIND, SOURCE_OUTLET, SOURCE_DURATION, SOURCE_N_SEGMENTS,
                            SOURCE_TIMING, SOURCE_FOLDER, SOURCE_END },
  [TL_JSON_SOURCE_FULL] = { SOURCE_ID, SOURCE_TITLE, SOURCE_KIND, SOURCE_FORMAT, SOURCE_OUTLET, SOURCE_PUBLISHED,
                            SOURCE_URL, SOURCE_EXTERNAL_ID, SOURCE_DURATION, SOURCE_DESCRIPTION, SOURCE_LANGUAGE,
                            SOURCE_FOLDER, SOURCE_ORIGIN, SOURCE_KEYWORDS, SOURCE_CHAPTERS, SOURCE_TIMING,
                            SOURCE_MEDIA, SOURCE_SEGMENTS, SOURCE_END },
  [TL_JSON_SOURCE_EXPORT] = { SOURCE_ID, SOURCE_TITLE, SOURCE_KIND, SOURCE_OUTLET, SOURCE_PUBLISHED, SOURCE_URL,
                              SOURCE_MEDIA_PATH, SOURCE_FRAMERATE, SOURCE_END },
};

static void
write_source_field (TlJsonWriter *w, TlSource *source, SourceField field, GPtrArray *chapters, GPtrArray *segments)
{
  const TlMediaInfo *media = tl_source_get_media (source);

  switch (field)
    {
    case SOURCE_ID:
      tl_json_writer_member_int (w, "id", tl_source_get_id (source));
      break;
    case SOURCE_TITLE:
      tl_json_writer_member_string (w, "title", tl_source_get_title (source));
      break;
    case SOURCE_KIND:
      tl_json_writer_member_string (w, "kind", tl_source_kind_to_string (tl_source_get_kind (source)));
      break;
    case SOURCE_FORMAT:
      tl_json_writer_member_string (w, "format", tl_source_get_format (source));
      break;
    case SOURCE_OUTLET:
      tl_json_writer_member_string (w, "outlet", tl_source_get_outlet (source));
      break;
    case SOURCE_PUBLISHED:
      tl_json_writer_member_string (w, "published", tl_source_get_published (source));
      break;
    case SOURCE_URL:
      tl_json_writer_member_string (w, "url", tl_source_get_url (source));
      break;
    case SOURCE_EXTERNAL_ID:
      tl_json_writer_member_string (w, "external_id", tl_source_get_external_id (source));
      break;
    case SOURCE_DURATION:
      tl_json_writer_member_seconds (w, "duration", tl_source_get_duration (source));
      break;
    case SOURCE_DESCRIPTION:
      tl_json_writer_member_string (w, "description", tl_source_get_description (source));
      break;
    case SOURCE_LANGUAGE:
      tl_json_writer_member_string (w, "language", tl_source_get_language (source));
      break;
    case SOURCE_FOLDER:
      tl_json_writer_member_string (w, "folder", tl_source_get_folder (source));
      break;
    case SOURCE_ORIGIN:
      tl_json_writer_member_string (w, "origin", tl_source_get_origin_path (source));
      break;
    case SOURCE_KEYWORDS:
      {
        const char *const *keywords = tl_source_get_keywords (source);
        tl_json_writer_member (w, "keywords");
        tl_json_writer_begin_array (w);
        for (guint i = 0; keywords && keywords[i]; i++)
          tl_json_writer_string (w, keywords[i]);
        tl_json_writer_end_array (w);
      }
      break;
    case SOURCE_CHAPTERS:
      tl_json_writer_member (w, "chapters");
      tl_json_writer_begin_array (w);
      for (guint i = 0; chapters && i < chapters->len; i++)
        tl_json_write_chapter (w, g_ptr_array_index (chapters, i));
      tl_json_writer_end_array (w);
      break;
    case SOURCE_TIMING:
      tl_json_writer_member_string (w, "timing", tl_timing_to_string (tl_source_get_timing (source)));
      break;
    case SOURCE_N_SEGMENTS:
      tl_json_writer_member_int (w, "segments", tl_source_get_n_segments (source));
      break;
    case SOURCE_SEGMENTS:
      tl_json_writer_member (w, "segments");
      tl_json_writer_begin_array (w);
      for (guint i = 0; segments && i < segments->len; i++)
        tl_json_write_segment (w, g_ptr_array_index (segments, i));
      tl_json_writer_end_array (w);
      break;
    case SOURCE_MEDIA:
      tl_json_writer_member (w, "media");
      if (media)
        tl_json_write_media (w, media);
      else
        tl_json_writer_null (w);
      break;
    case SOURCE_MEDIA_PATH:
      tl_json_writer_member_string (w, "media", media ? media->path : NULL);
      break;
    case SOURCE_FRAMERATE:
      tl_json_writer_member (w, "framerate");
      if (media && media->fps_num > 0)
        {
          g_autofree char *rate = g_strdup_printf ("%d/%d", media->fps_num, media->fps_den);
          tl_json_writer_string (w, rate);
        }
      else
        tl_json_writer_null (w);
      break;
    case SOURCE_END:
    default:
      g_assert_not_reached ();
    }
}

/**
 * tl_json_write_source:
 * @view: which fields, in which order
 * @chapters: (nullable) (element-type TlChapter): with %TL_JSON_SOURCE_FULL, the source's chapters
 * @segments: (nullable) (element-type TlSegment): with %TL_JSON_SOURCE_FULL, its lines
 *
 * Writes @source as an object.
 */
void
tl_json_write_source (TlJsonWriter *w, TlSource *source, TlJsonSourceView view, GPtrArray *chapters,
                      GPtrArray *segments)
{
  g_return_if_fail (TL_IS_SOURCE (source));
  g_return_if_fail ((guint) view < G_N_ELEMENTS (source_views));

  tl_json_writer_begin_object (w);
  for (const SourceField *field = source_views[view]; *field != SOURCE_END; field++)
    write_source_field (w, source, *field, chapters, segments);
  tl_json_writer_end_object (w);
}

typedef enum {
  CLIP_ID,
  CLIP_SOURCE_ID,
  CLIP_SOURCE,       /* "source": the source as an object */
  CLIP_QUOTE,        /* "quote": paragraphs of an article or untimed transcript, no times */
  CLIP_IN,
  CLIP_OUT,
  CLIP_DURATION,
  CLIP_IN_TIMECODE,  /* at the media's frame rate; a clock time without one */
  CLIP_OUT_TIMECODE,
  CLIP_PARAGRAPHS,
  CLIP_TOPICS,
  CLIP_RATING,
  CLIP_TITLE,
  CLIP_NOTE,
  CLIP_TEXT,
  CLIP_END
} ClipField;

static const ClipField clip_views[][16] = {
  [TL_JSON_CLIP_LIST] = { CLIP_ID, CLIP_SOURCE_ID, CLIP_IN, CLIP_OUT, CLIP_PARAGRAPHS, CLIP_TOPICS, CLIP_RATING,
                          CLIP_TITLE, CLIP_NOTE, CLIP_TEXT, CLIP_END },
  [TL_JSON_CLIP_EXPORT] = { CLIP_ID, CLIP_SOURCE, CLIP_QUOTE, CLIP_IN, CLIP_OUT, CLIP_DURATION, CLIP_IN_TIMECODE,
                            CLIP_OUT_TIMECODE, CLIP_PARAGRAPHS, CLIP_TOPICS, CLIP_RATING, CLIP_TITLE, CLIP_NOTE,
                            CLIP_TEXT, CLIP_END },
};

static void
write_clip_field (TlJsonWriter *w, TlClip *clip, TlSource *source, const char *text, ClipField field)
{
  gint64 in = tl_clip_get_in (clip), out = tl_clip_get_out (clip);

  switch (field)
    {
    case CLIP_ID:
      tl_json_writer_member_int (w, "id", tl_clip_get_id (clip));
      break;
    case CLIP_SOURCE_ID:
      tl_json_writer_member_int (w, "source_id", tl_clip_get_source_id (clip));
      break;
    case CLIP_SOURCE:
      tl_json_writer_member (w, "source");
      tl_json_write_source (w, source, TL_JSON_SOURCE_EXPORT, NULL, NULL);
      break;
    case CLIP_QUOTE:
      tl_json_writer_member_boolean (w, "quote", in < 0);
      break;
    case CLIP_IN:
      tl_json_writer_member_seconds (w, "in", in);
      break;
    case CLIP_OUT:
      tl_json_writer_member_seconds (w, "out", out);
      break;
    case CLIP_DURATION:
      tl_json_writer_member_seconds (w, "duration", in >= 0 ? out - in : -1);
      break;
    case CLIP_IN_TIMECODE:
    case CLIP_OUT_TIMECODE:
      {
        g_autofree char *timecode = in >= 0 ? tl_export_format_timecode (source, field == CLIP_IN_TIMECODE ? in : out)
                                            : NULL;
        tl_json_writer_member_string (w, field == CLIP_IN_TIMECODE ? "in_timecode" : "out_timecode", timecode);
      }
      break;
    case CLIP_PARAGRAPHS:
      tl_json_writer_member (w, "paragraphs");
      if (tl_clip_get_first_segment (clip) >= 0)
        {
          tl_json_writer_begin_array (w);
          /* paragraph numbers, from 1 as people count them (segments'
           * "index" counts from 0) */
          tl_json_writer_int (w, tl_clip_get_first_segment (clip) + 1);
          tl_json_writer_int (w, tl_clip_get_last_segment (clip) + 1);
          tl_json_writer_end_array (w);
        }
      else
        tl_json_writer_null (w);
      break;
    case CLIP_TOPICS:
      {
        const char *const *topics = tl_clip_get_topics (clip);
        tl_json_writer_member (w, "topics");
        tl_json_writer_begin_array (w);
        for (guint t = 0; topics[t] != NULL; t++)
          tl_json_writer_string (w, topics[t]);
        tl_json_writer_end_array (w);
      }
      break;
    case CLIP_RATING:
      tl_json_writer_member_int (w, "rating", tl_clip_get_rating (clip));
      break;
    case CLIP_TITLE:
      tl_json_writer_member_string (w, "title", tl_clip_get_title (clip));
      break;
    case CLIP_NOTE:
      tl_json_writer_member_string (w, "note", tl_clip_get_note (clip));
      break;
    case CLIP_TEXT:
      tl_json_writer_member_string (w, "text", text);
      break;
    case CLIP_END:
    default:
      g_assert_not_reached ();
    }
}

/**
 * tl_json_write_clip:
 * @source: (nullable): the clip's source; needed by %TL_JSON_CLIP_EXPORT
 * @text: (nullable): the words the clip holds
 * @view: which fields, in which order
 *
 * Writes @clip as an object.
 */
void
tl_json_write_clip (TlJsonWriter *w, TlClip *clip, TlSource *source, const char *text, TlJsonClipView view)
{
  g_return_if_fail (TL_IS_CLIP (clip));
  g_return_if_fail ((guint) view < G_N_ELEMENTS (clip_views));
  g_return_if_fail (view != TL_JSON_CLIP_EXPORT || TL_IS_SOURCE (source));

  tl_json_writer_begin_object (w);
  for (const ClipField *field = clip_views[view]; *field != CLIP_END; field++)
    write_clip_field (w, clip, source, text, *field);
  tl_json_writer_end_object (w);
}

/* id, name, key (1–9, or null), color, clips (how many) */
void
tl_json_write_topic (TlJsonWriter *w, TlTopic *topic)
{
  g_return_if_fail (TL_IS_TOPIC (topic));

  tl_json_writer_begin_object (w);
  tl_json_writer_member_int (w, "id", tl_topic_get_id (topic));
  tl_json_writer_member_string (w, "name", tl_topic_get_name (topic));
  tl_json_writer_member (w, "key");
  if (tl_topic_get_key (topic))
    tl_json_writer_int (w, tl_topic_get_key (topic));
  else
    tl_json_writer_null (w);
  tl_json_writer_member_string (w, "color", tl_topic_get_color (topic));
  tl_json_writer_member_int (w, "clips", tl_topic_get_n_clips (topic));
  tl_json_writer_end_object (w);
}

/* index (from 0), start, end, speaker, text, non_speech, confidence, flag,
 * word_timing, words [{text, start, end, confidence}], edited, original_text */
void
tl_json_write_segment (TlJsonWriter *w, TlSegment *segment)
{
  const TlWord *words;
  guint n_words;

  g_return_if_fail (TL_IS_SEGMENT (segment));

  tl_json_writer_begin_object (w);
  tl_json_writer_member_int (w, "index", tl_segment_get_index (segment));
  tl_json_writer_member_seconds (w, "start", tl_segment_get_start (segment));
  tl_json_writer_member_seconds (w, "end", tl_segment_get_end (segment));
  tl_json_writer_member_string (w, "speaker", tl_segment_get_speaker (segment));
  tl_json_writer_member_string (w, "text", tl_segment_get_text (segment));
  tl_json_writer_member_boolean (w, "non_speech", tl_segment_get_non_speech (segment));
  tl_json_writer_member (w, "confidence");
  if (tl_segment_get_confidence (segment) >= 0)
    tl_json_writer_double (w, tl_segment_get_confidence (segment));
  else
    tl_json_writer_null (w);
  tl_json_writer_member_string (w, "flag", tl_segment_get_flag (segment));
  tl_json_writer_member_string (w, "word_timing", tl_word_timing_to_string (tl_segment_get_word_timing (segment)));
  tl_json_writer_member (w, "words");
  tl_json_writer_begin_array (w);
  words = tl_segment_get_words (segment, &n_words);
  for (guint i = 0; i < n_words; i++)
    {
      tl_json_writer_begin_object (w);
      tl_json_writer_member_string (w, "text", words[i].text);
      tl_json_writer_member_seconds (w, "start", words[i].start);
      tl_json_writer_member_seconds (w, "end", words[i].end);
      tl_json_writer_member (w, "confidence");
      if (words[i].confidence >= 0)
        tl_json_writer_double (w, words[i].confidence);
      else
        tl_json_writer_null (w);
      /* only on words a correction gave times to */
      if (words[i].interpolated)
        tl_json_writer_member_boolean (w, "interpolated", TRUE);
      tl_json_writer_end_object (w);
    }
  tl_json_writer_end_array (w);
  tl_json_writer_member_boolean (w, "edited", tl_segment_get_edited (segment));
  tl_json_writer_member_string (w, "original_text", tl_segment_get_original_text (segment));
  tl_json_writer_end_object (w);
}

/* start, segment_index (or null), title */
void
tl_json_write_chapter (TlJsonWriter *w, const TlChapter *chapter)
{
  tl_json_writer_begin_object (w);
  tl_json_writer_member_seconds (w, "start", chapter->start);
  tl_json_writer_member (w, "segment_index");
  if (chapter->segment_index >= 0)
    tl_json_writer_int (w, chapter->segment_index);
  else
    tl_json_writer_null (w);
  tl_json_writer_member_string (w, "title", chapter->title);
  tl_json_writer_end_object (w);
}

/* What a media file holds: path, duration, framerate ("num/den"), width,
 * height, has_video, has_audio, the codecs and the start timecode; what
 * is unknown is null. */
void
tl_json_write_media (TlJsonWriter *w, const TlMediaInfo *media)
{
  tl_json_writer_begin_object (w);
  tl_json_writer_member_string (w, "path", media->path);
  tl_json_writer_member_seconds (w, "duration", media->duration);
  tl_json_writer_member (w, "framerate");
  if (media->fps_num > 0 && media->fps_den > 0)
    {
      g_autofree char *rate = g_strdup_printf ("%d/%d", media->fps_num, media->fps_den);
      tl_json_writer_string (w, rate);
    }
  else
    tl_json_writer_null (w);
  tl_json_writer_member (w, "width");
  if (media->width > 0)
    tl_json_writer_int (w, media->width);
  else
    tl_json_writer_null (w);
  tl_json_writer_member (w, "height");
  if (media->height > 0)
    tl_json_writer_int (w, media->height);
  else
    tl_json_writer_null (w);
  tl_json_writer_member_boolean (w, "has_video", media->has_video);
  tl_json_writer_member_boolean (w, "has_audio", media->has_audio);
  tl_json_writer_member_string (w, "video_codec", media->video_codec);
  tl_json_writer_member_string (w, "audio_codec", media->audio_codec);
  tl_json_writer_member_string (w, "start_timecode", media->start_timecode);
  tl_json_writer_end_object (w);
}
