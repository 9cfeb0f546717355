/*
 * Recruiter accounts: sign up, log in, log out, change the password, the
 * dashboard of one's postings, and the company profile every posting
 * reuses.  Passwords are hashed with argon2id in a Kore task (session.c);
 * the session check, the CSRF check and the page's data are one
 * statement per page (ME_CTE, OK_CTE).
 *
 * Signing up never tells whether an address has an account: the password
 * is hashed and one statement runs either way, and the answer is the same
 * page.  What differs is the e-mail queued in that statement: a link to
 * /recruiter/confirm for a new address, "you have an account, log in"
 * for a known one.  The account is created when the link is followed.
 */

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>

#include <netinet/in.h>

#include <ctype.h>

#include "session.h"

int	page_recruiter_signup(struct http_request *);
int	page_recruiter_confirm(struct http_request *);
int	page_recruiter_login(struct http_request *);
int	page_recruiter_logout(struct http_request *);
int	page_recruiter_password(struct http_request *);
int	page_recruiter_dashboard(struct http_request *);
int	page_recruiter_company(struct http_request *);

#define SIGNUP_HOURS	24	/* a confirmation link's life */
#define STR(x)		STR_(x)
#define STR_(x)		#x

/*
 * $1 e-mail, $2 password hash, $3 link token, $4/$5 the confirmation
 * mail, $6/$7 the "you have an account" mail.  Past the hourly limit of
 * sign-up mails for the address, nothing is written (same answer).
 */
static const char	sql_signup[] =
    "WITH k AS (SELECT EXISTS (SELECT 1 FROM account"
    "  WHERE lower(email) = lower($1)) AS known,"
    "  (SELECT count(*) FROM mail_outbox WHERE lower(to_addr) = lower($1)"
    "  AND kind IN ('signup_confirm', 'signup_exists')"
    "  AND created_at > now() - interval '1 hour') <"
    "  coalesce(fj_setting('signup_mails_per_hour')::int, 3) AS allowed),"
    " p AS (INSERT INTO signup_pending (email, password_hash, token_hash,"
    "  expires_at) SELECT $1, $2, sha256(convert_to($3, 'UTF8')),"
    "  now() + interval '" STR(SIGNUP_HOURS) " hours' FROM k"
    "  WHERE k.allowed AND NOT k.known),"
    " m AS (INSERT INTO mail_outbox (kind, to_addr, subject, body)"
    "  SELECT CASE WHEN known THEN 'signup_exists' ELSE 'signup_confirm'"
    "  END, $1, CASE WHEN known THEN $6 ELSE $4 END,"
    "  CASE WHEN known THEN $7 ELSE $5 END FROM k WHERE k.allowed),"
    " g AS (DELETE FROM signup_pending"
    "  WHERE expires_at < now() - interval '7 days')"
    " SELECT json_build_object('ok', true)";

/* What a link's token is worth before it is used: the confirm page. */
static const char	sql_confirm_peek[] =
    "SELECT json_build_object('state', CASE WHEN p.id IS NULL THEN"
    "  'unknown' WHEN p.used_at IS NOT NULL THEN 'used'"
    "  WHEN p.expires_at <= now() THEN 'expired' ELSE 'ok' END,"
    "  'email', p.email) FROM (SELECT 1) x LEFT JOIN signup_pending p"
    " ON p.token_hash = sha256(convert_to($1::text, 'UTF8'))";

/*
 * Use the token ($1) once: the account, and a session ($2 token, $3 its
 * CSRF token, $4 its lifetime).  "old" is the row as this statement
 * found it; a concurrent use that won the row lock leaves p empty.
 */
static const char	sql_confirm[] =
    "WITH t AS (SELECT sha256(convert_to($1::text, 'UTF8')) AS h),"
    " old AS (SELECT p.used_at, p.expires_at FROM signup_pending p, t"
    "  WHERE p.token_hash = t.h),"
    " p AS (UPDATE signup_pending p SET used_at = now() FROM t"
    "  WHERE p.token_hash = t.h AND p.used_at IS NULL"
    "  AND p.expires_at > now() RETURNING p.email, p.password_hash),"
    " a AS (INSERT INTO account (email, password_hash)"
    "  SELECT email, password_hash FROM p ON CONFLICT DO NOTHING"
    "  RETURNING id),"
    " s AS (INSERT INTO session (token_hash, account_id, csrf, expires_at)"
    "  SELECT sha256(convert_to($2, 'UTF8')), a.id, $3,"
    "  now() + make_interval(secs => $4::int) FROM a RETURNING account_id)"
    " SELECT json_build_object('state', CASE"
    "  WHEN EXISTS (SELECT 1 FROM s) THEN 'created'"
    "  WHEN EXISTS (SELECT 1 FROM p) THEN 'exists'"
    "  WHEN NOT EXISTS (SELECT 1 FROM old) THEN 'unknown'"
    "  WHEN (SELECT used_at IS NULL AND expires_at <= now() FROM old)"
    "  THEN 'expired' ELSE 'used' END)";

static const char	sql_login_lookup[] =
    "SELECT json_build_object("
    " 'hash', (SELECT password_hash FROM account WHERE lower(email) = $1),"
    " 'blocked', fj_login_blocked($1, $2::inet))";

/* The hash verified ($6) must still be the account's. */
static const char	sql_login_ok[] =
    "WITH a AS (SELECT id, role FROM account WHERE lower(email) = $1"
    "  AND password_hash = $6),"
    " l AS (INSERT INTO login_attempt (email, ip, ok)"
    "  SELECT $1, $2::inet, true FROM a),"
    " g AS (DELETE FROM session WHERE account_id IN (SELECT id FROM a)"
    "  AND expires_at < now()),"
    " s AS (INSERT INTO session (token_hash, account_id, csrf, expires_at)"
    "  SELECT sha256(convert_to($3, 'UTF8')), a.id, $4,"
    "  now() + make_interval(secs => $5::int) FROM a RETURNING account_id)"
    " SELECT json_build_object('ok', EXISTS (SELECT 1 FROM s),"
    "  'role', (SELECT role FROM a))";

static const char	sql_login_fail[] =
    "WITH l AS (INSERT INTO login_attempt (email, ip, ok)"
    "  VALUES ($1, $2::inet, false)),"
    " old AS (DELETE FROM login_attempt WHERE email = $1"
    "  AND at < now() - interval '1 day')"
    " SELECT json_build_object('ok', false)";

static const char	sql_me[] =
    "WITH " ME_CTE("$1") ", " OK_CTE("$2")
    " SELECT json_build_object(" GATE_FIELDS ")";

static const char	sql_logout[] =
    "WITH " ME_CTE("$1") ", " OK_CTE("$2") ","
    " d AS (DELETE FROM session WHERE EXISTS (SELECT 1 FROM ok)"
    "  AND token_hash = sha256(convert_to($1::text, 'UTF8')))"
    " SELECT json_build_object(" GATE_FIELDS ")";

static const char	sql_password_lookup[] =
    "WITH " ME_CTE("$1") ", " OK_CTE("$2")
    " SELECT json_build_object(" GATE_FIELDS ","
    "  'hash', (SELECT a.password_hash FROM account a JOIN ok"
    "   ON ok.id = a.id),"
    "  'blocked', (SELECT fj_login_blocked(lower(email), $3::inet)"
    "   FROM ok))";

/* Other sessions of the account end with the old password. */
static const char	sql_password_save[] =
    "WITH " ME_CTE("$1") ", " OK_CTE("$2") ","
    " u AS (UPDATE account a SET password_hash = $3,"
    "  password_changed_at = now() FROM ok WHERE a.id = ok.id"
    "  AND a.password_hash = $4 RETURNING a.id),"
    " d AS (DELETE FROM session WHERE account_id IN (SELECT id FROM u)"
    "  AND token_hash <> sha256(convert_to($1::text, 'UTF8')))"
    " SELECT json_build_object(" GATE_FIELDS ","
    "  'saved', EXISTS (SELECT 1 FROM u))";

static const char	sql_dashboard[] =
    "WITH " ME_CTE("$1") ", " OK_CTE("$2")
    " SELECT json_build_object(" GATE_FIELDS ","
    " 'company', (SELECT json_build_object('name', c.name, 'slug', c.slug,"
    "  'website', c.website, 'description', c.description,"
    "  'is_agency', c.is_agency) FROM company c JOIN me"
    "  ON c.id = me.company_id),"
    " 'postings', (SELECT json_agg(json_build_object('id', p.id,"
    "  'title', p.title, 'city', p.city_name, 'status', st.s,"
    "  'status_label', CASE st.s WHEN 'pending' THEN 'Waiting for review'"
    "   WHEN 'published' THEN 'Published' WHEN 'rejected' THEN 'Rejected'"
    "   WHEN 'expired' THEN 'Expired' WHEN 'filled' THEN 'Filled'"
    "   WHEN 'closed' THEN 'Closed' ELSE 'Removed by a moderator' END,"
    "  'reject_reason', CASE WHEN st.s = 'rejected' THEN p.reject_reason"
    "   END,"
    "  'expires', to_char((p.expires_at AT TIME ZONE 'UTC') -"
    "   interval '1 second', 'YYYY-MM-DD'),"
    "  'views', p.views, 'apply_clicks', p.apply_clicks,"
    "  'href', CASE WHEN st.s = 'published' THEN"
    "   '/jobs/' || p.id || '-' || p.slug END,"
    "  'can_edit', st.s IN ('pending', 'published', 'rejected'),"
    "  'can_close', st.s IN ('pending', 'published', 'expired'),"
    "  'can_relist', st.s = 'expired') ORDER BY p.id DESC)"
    "  FROM (SELECT p.* FROM posting p JOIN me ON p.account_id = me.id"
    "   ORDER BY p.id DESC LIMIT 500) p"
    "  CROSS JOIN LATERAL (SELECT CASE WHEN p.status = 'published' AND"
    "   fj_expired(p.expires_at) THEN 'expired' ELSE p.status END AS s) st))";

static const char	sql_company_form[] =
    "WITH " ME_CTE("$1") ", " OK_CTE("$2")
    " SELECT json_build_object(" GATE_FIELDS ","
    " 'company', (SELECT json_build_object('name', c.name, 'slug', c.slug,"
    "  'website', c.website, 'description', c.description,"
    "  'is_agency', c.is_agency) FROM company c JOIN me"
    "  ON c.id = me.company_id))";

/*
 * Create the account's company or update it.  A name whose key another
 * company has (one from the feeds, or another recruiter's) is refused:
 * taking over a company's public page needs an administrator.
 */
static const char	sql_company_save[] =
    "WITH " ME_CTE("$1") ", " OK_CTE("$2") ","
    " taken AS (SELECT 1 FROM company c, ok WHERE c.key = $3"
    "  AND c.id IS DISTINCT FROM ok.company_id),"
    " ins AS (INSERT INTO company (key, name, slug, is_agency, website,"
    "  description) SELECT $3, $4, CASE WHEN EXISTS (SELECT 1 FROM company"
    "  WHERE slug = $5) THEN $5 || '-' || substr(md5($3 || ok.id), 1, 6)"
    "  ELSE $5 END, $6::boolean, $7, $8 FROM ok"
    "  WHERE ok.company_id IS NULL AND NOT EXISTS (SELECT 1 FROM taken)"
    "  ON CONFLICT DO NOTHING RETURNING id),"
    " link AS (UPDATE account a SET company_id = ins.id FROM ins, ok"
    "  WHERE a.id = ok.id RETURNING a.id),"
    " upd AS (UPDATE company c SET key = $3, name = $4,"
    "  is_agency = $6::boolean, website = $7, description = $8 FROM ok"
    "  WHERE c.id = ok.company_id AND NOT EXISTS (SELECT 1 FROM taken)"
    "  RETURNING c.id),"
    " pn AS (UPDATE posting p SET company_name = $4, company_raw = $4,"
    "  updated_at = now() FROM upd WHERE p.company_id = upd.id"
    "  AND p.company_name <> $4)"
    " SELECT json_build_object(" GATE_FIELDS ","
    "  'taken', EXISTS (SELECT 1 FROM taken),"
    "  'saved', EXISTS (SELECT 1 FROM link) OR EXISTS (SELECT 1 FROM upd))";

/* What ?done= on the dashboard says. */
static const struct {
	const char	*code;
	const char	*message;
} notices[] = {
	{ "submitted",	"Thank you: your posting waits for a moderator. "
			"It goes live once approved." },
	{ "published",	"Your posting is live." },
	{ "saved",	"Your changes are saved." },
	{ "review",	"Your changes are saved and wait for a moderator; "
			"the posting is offline until then." },
	{ "filled",	"The posting is marked as filled." },
	{ "closed",	"The posting is closed." },
	{ "relisted",	"The posting is open again for 30 days." },
	{ "company",	"Your company profile is saved." },
	{ "welcome",	"Welcome! Create your company profile to post jobs." },
};

/* The confirm page for each state of a link. */
static const struct {
	const char	*state;
	int		 status;
	const char	*heading;
	const char	*message;
} confirm_pages[] = {
	{ "ok",		200, "Create your account",
	  "One more click creates the recruiter account for this address." },
	{ "used",	410, "This link was used already",
	  "The account was created with this link: log in with your e-mail "
	  "address and password." },
	{ "expired",	410, "This link has expired",
	  "Links to confirm an account work for " STR(SIGNUP_HOURS) " hours. "
	  "Sign up again to get a new one." },
	{ "exists",	409, "You have an account already",
	  "An account with this e-mail address exists already: log in." },
	{ "unknown",	404, "This link is not valid",
	  "Check that you opened the whole link from the e-mail, or sign up "
	  "again." },
};

static int		 auth_form(struct http_request *, const char *,
			    int, json_t *, json_t *);
static int		 confirm_page(struct http_request *, const char *,
			    const char *, const char *);
static int		 is_link_token(const char *);
static int		 confirm_peeked(struct http_request *, struct dbq *);
static enum flow_next	 confirm_save(struct http_request *, struct flow *);
static enum flow_next	 confirm_done(struct http_request *, struct flow *);
static void		 too_many(struct http_request *);
static void		 busy(struct http_request *);
static const char	*token_of(struct http_request *, char *);
static int		 start_session(struct http_request *, struct flow *,
			    const char *sql, const char *, const char *);
static enum flow_next	 signup_start(struct http_request *, struct flow *);
static enum flow_next	 signup_save(struct http_request *, struct flow *);
static enum flow_next	 signup_done(struct http_request *, struct flow *);
static enum flow_next	 login_lookup(struct http_request *, struct flow *);
static enum flow_next	 login_verify(struct http_request *, struct flow *);
static enum flow_next	 login_record(struct http_request *, struct flow *);
static enum flow_next	 login_done(struct http_request *, struct flow *);
static enum flow_next	 password_lookup(struct http_request *,
			    struct flow *);
static enum flow_next	 password_check(struct http_request *, struct flow *);
static enum flow_next	 password_hashed(struct http_request *,
			    struct flow *);
static enum flow_next	 password_done(struct http_request *, struct flow *);
static int		 password_form(struct http_request *, int,
			    json_t *, json_t *, const char *);
static int		 logout_done(struct http_request *, struct dbq *);
static int		 password_page_done(struct http_request *,
			    struct dbq *);
static int		 dashboard_done(struct http_request *, struct dbq *);
static int		 company_done(struct http_request *, struct dbq *);
static int		 company_saved(struct http_request *, struct dbq *);

/* The session cookie into buf, or NULL (sent as SQL NULL). */
static const char *
token_of(struct http_request *req, char *buf)
{
	return (cookie_token(req, SESSION_COOKIE, buf) ? buf : NULL);
}

static void
too_many(struct http_request *req)
{
	json_t	*model;

	model = json_pack("{s:i, s:s, s:s, s:b}", "status", 429,
	    "title", "Too many attempts", "message",
	    "Too many failed log-ins for this account or from your network. "
	    "Wait 15 minutes, then try again.", "noindex", 1);
	private_html(req, 429, "error.html", model);
}

static void
busy(struct http_request *req)
{
	http_response_header(req, "retry-after", "2");
	web_error(req, HTTP_STATUS_SERVICE_UNAVAILABLE,
	    "The server is busy, retry in a few seconds.");
}

/* The sign-up or log-in form, with the double-submit CSRF token. */
static int
auth_form(struct http_request *req, const char *tmpl, int status,
    json_t *values, json_t *errors)
{
	json_t		*model;
	char		 csrf[TOKEN_HEX + 1];

	if (anon_csrf(req, csrf) == NULL) {
		web_error(req, HTTP_STATUS_INTERNAL_ERROR,
		    "No randomness available.");
		return (KORE_RESULT_OK);
	}
	model = json_pack("{s:s, s:s, s:s, s:b}", "title",
	    strcmp(tmpl, "recruiter_signup.html") == 0 ?
	    "Create a recruiter account" : "Recruiter log-in",
	    "description", strcmp(tmpl, "recruiter_signup.html") == 0 ?
	    "Create a free recruiter account on fashionjobs and post jobs "
	    "in fashion and luxury." : "Log in to post and manage your jobs "
	    "in fashion and luxury on fashionjobs.",
	    "csrf", csrf, "noindex", 1);
	json_model_form(model, values, errors);
	private_html(req, status, tmpl, model);
	json_decref(values);
	json_decref(errors);
	return (KORE_RESULT_OK);
}

int
page_recruiter_signup(struct http_request *req)
{
	struct flow	*f;
	struct qs	 qs;
	json_t		*values, *errors;
	const char	*email, *pw, *pw2, *problem;

	if (http_state_exists(req))
		return (flow_run(req));
	if (req->method != HTTP_METHOD_POST)
		return (auth_form(req, "recruiter_signup.html",
		    HTTP_STATUS_OK, NULL, NULL));
	if (anon_form(req, &qs) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	values = json_object();
	errors = json_object();
	email = form_str(&qs, "email", 254, "The e-mail address", values,
	    errors, FORM_REQUIRED);
	if (email != NULL && !valid_email(email))
		json_object_set_new(errors, "email", json_string(
		    "Enter an e-mail address such as name@company.com."));
	if ((pw = qs_get(&qs, "password")) == NULL)
		pw = "";
	if ((pw2 = qs_get(&qs, "password2")) == NULL)
		pw2 = "";
	if ((problem = password_problem(pw, email)) != NULL)
		json_object_set_new(errors, "password", json_string(problem));
	else if (strcmp(pw, pw2) != 0)
		json_object_set_new(errors, "password2",
		    json_string("The two passwords differ."));
	if (json_object_size(errors) > 0) {
		qs_free(&qs);
		return (auth_form(req, "recruiter_signup.html",
		    HTTP_STATUS_BAD_REQUEST, values, errors));
	}
	f = flow_new(req, signup_start);
	f->password = kore_strdup(pw);
	f->ctx = json_pack("{s:o, s:o}", "values", values, "errors", errors);
	qs_free(&qs);
	return (flow_run(req));
}

static enum flow_next
signup_start(struct http_request *req, struct flow *f)
{
	if (flow_task(req, f, FLOW_HASH) != KORE_RESULT_OK) {
		busy(req);
		return (FLOW_DONE);
	}
	f->next = signup_save;
	return (FLOW_TASK);
}

/*
 * Set up sql ($1 p1, $2 p2, $3 new session token, $4 its CSRF token, $5
 * its lifetime; without p2 they move up to $2-$4), which creates the
 * session; the token waits in the ctx for the cookie.  KORE_RESULT_ERROR
 * (answered) without randomness.
 */
static int
start_session(struct http_request *req, struct flow *f, const char *sql,
    const char *p1, const char *p2)
{
	char	token[TOKEN_HEX + 1], csrf[TOKEN_HEX + 1], secs[16];

	if (token_new(token) != KORE_RESULT_OK ||
	    token_new(csrf) != KORE_RESULT_OK) {
		web_error(req, HTTP_STATUS_INTERNAL_ERROR,
		    "No randomness available.");
		return (KORE_RESULT_ERROR);
	}
	(void)snprintf(secs, sizeof(secs), "%d", SESSION_SECONDS);
	flow_query(f, sql);
	flow_param(f, p1);
	if (p2 != NULL)
		flow_param(f, p2);
	flow_param(f, token);
	flow_param(f, csrf);
	flow_param(f, secs);
	json_object_set_new(f->ctx, "token", json_string(token));
	explicit_bzero(token, sizeof(token));
	return (KORE_RESULT_OK);
}

static enum flow_next
signup_save(struct http_request *req, struct flow *f)
{
	json_t		*model;
	struct sbuf	 link;
	const char	*email;
	char		 token[TOKEN_HEX + 1], *subj[2], *body[2];
	int		 rc;

	if (f->hashed[0] == '\0') {
		web_error(req, HTTP_STATUS_INTERNAL_ERROR,
		    "The password could not be hashed.");
		return (FLOW_DONE);
	}
	if (token_new(token) != KORE_RESULT_OK) {
		web_error(req, HTTP_STATUS_INTERNAL_ERROR,
		    "No randomness available.");
		return (FLOW_DONE);
	}
	email = json_string_value(json_object_get(json_object_get(f->ctx,
	    "values"), "email"));
	sbuf_init(&link);
	sbuf_printf(&link, "%s/recruiter/confirm?token=%s", web_base_url(),
	    token);
	model = json_pack("{s:s, s:s, s:i}", "email", email, "link",
	    link.data, "hours", SIGNUP_HOURS);
	explicit_bzero(link.data, link.len);
	sbuf_reset(&link);
	sbuf_printf(&link, "%s/recruiter/login", web_base_url());
	rc = web_mail("mail_signup_confirm.txt", model, &subj[0], &body[0]);
	model = json_pack("{s:s, s:s}", "email", email, "login", link.data);
	rc |= web_mail("mail_signup_exists.txt", model, &subj[1], &body[1]);
	sbuf_free(&link);
	if (rc == 0) {
		flow_query(f, sql_signup);
		flow_param(f, email);
		flow_param(f, f->hashed);
		flow_param(f, token);
		flow_param(f, subj[0]);
		flow_param(f, body[0]);
		flow_param(f, subj[1]);
		flow_param(f, body[1]);
	}
	explicit_bzero(token, sizeof(token));
	if (body[0] != NULL)
		explicit_bzero(body[0], strlen(body[0]));
	free(subj[0]);
	free(body[0]);
	free(subj[1]);
	free(body[1]);
	if (rc != 0) {
		web_error(req, HTTP_STATUS_INTERNAL_ERROR,
		    "The e-mail could not be written.");
		return (FLOW_DONE);
	}
	f->next = signup_done;
	return (FLOW_QUERY);
}

/* The same page whether the address is new, known, or over its limit. */
static enum flow_next
signup_done(struct http_request *req, struct flow *f)
{
	json_t	*model;

	if (f->failed || f->result == NULL) {
		web_db_down(req);
		return (FLOW_DONE);
	}
	model = json_pack("{s:s, s:O, s:i, s:b}", "title", "Check your e-mail",
	    "email", json_object_get(json_object_get(f->ctx, "values"),
	    "email"), "hours", SIGNUP_HOURS, "noindex", 1);
	private_html(req, HTTP_STATUS_OK, "recruiter_signup_sent.html", model);
	return (FLOW_DONE);
}

/* A link's token: TOKEN_HEX lower-case hex digits. */
static int
is_link_token(const char *s)
{
	return (s != NULL && strlen(s) == TOKEN_HEX &&
	    strspn(s, "0123456789abcdef") == TOKEN_HEX);
}

/* The confirm page for state; token and csrf only for the form. */
static int
confirm_page(struct http_request *req, const char *state,
    const char *token, const char *email)
{
	json_t		*model;
	char		 csrf[TOKEN_HEX + 1];
	size_t		 i;

	for (i = 0; i < sizeof(confirm_pages) / sizeof(confirm_pages[0]) - 1;
	    i++)
		if (strcmp(state, confirm_pages[i].state) == 0)
			break;
	model = json_pack("{s:s, s:s, s:s, s:b}", "title",
	    confirm_pages[i].heading, "heading", confirm_pages[i].heading,
	    "message", confirm_pages[i].message, "noindex", 1);
	if (i == 0) {
		if (anon_csrf(req, csrf) == NULL) {
			json_decref(model);
			web_error(req, HTTP_STATUS_INTERNAL_ERROR,
			    "No randomness available.");
			return (KORE_RESULT_OK);
		}
		json_object_set_new(model, "form", json_true());
		json_object_set_new(model, "csrf", json_string(csrf));
		json_object_set_new(model, "token", json_string(token));
		if (email != NULL)
			json_object_set_new(model, "message", json_sprintf(
			    "One more click creates the recruiter account for "
			    "%s.", email));
	}
	private_html(req, confirm_pages[i].status, "recruiter_confirm.html",
	    model);
	return (KORE_RESULT_OK);
}

/*
 * GET shows what the link is worth and a button; the POST uses it.  A
 * GET changes nothing, so a mail scanner that opens links uses no token.
 */
int
page_recruiter_confirm(struct http_request *req)
{
	struct dbq	*q;
	struct flow	*f;
	struct qs	 qs;
	const char	*token;

	if (http_state_exists(req))
		return (req->method == HTTP_METHOD_POST ? flow_run(req) :
		    dbq_run(req));
	if (req->method != HTTP_METHOD_POST) {
		if (web_query(req, &qs) != KORE_RESULT_OK)
			return (KORE_RESULT_OK);
		token = qs_get(&qs, "token");
		if (!is_link_token(token)) {
			qs_free(&qs);
			return (confirm_page(req, "unknown", NULL, NULL));
		}
		q = dbq_new(req, sql_confirm_peek, confirm_peeked);
		dbq_param(q, token);
		q->ctx = json_pack("{s:s}", "token", token);
		qs_free(&qs);
		return (dbq_run(req));
	}
	if (anon_form(req, &qs) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	token = qs_get(&qs, "token");
	if (!is_link_token(token)) {
		qs_free(&qs);
		return (confirm_page(req, "unknown", NULL, NULL));
	}
	f = flow_new(req, confirm_save);
	f->ctx = json_pack("{s:s}", "link", token);
	qs_free(&qs);
	return (flow_run(req));
}

static int
confirm_peeked(struct http_request *req, struct dbq *q)
{
	if (q->failed || q->result == NULL) {
		web_db_down(req);
		return (KORE_RESULT_OK);
	}
	return (confirm_page(req, json_string_value(json_object_get(q->result,
	    "state")), json_string_value(json_object_get(q->ctx, "token")),
	    json_string_value(json_object_get(q->result, "email"))));
}

static enum flow_next
confirm_save(struct http_request *req, struct flow *f)
{
	if (start_session(req, f, sql_confirm, json_string_value(
	    json_object_get(f->ctx, "link")), NULL) != KORE_RESULT_OK)
		return (FLOW_DONE);
	f->next = confirm_done;
	return (FLOW_QUERY);
}

static enum flow_next
confirm_done(struct http_request *req, struct flow *f)
{
	const char	*state;

	if (f->failed || f->result == NULL) {
		web_db_down(req);
		return (FLOW_DONE);
	}
	state = json_string_value(json_object_get(f->result, "state"));
	if (state == NULL || strcmp(state, "created") != 0) {
		(void)confirm_page(req, state != NULL ? state : "unknown",
		    NULL, NULL);
		return (FLOW_DONE);
	}
	cookie_set(req, SESSION_COOKIE, json_string_value(
	    json_object_get(f->ctx, "token")), SESSION_SECONDS);
	web_redirect(req, HTTP_STATUS_SEE_OTHER, "/recruiter/company");
	return (FLOW_DONE);
}

int
page_recruiter_login(struct http_request *req)
{
	struct flow	*f;
	struct qs	 qs;
	json_t		*values, *errors;
	const char	*email, *pw;
	char		*lower, ip[INET6_ADDRSTRLEN];
	size_t		 i;

	if (http_state_exists(req))
		return (flow_run(req));
	if (req->method != HTTP_METHOD_POST)
		return (auth_form(req, "recruiter_login.html",
		    HTTP_STATUS_OK, NULL, NULL));
	if (anon_form(req, &qs) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	values = json_object();
	errors = json_object();
	email = form_str(&qs, "email", 254, "The e-mail address", values,
	    errors, FORM_REQUIRED);
	pw = qs_get(&qs, "password");
	if (pw == NULL || *pw == '\0')
		json_object_set_new(errors, "password",
		    json_string("The password is required."));
	else if (strlen(pw) > PASSWORD_MAX)
		json_object_set_new(errors, "password",
		    json_string("A password is limited to 256 bytes."));
	if (json_object_size(errors) > 0) {
		qs_free(&qs);
		return (auth_form(req, "recruiter_login.html",
		    HTTP_STATUS_BAD_REQUEST, values, errors));
	}
	lower = kore_strdup(email);
	for (i = 0; lower[i] != '\0'; i++)
		lower[i] = tolower((unsigned char)lower[i]);
	client_ip(req, ip, sizeof(ip));
	f = flow_new(req, login_lookup);
	f->password = kore_strdup(pw);
	f->ctx = json_pack("{s:o, s:o, s:s, s:s}", "values", values,
	    "errors", errors, "email", lower, "ip", ip);
	kore_free(lower);
	qs_free(&qs);
	return (flow_run(req));
}

static enum flow_next
login_lookup(struct http_request *req, struct flow *f)
{
	flow_query(f, sql_login_lookup);
	flow_param(f, json_string_value(json_object_get(f->ctx, "email")));
	flow_param(f, json_string_value(json_object_get(f->ctx, "ip")));
	f->next = login_verify;
	return (FLOW_QUERY);
}

/* Lookup done: verify (against a dummy hash for unknown e-mails). */
static enum flow_next
login_verify(struct http_request *req, struct flow *f)
{
	const char	*hash;

	if (f->failed || f->result == NULL) {
		web_db_down(req);
		return (FLOW_DONE);
	}
	if (json_is_true(json_object_get(f->result, "blocked"))) {
		too_many(req);
		return (FLOW_DONE);
	}
	hash = json_string_value(json_object_get(f->result, "hash"));
	json_object_set_new(f->ctx, "known", json_boolean(hash != NULL));
	f->encoded = kore_strdup(hash != NULL ? hash : session_dummy_hash());
	if (flow_task(req, f, FLOW_VERIFY) != KORE_RESULT_OK) {
		busy(req);
		return (FLOW_DONE);
	}
	f->next = login_record;
	return (FLOW_TASK);
}

static enum flow_next
login_record(struct http_request *req, struct flow *f)
{
	const char	*email, *ip;

	email = json_string_value(json_object_get(f->ctx, "email"));
	ip = json_string_value(json_object_get(f->ctx, "ip"));
	if (f->verified && json_is_true(json_object_get(f->ctx, "known"))) {
		if (start_session(req, f, sql_login_ok, email, ip) !=
		    KORE_RESULT_OK)
			return (FLOW_DONE);
		flow_param(f, f->encoded);
	} else {
		flow_query(f, sql_login_fail);
		flow_param(f, email);
		flow_param(f, ip);
	}
	f->next = login_done;
	return (FLOW_QUERY);
}

static enum flow_next
login_done(struct http_request *req, struct flow *f)
{
	json_t		*values, *errors;
	const char	*role;

	if (f->failed || f->result == NULL) {
		web_db_down(req);
		return (FLOW_DONE);
	}
	if (!json_is_true(json_object_get(f->result, "ok"))) {
		values = json_incref(json_object_get(f->ctx, "values"));
		errors = json_incref(json_object_get(f->ctx, "errors"));
		json_object_set_new(errors, "form", json_string(
		    "Wrong e-mail address or password."));
		(void)auth_form(req, "recruiter_login.html",
		    HTTP_STATUS_BAD_REQUEST, values, errors);
		return (FLOW_DONE);
	}
	cookie_set(req, SESSION_COOKIE, json_string_value(
	    json_object_get(f->ctx, "token")), SESSION_SECONDS);
	role = json_string_value(json_object_get(f->result, "role"));
	web_redirect(req, HTTP_STATUS_SEE_OTHER,
	    role != NULL && strcmp(role, "admin") == 0 ? "/admin" :
	    "/recruiter");
	return (FLOW_DONE);
}

int
page_recruiter_logout(struct http_request *req)
{
	struct dbq	*q;
	struct qs	 qs;
	char		 token[TOKEN_HEX + 1];

	if (http_state_exists(req))
		return (dbq_run(req));
	if (req->method != HTTP_METHOD_POST) {
		web_redirect(req, HTTP_STATUS_SEE_OTHER, "/recruiter");
		return (KORE_RESULT_OK);
	}
	if (form_body(req, &qs) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	q = dbq_new(req, sql_logout, logout_done);
	dbq_param(q, token_of(req, token));
	dbq_param(q, qs_get(&qs, "csrf"));
	qs_free(&qs);
	return (dbq_run(req));
}

static int
logout_done(struct http_request *req, struct dbq *q)
{
	if (session_gate(req, q->failed ? NULL : q->result, GATE_RECRUITER,
	    1) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	cookie_set(req, SESSION_COOKIE, "", 0);
	web_redirect(req, HTTP_STATUS_SEE_OTHER, "/recruiter/login");
	return (KORE_RESULT_OK);
}

/* The password page; takes values' and errors' references. */
static int
password_form(struct http_request *req, int status, json_t *model,
    json_t *errors, const char *notice)
{
	json_object_set_new(model, "title", json_string("Change password"));
	json_object_set_new(model, "noindex", json_true());
	if (notice != NULL)
		json_object_set_new(model, "notice", json_string(notice));
	json_model_form(model, NULL, errors);
	json_decref(errors);
	private_html(req, status, "recruiter_password.html", model);
	return (KORE_RESULT_OK);
}

int
page_recruiter_password(struct http_request *req)
{
	struct dbq	*q;
	struct flow	*f;
	struct qs	 qs;
	json_t		*errors;
	const char	*cur, *pw, *pw2, *problem;
	char		 token[TOKEN_HEX + 1], ip[INET6_ADDRSTRLEN];

	if (http_state_exists(req)) {
		return (req->method == HTTP_METHOD_POST ? flow_run(req) :
		    dbq_run(req));
	}
	if (req->method != HTTP_METHOD_POST) {
		q = dbq_new(req, sql_me, password_page_done);
		dbq_param(q, token_of(req, token));
		dbq_param(q, NULL);
		return (dbq_run(req));
	}
	if (form_body(req, &qs) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	errors = json_object();
	if ((cur = qs_get(&qs, "current")) == NULL || *cur == '\0')
		json_object_set_new(errors, "current",
		    json_string("Your current password is required."));
	else if (strlen(cur) > PASSWORD_MAX)
		json_object_set_new(errors, "current",
		    json_string("A password is limited to 256 bytes."));
	if ((pw = qs_get(&qs, "password")) == NULL)
		pw = "";
	if ((pw2 = qs_get(&qs, "password2")) == NULL)
		pw2 = "";
	if ((problem = password_problem(pw, NULL)) != NULL)
		json_object_set_new(errors, "password", json_string(problem));
	else if (strcmp(pw, pw2) != 0)
		json_object_set_new(errors, "password2",
		    json_string("The two passwords differ."));
	client_ip(req, ip, sizeof(ip));
	f = flow_new(req, password_lookup);
	if (json_object_size(errors) == 0) {
		f->password = kore_strdup(cur);
		f->password_new = kore_strdup(pw);
	}
	f->ctx = json_pack("{s:o, s:s, s:s?, s:s?}", "errors", errors,
	    "ip", ip, "csrf", qs_get(&qs, "csrf"),
	    "token", token_of(req, token));
	qs_free(&qs);
	return (flow_run(req));
}

static enum flow_next
password_lookup(struct http_request *req, struct flow *f)
{
	flow_query(f, sql_password_lookup);
	flow_param(f, json_string_value(json_object_get(f->ctx, "token")));
	flow_param(f, json_string_value(json_object_get(f->ctx, "csrf")));
	flow_param(f, json_string_value(json_object_get(f->ctx, "ip")));
	f->next = password_check;
	return (FLOW_QUERY);
}

static int
password_page_done(struct http_request *req, struct dbq *q)
{
	if (session_gate(req, q->failed ? NULL : q->result, GATE_RECRUITER,
	    0) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	password_form(req, HTTP_STATUS_OK, q->result, NULL, NULL);
	q->result = NULL;
	return (KORE_RESULT_OK);
}

static enum flow_next
password_check(struct http_request *req, struct flow *f)
{
	json_t	*errors;

	if (session_gate(req, f->failed ? NULL : f->result, GATE_RECRUITER,
	    1) != KORE_RESULT_OK)
		return (FLOW_DONE);
	errors = json_object_get(f->ctx, "errors");
	if (json_object_size(errors) > 0) {
		password_form(req, HTTP_STATUS_BAD_REQUEST,
		    json_incref(f->result), json_incref(errors), NULL);
		return (FLOW_DONE);
	}
	if (json_is_true(json_object_get(f->result, "blocked"))) {
		too_many(req);
		return (FLOW_DONE);
	}
	f->encoded = kore_strdup(json_string_value(json_object_get(
	    f->result, "hash")));
	json_object_set(f->ctx, "page", f->result);
	if (flow_task(req, f, FLOW_VERIFY_HASH) != KORE_RESULT_OK) {
		busy(req);
		return (FLOW_DONE);
	}
	f->next = password_hashed;
	return (FLOW_TASK);
}

static enum flow_next
password_hashed(struct http_request *req, struct flow *f)
{
	json_t		*page;
	const char	*email;

	page = json_object_get(f->ctx, "page");
	if (!f->verified) {
		/* A wrong current password counts as a failed log-in. */
		email = json_string_value(json_object_get(
		    json_object_get(page, "me"), "email"));
		json_object_set_new(f->ctx, "wrong", json_true());
		flow_query(f, sql_login_fail);
		flow_param(f, email);
		flow_param(f, json_string_value(json_object_get(f->ctx, "ip")));
		f->next = password_done;
		return (FLOW_QUERY);
	}
	if (f->hashed[0] == '\0') {
		web_error(req, HTTP_STATUS_INTERNAL_ERROR,
		    "The password could not be hashed.");
		return (FLOW_DONE);
	}
	flow_query(f, sql_password_save);
	flow_param(f, json_string_value(json_object_get(f->ctx, "token")));
	flow_param(f, json_string_value(json_object_get(f->ctx, "csrf")));
	flow_param(f, f->hashed);
	flow_param(f, f->encoded);
	f->next = password_done;
	return (FLOW_QUERY);
}

static enum flow_next
password_done(struct http_request *req, struct flow *f)
{
	json_t	*page, *errors;

	page = json_incref(json_object_get(f->ctx, "page"));
	if (f->failed || f->result == NULL) {
		json_decref(page);
		web_db_down(req);
		return (FLOW_DONE);
	}
	if (json_is_true(json_object_get(f->ctx, "wrong"))) {
		errors = json_pack("{s:s}", "current",
		    "Your current password is wrong.");
		password_form(req, HTTP_STATUS_BAD_REQUEST, page, errors, NULL);
		return (FLOW_DONE);
	}
	if (!json_is_true(json_object_get(f->result, "saved"))) {
		errors = json_pack("{s:s}", "current", "Your password changed "
		    "meanwhile: try again.");
		password_form(req, HTTP_STATUS_CONFLICT, page, errors, NULL);
		return (FLOW_DONE);
	}
	password_form(req, HTTP_STATUS_OK, page, NULL,
	    "Your password is changed. Your other sessions are signed out.");
	return (FLOW_DONE);
}

int
page_recruiter_dashboard(struct http_request *req)
{
	struct dbq	*q;
	struct qs	 qs;
	char		 token[TOKEN_HEX + 1];
	const char	*done;
	size_t		 i;

	if (http_state_exists(req))
		return (dbq_run(req));
	if (web_query(req, &qs) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	q = dbq_new(req, sql_dashboard, dashboard_done);
	dbq_param(q, token_of(req, token));
	dbq_param(q, NULL);
	q->ctx = json_object();
	done = qs_get(&qs, "done");
	for (i = 0; done != NULL && i < sizeof(notices) / sizeof(notices[0]);
	    i++)
		if (strcmp(done, notices[i].code) == 0)
			json_object_set_new(q->ctx, "notice",
			    json_string(notices[i].message));
	qs_free(&qs);
	return (dbq_run(req));
}

static int
dashboard_done(struct http_request *req, struct dbq *q)
{
	json_t	*model;

	if (session_gate(req, q->failed ? NULL : q->result, GATE_RECRUITER,
	    0) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	model = q->result;
	q->result = NULL;
	json_object_update(model, q->ctx);
	json_object_set_new(model, "title", json_string("Your job postings"));
	json_object_set_new(model, "noindex", json_true());
	private_html(req, HTTP_STATUS_OK, "recruiter_dashboard.html", model);
	return (KORE_RESULT_OK);
}

int
page_recruiter_company(struct http_request *req)
{
	struct dbq		*q;
	struct qs		 qs;
	struct norm_company	 co;
	json_t			*values, *errors;
	const char		*name, *web, *about;
	char			 token[TOKEN_HEX + 1], *slug;

	if (http_state_exists(req))
		return (dbq_run(req));
	if (req->method != HTTP_METHOD_POST) {
		q = dbq_new(req, sql_company_form, company_done);
		dbq_param(q, token_of(req, token));
		dbq_param(q, NULL);
		q->ctx = json_pack("{s:b, s:i}", "post", 0, "status", 200);
		return (dbq_run(req));
	}
	if (form_body(req, &qs) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	values = json_object();
	errors = json_object();
	name = form_str(&qs, "name", 100, "The company name", values, errors,
	    FORM_REQUIRED);
	web = form_str(&qs, "website", 200, "The website", values, errors, 0);
	about = form_str(&qs, "description", 1000, "The description", values,
	    errors, FORM_MULTILINE);
	json_object_set_new(values, "is_agency", json_boolean(
	    qs_get(&qs, "is_agency") != NULL));
	if (web != NULL && !valid_http_url(web))
		json_object_set_new(errors, "website", json_string(
		    "The website must be an address starting with https:// "
		    "or http://, such as https://www.example.com."));
	memset(&co, 0, sizeof(co));
	if (name != NULL) {
		norm_company(name, &co);
		if (co.key == NULL || *co.key == '\0')
			json_object_set_new(errors, "name", json_string(
			    "Give the company's name in letters or digits."));
	}
	if (json_object_size(errors) > 0) {
		q = dbq_new(req, sql_company_form, company_done);
		q->ctx = json_pack("{s:b, s:i, s:o, s:o}", "post", 1,
		    "status", 400, "f", values, "errors", errors);
	} else {
		q = dbq_new(req, sql_company_save, company_saved);
		q->ctx = json_pack("{s:b, s:i, s:o, s:o}", "post", 1,
		    "status", 400, "f", values, "errors", errors);
	}
	dbq_param(q, token_of(req, token));
	dbq_param(q, qs_get(&qs, "csrf"));
	if (json_object_size(errors) == 0) {
		slug = text_slug(co.display);
		dbq_param(q, co.key);
		dbq_param(q, co.display);
		dbq_param(q, slug);
		dbq_param(q, qs_get(&qs, "is_agency") != NULL ? "t" : "f");
		dbq_param(q, web);
		dbq_param(q, about);
		free(slug);
	}
	if (name != NULL)
		norm_company_free(&co);
	qs_free(&qs);
	return (dbq_run(req));
}

static int
company_done(struct http_request *req, struct dbq *q)
{
	json_t	*model, *values;
	int	 post;

	post = json_is_true(json_object_get(q->ctx, "post"));
	if (session_gate(req, q->failed ? NULL : q->result, GATE_RECRUITER,
	    post) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	model = q->result;
	q->result = NULL;
	values = json_object_get(q->ctx, "f");
	if (values == NULL)
		values = json_object_get(model, "company");
	json_model_form(model, json_is_object(values) ? values : NULL,
	    json_object_get(q->ctx, "errors"));
	json_object_set_new(model, "title", json_string("Company profile"));
	json_object_set_new(model, "noindex", json_true());
	private_html(req, json_integer_value(json_object_get(q->ctx,
	    "status")), "recruiter_company.html", model);
	return (KORE_RESULT_OK);
}

static int
company_saved(struct http_request *req, struct dbq *q)
{
	json_t	*errors;

	if (session_gate(req, q->failed ? NULL : q->result, GATE_RECRUITER,
	    1) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	if (!json_is_true(json_object_get(q->result, "saved"))) {
		errors = json_object_get(q->ctx, "errors");
		json_object_set_new(errors, "name", json_string(
		    json_is_true(json_object_get(q->result, "taken")) ?
		    "A company of this name is on fashionjobs already. If it "
		    "is yours, write to us and an administrator will link it "
		    "to your account." :
		    "The profile could not be saved: try again."));
		return (company_done(req, q));
	}
	web_redirect(req, HTTP_STATUS_SEE_OTHER, "/recruiter?done=company");
	return (KORE_RESULT_OK);
}
