/*
 * Title and company normalisation.  City and contract normalisation are
 * lookups in SQL tables (migrations 0002, 0003); these two are text
 * clean-ups that need no table the database would edit.
 */

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

#define MARKER_MAX	24

static char	*decode_titles(const char *);
static int	 is_marker(const char *, size_t);
static char	*drop_markers(const char *);
static void	 trim_separators(char *);

/* Gender markers, lower case, spaces removed: "(M / W / D)" -> "m/w/d". */
static const char	*markers[] = {
	"h/f", "f/h", "h/f/x", "f/h/x", "h/f/n", "f/h/n", "x/f/h",
	"m/w/d", "m/w", "w/m", "m/w/x", "w/m/x", "w/m/d", "m/d/w", "d/m/w",
	"w/d/m", "d/w/m", "m/f", "f/m", "m/f/d", "f/m/d", "d/f/m", "m/f/x",
	"f/m/x", "m/w/div", "w/m/div", "m/f/div", "gn", "allgenders",
	"allegeschlechter", "tuttiigeneri", "uomo/donna", "u/d",
};

/* Legal forms, as text_key() spells them, dropped from company keys. */
static const char	*suffixes[] = {
	"s p a", "spa", "s r l", "srl", "s r l s", "srls", "s a s", "sas",
	"sasu", "s a", "sa", "sarl", "s a r l", "eurl", "gmbh", "mbh",
	"co kg", "kg", "ag", "se", "ltd", "limited", "inc", "llc", "plc",
	"bv", "b v", "nv", "n v", "sl", "s l", "slu", "s l u", "co", "c",
	"s c", "sc", "s n c", "snc", "unipersonale", "oy", "ab", "a s",
	"as", "pty", "corp", "corporation", "group holding",
};

static const char	*confidential[] = {
	"confidenziale", "confidentiel", "confidentielle", "confidential",
	"anonima", "anonyme", "anonymous", "vertraulich", "confidencial",
	"azienda confidenziale", "entreprise confidentielle",
	"societe confidentielle", "societa confidenziale",
	"confidential company", "cliente confidenziale",
};

/*
 * Decode entities once; decode a second time only when the first pass
 * left an escaped ampersand ("&amp;Amp;" -> "&Amp;" -> "&").
 */
static char *
decode_titles(const char *s)
{
	char	*once, *twice, *p;

	once = text_entity_decode(s);
	for (p = once; (p = strchr(p, '&')) != NULL; p++) {
		if (strncasecmp(p, "&amp;", 5) == 0) {
			twice = text_entity_decode(once);
			free(once);
			return (twice);
		}
	}
	return (once);
}

static int
is_marker(const char *s, size_t n)
{
	char	buf[MARKER_MAX + 1];
	size_t	i, o;

	for (i = o = 0; i < n; i++) {
		if (s[i] == ' ')
			continue;
		if (o == MARKER_MAX)
			return (0);
		buf[o++] = (char)tolower((unsigned char)s[i]);
	}
	buf[o] = '\0';
	for (i = 0; i < sizeof(markers) / sizeof(markers[0]); i++)
		if (strcmp(buf, markers[i]) == 0)
			return (1);
	return (0);
}

/* Copy of s without "(H/F)"-style groups and bare "H/F"-style words. */
static char *
drop_markers(const char *s)
{
	struct sbuf	 b;
	const char	*close, *end;
	size_t		 n;

	sbuf_init(&b);
	while (*s != '\0') {
		if (*s == '(' || *s == '[') {
			close = strchr(s, *s == '(' ? ')' : ']');
			if (close != NULL && is_marker(s + 1,
			    (size_t)(close - s - 1))) {
				s = close + 1;
				continue;
			}
		}
		if (!isspace((unsigned char)*s) && (b.len == 0 ||
		    isspace((unsigned char)b.data[b.len - 1]))) {
			n = strcspn(s, " \t\r\n,");
			end = s + n;
			if (memchr(s, '/', n) != NULL && is_marker(s, n)) {
				s = end;
				continue;
			}
		}
		sbuf_putc(&b, *s++);
	}
	return (sbuf_steal(&b));
}

/* Drop separators left dangling at either end: " -", "|", ",", ":". */
static void
trim_separators(char *s)
{
	static const char	 seps[] = " -|,:;/\xe2\x80\x93\xe2\x80\x94";
	size_t			 len, skip;

	len = strlen(s);
	while (len > 0 && strchr(seps, s[len - 1]) != NULL) {
		/* Only whole UTF-8 dashes: a lone 0x80 byte is not one. */
		if ((unsigned char)s[len - 1] >= 0x80) {
			if (len < 3 || memcmp(s + len - 3, "\xe2\x80", 2) != 0)
				break;
			len -= 3;
		} else
			len--;
	}
	s[len] = '\0';
	skip = strspn(s, " -|,:;");
	memmove(s, s + skip, strlen(s + skip) + 1);
}

char *
norm_title(const char *raw)
{
	char	*decoded, *clean, *out;

	decoded = decode_titles(raw);
	clean = drop_markers(decoded);
	out = text_squash(clean);
	trim_separators(out);
	free(decoded);
	free(clean);
	return (out);
}

void
norm_company(const char *raw, struct norm_company *c)
{
	char	*decoded, *key;
	size_t	 len, slen, best, i;

	decoded = decode_titles(raw);
	c->display = text_squash(decoded);
	free(decoded);
	trim_separators(c->display);
	key = text_key(c->display);

	c->confidential = 0;
	for (i = 0; i < sizeof(confidential) / sizeof(confidential[0]); i++)
		if (strcmp(key, confidential[i]) == 0)
			c->confidential = 1;

	/*
	 * Strip legal forms from the end, again and again, never to "".
	 * The longest form wins: "s n c" must not lose only its "c".
	 */
	do {
		len = strlen(key);
		best = 0;
		for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
			slen = strlen(suffixes[i]);
			if (slen > best && len > slen + 1 &&
			    key[len - slen - 1] == ' ' &&
			    strcmp(key + len - slen, suffixes[i]) == 0)
				best = slen;
		}
		if (best > 0)
			key[len - best - 1] = '\0';
	} while (best > 0);
	c->key = key;
}

void
norm_company_free(struct norm_company *c)
{
	free(c->display);
	free(c->key);
	c->display = c->key = NULL;
}
