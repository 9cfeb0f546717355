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
 * queueing on the same query; while one request makes a page there is no
 * copy of yet, the others asking for it sleep until it is there (at most
 * WAIT_MAX seconds, in case that request died), so a cold start or a
 * sudden popular search costs one query, not one per connection.
 * Refreshes run one at a time per worker: an expired page is served stale
 * while another page is being refreshed, up to STALE_MAX seconds, so
 * hundreds of different searches expiring together cost one database
 * connection's worth of work instead of starving the workers of CPU.
 * FJ_HOME_TTL seconds (default 5; 0: off).
 */

#include <kore/kore.h>
#include <kore/http.h>

#include <time.h>

#include "web.h"

#define CACHE_SLOTS	256
#define CACHE_KEY_MAX	512
#define REFRESH_MAX	10	/* seconds a refresh may take before another */
#define WAIT_MAX	3	/* seconds a request waits for a first page */
#define STALE_MAX	60	/* seconds a page may be served stale */
#define REFRESHING_MAX	1	/* refreshes of existing pages at once */
#define TICK_MS		500	/* how often sleepers are checked on */

struct page_slot {
	uint64_t	 hash;		/* of key, compared first */
	char		 key[CACHE_KEY_MAX];
	struct sbuf	 page;
	time_t		 at;		/* when the page was made, or 0 */
	time_t		 used;		/* last asked for, for eviction */
	time_t		 refreshing;	/* when a refresh started, or 0 */
	struct http_request *filler;	/* the request refreshing it */
	struct http_runlock wait;	/* requests waiting for a first page */
};

static struct page_slot	slots[CACHE_SLOTS];

/*
 * The slots' runlocks are only wait queues: no request holds one.  While
 * requests wait, the lock's owner is this mark, so Kore queues and sleeps
 * them; cache_wake() releases it once per sleeper.
 */
static struct http_request	waiting_mark;

static long		 cache_ttl(void);
static int		 cache_key(struct http_request *, char *, size_t);
static int		 cache_query(struct sbuf *, const char *);
static uint64_t		 cache_hash(const char *);
static struct page_slot	*cache_find(const char *, int);
static void		 cache_wake(struct page_slot *);
static int		 cache_refreshing(time_t);
static void		 cache_tick(void *, u_int64_t);

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

/*
 * The slot for key; with create, a free slot or else the least recently
 * asked for (not one being refreshed), so a stream of searches made once
 * does not push out the pages everyone asks for.
 */
static struct page_slot *
cache_find(const char *key, int create)
{
	struct page_slot	*s, *victim;
	uint64_t		 h;
	size_t			 i;
	time_t			 now;

	h = cache_hash(key);
	now = time(NULL);
	victim = NULL;
	for (i = 0; i < CACHE_SLOTS; i++) {
		s = &slots[i];
		if (s->hash == h && strcmp(s->key, key) == 0)
			return (s);
		/* A refresh that died with its request does not pin it. */
		if (now - s->refreshing >= REFRESH_MAX &&
		    (victim == NULL || s->used < victim->used))
			victim = s;
	}
	if (!create)
		return (NULL);
	if (victim == NULL)
		victim = &slots[0];
	cache_wake(victim);
	(void)kore_strlcpy(victim->key, key, sizeof(victim->key));
	victim->hash = h;
	if (victim->page.data != NULL)
		sbuf_reset(&victim->page);
	victim->at = 0;
	victim->refreshing = 0;
	victim->filler = NULL;
	return (victim);
}

/* Wake every request sleeping on s: they ask the cache again. */
static void
cache_wake(struct page_slot *s)
{
	while (LIST_FIRST(&s->wait.queue) != NULL) {
		s->wait.owner = &waiting_mark;
		http_runlock_release(&s->wait, &waiting_mark);
	}
	s->wait.owner = NULL;
}

/* How many existing pages are being refreshed (dead refreshes expire). */
static int
cache_refreshing(time_t now)
{
	size_t	i;
	int	n;

	n = 0;
	for (i = 0; i < CACHE_SLOTS; i++)
		if (slots[i].at != 0 && now - slots[i].refreshing < REFRESH_MAX)
			n++;
	return (n);
}

/* Sleepers whose page is overdue go and make it themselves. */
static void
cache_tick(void *arg, u_int64_t now_ms)
{
	time_t	now;
	size_t	i;

	now = time(NULL);
	for (i = 0; i < CACHE_SLOTS; i++)
		if (LIST_FIRST(&slots[i].wait.queue) != NULL &&
		    now - slots[i].refreshing >= WAIT_MAX)
			cache_wake(&slots[i]);
}

/*
 * CACHE_SENT: answered from the cache, fresh, or stale while another
 * request refreshes it or another page.  CACHE_WAIT: req sleeps until
 * another request has made the page; the handler returns
 * KORE_RESULT_RETRY and runs again.  CACHE_MISS: make the page (this
 * request has claimed its refresh).
 */
enum cache_state
cache_send(struct http_request *req)
{
	static struct kore_timer	*tick;
	struct page_slot		*s;
	char				 key[CACHE_KEY_MAX];
	time_t				 now;

	if (cache_key(req, key, sizeof(key)) == -1)
		return (CACHE_MISS);
	if (tick == NULL)
		tick = kore_timer_add(cache_tick, TICK_MS, NULL, 0);
	s = cache_find(key, 1);
	now = time(NULL);
	s->used = now;
	if (s->at != 0 && (now - s->at < cache_ttl() ||
	    now - s->refreshing < REFRESH_MAX || (now - s->at < STALE_MAX &&
	    cache_refreshing(now) >= REFRESHING_MAX))) {
		web_headers(req, "text/html; charset=utf-8");
		http_response(req, HTTP_STATUS_OK, s->page.data, s->page.len);
		return (CACHE_SENT);
	}
	if (s->at == 0 && now - s->refreshing < WAIT_MAX) {
		s->wait.owner = &waiting_mark;
		(void)http_runlock_acquire(&s->wait, req);
		return (CACHE_WAIT);
	}
	/* A refresh that died with its request is retried after a while. */
	s->refreshing = now;
	s->filler = req;
	return (CACHE_MISS);
}

/*
 * The request req is being freed (dbq's onfree): if it was refreshing a
 * page and never put it (its client went away), the page is free to be
 * refreshed by the next request at once, and its sleepers make it.
 */
void
cache_done(struct http_request *req)
{
	struct page_slot	*s;
	char			 key[CACHE_KEY_MAX];

	if (cache_key(req, key, sizeof(key)) == -1 ||
	    (s = cache_find(key, 0)) == NULL || s->filler != req)
		return;
	s->filler = NULL;
	if (s->refreshing != 0) {
		s->refreshing = 0;
		cache_wake(s);
	}
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
	s->filler = NULL;
	if (status == HTTP_STATUS_OK) {
		if (s->page.data == NULL)
			sbuf_init(&s->page);
		sbuf_reset(&s->page);
		sbuf_append(&s->page, page->data, page->len);
		s->at = time(NULL);
	}
	/* With no page (an error), each sleeper makes its own. */
	cache_wake(s);
}
