/* test-import-ssa.c: the SubStation Alpha / ASS importer on hand-made scripts. */
#include <string.h>

#include "tl-test-import.h"

static void
test_sniff (void)
{
  const TlImporter *ssa = tl_importer_find ("ssa");
  const char *info = "; made by hand\n[Script Info]\nTitle: x\n";
  const char *lower = "[script info]\n";
  const char *styles = "[V4+ Styles]\nFormat: Name\n";
  const char *events = "[Events]\nFormat: Layer, Start, End, Text\nDialogue: 0,0:00:01.00,0:00:02.00,Hi\n";
  g_autoptr(GString) late = g_string_new (NULL);
  const char *prose = "The [Events] of the day.\n";

  g_assert_nonnull (ssa);
  g_assert_cmpstr (ssa->label, ==, "SubStation Alpha / ASS");
  g_assert_cmpuint (ssa->sniff (info, strlen (info)), ==, 100);
  g_assert_cmpuint (ssa->sniff (lower, strlen (lower)), ==, 100);
  g_assert_cmpuint (ssa->sniff (styles, strlen (styles)), ==, 80);
  g_assert_cmpuint (ssa->sniff (events, strlen (events)), ==, 70);
  g_assert_cmpuint (ssa->sniff (prose, strlen (prose)), ==, 0);
  g_assert_true (tl_importer_sniff (info, strlen (info)) == ssa);
  /* a long preamble of comments makes the header less of a signature */
  while (late->len < 2100)
    g_string_append (late, "; a comment line written by some tool or other\n");
  g_string_append (late, "[Script Info]\n");
  g_assert_cmpuint (ssa->sniff (late->str, late->len), ==, 90);
}

/* SSA v4: Events begin with "Marked"; times are H:MM:SS.cc. */
static void
test_ssa_v4 (void)
{
  g_autoptr(TlDocument) doc = tl_test_import_ok ("ssa",
    "[Script Info]\n"
    "; a comment\n"
    "Title: Hand made\n"
    "ScriptType: v4.00\n"
    "\n"
    "[V4 Styles]\n"
    "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, TertiaryColour, BackColour, "
    "Bold, Italic, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, AlphaLevel, Encoding\n"
    "Style: Default,Arial,20,65535,65535,65535,-2147483640,-1,0,1,3,0,2,30,30,30,0,0\n"
    "\n"
    "[Events]\n"
    "Format: Marked, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
    "Dialogue: Marked=0,0:00:01.50,0:00:04.04,Default,Cher,0000,0000,0000,,Hello there.\n"
    "Dialogue: Marked=1,1:02:03.99,1:02:05.00,*Default,,0000,0000,0000,,Nobody named.\n"
    "Dialogue: Marked=0,0:00:05.5,0:00:06,Default, Bob ,0,0,0,,Short times.\n");

  g_assert_cmpstr (doc->title, ==, "Hand made");
  g_assert_cmpuint (doc->segments->len, ==, 3);
  tl_test_assert_segment (doc, 0, 1500000, 4040000, "Cher", "Hello there.");
  tl_test_assert_segment (doc, 1, 5500000, 6000000, "Bob", "Short times.");
  tl_test_assert_segment (doc, 2, 3723990000, 3725000000, NULL, "Nobody named.");
  g_assert_cmpuint (tl_test_segment (doc, 0)->line, ==, 12);
  g_assert_cmpuint (tl_test_segment (doc, 1)->line, ==, 14);
  g_assert_cmpuint (tl_test_segment (doc, 2)->line, ==, 13);
  g_assert_cmpint (doc->timing, ==, TL_TIMING_NATIVE);
  g_assert_cmpuint (doc->warnings->len, ==, 0);
}

/* The Format line decides where each field is: ASS order, "Actor" for the
 * name, an unusual order, and a script with no Format line at all. */
static void
test_field_orders (void)
{
  g_autoptr(TlDocument) ass = tl_test_import_ok ("ssa",
    "[Script Info]\nScriptType: v4.00+\n\n"
    "[Events]\n"
    "Format: Layer, Start, End, Style, Actor, MarginL, MarginR, MarginV, Effect, Text\n"
    "Dialogue: 0,0:00:01.00,0:00:02.00,Default,Ann,0,0,0,,Layer first.\n");
  g_autoptr(TlDocument) odd = tl_test_import_ok ("ssa",
    "[Script Info]\n\n"
    "[Events]\n"
    "Format: End, Name, Style, Start, Text\n"
    "Dialogue: 0:00:09.00,Zed,Default,0:00:07.25,Odd order.\n");
  g_autoptr(TlDocument) none = tl_test_import_ok ("ssa",
    "[Script Info]\n\n"
    "[Events]\n"
    "Dialogue: 0,0:00:03.00,0:00:04.00,Default,Ann,0,0,0,,No format line.\n");
  g_autoptr(TlDocument) broken = tl_test_import_ok ("ssa",
    "[Script Info]\n\n"
    "[Events]\n"
    "Format: Text, Start, End\n"
    "Dialogue: 0,0:00:03.00,0:00:04.00,Default,Ann,0,0,0,,Usual order assumed.\n");

  tl_test_assert_segment (ass, 0, 1000000, 2000000, "Ann", "Layer first.");
  tl_test_assert_segment (odd, 0, 7250000, 9000000, "Zed", "Odd order.");
  tl_test_assert_segment (none, 0, 3000000, 4000000, "Ann", "No format line.");
  tl_test_assert_segment (broken, 0, 3000000, 4000000, "Ann", "Usual order assumed.");
  g_assert_cmpuint (broken->warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (broken->warnings, 0), ==,
                   "line 4: Format line without Start, End and a last Text field; the usual order assumed");
}

/* Only the first N-1 commas split fields: the text keeps its own. */
static void
test_commas_in_text (void)
{
  g_autoptr(TlDocument) doc = tl_test_import_ok ("ssa",
    "[Script Info]\n\n[Events]\n"
    "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
    "Dialogue: 0,0:00:01.00,0:00:02.00,Default,Ann,0,0,0,,Well, well, well,, then.\n"
    "Dialogue: 0,0:00:02.00,0:00:03.00,Default,,0,0,0,,,leading comma\n");

  tl_test_assert_segment (doc, 0, 1000000, 2000000, "Ann", "Well, well, well,, then.");
  tl_test_assert_segment (doc, 1, 2000000, 3000000, NULL, ",leading comma");
}

/* Override blocks, editor notes in braces, drawings, \N \n \h breaks. */
static void
test_override_tags (void)
{
  g_autoptr(TlDocument) doc = tl_test_import_ok ("ssa",
    "[Script Info]\n\n[Events]\n"
    "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
    "Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,{\\pos(400,570)}(deep rumbling)\n"
    "Dialogue: 0,0:00:02.00,0:00:03.00,Default,,0,0,0,,MAN:\\nHow did we {\\i1}end up{\\i0} here?\n"
    "Dialogue: 0,0:00:03.00,0:00:04.00,Default,,0,0,0,,We don't belong\\Nin this\\hplace.\n"
    "Dialogue: 0,0:00:04.00,0:00:05.00,Default,,0,0,0,,{TN: a pun}Kept{\\b1\\fs20} text\n"
    "Dialogue: 0,0:00:05.00,0:00:06.00,Default,,0,0,0,,Sign {\\p1}m 0 0 l 100 0 100 100 0 100{\\p0}reads\n"
    "Dialogue: 0,0:00:06.00,0:00:07.00,Default,,0,0,0,,a {brace never closed\n"
    "Dialogue: 0,0:00:07.00,0:00:08.00,Default,,0,0,0,,<i>html</i> &amp; more\n");

  g_assert_cmpuint (doc->segments->len, ==, 7);
  tl_test_assert_segment (doc, 0, 1000000, 2000000, NULL, "(deep rumbling)");
  g_assert_true (tl_test_segment (doc, 0)->non_speech);
  tl_test_assert_segment (doc, 1, 2000000, 3000000, NULL, "MAN: How did we end up here?");
  tl_test_assert_segment (doc, 2, 3000000, 4000000, NULL, "We don't belong in this place.");
  tl_test_assert_segment (doc, 3, 4000000, 5000000, NULL, "Kept text");
  tl_test_assert_segment (doc, 4, 5000000, 6000000, NULL, "Sign reads");
  tl_test_assert_segment (doc, 5, 6000000, 7000000, NULL, "a {brace never closed");
  tl_test_assert_segment (doc, 6, 7000000, 8000000, NULL, "html & more");
}

/* Comment lines, other event kinds, junk, unknown sections, styles. */
static void
test_skipped_lines (void)
{
  g_autoptr(TlDocument) doc = tl_test_import_ok ("ssa",
    "[Script Info]\n"
    "Title: <untitled>\n"
    "Not understood line\n"
    "\n"
    "[Unknown]\n"
    "Dialogue: 0,0:00:00.00,0:00:01.00,Default,,0,0,0,,in an unknown section\n"
    "\n"
    "[V4+ Styles]\n"
    "Format: Name, Fontname\n"
    "Style: Default,Arial\n"
    "\n"
    "[Events]\n"
    "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
    "; a comment line\n"
    "Comment: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,commented out\n"
    "Dialogue: 0,0:00:02.00,0:00:03.00,Default,,0,0,0,,said\n"
    "Not understood line\n"
    "Picture: 0,0:00:03.00,0:00:04.00,Default,,0,0,0,,logo.png\n"
    "Sound: 0,0:00:03.00,0:00:04.00,Default,,0,0,0,,bang.wav\n"
    "Dialogue: 0,0:00:04.00,0:00:05.00,Default,,0,0,0,,\n"
    "\n"
    "[Aegisub Project Garbage]\n"
    "Active Line: 2\n");

  g_assert_null (doc->title);
  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment (doc, 0, 2000000, 3000000, NULL, "said");
  /* an empty Dialogue is kept, as the file has it */
  tl_test_assert_segment (doc, 1, 4000000, 5000000, NULL, "");
  g_assert_cmpuint (doc->warnings->len, ==, 0);
}

/* [Fonts] and [Graphics] hold UU-encoded files; their lines are data even
 * when they look like events or section headers. */
static void
test_uuencoded_sections (void)
{
  g_autoptr(TlDocument) doc = tl_test_import_ok ("ssa",
    "[Script Info]\n"
    "Title: Default Aegisub file\n"
    "\n"
    "[Fonts]\n"
    "fontname: font_0.ttf\n"
    "!!!!%!\"!!!!$!!!`!!%!(!#0!\"!%5!!%B!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
    "[ABC]\n"
    "Dialogue: 0,0:00:00.00,0:00:09.00,Default,,0,0,0,,not an event\n"
    "\n"
    "[Graphics]\n"
    "filename: logo.png\n"
    "C6\"/2QU+'AI!!!!.35B%5A!!!#!!!!!A#!9!!!\"T?HLU!!!!#8\")78-!!!M4!!!,%Q%!GJQ9!!!!!8.3\n"
    "[V4+ Styles]X\n"
    "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
    "Dialogue: 0,0:00:00.00,0:00:09.00,Default,,0,0,0,,still data\n"
    "MVPA\\?-U.I%?<^]%\"F)\"!SOZU$.T+PY&]-A^EP@I3-U!!!!!356/2+Z#9))\n"
    "\n"
    "[Events]\n"
    "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
    "Dialogue: 0,0:00:00.00,0:00:05.00,Default,,0,0,0,,\n");

  /* Aegisub's placeholder title is no title */
  g_assert_null (doc->title);
  g_assert_cmpuint (doc->segments->len, ==, 1);
  tl_test_assert_segment (doc, 0, 0, 5000000, NULL, "");
  g_assert_cmpuint (tl_test_segment (doc, 0)->line, ==, 20);
}

/* Broken lines cost themselves, with a warning; doubled layers count once. */
static void
test_broken_lines (void)
{
  g_autoptr(TlDocument) doc = tl_test_import_ok ("ssa",
    "[Script Info]\n\n[Events]\n"
    "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
    "Dialogue: 0,0:00:01.00,0:00:02.00,Default\n"
    "Dialogue: 0,soon,0:00:02.00,Default,,0,0,0,,bad start\n"
    "Dialogue: 0,0:00:01.00,0:00:02.00x,Default,,0,0,0,,bad end\n"
    "Dialogue: 0,0:00:03.00,0:00:02.00,Default,,0,0,0,,backwards\n"
    "Dialogue: 0,0:00:04.00,0:00:05.00,Sign,,0,0,0,,{\\bord4}Exit\n"
    "Dialogue: 1,0:00:04.00,0:00:05.00,Sign,,0,0,0,,{\\bord0}Exit\n"
    "Dialogue: 0,0:00:05.00,0:00:06.00,Default,,0,0,0,,Exit\n");

  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment (doc, 0, 4000000, 5000000, NULL, "Exit");
  tl_test_assert_segment (doc, 1, 5000000, 6000000, NULL, "Exit");
  g_assert_cmpuint (doc->warnings->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 0), ==,
                   "line 5: Dialogue line with 4 fields instead of 10 left out");
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 1), ==,
                   "line 6: Dialogue line with a time not understood left out");
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 2), ==,
                   "line 7: Dialogue line with a time not understood left out");
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 3), ==,
                   "line 8: end time before start time; line left out");
}

static void
test_no_events (void)
{
  const char *no_dialogue = "[Script Info]\nTitle: x\n\n[Events]\nFormat: Layer, Start, End, Text\n";
  const char *no_section = "[Script Info]\nTitle: x\n";

  tl_test_assert_import_fails (NULL, no_dialogue, 0, "The [Events] section holds no Dialogue lines");
  tl_test_assert_import_fails (NULL, no_section, 0, "No [Events] section: not a SubStation Alpha file");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/import/ssa/sniff", test_sniff);
  g_test_add_func ("/core/import/ssa/ssa-v4", test_ssa_v4);
  g_test_add_func ("/core/import/ssa/field-orders", test_field_orders);
  g_test_add_func ("/core/import/ssa/commas-in-text", test_commas_in_text);
  g_test_add_func ("/core/import/ssa/override-tags", test_override_tags);
  g_test_add_func ("/core/import/ssa/skipped-lines", test_skipped_lines);
  g_test_add_func ("/core/import/ssa/uuencoded-sections", test_uuencoded_sections);
  g_test_add_func ("/core/import/ssa/broken-lines", test_broken_lines);
  g_test_add_func ("/core/import/ssa/no-events", test_no_events);
  return g_test_run ();
}
