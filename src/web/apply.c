/*
 * /jobs/<id>/apply: count the click, then send the seeker on to the
 * employer's apply page or e-mail.  Only open postings count and
 * redirect; anything else goes to the posting page, which says why.
 * Feed postings were not checked by our form: the target is checked
 * again here (http/https, or a plain e-mail address).
 */

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>

#include "session.h"

int	page_job_apply(struct http_request *);

static const char	sql_apply[] =
    "WITH u AS (UPDATE posting SET apply_clicks = apply_clicks + 1"
    "  WHERE id = $1::bigint AND status = 'published' AND " OPEN("posting")
    "  RETURNING apply_url, apply_email)"
    " SELECT json_build_object('open', EXISTS (SELECT 1 FROM u),"
    "  'url', (SELECT apply_url FROM u), 'email', (SELECT apply_email FROM u))";

static int	apply_done(struct http_request *, struct dbq *);

int
page_job_apply(struct http_request *req)
{
	struct dbq	*q;
	const char	*p;
	char		 id[24];

	if (http_state_exists(req))
		return (dbq_run(req));
	if ((p = web_job_id(req, id)) == NULL || strcmp(p, "/apply") != 0)
		return (page_not_found(req));
	q = dbq_new(req, sql_apply, apply_done);
	dbq_param(q, id);
	q->ctx = json_pack("{s:s}", "id", id);
	return (dbq_run(req));
}

static int
apply_done(struct http_request *req, struct dbq *q)
{
	struct sbuf	 loc;
	const char	*url, *email;

	if (q->failed || q->result == NULL) {
		web_error(req, HTTP_STATUS_SERVICE_UNAVAILABLE,
		    N_("The job database is not answering. Try again shortly."));
		return (KORE_RESULT_OK);
	}
	sbuf_init(&loc);
	url = json_string_value(json_object_get(q->result, "url"));
	email = json_string_value(json_object_get(q->result, "email"));
	if (!json_is_true(json_object_get(q->result, "open")))
		sbuf_printf(&loc, "/jobs/%s", json_string_value(
		    json_object_get(q->ctx, "id")));
	else if (url != NULL && valid_http_url(url))
		sbuf_puts(&loc, url);
	else if (email != NULL && valid_email(email))
		sbuf_printf(&loc, "mailto:%s", email);
	if (loc.len == 0) {
		sbuf_free(&loc);
		web_error(req, HTTP_STATUS_NOT_FOUND,
		    N_("This posting gives no way to apply."));
		return (KORE_RESULT_OK);
	}
	http_response_header(req, "cache-control", "no-store");
	http_response_header(req, "x-robots-tag", "noindex");
	web_redirect(req, HTTP_STATUS_FOUND, loc.data);
	sbuf_free(&loc);
	return (KORE_RESULT_OK);
}
