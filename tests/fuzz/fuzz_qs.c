/*
 * libFuzzer target: query strings and form bodies (qs_parse), the first
 * thing every request's input goes through.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static volatile size_t	sink;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct qs	 qs;
	const char	*v;
	size_t		 i;

	if (qs_parse(&qs, (const char *)data, len, 32) == -1)
		return (0);
	for (i = 0; i < qs.n; i++) {
		if (!text_utf8_valid(qs.args[i].value,
		    strlen(qs.args[i].value)))
			__builtin_trap();
		sink += strlen(qs.args[i].name);
	}
	if ((v = qs_get(&qs, "q")) != NULL)
		sink += strlen(v);
	qs_free(&qs);
	return (0);
}
