/* libFuzzer target: feed_parse() on indeed input (see fuzz_feed.h). */

#define FUZZ_FORMAT	FEED_INDEED

#include "fuzz_feed.h"
