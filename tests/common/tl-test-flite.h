/* tl-test-flite.h: flite (cmu_us_kal16) as the second synthesizer of the
 * aligner's test recordings, with where it says each word starts. */
#pragma once

#include "tl-test-speech.h"

G_BEGIN_DECLS

void tl_test_flite_spec (TlTestSpeechSpec *spec);
const char *tl_test_flite_version (void);

G_END_DECLS
