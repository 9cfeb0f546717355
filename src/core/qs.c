/*
 * application/x-www-form-urlencoded, for query strings and form bodies.
 * Ours rather than Kore's: Kore drops parameters its conf does not declare
 * and values with CR, LF or TAB, which loses multi-line descriptions.
 */

#include <stdlib.h>
#include <string.h>

#include "core.h"

static int	hexval(int);
static char	*decode(const char *, size_t);

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

/* Decoded copy (caller frees), or NULL when malformed or unsafe. */
static char *
decode(const char *s, size_t n)
{
	char		*out;
	size_t		 i, o;
	int		 hi, lo;
	unsigned char	 c;

	out = xmalloc(n + 1);
	for (i = o = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c == '+')
			c = ' ';
		else if (c == '%') {
			if (n - i < 3)
				goto bad;
			if ((hi = hexval((unsigned char)s[i + 1])) < 0 ||
			    (lo = hexval((unsigned char)s[i + 2])) < 0)
				goto bad;
			c = (unsigned char)(hi << 4 | lo);
			i += 2;
		}
		if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') ||
		    c == 0x7f)
			goto bad;
		out[o++] = (char)c;
	}
	out[o] = '\0';
	if (!text_utf8_valid(out, o))
		goto bad;
	return (out);
bad:
	free(out);
	return (NULL);
}

int
qs_parse(struct qs *qs, const char *s, size_t len, size_t max)
{
	const char	*p, *end, *amp, *eq;
	char		*name, *value;

	qs->args = NULL;
	qs->n = 0;
	p = s;
	end = s + len;
	while (p < end) {
		if ((amp = memchr(p, '&', (size_t)(end - p))) == NULL)
			amp = end;
		if ((eq = memchr(p, '=', (size_t)(amp - p))) == NULL)
			eq = amp;
		if (eq > p) {
			if (qs->n == max)
				goto bad;
			name = decode(p, (size_t)(eq - p));
			value = decode(eq < amp ? eq + 1 : amp,
			    eq < amp ? (size_t)(amp - eq - 1) : 0);
			if (name == NULL || value == NULL) {
				free(name);
				free(value);
				goto bad;
			}
			qs->args = xrealloc(qs->args,
			    (qs->n + 1) * sizeof(*qs->args));
			qs->args[qs->n].name = name;
			qs->args[qs->n].value = value;
			qs->n++;
		}
		p = amp + 1;
	}
	return (0);
bad:
	qs_free(qs);
	return (-1);
}

const char *
qs_get(const struct qs *qs, const char *name)
{
	size_t	i;

	for (i = qs->n; i > 0; i--)
		if (strcmp(qs->args[i - 1].name, name) == 0)
			return (qs->args[i - 1].value);
	return (NULL);
}

void
qs_free(struct qs *qs)
{
	size_t	i;

	for (i = 0; i < qs->n; i++) {
		free(qs->args[i].name);
		free(qs->args[i].value);
	}
	free(qs->args);
	qs->args = NULL;
	qs->n = 0;
}
