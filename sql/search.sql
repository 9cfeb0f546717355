-- Full-text search: the search vector kept by triggers on posting, the
-- query parser (with typo and prefix words from search_word) and the
-- newest matches.
--
-- A repeatable file: migrate applies it again whenever it changes (and
-- after any migration), in name order among sql/*.sql, with
-- check_function_bodies off.  Define here, not in migrations/.

CREATE OR REPLACE FUNCTION public.fj_search_vector(title text, company text, city_name text, city_raw text, description text, described tsvector) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
	SELECT setweight(to_tsvector('public.fj'::regconfig, title), 'A') ||
	    setweight(to_tsvector('public.fj'::regconfig, company), 'B') ||
	    setweight(to_tsvector('public.fj'::regconfig,
		city_name || ' ' || city_raw), 'C') ||
	    setweight(coalesce(described,
		to_tsvector('public.fj'::regconfig, left(description, 4000))),
		'D')
$$;

CREATE OR REPLACE FUNCTION public.fj_posting_search() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
	NEW.search := public.fj_search_vector(NEW.title, NEW.company_name,
	    NEW.city_name, NEW.city_raw, NEW.description, NULL);
	RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER posting_search_insert BEFORE INSERT
    ON public.posting
    FOR EACH ROW
    WHEN ((new.search IS NULL))
    EXECUTE FUNCTION public.fj_posting_search();

CREATE OR REPLACE TRIGGER posting_search_update BEFORE UPDATE OF title, company_name, city_name, city_raw, description
    ON public.posting
    FOR EACH ROW
    WHEN (((NOT (new.search IS DISTINCT FROM old.search)) AND (((((new.title IS DISTINCT FROM old.title) OR (new.company_name IS DISTINCT FROM old.company_name)) OR (new.city_name IS DISTINCT FROM old.city_name)) OR (new.city_raw IS DISTINCT FROM old.city_raw)) OR (new.description IS DISTINCT FROM old.description))))
    EXECUTE FUNCTION public.fj_posting_search();


SET default_tablespace = '';

CREATE OR REPLACE FUNCTION public.fj_tsquery(q text) RETURNS tsquery
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    AS $$
DECLARE
	w	text[] := regexp_split_to_array(fj_key(q), ' ');
	n	int := coalesce(array_length(w, 1), 0);
	i	int := 1;
	k	int;
	alias	text;
	canon	text;
	part	text;
	fix	text;
	result	text := '';
BEGIN
	IF n = 0 OR w[1] = '' THEN
		RETURN NULL;
	END IF;
	n := least(n, 12);
	WHILE i <= n LOOP
		part := NULL;
		-- Longest city alias starting at word i, up to four words.
		FOR k IN REVERSE least(4, n - i + 1)..1 LOOP
			alias := array_to_string(w[i:i + k - 1], ' ');
			SELECT fj_key(c.name) INTO canon FROM city_alias a
			    JOIN city c ON c.id = a.city_id WHERE a.key = alias;
			IF canon IS NOT NULL AND (k > 1 OR length(alias) >= 3) THEN
				part := '(' || replace(alias, ' ', ' <-> ') ||
				    ' | ' || replace(canon, ' ', ' <-> ') || ')';
				i := i + k;
				EXIT;
			END IF;
		END LOOP;
		IF part IS NULL THEN
			-- A whole known word matches exactly (a prefix scan of
			-- the index costs several times more); anything else is
			-- a prefix being typed, or a typo.
			IF EXISTS (SELECT 1 FROM search_word WHERE word = w[i]) THEN
				part := quote_literal(w[i]);
			ELSE
				part := quote_literal(w[i]) || ':*';
				IF length(w[i]) >= 4 THEN
					SELECT word INTO fix FROM search_word
					    WHERE word % w[i]
					    ORDER BY similarity(word, w[i]) DESC,
					    ndoc DESC LIMIT 1;
					IF fix IS NOT NULL THEN
						part := '(' || part || ' | ' ||
						    quote_literal(fix) || ')';
					END IF;
				END IF;
			END IF;
			i := i + 1;
		END IF;
		result := result || CASE WHEN result = '' THEN '' ELSE ' & ' END
		    || part;
	END LOOP;
	RETURN to_tsquery('fj', result);
END
$$;

CREATE OR REPLACE FUNCTION public.fj_word_stat(q text) RETURNS TABLE(word text, ndoc integer)
    LANGUAGE sql STABLE
    AS $_$
	SELECT s.word, s.ndoc FROM ts_stat(q) s
	WHERE length(s.word) >= 3 AND s.word !~ '^[0-9]+$'
$_$;

CREATE OR REPLACE FUNCTION public.fj_refresh_words() RETURNS void
    LANGUAGE sql
    AS $$
	DELETE FROM search_word;
	INSERT INTO search_word (word, ndoc)
	SELECT word, ndoc FROM fj_word_stat(
	    'SELECT search FROM posting WHERE status = ''published''');
$$;

CREATE OR REPLACE FUNCTION public.fj_add_words(q text) RETURNS void
    LANGUAGE sql
    AS $$
	INSERT INTO search_word AS w (word, ndoc)
	SELECT word, ndoc FROM fj_word_stat(q)
	ON CONFLICT (word) DO UPDATE SET ndoc = w.ndoc + excluded.ndoc;
$$;

CREATE OR REPLACE FUNCTION public.fj_match_newest(tq tsquery, cid integer, ct text, coid integer, lg text, any_city boolean, any_company boolean, lim integer) RETURNS TABLE(id bigint, posted_at timestamp with time zone, city_id integer, contract text, company_id integer, lang text, rank real)
    LANGUAGE plpgsql STABLE
    AS $_$
BEGIN
	RETURN QUERY EXECUTE
	    'SELECT x.id, x.posted_at, x.city_id, x.contract, x.company_id,'
	    ' x.lang, ts_rank(x.search, $1) FROM posting x'
	    ' WHERE x.status = ''published'' AND NOT public.fj_expired('
	    'x.expires_at) AND x.search @@ $1'
	    ' AND ($6 OR x.city_id = $2) AND ($3::text IS NULL'
	    ' OR x.contract = $3) AND ($7 OR x.company_id = $4)'
	    ' AND ($5::text IS NULL OR x.lang = $5)'
	    ' ORDER BY x.posted_at DESC, x.id DESC LIMIT $8'
	    USING tq, cid, ct, coid, lg, any_city, any_company, lim;
END
$_$;

-- fj_match_newest for the cities cids.  One city is
-- compared with =, so that the plan can read (city_id, posted_at) in
-- order; several with = ANY.
CREATE OR REPLACE FUNCTION public.fj_match_newest_cities(tq tsquery, cids integer[], ct text,
    coid integer, lg text, any_city boolean, any_company boolean,
    lim integer)
RETURNS TABLE (id bigint, posted_at timestamptz, city_id integer,
    contract text, company_id integer, lang text, rank real)
LANGUAGE plpgsql STABLE
AS $$
BEGIN
	RETURN QUERY EXECUTE
	    'SELECT x.id, x.posted_at, x.city_id, x.contract, x.company_id,'
	    ' x.lang, ts_rank(x.search, $1) FROM public.posting x'
	    ' WHERE x.status = ''published'' AND NOT public.fj_expired('
	    'x.expires_at) AND x.search @@ $1'
	    ' AND ($6 OR ' || CASE WHEN cardinality(cids) = 1
		THEN 'x.city_id = $2[1]' ELSE 'x.city_id = ANY ($2)' END ||
	    ') AND ($3::text IS NULL'
	    ' OR x.contract = $3) AND ($7 OR x.company_id = $4)'
	    ' AND ($5::text IS NULL OR x.lang = $5)'
	    ' ORDER BY x.posted_at DESC, x.id DESC LIMIT $8'
	    USING tq, cids, ct, coid, lg, any_city, any_company, lim;
END
$$;
