/*
 * What search engines read: /robots.txt, the sitemap index /sitemap.xml,
 * /sitemap-0.xml (home, search, city and company pages) and
 * /sitemap-N.xml (open postings in id order, at most SITEMAP_URLS each,
 * with their last modification).  Only open postings are listed, read
 * from the database on every request (ETag and 304 through web_send()),
 * so a closed posting is gone from the next crawl.
 */

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>

#include <ctype.h>

#include <libxml/xmlwriter.h>

#include "web.h"
#include "xmlout.h"

#define NS_SITEMAP	"http://www.sitemaps.org/schemas/sitemap/0.9"
#define SITEMAP_URLS	50000	/* the protocol's limit per file */

int	page_robots(struct http_request *);
int	page_sitemap_index(struct http_request *);
int	page_sitemap_page(struct http_request *);

/* $1 URLs per page.  Each page of postings with its newest change. */
static const char	sql_index[] =
    "WITH s AS (SELECT (row_number() OVER (ORDER BY x.id) - 1) /"
    "  $1::int + 1 AS n, x.updated_at FROM posting x"
    "  WHERE x.status = 'published' AND " OPEN("x") ")"
    "SELECT json_build_object('pages', coalesce((SELECT json_agg("
    " json_build_object('n', n, 'lastmod', fj_rfc3339(m)) ORDER BY n)"
    " FROM (SELECT n, max(updated_at) AS m FROM s GROUP BY n) g), '[]'),"
    " 'lastmod', (SELECT fj_rfc3339(max(updated_at)) FROM s))";

/* $1 base URL, $2 at most this many URLs: the listing pages. */
static const char	sql_listings[] =
    "WITH o AS (SELECT x.company_id, x.city_id, x.updated_at FROM posting x"
    "  WHERE x.status = 'published' AND " OPEN("x") ")"
    "(SELECT $1 || '/', fj_rfc3339(max(updated_at)) FROM o"
    " UNION ALL SELECT $1 || '/jobs', fj_rfc3339(max(updated_at)) FROM o"
    " UNION ALL (SELECT $1 || '/cities/' || c.slug,"
    "  fj_rfc3339(max(o.updated_at)) FROM o JOIN city c ON c.id = o.city_id"
    "  GROUP BY c.slug ORDER BY c.slug)"
    " UNION ALL (SELECT $1 || '/companies/' || co.slug,"
    "  fj_rfc3339(max(o.updated_at)) FROM o JOIN company co"
    "  ON co.id = o.company_id GROUP BY co.slug ORDER BY co.slug))"
    " LIMIT $2::int";

/* $1 base URL, $2 URLs per page, $3 the page (from 1). */
static const char	sql_postings[] =
    "SELECT $1 || fj_job_path(x.id, x.slug),"
    " fj_rfc3339(x.updated_at) FROM posting x"
    " WHERE x.status = 'published' AND " OPEN("x")
    " ORDER BY x.id OFFSET ($3::bigint - 1) * $2::int LIMIT $2::int";

static int	 sitemap_urls(void);
static int	 index_done(struct http_request *, struct dbq *);
static int	 urlset_rows(struct http_request *, struct dbq *);
static int	 urlset_done(struct http_request *, struct dbq *);
static int	 sitemap_send(struct http_request *, struct dbq *,
		    xmlBufferPtr, int);

/* URLs per file: SITEMAP_URLS, or fewer from FJ_SITEMAP_URLS (tests). */
static int
sitemap_urls(void)
{
	const char	*v;
	char		*end;
	long		 n;

	if ((v = getenv("FJ_SITEMAP_URLS")) == NULL || *v == '\0')
		return (SITEMAP_URLS);
	n = strtol(v, &end, 10);
	return (*end == '\0' && n > 0 && n < SITEMAP_URLS ? (int)n :
	    SITEMAP_URLS);
}

/* GET /robots.txt */
int
page_robots(struct http_request *req)
{
	struct sbuf	b;

	sbuf_init(&b);
	sbuf_printf(&b, "# Public pages and partner outputs may be crawled;"
	    " accounts, moderation\n# and the API may not.\n"
	    "User-agent: *\n"
	    "Allow: /\n"
	    "Disallow: /recruiter\n"
	    "Disallow: /admin\n"
	    "Disallow: /api/\n"
	    "Disallow: /jobs/*/apply\n"
	    "Disallow: /healthz\n"
	    "\n"
	    "Sitemap: %s/sitemap.xml\n", web_base_url());
	http_response_header(req, "cache-control", "public, max-age=3600");
	web_send(req, HTTP_STATUS_OK, "text/plain; charset=utf-8", b.data,
	    b.len, 0);
	sbuf_free(&b);
	return (KORE_RESULT_OK);
}

/* GET /sitemap.xml */
int
page_sitemap_index(struct http_request *req)
{
	struct dbq	*q;
	char		 num[16];

	if (http_state_exists(req))
		return (dbq_run(req));
	q = dbq_new(req, sql_index, index_done);
	(void)snprintf(num, sizeof(num), "%d", sitemap_urls());
	dbq_param(q, num);
	return (dbq_run(req));
}

static int
index_done(struct http_request *req, struct dbq *q)
{
	xmlBufferPtr		 buf;
	xmlTextWriterPtr	 w;
	const json_t		*page;
	char			 loc[512];
	size_t			 i;
	int			 rc;

	if (q->failed || q->result == NULL)
		return (sitemap_send(req, q, NULL, 0));
	buf = xmlBufferCreate();
	w = xmlNewTextWriterMemory(buf, 0);
	(void)xmlTextWriterSetIndent(w, 1);
	(void)snprintf(loc, sizeof(loc), "%s/sitemap-0.xml", web_base_url());
	rc = xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0 ||
	    xmlTextWriterStartElement(w, BAD_CAST "sitemapindex") < 0 ||
	    xmlout_attr(w, "xmlns", NS_SITEMAP) == -1 ||
	    xmlTextWriterStartElement(w, BAD_CAST "sitemap") < 0 ||
	    xmlout_text(w, "loc", loc) == -1 ||
	    xmlout_text(w, "lastmod", json_string_value(json_object_get(
	    q->result, "lastmod"))) == -1 ||
	    xmlTextWriterEndElement(w) < 0;
	json_array_foreach(json_object_get(q->result, "pages"), i, page) {
		(void)snprintf(loc, sizeof(loc), "%s/sitemap-%"
		    JSON_INTEGER_FORMAT ".xml", web_base_url(),
		    json_integer_value(json_object_get(page, "n")));
		rc |= xmlTextWriterStartElement(w, BAD_CAST "sitemap") < 0 ||
		    xmlout_text(w, "loc", loc) == -1 ||
		    xmlout_text(w, "lastmod", json_string_value(
		    json_object_get(page, "lastmod"))) == -1 ||
		    xmlTextWriterEndElement(w) < 0;
	}
	rc |= xmlTextWriterEndDocument(w) < 0;
	xmlFreeTextWriter(w);
	rc = sitemap_send(req, q, rc == 0 ? buf : NULL, 1);
	xmlBufferFree(buf);
	return (rc);
}

/* GET /sitemap-N.xml */
int
page_sitemap_page(struct http_request *req)
{
	struct dbq	*q;
	const char	*p;
	char		 num[16];
	size_t		 n;

	if (http_state_exists(req))
		return (dbq_run(req));
	p = req->path + strlen("/sitemap-");
	n = strspn(p, "0123456789");
	if (n == 0 || n > 6 || strcmp(p + n, ".xml") != 0 ||
	    (p[0] == '0' && n > 1))
		return (page_not_found(req));
	q = dbq_new(req, p[0] == '0' ? sql_listings : sql_postings,
	    urlset_done);
	q->rows = urlset_rows;
	q->ctx = json_object();
	dbq_param(q, web_base_url());
	(void)snprintf(num, sizeof(num), "%d", sitemap_urls());
	dbq_param(q, num);
	if (p[0] != '0') {
		(void)snprintf(num, sizeof(num), "%.*s", (int)n, p);
		dbq_param(q, num);
	}
	return (dbq_run(req));
}

/* The rows (loc, lastmod) as a <urlset> into q->body. */
static int
urlset_rows(struct http_request *req, struct dbq *q)
{
	xmlBufferPtr		 buf;
	xmlTextWriterPtr	 w;
	int			 i, n, rc;

	buf = xmlBufferCreate();
	w = xmlNewTextWriterMemory(buf, 0);
	(void)xmlTextWriterSetIndent(w, 1);
	rc = xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0 ||
	    xmlTextWriterStartElement(w, BAD_CAST "urlset") < 0 ||
	    xmlout_attr(w, "xmlns", NS_SITEMAP) == -1;
	n = kore_pgsql_ntuples(&q->sql);
	for (i = 0; i < n && rc == 0; i++)
		rc = xmlTextWriterStartElement(w, BAD_CAST "url") < 0 ||
		    xmlout_text(w, "loc", kore_pgsql_getvalue(&q->sql,
		    i, 0)) == -1 ||
		    (!PQgetisnull(q->sql.result, i, 1) && xmlout_text(w,
		    "lastmod", kore_pgsql_getvalue(&q->sql, i, 1)) == -1) ||
		    xmlTextWriterEndElement(w) < 0;
	rc |= xmlTextWriterEndDocument(w) < 0;
	xmlFreeTextWriter(w);
	if (rc == 0) {
		sbuf_reset(&q->body);
		sbuf_append(&q->body, xmlBufferContent(buf),
		    (size_t)xmlBufferLength(buf));
		json_object_set_new(q->ctx, "urls", json_integer(n));
	}
	xmlBufferFree(buf);
	return (rc == 0 ? 0 : -1);
}

static int
urlset_done(struct http_request *req, struct dbq *q)
{
	/* Past the last page of postings: no such file. */
	if (!q->failed && json_integer_value(json_object_get(q->ctx,
	    "urls")) == 0 && strcmp(req->path, "/sitemap-0.xml") != 0)
		return (page_not_found(req));
	return (sitemap_send(req, q, NULL, !q->failed && q->body.len > 0));
}

/*
 * Send buf (or q->body when buf is NULL), or 503 when the database or
 * the writer failed (ok is 0).
 */
static int
sitemap_send(struct http_request *req, struct dbq *q, xmlBufferPtr buf,
    int ok)
{
	if (!ok) {
		http_response_header(req, "retry-after", "5");
		web_problem(req, 503, NULL,
		    "The job database is not answering. Try again shortly.");
		return (KORE_RESULT_OK);
	}
	http_response_header(req, "cache-control", "public, max-age=300");
	if (buf != NULL)
		web_send(req, HTTP_STATUS_OK, "application/xml; charset=utf-8",
		    xmlBufferContent(buf), (size_t)xmlBufferLength(buf), 0);
	else
		web_send(req, HTTP_STATUS_OK, "application/xml; charset=utf-8",
		    q->body.data, q->body.len, 0);
	return (KORE_RESULT_OK);
}
