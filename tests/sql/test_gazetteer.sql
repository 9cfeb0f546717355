-- The gazetteer (migration 0055, sql/gazetteer.sql), loaded by bin/fashionjobs
-- gazetteer before this runs: our cities have their places, distances
-- match known pairs, the seed's towns are found from their big city,
-- labels resolve through the gazetteer, and provisional cities merge.
-- What writes runs in a transaction that is rolled back.

SELECT CASE WHEN n > 150000 THEN 'ok - gazetteer: ' || n || ' places loaded'
	ELSE 'not ok - gazetteer: ' || n || ' places loaded' END
FROM (SELECT count(*) AS n FROM place) t;

SELECT CASE WHEN missing = 'Castel Romano'
	THEN 'ok - gazetteer: every city of ours but Castel Romano has a place'
	ELSE 'not ok - gazetteer: cities without a place: ' ||
	    coalesce(missing, 'none') END
FROM (SELECT string_agg(name, ', ' ORDER BY name) AS missing FROM city
    WHERE known AND NOT from_gazetteer AND pos IS NULL) t;

-- Known distances, within 10 %.
SELECT CASE WHEN abs(d - want) <= want * 0.1
	THEN 'ok - distance ' || a || ' to ' || b || ': ' || round(d) || ' km'
	ELSE 'not ok - distance ' || a || ' to ' || b || ': ' || round(d) ||
	    ' km, want about ' || want END
FROM (SELECT v.a, v.b, v.want, (SELECT public.earth_distance(x.pos, y.pos)
	/ 1000 FROM city x, city y WHERE x.slug = v.a AND y.slug = v.b) AS d
    FROM (VALUES ('milano', 'monza', 15), ('milano', 'bergamo', 45),
	('firenze', 'cerreto-guidi', 30), ('napoli', 'nola', 23),
	('milano', 'vimercate', 22), ('paris', 'milano', 640)) v (a, b, want)
    ) t;

-- The seed's towns, from their big city: within 40 km, and not within 10
-- (Scandicci and Orio al Serio are closer than that: within 10).
SELECT CASE WHEN got = want
	THEN 'ok - ' || town || ' within ' || km || ' km of ' || big || ': ' ||
	    want
	ELSE 'not ok - ' || town || ' within ' || km || ' km of ' || big ||
	    ': ' || got END
FROM (SELECT v.town, v.big, v.km, v.want, EXISTS (SELECT 1 FROM city b,
	public.fj_city_near(b.pos, v.km) n WHERE b.slug = v.big
	AND n.city_id = fj_city_id(v.town)) AS got
    FROM (VALUES ('MONZA', 'milano', 40, true), ('MONZA', 'milano', 10, false),
	('VIMERCATE', 'milano', 40, true), ('VIMERCATE', 'milano', 10, false),
	('CERRETO GUIDI', 'firenze', 40, true),
	('CERRETO GUIDI', 'firenze', 10, false),
	('NOLA', 'napoli', 40, true), ('NOLA', 'napoli', 10, false),
	('Scandicci', 'firenze', 40, true), ('Scandicci', 'firenze', 10, true),
	('Bergamo', 'milano', 40, false), ('Bergamo', 'milano', 50, true)
    ) v (town, big, km, want)) t;

-- The index answers the box: with sequential scans off, the plan of a
-- distance search reads city_pos.
CREATE FUNCTION pg_temp.plan(q text) RETURNS SETOF text
LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY EXECUTE 'EXPLAIN ' || q; END $$;
SET enable_seqscan = off;
SELECT CASE WHEN plan LIKE '%city_pos%'
	THEN 'ok - fj_city_near reads the GiST index city_pos'
	ELSE 'not ok - fj_city_near does not use city_pos: ' || plan END
FROM (SELECT string_agg(p, ' ') AS plan FROM (SELECT * FROM
    pg_temp.plan('SELECT * FROM city b, fj_city_near(b.pos, 30) n'
    ' WHERE b.slug = ''milano''')) e (p)) t;
RESET enable_seqscan;

-- Labels through the gazetteer.
SELECT CASE WHEN got IS NOT DISTINCT FROM want
	THEN 'ok - gazetteer label ' || raw || coalesce(' (' || cc || ')', '') ||
	    ' -> ' || coalesce(want, 'none')
	ELSE 'not ok - gazetteer label ' || raw || coalesce(' (' || cc || ')',
	    '') || ': got ' || coalesce(got, 'none') || ', want ' ||
	    coalesce(want, 'none') END
FROM (SELECT raw, cc, want, (SELECT p.name || ' ' || p.country || ' ' ||
	p.admin2 FROM place p WHERE p.id = fj_place_find(raw, cc)) AS got
    FROM (VALUES
	('Vimercate (MB)', NULL, 'Vimercate IT MB'),
	('ORIO AL SERIO', NULL, 'Orio al Serio IT BG'),
	('Nola', NULL, 'Nola IT NA'),
	('Nola', 'IT', 'Nola IT NA'),
	('Nola', 'CF', 'Nola CF 7731904'),
	('Scandicci, Italy', NULL, 'Scandicci IT FI'),
	('Cerreto Guidi (FI)', NULL, 'Cerreto Guidi IT FI'),
	('Bergamo (BG)', NULL, 'Bergamo IT BG'),
	('Lyon (69)', NULL, 'Lyon FR 69'),
	('Paris (TX)', NULL, 'Paris US 277'),
	('Cernusco sul Naviglio', 'IT', 'Cernusco sul Naviglio IT MI'),
	('Vimercate', 'FR', NULL),
	('Springfield', NULL, NULL),
	('San Martino', 'IT', NULL),
	('Zzyzx Springs', NULL, NULL),
	('Scandicci, France', NULL, NULL)
    ) AS t (raw, cc, want)) c;

BEGIN;
-- A new label becomes a known city with country and position, once; an
-- ambiguous or unknown one stays provisional, as typed.
SELECT fj_city_ensure('ORIO AL SERIO', 'IT') AS orio \gset
SELECT fj_city_ensure('Orio al Serio (BG)') AS orio2,
    fj_city_ensure('San Martino', 'IT') AS sm,
    fj_city_ensure('Zzyzx Springs') AS zz \gset
SELECT CASE WHEN c.known AND c.country = 'IT' AND c.pos IS NOT NULL
	AND c.name = 'Orio al Serio' AND :orio2 = :orio
	THEN 'ok - ORIO AL SERIO becomes the known city Orio al Serio, IT,'
	    ' with a position; Orio al Serio (BG) is the same'
	ELSE 'not ok - ORIO AL SERIO: ' || row(c.*)::text || ' and ' || :orio2
	    END
FROM city c WHERE c.id = :orio;
SELECT CASE WHEN count(*) = 2 AND bool_and(NOT known)
	AND string_agg(name, '|' ORDER BY name) = 'San Martino|Zzyzx Springs'
	THEN 'ok - an ambiguous and an unknown label stay provisional, as typed'
	ELSE 'not ok - ambiguous and unknown labels: ' ||
	    string_agg(row(c.*)::text, '; ') END
FROM city c WHERE c.id IN (:sm, :zz);
ROLLBACK;

BEGIN;
-- Provisional cities from before the gazetteer: re-resolved, merged,
-- raw labels kept.
INSERT INTO city (name, slug, known) VALUES ('VIMERCATE (MB)', 'vim-mb', false),
    ('Cernusco s/N', 'cernusco-s-n', false),
    ('Cernusco sul Naviglio (MI)', 'cernusco-mi', false),
    ('Sale Marasino', 'sale-marasino', false);
INSERT INTO city_alias (key, city_id) SELECT fj_key(name), id FROM city
WHERE slug IN ('vim-mb', 'cernusco-s-n', 'cernusco-mi', 'sale-marasino');
UPDATE posting SET city_id = (SELECT id FROM city WHERE slug = 'vim-mb'),
    city_name = 'VIMERCATE (MB)', city_raw = 'VIMERCATE (MB)'
WHERE id = (SELECT min(id) FROM posting WHERE status = 'published');
SELECT fj_city_reresolve() AS n \gset
SELECT CASE WHEN p.city_id = fj_city_id('Vimercate')
	AND p.city_name = 'Vimercate' AND p.city_raw = 'VIMERCATE (MB)'
	AND NOT EXISTS (SELECT 1 FROM city WHERE slug = 'vim-mb')
	AND fj_city_id('VIMERCATE (MB)') = fj_city_id('Vimercate')
	THEN 'ok - reresolve: a provisional VIMERCATE (MB) merges into'
	    ' Vimercate, its raw label kept'
	ELSE 'not ok - reresolve VIMERCATE (MB): ' || row(p.*)::text END
FROM posting p WHERE p.id = (SELECT min(id) FROM posting
    WHERE status = 'published');
SELECT CASE WHEN (SELECT count(*) FROM city WHERE name =
	'Cernusco sul Naviglio' AND known AND pos IS NOT NULL) = 1
	AND fj_city_id('Cernusco sul Naviglio (MI)') =
	    fj_city_id('Cernusco sul Naviglio')
	AND (SELECT NOT known FROM city WHERE slug = 'cernusco-s-n')
	AND :n >= 2
	THEN 'ok - reresolve: Cernusco sul Naviglio (MI) becomes a known'
	    ' city, Cernusco s/N stays provisional'
	ELSE 'not ok - reresolve Cernusco: ' || (SELECT string_agg(
	    row(c.*)::text, '; ') FROM city c WHERE name LIKE 'Cernusco%') END;
ROLLBACK;
