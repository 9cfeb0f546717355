/*
 * The item a parser is reading: its raw fields, claimed by priority and
 * capped where they come in, the digest of what was read (for an
 * importer that skips what it already has), and feed_emit(), which
 * cleans every field and hands the item to the callback.
 */

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "feed.h"

struct feed_raw {
	struct sbuf	val[FF__MAX];
	int		prio[FF__MAX];
	int		sep[FF__MAX];	/* ", " due before the next text */
	struct sbuf	out[FF__MAX];
	struct sbuf	tmp;		/* feed_html_text() scratch */
};

static uint64_t	 feed_mix(uint64_t, const void *, size_t);
static uint64_t	 feed_raw_digest(const struct feed_ctx *,
		    const struct feed_raw *, int);

uint64_t
feed_item_digest(uint64_t h, const struct feed_item *it)
{
	const char	*f[] = { it->external_id, it->title, it->company,
			    it->contract, it->city, it->region, it->country,
			    it->description, it->url, it->email, it->date,
			    it->expires, it->salary, it->lang };
	const char	*c;
	size_t		 i;

	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		if (f[i] == NULL) {
			h = (h ^ 0xff) * 0x100000001b3ULL;
			continue;
		}
		for (c = f[i]; *c != '\0'; c++)
			h = (h ^ (unsigned char)*c) * 0x100000001b3ULL;
		h *= 0x100000001b3ULL;	/* the NUL that ends the field */
	}
	return (h);
}

struct feed_raw *
feed_raw_new(void)
{
	struct feed_raw	*raw;
	int		 i;

	if ((raw = calloc(1, sizeof(*raw))) == NULL)
		abort();
	for (i = 0; i < FF__MAX; i++) {
		sbuf_init(&raw->val[i]);
		sbuf_init(&raw->out[i]);
		raw->prio[i] = -1;
	}
	sbuf_init(&raw->tmp);
	return (raw);
}

void
feed_raw_reset(struct feed_raw *raw)
{
	int	i;

	for (i = 0; i < FF__MAX; i++) {
		sbuf_reset(&raw->val[i]);
		raw->prio[i] = -1;
		raw->sep[i] = 0;
	}
}

void
feed_raw_free(struct feed_raw *raw)
{
	int	i;

	if (raw == NULL)
		return;
	for (i = 0; i < FF__MAX; i++) {
		sbuf_free(&raw->val[i]);
		sbuf_free(&raw->out[i]);
	}
	sbuf_free(&raw->tmp);
	free(raw);
}

int
feed_raw_claim(struct feed_raw *raw, enum feed_field f, int prio, int join)
{
	if (raw->prio[f] < 0 || prio < raw->prio[f]) {
		sbuf_reset(&raw->val[f]);
		raw->prio[f] = prio;
		raw->sep[f] = 0;
		return (0);
	}
	if (prio == raw->prio[f] && join) {
		raw->sep[f] = raw->val[f].len > 0;
		return (0);
	}
	return (-1);
}

/*
 * Raw text is capped where it comes in, so one hostile field cannot hold
 * the whole feed in memory; the cap leaves room for markup and entities
 * that cleaning removes.  A cut never splits a UTF-8 sequence.
 */
void
feed_raw_append(struct feed_ctx *ctx, struct feed_raw *raw,
    enum feed_field f, const char *s, size_t n)
{
	struct sbuf	*b = &raw->val[f];
	size_t		 cap, i;

	cap = ctx->opts.max_field * (f == FF_DESC ? 8 : 4) + 1024;
	if (b->len >= cap)
		return;
	if (raw->sep[f]) {
		for (i = 0; i < n && isspace((unsigned char)s[i]); i++)
			continue;
		if (i == n)
			return;
		sbuf_append(b, ", ", 2);
		raw->sep[f] = 0;
		if (b->len >= cap)
			return;
	}
	if (n > cap - b->len) {
		n = cap - b->len;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	sbuf_append(b, s, n);
}

/* 8 bytes at a time, MurmurHash64A's step: a digest, not FNV's byte loop. */
static uint64_t
feed_mix(uint64_t h, const void *p, size_t n)
{
	const uint64_t	 m = 0xc6a4a7935bd1e995ULL;
	const char	*s = p;
	uint64_t	 k;

	h ^= n * m;
	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&k, s, 8);
		k *= m;
		k ^= k >> 47;
		k *= m;
		h = (h ^ k) * m;
	}
	if (n > 0) {
		k = 0;
		memcpy(&k, s, n);
		h = (h ^ k) * m;
	}
	h ^= h >> 47;
	h *= m;
	return (h ^ (h >> 47));
}

/* The item as read, and all that shapes its cleaning. */
static uint64_t
feed_raw_digest(const struct feed_ctx *ctx, const struct feed_raw *raw,
    int decoded)
{
	const char	*base = ctx->opts.base_url ? ctx->opts.base_url : "";
	uint64_t	 h, seed[3];
	int		 i;

	seed[0] = FEED_CLEAN_VERSION;
	seed[1] = ctx->opts.max_field;
	seed[2] = (uint64_t)decoded;
	h = feed_mix(0, seed, sizeof(seed));
	h = feed_mix(h, base, strlen(base) + 1);
	for (i = 0; i < FF__MAX; i++)
		h = feed_mix(h, raw->val[i].data, raw->val[i].len);
	return (h);
}

int
feed_emit(struct feed_ctx *ctx, struct feed_raw *raw, int decoded)
{
	struct feed_item	 item;
	const char		*v[FF__MAX];
	size_t			 max = ctx->opts.max_field;
	uint64_t		 digest = 0;
	int			 i, any = 0, desc, known;

	if (ctx->opts.known != NULL)
		digest = feed_raw_digest(ctx, raw, decoded);
	/* The description last: with known, it may not be needed. */
	for (i = 0; i < FF__MAX; i++) {
		struct sbuf	*out = &raw->out[i];

		v[i] = NULL;
		sbuf_reset(out);
		if (i == FF_DESC || raw->val[i].len == 0)
			continue;
		feed_clean(out, raw->val[i].data, raw->val[i].len, max,
		    decoded);
		if (i == FF_URL)
			feed_clean_url(ctx, out);
		if (out->len > 0) {
			v[i] = out->data;
			any = 1;
		}
	}
	desc = raw->val[FF_DESC].len > 0;

	item = (struct feed_item){ .external_id = v[FF_ID],
	    .title = v[FF_TITLE], .company = v[FF_COMPANY],
	    .contract = v[FF_CONTRACT], .city = v[FF_CITY],
	    .region = v[FF_REGION], .country = v[FF_COUNTRY], .url = v[FF_URL],
	    .email = v[FF_EMAIL], .date = v[FF_DATE], .expires = v[FF_EXPIRES],
	    .salary = v[FF_SALARY], .lang = v[FF_LANG], .digest = digest };
	if (ctx->opts.known != NULL && (any || desc) &&
	    (known = ctx->opts.known(&item, ctx->arg)) != 0) {
		feed_raw_reset(raw);
		if (known == -1) {
			ctx->stopped = 1;
			return (-1);
		}
		ctx->res->items++;
		return (0);
	}
	if (desc) {
		feed_html_tmp(&raw->out[FF_DESC], &raw->tmp,
		    raw->val[FF_DESC].data, raw->val[FF_DESC].len, max);
		if (raw->out[FF_DESC].len > 0) {
			v[FF_DESC] = raw->out[FF_DESC].data;
			any = 1;
		}
	}
	feed_raw_reset(raw);
	if (!any)
		return (0);
	item.description = v[FF_DESC];
	ctx->res->items++;
	if (ctx->cb != NULL && ctx->cb(&item, ctx->arg) == -1) {
		ctx->stopped = 1;
		return (-1);
	}
	return (0);
}
