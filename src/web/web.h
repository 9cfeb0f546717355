/*
 * The Kore module's internal header: request helpers, the async
 * query runner and the page renderer shared by every handler file.
 */
#ifndef FJ_WEB_H
#define FJ_WEB_H

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>

#include <jansson.h>

#include "core.h"

#define DBQ_PARAMS_MAX		16
#define QS_ARGS_MAX		32
#define PAGE_SIZE		20

/*
 * SQL: a published posting is open until its expiry instant
 * (fj_expired(), migrations/0043, is the one boundary).  The expiry job
 * flips the status within a minute; until it does, listings must agree
 * with the posting page, which answers 410 from the date alone.
 */
#define OPEN(t)	"NOT fj_expired(" t ".expires_at)"

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
	struct sbuf		 body;		/* freed with the request */
};

/* filters.c: the search filters every listing shares. */
enum {
	FILTER_Q,
	FILTER_CITY,
	FILTER_CONTRACT,
	FILTER_COMPANY,
	FILTER_LANG,
	FILTER_KM,
	FILTER__MAX
};
#define FILTER_Q_MAX	200
#define FILTER_MAX	100
extern const char *const web_filter_names[FILTER__MAX];
extern const char *const web_contracts[];
extern const char *const web_langs[];
int		 web_in(const char *, const char *const *);
const char	*filters_read(const struct qs *, const char *[FILTER__MAX],
		    const char **);
#define WEB_KM_MAX		200
#define WEB_KM_NEEDS_CITY	"A distance (km) needs a city to measure from."
const char	*web_km(const char **);

/* api.c: the /feed.json statement, shared by the XML feeds. */
struct dbq	*feed_query(struct http_request *,
		    int (*)(struct http_request *, struct dbq *));
void		 feed_filters(struct sbuf *, const json_t *);
int		 api_refused(struct http_request *, struct dbq *);

/* jobs.c */
extern const char *const jobs_sql_search;
void	jobs_search_limits(const char **, const char **);

/* views.c */
void		 views_count(long long);

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

/* cache.c: cache_send() answers one of these. */
#define CACHE_MISS		0
#define CACHE_SENT		1
#define CACHE_WAIT		2
int		 cache_send(struct http_request *);
void		 cache_put(struct http_request *, int, const struct sbuf *);
void		 cache_done(struct http_request *);

/* dbq.c */
struct dbq	*dbq_new(struct http_request *, const char *,
		    int (*)(struct http_request *, struct dbq *));
void		 dbq_param(struct dbq *, const char *);
void		 dbq_again(struct http_request *, const char *,
		    int (*)(struct http_request *, struct dbq *));
int		 dbq_run(struct http_request *);
#define DBQ_SENT	0
#define DBQ_RETRY	1
#define DBQ_FAILED	2
#define DBQ_MORE	3
#define DBQ_DONE	4
int		 dbq_send(struct kore_pgsql *, const char *, int, char **);
void		 dbq_cleanup(struct kore_pgsql *);
int		 dbq_lost(struct http_request *, struct kore_pgsql *);
/*
 * A statement meets at most this many lost connections before it answers
 * 503: after a restart every pooled one is dead (pgsql_conn_max, 8, in
 * conf/fashionjobs.conf), and each one met is dropped.
 */
#define DBQ_RESEND_MAX	9
void		 dbq_init(void);
int		 dbq_read(struct kore_pgsql *, json_t **, int *);

/* render.c */
void		 web_headers(struct http_request *, const char *ctype);
int		 web_render(struct http_request *, const char *tmpl,
		    json_t *model, struct sbuf *);
void		 web_html(struct http_request *, int status, const char *tmpl,
		    json_t *model);
int		 web_mail(const char *tmpl, json_t *model, char **subject,
		    char **body);
void		 web_db_down(struct http_request *);
void		 web_error(struct http_request *, int status,
		    const char *message);
void		 web_redirect(struct http_request *, int status,
		    const char *location);
int		 web_query(struct http_request *, struct qs *);
int		 page_not_found(struct http_request *);

#endif
