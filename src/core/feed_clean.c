/*
 * The one cleaning every field gets (entities decoded once, whitespace
 * squashed, valid UTF-8, cut on a character boundary) and the check that
 * keeps only http(s) links.
 */

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/uri.h>

#include "core.h"
#include "feed.h"

/*
 * Resolve a link against the base URL and keep only http(s) links (or
 * relative ones when there is no base): a feed must not hand the site a
 * javascript: or data: link to print in an href.
 */
void
feed_clean_url(struct feed_ctx *ctx, struct sbuf *out)
{
	xmlChar		*abs = NULL;
	const char	*u;
	size_t		 n;

	if (ctx->opts.base_url != NULL)
		abs = xmlBuildURI((const xmlChar *)out->data,
		    (const xmlChar *)ctx->opts.base_url);
	u = abs != NULL ? (const char *)abs : out->data;
	n = strcspn(u, ":/?#");
	if (u[n] == ':' && !(n == 4 && strncasecmp(u, "http", 4) == 0) &&
	    !(n == 5 && strncasecmp(u, "https", 5) == 0))
		u = "";
	if (u != out->data) {
		sbuf_reset(out);
		sbuf_puts(out, u);
		feed_cut(out, ctx->opts.max_field);
	}
	xmlFree(abs);
}

/*
 * The one cleaning every field gets: entities decoded once, whitespace
 * squashed, at most max bytes cut on a character boundary, and valid
 * UTF-8 (bad bytes read as Windows-1252) checked last, on what is kept.
 * The text comes from libxml2 or jansson and is UTF-8 already; the check
 * is for what decoding or a hostile mix may have made.
 */
void
feed_clean(struct sbuf *out, const char *s, size_t n, size_t max,
    int decoded)
{
	char	*dec = NULL;

	if (!decoded && memchr(s, '&', n) != NULL &&
	    (dec = text_entity_decode(s)) != NULL) {
		s = dec;
		n = strlen(s);
	}
	feed_squash(out, s, n, 0);
	free(dec);
	feed_cut(out, max);
}

/* Valid UTF-8, cut to max bytes on a character boundary, no end space. */
void
feed_cut(struct sbuf *out, size_t max)
{
	char	*fixed;

	if (out->len == 0)
		return;
	if (out->len > max) {
		text_truncate(out->data, max);
		out->len = strlen(out->data);
	}
	if (!feed_utf8_valid(out->data, out->len) &&
	    (fixed = text_utf8_repair(out->data, out->len)) != NULL) {
		sbuf_reset(out);
		sbuf_puts(out, fixed);
		free(fixed);
		if (out->len > max) {
			text_truncate(out->data, max);
			out->len = strlen(out->data);
		}
	}
	while (out->len > 0 && isspace((unsigned char)out->data[out->len - 1]))
		out->data[--out->len] = '\0';
}

/*
 * Squash whitespace: runs of spaces (and no-break spaces) become one
 * space, control characters go, both ends are trimmed.  With breaks,
 * "\n" is kept as a line break and two or more make a paragraph break.
 * Each separator stands for at least as many bytes of s, so the result
 * fits in n bytes: it is written in place, a byte at a time, not a call
 * per word.
 */
void
feed_squash(struct sbuf *out, const char *s, size_t n, int breaks)
{
	size_t		 i = 0;
	int		 sp = 0, nl = 0;
	unsigned char	 c;
	char		*d, *start;

	sbuf_reserve(out, n);
	start = d = out->data + out->len;
	while (i < n) {
		c = s[i];
		if (c == '\n') {
			if (breaks)
				nl++;
			else
				sp = 1;
			i++;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r' || c == '\f' ||
		    c == '\v') {
			sp = 1;
			i++;
			continue;
		}
		if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xa0) {
			sp = 1;
			i += 2;
			continue;
		}
		if (c < 0x20 || c == 0x7f) {
			i++;
			continue;
		}
		if (d > start) {
			if (nl) {
				*d++ = '\n';
				if (nl > 1)
					*d++ = '\n';
			} else if (sp)
				*d++ = ' ';
		}
		sp = nl = 0;
		do {
			*d++ = c;
		} while (++i < n && (c = s[i]) > 0x20 && c != 0x7f &&
		    c != 0xc2);
	}
	out->len = d - out->data;
	out->data[out->len] = '\0';
}
