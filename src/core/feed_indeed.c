/*
 * Indeed-style XML: <source><job><title><![CDATA[...]]></title>...</job>.
 * Streamed by the push parser in feed_push.c so a feed of any size reads
 * in flat memory; only the tag names differ between partners.
 */

#include <stddef.h>

#include "feed.h"

static const char *const indeed_items[] = { "job", NULL };

static const struct feed_tag indeed_tags[] = {
	{ NULL, "referencenumber", FF_ID, 0, 0 },
	{ NULL, "id", FF_ID, 1, 0 },
	{ NULL, "title", FF_TITLE, 0, 0 },
	{ NULL, "company", FF_COMPANY, 0, 0 },
	{ NULL, "jobtype", FF_CONTRACT, 0, FT_JOIN },
	{ NULL, "city", FF_CITY, 0, 0 },
	{ NULL, "state", FF_REGION, 0, 0 },
	{ NULL, "country", FF_COUNTRY, 0, 0 },
	{ NULL, "description", FF_DESC, 0, 0 },
	{ NULL, "url", FF_URL, 0, 0 },
	{ NULL, "email", FF_EMAIL, 0, 0 },
	{ NULL, "date", FF_DATE, 0, 0 },
	{ NULL, "dateposted", FF_DATE, 0, 0 },
	{ NULL, "expirationdate", FF_EXPIRES, 0, 0 },
	{ NULL, "expirydate", FF_EXPIRES, 0, 0 },
	{ NULL, "salary", FF_SALARY, 0, 0 },
	{ NULL, "language", FF_LANG, 0, 0 },
};

const struct feed_xml_spec feed_indeed_spec = {
	.items = indeed_items,
	.tags = indeed_tags,
	.ntags = sizeof(indeed_tags) / sizeof(indeed_tags[0]),
};
