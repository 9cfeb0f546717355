/* Synchronous libpq helpers shared by the CLI commands. */

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core.h"
#include "db.h"

static char	*db_board_url(char *, size_t);
static void	 db_not_running(const char *);

/*
 * The checkout this binary belongs to (bin/fashionjobs, so bin/..) into
 * dir, and the URL of its private cluster that make run wrote into
 * var/database_url, or NULL when there is none.  The caller free()s it.
 */
static char *
db_board_url(char *dir, size_t dirsz)
{
	FILE		*f;
	char		 path[PATH_MAX], line[1024];
	char		*p;
	ssize_t		 n;
	int		 i;

	n = readlink("/proc/self/exe", dir, dirsz - 1);
	if (n <= 0) {
		snprintf(dir, dirsz, "the checkout");
		return (NULL);
	}
	dir[n] = '\0';
	for (i = 0; i < 2; i++) {
		if ((p = strrchr(dir, '/')) != NULL)
			*p = '\0';
	}
	if (*dir == '\0')
		snprintf(dir, dirsz, "/");
	n = snprintf(path, sizeof(path), "%s/var/database_url", dir);
	if (n < 0 || (size_t)n >= sizeof(path))
		return (NULL);
	if ((f = fopen(path, "r")) == NULL)
		return (NULL);
	p = fgets(line, sizeof(line), f);
	fclose(f);
	if (p == NULL)
		return (NULL);
	line[strcspn(line, "\r\n")] = '\0';
	if (*line == '\0')
		return (NULL);
	return (strdup(line));
}

static void
db_not_running(const char *dir)
{
	fprintf(stderr, "the board's database is not running: start it with "
	    "`make run` in %s, or set DATABASE_URL\n", dir);
}

char *
db_conninfo(const char *url)
{
	struct sbuf	 b;
	const char	*opts = "gssencmode=disable connect_timeout=2 "
	    "application_name=fashionjobs";

	sbuf_init(&b);
	/*
	 * GSSAPI probing costs syscalls that Kore's seccomp filter refuses,
	 * and a dead server must not hang a worker: both options go on every
	 * connection, whether the URL is a URI or key=value pairs.
	 */
	if (strncmp(url, "postgres://", 11) == 0 ||
	    strncmp(url, "postgresql://", 13) == 0) {
		sbuf_puts(&b, url);
		sbuf_puts(&b, strchr(url, '?') ? "&" : "?");
		sbuf_puts(&b, "gssencmode=disable&connect_timeout=2"
		    "&application_name=fashionjobs");
	} else {
		sbuf_printf(&b, "%s %s", url, opts);
	}
	return (sbuf_steal(&b));
}

PGconn *
db_connect(void)
{
	PGconn		*conn;
	const char	*url;
	char		*info, *own = NULL;
	char		 dir[PATH_MAX];

	/*
	 * Without DATABASE_URL, the board's own database: the private
	 * cluster make run starts for this checkout.
	 */
	if ((url = getenv("DATABASE_URL")) == NULL || *url == '\0') {
		if ((own = db_board_url(dir, sizeof(dir))) == NULL) {
			db_not_running(dir);
			return (NULL);
		}
		url = own;
	}
	info = db_conninfo(url);
	conn = PQconnectdb(info);
	if (PQstatus(conn) != CONNECTION_OK) {
		if (own != NULL && PQping(info) == PQPING_NO_RESPONSE)
			db_not_running(dir);
		else
			fprintf(stderr, "database: %s", PQerrorMessage(conn));
		PQfinish(conn);
		conn = NULL;
	}
	free(info);
	free(own);
	if (conn != NULL)
		PQsetClientEncoding(conn, "UTF8");
	return (conn);
}

PGresult *
db_exec(PGconn *conn, const char *what, const char *sql, int nparams,
    const char *const *params)
{
	PGresult	*res;
	ExecStatusType	 st;

	res = PQexecParams(conn, sql, nparams, NULL, params, NULL, NULL, 0);
	st = PQresultStatus(res);
	if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
		fprintf(stderr, "%s: %s", what, PQresultErrorMessage(res));
		PQclear(res);
		return (NULL);
	}
	return (res);
}

int
db_run(PGconn *conn, const char *what, const char *sql, int nparams,
    const char *const *params)
{
	PGresult	*res;

	if ((res = db_exec(conn, what, sql, nparams, params)) == NULL)
		return (-1);
	PQclear(res);
	return (0);
}

/*
 * Backslash, tab, newline and CR are escaped; NULL is written as \N.  The
 * text between them goes in one copy: one call per character was a sixth
 * of the scraper's CPU when it staged feeds in text (descriptions are most
 * of a feed; seed still does).
 */
void
db_copy_field(struct sbuf *b, const char *s)
{
	size_t	n;

	if (s == NULL) {
		sbuf_puts(b, "\\N");
		return;
	}
	for (;;) {
		if ((n = strcspn(s, "\\\t\n\r")) > 0)
			sbuf_append(b, s, n);
		s += n;
		switch (*s) {
		case '\0': return;
		case '\\': sbuf_puts(b, "\\\\"); break;
		case '\t': sbuf_puts(b, "\\t"); break;
		case '\n': sbuf_puts(b, "\\n"); break;
		default: sbuf_puts(b, "\\r"); break;
		}
		s++;
	}
}

/* Big-endian integers, as COPY's binary format has them. */
static void
bin_int(struct sbuf *b, unsigned long long v, int bytes)
{
	char	tmp[8];
	int	i;

	for (i = 0; i < bytes; i++)
		tmp[i] = (char)(v >> (8 * (bytes - 1 - i)));
	sbuf_append(b, tmp, (size_t)bytes);
}

void
db_bin_header(struct sbuf *b)
{
	/* The signature, no flags, no header extension. */
	sbuf_append(b, "PGCOPY\n\377\r\n\0", 11);
	bin_int(b, 0, 4);
	bin_int(b, 0, 4);
}

void
db_bin_row(struct sbuf *b, int nfields)
{
	bin_int(b, (unsigned long long)nfields, 2);
}

void
db_bin_field(struct sbuf *b, const void *p, size_t n)
{
	bin_int(b, n, 4);
	sbuf_append(b, p, n);
}

void
db_bin_text(struct sbuf *b, const char *s)
{
	if (s == NULL)
		bin_int(b, 0xffffffffULL, 4);
	else
		db_bin_field(b, s, strlen(s));
}

void
db_bin_bool(struct sbuf *b, int v)
{
	db_bin_field(b, v ? "\1" : "\0", 1);
}

void
db_bin_int8(struct sbuf *b, long long v)
{
	bin_int(b, 8, 4);
	bin_int(b, (unsigned long long)v, 8);
}

void
db_bin_trailer(struct sbuf *b)
{
	bin_int(b, 0xffff, 2);
}

/*
 * tsv.c reads words as PostgreSQL does in a UTF-8 database whose character
 * classes are a UTF-8 locale's (C.UTF-8, en_US.UTF-8...).  Under the C
 * locale PostgreSQL takes every non-ASCII character for a letter ("–" and
 * "«" too): there it computes all vectors itself.
 */
int
db_words_ok(PGconn *conn, const char *what)
{
	PGresult	*res;
	int		 ok;

	res = db_exec(conn, what, "SELECT pg_encoding_to_char(encoding) ="
	    " 'UTF8' AND datctype !~* '^(C|POSIX)$' FROM pg_database"
	    " WHERE datname = current_database()", 0, NULL);
	if (res == NULL)
		return (-1);
	ok = PQntuples(res) == 1 && *PQgetvalue(res, 0, 0) == 't';
	PQclear(res);
	return (ok);
}

int
db_outage(PGconn *conn, const char *who, int failed, int *backoff,
    volatile sig_atomic_t *stop)
{
	int	i;

	if (!failed && PQstatus(conn) == CONNECTION_OK) {
		*backoff = 0;
		return (0);
	}
	*backoff = *backoff == 0 ? 1 : *backoff * 2;
	if (*backoff > DB_BACKOFF_MAX)
		*backoff = DB_BACKOFF_MAX;
	fprintf(stderr, "%s: database unavailable, next try in %d s\n", who,
	    *backoff);
	for (i = *backoff; i > 0 && !*stop; i--)
		sleep(1);
	if (PQstatus(conn) == CONNECTION_OK)
		return (1);
	PQreset(conn);
	if (PQstatus(conn) == CONNECTION_OK) {
		PQsetClientEncoding(conn, "UTF8");
		fprintf(stderr, "%s: database back\n", who);
	}
	return (1);
}
