/*
 * A per-worker cache of pages that are the same for every reader of a
 * language for a few seconds: the home page, and /jobs, company and city
 * pages with or without a search (no page depends on who asks; results
 * change about once a minute).  They count and group open postings,
 * which costs far more than sending a copy.  The key is the language, the
 * path and the query string normalised: arguments decoded, empty ones
 * dropped, sorted by name and encoded again, so "?city=milan&q=manager"
 * and "?q=manager&city=milan&lang=" are one page.  While one request
 * refreshes an expired page, the others get the stale copy instead of
 * queueing on the same query.  FJ_HOME_TTL seconds (default 5; 0: off).
 */

#include <kore/kore.h>
#include <kore/http.h>

#include <time.h>

#include "web.h"

#define CACHE_SLOTS	256
#define CACHE_KEY_MAX	512
#define REFRESH_MAX	10	/* seconds a refresh may take before another */

struct page_slot {
	uint64_t	 hash;		/* of key, compared first */
	char		 key[CACHE_KEY_MAX];
	struct sbuf	 page;
	time_t		 at;
	time_t		 refreshing;	/* when a refresh started, or 0 */
};

static struct page_slot	slots[CACHE_SLOTS];

static long		 cache_ttl(void);
static int		 cache_key(struct http_request *, char *, size_t);
static int		 cache_query(struct sbuf *, const char *);
static uint64_t		 cache_hash(const char *);
static struct page_slot	*cache_find(const char *, int);

static long
cache_ttl(void)
{
	static long	ttl = -1;
	const char	*v;

	if (ttl == -1) {
		v = getenv("FJ_HOME_TTL");
		ttl = (v == NULL || *v == '\0') ? 5 : strtol(v, NULL, 10);
	}
	return (ttl);
}

/* The key of a cacheable request, or -1 when the request is not one. */
static int
cache_key(struct http_request *req, char *key, size_t len)
{
	struct sbuf	 b;
	int		 rc;

	if (cache_ttl() <= 0 || req->method != HTTP_METHOD_GET)
		return (-1);
	sbuf_init(&b);
	sbuf_printf(&b, "%s %s", web_lang(req), req->path);
	rc = 0;
	if (req->query_string != NULL)
		rc = cache_query(&b, req->query_string);
	if (rc == 0 && b.len < len)
		memcpy(key, b.data, b.len + 1);
	else
		rc = -1;
	sbuf_free(&b);
	return (rc);
}

/*
 * Append query string s normalised (see the top of the file) to b; -1
 * when it does not parse: the handler answers 400, which is not kept.
 */
static int
cache_query(struct sbuf *b, const char *s)
{
	struct qs	 qs;
	struct qs_arg	 t;
	size_t		 i, j;
	char		 sep;

	if (qs_parse(&qs, s, strlen(s), QS_ARGS_MAX) == -1)
		return (-1);
	/* Insertion sort: stable, so repeated names keep their order. */
	for (i = 1; i < qs.n; i++) {
		t = qs.args[i];
		for (j = i; j > 0 && strcmp(qs.args[j - 1].name, t.name) > 0;
		    j--)
			qs.args[j] = qs.args[j - 1];
		qs.args[j] = t;
	}
	sep = '?';
	for (i = 0; i < qs.n; i++) {
		if (*qs.args[i].value == '\0')
			continue;
		sbuf_putc(b, sep);
		esc_url(b, qs.args[i].name);
		sbuf_putc(b, '=');
		esc_url(b, qs.args[i].value);
		sep = '&';
	}
	qs_free(&qs);
	return (0);
}

/* FNV-1a 64, so a lookup compares numbers before strings. */
static uint64_t
cache_hash(const char *s)
{
	uint64_t	h = 0xcbf29ce484222325ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return (h);
}

/* The slot for key; with create, a free or the oldest slot otherwise. */
static struct page_slot *
cache_find(const char *key, int create)
{
	struct page_slot	*s, *oldest;
	uint64_t		 h;
	size_t			 i;

	h = cache_hash(key);
	oldest = &slots[0];
	for (i = 0; i < CACHE_SLOTS; i++) {
		s = &slots[i];
		if (s->hash == h && strcmp(s->key, key) == 0)
			return (s);
		if (s->at < oldest->at && !s->refreshing)
			oldest = s;
	}
	if (!create)
		return (NULL);
	(void)kore_strlcpy(oldest->key, key, sizeof(oldest->key));
	oldest->hash = h;
	if (oldest->page.data != NULL)
		sbuf_reset(&oldest->page);
	oldest->at = 0;
	oldest->refreshing = 0;
	return (oldest);
}

/*
 * Answer from the cache when the page is fresh, or stale while another
 * request refreshes it; otherwise claim the refresh and return 0.
 */
int
cache_send(struct http_request *req)
{
	struct page_slot	*s;
	char			 key[CACHE_KEY_MAX];
	time_t			 now;

	if (cache_key(req, key, sizeof(key)) == -1)
		return (0);
	s = cache_find(key, 1);
	now = time(NULL);
	if (s->at != 0 && (now - s->at < cache_ttl() ||
	    now - s->refreshing < REFRESH_MAX)) {
		web_headers(req, "text/html; charset=utf-8");
		http_response(req, HTTP_STATUS_OK, s->page.data, s->page.len);
		return (1);
	}
	/* A refresh that died with its request is retried after a while. */
	s->refreshing = now;
	return (0);
}

/*
 * Keep a page just rendered for req, when cache_send() claimed its refresh
 * (only 200 answers are kept; other pages never enter the cache).
 */
void
cache_put(struct http_request *req, int status, const struct sbuf *page)
{
	struct page_slot	*s;
	char			 key[CACHE_KEY_MAX];

	if (cache_key(req, key, sizeof(key)) == -1 ||
	    (s = cache_find(key, 0)) == NULL || s->refreshing == 0)
		return;
	s->refreshing = 0;
	if (status != HTTP_STATUS_OK)
		return;
	if (s->page.data == NULL)
		sbuf_init(&s->page);
	sbuf_reset(&s->page);
	sbuf_append(&s->page, page->data, page->len);
	s->at = time(NULL);
}
