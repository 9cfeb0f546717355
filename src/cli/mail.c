/*
 * fashionjobs mail --once | --loop: send what waits in mail_outbox over
 * SMTP (libcurl), FJ_SMTP_URL (STARTTLS when offered; smtps:// and
 * user:password@ in the URL work too) from FJ_MAIL_FROM.  Without
 * FJ_SMTP_URL each mail is written to var/mail/<id>.eml instead and its
 * links printed, so a board with no mail server still works.
 *
 * Each mail is leased in its own short statement (FOR UPDATE SKIP LOCKED,
 * then locked_until), sent with no transaction open, then marked sent or
 * given its error and a later next_attempt_at: two senders never send one
 * mail, and one that dies mid-send leaves the mail to be tried again once
 * its lease is over; a mail queued at_most_once (a job alert's digest) is
 * not: it may have gone out.  A 5xx answer for the same mail three times
 * marks the address undeliverable (mail_undeliverable).  --loop polls every FJ_MAIL_POLL seconds (5) and,
 * while the server or the database fails, waits twice as long each time,
 * up to five minutes.
 */

#include <sys/random.h>
#include <sys/stat.h>

#include <errno.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "core.h"
#include "mail.h"
#include "db.h"
#include "cli.h"

#define LEASE_SECONDS	"120"
#define ATTEMPTS_MAX	"20"
#define BACKOFF_MAX	300
#define REFUSALS_MAX	"3"
#define SPOOL_DIR	"var/mail"

static const char	sql_claim[] =
    "UPDATE mail_outbox m SET attempts = m.attempts + 1, locked_by = $1,"
    " locked_until = now() + interval '" LEASE_SECONDS " seconds'"
    " WHERE m.id = (SELECT id FROM mail_outbox WHERE sent_at IS NULL"
    "  AND next_attempt_at <= now() AND attempts < " ATTEMPTS_MAX
    "  AND ($2::text IS NULL OR kind = $2)"
    "  AND (locked_until IS NULL OR (locked_until < now()"
    "  AND NOT at_most_once))"
    "  ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)"
    " RETURNING m.id, m.to_addr, m.subject, m.body, m.body_html,"
    " m.list_unsubscribe";

static const char	sql_sent[] =
    "UPDATE mail_outbox SET sent_at = now(), body = '', body_html = NULL,"
    " last_error = NULL, locked_by = NULL, locked_until = NULL"
    " WHERE id = $1 AND locked_by = $2";

/*
 * 1, 2, 4... minutes after each failure, at most 6 hours.  $4 is 1 for a
 * refusal (5xx): the third one gives up and marks the address.
 */
static const char	sql_failed[] =
    "WITH f AS (UPDATE mail_outbox SET last_error = left($3, 500),"
    " locked_by = NULL, locked_until = NULL,"
    " permanent_failures = permanent_failures + $4::int,"
    " attempts = CASE WHEN permanent_failures + $4::int >= " REFUSALS_MAX
    "  THEN " ATTEMPTS_MAX " ELSE attempts END,"
    " next_attempt_at = now() +"
    " least(interval '1 minute' * power(2, least(attempts, 20) - 1),"
    " interval '6 hours') WHERE id = $1 AND locked_by = $2"
    " RETURNING to_addr, permanent_failures)"
    " INSERT INTO mail_undeliverable (addr_key, reason)"
    " SELECT lower(to_addr), left($3, 500) FROM f"
    " WHERE permanent_failures >= " REFUSALS_MAX " ON CONFLICT DO NOTHING";

struct upload {
	const char	*data;
	size_t		 left;
};

static volatile sig_atomic_t	stop;

static void	on_signal(int);
static size_t	read_cb(char *, size_t, size_t, void *);
static int	smtp_send(const char *, const char *, const char *,
		    const struct sbuf *, char *, size_t, long *);
static int	spool(const char *, const struct sbuf *, const struct mail *,
		    char *, size_t);
static int	send_one(PGconn *, const char *, const char *);

static void
on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static size_t
read_cb(char *buf, size_t size, size_t n, void *arg)
{
	struct upload	*u = arg;
	size_t		 len;

	len = size * n < u->left ? size * n : u->left;
	memcpy(buf, u->data, len);
	u->data += len;
	u->left -= len;
	return (len);
}

/* One message to one recipient; 0, or -1 with the reason in err. */
static int
smtp_send(const char *url, const char *from, const char *to,
    const struct sbuf *msg, char *err, size_t errlen, long *reply)
{
	CURL			*c;
	CURLcode		 rc;
	struct curl_slist	*rcpt;
	struct upload		 u;
	char			 env_from[300], env_to[300], cerr[CURL_ERROR_SIZE];
	long			 code;

	(void)snprintf(env_from, sizeof(env_from), "<%s>", from);
	(void)snprintf(env_to, sizeof(env_to), "<%s>", to);
	if ((c = curl_easy_init()) == NULL) {
		(void)snprintf(err, errlen, "curl_easy_init failed");
		return (-1);
	}
	rcpt = curl_slist_append(NULL, env_to);
	u.data = msg->data;
	u.left = msg->len;
	cerr[0] = '\0';
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, env_from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, &u);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, cerr);
	rc = curl_easy_perform(c);
	code = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	*reply = code;
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(c);
	if (rc == CURLE_OK)
		return (0);
	(void)snprintf(err, errlen, "%s (SMTP %ld): %s", curl_easy_strerror(rc),
	    code, cerr[0] != '\0' ? cerr : "no detail");
	return (-1);
}

/*
 * No SMTP server configured: the message into SPOOL_DIR/<id>.eml, and
 * its links on standard output for the person running the board.
 */
static int
spool(const char *id, const struct sbuf *msg, const struct mail *m,
    char *err, size_t errlen)
{
	FILE		*f;
	const char	*p, *e;
	char		 path[128], tmp[160];

	if ((mkdir("var", 0755) == -1 && errno != EEXIST) ||
	    (mkdir(SPOOL_DIR, 0755) == -1 && errno != EEXIST)) {
		(void)snprintf(err, errlen, "mkdir %s: %s", SPOOL_DIR,
		    strerror(errno));
		return (-1);
	}
	(void)snprintf(path, sizeof(path), SPOOL_DIR "/%s.eml", id);
	(void)snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	if ((f = fopen(tmp, "w")) == NULL ||
	    fwrite(msg->data, 1, msg->len, f) != msg->len ||
	    fclose(f) == EOF || rename(tmp, path) == -1) {
		(void)snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return (-1);
	}
	printf("mail to %s written to %s: %s\n", m->to, path, m->subject);
	for (p = m->body; (p = strstr(p, "http")) != NULL; p = e) {
		e = p + strcspn(p, " \t\r\n");
		if (strncmp(p, "http://", 7) == 0 ||
		    strncmp(p, "https://", 8) == 0)
			printf("  %.*s\n", (int)(e - p), p);
	}
	fflush(stdout);
	return (0);
}

/*
 * Lease, send and record one due mail (of kind, or any when NULL).  1
 * sent, 0 nothing due, -1 the database or the mail failed (recorded when
 * it can be), -2 the recipient's server refused it (recorded): the
 * other mails can go on.
 */
static int
send_one(PGconn *conn, const char *owner, const char *kind)
{
	PGresult	*res;
	struct sbuf	 msg;
	struct mail	 m;
	const char	*url, *params[4];
	unsigned char	 raw[6];
	char		 id[64], err[600];
	size_t		 i;
	long		 reply;
	int		 rc;

	params[0] = owner;
	params[1] = kind;
	if ((res = db_exec(conn, "mail: claim", sql_claim, 2, params)) == NULL)
		return (-1);
	if (PQntuples(res) == 0) {
		PQclear(res);
		return (0);
	}
	url = getenv("FJ_SMTP_URL");
	memset(&m, 0, sizeof(m));
	if ((m.from = getenv("FJ_MAIL_FROM")) == NULL || *m.from == '\0')
		m.from = "noreply@localhost";
	m.from_name = "fashionjobs";
	m.to = PQgetvalue(res, 0, 1);
	m.subject = PQgetvalue(res, 0, 2);
	m.body = PQgetvalue(res, 0, 3);
	if (!PQgetisnull(res, 0, 4))
		m.html = PQgetvalue(res, 0, 4);
	if (!PQgetisnull(res, 0, 5))
		m.unsubscribe = PQgetvalue(res, 0, 5);
	m.date = time(NULL);
	if (getrandom(raw, sizeof(raw), 0) != (ssize_t)sizeof(raw))
		memset(raw, 0, sizeof(raw));
	rc = snprintf(id, sizeof(id), "mail-%s.", PQgetvalue(res, 0, 0));
	for (i = 0; i < sizeof(raw) && rc > 0; i++)
		rc += snprintf(id + rc, sizeof(id) - rc, "%02x", raw[i]);
	m.id = id;
	sbuf_init(&msg);
	reply = 0;
	if (mail_format(&msg, &m) == -1)
		(void)snprintf(err, sizeof(err), "not sent: the sender (%s) or "
		    "the recipient is not a plain address", m.from);
	if (msg.len == 0)
		rc = -1;
	else if (url == NULL || *url == '\0')
		rc = spool(id, &msg, &m, err, sizeof(err));
	else
		rc = smtp_send(url, m.from, m.to, &msg, err, sizeof(err),
		    &reply);
	sbuf_free(&msg);
	params[0] = PQgetvalue(res, 0, 0);
	params[1] = owner;
	params[2] = err;
	params[3] = reply >= 500 && reply <= 599 ? "1" : "0";
	if (rc == 0)
		rc = db_run(conn, "mail: sent", sql_sent, 2, params) == 0 ?
		    1 : -1;
	else {
		fprintf(stderr, "mail %s to %s: %s\n", params[0], m.to, err);
		if (db_run(conn, "mail: failed", sql_failed, 4, params) == 0 &&
		    *params[3] == '1')
			rc = -2;
	}
	PQclear(res);
	return (rc);
}

int
mail_send_due(PGconn *conn, const char *owner, const char *kind,
    volatile sig_atomic_t *halt)
{
	int	n, rc;

	n = 0;
	while (!*halt && (rc = send_one(conn, owner, kind)) != 0) {
		if (rc == -1)
			return (-1);
		if (rc == 1)
			n++;
	}
	return (n);
}

void
mail_owner(char *owner, size_t len)
{
	char	host[64];

	if (gethostname(host, sizeof(host)) == -1)
		(void)snprintf(host, sizeof(host), "localhost");
	host[sizeof(host) - 1] = '\0';
	(void)snprintf(owner, len, "%s pid %ld", host, (long)getpid());
}

int
cmd_mail(int argc, char **argv)
{
	PGconn		*conn;
	const char	*poll_env;
	char		 owner[128];
	int		 loop, poll, wait, rc, i, outage = 0;

	if (argc != 2 || (strcmp(argv[1], "--once") != 0 &&
	    strcmp(argv[1], "--loop") != 0)) {
		fprintf(stderr, "usage: fashionjobs mail --once | --loop\n");
		return (2);
	}
	loop = strcmp(argv[1], "--loop") == 0;
	poll = (poll_env = getenv("FJ_MAIL_POLL")) != NULL ?
	    atoi(poll_env) : 5;
	if (poll < 1)
		poll = 5;
	if ((conn = db_connect()) == NULL)
		return (1);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	mail_owner(owner, sizeof(owner));
	wait = poll;
	do {
		rc = mail_send_due(conn, owner, NULL, &stop);
		if (!loop)
			break;
		/* The database gone: back in 1 ... 30 s, not the SMTP wait. */
		if (db_outage(conn, "mail", 0, &outage, &stop))
			continue;
		wait = rc == -1 ? (wait * 2 > BACKOFF_MAX ? BACKOFF_MAX :
		    wait * 2) : poll;
		for (i = 0; i < wait && !stop; i++)
			sleep(1);
	} while (!stop);
	PQfinish(conn);
	curl_global_cleanup();
	return (rc == -1 ? 1 : 0);
}
