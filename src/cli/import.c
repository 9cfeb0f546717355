/*
 * The import: the staged items (stage.c) into postings, in the run's one
 * transaction -- upsert by (partner, external id), merge the same job
 * seen from another partner, and close what a complete feed no longer
 * lists.  A partial parse closes nothing; a removed posting stays removed.
 *
 * Every write to posting here fires its triggers: posting_changed
 * (migration 0030: change_xid, for the sync API), posting_search_insert
 * and posting_search_update (0040: the search vector, unless given) and
 * posting_facet_* (0038: the facet counts, per statement).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "db.h"
#include "scrape.h"

/*
 * Temporary tables have no statistics until analysed, and the rows this
 * transaction adds to posting_source are not in its statistics either:
 * without ANALYZE the planner nests loops over 100 000 rows (minutes).
 * Only the join column is analysed.  An index on it is not used (every
 * join with stage is a hash join) and only costs its building.
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
	 * narrows a gazetteer look-up (sql/gazetteer.sql): "Nola" in IT.
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
	 * distinct value (RESOLVE_* in scrape.h, shared with seed.c).
	 */
	"CREATE TEMP TABLE res ON COMMIT DROP"
	" AS"
	" WITH" RESOLVE_LK("todo") RESOLVE_SCHED
	" ck AS (SELECT d.city_raw, a.city_id FROM (SELECT DISTINCT city_raw"
	"  FROM todo) d LEFT JOIN city_alias a ON a.key = fj_key(d.city_raw)),"
	RESOLVE_TK("todo")
	" SELECT t.ext_id, t.url, t.company_raw, t.company_key, t.title_raw,"
	" t.title, t.slug, t.contract_raw, t.city_raw, t.country, t.email,"
	" t.lang, t.hash, t.raw, t.posting_id, t.old_hash,"
	" tk.tkey, co.id AS company_id, co.name AS co_name,"
	" c.id AS city_id, coalesce(c.name, '') AS city_name,"
	" coalesce(c.country, CASE WHEN length(t.country) = 2"
	"  THEN upper(t.country) END, (SELECT pa.country FROM partner pa"
	"  WHERE pa.id = $1)) AS country2,"
	" lk.contract," RESOLVE_SCHEDULE " AS schedule,"
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
	 * during the insert, which was much of a first run's time.
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
 * without counting them (a scan of every staged description).
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

static int	 reject_no_country(struct stage *);

/* Items whose country cannot be known: out of the import, as rejects. */
static int
reject_no_country(struct stage *r)
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
int
import_staged(struct stage *r, const struct partner *p, int complete, long *counts)
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
int
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
