/*
 * The search filters every listing shares (the search page and its
 * facets, the company and city pages, the API and feeds) and the job
 * alerts that replay a search: their names, limits and SQL, the one
 * definition of what a search matches.  The web module reads them from a
 * request (src/web/filters.c); the alert worker (src/cli/alerts.c) from
 * an alert's saved filters, by the same names.
 *
 * A statement takes the filters before FILTER_KM as $1 to $5, in this
 * order (filters_param() in the web module, the worker's own binding);
 * km, the distance from the city, is each statement's own parameter,
 * given to the FILTERS_* fragments below.  A statement that takes every
 * filter in this order (the alert worker's) has km as FILTER_KM_PARAM.
 */
#ifndef FJ_FILTER_H
#define FJ_FILTER_H

enum filter {
	FILTER_Q,
	FILTER_CITY,
	FILTER_CONTRACT,
	FILTER_COMPANY,
	FILTER_LANG,
	FILTER_KM,
	FILTER__MAX
};
#define FILTER_KM_PARAM		"$6"	/* "$" FILTER_KM + 1 */
#define WEB_KM_MAX		200
#define WEB_KM_NEEDS_CITY	"A distance (km) needs a city to measure from."
#define FILTER_Q_MAX	200
#define FILTER_MAX	100
extern const char *const web_filter_names[FILTER__MAX];

/*
 * SQL: a published posting is open until its expiry instant
 * (fj_expired(), migrations/0043, is the one boundary).  The expiry job
 * flips the status within a minute; until it does, listings must agree
 * with the posting page, which answers 410 from the date alone.
 */
#define OPEN(t)	"NOT fj_expired(" t ".expires_at)"

/*
 * SQL of the filters $1 to $5 and the distance km (the statement's
 * parameter for it, such as "$12"), the one definition every listing
 * uses.  FILTERS_P(km) is the CTEs that resolve them once: near, the
 * cities within km of the city's position with their distance
 * (fj_city_near, sql/gazetteer.sql, through the GiST index city_pos; the
 * city alone when km is 0 or NULL or the city has no position), and p
 * (tq the words, cid the city, cids near's cities, coid the company).
 * FILTERS(x, km) keeps the open postings of alias x that pass the city
 * (or near's cities), contract, company and language; FILTERS_BUT_CITY(x)
 * all but the city; WORDS(x) those that match the words (only where $1 is
 * given); ANY_WORDS(x) either.  km is known when the statement is
 * planned: without it the city is compared with = as before, so that
 * (city_id, posted_at) is read in order.
 */
#define NEAR(km)	"coalesce(" km "::int, 0) > 0"
#define FILTERS_P(km)							\
    "p0 AS MATERIALIZED (SELECT fj_city_id($2) AS cid,"			\
    "  CASE WHEN " NEAR(km) " THEN fj_city_center($2) END AS ctr),"	\
    " near AS MATERIALIZED (SELECT n.city_id, n.dist FROM p0,"		\
    "  fj_city_near(p0.ctr, " km "::int) n WHERE p0.ctr IS NOT NULL"	\
    "  UNION ALL SELECT p0.cid, 0 FROM p0 WHERE p0.ctr IS NULL"	\
    "  AND p0.cid IS NOT NULL),"					\
    " p AS MATERIALIZED (SELECT fj_tsquery($1) AS tq,"			\
    "  (SELECT cid FROM p0) AS cid, ARRAY(SELECT city_id FROM near) AS"	\
    "  cids, (SELECT id FROM company WHERE slug = $4) AS coid)"
#define FILTERS_BUT_CITY(x)						\
    " " x ".status = 'published' AND " OPEN(x)				\
    "  AND ($3::text IS NULL OR " x ".contract = $3)"			\
    "  AND ($4::text IS NULL OR " x ".company_id = (SELECT coid FROM p))" \
    "  AND ($5::text IS NULL OR " x ".lang = $5)"
#define FILTERS(x, km)	FILTERS_BUT_CITY(x)				\
    "  AND ($2::text IS NULL OR (NOT " NEAR(km) " AND " x ".city_id ="	\
    "  (SELECT cid FROM p)) OR (" NEAR(km) " AND " x ".city_id = ANY"	\
    "  ((SELECT cids FROM p)::int[])))"
#define WORDS(x)	" " x ".search @@ (SELECT tq FROM p)"
#define ANY_WORDS(x)	" ($1::text IS NULL OR" WORDS(x) ")"
/* What a search matches: the filters and the words, if any. */
#define MATCHES(x, km)	FILTERS(x, km) " AND" ANY_WORDS(x)

#endif
