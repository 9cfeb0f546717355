/*
 * fashionjobs partner / scrape: partner feeds in, safely.
 *
 * A run: lease one due partner (FOR UPDATE SKIP LOCKED, so scrapers on any
 * number of machines never work the same partner), open the import's
 * transaction, read the digests of the partner's stored items, open a COPY
 * into a staging table, fetch with libcurl (timeouts, size cap,
 * conditional GET) while each chunk received goes to the parser
 * (src/core/feed_*.c) and each item it gives to the COPY -- only its id
 * when it was read the same way last time, otherwise normalised, whole --
 * so the feed is never held whole; then, in that same transaction, upsert
 * by (partner, external id), merge the same job seen from another partner,
 * and close what a complete feed no longer lists.
 * A failed fetch imports nothing, a partial parse closes nothing; a
 * removed posting stays removed.
 */

#include <sys/types.h>

#include <ctype.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "core.h"
#include "feed.h"
#include "db.h"
#include "cli.h"

#define REJECTS_MAX	100
#define FIELD_MAX	8192
#define DESC_MAX	20000
#define FRESH_MAX	65536

/* One fetch; its body goes to fs as it arrives. */
struct fetch {
	CURL			*curl;
	struct feed_stream	*fs;
	const int		*stop;		/* the importer failed */
	size_t			 bytes;
	size_t			 max;
	int			 too_big;
	int			 started;	/* first body byte seen */
	int			 parsing;	/* the body is a feed */
	long			 status;
	char			 etag[256];
	char			 last_modified[128];
};

struct partner {
	char		*id, *name, *url, *format, *map, *etag, *last_modified;
	long		 close_after;
	size_t		 max_bytes;
};

struct run {
	PGconn		*conn;
	struct sbuf	 copy;
	struct sbuf	 words;		/* the description's tsvector */
	int		 words_ok;	/* the database reads words as tsv.c */
	struct srcmap	 known;		/* the partner's sources as stored */
	struct srcmap	 fresh;		/* ids of the other items, up to FRESH_MAX */
	json_t		*rejects;
	const char	*error;		/* why the import failed, if not SQL */
	long		 seen, rejected;
	int		 tty;
	int		 copy_failed;
	int		 twice;		/* an id may be listed twice */
	long		 full;		/* items sent whole */
	long		 staged;	/* rows in stage */
};

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

/*
 * The feed as read.  Rows of up to 8 KB are kept whole: with the
 * descriptions' vectors many pass 2 KB, and compressing them (pglz) took
 * 13% of a first import.
 */
static const char	sql_stage[] =
    "CREATE TEMP TABLE stage (ext_id text, url text, company_raw text,"
    " company_name text, company_key text, company_slug text,"
    " company_conf boolean, title_raw text, title text, slug text,"
    " contract_raw text, city_raw text, country text, description text,"
    " email text, date_raw text, expires_raw text, lang text, hash text,"
    " raw bigint, described tsvector) WITH (toast_tuple_target = 8160)"
    " ON COMMIT DROP";

/*
 * stage's columns, in the binary COPY: text but for company_conf (boolean),
 * raw (the digest as read, bigint) and described (tsvector, the last).
 */
#define STAGE_COLUMNS	21
#define STAGE_CONF	6
#define STAGE_RAW	19

/*
 * Before the staging table: the session's settings for an import.  Temporary
 * tables live in temp_buffers, 8 MB by default: the staged feed and its
 * derived tables (about 300 MB for 100 000 items) were written out to disk
 * and read back.  It can only be set before the session's first temporary
 * table, so it is set for the session, the same value every run.  Hash
 * joins and DISTINCT over 100 000 items fit in work_mem.  A commit that
 * is lost to a crash is lost as a whole (the run is done again), so it
 * need not wait for the WAL flush.
 */
static const char	*sql_begin[] = {
	"SET temp_buffers = '256MB'",
	"BEGIN",
	"SET LOCAL work_mem = '256MB'",
	"SET LOCAL synchronous_commit = off",
	"SET LOCAL jit = off",
	sql_stage,
};

/*
 * Temporary tables have no statistics until analysed, and the rows this
 * transaction adds to posting_source are not in its statistics either:
 * without ANALYZE the planner nests loops over 100 000 rows (minutes).
 * Only the join column is analysed.  An index on it is not used (every
 * join with stage is a hash join) and cost 40 to 50 ms.
 */
static const char	sql_stage_ready[] = "ANALYZE stage (ext_id)";

/* When some id may be listed twice: the last copy of an item wins. */
static const char	sql_twice[] =
    "DELETE FROM stage a USING stage b WHERE a.ext_id = b.ext_id"
    " AND a.ctid < b.ctid";

/*
 * The statements of one import, in order; $1, where used, is the partner.
 * The first group runs on every item; the second only when some item is
 * new, changed or was missed before (todo is not empty): an unchanged
 * re-run is the first group alone.
 */
static const char	*sql_import[] = {
	/*
	 * What needs resolving: new, changed or previously missed items.  An
	 * item sent as only seen again is compared by its digest as read:
	 * it is here only if its source changed since the digests were read.
	 * The description and its vector stay in stage, joined where they
	 * are written (below).
	 */
	"CREATE TEMP TABLE todo ON COMMIT DROP"
	" AS SELECT s.ext_id, s.url, s.company_raw, s.company_name,"
	" s.company_key, s.company_slug, s.company_conf, s.title_raw, s.title,"
	" s.slug, s.contract_raw, s.city_raw, s.country, s.email, s.date_raw,"
	" s.expires_raw, s.lang, s.hash, s.raw, src.posting_id,"
	" src.content_hash AS old_hash"
	" FROM stage s LEFT JOIN posting_source src ON src.partner_id = $1"
	" AND src.external_id = s.ext_id WHERE src.external_id IS NULL"
	" OR src.missed_runs > 0 OR CASE WHEN s.title IS NULL"
	" THEN src.raw_hash IS DISTINCT FROM s.raw"
	" ELSE src.content_hash <> s.hash END",
	NULL,
	"INSERT INTO company (key, name, slug, is_confidential)"
	" SELECT DISTINCT ON (company_key) company_key, company_name,"
	" company_slug, company_conf FROM todo"
	" ORDER BY company_key ON CONFLICT DO NOTHING",
	/*
	 * Keys of the distinct spellings only: a feed names few cities.
	 * The item's country when it is an ISO code, else the partner's,
	 * narrows a gazetteer look-up (migration 0056): "Nola" in IT.
	 */
	"SELECT fj_city_ensure(city_raw, coalesce(country, (SELECT pa.country"
	" FROM partner pa WHERE pa.id = $1))) FROM (SELECT DISTINCT ON"
	" (fj_key(city_raw)) city_raw, CASE WHEN length(country) = 2"
	" THEN upper(country) END AS country FROM (SELECT DISTINCT city_raw,"
	" country FROM todo) d WHERE NOT EXISTS (SELECT 1 FROM city_alias a"
	" WHERE a.key = fj_key(d.city_raw)) ORDER BY fj_key(city_raw),"
	" (length(d.country) = 2) DESC NULLS LAST) u",
	/*
	 * Everything a posting needs, resolved.  Contract labels, city
	 * spellings and titles repeat across items: each is keyed once per
	 * distinct value (a title 16 000 times for 100 000 items, not
	 * 100 000).  The title's key is MATERIALIZED: inlined, the planner
	 * computes it in the schedule lookup once per lexicon entry, 17
	 * times per item (and 100 times before it was kept in a table: 23 s
	 * for 100 000 items).
	 */
	"CREATE TEMP TABLE res ON COMMIT DROP"
	" AS"
	" WITH lk AS (SELECT l.contract_raw, k.contract, k.schedule FROM"
	"  (SELECT DISTINCT contract_raw FROM todo) l,"
	"  LATERAL fj_contract(l.contract_raw) k),"
	" sched AS MATERIALIZED (SELECT ' ' || x.key || ' ' AS k, x.priority,"
	"  x.code FROM contract_lexicon x JOIN contract_type t USING (code)"
	"  WHERE t.axis = 'schedule'),"
	" ck AS (SELECT d.city_raw, a.city_id FROM (SELECT DISTINCT city_raw"
	"  FROM todo) d LEFT JOIN city_alias a ON a.key = fj_key(d.city_raw)),"
	" tk AS MATERIALIZED (SELECT d.title,"
	"  ' ' || fj_key(d.title) || ' ' AS tkey"
	"  FROM (SELECT DISTINCT title FROM todo) d)"
	" SELECT t.ext_id, t.url, t.company_raw, t.company_key, t.title_raw,"
	" t.title, t.slug, t.contract_raw, t.city_raw, t.country, t.email,"
	" t.lang, t.hash, t.raw, t.posting_id, t.old_hash,"
	" tk.tkey, co.id AS company_id, co.name AS co_name,"
	" c.id AS city_id, coalesce(c.name, '') AS city_name,"
	" coalesce(c.country, CASE WHEN length(t.country) = 2"
	"  THEN upper(t.country) END, (SELECT pa.country FROM partner pa"
	"  WHERE pa.id = $1)) AS country2,"
	" lk.contract, CASE WHEN lk.schedule <> 'unknown' THEN lk.schedule"
	"  ELSE coalesce((SELECT sc.code FROM sched sc WHERE"
	"  strpos(tk.tkey, sc.k) > 0 ORDER BY sc.priority LIMIT 1), 'unknown')"
	"  END AS schedule,"
	" coalesce(fj_parse_date(t.date_raw), now()) AS posted,"
	" fj_parse_date(t.expires_raw) AS expires"
	" FROM todo t JOIN company co ON co.key = t.company_key"
	" JOIN lk ON lk.contract_raw = t.contract_raw"
	" JOIN ck ON ck.city_raw = t.city_raw JOIN tk ON tk.title = t.title"
	" LEFT JOIN city c ON c.id = ck.city_id",
	"CREATE INDEX ON res (ext_id)",
	"ANALYZE res (ext_id, posting_id)",
	/*
	 * Changed: new values, same posting; a moderator's removal stays.
	 * Only the posting's first source rewrites it, and never a posting a
	 * recruiter wrote.
	 */
	"UPDATE posting p SET title = r.title, title_raw = r.title_raw,"
	" slug = r.slug, company_id = r.company_id, company_name = r.co_name,"
	" company_raw = r.company_raw, contract = r.contract,"
	" schedule = r.schedule, contract_raw = r.contract_raw,"
	" city_id = r.city_id, city_name = r.city_name, city_raw = r.city_raw,"
	" country = r.country2, description = d.description,"
	" apply_url = r.url, apply_email = r.email, lang = r.lang,"
	" expires_at = r.expires, updated_at = now(),"
	" search = fj_search_vector(r.title, r.co_name, r.city_name,"
	"  r.city_raw, d.description, d.described)"
	" FROM res r JOIN stage d ON d.ext_id = r.ext_id"
	" WHERE p.id = r.posting_id AND r.old_hash <> r.hash"
	" AND p.source = 'partner' AND p.partner_id = $1",
	"UPDATE posting_source src SET content_hash = r.hash, raw_hash = r.raw,"
	" url = r.url,"
	" seen_at = now(), missed_runs = 0 FROM res r"
	" WHERE src.partner_id = $1 AND src.external_id = r.ext_id"
	" AND (r.old_hash <> r.hash OR src.missed_runs > 0)",
	/* Back in the feed after being closed for missing: open again. */
	"UPDATE posting p SET status = 'published', closed_at = NULL,"
	" updated_at = now() FROM res r WHERE p.id = r.posting_id"
	" AND p.status = 'closed' AND p.source = 'partner'",
	/*
	 * New here, but the same job from another partner: one posting.  A
	 * recruiter's own posting is never taken over by a feed (the feed
	 * would rewrite and close it).  Only the matches are written: setting
	 * every new item's posting_id to NULL again rewrote all of res.
	 */
	"UPDATE res r SET posting_id = m.id FROM (SELECT n.ext_id,"
	" (SELECT p.id FROM posting p WHERE p.company_id = n.company_id"
	" AND fj_key(p.title) = btrim(n.tkey) AND p.city_id = n.city_id"
	" AND p.status IN ('published', 'pending') AND p.source = 'partner'"
	" ORDER BY p.id LIMIT 1) AS id FROM res n WHERE n.posting_id IS NULL"
	" AND n.city_id IS NOT NULL) m WHERE m.id IS NOT NULL"
	" AND r.ext_id = m.ext_id",
	/*
	 * New rows go to the full-text index's pending list, which is
	 * merged in bulk after the commit (below) rather than every 4 MB
	 * during the insert: half the time of a 100 000-item first run.
	 * Their sources are inserted in the same statement, from what the
	 * insert returns, instead of writing each new id back into res first.
	 */
	"SET LOCAL gin_pending_list_limit = '256MB'",
	"WITH ins AS (INSERT INTO posting (company_id, company_name,"
	" company_raw, title, title_raw, slug, contract, schedule,"
	" contract_raw, city_id, city_name, city_raw, country, description,"
	" apply_url, apply_email, lang, status, posted_at, expires_at,"
	" updated_at, source, partner_id, external_id, search)"
	" SELECT r.company_id, r.co_name, r.company_raw, r.title,"
	" r.title_raw, r.slug, r.contract, r.schedule, r.contract_raw,"
	" r.city_id, r.city_name, r.city_raw, r.country2, d.description,"
	" r.url, r.email, r.lang,"
	" CASE WHEN fj_expired(r.expires) THEN 'expired' ELSE 'published' END,"
	" r.posted, r.expires, now(), 'partner', $1, r.ext_id,"
	" fj_search_vector(r.title, r.co_name, r.city_name, r.city_raw,"
	"  d.description, d.described)"
	" FROM res r JOIN stage d ON d.ext_id = r.ext_id"
	" WHERE r.posting_id IS NULL RETURNING id, external_id)"
	" INSERT INTO posting_source (partner_id, external_id, posting_id,"
	" url, content_hash, raw_hash) SELECT $1, r.ext_id,"
	" coalesce(r.posting_id, ins.id), r.url, r.hash, r.raw FROM res r"
	" LEFT JOIN ins"
	" ON ins.external_id = r.ext_id WHERE r.old_hash IS NULL",
	/* The typo list learns the new postings' words (migration 0034). */
	"SELECT fj_add_words(format('SELECT p.search FROM res r JOIN posting p"
	" ON p.partner_id = %s AND p.external_id = r.ext_id"
	" WHERE r.posting_id IS NULL AND p.status = ''published''', $1::int))",
};

#define SQL_SNAPSHOT	"UPDATE partner SET snapshot_at = now() WHERE id = $1"

/*
 * Only after a complete, non-empty feed, a snapshot: what it no longer
 * lists is missed, and everything else was seen now, which is written
 * once on the partner, not on each source (migration 0039).  A source
 * missed for the first time keeps the time it was last seen: the previous
 * snapshot's, read in the same statement, or its own if later.
 */
static const char	sql_missed[] =
    "WITH m AS (UPDATE posting_source src SET missed_runs ="
    " src.missed_runs + 1, seen_at = CASE WHEN src.missed_runs = 0"
    " THEN greatest(src.seen_at, pa.snapshot_at) ELSE src.seen_at END"
    " FROM partner pa WHERE pa.id = $1 AND src.partner_id = $1"
    " AND NOT EXISTS (SELECT 1 FROM stage s"
    " WHERE s.ext_id = src.external_id)) " SQL_SNAPSHOT;

/*
 * Any other import misses nothing, so the snapshot stays as it was: the
 * unchanged items it lists are marked seen one by one.
 */
static const char	sql_seen[] =
    "UPDATE posting_source src SET seen_at = now(), missed_runs = 0"
    " FROM stage s WHERE src.partner_id = $1 AND src.external_id = s.ext_id"
    " AND (src.content_hash = s.hash OR src.raw_hash = s.raw)";

/*
 * An item sent whole that turned out unchanged (same content hash) was
 * read differently (its digest changed: spacing, markup, or the first run
 * since digests are kept): its digest is kept, so that next time it is
 * only seen again.
 */
static const char	sql_redigest[] =
    "UPDATE posting_source src SET raw_hash = s.raw FROM stage s"
    " WHERE src.partner_id = $1 AND src.external_id = s.ext_id"
    " AND s.title IS NOT NULL AND src.content_hash = s.hash"
    " AND src.missed_runs = 0 AND src.raw_hash IS DISTINCT FROM s.raw";

/*
 * The sources the feed's unchanged items can match, by the digest of the
 * item as it was read (feed_opts.known): those seen by the last
 * snapshot.  One missed before is imported in full (it may reopen its
 * posting).  Read inside the import's transaction, with the partner
 * leased: no other run writes them meanwhile.  Each row carries their
 * number, to size the map: one scan, not a count and then the rows.
 */
static const char	sql_known[] =
    "DECLARE known NO SCROLL CURSOR FOR SELECT external_id, raw_hash,"
    " count(*) OVER () FROM posting_source WHERE partner_id = $1"
    " AND missed_runs = 0 AND raw_hash IS NOT NULL";

static const char	sql_close[] =
    "WITH c AS (UPDATE posting p SET status = 'closed', closed_at = now(),"
    " updated_at = now() FROM (SELECT DISTINCT posting_id FROM"
    " posting_source WHERE partner_id = $1 AND missed_runs >= $2::int) m"
    " WHERE p.id = m.posting_id AND p.status = 'published'"
    " AND p.source = 'partner' AND NOT EXISTS"
    " (SELECT 1 FROM posting_source o JOIN partner pa ON pa.id ="
    " o.partner_id WHERE o.posting_id = p.id AND o.missed_runs <"
    " pa.close_after) RETURNING 1) SELECT count(*) FROM c";

/*
 * A 304 answers our validators, which are those of the partner's last
 * successful run that was not a 304: the feed is that run's again.  If
 * that run was a snapshot (complete, with items it did not reject), the
 * 304 is one more complete run that sees the same items: each source
 * missed (missed_runs > 0) is missed once more, every other one was seen
 * now (snapshot_at), and nothing is read or rewritten.
 */
static const char	sql_same_snapshot[] =
    "SELECT coalesce((SELECT items_seen > items_rejected FROM partner_run"
    " WHERE partner_id = $1 AND ok AND http_status IS DISTINCT FROM 304"
    " ORDER BY started_at DESC, id DESC LIMIT 1), false)";

static const char	sql_missed_again[] =
    "WITH m AS (UPDATE posting_source SET missed_runs = missed_runs + 1"
    " WHERE partner_id = $1 AND missed_runs > 0) " SQL_SNAPSHOT;

/*
 * After todo: is there anything to resolve; is there an item sent as only
 * seen again that must not be (its source changed since it was read: it
 * has no values to resolve); and how many of the partner's sources the
 * feed does not list (each staged id that is not new is one of them).
 * $2, here and in sql_counts, is the number of rows in stage, known
 * without counting them (a scan of every staged description: 0.2 to 0.4 s
 * for 100 000 new items).
 */
static const char	sql_todo_state[] =
    "SELECT EXISTS (SELECT 1 FROM todo),"
    " EXISTS (SELECT 1 FROM todo WHERE title IS NULL),"
    " (SELECT count(*) FROM posting_source WHERE partner_id = $1)"
    " - $2::bigint + (SELECT count(*) FROM todo WHERE old_hash IS NULL)";

/* New, updated, unchanged; res may not exist (nothing to resolve). */
static const char	sql_counts[] =
    "SELECT count(*) FILTER (WHERE old_hash IS NULL),"
    " count(*) FILTER (WHERE old_hash <> hash),"
    " $1::bigint - count(*) FILTER (WHERE old_hash IS NULL"
    " OR old_hash <> hash) FROM todo";

/*
 * Every posting shown has a country: from its city when we know the
 * city, else the item's own.  An item with neither is rejected, with its
 * reason, rather than shown without one (Google requires addressCountry).
 * Run once res exists; such an item is left out of todo's counts too.
 */
static const char	sql_no_country[] =
    "WITH d AS (DELETE FROM res WHERE country2 IS NULL"
    " RETURNING ext_id, title_raw, city_raw),"
    " t AS (DELETE FROM todo USING d WHERE todo.ext_id = d.ext_id)"
    " SELECT ext_id, title_raw, city_raw FROM d";

static const char	sql_expire[] =
    "UPDATE posting SET status = 'expired', updated_at = now()"
    " WHERE status = 'published' AND fj_expired(expires_at)";

static void	 on_signal(int);
#define BACKOFF_MAX	30	/* seconds between reconnects, at most */

static int	 next_due(PGconn *);
static int	 reject_no_country(struct run *);
static int	 parse_bytes(const char *, char *, size_t);
static size_t	 fetch_write(char *, size_t, size_t, void *);
static size_t	 fetch_header(char *, size_t, size_t, void *);
static int	 fetch(const struct partner *, struct fetch *, char *, size_t);
static void	 copy_abort(PGconn *, const char *);
static int	 known_load(PGconn *, const char *, struct srcmap *);
static uint64_t	 fnv1a(uint64_t, const char *);
static const char *guess_lang(const struct feed_item *);
static const char *item_reject(const struct feed_item *);
static const char *item_id(const struct feed_item *, char *, size_t);
static int	 row_done(struct run *);
static int	 on_known(const struct feed_item *, void *);
static int	 on_item(const struct feed_item *, void *);
static int	 import(struct run *, const struct partner *, int, long *);
static int	 import_same(PGconn *, const struct partner *, long *);
static int	 scrape_one(PGconn *, const char *, const char *, char *,
		    size_t);
static int	 partner_add(PGconn *, int, char **);
static void	 partner_free(struct partner *);
static int	 check_item(const struct feed_item *, void *);

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
static int
fetch(const struct partner *p, struct fetch *f, char *err, size_t errlen)
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

/*
 * End the import's transaction with nothing kept: a COPY still open is
 * failed first (a ROLLBACK sent inside it would be taken as data).
 */
static void
copy_abort(PGconn *conn, const char *why)
{
	PGresult	*res;

	if (PQtransactionStatus(conn) == PQTRANS_IDLE)
		return;
	if ((res = PQgetResult(conn)) != NULL &&
	    PQresultStatus(res) == PGRES_COPY_IN)
		(void)PQputCopyEnd(conn, why);
	PQclear(res);
	while ((res = PQgetResult(conn)) != NULL)
		PQclear(res);
	PQclear(PQexec(conn, "ROLLBACK"));
}

/*
 * The partner's sources seen by its last snapshot, with the digests of
 * their items as read, into m (zeroed by the caller, made here; the caller
 * frees it with srcmap_free), through a cursor so that the client holds
 * 10 000 rows at a time.
 */
static int
known_load(PGconn *conn, const char *partner, struct srcmap *m)
{
	PGresult		*res;
	const char		*params[1] = { partner };
	int			 i, n;

	if (db_run(conn, "import", sql_known, 1, params) == -1)
		return (-1);
	do {
		if ((res = db_exec(conn, "import", "FETCH 10000 FROM known", 0,
		    NULL)) == NULL)
			return (-1);
		n = PQntuples(res);
		if (m->slots == NULL)
			srcmap_init(m, n > 0 ? strtoull(PQgetvalue(res, 0, 2),
			    NULL, 10) : 0);
		for (i = 0; i < n; i++)
			if (srcmap_add(m, PQgetvalue(res, i, 0), (uint64_t)
			    strtoll(PQgetvalue(res, i, 1), NULL, 10)) == -1)
				break;
		PQclear(res);
	} while (n > 0);
	return (db_run(conn, "import", "CLOSE known", 0, NULL));
}

/* FNV-1a 64: a stable id for items without one (their URL). */
static uint64_t
fnv1a(uint64_t h, const char *s)
{
	if (s == NULL)
		return (h);
	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return (h * 0x100000001b3ULL);
}

/* The item's language, or one guessed from its country; English else. */
static const char *
guess_lang(const struct feed_item *it)
{
	static const struct {
		const char	*prefix, *lang;
	} tab[] = {
		{ "it", "it" }, { "fr", "fr" }, { "de", "de" }, { "en", "en" },
		{ "es", "es" },
	}, countries[] = {
		{ "it", "it" }, { "ital", "it" }, { "fr", "fr" }, { "mc", "fr" },
		{ "de", "de" }, { "germ", "de" }, { "deut", "de" }, { "at", "de" },
		{ "es", "es" }, { "spa", "es" },
	};
	size_t	i;

	for (i = 0; it->lang != NULL && i < sizeof(tab) / sizeof(tab[0]); i++)
		if (strncasecmp(it->lang, tab[i].prefix, 2) == 0)
			return (tab[i].lang);
	for (i = 0; it->country != NULL &&
	    i < sizeof(countries) / sizeof(countries[0]); i++)
		if (strncasecmp(it->country, countries[i].prefix,
		    strlen(countries[i].prefix)) == 0)
			return (countries[i].lang);
	return ("en");
}

/* Why an item cannot be imported, or NULL. */
static const char *
item_reject(const struct feed_item *it)
{
	if (it->title == NULL || *it->title == '\0')
		return ("no title");
	if (it->company == NULL || *it->company == '\0')
		return ("no company");
	return (NULL);
}

/*
 * The item's external id.  No id: the URL identifies the item; a listing
 * without links is identified by what it shows (company, title, city),
 * written into ext.
 */
static const char *
item_id(const struct feed_item *it, char *ext, size_t extlen)
{
	if (it->external_id != NULL && *it->external_id != '\0')
		return (it->external_id);
	if (it->url != NULL && *it->url != '\0')
		(void)snprintf(ext, extlen, "url:%016llx",
		    (unsigned long long)fnv1a(0xcbf29ce484222325ULL, it->url));
	else
		(void)snprintf(ext, extlen, "key:%016llx",
		    (unsigned long long)fnv1a(fnv1a(fnv1a(
		    0xcbf29ce484222325ULL, it->company), it->title), it->city));
	return (ext);
}

/* A row is in the COPY buffer: send the buffer when it is full. */
static int
row_done(struct run *r)
{
	r->staged++;
	if (r->copy.len > (1 << 20)) {
		if (PQputCopyData(r->conn, r->copy.data, (int)r->copy.len) !=
		    1) {
			r->copy_failed = 1;
			return (-1);
		}
		sbuf_reset(&r->copy);
	}
	if (r->tty && r->seen % 10000 == 0)
		fprintf(stderr, "\r%ld items", r->seen);
	return (0);
}

/*
 * Each item before its description is cleaned (feed_opts.known): one read
 * exactly as its stored source was (same digest) is only seen again, and
 * goes no further.  Its row carries the id and the digest and no values:
 * the import checks that it matches a stored source before it resolves
 * anything.  Whether an id comes twice is worked out here too, until the
 * answer is "maybe": a new id that no longer fits in fresh may be one of
 * those it does not hold.
 */
static int
on_known(const struct feed_item *it, void *arg)
{
	struct run		*r = arg;
	enum srcmap_state	 st;
	const char		*id;
	char			 ext[32];
	int			 again, i;

	if (item_reject(it) != NULL)
		return (0);
	id = item_id(it, ext, sizeof(ext));
	st = srcmap_see(&r->known, id, it->digest, &again);
	if (!r->twice && (again || (st == SRCMAP_NEW &&
	    srcmap_once(&r->fresh, id) != 1)))
		r->twice = 1;
	if (st != SRCMAP_SAME)
		return (0);
	r->seen++;
	/* Its id and digest; the other 19 columns NULL. */
	db_bin_row(&r->copy, STAGE_COLUMNS);
	db_bin_text(&r->copy, id);
	for (i = 1; i < STAGE_COLUMNS; i++) {
		if (i == STAGE_RAW)
			db_bin_int8(&r->copy, (long long)it->digest);
		else
			db_bin_text(&r->copy, NULL);
	}
	return (row_done(r) == -1 ? -1 : 1);
}

/* Each item on_known let through: normalised, and sent whole. */
static int
on_item(const struct feed_item *it, void *arg)
{
	struct run		*r = arg;
	struct norm_company	 co;
	const char		*reason, *f[STAGE_RAW];
	char			*title, *slug, *cslug, ext[32], hash[32];
	uint64_t		 h;
	size_t			 i;

	r->seen++;
	if ((reason = item_reject(it)) != NULL) {
		r->rejected++;
		if (json_array_size(r->rejects) < REJECTS_MAX)
			json_array_append_new(r->rejects, json_pack(
			    "{s:s?, s:s?, s:s}", "external_id",
			    it->external_id, "title", it->title,
			    "reason", reason));
		return (0);
	}
	h = 0xcbf29ce484222325ULL;
	h = fnv1a(fnv1a(fnv1a(h, it->title), it->company), it->contract);
	h = fnv1a(fnv1a(fnv1a(h, it->city), it->country), it->description);
	h = fnv1a(fnv1a(fnv1a(h, it->url), it->email), it->expires);
	h = fnv1a(fnv1a(h, it->date), it->lang);
	(void)snprintf(hash, sizeof(hash), "%016llx", (unsigned long long)h);

	norm_company(it->company, &co);
	title = norm_title(it->title);
	slug = text_slug(title);
	cslug = text_slug(co.key);
	f[0] = item_id(it, ext, sizeof(ext));
	f[1] = it->url;
	f[2] = it->company;
	f[3] = co.display;
	f[4] = co.key;
	f[5] = cslug;
	f[STAGE_CONF] = NULL;	/* a boolean, sent below */
	f[7] = it->title;
	f[8] = title;
	f[9] = slug;
	f[10] = it->contract ? it->contract : "";
	f[11] = it->city ? it->city : "";
	f[12] = it->country;
	f[13] = it->description ? it->description : "";
	f[14] = it->email;
	f[15] = it->date;
	f[16] = it->expires;
	f[17] = guess_lang(it);
	f[18] = hash;
	db_bin_row(&r->copy, STAGE_COLUMNS);
	for (i = 0; i < STAGE_RAW; i++) {
		if (i == STAGE_CONF)
			db_bin_bool(&r->copy, co.confidential);
		else
			db_bin_text(&r->copy, f[i]);
	}
	db_bin_int8(&r->copy, (long long)it->digest);
	/* Its words, unless only PostgreSQL's parser can tell (tsv.c). */
	sbuf_reset(&r->words);
	if (r->words_ok && tsv_binary(f[13], &r->words) == 0)
		db_bin_field(&r->copy, r->words.data, r->words.len);
	else
		db_bin_text(&r->copy, NULL);
	free(title);
	free(slug);
	free(cslug);
	norm_company_free(&co);
	r->full++;
	return (row_done(r));
}

/* Items whose country cannot be known: out of the import, as rejects. */
static int
reject_no_country(struct run *r)
{
	PGresult	*res;
	char		 why[200];
	const char	*city;
	int		 i, n;

	if ((res = db_exec(r->conn, "import", sql_no_country, 0,
	    NULL)) == NULL)
		return (-1);
	n = PQntuples(res);
	for (i = 0; i < n; i++) {
		city = PQgetvalue(res, i, 2);
		if (*city != '\0')
			(void)snprintf(why, sizeof(why), "no country: the "
			    "city \"%.100s\" is not one we know and the item "
			    "gives no country", city);
		else
			(void)snprintf(why, sizeof(why), "no country: the "
			    "item gives no city and no country");
		r->rejected++;
		if (json_array_size(r->rejects) < REJECTS_MAX)
			json_array_append_new(r->rejects, json_pack(
			    "{s:s, s:s, s:s}", "external_id",
			    PQgetvalue(res, i, 0), "title",
			    PQgetvalue(res, i, 1), "reason", why));
	}
	PQclear(res);
	return (0);
}

/*
 * The staged items into postings, in the caller's transaction.  counts:
 * new, updated, unchanged, closed.  Closes only when complete.
 */
static int
import(struct run *r, const struct partner *p, int complete, long *counts)
{
	PGresult	*res;
	const char	*params[2] = { p->id, NULL };
	char		 close_after[16], staged[24];
	const char	*counted[1] = { staged };
	size_t		 i;
	long		 missing;
	int		 more, stale;

	if (db_run(r->conn, "import", sql_stage_ready, 0, NULL) == -1)
		return (-1);
	if (r->twice) {
		if ((res = db_exec(r->conn, "import", sql_twice, 0,
		    NULL)) == NULL)
			return (-1);
		r->staged -= strtol(PQcmdTuples(res), NULL, 10);
		PQclear(res);
	}
	(void)snprintf(staged, sizeof(staged), "%ld", r->staged);
	if (r->full > 0 && db_run(r->conn, "import", sql_redigest, 1,
	    params) == -1)
		return (-1);
	missing = 0;
	for (i = 0; i < sizeof(sql_import) / sizeof(sql_import[0]); i++) {
		if (sql_import[i] == NULL) {
			/* The end of the first group. */
			params[1] = staged;
			if ((res = db_exec(r->conn, "import", sql_todo_state, 2,
			    params)) == NULL)
				return (-1);
			params[1] = NULL;
			more = PQgetvalue(res, 0, 0)[0] == 't';
			stale = PQgetvalue(res, 0, 1)[0] == 't';
			missing = strtol(PQgetvalue(res, 0, 2), NULL, 10);
			PQclear(res);
			if (stale) {
				r->error = "the partner's sources changed "
				    "during the run";
				return (-1);
			}
			if (!more)
				break;
			continue;
		}
		if (db_run(r->conn, "import", sql_import[i],
		    strstr(sql_import[i], "$1") != NULL, params) == -1)
			return (-1);
		if (strncmp(sql_import[i], "CREATE INDEX ON res", 19) == 0 &&
		    reject_no_country(r) == -1)
			return (-1);
	}
	if ((res = db_exec(r->conn, "import", sql_counts, 1,
	    counted)) == NULL)
		return (-1);
	for (i = 0; i < 3; i++)
		counts[i] = strtol(PQgetvalue(res, 0, (int)i), NULL, 10);
	PQclear(res);
	counts[3] = 0;
	/* A feed whose every item was rejected has changed shape: keep all. */
	if (!complete || r->seen - r->rejected == 0)
		return (db_run(r->conn, "import", sql_seen, 1, params));
	/*
	 * Every source listed: none is missed, so none can close (a source
	 * at close_after is one the feed has just missed again).
	 */
	if (missing == 0)
		return (db_run(r->conn, "import", SQL_SNAPSHOT, 1, params));
	if (db_run(r->conn, "import", sql_missed, 1, params) == -1)
		return (-1);
	(void)snprintf(close_after, sizeof(close_after), "%ld",
	    p->close_after);
	params[1] = close_after;
	if ((res = db_exec(r->conn, "import", sql_close, 2, params)) == NULL)
		return (-1);
	counts[3] = strtol(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return (0);
}

/*
 * A 304: the last snapshot seen again, in its own transaction (the
 * import's was rolled back).  counts[3]: how many postings it closed.
 */
static int
import_same(PGconn *conn, const struct partner *p, long *counts)
{
	PGresult	*res;
	const char	*params[2] = { p->id, NULL };
	char		 close_after[16];
	int		 same;

	if (db_run(conn, "not modified", "BEGIN", 0, NULL) == -1)
		return (-1);
	if ((res = db_exec(conn, "not modified", sql_same_snapshot, 1,
	    params)) == NULL)
		goto fail;
	same = PQgetvalue(res, 0, 0)[0] == 't';
	PQclear(res);
	if (same) {
		if (db_run(conn, "not modified", sql_missed_again, 1,
		    params) == -1)
			goto fail;
		(void)snprintf(close_after, sizeof(close_after), "%ld",
		    p->close_after);
		params[1] = close_after;
		if ((res = db_exec(conn, "not modified", sql_close, 2,
		    params)) == NULL)
			goto fail;
		counts[3] = strtol(PQgetvalue(res, 0, 0), NULL, 10);
		PQclear(res);
	}
	if (db_run(conn, "not modified", "COMMIT", 0, NULL) == -1)
		goto fail;
	return (0);
fail:
	PQclear(PQexec(conn, "ROLLBACK"));
	counts[3] = 0;
	return (-1);
}

static void
partner_free(struct partner *p)
{
	free(p->id);
	free(p->name);
	free(p->url);
	free(p->format);
	free(p->map);
	free(p->etag);
	free(p->last_modified);
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
	struct run		 r;
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
	p.id = xstrdup(PQgetvalue(res, 0, 0));
	p.name = xstrdup(PQgetvalue(res, 0, 1));
	p.url = xstrdup(PQgetvalue(res, 0, 2));
	p.format = xstrdup(PQgetvalue(res, 0, 3));
	p.map = xstrdup(PQgetvalue(res, 0, 4));
	p.close_after = strtol(PQgetvalue(res, 0, 5), NULL, 10);
	p.max_bytes = strtoull(PQgetvalue(res, 0, 6), NULL, 10);
	p.etag = xstrdup(PQgetvalue(res, 0, 7));
	p.last_modified = xstrdup(PQgetvalue(res, 0, 8));
	PQclear(res);
	(void)snprintf(err, errlen, "%s: ", p.name);

	res = PQexec(conn, "SELECT now()::text");
	(void)snprintf(started, sizeof(started), "%s", PQgetvalue(res, 0, 0));
	PQclear(res);

	memset(&r, 0, sizeof(r));
	r.conn = conn;
	r.rejects = json_array();
	r.tty = isatty(2);
	sbuf_init(&r.copy);
	sbuf_init(&r.words);
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
	o.known = on_known;
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
	/*
	 * Items are COPYed as they are parsed, while the feed arrives: the
	 * transaction and the COPY are open before the fetch.
	 */
	for (i = 0; i < (int)(sizeof(sql_begin) / sizeof(sql_begin[0])); i++)
		if (db_run(conn, "import", sql_begin[i], 0, NULL) == -1)
			goto rollback;
	if (known_load(conn, p.id, &r.known) == -1)
		goto rollback;
	if ((r.words_ok = db_words_ok(conn, "import")) == -1)
		goto rollback;
	srcmap_init(&r.fresh, FRESH_MAX);
	/*
	 * Binary: PostgreSQL reads the descriptions' vectors several times
	 * faster so (the COPY of 100 000 items: 3.3 s in text, 1.0 s).
	 */
	res = PQexec(conn, "COPY stage FROM STDIN WITH (FORMAT binary)");
	if (PQresultStatus(res) != PGRES_COPY_IN) {
		PQclear(res);
		goto rollback;
	}
	PQclear(res);
	db_bin_header(&r.copy);
	f.fs = feed_stream_new(fmt, &o, on_item, &r, &fr);
	f.stop = &r.copy_failed;
	if (fetch(&p, &f, err + strlen(err), errlen - strlen(err)) == -1) {
		if (r.copy_failed)
			goto rollback;
		/* Nothing of a failed fetch is kept, not even its rejects. */
		copy_abort(conn, "fetch failed");
		r.seen = r.rejected = 0;
		json_array_clear(r.rejects);
		goto record;
	}
	if (f.status == 304) {
		/* Not modified: the validators we sent stay valid. */
		copy_abort(conn, "not modified");
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
	if (r.tty && r.seen >= 10000)
		fprintf(stderr, "\r%ld items\n", r.seen);
	db_bin_trailer(&r.copy);
	if (PQputCopyData(conn, r.copy.data, (int)r.copy.len) != 1 ||
	    PQputCopyEnd(conn, NULL) != 1)
		goto rollback;
	res = PQgetResult(conn);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		fprintf(stderr, "copy: %s", PQresultErrorMessage(res));
		PQclear(res);
		goto rollback;
	}
	PQclear(res);
	while ((res = PQgetResult(conn)) != NULL)
		PQclear(res);
	if (import(&r, &p, complete, counts) == -1 ||
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
	copy_abort(conn, "import failed");
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
	json_decref(r.rejects);
	sbuf_free(&r.copy);
	sbuf_free(&r.words);
	srcmap_free(&r.known);
	srcmap_free(&r.fresh);
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
		if (PQstatus(conn) != CONNECTION_OK || rc == -2) {
			/*
			 * The database is gone or refuses us: reconnect after
			 * 1, 2, 4 ... 30 s, one log line a try.
			 */
			backoff = backoff == 0 ? 1 : backoff * 2;
			if (backoff > BACKOFF_MAX)
				backoff = BACKOFF_MAX;
			fprintf(stderr, "scrape: database unavailable, next try "
			    "in %d s\n", backoff);
			for (i = backoff; i > 0 && !stop; i--)
				sleep(1);
			if (PQstatus(conn) != CONNECTION_OK)
				PQreset(conn);
			if (PQstatus(conn) == CONNECTION_OK) {
				PQsetClientEncoding(conn, "UTF8");
				fprintf(stderr, "scrape: database back\n");
			}
			continue;
		}
		backoff = 0;
		(void)db_run(conn, "expire", sql_expire, 0, NULL);
		for (i = next_due(conn); i > 0 && !stop; i--)
			sleep(1);
	} while (!stop);
	PQfinish(conn);
	curl_global_cleanup();
	return (failed ? 1 : 0);
}

/* "64M", "512K", "1G" or plain bytes, as a decimal byte count in out. */
static int
parse_bytes(const char *s, char *out, size_t outlen)
{
	unsigned long long	 n;
	char			*end;
	int			 shift;

	if (s == NULL || !isdigit((unsigned char)*s))
		return (-1);
	n = strtoull(s, &end, 10);
	switch (toupper((unsigned char)*end)) {
	case '\0':
		shift = 0;
		break;
	case 'K':
		shift = 10;
		break;
	case 'M':
		shift = 20;
		break;
	case 'G':
		shift = 30;
		break;
	default:
		return (-1);
	}
	if (*end != '\0' && end[1] != '\0' && strcasecmp(end + 1, "iB") != 0 &&
	    strcasecmp(end + 1, "B") != 0)
		return (-1);
	if (n == 0 || n > (1ULL << 40) >> shift)
		return (-1);
	n <<= shift;
	if ((size_t)snprintf(out, outlen, "%llu", n) >= outlen)
		return (-1);
	return (0);
}

/* --name N --url U --format F [--every 1h] [--map FILE] [--close-after 2]
 * [--max-bytes N] [--country CC] */
static int
partner_add(PGconn *conn, int argc, char **argv)
{
	const char	*v[8] = { NULL, NULL, NULL, "1 hour", NULL, "2",
			    "67108864", NULL };
	static const char *opts[8] = { "--name", "--url", "--format",
			    "--every", "--map", "--close-after", "--max-bytes",
			    "--country" };
	enum feed_format fmt;
	struct sbuf	 map;
	char		*mapped, maxbytes[32], cc[3];
	int		 i, j, rc;

	for (i = 2; i + 1 < argc; i += 2) {
		for (j = 0; j < 8; j++)
			if (strcmp(argv[i], opts[j]) == 0)
				break;
		if (j == 8)
			break;
		v[j] = argv[i + 1];
	}
	if (i < argc || v[0] == NULL || v[1] == NULL || v[2] == NULL) {
		fprintf(stderr, "usage: fashionjobs partner add --name NAME "
		    "--url URL --format indeed|rss|atom|jsonld|html "
		    "[--every 1h] [--map FILE] [--close-after N] "
		    "[--max-bytes N] [--country CC]\n");
		return (2);
	}
	if (v[7] != NULL) {
		if (strlen(v[7]) != 2 || !isalpha((unsigned char)v[7][0]) ||
		    !isalpha((unsigned char)v[7][1])) {
			fprintf(stderr, "partner: --country wants a two-letter "
			    "code, such as IT\n");
			return (2);
		}
		cc[0] = toupper((unsigned char)v[7][0]);
		cc[1] = toupper((unsigned char)v[7][1]);
		cc[2] = '\0';
		v[7] = cc;
	}
	if (feed_format_parse(v[2], &fmt) == -1) {
		fprintf(stderr, "partner: unknown format '%s'\n", v[2]);
		return (2);
	}
	if (strncmp(v[1], "http://", 7) != 0 &&
	    strncmp(v[1], "https://", 8) != 0 &&
	    strncmp(v[1], "file://", 7) != 0) {
		fprintf(stderr, "partner: the URL must be http(s):// or "
		    "file://\n");
		return (2);
	}
	if (parse_bytes(v[6], maxbytes, sizeof(maxbytes)) == -1) {
		fprintf(stderr, "partner: --max-bytes wants bytes, or a "
		    "number with K, M or G (64M)\n");
		return (2);
	}
	v[6] = maxbytes;
	if (fmt == FEED_HTML && v[4] == NULL) {
		fprintf(stderr, "partner: an html partner needs --map FILE\n");
		return (2);
	}
	mapped = NULL;
	if (v[4] != NULL) {
		sbuf_init(&map);
		if (sbuf_load(&map, v[4]) == -1) {
			perror(v[4]);
			sbuf_free(&map);
			return (1);
		}
		mapped = sbuf_steal(&map);
	}
	v[4] = mapped;
	/* "1h" and "30m" as interval text: PostgreSQL reads both. */
	rc = db_run(conn, "partner add", "INSERT INTO partner (name, url, "
	    "format, every, map, close_after, max_bytes, country) VALUES ($1, "
	    "$2, $3, $4::interval, $5, $6::int, $7::bigint, $8)", 8, v);
	free(mapped);
	if (rc == 0)
		printf("partner %s added\n", v[0]);
	return (rc == 0 ? 0 : 1);
}

int
cmd_partner(int argc, char **argv)
{
	PGconn		*conn;
	PGresult	*res;
	const char	*params[1];
	int		 rc, i, j;

	if (argc < 2) {
		fprintf(stderr, "usage: fashionjobs partner add|list|disable|"
		    "runs ...\n");
		return (2);
	}
	if ((conn = db_connect()) == NULL)
		return (1);
	rc = 0;
	params[0] = argc > 2 ? argv[2] : NULL;
	if (strcmp(argv[1], "add") == 0)
		rc = partner_add(conn, argc, argv);
	else if (strcmp(argv[1], "disable") == 0 && argc == 3) {
		res = db_exec(conn, "partner", "UPDATE partner SET enabled ="
		    " false WHERE name = $1", 1, params);
		rc = (res == NULL || strcmp(PQcmdTuples(res), "1") != 0);
		if (rc)
			fprintf(stderr, "partner: no partner '%s'\n", argv[2]);
		PQclear(res);
	} else if (strcmp(argv[1], "list") == 0 ||
	    (strcmp(argv[1], "runs") == 0 && argc == 3)) {
		res = strcmp(argv[1], "list") == 0 ?
		    db_exec(conn, "partner", "SELECT name, format, url, every,"
		    " CASE WHEN enabled THEN 'enabled' ELSE 'disabled' END,"
		    " to_char(next_run_at, 'YYYY-MM-DD HH24:MI') FROM partner"
		    " ORDER BY name", 0, NULL) :
		    db_exec(conn, "partner", "SELECT to_char(r.started_at,"
		    " 'YYYY-MM-DD HH24:MI:SS'), CASE WHEN r.ok THEN 'ok' ELSE"
		    " 'FAILED' END, coalesce(r.http_status::text, '-'), r.bytes,"
		    " r.items_seen || ' seen', r.items_new || ' new',"
		    " r.items_updated || ' updated', r.items_unchanged ||"
		    " ' unchanged', r.items_closed || ' closed',"
		    " r.items_rejected || ' rejected', coalesce(r.error, ''),"
		    " r.rejects::text FROM partner_run r JOIN partner p ON"
		    " p.id = r.partner_id WHERE p.name = $1"
		    " ORDER BY r.started_at DESC, r.id DESC LIMIT 50", 1, params);
		rc = res == NULL;
		for (i = 0; res != NULL && i < PQntuples(res); i++) {
			for (j = 0; j < PQnfields(res); j++)
				printf("%s%s", j ? "\t" : "",
				    PQgetvalue(res, i, j));
			printf("\n");
		}
		PQclear(res);
	} else {
		fprintf(stderr, "partner: unknown subcommand '%s'\n", argv[1]);
		rc = 2;
	}
	PQfinish(conn);
	return (rc);
}

struct check {
	long	items;
};

static int
check_item(const struct feed_item *it, void *arg)
{
	struct check	*c = arg;

	(void)it;
	c->items++;
	return (0);
}

/*
 * feed-check FORMAT FILE [MAPFILE]: parse a feed without importing it, and
 * say how many items, how fast, and whether it was whole.  For operators
 * trying a partner's feed, and for the benchmark.  The file is pushed to
 * the parser 64 KB at a time, as the scraper does with what it fetches.
 */
int
cmd_feed_check(int argc, char **argv)
{
	struct feed_opts	 o;
	struct feed_result	 r;
	struct feed_html_map	 map;
	struct feed_stream	*fs;
	struct check		 c;
	struct timespec		 t0, t1;
	enum feed_format	 fmt;
	FILE			*f;
	static char		 buf[64 * 1024];
	char			 err[256];
	double			 secs;
	size_t			 n, total;
	int			 rc;

	if (argc < 3 || feed_format_parse(argv[1], &fmt) == -1) {
		fprintf(stderr, "usage: fashionjobs feed-check "
		    "indeed|rss|atom|jsonld|html FILE [MAPFILE]\n");
		return (2);
	}
	if ((f = fopen(argv[2], "rb")) == NULL) {
		perror(argv[2]);
		return (1);
	}
	feed_init();
	memset(&o, 0, sizeof(o));
	memset(&map, 0, sizeof(map));
	/* Any size: the parser's own cap (2 GB) still holds. */
	o.max_bytes = SIZE_MAX;
	o.max_field = FIELD_MAX;
	if (fmt == FEED_HTML) {
		if (argc < 4 || feed_html_map_load(argv[3], &map, err,
		    sizeof(err)) == -1) {
			fprintf(stderr, "feed-check: html needs a map: %s\n",
			    argc < 4 ? "none given" : err);
			fclose(f);
			return (2);
		}
		o.map = &map;
	}
	memset(&c, 0, sizeof(c));
	total = 0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	fs = feed_stream_new(fmt, &o, check_item, &c, &r);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		total += n;
		if (feed_stream_push(fs, buf, n) == -1)
			break;
	}
	rc = ferror(f) ? -1 : feed_stream_end(fs);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (ferror(f))
		perror(argv[2]);
	feed_stream_free(fs);
	fclose(f);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("%ld items, %.1f MB, %.2f s, %.0f items/s, %.1f MB/s, %s%s\n",
	    c.items, (double)total / 1e6, secs, c.items / secs,
	    (double)total / 1e6 / secs, r.complete ? "complete" : "INCOMPLETE: ",
	    r.complete ? "" : r.error);
	feed_html_map_free(&map);
	return (rc == 0 && r.complete ? 0 : 1);
}
