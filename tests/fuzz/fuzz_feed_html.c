/*
 * libFuzzer target: feed_parse() on HTML listings with the shipped
 * conf/maps/seedlisting.map (plus a date, for coverage).
 */

#include "feed.h"

static const struct feed_html_map map = {
	"//ul[@class='jobs']/li[@class='job']",
	".//span[@class='company']",
	".//span[@class='title']",
	"normalize-space(substring-before(concat(.//span[@class='meta'], "
	    "' ·'), '·'))",
	"normalize-space(substring-after(.//span[@class='meta'], '·'))",
	".//a/@href",
	".//time/@datetime",
};

#define FUZZ_FORMAT	FEED_HTML
#define FUZZ_MAP	(&map)

#include "fuzz_feed.h"
