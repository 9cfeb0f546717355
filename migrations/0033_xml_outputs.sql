-- XML outputs for partners (/feed.xml): the exact date format and the
-- contract label that our own importer reads back into the same contract
-- and schedule.

-- RFC 3339 in UTC to the microsecond (the fraction only when there is
-- one): a feed read back gives the very same timestamps.
CREATE FUNCTION fj_rfc3339_exact(t timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT CASE WHEN extract(microseconds FROM t)::bigint % 1000000 = 0
	    THEN fj_rfc3339(t)
	    ELSE to_char(t AT TIME ZONE 'UTC',
		'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') END
$$;

-- A label the lexicon reads as (c, s): the English names first ("Fixed
-- term, Part time"), else the first pair of lexicon keys that works.  For
-- postings written by recruiters, who choose codes and type no label.
CREATE FUNCTION fj_contract_label(c text, s text) RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
DECLARE
	l	text;
	first	text;
BEGIN
	FOR l IN
		SELECT a.label || coalesce(', ' || b.label, '') FROM
		    (SELECT 0 AS n, label_en AS label FROM contract_type
		     WHERE code = c UNION ALL
		     SELECT 1, key FROM contract_lexicon WHERE code = c) a,
		    (SELECT 0 AS n, label_en AS label FROM contract_type
		     WHERE code = s AND s <> 'unknown' UNION ALL
		     SELECT 1, key FROM contract_lexicon WHERE code = s
		     UNION ALL SELECT 0, NULL WHERE s = 'unknown') b
		ORDER BY a.n + b.n, a.label, b.label
	LOOP
		first := coalesce(first, l);
		IF (SELECT (k.contract, k.schedule) FROM fj_contract(l) k) =
		    (c, s) THEN
			RETURN l;
		END IF;
	END LOOP;
	RETURN first;
END
$$;

-- The jobtype of /feed.xml: the posting's own label when the lexicon reads
-- it as (c, s); the label and the schedule's name when the label names no
-- schedule but the posting has one ("Tempo Indeterminato, Full time": the
-- importer would otherwise look for it in the title); else a label made
-- for the codes (recruiters choose codes and type no label).
CREATE FUNCTION fj_jobtype(raw text, c text, s text) RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
DECLARE
	k	record;
	l	text;
BEGIN
	IF coalesce(raw, '') <> '' THEN
		SELECT * INTO k FROM fj_contract(raw);
		IF k.contract = c AND k.schedule = s THEN
			RETURN raw;
		END IF;
		IF k.contract = c AND k.schedule = 'unknown' THEN
			l := raw || ', ' || (SELECT label_en FROM contract_type
			    WHERE code = s);
			IF (SELECT (x.contract, x.schedule) FROM fj_contract(l) x)
			    = (c, s) THEN
				RETURN l;
			END IF;
		END IF;
	END IF;
	RETURN fj_contract_label(c, s);
END
$$;
