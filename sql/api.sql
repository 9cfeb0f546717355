-- The API item (/api/v1/jobs) and the JSON Feed item (/feed.json) of a
-- posting.  The forms with company and city rows are for set-based
-- queries that join them once; the short forms look them up.
--
-- A repeatable file: migrate applies it again whenever it changes (and
-- after any migration), in name order among sql/*.sql, with
-- check_function_bodies off.  Define here, not in migrations/.

CREATE OR REPLACE FUNCTION public.fj_job_api(p public.posting, base text) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT fj_job_api(p, co, c, base)
	FROM company co LEFT JOIN city c ON c.id = p.city_id
	WHERE co.id = p.company_id
$$;

CREATE OR REPLACE FUNCTION public.fj_job_api(p public.posting, co public.company, c public.city, base text) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT CASE WHEN fj_job_status(p) <> 'published' THEN
	    json_build_object('id', p.id, 'status', fj_job_status(p),
		'closed_at', fj_rfc3339(coalesce(p.closed_at,
		    CASE WHEN fj_job_status(p) = 'expired'
		    THEN p.expires_at END, p.updated_at)),
		'updated_at', fj_rfc3339(p.updated_at))
	ELSE json_build_object(
	    'id', p.id,
	    'status', 'published',
	    'url', base || '/jobs/' || p.id || '-' || p.slug,
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
	    'language', p.lang,
	    'description', p.description,
	    'apply_url', p.apply_url,
	    'apply_email', p.apply_email,
	    'salary', CASE WHEN p.salary_min IS NOT NULL OR
		p.salary_max IS NOT NULL THEN json_build_object(
		'min', p.salary_min, 'max', p.salary_max,
		'currency', p.salary_currency,
		'period', coalesce(p.salary_period, 'year')) END,
	    'posted_at', fj_rfc3339(p.posted_at),
	    'updated_at', fj_rfc3339(p.updated_at),
	    'expires_at', fj_rfc3339(p.expires_at))
	END
$$;

CREATE OR REPLACE FUNCTION public.fj_feed_item(p public.posting, base text) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT fj_feed_item(p, co, c, ct, st, base)
	FROM company co LEFT JOIN city c ON c.id = p.city_id
	LEFT JOIN contract_type ct ON ct.code = p.contract
	LEFT JOIN contract_type st ON st.code = p.schedule
	WHERE co.id = p.company_id
$$;

CREATE OR REPLACE FUNCTION public.fj_feed_item(p public.posting, co public.company, c public.city, ct public.contract_type, st public.contract_type, base text) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT json_build_object(
	    'id', base || '/jobs/' || p.id,
	    'url', base || '/jobs/' || p.id || '-' || p.slug,
	    'title', p.title || ' — ' || p.company_name ||
		CASE WHEN p.city_name <> '' THEN ', ' || p.city_name ELSE '' END,
	    'content_text', p.description,
	    'date_published', fj_rfc3339(p.posted_at),
	    'date_modified', fj_rfc3339(p.updated_at),
	    'language', p.lang,
	    'tags', to_json(array_remove(ARRAY[p.contract,
		CASE WHEN p.schedule <> 'unknown' THEN p.schedule END,
		CASE WHEN p.remote <> 'onsite' THEN p.remote END,
		c.slug::text], NULL)),
	    '_job', json_strip_nulls(json_build_object(
		'about', base || '/README.md#json-feed-job-extension',
		'identifier', json_build_object('@type', 'PropertyValue',
		    'name', 'fashionjobs', 'value', p.id),
		'hiringOrganization', json_build_object('@type',
		    'Organization', 'name', p.company_name,
		    'sameAs', co.website),
		'employmentType', to_json(nullif(array_remove(ARRAY[ct.schema_org,
		    st.schema_org]::text[], NULL), '{}')),
		'jobLocation', json_build_object('@type', 'Place', 'address',
		    json_build_object('@type', 'PostalAddress',
		    'addressLocality', nullif(p.city_name, ''),
		    'addressCountry', coalesce(p.country, c.country))),
		'jobLocationType', CASE WHEN p.remote = 'remote'
		    THEN 'TELECOMMUTE' END,
		'validThrough', fj_rfc3339(p.expires_at),
		'baseSalary', CASE WHEN p.salary_min IS NOT NULL OR
		    p.salary_max IS NOT NULL THEN json_build_object(
		    '@type', 'MonetaryAmount', 'currency', p.salary_currency,
		    'value', json_build_object('@type', 'QuantitativeValue',
		    'minValue', p.salary_min, 'maxValue', p.salary_max,
		    'unitText', upper(coalesce(p.salary_period, 'year')))) END,
		'directApply', false,
		'contract', p.contract,
		'schedule', p.schedule,
		'remote', p.remote,
		'city_id', p.city_id,
		'raw_contract_label', nullif(p.contract_raw, ''),
		'company_is_agency', co.is_agency,
		'apply_url', p.apply_url,
		'apply_email', p.apply_email)))
$$;
