-- Normalisation: the text key every lexicon is looked up by, slugs,
-- cities (aliases and qualified labels such as "Bergamo (BG)"), contracts
-- and schedules from free-text labels, and the Indeed job type label
-- written back (memoised in jobtype_memo, forgotten when a lexicon
-- changes).  Indexes and triggers that need these functions are here too.
--
-- A repeatable file: migrate applies it again whenever it changes (and
-- after any migration), in name order among sql/*.sql, with
-- check_function_bodies off.  Define here, not in migrations/.

CREATE OR REPLACE FUNCTION public.fj_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $_$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $_$;

CREATE OR REPLACE FUNCTION public.fj_key(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $_$ SELECT btrim(regexp_replace(lower(public.fj_unaccent($1)),
    '[^[:alnum:]]+', ' ', 'g')) $_$;

CREATE OR REPLACE FUNCTION public.fj_slug(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $_$ SELECT coalesce(nullif(left(replace(public.fj_key($1), ' ', '-'), 80),
    ''), 'n-a') $_$;

CREATE INDEX IF NOT EXISTS posting_dedup ON public.posting USING btree (company_id, public.fj_key(title), city_id) WHERE (status = ANY (ARRAY['published'::text, 'pending'::text]));

CREATE OR REPLACE FUNCTION public.fj_city_qualifiers_ok(w text[], cc text) RETURNS boolean
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

CREATE OR REPLACE FUNCTION public.fj_city_qualified(raw text) RETURNS integer
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

CREATE OR REPLACE FUNCTION public.fj_city_id(raw text) RETURNS integer
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT coalesce((SELECT a.city_id FROM public.city_alias a
    WHERE a.key = public.fj_key(raw)), public.fj_city_qualified(raw)) $$;

-- A label's city: an alias, a qualified alias (0042), a gazetteer place
-- (in country cc when given), else a new provisional city.
CREATE OR REPLACE FUNCTION public.fj_city_ensure(raw text, cc text) RETURNS integer
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

-- Without a country, as before.
CREATE OR REPLACE FUNCTION public.fj_city_ensure(raw text) RETURNS integer
LANGUAGE sql
AS $$ SELECT public.fj_city_ensure(raw, NULL) $$;

CREATE OR REPLACE FUNCTION public.fj_city_requalify() RETURNS integer
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

CREATE OR REPLACE FUNCTION public.fj_contract(label text, title text DEFAULT NULL::text, OUT contract text, OUT schedule text) RETURNS record
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

CREATE OR REPLACE FUNCTION public.fj_contract_label(c text, s text) RETURNS text
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

CREATE OR REPLACE FUNCTION public.fj_jobtype(raw text, c text, s text) RETURNS text
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

CREATE OR REPLACE FUNCTION public.fj_jobtype_forget() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	DELETE FROM public.jobtype_memo;
	RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER contract_lexicon_jobtype AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE
    ON public.contract_lexicon
    FOR EACH STATEMENT
    EXECUTE FUNCTION public.fj_jobtype_forget();

CREATE OR REPLACE TRIGGER contract_type_jobtype AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE
    ON public.contract_type
    FOR EACH STATEMENT
    EXECUTE FUNCTION public.fj_jobtype_forget();
