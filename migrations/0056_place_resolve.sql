-- A city label we do not know, looked up in the gazetteer: "Vimercate
-- (MB)", "ORIO AL SERIO", "Scandicci, Italy", "Cerreto Guidi (FI)".  The
-- label is read as in fj_city_qualified (migration 0042): a run of words
-- that is a place's key, every other word a qualifier of that place's
-- country (fj_city_qualifiers_ok: its name or code, a region, province or
-- département, a postcode of its shape).  The longest run that names a
-- place wins.
--
-- The gazetteer has no population, so a name several places share cannot
-- go to the most populous.  The rule instead, in this order:
--   1. a place whose province or département code (admin2), or whose
--      state code (admin1: "Paris (TX)"), is one of the qualifiers
--      ("Bergamo (BG)", "Lyon (69)");
--   2. a place in the posting's or the partner's country, when given;
--      without one, a place in a country where the board has cities of
--      its own (migration 0002): "Nola" is the Italian town, not the Nola
--      of the Central African Republic;
--   3. among the places left, one, or several within 10 km of each other
--      (GeoNames lists some towns twice): the first in the file.  Places
--      further apart are ambiguous and the label stays provisional, as
--      does a label that names no place.

-- The place raw names, or NULL; cc: the country the posting gives (ISO
-- code), or NULL.
CREATE FUNCTION fj_place_find(raw text, cc text) RETURNS int
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

-- The city of place pid, made from it (known, with its country and
-- position) when none is linked to it yet; the label's key v_key becomes
-- its alias.  Our own city linked to the place comes first.
CREATE FUNCTION fj_city_from_place(pid int, v_key text) RETURNS int
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

-- A label's city: an alias, a qualified alias (0042), a gazetteer place
-- (in country cc when given), else a new provisional city.
CREATE FUNCTION fj_city_ensure(raw text, cc text) RETURNS int
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
CREATE OR REPLACE FUNCTION fj_city_ensure(raw text) RETURNS int
LANGUAGE sql
AS $$ SELECT public.fj_city_ensure(raw, NULL) $$;
