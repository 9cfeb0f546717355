/*
 * Form bodies and field checks for the recruiter and administrator pages.
 * Bodies are url-encoded and parsed with qs_parse (CR and LF survive, so
 * descriptions keep their paragraphs); every field has a length limit and
 * a message a person can act on.  The values as typed go back into the
 * form on an error.
 */

#include <kore/kore.h>
#include <kore/http.h>

#include <ctype.h>
#include <time.h>

#include "session.h"

static const char	email_local[] = "!#$%&'*+/=?^_`{|}~.-";

/*
 * Read and parse a url-encoded body into qs (qs_free it).  Otherwise
 * answer 413, 415 or 400 and return KORE_RESULT_ERROR.
 */
int
form_body(struct http_request *req, struct qs *qs)
{
	struct sbuf	 body;
	const char	*ctype;
	char		 buf[8192];
	ssize_t		 n;
	int		 rc;

	memset(qs, 0, sizeof(*qs));
	if (req->content_length > FORM_BODY_MAX) {
		web_error(req, HTTP_STATUS_REQUEST_ENTITY_TOO_LARGE,
		    N_("This form is too large."));
		return (KORE_RESULT_ERROR);
	}
	if (http_request_header(req, "content-type", &ctype) &&
	    strncasecmp(ctype, "application/x-www-form-urlencoded",
	    strlen("application/x-www-form-urlencoded")) != 0) {
		web_error(req, HTTP_STATUS_UNSUPPORTED_MEDIA_TYPE,
		    N_("Send the form as application/x-www-form-urlencoded."));
		return (KORE_RESULT_ERROR);
	}
	sbuf_init(&body);
	rc = KORE_RESULT_OK;
	while ((n = http_body_read(req, buf, sizeof(buf))) > 0) {
		if (body.len + n > FORM_BODY_MAX) {
			web_error(req, HTTP_STATUS_REQUEST_ENTITY_TOO_LARGE,
			    N_("This form is too large."));
			rc = KORE_RESULT_ERROR;
			break;
		}
		sbuf_append(&body, buf, n);
	}
	if (rc == KORE_RESULT_OK && n == -1) {
		web_error(req, HTTP_STATUS_BAD_REQUEST,
		    N_("The form could not be read."));
		rc = KORE_RESULT_ERROR;
	}
	if (rc == KORE_RESULT_OK && qs_parse(qs, body.data ? body.data : "",
	    body.len, FORM_ARGS_MAX) == -1) {
		web_error(req, HTTP_STATUS_BAD_REQUEST,
		    N_("The form is malformed: too many fields, a bad %-escape, "
		    "a control character or text that is not valid UTF-8."));
		rc = KORE_RESULT_ERROR;
	}
	sbuf_free(&body);
	return (rc);
}

size_t
utf8_chars(const char *s)
{
	size_t	n;

	for (n = 0; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return (n);
}

/*
 * The field name, whitespace squashed (or, with FORM_MULTILINE, line
 * ends made LF and the ends trimmed), stored into values for the form to
 * show again.  NULL when empty, or with a message in errors when it is
 * required and empty or longer than max characters.  The string belongs
 * to values.
 */
const char *
form_str(const struct qs *qs, const char *name, size_t max,
    const char *label, json_t *values, json_t *errors, int flags)
{
	const char	*raw;
	char		*v, *w;
	size_t		 len;
	char		 msg[160];

	if ((raw = qs_get(qs, name)) == NULL)
		raw = "";
	if (flags & FORM_MULTILINE) {
		while (isspace((unsigned char)*raw))
			raw++;
		v = xstrdup(raw);
		for (w = v, len = 0; v[len] != '\0'; len++) {
			if (v[len] == '\r') {
				*w++ = '\n';
				if (v[len + 1] == '\n')
					len++;
			} else
				*w++ = v[len];
		}
		*w = '\0';
		while (w > v && isspace((unsigned char)w[-1]))
			*--w = '\0';
	} else
		v = text_squash(raw);
	json_object_set_new(values, name, json_string(v));
	len = utf8_chars(v);
	free(v);
	if (len > max) {
		(void)snprintf(msg, sizeof(msg),
		    "%s is limited to %zu characters (this one has %zu).",
		    label, max, len);
		json_object_set_new(errors, name, json_string(msg));
		return (NULL);
	}
	if (len == 0) {
		if (flags & FORM_REQUIRED) {
			(void)snprintf(msg, sizeof(msg), "%s is required.",
			    label);
			json_object_set_new(errors, name, json_string(msg));
		}
		return (NULL);
	}
	return (json_string_value(json_object_get(values, name)));
}

/* local@domain.tld, the characters RFC 5321 allows unquoted. */
int
valid_email(const char *s)
{
	const char	*at, *p;
	size_t		 label;
	int		 dots;

	if (strlen(s) > 254 || (at = strchr(s, '@')) == NULL ||
	    at == s || at - s > 64 || strchr(at + 1, '@') != NULL)
		return (0);
	for (p = s; p < at; p++)
		if (!isalnum((unsigned char)*p) && strchr(email_local, *p) == NULL)
			return (0);
	if (*s == '.' || at[-1] == '.' || strstr(s, "..") != NULL)
		return (0);
	label = 0;
	dots = 0;
	for (p = at + 1; *p != '\0'; p++) {
		if (*p == '.') {
			if (label == 0 || p[-1] == '-')
				return (0);
			label = 0;
			dots++;
		} else if (isalnum((unsigned char)*p) ||
		    (*p == '-' && label > 0)) {
			if (++label > 63)
				return (0);
		} else
			return (0);
	}
	return (dots > 0 && label >= 2 && p[-1] != '-');
}

/*
 * An absolute http or https URL with a host name: javascript:, data:,
 * relative and protocol-relative addresses are refused, and nothing that
 * could break out of an attribute or a header (space, controls, quotes,
 * angle brackets, backslash).
 */
int
valid_http_url(const char *s)
{
	const char		*p;
	const unsigned char	*u;
	int			 dots;

	if (strncasecmp(s, "https://", 8) == 0)
		p = s + 8;
	else if (strncasecmp(s, "http://", 7) == 0)
		p = s + 7;
	else
		return (0);
	if (!isalnum((unsigned char)*p))
		return (0);
	for (dots = 0; isalnum((unsigned char)*p) || *p == '.' || *p == '-';
	    p++)
		if (*p == '.')
			dots++;
	if (dots == 0 || p[-1] == '.' || p[-1] == '-')
		return (0);
	if (*p == ':') {
		if (!isdigit((unsigned char)*++p))
			return (0);
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p != '\0' && *p != '/' && *p != '?' && *p != '#')
		return (0);
	for (u = (const unsigned char *)p; *u != '\0'; u++)
		if (*u <= 0x20 || *u == 0x7f || strchr("\"'<>\\^`{|}", *u))
			return (0);
	return (1);
}

/* today (UTC) + days as YYYY-MM-DD. */
void
date_in_days(char *buf, size_t len, int days)
{
	time_t		t;
	struct tm	tm;

	t = time(NULL) + (time_t)days * 86400;
	(void)gmtime_r(&t, &tm);
	(void)strftime(buf, len, "%Y-%m-%d", &tm);
}

/*
 * A YYYY-MM-DD date between today + min_days and today + max_days (UTC):
 * DATE_OK, DATE_BAD (not a date), DATE_EARLY or DATE_LATE.
 */
enum date_check
valid_date(const char *s, int min_days, int max_days)
{
	struct tm	tm, back;
	time_t		t, today;
	long		days;
	int		i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return (DATE_BAD);
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return (DATE_BAD);
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = atoi(s) - 1900;
	tm.tm_mon = atoi(s + 5) - 1;
	tm.tm_mday = atoi(s + 8);
	back = tm;
	if ((t = timegm(&tm)) == (time_t)-1 || tm.tm_mday != back.tm_mday ||
	    tm.tm_mon != back.tm_mon)
		return (DATE_BAD);
	today = time(NULL);
	today -= today % 86400;
	days = (long)((t - today) / 86400);
	if (days < min_days)
		return (DATE_EARLY);
	if (days > max_days)
		return (DATE_LATE);
	return (DATE_OK);
}

/* An amount: digits, optionally a point and one or two decimals, > 0. */
int
valid_amount(const char *s)
{
	size_t	i, point, digits;

	point = 0;
	digits = 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] == '.' && point == 0 && i > 0)
			point = i;
		else if (isdigit((unsigned char)s[i]))
			digits += s[i] != '0';
		else
			return (0);
	}
	if (point != 0 && (i - point - 1 < 1 || i - point - 1 > 2))
		return (0);
	if ((point != 0 ? point : i) > 10)
		return (0);
	return (digits > 0);
}

int
one_of(const char *s, const char *const *list, size_t n)
{
	size_t	i;

	for (i = 0; s != NULL && i < n; i++)
		if (strcmp(s, list[i]) == 0)
			return (1);
	return (0);
}

/* The form's values and messages into the model ("f", "errors"). */
void
json_model_form(json_t *model, json_t *values, json_t *errors)
{
	if (values != NULL)
		json_object_set(model, "f", values);
	if (errors != NULL && json_object_size(errors) > 0) {
		json_object_set(model, "errors", errors);
		json_object_set_new(model, "has_errors", json_true());
	}
}

/* Mark the element of options whose key is value as "selected". */
void
mark_selected(json_t *options, const char *key, const char *value)
{
	json_t		*o;
	size_t		 i;
	const char	*v;

	json_array_foreach(options, i, o) {
		v = json_string_value(json_object_get(o, key));
		if (v != NULL && value != NULL && strcmp(v, value) == 0)
			json_object_set_new(o, "selected", json_true());
	}
}
