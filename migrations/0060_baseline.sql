-- Baseline: the tables, types, sequences, indexes, text search
-- configuration and reference data that migrations 0001 to 0043 built, in
-- one file (a pg_dump of a database migrated with them, tidied).  The
-- functions, views and triggers those migrations defined, some of them
-- two or three times over, live once each in sql/, which migrate applies
-- after the migrations (see README, "Migrations").
--
-- A fresh database runs this file in place of the files it replaces, at
-- the place of the first of them.  A database that applied every one of
-- them, each with the checksum listed (or none, from before checksums),
-- records this file as applied without running it; a file marked
-- "functions" defined functions only, all of them now in sql/, and need
-- not have been applied.  A database that applied only some of the others
-- is refused: migrate it with a release from before this baseline first.
-- The old files are in the history (git show efbc371:migrations/).
-- replaces 0001_schema.sql 75332c721224a4cf59507914fa74ffd025fe7dd04cb9114d52095e89db70dbd3
-- replaces 0002_cities.sql 46965f09de0c2ec3f37f547ca15b81ce60187ce14735926cec537c4ca4144828
-- replaces 0003_contracts.sql f3c20a131b416af35cea9140ff757c910bfc0bd1342a611781a210e9da05934c
-- replaces 0004_cards.sql 298d1af30ee8a75dddccd64782f7e01988325151d029279aa3c9a06ad1c81582
-- replaces 0011_feeds.sql e2b1993070bed84799b38a74ee91120ea33bd7b4dab7755968e6414a76c88273
-- replaces 0020_recruiters.sql b929328fbfd97367b199e0cbff218bdf8c35fb3c0a220c01ed53689c33d971b0
-- replaces 0030_api.sql f0247dd895b833119b2c8432d6d49847480fa00adeef40da6bb8ad858ccf5aae
-- replaces 0032_search_speed.sql 7f73b0387890da85180cdfe440ac3f788f8bbce6647023424dbc5bb86108caae
-- replaces 0033_xml_outputs.sql afeabfaab9b44f66b4e8ac680be488d15fb81144c4ffb89e3aa8870ad5bee8e0
-- replaces 0034_import_speed.sql 48ff2149d3eb663fd1ece5488151a570eff626bc12802f1c1ead333187a5ead5
-- replaces 0036_jobtype_memo.sql eabaa05a6a0ae9dd07d641d30649fc759e9169709d34acfa4cec45226d76389c
-- replaces 0037_api_inline.sql e7b8715326da82e3828e7a18a1011c5571a1df7878a0f4bd237c9f3ba4990120
-- replaces 0038_facet_counts.sql 40a95b9fd08ee2589b6474746ee99c753f41fd2ebfa9f2c7f6c0124b3c73e7e8
-- replaces 0039_seen_at.sql 890ae855ff74ddd30e5c2de150cd04cad1a46a8c791cf3f01c2fc2f71a349c88
-- replaces 0040_search_vector.sql b488d607f299f6ef99749dfc7fab986dc4078e80346e55cf2ac68d10ee3b311f
-- replaces 0041_search_path.sql 4c47b674531d0061a882a03e4ad06e4c8ee938bf802c600fac7a4bff836e96ad
-- replaces 0042_city_qualifiers.sql b7f276a3925c3a4b4a13cbdafccf65b6058860d7ae26129410a3782bb74c6bc5
-- replaces 0043_expired.sql 4c07f59ca09cd08d131ec53aa69fbda86fc2415f9f898a2868d6a29bbc5c5cd1 functions

-- extension btree_gin

CREATE EXTENSION IF NOT EXISTS btree_gin WITH SCHEMA public;

-- comment EXTENSION btree_gin

COMMENT ON EXTENSION btree_gin IS 'support for indexing common datatypes in GIN';

-- extension pg_trgm

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- comment EXTENSION pg_trgm

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';

-- extension unaccent

CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

-- comment EXTENSION unaccent

COMMENT ON EXTENSION unaccent IS 'text search dictionary that removes accents';

-- table posting

CREATE TABLE public.posting (
    id bigint NOT NULL,
    company_id integer NOT NULL,
    company_name text NOT NULL,
    company_raw text NOT NULL,
    title text NOT NULL,
    title_raw text NOT NULL,
    slug text NOT NULL,
    contract text DEFAULT 'other'::text NOT NULL,
    schedule text DEFAULT 'unknown'::text NOT NULL,
    contract_raw text DEFAULT ''::text NOT NULL,
    city_id integer,
    city_name text DEFAULT ''::text NOT NULL,
    city_raw text DEFAULT ''::text NOT NULL,
    country character(2),
    description text DEFAULT ''::text NOT NULL,
    apply_url text,
    apply_email text,
    lang text DEFAULT 'en'::text NOT NULL,
    remote text DEFAULT 'onsite'::text NOT NULL,
    salary_min numeric(12,2),
    salary_max numeric(12,2),
    salary_currency character(3),
    salary_period text,
    status text DEFAULT 'published'::text NOT NULL,
    posted_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    closed_at timestamp with time zone,
    source text DEFAULT 'recruiter'::text NOT NULL,
    partner_id integer,
    external_id text,
    views bigint DEFAULT 0 NOT NULL,
    apply_clicks bigint DEFAULT 0 NOT NULL,
    search tsvector,
    account_id integer,
    form_token text,
    reject_reason text,
    moderated_at timestamp with time zone,
    change_xid xid8 DEFAULT pg_current_xact_id() NOT NULL,
    CONSTRAINT posting_check CHECK (((salary_min IS NULL) OR (salary_max IS NULL) OR (salary_min <= salary_max))),
    CONSTRAINT posting_lang_check CHECK ((lang = ANY (ARRAY['it'::text, 'fr'::text, 'de'::text, 'en'::text, 'es'::text]))),
    CONSTRAINT posting_remote_check CHECK ((remote = ANY (ARRAY['onsite'::text, 'hybrid'::text, 'remote'::text]))),
    CONSTRAINT posting_salary_period_check CHECK ((salary_period = ANY (ARRAY['year'::text, 'month'::text, 'hour'::text]))),
    CONSTRAINT posting_source_check CHECK ((source = ANY (ARRAY['recruiter'::text, 'partner'::text, 'seed'::text]))),
    CONSTRAINT posting_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'published'::text, 'rejected'::text, 'expired'::text, 'filled'::text, 'closed'::text, 'removed'::text])))
)
WITH (toast_tuple_target='8160');

-- table facet_delta

CREATE TABLE public.facet_delta (
    city_id integer,
    contract text NOT NULL,
    company_id integer NOT NULL,
    lang text NOT NULL,
    n integer NOT NULL
);

-- table city

CREATE TABLE public.city (
    id integer NOT NULL,
    name text NOT NULL,
    slug text NOT NULL,
    country character(2),
    known boolean DEFAULT true NOT NULL,
    population_rank integer
);

-- table company

CREATE TABLE public.company (
    id integer NOT NULL,
    key text NOT NULL,
    name text NOT NULL,
    slug text NOT NULL,
    is_agency boolean DEFAULT false NOT NULL,
    is_confidential boolean DEFAULT false NOT NULL,
    website text,
    description text,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

-- table contract_type

CREATE TABLE public.contract_type (
    code text NOT NULL,
    axis text NOT NULL,
    schema_org text,
    label_en text NOT NULL,
    label_it text NOT NULL,
    label_fr text NOT NULL,
    label_de text NOT NULL,
    label_es text NOT NULL,
    sort integer DEFAULT 0 NOT NULL,
    CONSTRAINT contract_type_axis_check CHECK ((axis = ANY (ARRAY['contract'::text, 'schedule'::text])))
);

-- text search configuration fj

CREATE TEXT SEARCH CONFIGURATION public.fj (
    PARSER = pg_catalog."default" );

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR asciiword WITH public.unaccent, simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR word WITH public.unaccent, simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR numword WITH public.unaccent, simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR email WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR url WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR host WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR sfloat WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR version WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR hword_numpart WITH public.unaccent, simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR hword_part WITH public.unaccent, simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR hword_asciipart WITH public.unaccent, simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR numhword WITH public.unaccent, simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR asciihword WITH public.unaccent, simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR hword WITH public.unaccent, simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR url_path WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR file WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR "float" WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR "int" WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.fj
    ADD MAPPING FOR uint WITH simple;

-- table account

CREATE TABLE public.account (
    id integer NOT NULL,
    email text NOT NULL,
    password_hash text NOT NULL,
    role text DEFAULT 'recruiter'::text NOT NULL,
    trusted boolean DEFAULT false NOT NULL,
    company_id integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    password_changed_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT account_email_check CHECK ((length(email) <= 254)),
    CONSTRAINT account_role_check CHECK ((role = ANY (ARRAY['recruiter'::text, 'admin'::text])))
);

-- sequence account_id_seq

CREATE SEQUENCE public.account_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

-- sequence owned by account_id_seq

ALTER SEQUENCE public.account_id_seq OWNED BY public.account.id;

-- table api_key

CREATE TABLE public.api_key (
    id integer NOT NULL,
    name text NOT NULL,
    key_hash text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    revoked_at timestamp with time zone,
    CONSTRAINT api_key_name_check CHECK (((length(name) >= 1) AND (length(name) <= 100)))
);

-- sequence api_key_id_seq

CREATE SEQUENCE public.api_key_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

-- sequence owned by api_key_id_seq

ALTER SEQUENCE public.api_key_id_seq OWNED BY public.api_key.id;

-- table city_alias

CREATE TABLE public.city_alias (
    key text NOT NULL,
    city_id integer NOT NULL,
    lang text
);

-- sequence city_id_seq

CREATE SEQUENCE public.city_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

-- sequence owned by city_id_seq

ALTER SEQUENCE public.city_id_seq OWNED BY public.city.id;

-- table city_qualifier

CREATE TABLE public.city_qualifier (
    country text NOT NULL,
    key text NOT NULL
);

-- table city_qualifier_shape

CREATE TABLE public.city_qualifier_shape (
    country text NOT NULL,
    pattern text NOT NULL
);

-- sequence company_id_seq

CREATE SEQUENCE public.company_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

-- sequence owned by company_id_seq

ALTER SEQUENCE public.company_id_seq OWNED BY public.company.id;

-- table contract_lexicon

CREATE TABLE public.contract_lexicon (
    key text NOT NULL,
    code text NOT NULL,
    lang text,
    priority integer DEFAULT 100 NOT NULL
);

-- table facet_count

CREATE TABLE public.facet_count (
    city_id integer,
    contract text NOT NULL,
    company_id integer NOT NULL,
    lang text NOT NULL,
    n integer NOT NULL
)
WITH (fillfactor='50');

-- table jobtype_memo

CREATE TABLE public.jobtype_memo (
    contract_raw text NOT NULL,
    contract text NOT NULL,
    schedule text NOT NULL,
    label text
);

-- table login_attempt

CREATE TABLE public.login_attempt (
    id bigint NOT NULL,
    email text NOT NULL,
    ip inet,
    ok boolean NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL
);

-- sequence login_attempt_id_seq

CREATE SEQUENCE public.login_attempt_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

-- sequence owned by login_attempt_id_seq

ALTER SEQUENCE public.login_attempt_id_seq OWNED BY public.login_attempt.id;

-- table moderation

CREATE TABLE public.moderation (
    id bigint NOT NULL,
    admin_id integer NOT NULL,
    action text NOT NULL,
    posting_id bigint,
    account_id integer,
    reason text,
    at timestamp with time zone DEFAULT now() NOT NULL
);

-- sequence moderation_id_seq

CREATE SEQUENCE public.moderation_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

-- sequence owned by moderation_id_seq

ALTER SEQUENCE public.moderation_id_seq OWNED BY public.moderation.id;

-- table partner

CREATE TABLE public.partner (
    id integer NOT NULL,
    name text NOT NULL,
    url text NOT NULL,
    format text NOT NULL,
    every interval DEFAULT '01:00:00'::interval NOT NULL,
    map text,
    enabled boolean DEFAULT true NOT NULL,
    close_after integer DEFAULT 2 NOT NULL,
    max_bytes bigint DEFAULT 67108864 NOT NULL,
    etag text,
    last_modified text,
    next_run_at timestamp with time zone DEFAULT now() NOT NULL,
    lease_until timestamp with time zone,
    lease_owner text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    snapshot_at timestamp with time zone,
    CONSTRAINT partner_close_after_check CHECK ((close_after > 0)),
    CONSTRAINT partner_format_check CHECK ((format = ANY (ARRAY['indeed'::text, 'rss'::text, 'atom'::text, 'jsonld'::text, 'html'::text])))
);

-- comment COLUMN partner.snapshot_at

COMMENT ON COLUMN public.partner.snapshot_at IS 'start of the last complete import: every source with missed_runs = 0 was in it';

-- sequence partner_id_seq

CREATE SEQUENCE public.partner_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

-- sequence owned by partner_id_seq

ALTER SEQUENCE public.partner_id_seq OWNED BY public.partner.id;

-- table partner_run

CREATE TABLE public.partner_run (
    id bigint NOT NULL,
    partner_id integer NOT NULL,
    started_at timestamp with time zone DEFAULT now() NOT NULL,
    finished_at timestamp with time zone,
    ok boolean DEFAULT false NOT NULL,
    http_status integer,
    bytes bigint DEFAULT 0 NOT NULL,
    items_seen integer DEFAULT 0 NOT NULL,
    items_new integer DEFAULT 0 NOT NULL,
    items_updated integer DEFAULT 0 NOT NULL,
    items_unchanged integer DEFAULT 0 NOT NULL,
    items_closed integer DEFAULT 0 NOT NULL,
    items_rejected integer DEFAULT 0 NOT NULL,
    rejects jsonb DEFAULT '[]'::jsonb NOT NULL,
    error text
);

-- sequence partner_run_id_seq

CREATE SEQUENCE public.partner_run_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

-- sequence owned by partner_run_id_seq

ALTER SEQUENCE public.partner_run_id_seq OWNED BY public.partner_run.id;

-- sequence posting_id_seq

CREATE SEQUENCE public.posting_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

-- sequence owned by posting_id_seq

ALTER SEQUENCE public.posting_id_seq OWNED BY public.posting.id;

-- table posting_source

CREATE TABLE public.posting_source (
    partner_id integer NOT NULL,
    external_id text NOT NULL,
    posting_id bigint NOT NULL,
    url text,
    content_hash text NOT NULL,
    first_seen timestamp with time zone DEFAULT now() NOT NULL,
    seen_at timestamp with time zone DEFAULT now() NOT NULL,
    missed_runs integer DEFAULT 0 NOT NULL,
    raw_hash bigint
)
WITH (fillfactor='50');

-- comment COLUMN posting_source.seen_at

COMMENT ON COLUMN public.posting_source.seen_at IS 'last seen as of the last write of this row; read last_seen from posting_source_seen';

-- table search_word

CREATE TABLE public.search_word (
    word text NOT NULL,
    ndoc integer NOT NULL
);

-- table session

CREATE TABLE public.session (
    token_hash bytea NOT NULL,
    account_id integer NOT NULL,
    csrf text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL
);

-- table setting

CREATE TABLE public.setting (
    key text NOT NULL,
    value text NOT NULL,
    description text NOT NULL
);

-- default account id

ALTER TABLE ONLY public.account ALTER COLUMN id SET DEFAULT nextval('public.account_id_seq'::regclass);

-- default api_key id

ALTER TABLE ONLY public.api_key ALTER COLUMN id SET DEFAULT nextval('public.api_key_id_seq'::regclass);

-- default city id

ALTER TABLE ONLY public.city ALTER COLUMN id SET DEFAULT nextval('public.city_id_seq'::regclass);

-- default company id

ALTER TABLE ONLY public.company ALTER COLUMN id SET DEFAULT nextval('public.company_id_seq'::regclass);

-- default login_attempt id

ALTER TABLE ONLY public.login_attempt ALTER COLUMN id SET DEFAULT nextval('public.login_attempt_id_seq'::regclass);

-- default moderation id

ALTER TABLE ONLY public.moderation ALTER COLUMN id SET DEFAULT nextval('public.moderation_id_seq'::regclass);

-- default partner id

ALTER TABLE ONLY public.partner ALTER COLUMN id SET DEFAULT nextval('public.partner_id_seq'::regclass);

-- default partner_run id

ALTER TABLE ONLY public.partner_run ALTER COLUMN id SET DEFAULT nextval('public.partner_run_id_seq'::regclass);

-- default posting id

ALTER TABLE ONLY public.posting ALTER COLUMN id SET DEFAULT nextval('public.posting_id_seq'::regclass);

-- constraint account account_pkey

ALTER TABLE ONLY public.account
    ADD CONSTRAINT account_pkey PRIMARY KEY (id);

-- constraint api_key api_key_key_hash_key

ALTER TABLE ONLY public.api_key
    ADD CONSTRAINT api_key_key_hash_key UNIQUE (key_hash);

-- constraint api_key api_key_pkey

ALTER TABLE ONLY public.api_key
    ADD CONSTRAINT api_key_pkey PRIMARY KEY (id);

-- constraint city_alias city_alias_pkey

ALTER TABLE ONLY public.city_alias
    ADD CONSTRAINT city_alias_pkey PRIMARY KEY (key);

-- constraint city city_pkey

ALTER TABLE ONLY public.city
    ADD CONSTRAINT city_pkey PRIMARY KEY (id);

-- constraint city_qualifier city_qualifier_pkey

ALTER TABLE ONLY public.city_qualifier
    ADD CONSTRAINT city_qualifier_pkey PRIMARY KEY (country, key);

-- constraint city_qualifier_shape city_qualifier_shape_pkey

ALTER TABLE ONLY public.city_qualifier_shape
    ADD CONSTRAINT city_qualifier_shape_pkey PRIMARY KEY (country, pattern);

-- constraint city city_slug_key

ALTER TABLE ONLY public.city
    ADD CONSTRAINT city_slug_key UNIQUE (slug);

-- constraint company company_key_key

ALTER TABLE ONLY public.company
    ADD CONSTRAINT company_key_key UNIQUE (key);

-- constraint company company_pkey

ALTER TABLE ONLY public.company
    ADD CONSTRAINT company_pkey PRIMARY KEY (id);

-- constraint company company_slug_key

ALTER TABLE ONLY public.company
    ADD CONSTRAINT company_slug_key UNIQUE (slug);

-- constraint contract_lexicon contract_lexicon_pkey

ALTER TABLE ONLY public.contract_lexicon
    ADD CONSTRAINT contract_lexicon_pkey PRIMARY KEY (key);

-- constraint contract_type contract_type_pkey

ALTER TABLE ONLY public.contract_type
    ADD CONSTRAINT contract_type_pkey PRIMARY KEY (code);

-- constraint facet_count facet_count_city_id_contract_company_id_lang_key

ALTER TABLE ONLY public.facet_count
    ADD CONSTRAINT facet_count_city_id_contract_company_id_lang_key UNIQUE NULLS NOT DISTINCT (city_id, contract, company_id, lang);

-- constraint jobtype_memo jobtype_memo_pkey

ALTER TABLE ONLY public.jobtype_memo
    ADD CONSTRAINT jobtype_memo_pkey PRIMARY KEY (contract_raw, contract, schedule);

-- constraint login_attempt login_attempt_pkey

ALTER TABLE ONLY public.login_attempt
    ADD CONSTRAINT login_attempt_pkey PRIMARY KEY (id);

-- constraint moderation moderation_pkey

ALTER TABLE ONLY public.moderation
    ADD CONSTRAINT moderation_pkey PRIMARY KEY (id);

-- constraint partner partner_name_key

ALTER TABLE ONLY public.partner
    ADD CONSTRAINT partner_name_key UNIQUE (name);

-- constraint partner partner_pkey

ALTER TABLE ONLY public.partner
    ADD CONSTRAINT partner_pkey PRIMARY KEY (id);

-- constraint partner_run partner_run_pkey

ALTER TABLE ONLY public.partner_run
    ADD CONSTRAINT partner_run_pkey PRIMARY KEY (id);

-- constraint posting posting_pkey

ALTER TABLE ONLY public.posting
    ADD CONSTRAINT posting_pkey PRIMARY KEY (id);

-- constraint posting_source posting_source_pkey

ALTER TABLE ONLY public.posting_source
    ADD CONSTRAINT posting_source_pkey PRIMARY KEY (partner_id, external_id);

-- constraint search_word search_word_pkey

ALTER TABLE ONLY public.search_word
    ADD CONSTRAINT search_word_pkey PRIMARY KEY (word);

-- constraint session session_pkey

ALTER TABLE ONLY public.session
    ADD CONSTRAINT session_pkey PRIMARY KEY (token_hash);

-- constraint setting setting_pkey

ALTER TABLE ONLY public.setting
    ADD CONSTRAINT setting_pkey PRIMARY KEY (key);

-- index account_company

CREATE UNIQUE INDEX account_company ON public.account USING btree (company_id) WHERE (company_id IS NOT NULL);

-- index account_email

CREATE UNIQUE INDEX account_email ON public.account USING btree (lower(email));

-- index api_key_active

CREATE UNIQUE INDEX api_key_active ON public.api_key USING btree (name) WHERE (revoked_at IS NULL);

-- index city_alias_city

CREATE INDEX city_alias_city ON public.city_alias USING btree (city_id);

-- index facet_count_company

CREATE INDEX facet_count_company ON public.facet_count USING btree (company_id);

-- index login_attempt_email

CREATE INDEX login_attempt_email ON public.login_attempt USING btree (email, at);

-- index login_attempt_ip

CREATE INDEX login_attempt_ip ON public.login_attempt USING btree (ip, at) WHERE (NOT ok);

-- index partner_run_partner

CREATE INDEX partner_run_partner ON public.partner_run USING btree (partner_id, started_at DESC);

-- index posting_account

CREATE INDEX posting_account ON public.posting USING btree (account_id, id DESC) WHERE (account_id IS NOT NULL);

-- index posting_change

CREATE INDEX posting_change ON public.posting USING btree (change_xid, id);

-- index posting_city

CREATE INDEX posting_city ON public.posting USING btree (city_id, posted_at DESC) WHERE (status = 'published'::text);

-- index posting_company

CREATE INDEX posting_company ON public.posting USING btree (company_id, posted_at DESC) WHERE (status = 'published'::text);

-- index posting_expiry

CREATE INDEX posting_expiry ON public.posting USING btree (expires_at) WHERE ((status = 'published'::text) AND (expires_at IS NOT NULL));

-- index posting_external

CREATE UNIQUE INDEX posting_external ON public.posting USING btree (partner_id, external_id) WHERE (partner_id IS NOT NULL);

-- index posting_form_token

CREATE UNIQUE INDEX posting_form_token ON public.posting USING btree (account_id, form_token) WHERE (form_token IS NOT NULL);

-- index posting_newest

CREATE INDEX posting_newest ON public.posting USING btree (posted_at DESC, id DESC) WHERE (status = 'published'::text);

-- index posting_pending

CREATE INDEX posting_pending ON public.posting USING btree (posted_at) WHERE (status = 'pending'::text);

-- index posting_search

CREATE INDEX posting_search ON public.posting USING gin (search, city_id, company_id, contract, lang) WHERE (status = 'published'::text);

-- index posting_source_posting

CREATE INDEX posting_source_posting ON public.posting_source USING btree (posting_id);

-- index posting_updated

CREATE INDEX posting_updated ON public.posting USING btree (updated_at, id);

-- index search_word_trgm

CREATE INDEX search_word_trgm ON public.search_word USING gin (word public.gin_trgm_ops);

-- index session_account

CREATE INDEX session_account ON public.session USING btree (account_id);

-- fk constraint account account_company_id_fkey

ALTER TABLE ONLY public.account
    ADD CONSTRAINT account_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.company(id);

-- fk constraint city_alias city_alias_city_id_fkey

ALTER TABLE ONLY public.city_alias
    ADD CONSTRAINT city_alias_city_id_fkey FOREIGN KEY (city_id) REFERENCES public.city(id) ON DELETE CASCADE;

-- fk constraint contract_lexicon contract_lexicon_code_fkey

ALTER TABLE ONLY public.contract_lexicon
    ADD CONSTRAINT contract_lexicon_code_fkey FOREIGN KEY (code) REFERENCES public.contract_type(code);

-- fk constraint moderation moderation_account_id_fkey

ALTER TABLE ONLY public.moderation
    ADD CONSTRAINT moderation_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.account(id) ON DELETE CASCADE;

-- fk constraint moderation moderation_admin_id_fkey

ALTER TABLE ONLY public.moderation
    ADD CONSTRAINT moderation_admin_id_fkey FOREIGN KEY (admin_id) REFERENCES public.account(id);

-- fk constraint moderation moderation_posting_id_fkey

ALTER TABLE ONLY public.moderation
    ADD CONSTRAINT moderation_posting_id_fkey FOREIGN KEY (posting_id) REFERENCES public.posting(id) ON DELETE CASCADE;

-- fk constraint partner_run partner_run_partner_id_fkey

ALTER TABLE ONLY public.partner_run
    ADD CONSTRAINT partner_run_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES public.partner(id) ON DELETE CASCADE;

-- fk constraint posting posting_account_id_fkey

ALTER TABLE ONLY public.posting
    ADD CONSTRAINT posting_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.account(id);

-- fk constraint posting posting_city_id_fkey

ALTER TABLE ONLY public.posting
    ADD CONSTRAINT posting_city_id_fkey FOREIGN KEY (city_id) REFERENCES public.city(id);

-- fk constraint posting posting_company_id_fkey

ALTER TABLE ONLY public.posting
    ADD CONSTRAINT posting_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.company(id);

-- fk constraint posting posting_contract_fkey

ALTER TABLE ONLY public.posting
    ADD CONSTRAINT posting_contract_fkey FOREIGN KEY (contract) REFERENCES public.contract_type(code);

-- fk constraint posting posting_schedule_fkey

ALTER TABLE ONLY public.posting
    ADD CONSTRAINT posting_schedule_fkey FOREIGN KEY (schedule) REFERENCES public.contract_type(code);

-- fk constraint posting_source posting_source_partner_id_fkey

ALTER TABLE ONLY public.posting_source
    ADD CONSTRAINT posting_source_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES public.partner(id) ON DELETE CASCADE;

-- fk constraint posting_source posting_source_posting_id_fkey

ALTER TABLE ONLY public.posting_source
    ADD CONSTRAINT posting_source_posting_id_fkey FOREIGN KEY (posting_id) REFERENCES public.posting(id) ON DELETE CASCADE;

-- fk constraint session session_account_id_fkey

ALTER TABLE ONLY public.session
    ADD CONSTRAINT session_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.account(id) ON DELETE CASCADE;

-- The reference data: cities and their names, contracts, settings.

-- table data company

-- table data account

-- table data api_key

-- table data city

INSERT INTO public.city (id, name, slug, country, known, population_rank) VALUES
	(1, 'Milano', 'milano', 'IT', true, NULL),
	(2, 'Roma', 'roma', 'IT', true, NULL),
	(3, 'Firenze', 'firenze', 'IT', true, NULL),
	(4, 'Venezia', 'venezia', 'IT', true, NULL),
	(5, 'Napoli', 'napoli', 'IT', true, NULL),
	(6, 'Torino', 'torino', 'IT', true, NULL),
	(7, 'Genova', 'genova', 'IT', true, NULL),
	(8, 'Bologna', 'bologna', 'IT', true, NULL),
	(9, 'Verona', 'verona', 'IT', true, NULL),
	(10, 'Vicenza', 'vicenza', 'IT', true, NULL),
	(11, 'Padova', 'padova', 'IT', true, NULL),
	(12, 'Treviso', 'treviso', 'IT', true, NULL),
	(13, 'Bergamo', 'bergamo', 'IT', true, NULL),
	(14, 'Brescia', 'brescia', 'IT', true, NULL),
	(15, 'Como', 'como', 'IT', true, NULL),
	(16, 'Monza', 'monza', 'IT', true, NULL),
	(17, 'Vimercate', 'vimercate', 'IT', true, NULL),
	(18, 'Cerreto Guidi', 'cerreto-guidi', 'IT', true, NULL),
	(19, 'Nola', 'nola', 'IT', true, NULL),
	(20, 'Bolzano', 'bolzano', 'IT', true, NULL),
	(21, 'Prato', 'prato', 'IT', true, NULL),
	(22, 'Arezzo', 'arezzo', 'IT', true, NULL),
	(23, 'Empoli', 'empoli', 'IT', true, NULL),
	(24, 'Scandicci', 'scandicci', 'IT', true, NULL),
	(25, 'Biella', 'biella', 'IT', true, NULL),
	(26, 'Carpi', 'carpi', 'IT', true, NULL),
	(27, 'Fermo', 'fermo', 'IT', true, NULL),
	(28, 'Civitanova Marche', 'civitanova-marche', 'IT', true, NULL),
	(29, 'Serravalle Scrivia', 'serravalle-scrivia', 'IT', true, NULL),
	(30, 'Noventa di Piave', 'noventa-di-piave', 'IT', true, NULL),
	(31, 'Barberino di Mugello', 'barberino-di-mugello', 'IT', true, NULL),
	(32, 'Fidenza', 'fidenza', 'IT', true, NULL),
	(33, 'Castel Romano', 'castel-romano', 'IT', true, NULL),
	(34, 'Vicolungo', 'vicolungo', 'IT', true, NULL),
	(35, 'Mantova', 'mantova', 'IT', true, NULL),
	(36, 'Lucca', 'lucca', 'IT', true, NULL),
	(37, 'Pisa', 'pisa', 'IT', true, NULL),
	(38, 'Parma', 'parma', 'IT', true, NULL),
	(39, 'Reggio Emilia', 'reggio-emilia', 'IT', true, NULL),
	(40, 'Modena', 'modena', 'IT', true, NULL),
	(41, 'Bari', 'bari', 'IT', true, NULL),
	(42, 'Palermo', 'palermo', 'IT', true, NULL),
	(43, 'Catania', 'catania', 'IT', true, NULL),
	(44, 'Cagliari', 'cagliari', 'IT', true, NULL),
	(45, 'Trieste', 'trieste', 'IT', true, NULL),
	(46, 'Udine', 'udine', 'IT', true, NULL),
	(47, 'Rimini', 'rimini', 'IT', true, NULL),
	(48, 'Pesaro', 'pesaro', 'IT', true, NULL),
	(49, 'Ancona', 'ancona', 'IT', true, NULL),
	(50, 'Perugia', 'perugia', 'IT', true, NULL),
	(51, 'Marcianise', 'marcianise', 'IT', true, NULL),
	(52, 'Novara', 'novara', 'IT', true, NULL),
	(53, 'Varese', 'varese', 'IT', true, NULL),
	(54, 'Lecco', 'lecco', 'IT', true, NULL),
	(55, 'Legnano', 'legnano', 'IT', true, NULL),
	(56, 'Sesto San Giovanni', 'sesto-san-giovanni', 'IT', true, NULL),
	(57, 'Assago', 'assago', 'IT', true, NULL),
	(58, 'Rozzano', 'rozzano', 'IT', true, NULL),
	(59, 'Santa Croce sull''Arno', 'santa-croce-sull-arno', 'IT', true, NULL),
	(60, 'Porto Cervo', 'porto-cervo', 'IT', true, NULL),
	(61, 'Forte dei Marmi', 'forte-dei-marmi', 'IT', true, NULL),
	(62, 'Cortina d''Ampezzo', 'cortina-d-ampezzo', 'IT', true, NULL),
	(63, 'Capri', 'capri', 'IT', true, NULL),
	(64, 'Taormina', 'taormina', 'IT', true, NULL),
	(65, 'Sanremo', 'sanremo', 'IT', true, NULL),
	(66, 'Portofino', 'portofino', 'IT', true, NULL),
	(67, 'Paris', 'paris', 'FR', true, NULL),
	(68, 'Lyon', 'lyon', 'FR', true, NULL),
	(69, 'Marseille', 'marseille', 'FR', true, NULL),
	(70, 'Nice', 'nice', 'FR', true, NULL),
	(71, 'Cannes', 'cannes', 'FR', true, NULL),
	(72, 'Bordeaux', 'bordeaux', 'FR', true, NULL),
	(73, 'Lille', 'lille', 'FR', true, NULL),
	(74, 'Toulouse', 'toulouse', 'FR', true, NULL),
	(75, 'Strasbourg', 'strasbourg', 'FR', true, NULL),
	(76, 'Nantes', 'nantes', 'FR', true, NULL),
	(77, 'Montpellier', 'montpellier', 'FR', true, NULL),
	(78, 'Saint-Tropez', 'saint-tropez', 'FR', true, NULL),
	(79, 'Courchevel', 'courchevel', 'FR', true, NULL),
	(80, 'Pantin', 'pantin', 'FR', true, NULL),
	(81, 'Neuilly-sur-Seine', 'neuilly-sur-seine', 'FR', true, NULL),
	(82, 'Boulogne-Billancourt', 'boulogne-billancourt', 'FR', true, NULL),
	(83, 'Levallois-Perret', 'levallois-perret', 'FR', true, NULL),
	(84, 'Saint-Ouen', 'saint-ouen', 'FR', true, NULL),
	(85, 'La Vallée Village', 'la-vallee-village', 'FR', true, NULL),
	(86, 'Monaco', 'monaco', 'MC', true, NULL),
	(87, 'Berlin', 'berlin', 'DE', true, NULL),
	(88, 'München', 'munchen', 'DE', true, NULL),
	(89, 'Hamburg', 'hamburg', 'DE', true, NULL),
	(90, 'Düsseldorf', 'dusseldorf', 'DE', true, NULL),
	(91, 'Frankfurt am Main', 'frankfurt-am-main', 'DE', true, NULL),
	(92, 'Köln', 'koln', 'DE', true, NULL),
	(93, 'Stuttgart', 'stuttgart', 'DE', true, NULL),
	(94, 'Metzingen', 'metzingen', 'DE', true, NULL),
	(95, 'Herzogenaurach', 'herzogenaurach', 'DE', true, NULL),
	(96, 'Nürnberg', 'nurnberg', 'DE', true, NULL),
	(97, 'Leipzig', 'leipzig', 'DE', true, NULL),
	(98, 'Dresden', 'dresden', 'DE', true, NULL),
	(99, 'Hannover', 'hannover', 'DE', true, NULL),
	(100, 'Ingolstadt', 'ingolstadt', 'DE', true, NULL),
	(101, 'Wien', 'wien', 'AT', true, NULL),
	(102, 'Salzburg', 'salzburg', 'AT', true, NULL),
	(103, 'Innsbruck', 'innsbruck', 'AT', true, NULL),
	(104, 'Parndorf', 'parndorf', 'AT', true, NULL),
	(105, 'Zürich', 'zurich', 'CH', true, NULL),
	(106, 'Genève', 'geneve', 'CH', true, NULL),
	(107, 'Lugano', 'lugano', 'CH', true, NULL),
	(108, 'Mendrisio', 'mendrisio', 'CH', true, NULL),
	(109, 'Basel', 'basel', 'CH', true, NULL),
	(110, 'Bern', 'bern', 'CH', true, NULL),
	(111, 'Lausanne', 'lausanne', 'CH', true, NULL),
	(112, 'St. Moritz', 'st-moritz', 'CH', true, NULL),
	(113, 'Gstaad', 'gstaad', 'CH', true, NULL),
	(114, 'Madrid', 'madrid', 'ES', true, NULL),
	(115, 'Barcelona', 'barcelona', 'ES', true, NULL),
	(116, 'Marbella', 'marbella', 'ES', true, NULL),
	(117, 'Valencia', 'valencia', 'ES', true, NULL),
	(118, 'Sevilla', 'sevilla', 'ES', true, NULL),
	(119, 'Málaga', 'malaga', 'ES', true, NULL),
	(120, 'Palma', 'palma', 'ES', true, NULL),
	(121, 'Bilbao', 'bilbao', 'ES', true, NULL),
	(122, 'A Coruña', 'a-coruna', 'ES', true, NULL),
	(123, 'Ibiza', 'ibiza', 'ES', true, NULL),
	(124, 'Lisboa', 'lisboa', 'PT', true, NULL),
	(125, 'Porto', 'porto', 'PT', true, NULL),
	(126, 'London', 'london', 'GB', true, NULL),
	(127, 'Manchester', 'manchester', 'GB', true, NULL),
	(128, 'Edinburgh', 'edinburgh', 'GB', true, NULL),
	(129, 'Glasgow', 'glasgow', 'GB', true, NULL),
	(130, 'Birmingham', 'birmingham', 'GB', true, NULL),
	(131, 'Leeds', 'leeds', 'GB', true, NULL),
	(132, 'Bicester', 'bicester', 'GB', true, NULL),
	(133, 'Dublin', 'dublin', 'IE', true, NULL),
	(134, 'Amsterdam', 'amsterdam', 'NL', true, NULL),
	(135, 'Rotterdam', 'rotterdam', 'NL', true, NULL),
	(136, 'Den Haag', 'den-haag', 'NL', true, NULL),
	(137, 'Antwerpen', 'antwerpen', 'BE', true, NULL),
	(138, 'Bruxelles', 'bruxelles', 'BE', true, NULL),
	(139, 'Luxembourg', 'luxembourg', 'LU', true, NULL),
	(140, 'København', 'kobenhavn', 'DK', true, NULL),
	(141, 'Stockholm', 'stockholm', 'SE', true, NULL),
	(142, 'Oslo', 'oslo', 'NO', true, NULL),
	(143, 'Helsinki', 'helsinki', 'FI', true, NULL),
	(144, 'Warszawa', 'warszawa', 'PL', true, NULL),
	(145, 'Kraków', 'krakow', 'PL', true, NULL),
	(146, 'Praha', 'praha', 'CZ', true, NULL),
	(147, 'Budapest', 'budapest', 'HU', true, NULL),
	(148, 'București', 'bucuresti', 'RO', true, NULL),
	(149, 'Athens', 'athens', 'GR', true, NULL),
	(150, 'Istanbul', 'istanbul', 'TR', true, NULL),
	(151, 'Dubai', 'dubai', 'AE', true, NULL),
	(152, 'Abu Dhabi', 'abu-dhabi', 'AE', true, NULL),
	(153, 'Doha', 'doha', 'QA', true, NULL),
	(154, 'Riyadh', 'riyadh', 'SA', true, NULL),
	(155, 'Kuwait City', 'kuwait-city', 'KW', true, NULL),
	(156, 'Tel Aviv', 'tel-aviv', 'IL', true, NULL),
	(157, 'Hong Kong', 'hong-kong', 'HK', true, NULL),
	(158, 'Shanghai', 'shanghai', 'CN', true, NULL),
	(159, 'Beijing', 'beijing', 'CN', true, NULL),
	(160, 'Shenzhen', 'shenzhen', 'CN', true, NULL),
	(161, 'Guangzhou', 'guangzhou', 'CN', true, NULL),
	(162, 'Chengdu', 'chengdu', 'CN', true, NULL),
	(163, 'Macau', 'macau', 'MO', true, NULL),
	(164, 'Tokyo', 'tokyo', 'JP', true, NULL),
	(165, 'Osaka', 'osaka', 'JP', true, NULL),
	(166, 'Seoul', 'seoul', 'KR', true, NULL),
	(167, 'Singapore', 'singapore', 'SG', true, NULL),
	(168, 'Bangkok', 'bangkok', 'TH', true, NULL),
	(169, 'Kuala Lumpur', 'kuala-lumpur', 'MY', true, NULL),
	(170, 'Taipei', 'taipei', 'TW', true, NULL),
	(171, 'Mumbai', 'mumbai', 'IN', true, NULL),
	(172, 'New Delhi', 'new-delhi', 'IN', true, NULL),
	(173, 'New York', 'new-york', 'US', true, NULL),
	(174, 'Los Angeles', 'los-angeles', 'US', true, NULL),
	(175, 'Miami', 'miami', 'US', true, NULL),
	(176, 'Chicago', 'chicago', 'US', true, NULL),
	(177, 'San Francisco', 'san-francisco', 'US', true, NULL),
	(178, 'Las Vegas', 'las-vegas', 'US', true, NULL),
	(179, 'Dallas', 'dallas', 'US', true, NULL),
	(180, 'Houston', 'houston', 'US', true, NULL),
	(181, 'Boston', 'boston', 'US', true, NULL),
	(182, 'Seattle', 'seattle', 'US', true, NULL),
	(183, 'Atlanta', 'atlanta', 'US', true, NULL),
	(184, 'Toronto', 'toronto', 'CA', true, NULL),
	(185, 'Montréal', 'montreal', 'CA', true, NULL),
	(186, 'Vancouver', 'vancouver', 'CA', true, NULL),
	(187, 'Ciudad de México', 'ciudad-de-mexico', 'MX', true, NULL),
	(188, 'São Paulo', 'sao-paulo', 'BR', true, NULL),
	(189, 'Buenos Aires', 'buenos-aires', 'AR', true, NULL),
	(190, 'Sydney', 'sydney', 'AU', true, NULL),
	(191, 'Melbourne', 'melbourne', 'AU', true, NULL);

-- table data city_alias

INSERT INTO public.city_alias (key, city_id, lang) VALUES
	('a coruna', 122, NULL),
	('abou dabi', 152, NULL),
	('abu dabi', 152, NULL),
	('abu dhabi', 152, NULL),
	('amberes', 137, NULL),
	('amburgo', 89, NULL),
	('amsterdam', 134, NULL),
	('amsterdao', 134, NULL),
	('ancona', 49, NULL),
	('ancone', 49, NULL),
	('antwerp', 137, NULL),
	('antwerpen', 137, NULL),
	('anvers', 137, NULL),
	('anversa', 137, NULL),
	('arezzo', 22, NULL),
	('arteixo', 122, NULL),
	('assago', 57, NULL),
	('atenas', 149, NULL),
	('atene', 149, NULL),
	('athen', 149, NULL),
	('athenes', 149, NULL),
	('athens', 149, NULL),
	('athina', 149, NULL),
	('atlanta', 183, NULL),
	('bale', 109, NULL),
	('bangkok', 168, NULL),
	('barberino', 31, NULL),
	('barberino di mugello', 31, NULL),
	('barcellona', 115, NULL),
	('barcelona', 115, NULL),
	('barcelone', 115, NULL),
	('bari', 41, NULL),
	('basel', 109, NULL),
	('basilea', 109, NULL),
	('beijing', 159, NULL),
	('bergame', 13, NULL),
	('bergamo', 13, NULL),
	('berlin', 87, NULL),
	('berlino', 87, NULL),
	('bern', 110, NULL),
	('berna', 110, NULL),
	('berne', 110, NULL),
	('bicester', 132, NULL),
	('bicester village', 132, NULL),
	('biella', 25, NULL),
	('bilbao', 121, NULL),
	('birmingham', 130, NULL),
	('bologna', 8, NULL),
	('bologne', 8, NULL),
	('bolonia', 8, NULL),
	('bolzano', 20, NULL),
	('bolzen', 20, NULL),
	('bombay', 171, NULL),
	('bordeaux', 72, NULL),
	('bordeos', 72, NULL),
	('boston', 181, NULL),
	('boulogne', 82, NULL),
	('boulogne billancourt', 82, NULL),
	('bozen', 20, NULL),
	('brescia', 14, NULL),
	('bruselas', 138, NULL),
	('brussel', 138, NULL),
	('brussels', 138, NULL),
	('bruxelas', 138, NULL),
	('bruxelles', 138, NULL),
	('bucarest', 148, NULL),
	('bucharest', 148, NULL),
	('bucuresti', 148, NULL),
	('budapest', 147, NULL),
	('budapeste', 147, NULL),
	('buenos aires', 189, NULL),
	('bukarest', 148, NULL),
	('burdeos', 72, NULL),
	('cagliari', 44, NULL),
	('cannes', 71, NULL),
	('canton', 161, NULL),
	('capri', 63, NULL),
	('carpi', 26, NULL),
	('castel romano', 33, NULL),
	('catane', 43, NULL),
	('catania', 43, NULL),
	('cdmx', 187, NULL),
	('cerreto guidi', 18, NULL),
	('chengdu', 162, NULL),
	('chicago', 176, NULL),
	('citta del messico', 187, NULL),
	('ciudad de mexico', 187, NULL),
	('civitanova', 28, NULL),
	('civitanova marche', 28, NULL),
	('cologne', 92, NULL),
	('colonia', 92, NULL),
	('come', 15, NULL),
	('como', 15, NULL),
	('copenaghen', 140, NULL),
	('copenhagen', 140, NULL),
	('copenhague', 140, NULL),
	('cortina', 62, NULL),
	('cortina d ampezzo', 62, NULL),
	('coruna', 122, NULL),
	('courchevel', 79, NULL),
	('cracovia', 145, NULL),
	('cracovie', 145, NULL),
	('cracow', 145, NULL),
	('dallas', 179, NULL),
	('delhi', 172, NULL),
	('den haag', 136, NULL),
	('doha', 153, NULL),
	('dresda', 98, NULL),
	('dresde', 98, NULL),
	('dresden', 98, NULL),
	('dubai', 151, NULL),
	('dublin', 133, NULL),
	('dublino', 133, NULL),
	('duesseldorf', 90, NULL),
	('dusseldorf', 90, NULL),
	('edimbourg', 128, NULL),
	('edimburgo', 128, NULL),
	('edinburgh', 128, NULL),
	('eivissa', 123, NULL),
	('empoli', 23, NULL),
	('estambul', 150, NULL),
	('estocolmo', 141, NULL),
	('estrasburgo', 75, NULL),
	('fermo', 27, NULL),
	('fidenza', 32, NULL),
	('firenze', 3, NULL),
	('florenca', 3, NULL),
	('florence', 3, NULL),
	('florencia', 3, NULL),
	('florenz', 3, NULL),
	('forte dei marmi', 61, NULL),
	('francfort', 91, NULL),
	('francoforte', 91, NULL),
	('frankfurt', 91, NULL),
	('frankfurt a m', 91, NULL),
	('frankfurt am main', 91, NULL),
	('frankfurt main', 91, NULL),
	('genes', 7, NULL),
	('geneva', 106, NULL),
	('geneve', 106, NULL),
	('genf', 106, NULL),
	('genoa', 7, NULL),
	('genova', 7, NULL),
	('genua', 7, NULL),
	('ginebra', 106, NULL),
	('ginevra', 106, NULL),
	('glasgow', 129, NULL),
	('gstaad', 113, NULL),
	('guangzhou', 161, NULL),
	('hambourg', 89, NULL),
	('hamburg', 89, NULL),
	('hamburgo', 89, NULL),
	('hannover', 99, NULL),
	('hanover', 99, NULL),
	('hanovre', 99, NULL),
	('helsingfors', 143, NULL),
	('helsinki', 143, NULL),
	('herzogenaurach', 95, NULL),
	('hong kong', 157, NULL),
	('hongkong', 157, NULL),
	('houston', 180, NULL),
	('ibiza', 123, NULL),
	('ingolstadt', 100, NULL),
	('innsbruck', 103, NULL),
	('istanbul', 150, NULL),
	('kobenhavn', 140, NULL),
	('koeln', 92, NULL),
	('koln', 92, NULL),
	('koln am rhein', 92, NULL),
	('kopenhagen', 140, NULL),
	('krakau', 145, NULL),
	('krakow', 145, NULL),
	('kuala lumpur', 169, NULL),
	('kuwait', 155, NULL),
	('kuwait city', 155, NULL),
	('l aia', 136, NULL),
	('la', 174, NULL),
	('la coruna', 122, NULL),
	('la haya', 136, NULL),
	('la haye', 136, NULL),
	('la vallee village', 85, NULL),
	('las vegas', 178, NULL),
	('lausanne', 111, NULL),
	('lecco', 54, NULL),
	('leeds', 131, NULL),
	('legnano', 55, NULL),
	('leipzig', 97, NULL),
	('levallois', 83, NULL),
	('levallois perret', 83, NULL),
	('lille', 73, NULL),
	('lione', 68, NULL),
	('lipsia', 97, NULL),
	('lisboa', 124, NULL),
	('lisbon', 124, NULL),
	('lisbona', 124, NULL),
	('lisbonne', 124, NULL),
	('lissabon', 124, NULL),
	('londen', 126, NULL),
	('london', 126, NULL),
	('londra', 126, NULL),
	('londres', 126, NULL),
	('los angeles', 174, NULL),
	('losanna', 111, NULL),
	('lucca', 36, NULL),
	('lucques', 36, NULL),
	('lugano', 107, NULL),
	('lussemburgo', 139, NULL),
	('luxembourg', 139, NULL),
	('luxemburg', 139, NULL),
	('luxemburgo', 139, NULL),
	('lyon', 68, NULL),
	('lyons', 68, NULL),
	('macao', 163, NULL),
	('macau', 163, NULL),
	('madrid', 114, NULL),
	('mailand', 1, NULL),
	('malaga', 119, NULL),
	('manchester', 127, NULL),
	('manhattan', 173, NULL),
	('mantoue', 35, NULL),
	('mantova', 35, NULL),
	('mantua', 35, NULL),
	('marbella', 116, NULL),
	('marcianise', 51, NULL),
	('marseille', 69, NULL),
	('marseilles', 69, NULL),
	('marsella', 69, NULL),
	('marsiglia', 69, NULL),
	('melbourne', 191, NULL),
	('mendrisio', 108, NULL),
	('metzingen', 94, NULL),
	('mexico', 187, NULL),
	('mexico city', 187, NULL),
	('miami', 175, NULL),
	('milaan', 1, NULL),
	('milan', 1, NULL),
	('milano', 1, NULL),
	('milao', 1, NULL),
	('modena', 40, NULL),
	('modene', 40, NULL),
	('monaco', 86, NULL),
	('monaco di baviera', 88, NULL),
	('monte carlo', 86, NULL),
	('montpellier', 77, NULL),
	('montreal', 185, NULL),
	('monza', 16, NULL),
	('muenchen', 88, NULL),
	('mumbai', 171, NULL),
	('munchen', 88, NULL),
	('munich', 88, NULL),
	('munique', 88, NULL),
	('nantes', 76, NULL),
	('naples', 5, NULL),
	('napoles', 5, NULL),
	('napoli', 5, NULL),
	('neapel', 5, NULL),
	('neuilly', 81, NULL),
	('neuilly sur seine', 81, NULL),
	('new dehli', 172, NULL),
	('new delhi', 172, NULL),
	('new york', 173, NULL),
	('new york city', 173, NULL),
	('nice', 70, NULL),
	('niza', 70, NULL),
	('nizza', 70, NULL),
	('nola', 19, NULL),
	('norimberga', 96, NULL),
	('nova iorque', 173, NULL),
	('novara', 52, NULL),
	('noventa di piave', 30, NULL),
	('nuernberg', 96, NULL),
	('nueva york', 173, NULL),
	('nuova delhi', 172, NULL),
	('nuremberg', 96, NULL),
	('nurnberg', 96, NULL),
	('ny', 173, NULL),
	('nyc', 173, NULL),
	('oporto', 125, NULL),
	('osaka', 165, NULL),
	('oslo', 142, NULL),
	('padoue', 11, NULL),
	('padova', 11, NULL),
	('padua', 11, NULL),
	('palerme', 42, NULL),
	('palermo', 42, NULL),
	('palma', 120, NULL),
	('palma de mallorca', 120, NULL),
	('palma di maiorca', 120, NULL),
	('pantin', 80, NULL),
	('parigi', 67, NULL),
	('parijs', 67, NULL),
	('paris', 67, NULL),
	('parma', 38, NULL),
	('parme', 38, NULL),
	('parndorf', 104, NULL),
	('paryz', 67, NULL),
	('pechino', 159, NULL),
	('pekin', 159, NULL),
	('peking', 159, NULL),
	('perouse', 50, NULL),
	('perugia', 50, NULL),
	('pesaro', 48, NULL),
	('pisa', 37, NULL),
	('pise', 37, NULL),
	('porto', 125, NULL),
	('porto cervo', 60, NULL),
	('portofino', 66, NULL),
	('prag', 146, NULL),
	('praga', 146, NULL),
	('prague', 146, NULL),
	('praha', 146, NULL),
	('prato', 21, NULL),
	('reggio emilia', 39, NULL),
	('reggio nell emilia', 39, NULL),
	('riad', 154, NULL),
	('rimini', 47, NULL),
	('riyad', 154, NULL),
	('riyadh', 154, NULL),
	('rom', 2, NULL),
	('roma', 2, NULL),
	('rome', 2, NULL),
	('rotterdam', 135, NULL),
	('rozzano', 58, NULL),
	('rzym', 2, NULL),
	('s gravenhage', 136, NULL),
	('saint moritz', 112, NULL),
	('saint ouen', 84, NULL),
	('saint ouen sur seine', 84, NULL),
	('saint tropez', 78, NULL),
	('salisburgo', 102, NULL),
	('salzbourg', 102, NULL),
	('salzburg', 102, NULL),
	('salzburgo', 102, NULL),
	('san francisco', 177, NULL),
	('san maurizio', 112, NULL),
	('san paolo', 188, NULL),
	('san remo', 65, NULL),
	('sankt moritz', 112, NULL),
	('sanremo', 65, NULL),
	('santa croce', 59, NULL),
	('santa croce sull arno', 59, NULL),
	('sao paulo', 188, NULL),
	('scandicci', 24, NULL),
	('schanghai', 158, NULL),
	('seattle', 182, NULL),
	('seoul', 166, NULL),
	('serravalle scrivia', 29, NULL),
	('serris', 85, NULL),
	('sesto san giovanni', 56, NULL),
	('seul', 166, NULL),
	('sevilla', 118, NULL),
	('seville', 118, NULL),
	('shanghai', 158, NULL),
	('shenzhen', 160, NULL),
	('sidney', 190, NULL),
	('singapore', 167, NULL),
	('singapour', 167, NULL),
	('singapur', 167, NULL),
	('singapura', 167, NULL),
	('siviglia', 118, NULL),
	('st moritz', 112, NULL),
	('st tropez', 78, NULL),
	('stambul', 150, NULL),
	('stoccarda', 93, NULL),
	('stoccolma', 141, NULL),
	('stockholm', 141, NULL),
	('strasbourg', 75, NULL),
	('strasburgo', 75, NULL),
	('strassburg', 75, NULL),
	('stuttgart', 93, NULL),
	('sydney', 190, NULL),
	('taipeh', 170, NULL),
	('taipei', 170, NULL),
	('taormina', 64, NULL),
	('tel aviv', 156, NULL),
	('tel aviv yafo', 156, NULL),
	('the hague', 136, NULL),
	('tokio', 164, NULL),
	('tokyo', 164, NULL),
	('tolosa', 74, NULL),
	('torino', 6, NULL),
	('toronto', 184, NULL),
	('toulouse', 74, NULL),
	('trevise', 12, NULL),
	('treviso', 12, NULL),
	('triest', 45, NULL),
	('trieste', 45, NULL),
	('turim', 6, NULL),
	('turin', 6, NULL),
	('udine', 46, NULL),
	('valence', 117, NULL),
	('valencia', 117, NULL),
	('vancouver', 186, NULL),
	('varese', 53, NULL),
	('varsavia', 144, NULL),
	('varsovia', 144, NULL),
	('varsovie', 144, NULL),
	('venecia', 4, NULL),
	('venedig', 4, NULL),
	('veneza', 4, NULL),
	('venezia', 4, NULL),
	('venice', 4, NULL),
	('venise', 4, NULL),
	('verona', 9, NULL),
	('verone', 9, NULL),
	('vicence', 10, NULL),
	('vicenza', 10, NULL),
	('vicolungo', 34, NULL),
	('viena', 101, NULL),
	('vienna', 101, NULL),
	('vienne', 101, NULL),
	('vimercate', 17, NULL),
	('warsaw', 144, NULL),
	('warschau', 144, NULL),
	('warszawa', 144, NULL),
	('wenen', 101, NULL),
	('wien', 101, NULL),
	('zuerich', 105, NULL),
	('zurich', 105, NULL),
	('zurigo', 105, NULL);

-- table data city_qualifier

INSERT INTO public.city_qualifier (country, key) VALUES
	('IT', 'emilia romagna'),
	('US', 'greater boston'),
	('US', 'hawaii'),
	('AE', 'yas island'),
	('IT', 'firenze'),
	('NO', 'no'),
	('BR', 'estado de sao paulo'),
	('IT', 'lodi'),
	('QA', 'ad dawhah'),
	('US', 'south dakota'),
	('US', 'missouri'),
	('FR', 'french riviera'),
	('CH', 'sg'),
	('AU', 'vic'),
	('JP', 'minato ku'),
	('PL', 'woj mazowieckie'),
	('AU', 'au'),
	('JP', 'jp'),
	('TR', 'avrupa'),
	('US', 'wy'),
	('IT', 'mt'),
	('US', 'nevada'),
	('US', 'floride'),
	('US', 'new jersey'),
	('MX', 'mexico city'),
	('MY', 'malasia'),
	('DK', 'dk'),
	('MX', 'df'),
	('IT', 'modena'),
	('MC', 'principaute'),
	('DE', 'rhineland palatinate'),
	('MY', 'my'),
	('SE', 'stockholm county'),
	('CN', 'cn'),
	('US', 'de'),
	('*', 'headquarters'),
	('MX', 'd f'),
	('US', 'arizona'),
	('RO', 'rumanien'),
	('DE', 'lower saxony'),
	('US', 'hollywood'),
	('CN', 'chaoyang'),
	('IT', 'savona'),
	('GB', 'yorkshire'),
	('CH', 'zg'),
	('US', 'midtown'),
	('DE', 'sh'),
	('CH', 'zoug'),
	('IT', 'sardinia'),
	('AR', 'ar'),
	('TH', 'bangkok metropolis'),
	('IE', 'ireland'),
	('GB', 'lothian'),
	('IT', 'pa'),
	('*', 'und umgebung'),
	('GB', 'shoreditch'),
	('CN', 'guangdong'),
	('LU', 'luxembourg'),
	('IT', 'pescara'),
	('IT', 'lecce'),
	('US', 'ga'),
	('IT', 'caserta'),
	('IT', 'bo'),
	('CN', 'beijing shi'),
	('GB', 'mayfair'),
	('HU', 'hungary'),
	('AE', 'emirate of abu dhabi'),
	('IT', 'milan'),
	('*', 'siege'),
	('GB', 'lanarkshire'),
	('IT', 'mantova'),
	('JP', 'kanto'),
	('US', 'ri'),
	('DE', 'baviere'),
	('*', 'on site'),
	('DE', 'brd'),
	('AU', 'western australia'),
	('ES', 'catalogna'),
	('IT', 'messina'),
	('AU', 'sydney cbd'),
	('IT', 'me'),
	('US', 'indiana'),
	('GB', 'ecosse'),
	('DE', 'brandenburg'),
	('AT', 'osterreich'),
	('HU', 'hongrie'),
	('FR', 'provence'),
	('US', 'oregon'),
	('ES', 'a coruna'),
	('ES', 'catalunya'),
	('FR', 'corsica'),
	('IN', 'indien'),
	('IT', 'trentino'),
	('IN', 'mh'),
	('DE', 'upper bavaria'),
	('AT', 'at'),
	('JP', 'minato'),
	('CN', 'shanghai'),
	('ES', 'andalousie'),
	('FR', 'savoie'),
	('BR', 'brasilien'),
	('IT', 'ag'),
	('IT', 'pu'),
	('US', 'hi'),
	('IT', 'ita'),
	('FR', 'grand paris'),
	('IT', 'varese'),
	('CN', 'china'),
	('FR', 'france'),
	('KW', 'capital governorate'),
	('IT', 'ts'),
	('RO', 'ilfov'),
	('LU', 'luxemburg'),
	('NO', 'noruega'),
	('IT', 'la spezia'),
	('FR', 'val d oise'),
	('US', 'georgia'),
	('AR', 'argentina'),
	('CA', 'can'),
	('SG', 'singapore'),
	('IT', 'or'),
	('TH', 'thailande'),
	('PT', 'lisbon'),
	('TH', 'tailandia'),
	('AU', 'act'),
	('ES', 'pais vasco'),
	('QA', 'doha'),
	('*', 'intra muros'),
	('SA', 'sau'),
	('NO', 'oslo'),
	('MX', 'estado de mexico'),
	('LU', 'grand duchy of luxembourg'),
	('IL', 'il'),
	('SG', 'singapur'),
	('IT', 'umbria'),
	('IT', 'bolzano'),
	('IT', 'calabre'),
	('SE', 'sweden'),
	('US', 'wyoming'),
	('FR', 'cote d azur'),
	('KR', 'gangnam'),
	('CZ', 'tschechien'),
	('ES', 'esp'),
	('US', 'ny'),
	('IT', 'ss'),
	('AR', 'buenos aires'),
	('CH', 'geneva'),
	('IT', 'cremona'),
	('IT', 'matera'),
	('US', 'united states'),
	('US', 'miami beach'),
	('IT', 'sud sardegna'),
	('IT', 'vc'),
	('SA', 'riyadh province'),
	('CH', 'tessin'),
	('IT', 'ri'),
	('US', 'nv'),
	('GB', 'city of london'),
	('BR', 'sao paulo'),
	('HK', 'hong kong island'),
	('IT', 'ravenna'),
	('GB', 'uk'),
	('US', 'america'),
	('PT', 'centro'),
	('DE', 'sachsen anhalt'),
	('TW', 'twn'),
	('CZ', 'repubblica ceca'),
	('ES', 'costa del sol'),
	('IT', 'it'),
	('FI', 'finland'),
	('IT', 'verbano cusio ossola'),
	('IT', 'i'),
	('IT', 'piemonte'),
	('IT', 'chianti'),
	('HK', 'tst'),
	('DK', 'kobenhavn k'),
	('BR', 'rio de janeiro'),
	('*', 'siege social'),
	('IT', 'avellino'),
	('US', 'north dakota'),
	('JP', 'ginza'),
	('GB', 'inghilterra'),
	('IT', 'trento'),
	('CN', 'pudong'),
	('IT', 'sudtirol'),
	('AT', 't'),
	('AE', 'united arab emirates'),
	('US', 'mo'),
	('US', 'estados unidos'),
	('CH', 'gr'),
	('DE', 'mecklenburg vorpommern'),
	('IT', 'su'),
	('DK', 'sjaelland'),
	('IT', 'toscana'),
	('*', 'centre'),
	('US', 'tejas'),
	('HK', 'special administrative region'),
	('AE', 'emirati arabi uniti'),
	('IT', 'italy'),
	('US', 'd c'),
	('MO', 'taipa'),
	('CH', 'tg'),
	('US', 'ar'),
	('JP', 'shibuya'),
	('TH', 'th'),
	('ES', 'vizcaya'),
	('FI', 'nyland'),
	('FR', 'normandy'),
	('GB', 'u k'),
	('US', 'metro area'),
	('IT', 'lombardie'),
	('FR', 'rhone alpes'),
	('TW', 'taiwan'),
	('MO', 'macau'),
	('CH', 'be'),
	('US', 'tribeca'),
	('FI', 'finnland'),
	('FR', 'bas rhin'),
	('GR', 'grecia'),
	('CA', 'gta'),
	('FR', 'seine saint denis'),
	('GB', 'grossbritannien'),
	('*', 'city'),
	('ES', 'espagne'),
	('CA', 'greater toronto area'),
	('DK', 'capital region'),
	('IT', 'citta metropolitana di milano'),
	('CH', 'sz'),
	('US', 'mn'),
	('*', 'e dintorni'),
	('IT', 'na'),
	('AE', 'emirats arabes unis'),
	('IT', 'rome'),
	('IT', 'caltanissetta'),
	('DE', 'saxe'),
	('IT', 'siracusa'),
	('IT', 'sardaigne'),
	('US', 'la county'),
	('SE', 'suecia'),
	('PT', 'distrito de lisboa'),
	('GB', 'grande bretagne'),
	('ES', 'ca'),
	('CH', 'luzern'),
	('IT', 'sa'),
	('IT', 'pz'),
	('CH', 'cantone'),
	('DE', 'sassonia'),
	('*', 'home office'),
	('IT', 'bz'),
	('TW', 'da an'),
	('ES', 'b'),
	('PT', 'lisboa'),
	('ES', 'catalogne'),
	('BR', 'sp'),
	('*', 'in sede'),
	('DE', 'niedersachsen'),
	('IT', 'cs'),
	('IT', 'lt'),
	('MY', 'malesia'),
	('AT', 'karnten'),
	('US', 'lower manhattan'),
	('US', 'district of columbia'),
	('IT', 'gr'),
	('IT', 'friuli'),
	('IT', 'fr'),
	('IT', 'riviera ligure'),
	('AR', 'argentine'),
	('MX', 'polanco'),
	('FR', 'grand est'),
	('IT', 'foggia'),
	('IT', 'bt'),
	('US', 'delaware'),
	('*', 'zona centro'),
	('IT', 'padova'),
	('*', 'e provincia'),
	('US', 'vermont'),
	('GR', 'greece'),
	('US', 'kansas'),
	('IT', 'rimini'),
	('DE', 'germania'),
	('KR', 'gangnam gu'),
	('KW', 'al asimah'),
	('DK', 'dinamarca'),
	('IT', 'sizilien'),
	('ES', 'euskadi'),
	('FR', 'nouvelle aquitaine'),
	('FR', 'gironde'),
	('JP', 'giappone'),
	('IT', 'siena'),
	('PL', 'poland'),
	('IT', 'campanie'),
	('DE', 'baviera'),
	('DE', 'hessen'),
	('*', 'environs'),
	('US', 'id'),
	('AE', 'emirati arabi'),
	('IT', 'sardinien'),
	('FR', 'nord'),
	('TW', 'taipei city'),
	('ES', 'andalusien'),
	('SG', 'republic of singapore'),
	('IT', 'imperia'),
	('IT', 'catanzaro'),
	('SE', 'swe'),
	('US', 'wv'),
	('SE', 'stockholm'),
	('GB', 'royaume uni'),
	('FR', 'auvergne rhone alpes'),
	('RO', 'roumanie'),
	('IT', 'si'),
	('GB', 'west london'),
	('NL', 'hollande'),
	('CH', 'schwyz'),
	('IT', 'reggio emilia'),
	('FR', 'frankreich'),
	('AT', 'a'),
	('*', 'greater'),
	('SG', 'orchard'),
	('US', 'kalifornien'),
	('JP', 'japan'),
	('ES', 'cadiz'),
	('GB', 'city of edinburgh'),
	('IT', 'pordenone'),
	('IT', 'to'),
	('LU', 'lu'),
	('MC', 'fontvieille'),
	('CZ', 'republica checa'),
	('*', 'dintorni'),
	('US', 'mt'),
	('JP', 'chuo ku'),
	('RO', 'ro'),
	('GB', 'midlothian'),
	('AT', 'w'),
	('IT', 'vercelli'),
	('IT', 'kampanien'),
	('KR', 'republic of korea'),
	('PL', 'masovian'),
	('US', 'fulton county'),
	('FR', 'f'),
	('IE', 'co dublin'),
	('DK', 'hovedstaden'),
	('JP', 'ku'),
	('IT', 'vt'),
	('MC', 'principato di monaco'),
	('IT', 'tp'),
	('ES', 'spagna'),
	('AT', 'bgld'),
	('KW', 'koweit'),
	('SG', 'sg'),
	('ES', 'pm'),
	('IT', 'ms'),
	('IN', 'haryana'),
	('MX', 'cdmx'),
	('US', 'pennsylvania'),
	('TR', 'istanbul'),
	('DE', 'hb'),
	('IT', 'aq'),
	('BR', 'brazil'),
	('DE', 'hamburg'),
	('CN', 'cina'),
	('DE', 'alemania'),
	('US', 'alabama'),
	('DK', 'denmark'),
	('HU', 'hungria'),
	('IN', 'delhi'),
	('IT', 'frosinone'),
	('IT', 'fe'),
	('QA', 'qat'),
	('JP', 'osaka prefecture'),
	('US', 'iowa'),
	('IT', 'lo'),
	('US', 'louisiana'),
	('IT', 'forli cesena'),
	('FR', 'essonne'),
	('*', 'prov'),
	('IT', 'agrigento'),
	('DE', 'hesse'),
	('TR', 'marmara'),
	('US', 'illinois'),
	('AT', 'niederosterreich'),
	('HK', 'hongkong'),
	('FR', 'yvelines'),
	('AT', 'upper austria'),
	('*', 'centro storico'),
	('CA', 'canada'),
	('IT', 'lucca'),
	('US', 'nm'),
	('IT', 'mo'),
	('US', 'chicagoland'),
	('IT', 'marche'),
	('JP', 'osaka fu'),
	('IT', 'calabria'),
	('FR', 'haute savoie'),
	('QA', 'katar'),
	('CH', 'che'),
	('MC', 'mc'),
	('NL', 'north holland'),
	('BE', 'bel'),
	('*', 'centro'),
	('AT', 'salzburg'),
	('IE', 'dublin'),
	('TH', 'krung thep'),
	('AT', 'bezirk'),
	('IT', 'asti'),
	('GR', 'hellas'),
	('IT', 'italien'),
	('CZ', 'bohemia'),
	('IT', 'sr'),
	('US', 'new hampshire'),
	('DE', 'bavaria'),
	('TH', 'tha'),
	('IT', 'is'),
	('IT', 'bl'),
	('US', 'nebraska'),
	('AT', 'vbg'),
	('KR', 'coree du sud'),
	('CH', 'ne'),
	('*', 'hybrid'),
	('IT', 'provincia di milano'),
	('IT', 'te'),
	('SG', 'singapour'),
	('CH', 'ch'),
	('MO', 'macau sar'),
	('DE', 'he'),
	('US', 'ok'),
	('IT', 'italia'),
	('BE', 'antwerpen'),
	('ES', 'm'),
	('US', 'ohio'),
	('HU', 'kozep magyarorszag'),
	('MX', 'mexiko'),
	('US', 'eeuu'),
	('KR', 'south korea'),
	('IT', 'isernia'),
	('ES', 'paesi baschi'),
	('*', 'regione'),
	('IT', 'belluno'),
	('IT', 'apulia'),
	('GB', 'england'),
	('TR', 'turkei'),
	('US', 'kentucky'),
	('IT', 'italie'),
	('IE', 'irlanda'),
	('PT', 'area metropolitana de lisboa'),
	('GR', 'attique'),
	('IT', 'mi'),
	('IT', 'cb'),
	('PT', 'algarve'),
	('IT', 'pe'),
	('US', 'ny state'),
	('JP', 'fu'),
	('IT', 'tn'),
	('DE', 'deu'),
	('US', 'new mexico'),
	('IT', 'lu'),
	('DE', 'germany'),
	('FR', 'loire atlantique'),
	('IT', 'latina'),
	('IT', 'pv'),
	('JP', 'prefecture'),
	('ES', 'basque country'),
	('AT', 'carinthia'),
	('IT', 'ferrara'),
	('MY', 'wilayah persekutuan'),
	('IT', 'basilicata'),
	('HK', 'hkg'),
	('CH', 'graubunden'),
	('IT', 'pesaro urbino'),
	('HK', 'hong kong'),
	('MC', 'principality of monaco'),
	('US', 'dfw'),
	('US', 'santa monica'),
	('US', 'ia'),
	('FI', 'finlandia'),
	('IT', 'milano'),
	('BE', 'brussels hoofdstedelijk gewest'),
	('AE', 'emiratos arabes unidos'),
	('AT', 'burgenland'),
	('IT', 'tr'),
	('IT', 'south tyrol'),
	('KR', 'seoul special city'),
	('HK', 'hksar'),
	('CH', 'aargau'),
	('*', 'province'),
	('BE', 'province d anvers'),
	('AT', 'oo'),
	('IT', 'vicenza'),
	('HU', 'ungheria'),
	('IL', 'israel'),
	('DK', 'danemark'),
	('AU', 'victoria'),
	('ES', 'es'),
	('IT', 'ta'),
	('BE', 'belgium'),
	('GB', 'vereinigtes konigreich'),
	('DE', 'be'),
	('AU', 'wa'),
	('AE', 'dubai'),
	('*', 'metropolitan area'),
	('IN', 'ncr'),
	('ES', 'provincia'),
	('AU', 'australie'),
	('SA', 'ksa'),
	('PL', 'polska'),
	('GB', 'south london'),
	('GB', 'regno unito'),
	('FR', 'aquitaine'),
	('IT', 'pg'),
	('US', 'us'),
	('IT', 'toskana'),
	('LU', 'luxemburgo'),
	('IT', 'lombardei'),
	('US', 'in'),
	('CH', 'bern'),
	('DE', 'stadt'),
	('CH', 'ti'),
	('IT', 'pouilles'),
	('US', 'wa'),
	('*', 'comuni limitrofi'),
	('US', 'californie'),
	('*', 'metro area'),
	('DE', 'baden wurttemberg'),
	('IT', 'novara'),
	('*', 'ibrido'),
	('AT', 'steiermark'),
	('FR', 'riviera'),
	('IT', 'ragusa'),
	('ES', 'sevilla'),
	('IT', 'puglia'),
	('FR', 'hauts de france'),
	('LU', 'kirchberg'),
	('AU', 'cbd'),
	('ES', 'cataluna'),
	('PL', 'malopolskie'),
	('CZ', 'czechia'),
	('BE', 'wallonie'),
	('MX', 'mexico'),
	('PT', 'porto'),
	('IT', 'parma'),
	('US', 'idaho'),
	('FR', 'marne la vallee'),
	('IT', 'piedmont'),
	('CA', 'ca'),
	('DE', 'bw'),
	('IT', 'cagliari'),
	('JP', 'jpn'),
	('LU', 'luxembourg city'),
	('AE', 'vae'),
	('*', 'remoto'),
	('US', 'new york'),
	('IT', 'sicile'),
	('US', 'harris county'),
	('CH', 'kanton'),
	('IT', 'fi'),
	('CH', 'lucerne'),
	('IT', 'alessandria'),
	('FR', 'herault'),
	('US', 'ks'),
	('ES', 'barcelona'),
	('GR', 'griechenland'),
	('NL', 'zh'),
	('DE', 'saarland'),
	('DE', 'metropolregion'),
	('US', 'manhattan'),
	('IT', 'bologna'),
	('CA', 'downtown toronto'),
	('GB', 'scotland uk'),
	('IT', 'co'),
	('IT', 'rm'),
	('CH', 'fr'),
	('AE', 'ae'),
	('PL', 'wojewodztwo mazowieckie'),
	('ES', 'ma'),
	('CZ', 'cz'),
	('NO', 'norvege'),
	('CH', 'st gallen'),
	('HK', 'kowloon'),
	('IT', 'brindisi'),
	('FR', 'er arrondissement'),
	('IT', 'cl'),
	('AE', 'are'),
	('ES', 'madrid'),
	('HK', 'chine'),
	('DE', 'th'),
	('US', 'west virginia'),
	('ES', 'comunidad valenciana'),
	('DE', 'thuringia'),
	('US', 'az'),
	('ES', 'illes balears'),
	('IT', 'venetie'),
	('CA', 'ns'),
	('US', 'vt'),
	('TR', 'turkey'),
	('CH', 'bl'),
	('NL', 'paesi bassi'),
	('IT', 'va'),
	('AU', 'aus'),
	('DE', 'mv'),
	('NO', 'viken'),
	('FI', 'fi'),
	('HK', 'china'),
	('*', 'hq'),
	('US', 'tn'),
	('HU', 'budapest'),
	('IT', 'marches'),
	('DE', 'rheinland pfalz'),
	('SE', 'svezia'),
	('IT', 'pt'),
	('FR', 'seine et marne'),
	('HU', 'pest'),
	('GB', 'greater manchester'),
	('IT', 'massa carrara'),
	('MC', 'principaute de monaco'),
	('BR', 'rj'),
	('GB', 'gran bretagna'),
	('KW', 'state of kuwait'),
	('LU', 'grand duche de luxembourg'),
	('IT', 'reggio calabria'),
	('TH', 'thailandia'),
	('*', 'remote'),
	('CN', 'prc'),
	('FR', 'francia'),
	('TH', 'thailand'),
	('IT', 'prato'),
	('IT', 'marken'),
	('AU', 'australia'),
	('IT', 've'),
	('CN', 'huangpu'),
	('CH', 'genf'),
	('FR', 'metropole de lyon'),
	('IT', 'citta metropolitana di roma capitale'),
	('IT', 'apulien'),
	('DE', 'rhein main'),
	('IT', 'av'),
	('GR', 'attica'),
	('PL', 'mazowieckie'),
	('NL', 'paises bajos'),
	('NL', 'south holland'),
	('ES', 'katalonien'),
	('BR', 'br'),
	('IT', 'tuscany'),
	('RO', 'sector 1'),
	('US', 'alaska'),
	('DE', 'hh'),
	('IT', 'florence'),
	('US', 'greater seattle area'),
	('*', 'city center'),
	('GB', 'north london'),
	('ES', 'andalusia'),
	('FR', 'grand lyon'),
	('US', 'sd'),
	('US', 'soho'),
	('GB', 'united kingdom'),
	('IN', 'national capital region'),
	('CH', 'ge'),
	('FI', 'finlande'),
	('CH', 'argovie'),
	('IT', 'pn'),
	('TR', 'turchia'),
	('IT', 'oristano'),
	('FR', 'val de marne'),
	('FR', 'fr'),
	('MX', 'mex'),
	('GB', 'westminster'),
	('IT', 'campobasso'),
	('US', 'south carolina'),
	('GB', 'marylebone'),
	('MX', 'ciudad de mexico'),
	('US', 'washington'),
	('CH', 'lu'),
	('*', 'surrounding area'),
	('IT', 'pi'),
	('IT', 'ch'),
	('MC', 'monaco ville'),
	('SG', 'orchard road'),
	('BE', 'belgica'),
	('IT', 'abruzzo'),
	('AU', 'nsw'),
	('AE', 'dxb'),
	('DE', 'rp'),
	('ES', 'c'),
	('RO', 'rou'),
	('IT', 'umbrien'),
	('IT', 'tv'),
	('FR', 'var'),
	('US', 'midtown manhattan'),
	('TW', 'xinyi'),
	('KW', 'kw'),
	('US', 'dc'),
	('IN', 'delhi ncr'),
	('AT', 'ooe'),
	('IT', 'pavia'),
	('US', 'ms'),
	('IT', 'salerno'),
	('ES', 'se'),
	('CH', 'waadt'),
	('HK', 'hong kong china'),
	('GB', 'knightsbridge'),
	('AT', 'noe'),
	('US', 'stati uniti'),
	('ES', 'e'),
	('DE', 'assia'),
	('US', 'usa'),
	('MO', 'cina'),
	('IT', 'livorno'),
	('TR', 'turquie'),
	('BE', 'anvers'),
	('IT', 'verona'),
	('KR', 'seoul si'),
	('AT', 'austria'),
	('FR', 'rhone'),
	('CN', 'people s republic of china'),
	('AT', 'innere stadt'),
	('PT', 'portugal'),
	('IT', 'catania'),
	('US', 'amerique'),
	('US', 'oh'),
	('IT', 'fm'),
	('JP', 'tokyo'),
	('GB', 'angleterre'),
	('SE', 'stockholms lan'),
	('CH', 'zug'),
	('MO', 'china'),
	('AE', 'auh'),
	('GB', 'inglaterra'),
	('MY', 'malaisie'),
	('MO', 'mac'),
	('MC', 'furstentum monaco'),
	('IT', 'chieti'),
	('IT', 'pd'),
	('AR', 'caba'),
	('ES', 'valencia'),
	('CH', 'valais'),
	('SG', 'central region'),
	('CZ', 'praha 1'),
	('IT', 'ro'),
	('*', 'downtown'),
	('ES', 'baleares'),
	('FR', 'alsace'),
	('US', 'massachusetts'),
	('BE', 'belgio'),
	('DE', 'north rhine westphalia'),
	('US', 'nh'),
	('CH', 'vs'),
	('US', 'texas'),
	('RO', 'sector 3'),
	('DK', 'danmark'),
	('NL', 'nh'),
	('GB', 'soho'),
	('HU', 'magyarorszag'),
	('HK', 'hk'),
	('IT', 'pesaro e urbino'),
	('DK', 'zealand'),
	('PL', 'polonia'),
	('IT', 'an'),
	('BE', 'brussels'),
	('IT', 'ud'),
	('US', 'florida'),
	('IE', 'irlande'),
	('IT', 'torino'),
	('SA', 'arabie saoudite'),
	('MC', 'mco'),
	('IT', 'aosta'),
	('US', 'u s a'),
	('TR', 'anadolu'),
	('DE', 'ruhrgebiet'),
	('FR', 'hauts de seine'),
	('US', 'king county'),
	('CZ', 'capital city of prague'),
	('NO', 'norge'),
	('CZ', 'cze'),
	('GR', 'attica region'),
	('IT', 'rg'),
	('IT', 'kr'),
	('US', 'colorado'),
	('TW', 'tw'),
	('US', 'beverly hills'),
	('FR', 'haute garonne'),
	('CH', 'bale ville'),
	('BR', 'brasile'),
	('IT', 'nuoro'),
	('US', 'tx'),
	('HK', 'sar'),
	('IT', 'roma capitale'),
	('FR', 'paca'),
	('IE', 'leinster'),
	('IT', 'cosenza'),
	('DE', 'rhein main gebiet'),
	('IT', 'biella'),
	('IT', 'cr'),
	('CZ', 'hlavni mesto praha'),
	('ES', 'andalucia'),
	('JP', 'to'),
	('BE', 'flanders'),
	('AU', 'qld'),
	('MY', 'federal territory of kuala lumpur'),
	('*', 'onsite'),
	('ES', 'v'),
	('AR', 'capital federal'),
	('US', 'metropolitan area'),
	('AT', 'oberosterreich'),
	('US', 'nc'),
	('US', 'wisconsin'),
	('CN', 'shanghai shi'),
	('US', 'minnesota'),
	('MY', 'mys'),
	('*', 'area metropolitana'),
	('IN', 'india'),
	('IT', 'trieste'),
	('GR', 'gr'),
	('AE', 'mall of the emirates'),
	('IT', 'go'),
	('IE', 'county dublin'),
	('NL', 'nld'),
	('IL', 'gush dan'),
	('FR', 'normandie'),
	('IT', 'cn'),
	('NO', 'norwegen'),
	('IT', 'rovigo'),
	('JP', 'tokyo metropolis'),
	('CH', 'basel landschaft'),
	('DE', 'mittelfranken'),
	('GB', 'scotland'),
	('CH', 'vaud'),
	('FR', 'alpes maritimes'),
	('*', 'hinterland'),
	('IT', 'ao'),
	('IN', 'gurugram'),
	('HK', 'wan chai'),
	('IT', 'pistoia'),
	('MX', 'mexique'),
	('FI', 'suomi'),
	('IT', 'ap'),
	('DE', 'd'),
	('MX', 'mx'),
	('JP', 'kansai'),
	('MO', 'macao sar'),
	('AE', 'abu dhabi'),
	('NL', 'the netherlands'),
	('US', 'nd'),
	('DK', 'danimarca'),
	('*', 'centre ville'),
	('ES', 'espana'),
	('CH', 'switzerland'),
	('RO', 'municipiul bucuresti'),
	('IT', 'brescia'),
	('*', 'e prov'),
	('KW', 'kuwait'),
	('SG', 'sgp'),
	('BE', 'be'),
	('US', 'sf bay area'),
	('KR', 'sudkorea'),
	('BE', 'bruxelles capitale'),
	('MY', 'federal territory'),
	('CH', 'so'),
	('IT', 'ligurie'),
	('CH', 'confoederatio helvetica'),
	('DE', 'sn'),
	('ES', 'bi'),
	('ES', 'bizkaia'),
	('IT', 'campania'),
	('QA', 'lusail'),
	('AT', 'tirol'),
	('IT', 'ba'),
	('*', 'area'),
	('US', 'ak'),
	('SG', 'marina bay'),
	('CA', 'ontario'),
	('GR', 'grece'),
	('HK', 'causeway bay'),
	('CA', 'ab'),
	('RO', 'rumania'),
	('CH', 'wallis'),
	('IT', 'lombardia'),
	('HK', 'central'),
	('GB', 'west yorkshire'),
	('QA', 'qatar'),
	('IT', 'toscane'),
	('AE', 'emirate of dubai'),
	('IT', 'potenza'),
	('IT', 'le'),
	('CN', 'p r c'),
	('CA', 'qc'),
	('US', 'united states of america'),
	('DE', 'sachsen'),
	('US', 'cook county'),
	('DE', 'sl'),
	('IT', 'venetien'),
	('FR', 'ile de france'),
	('*', 'y alrededores'),
	('IN', 'dl'),
	('AT', 'vorarlberg'),
	('IT', 'vi'),
	('US', 'north carolina'),
	('IT', 'sicilia'),
	('CH', 'zh'),
	('US', 'sc'),
	('AU', 'sa'),
	('IE', 'dublin city'),
	('RO', 'sector 2'),
	('FR', 'eme arrondissement'),
	('*', 'region'),
	('BE', 'flandre'),
	('*', 'city centre'),
	('AR', 'argentinien'),
	('NO', 'norvegia'),
	('GB', 'wales'),
	('IT', 'sp'),
	('DE', 'nordrhein westfalen'),
	('IT', 'ancona'),
	('BE', 'bruxelles'),
	('DE', 'ni'),
	('IT', 'ascoli piceno'),
	('MO', 'macao'),
	('US', 'ne'),
	('IT', 're'),
	('CH', 'geneve'),
	('SE', 'suede'),
	('NL', 'netherlands'),
	('CA', 'bc'),
	('MO', 'special administrative region'),
	('IE', 'irland'),
	('IT', 'genova'),
	('IT', 'bergamo'),
	('TR', 'tur'),
	('BE', 'belgien'),
	('IT', 'mn'),
	('IT', 'liguria'),
	('CH', 'suiza'),
	('DE', 'by'),
	('SA', 'saudi arabia'),
	('BE', 'belgie'),
	('BE', 'vlaanderen'),
	('AT', 'wien'),
	('IT', 'ra'),
	('KR', 'kor'),
	('IN', 'ind'),
	('SE', 'se'),
	('GB', 'chelsea'),
	('IT', 'vv'),
	('*', 'e limitrofi'),
	('CH', 'basel stadt'),
	('AE', 'uae'),
	('IT', 'emilie romagne'),
	('AE', 'difc'),
	('CN', 'sichuan'),
	('US', 'fl'),
	('GB', 'west midlands'),
	('FR', 'corse'),
	('AU', 'melbourne cbd'),
	('IT', 'como'),
	('IT', 'rn'),
	('KR', 'korea'),
	('TR', 'turquia'),
	('US', 'new york state'),
	('US', 'rhode island'),
	('CA', 'mb'),
	('CZ', 'czech republic'),
	('IT', 'bg'),
	('LU', 'lussemburgo'),
	('IT', 'mc'),
	('US', 'south florida'),
	('SA', 'saudi arabien'),
	('US', 'connecticut'),
	('US', 'ma'),
	('IT', 'napoli'),
	('US', 'nj'),
	('AT', 'stmk'),
	('US', 'pa'),
	('CH', 'ag'),
	('MO', 'mo'),
	('CH', 'grisons'),
	('BE', 'region de bruxelles capitale'),
	('IT', 'viterbo'),
	('CN', 'beijing'),
	('PT', 'grande porto'),
	('GB', 'oxfordshire'),
	('IT', 'ge'),
	('QA', 'qa'),
	('*', 'et environs'),
	('IT', 'al'),
	('CN', 'mainland china'),
	('AE', 'jumeirah'),
	('IT', 'treviso'),
	('ES', 'majorca'),
	('US', 'mi'),
	('US', 'or'),
	('IT', 'perugia'),
	('IT', 'enna'),
	('IT', 'so'),
	('IT', 'sondrio'),
	('DE', 'nw'),
	('AU', 'south australia'),
	('IT', 'sassari'),
	('*', 'head office'),
	('IT', 'venezia'),
	('IT', 'veneto'),
	('*', 'zentrale'),
	('IT', 'li'),
	('IT', 'sicily');
INSERT INTO public.city_qualifier (country, key) VALUES
	('AT', 'aut'),
	('AR', 'arg'),
	('*', 'teletrabajo'),
	('IT', 'trapani'),
	('CA', 'kanada'),
	('*', 'sede'),
	('IT', 'en'),
	('FR', 'pays de la loire'),
	('IT', 'l aquila'),
	('IT', 'bs'),
	('GB', 'escocia'),
	('AE', 'dubai mall'),
	('BR', 'bresil'),
	('FR', 'cedex'),
	('FR', 'bouches du rhone'),
	('IT', 'udine'),
	('NL', 'zuid holland'),
	('IT', 'trentino alto adige'),
	('MX', 'jalisco'),
	('US', 'ky'),
	('DK', 'k'),
	('IT', 'latium'),
	('US', 'me'),
	('FI', 'uusimaa'),
	('US', 'metro'),
	('*', 'central'),
	('DE', 'bayern'),
	('MO', 'chine'),
	('US', 'utah'),
	('IT', 'vb'),
	('IT', 'terni'),
	('ES', 'mallorca'),
	('US', 'maryland'),
	('US', 'mississippi'),
	('IT', 'venice'),
	('IT', 'gorizia'),
	('CH', 'fribourg'),
	('CH', 'schweiz'),
	('DE', 'franken'),
	('GB', 'gran bretana'),
	('RO', 'romania'),
	('IN', 'inde'),
	('PT', 'prt'),
	('AT', 'b'),
	('IT', 'br'),
	('IT', 'vr'),
	('AT', 'sbg'),
	('BR', 'brasil'),
	('HU', 'ungarn'),
	('IT', 'cz'),
	('IT', 'ligurien'),
	('HK', 'cina'),
	('US', 'montana'),
	('PL', 'pologne'),
	('DE', 'saxony'),
	('IT', 'barletta andria trani'),
	('US', 'co'),
	('US', 'va'),
	('FR', 'brittany'),
	('US', 'u s'),
	('MY', 'selangor'),
	('DE', 'mitte'),
	('IL', 'isr'),
	('PL', 'polen'),
	('CH', 'canton'),
	('*', 'alrededores'),
	('TH', 'krung thep maha nakhon'),
	('US', 'california'),
	('DE', 'oberbayern'),
	('IT', 'bi'),
	('IT', 'bari'),
	('GR', 'attiki'),
	('IT', 'ce'),
	('BE', 'brussel'),
	('PT', 'norte'),
	('IT', 'no'),
	('US', 'ct'),
	('CA', 'colombie britannique'),
	('IT', 'lazio'),
	('CH', 'svizzera'),
	('NL', 'centrum'),
	('IT', 'roma'),
	('*', 'provincia'),
	('AR', 'provincia de buenos aires'),
	('IT', 'brianza'),
	('DE', 'berlin'),
	('*', 'zona'),
	('IT', 'po'),
	('DE', 'nrw'),
	('IT', 'ca'),
	('MY', 'malaysia'),
	('PL', 'masovia'),
	('ES', 'spain'),
	('IE', 'republic of ireland'),
	('NO', 'norway'),
	('NL', 'noord holland'),
	('IN', 'in'),
	('DE', 'de'),
	('US', 'brooklyn'),
	('MY', 'wp kuala lumpur'),
	('NL', 'holanda'),
	('HK', 'hong kong sar'),
	('GR', 'attika'),
	('IT', 'pc'),
	('MY', 'kl'),
	('CH', 'neuchatel'),
	('IT', 'arezzo'),
	('KR', 'corea del sud'),
	('AU', 'queensland'),
	('GB', 'scozia'),
	('BE', 'antwerp'),
	('*', 'and surroundings'),
	('ES', 'comunitat valenciana'),
	('BE', 'belgique'),
	('IT', 'nu'),
	('MO', 'sar'),
	('*', 'centro citta'),
	('FR', 'arrondissement'),
	('PT', 'distrito do porto'),
	('HU', 'hun'),
	('*', 'homeoffice'),
	('IT', 'alto adige'),
	('IT', 'valle d aosta'),
	('TR', 'tr'),
	('IT', 'friuli venezia giulia'),
	('AE', 'vereinigte arabische emirate'),
	('PL', 'pl'),
	('CA', 'alberta'),
	('*', 'center'),
	('HU', 'hu'),
	('GB', 'gb'),
	('GB', 'east london'),
	('GB', 'oxon'),
	('DK', 'dnk'),
	('CA', 'british columbia'),
	('BE', 'brussels capital region'),
	('IT', 'versilia'),
	('US', 'etats unis'),
	('DE', 'thuringen'),
	('FR', 'idf'),
	('AE', 'eau'),
	('ES', 'comunidad de madrid'),
	('ES', 'islas baleares'),
	('IT', 'lc'),
	('IT', 'monza e brianza'),
	('AE', 'u a e'),
	('IT', 'piemont'),
	('IT', 'fc'),
	('IT', 'lombardy'),
	('CN', 'chine'),
	('*', 'teletravail'),
	('TR', 'turkiye'),
	('MC', 'principato'),
	('FR', 'nord pas de calais'),
	('IT', 'turin'),
	('PL', 'pol'),
	('AT', 'styria'),
	('GB', 'great britain'),
	('GB', 'covent garden'),
	('IT', 'macerata'),
	('US', 'bay area'),
	('US', 'ut'),
	('FR', 'paris'),
	('GB', 'schottland'),
	('ES', 'la coruna'),
	('SA', 'makkah'),
	('LU', 'lux'),
	('ES', 'galicia'),
	('CH', 'grigioni'),
	('MX', 'messico'),
	('NL', 'nl'),
	('IL', 'israele'),
	('CN', 'mainland'),
	('IT', 'piacenza'),
	('AT', 'autriche'),
	('US', 'ca'),
	('KR', 'kr'),
	('*', 'umgebung'),
	('SA', 'sa'),
	('JP', 'tokyo to'),
	('MX', 'distrito federal'),
	('IT', 'grosseto'),
	('HK', 'new territories'),
	('CZ', 'republique tcheque'),
	('NL', 'randstad'),
	('IE', 'eire'),
	('AR', 'ciudad autonoma de buenos aires'),
	('ES', 'balearic islands'),
	('KW', 'kwt'),
	('IT', 'valdarno'),
	('DE', 'schleswig holstein'),
	('CH', 'berne'),
	('NL', 'olanda'),
	('*', 'et region'),
	('IT', 'ombrie'),
	('US', 'vereinigte staaten'),
	('AT', 'tyrol'),
	('IE', 'irl'),
	('CA', 'quebec'),
	('FR', 'fra'),
	('US', 'oklahoma'),
	('LU', 'ville de luxembourg'),
	('DK', 'region hovedstaden'),
	('IT', 'fg'),
	('IT', 'teramo'),
	('AU', 'new south wales'),
	('GB', 'central london'),
	('US', 'west hollywood'),
	('IT', 'pr'),
	('US', 'md'),
	('HK', 'admiralty'),
	('MO', 'cotai'),
	('IT', 'cuneo'),
	('BE', 'brussels capital'),
	('CN', 'chn'),
	('IE', 'ie'),
	('IT', 'at'),
	('IT', 'abruzzes'),
	('IT', 'fermo'),
	('CA', 'metro vancouver'),
	('AE', 'downtown dubai'),
	('CH', 'zurich'),
	('PT', 'pt'),
	('AT', 'lower austria'),
	('IT', 'citta metropolitana di firenze'),
	('CH', 'freiburg'),
	('IT', 'vibo valentia'),
	('IL', 'tel aviv district'),
	('IT', 'taranto'),
	('*', 'surroundings'),
	('US', 'la'),
	('PT', 'portogallo'),
	('IT', 'capitale'),
	('IT', 'ar'),
	('PL', 'lesser poland'),
	('ES', 'baleari'),
	('SA', 'kingdom of saudi arabia'),
	('CZ', 'cechia'),
	('US', 'amerika'),
	('US', 'miami dade'),
	('FR', 'provence alpes cote d azur'),
	('US', 'al'),
	('BE', 'wallonia'),
	('ES', 'ib'),
	('FI', 'fin'),
	('NO', 'nor'),
	('US', 'virginia'),
	('IT', 'ct'),
	('SE', 'sverige'),
	('DE', 'allemagne'),
	('IT', 'sardegna'),
	('JP', 'nippon'),
	('NL', 'pays bas'),
	('US', 'wi'),
	('JP', 'shibuya ku'),
	('GB', 'reino unido'),
	('GB', 'england uk'),
	('IT', 'molise'),
	('ES', 'malaga'),
	('US', 'michigan'),
	('SA', 'arabia saudita'),
	('IT', 'vallee d aoste'),
	('GR', 'grc'),
	('SE', 'schweden'),
	('US', 'tennessee'),
	('IN', 'maharashtra'),
	('CZ', 'prague 1'),
	('*', 'provincia di'),
	('IT', 'mb'),
	('AU', 'australien'),
	('NL', 'nederland'),
	('US', 'stati uniti d america'),
	('GB', 'greater london'),
	('CH', 'ticino'),
	('US', 'il'),
	('IT', 'bn'),
	('HK', 'ras de hong kong'),
	('GB', 'gbr'),
	('US', 'los angeles county'),
	('CA', 'greater vancouver'),
	('IT', 'pisa'),
	('IT', 'rieti'),
	('IN', 'gurgaon'),
	('CZ', 'chequia'),
	('ES', 'catalonia'),
	('US', 'arkansas'),
	('BR', 'bra'),
	('CH', 'ginevra'),
	('JP', 'japon'),
	('DE', 'deutschland'),
	('NL', 'niederlande'),
	('SA', 'ar riyad'),
	('CH', 'suisse'),
	('TW', 'roc'),
	('ES', 'spanien'),
	('BE', 'provincie antwerpen'),
	('IT', 'lecco'),
	('CH', 'bs'),
	('DE', 'bb'),
	('IT', 'benevento'),
	('CN', 'repubblica popolare cinese'),
	('CH', 'vd'),
	('FR', 'bretagne'),
	('DE', 'bremen'),
	('CN', 'jing an'),
	('CN', 'shi'),
	('DE', 'st'),
	('IT', 'palermo'),
	('US', 'maine'),
	('FR', 'occitanie'),
	('AT', 'vienna'),
	('IT', 'crotone'),
	('NL', 'holland'),
	('IT', 'costa smeralda'),
	('US', 'ee uu'),
	('MC', 'monte carlo'),
	('AT', 'no'),
	('HK', 'tsim sha tsui'),
	('MC', 'monaco'),
	('*', 'limitrofi'),
	('IT', 'rc'),
	('PT', 'grande lisboa'),
	('IT', 'sv'),
	('*', 'main office'),
	('CA', 'on'),
	('IT', 'im'),
	('DE', 'innenstadt'),
	('IT', 'mugello');

-- table data city_qualifier_shape

INSERT INTO public.city_qualifier_shape (country, pattern) VALUES
	('FR', '^(0[1-9]|[1-8][0-9]|9[0-5]|2a|2b|97[1-6])$'),
	('FR', '^[0-9]{5}$'),
	('FR', '^[0-9]{1,2} ?(e|er|eme|ieme|em|me)$'),
	('MC', '^98[0-9]{3}$'),
	('IT', '^[0-9]{5}$'),
	('DE', '^[0-9]{5}$'),
	('ES', '^[0-9]{5}$'),
	('US', '^[0-9]{5}$'),
	('MX', '^[0-9]{5}$'),
	('AT', '^[0-9]{4}$'),
	('AT', '^[0-9]{1,2}\.? ?bezirk$'),
	('CH', '^[0-9]{4}$'),
	('BE', '^[0-9]{4}$'),
	('LU', '^l ?[0-9]{4}$'),
	('LU', '^[0-9]{4}$'),
	('DK', '^[0-9]{4}$'),
	('NO', '^[0-9]{4}$'),
	('HU', '^[0-9]{4}$'),
	('AU', '^[0-9]{4}$'),
	('PT', '^[0-9]{4}( [0-9]{3})?$'),
	('NL', '^[0-9]{4}( ?[a-z]{2})?$'),
	('SE', '^[0-9]{3} ?[0-9]{2}$'),
	('FI', '^[0-9]{5}$'),
	('PL', '^[0-9]{2} [0-9]{3}$'),
	('CZ', '^[0-9]{3} ?[0-9]{2}$'),
	('CZ', '^praha [0-9]{1,2}$'),
	('GR', '^[0-9]{3} ?[0-9]{2}$'),
	('TR', '^[0-9]{5}$'),
	('RO', '^[0-9]{6}$'),
	('RO', '^sector [1-6]$'),
	('IN', '^[0-9]{6}$'),
	('IN', '^[0-9]{3} [0-9]{3}$'),
	('SG', '^[0-9]{6}$'),
	('CN', '^[0-9]{6}$'),
	('JP', '^[0-9]{3} [0-9]{4}$'),
	('KR', '^[0-9]{5}$'),
	('TH', '^[0-9]{5}$'),
	('MY', '^[0-9]{5}$'),
	('BR', '^[0-9]{5} ?[0-9]{3}$'),
	('CA', '^[a-z][0-9][a-z]( ?[0-9][a-z][0-9])?$'),
	('GB', '^[a-z]{1,2}[0-9][a-z0-9]?( [0-9][a-z]{2})?$'),
	('IE', '^d ?[0-9]{1,2}$'),
	('IE', '^[0-9]{1,2}w?$'),
	('CZ', '^[0-9]{1,2}$'),
	('IE', '^dublin [0-9]{1,2}$');

-- table data contract_type

INSERT INTO public.contract_type (code, axis, schema_org, label_en, label_it, label_fr, label_de, label_es, sort) VALUES
	('permanent', 'contract', NULL, 'Permanent', 'Tempo indeterminato', 'CDI', 'Unbefristet', 'Indefinido', 1),
	('fixed_term', 'contract', 'TEMPORARY', 'Fixed-term', 'Tempo determinato', 'CDD', 'Befristet', 'Temporal', 2),
	('internship', 'contract', 'INTERN', 'Internship', 'Stage', 'Stage', 'Praktikum', 'Prácticas', 3),
	('apprenticeship', 'contract', NULL, 'Apprenticeship', 'Apprendistato', 'Alternance', 'Ausbildung', 'Aprendizaje', 4),
	('freelance', 'contract', 'CONTRACTOR', 'Freelance', 'Libera professione', 'Freelance', 'Freiberuflich', 'Autónomo', 5),
	('temporary_agency', 'contract', 'TEMPORARY', 'Temporary (agency)', 'Somministrazione', 'Intérim', 'Zeitarbeit', 'Trabajo temporal (ETT)', 6),
	('seasonal', 'contract', 'TEMPORARY', 'Seasonal', 'Stagionale', 'Saisonnier', 'Saisonarbeit', 'De temporada', 7),
	('other', 'contract', 'OTHER', 'Other', 'Altro', 'Autre', 'Sonstige', 'Otro', 8),
	('full_time', 'schedule', 'FULL_TIME', 'Full time', 'Tempo pieno', 'Temps plein', 'Vollzeit', 'Jornada completa', 1),
	('part_time', 'schedule', 'PART_TIME', 'Part time', 'Part time', 'Temps partiel', 'Teilzeit', 'Media jornada', 2),
	('unknown', 'schedule', NULL, 'Schedule not given', 'Orario non indicato', 'Horaire non précisé', 'Arbeitszeit nicht angegeben', 'Jornada no indicada', 3);

-- table data contract_lexicon

INSERT INTO public.contract_lexicon (key, code, lang, priority) VALUES
	('tempo indeterminato', 'permanent', 'it', 10),
	('contratto a tempo indeterminato', 'permanent', 'it', 10),
	('indeterminato', 'permanent', 'it', 20),
	('assunzione diretta', 'permanent', 'it', 30),
	('tempo determinato', 'fixed_term', 'it', 10),
	('contratto a termine', 'fixed_term', 'it', 10),
	('determinato', 'fixed_term', 'it', 20),
	('sostituzione maternita', 'fixed_term', 'it', 15),
	('stage', 'internship', NULL, 10),
	('tirocinio', 'internship', 'it', 10),
	('tirocinio curriculare', 'internship', 'it', 10),
	('tirocinio extracurriculare', 'internship', 'it', 10),
	('apprendistato', 'apprenticeship', 'it', 10),
	('contratto di apprendistato', 'apprenticeship', 'it', 10),
	('libera professione', 'freelance', 'it', 10),
	('partita iva', 'freelance', 'it', 10),
	('collaborazione', 'freelance', 'it', 30),
	('somministrazione', 'temporary_agency', 'it', 10),
	('lavoro somministrato', 'temporary_agency', 'it', 10),
	('interinale', 'temporary_agency', 'it', 10),
	('stagionale', 'seasonal', 'it', 10),
	('lavoro stagionale', 'seasonal', 'it', 10),
	('tempo pieno', 'full_time', 'it', 10),
	('tempo parziale', 'part_time', 'it', 10),
	('cdi', 'permanent', 'fr', 10),
	('contrat a duree indeterminee', 'permanent', 'fr', 10),
	('cdd', 'fixed_term', 'fr', 10),
	('contrat a duree determinee', 'fixed_term', 'fr', 10),
	('stage conventionne', 'internship', 'fr', 10),
	('alternance', 'apprenticeship', 'fr', 10),
	('apprentissage', 'apprenticeship', 'fr', 10),
	('contrat d apprentissage', 'apprenticeship', 'fr', 10),
	('contrat de professionnalisation', 'apprenticeship', 'fr', 10),
	('independant', 'freelance', 'fr', 10),
	('interim', 'temporary_agency', 'fr', 10),
	('mission d interim', 'temporary_agency', 'fr', 10),
	('travail temporaire', 'temporary_agency', 'fr', 10),
	('saisonnier', 'seasonal', 'fr', 10),
	('contrat saisonnier', 'seasonal', 'fr', 10),
	('vie', 'internship', 'fr', 20),
	('temps plein', 'full_time', 'fr', 10),
	('temps complet', 'full_time', 'fr', 10),
	('temps partiel', 'part_time', 'fr', 10),
	('festanstellung', 'permanent', 'de', 10),
	('unbefristet', 'permanent', 'de', 10),
	('unbefristeter vertrag', 'permanent', 'de', 10),
	('befristet', 'fixed_term', 'de', 10),
	('befristeter vertrag', 'fixed_term', 'de', 10),
	('praktikum', 'internship', 'de', 10),
	('pflichtpraktikum', 'internship', 'de', 10),
	('ausbildung', 'apprenticeship', 'de', 10),
	('duales studium', 'apprenticeship', 'de', 10),
	('lehre', 'apprenticeship', 'de', 20),
	('freiberuflich', 'freelance', 'de', 10),
	('freie mitarbeit', 'freelance', 'de', 10),
	('zeitarbeit', 'temporary_agency', 'de', 10),
	('arbeitnehmeruberlassung', 'temporary_agency', 'de', 10),
	('saisonarbeit', 'seasonal', 'de', 10),
	('saisonstelle', 'seasonal', 'de', 10),
	('werkstudent', 'part_time', 'de', 20),
	('minijob', 'part_time', 'de', 20),
	('vollzeit', 'full_time', 'de', 10),
	('teilzeit', 'part_time', 'de', 10),
	('permanent', 'permanent', 'en', 10),
	('permanent contract', 'permanent', 'en', 10),
	('full time permanent', 'permanent', 'en', 5),
	('fixed term', 'fixed_term', 'en', 10),
	('fixed term contract', 'fixed_term', 'en', 10),
	('temporary', 'fixed_term', 'en', 30),
	('contract', 'fixed_term', 'en', 40),
	('maternity cover', 'fixed_term', 'en', 15),
	('internship', 'internship', 'en', 10),
	('intern', 'internship', 'en', 20),
	('graduate scheme', 'internship', 'en', 20),
	('apprenticeship', 'apprenticeship', 'en', 10),
	('freelance', 'freelance', NULL, 10),
	('contractor', 'freelance', 'en', 20),
	('self employed', 'freelance', 'en', 10),
	('agency temp', 'temporary_agency', 'en', 10),
	('temp to perm', 'temporary_agency', 'en', 10),
	('seasonal', 'seasonal', 'en', 10),
	('full time', 'full_time', NULL, 10),
	('fulltime', 'full_time', NULL, 10),
	('part time', 'part_time', NULL, 10),
	('parttime', 'part_time', NULL, 10),
	('indefinido', 'permanent', 'es', 10),
	('contrato indefinido', 'permanent', 'es', 10),
	('temporal', 'fixed_term', 'es', 20),
	('contrato temporal', 'fixed_term', 'es', 10),
	('obra y servicio', 'fixed_term', 'es', 10),
	('practicas', 'internship', 'es', 10),
	('becario', 'internship', 'es', 10),
	('beca', 'internship', 'es', 20),
	('aprendiz', 'apprenticeship', 'es', 10),
	('contrato de formacion', 'apprenticeship', 'es', 10),
	('autonomo', 'freelance', 'es', 10),
	('ett', 'temporary_agency', 'es', 10),
	('fijo discontinuo', 'seasonal', 'es', 10),
	('campana', 'seasonal', 'es', 20),
	('jornada completa', 'full_time', 'es', 10),
	('media jornada', 'part_time', 'es', 10),
	('jornada parcial', 'part_time', 'es', 10),
	('tiempo parcial', 'part_time', 'es', 10);

-- table data facet_count

-- table data facet_delta

-- table data jobtype_memo

-- table data login_attempt

-- table data posting

-- table data moderation

-- table data partner

-- table data partner_run

-- table data posting_source

-- table data search_word

-- table data session

-- table data setting

INSERT INTO public.setting (key, value, description) VALUES
	('moderate_edits', 'on', 'An edit to a published posting of a recruiter who is not trusted sends it back to the moderation queue (on/off).'),
	('login_window_minutes', '15', 'Failed log-ins count for this long.'),
	('login_max_account', '5', 'Failed log-ins for one e-mail address in the window (since its last success) before it is locked.'),
	('login_max_ip', '20', 'Failed log-ins from one client address in the window before it is locked.');

-- sequence set account_id_seq

SELECT pg_catalog.setval('public.account_id_seq', 1, false);

-- sequence set api_key_id_seq

SELECT pg_catalog.setval('public.api_key_id_seq', 1, false);

-- sequence set city_id_seq

SELECT pg_catalog.setval('public.city_id_seq', 191, true);

-- sequence set company_id_seq

SELECT pg_catalog.setval('public.company_id_seq', 1, false);

-- sequence set login_attempt_id_seq

SELECT pg_catalog.setval('public.login_attempt_id_seq', 1, false);

-- sequence set moderation_id_seq

SELECT pg_catalog.setval('public.moderation_id_seq', 1, false);

-- sequence set partner_id_seq

SELECT pg_catalog.setval('public.partner_id_seq', 1, false);

-- sequence set partner_run_id_seq

SELECT pg_catalog.setval('public.partner_run_id_seq', 1, false);

-- sequence set posting_id_seq

SELECT pg_catalog.setval('public.posting_id_seq', 1, false);
