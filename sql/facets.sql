-- Facet counts: facet_count holds the published postings per (city,
-- contract, company, language), kept by statement triggers on posting
-- through facet_delta rows folded in now and then; fj_facet_open reads
-- them with the postings that expired since.
--
-- A repeatable file: migrate applies it again whenever it changes (and
-- after any migration), in name order among sql/*.sql, with
-- check_function_bodies off.  Define here, not in migrations/.

CREATE OR REPLACE FUNCTION public.fj_facet_add(d public.facet_delta[]) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
	-- Most updates change no count (an apply click, a new description).
	IF cardinality(d) = 0 THEN
		RETURN;
	END IF;
	IF pg_try_advisory_xact_lock(hashtext('fj_facet_count')) THEN
		WITH pending AS (DELETE FROM public.facet_delta RETURNING *),
		all_d AS (SELECT * FROM pending UNION ALL
		    SELECT * FROM unnest(d)),
		s AS (SELECT city_id, contract, company_id, lang, sum(n)::integer AS n
		    FROM all_d GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0
		    ORDER BY 1, 2, 3, 4)
		INSERT INTO public.facet_count AS f SELECT * FROM s
		ON CONFLICT (city_id, contract, company_id, lang)
		    DO UPDATE SET n = f.n + excluded.n;
		DELETE FROM public.facet_count WHERE n = 0;
	ELSE
		INSERT INTO public.facet_delta SELECT * FROM unnest(d)
		WHERE n <> 0;
	END IF;
END
$$;

CREATE OR REPLACE FUNCTION public.fj_facet_insert() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	PERFORM public.fj_facet_add(ARRAY(SELECT ROW(city_id, contract,
	    company_id, lang, count(*)::integer)::public.facet_delta
	    FROM new_rows WHERE status = 'published'
	    GROUP BY city_id, contract, company_id, lang));
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION public.fj_facet_delete() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	PERFORM public.fj_facet_add(ARRAY(SELECT ROW(city_id, contract,
	    company_id, lang, -count(*)::integer)::public.facet_delta
	    FROM old_rows WHERE status = 'published'
	    GROUP BY city_id, contract, company_id, lang));
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION public.fj_facet_update() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	PERFORM public.fj_facet_add(ARRAY(SELECT ROW(city_id, contract,
	    company_id, lang, sum(n)::integer)::public.facet_delta FROM (
		SELECT city_id, contract, company_id, lang, -1 AS n
		FROM old_rows WHERE status = 'published'
		UNION ALL
		SELECT city_id, contract, company_id, lang, 1
		FROM new_rows WHERE status = 'published') u
	    GROUP BY city_id, contract, company_id, lang HAVING sum(n) <> 0));
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION public.fj_facet_truncate() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	DELETE FROM public.facet_count;
	DELETE FROM public.facet_delta;
	RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER posting_facet_insert AFTER INSERT
    ON public.posting REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT
    EXECUTE FUNCTION public.fj_facet_insert();

CREATE OR REPLACE TRIGGER posting_facet_update AFTER UPDATE
    ON public.posting REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT
    EXECUTE FUNCTION public.fj_facet_update();

CREATE OR REPLACE TRIGGER posting_facet_delete AFTER DELETE
    ON public.posting REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT
    EXECUTE FUNCTION public.fj_facet_delete();

CREATE OR REPLACE TRIGGER posting_facet_truncate AFTER TRUNCATE
    ON public.posting
    FOR EACH STATEMENT
    EXECUTE FUNCTION public.fj_facet_truncate();

CREATE OR REPLACE FUNCTION public.fj_facet_open(cid integer, ct text, coid integer, lg text, any_city boolean, any_company boolean) RETURNS TABLE(city_id integer, contract text, company_id integer, lang text, n integer)
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	WITH gone AS MATERIALIZED (SELECT x.city_id, x.contract,
		x.company_id, x.lang FROM posting x
		WHERE x.status = 'published' AND public.fj_expired(x.expires_at))
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

CREATE OR REPLACE FUNCTION public.fj_about(x numeric) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
	SELECT CASE WHEN x < 100 THEN round(x)::bigint
	ELSE (round(x / 10 ^ (floor(log(x)) - 1)) *
	    10 ^ (floor(log(x)) - 1))::bigint END
$$;

-- fj_facet_open for the cities cids (a name of its
-- own: an overload made fj_facet_open(NULL, ...) ambiguous).
CREATE OR REPLACE FUNCTION public.fj_facet_open_cities(cids integer[], ct text, coid integer,
    lg text, any_city boolean, any_company boolean)
RETURNS TABLE (city_id integer, contract text, company_id integer,
    lang text, n integer)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
	WITH gone AS MATERIALIZED (SELECT x.city_id, x.contract,
		x.company_id, x.lang FROM public.posting x
		WHERE x.status = 'published' AND public.fj_expired(x.expires_at))
	SELECT u.city_id, u.contract, u.company_id, u.lang, u.n
	FROM (
		SELECT f.city_id, f.contract, f.company_id, f.lang, f.n
		FROM public.facet_count f
		UNION ALL
		SELECT d.city_id, d.contract, d.company_id, d.lang, d.n
		FROM public.facet_delta d
		UNION ALL
		SELECT g.city_id, g.contract, g.company_id, g.lang, -1
		FROM gone g
	) u
	WHERE (any_city OR u.city_id = ANY (cids))
	AND (ct IS NULL OR u.contract = ct)
	AND (any_company OR u.company_id = coid)
	AND (lg IS NULL OR u.lang = lg)
$$;
