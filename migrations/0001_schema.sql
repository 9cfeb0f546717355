-- Core schema: cities, contract lexicon, companies, postings, search.
-- Normalisation tables are data here, editable without recompiling; raw
-- values are always kept beside the normalised ones.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- unaccent() is only STABLE; indexes and generated columns need an
-- IMMUTABLE wrapper that names its dictionary.
CREATE FUNCTION fj_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- Matching key: lower case, accents folded, runs of anything that is not a
-- letter or digit become one space.  Agrees with text_key() in src/core.
CREATE FUNCTION fj_key(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT btrim(regexp_replace(lower(fj_unaccent($1)),
    '[^[:alnum:]]+', ' ', 'g')) $$;

CREATE FUNCTION fj_slug(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT coalesce(nullif(left(replace(fj_key($1), ' ', '-'), 80), ''),
    'n-a') $$;

-- An accent-free 'simple' configuration: "Hermès" and "HERMES" are one word.
CREATE TEXT SEARCH CONFIGURATION fj (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION fj
    ALTER MAPPING FOR asciiword, word, numword, asciihword, hword, numhword,
    hword_asciipart, hword_part, hword_numpart WITH unaccent, simple;

-- A city we know (known: canonical name, country, aliases from migration
-- 0002) or one a posting named that we did not know (known = false: the
-- name as typed, its key as its only alias).  Every posting with a city
-- has a city_id, so one index condition filters by city.
CREATE TABLE city (
	id		serial PRIMARY KEY,
	name		text NOT NULL,		-- canonical, local spelling
	slug		text NOT NULL UNIQUE,
	country		char(2),
	known		boolean NOT NULL DEFAULT true,
	population_rank	int
);

-- Every spelling of a city, by key: "milan", "mailand", "milan" ...
CREATE TABLE city_alias (
	key		text PRIMARY KEY,
	city_id		int NOT NULL REFERENCES city(id) ON DELETE CASCADE,
	lang		text
);
CREATE INDEX city_alias_city ON city_alias(city_id);

-- The city a raw value names, by its key; NULL when unknown.
CREATE FUNCTION fj_city_id(raw text) RETURNS int
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT city_id FROM city_alias WHERE key = fj_key(raw) $$;

-- The city a raw value names, creating a provisional one for a name we
-- do not know; NULL for an empty name.  Concurrent callers agree through
-- the unique alias key.
CREATE FUNCTION fj_city_ensure(raw text) RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
	v_key	text := fj_key(raw);
	v_name	text := btrim(regexp_replace(raw, '\s+', ' ', 'g'));
	v_slug	text := fj_slug(raw);
	v_id	int;
BEGIN
	IF v_key IS NULL OR v_key = '' THEN
		RETURN NULL;
	END IF;
	SELECT a.city_id INTO v_id FROM city_alias a WHERE a.key = v_key;
	IF v_id IS NOT NULL THEN
		RETURN v_id;
	END IF;
	IF EXISTS (SELECT 1 FROM city c WHERE c.slug = v_slug) THEN
		v_slug := v_slug || '-' || substr(md5(v_key), 1, 6);
	END IF;
	INSERT INTO city (name, slug, known) VALUES (v_name, v_slug, false)
	    RETURNING city.id INTO v_id;
	INSERT INTO city_alias (key, city_id) VALUES (v_key, v_id)
	    ON CONFLICT (key) DO NOTHING;
	RETURN (SELECT a.city_id FROM city_alias a WHERE a.key = v_key);
END
$$;

CREATE TABLE contract_type (
	code		text PRIMARY KEY,	-- permanent, fixed_term, ...
	axis		text NOT NULL CHECK (axis IN ('contract', 'schedule')),
	schema_org	text,			-- employmentType, when honest
	label_en	text NOT NULL,
	label_it	text NOT NULL,
	label_fr	text NOT NULL,
	label_de	text NOT NULL,
	label_es	text NOT NULL,
	sort		int NOT NULL DEFAULT 0
);

-- Labels seen in the wild, as keys ("tempo indeterminato", "cdi").  A label
-- matches when its key is the whole value or a run of whole words in it.
CREATE TABLE contract_lexicon (
	key		text PRIMARY KEY,
	code		text NOT NULL REFERENCES contract_type(code),
	lang		text,
	priority	int NOT NULL DEFAULT 100
);

-- (contract, schedule) for a raw label, and optionally the title, where
-- "Part Time 32h" often hides.  Unknown labels give ('other', 'unknown').
CREATE FUNCTION fj_contract(label text, title text DEFAULT NULL,
    OUT contract text, OUT schedule text)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
	WITH v AS (SELECT ' ' || coalesce(fj_key(label), '') || ' ' AS l,
	    ' ' || coalesce(fj_key(title), '') || ' ' AS t)
	SELECT coalesce((SELECT x.code FROM contract_lexicon x
		JOIN contract_type c USING (code), v
		WHERE c.axis = 'contract' AND v.l LIKE '% ' || x.key || ' %'
		ORDER BY x.priority, length(x.key) DESC LIMIT 1), 'other'),
	    coalesce((SELECT x.code FROM contract_lexicon x
		JOIN contract_type c USING (code), v
		WHERE c.axis = 'schedule' AND (v.l LIKE '% ' || x.key || ' %'
		OR v.t LIKE '% ' || x.key || ' %')
		ORDER BY x.priority, length(x.key) DESC LIMIT 1), 'unknown')
$$;

CREATE TABLE company (
	id		serial PRIMARY KEY,
	key		text NOT NULL UNIQUE,	-- name key without legal suffixes
	name		text NOT NULL,		-- display name
	slug		text NOT NULL UNIQUE,
	is_agency	boolean NOT NULL DEFAULT false,
	is_confidential	boolean NOT NULL DEFAULT false,
	website		text,
	description	text,
	created_at	timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE posting (
	id		bigserial PRIMARY KEY,
	company_id	int NOT NULL REFERENCES company(id),
	company_name	text NOT NULL,		-- display, denormalised for search
	company_raw	text NOT NULL,
	title		text NOT NULL,		-- cleaned
	title_raw	text NOT NULL,
	slug		text NOT NULL,
	contract	text NOT NULL DEFAULT 'other' REFERENCES contract_type(code),
	schedule	text NOT NULL DEFAULT 'unknown' REFERENCES contract_type(code),
	contract_raw	text NOT NULL DEFAULT '',
	city_id		int REFERENCES city(id),
	city_name	text NOT NULL DEFAULT '',	-- canonical, or as typed
	city_raw	text NOT NULL DEFAULT '',
	country		char(2),
	description	text NOT NULL DEFAULT '',
	apply_url	text,
	apply_email	text,
	lang		text NOT NULL DEFAULT 'en'
			CHECK (lang IN ('it', 'fr', 'de', 'en', 'es')),
	remote		text NOT NULL DEFAULT 'onsite'
			CHECK (remote IN ('onsite', 'hybrid', 'remote')),
	salary_min	numeric(12, 2),
	salary_max	numeric(12, 2),
	salary_currency	char(3),
	salary_period	text CHECK (salary_period IN ('year', 'month', 'hour')),
	status		text NOT NULL DEFAULT 'published'
			CHECK (status IN ('pending', 'published', 'rejected',
			    'expired', 'filled', 'closed', 'removed')),
	posted_at	timestamptz NOT NULL DEFAULT now(),
	expires_at	timestamptz,
	updated_at	timestamptz NOT NULL DEFAULT now(),
	closed_at	timestamptz,
	source		text NOT NULL DEFAULT 'recruiter'
			CHECK (source IN ('recruiter', 'partner', 'seed')),
	partner_id	int,
	external_id	text,
	views		bigint NOT NULL DEFAULT 0,
	apply_clicks	bigint NOT NULL DEFAULT 0,
	search		tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('fj', title), 'A') ||
		setweight(to_tsvector('fj', company_name), 'B') ||
		setweight(to_tsvector('fj', city_name || ' ' || city_raw), 'C') ||
		setweight(to_tsvector('fj', left(description, 4000)), 'D')
	) STORED,
	CHECK (salary_min IS NULL OR salary_max IS NULL OR
	    salary_min <= salary_max)
);

-- One GIN index for words, city and company (btree_gin): a search in a
-- city reads only the matching postings' entries, whatever the planner
-- guesses about the query.
CREATE INDEX posting_search ON posting USING gin (search, city_id, company_id)
    WHERE status = 'published';
CREATE INDEX posting_newest ON posting (posted_at DESC, id DESC)
    WHERE status = 'published';
CREATE INDEX posting_city ON posting (city_id, posted_at DESC)
    WHERE status = 'published';
CREATE INDEX posting_company ON posting (company_id, posted_at DESC)
    WHERE status = 'published';
CREATE INDEX posting_updated ON posting (updated_at, id);
CREATE UNIQUE INDEX posting_external ON posting (partner_id, external_id)
    WHERE partner_id IS NOT NULL;

-- Words of the published postings, for typo correction with pg_trgm.
-- Refreshed by fj_refresh_words() after seeding and imports; a query word
-- is always searched as typed as well, so a stale list only costs a
-- suggestion, never a result.
CREATE TABLE search_word (
	word		text PRIMARY KEY,
	ndoc		int NOT NULL
);
CREATE INDEX search_word_trgm ON search_word USING gin (word gin_trgm_ops);

CREATE FUNCTION fj_refresh_words() RETURNS void
LANGUAGE sql
AS $$
	DELETE FROM search_word;
	INSERT INTO search_word (word, ndoc)
	SELECT word, ndoc FROM ts_stat(
	    'SELECT search FROM posting WHERE status = ''published''')
	WHERE length(word) >= 3 AND word !~ '^[0-9]+$';
$$;

-- The tsquery for what a person typed.  A word in the vocabulary matches
-- as is, any other as a prefix; city aliases also match their canonical city ("milan" finds MILANO,
-- "monaco di baviera" finds Munich), and a word that is not in the
-- vocabulary also matches its nearest known word ("balenciga").
CREATE FUNCTION fj_tsquery(q text) RETURNS tsquery
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
