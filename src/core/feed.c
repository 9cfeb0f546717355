/*
 * Partner feeds: dispatch, defaults, and what every parser shares --
 * cleaning a field, HTML to text, encoding repair, and the push parser
 * used by the Indeed and RSS/Atom formats, which takes the feed in
 * chunks as they are fetched and reads its encoding as it goes.
 */

#define _GNU_SOURCE		/* memmem() on glibc */

#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>

#include "core.h"
#include "feed.h"

#define FEED_MAX_STREAM	(256U * 1024 * 1024)	/* streamed formats */
#define FEED_MAX_TREE	(16U * 1024 * 1024)	/* parsed into a tree */
#define FEED_MAX_DEPTH	128
#define FEED_MAX_FIELD	(64U * 1024)
#define FEED_XML_MAX_DEPTH 256		/* libxml2's xmlParserMaxDepth */
#define FEED_XML_CHUNK	(64U * 1024)	/* bytes per xmlParseChunk() */
#define FEED_XML_DECL	8192		/* where an XML declaration must end */

struct feed_raw {
	struct sbuf	val[FF__MAX];
	int		prio[FF__MAX];
	int		sep[FF__MAX];	/* ", " due before the next text */
	struct sbuf	out[FF__MAX];
	struct sbuf	tmp;		/* feed_html_text() scratch */
};

/* What an HTML tag does to the text around it. */
enum html_what {
	HT_PARA,	/* block: a paragraph break */
	HT_LINE,	/* a line break */
	HT_ITEM,	/* a list item: a line starting "- " */
	HT_SPACE,	/* a table cell: a space */
	HT_SKIP		/* its content is not text: script, style, ... */
};

struct html_tag {
	const char	*name;
	enum html_what	 what;
};

/*
 * How the bytes of a streamed feed reach the parser, which always reads
 * UTF-8 except in XM_RAW.  Decided from the first bytes (XM_DECL), and
 * for a feed that declares anything but UTF-8, at its first non-ASCII
 * character (XM_SNIFF), since ASCII reads the same in all of them.
 */
enum xml_mode {
	XM_DECL,	/* keeping the first bytes: BOM, XML declaration */
	XM_RAW,		/* UTF-16 or UTF-32: libxml2 detects and converts */
	XM_SNIFF,	/* declared other than UTF-8, all ASCII so far */
	XM_UTF8,	/* UTF-8; invalid bytes repaired as Windows-1252 */
	XM_CP1252,	/* declared Latin-1 and not UTF-8: converted here */
	XM_CONV		/* another declared encoding: libxml2's converter */
};

struct xml_state {
	struct feed_ctx			*ctx;
	const struct feed_xml_spec	*spec;
	struct feed_raw			*raw;
	xmlParserCtxtPtr		 pc;
	enum xml_mode			 mode;
	char				 enc[40];	/* as declared */
	struct sbuf			 pre;		/* XM_DECL bytes */
	struct sbuf			 in;		/* carry + a chunk */
	char				 carry[4];	/* a cut character */
	size_t				 ncarry;
	xmlCharEncodingHandlerPtr	 conv;		/* XM_CONV */
	xmlBufferPtr			 cin, cout;
	struct sbuf			 attr;		/* xml_attr() value */
	int				 depth;		/* open elements */
	int				 max_depth;
	int				 item_depth;	/* -1: not in an item */
	int				 field;		/* -1: not in a field */
	int				 field_depth;
	char				 parent[64];
};

typedef int	(*feed_parse_fn)(struct feed_ctx *, const char *, size_t);

struct feed_stream {
	struct feed_ctx		 ctx;
	struct feed_result	 scratch;	/* when the caller gives none */
	enum feed_format	 fmt;
	size_t			 bytes;		/* pushed so far */
	int			 ended;
	struct sbuf		 body;		/* formats read whole */
	struct xml_state	*xml;		/* streamed formats */
};

static xmlParserInputPtr	 feed_entity_refuse(const char *, const char *,
				    xmlParserCtxtPtr);
static int			 feed_html_tag_cmp(const void *, const void *);
static const struct html_tag	*feed_html_tag_find(const char *, size_t);
static size_t			 feed_html_tag_end(const char *, size_t,
				    size_t);
static size_t			 feed_html_skip(const char *, size_t, size_t,
				    const char *);
static void			 feed_html_tmp(struct sbuf *, struct sbuf *,
				    const char *, size_t, size_t);
static void			 feed_squash(struct sbuf *, const char *,
				    size_t, int);
static void			 feed_cut(struct sbuf *, size_t);
static void			 feed_url(struct feed_ctx *, struct sbuf *);
static void			 feed_declared(const char *, size_t, int,
				    char *, size_t);
static int			 feed_utf8_valid(const char *, size_t);
static void			 feed_quiet(void *, const char *, ...);
static int			 feed_tree_depth(xmlNodePtr, int);
static struct xml_state		*xml_st(void *);
static void			 xml_error(void *, xmlErrorPtr);
static void			 xml_stop(struct xml_state *);
static struct xml_state		*xml_new(struct feed_ctx *,
				    const struct feed_xml_spec *);
static void			 xml_free(struct xml_state *);
static void			 xml_push(struct xml_state *, const char *,
				    size_t);
static void			 xml_finish(struct xml_state *);
static int			 xml_ready(const char *, size_t);
static void			 xml_begin(struct xml_state *, int);
static void			 xml_open(struct xml_state *, const char *,
				    int);
static void			 xml_input(struct xml_state *, const char *,
				    size_t, int);
static int			 xml_decide(struct xml_state *, const char *,
				    size_t, int);
static void			 xml_convert(struct xml_state *, const char *,
				    size_t, int);
static void			 xml_utf8(struct xml_state *, const char *,
				    size_t);
static void			 xml_parse(struct xml_state *, const char *,
				    size_t);
static size_t			 utf8_tail(const char *, size_t);
static int			 utf8_first(const char *, size_t);
static void			 xml_start(void *, const xmlChar *,
				    const xmlChar *, const xmlChar *, int,
				    const xmlChar **, int, int,
				    const xmlChar **);
static void			 xml_end(void *, const xmlChar *,
				    const xmlChar *, const xmlChar *);
static void			 xml_chars(void *, const xmlChar *, int);
static void			 xml_cdata(void *, const xmlChar *, int);
static void			 xml_ref(void *, const xmlChar *);
static void			 xml_text(struct xml_state *, const char *,
				    size_t);
static int			 xml_attr(struct xml_state *,
				    const xmlChar **, int, const char *);
static const struct feed_tag	*xml_tag(const struct feed_xml_spec *,
				    const char *, const char *);

/*
 * A format is streamed (spec) or read whole once it has all arrived
 * (parse).  max_bytes: the cap when the caller gives none; a tree costs
 * more.
 */
static const struct {
	const char			*name;
	const struct feed_xml_spec	*spec;
	feed_parse_fn			 parse;
	size_t				 max_bytes;
} feed_formats[FEED_FORMAT_MAX] = {
	[FEED_INDEED] = { "indeed", &feed_indeed_spec, NULL,
	    FEED_MAX_STREAM },
	[FEED_RSS] = { "rss", &feed_rss_spec, NULL, FEED_MAX_STREAM },
	[FEED_ATOM] = { "atom", &feed_rss_spec, NULL, FEED_MAX_STREAM },
	[FEED_JSONLD] = { "jsonld", NULL, feed_jsonld_parse, FEED_MAX_TREE },
	[FEED_HTML] = { "html", NULL, feed_html_parse, FEED_MAX_TREE },
};

/* Sorted by name for bsearch. */
static const struct html_tag html_tags[] = {
	{ "address", HT_PARA },
	{ "article", HT_PARA },
	{ "aside", HT_PARA },
	{ "blockquote", HT_PARA },
	{ "br", HT_LINE },
	{ "dd", HT_LINE },
	{ "div", HT_PARA },
	{ "dl", HT_PARA },
	{ "dt", HT_LINE },
	{ "figure", HT_PARA },
	{ "footer", HT_PARA },
	{ "h1", HT_PARA },
	{ "h2", HT_PARA },
	{ "h3", HT_PARA },
	{ "h4", HT_PARA },
	{ "h5", HT_PARA },
	{ "h6", HT_PARA },
	{ "head", HT_SKIP },
	{ "header", HT_PARA },
	{ "hr", HT_PARA },
	{ "iframe", HT_SKIP },
	{ "li", HT_ITEM },
	{ "main", HT_PARA },
	{ "nav", HT_PARA },
	{ "noscript", HT_SKIP },
	{ "object", HT_SKIP },
	{ "ol", HT_PARA },
	{ "p", HT_PARA },
	{ "pre", HT_PARA },
	{ "script", HT_SKIP },
	{ "section", HT_PARA },
	{ "style", HT_SKIP },
	{ "svg", HT_SKIP },
	{ "table", HT_PARA },
	{ "td", HT_SPACE },
	{ "template", HT_SKIP },
	{ "textarea", HT_SKIP },
	{ "th", HT_SPACE },
	{ "title", HT_SKIP },
	{ "tr", HT_LINE },
	{ "ul", HT_PARA },
};

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

void
feed_init(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(feed_entity_refuse);
	xmlSetGenericErrorFunc(NULL, feed_quiet);
}

/*
 * A few libxml2 messages (encoding conversion) bypass the parser's
 * NOERROR option; the reason reaches the caller in feed_result instead.
 */
static void
feed_quiet(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

/*
 * No feed may make us read a file or open a connection: every external
 * entity, DTD and XInclude is refused, whatever the parser options.
 */
static xmlParserInputPtr
feed_entity_refuse(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return (NULL);
}

int
feed_format_parse(const char *name, enum feed_format *fmt)
{
	size_t	i;

	for (i = 0; name != NULL && i < FEED_FORMAT_MAX; i++) {
		if (strcasecmp(name, feed_formats[i].name) == 0) {
			*fmt = i;
			return (0);
		}
	}
	return (-1);
}

const char *
feed_format_name(enum feed_format fmt)
{
	if ((unsigned int)fmt >= FEED_FORMAT_MAX)
		return (NULL);
	return (feed_formats[fmt].name);
}

int
feed_parse(enum feed_format fmt, const char *buf, size_t len,
    const struct feed_opts *opts, feed_item_cb cb, void *arg,
    struct feed_result *res)
{
	struct feed_stream	*s;
	int			 rc;

	s = feed_stream_new(fmt, opts, cb, arg, res);
	/* Over the cap: refused before the parser sees a byte. */
	if (len > s->ctx.opts.max_bytes)
		feed_error(&s->ctx, "feed of %zu bytes is over the limit of %zu",
		    len, s->ctx.opts.max_bytes);
	else if (buf != NULL)
		(void)feed_stream_push(s, buf, len);
	rc = feed_stream_end(s);
	feed_stream_free(s);
	return (rc);
}

struct feed_stream *
feed_stream_new(enum feed_format fmt, const struct feed_opts *opts,
    feed_item_cb cb, void *arg, struct feed_result *res)
{
	struct feed_stream	*s;

	s = xcalloc(1, sizeof(*s));
	if (res == NULL)
		res = &s->scratch;
	memset(res, 0, sizeof(*res));
	if (opts != NULL)
		s->ctx.opts = *opts;
	s->ctx.cb = cb;
	s->ctx.arg = arg;
	s->ctx.res = res;
	s->fmt = fmt;
	sbuf_init(&s->body);
	if ((unsigned int)fmt >= FEED_FORMAT_MAX) {
		feed_error(&s->ctx, "unknown feed format");
		return (s);
	}
	if (s->ctx.opts.max_bytes == 0)
		s->ctx.opts.max_bytes = feed_formats[fmt].max_bytes;
	if (s->ctx.opts.max_bytes > INT_MAX)
		s->ctx.opts.max_bytes = INT_MAX;
	if (s->ctx.opts.max_depth <= 0)
		s->ctx.opts.max_depth = FEED_MAX_DEPTH;
	if (s->ctx.opts.max_field == 0)
		s->ctx.opts.max_field = FEED_MAX_FIELD;
	if (feed_formats[fmt].spec != NULL)
		s->xml = xml_new(&s->ctx, feed_formats[fmt].spec);
	return (s);
}

int
feed_stream_push(struct feed_stream *s, const char *buf, size_t len)
{
	struct feed_ctx	*ctx = &s->ctx;

	if (s->ended || ctx->failed || ctx->stopped)
		return (-1);
	if (len > ctx->opts.max_bytes - s->bytes) {
		feed_error(ctx, "feed over the limit of %zu bytes",
		    ctx->opts.max_bytes);
		return (-1);
	}
	s->bytes += len;
	if (s->xml != NULL)
		xml_push(s->xml, buf, len);
	else
		sbuf_append(&s->body, buf, len);
	return (ctx->failed || ctx->stopped ? -1 : 0);
}

int
feed_stream_end(struct feed_stream *s)
{
	struct feed_ctx	*ctx = &s->ctx;

	if (!s->ended) {
		s->ended = 1;
		if (ctx->failed || ctx->stopped)
			;
		else if (s->bytes == 0)
			feed_error(ctx, "empty feed");
		else if (s->xml != NULL)
			xml_finish(s->xml);
		else if (feed_formats[s->fmt].parse(ctx, s->body.data,
		    s->body.len) == -1 && !ctx->failed)
			feed_error(ctx, "%s feed could not be parsed",
			    feed_formats[s->fmt].name);
		if (ctx->stopped && !ctx->failed)
			feed_error(ctx, "stopped by the importer");
		ctx->res->complete = !ctx->failed;
	}
	return (ctx->failed ? -1 : 0);
}

void
feed_stream_free(struct feed_stream *s)
{
	if (s == NULL)
		return;
	xml_free(s->xml);
	sbuf_free(&s->body);
	free(s);
}

/* Record why the parse failed; the first reason is the one kept. */
void
feed_error(struct feed_ctx *ctx, const char *fmt, ...)
{
	va_list		ap;
	size_t		n;

	if (ctx->failed)
		return;
	ctx->failed = 1;
	va_start(ap, fmt);
	(void)vsnprintf(ctx->res->error, sizeof(ctx->res->error), fmt, ap);
	va_end(ap);
	n = strlen(ctx->res->error);
	while (n > 0 && isspace((unsigned char)ctx->res->error[n - 1]))
		ctx->res->error[--n] = '\0';
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
			feed_url(ctx, out);
		if (out->len > 0) {
			v[i] = out->data;
			any = 1;
		}
	}
	desc = raw->val[FF_DESC].len > 0;

	memset(&item, 0, sizeof(item));
	item.external_id = v[FF_ID];
	item.title = v[FF_TITLE];
	item.company = v[FF_COMPANY];
	item.contract = v[FF_CONTRACT];
	item.city = v[FF_CITY];
	item.region = v[FF_REGION];
	item.country = v[FF_COUNTRY];
	item.url = v[FF_URL];
	item.email = v[FF_EMAIL];
	item.date = v[FF_DATE];
	item.expires = v[FF_EXPIRES];
	item.salary = v[FF_SALARY];
	item.lang = v[FF_LANG];
	item.digest = digest;
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

/*
 * Resolve a link against the base URL and keep only http(s) links (or
 * relative ones when there is no base): a feed must not hand the site a
 * javascript: or data: link to print in an href.
 */
static void
feed_url(struct feed_ctx *ctx, struct sbuf *out)
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
static void
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
static void
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

static int
feed_html_tag_cmp(const void *key, const void *elem)
{
	return (strcmp(key, ((const struct html_tag *)elem)->name));
}

static const struct html_tag *
feed_html_tag_find(const char *name, size_t n)
{
	char	lower[16];
	size_t	i;

	if (n == 0 || n >= sizeof(lower))
		return (NULL);
	for (i = 0; i < n; i++)
		lower[i] = tolower((unsigned char)name[i]);
	lower[n] = '\0';
	return (bsearch(lower, html_tags, sizeof(html_tags) /
	    sizeof(html_tags[0]), sizeof(html_tags[0]), feed_html_tag_cmp));
}

/* Offset of the '>' closing the tag opened at i, quotes honoured; or n. */
static size_t
feed_html_tag_end(const char *s, size_t n, size_t i)
{
	char	q = 0;

	for (; i < n; i++) {
		if (q) {
			if (s[i] == q)
				q = 0;
		} else if (s[i] == '"' || s[i] == '\'')
			q = s[i];
		else if (s[i] == '>')
			return (i);
	}
	return (n);
}

/* Offset just past "</name ...>" from i, case-insensitive; or n. */
static size_t
feed_html_skip(const char *s, size_t n, size_t i, const char *name)
{
	size_t	len = strlen(name);

	for (; i + 2 + len <= n; i++) {
		if (s[i] == '<' && s[i + 1] == '/' &&
		    strncasecmp(s + i + 2, name, len) == 0 &&
		    (i + 2 + len == n || !isalnum((unsigned char)s[i + 2 + len])))
			return (feed_html_tag_end(s, n, i) + 1);
	}
	return (n);
}

/*
 * An HTML fragment (a description) to plain text.  Markup is read before
 * entities are decoded, so "&lt;script&gt;" ends up as the literal text
 * "<script>", never as a tag; the content of script, style and the like
 * is dropped.  Text without any tag keeps its own line breaks.
 */
void
feed_html_text(struct sbuf *out, const char *s, size_t n, size_t max)
{
	struct sbuf	tmp;

	sbuf_init(&tmp);
	feed_html_tmp(out, &tmp, s, n, max);
	sbuf_free(&tmp);
}

/* feed_html_text() with a scratch buffer the caller keeps for the next. */
static void
feed_html_tmp(struct sbuf *out, struct sbuf *tmp, const char *s, size_t n,
    size_t max)
{
	const struct html_tag	*tag;
	char			*dec = NULL;
	const char		*t;
	size_t			 i, j, k, end, tn;
	int			 html = 0, closing;

	sbuf_reset(tmp);
	for (i = 0; i + 1 < n && !html; i++)
		html = s[i] == '<' && (isalpha((unsigned char)s[i + 1]) ||
		    s[i + 1] == '/' || s[i + 1] == '!');

	for (i = 0; i < n; i = j) {
		/*
		 * Copy the run of text up to the next '<' at once; in HTML a
		 * line break in the source is only a space.
		 */
		t = memchr(s + i, '<', n - i);
		j = t != NULL ? (size_t)(t - s) : n;
		if (j > i) {
			k = tmp->len;
			sbuf_append(tmp, s + i, j - i);
			if (html && (memchr(s + i, '\n', j - i) != NULL ||
			    memchr(s + i, '\r', j - i) != NULL))
				for (; k < tmp->len; k++)
					if (tmp->data[k] == '\n' ||
					    tmp->data[k] == '\r')
						tmp->data[k] = ' ';
			continue;
		}
		if (!html || j + 1 == n) {
			sbuf_putc(tmp, '<');
			j++;
			continue;
		}
		if (s[j + 1] == '!' && j + 3 < n && s[j + 2] == '-' &&
		    s[j + 3] == '-') {
			t = memmem(s + j + 4, n - j - 4, "-->", 3);
			j = t != NULL ? (size_t)(t - s) + 3 : n;
			continue;
		}
		closing = s[j + 1] == '/';
		k = j + 1 + closing;
		if (s[j + 1] != '!' && s[j + 1] != '?' &&
		    (k == n || !isalpha((unsigned char)s[k]))) {
			sbuf_putc(tmp, '<');
			j++;
			continue;
		}
		for (tn = k; tn < n && isalnum((unsigned char)s[tn]); tn++)
			continue;
		end = feed_html_tag_end(s, n, k);
		tag = feed_html_tag_find(s + k, tn - k);
		j = end < n ? end + 1 : n;
		if (tag == NULL)
			continue;
		switch (tag->what) {
		case HT_PARA:
			sbuf_append(tmp, "\n\n", 2);
			break;
		case HT_LINE:
			sbuf_putc(tmp, '\n');
			break;
		case HT_ITEM:
			if (!closing)
				sbuf_append(tmp, "\n- ", 3);
			break;
		case HT_SPACE:
			sbuf_putc(tmp, ' ');
			break;
		case HT_SKIP:
			if (!closing && end < n && s[end - 1] != '/')
				j = feed_html_skip(s, n, j, tag->name);
			break;
		}
	}
	if (memchr(tmp->data, '&', tmp->len) != NULL)
		dec = text_entity_decode(tmp->data);
	t = dec != NULL ? dec : tmp->data;
	feed_squash(out, t, strlen(t), 1);
	free(dec);
	feed_cut(out, max);
}

/* The encoding a document declares, lower case, "" when none. */
static void
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
static int
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
	char	enc[40];

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
	if (feed_name_in(enc, latin_names))
		*out = text_cp1252_to_utf8(buf, len);
	else if (feed_name_in(enc, utf8_names))
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

/* Depth of the deepest node, counting stops once it is over max. */
static int
feed_tree_depth(xmlNodePtr root, int max)
{
	xmlNodePtr	n = root;
	int		d = 0, deepest = 0;

	while (n != NULL) {
		if (n->children != NULL && d <= max) {
			n = n->children;
			if (++d > deepest)
				deepest = d;
			continue;
		}
		while (n != root && n->next == NULL) {
			n = n->parent;
			d--;
		}
		if (n == root)
			break;
		n = n->next;
	}
	return (deepest);
}

xmlDocPtr
feed_html_read(struct feed_ctx *ctx, const char *buf, size_t len)
{
	htmlParserCtxtPtr	 hc;
	xmlDocPtr		 doc;
	char			*conv;
	const char		*tail;
	size_t			 convlen, i, tn;
	int			 force, opts, max;

	if (feed_prepare(buf, len, 1, &conv, &convlen, &force) == -1) {
		feed_error(ctx, "cannot convert the page to UTF-8");
		return (NULL);
	}
	if (conv != NULL) {
		buf = conv;
		len = convlen;
	}
	if ((hc = htmlNewParserCtxt()) == NULL) {
		free(conv);
		feed_error(ctx, "cannot create the HTML parser");
		return (NULL);
	}
	opts = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    (force ? HTML_PARSE_IGNORE_ENC : 0);
	doc = htmlCtxtReadMemory(hc, buf, (int)len, ctx->opts.base_url,
	    force ? "UTF-8" : NULL, opts);
	/*
	 * The HTML parser recovers from everything, even from nesting past
	 * 256 levels, by silently dropping the rest: look for the signs.
	 */
	max = ctx->opts.max_depth < 255 ? ctx->opts.max_depth : 255;
	if (doc == NULL)
		feed_error(ctx, "the HTML could not be parsed");
	else if (hc->errNo == XML_ERR_INTERNAL_ERROR)
		feed_error(ctx, "%s", hc->lastError.message != NULL ?
		    hc->lastError.message : "HTML parser gave up");
	else if (feed_tree_depth((xmlNodePtr)doc, max) > max)
		feed_error(ctx, "elements nested deeper than %d", max);
	else {
		tn = len < 4096 ? len : 4096;
		tail = buf + len - tn;
		for (i = 0; i + 6 <= tn; i++)
			if (strncasecmp(tail + i, "</body", 6) == 0 ||
			    strncasecmp(tail + i, "</html", 6) == 0)
				break;
		if (i + 6 > tn)
			feed_error(ctx, "the page is cut short: no </body> "
			    "or </html> at its end");
	}
	htmlFreeParserCtxt(hc);
	free(conv);
	return (doc);
}

/*
 * The parser's user data is its own context (libxml2's SAX2 DTD handlers
 * need it); our state hangs off _private.  When libxml2 checks an entity
 * on its first reference it parses the replacement text with a context
 * of its own and the same handlers: that context is not ours, and the
 * handlers hand it to libxml2's own SAX2 ones, which keep the result in
 * the entity, as under xmlTextReader -- so nothing an entity holds ever
 * reaches an item, and no entity is parsed twice.
 */
static struct xml_state *
xml_st(void *arg)
{
	xmlParserCtxtPtr	 pc = arg;
	struct xml_state	*st;

	/* libxml2 copies _private into the entity's context: compare. */
	if (pc == NULL || (st = pc->_private) == NULL || st->pc != pc)
		return (NULL);
	return (st);
}

static void
xml_error(void *arg, xmlErrorPtr e)
{
	struct xml_state	*st = xml_st(arg);

	if (st == NULL || e == NULL || e->level != XML_ERR_FATAL)
		return;
	feed_error(st->ctx, "line %d: %s", e->line,
	    e->message != NULL ? e->message : "XML error");
}

/* Stop at once: the callback asked to, or a limit was hit. */
static void
xml_stop(struct xml_state *st)
{
	xmlStopParser(st->pc);
}

/* Parser state for a streamed format; xml_free(). */
static struct xml_state *
xml_new(struct feed_ctx *ctx, const struct feed_xml_spec *spec)
{
	struct xml_state	*st;

	st = xcalloc(1, sizeof(*st));
	st->ctx = ctx;
	st->spec = spec;
	st->mode = XM_DECL;
	st->item_depth = -1;
	st->field = -1;
	/*
	 * The push parser has no nesting limit of its own when the handlers
	 * build no tree (xmlTextReader's stopped at 256): keep that one.
	 */
	st->max_depth = ctx->opts.max_depth < FEED_XML_MAX_DEPTH ?
	    ctx->opts.max_depth : FEED_XML_MAX_DEPTH;
	st->raw = feed_raw_new();
	sbuf_init(&st->attr);
	sbuf_init(&st->pre);
	sbuf_init(&st->in);
	return (st);
}

static void
xml_free(struct xml_state *st)
{
	if (st == NULL)
		return;
	if (st->pc != NULL) {
		if (st->pc->myDoc != NULL)
			xmlFreeDoc(st->pc->myDoc);
		st->pc->_private = NULL;
		xmlFreeParserCtxt(st->pc);
	}
	if (st->conv != NULL)
		(void)xmlCharEncCloseFunc(st->conv);
	if (st->cin != NULL)
		xmlBufferFree(st->cin);
	if (st->cout != NULL)
		xmlBufferFree(st->cout);
	feed_raw_free(st->raw);
	sbuf_free(&st->attr);
	sbuf_free(&st->pre);
	sbuf_free(&st->in);
	free(st);
}

/*
 * Bytes as they come, cut anywhere.  The first ones are kept until the
 * encoding can be chosen; after that a chunk at a time goes on, so that
 * nothing the size of the feed is ever held.
 */
static void
xml_push(struct xml_state *st, const char *buf, size_t len)
{
	size_t	n;

	/* A declaration is over within FEED_XML_DECL bytes after a BOM. */
	while (st->mode == XM_DECL && len > 0) {
		n = FEED_XML_DECL + 3 - st->pre.len;
		n = len < n ? len : n;
		sbuf_append(&st->pre, buf, n);
		buf += n;
		len -= n;
		if (xml_ready(st->pre.data, st->pre.len))
			xml_begin(st, 0);
	}
	for (; len > 0 && !st->ctx->failed && !st->ctx->stopped;
	    buf += n, len -= n) {
		n = len < FEED_XML_CHUNK ? len : FEED_XML_CHUNK;
		xml_input(st, buf, n, 0);
	}
}

/* The end of the feed: what was held back, then the parser's end. */
static void
xml_finish(struct xml_state *st)
{
	int	rc;

	if (st->mode == XM_DECL)
		xml_begin(st, 1);
	else
		xml_input(st, NULL, 0, 1);
	if (st->ctx->failed || st->ctx->stopped || st->pc == NULL)
		return;
	rc = xmlParseChunk(st->pc, NULL, 0, 1);
	if ((rc != 0 || !st->pc->wellFormed) && !st->ctx->stopped)
		feed_error(st->ctx, "the XML is not well formed");
}

/*
 * Enough of the start to choose an encoding: UTF-16 and UTF-32 show in
 * the first bytes (libxml2 wants four); otherwise the XML declaration,
 * when there is one, up to its "?>" or FEED_XML_DECL bytes.
 */
static int
xml_ready(const char *b, size_t n)
{
	const unsigned char	*u = (const unsigned char *)b;
	size_t			 lim;

	if (n < 2)
		return (0);
	if (u[0] == '\0' || u[1] == '\0' || (u[0] == 0xfe && u[1] == 0xff) ||
	    (u[0] == 0xff && u[1] == 0xfe))
		return (n >= 4);
	if (u[0] == 0xef) {
		if (n < 3)
			return (u[1] != 0xbb);
		if (u[1] == 0xbb && u[2] == 0xbf) {
			b += 3;
			n -= 3;
		}
	}
	if (n < 5)
		return (memcmp(b, "<?xml", n) != 0);
	if (memcmp(b, "<?xml", 5) != 0)
		return (1);
	lim = n < FEED_XML_DECL ? n : FEED_XML_DECL;
	return (lim == FEED_XML_DECL || memmem(b, lim, "?>", 2) != NULL);
}

/*
 * Choose how to read the feed from its first bytes (in st->pre), start
 * the parser and hand it those bytes.  A declaration of UTF-8, or none,
 * is believed (bad bytes are repaired).  Any other is only believed once
 * a non-ASCII character shows that the bytes are not UTF-8: a Latin-1
 * declaration over UTF-8 text is the usual mistake.
 */
static void
xml_begin(struct xml_state *st, int end)
{
	const unsigned char	*u = (const unsigned char *)st->pre.data;
	const char		*b = st->pre.data;
	size_t			 n = st->pre.len, first;

	if (n >= 2 && (u[0] == '\0' || u[1] == '\0' ||
	    (u[0] == 0xfe && u[1] == 0xff) || (u[0] == 0xff && u[1] == 0xfe))) {
		/* libxml2 looks at the first four bytes to choose. */
		st->mode = XM_RAW;
		first = n < 4 ? 0 : 4;
		xml_open(st, b, (int)first);
		xml_input(st, b + first, n - first, end);
		return;
	}
	feed_declared(b, n, 0, st->enc, sizeof(st->enc));
	/* Read as UTF-8, a UTF-8 byte order mark is not text. */
	if (n >= 3 && memcmp(b, "\xef\xbb\xbf", 3) == 0) {
		b += 3;
		n -= 3;
	}
	/* A UTF-16 or UTF-32 document would have shown NULs by now. */
	st->mode = feed_name_in(st->enc, utf8_names) ||
	    feed_name_in(st->enc, wide_names) ? XM_UTF8 : XM_SNIFF;
	xml_open(st, NULL, 0);
	xml_input(st, b, n, end);
}

/*
 * The push parser: given the first bytes, libxml2 chooses the encoding;
 * without, it reads UTF-8 whatever the document declares.
 */
static void
xml_open(struct xml_state *st, const char *first, int nfirst)
{
	xmlSAXHandler	sax;
	int		opts;

	memset(&sax, 0, sizeof(sax));
	xmlSAXVersion(&sax, 2);
	sax.startElementNs = xml_start;
	sax.endElementNs = xml_end;
	sax.characters = xml_chars;
	sax.ignorableWhitespace = xml_chars;
	sax.cdataBlock = xml_cdata;
	sax.reference = xml_ref;
	sax.comment = NULL;
	sax.processingInstruction = NULL;
	sax.warning = NULL;
	sax.error = NULL;
	sax.fatalError = NULL;
	sax.serror = xml_error;

	st->pc = xmlCreatePushParserCtxt(&sax, NULL, first, nfirst,
	    st->ctx->opts.base_url);
	if (st->pc == NULL) {
		feed_error(st->ctx, "cannot create the XML parser");
		return;
	}
	opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	    (first == NULL ? XML_PARSE_IGNORE_ENC : 0);
	(void)xmlCtxtUseOptions(st->pc, opts);
	if (first == NULL)
		(void)xmlSwitchEncoding(st->pc, XML_CHAR_ENCODING_UTF8);
	st->pc->_private = st;
}

/*
 * Bytes of the feed in its own encoding, at most FEED_XML_CHUNK (plus a
 * held back character) at a time, on to the parser as UTF-8.  end: no
 * more will come, so nothing is held back.
 */
static void
xml_input(struct xml_state *st, const char *b, size_t n, int end)
{
	size_t	i, keep;

	if (st->ctx->failed || st->ctx->stopped || st->pc == NULL)
		return;
	if (st->ncarry > 0) {
		sbuf_reset(&st->in);
		sbuf_append(&st->in, st->carry, st->ncarry);
		if (n > 0)
			sbuf_append(&st->in, b, n);
		st->ncarry = 0;
		b = st->in.data;
		n = st->in.len;
	}
	if (st->mode == XM_SNIFF) {
		for (i = 0; i < n && (unsigned char)b[i] < 0x80; i++)
			continue;
		xml_utf8(st, b, i);
		b += i;
		n -= i;
		if (n > 0 && xml_decide(st, b, n, end) == -1) {
			/* The first character is cut: wait for the rest. */
			memcpy(st->carry, b, n);
			st->ncarry = n;
			return;
		}
	}
	switch (st->mode) {
	case XM_RAW:
		xml_parse(st, b, n);
		break;
	case XM_UTF8:
		keep = end ? 0 : utf8_tail(b, n);
		xml_utf8(st, b, n - keep);
		if (keep > 0)
			memcpy(st->carry, b + n - keep, keep);
		st->ncarry = keep;
		break;
	case XM_CP1252:
		if (n > 0) {
			char	*conv = text_cp1252_to_utf8(b, n);

			if (conv != NULL)
				xml_parse(st, conv, strlen(conv));
			free(conv);
		}
		break;
	case XM_CONV:
		xml_convert(st, b, n, end);
		break;
	default:
		break;
	}
}

/*
 * At the first non-ASCII character of a feed that declares an encoding
 * other than UTF-8: UTF-8 after all when it is a valid sequence, else
 * what it declares.  -1 when the character is cut and more may come.
 */
static int
xml_decide(struct xml_state *st, const char *b, size_t n, int end)
{
	int	valid;

	if ((valid = utf8_first(b, n)) == -1 && !end)
		return (-1);
	if (valid == 1)
		st->mode = XM_UTF8;
	else if (feed_name_in(st->enc, latin_names))
		st->mode = XM_CP1252;
	else if ((st->conv = xmlFindCharEncodingHandler(st->enc)) == NULL)
		feed_error(st->ctx, "unsupported encoding \"%s\"", st->enc);
	else {
		st->mode = XM_CONV;
		st->cin = xmlBufferCreate();
		st->cout = xmlBufferCreate();
		if (st->cin == NULL || st->cout == NULL)
			feed_error(st->ctx, "cannot convert from \"%s\"",
			    st->enc);
	}
	return (0);
}

/*
 * Through libxml2's converter for the declared encoding, which keeps a
 * character cut at the end of a chunk for the next one.
 */
static void
xml_convert(struct xml_state *st, const char *b, size_t n, int end)
{
	int	left, rc;

	if (st->ctx->failed)
		return;
	if (n > 0 && xmlBufferAdd(st->cin, (const xmlChar *)b, (int)n) != 0) {
		feed_error(st->ctx, "cannot convert from \"%s\"", st->enc);
		return;
	}
	while ((left = xmlBufferLength(st->cin)) > 0) {
		rc = xmlCharEncInFunc(st->conv, st->cout, st->cin);
		if (xmlBufferLength(st->cout) > 0) {
			xml_parse(st, (const char *)xmlBufferContent(st->cout),
			    xmlBufferLength(st->cout));
			xmlBufferEmpty(st->cout);
		}
		if (rc == -2) {
			feed_error(st->ctx, "bytes that are not %s", st->enc);
			return;
		}
		if (xmlBufferLength(st->cin) == left)
			break;
	}
	if (end && xmlBufferLength(st->cin) > 0)
		feed_error(st->ctx, "the feed ends inside a character");
}

/*
 * UTF-8 to the parser; a chunk with invalid sequences or NULs is repaired
 * first (bad bytes read as Windows-1252, NULs dropped).  Chunks never end
 * inside a sequence that may be valid (utf8_tail), and repair never
 * changes a valid one, so where the feed was cut changes nothing.
 */
static void
xml_utf8(struct xml_state *st, const char *b, size_t n)
{
	char	*fixed;

	if (n == 0)
		return;
	if (feed_utf8_valid(b, n) && memchr(b, '\0', n) == NULL) {
		xml_parse(st, b, n);
		return;
	}
	if ((fixed = text_utf8_repair(b, n)) != NULL)
		xml_parse(st, fixed, strlen(fixed));
	free(fixed);
}

static void
xml_parse(struct xml_state *st, const char *b, size_t n)
{
	size_t	k;

	for (; n > 0; b += k, n -= k) {
		if (st->ctx->failed || st->ctx->stopped)
			return;
		k = n < FEED_XML_CHUNK ? n : FEED_XML_CHUNK;
		if (xmlParseChunk(st->pc, b, (int)k, 0) != 0 &&
		    !st->ctx->stopped) {
			feed_error(st->ctx, "the XML is not well formed");
			return;
		}
	}
}

/*
 * Bytes at the end of b that start a UTF-8 sequence the next chunk may
 * complete: its lead byte and fewer continuation bytes than it wants.
 */
static size_t
utf8_tail(const char *b, size_t n)
{
	unsigned char	c;
	size_t		k, want;

	for (k = 1; k <= 3 && k <= n; k++) {
		c = b[n - k];
		if ((c & 0xc0) == 0x80)
			continue;
		if (c < 0xc0)
			return (0);
		want = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
		return (k < want ? k : 0);
	}
	return (0);
}

/* The character at b (non-ASCII): 1 valid UTF-8, 0 not, -1 cut short. */
static int
utf8_first(const char *b, size_t n)
{
	unsigned char	c = b[0];
	size_t		want, i;

	if (c >= 0xc2 && c <= 0xdf)
		want = 2;
	else if (c >= 0xe0 && c <= 0xef)
		want = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		want = 4;
	else
		return (0);
	for (i = 1; i < want && i < n; i++)
		if (((unsigned char)b[i] & 0xc0) != 0x80)
			return (0);
	if (n < want)
		return (-1);
	return (text_utf8_valid(b, want));
}

static const struct feed_tag *
xml_tag(const struct feed_xml_spec *spec, const char *parent,
    const char *name)
{
	size_t	i;

	for (i = 0; i < spec->ntags; i++) {
		const struct feed_tag	*t = &spec->tags[i];

		if ((t->parent == NULL) != (parent == NULL))
			continue;
		if (tolower((unsigned char)t->name[0]) !=
		    tolower((unsigned char)name[0]))
			continue;
		if (parent != NULL && strcasecmp(t->parent, parent) != 0)
			continue;
		if (strcasecmp(t->name, name) == 0)
			return (t);
	}
	return (NULL);
}

/*
 * An attribute without a namespace, into st->attr.  With entities not
 * substituted libxml2 hands over "&#38;" for a literal '&' and "&name;"
 * for a reference to a declared entity: the first becomes '&', the
 * second is skipped, as in text.  A value of 20 000 references to a
 * 50 KB entity must not take minutes and a GB.
 */
static int
xml_attr(struct xml_state *st, const xmlChar **attrs, int nattrs,
    const char *name)
{
	const char	*v, *end, *p;
	int		 i;

	for (i = 0; i < nattrs; i++, attrs += 5) {
		if (attrs[2] != NULL || strcmp((const char *)attrs[0], name))
			continue;
		sbuf_reset(&st->attr);
		v = (const char *)attrs[3];
		end = (const char *)attrs[4];
		while (v < end) {
			if ((p = memchr(v, '&', end - v)) == NULL)
				p = end;
			sbuf_append(&st->attr, v, p - v);
			if (p == end)
				break;
			if (end - p >= 5 && memcmp(p, "&#38;", 5) == 0) {
				sbuf_putc(&st->attr, '&');
				v = p + 5;
			} else if ((v = memchr(p, ';', end - p)) != NULL)
				v++;
			else
				break;
		}
		return (1);
	}
	return (0);
}

static void
xml_start(void *arg, const xmlChar *lname, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **ns, int nattrs,
    int ndefaulted, const xmlChar **attrs)
{
	struct xml_state	*st = xml_st(arg);
	const struct feed_tag	*t;
	const char		*name = (const char *)lname, *const *it;
	const xmlChar		*cur;
	int			 depth, empty;

	if (st == NULL) {
		xmlSAX2StartElementNs(arg, lname, prefix, uri, nns, ns,
		    nattrs, ndefaulted, attrs);
		return;
	}
	depth = st->depth++;
	if (depth > st->max_depth) {
		feed_error(st->ctx, "elements nested deeper than %d",
		    st->max_depth);
		xml_stop(st);
		return;
	}
	/*
	 * libxml2 calls this with its input just past the attributes: an
	 * empty element "<x/>" is the one still looking at "/>".
	 */
	cur = st->pc->input != NULL ? st->pc->input->cur : NULL;
	empty = cur != NULL && cur[0] == '/' && cur[1] == '>';
	if (st->item_depth < 0) {
		for (it = st->spec->items; *it != NULL; it++)
			if (strcasecmp(name, *it) == 0)
				break;
		if (*it == NULL)
			return;
		st->item_depth = depth;
		feed_raw_reset(st->raw);
		return;
	}
	if (st->field >= 0) {
		/* Markup inside a description (XHTML content) is kept. */
		if (st->field == FF_DESC) {
			feed_raw_append(st->ctx, st->raw, FF_DESC, "<", 1);
			feed_raw_append(st->ctx, st->raw, FF_DESC, name,
			    strlen(name));
			feed_raw_append(st->ctx, st->raw, FF_DESC,
			    empty ? "/>" : ">", empty ? 2 : 1);
		}
		return;
	}
	if (depth == st->item_depth + 1) {
		if (strlen(name) < sizeof(st->parent))
			(void)strcpy(st->parent, name);
		else
			st->parent[0] = '\0';
		t = xml_tag(st->spec, NULL, name);
	} else if (depth == st->item_depth + 2)
		t = xml_tag(st->spec, st->parent, name);
	else
		t = NULL;
	if (t == NULL)
		return;

	if (t->flags & FT_HREF) {
		if (xml_attr(st, attrs, nattrs, "rel") &&
		    strcasecmp(st->attr.data, "alternate") != 0)
			return;
		if (xml_attr(st, attrs, nattrs, "href")) {
			if (feed_raw_claim(st->raw, t->field, t->prio, 0) == 0)
				feed_raw_append(st->ctx, st->raw, t->field,
				    st->attr.data, st->attr.len);
			return;
		}
	}
	if (empty || feed_raw_claim(st->raw, t->field, t->prio,
	    t->flags & FT_JOIN) == -1)
		return;
	st->field = t->field;
	st->field_depth = depth;
}

static void
xml_end(void *arg, const xmlChar *lname, const xmlChar *prefix,
    const xmlChar *uri)
{
	struct xml_state	*st = xml_st(arg);
	const char		*name = (const char *)lname;
	int			 depth;

	if (st == NULL) {
		xmlSAX2EndElementNs(arg, lname, prefix, uri);
		return;
	}
	depth = --st->depth;
	if (st->item_depth < 0)
		return;
	if (st->field >= 0) {
		if (depth == st->field_depth) {
			st->field = -1;
		} else if (st->field == FF_DESC) {
			feed_raw_append(st->ctx, st->raw, FF_DESC, "</", 2);
			feed_raw_append(st->ctx, st->raw, FF_DESC, name,
			    strlen(name));
			feed_raw_append(st->ctx, st->raw, FF_DESC, ">", 1);
		}
		return;
	}
	if (depth == st->item_depth) {
		st->item_depth = -1;
		if (feed_emit(st->ctx, st->raw, 0) == -1)
			xml_stop(st);
	}
}

static void
xml_chars(void *arg, const xmlChar *text, int len)
{
	struct xml_state	*st = xml_st(arg);

	if (st == NULL)
		xmlSAX2Characters(arg, text, len);
	else if (len > 0)
		xml_text(st, (const char *)text, len);
}

static void
xml_cdata(void *arg, const xmlChar *text, int len)
{
	struct xml_state	*st = xml_st(arg);

	if (st == NULL)
		xmlSAX2CDataBlock(arg, text, len);
	else if (len > 0)
		xml_text(st, (const char *)text, len);
}

/* A reference to a declared entity: skipped, never expanded. */
static void
xml_ref(void *arg, const xmlChar *name)
{
	if (xml_st(arg) == NULL)
		xmlSAX2Reference(arg, name);
}

/*
 * Text, CDATA and whitespace alike; libxml2 may hand one text node over
 * in several pieces.  The depth check counts text one below its element,
 * as xmlTextReader did.
 */
static void
xml_text(struct xml_state *st, const char *v, size_t len)
{
	const char	*end, *p;

	if (st->depth > st->max_depth) {
		feed_error(st->ctx, "elements nested deeper than %d",
		    st->max_depth);
		xml_stop(st);
		return;
	}
	if (st->field < 0)
		return;
	/*
	 * Text directly in a field is taken as it is (it is often HTML in
	 * CDATA).  Text inside XHTML markup was decoded by the XML parser
	 * and is escaped again, so that the HTML-to-text step reads it as
	 * text, not as tags.
	 */
	if (st->field != FF_DESC || st->depth <= st->field_depth + 1) {
		feed_raw_append(st->ctx, st->raw, st->field, v, len);
		return;
	}
	end = v + len;
	while (v < end) {
		for (p = v; p < end && *p != '<' && *p != '&'; p++)
			continue;
		feed_raw_append(st->ctx, st->raw, FF_DESC, v, p - v);
		if (p == end)
			break;
		feed_raw_append(st->ctx, st->raw, FF_DESC,
		    *p == '<' ? "&lt;" : "&amp;", *p == '<' ? 4 : 5);
		v = p + 1;
	}
}
