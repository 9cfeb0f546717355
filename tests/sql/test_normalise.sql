-- Table-driven checks of the SQL normalisers: city aliases, contract
-- labels (two axes), and the search query builder on postings made inside
-- a transaction that is rolled back.  One line per case: ok / not ok.

SELECT CASE WHEN got IS NOT DISTINCT FROM want
	THEN 'ok - city ' || raw || ' -> ' || coalesce(want, 'unknown')
	ELSE 'not ok - city ' || raw || ': got ' || coalesce(got, 'NULL') ||
	    ' want ' || coalesce(want, 'NULL') END
FROM (SELECT raw, want, (SELECT name FROM city WHERE id = fj_city_id(raw))
    AS got FROM (VALUES
	('milan', 'Milano'), ('MILANO', 'Milano'), ('Mailand', 'Milano'),
	('Milán', 'Milano'), ('MILAN', 'Milano'), ('  milano ', 'Milano'),
	('florence', 'Firenze'), ('FIRENZE', 'Firenze'), ('Florenz', 'Firenze'),
	('FLORENCE', 'Firenze'), ('rome', 'Roma'), ('ROMA', 'Roma'),
	('venice', 'Venezia'), ('VENEZIA', 'Venezia'), ('Venedig', 'Venezia'),
	('munich', 'München'), ('München', 'München'), ('MUENCHEN', 'München'),
	('monaco di baviera', 'München'), ('Monaco', 'Monaco'),
	('vienna', 'Wien'), ('Wien', 'Wien'), ('Vienne', 'Wien'),
	('parigi', 'Paris'), ('PARIS', 'Paris'), ('DUSSELDORF', 'Düsseldorf'),
	('Düsseldorf', 'Düsseldorf'), ('Duesseldorf', 'Düsseldorf'),
	('Cologne', 'Köln'), ('Genf', 'Genève'), ('Ginevra', 'Genève'),
	('Zurigo', 'Zürich'), ('Londra', 'London'), ('Brussels', 'Bruxelles'),
	('Lisbona', 'Lisboa'), ('NYC', 'New York'), ('Nueva York', 'New York'),
	('Hongkong', 'Hong Kong'), ('Frankfurt', 'Frankfurt am Main'),
	('Turin', 'Torino'), ('Naples', 'Napoli'), ('Bozen', 'Bolzano'),
	('CERRETO GUIDI', 'Cerreto Guidi'), ('NOLA', 'Nola'),
	('MONZA', 'Monza'), ('VIMERCATE', 'Vimercate'), ('DUBAI', 'Dubai'),
	('BOLZANO', 'Bolzano'), ('Saint-Tropez', 'Saint-Tropez'),
	('St Tropez', 'Saint-Tropez'), ('Zzyzx Springs', NULL),
	('', NULL)
    ) AS t (raw, want)) c;

SELECT CASE WHEN (k.contract, k.schedule) = (want_c, want_s)
	THEN 'ok - contract ' || label || coalesce(' / ' || title, '') ||
	    ' -> ' || want_c || ', ' || want_s
	ELSE 'not ok - contract ' || label || ': got ' || k.contract || ', ' ||
	    k.schedule || ' want ' || want_c || ', ' || want_s END
FROM (VALUES
	('Tempo Indeterminato', NULL, 'permanent', 'unknown'),
	('Tempo Indeterminato',
	    'Sales Supervisor, Bergamo (Orio al Serio) - Part Time 32h',
	    'permanent', 'part_time'),
	('Tempo Determinato', NULL, 'fixed_term', 'unknown'),
	('Stage', NULL, 'internship', 'unknown'),
	('Tirocinio', NULL, 'internship', 'unknown'),
	('Apprendistato', NULL, 'apprenticeship', 'unknown'),
	('Somministrazione', NULL, 'temporary_agency', 'unknown'),
	('Tempo Indeterminato - Part Time', NULL, 'permanent', 'part_time'),
	('Full Time', NULL, 'other', 'full_time'),
	('CDI', NULL, 'permanent', 'unknown'),
	('CDI - Temps plein', NULL, 'permanent', 'full_time'),
	('CDI - Temps partiel', NULL, 'permanent', 'part_time'),
	('CDD', NULL, 'fixed_term', 'unknown'),
	('Alternance', NULL, 'apprenticeship', 'unknown'),
	('Contrat de professionnalisation', NULL, 'apprenticeship', 'unknown'),
	('Intérim', NULL, 'temporary_agency', 'unknown'),
	('Saisonnier', NULL, 'seasonal', 'unknown'),
	('Festanstellung', NULL, 'permanent', 'unknown'),
	('Unbefristet, Vollzeit', NULL, 'permanent', 'full_time'),
	('Teilzeit, unbefristet', NULL, 'permanent', 'part_time'),
	('Befristet', NULL, 'fixed_term', 'unknown'),
	('Praktikum', NULL, 'internship', 'unknown'),
	('Ausbildung', NULL, 'apprenticeship', 'unknown'),
	('Werkstudent', NULL, 'other', 'part_time'),
	('Zeitarbeit', NULL, 'temporary_agency', 'unknown'),
	('Permanent', NULL, 'permanent', 'unknown'),
	('Full-time, Permanent', NULL, 'permanent', 'full_time'),
	('Fixed term contract', NULL, 'fixed_term', 'unknown'),
	('Internship', NULL, 'internship', 'unknown'),
	('Part-time', NULL, 'other', 'part_time'),
	('Freelance', NULL, 'freelance', 'unknown'),
	('Seasonal', NULL, 'seasonal', 'unknown'),
	('Contrato indefinido', NULL, 'permanent', 'unknown'),
	('Prácticas', NULL, 'internship', 'unknown'),
	('Media jornada', NULL, 'other', 'part_time'),
	('Autónomo', NULL, 'freelance', 'unknown'),
	('whatever', NULL, 'other', 'unknown'),
	('', NULL, 'other', 'unknown')
) AS t (label, title, want_c, want_s), LATERAL fj_contract(label, title) k;

-- Search on postings of our own, rolled back at the end.
BEGIN;
-- A city nobody listed becomes a provisional city, once.
SELECT fj_city_ensure(' Zzyzx  Springs ') AS a,
    fj_city_ensure('ZZYZX SPRINGS') AS b \gset
SELECT CASE WHEN :a = :b AND NOT c.known AND c.name = 'Zzyzx Springs'
	THEN 'ok - an unknown city becomes one provisional city, as typed'
	ELSE 'not ok - provisional city: ' || c.name END
FROM city c WHERE c.id = :a;
SELECT CASE WHEN fj_city_ensure('Milan') = fj_city_id('Milano')
	THEN 'ok - a known alias is not made a new city'
	ELSE 'not ok - fj_city_ensure(Milan) made a new city' END;
SELECT CASE WHEN fj_city_ensure('  ') IS NULL
	THEN 'ok - an empty city is no city'
	ELSE 'not ok - an empty city became a city' END;
INSERT INTO company (key, name, slug) VALUES
	('zz hermes test', 'Hermès Test S.p.A.', 'zz-hermes-test'),
	('zz balenciaga test', 'Balenciaga Test', 'zz-balenciaga-test');
INSERT INTO posting (company_id, company_name, company_raw, title,
    title_raw, slug, city_id, city_name, city_raw, description, status)
SELECT co.id, co.name, co.name, t, t, fj_slug(t), fj_city_id(c),
    coalesce((SELECT name FROM city WHERE id = fj_city_id(c)), c), c,
    'zzdesc', 'published'
FROM (VALUES
	('zz hermes test', 'Zzqx Vendeur Boutique', 'MILANO'),
	('zz balenciaga test', 'Zzqx Supervisor Magazzino', 'FIRENZE'),
	('zz hermes test', 'Zzqx Verkäufer Flagship', 'München')
) AS v (ck, t, c) JOIN company co ON co.key = v.ck;
SELECT fj_refresh_words();

SELECT CASE WHEN n = want
	THEN 'ok - search ' || q || ' finds ' || want
	ELSE 'not ok - search ' || q || ': found ' || n || ' want ' || want END
FROM (SELECT q, want, (SELECT count(*) FROM posting
    WHERE status = 'published' AND search @@ fj_tsquery('zzqx ' || q))
    AS n FROM (VALUES
	('milan', 1), ('MILANO', 1), ('mailand', 1), ('florence', 1),
	('hermes', 2), ('HERMES', 2), ('hermès', 2), ('balenciga', 1),
	('superv', 1), ('munich', 1), ('monaco di baviera', 1),
	('verkaufer', 1), ('vendeur milan', 1), ('vendeur florence', 0),
	('nothingatall', 0)
    ) AS t (q, want)) s;

-- An import adds its new postings' words to the counts (migration 0034):
-- words of three letters or more that are not numbers, counted per posting.
SELECT fj_add_words('SELECT search FROM posting WHERE title = ''Zzqx Vendeur Boutique''');
SELECT fj_add_words('SELECT ''zzqxnew:1 zz:2 12345:3''::tsvector');
SELECT CASE WHEN n IS NOT DISTINCT FROM want
	THEN 'ok - fj_add_words: ' || w || ' counted ' || coalesce(want::text, 'never')
	ELSE 'not ok - fj_add_words: ' || w || ' counted ' ||
	    coalesce(n::text, 'never') || ' want ' || coalesce(want::text, 'never') END
FROM (SELECT w, want, (SELECT ndoc FROM search_word WHERE word = w) AS n
    FROM (VALUES ('zzqx', 4), ('zzqxnew', 1), ('zz', NULL), ('12345', NULL))
    AS t (w, want)) s;
ROLLBACK;
