-- Search by distance: the cities within km of a point (the GiST index
-- city_pos answers earth_box, earth_distance then drops the box's
-- corners), and the search's own functions over a set of cities instead
-- of one (jobs.c: /jobs?city=milano&km=30).

-- The cities within km kilometres of ctr, with their distance in km.
CREATE FUNCTION fj_city_near(ctr public.earth, km int)
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
CREATE FUNCTION fj_city_center(raw text) RETURNS public.earth
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
	SELECT coalesce((SELECT c.pos FROM public.city c
	    WHERE c.id = public.fj_city_id(raw)),
	    (SELECT public.ll_to_earth(p.lat, p.lng) FROM public.place p
	    WHERE p.id = public.fj_place_find(raw, NULL)))
$$;

-- fj_facet_open (migrations 0038, 0043) for the cities cids (a name of its
-- own: an overload made fj_facet_open(NULL, ...) ambiguous).
CREATE FUNCTION fj_facet_open_cities(cids integer[], ct text, coid integer,
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

-- fj_match_newest (migrations 0038, 0043) for the cities cids.  One city is
-- compared with =, so that the plan can read (city_id, posted_at) in
-- order; several with = ANY.
CREATE FUNCTION fj_match_newest_cities(tq tsquery, cids integer[], ct text,
    coid integer, lg text, any_city boolean, any_company boolean,
    lim integer)
RETURNS TABLE (id bigint, posted_at timestamptz, city_id integer,
    contract text, company_id integer, lang text, rank real)
LANGUAGE plpgsql STABLE
AS $$
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
$$;
