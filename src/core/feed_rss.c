/*
 * RSS 2.0 <item> and Atom <entry>, streamed like the Indeed feed.  One
 * table serves both (a partner's "RSS" is often Atom and the other way
 * round); WP Job Manager's job_listing: fields are matched by local name
 * and win over the generic ones.
 */

#include <stddef.h>

#include "feed.h"

static const char *const rss_items[] = { "item", "entry", NULL };

static const struct feed_tag rss_tags[] = {
	{ NULL, "guid", FF_ID, 0, 0 },
	{ NULL, "id", FF_ID, 0, 0 },
	{ NULL, "title", FF_TITLE, 0, 0 },
	{ NULL, "company", FF_COMPANY, 0, 0 },		/* job_listing: */
	{ "author", "name", FF_COMPANY, 1, 0 },		/* Atom */
	{ NULL, "job_type", FF_CONTRACT, 0, FT_JOIN },	/* job_listing: */
	{ NULL, "category", FF_CONTRACT, 1, FT_JOIN },
	{ NULL, "location", FF_CITY, 0, 0 },		/* job_listing: */
	{ NULL, "encoded", FF_DESC, 0, 0 },		/* content:encoded */
	{ NULL, "content", FF_DESC, 0, 0 },
	{ NULL, "description", FF_DESC, 1, 0 },
	{ NULL, "summary", FF_DESC, 2, 0 },
	{ NULL, "link", FF_URL, 0, FT_HREF },
	{ NULL, "pubDate", FF_DATE, 0, 0 },
	{ NULL, "published", FF_DATE, 0, 0 },
	{ NULL, "updated", FF_DATE, 1, 0 },
	{ NULL, "date", FF_DATE, 2, 0 },		/* dc:date */
	{ NULL, "expires", FF_EXPIRES, 0, 0 },		/* job_listing: */
	{ NULL, "salary", FF_SALARY, 0, 0 },		/* job_listing: */
	{ NULL, "language", FF_LANG, 0, 0 },		/* dc:language */
};

const struct feed_xml_spec feed_rss_spec = {
	.items = rss_items,
	.tags = rss_tags,
	.ntags = sizeof(rss_tags) / sizeof(rss_tags[0]),
};
