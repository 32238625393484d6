/* test-import-whisper-json.c: the openai-whisper and whisper.cpp JSON shapes,
 * words, speakers, language, and the errors of broken or foreign JSON. */
#include <string.h>

#include "tl-test-import.h"

static void
assert_word (TlDocument *doc, guint index, gint64 start, gint64 end, const char *text)
{
  TlDocWord *word;

  g_assert_cmpuint (index, <, doc->words->len);
  word = &g_array_index (doc->words, TlDocWord, index);
  g_assert_cmpint (word->start, ==, start);
  g_assert_cmpint (word->end, ==, end);
  g_assert_cmpstr (word->text, ==, text);
}

static const char openai_json[] =
  "{\"text\": \" Hello there. General Kenobi!\",\n"
  " \"segments\": [\n"
  "  {\"id\": 0, \"seek\": 0, \"start\": 0.0, \"end\": 2.5,\n"
  "   \"text\": \" Hello there.\", \"tokens\": [50364, 2425],\n"
  "   \"words\": [{\"word\": \" Hello\", \"start\": 0.0, \"end\": 0.84, \"probability\": 0.93},\n"
  "             {\"word\": \" there.\", \"start\": 0.84, \"end\": 2.5, \"probability\": 0.88}]},\n"
  "  {\"id\": 1, \"seek\": 250, \"start\": 2.5, \"end\": 5.5600000000000005,\n"
  "   \"text\": \" General  Kenobi! \",\n"
  "   \"words\": [{\"word\": \" General\", \"start\": 2.5, \"end\": 3.1, \"probability\": 0.9},\n"
  "             {\"word\": \" Kenobi!\", \"start\": 3.1, \"end\": 5.5600000000000005, \"probability\": 0.7}]}\n"
  " ],\n"
  " \"language\": \"en\"}\n";

static void
test_openai (void)
{
  g_autoptr(TlDocument) doc = NULL;
  TlDocSegment *seg;

  g_assert_cmpuint (tl_test_sniff ("whisper-json", openai_json), ==, 90);
  doc = tl_test_import_ok ("whisper-json", openai_json);
  g_assert_cmpstr (doc->language, ==, "en");
  g_assert_cmpint (doc->timing, ==, TL_TIMING_NATIVE);
  g_assert_cmpuint (doc->segments->len, ==, 2);
  g_assert_cmpuint (doc->warnings->len, ==, 0);

  /* leading spaces trimmed, inner runs collapsed, floats rounded to µs */
  tl_test_assert_segment_text (doc, 0, 0, 2500000, "Hello there.");
  tl_test_assert_segment_text (doc, 1, 2500000, 5560000, "General Kenobi!");
  g_assert_null (tl_document_get_segment (doc, 0)->speaker);

  g_assert_cmpuint (doc->words->len, ==, 4);
  seg = tl_document_get_segment (doc, 0);
  g_assert_cmpuint (seg->first_word, ==, 0);
  g_assert_cmpuint (seg->n_words, ==, 2);
  seg = tl_document_get_segment (doc, 1);
  g_assert_cmpuint (seg->first_word, ==, 2);
  g_assert_cmpuint (seg->n_words, ==, 2);
  assert_word (doc, 0, 0, 840000, "Hello");
  assert_word (doc, 1, 840000, 2500000, "there.");
  assert_word (doc, 2, 2500000, 3100000, "General");
  assert_word (doc, 3, 3100000, 5560000, "Kenobi!");
}

/* WhisperX: speakers on segments, words it could not align have no times,
 * and integer seconds */
static void
test_whisperx (void)
{
  const char *json =
    "{\"segments\": [\n"
    " {\"start\": 1, \"end\": 3, \"text\": \" It costs 20 dollars.\", \"speaker\": \"SPEAKER_00\",\n"
    "  \"words\": [{\"word\": \"It\", \"start\": 1.0, \"end\": 1.2, \"score\": 0.9},\n"
    "            {\"word\": \"costs\", \"start\": 1.2, \"end\": 1.9, \"score\": 0.8},\n"
    "            {\"word\": \"20\"},\n"
    "            {\"word\": \"dollars.\", \"start\": 2.4, \"end\": 3.0, \"score\": 0.7}]},\n"
    " {\"start\": 3.25, \"end\": 4.0, \"text\": \" Too much.\", \"speaker\": \"1\"},\n"
    " {\"start\": 4.0, \"end\": 4.5, \"text\": \" Hm.\", \"speaker\": \"?\"},\n"
    " {\"start\": 5.0, \"end\": 6.0, \"text\": \"   \"}\n"
    "],\n"
    "\"word_segments\": []}";
  g_autoptr(TlDocument) doc = tl_test_import_ok ("whisper-json", json);

  g_assert_null (doc->language);
  /* the blank segment says nothing and is left out */
  g_assert_cmpuint (doc->segments->len, ==, 3);
  tl_test_assert_segment_text (doc, 0, 1000000, 3000000, "It costs 20 dollars.");
  g_assert_cmpstr (tl_document_get_segment (doc, 0)->speaker, ==, "SPEAKER_00");
  tl_test_assert_segment_text (doc, 1, 3250000, 4000000, "Too much.");
  g_assert_cmpstr (tl_document_get_segment (doc, 1)->speaker, ==, "Speaker 1");
  g_assert_null (tl_document_get_segment (doc, 2)->speaker);

  g_assert_cmpuint (tl_document_get_segment (doc, 0)->n_words, ==, 4);
  g_assert_cmpuint (tl_document_get_segment (doc, 1)->n_words, ==, 0);
  assert_word (doc, 1, 1200000, 1900000, "costs");
  assert_word (doc, 2, TL_TIME_NONE, TL_TIME_NONE, "20");
  assert_word (doc, 3, 2400000, 3000000, "dollars.");
}

static void
test_cpp (void)
{
  /* offsets and timestamps disagree on purpose: the offsets (ms) win */
  const char *json =
    "{\n"
    "\t\"systeminfo\": \"AVX = 1 | NEON = 0\",\n"
    "\t\"model\": {\"type\": \"base\", \"multilingual\": true},\n"
    "\t\"params\": {\"model\": \"models/ggml-base.bin\", \"language\": \"auto\", \"translate\": false},\n"
    "\t\"result\": {\"language\": \"de\"},\n"
    "\t\"transcription\": [\n"
    "\t\t{\n"
    "\t\t\t\"timestamps\": {\"from\": \"00:00:00,000\", \"to\": \"00:00:03,000\"},\n"
    "\t\t\t\"offsets\": {\"from\": 0, \"to\": 3120},\n"
    "\t\t\t\"text\": \" Guten Tag.\"\n"
    "\t\t},\n"
    "\t\t{\n"
    "\t\t\t\"timestamps\": {\"from\": \"00:00:03,000\", \"to\": \"00:01:05,500\"},\n"
    "\t\t\t\"offsets\": {\"from\": 3120, \"to\": 65480},\n"
    "\t\t\t\"text\": \" [Musik]\"\n"
    "\t\t}\n"
    "\t]\n"
    "}\n";
  g_autoptr(TlDocument) doc = NULL;

  g_assert_cmpuint (tl_test_sniff ("whisper-json", json), ==, 90);
  doc = tl_test_import_ok ("whisper-json", json);
  g_assert_cmpstr (doc->language, ==, "de");
  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment_text (doc, 0, 0, 3120000, "Guten Tag.");
  tl_test_assert_segment_text (doc, 1, 3120000, 65480000, "[Musik]");
  g_assert_false (tl_document_get_segment (doc, 0)->non_speech);
  g_assert_true (tl_document_get_segment (doc, 1)->non_speech);
  g_assert_cmpuint (doc->words->len, ==, 0);
}

/* older whisper.cpp builds, or hand-edited files, have only the clocks */
static void
test_cpp_timestamps_only (void)
{
  const char *json =
    "{\"params\": {\"language\": \"fr\"},\n"
    " \"transcription\": [\n"
    "  {\"timestamps\": {\"from\": \"00:00:01,250\", \"to\": \"00:00:04,000\"}, \"text\": \" Bonjour.\"},\n"
    "  {\"timestamps\": {\"from\": \"01:02:03,004\", \"to\": \"01:02:05,000\"}, \"text\": \" Au revoir.\"}\n"
    " ]}";
  g_autoptr(TlDocument) doc = tl_test_import_ok ("whisper-json", json);

  /* no "result": the language asked for stands */
  g_assert_cmpstr (doc->language, ==, "fr");
  g_assert_cmpuint (doc->segments->len, ==, 2);
  tl_test_assert_segment_text (doc, 0, 1250000, 4000000, "Bonjour.");
  tl_test_assert_segment_text (doc, 1, 3723004000, 3725000000, "Au revoir.");
}

static void
test_cpp_tokens (void)
{
  const char *json =
    "{\"result\": {\"language\": \"en\"},\n"
    " \"transcription\": [{\n"
    "  \"offsets\": {\"from\": 0, \"to\": 2000}, \"text\": \" My fellow Americans, go.\",\n"
    "  \"tokens\": [\n"
    "   {\"text\": \"[_BEG_]\", \"offsets\": {\"from\": 0, \"to\": 0}, \"id\": 50364, \"p\": 0.9},\n"
    "   {\"text\": \" My\", \"offsets\": {\"from\": 0, \"to\": 200}, \"id\": 1, \"p\": 0.9},\n"
    "   {\"text\": \" fellow\", \"offsets\": {\"from\": 200, \"to\": 600}, \"id\": 2, \"p\": 0.9},\n"
    "   {\"text\": \" Americ\", \"offsets\": {\"from\": 600, \"to\": 1000}, \"id\": 3, \"p\": 0.9},\n"
    "   {\"text\": \"ans\", \"offsets\": {\"from\": 1000, \"to\": 1300}, \"id\": 4, \"p\": 0.9},\n"
    "   {\"text\": \",\", \"offsets\": {\"from\": 1300, \"to\": 1350}, \"id\": 5, \"p\": 0.9},\n"
    "   {\"text\": \" go\", \"timestamps\": {\"from\": \"00:00:01,400\", \"to\": \"00:00:01,900\"}, \"id\": 6, \"p\": 0.9},\n"
    "   {\"text\": \".\", \"offsets\": {\"from\": 1900, \"to\": 2000}, \"id\": 7, \"p\": 0.9},\n"
    "   {\"text\": \"[_TT_100]\", \"offsets\": {\"from\": 2000, \"to\": 2000}, \"id\": 50464, \"p\": 0.9}\n"
    "  ]},\n"
    "  {\"offsets\": {\"from\": 2000, \"to\": 3000}, \"text\": \" Untimed tokens.\",\n"
    "   \"tokens\": [{\"text\": \" Untimed\", \"id\": 8, \"p\": 0.5}, {\"text\": \" tokens.\", \"id\": 9, \"p\": 0.5}]}\n"
    " ]}";
  g_autoptr(TlDocument) doc = tl_test_import_ok ("whisper-json", json);
  TlDocSegment *seg;

  g_assert_cmpuint (doc->segments->len, ==, 2);
  seg = tl_document_get_segment (doc, 0);
  g_assert_cmpuint (seg->first_word, ==, 0);
  g_assert_cmpuint (seg->n_words, ==, 4);
  assert_word (doc, 0, 0, 200000, "My");
  assert_word (doc, 1, 200000, 600000, "fellow");
  /* pieces of a word joined, the comma kept with it as whisper does */
  assert_word (doc, 2, 600000, 1350000, "Americans,");
  assert_word (doc, 3, 1400000, 2000000, "go.");
  /* tokens without times give no words rather than untimed ones */
  seg = tl_document_get_segment (doc, 1);
  g_assert_cmpuint (seg->n_words, ==, 0);
  g_assert_cmpuint (doc->words->len, ==, 4);
}

static void
test_broken (void)
{
  /* what a JavaScript program may leave in */
  const char *bad_value =
    "{\"segments\": [\n"
    "  {\"start\": 0.0, \"end\": 1.0, \"text\": \" One.\"},\n"
    "  {\"start\": 1.0, \"end\": 2.0,\n"
    "   \"text\": undefined}\n"
    "]}\n";
  /* json-glib reports a missing comma on the line that lacks it */
  const char *no_comma =
    "{\"segments\": [\n"
    "  {\"start\": 0.0, \"end\": 1.0, \"text\": \" One.\"}\n"
    "\n"
    "  {\"start\": 1.0, \"end\": 2.0, \"text\": \" Two.\"}\n"
    "]}\n";
  g_autoptr(GError) error = NULL;

  error = tl_test_import_error (NULL, bad_value, 4);
  g_assert_true (g_str_has_prefix (error->message, "Broken JSON: "));
  /* the position is reported as the line, not repeated in the message */
  g_assert_null (strstr (error->message, "<data>"));
  g_clear_error (&error);

  error = tl_test_import_error (NULL, no_comma, 2);
  /* the wording after the prefix is json-glib's own */
  g_assert_true (g_str_has_prefix (error->message, "Broken JSON: unexpected "));
}

/* Python writes NaN for a failed avg_logprob: not JSON, but read */
static void
test_nan (void)
{
  const char *json =
    "{\"segments\": [{\"start\": 0.5, \"end\": 1.5, \"text\": \" NaN and Infinity stay words.\",\n"
    "  \"avg_logprob\": NaN, \"compression_ratio\": Infinity, \"no_speech_prob\": -Infinity}],\n"
    " \"language\": \"en\"}";
  g_autoptr(TlDocument) doc = tl_test_import_as ("whisper-json", json);

  g_assert_cmpuint (doc->segments->len, ==, 1);
  tl_test_assert_segment_text (doc, 0, 500000, 1500000, "NaN and Infinity stay words.");
}

/* NaN forgiven, the fault after it is the one reported */
static void
test_nan_and_broken (void)
{
  const char *json =
    "{\"segments\": [{\"start\": 0.5, \"end\": 1.5, \"text\": \" x\", \"avg_logprob\": NaN},\n"
    "  {\"start\": 2 \"end\": 3}]}";
  g_autoptr(GError) error = tl_test_import_error ("whisper-json", json, 2);

  g_assert_null (strstr (error->message, "NaN"));
}

static void
test_not_whisper (void)
{
  const char *json = "{\"name\": \"Tagline\",\n \"items\": [1, 2, 3]}";
  const char *array = "[{\"start\": 0, \"end\": 1, \"text\": \"x\"}]";

  g_assert_cmpuint (tl_test_sniff ("whisper-json", json), ==, 0);
  tl_test_assert_import_fails ("whisper-json", json, 0, "JSON without whisper segments");
  tl_test_assert_import_fails ("whisper-json", array, 0, "JSON without whisper segments");
}

static void
test_segments_without_times (void)
{
  const char *none = "{\"segments\": [{\"text\": \" a\"}, {\"text\": \" b\"}]}";
  const char *some = "{\"segments\": [{\"text\": \" a\"}, {\"start\": 1, \"end\": 2, \"text\": \" b\"}]}";
  g_autoptr(TlDocument) doc = NULL;

  tl_test_assert_import_fails (NULL, none, 0, "Whisper segments without start and end times");
  doc = tl_test_import_ok ("whisper-json", some);
  g_assert_cmpuint (doc->segments->len, ==, 1);
  tl_test_assert_segment_text (doc, 0, 1000000, 2000000, "b");
  g_assert_cmpuint (doc->warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (doc->warnings, 0), ==,
                   "line 1: segment 1 has no start or end time; left out");
}

static void
test_sniff (void)
{
  const char *spaced = "\n  \t{\n  \"segments\": []}";
  const char *srt = "1\n00:00:01,000 --> 00:00:02,000\n{\"segments\"}\n";
  const char *aws = "{\"jobName\": \"x\", \"results\": {\"audio_segments\": []}}";
  g_autoptr(GString) late = g_string_new ("{\"padding\": \"");

  g_assert_cmpuint (tl_test_sniff ("whisper-json", spaced), ==, 90);
  g_assert_cmpuint (tl_test_sniff ("whisper-json", srt), ==, 0);
  g_assert_cmpuint (tl_test_sniff ("whisper-json", aws), ==, 0);
  /* the look stays at the start of the file */
  for (guint i = 0; i < 5000; i++)
    g_string_append_c (late, 'x');
  g_string_append (late, "\", \"segments\": []}");
  g_assert_cmpuint (tl_test_sniff ("whisper-json", late->str), ==, 0);
}

/* Seconds too large for a time were converted from a double out of range
 * (undefined) and stored as garbage; such a segment is left out, and the
 * warning names the line it starts on. */
static void
test_time_overflow (void)
{
  g_autoptr(TlDocument) doc = tl_test_import_ok ("whisper-json",
    "{\"segments\": [\n"
    "  {\"start\": 1e300, \"end\": 1e301, \"text\": \" never\"},\n"
    "  {\"start\": 1, \"end\": 2, \"text\": \" kept\",\n"
    "   \"words\": [{\"word\": \" kept\", \"start\": 1, \"end\": 9e99}]},\n"
    "  {\"start\": \"3\", \"end\": \"99999999999999999999\", \"text\": \" too late\"},\n"
    "  {\"start\": -1e300, \"end\": 1, \"text\": \" early\"}\n"
    "]}\n");
  g_autoptr(TlDocument) cpp = tl_test_import_ok ("whisper-json",
    "{\"transcription\": [\n"
    "  {\"offsets\": {\"from\": 0, \"to\": 9223372036854775807}, \"text\": \" never\"},\n"
    "  {\"offsets\": {\"from\": 1000, \"to\": 2000}, \"text\": \" kept\"}\n"
    "]}\n");

  g_assert_cmpuint (doc->segments->len, ==, 1);
  tl_test_assert_segment_text (doc, 0, 1000000, 2000000, "kept");
  /* the word's end is no time: the word stays, untimed */
  assert_word (doc, 0, TL_TIME_NONE, TL_TIME_NONE, "kept");
  tl_test_assert_warnings (doc,
                           "line 2: segment 1: time 1e+300 is past 10000 hours; left out",
                           "line 5: segment 3: time 99999999999999999999 is past 10000 hours; left out",
                           "line 6: segment 4: time -1e+300 is negative; left out",
                           NULL);
  g_assert_cmpuint (cpp->segments->len, ==, 1);
  tl_test_assert_segment_text (cpp, 0, 1000000, 2000000, "kept");
  tl_test_assert_warnings (cpp,
                           "line 2: segment 1: time 9223372036854775807 ms is past 10000 hours; left out",
                           NULL);
  tl_test_assert_import_fails ("whisper-json", "{\"segments\": [{\"start\": 0, \"end\": 1e300, \"text\": \"x\"}]}", 1,
                               "segment 1: time 1e+300 is past 10000 hours, and no other segments to keep");
}

/* JSON nested 80,000 levels deep (160 KB) overflowed the stack inside
 * json-glib, whose parser recurses once per level; it is refused before
 * json-glib reads it, naming the line where it goes too deep. */
static void
test_nested_too_deep (void)
{
  g_autoptr(GString) json = g_string_new ("{\n\"segments\": ");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 80000; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 80000; i++)
    g_string_append_c (json, ']');
  g_string_append (json, "}\n");
  error = tl_test_import_error (NULL, json->str, 2);
  g_assert_cmpstr (error->message, ==, "Nested more than 256 levels deep: not a transcript");

  /* as deep as allowed is read, and found to hold no segments */
  g_string_assign (json, "{\"segments\": [");
  for (guint i = 2; i < 256; i++)
    g_string_append_c (json, '[');
  for (guint i = 2; i < 256; i++)
    g_string_append_c (json, ']');
  g_string_append (json, "]}");
  g_clear_error (&error);
  error = tl_test_import_error (NULL, json->str, 0);
  g_assert_cmpstr (error->message, ==, "Whisper segments without start and end times");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/import/whisper-json/openai", test_openai);
  g_test_add_func ("/core/import/whisper-json/whisperx", test_whisperx);
  g_test_add_func ("/core/import/whisper-json/cpp", test_cpp);
  g_test_add_func ("/core/import/whisper-json/cpp-timestamps-only", test_cpp_timestamps_only);
  g_test_add_func ("/core/import/whisper-json/cpp-tokens", test_cpp_tokens);
  g_test_add_func ("/core/import/whisper-json/broken", test_broken);
  g_test_add_func ("/core/import/whisper-json/nan", test_nan);
  g_test_add_func ("/core/import/whisper-json/nan-and-broken", test_nan_and_broken);
  g_test_add_func ("/core/import/whisper-json/not-whisper", test_not_whisper);
  g_test_add_func ("/core/import/whisper-json/segments-without-times", test_segments_without_times);
  g_test_add_func ("/core/import/whisper-json/sniff", test_sniff);

  g_test_add_func ("/core/import/whisper-json/time-overflow", test_time_overflow);
  g_test_add_func ("/core/import/whisper-json/nested-too-deep", test_nested_too_deep);
  return g_test_run ();
}
