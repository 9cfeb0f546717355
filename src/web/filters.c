/*
 * The search filters every listing shares: the search page and its
 * facets, the company and city pages, /api/v1/facets, /feed.json and the
 * XML feeds.  One parser (filters_read), one way to pass them to SQL
 * (filters_param, as $1 to $5 of the FILTERS_* fragments in filter.h) and
 * one way to write them back into a link (filters_qs).
 */

#include <kore/kore.h>

#include "web.h"

/* The language's name in itself, or the code when it is not ours. */
const char *
web_lang_label(const char *code)
{
	const struct lex	*l;

	return ((l = lex_find(lex_langs, code)) != NULL ? l->label : code);
}

/*
 * The distance from the city, *v: a whole number of km from 0 to
 * WEB_KM_MAX; 0 means the city alone, and *v becomes NULL.  Returns NULL,
 * or the message for a 400.
 */
const char *
web_km(const char **v)
{
	const char	*p;
	long		 n;

	if (*v == NULL)
		return (NULL);
	for (p = *v; *p >= '0' && *p <= '9'; p++)
		;
	n = (p - *v > 0 && p - *v <= 3) ? strtol(*v, NULL, 10) : -1;
	if (*p != '\0' || n < 0 || n > WEB_KM_MAX)
		return (N_("The distance km must be a whole number from 0 to 200."));
	if (n == 0)
		*v = NULL;
	return (NULL);
}

/*
 * Read the filters from qs into v (NULL: not given or empty); the filter
 * fixed (FILTER__MAX: none) is given by the path and not read.  Returns
 * NULL, or the message for the first bad value with *bad set to its name.
 */
const char *
filters_read(const struct qs *qs, const char *v[FILTER__MAX],
    enum filter fixed, const char **bad)
{
	const char	*s;
	char		*key;
	int		 f;

	for (f = 0; f < FILTER__MAX; f++) {
		s = f == (int)fixed ? NULL : qs_get(qs, web_filter_names[f]);
		v[f] = (s != NULL && *s != '\0') ? s : NULL;
	}
	if ((s = v[FILTER_Q]) != NULL) {
		*bad = "q";
		if (strlen(s) > FILTER_Q_MAX)
			return (N_("The search text is limited to 200 characters."));
		/* Punctuation alone searches for nothing: no filter. */
		key = text_key(s);
		if (*key == '\0')
			v[FILTER_Q] = NULL;
		free(key);
	}
	*bad = "city";
	if (v[FILTER_CITY] != NULL && strlen(v[FILTER_CITY]) > FILTER_MAX)
		return (N_("A city name is limited to 100 characters."));
	*bad = "company";
	if (v[FILTER_COMPANY] != NULL && strlen(v[FILTER_COMPANY]) > FILTER_MAX)
		return (N_("A company name is limited to 100 characters."));
	*bad = "contract";
	if (v[FILTER_CONTRACT] != NULL &&
	    lex_find(lex_contracts, v[FILTER_CONTRACT]) == NULL)
		return (N_("Unknown contract type: use permanent, fixed_term, "
		    "internship, apprenticeship, freelance, temporary_agency, "
		    "seasonal or other."));
	*bad = "lang";
	if (v[FILTER_LANG] != NULL && lex_find(lex_langs, v[FILTER_LANG]) == NULL)
		return (N_("Unknown language: use it, fr, de, en or es."));
	*bad = "km";
	if ((s = web_km(&v[FILTER_KM])) != NULL)
		return (s);
	if (v[FILTER_KM] != NULL && v[FILTER_CITY] == NULL &&
	    fixed != FILTER_CITY)
		return (WEB_KM_NEEDS_CITY);
	*bad = NULL;
	return (NULL);
}

/*
 * The filters as parameters $1 to $5 of q, in FILTER_ order; km is not
 * one of them: each statement takes it where it says.
 */
void
filters_param(struct dbq *q, const char *const v[FILTER__MAX])
{
	int	f;

	for (f = 0; f < FILTER_KM; f++)
		dbq_param(q, v[f]);
}

/* Keep the filters given in ctx, for the query's done callback. */
void
filters_save(json_t *ctx, const char *const v[FILTER__MAX])
{
	int	f;

	for (f = 0; f < FILTER__MAX; f++)
		if (v[f] != NULL)
			json_object_set_new(ctx, web_filter_names[f],
			    json_string(v[f]));
}

/* The filters filters_save() kept; they live as long as ctx. */
void
filters_load(const json_t *ctx, const char *v[FILTER__MAX])
{
	int	f;

	for (f = 0; f < FILTER__MAX; f++)
		v[f] = json_string_value(json_object_get(ctx,
		    web_filter_names[f]));
}

/*
 * Append "name=value" for each filter given, URL-escaped, the first one
 * after *sep ('?' for a link's start, '&' after other parameters) and
 * the next ones after '&'; *sep becomes '&' once one is written.
 */
void
filters_qs(struct sbuf *b, const char *const v[FILTER__MAX], char *sep)
{
	int	f;

	for (f = 0; f < FILTER__MAX; f++) {
		if (v[f] == NULL)
			continue;
		sbuf_printf(b, "%c%s=", *sep, web_filter_names[f]);
		esc_url(b, v[f]);
		*sep = '&';
	}
}

/* "q=...&city=...&" for the filters a feed_query() ctx holds, escaped. */
void
feed_filters(struct sbuf *b, const json_t *ctx)
{
	const char	*v[FILTER__MAX];
	struct sbuf	 t;
	char		 sep;

	filters_load(ctx, v);
	sbuf_init(&t);
	sep = '&';
	filters_qs(&t, v, &sep);
	if (t.len > 0) {
		sbuf_append(b, t.data + 1, t.len - 1);
		sbuf_putc(b, '&');
	}
	sbuf_free(&t);
}
