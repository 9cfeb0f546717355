/*
 * libFuzzer target: the same feed parsed in one piece (feed_parse()) and
 * pushed in pieces cut where the fuzzer says (feed_stream_push()); aborts
 * when the two disagree on an item, a field or the result.  Cuts fall
 * inside declarations, CDATA, entities and UTF-8 sequences.  The error
 * text is not compared: in a feed with two faults (bytes that are not in
 * its encoding after markup that is not well formed) which one libxml2's
 * push parser reports first depends on where the input was cut.
 *
 * The digest of each item as read (feed_opts.known) must agree too.
 *
 * Input: byte 0 picks the format (indeed, rss, atom), byte 1 the number
 * of cuts (0-15), then two bytes per cut, a position taken modulo the
 * length of the document, which is the rest.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "feed.h"

#define MAXCUTS		15

/* What a parse gave: a digest of every field of every item, in order. */
struct seen {
	uint64_t	digest;
	size_t		items;
};

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int	collect(const struct feed_item *, void *);
static int	known(const struct feed_item *, void *);
static int	cmp_size(const void *, const void *);

static const enum feed_format	formats[] = {
	FEED_INDEED, FEED_RSS, FEED_ATOM
};

static int
collect(const struct feed_item *it, void *arg)
{
	struct seen	*s = arg;

	s->digest = feed_item_digest(s->digest, it);
	s->items++;
	return (0);
}

/* Every item is asked about, then delivered: its digest as read too. */
static int
known(const struct feed_item *it, void *arg)
{
	struct seen	*s = arg;

	s->digest = (s->digest ^ it->digest) * 0x100000001b3ULL;
	return (0);
}

static int
cmp_size(const void *a, const void *b)
{
	size_t	x = *(const size_t *)a, y = *(const size_t *)b;

	return (x < y ? -1 : x > y);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	feed_init();
	return (0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct feed_opts	 o;
	struct feed_result	 r1, r2;
	struct feed_stream	*s;
	struct seen		 whole, split;
	enum feed_format	 fmt;
	const char		*doc;
	size_t			 cuts[MAXCUTS + 1], ncut, dlen, i, at;
	int			 rc1, rc2;

	if (len < 2)
		return (0);
	fmt = formats[data[0] % (sizeof(formats) / sizeof(formats[0]))];
	ncut = data[1] % (MAXCUTS + 1);
	if (len < 2 + 2 * ncut)
		return (0);
	doc = (const char *)data + 2 + 2 * ncut;
	dlen = len - 2 - 2 * ncut;
	for (i = 0; i < ncut; i++)
		cuts[i] = dlen == 0 ? 0 :
		    ((size_t)data[2 + 2 * i] << 8 | data[3 + 2 * i]) % dlen;
	qsort(cuts, ncut, sizeof(cuts[0]), cmp_size);
	cuts[ncut] = dlen;

	memset(&o, 0, sizeof(o));
	o.max_bytes = 1024 * 1024;
	o.max_field = 4096;
	o.base_url = "https://partner.example/feed/";
	o.known = known;

	memset(&whole, 0, sizeof(whole));
	rc1 = feed_parse(fmt, doc, dlen, &o, collect, &whole, &r1);

	memset(&split, 0, sizeof(split));
	s = feed_stream_new(fmt, &o, collect, &split, &r2);
	for (i = 0, at = 0; i <= ncut; i++) {
		if (feed_stream_push(s, doc + at, cuts[i] - at) == -1)
			break;
		at = cuts[i];
	}
	rc2 = feed_stream_end(s);
	feed_stream_free(s);

	if (rc1 != rc2 || r1.complete != r2.complete ||
	    r1.items != r2.items || whole.items != split.items ||
	    whole.digest != split.digest) {
		fprintf(stderr, "whole: rc %d, %zu items, %016llx, \"%s\"\n"
		    "split: rc %d, %zu items, %016llx, \"%s\"\n", rc1,
		    whole.items, (unsigned long long)whole.digest, r1.error,
		    rc2, split.items, (unsigned long long)split.digest,
		    r2.error);
		abort();
	}
	return (0);
}
