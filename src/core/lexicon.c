/*
 * The codes a posting's fields take, once for all of C: contract types
 * and schedules (the SQL table contract_type, which also holds their
 * labels in every language), remote modes and the five languages (the
 * CHECKs on posting).  tests/integration/test_lexicon.py compares these
 * tables with the database's, so that neither side can drift.
 */

#include <string.h>

#include "core.h"

/* contract_type, axis 'contract', in its sort order. */
const struct lex	lex_contracts[] = {
	{ "permanent", NULL },
	{ "fixed_term", NULL },
	{ "internship", NULL },
	{ "apprenticeship", NULL },
	{ "freelance", NULL },
	{ "temporary_agency", NULL },
	{ "seasonal", NULL },
	{ "other", NULL },
	{ NULL, NULL }
};

/* contract_type, axis 'schedule', in its sort order. */
const struct lex	lex_schedules[] = {
	{ "full_time", NULL },
	{ "part_time", NULL },
	{ "unknown", NULL },
	{ NULL, NULL }
};

/* posting.remote; the labels are the recruiter form's. */
const struct lex	lex_remotes[] = {
	{ "onsite", N_("On site") },
	{ "hybrid", N_("Hybrid") },
	{ "remote", N_("Remote") },
	{ NULL, NULL }
};

/*
 * posting.lang, each language's name in itself; also the interface's
 * languages, the first being its default.
 */
const struct lex	lex_langs[] = {
	{ "en", "English" },
	{ "it", "Italiano" },
	{ "fr", "Français" },
	{ "de", "Deutsch" },
	{ "es", "Español" },
	{ NULL, NULL }
};

const struct lex *
lex_find(const struct lex *list, const char *code)
{
	if (code == NULL)
		return (NULL);
	for (; list->code != NULL; list++)
		if (strcmp(list->code, code) == 0)
			return (list);
	return (NULL);
}
