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
 * The page model, built by fj_posting_page() (sql/posting.sql): a
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

	if (http_state_exists(req))
		return (dbq_run(req));
	if ((p = web_job_id(req, id)) == NULL || (*p != '\0' && *p != '-'))
		return (page_not_found(req));
	q = dbq_new(req, sql_posting, posting_done);
	dbq_param(q, id);
	dbq_param(q, web_lang(req));
	q->ctx = json_pack("{s:s}", "slug", *p == '-' ? p + 1 : "");
	return (dbq_run(req));
}

/*
 * schema.org JobPosting: fj_jobposting() (sql/posting.sql), the one
 * definition the JSON Feed's _job shares, with what only the page has:
 * @context, its URL and the description as HTML paragraphs.
 */
static json_t *
posting_jsonld(json_t *job, const char *url)
{
	json_t		*ld;
	struct sbuf	 html;

	sbuf_init(&html);
	text_html_paragraphs(&html, str(job, "description"));
	ld = json_pack("{s:s}", "@context", "https://schema.org");
	(void)json_object_update(ld, json_object_get(job, "jobposting"));
	json_object_set_new(ld, "url", json_string(url));
	json_object_set_new(ld, "description",
	    json_stringn(html.data, html.len));
	sbuf_free(&html);
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
		    N_("The job database is not answering. Try again shortly."));
		return (KORE_RESULT_OK);
	}
	job = json_object_get(q->result, "job");
	status = str(job, "status");
	if (job == NULL || status == NULL || strcmp(status, "pending") == 0 ||
	    strcmp(status, "rejected") == 0)
		return (page_not_found(req));

	sbuf_init(&b);
	slug = str(job, "slug");
	sbuf_puts(&b, str(job, "path"));
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
	sbuf_printf(&b, "%s%s", web_base_url(), str(job, "path"));
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
