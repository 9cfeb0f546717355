-- A posting: its dates as RFC 3339, its effective status, labels in the
-- reader's language, its card and its page; and the change stamp
-- (change_xid, updated_at) every write that changes a public field moves,
-- which the API's sync and the feeds' ETags read.
--
-- A repeatable file: migrate applies it again whenever it changes (and
-- after any migration), in name order among sql/*.sql, with
-- check_function_bodies off.  Define here, not in migrations/.

CREATE OR REPLACE FUNCTION public.fj_rfc3339(t timestamp with time zone) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
	SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
$$;

CREATE OR REPLACE FUNCTION public.fj_rfc3339_exact(t timestamp with time zone) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
	SELECT CASE WHEN extract(microseconds FROM t)::bigint % 1000000 = 0
	    THEN fj_rfc3339(t)
	    ELSE to_char(t AT TIME ZONE 'UTC',
		'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') END
$$;

CREATE OR REPLACE FUNCTION public.fj_label(code text, ui text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT CASE ui WHEN 'it' THEN label_it WHEN 'fr' THEN label_fr
	    WHEN 'de' THEN label_de WHEN 'es' THEN label_es ELSE label_en END
	FROM contract_type WHERE contract_type.code = fj_label.code
$$;

CREATE OR REPLACE FUNCTION public.fj_job_status(p public.posting) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT CASE WHEN p.status = 'published' AND p.expires_at <= now()
	    THEN 'expired' ELSE p.status END
$$;

CREATE OR REPLACE FUNCTION public.fj_card(p public.posting, ui text) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT json_build_object(
	    'id', p.id,
	    'href', '/jobs/' || p.id || '-' || p.slug,
	    'title', p.title,
	    'company', p.company_name,
	    'city', upper(p.city_name),
	    'contract', p.contract,
	    'contract_label', fj_label(p.contract, ui),
	    'schedule', p.schedule,
	    'schedule_label', CASE WHEN p.schedule <> 'unknown'
		THEN fj_label(p.schedule, ui) END,
	    'remote', CASE WHEN p.remote <> 'onsite' THEN p.remote END,
	    'lang', p.lang,
	    'posted', to_char(p.posted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'))
$$;

CREATE OR REPLACE FUNCTION public.fj_posting_page(p_id bigint, p_ui text) RETURNS json
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

CREATE OR REPLACE FUNCTION public.fj_posting_changed() RETURNS trigger
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

CREATE OR REPLACE TRIGGER posting_changed BEFORE UPDATE OF company_id, company_name, company_raw, title, title_raw, slug, contract, schedule, contract_raw, city_id, city_name, city_raw, country, description, apply_url, apply_email, lang, remote, salary_min, salary_max, salary_currency, salary_period, status, posted_at, expires_at, closed_at, updated_at
    ON public.posting
    FOR EACH ROW
    EXECUTE FUNCTION public.fj_posting_changed();

CREATE OR REPLACE FUNCTION public.fj_company_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	UPDATE public.posting SET updated_at = now() WHERE company_id = NEW.id;
	RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER company_changed AFTER UPDATE OF name, slug, is_agency, website
    ON public.company
    FOR EACH ROW
    WHEN (((old.name IS DISTINCT FROM new.name) OR (old.slug IS DISTINCT FROM new.slug) OR (old.is_agency IS DISTINCT FROM new.is_agency) OR (old.website IS DISTINCT FROM new.website)))
    EXECUTE FUNCTION public.fj_company_changed();
