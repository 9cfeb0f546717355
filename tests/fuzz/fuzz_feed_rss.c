/* libFuzzer target: feed_parse() on rss input (see fuzz_feed.h). */

#define FUZZ_FORMAT	FEED_RSS

#include "fuzz_feed.h"
