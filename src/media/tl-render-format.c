/* tl-render-format.c: the formats clips render to, the encoders this
 * machine has for them (probed once), and the encoding profiles GES
 * renders through. */
#include "tl-render-private.h"
#include <glib/gi18n-lib.h>

#include <string.h>

#include "tl-probe.h"

/* Formats and the encoders they take, best first */

typedef struct {
  const char *element;
  const char *package; /* the Debian package that has it */
  const char *codec;   /* for people */
  const char *caps;    /* what it makes, as the muxer takes it */
} Encoder;

static const Encoder vp8 = { "vp8enc", "gstreamer1.0-plugins-good", "VP8", "video/x-vp8" };
static const Encoder x264 = { "x264enc", "gstreamer1.0-plugins-ugly", "H.264", "video/x-h264" };
static const Encoder openh264 = { "openh264enc", "gstreamer1.0-plugins-bad", "H.264", "video/x-h264" };
static const Encoder vorbis = { "vorbisenc", "gstreamer1.0-plugins-base", "Vorbis", "audio/x-vorbis" };
/* avenc_aac (gstreamer1.0-libav) has no rank, so encodebin never picks it */
static const Encoder voaac = { "voaacenc", "gstreamer1.0-plugins-bad", "AAC", "audio/mpeg, mpegversion=(int)4" };

typedef struct {
  const char *name;
  const char *container;
  const char *extension;
  const char *muxer;
  const char *muxer_package;
  const char *caps;
  const Encoder *video[3]; /* NULL-terminated, best first */
  const Encoder *audio[3];
  const char *parser;      /* needed between some encoders and the muxer */
} FormatSpec;

static const FormatSpec specs[] = {
  { "webm", "WebM", "webm", "webmmux", "gstreamer1.0-plugins-good", "video/webm",
    { &vp8 }, { &vorbis }, NULL },
  { "mkv", "Matroska", "mkv", "matroskamux", "gstreamer1.0-plugins-good", "video/x-matroska",
    { &x264, &openh264 }, { &voaac, &vorbis }, "h264parse" },
  { "mp4", "MP4", "mp4", "mp4mux", "gstreamer1.0-plugins-good", "video/quicktime, variant=(string)iso",
    { &x264, &openh264 }, { &voaac }, "h264parse" },
};

typedef struct {
  TlRenderFormat format;
  const FormatSpec *spec;
  const Encoder *video;
  const Encoder *audio;
} Format;

static Format formats[G_N_ELEMENTS (specs)];
static const TlRenderFormat *format_list[G_N_ELEMENTS (specs)];

/* encodebin only looks at encoders of at least marginal rank */
static gboolean
have_element (const char *name, gboolean encoder)
{
  g_autoptr(GstElementFactory) factory = gst_element_factory_find (name);

  return factory != NULL
         && (!encoder || gst_plugin_feature_get_rank (GST_PLUGIN_FEATURE (factory)) >= GST_RANK_MARGINAL);
}

static const Encoder *
pick_encoder (const Encoder *const *candidates)
{
  for (guint i = 0; i < 3 && candidates[i]; i++)
    if (have_element (candidates[i]->element, TRUE))
      return candidates[i];
  return NULL;
}

/* Joins what a format lacks into one sentence: "needs A; and B". */
static void
append_missing (GString *out, const char *clause)
{
  g_string_append_printf (out, out->len ? _("; and %s") : _("needs %s"), clause);
}

/* "needs an encoder for H.264 (install gstreamer1.0-plugins-ugly for x264enc
 * or gstreamer1.0-plugins-bad for openh264enc)" */
static void
describe_missing (GString *out, const Encoder *const *candidates)
{
  g_autoptr(GString) install = g_string_new (NULL);
  g_autofree char *clause = NULL;

  for (guint i = 0; i < 3 && candidates[i]; i++)
    {
      if (g_strcmp0 (candidates[i]->codec, candidates[0]->codec) != 0)
        break;
      if (i > 0)
        g_string_append (install, _(" or "));
      /* TRANSLATORS: a Debian package, then the GStreamer element it brings */
      g_string_append_printf (install, _("%s for %s"), candidates[i]->package, candidates[i]->element);
    }
  clause = g_strdup_printf (_("an encoder for %s (install %s)"), candidates[0]->codec, install->str);
  append_missing (out, clause);
}

static gpointer
probe_formats (gpointer data)
{
  gboolean gst_ok = tl_media_init (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      const FormatSpec *spec = &specs[i];
      Format *f = &formats[i];
      g_autoptr(GString) missing = g_string_new (NULL);

      f->spec = spec;
      f->format.name = spec->name;
      f->format.extension = spec->extension;
      if (gst_ok)
        {
          f->video = pick_encoder (spec->video);
          f->audio = pick_encoder (spec->audio);
        }
      if (f->video == NULL)
        describe_missing (missing, spec->video);
      if (f->audio == NULL)
        describe_missing (missing, spec->audio);
      if (!gst_ok || !have_element (spec->muxer, FALSE))
        {
          g_autofree char *clause = g_strdup_printf (_("its muxer (install %s for %s)"), spec->muxer_package,
                                                     spec->muxer);
          append_missing (missing, clause);
        }
      if (spec->parser && !have_element (spec->parser, FALSE))
        {
          g_autofree char *clause = g_strdup_printf (_("a parser (install gstreamer1.0-plugins-bad for %s)"),
                                                     spec->parser);
          append_missing (missing, clause);
        }
      f->format.available = missing->len == 0;
      if (f->format.available)
        {
          f->format.video_encoder = f->video->element;
          f->format.audio_encoder = f->audio->element;
          f->format.muxer = spec->muxer;
          f->format.label = g_strdup_printf ("%s (%s, %s)", spec->container, f->video->codec, f->audio->codec);
        }
      else
        {
          f->format.label = g_strdup_printf ("%s (%s, %s)", spec->container, spec->video[0]->codec,
                                             spec->audio[0]->codec);
          f->format.missing = g_strdup_printf ("%s %s", spec->name, missing->str);
        }
      format_list[i] = &f->format;
    }
  return NULL;
}

/**
 * tl_render_formats:
 *
 * Every format Tagline renders, whether or not it can here: look at
 * #TlRenderFormat.available, and #TlRenderFormat.missing for what to
 * install. The encoders are looked for once.
 *
 * Returns: (transfer none) (array length=n_formats): the formats
 */
const TlRenderFormat *const *
tl_render_formats (guint *n_formats)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, probe_formats, NULL);
  *n_formats = G_N_ELEMENTS (format_list);
  return format_list;
}

/**
 * tl_render_format_find:
 * @name: "webm", "mkv", "mp4" (any case)
 *
 * Returns: (transfer none): the format, or %NULL with @error set when
 *   there is no such format or it cannot be encoded here (the message
 *   says which package to install)
 */
const TlRenderFormat *
tl_render_format_find (const char *name, GError **error)
{
  guint n;
  const TlRenderFormat *const *list = tl_render_formats (&n);
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (name != NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      if (g_ascii_strcasecmp (list[i]->name, name) != 0)
        {
          if (list[i]->available)
            g_string_append_printf (names, "%s%s", names->len ? ", " : "", list[i]->name);
          continue;
        }
      if (!list[i]->available)
        {
          g_set_error (error, TL_RENDER_ERROR, TL_RENDER_ERROR_NO_ENCODER,
                       _("%s cannot be encoded here: %s"), list[i]->label, list[i]->missing);
          return NULL;
        }
      return list[i];
    }
  g_set_error (error, TL_RENDER_ERROR, TL_RENDER_ERROR_UNKNOWN_FORMAT,
               _("Unknown render format “%s” (this machine renders %s)"), name, names->str);
  return NULL;
}

static const Format *
format_private (const TlRenderFormat *format)
{
  return (const Format *) format;
}

/* Sets an enumerated property by its nick ("faster"): encodebin sets
 * values as they are typed, and a string does not turn into an enum. */
static void
set_enum (GstStructure *properties, const char *element, const char *property, const char *nick)
{
  g_autoptr(GstElementFactory) factory = gst_element_factory_find (element);
  g_autoptr(GstPluginFeature) loaded = factory ? gst_plugin_feature_load (GST_PLUGIN_FEATURE (factory)) : NULL;
  GObjectClass *klass;
  GParamSpec *pspec;
  GEnumValue *value;
  GValue v = G_VALUE_INIT;

  if (loaded == NULL)
    return;
  klass = g_type_class_ref (gst_element_factory_get_element_type (GST_ELEMENT_FACTORY (loaded)));
  pspec = g_object_class_find_property (klass, property);
  if (pspec && G_IS_PARAM_SPEC_ENUM (pspec)
      && (value = g_enum_get_value_by_nick (G_PARAM_SPEC_ENUM (pspec)->enum_class, nick)) != NULL)
    {
      g_value_init (&v, pspec->value_type);
      g_value_set_enum (&v, value->value);
      gst_structure_take_value (properties, property, &v);
    }
  g_type_class_unref (klass);
}

/**
 * tl_render_format_make_profile:
 * @format: an available format
 *
 * The encoding profile for @format holding the streams a timeline has. Bitrates
 * follow the picture size: about 0.15 bit per pixel, enough for selects an
 * editor cuts from. */
GstEncodingProfile *
tl_render_format_make_profile (const TlRenderFormat *public_format, gboolean video, gboolean audio, int width,
                               int height, int fps_num, int fps_den)
{
  const Format *format = format_private (public_format);
  g_autoptr(GstCaps) container_caps = gst_caps_from_string (format->spec->caps);
  GstEncodingContainerProfile *container
    = gst_encoding_container_profile_new (format->spec->name, NULL, container_caps, NULL);

  if (video)
    {
      g_autoptr(GstCaps) caps = gst_caps_from_string (format->video->caps);
      GstEncodingVideoProfile *profile = gst_encoding_video_profile_new (caps, NULL, NULL, 0);
      double pixels = (double) MAX (width, 320) * MAX (height, 240) * fps_num / MAX (fps_den, 1);
      guint bitrate = (guint) CLAMP (pixels * 0.15, 500e3, 40e6);
      guint threads = CLAMP (g_get_num_processors (), 1, 8);
      GstStructure *properties;

      if (strcmp (format->video->element, "vp8enc") == 0)
        /* deadline=1: VP8's realtime mode; its "best" mode takes many times
         * as long for little an editor would see */
        properties = gst_structure_new ("element-properties", "target-bitrate", G_TYPE_INT, (int) bitrate,
                                        "deadline", G_TYPE_INT64, (gint64) 1, "cpu-used", G_TYPE_INT, 4,
                                        "threads", G_TYPE_INT, (int) threads, NULL);
      else if (strcmp (format->video->element, "x264enc") == 0)
        {
          properties = gst_structure_new ("element-properties", "bitrate", G_TYPE_UINT, bitrate / 1000,
                                          "threads", G_TYPE_UINT, threads, NULL);
          /* twice as fast as its "medium", at a bitrate that hides the difference */
          set_enum (properties, "x264enc", "speed-preset", "faster");
        }
      else
        {
          /* openh264enc: never skip frames to hold a bitrate, or clips lose
           * them; and spend the bitrate: its default "quality" mode gives a
           * few hundred bytes a frame, where a moving object can come out
           * nearer where it is a frame later than where it is */
          properties = gst_structure_new ("element-properties", "bitrate", G_TYPE_UINT, bitrate,
                                          "enable-frame-skip", G_TYPE_BOOLEAN, FALSE,
                                          "multi-thread", G_TYPE_UINT, threads, NULL);
          set_enum (properties, "openh264enc", "rate-control", "bitrate");
        }
      gst_encoding_profile_set_preset_name (GST_ENCODING_PROFILE (profile), format->video->element);
      gst_encoding_profile_set_element_properties (GST_ENCODING_PROFILE (profile), properties);
      gst_encoding_container_profile_add_profile (container, GST_ENCODING_PROFILE (profile));
    }
  if (audio)
    {
      g_autoptr(GstCaps) caps = gst_caps_from_string (format->audio->caps);
      GstEncodingAudioProfile *profile = gst_encoding_audio_profile_new (caps, NULL, NULL, 0);

      gst_encoding_profile_set_preset_name (GST_ENCODING_PROFILE (profile), format->audio->element);
      gst_encoding_container_profile_add_profile (container, GST_ENCODING_PROFILE (profile));
    }
  return GST_ENCODING_PROFILE (container);
}
