/*
 * An HTML page read into a tree, with no network and nothing from
 * outside, and checked to be whole: the JSON-LD and HTML listing formats
 * start here.
 */

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "core.h"
#include "feed.h"

static int	feed_tree_depth(xmlNodePtr, int);

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
