/*
 * The search filters every listing shares (search page, JSON Feed, API
 * facets): their names, allowed values and one message per bad value.
 */

#include <kore/kore.h>

#include "web.h"

const char *const	web_filter_names[FILTER__MAX] = {
	"q", "city", "contract", "company", "lang", "km"
};

const char *const	web_contracts[] = {
	"permanent", "fixed_term", "internship", "apprenticeship",
	"freelance", "temporary_agency", "seasonal", "other", NULL
};

const char *const	web_langs[] = { "it", "fr", "de", "en", "es", NULL };

/* v is one of the NULL-terminated list. */
int
web_in(const char *v, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(v, *list) == 0)
			return (1);
	return (0);
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
		return ("The distance km must be a whole number from 0 to 200.");
	if (n == 0)
		*v = NULL;
	return (NULL);
}

/*
 * Read the filters from qs into v (NULL: not given or empty).  Returns
 * NULL, or the message for the first bad value with *bad set to its name.
 */
const char *
filters_read(const struct qs *qs, const char *v[FILTER__MAX],
    const char **bad)
{
	const char	*s;
	char		*key;
	int		 f;

	for (f = 0; f < FILTER__MAX; f++) {
		s = qs_get(qs, web_filter_names[f]);
		v[f] = (s != NULL && *s != '\0') ? s : NULL;
	}
	if ((s = v[FILTER_Q]) != NULL) {
		*bad = "q";
		if (strlen(s) > FILTER_Q_MAX)
			return ("The search text is limited to 200 characters.");
		/* Punctuation alone searches for nothing: no filter. */
		key = text_key(s);
		if (*key == '\0')
			v[FILTER_Q] = NULL;
		free(key);
	}
	*bad = "city";
	if (v[FILTER_CITY] != NULL && strlen(v[FILTER_CITY]) > FILTER_MAX)
		return ("A city name is limited to 100 characters.");
	*bad = "company";
	if (v[FILTER_COMPANY] != NULL && strlen(v[FILTER_COMPANY]) > FILTER_MAX)
		return ("A company name is limited to 100 characters.");
	*bad = "contract";
	if (v[FILTER_CONTRACT] != NULL &&
	    !web_in(v[FILTER_CONTRACT], web_contracts))
		return ("Unknown contract type: use permanent, fixed_term, "
		    "internship, apprenticeship, freelance, temporary_agency, "
		    "seasonal or other.");
	*bad = "lang";
	if (v[FILTER_LANG] != NULL && !web_in(v[FILTER_LANG], web_langs))
		return ("Unknown language: use it, fr, de, en or es.");
	*bad = "km";
	if ((s = web_km(&v[FILTER_KM])) != NULL)
		return (s);
	if (v[FILTER_KM] != NULL && v[FILTER_CITY] == NULL)
		return (WEB_KM_NEEDS_CITY);
	*bad = NULL;
	return (NULL);
}
