/* libFuzzer target: feed_parse() on jsonld input (see fuzz_feed.h). */

#define FUZZ_FORMAT	FEED_JSONLD

#include "fuzz_feed.h"
