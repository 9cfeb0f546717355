--
-- PostgreSQL database dump
--



SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: btree_gin; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS btree_gin WITH SCHEMA public;


--
-- Name: EXTENSION btree_gin; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION btree_gin IS 'support for indexing common datatypes in GIN';


--
-- Name: cube; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS cube WITH SCHEMA public;


--
-- Name: EXTENSION cube; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION cube IS 'data type for multidimensional cubes';


--
-- Name: earthdistance; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS earthdistance WITH SCHEMA public;


--
-- Name: EXTENSION earthdistance; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION earthdistance IS 'calculate great-circle distances on the surface of the Earth';


--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


--
-- Name: unaccent; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;


--
-- Name: EXTENSION unaccent; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION unaccent IS 'text search dictionary that removes accents';


--
-- Name: fj_about(numeric); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_about(x numeric) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
	SELECT CASE WHEN x < 100 THEN round(x)::bigint
	ELSE (round(x / 10 ^ (floor(log(x)) - 1)) *
	    10 ^ (floor(log(x)) - 1))::bigint END
$$;


--
-- Name: fj_add_words(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_add_words(q text) RETURNS void
    LANGUAGE sql
    AS $$
	INSERT INTO search_word AS w (word, ndoc)
	SELECT word, ndoc FROM fj_word_stat(q)
	ON CONFLICT (word) DO UPDATE SET ndoc = w.ndoc + excluded.ndoc;
$$;


--
-- Name: fj_api_hit(text, text, integer, integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_api_hit(a text, b text, lim integer, secs integer) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
	t	bigint := extract(epoch FROM now())::bigint;
	w	bigint := t - t % secs;
	m	integer;
BEGIN
	WITH up AS (
		INSERT INTO public.api_rate AS r (slot, win, n)
		SELECT s, w, 1 FROM unnest(ARRAY[a, b]) s
		WHERE s IS NOT NULL ORDER BY s
		ON CONFLICT (slot) DO UPDATE SET win = w,
		    n = CASE WHEN r.win = w THEN r.n + 1 ELSE 1 END
		RETURNING r.n)
	SELECT max(up.n) INTO m FROM up;
	IF random() < 0.001 THEN
		DELETE FROM public.api_rate WHERE win < w;
	END IF;
	RETURN CASE WHEN m > lim THEN (w + secs - t)::integer ELSE 0 END;
END
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: posting; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.posting (
    id bigint NOT NULL,
    company_id integer NOT NULL,
    company_name text NOT NULL,
    company_raw text NOT NULL,
    title text NOT NULL,
    title_raw text NOT NULL,
    slug text NOT NULL,
    contract text DEFAULT 'other'::text NOT NULL,
    schedule text DEFAULT 'unknown'::text NOT NULL,
    contract_raw text DEFAULT ''::text NOT NULL,
    city_id integer,
    city_name text DEFAULT ''::text NOT NULL,
    city_raw text DEFAULT ''::text NOT NULL,
    country character(2),
    description text DEFAULT ''::text NOT NULL,
    apply_url text,
    apply_email text,
    lang text DEFAULT 'en'::text NOT NULL,
    remote text DEFAULT 'onsite'::text NOT NULL,
    salary_min numeric(12,2),
    salary_max numeric(12,2),
    salary_currency character(3),
    salary_period text,
    status text DEFAULT 'published'::text NOT NULL,
    posted_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    closed_at timestamp with time zone,
    source text DEFAULT 'recruiter'::text NOT NULL,
    partner_id integer,
    external_id text,
    views bigint DEFAULT 0 NOT NULL,
    apply_clicks bigint DEFAULT 0 NOT NULL,
    search tsvector,
    account_id integer,
    form_token text,
    reject_reason text,
    moderated_at timestamp with time zone,
    change_xid xid8 DEFAULT pg_current_xact_id() NOT NULL,
    listed_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT posting_check CHECK (((salary_min IS NULL) OR (salary_max IS NULL) OR (salary_min <= salary_max))),
    CONSTRAINT posting_lang_check CHECK ((lang = ANY (ARRAY['it'::text, 'fr'::text, 'de'::text, 'en'::text, 'es'::text]))),
    CONSTRAINT posting_remote_check CHECK ((remote = ANY (ARRAY['onsite'::text, 'hybrid'::text, 'remote'::text]))),
    CONSTRAINT posting_salary_period_check CHECK ((salary_period = ANY (ARRAY['year'::text, 'month'::text, 'hour'::text]))),
    CONSTRAINT posting_source_check CHECK ((source = ANY (ARRAY['recruiter'::text, 'partner'::text, 'seed'::text]))),
    CONSTRAINT posting_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'published'::text, 'rejected'::text, 'expired'::text, 'filled'::text, 'closed'::text, 'removed'::text])))
)
WITH (toast_tuple_target='8160');


--
-- Name: fj_card(public.posting, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_card(p public.posting, ui text) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT json_build_object(
	    'id', p.id,
	    'href', public.fj_job_path(p.id, p.slug),
	    'title', p.title,
	    'company', p.company_name,
	    'city', p.city_name,
	    'contract', p.contract,
	    'contract_label', public.fj_label(p.contract, ui),
	    'schedule', p.schedule,
	    'schedule_label', CASE WHEN p.schedule <> 'unknown'
		THEN public.fj_label(p.schedule, ui) END,
	    'remote', CASE WHEN p.remote <> 'onsite' THEN p.remote END,
	    'lang', p.lang,
	    'posted', public.fj_day(p.posted_at))
$$;


--
-- Name: fj_city_center(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_city_center(raw text) RETURNS public.earth
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT coalesce((SELECT c.pos FROM public.city c
	    WHERE c.id = public.fj_city_id(raw)),
	    (SELECT public.ll_to_earth(p.lat, p.lng) FROM public.place p
	    WHERE p.id = public.fj_place_find(raw, NULL)))
$$;


--
-- Name: fj_city_ensure(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_city_ensure(raw text) RETURNS integer
    LANGUAGE sql
    AS $$ SELECT public.fj_city_ensure(raw, NULL) $$;


--
-- Name: fj_city_ensure(text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_city_ensure(raw text, cc text) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
	v_key	text := public.fj_key(raw);
	v_name	text := btrim(regexp_replace(raw, '\s+', ' ', 'g'));
	v_slug	text := public.fj_slug(raw);
	v_id	int;
	v_pid	int;
BEGIN
	IF v_key IS NULL OR v_key = '' THEN
		RETURN NULL;
	END IF;
	SELECT a.city_id INTO v_id FROM public.city_alias a
	WHERE a.key = v_key;
	IF v_id IS NOT NULL THEN
		RETURN v_id;
	END IF;
	v_id := public.fj_city_qualified(raw);
	IF v_id IS NOT NULL THEN
		INSERT INTO public.city_alias (key, city_id, lang)
		VALUES (v_key, v_id, 'qualified') ON CONFLICT (key) DO NOTHING;
		RETURN (SELECT a.city_id FROM public.city_alias a
		    WHERE a.key = v_key);
	END IF;
	v_pid := public.fj_place_find(raw, upper(nullif(btrim(cc), '')));
	IF v_pid IS NOT NULL THEN
		RETURN public.fj_city_from_place(v_pid, v_key);
	END IF;
	IF EXISTS (SELECT 1 FROM public.city c WHERE c.slug = v_slug) THEN
		v_slug := v_slug || '-' || substr(md5(v_key), 1, 6);
	END IF;
	INSERT INTO public.city (name, slug, known)
	VALUES (v_name, v_slug, false) RETURNING city.id INTO v_id;
	INSERT INTO public.city_alias (key, city_id) VALUES (v_key, v_id)
	    ON CONFLICT (key) DO NOTHING;
	RETURN (SELECT a.city_id FROM public.city_alias a WHERE a.key = v_key);
END
$$;


--
-- Name: fj_city_from_place(integer, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_city_from_place(pid integer, v_key text) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
	v_id	int;
	v_slug	text;
	p	public.place;
BEGIN
	SELECT c.id INTO v_id FROM public.city c WHERE c.place_id = pid
	ORDER BY c.from_gazetteer, c.id LIMIT 1;
	IF v_id IS NULL THEN
		SELECT * INTO p FROM public.place WHERE id = pid;
		v_slug := public.fj_slug(p.name);
		IF EXISTS (SELECT 1 FROM public.city c WHERE c.slug = v_slug)
		    THEN
			v_slug := v_slug || '-' || lower(p.country);
		END IF;
		IF EXISTS (SELECT 1 FROM public.city c WHERE c.slug = v_slug)
		    THEN
			v_slug := v_slug || '-' || pid;
		END IF;
		INSERT INTO public.city (name, slug, country, known,
		    from_gazetteer, place_id, lat, lng, pos)
		VALUES (p.name, v_slug, p.country, true, true, pid, p.lat,
		    p.lng, public.ll_to_earth(p.lat, p.lng))
		RETURNING id INTO v_id;
		INSERT INTO public.city_alias (key, city_id, lang)
		VALUES (p.key, v_id, 'gazetteer') ON CONFLICT (key) DO NOTHING;
	END IF;
	INSERT INTO public.city_alias (key, city_id, lang)
	VALUES (v_key, v_id, 'gazetteer') ON CONFLICT (key) DO NOTHING;
	RETURN (SELECT a.city_id FROM public.city_alias a WHERE a.key = v_key);
END
$$;


--
-- Name: fj_city_id(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_city_id(raw text) RETURNS integer
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT coalesce((SELECT a.city_id FROM public.city_alias a
    WHERE a.key = public.fj_key(raw)), public.fj_city_qualified(raw)) $$;


--
-- Name: fj_city_link(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_city_link() RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
	v_n	int;
BEGIN
	UPDATE public.city c SET place_id = l.place_id, lat = l.lat,
	    lng = l.lng, pos = public.ll_to_earth(l.lat, l.lng)
	FROM (SELECT DISTINCT ON (c.id) c.id, p.id AS place_id, p.lat, p.lng
	    FROM public.city c
	    JOIN public.city_alias a ON a.city_id = c.id
	    LEFT JOIN public.city_place_pin pin ON pin.slug = c.slug
	    JOIN LATERAL (SELECT min(p.id) AS id, count(*) AS n
		FROM public.place p WHERE p.key = a.key
		AND p.country = c.country
		AND (pin.admin IS NULL OR pin.admin IN (p.admin2, p.admin1))
		) m ON m.n = 1
	    JOIN public.place p ON p.id = m.id
	    WHERE c.known AND NOT c.from_gazetteer
	    ORDER BY c.id, a.key <> public.fj_key(c.name), a.key) l
	WHERE c.id = l.id;
	-- Cities made from places of an older file: found again by the
	-- same name, country and administrative codes.
	UPDATE public.city c SET place_id = p.id, lat = p.lat, lng = p.lng,
	    pos = public.ll_to_earth(p.lat, p.lng)
	FROM public.place p
	WHERE c.from_gazetteer AND p.id = (SELECT min(q.id)
	    FROM public.place q WHERE q.key = public.fj_key(c.name)
	    AND q.country = c.country AND q.lat = c.lat AND q.lng = c.lng);
	SELECT count(*) INTO v_n FROM public.city WHERE place_id IS NOT NULL;
	RETURN v_n;
END
$$;


--
-- Name: fj_city_near(public.earth, integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_city_near(ctr public.earth, km integer) RETURNS TABLE(city_id integer, dist real)
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT c.id, (public.earth_distance(ctr, c.pos) / 1000)::real
	FROM public.city c
	WHERE c.pos IS NOT NULL
	AND public.earth_box(ctr, km * 1000.0) OPERATOR(public.@>) c.pos
	AND public.earth_distance(ctr, c.pos) <= km * 1000.0
$$;


--
-- Name: fj_city_qualified(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_city_qualified(raw text) RETURNS integer
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    AS $$
DECLARE
	k	text := public.fj_key(raw);
	w	text[];
	n	int;
	len	int;
	i	int;
	v_id	int;
	v_cc	text;
BEGIN
	IF k IS NULL OR k = '' THEN
		RETURN NULL;
	END IF;
	w := string_to_array(k, ' ');
	n := array_length(w, 1);
	IF n < 2 OR n > 12 THEN
		RETURN NULL;
	END IF;
	FOR len IN REVERSE least(n - 1, 5) .. 1 LOOP
		FOR i IN 1 .. n - len + 1 LOOP
			SELECT c.id, c.country INTO v_id, v_cc
			FROM public.city_alias a JOIN public.city c
			    ON c.id = a.city_id
			WHERE a.key = array_to_string(w[i:i + len - 1], ' ')
			    AND c.known;
			IF v_id IS NOT NULL AND
			    public.fj_city_qualifiers_ok(w[1:i - 1], v_cc) AND
			    public.fj_city_qualifiers_ok(w[i + len:n], v_cc) THEN
				RETURN v_id;
			END IF;
		END LOOP;
	END LOOP;
	RETURN NULL;
END
$$;


--
-- Name: fj_city_qualifiers_ok(text[], text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_city_qualifiers_ok(w text[], cc text) RETURNS boolean
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    AS $$
DECLARE
	n	int := coalesce(array_length(w, 1), 0);
	i	int := 1;
	m	int;
	ph	text;
	hit	boolean;
BEGIN
	WHILE i <= n LOOP
		hit := false;
		FOR m IN REVERSE least(6, n - i + 1) .. 1 LOOP
			ph := array_to_string(w[i:i + m - 1], ' ');
			IF EXISTS (SELECT 1 FROM public.city_qualifier q
			    WHERE q.key = ph AND q.country IN (cc, '*')) OR
			    EXISTS (SELECT 1 FROM public.city_qualifier_shape s
			    WHERE s.country = cc AND ph ~ s.pattern) THEN
				i := i + m;
				hit := true;
				EXIT;
			END IF;
		END LOOP;
		IF NOT hit THEN
			RETURN false;
		END IF;
	END LOOP;
	RETURN true;
END
$$;


--
-- Name: fj_city_requalify(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_city_requalify() RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
	v_n	int;
BEGIN
	CREATE TEMP TABLE city_merge ON COMMIT DROP AS
	SELECT c.id AS old_id, q.id AS new_id, q.name, q.country
	FROM public.city c, LATERAL (SELECT k.id, k.name, k.country
	    FROM public.city k WHERE k.id = public.fj_city_qualified(c.name)) q
	WHERE NOT c.known;
	UPDATE public.posting p SET city_id = m.new_id, city_name = m.name,
	    country = coalesce(p.country, m.country), updated_at = now()
	FROM city_merge m WHERE p.city_id = m.old_id;
	UPDATE public.city_alias a SET city_id = m.new_id, lang = 'qualified'
	FROM city_merge m WHERE a.city_id = m.old_id;
	DELETE FROM public.city c USING city_merge m WHERE c.id = m.old_id;
	GET DIAGNOSTICS v_n = ROW_COUNT;
	DROP TABLE city_merge;
	RETURN v_n;
END
$$;


--
-- Name: fj_city_reresolve(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_city_reresolve() RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
	v_n	int;
BEGIN
	CREATE TEMP TABLE city_found ON COMMIT DROP AS
	SELECT c.id AS old_id, public.fj_place_find(c.name, (SELECT p.country
	    FROM public.posting p WHERE p.city_id = c.id
	    AND p.country IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1
	    LIMIT 1)) AS place_id
	FROM public.city c WHERE NOT c.known;
	DELETE FROM city_found WHERE place_id IS NULL;
	SELECT count(*) INTO v_n FROM city_found;

	UPDATE public.city c SET name = p.name, country = p.country,
	    known = true, from_gazetteer = true, place_id = p.id,
	    lat = p.lat, lng = p.lng, pos = public.ll_to_earth(p.lat, p.lng),
	    slug = CASE WHEN EXISTS (SELECT 1 FROM public.city o
		WHERE o.slug = public.fj_slug(p.name) AND o.id <> c.id)
		THEN c.slug ELSE public.fj_slug(p.name) END
	FROM (SELECT DISTINCT ON (f.place_id) f.old_id, f.place_id
	    FROM city_found f WHERE NOT EXISTS (SELECT 1 FROM public.city k
	    WHERE k.place_id = f.place_id) ORDER BY f.place_id, f.old_id) f
	JOIN public.place p ON p.id = f.place_id
	WHERE c.id = f.old_id;
	INSERT INTO public.city_alias (key, city_id, lang)
	SELECT p.key, c.id, 'gazetteer' FROM city_found f
	JOIN public.city c ON c.id = f.old_id AND c.known
	JOIN public.place p ON p.id = c.place_id
	ON CONFLICT (key) DO NOTHING;

	CREATE TEMP TABLE city_into ON COMMIT DROP AS
	SELECT f.old_id, k.id AS new_id FROM city_found f
	JOIN LATERAL (SELECT k.id FROM public.city k
	    WHERE k.place_id = f.place_id
	    ORDER BY k.from_gazetteer, k.id LIMIT 1) k ON k.id <> f.old_id;
	UPDATE public.posting p SET city_id = m.new_id, updated_at = now()
	FROM city_into m WHERE p.city_id = m.old_id;
	UPDATE public.city_alias a SET city_id = m.new_id, lang = 'gazetteer'
	FROM city_into m WHERE a.city_id = m.old_id;
	DELETE FROM public.city c USING city_into m WHERE c.id = m.old_id;

	UPDATE public.posting p SET city_name = c.name,
	    country = coalesce(p.country, c.country), updated_at = now()
	FROM public.city c
	WHERE c.id = p.city_id AND c.id IN (SELECT f.old_id FROM city_found f
	    UNION SELECT m.new_id FROM city_into m)
	AND (p.city_name IS DISTINCT FROM c.name OR p.country IS NULL);
	DROP TABLE city_into;
	DROP TABLE city_found;
	RETURN v_n;
END
$$;


--
-- Name: fj_company_changed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_company_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	UPDATE public.posting SET updated_at = now() WHERE company_id = NEW.id;
	RETURN NULL;
END
$$;


--
-- Name: fj_contract(text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_contract(label text, title text DEFAULT NULL::text, OUT contract text, OUT schedule text) RETURNS record
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	WITH v AS (SELECT ' ' || coalesce(fj_key(label), '') || ' ' AS l,
	    ' ' || coalesce(fj_key(title), '') || ' ' AS t)
	SELECT coalesce((SELECT x.code FROM contract_lexicon x
		JOIN contract_type c USING (code), v
		WHERE c.axis = 'contract' AND v.l LIKE '% ' || x.key || ' %'
		ORDER BY x.priority, length(x.key) DESC LIMIT 1), 'other'),
	    coalesce((SELECT x.code FROM contract_lexicon x
		JOIN contract_type c USING (code), v
		WHERE c.axis = 'schedule' AND (v.l LIKE '% ' || x.key || ' %'
		OR v.t LIKE '% ' || x.key || ' %')
		ORDER BY x.priority, length(x.key) DESC LIMIT 1), 'unknown')
$$;


--
-- Name: fj_contract_label(text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_contract_label(c text, s text) RETURNS text
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    AS $$
DECLARE
	l	text;
	first	text;
BEGIN
	FOR l IN
		SELECT a.label || coalesce(', ' || b.label, '') FROM
		    (SELECT 0 AS n, label_en AS label FROM contract_type
		     WHERE code = c UNION ALL
		     SELECT 1, key FROM contract_lexicon WHERE code = c) a,
		    (SELECT 0 AS n, label_en AS label FROM contract_type
		     WHERE code = s AND s <> 'unknown' UNION ALL
		     SELECT 1, key FROM contract_lexicon WHERE code = s
		     UNION ALL SELECT 0, NULL WHERE s = 'unknown') b
		ORDER BY a.n + b.n, a.label, b.label
	LOOP
		first := coalesce(first, l);
		IF (SELECT (k.contract, k.schedule) FROM fj_contract(l) k) =
		    (c, s) THEN
			RETURN l;
		END IF;
	END LOOP;
	RETURN first;
END
$$;


--
-- Name: fj_day(timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_day(t timestamp with time zone) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD')
$$;


--
-- Name: fj_expired(timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_expired(t timestamp with time zone) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT t IS NOT NULL AND t <= now()
$$;


--
-- Name: facet_delta; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.facet_delta (
    city_id integer,
    contract text NOT NULL,
    company_id integer NOT NULL,
    lang text NOT NULL,
    n integer NOT NULL
);


--
-- Name: fj_facet_add(public.facet_delta[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_facet_add(d public.facet_delta[]) RETURNS void
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


--
-- Name: fj_facet_delete(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_facet_delete() RETURNS trigger
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


--
-- Name: fj_facet_insert(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_facet_insert() RETURNS trigger
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


--
-- Name: fj_facet_open(integer, text, integer, text, boolean, boolean); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_facet_open(cid integer, ct text, coid integer, lg text, any_city boolean, any_company boolean) RETURNS TABLE(city_id integer, contract text, company_id integer, lang text, n integer)
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


--
-- Name: fj_facet_open_cities(integer[], text, integer, text, boolean, boolean); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_facet_open_cities(cids integer[], ct text, coid integer, lg text, any_city boolean, any_company boolean) RETURNS TABLE(city_id integer, contract text, company_id integer, lang text, n integer)
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


--
-- Name: fj_facet_truncate(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_facet_truncate() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	DELETE FROM public.facet_count;
	DELETE FROM public.facet_delta;
	RETURN NULL;
END
$$;


--
-- Name: fj_facet_update(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_facet_update() RETURNS trigger
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


--
-- Name: fj_feed_item(public.posting, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_feed_item(p public.posting, base text) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT public.fj_feed_item(p, co, c, ct, st, base)
	FROM public.company co LEFT JOIN public.city c ON c.id = p.city_id
	LEFT JOIN public.contract_type ct ON ct.code = p.contract
	LEFT JOIN public.contract_type st ON st.code = p.schedule
	WHERE co.id = p.company_id
$$;


--
-- Name: city; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.city (
    id integer NOT NULL,
    name text NOT NULL,
    slug text NOT NULL,
    country character(2),
    known boolean DEFAULT true NOT NULL,
    population_rank integer,
    place_id integer,
    lat double precision,
    lng double precision,
    pos public.earth,
    from_gazetteer boolean DEFAULT false NOT NULL
);


--
-- Name: company; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.company (
    id integer NOT NULL,
    key text NOT NULL,
    name text NOT NULL,
    slug text NOT NULL,
    is_agency boolean DEFAULT false NOT NULL,
    is_confidential boolean DEFAULT false NOT NULL,
    website text,
    description text,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: contract_type; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contract_type (
    code text NOT NULL,
    axis text NOT NULL,
    schema_org text,
    label_en text NOT NULL,
    label_it text NOT NULL,
    label_fr text NOT NULL,
    label_de text NOT NULL,
    label_es text NOT NULL,
    sort integer DEFAULT 0 NOT NULL,
    CONSTRAINT contract_type_axis_check CHECK ((axis = ANY (ARRAY['contract'::text, 'schedule'::text])))
);


--
-- Name: fj_feed_item(public.posting, public.company, public.city, public.contract_type, public.contract_type, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_feed_item(p public.posting, co public.company, c public.city, ct public.contract_type, st public.contract_type, base text) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT public.fj_feed_text(p, co, c, ct, st, base)::json
$$;


--
-- Name: fj_feed_job(public.posting, public.company, public.city, public.contract_type, public.contract_type); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_feed_job(p public.posting, co public.company, c public.city, ct public.contract_type, st public.contract_type) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT public.fj_members(public.fj_jobposting(p, co, c, ct, st)) ||
	    ', ' || public.fj_members(json_strip_nulls(json_build_object(
		'contract', p.contract,
		'schedule', p.schedule,
		'remote', p.remote,
		'city_id', p.city_id,
		'raw_contract_label', nullif(p.contract_raw, ''),
		'company_is_agency', co.is_agency,
		'apply_url', p.apply_url,
		'apply_email', p.apply_email)))
$$;


--
-- Name: fj_feed_mid(public.posting, public.city); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_feed_mid(p public.posting, c public.city) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT public.fj_members(json_build_object(
	    'date_published', public.fj_rfc3339(p.posted_at),
	    'date_modified', public.fj_rfc3339(p.updated_at),
	    'language', p.lang,
	    'tags', to_json(array_remove(ARRAY[p.contract,
		CASE WHEN p.schedule <> 'unknown' THEN p.schedule END,
		CASE WHEN p.remote <> 'onsite' THEN p.remote END,
		c.slug::text], NULL))))
$$;


--
-- Name: fj_feed_splice(bigint, text, text, text, text, text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_feed_splice(id bigint, slug text, base text, title text, description text, mid text, job text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT '{"id" : ' || to_json(base || '/jobs/' || id) || ', "url" : ' ||
	    to_json(base || public.fj_job_path(id, slug)) || ', ' || title ||
	    ', "content_text" : ' || to_json(description) || ', ' || mid ||
	    ', "_job" : {"about" : ' ||
	    to_json(base || '/README.md#json-feed-job-extension') || ', ' ||
	    job || '}}'
$$;


--
-- Name: fj_feed_text(public.posting, public.company, public.city, public.contract_type, public.contract_type, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_feed_text(p public.posting, co public.company, c public.city, ct public.contract_type, st public.contract_type, base text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT public.fj_feed_splice(p.id, p.slug, base, public.fj_feed_title(p),
	    p.description, public.fj_feed_mid(p, c),
	    public.fj_feed_job(p, co, c, ct, st))
$$;


--
-- Name: fj_feed_title(public.posting); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_feed_title(p public.posting) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT public.fj_members(json_build_object('title',
	    p.title || ' — ' || p.company_name ||
	    CASE WHEN p.city_name <> '' THEN ', ' || p.city_name ELSE '' END))
$$;


--
-- Name: fj_indeed_row(public.posting, public.city, text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_indeed_row(p public.posting, c public.city, jt text, base text) RETURNS TABLE(title text, date text, referencenumber text, url text, company text, city text, state text, country text, postalcode text, description text, salary text, education text, jobtype text, category text, experience text, expirationdate text, language text)
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT p.title, public.fj_rfc3339_exact(p.posted_at), p.id::text,
	    base || public.fj_job_path(p.id, p.slug), p.company_name,
	    nullif(p.city_name, ''), NULL, coalesce(p.country, c.country), NULL,
	    p.description,
	    CASE WHEN p.salary_min IS NOT NULL OR p.salary_max IS NOT NULL THEN
		concat_ws(' ', concat_ws('-', trim_scale(p.salary_min),
		trim_scale(p.salary_max)), p.salary_currency, 'per ' ||
		coalesce(p.salary_period, 'year')) END, NULL, jt,
	    NULL, NULL, public.fj_rfc3339_exact(p.expires_at), p.lang
$$;


--
-- Name: fj_job_api(public.posting, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_job_api(p public.posting, base text) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT public.fj_job_api(p, co, c, base)
	FROM public.company co LEFT JOIN public.city c ON c.id = p.city_id
	WHERE co.id = p.company_id
$$;


--
-- Name: fj_job_api(public.posting, public.company, public.city, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_job_api(p public.posting, co public.company, c public.city, base text) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT public.fj_job_api_text(p, co, c, base)::json
$$;


--
-- Name: fj_job_api_head(public.posting, public.company, public.city); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_job_api_head(p public.posting, co public.company, c public.city) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT public.fj_members(json_build_object(
	    'title', p.title,
	    'company', p.company_name,
	    'company_slug', co.slug,
	    'company_is_agency', co.is_agency,
	    'company_website', co.website,
	    'city', nullif(p.city_name, ''),
	    'city_id', p.city_id,
	    'city_slug', c.slug,
	    'country', coalesce(p.country, c.country),
	    'contract', p.contract,
	    'schedule', p.schedule,
	    'raw_contract_label', nullif(p.contract_raw, ''),
	    'remote', p.remote,
	    'language', p.lang))
$$;


--
-- Name: fj_job_api_splice(bigint, text, text, text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_job_api_splice(id bigint, url text, head text, description text, tail text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT '{"id" : ' || id || ', "status" : "published", "url" : ' ||
	    to_json(url) || ', ' || head || ', "description" : ' ||
	    to_json(description) || ', ' || tail || '}'
$$;


--
-- Name: fj_job_api_tail(public.posting); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_job_api_tail(p public.posting) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT public.fj_members(json_build_object(
	    'apply_url', p.apply_url,
	    'apply_email', p.apply_email,
	    'salary', CASE WHEN p.salary_min IS NOT NULL OR
		p.salary_max IS NOT NULL THEN json_build_object(
		'min', p.salary_min, 'max', p.salary_max,
		'currency', p.salary_currency,
		'period', coalesce(p.salary_period, 'year')) END,
	    'posted_at', public.fj_rfc3339(p.posted_at),
	    'updated_at', public.fj_rfc3339(p.updated_at),
	    'expires_at', public.fj_rfc3339(p.expires_at)))
$$;


--
-- Name: fj_job_api_text(public.posting, public.company, public.city, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_job_api_text(p public.posting, co public.company, c public.city, base text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT CASE WHEN public.fj_job_status(p) <> 'published' THEN
	    json_build_object('id', p.id, 'status', public.fj_job_status(p),
		'closed_at', public.fj_rfc3339(coalesce(p.closed_at,
		    CASE WHEN public.fj_job_status(p) = 'expired'
		    THEN p.expires_at END, p.updated_at)),
		'updated_at', public.fj_rfc3339(p.updated_at))::text
	ELSE public.fj_job_api_splice(p.id,
	    base || public.fj_job_path(p.id, p.slug),
	    public.fj_job_api_head(p, co, c), p.description,
	    public.fj_job_api_tail(p))
	END
$$;


--
-- Name: fj_job_path(bigint, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_job_path(id bigint, slug text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
	SELECT '/jobs/' || id || '-' || slug
$$;


--
-- Name: fj_job_status(public.posting); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_job_status(p public.posting) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT CASE WHEN p.status = 'published' AND public.fj_expired(p.expires_at)
	    THEN 'expired' ELSE p.status END
$$;


--
-- Name: fj_jobposting(public.posting, public.company, public.city, public.contract_type, public.contract_type); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_jobposting(p public.posting, co public.company, c public.city, ct public.contract_type, st public.contract_type) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT json_strip_nulls(json_build_object(
	    '@type', 'JobPosting',
	    'title', p.title,
	    'datePosted', public.fj_rfc3339(p.posted_at),
	    'identifier', json_build_object('@type', 'PropertyValue',
		'name', 'fashionjobs', 'value', p.id),
	    'hiringOrganization', json_build_object('@type', 'Organization',
		'name', p.company_name, 'sameAs', co.website),
	    'employmentType', to_json(nullif(array_remove(ARRAY[ct.schema_org,
		st.schema_org]::text[], NULL), '{}')),
	    'jobLocation', json_build_object('@type', 'Place', 'address',
		json_build_object('@type', 'PostalAddress',
		'addressLocality', nullif(p.city_name, ''),
		'addressCountry', coalesce(p.country, c.country))),
	    'jobLocationType', CASE WHEN p.remote = 'remote'
		THEN 'TELECOMMUTE' END,
	    'applicantLocationRequirements', CASE WHEN p.remote = 'remote'
		AND coalesce(p.country, c.country) IS NOT NULL THEN
		json_build_object('@type', 'Country',
		'name', coalesce(p.country, c.country)) END,
	    'validThrough', public.fj_rfc3339(p.expires_at),
	    'baseSalary', CASE WHEN p.salary_min IS NOT NULL OR
		p.salary_max IS NOT NULL THEN json_build_object(
		'@type', 'MonetaryAmount', 'currency', p.salary_currency,
		'value', json_build_object('@type', 'QuantitativeValue',
		'minValue', p.salary_min, 'maxValue', p.salary_max,
		'unitText', upper(coalesce(p.salary_period, 'year')))) END,
	    'directApply', false))
$$;


--
-- Name: fj_jobtype(text, text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_jobtype(raw text, c text, s text) RETURNS text
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    AS $$
DECLARE
	k	record;
	l	text;
BEGIN
	IF coalesce(raw, '') <> '' THEN
		SELECT * INTO k FROM fj_contract(raw);
		IF k.contract = c AND k.schedule = s THEN
			RETURN raw;
		END IF;
		IF k.contract = c AND k.schedule = 'unknown' THEN
			l := raw || ', ' || (SELECT label_en FROM contract_type
			    WHERE code = s);
			IF (SELECT (x.contract, x.schedule) FROM fj_contract(l) x)
			    = (c, s) THEN
				RETURN l;
			END IF;
		END IF;
	END IF;
	RETURN fj_contract_label(c, s);
END
$$;


--
-- Name: fj_jobtype_forget(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_jobtype_forget() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	DELETE FROM public.jobtype_memo;
	RETURN NULL;
END
$$;


--
-- Name: fj_key(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_key(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $_$ SELECT btrim(regexp_replace(lower(public.fj_unaccent($1)),
    '[^[:alnum:]]+', ' ', 'g')) $_$;


--
-- Name: fj_label(text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_label(code text, ui text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT CASE ui WHEN 'it' THEN label_it WHEN 'fr' THEN label_fr
	    WHEN 'de' THEN label_de WHEN 'es' THEN label_es ELSE label_en END
	FROM public.contract_type WHERE contract_type.code = fj_label.code
$$;


--
-- Name: fj_login_blocked(text, inet); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_login_blocked(e text, addr inet) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
	WITH w AS (SELECT now() - make_interval(mins =>
	    fj_setting('login_window_minutes')::int) AS since)
	SELECT (SELECT count(*) FROM login_attempt l, w WHERE l.email = e
		AND NOT l.ok AND l.at > w.since AND l.at > coalesce((SELECT
		max(o.at) FROM login_attempt o WHERE o.email = e AND o.ok),
		'-infinity')) >= fj_setting('login_max_account')::int
	    OR (SELECT count(*) FROM login_attempt l, w WHERE l.ip = addr
		AND NOT l.ok AND l.at > w.since) >=
		fj_setting('login_max_ip')::int
$$;


--
-- Name: fj_match_newest(tsquery, integer, text, integer, text, boolean, boolean, integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_match_newest(tq tsquery, cid integer, ct text, coid integer, lg text, any_city boolean, any_company boolean, lim integer) RETURNS TABLE(id bigint, posted_at timestamp with time zone, city_id integer, contract text, company_id integer, lang text, rank real)
    LANGUAGE plpgsql STABLE
    AS $_$
BEGIN
	RETURN QUERY EXECUTE
	    'SELECT x.id, x.posted_at, x.city_id, x.contract, x.company_id,'
	    ' x.lang, ts_rank(x.search, $1) FROM posting x'
	    ' WHERE x.status = ''published'' AND NOT public.fj_expired('
	    'x.expires_at) AND x.search @@ $1'
	    ' AND ($6 OR x.city_id = $2) AND ($3::text IS NULL'
	    ' OR x.contract = $3) AND ($7 OR x.company_id = $4)'
	    ' AND ($5::text IS NULL OR x.lang = $5)'
	    ' ORDER BY x.posted_at DESC, x.id DESC LIMIT $8'
	    USING tq, cid, ct, coid, lg, any_city, any_company, lim;
END
$_$;


--
-- Name: fj_match_newest_cities(tsquery, integer[], text, integer, text, boolean, boolean, integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_match_newest_cities(tq tsquery, cids integer[], ct text, coid integer, lg text, any_city boolean, any_company boolean, lim integer) RETURNS TABLE(id bigint, posted_at timestamp with time zone, city_id integer, contract text, company_id integer, lang text, rank real)
    LANGUAGE plpgsql STABLE
    AS $_$
BEGIN
	RETURN QUERY EXECUTE
	    'SELECT x.id, x.posted_at, x.city_id, x.contract, x.company_id,'
	    ' x.lang, ts_rank(x.search, $1) FROM public.posting x'
	    ' WHERE x.status = ''published'' AND NOT public.fj_expired('
	    'x.expires_at) AND x.search @@ $1'
	    ' AND ($6 OR ' || CASE WHEN cardinality(cids) = 1
		THEN 'x.city_id = $2[1]' ELSE 'x.city_id = ANY ($2)' END ||
	    ') AND ($3::text IS NULL'
	    ' OR x.contract = $3) AND ($7 OR x.company_id = $4)'
	    ' AND ($5::text IS NULL OR x.lang = $5)'
	    ' ORDER BY x.posted_at DESC, x.id DESC LIMIT $8'
	    USING tq, cids, ct, coid, lg, any_city, any_company, lim;
END
$_$;


--
-- Name: fj_members(json); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_members(j json) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
	SELECT left(right(j::text, -1), -1)
$$;


--
-- Name: fj_parse_date(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_parse_date(s text) RETURNS timestamp with time zone
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
	IF s IS NULL OR btrim(s) = '' THEN
		RETURN NULL;
	END IF;
	RETURN s::timestamptz;
EXCEPTION WHEN others THEN
	RETURN NULL;
END
$$;


--
-- Name: fj_place_find(text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_place_find(raw text, cc text) RETURNS integer
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    AS $$
DECLARE
	k	text := public.fj_key(raw);
	w	text[];
	n	int;
	len	int;
	i	int;
	v_n	int;
	v_id	int;
BEGIN
	IF k IS NULL OR k = '' THEN
		RETURN NULL;
	END IF;
	w := string_to_array(k, ' ');
	n := array_length(w, 1);
	IF n > 12 THEN
		RETURN NULL;
	END IF;
	FOR len IN REVERSE least(n, 6) .. 1 LOOP
		FOR i IN 1 .. n - len + 1 LOOP
			WITH c AS MATERIALIZED (SELECT p.id, p.lat, p.lng,
				(public.fj_key(p.admin2) = ANY (w[1:i - 1] ||
				    w[i + len:n]) OR public.fj_key(p.admin1) =
				    ANY (w[1:i - 1] || w[i + len:n])) AS by_code,
				p.country IS NOT DISTINCT FROM cc OR EXISTS
				    (SELECT 1 FROM public.city m
				    WHERE m.country = p.country AND m.known
				    AND NOT m.from_gazetteer) AS by_country
			    FROM public.place p
			    WHERE p.key = array_to_string(w[i:i + len - 1], ' ')
			    AND (cc IS NULL OR p.country = cc)
			    AND public.fj_city_qualifiers_ok(w[1:i - 1],
				p.country)
			    AND public.fj_city_qualifiers_ok(w[i + len:n],
				p.country)),
			top AS (SELECT * FROM c ORDER BY by_code DESC,
			    by_country DESC, id LIMIT 1),
			best AS (SELECT c.* FROM c, top
			    WHERE c.by_code = top.by_code
			    AND c.by_country = top.by_country)
			SELECT (SELECT id FROM top), count(*) FILTER (WHERE
			    public.earth_distance(public.ll_to_earth(b.lat,
			    b.lng), public.ll_to_earth(t.lat, t.lng)) > 10000)
			INTO v_id, v_n
			FROM best b, top t;
			IF v_id IS NOT NULL THEN
				RETURN CASE WHEN v_n = 0 THEN v_id END;
			END IF;
		END LOOP;
	END LOOP;
	RETURN NULL;
END
$$;


--
-- Name: fj_posting_changed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_posting_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	NEW.change_xid := pg_current_xact_id();
	IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
		NEW.updated_at := now();
	END IF;
	RETURN NEW;
END
$$;


--
-- Name: fj_posting_listed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_posting_listed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	NEW.listed_at := now();
	RETURN NEW;
END
$$;


--
-- Name: fj_posting_page(bigint, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_posting_page(p_id bigint, p_ui text) RETURNS json
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    AS $$
BEGIN
	RETURN (SELECT json_build_object('job', json_build_object(
	    'id', x.id, 'slug', x.slug,
	    'path', public.fj_job_path(x.id, x.slug), 'title', x.title,
	    'company', x.company_name, 'company_slug', co.slug,
	    'company_agency', co.is_agency,
	    'company_confidential', co.is_confidential,
	    'company_website', co.website,
	    'city', x.city_name, 'city_slug', c.slug,
	    'country', coalesce(x.country, c.country),
	    'contract', x.contract,
	    'contract_label', public.fj_label(x.contract, p_ui),
	    'schedule', x.schedule, 'schedule_label', CASE WHEN
		x.schedule <> 'unknown' THEN public.fj_label(x.schedule, p_ui)
		END,
	    'contract_raw', x.contract_raw, 'description', x.description,
	    'apply_url', x.apply_url, 'apply_email', x.apply_email,
	    'lang', x.lang, 'remote', x.remote, 'remote_label', CASE WHEN
		x.remote <> 'onsite' THEN x.remote END,
	    'salary_min', x.salary_min, 'salary_max', x.salary_max,
	    'salary_currency', x.salary_currency,
	    'salary_period', x.salary_period,
	    'status', public.fj_job_status(x),
	    'posted_at', public.fj_rfc3339(x.posted_at),
	    'posted', public.fj_day(x.posted_at),
	    'jobposting', public.fj_jobposting(x, co, c, ct, st)),
	    'similar', (SELECT json_agg(public.fj_card(s, p_ui)
		ORDER BY s.posted_at DESC, s.id DESC)
		FROM public.posting s WHERE s.id IN (SELECT u.id FROM
		((SELECT s1.id, s1.posted_at FROM public.posting s1
		  WHERE s1.status = 'published' AND
		  NOT public.fj_expired(s1.expires_at) AND s1.company_id = x.company_id
		  AND s1.id <> x.id ORDER BY s1.posted_at DESC LIMIT 3)
		 UNION
		 (SELECT s2.id, s2.posted_at FROM public.posting s2
		  WHERE s2.status = 'published' AND
		  NOT public.fj_expired(s2.expires_at) AND s2.city_id = x.city_id
		  AND s2.id <> x.id ORDER BY s2.posted_at DESC LIMIT 3)) u
		ORDER BY u.posted_at DESC, u.id DESC LIMIT 5)))
	    FROM public.posting x JOIN public.company co ON co.id = x.company_id
	    LEFT JOIN public.city c ON c.id = x.city_id
	    LEFT JOIN public.contract_type ct ON ct.code = x.contract
	    LEFT JOIN public.contract_type st ON st.code = x.schedule
	    WHERE x.id = p_id);
END
$$;


--
-- Name: fj_posting_search(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_posting_search() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	NEW.search := public.fj_search_vector(NEW.title, NEW.company_name,
	    NEW.city_name, NEW.city_raw, NEW.description, NULL);
	RETURN NEW;
END
$$;


--
-- Name: fj_refresh_words(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_refresh_words() RETURNS void
    LANGUAGE sql
    AS $$
	DELETE FROM search_word;
	INSERT INTO search_word (word, ndoc)
	SELECT word, ndoc FROM fj_word_stat(
	    'SELECT search FROM posting WHERE status = ''published''');
$$;


--
-- Name: fj_render(bigint[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_render(ids bigint[]) RETURNS void
    LANGUAGE sql
    AS $$
	DELETE FROM public.posting_render r WHERE r.posting_id = ANY (ids)
	    AND NOT EXISTS (SELECT 1 FROM public.posting p
	    WHERE p.id = r.posting_id AND p.status = 'published');
	INSERT INTO public.posting_render AS r (posting_id, api_head,
	    api_tail, feed_title, feed_mid, feed_job)
	SELECT p.id, public.fj_job_api_head(p, co, c),
	    public.fj_job_api_tail(p), public.fj_feed_title(p),
	    public.fj_feed_mid(p, c), public.fj_feed_job(p, co, c, ct, st)
	FROM public.posting p JOIN public.company co ON co.id = p.company_id
	LEFT JOIN public.city c ON c.id = p.city_id
	LEFT JOIN public.contract_type ct ON ct.code = p.contract
	LEFT JOIN public.contract_type st ON st.code = p.schedule
	WHERE p.id = ANY (ids) AND p.status = 'published'
	ON CONFLICT (posting_id) DO UPDATE SET api_head = excluded.api_head,
	    api_tail = excluded.api_tail, feed_title = excluded.feed_title,
	    feed_mid = excluded.feed_mid, feed_job = excluded.feed_job
	WHERE (r.api_head, r.api_tail, r.feed_title, r.feed_mid, r.feed_job)
	    IS DISTINCT FROM (excluded.api_head, excluded.api_tail,
	    excluded.feed_title, excluded.feed_mid, excluded.feed_job);
$$;


--
-- Name: fj_render_all(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_render_all() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	PERFORM public.fj_render(ARRAY(SELECT p.id FROM public.posting p
	    WHERE p.status = 'published'));
	RETURN NULL;
END
$$;


--
-- Name: fj_render_city(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_render_city() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	PERFORM public.fj_render(ARRAY(SELECT p.id FROM public.posting p
	    WHERE p.city_id = NEW.id AND p.status = 'published'));
	RETURN NULL;
END
$$;


--
-- Name: fj_render_company(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_render_company() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	PERFORM public.fj_render(ARRAY(SELECT p.id FROM public.posting p
	    WHERE p.company_id = NEW.id AND p.status = 'published'));
	RETURN NULL;
END
$$;


--
-- Name: fj_render_insert(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_render_insert() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	PERFORM public.fj_render(ARRAY(SELECT n.id FROM new_rows n
	    WHERE n.status = 'published'));
	RETURN NULL;
END
$$;


--
-- Name: fj_render_update(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_render_update() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	PERFORM public.fj_render(ARRAY(SELECT n.id FROM new_rows n
	    JOIN old_rows o ON o.id = n.id
	    WHERE (n.title, n.company_id, n.company_name, n.slug, n.contract,
		n.schedule, n.contract_raw, n.city_id, n.city_name, n.country,
		n.description, n.apply_url, n.apply_email, n.lang, n.remote,
		n.salary_min, n.salary_max, n.salary_currency,
		n.salary_period, n.status, n.posted_at, n.expires_at,
		n.updated_at)
	    IS DISTINCT FROM (o.title, o.company_id, o.company_name, o.slug,
		o.contract, o.schedule, o.contract_raw, o.city_id,
		o.city_name, o.country, o.description, o.apply_url,
		o.apply_email, o.lang, o.remote, o.salary_min, o.salary_max,
		o.salary_currency, o.salary_period, o.status, o.posted_at,
		o.expires_at, o.updated_at)));
	RETURN NULL;
END
$$;


--
-- Name: fj_rfc3339(timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_rfc3339(t timestamp with time zone) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
$$;


--
-- Name: fj_rfc3339_exact(timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_rfc3339_exact(t timestamp with time zone) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT CASE WHEN extract(microseconds FROM t)::bigint % 1000000 = 0
	    THEN public.fj_rfc3339(t)
	    ELSE to_char(t AT TIME ZONE 'UTC',
		'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') END
$$;


--
-- Name: fj_search_vector(text, text, text, text, text, tsvector); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_search_vector(title text, company text, city_name text, city_raw text, description text, described tsvector) RETURNS tsvector
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


--
-- Name: fj_setting(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_setting(k text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT value FROM setting WHERE key = k $$;


--
-- Name: fj_slug(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_slug(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $_$ SELECT coalesce(nullif(left(replace(public.fj_key($1), ' ', '-'), 80),
    ''), 'n-a') $_$;


--
-- Name: fj_token(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_token() RETURNS text
    LANGUAGE sql PARALLEL SAFE
    AS $$
	SELECT replace(gen_random_uuid()::text || gen_random_uuid()::text,
	    '-', '')
$$;


--
-- Name: fj_tsquery(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_tsquery(q text) RETURNS tsquery
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    AS $$
DECLARE
	w	text[] := regexp_split_to_array(fj_key(q), ' ');
	n	int := coalesce(array_length(w, 1), 0);
	i	int := 1;
	k	int;
	alias	text;
	canon	text;
	part	text;
	fix	text;
	result	text := '';
BEGIN
	IF n = 0 OR w[1] = '' THEN
		RETURN NULL;
	END IF;
	n := least(n, 12);
	WHILE i <= n LOOP
		part := NULL;
		-- Longest city alias starting at word i, up to four words.
		FOR k IN REVERSE least(4, n - i + 1)..1 LOOP
			alias := array_to_string(w[i:i + k - 1], ' ');
			SELECT fj_key(c.name) INTO canon FROM city_alias a
			    JOIN city c ON c.id = a.city_id WHERE a.key = alias;
			IF canon IS NOT NULL AND (k > 1 OR length(alias) >= 3) THEN
				part := '(' || replace(alias, ' ', ' <-> ') ||
				    ' | ' || replace(canon, ' ', ' <-> ') || ')';
				i := i + k;
				EXIT;
			END IF;
		END LOOP;
		IF part IS NULL THEN
			-- A whole known word matches exactly (a prefix scan of
			-- the index costs several times more); anything else is
			-- a prefix being typed, or a typo.
			IF EXISTS (SELECT 1 FROM search_word WHERE word = w[i]) THEN
				part := quote_literal(w[i]);
			ELSE
				part := quote_literal(w[i]) || ':*';
				IF length(w[i]) >= 4 THEN
					SELECT word INTO fix FROM search_word
					    WHERE word % w[i]
					    ORDER BY similarity(word, w[i]) DESC,
					    ndoc DESC LIMIT 1;
					IF fix IS NOT NULL THEN
						part := '(' || part || ' | ' ||
						    quote_literal(fix) || ')';
					END IF;
				END IF;
			END IF;
			i := i + 1;
		END IF;
		result := result || CASE WHEN result = '' THEN '' ELSE ' & ' END
		    || part;
	END LOOP;
	RETURN to_tsquery('fj', result);
END
$$;


--
-- Name: fj_unaccent(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $_$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $_$;


--
-- Name: fj_word_stat(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fj_word_stat(q text) RETURNS TABLE(word text, ndoc integer)
    LANGUAGE sql STABLE
    AS $_$
	SELECT s.word, s.ndoc FROM ts_stat(q) s
	WHERE length(s.word) >= 3 AND s.word !~ '^[0-9]+$'
$_$;


--
-- Name: fj; Type: TEXT SEARCH CONFIGURATION; Schema: public; Owner: -
--

CREATE TEXT SEARCH CONFIGURATION public.fj (
    PARSER = pg_catalog."default" );

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR asciiword WITH public.unaccent, simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR word WITH public.unaccent, simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR numword WITH public.unaccent, simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR email WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR url WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR host WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR sfloat WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR version WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR hword_numpart WITH public.unaccent, simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR hword_part WITH public.unaccent, simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR hword_asciipart WITH public.unaccent, simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR numhword WITH public.unaccent, simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR asciihword WITH public.unaccent, simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR hword WITH public.unaccent, simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR url_path WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR file WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR "float" WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR "int" WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR uint WITH simple;


--
-- Name: account; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.account (
    id integer NOT NULL,
    email text NOT NULL,
    password_hash text NOT NULL,
    role text DEFAULT 'recruiter'::text NOT NULL,
    trusted boolean DEFAULT false NOT NULL,
    company_id integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    password_changed_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT account_email_check CHECK ((length(email) <= 254)),
    CONSTRAINT account_role_check CHECK ((role = ANY (ARRAY['recruiter'::text, 'admin'::text])))
);


--
-- Name: account_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.account_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: account_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.account_id_seq OWNED BY public.account.id;


--
-- Name: alert; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.alert (
    id bigint NOT NULL,
    subscriber_id bigint NOT NULL,
    filters jsonb NOT NULL,
    label text NOT NULL,
    search text NOT NULL,
    frequency text NOT NULL,
    confirm_hash bytea NOT NULL,
    confirm_expires timestamp with time zone NOT NULL,
    confirmed_at timestamp with time zone,
    paused boolean DEFAULT false NOT NULL,
    unsub_token text DEFAULT public.fj_token() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    since_at timestamp with time zone,
    checked_upto timestamp with time zone,
    next_run_at timestamp with time zone,
    seen_ids bigint[] DEFAULT '{}'::bigint[] NOT NULL,
    CONSTRAINT alert_filters_check CHECK ((length((filters)::text) <= 1000)),
    CONSTRAINT alert_frequency_check CHECK ((frequency = ANY (ARRAY['instant'::text, 'daily'::text, 'weekly'::text]))),
    CONSTRAINT alert_label_check CHECK ((length(label) <= 500)),
    CONSTRAINT alert_search_check CHECK ((length(search) <= 1500))
);


--
-- Name: alert_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.alert_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: alert_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.alert_id_seq OWNED BY public.alert.id;


--
-- Name: alert_signup; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.alert_signup (
    email_key text NOT NULL,
    ip inet NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: alert_subscriber; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.alert_subscriber (
    id bigint NOT NULL,
    email text NOT NULL,
    manage_token text DEFAULT public.fj_token() NOT NULL,
    lang text DEFAULT 'en'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT alert_subscriber_email_check CHECK (((length(email) <= 254) AND (email !~ '[[:cntrl:][:space:]<>]'::text)))
);


--
-- Name: alert_subscriber_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.alert_subscriber_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: alert_subscriber_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.alert_subscriber_id_seq OWNED BY public.alert_subscriber.id;


--
-- Name: api_key; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_key (
    id integer NOT NULL,
    name text NOT NULL,
    key_hash text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    revoked_at timestamp with time zone,
    CONSTRAINT api_key_name_check CHECK (((length(name) >= 1) AND (length(name) <= 100)))
);


--
-- Name: api_key_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.api_key_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: api_key_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.api_key_id_seq OWNED BY public.api_key.id;


--
-- Name: api_rate; Type: TABLE; Schema: public; Owner: -
--

CREATE UNLOGGED TABLE public.api_rate (
    slot text NOT NULL,
    win bigint NOT NULL,
    n integer NOT NULL
);


--
-- Name: city_alias; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.city_alias (
    key text NOT NULL,
    city_id integer NOT NULL,
    lang text
);


--
-- Name: city_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.city_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: city_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.city_id_seq OWNED BY public.city.id;


--
-- Name: city_place_pin; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.city_place_pin (
    slug text NOT NULL,
    admin text NOT NULL
);


--
-- Name: city_qualifier; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.city_qualifier (
    country text NOT NULL,
    key text NOT NULL
);


--
-- Name: city_qualifier_shape; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.city_qualifier_shape (
    country text NOT NULL,
    pattern text NOT NULL
);


--
-- Name: company_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.company_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: company_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.company_id_seq OWNED BY public.company.id;


--
-- Name: contract_lexicon; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contract_lexicon (
    key text NOT NULL,
    code text NOT NULL,
    lang text,
    priority integer DEFAULT 100 NOT NULL
);


--
-- Name: facet_count; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.facet_count (
    city_id integer,
    contract text NOT NULL,
    company_id integer NOT NULL,
    lang text NOT NULL,
    n integer NOT NULL
)
WITH (fillfactor='50');


--
-- Name: gazetteer; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.gazetteer (
    source text NOT NULL,
    version text NOT NULL,
    places integer NOT NULL,
    loaded_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: jobtype_memo; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.jobtype_memo (
    contract_raw text NOT NULL,
    contract text NOT NULL,
    schedule text NOT NULL,
    label text
);


--
-- Name: login_attempt; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.login_attempt (
    id bigint NOT NULL,
    email text NOT NULL,
    ip inet,
    ok boolean NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: login_attempt_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.login_attempt_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: login_attempt_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.login_attempt_id_seq OWNED BY public.login_attempt.id;


--
-- Name: mail_outbox; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.mail_outbox (
    id bigint NOT NULL,
    kind text NOT NULL,
    to_addr text NOT NULL,
    subject text NOT NULL,
    body text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    sent_at timestamp with time zone,
    attempts integer DEFAULT 0 NOT NULL,
    last_error text,
    next_attempt_at timestamp with time zone DEFAULT now() NOT NULL,
    locked_by text,
    locked_until timestamp with time zone,
    body_html text,
    list_unsubscribe text,
    at_most_once boolean DEFAULT false NOT NULL,
    permanent_failures integer DEFAULT 0 NOT NULL,
    CONSTRAINT mail_outbox_subject_check CHECK (((length(subject) <= 200) AND (subject !~ '[[:cntrl:]]'::text))),
    CONSTRAINT mail_outbox_to_addr_check CHECK (((length(to_addr) <= 254) AND (to_addr !~ '[[:cntrl:][:space:]<>]'::text)))
);


--
-- Name: mail_outbox_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.mail_outbox_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: mail_outbox_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.mail_outbox_id_seq OWNED BY public.mail_outbox.id;


--
-- Name: mail_undeliverable; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.mail_undeliverable (
    addr_key text NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    reason text NOT NULL
);


--
-- Name: moderation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.moderation (
    id bigint NOT NULL,
    admin_id integer NOT NULL,
    action text NOT NULL,
    posting_id bigint,
    account_id integer,
    reason text,
    at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: moderation_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.moderation_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: moderation_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.moderation_id_seq OWNED BY public.moderation.id;


--
-- Name: partner; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.partner (
    id integer NOT NULL,
    name text NOT NULL,
    url text NOT NULL,
    format text NOT NULL,
    every interval DEFAULT '01:00:00'::interval NOT NULL,
    map text,
    enabled boolean DEFAULT true NOT NULL,
    close_after integer DEFAULT 2 NOT NULL,
    max_bytes bigint DEFAULT 67108864 NOT NULL,
    etag text,
    last_modified text,
    next_run_at timestamp with time zone DEFAULT now() NOT NULL,
    lease_until timestamp with time zone,
    lease_owner text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    snapshot_at timestamp with time zone,
    lease_backend integer,
    country character(2),
    CONSTRAINT partner_close_after_check CHECK ((close_after > 0)),
    CONSTRAINT partner_country_check CHECK ((country ~ '^[A-Z]{2}$'::text)),
    CONSTRAINT partner_format_check CHECK ((format = ANY (ARRAY['indeed'::text, 'rss'::text, 'atom'::text, 'jsonld'::text, 'html'::text])))
);


--
-- Name: COLUMN partner.snapshot_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.partner.snapshot_at IS 'start of the last complete import: every source with missed_runs = 0 was in it';


--
-- Name: partner_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.partner_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: partner_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.partner_id_seq OWNED BY public.partner.id;


--
-- Name: partner_run; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.partner_run (
    id bigint NOT NULL,
    partner_id integer NOT NULL,
    started_at timestamp with time zone DEFAULT now() NOT NULL,
    finished_at timestamp with time zone,
    ok boolean DEFAULT false NOT NULL,
    http_status integer,
    bytes bigint DEFAULT 0 NOT NULL,
    items_seen integer DEFAULT 0 NOT NULL,
    items_new integer DEFAULT 0 NOT NULL,
    items_updated integer DEFAULT 0 NOT NULL,
    items_unchanged integer DEFAULT 0 NOT NULL,
    items_closed integer DEFAULT 0 NOT NULL,
    items_rejected integer DEFAULT 0 NOT NULL,
    rejects jsonb DEFAULT '[]'::jsonb NOT NULL,
    error text
);


--
-- Name: partner_run_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.partner_run_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: partner_run_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.partner_run_id_seq OWNED BY public.partner_run.id;


--
-- Name: place; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.place (
    id integer NOT NULL,
    name text NOT NULL,
    key text NOT NULL,
    country character(2) NOT NULL,
    admin1 text DEFAULT ''::text NOT NULL,
    admin2 text DEFAULT ''::text NOT NULL,
    lat double precision NOT NULL,
    lng double precision NOT NULL
);


--
-- Name: posting_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.posting_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: posting_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.posting_id_seq OWNED BY public.posting.id;


--
-- Name: posting_render; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.posting_render (
    posting_id bigint NOT NULL,
    api_head text NOT NULL,
    api_tail text NOT NULL,
    feed_title text NOT NULL,
    feed_mid text NOT NULL,
    feed_job text NOT NULL
);


--
-- Name: posting_source; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.posting_source (
    partner_id integer NOT NULL,
    external_id text NOT NULL,
    posting_id bigint NOT NULL,
    url text,
    content_hash text NOT NULL,
    first_seen timestamp with time zone DEFAULT now() NOT NULL,
    seen_at timestamp with time zone DEFAULT now() NOT NULL,
    missed_runs integer DEFAULT 0 NOT NULL,
    raw_hash bigint
)
WITH (fillfactor='50');


--
-- Name: COLUMN posting_source.seen_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.posting_source.seen_at IS 'last seen as of the last write of this row; read last_seen from posting_source_seen';


--
-- Name: posting_source_seen; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.posting_source_seen AS
 SELECT s.partner_id,
    s.external_id,
    s.posting_id,
    s.url,
    s.content_hash,
    s.first_seen,
    s.seen_at,
    s.missed_runs,
        CASE
            WHEN (s.missed_runs = 0) THEN GREATEST(s.seen_at, p.snapshot_at)
            ELSE s.seen_at
        END AS last_seen
   FROM (public.posting_source s
     JOIN public.partner p ON ((p.id = s.partner_id)));


--
-- Name: saved_job; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.saved_job (
    list_id bigint NOT NULL,
    posting_id bigint NOT NULL,
    saved_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: saved_list; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.saved_list (
    id bigint NOT NULL,
    token_hash bytea NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    used_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: saved_list_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.saved_list_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: saved_list_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.saved_list_id_seq OWNED BY public.saved_list.id;


--
-- Name: schema_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_migrations (
    name text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL,
    checksum text
);


--
-- Name: search_word; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.search_word (
    word text NOT NULL,
    ndoc integer NOT NULL
);


--
-- Name: session; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.session (
    token_hash bytea NOT NULL,
    account_id integer NOT NULL,
    csrf text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL
);


--
-- Name: setting; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.setting (
    key text NOT NULL,
    value text NOT NULL,
    description text NOT NULL
);


--
-- Name: signup_pending; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.signup_pending (
    id bigint NOT NULL,
    email text NOT NULL,
    password_hash text NOT NULL,
    token_hash bytea NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone,
    CONSTRAINT signup_pending_email_check CHECK ((length(email) <= 254))
);


--
-- Name: signup_pending_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.signup_pending_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: signup_pending_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.signup_pending_id_seq OWNED BY public.signup_pending.id;


--
-- Name: account id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.account ALTER COLUMN id SET DEFAULT nextval('public.account_id_seq'::regclass);


--
-- Name: alert id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert ALTER COLUMN id SET DEFAULT nextval('public.alert_id_seq'::regclass);


--
-- Name: alert_subscriber id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert_subscriber ALTER COLUMN id SET DEFAULT nextval('public.alert_subscriber_id_seq'::regclass);


--
-- Name: api_key id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_key ALTER COLUMN id SET DEFAULT nextval('public.api_key_id_seq'::regclass);


--
-- Name: city id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.city ALTER COLUMN id SET DEFAULT nextval('public.city_id_seq'::regclass);


--
-- Name: company id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.company ALTER COLUMN id SET DEFAULT nextval('public.company_id_seq'::regclass);


--
-- Name: login_attempt id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.login_attempt ALTER COLUMN id SET DEFAULT nextval('public.login_attempt_id_seq'::regclass);


--
-- Name: mail_outbox id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail_outbox ALTER COLUMN id SET DEFAULT nextval('public.mail_outbox_id_seq'::regclass);


--
-- Name: moderation id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.moderation ALTER COLUMN id SET DEFAULT nextval('public.moderation_id_seq'::regclass);


--
-- Name: partner id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.partner ALTER COLUMN id SET DEFAULT nextval('public.partner_id_seq'::regclass);


--
-- Name: partner_run id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.partner_run ALTER COLUMN id SET DEFAULT nextval('public.partner_run_id_seq'::regclass);


--
-- Name: posting id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.posting ALTER COLUMN id SET DEFAULT nextval('public.posting_id_seq'::regclass);


--
-- Name: saved_list id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.saved_list ALTER COLUMN id SET DEFAULT nextval('public.saved_list_id_seq'::regclass);


--
-- Name: signup_pending id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.signup_pending ALTER COLUMN id SET DEFAULT nextval('public.signup_pending_id_seq'::regclass);


--
-- Name: account account_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.account
    ADD CONSTRAINT account_pkey PRIMARY KEY (id);


--
-- Name: alert alert_confirm_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert
    ADD CONSTRAINT alert_confirm_hash_key UNIQUE (confirm_hash);


--
-- Name: alert alert_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert
    ADD CONSTRAINT alert_pkey PRIMARY KEY (id);


--
-- Name: alert_subscriber alert_subscriber_manage_token_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert_subscriber
    ADD CONSTRAINT alert_subscriber_manage_token_key UNIQUE (manage_token);


--
-- Name: alert_subscriber alert_subscriber_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert_subscriber
    ADD CONSTRAINT alert_subscriber_pkey PRIMARY KEY (id);


--
-- Name: alert alert_unsub_token_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert
    ADD CONSTRAINT alert_unsub_token_key UNIQUE (unsub_token);


--
-- Name: api_key api_key_key_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_key
    ADD CONSTRAINT api_key_key_hash_key UNIQUE (key_hash);


--
-- Name: api_key api_key_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_key
    ADD CONSTRAINT api_key_pkey PRIMARY KEY (id);


--
-- Name: api_rate api_rate_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_rate
    ADD CONSTRAINT api_rate_pkey PRIMARY KEY (slot);


--
-- Name: city_alias city_alias_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.city_alias
    ADD CONSTRAINT city_alias_pkey PRIMARY KEY (key);


--
-- Name: city city_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.city
    ADD CONSTRAINT city_pkey PRIMARY KEY (id);


--
-- Name: city_place_pin city_place_pin_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.city_place_pin
    ADD CONSTRAINT city_place_pin_pkey PRIMARY KEY (slug);


--
-- Name: city_qualifier city_qualifier_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.city_qualifier
    ADD CONSTRAINT city_qualifier_pkey PRIMARY KEY (country, key);


--
-- Name: city_qualifier_shape city_qualifier_shape_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.city_qualifier_shape
    ADD CONSTRAINT city_qualifier_shape_pkey PRIMARY KEY (country, pattern);


--
-- Name: city city_slug_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.city
    ADD CONSTRAINT city_slug_key UNIQUE (slug);


--
-- Name: company company_key_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.company
    ADD CONSTRAINT company_key_key UNIQUE (key);


--
-- Name: company company_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.company
    ADD CONSTRAINT company_pkey PRIMARY KEY (id);


--
-- Name: company company_slug_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.company
    ADD CONSTRAINT company_slug_key UNIQUE (slug);


--
-- Name: contract_lexicon contract_lexicon_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contract_lexicon
    ADD CONSTRAINT contract_lexicon_pkey PRIMARY KEY (key);


--
-- Name: contract_type contract_type_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contract_type
    ADD CONSTRAINT contract_type_pkey PRIMARY KEY (code);


--
-- Name: facet_count facet_count_city_id_contract_company_id_lang_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.facet_count
    ADD CONSTRAINT facet_count_city_id_contract_company_id_lang_key UNIQUE NULLS NOT DISTINCT (city_id, contract, company_id, lang);


--
-- Name: gazetteer gazetteer_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.gazetteer
    ADD CONSTRAINT gazetteer_pkey PRIMARY KEY (source);


--
-- Name: jobtype_memo jobtype_memo_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobtype_memo
    ADD CONSTRAINT jobtype_memo_pkey PRIMARY KEY (contract_raw, contract, schedule);


--
-- Name: login_attempt login_attempt_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.login_attempt
    ADD CONSTRAINT login_attempt_pkey PRIMARY KEY (id);


--
-- Name: mail_outbox mail_outbox_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail_outbox
    ADD CONSTRAINT mail_outbox_pkey PRIMARY KEY (id);


--
-- Name: mail_undeliverable mail_undeliverable_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail_undeliverable
    ADD CONSTRAINT mail_undeliverable_pkey PRIMARY KEY (addr_key);


--
-- Name: moderation moderation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.moderation
    ADD CONSTRAINT moderation_pkey PRIMARY KEY (id);


--
-- Name: partner partner_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.partner
    ADD CONSTRAINT partner_name_key UNIQUE (name);


--
-- Name: partner partner_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.partner
    ADD CONSTRAINT partner_pkey PRIMARY KEY (id);


--
-- Name: partner_run partner_run_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.partner_run
    ADD CONSTRAINT partner_run_pkey PRIMARY KEY (id);


--
-- Name: place place_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.place
    ADD CONSTRAINT place_pkey PRIMARY KEY (id);


--
-- Name: posting posting_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.posting
    ADD CONSTRAINT posting_pkey PRIMARY KEY (id);


--
-- Name: posting_render posting_render_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.posting_render
    ADD CONSTRAINT posting_render_pkey PRIMARY KEY (posting_id);


--
-- Name: posting_source posting_source_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.posting_source
    ADD CONSTRAINT posting_source_pkey PRIMARY KEY (partner_id, external_id);


--
-- Name: saved_job saved_job_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.saved_job
    ADD CONSTRAINT saved_job_pkey PRIMARY KEY (list_id, posting_id);


--
-- Name: saved_list saved_list_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.saved_list
    ADD CONSTRAINT saved_list_pkey PRIMARY KEY (id);


--
-- Name: saved_list saved_list_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.saved_list
    ADD CONSTRAINT saved_list_token_hash_key UNIQUE (token_hash);


--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (name);


--
-- Name: search_word search_word_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_word
    ADD CONSTRAINT search_word_pkey PRIMARY KEY (word);


--
-- Name: session session_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.session
    ADD CONSTRAINT session_pkey PRIMARY KEY (token_hash);


--
-- Name: setting setting_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.setting
    ADD CONSTRAINT setting_pkey PRIMARY KEY (key);


--
-- Name: signup_pending signup_pending_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.signup_pending
    ADD CONSTRAINT signup_pending_pkey PRIMARY KEY (id);


--
-- Name: signup_pending signup_pending_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.signup_pending
    ADD CONSTRAINT signup_pending_token_hash_key UNIQUE (token_hash);


--
-- Name: account_company; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX account_company ON public.account USING btree (company_id) WHERE (company_id IS NOT NULL);


--
-- Name: account_email; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX account_email ON public.account USING btree (lower(email));


--
-- Name: alert_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX alert_due ON public.alert USING btree (next_run_at) WHERE ((confirmed_at IS NOT NULL) AND (NOT paused));


--
-- Name: alert_signup_email; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX alert_signup_email ON public.alert_signup USING btree (email_key, at);


--
-- Name: alert_signup_ip; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX alert_signup_ip ON public.alert_signup USING btree (ip, at);


--
-- Name: alert_subscriber_email; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX alert_subscriber_email ON public.alert_subscriber USING btree (lower(email));


--
-- Name: alert_subscriber_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX alert_subscriber_id ON public.alert USING btree (subscriber_id);


--
-- Name: api_key_active; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX api_key_active ON public.api_key USING btree (name) WHERE (revoked_at IS NULL);


--
-- Name: city_alias_city; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX city_alias_city ON public.city_alias USING btree (city_id);


--
-- Name: city_place; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX city_place ON public.city USING btree (place_id) WHERE (place_id IS NOT NULL);


--
-- Name: city_pos; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX city_pos ON public.city USING gist (pos) WHERE (pos IS NOT NULL);


--
-- Name: facet_count_company; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX facet_count_company ON public.facet_count USING btree (company_id);


--
-- Name: login_attempt_email; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX login_attempt_email ON public.login_attempt USING btree (email, at);


--
-- Name: login_attempt_ip; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX login_attempt_ip ON public.login_attempt USING btree (ip, at) WHERE (NOT ok);


--
-- Name: mail_outbox_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_outbox_due ON public.mail_outbox USING btree (next_attempt_at, id) WHERE (sent_at IS NULL);


--
-- Name: mail_outbox_to; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_outbox_to ON public.mail_outbox USING btree (lower(to_addr), created_at);


--
-- Name: partner_run_partner; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX partner_run_partner ON public.partner_run USING btree (partner_id, started_at DESC);


--
-- Name: place_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX place_key ON public.place USING btree (key, country);


--
-- Name: posting_account; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX posting_account ON public.posting USING btree (account_id, id DESC) WHERE (account_id IS NOT NULL);


--
-- Name: posting_change; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX posting_change ON public.posting USING btree (change_xid, id);


--
-- Name: posting_city; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX posting_city ON public.posting USING btree (city_id, posted_at DESC) WHERE (status = 'published'::text);


--
-- Name: posting_company; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX posting_company ON public.posting USING btree (company_id, posted_at DESC) WHERE (status = 'published'::text);


--
-- Name: posting_dedup; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX posting_dedup ON public.posting USING btree (company_id, public.fj_key(title), city_id) WHERE (status = ANY (ARRAY['published'::text, 'pending'::text]));


--
-- Name: posting_expiry; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX posting_expiry ON public.posting USING btree (expires_at) WHERE ((status = 'published'::text) AND (expires_at IS NOT NULL));


--
-- Name: posting_external; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX posting_external ON public.posting USING btree (partner_id, external_id) WHERE (partner_id IS NOT NULL);


--
-- Name: posting_form_token; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX posting_form_token ON public.posting USING btree (account_id, form_token) WHERE (form_token IS NOT NULL);


--
-- Name: posting_listed; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX posting_listed ON public.posting USING btree (listed_at);


--
-- Name: posting_newest; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX posting_newest ON public.posting USING btree (posted_at DESC, id DESC) WHERE (status = 'published'::text);


--
-- Name: posting_pending; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX posting_pending ON public.posting USING btree (posted_at) WHERE (status = 'pending'::text);


--
-- Name: posting_search; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX posting_search ON public.posting USING gin (search, city_id, company_id, contract, lang) WHERE (status = 'published'::text);


--
-- Name: posting_source_posting; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX posting_source_posting ON public.posting_source USING btree (posting_id);


--
-- Name: posting_updated; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX posting_updated ON public.posting USING btree (updated_at, id);


--
-- Name: saved_job_posting; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX saved_job_posting ON public.saved_job USING btree (posting_id);


--
-- Name: saved_list_used; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX saved_list_used ON public.saved_list USING btree (used_at);


--
-- Name: search_word_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX search_word_trgm ON public.search_word USING gin (word public.gin_trgm_ops);


--
-- Name: session_account; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX session_account ON public.session USING btree (account_id);


--
-- Name: signup_pending_email; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX signup_pending_email ON public.signup_pending USING btree (lower(email));


--
-- Name: signup_pending_expires; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX signup_pending_expires ON public.signup_pending USING btree (expires_at);


--
-- Name: city city_render; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER city_render AFTER UPDATE OF slug, country ON public.city FOR EACH ROW WHEN (((old.slug IS DISTINCT FROM new.slug) OR (old.country IS DISTINCT FROM new.country))) EXECUTE FUNCTION public.fj_render_city();


--
-- Name: company company_changed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER company_changed AFTER UPDATE OF name, slug, is_agency, website ON public.company FOR EACH ROW WHEN (((old.name IS DISTINCT FROM new.name) OR (old.slug IS DISTINCT FROM new.slug) OR (old.is_agency IS DISTINCT FROM new.is_agency) OR (old.website IS DISTINCT FROM new.website))) EXECUTE FUNCTION public.fj_company_changed();


--
-- Name: company company_render; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER company_render AFTER UPDATE OF slug, is_agency, website ON public.company FOR EACH ROW WHEN (((old.slug IS DISTINCT FROM new.slug) OR (old.is_agency IS DISTINCT FROM new.is_agency) OR (old.website IS DISTINCT FROM new.website))) EXECUTE FUNCTION public.fj_render_company();


--
-- Name: contract_lexicon contract_lexicon_jobtype; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER contract_lexicon_jobtype AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.contract_lexicon FOR EACH STATEMENT EXECUTE FUNCTION public.fj_jobtype_forget();


--
-- Name: contract_type contract_type_jobtype; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER contract_type_jobtype AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.contract_type FOR EACH STATEMENT EXECUTE FUNCTION public.fj_jobtype_forget();


--
-- Name: contract_type contract_type_render; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER contract_type_render AFTER UPDATE OF schema_org ON public.contract_type FOR EACH STATEMENT EXECUTE FUNCTION public.fj_render_all();


--
-- Name: posting posting_changed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER posting_changed BEFORE UPDATE OF company_id, company_name, company_raw, title, title_raw, slug, contract, schedule, contract_raw, city_id, city_name, city_raw, country, description, apply_url, apply_email, lang, remote, salary_min, salary_max, salary_currency, salary_period, status, posted_at, expires_at, closed_at, updated_at ON public.posting FOR EACH ROW EXECUTE FUNCTION public.fj_posting_changed();


--
-- Name: posting posting_facet_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER posting_facet_delete AFTER DELETE ON public.posting REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.fj_facet_delete();


--
-- Name: posting posting_facet_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER posting_facet_insert AFTER INSERT ON public.posting REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.fj_facet_insert();


--
-- Name: posting posting_facet_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER posting_facet_truncate AFTER TRUNCATE ON public.posting FOR EACH STATEMENT EXECUTE FUNCTION public.fj_facet_truncate();


--
-- Name: posting posting_facet_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER posting_facet_update AFTER UPDATE ON public.posting REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.fj_facet_update();


--
-- Name: posting posting_listed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER posting_listed BEFORE UPDATE OF status ON public.posting FOR EACH ROW WHEN (((new.status = 'published'::text) AND (old.status IS DISTINCT FROM 'published'::text))) EXECUTE FUNCTION public.fj_posting_listed();


--
-- Name: posting posting_render_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER posting_render_insert AFTER INSERT ON public.posting REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.fj_render_insert();


--
-- Name: posting posting_render_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER posting_render_update AFTER UPDATE ON public.posting REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.fj_render_update();


--
-- Name: posting posting_search_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER posting_search_insert BEFORE INSERT ON public.posting FOR EACH ROW WHEN ((new.search IS NULL)) EXECUTE FUNCTION public.fj_posting_search();


--
-- Name: posting posting_search_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER posting_search_update BEFORE UPDATE OF title, company_name, city_name, city_raw, description ON public.posting FOR EACH ROW WHEN (((NOT (new.search IS DISTINCT FROM old.search)) AND ((new.title IS DISTINCT FROM old.title) OR (new.company_name IS DISTINCT FROM old.company_name) OR (new.city_name IS DISTINCT FROM old.city_name) OR (new.city_raw IS DISTINCT FROM old.city_raw) OR (new.description IS DISTINCT FROM old.description)))) EXECUTE FUNCTION public.fj_posting_search();


--
-- Name: account account_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.account
    ADD CONSTRAINT account_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.company(id);


--
-- Name: alert alert_subscriber_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert
    ADD CONSTRAINT alert_subscriber_id_fkey FOREIGN KEY (subscriber_id) REFERENCES public.alert_subscriber(id) ON DELETE CASCADE;


--
-- Name: city_alias city_alias_city_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.city_alias
    ADD CONSTRAINT city_alias_city_id_fkey FOREIGN KEY (city_id) REFERENCES public.city(id) ON DELETE CASCADE;


--
-- Name: contract_lexicon contract_lexicon_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contract_lexicon
    ADD CONSTRAINT contract_lexicon_code_fkey FOREIGN KEY (code) REFERENCES public.contract_type(code);


--
-- Name: moderation moderation_account_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.moderation
    ADD CONSTRAINT moderation_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.account(id) ON DELETE CASCADE;


--
-- Name: moderation moderation_admin_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.moderation
    ADD CONSTRAINT moderation_admin_id_fkey FOREIGN KEY (admin_id) REFERENCES public.account(id);


--
-- Name: moderation moderation_posting_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.moderation
    ADD CONSTRAINT moderation_posting_id_fkey FOREIGN KEY (posting_id) REFERENCES public.posting(id) ON DELETE CASCADE;


--
-- Name: partner_run partner_run_partner_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.partner_run
    ADD CONSTRAINT partner_run_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES public.partner(id) ON DELETE CASCADE;


--
-- Name: posting posting_account_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.posting
    ADD CONSTRAINT posting_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.account(id);


--
-- Name: posting posting_city_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.posting
    ADD CONSTRAINT posting_city_id_fkey FOREIGN KEY (city_id) REFERENCES public.city(id);


--
-- Name: posting posting_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.posting
    ADD CONSTRAINT posting_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.company(id);


--
-- Name: posting posting_contract_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.posting
    ADD CONSTRAINT posting_contract_fkey FOREIGN KEY (contract) REFERENCES public.contract_type(code);


--
-- Name: posting_render posting_render_posting_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.posting_render
    ADD CONSTRAINT posting_render_posting_id_fkey FOREIGN KEY (posting_id) REFERENCES public.posting(id) ON DELETE CASCADE;


--
-- Name: posting posting_schedule_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.posting
    ADD CONSTRAINT posting_schedule_fkey FOREIGN KEY (schedule) REFERENCES public.contract_type(code);


--
-- Name: posting_source posting_source_partner_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.posting_source
    ADD CONSTRAINT posting_source_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES public.partner(id) ON DELETE CASCADE;


--
-- Name: posting_source posting_source_posting_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.posting_source
    ADD CONSTRAINT posting_source_posting_id_fkey FOREIGN KEY (posting_id) REFERENCES public.posting(id) ON DELETE CASCADE;


--
-- Name: saved_job saved_job_list_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.saved_job
    ADD CONSTRAINT saved_job_list_id_fkey FOREIGN KEY (list_id) REFERENCES public.saved_list(id) ON DELETE CASCADE;


--
-- Name: saved_job saved_job_posting_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.saved_job
    ADD CONSTRAINT saved_job_posting_id_fkey FOREIGN KEY (posting_id) REFERENCES public.posting(id) ON DELETE CASCADE;


--
-- Name: session session_account_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.session
    ADD CONSTRAINT session_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.account(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--


