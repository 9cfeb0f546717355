/*
 * The search filters' names (filter.h), for the web module that reads
 * them from a request and the alert worker that reads them from an
 * alert's saved filters.
 */

#include "filter.h"

const char *const	web_filter_names[FILTER__MAX] = {
	"q", "city", "contract", "company", "lang", "km"
};

/* The alert worker binds every filter in enum order: km is $FILTER_KM + 1. */
_Static_assert(FILTER_KM == 5,
    "FILTER_KM_PARAM (filter.h) is \"$6\": renumber it with the enum");
