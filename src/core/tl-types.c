/* tl-types.c: names of the shared enumerations, as stored and as printed. */
#include "tl-types.h"

#include <string.h>

G_DEFINE_ENUM_TYPE (TlSourceKind, tl_source_kind,
  G_DEFINE_ENUM_VALUE (TL_SOURCE_KIND_TRANSCRIPT, "transcript"),
  G_DEFINE_ENUM_VALUE (TL_SOURCE_KIND_VIDEO, "video"),
  G_DEFINE_ENUM_VALUE (TL_SOURCE_KIND_AUDIO, "audio"),
  G_DEFINE_ENUM_VALUE (TL_SOURCE_KIND_ARTICLE, "article"))

G_DEFINE_ENUM_TYPE (TlTiming, tl_timing,
  G_DEFINE_ENUM_VALUE (TL_TIMING_NONE, "none"),
  G_DEFINE_ENUM_VALUE (TL_TIMING_NATIVE, "native"),
  G_DEFINE_ENUM_VALUE (TL_TIMING_ESTIMATED, "estimated"),
  G_DEFINE_ENUM_VALUE (TL_TIMING_TAPPED, "tapped"),
  G_DEFINE_ENUM_VALUE (TL_TIMING_ALIGNED, "aligned"))

static const char *const kind_names[] = { "transcript", "video", "audio", "article" };
static const char *const timing_names[] = { "none", "native", "estimated", "tapped", "aligned" };

const char *
tl_source_kind_to_string (TlSourceKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
tl_source_kind_from_string (const char *str, TlSourceKind *kind)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (strcmp (str, kind_names[i]) == 0)
      {
        *kind = (TlSourceKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
tl_timing_to_string (TlTiming timing)
{
  g_return_val_if_fail ((guint) timing < G_N_ELEMENTS (timing_names), NULL);
  return timing_names[timing];
}

gboolean
tl_timing_from_string (const char *str, TlTiming *timing)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (timing_names); i++)
    if (strcmp (str, timing_names[i]) == 0)
      {
        *timing = (TlTiming) i;
        return TRUE;
      }
  return FALSE;
}
