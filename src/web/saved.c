/*
 * Saved jobs: a "Save" button on every card and posting page keeps the
 * posting in a list for this browser, shown on /saved with each posting's
 * state (a closed one says so instead of vanishing).  No account and no
 * JavaScript: the button is a form, the list lives in PostgreSQL behind
 * a random token in the fj_saved cookie (HttpOnly, SameSite=Lax, a year).
 *
 * The buttons sit on cached pages, so they carry no CSRF token.  The
 * cookie is SameSite=Lax, so a form posted from another site arrives
 * without it and can only start a new, empty list; a POST whose Origin
 * is another site's is refused outright.
 */

#include <kore/kore.h>
#include <kore/http.h>

#include "session.h"

int	page_saved(struct http_request *);

#define SAVED_COOKIE	"fj_saved"
#define SAVED_SECONDS	(365 * 24 * 3600)
#define SAVED_MAX	"200"	/* postings in one list */

/* $1 list token, $2 posting id, $3 'save' or 'remove'. */
static const char	sql_change[] =
    "WITH t AS (SELECT sha256(convert_to($1::text, 'UTF8')) AS h),"
    " l0 AS (SELECT l.id FROM saved_list l, t WHERE l.token_hash = t.h),"
    " l1 AS (INSERT INTO saved_list (token_hash) SELECT t.h FROM t"
    "  WHERE $3 = 'save' AND NOT EXISTS (SELECT 1 FROM l0)"
    "  ON CONFLICT DO NOTHING RETURNING id),"
    " l AS (SELECT id FROM l0 UNION ALL SELECT id FROM l1),"
    " p AS (SELECT id FROM posting WHERE id = $2::bigint"
    "  AND status NOT IN ('pending', 'rejected')),"
    " ins AS (INSERT INTO saved_job (list_id, posting_id)"
    "  SELECT l.id, p.id FROM l, p WHERE $3 = 'save'"
    "  AND (SELECT count(*) FROM saved_job s WHERE s.list_id = l.id) < "
    SAVED_MAX " ON CONFLICT DO NOTHING RETURNING 1),"
    " del AS (DELETE FROM saved_job WHERE $3 = 'remove'"
    "  AND list_id IN (SELECT id FROM l0) AND posting_id = $2::bigint),"
    " u AS (UPDATE saved_list SET used_at = now()"
    "  WHERE id IN (SELECT id FROM l0))"
    " SELECT json_build_object('found', EXISTS (SELECT 1 FROM p))";

/* $1 list token, $2 reader's language: newest saved first. */
static const char	sql_list[] =
    "SELECT json_build_object('jobs', coalesce(json_agg(fj_card(p, $2)::jsonb"
    " || jsonb_build_object('open', p.status = 'published'"
    "  AND NOT fj_expired(p.expires_at), 'state', CASE"
    "  WHEN p.status = 'published' THEN 'expired' ELSE p.status END)"
    " ORDER BY s.saved_at DESC, p.id DESC), '[]'))"
    " FROM saved_list l JOIN saved_job s ON s.list_id = l.id"
    " JOIN posting p ON p.id = s.posting_id"
    " WHERE l.token_hash = sha256(convert_to($1::text, 'UTF8'))";

static int	 saved_changed(struct http_request *, struct dbq *);
static int	 saved_list(struct http_request *, struct dbq *);
static void	 saved_page(struct http_request *, json_t *);
static int	 same_origin(struct http_request *);

/* No Origin (an older client), or ours. */
static int
same_origin(struct http_request *req)
{
	const char	*origin;

	if (!http_request_header(req, "origin", &origin))
		return (1);
	return (strcmp(origin, web_base_url()) == 0);
}

static void
saved_page(struct http_request *req, json_t *model)
{
	json_object_set_new(model, "title", json_string(N_("Saved jobs")));
	json_object_set_new(model, "in_saved", json_true());
	json_object_set_new(model, "noindex", json_true());
	private_html(req, HTTP_STATUS_OK, "saved.html", model);
}

/* GET: this browser's list; POST job=<id>&action=save|remove. */
int
page_saved(struct http_request *req)
{
	struct dbq	*q;
	struct qs	 qs;
	const char	*job, *action;
	char		 token[TOKEN_HEX + 1];
	int		 have;

	if (http_state_exists(req))
		return (dbq_run(req));
	have = cookie_token(req, SAVED_COOKIE, token);
	if (req->method != HTTP_METHOD_POST) {
		if (!have) {
			saved_page(req, json_pack("{s:[]}", "jobs"));
			return (KORE_RESULT_OK);
		}
		q = dbq_new(req, sql_list, saved_list);
		dbq_param(q, token);
		dbq_param(q, web_lang(req));
		return (dbq_run(req));
	}
	if (!same_origin(req)) {
		csrf_failed(req);
		return (KORE_RESULT_OK);
	}
	if (form_body(req, &qs) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	job = qs_get(&qs, "job");
	if ((action = qs_get(&qs, "action")) == NULL)
		action = "save";
	if (job == NULL || *job == '\0' || strlen(job) > 18 ||
	    strspn(job, "0123456789") != strlen(job) ||
	    (strcmp(action, "save") != 0 && strcmp(action, "remove") != 0)) {
		qs_free(&qs);
		web_error(req, HTTP_STATUS_BAD_REQUEST, N_("Use the Save and "
		    "Remove buttons of the pages."));
		return (KORE_RESULT_OK);
	}
	if (!have) {
		if (strcmp(action, "remove") == 0) {
			qs_free(&qs);
			web_redirect(req, HTTP_STATUS_SEE_OTHER, "/saved");
			return (KORE_RESULT_OK);
		}
		if (token_new(token) != KORE_RESULT_OK) {
			qs_free(&qs);
			web_error(req, HTTP_STATUS_INTERNAL_ERROR,
			    N_("No randomness available."));
			return (KORE_RESULT_OK);
		}
		cookie_set(req, SAVED_COOKIE, token, SAVED_SECONDS);
	}
	q = dbq_new(req, sql_change, saved_changed);
	dbq_param(q, token);
	dbq_param(q, job);
	dbq_param(q, action);
	qs_free(&qs);
	explicit_bzero(token, sizeof(token));
	return (dbq_run(req));
}

static int
saved_changed(struct http_request *req, struct dbq *q)
{
	if (q->failed || q->result == NULL) {
		web_error(req, HTTP_STATUS_SERVICE_UNAVAILABLE,
		    N_("The database is not answering. Try again shortly."));
		return (KORE_RESULT_OK);
	}
	if (!json_is_true(json_object_get(q->result, "found"))) {
		web_error(req, HTTP_STATUS_NOT_FOUND, N_("We know no such job."));
		return (KORE_RESULT_OK);
	}
	http_response_header(req, "cache-control", "no-store");
	web_redirect(req, HTTP_STATUS_SEE_OTHER, "/saved");
	return (KORE_RESULT_OK);
}

static int
saved_list(struct http_request *req, struct dbq *q)
{
	json_t	*model;

	if (q->failed) {
		web_error(req, HTTP_STATUS_SERVICE_UNAVAILABLE,
		    N_("The database is not answering. Try again shortly."));
		return (KORE_RESULT_OK);
	}
	model = q->result != NULL ? q->result : json_pack("{s:[]}", "jobs");
	q->result = NULL;
	saved_page(req, model);
	return (KORE_RESULT_OK);
}
