/* test-file-name.c: file names from hostile titles and topics are valid,
 * readable and never take an existing file's name. */
#include <string.h>
#include <unistd.h>

#include "tl-file-name.h"
#include "tl-test-util.h"

/* What every name must be, whatever it was made from. */
static void
assert_safe (const char *name, gsize max_bytes)
{
  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_cmpuint (strlen (name), <=, max_bytes);
  g_assert_null (strpbrk (name, "/\\:*?\"<>|"));
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_assert_false (g_unichar_iscntrl (c));
      g_assert_true (c == 0x200c || c == 0x200d || g_unichar_type (c) != G_UNICODE_FORMAT);
    }
  g_assert_true (name[0] != '.' && name[0] != '-' && name[0] != ' ');
  if (*name)
    g_assert_true (name[strlen (name) - 1] != '.' && name[strlen (name) - 1] != ' ');
}

static void
test_readable (void)
{
  static const struct {
    const char *text;
    const char *name;
  } cases[] = {
    { "Summit opening - Economy", "Summit opening - Economy" },
    { "Pay/Tax: who \"wins\"?", "Pay-Tax- who 'wins'_" },
    { "<&\"> and </asset-clip>", "_&'_ and _-asset-clip_" },
    { "Line one\nLine two\r\n\tthree", "Line one Line two three" },
    { "  ..hidden. ", "hidden" },
    { "-rf everything", "rf everything" },
    { "Bell\a, escape\x1b", "Bell, escape" },
    { "Emoji 🎉👍🏽 family 👩‍👩‍👧", "Emoji 🎉👍🏽 family 👩‍👩‍👧" },
    { "עברית ושלום, مرحبا بالعالم", "עברית ושלום, مرحبا بالعالم" },
    /* a right-to-left override would show "photoexe.jpg" */
    { "photo\u202Egpj.exe", "photogpj.exe" },
    { "cafe\u0301", "caf\u00e9" },
    { "CON", "CON_" },
    { "nul.txt", "nul_.txt" },
    { "COM1", "COM_1" },
    { "CONSOLE", "CONSOLE" },
    { "non\u00a0breaking\u2003spaces", "non breaking spaces" },
    { "\xff\xfe broken bytes", "\xef\xbf\xbd\xef\xbf\xbd broken bytes" },
    { "...", "" },
    { NULL, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = tl_file_name_from_text (cases[i].text, TL_FILE_NAME_MAX_STEM);
      g_assert_cmpstr (name, ==, cases[i].name);
      assert_safe (name, TL_FILE_NAME_MAX_STEM);
    }
}

/* Long text is cut at a character boundary that does not part an emoji
 * sequence or a letter from its accent. */
static void
test_long (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *name = NULL;

  for (guint i = 0; i < 60; i++)
    g_string_append (text, "A long title, with words ");
  name = tl_file_name_from_text (text->str, TL_FILE_NAME_MAX_STEM);
  assert_safe (name, TL_FILE_NAME_MAX_STEM);
  g_assert_cmpuint (strlen (name), >=, TL_FILE_NAME_MAX_STEM - 10);
  g_assert_true (g_str_has_prefix (text->str, name));

  for (gsize max = 1; max < 40; max++)
    {
      g_autofree char *family = tl_file_name_from_text ("ab 👩‍👩‍👧👩‍👩‍👧 e\u0301e\u0301", max);
      assert_safe (family, max);
      g_assert_true (g_str_has_prefix ("ab 👩‍👩‍👧👩‍👩‍👧 e\u0301e\u0301", family));
      /* never a lone part of the family or an accent without its letter */
      g_assert_false (g_str_has_suffix (family, "\u200d"));
      if (strlen (family) > 3)
        g_assert_true (strcmp (family, "ab 👩‍👩‍👧") == 0 || strcmp (family, "ab 👩‍👩‍👧👩‍👩‍👧") == 0
                       || g_str_has_suffix (family, "e\u0301"));
    }
}

static void
test_unique (void)
{
  g_autofree char *dir = tl_test_tmpdir_new ();
  g_autoptr(GHashTable) taken = tl_file_name_taken_new ();
  g_autofree char *existing = g_build_filename (dir, "Clip.webm", NULL);
  g_autofree char *link = g_build_filename (dir, "Clip (2).webm", NULL);
  g_autofree char *first = NULL, *second = NULL, *third = NULL, *other = NULL;

  g_assert_true (g_file_set_contents (existing, "", 0, NULL));
  /* a broken link still holds its name */
  g_assert_cmpint (symlink ("nowhere", link), ==, 0);

  first = tl_file_name_unique (dir, "Clip", "webm", taken);
  g_assert_true (g_str_has_suffix (first, "/Clip (3).webm"));
  /* names given but not yet written are taken too, in any case */
  second = tl_file_name_unique (dir, "clip (3)", "webm", taken);
  g_assert_true (g_str_has_suffix (second, "/clip (3) (2).webm"));
  third = tl_file_name_unique (dir, "Clip", "webm", taken);
  g_assert_true (g_str_has_suffix (third, "/Clip (4).webm"));
  other = tl_file_name_unique (dir, "Clip", "mkv", NULL);
  g_assert_true (g_str_has_suffix (other, "/Clip.mkv"));
  tl_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/file-name/readable", test_readable);
  g_test_add_func ("/core/file-name/long", test_long);
  g_test_add_func ("/core/file-name/unique", test_unique);
  return g_test_run ();
}
