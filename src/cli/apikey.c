/*
 * fashionjobs apikey create NAME | list | revoke NAME: keys for the
 * partner API.  A key is 256 random bits, printed once; the database keeps
 * only its SHA-256, so a leaked database does not leak usable keys.
 */

#include <sys/random.h>

#include <stdio.h>
#include <string.h>

#include "core.h"
#include "db.h"
#include "cli.h"

#define KEY_BYTES	32

static const char	sql_create[] =
    "INSERT INTO api_key (name, key_hash) VALUES ($1,"
    " encode(sha256(convert_to($2, 'UTF8')), 'hex'))"
    " ON CONFLICT (name) WHERE revoked_at IS NULL DO NOTHING RETURNING id";

static const char	sql_list[] =
    "SELECT name, to_char(created_at, 'YYYY-MM-DD HH24:MI'),"
    " coalesce(to_char(revoked_at, 'YYYY-MM-DD HH24:MI'), '')"
    " FROM api_key ORDER BY name";

static const char	sql_revoke[] =
    "UPDATE api_key SET revoked_at = now() WHERE name = $1"
    " AND revoked_at IS NULL RETURNING id";

static int	usage(void);

static int
usage(void)
{
	fprintf(stderr, "usage: fashionjobs apikey create NAME | list | "
	    "revoke NAME\n");
	return (2);
}

int
cmd_apikey(int argc, char **argv)
{
	PGconn		*conn;
	PGresult	*res;
	const char	*params[2];
	unsigned char	 raw[KEY_BYTES];
	char		 key[4 + KEY_BYTES * 2 + 1];
	int		 i, rc;

	if (argc == 2 && strcmp(argv[1], "list") == 0)
		params[0] = NULL;
	else if (argc == 3 && (strcmp(argv[1], "create") == 0 ||
	    strcmp(argv[1], "revoke") == 0)) {
		params[0] = argv[2];
		if (*argv[2] == '\0' || strlen(argv[2]) > 100) {
			fprintf(stderr, "apikey: a name has 1 to 100 "
			    "characters\n");
			return (2);
		}
	} else
		return (usage());
	if ((conn = db_connect()) == NULL)
		return (1);
	rc = 1;
	if (strcmp(argv[1], "list") == 0) {
		if ((res = db_exec(conn, "apikey", sql_list, 0, NULL)) == NULL)
			goto out;
		for (i = 0; i < PQntuples(res); i++)
			printf("%s\tcreated %s%s%s\n", PQgetvalue(res, i, 0),
			    PQgetvalue(res, i, 1),
			    *PQgetvalue(res, i, 2) ? "\trevoked " : "",
			    PQgetvalue(res, i, 2));
		PQclear(res);
		rc = 0;
	} else if (strcmp(argv[1], "revoke") == 0) {
		if ((res = db_exec(conn, "apikey", sql_revoke, 1,
		    params)) == NULL)
			goto out;
		if (PQntuples(res) == 0)
			fprintf(stderr, "apikey: no active key named %s\n",
			    argv[2]);
		else {
			printf("apikey: %s revoked\n", argv[2]);
			rc = 0;
		}
		PQclear(res);
	} else {
		if (getrandom(raw, sizeof(raw), 0) != (ssize_t)sizeof(raw)) {
			perror("apikey: getrandom");
			goto out;
		}
		memcpy(key, "fjk_", 4);
		for (i = 0; i < KEY_BYTES; i++)
			(void)snprintf(key + 4 + i * 2, 3, "%02x", raw[i]);
		params[1] = key;
		if ((res = db_exec(conn, "apikey", sql_create, 2,
		    params)) == NULL)
			goto out;
		if (PQntuples(res) == 0)
			fprintf(stderr, "apikey: an active key named %s "
			    "exists; revoke it or choose another name\n",
			    argv[2]);
		else {
			/* The only time the key is shown. */
			printf("%s\n", key);
			rc = 0;
		}
		PQclear(res);
	}
out:
	PQfinish(conn);
	return (rc);
}
