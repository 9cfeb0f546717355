-- The stored rendering (posting_render, sql/posting.sql): what a request
-- splices from it is, byte for byte, what fj_job_api() and fj_feed_item()
-- make on the spot, and the triggers keep it so after every kind of write.
-- The HTTP side (the same items through /feed.json and /api/v1/jobs) is
-- in tests/integration/test_posting_model.py.

CREATE FUNCTION pg_temp.stale() RETURNS bigint
LANGUAGE sql AS $$
	SELECT count(*) FROM public.posting x
	JOIN public.company co ON co.id = x.company_id
	LEFT JOIN public.city c ON c.id = x.city_id
	LEFT JOIN public.contract_type ct ON ct.code = x.contract
	LEFT JOIN public.contract_type st ON st.code = x.schedule
	LEFT JOIN public.posting_render r ON r.posting_id = x.id
	WHERE x.status = 'published' AND (r.posting_id IS NULL OR
	    public.fj_feed_splice(x.id, x.slug, 'https://b.example', r.feed_title,
	    x.description, r.feed_mid, r.feed_job) IS DISTINCT FROM
	    public.fj_feed_text(x, co, c, ct, st, 'https://b.example') OR
	    public.fj_job_api_splice(x.id, 'https://b.example' ||
	    public.fj_job_path(x.id, x.slug), r.api_head, x.description,
	    r.api_tail) IS DISTINCT FROM
	    public.fj_job_api_text(x, co, c, 'https://b.example')
	    AND public.fj_job_status(x) = 'published')
$$;

SELECT CASE WHEN pg_temp.stale() = 0 AND (SELECT count(*) FROM posting_render) =
	(SELECT count(*) FROM posting WHERE status = 'published')
	THEN 'ok - every published posting has its stored rendering, equal to the one made on the spot'
	ELSE 'not ok - stale or missing stored renderings: ' || pg_temp.stale() END;

SELECT CASE WHEN count(*) = 0 THEN 'ok - no stored rendering for a posting not published'
	ELSE 'not ok - stored renderings of postings not published: ' || count(*) END
FROM posting_render r JOIN posting p ON p.id = r.posting_id
WHERE p.status <> 'published';

-- Every splice is JSON (the cast parses it).
SELECT CASE WHEN count(*) = (SELECT count(*) FROM posting_render)
	THEN 'ok - every spliced item is valid JSON with its id'
	ELSE 'not ok - spliced items that are not JSON' END
FROM (SELECT public.fj_feed_splice(x.id, x.slug, 'B"\', r.feed_title,
	x.description, r.feed_mid, r.feed_job)::json AS f,
	public.fj_job_api_splice(x.id, 'B"\', r.api_head, x.description,
	r.api_tail)::json AS a, x.id
	FROM posting x JOIN posting_render r ON r.posting_id = x.id) j
WHERE (j.f->'_job'->'identifier'->>'value')::bigint = j.id
AND (j.a->>'id')::bigint = j.id AND j.a->>'url' = 'B"\';

-- Writes of every kind, in one transaction rolled back.
BEGIN;
UPDATE posting SET title = title || ' Renamed', description = E'Tab\there "quoted" \\ ünïcode'
WHERE id IN (SELECT id FROM posting WHERE status = 'published' ORDER BY id LIMIT 3);
UPDATE posting SET status = 'filled' WHERE id = (SELECT id FROM posting
    WHERE status = 'published' ORDER BY id DESC LIMIT 1);
UPDATE posting SET status = 'published' WHERE id = (SELECT id FROM posting
    WHERE status <> 'published' AND status <> 'pending' ORDER BY id LIMIT 1);
UPDATE company SET website = 'https://renamed.example' WHERE id = (SELECT company_id
    FROM posting WHERE status = 'published' ORDER BY id LIMIT 1);
UPDATE city SET slug = slug || '-x' WHERE id = (SELECT city_id FROM posting
    WHERE status = 'published' AND city_id IS NOT NULL ORDER BY id LIMIT 1);
UPDATE contract_type SET schema_org = 'OTHER' WHERE code = 'seasonal';
INSERT INTO posting (company_id, company_name, company_raw, title, title_raw,
    slug, city_id, city_name, remote, country)
SELECT id, name, name, 'Render Tester', 'Render Tester', 'render-tester',
    NULL, '', 'remote', 'FR' FROM company ORDER BY id LIMIT 1;
-- Two writes of one row in one transaction (one change stamp).
UPDATE posting SET salary_min = 1000, salary_max = 2000, salary_currency = 'EUR'
WHERE slug = 'render-tester';
SELECT CASE WHEN pg_temp.stale() = 0
	THEN 'ok - the stored renderings follow updates, status changes, a company, a city, a contract type and an insert'
	ELSE 'not ok - stale stored renderings after writes: ' || pg_temp.stale() END;
SELECT CASE WHEN r.feed_job LIKE '%"applicantLocationRequirements":{"@type":"Country","name":"FR"}%'
	AND r.feed_job LIKE '%"baseSalary":%"minValue":1000%'
	THEN 'ok - a remote posting''s _job has applicantLocationRequirements, and its salary'
	ELSE 'not ok - _job of a remote posting: ' || r.feed_job END
FROM posting p JOIN posting_render r ON r.posting_id = p.id WHERE p.slug = 'render-tester';
DELETE FROM posting WHERE slug = 'render-tester';
SELECT CASE WHEN count(*) = 0 THEN 'ok - a deleted posting takes its rendering with it'
	ELSE 'not ok - a rendering outlived its posting' END
FROM posting_render r WHERE NOT EXISTS (SELECT 1 FROM posting p WHERE p.id = r.posting_id);
ROLLBACK;

-- The counters are no change: the stored rendering is not written again.
BEGIN;
UPDATE posting SET apply_clicks = apply_clicks + 1, views = views + 1
WHERE id = (SELECT max(posting_id) FROM posting_render);
SELECT CASE WHEN xmin::text <> pg_current_xact_id()::text
	THEN 'ok - counting a view or a click leaves the stored rendering alone'
	ELSE 'not ok - a counter update wrote the stored rendering again' END
FROM posting_render WHERE posting_id = (SELECT max(posting_id) FROM posting_render);
-- Past its expiry, a posting is a tombstone in the API, whatever is stored.
UPDATE posting SET expires_at = now() - interval '1 second'
WHERE id = (SELECT max(posting_id) FROM posting_render);
SELECT CASE WHEN public.fj_job_api(p, 'B')->>'status' = 'expired' AND
	public.fj_job_status(p) = 'expired'
	THEN 'ok - a posting past its expiry is an expired tombstone'
	ELSE 'not ok - an expired posting: ' || public.fj_job_api(p, 'B')::text END
FROM posting p WHERE id = (SELECT max(posting_id) FROM posting_render);
ROLLBACK;
