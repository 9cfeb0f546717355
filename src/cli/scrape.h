/*
 * The partner feed pipeline of bin/fashionjobs.  An item flows one way:
 * fetch.c gets the bytes (libcurl) and pushes them into the parser
 * (src/core/feed*.c), which cleans each item and hands it to stage.c,
 * which normalises it and COPYs it into the staging table; import.c makes
 * the staged items postings, in the same transaction.  scrape.c runs that
 * for one leased partner at a time and records the run.
 *
 * Functions return 0 on success and -1 on failure, with the reason in
 * the err buffer they are given or on the connection, unless their
 * comment says otherwise.
 */
#ifndef FJ_SCRAPE_H
#define FJ_SCRAPE_H

#include <stddef.h>

#include <curl/curl.h>
#include <jansson.h>
#include <libpq-fe.h>

#include "core.h"
#include "feed.h"

/* Bytes a cleaned field may have (feed_opts.max_field). */
#define FIELD_MAX	8192
/* Rejected items a run records with their reasons, at most. */
#define REJECTS_MAX	100

/* A partner as leased for a run (scrape.c); partner_free(). */
struct partner {
	PGresult	*row;		/* the claim's; the strings are in it */
	const char	*id, *name, *url, *format, *map, *etag, *last_modified;
	long		 close_after;
	size_t		 max_bytes;
};

void	 partner_free(struct partner *);

/* fetch.c */
/* One fetch; its body goes to fs as it arrives. */
struct fetch {
	CURL			*curl;
	struct feed_stream	*fs;
	const int		*stop;		/* the importer failed */
	size_t			 bytes;
	size_t			 max;
	int			 too_big;
	int			 started;	/* first body byte seen */
	int			 parsing;	/* the body is a feed */
	long			 status;
	char			 etag[256];
	char			 last_modified[128];
};

/*
 * 0 when the whole body was received and pushed to f->fs (or on a 304);
 * -1 with the reason in err.
 */
int	 fetch_feed(const struct partner *, struct fetch *, char *err,
	    size_t errlen);

/* stage.c: one run's staging table and the items COPYed into it. */
struct stage {
	PGconn		*conn;
	struct sbuf	 copy;
	struct sbuf	 words;		/* the description's tsvector */
	int		 words_ok;	/* the database reads words as tsv.c */
	struct srcmap	 known;		/* the partner's sources as stored */
	struct srcmap	 fresh;		/* ids of the other items, up to FRESH_MAX */
	json_t		*rejects;
	const char	*error;		/* why the import failed, if not SQL */
	long		 seen, rejected;
	int		 tty;
	int		 copy_failed;
	int		 twice;		/* an id may be listed twice */
	long		 full;		/* items sent whole */
	long		 staged;	/* rows in stage */
};

/* An empty stage on conn; stage_free() it. */
void	 stage_init(struct stage *, PGconn *);
/*
 * Open the import's transaction, the staging table and the COPY into it,
 * with the partner's stored sources read into known.
 */
int	 stage_begin(struct stage *, const char *partner);
/* The parser's callbacks (feed_opts.known and feed_item_cb); arg: stage. */
int	 stage_known(const struct feed_item *, void *);
int	 stage_item(const struct feed_item *, void *);
/* The last rows and the end of the COPY. */
int	 stage_end(struct stage *);
/*
 * End the import's transaction with nothing kept: a COPY still open is
 * failed first (a ROLLBACK sent inside it would be taken as data).
 */
void	 stage_abort(PGconn *, const char *why);
void	 stage_free(struct stage *);

/* import.c: staged items into postings (counts: new, updated, unchanged,
 * closed). */
int	 import_staged(struct stage *, const struct partner *, int complete,
	    long *counts);
/*
 * The resolve step's SQL, shared by the import and seed.c: each distinct
 * contract label of table t read by the lexicon (lk), the lexicon's
 * schedule keys (sched) and each distinct title's key (tk, MATERIALIZED:
 * inlined, the planner computed the key once per lexicon entry, 17 times
 * per item), as CTEs; RESOLVE_SCHEDULE is the schedule they give: the
 * label's, else the first one the title names ("Part Time 32h").
 */
#define RESOLVE_LK(t)							\
    " lk AS (SELECT l.contract_raw, k.contract, k.schedule FROM"	\
    "  (SELECT DISTINCT contract_raw FROM " t ") l,"			\
    "  LATERAL fj_contract(l.contract_raw) k),"
#define RESOLVE_SCHED							\
    " sched AS MATERIALIZED (SELECT ' ' || x.key || ' ' AS k, x.priority," \
    "  x.code FROM contract_lexicon x JOIN contract_type t USING (code)" \
    "  WHERE t.axis = 'schedule'),"
#define RESOLVE_TK(t)							\
    " tk AS MATERIALIZED (SELECT d.title,"				\
    "  ' ' || fj_key(d.title) || ' ' AS tkey"				\
    "  FROM (SELECT DISTINCT title FROM " t ") d)"
#define RESOLVE_SCHEDULE						\
    " CASE WHEN lk.schedule <> 'unknown' THEN lk.schedule"		\
    "  ELSE coalesce((SELECT sc.code FROM sched sc WHERE"		\
    "  strpos(tk.tkey, sc.k) > 0 ORDER BY sc.priority LIMIT 1), 'unknown')" \
    "  END"

/* A 304: the last snapshot seen again, in its own transaction. */
int	 import_same(PGconn *, const struct partner *, long *counts);

/*
 * expire.c: published postings past their expiry date, expired; returns
 * how many, or -1.
 */
int	 expire_run(PGconn *);

#endif
