/* Number grouping, table-driven, including the buffer-size edges. */

#include <limits.h>
#include <stdlib.h>
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

static const struct {
	const char	*s;
	long long	 usec;		/* -1: refused */
} dates[] = {
	{ "1970-01-01T00:00:00Z", 0 },
	{ "2026-11-22T09:30:00Z", 1795339800000000LL },
	{ "2026-11-22t09:30:00z", 1795339800000000LL },
	{ "2026-11-22T10:30:00+01:00", 1795339800000000LL },
	{ "2026-11-22T10:30:00 01:00", 1795339800000000LL },
	{ "2026-11-22T08:00:00-01:30", 1795339800000000LL },
	{ "2026-11-22T09:30:00.5Z", 1795339800500000LL },
	{ "2026-11-22T09:30:00.123456789Z", 1795339800123456LL },
	{ "2024-02-29T00:00:00Z", 1709164800000000LL },
	{ "2000-02-29T00:00:00Z", 951782400000000LL },
	{ "9999-12-31T23:59:59Z", 253402300799000000LL },
	{ "2023-02-29T00:00:00Z", -1 },
	{ "1900-02-29T00:00:00Z", -1 },
	{ "2026-04-31T00:00:00Z", -1 },
	{ "2026-13-01T00:00:00Z", -1 },
	{ "2026-00-01T00:00:00Z", -1 },
	{ "2026-01-00T00:00:00Z", -1 },
	{ "2026-01-01T24:00:00Z", -1 },
	{ "2026-01-01T23:60:00Z", -1 },
	{ "2026-01-01T23:59:60Z", -1 },
	{ "1969-12-31T23:59:59Z", -1 },
	{ "1970-01-01T00:00:00+01:00", -1 },
	{ "2026-11-22", -1 },
	{ "2026-11-22T09:30:00", -1 },
	{ "2026-11-22T09:30:00ZZ", -1 },
	{ "2026-11-22T09:30:00.Z", -1 },
	{ "2026-11-22T09:30:00.1234567890Z", -1 },
	{ "2026-11-22T09:30:00+1:00", -1 },
	{ "2026-11-22T09:30:00+01", -1 },
	{ "2026-11-22T09:30:00+24:00", -1 },
	{ "2026-11-22 09:30:00Z", -1 },
	{ "yesterday", -1 },
	{ "", -1 },
	{ "2026-1x-22T09:30:00Z", -1 },
};

int
main(void)
{
	long long	usec;
	int		rc;
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
	for (i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		usec = -1;
		rc = fmt_rfc3339(dates[i].s, &usec);
		(void)snprintf(name, sizeof(name), "fmt_rfc3339 \"%s\"",
		    dates[i].s);
		CHECK(name, dates[i].usec == -1 ? rc == -1 :
		    rc == 0 && usec == dates[i].usec);
	}
	{
		char	*c, f[3][32];

		c = fmt_cursor('j', "735", "2", NULL);
		CHECK_STR("fmt_cursor encodes in hex", c,
		    "6a312e3733352e322e2d");
		CHECK("fmt_cursor_read reads it back", fmt_cursor_read(c, 'j',
		    f) == 0 && strcmp(f[0], "735") == 0 &&
		    strcmp(f[1], "2") == 0 && f[2][0] == '\0');
		CHECK("a cursor of another kind is refused",
		    fmt_cursor_read(c, 'f', f) == -1);
		free(c);
		c = fmt_cursor('f', "1795339800000000", "17", "99");
		CHECK("three fields round-trip", fmt_cursor_read(c, 'f', f) ==
		    0 && strcmp(f[0], "1795339800000000") == 0 &&
		    strcmp(f[2], "99") == 0);
		free(c);
		CHECK("odd length refused", fmt_cursor_read("6a312", 'j', f) ==
		    -1);
		CHECK("upper-case hex refused", fmt_cursor_read(
		    "6A312E3733352E322E2D", 'j', f) == -1);
		CHECK("a NUL byte refused", fmt_cursor_read(
		    "6a312e3700352e322e2d", 'j', f) == -1);
		CHECK("letters in a field refused", fmt_cursor_read(
		    "6a312e3761352e322e2d", 'j', f) == -1);
		CHECK("two fields refused", fmt_cursor_read("6a312e3733352e32",
		    'j', f) == -1);
		CHECK("four fields refused", fmt_cursor_read(
		    "6a312e312e322e332e34", 'j', f) == -1);
		CHECK("an empty field refused", fmt_cursor_read(
		    "6a312e2e322e2d", 'j', f) == -1);
		CHECK("a 32-digit field refused", fmt_cursor_read(
		    "6a312e" "3131313131313131313131313131313131313131313131313131313131313131"
		    "2e322e2d", 'j', f) == -1);
		CHECK("empty input refused", fmt_cursor_read("", 'j', f) ==
		    -1);
	}
	buf[0] = 'Z';
	fmt_count(buf, 0, 1045);
	CHECK("fmt_count into 0 bytes writes nothing", buf[0] == 'Z');
	return (DONE());
}
