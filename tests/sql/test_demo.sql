-- The demo data (seed --demo) looks like a real board: every posting has
-- a country and a place, a title that names a city is in that city, and
-- no description says the same line twice.
SELECT CASE WHEN count(*) = 0
	THEN 'ok - demo: every posting has a country'
	ELSE 'not ok - demo: ' || count(*) || ' postings without a country, such as '
	    || min(p.title) END
FROM posting p LEFT JOIN city c ON c.id = p.city_id
WHERE coalesce(p.country, c.country) IS NULL;

SELECT CASE WHEN count(*) = 0
	THEN 'ok - demo: every posting not fully remote has a city'
	ELSE 'not ok - demo: ' || count(*) || ' postings without a city, such as '
	    || min(title) END
FROM posting WHERE city_name = '' AND remote <> 'remote';

SELECT CASE WHEN count(*) = 0
	THEN 'ok - demo: a title that names a city is in that city'
	ELSE 'not ok - demo: ' || count(*) || ' titles name another city, such as '
	    || min(p.title || ' in ' || p.city_name) END
FROM posting p
JOIN city_alias a ON length(a.key) > 3
    AND (' ' || fj_key(p.title) || ' ') LIKE ('% ' || a.key || ' %')
JOIN city c ON c.id = a.city_id AND c.known
WHERE p.city_id IS DISTINCT FROM c.id;

SELECT CASE WHEN count(*) = 0
	THEN 'ok - demo: no description repeats a line'
	ELSE 'not ok - demo: ' || count(*) || ' descriptions repeat a line' END
FROM posting p WHERE EXISTS (SELECT 1
    FROM regexp_split_to_table(p.description, '\n') l(x)
    WHERE btrim(x) <> '' GROUP BY btrim(x) HAVING count(*) > 1);
