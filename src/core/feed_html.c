/*
 * A plain HTML listing read through an XPath mapping: one XPath selects
 * the postings, the others are evaluated with each posting as the
 * context node.  XPath string functions (substring-before, normalize-
 * space, ...) split combined texts such as "Contract · CITY".
 */

#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include "core.h"
#include "feed.h"

/* A mapping file is a handful of lines. */
#define MAP_MAX_BYTES	(64 * 1024)

struct map_key {
	const char	*name;
	size_t		 off;		/* in struct feed_html_map */
	enum feed_field	 field;
	int		 required;
};

static const struct map_key	*map_key_find(const char *);
static int			 map_line(struct feed_html_map *, char *,
				    char *, size_t);
static void			 html_quiet(void *, xmlErrorPtr);
static void			 html_value(struct feed_ctx *,
				    struct feed_raw *, xmlXPathContextPtr,
				    const char *, enum feed_field);

#define MAP_SLOT(m, k)	((const char **)((char *)(m) + (k)->off))

static const struct map_key map_keys[] = {
	{ "item", offsetof(struct feed_html_map, item), FF__MAX, 1 },
	{ "company", offsetof(struct feed_html_map, company), FF_COMPANY, 0 },
	{ "title", offsetof(struct feed_html_map, title), FF_TITLE, 1 },
	{ "contract", offsetof(struct feed_html_map, contract), FF_CONTRACT,
	    0 },
	{ "city", offsetof(struct feed_html_map, city), FF_CITY, 0 },
	{ "link", offsetof(struct feed_html_map, link), FF_URL, 0 },
	{ "date", offsetof(struct feed_html_map, date), FF_DATE, 0 },
};

#define MAP_NKEYS	(sizeof(map_keys) / sizeof(map_keys[0]))

static const struct map_key *
map_key_find(const char *name)
{
	size_t	i;

	for (i = 0; i < MAP_NKEYS; i++)
		if (strcmp(map_keys[i].name, name) == 0)
			return (&map_keys[i]);
	return (NULL);
}

/*
 * Read "key = xpath" lines (# starts a comment line; the first '=' ends
 * the key, so XPaths may hold '=').  Every XPath is compiled here so a
 * bad mapping fails when it is loaded, not at fetch time.  The strings
 * are malloc'd: free with feed_html_map_free().
 */
int
feed_html_map_load(const char *path, struct feed_html_map *map, char *err,
    size_t errlen)
{
	FILE		*f;
	char		*buf, *line, *next;
	size_t		 n, i;
	int		 lineno = 0, rc = -1;

	memset(map, 0, sizeof(*map));
	if ((f = fopen(path, "r")) == NULL) {
		(void)snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return (-1);
	}
	if ((buf = malloc(MAP_MAX_BYTES + 1)) == NULL) {
		(void)fclose(f);
		(void)snprintf(err, errlen, "out of memory");
		return (-1);
	}
	n = fread(buf, 1, MAP_MAX_BYTES + 1, f);
	(void)fclose(f);
	if (n > MAP_MAX_BYTES) {
		(void)snprintf(err, errlen, "%s: over %d bytes", path,
		    MAP_MAX_BYTES);
		goto out;
	}
	buf[n] = '\0';
	for (line = buf; line != NULL; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (map_line(map, line, err, errlen) == -1) {
			(void)snprintf(err + strlen(err), errlen - strlen(err),
			    " (%s:%d)", path, lineno);
			goto out;
		}
	}
	for (i = 0; i < MAP_NKEYS; i++) {
		if (map_keys[i].required && *MAP_SLOT(map, &map_keys[i]) ==
		    NULL) {
			(void)snprintf(err, errlen, "%s: no \"%s\" line", path,
			    map_keys[i].name);
			goto out;
		}
	}
	rc = 0;
out:
	free(buf);
	if (rc == -1)
		feed_html_map_free(map);
	return (rc);
}

static int
map_line(struct feed_html_map *map, char *line, char *err, size_t errlen)
{
	const struct map_key	*k;
	xmlXPathContextPtr	 xp;
	xmlXPathCompExprPtr	 comp;
	char			*eq, *key, *val, *end;
	const char		**slot;

	while (isspace((unsigned char)*line))
		line++;
	if (*line == '\0' || *line == '#')
		return (0);
	if ((eq = strchr(line, '=')) == NULL) {
		(void)snprintf(err, errlen, "no '=' in \"%s\"", line);
		return (-1);
	}
	key = line;
	for (end = eq; end > key && isspace((unsigned char)end[-1]); end--)
		continue;
	*end = '\0';
	for (val = eq + 1; isspace((unsigned char)*val); val++)
		continue;
	for (end = val + strlen(val); end > val &&
	    isspace((unsigned char)end[-1]); end--)
		continue;
	*end = '\0';
	if ((k = map_key_find(key)) == NULL) {
		(void)snprintf(err, errlen, "unknown key \"%s\"", key);
		return (-1);
	}
	slot = MAP_SLOT(map, k);
	if (*slot != NULL) {
		(void)snprintf(err, errlen, "\"%s\" given twice", key);
		return (-1);
	}
	if ((xp = xmlXPathNewContext(NULL)) == NULL) {
		(void)snprintf(err, errlen, "out of memory");
		return (-1);
	}
	xp->error = html_quiet;
	comp = xmlXPathCtxtCompile(xp, (const xmlChar *)val);
	xmlXPathFreeContext(xp);
	if (comp == NULL) {
		(void)snprintf(err, errlen, "bad XPath for %s: \"%s\"", key,
		    val);
		return (-1);
	}
	xmlXPathFreeCompExpr(comp);
	if ((*slot = strdup(val)) == NULL) {
		(void)snprintf(err, errlen, "out of memory");
		return (-1);
	}
	return (0);
}

void
feed_html_map_free(struct feed_html_map *map)
{
	size_t	i;

	for (i = 0; i < MAP_NKEYS; i++) {
		free((char *)*MAP_SLOT(map, &map_keys[i]));
		*MAP_SLOT(map, &map_keys[i]) = NULL;
	}
}

int
feed_html_parse(struct feed_ctx *ctx, const char *buf, size_t len)
{
	const struct feed_html_map	*map = ctx->opts.map;
	struct feed_raw			*raw;
	xmlDocPtr			 doc;
	xmlXPathContextPtr		 xp;
	xmlXPathObjectPtr		 set;
	xmlNodeSetPtr			 ns;
	const char			*xpath;
	size_t				 k;
	int				 i;

	if (map == NULL || map->item == NULL) {
		feed_error(ctx, "no XPath mapping for the HTML listing");
		return (-1);
	}
	if ((doc = feed_html_read(ctx, buf, len)) == NULL)
		return (-1);
	if ((xp = xmlXPathNewContext(doc)) != NULL)
		xp->error = html_quiet;
	if (xp == NULL ||
	    (set = xmlXPathEval((const xmlChar *)map->item, xp)) == NULL) {
		feed_error(ctx, "bad item XPath \"%s\"", map->item);
		xmlXPathFreeContext(xp);
		xmlFreeDoc(doc);
		return (-1);
	}
	raw = feed_raw_new();
	ns = set->type == XPATH_NODESET ? set->nodesetval : NULL;
	for (i = 0; ns != NULL && i < ns->nodeNr && !ctx->stopped; i++) {
		feed_raw_reset(raw);
		for (k = 0; k < MAP_NKEYS; k++) {
			if (map_keys[k].field == FF__MAX)
				continue;
			xpath = *MAP_SLOT(map, &map_keys[k]);
			if (xpath == NULL)
				continue;
			xp->node = ns->nodeTab[i];
			html_value(ctx, raw, xp, xpath, map_keys[k].field);
		}
		(void)feed_emit(ctx, raw, 1);
	}
	feed_raw_free(raw);
	xmlXPathFreeObject(set);
	xmlXPathFreeContext(xp);
	xmlFreeDoc(doc);
	return (ctx->failed ? -1 : 0);
}

/* XPath errors are reported through the parse result, not stderr. */
static void
html_quiet(void *arg, xmlErrorPtr e)
{
	(void)arg;
	(void)e;
}

/*
 * The string value of an XPath for one posting: a string or number
 * result as it is, a node-set's first node as its text -- or its href
 * when that node is a link element and the field is the link.
 */
static void
html_value(struct feed_ctx *ctx, struct feed_raw *raw, xmlXPathContextPtr xp,
    const char *xpath, enum feed_field f)
{
	xmlXPathObjectPtr	 obj;
	xmlNodePtr		 n;
	xmlChar			*s = NULL;

	if ((obj = xmlXPathEval((const xmlChar *)xpath, xp)) == NULL) {
		feed_error(ctx, "bad XPath \"%s\"", xpath);
		return;
	}
	if (obj->type == XPATH_NODESET && obj->nodesetval != NULL &&
	    obj->nodesetval->nodeNr > 0) {
		n = obj->nodesetval->nodeTab[0];
		if (f == FF_URL && n->type == XML_ELEMENT_NODE)
			s = xmlGetProp(n, (const xmlChar *)"href");
		if (s == NULL)
			s = xmlNodeGetContent(n);
	} else if (obj->type == XPATH_STRING || obj->type == XPATH_NUMBER)
		s = xmlXPathCastToString(obj);
	if (s != NULL && feed_raw_claim(raw, f, 0, 0) == 0)
		feed_raw_append(ctx, raw, f, (const char *)s,
		    strlen((char *)s));
	xmlFree(s);
	xmlXPathFreeObject(obj);
}
