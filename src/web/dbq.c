/*
 * The async query runner: every page is one parameterised statement that
 * returns one JSON document, so a page costs one round trip and the model
 * handed to the templates is built by PostgreSQL.
 */

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>

#include "web.h"

static int	dbq_state_setup(struct http_request *);
static int	dbq_state_wait(struct http_request *);
static int	dbq_state_done(struct http_request *);
static void	dbq_onfree(struct http_request *);

static struct http_state	dbq_states[] = {
	KORE_HTTP_STATE(dbq_state_setup),
	KORE_HTTP_STATE(dbq_state_wait),
	KORE_HTTP_STATE(dbq_state_done),
};

/* Indexes into dbq_states, in its order. */
enum {
	DBQ_STATE_SETUP,
	DBQ_STATE_WAIT,
	DBQ_STATE_DONE
};

/* The request owns the returned state; it is freed with the request. */
struct dbq *
dbq_new(struct http_request *req, const char *query,
    int (*done)(struct http_request *, struct dbq *))
{
	struct dbq	*q;

	q = http_state_create(req, sizeof(*q), dbq_onfree);
	kore_pgsql_init(&q->sql);
	kore_pgsql_bind_request(&q->sql, req);
	q->query = query;
	q->done = done;
	sbuf_init(&q->body);
	return (q);
}

/* A NULL value is sent as SQL NULL. */
void
dbq_param(struct dbq *q, const char *value)
{
	if (q->nparams == DBQ_PARAMS_MAX)
		fatal("dbq_param: too many parameters");
	q->params[q->nparams++] = value ? kore_strdup(value) : NULL;
}

/*
 * From a done callback: the request's next statement, with the same ctx
 * (the result and the parameters are dropped; add new ones with
 * dbq_param).  The callback then returns KORE_RESULT_OK and the state
 * machine sends the statement instead of completing.
 */
void
dbq_again(struct http_request *req, const char *query,
    int (*done)(struct http_request *, struct dbq *))
{
	struct dbq	*q = http_state_get(req);
	int		 i;

	for (i = 0; i < q->nparams; i++)
		kore_free(q->params[i]);
	q->nparams = 0;
	json_decref(q->result);
	q->result = NULL;
	q->failed = q->resent = 0;
	kore_pgsql_init(&q->sql);
	kore_pgsql_bind_request(&q->sql, req);
	q->query = query;
	q->done = done;
	q->again = 1;
	req->fsm_state = DBQ_STATE_SETUP;
}

/*
 * A statement that failed because its connection was lost: the
 * connection is dropped and sql made ready to send again (1), or 0.
 * Used by dbq and by session.c's flows.
 */
int
dbq_lost(struct http_request *req, struct kore_pgsql *sql)
{
	if (sql->state != KORE_PGSQL_STATE_ERROR || (sql->conn != NULL &&
	    PQstatus(sql->conn->db) != CONNECTION_BAD))
		return (0);
	kore_log(LOG_NOTICE, "pgsql: connection lost, sending again");
	dbq_cleanup(sql);
	kore_pgsql_init(sql);
	kore_pgsql_bind_request(sql, req);
	return (1);
}

int
dbq_run(struct http_request *req)
{
	return (http_state_run(dbq_states,
	    sizeof(dbq_states) / sizeof(dbq_states[0]), req));
}

#define KICK_MS		5000	/* kick waiting requests this long */
#define KICK_EVERY	200	/* ms between two kicks */
#define KICK_BURST	16	/* requests woken a kick, at most */

static void	dbq_kick(void *, u_int64_t);

static u_int64_t	kick_until;

/*
 * kore_pgsql_cleanup(), safe after the server went away.  Kore 4.1 gives
 * a query's connection back to its pool with
 * kore_platform_disable_read(PQsocket(db)); once libpq has seen the
 * connection drop, PQsocket() is -1, epoll_ctl() fails with EBADF and
 * Kore kills the worker ("kore_platform_disable_read: Bad file
 * descriptor").  A dead connection that did get back to the pool (its
 * query failed before it was scheduled) stayed there: every later query
 * on it failed with "no connection to the server", and with both of a
 * worker's connections so the worker answered 503 for good.  So a
 * connection whose status is bad is handed to kore_pgsql_handle(conn, 1),
 * Kore's own path for a connection in error: it wakes the request, frees
 * the connection without touching epoll (the kernel dropped the closed
 * socket from it already) and lets the pool open a new one.
 */
void
dbq_cleanup(struct kore_pgsql *sql)
{
	if (sql->conn != NULL && sql->conn->db != NULL &&
	    PQstatus(sql->conn->db) == CONNECTION_BAD) {
		kore_log(LOG_NOTICE, "pgsql: dropping a lost connection");
		kore_pgsql_handle(sql->conn, 1);
		/* Freed; only an ASYNC query's pgsql was told so. */
		sql->conn = NULL;
		kick_until = kore_time_ms() + KICK_MS;
	}
	kore_pgsql_cleanup(sql);
}

/*
 * Kore wakes a request waiting for a pooled connection only when another
 * request gives one back.  A connection dropped above (or one that could
 * not be opened) is never given back, so with the database away the
 * waiting requests slept for good: the clients hung.  For KICK_MS after
 * such a failure, every KICK_EVERY ms this takes a connection and gives
 * it straight back, up to KICK_BURST times, each return waking one
 * waiting request; it stops at the first connection it cannot have.
 */
static void
dbq_kick(void *arg, u_int64_t now)
{
	struct kore_pgsql	 tmp;
	int			 i;

	(void)arg;
	if (now > kick_until)
		return;
	for (i = 0; i < KICK_BURST; i++) {
		kore_pgsql_init(&tmp);
		if (!kore_pgsql_setup(&tmp, "db", KORE_PGSQL_SYNC)) {
			kore_pgsql_cleanup(&tmp);
			break;
		}
		dbq_cleanup(&tmp);
	}
}

/* In each worker, from the module's init. */
void
dbq_init(void)
{
	(void)kore_timer_add(dbq_kick, KICK_EVERY, NULL, 0);
}

/*
 * Send query on sql, a pgsql bound to the request.  DBQ_SENT, DBQ_RETRY
 * when no connection is free (Kore wakes the request), DBQ_FAILED
 * (logged).  Shared with session.c's flows.
 */
enum dbq_state
dbq_send(struct kore_pgsql *sql, const char *query, int nparams,
    char **params)
{
	if (!kore_pgsql_setup(sql, "db", KORE_PGSQL_ASYNC)) {
		if (sql->state == KORE_PGSQL_STATE_INIT)
			return (DBQ_RETRY);
		kick_until = kore_time_ms() + KICK_MS;
		kore_pgsql_logerror(sql);
		return (DBQ_FAILED);
	}
	if (!kore_pgsql_query_param_fields(sql, query, 0, nparams,
	    (const char **)params, NULL, NULL)) {
		kore_pgsql_logerror(sql);
		return (DBQ_FAILED);
	}
	return (DBQ_SENT);
}

/*
 * One step of reading the answer: the first column of the first row is
 * parsed into *result (a bad JSON sets *failed).  DBQ_RETRY while the
 * server works, DBQ_MORE after a step, DBQ_DONE at the end (*failed set
 * on an error).
 */
enum dbq_state
dbq_read(struct kore_pgsql *sql, json_t **result, int *failed)
{
	json_error_t	err;

	switch (sql->state) {
	case KORE_PGSQL_STATE_WAIT:
		return (DBQ_RETRY);
	case KORE_PGSQL_STATE_COMPLETE:
		return (DBQ_DONE);
	case KORE_PGSQL_STATE_ERROR:
		kore_pgsql_logerror(sql);
		*failed = 1;
		return (DBQ_DONE);
	case KORE_PGSQL_STATE_RESULT:
		if (*result == NULL && kore_pgsql_ntuples(sql) > 0 &&
		    !PQgetisnull(sql->result, 0, 0)) {
			*result = json_loads(kore_pgsql_getvalue(sql, 0, 0),
			    JSON_DECODE_ANY, &err);
			if (*result == NULL) {
				kore_log(LOG_ERR, "dbq: bad JSON: %s",
				    err.text);
				*failed = 1;
			}
		}
		kore_pgsql_continue(sql);
		return (DBQ_MORE);
	default:
		kore_pgsql_continue(sql);
		return (DBQ_MORE);
	}
}

static int
dbq_state_setup(struct http_request *req)
{
	struct dbq	*q = http_state_get(req);

	switch (dbq_send(&q->sql, q->query, q->nparams, q->params)) {
	case DBQ_RETRY:
		return (HTTP_STATE_RETRY);
	case DBQ_FAILED:
		q->failed = 1;
		req->fsm_state = DBQ_STATE_DONE;
		break;
	default:
		req->fsm_state = DBQ_STATE_WAIT;
		break;
	}
	return (HTTP_STATE_CONTINUE);
}

static int
dbq_state_wait(struct http_request *req)
{
	struct dbq	*q = http_state_get(req);

	if (q->rows != NULL && q->sql.state == KORE_PGSQL_STATE_RESULT) {
		if (q->rows(req, q) == -1)
			q->failed = 1;
		kore_pgsql_continue(&q->sql);
		return (HTTP_STATE_CONTINUE);
	}
	/*
	 * A pooled connection left idle while the database restarted is
	 * found dead only by the query sent on it: that query never ran, so
	 * it is sent once more, on a new connection, rather than answering
	 * 503 for a database that is back.  (One that died while a statement
	 * ran is sent again too: each statement is its own transaction, and
	 * the writes that must not repeat carry a unique form token.)
	 */
	if (q->resent < DBQ_RESEND_MAX && q->rows == NULL &&
	    q->result == NULL && dbq_lost(req, &q->sql)) {
		q->resent++;
		req->fsm_state = DBQ_STATE_SETUP;
		return (HTTP_STATE_CONTINUE);
	}
	/*
	 * A second column is text the handler sends as it is (JSON the
	 * database spliced from stored parts): kept in body, not parsed.
	 */
	if (q->sql.state == KORE_PGSQL_STATE_RESULT &&
	    PQnfields(q->sql.result) > 1 && kore_pgsql_ntuples(&q->sql) > 0 &&
	    !PQgetisnull(q->sql.result, 0, 1)) {
		sbuf_reset(&q->body);
		sbuf_append(&q->body, PQgetvalue(q->sql.result, 0, 1),
		    (size_t)PQgetlength(q->sql.result, 0, 1));
	}
	switch (dbq_read(&q->sql, &q->result, &q->failed)) {
	case DBQ_RETRY:
		return (HTTP_STATE_RETRY);
	case DBQ_DONE:
		req->fsm_state = DBQ_STATE_DONE;
		break;
	default:
		break;
	}
	return (HTTP_STATE_CONTINUE);
}

static int
dbq_state_done(struct http_request *req)
{
	struct dbq	*q = http_state_get(req);

	/* Give the connection back before rendering. */
	dbq_cleanup(&q->sql);
	q->again = 0;
	if (q->done(req, q) != KORE_RESULT_OK)
		return (HTTP_STATE_ERROR);
	return (q->again ? HTTP_STATE_CONTINUE : HTTP_STATE_COMPLETE);
}

static void
dbq_onfree(struct http_request *req)
{
	struct dbq	*q = http_state_get(req);
	int		 i;

	if (q == NULL)
		return;
	/* A page refresh whose client went away is given up at once. */
	cache_done(req);
	dbq_cleanup(&q->sql);
	for (i = 0; i < q->nparams; i++)
		kore_free(q->params[i]);
	json_decref(q->result);
	json_decref(q->ctx);
	sbuf_free(&q->body);
}
