/*
 * Text: UTF-8 validation and repair, escaping for each output context,
 * HTML entity decoding, and the matching key and slug shared with SQL.
 */

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core.h"

static size_t	 utf8_seq(const unsigned char *, size_t, unsigned int *);
static void	 put_cp(struct sbuf *, unsigned int);
static void	 put_cp1252(struct sbuf *, unsigned char);
static const char *fold(unsigned int);
static int	 is_separator(unsigned int);
static int	 entity(const char *, size_t *, unsigned int *);

/* Windows-1252's 0x80-0x9f; 0 where the code page defines nothing. */
static const unsigned short	cp1252[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178
};

/* ASCII spellings of U+00C0..U+017F for keys; NULL: a separator. */
static const char	*latin[] = {
	/* C0 */ "a", "a", "a", "a", "a", "a", "ae", "c",
	/* C8 */ "e", "e", "e", "e", "i", "i", "i", "i",
	/* D0 */ "d", "n", "o", "o", "o", "o", "o", NULL,
	/* D8 */ "o", "u", "u", "u", "u", "y", "th", "ss",
	/* E0 */ "a", "a", "a", "a", "a", "a", "ae", "c",
	/* E8 */ "e", "e", "e", "e", "i", "i", "i", "i",
	/* F0 */ "d", "n", "o", "o", "o", "o", "o", NULL,
	/* F8 */ "o", "u", "u", "u", "u", "y", "th", "y",
	/* 100 */ "a", "a", "a", "a", "a", "a", "c", "c",
	/* 108 */ "c", "c", "c", "c", "c", "c", "d", "d",
	/* 110 */ "d", "d", "e", "e", "e", "e", "e", "e",
	/* 118 */ "e", "e", "e", "e", "g", "g", "g", "g",
	/* 120 */ "g", "g", "g", "g", "h", "h", "h", "h",
	/* 128 */ "i", "i", "i", "i", "i", "i", "i", "i",
	/* 130 */ "i", "i", "ij", "ij", "j", "j", "k", "k",
	/* 138 */ "k", "l", "l", "l", "l", "l", "l", "l",
	/* 140 */ "l", "l", "l", "n", "n", "n", "n", "n",
	/* 148 */ "n", "n", "n", "n", "o", "o", "o", "o",
	/* 150 */ "o", "o", "oe", "oe", "r", "r", "r", "r",
	/* 158 */ "r", "r", "s", "s", "s", "s", "s", "s",
	/* 160 */ "s", "s", "t", "t", "t", "t", "t", "t",
	/* 168 */ "u", "u", "u", "u", "u", "u", "u", "u",
	/* 170 */ "u", "u", "u", "u", "w", "w", "y", "y",
	/* 178 */ "y", "z", "z", "z", "z", "z", "z", "s"
};

static const struct {
	const char	*name;
	unsigned int	 cp;
} entities[] = {
	{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
	{ "apos", '\'' }, { "nbsp", 0xa0 }, { "iexcl", 0xa1 },
	{ "cent", 0xa2 }, { "pound", 0xa3 }, { "euro", 0x20ac },
	{ "yen", 0xa5 }, { "sect", 0xa7 }, { "copy", 0xa9 },
	{ "laquo", 0xab }, { "raquo", 0xbb }, { "reg", 0xae },
	{ "deg", 0xb0 }, { "middot", 0xb7 }, { "iquest", 0xbf },
	{ "times", 0xd7 }, { "divide", 0xf7 }, { "szlig", 0xdf },
	{ "ndash", 0x2013 }, { "mdash", 0x2014 }, { "lsquo", 0x2018 },
	{ "rsquo", 0x2019 }, { "sbquo", 0x201a }, { "ldquo", 0x201c },
	{ "rdquo", 0x201d }, { "bdquo", 0x201e }, { "bull", 0x2022 },
	{ "hellip", 0x2026 }, { "trade", 0x2122 }, { "oelig", 0x153 },
	{ "OElig", 0x152 }, { "scaron", 0x161 }, { "Scaron", 0x160 },
	{ "Agrave", 0xc0 }, { "Aacute", 0xc1 }, { "Acirc", 0xc2 },
	{ "Atilde", 0xc3 }, { "Auml", 0xc4 }, { "Aring", 0xc5 },
	{ "AElig", 0xc6 }, { "Ccedil", 0xc7 }, { "Egrave", 0xc8 },
	{ "Eacute", 0xc9 }, { "Ecirc", 0xca }, { "Euml", 0xcb },
	{ "Igrave", 0xcc }, { "Iacute", 0xcd }, { "Icirc", 0xce },
	{ "Iuml", 0xcf }, { "Ntilde", 0xd1 }, { "Ograve", 0xd2 },
	{ "Oacute", 0xd3 }, { "Ocirc", 0xd4 }, { "Otilde", 0xd5 },
	{ "Ouml", 0xd6 }, { "Oslash", 0xd8 }, { "Ugrave", 0xd9 },
	{ "Uacute", 0xda }, { "Ucirc", 0xdb }, { "Uuml", 0xdc },
	{ "Yacute", 0xdd }, { "agrave", 0xe0 }, { "aacute", 0xe1 },
	{ "acirc", 0xe2 }, { "atilde", 0xe3 }, { "auml", 0xe4 },
	{ "aring", 0xe5 }, { "aelig", 0xe6 }, { "ccedil", 0xe7 },
	{ "egrave", 0xe8 }, { "eacute", 0xe9 }, { "ecirc", 0xea },
	{ "euml", 0xeb }, { "igrave", 0xec }, { "iacute", 0xed },
	{ "icirc", 0xee }, { "iuml", 0xef }, { "ntilde", 0xf1 },
	{ "ograve", 0xf2 }, { "oacute", 0xf3 }, { "ocirc", 0xf4 },
	{ "otilde", 0xf5 }, { "ouml", 0xf6 }, { "oslash", 0xf8 },
	{ "ugrave", 0xf9 }, { "uacute", 0xfa }, { "ucirc", 0xfb },
	{ "uuml", 0xfc }, { "yacute", 0xfd }, { "yuml", 0xff },
};

/* Scraped data capitalises these ("&Amp;"); HTML does not, people do. */
static const struct {
	const char	*name;
	unsigned int	 cp;
} loose[] = {
	{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
	{ "apos", '\'' },
};

/*
 * Length of the valid UTF-8 sequence at s (0 when invalid: overlong,
 * surrogate, above U+10FFFF or truncated); its code point in *cp.
 */
static size_t
utf8_seq(const unsigned char *s, size_t n, unsigned int *cp)
{
	size_t		len, i;
	unsigned int	c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return (1);
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		c = s[0] & 0x07;
	} else
		return (0);
	if (n < len)
		return (0);
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return (0);
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return (0);
	*cp = c;
	return (len);
}

static void
put_cp(struct sbuf *b, unsigned int c)
{
	unsigned char	t[4];

	if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff) || c == 0)
		c = 0xfffd;
	if (c < 0x80) {
		t[0] = (unsigned char)c;
		sbuf_append(b, t, 1);
	} else if (c < 0x800) {
		t[0] = 0xc0 | (c >> 6);
		t[1] = 0x80 | (c & 0x3f);
		sbuf_append(b, t, 2);
	} else if (c < 0x10000) {
		t[0] = 0xe0 | (c >> 12);
		t[1] = 0x80 | ((c >> 6) & 0x3f);
		t[2] = 0x80 | (c & 0x3f);
		sbuf_append(b, t, 3);
	} else {
		t[0] = 0xf0 | (c >> 18);
		t[1] = 0x80 | ((c >> 12) & 0x3f);
		t[2] = 0x80 | ((c >> 6) & 0x3f);
		t[3] = 0x80 | (c & 0x3f);
		sbuf_append(b, t, 4);
	}
}

static void
put_cp1252(struct sbuf *b, unsigned char c)
{
	unsigned int	cp = c;

	if (c >= 0x80 && c < 0xa0)
		cp = cp1252[c - 0x80] ? cp1252[c - 0x80] : 0xfffd;
	put_cp(b, cp);
}

int
text_utf8_valid(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, len;
	uint64_t		 w;
	unsigned int		 cp;

	while (i < n) {
		/* Most text is ASCII: skip it a word at a time. */
		if (p[i] < 0x80) {
			while (i + 8 <= n) {
				memcpy(&w, p + i, 8);
				if (w & 0x8080808080808080ULL)
					break;
				i += 8;
			}
			while (i < n && p[i] < 0x80)
				i++;
			continue;
		}
		/* Two-byte sequences (Latin letters) without decoding. */
		if (p[i] >= 0xc2 && p[i] <= 0xdf) {
			if (i + 1 >= n || (p[i + 1] & 0xc0) != 0x80)
				return (0);
			i += 2;
			continue;
		}
		if ((len = utf8_seq(p + i, n - i, &cp)) == 0)
			return (0);
		i += len;
	}
	return (1);
}

char *
text_utf8_repair(const char *s, size_t n)
{
	struct sbuf	 b;
	size_t		 i, len;
	unsigned int	 cp;

	sbuf_init(&b);
	for (i = 0; i < n; i += len) {
		if (s[i] == '\0') {
			len = 1;
			continue;
		}
		len = utf8_seq((const unsigned char *)s + i, n - i, &cp);
		if (len == 0) {
			put_cp1252(&b, (unsigned char)s[i]);
			len = 1;
		} else
			sbuf_append(&b, s + i, len);
	}
	return (sbuf_steal(&b));
}

char *
text_cp1252_to_utf8(const char *s, size_t n)
{
	struct sbuf	 b;
	size_t		 i;

	sbuf_init(&b);
	for (i = 0; i < n; i++)
		if (s[i] != '\0')
			put_cp1252(&b, (unsigned char)s[i]);
	return (sbuf_steal(&b));
}

void
esc_html(struct sbuf *b, const char *s)
{
	const char	*run;

	for (run = s; *s != '\0'; s++) {
		const char	*rep;

		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		sbuf_append(b, run, (size_t)(s - run));
		sbuf_puts(b, rep);
		run = s + 1;
	}
	sbuf_append(b, run, (size_t)(s - run));
}

void
esc_xml(struct sbuf *b, const char *s)
{
	unsigned char	c;

	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
			continue;
		switch (c) {
		case '&': sbuf_puts(b, "&amp;"); break;
		case '<': sbuf_puts(b, "&lt;"); break;
		case '>': sbuf_puts(b, "&gt;"); break;
		case '"': sbuf_puts(b, "&quot;"); break;
		case '\'': sbuf_puts(b, "&apos;"); break;
		default: sbuf_putc(b, c); break;
		}
	}
}

void
esc_url(struct sbuf *b, const char *s)
{
	static const char	hex[] = "0123456789ABCDEF";
	unsigned char		c;

	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if (isalnum(c) || c == '-' || c == '_' || c == '.' ||
		    c == '~') {
			sbuf_putc(b, c);
		} else {
			sbuf_putc(b, '%');
			sbuf_putc(b, hex[c >> 4]);
			sbuf_putc(b, hex[c & 15]);
		}
	}
}

char *
esc_jsonld(const json_t *v)
{
	struct sbuf	 b;
	char		*raw, *p;

	raw = json_dumps(v, JSON_COMPACT | JSON_ENSURE_ASCII |
	    JSON_ENCODE_ANY);
	if (raw == NULL)
		return (xstrdup("{}"));
	sbuf_init(&b);
	for (p = raw; *p != '\0'; p++) {
		switch (*p) {
		case '<': sbuf_puts(&b, "\\u003c"); break;
		case '>': sbuf_puts(&b, "\\u003e"); break;
		case '&': sbuf_puts(&b, "\\u0026"); break;
		default: sbuf_putc(&b, *p); break;
		}
	}
	free(raw);
	return (sbuf_steal(&b));
}

/*
 * The entity at s (just after '&'): its length up to and including ';'
 * in *len and its code point; 0 when it is not one we decode.
 */
static int
entity(const char *s, size_t *len, unsigned int *cp)
{
	const char	*semi;
	char		*end;
	unsigned long	 v;
	size_t		 n, i;

	if ((semi = memchr(s, ';', strnlen(s, 12))) == NULL || semi == s)
		return (0);
	n = (size_t)(semi - s);
	*len = n + 1;
	if (s[0] == '#') {
		if (n < 2)
			return (0);
		if (s[1] == 'x' || s[1] == 'X') {
			if (n < 3 || !isxdigit((unsigned char)s[2]))
				return (0);
			v = strtoul(s + 2, &end, 16);
		} else {
			if (!isdigit((unsigned char)s[1]))
				return (0);
			v = strtoul(s + 1, &end, 10);
		}
		if (end != semi)
			return (0);
		*cp = (v == 0 || v > 0x10ffff || (v >= 0xd800 &&
		    v <= 0xdfff)) ? 0xfffd : (unsigned int)v;
		return (1);
	}
	/* First letters differ most often: test them before the rest. */
	for (i = 0; i < sizeof(entities) / sizeof(entities[0]); i++) {
		if (entities[i].name[0] == s[0] &&
		    strncmp(s, entities[i].name, n) == 0 &&
		    entities[i].name[n] == '\0') {
			*cp = entities[i].cp;
			return (1);
		}
	}
	for (i = 0; i < sizeof(loose) / sizeof(loose[0]); i++) {
		if (tolower((unsigned char)s[0]) == loose[i].name[0] &&
		    strncasecmp(s, loose[i].name, n) == 0 &&
		    loose[i].name[n] == '\0') {
			*cp = loose[i].cp;
			return (1);
		}
	}
	return (0);
}

char *
text_entity_decode(const char *s)
{
	struct sbuf	 b;
	const char	*amp;
	size_t		 len;
	unsigned int	 cp;

	sbuf_init(&b);
	while (*s != '\0') {
		/* Copy the run up to the next '&' in one go. */
		if ((amp = strchr(s, '&')) == NULL) {
			sbuf_puts(&b, s);
			break;
		}
		sbuf_append(&b, s, amp - s);
		s = amp;
		if (entity(s + 1, &len, &cp)) {
			put_cp(&b, cp);
			s += len + 1;
		} else
			sbuf_putc(&b, *s++);
	}
	return (sbuf_steal(&b));
}

char *
text_squash(const char *s)
{
	struct sbuf	 b;
	int		 space;

	sbuf_init(&b);
	space = 0;
	for (; *s != '\0'; s++) {
		if (isspace((unsigned char)*s)) {
			space = b.len > 0;
			continue;
		}
		/* U+00A0 no-break space counts as a space too. */
		if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0) {
			space = b.len > 0;
			s++;
			continue;
		}
		if (space)
			sbuf_putc(&b, ' ');
		space = 0;
		sbuf_putc(&b, *s);
	}
	return (sbuf_steal(&b));
}

/* The ASCII folding of a Latin letter; "" keeps it; NULL: a separator. */
static const char *
fold(unsigned int cp)
{
	static const char *const comma[] = { "s", "s", "t", "t" };

	if (cp >= 0xc0 && cp <= 0x17f)
		return (latin[cp - 0xc0]);
	/* Romanian Ș ș Ț ț (comma below), which unaccent folds too. */
	if (cp >= 0x218 && cp <= 0x21b)
		return (comma[cp - 0x218]);
	return ("");
}

static int
is_separator(unsigned int cp)
{
	/*
	 * Currency signs too (€), but the seven unaccent spells out (₠ ₢ ₣
	 * ₤ ₧ ₹ ₺ as "CE", "Cr", "Fr." ...): those are kept as they are.
	 */
	return ((cp >= 0x80 && cp <= 0xbf) || cp == 0xd7 || cp == 0xf7 ||
	    (cp >= 0x2000 && cp <= 0x206f) ||
	    (cp >= 0x20a0 && cp <= 0x20cf && cp != 0x20a0 && cp != 0x20a2 &&
	    cp != 0x20a3 && cp != 0x20a4 && cp != 0x20a7 && cp != 0x20b9 &&
	    cp != 0x20ba) ||
	    (cp >= 0x3000 && cp <= 0x303f) || cp == 0xfeff || cp == 0xfffd);
}

char *
text_key(const char *s)
{
	struct sbuf	 b;
	const char	*f;
	size_t		 n, len;
	unsigned int	 cp;
	int		 space;

	sbuf_init(&b);
	n = strlen(s);
	space = 0;
	while (n > 0) {
		len = utf8_seq((const unsigned char *)s, n, &cp);
		if (len == 0) {
			len = 1;
			cp = 0xfffd;
		}
		if (cp < 0x80) {
			f = isalnum((int)cp) ? "" : NULL;
		} else if (is_separator(cp)) {
			f = NULL;
		} else
			f = fold(cp);
		if (f == NULL) {
			space = b.len > 0;
		} else {
			if (space)
				sbuf_putc(&b, ' ');
			space = 0;
			if (*f != '\0')
				sbuf_puts(&b, f);
			else if (cp < 0x80)
				sbuf_putc(&b, tolower((int)cp));
			else
				sbuf_append(&b, s, len);
		}
		s += len;
		n -= len;
	}
	return (sbuf_steal(&b));
}

char *
text_slug(const char *s)
{
	char	*key, *p;
	size_t	 len;

	key = text_key(s);
	for (p = key; *p != '\0'; p++)
		if (*p == ' ')
			*p = '-';
	len = strlen(key);
	if (len > 80) {
		text_truncate(key, 80);
		if ((p = strrchr(key, '-')) != NULL && p > key + 40)
			*p = '\0';
	}
	if (*key == '\0') {
		free(key);
		return (xstrdup("n-a"));
	}
	return (key);
}

void
text_truncate(char *s, size_t n)
{
	size_t	len;

	len = strlen(s);
	if (len <= n)
		return;
	/* Back up over continuation bytes to a character boundary. */
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	s[n] = '\0';
}
