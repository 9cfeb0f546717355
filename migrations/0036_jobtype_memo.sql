-- /feed.xml's jobtype remembered per (raw label, contract, schedule).
-- fj_jobtype() reads the lexicon once or more (about 1 ms a call); the
-- combinations are few (the lexicon's labels, the feeds' own), so each
-- page of /feed.xml looks its labels up here and adds the ones it had to
-- work out.  A change to the lexicon or the contract types forgets them.
CREATE TABLE jobtype_memo (
	contract_raw	text NOT NULL,
	contract	text NOT NULL,
	schedule	text NOT NULL,
	label		text,
	PRIMARY KEY (contract_raw, contract, schedule)
);

CREATE FUNCTION fj_jobtype_forget() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
	DELETE FROM jobtype_memo;
	RETURN NULL;
END
$$;

CREATE TRIGGER contract_lexicon_jobtype
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON contract_lexicon
    FOR EACH STATEMENT EXECUTE FUNCTION fj_jobtype_forget();
CREATE TRIGGER contract_type_jobtype
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON contract_type
    FOR EACH STATEMENT EXECUTE FUNCTION fj_jobtype_forget();
