/*
 * Query strings and form bodies, table-driven: decoding, the last value
 * wins, and every refusal leaves the struct empty (ASan checks no leak).
 */

#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "harness.h"

static const struct {
	const char	*in;
	size_t		 max;
	int		 rc;
	size_t		 n;		/* arguments kept */
	const char	*name, *want;	/* want NULL: name is absent */
} queries[] = {
	{ "q=manager&city=milan", 8, 0, 2, "city", "milan" },
	{ "q=sales+assistant", 8, 0, 1, "q", "sales assistant" },
	{ "q=Herm%C3%A8s", 8, 0, 1, "q", "Hermès" },
	{ "q=%41%62%2b%2B", 8, 0, 1, "q", "Ab++" },
	{ "c%69ty=Paris", 8, 0, 1, "city", "Paris" },
	{ "q=a&q=b&q=c", 8, 0, 3, "q", "c" },
	{ "flag", 8, 0, 1, "flag", "" },
	{ "flag=", 8, 0, 1, "flag", "" },
	{ "a=1=2", 8, 0, 1, "a", "1=2" },
	{ "d=line1%0D%0Aline2%09x", 8, 0, 1, "d", "line1\r\nline2\tx" },
	{ "=x&q=1", 8, 0, 1, "q", "1" },
	{ "&&q=1&&", 8, 0, 1, "q", "1" },
	{ "", 8, 0, 0, "q", NULL },
	{ "&", 0, 0, 0, "q", NULL },
	{ "q=1", 8, 0, 1, "other", NULL },
	/* Exactly max arguments, then one more; skipped names do not count. */
	{ "a=1&b=2", 2, 0, 2, "b", "2" },
	{ "a=1&b=2&c=3", 2, -1, 0, NULL, NULL },
	{ "=1&=2&a=3", 1, 0, 1, "a", "3" },
	{ "a", 0, -1, 0, NULL, NULL },
	/* Bad and truncated escapes, in values and in names. */
	{ "q=%zz", 8, -1, 0, NULL, NULL },
	{ "q=%4", 8, -1, 0, NULL, NULL },
	{ "q=%", 8, -1, 0, NULL, NULL },
	{ "q=abc%", 8, -1, 0, NULL, NULL },
	{ "q=%4g", 8, -1, 0, NULL, NULL },
	{ "ok=1&%=1", 8, -1, 0, NULL, NULL },
	/* Not UTF-8 once decoded, raw or escaped. */
	{ "q=%FF", 8, -1, 0, NULL, NULL },
	{ "q=%C3", 8, -1, 0, NULL, NULL },
	{ "q=%C0%80", 8, -1, 0, NULL, NULL },
	{ "q=%ED%A0%80", 8, -1, 0, NULL, NULL },
	{ "q=caf\xe9", 8, -1, 0, NULL, NULL },
	{ "ok=1&n%E9=1", 8, -1, 0, NULL, NULL },
	/* Control characters other than TAB, CR, LF. */
	{ "q=%00", 8, -1, 0, NULL, NULL },
	{ "q=%01", 8, -1, 0, NULL, NULL },
	{ "q=%1F", 8, -1, 0, NULL, NULL },
	{ "q=%7F", 8, -1, 0, NULL, NULL },
	{ "q=a\x01" "b", 8, -1, 0, NULL, NULL },
	{ "q=\x7f", 8, -1, 0, NULL, NULL },
};

int
main(void)
{
	struct qs	 qs;
	char		 name[256];
	size_t		 i;
	int		 rc;

	for (i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
		rc = qs_parse(&qs, queries[i].in, strlen(queries[i].in),
		    queries[i].max);
		(void)snprintf(name, sizeof(name), "qs_parse #%zu \"%s\" "
		    "max %zu", i, queries[i].in, queries[i].max);
		CHECK(name, rc == queries[i].rc && qs.n == queries[i].n);
		if (rc == -1)
			CHECK("qs_parse: nothing left after -1",
			    qs.args == NULL && qs.n == 0);
		if (queries[i].name != NULL && queries[i].want != NULL)
			CHECK_STR(name, qs_get(&qs, queries[i].name),
			    queries[i].want);
		else if (queries[i].name != NULL)
			CHECK(name, qs_get(&qs, queries[i].name) == NULL);
		qs_free(&qs);
	}

	/* Only len bytes are read: the source need not be NUL-terminated. */
	CHECK("qs_parse stops at len", qs_parse(&qs, "q=ab&r=2", 4, 8) == 0 &&
	    qs.n == 1 && strcmp(qs_get(&qs, "q"), "ab") == 0);
	qs_free(&qs);
	CHECK("qs_parse: an escape cut by len is bad",
	    qs_parse(&qs, "q=%41", 4, 8) == -1);
	qs_free(&qs);
	qs_free(&qs);
	CHECK("qs_free twice is harmless", qs.args == NULL && qs.n == 0);
	return (DONE());
}
