/*
 * libFuzzer target: what the API reads from anyone besides the query
 * string itself.  fmt_rfc3339 (updated_since): an accepted date is from
 * 1970 on, and printing it back in UTC and reading that gives the same
 * instant.  fmt_cursor_read (cursor): accepted fields are digits, and
 * encoding them again gives a cursor that reads back the same.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*s, *enc, back[64], f[3][32], g[3][32];
	long long	 usec, again;
	int		 i;
	time_t		 t;
	struct tm	 tm;

	s = xstrndup((const char *)data, size);
	if (fmt_rfc3339(s, &usec) == 0) {
		if (usec < 0)
			abort();
		t = (time_t)(usec / 1000000);
		if (gmtime_r(&t, &tm) == NULL)
			abort();
		(void)snprintf(back, sizeof(back),
		    "%04d-%02d-%02dT%02d:%02d:%02d.%06lldZ", tm.tm_year + 1900,
		    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
		    usec % 1000000);
		if (fmt_rfc3339(back, &again) != 0 || again != usec)
			abort();
	}
	if (fmt_cursor_read(s, 'j', f) == 0) {
		for (i = 0; i < 3; i++)
			if (strspn(f[i], "0123456789") != strlen(f[i]) ||
			    (i < 2 && f[i][0] == '\0'))
				abort();
		enc = fmt_cursor('j', f[0], f[1], f[2][0] ? f[2] : NULL);
		if (fmt_cursor_read(enc, 'j', g) != 0)
			abort();
		for (i = 0; i < 3; i++)
			if (strcmp(f[i], g[i]) != 0)
				abort();
		free(enc);
	}
	free(s);
	return (0);
}
