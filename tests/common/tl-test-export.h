/* tl-test-export.h: a real library file for the export tests: transcripts
 * made from the samples in tests/data and hand-made SRT, imported through
 * the SRT importer, with media at every common frame rate, an article, and
 * clips whose titles, topics and notes hold everything that breaks files. */
#pragma once

#include "tl-export.h"
#include "tl-test-util.h"

G_BEGIN_DECLS

typedef enum {
  TL_TEST_SOURCE_CBS,        /* sample 000's own timestamps; 29.97 DF, timecode from 00:59:58;00 */
  TL_TEST_SOURCE_BBC,        /* sample 001's takeaways; 24 fps */
  TL_TEST_SOURCE_CBC,        /* sample 002's transcript; 23.976 */
  TL_TEST_SOURCE_FIRSTPOST,  /* sample 003, first half; 50 fps, timecode from 10:00:00:00 */
  TL_TEST_SOURCE_VANTAGE,    /* sample 003, second half; 59.94 DF */
  TL_TEST_SOURCE_HOSTILE,    /* hand-made SRT of hostile text; 25 fps */
  TL_TEST_SOURCE_OVERLAP,    /* hand-made SRT, overlapping cues out of order; 30 fps */
  TL_TEST_SOURCE_NO_MEDIA,   /* hand-made SRT without media: the default rate */
  TL_TEST_SOURCE_AUDIO,      /* hand-made SRT with a WAV: no frame rate either */
  TL_TEST_SOURCE_ARTICLE,    /* sample 004 as an article: its clips are quotes */
  TL_TEST_N_SOURCES
} TlTestSource;

typedef struct {
  char *dir;
  char *path;
  TlLibrary *library;
  gint64 sources[TL_TEST_N_SOURCES];
  guint n_clips;
  guint n_quotes;
} TlTestExportLibrary;

/* The hostile strings the clips carry, NULL-terminated. */
extern const char *const tl_test_hostile_titles[];
extern const char *const tl_test_hostile_topics[];

TlTestExportLibrary *tl_test_export_library_new (void);
void tl_test_export_library_free (TlTestExportLibrary *lib);
gint64 tl_test_export_add_clip (TlTestExportLibrary *lib,
                                TlTestSource source,
                                double in,
                                double out,
                                const char *title,
                                const char *note,
                                guint rating,
                                const char *const *topics);
TlExportContext *tl_test_export_context (TlTestExportLibrary *lib,
                                         const TlClipFilter *filter,
                                         const TlExportOptions *options);
char *tl_test_export (TlTestExportLibrary *lib,
                      const char *format,
                      const TlClipFilter *filter,
                      const TlExportOptions *options,
                      TlExportStats *stats);
char *tl_test_export_cleaned (const char *original, gboolean one_line);
gboolean tl_test_export_clean_equal (const char *original, const char *exported, gboolean one_line);
char *tl_test_shared_path (const char *relative);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlTestExportLibrary, tl_test_export_library_free)

G_END_DECLS
