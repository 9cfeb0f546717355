/*
 * Responses: security headers on every answer, HTML pages rendered from
 * the embedded templates into the shared layout, error pages, redirects,
 * and query-string parsing (Kore's own filter drops what the conf does not
 * declare and anything with control characters, so we parse ourselves).
 */

#include <kore/kore.h>
#include <kore/http.h>

#include <string.h>
#include <time.h>

#include "web.h"

#define QUERY_MAX	4096

static const char	csp[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

void
web_headers(struct http_request *req, const char *ctype)
{
	http_response_header(req, "content-type", ctype);
	http_response_header(req, "content-security-policy", csp);
	http_response_header(req, "x-content-type-options", "nosniff");
	http_response_header(req, "referrer-policy",
	    "strict-origin-when-cross-origin");
	http_response_header(req, "x-frame-options", "DENY");
	/*
	 * Pages are written in the reader's language (web_lang): at the
	 * root, the one the fj_lang cookie or Accept-Language chooses.
	 */
	if (strncmp(ctype, "text/html", 9) == 0)
		http_response_header(req, "vary", web_path_lang(req->path) ?
		    "accept-language" : "accept-language, cookie");
}

/*
 * The model's fields that C code fills with a message of the catalogs
 * (a literal marked N_()), and every form error: rendered in the reader's
 * language.  Text that is not a message (a company's name as a title)
 * comes back from tr() as it is.
 */
static const char *const translated[] = {
	"title", "heading", "message", "notice", "button", "error"
};

/* The titles of error pages: http_status_text()'s, in the catalogs. */
static const struct {
	int		 status;
	const char	*title;
} status_titles[] = {
	{ 400, N_("Bad Request") },
	{ 401, N_("Unauthorized") },
	{ 403, N_("Forbidden") },
	{ 404, N_("Not Found") },
	{ 405, N_("Method Not Allowed") },
	{ 409, N_("Conflict") },
	{ 410, N_("Gone") },
	{ 413, N_("Payload Too Large") },
	{ 429, N_("Too Many Requests") },
	{ 500, N_("Internal Server Error") },
	{ 503, N_("Service Unavailable") }
};

/* A posting's states as pages name them (fj_job_status(), saved.c). */
static const char *const states[] = {
	N_("published"), N_("expired"), N_("filled"), N_("closed"),
	N_("removed"), N_("pending"), N_("rejected")
};

/* The same as the dashboard's status column says them. */
static const struct lex	status_labels[] = {
	{ "pending", N_("Waiting for review") },
	{ "published", N_("Published") },
	{ "rejected", N_("Rejected") },
	{ "expired", N_("Expired") },
	{ "filled", N_("Filled") },
	{ "closed", N_("Closed") },
	{ "removed", N_("Removed by a moderator") },
	{ NULL, NULL }
};

static void	translate(json_t *, const char *);
static void	lang_links(struct http_request *, json_t *);
static void	localise(json_t *, const char *, const char *);
static void	localise_list(json_t *, const char *, const char *);
static const char *value_text(const json_t *, char *, size_t);

/* A string or number field as text into buf ("" when absent). */
static const char *
value_text(const json_t *v, char *buf, size_t size)
{
	if (json_is_string(v))
		return (json_string_value(v));
	if (json_is_integer(v))
		(void)snprintf(buf, size, "%lld",
		    (long long)json_integer_value(v));
	else if (json_is_real(v))
		(void)snprintf(buf, size, "%.2f", json_real_value(v));
	else
		buf[0] = '\0';
	return (buf);
}

/*
 * A card or a posting in the reader's language: its work place, when it
 * was posted ("2 giorni fa", the date itself stays in posted for
 * <time datetime>), its salary, its state, and a lang attribute when it
 * is written in another language than the page.
 */
static void
localise(json_t *job, const char *lang, const char *today)
{
	const struct lex	*l;
	const json_t		*v;
	struct sbuf		 sal;
	char			 buf[96], lo[48], hi[48];
	const char		*min, *max;
	size_t			 i;

	if (!json_is_object(job))
		return;
	v = json_object_get(job, "remote");
	if (json_is_string(v) && (l = lex_find(lex_remotes,
	    json_string_value(v))) != NULL && strcmp(l->code, "onsite") != 0)
		json_object_set_new(job, "remote_label",
		    json_string(tr(lang, l->label)));
	if (i18n_ago(lang, buf, sizeof(buf), json_string_value(
	    json_object_get(job, "posted")), today) == 0)
		json_object_set_new(job, "posted_text", json_string(buf));
	min = value_text(json_object_get(job, "salary_min"), lo, sizeof(lo));
	max = value_text(json_object_get(job, "salary_max"), hi, sizeof(hi));
	if (*min != '\0' || *max != '\0') {
		sbuf_init(&sal);
		i18n_salary(lang, &sal, min, max, json_string_value(
		    json_object_get(job, "salary_currency")),
		    json_string_value(json_object_get(job, "salary_period")));
		json_object_set_new(job, "salary_text", json_stringn(sal.data,
		    sal.len));
		sbuf_free(&sal);
	}
	for (i = 0; i < sizeof(states) / sizeof(states[0]); i++) {
		v = json_object_get(job, "state");
		if (json_is_string(v) && strcmp(json_string_value(v),
		    states[i]) == 0)
			json_object_set_new(job, "state_label",
			    json_string(tr(lang, states[i])));
		v = json_object_get(job, "status");
		if (json_is_string(v) && strcmp(json_string_value(v),
		    states[i]) == 0)
			json_object_set_new(job, "status_text",
			    json_string(tr(lang, states[i])));
	}
	if ((l = lex_find(status_labels, json_string_value(json_object_get(job,
	    "status")))) != NULL)
		json_object_set_new(job, "status_label",
		    json_string(tr(lang, l->label)));
	v = json_object_get(job, "lang");
	if (json_is_string(v) && strcmp(json_string_value(v), lang) != 0)
		json_object_set_new(job, "lang_other", json_incref((json_t *)v));
}

static void
localise_list(json_t *list, const char *lang, const char *today)
{
	json_t	*el;
	size_t	 i;

	json_array_foreach(list, i, el)
		localise(el, lang, today);
}

static void
translate(json_t *model, const char *lang)
{
	json_t		*v, *errors;
	const char	*key;
	size_t		 i;
	struct tm	 gm;
	time_t		 tm;
	char		 today[16];

	for (i = 0; i < sizeof(translated) / sizeof(translated[0]); i++) {
		v = json_object_get(model, translated[i]);
		if (json_is_string(v))
			json_string_set(v, tr(lang, json_string_value(v)));
	}
	errors = json_object_get(model, "errors");
	json_object_foreach(errors, key, v)
		if (json_is_string(v))
			json_string_set(v, tr(lang, json_string_value(v)));
	tm = time(NULL);
	(void)strftime(today, sizeof(today), "%Y-%m-%d", gmtime_r(&tm, &gm));
	localise(json_object_get(model, "job"), lang, today);
	localise(json_object_get(model, "preview"), lang, today);
	localise_list(json_object_get(model, "jobs"), lang, today);
	localise_list(json_object_get(model, "similar"), lang, today);
	localise_list(json_object_get(model, "postings"), lang, today);
}

/*
 * The page in every language: lp, the prefix of this page's links ("/it"
 * or ""); alternates, the <link rel="alternate" hreflang> of each
 * language and x-default (the root, where Accept-Language chooses), on
 * pages that may be indexed;
 * langs, the switcher's links (/lang/<code>, which keeps the choice in a
 * cookie), each keeping the query string; a canonical URL in this
 * page's language.
 */
static void
lang_links(struct http_request *req, json_t *model)
{
	const char	*lang, *path, *canon, *key;
	json_t		*alts, *langs, *obj;
	struct sbuf	 here, b;
	size_t		 i;
	int		 error, index;

	lang = web_path_lang(req->path);
	/* An error page does not say back the address asked for. */
	error = json_is_true(json_object_get(model, "error_page"));
	path = error ? "/" : web_path(req);
	sbuf_init(&here);
	sbuf_init(&b);
	sbuf_puts(&here, path);
	if (!error && req->query_string != NULL &&
	    *req->query_string != '\0') {
		sbuf_putc(&here, '?');
		sbuf_puts(&here, req->query_string);
	}
	if (lang != NULL) {
		sbuf_printf(&b, "/%s", lang);
		json_object_set_new(model, "lp", json_string(b.data));
		for (i = 0; i < 2; i++) {
			obj = i == 0 ? model : json_object_get(model, "og");
			key = i == 0 ? "canonical" : "url";
			canon = json_string_value(json_object_get(obj, key));
			if (canon == NULL || strncmp(canon, web_base_url(),
			    strlen(web_base_url())) != 0)
				continue;
			sbuf_reset(&b);
			sbuf_printf(&b, "%s/%s%s", web_base_url(), lang, canon +
			    strlen(web_base_url()));
			json_object_set_new(obj, key, json_string(b.data));
		}
	}
	/* Only pages search engines may index name their other languages. */
	index = !error && !json_is_true(json_object_get(model, "noindex"));
	alts = json_array();
	langs = json_array();
	for (i = 0; lex_langs[i].code != NULL; i++) {
		sbuf_reset(&b);
		sbuf_puts(&b, web_base_url());
		if (i > 0)
			sbuf_printf(&b, "/%s", lex_langs[i].code);
		if (i == 0 || strcmp(path, "/") != 0 || here.len > 1)
			sbuf_puts(&b, i > 0 && strcmp(path, "/") == 0 ?
			    here.data + 1 : here.data);
		if (index)
			json_array_append_new(alts, json_pack("{s:s, s:s}",
			    "hreflang", lex_langs[i].code, "href", b.data));
		if (index && i == 0)
			json_array_append_new(alts, json_pack("{s:s, s:s}",
			    "hreflang", "x-default", "href", b.data));
		sbuf_reset(&b);
		sbuf_printf(&b, "/lang/%s?next=", lex_langs[i].code);
		esc_url(&b, here.data);
		json_array_append_new(langs, json_pack("{s:s, s:s, s:s, s:b}",
		    "code", lex_langs[i].code, "label", lex_langs[i].label,
		    "href", b.data, "current", strcmp(lex_langs[i].code,
		    web_lang(req)) == 0));
	}
	json_object_set_new(model, "alternates", alts);
	json_object_set_new(model, "ui_langs", langs);
	sbuf_free(&here);
	sbuf_free(&b);
}

/*
 * Render tmpl with model into the layout, into page.  Takes the model's
 * reference.  -1 when a template is missing: a bug, answered with 500.
 */
int
web_render(struct http_request *req, const char *tmpl, json_t *model,
    struct sbuf *page)
{
	struct sbuf	 body;
	int		 rc;

	rc = 0;
	sbuf_init(&body);
	if (json_object_get(model, "lang_ui") == NULL)
		json_object_set_new(model, "lang_ui",
		    json_string(web_lang(req)));
	translate(model, json_string_value(json_object_get(model,
	    "lang_ui")));
	lang_links(req, model);
	if (tmpl_render(web_templates(), tmpl, model, &body) == -1) {
		kore_log(LOG_ERR, "template %s missing", tmpl);
		rc = -1;
	}
	json_object_set_new(model, "body", json_stringn(body.data, body.len));
	if (tmpl_render(web_templates(), "layout.html", model, page) == -1)
		rc = -1;
	sbuf_free(&body);
	json_decref(model);
	return (rc);
}

/*
 * An e-mail from the template tmpl (mail_*.txt), in the reader's
 * language: its first line is the subject, the text after the blank line below it the body.  Values go
 * in as {{&x}} (raw: this is text, not HTML).  Takes the model's
 * reference; the caller free()s *subject and *body.  -1 when the
 * template is missing or has no subject line.
 */
int
web_mail(struct http_request *req, const char *tmpl, json_t *model,
    char **subject, char **body)
{
	struct sbuf	 text;
	char		*nl;
	int		 rc;

	*subject = *body = NULL;
	json_object_set_new(model, "lang_ui", json_string(web_lang(req)));
	sbuf_init(&text);
	rc = tmpl_render(web_templates(), tmpl, model, &text);
	json_decref(model);
	if (rc == -1 || (nl = strchr(text.data, '\n')) == NULL) {
		kore_log(LOG_ERR, "mail template %s missing or bad", tmpl);
		sbuf_free(&text);
		return (-1);
	}
	*subject = xstrndup(text.data, nl - text.data);
	nl++;
	if (*nl == '\n')
		nl++;
	*body = xstrdup(nl);
	sbuf_free(&text);
	return (0);
}

/* Render and send; takes the model's reference. */
void
web_html(struct http_request *req, int status, const char *tmpl,
    json_t *model)
{
	struct sbuf	 page;

	sbuf_init(&page);
	if (web_render(req, tmpl, model, &page) == -1)
		status = HTTP_STATUS_INTERNAL_ERROR;
	cache_put(req, status, &page);
	web_headers(req, "text/html; charset=utf-8");
	http_response(req, status, page.data, page.len);
	sbuf_free(&page);
}

void
web_error(struct http_request *req, int status, const char *message)
{
	json_t		*model;
	const char	*title;
	size_t		 i;

	title = http_status_text(status);
	for (i = 0; i < sizeof(status_titles) / sizeof(status_titles[0]); i++)
		if (status_titles[i].status == status)
			title = status_titles[i].title;
	model = json_pack("{s:i, s:s, s:s, s:b, s:b}", "status", status,
	    "message", message, "title", title, "noindex", 1, "error_page", 1);
	/* A 503 is the database away: say when to come back. */
	if (status == HTTP_STATUS_SERVICE_UNAVAILABLE)
		http_response_header(req, "retry-after", "5");
	web_html(req, status, "error.html", model);
}

const char *
web_job_id(struct http_request *req, char *id)
{
	const char	*p;
	size_t		 n;

	p = web_path(req) + strlen("/jobs/");
	n = strspn(p, "0123456789");
	if (n == 0 || n > 18)
		return (NULL);
	memcpy(id, p, n);
	id[n] = '\0';
	return (p + n);
}

/* The 503 page of a request whose statement the database did not answer. */
void
web_db_down(struct http_request *req)
{
	web_error(req, HTTP_STATUS_SERVICE_UNAVAILABLE,
	    N_("The database is not answering. Try again shortly."));
}

void
web_redirect(struct http_request *req, int status, const char *location)
{
	const char	*lang;
	char		 buf[2048];

	web_headers(req, "text/plain; charset=utf-8");
	/* A page of /it/ leads to pages of /it/. */
	lang = web_path_lang(req->path);
	if (lang != NULL && location[0] == '/' && location[1] != '/' &&
	    web_path_lang(location) == NULL && (size_t)snprintf(buf,
	    sizeof(buf), "/%s%s", lang, location) < sizeof(buf))
		location = buf;
	http_response_header(req, "location", location);
	http_response(req, status, NULL, 0);
}

/*
 * Parse the query string into qs.  On a malformed one, answer 400 and
 * return KORE_RESULT_ERROR: the handler is done.
 */
int
web_query(struct http_request *req, struct qs *qs)
{
	const char	*s = req->query_string ? req->query_string : "";
	size_t		 len = strlen(s);

	memset(qs, 0, sizeof(*qs));
	if (len > QUERY_MAX) {
		web_error(req, HTTP_STATUS_BAD_REQUEST,
		    N_("The query is too long."));
		return (KORE_RESULT_ERROR);
	}
	if (qs_parse(qs, s, len, QS_ARGS_MAX) == -1) {
		web_error(req, HTTP_STATUS_BAD_REQUEST,
		    N_("The query is malformed: it has too many parameters, a "
		    "bad %-escape, a control character or invalid UTF-8."));
		return (KORE_RESULT_ERROR);
	}
	return (KORE_RESULT_OK);
}

void
web_notice(json_t *model, const struct web_notice *list, size_t n,
    const char *code)
{
	size_t	i;

	for (i = 0; code != NULL && i < n; i++)
		if (strcmp(code, list[i].code) == 0) {
			json_object_set_new(model, "notice",
			    json_string(list[i].message));
			return;
		}
}
