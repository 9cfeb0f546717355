-- Saved jobs, no account: a list per browser behind a random token in the
-- fj_saved cookie; only the token's SHA-256 is kept.  A list unused for
-- 180 days is deleted (by the alert worker's clean-up).

CREATE TABLE saved_list (
	id		bigserial PRIMARY KEY,
	token_hash	bytea NOT NULL UNIQUE,
	created_at	timestamptz NOT NULL DEFAULT now(),
	used_at		timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX saved_list_used ON saved_list (used_at);

CREATE TABLE saved_job (
	list_id		bigint NOT NULL REFERENCES saved_list(id)
			ON DELETE CASCADE,
	posting_id	bigint NOT NULL REFERENCES posting(id) ON DELETE CASCADE,
	saved_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (list_id, posting_id)
);
CREATE INDEX saved_job_posting ON saved_job (posting_id);
