/*
 * fashionjobs alerts --once [--all] | --loop: mail each confirmed job
 * alert the postings listed since its last run that match its search.
 *
 * Alerts are not run one search at a time.  A run first copies the
 * postings listed since the earliest window of the due alerts (the new
 * postings: a few thousand rows) into a temporary table, then evaluates
 * each distinct search of the due alerts once against that table with
 * the search page's own predicate (filter.h: MATCHES, the one definition
 * of what a search matches, bound from the alert's saved filters by the
 * filters' names), and keeps each search's matches in memory, newest
 * first.  Then the due alerts are claimed a batch at a time with FOR
 * UPDATE SKIP LOCKED, and each takes its search's matches inside its own
 * window less what a run already counted (alert.seen_ids); the digests are
 * rendered from cards fetched once per posting and language, queued in
 * mail_outbox, and each alert's window and seen_ids moved on, all in the
 * batch's transaction: a second worker skips the locked alerts, a worker
 * that dies mid-batch leaves nothing behind, and a posting is queued at
 * most once to an alert.  The digests are then sent by the outbox sender
 * (mail.c), at most once each and retried with backoff after an SMTP
 * failure.
 *
 * --once sends what is due and exits (for cron); --all treats every
 * confirmed alert as due, whatever its frequency; --loop runs every
 * FJ_ALERTS_POLL seconds (30), twice as long after each failure, up to
 * five minutes.  Exit status 1 when a batch or a send failed.
 */

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "core.h"
#include "filter.h"
#include "assets.h"
#include "db.h"
#include "cli.h"

#define BATCH		"1000"	/* alerts a transaction */
#define JOBS_MAX	20	/* postings listed in one digest */
#define SUBJECT_MAX	180	/* bytes; mail_outbox allows 200 */
#define BACKOFF_MAX	300
#define GC_SECONDS	600
#define ANALYZE_QUEUED	1000	/* digests queued in a run */
#define OVERLAP_US	3600000000LL	/* SINCE's hour, in microseconds */

/*
 * Which alerts are due: confirmed, not paused, due by now ($1: every
 * confirmed one, --all), and not to an address that refuses mail.
 */
#define DUE(a, s)							\
    " " a ".confirmed_at IS NOT NULL AND NOT " a ".paused"		\
    " AND ($1::boolean OR " a ".next_run_at <= now())"			\
    " AND NOT EXISTS (SELECT 1 FROM mail_undeliverable u"		\
    " WHERE u.addr_key = lower(" s ".email))"
/*
 * A posting is new for an alert when it was listed after the alert's
 * since_at and no more than an hour before its last run: an import whose
 * transaction began before that run and ended after it is not missed,
 * and seen_ids drops what a run already counted.
 */
#define SINCE(a)							\
    " greatest(coalesce(" a ".checked_upto, " a ".since_at)"		\
    " - interval '1 hour', " a ".since_at)"
#define US(t)	" (extract(epoch FROM " t ") * 1000000)::bigint"

/*
 * The run's new postings: every column of posting, so that MATCHES reads
 * them as it reads posting, whatever filter it gains.  Dropped at the
 * end of the matching transaction.  $1 as in DUE.
 */
static const char	sql_new_table[] =
    "CREATE TEMP TABLE alert_new (LIKE posting) ON COMMIT DROP";
static const char	sql_new[] =
    "INSERT INTO alert_new SELECT x.* FROM posting x"
    " WHERE x.listed_at > (SELECT min(" SINCE("a") ") FROM alert a"
    "  JOIN alert_subscriber s ON s.id = a.subscriber_id WHERE" DUE("a", "s")
    ") AND x.status = 'published' AND " OPEN("x");
static const char	sql_new_index[] =
    "CREATE INDEX ON alert_new USING gin (search)";

/* The due alerts' distinct searches, and the run's start.  $1 as in DUE. */
static const char	sql_searches[] =
    "SELECT a.filters::text, now(), " US("now()") " FROM alert a"
    " JOIN alert_subscriber s ON s.id = a.subscriber_id WHERE" DUE("a", "s")
    " GROUP BY a.filters ORDER BY 1";

/*
 * One search, its filters in web_filter_names' order (km last, as
 * FILTER_KM_PARAM): the new postings it matches, newest first, as the
 * search page's predicate has it.
 */
static const char	sql_search[] =
    "WITH " FILTERS_P(FILTER_KM_PARAM) " SELECT x.id, " US("x.listed_at")
    " FROM alert_new x WHERE" MATCHES("x", FILTER_KM_PARAM)
    " ORDER BY x.posted_at DESC, x.id DESC";

/*
 * One batch: $1 as in DUE, $2 the last alert id of this run's previous
 * batch, $3 the batch size.  The columns are read by position (A_*).
 */
static const char	sql_claim[] =
    "SELECT a.id, a.filters::text, " US(SINCE("a")) ", a.seen_ids::text,"
    " s.email, s.manage_token, a.unsub_token, a.label, a.search, s.lang"
    " FROM alert a CROSS JOIN LATERAL (SELECT email, manage_token, lang"
    "  FROM alert_subscriber s WHERE s.id = a.subscriber_id) s"
    " WHERE a.id > $2::bigint AND" DUE("a", "s")
    " ORDER BY a.id LIMIT $3::int FOR UPDATE OF a SKIP LOCKED";
enum { A_ID, A_FILTERS, A_SINCE, A_SEEN, A_EMAIL, A_MANAGE, A_UNSUB,
    A_LABEL, A_SEARCH, A_LANG };

/*
 * The cards of postings ($1) in languages ($2), NULL for one that is no
 * longer open: a posting closed since the run matched it is left out.
 */
static const char	sql_cards[] =
    "SELECT u.id, u.lang, CASE WHEN p.status = 'published' AND " OPEN("p")
    " THEN fj_card(p, u.lang) END FROM unnest($1::bigint[], $2::text[])"
    " AS u(id, lang) LEFT JOIN posting p ON p.id = u.id";

/* $1 the run's start, $2 [{id, seen}]: each claimed alert moves on. */
static const char	sql_done[] =
    "UPDATE alert a SET checked_upto = $1::timestamptz,"
    " next_run_at = $1::timestamptz + CASE a.frequency"
    "  WHEN 'daily' THEN interval '1 day'"
    "  WHEN 'weekly' THEN interval '7 days' ELSE interval '0' END,"
    " seen_ids = u.seen::bigint[]"
    " FROM json_to_recordset($2::json) AS u(id bigint, seen text)"
    " WHERE a.id = u.id";

/* The batch's digests, rows of QUEUE_FIELDS in binary (render()). */
static const char	sql_queue[] =
    "COPY mail_outbox (kind, to_addr, subject, body, body_html,"
    " list_unsubscribe, at_most_once) FROM STDIN (FORMAT binary)";
#define QUEUE_FIELDS	7

/*
 * Links that were not confirmed in time and what they leave behind, and
 * saved-job lists (saved.c) unused for 180 days.  At most every
 * GC_SECONDS.
 */
static const char	sql_gc[] =
    "WITH a AS (DELETE FROM alert WHERE confirmed_at IS NULL"
    "  AND confirm_expires < now()),"
    " s AS (DELETE FROM alert_subscriber s"
    "  WHERE created_at < now() - interval '8 days'"
    "  AND NOT EXISTS (SELECT 1 FROM alert WHERE subscriber_id = s.id)),"
    " l AS (DELETE FROM alert_signup WHERE at < now() - interval '1 day'),"
    " v AS (DELETE FROM saved_list"
    "  WHERE used_at < now() - interval '180 days')"
    " SELECT 1";

/* A new posting a search matched: its id and when it was listed (us). */
struct match {
	long long	 id;
	long long	 listed;
};

/* A distinct search of the run: its filters (jsonb text), its matches. */
struct search {
	char		*filters;
	struct match	*m;		/* newest first */
	size_t		 n;
};

struct run {
	struct tmpl_set	*tmpl;
	const char	*base;
	long		 claimed;
	long		 matched;
	long		 queued;
	double		 gc_at;		/* the last clean-up, or 0 */
	struct search	*s;		/* sorted by filters */
	size_t		 ns;
	char		 start[64];	/* the run's start, a timestamptz */
	long long	 start_us;
	/* "id lang": the posting's card with its url, or null: closed. */
	json_t		*cards;
};

/* One claimed alert's share of its search, in a batch. */
struct pick {
	long long	*seen;		/* sorted */
	size_t		 nseen;
	long long	 jobs[JOBS_MAX];
	size_t		 njobs;
	long		 total;
};

static volatile sig_atomic_t	stop;

static void	on_signal(int);
static double	now(void);
static int	cmp_ll(const void *, const void *);
static int	cmp_search(const void *, const void *);
static int	has(const long long *, size_t, long long);
static long long *ids_parse(const char *, size_t *);
static void	run_free(struct run *);
static int	load_templates(struct tmpl_set *);
static int	render(struct run *, json_t *, struct sbuf *);
static int	queue(PGconn *, struct sbuf *);
static int	match(PGconn *, struct run *, int);
static const struct search *find(const struct run *, const char *);
static void	pick(const struct run *, const struct search *, long long,
		    struct pick *, const char *);
static void	card_key(char *, size_t, long long, const char *);
static int	cards(PGconn *, struct run *, PGresult *, struct pick *);
static void	keep(const struct run *, const struct search *, long long,
		    struct sbuf *);
static int	batch(PGconn *, struct run *, int, long long *);
static int	run_due(PGconn *, struct run *, int);

static void
on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec + ts.tv_nsec / 1e9);
}

static int
cmp_ll(const void *a, const void *b)
{
	long long	x = *(const long long *)a, y = *(const long long *)b;

	return (x < y ? -1 : x > y);
}

static int
cmp_search(const void *a, const void *b)
{
	return (strcmp(((const struct search *)a)->filters,
	    ((const struct search *)b)->filters));
}

/* 1 when id is in the sorted ids. */
static int
has(const long long *ids, size_t n, long long id)
{
	return (n > 0 && bsearch(&id, ids, n, sizeof(*ids), cmp_ll) != NULL);
}

/* A bigint[]'s text, "{1,2,3}", as a sorted array (NULL when empty). */
static long long *
ids_parse(const char *s, size_t *n)
{
	long long	*ids;
	const char	*p;
	char		*end;
	size_t		 cap;

	*n = 0;
	for (cap = 0, p = s; *p != '\0'; p++)
		cap += *p == ',';
	if (strcmp(s, "{}") == 0)
		return (NULL);
	ids = xcalloc(cap + 1, sizeof(*ids));
	for (p = s + 1; *n <= cap; p = end + 1) {
		ids[(*n)++] = strtoll(p, &end, 10);
		if (*end != ',')
			break;
	}
	qsort(ids, *n, sizeof(*ids), cmp_ll);
	return (ids);
}

static void
run_free(struct run *r)
{
	size_t	i;

	for (i = 0; i < r->ns; i++) {
		free(r->s[i].filters);
		free(r->s[i].m);
	}
	free(r->s);
	r->s = NULL;
	r->ns = 0;
	json_decref(r->cards);
	r->cards = NULL;
}

/* The digest's templates, from the assets embedded in the binary. */
static int
load_templates(struct tmpl_set *set)
{
	const struct asset	*a;
	char			 err[256];

	for (a = assets; a->name != NULL; a++) {
		if (i18n_asset(a->name, a->data, a->len) == -1) {
			fprintf(stderr, "alerts: catalog %s is bad\n",
			    a->name);
			return (-1);
		}
		if (strncmp(a->name, "mail_alert_digest.", 18) != 0)
			continue;
		if (tmpl_set_add(set, a->name, (const char *)a->data, a->len,
		    err, sizeof(err)) == -1) {
			fprintf(stderr, "alerts: template %s: %s\n", a->name,
			    err);
			return (-1);
		}
	}
	return (0);
}

/*
 * The subscriber's language lang (kept at sign-up; English when unknown),
 * returned, and its pages' prefix into lp ("/it", "" for English).
 */
static const char *
lang_prefix(const char *lang, char *lp, size_t size)
{
	if (!i18n_known(lang))
		lang = lex_langs[0].code;
	(void)snprintf(lp, size, "%s%s", i18n_index(lang) ? "/" : "",
	    i18n_index(lang) ? lang : "");
	return (lang);
}

/*
 * One digest d (from batch()) as a row of sql_queue, appended to rows.
 * The text template's first line is the subject.  -1 when a template is
 * missing.
 */
static int
render(struct run *r, json_t *d, struct sbuf *rows)
{
	struct sbuf	 text, html, url;
	const char	*nl, *subject, *lang;
	char		*subj, lp[8];
	size_t		 i;
	json_int_t	 total;

	/* The subscriber's language (kept at sign-up), its pages' prefix. */
	lang = lang_prefix(json_string_value(json_object_get(d, "lang")), lp,
	    sizeof(lp));
	json_object_set_new(d, "lang_ui", json_string(lang));
	sbuf_init(&url);
	total = json_integer_value(json_object_get(d, "total"));
	i = json_array_size(json_object_get(d, "jobs"));
	if ((json_int_t)i < total)
		json_object_set_new(d, "more", json_integer(total - i));
	json_object_set_new(d, "one", json_boolean(total == 1));
	sbuf_reset(&url);
	sbuf_printf(&url, "%s%s%s", r->base, lp,
	    json_string_value(json_object_get(d, "search")));
	json_object_set_new(d, "search_url", json_string(url.data));
	sbuf_reset(&url);
	sbuf_printf(&url, "%s%s/alerts/manage?token=%s", r->base, lp,
	    json_string_value(json_object_get(d, "manage")));
	json_object_set_new(d, "manage_url", json_string(url.data));
	sbuf_reset(&url);
	sbuf_printf(&url, "%s/alerts/unsubscribe?token=%s", r->base,
	    json_string_value(json_object_get(d, "unsub")));
	json_object_set_new(d, "unsub_url", json_string(url.data));
	sbuf_init(&text);
	sbuf_init(&html);
	if (tmpl_render(r->tmpl, "mail_alert_digest.txt", d, &text) == -1 ||
	    tmpl_render(r->tmpl, "mail_alert_digest.html", d, &html) == -1 ||
	    (nl = strchr(text.data, '\n')) == NULL) {
		fprintf(stderr, "alerts: the digest templates are missing\n");
		sbuf_free(&text);
		sbuf_free(&html);
		sbuf_free(&url);
		return (-1);
	}
	subj = xstrndup(text.data, nl - text.data);
	text_truncate(subj, SUBJECT_MAX);
	subject = subj;
	nl++;
	if (*nl == '\n')
		nl++;
	db_bin_row(rows, QUEUE_FIELDS);
	db_bin_text(rows, "alert_digest");
	db_bin_text(rows, json_string_value(json_object_get(d, "email")));
	db_bin_text(rows, subject);
	db_bin_text(rows, nl);
	db_bin_text(rows, html.data);
	db_bin_text(rows, url.data);
	db_bin_bool(rows, 1);
	free(subj);
	sbuf_free(&text);
	sbuf_free(&html);
	sbuf_free(&url);
	return (0);
}

/* The rows render() made (a binary COPY's), into mail_outbox; 0 or -1. */
static int
queue(PGconn *conn, struct sbuf *rows)
{
	PGresult	*res;
	int		 rc = -1;

	res = PQexec(conn, sql_queue);
	if (PQresultStatus(res) != PGRES_COPY_IN) {
		fprintf(stderr, "alerts: queue: %s", PQerrorMessage(conn));
		PQclear(res);
		return (-1);
	}
	PQclear(res);
	db_bin_trailer(rows);
	if (PQputCopyData(conn, rows->data, (int)rows->len) == 1 &&
	    PQputCopyEnd(conn, NULL) == 1) {
		res = PQgetResult(conn);
		if (PQresultStatus(res) == PGRES_COMMAND_OK)
			rc = 0;
		else
			fprintf(stderr, "alerts: queue: %s",
			    PQresultErrorMessage(res));
		PQclear(res);
	} else
		fprintf(stderr, "alerts: queue: %s", PQerrorMessage(conn));
	while ((res = PQgetResult(conn)) != NULL)
		PQclear(res);
	return (rc);
}

/*
 * Every distinct search of the due alerts, once, against the postings
 * listed since the earliest of their windows, into r->s; the run's start
 * into r->start.  One transaction (the temporary table goes with it).
 * 0, or -1 on failure.
 */
static int
match(PGconn *conn, struct run *r, int all)
{
	PGresult	*res, *m;
	json_t		*f;
	const char	*params[FILTER__MAX];
	size_t		 i, j;
	int		 k, prepared = 0, rc = -1;

	params[0] = all ? "true" : "false";
	if (db_run(conn, "alerts: begin", "BEGIN", 0, NULL) == -1)
		return (-1);
	if (db_run(conn, "alerts: new postings", sql_new_table, 0,
	    NULL) == -1 || db_run(conn, "alerts: new postings", sql_new, 1,
	    params) == -1 || db_run(conn, "alerts: new postings",
	    sql_new_index, 0, NULL) == -1 || db_run(conn,
	    "alerts: new postings", "ANALYZE alert_new", 0, NULL) == -1 ||
	    (res = db_exec(conn, "alerts: searches", sql_searches, 1,
	    params)) == NULL)
		goto done;
	if ((m = PQprepare(conn, "alert_search", sql_search, FILTER__MAX,
	    NULL)) == NULL || PQresultStatus(m) != PGRES_COMMAND_OK) {
		fprintf(stderr, "alerts: search: %s", PQerrorMessage(conn));
		PQclear(m);
		PQclear(res);
		goto done;
	}
	PQclear(m);
	prepared = 1;
	r->ns = PQntuples(res);
	r->s = xcalloc(r->ns + 1, sizeof(*r->s));
	if (r->ns > 0) {
		(void)snprintf(r->start, sizeof(r->start), "%s",
		    PQgetvalue(res, 0, 1));
		r->start_us = strtoll(PQgetvalue(res, 0, 2), NULL, 10);
	}
	for (i = 0; i < r->ns; i++)
		r->s[i].filters = xstrdup(PQgetvalue(res, i, 0));
	PQclear(res);
	for (i = 0; i < r->ns && !stop; i++) {
		if ((f = json_loads(r->s[i].filters, 0, NULL)) == NULL)
			continue;	/* a jsonb's text always parses */
		for (k = 0; k < FILTER__MAX; k++)
			params[k] = json_string_value(json_object_get(f,
			    web_filter_names[k]));
		m = PQexecPrepared(conn, "alert_search", FILTER__MAX,
		    params, NULL, NULL, 0);
		json_decref(f);
		if (m == NULL || PQresultStatus(m) != PGRES_TUPLES_OK) {
			fprintf(stderr, "alerts: search %s: %s",
			    r->s[i].filters, PQerrorMessage(conn));
			PQclear(m);
			goto done;
		}
		r->s[i].n = PQntuples(m);
		r->s[i].m = xcalloc(r->s[i].n + 1, sizeof(*r->s[i].m));
		for (j = 0; j < r->s[i].n; j++) {
			r->s[i].m[j].id = strtoll(PQgetvalue(m, j, 0), NULL,
			    10);
			r->s[i].m[j].listed = strtoll(PQgetvalue(m, j, 1),
			    NULL, 10);
		}
		PQclear(m);
	}
	qsort(r->s, r->ns, sizeof(*r->s), cmp_search);
	rc = db_run(conn, "alerts: commit", "COMMIT", 0, NULL);
done:
	if (rc == -1 && PQstatus(conn) == CONNECTION_OK)
		(void)db_run(conn, "alerts: rollback", "ROLLBACK", 0, NULL);
	if (prepared && PQstatus(conn) == CONNECTION_OK)
		(void)db_run(conn, "alerts: search", "DEALLOCATE alert_search",
		    0, NULL);
	return (rc);
}

/* The run's search of these filters, or NULL (changed since the run began). */
static const struct search *
find(const struct run *r, const char *filters)
{
	struct search	key;

	key.filters = (char *)filters;
	return (r->ns == 0 ? NULL : bsearch(&key, r->s, r->ns, sizeof(*r->s),
	    cmp_search));
}

static void
card_key(char *key, size_t len, long long id, const char *lang)
{
	(void)snprintf(key, len, "%lld %s", id, lang);
}

/*
 * An alert's new postings: its search's matches listed after since, not
 * in p->seen and not known to be closed (a null card in lang), the
 * first JOBS_MAX of them in p->jobs.
 */
static void
pick(const struct run *r, const struct search *s, long long since,
    struct pick *p, const char *lang)
{
	json_t		*c;
	char		 key[64];
	size_t		 i;

	p->njobs = 0;
	p->total = 0;
	for (i = 0; i < s->n; i++) {
		if (s->m[i].listed <= since || has(p->seen, p->nseen,
		    s->m[i].id))
			continue;
		card_key(key, sizeof(key), s->m[i].id, lang);
		if ((c = json_object_get(r->cards, key)) != NULL &&
		    json_is_null(c))
			continue;
		if (p->njobs < JOBS_MAX)
			p->jobs[p->njobs++] = s->m[i].id;
		p->total++;
	}
}

/*
 * The cards that the batch's picks lack (res: the claimed alerts, p
 * their picks), fetched in one statement into r->cards with their url.
 * 1 when one of them turned out closed (the picks are then to be made
 * again), 0 when none, -1 on failure.
 */
static int
cards(PGconn *conn, struct run *r, PGresult *res, struct pick *p)
{
	PGresult	*c;
	json_t		*card, *seen;
	struct sbuf	 ids, langs, url;
	const char	*params[2], *lang;
	char		 key[64], lp[8];
	size_t		 i, j;
	int		 closed = 0, n = 0;

	sbuf_init(&ids);
	sbuf_init(&langs);
	seen = json_object();
	for (i = 0; i < (size_t)PQntuples(res); i++) {
		lang = PQgetvalue(res, i, A_LANG);
		for (j = 0; j < p[i].njobs; j++) {
			card_key(key, sizeof(key), p[i].jobs[j], lang);
			if (json_object_get(r->cards, key) != NULL ||
			    json_object_get(seen, key) != NULL)
				continue;
			json_object_set_new(seen, key, json_true());
			sbuf_printf(&ids, "%c%lld", n ? ',' : '{',
			    p[i].jobs[j]);
			sbuf_putc(&langs, n ? ',' : '{');
			sbuf_putc(&langs, '"');
			sbuf_puts(&langs, lang);	/* a code: [a-z]+ */
			sbuf_putc(&langs, '"');
			n++;
		}
	}
	json_decref(seen);
	if (n == 0) {
		sbuf_free(&ids);
		sbuf_free(&langs);
		return (0);
	}
	sbuf_putc(&ids, '}');
	sbuf_putc(&langs, '}');
	params[0] = ids.data;
	params[1] = langs.data;
	c = db_exec(conn, "alerts: cards", sql_cards, 2, params);
	sbuf_free(&ids);
	sbuf_free(&langs);
	if (c == NULL)
		return (-1);
	sbuf_init(&url);
	for (i = 0; i < (size_t)PQntuples(c); i++) {
		card_key(key, sizeof(key), strtoll(PQgetvalue(c, i, 0), NULL,
		    10), PQgetvalue(c, i, 1));
		if (PQgetisnull(c, i, 2) || (card = json_loads(PQgetvalue(c,
		    i, 2), 0, NULL)) == NULL) {
			json_object_set_new(r->cards, key, json_null());
			closed = 1;
			continue;
		}
		(void)lang_prefix(PQgetvalue(c, i, 1), lp, sizeof(lp));
		sbuf_reset(&url);
		sbuf_printf(&url, "%s%s%s", r->base, lp, json_string_value(
		    json_object_get(card, "href")));
		json_object_set_new(card, "url", json_string(url.data));
		json_object_set_new(r->cards, key, card);
	}
	sbuf_free(&url);
	PQclear(c);
	return (closed);
}

/*
 * The alert's seen_ids after this run, as a bigint[]'s text into b: the
 * postings of its search that its next window still holds (listed less
 * than an hour before this run) and that this run counted or that it had
 * seen before: the next run neither mails nor counts them again.  Older
 * postings fall out of that window, so the list stays small.
 */
static void
keep(const struct run *r, const struct search *s, long long since,
    struct sbuf *b)
{
	size_t	i;
	int	n = 0;

	sbuf_putc(b, '{');
	for (i = 0; i < s->n; i++)
		if (s->m[i].listed > r->start_us - OVERLAP_US &&
		    s->m[i].listed > since)
			sbuf_printf(b, "%s%lld", n++ ? "," : "", s->m[i].id);
	sbuf_putc(b, '}');
}

/*
 * One batch after alert *last, in one transaction: 1 when alerts were
 * claimed (*last moves on), 0 when none are left, -1 on failure (nothing
 * kept).  An alert whose search changed since the run began is left due
 * for the next run.
 */
static int
batch(PGconn *conn, struct run *r, int all, long long *last)
{
	PGresult		 *res;
	const struct search	**s;
	struct pick		 *p;
	json_t			 *d, *jobs, *done;
	struct sbuf		  sent, rows;
	const char		 *params[3];
	char			  after[32], key[64], *dump;
	size_t			  i, j, n, mails;
	int			  rc, again, queued;

	if (db_run(conn, "alerts: begin", "BEGIN", 0, NULL) == -1)
		return (-1);
	(void)snprintf(after, sizeof(after), "%lld", *last);
	params[0] = all ? "true" : "false";
	params[1] = after;
	params[2] = BATCH;
	if ((res = db_exec(conn, "alerts: claim", sql_claim, 3,
	    params)) == NULL) {
		if (PQstatus(conn) == CONNECTION_OK)
			(void)db_run(conn, "alerts: rollback", "ROLLBACK", 0,
			    NULL);
		return (-1);
	}
	n = PQntuples(res);
	s = xcalloc(n + 1, sizeof(*s));
	p = xcalloc(n + 1, sizeof(*p));
	for (i = 0; i < n; i++) {
		s[i] = find(r, PQgetvalue(res, i, A_FILTERS));
		p[i].seen = ids_parse(PQgetvalue(res, i, A_SEEN), &p[i].nseen);
	}
	rc = -1;
	mails = 0;
	done = json_array();
	sbuf_init(&sent);
	sbuf_init(&rows);
	db_bin_header(&rows);
	do {
		for (i = 0; i < n; i++)
			if (s[i] != NULL)
				pick(r, s[i], strtoll(PQgetvalue(res, i,
				    A_SINCE), NULL, 10), &p[i],
				    PQgetvalue(res, i, A_LANG));
	} while ((again = cards(conn, r, res, p)) == 1);
	if (again == -1)
		goto done;
	for (i = 0; i < n; i++) {
		if (s[i] == NULL)
			continue;
		sbuf_reset(&sent);
		keep(r, s[i], strtoll(PQgetvalue(res, i, A_SINCE), NULL, 10),
		    &sent);
		json_array_append_new(done, json_pack("{s:s, s:s}", "id",
		    PQgetvalue(res, i, A_ID), "seen", sent.data));
		r->matched += p[i].total;
		if (p[i].njobs == 0)
			continue;
		jobs = json_array();
		for (j = 0; j < p[i].njobs; j++) {
			card_key(key, sizeof(key), p[i].jobs[j],
			    PQgetvalue(res, i, A_LANG));
			json_array_append(jobs, json_object_get(r->cards,
			    key));
		}
		d = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:o}",
		    "email", PQgetvalue(res, i, A_EMAIL),
		    "label", PQgetvalue(res, i, A_LABEL),
		    "search", PQgetvalue(res, i, A_SEARCH),
		    "unsub", PQgetvalue(res, i, A_UNSUB),
		    "manage", PQgetvalue(res, i, A_MANAGE),
		    "lang", PQgetvalue(res, i, A_LANG),
		    "total", (json_int_t)p[i].total, "jobs", jobs);
		if (render(r, d, &rows) == -1) {
			json_decref(d);
			goto done;
		}
		json_decref(d);
		mails++;
	}
	if (mails > 0 && queue(conn, &rows) == -1)
		goto done;
	if (json_array_size(done) > 0) {
		dump = json_dumps(done, JSON_COMPACT);
		params[0] = r->start;
		params[1] = dump;
		queued = db_run(conn, "alerts: done", sql_done, 2, params);
		free(dump);
		if (queued == -1)
			goto done;
	}
	if (db_run(conn, "alerts: commit", "COMMIT", 0, NULL) == -1)
		goto done;
	r->claimed += json_array_size(done);
	r->queued += mails;
	rc = n > 0;
	if (rc == 1)
		*last = strtoll(PQgetvalue(res, n - 1, A_ID), NULL, 10);
done:
	if (rc == -1 && PQstatus(conn) == CONNECTION_OK)
		(void)db_run(conn, "alerts: rollback", "ROLLBACK", 0, NULL);
	for (i = 0; i < n; i++)
		free(p[i].seen);
	free(p);
	free(s);
	sbuf_free(&sent);
	sbuf_free(&rows);
	PQclear(res);
	json_decref(done);
	return (rc);
}

/*
 * Every due alert: their searches matched once, then a batch at a time.
 * 0, or -1 at the first failure.
 */
static int
run_due(PGconn *conn, struct run *r, int all)
{
	long long	 last;
	int		 rc;

	if (r->gc_at == 0 || now() - r->gc_at >= GC_SECONDS) {
		(void)db_run(conn, "alerts: clean up", sql_gc, 0, NULL);
		r->gc_at = now();
	}
	r->cards = json_object();
	if ((rc = match(conn, r, all)) == 0 && r->ns > 0) {
		last = 0;
		while (!stop && (rc = batch(conn, r, all, &last)) == 1)
			;
	}
	run_free(r);
	return (stop ? 0 : rc);
}

int
cmd_alerts(int argc, char **argv)
{
	PGconn		*conn;
	struct run	 r;
	const char	*v;
	char		 owner[128];
	double		 t0, t1;
	int		 loop, all, poll, wait, rc, sent, i, outage = 0;

	loop = argc == 2 && strcmp(argv[1], "--loop") == 0;
	all = argc == 3 && strcmp(argv[1], "--once") == 0 &&
	    strcmp(argv[2], "--all") == 0;
	if (!loop && !all && !(argc == 2 && strcmp(argv[1], "--once") == 0)) {
		fprintf(stderr, "usage: fashionjobs alerts --once [--all] | "
		    "--loop\n");
		return (2);
	}
	poll = (v = getenv("FJ_ALERTS_POLL")) != NULL ? atoi(v) : 30;
	if (poll < 1)
		poll = 30;
	memset(&r, 0, sizeof(r));
	if ((r.base = getenv("FJ_BASE_URL")) == NULL || *r.base == '\0')
		r.base = "http://127.0.0.1:8080";
	r.tmpl = tmpl_set_new();
	if (load_templates(r.tmpl) == -1) {
		tmpl_set_free(r.tmpl);
		return (1);
	}
	if ((conn = db_connect()) == NULL) {
		tmpl_set_free(r.tmpl);
		return (1);
	}
	curl_global_init(CURL_GLOBAL_DEFAULT);
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	mail_owner(owner, sizeof(owner));
	wait = poll;
	do {
		r.claimed = r.matched = r.queued = 0;
		t0 = now();
		rc = run_due(conn, &r, all);
		t1 = now();
		/*
		 * Many digests at once: the planner is to know the outbox
		 * holds them, or it sorts every due mail for each claim
		 * instead of reading the due index in order.
		 */
		if (r.queued >= ANALYZE_QUEUED)
			(void)db_run(conn, "alerts: analyze",
			    "ANALYZE mail_outbox", 0, NULL);
		sent = mail_send_due(conn, owner, "alert_digest", &stop);
		if (sent == -1)
			rc = -1;
		/*
		 * --loop says nothing of a run that found nothing new (instant
		 * alerts are checked every pass, mostly to find nothing).
		 */
		if (!loop || r.matched > 0 || r.queued > 0 || sent != 0 ||
		    rc == -1)
			printf("alerts: %ld alerts checked, %ld new matches, "
			    "%ld digests queued in %.2f s, %d sent in %.2f s%s\n",
			    r.claimed, r.matched, r.queued, t1 - t0,
			    sent > 0 ? sent : 0, now() - t1, rc == -1 ?
			    " (failures: see above)" : "");
		fflush(stdout);
		if (!loop)
			break;
		/* The database gone: back in 1 ... 30 s, not the SMTP wait. */
		if (db_outage(conn, "alerts", 0, &outage, &stop))
			continue;
		wait = rc == -1 ? (wait * 2 > BACKOFF_MAX ? BACKOFF_MAX :
		    wait * 2) : poll;
		for (i = 0; i < wait && !stop; i++)
			sleep(1);
	} while (!stop);
	PQfinish(conn);
	curl_global_cleanup();
	tmpl_set_free(r.tmpl);
	return (rc == -1 ? 1 : 0);
}
