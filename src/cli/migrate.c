/*
 * fashionjobs migrate: bring a database to the schema of this checkout.
 *
 * First the versioned migrations, migrations/NNNN_*.sql, in name order,
 * each in its own transaction together with its row (name, checksum) in
 * schema_migrations, so a failed migration leaves nothing behind and a
 * re-run is a no-op.  An applied migration whose file changed is refused.
 *
 * A baseline is a migration that lists, in lines "-- replaces NAME SUM",
 * the files it stands for.  It runs at the place of the first of them on a
 * database that applied none of them; a database that applied all of
 * them, with those checksums, records it as applied without running it;
 * one that applied only some is refused.  A line ending in "functions"
 * names a file that defined functions only, all now in sql/: a database
 * need not have applied it.
 *
 * Then the repeatable files, sql/NAME.sql (functions, views, triggers), in
 * name order, each applied again when its checksum differs from the one
 * recorded as "sql/NAME", and all of them after any versioned migration
 * ran (a migration may have dropped what they define).  They are applied
 * with check_function_bodies off, as pg_dump restores: a body may call a
 * function from a file later in the order.
 */

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "db.h"
#include "cli.h"

#define MIGRATIONS_MAX	256
#define REPLACES_MAX	64
#define SUM_LEN		64

struct migration {
	char		*name;		/* file name, or "sql/" + file name */
	char		*path;
	char		*sql;
	const char	*key;		/* sorts by this: a baseline first */
	size_t		 nreplaces;
	char		*replaces[REPLACES_MAX];	/* "NAME SUM" */
};

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
static const char	sql_record_again[] =
    "INSERT INTO schema_migrations (name, checksum) VALUES ($1, "
    FILE_SUM ") ON CONFLICT (name) DO UPDATE"
    " SET checksum = excluded.checksum, applied_at = now()";
/* The checksum a replaced file was recorded with ('' for none), if any. */
static const char	sql_replaced[] =
    "SELECT coalesce(checksum, '') FROM schema_migrations WHERE name = $1";
static const char	sql_record_baseline[] =
    "INSERT INTO schema_migrations (name, checksum) VALUES ($1, "
    FILE_SUM ")";

static int	 mig_cmp(const void *, const void *);
static int	 mig_load(struct migration *, const char *, const char *,
		    const char *);
static void	 mig_free(struct migration *);
static size_t	 mig_list(const char *, const char *, struct migration *,
		    size_t);
static int	 run_file(PGconn *, struct migration *, int);
static int	 baseline(PGconn *, struct migration *, int *);
static int	 apply(PGconn *, struct migration *, int *);
static int	 apply_repeatable(PGconn *, struct migration *, int);

static int
mig_cmp(const void *a, const void *b)
{
	const struct migration	*x = a, *y = b;
	int			 c;

	if ((c = strcmp(x->key, y->key)) != 0)
		return (c);
	return (strcmp(x->name, y->name));
}

/*
 * Reads DIR/FILE into M, named PREFIX FILE, with its "-- replaces" lines.
 * mig_free() frees it.
 */
static int
mig_load(struct migration *m, const char *dir, const char *file,
    const char *prefix)
{
	struct sbuf	 buf;
	const char	*p, *e;
	size_t		 len;

	memset(m, 0, sizeof(*m));
	sbuf_init(&buf);
	sbuf_printf(&buf, "%s/%s", dir, file);
	m->path = sbuf_steal(&buf);
	sbuf_printf(&buf, "%s%s", prefix, file);
	m->name = sbuf_steal(&buf);
	m->key = m->name;
	if (sbuf_load(&buf, m->path) == -1) {
		perror(m->path);
		sbuf_free(&buf);
		return (-1);
	}
	m->sql = sbuf_steal(&buf);
	for (p = m->sql; p != NULL && *p != '\0'; p = e) {
		e = strchr(p, '\n');
		len = e != NULL ? (size_t)(e - p) : strlen(p);
		if (e != NULL)
			e++;
		if (len <= 12 || strncmp(p, "-- replaces ", 12) != 0)
			continue;
		if (m->nreplaces == REPLACES_MAX) {
			fprintf(stderr, "migrate: %s replaces too many files\n",
			    m->name);
			return (-1);
		}
		m->replaces[m->nreplaces] = xmalloc(len - 12 + 1);
		memcpy(m->replaces[m->nreplaces], p + 12, len - 12);
		m->replaces[m->nreplaces][len - 12] = '\0';
		if (m->nreplaces == 0 ||
		    strcmp(m->replaces[m->nreplaces], m->key) < 0)
			m->key = m->replaces[m->nreplaces];
		m->nreplaces++;
	}
	return (0);
}

static void
mig_free(struct migration *m)
{
	size_t	i;

	free(m->name);
	free(m->path);
	free(m->sql);
	for (i = 0; i < m->nreplaces; i++)
		free(m->replaces[i]);
}

/*
 * Loads the files DIR/NNNN_*.sql (PREFIX "") or DIR/NAME.sql (PREFIX "sql/")
 * into M, at most MAX, sorted; returns how many, or (size_t)-1.
 */
static size_t
mig_list(const char *dir, const char *prefix, struct migration *m, size_t max)
{
	DIR		*d;
	struct dirent	*e;
	size_t		 n, len;
	int		 versioned;

	versioned = *prefix == '\0';
	if ((d = opendir(dir)) == NULL) {
		perror(dir);
		return ((size_t)-1);
	}
	n = 0;
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".sql") != 0 ||
		    e->d_name[0] == '.')
			continue;
		if (versioned && (len < 9 ||
		    e->d_name[0] < '0' || e->d_name[0] > '9'))
			continue;
		if (n == max) {
			fprintf(stderr, "migrate: too many files in %s\n", dir);
			break;
		}
		if (mig_load(&m[n], dir, e->d_name, prefix) == -1) {
			mig_free(&m[n]);
			closedir(d);
			while (n > 0)
				mig_free(&m[--n]);
			return ((size_t)-1);
		}
		n++;
	}
	closedir(d);
	qsort(m, n, sizeof(m[0]), mig_cmp);
	return (n);
}

/*
 * Runs M's text and records it, in one transaction; AGAIN: the file may
 * have been recorded before (a repeatable file).
 */
static int
run_file(PGconn *conn, struct migration *m, int again)
{
	PGresult	*res;
	const char	*params[2];
	int		 rc;

	params[0] = m->name;
	params[1] = m->sql;
	rc = -1;
	if (db_run(conn, m->name, "BEGIN", 0, NULL) != 0)
		return (-1);
	if (again && db_run(conn, m->name,
	    "SET LOCAL check_function_bodies = off", 0, NULL) != 0)
		goto done;
	res = PQexec(conn, m->sql);
	if (PQresultStatus(res) == PGRES_COMMAND_OK ||
	    PQresultStatus(res) == PGRES_TUPLES_OK) {
		if (db_run(conn, m->name, again ? sql_record_again :
		    sql_record, 2, params) == 0 &&
		    db_run(conn, m->name, "COMMIT", 0, NULL) == 0)
			rc = 0;
	} else {
		fprintf(stderr, "migrate: %s: %s", m->name,
		    PQresultErrorMessage(res));
	}
	PQclear(res);
done:
	if (rc != 0)
		PQclear(PQexec(conn, "ROLLBACK"));
	else
		printf("migrate: applied %s\n", m->name);
	return (rc);
}

/*
 * A baseline M not yet recorded: sets *RUN when the database applied none
 * of the files it replaces (M is to run), records M when it applied all of
 * them as listed, refuses otherwise.
 */
static int
baseline(PGconn *conn, struct migration *m, int *run)
{
	PGresult	*res;
	const char	*params[2];
	char		 name[256], want[SUM_LEN + 1];
	const char	*sum;
	size_t		 i, found, needed, applied;
	int		 rc, optional;

	found = needed = applied = 0;
	rc = 0;
	for (i = 0; i < m->nreplaces && rc == 0; i++) {
		sum = strchr(m->replaces[i], ' ');
		optional = sum != NULL &&
		    strcmp(sum + 1 + strcspn(sum + 1, " "), " functions") == 0;
		if (sum == NULL || strcspn(sum + 1, " ") != SUM_LEN ||
		    (sum[1 + SUM_LEN] != '\0' && !optional) ||
		    (size_t)(sum - m->replaces[i]) >= sizeof(name)) {
			fprintf(stderr, "migrate: %s: bad line \"-- replaces "
			    "%s\"\n", m->name, m->replaces[i]);
			return (-1);
		}
		memcpy(name, m->replaces[i], sum - m->replaces[i]);
		name[sum - m->replaces[i]] = '\0';
		memcpy(want, sum + 1, SUM_LEN);
		want[SUM_LEN] = '\0';
		sum = want;
		if (!optional)
			needed++;
		params[0] = name;
		if ((res = db_exec(conn, m->name, sql_replaced, 1,
		    params)) == NULL)
			return (-1);
		if (PQntuples(res) > 0) {
			applied++;
			if (!optional)
				found++;
			if (*PQgetvalue(res, 0, 0) != '\0' &&
			    strcmp(PQgetvalue(res, 0, 0), sum) != 0) {
				fprintf(stderr, "migrate: %s was applied to "
				    "this database with checksum %.12s, not "
				    "%.12s as %s expects: migrate it with the "
				    "release that had that file first\n", name,
				    PQgetvalue(res, 0, 0), sum, m->name);
				rc = -1;
			}
		}
		PQclear(res);
	}
	if (rc != 0)
		return (rc);
	*run = found == 0;
	if (found == 0)
		return (0);
	if (found != needed) {
		fprintf(stderr, "migrate: this database applied %zu of the %zu "
		    "migrations %s replaces: migrate it with a release from "
		    "before %s first\n", found, needed, m->name, m->name);
		return (-1);
	}
	params[0] = m->name;
	params[1] = m->sql;
	if (db_run(conn, m->name, sql_record_baseline, 2, params) != 0)
		return (-1);
	printf("migrate: %s stands for the migrations it replaces, %zu "
	    "applied before\n", m->name, applied);
	return (0);
}

/* A versioned migration: sets *RAN when it ran. */
static int
apply(PGconn *conn, struct migration *m, int *ran)
{
	PGresult	*res;
	const char	*params[2];
	int		 done, rc, run;

	params[0] = m->name;
	params[1] = m->sql;

	/*
	 * An applied migration whose file has changed since is refused: its
	 * new text would never reach this database.  Change the schema with
	 * a new migration instead.
	 */
	if ((res = db_exec(conn, m->name, sql_applied, 2, params)) == NULL)
		return (-1);
	done = PQntuples(res) > 0;
	rc = 0;
	if (done && *PQgetvalue(res, 0, 0) == '\0')
		rc = db_run(conn, m->name, sql_adopt, 2, params);
	else if (done && strcmp(PQgetvalue(res, 0, 0),
	    PQgetvalue(res, 0, 1)) != 0) {
		fprintf(stderr, "migrate: %s was changed after it was applied "
		    "to this database (checksum %.12s, file %.12s): restore it "
		    "and put the change in a new migration\n", m->name,
		    PQgetvalue(res, 0, 0), PQgetvalue(res, 0, 1));
		rc = -1;
	}
	PQclear(res);
	if (done)
		return (rc);

	run = 1;
	if (m->nreplaces > 0 && baseline(conn, m, &run) != 0)
		return (-1);
	if (!run)
		return (0);
	if (run_file(conn, m, 0) != 0)
		return (-1);
	*ran = 1;
	return (0);
}

/* A repeatable file: applied when it changed, or when ALL is set. */
static int
apply_repeatable(PGconn *conn, struct migration *m, int all)
{
	PGresult	*res;
	const char	*params[2];
	int		 same;

	params[0] = m->name;
	params[1] = m->sql;
	if ((res = db_exec(conn, m->name, sql_applied, 2, params)) == NULL)
		return (-1);
	same = PQntuples(res) > 0 &&
	    strcmp(PQgetvalue(res, 0, 0), PQgetvalue(res, 0, 1)) == 0;
	PQclear(res);
	if (same && !all)
		return (0);
	return (run_file(conn, m, 1));
}

int
cmd_migrate(int argc, char **argv)
{
	PGconn			*conn;
	struct migration	*v, *r;
	const char		*dir, *sqldir;
	size_t			 nv, nr, i;
	int			 rc, ran;

	if ((dir = getenv("FJ_MIGRATIONS")) == NULL)
		dir = "migrations";
	if ((sqldir = getenv("FJ_SQL")) == NULL)
		sqldir = "sql";
	v = xcalloc(MIGRATIONS_MAX, sizeof(*v));
	r = xcalloc(MIGRATIONS_MAX, sizeof(*r));
	nr = 0;
	rc = 1;
	if ((nv = mig_list(dir, "", v, MIGRATIONS_MAX)) == (size_t)-1)
		goto out;
	if ((nr = mig_list(sqldir, "sql/", r, MIGRATIONS_MAX)) ==
	    (size_t)-1) {
		nr = 0;
		goto out;
	}

	if ((conn = db_connect()) != NULL) {
		PQclear(PQexec(conn, "SET client_min_messages = warning"));
		if (db_run(conn, "migrate", sql_create_table, 0, NULL) == 0 &&
		    db_run(conn, "migrate", sql_add_checksum, 0, NULL) == 0) {
			rc = 0;
			ran = 0;
			for (i = 0; i < nv && rc == 0; i++)
				if (apply(conn, &v[i], &ran) != 0)
					rc = 1;
			for (i = 0; i < nr && rc == 0; i++)
				if (apply_repeatable(conn, &r[i], ran) != 0)
					rc = 1;
		}
		PQfinish(conn);
	}
out:
	if (nv == (size_t)-1)
		nv = 0;
	for (i = 0; i < nv; i++)
		mig_free(&v[i]);
	for (i = 0; i < nr; i++)
		mig_free(&r[i]);
	free(v);
	free(r);
	return (rc);
}
