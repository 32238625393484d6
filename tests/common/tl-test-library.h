/* tl-test-library.h: the libraries the library's tests start from, shared
 * by the tests through the API (tests/core/test-library*.c) and those that
 * look into the SQLite file (tests/core/store/test-sqlite-*.c), so that
 * both suites assert on the same rows. */
#pragma once

#include "tl-library.h"

G_BEGIN_DECLS

/* Four cues over 15 s, the last one "[Music]". */
extern const char *const tl_test_srt_text;

/* Imports TEXT (any shape tl_import_bytes() reads) as if from ORIGIN. */
gint64 tl_test_import_text (TlLibrary *library, const char *text, const char *origin, GError **error);

/* An empty library in a folder that does not exist yet. */
typedef struct {
  char *dir;
  char *path;
  TlLibrary *library;
} TlTestLibrary;

void tl_test_library_set_up (TlTestLibrary *f, gconstpointer data);
void tl_test_library_tear_down (TlTestLibrary *f, gconstpointer data);

/* A library to edit: a timed transcript in News/Summit, an article, two
 * topics and one clip. */
typedef struct {
  char *dir;
  char *path;
  TlLibrary *library;
  gint64 source;     /* a timed transcript, 15 s */
  gint64 article;
  gint64 weapons;    /* topic, key 1 */
  gint64 diplomacy;  /* topic, key 2 */
  gint64 clip;       /* 4–12 s, Weapons, rated 2, noted "first note" */
} TlTestEditLibrary;

void tl_test_edit_library_set_up (TlTestEditLibrary *f, gconstpointer data);
void tl_test_edit_library_tear_down (TlTestEditLibrary *f, gconstpointer data);
TlClip *tl_test_edit_library_get_clip (TlTestEditLibrary *f);
/* The label the next undo (or redo) would take is EXPECTED (NULL: none). */
void tl_test_assert_next_step (TlLibrary *library, gboolean redo, const char *expected);
/* Undoes one step, which must be EXPECTED_LABEL and of a kind the window names. */
void tl_test_assert_undo (TlLibrary *library, const char *expected_label);

/* A library with one source and a stand-in media file for its waveform. */
typedef struct {
  char *dir;
  char *media;
  TlLibrary *library;
  gint64 source_id;
} TlTestWaveformLibrary;

void tl_test_waveform_library_set_up (TlTestWaveformLibrary *f, gconstpointer data);
void tl_test_waveform_library_tear_down (TlTestWaveformLibrary *f, gconstpointer data);
GBytes *tl_test_some_peaks (void);

G_END_DECLS
