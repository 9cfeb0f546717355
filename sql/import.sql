-- The import of partner feeds: dates as feeds write them, and when a
-- posting's source was last seen.
--
-- A repeatable file: migrate applies it again whenever it changes (and
-- after any migration), in name order among sql/*.sql, with
-- check_function_bodies off.  Define here, not in migrations/.

CREATE OR REPLACE FUNCTION public.fj_parse_date(s text) RETURNS timestamp with time zone
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
	IF s IS NULL OR btrim(s) = '' THEN
		RETURN NULL;
	END IF;
	RETURN s::timestamptz;
EXCEPTION WHEN others THEN
	RETURN NULL;
END
$$;

CREATE OR REPLACE VIEW public.posting_source_seen AS
 SELECT s.partner_id,
    s.external_id,
    s.posting_id,
    s.url,
    s.content_hash,
    s.first_seen,
    s.seen_at,
    s.missed_runs,
        CASE
            WHEN (s.missed_runs = 0) THEN GREATEST(s.seen_at, p.snapshot_at)
            ELSE s.seen_at
        END AS last_seen
   FROM (public.posting_source s
     JOIN public.partner p ON ((p.id = s.partner_id)));
