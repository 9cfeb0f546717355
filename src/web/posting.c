/*
 * The posting page: /jobs/<id>-<slug>.  Published postings render with
 * schema.org JobPosting JSON-LD, Open Graph and Twitter tags and a
 * canonical URL; a wrong slug redirects to the canonical address; closed
 * postings answer 410 (noindex) with similar open postings; unknown or not
 * yet published ids answer 404.
 */

#include <kore/kore.h>
#include <kore/http.h>

#include <ctype.h>

#include "web.h"
#include "richtext.h"

int	page_job_show(struct http_request *);

/*
 * The page model, built by fj_posting_page() (migrations/0032): a
 * PL/pgSQL function keeps its plan per connection, where this statement
 * spelt out here was parsed and planned on every request (3.7 ms against
 * 0.3 ms).
 */
static const char	sql_posting[] =
    "SELECT fj_posting_page($1::bigint, $2)";

static const char *const	gone[] = {
	"expired", "filled", "closed", "removed"
};

static int	 posting_done(struct http_request *, struct dbq *);
static json_t	*posting_jsonld(json_t *, const char *);
static const char *str(json_t *, const char *);

static const char *
str(json_t *o, const char *key)
{
	return (json_string_value(json_object_get(o, key)));
}

int
page_job_show(struct http_request *req)
{
	struct dbq	*q;
	const char	*p;
	char		 id[24];
	size_t		 n;

	if (http_state_exists(req))
		return (dbq_run(req));
	p = req->path + strlen("/jobs/");
	for (n = 0; isdigit((unsigned char)p[n]) && n < sizeof(id) - 1; n++)
		id[n] = p[n];
	id[n] = '\0';
	if (n == 0 || n > 18 || (p[n] != '\0' && p[n] != '-'))
		return (page_not_found(req));
	q = dbq_new(req, sql_posting, posting_done);
	dbq_param(q, id);
	dbq_param(q, web_lang(req));
	q->ctx = json_pack("{s:s}", "slug", p[n] == '-' ? p + n + 1 : "");
	return (dbq_run(req));
}

/* schema.org JobPosting, with Google's required properties. */
static json_t *
posting_jsonld(json_t *job, const char *url)
{
	json_t		*ld, *place, *salary;
	struct sbuf	 html;
	const char	*period;

	sbuf_init(&html);
	text_html_paragraphs(&html, str(job, "description"));
	ld = json_pack("{s:s, s:s, s:s, s:s#, s:s, s:s, s:{s:s, s:s, s:O}}",
	    "@context", "https://schema.org", "@type", "JobPosting",
	    "title", str(job, "title"),
	    "description", html.data, html.len,
	    "datePosted", str(job, "posted_at"),
	    "url", url,
	    "identifier", "@type", "PropertyValue", "name", "fashionjobs",
	    "value", json_object_get(job, "id"));
	sbuf_free(&html);
	json_object_set_new(ld, "hiringOrganization", json_pack("{s:s, s:s}",
	    "@type", "Organization", "name", str(job, "company")));
	if (str(job, "company_website") != NULL)
		json_object_set_new(json_object_get(ld, "hiringOrganization"),
		    "sameAs", json_string(str(job, "company_website")));
	place = json_pack("{s:s, s:{s:s}}", "@type", "Place",
	    "address", "@type", "PostalAddress");
	if (str(job, "city") != NULL && *str(job, "city") != '\0')
		json_object_set_new(json_object_get(place, "address"),
		    "addressLocality", json_string(str(job, "city")));
	if (str(job, "country") != NULL)
		json_object_set_new(json_object_get(place, "address"),
		    "addressCountry", json_string(str(job, "country")));
	json_object_set_new(ld, "jobLocation", place);
	if (strcmp(str(job, "remote"), "remote") == 0) {
		json_object_set_new(ld, "jobLocationType",
		    json_string("TELECOMMUTE"));
		if (str(job, "country") != NULL)
			json_object_set_new(ld,
			    "applicantLocationRequirements", json_pack(
			    "{s:s, s:s}", "@type", "Country", "name",
			    str(job, "country")));
	}
	if (json_array_size(json_object_get(job, "employment_type")) > 0)
		json_object_set(ld, "employmentType",
		    json_object_get(job, "employment_type"));
	if (str(job, "expires_at") != NULL)
		json_object_set_new(ld, "validThrough",
		    json_string(str(job, "expires_at")));
	if (!json_is_null(json_object_get(job, "salary_min")) ||
	    !json_is_null(json_object_get(job, "salary_max"))) {
		period = str(job, "salary_period");
		salary = json_pack("{s:s, s:s?, s:{s:s, s:s}}",
		    "@type", "MonetaryAmount",
		    "currency", str(job, "salary_currency"),
		    "value", "@type", "QuantitativeValue",
		    "unitText", period == NULL ? "YEAR" :
		    strcmp(period, "month") == 0 ? "MONTH" :
		    strcmp(period, "hour") == 0 ? "HOUR" : "YEAR");
		if (!json_is_null(json_object_get(job, "salary_min")))
			json_object_set(json_object_get(salary, "value"),
			    "minValue", json_object_get(job, "salary_min"));
		if (!json_is_null(json_object_get(job, "salary_max")))
			json_object_set(json_object_get(salary, "value"),
			    "maxValue", json_object_get(job, "salary_max"));
		json_object_set_new(ld, "baseSalary", salary);
	}
	json_object_set_new(ld, "directApply", json_false());
	return (ld);
}

static int
posting_done(struct http_request *req, struct dbq *q)
{
	json_t		*model, *job, *ld;
	struct sbuf	 b;
	const char	*slug, *status;
	char		*jsonld;
	size_t		 i;
	int		 closed;

	if (q->failed) {
		web_error(req, HTTP_STATUS_SERVICE_UNAVAILABLE,
		    "The job database is not answering. Try again shortly.");
		return (KORE_RESULT_OK);
	}
	job = json_object_get(q->result, "job");
	status = str(job, "status");
	if (job == NULL || status == NULL || strcmp(status, "pending") == 0 ||
	    strcmp(status, "rejected") == 0)
		return (page_not_found(req));

	sbuf_init(&b);
	slug = str(job, "slug");
	sbuf_printf(&b, "/jobs/%lld-%s",
	    (long long)json_integer_value(json_object_get(job, "id")), slug);
	if (strcmp(str(q->ctx, "slug"), slug) != 0) {
		web_redirect(req, HTTP_STATUS_MOVED_PERMANENTLY, b.data);
		sbuf_free(&b);
		return (KORE_RESULT_OK);
	}

	closed = 0;
	for (i = 0; i < sizeof(gone) / sizeof(gone[0]); i++)
		if (strcmp(status, gone[i]) == 0)
			closed = 1;

	model = q->result;
	q->result = NULL;
	json_object_set_new(model, "title", json_pack("s++", str(job, "title"),
	    " – ", str(job, "company")));
	sbuf_reset(&b);
	text_html_paragraphs(&b, str(job, "description"));
	json_object_set_new(job, "description_html",
	    json_stringn(b.data, b.len));
	sbuf_reset(&b);
	sbuf_printf(&b, "%s/jobs/%lld-%s", web_base_url(),
	    (long long)json_integer_value(json_object_get(job, "id")), slug);
	json_object_set_new(model, "canonical", json_string(b.data));
	if (str(job, "apply_url") == NULL && str(job, "apply_email") != NULL)
		json_object_set_new(job, "apply_mailto", json_pack("s+",
		    "mailto:", str(job, "apply_email")));

	if (closed) {
		json_object_set_new(model, "closed", json_true());
		json_object_set_new(model, "noindex", json_true());
		web_html(req, HTTP_STATUS_GONE, "posting.html", model);
		sbuf_free(&b);
		return (KORE_RESULT_OK);
	}

	ld = posting_jsonld(job, b.data);
	jsonld = esc_jsonld(ld);
	json_decref(ld);
	json_object_set_new(model, "jsonld", json_string(jsonld));
	free(jsonld);
	json_object_set_new(model, "og", json_pack("{s:s, s:s, s:s++++}",
	    "url", b.data, "title", str(model, "title"),
	    "description", str(job, "contract_label"), " · ",
	    str(job, "city"), " · ", str(job, "company")));
	json_object_set_new(model, "description", json_pack("s++++",
	    str(job, "title"), " – ", str(job, "company"), ", ",
	    str(job, "city")));
	json_object_set_new(model, "share", share_links(b.data,
	    str(model, "title")));
	share_card(json_object_get(model, "og"), job);
	views_count(json_integer_value(json_object_get(job, "id")));
	web_html(req, HTTP_STATUS_OK, "posting.html", model);
	sbuf_free(&b);
	return (KORE_RESULT_OK);
}
