-- Migration 0037: the API's JSON functions are inlined into the statements
-- that call them (no per-row function call: VERBOSE plans show the
-- expression, not the function's name).  What they produce is checked
-- field by field over HTTP in tests/integration/test_api.py.

CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	l	text;
	out	text := '';
BEGIN
	FOR l IN EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) ' || q LOOP
		out := out || l || E'\n';
	END LOOP;
	RETURN out;
END
$$;

SELECT CASE WHEN p LIKE '%json_build_object%' AND p NOT LIKE '%fj_job_api(%'
	THEN 'ok - fj_job_api(p, co, c, base) is inlined'
	ELSE 'not ok - fj_job_api(p, co, c, base) is not inlined: ' || p END
FROM pg_temp.plan_of('SELECT fj_job_api(x, co, c, ''B'') FROM posting x'
    ' JOIN company co ON co.id = x.company_id'
    ' LEFT JOIN city c ON c.id = x.city_id') p;

SELECT CASE WHEN p LIKE '%json_build_object%'
	AND p NOT LIKE '%fj_feed_item(%'
	THEN 'ok - fj_feed_item(p, co, c, ct, st, base) is inlined'
	ELSE 'not ok - fj_feed_item(p, co, c, ct, st, base) is not inlined: ' ||
	    p END
FROM pg_temp.plan_of('SELECT fj_feed_item(x, co, c, ct, st, ''B'')'
    ' FROM posting x JOIN company co ON co.id = x.company_id'
    ' LEFT JOIN city c ON c.id = x.city_id'
    ' LEFT JOIN contract_type ct ON ct.code = x.contract'
    ' LEFT JOIN contract_type st ON st.code = x.schedule') p;
