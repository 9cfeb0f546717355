/*
 * The SAX2 push parser of the streamed formats (Indeed, RSS, Atom, and
 * the JSON-LD of HTML pages): it takes the feed in chunks as they are
 * fetched, chooses how to read its encoding from the first bytes and the
 * first non-ASCII character, and fills the item's fields by the format's
 * feed_xml_spec, or hands an HTML page's chosen blocks to the format.
 * Memory stays flat whatever the size of the feed.
 */

#define _GNU_SOURCE		/* memmem() on glibc */

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>

#include "core.h"
#include "feed.h"

#define FEED_XML_MAX_DEPTH 256		/* libxml2's xmlParserMaxDepth */
#define FEED_XML_CHUNK	(64U * 1024)	/* bytes per xmlParseChunk() */
#define FEED_XML_DECL	8192		/* where an XML declaration must end */
#define FEED_HTML_TAIL	4096		/* where </body> or </html> must be */

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

/*
 * Where the HTML scanner is.  An HTML page is not parsed into elements:
 * only tags, comments and the raw text of script, style, textarea and
 * title are told apart, which is all that finding the blocks needs, and
 * nothing of the page is kept but the block being read.  (libxml2 2.9's
 * HTML push parser stalls on "</" inside a script, buffering the rest of
 * the page until its end: 390 MB for a 60 MB page.)
 */
enum html_state {
	HS_TEXT,	/* between tags */
	HS_LT,		/* after '<' */
	HS_TAG,		/* in a tag, up to its '>' */
	HS_BANG,	/* after "<!": a comment or a declaration */
	HS_COMMENT,	/* in <!-- -->; match counts the dashes seen */
	HS_DECL,	/* in <!...> or <?...>, up to '>' */
	HS_RAW,		/* raw text up to </endname */
	HS_BLOCK	/* a wanted block's text up to </endname */
};

struct feed_xml {
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
	/* An HTML page (spec->html), scanned: */
	enum html_state			 hs;
	struct sbuf			 tag;		/* the tag being read */
	char				 quote;		/* in a tag's value */
	char				 endname[16];	/* raw text until </it */
	size_t				 match;		/* of that end, so far */
	struct sbuf			 block;		/* the block being read */
	int				 block_over;	/* past block_max */
	char				 block_err[256]; /* the first refused */
	char				 tail[FEED_HTML_TAIL];
	size_t				 ntail;
};

static struct feed_xml		*xml_st(void *);
static void			 xml_error(void *, xmlErrorPtr);
static void			 xml_stop(struct feed_xml *);
static int			 xml_ready(const char *, size_t);
static void			 xml_begin(struct feed_xml *, int);
static void			 xml_open(struct feed_xml *, const char *,
				    int);
static void			 xml_input(struct feed_xml *, const char *,
				    size_t, int);
static int			 xml_decide(struct feed_xml *, const char *,
				    size_t, int);
static void			 xml_convert(struct feed_xml *, const char *,
				    size_t, int);
static void			 xml_utf8(struct feed_xml *, const char *,
				    size_t);
static void			 xml_parse(struct feed_xml *, const char *,
				    size_t);
static size_t			 utf8_tail(const char *, size_t);
static int			 utf8_first(const char *, size_t);
static void			 xml_start(void *, const xmlChar *,
				    const xmlChar *, const xmlChar *, int,
				    const xmlChar **, int, int,
				    const xmlChar **);
static void			 xml_end(void *, const xmlChar *,
				    const xmlChar *, const xmlChar *);
static void			 xml_piece(void *, const xmlChar *, int,
				    void (*)(void *, const xmlChar *, int));
static void			 xml_chars(void *, const xmlChar *, int);
static void			 xml_cdata(void *, const xmlChar *, int);
static void			 xml_ref(void *, const xmlChar *);
static void			 xml_text(struct feed_xml *, const char *,
				    size_t);
static int			 xml_attr(struct feed_xml *,
				    const xmlChar **, int, const char *);
static const struct feed_tag	*xml_tag(const struct feed_xml_spec *,
				    const char *, const char *);
static void			 html_scan(struct feed_xml *, const char *,
				    size_t);
static void			 html_tag(struct feed_xml *);
static void			 html_block_end(struct feed_xml *);
static void			 html_finish(struct feed_xml *);

/*
 * The parser's user data is its own context (libxml2's SAX2 DTD handlers
 * need it); our state hangs off _private.  When libxml2 checks an entity
 * on its first reference it parses the replacement text with a context
 * of its own and the same handlers: that context is not ours, and the
 * handlers hand it to libxml2's own SAX2 ones, which keep the result in
 * the entity, as under xmlTextReader -- so nothing an entity holds ever
 * reaches an item, and no entity is parsed twice.
 */
static struct feed_xml *
xml_st(void *arg)
{
	xmlParserCtxtPtr	 pc = arg;
	struct feed_xml	*st;

	/* libxml2 copies _private into the entity's context: compare. */
	if (pc == NULL || (st = pc->_private) == NULL || st->pc != pc)
		return (NULL);
	return (st);
}

static void
xml_error(void *arg, xmlErrorPtr e)
{
	struct feed_xml	*st = xml_st(arg);

	if (st == NULL || e == NULL || e->level != XML_ERR_FATAL)
		return;
	feed_error(st->ctx, "line %d: %s", e->line,
	    e->message != NULL ? e->message : "XML error");
}

/* Stop at once: the callback asked to, or a limit was hit. */
static void
xml_stop(struct feed_xml *st)
{
	xmlStopParser(st->pc);
}

/* Parser state for a streamed format; feed_xml_free(). */
struct feed_xml *
feed_xml_new(struct feed_ctx *ctx, const struct feed_xml_spec *spec)
{
	struct feed_xml	*st;

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
	sbuf_init(&st->block);
	sbuf_init(&st->tag);
	return (st);
}

void
feed_xml_free(struct feed_xml *st)
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
	sbuf_free(&st->block);
	sbuf_free(&st->tag);
	free(st);
}

/*
 * Bytes as they come, cut anywhere.  The first ones are kept until the
 * encoding can be chosen; after that a chunk at a time goes on, so that
 * nothing the size of the feed is ever held.
 */
void
feed_xml_push(struct feed_xml *st, const char *buf, size_t len)
{
	size_t	n;

	/* A declaration is over within FEED_XML_DECL bytes after a BOM. */
	while (st->mode == XM_DECL && len > 0) {
		n = FEED_XML_DECL + 3 - st->pre.len;
		n = len < n ? len : n;
		sbuf_append(&st->pre, buf, n);
		buf += n;
		len -= n;
		if (st->spec->html ? st->pre.len >= FEED_XML_DECL + 3 :
		    xml_ready(st->pre.data, st->pre.len))
			xml_begin(st, 0);
	}
	for (; len > 0 && !st->ctx->failed && !st->ctx->stopped;
	    buf += n, len -= n) {
		n = len < FEED_XML_CHUNK ? len : FEED_XML_CHUNK;
		xml_input(st, buf, n, 0);
	}
}

/* The end of the feed: what was held back, then the parser's end. */
void
feed_xml_finish(struct feed_xml *st)
{
	int	rc;

	if (st->mode == XM_DECL)
		xml_begin(st, 1);
	else
		xml_input(st, NULL, 0, 1);
	if (st->spec->html && !st->ctx->failed && !st->ctx->stopped) {
		html_finish(st);
		return;
	}
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
xml_begin(struct feed_xml *st, int end)
{
	const unsigned char	*u = (const unsigned char *)st->pre.data;
	const char		*b = st->pre.data;
	size_t			 n = st->pre.len, first;
	enum feed_enc		 kind;
	int			 be;

	if (st->spec->html && n >= 2 && (u[0] == '\0' || u[1] == '\0' ||
	    (u[0] == 0xfe && u[1] == 0xff) || (u[0] == 0xff && u[1] == 0xfe))) {
		/* A UTF-16 page, to UTF-8 through libxml2's converter. */
		be = u[0] == 0xfe || u[0] == '\0';
		first = (u[0] == 0xfe && u[1] == 0xff) ||
		    (u[0] == 0xff && u[1] == 0xfe) ? 2 : 0;
		(void)snprintf(st->enc, sizeof(st->enc), "%s",
		    be ? "UTF-16BE" : "UTF-16LE");
		st->conv = xmlFindCharEncodingHandler(st->enc);
		st->cin = xmlBufferCreate();
		st->cout = xmlBufferCreate();
		if (st->conv == NULL || st->cin == NULL || st->cout == NULL) {
			feed_error(st->ctx, "cannot convert from %s", st->enc);
			return;
		}
		st->mode = XM_CONV;
		xml_input(st, b + first, n - first, end);
		return;
	}
	if (n >= 2 && (u[0] == '\0' || u[1] == '\0' ||
	    (u[0] == 0xfe && u[1] == 0xff) || (u[0] == 0xff && u[1] == 0xfe))) {
		/* libxml2 looks at the first four bytes to choose. */
		st->mode = XM_RAW;
		first = n < 4 ? 0 : 4;
		xml_open(st, b, (int)first);
		xml_input(st, b + first, n - first, end);
		return;
	}
	feed_declared(b, n, st->spec->html, st->enc, sizeof(st->enc));
	/* Read as UTF-8, a UTF-8 byte order mark is not text. */
	if (n >= 3 && memcmp(b, "\xef\xbb\xbf", 3) == 0) {
		b += 3;
		n -= 3;
	}
	/* A UTF-16 or UTF-32 document would have shown NULs by now. */
	kind = feed_enc_kind(st->enc);
	st->mode = kind == FEED_ENC_UTF8 || kind == FEED_ENC_WIDE ? XM_UTF8 :
	    XM_SNIFF;
	xml_open(st, NULL, 0);
	xml_input(st, b, n, end);
}

/*
 * The push parser: given the first bytes, libxml2 chooses the encoding;
 * without, it reads UTF-8 whatever the document declares.
 */
static void
xml_open(struct feed_xml *st, const char *first, int nfirst)
{
	xmlSAXHandler	sax;
	int		opts;

	memset(&sax, 0, sizeof(sax));
	if (st->spec->html)
		return;		/* scanned here, in UTF-8 */
	xmlSAXVersion(&sax, 2);
	sax.startElementNs = xml_start;
	sax.endElementNs = xml_end;
	sax.characters = sax.ignorableWhitespace = xml_chars;
	sax.cdataBlock = xml_cdata;
	sax.reference = xml_ref;
	sax.comment = NULL;
	sax.processingInstruction = NULL;
	/* Every message comes through serror. */
	sax.warning = sax.error = sax.fatalError = NULL;
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
xml_input(struct feed_xml *st, const char *b, size_t n, int end)
{
	size_t	i, keep;

	if (st->ctx->failed || st->ctx->stopped ||
	    (st->pc == NULL && !st->spec->html))
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
	if (st->mode == XM_SNIFF && n > 0) {
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
xml_decide(struct feed_xml *st, const char *b, size_t n, int end)
{
	int	valid;

	if ((valid = utf8_first(b, n)) == -1 && !end)
		return (-1);
	if (valid == 1)
		st->mode = XM_UTF8;
	else if (feed_enc_kind(st->enc) == FEED_ENC_LATIN)
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
xml_convert(struct feed_xml *st, const char *b, size_t n, int end)
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
xml_utf8(struct feed_xml *st, const char *b, size_t n)
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
xml_parse(struct feed_xml *st, const char *b, size_t n)
{
	size_t	k;

	for (; n > 0; b += k, n -= k) {
		if (st->ctx->failed || st->ctx->stopped)
			return;
		k = n < FEED_XML_CHUNK ? n : FEED_XML_CHUNK;
		if (st->spec->html) {
			html_scan(st, b, k);
			continue;
		}
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
xml_attr(struct feed_xml *st, const xmlChar **attrs, int nattrs,
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
	struct feed_xml	*st = xml_st(arg);
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
	struct feed_xml	*st = xml_st(arg);
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

/* Text or CDATA: ours, or an entity's, for libxml2's own handler. */
static void
xml_piece(void *arg, const xmlChar *text, int len,
    void (*sax2)(void *, const xmlChar *, int))
{
	struct feed_xml	*st = xml_st(arg);

	if (st == NULL)
		sax2(arg, text, len);
	else if (len > 0)
		xml_text(st, (const char *)text, len);
}

static void
xml_chars(void *arg, const xmlChar *text, int len)
{
	xml_piece(arg, text, len, xmlSAX2Characters);
}

static void
xml_cdata(void *arg, const xmlChar *text, int len)
{
	xml_piece(arg, text, len, xmlSAX2CDataBlock);
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
xml_text(struct feed_xml *st, const char *v, size_t len)
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

/* Raw text elements: their text is not markup, up to their end tag. */
static const char *const html_raw[] = {
	"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
	"noframes", "plaintext", NULL
};

/*
 * UTF-8 text of an HTML page, cut anywhere: tags, comments and raw text
 * told apart, the wanted blocks collected, the page's last bytes kept.
 */
static void
html_scan(struct feed_xml *st, const char *b, size_t n)
{
	size_t		 i, k;
	unsigned char	 c;

	if (n >= FEED_HTML_TAIL) {
		memcpy(st->tail, b + n - FEED_HTML_TAIL, FEED_HTML_TAIL);
		st->ntail = FEED_HTML_TAIL;
	} else {
		if (st->ntail + n > FEED_HTML_TAIL) {
			k = st->ntail + n - FEED_HTML_TAIL;
			memmove(st->tail, st->tail + k, st->ntail - k);
			st->ntail -= k;
		}
		memcpy(st->tail + st->ntail, b, n);
		st->ntail += n;
	}
	for (i = 0; i < n && !st->ctx->failed && !st->ctx->stopped; i++) {
		/* Text and raw text run to the next '<': skipped, or kept. */
		if ((st->hs == HS_TEXT || ((st->hs == HS_RAW ||
		    st->hs == HS_BLOCK) && st->match == 0)) && b[i] != '<') {
			const char	*lt = memchr(b + i, '<', n - i);

			k = lt != NULL ? (size_t)(lt - (b + i)) : n - i;
			if (st->hs == HS_BLOCK && !st->block_over) {
				if (st->block.len + k > st->spec->block_max) {
					st->block_over = 1;
					sbuf_reset(&st->block);
				} else
					sbuf_append(&st->block, b + i, k);
			}
			i += k - 1;
			continue;
		}
		c = (unsigned char)b[i];
		switch (st->hs) {
		case HS_TEXT:
			if (c == '<')
				st->hs = HS_LT;
			break;
		case HS_LT:
			if (isalpha(c) || c == '/') {
				sbuf_reset(&st->tag);
				sbuf_putc(&st->tag, c);
				st->quote = 0;
				st->hs = HS_TAG;
			} else if (c == '!') {
				st->match = 0;
				st->hs = HS_BANG;
			} else if (c == '?')
				st->hs = HS_DECL;
			else
				st->hs = c == '<' ? HS_LT : HS_TEXT;
			break;
		case HS_TAG:
			if (st->quote != 0) {
				if (c == st->quote)
					st->quote = 0;
			} else if (c == '"' || c == '\'')
				st->quote = c;
			else if (c == '>') {
				html_tag(st);
				break;
			}
			/* A tag longer than this is not one we read. */
			if (st->tag.len < 8192)
				sbuf_putc(&st->tag, c);
			break;
		case HS_BANG:
			if (c == '-' && st->match < 2) {
				if (++st->match == 2) {
					st->match = 0;
					st->hs = HS_COMMENT;
				}
			} else
				st->hs = c == '>' ? HS_TEXT : HS_DECL;
			break;
		case HS_COMMENT:
			if (c == '-')
				st->match++;
			else if (c == '>' && st->match >= 2)
				st->hs = HS_TEXT;
			else
				st->match = 0;
			break;
		case HS_DECL:
			if (c == '>')
				st->hs = HS_TEXT;
			break;
		case HS_RAW:
		case HS_BLOCK:
			if (st->hs == HS_BLOCK && !st->block_over) {
				if (st->block.len >= st->spec->block_max) {
					/* One block's worth of memory at most. */
					st->block_over = 1;
					sbuf_reset(&st->block);
				} else
					sbuf_putc(&st->block, c);
			}
			/* "</" and the element's name, in any case. */
			if (st->match == 0 ? c == '<' : st->match == 1 ?
			    c == '/' : tolower(c) ==
			    st->endname[st->match - 2])
				st->match++;
			else
				st->match = c == '<';
			if (st->match == strlen(st->endname) + 2) {
				if (st->hs == HS_BLOCK)
					html_block_end(st);
				/* The rest of the end tag, up to its '>'. */
				st->hs = HS_DECL;
				st->match = 0;
			}
			break;
		}
	}
}

/* A whole tag, without its '<' and '>': raw text or a block may follow. */
static void
html_tag(struct feed_xml *st)
{
	const char	*t, *an, *attrs[3];
	char		 name[16], type[128], q;
	size_t		 n, k, len, anlen;

	st->hs = HS_TEXT;
	sbuf_putc(&st->tag, '\0');
	t = st->tag.data;
	if (*t == '/')
		return;
	for (n = 0; isalnum((unsigned char)t[n]) && n + 1 < sizeof(name); n++)
		name[n] = tolower((unsigned char)t[n]);
	name[n] = '\0';
	if (isalnum((unsigned char)t[n]))
		return;
	for (k = 0; html_raw[k] != NULL; k++)
		if (strcmp(name, html_raw[k]) == 0)
			break;
	if (html_raw[k] == NULL)
		return;
	/* Its type attribute, the one attribute a block is chosen by. */
	type[0] = '\0';
	for (t += n; *t != '\0';) {
		while (isspace((unsigned char)*t) || *t == '/')
			t++;
		an = t;
		while (*t != '\0' && *t != '=' && *t != '/' &&
		    !isspace((unsigned char)*t))
			t++;
		anlen = t - an;
		while (isspace((unsigned char)*t))
			t++;
		if (*t != '=') {
			if (anlen == 0 && *t != '\0')
				t++;
			continue;
		}
		for (t++; isspace((unsigned char)*t); t++)
			continue;
		if (*t == '"' || *t == '\'') {
			q = *t++;
			for (len = 0; t[len] != '\0' && t[len] != q; len++)
				continue;
		} else
			for (len = 0; t[len] != '\0' &&
			    !isspace((unsigned char)t[len]); len++)
				continue;
		if (anlen == 4 && strncasecmp(an, "type", 4) == 0 &&
		    type[0] == '\0') {
			k = len < sizeof(type) ? len : sizeof(type) - 1;
			memcpy(type, t, k);
			type[k] = '\0';
		}
		t += len;
		if (*t != '\0')
			t++;
	}
	(void)snprintf(st->endname, sizeof(st->endname), "%s", name);
	st->match = 0;
	attrs[0] = "type";
	attrs[1] = type;
	attrs[2] = NULL;
	if (type[0] != '\0' && st->spec->block_want(name, attrs)) {
		st->hs = HS_BLOCK;
		st->block_over = 0;
		sbuf_reset(&st->block);
	} else if (strcmp(name, "plaintext") != 0)
		st->hs = HS_RAW;
	else
		st->hs = HS_DECL;	/* the rest of the page is text */
}

/* A block's end tag: its text, without "</script", to the format. */
static void
html_block_end(struct feed_xml *st)
{
	char	why[sizeof(st->block_err)];
	size_t	n;

	why[0] = '\0';
	n = strlen(st->endname) + 2;
	if (st->block_over)
		(void)snprintf(why, sizeof(why), "ld+json block over %zu bytes",
		    st->spec->block_max);
	else if (st->spec->block(st->ctx, st->raw, st->block.data != NULL ?
	    st->block.data : "", st->block.len >= n ? st->block.len - n : 0,
	    why, sizeof(why)) == -1 && why[0] == '\0')
		(void)snprintf(why, sizeof(why), "a block was refused");
	if (why[0] != '\0' && st->block_err[0] == '\0')
		(void)snprintf(st->block_err, sizeof(st->block_err), "%s", why);
	sbuf_reset(&st->block);
}

/*
 * The end of an HTML page: whether it was whole (the end of <body> or
 * <html> in its last bytes) and whether a block was refused on the way.
 */
static void
html_finish(struct feed_xml *st)
{
	size_t	i;

	if (st->hs == HS_BLOCK)
		feed_error(st->ctx, "the page ends inside an ld+json block");
	for (i = 0; i + 6 <= st->ntail; i++)
		if (strncasecmp(st->tail + i, "</body", 6) == 0 ||
		    strncasecmp(st->tail + i, "</html", 6) == 0)
			break;
	if (i + 6 > st->ntail)
		feed_error(st->ctx, "the page is cut short: no </body> or "
		    "</html> at its end");
	else if (st->block_err[0] != '\0')
		feed_error(st->ctx, "%s", st->block_err);
}
