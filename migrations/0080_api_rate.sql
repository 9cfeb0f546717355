-- API rate limits shared by every Kore worker and instance: one row per
-- counted slot ("a:<address>", "k:<key>", "K:<address>") with the
-- fixed window it counts and the requests seen in it.  Unlogged: a
-- crash forgets the current minute's counts, which costs nothing, and
-- the writes skip the WAL (the table is not on replicas, which never
-- count).  The sync API's reads may run on a replica; the count always
-- runs on the primary, one statement before the read: fj_api_hit() in
-- sql/api_rate.sql.
CREATE UNLOGGED TABLE api_rate (
	slot	text PRIMARY KEY,
	win	bigint NOT NULL,
	n	integer NOT NULL
);
