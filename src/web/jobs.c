/*
 * Browse and search: the home page, /jobs with its filters and facets,
 * and the company and city pages, which are searches with one filter
 * fixed.  Every page is one statement (see dbq.c) returning the model.
 */

#include <kore/kore.h>
#include <kore/http.h>

#include <ctype.h>
#include <limits.h>
#include <time.h>

#include "web.h"
#include "session.h"

#define PAGE_MAX	500
#define PAGES_AROUND	2	/* page numbers shown either side of the current */

int	page_home(struct http_request *);
int	page_jobs_search(struct http_request *);
int	page_company(struct http_request *);
int	page_city(struct http_request *);

/* The search, as the person gave it (validated): filters.c's filters. */
struct search {
	const char	*v[FILTER__MAX];
	const char	*sort;		/* NULL: relevance with words, else date */
	long		 page;
	const char	*base;		/* path the links point to */
	enum filter	 fixed;		/* filter given by the path, or FILTER__MAX */
	int		 approx;	/* counts estimated (sql_search) */
};

static const char *const sorts[] = { "relevance", "date", "distance" };

/*
 * The distances the search form offers, in km (layout.html); any other
 * from 0 to 200 works too.
 */
static const char *const form_kms[] = { "10", "30", "50", "100" };

/* Facet name in the model -> the filter it sets. */
static const struct {
	const char	*facet;
	enum filter	 filter;
} facets[] = {
	{ "city",	FILTER_CITY },
	{ "contract",	FILTER_CONTRACT },
	{ "company",	FILTER_COMPANY },
	{ "lang",	FILTER_LANG },
};

static const char	sql_home[] =
    "WITH c AS MATERIALIZED (SELECT city_id, n FROM"
    "  fj_facet_open(NULL, NULL, NULL, NULL, true, true))"
    "SELECT json_build_object("
    " 'total', (SELECT coalesce(sum(n), 0) FROM c),"
    " 'jobs', coalesce((SELECT json_agg(fj_card(p, $1)) FROM"
    "  (SELECT * FROM posting WHERE status = 'published'"
    "   AND " OPEN("posting") " ORDER BY posted_at DESC, id DESC LIMIT 20) p),"
    "  '[]'),"
    " 'cities', coalesce((SELECT json_agg(c) FROM"
    "  (SELECT c.slug, c.name, t.n FROM (SELECT city_id, sum(n) AS n"
    "   FROM c WHERE city_id IS NOT NULL GROUP BY 1 HAVING sum(n) > 0"
    "   ORDER BY 2 DESC, 1 LIMIT 12) t JOIN city c ON c.id = t.city_id"
    "   ORDER BY t.n DESC, c.name) c), '[]'),"
    " 'suggest'," CITY_SUGGESTIONS ")";

/*
 * $1 q, $2 city, $3 contract, $4 company slug, $5 lang, $6 sort,
 * $7 limit, $8 offset, $9 reader's language, $10 SEARCH_CAP, $11
 * SEARCH_WIDE (jobs_search_limits()), $12 km (0 or NULL: the city
 * alone).  Parameters are known when
 * the unnamed statement is planned, so "$n IS NULL OR ..." folds away and
 * the full-text and filter indexes are used.
 *
 * With words ($1), the matches m are ranked for the page and counted for
 * the total and facets, unless there are too many to do so quickly: a 1%
 * sample of the board (est, pages chosen the same way every time) tells
 * whether more than SEARCH_WIDE ($11) postings match.  If so, m is the
 * SEARCH_CAP ($10) newest matches only (read newest first, stopping there),
 * ranked among themselves, and when there are that many the total is the
 * sample's estimate and the facet counts are scaled to it ('approx').
 * Pages stop at SEARCH_CAP results anyway.  Only one of m_all and m_new
 * is ever read: the other's branch is gated on wide and never runs.
 *
 * Without words, nothing is ranked (newest first) and the counts come
 * from facet_count (migration 0038), a few rows per city, contract,
 * company and language instead of one per posting: the m branches fold
 * away.  Either way the counts c are summed once over grouping sets, one
 * per facet and () for the total.
 */
/* Nearest first (sort=distance), then best ranked or newest. */
#define ORDER(t)							\
    " CASE WHEN $6 = 'distance' THEN " t ".dist END,"			\
    " CASE WHEN $6 IN ('date', 'distance') THEN 0 ELSE " t ".rank END"	\
    " DESC, " t ".posted_at DESC, " t ".id DESC"

static const char	sql_search[] =
    "WITH " FILTERS_P("$12") ","
    " est AS MATERIALIZED (SELECT count(*) * 100 AS n"
    "  FROM posting s TABLESAMPLE SYSTEM (1) REPEATABLE (0)"
    "  WHERE $1::text IS NOT NULL AND" FILTERS("s", "$12") " AND"
    WORDS("s") "),"
    " w AS MATERIALIZED (SELECT n > $11::int AS wide FROM est),"
    " m_all AS MATERIALIZED (SELECT x.id, x.posted_at, x.city_id,"
    "  x.contract, x.company_id, x.lang, ts_rank(x.search,"
    "  (SELECT tq FROM p)) AS rank FROM posting x WHERE" FILTERS("x", "$12")
    "  AND" WORDS("x") "),"
    " m_new AS MATERIALIZED (SELECT f.* FROM p, fj_match_newest_cities("
    "  p.tq, p.cids, $3, p.coid, $5, $2::text IS NULL, $4::text IS NULL,"
    "  $10::int) f),"
    " m AS (SELECT * FROM m_all WHERE NOT (SELECT wide FROM w)"
    "  UNION ALL SELECT * FROM m_new WHERE (SELECT wide FROM w)),"
    " k AS MATERIALIZED (SELECT (SELECT wide FROM w) AND (SELECT count(*)"
    "  FROM m_new) >= $10::int AS approx, (SELECT n FROM est) AS n),"
    " pg AS ((SELECT t.* FROM (SELECT m.id, m.rank, m.posted_at,"
    "  nd.dist FROM m LEFT JOIN near nd ON nd.city_id = m.city_id"
    "  WHERE $1::text IS NOT NULL) t"
    "  ORDER BY" ORDER("t") " LIMIT $7::int OFFSET $8::int)"
    "  UNION ALL"
    "  (SELECT x.id, 0, x.posted_at, NULL::real FROM posting x"
    "  WHERE $1::text IS NULL AND NOT " NEAR("$12") " AND"
    FILTERS("x", "$12")
    "  ORDER BY x.posted_at DESC, x.id DESC LIMIT $7::int OFFSET $8::int)"
    /* Within km, without words: the page's first postings of each city. */
    "  UNION ALL"
    "  (SELECT t.* FROM (SELECT y.id, 0 AS rank, y.posted_at, nd.dist"
    "  FROM near nd, LATERAL (SELECT x.id, x.posted_at FROM posting x"
    "  WHERE x.city_id = nd.city_id AND" FILTERS_BUT_CITY("x")
    "  ORDER BY x.posted_at DESC, x.id DESC LIMIT $7::int + $8::int) y"
    "  WHERE $1::text IS NULL AND " NEAR("$12") ") t"
    "  ORDER BY" ORDER("t") " LIMIT $7::int OFFSET $8::int)),"
    " c AS (SELECT city_id, contract, company_id, lang, 1 AS n FROM m"
    "  WHERE $1::text IS NOT NULL"
    "  UNION ALL"
    "  SELECT f.city_id, f.contract, f.company_id, f.lang, f.n FROM p,"
    "  fj_facet_open_cities(p.cids, $3, p.coid, $5, $2::text IS NULL,"
    "  $4::text IS NULL) f WHERE $1::text IS NULL),"
    " g0 AS (SELECT city_id, contract, company_id, lang,"
    "  grouping(city_id, contract, company_id, lang) AS gs, sum(n) AS n"
    "  FROM c GROUP BY GROUPING SETS ((city_id), (contract), (company_id),"
    "  (lang), ())),"
    " g AS MATERIALIZED (SELECT g0.city_id, g0.contract, g0.company_id,"
    "  g0.lang, g0.gs, CASE WHEN k.approx THEN fj_about(CASE WHEN gs = 15"
    "  THEN greatest(k.n, g0.n) ELSE g0.n * greatest(k.n, $10::int)"
    "  / $10::numeric END) ELSE g0.n END AS n FROM g0, k)"
    "SELECT json_build_object("
    " 'total', coalesce((SELECT n FROM g WHERE gs = 15), 0),"
    " 'approx', (SELECT coalesce(approx, false) FROM k),"
    " 'suggest'," CITY_SUGGESTIONS ","
    " 'jobs', coalesce((SELECT json_agg(CASE WHEN " NEAR("$12") " AND"
    "  x.city_id <> (SELECT cid FROM p) THEN (fj_card(x, $9)::jsonb ||"
    "  jsonb_build_object('distance_km', round(pg.dist)::int))::json"
    "  ELSE fj_card(x, $9) END ORDER BY" ORDER("pg") ")"
    "  FROM pg JOIN posting x ON x.id = pg.id), '[]'),"
    " 'facets', json_build_object("
    "  'city', (SELECT json_agg(f) FROM (SELECT c.slug AS value,"
    "   c.name AS label, n AS count FROM (SELECT city_id, n"
    "   FROM g WHERE gs = 7 AND city_id IS NOT NULL AND n > 0"
    "   ORDER BY 2 DESC LIMIT 15) t JOIN city c ON c.id = t.city_id"
    "   ORDER BY n DESC, c.name) f),"
    "  'contract', (SELECT json_agg(f) FROM (SELECT g.contract AS value,"
    "   fj_label(g.contract, $9) AS label, n AS count FROM g"
    "   WHERE gs = 11 AND n > 0 ORDER BY 3 DESC, 1) f),"
    "  'company', (SELECT json_agg(f) FROM (SELECT co.slug AS value,"
    "   co.name AS label, n AS count FROM (SELECT company_id, n"
    "   FROM g WHERE gs = 13 AND n > 0 ORDER BY 2 DESC LIMIT 15) t"
    "   JOIN company co ON co.id = t.company_id ORDER BY n DESC, co.name) f),"
    "  'lang', (SELECT json_agg(f) FROM (SELECT g.lang AS value,"
    "   n AS count FROM g WHERE gs = 14 AND n > 0 ORDER BY 2 DESC, 1) f)),"
    /* The city, and the nearby ones within 30 km with open postings. */
    " 'city', (SELECT json_build_object('name', c.name, 'slug', c.slug,"
    "  'country', c.country, 'near', (SELECT json_agg(json_build_object("
    "  'name', c2.name, 'slug', c2.slug, 'count', t.n, 'km',"
    "  round(t.dist)::int) ORDER BY t.n DESC, c2.name) FROM (SELECT"
    "  f.city_id, sum(f.n) AS n, min(nb.dist) AS dist FROM"
    "  fj_city_near(c.pos, 30) nb, fj_facet_open_cities("
    "  ARRAY[nb.city_id], NULL, NULL, NULL, false, true) f"
    "  WHERE nb.city_id <> c.id GROUP BY 1"
    "  HAVING sum(f.n) > 0 ORDER BY 2 DESC LIMIT 8) t"
    "  JOIN city c2 ON c2.id = t.city_id))"
    "  FROM city c WHERE c.id = (SELECT cid FROM p)),"
    " 'company', (SELECT json_build_object('name', co.name, 'slug', co.slug,"
    "  'is_agency', co.is_agency, 'website', co.website,"
    "  'description', co.description) FROM company co"
    "  WHERE co.id = (SELECT coid FROM p)))";

/* The API's facets answer with this very statement (api.c). */
const char *const	jobs_sql_search = sql_search;

static int	 search_parse(struct http_request *, struct qs *,
		    struct search *);
static void	 search_bad(struct http_request *, struct search *,
		    const char *, const char *);
static int	 search_start(struct http_request *, struct search *);
static int	 search_done(struct http_request *, struct dbq *);
static int	 home_done(struct http_request *, struct dbq *);

static void	 search_href(struct sbuf *, const struct search *,
		    enum filter, const char *, long);
static json_t	*search_form(const struct search *);
static void	 facets_links(json_t *, const struct search *);
static json_t	*pages_links(const struct search *, json_int_t);
static json_t	*pages_numbers(const struct search *, long, struct sbuf *);
static json_t	*search_description(json_t *, const char *);
static json_t	*active_filters(const struct search *, json_t *);
static const char *path_tail(struct http_request *, const char *);
static void	 set_total(json_t *);

/*
 * A search whose words match more than SEARCH_WIDE postings ranks only the
 * SEARCH_CAP newest and estimates its counts (sql_search).  The cap is the
 * last result page's last result; FJ_SEARCH_CAP and FJ_SEARCH_WIDE change
 * both (the tests make them small to reach them on a small board).  Read
 * once per worker, as parameters $10 and $11.
 */
static char	search_cap_text[24], search_wide_text[24];

static long
search_cap(void)
{
	static long	cap = -1;
	const char	*v;
	long		 w;

	if (cap == -1) {
		v = getenv("FJ_SEARCH_CAP");
		cap = (v == NULL || *v == '\0') ? PAGE_MAX * PAGE_SIZE :
		    strtol(v, NULL, 10);
		if (cap < PAGE_SIZE || cap > PAGE_MAX * PAGE_SIZE)
			cap = PAGE_MAX * PAGE_SIZE;
		v = getenv("FJ_SEARCH_WIDE");
		w = (v == NULL || *v == '\0') ? 2 * cap : strtol(v, NULL, 10);
		if (w < cap)
			w = 2 * cap;
		(void)snprintf(search_cap_text, sizeof(search_cap_text), "%ld",
		    cap);
		(void)snprintf(search_wide_text, sizeof(search_wide_text),
		    "%ld", w);
	}
	return (cap);
}

void
jobs_search_limits(const char **cap, const char **wide)
{
	(void)search_cap();
	*cap = search_cap_text;
	*wide = search_wide_text;
}

/* "1 045" for the header, beside the raw number. */
static void
set_total(json_t *model)
{
	char	buf[32];

	fmt_count(buf, sizeof(buf),
	    json_integer_value(json_object_get(model, "total")));
	json_object_set_new(model, "total_text", json_string(buf));
}

/*
 * Validate the filters (filters_read()), the sort order and the page.
 * Empty values mean "no filter"; a value we cannot use answers 400 with
 * a message naming the parameter.
 */
static int
search_parse(struct http_request *req, struct qs *qs, struct search *s)
{
	const char	*v, *msg, *bad;
	char		*end;

	msg = filters_read(qs, s->v, s->fixed, &bad);
	if ((v = qs_get(qs, "sort")) != NULL && *v != '\0')
		s->sort = v;
	if (msg == NULL && (v = s->sort) != NULL) {
		bad = "sort";
		if (!one_of(v, sorts, sizeof(sorts) / sizeof(sorts[0])))
			msg = "Unknown sort order: use relevance, date or "
			    "distance.";
		else if (strcmp(v, "distance") == 0 && s->v[FILTER_KM] == NULL)
			msg = "sort=distance needs a city and a distance (km).";
	}
	s->page = 1;
	if (msg == NULL && (v = qs_get(qs, "page")) != NULL && *v != '\0') {
		bad = "page";
		errno = 0;
		s->page = strtol(v, &end, 10);
		if (errno != 0 || *end != '\0' || s->page < 1 ||
		    s->page > PAGE_MAX)
			msg = "The page number must be a whole number from 1 "
			    "to 500.";
	}
	if (msg != NULL) {
		search_bad(req, s, msg, bad);
		return (KORE_RESULT_ERROR);
	}
	return (KORE_RESULT_OK);
}

/*
 * A search we cannot run answers 400 with the search page itself: the
 * reader's values in the form (the header's words, city and distance,
 * the field in error marked and described by the message), the message,
 * and a link to the same search without the value in error.  bad names
 * the parameter: a filter, "sort" or "page".
 */
static void
search_bad(struct http_request *req, struct search *s, const char *msg,
    const char *bad)
{
	json_t		*model, *form;
	struct sbuf	 b;
	char		 key[24];
	int		 f;

	form = search_form(s);
	(void)snprintf(key, sizeof(key), "bad_%s", bad);
	json_object_set_new(form, key, json_true());
	for (f = 0; f < FILTER__MAX; f++)
		if (strcmp(bad, web_filter_names[f]) == 0)
			break;
	if (strcmp(bad, "sort") == 0)
		s->sort = NULL;
	sbuf_init(&b);
	search_href(&b, s, f, NULL, 0);
	model = json_pack("{s:o, s:s, s:s, s:s, s:s#, s:b, s:b, s:i, s:s,"
	    " s:[], s:{}}", "form", form, "title", "Check your search",
	    "error", msg, "error_field", bad, "retry", b.data, b.len,
	    "is_search", 1, "noindex", 1, "total", 0, "total_text", "0",
	    "jobs", "facets");
	sbuf_free(&b);
	web_html(req, HTTP_STATUS_BAD_REQUEST, "jobs.html", model);
}

/*
 * A link to this search with filter f set to v (NULL: removed) at page
 * (0: first), keeping every other filter and the sort order.
 */
static void
search_href(struct sbuf *b, const struct search *s, enum filter f,
    const char *v, long page)
{
	const char	*w[FILTER__MAX];
	char		 sep;

	memcpy(w, s->v, sizeof(w));
	if (f != FILTER__MAX)
		w[f] = v;
	/* Another city, or none: the distance was from this one. */
	if (f == FILTER_CITY)
		w[FILTER_KM] = NULL;
	if (s->fixed != FILTER__MAX)
		w[s->fixed] = NULL;
	sbuf_puts(b, s->base);
	sep = '?';
	filters_qs(b, w, &sep);
	/* No distance: no sort by it. */
	if (s->sort != NULL && (w[FILTER_KM] != NULL ||
	    strcmp(s->sort, "distance") != 0)) {
		sbuf_printf(b, "%csort=", sep);
		esc_url(b, s->sort);
		sep = '&';
	}
	if (page > 1)
		sbuf_printf(b, "%cpage=%ld", sep, page);
}

static json_t *
search_form(const struct search *s)
{
	json_t	*form;
	char	 key[16];

	form = json_object();
	filters_save(form, s->v);
	if (s->sort != NULL)
		json_object_set_new(form, "sort", json_string(s->sort));
	if (s->sort == NULL || strcmp(s->sort, "relevance") == 0)
		json_object_set_new(form, "sort_relevance", json_true());
	else if (strcmp(s->sort, "distance") == 0)
		json_object_set_new(form, "sort_distance", json_true());
	else
		json_object_set_new(form, "sort_date", json_true());
	/* The distance choice of the search form (layout.html): km_30. */
	if (s->v[FILTER_KM] != NULL && one_of(s->v[FILTER_KM], form_kms,
	    sizeof(form_kms) / sizeof(form_kms[0]))) {
		(void)snprintf(key, sizeof(key), "km_%s", s->v[FILTER_KM]);
		json_object_set_new(form, key, json_true());
	}
	return (form);
}

/* Give every facet value its link and mark the selected one. */
static void
facets_links(json_t *model, const struct search *s)
{
	json_t		*list, *item;
	struct sbuf	 b;
	const char	*value;
	size_t		 i, j;
	int		 on;

	sbuf_init(&b);
	for (i = 0; i < sizeof(facets) / sizeof(facets[0]); i++) {
		list = json_object_get(json_object_get(model, "facets"),
		    facets[i].facet);
		json_array_foreach(list, j, item) {
			value = json_string_value(json_object_get(item,
			    "value"));
			if (value == NULL)
				continue;
			if (facets[i].filter == FILTER_LANG)
				json_object_set_new(item, "label",
				    json_string(web_lang_label(value)));
			on = s->v[facets[i].filter] != NULL &&
			    strcmp(s->v[facets[i].filter], value) == 0;
			sbuf_reset(&b);
			search_href(&b, s, facets[i].filter,
			    on ? NULL : value, 0);
			json_object_set_new(item, "href",
			    json_stringn(b.data, b.len));
			json_object_set_new(item, "selected",
			    json_boolean(on));
		}
	}
	sbuf_free(&b);
}

static json_t *
pages_links(const struct search *s, json_int_t total)
{
	json_t		*pages;
	struct sbuf	 b;
	long		 last;

	pages = json_object();
	last = (long)((total + PAGE_SIZE - 1) / PAGE_SIZE);
	if (last > PAGE_MAX)
		last = PAGE_MAX;
	/* Estimated: only the newest search_cap() matches are there. */
	if (s->approx && last > search_cap() / PAGE_SIZE)
		last = search_cap() / PAGE_SIZE;
	json_object_set_new(pages, "current", json_integer(s->page));
	json_object_set_new(pages, "last", json_integer(last));
	sbuf_init(&b);
	if (s->page > 1) {
		search_href(&b, s, FILTER__MAX, NULL, s->page - 1);
		json_object_set_new(pages, "prev", json_stringn(b.data, b.len));
	}
	if (s->page < last) {
		sbuf_reset(&b);
		search_href(&b, s, FILTER__MAX, NULL, s->page + 1);
		json_object_set_new(pages, "next", json_stringn(b.data, b.len));
	}
	json_object_set_new(pages, "numbers", pages_numbers(s, last, &b));
	sbuf_free(&b);
	return (pages);
}

/*
 * The page numbers to show: the first, the last, and PAGES_AROUND on
 * either side of the current one, with a gap where numbers are left out.
 * b is scratch space.
 */
static json_t *
pages_numbers(const struct search *s, long last, struct sbuf *b)
{
	json_t		*list;
	long		 n;

	list = json_array();
	for (n = 1; n <= last; n++) {
		if (n != 1 && n != last && labs(n - s->page) > PAGES_AROUND) {
			json_array_append_new(list, json_pack("{s:b}",
			    "gap", 1));
			n = (n < s->page) ? s->page - PAGES_AROUND - 1 :
			    last - 1;
			continue;
		}
		sbuf_reset(b);
		search_href(b, s, FILTER__MAX, NULL, n);
		json_array_append_new(list, json_pack("{s:I, s:s#, s:b, s:b}",
		    "n", (json_int_t)n, "href", b->data, b->len,
		    "current", n == s->page, "last", n == last));
	}
	return (list);
}

/* The filters in force, each with a link that removes it. */
static json_t *
active_filters(const struct search *s, json_t *model)
{
	json_t		*list;
	struct sbuf	 b;
	const char	*label;
	char		 km[32];
	int		 i;

	list = json_array();
	sbuf_init(&b);
	for (i = FILTER_CITY; i <= FILTER_LANG; i++) {
		if (s->v[i] == NULL || i == (int)s->fixed)
			continue;
		label = s->v[i];
		if (i == FILTER_CITY && json_object_get(model, "city"))
			label = json_string_value(json_object_get(
			    json_object_get(model, "city"), "name"));
		if (i == FILTER_COMPANY && json_object_get(model, "company"))
			label = json_string_value(json_object_get(
			    json_object_get(model, "company"), "name"));
		if (i == FILTER_LANG)
			label = web_lang_label(s->v[i]);
		sbuf_reset(&b);
		search_href(&b, s, i, NULL, 0);
		json_array_append_new(list, json_pack("{s:s, s:s, s:s#}",
		    "name", web_filter_names[i], "label", label ? label : s->v[i],
		    "href", b.data, b.len));
	}
	if (s->v[FILTER_KM] != NULL) {
		(void)snprintf(km, sizeof(km), "within %s km",
		    s->v[FILTER_KM]);
		sbuf_reset(&b);
		search_href(&b, s, FILTER_KM, NULL, 0);
		json_array_append_new(list, json_pack("{s:s, s:s, s:s#}",
		    "name", "km", "label", km, "href", b.data, b.len));
	}
	sbuf_free(&b);
	return (list);
}

static int
search_start(struct http_request *req, struct search *s)
{
	struct dbq	*q;
	const char	*cap, *wide;
	char		 limit[16], offset[16];

	q = dbq_new(req, sql_search, search_done);
	filters_param(q, s->v);
	dbq_param(q, s->sort ? s->sort :
	    (s->v[FILTER_Q] ? "relevance" : "date"));
	(void)snprintf(limit, sizeof(limit), "%d", PAGE_SIZE);
	(void)snprintf(offset, sizeof(offset), "%ld",
	    (s->page - 1) * PAGE_SIZE);
	dbq_param(q, limit);
	dbq_param(q, offset);
	dbq_param(q, web_lang(req));
	jobs_search_limits(&cap, &wide);
	dbq_param(q, cap);
	dbq_param(q, wide);
	dbq_param(q, s->v[FILTER_KM]);		/* $12 */
	/* Keep the filters for search_done(); they are copied into ctx. */
	q->ctx = json_object();
	filters_save(q->ctx, s->v);
	if (s->sort != NULL)
		json_object_set_new(q->ctx, "sort", json_string(s->sort));
	json_object_set_new(q->ctx, "page", json_integer(s->page));
	json_object_set_new(q->ctx, "base", json_string(s->base));
	json_object_set_new(q->ctx, "fixed", json_integer(s->fixed));
	return (dbq_run(req));
}

static int
search_done(struct http_request *req, struct dbq *q)
{
	struct search	 s;
	json_t		*model, *pages;
	const char	*name;
	char		 title[256];

	if (q->failed || q->result == NULL) {
		web_error(req, HTTP_STATUS_SERVICE_UNAVAILABLE,
		    "The job database is not answering. Try again shortly.");
		return (KORE_RESULT_OK);
	}
	memset(&s, 0, sizeof(s));
	filters_load(q->ctx, s.v);
	s.sort = json_string_value(json_object_get(q->ctx, "sort"));
	s.page = json_integer_value(json_object_get(q->ctx, "page"));
	s.base = json_string_value(json_object_get(q->ctx, "base"));
	s.fixed = json_integer_value(json_object_get(q->ctx, "fixed"));

	model = q->result;
	q->result = NULL;
	if (s.fixed == FILTER_COMPANY && json_is_null(json_object_get(model,
	    "company"))) {
		json_decref(model);
		web_error(req, HTTP_STATUS_NOT_FOUND,
		    "We know no company at this address.");
		return (KORE_RESULT_OK);
	}
	if (s.fixed == FILTER_CITY && json_is_null(json_object_get(model,
	    "city"))) {
		json_decref(model);
		web_error(req, HTTP_STATUS_NOT_FOUND,
		    "We know no city at this address.");
		return (KORE_RESULT_OK);
	}
	s.approx = json_is_true(json_object_get(model, "approx"));
	set_total(model);
	facets_links(model, &s);
	json_object_set_new(model, "form", search_form(&s));
	pages = pages_links(&s,
	    json_integer_value(json_object_get(model, "total")));
	/* A page past the last one does not exist (the first always does). */
	if (s.page > 1 && s.page > json_integer_value(json_object_get(pages,
	    "last"))) {
		json_decref(pages);
		json_decref(model);
		web_error(req, HTTP_STATUS_NOT_FOUND,
		    "This search has fewer pages.");
		return (KORE_RESULT_OK);
	}
	json_object_set_new(model, "pages", pages);
	json_object_set_new(model, "active", active_filters(&s, model));
	if (s.fixed == FILTER_COMPANY) {
		name = json_string_value(json_object_get(json_object_get(model,
		    "company"), "name"));
		(void)snprintf(title, sizeof(title), "Jobs at %s", name);
		json_object_set_new(model, "is_company", json_true());
	} else if (s.fixed == FILTER_CITY) {
		name = json_string_value(json_object_get(json_object_get(model,
		    "city"), "name"));
		(void)snprintf(title, sizeof(title), "Fashion jobs in %s",
		    name ? name : s.v[FILTER_CITY]);
		json_object_set_new(model, "is_city", json_true());
	} else if (s.v[FILTER_KM] != NULL) {
		name = json_string_value(json_object_get(json_object_get(model,
		    "city"), "name"));
		(void)snprintf(title, sizeof(title), "Fashion jobs within %s km "
		    "of %s", s.v[FILTER_KM], name ? name : s.v[FILTER_CITY]);
	} else if (s.v[FILTER_Q] != NULL) {
		(void)snprintf(title, sizeof(title), "%s: fashion jobs",
		    s.v[FILTER_Q]);
	} else {
		(void)snprintf(title, sizeof(title), "Fashion jobs");
	}
	/* The search's own heading, the count (the others have a name). */
	if (s.fixed == FILTER__MAX)
		json_object_set_new(model, "is_search", json_true());
	json_object_set_new(model, "title", json_string(title));
	json_object_set_new(model, "description", search_description(model,
	    title));
	share_board_og(model, NULL);
	/*
	 * Result pages beyond the first add nothing for search engines, nor
	 * do empty ones or those of a city we do not know.
	 */
	if (s.page > 1 || s.v[FILTER_Q] != NULL ||
	    json_integer_value(json_object_get(model, "total")) == 0 ||
	    (s.v[FILTER_CITY] != NULL && json_is_null(json_object_get(model,
	    "city"))))
		json_object_set_new(model, "noindex", json_true());
	web_html(req, HTTP_STATUS_OK, "jobs.html", model);
	return (KORE_RESULT_OK);
}

/*
 * The meta description of a result page: the company's own words on its
 * page, else the count and what the page lists.
 */
static json_t *
search_description(json_t *model, const char *title)
{
	const char	*about;
	char		 buf[320];

	about = json_string_value(json_object_get(json_object_get(model,
	    "company"), "description"));
	if (about != NULL && *about != '\0')
		return (json_string(about));
	(void)snprintf(buf, sizeof(buf), "%s open %s on fashionjobs: %s, "
	    "from boutiques to headquarters.", json_string_value(
	    json_object_get(model, "total_text")),
	    json_integer_value(json_object_get(model, "total")) == 1 ?
	    "job" : "jobs", title);
	return (json_string(buf));
}

/* The slug after prefix in the path, or NULL when empty or malformed. */
static const char *
path_tail(struct http_request *req, const char *prefix)
{
	const char	*p;

	p = req->path + strlen(prefix);
	if (*p == '\0' || strlen(p) > FILTER_MAX)
		return (NULL);
	return (p);
}

int
page_jobs_search(struct http_request *req)
{
	struct search	 s;
	struct qs	 qs;
	int		 rc;

	if (http_state_exists(req))
		return (dbq_run(req));
	switch (cache_send(req)) {
	case CACHE_SENT:
		return (KORE_RESULT_OK);
	case CACHE_WAIT:
		return (KORE_RESULT_RETRY);
	case CACHE_MISS:
		break;
	}
	if (web_query(req, &qs) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	memset(&s, 0, sizeof(s));
	s.base = "/jobs";
	s.fixed = FILTER__MAX;
	if (search_parse(req, &qs, &s) != KORE_RESULT_OK)
		rc = KORE_RESULT_OK;
	else
		rc = search_start(req, &s);
	qs_free(&qs);
	return (rc);
}

/* /companies/<slug> and /cities/<slug>: a search with one filter fixed. */
static int
page_fixed(struct http_request *req, const char *prefix, enum filter f)
{
	struct search	 s;
	struct qs	 qs;
	const char	*slug;
	int		 rc;

	if (http_state_exists(req))
		return (dbq_run(req));
	if ((slug = path_tail(req, prefix)) == NULL)
		return (page_not_found(req));
	switch (cache_send(req)) {
	case CACHE_SENT:
		return (KORE_RESULT_OK);
	case CACHE_WAIT:
		return (KORE_RESULT_RETRY);
	case CACHE_MISS:
		break;
	}
	if (web_query(req, &qs) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	memset(&s, 0, sizeof(s));
	s.base = req->path;
	s.fixed = f;
	if (search_parse(req, &qs, &s) != KORE_RESULT_OK) {
		rc = KORE_RESULT_OK;
	} else {
		s.v[f] = slug;
		rc = search_start(req, &s);
	}
	qs_free(&qs);
	return (rc);
}

int
page_company(struct http_request *req)
{
	return (page_fixed(req, "/companies/", FILTER_COMPANY));
}

int
page_city(struct http_request *req)
{
	return (page_fixed(req, "/cities/", FILTER_CITY));
}

int
page_home(struct http_request *req)
{
	struct dbq	*q;

	if (!http_state_exists(req)) {
		switch (cache_send(req)) {
		case CACHE_SENT:
			return (KORE_RESULT_OK);
		case CACHE_WAIT:
			return (KORE_RESULT_RETRY);
		case CACHE_MISS:
			break;
		}
		q = dbq_new(req, sql_home, home_done);
		dbq_param(q, web_lang(req));
	}
	return (dbq_run(req));
}

static int
home_done(struct http_request *req, struct dbq *q)
{
	json_t	*model;
	char	 url[512];

	if (q->failed || q->result == NULL) {
		web_error(req, HTTP_STATUS_SERVICE_UNAVAILABLE,
		    "The job database is not answering. Try again shortly.");
		return (KORE_RESULT_OK);
	}
	model = q->result;
	q->result = NULL;
	set_total(model);
	json_object_set_new(model, "title", json_string("Fashion Jobs"));
	json_object_set_new(model, "is_home", json_true());
	json_object_set_new(model, "description", search_description(model,
	    "jobs in fashion and luxury in Italian, French, German, Spanish "
	    "and English"));
	(void)snprintf(url, sizeof(url), "%s/", web_base_url());
	share_board_og(model, url);
	web_html(req, HTTP_STATUS_OK, "home.html", model);
	return (KORE_RESULT_OK);
}
