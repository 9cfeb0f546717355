-- The gazetteer's functions (tables: migration 0055): a label looked up
-- among the places, our cities linked to theirs, provisional cities
-- re-resolved after a load, and the cities within a distance.

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
CREATE OR REPLACE FUNCTION public.fj_place_find(raw text, cc text) RETURNS integer
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
CREATE OR REPLACE FUNCTION public.fj_city_from_place(pid int, v_key text) RETURNS integer
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

-- Link each of our own cities to its place: among its name and aliases
-- (the name first, then the aliases by key), the first key that names
-- exactly one place of the city's country (with a pin, of that admin
-- code).  The English "Milan" finds what "Milano" does not.  Returns how
-- many cities have a place.
CREATE OR REPLACE FUNCTION public.fj_city_link() RETURNS int
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

-- Provisional cities that the gazetteer now names (fj_place_find, with
-- the country most of their postings give): for a place no city has yet,
-- its first such city becomes the place's city (known, with its country,
-- position and the place's name); the others, and those of a place that
-- has a city already (one of ours: "Monza (MB)" went provisional before
-- 0042), are merged into it: postings and aliases move, raw labels stay.
-- Returns how many provisional cities were resolved.  bin/fashionjobs
-- gazetteer runs it after each load (make run and make test load right
-- after migrate): the gazetteer is loaded after the migrations, and a
-- migration cannot call what sql/ defines.
CREATE OR REPLACE FUNCTION public.fj_city_reresolve() RETURNS integer
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

-- Search by distance: the cities within km of a point (the GiST index
-- city_pos answers earth_box, earth_distance then drops the box's
-- corners), and the search's own functions over a set of cities instead
-- of one (jobs.c: /jobs?city=milano&km=30).

-- The cities within km kilometres of ctr, with their distance in km.
CREATE OR REPLACE FUNCTION public.fj_city_near(ctr public.earth, km int)
RETURNS TABLE (city_id int, dist real)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
	SELECT c.id, (public.earth_distance(ctr, c.pos) / 1000)::real
	FROM public.city c
	WHERE c.pos IS NOT NULL
	AND public.earth_box(ctr, km * 1000.0) OPERATOR(public.@>) c.pos
	AND public.earth_distance(ctr, c.pos) <= km * 1000.0
$$;

-- Where a search's city is: the city a label names (fj_city_id), else
-- the gazetteer place it names, so that "within 20 km of Cernusco sul
-- Naviglio" works before any posting was there.  NULL when neither has a
-- position.
CREATE OR REPLACE FUNCTION public.fj_city_center(raw text) RETURNS public.earth
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
	SELECT coalesce((SELECT c.pos FROM public.city c
	    WHERE c.id = public.fj_city_id(raw)),
	    (SELECT public.ll_to_earth(p.lat, p.lng) FROM public.place p
	    WHERE p.id = public.fj_place_find(raw, NULL)))
$$;
