/*
 * Accounts and sessions for the recruiter and administrator pages:
 * random tokens, cookies, CSRF tokens, form bodies, and the "flow", an
 * async request that runs several steps (queries and argon2 hashing in a
 * Kore task) before it answers.
 */
#ifndef FJ_SESSION_H
#define FJ_SESSION_H

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>
#include <kore/tasks.h>

#include "web.h"
#include "password.h"

#define SESSION_COOKIE		"fj_session"
#define ANON_COOKIE		"fj_csrf"	/* CSRF before signing in */
#define TOKEN_BYTES		32		/* 256 bits */
#define TOKEN_HEX		(TOKEN_BYTES * 2)
#define SESSION_SECONDS		(14 * 24 * 3600)
#define ANON_SECONDS		(2 * 3600)
#define HASH_INFLIGHT_MAX	2		/* argon2 tasks per worker */
#define FORM_BODY_MAX		(256 * 1024)
#define FORM_ARGS_MAX		40
#define FLOW_PARAMS_MAX		8

/*
 * SQL: CTE "me", the signed-in account for the session token in parameter
 * n (id, email, role, trusted, company_id, csrf), empty when the token is
 * missing, unknown or expired; CTE "ok", the same row when parameter m is
 * its CSRF token.  A page's statement starts with them, so signing in and
 * checking the form cost no extra round trip, and a write joined with
 * "ok" happens only for a valid form.
 */
#define ME_CTE(n)							\
    "me AS (SELECT a.id, a.email, a.role, a.trusted, a.company_id,"	\
    " s.csrf FROM session s JOIN account a ON a.id = s.account_id"	\
    " WHERE s.token_hash = sha256(convert_to(" n "::text, 'UTF8'))"	\
    " AND s.expires_at > now())"
#define OK_CTE(m)							\
    "ok AS (SELECT * FROM me WHERE me.csrf = " m "::text)"
/* The model's gate fields: 'me' (object or null) and 'csrf_ok'. */
#define GATE_FIELDS							\
    " 'me', (SELECT json_build_object('id', id, 'email', email,"	\
    "  'role', role, 'is_admin', role = 'admin', 'trusted', trusted,"	\
    "  'company_id', company_id,"					\
    "  'csrf', csrf) FROM me),"					\
    " 'csrf_ok', EXISTS (SELECT 1 FROM ok)"

/* Who may see a page. */
enum gate {
	GATE_RECRUITER,		/* any signed-in account */
	GATE_ADMIN
};

enum flow_next {
	FLOW_QUERY,		/* run the query set up with flow_query */
	FLOW_TASK,		/* run the argon2 task set up with flow_task */
	FLOW_DONE		/* the step answered the request */
};

enum flow_op {
	FLOW_HASH,		/* hash password */
	FLOW_VERIFY,		/* verify password against encoded */
	FLOW_VERIFY_HASH	/* verify password, then hash password_new */
};

/*
 * One request's multi-step state (hdlr_extra).  The task reads op,
 * password, password_new and encoded while it runs; nothing else touches
 * them until it has finished.  Freed with the request.
 */
struct flow {
	struct kore_pgsql	 sql;
	const char		*query;
	int			 nparams;
	char			*params[FLOW_PARAMS_MAX];
	json_t			*result;	/* the query's JSON, or NULL */
	int			 failed;	/* the query failed */
	int			 resent;	/* sent again after a lost connection */

	struct kore_task	 task;
	int			 task_started;
	int			 task_done;	/* set by the task thread */
	int			 holds_slot;
	int			 busy;		/* no hashing slot was free */
	enum flow_op		 op;
	char			*password;
	char			*password_new;
	char			*encoded;
	int			 verified;
	char			 hashed[PASSWORD_ENCODED_MAX];

	enum flow_next		(*next)(struct http_request *, struct flow *);
	json_t			*ctx;		/* the handler's data */
};

/* session.c: tokens, cookies, gates. */
int		 token_new(char *out);	/* TOKEN_HEX + 1 bytes */
int		 cookie_token(struct http_request *, const char *name,
		    char *out);
void		 cookie_set(struct http_request *, const char *name,
		    const char *value, int max_age);
const char	*anon_csrf(struct http_request *, char *buf);
int		 anon_csrf_ok(struct http_request *, const char *field);
void		 client_ip(struct http_request *, char *, size_t);
void		 csrf_failed(struct http_request *);
/*
 * A POST from a signed-out form: its body into qs (qs_free it) when it
 * parses and carries the anonymous CSRF token; else the 4xx is answered
 * and KORE_RESULT_ERROR returned.
 */
int		 anon_form(struct http_request *, struct qs *);
int		 session_gate(struct http_request *, const json_t *,
		    enum gate, int post);
const char	*session_dummy_hash(void);
void		 private_html(struct http_request *, int status,
		    const char *tmpl, json_t *model);

/* session.c: flows. */
struct flow	*flow_new(struct http_request *,
		    enum flow_next (*)(struct http_request *, struct flow *));
void		 flow_query(struct flow *, const char *sql);
void		 flow_param(struct flow *, const char *);
int		 flow_task(struct http_request *, struct flow *, enum flow_op);
int		 flow_run(struct http_request *);

/* form.c: bodies and field checks. */
int		 form_body(struct http_request *, struct qs *);
#define FORM_REQUIRED	0x01
#define FORM_MULTILINE	0x02
const char	*form_str(const struct qs *, const char *, size_t max,
		    const char *label, json_t *values, json_t *errors,
		    int flags);
size_t		 utf8_chars(const char *);
int		 valid_email(const char *);
int		 valid_http_url(const char *);
enum date_check {
	DATE_OK,
	DATE_BAD,		/* not a date */
	DATE_EARLY,		/* before min_days from today */
	DATE_LATE		/* after max_days from today */
};
enum date_check	 valid_date(const char *, int min_days, int max_days);
void		 date_in_days(char *, size_t, int days);
int		 valid_amount(const char *);
int		 one_of(const char *, const char *const *, size_t);
void		 json_model_form(json_t *model, json_t *values,
		    json_t *errors);
void		 mark_selected(json_t *options, const char *key,
		    const char *value);

#endif
