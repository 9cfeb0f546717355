/*
 * /admin: the moderation queue (approve, or reject with a reason the
 * recruiter sees), trusted recruiters (their postings skip the queue),
 * and the moderate_edits setting.  Every action is one statement that
 * checks the session, the role and the CSRF token, and logs what it did
 * in the moderation table.
 */

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>

#include "session.h"

#define REASON_MAX	500

int	page_admin(struct http_request *);

#define ADMIN_CTE							\
    " admin AS (SELECT * FROM me WHERE role = 'admin')"

static const char	sql_admin[] =
    "WITH " ME_CTE("$1") ", " OK_CTE("$2") "," ADMIN_CTE
    " SELECT json_build_object(" GATE_FIELDS ","
    " 'pending', (SELECT json_agg(json_build_object('id', p.id,"
    "  'title', p.title, 'company', p.company_name, 'city', p.city_name,"
    "  'contract', fj_label(p.contract, $3), 'remote', p.remote,"
    "  'description', p.description, 'apply_url', p.apply_url,"
    "  'apply_email', p.apply_email, 'email', a.email,"
    "  'trusted', a.trusted, 'account_id', a.id,"
    "  'submitted', to_char(p.updated_at AT TIME ZONE 'UTC',"
    "   'YYYY-MM-DD HH24:MI'),"
    "  'expires', to_char((p.expires_at AT TIME ZONE 'UTC') -"
    "   interval '1 second', 'YYYY-MM-DD')) ORDER BY p.updated_at)"
    "  FROM (SELECT * FROM posting WHERE status = 'pending'"
    "   AND EXISTS (SELECT 1 FROM admin) ORDER BY updated_at LIMIT 100) p"
    "  LEFT JOIN account a ON a.id = p.account_id),"
    " 'pending_count', (SELECT count(*) FROM posting WHERE"
    "  status = 'pending' AND EXISTS (SELECT 1 FROM admin)),"
    " 'recruiters', (SELECT json_agg(json_build_object('id', a.id,"
    "  'email', a.email, 'company', c.name, 'trusted', a.trusted,"
    "  'postings', (SELECT count(*) FROM posting p"
    "   WHERE p.account_id = a.id)) ORDER BY a.id DESC)"
    "  FROM (SELECT * FROM account WHERE role = 'recruiter'"
    "   AND EXISTS (SELECT 1 FROM admin) ORDER BY id DESC LIMIT 200) a"
    "  LEFT JOIN company c ON c.id = a.company_id),"
    " 'moderate_edits', fj_setting('moderate_edits') = 'on')";

/* $3 action, $4 posting or account id, $5 reason or setting value. */
static const char	sql_admin_act[] =
    "WITH " ME_CTE("$1") ", " OK_CTE("$2") ","
    " adm AS (SELECT * FROM ok WHERE role = 'admin'),"
    " appr AS (UPDATE posting p SET status = 'published',"
    "  reject_reason = NULL, moderated_at = now(), posted_at = now(),"
    "  updated_at = now() FROM adm WHERE $3 = 'approve'"
    "  AND p.id = $4::bigint AND p.status = 'pending' RETURNING p.id),"
    " rej AS (UPDATE posting p SET status = 'rejected', reject_reason = $5,"
    "  moderated_at = now(), updated_at = now() FROM adm"
    "  WHERE $3 = 'reject' AND p.id = $4::bigint AND p.status = 'pending'"
    "  RETURNING p.id),"
    " tr AS (UPDATE account a SET trusted = ($3 = 'trust') FROM adm"
    "  WHERE $3 IN ('trust', 'untrust') AND a.id = $4::bigint"
    "  AND a.role = 'recruiter' RETURNING a.id),"
    " st AS (UPDATE setting s SET value = $5 FROM adm"
    "  WHERE $3 = 'moderate_edits' AND s.key = 'moderate_edits'"
    "  RETURNING s.key),"
    " log AS (INSERT INTO moderation (admin_id, action, posting_id,"
    "  account_id, reason) SELECT adm.id, $3, x.pid, x.aid, $5 FROM adm,"
    "  (SELECT id AS pid, NULL::int AS aid FROM appr UNION ALL"
    "   SELECT id, NULL FROM rej UNION ALL SELECT NULL, id FROM tr UNION ALL"
    "   SELECT NULL, NULL FROM st) x)"
    " SELECT json_build_object(" GATE_FIELDS ","
    "  'done', EXISTS (SELECT 1 FROM appr) OR EXISTS (SELECT 1 FROM rej)"
    "   OR EXISTS (SELECT 1 FROM tr) OR EXISTS (SELECT 1 FROM st))";

static const char *const	actions[] = {
	"approve", "reject", "trust", "untrust", "moderate_edits"
};

static const struct web_notice notices[] = {
	{ "approve",	N_("Approved: the posting is live.") },
	{ "reject",	N_("Rejected: the recruiter sees your reason.") },
	{ "trust",	N_("The recruiter is trusted: new postings go live "
			"without review.") },
	{ "untrust",	N_("The recruiter's postings go through review again.") },
	{ "moderate_edits", N_("The setting is saved.") },
};

static int	admin_done(struct http_request *, struct dbq *);
static int	admin_acted(struct http_request *, struct dbq *);

int
page_admin(struct http_request *req)
{
	struct dbq	*q;
	struct qs	 qs;
	const char	*action, *id, *reason;
	char		 token[TOKEN_HEX + 1];

	if (http_state_exists(req))
		return (dbq_run(req));
	if (req->method != HTTP_METHOD_POST) {
		if (web_query(req, &qs) != KORE_RESULT_OK)
			return (KORE_RESULT_OK);
		q = dbq_new(req, sql_admin, admin_done);
		dbq_param(q, cookie_token(req, SESSION_COOKIE, token) ?
		    token : NULL);
		dbq_param(q, NULL);
		dbq_param(q, web_lang(req));
		q->ctx = json_object();
		action = qs_get(&qs, "done");
		web_notice(q->ctx, notices,
		    sizeof(notices) / sizeof(notices[0]), action);
		qs_free(&qs);
		return (dbq_run(req));
	}
	if (form_body(req, &qs) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	action = qs_get(&qs, "action");
	id = qs_get(&qs, "id");
	reason = qs_get(&qs, "reason");
	if (!one_of(action, actions, sizeof(actions) / sizeof(actions[0]))) {
		qs_free(&qs);
		web_error(req, HTTP_STATUS_BAD_REQUEST, N_("Unknown action."));
		return (KORE_RESULT_OK);
	}
	if (strcmp(action, "moderate_edits") == 0) {
		reason = qs_get(&qs, "value");
		if (reason == NULL || (strcmp(reason, "on") &&
		    strcmp(reason, "off"))) {
			qs_free(&qs);
			web_error(req, HTTP_STATUS_BAD_REQUEST,
			    N_("The setting is either on or off."));
			return (KORE_RESULT_OK);
		}
	} else if (id == NULL || *id == '\0' || strlen(id) > 18 ||
	    strspn(id, "0123456789") != strlen(id)) {
		qs_free(&qs);
		web_error(req, HTTP_STATUS_BAD_REQUEST, N_("Which one?"));
		return (KORE_RESULT_OK);
	}
	if (strcmp(action, "reject") == 0 && (reason == NULL ||
	    utf8_chars(reason) < 3 || utf8_chars(reason) > REASON_MAX)) {
		qs_free(&qs);
		web_error(req, HTTP_STATUS_BAD_REQUEST,
		    N_("Give the recruiter a reason for the rejection "
		    "(3 to 500 characters)."));
		return (KORE_RESULT_OK);
	}
	if (strcmp(action, "reject") != 0 &&
	    strcmp(action, "moderate_edits") != 0)
		reason = NULL;
	q = dbq_new(req, sql_admin_act, admin_acted);
	dbq_param(q, cookie_token(req, SESSION_COOKIE, token) ? token : NULL);
	dbq_param(q, qs_get(&qs, "csrf"));
	dbq_param(q, action);
	dbq_param(q, strcmp(action, "moderate_edits") == 0 ? "0" : id);
	dbq_param(q, reason);
	q->ctx = json_pack("{s:s}", "action", action);
	qs_free(&qs);
	return (dbq_run(req));
}

static int
admin_done(struct http_request *req, struct dbq *q)
{
	json_t	*model;

	if (session_gate(req, q->failed ? NULL : q->result, GATE_ADMIN, 0) !=
	    KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	model = q->result;
	q->result = NULL;
	json_object_update(model, q->ctx);
	json_object_set_new(model, "title", json_string("Moderation"));
	json_object_set_new(model, "noindex", json_true());
	private_html(req, HTTP_STATUS_OK, "admin.html", model);
	return (KORE_RESULT_OK);
}

static int
admin_acted(struct http_request *req, struct dbq *q)
{
	char	loc[64];

	if (session_gate(req, q->failed ? NULL : q->result, GATE_ADMIN, 1) !=
	    KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	if (!json_is_true(json_object_get(q->result, "done"))) {
		web_error(req, HTTP_STATUS_CONFLICT, N_("Nothing changed: the "
		    "posting was moderated meanwhile, or the account is not a "
		    "recruiter's."));
		return (KORE_RESULT_OK);
	}
	(void)snprintf(loc, sizeof(loc), "/admin?done=%s",
	    json_string_value(json_object_get(q->ctx, "action")));
	web_redirect(req, HTTP_STATUS_SEE_OTHER, loc);
	return (KORE_RESULT_OK);
}
