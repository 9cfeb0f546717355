/*
 * Encodings: the one a document declares, a fast UTF-8 check, and the
 * repair of a document whose bytes and declaration disagree, so that
 * libxml2 is always handed what it can read.
 */

#define _GNU_SOURCE		/* memmem() on glibc */

#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core.h"
#include "feed.h"

static int	feed_name_in(const char *, const char *const *);

/* Encodings whose bytes we convert ourselves as Windows-1252. */
static const char *const latin_names[] = {
	"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "windows-1252",
	"cp1252", "us-ascii", "ascii", "iso-8859-15", "latin9", NULL
};

static const char *const utf8_names[] = {
	"", "utf-8", "utf8", NULL
};

/* Declared by feeds whose bytes (no NULs, no BOM) say otherwise. */
static const char *const wide_names[] = {
	"utf-16", "utf16", "utf-16le", "utf-16be", "utf-32", "utf32",
	"utf-32le", "utf-32be", "ucs-2", "ucs-4", "iso-10646-ucs-2",
	"iso-10646-ucs-4", NULL
};

/* The encoding a document declares, lower case, "" when none. */
void
feed_declared(const char *buf, size_t len, int html, char *enc,
    size_t encsz)
{
	const char	*p, *end;
	size_t		 n, lim;

	enc[0] = '\0';
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	lim = len < 8192 ? len : 8192;
	end = buf + lim;
	if (!html) {
		if (lim < 5 || strncmp(buf, "<?xml", 5) != 0)
			return;
		if ((p = memmem(buf, lim, "?>", 2)) != NULL)
			end = p;
		p = memmem(buf, end - buf, "encoding", 8);
		if (p == NULL)
			return;
		p += 8;
	} else {
		for (p = buf; p + 7 <= end; p++)
			if (strncasecmp(p, "charset", 7) == 0)
				break;
		if (p + 7 > end)
			return;
		p += 7;
	}
	while (p < end && (isspace((unsigned char)*p) || *p == '=' ||
	    *p == '"' || *p == '\''))
		p++;
	for (n = 0; p < end && n + 1 < encsz && (isalnum((unsigned char)*p) ||
	    *p == '-' || *p == '_' || *p == '.' || *p == ':'); p++)
		enc[n++] = tolower((unsigned char)*p);
	enc[n] = '\0';
}

/*
 * text_utf8_valid() over a whole feed or field, faster: feeds are mostly
 * ASCII, so a block that is all ASCII is passed over a word at a time and
 * only the others are checked (a block never ends inside a sequence).
 */
int
feed_utf8_valid(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, j, end;
	uint64_t		 w, any;

	while (i < n) {
		end = n - i > 4096 ? i + 4096 : n;
		while (end < n && end < i + 4096 + 3 && (p[end] & 0xc0) == 0x80)
			end++;
		for (any = 0, j = i; j + 8 <= end; j += 8) {
			memcpy(&w, p + j, 8);
			any |= w;
		}
		for (; j < end; j++)
			any |= p[j];
		if ((any & 0x8080808080808080ULL) &&
		    !text_utf8_valid(s + i, end - i))
			return (0);
		i = end;
	}
	return (1);
}

static int
feed_name_in(const char *name, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(name, *list) == 0)
			return (1);
	return (0);
}

/* What a declared encoding name (lower case, "" for none) stands for. */
enum feed_enc
feed_enc_kind(const char *name)
{
	if (feed_name_in(name, utf8_names))
		return (FEED_ENC_UTF8);
	if (feed_name_in(name, latin_names))
		return (FEED_ENC_LATIN);
	if (feed_name_in(name, wide_names))
		return (FEED_ENC_WIDE);
	return (FEED_ENC_OTHER);
}

/*
 * Bytes that are valid UTF-8 are parsed as UTF-8 whatever the document
 * claims (a Latin-1 declaration over UTF-8 bytes is the usual mistake);
 * bytes that are not are converted here, as Windows-1252 when the
 * document says Latin-1 and as repaired UTF-8 when it says UTF-8 or
 * nothing.  Other declared encodings are left to libxml2.
 */
int
feed_prepare(const char *buf, size_t len, int html, char **out,
    size_t *outlen, int *force)
{
	char		enc[40];
	enum feed_enc	kind;

	*out = NULL;
	*outlen = 0;
	*force = 0;
	if (len >= 2 && (((unsigned char)buf[0] == 0xfe &&
	    (unsigned char)buf[1] == 0xff) || ((unsigned char)buf[0] == 0xff &&
	    (unsigned char)buf[1] == 0xfe) || buf[0] == '\0' || buf[1] == '\0'))
		return (0);
	if (feed_utf8_valid(buf, len)) {
		*force = 1;
		return (0);
	}
	feed_declared(buf, len, html, enc, sizeof(enc));
	/* A UTF-8 byte order mark is not Windows-1252 text: drop it. */
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	kind = feed_enc_kind(enc);
	if (kind == FEED_ENC_LATIN)
		*out = text_cp1252_to_utf8(buf, len);
	else if (kind == FEED_ENC_UTF8)
		*out = text_utf8_repair(buf, len);
	else
		return (0);
	if (*out == NULL)
		return (-1);
	/* Up to three bytes a byte: the copy must still fit libxml2's int. */
	if ((*outlen = strlen(*out)) > INT_MAX) {
		free(*out);
		*out = NULL;
		return (-1);
	}
	*force = 1;
	return (0);
}
