/*
 * A partner's feed over HTTP(S) with libcurl: timeouts, a size cap,
 * redirects to http(s) only, a conditional GET with the validators of the
 * last run, and each chunk of the body pushed to the parser as it comes,
 * so that the feed is never held whole.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "core.h"
#include "feed.h"
#include "db.h"
#include "scrape.h"

static size_t	 fetch_write(char *, size_t, size_t, void *);
static size_t	 fetch_header(char *, size_t, size_t, void *);

/*
 * A chunk of the body, straight to the parser.  Only the body of the
 * final response (libcurl passes none of a redirect) is a feed, and not
 * that of an error or a 304.  Once the parse has failed the rest is still
 * read, and counted, so that the fetch itself fails or succeeds as it
 * would have; a failed COPY ends the fetch at once.
 */
static size_t
fetch_write(char *p, size_t size, size_t n, void *arg)
{
	struct fetch	*f = arg;
	size_t		 len = size * n;

	if (len > f->max - f->bytes) {
		f->too_big = 1;
		return (0);
	}
	f->bytes += len;
	if (!f->started) {
		f->started = 1;
		(void)curl_easy_getinfo(f->curl, CURLINFO_RESPONSE_CODE,
		    &f->status);
		f->parsing = f->status != 304 && f->status < 400;
	}
	if (f->parsing && feed_stream_push(f->fs, p, len) == -1) {
		f->parsing = 0;
		if (*f->stop)
			return (0);
	}
	return (len);
}

static size_t
fetch_header(char *p, size_t size, size_t n, void *arg)
{
	struct fetch	*f = arg;
	size_t		 len = size * n, vlen;
	char		*dst;
	size_t		 cap;
	const char	*v;

	if (len > 5 && strncasecmp(p, "etag:", 5) == 0) {
		dst = f->etag;
		cap = sizeof(f->etag);
		v = p + 5;
	} else if (len > 14 && strncasecmp(p, "last-modified:", 14) == 0) {
		dst = f->last_modified;
		cap = sizeof(f->last_modified);
		v = p + 14;
	} else
		return (len);
	while (v < p + len && (*v == ' ' || *v == '\t'))
		v++;
	vlen = (size_t)(p + len - v);
	while (vlen > 0 && (v[vlen - 1] == '\r' || v[vlen - 1] == '\n'))
		vlen--;
	if (vlen < cap) {
		memcpy(dst, v, vlen);
		dst[vlen] = '\0';
	}
	return (len);
}

/*
 * 0 when the whole body was received and pushed to f->fs (or on a 304);
 * -1 with the reason in err.
 */
int
fetch_feed(const struct partner *p, struct fetch *f, char *err, size_t errlen)
{
	CURL			*c;
	CURLcode		 rc;
	struct curl_slist	*hdrs;
	char			 line[512], cerr[CURL_ERROR_SIZE];
	const char		*t;
	long			 timeout;

	t = getenv("FJ_FETCH_TIMEOUT");
	timeout = (t != NULL && *t != '\0') ? strtol(t, NULL, 10) : 120;
	f->max = p->max_bytes;
	if ((f->curl = c = curl_easy_init()) == NULL) {
		(void)snprintf(err, errlen, "libcurl: cannot start");
		return (-1);
	}
	hdrs = NULL;
	if (*p->etag != '\0') {
		(void)snprintf(line, sizeof(line), "If-None-Match: %s", p->etag);
		hdrs = curl_slist_append(hdrs, line);
	}
	if (*p->last_modified != '\0') {
		(void)snprintf(line, sizeof(line), "If-Modified-Since: %s",
		    p->last_modified);
		hdrs = curl_slist_append(hdrs, line);
	}
	cerr[0] = '\0';
	curl_easy_setopt(c, CURLOPT_URL, p->url);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https,file");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout < 10 ? timeout : 10);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1024L);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, timeout < 15 ? timeout : 15);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)f->max);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_USERAGENT,
	    "fashionjobs-scraper/0.1 (+https://fashionjobs.example/bot)");
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, cerr);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, fetch_write);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, f);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, fetch_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, f);
	rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &f->status);
	curl_slist_free_all(hdrs);
	curl_easy_cleanup(c);
	f->curl = NULL;
	if (f->too_big || rc == CURLE_FILESIZE_EXCEEDED) {
		(void)snprintf(err, errlen, "feed larger than %zu bytes",
		    f->max);
		return (-1);
	}
	if (rc != CURLE_OK) {
		(void)snprintf(err, errlen, "fetch: %s",
		    *cerr ? cerr : curl_easy_strerror(rc));
		return (-1);
	}
	if (f->status >= 400) {
		(void)snprintf(err, errlen, "fetch: HTTP %ld", f->status);
		return (-1);
	}
	return (0);
}
