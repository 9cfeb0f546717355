-- The SQL behind /feed.xml (migration 0033): a label made for every pair
-- of contract and schedule codes reads back as that pair, dates keep their
-- microseconds, and jobtype keeps the raw label whenever it can.

SELECT CASE WHEN (k.contract, k.schedule) = (c.code, s.code)
	THEN 'ok - label for ' || c.code || ', ' || s.code || ': ' || l.label
	ELSE 'not ok - label for ' || c.code || ', ' || s.code || ': "' ||
	    coalesce(l.label, 'NULL') || '" reads as ' || k.contract || ', ' ||
	    k.schedule END
FROM contract_type c CROSS JOIN contract_type s
CROSS JOIN LATERAL (SELECT fj_contract_label(c.code, s.code) AS label) l
CROSS JOIN LATERAL fj_contract(l.label) k
WHERE c.axis = 'contract' AND s.axis = 'schedule'
ORDER BY c.sort, s.sort;

SELECT CASE WHEN got IS NOT DISTINCT FROM want AND (want IS NULL OR
	got::timestamptz = t)
	THEN 'ok - exact date ' || coalesce(want, 'NULL')
	ELSE 'not ok - exact date: got ' || coalesce(got, 'NULL') || ' want ' ||
	    coalesce(want, 'NULL') END
FROM (SELECT t, want, fj_rfc3339_exact(t) AS got FROM (VALUES
	('2024-09-07 10:00:00+00'::timestamptz, '2024-09-07T10:00:00Z'),
	('2024-09-07 12:00:00.5+02', '2024-09-07T10:00:00.500000Z'),
	('2024-02-29 23:59:59.123456+00', '2024-02-29T23:59:59.123456Z'),
	('1999-12-31 23:59:59.000001+00', '1999-12-31T23:59:59.000001Z'),
	(NULL, NULL)
    ) AS v (t, want)) d;

SELECT CASE WHEN got = want AND (k.contract, k.schedule) = (c, s)
	THEN 'ok - jobtype of "' || raw || '" for ' || c || ', ' || s
	ELSE 'not ok - jobtype of "' || raw || '" for ' || c || ', ' || s ||
	    ': got "' || got || '" reading as ' || k.contract || ', ' ||
	    k.schedule || ', want "' || want || '"' END
FROM (SELECT raw, c, s, want, fj_jobtype(raw, c, s) AS got FROM (VALUES
	('Tempo Indeterminato', 'permanent', 'unknown', 'Tempo Indeterminato'),
	('CDI temps plein', 'permanent', 'full_time', 'CDI temps plein'),
	('Tempo Indeterminato', 'permanent', 'part_time',
	    'Tempo Indeterminato, Part time'),
	('Stage', 'permanent', 'full_time', 'Permanent, Full time'),
	('', 'temporary_agency', 'part_time', 'agency temp, Part time'),
	('Whatever we never heard of', 'other', 'unknown',
	    'Whatever we never heard of')
    ) AS v (raw, c, s, want)) j CROSS JOIN LATERAL fj_contract(j.got) k;

-- jobtype_memo (migration 0036) forgets every label when the lexicon or
-- the contract types change, even by a statement that touches no row.
BEGIN;
INSERT INTO jobtype_memo VALUES ('Stage', 'internship', 'unknown', 'Stage');
SELECT CASE WHEN count(*) = 1 THEN 'ok - jobtype_memo keeps a label'
	ELSE 'not ok - jobtype_memo keeps a label: ' || count(*) END
FROM jobtype_memo WHERE contract_raw = 'Stage';
UPDATE contract_lexicon SET key = key WHERE false;
SELECT CASE WHEN count(*) = 0
	THEN 'ok - a lexicon change empties jobtype_memo'
	ELSE 'not ok - a lexicon change left ' || count(*) || ' labels' END
FROM jobtype_memo;
INSERT INTO jobtype_memo VALUES ('Stage', 'internship', 'unknown', 'Stage');
DELETE FROM contract_type WHERE false;
SELECT CASE WHEN count(*) = 0
	THEN 'ok - a contract type change empties jobtype_memo'
	ELSE 'not ok - a contract type change left ' || count(*) || ' labels'
	END
FROM jobtype_memo;
ROLLBACK;
