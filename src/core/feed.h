/*
 * Partner feed parsers: untrusted bytes in, normalisable items out.
 * Pure C over libxml2 and jansson; no Kore, no database.  Each parser
 * calls the callback once per item; the item and its strings belong to
 * the parser and are only valid during the call.
 */
#ifndef FJ_FEED_H
#define FJ_FEED_H

#include <stddef.h>

enum feed_format {
	FEED_INDEED,	/* <source><job>..., streamed with xmlTextReader */
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
};

struct feed_result {
	size_t		items;		/* callbacks made */
	int		complete;	/* 1: the whole document was well formed */
	char		error[256];	/* why not, when not */
};

int	 feed_format_parse(const char *, enum feed_format *);
const char *feed_format_name(enum feed_format);
/*
 * Parse buf.  Returns 0 when the document was read to its end and was well
 * formed (result->complete = 1), -1 otherwise with result->error set.  Items
 * seen before an error were still passed to cb: the importer must not treat
 * a failed parse as a snapshot (it must close nothing).
 */
int	 feed_parse(enum feed_format, const char *buf, size_t len,
	    const struct feed_opts *, feed_item_cb, void *arg,
	    struct feed_result *);
/* Load an XPath mapping file of "key = xpath" lines; -1 with err set. */
int	 feed_html_map_load(const char *path, struct feed_html_map *,
	    char *err, size_t errlen);
void	 feed_html_map_free(struct feed_html_map *);
/* One-time libxml2 set-up: external entity loader that refuses everything. */
void	 feed_init(void);

#endif
