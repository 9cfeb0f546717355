/*
 * XML output: what xmlout.c writes must be well formed whatever the text
 * (markup, "]]>", control characters, U+FFFF, bad UTF-8), and an Indeed
 * <job> it writes must read back through our own Indeed parser with the
 * same values.
 */

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>

#include "core.h"
#include "feed.h"
#include "xmlout.h"
#include "harness.h"

struct back {
	int	 n;
	char	*title, *company, *contract, *city, *country, *date;
	char	*expires, *url, *id, *desc, *lang;
};

static const struct {
	const char	*in;
	const char	*want;	/* the text a parser reads back */
} texts[] = {
	{ "plain", "plain" },
	{ "<script>alert(\"x\")</script> & 'q'",
	    "<script>alert(\"x\")</script> & 'q'" },
	{ "a]]>b", "a]]>b" },
	{ "]]>]]>", "]]>]]>" },
	{ "x]]", "x]]" },
	{ "ctl\x01\x08\x0b\x0c\x1f-end", "ctl-end" },
	{ "tab\tnl\ncr", "tab\tnl\ncr" },
	{ "non\xef\xbf\xbf-char\xef\xbf\xbe", "non-char" },
	{ "caf\xe9", "caf\xc3\xa9" },		/* Windows-1252 byte */
	{ "Herm\xc3\xa8s \xe2\x80\x94 Milano", "Herm\xc3\xa8s \xe2\x80\x94 Milano" },
	{ "", "" },
};

static const struct {
	const char	*in;
	const char	*want;
} dates[] = {
	{ "2024-09-07T10:00:00Z", "Sat, 07 Sep 2024 10:00:00 +0000" },
	{ "2024-02-29T23:59:59.123456Z", "Thu, 29 Feb 2024 23:59:59 +0000" },
	{ "1970-01-01T00:00:00Z", "Thu, 01 Jan 1970 00:00:00 +0000" },
	{ "2024-09-07T12:00:00+02:00", "Sat, 07 Sep 2024 10:00:00 +0000" },
	{ "not a date", NULL },
	{ "2024-13-01T00:00:00Z", NULL },
};

static char *
dup_or_null(const char *s)
{
	return (s != NULL ? xstrdup(s) : NULL);
}

static int
keep(const struct feed_item *it, void *arg)
{
	struct back	*b = arg;

	if (b->n++ > 0)
		return (0);
	b->title = dup_or_null(it->title);
	b->company = dup_or_null(it->company);
	b->contract = dup_or_null(it->contract);
	b->city = dup_or_null(it->city);
	b->country = dup_or_null(it->country);
	b->date = dup_or_null(it->date);
	b->expires = dup_or_null(it->expires);
	b->url = dup_or_null(it->url);
	b->id = dup_or_null(it->external_id);
	b->desc = dup_or_null(it->description);
	b->lang = dup_or_null(it->lang);
	return (0);
}

static void
back_free(struct back *b)
{
	free(b->title);
	free(b->company);
	free(b->contract);
	free(b->city);
	free(b->country);
	free(b->date);
	free(b->expires);
	free(b->url);
	free(b->id);
	free(b->desc);
	free(b->lang);
}

/* One element written with fn, parsed back: its text, or NULL. */
static char *
roundtrip(int (*fn)(xmlTextWriterPtr, const char *, const char *),
    const char *value)
{
	xmlBufferPtr		 buf;
	xmlTextWriterPtr	 w;
	xmlDocPtr		 doc;
	xmlChar			*text;
	char			*out;

	buf = xmlBufferCreate();
	w = xmlNewTextWriterMemory(buf, 0);
	out = NULL;
	if (xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0 ||
	    fn(w, "v", value) == -1 || xmlTextWriterEndDocument(w) < 0) {
		xmlFreeTextWriter(w);
		xmlBufferFree(buf);
		return (NULL);
	}
	xmlFreeTextWriter(w);
	doc = xmlReadMemory((const char *)xmlBufferContent(buf),
	    xmlBufferLength(buf), NULL, NULL, XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc != NULL && xmlDocGetRootElement(doc) != NULL) {
		text = xmlNodeGetContent(xmlDocGetRootElement(doc));
		out = xstrdup(text != NULL ? (const char *)text : "");
		xmlFree(text);
	}
	xmlFreeDoc(doc);
	xmlBufferFree(buf);
	return (out);
}

static void
test_texts(void)
{
	char	 name[128], *got;
	size_t	 i;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		got = roundtrip(xmlout_cdata, texts[i].in);
		(void)snprintf(name, sizeof(name), "cdata %zu reads back", i);
		CHECK_STR(name, got, texts[i].want);
		free(got);
		got = roundtrip(xmlout_text, texts[i].in);
		(void)snprintf(name, sizeof(name), "text %zu reads back", i);
		CHECK_STR(name, got, texts[i].want);
		free(got);
	}
	got = roundtrip(xmlout_cdata, NULL);
	CHECK_STR("cdata of NULL is an empty element", got, "");
	free(got);
}

static void
test_indeed(void)
{
	static const char *const	v[INDEED__MAX] = {
		[INDEED_TITLE] = "Store Manager <b>]]> & \"Boutique\"",
		[INDEED_DATE] = "2024-09-07T10:00:00.123456Z",
		[INDEED_REFERENCENUMBER] = "4242",
		[INDEED_URL] = "http://127.0.0.1/jobs/4242-store-manager",
		[INDEED_COMPANY] = "Maison & Fils",
		[INDEED_CITY] = "Milano",
		[INDEED_COUNTRY] = "IT",
		[INDEED_DESCRIPTION] = "First line.\n\nSecond ]]> line.",
		[INDEED_JOBTYPE] = "Tempo indeterminato, Full time",
		[INDEED_EXPIRATIONDATE] = "2024-10-07T10:00:00Z",
		[INDEED_LANGUAGE] = "it",
	};
	xmlBufferPtr		 buf;
	xmlTextWriterPtr	 w;
	struct feed_opts	 o;
	struct feed_result	 res;
	struct back		 b;
	int			 rc, i;

	buf = xmlBufferCreate();
	w = xmlNewTextWriterMemory(buf, 0);
	rc = xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0 ||
	    xmlTextWriterStartElement(w, BAD_CAST "source") < 0;
	for (i = 0; i < 3; i++)
		rc |= xmlout_indeed_job(w, v);
	rc |= xmlTextWriterEndDocument(w) < 0;
	xmlFreeTextWriter(w);
	CHECK("an Indeed document is written", rc == 0);

	memset(&o, 0, sizeof(o));
	memset(&res, 0, sizeof(res));
	memset(&b, 0, sizeof(b));
	rc = feed_parse(FEED_INDEED, (const char *)xmlBufferContent(buf),
	    xmlBufferLength(buf), &o, keep, &b, &res);
	CHECK("our Indeed parser reads it whole", rc == 0 && res.complete);
	CHECK("one item per <job>", b.n == 3);
	CHECK_STR("title back", b.title, v[INDEED_TITLE]);
	CHECK_STR("company back", b.company, v[INDEED_COMPANY]);
	CHECK_STR("jobtype is the contract label", b.contract,
	    v[INDEED_JOBTYPE]);
	CHECK_STR("city back", b.city, v[INDEED_CITY]);
	CHECK_STR("country back", b.country, v[INDEED_COUNTRY]);
	CHECK_STR("date back to the microsecond", b.date, v[INDEED_DATE]);
	CHECK_STR("expirationdate back", b.expires,
	    v[INDEED_EXPIRATIONDATE]);
	CHECK_STR("url back", b.url, v[INDEED_URL]);
	CHECK_STR("referencenumber is the id", b.id,
	    v[INDEED_REFERENCENUMBER]);
	CHECK_STR("language back", b.lang, v[INDEED_LANGUAGE]);
	CHECK("description keeps its \"]]>\"", b.desc != NULL &&
	    strstr(b.desc, "Second ]]> line.") != NULL);
	back_free(&b);
	xmlBufferFree(buf);
}

static void
test_dates(void)
{
	char	 name[96], out[64];
	size_t	 i;
	int	 rc;

	for (i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		rc = xmlout_rfc822(dates[i].in, out, sizeof(out));
		(void)snprintf(name, sizeof(name), "rfc822 of %s", dates[i].in);
		if (dates[i].want == NULL)
			CHECK(name, rc == -1);
		else
			CHECK_STR(name, rc == 0 ? out : NULL, dates[i].want);
	}
	CHECK("rfc822 refuses a short buffer",
	    xmlout_rfc822(dates[0].in, out, 10) == -1);
}

int
main(void)
{
	xmlInitParser();
	feed_init();
	test_texts();
	test_indeed();
	test_dates();
	return (DONE());
}
