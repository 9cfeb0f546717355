-- Functions that an index calls must work under any search_path:
-- autovacuum and auto-analyze evaluate index expressions with
-- search_path = pg_catalog, where an unqualified fj_unaccent() is not
-- found ("function fj_unaccent(text) does not exist" inside fj_key, once
-- a minute, and posting was never vacuumed or analysed automatically).
-- posting_dedup indexes fj_key(title); fj_slug builds on fj_key.  The
-- bodies are the same; only the calls are schema-qualified (no SET
-- search_path clause, which would stop these SQL functions being inlined).

CREATE OR REPLACE FUNCTION fj_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

CREATE OR REPLACE FUNCTION fj_key(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT pg_catalog.btrim(pg_catalog.regexp_replace(
    pg_catalog.lower(public.fj_unaccent($1)), '[^[:alnum:]]+', ' ', 'g')) $$;

CREATE OR REPLACE FUNCTION fj_slug(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT coalesce(nullif(pg_catalog.left(pg_catalog.replace(
    public.fj_key($1), ' ', '-'), 80), ''), 'n-a') $$;
