/*
 * fashionjobs scrape: partner feeds in, safely.
 *
 * A run: lease one due partner (FOR UPDATE SKIP LOCKED, so scrapers on any
 * number of machines never work the same partner), open the import's
 * transaction, read the digests of the partner's stored items, open a COPY
 * into a staging table, fetch with libcurl (timeouts, size cap,
 * conditional GET) while each chunk received goes to the parser
 * (src/core/feed*.c) and each item it gives to the COPY -- only its id
 * when it was read the same way last time, otherwise normalised, whole --
 * so the feed is never held whole; then, in that same transaction, upsert
 * by (partner, external id), merge the same job seen from another partner,
 * and close what a complete feed no longer lists.
 * A failed fetch imports nothing, a partial parse closes nothing; a
 * removed posting stays removed.
 *
 * The steps live in their own files (scrape.h): fetch.c, stage.c,
 * import.c; this one leases the partner, runs them and records the run.
 */

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "core.h"
#include "feed.h"
#include "db.h"
#include "cli.h"
#include "scrape.h"


static volatile sig_atomic_t	stop;

/*
 * A lease is free when it has run out or when the backend that took it is
 * gone (its scraper was killed, or lost its connection or the server): a
 * run cut that way is recorded as interrupted by the one that takes over.
 */
static const char	sql_claim[] =
    "WITH c AS (SELECT id, lease_owner, lease_until,"
    "  lease_until >= now() AS held FROM partner WHERE enabled"
    "  AND (CASE WHEN $2::text IS NULL THEN next_run_at <= now()"
    "  ELSE name = $2 END)"
    "  AND (lease_until IS NULL OR lease_until < now() OR NOT EXISTS"
    "  (SELECT 1 FROM pg_stat_activity a WHERE a.pid = lease_backend))"
    "  ORDER BY next_run_at FOR UPDATE SKIP LOCKED LIMIT 1),"
    " i AS (INSERT INTO partner_run (partner_id, started_at, finished_at,"
    "  ok, error) SELECT id, lease_until - interval '15 minutes', now(),"
    "  false, 'interrupted: ' || coalesce(lease_owner, 'a scraper') ||"
    "  ' stopped before the run ended' FROM c WHERE held)"
    " UPDATE partner p SET lease_until = now() + interval '15 minutes',"
    " lease_owner = $1, lease_backend = pg_backend_pid() FROM c"
    " WHERE p.id = c.id"
    " RETURNING p.id, name, url, format, coalesce(map, ''), close_after,"
    " max_bytes, coalesce(etag, ''), coalesce(last_modified, '')";

static const char	sql_release[] =
    "UPDATE partner SET lease_until = NULL, lease_owner = NULL,"
    " lease_backend = NULL,"
    " next_run_at = now() + every,"
    " etag = CASE WHEN $2 THEN nullif($3, '') ELSE etag END,"
    " last_modified = CASE WHEN $2 THEN nullif($4, '') ELSE last_modified"
    " END WHERE id = $1";

static const char	sql_run[] =
    "INSERT INTO partner_run (partner_id, started_at, finished_at, ok,"
    " http_status, bytes, items_seen, items_new, items_updated,"
    " items_unchanged, items_closed, items_rejected, rejects, error)"
    " VALUES ($1, $2, now(), $3, nullif($4, '0')::int, $5, $6, $7, $8, $9,"
    " $10, $11, $12::jsonb, nullif($13, ''))";

static void	 on_signal(int);
static int	 next_due(PGconn *);
static int	 scrape_one(PGconn *, const char *, const char *, char *,
		    size_t);

/*
 * Seconds until the next enabled partner is due, 1 to FJ_SCRAPE_POLL
 * (60): new and edited partners are seen at least that often.
 */
static int
next_due(PGconn *conn)
{
	PGresult	*res;
	const char	*env, *params[1];
	char		 poll[16];
	int		 secs;

	secs = 60;
	if ((env = getenv("FJ_SCRAPE_POLL")) != NULL && atoi(env) > 0)
		secs = atoi(env) < 60 ? atoi(env) : 60;
	(void)snprintf(poll, sizeof(poll), "%d", secs);
	params[0] = poll;
	res = db_exec(conn, "scrape", "SELECT coalesce(least($1::int,"
	    " greatest(1, ceil(extract(epoch FROM min(next_run_at) -"
	    " now())))), $1::int)::int FROM partner WHERE enabled", 1, params);
	if (res != NULL)
		secs = (int)strtol(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return (secs);
}

static void
on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

void
partner_free(struct partner *p)
{
	PQclear(p->row);
}

/*
 * Claim one partner (name, or the next due one) and run it.  1: ran and
 * succeeded, 0: nothing to claim, -1: ran and failed (why in err), -2:
 * could not even claim (the database is down or refused the statement).
 */
static int
scrape_one(PGconn *conn, const char *owner, const char *name, char *err,
    size_t errlen)
{
	PGresult		*res;
	struct partner		 p;
	struct fetch		 f;
	struct feed_opts	 o;
	struct feed_result	 fr;
	struct feed_html_map	 map;
	struct stage		 r;
	enum feed_format	 fmt;
	long			 counts[4] = { 0, 0, 0, 0 };
	const char		*params[13], *cparams[2] = { owner, name };
	char			 started[64], nums[10][24], *rejects, mapfile[64];
	int			 ok, complete, fd, i;
	FILE			*mf;

	if ((res = db_exec(conn, "claim", sql_claim, 2, cparams)) == NULL) {
		(void)snprintf(err, errlen, "cannot claim a partner");
		return (-2);
	}
	if (PQntuples(res) == 0) {
		PQclear(res);
		return (0);
	}
	p.row = res;
	p.id = PQgetvalue(res, 0, 0);
	p.name = PQgetvalue(res, 0, 1);
	p.url = PQgetvalue(res, 0, 2);
	p.format = PQgetvalue(res, 0, 3);
	p.map = PQgetvalue(res, 0, 4);
	p.close_after = strtol(PQgetvalue(res, 0, 5), NULL, 10);
	p.max_bytes = strtoull(PQgetvalue(res, 0, 6), NULL, 10);
	p.etag = PQgetvalue(res, 0, 7);
	p.last_modified = PQgetvalue(res, 0, 8);
	(void)snprintf(err, errlen, "%s: ", p.name);

	res = PQexec(conn, "SELECT now()::text");
	(void)snprintf(started, sizeof(started), "%s", PQgetvalue(res, 0, 0));
	PQclear(res);

	stage_init(&r, conn);
	memset(&fr, 0, sizeof(fr));
	memset(&map, 0, sizeof(map));
	memset(&f, 0, sizeof(f));
	ok = complete = 0;

	if (feed_format_parse(p.format, &fmt) == -1) {
		(void)snprintf(err, errlen, "%s: unknown format", p.name);
		goto record;
	}
	memset(&o, 0, sizeof(o));
	o.max_bytes = p.max_bytes;
	o.max_field = FIELD_MAX;
	o.base_url = p.url;
	o.known = stage_known;
	if (fmt == FEED_HTML) {
		/* The map is stored as text; the loader reads a file. */
		(void)snprintf(mapfile, sizeof(mapfile),
		    "/tmp/fj-map.XXXXXX");
		if ((fd = mkstemp(mapfile)) == -1 ||
		    (mf = fdopen(fd, "w")) == NULL) {
			(void)snprintf(err, errlen, "%s: map file", p.name);
			goto record;
		}
		fputs(p.map, mf);
		fclose(mf);
		i = feed_html_map_load(mapfile, &map, err + strlen(err),
		    errlen - strlen(err));
		unlink(mapfile);
		if (i == -1)
			goto record;
		o.map = &map;
	}
	if (stage_begin(&r, p.id) == -1)
		goto rollback;
	f.fs = feed_stream_new(fmt, &o, stage_item, &r, &fr);
	f.stop = &r.copy_failed;
	if (fetch_feed(&p, &f, err + strlen(err), errlen - strlen(err)) == -1) {
		if (r.copy_failed)
			goto rollback;
		/* Nothing of a failed fetch is kept, not even its rejects. */
		stage_abort(conn, "fetch failed");
		r.seen = r.rejected = 0;
		json_array_clear(r.rejects);
		goto record;
	}
	if (f.status == 304) {
		/* Not modified: the validators we sent stay valid. */
		stage_abort(conn, "not modified");
		if (f.etag[0] == '\0')
			(void)snprintf(f.etag, sizeof(f.etag), "%s", p.etag);
		if (f.last_modified[0] == '\0')
			(void)snprintf(f.last_modified,
			    sizeof(f.last_modified), "%s", p.last_modified);
		if (import_same(conn, &p, counts) == -1) {
			(void)snprintf(err, errlen, "%s: not modified, but "
			    "the snapshot failed: %s", p.name,
			    PQerrorMessage(conn));
			goto record;
		}
		ok = 1;
		goto record;
	}
	complete = feed_stream_end(f.fs) == 0 && fr.complete;
	if (stage_end(&r) == -1)
		goto rollback;
	if (import_staged(&r, &p, complete, counts) == -1 ||
	    db_run(conn, "import", "COMMIT", 0, NULL) == -1)
		goto rollback;
	/* A partial feed still imports what it had, but is no success. */
	if (!complete)
		(void)snprintf(err, errlen, "%s: feed incomplete (%s): "
		    "imported %ld items, closed nothing", p.name, fr.error,
		    r.seen - r.rejected);
	ok = complete;
	if (counts[0] > 0) {
		/* Searches read the pending list linearly: merge it now. */
		PQclear(PQexec(conn, "SET maintenance_work_mem = '256MB'"));
		PQclear(PQexec(conn,
		    "SELECT gin_clean_pending_list('posting_search')"));
	}
	goto record;
rollback:
	(void)snprintf(err, errlen, "%s: import failed: %s", p.name,
	    r.error != NULL ? r.error : PQerrorMessage(conn));
	stage_abort(conn, "import failed");
	counts[0] = counts[1] = counts[2] = counts[3] = 0;
record:
	rejects = json_dumps(r.rejects, JSON_COMPACT);
	(void)snprintf(nums[0], sizeof(nums[0]), "%ld", f.status);
	(void)snprintf(nums[1], sizeof(nums[1]), "%zu", f.bytes);
	(void)snprintf(nums[2], sizeof(nums[2]), "%ld", r.seen);
	for (i = 0; i < 4; i++)
		(void)snprintf(nums[3 + i], sizeof(nums[3 + i]), "%ld",
		    counts[i]);
	(void)snprintf(nums[7], sizeof(nums[7]), "%ld", r.rejected);
	params[0] = p.id;
	params[1] = started;
	params[2] = ok ? "t" : "f";
	params[3] = nums[0];
	params[4] = nums[1];
	params[5] = nums[2];
	params[6] = nums[3];
	params[7] = nums[4];
	params[8] = nums[5];
	params[9] = nums[6];
	params[10] = nums[7];
	params[11] = rejects;
	params[12] = ok ? "" : err;
	(void)db_run(conn, "run", sql_run, 13, params);
	params[1] = ok ? "t" : "f";
	params[2] = f.etag;
	params[3] = f.last_modified;
	(void)db_run(conn, "release", sql_release, 4, params);
	printf("partner %s: %s, %ld seen, %ld new, %ld updated, "
	    "%ld unchanged, %ld closed, %ld rejected\n", p.name,
	    ok ? (f.status == 304 ? "not modified" : "ok") : "FAILED",
	    r.seen, counts[0], counts[1], counts[2], counts[3], r.rejected);
	free(rejects);
	stage_free(&r);
	feed_stream_free(f.fs);
	feed_html_map_free(&map);
	partner_free(&p);
	return (ok ? 1 : -1);
}

int
cmd_scrape(int argc, char **argv)
{
	PGconn		*conn;
	const char	*name;
	char		 owner[64], err[512];
	int		 loop, once, i, rc, failed, backoff;

	loop = once = 0;
	name = NULL;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--loop") == 0)
			loop = 1;
		else if (strcmp(argv[i], "--once") == 0)
			once = 1;
		else if (strcmp(argv[i], "--partner") == 0 && i + 1 < argc)
			name = argv[++i];
		else
			break;
	}
	if (i < argc || loop == once) {
		fprintf(stderr, "usage: fashionjobs scrape --once "
		    "[--partner NAME] | --loop\n");
		return (2);
	}
	if ((conn = db_connect()) == NULL)
		return (1);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	feed_init();
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	(void)snprintf(owner, sizeof(owner), "pid %ld", (long)getpid());
	failed = 0;
	backoff = 0;
	do {
		rc = 0;
		/*
		 * A claim that fails (-2) leaves the loop whatever was asked:
		 * it fails again at once until the database is back, and
		 * retrying it here wrote the same line at 20 MB/s.
		 */
		while (!stop && (rc = scrape_one(conn, owner, name, err,
		    sizeof(err))) != 0) {
			if (rc < 0) {
				failed++;
				fprintf(stderr, "partner %s\n", err);
			}
			if (name != NULL || rc == -2)
				break;
		}
		/*
		 * A killed holder's backend can outlive it by a moment (it
		 * rolls back first): a named partner is asked again for 2 s.
		 */
		for (i = 0; name != NULL && rc == 0 && !stop && i < 8; i++) {
			(void)nanosleep(&(struct timespec){ 0, 250000000 },
			    NULL);
			rc = scrape_one(conn, owner, name, err, sizeof(err));
			if (rc < 0) {
				failed++;
				fprintf(stderr, "partner %s\n", err);
			}
		}
		if (name != NULL && rc == 0 && !stop) {
			failed++;
			fprintf(stderr, "partner %s: no such enabled partner, "
			    "or another scraper holds it\n", name);
		}
		if (!loop || stop)
			break;
		/*
		 * The database is gone or refuses us: reconnect after 1, 2,
		 * 4 ... 30 s, one log line a try.
		 */
		if (db_outage(conn, "scrape", rc == -2, &backoff, &stop))
			continue;
		(void)expire_run(conn);
		for (i = next_due(conn); i > 0 && !stop; i--)
			sleep(1);
	} while (!stop);
	PQfinish(conn);
	curl_global_cleanup();
	return (failed ? 1 : 0);
}
