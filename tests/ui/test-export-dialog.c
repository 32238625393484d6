/* test-export-dialog.c: the export dialog previews the chosen format and
 * writes the chosen clips, under Xvfb, on a real library file. */
#include <adwaita.h>
#include <string.h>

#include "tl-export-dialog.h"
#include "tl-import.h"
#include "tl-test-util.h"

static void
spin_until (gboolean *flag, guint msec)
{
  gint64 until = g_get_monotonic_time () + msec * 1000;

  while ((flag == NULL || !*flag) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
file_written (const char *path)
{
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  spin_until (NULL, 100);
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_preview_and_export (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *out = g_build_filename (dir, "cut.fcpxml", NULL);
  g_autofree char *sample = tl_test_sample_named ("000_");
  g_autofree char *article = tl_test_sample_named ("004_");
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlLibrary) library = tl_library_open (path, &error);
  g_autoptr(TlDocument) doc = tl_import_file (sample, NULL, NULL, &error);
  g_autoptr(TlDocument) quote = tl_import_file (article, NULL, NULL, &error);
  const char *topics[] = { "Weapons", NULL };
  TlClipSpec spec = { 0, 44240000, 55360000, -1, -1, "Arms <&> \"talk\"", NULL, 3, topics };
  TlClipSpec second = { 0, 60000000, 66000000, -1, -1, NULL, NULL, 0, topics };
  TlClipSpec quote_spec = { 0, -1, -1, 2, 3, NULL, NULL, 0, topics };
  TlExportDialog *dialog;

  g_assert_no_error (error);
  spec.source_id = tl_library_add_document (library, doc, NULL, &error);
  quote_spec.source_id = tl_library_add_document (library, quote, NULL, &error);
  g_object_unref (tl_library_add_topic (library, "Weapons", 1, NULL, &error));
  tl_library_add_clip (library, &spec, &error);
  tl_library_add_clip (library, &quote_spec, &error);
  second.source_id = spec.source_id;
  tl_library_add_clip (library, &second, &error);
  g_assert_no_error (error);

  dialog = tl_export_dialog_new (NULL, library, NULL);
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));

  /* CSV holds them all, the quote too */
  g_assert_cmpuint (tl_export_dialog_get_n_clips (dialog), ==, 3);
  g_assert_cmpstr (tl_export_dialog_get_summary (dialog), ==, "3 clips");
  g_assert_true (g_str_has_prefix (tl_export_dialog_get_preview (dialog), "source_id,source,"));

  tl_export_dialog_set_format (dialog, "fcpxml");
  g_assert_cmpuint (tl_export_dialog_get_n_clips (dialog), ==, 2);
  /* each count with its own plural */
  g_assert_cmpstr (tl_export_dialog_get_summary (dialog), ==,
                   "2 clips; 1 quote left out (this format needs times); 2 without a frame rate of their own, "
                   "counted at 25 fps");
  g_assert_true (g_str_has_prefix (tl_export_dialog_get_preview (dialog), "<?xml"));
  tl_export_dialog_set_format (dialog, "edl");
  g_assert_true (g_str_has_prefix (tl_export_dialog_get_preview (dialog), "TITLE: Tagline export"));

  tl_export_dialog_set_format (dialog, "fcpxml");
  tl_export_dialog_export_to (dialog, out);
  g_assert_true (file_written (out));
  /* done, the dialog went away (GTK emits "destroy" only at dispose) */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_nonnull (strstr (written, "<fcpxml version=\"1.10\">"));
  g_assert_nonnull (strstr (written, "Arms &lt;&amp;&gt; &quot;talk&quot;"));
  g_object_unref (dialog);
  g_clear_object (&library);
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/export-dialog/no-display", (GTestFunc) (void (*) (void)) g_test_skip);
      return g_test_run ();
    }
  adw_init ();
  g_test_add_func ("/ui/export-dialog/preview-and-export", test_preview_and_export);
  return g_test_run ();
}
