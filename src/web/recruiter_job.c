/*
 * The posting form: /recruiter/jobs/new and /recruiter/jobs/<id>/edit.
 * Every field is checked here, with one message per field and the input
 * kept on error (400); "preview" shows the posting as seekers will see
 * it; "publish" saves it, pending until a moderator approves it unless
 * the recruiter is trusted.  Each form render carries a fresh token: a
 * double submit of one form finds the posting the first one created.
 * The edit page also takes the dashboard's actions: fill, close, relist,
 * duplicate.
 */

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>

#include <ctype.h>

#include "session.h"
#include "richtext.h"

#define EXPIRY_DEFAULT	30	/* days */
#define EXPIRY_MAX	90

int	page_recruiter_job_new(struct http_request *);
int	page_recruiter_job_edit(struct http_request *);

/*
 * Contracts, schedules, remote modes and languages are the lexicon's
 * (lexicon.c; contract and schedule labels from contract_type); these
 * two are the form's own.
 */
static const struct lex	periods[] = {
	{ "year",	"per year" },
	{ "month",	"per month" },
	{ "hour",	"per hour" },
	{ NULL,		NULL }
};
static const struct lex	currencies[] = {
	{ "EUR", "EUR" }, { "GBP", "GBP" }, { "CHF", "CHF" },
	{ "USD", "USD" }, { "SEK", "SEK" }, { "DKK", "DKK" },
	{ "NOK", "NOK" }, { "PLN", "PLN" }, { "CZK", "CZK" },
	{ "JPY", "JPY" }, { "CNY", "CNY" }, { "HKD", "HKD" },
	{ "AED", "AED" }, { NULL, NULL }
};

enum job_action {
	ACT_PREVIEW,
	ACT_PUBLISH,
	ACT_FILL,
	ACT_CLOSE,
	ACT_RELIST,
	ACT_DUPLICATE,
	ACT__MAX
};

static const char	*action_names[ACT__MAX] = {
	"preview", "publish", "fill", "close", "relist", "duplicate"
};

/* The page: the account, labels, cities, and the posting when given. */
static const char	sql_job_form[] =
    "WITH " ME_CTE("$1") ", " OK_CTE("$2")
    " SELECT json_build_object(" GATE_FIELDS ","
    " 'company', (SELECT json_build_object('name', c.name, 'slug', c.slug)"
    "  FROM company c JOIN me ON c.id = me.company_id),"
    " 'contracts', (SELECT json_agg(json_build_object('code', code,"
    "  'label', fj_label(code, $3)) ORDER BY sort) FROM contract_type"
    "  WHERE axis = 'contract'),"
    " 'schedules', (SELECT json_agg(json_build_object('code', code,"
    "  'label', fj_label(code, $3)) ORDER BY sort) FROM contract_type"
    "  WHERE axis = 'schedule'),"
    " 'cities'," CITY_SUGGESTIONS ","
    " 'city_canonical', (SELECT c.name FROM city c"
    "  WHERE c.id = fj_city_id($4)),"
    " 'posting', (SELECT json_build_object('id', p.id, 'status', CASE WHEN"
    "  p.status = 'published' AND fj_expired(p.expires_at) THEN 'expired'"
    "  ELSE p.status END, 'reject_reason', p.reject_reason,"
    "  'title', p.title, 'contract', p.contract, 'schedule', p.schedule,"
    "  'city', p.city_name, 'country', p.country, 'remote', p.remote,"
    "  'description', p.description, 'apply_url', p.apply_url,"
    "  'apply_email', p.apply_email, 'salary_min',"
    "  trim(trailing '.' FROM trim(trailing '0' FROM p.salary_min::text)),"
    "  'salary_max',"
    "  trim(trailing '.' FROM trim(trailing '0' FROM p.salary_max::text)),"
    "  'salary_currency', p.salary_currency,"
    "  'salary_period', p.salary_period, 'lang', p.lang,"
    "  'expires', to_char((p.expires_at AT TIME ZONE 'UTC') -"
    "   interval '1 second', 'YYYY-MM-DD'))"
    "  FROM posting p JOIN me ON p.account_id = me.id"
    "  WHERE p.id = $5::bigint))";

/*
 * The form's values ($3, a JSON object) as columns, for the signed-in
 * account with a valid CSRF token only: the city is its canonical name
 * when any alias is known, else as typed (a provisional city).
 */
#define JOB_VALUES							\
    " i AS (SELECT $3::jsonb AS j),"					\
    " v AS (SELECT j->>'title' AS title, j->>'title_raw' AS title_raw,"\
    "  fj_slug(j->>'title') AS slug, j->>'contract' AS contract,"	\
    "  j->>'schedule' AS schedule, coalesce(j->>'city', '') AS city_raw,"\
    "  kc.id AS city_known, coalesce(kc.name, j->>'city', '') AS city_name,"\
    "  coalesce(j->>'country', kc.country) AS country,"		\
    "  j->>'description' AS description, j->>'apply_url' AS apply_url,"\
    "  j->>'apply_email' AS apply_email, j->>'lang' AS lang,"		\
    "  j->>'remote' AS remote,"					\
    "  (j->>'salary_min')::numeric AS salary_min,"			\
    "  (j->>'salary_max')::numeric AS salary_max,"			\
    "  j->>'salary_currency' AS salary_currency,"			\
    "  j->>'salary_period' AS salary_period,"				\
    "  ((j->>'expires')::date + 1)::timestamp AT TIME ZONE 'UTC'"	\
    "   AS expires_at, j->>'form_token' AS form_token"		\
    "  FROM ok, i LEFT JOIN LATERAL (SELECT c.id, c.name, c.country"	\
    "   FROM city c WHERE c.id = fj_city_id(i.j->>'city')) kc ON true)"

static const char	sql_job_insert[] =
    "WITH " ME_CTE("$1") ", " OK_CTE("$2") "," JOB_VALUES ","
    " prev AS (SELECT p.id, p.status FROM posting p, ok, v WHERE"
    "  p.account_id = ok.id AND p.form_token = v.form_token),"
    " ins AS (INSERT INTO posting (company_id, company_name, company_raw,"
    "  title, title_raw, slug, contract, schedule, city_id, city_name,"
    "  city_raw, country, description, apply_url, apply_email, lang,"
    "  remote, salary_min, salary_max, salary_currency, salary_period,"
    "  status, posted_at, expires_at, source, account_id, form_token)"
    "  SELECT co.id, co.name, co.name, v.title, v.title_raw, v.slug,"
    "  v.contract, v.schedule, coalesce(v.city_known,"
    "  fj_city_ensure(nullif(v.city_raw, ''))), v.city_name, v.city_raw,"
    "  v.country, v.description, v.apply_url, v.apply_email, v.lang,"
    "  v.remote, v.salary_min, v.salary_max, v.salary_currency,"
    "  v.salary_period, CASE WHEN ok.trusted THEN 'published'"
    "  ELSE 'pending' END, now(), v.expires_at, 'recruiter', ok.id,"
    "  v.form_token FROM ok JOIN company co ON co.id = ok.company_id, v"
    "  WHERE NOT EXISTS (SELECT 1 FROM prev) AND v.country IS NOT NULL"
    "  ON CONFLICT (account_id, form_token) WHERE form_token IS NOT NULL"
    "  DO NOTHING RETURNING id, status)"
    " SELECT json_build_object(" GATE_FIELDS ","
    "  'has_company', EXISTS (SELECT 1 FROM ok WHERE company_id IS NOT NULL),"
    "  'id', coalesce((SELECT id FROM ins), (SELECT id FROM prev)),"
    "  'status', coalesce((SELECT status FROM ins),"
    "   (SELECT status FROM prev)),"
    "  'repeat', EXISTS (SELECT 1 FROM prev),"
    "  'need_country', (SELECT country IS NULL FROM v)"
    "   AND NOT EXISTS (SELECT 1 FROM prev))";

/*
 * An edit of a published posting goes back to the queue when the
 * moderate_edits setting is on, unless the recruiter is trusted; a
 * rejected one is submitted again.  Expired, filled, closed and removed
 * postings are not edited (relist or duplicate them).
 */
static const char	sql_job_update[] =
    "WITH " ME_CTE("$1") ", " OK_CTE("$2") "," JOB_VALUES ","
    " p0 AS (SELECT p.id, CASE WHEN p.status = 'published' AND"
    "  fj_expired(p.expires_at) THEN 'expired' ELSE p.status END AS eff"
    "  FROM posting p, ok WHERE p.id = $4::bigint AND p.account_id = ok.id),"
    " upd AS (UPDATE posting p SET title = v.title, title_raw = v.title_raw,"
    "  slug = v.slug, contract = v.contract, schedule = v.schedule,"
    "  city_id = coalesce(v.city_known,"
    "  fj_city_ensure(nullif(v.city_raw, ''))), city_name = v.city_name,"
    "  city_raw = v.city_raw, country = v.country,"
    "  description = v.description, apply_url = v.apply_url,"
    "  apply_email = v.apply_email, lang = v.lang, remote = v.remote,"
    "  salary_min = v.salary_min, salary_max = v.salary_max,"
    "  salary_currency = v.salary_currency,"
    "  salary_period = v.salary_period, expires_at = v.expires_at,"
    "  updated_at = now(), reject_reason = NULL,"
    "  status = CASE WHEN p.status = 'rejected' THEN CASE WHEN ok.trusted"
    "   THEN 'published' ELSE 'pending' END"
    "   WHEN p.status = 'published' AND NOT ok.trusted AND"
    "   fj_setting('moderate_edits') = 'on' THEN 'pending'"
    "   ELSE p.status END"
    "  FROM ok, v, p0 WHERE p.id = p0.id AND v.country IS NOT NULL"
    "  AND p0.eff IN ('pending', 'published', 'rejected')"
    "  RETURNING p.id, p.status)"
    " SELECT json_build_object(" GATE_FIELDS ","
    "  'found', EXISTS (SELECT 1 FROM p0),"
    "  'state', (SELECT eff FROM p0),"
    "  'id', (SELECT id FROM upd), 'status', (SELECT status FROM upd),"
    "  'need_country', (SELECT country IS NULL FROM v))";

/* fill, close (open or expired postings) and relist (expired ones). */
static const char	sql_job_action[] =
    "WITH " ME_CTE("$1") ", " OK_CTE("$2") ","
    " p0 AS (SELECT p.id, CASE WHEN p.status = 'published' AND"
    "  fj_expired(p.expires_at) THEN 'expired' ELSE p.status END AS eff"
    "  FROM posting p, ok WHERE p.id = $4::bigint AND p.account_id = ok.id),"
    " upd AS (UPDATE posting p SET status = CASE $3 WHEN 'fill' THEN"
    "  'filled' WHEN 'close' THEN 'closed' ELSE 'published' END,"
    "  closed_at = CASE WHEN $3 IN ('fill', 'close') THEN now() END,"
    "  expires_at = CASE WHEN $3 = 'relist' THEN now() + interval '30 days'"
    "   ELSE p.expires_at END,"
    "  posted_at = CASE WHEN $3 = 'relist' THEN now() ELSE p.posted_at END,"
    "  updated_at = now() FROM p0 WHERE p.id = p0.id AND"
    "  (($3 IN ('fill', 'close') AND"
    "  p0.eff IN ('pending', 'published', 'expired')) OR"
    "  ($3 = 'relist' AND p0.eff = 'expired')) RETURNING p.id)"
    " SELECT json_build_object(" GATE_FIELDS ","
    "  'found', EXISTS (SELECT 1 FROM p0),"
    "  'done', EXISTS (SELECT 1 FROM upd))";

static json_t		*job_check(const struct qs *, json_t *, json_t *);
static json_t		*options(const struct lex *, const char *);
static const char	*lex_label(const struct lex *, const char *);
static int		 is_form_token(const char *);
static const char	*label_of(json_t *, const char *);
static void		 job_preview(json_t *, json_t *);
static int		 job_form_query(struct http_request *, const char *id,
			    json_t *ctx, const char *csrf);
static int		 job_post(struct http_request *, const char *id);
static int		 job_form_done(struct http_request *, struct dbq *);
static void		 job_form_params(struct http_request *, struct dbq *,
			    const char *, const char *);
static int		 job_saved(struct http_request *, struct dbq *);
static void		 job_retry(struct http_request *, struct dbq *);
static int		 job_acted(struct http_request *, struct dbq *);
static const char	*str(const json_t *, const char *);

static const char *
str(const json_t *o, const char *key)
{
	return (json_string_value(json_object_get(o, key)));
}

static int
is_form_token(const char *s)
{
	size_t	i;

	if (s == NULL || strlen(s) != TOKEN_HEX)
		return (0);
	for (i = 0; i < TOKEN_HEX; i++)
		if (!isxdigit((unsigned char)s[i]))
			return (0);
	return (1);
}

/* The label of code in list, "" when it is none of them. */
static const char *
lex_label(const struct lex *list, const char *code)
{
	const struct lex	*l;

	return ((l = lex_find(list, code)) != NULL ? l->label : "");
}

/* An option list for a <select>, value marked selected. */
static json_t *
options(const struct lex *o, const char *value)
{
	json_t	*list;

	list = json_array();
	for (; o->code != NULL; o++)
		json_array_append_new(list, json_pack("{s:s, s:s, s:b}",
		    "code", o->code, "label", o->label, "selected",
		    value != NULL && strcmp(value, o->code) == 0));
	return (list);
}

/*
 * Check the posting form into values (as typed, for the form) and errors
 * (one message per field).  Returns the clean values to save (JSON for
 * the statement), or NULL when there are errors.
 */
static json_t *
job_check(const struct qs *qs, json_t *values, json_t *errors)
{
	const char	*title, *contract, *schedule, *city, *country, *remote;
	const char	*about, *url, *email, *smin, *smax, *cur, *period;
	const char	*lang, *expires;
	char		 deflt[16], msg[160], cc[3], *clean;
	json_t		*save;
	enum date_check	 rc;

	title = form_str(qs, "title", 120, "The title", values, errors,
	    FORM_REQUIRED);
	contract = form_str(qs, "contract", 32, "The contract", values,
	    errors, FORM_REQUIRED);
	schedule = form_str(qs, "schedule", 32, "The schedule", values,
	    errors, FORM_REQUIRED);
	remote = form_str(qs, "remote", 16, "The work place", values, errors,
	    0);
	city = form_str(qs, "city", 100, "The city", values, errors, 0);
	country = form_str(qs, "country", 2, "The country code", values,
	    errors, 0);
	about = form_str(qs, "description", 20000, "The description", values,
	    errors, FORM_REQUIRED | FORM_MULTILINE);
	url = form_str(qs, "apply_url", 2000, "The apply link", values,
	    errors, 0);
	email = form_str(qs, "apply_email", 254, "The apply e-mail", values,
	    errors, 0);
	smin = form_str(qs, "salary_min", 13, "The minimum salary", values,
	    errors, 0);
	smax = form_str(qs, "salary_max", 13, "The maximum salary", values,
	    errors, 0);
	cur = form_str(qs, "salary_currency", 3, "The currency", values,
	    errors, 0);
	period = form_str(qs, "salary_period", 8, "The salary period",
	    values, errors, 0);
	lang = form_str(qs, "lang", 2, "The language", values, errors,
	    FORM_REQUIRED);
	expires = form_str(qs, "expires", 10, "The expiry date", values,
	    errors, 0);

	clean = NULL;
	if (title != NULL) {
		clean = norm_title(title);
		if (utf8_chars(clean) < 3)
			json_object_set_new(errors, "title", json_string(
			    "Give the job a title of at least 3 characters."));
	}
	if (contract != NULL && lex_find(lex_contracts, contract) == NULL)
		json_object_set_new(errors, "contract",
		    json_string("Choose a contract from the list."));
	if (schedule != NULL && lex_find(lex_schedules, schedule) == NULL)
		json_object_set_new(errors, "schedule",
		    json_string("Choose a schedule from the list."));
	if (remote == NULL)
		remote = "onsite";
	if (lex_find(lex_remotes, remote) == NULL)
		json_object_set_new(errors, "remote",
		    json_string("Choose on site, hybrid or remote."));
	else if (city == NULL && strcmp(remote, "remote") != 0 &&
	    json_object_get(errors, "city") == NULL)
		json_object_set_new(errors, "city", json_string(
		    "The city is required, unless the job is fully remote."));
	if (country != NULL) {
		if (strlen(country) != 2 || !isalpha((unsigned char)country[0])
		    || !isalpha((unsigned char)country[1]))
			json_object_set_new(errors, "country", json_string(
			    "Use the two-letter country code, such as IT or "
			    "FR."));
		else {
			cc[0] = toupper((unsigned char)country[0]);
			cc[1] = toupper((unsigned char)country[1]);
			cc[2] = '\0';
			country = cc;
		}
	}
	if (about != NULL && utf8_chars(about) < 30)
		json_object_set_new(errors, "description", json_string(
		    "Describe the job in at least 30 characters."));
	if (url != NULL && !valid_http_url(url))
		json_object_set_new(errors, "apply_url", json_string(
		    "The apply link must be a web address starting with "
		    "https:// or http://."));
	if (email != NULL && !valid_email(email))
		json_object_set_new(errors, "apply_email", json_string(
		    "Enter an e-mail address such as jobs@company.com."));
	if (url == NULL && email == NULL &&
	    json_object_get(errors, "apply_url") == NULL &&
	    json_object_get(errors, "apply_email") == NULL)
		json_object_set_new(errors, "apply_url", json_string(
		    "Give an apply link or an e-mail address."));
	if (smin != NULL && !valid_amount(smin))
		json_object_set_new(errors, "salary_min", json_string(
		    "Write the minimum salary as a number, such as 42000."));
	if (smax != NULL && !valid_amount(smax))
		json_object_set_new(errors, "salary_max", json_string(
		    "Write the maximum salary as a number, such as 48000."));
	if (smin != NULL && smax != NULL &&
	    json_object_get(errors, "salary_min") == NULL &&
	    json_object_get(errors, "salary_max") == NULL &&
	    strtod(smin, NULL) > strtod(smax, NULL))
		json_object_set_new(errors, "salary_max", json_string(
		    "The maximum salary is below the minimum."));
	if (smin != NULL || smax != NULL) {
		if (lex_find(currencies, cur) == NULL)
			json_object_set_new(errors, "salary_currency",
			    json_string("Choose the salary's currency."));
		if (lex_find(periods, period) == NULL)
			json_object_set_new(errors, "salary_period",
			    json_string("Say whether the salary is per year, "
			    "month or hour."));
	} else {
		cur = NULL;
		period = NULL;
	}
	if (lang != NULL && lex_find(lex_langs, lang) == NULL)
		json_object_set_new(errors, "lang",
		    json_string("Choose the posting's language."));
	if (expires == NULL) {
		date_in_days(deflt, sizeof(deflt), EXPIRY_DEFAULT);
		json_object_set_new(values, "expires", json_string(deflt));
		expires = str(values, "expires");
	} else if ((rc = valid_date(expires, 0, EXPIRY_MAX)) != DATE_OK) {
		date_in_days(deflt, sizeof(deflt), EXPIRY_MAX);
		if (rc == DATE_LATE)
			(void)snprintf(msg, sizeof(msg), "A posting runs at "
			    "most 90 days: choose a date until %s.", deflt);
		else
			(void)snprintf(msg, sizeof(msg), "%s", rc == DATE_BAD ?
			    "Write the expiry date as YYYY-MM-DD, such as "
			    "2030-07-31." : "The expiry date is in the past.");
		json_object_set_new(errors, "expires", json_string(msg));
	}

	if (json_object_size(errors) > 0) {
		free(clean);
		return (NULL);
	}
	save = json_pack("{s:s, s:s, s:s, s:s, s:s?, s:s?, s:s, s:s?, s:s?,"
	    " s:s?, s:s?, s:s?, s:s?, s:s, s:s, s:s}",
	    "title", clean, "title_raw", title, "contract", contract,
	    "schedule", schedule, "city", city, "country", country,
	    "description", about, "apply_url", url, "apply_email", email,
	    "salary_min", smin, "salary_max", smax, "salary_currency", cur,
	    "salary_period", period, "lang", lang, "remote", remote,
	    "expires", expires);
	free(clean);
	return (save);
}

/* The label of code in a [{code, label}] list, or code. */
static const char *
label_of(json_t *list, const char *code)
{
	json_t	*o;
	size_t	 i;

	json_array_foreach(list, i, o)
		if (code != NULL && str(o, "code") != NULL &&
		    strcmp(str(o, "code"), code) == 0)
			return (str(o, "label"));
	return (code);
}

/* The posting as seekers will see it, from the checked values. */
static void
job_preview(json_t *model, json_t *values)
{
	json_t		*p;
	struct sbuf	 html;
	char		*title;
	const char	*city, *smin, *smax;

	sbuf_init(&html);
	text_html_paragraphs(&html, str(values, "description"));
	title = norm_title(str(values, "title"));
	city = str(model, "city_canonical");
	p = json_pack("{s:s, s:s?, s:s?, s:s?, s:s?, s:s#, s:s?, s:s?}",
	    "title", title,
	    "company", str(json_object_get(model, "company"), "name"),
	    "city", city != NULL ? city : str(values, "city"),
	    "contract_label", label_of(json_object_get(model, "contracts"),
	    str(values, "contract")),
	    "schedule_label", label_of(json_object_get(model, "schedules"),
	    str(values, "schedule")),
	    "description_html", html.data ? html.data : "", html.len,
	    "apply_url", str(values, "apply_url"),
	    "apply_email", str(values, "apply_email"));
	smin = str(values, "salary_min");
	smax = str(values, "salary_max");
	if ((smin != NULL && *smin != '\0') || (smax != NULL && *smax != '\0'))
		json_object_set_new(p, "salary", json_pack("s++++++",
		    smin != NULL ? smin : "",
		    smin != NULL && *smin != '\0' && smax != NULL &&
		    *smax != '\0' ? " – " : "", smax != NULL ? smax : "",
		    " ", str(values, "salary_currency"), " ",
		    lex_label(periods, str(values, "salary_period"))));
	if (strcmp(str(values, "remote"), "onsite") != 0)
		json_object_set_new(p, "remote", json_string(
		    str(values, "remote")));
	json_object_set_new(model, "preview", p);
	free(title);
	sbuf_free(&html);
}

/* Run the form page's query; ctx says what to show (takes it). */
static int
job_form_query(struct http_request *req, const char *id, json_t *ctx,
    const char *csrf)
{
	struct dbq	*q;

	q = dbq_new(req, sql_job_form, job_form_done);
	q->ctx = ctx;
	job_form_params(req, q, id, csrf);
	return (dbq_run(req));
}

static void
job_form_params(struct http_request *req, struct dbq *q, const char *id,
    const char *csrf)
{
	char		 token[TOKEN_HEX + 1];

	dbq_param(q, cookie_token(req, SESSION_COOKIE, token) ? token : NULL);
	dbq_param(q, csrf);
	dbq_param(q, web_lang(req));
	dbq_param(q, str(json_object_get(q->ctx, "f"), "city"));
	dbq_param(q, id);
}

int
page_recruiter_job_new(struct http_request *req)
{
	struct qs	 qs;
	const char	*from;
	json_t		*ctx;
	int		 rc;

	if (http_state_exists(req))
		return (dbq_run(req));
	if (req->method == HTTP_METHOD_POST)
		return (job_post(req, NULL));
	if (web_query(req, &qs) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	from = qs_get(&qs, "from");
	if (from != NULL && (strlen(from) > 18 ||
	    strspn(from, "0123456789") != strlen(from) || *from == '\0'))
		from = NULL;
	ctx = json_pack("{s:b, s:i, s:b}", "post", 0, "status", 200,
	    "duplicate", from != NULL);
	rc = job_form_query(req, from, ctx, NULL);
	qs_free(&qs);
	return (rc);
}

/* /recruiter/jobs/<id>/edit */
int
page_recruiter_job_edit(struct http_request *req)
{
	const char	*p;
	char		 id[24];
	size_t		 n;

	if (http_state_exists(req))
		return (dbq_run(req));
	p = req->path + strlen("/recruiter/jobs/");
	n = strspn(p, "0123456789");
	if (n == 0 || n > 18 || strcmp(p + n, "/edit") != 0)
		return (page_not_found(req));
	memcpy(id, p, n);
	id[n] = '\0';
	if (req->method == HTTP_METHOD_POST)
		return (job_post(req, id));
	return (job_form_query(req, id, json_pack("{s:b, s:i, s:s}", "post",
	    0, "status", 200, "edit", id), NULL));
}

/* A POST of the form (id NULL: a new posting) or of an action. */
static int
job_post(struct http_request *req, const char *id)
{
	struct dbq	*q;
	struct qs	 qs;
	json_t		*values, *errors, *save, *ctx;
	const char	*a, *csrf, *ftok;
	char		 token[TOKEN_HEX + 1], fresh[TOKEN_HEX + 1], *js, *loc;
	int		 act;

	if (form_body(req, &qs) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	a = qs_get(&qs, "action");
	for (act = 0; act < ACT__MAX; act++)
		if (a != NULL && strcmp(a, action_names[act]) == 0)
			break;
	if (act == ACT__MAX)
		act = ACT_PREVIEW;
	if (id == NULL && act != ACT_PREVIEW && act != ACT_PUBLISH) {
		qs_free(&qs);
		web_error(req, HTTP_STATUS_BAD_REQUEST, "Unknown action.");
		return (KORE_RESULT_OK);
	}
	csrf = qs_get(&qs, "csrf");
	if (act == ACT_DUPLICATE) {
		/* Nothing changes yet: the new form is the next step. */
		qs_free(&qs);
		loc = kore_malloc(64);
		(void)snprintf(loc, 64, "/recruiter/jobs/new?from=%s", id);
		web_redirect(req, HTTP_STATUS_SEE_OTHER, loc);
		kore_free(loc);
		return (KORE_RESULT_OK);
	}
	if (act == ACT_FILL || act == ACT_CLOSE || act == ACT_RELIST) {
		q = dbq_new(req, sql_job_action, job_acted);
		dbq_param(q, cookie_token(req, SESSION_COOKIE, token) ?
		    token : NULL);
		dbq_param(q, csrf);
		dbq_param(q, action_names[act]);
		dbq_param(q, id);
		q->ctx = json_pack("{s:s}", "action", action_names[act]);
		qs_free(&qs);
		return (dbq_run(req));
	}

	values = json_object();
	errors = json_object();
	save = job_check(&qs, values, errors);
	ftok = qs_get(&qs, "form_token");
	if (!is_form_token(ftok)) {
		if (token_new(fresh) != KORE_RESULT_OK) {
			json_decref(values);
			json_decref(errors);
			json_decref(save);
			qs_free(&qs);
			web_error(req, HTTP_STATUS_INTERNAL_ERROR,
			    "No randomness available.");
			return (KORE_RESULT_OK);
		}
		ftok = fresh;
		if (save != NULL && act == ACT_PUBLISH && id == NULL) {
			json_decref(save);
			save = NULL;
			json_object_set_new(errors, "form", json_string(
			    "This form had expired: check it and send it "
			    "again."));
		}
	}
	json_object_set_new(values, "form_token", json_string(ftok));
	if (save == NULL || act == ACT_PREVIEW) {
		ctx = json_pack("{s:b, s:i, s:o, s:o, s:b}", "post", 1,
		    "status", save == NULL ? 400 : 200, "f", values,
		    "errors", errors, "preview", save != NULL);
		if (id != NULL)
			json_object_set_new(ctx, "edit", json_string(id));
		json_decref(save);
		act = job_form_query(req, id, ctx, csrf);
		qs_free(&qs);
		return (act);
	}
	json_object_set_new(save, "form_token", json_string(ftok));
	js = json_dumps(save, JSON_COMPACT);
	q = dbq_new(req, id == NULL ? sql_job_insert : sql_job_update,
	    job_saved);
	dbq_param(q, cookie_token(req, SESSION_COOKIE, token) ? token : NULL);
	dbq_param(q, csrf);
	dbq_param(q, js);
	if (id != NULL)
		dbq_param(q, id);
	q->ctx = json_pack("{s:b, s:i, s:o, s:o, s:s?, s:s?}", "post", 1,
	    "status", 400, "f", values, "errors", errors, "edit", id,
	    "csrf", csrf);
	free(js);
	json_decref(save);
	qs_free(&qs);
	return (dbq_run(req));
}

static int
job_form_done(struct http_request *req, struct dbq *q)
{
	json_t		*model, *values, *posting, *errors;
	const char	*edit;
	char		 fresh[TOKEN_HEX + 1], date[16], *action;
	int		 status;

	if (session_gate(req, q->failed ? NULL : q->result, GATE_RECRUITER,
	    json_is_true(json_object_get(q->ctx, "post"))) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	model = q->result;
	q->result = NULL;
	edit = str(q->ctx, "edit");
	posting = json_object_get(model, "posting");
	if (edit != NULL && !json_is_object(posting)) {
		json_decref(model);
		web_error(req, HTTP_STATUS_NOT_FOUND,
		    "You have no posting at this address.");
		return (KORE_RESULT_OK);
	}
	if (!json_is_object(json_object_get(model, "company"))) {
		json_decref(model);
		web_redirect(req, HTTP_STATUS_SEE_OTHER,
		    "/recruiter/company");
		return (KORE_RESULT_OK);
	}
	values = json_object_get(q->ctx, "f");
	if (values == NULL) {
		values = json_is_object(posting) ? json_deep_copy(posting) :
		    json_pack("{s:s, s:s, s:s}", "remote", "onsite",
		    "schedule", "full_time", "lang", web_lang(req));
		if (json_is_true(json_object_get(q->ctx, "duplicate")) ||
		    edit == NULL) {
			date_in_days(date, sizeof(date), EXPIRY_DEFAULT);
			json_object_set_new(values, "expires",
			    json_string(date));
		}
		if (token_new(fresh) != KORE_RESULT_OK) {
			json_decref(values);
			json_decref(model);
			web_error(req, HTTP_STATUS_INTERNAL_ERROR,
			    "No randomness available.");
			return (KORE_RESULT_OK);
		}
		json_object_set_new(values, "form_token", json_string(fresh));
		json_object_set_new(q->ctx, "f", values);
	}
	errors = json_object_get(q->ctx, "errors");
	status = json_integer_value(json_object_get(q->ctx, "status"));
	mark_selected(json_object_get(model, "contracts"), "code",
	    str(values, "contract"));
	mark_selected(json_object_get(model, "schedules"), "code",
	    str(values, "schedule"));
	json_object_set_new(model, "remotes", options(lex_remotes,
	    str(values, "remote")));
	json_object_set_new(model, "langs", options(lex_langs,
	    str(values, "lang")));
	json_object_set_new(model, "periods", options(periods,
	    str(values, "salary_period")));
	json_object_set_new(model, "currencies", options(currencies,
	    str(values, "salary_currency")));
	json_model_form(model, values, errors);
	if (json_is_true(json_object_get(q->ctx, "preview")))
		job_preview(model, values);
	if (edit != NULL) {
		action = kore_malloc(64);
		(void)snprintf(action, 64, "/recruiter/jobs/%s/edit", edit);
		json_object_set_new(model, "action", json_string(action));
		kore_free(action);
		json_object_set_new(model, "editing", json_true());
	} else
		json_object_set_new(model, "action",
		    json_string("/recruiter/jobs/new"));
	json_object_set_new(model, "title", json_string(edit != NULL ?
	    "Edit a job posting" : "Post a job"));
	json_object_set_new(model, "description", json_string("Post a job "
	    "in fashion and luxury on fashionjobs: title, contract, city, "
	    "description and how to apply."));
	json_object_set_new(model, "noindex", json_true());
	private_html(req, status, "recruiter_job.html", model);
	return (KORE_RESULT_OK);
}

/*
 * The save failed because the database did not answer: nothing was saved,
 * and the page that says so keeps every value and the form token, so the
 * recruiter sends it again as it was (a save that did reach the database
 * is not made twice: the token is unique per account).  No query: this
 * page must render with the database away.
 */
static void
job_retry(struct http_request *req, struct dbq *q)
{
	json_t		*values, *fields, *model;
	const char	*k, *edit;
	json_t		*v;
	char		 action[64];

	values = json_object_get(q->ctx, "f");
	fields = json_array();
	json_object_foreach(values, k, v) {
		if (!json_is_string(v) || strcmp(k, "title") == 0 ||
		    strcmp(k, "description") == 0)
			continue;
		json_array_append_new(fields, json_pack("{s:s, s:O}",
		    "name", k, "value", v));
	}
	edit = str(q->ctx, "edit");
	if (edit != NULL)
		(void)snprintf(action, sizeof(action),
		    "/recruiter/jobs/%s/edit", edit);
	else
		(void)snprintf(action, sizeof(action), "/recruiter/jobs/new");
	model = json_pack("{s:O, s:o, s:s, s:s, s:s, s:b}", "f", values,
	    "fields", fields, "action", action, "csrf",
	    str(q->ctx, "csrf") ? str(q->ctx, "csrf") : "",
	    "title", "Not saved yet", "noindex", 1);
	http_response_header(req, "retry-after", "5");
	private_html(req, HTTP_STATUS_SERVICE_UNAVAILABLE,
	    "recruiter_retry.html", model);
}

static int
job_saved(struct http_request *req, struct dbq *q)
{
	const char	*status, *state, *edit;
	char		 msg[160];

	if (q->failed) {
		job_retry(req, q);
		return (KORE_RESULT_OK);
	}
	if (session_gate(req, q->failed ? NULL : q->result, GATE_RECRUITER,
	    1) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	/*
	 * Every posting shown has a country: from its city when we know
	 * the city, else the recruiter's.  Nothing was saved; the form
	 * again, with the values as sent.
	 */
	if (json_is_true(json_object_get(q->result, "need_country"))) {
		state = str(json_object_get(q->ctx, "f"), "city");
		(void)snprintf(msg, sizeof(msg), "%s",
		    state != NULL && *state != '\0' ?
		    "We do not know this city's country: give its two-letter "
		    "code, such as IT or FR." :
		    "Give the country of the job, such as IT or FR.");
		json_object_set_new(json_object_get(q->ctx, "errors"),
		    "country", json_string(msg));
		edit = str(q->ctx, "edit");
		dbq_again(req, sql_job_form, job_form_done);
		job_form_params(req, q, edit, str(q->ctx, "csrf"));
		return (KORE_RESULT_OK);
	}
	if (str(q->ctx, "edit") == NULL) {
		if (!json_is_true(json_object_get(q->result, "has_company"))) {
			web_redirect(req, HTTP_STATUS_SEE_OTHER,
			    "/recruiter/company");
			return (KORE_RESULT_OK);
		}
		status = str(q->result, "status");
		web_redirect(req, HTTP_STATUS_SEE_OTHER,
		    status != NULL && strcmp(status, "published") == 0 ?
		    "/recruiter?done=published" :
		    "/recruiter?done=submitted");
		return (KORE_RESULT_OK);
	}
	if (!json_is_true(json_object_get(q->result, "found"))) {
		web_error(req, HTTP_STATUS_NOT_FOUND,
		    "You have no posting at this address.");
		return (KORE_RESULT_OK);
	}
	if ((status = str(q->result, "status")) == NULL) {
		state = str(q->result, "state");
		(void)snprintf(msg, sizeof(msg), "This posting is %s and "
		    "cannot be edited any more: relist it or duplicate it.",
		    state != NULL ? state : "closed");
		web_error(req, HTTP_STATUS_CONFLICT, msg);
		return (KORE_RESULT_OK);
	}
	web_redirect(req, HTTP_STATUS_SEE_OTHER, strcmp(status, "pending") ==
	    0 ? "/recruiter?done=review" : "/recruiter?done=saved");
	return (KORE_RESULT_OK);
}

static int
job_acted(struct http_request *req, struct dbq *q)
{
	const char	*a;
	char		 loc[64];

	if (session_gate(req, q->failed ? NULL : q->result, GATE_RECRUITER,
	    1) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	if (!json_is_true(json_object_get(q->result, "found"))) {
		web_error(req, HTTP_STATUS_NOT_FOUND,
		    "You have no posting at this address.");
		return (KORE_RESULT_OK);
	}
	a = str(q->ctx, "action");
	if (!json_is_true(json_object_get(q->result, "done"))) {
		web_error(req, HTTP_STATUS_CONFLICT, strcmp(a, "relist") == 0 ?
		    "Only an expired posting can be relisted." :
		    "This posting is closed already.");
		return (KORE_RESULT_OK);
	}
	(void)snprintf(loc, sizeof(loc), "/recruiter?done=%s",
	    strcmp(a, "fill") == 0 ? "filled" : strcmp(a, "close") == 0 ?
	    "closed" : "relisted");
	web_redirect(req, HTTP_STATUS_SEE_OTHER, loc);
	return (KORE_RESULT_OK);
}
