-- The stored rendering of each published posting: the parts of its API
-- item and JSON Feed item that depend on nothing but the posting, its
-- company, city and contract types, as JSON object members (text without
-- the braces).  A request splices them with what depends on it (the base
-- URL) and the description, which is kept once, in posting: the
-- statement then reads text instead of building up to 100 JSON documents
-- (see README, "The posting model").  Kept by the triggers of
-- sql/posting.sql; filled and redone when that file is applied.
CREATE TABLE posting_render (
	posting_id	bigint PRIMARY KEY REFERENCES posting (id)
			ON DELETE CASCADE,
	api_head	text NOT NULL,	-- title .. language
	api_tail	text NOT NULL,	-- apply_url .. expires_at
	feed_title	text NOT NULL,	-- "title": "Title — Company, City"
	feed_mid	text NOT NULL,	-- date_published .. tags
	feed_job	text NOT NULL	-- _job's members after about
);
