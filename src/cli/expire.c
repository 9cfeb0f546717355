/*
 * fashionjobs expire: every published posting past its expiry date,
 * recruiters' and partners' alike, becomes expired.  The scraper's loop
 * runs it between partners; listings and the posting page already treat
 * a posting as closed from the date alone (OPEN() in src/web/web.h), so
 * this only brings the stored status in line.
 */

#include <stdio.h>
#include <string.h>

#include "core.h"
#include "db.h"
#include "cli.h"
#include "scrape.h"

static const char	sql_expire[] =
    "UPDATE posting SET status = 'expired', updated_at = now()"
    " WHERE status = 'published' AND fj_expired(expires_at)";

int
expire_run(PGconn *conn)
{
	PGresult	*res;
	long		 n;

	if ((res = db_exec(conn, "expire", sql_expire, 0, NULL)) == NULL)
		return (-1);
	n = strtol(PQcmdTuples(res), NULL, 10);
	PQclear(res);
	return ((int)n);
}

int
cmd_expire(int argc, char **argv)
{
	PGconn	*conn;
	int	 n;

	if (argc != 1) {
		fprintf(stderr, "usage: fashionjobs expire\n");
		return (2);
	}
	if ((conn = db_connect()) == NULL)
		return (1);
	n = expire_run(conn);
	if (n >= 0)
		printf("expire: %d postings expired\n", n);
	PQfinish(conn);
	return (n < 0);
}
