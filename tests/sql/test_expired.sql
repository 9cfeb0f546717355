-- One boundary for "expired" (migration 0043): a posting is expired from
-- its expiry instant on.  Inside one transaction now() does not move, so
-- expires_at = now() is the instant itself.
BEGIN;
INSERT INTO posting (company_id, company_name, company_raw, title,
    title_raw, slug, city_id, city_name, status, posted_at, expires_at)
SELECT co.id, co.name, co.name, 'Boundary Tester', 'Boundary Tester',
    'boundary-tester', c.id, c.name, 'published', now() - interval '1 day',
    now()
FROM company co, city c WHERE c.slug = 'milano' ORDER BY co.id LIMIT 1;

SELECT CASE WHEN fj_expired(now()) AND NOT fj_expired(now() + interval '1 ms')
	AND NOT fj_expired(NULL)
	THEN 'ok - fj_expired: expired at the instant, open before it and with no date'
	ELSE 'not ok - fj_expired boundary' END;

SELECT CASE WHEN fj_job_status(p) = 'expired'
	THEN 'ok - API status: expired at the instant'
	ELSE 'not ok - API status at the instant: ' || fj_job_status(p) END
FROM posting p WHERE slug = 'boundary-tester';

SELECT CASE WHEN fj_posting_page(id, 'en')->'job'->>'status' = 'expired'
	THEN 'ok - posting page: expired at the instant'
	ELSE 'not ok - posting page at the instant: ' ||
	    (fj_posting_page(id, 'en')->'job'->>'status') END
FROM posting WHERE slug = 'boundary-tester';

SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM fj_match_newest(
	plainto_tsquery('public.fj', 'boundary tester'), NULL, NULL, NULL, NULL,
	true, true, 100))
	THEN 'ok - search: not listed at the instant'
	ELSE 'not ok - search lists a posting at its expiry instant' END;

UPDATE posting SET expires_at = now() + interval '1 second'
WHERE slug = 'boundary-tester';
SELECT CASE WHEN EXISTS (SELECT 1 FROM fj_match_newest(
	plainto_tsquery('public.fj', 'boundary tester'), NULL, NULL, NULL, NULL,
	true, true, 100))
	THEN 'ok - search: listed a second before the instant'
	ELSE 'not ok - search does not list an open posting' END;

-- No statement kept in the database restates the comparison: every
-- function that reads expires_at against now() goes through fj_expired
-- (signup and session tokens have their own expiry, not a posting's).
SELECT CASE WHEN count(*) = 0
	THEN 'ok - no function compares a posting''s expires_at with now() itself'
	ELSE 'not ok - functions restating the boundary: ' ||
	    string_agg(p.proname, ', ') END
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'public' AND p.proname <> 'fj_expired'
AND p.prosrc ~ 'expires_at\s*(<|<=|>|>=)\s*now\(\)';
ROLLBACK;
