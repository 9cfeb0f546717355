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
static const char	sql_applied[] =
    "SELECT 1 FROM schema_migrations WHERE name = $1";
static const char	sql_record[] =
    "INSERT INTO schema_migrations (name) VALUES ($1)";

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
	const char	*params[1] = { name };
	int		 done, rc;

	if ((res = db_exec(conn, name, sql_applied, 1, params)) == NULL)
		return (-1);
	done = PQntuples(res) > 0;
	PQclear(res);
	if (done)
		return (0);

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
	rc = -1;
	if (db_run(conn, name, "BEGIN", 0, NULL) == 0) {
		res = PQexec(conn, sql);
		if (PQresultStatus(res) == PGRES_COMMAND_OK ||
		    PQresultStatus(res) == PGRES_TUPLES_OK) {
			if (db_run(conn, name, sql_record, 1, params) == 0 &&
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
		if (db_run(conn, "migrate", sql_create_table, 0, NULL) == 0) {
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
