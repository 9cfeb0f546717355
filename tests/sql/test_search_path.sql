-- Migration 0041: what indexes, constraints and triggers call works under
-- any search_path.  Autovacuum and ANALYZE run with pg_catalog only; psql
-- -f runs each statement on its own, so VACUUM is outside a transaction.
SET search_path = pg_catalog;

VACUUM ANALYZE public.posting;
SELECT 'ok - VACUUM ANALYZE posting with search_path pg_catalog';

ANALYZE;
SELECT 'ok - ANALYZE of every table with search_path pg_catalog';

-- The triggers: search vector, change stamp, facet counts, company change.
INSERT INTO public.posting (company_id, company_name, company_raw, title,
    title_raw, slug, city_id, city_name)
SELECT id, name, name, 'Search Path Tester', 'Search Path Tester',
    'search-path-tester', NULL, 'Nowhere'
FROM public.company ORDER BY id LIMIT 1;
SELECT CASE WHEN search @@ 'tester'::tsquery
	THEN 'ok - insert under pg_catalog computes the search vector'
	ELSE 'not ok - insert under pg_catalog: search ' || coalesce(search::text, 'NULL') END
FROM public.posting WHERE slug = 'search-path-tester';

UPDATE public.posting SET title = 'Search Path Renamed',
    description = 'Hermès'
WHERE slug = 'search-path-tester';
SELECT CASE WHEN search @@ 'renamed & hermes'::tsquery
	THEN 'ok - update under pg_catalog recomputes the search vector'
	ELSE 'not ok - update under pg_catalog: search ' || coalesce(search::text, 'NULL') END
FROM public.posting WHERE slug = 'search-path-tester';

UPDATE public.company SET name = name || '' WHERE id =
    (SELECT min(id) FROM public.company);
UPDATE public.contract_type SET code = code WHERE false;
SELECT 'ok - company and contract triggers run under pg_catalog';

DELETE FROM public.posting WHERE slug = 'search-path-tester';
SELECT CASE WHEN public.fj_key('Hermès  Paris') = 'hermes paris'
	THEN 'ok - fj_key under pg_catalog'
	ELSE 'not ok - fj_key under pg_catalog' END;
