-- Every function an index, a constraint or a trigger calls, and what they
-- call in turn, names its schema: autovacuum and ANALYZE evaluate index
-- expressions under a search_path of pg_catalog only, and then failed on
-- posting_dedup with "function fj_unaccent(text) does not exist".  The
-- calls are qualified rather than the functions given SET search_path:
-- a SET clause stops a SQL function from being inlined into the statement
-- and costs a little on each call of a bulk import.

CREATE OR REPLACE FUNCTION fj_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

CREATE OR REPLACE FUNCTION fj_key(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT btrim(regexp_replace(lower(public.fj_unaccent($1)),
    '[^[:alnum:]]+', ' ', 'g')) $$;

CREATE OR REPLACE FUNCTION fj_slug(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT coalesce(nullif(left(replace(public.fj_key($1), ' ', '-'), 80),
    ''), 'n-a') $$;

CREATE OR REPLACE FUNCTION fj_search_vector(title text, company text,
    city_name text, city_raw text, description text, described tsvector)
RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT setweight(to_tsvector('public.fj'::regconfig, title), 'A') ||
	    setweight(to_tsvector('public.fj'::regconfig, company), 'B') ||
	    setweight(to_tsvector('public.fj'::regconfig,
		city_name || ' ' || city_raw), 'C') ||
	    setweight(coalesce(described,
		to_tsvector('public.fj'::regconfig, left(description, 4000))),
		'D')
$$;

CREATE OR REPLACE FUNCTION fj_posting_search() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	NEW.search := public.fj_search_vector(NEW.title, NEW.company_name,
	    NEW.city_name, NEW.city_raw, NEW.description, NULL);
	RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION fj_company_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	UPDATE public.posting SET updated_at = now() WHERE company_id = NEW.id;
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION fj_jobtype_forget() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	DELETE FROM public.jobtype_memo;
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION fj_facet_add(d public.facet_delta[]) RETURNS void
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

CREATE OR REPLACE FUNCTION fj_facet_insert() RETURNS trigger
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

CREATE OR REPLACE FUNCTION fj_facet_delete() RETURNS trigger
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

CREATE OR REPLACE FUNCTION fj_facet_update() RETURNS trigger
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

CREATE OR REPLACE FUNCTION fj_facet_truncate() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	DELETE FROM public.facet_count;
	DELETE FROM public.facet_delta;
	RETURN NULL;
END
$$;
