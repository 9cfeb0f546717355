/*
 * fashionjobs alerts --once [--all] | --loop: mail each confirmed job
 * alert the postings listed since its last run that match its search.
 *
 * Due alerts are claimed a batch at a time with FOR UPDATE SKIP LOCKED in
 * one transaction, which also finds their matches (the search page's
 * filters, in SQL below), records them in alert_sent and queues one
 * digest per alert in mail_outbox: a second worker skips the locked
 * alerts, and a worker that dies mid-batch leaves nothing behind.  The
 * digests are then sent by the outbox sender (mail.c), at most once each
 * and retried with backoff after an SMTP failure.
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
#include "assets.h"
#include "db.h"
#include "cli.h"

#define BATCH		"1000"	/* alerts a transaction */
#define JOBS_MAX	"20"	/* postings listed in one digest */
#define SUBJECT_MAX	180	/* bytes; mail_outbox allows 200 */
#define BACKOFF_MAX	300
#define GC_SECONDS	600

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
 * and alert_sent drops what was already sent.
 */
#define SINCE(a)							\
    " greatest(coalesce(" a ".checked_upto, " a ".since_at)"		\
    " - interval '1 hour', " a ".since_at)"

/*
 * This run's matches, one row per distinct search and posting; made once
 * a session (IF NOT EXISTS would log a NOTICE every pass of --loop).
 */
static const char	sql_match_table[] =
    "DO $$BEGIN IF to_regclass('pg_temp.alert_match') IS NULL THEN"
    " CREATE TEMP TABLE alert_match (filters jsonb NOT NULL,"
    " posting_id bigint NOT NULL, listed_at timestamptz NOT NULL,"
    " posted_at timestamptz NOT NULL); END IF; END$$";

/*
 * Alerts are not run one search at a time.  Once a run, every distinct
 * search of the due alerts (g) is matched against the postings listed
 * since the earliest of their windows (n), by city with a hash join when
 * it has a city, into alert_match; then each batch of alerts takes its
 * matches from there.  The predicate is the search page's (web.h:
 * FILTERS and WORDS) with the page's parameters taken from the alert's
 * filters: a filter given but unknown (a city or company we do not know)
 * matches nothing, as on the page; with km, the cities within km of the
 * city (web.h: FILTERS_P).  A new filter there needs its line
 * here.  $1 as in DUE; the run's start time is returned.
 */
#define MATCH(g, x)							\
    " " x ".listed_at > " g ".since"					\
    " AND (" g ".contract IS NULL OR " x ".contract = " g ".contract)"	\
    " AND (NOT " g ".by_co OR " x ".company_id = " g ".coid)"		\
    " AND (" g ".lang IS NULL OR " x ".lang = " g ".lang)"		\
    " AND (NOT " g ".by_q OR " x ".search @@ " g ".tq)"

static const char	sql_match[] =
    "WITH a AS MATERIALIZED (SELECT a.filters, " SINCE("a") " AS since"
    "  FROM alert a JOIN alert_subscriber s ON s.id = a.subscriber_id"
    "  WHERE" DUE("a", "s") "),"
    " g AS MATERIALIZED (SELECT filters, min(since) AS since,"
    "  filters ? 'q' AS by_q, fj_tsquery(filters->>'q') AS tq,"
    "  filters ? 'city' AS by_city, CASE WHEN coalesce((filters->>'km')"
    "  ::int, 0) > 0 THEN coalesce(nullif(ARRAY(SELECT n.city_id FROM"
    "  fj_city_near(fj_city_center(filters->>'city'), (filters->>'km')::int)"
    "  n), '{}'), ARRAY[fj_city_id(filters->>'city')]) ELSE"
    "  ARRAY[fj_city_id(filters->>'city')] END AS cids,"
    "  filters->>'contract' AS contract, filters ? 'company' AS by_co,"
    "  (SELECT id FROM company WHERE slug = filters->>'company') AS coid,"
    "  filters->>'lang' AS lang FROM a GROUP BY filters),"
    " n AS MATERIALIZED (SELECT x.id, x.city_id, x.contract, x.company_id,"
    "  x.lang, x.search, x.listed_at, x.posted_at FROM posting x"
    "  WHERE x.listed_at > (SELECT min(since) FROM g)"
    "  AND x.status = 'published' AND NOT fj_expired(x.expires_at)),"
    " i AS (INSERT INTO alert_match (filters, posting_id, listed_at,"
    "  posted_at)"
    "  SELECT g.filters, x.id, x.listed_at, x.posted_at"
    "  FROM g JOIN n x ON x.city_id = ANY (g.cids) WHERE g.by_city AND"
    MATCH("g", "x")
    "  UNION ALL SELECT g.filters, x.id, x.listed_at, x.posted_at"
    "  FROM g CROSS JOIN n x WHERE NOT g.by_city AND" MATCH("g", "x") ")"
    " SELECT now()";

/*
 * One batch: $1 as in DUE, $2 the last alert id of this run's previous
 * batch, $3 the batch size, $4 the run's start, the alerts' new
 * checked_upto.  alert_sent takes each match once (a concurrent worker's
 * included).
 */
static const char	sql_batch[] =
    "WITH c AS MATERIALIZED (SELECT a.id, a.filters, a.label, a.search,"
    "  a.unsub_token, " SINCE("a") " AS since, s.email, s.manage_token,"
    "  s.lang FROM alert a CROSS JOIN LATERAL (SELECT email, manage_token,"
    "  lang FROM alert_subscriber s WHERE s.id = a.subscriber_id) s"
    "  WHERE a.id > $2::bigint AND" DUE("a", "s")
    "  ORDER BY a.id LIMIT $3::int FOR UPDATE OF a SKIP LOCKED),"
    " ins AS (INSERT INTO alert_sent (alert_id, posting_id)"
    "  SELECT c.id, m.posting_id FROM c JOIN alert_match m"
    "  ON m.filters = c.filters AND m.listed_at > c.since"
    "  ON CONFLICT DO NOTHING RETURNING alert_id, posting_id),"
    " upd AS (UPDATE alert a SET checked_upto = $4::timestamptz,"
    "  next_run_at = $4::timestamptz + CASE a.frequency"
    "  WHEN 'daily' THEN interval '1 day'"
    "  WHEN 'weekly' THEN interval '7 days' ELSE interval '0' END"
    "  WHERE a.id = ANY (ARRAY(SELECT id FROM c))),"
    " r AS MATERIALIZED (SELECT i.alert_id, i.posting_id, c.lang,"
    "  row_number() OVER (PARTITION BY i.alert_id ORDER BY p.posted_at"
    "  DESC, i.posting_id DESC) AS rn, count(*) OVER (PARTITION BY"
    "  i.alert_id) AS n FROM ins i JOIN c ON c.id = i.alert_id"
    "  JOIN alert_match p ON p.posting_id = i.posting_id"
    "  AND p.filters = c.filters),"
    " d AS MATERIALIZED (SELECT r.alert_id, max(r.n) AS n,"
    "  json_agg((SELECT fj_card(p, r.lang) FROM posting p"
    "  WHERE p.id = r.posting_id) ORDER BY r.rn) AS jobs FROM r"
    "  WHERE r.rn <= " JOBS_MAX " GROUP BY r.alert_id)"
"SELECT json_build_object("
    " 'claimed', (SELECT count(*) FROM c),"
    " 'last', (SELECT max(id) FROM c),"
    " 'matched', (SELECT count(*) FROM ins),"
    " 'digests', coalesce((SELECT json_agg(json_build_object('alert', c.id,"
    "  'email', c.email, 'label', c.label, 'search', c.search,"
    "  'unsub', c.unsub_token, 'manage', c.manage_token, 'lang', c.lang,"
    "  'total', d.n, 'jobs', d.jobs)) FROM c JOIN d ON d.alert_id = c.id),"
    "  '[]'))";

static const char	sql_queue[] =
    "INSERT INTO mail_outbox (kind, to_addr, subject, body, body_html,"
    " list_unsubscribe, at_most_once)"
    " SELECT 'alert_digest', r.to_addr, r.subject, r.body, r.html, r.unsub,"
    " true FROM json_to_recordset($1::json)"
    " AS r(to_addr text, subject text, body text, html text, unsub text)";

/*
 * Links that were not confirmed in time and what they leave behind,
 * saved-job lists (saved.c) unused for 180 days, and what alert_sent
 * holds for postings older than their alert's window (listed before its
 * last run less an hour: no run looks at them again).  At most every
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
    "  WHERE used_at < now() - interval '180 days'),"
    " o AS (DELETE FROM alert_sent s USING alert a WHERE a.id = s.alert_id"
    "  AND s.at < a.checked_upto - interval '2 hours')"
    " SELECT 1";

struct run {
	struct tmpl_set	*tmpl;
	const char	*base;
	long		 claimed;
	long		 matched;
	long		 queued;
	double		 gc_at;		/* the last clean-up, or 0 */
};

static volatile sig_atomic_t	stop;

static void	on_signal(int);
static double	now(void);
static int	load_templates(struct tmpl_set *);
static int	render(struct run *, json_t *, json_t *);
static int	batch(PGconn *, struct run *, int, const char *,
		    long long *);
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
 * One digest d (from sql_batch) as a mail for sql_queue, appended to
 * mails.  The text template's first line is the subject.  -1 when a
 * template is missing.
 */
static int
render(struct run *r, json_t *d, json_t *mails)
{
	struct sbuf	 text, html, url;
	json_t		*job;
	const char	*nl, *subject, *lang;
	char		*subj, lp[8];
	size_t		 i;
	json_int_t	 total;

	/* The subscriber's language (kept at sign-up), its pages' prefix. */
	lang = json_string_value(json_object_get(d, "lang"));
	if (!i18n_known(lang))
		lang = lex_langs[0].code;
	json_object_set_new(d, "lang_ui", json_string(lang));
	(void)snprintf(lp, sizeof(lp), "%s%s", i18n_index(lang) ? "/" : "",
	    i18n_index(lang) ? lang : "");
	sbuf_init(&url);
	json_array_foreach(json_object_get(d, "jobs"), i, job) {
		sbuf_reset(&url);
		sbuf_printf(&url, "%s%s%s", r->base, lp, json_string_value(
		    json_object_get(job, "href")));
		json_object_set_new(job, "url", json_string(url.data));
	}
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
	json_array_append_new(mails, json_pack("{s:O, s:s, s:s, s:s, s:s}",
	    "to_addr", json_object_get(d, "email"), "subject", subject,
	    "body", nl, "html", html.data, "unsub", url.data));
	free(subj);
	sbuf_free(&text);
	sbuf_free(&html);
	sbuf_free(&url);
	return (0);
}

/*
 * One batch after alert *last, in one transaction: 1 when alerts were
 * claimed (*last moves on), 0 when none are left, -1 on failure (nothing
 * kept).
 */
static int
batch(PGconn *conn, struct run *r, int all, const char *start,
    long long *last)
{
	PGresult	*res;
	json_t		*out, *d, *mails;
	json_error_t	 jerr;
	const char	*params[4];
	char		 after[32], *dump;
	size_t		 i;
	int		 rc, queued;

	/*
	 * The planner cannot know how many alerts a batch claims or how
	 * many matches they have (it guesses one): without nested loops it
	 * hashes the batch's sets instead of scanning one per row of the
	 * other.  Index lookups are subqueries, which it keeps.
	 */
	if (db_run(conn, "alerts: begin", "BEGIN", 0, NULL) == -1)
		return (-1);
	if (db_run(conn, "alerts: plan", "SET LOCAL enable_nestloop = off", 0,
	    NULL) == -1) {
		(void)db_run(conn, "alerts: rollback", "ROLLBACK", 0, NULL);
		return (-1);
	}
	(void)snprintf(after, sizeof(after), "%lld", *last);
	params[0] = all ? "true" : "false";
	params[1] = after;
	params[2] = BATCH;
	params[3] = start;
	rc = -1;
	out = NULL;
	mails = json_array();
	if ((res = db_exec(conn, "alerts: batch", sql_batch, 4,
	    params)) == NULL)
		goto done;
	out = json_loads(PQgetvalue(res, 0, 0), 0, &jerr);
	PQclear(res);
	if (out == NULL) {
		fprintf(stderr, "alerts: match: %s\n", jerr.text);
		goto done;
	}
	json_array_foreach(json_object_get(out, "digests"), i, d)
		if (render(r, d, mails) == -1)
			goto done;
	if (json_array_size(mails) > 0) {
		dump = json_dumps(mails, JSON_COMPACT);
		params[0] = dump;
		queued = db_run(conn, "alerts: queue", sql_queue, 1, params);
		free(dump);
		if (queued == -1)
			goto done;
	}
	if (db_run(conn, "alerts: commit", "COMMIT", 0, NULL) == -1)
		goto done;
	r->claimed += json_integer_value(json_object_get(out, "claimed"));
	r->matched += json_integer_value(json_object_get(out, "matched"));
	r->queued += json_array_size(mails);
	rc = json_integer_value(json_object_get(out, "claimed")) > 0;
	if (rc == 1)
		*last = json_integer_value(json_object_get(out, "last"));
done:
	if (rc == -1 && PQstatus(conn) == CONNECTION_OK)
		(void)db_run(conn, "alerts: rollback", "ROLLBACK", 0, NULL);
	json_decref(out);
	json_decref(mails);
	return (rc);
}

/*
 * Every due alert: their searches matched once, then a batch at a time.
 * 0, or -1 at the first failure.
 */
static int
run_due(PGconn *conn, struct run *r, int all)
{
	PGresult	*res;
	const char	*params[1];
	char		 start[64];
	long long	 last;
	int		 rc;

	if (r->gc_at == 0 || now() - r->gc_at >= GC_SECONDS) {
		(void)db_run(conn, "alerts: clean up", sql_gc, 0, NULL);
		r->gc_at = now();
	}
	params[0] = all ? "true" : "false";
	if (db_run(conn, "alerts: match table", sql_match_table, 0,
	    NULL) == -1 || db_run(conn, "alerts: match table",
	    "TRUNCATE alert_match", 0, NULL) == -1 ||
	    (res = db_exec(conn, "alerts: match", sql_match, 1,
	    params)) == NULL)
		return (-1);
	(void)snprintf(start, sizeof(start), "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	last = 0;
	while (!stop && (rc = batch(conn, r, all, start, &last)) == 1)
		;
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
