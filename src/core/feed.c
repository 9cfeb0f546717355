/*
 * Partner feeds: the stream API every importer uses -- the formats and
 * their limits, feed_parse() and the push stream, and the one record of
 * why a parse failed.  What the parsers share lives beside it: the item
 * being read and its digest (feed_item.c), field cleaning and link checks
 * (feed_clean.c), HTML to text (feed_htmltext.c), encodings (feed_enc.c),
 * the HTML reader (feed_htmlread.c) and the SAX push parser of the
 * streamed XML formats (feed_push.c).
 */

#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>

#include "core.h"
#include "feed.h"

#define FEED_MAX_STREAM	(256U * 1024 * 1024)	/* streamed formats */
#define FEED_MAX_TREE	(16U * 1024 * 1024)	/* parsed into a tree */
#define FEED_MAX_DEPTH	128
#define FEED_MAX_FIELD	(64U * 1024)

typedef int	(*feed_parse_fn)(struct feed_ctx *, const char *, size_t);

struct feed_stream {
	struct feed_ctx		 ctx;
	struct feed_result	 scratch;	/* when the caller gives none */
	enum feed_format	 fmt;
	size_t			 bytes;		/* pushed so far */
	int			 ended;
	struct sbuf		 body;		/* formats read whole */
	struct feed_xml		*xml;		/* streamed formats */
};

static xmlParserInputPtr	 feed_entity_refuse(const char *, const char *,
				    xmlParserCtxtPtr);
static void			 feed_quiet(void *, const char *, ...);

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
	[FEED_JSONLD] = { "jsonld", &feed_jsonld_spec, NULL,
	    FEED_MAX_STREAM },
	[FEED_HTML] = { "html", NULL, feed_html_parse, FEED_MAX_TREE },
};

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
		s->xml = feed_xml_new(&s->ctx, feed_formats[fmt].spec);
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
		feed_xml_push(s->xml, buf, len);
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
			feed_xml_finish(s->xml);
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
	feed_xml_free(s->xml);
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
