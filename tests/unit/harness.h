/*
 * A tiny test harness shared by the unit tests.  Every check prints one
 * line, "ok - name" or "not ok - name: why"; tests/run.sh counts them.
 * A program exits non-zero when any check failed.
 */
#ifndef FJ_HARNESS_H
#define FJ_HARNESS_H

#include <stdio.h>
#include <string.h>

static int	h_pass, h_fail;

#define CHECK(name, cond) do {						\
	if (cond) {							\
		h_pass++;						\
		printf("ok - %s\n", (name));				\
	} else {							\
		h_fail++;						\
		printf("not ok - %s: %s (%s:%d)\n", (name), #cond,	\
		    __FILE__, __LINE__);				\
	}								\
} while (0)

#define CHECK_STR(name, got, want) do {					\
	const char *g_ = (got), *w_ = (want);				\
	if (g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0) {		\
		h_pass++;						\
		printf("ok - %s\n", (name));				\
	} else {							\
		h_fail++;						\
		printf("not ok - %s: got \"%s\", want \"%s\" (%s:%d)\n",\
		    (name), g_ ? g_ : "(null)", w_ ? w_ : "(null)",	\
		    __FILE__, __LINE__);				\
	}								\
} while (0)

#define DONE() (printf("# %d passed, %d failed\n", h_pass, h_fail),	\
	h_fail ? 1 : 0)

#endif
