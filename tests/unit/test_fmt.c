/* Number grouping, table-driven, including the buffer-size edges. */

#include <limits.h>
#include <string.h>

#include "core.h"
#include "harness.h"

static const struct {
	long long	 n;
	size_t		 size;
	const char	*want;
} counts[] = {
	{ 0, 32, "0" },
	{ 7, 32, "7" },
	{ 12, 32, "12" },
	{ -12, 32, "-12" },
	{ 100, 32, "100" },
	{ 999, 32, "999" },
	{ -999, 32, "-999" },
	{ 1000, 32, "1 000" },
	{ -1000, 32, "-1 000" },
	{ 1045, 32, "1 045" },
	{ -1045, 32, "-1 045" },
	{ 10000, 32, "10 000" },
	{ 100000, 32, "100 000" },
	{ 1000000, 32, "1 000 000" },
	{ 1234567, 32, "1 234 567" },
	{ LLONG_MAX, 32, "9 223 372 036 854 775 807" },
	{ LLONG_MIN, 32, "-9 223 372 036 854 775 808" },
	/* Too small a buffer: cut, always terminated. */
	{ 1045, 6, "1 045" },
	{ 1045, 5, "1 04" },
	{ 1045, 4, "1 0" },
	{ 1045, 3, "1 " },
	{ 1045, 2, "1" },
	{ 1045, 1, "" },
	{ -5, 2, "-" },
};

int
main(void)
{
	char	buf[32], name[128];
	size_t	i;

	for (i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
		memset(buf, 'Z', sizeof(buf));
		fmt_count(buf, counts[i].size, counts[i].n);
		(void)snprintf(name, sizeof(name),
		    "fmt_count %lld in %zu bytes", counts[i].n, counts[i].size);
		CHECK_STR(name, buf, counts[i].want);
		CHECK("fmt_count writes nothing past size",
		    counts[i].size == sizeof(buf) ||
		    buf[counts[i].size] == 'Z');
	}
	buf[0] = 'Z';
	fmt_count(buf, 0, 1045);
	CHECK("fmt_count into 0 bytes writes nothing", buf[0] == 'Z');
	return (DONE());
}
