-- Provisional cities that the gazetteer now names (fj_place_find, with
-- the country most of their postings give): for a place no city has yet,
-- its first such city becomes the place's city (known, with its country,
-- position and the place's name); the others, and those of a place that
-- has a city already (one of ours: "Monza (MB)" went provisional before
-- 0042), are merged into it: postings and aliases move, raw labels stay.
-- Returns how many provisional cities were resolved.  Run here, and again
-- by bin/fashionjobs gazetteer after each load: on an existing database
-- the gazetteer is only loaded after its migrations.
CREATE FUNCTION fj_city_reresolve() RETURNS int
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

SELECT fj_city_reresolve();
