/*
 * The description's part of a posting's tsvector, to_tsvector('fj',
 * left(description, 4000)), computed by the scraper instead of PostgreSQL:
 * PostgreSQL's default parser took 130 us per description, a third of a
 * first import (migration 0040).
 *
 * Only text whose tokens are certain is done here: words of letters
 * (ASCII and Latin-1 to Latin Extended-A) and digits, between spaces and
 * punctuation that the parser reads as blanks whatever surrounds it.
 * Anything else (a URL, an e-mail address, a hyphenated word, "1.5",
 * "m/w/d", Greek, a tag) gives -1, and PostgreSQL computes the vector as
 * before.  tests/sql/test_tsv.sh compares both on every fixture and on
 * random text built from these characters and their neighbours.
 *
 * In the 'fj' configuration a word is unaccented, then lower-cased; a
 * number is kept as written.  Positions count words from 1.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

#define TSV_CHARS	4000	/* left(description, 4000) */
#define TSV_MAXWORD	2046	/* the longest word a tsvector holds */
#define TSV_MAXPOS	255	/* positions PostgreSQL keeps per word */

/*
 * U+00C0 to U+017F: the word character as PostgreSQL's unaccent and
 * lower-casing leave it, from to_tsvector('fj', 'x' || chr(c) || 'x');
 * "" for the three that are not done here (multiplication and division
 * signs, and U+0149, which unaccents to an apostrophe).
 */
static const char	*latin[192] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i",
	"i", "i", "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u",
	"u", "y", "th", "ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e",
	"e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o",
	"", "o", "u", "u", "u", "u", "y", "th", "y", "a", "a", "a", "a", "a",
	"a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d", "d", "d", "e",
	"e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g", "g",
	"g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i",
	"i", "i", "i", "ij", "ij", "j", "j", "k", "k", "q", "l", "l", "l", "l",
	"l", "l", "l", "l", "l", "l", "n", "n", "n", "n", "n", "n", "", "n",
	"n", "o", "o", "o", "o", "o", "o", "oe", "oe", "r", "r", "r", "r", "r",
	"r", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t",
	"t", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "w",
	"w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};

/* Blanks wherever they are. */
static const char	free_ascii[] = ",;!?()[]{}\"'*|^`$\\";
static const uint32_t	free_other[] = {
	0x00a0, 0x00a1, 0x00a7, 0x00a9, 0x00ab, 0x00ae, 0x00b0, 0x00b7,
	0x00bb, 0x00bf, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c,
	0x201d, 0x201e, 0x2022, 0x2026, 0x2039, 0x203a, 0x20ac, 0x00a3,
	0x2122,
};
/* Blanks when a space or the end follows; the start of a token else. */
static const char	guarded[] = ".-+/:@&<>~_=%#";

enum cls { C_BAD, C_SPACE, C_FREE, C_GUARD, C_WORD };

struct word {
	uint32_t	off;	/* in the lexeme buffer */
	uint16_t	len;
	uint16_t	pos;
	int32_t		next;	/* the same word's next position, or -1 */
	int32_t		last;	/* the first one's: its last position */
};

/* The next code point of s (length n) and its length, or 0. */
static size_t
utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t	len, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return (1);
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, *cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, *cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, *cp = s[0] & 0x07;
	else
		return (0);
	if (len > n)
		return (0);
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return (0);
		*cp = (*cp << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && *cp < 0x800) || (len == 4 && (*cp < 0x10000 ||
	    *cp > 0x10ffff)) || (*cp >= 0xd800 && *cp <= 0xdfff))
		return (0);
	return (len);
}

/* The class of each ASCII character, from the lists above (tsv_init). */
static unsigned char	ascii_cls[128];

static void
tsv_init(void)
{
	const char	*p;
	int		 c;

	for (c = '0'; c <= '9'; c++)
		ascii_cls[c] = C_WORD;
	for (c = 'a'; c <= 'z'; c++)
		ascii_cls[c] = ascii_cls[c - 32] = C_WORD;
	ascii_cls[' '] = ascii_cls['\t'] = C_SPACE;
	ascii_cls['\n'] = ascii_cls['\r'] = C_SPACE;
	for (p = free_ascii; *p != '\0'; p++)
		ascii_cls[(unsigned char)*p] = C_FREE;
	for (p = guarded; *p != '\0'; p++)
		ascii_cls[(unsigned char)*p] = C_GUARD;
}

static char
ascii_lower(uint32_t cp)
{
	return ((char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
}

static enum cls
classify(uint32_t cp, const char **map)
{
	size_t	i;

	*map = NULL;
	if (cp < 0x80)
		return ((enum cls)ascii_cls[cp]);
	if (cp >= 0xc0 && cp <= 0x17f) {
		*map = latin[cp - 0xc0];
		return (**map != '\0' ? C_WORD : C_BAD);
	}
	for (i = 0; i < sizeof(free_other) / sizeof(free_other[0]); i++)
		if (free_other[i] == cp)
			return (C_FREE);
	return (C_BAD);
}

/*
 * A word that starts like 12e5: the parser reads a number in scientific
 * notation and the rest as another word.
 */
static int
sci_number(const char *w, size_t len)
{
	size_t	i = 0;

	while (i < len && w[i] >= '0' && w[i] <= '9')
		i++;
	return (i > 0 && i + 1 < len && w[i] == 'e' && w[i + 1] >= '0' &&
	    w[i + 1] <= '9');
}

/* Whether a word character comes after a slash (at s, n bytes left). */
static int
path_goes_on(const unsigned char *s, size_t n, int room)
{
	const char	*map;
	uint32_t	 cp;

	return (room && n > 0 && utf8_next(s, n, &cp) > 0 &&
	    classify(cp, &map) == C_WORD);
}

static uint32_t
word_hash(const char *w, size_t len)
{
	uint32_t	h = 2166136261u;

	while (len-- > 0)
		h = (h ^ (unsigned char)*w++) * 16777619u;
	return (h);
}

/* n in decimal at p; the length. */
static size_t
put_uint(char *p, unsigned n)
{
	char	tmp[8];
	size_t	len = 0, i;

	do
		tmp[len++] = (char)('0' + n % 10);
	while ((n /= 10) > 0);
	for (i = 0; i < len; i++)
		p[i] = tmp[len - 1 - i];
	return (len);
}

/* Big-endian, as COPY's binary format wants. */
static char *
put_be(char *p, uint32_t v, int bytes)
{
	while (bytes-- > 0)
		*p++ = (char)(v >> (8 * bytes));
	return (p);
}

/* The gathered words (see tsv_words) as a binary tsvector; 0 or -1. */
static int
put_binary(const struct word *w, size_t nw, const char *lex, size_t outlen,
    struct sbuf *out)
{
	char		*o, *start, *npos;
	size_t		 i, count = 0;
	int32_t		 k;
	unsigned	 n;

	/* Text form's size bounds this one: 4 bytes more for the count. */
	sbuf_reserve(out, outlen + 4 + 1);
	start = o = out->data + out->len;
	o += 4;
	for (i = 0; i < nw; i++) {
		if (w[i].last == -2)
			continue;
		count++;
		memcpy(o, lex + w[i].off, w[i].len);
		o += w[i].len;
		*o++ = '\0';
		npos = o;
		o += 2;
		for (k = (int32_t)i, n = 0; k != -1; k = w[k].next) {
			if (++n > TSV_MAXPOS)
				return (-1);
			o = put_be(o, w[k].pos, 2);
		}
		(void)put_be(npos, n, 2);
	}
	(void)put_be(start, (uint32_t)count, 4);
	out->len = (size_t)(o - out->data);
	out->data[out->len] = '\0';
	return (0);
}

/*
 * Words are gathered in order (each new word a struct word), those seen
 * before chained to their first occurrence through a hash table; the
 * vector is written in order of first occurrence (tsvector input sorts),
 * as text or in binary form.
 */
static int
tsv_words(const char *text, struct sbuf *out, int binary)
{
	const unsigned char	*s = (const unsigned char *)text;
	struct word		*w = NULL;
	int32_t			*head = NULL;
	char			*lex = NULL, *o;
	const char		*map;
	enum cls		 c, next;
	uint32_t		 cp, ncp, h, mask;
	size_t			 n, len, nlen, nchars, nw = 0, cap = 0, i;
	size_t			 start = 0, lexlen = 0, tokbytes = 0, outlen;
	int32_t			 k, *slot;
	int			 inword = 0, slash = 0, latin1 = 0, rc = -1;

	if (ascii_cls['a'] != C_WORD)
		tsv_init();
	n = strlen(text);
	if (n == 0) {
		if (binary)
			sbuf_append(out, "\0\0\0\0", 4);
		return (0);
	}
	/* A word's letters take no more bytes than they did. */
	lex = xmalloc(n);
	len = utf8_next(s, n, &cp);
	if (len == 0)
		goto done;
	c = classify(cp, &map);
	nchars = 0;
	for (;;) {
		if (c == C_BAD)
			goto done;
		nchars++;
		/*
		 * Inside a word, a run of ASCII letters and digits goes on
		 * until its last one, which the general case below ends the
		 * word with (or not): the rest need no look-ahead.
		 */
		while (inword && c == C_WORD && cp < 0x80 &&
		    nchars < TSV_CHARS && n > 1 && s[1] < 0x80 &&
		    ascii_cls[s[1]] == C_WORD) {
			lex[lexlen++] = ascii_lower(cp);
			tokbytes++;
			s++;
			n--;
			nchars++;
			cp = s[0];
		}
		/* The next character decides what a guarded one is. */
		if (nchars == TSV_CHARS || n == len) {
			nlen = 0;
			next = C_SPACE;
			ncp = 0;
		} else {
			nlen = utf8_next(s + len, n - len, &ncp);
			if (nlen == 0)
				goto done;
			next = C_BAD;
		}
		if (c == C_WORD) {
			if (!inword) {
				inword = 1;
				start = lexlen;
				tokbytes = 0;
				slash = latin1 = 0;
			}
			tokbytes += len;
			if (map != NULL) {
				latin1 = 1;
				while (*map != '\0')
					lex[lexlen++] = *map++;
			} else
				lex[lexlen++] = ascii_lower(cp);
		}
		if (c == C_GUARD && inword) {
			/* A slash inside a path word (below). */
			lex[lexlen++] = '/';
			tokbytes++;
			slash = 1;
		}
		if (nlen > 0)
			next = classify(ncp, &map);
		if (c == C_GUARD && !inword && next != C_SPACE)
			goto done;
		/*
		 * "candidato/a", "m/w/d": one word with its slashes when all
		 * of it is ASCII letters and digits.
		 */
		if (inword && c == C_WORD && next == C_GUARD && ncp == '/' &&
		    path_goes_on(s + len + nlen, n - len - nlen,
		    nchars + 1 < TSV_CHARS)) {
			if (latin1)
				goto done;
			c = next;
			s += len;
			n -= len;
			len = nlen;
			cp = ncp;
			continue;
		}
		if (inword && next != C_WORD) {
			if (slash && latin1)
				goto done;
			inword = 0;
			if (tokbytes > TSV_MAXWORD ||
			    sci_number(lex + start, lexlen - start))
				goto done;
			if (nw == cap) {
				cap = cap ? cap * 2 : 256;
				w = xrealloc(w, cap * sizeof(*w));
			}
			w[nw].off = (uint32_t)start;
			w[nw].len = (uint16_t)(lexlen - start);
			w[nw].pos = (uint16_t)(nw + 1);
			w[nw].next = -1;
			nw++;
		}
		if (nlen == 0)
			break;
		s += len;
		n -= len;
		len = nlen;
		cp = ncp;
		c = next;
	}

	for (mask = 64; mask < nw * 2; mask <<= 1)
		;
	head = xmalloc(mask * sizeof(*head));
	memset(head, 0xff, mask * sizeof(*head));
	mask--;
	outlen = 0;
	for (i = 0; i < nw; i++) {
		h = word_hash(lex + w[i].off, w[i].len);
		for (slot = &head[h & mask]; (k = *slot) != -1;
		    slot = &head[++h & mask])
			if (w[k].len == w[i].len && memcmp(lex + w[k].off,
			    lex + w[i].off, w[i].len) == 0)
				break;
		if (k == -1) {
			*slot = (int32_t)i;
			w[i].last = (int32_t)i;
			outlen += w[i].len + 4;
		} else {
			w[w[k].last].next = (int32_t)i;
			w[k].last = (int32_t)i;
			w[i].last = -2;		/* not a first */
		}
		outlen += 6;
	}

	if (binary) {
		rc = put_binary(w, nw, lex, outlen, out);
		goto done;
	}
	/* 'word':1,5 'other':2 */
	sbuf_reserve(out, outlen + 1);
	o = out->data + out->len;
	for (i = 0; i < nw; i++) {
		if (w[i].last == -2)
			continue;
		if (o != out->data + out->len)
			*o++ = ' ';
		*o++ = '\'';
		memcpy(o, lex + w[i].off, w[i].len);
		o += w[i].len;
		*o++ = '\'';
		*o++ = ':';
		for (k = (int32_t)i, nchars = 0; k != -1; k = w[k].next) {
			if (++nchars > TSV_MAXPOS)
				goto done;
			if (k != (int32_t)i)
				*o++ = ',';
			o += put_uint(o, w[k].pos);
		}
	}
	out->len = (size_t)(o - out->data);
	out->data[out->len] = '\0';
	rc = 0;
done:
	if (rc == -1 && out->data != NULL)
		out->data[out->len] = '\0';
	free(head);
	free(w);
	free(lex);
	return (rc);
}

int
tsv_text(const char *text, struct sbuf *out)
{
	return (tsv_words(text, out, 0));
}

/*
 * The same vector in tsvector's binary form, for COPY ... (FORMAT binary):
 * PostgreSQL reads it several times faster than the text form
 * (docs/benchmarks.md has the figures).  The
 * lexeme count (int32), then each lexeme NUL-terminated, its number of
 * positions (uint16) and the positions (uint16, weight D: the top bits
 * zero), all big-endian.
 */
int
tsv_binary(const char *text, struct sbuf *out)
{
	return (tsv_words(text, out, 1));
}
