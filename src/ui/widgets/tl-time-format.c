/* tl-time-format.c: one object for the whole application holds the chosen
 * format (the application binds it to the "time-format" setting); every
 * widget that shows a time formats it here and listens to notify::kind.
 * Without a frame rate (sound alone, no media) timecode and frame numbers
 * have no frames to count: such times read as a clock. */
#include "tl-time-format.h"

#include <string.h>

#include "tl-text.h"
#include "tl-timecode.h"

struct _TlTimeFormat {
  GObject parent_instance;
  TlTimeFormatKind kind;
};

G_DEFINE_FINAL_TYPE (TlTimeFormat, tl_time_format, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const names[] = { "timecode", "clock", "frames" };

const char *
tl_time_format_kind_to_string (TlTimeFormatKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (names), "timecode");
  return names[kind];
}

gboolean
tl_time_format_kind_from_string (const char *name, TlTimeFormatKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

static void
tl_time_format_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TlTimeFormat *self = TL_TIME_FORMAT (object);

  switch (prop_id)
    {
    case PROP_KIND: g_value_set_int (value, self->kind); break;
    case PROP_NAME: g_value_set_string (value, names[self->kind]); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_time_format_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  TlTimeFormat *self = TL_TIME_FORMAT (object);
  TlTimeFormatKind kind;

  switch (prop_id)
    {
    case PROP_KIND: tl_time_format_set_kind (self, g_value_get_int (value)); break;
    case PROP_NAME:
      if (tl_time_format_kind_from_string (g_value_get_string (value), &kind))
        tl_time_format_set_kind (self, kind);
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_time_format_class_init (TlTimeFormatClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = tl_time_format_get_property;
  object_class->set_property = tl_time_format_set_property;
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, TL_TIME_FORMAT_TIMECODE, TL_TIME_FORMAT_FRAMES,
                                            TL_TIME_FORMAT_TIMECODE,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* the setting's value: "timecode", "clock" or "frames" (for g_settings_bind) */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "timecode",
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tl_time_format_init (TlTimeFormat *self)
{
}

/**
 * tl_time_format_get_default:
 *
 * Returns: (transfer none): the application's time format
 */
TlTimeFormat *
tl_time_format_get_default (void)
{
  static TlTimeFormat *instance;

  if (g_once_init_enter (&instance))
    g_once_init_leave (&instance, g_object_new (TL_TYPE_TIME_FORMAT, NULL));
  return instance;
}

TlTimeFormatKind
tl_time_format_get_kind (TlTimeFormat *self)
{
  g_return_val_if_fail (TL_IS_TIME_FORMAT (self), TL_TIME_FORMAT_TIMECODE);
  return self->kind;
}

void
tl_time_format_set_kind (TlTimeFormat *self, TlTimeFormatKind kind)
{
  g_return_if_fail (TL_IS_TIME_FORMAT (self));
  g_return_if_fail ((guint) kind < G_N_ELEMENTS (names));
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

static gboolean
has_rate (const TlMediaInfo *media)
{
  return media && media->fps_num > 0 && media->fps_den > 0;
}

/* The frame the media's own timecode gives its first frame, or 0. */
static gint64
start_frames (const TlMediaInfo *media)
{
  gint64 frames = 0;

  if (has_rate (media) && media->start_timecode
      && tl_timecode_parse_frames (media->start_timecode, media->fps_num, media->fps_den, &frames))
    return frames;
  return 0;
}

/**
 * tl_time_format_usec:
 * @media: (nullable): the media the time is in (its rate, its start timecode)
 *
 * Returns: (transfer full): @usec as the editor chose to read times
 */
char *
tl_time_format_usec (TlTimeFormat *self, gint64 usec, const TlMediaInfo *media)
{
  g_return_val_if_fail (TL_IS_TIME_FORMAT (self), NULL);

  usec = MAX (usec, 0);
  if (!has_rate (media) || self->kind == TL_TIME_FORMAT_CLOCK)
    return tl_format_clock (usec, TRUE, '.');
  if (self->kind == TL_TIME_FORMAT_FRAMES)
    return g_strdup_printf ("%" G_GINT64_FORMAT, tl_timecode_usec_to_frames (usec, media->fps_num, media->fps_den));
  return tl_timecode_format_frames (start_frames (media)
                                      + tl_timecode_usec_to_frames (usec, media->fps_num, media->fps_den),
                                    media->fps_num, media->fps_den,
                                    tl_timecode_is_drop_frame_rate (media->fps_num, media->fps_den));
}

/**
 * tl_time_format_range:
 *
 * Returns: (transfer full): "in – out", both in the chosen format
 */
char *
tl_time_format_range (TlTimeFormat *self, gint64 in, gint64 out, const TlMediaInfo *media)
{
  g_autofree char *a = tl_time_format_usec (self, in, media);
  g_autofree char *b = tl_time_format_usec (self, out, media);

  return g_strdup_printf ("%s – %s", a, b);
}

/* tl_time_format_usec() in the application's format. */
char *
tl_time_format_now (gint64 usec, const TlMediaInfo *media)
{
  return tl_time_format_usec (tl_time_format_get_default (), usec, media);
}

/* A timecode ("01:00:12:05", "00:01:00;02"), a clock ("1:02.5"), seconds
 * ("62.5"), or frames ("1500f"); @absolute: a timecode counts from the
 * media's start timecode. */
static gboolean
parse_time (const char *text, const TlMediaInfo *media, gboolean absolute, gint64 *usec)
{
  gint64 frames;
  const char *end = NULL;
  char *frames_end = NULL;
  guint colons = 0;

  for (const char *p = text; *p; p++)
    colons += *p == ':' || *p == ';';
  if (has_rate (media) && (colons == 3 || strchr (text, ';'))
      && tl_timecode_parse_frames (text, media->fps_num, media->fps_den, &frames))
    {
      if (absolute)
        {
          frames -= start_frames (media);
          /* a timecode typed without the media's start still means a place in it */
          if (frames < 0)
            frames += start_frames (media);
        }
      *usec = tl_timecode_frames_to_usec (frames, media->fps_num, media->fps_den);
      return TRUE;
    }
  if (has_rate (media) && g_ascii_isdigit (text[0]))
    {
      guint64 n = g_ascii_strtoull (text, &frames_end, 10);
      if (frames_end && (*frames_end == 'f' || *frames_end == 'F') && frames_end[1] == '\0')
        {
          *usec = tl_timecode_frames_to_usec ((gint64) n, media->fps_num, media->fps_den);
          return TRUE;
        }
    }
  if (colons > 0 && colons < 3 && tl_parse_clock (text, &end, usec) && *end == '\0')
    return TRUE;
  if (colons == 0 && tl_parse_seconds (text, &end, usec) && *end == '\0')
    return TRUE;
  return FALSE;
}

/**
 * tl_time_format_parse:
 * @text: what the editor typed: a timecode, a clock time, seconds, frames
 *   ("1500f"), or any of these after + or - for an offset from @current
 * @media: (nullable): for the frame rate and the start timecode
 * @usec: (out): where that is, not before 0
 *
 * Returns: whether @text is a time
 */
gboolean
tl_time_format_parse (const char *text, const TlMediaInfo *media, gint64 current, gint64 *usec)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  gint64 value;
  int sign = 0;
  const char *p = trimmed;

  g_return_val_if_fail (usec != NULL, FALSE);
  if (*p == '+' || *p == '-')
    {
      sign = *p == '+' ? 1 : -1;
      p++;
      while (*p == ' ')
        p++;
    }
  if (*p == '\0' || !parse_time (p, media, sign == 0, &value))
    return FALSE;
  *usec = MAX (sign == 0 ? value : MAX (current, 0) + sign * value, 0);
  return TRUE;
}
