-- A posting's search vector stops being a generated column, so that the
-- scraper can hand over the description's part of it.  PostgreSQL's
-- default parser took about 130 us per description, 13 of the 37 s of a
-- first import of 100 000 items; src/core/tsv.c computes the same vector
-- for text made only of words, numbers and plain punctuation (nine
-- descriptions in ten) and gives up on anything else, which PostgreSQL
-- then computes as before.  tests/integration/test_tsv.py holds both to
-- the same result.
--
-- Dropping the expression keeps every stored vector and rewrites nothing.
ALTER TABLE posting ALTER COLUMN search DROP EXPRESSION;

-- The vector the generated column computed; described, when given, is
-- to_tsvector('fj', left(description, 4000)) computed by the caller.
CREATE FUNCTION fj_search_vector(title text, company text, city_name text,
    city_raw text, description text, described tsvector)
RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT setweight(to_tsvector('fj', title), 'A') ||
	    setweight(to_tsvector('fj', company), 'B') ||
	    setweight(to_tsvector('fj', city_name || ' ' || city_raw), 'C') ||
	    setweight(coalesce(described,
		to_tsvector('fj', left(description, 4000))), 'D')
$$;

CREATE FUNCTION fj_posting_search() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	NEW.search := fj_search_vector(NEW.title, NEW.company_name,
	    NEW.city_name, NEW.city_raw, NEW.description, NULL);
	RETURN NEW;
END
$$;

-- A row inserted without its vector gets it; the scraper's rows come with
-- theirs and call nothing.
CREATE TRIGGER posting_search_insert BEFORE INSERT ON posting
    FOR EACH ROW WHEN (NEW.search IS NULL)
    EXECUTE FUNCTION fj_posting_search();

-- New words, unless the statement wrote the vector that goes with them.
CREATE TRIGGER posting_search_update BEFORE UPDATE OF title, company_name,
    city_name, city_raw, description ON posting
    FOR EACH ROW WHEN (NEW.search IS NOT DISTINCT FROM OLD.search AND
	(NEW.title, NEW.company_name, NEW.city_name, NEW.city_raw,
	NEW.description) IS DISTINCT FROM (OLD.title, OLD.company_name,
	OLD.city_name, OLD.city_raw, OLD.description))
    EXECUTE FUNCTION fj_posting_search();
