/* Password policy, shared by the web sign-up and `fashionjobs admin`. */
#ifndef FJ_PASSWORD_H
#define FJ_PASSWORD_H

#include <stddef.h>

#define PASSWORD_MIN	10	/* characters */
#define PASSWORD_MAX	256	/* bytes: argon2 input stays bounded */

/* argon2id costs (OWASP): 2 passes over 19 MiB, one lane. */
#define PASSWORD_T_COST	2
#define PASSWORD_M_COST	19456
#define PASSWORD_LANES	1
#define PASSWORD_SALT	16
#define PASSWORD_HASH	32
#define PASSWORD_ENCODED_MAX	128

/*
 * NULL when the password is acceptable, otherwise the reason, for a
 * person: too short, too long, one of the most common passwords, the
 * e-mail address itself.  email may be NULL.
 */
const char	*password_problem(const char *password, const char *email);

#endif
