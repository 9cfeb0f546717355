/*
 * Sessions and the steps of signing in.
 *
 * A session is a 256-bit random token in an HttpOnly, SameSite=Lax cookie;
 * the database keeps only its SHA-256, so reading the session table opens
 * no session.  Each session has its own CSRF token, which every form
 * carries in a hidden field and every POST must match; forms shown before
 * signing in (sign-up, log-in) use a double-submit token instead: a
 * random cookie that the hidden field must repeat.
 *
 * A flow is a request that needs more than one step: queries on Kore's
 * async pgsql layer and argon2id in a Kore task (tens of milliseconds and
 * 19 MiB each: never on the event loop, at most HASH_INFLIGHT_MAX at once
 * per worker, otherwise the request is answered 503 at once).
 */

#include <sys/random.h>
#include <sys/socket.h>

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>
#include <kore/tasks.h>

#include <arpa/inet.h>
#include <ctype.h>
#include <stddef.h>

#include <argon2.h>

#include "session.h"

#define COOKIE_MAX	256

static int	flow_state_step(struct http_request *);
static int	flow_state_query(struct http_request *);
static int	flow_state_wait(struct http_request *);
static int	flow_state_task(struct http_request *);
static void	flow_onfree(struct http_request *);
static int	flow_task_entry(struct kore_task *);
static int	request_secure(struct http_request *);
static int	hex_equal(const char *, const char *);
static void	wipe(char **);

static struct http_state	flow_states[] = {
	KORE_HTTP_STATE(flow_state_step),
	KORE_HTTP_STATE(flow_state_query),
	KORE_HTTP_STATE(flow_state_wait),
	KORE_HTTP_STATE(flow_state_task),
};

/* Indexes into flow_states, in its order. */
enum {
	FLOW_STATE_STEP,
	FLOW_STATE_QUERY,
	FLOW_STATE_WAIT,
	FLOW_STATE_TASK
};

/* What the task sends back through its channel. */
struct flow_result {
	int	verified;
	int	hashed_ok;
	char	hashed[PASSWORD_ENCODED_MAX];
};

/* argon2 tasks running in this worker. */
static int	hashes_inflight;

/*
 * An argon2id hash of a random password nobody knows, with the costs we
 * use: verified against when a log-in names no account, so an unknown
 * e-mail takes as long as a wrong password.
 */
static const char	dummy_hash[] =
    "$argon2id$v=19$m=19456,t=2,p=1$MVt+c40SZZAkoU6iYWQFrQ$"
    "Gh68VbSiQXMn608ugx55Qn2gvxO7LcpRYuTmixbTk9g";

const char *
session_dummy_hash(void)
{
	return (dummy_hash);
}

/*
 * Render a page only this person may see: never cached, by us or on the
 * way.  Takes the model's reference.
 */
void
private_html(struct http_request *req, int status, const char *tmpl,
    json_t *model)
{
	struct sbuf	 page;

	sbuf_init(&page);
	if (web_render(req, tmpl, model, &page) == -1)
		status = HTTP_STATUS_INTERNAL_ERROR;
	web_headers(req, "text/html; charset=utf-8");
	http_response_header(req, "cache-control", "no-store");
	http_response(req, status, page.data, page.len);
	sbuf_free(&page);
}

/* TOKEN_BYTES from getrandom(2), as lower-case hex in out (TOKEN_HEX+1). */
int
token_new(char *out)
{
	static const char	hex[] = "0123456789abcdef";
	unsigned char		raw[TOKEN_BYTES];
	size_t			i;

	if (getrandom(raw, sizeof(raw), 0) != (ssize_t)sizeof(raw)) {
		kore_log(LOG_ERR, "getrandom: %s", errno_s);
		return (KORE_RESULT_ERROR);
	}
	for (i = 0; i < sizeof(raw); i++) {
		out[i * 2] = hex[raw[i] >> 4];
		out[i * 2 + 1] = hex[raw[i] & 0xf];
	}
	out[TOKEN_HEX] = '\0';
	explicit_bzero(raw, sizeof(raw));
	return (KORE_RESULT_OK);
}

static int
is_token(const char *s, size_t len)
{
	size_t	i;

	if (len != TOKEN_HEX)
		return (0);
	for (i = 0; i < len; i++)
		if (!isdigit((unsigned char)s[i]) && (s[i] < 'a' || s[i] > 'f'))
			return (0);
	return (1);
}

/*
 * The value of cookie name into out (TOKEN_HEX + 1 bytes) when it is a
 * well-formed token; anything else is treated as no cookie.
 */
int
cookie_token(struct http_request *req, const char *name, char *out)
{
	const char	*hdr, *p, *v, *end;
	size_t		 nlen;

	if (!http_request_header(req, "cookie", &hdr))
		return (0);
	nlen = strlen(name);
	for (p = hdr; *p != '\0'; p = end) {
		while (*p == ' ' || *p == ';')
			p++;
		if ((end = strchr(p, ';')) == NULL)
			end = p + strlen(p);
		if ((size_t)(end - p) <= nlen || strncmp(p, name, nlen) != 0 ||
		    p[nlen] != '=')
			continue;
		v = p + nlen + 1;
		if (!is_token(v, end - v))
			continue;
		memcpy(out, v, TOKEN_HEX);
		out[TOKEN_HEX] = '\0';
		return (1);
	}
	return (0);
}

/*
 * Behind TLS (Kore's own, or a proxy that says so), cookies are Secure.
 * A client that claims https on plain HTTP only makes its cookie stricter.
 */
static int
request_secure(struct http_request *req)
{
	const char	*proto;

	if (req->owner != NULL && req->owner->ssl != NULL)
		return (1);
	return (http_request_header(req, "x-forwarded-proto", &proto) &&
	    strcasecmp(proto, "https") == 0);
}

/*
 * Written by hand: Kore's http_response_cookie adds Domain and cannot say
 * SameSite.  max_age 0 deletes the cookie.  value is a token or "".
 */
void
cookie_set(struct http_request *req, const char *name, const char *value,
    int max_age)
{
	char	buf[COOKIE_MAX];
	int	n;

	n = snprintf(buf, sizeof(buf),
	    "%s=%s; Path=/; HttpOnly; SameSite=Lax; Max-Age=%d%s",
	    name, value, max_age, request_secure(req) ? "; Secure" : "");
	if (n < 0 || (size_t)n >= sizeof(buf))
		fatal("cookie_set: cookie too long");
	http_response_header(req, "set-cookie", buf);
}

/*
 * The double-submit token for a form shown before signing in: the
 * browser's cookie if it has one, else a new one, set on this answer.
 * buf holds TOKEN_HEX + 1 bytes; NULL if no randomness was available.
 */
const char *
anon_csrf(struct http_request *req, char *buf)
{
	if (cookie_token(req, ANON_COOKIE, buf))
		return (buf);
	if (token_new(buf) != KORE_RESULT_OK)
		return (NULL);
	cookie_set(req, ANON_COOKIE, buf, ANON_SECONDS);
	return (buf);
}

/* Whether field repeats the anonymous CSRF cookie. */
int
anon_csrf_ok(struct http_request *req, const char *field)
{
	char	cookie[TOKEN_HEX + 1];

	if (field == NULL || !cookie_token(req, ANON_COOKIE, cookie))
		return (0);
	return (hex_equal(cookie, field));
}

/* Constant-time comparison of a token with a string of any length. */
static int
hex_equal(const char *token, const char *s)
{
	unsigned char	diff;
	size_t		i;

	if (strlen(s) != TOKEN_HEX)
		return (0);
	diff = 0;
	for (i = 0; i < TOKEN_HEX; i++)
		diff |= (unsigned char)token[i] ^ (unsigned char)s[i];
	return (diff == 0);
}

/*
 * The client's address for rate limits: the peer, or with FJ_TRUST_PROXY
 * set (only behind a proxy that sets it), the last X-Forwarded-For entry.
 */
void
client_ip(struct http_request *req, char *buf, size_t len)
{
	const char	*xff, *last;
	struct in6_addr	 a6;
	struct in_addr	 a4;

	(void)kore_strlcpy(buf, "127.0.0.1", len);
	if (getenv("FJ_TRUST_PROXY") != NULL &&
	    http_request_header(req, "x-forwarded-for", &xff)) {
		last = strrchr(xff, ',');
		last = last == NULL ? xff : last + 1;
		while (*last == ' ')
			last++;
		if (inet_pton(AF_INET, last, &a4) == 1 ||
		    inet_pton(AF_INET6, last, &a6) == 1) {
			(void)kore_strlcpy(buf, last, len);
			return;
		}
	}
	if (req->owner == NULL)
		return;
	if (req->owner->family == AF_INET)
		(void)inet_ntop(AF_INET, &req->owner->addr.ipv4.sin_addr,
		    buf, len);
	else if (req->owner->family == AF_INET6)
		(void)inet_ntop(AF_INET6, &req->owner->addr.ipv6.sin6_addr,
		    buf, len);
}

/* Answer a POST whose CSRF token is missing or wrong. */
int
anon_form(struct http_request *req, struct qs *qs)
{
	if (form_body(req, qs) != KORE_RESULT_OK)
		return (KORE_RESULT_ERROR);
	if (!anon_csrf_ok(req, qs_get(qs, "csrf"))) {
		qs_free(qs);
		csrf_failed(req);
		return (KORE_RESULT_ERROR);
	}
	return (KORE_RESULT_OK);
}

void
csrf_failed(struct http_request *req)
{
	web_error(req, HTTP_STATUS_FORBIDDEN,
	    N_("This form has expired or was not sent from this site. "
	    "Go back, reload the page and try again."));
}

/*
 * Whether the page may go on, given the model's gate fields (see
 * GATE_FIELDS).  Otherwise answer: 503 without a model, 403 for a POST
 * whose CSRF token is not the session's (or without a session), a
 * redirect to the log-in page for a GET without a session, 403 for a
 * recruiter on an administrator's page.
 */
int
session_gate(struct http_request *req, const json_t *model, enum gate gate,
    int post)
{
	json_t		*me;
	const char	*role;

	if (model == NULL) {
		web_db_down(req);
		return (KORE_RESULT_ERROR);
	}
	if (post && !json_is_true(json_object_get(model, "csrf_ok"))) {
		csrf_failed(req);
		return (KORE_RESULT_ERROR);
	}
	me = json_object_get(model, "me");
	if (!json_is_object(me)) {
		web_redirect(req, HTTP_STATUS_SEE_OTHER, "/recruiter/login");
		return (KORE_RESULT_ERROR);
	}
	role = json_string_value(json_object_get(me, "role"));
	if (gate == GATE_ADMIN && (role == NULL || strcmp(role, "admin"))) {
		web_error(req, HTTP_STATUS_FORBIDDEN,
		    N_("This page is for administrators."));
		return (KORE_RESULT_ERROR);
	}
	return (KORE_RESULT_OK);
}

/* The request owns the returned state; it is freed with the request. */
struct flow *
flow_new(struct http_request *req,
    enum flow_next (*first)(struct http_request *, struct flow *))
{
	struct flow	*f;

	f = http_state_create(req, sizeof(*f), flow_onfree);
	kore_pgsql_init(&f->sql);
	f->next = first;
	return (f);
}

/* Set up the next query; parameters follow with flow_param. */
void
flow_query(struct flow *f, const char *sql)
{
	int	i;

	for (i = 0; i < f->nparams; i++) {
		kore_free(f->params[i]);
		f->params[i] = NULL;
	}
	f->nparams = 0;
	json_decref(f->result);
	f->result = NULL;
	f->failed = 0;
	f->resent = 0;
	f->query = sql;
}

/* A NULL value is sent as SQL NULL. */
void
flow_param(struct flow *f, const char *value)
{
	if (f->nparams == FLOW_PARAMS_MAX)
		fatal("flow_param: too many parameters");
	f->params[f->nparams++] = value ? kore_strdup(value) : NULL;
}

/*
 * Start the argon2 task (password, password_new and encoded set by the
 * caller, kore_strdup'd).  KORE_RESULT_ERROR when this worker already
 * hashes HASH_INFLIGHT_MAX passwords: the caller answers 503.
 */
int
flow_task(struct http_request *req, struct flow *f, enum flow_op op)
{
	if (f->task_started)
		fatal("flow_task: one task per request");
	if (hashes_inflight >= HASH_INFLIGHT_MAX) {
		f->busy = 1;
		return (KORE_RESULT_ERROR);
	}
	hashes_inflight++;
	f->holds_slot = 1;
	f->op = op;
	f->task_started = 1;
	kore_task_create(&f->task, flow_task_entry);
	kore_task_bind_request(&f->task, req);
	kore_task_run(&f->task);
	return (KORE_RESULT_OK);
}

int
flow_run(struct http_request *req)
{
	return (http_state_run(flow_states,
	    sizeof(flow_states) / sizeof(flow_states[0]), req));
}

static int
flow_state_step(struct http_request *req)
{
	struct flow	*f = http_state_get(req);

	switch (f->next(req, f)) {
	case FLOW_QUERY:
		dbq_cleanup(&f->sql);
		kore_pgsql_init(&f->sql);
		kore_pgsql_bind_request(&f->sql, req);
		req->fsm_state = FLOW_STATE_QUERY;
		return (HTTP_STATE_CONTINUE);
	case FLOW_TASK:
		req->fsm_state = FLOW_STATE_TASK;
		return (HTTP_STATE_CONTINUE);
	case FLOW_DONE:
		break;
	}
	return (HTTP_STATE_COMPLETE);
}

static int
flow_state_query(struct http_request *req)
{
	struct flow	*f = http_state_get(req);

	switch (dbq_send(&f->sql, f->query, f->nparams, f->params)) {
	case DBQ_RETRY:
		return (HTTP_STATE_RETRY);
	case DBQ_FAILED:
		dbq_cleanup(&f->sql);
		f->failed = 1;
		req->fsm_state = FLOW_STATE_STEP;
		break;
	default:
		req->fsm_state = FLOW_STATE_WAIT;
		break;
	}
	return (HTTP_STATE_CONTINUE);
}

static int
flow_state_wait(struct http_request *req)
{
	struct flow	*f = http_state_get(req);

	/* A connection lost while idle in the pool: sent once more (dbq.c). */
	if (f->resent < DBQ_RESEND_MAX && f->result == NULL &&
	    dbq_lost(req, &f->sql)) {
		f->resent++;
		req->fsm_state = FLOW_STATE_QUERY;
		return (HTTP_STATE_CONTINUE);
	}
	switch (dbq_read(&f->sql, &f->result, &f->failed)) {
	case DBQ_RETRY:
		return (HTTP_STATE_RETRY);
	case DBQ_DONE:
		dbq_cleanup(&f->sql);
		req->fsm_state = FLOW_STATE_STEP;
		break;
	default:
		break;
	}
	return (HTTP_STATE_CONTINUE);
}

static int
flow_state_task(struct http_request *req)
{
	struct flow		*f = http_state_get(req);
	struct flow_result	 r;

	if (kore_task_state(&f->task) != KORE_TASK_STATE_FINISHED) {
		http_request_sleep(req);
		return (HTTP_STATE_RETRY);
	}
	memset(&r, 0, sizeof(r));
	if (kore_task_channel_read(&f->task, &r, sizeof(r)) != sizeof(r))
		memset(&r, 0, sizeof(r));
	f->verified = r.verified;
	if (r.hashed_ok)
		memcpy(f->hashed, r.hashed, sizeof(f->hashed));
	f->hashed[sizeof(f->hashed) - 1] = '\0';
	explicit_bzero(&r, sizeof(r));
	if (f->holds_slot) {
		hashes_inflight--;
		f->holds_slot = 0;
	}
	req->fsm_state = FLOW_STATE_STEP;
	return (HTTP_STATE_CONTINUE);
}

/* Runs in a task thread: argon2id only, results through the channel. */
static int
flow_task_entry(struct kore_task *t)
{
	struct flow		*f;
	struct flow_result	 r;
	unsigned char		 salt[PASSWORD_SALT];
	const char		*pw;

	f = (struct flow *)(void *)((char *)t - offsetof(struct flow, task));
	memset(&r, 0, sizeof(r));
	if (f->op != FLOW_HASH && f->password != NULL && f->encoded != NULL)
		r.verified = argon2id_verify(f->encoded, f->password,
		    strlen(f->password)) == ARGON2_OK;
	pw = f->op == FLOW_HASH ? f->password : f->password_new;
	if ((f->op == FLOW_HASH || (f->op == FLOW_VERIFY_HASH &&
	    r.verified)) && pw != NULL &&
	    getrandom(salt, sizeof(salt), 0) == (ssize_t)sizeof(salt))
		r.hashed_ok = argon2id_hash_encoded(PASSWORD_T_COST,
		    PASSWORD_M_COST, PASSWORD_LANES, pw, strlen(pw), salt,
		    sizeof(salt), PASSWORD_HASH, r.hashed,
		    sizeof(r.hashed)) == ARGON2_OK;
	kore_task_channel_write(t, &r, sizeof(r));
	explicit_bzero(&r, sizeof(r));
	__atomic_store_n(&f->task_done, 1, __ATOMIC_RELEASE);
	return (KORE_RESULT_OK);
}

static void
wipe(char **s)
{
	if (*s == NULL)
		return;
	explicit_bzero(*s, strlen(*s));
	kore_free(*s);
	*s = NULL;
}

/*
 * Kore calls this again and again while a task of the request still runs
 * (a client that went away): keep what the task reads until it is done.
 */
static void
flow_onfree(struct http_request *req)
{
	struct flow	*f = http_state_get(req);
	int		 i;

	if (f == NULL || (f->task_started &&
	    !__atomic_load_n(&f->task_done, __ATOMIC_ACQUIRE)))
		return;
	if (f->holds_slot) {
		hashes_inflight--;
		f->holds_slot = 0;
	}
	dbq_cleanup(&f->sql);
	for (i = 0; i < f->nparams; i++) {
		kore_free(f->params[i]);
		f->params[i] = NULL;
	}
	f->nparams = 0;
	wipe(&f->password);
	wipe(&f->password_new);
	wipe(&f->encoded);
	explicit_bzero(f->hashed, sizeof(f->hashed));
	json_decref(f->result);
	f->result = NULL;
	json_decref(f->ctx);
	f->ctx = NULL;
}
