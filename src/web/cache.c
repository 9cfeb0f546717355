/*
 * A per-worker cache of pages that are the same for every reader of a
 * language for a few seconds: GET pages without a query string (home,
 * /jobs, company and city pages).  They count and group every open
 * posting, which costs far more than sending a copy.  While one request
 * refreshes an expired page, the others get the stale copy instead of
 * queueing on the same query.  FJ_HOME_TTL seconds (default 5; 0: off).
 */

#include <kore/kore.h>
#include <kore/http.h>

#include <time.h>

#include "web.h"

#define CACHE_SLOTS	64
#define CACHE_KEY_MAX	160
#define REFRESH_MAX	10	/* seconds a refresh may take before another */

struct page_slot {
	char		 key[CACHE_KEY_MAX];
	struct sbuf	 page;
	time_t		 at;
	time_t		 refreshing;	/* when a refresh started, or 0 */
};

static struct page_slot	slots[CACHE_SLOTS];

static long		 cache_ttl(void);
static int		 cache_key(struct http_request *, char *, size_t);
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
	int	n;

	if (cache_ttl() <= 0 || req->method != HTTP_METHOD_GET ||
	    req->query_string != NULL)
		return (-1);
	n = snprintf(key, len, "%s %s", web_lang(req), req->path);
	return ((n < 0 || (size_t)n >= len) ? -1 : 0);
}

/* The slot for key; with create, a free or the oldest slot otherwise. */
static struct page_slot *
cache_find(const char *key, int create)
{
	struct page_slot	*s, *oldest;
	size_t			 i;

	oldest = &slots[0];
	for (i = 0; i < CACHE_SLOTS; i++) {
		s = &slots[i];
		if (strcmp(s->key, key) == 0)
			return (s);
		if (s->at < oldest->at && !s->refreshing)
			oldest = s;
	}
	if (!create)
		return (NULL);
	(void)kore_strlcpy(oldest->key, key, sizeof(oldest->key));
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

/* Keep a page just rendered for req (only 200 answers are kept). */
void
cache_put(struct http_request *req, int status, const struct sbuf *page)
{
	struct page_slot	*s;
	char			 key[CACHE_KEY_MAX];

	if (cache_key(req, key, sizeof(key)) == -1 ||
	    (s = cache_find(key, status == HTTP_STATUS_OK)) == NULL)
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
