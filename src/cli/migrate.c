/*
 * fashionjobs migrate: apply migrations/NNNN_*.sql in name order, each in
 * its own transaction together with its row in schema_migrations, so a
 * failed migration leaves nothing behind and a re-run is a no-op.
 */

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "db.h"
#include "cli.h"

#define MIGRATIONS_MAX	256

static const char	sql_create_table[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())";
/* A database migrated before checksums were kept adopts the files once. */
static const char	sql_add_checksum[] =
    "ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum text";
#define FILE_SUM	"encode(sha256(convert_to($2, 'UTF8')), 'hex')"
static const char	sql_applied[] =
    "SELECT coalesce(checksum, ''), " FILE_SUM
    " FROM schema_migrations WHERE name = $1";
static const char	sql_adopt[] =
    "UPDATE schema_migrations SET checksum = " FILE_SUM
    " WHERE name = $1 AND checksum IS NULL";
static const char	sql_record[] =
    "INSERT INTO schema_migrations (name, checksum) VALUES ($1, "
    FILE_SUM ")";

static int	 name_cmp(const void *, const void *);
static int	 apply(PGconn *, const char *dir, const char *name);

static int
name_cmp(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

static int
apply(PGconn *conn, const char *dir, const char *name)
{
	PGresult	*res;
	struct sbuf	 file;
	char		 path[1024];
	char		*sql;
	const char	*params[2];
	int		 done, rc;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >=
	    sizeof(path)) {
		fprintf(stderr, "migrate: path too long: %s\n", name);
		return (-1);
	}
	sbuf_init(&file);
	if (sbuf_load(&file, path) == -1) {
		perror(path);
		sbuf_free(&file);
		return (-1);
	}
	sql = sbuf_steal(&file);
	params[0] = name;
	params[1] = sql;

	/*
	 * An applied migration whose file has changed since is refused: its
	 * new text would never reach this database.  Change the schema with
	 * a new migration instead.
	 */
	if ((res = db_exec(conn, name, sql_applied, 2, params)) == NULL) {
		free(sql);
		return (-1);
	}
	done = PQntuples(res) > 0;
	rc = 0;
	if (done && *PQgetvalue(res, 0, 0) == '\0')
		rc = db_run(conn, name, sql_adopt, 2, params);
	else if (done && strcmp(PQgetvalue(res, 0, 0),
	    PQgetvalue(res, 0, 1)) != 0) {
		fprintf(stderr, "migrate: %s was changed after it was applied "
		    "to this database (checksum %.12s, file %.12s): restore it "
		    "and put the change in a new migration\n", name,
		    PQgetvalue(res, 0, 0), PQgetvalue(res, 0, 1));
		rc = -1;
	}
	PQclear(res);
	if (done) {
		free(sql);
		return (rc);
	}

	rc = -1;
	if (db_run(conn, name, "BEGIN", 0, NULL) == 0) {
		res = PQexec(conn, sql);
		if (PQresultStatus(res) == PGRES_COMMAND_OK ||
		    PQresultStatus(res) == PGRES_TUPLES_OK) {
			if (db_run(conn, name, sql_record, 2, params) == 0 &&
			    db_run(conn, name, "COMMIT", 0, NULL) == 0)
				rc = 0;
		} else {
			fprintf(stderr, "migrate: %s: %s", name,
			    PQresultErrorMessage(res));
		}
		PQclear(res);
		if (rc != 0)
			PQclear(PQexec(conn, "ROLLBACK"));
	}
	free(sql);
	if (rc == 0)
		printf("migrate: applied %s\n", name);
	return (rc);
}

int
cmd_migrate(int argc, char **argv)
{
	PGconn		*conn;
	DIR		*d;
	struct dirent	*e;
	char		*names[MIGRATIONS_MAX];
	const char	*dir;
	size_t		 n, i, len;
	int		 rc;

	dir = getenv("FJ_MIGRATIONS");
	if (dir == NULL)
		dir = "migrations";
	if ((d = opendir(dir)) == NULL) {
		perror(dir);
		return (1);
	}
	n = 0;
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len < 9 || strcmp(e->d_name + len - 4, ".sql") != 0 ||
		    e->d_name[0] < '0' || e->d_name[0] > '9')
			continue;
		if (n == MIGRATIONS_MAX) {
			fprintf(stderr, "migrate: too many migrations\n");
			break;
		}
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(names[0]), name_cmp);

	rc = 1;
	if ((conn = db_connect()) != NULL) {
		PQclear(PQexec(conn, "SET client_min_messages = warning"));
		if (db_run(conn, "migrate", sql_create_table, 0, NULL) == 0 &&
		    db_run(conn, "migrate", sql_add_checksum, 0, NULL) == 0) {
			rc = 0;
			for (i = 0; i < n && rc == 0; i++)
				if (apply(conn, dir, names[i]) != 0)
					rc = 1;
		}
		PQfinish(conn);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	return (rc);
}
