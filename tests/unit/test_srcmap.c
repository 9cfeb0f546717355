/*
 * The scraper's map of stored sources: an id is found with its stored hash
 * only, marked seen once, and a set of ids says which came before.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "harness.h"

static const struct {
	const char	*id;
	uint64_t	 hash;
} stored[] = {
	{ "A", 0x1 },
	{ "B", 0x2 },
	{ "", 0x3 },
	{ "url:00000000000000ff", 0xffffffffffffffffULL },
	{ "réf-42", 0x0 },
	/* The same id twice (cannot happen in the table): both match. */
	{ "dup", 0x10 },
	{ "dup", 0x11 },
};

/* In order: each marks its id seen for the lines after it. */
static const struct {
	const char		*id;
	uint64_t		 hash;
	enum srcmap_state	 want;
	int			 again;
} lookups[] = {
	{ "A", 0x2, SRCMAP_CHANGED, 0 },
	{ "A", 0x1, SRCMAP_SAME, 1 },		/* listed twice */
	{ "B", 0x2, SRCMAP_SAME, 0 },
	{ "b", 0x2, SRCMAP_NEW, 0 },		/* ids are exact */
	{ "C", 0x1, SRCMAP_NEW, 0 },
	{ "C", 0x1, SRCMAP_NEW, 0 },		/* new ids are not kept */
	{ "", 0x3, SRCMAP_SAME, 0 },
	{ "url:00000000000000ff", 0xffffffffffffffffULL, SRCMAP_SAME, 0 },
	{ "réf-42", 0x0, SRCMAP_SAME, 0 },
	{ "ref-42", 0x0, SRCMAP_NEW, 0 },
	{ "dup", 0x11, SRCMAP_SAME, 0 },
	{ "dup", 0x10, SRCMAP_SAME, 1 },
	{ "dup", 0x12, SRCMAP_CHANGED, 1 },
};

int
main(void)
{
	struct srcmap	 m;
	char		 id[32], name[96];
	size_t		 i, n;
	int		 ok, again;

	srcmap_init(&m, 0);
	CHECK("an empty map finds nothing",
	    srcmap_see(&m, "A", 1, &again) == SRCMAP_NEW && !again);
	CHECK("an empty map takes nothing", srcmap_add(&m, "A", 1) == -1);
	srcmap_free(&m);

	n = sizeof(stored) / sizeof(stored[0]);
	srcmap_init(&m, n);
	for (i = 0, ok = 1; i < n; i++)
		ok &= srcmap_add(&m, stored[i].id, stored[i].hash) == 0;
	CHECK("a map takes the count it was made for", ok && m.n == n);
	for (i = 0; i < sizeof(lookups) / sizeof(lookups[0]); i++) {
		(void)snprintf(name, sizeof(name), "see \"%s\" %llx (line %zu)",
		    lookups[i].id, (unsigned long long)lookups[i].hash, i);
		CHECK(name, srcmap_see(&m, lookups[i].id, lookups[i].hash,
		    &again) == lookups[i].want && again == lookups[i].again);
	}
	srcmap_free(&m);

	/* Filled to the brim: every one found, then refused, never a hang. */
	srcmap_init(&m, 100000);
	for (i = 0, ok = 1; i < 100000; i++) {
		(void)snprintf(id, sizeof(id), "job-%zu", i);
		ok &= srcmap_add(&m, id, i * 7) == 0;
	}
	CHECK("100 000 sources added", ok);
	for (i = 0, ok = 1; i < 100000; i++) {
		(void)snprintf(id, sizeof(id), "job-%zu", i);
		ok &= srcmap_see(&m, id, i * 7 + 1, &again) ==
		    SRCMAP_CHANGED && !again;
		ok &= srcmap_see(&m, id, i * 7, &again) == SRCMAP_SAME &&
		    again;
	}
	CHECK("100 000 sources found with their hash only, seen once", ok);
	CHECK("a full map refuses more than its room", m.n == 100000 &&
	    srcmap_add(&m, "more", 1) == -1);
	CHECK("a full map still answers a miss",
	    srcmap_see(&m, "absent", 1, &again) == SRCMAP_NEW &&
	    srcmap_see(&m, "job-99999", 699993, &again) == SRCMAP_SAME);
	srcmap_free(&m);

	srcmap_init(&m, 3);
	CHECK("a set takes an id once",
	    srcmap_once(&m, "x") == 1 && srcmap_once(&m, "y") == 1 &&
	    srcmap_once(&m, "x") == 0 && srcmap_once(&m, "y") == 0);
	CHECK("a set made for three refuses a fourth, still knows the three",
	    srcmap_once(&m, "z") == 1 && srcmap_once(&m, "w") == -1 &&
	    srcmap_once(&m, "z") == 0 && srcmap_once(&m, "x") == 0);
	srcmap_free(&m);
	return (DONE());
}
