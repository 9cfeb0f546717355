/*
 * Partner feed parsers: untrusted bytes in, normalisable items out.
 * Pure C over libxml2 and jansson; no Kore, no database.  Each parser
 * calls the callback once per item; the item and its strings belong to
 * the parser and are only valid during the call.
 */
#ifndef FJ_FEED_H
#define FJ_FEED_H

#include <stddef.h>
#include <stdint.h>

enum feed_format {
	FEED_INDEED,	/* <source><job>..., streamed (SAX2 push parser) */
	FEED_RSS,	/* RSS 2.0, incl. WP Job Manager job_listing: fields */
	FEED_ATOM,
	FEED_JSONLD,	/* HTML with schema.org JobPosting in ld+json */
	FEED_HTML,	/* plain HTML listing + an XPath mapping */
	FEED_FORMAT_MAX
};

/* Every field is valid UTF-8 (converted/repaired), entity-decoded once,
 * squashed, or NULL when absent. */
struct feed_item {
	const char	*external_id;	/* id / guid / referencenumber */
	const char	*title;
	const char	*company;
	const char	*contract;	/* raw label(s), e.g. "Full-time, CDI" */
	const char	*city;
	const char	*region;
	const char	*country;
	const char	*description;	/* plain text, paragraphs by \n\n */
	const char	*url;		/* posting / apply URL */
	const char	*email;
	const char	*date;		/* as given: RFC 822, RFC 3339, ... */
	const char	*expires;
	const char	*salary;
	const char	*lang;
	uint64_t	 digest;	/* feed_opts.known set: see there */
};

/* Called per item; return 0 to go on, -1 to stop the parse. */
typedef int	(*feed_item_cb)(const struct feed_item *, void *arg);

struct feed_html_map {
	const char	*item;		/* XPath of each posting node */
	const char	*company;	/* XPaths relative to the item */
	const char	*title;
	const char	*contract;
	const char	*city;
	const char	*link;
	const char	*date;
};

struct feed_opts {
	size_t				 max_bytes;	/* input cap */
	int				 max_depth;	/* element nesting */
	size_t				 max_field;	/* bytes per field */
	const struct feed_html_map	*map;		/* FEED_HTML only */
	const char			*base_url;	/* resolve links */
	/*
	 * Optional, for an importer that keeps what it read last time.
	 * Called per item before its description, the costly field, is
	 * cleaned, with every other field cleaned, description NULL and
	 * digest set: a 64-bit digest of the item as read (its raw fields,
	 * the options that shape the cleaning, and FEED_CLEAN_VERSION).
	 * Two items with the same digest clean to the same fields.  Return 1
	 * to skip the item (counted in items, cb not called), 0 to go on:
	 * the item then reaches cb whole, with the same digest; -1 stops the
	 * parse, as cb's -1 does.
	 */
	int	(*known)(const struct feed_item *, void *arg);
};

/*
 * Bump whenever the cleaning of a field (feed_emit and what it calls) may
 * give another result for the same input: the digests above change with
 * it, and every item is cleaned again once.
 */
#define FEED_CLEAN_VERSION	1

struct feed_result {
	size_t		items;		/* callbacks made */
	int		complete;	/* 1: the whole document was well formed */
	char		error[256];	/* why not, when not */
};

/* A parse fed by the caller, chunk by chunk, as the bytes arrive. */
struct feed_stream;

int	 feed_format_parse(const char *, enum feed_format *);
const char *feed_format_name(enum feed_format);
/*
 * Parse buf: feed_stream_new(), one feed_stream_push(), feed_stream_end().
 * Returns 0 when the document was read to its end and was well formed
 * (result->complete = 1), -1 otherwise with result->error set.  Items
 * seen before an error were still passed to cb: the importer must not
 * treat a failed parse as a snapshot (it must close nothing).
 */
int	 feed_parse(enum feed_format, const char *buf, size_t len,
	    const struct feed_opts *, feed_item_cb, void *arg,
	    struct feed_result *);
/*
 * A push parse.  feed_stream_new() never returns NULL (it aborts on memory
 * exhaustion like sbuf); a stream that cannot start (unknown format) has
 * its error recorded and refuses every push.  result may be NULL; when
 * given it is written as the parse goes and is final after
 * feed_stream_end().  Items reach cb during the pushes: indeed, rss and
 * atom are parsed as the bytes come, in flat memory whatever the size of
 * the feed; jsonld and html pages are kept until the end, then parsed.
 * The input may be cut anywhere, even inside a character: the items are
 * the same as from one feed_parse() of the whole.  Free with
 * feed_stream_free(), ended or not.
 */
struct feed_stream *feed_stream_new(enum feed_format,
	    const struct feed_opts *, feed_item_cb, void *arg,
	    struct feed_result *);
/* 0, or -1 once the parse has failed or was stopped: stop pushing. */
int	 feed_stream_push(struct feed_stream *, const char *, size_t);
/* No more bytes: returns as feed_parse() does; later calls too. */
int	 feed_stream_end(struct feed_stream *);
void	 feed_stream_free(struct feed_stream *);
/* Load an XPath mapping file of "key = xpath" lines; -1 with err set. */
int	 feed_html_map_load(const char *path, struct feed_html_map *,
	    char *err, size_t errlen);
void	 feed_html_map_free(struct feed_html_map *);
/* One-time libxml2 set-up: external entity loader that refuses everything. */
void	 feed_init(void);
/*
 * FNV-1a 64 over every field of an item, chained from h; a NULL field and
 * an empty one differ.  Two parses gave the same items, in the same order,
 * when their chained digests agree (the fuzzers and bench_feed compare so).
 */
uint64_t feed_item_digest(uint64_t h, const struct feed_item *);

/*
 * Internal to the parsers (feed*.c): shared by feed.c, the modules it
 * is split into and the format files, not part of the interface the
 * importer uses.
 */
struct sbuf;

enum feed_field {
	FF_ID, FF_TITLE, FF_COMPANY, FF_CONTRACT, FF_CITY, FF_REGION,
	FF_COUNTRY, FF_DESC, FF_URL, FF_EMAIL, FF_DATE, FF_EXPIRES,
	FF_SALARY, FF_LANG, FF__MAX
};

/* One parse: options with defaults applied, the callback, the result. */
struct feed_ctx {
	struct feed_opts	 opts;
	feed_item_cb		 cb;
	void			*arg;
	struct feed_result	*res;
	int			 failed;	/* an error was recorded */
	int			 stopped;	/* the callback returned -1 */
};

/* Raw values of the item being read, reused from item to item. */
struct feed_raw;

/* An element of a streamed XML item and the field it fills. */
#define FT_JOIN		0x01	/* repeated elements are joined by ", " */
#define FT_HREF		0x02	/* the value is @href when present */
struct feed_tag {
	const char	*parent;	/* enclosing element, NULL: item child */
	const char	*name;		/* local name, case-insensitive */
	enum feed_field	 field;
	int		 prio;		/* the lowest wins */
	int		 flags;
};

struct feed_xml_spec {
	const char *const	*items;		/* local names, NULL-ended */
	const struct feed_tag	*tags;
	size_t			 ntags;
	/*
	 * An HTML page read as it comes (libxml2's HTML push parser): no
	 * items by tags; the text of each element block_want() picks (at
	 * most block_max bytes) goes whole to block().  The page must end
	 * with </body> or </html>.  A block that block() refuses (-1, with
	 * why) makes the parse incomplete at its end, but the blocks after it
	 * are still read.
	 */
	int			 html;
	int			(*block_want)(const char *,
				    const char *const *);
	int			(*block)(struct feed_ctx *, struct feed_raw *,
				    const char *, size_t, char *why, size_t);
	size_t			 block_max;
};

void	 feed_error(struct feed_ctx *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Never NULL (aborts on memory exhaustion like sbuf); feed_raw_free. */
struct feed_raw	*feed_raw_new(void);
void	 feed_raw_reset(struct feed_raw *);
void	 feed_raw_free(struct feed_raw *);
/* Append to a field, capped; the value stays NUL-terminated. */
void	 feed_raw_append(struct feed_ctx *, struct feed_raw *,
	    enum feed_field, const char *, size_t);
/*
 * Take a field for a source of priority prio: 0 when it was taken (a
 * better source empties it first; with join, an equal one adds ", "
 * before its text), -1 when a better source already set it.
 */
int	 feed_raw_claim(struct feed_raw *, enum feed_field, int prio,
	    int join);
/* Clean every field and call the callback; -1 when it asked to stop.
 * decoded: entities were already decoded by an HTML parser. */
int	 feed_emit(struct feed_ctx *, struct feed_raw *, int decoded);

/* feed_clean.c */
/* Clean text into out: valid UTF-8, entities decoded once (unless
 * decoded), whitespace squashed, at most max bytes; "" when empty. */
void	 feed_clean(struct sbuf *, const char *, size_t, size_t max,
	    int decoded);
/* A cleaned link resolved against the base URL; "" unless http(s). */
void	 feed_clean_url(struct feed_ctx *, struct sbuf *);
/* Valid UTF-8, cut to max bytes on a character boundary, no end space. */
void	 feed_cut(struct sbuf *, size_t max);
/* Append s with its whitespace squashed (breaks: keep line breaks). */
void	 feed_squash(struct sbuf *, const char *, size_t, int breaks);

/* feed_htmltext.c */
/* HTML fragment to plain text: paragraphs by "\n\n", "- " list items. */
void	 feed_html_text(struct sbuf *, const char *, size_t, size_t max);
/* feed_html_text() with a scratch buffer the caller keeps for the next. */
void	 feed_html_tmp(struct sbuf *, struct sbuf *tmp, const char *,
	    size_t, size_t max);

/* feed_enc.c */
enum feed_enc {
	FEED_ENC_UTF8,		/* UTF-8, or nothing declared */
	FEED_ENC_LATIN,		/* Latin-1 and kin: read as Windows-1252 */
	FEED_ENC_WIDE,		/* UTF-16 or UTF-32 */
	FEED_ENC_OTHER		/* left to libxml2's converters */
};
enum feed_enc feed_enc_kind(const char *);
/* The encoding a document declares, lower case, "" when none. */
void	 feed_declared(const char *, size_t, int html, char *enc,
	    size_t encsz);
/* text_utf8_valid(), a word at a time over ASCII blocks. */
int	 feed_utf8_valid(const char *, size_t);
/*
 * Make the input safe to hand to libxml2 as UTF-8 when its bytes and its
 * declared encoding disagree.  *out is NULL when buf can be used as is;
 * otherwise a malloc'd UTF-8 copy the caller frees, and *force is set.
 */
int	 feed_prepare(const char *, size_t, int html, char **out,
	    size_t *outlen, int *force);
/*
 * Parse an HTML page (no network, no entities from outside) and check it
 * is whole: not nested deeper than max_depth, not cut before </body> or
 * </html>.  NULL when it cannot be used at all; otherwise the caller
 * frees it with xmlFreeDoc() (an incomplete page still has its error
 * recorded).
 */
struct _xmlDoc;
struct _xmlDoc	*feed_html_read(struct feed_ctx *, const char *, size_t);

/*
 * feed_push.c: the push parser of a streamed format; never NULL (aborts
 * on memory exhaustion), freed with feed_xml_free().  Errors and stops
 * are recorded in the feed_ctx.
 */
struct feed_xml;
struct feed_xml	*feed_xml_new(struct feed_ctx *, const struct feed_xml_spec *);
void	 feed_xml_push(struct feed_xml *, const char *, size_t);
void	 feed_xml_finish(struct feed_xml *);
void	 feed_xml_free(struct feed_xml *);

/* The streamed formats: what their items and fields are called. */
extern const struct feed_xml_spec	feed_indeed_spec;
extern const struct feed_xml_spec	feed_rss_spec;
/* The formats read whole: the page, once it has all arrived. */
extern const struct feed_xml_spec	feed_jsonld_spec;
int	 feed_html_parse(struct feed_ctx *, const char *, size_t);

#endif
