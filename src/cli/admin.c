/*
 * fashionjobs admin create EMAIL: create an administrator.  The password
 * is read from the first line of standard input (never from argv, where
 * other users of the machine can see it) and must pass the same policy
 * as a recruiter's; it is stored as argon2id with the web's costs.
 */

#include <sys/random.h>

#include <stdio.h>
#include <string.h>

#include <argon2.h>

#include "core.h"
#include "db.h"
#include "cli.h"
#include "password.h"

static const char	sql_admin_create[] =
    "INSERT INTO account (email, password_hash, role, trusted)"
    " VALUES ($1, $2, 'admin', true) ON CONFLICT DO NOTHING RETURNING id";

static int	read_password(char *, size_t);

/* The first line of stdin without its line end; -1 when too long. */
static int
read_password(char *buf, size_t len)
{
	size_t	n;

	if (fgets(buf, len, stdin) == NULL)
		return (-1);
	n = strcspn(buf, "\r\n");
	if (buf[n] == '\0' && n == len - 1)
		return (-1);
	buf[n] = '\0';
	return (0);
}

int
cmd_admin(int argc, char **argv)
{
	PGconn		*conn;
	PGresult	*res;
	const char	*params[2], *problem;
	char		 pw[PASSWORD_MAX + 2], encoded[PASSWORD_ENCODED_MAX];
	unsigned char	 salt[PASSWORD_SALT];
	int		 rc;

	if (argc != 3 || strcmp(argv[1], "create") != 0) {
		fprintf(stderr, "usage: fashionjobs admin create EMAIL "
		    "< password-file\n");
		return (2);
	}
	if (strchr(argv[2], '@') == NULL || strlen(argv[2]) > 254) {
		fprintf(stderr, "admin: %s is not an e-mail address\n",
		    argv[2]);
		return (2);
	}
	if (read_password(pw, sizeof(pw)) == -1) {
		fprintf(stderr, "admin: give the password (at most %d bytes) "
		    "on standard input\n", PASSWORD_MAX);
		return (2);
	}
	if ((problem = password_problem(pw, argv[2])) != NULL) {
		fprintf(stderr, "admin: %s\n", problem);
		explicit_bzero(pw, sizeof(pw));
		return (2);
	}
	if (getrandom(salt, sizeof(salt), 0) != (ssize_t)sizeof(salt) ||
	    argon2id_hash_encoded(PASSWORD_T_COST, PASSWORD_M_COST,
	    PASSWORD_LANES, pw, strlen(pw), salt, sizeof(salt), PASSWORD_HASH,
	    encoded, sizeof(encoded)) != ARGON2_OK) {
		fprintf(stderr, "admin: cannot hash the password\n");
		explicit_bzero(pw, sizeof(pw));
		return (1);
	}
	explicit_bzero(pw, sizeof(pw));
	if ((conn = db_connect()) == NULL)
		return (1);
	params[0] = argv[2];
	params[1] = encoded;
	rc = 1;
	if ((res = db_exec(conn, "admin create", sql_admin_create, 2,
	    params)) != NULL) {
		if (PQntuples(res) == 1) {
			printf("administrator %s created\n", argv[2]);
			rc = 0;
		} else
			fprintf(stderr, "admin: an account with the e-mail "
			    "%s exists already\n", argv[2]);
		PQclear(res);
	}
	PQfinish(conn);
	return (rc);
}
