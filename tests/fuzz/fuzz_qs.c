/*
 * libFuzzer target: query strings and form bodies (qs_parse), the first
 * thing every request's input goes through.  Asserts what handlers rely
 * on: at most max arguments, non-empty names, UTF-8 values free of
 * control characters other than TAB, CR and LF, and the last value wins.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core.h"

#define MAX_ARGS	32

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int	clean(const char *);

/* Valid UTF-8 without the control characters qs_parse refuses. */
static int
clean(const char *s)
{
	const unsigned char	*p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if ((*p < 0x20 && *p != '\t' && *p != '\r' && *p != '\n') ||
		    *p == 0x7f)
			return (0);
	return (text_utf8_valid(s, strlen(s)));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct qs	 qs;
	size_t		 i;

	if (qs_parse(&qs, (const char *)data, len, MAX_ARGS) == -1) {
		if (qs.args != NULL || qs.n != 0)
			__builtin_trap();
		return (0);
	}
	if (qs.n > MAX_ARGS)
		__builtin_trap();
	for (i = 0; i < qs.n; i++) {
		if (qs.args[i].name[0] == '\0' || !clean(qs.args[i].name) ||
		    !clean(qs.args[i].value))
			__builtin_trap();
	}
	if (qs.n > 0 && qs_get(&qs, qs.args[qs.n - 1].name) !=
	    qs.args[qs.n - 1].value)
		__builtin_trap();
	qs_free(&qs);
	return (0);
}
