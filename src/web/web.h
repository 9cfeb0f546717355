/*
 * The Kore module's internal header: request helpers, the async
 * query runner and the page renderer shared by every handler file.
 *
 * Return conventions of this layer.  Handlers, done callbacks and every
 * helper that may answer the request itself return KORE_RESULT_OK, or
 * KORE_RESULT_ERROR when it has answered (an error page or problem
 * document: the caller stops), or KORE_RESULT_RETRY for Kore to call the
 * handler again.  Kore-free computations return 0 or -1; predicates
 * (web_accepts_gzip, web_etag_matches, api_refused) 1 or 0; results with
 * more outcomes are enums (enum cache_state, enum dbq_state).  Bad input
 * is answered, never fatal(): fatal() marks only a programming error
 * (a fixed-size table overrun) or a start-up that cannot go on.
 */
#ifndef FJ_WEB_H
#define FJ_WEB_H

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>

#include <jansson.h>

#include "core.h"
#include "filter.h"

#define DBQ_PARAMS_MAX		16
#define QS_ARGS_MAX		32
#define PAGE_SIZE		20

/*
 * One request's database work: a single parameterised statement whose
 * result is one JSON value (PostgreSQL builds the model), run on Kore's
 * async pgsql layer.  Hangs off req->hdlr_extra; freed by dbq_onfree.
 */
struct dbq {
	struct kore_pgsql	 sql;
	const char		*query;
	int			 nparams;
	char			*params[DBQ_PARAMS_MAX];
	json_t			*result;	/* NULL: no row or SQL NULL */
	int			 failed;
	int			 resent;	/* times sent again after a lost connection */
	int			 again;		/* dbq_again() from done */
	int			(*done)(struct http_request *, struct dbq *);
	json_t			*ctx;		/* handler data, decref'd */
	/*
	 * Set by the handler for statements that return rows rather than
	 * one JSON value: called with each result instead of parsing it
	 * (-1 sets failed), typically writing into body.
	 */
	int			(*rows)(struct http_request *, struct dbq *);
	struct sbuf		 body;		/* freed with the request; the
						   second column, if any */
	/*
	 * Where the statement runs: a replica (replica.c's index) for a
	 * public read, -1 the primary; primary set forces the primary.
	 */
	int			 replica;
	int			 primary;
	/* dbq_gate(): the statement held back while the gate runs. */
	struct dbq_held		*held;
};

/*
 * filters.c: the search filters every listing shares (search page,
 * facets, API, feeds); their names, limits and SQL are in filter.h, the
 * job alert worker's too.
 */
const char	*web_lang_label(const char *);
const char	*filters_read(const struct qs *, const char *[FILTER__MAX],
		    enum filter, const char **);
void		 filters_param(struct dbq *, const char *const [FILTER__MAX]);
const char	*web_km(const char **);
void		 filters_save(json_t *, const char *const [FILTER__MAX]);
void		 filters_load(const json_t *, const char *[FILTER__MAX]);
void		 filters_qs(struct sbuf *, const char *const [FILTER__MAX],
		    char *);
/* "q=...&city=...&" for the filters a feed_query() ctx holds. */
void		 feed_filters(struct sbuf *, const json_t *);

/*
 * The city names a city field suggests (a <datalist>, no script): the
 * board's known cities, biggest first.  The recruiter's posting form and
 * the seekers' search form (home, search, company and city pages).
 */
#define CITY_SUGGESTIONS						\
    " (SELECT json_agg(name ORDER BY population_rank NULLS LAST, name)"	\
    "  FROM city WHERE known)"

/* api.c: the /feed.json statement, shared by the XML feeds. */
struct dbq	*feed_query(struct http_request *,
		    int (*)(struct http_request *, struct dbq *));
int		 api_refused(struct http_request *, struct dbq *);

/* jobs.c */
extern const char *const jobs_sql_search;
void	jobs_search_limits(const char **, const char **);

/* views.c */
void		 views_count(long long);

/* share.c */
json_t		*share_links(const char *url, const char *title);
void		 share_card(json_t *og, json_t *job);
void		 share_board_og(json_t *model, const char *url);

/* output.c */
void		 web_send(struct http_request *, int status, const char *ctype,
		    const void *body, size_t len, time_t modified);
void		 web_problem(struct http_request *, int status,
		    const char *param, const char *detail);
int		 web_accepts_gzip(struct http_request *);
int		 web_etag_matches(const char *if_none_match, const char *tag);

/* module.c */
const char	*web_base_url(void);
int		 web_asset(struct http_request *, const char *name,
		    const char *ctype);
int		 fj_init(int);
const struct tmpl_set *web_templates(void);
const char	*web_lang(struct http_request *);
/* The interface language a path names ("/it/..."), NULL for the root. */
const char	*web_path_lang(const char *);
/* req->path without its language prefix. */
const char	*web_path(struct http_request *);
#define LANG_COOKIE	"fj_lang"

/* cache.c: cache_send() answers one of these. */
enum cache_state {
	CACHE_MISS,		/* make the page */
	CACHE_SENT,		/* answered from the cache */
	CACHE_WAIT		/* return KORE_RESULT_RETRY: woken later */
};
enum cache_state cache_send(struct http_request *);
void		 cache_put(struct http_request *, int, const struct sbuf *);
void		 cache_done(struct http_request *);

/* dbq.c */
struct dbq	*dbq_new(struct http_request *, const char *,
		    int (*)(struct http_request *, struct dbq *));
void		 dbq_param(struct dbq *, const char *);
void		 dbq_again(struct http_request *, const char *,
		    int (*)(struct http_request *, struct dbq *));
int		 dbq_run(struct http_request *);
void		 dbq_gate(struct dbq *, const char *, int, const char **,
		    int (*)(struct http_request *, struct dbq *));
/* What dbq_send() and dbq_read() report. */
enum dbq_state {
	DBQ_SENT,		/* the query is on its way */
	DBQ_RETRY,		/* nothing yet: Kore wakes the request */
	DBQ_FAILED,		/* it could not be sent */
	DBQ_MORE,		/* a result step was read: read on */
	DBQ_DONE		/* the end (failed set when it failed) */
};
enum dbq_state	 dbq_send(struct kore_pgsql *, const char *, int, char **);
enum dbq_state	 dbq_send_on(struct kore_pgsql *, const char *, const char *,
		    int, char **);
void		 dbq_cleanup(struct kore_pgsql *);
int		 dbq_lost(struct http_request *, struct kore_pgsql *);
/*
 * A statement meets at most this many lost connections before it answers
 * 503: after a restart every pooled one is dead (pgsql_conn_max, 8, in
 * conf/fashionjobs.conf), and each one met is dropped.
 */
#define DBQ_RESEND_MAX	9
void		 dbq_init(void);
enum dbq_state	 dbq_read(struct kore_pgsql *, json_t **, int *);

/* replica.c: public reads on the replicas of FJ_READ_URL. */
void		 replica_init(void);
int		 replica_pick(struct http_request *);
const char	*replica_db(int);
void		 replica_failed(int, const char *);

/* render.c */
void		 web_headers(struct http_request *, const char *ctype);
int		 web_render(struct http_request *, const char *tmpl,
		    json_t *model, struct sbuf *);
void		 web_html(struct http_request *, int status, const char *tmpl,
		    json_t *model);
int		 web_mail(struct http_request *, const char *tmpl,
		    json_t *model, char **subject, char **body);
/* "/it" for a reader of Italian, "" in English: the prefix of links. */
const char	*web_lang_prefix(struct http_request *);
/* "/it" on a page of /it/, "" at the root. */
const char	*web_path_prefix(struct http_request *);
void		 web_db_down(struct http_request *);
/* The "notice" of a page told ?done=code: the message of code in list. */
struct web_notice {
	const char	*code;
	const char	*message;	/* N_(): web_render translates it */
};
void		 web_notice(json_t *model, const struct web_notice *, size_t,
		    const char *code);
/*
 * A posting's id from a path under /jobs/ (1 to 18 digits) into id (24
 * bytes); what follows it, or NULL for a path with no id.
 */
const char	*web_job_id(struct http_request *, char *);
void		 web_error(struct http_request *, int status,
		    const char *message);
void		 web_redirect(struct http_request *, int status,
		    const char *location);
int		 web_query(struct http_request *, struct qs *);
int		 page_not_found(struct http_request *);

#endif
