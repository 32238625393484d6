/* test-import-ttml.c: the TTML / DFXP importer on hand-made documents. */
#include <string.h>

#include <glib/gstdio.h>

#include "tl-test-import.h"

#define TT_OPEN "<tt xmlns=\"http://www.w3.org/ns/ttml\" " \
  "xmlns:ttp=\"http://www.w3.org/ns/ttml#parameter\" " \
  "xmlns:ttm=\"http://www.w3.org/ns/ttml#metadata\""

static void
test_sniff (void)
{
  const char *ttml = "<?xml version=\"1.0\"?>\n" TT_OPEN "><body/></tt>";
  const char *legacy = "<tt xmlns=\"http://www.w3.org/2006/10/ttaf1\">";
  const char *prefixed = "<tt:tt xmlns:tt=\"http://www.w3.org/ns/ttml\">";
  const char *no_ns = "<tt><body/></tt>";
  const char *other = "<?xml version=\"1.0\"?><html><p>ttml</p></html>";
  const char *ttx = "<ttx about=\"ttml\"/>";
  const TlImporter *ttml_importer = tl_importer_find ("ttml");

  g_assert_nonnull (ttml_importer);
  g_assert_cmpstr (ttml_importer->label, ==, "TTML / DFXP");
  g_assert_cmpuint (ttml_importer->sniff (ttml, strlen (ttml)), ==, 95);
  g_assert_cmpuint (ttml_importer->sniff (legacy, strlen (legacy)), ==, 95);
  g_assert_cmpuint (ttml_importer->sniff (prefixed, strlen (prefixed)), ==, 95);
  g_assert_cmpuint (ttml_importer->sniff (no_ns, strlen (no_ns)), ==, 0);
  g_assert_cmpuint (ttml_importer->sniff (other, strlen (other)), ==, 0);
  g_assert_cmpuint (ttml_importer->sniff (ttx, strlen (ttx)), ==, 0);
  g_assert_true (tl_importer_sniff (ttml, strlen (ttml)) == ttml_importer);
  g_assert_true (tl_importer_sniff (legacy, strlen (legacy)) == ttml_importer);
}

/* Every metric of an offset time, and a bare number. */
static void
test_offset_times (void)
{
  g_autoptr(TlDocument) doc = tl_test_import_ok ("ttml",
    TT_OPEN " ttp:frameRate=\"25\" ttp:tickRate=\"10000000\"><body><div>\n"
    "<p begin=\"0.76s\" end=\"3.45s\">seconds</p>\n"
    "<p begin=\"4000ms\" end=\"4500.5ms\">milliseconds</p>\n"
    "<p begin=\"125f\" end=\"137.5f\">frames</p>\n"
    "<p begin=\"60000000t\" end=\"65000000t\">ticks</p>\n"
    "<p begin=\"0.002h\" end=\"0.125m\">hours and minutes</p>\n"
    "<p begin=\" 8\" end=\"9.25 \">bare</p>\n"
    "</div></body></tt>");

  g_assert_cmpuint (doc->segments->len, ==, 6);
  tl_test_assert_segment_text (doc, 0, 760000, 3450000, "seconds");
  tl_test_assert_segment_text (doc, 1, 4000000, 4500500, "milliseconds");
  tl_test_assert_segment_text (doc, 2, 5000000, 5500000, "frames");
  tl_test_assert_segment_text (doc, 3, 6000000, 6500000, "ticks");
  tl_test_assert_segment_text (doc, 4, 7200000, 7500000, "hours and minutes");
  tl_test_assert_segment_text (doc, 5, 8000000, 9250000, "bare");
  g_assert_cmpint (doc->timing, ==, TL_TIMING_NATIVE);
  g_assert_cmpuint (tl_test_segment (doc, 0)->line, ==, 2);
  g_assert_cmpuint (tl_test_segment (doc, 5)->line, ==, 7);
  g_assert_cmpuint (doc->warnings->len, ==, 0);
}

/* Clock times with fractions, without, and with frames and sub-frames
 * under the default media time base. */
static void
test_clock_times (void)
{
  g_autoptr(TlDocument) doc = tl_test_import_ok ("ttml",
    TT_OPEN " ttp:frameRate=\"25\" ttp:subFrameRate=\"2\"><body>\n"
    "<p begin=\"00:00:01.5\" end=\"00:00:02.250\">fraction</p>\n"
    "<p begin=\"00:01:03\" end=\"01:00:00\">whole</p>\n"
    "<p begin=\"00:02:00:12\" end=\"00:02:00:12.1\">frames</p>\n"
    "<p begin=\"125:00:00.000\" end=\"125:00:01.001\">many hours</p>\n"
    "</body></tt>");

  g_assert_cmpuint (doc->segments->len, ==, 4);
  tl_test_assert_segment_text (doc, 0, 1500000, 2250000, "fraction");
  tl_test_assert_segment_text (doc, 1, 63000000, 3600000000, "whole");
  tl_test_assert_segment_text (doc, 2, 120480000, 120500000, "frames");
  tl_test_assert_segment_text (doc, 3, G_GINT64_CONSTANT (450000000000), G_GINT64_CONSTANT (450001001000),
                               "many hours");
}

/* 29.97 fps: frame rate 30 with multiplier 1000/1001. */
static void
test_frame_rate_multiplier (void)
{
  g_autoptr(TlDocument) smpte = tl_test_import_ok ("ttml",
    TT_OPEN " ttp:timeBase=\"smpte\" ttp:frameRate=\"30\" ttp:frameRateMultiplier=\"1000 1001\">\n"
    "<body>\n"
    "<p begin=\"00:00:10:15\" end=\"00:00:12:00\">time code</p>\n"
    "<p begin=\"00:00:20.5\" end=\"700f\">fraction and frames</p>\n"
    "<p begin=\"1t\" end=\"3t\">ticks default to frames</p>\n"
    "</body></tt>");
  g_autoptr(TlDocument) media = tl_test_import_ok ("ttml",
    TT_OPEN " ttp:frameRate=\"30\" ttp:frameRateMultiplier=\"1000 1001\"><body>\n"
    "<p begin=\"00:00:10:15\" end=\"00:00:12:00\">media time</p>\n"
    "</body></tt>");
  g_autoptr(TlDocument) drop = tl_test_import_ok ("ttml",
    TT_OPEN " ttp:timeBase=\"smpte\" ttp:frameRate=\"30\" ttp:frameRateMultiplier=\"1000 1001\""
    " ttp:dropMode=\"dropNTSC\"><body>\n"
    "<p begin=\"00:01:00:02\" end=\"00:10:00:00\">drop frame</p>\n"
    "</body></tt>");
  g_autoptr(TlDocument) colon = tl_test_import_ok ("ttml",
    TT_OPEN " ttp:timeBase=\"smpte\" ttp:frameRate=\"25\" ttp:frameRateMultiplier=\"1:1\"><body>\n"
    "<p begin=\"00:00:01:00\" end=\"00:02:33:11\">pal</p>\n"
    "</body></tt>");

  /* ticks default to frames: one is 1001/30000 s */
  g_assert_cmpuint (smpte->segments->len, ==, 3);
  tl_test_assert_segment_text (smpte, 0, 33367, 100100, "ticks default to frames");
  /* 315 frames counted at 29.97: 315 × 1001 / 30000 s */
  tl_test_assert_segment_text (smpte, 1, 10510500, 12012000, "time code");
  /* a decimal fraction is clock seconds even under the smpte time base */
  tl_test_assert_segment_text (smpte, 2, 20500000, 23356667, "fraction and frames");
  /* same code under the media time base: seconds, then frames */
  tl_test_assert_segment_text (media, 0, 10500500, 12000000, "media time");
  /* 1802 − 2 dropped = 1800 frames; 18000 − 18 = 17982 frames */
  tl_test_assert_segment_text (drop, 0, 60060000, 599999400, "drop frame");
  tl_test_assert_segment_text (colon, 0, 1000000, 153440000, "pal");
}

/* begin on <body> and <div>s offsets what they hold (par containers); a
 * <p> without times lasts as long as its parent; dur counts from begin. */
static void
test_time_containment (void)
{
  g_autoptr(TlDocument) doc = tl_test_import_ok ("ttml",
    TT_OPEN "><body begin=\"10s\">\n"
    "<div begin=\"5s\">\n"
    "  <p begin=\"1s\" end=\"2s\">nested offsets</p>\n"
    "  <p begin=\"3s\" dur=\"1.5s\">duration</p>\n"
    "  <p begin=\"5s\" end=\"9s\" dur=\"2s\">end and dur: the earlier</p>\n"
    "  <div begin=\"20s\" end=\"22s\">\n"
    "    <p>whole div</p>\n"
    "    <p begin=\"500ms\">to the div's end</p>\n"
    "  </div>\n"
    "</div>\n"
    "<div begin=\"100s\" timeContainer=\"seq\">\n"
    "  <p dur=\"2s\">first in sequence</p>\n"
    "  <p dur=\"3s\">second in sequence</p>\n"
    "  <p begin=\"1s\" dur=\"1s\">after a pause</p>\n"
    "</div>\n"
    "<div begin=\"200s\">\n"
    "  <p><span begin=\"1s\" end=\"1.5s\">timed</span> <span begin=\"1.5s\" end=\"2.25s\">words</span></p>\n"
    "</div>\n"
    "</body></tt>");

  g_assert_cmpuint (doc->segments->len, ==, 9);
  tl_test_assert_segment_text (doc, 0, 16000000, 17000000, "nested offsets");
  tl_test_assert_segment_text (doc, 1, 18000000, 19500000, "duration");
  tl_test_assert_segment_text (doc, 2, 20000000, 22000000, "end and dur: the earlier");
  tl_test_assert_segment_text (doc, 3, 35000000, 37000000, "whole div");
  tl_test_assert_segment_text (doc, 4, 35500000, 37000000, "to the div's end");
  tl_test_assert_segment_text (doc, 5, 110000000, 112000000, "first in sequence");
  tl_test_assert_segment_text (doc, 6, 112000000, 115000000, "second in sequence");
  tl_test_assert_segment_text (doc, 7, 116000000, 117000000, "after a pause");
  tl_test_assert_segment_text (doc, 8, 211000000, 212250000, "timed words");
  /* the spans' times are the words' */
  g_assert_cmpuint (tl_test_segment (doc, 8)->n_words, ==, 2);
  {
    const TlDocWord *w = &g_array_index (doc->words, TlDocWord, tl_test_segment (doc, 8)->first_word);
    g_assert_cmpstr (w[0].text, ==, "timed");
    g_assert_cmpint (w[0].start, ==, 211000000);
    g_assert_cmpint (w[0].end, ==, 211500000);
    g_assert_cmpstr (w[1].text, ==, "words");
    g_assert_cmpint (w[1].end, ==, 212250000);
  }
  for (guint i = 0; i < 8; i++)
    g_assert_cmpuint (tl_test_segment (doc, i)->n_words, ==, 0);
}

/* <br/> is a space, spans are text, white space collapses, metadata and
 * animation are no text. */
static void
test_br_span (void)
{
  g_autoptr(TlDocument) doc = tl_test_import_ok ("ttml",
    TT_OPEN "><body><div>\n"
    "<p begin=\"1s\" end=\"2s\">\n"
    "    that the image formed on<br/>\n"
    "    the   Retina<br/>should be <span>in<span>ver</span>ted</span>?\n"
    "</p>\n"
    "<p begin=\"2s\" end=\"3s\">Tom &amp; Jerry<metadata>not said</metadata>"
    "<set begin=\"0s\" tts:color=\"red\" xmlns:tts=\"http://www.w3.org/ns/ttml#styling\"/>"
    "&#160;&lt;again&gt;<![CDATA[ & again]]></p>\n"
    "<p begin=\"3s\" end=\"4s\"></p>\n"
    "</div></body></tt>");

  g_assert_cmpuint (doc->segments->len, ==, 3);
  tl_test_assert_segment_text (doc, 0, 1000000, 2000000, "that the image formed on the Retina should be inverted?");
  /* text that looks like markup goes, as in every importer */
  tl_test_assert_segment_text (doc, 1, 2000000, 3000000, "Tom & Jerry & again");
  /* a timed but empty paragraph is kept, as empty SubRip cues are */
  tl_test_assert_segment_text (doc, 2, 3000000, 4000000, "");
}

static void
test_namespaces (void)
{
  g_autoptr(TlDocument) legacy = tl_test_import_ok ("ttml",
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<tt:tt xmlns:tt=\"http://www.w3.org/2006/10/ttaf1\" "
    "xmlns:ttp=\"http://www.w3.org/2006/10/ttaf1#parameter\" ttp:frameRate=\"25\" ttp:timeBase=\"smpte\">\n"
    "<tt:body><tt:div>\n"
    "<tt:p begin=\"00:00:01:05\" end=\"00:00:02:00\">MAN:<tt:br/>How did we <tt:span>end up</tt:span> here?</tt:p>\n"
    "</tt:div></tt:body></tt:tt>");
  g_autoptr(TlDocument) april = tl_test_import_ok ("ttml",
    "<tt xmlns=\"http://www.w3.org/2006/04/ttaf1\" xml:lang=\"en\">\n"
    "<body><div><p begin=\"0.5s\" end=\"1s\">draft</p></div></body></tt>");
  g_autoptr(TlDocument) undeclared = tl_test_import_ok ("ttml",
    TT_OPEN "><body><div>\n"
    "<p begin=\"1s\" end=\"2s\">broken<tt:br/>prefix</p>\n"
    "</div></body></tt>");

  tl_test_assert_segment_text (legacy, 0, 1200000, 2000000, "MAN: How did we end up here?");
  tl_test_assert_segment_text (april, 0, 500000, 1000000, "draft");
  g_assert_cmpstr (april->language, ==, "en");
  /* libxml2 accepts an undeclared prefix; the element is still a <br> */
  tl_test_assert_segment_text (undeclared, 0, 1000000, 2000000, "broken prefix");
}

static void
test_metadata (void)
{
  g_autoptr(TlDocument) doc = tl_test_import_ok ("ttml",
    TT_OPEN " xml:lang=\"fr-FR\">\n"
    "<head><metadata>\n"
    "  <ttm:title>  Le  titre </ttm:title>\n"
    "  <ttm:desc>Une description</ttm:desc>\n"
    "  <ttm:agent xml:id=\"a1\" type=\"person\">\n"
    "    <ttm:name type=\"alias\">Ann</ttm:name><ttm:name type=\"full\">Ann Smith</ttm:name>\n"
    "  </ttm:agent>\n"
    "  <ttm:agent xml:id=\"a2\" type=\"person\"><ttm:name type=\"family\">Jones</ttm:name></ttm:agent>\n"
    "  <ttm:agent xml:id=\"a3\" type=\"other\"/>\n"
    "</metadata>\n"
    "<styling><style xml:id=\"s1\"><metadata><ttm:title>style title</ttm:title></metadata></style></styling>\n"
    "</head>\n"
    "<body><div ttm:agent=\"a2\">\n"
    "  <p begin=\"1s\" end=\"2s\" ttm:agent=\"a1 a2\">full name</p>\n"
    "  <p begin=\"2s\" end=\"3s\">inherited from the div</p>\n"
    "  <p begin=\"3s\" end=\"4s\" ttm:agent=\"a3\">agent without a name</p>\n"
    "  <p begin=\"4s\" end=\"5s\" ttm:agent=\"ghost\">undeclared agent</p>\n"
    "</div><div>\n"
    "  <p begin=\"5s\" end=\"6s\"><span ttm:agent=\"a1\">from a span</span></p>\n"
    "  <p begin=\"6s\" end=\"7s\">nobody</p>\n"
    "</div></body></tt>");
  g_autoptr(TlDocument) ebu = tl_test_import_ok ("ttml",
    "<tt:tt xmlns:tt=\"http://www.w3.org/ns/ttml\" xmlns:ebuttm=\"urn:ebu:tt:metadata\" xml:lang=\"\">\n"
    "<tt:head><tt:metadata><ebuttm:documentMetadata>\n"
    "  <ebuttm:documentEbuttVersion>v1.0</ebuttm:documentEbuttVersion>\n"
    "  <ebuttm:documentOriginalProgrammeTitle>News at Six</ebuttm:documentOriginalProgrammeTitle>\n"
    "</ebuttm:documentMetadata></tt:metadata></tt:head>\n"
    "<tt:body><tt:div><tt:p xml:id=\"s1\" begin=\"00:00:01.000\" end=\"00:00:02.000\">"
    "<tt:span style=\"a\">Good</tt:span><tt:br/><tt:span style=\"b\">evening.</tt:span></tt:p>"
    "</tt:div></tt:body></tt:tt>");

  g_assert_cmpstr (doc->title, ==, "Le titre");
  g_assert_cmpstr (doc->description, ==, "Une description");
  g_assert_cmpstr (doc->language, ==, "fr-FR");
  g_assert_cmpuint (doc->segments->len, ==, 6);
  g_assert_cmpstr (tl_test_segment (doc, 0)->speaker, ==, "Ann Smith");
  g_assert_cmpstr (tl_test_segment (doc, 1)->speaker, ==, "Jones");
  g_assert_cmpstr (tl_test_segment (doc, 2)->speaker, ==, "a3");
  g_assert_cmpstr (tl_test_segment (doc, 3)->speaker, ==, "ghost");
  g_assert_cmpstr (tl_test_segment (doc, 4)->speaker, ==, "Ann Smith");
  g_assert_null (tl_test_segment (doc, 5)->speaker);

  g_assert_cmpstr (ebu->title, ==, "News at Six");
  g_assert_null (ebu->language);
  tl_test_assert_segment_text (ebu, 0, 1000000, 2000000, "Good evening.");
}

static void
test_malformed (void)
{
  tl_test_assert_import_fails (NULL,
                               TT_OPEN "><body><div>\n"
                               "<p begin=\"1s\" end=\"2s\">one</p>\n"
                               "<p begin=\"2s\" end=\"3s\">two\n"
                               "</div>\n"
                               "</body></tt>", 4,
                               "Malformed XML: Opening and ending tag mismatch: p line 3 and div");
  tl_test_assert_import_fails (NULL, TT_OPEN "><body>\n<div>\n<p begin=\"1s\">cut short", 3,
                               "Malformed XML: Premature end of data in tag p line 3");
  tl_test_assert_import_fails (NULL, TT_OPEN "><body><p begin=\"1s\" end=\"2s\">A &nbsp; B</p></body></tt>", 1,
                               "Malformed XML: Entity 'nbsp' not defined");
  tl_test_assert_import_fails ("ttml", "<html xmlns=\"http://www.w3.org/ns/ttml\">\n<p>x</p></html>", 1,
                               "Not a TTML document: the root element is <html>, not <tt>");
  tl_test_assert_import_fails (NULL, TT_OPEN ">\n<head/>\n</tt>", 1, "The TTML document has no <body>");
  tl_test_assert_import_fails (NULL, TT_OPEN ">\n<body>\n<div/>\n</body>\n</tt>", 2,
                               "The TTML body holds no <p> paragraphs");
}

/* A time that cannot be read costs its paragraph, with a warning. */
static void
test_bad_times (void)
{
  g_autoptr(TlDocument) doc = tl_test_import_ok ("ttml",
    TT_OPEN "><body><div>\n"
    "<p begin=\"1s\" end=\"2s\">kept</p>\n"
    "<p begin=\"soon\" end=\"3s\">bad begin</p>\n"
    "<p begin=\"3s\" end=\"-4s\">negative end</p>\n"
    "<p begin=\"4s\" dur=\"5x\">bad unit</p>\n"
    "<p begin=\"3s\" end=\"2s\">backwards</p>\n"
    "</div></body></tt>");

  g_assert_cmpuint (doc->segments->len, ==, 1);
  tl_test_assert_segment_text (doc, 0, 1000000, 2000000, "kept");
  g_assert_cmpuint (doc->warnings->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 0), ==,
                   "line 3: begin time “soon” not understood; <p> left out");
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 1), ==,
                   "line 4: end time “-4s” not understood; <p> left out");
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 2), ==,
                   "line 5: dur time “5x” not understood; <p> left out");
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 3), ==,
                   "line 6: end time before start time; line left out");
}

/* A body whose time cannot be read still holds its paragraphs. */
static void
test_bad_body_time (void)
{
  g_autoptr(TlDocument) doc = tl_test_import_ok ("ttml",
    TT_OPEN ">\n<body begin=\"later\"><div begin=\"1s\">\n"
    "<p begin=\"1s\" end=\"2s\">still here</p>\n"
    "</div></body></tt>");

  g_assert_cmpuint (doc->segments->len, ==, 1);
  tl_test_assert_segment_text (doc, 0, 2000000, 3000000, "still here");
  g_assert_cmpuint (doc->warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 0), ==,
                   "line 2: begin time “later” not understood; <body> times ignored");
}

static void
test_untimed (void)
{
  g_autoptr(TlDocument) untimed = tl_test_import_ok ("ttml",
    TT_OPEN "><body><div>\n<p>first</p>\n<p>second</p>\n<p> </p>\n</div></body></tt>");
  g_autoptr(TlDocument) mixed = tl_test_import_ok ("ttml",
    TT_OPEN "><body><div>\n<p>station logo</p>\n<p begin=\"1s\" end=\"2s\">said</p>\n</div></body></tt>");

  /* no times anywhere: a transcript without times, blank lines dropped */
  g_assert_cmpuint (untimed->segments->len, ==, 2);
  tl_test_assert_segment_text (untimed, 0, TL_TIME_NONE, TL_TIME_NONE, "first");
  tl_test_assert_segment_text (untimed, 1, TL_TIME_NONE, TL_TIME_NONE, "second");
  g_assert_cmpint (untimed->timing, ==, TL_TIMING_NONE);

  g_assert_cmpuint (mixed->segments->len, ==, 1);
  tl_test_assert_segment_text (mixed, 0, 1000000, 2000000, "said");
  g_assert_cmpuint (mixed->warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (mixed->warnings, 0), ==,
                   "line 2: paragraph without times among timed ones left out");
}

/* The text arrives as UTF-8 whatever the declaration says. */
static void
test_declared_encoding (void)
{
  g_autoptr(TlDocument) doc = tl_test_import_ok ("ttml",
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
    TT_OPEN "><body><p begin=\"1s\" end=\"2s\">déjà vu ♪</p></body></tt>");

  tl_test_assert_segment_text (doc, 0, 1000000, 2000000, "déjà vu ♪");
}

/* External entities are never loaded; internal ones are text. */
static void
test_entities (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tagline-ttml-XXXXXX", NULL);
  g_autofree char *secret = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(TlDocument) doc = NULL;

  g_assert_nonnull (dir);
  g_assert_true (g_file_set_contents (secret, "SECRET", -1, NULL));
  text = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                          "<!DOCTYPE tt [\n"
                          "  <!ENTITY secret SYSTEM \"file://%s\">\n"
                          "  <!ENTITY show \"Tagline&#160;Show\">\n"
                          "]>\n"
                          TT_OPEN "><body>\n"
                          "<p begin=\"1s\" end=\"2s\">leak: &secret;.</p>\n"
                          "<p begin=\"2s\" end=\"3s\">&show;!</p>\n"
                          "</body></tt>", secret);
  doc = tl_test_import_ok ("ttml", text);
  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment_text (doc, 0, 1000000, 2000000, "leak: .");
  tl_test_assert_segment_text (doc, 1, 2000000, 3000000, "Tagline Show!");
  g_assert_null (strstr (tl_test_segment (doc, 0)->text, "SECRET"));
  g_unlink (secret);
  g_rmdir (dir);
}

/* Hours past what 64 bits of microseconds hold were converted from a
 * double out of range (undefined) and stored as garbage; such a <p> is
 * left out, with its line, as is one a seq container pushes past the bound. */
static void
test_time_overflow (void)
{
  g_autoptr(TlDocument) doc = tl_test_import_ok ("ttml",
    TT_OPEN ">\n<body><div>\n"
    "<p begin=\"99999999999h\" end=\"99999999999h\">never</p>\n"
    "<p begin=\"1s\" end=\"2s\">kept</p>\n"
    "<p begin=\"3s\" end=\"99999999999999999999999s\">too late</p>\n"
    "</div>\n"
    "<div timeContainer=\"seq\">\n"
    "<p dur=\"6000h\">long</p>\n"
    "<p dur=\"6000h\">pushed past</p>\n"
    "</div></body></tt>");

  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment_text (doc, 0, 0, G_GINT64_CONSTANT (6000) * 3600 * 1000000, "long");
  tl_test_assert_segment_text (doc, 1, 1000000, 2000000, "kept");
  tl_test_assert_warnings (doc,
                           "line 3: begin time “99999999999h” is past 10000 hours; <p> left out",
                           "line 5: end time “99999999999999999999999s” is past 10000 hours; <p> left out",
                           "line 9: end time “43200000s” is past 10000 hours; <p> left out",
                           NULL);
}

/* The importer walks the tree by recursion; libxml2 refuses to nest past
 * 256 levels, and the message says so without libxml2's advice to set a
 * parser option. */
static void
test_nested_too_deep (void)
{
  g_autoptr(GString) ttml = g_string_new (TT_OPEN ">\n<body><div>\n<p begin=\"1s\" end=\"2s\">");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (ttml, "<span>");
  g_string_append_c (ttml, 'x');
  for (guint i = 0; i < 100000; i++)
    g_string_append (ttml, "</span>");
  g_string_append (ttml, "</p></div></body></tt>\n");
  error = tl_test_import_error (NULL, ttml->str, 3);
  g_assert_cmpstr (error->message, ==, "Nested more than 256 levels deep: not a transcript");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/import/ttml/sniff", test_sniff);
  g_test_add_func ("/core/import/ttml/offset-times", test_offset_times);
  g_test_add_func ("/core/import/ttml/clock-times", test_clock_times);
  g_test_add_func ("/core/import/ttml/frame-rate-multiplier", test_frame_rate_multiplier);
  g_test_add_func ("/core/import/ttml/time-containment", test_time_containment);
  g_test_add_func ("/core/import/ttml/br-span", test_br_span);
  g_test_add_func ("/core/import/ttml/namespaces", test_namespaces);
  g_test_add_func ("/core/import/ttml/metadata", test_metadata);
  g_test_add_func ("/core/import/ttml/malformed", test_malformed);
  g_test_add_func ("/core/import/ttml/bad-times", test_bad_times);
  g_test_add_func ("/core/import/ttml/bad-body-time", test_bad_body_time);
  g_test_add_func ("/core/import/ttml/untimed", test_untimed);
  g_test_add_func ("/core/import/ttml/declared-encoding", test_declared_encoding);
  g_test_add_func ("/core/import/ttml/entities", test_entities);
  g_test_add_func ("/core/import/ttml/time-overflow", test_time_overflow);
  g_test_add_func ("/core/import/ttml/nested-too-deep", test_nested_too_deep);
  return g_test_run ();
}
