-- One boundary for "expired" (issue 13).  Statements disagreed on the
-- instant itself: some said expires_at <= now(), others expires_at <
-- now(), so a posting at its expiry instant was expired on the page and
-- open in the dashboard.  A posting is expired from its expiry instant
-- on; it is open while expires_at is NULL or later than now().  Every
-- statement, in SQL and in C, asks fj_expired().  It is plain SQL, so the
-- planner inlines it: "NOT fj_expired(x)" plans as "x IS NULL OR x >
-- now()" and indexes are used as before.
CREATE FUNCTION public.fj_expired(t timestamptz) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
	SELECT t IS NOT NULL AND t <= now()
$$;

CREATE OR REPLACE FUNCTION fj_job_status(p posting) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
	SELECT CASE WHEN p.status = 'published' AND public.fj_expired(p.expires_at)
	    THEN 'expired' ELSE p.status END
$$;

-- The posting page said "expired" only after the instant (<); now from it.
CREATE OR REPLACE FUNCTION fj_posting_page(p_id bigint, p_ui text) RETURNS json
LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
BEGIN
	RETURN (SELECT json_build_object('job', json_build_object(
	    'id', x.id, 'slug', x.slug, 'title', x.title,
	    'company', x.company_name, 'company_slug', co.slug,
	    'company_agency', co.is_agency,
	    'company_confidential', co.is_confidential,
	    'company_website', co.website,
	    'city', x.city_name, 'city_slug', c.slug,
	    'country', coalesce(x.country, c.country),
	    'contract', x.contract, 'contract_label', fj_label(x.contract, p_ui),
	    'schedule', x.schedule, 'schedule_label', CASE WHEN
		x.schedule <> 'unknown' THEN fj_label(x.schedule, p_ui) END,
	    'employment_type', (SELECT json_agg(t.schema_org ORDER BY t.axis)
		FROM contract_type t WHERE t.code IN (x.contract, x.schedule)
		AND t.schema_org IS NOT NULL),
	    'contract_raw', x.contract_raw, 'description', x.description,
	    'apply_url', x.apply_url, 'apply_email', x.apply_email,
	    'lang', x.lang, 'remote', x.remote, 'remote_label', CASE WHEN
		x.remote <> 'onsite' THEN x.remote END,
	    'salary_min', x.salary_min, 'salary_max', x.salary_max,
	    'salary_currency', x.salary_currency,
	    'salary_period', x.salary_period,
	    'status', CASE WHEN x.status = 'published' AND public.fj_expired(x.expires_at)
		THEN 'expired' ELSE x.status END,
	    'posted_at', to_char(x.posted_at AT TIME ZONE 'UTC',
		'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
	    'posted', to_char(x.posted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
	    'expires_at', to_char(x.expires_at AT TIME ZONE 'UTC',
		'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
	    'similar', (SELECT json_agg(fj_card(s, p_ui)
		ORDER BY s.posted_at DESC, s.id DESC)
		FROM posting s WHERE s.id IN (SELECT u.id FROM
		((SELECT s1.id, s1.posted_at FROM posting s1
		  WHERE s1.status = 'published' AND
		  NOT public.fj_expired(s1.expires_at) AND s1.company_id = x.company_id
		  AND s1.id <> x.id ORDER BY s1.posted_at DESC LIMIT 3)
		 UNION
		 (SELECT s2.id, s2.posted_at FROM posting s2
		  WHERE s2.status = 'published' AND
		  NOT public.fj_expired(s2.expires_at) AND s2.city_id = x.city_id
		  AND s2.id <> x.id ORDER BY s2.posted_at DESC LIMIT 3)) u
		ORDER BY u.posted_at DESC, u.id DESC LIMIT 5)))
	    FROM posting x JOIN company co ON co.id = x.company_id
	    LEFT JOIN city c ON c.id = x.city_id WHERE x.id = p_id);
END
$$;

-- The facet counts and the newest matches, with the same boundary.
CREATE OR REPLACE FUNCTION fj_facet_open(cid integer, ct text, coid integer,
    lg text, any_city boolean, any_company boolean)
RETURNS TABLE (city_id integer, contract text, company_id integer,
    lang text, n integer)
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

CREATE OR REPLACE FUNCTION fj_match_newest(tq tsquery, cid integer, ct text,
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
	    ' WHERE x.status = ''published'' AND NOT public.fj_expired('
	    'x.expires_at) AND x.search @@ $1'
	    ' AND ($6 OR x.city_id = $2) AND ($3::text IS NULL'
	    ' OR x.contract = $3) AND ($7 OR x.company_id = $4)'
	    ' AND ($5::text IS NULL OR x.lang = $5)'
	    ' ORDER BY x.posted_at DESC, x.id DESC LIMIT $8'
	    USING tq, cid, ct, coid, lg, any_city, any_company, lim;
END
$$;
