/*
 * What partner sites consume: the JSON Feed (/feed.json) and the sync API
 * (/api/v1/jobs, /api/v1/jobs/<id>, /api/v1/facets, /api/openapi.json).
 *
 * The sync API walks postings in the order their changes committed (see
 * sql/posting.sql): a keyset cursor over (change_xid, id) that
 * stops at the oldest transaction still running, so a mirror following
 * next_cursor sees every change exactly in its latest state.  Errors are
 * RFC 9457 problem documents, never HTML.  Requests are counted per client
 * (API key, else address) in a fixed one-minute window, in PostgreSQL on
 * the primary, shared by every worker and instance (api_limit).
 */

#include <kore/kore.h>
#include <kore/http.h>

#include <ctype.h>
#include <inttypes.h>
#include <time.h>

#include "web.h"
#include "session.h"

#define API_LIMIT_DEFAULT	100
#define API_LIMIT_MAX		1000
#define FEED_LIMIT_DEFAULT	50
#define FEED_LIMIT_MAX		100
#define KEY_MAX			128
#define RATE_SLOTS		4096
#define RATE_PROBE		8
#define RATE_WINDOW		60
#define RATE_WINDOW_S		"60"
#define RATE_ANON_DEFAULT	120
#define RATE_KEY_DEFAULT	3000

int	page_feed_json(struct http_request *);
int	page_api_jobs(struct http_request *);
int	page_api_job(struct http_request *);
int	page_api_facets(struct http_request *);
int	page_api_openapi(struct http_request *);
int	page_api_not_found(struct http_request *);

/* True when $n is no key, or a key that exists and is not revoked. */
#define KEY_OK(n)							\
    "(" n "::text IS NULL OR EXISTS (SELECT 1 FROM api_key WHERE"	\
    " key_hash = encode(sha256(convert_to(" n "::text, 'UTF8')), 'hex')" \
    " AND revoked_at IS NULL))"

/*
 * The rows fj_job_api() and fj_feed_item() take besides the posting x
 * (joined here so that PostgreSQL inlines them).
 */
#define JOBS_JOIN	"JOIN company co ON co.id = x.company_id"	\
			" LEFT JOIN city c ON c.id = x.city_id"

/*
 * A posting's item from its stored rendering (r, posting_render), spliced
 * with the base URL and the description; made on the spot when there is
 * none (sql/posting.sql: both give the same text).  An item of the API
 * is a tombstone when the posting is not published now.
 */
#define FEED_TEXT(base)							\
    "CASE WHEN r.posting_id IS NOT NULL THEN fj_feed_splice(x.id, x.slug,"	\
    " " base ", r.feed_title, x.description, r.feed_mid, r.feed_job)"	\
    " ELSE (SELECT fj_feed_text(x, co, c, ct, st, " base ")"		\
    "  FROM company co LEFT JOIN city c ON c.id = x.city_id"		\
    "  LEFT JOIN contract_type ct ON ct.code = x.contract"		\
    "  LEFT JOIN contract_type st ON st.code = x.schedule"		\
    "  WHERE co.id = x.company_id) END"
#define API_TEXT(base)							\
    "CASE WHEN r.posting_id IS NOT NULL AND fj_job_status(x) ="		\
    " 'published' THEN fj_job_api_splice(x.id, " base " ||"		\
    " fj_job_path(x.id, x.slug), r.api_head, x.description, r.api_tail)" \
    " ELSE (SELECT fj_job_api_text(x, co, c, " base ") FROM company co" \
    "  LEFT JOIN city c ON c.id = x.city_id WHERE co.id = x.company_id)" \
    " END"

#define USEC(n)		"('epoch'::timestamptz + " n "::bigint *"	\
			" interval '1 microsecond')"

/*
 * $1 q, $2 city, $3 contract, $4 company slug, $5 lang, $6 $7 the cursor
 * (posted_at in microseconds, id), $8 limit, $9 base URL, $10 km (0 or
 * NULL: the city alone; else the cities within $10 km of it, as on
 * /jobs).  Newest first; one row more than asked tells whether there is a
 * next page.
 */
static const char	sql_feed[] =
    "WITH " FILTERS_P("$10") ","
    " s AS MATERIALIZED (SELECT x.id, x.posted_at, row_number() OVER"
    "  (ORDER BY x.posted_at DESC, x.id DESC) AS rn FROM (SELECT id,"
    "  posted_at FROM posting x WHERE" MATCHES("x", "$10")
    "  AND ($6::bigint IS NULL OR (x.posted_at, x.id) < (" USEC("$6") ","
    "  $7::bigint)) ORDER BY x.posted_at DESC, x.id DESC"
    "  LIMIT $8::int + 1) x)"
    "SELECT json_build_object("
    " 'more', (SELECT count(*) FROM s) > $8::int,"
    " 'last', (SELECT json_build_array((extract(epoch FROM posted_at) *"
    "  1000000)::bigint, id) FROM s WHERE rn = $8::int),"
    " 'modified', (SELECT extract(epoch FROM max(updated_at))::bigint"
    "  FROM posting)),"
    " '[' || coalesce((SELECT string_agg(" FEED_TEXT("$9") ", ', '"
    "  ORDER BY s.rn) FROM s JOIN posting x ON x.id = s.id"
    "  LEFT JOIN posting_render r ON r.posting_id = x.id"
    "  WHERE s.rn <= $8::int), '') || ']'";

/*
 * $1 updated_since (microseconds), $2 $3 the cursor (change_xid, id),
 * $4 limit, $5 key, $6 base URL.  Rows written by a transaction at or
 * after the horizon wait for the next call.
 */
static const char	sql_sync[] =
    "WITH k AS (SELECT " KEY_OK("$5") " AS ok),"
    " h AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon),"
    " s AS MATERIALIZED (SELECT x.id, x.change_xid, row_number() OVER"
    "  (ORDER BY x.change_xid, x.id) AS rn FROM (SELECT id, change_xid"
    "  FROM posting x WHERE (SELECT ok FROM k)"
    "  AND x.change_xid < (SELECT horizon FROM h)"
    "  AND ($1::bigint IS NULL OR x.updated_at >= " USEC("$1") ")"
    "  AND ($2::text IS NULL OR (x.change_xid, x.id) > ($2::text::xid8,"
    "  $3::bigint)) ORDER BY x.change_xid, x.id LIMIT $4::int + 1) x)"
    "SELECT json_build_object('key_ok', (SELECT ok FROM k),"
    " 'more', (SELECT count(*) FROM s) > $4::int,"
    " 'last', (SELECT json_build_array(change_xid::text, id) FROM s"
    "  WHERE rn = $4::int),"
    " 'horizon', (SELECT horizon::text FROM h)),"
    " '[' || coalesce((SELECT string_agg(" API_TEXT("$6") ", ', '"
    "  ORDER BY s.rn) FROM s JOIN posting x ON x.id = s.id"
    "  LEFT JOIN posting_render r ON r.posting_id = x.id"
    "  WHERE s.rn <= $4::int), '') || ']'";

/* $1 id, $2 key, $3 base URL.  Never-published postings are unknown. */
static const char	sql_job[] =
    "SELECT json_build_object('key_ok', " KEY_OK("$2") ","
    " 'job', (SELECT fj_job_api(x, co, c, $3) FROM posting x " JOBS_JOIN
    "  WHERE"
    "  x.id = $1::bigint AND x.status NOT IN ('pending', 'rejected')"
    "  AND " KEY_OK("$2") "))";

/* $1 $2 the slots, $3 the limit, $4 the window: 0 or Retry-After. */
static const char	sql_rate[] =
    "SELECT fj_api_hit($1, $2, $3::int, $4::int)";

/* The search page's own statement, with the key check ($13) around it. */
static char	*sql_facets;

struct rate_slot {
	char		key[KEY_MAX + 8];
	time_t		window;
	unsigned int	n;
};

static struct rate_slot	rate[RATE_SLOTS];

static int	 api_key(struct http_request *, const char **,
		    char *, size_t);
static void	 rate_slots(struct http_request *, const char *, char *,
		    char *, size_t, unsigned int *);
static void	 rate_refuse(struct http_request *, int, long long);
static int	 rate_local(struct http_request *, const char *);
static int	 api_limit(struct http_request *, struct dbq *,
		    const char *);
static int	 rate_done(struct http_request *, struct dbq *);
static int	 rate_count(const char *, unsigned int, time_t *);
static unsigned int rate_limit(const char *, unsigned int);
static int	 api_query(struct http_request *, struct qs *);
static int	 read_limit(struct http_request *, const struct qs *,
		    int, int, int *);
static void	 send_json(struct http_request *, const char *, json_t *,
		    time_t);
static void	 send_json_raw(struct http_request *, const char *, json_t *,
		    const char *, const struct sbuf *, time_t);
static int	 feed_done(struct http_request *, struct dbq *);
static int	 sync_done(struct http_request *, struct dbq *);
static int	 job_done(struct http_request *, struct dbq *);
static int	 facets_done(struct http_request *, struct dbq *);

/* The limit from the environment, else the default. */
static unsigned int
rate_limit(const char *env, unsigned int dflt)
{
	const char	*v;
	char		*end;
	unsigned long	 n;

	if ((v = getenv(env)) == NULL || *v == '\0')
		return (dflt);
	n = strtoul(v, &end, 10);
	return (*end == '\0' && n > 0 && n < UINT_MAX ? (unsigned int)n :
	    dflt);
}

/*
 * Count one request for key in the current window; 0 when within limit,
 * else -1 with *retry the seconds until the window ends.  A full table
 * forgets the oldest window among the slots probed.
 */
static int
rate_count(const char *key, unsigned int limit, time_t *retry)
{
	struct rate_slot	*s, *victim;
	uint64_t		 h;
	const char		*p;
	time_t			 now, window;
	size_t			 i;

	now = time(NULL);
	window = now - now % RATE_WINDOW;
	h = 0xcbf29ce484222325ULL;
	for (p = key; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
	victim = NULL;
	for (i = 0; i < RATE_PROBE; i++) {
		s = &rate[(h + i) % RATE_SLOTS];
		if (strcmp(s->key, key) == 0)
			break;
		if (victim == NULL || s->window < victim->window)
			victim = s;
		s = NULL;
	}
	if (s == NULL) {
		s = victim;
		(void)kore_strlcpy(s->key, key, sizeof(s->key));
		s->window = window;
		s->n = 0;
	}
	if (s->window != window) {
		s->window = window;
		s->n = 0;
	}
	*retry = window + RATE_WINDOW - now;
	if (s->n >= limit)
		return (-1);
	s->n++;
	return (0);
}

/*
 * The Bearer key of the request: KORE_RESULT_OK and *key NULL without
 * one, or *key in keybuf with one that is well formed (the statement
 * checks it against the database); KORE_RESULT_ERROR after answering 401
 * for a malformed one.
 */
static int
api_key(struct http_request *req, const char **key, char *keybuf,
    size_t keylen)
{
	const char	*auth, *k;
	size_t		 i;

	*key = NULL;
	if (!http_request_header(req, "authorization", &auth))
		return (KORE_RESULT_OK);
	if (strncasecmp(auth, "Bearer ", 7) != 0) {
		http_response_header(req, "www-authenticate",
		    "Bearer realm=\"fashionjobs\"");
		web_problem(req, 401, NULL, "Send the API key as "
		    "\"Authorization: Bearer KEY\".");
		return (KORE_RESULT_ERROR);
	}
	for (k = auth + 7; *k == ' '; k++)
		;
	for (i = 0; k[i] != '\0'; i++)
		if (!isalnum((unsigned char)k[i]) && k[i] != '_' &&
		    k[i] != '-')
			break;
	if (i == 0 || k[i] != '\0' || i >= keylen || i > KEY_MAX) {
		http_response_header(req, "www-authenticate",
		    "Bearer realm=\"fashionjobs\", error=\"invalid_token\"");
		web_problem(req, 401, NULL, "This API key is not valid.");
		return (KORE_RESULT_ERROR);
	}
	(void)kore_strlcpy(keybuf, k, keylen);
	*key = keybuf;
	return (KORE_RESULT_OK);
}

/*
 * The slots request counts against, written into a and b (b "" when
 * unused), and the limit into *limit.  A keyed request counts against
 * its key and against the address, both at the keyed limit, so that
 * made-up keys do not multiply an address's share; an anonymous one
 * against its address.
 */
static void
rate_slots(struct http_request *req, const char *key, char *a, char *b,
    size_t len, unsigned int *limit)
{
	char	ip[64];

	client_ip(req, ip, sizeof(ip));
	if (key != NULL) {
		*limit = rate_limit("FJ_API_RATE_KEY", RATE_KEY_DEFAULT);
		(void)snprintf(a, len, "k:%s", key);
		(void)snprintf(b, len, "K:%s", ip);
	} else {
		*limit = rate_limit("FJ_API_RATE_ANON", RATE_ANON_DEFAULT);
		(void)snprintf(a, len, "a:%s", ip);
		b[0] = '\0';
	}
}

/* Answer 429 with retry seconds in Retry-After. */
static void
rate_refuse(struct http_request *req, int keyed, long long retry)
{
	char	num[24];

	(void)snprintf(num, sizeof(num), "%lld", retry);
	http_response_header(req, "retry-after", num);
	web_problem(req, 429, NULL, keyed ?
	    "Too many requests for this API key: wait for the number of "
	    "seconds in Retry-After." :
	    "Too many requests without an API key: wait for the number of "
	    "seconds in Retry-After, or ask for a key.");
}

/*
 * The count in this worker's memory: KORE_RESULT_OK within the limit,
 * else KORE_RESULT_ERROR (answered 429).
 */
static int
rate_local(struct http_request *req, const char *key)
{
	char		a[KEY_MAX + 8], b[KEY_MAX + 8];
	unsigned int	limit;
	time_t		retry;

	rate_slots(req, key, a, b, sizeof(a), &limit);
	if (rate_count(a, limit, &retry) == 0 &&
	    (b[0] == '\0' || rate_count(b, limit, &retry) == 0))
		return (KORE_RESULT_OK);
	rate_refuse(req, key != NULL, (long long)retry);
	return (KORE_RESULT_ERROR);
}

/*
 * Count q's request against the limits before its statement runs: in
 * PostgreSQL (fj_api_hit, migrations/0080), shared by every worker and
 * instance, on the primary even when the statement reads on a replica;
 * with FJ_API_RATE_SHARED=0 in this worker's memory.  KORE_RESULT_ERROR
 * when refused (answered 429).
 */
static int
api_limit(struct http_request *req, struct dbq *q, const char *key)
{
	const char	*v, *params[4];
	char		 a[KEY_MAX + 8], b[KEY_MAX + 8], lim[16];
	unsigned int	 limit;

	if ((v = getenv("FJ_API_RATE_SHARED")) != NULL && strcmp(v, "0") == 0)
		return (rate_local(req, key));
	rate_slots(req, key, a, b, sizeof(a), &limit);
	(void)snprintf(lim, sizeof(lim), "%u", limit);
	params[0] = a;
	params[1] = b[0] != '\0' ? b : NULL;
	params[2] = lim;
	params[3] = RATE_WINDOW_S;
	dbq_gate(q, sql_rate, 4, params, rate_done);
	return (KORE_RESULT_OK);
}

/*
 * The shared count's answer: go on (KORE_RESULT_OK), or 429
 * (KORE_RESULT_ERROR).  Without an answer (the primary is away while a
 * replica serves the read) the worker's own count stands in.
 */
static int
rate_done(struct http_request *req, struct dbq *q)
{
	const char	*key;
	char		 keybuf[KEY_MAX + 1];
	json_int_t	 retry;

	(void)api_key(req, &key, keybuf, sizeof(keybuf));
	if (q->failed || !json_is_integer(q->result))
		return (rate_local(req, key));
	if ((retry = json_integer_value(q->result)) <= 0)
		return (KORE_RESULT_OK);
	rate_refuse(req, key != NULL, (long long)retry);
	return (KORE_RESULT_ERROR);
}

/* Parse the query string or answer 400 with a problem document. */
static int
api_query(struct http_request *req, struct qs *qs)
{
	const char	*s = req->query_string ? req->query_string : "";

	memset(qs, 0, sizeof(*qs));
	if (strlen(s) > 4096 || qs_parse(qs, s, strlen(s), QS_ARGS_MAX) == -1) {
		web_problem(req, 400, NULL, "The query string is malformed or "
		    "too long: too many parameters, a bad %-escape, a control "
		    "character or invalid UTF-8.");
		return (KORE_RESULT_ERROR);
	}
	return (KORE_RESULT_OK);
}

/* limit=N within 1..max, else a 400 problem and KORE_RESULT_ERROR. */
static int
read_limit(struct http_request *req, const struct qs *qs, int dflt, int max,
    int *out)
{
	const char	*v;
	char		*end, msg[96];
	long		 n;

	*out = dflt;
	if ((v = qs_get(qs, "limit")) == NULL || *v == '\0')
		return (KORE_RESULT_OK);
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || *end != '\0' || !isdigit((unsigned char)*v) ||
	    n < 1 || n > max) {
		(void)snprintf(msg, sizeof(msg), "limit must be a whole number "
		    "from 1 to %d.", max);
		web_problem(req, 400, "limit", msg);
		return (KORE_RESULT_ERROR);
	}
	*out = (int)n;
	return (KORE_RESULT_OK);
}

/* The statement failed, or the key was refused: answer and return 1. */
int
api_refused(struct http_request *req, struct dbq *q)
{
	if (q->failed || q->result == NULL) {
		http_response_header(req, "retry-after", "5");
		web_problem(req, 503, NULL,
		    "The job database is not answering. Try again shortly.");
		return (1);
	}
	if (json_is_false(json_object_get(q->result, "key_ok"))) {
		http_response_header(req, "www-authenticate",
		    "Bearer realm=\"fashionjobs\", error=\"invalid_token\"");
		web_problem(req, 401, NULL,
		    "This API key is unknown or revoked.");
		return (1);
	}
	return (0);
}

/*
 * doc as JSON text whose first member is name: raw, the second column of
 * the statement (JSON text the database wrote, sent as it is, not parsed
 * and written again here).  Sends it with the validators of web_send().
 */
static void
send_json_raw(struct http_request *req, const char *ctype, json_t *doc,
    const char *name, const struct sbuf *raw, time_t modified)
{
	struct sbuf	 b;
	char		*s;

	s = json_dumps(doc, JSON_COMPACT);
	sbuf_init(&b);
	sbuf_printf(&b, "{\"%s\":", name);
	if (raw->len > 0)
		sbuf_append(&b, raw->data, raw->len);
	else
		sbuf_puts(&b, "[]");
	if (strcmp(s, "{}") != 0) {
		sbuf_putc(&b, ',');
		sbuf_puts(&b, s + 1);
	} else
		sbuf_putc(&b, '}');
	free(s);
	web_send(req, HTTP_STATUS_OK, ctype, b.data, b.len, modified);
	sbuf_free(&b);
}

static void
send_json(struct http_request *req, const char *ctype, json_t *doc,
    time_t modified)
{
	char	*s;

	s = json_dumps(doc, JSON_COMPACT);
	http_response_header(req, "cache-control", "public, max-age=60");
	web_send(req, HTTP_STATUS_OK, ctype, s, strlen(s), modified);
	free(s);
}

/*
 * The newest open postings for the filters, cursor and limit of the query
 * string: the /feed.json statement, shared with /jobs.rss and /jobs.atom.
 * The dbq's ctx holds the filters given and the limit; NULL when a 400
 * problem document was sent instead.
 */
struct dbq *
feed_query(struct http_request *req,
    int (*done)(struct http_request *, struct dbq *))
{
	struct dbq	*q;
	struct qs	 qs;
	const char	*v[FILTER__MAX], *msg, *bad, *c;
	char		 f[3][32], num[16];
	int		 limit;

	if (api_query(req, &qs) != KORE_RESULT_OK)
		return (NULL);
	q = NULL;
	if ((msg = filters_read(&qs, v, FILTER__MAX, &bad)) != NULL) {
		web_problem(req, 400, bad, msg);
		goto out;
	}
	if (read_limit(req, &qs, FEED_LIMIT_DEFAULT, FEED_LIMIT_MAX,
	    &limit) != KORE_RESULT_OK)
		goto out;
	f[0][0] = f[1][0] = '\0';
	if ((c = qs_get(&qs, "cursor")) != NULL && *c != '\0' &&
	    fmt_cursor_read(c, 'f', f) == -1) {
		web_problem(req, 400, "cursor", "This cursor is not one of "
		    "ours: use next_url as given.");
		goto out;
	}
	q = dbq_new(req, sql_feed, done);
	filters_param(q, v);
	dbq_param(q, f[0][0] != '\0' ? f[0] : NULL);
	dbq_param(q, f[0][0] != '\0' ? f[1] : NULL);
	(void)snprintf(num, sizeof(num), "%d", limit);
	dbq_param(q, num);
	dbq_param(q, web_base_url());
	dbq_param(q, v[FILTER_KM]);	/* $10 */
	q->ctx = json_object();
	filters_save(q->ctx, v);
	json_object_set_new(q->ctx, "limit", json_integer(limit));
out:
	qs_free(&qs);
	return (q);
}

/* GET /feed.json */
int
page_feed_json(struct http_request *req)
{
	if (http_state_exists(req))
		return (dbq_run(req));
	if (feed_query(req, feed_done) == NULL)
		return (KORE_RESULT_OK);
	return (dbq_run(req));
}

static int
feed_done(struct http_request *req, struct dbq *q)
{
	json_t		*doc, *last;
	struct sbuf	 filters, url;
	char		*cursor, a[32], b[32];

	if (api_refused(req, q))
		return (KORE_RESULT_OK);
	sbuf_init(&filters);
	feed_filters(&filters, q->ctx);
	sbuf_init(&url);
	doc = json_pack("{s:s, s:s, s:s}",
	    "version", "https://jsonfeed.org/version/1.1",
	    "title", "fashionjobs: fashion and luxury jobs",
	    "description", "Open fashion and luxury jobs, newest first.");
	sbuf_printf(&url, "%s/jobs%s%.*s", web_base_url(),
	    filters.len > 0 ? "?" : "", (int)(filters.len > 0 ?
	    filters.len - 1 : 0), filters.data ? filters.data : "");
	json_object_set_new(doc, "home_page_url", json_string(url.data));
	sbuf_reset(&url);
	sbuf_printf(&url, "%s/feed.json%s%.*s", web_base_url(),
	    filters.len > 0 ? "?" : "", (int)(filters.len > 0 ?
	    filters.len - 1 : 0), filters.data ? filters.data : "");
	json_object_set_new(doc, "feed_url", json_string(url.data));
	json_object_set_new(doc, "authors",
	    json_pack("[{s:s, s:s}]", "name", "fashionjobs", "url",
	    web_base_url()));
	last = json_object_get(q->result, "last");
	if (json_is_true(json_object_get(q->result, "more")) &&
	    json_array_size(last) == 2) {
		(void)snprintf(a, sizeof(a), "%" JSON_INTEGER_FORMAT,
		    json_integer_value(json_array_get(last, 0)));
		(void)snprintf(b, sizeof(b), "%" JSON_INTEGER_FORMAT,
		    json_integer_value(json_array_get(last, 1)));
		cursor = fmt_cursor('f', a, b, NULL);
		sbuf_reset(&url);
		sbuf_printf(&url, "%s/feed.json?%.*scursor=%s&limit=%lld",
		    web_base_url(), (int)filters.len,
		    filters.data ? filters.data : "", cursor,
		    (long long)json_integer_value(json_object_get(q->ctx,
		    "limit")));
		free(cursor);
		json_object_set_new(doc, "next_url", json_string(url.data));
	}
	http_response_header(req, "cache-control", "public, max-age=60");
	send_json_raw(req, "application/feed+json", doc, "items", &q->body,
	    (time_t)json_integer_value(json_object_get(q->result,
	    "modified")));
	json_decref(doc);
	sbuf_free(&filters);
	sbuf_free(&url);
	return (KORE_RESULT_OK);
}

/* GET /api/v1/jobs?updated_since=&cursor=&limit= */
int
page_api_jobs(struct http_request *req)
{
	struct dbq	*q;
	struct qs	 qs;
	const char	*since, *c, *key;
	char		 f[3][32], num[24], keybuf[KEY_MAX + 1];
	long long	 usec;
	int		 limit;

	if (http_state_exists(req))
		return (dbq_run(req));
	if (api_key(req, &key, keybuf, sizeof(keybuf)) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	if (api_query(req, &qs) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	if (read_limit(req, &qs, API_LIMIT_DEFAULT, API_LIMIT_MAX,
	    &limit) != KORE_RESULT_OK)
		goto out;
	f[0][0] = f[1][0] = f[2][0] = '\0';
	if ((c = qs_get(&qs, "cursor")) != NULL && *c != '\0') {
		if (fmt_cursor_read(c, 'j', f) == -1) {
			web_problem(req, 400, "cursor", "This cursor is not "
			    "one of ours: use next_cursor as given.");
			goto out;
		}
	} else if ((since = qs_get(&qs, "updated_since")) != NULL &&
	    *since != '\0') {
		if (fmt_rfc3339(since, &usec) == -1) {
			web_problem(req, 400, "updated_since", "updated_since "
			    "must be an RFC 3339 date-time from 1970 on, such "
			    "as 2026-11-22T09:30:00Z (escape + as %2B).");
			goto out;
		}
		(void)snprintf(f[2], sizeof(f[2]), "%lld", usec);
	}
	q = dbq_new(req, sql_sync, sync_done);
	dbq_param(q, f[2][0] != '\0' ? f[2] : NULL);
	dbq_param(q, f[0][0] != '\0' ? f[0] : NULL);
	dbq_param(q, f[0][0] != '\0' ? f[1] : NULL);
	(void)snprintf(num, sizeof(num), "%d", limit);
	dbq_param(q, num);
	dbq_param(q, key);
	dbq_param(q, web_base_url());
	q->ctx = json_pack("{s:i, s:s, s:s}", "limit", limit,
	    "cursor_xid", f[0], "since", f[2]);
	qs_free(&qs);
	if (api_limit(req, q, key) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	return (dbq_run(req));
out:
	qs_free(&qs);
	return (KORE_RESULT_OK);
}

static int
sync_done(struct http_request *req, struct dbq *q)
{
	json_t		*doc, *last;
	struct sbuf	 url;
	const char	*xid, *since;
	char		*cursor, id[32];
	unsigned long long cx, hx;
	int		 more;

	if (api_refused(req, q))
		return (KORE_RESULT_OK);
	more = json_is_true(json_object_get(q->result, "more"));
	last = json_object_get(q->result, "last");
	since = json_string_value(json_object_get(q->ctx, "since"));
	if (more && json_array_size(last) == 2) {
		xid = json_string_value(json_array_get(last, 0));
		(void)snprintf(id, sizeof(id), "%" JSON_INTEGER_FORMAT,
		    json_integer_value(json_array_get(last, 1)));
	} else {
		/*
		 * Everything before the horizon has been seen: the next call
		 * starts there, unless the cursor given is already further.
		 */
		xid = json_string_value(json_object_get(q->result,
		    "horizon"));
		(void)kore_strlcpy(id, "0", sizeof(id));
		hx = strtoull(xid != NULL ? xid : "0", NULL, 10);
		cx = strtoull(json_string_value(json_object_get(q->ctx,
		    "cursor_xid")), NULL, 10);
		if (cx > hx) {
			xid = json_string_value(json_object_get(q->ctx,
			    "cursor_xid"));
			(void)kore_strlcpy(id, "0", sizeof(id));
		}
	}
	if (xid == NULL || *xid == '\0')
		xid = "0";
	cursor = fmt_cursor('j', xid, id, since != NULL && *since != '\0' ?
	    since : NULL);
	sbuf_init(&url);
	sbuf_printf(&url, "%s/api/v1/jobs?cursor=%s&limit=%lld",
	    web_base_url(), cursor, (long long)json_integer_value(
	    json_object_get(q->ctx, "limit")));
	doc = json_pack("{s:s, s:b, s:s}",
	    "next_cursor", cursor, "has_more", more, "next_url", url.data);
	free(cursor);
	sbuf_free(&url);
	http_response_header(req, "cache-control", "no-store");
	send_json_raw(req, "application/json", doc, "jobs", &q->body, 0);
	json_decref(doc);
	return (KORE_RESULT_OK);
}

/* GET /api/v1/jobs/<id> */
int
page_api_job(struct http_request *req)
{
	struct dbq	*q;
	const char	*p, *key;
	char		 keybuf[KEY_MAX + 1];
	size_t		 n;

	if (http_state_exists(req))
		return (dbq_run(req));
	if (api_key(req, &key, keybuf, sizeof(keybuf)) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	p = req->path + strlen("/api/v1/jobs/");
	for (n = 0; isdigit((unsigned char)p[n]); n++)
		;
	if (n == 0 || n > 18 || p[n] != '\0') {
		web_problem(req, 404, NULL, "There is no job with this id.");
		return (KORE_RESULT_OK);
	}
	q = dbq_new(req, sql_job, job_done);
	dbq_param(q, p);
	dbq_param(q, key);
	dbq_param(q, web_base_url());
	if (api_limit(req, q, key) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	return (dbq_run(req));
}

static int
job_done(struct http_request *req, struct dbq *q)
{
	json_t	*job;

	if (api_refused(req, q))
		return (KORE_RESULT_OK);
	job = json_object_get(q->result, "job");
	if (!json_is_object(job)) {
		web_problem(req, 404, NULL, "There is no job with this id.");
		return (KORE_RESULT_OK);
	}
	send_json(req, "application/json", job, 0);
	return (KORE_RESULT_OK);
}

/* GET /api/v1/facets: the counts of the search page for these filters. */
int
page_api_facets(struct http_request *req)
{
	struct dbq	*q;
	struct qs	 qs;
	struct sbuf	 sql;
	const char	*v[FILTER__MAX], *msg, *bad, *key;
	const char	*cap, *wide;
	char		 keybuf[KEY_MAX + 1];

	if (http_state_exists(req))
		return (dbq_run(req));
	if (api_key(req, &key, keybuf, sizeof(keybuf)) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	if (api_query(req, &qs) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	if ((msg = filters_read(&qs, v, FILTER__MAX, &bad)) != NULL) {
		web_problem(req, 400, bad, msg);
		qs_free(&qs);
		return (KORE_RESULT_OK);
	}
	if (sql_facets == NULL) {
		sbuf_init(&sql);
		sbuf_printf(&sql, "SELECT CASE WHEN k.ok THEN (%s) ELSE"
		    " json_build_object('key_ok', false) END FROM (SELECT %s)"
		    " k(ok)", jobs_sql_search, KEY_OK("$13"));
		sql_facets = sbuf_steal(&sql);
	}
	q = dbq_new(req, sql_facets, facets_done);
	filters_param(q, v);
	dbq_param(q, "date");		/* $6 sort: no ranking needed */
	dbq_param(q, "0");		/* $7 limit: counts only */
	dbq_param(q, "0");		/* $8 offset */
	dbq_param(q, "en");		/* $9 labels */
	jobs_search_limits(&cap, &wide);
	dbq_param(q, cap);		/* $10 $11 */
	dbq_param(q, wide);
	dbq_param(q, v[FILTER_KM]);	/* $12 */
	dbq_param(q, key);
	qs_free(&qs);
	if (api_limit(req, q, key) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	return (dbq_run(req));
}

static int
facets_done(struct http_request *req, struct dbq *q)
{
	json_t		*doc, *facets, *list, *item;
	const char	*name;
	size_t		 i;

	if (api_refused(req, q))
		return (KORE_RESULT_OK);
	facets = json_object_get(q->result, "facets");
	/* Absent facets (no match) are empty lists. */
	json_object_foreach(facets, name, list) {
		if (json_is_null(list))
			json_object_set_new(facets, name, json_array());
		json_array_foreach(json_object_get(facets, name), i, item)
			if (json_object_get(item, "label") == NULL)
				json_object_set(item, "label",
				    json_object_get(item, "value"));
	}
	doc = json_pack("{s:O, s:b, s:O}", "total",
	    json_object_get(q->result, "total"), "approximate",
	    json_is_true(json_object_get(q->result, "approx")),
	    "facets", facets);
	send_json(req, "application/json", doc, 0);
	json_decref(doc);
	return (KORE_RESULT_OK);
}

/* GET /api/openapi.json */
int
page_api_openapi(struct http_request *req)
{
	http_response_header(req, "cache-control", "public, max-age=3600");
	return (web_asset(req, "openapi.json", "application/json"));
}

/* Anything else under /api/: a problem document, not the HTML 404 page. */
int
page_api_not_found(struct http_request *req)
{
	web_problem(req, 404, NULL, "There is no API endpoint at this "
	    "address: see /api/openapi.json.");
	return (KORE_RESULT_OK);
}
