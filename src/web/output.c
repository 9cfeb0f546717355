/*
 * Machine-readable answers: conditional GET (ETag, Last-Modified, 304),
 * gzip when the client accepts it, CORS for public data, and RFC 9457
 * problem documents for errors.
 */

#include <kore/kore.h>
#include <kore/http.h>

#include <stdint.h>
#include <time.h>
#include <zlib.h>

#include "web.h"

#define GZIP_MIN	1024	/* smaller bodies gain nothing */

/* "gzip" in Accept-Encoding, unless given q=0. */
int
web_accepts_gzip(struct http_request *req)
{
	const char	*ae, *p;

	if (!http_request_header(req, "accept-encoding", &ae))
		return (0);
	for (p = ae; (p = strstr(p, "gzip")) != NULL; p += 4) {
		if (p != ae && p[-1] != ',' && p[-1] != ' ')
			continue;
		p += 4;
		while (*p == ' ')
			p++;
		if (strncmp(p, ";q=0", 4) == 0 && strspn(p + 4, "0.") ==
		    strcspn(p + 4, ","))
			return (0);
		return (1);
	}
	return (0);
}

/* If-None-Match: "*" or a list that holds tag (weak comparison). */
int
web_etag_matches(const char *inm, const char *tag)
{
	const char	*p;
	size_t		 n;

	if (strcmp(inm, "*") == 0)
		return (1);
	/* Compare without the W/ prefix on either side. */
	if (strncmp(tag, "W/", 2) == 0)
		tag += 2;
	n = strlen(tag);
	for (p = inm; (p = strstr(p, tag)) != NULL; p += n)
		if ((p[n] == '\0' || p[n] == ',' || p[n] == ' ') &&
		    (p == inm || p[-1] == ' ' || p[-1] == ',' || p[-1] == '/'))
			return (1);
	return (0);
}

/*
 * Send body with the validators: a weak ETag over the bytes, Last-Modified
 * from modified (0: none), 304 to a matching conditional request, gzip
 * when accepted.  ETag wins over If-Modified-Since, as RFC 9110 says.
 */
void
web_send(struct http_request *req, int status, const char *ctype,
    const void *body, size_t len, time_t modified)
{
	const unsigned char	*p = body;
	const char		*inm, *ims;
	char			 tag[32], *date;
	uint64_t		 h;
	unsigned char		*gz;
	z_stream		 z;
	size_t			 i;
	time_t			 since;
	int			 fresh;

	/* FNV-1a, 64 bits: a change detector, not a security measure. */
	h = 0xcbf29ce484222325ULL;
	for (i = 0; i < len; i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	(void)snprintf(tag, sizeof(tag), "W/\"%016llx\"", (unsigned long long)h);

	web_headers(req, ctype);
	http_response_header(req, "access-control-allow-origin", "*");
	http_response_header(req, "vary", "accept-encoding");
	if (status == HTTP_STATUS_OK) {
		http_response_header(req, "etag", tag);
		if (modified > 0) {
			date = kore_time_to_date(modified);
			if (date != NULL)
				http_response_header(req, "last-modified",
				    date);
		}
		fresh = 0;
		if (http_request_header(req, "if-none-match", &inm))
			fresh = web_etag_matches(inm, tag);
		else if (modified > 0 &&
		    http_request_header(req, "if-modified-since", &ims) &&
		    (since = kore_date_to_time(ims)) > 0)
			fresh = modified <= since;
		if (fresh) {
			http_response(req, HTTP_STATUS_NOT_MODIFIED, NULL, 0);
			return;
		}
	}
	if (len < GZIP_MIN || !web_accepts_gzip(req)) {
		http_response(req, status, body, len);
		return;
	}
	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK) {
		http_response(req, status, body, len);
		return;
	}
	i = deflateBound(&z, len);
	gz = kore_malloc(i);
	z.next_in = (unsigned char *)(uintptr_t)body;
	z.avail_in = len;
	z.next_out = gz;
	z.avail_out = i;
	if (deflate(&z, Z_FINISH) != Z_STREAM_END) {
		(void)deflateEnd(&z);
		kore_free(gz);
		http_response(req, status, body, len);
		return;
	}
	http_response_header(req, "content-encoding", "gzip");
	http_response(req, status, gz, z.total_out);
	(void)deflateEnd(&z);
	kore_free(gz);
}

/*
 * An RFC 9457 problem document.  param, when given, names the query
 * parameter at fault.
 */
void
web_problem(struct http_request *req, int status, const char *param,
    const char *detail)
{
	json_t	*doc;
	char	*s;

	doc = json_pack("{s:s, s:s, s:i, s:s}", "type", "about:blank",
	    "title", http_status_text(status), "status", status,
	    "detail", detail);
	if (param != NULL)
		json_object_set_new(doc, "parameter", json_string(param));
	s = json_dumps(doc, JSON_COMPACT);
	json_decref(doc);
	web_headers(req, "application/problem+json");
	http_response_header(req, "access-control-allow-origin", "*");
	http_response_header(req, "cache-control", "no-store");
	http_response(req, status, s, strlen(s));
	free(s);
}
