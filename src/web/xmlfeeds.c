/*
 * RSS 2.0 (/jobs.rss) and Atom 1.0 (/jobs.atom): the items of /feed.json
 * (same statement, filters, limit and cursor, see feed_query() in api.c)
 * written with libxml2's xmlTextWriter, so every value is escaped by
 * construction.  The structured fields of each posting go in our own
 * namespace, <base>/ns/job/1.0, documented in the README.
 */

#include <kore/kore.h>
#include <kore/http.h>

#include <time.h>

#include <libxml/xmlwriter.h>

#include "web.h"
#include "xmlout.h"

#define NS_ATOM		"http://www.w3.org/2005/Atom"
#define FEED_TITLE	"fashionjobs: fashion and luxury jobs"
#define FEED_ABOUT	"Open fashion and luxury jobs, newest first."

int	page_jobs_rss(struct http_request *);
int	page_jobs_atom(struct http_request *);
int	page_ns_job(struct http_request *);

enum feed_kind {
	KIND_RSS,
	KIND_ATOM
};

static int	 rss_done(struct http_request *, struct dbq *);
static int	 atom_done(struct http_request *, struct dbq *);
static int	 xml_feed(struct http_request *, struct dbq *, enum feed_kind);
static int	 write_rss(xmlTextWriterPtr, const json_t *, const char *,
		    const char *, const char *);
static int	 write_atom(xmlTextWriterPtr, const json_t *, const char *,
		    const char *, const char *);
static int	 start_root(xmlTextWriterPtr, const char *, const char *);
static int	 write_link(xmlTextWriterPtr, const char *, const char *,
		    const char *, const char *);
static int	 write_job(xmlTextWriterPtr, const json_t *);
static const char *jstr(const json_t *, const char *, char *, size_t);
static const char *jpath(const json_t *, const char *, const char *,
		    const char *, char *, size_t);

/* GET /jobs.rss */
int
page_jobs_rss(struct http_request *req)
{
	if (http_state_exists(req))
		return (dbq_run(req));
	if (feed_query(req, rss_done) == NULL)
		return (KORE_RESULT_OK);
	return (dbq_run(req));
}

/* GET /jobs.atom */
int
page_jobs_atom(struct http_request *req)
{
	if (http_state_exists(req))
		return (dbq_run(req));
	if (feed_query(req, atom_done) == NULL)
		return (KORE_RESULT_OK);
	return (dbq_run(req));
}

/* The namespace's name is an address: it leads to its documentation. */
int
page_ns_job(struct http_request *req)
{
	web_redirect(req, HTTP_STATUS_FOUND,
	    "/README.md#job-namespace-in-rss-and-atom");
	return (KORE_RESULT_OK);
}

static int
rss_done(struct http_request *req, struct dbq *q)
{
	return (xml_feed(req, q, KIND_RSS));
}

static int
atom_done(struct http_request *req, struct dbq *q)
{
	return (xml_feed(req, q, KIND_ATOM));
}

/*
 * Write the whole document into memory and send it with the validators
 * and gzip of web_send(): at most 100 items, so one buffer is fine.
 */
static int
xml_feed(struct http_request *req, struct dbq *q, enum feed_kind kind)
{
	xmlBufferPtr		 buf;
	xmlTextWriterPtr	 w;
	json_t			*items;
	struct sbuf		 filters, self, home;
	char			 updated[32];
	time_t			 modified;
	struct tm		 tm;
	int			 rc;

	if (api_refused(req, q))
		return (KORE_RESULT_OK);
	/* The items, as /feed.json sends them (feed_query's second column). */
	if ((items = json_loadb(q->body.data != NULL ? q->body.data : "[]",
	    q->body.data != NULL ? q->body.len : 2, 0, NULL)) == NULL) {
		kore_log(LOG_ERR, "%s: the items are not JSON", req->path);
		web_problem(req, 500, NULL, "The feed could not be written.");
		return (KORE_RESULT_OK);
	}
	modified = (time_t)json_integer_value(json_object_get(q->result,
	    "modified"));
	if (gmtime_r(&modified, &tm) == NULL ||
	    strftime(updated, sizeof(updated), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		(void)kore_strlcpy(updated, "1970-01-01T00:00:00Z",
		    sizeof(updated));
	sbuf_init(&filters);
	feed_filters(&filters, q->ctx);
	if (filters.len > 0)
		filters.data[--filters.len] = '\0';	/* the last '&' */
	sbuf_init(&self);
	sbuf_printf(&self, "%s/jobs.%s%s%s", web_base_url(),
	    kind == KIND_RSS ? "rss" : "atom", filters.len > 0 ? "?" : "",
	    filters.data);
	sbuf_init(&home);
	sbuf_printf(&home, "%s/jobs%s%s", web_base_url(),
	    filters.len > 0 ? "?" : "", filters.data);

	buf = xmlBufferCreate();
	w = xmlNewTextWriterMemory(buf, 0);
	(void)xmlTextWriterSetIndent(w, 1);
	if (kind == KIND_RSS)
		rc = write_rss(w, items, self.data, home.data, updated);
	else
		rc = write_atom(w, items, self.data, home.data, updated);
	xmlFreeTextWriter(w);
	if (rc == -1) {
		kore_log(LOG_ERR, "%s: cannot write the feed", req->path);
		web_problem(req, 500, NULL, "The feed could not be written.");
	} else {
		http_response_header(req, "cache-control",
		    "public, max-age=60");
		web_send(req, HTTP_STATUS_OK, kind == KIND_RSS ?
		    "application/rss+xml; charset=utf-8" :
		    "application/atom+xml; charset=utf-8",
		    xmlBufferContent(buf), (size_t)xmlBufferLength(buf),
		    modified);
	}
	xmlBufferFree(buf);
	json_decref(items);
	sbuf_free(&filters);
	sbuf_free(&self);
	sbuf_free(&home);
	return (KORE_RESULT_OK);
}

/* Start the root element with our namespace (and Atom's) declared. */
static int
start_root(xmlTextWriterPtr w, const char *name, const char *ns)
{
	char	jobns[512];

	(void)snprintf(jobns, sizeof(jobns), "%s/ns/job/1.0", web_base_url());
	if (xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0 ||
	    xmlTextWriterStartElement(w, BAD_CAST name) < 0)
		return (-1);
	if (ns != NULL && xmlout_attr(w, "xmlns", ns) == -1)
		return (-1);
	if (ns == NULL && (xmlout_attr(w, "version", "2.0") == -1 ||
	    xmlout_attr(w, "xmlns:atom", NS_ATOM) == -1))
		return (-1);
	return (xmlout_attr(w, "xmlns:job", jobns));
}

static int
write_link(xmlTextWriterPtr w, const char *name, const char *rel,
    const char *type, const char *href)
{
	if (xmlTextWriterStartElement(w, BAD_CAST name) < 0 ||
	    xmlout_attr(w, "rel", rel) == -1 ||
	    xmlout_attr(w, "type", type) == -1 ||
	    xmlout_attr(w, "href", href) == -1 ||
	    xmlTextWriterEndElement(w) < 0)
		return (-1);
	return (0);
}

static int
write_rss(xmlTextWriterPtr w, const json_t *items, const char *self,
    const char *home, const char *updated)
{
	const json_t	*it;
	char		 date[64], tmp[64];
	size_t		 i;

	if (start_root(w, "rss", NULL) == -1 ||
	    xmlTextWriterStartElement(w, BAD_CAST "channel") < 0 ||
	    xmlout_text(w, "title", FEED_TITLE) == -1 ||
	    xmlout_text(w, "link", home) == -1 ||
	    xmlout_text(w, "description", FEED_ABOUT) == -1 ||
	    write_link(w, "atom:link", "self", "application/rss+xml",
	    self) == -1)
		return (-1);
	if (xmlout_rfc822(updated, date, sizeof(date)) == 0 &&
	    xmlout_text(w, "lastBuildDate", date) == -1)
		return (-1);
	json_array_foreach(items, i, it) {
		if (xmlTextWriterStartElement(w, BAD_CAST "item") < 0 ||
		    xmlout_text(w, "title", jstr(it, "title", tmp,
		    sizeof(tmp))) == -1 ||
		    xmlout_text(w, "link", jstr(it, "url", tmp,
		    sizeof(tmp))) == -1 ||
		    xmlTextWriterStartElement(w, BAD_CAST "guid") < 0 ||
		    xmlout_attr(w, "isPermaLink", "false") == -1 ||
		    xmlout_string(w, jstr(it, "id", tmp, sizeof(tmp))) == -1 ||
		    xmlTextWriterEndElement(w) < 0)
			return (-1);
		if (xmlout_rfc822(jstr(it, "date_published", tmp, sizeof(tmp)),
		    date, sizeof(date)) == 0 &&
		    xmlout_text(w, "pubDate", date) == -1)
			return (-1);
		if (xmlout_text(w, "description", jstr(it, "content_text",
		    tmp, sizeof(tmp))) == -1 ||
		    xmlout_text(w, "category", jpath(it, "_job", "contract",
		    NULL, tmp, sizeof(tmp))) == -1 ||
		    write_job(w, it) == -1 ||
		    xmlTextWriterEndElement(w) < 0)
			return (-1);
	}
	return (xmlTextWriterEndDocument(w) < 0 ? -1 : 0);
}

static int
write_atom(xmlTextWriterPtr w, const json_t *items, const char *self,
    const char *home, const char *updated)
{
	const json_t	*it;
	char		 tmp[64];
	size_t		 i;

	if (start_root(w, "feed", NS_ATOM) == -1 ||
	    xmlout_text(w, "id", self) == -1 ||
	    xmlout_text(w, "title", FEED_TITLE) == -1 ||
	    xmlout_text(w, "subtitle", FEED_ABOUT) == -1 ||
	    xmlout_text(w, "updated", updated) == -1 ||
	    write_link(w, "link", "self", "application/atom+xml",
	    self) == -1 ||
	    write_link(w, "link", "alternate", "text/html", home) == -1 ||
	    xmlTextWriterStartElement(w, BAD_CAST "author") < 0 ||
	    xmlout_text(w, "name", "fashionjobs") == -1 ||
	    xmlout_text(w, "uri", web_base_url()) == -1 ||
	    xmlTextWriterEndElement(w) < 0)
		return (-1);
	json_array_foreach(items, i, it) {
		if (xmlTextWriterStartElement(w, BAD_CAST "entry") < 0 ||
		    xmlout_text(w, "id", jstr(it, "id", tmp,
		    sizeof(tmp))) == -1 ||
		    xmlout_text(w, "title", jstr(it, "title", tmp,
		    sizeof(tmp))) == -1 ||
		    write_link(w, "link", "alternate", "text/html",
		    jstr(it, "url", tmp, sizeof(tmp))) == -1 ||
		    xmlout_text(w, "published", jstr(it, "date_published",
		    tmp, sizeof(tmp))) == -1 ||
		    xmlout_text(w, "updated", jstr(it, "date_modified",
		    tmp, sizeof(tmp))) == -1 ||
		    xmlTextWriterStartElement(w, BAD_CAST "author") < 0 ||
		    xmlout_text(w, "name", jpath(it, "_job",
		    "hiringOrganization", "name", tmp, sizeof(tmp))) == -1 ||
		    xmlTextWriterEndElement(w) < 0 ||
		    xmlTextWriterStartElement(w, BAD_CAST "category") < 0 ||
		    xmlout_attr(w, "term", jpath(it, "_job", "contract", NULL,
		    tmp, sizeof(tmp))) == -1 ||
		    xmlTextWriterEndElement(w) < 0 ||
		    xmlTextWriterStartElement(w, BAD_CAST "content") < 0 ||
		    xmlout_attr(w, "type", "text") == -1 ||
		    xmlout_string(w, jstr(it, "content_text", tmp,
		    sizeof(tmp))) == -1 ||
		    xmlTextWriterEndElement(w) < 0 ||
		    write_job(w, it) == -1 ||
		    xmlTextWriterEndElement(w) < 0)
			return (-1);
	}
	return (xmlTextWriterEndDocument(w) < 0 ? -1 : 0);
}

/* Our namespace: the structured fields of the item's _job object. */
static int
write_job(xmlTextWriterPtr w, const json_t *it)
{
	static const struct {
		const char	*tag;
		const char	*path[3];
	} fields[] = {
		{ "job:id", { "identifier", "value", NULL } },
		{ "job:company", { "hiringOrganization", "name", NULL } },
		{ "job:company_is_agency", { "company_is_agency", NULL, NULL } },
		{ "job:city", { "jobLocation", "address", "addressLocality" } },
		{ "job:city_id", { "city_id", NULL, NULL } },
		{ "job:country", { "jobLocation", "address", "addressCountry" } },
		{ "job:contract", { "contract", NULL, NULL } },
		{ "job:schedule", { "schedule", NULL, NULL } },
		{ "job:raw_contract_label", { "raw_contract_label", NULL, NULL } },
		{ "job:remote", { "remote", NULL, NULL } },
		{ "job:valid_through", { "validThrough", NULL, NULL } },
		{ "job:apply_url", { "apply_url", NULL, NULL } },
		{ "job:apply_email", { "apply_email", NULL, NULL } },
		{ "job:salary_currency", { "baseSalary", "currency", NULL } },
		{ "job:salary_min", { "baseSalary", "value", "minValue" } },
		{ "job:salary_max", { "baseSalary", "value", "maxValue" } },
		{ "job:salary_period", { "baseSalary", "value", "unitText" } },
	};
	const json_t	*job, *v;
	char		 tmp[64];
	size_t		 i, k;

	job = json_object_get(it, "_job");
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		v = job;
		for (k = 0; k < 3 && fields[i].path[k] != NULL; k++)
			v = json_object_get(v, fields[i].path[k]);
		if (v == NULL || json_is_null(v))
			continue;
		if (xmlout_text(w, fields[i].tag, jstr(v, NULL, tmp,
		    sizeof(tmp))) == -1)
			return (-1);
	}
	return (xmlout_text(w, "job:language", jstr(it, "language", tmp,
	    sizeof(tmp))));
}

/*
 * A value as text: a string as is, a number or boolean written into tmp;
 * NULL when absent.  With key, the member key of v.
 */
static const char *
jstr(const json_t *v, const char *key, char *tmp, size_t len)
{
	if (key != NULL)
		v = json_object_get(v, key);
	if (json_is_string(v))
		return (json_string_value(v));
	if (json_is_integer(v))
		(void)snprintf(tmp, len, "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
	else if (json_is_real(v))
		(void)snprintf(tmp, len, "%.15g", json_real_value(v));
	else if (json_is_boolean(v))
		(void)snprintf(tmp, len, "%s", json_is_true(v) ? "true" :
		    "false");
	else
		return (NULL);
	return (tmp);
}

/* jstr() of v.a.b.c (b and c may be NULL). */
static const char *
jpath(const json_t *v, const char *a, const char *b, const char *c,
    char *tmp, size_t len)
{
	v = json_object_get(v, a);
	if (b != NULL)
		v = json_object_get(v, b);
	if (c != NULL)
		v = json_object_get(v, c);
	return (jstr(v, NULL, tmp, len));
}
