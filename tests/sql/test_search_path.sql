-- Maintenance runs with search_path = pg_catalog: every index expression
-- (fj_key in posting_dedup) must still be found.  VACUUM and ANALYZE of
-- every table under that path; psql stops at the first error.
SET search_path = pg_catalog;
VACUUM ANALYZE public.posting;
ANALYZE;
SELECT 'ok - VACUUM ANALYZE posting and ANALYZE of every table under search_path = pg_catalog';
SELECT CASE WHEN public.fj_key('Hermès  Milano') = 'hermes milano'
	THEN 'ok - fj_key under search_path = pg_catalog'
	ELSE 'not ok - fj_key under search_path = pg_catalog' END;
RESET search_path;
