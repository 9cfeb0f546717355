/*
 * Public reads on streaming replicas.  FJ_READ_URL names one or more hot
 * standbys (libpq URLs separated by commas); each is a pgsql database of
 * its own ("read0", "read1", ...) beside the primary ("db").  dbq sends a
 * statement to a replica when the request is a public read (replica_pick);
 * everything else, every write and every page of a signed-in recruiter or
 * administrator, stays on the primary, so a recruiter sees what they just
 * saved.
 *
 * Each worker checks each replica every CHECK_TICKS * TICK_MS on a
 * connection of its own, never blocking (PQconnectStart, PQsendQuery,
 * polled on a timer): a replica that cannot be reached, or whose replay is
 * more than FJ_MAX_LAG seconds (default 30) behind, is skipped until a
 * check finds it well again.  A statement that fails on a replica is sent
 * again on the primary, so the reader never sees the failure.  Each change
 * of a replica's state is one log line (per worker).
 */

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>

#include <stdlib.h>

#include "web.h"
#include "session.h"
#include "db.h"

#define REPLICAS_MAX	8
#define TICK_MS		100	/* the checks' state machine steps */
#define CHECK_TICKS	10	/* ticks between two checks of a replica */
#define STUCK_TICKS	30	/* a check this long unanswered: down */
#define LAG_DEFAULT	30

#define CHECK_NONE		0	/* no connection; wait, then connect */
#define CHECK_CONNECTING	1
#define CHECK_READY		2	/* connected; wait, then ask */
#define CHECK_QUERY		3	/* asked; read the answer */

struct replica {
	char		 name[16];	/* the pgsql database's name */
	char		*info;		/* libpq conninfo, malloc'd */
	char		 label[80];	/* host:port for the log */
	PGconn		*conn;		/* the checks' own connection */
	int		 st;		/* CHECK_* */
	int		 busy;		/* ticks a step has been waiting */
	int		 wait;		/* ticks until the next check */
	int		 up;
	double		 lag;
	u_int64_t	 caught;	/* ms: last check found it caught up */
};

static void	replica_tick(void *, u_int64_t);
static void	replica_step(struct replica *);
static void	replica_state(struct replica *, int, const char *);
static void	replica_drop(struct replica *, const char *);
static int	replica_public(struct http_request *);

/*
 * The replica's delay, in seconds.  A standby that has replayed all it
 * received while its WAL receiver streams is current (an idle primary
 * writes no transactions, so the last replay's timestamp alone would age);
 * otherwise the age of the last transaction it replayed.  pid is the one
 * column of pg_stat_wal_receiver a role without pg_read_all_stats sees.
 * On a server that is not in recovery (FJ_READ_URL naming a primary) 0.
 */
static const char	sql_lag[] =
    "SELECT CASE WHEN NOT pg_is_in_recovery() THEN 0"
    " WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM"
    "  pg_last_wal_replay_lsn() AND EXISTS (SELECT 1 FROM"
    "  pg_stat_wal_receiver WHERE pid IS NOT NULL) THEN 0"
    " ELSE coalesce(extract(epoch FROM now() -"
    "  pg_last_xact_replay_timestamp()), 1e9) END";

/*
 * Paths whose GET is a public read: the home page, search, postings,
 * company and city pages, feeds, sitemaps and the API (its rate count
 * runs on the primary first: dbq_gate).  /jobs/<id>/apply is a form.
 */
static const struct {
	const char	*prefix;
	int		 exact;
} public_paths[] = {
	{ "/",			1 },
	{ "/jobs",		1 },
	{ "/jobs/",		0 },
	{ "/companies/",	0 },
	{ "/cities/",		0 },
	{ "/feed.json",		1 },
	{ "/jobs.rss",		1 },
	{ "/jobs.atom",		1 },
	{ "/sitemap",		0 },
	{ "/api/v1/",		0 },
};

static struct replica	replicas[REPLICAS_MAX];
static int		nreplicas;
static int		turn;
static double		max_lag = LAG_DEFAULT;

/* From the module's init, in each worker. */
void
replica_init(void)
{
	struct replica	*r;
	const char	*env, *p, *host;
	char		*list, *url, *last, *end;
	double		 d;

	if ((env = getenv("FJ_MAX_LAG")) != NULL && *env != '\0') {
		d = strtod(env, &end);
		if (*end == '\0' && d > 0)
			max_lag = d;
	}
	if ((env = getenv("FJ_READ_URL")) == NULL || *env == '\0')
		return;
	list = kore_strdup(env);
	for (url = strtok_r(list, ",", &last); url != NULL;
	    url = strtok_r(NULL, ",", &last)) {
		while (*url == ' ')
			url++;
		if (*url == '\0')
			continue;
		if (nreplicas == REPLICAS_MAX) {
			kore_log(LOG_ERR, "FJ_READ_URL: more than %d replicas, "
			    "the rest are ignored", REPLICAS_MAX);
			break;
		}
		r = &replicas[nreplicas];
		(void)snprintf(r->name, sizeof(r->name), "read%d", nreplicas);
		r->info = db_conninfo(url);
		/*
		 * The log names the replica by host and port, never with
		 * its password: a URI's authority, else its place in the list.
		 */
		if ((host = strstr(url, "://")) != NULL) {
			host += 3;
			if ((p = strchr(host, '@')) != NULL &&
			    p < host + strcspn(host, "/?"))
				host = p + 1;
			(void)snprintf(r->label, sizeof(r->label), "%.*s",
			    (int)strcspn(host, "/?"), host);
		} else {
			(void)snprintf(r->label, sizeof(r->label), "%d of "
			    "FJ_READ_URL", nreplicas + 1);
		}
		kore_pgsql_register(r->name, r->info);
		nreplicas++;
	}
	kore_free(list);
	if (nreplicas > 0)
		(void)kore_timer_add(replica_tick, TICK_MS, NULL, 0);
}

/*
 * The replica index for this request's next statement, or -1 for the
 * primary: public reads (GET or HEAD of a public path, no session cookie)
 * take the healthy replicas in turn.
 */
int
replica_pick(struct http_request *req)
{
	int	i, n;

	if (nreplicas == 0 || !replica_public(req))
		return (-1);
	for (i = 0; i < nreplicas; i++) {
		n = (turn + i) % nreplicas;
		if (replicas[n].up) {
			turn = n + 1;
			return (n);
		}
	}
	return (-1);
}

/* The pgsql database for replica_pick()'s answer. */
const char *
replica_db(int n)
{
	return (n >= 0 && n < nreplicas ? replicas[n].name : "db");
}

/*
 * A statement could not get a connection to replica n: it is skipped from
 * now on, until a check finds it back.
 */
void
replica_failed(int n, const char *why)
{
	if (n >= 0 && n < nreplicas)
		replica_state(&replicas[n], 0, why);
}

static int
replica_public(struct http_request *req)
{
	char		 tok[TOKEN_HEX + 1];
	size_t		 i, len;
	const char	*path;

	if (req->method != HTTP_METHOD_GET && req->method != HTTP_METHOD_HEAD)
		return (0);
	path = web_path(req);
	if (cookie_token(req, SESSION_COOKIE, tok))
		return (0);
	if (strncmp(path, "/jobs/", 6) == 0 &&
	    (len = strlen(path)) > 6 &&
	    strcmp(path + len - 6, "/apply") == 0)
		return (0);
	for (i = 0; i < sizeof(public_paths) / sizeof(public_paths[0]); i++) {
		len = strlen(public_paths[i].prefix);
		if (public_paths[i].exact ?
		    strcmp(path, public_paths[i].prefix) == 0 :
		    strncmp(path, public_paths[i].prefix, len) == 0)
			return (1);
	}
	return (0);
}

/*
 * Log a change of state only, on one line (libpq's messages may have
 * several).
 */
static void
replica_state(struct replica *r, int up, const char *why)
{
	char	msg[160];
	size_t	i, len;

	if (r->up == up)
		return;
	r->up = up;
	if (up) {
		kore_log(LOG_NOTICE, "replica %s takes public reads "
		    "(%.1f s behind)", r->label, r->lag);
		return;
	}
	(void)snprintf(msg, sizeof(msg), "%s", why != NULL && *why != '\0' ?
	    why : "no answer");
	for (i = 0; msg[i] != '\0'; i++)
		if (msg[i] == '\n' || msg[i] == '\t')
			msg[i] = ' ';
	len = strlen(msg);
	while (len > 0 && msg[len - 1] == ' ')
		msg[--len] = '\0';
	kore_log(LOG_NOTICE, "replica %s skipped: %s; its reads go to "
	    "another replica or the primary", r->label, msg);
}

/* Close the check's connection (why may be its error message). */
static void
replica_drop(struct replica *r, const char *why)
{
	replica_state(r, 0, why);
	if (r->conn != NULL)
		PQfinish(r->conn);
	r->conn = NULL;
	r->st = CHECK_NONE;
	r->busy = 0;
	r->wait = CHECK_TICKS;
}

static void
replica_tick(void *arg, u_int64_t now)
{
	int	i;

	(void)arg;
	(void)now;
	for (i = 0; i < nreplicas; i++)
		replica_step(&replicas[i]);
}

/*
 * One step of replica r's check: connect (a step a tick, never waiting),
 * send the lag query, read its answer, judge.
 */
static void
replica_step(struct replica *r)
{
	PGresult		*res;
	PostgresPollingStatusType st;
	char			 msg[64];
	double			 lag;
	u_int64_t		 now;

	switch (r->st) {
	case CHECK_NONE:
		if (r->wait > 0 && --r->wait > 0)
			return;
		r->conn = PQconnectStart(r->info);
		if (r->conn == NULL || PQstatus(r->conn) == CONNECTION_BAD) {
			replica_drop(r, r->conn ? PQerrorMessage(r->conn) :
			    "out of memory");
			return;
		}
		r->st = CHECK_CONNECTING;
		r->busy = 0;
		return;
	case CHECK_CONNECTING:
		if (++r->busy > STUCK_TICKS) {
			replica_drop(r, "the health check could not connect");
			return;
		}
		st = PQconnectPoll(r->conn);
		if (st == PGRES_POLLING_FAILED) {
			replica_drop(r, PQerrorMessage(r->conn));
			return;
		}
		if (st != PGRES_POLLING_OK)
			return;
		(void)PQsetnonblocking(r->conn, 1);
		r->st = CHECK_READY;
		r->wait = 0;
		/* FALLTHROUGH */
	case CHECK_READY:
		if (r->wait > 0 && --r->wait > 0)
			return;
		if (!PQsendQuery(r->conn, sql_lag)) {
			replica_drop(r, PQerrorMessage(r->conn));
			return;
		}
		(void)PQflush(r->conn);
		r->st = CHECK_QUERY;
		r->busy = 0;
		return;
	case CHECK_QUERY:
		break;
	}
	if (++r->busy > STUCK_TICKS) {
		replica_drop(r, "the health check got no answer");
		return;
	}
	if (!PQconsumeInput(r->conn)) {
		replica_drop(r, PQerrorMessage(r->conn));
		return;
	}
	if (PQisBusy(r->conn))
		return;
	lag = -1;
	while ((res = PQgetResult(r->conn)) != NULL) {
		if (PQresultStatus(res) == PGRES_TUPLES_OK &&
		    PQntuples(res) == 1)
			lag = strtod(PQgetvalue(res, 0, 0), NULL);
		PQclear(res);
	}
	if (lag < 0) {
		replica_drop(r, PQerrorMessage(r->conn));
		return;
	}
	/*
	 * Behind by WAL it has received but not replayed: no older than the
	 * last check that found it caught up, whatever the age of the last
	 * transaction it replayed (an idle primary's last commit can be
	 * hours old when the next one arrives).
	 */
	now = kore_time_ms();
	if (lag == 0)
		r->caught = now;
	else if (r->caught != 0 && (now - r->caught) / 1000.0 < lag)
		lag = (now - r->caught) / 1000.0;
	r->lag = lag;
	r->st = CHECK_READY;
	r->wait = CHECK_TICKS;
	if (lag > max_lag) {
		(void)snprintf(msg, sizeof(msg), "%.0f s behind the primary "
		    "(FJ_MAX_LAG %.0f)", lag, max_lag);
		replica_state(r, 0, msg);
	} else {
		replica_state(r, 1, NULL);
	}
}
