/*
 * Job alerts, no account needed: subscribe to a search (/alerts/new),
 * confirm it from the mailed link (/alerts/confirm), stop one alert in
 * one click (/alerts/unsubscribe, RFC 8058), and see, pause, change or
 * delete the alerts of an address, or everything held about it
 * (/alerts/manage), and change an alert's search and frequency
 * (/alerts/edit).  The worker that mails them is bin/fashionjobs
 * alerts (src/cli/alerts.c).
 *
 * The search is read by the search page's own parser (filters_read), so
 * an alert keeps exactly the filters the page used.  Subscribing answers
 * the same page whether or not the address has alerts: one statement
 * queues a confirmation mail either way (or, at ALERTS_MAX alerts, a mail
 * saying so).  GETs change nothing (mail scanners open links); a link's
 * action is a POST.  The unsubscribe and manage tokens are the
 * authority, so the one-click POST, which a mail client sends without
 * cookies, needs no CSRF token; the forms of the other pages do.
 */

#include <kore/kore.h>
#include <kore/http.h>

#include "session.h"

int	page_alerts_new(struct http_request *);
int	page_alerts_confirm(struct http_request *);
int	page_alerts_unsubscribe(struct http_request *);
int	page_alerts_manage(struct http_request *);
int	page_alerts_edit(struct http_request *);

#define ALERTS_MAX	20	/* alerts per address */
#define CONFIRM_DAYS	7
#define LABEL_MAX	400
/* How long after a run the next one of frequency f (SQL) is due. */
#define EVERY(f)							\
    " CASE " f " WHEN 'daily' THEN interval '1 day' WHEN 'weekly' THEN"	\
    " interval '7 days' ELSE interval '0' END"
#define STR(x)		STR_(x)
#define STR_(x)		#x

/* Frequencies: value, label on the form, words in the mail. */
static const struct {
	const char	*value;
	const char	*label;
	const char	*text;
} freqs[] = {
	{ "instant",	N_("As soon as they are posted"),
	    N_("as soon as they are posted") },
	{ "daily",	N_("Once a day"),	N_("once a day") },
	{ "weekly",	N_("Once a week"),	N_("once a week") },
};

/*
 * $1 e-mail, $2 client IP, $3 interface language, $4 filters (JSON), $5
 * label, $6 search path, $7 frequency, $8 link token, $9/$10 the
 * confirmation mail, $11/$12 the "already ALERTS_MAX alerts" mail.  The
 * bodies hold chr(1) where the address's manage token goes.  Over a
 * limit, nothing is written and 'limited' says which.
 */
static const char	sql_subscribe[] =
    "WITH lim AS (SELECT (SELECT count(*) FROM alert_signup"
    "  WHERE email_key = lower($1) AND at > now() - interval '1 hour') >="
    "  coalesce(fj_setting('alert_signups_per_address_hour')::int, 5)"
    "  AS by_addr, (SELECT count(*) FROM alert_signup WHERE ip = $2::inet"
    "  AND at > now() - interval '1 hour') >="
    "  coalesce(fj_setting('alert_signups_per_ip_hour')::int, 30) AS by_ip),"
    " go AS (SELECT 1 FROM lim WHERE NOT by_addr AND NOT by_ip),"
    " l AS (INSERT INTO alert_signup (email_key, ip)"
    "  SELECT lower($1), $2::inet FROM go),"
    " s0 AS (SELECT id, manage_token FROM alert_subscriber"
    "  WHERE lower(email) = lower($1)),"
    " s1 AS (INSERT INTO alert_subscriber (email, lang) SELECT $1, $3"
    "  FROM go WHERE NOT EXISTS (SELECT 1 FROM s0) ON CONFLICT DO NOTHING"
    "  RETURNING id, manage_token),"
    " s AS (SELECT id, manage_token FROM s0"
    "  UNION ALL SELECT id, manage_token FROM s1),"
    " n AS (SELECT count(*) < " STR(ALERTS_MAX) " AS room FROM alert"
    "  WHERE subscriber_id IN (SELECT id FROM s0)),"
    " a AS (INSERT INTO alert (subscriber_id, filters, label, search,"
    "  frequency, confirm_hash, confirm_expires)"
    "  SELECT s.id, $4::jsonb, $5, $6, $7, sha256(convert_to($8, 'UTF8')),"
    "  now() + interval '" STR(CONFIRM_DAYS) " days' FROM s, n, go"
    "  WHERE n.room),"
    " m AS (INSERT INTO mail_outbox (kind, to_addr, subject, body)"
    "  SELECT CASE WHEN n.room THEN 'alert_confirm' ELSE 'alert_full' END,"
    "  $1, CASE WHEN n.room THEN $9 ELSE $11 END,"
    "  replace(CASE WHEN n.room THEN $10 ELSE $12 END, chr(1),"
    "  s.manage_token) FROM s, n, go)"
    " SELECT json_build_object('limited', CASE WHEN by_addr THEN 'address'"
    "  WHEN by_ip THEN 'ip' END) FROM lim";

static const char	sql_confirm_peek[] =
    "SELECT json_build_object('state', CASE WHEN a.id IS NULL THEN"
    "  'unknown' WHEN a.confirmed_at IS NOT NULL THEN 'used'"
    "  WHEN a.confirm_expires <= now() THEN 'expired' ELSE 'ok' END,"
    "  'label', a.label) FROM (SELECT 1) x LEFT JOIN alert a"
    " ON a.confirm_hash = sha256(convert_to($1::text, 'UTF8'))";

/* Postings listed from now on count; an instant alert is due at once. */
static const char	sql_confirm[] =
    "WITH t AS (SELECT sha256(convert_to($1::text, 'UTF8')) AS h),"
    " old AS (SELECT a.confirmed_at, a.label FROM alert a, t"
    "  WHERE a.confirm_hash = t.h),"
    " u AS (UPDATE alert a SET confirmed_at = now(), since_at = now(),"
    "  checked_upto = now(), next_run_at = now() +" EVERY("a.frequency")
    "  FROM t"
    "  WHERE a.confirm_hash = t.h AND a.confirmed_at IS NULL"
    "  AND a.confirm_expires > now() RETURNING a.label, a.subscriber_id)"
    " SELECT json_build_object('state', CASE"
    "  WHEN EXISTS (SELECT 1 FROM u) THEN 'confirmed'"
    "  WHEN NOT EXISTS (SELECT 1 FROM old) THEN 'unknown'"
    "  WHEN (SELECT confirmed_at IS NOT NULL FROM old) THEN 'used'"
    "  ELSE 'expired' END, 'label', (SELECT label FROM old),"
    "  'manage', (SELECT manage_token FROM alert_subscriber"
    "  WHERE id = (SELECT subscriber_id FROM u)))";

static const char	sql_unsub_peek[] =
    "SELECT json_build_object('label', label) FROM alert"
    " WHERE unsub_token = $1";

static const char	sql_unsub[] =
    "WITH d AS (DELETE FROM alert WHERE unsub_token = $1"
    "  RETURNING label, subscriber_id)"
    " SELECT json_build_object('done', EXISTS (SELECT 1 FROM d),"
    "  'label', (SELECT label FROM d), 'manage', (SELECT manage_token"
    "  FROM alert_subscriber WHERE id = (SELECT subscriber_id FROM d)))";

static const char	sql_manage_page[] =
    "SELECT json_build_object('email', s.email, 'alerts',"
    " coalesce((SELECT json_agg(json_build_object('id', a.id, 'label',"
    "  a.label, 'search', a.search, 'frequency', a.frequency,"
    "  'confirmed', a.confirmed_at IS NOT NULL, 'paused', a.paused,"
    "  'created', to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'))"
    "  ORDER BY a.id) FROM alert a WHERE a.subscriber_id = s.id), '[]'))"
    " FROM alert_subscriber s WHERE s.manage_token = $1";

/*
 * $1 manage token, $2 action, $3 alert id, $4 frequency (or NULL).  The
 * erasure deletes the address's row (its alerts and their history go
 * with it), its sign-up records, its alert mail and its bounce record.
 */
static const char	sql_manage[] =
    "WITH s AS (SELECT id FROM alert_subscriber WHERE manage_token = $1),"
    " u AS (UPDATE alert a SET"
    "  paused = CASE $2 WHEN 'pause' THEN true WHEN 'resume' THEN false"
    "  ELSE a.paused END,"
    "  since_at = CASE WHEN $2 = 'resume' AND a.paused THEN now()"
    "  ELSE a.since_at END,"
    "  checked_upto = CASE WHEN $2 = 'resume' AND a.paused THEN now()"
    "  ELSE a.checked_upto END,"
    "  frequency = coalesce($4, a.frequency),"
    "  next_run_at = CASE WHEN $4 IS NULL THEN a.next_run_at"
    "  ELSE coalesce(a.checked_upto, now()) +" EVERY("$4") " END"
    "  WHERE $2 IN ('pause', 'resume', 'frequency') AND a.id = $3::bigint"
    "  AND a.subscriber_id = (SELECT id FROM s) RETURNING a.id),"
    " d AS (DELETE FROM alert a WHERE $2 = 'delete' AND a.id = $3::bigint"
    "  AND a.subscriber_id = (SELECT id FROM s) RETURNING a.id),"
    " e AS (DELETE FROM alert_subscriber WHERE $2 = 'erase'"
    "  AND id = (SELECT id FROM s) RETURNING lower(email) AS k),"
    " e1 AS (DELETE FROM alert_signup WHERE email_key IN (SELECT k FROM e)),"
    " e2 AS (DELETE FROM mail_outbox WHERE kind LIKE 'alert%'"
    "  AND lower(to_addr) IN (SELECT k FROM e)),"
    " e3 AS (DELETE FROM mail_undeliverable"
    "  WHERE addr_key IN (SELECT k FROM e))"
    " SELECT json_build_object('found', EXISTS (SELECT 1 FROM s),"
    "  'erased', EXISTS (SELECT 1 FROM e))";

/*
 * The edit form of one alert of the address: $1 manage token, $2 alert
 * id, $3 the interface language (the contracts' labels).
 */
static const char	sql_edit_page[] =
    "SELECT json_build_object('id', a.id, 'label', a.label, 'search',"
    " a.search, 'filters', a.filters, 'frequency', a.frequency,"
    " 'contracts', (SELECT json_agg(json_build_object('code', code,"
    "  'label', fj_label(code, $3)) ORDER BY sort) FROM contract_type"
    "  WHERE axis = 'contract'))"
    " FROM alert a JOIN alert_subscriber s ON s.id = a.subscriber_id"
    " WHERE s.manage_token = $1 AND a.id = $2::bigint";

/*
 * $1 manage token, $2 alert id, $3 filters, $4 label, $5 search path, $6
 * frequency.  The alert's window goes on (its next digest has the
 * postings listed since its last run that match the changed search) and
 * what it mailed stays mailed; a new frequency counts from its last run.
 */
static const char	sql_edit[] =
    "WITH u AS (UPDATE alert a SET filters = $3::jsonb, label = $4,"
    "  search = $5, frequency = $6,"
    "  next_run_at = CASE WHEN a.frequency = $6 THEN a.next_run_at"
    "  ELSE coalesce(a.checked_upto, now()) +" EVERY("$6") " END"
    "  WHERE a.id = $2::bigint AND a.subscriber_id = (SELECT id"
    "  FROM alert_subscriber WHERE manage_token = $1) RETURNING a.id)"
    " SELECT json_build_object('found', EXISTS (SELECT 1 FROM u))";

static const char	*manage_actions[] = {
	"pause", "resume", "frequency", "delete", "erase"
};

static int	 is_token(const char *);
static const char *freq_text(const char *);
static json_t	*search_read(const struct qs *, json_t *, const char **,
		    const char **);
static void	 search_describe(const json_t *, struct sbuf *,
		    struct sbuf *);
static int	 new_form(struct http_request *, int, json_t *, json_t *,
		    const json_t *);
static int	 subscribe(struct http_request *, const char *, const char *,
		    json_t *, json_t *);
static int	 subscribed(struct http_request *, struct dbq *);
static int	 message(struct http_request *, int, const char *,
		    const char *, const char *, json_t *);
static json_t	*button(struct http_request *, const char *, const char *,
		    const char *, int);
static int	 confirm_state(struct http_request *, const char *,
		    const char *);
static int	 confirm_peeked(struct http_request *, struct dbq *);
static int	 confirm_done(struct http_request *, struct dbq *);
static int	 unsub_peeked(struct http_request *, struct dbq *);
static int	 unsub_done(struct http_request *, struct dbq *);
static int	 manage_page(struct http_request *, struct dbq *);
static int	 manage_done(struct http_request *, struct dbq *);
static int	 db_down(struct http_request *, struct dbq *);
static int	 is_id(const char *);
static json_t	*freq_options(const char *, const char *);
static int	 edit_page(struct http_request *, struct dbq *);

/* A link's token: TOKEN_HEX lower-case hex digits. */
static int
is_token(const char *s)
{
	return (s != NULL && strlen(s) == TOKEN_HEX &&
	    strspn(s, "0123456789abcdef") == TOKEN_HEX);
}

/*
 * The frequencies for a form in the language lang, selected the one
 * (may be NULL).
 */
static json_t *
freq_options(const char *lang, const char *selected)
{
	json_t	*opts;
	size_t	 i;

	opts = json_array();
	for (i = 0; i < sizeof(freqs) / sizeof(freqs[0]); i++)
		json_array_append_new(opts, json_pack("{s:s, s:s, s:b}",
		    "value", freqs[i].value, "label", tr(lang, freqs[i].label),
		    "selected", selected != NULL &&
		    strcmp(selected, freqs[i].value) == 0));
	return (opts);
}

/* An alert's id: 1 to 18 digits. */
static int
is_id(const char *s)
{
	return (s != NULL && *s != '\0' && strlen(s) <= 18 &&
	    strspn(s, "0123456789") == strlen(s));
}

static const char *
freq_text(const char *v)
{
	size_t	i;

	for (i = 0; i < sizeof(freqs) / sizeof(freqs[0]); i++)
		if (v != NULL && strcmp(v, freqs[i].value) == 0)
			return (freqs[i].text);
	return (NULL);
}

/*
 * The search in qs, read by the search page's parser: an object of the
 * filters given (web_filter_names), or NULL with the message in *msg and
 * the filter's name in *bad.  The values also go into values[name] for
 * the form.
 */
static json_t *
search_read(const struct qs *qs, json_t *values, const char **msg,
    const char **bad)
{
	const char	*v[FILTER__MAX];
	json_t		*filters;
	int		 f;

	if ((*msg = filters_read(qs, v, FILTER__MAX, bad)) != NULL)
		return (NULL);
	filters = json_object();
	for (f = 0; f < FILTER__MAX; f++) {
		if (v[f] == NULL)
			continue;
		json_object_set_new(filters, web_filter_names[f],
		    json_string(v[f]));
		if (values != NULL)
			json_object_set_new(values, web_filter_names[f],
			    json_string(v[f]));
	}
	return (filters);
}

/*
 * The alert's label ("visual merchandiser · milano", or "All new jobs")
 * and the search page's path with its query, both from filters, in the
 * order of web_filter_names.
 */
static void
search_describe(const json_t *filters, struct sbuf *label,
    struct sbuf *path)
{
	const char	*v;
	int		 f;
	char		 sep;

	sbuf_puts(path, "/jobs");
	sep = '?';
	for (f = 0; f < FILTER__MAX; f++) {
		v = json_string_value(json_object_get(filters,
		    web_filter_names[f]));
		if (v == NULL)
			continue;
		if (label->len > 0)
			sbuf_puts(label, " · ");
		sbuf_puts(label, v);
		sbuf_printf(path, "%c%s=", sep, web_filter_names[f]);
		esc_url(path, v);
		sep = '&';
	}
	if (label->len == 0)
		sbuf_puts(label, "All new jobs");
	if (label->len > LABEL_MAX) {
		text_truncate(label->data, LABEL_MAX);
		label->len = strlen(label->data);
	}
}

/* The subscribe form: the search as hidden fields, e-mail, frequency. */
static int
new_form(struct http_request *req, int status, json_t *values,
    json_t *errors, const json_t *filters)
{
	json_t		*model, *hidden, *opts;
	struct sbuf	 label, path;
	const char	*key, *freq;
	json_t		*v;
	char		 csrf[TOKEN_HEX + 1];

	if (anon_csrf(req, csrf) == NULL) {
		json_decref(values);
		json_decref(errors);
		web_error(req, HTTP_STATUS_INTERNAL_ERROR,
		    N_("No randomness available."));
		return (KORE_RESULT_OK);
	}
	hidden = json_array();
	json_object_foreach((json_t *)filters, key, v)
		json_array_append_new(hidden, json_pack("{s:s, s:O}", "name",
		    key, "value", v));
	freq = json_string_value(json_object_get(values, "frequency"));
	opts = freq_options(web_lang(req), freq_text(freq) != NULL ? freq :
	    "daily");
	sbuf_init(&label);
	sbuf_init(&path);
	search_describe(filters, &label, &path);
	model = json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:b}",
	    "title", "E-mail me new jobs like these", "csrf", csrf,
	    "label", label.data, "search", path.data, "hidden", hidden,
	    "frequencies", opts, "noindex", 1);
	sbuf_free(&label);
	sbuf_free(&path);
	json_model_form(model, values, errors);
	json_decref(values);
	json_decref(errors);
	private_html(req, status, "alerts_new.html", model);
	return (KORE_RESULT_OK);
}

/* GET: the form for the search in the query; POST: subscribe. */
int
page_alerts_new(struct http_request *req)
{
	struct qs	 qs;
	json_t		*values, *errors, *filters;
	const char	*email, *freq, *msg, *bad;
	int		 post, rc;

	if (http_state_exists(req))
		return (dbq_run(req));
	post = req->method == HTTP_METHOD_POST;
	if ((post ? anon_form(req, &qs) : web_query(req, &qs)) !=
	    KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	values = json_object();
	errors = json_object();
	if ((filters = search_read(&qs, values, &msg, &bad)) == NULL) {
		qs_free(&qs);
		json_decref(values);
		json_decref(errors);
		web_error(req, HTTP_STATUS_BAD_REQUEST, msg);
		return (KORE_RESULT_OK);
	}
	email = form_str(&qs, "email", 254, "The e-mail address", values,
	    errors, post ? FORM_REQUIRED : 0);
	if (post && email != NULL && !valid_email(email))
		json_object_set_new(errors, "email", json_string(
		    "Enter an e-mail address such as name@example.com."));
	freq = form_str(&qs, "frequency", 10, "The frequency", values, errors,
	    0);
	if (post && freq_text(freq) == NULL)
		json_object_set_new(errors, "frequency", json_string(
		    N_("Choose how often: as soon as they are posted, "
		    "once a day or once a week.")));
	if (!post || json_object_size(errors) > 0) {
		rc = new_form(req, post ? HTTP_STATUS_BAD_REQUEST :
		    HTTP_STATUS_OK, values, errors, filters);
		json_decref(filters);
		qs_free(&qs);
		return (rc);
	}
	json_decref(errors);
	rc = subscribe(req, email, freq, filters, values);
	qs_free(&qs);
	return (rc);
}

/* Takes filters and values. */
static int
subscribe(struct http_request *req, const char *email, const char *freq,
    json_t *filters, json_t *values)
{
	struct dbq	*q;
	struct sbuf	 label, path, link, manage;
	json_t		*model;
	char		 token[TOKEN_HEX + 1], ip[64], *subj[2], *body[2];
	char		*dump;
	int		 rc;

	if (token_new(token) != KORE_RESULT_OK) {
		json_decref(filters);
		json_decref(values);
		web_error(req, HTTP_STATUS_INTERNAL_ERROR,
		    N_("No randomness available."));
		return (KORE_RESULT_OK);
	}
	sbuf_init(&label);
	sbuf_init(&path);
	sbuf_init(&link);
	sbuf_init(&manage);
	search_describe(filters, &label, &path);
	sbuf_printf(&link, "%s%s/alerts/confirm?token=%s", web_base_url(),
	    web_lang_prefix(req), token);
	/* chr(1): the statement puts the address's manage token there. */
	sbuf_printf(&manage, "%s%s/alerts/manage?token=\001", web_base_url(),
	    web_lang_prefix(req));
	model = json_pack("{s:s, s:s, s:s, s:s, s:s, s:i}", "email", email,
	    "label", label.data, "link", link.data, "manage", manage.data,
	    "frequency_text", tr(web_lang(req), freq_text(freq)), "days",
	    CONFIRM_DAYS);
	rc = web_mail(req, "mail_alert_confirm.txt", model, &subj[0], &body[0]);
	model = json_pack("{s:s, s:s, s:s, s:i}", "email", email, "label",
	    label.data, "manage", manage.data, "max", ALERTS_MAX);
	rc |= web_mail(req, "mail_alert_full.txt", model, &subj[1], &body[1]);
	explicit_bzero(link.data, link.len);
	if (rc == 0) {
		client_ip(req, ip, sizeof(ip));
		dump = json_dumps(filters, JSON_COMPACT);
		q = dbq_new(req, sql_subscribe, subscribed);
		dbq_param(q, email);
		dbq_param(q, ip);
		dbq_param(q, web_lang(req));
		dbq_param(q, dump);
		dbq_param(q, label.data);
		dbq_param(q, path.data);
		dbq_param(q, freq);
		dbq_param(q, token);
		dbq_param(q, subj[0]);
		dbq_param(q, body[0]);
		dbq_param(q, subj[1]);
		dbq_param(q, body[1]);
		q->ctx = json_pack("{s:s, s:s}", "email", email, "label",
		    label.data);
		free(dump);
	}
	explicit_bzero(token, sizeof(token));
	if (body[0] != NULL)
		explicit_bzero(body[0], strlen(body[0]));
	free(subj[0]);
	free(body[0]);
	free(subj[1]);
	free(body[1]);
	sbuf_free(&label);
	sbuf_free(&path);
	sbuf_free(&link);
	sbuf_free(&manage);
	json_decref(filters);
	json_decref(values);
	if (rc != 0) {
		web_error(req, HTTP_STATUS_INTERNAL_ERROR,
		    N_("The e-mail could not be written."));
		return (KORE_RESULT_OK);
	}
	return (dbq_run(req));
}

/* The same page whether the address is new or known. */
static int
subscribed(struct http_request *req, struct dbq *q)
{
	json_t		*model;
	const char	*limited;

	if (q->failed || q->result == NULL)
		return (db_down(req, q));
	limited = json_string_value(json_object_get(q->result, "limited"));
	if (limited != NULL) {
		model = json_pack("{s:i, s:s, s:s, s:b}", "status", 429,
		    "title", N_("Too many sign-ups"), "message",
		    strcmp(limited, "address") == 0 ?
		    "This e-mail address was given too many times in the last "
		    "hour. Check its inbox for the links already sent, or try "
		    "again in an hour." :
		    "Too many alert sign-ups from your network in the last "
		    "hour. Try again in an hour.", "noindex", 1);
		http_response_header(req, "retry-after", "3600");
		private_html(req, 429, "error.html", model);
		return (KORE_RESULT_OK);
	}
	model = json_pack("{s:O}", "email", json_object_get(q->ctx, "email"));
	return (message(req, HTTP_STATUS_OK, N_("Check your e-mail"),
	    NULL, json_string_value(json_object_get(q->ctx, "label")),
	    model));
}

/*
 * The alerts pages' one template: heading, message, the alert's label,
 * and what extra holds (a form {action, token, button, csrf}, a manage
 * token, an e-mail).  Takes extra (may be NULL).
 */
static int
message(struct http_request *req, int status, const char *heading,
    const char *text, const char *label, json_t *extra)
{
	json_t	*model;

	model = extra != NULL ? extra : json_object();
	json_object_set_new(model, "title", json_string(heading));
	json_object_set_new(model, "heading", json_string(heading));
	if (text != NULL)
		json_object_set_new(model, "message", json_string(text));
	if (label != NULL)
		json_object_set_new(model, "label", json_string(label));
	json_object_set_new(model, "noindex", json_true());
	private_html(req, status, "alerts_message.html", model);
	return (KORE_RESULT_OK);
}

static int
db_down(struct http_request *req, struct dbq *q)
{
	(void)q;
	web_error(req, HTTP_STATUS_SERVICE_UNAVAILABLE,
	    N_("The database is not answering. Try again shortly."));
	return (KORE_RESULT_OK);
}

/*
 * A form with the token (and the CSRF token) for message(), posted to
 * action on a page of this page's language.
 */
static json_t *
button(struct http_request *req, const char *action, const char *token,
    const char *label, int csrf)
{
	char	buf[TOKEN_HEX + 1];
	json_t	*form;

	form = json_pack("{s:s+, s:s, s:s}", "action", web_path_prefix(req),
	    action, "token", token, "button", tr(web_lang(req), label));
	if (csrf) {
		if (anon_csrf(req, buf) == NULL) {
			json_decref(form);
			return (NULL);
		}
		json_object_set_new(form, "csrf", json_string(buf));
	}
	return (json_pack("{s:o}", "form", form));
}

int
page_alerts_confirm(struct http_request *req)
{
	struct dbq	*q;
	struct qs	 qs;
	const char	*token;
	int		 post;

	if (http_state_exists(req))
		return (dbq_run(req));
	post = req->method == HTTP_METHOD_POST;
	if ((post ? anon_form(req, &qs) : web_query(req, &qs)) !=
	    KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	token = qs_get(&qs, "token");
	if (!is_token(token)) {
		qs_free(&qs);
		return (message(req, HTTP_STATUS_NOT_FOUND, N_("Unknown link"),
		    N_("This confirmation link is not one we sent. Copy the "
		    "whole link from the e-mail."), NULL, NULL));
	}
	q = dbq_new(req, post ? sql_confirm : sql_confirm_peek,
	    post ? confirm_done : confirm_peeked);
	dbq_param(q, token);
	q->ctx = json_pack("{s:s}", "token", token);
	qs_free(&qs);
	return (dbq_run(req));
}

static int
confirm_state(struct http_request *req, const char *state,
    const char *label)
{
	if (strcmp(state, "used") == 0)
		return (message(req, HTTP_STATUS_OK, N_("Alert already confirmed"),
		    N_("This alert is on: new jobs like these come by e-mail."),
		    label, NULL));
	if (strcmp(state, "expired") == 0)
		return (message(req, HTTP_STATUS_GONE, N_("Link expired"),
		    "This link was valid for " STR(CONFIRM_DAYS) " days. "
		    "Subscribe again from the search to get a new one.",
		    label, NULL));
	return (message(req, HTTP_STATUS_NOT_FOUND, N_("Unknown link"),
	    N_("This confirmation link is not one we sent, or its alert was "
	    "deleted."), NULL, NULL));
}

static int
confirm_peeked(struct http_request *req, struct dbq *q)
{
	json_t		*extra;
	const char	*state, *label;

	if (q->failed || q->result == NULL)
		return (db_down(req, q));
	state = json_string_value(json_object_get(q->result, "state"));
	label = json_string_value(json_object_get(q->result, "label"));
	if (strcmp(state, "ok") != 0)
		return (confirm_state(req, state, label));
	if ((extra = button(req, "/alerts/confirm", json_string_value(
	    json_object_get(q->ctx, "token")), N_("Start this alert"), 1)) ==
	    NULL) {
		web_error(req, HTTP_STATUS_INTERNAL_ERROR,
		    N_("No randomness available."));
		return (KORE_RESULT_OK);
	}
	return (message(req, HTTP_STATUS_OK, N_("Confirm your job alert"),
	    N_("One more click starts this alert:"), label, extra));
}

static int
confirm_done(struct http_request *req, struct dbq *q)
{
	const char	*state, *label;

	if (q->failed || q->result == NULL)
		return (db_down(req, q));
	state = json_string_value(json_object_get(q->result, "state"));
	label = json_string_value(json_object_get(q->result, "label"));
	if (strcmp(state, "confirmed") != 0)
		return (confirm_state(req, state, label));
	return (message(req, HTTP_STATUS_OK, N_("Alert confirmed"),
	    N_("New jobs like these will come by e-mail. Each e-mail has a link "
	    "that stops the alert in one click."), label,
	    json_pack("{s:O}", "manage", json_object_get(q->result,
	    "manage"))));
}

/*
 * GET: what the link stops, and a button; POST (the button, or a mail
 * client's RFC 8058 one-click POST, whatever its body): stop it.  The
 * token is in the query either way.
 */
int
page_alerts_unsubscribe(struct http_request *req)
{
	struct dbq	*q;
	struct qs	 qs;
	const char	*token;
	int		 post;

	if (http_state_exists(req))
		return (dbq_run(req));
	if (web_query(req, &qs) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	post = req->method == HTTP_METHOD_POST;
	token = qs_get(&qs, "token");
	if (!is_token(token)) {
		qs_free(&qs);
		return (message(req, HTTP_STATUS_NOT_FOUND, N_("Unknown link"),
		    N_("This link is not one we sent. Copy the whole link from "
		    "the e-mail."), NULL, NULL));
	}
	q = dbq_new(req, post ? sql_unsub : sql_unsub_peek,
	    post ? unsub_done : unsub_peeked);
	dbq_param(q, token);
	q->ctx = json_pack("{s:s}", "token", token);
	qs_free(&qs);
	return (dbq_run(req));
}

static int
unsub_peeked(struct http_request *req, struct dbq *q)
{
	struct sbuf	 action;
	json_t		*extra;
	int		 rc;

	if (q->failed)
		return (db_down(req, q));
	if (q->result == NULL)
		return (message(req, HTTP_STATUS_NOT_FOUND, N_("Alert not found"),
		    N_("This alert was already stopped or deleted."), NULL, NULL));
	sbuf_init(&action);
	sbuf_printf(&action, "/alerts/unsubscribe?token=%s",
	    json_string_value(json_object_get(q->ctx, "token")));
	extra = button(req, action.data, json_string_value(json_object_get(
	    q->ctx, "token")), N_("Stop this alert"), 0);
	sbuf_free(&action);
	rc = message(req, HTTP_STATUS_OK, N_("Stop this job alert?"),
	    N_("No more e-mails for this search:"), json_string_value(
	    json_object_get(q->result, "label")), extra);
	return (rc);
}

static int
unsub_done(struct http_request *req, struct dbq *q)
{
	if (q->failed || q->result == NULL)
		return (db_down(req, q));
	if (!json_is_true(json_object_get(q->result, "done")))
		return (message(req, HTTP_STATUS_NOT_FOUND, N_("Alert not found"),
		    N_("This alert was already stopped or deleted."), NULL, NULL));
	return (message(req, HTTP_STATUS_OK, N_("Alert stopped"),
	    N_("You will get no more e-mails for this search."),
	    json_string_value(json_object_get(q->result, "label")),
	    json_pack("{s:O}", "manage", json_object_get(q->result,
	    "manage"))));
}

/* GET: the address's alerts, each with its forms; POST: one change. */
int
page_alerts_manage(struct http_request *req)
{
	struct dbq	*q;
	struct qs	 qs;
	const char	*token, *action, *id, *freq;
	size_t		 i;
	int		 post;

	if (http_state_exists(req))
		return (dbq_run(req));
	post = req->method == HTTP_METHOD_POST;
	if ((post ? anon_form(req, &qs) : web_query(req, &qs)) !=
	    KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	token = qs_get(&qs, "token");
	if (!is_token(token)) {
		qs_free(&qs);
		return (message(req, HTTP_STATUS_NOT_FOUND, N_("Unknown link"),
		    N_("This link is not one we sent. Copy the whole link from "
		    "an alert e-mail."), NULL, NULL));
	}
	if (!post) {
		q = dbq_new(req, sql_manage_page, manage_page);
		dbq_param(q, token);
		q->ctx = json_pack("{s:s}", "token", token);
		qs_free(&qs);
		return (dbq_run(req));
	}
	action = qs_get(&qs, "action");
	for (i = 0; i < sizeof(manage_actions) / sizeof(manage_actions[0]);
	    i++)
		if (action != NULL && strcmp(action, manage_actions[i]) == 0)
			break;
	id = qs_get(&qs, "alert");
	if (strcmp(action != NULL ? action : "", "erase") == 0)
		id = "0";
	freq = NULL;
	if (action != NULL && strcmp(action, "frequency") == 0 &&
	    freq_text(freq = qs_get(&qs, "frequency")) == NULL)
		freq = "";
	if (i == sizeof(manage_actions) / sizeof(manage_actions[0]) ||
	    !is_id(id) || (freq != NULL && *freq == '\0')) {
		qs_free(&qs);
		web_error(req, HTTP_STATUS_BAD_REQUEST, N_("Unknown change: use "
		    "the buttons of the page."));
		return (KORE_RESULT_OK);
	}
	q = dbq_new(req, sql_manage, manage_done);
	dbq_param(q, token);
	dbq_param(q, action);
	dbq_param(q, id);
	dbq_param(q, freq);
	q->ctx = json_pack("{s:s}", "token", token);
	qs_free(&qs);
	return (dbq_run(req));
}

static int
manage_page(struct http_request *req, struct dbq *q)
{
	json_t		*model, *a;
	const char	*f;
	char		 csrf[TOKEN_HEX + 1];
	size_t		 i;

	if (q->failed)
		return (db_down(req, q));
	if (q->result == NULL)
		return (message(req, HTTP_STATUS_NOT_FOUND, N_("Unknown link"),
		    N_("We hold nothing for this link: its address was erased, "
		    "or it is not one we sent."), NULL, NULL));
	if (anon_csrf(req, csrf) == NULL) {
		web_error(req, HTTP_STATUS_INTERNAL_ERROR,
		    N_("No randomness available."));
		return (KORE_RESULT_OK);
	}
	model = q->result;
	q->result = NULL;
	json_array_foreach(json_object_get(model, "alerts"), i, a) {
		f = json_string_value(json_object_get(a, "frequency"));
		json_object_set_new(a, "frequencies",
		    freq_options(web_lang(req), f));
		json_object_set_new(a, "frequency_text",
		    json_string(freq_text(f) ? tr(web_lang(req),
		    freq_text(f)) : ""));
	}
	json_object_set_new(model, "title", json_string(N_("Your job alerts")));
	json_object_set(model, "token", json_object_get(q->ctx, "token"));
	json_object_set_new(model, "csrf", json_string(csrf));
	json_object_set_new(model, "noindex", json_true());
	private_html(req, HTTP_STATUS_OK, "alerts_manage.html", model);
	return (KORE_RESULT_OK);
}

static int
manage_done(struct http_request *req, struct dbq *q)
{
	struct sbuf	 to;

	if (q->failed || q->result == NULL)
		return (db_down(req, q));
	if (!json_is_true(json_object_get(q->result, "found")))
		return (message(req, HTTP_STATUS_NOT_FOUND, N_("Unknown link"),
		    N_("We hold nothing for this link: its address was erased, "
		    "or it is not one we sent."), NULL, NULL));
	if (json_is_true(json_object_get(q->result, "erased")))
		return (message(req, HTTP_STATUS_OK, N_("Everything deleted"),
		    N_("The address, its alerts, what they sent and our records "
		    "of its sign-ups are deleted. Nothing more will be sent "
		    "to it."), NULL, NULL));
	sbuf_init(&to);
	sbuf_printf(&to, "/alerts/manage?token=%s", json_string_value(
	    json_object_get(q->ctx, "token")));
	http_response_header(req, "cache-control", "no-store");
	web_redirect(req, HTTP_STATUS_SEE_OTHER, to.data);
	sbuf_free(&to);
	return (KORE_RESULT_OK);
}

/*
 * GET: the form of one alert (token, alert) with its search and
 * frequency; POST: the changed search, read by the search page's parser
 * (400 with the field's message and the values kept), then 303 to the
 * manage page.
 */
int
page_alerts_edit(struct http_request *req)
{
	struct dbq	*q;
	struct qs	 qs;
	struct sbuf	 label, path;
	json_t		*values, *errors, *filters;
	const char	*token, *id, *freq, *msg, *bad, *v;
	char		*dump;
	int		 post, f;

	if (http_state_exists(req))
		return (dbq_run(req));
	post = req->method == HTTP_METHOD_POST;
	if ((post ? anon_form(req, &qs) : web_query(req, &qs)) !=
	    KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	token = qs_get(&qs, "token");
	id = qs_get(&qs, "alert");
	if (!is_token(token) || !is_id(id)) {
		qs_free(&qs);
		return (message(req, HTTP_STATUS_NOT_FOUND, N_("Unknown link"),
		    N_("This link is not one we sent. Copy the whole link from "
		    "an alert e-mail."), NULL, NULL));
	}
	values = json_object();
	errors = json_object();
	filters = NULL;
	if (post) {
		for (f = 0; f < FILTER__MAX; f++)
			if ((v = qs_get(&qs, web_filter_names[f])) != NULL)
				json_object_set_new(values,
				    web_filter_names[f], json_string(v));
		if ((filters = search_read(&qs, NULL, &msg, &bad)) == NULL)
			json_object_set_new(errors, bad, json_string(msg));
		freq = form_str(&qs, "frequency", 10, "The frequency", values,
		    errors, 0);
		if (freq_text(freq) == NULL)
			json_object_set_new(errors, "frequency", json_string(
			    N_("Choose how often: as soon as they are posted, "
			    "once a day or once a week.")));
	}
	if (!post || json_object_size(errors) > 0) {
		q = dbq_new(req, sql_edit_page, edit_page);
		dbq_param(q, token);
		dbq_param(q, id);
		dbq_param(q, web_lang(req));
		q->ctx = json_pack("{s:s, s:s}", "token", token, "alert", id);
		if (post) {
			json_object_set(q->ctx, "values", values);
			json_object_set(q->ctx, "errors", errors);
		}
	} else {
		sbuf_init(&label);
		sbuf_init(&path);
		search_describe(filters, &label, &path);
		dump = json_dumps(filters, JSON_COMPACT);
		q = dbq_new(req, sql_edit, manage_done);
		dbq_param(q, token);
		dbq_param(q, id);
		dbq_param(q, dump);
		dbq_param(q, label.data);
		dbq_param(q, path.data);
		dbq_param(q, freq);
		q->ctx = json_pack("{s:s}", "token", token);
		free(dump);
		sbuf_free(&label);
		sbuf_free(&path);
	}
	json_decref(filters);
	json_decref(values);
	json_decref(errors);
	qs_free(&qs);
	return (dbq_run(req));
}

static int
edit_page(struct http_request *req, struct dbq *q)
{
	json_t		*model, *values, *errors, *langs;
	const char	*lang;
	char		 csrf[TOKEN_HEX + 1];
	size_t		 i;

	if (q->failed)
		return (db_down(req, q));
	if (q->result == NULL)
		return (message(req, HTTP_STATUS_NOT_FOUND, N_("Alert not found"),
		    N_("This alert was deleted, or the link is not one we "
		    "sent."), NULL, NULL));
	if (anon_csrf(req, csrf) == NULL) {
		web_error(req, HTTP_STATUS_INTERNAL_ERROR,
		    N_("No randomness available."));
		return (KORE_RESULT_OK);
	}
	model = q->result;
	q->result = NULL;
	errors = json_object_get(q->ctx, "errors");
	if ((values = json_object_get(q->ctx, "values")) != NULL)
		json_incref(values);
	else {
		values = json_object();
		json_object_update(values, json_object_get(model,
		    "filters"));
		json_object_set(values, "frequency",
		    json_object_get(model, "frequency"));
	}
	mark_selected(json_object_get(model, "contracts"), "code",
	    json_string_value(json_object_get(values, "contract")));
	lang = json_string_value(json_object_get(values, "lang"));
	langs = json_array();
	for (i = 0; lex_langs[i].code != NULL; i++)
		json_array_append_new(langs, json_pack("{s:s, s:s, s:b}",
		    "code", lex_langs[i].code, "label", lex_langs[i].label,
		    "selected", lang != NULL &&
		    strcmp(lang, lex_langs[i].code) == 0));
	json_object_set_new(model, "langs", langs);
	json_object_set_new(model, "frequencies", freq_options(web_lang(req),
	    json_string_value(json_object_get(values, "frequency"))));
	json_object_set_new(model, "title", json_string(N_("Change your job alert")));
	json_object_set(model, "token", json_object_get(q->ctx, "token"));
	json_object_set_new(model, "csrf", json_string(csrf));
	json_object_set_new(model, "noindex", json_true());
	json_model_form(model, values, errors);
	json_decref(values);
	private_html(req, errors != NULL ? HTTP_STATUS_BAD_REQUEST :
	    HTTP_STATUS_OK, "alerts_edit.html", model);
	return (KORE_RESULT_OK);
}
