-- Counts of published postings per (city, contract, company, language),
-- kept as postings change, so that a page without words (the home page,
-- /jobs with filters only, a city's or a company's page) gets its total
-- and facet counts from a few thousand rows instead of counting every
-- open posting: at 1 000 000 postings that was 1 to 6 s a page.
--
-- facet_count holds the counts; facet_delta the changes not yet folded
-- in.  Statement triggers on posting add each statement's net change.  A
-- writer that gets the advisory lock folds the pending changes and its
-- own into facet_count; one that does not (another writer has it, until
-- that transaction ends) leaves its change in facet_delta for the next.
-- So only the lock holder ever locks facet_count's rows (no deadlock, no
-- writer waits for another), and a reader sums facet_count and
-- facet_delta in one snapshot: exact at every moment.
--
-- The counts are of status 'published'.  "Open" also means not past
-- expires_at, which changes with the clock and not with a statement: a
-- reader subtracts the published postings already past expires_at, which
-- the scraper turns into 'expired' on every run (posting_expiry finds
-- them).
CREATE TABLE facet_count (
	city_id		integer,
	contract	text NOT NULL,
	company_id	integer NOT NULL,
	lang		text NOT NULL,
	n		integer NOT NULL,
	UNIQUE NULLS NOT DISTINCT (city_id, contract, company_id, lang)
) WITH (fillfactor = 50);

CREATE INDEX facet_count_company ON facet_count (company_id);

CREATE TABLE facet_delta (
	city_id		integer,
	contract	text NOT NULL,
	company_id	integer NOT NULL,
	lang		text NOT NULL,
	n		integer NOT NULL
);

CREATE INDEX posting_expiry ON posting (expires_at)
    WHERE status = 'published' AND expires_at IS NOT NULL;

-- Add the change d (rows of facet_delta's shape) to the counts, folding
-- in every pending change when this transaction holds the lock.
CREATE FUNCTION fj_facet_add(d facet_delta[]) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
	-- Most updates change no count (an apply click, a new description).
	IF cardinality(d) = 0 THEN
		RETURN;
	END IF;
	IF pg_try_advisory_xact_lock(hashtext('fj_facet_count')) THEN
		WITH pending AS (DELETE FROM facet_delta RETURNING *),
		all_d AS (SELECT * FROM pending UNION ALL
		    SELECT * FROM unnest(d)),
		s AS (SELECT city_id, contract, company_id, lang, sum(n)::integer AS n
		    FROM all_d GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0
		    ORDER BY 1, 2, 3, 4)
		INSERT INTO facet_count AS f SELECT * FROM s
		ON CONFLICT (city_id, contract, company_id, lang)
		    DO UPDATE SET n = f.n + excluded.n;
		DELETE FROM facet_count WHERE n = 0;
	ELSE
		INSERT INTO facet_delta SELECT * FROM unnest(d) WHERE n <> 0;
	END IF;
END
$$;

CREATE FUNCTION fj_facet_insert() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	PERFORM fj_facet_add(ARRAY(SELECT ROW(city_id, contract, company_id,
	    lang, count(*)::integer)::facet_delta FROM new_rows
	    WHERE status = 'published'
	    GROUP BY city_id, contract, company_id, lang));
	RETURN NULL;
END
$$;

CREATE FUNCTION fj_facet_delete() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	PERFORM fj_facet_add(ARRAY(SELECT ROW(city_id, contract, company_id,
	    lang, -count(*)::integer)::facet_delta FROM old_rows
	    WHERE status = 'published'
	    GROUP BY city_id, contract, company_id, lang));
	RETURN NULL;
END
$$;

CREATE FUNCTION fj_facet_update() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	PERFORM fj_facet_add(ARRAY(SELECT ROW(city_id, contract, company_id,
	    lang, sum(n)::integer)::facet_delta FROM (
		SELECT city_id, contract, company_id, lang, -1 AS n
		FROM old_rows WHERE status = 'published'
		UNION ALL
		SELECT city_id, contract, company_id, lang, 1
		FROM new_rows WHERE status = 'published') u
	    GROUP BY city_id, contract, company_id, lang HAVING sum(n) <> 0));
	RETURN NULL;
END
$$;

CREATE FUNCTION fj_facet_truncate() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	DELETE FROM facet_count;
	DELETE FROM facet_delta;
	RETURN NULL;
END
$$;

CREATE TRIGGER posting_facet_insert AFTER INSERT ON posting
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION fj_facet_insert();
CREATE TRIGGER posting_facet_update AFTER UPDATE ON posting
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION fj_facet_update();
CREATE TRIGGER posting_facet_delete AFTER DELETE ON posting
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION fj_facet_delete();
CREATE TRIGGER posting_facet_truncate AFTER TRUNCATE ON posting
    FOR EACH STATEMENT EXECUTE FUNCTION fj_facet_truncate();

INSERT INTO facet_count
SELECT city_id, contract, company_id, lang, count(*) FROM posting
WHERE status = 'published' GROUP BY 1, 2, 3, 4;

-- The open postings per (city, contract, company, language) that match
-- the filters, as rows to sum: the counts and pending changes, and -1 for
-- each published posting whose expires_at has passed.  cid is a city id,
-- coid a company id, any_city and any_company say there is no such filter
-- (a filter on an unknown city or company matches nothing).
CREATE FUNCTION fj_facet_open(cid integer, ct text, coid integer,
    lg text, any_city boolean, any_company boolean)
RETURNS TABLE (city_id integer, contract text, company_id integer,
    lang text, n integer)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
	WITH gone AS MATERIALIZED (SELECT x.city_id, x.contract,
		x.company_id, x.lang FROM posting x
		WHERE x.status = 'published' AND x.expires_at IS NOT NULL
		AND x.expires_at <= now())
	SELECT u.city_id, u.contract, u.company_id, u.lang, u.n
	FROM (
		SELECT f.city_id, f.contract, f.company_id, f.lang, f.n
		FROM facet_count f
		UNION ALL
		SELECT d.city_id, d.contract, d.company_id, d.lang, d.n
		FROM facet_delta d
		UNION ALL
		SELECT g.city_id, g.contract, g.company_id, g.lang, -1
		FROM gone g
	) u
	WHERE (any_city OR u.city_id = cid)
	AND (ct IS NULL OR u.contract = ct)
	AND (any_company OR u.company_id = coid)
	AND (lg IS NULL OR u.lang = lg)
$$;

-- An estimated count as a person reads it: two significant digits from
-- 100 on (290 372 -> 290 000, 1 234 -> 1 200).  A search matching more
-- postings than it can count quickly shows such estimates (jobs.c).
CREATE FUNCTION fj_about(x numeric) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT CASE WHEN x < 100 THEN round(x)::bigint
	ELSE (round(x / 10 ^ (floor(log(x)) - 1)) *
	    10 ^ (floor(log(x)) - 1))::bigint END
$$;

-- The lim newest open postings matching the words tq and the filters
-- (as fj_facet_open's), with their rank: a search matching too many
-- postings to rank them all ranks these (jobs.c).  The statement is
-- planned with tq's value known, so PostgreSQL estimates from the column
-- statistics how many postings match and, when they are many, reads the
-- newest first and stops at lim; in the search statement itself tq is
-- only known once it runs, and the plan ranked all 290 000 matches of
-- "manager" at 1 000 000 postings to keep 10 000 (1 s instead of 0.1 s).
CREATE FUNCTION fj_match_newest(tq tsquery, cid integer, ct text,
    coid integer, lg text, any_city boolean, any_company boolean,
    lim integer)
RETURNS TABLE (id bigint, posted_at timestamptz, city_id integer,
    contract text, company_id integer, lang text, rank real)
LANGUAGE plpgsql STABLE
AS $$
BEGIN
	RETURN QUERY EXECUTE
	    'SELECT x.id, x.posted_at, x.city_id, x.contract, x.company_id,'
	    ' x.lang, ts_rank(x.search, $1) FROM posting x'
	    ' WHERE x.status = ''published'' AND (x.expires_at IS NULL'
	    ' OR x.expires_at > now()) AND x.search @@ $1'
	    ' AND ($6 OR x.city_id = $2) AND ($3::text IS NULL'
	    ' OR x.contract = $3) AND ($7 OR x.company_id = $4)'
	    ' AND ($5::text IS NULL OR x.lang = $5)'
	    ' ORDER BY x.posted_at DESC, x.id DESC LIMIT $8'
	    USING tq, cid, ct, coid, lg, any_city, any_company, lim;
END
$$;

-- Contract and language join words, city and company in the full-text
-- index: "sales" in German internships read the 97 000 postings whose
-- words match to keep 611 of them (300 ms at 1 000 000 postings).  Two
-- more entries per posting beside its fifty-odd words.
DROP INDEX posting_search;
CREATE INDEX posting_search ON posting
    USING gin (search, city_id, company_id, contract, lang)
    WHERE status = 'published';

-- No JIT compilation for this database's statements: the web's statements
-- cost enough to cross jit_above_cost but run in milliseconds, and the
-- compile took 20 to 100 ms of them (the new facet statement: 24 ms JIT,
-- 6 ms work).  And 16 MB for a sort or a bitmap: with the default 4 MB the
-- bitmap of a search matching 290 000 postings goes lossy and 357 000
-- rows are read again to recheck them.  Where the database belongs to
-- someone else, say so and go on.
DO $$
BEGIN
	EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
	EXECUTE format('ALTER DATABASE %I SET work_mem = %L',
	    current_database(), '16MB');
EXCEPTION WHEN insufficient_privilege THEN
	RAISE NOTICE 'cannot set JIT and work_mem for database %: %',
	    current_database(), SQLERRM;
END
$$;
