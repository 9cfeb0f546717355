/*
 * Posting views for the recruiter's dashboard.  A view is counted in the
 * worker's memory and written in one statement every few seconds, not one
 * write per page: the posting page stays a read.  Counts of the last
 * interval are lost if a worker dies; views are not changes for the sync
 * API (the column is outside its trigger's list).
 */

#include <kore/kore.h>
#include <kore/pgsql.h>

#include "web.h"

#define VIEWS_SLOTS	1024
#define VIEWS_PROBE	16
#define VIEWS_FLUSH_MS	3000

static const char	sql_views[] =
    "UPDATE posting p SET views = p.views + v.n FROM"
    " unnest($1::bigint[], $2::bigint[]) AS v(id, n) WHERE p.id = v.id";

static struct {
	long long	id;		/* 0: free */
	long long	n;
} slots[VIEWS_SLOTS];

static size_t		 used;
static struct kore_timer *timer;
static struct kore_pgsql *flushing;	/* one write at a time */
static struct sbuf	 ids, counts;	/* the write's parameters */

static void	views_tick(void *, u_int64_t);
static void	views_send(void);
static void	views_state(struct kore_pgsql *, void *);
static void	views_end(struct kore_pgsql *);

/* Count one view of posting id. */
void
views_count(long long id)
{
	size_t	i, h;

	if (timer == NULL)
		timer = kore_timer_add(views_tick, VIEWS_FLUSH_MS, NULL, 0);
	for (i = 0; i < VIEWS_PROBE; i++) {
		h = ((unsigned long long)id * 2654435761ULL + i) % VIEWS_SLOTS;
		if (slots[h].id == id) {
			slots[h].n++;
			return;
		}
		if (slots[h].id == 0) {
			slots[h].id = id;
			slots[h].n = 1;
			used++;
			return;
		}
	}
	/* A crowded neighbourhood: this view waits for no one; drop it. */
}

static void
views_tick(void *arg, u_int64_t now)
{
	size_t	i;
	char	sep;

	if (used == 0 || flushing != NULL)
		return;
	sbuf_reset(&ids);
	sbuf_reset(&counts);
	sep = '{';
	for (i = 0; i < VIEWS_SLOTS; i++) {
		if (slots[i].id == 0)
			continue;
		sbuf_printf(&ids, "%c%lld", sep, slots[i].id);
		sbuf_printf(&counts, "%c%lld", sep, slots[i].n);
		sep = ',';
		slots[i].id = 0;
	}
	sbuf_putc(&ids, '}');
	sbuf_putc(&counts, '}');
	used = 0;
	flushing = kore_calloc(1, sizeof(*flushing));
	kore_pgsql_init(flushing);
	kore_pgsql_bind_callback(flushing, views_state, NULL);
	views_send();
}

/* Start the write, or wait for a free connection (views_state). */
static void
views_send(void)
{
	const char	*params[2] = { ids.data, counts.data };

	if (!kore_pgsql_setup(flushing, "db", KORE_PGSQL_ASYNC)) {
		if (flushing->state == KORE_PGSQL_STATE_INIT)
			return;
		kore_pgsql_logerror(flushing);
		views_end(flushing);
		return;
	}
	if (!kore_pgsql_query_param_fields(flushing, sql_views, 0, 2,
	    params, NULL, NULL)) {
		kore_pgsql_logerror(flushing);
		views_end(flushing);
	}
}

static void
views_state(struct kore_pgsql *sql, void *arg)
{
	switch (sql->state) {
	case KORE_PGSQL_STATE_INIT:
		views_send();
		break;
	case KORE_PGSQL_STATE_WAIT:
		break;
	case KORE_PGSQL_STATE_COMPLETE:
		views_end(sql);
		break;
	case KORE_PGSQL_STATE_ERROR:
		kore_pgsql_logerror(sql);
		views_end(sql);
		break;
	default:
		kore_pgsql_continue(sql);
		break;
	}
}

/*
 * Done, or failed (the counts are dropped).  Cleaning up a failed query
 * releases its connection, which calls views_state again with COMPLETE:
 * only the first call frees.
 */
static void
views_end(struct kore_pgsql *sql)
{
	if (sql != flushing)
		return;
	flushing = NULL;
	dbq_cleanup(sql);
	kore_free(sql);
}
