-- Migration 0038's database settings again: the baseline (0060) holds the
-- schema, and a database's own settings are not part of it, so a
-- database made from the baseline ran with JIT and 4 MB work_mem.  No
-- JIT compilation for this database's statements: the web's statements
-- cost enough to cross jit_above_cost but run in milliseconds, and the
-- compile took 20 to 100 ms of them (a search at 1 000 000 postings spent
-- 3.6 s compiling one of its 20 ms statements).  And 16 MB for a sort or
-- a bitmap: with the default 4 MB the bitmap of a search matching 290 000
-- postings goes lossy and 357 000 rows are read again to recheck them.
-- Where the database belongs to someone else, say so and go on.
DO $$
BEGIN
	EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
	EXECUTE format('ALTER DATABASE %I SET work_mem = %L',
	    current_database(), '16MB');
EXCEPTION WHEN insufficient_privilege THEN
	RAISE NOTICE 'cannot set JIT and work_mem for database %: %',
	    current_database(), SQLERRM;
END
$$;
