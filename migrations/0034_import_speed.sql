-- Speed of partner imports (issue 3's benchmark: 100 000 items into a
-- board of 100 000 postings).  Measured with log_statement_stats on a
-- private cluster; the figures are in the README under Benchmarks.

-- A posting with a long description and its tsvector is over 2 KB, the
-- point where PostgreSQL compresses a row's largest values with pglz: half
-- the imported rows were, which cost 1.5 s of CPU per 100 000 inserts, and
-- a search decompressed every match's tsvector again to rank it.  Rows now
-- stay as they are up to a page (8 KB); the table is about 9% larger.
-- Changing it takes no lock that blocks reads or writes, and only rows
-- written from now on are stored this way.
ALTER TABLE posting SET (toast_tuple_target = 8160);

-- Every run marks each listed item seen (last_seen, missed_runs).  On full
-- pages that update writes a new row version elsewhere and an entry in both
-- indexes; with room on the page it is a heap-only update that touches no
-- index: 2.5 s down to 0.65 s for 100 000 sources here.  Applies to pages
-- written from now on.
ALTER TABLE posting_source SET (fillfactor = 50);

-- The words of the tsvectors a query selects that are worth suggesting
-- (three letters or more, not a number).
CREATE FUNCTION fj_word_stat(q text) RETURNS TABLE (word text, ndoc int)
LANGUAGE sql STABLE
AS $$
	SELECT s.word, s.ndoc FROM ts_stat(q) s
	WHERE length(s.word) >= 3 AND s.word !~ '^[0-9]+$'
$$;

CREATE OR REPLACE FUNCTION fj_refresh_words() RETURNS void
LANGUAGE sql
AS $$
	DELETE FROM search_word;
	INSERT INTO search_word (word, ndoc)
	SELECT word, ndoc FROM fj_word_stat(
	    'SELECT search FROM posting WHERE status = ''published''');
$$;

-- An import adds the words of the postings it created, instead of counting
-- the whole board again after every run (2 s at 200 000 postings, however
-- few were new).  Counts only grow: a closed posting's words stay until the
-- next fj_refresh_words() (seed calls it), which costs at most a suggestion.
CREATE FUNCTION fj_add_words(q text) RETURNS void
LANGUAGE sql
AS $$
	INSERT INTO search_word AS w (word, ndoc)
	SELECT word, ndoc FROM fj_word_stat(q)
	ON CONFLICT (word) DO UPDATE SET ndoc = w.ndoc + excluded.ndoc;
$$;
