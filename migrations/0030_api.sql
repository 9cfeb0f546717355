-- Partner outputs: the change order the sync API walks, API keys, and the
-- JSON shapes of /api/v1/jobs and /feed.json.

-- Every write to a posting's content or status stamps it with the writing
-- transaction's id.  The sync API walks postings in (change_xid, id) order
-- and stops at the oldest transaction still running: a posting committed
-- later always lands after any cursor already handed out, so a mirror that
-- follows the cursor never misses a change, however long an import runs.
-- (Timestamps cannot do this: now() is the transaction's start, and a long
-- import commits rows stamped minutes before rows already served.)
ALTER TABLE posting
    ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX posting_change ON posting (change_xid, id);

-- Counters (views, apply clicks) are not content: they are not in the list,
-- so counting a click does not send the posting to every mirror again.
CREATE FUNCTION fj_posting_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	NEW.change_xid := pg_current_xact_id();
	IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
		NEW.updated_at := now();
	END IF;
	RETURN NEW;
END
$$;

-- A company's name or agency flag shows in every posting of it.
CREATE FUNCTION fj_company_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	UPDATE posting SET updated_at = now() WHERE company_id = NEW.id;
	RETURN NULL;
END
$$;

CREATE TRIGGER company_changed AFTER UPDATE OF name, slug, is_agency, website
    ON company FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.slug IS DISTINCT FROM
	NEW.slug OR OLD.is_agency IS DISTINCT FROM NEW.is_agency OR
	OLD.website IS DISTINCT FROM NEW.website)
    EXECUTE FUNCTION fj_company_changed();

-- updated_at is in the list for the company trigger above.
CREATE TRIGGER posting_changed BEFORE UPDATE OF company_id, company_name,
    company_raw, title, title_raw, slug, contract, schedule, contract_raw,
    city_id, city_name, city_raw, country, description, apply_url,
    apply_email, lang, remote, salary_min, salary_max, salary_currency,
    salary_period, status, posted_at, expires_at, closed_at, updated_at
    ON posting FOR EACH ROW EXECUTE FUNCTION fj_posting_changed();

-- API keys: only a SHA-256 of the key is kept; the key is printed once.
CREATE TABLE api_key (
	id		serial PRIMARY KEY,
	name		text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
	key_hash	text NOT NULL UNIQUE,
	created_at	timestamptz NOT NULL DEFAULT now(),
	revoked_at	timestamptz
);
-- One active key per name; a revoked name can be given a new key.
CREATE UNIQUE INDEX api_key_active ON api_key (name) WHERE revoked_at IS NULL;

-- RFC 3339 in UTC, the one date format of every output.
CREATE FUNCTION fj_rfc3339(t timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
$$;

-- What a mirror needs to know of a posting that is not open any more.
CREATE FUNCTION fj_job_status(p posting) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
	SELECT CASE WHEN p.status = 'published' AND p.expires_at <= now()
	    THEN 'expired' ELSE p.status END
$$;

-- The API's posting: every field, flat, under our names; a tombstone
-- (id, status, closed_at, updated_at) once it is not open.
CREATE FUNCTION fj_job_api(p posting, base text) RETURNS json
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
	FROM company co LEFT JOIN city c ON c.id = p.city_id
	WHERE co.id = p.company_id
$$;

-- A JSON Feed 1.1 item with the _job extension (schema.org names, then
-- ours); documented in the README under "JSON Feed".
CREATE FUNCTION fj_feed_item(p posting, base text) RETURNS json
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
	    'tags', (SELECT json_agg(t) FROM (SELECT p.contract AS t
		UNION ALL SELECT p.schedule WHERE p.schedule <> 'unknown'
		UNION ALL SELECT p.remote WHERE p.remote <> 'onsite'
		UNION ALL SELECT c.slug WHERE c.slug IS NOT NULL) t),
	    '_job', json_strip_nulls(json_build_object(
		'about', base || '/README.md#json-feed-job-extension',
		'identifier', json_build_object('@type', 'PropertyValue',
		    'name', 'fashionjobs', 'value', p.id),
		'hiringOrganization', json_build_object('@type',
		    'Organization', 'name', p.company_name,
		    'sameAs', co.website),
		'employmentType', (SELECT json_agg(t.schema_org ORDER BY t.axis)
		    FROM contract_type t WHERE t.code IN (p.contract, p.schedule)
		    AND t.schema_org IS NOT NULL),
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
	FROM company co LEFT JOIN city c ON c.id = p.city_id
	WHERE co.id = p.company_id
$$;
