/* tl-test-library.c: the libraries the library's tests start from. */
#include <string.h>

#include "tl-import.h"
#include "tl-test-library.h"
#include "tl-test-util.h"

const char *const tl_test_srt_text =
  "1\n00:00:01,000 --> 00:00:04,000\nThe summit opened with a parade.\n\n"
  "2\n00:00:04,500 --> 00:00:08,250\nAmmunition supplies were discussed.\n\n"
  "3\n00:00:09,000 --> 00:00:12,000\nNorth Korea denied the weapons trade.\n\n"
  "4\n00:00:12,000 --> 00:00:15,000\n[Music]\n";

/* The edit library's transcript: three lines, the last one long. */
static const char *const edit_srt_text =
  "1\n00:00:01,000 --> 00:00:04,000\nThe summit opened with a parade.\n\n"
  "2\n00:00:04,500 --> 00:00:08,250\nAmmunition supplies were discussed.\n\n"
  "3\n00:00:09,000 --> 00:00:15,000\nNorth Korea denied the weapons trade.\n";

gint64
tl_test_import_text (TlLibrary *library, const char *text, const char *origin, GError **error)
{
  g_autoptr(TlDocument) doc = tl_import_bytes (origin, text, strlen (text), NULL, NULL, error);
  TlImportOptions options = { origin, NULL, NULL };

  if (doc == NULL)
    return 0;
  return tl_library_add_document (library, doc, &options, error);
}

void
tl_test_library_set_up (TlTestLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = tl_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "nested", "library.db", NULL);
  f->library = tl_library_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->library);
}

void
tl_test_library_tear_down (TlTestLibrary *f, gconstpointer data)
{
  g_clear_object (&f->library);
  g_free (f->path);
  tl_test_tmpdir_free (f->dir);
}

static gint64
add_to_folder (TlLibrary *library, const char *text, const char *origin, const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_import_bytes (origin, text, strlen (text), NULL, NULL, &error);
  TlImportOptions options = { origin, folder, NULL };
  gint64 id;

  g_assert_no_error (error);
  doc->duration = 15000000;
  id = tl_library_add_document (library, doc, &options, &error);
  g_assert_no_error (error);
  return id;
}

void
tl_test_edit_library_set_up (TlTestEditLibrary *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlTopic) weapons = NULL, diplomacy = NULL;
  g_autofree char *article_path = tl_test_sample_named ("004_");
  g_autoptr(TlDocument) article = NULL;
  const char *topics[] = { "Weapons", NULL };
  TlClipSpec spec = { 0, 4000000, 12000000, -1, -1, NULL, "first note", 2, topics };

  f->dir = tl_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "library.db", NULL);
  f->library = tl_library_open (f->path, &error);
  g_assert_no_error (error);
  f->source = add_to_folder (f->library, edit_srt_text, "/x/summit.srt", "News/Summit");
  article = tl_import_file (article_path, NULL, NULL, &error);
  g_assert_no_error (error);
  f->article = tl_library_add_document (f->library, article, NULL, &error);
  weapons = tl_library_add_topic (f->library, "Weapons", 1, NULL, &error);
  diplomacy = tl_library_add_topic (f->library, "Diplomacy", 2, NULL, &error);
  g_assert_no_error (error);
  f->weapons = tl_topic_get_id (weapons);
  f->diplomacy = tl_topic_get_id (diplomacy);
  spec.source_id = f->source;
  f->clip = tl_library_add_clip (f->library, &spec, &error);
  g_assert_no_error (error);
}

void
tl_test_edit_library_tear_down (TlTestEditLibrary *f, gconstpointer data)
{
  g_clear_object (&f->library);
  g_free (f->path);
  tl_test_tmpdir_free (f->dir);
}

TlClip *
tl_test_edit_library_get_clip (TlTestEditLibrary *f)
{
  g_autoptr(GError) error = NULL;
  TlClip *clip = tl_library_get_clip (f->library, f->clip, &error);

  g_assert_no_error (error);
  return clip;
}

void
tl_test_assert_next_step (TlLibrary *library, gboolean redo, const char *expected)
{
  g_autofree char *label = redo ? tl_library_get_redo_label (library) : tl_library_get_undo_label (library);

  g_assert_cmpstr (label, ==, expected);
}

void
tl_test_assert_undo (TlLibrary *library, const char *expected_label)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  TlEditKind kind = tl_library_get_undo_kind (library);

  /* every step the library makes has a kind the window can name */
  g_assert_cmpint (kind, !=, TL_EDIT_OTHER);
  g_assert_cmpint (kind, ==, tl_edit_kind_from_label (expected_label));
  g_assert_true (tl_library_undo (library, &label, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, expected_label);
  g_assert_cmpint (tl_library_get_redo_kind (library), ==, kind);
}

void
tl_test_waveform_library_set_up (TlTestWaveformLibrary *f, gconstpointer data)
{
  static const char *const one_cue =
    "1\n00:00:01,000 --> 00:00:04,000\nThe summit opened with a parade.\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TlDocument) doc = NULL;
  TlImportOptions options = { "summit.srt", NULL, NULL };

  f->dir = tl_test_tmpdir_new ();
  path = g_build_filename (f->dir, "library.db", NULL);
  f->library = tl_library_open (path, &error);
  g_assert_no_error (error);
  doc = tl_import_bytes ("summit.srt", one_cue, strlen (one_cue), NULL, NULL, &error);
  g_assert_no_error (error);
  f->source_id = tl_library_add_document (f->library, doc, &options, &error);
  g_assert_no_error (error);
  /* the sound itself does not matter here, only the file's size and time */
  f->media = g_build_filename (f->dir, "summit.wav", NULL);
  g_assert_true (g_file_set_contents (f->media, "RIFF....WAVE", -1, NULL));
}

void
tl_test_waveform_library_tear_down (TlTestWaveformLibrary *f, gconstpointer data)
{
  g_clear_object (&f->library);
  g_free (f->media);
  tl_test_tmpdir_free (f->dir);
}

GBytes *
tl_test_some_peaks (void)
{
  static const guint8 peaks[] = { 0, 0, 0xff, 0x7f, 0xff, 0xff, 1, 0 };

  return g_bytes_new_static (peaks, sizeof peaks);
}
