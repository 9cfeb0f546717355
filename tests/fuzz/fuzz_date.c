/*
 * libFuzzer target: fmt_rfc3339, which reads the API's updated_since from
 * anyone.  Asserts that an accepted date is from 1970 on and that
 * printing it back in UTC and reading that gives the same instant.
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
	char		*s, back[64];
	long long	 usec, again;
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
	free(s);
	return (0);
}
