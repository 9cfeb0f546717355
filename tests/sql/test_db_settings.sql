-- The database's own settings (migration 0101, as 0038 meant them): a new
-- session on it runs without JIT and with 16 MB for a sort or a bitmap.
-- The settings are the database's, not the schema's, so schema.sql cannot
-- show them: this is where a lost setting is seen.
SELECT CASE WHEN current_setting('jit') = 'off'
	THEN 'ok - database setting: jit = off'
	ELSE 'not ok - database setting: jit = ' || current_setting('jit') END;
SELECT CASE WHEN current_setting('work_mem') = '16MB'
	THEN 'ok - database setting: work_mem = 16MB'
	ELSE 'not ok - database setting: work_mem = ' ||
	    current_setting('work_mem') END;
