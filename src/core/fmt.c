/* Number formatting for people. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

/* 1045 -> "1 045": groups of three digits separated by a plain space. */
void
fmt_count(char *buf, size_t size, long long n)
{
	fmt_count_sep(buf, size, n, ' ');
}

/* 1045 -> "1<sep>045". */
void
fmt_count_sep(char *buf, size_t size, long long n, char sep)
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
			buf[o++] = sep;
			if (o + 1 >= size)
				break;
		}
		buf[o++] = digits[i];
	}
	if (size > 0)
		buf[o < size ? o : size - 1] = '\0';
}

static int	digits(const char *, int, int *);

/* n decimal digits at s into *v; -1 unless all n are digits. */
static int
digits(const char *s, int n, int *v)
{
	int	i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return (-1);
		*v = *v * 10 + (s[i] - '0');
	}
	return (0);
}

/*
 * An RFC 3339 date-time ("2026-11-22T09:30:00Z", "...+01:00", fractions
 * to the microsecond, lowercase t and z) as microseconds since the epoch.
 * A space stands for '+' in the offset: an unescaped '+' in a query string
 * arrives as one.  Years 1970 to 9999; the date must exist (no 30
 * February); a leap second is refused.  0, or -1 when s is not one.
 */
int
fmt_rfc3339(const char *s, long long *usec)
{
	static const int	mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
				    31, 30, 31 };
	int			y, mo, d, h, mi, sec, oh, om, sign, frac, n;
	long long		days, t;

	if (digits(s, 4, &y) == -1 || s[4] != '-' ||
	    digits(s + 5, 2, &mo) == -1 || s[7] != '-' ||
	    digits(s + 8, 2, &d) == -1 || (s[10] != 'T' && s[10] != 't') ||
	    digits(s + 11, 2, &h) == -1 || s[13] != ':' ||
	    digits(s + 14, 2, &mi) == -1 || s[16] != ':' ||
	    digits(s + 17, 2, &sec) == -1)
		return (-1);
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 ||
	    sec > 59)
		return (-1);
	n = mdays[mo - 1] + (mo == 2 && (y % 4 == 0 && (y % 100 != 0 ||
	    y % 400 == 0)));
	if (d > n)
		return (-1);
	s += 19;
	frac = 0;
	if (*s == '.') {
		s++;
		for (n = 0; *s >= '0' && *s <= '9'; s++, n++)
			if (n < 6)
				frac = frac * 10 + (*s - '0');
		if (n == 0 || n > 9)
			return (-1);
		for (; n < 6; n++)
			frac *= 10;
	}
	if ((*s == 'Z' || *s == 'z') && s[1] == '\0')
		oh = om = sign = 0;
	else if ((*s == '+' || *s == ' ' || *s == '-') &&
	    digits(s + 1, 2, &oh) == 0 && s[3] == ':' &&
	    digits(s + 4, 2, &om) == 0 && s[6] == '\0' && oh <= 23 &&
	    om <= 59)
		sign = *s == '-' ? -1 : 1;
	else
		return (-1);

	/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
	{
		int		yy = mo <= 2 ? y - 1 : y;
		int		era = yy / 400;
		unsigned int	yoe = (unsigned int)(yy - era * 400);
		unsigned int	doy = (153 * (unsigned int)(mo > 2 ? mo - 3 :
				    mo + 9) + 2) / 5 + (unsigned int)d - 1;
		unsigned int	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

		days = (long long)era * 146097 + (long long)doe - 719468;
	}
	t = ((days * 24 + h) * 60 + mi) * 60 + sec -
	    sign * (oh * 3600 + om * 60);
	if (t < 0)
		return (-1);
	*usec = t * 1000000 + frac;
	return (0);
}

#define CURSOR_MAX	128

/*
 * An opaque paging cursor: "<tag>1.<a>.<b>.<c>" in hex, the three
 * fields digits (c may be absent: "-").  Caller frees.  (Kore's base64url
 * decoder refuses unpadded input whose length is a multiple of four.)
 */
char *
fmt_cursor(char tag, const char *a, const char *b, const char *c)
{
	char	plain[CURSOR_MAX], *out;
	size_t	i, n;

	n = (size_t)snprintf(plain, sizeof(plain), "%c1.%s.%s.%s", tag, a, b,
	    c != NULL ? c : "-");
	if (n >= sizeof(plain))
		n = sizeof(plain) - 1;
	out = xmalloc(n * 2 + 1);
	for (i = 0; i < n; i++)
		(void)snprintf(out + i * 2, 3, "%02x", (unsigned char)plain[i]);
	return (out);
}

/*
 * Decode a cursor of kind tag into its three fields: digits each, the
 * third may be "-" (stored as "").  -1 when it is not one of ours.
 */
int
fmt_cursor_read(const char *s, char tag, char f[3][32])
{
	char		 plain[CURSOR_MAX + 1], *p, *dot;
	size_t		 len, n;
	unsigned int	 byte;
	int		 i;

	len = strlen(s);
	if (len < 6 || len > CURSOR_MAX * 2 || len % 2 != 0 ||
	    strspn(s, "0123456789abcdef") != len)
		return (-1);
	for (n = 0; n < len / 2; n++) {
		if (sscanf(s + n * 2, "%2x", &byte) != 1 || byte == 0)
			return (-1);
		plain[n] = (char)byte;
	}
	plain[n] = '\0';
	if (plain[0] != tag || plain[1] != '1' || plain[2] != '.')
		return (-1);
	p = plain + 3;
	for (i = 0; i < 3; i++) {
		if ((dot = strchr(p, '.')) != NULL)
			*dot = '\0';
		if ((dot == NULL) != (i == 2))
			return (-1);
		n = strlen(p);
		if (n == 0 || n >= sizeof(f[i]))
			return (-1);
		if (!(i == 2 && strcmp(p, "-") == 0) &&
		    strspn(p, "0123456789") != n)
			return (-1);
		/* n < sizeof(f[i]): checked above. */
		if (strcmp(p, "-") == 0)
			f[i][0] = '\0';
		else
			memcpy(f[i], p, n + 1);
		if (dot != NULL)
			p = dot + 1;
	}
	return (0);
}

