/* Number formatting for people. */

#include <stdio.h>
#include <string.h>

#include "core.h"

/* 1045 -> "1 045": groups of three digits separated by a plain space. */
void
fmt_count(char *buf, size_t size, long long n)
{
	char			 digits[32];
	unsigned long long	 u;
	size_t			 len, i, o;

	u = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
	(void)snprintf(digits, sizeof(digits), "%llu", u);
	len = strlen(digits);
	o = 0;
	if (n < 0 && o + 1 < size)
		buf[o++] = '-';
	for (i = 0; i < len && o + 1 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0) {
			buf[o++] = ' ';
			if (o + 1 >= size)
				break;
		}
		buf[o++] = digits[i];
	}
	if (size > 0)
		buf[o < size ? o : size - 1] = '\0';
}
