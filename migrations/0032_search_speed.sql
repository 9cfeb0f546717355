-- Speed of the public pages (issue 2's benchmark).
--
-- The posting page is one row by primary key plus five similar cards, yet
-- its statement took 3.7 ms per request at 100 000 postings, 0.3 ms of it
-- running: the rest was parsing and planning a statement that inlines
-- fj_card() and fj_label() many times, once per request since Kore sends
-- unnamed statements.  A PL/pgSQL function keeps its plan per connection
-- (a primary-key plan does not depend on the values), so the page costs
-- one call: 0.26 ms here.  The similar postings are picked by (id,
-- posted_at) and only five whole rows are read, instead of sorting six
-- whole rows, tsvector included, to remove duplicates.
CREATE FUNCTION fj_posting_page(p_id bigint, p_ui text) RETURNS json
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
	    'status', CASE WHEN x.status = 'published' AND x.expires_at < now()
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
		  WHERE s1.status = 'published' AND (s1.expires_at IS NULL OR
		  s1.expires_at > now()) AND s1.company_id = x.company_id
		  AND s1.id <> x.id ORDER BY s1.posted_at DESC LIMIT 3)
		 UNION
		 (SELECT s2.id, s2.posted_at FROM posting s2
		  WHERE s2.status = 'published' AND (s2.expires_at IS NULL OR
		  s2.expires_at > now()) AND s2.city_id = x.city_id
		  AND s2.id <> x.id ORDER BY s2.posted_at DESC LIMIT 3)) u
		ORDER BY u.posted_at DESC, u.id DESC LIMIT 5)))
	    FROM posting x JOIN company co ON co.id = x.company_id
	    LEFT JOIN city c ON c.id = x.city_id WHERE x.id = p_id);
END
$$;
