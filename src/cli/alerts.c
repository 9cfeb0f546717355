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
#include <unistd.h>

#include <curl/curl.h>

#include "core.h"
#include "assets.h"
#include "db.h"
#include "cli.h"

#define BATCH		"500"
#define JOBS_MAX	"20"	/* postings listed in one digest */
#define SUBJECT_MAX	180	/* bytes; mail_outbox allows 200 */
#define BACKOFF_MAX	300

/*
 * $1 the last alert id of this run's previous batch, $2 every alert is
 * due (--all), $3 the batch size.  A posting is new for an alert when it
 * was listed after the alert's since_at and no more than an hour before
 * its last run (an import whose transaction began before that run and
 * ended after it is not missed; alert_sent drops what was seen).
 *
 * The predicate is the search page's (jobs.c: FILTERS and WORDS), with
 * the page's parameters taken from each alert's filters: a filter given
 * but unknown (a city or company we do not know) matches nothing, as on
 * the page.  A new filter there needs its line here.
 */
static const char	sql_batch[] =
    "WITH c AS MATERIALIZED (SELECT a.id, a.filters, a.label, a.search,"
    "  a.unsub_token, greatest(coalesce(a.checked_upto, a.since_at)"
    "  - interval '1 hour', a.since_at) AS since, s.email, s.manage_token,"
    "  s.lang FROM alert a JOIN alert_subscriber s ON s.id = a.subscriber_id"
    "  WHERE a.id > $1::bigint AND a.confirmed_at IS NOT NULL"
    "  AND NOT a.paused AND ($2::boolean OR a.next_run_at <= now())"
    "  AND NOT EXISTS (SELECT 1 FROM mail_undeliverable u"
    "  WHERE u.addr_key = lower(s.email))"
    "  ORDER BY a.id LIMIT $3::int FOR UPDATE OF a SKIP LOCKED),"
    " q AS MATERIALIZED (SELECT c.id, c.since,"
    "  fj_tsquery(c.filters->>'q') AS tq,"
    "  c.filters ? 'city' AS by_city, fj_city_id(c.filters->>'city') AS cid,"
    "  c.filters->>'contract' AS contract, c.filters ? 'company' AS by_co,"
    "  (SELECT id FROM company WHERE slug = c.filters->>'company') AS coid,"
    "  c.filters->>'lang' AS lang FROM c),"
    " m AS MATERIALIZED (SELECT q.id AS alert_id, x.id AS posting_id"
    "  FROM q CROSS JOIN LATERAL (SELECT x.id FROM posting x"
    "  WHERE x.listed_at > q.since AND x.status = 'published'"
    "  AND NOT fj_expired(x.expires_at)"
    "  AND (NOT q.by_city OR x.city_id = q.cid)"
    "  AND (q.contract IS NULL OR x.contract = q.contract)"
    "  AND (NOT q.by_co OR x.company_id = q.coid)"
    "  AND (q.lang IS NULL OR x.lang = q.lang)"
    "  AND (q.tq IS NULL OR x.search @@ q.tq)) x"
    "  WHERE NOT EXISTS (SELECT 1 FROM alert_sent s"
    "  WHERE s.alert_id = q.id AND s.posting_id = x.id)),"
    " ins AS (INSERT INTO alert_sent (alert_id, posting_id)"
    "  SELECT alert_id, posting_id FROM m ON CONFLICT DO NOTHING"
    "  RETURNING alert_id, posting_id),"
    " upd AS (UPDATE alert a SET checked_upto = now(),"
    "  next_run_at = now() + CASE a.frequency"
    "  WHEN 'daily' THEN interval '1 day'"
    "  WHEN 'weekly' THEN interval '7 days' ELSE interval '0' END"
    "  FROM c WHERE a.id = c.id),"
    " r AS (SELECT i.alert_id, p, row_number() OVER (PARTITION BY i.alert_id"
    "  ORDER BY p.posted_at DESC, p.id DESC) AS rn"
    "  FROM ins i JOIN posting p ON p.id = i.posting_id),"
    " d AS (SELECT r.alert_id, count(*) AS n, json_agg(fj_card(r.p, c.lang)"
    "  ORDER BY r.rn) FILTER (WHERE r.rn <= " JOBS_MAX ") AS jobs"
    "  FROM r JOIN c ON c.id = r.alert_id GROUP BY r.alert_id)"
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

/* Links that were not confirmed in time, and what they leave behind. */
static const char	sql_gc[] =
    "WITH a AS (DELETE FROM alert WHERE confirmed_at IS NULL"
    "  AND confirm_expires < now()),"
    " s AS (DELETE FROM alert_subscriber s"
    "  WHERE created_at < now() - interval '8 days'"
    "  AND NOT EXISTS (SELECT 1 FROM alert WHERE subscriber_id = s.id)),"
    " l AS (DELETE FROM alert_signup WHERE at < now() - interval '1 day')"
    " SELECT 1";

struct run {
	struct tmpl_set	*tmpl;
	const char	*base;
	long		 claimed;
	long		 matched;
	long		 queued;
};

static volatile sig_atomic_t	stop;

static void	on_signal(int);
static int	load_templates(struct tmpl_set *);
static int	render(struct run *, json_t *, json_t *);
static int	batch(PGconn *, struct run *, int, long long *);
static int	run_due(PGconn *, struct run *, int);

static void
on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

/* The digest's templates, from the assets embedded in the binary. */
static int
load_templates(struct tmpl_set *set)
{
	const struct asset	*a;
	char			 err[256];

	for (a = assets; a->name != NULL; a++) {
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
	const char	*nl, *subject;
	char		*subj;
	size_t		 i;
	json_int_t	 total;

	sbuf_init(&url);
	json_array_foreach(json_object_get(d, "jobs"), i, job) {
		sbuf_reset(&url);
		sbuf_printf(&url, "%s%s", r->base, json_string_value(
		    json_object_get(job, "href")));
		json_object_set_new(job, "url", json_string(url.data));
	}
	total = json_integer_value(json_object_get(d, "total"));
	i = json_array_size(json_object_get(d, "jobs"));
	if ((json_int_t)i < total)
		json_object_set_new(d, "more", json_integer(total - i));
	json_object_set_new(d, "one", json_boolean(total == 1));
	sbuf_reset(&url);
	sbuf_printf(&url, "%s%s", r->base,
	    json_string_value(json_object_get(d, "search")));
	json_object_set_new(d, "search_url", json_string(url.data));
	sbuf_reset(&url);
	sbuf_printf(&url, "%s/alerts/manage?token=%s", r->base,
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
batch(PGconn *conn, struct run *r, int all, long long *last)
{
	PGresult	*res;
	json_t		*out, *d, *mails;
	json_error_t	 jerr;
	const char	*params[3];
	char		 after[32], *dump;
	size_t		 i;
	int		 rc, queued;

	if (db_run(conn, "alerts: begin", "BEGIN", 0, NULL) == -1)
		return (-1);
	(void)snprintf(after, sizeof(after), "%lld", *last);
	params[0] = after;
	params[1] = all ? "true" : "false";
	params[2] = BATCH;
	rc = -1;
	out = NULL;
	mails = json_array();
	if ((res = db_exec(conn, "alerts: match", sql_batch, 3,
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

/* Every due alert, a batch at a time: 0, or -1 at the first failure. */
static int
run_due(PGconn *conn, struct run *r, int all)
{
	long long	last;
	int		rc;

	(void)db_run(conn, "alerts: clean up", sql_gc, 0, NULL);
	last = 0;
	while (!stop && (rc = batch(conn, r, all, &last)) == 1)
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
	int		 loop, all, poll, wait, rc, sent, i;

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
		rc = run_due(conn, &r, all);
		sent = mail_send_due(conn, owner, "alert_digest", &stop);
		if (sent == -1)
			rc = -1;
		printf("alerts: %ld alerts checked, %ld new matches, %ld digests "
		    "queued, %d sent%s\n", r.claimed, r.matched, r.queued,
		    sent > 0 ? sent : 0, rc == -1 ? " (failures: see above)" :
		    "");
		fflush(stdout);
		if (!loop)
			break;
		wait = rc == -1 ? (wait * 2 > BACKOFF_MAX ? BACKOFF_MAX :
		    wait * 2) : poll;
		for (i = 0; i < wait && !stop; i++)
			sleep(1);
		if (PQstatus(conn) == CONNECTION_BAD)
			PQreset(conn);
	} while (!stop);
	PQfinish(conn);
	curl_global_cleanup();
	tmpl_set_free(r.tmpl);
	return (rc == -1 ? 1 : 0);
}
