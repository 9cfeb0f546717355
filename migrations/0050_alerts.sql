-- Job alerts by e-mail: a seeker's search, replayed on new postings and
-- mailed as a digest.  No account: an address (alert_subscriber) holds
-- alerts, each confirmed by its own link (double opt-in).
--
-- Tokens: a confirmation link's token is kept as its SHA-256 only (it is
-- mailed once and expires).  The manage token (one per address) and the
-- unsubscribe token (one per alert) go into every digest, so they are
-- kept as they are; each is 244 random bits from two UUIDs.
--
-- The worker (bin/fashionjobs alerts) claims due alerts with FOR UPDATE
-- SKIP LOCKED inside one transaction per batch, finds their new matches,
-- records them in alert_sent and queues the digests in mail_outbox in that
-- same transaction: a posting is queued at most once per alert, and a
-- worker that dies queues nothing.  Digests are sent at most once
-- (mail_outbox.at_most_once): a send cut short is not tried again, a
-- failed one is.

CREATE FUNCTION fj_token() RETURNS text
LANGUAGE sql VOLATILE PARALLEL SAFE
AS $$
	SELECT replace(gen_random_uuid()::text || gen_random_uuid()::text,
	    '-', '')
$$;

CREATE TABLE alert_subscriber (
	id		bigserial PRIMARY KEY,
	email		text NOT NULL CHECK (length(email) <= 254
			AND email !~ '[[:cntrl:][:space:]<>]'),
	manage_token	text NOT NULL UNIQUE DEFAULT fj_token(),
	lang		text NOT NULL DEFAULT 'en',	-- the interface's
	created_at	timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX alert_subscriber_email ON alert_subscriber (lower(email));

CREATE TABLE alert (
	id		bigserial PRIMARY KEY,
	subscriber_id	bigint NOT NULL REFERENCES alert_subscriber(id)
			ON DELETE CASCADE,
	-- The search as filters_read() validated it: {"q": ..., "city": ...}.
	filters		jsonb NOT NULL CHECK (length(filters::text) <= 1000),
	label		text NOT NULL CHECK (length(label) <= 500),
	search		text NOT NULL CHECK (length(search) <= 1500),
	frequency	text NOT NULL
			CHECK (frequency IN ('instant', 'daily', 'weekly')),
	confirm_hash	bytea NOT NULL UNIQUE,
	confirm_expires	timestamptz NOT NULL,
	confirmed_at	timestamptz,
	paused		boolean NOT NULL DEFAULT false,
	unsub_token	text NOT NULL UNIQUE DEFAULT fj_token(),
	created_at	timestamptz NOT NULL DEFAULT now(),
	-- Postings listed after since_at (confirmation, resumption) count;
	-- checked_upto is the last run, next_run_at when the next is due.
	since_at	timestamptz,
	checked_upto	timestamptz,
	next_run_at	timestamptz
);
CREATE INDEX alert_subscriber_id ON alert (subscriber_id);
CREATE INDEX alert_due ON alert (next_run_at)
    WHERE confirmed_at IS NOT NULL AND NOT paused;

CREATE TABLE alert_sent (
	alert_id	bigint NOT NULL REFERENCES alert(id) ON DELETE CASCADE,
	posting_id	bigint NOT NULL,
	at		timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (alert_id, posting_id)
);

-- Sign-ups per address and per network, for the limits.
CREATE TABLE alert_signup (
	email_key	text NOT NULL,
	ip		inet NOT NULL,
	at		timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alert_signup_email ON alert_signup (email_key, at);
CREATE INDEX alert_signup_ip ON alert_signup (ip, at);

-- Addresses whose server refused mail for good (5xx, several times).
CREATE TABLE mail_undeliverable (
	addr_key	text PRIMARY KEY,	-- lower(address)
	at		timestamptz NOT NULL DEFAULT now(),
	reason		text NOT NULL
);

ALTER TABLE mail_outbox
	ADD COLUMN body_html text,
	ADD COLUMN list_unsubscribe text,
	ADD COLUMN at_most_once boolean NOT NULL DEFAULT false,
	ADD COLUMN permanent_failures int NOT NULL DEFAULT 0;

-- When a posting became listed (inserted published, or published later
-- by a moderator): what "new" means for an alert.  Existing postings take
-- the time of this migration, before any alert.
ALTER TABLE posting ADD COLUMN listed_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX posting_listed ON posting (listed_at);

CREATE FUNCTION fj_posting_listed() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	NEW.listed_at := now();
	RETURN NEW;
END
$$;
CREATE TRIGGER posting_listed BEFORE UPDATE OF status ON posting
    FOR EACH ROW WHEN (NEW.status = 'published'
    AND OLD.status IS DISTINCT FROM 'published')
    EXECUTE FUNCTION fj_posting_listed();

INSERT INTO setting (key, value, description) VALUES
('alert_signups_per_address_hour', '5', 'Job alert sign-ups for one '
    'e-mail address in an hour; more answer 429.'),
('alert_signups_per_ip_hour', '30', 'Job alert sign-ups from one network '
    'address in an hour; more answer 429.')
ON CONFLICT (key) DO NOTHING;
