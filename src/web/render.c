/*
 * Responses: security headers on every answer, HTML pages rendered from
 * the embedded templates into the shared layout, error pages, redirects,
 * and query-string parsing (Kore's own filter drops what the conf does not
 * declare and anything with control characters, so we parse ourselves).
 */

#include <kore/kore.h>
#include <kore/http.h>

#include <string.h>

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
	/* Pages are written in the reader's language (web_lang). */
	if (strncmp(ctype, "text/html", 9) == 0)
		http_response_header(req, "vary", "accept-language");
}

/*
 * Render tmpl with model into the layout and send it.  Takes the model's
 * reference.  A template that fails to render is a bug: answer 500.
 */
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
 * An e-mail from the template tmpl (mail_*.txt): its first line is the
 * subject, the text after the blank line below it the body.  Values go
 * in as {{&x}} (raw: this is text, not HTML).  Takes the model's
 * reference; the caller free()s *subject and *body.  -1 when the
 * template is missing or has no subject line.
 */
int
web_mail(const char *tmpl, json_t *model, char **subject, char **body)
{
	struct sbuf	 text;
	char		*nl;
	int		 rc;

	*subject = *body = NULL;
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

	model = json_pack("{s:i, s:s, s:s, s:b}", "status", status,
	    "message", message, "title", http_status_text(status),
	    "noindex", 1);
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

	p = req->path + strlen("/jobs/");
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
	    "The database is not answering. Try again shortly.");
}

void
web_redirect(struct http_request *req, int status, const char *location)
{
	web_headers(req, "text/plain; charset=utf-8");
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
		    "The query is too long.");
		return (KORE_RESULT_ERROR);
	}
	if (qs_parse(qs, s, len, QS_ARGS_MAX) == -1) {
		web_error(req, HTTP_STATUS_BAD_REQUEST,
		    "The query is malformed: it has too many parameters, a "
		    "bad %-escape, a control character or invalid UTF-8.");
		return (KORE_RESULT_ERROR);
	}
	return (KORE_RESULT_OK);
}
