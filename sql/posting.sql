-- The posting model: one definition of a posting's public fields, and
-- every output of them.
--
--   fj_job_path         its page, /jobs/<id>-<slug>
--   fj_expired          the one expiry boundary: from the instant on
--   fj_job_status       its effective status: 'expired' once fj_expired,
--                       else its status
--   fj_rfc3339          the one date-time format (fj_day: the date alone)
--   fj_jobposting       its schema.org JobPosting: the page's JSON-LD (C
--                       adds @context, url and the description as HTML)
--                       and the JSON Feed's _job (with about and ours)
--   fj_job_api          the API item (/api/v1/jobs), or its tombstone
--   fj_feed_item        the JSON Feed item (/feed.json, and through it
--                       /jobs.rss and /jobs.atom)
--   fj_indeed_row       the Indeed XML row (/feed.xml)
--   fj_card, fj_posting_page  the list card and the page model
--
-- The API and feed items are spliced from parts (fj_job_api_splice,
-- fj_feed_splice): the parts that depend on the posting alone are stored
-- per published posting in posting_render by the triggers below, so a
-- request reads text and splices in the base URL and the description;
-- fj_job_api and fj_feed_item splice the same parts made on the spot, so
-- both ways give the same bytes (tests/sql/test_posting_render.sql).
--
-- Every name is schema-qualified: the triggers run under any search_path
-- (autovacuum's is pg_catalog alone), and the SQL functions stay
-- inlinable (no SET search_path).
--
-- A repeatable file: migrate applies it again whenever it changes (and
-- after any migration), in name order among sql/*.sql, with
-- check_function_bodies off.  Define here, not in migrations/.  Applying
-- it redoes every stored rendering (the last statement).

-- Stable, not immutable, as to_char is: so the planner inlines it.
CREATE OR REPLACE FUNCTION public.fj_rfc3339(t timestamp with time zone) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
$$;

-- To the microsecond when there is a fraction (the Indeed XML's dates,
-- read back exactly by our own scraper).
CREATE OR REPLACE FUNCTION public.fj_rfc3339_exact(t timestamp with time zone) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT CASE WHEN extract(microseconds FROM t)::bigint % 1000000 = 0
	    THEN public.fj_rfc3339(t)
	    ELSE to_char(t AT TIME ZONE 'UTC',
		'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') END
$$;

CREATE OR REPLACE FUNCTION public.fj_day(t timestamp with time zone) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD')
$$;

CREATE OR REPLACE FUNCTION public.fj_job_path(id bigint, slug text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
	SELECT '/jobs/' || id || '-' || slug
$$;

CREATE OR REPLACE FUNCTION public.fj_label(code text, ui text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT CASE ui WHEN 'it' THEN label_it WHEN 'fr' THEN label_fr
	    WHEN 'de' THEN label_de WHEN 'es' THEN label_es ELSE label_en END
	FROM public.contract_type WHERE contract_type.code = fj_label.code
$$;

-- The one boundary for "expired": from the expiry instant on; open while
-- expires_at is NULL or later than now().  Plain SQL, so the planner
-- inlines it: "NOT fj_expired(x)" plans as "x IS NULL OR x > now()" and
-- the indexes are used.  Every statement, in SQL and in C (OPEN in
-- src/web/web.h), asks it.
CREATE OR REPLACE FUNCTION public.fj_expired(t timestamp with time zone) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT t IS NOT NULL AND t <= now()
$$;

CREATE OR REPLACE FUNCTION public.fj_job_status(p public.posting) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT CASE WHEN p.status = 'published' AND public.fj_expired(p.expires_at)
	    THEN 'expired' ELSE p.status END
$$;

-- A JSON object's members, as text without the braces.  j is named once,
-- so that the inlined expression builds the object once.
CREATE OR REPLACE FUNCTION public.fj_members(j json) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
	SELECT left(right(j::text, -1), -1)
$$;

-- The schema.org JobPosting, less what depends on the request (url) and
-- the description (HTML on the page, content_text in the feed).
CREATE OR REPLACE FUNCTION public.fj_jobposting(p public.posting, co public.company, c public.city, ct public.contract_type, st public.contract_type) RETURNS json
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

-- The API item of a published posting: its parts, and their splice.
CREATE OR REPLACE FUNCTION public.fj_job_api_head(p public.posting, co public.company, c public.city) RETURNS text
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

CREATE OR REPLACE FUNCTION public.fj_job_api_tail(p public.posting) RETURNS text
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

CREATE OR REPLACE FUNCTION public.fj_job_api_splice(id bigint, url text, head text, description text, tail text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT '{"id" : ' || id || ', "status" : "published", "url" : ' ||
	    to_json(url) || ', ' || head || ', "description" : ' ||
	    to_json(description) || ', ' || tail || '}'
$$;

-- The API item as text: a tombstone for any other effective status.
CREATE OR REPLACE FUNCTION public.fj_job_api_text(p public.posting, co public.company, c public.city, base text) RETURNS text
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

CREATE OR REPLACE FUNCTION public.fj_job_api(p public.posting, co public.company, c public.city, base text) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT public.fj_job_api_text(p, co, c, base)::json
$$;

CREATE OR REPLACE FUNCTION public.fj_job_api(p public.posting, base text) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT public.fj_job_api(p, co, c, base)
	FROM public.company co LEFT JOIN public.city c ON c.id = p.city_id
	WHERE co.id = p.company_id
$$;

-- The JSON Feed item: its parts, and their splice.
CREATE OR REPLACE FUNCTION public.fj_feed_title(p public.posting) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT public.fj_members(json_build_object('title',
	    p.title || ' — ' || p.company_name ||
	    CASE WHEN p.city_name <> '' THEN ', ' || p.city_name ELSE '' END))
$$;

CREATE OR REPLACE FUNCTION public.fj_feed_mid(p public.posting, c public.city) RETURNS text
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

-- _job after about: the JobPosting, then our fields.
CREATE OR REPLACE FUNCTION public.fj_feed_job(p public.posting, co public.company, c public.city, ct public.contract_type, st public.contract_type) RETURNS text
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

CREATE OR REPLACE FUNCTION public.fj_feed_splice(id bigint, slug text, base text, title text, description text, mid text, job text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT '{"id" : ' || to_json(base || '/jobs/' || id) || ', "url" : ' ||
	    to_json(base || public.fj_job_path(id, slug)) || ', ' || title ||
	    ', "content_text" : ' || to_json(description) || ', ' || mid ||
	    ', "_job" : {"about" : ' ||
	    to_json(base || '/README.md#json-feed-job-extension') || ', ' ||
	    job || '}}'
$$;

CREATE OR REPLACE FUNCTION public.fj_feed_text(p public.posting, co public.company, c public.city, ct public.contract_type, st public.contract_type, base text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT public.fj_feed_splice(p.id, p.slug, base, public.fj_feed_title(p),
	    p.description, public.fj_feed_mid(p, c),
	    public.fj_feed_job(p, co, c, ct, st))
$$;

CREATE OR REPLACE FUNCTION public.fj_feed_item(p public.posting, co public.company, c public.city, ct public.contract_type, st public.contract_type, base text) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT public.fj_feed_text(p, co, c, ct, st, base)::json
$$;

CREATE OR REPLACE FUNCTION public.fj_feed_item(p public.posting, base text) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
	SELECT public.fj_feed_item(p, co, c, ct, st, base)
	FROM public.company co LEFT JOIN public.city c ON c.id = p.city_id
	LEFT JOIN public.contract_type ct ON ct.code = p.contract
	LEFT JOIN public.contract_type st ON st.code = p.schedule
	WHERE co.id = p.company_id
$$;

-- A row of the Indeed XML (/feed.xml), in the order src/web/feedxml.c
-- writes its elements; jt is the job type label (fj_jobtype, memoised).
CREATE OR REPLACE FUNCTION public.fj_indeed_row(p public.posting, c public.city, jt text, base text)
    RETURNS TABLE (title text, date text, referencenumber text, url text,
    company text, city text, state text, country text, postalcode text,
    description text, salary text, education text, jobtype text,
    category text, experience text, expirationdate text, language text)
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

CREATE OR REPLACE FUNCTION public.fj_card(p public.posting, ui text) RETURNS json
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

-- The page model: the posting, its JobPosting and up to five similar
-- open postings.  PL/pgSQL keeps its plan per connection.
CREATE OR REPLACE FUNCTION public.fj_posting_page(p_id bigint, p_ui text) RETURNS json
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

-- The stored rendering (posting_render) of the published postings among
-- ids, made again; the others' removed.  The posting triggers below call
-- it with the rows a statement wrote, the company and city triggers with
-- their postings.
CREATE OR REPLACE FUNCTION public.fj_render(ids bigint[]) RETURNS void
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

CREATE OR REPLACE FUNCTION public.fj_render_insert() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	PERFORM public.fj_render(ARRAY(SELECT n.id FROM new_rows n
	    WHERE n.status = 'published'));
	RETURN NULL;
END
$$;

-- A change to any column the rendering reads (not the counters).
CREATE OR REPLACE FUNCTION public.fj_render_update() RETURNS trigger
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

CREATE OR REPLACE FUNCTION public.fj_render_company() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	PERFORM public.fj_render(ARRAY(SELECT p.id FROM public.posting p
	    WHERE p.company_id = NEW.id AND p.status = 'published'));
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION public.fj_render_city() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	PERFORM public.fj_render(ARRAY(SELECT p.id FROM public.posting p
	    WHERE p.city_id = NEW.id AND p.status = 'published'));
	RETURN NULL;
END
$$;

-- A contract type's schema.org mapping: every posting again.
CREATE OR REPLACE FUNCTION public.fj_render_all() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	PERFORM public.fj_render(ARRAY(SELECT p.id FROM public.posting p
	    WHERE p.status = 'published'));
	RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER posting_render_insert AFTER INSERT
    ON public.posting
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT
    EXECUTE FUNCTION public.fj_render_insert();

CREATE OR REPLACE TRIGGER posting_render_update AFTER UPDATE
    ON public.posting
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT
    EXECUTE FUNCTION public.fj_render_update();

CREATE OR REPLACE TRIGGER company_render AFTER UPDATE OF slug, is_agency, website
    ON public.company
    FOR EACH ROW
    WHEN (old.slug IS DISTINCT FROM new.slug
	OR old.is_agency IS DISTINCT FROM new.is_agency
	OR old.website IS DISTINCT FROM new.website)
    EXECUTE FUNCTION public.fj_render_company();

CREATE OR REPLACE TRIGGER city_render AFTER UPDATE OF slug, country
    ON public.city
    FOR EACH ROW
    WHEN (old.slug IS DISTINCT FROM new.slug
	OR old.country IS DISTINCT FROM new.country)
    EXECUTE FUNCTION public.fj_render_city();

CREATE OR REPLACE TRIGGER contract_type_render AFTER UPDATE OF schema_org
    ON public.contract_type
    FOR EACH STATEMENT
    EXECUTE FUNCTION public.fj_render_all();

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

-- Every stored rendering made again from the definitions above.
DELETE FROM public.posting_render;
SELECT public.fj_render(ARRAY(SELECT p.id FROM public.posting p
    WHERE p.status = 'published'));
