-- E-mail, and sign-ups confirmed by e-mail.
--
-- mail_outbox: every message the board sends, written in the same
-- statement as whatever caused it, sent later by `fashionjobs mail`.  A
-- sender leases a row (locked_by, locked_until) in a short transaction
-- with FOR UPDATE SKIP LOCKED, sends it with no transaction open, then
-- marks it sent or records the error and when to try again; a sender that
-- dies leaves its lease to run out.  Once sent, the body is blanked: a
-- confirmation link then lives only in the recipient's mailbox.
--
-- signup_pending: a sign-up waiting for its confirmation link.  Only the
-- SHA-256 of the link's token is kept, so reading this table confirms
-- nothing.  The password is already an argon2id string.

CREATE TABLE mail_outbox (
	id		bigserial PRIMARY KEY,
	kind		text NOT NULL,		-- signup_confirm, signup_exists...
	to_addr		text NOT NULL CHECK (length(to_addr) <= 254
			AND to_addr !~ '[[:cntrl:][:space:]<>]'),
	subject		text NOT NULL CHECK (length(subject) <= 200
			AND subject !~ '[[:cntrl:]]'),
	body		text NOT NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	sent_at		timestamptz,
	attempts	int NOT NULL DEFAULT 0,
	last_error	text,
	next_attempt_at	timestamptz NOT NULL DEFAULT now(),
	locked_by	text,
	locked_until	timestamptz
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at)
    WHERE sent_at IS NULL;
CREATE INDEX mail_outbox_to ON mail_outbox (lower(to_addr), created_at);

CREATE TABLE signup_pending (
	id		bigserial PRIMARY KEY,
	email		text NOT NULL CHECK (length(email) <= 254),
	password_hash	text NOT NULL,		-- $argon2id$...
	token_hash	bytea NOT NULL UNIQUE,	-- sha256 of the link's token
	created_at	timestamptz NOT NULL DEFAULT now(),
	expires_at	timestamptz NOT NULL,
	used_at		timestamptz
);
CREATE INDEX signup_pending_email ON signup_pending (lower(email));
CREATE INDEX signup_pending_expires ON signup_pending (expires_at);

INSERT INTO setting (key, value, description) VALUES
('signup_mails_per_hour', '3', 'Sign-up e-mails (confirmation or "you '
    'have an account") sent to one address in an hour; more sign-ups '
    'for it get the same answer and no e-mail.')
ON CONFLICT (key) DO NOTHING;
