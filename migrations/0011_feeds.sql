-- Partner feeds: partners, their runs, and where each posting came from.
-- A posting may have several sources (the same job from two partners is
-- one posting); a feed is a snapshot, so a source missing from
-- close_after complete runs in a row closes its posting, unless another
-- source still lists it.

CREATE TABLE partner (
	id		serial PRIMARY KEY,
	name		text NOT NULL UNIQUE,
	url		text NOT NULL,
	format		text NOT NULL
			CHECK (format IN ('indeed', 'rss', 'atom', 'jsonld', 'html')),
	every		interval NOT NULL DEFAULT '1 hour',
	map		text,			-- XPath mapping (html), as text
	enabled		boolean NOT NULL DEFAULT true,
	close_after	int NOT NULL DEFAULT 2 CHECK (close_after > 0),
	max_bytes	bigint NOT NULL DEFAULT 67108864,
	etag		text,
	last_modified	text,
	next_run_at	timestamptz NOT NULL DEFAULT now(),
	lease_until	timestamptz,
	lease_owner	text,
	created_at	timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE partner_run (
	id		bigserial PRIMARY KEY,
	partner_id	int NOT NULL REFERENCES partner(id) ON DELETE CASCADE,
	started_at	timestamptz NOT NULL DEFAULT now(),
	finished_at	timestamptz,
	ok		boolean NOT NULL DEFAULT false,
	http_status	int,
	bytes		bigint NOT NULL DEFAULT 0,
	items_seen	int NOT NULL DEFAULT 0,
	items_new	int NOT NULL DEFAULT 0,
	items_updated	int NOT NULL DEFAULT 0,
	items_unchanged	int NOT NULL DEFAULT 0,
	items_closed	int NOT NULL DEFAULT 0,
	items_rejected	int NOT NULL DEFAULT 0,
	rejects		jsonb NOT NULL DEFAULT '[]',
	error		text
);
CREATE INDEX partner_run_partner ON partner_run (partner_id, started_at DESC);

CREATE TABLE posting_source (
	partner_id	int NOT NULL REFERENCES partner(id) ON DELETE CASCADE,
	external_id	text NOT NULL,
	posting_id	bigint NOT NULL REFERENCES posting(id) ON DELETE CASCADE,
	url		text,
	content_hash	text NOT NULL,
	first_seen	timestamptz NOT NULL DEFAULT now(),
	last_seen	timestamptz NOT NULL DEFAULT now(),
	missed_runs	int NOT NULL DEFAULT 0,
	PRIMARY KEY (partner_id, external_id)
);
CREATE INDEX posting_source_posting ON posting_source (posting_id);

-- The same job from another source: same company, cleaned title, city.
CREATE INDEX posting_dedup ON posting (company_id, fj_key(title), city_id)
    WHERE status IN ('published', 'pending');

-- A date as feeds write it (RFC 822, RFC 3339, YYYY-MM-DD ...), or NULL.
CREATE FUNCTION fj_parse_date(s text) RETURNS timestamptz
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
