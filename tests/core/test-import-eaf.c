/* test-import-eaf.c: the ELAN importer on hand-made annotation documents. */
#include <string.h>

#include "tl-test-import.h"

#define EAF_OPEN "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<ANNOTATION_DOCUMENT AUTHOR=\"\" DATE=\"2024-01-01T00:00:00+00:00\" FORMAT=\"3.0\" VERSION=\"3.0\">\n" \
  "<HEADER MEDIA_FILE=\"\" TIME_UNITS=\"milliseconds\">\n" \
  "<MEDIA_DESCRIPTOR MEDIA_URL=\"file:///nowhere/interview.wav\" MIME_TYPE=\"audio/x-wav\"/>\n" \
  "</HEADER>\n"

static void
test_sniff (void)
{
  const TlImporter *eaf = tl_importer_find ("eaf");
  const char *doc = EAF_OPEN "</ANNOTATION_DOCUMENT>\n";
  const char *other = "<?xml version=\"1.0\"?>\n<ANNOTATIONS/>\n";

  g_assert_nonnull (eaf);
  g_assert_cmpstr (eaf->label, ==, "ELAN");
  g_assert_cmpuint (eaf->sniff (doc, strlen (doc)), ==, 100);
  g_assert_cmpuint (eaf->sniff (other, strlen (other)), ==, 0);
  g_assert_true (tl_importer_sniff (doc, strlen (doc)) == eaf);
}

/* Two speakers, each on a tier of their own, merged in time order. */
static void
test_two_tiers (void)
{
  g_autoptr(TlDocument) doc = tl_test_import_ok ("eaf",
    EAF_OPEN
    "<TIME_ORDER>\n"
    "  <TIME_SLOT TIME_SLOT_ID=\"ts1\" TIME_VALUE=\"0\"/>\n"
    "  <TIME_SLOT TIME_SLOT_ID=\"ts2\" TIME_VALUE=\"1250\"/>\n"
    "  <TIME_SLOT TIME_SLOT_ID=\"ts3\" TIME_VALUE=\"1500\"/>\n"
    "  <TIME_SLOT TIME_SLOT_ID=\"ts4\" TIME_VALUE=\"3000\"/>\n"
    "  <TIME_SLOT TIME_SLOT_ID=\"ts5\" TIME_VALUE=\"3100\"/>\n"
    "  <TIME_SLOT TIME_SLOT_ID=\"ts6\" TIME_VALUE=\"4000\"/>\n"
    "</TIME_ORDER>\n"
    "<TIER LINGUISTIC_TYPE_REF=\"utterance\" PARTICIPANT=\"Ann\" TIER_ID=\"A\">\n"
    "  <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a1\" TIME_SLOT_REF1=\"ts1\" TIME_SLOT_REF2=\"ts2\">\n"
    "    <ANNOTATION_VALUE>Hello,   how are you?</ANNOTATION_VALUE>\n"
    "  </ALIGNABLE_ANNOTATION></ANNOTATION>\n"
    "  <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a2\" TIME_SLOT_REF1=\"ts4\" TIME_SLOT_REF2=\"ts6\">\n"
    "    <ANNOTATION_VALUE>Good.</ANNOTATION_VALUE>\n"
    "  </ALIGNABLE_ANNOTATION></ANNOTATION>\n"
    "</TIER>\n"
    "<TIER LINGUISTIC_TYPE_REF=\"utterance\" PARTICIPANT=\"Bob\" TIER_ID=\"B\">\n"
    "  <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a3\" TIME_SLOT_REF1=\"ts3\" TIME_SLOT_REF2=\"ts5\">\n"
    "    <ANNOTATION_VALUE>Fine &amp; you?</ANNOTATION_VALUE>\n"
    "  </ALIGNABLE_ANNOTATION></ANNOTATION>\n"
    "</TIER>\n"
    "<TIER LINGUISTIC_TYPE_REF=\"utterance\" TIER_ID=\"Notes\">\n"
    "  <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a4\" TIME_SLOT_REF1=\"ts5\" TIME_SLOT_REF2=\"ts6\">\n"
    "    <ANNOTATION_VALUE>[laughter]</ANNOTATION_VALUE>\n"
    "  </ALIGNABLE_ANNOTATION></ANNOTATION>\n"
    "</TIER>\n"
    "<TIER LINGUISTIC_TYPE_REF=\"utterance\" PARTICIPANT=\"Cy\" TIER_ID=\"C\"/>\n"
    "<LINGUISTIC_TYPE LINGUISTIC_TYPE_ID=\"utterance\" TIME_ALIGNABLE=\"true\"/>\n"
    "</ANNOTATION_DOCUMENT>\n");

  g_assert_cmpuint (doc->segments->len, ==, 4);
  tl_test_assert_segment (doc, 0, 0, 1250000, "Ann", "Hello, how are you?");
  tl_test_assert_segment (doc, 1, 1500000, 3100000, "Bob", "Fine & you?");
  tl_test_assert_segment (doc, 2, 3000000, 4000000, "Ann", "Good.");
  /* no participant: the tier's name stands for the speaker */
  tl_test_assert_segment (doc, 3, 3100000, 4000000, "Notes", "[laughter]");
  g_assert_true (tl_test_segment (doc, 3)->non_speech);
  g_assert_cmpuint (tl_test_segment (doc, 0)->line, ==, 15);
  g_assert_cmpuint (tl_test_segment (doc, 1)->line, ==, 23);
  g_assert_cmpint (doc->timing, ==, TL_TIMING_NATIVE);
  g_assert_cmpuint (doc->warnings->len, ==, 0);
}

/* With a single tier, its id names nobody; its participant does. */
static void
test_single_tier (void)
{
  g_autoptr(TlDocument) anonymous = tl_test_import_ok ("eaf",
    EAF_OPEN
    "<TIME_ORDER><TIME_SLOT TIME_SLOT_ID=\"ts1\" TIME_VALUE=\"100\"/>"
    "<TIME_SLOT TIME_SLOT_ID=\"ts2\" TIME_VALUE=\"200\"/></TIME_ORDER>\n"
    "<TIER LINGUISTIC_TYPE_REF=\"default-lt\" TIER_ID=\"default\">\n"
    "<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a1\" TIME_SLOT_REF1=\"ts1\" TIME_SLOT_REF2=\"ts2\">"
    "<ANNOTATION_VALUE>alone</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n"
    "</TIER>\n"
    "<TIER LINGUISTIC_TYPE_REF=\"default-lt\" TIER_ID=\"empty\"/>\n"
    "</ANNOTATION_DOCUMENT>\n");
  g_autoptr(TlDocument) named = tl_test_import_ok ("eaf",
    EAF_OPEN
    "<TIME_ORDER><TIME_SLOT TIME_SLOT_ID=\"ts1\" TIME_VALUE=\"100\"/>"
    "<TIME_SLOT TIME_SLOT_ID=\"ts2\" TIME_VALUE=\"200\"/></TIME_ORDER>\n"
    "<TIER LINGUISTIC_TYPE_REF=\"default-lt\" PARTICIPANT=\" Dora \" TIER_ID=\"default\">\n"
    "<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a1\" TIME_SLOT_REF1=\"ts1\" TIME_SLOT_REF2=\"ts2\">"
    "<ANNOTATION_VALUE>alone</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n"
    "<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a2\" TIME_SLOT_REF1=\"ts2\" TIME_SLOT_REF2=\"ts2\">"
    "<ANNOTATION_VALUE></ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n"
    "</TIER>\n"
    "</ANNOTATION_DOCUMENT>\n");

  g_assert_cmpuint (anonymous->segments->len, ==, 1);
  tl_test_assert_segment (anonymous, 0, 100000, 200000, NULL, "alone");
  /* empty annotations are kept, like empty cues */
  g_assert_cmpuint (named->segments->len, ==, 2);
  tl_test_assert_segment (named, 0, 100000, 200000, "Dora", "alone");
  tl_test_assert_segment (named, 1, 200000, 200000, "Dora", "");
}

/* Dependent tiers: a REF_ANNOTATION takes the times of what it refers
 * to, through chains; a dangling reference is left out. */
static void
test_ref_annotations (void)
{
  g_autoptr(TlDocument) doc = tl_test_import_ok ("eaf",
    EAF_OPEN
    "<TIME_ORDER>\n"
    "  <TIME_SLOT TIME_SLOT_ID=\"ts1\" TIME_VALUE=\"2000\"/>\n"
    "  <TIME_SLOT TIME_SLOT_ID=\"ts2\" TIME_VALUE=\"3500\"/>\n"
    "</TIME_ORDER>\n"
    "<TIER LINGUISTIC_TYPE_REF=\"gloss\" PARENT_REF=\"Translation\" TIER_ID=\"Gloss\">\n"
    "  <ANNOTATION><REF_ANNOTATION ANNOTATION_ID=\"g1\" ANNOTATION_REF=\"t1\">\n"
    "    <ANNOTATION_VALUE>good-day</ANNOTATION_VALUE>\n"
    "  </REF_ANNOTATION></ANNOTATION>\n"
    "</TIER>\n"
    "<TIER LINGUISTIC_TYPE_REF=\"utterance\" PARTICIPANT=\"Eve\" TIER_ID=\"Eve\">\n"
    "  <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a1\" TIME_SLOT_REF1=\"ts1\" TIME_SLOT_REF2=\"ts2\">\n"
    "    <ANNOTATION_VALUE>Guten Tag</ANNOTATION_VALUE>\n"
    "  </ALIGNABLE_ANNOTATION></ANNOTATION>\n"
    "</TIER>\n"
    "<TIER LINGUISTIC_TYPE_REF=\"translation\" PARENT_REF=\"Eve\" TIER_ID=\"Translation\">\n"
    "  <ANNOTATION><REF_ANNOTATION ANNOTATION_ID=\"t1\" ANNOTATION_REF=\"a1\">\n"
    "    <ANNOTATION_VALUE>Good day</ANNOTATION_VALUE>\n"
    "  </REF_ANNOTATION></ANNOTATION>\n"
    "  <ANNOTATION><REF_ANNOTATION ANNOTATION_ID=\"t2\" ANNOTATION_REF=\"a9\">\n"
    "    <ANNOTATION_VALUE>dangling</ANNOTATION_VALUE>\n"
    "  </REF_ANNOTATION></ANNOTATION>\n"
    "  <ANNOTATION><REF_ANNOTATION ANNOTATION_ID=\"t3\" ANNOTATION_REF=\"t4\">\n"
    "    <ANNOTATION_VALUE>loop one</ANNOTATION_VALUE>\n"
    "  </REF_ANNOTATION></ANNOTATION>\n"
    "  <ANNOTATION><REF_ANNOTATION ANNOTATION_ID=\"t4\" ANNOTATION_REF=\"t3\">\n"
    "    <ANNOTATION_VALUE>loop two</ANNOTATION_VALUE>\n"
    "  </REF_ANNOTATION></ANNOTATION>\n"
    "</TIER>\n"
    "</ANNOTATION_DOCUMENT>\n");

  /* equal starts keep file order: the gloss tier comes first in the file */
  g_assert_cmpuint (doc->segments->len, ==, 3);
  tl_test_assert_segment (doc, 0, 2000000, 3500000, "Gloss", "good-day");
  tl_test_assert_segment (doc, 1, 2000000, 3500000, "Eve", "Guten Tag");
  tl_test_assert_segment (doc, 2, 2000000, 3500000, "Translation", "Good day");
  g_assert_cmpuint (doc->warnings->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 0), ==,
                   "line 24: reference to annotation “a9” that cannot be found; left out");
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 1), ==,
                   "line 27: reference to annotation “t4” that cannot be found; left out");
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 2), ==,
                   "line 30: reference to annotation “t3” that cannot be found; left out");
}

/* Slots without TIME_VALUE sit evenly between their aligned neighbours;
 * before the first aligned slot they count from 0, after the last they
 * stay at its time. */
static void
test_unaligned_slots (void)
{
  g_autoptr(TlDocument) doc = tl_test_import_ok ("eaf",
    EAF_OPEN
    "<TIME_ORDER>\n"
    "  <TIME_SLOT TIME_SLOT_ID=\"ts0\"/>\n"
    "  <TIME_SLOT TIME_SLOT_ID=\"ts1\" TIME_VALUE=\"1000\"/>\n"
    "  <TIME_SLOT TIME_SLOT_ID=\"ts2\"/>\n"
    "  <TIME_SLOT TIME_SLOT_ID=\"ts3\"/>\n"
    "  <TIME_SLOT TIME_SLOT_ID=\"ts4\" TIME_VALUE=\"2000\"/>\n"
    "  <TIME_SLOT TIME_SLOT_ID=\"ts5\"/>\n"
    "</TIME_ORDER>\n"
    "<TIER LINGUISTIC_TYPE_REF=\"words\" TIER_ID=\"W\">\n"
    "  <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a0\" TIME_SLOT_REF1=\"ts0\" TIME_SLOT_REF2=\"ts1\">"
    "<ANNOTATION_VALUE>zero</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n"
    "  <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a1\" TIME_SLOT_REF1=\"ts1\" TIME_SLOT_REF2=\"ts2\">"
    "<ANNOTATION_VALUE>one</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n"
    "  <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a2\" TIME_SLOT_REF1=\"ts2\" TIME_SLOT_REF2=\"ts3\">"
    "<ANNOTATION_VALUE>two</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n"
    "  <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a3\" TIME_SLOT_REF1=\"ts3\" TIME_SLOT_REF2=\"ts4\">"
    "<ANNOTATION_VALUE>three</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n"
    "  <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a4\" TIME_SLOT_REF1=\"ts4\" TIME_SLOT_REF2=\"ts5\">"
    "<ANNOTATION_VALUE>four</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n"
    "  <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a5\" TIME_SLOT_REF1=\"ts4\" TIME_SLOT_REF2=\"ts9\">"
    "<ANNOTATION_VALUE>unknown slot</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n"
    "</TIER>\n"
    "</ANNOTATION_DOCUMENT>\n");

  g_assert_cmpuint (doc->segments->len, ==, 5);
  tl_test_assert_segment (doc, 0, 500000, 1000000, NULL, "zero");
  tl_test_assert_segment (doc, 1, 1000000, 1333333, NULL, "one");
  tl_test_assert_segment (doc, 2, 1333333, 1666666, NULL, "two");
  tl_test_assert_segment (doc, 3, 1666666, 2000000, NULL, "three");
  tl_test_assert_segment (doc, 4, 2000000, 2000000, NULL, "four");
  g_assert_cmpuint (doc->warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 0), ==,
                   "line 20: annotation whose time slots are not in the time order left out");
}

static void
test_malformed (void)
{
  tl_test_assert_import_fails (NULL,
                               EAF_OPEN
                               "<TIME_ORDER>\n"
                               "  <TIME_SLOT TIME_SLOT_ID=\"ts1\" TIME_VALUE=\"0\">\n"
                               "</TIME_ORDER>\n"
                               "</ANNOTATION_DOCUMENT>\n", 8,
                               "Malformed XML: Opening and ending tag mismatch: TIME_SLOT line 7 and TIME_ORDER");
  tl_test_assert_import_fails (NULL, EAF_OPEN "<TIER TIER_ID=\"a\" TIER_ID=\"b\"/>\n</ANNOTATION_DOCUMENT>\n", 6,
                               "Malformed XML: Attribute TIER_ID redefined");
  tl_test_assert_import_fails (NULL, EAF_OPEN "<TIER TIER_ID=\"a\"/>\n</ANNOTATION_DOCUMENT>\n", 2,
                               "The ELAN document holds no annotations");
  tl_test_assert_import_fails ("eaf", "<?xml version=\"1.0\"?>\n<TIER/>\n", 2,
                               "Not an ELAN document: the root element is <TIER>, not <ANNOTATION_DOCUMENT>");
}

/* References were resolved by recursion, one level per link: a chain as
 * long as a big file's annotations overflowed the stack. */
static void
test_long_reference_chain (void)
{
  g_autoptr(GString) eaf = g_string_new (EAF_OPEN
    "<TIME_ORDER>\n"
    "  <TIME_SLOT TIME_SLOT_ID=\"ts1\" TIME_VALUE=\"1000\"/>\n"
    "  <TIME_SLOT TIME_SLOT_ID=\"ts2\" TIME_VALUE=\"2000\"/>\n"
    "</TIME_ORDER>\n"
    "<TIER LINGUISTIC_TYPE_REF=\"gloss\" TIER_ID=\"Chain\">\n");
  g_autoptr(TlDocument) doc = NULL;
  const guint n = 300000;

  /* each refers to the next, the last to the aligned one */
  for (guint i = 0; i < n; i++)
    g_string_append_printf (eaf, "<ANNOTATION><REF_ANNOTATION ANNOTATION_ID=\"r%u\" ANNOTATION_REF=\"r%u\">"
                            "<ANNOTATION_VALUE>w</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>\n", i, i + 1);
  g_string_append_printf (eaf, "</TIER>\n<TIER LINGUISTIC_TYPE_REF=\"utterance\" TIER_ID=\"Words\">\n"
                          "<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"r%u\" TIME_SLOT_REF1=\"ts1\" TIME_SLOT_REF2=\"ts2\">"
                          "<ANNOTATION_VALUE>end</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n"
                          "</TIER>\n</ANNOTATION_DOCUMENT>\n", n);
  doc = tl_test_import_ok ("eaf", eaf->str);
  g_assert_cmpuint (doc->segments->len, ==, n + 1);
  tl_test_assert_segment_text (doc, 0, 1000000, 2000000, "w");
  tl_test_assert_segment_text (doc, n, 1000000, 2000000, "end");
  g_assert_cmpuint (doc->warnings->len, ==, 0);
}

/* Milliseconds past what 64 bits of microseconds hold overflowed when
 * scaled; such a slot counts as unaligned, with a warning. */
static void
test_time_overflow (void)
{
  g_autoptr(TlDocument) doc = tl_test_import_ok ("eaf",
    EAF_OPEN
    "<TIME_ORDER>\n"
    "  <TIME_SLOT TIME_SLOT_ID=\"ts1\" TIME_VALUE=\"1000\"/>\n"
    "  <TIME_SLOT TIME_SLOT_ID=\"ts2\" TIME_VALUE=\"9223372036854775807\"/>\n"
    "  <TIME_SLOT TIME_SLOT_ID=\"ts3\" TIME_VALUE=\"3000\"/>\n"
    "</TIME_ORDER>\n"
    "<TIER LINGUISTIC_TYPE_REF=\"utterance\" TIER_ID=\"Words\">\n"
    "  <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a1\" TIME_SLOT_REF1=\"ts1\" TIME_SLOT_REF2=\"ts2\">\n"
    "    <ANNOTATION_VALUE>one</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n"
    "</TIER>\n"
    "</ANNOTATION_DOCUMENT>\n");

  /* the slot without a usable time lies halfway between its neighbours */
  g_assert_cmpuint (doc->segments->len, ==, 1);
  tl_test_assert_segment_text (doc, 0, 1000000, 2000000, "one");
  tl_test_assert_warnings (doc, "line 8: time value “9223372036854775807” is past 10000 hours", NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/import/eaf/sniff", test_sniff);
  g_test_add_func ("/core/import/eaf/two-tiers", test_two_tiers);
  g_test_add_func ("/core/import/eaf/single-tier", test_single_tier);
  g_test_add_func ("/core/import/eaf/ref-annotations", test_ref_annotations);
  g_test_add_func ("/core/import/eaf/unaligned-slots", test_unaligned_slots);
  g_test_add_func ("/core/import/eaf/malformed", test_malformed);
  g_test_add_func ("/core/import/eaf/long-reference-chain", test_long_reference_chain);
  g_test_add_func ("/core/import/eaf/time-overflow", test_time_overflow);
  return g_test_run ();
}
