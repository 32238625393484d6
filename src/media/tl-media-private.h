/* tl-media-private.h: what the media units share inside the layer: one
 * wording for each failure, whichever unit meets it first. */
#pragma once

#include <gst/gst.h>

#include "tl-media-error.h"

G_BEGIN_DECLS

gboolean tl_media_check_file (const char *path, GError **error);
const char *tl_media_package_for_caps (const char *caps);
void tl_media_set_missing_plugin_error (GError **error,
                                        const char *path,
                                        const char *const *installer_details,
                                        gboolean partial);
void tl_media_set_error_from_gst (GError **error,
                                  const char *path,
                                  const GError *gst_error,
                                  const char *const *installer_details);

G_END_DECLS
