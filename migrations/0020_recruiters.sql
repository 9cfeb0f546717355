-- Recruiters and administrators: accounts, sessions, login attempts,
-- settings, moderation.  Passwords are argon2id strings; session tokens
-- are stored only as their SHA-256, so a copy of this table opens no
-- session.  Rate limits and sessions live here (PostgreSQL is the only
-- state): any worker on any machine sees the same counts.

CREATE TABLE account (
	id		serial PRIMARY KEY,
	email		text NOT NULL CHECK (length(email) <= 254),
	password_hash	text NOT NULL,		-- $argon2id$...
	role		text NOT NULL DEFAULT 'recruiter'
			CHECK (role IN ('recruiter', 'admin')),
	trusted		boolean NOT NULL DEFAULT false,	-- skips moderation
	company_id	int REFERENCES company(id),
	created_at	timestamptz NOT NULL DEFAULT now(),
	password_changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX account_email ON account (lower(email));
-- One recruiter account per company profile.
CREATE UNIQUE INDEX account_company ON account (company_id)
    WHERE company_id IS NOT NULL;

CREATE TABLE session (
	token_hash	bytea PRIMARY KEY,	-- sha256 of the cookie value
	account_id	int NOT NULL REFERENCES account(id) ON DELETE CASCADE,
	csrf		text NOT NULL,		-- hidden field of every form
	created_at	timestamptz NOT NULL DEFAULT now(),
	expires_at	timestamptz NOT NULL
);
CREATE INDEX session_account ON session (account_id);

-- Every log-in (and password change) attempt, by the e-mail as typed
-- (lower case, whether or not an account has it) and the client address.
CREATE TABLE login_attempt (
	id		bigserial PRIMARY KEY,
	email		text NOT NULL,
	ip		inet,
	ok		boolean NOT NULL,
	at		timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempt_email ON login_attempt (email, at);
CREATE INDEX login_attempt_ip ON login_attempt (ip, at) WHERE NOT ok;

-- Settings an administrator may change without a deploy.
CREATE TABLE setting (
	key		text PRIMARY KEY,
	value		text NOT NULL,
	description	text NOT NULL
);
INSERT INTO setting (key, value, description) VALUES
('moderate_edits', 'on', 'An edit to a published posting of a recruiter '
    'who is not trusted sends it back to the moderation queue (on/off).'),
('login_window_minutes', '15', 'Failed log-ins count for this long.'),
('login_max_account', '5', 'Failed log-ins for one e-mail address in the '
    'window (since its last success) before it is locked.'),
('login_max_ip', '20', 'Failed log-ins from one client address in the '
    'window before it is locked.');

-- The setting's value, NULL when unknown.
CREATE FUNCTION fj_setting(k text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT value FROM setting WHERE key = k $$;

-- Whether a log-in for this e-mail from this address must wait.
CREATE FUNCTION fj_login_blocked(e text, addr inet) RETURNS boolean
LANGUAGE sql STABLE
AS $$
	WITH w AS (SELECT now() - make_interval(mins =>
	    fj_setting('login_window_minutes')::int) AS since)
	SELECT (SELECT count(*) FROM login_attempt l, w WHERE l.email = e
		AND NOT l.ok AND l.at > w.since AND l.at > coalesce((SELECT
		max(o.at) FROM login_attempt o WHERE o.email = e AND o.ok),
		'-infinity')) >= fj_setting('login_max_account')::int
	    OR (SELECT count(*) FROM login_attempt l, w WHERE l.ip = addr
		AND NOT l.ok AND l.at > w.since) >=
		fj_setting('login_max_ip')::int
$$;

-- Who submitted a posting, what the moderator said, and the form render
-- that created it: a double submit of one form finds the first posting.
ALTER TABLE posting
    ADD COLUMN account_id int REFERENCES account(id),
    ADD COLUMN form_token text,
    ADD COLUMN reject_reason text,
    ADD COLUMN moderated_at timestamptz;
CREATE UNIQUE INDEX posting_form_token ON posting (account_id, form_token)
    WHERE form_token IS NOT NULL;
CREATE INDEX posting_account ON posting (account_id, id DESC)
    WHERE account_id IS NOT NULL;
CREATE INDEX posting_pending ON posting (posted_at) WHERE status = 'pending';

-- What administrators did, and why.
CREATE TABLE moderation (
	id		bigserial PRIMARY KEY,
	admin_id	int NOT NULL REFERENCES account(id),
	action		text NOT NULL,		-- approve, reject, trust, ...
	posting_id	bigint REFERENCES posting(id) ON DELETE CASCADE,
	account_id	int REFERENCES account(id) ON DELETE CASCADE,
	reason		text,
	at		timestamptz NOT NULL DEFAULT now()
);
