/* tl-library-waveform.h: a source's waveform peaks, kept in its library so
 * that reopening a sound shows its waveform at once. */
#pragma once

#include "tl-library.h"

G_BEGIN_DECLS

gboolean tl_library_load_waveform (TlLibrary *self,
                                   gint64 source_id,
                                   const char *media_path,
                                   guint *peaks_per_second,
                                   GBytes **peaks,
                                   GError **error);
gboolean tl_library_save_waveform (TlLibrary *self,
                                   gint64 source_id,
                                   const char *media_path,
                                   guint peaks_per_second,
                                   GBytes *peaks,
                                   GError **error);

G_END_DECLS
